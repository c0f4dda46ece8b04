//! Issue 20 item 1: the wizard vouches only for the origin it tested. A page may claim a base
//! URL on another host; with no answer from REST, nothing was reached, and the summary, the
//! token page, the steps and the one-click PAT name (or go to) only the origin asked.

use crate::common::malformed::{detect_page, detect_url, jira_page, json};
use jira_token_wizard::auth_plan::{self, AuthMethod};
use jira_token_wizard::catalogue::Code;
use jira_token_wizard::http::Exchange;
use jira_token_wizard::targets::Target;

const TESTED: &str = "https://jira.example.com";
const CLAIMED: &str = "https://jira.corp.example/jira";

fn unreachable() -> Exchange {
    Exchange::Unreachable {
        elapsed_ms: 3,
        detail: "connection refused".into(),
    }
}

#[test]
fn with_no_answer_from_rest_only_the_asked_origin_is_named() {
    let mut page = jira_page(&format!("{TESTED}/secure/Dashboard.jspa"));
    page.metas.insert("ajs-base-url".into(), CLAIMED.into());
    let (d, _) = detect_page(page, |_| unreachable());
    assert!(
        d.deployment.reached_base_url.is_none(),
        "nothing was reached"
    );
    let summary = &d.deployment.summary;
    assert!(!summary.en.contains("corp.example"), "{}", summary.en);
    assert!(!summary.ru.contains("corp.example"), "{}", summary.ru);
    assert!(
        summary.en.ends_with(&format!(" at {TESTED}")),
        "{}",
        summary.en
    );
    let plan = d.auth_plan.as_ref().expect("a plan: the page says Jira");
    assert_eq!(plan.method, AuthMethod::Pat);
    let page = plan.token_page_url.as_deref().expect("a token page");
    assert!(page.starts_with(&format!("{TESTED}/")), "{page}");
    for step in plan.steps.iter().chain(&plan.notes) {
        assert!(!step.en.contains("corp.example"), "{}", step.en);
        assert!(!step.ru.contains("corp.example"), "{}", step.ru);
    }
    for p in &d.target_plans {
        let page = p.plan.token_page_url.as_deref().unwrap_or(TESTED);
        assert!(page.starts_with(TESTED), "{page}");
    }
    // The one-click PAT is planned for a reached Jira only: the POST would go to the claim.
    assert!(
        !plan.one_click_pat,
        "no one-click PAT without a REST answer"
    );
    assert!(!auth_plan::one_click_pat_offered(
        &d.deployment,
        Target::Generic
    ));
}

/// serverInfo of a Jira whose configured base URL is `base`.
fn info_with_base(base: &str) -> String {
    format!(
        r#"{{"baseUrl":"{base}","version":"9.12.15","versionNumbers":[9,12,15],"deploymentType":"Server","buildNumber":9120015,"serverTitle":"Jira"}}"#
    )
}

#[test]
fn the_wizard_vouches_only_for_the_address_it_tested() {
    // Another port on the tested host: a reverse proxy's usual shape.
    let same = info_with_base("https://jira.example.com:8443/jira");
    let (d, _) = detect_url("https://jira.example.com/", |_| json(200, &same));
    let codes: Vec<Code> = d.warnings.iter().map(|w| w.code).collect();
    assert!(codes.contains(&Code::BaseUrlMismatch), "{codes:?}");
    assert!(!codes.contains(&Code::BaseUrlOtherHost), "{codes:?}");
    assert_eq!(
        d.deployment.summary.en,
        "Jira Server/Data Center 9.12.15 at https://jira.example.com"
    );
    // Another host: only a claim. The summary names the tested address, the warning is not
    // the reverse-proxy one.
    let other = info_with_base("https://jira.corp.example/jira");
    let (d, _) = detect_url("https://jira.example.com/", |_| json(200, &other));
    let codes: Vec<Code> = d.warnings.iter().map(|w| w.code).collect();
    assert!(codes.contains(&Code::BaseUrlOtherHost), "{codes:?}");
    assert!(!codes.contains(&Code::BaseUrlMismatch), "{codes:?}");
    assert_eq!(
        d.deployment.summary.en,
        "Jira Server/Data Center 9.12.15 at https://jira.example.com"
    );
    assert!(!d.deployment.summary.en.contains("corp.example"));
    let plan = d.auth_plan.expect("a plan");
    let page = plan.token_page_url.expect("a token page");
    assert!(page.starts_with("https://jira.example.com/"), "{page}");
}
