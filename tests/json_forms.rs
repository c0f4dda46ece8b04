//! The core's own JSON forms (`src/json/forms/`) against serde, the definition they mirror:
//! for real values — every recorded detection, the token tests of every recorded answer with
//! every target and method, their reports and renderings, PAT creations — our writer writes
//! serde_json's text byte for byte and our reader reads it back to the same value; for the
//! inputs, documents with missing, extra, null and wrong-typed fields are accepted or refused
//! exactly as serde_json accepts or refuses them.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;
#[path = "json_forms/inputs.rs"]
mod inputs;

use jira_token_wizard::detect::{DetectOptions, Detection};
use jira_token_wizard::flow::Flow;
use jira_token_wizard::http::{Exchange, HttpResponse};
use jira_token_wizard::json::{self, FromJson, ToJson};
use jira_token_wizard::page::PageSnapshot;
use jira_token_wizard::pat::{CreateFlow, CreateInput, CreateResult, CREATE};
use jira_token_wizard::probe::{AuthChoice, CheckInput, CheckResult, ProbeFlow, Secret};
use jira_token_wizard::protocol::CheckOutput;
use jira_token_wizard::report::{self, Meta, Rendered, Subject, Tool};
use jira_token_wizard::targets::Target;
use serde::{de::DeserializeOwned, Serialize};
use std::fmt::Debug;
use std::path::PathBuf;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn names(dir: PathBuf, want_dir: bool) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let e = e.ok()?;
            (e.file_type().ok()?.is_dir() == want_dir).then_some(())?;
            let name = e.file_name().into_string().ok()?;
            Some(
                name.strip_suffix(".json")
                    .map_or(name.clone(), str::to_string),
            )
        })
        .collect();
    out.sort();
    out
}

/// Simulator scenarios: every folder but `real/` (real answers, tests/real_answers.rs).
fn scenarios() -> Vec<String> {
    let mut out = names(fixtures(), true);
    out.retain(|s| s != "real");
    out
}

fn cases(scenario: &str) -> Vec<String> {
    names(fixtures().join(scenario), false)
}

