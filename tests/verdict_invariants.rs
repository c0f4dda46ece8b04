//! The verdict procedure's invariants (ARCHITECTURE.md, "The token test's verdict"), checked
//! over every answer the project holds — each recorded fixture (`tests/fixtures/**`, the real
//! ones in `tests/fixtures/real/` included) as the answer to the token test on Data Center and
//! on Cloud, each simulator scenario's own answers on its own detection — and over answers a
//! property test makes up (status × who answered × body kind × headers). A rule added later
//! that breaks one fails here.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::catalogue::Code;
use jira_token_wizard::detect::Detection;
use jira_token_wizard::http::{Exchange, HttpResponse};
use jira_token_wizard::probe::{Answerer, AuthChoice, CheckInput, CheckResult, ProbeFlow, Secret};
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Verdicts only Jira's own words can give.
const JIRA_WORDS: &[Code] = &[
    Code::Ok,
    Code::CredentialsRejected,
    Code::PasswordNotAccepted,
    Code::TokenNotRecognized,
    Code::PatNotSupported,
    Code::PatNotAcceptedAsPassword,
    Code::WrongAuthMethod,
    Code::ScopedTokenNeedsGateway,
    Code::CaptchaRequired,
    Code::BasicAuthDisabled,
    Code::BasicAuthOffByDefault,
    Code::AccountInactive,
    Code::UserMismatch,
    Code::MissingPermissions,
    Code::ProjectNotFound,
    Code::IpNotAllowed,
    Code::ScopeMismatch,
    Code::EndpointRemoved,
    Code::TokenExpired,
];

/// Verdicts that say something other than Jira answered.
const NOT_JIRA_S: &[Code] = &[
    Code::NotJira,
    Code::BlockedByProxy,
    Code::EdgeNotFound,
    Code::ProxyAuthRequired,
];

/// The invariant table, for one token test whose every request got `ex`.
fn check_invariants(result: &CheckResult, ex: &Exchange, label: &str) {
    let code = result.verdict.code;
    let who = result.answered_by;
    let why = format!("{label}: {code:?} by {who:?}: {}", result.verdict.cause.en);
    // Every verdict names who answered; nobody only when nothing came back.
    match ex {
        Exchange::Response(r) => {
            assert_ne!(who, Answerer::Nobody, "{why}");
            // The status class comes before any "is this Jira" conclusion.
            if r.status == 429 {
                assert_eq!(code, Code::RateLimited, "a 429 is a rate limit: {why}");
            }
            if (500..=599).contains(&r.status) {
                assert_eq!(code, Code::ServerError, "a 5xx is a server error: {why}");
            }
            if r.status == 407 {
                assert_eq!(code, Code::ProxyAuthRequired, "{why}");
            }
            // A redirect is an SSO page — or, when it leads to an Atlassian Cloud site from a
            // deployment not known as Cloud, the move to Cloud (facts §7.5).
            if r.redirect {
                let to_cloud = r
                    .header("location")
                    .and_then(jira_token_wizard::urls::parse_http)
                    .is_some_and(|u| jira_token_wizard::urls::is_atlassian_site(u.host_str()));
                let want = if to_cloud && !result.deployment.is_cloud() {
                    Code::MovedToCloud
                } else {
                    Code::SsoLoginPage
                };
                assert_eq!(code, want, "{why}");
            }
            // moved_to_cloud: that redirect, or Jira's own refusal on a Cloud site.
            if code == Code::MovedToCloud && !r.redirect {
                assert_eq!(who, Answerer::Jira, "{why}");
                assert!(result.deployment.is_cloud(), "{why}");
            }
        }
        _ => assert_eq!(who, Answerer::Nobody, "{why}"),
    }
    // An answer without Jira's marks is never read with Jira's words.
    if who != Answerer::Jira {
        assert!(
            !JIRA_WORDS.contains(&code),
            "Jira's words from {who:?}: {why}"
        );
    }
    // An answer with Jira's marks is never blocked_by_proxy, not_jira or the edge's.
    if who == Answerer::Jira {
        assert!(!NOT_JIRA_S.contains(&code), "{why}");
    }
    // A removed endpoint is named only once Jira named the account: the credential works.
    if code == Code::EndpointRemoved {
        assert!(
            result.user.is_some() && result.verdict.credential_works,
            "{why}"
        );
        assert!(!result.verdict.ok, "{why}");
    }
    assert_eq!(
        result.verdict.credential_works,
        matches!(
            code,
            Code::Ok | Code::MissingPermissions | Code::EndpointRemoved
        ),
        "{why}"
    );
    // token_expired only for a Cloud API token refused after the remembered date.
    if code == Code::TokenExpired {
        assert!(
            result.deployment.is_cloud() && result.user.is_none(),
            "{why}"
        );
    }
    // not_jira only for an origin that answered as something else.
    if code == Code::NotJira {
        assert_eq!(who, Answerer::OtherApp, "{why}");
    }
    if code == Code::EdgeNotFound {
        assert_eq!(who, Answerer::AtlassianEdge, "{why}");
    }
    if code == Code::BlockedByProxy {
        assert!(
            matches!(who, Answerer::AtlassianEdge | Answerer::DeviceInFront),
            "{why}"
        );
    }
    for t in [
        &result.verdict.title,
        &result.verdict.cause,
        &result.verdict.fix,
    ] {
        assert!(
            !t.en.contains('{') && !t.ru.contains('{'),
            "placeholder: {why}"
        );
    }
}

