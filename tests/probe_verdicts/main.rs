//! The token test against answers recorded from the Jira simulator: every verdict code from
//! the recorded answer that causes it. Facts: ../shared/jira-facts.md §3–§5.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod answerer;
mod auto_secret;
#[path = "../common/mod.rs"]
mod common;
mod credentials;
mod endpoint_checks;
mod life;
mod mutations;
mod mutations_wire;
mod refusals;
mod result_parts;

use jira_token_wizard::catalogue::Code;
use jira_token_wizard::detect::Detection;
use jira_token_wizard::http::{Exchange, HttpRequest, HttpResponse};
use jira_token_wizard::probe::{AuthChoice, CheckInput, CheckResult, ProbeFlow, Scheme, Secret};

struct Case {
    scenario: &'static str,
    login: &'static str,
    auth: AuthChoice,
    project: Option<&'static str>,
    /// request id → fixture case
    answers: &'static [(&'static str, &'static str)],
    want: Code,
}

const SECRET: &str = "s3cret-token-value";

/// A token test's input with the defaults every case shares: the gateway allowed, no project,
/// no permissions asked, no date.
fn plain_input(login: &str, secret: &str, auth: AuthChoice) -> CheckInput {
    CheckInput {
        login: login.into(),
        secret: Secret::new(secret),
        auth,
        required_permissions: Vec::new(),
        project: None,
        gateway: Some("https://api.atlassian.com".into()),
        timeout_ms: 10_000,
        target: Default::default(),
        key_material: None,
        now: None,
        calls: Vec::new(),
        expires_on: None,
    }
}

fn input(c: &Case) -> CheckInput {
    CheckInput {
        required_permissions: vec!["BROWSE_PROJECTS".into(), "CREATE_ISSUES".into()],
        project: c.project.map(str::to_string),
        ..plain_input(c.login, SECRET, c.auth)
    }
}

fn run_with(c: &Case, detection: Detection) -> (CheckResult, Vec<HttpRequest>, usize) {
    let flow = ProbeFlow::new(input(c), detection).expect("valid input");
    let mut sent = Vec::new();
    let (result, rounds) = common::drive(flow, |req| {
        sent.push(req.clone());
        let case = c.answers.iter().find(|(id, _)| *id == req.id).map(|a| a.1);
        // The project list goes out with mypermissions, the PAT list with a Bearer test, the
        // gateway's three requests after a Cloud 401: unless a case names them, the usual
        // answers (the gateway refusing a wrong token).
        let case = case.or(match req.id.as_str() {
            "projects" => Some("project-list"),
            "pat_tokens" => Some("pat-list"),
            "gateway_myself" | "gateway_mypermissions" | "gateway_projects" => {
                Some("gateway-myself-bad-token")
            }
            _ => None,
        });
        match case.unwrap_or_else(|| panic!("{}: unexpected request {}", c.scenario, req.id)) {
            "TIMEOUT" => Exchange::Timeout { elapsed_ms: 10_000 },
            "REFUSED" => Exchange::Unreachable {
                elapsed_ms: 1,
                detail: "connection refused".into(),
            },
            fixture => common::answer(c.scenario, fixture),
        }
    });
    (result, sent, rounds)
}

fn run(c: &Case) -> (CheckResult, Vec<HttpRequest>, usize) {
    run_with(c, detection(c.scenario))
}

/// Behind SSO the anonymous page redirects to the IdP; a user who reaches Jira is logged in.
fn detection(scenario: &str) -> Detection {
    let page = if scenario.starts_with("sso") {
        "page-logged-in"
    } else {
        "page"
    };
    common::detect_on(scenario, page).0
}

use AuthChoice::{Auto, Basic, ClientCredentials, Pat};

