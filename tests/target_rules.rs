//! The rules of `src/targets`, `src/auth_plan` and `src/urls` that the other suites left free:
//! each test fails on a mutation of those files that no test used to catch (tests/README.md,
//! "Score", lists them), and states what a user of the wizard or the CLI would see.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::auth_plan::AuthMethod;
use jira_token_wizard::probe::{AuthChoice, CheckInput, ProbeFlow, Scheme, Secret};
use jira_token_wizard::protocol::shell::ShellFacts;
use jira_token_wizard::targets::Target;

fn input(target: Target, login: &str, auth: AuthChoice) -> CheckInput {
    CheckInput {
        login: login.into(),
        secret: Secret::new("s3cret-token-value"),
        auth,
        target,
        required_permissions: vec![],
        project: None,
        gateway: None,
        timeout_ms: 10_000,
        key_material: None,
        now: None,
        calls: Vec::new(),
        expires_on: None,
    }
}

/// Mutants: `Profile::wire_auth` → `None`, its Cloud guard → `true` / `false`, `==` → `!=`.
/// ELMA365's form sends Basic whatever the user picked: on Data Center the account's
/// password — even when the user said "personal access token" — and on Cloud the e-mail and
/// an API token. The page's "what it sends" line reads the same rule.
#[test]
fn elma365_sends_a_password_on_data_center_and_an_api_token_on_cloud() {
    let facts = ShellFacts::get();
    let elma = facts
        .targets
        .iter()
        .find(|t| t.id == Target::Elma365)
        .unwrap();
    assert_eq!(elma.sends_on_cloud, Some(AuthMethod::ApiToken));
    assert_eq!(elma.sends_on_self_managed, Some(AuthMethod::Basic));

    let (d, _) = common::detect("dc-9.12-cluster");
    let flow = ProbeFlow::new(input(Target::Elma365, "admin", AuthChoice::Pat), d).unwrap();
    let mut first_auth = None;
    let (result, _) = common::drive(flow, |req| {
        if first_auth.is_none() {
            first_auth = req
                .headers
                .iter()
                .find(|(k, _)| k == "Authorization")
                .map(|(_, v)| v.clone());
        }
        common::answer("dc-9.12-cluster", "myself-pat-as-basic-password")
    });
    assert_eq!(result.method_in_effect, Some(AuthMethod::Basic));
    assert_eq!(result.scheme, Some(Scheme::Basic));
    assert!(
        first_auth
            .as_deref()
            .is_some_and(|v| v.starts_with("Basic ")),
        "{first_auth:?}"
    );
}

/// Mutants: `guess_context_path`'s `i + 1 == segs.len()` → `!=`, and `+` → `*`. A Jira under
/// `/tracker` opened at a page of its own (`/tracker/Dashboard.jspa`) is tested at `/tracker`,
/// not at a "context path" ending in the page's file name; a dot inside a context path
/// (`/jira.old`) is no file name.
#[test]
fn a_page_file_name_is_not_part_of_the_context_path() {
    use jira_token_wizard::urls::{guess_context_path, parse_http};
    let ctx = |s: &str| guess_context_path(&parse_http(s).unwrap());
    assert_eq!(
        ctx("https://jira.example.com/tracker/Dashboard.jspa"),
        "/tracker"
    );
    assert_eq!(ctx("https://jira.example.com/Dashboard.jspa"), "");
    assert_eq!(
        ctx("https://jira.example.com/jira.old/browse/ABC-1"),
        "/jira.old"
    );
}

/// Mutant: `page_base`'s `|| lower.ends_with("/.")` joined with `&&`. A page may declare its
/// base URL (`ajs-base-url`) only as written: one ending in a dot segment, which WHATWG would
/// quietly resolve to another path, is refused like one with `/./` or `/../` inside.
#[test]
fn a_declared_base_ending_in_a_dot_segment_is_refused() {
    use jira_token_wizard::urls::page_base;
    assert_eq!(
        page_base("https://jira.example.com/jira").as_deref(),
        Some("https://jira.example.com/jira")
    );
    for bad in [
        "https://jira.example.com/jira/.",
        "https://jira.example.com/jira/..",
        "https://jira.example.com/jira/./",
    ] {
        assert_eq!(page_base(bad), None, "{bad}");
    }
}

