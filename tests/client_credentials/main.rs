//! OAuth 2.0 client credentials — a service account's client id and secret exchanged for an
//! access token (Cloud: `auth.atlassian.com/oauth/token`, then Bearer through the gateway;
//! Data Center 11: `{base}/rest/oauth2/latest/token`, then Bearer to `{base}/rest/api/2`) —
//! driven through the core's flow against the simulator's recorded Jira answers and the token
//! endpoints' answers as Atlassian documents them (`tests/fixtures/real/SOURCES.md`).
#![allow(clippy::unwrap_used, clippy::expect_used)]
#[path = "../common/mod.rs"]
mod common;
mod data_center;
mod mutations;

use jira_token_wizard::catalogue::Code;
use jira_token_wizard::http::{Exchange, HttpRequest, HttpResponse, Method};
use jira_token_wizard::probe::{
    AuthChoice, CheckError, CheckInput, CheckResult, ProbeFlow, Secret,
};
use jira_token_wizard::targets::Target;

const CLIENT_ID: &str = "Pb6fDZ1Hq3Rsw0o9nmzcyLkxT2aVEUiJ";
const CLIENT_SECRET: &str = "ATOAclient-secret-the-answers-never-saw_0123456789";
const ACCESS: &str = "eyJhbGciOiJSUzI1NiJ9.access-token-issued-for-the-test.c2lnbmF0dXJl";
const CLOUD_ID: &str = "a436116f-02ce-4520-8fbb-7301462a1674";

fn input(target: Target, gateway: Option<&str>) -> CheckInput {
    CheckInput {
        login: CLIENT_ID.into(),
        secret: Secret::new(CLIENT_SECRET),
        auth: AuthChoice::ClientCredentials,
        target,
        required_permissions: vec![],
        project: None,
        gateway: gateway.map(str::to_string),
        timeout_ms: 10_000,
        key_material: None,
        now: None,
        expires_on: None,
        calls: Vec::new(),
    }
}

fn json(status: u16, body: &str) -> Exchange {
    Exchange::Response(HttpResponse {
        status,
        headers: [("content-type".to_string(), "application/json".to_string())].into(),
        body: body.to_string(),
        ..HttpResponse::default()
    })
}

fn token_ok() -> Exchange {
    json(
        200,
        &format!(
            r#"{{"access_token":"{ACCESS}","expires_in":3600,"token_type":"Bearer","scope":"read:jira-user read:jira-work"}}"#
        ),
    )
}

/// Runs a test on `scenario`'s detection, answering by request id; returns the result and every
/// request sent (for the assertions on where what went).
fn run(
    scenario: &str,
    target: Target,
    gateway: Option<&str>,
    answer: impl Fn(&HttpRequest) -> Exchange,
) -> (CheckResult, Vec<HttpRequest>) {
    let detection = common::detect(scenario).0;
    let flow = ProbeFlow::new(input(target, gateway), detection).expect("valid input");
    let mut sent = Vec::new();
    let (result, rounds) = common::drive(flow, |req| {
        sent.push(req.clone());
        answer(req)
    });
    assert!(rounds <= 2, "{rounds} round trips");
    (result, sent)
}

fn auth_of(req: &HttpRequest) -> Option<&str> {
    req.headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
        .map(|(_, v)| v.as_str())
}

/// Neither the client secret nor the access token is anywhere in what a result shows.
fn assert_no_secret(result: &CheckResult) {
    let text = serde_json::to_string(result).unwrap();
    assert!(!text.contains(CLIENT_SECRET), "client secret in the result");
    assert!(!text.contains(ACCESS), "access token in the result");
}

fn cloud_answers(req: &HttpRequest) -> Exchange {
    match req.id.as_str() {
        "client_token" => token_ok(),
        "myself" => common::answer("cloud", "gateway-myself-v2-scoped-token"),
        "mypermissions" => common::answer("cloud", "gateway-mypermissions-scoped-token"),
        "projects" => common::answer("cloud", "gateway-project-list-scoped-token"),
        other => panic!("unexpected request {other}"),
    }
}

