//! Hostile pages and page-borne values fed to the core's flows: pages with thousands of meta
//! tags, megabyte titles, meta names, body classes, URLs and headers, and cloud ids with path
//! characters (from tenant_info or a page's `ajs-cloud-id`).
//!
//! Every case must end in a NAMED catalogue code (asserted), never a panic, and every test runs
//! under a time bound ([`bounded`]). The situations are what a hostile page or server could send
//! (facts §2.1, §2.5, §3.2 in `../shared/jira-facts.md` for the Jira side). See SECURITY.md for
//! the threat model. The shared helpers are in `tests/common/malformed.rs`; the rest of the
//! corpus is `tests/malformed_answers.rs` and `tests/malformed_transport.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::malformed::{
    assert_invariants, bounded, check, cloud, codes, detect_page, jira_page, json, other,
    GOOD_INFO, LIMIT,
};
use jira_token_wizard::catalogue::Code;
use jira_token_wizard::deployment::Product;
use jira_token_wizard::page::{MAX_METAS, MAX_META_VALUE_CHARS};
use jira_token_wizard::probe::AuthChoice;
use std::time::Instant;

// ---- hostile pages ----------------------------------------------------------------------

#[test]
fn ten_thousand_metas_and_huge_values_stay_bounded() {
    bounded("10 000 metas", || {
        let mut page = jira_page("https://jira.example.com/secure/Dashboard.jspa");
        // Sorted after the ajs-/application-name tags: the page stays recognisable.
        for i in 0..10_000 {
            page.metas
                .insert(format!("zz-{i:05}"), "x".repeat(i % 4096));
        }
        page.metas
            .insert("ajs-remote-user-fullname".into(), "A".repeat(5_000_000));
        page.title = "T".repeat(1_000_000);
        page.body_classes = (0..100_000).map(|i| format!("c{i}")).collect();
        let started = Instant::now();
        let (d, rounds) = detect_page(page, |_| json(200, GOOD_INFO));
        assert!(started.elapsed() < LIMIT / 2);
        assert_eq!(d.deployment.product, Product::Jira);
        assert_eq!(rounds, 1);
        // serverInfo says 127.0.0.1:47303 while the page says jira.example.com.
        assert!(
            codes(&d).contains(&Code::BaseUrlOtherHost),
            "{:?}",
            codes(&d)
        );
        let out = serde_json::to_string(&d).expect("serializable");
        assert!(out.len() < 64 * 1024, "detection is {} bytes", out.len());

        // 10 000 metas sorted before Jira's own push them past the cap: a Jira page is still
        // known by its body id (facts §2.1) ...
        let mut page = jira_page("https://jira.example.com/secure/Dashboard.jspa");
        for i in 0..10_000 {
            page.metas.insert(format!("aa-{i:05}"), String::new());
        }
        let mut bare = page.clone();
        let (d, rounds) = detect_page(page, |_| json(200, GOOD_INFO));
        assert_eq!(rounds, 1);
        assert_eq!(d.deployment.product, Product::Jira);
        assert_eq!(d.deployment.version.as_deref(), Some("9.12.15"));
        // ... and without it the page no longer looks like Jira, so nothing is asked and no
        // credential can go there.
        bare.body_id.clear();
        let (d, rounds) = detect_page(bare, |r| panic!("no request expected: {}", r.id));
        assert_eq!(rounds, 0);
        assert_eq!(d.deployment.product, Product::NotAtlassian);
        let c = check(d, "admin", AuthChoice::Auto, |r| {
            panic!("no request may follow: {}", r.id)
        });
        assert_eq!(c.result.verdict.code, Code::NotJira);
    });
}

#[test]
fn huge_meta_names_classes_and_urls_are_cut() {
    bounded("huge names", || {
        let mut page = jira_page(&format!(
            "https://jira.example.com/{}",
            "p/".repeat(500_000)
        ));
        page.metas.insert("N".repeat(1_000_000), "v".into());
        page.body_classes = vec!["C".repeat(1_000_000)];
        page.body_id = "jira".into();
        page.headers
            .insert("x-anodeid".into(), "n".repeat(1_000_000));
        let s = page.clone().sanitized();
        assert!(s.metas.len() <= MAX_METAS);
        assert!(s
            .metas
            .iter()
            .all(|(k, v)| k.chars().count() <= MAX_META_VALUE_CHARS
                && v.chars().count() <= MAX_META_VALUE_CHARS));
        assert!(s
            .body_classes
            .iter()
            .all(|c| c.chars().count() <= MAX_META_VALUE_CHARS));
        assert!(s
            .headers
            .values()
            .all(|v| v.chars().count() <= MAX_META_VALUE_CHARS));
        let (d, _) = detect_page(page, |_| json(200, GOOD_INFO));
        assert_eq!(d.deployment.product, Product::Jira);
        assert!(
            d.deployment.edition.is_some(),
            "X-ANODEID still says Data Center"
        );
        let out = serde_json::to_string(&d).expect("serializable");
        assert!(out.len() < 64 * 1024, "detection is {} bytes", out.len());
    });
}

// ---- cloud ids with path characters (facts §2.5, §3.2) ----------------------------------

#[test]
fn a_cloud_id_with_path_characters_never_reaches_a_url() {
    let ids = [
        "../../../admin",
        "c2a1b1e5/../../x",
        "c2a1b1e5-63a8-4c0d-9fd2-1d0d0ffb3b11?x=1",
        "c2a1b1e5-63a8-4c0d-9fd2-1d0d0ffb3b11#",
        "%2e%2e%2fadmin",
        "c2a1b1e5 63a8",
        "",
    ];
    bounded("cloud id", move || {
        for id in ids {
            let tenant = format!(r#"{{"cloudId":{}}}"#, serde_json::Value::from(id));
            let mut d = cloud();
            d.deployment.cloud_id = None;
            let t = tenant.clone();
            // A service account's token is scoped (facts §3.2): the site's 401 names the gateway.
            let c = check(
                d,
                "svc-sync-k3x9@serviceaccount.atlassian.com",
                AuthChoice::Auto,
                move |r| match r.id.as_str() {
                    "myself" => common::answer("cloud", "myself-scoped-token-on-site"),
                    "mypermissions" => common::answer("cloud", "mypermissions-anon"),
                    "tenant_info" => json(200, &t),
                    "gateway_myself" => panic!("{id}: the gateway was asked: {}", r.url),
                    _ => other(),
                },
            );
            assert_eq!(c.result.verdict.code, Code::ScopedTokenNeedsGateway, "{id}");
            assert!(
                c.sent.iter().all(|r| r.id != "gateway_myself"),
                "{id}: the gateway was asked with an implausible cloud id"
            );
            assert!(
                c.result.verdict.fix.en.contains("{cloudId}")
                    || c.result.verdict.cause.en.contains("{cloudId}"),
                "{id}: {}",
                c.result.verdict.fix.en
            );
            assert_invariants(id, &c);

            // The same id as a page's ajs-cloud-id.
            let mut page = jira_page("https://acme.atlassian.net/jira/your-work");
            page.metas.insert("ajs-cloud-id".into(), id.into());
            let t = tenant.clone();
            let (d, _) = detect_page(page, move |r| match r.id.as_str() {
                "tenant_info" => json(200, &t),
                _ => common::answer("cloud", "serverinfo-anon"),
            });
            assert_eq!(d.deployment.cloud_id, None, "{id}");
        }
    });
}
