//! The one-click PAT sent from the Jira tab (issue 12): the core plans the POST
//! (`plan_pat` → `pat::TabRequest`) and classifies the tab's answer (`interpret_pat` →
//! `pat::CreateResult`), read as the service worker sends them (`extension/protocol.js`) with
//! the answer as `extension/tab-fetch.js` writes it. The 201 body follows the recorded PAT
//! REST entry (tests/fixtures/real/dc-10.3.19-pat-list.json, facts §3.3: its field order and
//! `+00:00` times) with the `rawToken` creation adds; the refusals follow facts §3.3/§4.8.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::catalogue::Code;
use jira_token_wizard::http::{Method, DIAGNOSTIC_HEADERS, MAX_BODY_BYTES};
use jira_token_wizard::pat::{CreateResult, TabRequest};
use jira_token_wizard::protocol::{Command, Job};
use serde_json::{json, Value};

const RAW: &str = "MDAwMDAwMDAwMDU5OmRlYWRiZWVmZGVhZGJlZWYwMDAw";

/// What the worker keeps of the scenario's detection (`protocol::Detected`).
fn detected(scenario: &str) -> Value {
    common::detected(scenario)
}

fn job(v: Value) -> Job {
    Command::from_json(&v.to_string())
        .unwrap()
        .into_job()
        .unwrap()
}

fn plan(scenario: &str, input: Value) -> TabRequest {
    match job(json!({"type": "plan_pat", "detected": detected(scenario), "input": input})) {
        Job::PatPlan(p) => *p,
        other => panic!("not a plan: {other:?}"),
    }
}

fn interpret(answer: Value) -> CreateResult {
    let cmd = json!({"type": "interpret_pat", "detected": detected("dc-10.3"),
        "input": {"name": "ci-sync", "expirationDays": 90}, "answer": answer});
    match job(cmd) {
        Job::PatResult(r) => *r,
        other => panic!("not a result: {other:?}"),
    }
}

/// The recorded list entry (id 58) as creation returns it: the same fields plus `rawToken`.
fn created_body() -> String {
    let recorded: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/real/dc-10.3.19-pat-list.json").unwrap(),
    )
    .unwrap();
    let list: Value = serde_json::from_str(recorded["response"]["body"].as_str().unwrap()).unwrap();
    let mut token = list[0].clone();
    token.as_object_mut().unwrap().remove("lastAccessedAt");
    token["rawToken"] = RAW.into();
    token.to_string()
}

/// An answer as `extension/tab-fetch.js` hands it back.
fn response(status: u16, content_type: &str, body: &str) -> Value {
    json!({"kind": "response", "status": status, "redirect": false, "truncated": false,
        "headers": {"content-type": content_type, "x-ausername": "jdoe"},
        "body": body, "elapsedMs": 12})
}

#[test]
fn the_plan_is_one_post_from_the_jira_origin_without_a_credential() {
    let p = plan(
        "context-path-mismatch",
        json!({"name": "  ci-sync ", "expirationDays": 30}),
    );
    assert_eq!(p.method, Method::Post);
    assert!(p.url.ends_with("/jira/rest/pat/latest/tokens"), "{}", p.url);
    assert!(
        p.url.starts_with(&format!("{}/", p.origin)),
        "{} {}",
        p.url,
        p.origin
    );
    assert!(!p.origin.ends_with('/') && p.origin.starts_with("http"));
    assert_eq!(
        serde_json::from_str::<Value>(&p.body).unwrap(),
        json!({"name": "ci-sync", "expirationDuration": 30})
    );
    assert_eq!(
        p.headers.get("X-Atlassian-Token").map(String::as_str),
        Some("no-check")
    );
    assert_eq!(
        p.headers.get("Content-Type").map(String::as_str),
        Some("application/json")
    );
    assert!(
        p.headers
            .keys()
            .all(|k| !k.eq_ignore_ascii_case("authorization") && !k.eq_ignore_ascii_case("cookie")),
        "the session is the tab's cookie, never a header: {:?}",
        p.headers
    );
    assert_eq!(p.max_body_bytes, MAX_BODY_BYTES);
    assert!(p.response_headers.iter().any(|h| h == "content-type"));
    assert_eq!(p.response_headers.len(), DIAGNOSTIC_HEADERS.len());
    assert!(p.response_headers.iter().all(|h| h != "set-cookie"));
    // The JS reads these names: camelCase, as protocol.js documents them.
    let v = serde_json::to_value(&p).unwrap();
    for key in [
        "method",
        "url",
        "origin",
        "headers",
        "body",
        "timeoutMs",
        "responseHeaders",
        "maxBodyBytes",
    ] {
        assert!(v.get(key).is_some(), "{key} missing: {v}");
    }
    assert_eq!(v["method"], "POST");
    assert_eq!(v["timeoutMs"], 10_000, "the core's default timeout");
}

