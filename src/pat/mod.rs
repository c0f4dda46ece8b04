//! One-click personal access token on Jira Server/Data Center ≥ 8.14 (facts §3.3), as a sans-IO
//! [`Flow`]: one `POST {base}/rest/pat/latest/tokens` with body
//! `{"name": …, "expirationDuration": days}`, sent with the user's **browser session** — the
//! only request the wizard ever sends with cookies ([`HttpRequest::with_session_cookies`]), and
//! it carries no `Authorization` header. `X-Atlassian-Token: no-check` goes along (facts §4.8:
//! a JSON body needs none, but it costs nothing).
//!
//! The answer is classified into a catalogue code (facts §3.3 error mapper, §4.8 XSRF):
//! 201 with `rawToken` → [`Code::PatCreated`]; 403 token-limit → [`Code::PatLimitReached`];
//! 403 "XSRF check failed" → [`Code::PatXsrfRejected`]; 401 or a redirect to a login page →
//! [`Code::PatNotLoggedIn`]; 404 → [`Code::PatDisabled`]; 400 → [`Code::PatRequestInvalid`].
//!
//! The raw token is the one secret the core hands back: it lives in [`RawToken`] (redacted
//! `Debug`; serialized only so the popup can show it once), never in a log or a report.
//!
//! The extension does not drive the [`Flow`] over its own transport: it sends the request
//! from the Jira tab ([`tab`]: [`CreateFlow::tab_request`] plans it, [`CreateFlow::interpret`]
//! classifies the answer), because Firefox's extension origin fails Jira's XSRF check.

mod tab;

pub use tab::TabRequest;

use crate::auth_plan::{pat_creatable, PAT_PAGE_PATH};
use crate::catalogue::{Code, Notice};
use crate::deployment::Deployment;
use crate::flow::Flow;
use crate::http::{Exchange, HttpRequest, HttpResponse, Method, RequestLog, DEFAULT_TIMEOUT_MS};
use crate::urls;
use serde::{Deserialize, Serialize};

/// Request id of the creation.
pub const CREATE: &str = "create_pat";
/// Longest token name Jira takes by default (`atlassian.pats.token.name.length`, facts §3.3).
pub const MAX_NAME_CHARS: usize = 40;
/// Longest expiry Jira takes by default, in days (`atlassian.pats.max.tokens.expiry.days`).
pub const MAX_EXPIRY_DAYS: u32 = 365;
/// The expiry the popup proposes, in days.
pub const DEFAULT_EXPIRY_DAYS: u32 = 90;

/// What to create.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateInput {
    /// Token name shown on the user's PAT page, 1–[`MAX_NAME_CHARS`] characters.
    pub name: String,
    /// Days until it expires, 1–[`MAX_EXPIRY_DAYS`]; `None` = never (if the admin allows it).
    #[serde(default)]
    pub expiration_days: Option<u32>,
    /// Timeout of the request, in milliseconds.
    #[serde(default = "default_timeout")]
    pub timeout_ms: u32,
}

fn default_timeout() -> u32 {
    DEFAULT_TIMEOUT_MS
}

/// Input that cannot be sent: a usage error, not an outcome.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CreateError {
    #[error("one-click tokens need Jira Server/Data Center 8.14 or later")]
    NotOffered,
    #[error("the token name must be 1 to {MAX_NAME_CHARS} characters")]
    InvalidName,
    #[error("the expiry must be 1 to {MAX_EXPIRY_DAYS} days")]
    InvalidExpiry,
}

/// The new token's secret value. `Debug` shows `<redacted>`; it serializes as a plain string
/// only so the popup can show it once.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct RawToken(String);

impl RawToken {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for RawToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RawToken(<redacted>)")
    }
}

/// A token Jira just created (facts §3.3 field list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NewToken {
    pub id: Option<u64>,
    pub name: String,
    /// As Jira wrote it, e.g. `2025-04-30T12:00:00.000+0000`.
    pub created_at: Option<String>,
    /// `None` for a token that never expires.
    pub expiring_at: Option<String>,
    /// Shown once; never stored, never logged.
    pub raw_token: RawToken,
}