struct Setting {
    name: &'static str,
    detection: Detection,
    login: &'static str,
    auth: AuthChoice,
    /// With an endpoint the integration calls and a remembered expiry date that has passed.
    life: bool,
}

fn settings() -> &'static [Setting] {
    static S: OnceLock<Vec<Setting>> = OnceLock::new();
    S.get_or_init(|| {
        let dc = common::detect("dc-9.12-cluster").0;
        let cloud = common::detect("cloud").0;
        vec![
            Setting {
                name: "DC Basic",
                detection: dc.clone(),
                login: "admin",
                auth: AuthChoice::Basic,
                life: false,
            },
            Setting {
                name: "DC PAT",
                detection: dc.clone(),
                login: "",
                auth: AuthChoice::Pat,
                life: false,
            },
            Setting {
                name: "Cloud API token",
                detection: cloud.clone(),
                login: "admin@example.com",
                auth: AuthChoice::Auto,
                life: false,
            },
            Setting {
                name: "Cloud Bearer",
                detection: cloud.clone(),
                login: "admin@example.com",
                auth: AuthChoice::Pat,
                life: false,
            },
            Setting {
                name: "Cloud API token, expiry passed, calls search",
                detection: cloud.clone(),
                login: "admin@example.com",
                auth: AuthChoice::Auto,
                life: true,
            },
            Setting {
                name: "Cloud username + password",
                detection: cloud,
                login: "admin",
                auth: AuthChoice::Auto,
                life: false,
            },
            Setting {
                name: "DC Basic, calls search",
                detection: dc,
                login: "admin",
                auth: AuthChoice::Basic,
                life: true,
            },
        ]
    })
}

fn input(login: &str, auth: AuthChoice) -> CheckInput {
    CheckInput {
        login: login.into(),
        secret: Secret::new("s3cret-token-value"),
        auth,
        target: Default::default(),
        required_permissions: vec!["BROWSE_PROJECTS".into()],
        project: None,
        gateway: Some("https://api.atlassian.com".into()),
        timeout_ms: 10_000,
        key_material: None,
        now: None,
        calls: Vec::new(),
        expires_on: None,
    }
}

