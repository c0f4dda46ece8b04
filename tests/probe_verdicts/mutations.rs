//! The hand-made mutations of the core that no test used to catch: each test below fails on
//! the mutation its comment names (tests/README.md lists them).

use super::*;
use crate::answerer::{case, run_answers};
use jira_token_wizard::probe::Answerer;

fn with_header(mut ex: Exchange, name: &str, value: Option<&str>) -> Exchange {
    if let Exchange::Response(r) = &mut ex {
        match value {
            Some(v) => {
                r.headers.insert(name.into(), v.into());
            }
            None => {
                r.headers.remove(name);
            }
        }
    }
    ex
}

/// Mutation: "a 200 answer with `X-AUSERNAME: anonymous` accepted". Jira answered as the
/// anonymous user: the PAT was not taken.
#[test]
fn a_user_answer_for_anonymous_is_an_ignored_token() {
    let c = case("dc-9.12-cluster", "", Pat, &[], Code::TokenNotRecognized);
    let result = run_answers(&c, |req| match req.id.as_str() {
        "myself" => with_header(
            common::answer("dc-9.12-cluster", "myself-pat-ok"),
            "x-ausername",
            Some("anonymous"),
        ),
        "mypermissions" => common::answer("dc-9.12-cluster", "mypermissions"),
        "projects" => common::answer("dc-9.12-cluster", "project-list"),
        _ => common::answer("dc-9.12-cluster", "pat-list"),
    });
    assert_eq!(
        result.verdict.code,
        Code::TokenNotRecognized,
        "{}",
        result.verdict.cause.en
    );
    assert!(result.snippet.is_none());
}

/// Mutation: "the service-account branch of the refusals dropped". A service account's token
/// sent as Bearer to the site is scoped and needs the gateway, not "wrong auth method" —
/// in Cloud's 401 form and in today's 403 form (facts §7.1).
#[test]
fn a_service_account_bearer_refusal_needs_the_gateway() {
    for (scenario, fixture) in [
        ("cloud", "myself-api-token-as-bearer"),
        ("cloud-bearer-403", "myself-api-token-as-bearer"),
    ] {
        let c = case(
            scenario,
            "svc-sync-k3x9@serviceaccount.atlassian.com",
            Pat,
            &[],
            Code::ScopedTokenNeedsGateway,
        );
        let mut i = input(&c);
        i.gateway = None;
        let flow = ProbeFlow::new(i, detection(scenario)).unwrap();
        let (result, _) = common::drive(flow, |req| match req.id.as_str() {
            "myself" => common::answer(scenario, fixture),
            _ => common::answer(scenario, "mypermissions-anon"),
        });
        assert_eq!(
            result.verdict.code,
            Code::ScopedTokenNeedsGateway,
            "{scenario}: {}",
            result.verdict.cause.en
        );
    }
}

/// Mutation: "CAPTCHA from the reason header alone dropped". Seraph's
/// `X-Seraph-LoginReason: AUTHENTICATION_DENIED` without `X-Authentication-Denied-Reason`
/// (facts §4.3, the 8.0.2 form) is a CAPTCHA all the same.
#[test]
fn captcha_from_the_reason_header_alone() {
    let c = case("captcha", "jdoe", Basic, &[], Code::CaptchaRequired);
    let result = run_answers(&c, |_| {
        let ex = common::answer("captcha", "myself-captcha");
        let ex = with_header(ex, "x-authentication-denied-reason", None);
        with_header(ex, "x-seraph-loginreason", Some("AUTHENTICATION_DENIED"))
    });
    assert_eq!(
        result.verdict.code,
        Code::CaptchaRequired,
        "{}",
        result.verdict.cause.en
    );
    assert_eq!(
        result.login_url, None,
        "no login-url without the header that carries it"
    );
}

/// Mutation: "the PAT cut-off moved from 8.14 to 9.0". Data Center 8.20 has personal access
/// tokens: a good one works, a revoked one is not recognized — never "PATs not supported".
#[test]
fn data_center_8_20_has_personal_access_tokens() {
    let ok = case(
        "dc-8.20",
        "",
        Pat,
        &[
            ("myself", "myself-pat-ok"),
            ("mypermissions", "mypermissions"),
        ],
        Code::Ok,
    );
    let (result, sent, _) = run(&ok);
    assert_eq!(result.verdict.code, Code::Ok, "{}", result.verdict.cause.en);
    assert!(
        sent.iter().any(|r| r.id == "pat_tokens"),
        "the PAT list is asked from 8.14"
    );
    let revoked = case(
        "dc-8.20",
        "",
        Pat,
        &[
            ("myself", "myself-pat-revoked"),
            ("mypermissions", "mypermissions-anon"),
        ],
        Code::TokenNotRecognized,
    );
    let (result, _, _) = run(&revoked);
    assert_eq!(
        result.verdict.code,
        Code::TokenNotRecognized,
        "{}",
        result.verdict.cause.en
    );
    let plan = common::detect("dc-8.20").0.auth_plan.expect("a plan");
    assert_eq!(plan.method, jira_token_wizard::auth_plan::AuthMethod::Pat);
}

