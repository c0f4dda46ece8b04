//! Real Jira answers, as public sources recorded them (`tests/fixtures/real/`, one source per
//! file in `tests/fixtures/real/SOURCES.md`), through the core's public API: detection of
//! recorded serverInfo answers and pages, and the token test's verdict for recorded users,
//! refusals and rate limits.
//!
//! Nothing is made up. A request whose answer the source did not record gets
//! [`not_recorded`] (no answer at all), and every test below asserts only what the recorded
//! answers decide. Where a source recorded an answer on another path than the one the core
//! asks (a refusal of `/rest/api/2/project`, a `/user` answer), the answer stands in for the
//! core's request: SOURCES.md says which, and why the layer that answered is the same.
//! Every file reaches the code SOURCES.md names for it (issue 13 added the last ones:
//! `scope_mismatch`, `ip_not_allowed`, `blocked_by_proxy`, `token_expires_soon`, the
//! rate-limit reasons).
#![allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "../common/mod.rs"]
mod common;

use jira_token_wizard::auth_plan::AuthMethod;
use jira_token_wizard::catalogue::Code;
use jira_token_wizard::deployment::{Edition, Hosting, Product};
use jira_token_wizard::detect::{DetectFlow, DetectOptions, Detection};
use jira_token_wizard::http::{Exchange, HttpResponse};
use jira_token_wizard::probe::{AuthChoice, CheckInput, CheckResult, ProbeFlow, Secret};
use serde_json::Value;
use std::path::PathBuf;

const DIR: &str = "real";

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

/// A recorded answer as a transport would deliver it.
fn answer(case: &str) -> Exchange {
    common::answer(DIR, case)
}

fn response(case: &str) -> HttpResponse {
    answer(case)
        .response()
        .cloned()
        .expect("a recorded response")
}

/// What a request gets when the source recorded no answer for it: none at all.
fn not_recorded() -> Exchange {
    Exchange::Unreachable {
        elapsed_ms: 1,
        detail: "not recorded by the source".into(),
    }
}

/// Detection of a typed URL whose serverInfo answer is the recorded one (tenant_info, asked
/// on Atlassian hosts, was not recorded).
fn detect_url(url: &str, server_info: &str) -> Detection {
    let flow = DetectFlow::for_url(url, DetectOptions::default()).expect("url");
    let (d, _) = common::drive(flow, |req| match req.id.as_str() {
        "server_info" => answer(server_info),
        _ => not_recorded(),
    });
    d
}

/// Detection of a tab showing a recorded page; the instance's serverInfo was not recorded.
fn detect_page(url: &str, page: &str) -> Detection {
    let snapshot = jira_token_wizard::html::read(&response(page), url);
    let flow = DetectFlow::for_page(snapshot, DetectOptions::default()).expect("page url");
    common::drive(flow, |_| not_recorded()).0
}

/// Detection of a recorded page whose serverInfo answered as Jira with `version`: a credential
/// goes only where REST answered as Jira, never on the page's word alone (SECURITY.md §7.1).
fn detect_answered(url: &str, page: &str, version: &str) -> Detection {
    let snapshot = jira_token_wizard::html::read(&response(page), url);
    let flow = DetectFlow::for_page(snapshot, DetectOptions::default()).expect("page url");
    let info = serde_json::json!({"baseUrl": url.trim_end_matches('/'), "version": version, "deploymentType": "Server"});
    common::drive(flow, |req| match req.id.as_str() {
        "server_info" => Exchange::Response(HttpResponse {
            status: 200,
            headers: [("content-type".to_string(), "application/json".to_string())].into(),
            body: info.to_string(),
            ..HttpResponse::default()
        }),
        _ => not_recorded(),
    })
    .0
}

fn input(login: &str, auth: AuthChoice) -> CheckInput {
    CheckInput {
        login: login.to_string(),
        secret: Secret::new("a-secret-the-answers-never-saw"),
        auth,
        target: Default::default(),
        required_permissions: vec![],
        project: None,
        gateway: None,
        timeout_ms: 10_000,
        key_material: None,
        now: None,
        calls: Vec::new(),
        expires_on: None,
    }
}

/// The token test against `detection`, answering request ids from `answers`.
fn check(detection: Detection, input: CheckInput, answers: &[(&str, &str)]) -> CheckResult {
    let flow = ProbeFlow::new(input, detection).expect("valid input");
    common::drive(flow, |req| {
        match answers.iter().find(|(id, _)| *id == req.id) {
            Some((_, case)) => answer(case),
            None => not_recorded(),
        }
    })
    .0
}
/// A recorded answer whose source gave no status, with `status` substituted — only where the
/// verdict must not depend on it (the test says so).
fn with_status(case: &str, status: u16) -> Exchange {
    let path = dir().join(format!("{case}.json"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let r = &v["response"];
    assert!(r["status"].is_null(), "{case} has a status: use answer()");
    let headers = r["headers"].as_object().unwrap();
    Exchange::Response(HttpResponse {
        status,
        headers: jira_token_wizard::http::normalize_headers(
            headers
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or(""))),
        ),
        body: r["body"].as_str().unwrap().to_string(),
        ..HttpResponse::default()
    })
}

mod access;
mod answerers;
mod detection;
mod refusals;
mod users;

fn sources() -> String {
    std::fs::read_to_string(dir().join("SOURCES.md")).expect("SOURCES.md")
}

#[test]
fn every_real_fixture_has_a_source_and_the_recorded_shape() {
    let sources = sources();
    let mut seen = 0;
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        seen += 1;
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let source = v["source"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: source"));
        assert!(
            sources.contains(&format!("`{name}`")),
            "{name} is not in SOURCES.md"
        );
        assert!(
            sources.contains(&format!("[{source}]")),
            "{name}: source {source} is not in SOURCES.md"
        );
        let r = &v["response"];
        assert!(
            r["status"].is_u64() || r["status"].is_null(),
            "{name}: status"
        );
        assert!(r["headers"].is_object() && r["body"].is_string(), "{name}");
        assert!(r["headersRecorded"].is_boolean(), "{name}");
        assert!(v["request"]["path"].is_string(), "{name}");
    }
    assert!(seen >= 19, "{seen} fixtures");
}

#[test]
fn no_real_answer_awaits_a_code() {
    let sources = sources();
    let awaiting = sources.split("## Awaiting codes").nth(1).unwrap_or("");
    let awaiting = awaiting.split("\n## ").next().unwrap_or("");
    assert!(
        !awaiting.contains(".json`"),
        "SOURCES.md still lists answers awaiting a code: {awaiting}"
    );
}