#[test]
fn nothing_is_planned_where_one_click_is_not_offered_or_the_input_is_wrong() {
    for (scenario, input) in [
        ("cloud", json!({"name": "x", "expirationDays": 30})),
        ("server-8.5", json!({"name": "x", "expirationDays": 30})),
        ("dc-10.3", json!({"name": "", "expirationDays": 30})),
        ("dc-10.3", json!({"name": "x", "expirationDays": 366})),
    ] {
        let cmd = json!({"type": "plan_pat", "detected": detected(scenario), "input": input});
        let err = Command::from_json(&cmd.to_string())
            .unwrap()
            .into_job()
            .unwrap_err();
        assert!(!err.to_string().is_empty(), "{scenario} {input}");
    }
}

#[test]
fn a_created_token_is_shown_once_and_logged_nowhere() {
    let r = interpret(response(201, "application/json", &created_body()));
    assert!(r.ok);
    assert_eq!(r.outcome.code, Code::PatCreated);
    let t = r.token.as_ref().unwrap();
    assert_eq!(t.raw_token.expose(), RAW);
    assert_eq!(t.id, Some(58));
    assert_eq!(t.name, "test");
    assert_eq!(
        t.expiring_at.as_deref(),
        Some("2026-12-03T22:35:14.728+00:00")
    );
    let out = serde_json::to_string(&r).unwrap();
    assert_eq!(out.matches(RAW).count(), 1, "only token.rawToken holds it");
    assert!(!serde_json::to_string(&r.requests).unwrap().contains(RAW));
    assert!(!format!("{r:?}").contains(RAW));
    let log = &r.requests[0];
    assert_eq!(
        (log.auth.as_str(), log.status, log.ms),
        ("Session", Some(201), 12)
    );
    assert!(log.url.ends_with("/rest/pat/latest/tokens"));
    assert_eq!(
        log.headers.get("x-ausername").map(String::as_str),
        Some("jdoe")
    );
}

#[test]
fn every_answer_the_tab_can_hand_back_is_classified() {
    let pat_error = |status: u16, exception: &str, error: &str| {
        let body = json!({"exception": format!("com.atlassian.pats.rest.exception.{exception}"), "error": error});
        response(status, "application/json", &body.to_string())
    };
    for (answer, want) in [
        (
            response(403, "text/plain", "XSRF check failed"),
            Code::PatXsrfRejected,
        ),
        (
            pat_error(
                403,
                "TokenLimitExceededException",
                "You can have at most 10 personal access tokens.",
            ),
            Code::PatLimitReached,
        ),
        (
            pat_error(
                401,
                "UnauthorizedException",
                "Requesting user is unauthorized to perform this operation",
            ),
            Code::PatNotLoggedIn,
        ),
        // redirect: "manual" in the tab: an opaque redirect to a login page.
        (
            json!({"kind": "response", "status": 0, "redirect": true, "elapsedMs": 3}),
            Code::PatNotLoggedIn,
        ),
        (
            response(404, "text/html", "<html>Not found</html>"),
            Code::PatDisabled,
        ),
        (
            pat_error(
                400,
                "InvalidTokenNameException",
                "Token name must be 1 to 40 characters.",
            ),
            Code::PatRequestInvalid,
        ),
        (response(502, "text/html", "Bad gateway"), Code::ServerError),
        (
            response(201, "application/json", "{\"id\":1}"),
            Code::UnexpectedResponse,
        ),
        (
            json!({"kind": "timeout", "elapsedMs": 10_000}),
            Code::Timeout,
        ),
        (
            json!({"kind": "unreachable", "elapsedMs": 4, "detail": "TypeError: NetworkError when attempting to fetch resource."}),
            Code::Unreachable,
        ),
        (
            json!({"kind": "notSent", "elapsedMs": 0, "detail": "the tab shows https://other.example, not the Jira"}),
            Code::TransportFailed,
        ),
    ] {
        let r = interpret(answer.clone());
        assert_eq!(r.outcome.code, want, "{answer}");
        assert!(!r.ok && r.token.is_none(), "{answer}");
        assert_eq!(r.requests.len(), 1, "{answer}");
    }
    let sent = interpret(
        json!({"kind": "notSent", "elapsedMs": 0, "detail": "the tab shows https://other.example"}),
    );
    assert_eq!(
        sent.requests[0].detail.as_deref(),
        Some("the tab shows https://other.example")
    );
}

#[test]
fn a_malformed_answer_is_refused_without_echoing_it() {
    let cmd = json!({"type": "interpret_pat", "detected": detected("dc-10.3"),
        "input": {"name": "ci-sync"}, "answer": {"kind": "response", "status": "201", "body": RAW}});
    let err = Command::from_json(&cmd.to_string())
        .unwrap_err()
        .to_string();
    assert!(err.contains("answer"), "{err}");
    assert!(!err.contains(RAW), "{err}");
}
