//! Detection against pages and answers recorded from the Jira simulator, as the extension
//! sees them (page snapshot first, then one round trip). Facts: ../shared/jira-facts.md §1–§2.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::auth_plan::AuthMethod;
use jira_token_wizard::catalogue::Code;
use jira_token_wizard::deployment::{Edition, Hosting, Product};

struct Want {
    scenario: &'static str,
    product: Product,
    hosting: Option<Hosting>,
    edition: Option<Edition>,
    version: Option<&'static str>,
    method: Option<AuthMethod>,
    warnings: &'static [Code],
}

const CASES: &[Want] = &[
    Want {
        scenario: "cloud",
        product: Product::Jira,
        hosting: Some(Hosting::Cloud),
        edition: None,
        version: Some("1001.0.0-SNAPSHOT"),
        method: Some(AuthMethod::ApiToken),
        warnings: &[],
    },
    Want {
        scenario: "server-7.13",
        product: Product::Jira,
        hosting: Some(Hosting::SelfManaged),
        edition: None,
        version: Some("7.13.18"),
        method: Some(AuthMethod::Basic),
        warnings: &[],
    },
    Want {
        scenario: "server-8.5",
        product: Product::Jira,
        hosting: Some(Hosting::SelfManaged),
        edition: None,
        version: Some("8.5.5"),
        method: Some(AuthMethod::Basic),
        warnings: &[],
    },
    Want {
        scenario: "dc-9.12-cluster",
        product: Product::Jira,
        hosting: Some(Hosting::SelfManaged),
        edition: Some(Edition::DataCenter),
        version: Some("9.12.15"),
        method: Some(AuthMethod::Pat),
        warnings: &[],
    },
    Want {
        scenario: "dc-10.3",
        product: Product::Jira,
        hosting: Some(Hosting::SelfManaged),
        edition: None,
        version: Some("10.3.19"),
        method: Some(AuthMethod::Pat),
        warnings: &[],
    },
    Want {
        scenario: "context-path-mismatch",
        product: Product::Jira,
        hosting: Some(Hosting::SelfManaged),
        edition: None,
        version: Some("9.12.15"),
        method: Some(AuthMethod::Pat),
        warnings: &[Code::BaseUrlOtherHost],
    },
    Want {
        scenario: "serverinfo-needs-login",
        product: Product::Jira,
        hosting: Some(Hosting::SelfManaged),
        edition: None,
        version: None,
        method: Some(AuthMethod::Pat),
        warnings: &[Code::ServerInfoNeedsLogin],
    },
    Want {
        scenario: "confluence",
        product: Product::Confluence,
        hosting: None,
        edition: None,
        version: None,
        method: None,
        warnings: &[],
    },
    Want {
        scenario: "not-atlassian",
        product: Product::NotAtlassian,
        hosting: None,
        edition: None,
        version: None,
        method: None,
        warnings: &[],
    },
];

#[test]
fn every_detection_scenario() {
    for want in CASES {
        let (d, rounds) = common::detect(want.scenario);
        let dep = &d.deployment;
        let s = want.scenario;
        assert_eq!(dep.product, want.product, "{s} product");
        assert_eq!(dep.hosting, want.hosting, "{s} hosting");
        assert_eq!(dep.edition, want.edition, "{s} edition");
        if let Some(v) = want.version {
            assert_eq!(dep.version.as_deref(), Some(v), "{s} version");
        }
        assert_eq!(
            d.auth_plan.as_ref().map(|p| p.method),
            want.method,
            "{s} method"
        );
        let codes: Vec<Code> = d.warnings.iter().map(|w| w.code).collect();
        for w in want.warnings {
            assert!(codes.contains(w), "{s}: missing warning {w:?} in {codes:?}");
        }
        assert!(rounds <= 1, "{s}: detection took {rounds} round trips");
        if want.product != Product::Jira {
            assert_eq!(rounds, 0, "{s}: a non-Jira page must cause no request");
        }
    }
}

