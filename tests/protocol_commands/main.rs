//! The wasm commands as the service worker sends them (`extension/protocol.js` shapes), read
//! by `protocol::Command::read` (here over JSON text) and turned into jobs — natively, so every
//! shape and every refusal is tested without a browser (tests/wasm_boundary.rs covers only
//! what the boundary adds). The protocol is validated here, once: the extension's JS does not
//! re-check what the core checks.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../common/mod.rs"]
mod common;

use jira_token_wizard::probe::{CheckResult, ProbeFlow};
use jira_token_wizard::protocol::{Check, Command, Job};
use jira_token_wizard::report::{self, Meta, Rendered, ReportHead, Subject};
use serde_json::{json, Value};

fn read(v: Value) -> Result<Command, String> {
    Command::from_json(&v.to_string()).map_err(|e| e.to_string())
}

/// What the worker keeps of the detection (`protocol::Detected`), never the `Detection`.
fn detected() -> Value {
    common::detected("dc-9.12-cluster")
}

fn meta() -> Value {
    json!({"tool": "extension", "version": "0.1.0", "generatedAt": "2026-01-01T00:00:00Z"})
}

/// A check's result, as the popup holds it and hands back for a report.
fn check_result() -> CheckResult {
    let cmd = read(json!({
        "type": "check", "detected": detected(), "meta": meta(),
        "input": {"login": "admin", "secret": "pw-123456", "auth": "basic"},
    }))
    .unwrap();
    let Command::Check(Check {
        detected, input, ..
    }) = cmd
    else {
        panic!("not a check")
    };
    let flow = ProbeFlow::new(input, detected.detection().unwrap()).unwrap();
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
        Ok(Command::DetectPage(_))
    ));
    let cmd = read(
        json!({"type": "detect_url", "url": "https://jira.example.com",
        "options": {"fetchPage": true}}),
    )
    .unwrap();
    // A typed URL never asks for the page: into_job turns fetch_page off.
    assert!(matches!(cmd.into_job(), Ok(Job::Detect(_))));
    let cmd = read(
        json!({"type": "check", "detected": detected(), "meta": meta(),
        "input": {"login": "admin", "secret": "pw-123456", "auth": "basic"}}),
    )
    .unwrap();
    assert!(matches!(cmd, Command::Check(_)));
    let cmd = read(json!({"type": "plan_pat", "detected": detected(),
        "input": {"name": "ELMA365", "expirationDays": 90}}))
    .unwrap();
    assert!(matches!(cmd, Command::PlanPat(_)));
    let cmd = read(json!({"type": "interpret_pat", "detected": detected(),
        "input": {"name": "ELMA365", "expirationDays": 90},
        "answer": {"kind": "timeout", "elapsedMs": 5}}))
    .unwrap();
    assert!(matches!(cmd, Command::InterpretPat(_)));
    // The one-shot command that did the IO itself is gone (the tab sends the POST now).
    assert!(read(json!({"type": "create_pat", "detected": detected(),
        "input": {"name": "ELMA365"}}))
    .is_err());
}

#[test]
fn the_tag_may_come_anywhere_and_unknown_keys_are_skipped() {
    let text =
        r#"{"extra": [1, {"a": null}], "url": "https://jira.example.com", "type": "detect_url"}"#;
    assert!(matches!(
        Command::from_json(text),
        Ok(Command::DetectUrl(_))
    ));
}

#[test]
fn malformed_commands_are_named() {
    let err = read(json!({"type": "make_coffee"})).unwrap_err();
    // What was expected is named; what came is not echoed (values may be secrets elsewhere).
    assert!(
        err.contains("unknown variant") && err.contains("`detect_page`"),
        "{err}"
    );
    assert!(!err.contains("make_coffee"), "{err}");
    let err = read(json!({"url": "https://jira.example.com"})).unwrap_err();
    assert!(err.contains("missing field `type`"), "{err}");
    let err = read(json!({"type": "detect_page"})).unwrap_err();
    assert!(err.contains("snapshot"), "{err}");
    let err = read(json!({"type": "check", "detected": detected()})).unwrap_err();
    assert!(err.contains("input"), "{err}");
    assert!(Command::from_json("{\"type\": \"check\"").is_err());
    assert!(Command::from_json("").is_err());
    assert!(Command::from_json("[]").is_err());
}

#[test]
fn a_check_answers_its_report_with_the_callers_meta() {
    let cmd = read(
        json!({"type": "check", "detected": detected(), "meta": meta(),
        "input": {"login": "admin", "secret": "pw-123456", "auth": "basic"}}),
    )
    .unwrap();
    let Ok(Job::Check(job)) = cmd.into_job() else {
        panic!("not a check")
    };
    let (out, _) = common::drive(*job, |_| jira_token_wizard::http::Exchange::Timeout {
        elapsed_ms: 1,
    });
    let rendered = out.report;
    assert!(
        rendered.json.contains("\"kind\": \"check\""),
        "{}",
        rendered.json
    );
    assert!(rendered.json.contains("admin"), "{}", rendered.json);
    assert!(
        rendered.json.contains("2026-01-01T00:00:00Z"),
        "{}",
        rendered.json
    );
    assert!(
        rendered.markdown.en.contains("9.12"),
        "{}",
        rendered.markdown.en
    );
    assert!(!rendered.json.contains("pw-123456"), "{}", rendered.json);
    assert_eq!(out.result.verdict.code.as_str(), "timeout");
}

