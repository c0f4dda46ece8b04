//! One layout of a report: the Markdown report and the helpdesk page's view (`read_report`)
//! say the same thing — every request outcome in the same words, every fact with the same
//! label — and a pasted Markdown report reads back to the view of its JSON.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::http::{LoggedAuth, Method, Outcome};
use jira_token_wizard::i18n::Lang;
use jira_token_wizard::labels;
use jira_token_wizard::probe::{AuthChoice, CheckInput, ProbeFlow, Secret};
use jira_token_wizard::report::{self, Meta, Report, ReportRequest, Subject, Tool};
use std::collections::BTreeMap;

fn meta(tool: Tool) -> Meta {
    Meta {
        tool,
        version: "0.1.0".into(),
        environment: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0".into(),
        generated_at: "2025-01-31T09:30:00Z".into(),
    }
}

/// A token test's report, its requests replaced by one of every outcome.
fn every_outcome_report() -> Report {
    let scenario = "dc-9.12-cluster";
    let input = CheckInput {
        login: "admin".into(),
        secret: Secret::new("admin-pass"),
        auth: AuthChoice::Basic,
        required_permissions: vec![],
        project: None,
        gateway: None,
        timeout_ms: 10_000,
        target: Default::default(),
        key_material: None,
        now: None,
        calls: Vec::new(),
        expires_on: None,
    };
    let flow = ProbeFlow::new(input, common::detect(scenario).0).unwrap();
    let (result, _) = common::drive(flow, |req| {
        let case = match req.id.as_str() {
            "myself" => "myself-ok",
            "mypermissions" => "mypermissions",
            _ => "project-list",
        };
        common::answer(scenario, case)
    });
    let mut r = report::build(
        Subject::Check {
            result: &result,
            login: "admin",
        },
        &meta(Tool::Extension),
    );
    let origin = r.requests[0].origin.clone();
    r.requests = Outcome::ALL
        .iter()
        .enumerate()
        .map(|(i, o)| ReportRequest {
            id: format!("req{i}"),
            method: Method::Get,
            origin: origin.clone(),
            path: format!("/rest/api/2/{}", o.as_str()),
            auth: LoggedAuth::ALL[i % LoggedAuth::ALL.len()],
            status: match o {
                Outcome::Response => Some(401),
                Outcome::Redirect => Some(0),
                _ => None,
            },
            outcome: *o,
            ms: 10 + i as u64,
            headers: BTreeMap::from([("x-arequestid".to_string(), format!("id-{i}"))]),
            detail: matches!(
                o,
                Outcome::Unreachable | Outcome::NotSent | Outcome::TlsUntrusted
            )
            .then(|| format!("why {i}")),
        })
        .collect();
    r
}

#[test]
fn every_outcome_reads_the_same_in_markdown_and_on_the_helpdesk_page() {
    let r = every_outcome_report();
    for lang in [Lang::En, Lang::Ru] {
        let md = r.to_markdown(lang);
        // The helpdesk page reads the pasted Markdown back to its view.
        let read = report::read(&md).expect("the Markdown reads back");
        let view = &read.views[0];
        assert_eq!(view, &report::ReportView::new(&r));
        assert_eq!(view.requests.len(), Outcome::ALL.len());
        let rows: Vec<&str> = md
            .lines()
            .filter(|l| l.starts_with("| ") && l.contains("/rest/api/2/"))
            .collect();
        assert_eq!(rows.len(), Outcome::ALL.len(), "{md}");
        for ((o, row), line) in Outcome::ALL.iter().zip(&view.requests).zip(&rows) {
            let status = row.status.get(lang);
            // The same words on both, and the outcome's own words.
            assert!(
                line.contains(&format!("| {status} |")),
                "{o:?} {lang:?}: {line} vs {status}"
            );
            if let Some(words) = labels::outcome(*o) {
                let words = match lang {
                    Lang::En => words.en,
                    Lang::Ru => words.ru,
                };
                assert!(status.starts_with(words), "{o:?}: {status}");
            }
            assert!(line.contains(&format!("| {} |", row.auth)), "{line}");
        }
        // Not sent and an untrusted certificate are not "unreachable".
        let unreachable = labels::UNREACHABLE.text();
        for o in [Outcome::NotSent, Outcome::TlsUntrusted] {
            let i = Outcome::ALL.iter().position(|x| *x == o).unwrap();
            assert!(!view.requests[i]
                .status
                .get(lang)
                .starts_with(unreachable.get(lang)));
        }
        for f in &view.facts {
            let row = format!("| {} |", f.label.get(lang));
            assert!(md.contains(&row), "{} missing from the Markdown", f.key);
        }
    }
}

#[test]
fn json_and_markdown_paste_to_the_same_view() {
    let r = every_outcome_report();
    let from_json = report::read(&r.to_json()).unwrap();
    let from_md = report::read(&r.to_markdown(Lang::Ru)).unwrap();
    assert_eq!(from_json, from_md);
    assert!(from_json.compared.is_none());
    // A damaged report names the field, whatever its place in the text.
    let mut damaged: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    damaged["requests"] = "none".into();
    for text in [
        damaged.to_string(),
        serde_json::to_string_pretty(&damaged).unwrap(),
    ] {
        assert_eq!(
            report::read(&text),
            Err(report::ReadError::Damaged("requests".into()))
        );
    }
}

#[test]
fn two_reports_are_laid_side_by_side_browser_first() {
    let browser = every_outcome_report();
    let mut server = browser.clone();
    server.versions.tool = Tool::Cli;
    server.generated_at = "2025-01-31T10:00:00Z".into();
    let pasted = format!(
        "{}\n{}",
        server.to_markdown(Lang::En),
        browser.to_markdown(Lang::En)
    );
    let read = report::read(&pasted).unwrap();
    assert_eq!(read.views.len(), 2);
    let generated = |i: usize| {
        read.views[i]
            .facts
            .iter()
            .find(|f| f.key == "generated")
            .map(|f| f.value.en.clone())
    };
    assert_eq!(
        generated(0).as_deref(),
        Some("2025-01-31T09:30:00Z"),
        "the browser's first"
    );
    assert!(read.compared.is_some());
    let two_browsers = format!("{}\n{}", browser.to_json(), browser.to_json());
    assert_eq!(
        report::read(&two_browsers),
        Err(report::ReadError::NotAPair)
    );
}