#[rustfmt::skip]
const CASES: &[Case] = &[
    Case { scenario: "dc-9.12-cluster", login: "", auth: Auto, project: None, answers: &[("myself", "myself-pat-ok"), ("mypermissions", "mypermissions")], want: Code::Ok },
    Case { scenario: "cloud", login: "admin@example.com", auth: Auto, project: None, answers: &[("myself", "myself-ok"), ("mypermissions", "mypermissions")], want: Code::Ok },
    Case { scenario: "server-8.5", login: "admin", auth: Auto, project: None, answers: &[("myself", "myself-ok"), ("mypermissions", "mypermissions")], want: Code::Ok },
    Case { scenario: "dc-9.12-cluster", login: "admin", auth: Basic, project: None, answers: &[("myself", "myself-bad-password"), ("myself_as_bearer", "myself-anon")], want: Code::CredentialsRejected },
    Case { scenario: "cloud", login: "admin@example.com", auth: Auto, project: None, answers: &[("myself", "myself-bad-token"), ("mypermissions", "mypermissions-anon")], want: Code::CredentialsRejected },
    Case { scenario: "empty-200-quirk", login: "admin", auth: Basic, project: None, answers: &[("myself", "myself-bad-password")], want: Code::CredentialsRejected },
    Case { scenario: "cloud", login: "admin@example.com", auth: Auto, project: None, answers: &[("myself", "myself-password"), ("mypermissions", "mypermissions-anon")], want: Code::PasswordNotAccepted },
    Case { scenario: "dc-9.12-cluster", login: "", auth: Pat, project: None, answers: &[("myself", "myself-pat-revoked"), ("mypermissions", "mypermissions-anon")], want: Code::TokenNotRecognized },
    Case { scenario: "dc-9.12-cluster", login: "", auth: Pat, project: None, answers: &[("myself", "myself-pat-expired"), ("mypermissions", "mypermissions-anon")], want: Code::TokenNotRecognized },
    Case { scenario: "server-7.13", login: "", auth: Pat, project: None, answers: &[("myself", "myself-bearer-ignored"), ("mypermissions", "mypermissions-anon")], want: Code::PatNotSupported },
    Case { scenario: "dc-9.12-cluster", login: "admin", auth: Basic, project: None, answers: &[("myself", "myself-pat-as-basic-password"), ("myself_as_bearer", "myself-pat-ok")], want: Code::PatNotAcceptedAsPassword },
    Case { scenario: "cloud", login: "admin@example.com", auth: Pat, project: None, answers: &[("myself", "myself-api-token-as-bearer"), ("mypermissions", "mypermissions-anon")], want: Code::WrongAuthMethod },
    // The gateway's 401 "scope does not match" for jdoe's read:jira-work-only token; its other two answers stand in.
    Case { scenario: "cloud", login: "jane.doe@example.com", auth: Auto, project: None, answers: &[("myself", "myself-narrow-scoped-token-on-site"), ("mypermissions", "mypermissions-anon"), ("gateway_myself", "gateway-myself-narrow-scoped-token"), ("gateway_mypermissions", "gateway-myself-narrow-scoped-token"), ("gateway_projects", "gateway-myself-narrow-scoped-token")], want: Code::ScopeMismatch },
    Case { scenario: "ip-allowlist", login: "admin@example.com", auth: Auto, project: None, answers: &[("myself", "myself-ok"), ("mypermissions", "mypermissions")], want: Code::IpNotAllowed },
    Case { scenario: "proxy-block", login: "admin", auth: Basic, project: None, answers: &[("myself", "myself-ok")], want: Code::BlockedByProxy },
    Case { scenario: "captcha", login: "jdoe", auth: Basic, project: None, answers: &[("myself", "myself-captcha")], want: Code::CaptchaRequired },
    Case { scenario: "basic-disabled", login: "admin", auth: Basic, project: None, answers: &[("myself", "myself-basic-disabled")], want: Code::BasicAuthDisabled },
    // Jira 11 turns Basic off by default: the same refusal, named for what it is.
    Case { scenario: "dc-11.3", login: "admin", auth: Basic, project: None, answers: &[("myself", "myself-basic-disabled")], want: Code::BasicAuthOffByDefault },
    Case { scenario: "sso-redirect", login: "admin", auth: Basic, project: None, answers: &[("myself", "myself-ok")], want: Code::SsoLoginPage },
    Case { scenario: "dc-9.12-cluster", login: "jdoe", auth: Pat, project: None, answers: &[("myself", "myself-pat-ok"), ("mypermissions", "mypermissions")], want: Code::UserMismatch },
    Case { scenario: "rate-limited", login: "admin@example.com", auth: Auto, project: None, answers: &[("myself", "myself-ok"), ("mypermissions", "mypermissions")], want: Code::RateLimited },
    // myself-ok is admin's answer; the permissions are svc-sync's (read-only in PROJ).
    Case { scenario: "missing-permissions", login: "admin", auth: Basic, project: Some("PROJ"), answers: &[("myself", "myself-ok"), ("mypermissions", "mypermissions-svc-sync-proj")], want: Code::MissingPermissions },
    Case { scenario: "missing-permissions", login: "admin", auth: Basic, project: Some("NOPE"), answers: &[("myself", "myself-ok"), ("mypermissions", "mypermissions-unknown-project")], want: Code::ProjectNotFound },
    Case { scenario: "dc-no-jira-access", login: "noaccess", auth: Basic, project: None, answers: &[("myself", "myself-no-jira-access")], want: Code::AccountInactive },
    Case { scenario: "proxy-garbage", login: "admin", auth: Basic, project: None, answers: &[("myself", "myself-ok")], want: Code::UnexpectedResponse },
    Case { scenario: "server-error", login: "admin", auth: Basic, project: None, answers: &[("myself", "myself-ok")], want: Code::ServerError },
    Case { scenario: "hang", login: "admin", auth: Basic, project: None, answers: &[("myself", "TIMEOUT")], want: Code::Timeout },
    Case { scenario: "dc-10.3", login: "admin", auth: Basic, project: None, answers: &[("myself", "REFUSED")], want: Code::Unreachable },
    // Who answered, then the status class (tests/probe_verdicts/answerer.rs has the rest).
    Case { scenario: "proxy-407", login: "admin", auth: Basic, project: None, answers: &[("myself", "myself-ok")], want: Code::ProxyAuthRequired },
    Case { scenario: "cloud-edge-404", login: "admin@example.com", auth: Auto, project: None, answers: &[("myself", "myself-ok"), ("mypermissions", "mypermissions")], want: Code::EdgeNotFound },
    Case { scenario: "cloud-bearer-403", login: "admin@example.com", auth: Pat, project: None, answers: &[("myself", "myself-api-token-as-bearer"), ("mypermissions", "mypermissions-anon")], want: Code::WrongAuthMethod },
    Case { scenario: "proxy-502", login: "admin", auth: Basic, project: None, answers: &[("myself", "myself-ok")], want: Code::ServerError },
    // OAuth 2.0 client credentials (a service account): the token endpoint, then the access token.
    Case { scenario: "cloud", login: "sim-client", auth: ClientCredentials, project: None, answers: &[("client_token", "client-token-refused")], want: Code::ClientCredentialsRejected },
    Case { scenario: "dc-11.3", login: "sim-client", auth: ClientCredentials, project: None, answers: &[("client_token", "client-token-invalid-client")], want: Code::ClientCredentialsRejected },
    Case { scenario: "dc-11.3", login: "sim-client", auth: ClientCredentials, project: None, answers: &[("client_token", "client-token-invalid-scope")], want: Code::ClientScopesMissing },
    Case { scenario: "dc-10.3", login: "sim-client", auth: ClientCredentials, project: None, answers: &[("client_token", "client-token-missing")], want: Code::TokenEndpointMissing },
    Case { scenario: "dc-11.3", login: "sim-client", auth: ClientCredentials, project: None, answers: &[("client_token", "client-token-ok"), ("myself", "myself-client-access-token"), ("mypermissions", "mypermissions-client-access-token"), ("projects", "project-list-client-access-token")], want: Code::Ok },
    Case { scenario: "cloud", login: "sim-client", auth: ClientCredentials, project: None, answers: &[("client_token", "client-token-ok"), ("myself", "gateway-myself-client-access-token"), ("mypermissions", "gateway-mypermissions-client-access-token"), ("projects", "gateway-project-list-client-access-token")], want: Code::Ok },
    // The anonymous (empty) project list stands in for a service account that may browse nothing.
    Case { scenario: "dc-11.3", login: "sim-client", auth: ClientCredentials, project: None, answers: &[("client_token", "client-token-ok"), ("myself", "myself-client-access-token"), ("mypermissions", "mypermissions-client-access-token"), ("projects", "project-list-anon")], want: Code::ServiceAccountNoAccess },
    // The gateway's "scope does not match" to the access token (its other two answers stand in).
    Case { scenario: "cloud", login: "sim-client", auth: ClientCredentials, project: None, answers: &[("client_token", "client-token-ok"), ("myself", "gateway-myself-narrow-scoped-token"), ("mypermissions", "gateway-myself-narrow-scoped-token"), ("projects", "gateway-myself-narrow-scoped-token")], want: Code::ClientScopesMissing },
];

