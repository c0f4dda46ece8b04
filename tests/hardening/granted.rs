//! Detection runs once per tab (issue 21): the service worker hands it every host permission
//! the browser lists (`DetectOptions.granted_patterns`), and the core decides whether one grants
//! the site a custom domain's serverInfo names (`urls::granted`) — so the site is asked in the
//! same run, not in a second detection after the worker looked it up.

use super::{common, custom_domain_page, only_at};
use jira_token_wizard::catalogue::Code;
use jira_token_wizard::detect::{DetectFlow, DetectOptions};
use jira_token_wizard::http::HttpRequest;

fn detect_with(patterns: &[&str]) -> (jira_token_wizard::detect::Detection, Vec<String>) {
    let opts = DetectOptions {
        granted_patterns: Some(patterns.iter().map(|p| p.to_string()).collect()),
        ..DetectOptions::default()
    };
    let page = custom_domain_page("https://jira.acme.example/jira/your-work");
    let mut asked = Vec::new();
    let (d, _) = common::drive(
        DetectFlow::for_page(page, opts).unwrap(),
        |r: &HttpRequest| {
            asked.push(r.url.clone());
            let mut answer = only_at("https://jira.acme.example");
            if r.url.starts_with("https://jira.acme.example/") {
                answer(r)
            } else {
                only_at("https://acme.atlassian.net")(r)
            }
        },
    );
    (d, asked)
}

#[test]
fn a_granted_site_is_asked_in_the_same_detection() {
    for pattern in [
        "https://*.atlassian.net/*",
        "https://acme.atlassian.net/*",
        "*://acme.atlassian.net/*",
        "<all_urls>",
    ] {
        let (d, asked) = detect_with(&["http://127.0.0.1/*", pattern]);
        assert_eq!(
            d.deployment.reached_base_url.as_deref(),
            Some("https://acme.atlassian.net"),
            "{pattern}: {asked:?}"
        );
        assert!(
            !d.warnings
                .iter()
                .any(|w| w.code == Code::HostPermissionNeeded),
            "{pattern}: {:?}",
            d.warnings
        );
        // The custom domain's serverInfo was asked once: no second run.
        let at_domain = asked
            .iter()
            .filter(|u| u.starts_with("https://jira.acme.example/") && u.ends_with("/serverInfo"))
            .count();
        assert_eq!(at_domain, 1, "{pattern}: {asked:?}");
    }
}

#[test]
fn a_pattern_for_another_host_grants_nothing() {
    for pattern in [
        "https://other.atlassian.net/*",
        "http://acme.atlassian.net/*",
        "https://acme.atlassian.net/rest/*",
        "https://acme.atlassian.net.evil/*",
    ] {
        let (d, asked) = detect_with(&[pattern]);
        assert!(
            asked
                .iter()
                .all(|u| u.starts_with("https://jira.acme.example/")),
            "{pattern}: {asked:?}"
        );
        assert_eq!(d.deployment.reached_base_url, None, "{pattern}");
        assert!(
            d.warnings
                .iter()
                .any(|w| w.code == Code::HostPermissionNeeded),
            "{pattern}: {:?}",
            d.warnings
        );
    }
}