#[test]
fn context_path_and_configured_base_url() {
    let (d, _) = common::detect("context-path-mismatch");
    let dep = &d.deployment;
    assert_eq!(
        dep.base_url.as_deref(),
        Some("https://jira.corp.example/jira")
    );
    assert_eq!(dep.context_path.as_deref(), Some("/jira"));
    assert!(dep
        .reached_base_url
        .as_deref()
        .is_some_and(|r| r.starts_with("http://127.0.0.1:") && r.ends_with("/jira")));
    // The summary names the address that was tested, never the one only claimed.
    let reached = dep.reached_base_url.as_deref().unwrap();
    assert_eq!(
        dep.summary.en,
        format!("Jira Server/Data Center 9.12.15 at {reached}")
    );
    let other = d
        .warnings
        .iter()
        .find(|w| w.code == Code::BaseUrlOtherHost)
        .expect("another host is its own, stronger warning");
    assert!(other.title.en.contains(reached), "{}", other.title.en);
    assert!(!other.cause.en.contains("usual"), "{}", other.cause.en);
    let page = d
        .auth_plan
        .and_then(|p| p.token_page_url)
        .unwrap_or_default();
    // The token page is on the origin that was tested (SECURITY.md §7.1), not the configured
    // base URL a page or serverInfo names.
    let reached = dep.reached_base_url.clone().unwrap_or_default();
    assert!(
        page.starts_with(&format!("{reached}/secure/ViewProfile.jspa?selectedTab=")),
        "{page}"
    );
}

#[test]
fn cluster_node_means_data_center() {
    let (d, _) = common::detect("dc-9.12-cluster");
    assert_eq!(d.deployment.cluster_node.as_deref(), Some("jira_node_1"));
    assert_eq!(d.deployment.build_number, Some(9_120_015));
    assert!(d
        .deployment
        .summary
        .en
        .starts_with("Jira Data Center 9.12.15 at "));
    assert!(d.deployment.summary.ru.contains("по адресу"));
}

#[test]
fn cloud_id_and_steps() {
    let (d, _) = common::detect("cloud");
    assert!(d
        .deployment
        .cloud_id
        .as_deref()
        .is_some_and(|id| id.len() == 36));
    let plan = d.auth_plan.expect("plan");
    assert_eq!(
        plan.token_page_url.as_deref(),
        Some("https://id.atlassian.com/manage-profile/security/api-tokens")
    );
    assert!(plan.steps.len() >= 3);
    assert!(plan
        .notes
        .iter()
        .any(|n| n.en.contains("api.atlassian.com/ex/jira/")));
}

#[test]
fn jira_11_is_pat_only_and_no_app_passwords_anywhere() {
    let (d, _) = common::detect("dc-11.3");
    let plan = d.auth_plan.expect("plan");
    assert_eq!(plan.method, AuthMethod::Pat);
    assert!(
        plan.alternatives.is_empty(),
        "Basic is off by default on 11+"
    );
    for scenario in [
        "cloud",
        "server-7.13",
        "server-8.5",
        "dc-9.12-cluster",
        "dc-11.3",
    ] {
        let plan = common::detect(scenario).0.auth_plan.expect("plan");
        for t in plan.steps.iter().chain(&plan.notes) {
            assert!(
                !t.en.to_lowercase().contains("create an app password"),
                "{scenario}: {}",
                t.en
            );
        }
    }
}

#[test]
fn logged_in_page_names_the_user() {
    let page = common::page("dc-9.12-cluster");
    assert_eq!(page.meta("ajs-remote-user"), None, "anonymous page");
    let logged_in = {
        let v = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/dc-9.12-cluster/page-logged-in.json"
        ))
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&v).unwrap();
        let resp = jira_token_wizard::http::HttpResponse {
            status: 200,
            headers: [("content-type".to_string(), "text/html".to_string())].into(),
            body: v["body"].as_str().unwrap().to_string(),
            ..Default::default()
        };
        jira_token_wizard::html::read(&resp, v["url"].as_str().unwrap())
    };
    let flow =
        jira_token_wizard::detect::DetectFlow::for_page(logged_in, Default::default()).unwrap();
    let (d, _) = common::drive(flow, |_| {
        common::answer("dc-9.12-cluster", "serverinfo-anon")
    });
    let user = d.deployment.user.expect("user");
    assert!(
        user.name.is_some() && user.display_name.is_some(),
        "{user:?}"
    );
}