#[test]
fn every_recorded_failure_gets_its_verdict() {
    for c in CASES {
        let (result, _, rounds) = run(c);
        assert_eq!(
            result.verdict.code, c.want,
            "{} {:?}: {}",
            c.scenario, c.answers, result.verdict.cause.en
        );
        assert_eq!(result.verdict.ok, c.want == Code::Ok);
        assert!(rounds <= 2, "{}: {rounds} round trips", c.scenario);
        for text in [
            &result.verdict.title,
            &result.verdict.cause,
            &result.verdict.fix,
        ] {
            assert!(
                !text.en.contains('{') && !text.ru.contains('{'),
                "{:?} left a placeholder: {}",
                c.want,
                text.en
            );
        }
    }
}

#[test]
fn every_verdict_code_has_a_recorded_case() {
    use jira_token_wizard::catalogue::Kind;
    // Every verdict code, produced by running its case — none is merely claimed: the CASES
    // table (each run and checked by every_recorded_failure_gets_its_verdict) and the cases
    // kept beside it, run here.
    let covered: Vec<Code> = CASES
        .iter()
        .map(|c| run(c).0.verdict.code)
        .chain(
            answerer::other_cases()
                .into_iter()
                .chain(life::cases())
                .map(|(_, r)| r.verdict.code),
        )
        .collect();
    for code in Code::ALL.iter().filter(|c| c.kind() == Kind::Verdict) {
        assert!(covered.contains(code), "no recorded case produces {code:?}");
    }
}