#[test]
fn cloud_exchanges_the_secret_at_auth_atlassian_com_and_reads_through_the_gateway() {
    let (result, sent) = run(
        "cloud",
        Target::Generic,
        Some("https://api.atlassian.com"),
        cloud_answers,
    );
    assert_eq!(result.verdict.code, Code::Ok, "{}", result.verdict.cause.en);
    let token = &sent[0];
    assert_eq!(token.id, "client_token");
    assert_eq!(token.method, Method::Post);
    assert_eq!(token.url, "https://auth.atlassian.com/oauth/token");
    assert_eq!(
        auth_of(token),
        None,
        "the token request carries no Authorization"
    );
    let body: serde_json::Value = serde_json::from_str(token.body.as_deref().unwrap()).unwrap();
    assert_eq!(body["grant_type"], "client_credentials");
    assert_eq!(body["client_id"], CLIENT_ID);
    assert_eq!(body["client_secret"], CLIENT_SECRET);
    assert_eq!(body["audience"], "api.atlassian.com");
    assert!(token
        .headers
        .iter()
        .any(|(k, v)| k == "Content-Type" && v == "application/json"));
    let gateway = format!("https://api.atlassian.com/ex/jira/{CLOUD_ID}");
    for req in &sent[1..] {
        assert!(
            req.url.starts_with(&gateway),
            "{} went to {}",
            req.id,
            req.url
        );
        assert_eq!(auth_of(req), Some(format!("Bearer {ACCESS}").as_str()));
    }
    assert!(sent
        .iter()
        .any(|r| r.url == format!("{gateway}/rest/api/3/myself")));
    // The block: the gateway as the address, the token URL and client id, the secret masked.
    let snippet = result.snippet.clone().expect("a connection block");
    let field = |k: &str| {
        snippet
            .fields
            .iter()
            .find(|f| f.key == k)
            .map(|f| f.value.clone())
    };
    assert_eq!(field("url").as_deref(), Some(gateway.as_str()));
    assert_eq!(
        field("tokenUrl").as_deref(),
        Some("https://auth.atlassian.com/oauth/token")
    );
    assert_eq!(field("clientId").as_deref(), Some(CLIENT_ID));
    assert!(snippet
        .fields
        .iter()
        .any(|f| f.key == "clientSecret" && f.secret));
    let plan = result
        .auth_plan
        .clone()
        .expect("the client-credentials plan");
    assert!(plan.steps.iter().any(|s| s.en.contains(&gateway)));
    let check = result.server_check.clone().expect("server lines");
    assert!(
        check.cli.contains("--auth client-credentials")
            && check.cli.contains(&format!("--client-id '{CLIENT_ID}'"))
    );
    assert!(!check.cli.contains("--user"), "{}", check.cli);
    assert!(!check.curl.contains(CLIENT_SECRET) && check.curl.contains("$JIRA_TOKEN"));
    assert_no_secret(&result);
}

#[test]
fn an_echoed_access_token_is_scrubbed_from_the_result() {
    let (result, _) = run(
        "cloud",
        Target::Generic,
        Some("https://api.atlassian.com"),
        |req| match req.id.as_str() {
            "myself" => json(
                200,
                &format!(
                    r#"{{"accountId":"712020:svc","displayName":"{ACCESS}","active":true,"accountType":"app"}}"#
                ),
            ),
            _ => cloud_answers(req),
        },
    );
    assert_eq!(result.verdict.code, Code::Ok, "{}", result.verdict.cause.en);
    assert_no_secret(&result);
}

