//! Jira 11 Data Center: its own token endpoint (a form with a scope), then Bearer to
//! `{base}/rest/api/2`; the verdicts for an older Jira, missing scopes and no access.

use super::*;

fn dc_answers(req: &HttpRequest) -> Exchange {
    match req.id.as_str() {
        "client_token" => token_ok(),
        "myself" => common::answer("dc-11.3", "myself-ok"),
        "mypermissions" => common::answer("dc-11.3", "mypermissions"),
        "projects" => common::answer("dc-11.3", "project-list"),
        other => panic!("unexpected request {other}"),
    }
}

#[test]
fn data_center_11_asks_its_own_token_endpoint_with_a_form_and_a_scope() {
    let (result, sent) = run(
        "dc-11.3",
        Target::Generic,
        Some("https://api.atlassian.com"),
        dc_answers,
    );
    assert_eq!(result.verdict.code, Code::Ok, "{}", result.verdict.cause.en);
    let base = result.deployment.rest_base().unwrap().to_string();
    let token = &sent[0];
    assert_eq!(token.url, format!("{base}/rest/oauth2/latest/token"));
    assert_eq!(token.method, Method::Post);
    let form: Vec<(String, String)> =
        url::form_urlencoded::parse(token.body.as_deref().unwrap().as_bytes())
            .into_owned()
            .collect();
    let get = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
    assert_eq!(get("grant_type"), Some("client_credentials"));
    assert_eq!(get("client_id"), Some(CLIENT_ID));
    assert_eq!(get("client_secret"), Some(CLIENT_SECRET));
    assert_eq!(get("scope"), Some("READ"));
    assert!(token
        .headers
        .iter()
        .any(|(k, v)| k == "Content-Type" && v == "application/x-www-form-urlencoded"));
    for req in &sent[1..] {
        assert!(
            req.url.starts_with(&format!("{base}/rest/api/2/")),
            "{}",
            req.url
        );
        assert_eq!(auth_of(req), Some(format!("Bearer {ACCESS}").as_str()));
    }
    // Nothing went to Atlassian: a Data Center credential stays on the Data Center.
    assert!(sent.iter().all(|r| !r.url.contains("atlassian.com")));
    let snippet = result.snippet.clone().expect("a connection block");
    assert!(snippet
        .fields
        .iter()
        .any(|f| f.key == "scope" && f.value == "READ"));
    assert_no_secret(&result);
}

#[test]
fn data_center_verdicts_for_old_jira_scopes_and_no_access() {
    // An older Jira has no token endpoint: 404.
    let (result, _) = run("dc-10.3", Target::Generic, None, |req| {
        match req.id.as_str() {
            "client_token" => json(
                404,
                r#"{"message":"null for uri: /rest/oauth2/latest/token","status-code":404}"#,
            ),
            other => panic!("nothing after a missing endpoint: {other}"),
        }
    });
    assert_eq!(
        result.verdict.code,
        Code::TokenEndpointMissing,
        "{}",
        result.verdict.cause.en
    );
    assert!(result
        .verdict
        .cause
        .en
        .contains("/rest/oauth2/latest/token"));
    // A scope the service account lacks.
    let (result, _) = run("dc-11.3", Target::Generic, None, |req| {
        match req.id.as_str() {
            "client_token" => json(
                400,
                r#"{"error":"invalid_scope","error_description":"The requested scope is invalid"}"#,
            ),
            other => panic!("nothing after a refused scope: {other}"),
        }
    });
    assert_eq!(result.verdict.code, Code::ClientScopesMissing);
    assert!(result.verdict.fix.en.contains("READ"));
    // Signed in, sees no project.
    let (result, _) = run("dc-11.3", Target::Generic, None, |req| {
        match req.id.as_str() {
            "projects" => json(200, "[]"),
            _ => dc_answers(req),
        }
    });
    assert!(
        matches!(result.verdict.code, Code::ServiceAccountNoAccess),
        "{:?}: {}",
        result.verdict.code,
        result.verdict.cause.en
    );
    assert!(result.user.is_some(), "Jira named the service account");
}
