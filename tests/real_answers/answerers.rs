//! Recorded answers for the verdict procedure: who answered (Jira, Atlassian's edge, a device in
//! front of Jira, another application), then the status class, then Jira's words. Each file is
//! asked the way SOURCES.md's table says ("asked"), and gets the answerer and verdict it names —
//! where this test and the table differ, the comment says why (the wire decides, not the source).

use super::*;
use jira_token_wizard::probe::Answerer;

const CLOUD: &str = "https://demo.atlassian.net/";
const DC: &str = "https://jira.slac.stanford.edu/";

fn cloud() -> Detection {
    detect_url(CLOUD, "cloud-serverinfo")
}

fn dc() -> Detection {
    detect_url(DC, "dc-10.3.19-serverinfo")
}

/// A Data Center 11.3 (the simulator's recorded-shape serverInfo): the recorded DC 11.3 refusal
/// is read against the version it came from.
fn dc11() -> Detection {
    let flow =
        DetectFlow::for_url("https://jira.example.com/", DetectOptions::default()).expect("url");
    common::drive(flow, |req| match req.id.as_str() {
        "server_info" => common::answer("dc-11.3", "serverinfo-anon"),
        _ => not_recorded(),
    })
    .0
}

#[test]
fn jira_11_refusing_a_password_says_basic_is_off_by_default() {
    let case = "dc-11.3-403-basic-auth-disabled";
    let result = myself(dc11(), "admin", AuthChoice::Basic, answer(case));
    assert_verdict(&result, case, Answerer::Jira, Code::BasicAuthOffByDefault);
    let v = &result.verdict;
    assert!(v.title.en.contains("Jira 11"), "{}", v.title.en);
    assert!(v.fix.en.contains("personal access token") && v.fix.en.contains("service account"));
    assert!(v.fix.ru.contains("сервисной учётной записи"));
    for t in [&v.title, &v.cause, &v.fix] {
        assert!(
            !t.en.contains('{') && !t.ru.contains('{'),
            "a placeholder left: {t:?}"
        );
    }
    // "Automatic" with a password-shaped secret on Jira 11 is sent as the password it is, and
    // gets the same verdict.
    let result = myself(dc11(), "admin", AuthChoice::Auto, answer(case));
    assert_eq!(result.verdict.code, Code::BasicAuthOffByDefault);
}

/// The token test whose `/myself` gets `ex` (every other request: not recorded).
fn myself(detection: Detection, login: &str, auth: AuthChoice, ex: Exchange) -> CheckResult {
    let flow = ProbeFlow::new(input(login, auth), detection).expect("valid input");
    common::drive(flow, |req| match req.id.as_str() {
        "myself" => ex.clone(),
        _ => not_recorded(),
    })
    .0
}

/// Detection whose serverInfo got `ex` — of a typed URL (`page: None`) or of a tab showing a
/// Jira page (the simulator's Data Center page) — then the token test on it.
fn server_info(page: bool, ex: Exchange) -> CheckResult {
    let detection = if page {
        let flow = DetectFlow::for_page(common::page("dc-9.12-cluster"), DetectOptions::default())
            .expect("page url");
        common::drive(flow, |req| match req.id.as_str() {
            "server_info" => ex.clone(),
            _ => not_recorded(),
        })
        .0
    } else {
        let flow = DetectFlow::for_url("https://jira.example.com/", DetectOptions::default())
            .expect("url");
        common::drive(flow, |req| match req.id.as_str() {
            "server_info" => ex.clone(),
            _ => not_recorded(),
        })
        .0
    };
    let flow = ProbeFlow::new(input("admin", AuthChoice::Basic), detection).expect("valid input");
    let mut sent = 0;
    let result = common::drive(flow, |_| {
        sent += 1;
        not_recorded()
    })
    .0;
    assert_eq!(sent, 0, "nothing goes where REST did not confirm Jira");
    result
}

fn assert_verdict(result: &CheckResult, case: &str, who: Answerer, code: Code) {
    assert_eq!(
        result.verdict.code, code,
        "{case}: {}",
        result.verdict.cause.en
    );
    assert_eq!(
        result.answered_by, who,
        "{case}: {}",
        result.verdict.cause.en
    );
}

