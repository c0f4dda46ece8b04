//! The rules of `src/detect` that the other suites left free: each test fails on a mutation
//! that no test used to catch (tests/README.md, "Score", lists them), and states what a user
//! of the extension or the CLI would see.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::detect::{DetectFlow, DetectOptions};
use jira_token_wizard::flow::Flow;

/// Meta tags or headers of a made-up page: name, value.
type Pairs = &'static [(&'static str, &'static str)];

/// Mutant: `for_page`'s `fetch_page: false` deleted. A tab the user is on is read from its
/// snapshot: whatever options come with it, detection neither fetches the page again nor asks
/// serverInfo of a site whose page is no Atlassian product.
#[test]
fn a_tab_that_is_not_jira_is_not_asked_whatever_the_options() {
    let page = common::page("not-atlassian");
    let opts = DetectOptions {
        fetch_page: true,
        ..DetectOptions::default()
    };
    let mut flow = DetectFlow::for_page(page, opts).unwrap();
    let batch = flow.next_batch();
    assert!(batch.is_empty(), "{batch:?}");
}

/// Mutants: `hosting`'s two `||` → `&&`. A Jira page that does not say where it runs, whose
/// serverInfo asks for a login (401): any one of that answer's headers tells — `ATL-TraceId`
/// or `X-AACCOUNTID` alone says Cloud, `X-AUSERNAME` or `X-ASESSIONID` alone Server/Data
/// Center.
#[test]
fn a_refused_server_info_tells_the_hosting_by_any_one_of_its_headers() {
    use common::malformed::{detect_page, html, jira_page, resp};
    use jira_token_wizard::deployment::Hosting;
    use jira_token_wizard::http::Exchange;
    for (header, want) in [
        ("ATL-TraceId", Hosting::Cloud),
        ("X-AACCOUNTID", Hosting::Cloud),
        ("X-AUSERNAME", Hosting::SelfManaged),
        ("X-ASESSIONID", Hosting::SelfManaged),
    ] {
        let mut page = jira_page("https://jira.example.com/secure/Dashboard.jspa");
        page.metas.remove("ajs-version-number");
        page.metas.remove("ajs-base-url");
        let (d, _) = detect_page(page, |r| match r.id.as_str() {
            "server_info" => Exchange::Response(resp(
                401,
                &[("Content-Type", "application/json"), (header, "x1")],
                r#"{"errorMessages":["You are not authenticated."]}"#,
            )),
            _ => html(404, "<html></html>"),
        });
        assert_eq!(
            d.deployment.hosting,
            Some(want),
            "{header}: {:?}",
            d.deployment.evidence
        );
    }
}

/// Mutant: `summary`'s guard `f != Family::Commercial` → `true`. A commercial Cloud site is
/// summed up as plain "Jira Cloud"; only another family is named in brackets.
#[test]
fn a_commercial_cloud_site_is_plain_jira_cloud() {
    let (d, _) = common::detect("cloud");
    assert_eq!(
        d.deployment.summary.en,
        "Jira Cloud at https://cloud.atlassian.net"
    );
}

/// Mutant: `ServerInfo::numbers` → `None`. serverInfo's `versionNumbers` count on their own:
/// without a `version` text, or with one dropped as too long to be real, the version is still
/// known (and with it the plan: a PAT from 8.14, a password before).
#[test]
fn version_numbers_alone_tell_the_version() {
    use common::malformed::{detect_url, html, json};
    let (d, _) = detect_url("https://jira.example.com/", |r| match r.id.as_str() {
        "server_info" => json(
            200,
            r#"{"baseUrl":"https://jira.example.com","versionNumbers":[9,12,15],"deploymentType":"Server"}"#,
        ),
        _ => html(404, "<html></html>"),
    });
    assert_eq!(d.deployment.major_minor(), Some((9, 12)));
    let long = "9".repeat(300);
    let (d, _) = detect_url("https://jira.example.com/", |r| match r.id.as_str() {
        "server_info" => json(
            200,
            &format!(
                r#"{{"baseUrl":"https://jira.example.com","version":"{long}","versionNumbers":[8,5,5],"deploymentType":"Server"}}"#
            ),
        ),
        _ => html(404, "<html></html>"),
    });
    assert_eq!(d.deployment.major_minor(), Some((8, 5)));
}

