//! The hand-made mutations of the core that no test used to catch: each test below fails on
//! the mutation its comment names (tests/README.md lists them).

use super::*;
use crate::answerer::{case, run_answers};
use jira_token_wizard::probe::Answerer;

fn with_header(mut ex: Exchange, name: &str, value: Option<&str>) -> Exchange {
    if let Exchange::Response(r) = &mut ex {
        match value {
            Some(v) => {
                r.headers.insert(name.into(), v.into());
            }
            None => {
                r.headers.remove(name);
            }
        }
    }
    ex
}

/// Mutation: "a 200 answer with `X-AUSERNAME: anonymous` accepted". Jira answered as the
/// anonymous user: the PAT was not taken.
#[test]
fn a_user_answer_for_anonymous_is_an_ignored_token() {
    let c = case("dc-9.12-cluster", "", Pat, &[], Code::TokenNotRecognized);
    let result = run_answers(&c, |req| match req.id.as_str() {
        "myself" => with_header(
            common::answer("dc-9.12-cluster", "myself-pat-ok"),
            "x-ausername",
            Some("anonymous"),
        ),
        "mypermissions" => common::answer("dc-9.12-cluster", "mypermissions"),
        "projects" => common::answer("dc-9.12-cluster", "project-list"),
        _ => common::answer("dc-9.12-cluster", "pat-list"),
    });
    assert_eq!(
        result.verdict.code,
        Code::TokenNotRecognized,
        "{}",
        result.verdict.cause.en
    );
    assert!(result.snippet.is_none());
}

/// Mutation: "the service-account branch of the refusals dropped". A service account's token
/// sent as Bearer to the site is scoped and needs the gateway, not "wrong auth method" —
/// in Cloud's 401 form and in today's 403 form (facts §7.1).
#[test]
fn a_service_account_bearer_refusal_needs_the_gateway() {
    for (scenario, fixture) in [
        ("cloud", "myself-api-token-as-bearer"),
        ("cloud-bearer-403", "myself-api-token-as-bearer"),
    ] {
        let c = case(
            scenario,
            "svc-sync-k3x9@serviceaccount.atlassian.com",
            Pat,
            &[],
            Code::ScopedTokenNeedsGateway,
        );
        let mut i = input(&c);
        i.gateway = None;
        let flow = ProbeFlow::new(i, detection(scenario)).unwrap();
        let (result, _) = common::drive(flow, |req| match req.id.as_str() {
            "myself" => common::answer(scenario, fixture),
            _ => common::answer(scenario, "mypermissions-anon"),
        });
        assert_eq!(
            result.verdict.code,
            Code::ScopedTokenNeedsGateway,
            "{scenario}: {}",
            result.verdict.cause.en
        );
    }
}

/// Mutation: "CAPTCHA from the reason header alone dropped". Seraph's
/// `X-Seraph-LoginReason: AUTHENTICATION_DENIED` without `X-Authentication-Denied-Reason`
/// (facts §4.3, the 8.0.2 form) is a CAPTCHA all the same.
#[test]
fn captcha_from_the_reason_header_alone() {
    let c = case("captcha", "jdoe", Basic, &[], Code::CaptchaRequired);
    let result = run_answers(&c, |_| {
        let ex = common::answer("captcha", "myself-captcha");
        let ex = with_header(ex, "x-authentication-denied-reason", None);
        with_header(ex, "x-seraph-loginreason", Some("AUTHENTICATION_DENIED"))
    });
    assert_eq!(
        result.verdict.code,
        Code::CaptchaRequired,
        "{}",
        result.verdict.cause.en
    );
    assert_eq!(
        result.login_url, None,
        "no login-url without the header that carries it"
    );
}

/// Mutation: "the PAT cut-off moved from 8.14 to 9.0". Data Center 8.20 has personal access
/// tokens: a good one works, a revoked one is not recognized — never "PATs not supported".
#[test]
fn data_center_8_20_has_personal_access_tokens() {
    let ok = case(
        "dc-8.20",
        "",
        Pat,
        &[
            ("myself", "myself-pat-ok"),
            ("mypermissions", "mypermissions"),
        ],
        Code::Ok,
    );
    let (result, sent, _) = run(&ok);
    assert_eq!(result.verdict.code, Code::Ok, "{}", result.verdict.cause.en);
    assert!(
        sent.iter().any(|r| r.id == "pat_tokens"),
        "the PAT list is asked from 8.14"
    );
    let revoked = case(
        "dc-8.20",
        "",
        Pat,
        &[
            ("myself", "myself-pat-revoked"),
            ("mypermissions", "mypermissions-anon"),
        ],
        Code::TokenNotRecognized,
    );
    let (result, _, _) = run(&revoked);
    assert_eq!(
        result.verdict.code,
        Code::TokenNotRecognized,
        "{}",
        result.verdict.cause.en
    );
    let plan = common::detect("dc-8.20").0.auth_plan.expect("a plan");
    assert_eq!(plan.method, jira_token_wizard::auth_plan::AuthMethod::Pat);
}

