//! A server that echoes the secret in every string Jira can send back — the user's name, key,
//! display name and e-mail, `X-AUSERNAME`, a CAPTCHA's login URL, a redirect's `Location`, error
//! messages, the project list — gets none of it into the result, whatever the secret's length
//! (SECURITY.md §2). Optional fields are the ones a scrub can forget: each is filled here.

use super::*;
use common::malformed::resp;
use jira_token_wizard::http::HttpResponse;
use jira_token_wizard::probe::{Secret, REDACTED};

const LOGIN: &str = "jdoe";

/// Secrets from the shortest that is redacted inside text (4 characters) up: Cyrillic, a
/// PAT-like one, one with JSON-special characters.
const SECRETS: &[&str] = &[
    "abcd",
    "Pa5s",
    "пароль",
    "s3cr\"et\\x",
    "NjE4OTU0NzQ5NzQ0OkZhsmYNQ1UzMzUzNjE4OTU0Nzk3",
];

fn input(secret: &str, auth: AuthChoice) -> CheckInput {
    serde_json::from_value(serde_json::json!({
        "login": LOGIN, "secret": secret, "auth": auth, "timeoutMs": 10_000,
        "requiredPermissions": ["BROWSE_PROJECTS"],
    }))
    .unwrap()
}

fn with_json(mut r: HttpResponse) -> Exchange {
    r.headers
        .insert("content-type".into(), "application/json".into());
    Exchange::Response(r)
}

/// Every answer of a token test, each echoing `secret` wherever Jira puts a string.
fn echoing(secret: &str, myself: &str) -> impl FnMut(&HttpRequest) -> Exchange {
    let s = serde_json::to_string(secret).unwrap();
    let user = format!(
        r#"{{"name":{s},"key":{s},"displayName":{s},"emailAddress":{s},"accountId":{s},"active":true}}"#
    );
    let errors = format!(r#"{{"errorMessages":[{s}],"errors":{{"x":{s}}}}}"#);
    let projects = format!(r#"[{{"id":"1","key":"P","name":{s}}}]"#);
    let plain = secret.to_string();
    let myself = myself.to_string();
    move |req| {
        let echo = [
            ("X-AUSERNAME", plain.as_str()),
            ("X-AREQUESTID", plain.as_str()),
        ];
        match (req.id.as_str(), myself.as_str()) {
            ("myself", "user") => with_json(resp(200, &echo, &user)),
            ("myself", "refused") => with_json(resp(
                401,
                &[("X-Seraph-LoginReason", "AUTHENTICATED_FAILED"), echo[0]],
                &errors,
            )),
            ("myself", "captcha") => with_json(resp(
                403,
                &[
                    (
                        "X-Authentication-Denied-Reason",
                        &format!("CAPTCHA_CHALLENGE; login-url=http://127.0.0.1:47303/login.jsp?u={plain}"),
                    ),
                    echo[0],
                ],
                &errors,
            )),
            ("myself", _) => Exchange::Response(resp(
                302,
                &[("Location", &format!("https://idp.example.com/sso?u={plain}"))],
                "",
            )),
            ("mypermissions", _) => with_json(resp(200, &echo, &errors)),
            (_, _) => with_json(resp(200, &echo, &projects)),
        }
    }
}

fn run(secret: &str, myself: &str) -> CheckResult {
    common::drive(
        ProbeFlow::new(input(secret, AuthChoice::Basic), common::malformed::dc()).unwrap(),
        echoing(secret, myself),
    )
    .0
}

#[test]
fn every_string_jira_echoes_is_scrubbed_whatever_the_secret() {
    for secret in SECRETS {
        for myself in ["user", "refused", "captcha", "redirect"] {
            let r = run(secret, myself);
            let json = serde_json::to_string(&r).unwrap();
            for form in Secret::new(*secret).leak_forms(LOGIN) {
                let escaped = serde_json::to_string(&form).unwrap();
                let escaped = &escaped[1..escaped.len() - 1];
                assert!(
                    !json.contains(escaped),
                    "{secret:?} / {myself}: the result holds {form:?}: {json}"
                );
            }
            assert!(
                json.contains(REDACTED),
                "{secret:?} / {myself}: nothing was echoed?"
            );
        }
    }
}

#[test]
fn optional_user_fields_are_scrubbed_one_by_one() {
    let r = run("s3cret-value", "user");
    let user = r.user.expect("Jira named a user");
    for (field, value) in [
        ("name", user.name),
        ("key", user.key),
        ("displayName", user.display_name),
        ("emailAddress", user.email),
        ("accountId", user.account_id),
    ] {
        assert_eq!(value.as_deref(), Some(REDACTED), "{field}");
    }
}

#[test]
fn a_short_secret_is_redacted_where_a_whole_value_is_it() {
    // Shorter than 4 characters: not replaced inside text ("a" is in every sentence), but a
    // value that is the secret — a display name, a header — goes.
    for secret in ["x", "ab", "abc", "пар"] {
        let r = run(secret, "user");
        let user = r.user.expect("Jira named a user");
        assert_eq!(user.display_name.as_deref(), Some(REDACTED), "{secret:?}");
        assert_eq!(user.email.as_deref(), Some(REDACTED), "{secret:?}");
        let myself = r.requests.iter().find(|q| q.id == "myself").unwrap();
        let header = serde_json::to_string(&myself).unwrap();
        assert!(
            !header.contains(&format!("\"x-ausername\":\"{secret}\"")),
            "{secret:?}: {header}"
        );
        // The core's own texts are left whole.
        assert!(!r.verdict.title.en.contains(REDACTED), "{secret:?}");
    }
}

#[test]
fn a_server_title_that_is_the_secret_is_scrubbed() {
    let secret = "Title-s3cret";
    let info = format!(
        r#"{{"baseUrl":"http://127.0.0.1:47303","version":"9.12.15","versionNumbers":[9,12,15],"deploymentType":"Server","buildNumber":9120015,"serverTitle":"{secret}"}}"#
    );
    let (d, _) = common::malformed::detect_url("http://127.0.0.1:47303/", |_| {
        common::malformed::json(200, &info)
    });
    assert_eq!(d.deployment.server_title.as_deref(), Some(secret));
    let r = common::drive(
        ProbeFlow::new(input(secret, AuthChoice::Basic), d).unwrap(),
        echoing(secret, "refused"),
    )
    .0;
    assert_eq!(r.deployment.server_title.as_deref(), Some(REDACTED));
    assert!(!serde_json::to_string(&r).unwrap().contains(secret));
}