/// Mutant: `parse_version`'s `&&` → `||`. A "version" of more than four numbers (a build
/// stamp, a date) is no Jira version: the version stays unknown rather than wrong.
#[test]
fn a_version_of_more_than_four_numbers_is_not_read() {
    use jira_token_wizard::detect::parse_version;
    assert_eq!(parse_version("9.12.15.1"), Some(vec![9, 12, 15, 1]));
    assert_eq!(parse_version("2026.12.7.10.45"), None);
}

/// Mutant: `read_server_info`'s `r.redirect || 3xx` → `&&`. The browser hands a redirect it
/// did not follow as an opaque answer without a status: serverInfo's redirect (an SSO login
/// in front of Jira) is read the same as the CLI's 302.
#[test]
fn the_browsers_opaque_redirect_is_read_as_the_clis_302() {
    use common::malformed::{detect_page, html, jira_page, resp};
    use jira_token_wizard::http::Exchange;
    let detect = |status: u16| {
        let page = jira_page("https://jira.example.com/secure/Dashboard.jspa");
        detect_page(page, move |r| match r.id.as_str() {
            "server_info" => {
                let mut a = resp(status, &[("Location", "https://sso.example.com/login")], "");
                a.redirect = true;
                Exchange::Response(a)
            }
            _ => html(404, "<html></html>"),
        })
        .0
    };
    let (native, opaque) = (detect(302), detect(0));
    assert!(native.deployment.reached_base_url.is_some());
    assert_eq!(
        opaque.deployment.reached_base_url,
        native.deployment.reached_base_url
    );
    assert_eq!(
        common::malformed::codes(&opaque),
        common::malformed::codes(&native)
    );
}

