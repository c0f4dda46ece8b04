//! Remembered connections, their reminders and a check's remembered expiry.

use super::*;

fn remember_answer(v: Value) -> Value {
    let Ok(Job::Remember(answer)) = read(v).unwrap().into_job() else {
        panic!("not a remember job");
    };
    serde_json::to_value(&*answer).unwrap()
}

fn remember_error(v: Value) -> String {
    match read(v) {
        Ok(cmd) => match cmd.into_job() {
            Err(e) => e.to_string(),
            Ok(_) => panic!("not refused"),
        },
        Err(e) => e,
    }
}

#[test]
fn a_connection_to_remember_is_validated_and_holds_no_secret() {
    let c = json!({"origin": "https://Jira.Example.com/secure/Dashboard.jspa", "login": " svc ",
        "target": "elma365", "label": "ELMA365 production", "expiresOn": "2026-05-12"});
    let v = remember_answer(json!({"type": "remember_connection", "connection": c}));
    assert_eq!(
        v,
        json!({"origin": "https://jira.example.com", "login": "svc", "target": "elma365",
            "label": "ELMA365 production", "expiresOn": "2026-05-12"})
    );
    let e = remember_error(json!({"type": "remember_connection",
        "connection": {"origin": "https://jira.example.com", "secret": "hunter2"}}));
    assert!(e.contains("connection") && e.contains("secret"), "{e}");
    assert!(!e.contains("hunter2"), "{e}");
    let e = remember_error(json!({"type": "remember_connection",
        "connection": {"origin": "https://jira.example.com", "expiresOn": "12.05.2026"}}));
    assert_eq!(
        e,
        "malformed command: connection.expiresOn: not a date such as 2026-05-12"
    );
}

#[test]
fn the_list_says_days_left_in_both_languages() {
    let v = remember_answer(
        json!({"type": "remembered_list", "now": "2026-04-13T10:00:00Z",
        "connections": [
            {"origin": "https://jira.example.com", "login": "svc", "expiresOn": "2026-05-12"},
            {"origin": "https://acme.atlassian.net", "login": "a@example.com"},
        ]}),
    );
    assert_eq!(v[0]["daysLeft"], 29);
    assert_eq!(v[0]["expiry"]["en"], "expires on 2026-05-12 (in 29 days)");
    assert_eq!(v[0]["expiry"]["ru"], "истекает 2026-05-12 (через 29 дней)");
    assert_eq!(v[1]["daysLeft"], Value::Null);
    let e = remember_error(
        json!({"type": "remembered_list", "now": "2026-04-13T10:00:00Z",
        "connections": [{"origin": "https://a.example"}, {"origin": "ftp://b.example"}]}),
    );
    assert_eq!(
        e,
        "malformed command: connections[1].origin: not an http(s) address"
    );
    let e =
        remember_error(json!({"type": "remembered_list", "now": "yesterday", "connections": []}));
    assert_eq!(e, "malformed command: now: not an RFC 3339 date-time");
}

#[test]
fn reminders_answer_what_is_due_and_the_next_alarm() {
    let connections = json!([{"origin": "https://jira.example.com", "login": "svc",
        "target": "elma365", "label": "ELMA365 production", "expiresOn": "2026-05-12"}]);
    let v = remember_answer(json!({"type": "reminders", "connections": connections,
        "now": "2026-04-28T00:00:30Z", "since": "2026-04-27T00:00:00Z"}));
    assert_eq!(v["due"].as_array().unwrap().len(), 1);
    assert_eq!(v["due"][0]["daysBefore"], 14);
    assert_eq!(v["due"][0]["target"], "elma365");
    assert_eq!(v["nextAlarm"], "2026-05-09T00:00:00Z");
    let off = remember_answer(json!({"type": "reminders", "connections": connections,
        "now": "2026-04-28T00:00:30Z", "settings": {"enabled": false}}));
    assert_eq!(off, json!({"due": [], "nextAlarm": null}));
    let custom = remember_answer(json!({"type": "reminders", "connections": connections,
        "now": "2026-04-01T00:00:00Z", "settings": {"daysBefore": [30, 7]}}));
    assert_eq!(custom["nextAlarm"], "2026-04-12T00:00:00Z");
    let e = remember_error(
        json!({"type": "reminders", "connections": [], "now": "2026-04-01T00:00:00Z",
        "settings": {"daysBefore": [400]}}),
    );
    assert!(e.contains("settings.daysBefore"), "{e}");
}

#[test]
fn a_check_takes_the_remembered_expiry_and_the_endpoints_the_integration_calls() {
    let e = check_error(|v| v["expiresOn"] = json!("soon"));
    assert!(e.contains("expiry date"), "{e}");
    let e = check_error(|v| v["calls"] = json!(["drop-table"]));
    assert!(e.contains("not an endpoint the test knows"), "{e}");
}