/// Mutation (cargo-mutants): `is_login_page` → `false`. A device in front of Jira (no Jira
/// mark) that serves an identity provider's login form for the API is an SSO page, not a
/// proxy's block; an HTML page from the same device without a form stays a block.
#[test]
fn a_login_form_from_a_device_in_front_is_sso_not_a_block() {
    let page = |body: &str| {
        Exchange::Response(HttpResponse {
            status: 200,
            headers: jira_token_wizard::http::normalize_headers([("content-type", "text/html")]),
            body: body.into(),
            ..HttpResponse::default()
        })
    };
    let saml = "<html><body><form method=\"post\" action=\"https://idp.example/sso\">\
        <input type=\"hidden\" name=\"SAMLRequest\" value=\"PHNhbWw+\"/></form></body></html>";
    let banner = "<html><head><title>Access policy</title></head><body>Denied</body></html>";
    for (body, want) in [(saml, Code::SsoLoginPage), (banner, Code::BlockedByProxy)] {
        let c = case("dc-9.12-cluster", "admin", Basic, &[], want);
        let result = run_answers(&c, |req| match req.id.as_str() {
            "myself" => page(body),
            _ => common::answer("dc-9.12-cluster", "mypermissions"),
        });
        assert_eq!(result.verdict.code, want, "{}", result.verdict.cause.en);
        assert_eq!(result.answered_by, Answerer::DeviceInFront);
    }
}

/// Mutation (cargo-mutants): the Atlassian-host context's `||` → `&&`. On a `*.atlassian.net`
/// site an answer with no Jira mark and no edge header is still Atlassian's edge (its host
/// says so): an HTML 404 for an API path is `edge_not_found`, never a proxy's block.
#[test]
fn a_bare_404_page_on_an_atlassian_site_is_the_edge() {
    let bare = Exchange::Response(HttpResponse {
        status: 404,
        headers: jira_token_wizard::http::normalize_headers([("content-type", "text/html")]),
        body: "<html><body>Not found</body></html>".into(),
        ..HttpResponse::default()
    });
    let c = case("cloud", "admin@example.com", Auto, &[], Code::EdgeNotFound);
    let result = run_answers(&c, |_| bare.clone());
    assert_eq!(
        result.verdict.code,
        Code::EdgeNotFound,
        "{}",
        result.verdict.cause.en
    );
    assert_eq!(result.answered_by, Answerer::AtlassianEdge);
}

/// A typed address whose serverInfo only redirected (a login in front of everything, product
/// unknown) is not confirmed as Jira: the credential goes nowhere, the only requests are
/// detection's, and the verdict names the login redirect and says nothing was sent — never
/// `not_jira`, never a credential verdict. The same for the browser's redirect, which `fetch`
/// with `redirect: "manual"` gives as an opaque answer without a status (mutant: the logged
/// answer's `redirect` dropped, status_class.rs `logged_answer`).
#[test]
fn a_typed_address_whose_rest_only_redirects_gets_nothing() {
    for status in [302, 0] {
        rest_only_redirects(status);
    }
}

fn rest_only_redirects(status: u16) {
    use jira_token_wizard::detect::{DetectFlow, DetectOptions};
    let options = DetectOptions {
        fetch_page: false,
        ..DetectOptions::default()
    };
    let flow = DetectFlow::for_url("https://jira.example.com", options).expect("url");
    let (detection, _) = common::drive(flow, |req| match req.id.as_str() {
        "server_info" => Exchange::Response(HttpResponse {
            status,
            redirect: true,
            headers: jira_token_wizard::http::normalize_headers([(
                "location",
                "https://idp.example.com/login?RelayState=x",
            )]),
            ..HttpResponse::default()
        }),
        other => panic!("unexpected detection request {other}"),
    });
    assert!(!detection.deployment.may_be_jira());
    for auth in [Basic, Pat] {
        let c = case("dc-9.12-cluster", "admin", auth, &[], Code::SsoLoginPage);
        let flow = ProbeFlow::new(input(&c), detection.clone()).unwrap();
        let (result, rounds) =
            common::drive(flow, |req| panic!("a credential was sent to {}", req.url));
        assert_eq!(rounds, 0);
        assert_eq!(
            result.verdict.code,
            Code::SsoLoginPage,
            "{status}: {}",
            result.verdict.cause.en
        );
        assert!(
            result.verdict.cause.en.contains("No credential was sent"),
            "{}",
            result.verdict.cause.en
        );
        assert_ne!(result.answered_by, Answerer::Jira);
    }
}

/// Mutation (cargo-mutants): the `tls_untrusted` arm of "why nothing was sent" dropped. A
/// typed address whose serverInfo came with a certificate the machine does not trust got no
/// credential, and the verdict names the certificate — not an unreachable or unknown site.
#[test]
fn an_untrusted_certificate_on_server_info_is_named() {
    use jira_token_wizard::detect::{DetectFlow, DetectOptions};
    use jira_token_wizard::http::CertificateNames;
    let options = DetectOptions {
        fetch_page: false,
        ..DetectOptions::default()
    };
    let flow = DetectFlow::for_url("https://jira.example.com", options).expect("url");
    let (detection, _) = common::drive(flow, |req| match req.id.as_str() {
        "server_info" => Exchange::TlsUntrusted {
            elapsed_ms: 3,
            certificate: CertificateNames {
                subject: "CN=jira.example.com".into(),
                issuer: "CN=Corp Root CA".into(),
            },
            detail: "unknown issuer".into(),
        },
        other => panic!("unexpected detection request {other}"),
    });
    let c = case("dc-9.12-cluster", "admin", Basic, &[], Code::TlsUntrusted);
    let flow = ProbeFlow::new(input(&c), detection).unwrap();
    let mut sent = 0;
    let (result, _) = common::drive(flow, |_| {
        sent += 1;
        common::answer("dc-9.12-cluster", "myself-ok")
    });
    assert_eq!(
        sent, 0,
        "no credential goes to an origin REST has not confirmed"
    );
    assert_eq!(
        result.verdict.code,
        Code::TlsUntrusted,
        "{}",
        result.verdict.cause.en
    );
    assert!(
        result.verdict.cause.en.contains("Corp Root CA"),
        "{}",
        result.verdict.cause.en
    );
}
