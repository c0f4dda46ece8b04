//! What a user sees where a hand-made mutation of the client-credentials reading used to
//! survive (cargo-mutants; each test names the mutants it kills, tests/README.md).

use super::*;

/// Mutants: `access_token`'s two `&&` → `||`. A token endpoint's 200 whose `access_token` no
/// `Authorization` header can carry — empty, too long, or with a space or a line break in it —
/// issued no usable token: nothing is sent with it, and the verdict says so.
#[test]
fn an_access_token_no_header_can_carry_is_never_sent() {
    let long = "a".repeat(16_385);
    for token in ["", "two words", "line\r\nX-Injected: 1", long.as_str()] {
        let body = serde_json::json!({"access_token": token, "token_type": "Bearer"}).to_string();
        let (result, sent) = run(
            "cloud",
            Target::Generic,
            Some("https://api.atlassian.com"),
            |req| match req.id.as_str() {
                "client_token" => json(200, &body),
                other => panic!("sent {other} after a token no header can carry"),
            },
        );
        assert_eq!(
            result.verdict.code,
            Code::UnexpectedResponse,
            "{:?}: {}",
            token.get(..20),
            result.verdict.cause.en
        );
        assert!(
            result.verdict.cause.en.contains("issued no access token"),
            "{}",
            result.verdict.cause.en
        );
        assert_eq!(sent.len(), 1);
    }
}

/// Mutant: `token_refused`'s guard `!flow.is_cloud()` → `true`. A 404 from Cloud's token
/// endpoint is not "this Jira is too old for service accounts" (a Data Center's verdict, with
/// its upgrade advice): Cloud's endpoint answered something the probe cannot read.
#[test]
fn a_404_from_cloud_s_token_endpoint_is_not_an_old_data_center() {
    let (result, sent) = run(
        "cloud",
        Target::Generic,
        Some("https://api.atlassian.com"),
        |req| match req.id.as_str() {
            "client_token" => json(404, r#"{"error":"not_found"}"#),
            other => panic!("nothing after a 404 from the token endpoint: {other}"),
        },
    );
    assert_eq!(
        result.verdict.code,
        Code::UnexpectedResponse,
        "{}",
        result.verdict.cause.en
    );
    assert!(!result.verdict.fix.en.contains("Jira 11"));
    assert_eq!(sent.len(), 1);
}

/// Mutant: `not_a_token`'s `ClientCredentials` arm deleted. A client secret with characters
/// no secret has is named as the client secret it was asked for, not as a personal access
/// token; nothing is sent.
#[test]
fn a_client_secret_that_cannot_be_one_is_named_a_client_secret() {
    let mut i = input(Target::Generic, Some("https://api.atlassian.com"));
    i.secret = Secret::new("мой пароль");
    let flow = ProbeFlow::new(i, common::detect("cloud").0).expect("valid input");
    let (result, rounds) = common::drive(flow, |req| panic!("sent {}", req.id));
    assert_eq!(rounds, 0);
    assert_eq!(result.verdict.code, Code::SecretNotAToken);
    assert!(
        result
            .verdict
            .cause
            .en
            .contains("A client secret was asked for"),
        "{}",
        result.verdict.cause.en
    );
}

/// Mutant: `unsupported`'s `&&` → `||`. AvePoint on a Data Center with client credentials:
/// the first thing wrong is that AvePoint does not work with a self-managed Jira at all, not
/// that its form has no client credentials.
#[test]
fn avepoint_on_data_center_with_client_credentials_is_not_supported_at_all() {
    let flow = ProbeFlow::new(
        input(Target::AvepointBackup, None),
        common::detect("dc-11.3").0,
    )
    .expect("valid input");
    let (result, rounds) = common::drive(flow, |req| panic!("sent {}", req.id));
    assert_eq!(rounds, 0);
    assert_eq!(
        result.verdict.code,
        Code::TargetNotSupported,
        "{}",
        result.verdict.cause.en
    );
    assert!(result.verdict.cause.en.contains("Jira Cloud"));
}

/// Mutants: `unsupported`'s `Elma365` and `IssueSync` arms deleted. Each integration without
/// a client-credentials form is told what its form sends instead.
#[test]
fn an_integration_without_a_client_credentials_form_is_told_what_its_form_sends() {
    for (target, sends, sends_ru) in [
        (
            Target::Elma365,
            "a login and a password (Basic)",
            "логин и пароль (Basic)",
        ),
        (
            Target::IssueSync,
            "a technical user's token and authentication keys",
            "токен технического пользователя и ключи аутентификации",
        ),
        (
            Target::AvepointBackup,
            "an e-mail and an API token",
            "e-mail и API-токен",
        ),
    ] {
        let mut i = input(target, Some("https://api.atlassian.com"));
        i.key_material = Some(vec![7; 32]);
        let flow = ProbeFlow::new(i, common::detect("cloud").0).expect("valid input");
        let (result, _) = common::drive(flow, |req| panic!("{target:?} sent {}", req.id));
        assert_eq!(result.verdict.code, Code::ClientCredentialsNotSupported);
        assert!(
            result.verdict.cause.en.contains(sends),
            "{target:?}: {}",
            result.verdict.cause.en
        );
        assert!(
            result.verdict.cause.ru.contains(sends_ru),
            "{target:?}: {}",
            result.verdict.cause.ru
        );
    }
}
