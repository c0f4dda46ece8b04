//! OAuth 2.0 client credentials (RFC 6749 §4.4): a service account's client id and secret are
//! exchanged at the token endpoint for an access token, which then goes as `Bearer` where
//! Jira's REST API is — so a test is two rounds:
//!
//! 1. the token request — Cloud: `POST https://auth.atlassian.com/oauth/token` with JSON
//!    `{grant_type, client_id, client_secret, audience: "api.atlassian.com"}` (the auth host of
//!    the gateway's family, `urls::cloud_auth_host`); Data Center: `POST
//!    {base}/rest/oauth2/latest/token`, form-encoded with `scope` (Atlassian, "Service accounts
//!    overview"). On Cloud the site's `/_edge/tenant_info` goes beside it when detection has
//!    no cloud id: the cloud id is never the page's;
//! 2. with the access token: `/myself`, `/mypermissions`, `/project` — Cloud through the
//!    gateway (`{gateway}/ex/jira/{cloudId}/rest/api/3/…`), Data Center at `{base}/rest/api/2/…`.
//!
//! The access token is a secret like the client secret: it lives in a [`Secret`], goes only
//! into an `Authorization` header, and the result's scrub replaces it wherever a server echoed
//! it (`ProbeFlow::redactor`). The verdict: the token endpoint's answer first (refused client,
//! scopes, no endpoint), then what Jira said to the access token (scopes, nothing visible),
//! then the usual reading of `/myself`.

use super::classify::{self, says_scope_mismatch, unexpected, Finding};
use super::finding::no_answer;
use super::status_class;
use super::{ProbeFlow, Secret, MYPERMISSIONS, MYSELF, PROJECTS, TENANT_INFO};
use crate::answerer;
use crate::catalogue::Code;
use crate::http::{Exchange, HttpRequest, HttpResponse, Method};
use crate::urls;

/// The token request's id.
pub(crate) const CLIENT_TOKEN: &str = "client_token";

/// Longest access token taken from a token answer.
const MAX_ACCESS_TOKEN_CHARS: usize = 16_384;

/// Where the client's token is asked for: the gateway family's auth host on Cloud, the Jira's
/// own endpoint on Data Center.
pub(super) fn token_url(flow: &ProbeFlow) -> Option<String> {
    if flow.is_cloud() {
        let gateway = urls::parse_http(flow.plan.gateway.as_deref()?)?;
        let auth = urls::cloud_auth_origin(&gateway)?;
        Some(format!("{auth}/oauth/token"))
    } else {
        (!flow.base.is_empty()).then(|| urls::join(&flow.base, "/rest/oauth2/latest/token"))
    }
}

/// The audience Cloud's token endpoint is asked for: the gateway's host.
pub(super) fn audience(flow: &ProbeFlow) -> Option<String> {
    let gateway = urls::parse_http(flow.plan.gateway.as_deref()?)?;
    Some(gateway.host_str().to_string())
}

/// The Data Center scope asked for: `WRITE` for an integration that writes, else `READ`
/// (Jira's service accounts know READ and WRITE; WRITE includes READ).
pub(super) fn dc_scope(flow: &ProbeFlow) -> &'static str {
    let writes = flow
        .input
        .target
        .profile()
        .scopes
        .iter()
        .any(|s| s.starts_with("write:") || s.starts_with("manage:"));
    if writes {
        "WRITE"
    } else {
        "READ"
    }
}

/// Round 1: the token request (and the cloud id, when detection has none).
pub(super) fn first_batch(flow: &ProbeFlow) -> Vec<HttpRequest> {
    let Some(url) = token_url(flow) else {
        return Vec::new();
    };
    let id = flow.input.login.as_str();
    let secret = flow.input.secret.trimmed();
    let mut req = HttpRequest::get(CLIENT_TOKEN, url, flow.input.timeout_ms);
    req.method = Method::Post;
    let (content_type, body) = if flow.is_cloud() {
        let body = serde_json::json!({
            "grant_type": "client_credentials",
            "client_id": id,
            "client_secret": secret,
            "audience": audience(flow).unwrap_or_default(),
        });
        ("application/json", body.to_string())
    } else {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "client_credentials")
            .append_pair("client_id", id)
            .append_pair("client_secret", secret)
            .append_pair("scope", dc_scope(flow))
            .finish();
        ("application/x-www-form-urlencoded", body)
    };
    req.headers
        .push(("Content-Type".into(), content_type.to_string()));
    req.body = Some(body);
    let mut batch = vec![req];
    if flow.is_cloud() && flow.deployment().cloud_id.is_none() {
        let origin = urls::parse_http(&flow.base)
            .map(|u| urls::origin(&u))
            .unwrap_or_default();
        batch.push(HttpRequest::get(
            TENANT_INFO,
            urls::join(&origin, "/_edge/tenant_info"),
            flow.input.timeout_ms,
        ));
    }
    batch
}

/// Where the access token is used: the gateway's `ex/jira/{cloudId}` on Cloud, the base on
/// Data Center.
pub(super) fn api_base(flow: &ProbeFlow) -> Option<String> {
    if flow.is_cloud() {
        flow.gateway_base()
    } else {
        Some(flow.base.clone())
    }
}

