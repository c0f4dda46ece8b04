//! Core compute per verdict (criterion), over answers recorded from the Jira simulator
//! (`tests/fixtures/`): detection's conclusion for a few pages, and the token test — input
//! validation, both rounds of requests, classification and texts — once per verdict code.
//! Answers are loaded before measuring: only the core's own work is timed.
//!
//! Run through `bench/run.sh` (BENCHMARKS.md), or `cargo bench --bench core`. With
//! `JTW_BENCH_EXPORT=<file>` it writes the same cases as JSON (detection, input, the answer to
//! each request by URL and scheme) for the wasm benchmark (`bench/wasm.mjs`) and exits.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/common/mod.rs"]
mod common;

use criterion::{criterion_group, Criterion};
use jira_token_wizard::catalogue::Code;
use jira_token_wizard::detect::{DetectFlow, DetectOptions, Detection};
use jira_token_wizard::flow::Flow;
use jira_token_wizard::http::{Exchange, HttpRequest};
use jira_token_wizard::page::PageSnapshot;
use jira_token_wizard::probe::{CheckInput, ProbeFlow};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

/// One token test per verdict code: scenario, login, method, project, request id → fixture
/// (a `gateway_…` request id: the gateway is allowed).
/// (The same situations as tests/probe_verdicts/.)
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [(&'static str, &'static str)],
    Code,
);

#[rustfmt::skip]
const CASES: &[Case] = &[
    ("dc-9.12-cluster", "", "auto", None, &[("myself", "myself-pat-ok"), ("mypermissions", "mypermissions")], Code::Ok),
    ("cloud", "admin@example.com", "auto", None, &[("myself", "myself-bad-token"), ("mypermissions", "mypermissions-anon")], Code::CredentialsRejected),
    ("cloud", "admin@example.com", "auto", None, &[("myself", "myself-password"), ("mypermissions", "mypermissions-anon")], Code::PasswordNotAccepted),
    ("dc-9.12-cluster", "", "pat", None, &[("myself", "myself-pat-revoked"), ("mypermissions", "mypermissions-anon")], Code::TokenNotRecognized),
    ("server-7.13", "", "pat", None, &[("myself", "myself-bearer-ignored"), ("mypermissions", "mypermissions-anon")], Code::PatNotSupported),
    ("dc-9.12-cluster", "admin", "basic", None, &[("myself", "myself-pat-as-basic-password"), ("myself_as_bearer", "myself-pat-ok")], Code::PatNotAcceptedAsPassword),
    ("cloud", "admin@example.com", "pat", None, &[("myself", "myself-api-token-as-bearer"), ("mypermissions", "mypermissions-anon")], Code::WrongAuthMethod),
    ("cloud", "svc-sync-k3x9@serviceaccount.atlassian.com", "auto", None, &[("myself", "myself-scoped-token-on-site"), ("mypermissions", "mypermissions-anon")], Code::ScopedTokenNeedsGateway),
    ("captcha", "jdoe", "basic", None, &[("myself", "myself-captcha")], Code::CaptchaRequired),
    ("basic-disabled", "admin", "basic", None, &[("myself", "myself-basic-disabled")], Code::BasicAuthDisabled),
    ("sso-redirect", "admin", "basic", None, &[("myself", "myself-ok")], Code::SsoLoginPage),
    ("dc-no-jira-access", "noaccess", "basic", None, &[("myself", "myself-no-jira-access")], Code::AccountInactive),
    ("dc-9.12-cluster", "jdoe", "pat", None, &[("myself", "myself-pat-ok"), ("mypermissions", "mypermissions")], Code::UserMismatch),
    ("rate-limited", "admin@example.com", "auto", None, &[("myself", "myself-ok"), ("mypermissions", "mypermissions")], Code::RateLimited),
    ("missing-permissions", "admin", "basic", Some("PROJ"), &[("myself", "myself-ok"), ("mypermissions", "mypermissions-svc-sync-proj")], Code::MissingPermissions),
    ("missing-permissions", "admin", "basic", Some("NOPE"), &[("myself", "myself-ok"), ("mypermissions", "mypermissions-unknown-project")], Code::ProjectNotFound),
    ("server-error", "admin", "basic", None, &[("myself", "myself-ok")], Code::ServerError),
    ("proxy-garbage", "admin", "basic", None, &[("myself", "myself-ok")], Code::UnexpectedResponse),
    ("hang", "admin", "basic", None, &[("myself", "TIMEOUT")], Code::Timeout),
    ("dc-10.3", "admin", "basic", None, &[("myself", "REFUSED")], Code::Unreachable),
    ("not-atlassian", "admin", "basic", None, &[], Code::NotJira),
    ("proxy-407", "admin", "basic", None, &[("myself", "myself-ok")], Code::ProxyAuthRequired),
    ("cloud-edge-404", "admin@example.com", "auto", None, &[("myself", "myself-ok"), ("mypermissions", "mypermissions")], Code::EdgeNotFound),
];