/// The token test of setting `s`, every request answered with `ex`.
fn test_with(s: &Setting, ex: &Exchange) -> CheckResult {
    let mut i = input(s.login, s.auth);
    if s.life {
        i.calls = vec!["search-v2".into(), "search-v3".into()];
        i.expires_on = Some("2026-03-20".into());
        i.now = Some("2026-04-01T09:00:00Z".into());
    }
    let flow = ProbeFlow::new(i, s.detection.clone()).expect("valid input");
    common::drive(flow, |_| ex.clone()).0
}

/// Every recorded answer: `(scenario, case, exchange)`.
fn recorded() -> Vec<(String, String, Exchange)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let scenario = dir.file_name().unwrap().to_str().unwrap().to_string();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        for file in files {
            let case = file.file_stem().unwrap().to_str().unwrap().to_string();
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            let ex = if v["response"]["status"].is_u64() {
                common::answer(&scenario, &case)
            } else if v["status"].is_u64() {
                common::answer_page(&scenario, &case)
            } else if v["timedOutAfterMs"].is_u64() {
                Exchange::Timeout { elapsed_ms: 300 }
            } else {
                continue; // a real answer whose source recorded no status
            };
            out.push((scenario.clone(), case, ex));
        }
    }
    out
}

#[test]
fn every_recorded_answer_keeps_the_invariants_on_dc_and_cloud() {
    let answers = recorded();
    assert!(answers.len() > 600, "{} answers", answers.len());
    assert!(answers.iter().any(|(s, _, _)| s == "real"));
    for (scenario, case, ex) in &answers {
        for s in settings() {
            let result = test_with(s, ex);
            check_invariants(&result, ex, &format!("{scenario}/{case} on {}", s.name));
        }
    }
}

/// Each simulator scenario's answers on its own detection (a Jira, a Confluence, a plain site…).
#[test]
fn every_scenario_s_answers_keep_the_invariants_on_its_own_detection() {
    let answers = recorded();
    let mut scenarios: Vec<&str> = answers
        .iter()
        .map(|(s, _, _)| s.as_str())
        .filter(|s| *s != "real")
        .collect();
    scenarios.dedup();
    for scenario in scenarios {
        let detection = common::detect(scenario).0;
        let login = if detection.deployment.is_cloud() {
            "admin@example.com"
        } else {
            "admin"
        };
        for (_, case, ex) in answers.iter().filter(|(s, _, _)| s == scenario) {
            for auth in [AuthChoice::Auto, AuthChoice::Basic, AuthChoice::Pat] {
                let Ok(flow) = ProbeFlow::new(input(login, auth), detection.clone()) else {
                    continue;
                };
                let mut asked = false;
                let result = common::drive(flow, |_| {
                    asked = true;
                    ex.clone()
                })
                .0;
                let label = format!("{scenario}/{case} ({auth:?}, own detection)");
                if asked {
                    check_invariants(&result, ex, &label);
                } else {
                    // Nothing sent: the verdict reads detection's answers, and still names who.
                    assert!(result.requests.iter().all(|r| r.auth == "None"), "{label}");
                    if result.verdict.code == Code::NotJira {
                        assert_eq!(result.answered_by, Answerer::OtherApp, "{label}");
                    }
                }
            }
        }
    }
}

// ---- property test: made-up answers ----

const STATUSES: &[u16] = &[
    200, 201, 204, 301, 302, 400, 401, 403, 404, 405, 407, 410, 418, 429, 500, 502, 503, 504,
];

const JIRA_HEADERS: &[(&str, &str)] = &[
    ("x-arequestid", "615x1253551x1"),
    ("x-ausername", "anonymous"),
    ("x-ausername", "admin"),
    ("x-seraph-loginreason", "AUTHENTICATED_FAILED"),
    ("x-seraph-loginreason", "AUTHORISATION_FAILED"),
    ("x-seraph-loginreason", "AUTHENTICATION_DENIED"),
    ("x-asen", "SEN-L19876543"),
    ("set-cookie", "atlassian.xsrf.token=A-B_lout; Path=/"),
];