#[test]
fn sso_gateway_is_unknown_with_a_login_redirect_warning() {
    // Typed URL (CLI): the page and serverInfo both redirect to the IdP.
    let page_url = "http://127.0.0.1:47312/secure/Dashboard.jspa";
    let flow = jira_token_wizard::detect::DetectFlow::for_url(
        page_url,
        jira_token_wizard::detect::DetectOptions {
            fetch_page: true,
            ..Default::default()
        },
    )
    .unwrap();
    let (d, _) = common::drive(flow, |req| match req.id.as_str() {
        "page" => common::answer_page("sso-redirect", "page"),
        _ => common::answer("sso-redirect", "serverinfo-anon"),
    });
    assert_eq!(d.deployment.product, Product::Unknown);
    assert!(
        !d.deployment.may_be_jira(),
        "a redirect alone does not confirm Jira: no credential goes there (the token test names the gateway and says nothing was sent)"
    );
    assert!(d
        .warnings
        .iter()
        .any(|w| w.code == Code::LoginRedirect && w.cause.en.contains("/idp/login")));
    // From a logged-in tab: Jira, with the same warning.
    let (d, _) = common::detect_on("sso-redirect", "page-logged-in");
    assert_eq!(d.deployment.product, Product::Jira);
    assert!(d.warnings.iter().any(|w| w.code == Code::LoginRedirect));
}

/// A typed old address whose REST answers 301 to an Atlassian Cloud site moved to Cloud: the
/// warning says so and names the site, never "a single sign-on gateway" (`login_redirect`);
/// a redirect elsewhere stays a login redirect (above).
#[test]
fn a_redirect_to_a_cloud_site_is_a_move_not_a_login() {
    let flow = jira_token_wizard::detect::DetectFlow::for_url(
        "https://jira.old.example",
        jira_token_wizard::detect::DetectOptions {
            fetch_page: false,
            ..Default::default()
        },
    )
    .unwrap();
    let (d, _) = common::drive(flow, |_| {
        common::answer("dc-moved-to-cloud", "serverinfo-anon")
    });
    let codes: Vec<Code> = d.warnings.iter().map(|w| w.code).collect();
    assert!(!codes.contains(&Code::LoginRedirect), "{codes:?}");
    let moved = d
        .warnings
        .iter()
        .find(|w| w.code == Code::RedirectsToCloud)
        .expect("redirects_to_cloud");
    assert!(
        moved
            .cause
            .en
            .contains("https://moved-to-cloud.atlassian.net"),
        "{}",
        moved.cause.en
    );
    assert!(
        moved
            .fix
            .ru
            .contains("https://moved-to-cloud.atlassian.net"),
        "{}",
        moved.fix.ru
    );
}

#[test]
fn a_typed_url_without_host_access_is_unknown_and_asks_for_access() {
    let opts = jira_token_wizard::detect::DetectOptions {
        allow_fetch: false,
        ..Default::default()
    };
    let flow =
        jira_token_wizard::detect::DetectFlow::for_url("https://jira.corp.example/jira", opts)
            .unwrap();
    let (d, rounds) = common::drive(flow, |_| panic!("no request without host access"));
    assert_eq!(rounds, 0);
    assert_eq!(d.deployment.product, Product::Unknown);
    assert!(
        !d.deployment.may_be_jira(),
        "no credential goes to an unconfirmed site"
    );
    let w = d
        .warnings
        .iter()
        .find(|w| w.code == Code::HostPermissionNeeded)
        .expect("asks for access");
    assert!(w.title.en.contains("https://jira.corp.example"));
}

