//! Russian wording: a version comparison that reads the right way round ("старше 8.14" reads
//! as "newer than 8.14" to a Russian reader of version numbers), and Jira's permission names
//! in Russian inside Russian sentences, each with its key in brackets.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::catalogue::Code;
use jira_token_wizard::probe::{AuthChoice, CheckInput, CheckResult, ProbeFlow, Secret};
use jira_token_wizard::report::check_checklist;

/// "старше", "младше", "моложе" before a version (a number or a `{version}` placeholder).
fn compares_versions_by_age(ru: &str) -> bool {
    let words: Vec<&str> = ru.split_whitespace().collect();
    words.windows(2).any(|w| {
        let age = ["старше", "младше", "моложе"].iter().any(|a| {
            w[0].to_lowercase()
                .trim_matches(|c: char| !c.is_alphabetic())
                == *a
        });
        let version = w[1].starts_with(|c: char| c.is_ascii_digit()) || w[1].starts_with('{');
        age && version
    })
}

#[test]
fn the_detector_finds_the_phrase_it_forbids() {
    assert!(compares_versions_by_age("Jira 7.13 старше 8.14, где"));
    assert!(compares_versions_by_age("Jira {version} Старше {min}"));
    assert!(!compares_versions_by_age("Jira 7.13 — версия до 8.14"));
    assert!(!compares_versions_by_age("в Jira 8.14 и новее"));
}

#[test]
fn no_russian_catalogue_text_calls_an_older_version_older() {
    let vars = [("version", "7.13.18"), ("min", "8.14")];
    for code in Code::ALL {
        for filled in [code.notice(&[]), code.notice(&vars)] {
            for t in [&filled.title, &filled.cause, &filled.fix] {
                assert!(!compares_versions_by_age(&t.ru), "{code:?}: {}", t.ru);
            }
        }
    }
}

fn missing_permissions_result() -> CheckResult {
    let input = CheckInput {
        login: "admin".into(),
        secret: Secret::new("admin-pass"),
        auth: AuthChoice::Basic,
        required_permissions: vec!["BROWSE_PROJECTS".into(), "CREATE_ISSUES".into()],
        project: Some("PROJ".into()),
        gateway: None,
        timeout_ms: 10_000,
        target: Default::default(),
        key_material: None,
        now: None,
        calls: Vec::new(),
        expires_on: None,
    };
    let scenario = "missing-permissions";
    let flow = ProbeFlow::new(input, common::detect(scenario).0).expect("valid input");
    common::drive(flow, |req| {
        // myself-ok is admin's answer; the permissions are svc-sync's (read-only in PROJ).
        let case = match req.id.as_str() {
            "myself" => "myself-ok",
            "mypermissions" => "mypermissions-svc-sync-proj",
            "projects" => "project-list",
            other => panic!("unexpected request {other}"),
        };
        common::answer(scenario, case)
    })
    .0
}

#[test]
fn missing_permissions_are_named_in_russian_with_the_key_in_brackets() {
    let r = missing_permissions_result();
    assert_eq!(r.verdict.code, Code::MissingPermissions);
    let line = check_checklist(&r)
        .into_iter()
        .find(|i| i.id == "permissions")
        .expect("a permissions line");
    for ru in [&r.verdict.cause.ru, &line.text.ru] {
        assert!(ru.contains("Создание задач (CREATE_ISSUES)"), "{ru}");
        assert!(
            !ru.contains("Create Issues"),
            "an English name in Russian: {ru}"
        );
    }
    for en in [&r.verdict.cause.en, &line.text.en] {
        assert!(en.contains("Create Issues (CREATE_ISSUES)"), "{en}");
    }
}