/// Mutation (cargo-mutants): `is_login_page` → `false`. A device in front of Jira (no Jira
/// mark) that serves an identity provider's login form for the API is an SSO page, not a
/// proxy's block; an HTML page from the same device without a form stays a block.
#[test]
fn a_login_form_from_a_device_in_front_is_sso_not_a_block() {
    let page = |body: &str| {
        Exchange::Response(HttpResponse {
            status: 200,
            headers: jira_token_wizard::http::normalize_headers([("content-type", "text/html")]),
            body: body.into(),
            ..HttpResponse::default()
        })
    };
    let saml = "<html><body><form method=\"post\" action=\"https://idp.example/sso\">\
        <input type=\"hidden\" name=\"SAMLRequest\" value=\"PHNhbWw+\"/></form></body></html>";
    let banner = "<html><head><title>Access policy</title></head><body>Denied</body></html>";
    for (body, want) in [(saml, Code::SsoLoginPage), (banner, Code::BlockedByProxy)] {
        let c = case("dc-9.12-cluster", "admin", Basic, &[], want);
        let result = run_answers(&c, |req| match req.id.as_str() {
            "myself" => page(body),
            _ => common::answer("dc-9.12-cluster", "mypermissions"),
        });
        assert_eq!(result.verdict.code, want, "{}", result.verdict.cause.en);
        assert_eq!(result.answered_by, Answerer::DeviceInFront);
    }
}

/// Mutation (cargo-mutants): the Atlassian-host context's `||` → `&&`. On a `*.atlassian.net`
/// site an answer with no Jira mark and no edge header is still Atlassian's edge (its host
/// says so): an HTML 404 for an API path is `edge_not_found`, never a proxy's block.
#[test]
fn a_bare_404_page_on_an_atlassian_site_is_the_edge() {
    let bare = Exchange::Response(HttpResponse {
        status: 404,
        headers: jira_token_wizard::http::normalize_headers([("content-type", "text/html")]),
        body: "<html><body>Not found</body></html>".into(),
        ..HttpResponse::default()
    });
    let c = case("cloud", "admin@example.com", Auto, &[], Code::EdgeNotFound);
    let result = run_answers(&c, |_| bare.clone());
    assert_eq!(
        result.verdict.code,
        Code::EdgeNotFound,
        "{}",
        result.verdict.cause.en
    );
    assert_eq!(result.answered_by, Answerer::AtlassianEdge);
}

/// A typed address whose serverInfo only redirected (a login in front of everything, product
/// unknown) is not confirmed as Jira: the credential goes nowhere, the only requests are
/// detection's, and the verdict names the login redirect and says nothing was sent — never
/// `not_jira`, never a credential verdict. The same for the browser's redirect, which `fetch`
/// with `redirect: "manual"` gives as an opaque answer without a status (mutant: the logged
/// answer's `redirect` dropped, status_class.rs `logged_answer`).
#[test]
fn a_typed_address_whose_rest_only_redirects_gets_nothing() {
    for status in [302, 0] {
        rest_only_redirects(status);
    }
}

fn rest_only_redirects(status: u16) {
    use jira_token_wizard::detect::{DetectFlow, DetectOptions};
    let options = DetectOptions {
        fetch_page: false,
        ..DetectOptions::default()
    };
    let flow = DetectFlow::for_url("https://jira.example.com", options).expect("url");
    let (detection, _) = common::drive(flow, |req| match req.id.as_str() {
        "server_info" => Exchange::Response(HttpResponse {
            status,
            redirect: true,
            headers: jira_token_wizard::http::normalize_headers([(
                "location",
                "https://idp.example.com/login?RelayState=x",
            )]),
            ..HttpResponse::default()
        }),
        other => panic!("unexpected detection request {other}"),
    });
    assert!(!detection.deployment.may_be_jira());
    for auth in [Basic, Pat] {
        let c = case("dc-9.12-cluster", "admin", auth, &[], Code::SsoLoginPage);
        let flow = ProbeFlow::new(input(&c), detection.clone()).unwrap();
        let (result, rounds) =
            common::drive(flow, |req| panic!("a credential was sent to {}", req.url));
        assert_eq!(rounds, 0);
        assert_eq!(
            result.verdict.code,
            Code::SsoLoginPage,
            "{status}: {}",
            result.verdict.cause.en
        );
        assert!(
            result.verdict.cause.en.contains("No credential was sent"),
            "{}",
            result.verdict.cause.en
        );
        assert_ne!(result.answered_by, Answerer::Jira);
    }
}

/// Mutation (cargo-mutants): the `tls_untrusted` arm of "why nothing was sent" dropped. A
/// typed address whose serverInfo came with a certificate the machine does not trust got no
/// credential, and the verdict names the certificate — not an unreachable or unknown site.
#[test]
fn an_untrusted_certificate_on_server_info_is_named() {
    use jira_token_wizard::detect::{DetectFlow, DetectOptions};
    use jira_token_wizard::http::CertificateNames;
    let options = DetectOptions {
        fetch_page: false,
        ..DetectOptions::default()
    };
    let flow = DetectFlow::for_url("https://jira.example.com", options).expect("url");
    let (detection, _) = common::drive(flow, |req| match req.id.as_str() {
        "server_info" => Exchange::TlsUntrusted {
            elapsed_ms: 3,
            certificate: CertificateNames {
                subject: "CN=jira.example.com".into(),
                issuer: "CN=Corp Root CA".into(),
            },
            detail: "unknown issuer".into(),
        },
        other => panic!("unexpected detection request {other}"),
    });
    let c = case("dc-9.12-cluster", "admin", Basic, &[], Code::TlsUntrusted);
    let flow = ProbeFlow::new(input(&c), detection).unwrap();
    let mut sent = 0;
    let (result, _) = common::drive(flow, |_| {
        sent += 1;
        common::answer("dc-9.12-cluster", "myself-ok")
    });
    assert_eq!(
        sent, 0,
        "no credential goes to an origin REST has not confirmed"
    );
    assert_eq!(
        result.verdict.code,
        Code::TlsUntrusted,
        "{}",
        result.verdict.cause.en
    );
    assert!(
        result.verdict.cause.en.contains("Corp Root CA"),
        "{}",
        result.verdict.cause.en
    );
}

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
