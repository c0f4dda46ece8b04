//! The arbitrary answers the properties feed the flows, how a request id picks one, and the
//! header names and words generators aim at.

use jira_token_wizard::http::{normalize_headers, Exchange, HttpResponse};

/// One arbitrary answer from a transport.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    /// 0 = a response, 1 = a timeout, 2 = unreachable (anything else counts as a response).
    pub kind: u8,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub redirect: bool,
    pub truncated: bool,
    pub final_url: Option<String>,
}

impl Answer {
    pub fn exchange(&self) -> Exchange {
        match self.kind {
            1 => Exchange::Timeout { elapsed_ms: 10 },
            2 => Exchange::Unreachable {
                elapsed_ms: 1,
                detail: self.body.chars().take(100).collect(),
            },
            _ => Exchange::Response(HttpResponse {
                status: self.status,
                headers: normalize_headers(
                    self.headers.iter().map(|(k, v)| (k.as_str(), v.as_str())),
                ),
                body: self.body.clone(),
                truncated: self.truncated,
                redirect: self.redirect,
                elapsed_ms: 1,
                final_url: self.final_url.clone(),
            }),
        }
    }
}

/// The request ids the flows use, in the order [`answer_for`] maps them onto the answers:
/// generators that know this order can shape each answer for its request.
pub const REQUEST_IDS: &[&str] = &[
    "page",
    "server_info",
    "tenant_info",
    "myself",
    "mypermissions",
    "projects",
    "myself_as_bearer",
    "gateway_myself",
    "myself_without_credentials",
];

/// The answer to request `id`: `answers[i % len]` for the `i`th of [`REQUEST_IDS`] (any other
/// id takes the last answer); no answers at all = a timeout.
pub fn answer_for(id: &str, answers: &[Answer]) -> Exchange {
    if answers.is_empty() {
        return Exchange::Timeout { elapsed_ms: 1 };
    }
    let i = REQUEST_IDS
        .iter()
        .position(|r| *r == id)
        .unwrap_or(answers.len() - 1);
    answers[i % answers.len()].exchange()
}

/// Header names the core reads, for generators that want to hit them.
pub const HEADER_NAMES: &[&str] = &[
    "content-type",
    "location",
    "x-seraph-loginreason",
    "x-authentication-denied-reason",
    "x-ausername",
    "x-anodeid",
    "x-asessionid",
    "x-aaccountid",
    "atl-traceid",
    "retry-after",
    "www-authenticate",
    "x-asen",
];

/// Words the core looks for in headers and bodies, for generators that want to hit them.
pub const KEYWORDS: &[&str] = &[
    "AUTHENTICATED_FAILED",
    "AUTHORISATION_FAILED",
    "AUTHENTICATION_DENIED",
    "CAPTCHA_CHALLENGE; login-url=",
    "OK",
    "anonymous",
    "application/json",
    "text/html",
    "Basic Authentication has been disabled",
    "Basic authentication with passwords is deprecated",
    "scope does not match",
    "os_username",
    "login-form",
    "SAMLRequest",
    "type=\"password\"",
    "http://jira.test/",
    "https://evil.test/",
    "Cloud",
    "Server",
];
