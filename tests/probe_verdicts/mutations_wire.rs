//! Survivors of cargo-mutants over the secret, the user, the request and the words of an
//! answer (session 8; tests/README.md lists them): each test fails on the mutant it names.

use super::*;
use crate::answerer::case;

/// Mutant: `jira_words`' `404` arm deleted. Jira's own 404 on `/myself` (a base URL without
/// its context path, or a REST API moved away) says Jira has no such REST resource there —
/// not "unhandled status".
#[test]
fn jiras_own_404_on_myself_says_there_is_no_such_resource() {
    let myself = Exchange::Response(common::malformed::resp(
        404,
        &[
            ("Content-Type", "application/json;charset=UTF-8"),
            ("X-AREQUESTID", "1032x912x1"),
            ("X-ASEN", "SEN-L12345678"),
        ],
        r#"{"errorMessages":["null for uri: https://jira.example.com/rest/api/2/myself"],"errors":{}}"#,
    ));
    let c = common::malformed::dc_myself(myself);
    let v = &c.result.verdict;
    assert_eq!(v.code, Code::UnexpectedResponse, "{}", v.cause.en);
    let text = format!("{} {}", v.cause.en, v.fix.en);
    assert!(text.contains("no such REST resource"), "{text}");
}

/// Mutant: `not_a_token`'s `ApiToken` arm deleted. On Cloud a secret with characters no API
/// token has (the account's password, typed in Cyrillic) is named as the API token it was
/// asked for, not as a personal access token; nothing is sent.
#[test]
fn a_cloud_secret_that_cannot_be_a_token_is_named_an_api_token() {
    let i = plain_input("ann@example.com", "мой пароль", AuthChoice::ApiToken);
    let flow = ProbeFlow::new(i, detection("cloud")).expect("valid input");
    let (result, rounds) = common::drive(flow, |req| panic!("sent {}", req.id));
    assert_eq!(rounds, 0);
    let v = &result.verdict;
    assert_eq!(v.code, Code::SecretNotAToken, "{}", v.cause.en);
    assert!(v.cause.en.contains("API token"), "{}", v.cause.en);
    assert!(
        !v.cause.en.contains("personal access token"),
        "{}",
        v.cause.en
    );
}

/// Mutants: `surrounding_whitespace`'s `c == '\n' || c == '\r'`, either `==` → `!=`. The
/// notice about white space removed from a pasted secret names what was there: spaces alone
/// are "spaces", not "line breaks and spaces"; a Windows line end is "line breaks".
#[test]
fn the_white_space_removed_from_a_secret_is_named_as_it_was() {
    let named = |s: &str| Secret::new(s).surrounding_whitespace().map(|(en, _)| en);
    assert_eq!(named(" s3cret-token-value "), Some("spaces".into()));
    assert_eq!(named("s3cret-token-value\r\n"), Some("line breaks".into()));
    assert_eq!(named("s3cret-token-value\r"), Some("line breaks".into()));
    assert_eq!(named("\ts3cret-token-value"), Some("tabs".into()));
    assert_eq!(named("s3cret-token-value"), None);
}

/// Mutant: `credential::base64` → `"xyzzy"`. Basic authentication is RFC 7617's: the header
/// for `Aladdin` / `open sesame` is the RFC's own example, byte for byte (the unit tests
/// compared it with the same function).
#[test]
fn basic_authentication_is_rfc_7617s() {
    assert_eq!(
        Scheme::Basic.header("Aladdin", &Secret::new("open sesame")),
        "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
    );
    assert_eq!(
        Scheme::Bearer.header("", &Secret::new(" tok3n\n")),
        "Bearer tok3n"
    );
}

/// Mutant: `gateway_scheme` → `true`. A person's token sent as Bearer to a Cloud site is
/// refused there (Cloud takes a person's API token over Basic only) and is not carried on to
/// the gateway; only Basic or a service account's Bearer token goes there.
#[test]
fn a_persons_bearer_refusal_on_cloud_is_not_carried_to_the_gateway() {
    let c = case("cloud", "ann@example.com", Pat, &[], Code::WrongAuthMethod);
    let flow = ProbeFlow::new(input(&c), detection("cloud")).unwrap();
    let mut sent = Vec::new();
    let _ = common::drive(flow, |req| {
        sent.push(req.url.clone());
        match req.id.as_str() {
            "myself" => common::answer("cloud", "myself-api-token-as-bearer"),
            _ => common::answer("cloud", "mypermissions-anon"),
        }
    });
    assert!(
        sent.iter()
            .all(|u| !u.starts_with("https://api.atlassian.com")),
        "{sent:?}"
    );
}