/// Mutants: `client_credentials_plan`'s `Some(Hosting::Cloud)` arm deleted;
/// `plan_client_credentials`' `cloud` test `==` → `!=`. A Cloud site's
/// detection carries the service account's plan: the family's authorization server for the
/// token and the gateway with the site's cloudId as the Jira address.
#[test]
fn a_cloud_detection_plans_client_credentials_through_the_gateway() {
    let (d, _) = common::detect("cloud");
    let cloud_id = d.deployment.cloud_id.clone().expect("cloud id");
    let cc = d
        .client_credentials_plan
        .expect("a Cloud site has service accounts");
    assert_eq!(cc.method, AuthMethod::ClientCredentials);
    // An organisation admin makes them in Atlassian Administration, not a Jira admin.
    assert_eq!(
        cc.token_page_url.as_deref(),
        Some(jira_token_wizard::auth_plan::CLOUD_SERVICE_ACCOUNTS_PAGE)
    );
    let steps: String = cc.steps.iter().map(|s| s.en.as_str()).collect();
    assert!(
        steps.contains("https://auth.atlassian.com/oauth/token"),
        "{steps}"
    );
    assert!(
        steps.contains(&format!("https://api.atlassian.com/ex/jira/{cloud_id}")),
        "{steps}"
    );
}

/// Mutant: `plan_for_target`'s `d.hosting == Some(Hosting::Cloud)` → `!=`. Service accounts
/// came with Jira 11 Data Center: a Jira 9 or 10 is not offered client credentials, a Cloud
/// site and a Jira 11 are.
#[test]
fn client_credentials_are_offered_on_cloud_and_jira_11_only() {
    let offered = |scenario: &str| {
        let (d, _) = common::detect(scenario);
        let generic = d
            .target_plans
            .iter()
            .find(|p| p.target == Target::Generic)
            .unwrap();
        generic
            .plan
            .alternatives
            .contains(&AuthMethod::ClientCredentials)
    };
    assert!(offered("cloud"));
    assert!(offered("dc-11.3"));
    assert!(!offered("dc-10.3"));
    assert!(!offered("dc-9.12-cluster"));
}

/// Mutant: `base_of` → `String::new()`. ELMA365's plan on Data Center names the Jira address
/// to type into its form, and the profile page where the username is read.
#[test]
fn elma365_is_told_the_jira_address_to_enter() {
    for scenario in ["dc-9.12-cluster", "dc-11.3"] {
        let (d, _) = common::detect(scenario);
        let base = d
            .deployment
            .reached_base_url
            .clone()
            .expect("REST answered as Jira");
        let elma = d
            .target_plans
            .iter()
            .find(|p| p.target == Target::Elma365)
            .unwrap();
        let steps: String = elma.plan.steps.iter().map(|s| s.en.as_str()).collect();
        assert!(
            steps.contains(&format!("enter the Jira address {base},")),
            "{scenario}: {steps}"
        );
        assert!(
            steps.contains(&format!("{base}/secure/ViewProfile.jspa")),
            "{scenario}: {steps}"
        );
    }
}

/// Mutant: `issue_sync`'s `major >= BASIC_OFF_SINCE_MAJOR` → `<`. Issue Sync's technical user
/// is told that its password will not do on Jira 11 (Basic off), and only there.
#[test]
fn issue_sync_is_warned_of_basic_off_on_jira_11_only() {
    let warned = |scenario: &str| {
        let (d, _) = common::detect(scenario);
        let plan = &d
            .target_plans
            .iter()
            .find(|p| p.target == Target::IssueSync)
            .unwrap()
            .plan;
        plan.notes
            .iter()
            .any(|n| n.en.contains("cannot connect with its password"))
    };
    assert!(warned("dc-11.3"));
    assert!(!warned("dc-9.12-cluster"));
    assert!(!warned("dc-10.3"));
}

/// A recorded answer of `scenario` as if recorded at `site` (the simulator records at
/// `http://127.0.0.1:<port>`).
fn answer_at(scenario: &str, case: &str, site: &str) -> jira_token_wizard::http::Exchange {
    use jira_token_wizard::http::{normalize_headers, Exchange, HttpResponse};
    let path = format!(
        "{}/tests/fixtures/{scenario}/{case}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut text = std::fs::read_to_string(&path).unwrap();
    while let Some(i) = text.find("http://127.0.0.1:") {
        let end = text[i + 17..]
            .find(|c: char| !c.is_ascii_digit())
            .map_or(text.len(), |n| i + 17 + n);
        text.replace_range(i..end, site);
    }
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let r = if v["response"].is_object() {
        &v["response"]
    } else {
        &v
    };
    let headers = r["headers"].as_object().unwrap();
    Exchange::Response(HttpResponse {
        status: r["status"].as_u64().unwrap() as u16,
        headers: normalize_headers(
            headers
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_default())),
        ),
        body: r["body"].as_str().unwrap_or_default().to_string(),
        ..HttpResponse::default()
    })
}

const GOV_SITE: &str = "https://acme.atlassian-us-gov-mod.net";

