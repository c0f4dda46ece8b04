//! The tenant (cloud id) comes from the site's own `/_edge/tenant_info`, never from the page
//! (issue 20 item 2): the gateway and the snippets use the site's word.

use super::common;
use super::{cloud_page, CLOUD_INFO};
use crate::common::malformed::{check, detect_page, detect_url, html, json, other};
use jira_token_wizard::catalogue::Code;
use jira_token_wizard::detect::{DetectFlow, DetectOptions};
use jira_token_wizard::http::{Exchange, HttpRequest};
use jira_token_wizard::probe::AuthChoice;

/// A Cloud site whose page names `page_id` and whose `/_edge/tenant_info` answers `tenant`
/// (or 404 when `None`); `/myself` refuses the token as Cloud does, so the gateway is asked.
fn tenant_site(tenant: Option<&'static str>) -> impl FnMut(&HttpRequest) -> Exchange {
    move |r| match r.id.as_str() {
        "server_info" => json(200, CLOUD_INFO),
        "tenant_info" => match tenant {
            Some(id) => json(200, &format!(r#"{{"cloudId":"{id}"}}"#)),
            None => html(404, "<html>not found</html>"),
        },
        "myself" => Exchange::Response(common::malformed::resp(
            401,
            &[("Content-Type", "text/plain")],
            "Client must be authenticated to access this resource.",
        )),
        _ => json(401, r#"{"errorMessages":["nope"]}"#),
    }
}

const PAGE_TENANT: &str = "0badc0de-0000-4000-8000-000000000001";
const SITE_TENANT: &str = "c2a1b1e5-63a8-4c0d-9fd2-1d0d0ffb3b11";

#[test]
fn the_tenant_comes_from_the_site_not_the_page() {
    let mut page = cloud_page(
        "https://acme.atlassian.net/jira",
        "https://acme.atlassian.net",
    );
    page.metas.insert("ajs-cloud-id".into(), PAGE_TENANT.into());
    let (d, _) = detect_page(page, tenant_site(Some(SITE_TENANT)));
    assert_eq!(d.deployment.cloud_id.as_deref(), Some(SITE_TENANT));
    let mismatch = d.warnings.iter().find(|w| w.code == Code::CloudIdMismatch);
    let mismatch = mismatch.expect("the page's other tenant is named");
    assert!(mismatch.cause.en.contains(PAGE_TENANT) && mismatch.cause.en.contains(SITE_TENANT));
    // The same tenant, in other letter case: nothing to name.
    let mut same = cloud_page(
        "https://acme.atlassian.net/jira",
        "https://acme.atlassian.net",
    );
    same.metas
        .insert("ajs-cloud-id".into(), SITE_TENANT.to_ascii_uppercase());
    let (agreed, _) = detect_page(same, tenant_site(Some(SITE_TENANT)));
    assert!(
        !agreed
            .warnings
            .iter()
            .any(|w| w.code == Code::CloudIdMismatch),
        "{:?}",
        agreed.warnings
    );
    let c = check(
        d,
        "ann@example.com",
        AuthChoice::Auto,
        tenant_site(Some(SITE_TENANT)),
    );
    let gateway: Vec<&str> = c
        .sent
        .iter()
        .map(|r| r.url.as_str())
        .filter(|u| u.starts_with("https://api.atlassian.com"))
        .collect();
    assert!(!gateway.is_empty(), "the gateway was asked: {:?}", c.sent);
    assert!(
        gateway.iter().all(|u| u.contains(SITE_TENANT)),
        "{gateway:?}"
    );
    assert!(c.sent.iter().all(|r| !r.url.contains(PAGE_TENANT)));
}

#[test]
fn without_the_sites_word_no_tenant_is_used() {
    let mut page = cloud_page(
        "https://acme.atlassian.net/jira",
        "https://acme.atlassian.net",
    );
    page.metas.insert("ajs-cloud-id".into(), PAGE_TENANT.into());
    let (d, _) = detect_page(page.clone(), tenant_site(None));
    assert_eq!(d.deployment.cloud_id, None, "the page's cloud id was taken");
    let c = check(d, "ann@example.com", AuthChoice::Auto, tenant_site(None));
    assert!(c.sent.iter().all(|r| !r.url.contains(PAGE_TENANT)));
    assert!(c
        .sent
        .iter()
        .all(|r| !r.url.starts_with("https://api.atlassian.com")));
    // The first paint, which sends nothing, may show the page's word.
    let flow = DetectFlow::for_page(
        page,
        DetectOptions {
            page_only: true,
            ..DetectOptions::default()
        },
    )
    .unwrap();
    let (first, _) = common::drive(flow, |_| other());
    assert_eq!(first.deployment.cloud_id.as_deref(), Some(PAGE_TENANT));
    assert!(first.provisional);
}
#[test]
fn a_typed_cloud_address_asks_its_tenant_in_the_first_round_trip() {
    // No page to say Cloud: the host does, so tenant_info goes beside serverInfo, not after it.
    let (d, rounds) = detect_url("https://acme.atlassian.net/", |r| match r.id.as_str() {
        "server_info" => json(200, CLOUD_INFO),
        "tenant_info" => json(200, &format!(r#"{{"cloudId":"{SITE_TENANT}"}}"#)),
        _ => html(200, "<html><head><title>Jira</title></head></html>"),
    });
    assert_eq!(d.deployment.cloud_id.as_deref(), Some(SITE_TENANT));
    assert_eq!(rounds, 1, "{:?}", d.requests);
}

/// Mutant: `ProbeFlow::cloud_id`'s `status == 200` → `!=`. A tenant the site did not give at
/// detection is asked again beside the token test, and the site's answer there takes the
/// refused token on to the gateway with the site's own tenant.
#[test]
fn a_tenant_missing_at_detection_is_asked_by_the_test() {
    let page = cloud_page(
        "https://acme.atlassian.net/jira",
        "https://acme.atlassian.net",
    );
    let (d, _) = detect_page(page, tenant_site(None));
    assert_eq!(d.deployment.cloud_id, None);
    let c = check(
        d,
        "ann@example.com",
        AuthChoice::Auto,
        tenant_site(Some(SITE_TENANT)),
    );
    let gateway: Vec<&str> = c
        .sent
        .iter()
        .map(|r| r.url.as_str())
        .filter(|u| u.starts_with("https://api.atlassian.com"))
        .collect();
    assert!(!gateway.is_empty(), "the gateway was asked: {:?}", c.sent);
    assert!(
        gateway.iter().all(|u| u.contains(SITE_TENANT)),
        "{gateway:?}"
    );
}