/// Mutants: `read_server_info`'s two `||` → `&&` and its `&&` → `||`. Old Jira leaves out
/// `deploymentType` (facts §1.3): `versionNumbers` alone, or `version` with `baseUrl`, still
/// make a serverInfo; a lone `version` (any JSON could hold one) does not.
#[test]
fn a_server_info_without_deployment_type_is_still_jiras() {
    use common::malformed::{detect_url, html, json};
    use jira_token_wizard::deployment::Product;
    let product = |body: &'static str| {
        let (d, _) = detect_url("https://jira.example.com/", move |r| match r.id.as_str() {
            "server_info" => json(200, body),
            _ => html(404, "<html></html>"),
        });
        d.deployment.product
    };
    assert_eq!(product(r#"{"versionNumbers":[7,0,0]}"#), Product::Jira);
    assert_eq!(
        product(r#"{"version":"7.0.0","baseUrl":"https://jira.example.com"}"#),
        Product::Jira
    );
    assert_eq!(product(r#"{"deploymentType":"Server"}"#), Product::Jira);
    assert_ne!(product(r#"{"version":"7.0.0"}"#), Product::Jira);
}

/// What the page alone says the product is (the first paint: nothing asked).
fn product_of(
    url: &str,
    metas: &[(&str, &str)],
    body_id: &str,
) -> jira_token_wizard::deployment::Product {
    use jira_token_wizard::page::PageSnapshot;
    let mut page = PageSnapshot {
        url: url.into(),
        body_id: body_id.into(),
        ..PageSnapshot::default()
    };
    for (k, v) in metas {
        page.metas.insert((*k).into(), (*v).into());
    }
    let opts = DetectOptions {
        page_only: true,
        ..DetectOptions::default()
    };
    let (d, _) = common::drive(DetectFlow::for_page(page, opts).unwrap(), |r| {
        panic!("the first paint asks nothing: {}", r.url)
    });
    d.deployment.product
}

/// Mutants: `product`'s `||`s → `&&` (the Confluence, Bitbucket, Jira and AJS-meta rules), `has_prefix`
/// → `false`, `app_name` and `path_of` → `""` / `"xyzzy"`. Each marker of a product names it
/// on its own — and a Confluence or Bitbucket page, which carries AJS version metas as Jira's
/// does, is never called Jira.
#[test]
fn each_product_marker_names_the_product_on_its_own() {
    use jira_token_wizard::deployment::Product::{Bitbucket, Confluence, Jira, OtherAtlassian};
    const AT: &str = "https://apps.example.com/";
    const AJS: (&str, &str) = ("ajs-version-number", "8.5.31");
    let cases: &[(&str, Pairs, &str, _)] = &[
        (
            AT,
            &[AJS, ("application-name", "Confluence")],
            "",
            Confluence,
        ),
        (
            AT,
            &[AJS, ("application-name:data-name", "confluence")],
            "",
            Confluence,
        ),
        (AT, &[AJS], "com-atlassian-confluence", Confluence),
        (
            AT,
            &[AJS, ("confluence-base-url", "https://apps.example.com")],
            "",
            Confluence,
        ),
        (AT, &[AJS, ("ajs-space-key", "DOCS")], "", Confluence),
        (
            "https://acme.atlassian.net/wiki/spaces/DOCS",
            &[("ajs-cloud-id", "a436116f-02ce-4520-8fbb-7301462a1674")],
            "",
            Confluence,
        ),
        (AT, &[AJS, ("application-name", "Bitbucket")], "", Bitbucket),
        (AT, &[AJS, ("bb-repository-id", "42")], "", Bitbucket),
        (AT, &[AJS], "bitbucket", Bitbucket),
        (AT, &[("application-name", "JIRA")], "", Jira),
        (AT, &[], "jira", Jira),
        (
            AT,
            &[("ajs-jira-base-url", "https://apps.example.com")],
            "",
            Jira,
        ),
        (
            "https://acme.atlassian.net/jira/your-work",
            &[("ajs-cloud-id", "a436116f-02ce-4520-8fbb-7301462a1674")],
            "",
            Jira,
        ),
        // AJS version metas are Jira's unless the page names another application.
        (AT, &[AJS], "", Jira),
        (AT, &[("ajs-build-number", "805031")], "", Jira),
        (AT, &[AJS, ("application-name", "JIRA Software")], "", Jira),
        (
            AT,
            &[AJS, ("application-name", "Bamboo")],
            "",
            OtherAtlassian,
        ),
    ];
    for (url, metas, body_id, want) in cases {
        assert_eq!(
            product_of(url, metas, body_id),
            *want,
            "{url} {metas:?} {body_id}"
        );
    }
}

/// Mutants: the page's `hosting`, its two `||` → `&&`. Any one mark says where a Jira page
/// runs: `ATL-TraceId` or `X-AACCOUNTID` alone Cloud; `ajs-version-number` or `ajs-base-url`
/// alone (without a cloud id) Server/Data Center.
#[test]
fn each_hosting_mark_of_a_page_counts_on_its_own() {
    use jira_token_wizard::deployment::Hosting::{Cloud, SelfManaged};
    use jira_token_wizard::page::PageSnapshot;
    let cases: &[(Pairs, Pairs, _)] = &[
        (&[], &[("atl-traceid", "6412c157")], Cloud),
        (&[], &[("x-aaccountid", "5b10ac8d82e05b22cc7d4ef5")], Cloud),
        (&[("ajs-version-number", "9.12.15")], &[], SelfManaged),
        (
            &[("ajs-base-url", "https://jira.example.com")],
            &[],
            SelfManaged,
        ),
    ];
    for (metas, headers, want) in cases {
        let mut page = PageSnapshot {
            url: "https://jira.example.com/secure/Dashboard.jspa".into(),
            body_id: "jira".into(),
            ..PageSnapshot::default()
        };
        for (k, v) in *metas {
            page.metas.insert((*k).into(), (*v).into());
        }
        for (k, v) in *headers {
            page.headers.insert((*k).into(), (*v).into());
        }
        let opts = DetectOptions {
            page_only: true,
            ..DetectOptions::default()
        };
        let (d, _) = common::drive(DetectFlow::for_page(page, opts).unwrap(), |r| {
            panic!("the first paint asks nothing: {}", r.url)
        });
        assert_eq!(d.deployment.hosting, Some(*want), "{metas:?} {headers:?}");
    }
}