/// What the creation found. Only [`NewToken::raw_token`] is secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateResult {
    /// `pat_created` or why not, with texts in EN/RU.
    pub outcome: Notice,
    pub ok: bool,
    pub token: Option<NewToken>,
    /// Where the user manages tokens by hand (revoke old ones, create one without the wizard).
    pub token_page_url: String,
    /// The request, without secrets (no body, no cookies).
    pub requests: Vec<RequestLog>,
}

/// The creation conversation: one request.
#[derive(Debug, Clone)]
pub struct CreateFlow {
    input: CreateInput,
    base: String,
    sent: Option<HttpRequest>,
    answer: Option<Exchange>,
    done: bool,
}

impl CreateFlow {
    /// Checks the input and prepares the request for a detected deployment.
    pub fn new(input: CreateInput, deployment: &Deployment) -> Result<CreateFlow, CreateError> {
        if !pat_creatable(deployment) {
            return Err(CreateError::NotOffered);
        }
        let name = input.name.trim();
        if name.is_empty()
            || name.chars().count() > MAX_NAME_CHARS
            || name.chars().any(char::is_control)
        {
            return Err(CreateError::InvalidName);
        }
        if input
            .expiration_days
            .is_some_and(|d| d == 0 || d > MAX_EXPIRY_DAYS)
        {
            return Err(CreateError::InvalidExpiry);
        }
        let base = deployment.rest_base().unwrap_or_default().to_string();
        Ok(CreateFlow {
            input: CreateInput {
                name: name.to_string(),
                ..input
            },
            base,
            sent: None,
            answer: None,
            done: false,
        })
    }

    fn request(&self) -> HttpRequest {
        // `expirationDuration` only when an expiry was chosen (facts §3.3).
        let mut body = serde_json::json!({ "name": self.input.name });
        if let Some(days) = self.input.expiration_days {
            body["expirationDuration"] = days.into();
        }
        HttpRequest {
            id: CREATE.to_string(),
            method: Method::Post,
            url: urls::join(&self.base, "/rest/pat/latest/tokens"),
            headers: vec![
                ("Accept".into(), "application/json".into()),
                ("Content-Type".into(), "application/json".into()),
                ("X-Atlassian-Token".into(), "no-check".into()),
            ],
            body: Some(body.to_string()),
            timeout_ms: self.input.timeout_ms,
            follow_redirects: false,
            with_session_cookies: true,
        }
    }
}

impl Flow for CreateFlow {
    type Output = CreateResult;

    fn next_batch(&mut self) -> Vec<HttpRequest> {
        if self.done {
            return Vec::new();
        }
        self.done = true;
        let req = self.request();
        self.sent = Some(req.clone());
        vec![req]
    }

    fn feed(&mut self, answers: Vec<(String, Exchange)>) {
        for (id, ex) in answers {
            if id == CREATE {
                self.answer = Some(ex);
            }
        }
    }

    fn finish(self) -> CreateResult {
        let url = urls::join(&self.base, "/rest/pat/latest/tokens");
        let token_page_url = urls::join(&self.base, PAT_PAGE_PATH);
        let requests = match (&self.sent, &self.answer) {
            (Some(req), Some(ex)) => vec![RequestLog::new(req, ex)],
            _ => Vec::new(),
        };
        let (code, vars, token) = match &self.answer {
            None => (
                Code::UnexpectedResponse,
                vec![
                    ("url", url),
                    ("status", "—".into()),
                    ("detail", "no answer".into()),
                ],
                None,
            ),
            Some(Exchange::Response(r)) => classify(r, &url, &self.input.name),
            Some(other) => {
                let (code, vars) = crate::probe::no_answer(&url, other, self.input.timeout_ms);
                (code, vars, None)
            }
        };
        let mut vars = vars;
        vars.push(("page", token_page_url.clone()));
        // Who answered, for the texts that name it (a server error, an unexpected answer).
        let who = self
            .answer
            .as_ref()
            .map(|ex| {
                let ctx = crate::answerer::Context {
                    atlassian_host: false,
                    site_is_jira: true,
                    page_says_jira: true,
                };
                crate::answerer::decide(ex, ctx)
            })
            .unwrap_or_else(crate::answerer::Who::nobody)
            .text();
        vars.push(("who", who.en));
        vars.push(("who_ru", who.ru));
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        CreateResult {
            outcome: code.notice(&vars),
            ok: code == Code::PatCreated,
            token,
            token_page_url,
            requests,
        }
    }
}