/// Headers anything may send: none of them is Jira's.
const OTHER_HEADERS: &[(&str, &str)] = &[
    // Atlassian's edge adds it to Jira's answers and its own.
    ("atl-traceid", "f8610e2fd7adfa4df2ac8fe268a1090b"),
    ("server", "squid/5.7"),
    ("server", "CloudFront"),
    ("server", "AtlassianEdge"),
    ("server", "nginx"),
    ("server", "Zscaler/6.2"),
    ("via", "1.1 gw.corp.example"),
    ("proxy-authenticate", "Basic realm=\"corp\""),
    ("x-cache", "Error from cloudfront"),
    ("retry-after", "17"),
    ("location", "https://idp.example/login?SAMLRequest=x"),
    ("location", "https://moved.atlassian.net/rest/api/2/myself"),
    ("content-type", "application/json"),
    ("content-type", "text/html"),
];

/// Bodies: `(body, is Jira's own)`.
const BODIES: &[(&str, bool)] = &[
    ("", false),
    (r#"{"errorMessages":["Nope."],"errors":{}}"#, true),
    (r#"{"message":"Client must be authenticated to access this resource.","status-code":401}"#, true),
    ("Client must be authenticated to access this resource.", true),
    (r#"{"error": "Failed to parse Connect Session Auth Token"}"#, true),
    (r#"{"accountId":"5b10a2844c20165700ede21g","displayName":"A","active":true}"#, true),
    (r#"{"name":"admin","key":"JIRAUSER10000","active":true}"#, true),
    (r#"{"status":"UP","checks":[]}"#, false),
    (r#"{"code":401,"message":"Unauthorized"}"#, false),
    ("<!DOCTYPE html><html><head><title>Access denied</title></head><body>Blocked</body></html>", false),
    ("<html><body><form id=\"login-form\"><input name=\"os_username\"><input type=\"password\"></form></body></html>", false),
    ("<HTML><BODY><H1>404 ERROR</H1>Generated by cloudfront (CloudFront)</BODY></HTML>", false),
    ("plain text from something", false),
];

fn answer_strategy() -> impl Strategy<Value = (HttpResponse, bool)> {
    (
        prop::sample::select(STATUSES),
        prop::option::of(prop::sample::select(JIRA_HEADERS)),
        prop::collection::vec(prop::sample::select(OTHER_HEADERS), 0..4),
        0..BODIES.len(),
    )
        .prop_map(|(status, jira, others, body)| {
            let mut headers = std::collections::BTreeMap::new();
            for (k, v) in others {
                headers.insert(k.to_string(), v.to_string());
            }
            if let Some((k, v)) = jira {
                headers.insert(k.to_string(), v.to_string());
            }
            let (body, jira_body) = BODIES[body];
            let r = HttpResponse {
                status,
                headers,
                body: body.into(),
                redirect: (300..400).contains(&status),
                ..HttpResponse::default()
            };
            // Only a proxy sends 407, whatever it passed on (RFC 9110 §15.5.8).
            (r, (jira.is_some() || jira_body) && status != 407)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn made_up_answers_keep_the_invariants(
        (r, jira_marked) in answer_strategy(),
        setting in 0..7usize,
    ) {
        let s = &settings()[setting];
        let ex = Exchange::Response(r);
        let result = test_with(s, &ex);
        check_invariants(&result, &ex, s.name);
        // Who answered follows the wire: Jira's marks, or not.
        prop_assert_eq!(result.answered_by == Answerer::Jira, jira_marked, "{:?}", ex);
        // Without Jira's marks, an Atlassian host's answer is its edge's, a DC's a device's
        // (or, with a proxy's own status, the device's).
        if !jira_marked {
            let r = ex.response().unwrap();
            let edge = s.detection.deployment.is_cloud() || r.header("atl-traceid").is_some();
            let want = if edge { Answerer::AtlassianEdge } else { Answerer::DeviceInFront };
            if r.status != 407 {
                prop_assert_eq!(result.answered_by, want);
            }
        }
    }
}