/// A typed Cloud URL on a host name that does not say Cloud (`/jira/your-work`, no page read):
/// `/jira` is only a guess, so when serverInfo is not there the site root is asked next round.
/// A context path the page declares is never second-guessed this way.
#[test]
fn a_guessed_context_path_that_has_no_server_info_falls_back_to_the_root() {
    use jira_token_wizard::detect::{DetectFlow, DetectOptions};
    use jira_token_wizard::http::{Exchange, HttpResponse};
    let not_found = || {
        Exchange::Response(HttpResponse {
            status: 404,
            body: "<html>Not found</html>".into(),
            ..HttpResponse::default()
        })
    };
    let url = "http://127.0.0.1:47301/jira/your-work";
    let flow = DetectFlow::for_url(url, DetectOptions::default()).unwrap();
    let mut asked = Vec::new();
    let (d, rounds) = common::drive(flow, |req| {
        asked.push(req.url.clone());
        match req.id.as_str() {
            "server_info" if req.url.contains("/jira/rest/") => not_found(),
            "server_info" => common::answer("cloud", "serverinfo-anon"),
            "tenant_info" => common::answer("cloud", "tenant-info"),
            other => panic!("unexpected {other}"),
        }
    });
    assert_eq!(d.deployment.hosting, Some(Hosting::Cloud), "{asked:?}");
    assert_eq!(d.deployment.context_path.as_deref().unwrap_or(""), "");
    assert_eq!(
        asked[..2],
        [
            "http://127.0.0.1:47301/jira/rest/api/2/serverInfo".to_string(),
            "http://127.0.0.1:47301/rest/api/2/serverInfo".to_string()
        ]
    );
    assert!(rounds <= 3, "{rounds} rounds: {asked:?}");

    // A real context path (the page says so) is not replaced by the root.
    let (d, _) = common::detect("context-path-mismatch");
    assert_eq!(d.deployment.context_path.as_deref(), Some("/jira"));
}

/// First paint (issue 12 item 5): the page alone, no request, marked provisional — what its meta
/// tags say (Jira, the version) — and nothing the REST API said, so no credential may go with
/// it; the full detection then confirms it.
#[test]
fn a_page_only_detection_asks_nothing_and_is_provisional() {
    use jira_token_wizard::detect::{DetectFlow, DetectOptions};
    let opts = DetectOptions {
        page_only: true,
        ..Default::default()
    };
    let flow = DetectFlow::for_page(common::page("dc-9.12-cluster"), opts).unwrap();
    let (first, rounds) = common::drive(flow, |_| panic!("a page-only detection asks nothing"));
    assert_eq!(rounds, 0);
    assert!(first.provisional);
    assert_eq!(first.deployment.product, Product::Jira);
    assert!(first.requests.is_empty());
    assert_eq!(
        first.deployment.reached_base_url, None,
        "no credential goes with it"
    );
    assert!(
        !first
            .warnings
            .iter()
            .any(|w| w.code == Code::HostPermissionNeeded),
        "not asking is the point, not a missing grant"
    );
    let (full, rounds) = common::detect("dc-9.12-cluster");
    assert!(rounds > 0);
    assert!(!full.provisional);
    assert_eq!(full.deployment.product, first.deployment.product);
    assert_eq!(
        full.deployment.version, first.deployment.version,
        "the page said it first"
    );
    assert!(full.deployment.reached_base_url.is_some());
}

/// Mutation "Data Center without self-managed": a cluster node id on a Cloud answer (Atlassian's
/// own nodes) does not make Cloud a Data Center (facts §1.4: X-ANODEID means DC only on a
/// self-managed Jira).
#[test]
fn a_node_id_on_cloud_is_not_data_center() {
    use jira_token_wizard::detect::{DetectFlow, DetectOptions};
    use jira_token_wizard::http::Exchange;
    let flow = DetectFlow::for_page(common::page("cloud"), DetectOptions::default()).unwrap();
    let (d, _) = common::drive(flow, |req| {
        let mut ex = match req.id.as_str() {
            "server_info" => common::answer("cloud", "serverinfo-anon"),
            _ => common::answer("cloud", "tenant-info"),
        };
        if let Exchange::Response(r) = &mut ex {
            r.headers.insert("x-anodeid".into(), "i-0abc".into());
        }
        ex
    });
    assert_eq!(d.deployment.hosting, Some(Hosting::Cloud));
    assert_eq!(d.deployment.edition, None, "{:?}", d.deployment.evidence);
    assert!(
        d.deployment.summary.en.starts_with("Jira Cloud"),
        "{}",
        d.deployment.summary.en
    );
}