/// Jira's `{"exception": …, "error": …}` (facts §3.3), or `None`.
fn pat_error(r: &HttpResponse) -> Option<(String, String)> {
    let v = r.json::<serde_json::Value>()?;
    let text = |k: &str| {
        v.get(k)
            .and_then(serde_json::Value::as_str)
            .map(|s| s.chars().take(200).collect::<String>())
            .unwrap_or_default()
    };
    Some((text("exception"), text("error")))
}

type Classified = (Code, Vec<(&'static str, String)>, Option<NewToken>);

fn classify(r: &HttpResponse, url: &str, name: &str) -> Classified {
    let status = r.status.to_string();
    let (exception, error) = pat_error(r).unwrap_or_default();
    let says = |needle: &str| {
        exception.to_ascii_lowercase().contains(needle)
            || error.to_ascii_lowercase().contains(needle)
            || r.body.to_ascii_lowercase().contains(needle)
    };
    match r.status {
        201 | 200 => match created(r, name) {
            Some(t) => {
                let expires = t.expiring_at.clone().unwrap_or_else(|| "—".into());
                (
                    Code::PatCreated,
                    vec![("name", t.name.clone()), ("expires", expires)],
                    Some(t),
                )
            }
            None => (Code::UnexpectedResponse, unexpected(r, url), None),
        },
        // facts §4.8: the origin check failed (sent from the Jira tab, so a proxy that changes
        // the host or drops Origin/Referer; from an extension page Firefox sends moz-extension://).
        403 if r.body.contains("XSRF check failed") => (Code::PatXsrfRejected, vec![], None),
        // facts §3.3: token-limit exceeded → 403.
        403 if says("limit") || says("at most") => {
            (Code::PatLimitReached, vec![("error", error)], None)
        }
        // facts §3.3: authorisation failure → 401; a redirect goes to a login or SSO page.
        401 => (Code::PatNotLoggedIn, vec![], None),
        0 | 300..=399 if r.redirect => (Code::PatNotLoggedIn, vec![], None),
        404 => (Code::PatDisabled, vec![], None),
        400 => (Code::PatRequestInvalid, vec![("error", error)], None),
        500..=599 => (
            Code::ServerError,
            vec![("url", url.into()), ("status", status)],
            None,
        ),
        _ => (Code::UnexpectedResponse, unexpected(r, url), None),
    }
}

/// Vars of `unexpected_response`: where, the status, and what came back.
fn unexpected(r: &HttpResponse, url: &str) -> Vec<(&'static str, String)> {
    let kind = r.header("content-type").unwrap_or("no content type");
    vec![
        ("url", url.to_string()),
        ("status", r.status.to_string()),
        ("detail", kind.chars().take(80).collect()),
    ]
}

/// The 201 body: `{id, name, createdAt, expiringAt, rawToken}`; a field of the wrong type
/// refuses the whole body.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Body {
    id: Option<u64>,
    name: Option<String>,
    created_at: Option<String>,
    expiring_at: Option<String>,
    raw_token: String,
}

/// Reads the 201 body.
fn created(r: &HttpResponse, asked_name: &str) -> Option<NewToken> {
    let b = r.json::<Body>()?;
    let raw = b.raw_token.trim();
    if raw.is_empty() || raw.len() > 4096 {
        return None;
    }
    let short = |s: Option<String>| s.map(|v| v.chars().take(64).collect());
    Some(NewToken {
        id: b.id,
        name: short(b.name).unwrap_or_else(|| asked_name.to_string()),
        created_at: short(b.created_at),
        expiring_at: short(b.expiring_at),
        raw_token: RawToken(raw.to_string()),
    })
}