/// The Government Cloud site of the `gov-cloud` scenario, detected from its typed address, and
/// the requests detection sent (`id url`).
fn government_site() -> (jira_token_wizard::detect::Detection, Vec<String>) {
    use jira_token_wizard::detect::{DetectFlow, DetectOptions};
    let flow = DetectFlow::for_url(&format!("{GOV_SITE}/"), DetectOptions::default()).unwrap();
    let mut asked = Vec::new();
    let (d, _) = common::drive(flow, |req| {
        asked.push(format!("{} {}", req.id, req.url));
        let case = match req.id.as_str() {
            "server_info" => "serverinfo-anon",
            "tenant_info" => "tenant-info",
            _ => "page",
        };
        answer_at("gov-cloud", case, GOV_SITE)
    });
    (d, asked)
}

/// Mutants: `Family::jira_path` → `""`; `Family::name` → `""` / `"xyzzy"`. A Government Cloud
/// site serves Jira under `/jira`: a typed site address is asked there, and the site is
/// named as Government Cloud's.
#[test]
fn a_government_cloud_site_is_asked_under_jira_and_named_so() {
    let (d, asked) = government_site();
    assert!(
        asked.contains(&format!(
            "server_info {GOV_SITE}/jira/rest/api/2/serverInfo"
        )),
        "{asked:?}"
    );
    assert_eq!(
        d.deployment.reached_base_url.as_deref(),
        Some(format!("{GOV_SITE}/jira").as_str())
    );
    assert_eq!(
        d.deployment.summary.en,
        format!("Jira Cloud (Atlassian Government Cloud) at {GOV_SITE}/jira")
    );
}

/// Mutant: `split_port`'s `i + 1` after the IPv6 literal → `i - 1`. The browser grants a
/// Jira on an IPv6 address written with a trailing `::` (`[2001:db8::]`, its canonical
/// form): the colons inside the brackets are not a port.
#[test]
fn a_host_permission_for_an_ipv6_jira_ending_in_double_colon_grants_it() {
    use jira_token_wizard::urls::{granted, parse_http};
    let ok = |pattern: &str, url: &str| granted(&[pattern.to_string()], &parse_http(url).unwrap());
    assert!(ok("https://[2001:db8::]/*", "https://[2001:db8::]/"));
    assert!(ok(
        "https://[2001:db8::]:8443/*",
        "https://[2001:db8::]:8443/"
    ));
    assert!(!ok(
        "https://[2001:db8::]:8443/*",
        "https://[2001:db8::]:8080/"
    ));
}

/// Mutants: `family_gateway`'s guard → `false` and its `!=` → `==`. The CLI's default gateway
/// is `https://api.atlassian.com`; a Government site's scoped token, refused at the site, is
/// retried at Government Cloud's own gateway and never reaches the commercial one.
#[test]
fn a_government_token_goes_to_its_own_gateway_not_the_commercial_one() {
    let (d, _) = government_site();
    let mut input = input(Target::Generic, "user@example.com", AuthChoice::ApiToken);
    input.gateway = Some("https://api.atlassian.com".into());
    let flow = ProbeFlow::new(input, d).unwrap();
    let mut sent = Vec::new();
    let (_, _) = common::drive(flow, |req| {
        sent.push(req.url.clone());
        let gateway = req.url.contains("/ex/jira/");
        let case = match (gateway, req.url.contains("/myself")) {
            (false, true) => "myself-scoped-token-on-site",
            (true, true) => "gateway-myself-scoped-token",
            (true, false) => "gateway-mypermissions-scoped-token",
            (false, false) => "mypermissions-anon",
        };
        answer_at("gov-cloud", case, GOV_SITE)
    });
    assert!(
        sent.iter()
            .any(|u| u.starts_with("https://api.atlassian-us-gov-mod.com/ex/jira/")),
        "{sent:?}"
    );
    assert!(
        !sent.iter().any(|u| u.contains("api.atlassian.com")),
        "{sent:?}"
    );
}

/// Mutants: `resolve_method`'s `v < PAT_SINCE` guard → `false` and `<` → `==`. "Automatic"
/// on a Server older than 8.14, which has no personal access tokens, is Basic; from 8.14 on,
/// a PAT (facts §3).
#[test]
fn automatic_is_basic_before_8_14_and_a_pat_from_it() {
    use jira_token_wizard::probe::resolve_method;
    let server = |v: [u32; 3]| {
        let mut d = common::malformed::server_8().deployment;
        d.version_numbers = Some(v.to_vec());
        d
    };
    for (v, want) in [
        ([8, 5, 5], AuthMethod::Basic),
        ([8, 13, 9], AuthMethod::Basic),
        ([8, 14, 0], AuthMethod::Pat),
        ([9, 12, 15], AuthMethod::Pat),
    ] {
        assert_eq!(resolve_method(AuthChoice::Auto, &server(v)), want, "{v:?}");
    }
}
