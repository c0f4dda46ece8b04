//! Real Jira answers, as public sources recorded them (`tests/fixtures/real/`, one source per
//! file in `tests/fixtures/real/SOURCES.md`), through the core's public API: detection of
//! recorded serverInfo answers and pages, and the token test's verdict for recorded users,
//! refusals and rate limits.
//!
//! Nothing is made up. A request whose answer the source did not record gets
//! [`not_recorded`] (no answer at all), and every test below asserts only what the recorded
//! answers decide. Where a source recorded an answer on another path than the one the core
//! asks (a refusal of `/rest/api/2/project`, a `/user` answer), the answer stands in for the
//! core's request: SOURCES.md says which, and why the layer that answered is the same.
//! Every file reaches the code SOURCES.md names for it (issue 13 added the last ones:
//! `scope_mismatch`, `ip_not_allowed`, `blocked_by_proxy`, `token_expires_soon`, the
//! rate-limit reasons).
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::auth_plan::AuthMethod;
use jira_token_wizard::catalogue::Code;
use jira_token_wizard::deployment::{Edition, Hosting, Product};
use jira_token_wizard::detect::{DetectFlow, DetectOptions, Detection};
use jira_token_wizard::http::{Exchange, HttpResponse};
use jira_token_wizard::probe::{AuthChoice, CheckInput, CheckResult, ProbeFlow, Secret};
use serde_json::Value;
use std::path::PathBuf;

const DIR: &str = "real";

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

/// A recorded answer as a transport would deliver it.
fn answer(case: &str) -> Exchange {
    common::answer(DIR, case)
}

fn response(case: &str) -> HttpResponse {
    answer(case)
        .response()
        .cloned()
        .expect("a recorded response")
}

/// What a request gets when the source recorded no answer for it: none at all.
fn not_recorded() -> Exchange {
    Exchange::Unreachable {
        elapsed_ms: 1,
        detail: "not recorded by the source".into(),
    }
}

/// Detection of a typed URL whose serverInfo answer is the recorded one (tenant_info, asked
/// on Atlassian hosts, was not recorded).
fn detect_url(url: &str, server_info: &str) -> Detection {
    let flow = DetectFlow::for_url(url, DetectOptions::default()).expect("url");
    let (d, _) = common::drive(flow, |req| match req.id.as_str() {
        "server_info" => answer(server_info),
        _ => not_recorded(),
    });
    d
}

/// Detection of a tab showing a recorded page; the instance's serverInfo was not recorded.
fn detect_page(url: &str, page: &str) -> Detection {
    let snapshot = jira_token_wizard::html::read(&response(page), url);
    let flow = DetectFlow::for_page(snapshot, DetectOptions::default()).expect("page url");
    common::drive(flow, |_| not_recorded()).0
}

/// Detection of a recorded page whose serverInfo answered as Jira with `version`: a credential
/// goes only where REST answered as Jira, never on the page's word alone (SECURITY.md §7.1).
fn detect_answered(url: &str, page: &str, version: &str) -> Detection {
    let snapshot = jira_token_wizard::html::read(&response(page), url);
    let flow = DetectFlow::for_page(snapshot, DetectOptions::default()).expect("page url");
    let info = serde_json::json!({"baseUrl": url.trim_end_matches('/'), "version": version, "deploymentType": "Server"});
    common::drive(flow, |req| match req.id.as_str() {
        "server_info" => Exchange::Response(HttpResponse {
            status: 200,
            headers: [("content-type".to_string(), "application/json".to_string())].into(),
            body: info.to_string(),
            ..HttpResponse::default()
        }),
        _ => not_recorded(),
    })
    .0
}

fn input(login: &str, auth: AuthChoice) -> CheckInput {
    CheckInput {
        login: login.to_string(),
        secret: Secret::new("a-secret-the-answers-never-saw"),
        auth,
        target: Default::default(),
        required_permissions: vec![],
        project: None,
        gateway: None,
        timeout_ms: 10_000,
        key_material: None,
        now: None,
    }
}

/// The token test against `detection`, answering request ids from `answers`.
fn check(detection: Detection, input: CheckInput, answers: &[(&str, &str)]) -> CheckResult {
    let flow = ProbeFlow::new(input, detection).expect("valid input");
    common::drive(flow, |req| {
        match answers.iter().find(|(id, _)| *id == req.id) {
            Some((_, case)) => answer(case),
            None => not_recorded(),
        }
    })
    .0
}

struct Detected {
    case: &'static str,
    url: &'static str,
    hosting: Hosting,
    edition: Option<Edition>,
    version: &'static str,
    build: u64,
    title: &'static str,
    method: AuthMethod,
}

