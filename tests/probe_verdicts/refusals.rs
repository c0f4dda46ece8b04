//! Jira's refusals at their edges, where a hand-made mutation of `probe/refused.rs` used to
//! survive (cargo-mutants; tests/README.md lists them): the PAT cut-off's exact version, what a
//! remembered expiry date may say, the Seraph reason quoted, the CAPTCHA link's host and port.

use super::*;
use crate::answerer::case;

/// Cloud refusing a credential at the site and at the gateway.
const CLOUD_REFUSES: &[(&str, &str)] = &[
    ("myself", "myself-bad-token"),
    ("mypermissions", "mypermissions-anon"),
    ("gateway_myself", "gateway-myself-bad-token"),
    ("gateway_mypermissions", "gateway-myself-bad-token"),
    ("gateway_projects", "gateway-myself-bad-token"),
];

/// Answers a case's requests from its fixtures (the project list for the rest).
fn replay(c: &Case) -> impl Fn(&HttpRequest) -> Exchange + '_ {
    move |req| {
        let fixture = c
            .answers
            .iter()
            .find(|(id, _)| *id == req.id)
            .map_or("project-list", |a| a.1);
        common::answer(c.scenario, fixture)
    }
}

/// Mutant: `token_ignored`'s `v < PAT_SINCE` → `<=`. Jira 8.14.0 has personal access tokens:
/// one it ignored is not recognized, not unsupported; 8.13 has none.
#[test]
fn the_pat_cut_off_is_8_14_exactly() {
    let c = case(
        "dc-8.20",
        "",
        Pat,
        &[
            ("myself", "myself-pat-revoked"),
            ("mypermissions", "mypermissions-anon"),
        ],
        Code::TokenNotRecognized,
    );
    for (version, numbers, want) in [
        ("8.14.0", vec![8, 14, 0], Code::TokenNotRecognized),
        ("8.13.27", vec![8, 13, 27], Code::PatNotSupported),
    ] {
        let mut d = detection("dc-8.20");
        d.deployment.version = Some(version.into());
        d.deployment.version_numbers = Some(numbers);
        let (result, _, _) = run_with(&c, d);
        assert_eq!(
            result.verdict.code, want,
            "{version}: {}",
            result.verdict.cause.en
        );
    }
}

/// Mutant: `rejected`'s `is_cloud() && ApiToken` → `||`. A remembered expiry date is a Cloud
/// API token's: a refused Data Center password, or a Cloud password, is rejected — never
/// "the token expired" because a date was remembered.
#[test]
fn a_remembered_date_expires_only_a_cloud_api_token() {
    let dc = case(
        "dc-9.12-cluster",
        "admin",
        Basic,
        &[
            ("myself", "myself-bad-password"),
            ("myself_as_bearer", "myself-anon"),
        ],
        Code::CredentialsRejected,
    );
    let dated = |c: &Case| CheckInput {
        now: Some("2026-12-07T12:00:00Z".into()),
        expires_on: Some("2026-01-31".into()),
        ..input(c)
    };
    let flow = ProbeFlow::new(dated(&dc), detection(dc.scenario)).expect("valid input");
    let result = common::drive(flow, replay(&dc)).0;
    assert_eq!(
        result.verdict.code,
        Code::CredentialsRejected,
        "{}",
        result.verdict.cause.en
    );
    // A password on Cloud (Basic chosen, no API token): rejected too.
    let password = case(
        "cloud",
        "admin@example.com",
        Basic,
        CLOUD_REFUSES,
        Code::CredentialsRejected,
    );
    let flow = ProbeFlow::new(dated(&password), detection("cloud")).expect("valid input");
    let result = common::drive(flow, replay(&password)).0;
    assert_eq!(
        result.verdict.code,
        Code::CredentialsRejected,
        "{}",
        result.verdict.cause.en
    );
    // The same date for a Cloud API token: expired.
    let cloud = case(
        "cloud",
        "admin@example.com",
        Auto,
        CLOUD_REFUSES,
        Code::TokenExpired,
    );
    let flow = ProbeFlow::new(dated(&cloud), detection("cloud")).expect("valid input");
    let result = common::drive(flow, replay(&cloud)).0;
    assert_eq!(
        result.verdict.code,
        Code::TokenExpired,
        "{}",
        result.verdict.cause.en
    );
}

