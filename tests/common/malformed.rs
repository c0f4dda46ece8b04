//! Helpers shared by the malformed-input corpus (`tests/malformed_answers.rs`,
//! `tests/malformed_transport.rs`, `tests/malformed_pages.rs`): hand-made answers (JSON, HTML, a
//! body at the transport cap), detection and token tests driven under a time bound, and the
//! invariants every token test keeps.

use jira_token_wizard::catalogue::Code;
use jira_token_wizard::detect::{DetectFlow, DetectOptions, Detection};
use jira_token_wizard::http::{
    normalize_headers, Exchange, HttpRequest, HttpResponse, MAX_BODY_BYTES,
};
use jira_token_wizard::page::PageSnapshot;
use jira_token_wizard::probe::{AuthChoice, CheckInput, CheckResult, ProbeFlow};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Upper bound for any one case (debug build, busy 2-core machine); real runs take ms.
pub const LIMIT: Duration = Duration::from_secs(10);
pub const SECRET: &str = "Zq9-malformed-corpus-secret-7731";

/// Runs `f` on its own thread and fails the test if it panics or takes longer than [`LIMIT`].
pub fn bounded<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(LIMIT) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: still running after {LIMIT:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("{what}: panicked after {:?}", started.elapsed())
        }
    }
}

pub fn resp(status: u16, headers: &[(&str, &str)], body: &str) -> HttpResponse {
    HttpResponse {
        status,
        headers: normalize_headers(headers.iter().copied()),
        body: body.to_string(),
        redirect: (300..400).contains(&status),
        elapsed_ms: 1,
        ..HttpResponse::default()
    }
}

pub fn json(status: u16, body: &str) -> Exchange {
    Exchange::Response(resp(
        status,
        &[("Content-Type", "application/json;charset=UTF-8")],
        body,
    ))
}

pub fn html(status: u16, body: &str) -> Exchange {
    Exchange::Response(resp(
        status,
        &[("Content-Type", "text/html;charset=UTF-8")],
        body,
    ))
}

/// A JSON body at exactly [`MAX_BODY_BYTES`], flagged as cut by the transport.
pub fn at_cap(prefix: &str) -> Exchange {
    let mut body = prefix.to_string();
    body.push_str(&" ".repeat(MAX_BODY_BYTES - prefix.len()));
    let mut r = resp(200, &[("Content-Type", "application/json")], &body);
    r.truncated = true;
    Exchange::Response(r)
}

pub fn codes(d: &Detection) -> Vec<Code> {
    d.warnings.iter().map(|w| w.code).collect()
}

/// Detection of a tab showing `page`, answering serverInfo / tenant_info with `answer`.
pub fn detect_page(
    page: PageSnapshot,
    answer: impl FnMut(&HttpRequest) -> Exchange,
) -> (Detection, usize) {
    let flow = DetectFlow::for_page(page, DetectOptions::default()).expect("page url");
    super::drive(flow, answer)
}

/// Detection of a typed URL (no page), answering with `answer`.
pub fn detect_url(url: &str, answer: impl FnMut(&HttpRequest) -> Exchange) -> (Detection, usize) {
    let flow = DetectFlow::for_url(url, DetectOptions::default()).expect("url");
    super::drive(flow, answer)
}

pub struct Checked {
    pub result: CheckResult,
    pub sent: Vec<HttpRequest>,
    pub rounds: usize,
}

pub fn check(
    detection: Detection,
    login: &str,
    auth: AuthChoice,
    mut answer: impl FnMut(&HttpRequest) -> Exchange,
) -> Checked {
    // Built the way the wasm boundary builds it (from JSON), so fields added later with
    // defaults need no change here.
    let input: CheckInput = serde_json::from_value(serde_json::json!({
        "login": login,
        "secret": SECRET,
        "auth": auth,
        "requiredPermissions": ["BROWSE_PROJECTS", "CREATE_ISSUES"],
        "gateway": "https://api.atlassian.com",
        "timeoutMs": 10_000,
    }))
    .expect("check input");
    let flow = ProbeFlow::new(input, detection).expect("valid input");
    let mut sent = Vec::new();
    let (result, rounds) = super::drive(flow, |req| {
        sent.push(req.clone());
        answer(req)
    });
    Checked {
        result,
        sent,
        rounds,
    }
}

/// The invariants every token test keeps, whatever came back.
pub fn assert_invariants(what: &str, c: &Checked) {
    assert!(c.rounds <= 2, "{what}: {} round trips", c.rounds);
    let out = serde_json::to_string(&c.result).expect("serializable");
    assert!(!out.contains(SECRET), "{what}: secret in the result");
    for r in &c.sent {
        assert!(
            !(r.follow_redirects && r.has_credentials()),
            "{what}: {} follows redirects with a credential",
            r.id
        );
    }
    assert_eq!(
        c.result.verdict.code.kind(),
        jira_token_wizard::catalogue::Kind::Verdict,
        "{what}"
    );
}

pub fn dc() -> Detection {
    super::detect("dc-9.12-cluster").0
}

pub fn server_8() -> Detection {
    super::detect("server-8.5").0
}

pub fn cloud() -> Detection {
    super::detect("cloud").0
}

pub const GOOD_INFO: &str = r#"{"baseUrl":"http://127.0.0.1:47303","version":"9.12.15","versionNumbers":[9,12,15],"deploymentType":"Server","buildNumber":9120015,"serverTitle":"Jira"}"#;

/// The answer to any request a case does not care about (e.g. the project list).
pub fn other() -> Exchange {
    json(200, "[]")
}

pub fn dc_myself(myself: Exchange) -> Checked {
    check(dc(), "", AuthChoice::Auto, move |r| match r.id.as_str() {
        "myself" => myself.clone(),
        "mypermissions" => super::answer("dc-9.12-cluster", "mypermissions"),
        _ => other(),
    })
}

pub fn jira_page(url: &str) -> PageSnapshot {
    let mut page = PageSnapshot {
        url: url.into(),
        title: "System Dashboard - Jira".into(),
        body_id: "jira".into(),
        ..PageSnapshot::default()
    };
    for (k, v) in [
        ("application-name", "JIRA"),
        ("ajs-version-number", "9.12.15"),
        ("ajs-build-number", "9120015"),
        ("ajs-base-url", "https://jira.example.com"),
        ("ajs-context-path", ""),
    ] {
        page.metas.insert(k.into(), v.into());
    }
    page
}