const SERVER_INFO: &[Detected] = &[
    Detected {
        case: "cloud-serverinfo",
        url: "https://demo.atlassian.net/",
        hosting: Hosting::Cloud,
        edition: None,
        version: "1001.0.0-SNAPSHOT",
        build: 100204,
        title: "Jira",
        method: AuthMethod::ApiToken,
    },
    // facts §1.4: X-ANODEID is a cluster node, so Data Center; serverInfo itself says "Server".
    Detected {
        case: "dc-8.5.3-cluster-serverinfo",
        url: "http://jira.moscow.alfaintra.net/",
        hosting: Hosting::SelfManaged,
        edition: Some(Edition::DataCenter),
        version: "8.5.3",
        build: 805003,
        title: "Alfa-bank Issue Tracker",
        method: AuthMethod::Basic,
    },
    // No headers were recorded, so nothing tells Data Center from Server.
    Detected {
        case: "dc-9.12.15-serverinfo-anonymous",
        url: "https://issues.redhat.com/",
        hosting: Hosting::SelfManaged,
        edition: None,
        version: "9.12.15",
        build: 9120015,
        title: "Red Hat Issue Tracker",
        method: AuthMethod::Pat,
    },
    Detected {
        case: "dc-10.3.19-serverinfo",
        url: "https://jira.slac.stanford.edu/",
        hosting: Hosting::SelfManaged,
        edition: None,
        version: "10.3.19",
        build: 10030019,
        title: "SLAC JIRA",
        method: AuthMethod::Pat,
    },
];

#[test]
fn recorded_server_info_answers_are_detected() {
    for want in SERVER_INFO {
        let d = detect_url(want.url, want.case);
        let dep = &d.deployment;
        let c = want.case;
        assert_eq!(dep.product, Product::Jira, "{c}");
        assert_eq!(dep.hosting, Some(want.hosting), "{c}");
        assert_eq!(dep.edition, want.edition, "{c}");
        assert_eq!(dep.version.as_deref(), Some(want.version), "{c}");
        assert_eq!(dep.build_number, Some(want.build), "{c}");
        assert_eq!(dep.server_title.as_deref(), Some(want.title), "{c}");
        assert_eq!(
            dep.base_url.as_deref(),
            Some(want.url.trim_end_matches('/')),
            "{c}"
        );
        assert_eq!(
            d.auth_plan.as_ref().map(|p| p.method),
            Some(want.method),
            "{c}"
        );
        let codes: Vec<Code> = d.warnings.iter().map(|w| w.code).collect();
        assert!(
            !codes.contains(&Code::BaseUrlMismatch) && !codes.contains(&Code::VersionUnknown),
            "{c}: {codes:?}"
        );
    }
}

#[test]
fn the_cluster_node_of_the_recorded_data_center_is_kept() {
    let d = detect_url(
        "http://jira.moscow.alfaintra.net/",
        "dc-8.5.3-cluster-serverinfo",
    );
    assert_eq!(
        d.deployment.cluster_node.as_deref(),
        Some("jira_node_atlapg.moscow.alfaintra.net")
    );
}

/// The CAPTCHA pages name the Jira and its version in their meta tags (facts §2.1).
#[test]
fn recorded_error_pages_say_jira_and_version() {
    for (case, url, version) in [
        (
            "server-8.20.8-captcha-403",
            "https://my-jira.my-company.com/",
            "8.20.8",
        ),
        (
            "server-8.0.2-captcha-403",
            "http://localhost:8080/",
            "8.0.2",
        ),
    ] {
        let d = detect_page(url, case);
        assert_eq!(d.deployment.product, Product::Jira, "{case}");
        assert_eq!(d.deployment.hosting, Some(Hosting::SelfManaged), "{case}");
        assert_eq!(d.deployment.version.as_deref(), Some(version), "{case}");
    }
}

/// facts §4.3: Seraph locked the account; the login-url is on the Jira host, so it is shown.
/// The 8.20.8 answer says AUTHENTICATED_FAILED in X-Seraph-LoginReason (the 8.0.2 one says
/// AUTHENTICATION_DENIED): the CAPTCHA header decides, not the reason.
#[test]
fn recorded_captcha_lockouts_need_the_browser_login() {
    for (case, url, login_url, version) in [
        (
            "server-8.20.8-captcha-403",
            "https://my-jira.my-company.com/",
            "https://my-jira.my-company.com/login.jsp",
            "8.20.8",
        ),
        (
            "server-8.0.2-captcha-403",
            "http://localhost:8080/",
            "http://localhost:8080/login.jsp",
            "8.0.2",
        ),
    ] {
        let result = check(
            detect_answered(url, case, version),
            input("jdoe", AuthChoice::Basic),
            &[("myself", case)],
        );
        assert_eq!(result.verdict.code, Code::CaptchaRequired, "{case}");
        assert_eq!(result.login_url.as_deref(), Some(login_url), "{case}");
    }
}