struct Prepared {
    code: Code,
    detection: Detection,
    input: CheckInput,
    input_json: serde_json::Value,
    answers: BTreeMap<String, Exchange>,
}

fn answer(scenario: &str, fixture: &str) -> Exchange {
    match fixture {
        "TIMEOUT" => Exchange::Timeout { elapsed_ms: 10_000 },
        "REFUSED" => Exchange::Unreachable {
            elapsed_ms: 1,
            detail: "connection refused".into(),
        },
        f => common::answer(scenario, f),
    }
}

fn detection(scenario: &str) -> Detection {
    let page = if scenario.starts_with("sso") {
        "page-logged-in"
    } else {
        "page"
    };
    common::detect_on(scenario, page).0
}

fn prepare() -> Vec<Prepared> {
    CASES
        .iter()
        .map(|&(scenario, login, auth, project, fixtures, code)| {
            let input_json = serde_json::json!({
                "login": login,
                "secret": "bench-secret-value",
                "auth": auth,
                "requiredPermissions": ["BROWSE_PROJECTS", "CREATE_ISSUES"],
                "project": project,
                // The gateway only where a case answers it (the CLI's default; the popup's
                // after its click); without, a service account's 401 is the scoped-token verdict.
                "gateway": fixtures.iter().any(|(id, _)| id.starts_with("gateway_")).then_some("https://api.atlassian.com"),
                "timeoutMs": 10_000,
            });
            let mut answers: BTreeMap<String, Exchange> = fixtures
                .iter()
                .map(|(id, f)| (id.to_string(), answer(scenario, f)))
                .collect();
            // Requests a case does not name (e.g. the project list) get an empty answer.
            answers
                .entry("projects".into())
                .or_insert_with(|| Exchange::Response(Default::default()));
            Prepared {
                code,
                detection: detection(scenario),
                input: serde_json::from_value(input_json.clone()).expect("input"),
                input_json,
                answers,
            }
        })
        .collect()
}

/// Drives `flow` with prepared answers; returns the output and the requests made.
fn drive<F: Flow>(
    mut flow: F,
    answers: &BTreeMap<String, Exchange>,
) -> (F::Output, Vec<HttpRequest>) {
    let mut sent = Vec::new();
    loop {
        let batch = flow.next_batch();
        if batch.is_empty() {
            return (flow.finish(), sent);
        }
        let fed = batch
            .iter()
            .map(|r| {
                let a = answers
                    .get(&r.id)
                    .cloned()
                    .unwrap_or(Exchange::Response(Default::default()));
                (r.id.clone(), a)
            })
            .collect();
        sent.extend(batch);
        flow.feed(fed);
    }
}

fn check(p: &Prepared) -> (jira_token_wizard::probe::CheckResult, Vec<HttpRequest>) {
    let flow = ProbeFlow::new(p.input.clone(), p.detection.clone()).expect("valid input");
    drive(flow, &p.answers)
}

