//! No output of the core travels back into it (issue 21): the service worker keeps what a
//! detection was made from — its command and the answers its requests got (`DetectOutput`) —
//! and `check`, `plan_pat` and `interpret_pat` hand that back (`protocol::Detected`); the core
//! makes the detection again with no request (`flow::replay`). Made again, it is the same
//! detection; answers that are not its own are refused by name.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use jira_token_wizard::protocol::{Command, CommandError, Detected, Job};
use serde_json::{json, Value};

fn detected(v: &Value) -> Result<Detected, String> {
    serde_json::from_value::<Detected>(v.clone()).map_err(|e| e.to_string())
}

#[test]
fn the_detection_made_again_is_the_one_the_worker_was_given() {
    for scenario in [
        "dc-9.12-cluster",
        "cloud",
        "custom-domain",
        "server-7.13",
        "confluence",
        "not-atlassian",
    ] {
        let kept = common::detected(scenario);
        let again = detected(&kept).unwrap().detection().unwrap();
        assert_eq!(again, common::detect(scenario).0, "{scenario}");
        // What the worker keeps is raw input: the snapshot and the answers, no detection.
        assert!(kept.get("detection").is_none() && kept["detect"]["type"] == "detect_page");
    }
}

#[test]
fn answers_that_are_not_the_detections_are_refused_by_name() {
    let kept = common::detected("dc-9.12-cluster");
    let rounds = kept["answers"].as_array().unwrap().len();
    assert!(rounds >= 1, "{kept}");
    let mut none = kept.clone();
    none["answers"] = json!([]);
    let mut extra = kept.clone();
    extra["answers"].as_array_mut().unwrap().push(json!([]));
    let mut renamed = kept.clone();
    renamed["answers"][0][0]["id"] = json!("not_a_request");
    let mut other_page = kept.clone();
    other_page["detect"]["snapshot"]["url"] = json!("https://elsewhere.example/");
    other_page["detect"]["snapshot"]["metas"] = json!({});
    other_page["detect"]["snapshot"]["title"] = json!("Welcome");
    for (what, bad) in [
        ("none", none),
        ("extra", extra),
        ("renamed", renamed),
        ("other page", other_page),
    ] {
        let err = detected(&bad).unwrap().detection().unwrap_err();
        assert!(matches!(err, CommandError::Replay(_)), "{what}: {err:?}");
        if what == "extra" {
            // The round named is the one past the detection's own.
            assert!(
                matches!(err, CommandError::Replay(ref e) if e.round == rounds),
                "{what}: {err:?}"
            );
        }
        // Through the command the worker sends, with a secret beside it: named, not echoed.
        let cmd = json!({"type": "check", "detected": bad, "meta": {"tool": "extension",
            "version": "0", "environment": "", "generatedAt": "2026-01-01T00:00:00Z"},
            "input": {"login": "admin", "secret": "pw-SECRET-123", "auth": "basic"}});
        let err = Command::from_json(&cmd.to_string())
            .unwrap()
            .into_job()
            .unwrap_err()
            .to_string();
        assert!(err.contains("not this flow's"), "{what}: {err}");
        assert!(!err.contains("SECRET"), "{what}: {err}");
    }
}

#[test]
fn the_detect_commands_answer_the_detection_and_its_answers() {
    let page = serde_json::to_value(common::page("dc-9.12-cluster")).unwrap();
    let cmd = json!({"type": "detect_page", "snapshot": page, "options": {"pageOnly": true}});
    let Ok(Job::Detect(job)) = Command::from_json(&cmd.to_string()).unwrap().into_job() else {
        panic!("not a detection")
    };
    let (out, rounds) = common::drive(*job, |r| panic!("a page-only detection asked {}", r.url));
    assert_eq!(rounds, 0);
    assert!(out.detection.provisional && out.answers.is_empty());
    let v = serde_json::to_value(&out).unwrap();
    let mut keys: Vec<_> = v.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["answers", "detection"]);
}