#[test]
fn no_result_holds_the_secret() {
    for c in CASES {
        let (result, _, _) = run(c);
        let json = serde_json::to_string(&result).unwrap();
        for form in Secret::new(SECRET).leak_forms(c.login) {
            assert!(
                !json.contains(&form),
                "{}: result leaks the secret",
                c.scenario
            );
        }
        assert!(!format!("{result:?}").contains(SECRET));
    }
}

#[test]
fn non_jira_gets_no_credential() {
    for scenario in ["confluence", "not-atlassian"] {
        let c = Case {
            scenario,
            login: "admin",
            auth: Basic,
            project: None,
            answers: &[],
            want: Code::NotJira,
        };
        let (result, sent, _) = run(&c);
        assert!(sent.is_empty(), "{scenario}: sent {sent:?}");
        assert_eq!(result.verdict.code, Code::NotJira);
    }
}

#[test]
fn basic_on_server_is_serial_and_bearer_is_parallel() {
    let c = &CASES[2]; // server-8.5 basic ok
    let (_, sent, rounds) = run(c);
    assert_eq!(rounds, 2, "Basic on Server/DC: myself, then mypermissions");
    assert_eq!(
        sent.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["myself", "mypermissions", "projects"]
    );
    let (_, _, rounds) = run(&CASES[0]); // DC PAT
    assert_eq!(rounds, 1, "Bearer: one round trip");
    // A wrong Basic password costs exactly one failed login: no mypermissions, one Bearer retry.
    let (_, sent, _) = run(&CASES[3]);
    let ids: Vec<_> = sent.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["myself", "myself_as_bearer"]);
    assert!(sent[1]
        .headers
        .iter()
        .any(|(k, v)| k == "Authorization" && v.starts_with("Bearer ")));
}

#[test]
fn captcha_login_url_only_on_the_jira_host() {
    let c = CASES
        .iter()
        .find(|c| c.want == Code::CaptchaRequired)
        .unwrap();
    let (result, _, _) = run(c);
    let url = result.login_url.expect("login url on the Jira host");
    assert!(
        url.starts_with("http://127.0.0.1:") && url.ends_with("/login.jsp"),
        "{url}"
    );
    // The same answer with a login-url on another host: not shown, the fix uses our own base.
    let mut ex = common::answer("captcha", "myself-captcha");
    if let Exchange::Response(r) = &mut ex {
        r.headers.insert(
            "x-authentication-denied-reason".into(),
            "CAPTCHA_CHALLENGE; login-url=https://evil.example/login.jsp".into(),
        );
    }
    let flow = ProbeFlow::new(input(c), detection("captcha")).unwrap();
    let (result, _) = common::drive(flow, |_| ex.clone());
    assert_eq!(result.verdict.code, Code::CaptchaRequired);
    assert_eq!(result.login_url, None);
    assert!(!result.verdict.fix.en.contains("evil.example"));
}

