//! Issue 11: where a credential may go and what any secret comes to. Each test names the
//! threat of SECURITY.md §7 it backs. This file: where a credential may go; `secrets.rs`: what
//! any secret comes to.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../common/mod.rs"]
mod common;
mod echoes;
mod granted;
mod hidden_server_info;
mod secrets;
mod tenant;
mod vouches;

use common::malformed::{check, detect_page, detect_url, html, json, other};
use jira_token_wizard::catalogue::Code;
use jira_token_wizard::detect::{DetectFlow, DetectOptions, Detection};
use jira_token_wizard::http::{CertificateNames, Exchange, HttpRequest};
use jira_token_wizard::page::PageSnapshot;
use jira_token_wizard::probe::{AuthChoice, CheckInput, CheckResult, ProbeFlow};

const CLOUD_INFO: &str = r#"{"baseUrl":"https://acme.atlassian.net","version":"1001.0.0-SNAPSHOT","versionNumbers":[1001,0,0],"deploymentType":"Cloud","buildNumber":100289,"serverTitle":"Jira"}"#;

/// A page on `url` that says it is Jira Cloud at `base`.
fn cloud_page(url: &str, base: &str) -> PageSnapshot {
    let mut page = PageSnapshot {
        url: url.into(),
        title: "Dashboards - Jira".into(),
        ..PageSnapshot::default()
    };
    page.metas.insert(
        "ajs-cloud-id".into(),
        "c2a1b1e5-63a8-4c0d-9fd2-1d0d0ffb3b11".into(),
    );
    page.metas.insert("ajs-base-url".into(), base.into());
    page
}