/// The REST version asked: Cloud's v3 at the gateway, Data Center's v2 (the only one its
/// service accounts may call).
fn api(flow: &ProbeFlow) -> &'static str {
    if flow.is_cloud() {
        "/rest/api/3"
    } else {
        "/rest/api/2"
    }
}

pub(super) fn myself_url(flow: &ProbeFlow) -> Option<String> {
    Some(urls::join(
        &api_base(flow)?,
        &format!("{}/myself", api(flow)),
    ))
}

/// Round 2: with the access token, what the account is and may do.
pub(super) fn second_batch(flow: &ProbeFlow) -> Vec<HttpRequest> {
    let (Some(token), Some(base)) = (&flow.access, api_base(flow)) else {
        return Vec::new();
    };
    let bearer = |id: &str, url: String| {
        let mut req = HttpRequest::get(id, url, flow.input.timeout_ms);
        req.headers.push((
            "Authorization".into(),
            format!("Bearer {}", token.trimmed()),
        ));
        req
    };
    let permissions =
        flow.permissions_url(&base)
            .replacen("/rest/api/2/", &format!("{}/", api(flow)), 1);
    vec![
        bearer(MYSELF, urls::join(&base, &format!("{}/myself", api(flow)))),
        bearer(MYPERMISSIONS, permissions),
        bearer(
            PROJECTS,
            urls::join(&base, &format!("{}/project", api(flow))),
        ),
    ]
}

/// The access token of a token endpoint's 200 (`{"access_token": …, "token_type": "Bearer",
/// "expires_in": 3600}`), when it is one a header can carry.
pub(super) fn access_token(ex: &Exchange) -> Option<Secret> {
    let r = ex.response().filter(|r| r.status == 200)?;
    let v = r.json::<serde_json::Value>()?;
    let token = v.get("access_token")?.as_str()?.trim();
    let fits = !token.is_empty()
        && token.len() <= MAX_ACCESS_TOKEN_CHARS
        && token.chars().all(|c| c.is_ascii_graphic());
    fits.then(|| Secret::new(token))
}

/// The verdict of a client-credentials test.
pub(super) fn find(flow: &ProbeFlow) -> Finding {
    let url = token_url(flow).unwrap_or_default();
    let Some(ex) = flow.answers.get(CLIENT_TOKEN) else {
        return status_class::not_tested(flow);
    };
    let Exchange::Response(r) = ex else {
        let (code, vars) = no_answer(&url, ex, flow.input.timeout_ms);
        return Finding::new(code, vars);
    };
    if flow.access.is_none() {
        return token_refused(flow, r, &url);
    }
    let Some(myself) = myself_url(flow) else {
        return unexpected(
            r,
            &url,
            "a token was issued, but the site's cloud id is unknown (its /_edge/tenant_info did not answer), so the gateway could not be asked",
        );
    };
    let Some(ex) = flow.answers.get(MYSELF) else {
        return status_class::not_tested(flow);
    };
    let Exchange::Response(me) = ex else {
        let (code, vars) = no_answer(&myself, ex, flow.input.timeout_ms);
        return Finding::new(code, vars);
    };
    if matches!(me.status, 401 | 403) && says_scope_mismatch(me) {
        return scopes_missing(flow, me, &myself);
    }
    let who = answerer::of_response(me, status_class::context(flow, &myself));
    if matches!(me.status, 401 | 403) && status_class::of_status(flow, me, &myself, &who).is_none()
    {
        let mut f = no_access(
            flow,
            &format!("{myself} answered {} to its access token", me.status),
            &format!("{myself} ответил {} на его токен доступа", me.status),
        );
        f.who = who;
        return f;
    }
    let f = classify::response(flow, me, &myself);
    if matches!(f.code, Code::Ok | Code::MissingPermissions) && sees_no_project(flow) {
        let mut n = no_access(
            flow,
            "it can browse no project (its project list is empty)",
            "он не может просматривать ни одного проекта (список проектов пуст)",
        );
        n.user = f.user;
        n.permissions = f.permissions;
        n.who = f.who;
        return n;
    }
    f
}