/// `JTW_BENCH_EXPORT`: the cases as JSON for bench/wasm.mjs.
fn export(path: &str, cases: &[Prepared]) {
    let out: Vec<serde_json::Value> = cases
        .iter()
        .map(|p| {
            let (result, sent) = check(p);
            assert_eq!(result.verdict.code, p.code, "{:?}", p.code);
            let answers: Vec<serde_json::Value> = sent
                .iter()
                .map(|r| {
                    let scheme = r
                        .headers
                        .iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
                        .and_then(|(_, v)| v.split(' ').next())
                        .unwrap_or("None");
                    let ex = p
                        .answers
                        .get(&r.id)
                        .cloned()
                        .unwrap_or(Exchange::Response(Default::default()));
                    serde_json::json!({"url": r.url, "scheme": scheme, "answer": ex})
                })
                .collect();
            serde_json::json!({
                "code": p.code,
                "detection": p.detection,
                "input": p.input_json,
                "answers": answers,
            })
        })
        .collect();
    let detect: Vec<serde_json::Value> = pages()
        .into_iter()
        .map(|(scenario, page, info)| {
            let tenant = common::answer(scenario, "tenant-info");
            let flow = DetectFlow::for_page(page.clone(), DetectOptions::default()).expect("page");
            let mut by_id = BTreeMap::new();
            by_id.insert("server_info".to_string(), info);
            by_id.insert("tenant_info".to_string(), tenant);
            let (_, sent) = drive(flow, &by_id);
            let answers: Vec<serde_json::Value> = sent
                .iter()
                .map(
                    |r| serde_json::json!({"url": r.url, "scheme": "None", "answer": by_id[&r.id]}),
                )
                .collect();
            serde_json::json!({"scenario": scenario, "snapshot": page, "answers": answers})
        })
        .collect();
    let all = serde_json::json!({"check": out, "detect": detect});
    std::fs::write(path, serde_json::to_string_pretty(&all).expect("json")).expect("write");
}

fn pages() -> Vec<(&'static str, PageSnapshot, Exchange)> {
    [
        "dc-9.12-cluster",
        "cloud",
        "context-path-mismatch",
        "confluence",
    ]
    .into_iter()
    .map(|s| (s, common::page(s), common::answer(s, "serverinfo-anon")))
    .collect()
}

fn bench_detection(c: &mut Criterion) {
    let mut g = c.benchmark_group("detect");
    for (scenario, page, info) in pages() {
        let tenant = common::answer(scenario, "tenant-info");
        g.bench_function(scenario, |b| {
            b.iter(|| {
                let flow = DetectFlow::for_page(black_box(page.clone()), DetectOptions::default())
                    .expect("page");
                let mut answers = BTreeMap::new();
                answers.insert("server_info".to_string(), info.clone());
                answers.insert("tenant_info".to_string(), tenant.clone());
                black_box(drive(flow, &answers).0)
            })
        });
    }
    g.finish();
    // The CLI's path from a fetched page: html5ever parse + snapshot (native only).
    let resp = match common::answer_page("dc-9.12-cluster", "page") {
        Exchange::Response(r) => r,
        _ => unreachable!(),
    };
    c.bench_function("html_read/dc-9.12-cluster", |b| {
        b.iter(|| {
            black_box(jira_token_wizard::html::read(
                black_box(&resp),
                "http://127.0.0.1/",
            ))
        })
    });
}

fn bench_verdicts(c: &mut Criterion) {
    let cases = prepare();
    let mut g = c.benchmark_group("verdict");
    for p in &cases {
        g.bench_function(p.code.as_str(), |b| {
            b.iter(|| black_box(check(black_box(p)).0))
        });
    }
    g.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sample_size(30)
        .configure_from_args()
}

criterion_group! { name = benches; config = config(); targets = bench_detection, bench_verdicts }

fn main() {
    if let Ok(path) = std::env::var("JTW_BENCH_EXPORT") {
        export(&path, &prepare());
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