#[test]
fn recorded_answers_to_the_credential_name_who_answered() {
    use AuthChoice::{ApiToken, Basic, Pat};
    #[rustfmt::skip]
    let table: &[(&str, bool, &str, AuthChoice, Answerer, Code)] = &[
        // (file, on Cloud?, login, method, who, verdict)
        ("cloud-403-bearer-connect-session", true, "someone@example.com", Pat, Answerer::Jira, Code::WrongAuthMethod),
        ("cloud-401-myself-plain-line", true, "someone@example.com", ApiToken, Answerer::Jira, Code::CredentialsRejected),
        ("cloud-410-search-removed", true, "someone@example.com", ApiToken, Answerer::Jira, Code::UnexpectedResponse),
        ("cloud-410-v2-search-removed-atlassianedge", true, "someone@example.com", ApiToken, Answerer::Jira, Code::UnexpectedResponse),
        // SOURCES says atlassian_edge (`Server: AtlassianProxy`); the body is Jira's own sentence,
        // which the wire reading takes as Jira's word: the verdict is the same.
        ("cloud-401-password-deprecated-atlassianproxy", true, "someone@example.com", ApiToken, Answerer::Jira, Code::PasswordNotAccepted),
        ("atlassian-edge-502-globaledge-envoy", true, "someone@example.com", ApiToken, Answerer::AtlassianEdge, Code::ServerError),
        ("atlassian-edge-503-page-access-unauthorized", true, "someone@example.com", ApiToken, Answerer::AtlassianEdge, Code::ServerError),
        // SOURCES says jira (Jira Cloud's "Oops" page); no header was recorded and the page has
        // none of Jira's metas, so on an Atlassian host the wire says the edge. Still a 429.
        ("cloud-429-oops-page", true, "someone@example.com", ApiToken, Answerer::AtlassianEdge, Code::RateLimited),
        ("iis-502-in-front-of-jira", false, "admin", Basic, Answerer::DeviceInFront, Code::ServerError),
        ("apache-502-proxy-error-in-front-of-jira", false, "admin", Basic, Answerer::DeviceInFront, Code::ServerError),
        ("nginx-504-gateway-timeout", false, "admin", Basic, Answerer::DeviceInFront, Code::ServerError),
        ("jira-500-internal-server-error-json", false, "admin", Basic, Answerer::Jira, Code::ServerError),
        ("dc-11.3-403-basic-auth-disabled", false, "admin", Basic, Answerer::Jira, Code::BasicAuthDisabled),
        ("server-200-authentication-denied-apache", false, "jaybuff", Basic, Answerer::Jira, Code::CaptchaRequired),
    ];
    for (case, on_cloud, login, auth, who, code) in table {
        let detection = if *on_cloud { cloud() } else { dc() };
        let result = myself(detection, login, *auth, answer(case));
        assert_verdict(&result, case, *who, *code);
    }
    // Status not recorded: the verdict must not depend on it where the table says so.
    for status in [200, 403] {
        let case = "f5-waf-request-rejected-page";
        let result = myself(dc(), "admin", Basic, with_status(case, status));
        assert_verdict(&result, case, Answerer::DeviceInFront, Code::BlockedByProxy);
        assert!(
            result.verdict.cause.en.contains("WAF block page"),
            "{}",
            result.verdict.cause.en
        );
    }
    // Jira's own login page for a REST call (status not recorded; after a redirect: a 200).
    let case = "dc-9.12.12-login-page-for-rest-post";
    let result = myself(dc(), "", Pat, with_status(case, 200));
    assert_verdict(&result, case, Answerer::Jira, Code::SsoLoginPage);
}

#[test]
fn recorded_answers_to_server_info_name_who_answered_and_send_nothing() {
    // (file, a Jira page in the tab?, who, verdict)
    #[rustfmt::skip]
    let table: &[(&str, bool, Answerer, Code)] = &[
        ("squid-407-cache-access-denied", false, Answerer::DeviceInFront, Code::ProxyAuthRequired),
        ("squid-403-access-denied-headers", false, Answerer::DeviceInFront, Code::BlockedByProxy),
        ("nginx-502-bad-gateway", false, Answerer::DeviceInFront, Code::ServerError),
        // A CDN's refusal where the page in the tab is Jira: something in front of it.
        ("akamai-403-access-denied", true, Answerer::DeviceInFront, Code::BlockedByProxy),
        // Typed, with no page: nothing says a device — the address's own server refused.
        ("akamai-403-access-denied", false, Answerer::OtherApp, Code::NotJira),
        // Jira's own 404 under a wrong base path: Jira's marks, never not_jira.
        ("cloud-404-dead-link-extra-path", false, Answerer::Jira, Code::UnexpectedResponse),
        // SOURCES says jira (by the source's word); the recorded wire carries no mark at all.
        ("server-503-not-configured-serverinfo", false, Answerer::OtherApp, Code::ServerError),
    ];
    for (case, page, who, code) in table {
        let result = server_info(*page, answer(case));
        assert_verdict(&result, case, *who, *code);
        assert!(
            result.not_sent.is_some(),
            "{case}: says why nothing was sent"
        );
    }
    let case = "atlassian-marketing-page-instead-of-jira";
    let result = server_info(false, with_status(case, 200));
    assert_verdict(&result, case, Answerer::OtherApp, Code::NotJira);
}

#[test]
fn a_token_endpoint_refusing_unknown_client_credentials_names_the_client() {
    let case = "auth0-401-client-credentials-access-denied";
    let mut i = input("sim-client-id", AuthChoice::ClientCredentials);
    i.gateway = Some("https://api.atlassian.com".into());
    let flow = ProbeFlow::new(i, cloud()).expect("valid input");
    let (result, _) = common::drive(flow, |req| match req.id.as_str() {
        "client_token" => answer(case),
        // The site's cloud id was not recorded with its serverInfo: asked beside the token.
        "tenant_info" => not_recorded(),
        other => panic!("nothing after a refused client: {other}"),
    });
    assert_eq!(
        result.verdict.code,
        Code::ClientCredentialsRejected,
        "{}",
        result.verdict.cause.en
    );
    assert!(
        result
            .verdict
            .cause
            .en
            .contains("access_denied: Unauthorized"),
        "{}",
        result.verdict.cause.en
    );
    assert!(result
        .verdict
        .cause
        .en
        .contains("https://auth.atlassian.com/oauth/token"));
}
