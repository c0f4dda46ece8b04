//! The wasm commands as the service worker sends them (`extension/protocol.js` shapes, JSON
//! text), read by `protocol::Command::from_json` and turned into jobs — natively, so every
//! shape and every refusal is tested without a browser (tests/wasm_boundary.rs covers only
//! what the boundary adds).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use jira_token_wizard::probe::{CheckResult, ProbeFlow};
use jira_token_wizard::protocol::{Command, CommandError, Job};
use serde_json::{json, Value};

fn read(v: Value) -> Result<Command, String> {
    Command::from_json(&v.to_string()).map_err(|e| e.to_string())
}

fn detection() -> Value {
    serde_json::to_value(common::detect("dc-9.12-cluster").0).unwrap()
}

fn meta() -> Value {
    json!({"tool": "extension", "version": "0.1.0", "generatedAt": "2026-01-01T00:00:00Z"})
}

/// A check's result, as the popup holds it and hands back for a report.
fn check_result() -> CheckResult {
    let cmd = read(json!({
        "type": "check", "detection": detection(),
        "input": {"login": "admin", "secret": "pw-123456", "auth": "basic"},
    }))
    .unwrap();
    let Command::Check { detection, input } = cmd else {
        panic!("not a check")
    };
    let flow = ProbeFlow::new(input, *detection).unwrap();
    common::drive(flow, |_| jira_token_wizard::http::Exchange::Timeout {
        elapsed_ms: 1,
    })
    .0
}

#[test]
fn every_command_shape_is_read() {
    let page = json!({"url": "https://jira.example.com/secure/Dashboard.jspa"});
    assert!(matches!(
        read(json!({"type": "detect_page", "snapshot": page})),
        Ok(Command::DetectPage { .. })
    ));
    let cmd = read(
        json!({"type": "detect_url", "url": "https://jira.example.com",
        "options": {"fetchPage": true}}),
    )
    .unwrap();
    // A typed URL never asks for the page: into_job turns fetch_page off.
    assert!(matches!(cmd.into_job(), Ok(Job::Detect(_))));
    let cmd = read(json!({"type": "check", "detection": detection(),
        "input": {"login": "admin", "secret": "pw-123456", "auth": "basic"}}))
    .unwrap();
    assert!(matches!(cmd, Command::Check { .. }));
    let cmd = read(json!({"type": "create_pat", "detection": detection(),
        "input": {"name": "ELMA365", "expirationDays": 90}}))
    .unwrap();
    assert!(matches!(cmd, Command::CreatePat { .. }));
}

#[test]
fn the_tag_may_come_anywhere_and_unknown_keys_are_skipped() {
    let text =
        r#"{"extra": [1, {"a": null}], "url": "https://jira.example.com", "type": "detect_url"}"#;
    assert!(matches!(
        Command::from_json(text),
        Ok(Command::DetectUrl { .. })
    ));
}

#[test]
fn malformed_commands_are_named() {
    let err = read(json!({"type": "make_coffee"})).unwrap_err();
    assert!(err.contains("make_coffee"), "{err}");
    let err = read(json!({"url": "https://jira.example.com"})).unwrap_err();
    assert!(err.contains("missing field `type`"), "{err}");
    let err = read(json!({"type": "detect_page"})).unwrap_err();
    assert!(err.contains("snapshot"), "{err}");
    let err = read(json!({"type": "check", "detection": detection()})).unwrap_err();
    assert!(err.contains("input"), "{err}");
    assert!(Command::from_json("{\"type\": \"check\"").is_err());
    assert!(Command::from_json("").is_err());
    assert!(Command::from_json("[]").is_err());
}

#[test]
fn a_report_of_a_detection_and_of_a_check_is_built() {
    let cmd = read(json!({"type": "report", "meta": meta(),
        "subject": {"kind": "detection", "detection": detection()}}))
    .unwrap();
    let Ok(Job::Report(rendered)) = cmd.into_job() else {
        panic!("not a report")
    };
    assert!(
        rendered.markdown.en.contains("9.12"),
        "{}",
        rendered.markdown.en
    );

    let result = serde_json::to_value(check_result()).unwrap();
    let cmd = read(json!({"type": "report", "meta": meta(),
        "subject": {"kind": "check", "result": result, "login": "admin"}}))
    .unwrap();
    let Ok(Job::Report(rendered)) = cmd.into_job() else {
        panic!("not a report")
    };
    assert!(
        rendered.json.contains("\"kind\": \"check\""),
        "{}",
        rendered.json
    );
    assert!(rendered.json.contains("admin"), "{}", rendered.json);
}

#[test]
fn a_report_subject_without_what_its_kind_names_is_refused() {
    for (subject, want) in [
        (
            json!({"kind": "check", "login": "admin"}),
            "\"check\" needs its \"result\"",
        ),
        (
            json!({"kind": "detection", "result": serde_json::to_value(check_result()).unwrap()}),
            "\"detection\" needs its \"detection\"",
        ),
    ] {
        let cmd = read(json!({"type": "report", "meta": meta(), "subject": subject})).unwrap();
        match cmd.into_job() {
            Err(e @ CommandError::IncompleteSubject(..)) => {
                assert!(e.to_string().contains(want), "{e}")
            }
            other => panic!("expected IncompleteSubject, got {other:?}"),
        }
    }
    let err = read(json!({"type": "report", "meta": meta(), "subject": {"kind": "weather"}}))
        .unwrap_err();
    // The field is named; the value is not echoed (values may be secrets elsewhere).
    assert!(
        err.contains("unknown variant") && err.contains("`subject.kind`"),
        "{err}"
    );
    assert!(!err.contains("weather"), "{err}");
}

#[test]
fn a_check_job_answers_the_result_and_its_checklist() {
    let cmd = read(json!({"type": "check", "detection": detection(),
        "input": {"login": "admin", "secret": "pw-123456", "auth": "basic"}}))
    .unwrap();
    let Ok(Job::Check(job)) = cmd.into_job() else {
        panic!("not a check")
    };
    let (out, _) = common::drive(*job, |_| jira_token_wizard::http::Exchange::Timeout {
        elapsed_ms: 1,
    });
    assert_eq!(out.result.verdict.code.as_str(), "timeout");
    assert!(!out.checklist.is_empty());
}