/// Mutant: `JiraUser::from_response`'s `status != 200 || truncated` → `&&`. A `/myself`
/// answer the transport cut at its size cap is no proof of a user, however well its start
/// parses: a password sent one request at a time (Basic on Server/Data Center, the CAPTCHA
/// counter) is not sent again for the permissions, and the credential is not reported working.
#[test]
fn a_myself_answer_cut_at_the_cap_is_no_user() {
    use common::malformed::{at_cap, check, dc, other};
    let c = check(dc(), "admin", AuthChoice::Basic, |r| match r.id.as_str() {
        "myself" => at_cap(r#"{"name":"admin","key":"admin","displayName":"Admin","active":true}"#),
        _ => other(),
    });
    let ids: Vec<&str> = c.sent.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["myself"]);
    assert_ne!(
        c.result.verdict.code,
        Code::Ok,
        "{}",
        c.result.verdict.cause.en
    );
    assert!(c.result.user.is_none(), "{:?}", c.result.user);
}

/// Mutant: `JiraUser::label`'s guard `display != id` → `true`. A user whose display name is
/// its login is named once ("admin"), not "admin (admin)"; another display name comes with
/// the login it answers to.
#[test]
fn a_user_is_named_once_when_the_display_name_is_the_login() {
    use jira_token_wizard::probe::JiraUser;
    let label = |json: &str| serde_json::from_str::<JiraUser>(json).unwrap().label();
    assert_eq!(label(r#"{"name":"admin","displayName":"admin"}"#), "admin");
    assert_eq!(
        label(r#"{"name":"ivanov","displayName":"Ivan Ivanov"}"#),
        "Ivan Ivanov (ivanov)"
    );
}

/// Mutant: `permissions_url`'s `*k != "USE" && …` → `||`. On Cloud, where `mypermissions`
/// needs the keys named (facts §5.1), ELMA365's check asks its project keys and leaves out
/// `USE` ("Jira Users"), which the product never asks of Cloud.
#[test]
fn cloud_is_not_asked_for_the_server_only_use_permission() {
    let mut i = plain_input("ann@example.com", SECRET, AuthChoice::ApiToken);
    i.target = jira_token_wizard::targets::Target::Elma365;
    let flow = ProbeFlow::new(i, detection("cloud")).unwrap();
    let mut asked = Vec::new();
    let _ = common::drive(flow, |req| {
        if req.id == "mypermissions" {
            asked.push(req.url.clone());
        }
        match req.id.as_str() {
            "myself" => common::answer("cloud", "myself-ok"),
            _ => common::answer("cloud", "mypermissions"),
        }
    });
    let url = asked.first().expect("permissions asked");
    let keys = url.split("permissions=").nth(1).unwrap_or_default();
    assert!(keys.contains("CREATE_ISSUES"), "{url}");
    assert!(!keys.split(',').any(|k| k == "USE"), "{url}");
}

/// The verdict's English cause and fix for a `/myself` answered by `answer` on Data Center.
fn words_for(status: u16, headers: &[(&str, &str)], body: &str) -> String {
    let c = common::malformed::dc_myself(Exchange::Response(common::malformed::resp(
        status, headers, body,
    )));
    format!("{} {}", c.result.verdict.cause.en, c.result.verdict.fix.en)
}

/// Mutants: `proxy::signature`'s two `||` → `&&`. What answered in Jira's place is named by
/// any one of its marks: a `Server: squid/…` or `Server: CloudFront` alone, an `X-Amz-Cf-Id`
/// or a CloudFront `X-Cache` alone — and a Squid's own name before the `Via` it adds.
#[test]
fn the_device_in_front_is_named_by_any_one_of_its_marks() {
    let html = ("Content-Type", "text/html");
    let page = "<html><body>Access denied</body></html>";
    for (header, named) in [
        (("Server", "squid/5.7"), "Server: squid/5.7"),
        (("Server", "CloudFront"), "Server: CloudFront"),
        (("X-Amz-Cf-Id", "b5Tq3w=="), "CloudFront headers"),
        (("X-Cache", "Error from cloudfront"), "CloudFront headers"),
    ] {
        let words = words_for(502, &[html, header], page);
        assert!(words.contains(named), "{header:?}: {words}");
    }
    // Its own name outranks a `Via` the answer also carries.
    let words = words_for(
        502,
        &[
            html,
            ("Server", "squid/5.7"),
            ("Via", "1.1 gw.corp.example"),
        ],
        page,
    );
    assert!(words.contains("Server: squid/5.7"), "{words}");
}

/// Mutant: `rate_limit::value`'s first `&&` → `||`. A `Retry-After` is quoted in the verdict
/// only when it is short printable text: a 300-character one is not.
#[test]
fn only_a_plain_retry_after_is_quoted() {
    let json = ("Content-Type", "application/json");
    let body = r#"{"errorMessages":["Rate limit exceeded."]}"#;
    let words = words_for(429, &[json, ("Retry-After", "120")], body);
    assert!(words.contains("Retry-After: 120"), "{words}");
    let long = "1".repeat(300);
    let words = words_for(429, &[json, ("Retry-After", &long)], body);
    assert!(!words.contains("Retry-After:"), "{words}");
}