/// The token endpoint did not issue a token: which of RFC 6749 §5.2's errors, or no endpoint.
fn token_refused(flow: &ProbeFlow, r: &HttpResponse, url: &str) -> Finding {
    let who = answerer::of_response(r, status_class::context(flow, url));
    if let Some(mut f) = status_class::of_status(flow, r, url, &who) {
        f.who = who;
        return f;
    }
    let body = r.json::<serde_json::Value>().unwrap_or_default();
    let error = body
        .get("error")
        .and_then(|e| e.as_str())
        .unwrap_or("")
        .chars()
        .take(80)
        .collect::<String>();
    let description = body
        .get("error_description")
        .and_then(|e| e.as_str())
        .unwrap_or("")
        .chars()
        .take(160)
        .collect::<String>();
    let said = if description.is_empty() {
        error.clone()
    } else {
        format!("{error}: {description}")
    };
    let mut f = match (r.status, error.as_str()) {
        (_, "invalid_scope") => scopes_at_token(flow, r, url, &said),
        (400 | 401 | 403, "invalid_client" | "unauthorized_client" | "access_denied") => {
            let (place, place_ru) = if flow.is_cloud() {
                (
                    "Atlassian Administration → Directory → Service accounts",
                    "Atlassian Administration → Directory → Service accounts",
                )
            } else {
                (
                    "Jira administration → Service accounts",
                    "администрирование Jira → сервисные учётные записи",
                )
            };
            Finding::new(
                Code::ClientCredentialsRejected,
                vec![
                    ("token_url", url.to_string()),
                    ("status", r.status.to_string()),
                    ("error", said),
                    ("client_id", flow.input.login.clone()),
                    ("where", place.to_string()),
                    ("where_ru", place_ru.to_string()),
                ],
            )
        }
        (404 | 405, _) if !flow.is_cloud() => Finding::new(
            Code::TokenEndpointMissing,
            vec![
                ("token_url", url.to_string()),
                ("status", r.status.to_string()),
                (
                    "version",
                    flow.deployment().version.clone().unwrap_or_default(),
                ),
            ],
        ),
        _ => unexpected(r, url, "the token endpoint issued no access token"),
    };
    f.who = who;
    f
}

/// The scopes the target needs, in the deployment's terms.
fn needed_scopes(flow: &ProbeFlow) -> String {
    if flow.is_cloud() {
        flow.input.target.profile().scopes.join(", ")
    } else {
        dc_scope(flow).to_string()
    }
}

fn scopes_finding(flow: &ProbeFlow, r: &HttpResponse, place: &str, said: &str) -> Finding {
    let profile = flow.input.target.profile();
    let (how, how_ru) = if flow.is_cloud() {
        (
            "an organisation admin edits the credential's scopes in Atlassian Administration → Directory → Service accounts",
            "администратор организации меняет области учётных данных в Atlassian Administration → Directory → Service accounts",
        )
    } else {
        (
            "a Jira admin sets the service account's scope in Jira's service account settings",
            "администратор Jira задаёт область сервисной учётной записи в её настройках в Jira",
        )
    };
    Finding::new(
        Code::ClientScopesMissing,
        vec![
            ("target", profile.name.en.to_string()),
            ("where", place.to_string()),
            ("status", r.status.to_string()),
            ("error", said.chars().take(160).collect()),
            ("scopes", needed_scopes(flow)),
            ("how", how.to_string()),
            ("how_ru", how_ru.to_string()),
        ],
    )
}

/// The token endpoint's `invalid_scope`: Data Center refuses a scope the account lacks.
fn scopes_at_token(flow: &ProbeFlow, r: &HttpResponse, url: &str, said: &str) -> Finding {
    scopes_finding(flow, r, url, said)
}

/// The gateway's (or Jira's) "scope does not match" to the access token.
fn scopes_missing(flow: &ProbeFlow, r: &HttpResponse, url: &str) -> Finding {
    // The gateway's `{"code":401,"message":"Unauthorized; scope does not match"}`: its message.
    let said: String = r
        .json::<serde_json::Value>()
        .and_then(|v| {
            v.get("message")
                .and_then(|m| m.as_str())
                .map(str::to_string)
        })
        .unwrap_or_else(|| r.body.replace(['{', '}'], ""))
        .trim()
        .chars()
        .take(160)
        .collect();
    let mut f = scopes_finding(flow, r, url, &said);
    f.who = answerer::of_response(r, status_class::context(flow, url));
    f
}

/// Authenticated, but Jira shows the account nothing.
fn no_access(flow: &ProbeFlow, what: &str, what_ru: &str) -> Finding {
    let (how, how_ru) = if flow.is_cloud() {
        (
            "in Atlassian Administration give the service account the Jira app (product access) on this site, and a role in the projects the integration uses",
            "в Atlassian Administration дайте сервисной учётной записи приложение Jira (доступ к продукту) на этом сайте и роль в проектах, с которыми работает интеграция",
        )
    } else {
        (
            "a Jira admin grants the service account the project permissions the integration needs (Browse projects and what it does), as Atlassian's \"How service accounts work in Data Center\" describes",
            "администратор Jira выдаёт сервисной учётной записи права в проектах, нужные интеграции (просмотр проектов и то, что она делает), как описано в статье Atlassian «How service accounts work in Data Center»",
        )
    };
    Finding::new(
        Code::ServiceAccountNoAccess,
        vec![
            ("what", what.to_string()),
            ("what_ru", what_ru.to_string()),
            ("how", how.to_string()),
            ("how_ru", how_ru.to_string()),
        ],
    )
}

/// `/project` answered an empty list: the account can browse nothing.
fn sees_no_project(flow: &ProbeFlow) -> bool {
    flow.answers
        .get(PROJECTS)
        .and_then(Exchange::response)
        .filter(|r| r.status == 200)
        .and_then(|r| r.json::<serde_json::Value>())
        .and_then(|v| v.as_array().map(Vec::is_empty))
        .unwrap_or(false)
}
