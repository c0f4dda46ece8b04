//! Recorded serverInfo answers and pages, detected.

use super::*;

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