#[test]
fn a_check_without_the_reports_meta_is_refused() {
    let err = read(json!({"type": "check", "detected": detected(),
        "input": {"login": "admin", "secret": "pw-123456", "auth": "basic"}}))
    .unwrap_err();
    assert!(err.contains("meta"), "{err}");
    // The commands that carried the core's own output back to it are gone.
    for kind in ["report", "compare_reports"] {
        assert!(read(json!({"type": kind})).is_err(), "{kind}");
    }
}

/// A check command with `input` changed by `edit`, read and turned into a job: the error.
fn check_error(edit: impl FnOnce(&mut Value)) -> String {
    let mut input = json!({"login": "admin", "secret": "pw-123456", "auth": "basic"});
    edit(&mut input);
    match read(json!({"type": "check", "detected": detected(), "meta": meta(), "input": input})) {
        Err(e) => e,
        Ok(cmd) => match cmd.into_job() {
            Err(e) => e.to_string(),
            Ok(_) => String::new(),
        },
    }
}

#[test]
fn a_check_input_is_validated_once_here() {
    for (edit, want) in [
        (json!({"secret": "   \n"}), "the secret is empty"),
        (json!({"secret": "x".repeat(4097)}), "longer than 4096"),
        (
            json!({"login": "a".repeat(513)}),
            "login is longer than 512",
        ),
        (json!({"project": "NOT-A-KEY"}), "not a Jira project key"),
        (json!({"timeoutMs": 50}), "timeout must be 100 to 600000 ms"),
        (json!({"timeoutMs": 600_001}), "timeout must be"),
        // A valid date-time, but longer than the 64 characters taken.
        (
            json!({"now": format!("2026-12-07T10:15:30.{}Z", "0".repeat(44))}),
            "\"now\" must be an RFC 3339 date-time",
        ),
        (json!({"keyMaterial": [1, 2, 3]}), "32 to 1024 bytes"),
        (json!({"keyMaterial": vec![0; 1025]}), "32 to 1024 bytes"),
        (
            json!({"target": "issue-sync"}),
            "needs at least 32 random bytes",
        ),
        (json!({"requiredPermissions": vec!["X"; 65]}), "at most 64"),
        (json!({"requiredPermissions": [""]}), "at most 64"),
        (
            json!({"requiredPermissions": ["K".repeat(129)]}),
            "up to 128 characters",
        ),
        (json!({"auth": "kerberos"}), "input.auth: unknown variant"),
        (
            json!({"keyMaterial": [1, 256]}),
            "input.keyMaterial[1]: invalid value",
        ),
    ] {
        let err = check_error(|input| {
            for (k, v) in edit.as_object().unwrap() {
                input[k] = v.clone();
            }
        });
        assert!(err.contains(want), "{edit}: {err}");
    }
    // What people type is tidied, not refused: a blank project means any project. Each limit
    // is the longest taken, not the first refused (a 4096-character secret, a 512-character
    // login, 64 extra permission keys, a key of 128 characters; Cyrillic counts as characters).
    for edit in [
        json!({"project": "  "}),
        json!({"project": " PROJ "}),
        json!({"login": " admin "}),
        json!({"secret": "я".repeat(4096)}),
        json!({"login": "л".repeat(512)}),
        json!({"requiredPermissions": vec!["X"; 64]}),
        json!({"requiredPermissions": ["K".repeat(128)]}),
        json!({"now": format!("2026-12-07T10:15:30.{}Z", "0".repeat(43))}),
    ] {
        let err = check_error(|input| {
            for (k, v) in edit.as_object().unwrap() {
                input[k] = v.clone();
            }
        });
        assert_eq!(err, "", "{edit}");
    }
}

#[test]
fn a_secret_in_the_wrong_place_is_never_quoted() {
    let secret = "Пароль-hunter2";
    for (k, v) in [
        ("keyMaterial", json!(secret)),
        ("timeoutMs", json!(secret)),
        ("auth", json!(secret)),
        ("target", json!(secret)),
        ("requiredPermissions", json!(secret)),
        ("secret", json!([secret])),
        ("secret", json!({secret: secret})),
    ] {
        let err = check_error(|input| input[k] = v.clone());
        assert!(err.starts_with("malformed command: input"), "{k}: {err}");
        assert!(!err.contains("hunter2"), "{k}: {err}");
    }
}

#[test]
fn a_check_job_answers_the_result_and_its_checklist() {
    let cmd = read(
        json!({"type": "check", "detected": detected(), "meta": meta(),
        "input": {"login": "admin", "secret": "pw-123456", "auth": "basic"}}),
    )
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

/// A check report as the given tool writes it, with the given verdict code.
mod remembered;
mod reports;