/// Mutation "a Bitbucket page called Jira": Bitbucket's page carries AJS metas a Jira page has
/// too (here a cloud id); it is Bitbucket, and no credential goes to it.
#[test]
fn a_bitbucket_page_is_not_jira() {
    use jira_token_wizard::detect::{DetectFlow, DetectOptions};
    use jira_token_wizard::http::{Exchange, HttpResponse};
    let mut page = jira_token_wizard::page::PageSnapshot {
        url: "https://bitbucket.example.com/projects".into(),
        title: "Projects - Bitbucket".into(),
        body_id: "com-atlassian-bitbucket".into(),
        ..Default::default()
    };
    for (k, v) in [
        ("application-name", "Bitbucket"),
        ("bb-version", "8.19.1"),
        ("ajs-cloud-id", "a436116f-02ce-4520-8fbb-7301462a1674"),
        ("ajs-version-number", "8.19.1"),
    ] {
        page.metas.insert(k.into(), v.into());
    }
    let flow = DetectFlow::for_page(page, DetectOptions::default()).unwrap();
    let (d, _) = common::drive(flow, |_| {
        Exchange::Response(HttpResponse {
            status: 404,
            body: "<html><title>404</title></html>".into(),
            ..HttpResponse::default()
        })
    });
    assert_eq!(
        d.deployment.product,
        Product::Bitbucket,
        "{:?}",
        d.deployment.evidence
    );
    assert_eq!(d.deployment.summary.en, "Bitbucket — this is not Jira");
    assert!(!d.deployment.may_be_jira());
    assert!(d.auth_plan.is_none());
}

/// Mutant (cargo-mutants): `warnings`' `Unknown && answer.is_none()` → `||`. A page that says
/// Jira, on a host the wizard may not ask: the grant is asked for once, and no other warning
/// about serverInfo is made up.
#[test]
fn a_jira_page_without_host_access_asks_for_access_once() {
    use jira_token_wizard::detect::{DetectFlow, DetectOptions};
    let opts = DetectOptions {
        allow_fetch: false,
        ..Default::default()
    };
    let flow = DetectFlow::for_page(common::page("dc-9.12-cluster"), opts).unwrap();
    let (d, rounds) = common::drive(flow, |_| panic!("no request without host access"));
    assert_eq!(rounds, 0);
    assert_eq!(d.deployment.product, Product::Jira);
    let codes: Vec<Code> = d.warnings.iter().map(|w| w.code).collect();
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == Code::HostPermissionNeeded)
            .count(),
        1,
        "{codes:?}"
    );
}

/// Mutant (cargo-mutants): `jira_warnings`' `Failed` arm deleted. A page that says Jira whose
/// serverInfo never answered: the warning says REST could not confirm it, and why.
#[test]
fn a_jira_page_whose_server_info_times_out_says_so() {
    use jira_token_wizard::detect::{DetectFlow, DetectOptions};
    let flow =
        DetectFlow::for_page(common::page("dc-9.12-cluster"), DetectOptions::default()).unwrap();
    let (d, _) = common::drive(flow, |_| jira_token_wizard::http::Exchange::Timeout {
        elapsed_ms: 10_000,
    });
    assert_eq!(d.deployment.product, Product::Jira);
    let w = d
        .warnings
        .iter()
        .find(|w| w.code == Code::ServerInfoUnavailable)
        .unwrap_or_else(|| panic!("{:?}", d.warnings));
    assert!(
        w.cause.en.contains("/rest/api/2/serverInfo did not give")
            && w.cause.en.contains("no answer in 10000 ms"),
        "{}",
        w.cause.en
    );
}

/// A typed address, no page: serverInfo refused anonymously (401) is read for its headers too
/// (X-AUSERNAME, X-ASESSIONID, facts §2.3): the evidence names them.
#[test]
fn a_refused_server_info_is_read_for_its_headers() {
    let flow = jira_token_wizard::detect::DetectFlow::for_url(
        "https://jira.example.com",
        jira_token_wizard::detect::DetectOptions {
            fetch_page: false,
            ..Default::default()
        },
    )
    .unwrap();
    let (d, _) = common::drive(flow, |req| match req.id.as_str() {
        "server_info" => common::answer("serverinfo-needs-login", "serverinfo-anon"),
        other => panic!("unexpected request {other}"),
    });
    assert!(
        d.deployment
            .evidence
            .iter()
            .any(|e| e.contains("X-AUSERNAME")),
        "{:?}",
        d.deployment.evidence
    );
}
