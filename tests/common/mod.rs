//! Shared helpers for the native tests: loading answers recorded from the Jira simulator
//! (`tests/fixtures/<scenario>/<case>.json`, written by `node tests/simulator/record.mjs`) and
//! driving a flow with them as a transport would.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use jira_token_wizard::detect::{DetectFlow, DetectOptions, Detection};
use jira_token_wizard::flow::Flow;
use jira_token_wizard::http::{normalize_headers, Exchange, HttpRequest, HttpResponse};
use jira_token_wizard::page::PageSnapshot;
use serde_json::Value;
use std::path::PathBuf;

pub mod malformed;

fn path(scenario: &str, case: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(scenario)
        .join(format!("{case}.json"))
}

/// The simulator's Cloud scenarios, and the Atlassian site each stands for in these tests.
/// A Cloud credential goes only to `*.atlassian.net` / `*.jira.com` (SECURITY.md §7.1), never
/// to this machine, so a Cloud fixture recorded at `http://127.0.0.1:<port>` is read as if it
/// had been recorded at `https://<scenario>.atlassian.net`. `custom-domain` is left where it
/// is: it is the Cloud page *elsewhere* that names `acme.atlassian.net`.
pub const CLOUD_SITES: &[(&str, &str)] = &[
    ("cloud", "https://cloud.atlassian.net"),
    ("inactive-user", "https://inactive-user.atlassian.net"),
    ("ip-allowlist", "https://ip-allowlist.atlassian.net"),
    ("rate-limited", "https://rate-limited.atlassian.net"),
    ("cloud-edge-404", "https://cloud-edge-404.atlassian.net"),
    ("cloud-bearer-403", "https://cloud-bearer-403.atlassian.net"),
    (
        "cloud-search-removed",
        "https://cloud-search-removed.atlassian.net",
    ),
    (
        "cloud-refuses-dc-pat",
        "https://cloud-refuses-dc-pat.atlassian.net",
    ),
];

/// The Atlassian site a Cloud scenario stands for (`None` for the others).
pub fn cloud_site(scenario: &str) -> Option<&'static str> {
    CLOUD_SITES
        .iter()
        .find(|(s, _)| *s == scenario)
        .map(|(_, site)| *site)
}

fn load(scenario: &str, case: &str) -> Value {
    let p = path(scenario, case);
    let mut text =
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("fixture {}: {e}", p.display()));
    if let Some(site) = cloud_site(scenario) {
        text = on_site(&text, site);
    }
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("fixture {}: {e}", p.display()))
}

/// `text` with every `http://127.0.0.1:<port>` origin written as `site`.
fn on_site(text: &str, site: &str) -> String {
    const LOCAL: &str = "http://127.0.0.1:";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(LOCAL) {
        out.push_str(&rest[..i]);
        out.push_str(site);
        let after = &rest[i + LOCAL.len()..];
        rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    out.push_str(rest);
    out
}

fn response_from(v: &Value) -> HttpResponse {
    let status = v["status"].as_u64().expect("status") as u16;
    let headers = v["headers"]
        .as_object()
        .map(|h| {
            normalize_headers(
                h.iter()
                    .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_default())),
            )
        })
        .unwrap_or_default();
    HttpResponse {
        status,
        headers,
        body: v["body"].as_str().unwrap_or_default().to_string(),
        redirect: (300..400).contains(&status),
        elapsed_ms: 3,
        ..HttpResponse::default()
    }
}

/// A recorded answer as a transport would deliver it (redirects not followed).
pub fn answer(scenario: &str, case: &str) -> Exchange {
    Exchange::Response(response_from(&load(scenario, case)["response"]))
}

/// The recorded page of a scenario as the extension would snapshot it.
pub fn page(scenario: &str) -> PageSnapshot {
    page_case(scenario, "page")
}

/// A recorded page (`page` anonymous, `page-logged-in`) as the extension would snapshot it.
pub fn page_case(scenario: &str, case: &str) -> PageSnapshot {
    let v = load(scenario, case);
    let resp = response_from(&v);
    jira_token_wizard::html::read(&resp, v["url"].as_str().expect("page url"))
}

/// Runs a flow, answering each request with `answer_for`; returns the output and the number
/// of round trips (batches).
pub fn drive<F: Flow>(
    mut flow: F,
    mut answer_for: impl FnMut(&HttpRequest) -> Exchange,
) -> (F::Output, usize) {
    let mut rounds = 0;
    loop {
        let batch = flow.next_batch();
        if batch.is_empty() {
            break;
        }
        rounds += 1;
        let answers = batch
            .iter()
            .map(|r| (r.id.clone(), answer_for(r)))
            .collect();
        flow.feed(answers);
    }
    (flow.finish(), rounds)
}

/// Detection for a scenario's page, with the recorded anonymous serverInfo / tenant_info.
pub fn detect(scenario: &str) -> (Detection, usize) {
    detect_on(scenario, "page")
}

/// Detection on one of a scenario's recorded pages.
pub fn detect_on(scenario: &str, page: &str) -> (Detection, usize) {
    let flow = DetectFlow::for_page(page_case(scenario, page), DetectOptions::default())
        .expect("page url");
    drive(flow, |req| match req.id.as_str() {
        "server_info" => answer(scenario, "serverinfo-anon"),
        "tenant_info" => answer(scenario, "tenant-info"),
        other => panic!("unexpected detection request {other}"),
    })
}

/// A recorded page as the answer to the CLI's page request.
pub fn answer_page(scenario: &str, case: &str) -> Exchange {
    Exchange::Response(response_from(&load(scenario, case)))
}

/// What the service worker keeps of a scenario page's detection (`protocol::Detected`, as
/// JSON): the `detect_page` command it sent and the answers the core handed back with the
/// detection — what `check`, `plan_pat` and `interpret_pat` name their detection by.
pub fn detected(scenario: &str) -> Value {
    use jira_token_wizard::protocol::{Command, Job};
    let command =
        serde_json::json!({"type": "detect_page", "snapshot": page(scenario), "options": {}});
    let Ok(Job::Detect(job)) = Command::from_json(&command.to_string())
        .expect("a detect command")
        .into_job()
    else {
        panic!("not a detection")
    };
    let (out, _) = drive(*job, |req| match req.id.as_str() {
        "server_info" => answer(scenario, "serverinfo-anon"),
        "tenant_info" => answer(scenario, "tenant-info"),
        other => panic!("unexpected detection request {other}"),
    });
    serde_json::json!({"detect": command, "answers": out.answers})
}