/// facts §4.1: a Cloud site refusing an e-mail + API token pair.
#[test]
fn recorded_cloud_401_rejects_the_credentials() {
    let result = check(
        detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
        input("someone@example.com", AuthChoice::ApiToken),
        &[("myself", "cloud-401-api-token-rejected")],
    );
    assert_eq!(result.verdict.code, Code::CredentialsRejected);
}

/// facts §4.4: on Data Center 10.3.19 an expired PAT gets this 401 ("When it expires").
#[test]
fn recorded_dc_10_401_for_an_expired_pat_is_an_unrecognized_token() {
    let result = check(
        detect_url("https://jira.slac.stanford.edu/", "dc-10.3.19-serverinfo"),
        input("", AuthChoice::Pat),
        &[("myself", "dc-10.3.19-401-expired-pat")],
    );
    assert_eq!(result.verdict.code, Code::TokenNotRecognized);
    assert!(
        result
            .verdict
            .fix
            .en
            .contains("https://jira.slac.stanford.edu/secure/ViewProfile.jspa"),
        "{}",
        result.verdict.fix.en
    );
}

/// facts §4.7: 429s, Cloud's documented ones and a Data Center's Tomcat page. The core's
/// verdict does not depend on the deployment here; the Data Center one runs against the
/// SLAC detection because the reporter's instance was not recorded.
#[test]
fn recorded_429s_are_rate_limits() {
    for (case, retry) in [
        ("cloud-429-burst-docs-example", Some("Retry-After: 1)")),
        ("cloud-429-quota-docs-example", Some("Retry-After: 1847)")),
    ] {
        let result = check(
            detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
            input("someone@example.com", AuthChoice::ApiToken),
            &[("myself", case)],
        );
        assert_eq!(result.verdict.code, Code::RateLimited, "{case}");
        if let Some(retry) = retry {
            assert!(
                result.verdict.cause.en.contains(retry),
                "{case}: {}",
                result.verdict.cause.en
            );
        }
    }
    let result = check(
        detect_url("https://jira.slac.stanford.edu/", "dc-10.3.19-serverinfo"),
        input("", AuthChoice::Pat),
        &[("myself", "dc-429-rate-limited")],
    );
    assert_eq!(result.verdict.code, Code::RateLimited);
}

/// facts §5.3: Atlassian's documented Cloud `/myself` answer — `accountId` and e-mail, with
/// `key` and `name` present but empty.
#[test]
fn recorded_cloud_user_is_accepted_and_named_by_its_email() {
    let result = check(
        detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
        input("mia@example.com", AuthChoice::ApiToken),
        &[("myself", "cloud-myself-docs-example")],
    );
    assert_eq!(result.verdict.code, Code::Ok, "{}", result.verdict.cause.en);
    let user = result.user.expect("user");
    assert_eq!(user.account_id.as_deref(), Some("5b10a2844c20165700ede21g"));
    assert_eq!(user.name, None, "an empty name is no name");
    assert_eq!(user.label(), "Mia Krystof (mia@example.com)");
    // Another e-mail is another account.
    let other = check(
        detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
        input("someone@example.com", AuthChoice::ApiToken),
        &[("myself", "cloud-myself-docs-example")],
    );
    assert_eq!(other.verdict.code, Code::UserMismatch);
}

/// facts §5.3: a Server/DC user object (`name`, `key`, `emailAddress`), recorded from a Jira
/// Software 9.6.0 as the answer of `/user`; `/myself` answers the same object. The
/// deployment is the recorded 8.5.3 Data Center (Basic: myself first, then permissions).
#[test]
fn recorded_server_user_is_accepted_by_username() {
    let detection = detect_url(
        "http://jira.moscow.alfaintra.net/",
        "dc-8.5.3-cluster-serverinfo",
    );
    let result = check(
        detection.clone(),
        input("cloud", AuthChoice::Basic),
        &[("myself", "dc-9.6.0-user")],
    );
    assert_eq!(result.verdict.code, Code::Ok, "{}", result.verdict.cause.en);
    let user = result.user.expect("user");
    assert_eq!(user.key.as_deref(), Some("JIRAUSER10001"));
    assert_eq!(user.label(), "Cloud Strife (cloud)");
    let other = check(
        detection,
        input("admin", AuthChoice::Basic),
        &[("myself", "dc-9.6.0-user")],
    );
    assert_eq!(other.verdict.code, Code::UserMismatch);
}