fn fixture(scenario: &str, case: &str) -> serde_json::Value {
    let path = fixtures().join(scenario).join(format!("{case}.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// 1. Our text is serde_json's, byte for byte.
fn same_text<T: Serialize + ToJson>(what: &str, x: &T) {
    assert_eq!(
        ToJson::to_json(x).to_text(),
        serde_json::to_string(x).unwrap(),
        "{what}"
    );
}

/// 2. What serde_json writes, we read back to the same value.
fn reads_back<T: Serialize + FromJson + PartialEq + Debug>(what: &str, x: &T) {
    let text = serde_json::to_string(x).unwrap();
    let ours = T::from_json(&json::parse(&text).unwrap()).unwrap_or_else(|e| panic!("{what}: {e}"));
    assert_eq!(&ours, x, "{what}");
}

fn both<T: Serialize + FromJson + ToJson + PartialEq + Debug>(what: &str, x: &T) {
    same_text(what, x);
    reads_back(what, x);
}

/// 3. Accepted by both (as the same value) or refused by both. Returns whether accepted.
fn agree<T: DeserializeOwned + FromJson + PartialEq + Debug>(what: &str, doc: &str) -> bool {
    let theirs = serde_json::from_str::<T>(doc).ok();
    let ours = json::from_text::<T>(doc);
    assert_eq!(
        ours.as_ref().ok(),
        theirs.as_ref(),
        "{what}: {doc} ({ours:?})"
    );
    theirs.is_some()
}

fn detection(scenario: &str) -> Detection {
    let page = if scenario.starts_with("sso") {
        "page-logged-in"
    } else {
        "page"
    };
    common::detect_on(scenario, page).0
}

fn detections() -> Vec<(String, Detection)> {
    let mut out = Vec::new();
    for s in scenarios() {
        for page in ["page", "page-logged-in"] {
            if cases(&s).iter().any(|c| c == page) {
                out.push((format!("{s}/{page}"), common::detect_on(&s, page).0));
            }
        }
    }
    out
}

fn meta() -> Meta {
    Meta {
        tool: Tool::Extension,
        version: "0.1.0".into(),
        environment: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 «ё» \"q\" \u{1}".into(),
        generated_at: "2025-01-31T09:30:00Z".into(),
    }
}

/// A recorded answer; no answer recorded (`hang`) is a timeout.
fn recorded(scenario: &str, case: &str) -> Exchange {
    match case {
        "TIMEOUT" => Exchange::Timeout { elapsed_ms: 10_000 },
        "REFUSED" => Exchange::Unreachable {
            elapsed_ms: 1,
            detail: "TypeError: Failed to fetch \"x\"".into(),
        },
        _ if fixture(scenario, case)["response"].is_null() => {
            Exchange::Timeout { elapsed_ms: 10_000 }
        }
        _ => common::answer(scenario, case),
    }
}

/// The token test of every recorded `myself` answer of every scenario, with every target
/// (Issue Sync with key material, so its snippet and key exist) and every method.
fn check_results() -> Vec<(String, CheckResult)> {
    let mut out = Vec::new();
    for scenario in scenarios() {
        let have = cases(&scenario);
        let pick = |want: &[&str]| -> Exchange {
            want.iter()
                .find(|c| have.iter().any(|h| h == *c))
                .map(|c| recorded(&scenario, c))
                .unwrap_or_else(|| {
                    Exchange::Response(HttpResponse {
                        status: 404,
                        ..HttpResponse::default()
                    })
                })
        };
        let d = detection(&scenario);
        let myself = have
            .iter()
            .filter(|c| c.starts_with("myself") || c.starts_with("gateway"))
            .map(String::as_str)
            .chain(["TIMEOUT", "REFUSED"]);
        for case in myself {
            let runs = Target::ALL.iter().map(|&t| (t, AuthChoice::Auto)).chain(
                [AuthChoice::ApiToken, AuthChoice::Pat, AuthChoice::Basic]
                    .map(|a| (Target::Generic, a)),
            );
            for (i, (target, auth)) in runs.enumerate() {
                let login = match (auth, scenario.as_str()) {
                    (AuthChoice::Pat, _) => "",
                    (_, "cloud" | "rate-limited" | "inactive-user") => "admin@example.com",
                    _ => "admin",
                };
                let input = CheckInput {
                    login: login.into(),
                    secret: Secret::new("s3cret-token-value"),
                    auth,
                    target,
                    required_permissions: vec!["BROWSE_PROJECTS".into(), "CREATE_ISSUES".into()],
                    project: (i % 2 == 0).then(|| "PROJ".into()),
                    gateway: Some("https://api.atlassian.com".into()),
                    timeout_ms: 10_000,
                    key_material: (target == Target::IssueSync).then(|| (0u8..32).collect()),
                };
                let Ok(flow) = ProbeFlow::new(input, d.clone()) else {
                    continue;
                };
                let (result, _) = common::drive(flow, |req| match req.id.as_str() {
                    "myself" => recorded(&scenario, case),
                    "mypermissions" => pick(&[
                        "mypermissions-svc-sync-proj",
                        "mypermissions",
                        "mypermissions-anon",
                    ]),
                    "projects" => pick(&["project-list", "project-list-anon"]),
                    "myself_as_bearer" => pick(&["myself-anon"]),
                    "gateway_myself" => pick(&["gateway-myself-scoped-token"]),
                    "tenant_info" => pick(&["tenant-info"]),
                    _ => pick(&["myself-anon"]),
                });
                out.push((format!("{scenario}/{case} {target:?} {auth:?}"), result));
            }
        }
    }
    out
}

fn create_results() -> Vec<(String, CreateResult)> {
    let raw = "MDAwMDAwMDAwMjAzOmRlYWRiZWVmZGVhZGJlZWYwMDAw";
    let json = |status: u16, body: String| {
        Exchange::Response(HttpResponse {
            status,
            headers: jira_token_wizard::http::normalize_headers([
                ("Content-Type", "application/json;charset=UTF-8"),
                ("X-AUSERNAME", "jdoe"),
            ]),
            body,
            elapsed_ms: 7,
            ..HttpResponse::default()
        })
    };
    let answers = [
        json(201, format!(r#"{{"id":42,"name":"ci-sync","createdAt":"2025-01-31T09:30:00.000+0000","expiringAt":"2025-04-30T09:30:00.000+0000","rawToken":"{raw}"}}"#)),
        json(201, format!(r#"{{"id":null,"name":"ci \"sync\" ё","createdAt":null,"expiringAt":null,"rawToken":"{raw}"}}"#)),
        json(201, r#"{"rawToken":""}"#.into()),
        json(400, r#"{"exception":"com.atlassian.pats.rest.exception.TokenLimitReachedException","error":"limit"}"#.into()),
        json(401, String::new()),
        json(403, "XSRF check failed".into()),
        json(500, "<html>oops</html>".into()),
        Exchange::Timeout { elapsed_ms: 5_000 },
        Exchange::Unreachable { elapsed_ms: 1, detail: "refused".into() },
    ];
    let deployment = common::detect("dc-9.12-cluster").0.deployment;
    answers
        .into_iter()
        .enumerate()
        .map(|(i, ex)| {
            let input = CreateInput {
                name: "ci-sync".into(),
                expiration_days: (i % 2 == 0).then_some(90),
                timeout_ms: 5_000,
            };
            let mut flow = CreateFlow::new(input, &deployment).unwrap();
            assert_eq!(flow.next_batch().len(), 1);
            flow.feed(vec![(CREATE.to_string(), ex)]);
            (format!("answer {i}"), flow.finish())
        })
        .collect()
}

#[test]
fn detections_write_and_read_as_serde_does() {
    let all = detections();
    assert!(all.len() >= 30, "{}", all.len());
    for (what, d) in &all {
        both(what, d);
        both(what, &d.deployment);
        let report = report::build(Subject::Detection(d), &meta());
        both(what, &report);
        same_text(what, &Rendered::new(report));
    }
    let with = |f: fn(&Detection) -> bool| all.iter().filter(|(_, d)| f(d)).count();
    assert!(with(|d| d.auth_plan.is_some()) > 0 && with(|d| d.auth_plan.is_none()) > 0);
    assert!(with(|d| !d.warnings.is_empty()) > 0);
    assert!(with(|d| d.deployment.user.is_some()) > 0);
}

#[test]
fn token_tests_and_their_reports_write_and_read_as_serde_does() {
    let all = check_results();
    assert!(all.len() > 1_000, "{}", all.len());
    for (what, result) in &all {
        both(what, result);
        let output = CheckOutput::from(result.clone());
        same_text(what, &output);
        for item in &output.checklist {
            both(what, item);
        }
        let report = report::build(
            Subject::Check {
                result,
                login: "admin",
            },
            &meta(),
        );
        both(what, &report);
        same_text(what, &Rendered::new(report));
    }
    // The values reach every part of the form.
    let with = |f: fn(&CheckResult) -> bool| all.iter().filter(|(_, r)| f(r)).count();
    assert!(
        with(|r| r
            .snippet
            .as_ref()
            .is_some_and(|s| s.target == Target::IssueSync))
            > 0
    );
    assert!(
        with(|r| r
            .snippet
            .as_ref()
            .is_some_and(|s| s.fields.iter().any(|f| f.hint.is_some())))
            > 0
    );
    assert!(with(|r| r.user.as_ref().is_some_and(|u| u.email.is_some())) > 0);
    assert!(
        with(|r| r
            .permissions
            .as_ref()
            .is_some_and(|p| !p.missing.is_empty()))
            > 0
    );
    assert!(with(|r| !r.projects.is_empty()) > 0);
    assert!(with(|r| r.login_url.is_some()) > 0);
    assert!(with(|r| r.requests.iter().any(|q| q.detail.is_some())) > 0);
    assert!(with(|r| r.requests.iter().any(|q| q.status.is_none())) > 0);
    assert!(with(|r| r.scheme.is_some()) > 0 && with(|r| r.scheme.is_none()) > 0);
}

#[test]
fn pat_creations_write_as_serde_does() {
    let all = create_results();
    assert!(all
        .iter()
        .any(|(_, r)| r.token.as_ref().is_some_and(|t| t.id.is_some())));
    assert!(all.iter().any(|(_, r)| !r.ok));
    for (what, r) in &all {
        same_text(what, r);
    }
}

#[test]
fn pages_options_and_meta_write_and_read_as_serde_does() {
    for s in scenarios() {
        for case in cases(&s).iter().filter(|c| c.starts_with("page")) {
            both(&format!("{s}/{case}"), &common::page_case(&s, case));
        }
    }
    both("default page", &PageSnapshot::default());
    for (allow_fetch, fetch_page, timeout_ms) in [
        (true, false, 10_000),
        (false, true, 0),
        (true, true, u32::MAX),
    ] {
        let o = DetectOptions {
            allow_fetch,
            fetch_page,
            timeout_ms,
        };
        both("options", &o);
    }
    both("meta", &meta());
    both(
        "cli meta",
        &Meta {
            tool: Tool::Cli,
            environment: String::new(),
            ..meta()
        },
    );
}