#[test]
fn sso_redirect_names_the_idp_and_the_credential_does_not_follow() {
    let c = CASES.iter().find(|c| c.want == Code::SsoLoginPage).unwrap();
    let (result, sent, _) = run(c);
    assert!(
        result.verdict.cause.en.contains("/idp/login"),
        "{}",
        result.verdict.cause.en
    );
    assert!(sent
        .iter()
        .all(|r| !r.follow_redirects || !r.has_credentials()));
    // The browser's opaque redirect hides the Location: ask again without credentials.
    let opaque = Exchange::Response(HttpResponse {
        status: 0,
        redirect: true,
        ..Default::default()
    });
    let followed = Exchange::Response(HttpResponse {
        status: 200,
        final_url: Some("https://idp.example/login".into()),
        ..Default::default()
    });
    let flow = ProbeFlow::new(input(c), detection("sso-redirect")).unwrap();
    let mut sent = Vec::new();
    let (result, _) = common::drive(flow, |req| {
        sent.push(req.clone());
        if req.id == "myself" {
            opaque.clone()
        } else {
            followed.clone()
        }
    });
    assert_eq!(result.verdict.code, Code::SsoLoginPage);
    assert!(result
        .verdict
        .cause
        .en
        .contains("https://idp.example/login"));
    let retry = sent
        .iter()
        .find(|r| r.id == "myself_without_credentials")
        .expect("retry");
    assert!(retry.follow_redirects && !retry.has_credentials());
}

#[test]
fn missing_permissions_are_named_by_key_and_ui_name() {
    let c = CASES
        .iter()
        .find(|c| c.want == Code::MissingPermissions)
        .unwrap();
    let (result, _, _) = run(c);
    let report = result.permissions.expect("report");
    assert_eq!(report.project.as_deref(), Some("PROJ"));
    assert!(!report.missing.is_empty());
    let m = &report.missing[0];
    assert!(result.verdict.cause.en.contains(&m.key) && result.verdict.cause.en.contains(&m.name));
}

#[test]
fn input_errors_are_named() {
    let (d, _) = common::detect("cloud");
    let mut i = input(&CASES[1]);
    i.login = String::new();
    assert!(
        ProbeFlow::new(i, d.clone()).is_err(),
        "Cloud API token needs the e-mail"
    );
    let mut i = input(&CASES[1]);
    i.secret = Secret::new("  \n");
    assert!(ProbeFlow::new(i, d.clone()).is_err());
    let mut i = input(&CASES[1]);
    i.project = Some("PROJ&x=1".into());
    assert!(
        ProbeFlow::new(i, d).is_err(),
        "project key must not inject query parameters"
    );
}

/// The gateway goes on the wire as the URL parser serializes it, not as typed: the core and
/// every transport then read the same host (`src/urls/`).
#[test]
fn the_gateway_is_asked_for_as_parsed() {
    let scoped = CASES
        .iter()
        .find(|c| c.answers.iter().any(|(id, _)| *id == "gateway_myself"))
        .expect("a scoped-token case");
    for (given, refused) in [
        ("HTTPS://API.Atlassian.com:443/", false),
        ("https:\\\\api.atlassian.com\\", false),
        ("https://admin:pw@api.atlassian.com", true),
        ("javascript:alert(1)", true),
    ] {
        let mut i = input(scoped);
        i.gateway = Some(given.into());
        let flow = ProbeFlow::new(i, detection(scoped.scenario));
        assert_eq!(flow.is_err(), refused, "{given}");
        let Ok(flow) = flow else { continue };
        let mut gateway_urls = Vec::new();
        common::drive(flow, |req| {
            if req.id == "gateway_myself" {
                gateway_urls.push(req.url.clone());
            }
            let case = scoped.answers.iter().find(|(id, _)| *id == req.id);
            common::answer(scoped.scenario, case.map_or("project-list", |a| a.1))
        });
        assert_eq!(gateway_urls.len(), 1, "{given}");
        assert!(
            gateway_urls[0].starts_with("https://api.atlassian.com/ex/jira/"),
            "{given}: {}",
            gateway_urls[0]
        );
    }
}