/// Jira answers only on `jira_origin`; everything else is a 404 page.
fn only_at(jira_origin: &'static str) -> impl FnMut(&HttpRequest) -> Exchange {
    move |r| match r.id.as_str() {
        _ if !r.url.starts_with(jira_origin) => html(404, "<html>not found</html>"),
        "server_info" => json(200, CLOUD_INFO),
        "tenant_info" => json(200, r#"{"cloudId":"c2a1b1e5-63a8-4c0d-9fd2-1d0d0ffb3b11"}"#),
        "myself" => json(
            200,
            r#"{"accountId":"5b10a2844c20165700ede21g","emailAddress":"ann@example.com","displayName":"Ann","active":true}"#,
        ),
        _ => other(),
    }
}

fn authorized_origins(sent: &[HttpRequest]) -> Vec<String> {
    sent.iter()
        .filter(|r| r.has_credentials())
        .map(|r| r.url.split('/').take(3).collect::<Vec<_>>().join("/"))
        .collect()
}

#[test]
fn a_page_that_only_claims_cloud_gets_no_credential() {
    // §7.1: the page names no Atlassian site; its own serverInfo answers 404.
    let (d, _) = detect_page(
        cloud_page("https://jira.evil.example/", "https://jira.evil.example"),
        only_at("https://nowhere.example"),
    );
    assert_eq!(d.deployment.reached_base_url, None, "{d:?}");
    assert!(!d.deployment.may_be_jira());
    let c = check(
        d,
        "ann@example.com",
        AuthChoice::Auto,
        only_at("https://jira.evil.example"),
    );
    assert!(c.sent.is_empty(), "sent: {:?}", c.sent);
    assert_eq!(c.result.verdict.code, Code::NotJira);
}

#[test]
fn a_cloud_page_elsewhere_is_tested_at_the_atlassian_site_it_names() {
    // §7.1: a page on its own host says it is acme.atlassian.net and answers /myself with 200.
    let page = cloud_page(
        "https://jira.evil.example/secure/Dashboard.jspa",
        "https://acme.atlassian.net",
    );
    let (d, _) = detect_page(page, only_at("https://acme.atlassian.net"));
    assert_eq!(
        d.deployment.reached_base_url.as_deref(),
        Some("https://acme.atlassian.net")
    );
    assert_eq!(d.rest_origin.as_deref(), Some("https://acme.atlassian.net"));
    assert!(
        d.deployment
            .summary
            .en
            .contains("https://acme.atlassian.net"),
        "{}",
        d.deployment.summary.en
    );
    assert!(
        d.warnings
            .iter()
            .any(|w| w.code == Code::CloudSiteElsewhere),
        "{:?}",
        d.warnings
    );
    assert!(d
        .requests
        .iter()
        .all(|r| !r.url.starts_with("https://jira.evil.example")));
    let c = check(
        d,
        "ann@example.com",
        AuthChoice::Auto,
        only_at("https://acme.atlassian.net"),
    );
    assert_eq!(
        c.result.verdict.code,
        Code::Ok,
        "{}",
        c.result.verdict.cause.en
    );
    let to = authorized_origins(&c.sent);
    assert!(
        !to.is_empty() && to.iter().all(|o| o == "https://acme.atlassian.net"),
        "{to:?}"
    );
}

#[test]
fn serverinfo_saying_cloud_off_atlassian_gets_no_credential() {
    // §7.1: a server elsewhere that answers serverInfo with deploymentType Cloud, naming an
    // Atlassian site that is asked next and does not answer as Jira.
    let (d, rounds) = detect_page(
        cloud_page("https://jira.evil.example/", "https://jira.evil.example"),
        |r| match r.id.as_str() {
            "server_info" if r.url.starts_with("https://jira.evil.example/") => {
                json(200, CLOUD_INFO)
            }
            _ => html(404, "x"),
        },
    );
    assert!(d.deployment.is_cloud());
    assert_eq!(d.deployment.reached_base_url, None);
    assert!(rounds <= 2, "{rounds}");
    // The summary names the host that was asked; serverInfo's site is named as its word.
    assert_eq!(
        d.deployment.base_url.as_deref(),
        Some("https://jira.evil.example")
    );
    let custom = d
        .warnings
        .iter()
        .find(|w| w.code == Code::CustomDomain)
        .expect("custom_domain: serverInfo's site, the address integrations need");
    assert!(
        custom.fix.en.contains("https://acme.atlassian.net"),
        "{custom:?}"
    );
    let w = d
        .warnings
        .iter()
        .find(|w| w.code == Code::ServerInfoUnavailable)
        .expect("the site did not answer");
    assert!(
        w.cause
            .en
            .contains("https://acme.atlassian.net/rest/api/2/serverInfo"),
        "{w:?}"
    );
}

/// A Cloud page on `url` that names no site (`ajs-base-url` missing): a custom domain.
fn custom_domain_page(url: &str) -> PageSnapshot {
    let mut page = cloud_page(url, "");
    page.metas.remove("ajs-base-url");
    page
}

#[test]
fn a_custom_domain_is_tested_at_the_site_its_serverinfo_names() {
    // §7.1 and issue 13's custom_domain: only serverInfo's baseUrl names the Atlassian site.
    // The custom domain's host is asked anonymously; the site is asked again and tested.
    for url in [
        "https://jira.acme.example/jira/your-work",
        // This machine is no exception.
        "http://127.0.0.1:8080/jira/your-work",
    ] {
        let origin = url.split('/').take(3).collect::<Vec<_>>().join("/");
        let answers = |r: &HttpRequest| match r.id.as_str() {
            "server_info" | "tenant_info" if r.url.starts_with(&origin) => {
                only_at("https://jira.acme.example")(&HttpRequest {
                    url: "https://jira.acme.example/".into(),
                    ..r.clone()
                })
            }
            _ => only_at("https://acme.atlassian.net")(r),
        };
        let (d, rounds) = detect_page(custom_domain_page(url), answers);
        assert!(rounds <= 2, "{url}: {rounds}");
        assert_eq!(
            d.deployment.reached_base_url.as_deref(),
            Some("https://acme.atlassian.net"),
            "{url}"
        );
        assert_eq!(d.rest_origin.as_deref(), Some("https://acme.atlassian.net"));
        let w = d
            .warnings
            .iter()
            .find(|w| w.code == Code::CustomDomain)
            .expect("custom_domain");
        assert!(w.fix.en.contains("https://acme.atlassian.net"), "{w:?}");
        let c = check(d, "ann@example.com", AuthChoice::Auto, answers);
        assert_eq!(c.result.verdict.code, Code::Ok, "{url}");
        let to = authorized_origins(&c.sent);
        assert!(
            !to.is_empty() && to.iter().all(|o| o == "https://acme.atlassian.net"),
            "{url}: {to:?}"
        );
    }
}

#[test]
fn a_typed_custom_domain_address_reaches_its_site_in_three_round_trips() {
    // The CLI's path: `/jira/your-work` makes `/jira` the first guess (a 404 there), the site
    // root answers Cloud naming acme.atlassian.net, which is asked third and tested.
    let (d, rounds) = detect_url("https://jira.acme.example/jira/your-work", |r| {
        match (r.id.as_str(), r.url.as_str()) {
            (_, u) if u.starts_with("https://jira.acme.example/jira/") => html(404, "x"),
            ("server_info", _) => json(200, CLOUD_INFO),
            _ => html(404, "x"),
        }
    });
    assert_eq!(rounds, 3);
    assert_eq!(
        d.deployment.reached_base_url.as_deref(),
        Some("https://acme.atlassian.net")
    );
    let asked: Vec<&str> = d.requests.iter().map(|r| r.url.as_str()).collect();
    assert!(
        asked.contains(&"https://acme.atlassian.net/rest/api/2/serverInfo"),
        "{asked:?}"
    );
}

#[test]
fn a_custom_domain_without_access_to_its_site_asks_for_it() {
    // The extension may ask the tab's origin only: the site serverInfo names needs access.
    let opts = DetectOptions {
        granted_patterns: Some(vec![]),
        ..DetectOptions::default()
    };
    let page = custom_domain_page("https://jira.acme.example/jira/your-work");
    let flow = DetectFlow::for_page(page, opts).unwrap();
    let (d, _) = common::drive(flow, |r| {
        assert!(
            r.url.starts_with("https://jira.acme.example/"),
            "asked {}",
            r.url
        );
        json(200, CLOUD_INFO)
    });
    assert!(d.deployment.is_cloud());
    assert_eq!(d.deployment.reached_base_url, None);
    assert_eq!(d.rest_origin.as_deref(), Some("https://acme.atlassian.net"));
    assert!(
        d.warnings
            .iter()
            .any(|w| w.code == Code::HostPermissionNeeded
                && (w.cause.en.contains("https://acme.atlassian.net")
                    || w.title.en.contains("https://acme.atlassian.net"))),
        "{:?}",
        d.warnings
    );
}

#[test]
fn the_other_origin_is_asked_only_with_access() {
    // The extension has access to the tab only: it must ask for the Atlassian site's.
    let page = cloud_page("https://jira.evil.example/", "https://acme.atlassian.net");
    let opts = DetectOptions {
        granted_patterns: Some(vec![]),
        ..DetectOptions::default()
    };
    let flow = DetectFlow::for_page(page, opts).unwrap();
    let (d, rounds) = common::drive(flow, |r| panic!("asked {}", r.url));
    assert_eq!(rounds, 0);
    let w = d
        .warnings
        .iter()
        .find(|w| w.code == Code::HostPermissionNeeded)
        .expect("access warning");
    assert!(
        w.cause.en.contains("https://acme.atlassian.net")
            || w.title.en.contains("https://acme.atlassian.net"),
        "{w:?}"
    );
    assert_eq!(d.rest_origin.as_deref(), Some("https://acme.atlassian.net"));
}

#[test]
fn page_paths_are_paths_only() {
    // §7.6: `ajs-context-path` with a query, a fragment or dot segments does not move the base.
    for bad in [
        "/jira?x=",
        "/jira#",
        "/../admin",
        "/%2e%2e/admin",
        "https://evil.example/jira",
    ] {
        let mut page =
            common::malformed::jira_page("https://jira.example.com/secure/Dashboard.jspa");
        page.metas.insert("ajs-context-path".into(), bad.into());
        page.metas.insert(
            "ajs-base-url".into(),
            format!("https://jira.example.com{bad}"),
        );
        let (d, _) = detect_page(page, |r| {
            assert_eq!(
                r.url, "https://jira.example.com/rest/api/2/serverInfo",
                "{bad}"
            );
            json(200, common::malformed::GOOD_INFO)
        });
        assert_ne!(d.deployment.context_path.as_deref(), Some(bad));
    }
}