/// facts §4.7: Data Center sends `Retry-After: 0` and `X-RateLimit-*` on healthy answers; a
/// 200 carrying them is no rate limit, and the headers stay in the request log. The 200 was
/// recorded for `/rest/api/2/project` (body not recorded); the user is the recorded one.
#[test]
fn a_recorded_200_with_retry_after_0_is_no_rate_limit() {
    let result = check(
        detect_url("https://jira.slac.stanford.edu/", "dc-10.3.19-serverinfo"),
        input("", AuthChoice::Pat),
        &[
            ("myself", "dc-9.6.0-user"),
            ("projects", "server-8.20.8-200-ratelimit-headers"),
        ],
    );
    assert_eq!(result.verdict.code, Code::Ok, "{}", result.verdict.cause.en);
    assert!(result.warnings.iter().all(|w| w.code != Code::RateLimited));
    let logged = result
        .requests
        .iter()
        .find(|r| r.id == "projects")
        .expect("projects logged");
    assert_eq!(
        logged.headers.get("retry-after").map(String::as_str),
        Some("0")
    );
    assert_eq!(
        logged
            .headers
            .get("x-ratelimit-remaining")
            .map(String::as_str),
        Some("29")
    );
}

/// A recorded answer whose source gave no status, with `status` substituted — only where the
/// verdict must not depend on it (the test says so).
fn with_status(case: &str, status: u16) -> Exchange {
    let path = dir().join(format!("{case}.json"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let r = &v["response"];
    assert!(r["status"].is_null(), "{case} has a status: use answer()");
    let headers = r["headers"].as_object().unwrap();
    Exchange::Response(HttpResponse {
        status,
        headers: jira_token_wizard::http::normalize_headers(
            headers
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or(""))),
        ),
        body: r["body"].as_str().unwrap().to_string(),
        ..HttpResponse::default()
    })
}

/// facts §3.2: a token with scopes, but not the ones asked for, answered by the gateway. The
/// site's answer is the recorded Cloud 401 (a scoped token gets the same as a wrong one); the
/// demo site's cloud id was not recorded, so a plausible one stands in.
#[test]
fn recorded_gateway_401_is_a_scope_mismatch() {
    let mut detection = detect_url("https://demo.atlassian.net/", "cloud-serverinfo");
    detection.deployment.cloud_id = Some("a436116f-02ce-4520-8fbb-7301462a1674".into());
    let mut i = input("someone@example.com", AuthChoice::ApiToken);
    i.gateway = Some("https://api.atlassian.com".into());
    let result = check(
        detection,
        i,
        &[
            ("myself", "cloud-401-api-token-rejected"),
            ("gateway_myself", "gateway-401-scope-mismatch"),
        ],
    );
    assert_eq!(
        result.verdict.code,
        Code::ScopeMismatch,
        "{}",
        result.verdict.cause.en
    );
    assert!(
        result
            .verdict
            .fix
            .en
            .contains("read:jira-user, read:jira-work"),
        "{}",
        result.verdict.fix.en
    );
}

/// Cloud's IP allowlist refusal (status not recorded: the body decides, whatever the status).
#[test]
fn recorded_ip_allowlist_refusal_is_ip_not_allowed() {
    for status in [401, 403] {
        let detection = detect_url("https://demo.atlassian.net/", "cloud-serverinfo");
        let flow = ProbeFlow::new(
            input("someone@example.com", AuthChoice::ApiToken),
            detection,
        )
        .unwrap();
        let result = common::drive(flow, |req| match req.id.as_str() {
            "myself" => with_status("cloud-ip-allowlist-refusal", status),
            _ => not_recorded(),
        })
        .0;
        assert_eq!(result.verdict.code, Code::IpNotAllowed, "{status}");
        assert!(
            result.verdict.fix.en.contains("egress"),
            "{}",
            result.verdict.fix.en
        );
    }
}

/// CloudFront's block page where Jira's JSON was asked, on a site whose serverInfo answered as
/// Jira: something in front of Jira answered. (Recorded for serverInfo; it stands in for `/myself`.)
#[test]
fn recorded_cloudfront_block_is_blocked_by_proxy() {
    let result = check(
        detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
        input("someone@example.com", AuthChoice::ApiToken),
        &[("myself", "cloud-403-cloudfront-block")],
    );
    assert_eq!(
        result.verdict.code,
        Code::BlockedByProxy,
        "{}",
        result.verdict.cause.en
    );
    assert!(
        result.verdict.cause.en.contains("CloudFront"),
        "{}",
        result.verdict.cause.en
    );
}

