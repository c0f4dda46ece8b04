//! What any secret comes to: a named verdict, never a hang, never sent where it does not
//! belong (SECURITY.md §7).

use super::*;

fn input(login: &str, secret: &str, auth: AuthChoice) -> CheckInput {
    serde_json::from_value(serde_json::json!({
        "login": login, "secret": secret, "auth": auth, "timeoutMs": 10_000,
    }))
    .unwrap()
}

fn run(
    d: Detection,
    i: CheckInput,
    mut answer: impl FnMut(&HttpRequest) -> Exchange,
) -> (CheckResult, Vec<HttpRequest>) {
    let mut sent = Vec::new();
    let (r, _) = common::drive(ProbeFlow::new(i, d).unwrap(), |req| {
        sent.push(req.clone());
        answer(req)
    });
    (r, sent)
}

#[test]
fn a_password_where_a_token_was_asked_is_named_and_not_sent() {
    // §7.2: a personal access token (Bearer) was asked for: a Cyrillic password is not one.
    // Without a login "Automatic" means a PAT too (there is no password to send).
    for secret in ["пароль", "pass word", "tok\nen", "🔑🔑"] {
        for (login, auth) in [("admin", AuthChoice::Pat), ("", AuthChoice::Auto)] {
            let (r, sent) = run(common::malformed::dc(), input(login, secret, auth), |_| {
                other()
            });
            assert_eq!(r.verdict.code, Code::SecretNotAToken, "{secret:?} {auth:?}");
            assert!(sent.is_empty(), "{secret:?}: {sent:?}");
            assert_eq!(r.scheme, None);
        }
    }
}

#[test]
fn a_password_under_automatic_with_a_login_goes_as_one_basic_request() {
    // "Automatic" reads the secret: none of these is a PAT, so each is the admin's password.
    for secret in ["пароль", "pass word", "tok\nen", "🔑🔑"] {
        let (r, sent) = run(
            common::malformed::dc(),
            input("admin", secret, AuthChoice::Auto),
            |_| common::answer("dc-9.12-cluster", "myself-bad-password"),
        );
        assert_eq!(sent.len(), 1, "{secret:?}: {sent:?}");
        assert_eq!(r.scheme, Some(jira_token_wizard::probe::Scheme::Basic));
        assert!(r.read_as_password, "{secret:?}");
    }
}

#[test]
fn a_rejected_non_latin_password_is_not_retried_as_bearer() {
    // §7.2: Basic is UTF-8 (RFC 7617); a password no token could be never goes out as Bearer.
    let (r, sent) = run(
        common::malformed::dc(),
        input("admin", "неверный пароль", AuthChoice::Basic),
        |_| common::answer("dc-9.12-cluster", "myself-bad-password"),
    );
    assert_eq!(sent.len(), 1, "{sent:?}");
    let auth = &sent[0]
        .headers
        .iter()
        .find(|(k, _)| k == "Authorization")
        .unwrap()
        .1;
    assert_eq!(
        auth,
        &format!(
            "Basic {}",
            jira_token_wizard::probe::base64("admin:неверный пароль".as_bytes())
        )
    );
    assert!(auth.is_ascii());
    assert_ne!(r.verdict.code, Code::Unreachable);
}

#[test]
fn transport_failures_are_not_unreachable() {
    // §7.2 and §7.9: a request the transport would not send; a certificate it did not trust.
    let not_sent = Exchange::NotSent {
        elapsed_ms: 0,
        detail: "TypeError: invalid header value".into(),
    };
    let (r, _) = run(
        common::malformed::dc(),
        input("admin", "tok3n", AuthChoice::Pat),
        move |_| not_sent.clone(),
    );
    assert_eq!(r.verdict.code, Code::TransportFailed);
    assert!(r.requests.iter().any(|l| l.outcome == "not_sent"));

    let tls = Exchange::TlsUntrusted {
        elapsed_ms: 3,
        certificate: CertificateNames {
            subject: "CN=jira.corp.example".into(),
            issuer: "CN=Corp Private CA".into(),
        },
        detail: "invalid peer certificate: UnknownIssuer".into(),
    };
    let (r, _) = run(
        common::malformed::dc(),
        input("admin", "tok3n", AuthChoice::Pat),
        move |_| tls.clone(),
    );
    assert_eq!(r.verdict.code, Code::TlsUntrusted);
    assert!(
        r.verdict.cause.en.contains("CN=jira.corp.example")
            && r.verdict.cause.en.contains("CN=Corp Private CA"),
        "{}",
        r.verdict.cause.en
    );
}

#[test]
fn surrounding_white_space_is_removed_and_named() {
    // §7.3
    let (r, sent) = run(
        common::malformed::dc(),
        input("admin", "  tok3n\r\n", AuthChoice::Pat),
        |_| common::answer("dc-9.12-cluster", "myself-pat-ok"),
    );
    let auth = &sent[0]
        .headers
        .iter()
        .find(|(k, _)| k == "Authorization")
        .unwrap()
        .1;
    assert_eq!(auth, "Bearer tok3n");
    let w = r
        .warnings
        .iter()
        .find(|w| w.code == Code::SecretWhitespace)
        .expect("secret_whitespace");
    assert!(
        w.cause.en.contains("line breaks") && w.cause.en.contains("spaces"),
        "{}",
        w.cause.en
    );
    let (r, _) = run(
        common::malformed::dc(),
        input("admin", "tok3n", AuthChoice::Pat),
        |_| other(),
    );
    assert!(r.warnings.iter().all(|w| w.code != Code::SecretWhitespace));
}

#[test]
fn a_credential_over_plain_http_is_warned_about_in_the_result_and_the_block() {
    // §7.7: the simulator's DC is http://127.0.0.1.
    let (r, _) = run(
        common::malformed::dc(),
        input("admin", "tok3n", AuthChoice::Pat),
        |req| match req.id.as_str() {
            "myself" => common::answer("dc-9.12-cluster", "myself-pat-ok"),
            "mypermissions" => common::answer("dc-9.12-cluster", "mypermissions"),
            _ => other(),
        },
    );
    assert_eq!(r.verdict.code, Code::Ok, "{}", r.verdict.cause.en);
    assert!(r.warnings.iter().any(|w| w.code == Code::InsecureHttp));
    let s = r.snippet.expect("snippet");
    // The block in the form's order first, the warning after it.
    let warning = s.text.en.find("⚠").expect("the warning is in the block");
    assert!(
        warning > 0 && s.text.en[warning..].contains("unencrypted"),
        "{}",
        s.text.en
    );
    assert!(s.notes.iter().any(|n| n.en.contains("unencrypted")));
}