/// Mutants: `rejected`'s guard `s.is_empty()` → `true` / `false`. The refusal quotes Seraph's
/// reason when Jira gave one, and a dash when it gave none.
#[test]
fn a_refusal_quotes_seraph_s_reason_or_a_dash() {
    let c = case(
        "dc-9.12-cluster",
        "admin",
        Basic,
        &[
            ("myself", "myself-bad-password"),
            ("myself_as_bearer", "myself-anon"),
        ],
        Code::CredentialsRejected,
    );
    for (reason, quoted) in [
        (
            Some("AUTHENTICATED_FAILED"),
            "X-Seraph-LoginReason: AUTHENTICATED_FAILED.",
        ),
        (None, "X-Seraph-LoginReason: —."),
    ] {
        let result = crate::answerer::run_answers(&c, |req| {
            let mut ex = common::answer(
                "dc-9.12-cluster",
                if req.id == "myself" {
                    "myself-bad-password"
                } else {
                    "myself-anon"
                },
            );
            if let (Exchange::Response(r), true) = (&mut ex, req.id == "myself") {
                match reason {
                    Some(v) => r.headers.insert("x-seraph-loginreason".into(), v.into()),
                    None => r.headers.remove("x-seraph-loginreason"),
                };
            }
            ex
        });
        assert_eq!(result.verdict.code, Code::CredentialsRejected);
        assert!(
            result.verdict.cause.en.contains(quoted),
            "{}",
            result.verdict.cause.en
        );
    }
}

/// Mutant: `captcha_login_url`'s `&&` → `||`. The CAPTCHA link is offered only on the Jira's
/// own host *and* port: another host on the same port, or the same host on another port, is
/// not the Jira tested.
#[test]
fn a_captcha_link_needs_the_jira_s_host_and_port() {
    let c = CASES
        .iter()
        .find(|c| c.want == Code::CaptchaRequired)
        .unwrap();
    let own = run(c).0.login_url.expect("login url on the Jira host");
    let u = url::Url::parse(&own).unwrap();
    let port = u.port_or_known_default().unwrap();
    for elsewhere in [
        format!("http://evil.example:{port}/login.jsp"),
        format!("http://{}:{}/login.jsp", u.host_str().unwrap(), port + 1),
    ] {
        let mut ex = common::answer("captcha", "myself-captcha");
        if let Exchange::Response(r) = &mut ex {
            r.headers.insert(
                "x-authentication-denied-reason".into(),
                format!("CAPTCHA_CHALLENGE; login-url={elsewhere}"),
            );
        }
        let flow = ProbeFlow::new(input(c), detection("captcha")).unwrap();
        let (result, _) = common::drive(flow, |_| ex.clone());
        assert_eq!(result.verdict.code, Code::CaptchaRequired);
        assert_eq!(result.login_url, None, "{elsewhere}");
        assert!(!result.verdict.fix.en.contains(&elsewhere));
    }
}

/// Mutant: `prepare`'s `ApiToken` arm of the missing login. A Cloud API token without the
/// e-mail is refused before anything is sent, naming an API token — not a password.
#[test]
fn a_cloud_api_token_without_a_login_names_the_api_token() {
    use jira_token_wizard::probe::CheckError;
    let api = ProbeFlow::new(
        plain_input("", "ATATT3xFfGF0aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", Auto),
        detection("cloud"),
    )
    .unwrap_err();
    assert_eq!(api, CheckError::LoginRequired("an API token"));
}