/// facts §3.3: SLAC's token list names one token, so it is the one used; 90 days after its
/// creation it expires on 2026-12-03. The user is the recorded Server/DC one.
#[test]
fn recorded_pat_list_tells_the_expiry() {
    for (now, warned, days) in [
        ("2026-11-25T00:00:00Z", true, 8),
        ("2026-09-05T00:00:00Z", false, 89),
    ] {
        let mut i = input("", AuthChoice::Pat);
        i.now = Some(now.into());
        let result = check(
            detect_url("https://jira.slac.stanford.edu/", "dc-10.3.19-serverinfo"),
            i,
            &[
                ("myself", "dc-9.6.0-user"),
                ("pat_tokens", "dc-10.3.19-pat-list"),
            ],
        );
        let e = result.token_expiry.as_ref().expect("expiry");
        assert_eq!(
            (e.name.as_str(), e.date.as_deref(), e.days_left),
            ("test", Some("2026-12-03"), Some(days)),
            "{now}"
        );
        let w = result
            .warnings
            .iter()
            .any(|w| w.code == Code::TokenExpiresSoon);
        assert_eq!(w, warned, "{now}");
    }
}

/// facts §4.7: `RateLimit-Reason` says which limit; Atlassian's beta quota headers ride on
/// answers that succeed (status not recorded): on a 200 they are no limit, on a 429 the cause
/// names `Beta-Retry-After`.
#[test]
fn recorded_rate_limit_reasons_are_explained() {
    for (case, says) in [
        (
            "cloud-429-burst-docs-example",
            "RateLimit-Reason: jira-burst-based — too many requests in a short burst",
        ),
        (
            "cloud-429-quota-docs-example",
            "RateLimit-Reason: jira-quota-global-based — the hourly quota is used up",
        ),
    ] {
        let result = check(
            detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
            input("someone@example.com", AuthChoice::ApiToken),
            &[("myself", case)],
        );
        assert!(
            result.verdict.cause.en.contains(says),
            "{case}: {}",
            result.verdict.cause.en
        );
    }
    let beta = |status: u16, projects: bool| {
        let flow = ProbeFlow::new(
            input("mia@example.com", AuthChoice::ApiToken),
            detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
        )
        .unwrap();
        common::drive(flow, |req| match (req.id.as_str(), projects) {
            ("myself", false) => with_status("cloud-beta-quota-exceeded-docs-example", status),
            ("myself", true) => answer("cloud-myself-docs-example"),
            ("projects", true) => with_status("cloud-beta-quota-exceeded-docs-example", status),
            _ => not_recorded(),
        })
        .0
    };
    let limited = beta(429, false);
    assert_eq!(limited.verdict.code, Code::RateLimited);
    assert!(
        limited.verdict.cause.en.contains("Beta-Retry-After: 50"),
        "{}",
        limited.verdict.cause.en
    );
    assert_eq!(beta(200, true).verdict.code, Code::Ok);
}

fn sources() -> String {
    std::fs::read_to_string(dir().join("SOURCES.md")).expect("SOURCES.md")
}

#[test]
fn every_real_fixture_has_a_source_and_the_recorded_shape() {
    let sources = sources();
    let mut seen = 0;
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        seen += 1;
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let source = v["source"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: source"));
        assert!(
            sources.contains(&format!("`{name}`")),
            "{name} is not in SOURCES.md"
        );
        assert!(
            sources.contains(&format!("[{source}]")),
            "{name}: source {source} is not in SOURCES.md"
        );
        let r = &v["response"];
        assert!(
            r["status"].is_u64() || r["status"].is_null(),
            "{name}: status"
        );
        assert!(r["headers"].is_object() && r["body"].is_string(), "{name}");
        assert!(r["headersRecorded"].is_boolean(), "{name}");
        assert!(v["request"]["path"].is_string(), "{name}");
    }
    assert!(seen >= 19, "{seen} fixtures");
}

#[test]
fn no_real_answer_awaits_a_code() {
    let sources = sources();
    let awaiting = sources.split("## Awaiting codes").nth(1).unwrap_or("");
    let awaiting = awaiting.split("\n## ").next().unwrap_or("");
    assert!(
        !awaiting.contains(".json`"),
        "SOURCES.md still lists answers awaiting a code: {awaiting}"
    );
}