#[test]
fn a_refused_client_is_named_whatever_form_the_refusal_takes() {
    // Atlassian's authorization server: 401 `access_denied` "Unauthorized" (SOURCES.md);
    // RFC 6749 §5.2: 400/401 `invalid_client`.
    for refusal in [
        json(
            401,
            r#"{"error":"access_denied","error_description":"Unauthorized"}"#,
        ),
        json(
            401,
            r#"{"error":"invalid_client","error_description":"Invalid client secret"}"#,
        ),
        json(400, r#"{"error":"invalid_client"}"#),
    ] {
        let (result, sent) = run(
            "cloud",
            Target::Generic,
            Some("https://api.atlassian.com"),
            |req| match req.id.as_str() {
                "client_token" => refusal.clone(),
                other => panic!("nothing after a refused client: {other}"),
            },
        );
        assert_eq!(result.verdict.code, Code::ClientCredentialsRejected);
        assert_eq!(sent.len(), 1);
        assert!(result.verdict.cause.en.contains(CLIENT_ID));
        assert!(result.verdict.fix.en.contains("Service accounts"));
        assert_no_secret(&result);
    }
}

#[test]
fn cloud_scopes_and_product_access_are_told_apart() {
    let (result, _) = run(
        "cloud",
        Target::Generic,
        Some("https://api.atlassian.com"),
        |req| match req.id.as_str() {
            "myself" => common::answer("cloud", "gateway-myself-narrow-scoped-token"),
            _ => cloud_answers(req),
        },
    );
    assert_eq!(
        result.verdict.code,
        Code::ClientScopesMissing,
        "{}",
        result.verdict.cause.en
    );
    assert!(result
        .verdict
        .fix
        .en
        .contains("read:jira-user, read:jira-work"));
    let (result, _) = run(
        "cloud",
        Target::Generic,
        Some("https://api.atlassian.com"),
        |req| match req.id.as_str() {
            "myself" => json(
                403,
                r#"{"errorMessages":["You do not have permission to access this resource."],"errors":{}}"#,
            ),
            _ => cloud_answers(req),
        },
    );
    assert_eq!(
        result.verdict.code,
        Code::ServiceAccountNoAccess,
        "{}",
        result.verdict.cause.en
    );
    assert!(result.verdict.fix.en.contains("product access"));
    // The verdict names the address the access token was refused at (mutants of `myself_url`).
    let asked =
        format!("https://api.atlassian.com/ex/jira/{CLOUD_ID}/rest/api/3/myself answered 403");
    assert!(
        result.verdict.cause.en.contains(&asked),
        "{}",
        result.verdict.cause.en
    );
}

#[test]
fn cloud_client_credentials_need_the_gateway_and_a_client_id() {
    let detection = common::detect("cloud").0;
    let err = ProbeFlow::new(input(Target::Generic, None), detection.clone()).unwrap_err();
    assert_eq!(err, CheckError::ClientCredentialsNeedGateway);
    let mut no_id = input(Target::Generic, Some("https://api.atlassian.com"));
    no_id.login = " ".into();
    assert_eq!(
        ProbeFlow::new(no_id, detection.clone()).unwrap_err(),
        CheckError::ClientIdRequired
    );
    let mut odd = input(Target::Generic, Some("https://api.atlassian.com"));
    odd.login = "id with spaces".into();
    assert_eq!(
        ProbeFlow::new(odd, detection).unwrap_err(),
        CheckError::InvalidClientId
    );
}

#[test]
fn integrations_without_a_client_credentials_form_get_nothing_sent() {
    for target in [Target::Elma365, Target::AvepointBackup, Target::IssueSync] {
        let mut i = input(target, Some("https://api.atlassian.com"));
        i.key_material = Some(vec![7; 32]);
        let flow = ProbeFlow::new(i, common::detect("cloud").0).expect("valid input");
        let (result, rounds) = common::drive(flow, |req| panic!("{target:?} sent {}", req.id));
        assert_eq!(rounds, 0);
        assert_eq!(
            result.verdict.code,
            Code::ClientCredentialsNotSupported,
            "{target:?}"
        );
        assert!(
            !result.verdict.cause.en.contains('{'),
            "{}",
            result.verdict.cause.en
        );
    }
}

/// Mutations (cargo-mutants): `is_atlassian_service_host` → `false` or its `||` → `&&`. The
/// token endpoint (`auth.…`) and the gateway (`api.…`) are Atlassian's own hosts: a bare 503
/// from either, without Jira's marks or an edge header, is Atlassian's edge failing — never a
/// device in front of the site.
#[test]
fn a_bare_failure_of_atlassian_s_service_hosts_is_the_edge() {
    use jira_token_wizard::probe::Answerer;
    let bare = Exchange::Response(HttpResponse {
        status: 503,
        body: "Service Unavailable".into(),
        ..HttpResponse::default()
    });
    for failing in ["client_token", "myself"] {
        let (result, _) = run(
            "cloud",
            Target::Generic,
            Some("https://api.atlassian.com"),
            |req| {
                if req.id == failing {
                    bare.clone()
                } else {
                    cloud_answers(req)
                }
            },
        );
        assert_eq!(
            result.verdict.code,
            Code::ServerError,
            "{failing}: {}",
            result.verdict.cause.en
        );
        assert_eq!(result.answered_by, Answerer::AtlassianEdge, "{failing}");
    }
}
