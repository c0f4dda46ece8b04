//! [`RequestLog`]: one request as it may be shown to anyone — how it was authenticated
//! ([`LoggedAuth`], a scheme's name, never a value) and how it ended ([`Outcome`]), both closed
//! sets, so a log read back from JavaScript holds nothing else.

use super::{
    without_userinfo, CertificateNames, Exchange, HttpRequest, Method, DIAGNOSTIC_HEADERS,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a logged request was authenticated: the scheme's name only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LoggedAuth {
    /// `Authorization: Basic …`.
    Basic,
    /// `Authorization: Bearer …`.
    Bearer,
    /// The browser's cookies (the one-click PAT creation only).
    Session,
    /// No credential.
    None,
}

impl LoggedAuth {
    pub const ALL: &'static [LoggedAuth] = &[
        LoggedAuth::Basic,
        LoggedAuth::Bearer,
        LoggedAuth::Session,
        LoggedAuth::None,
    ];

    /// The scheme of an `Authorization` value; one the core never sends counts as `None`.
    pub fn of_header(value: &str) -> LoggedAuth {
        match value.split_whitespace().next().unwrap_or("") {
            a if a.eq_ignore_ascii_case("basic") => LoggedAuth::Basic,
            a if a.eq_ignore_ascii_case("bearer") => LoggedAuth::Bearer,
            _ => LoggedAuth::None,
        }
    }

    /// `Basic`, `Bearer`, `Session` or `None`, as serialized.
    pub fn as_str(self) -> &'static str {
        match self {
            LoggedAuth::Basic => "Basic",
            LoggedAuth::Bearer => "Bearer",
            LoggedAuth::Session => "Session",
            LoggedAuth::None => "None",
        }
    }

    /// True when a credential went with the request.
    pub fn is_credential(self) -> bool {
        matches!(self, LoggedAuth::Basic | LoggedAuth::Bearer)
    }
}

impl PartialEq<&str> for LoggedAuth {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// How a logged request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// An answer (not a redirect).
    Response,
    /// A redirect, not followed (or followed, for a request without credentials).
    Redirect,
    /// No answer in time.
    Timeout,
    /// No connection.
    Unreachable,
    /// The transport refused to send it.
    NotSent,
    /// The server's certificate is not trusted.
    TlsUntrusted,
}

impl Outcome {
    pub const ALL: &'static [Outcome] = &[
        Outcome::Response,
        Outcome::Redirect,
        Outcome::Timeout,
        Outcome::Unreachable,
        Outcome::NotSent,
        Outcome::TlsUntrusted,
    ];

    /// The serialized name (`"response"`, `"not_sent"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Response => "response",
            Outcome::Redirect => "redirect",
            Outcome::Timeout => "timeout",
            Outcome::Unreachable => "unreachable",
            Outcome::NotSent => "not_sent",
            Outcome::TlsUntrusted => "tls_untrusted",
        }
    }

    /// The server answered (a response or a redirect).
    pub fn answered(self) -> bool {
        matches!(self, Outcome::Response | Outcome::Redirect)
    }
}

impl PartialEq<&str> for Outcome {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Longest header value kept in a [`RequestLog`], in characters.
pub const MAX_LOGGED_HEADER_CHARS: usize = 300;

/// One request as it may be shown to anyone: no credentials, no bodies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestLog {
    /// The core's request id, e.g. `"myself"`.
    pub id: String,
    pub method: Method,
    /// Origin + path + query of the URL (query strings here never hold secrets).
    pub url: String,
    /// How the request was authenticated, never a value.
    pub auth: LoggedAuth,
    /// HTTP status; `None` for a timeout or an unreachable server.
    pub status: Option<u16>,
    pub outcome: Outcome,
    pub ms: u64,
    /// [`DIAGNOSTIC_HEADERS`] present in the answer.
    pub headers: BTreeMap<String, String>,
    /// Why there was no answer (`unreachable`, `not_sent`, `tls_untrusted`), as the transport
    /// said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The refused certificate's subject and issuer (`tls_untrusted` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<CertificateNames>,
}

impl RequestLog {
    pub fn new(req: &HttpRequest, ex: &Exchange) -> RequestLog {
        let auth = match req
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
        {
            Some((_, v)) => LoggedAuth::of_header(v),
            None if req.sends_session_cookies() => LoggedAuth::Session,
            None => LoggedAuth::None,
        };
        let (status, outcome, headers) = match ex {
            Exchange::Response(r) => {
                let headers = DIAGNOSTIC_HEADERS
                    .iter()
                    .filter_map(|k| {
                        r.header(k).map(|v| {
                            (
                                k.to_string(),
                                v.chars().take(MAX_LOGGED_HEADER_CHARS).collect(),
                            )
                        })
                    })
                    .collect();
                let outcome = if r.redirect {
                    Outcome::Redirect
                } else {
                    Outcome::Response
                };
                (Some(r.status), outcome, headers)
            }
            Exchange::Timeout { .. } => (None, Outcome::Timeout, BTreeMap::new()),
            Exchange::Unreachable { .. } => (None, Outcome::Unreachable, BTreeMap::new()),
            Exchange::NotSent { .. } => (None, Outcome::NotSent, BTreeMap::new()),
            Exchange::TlsUntrusted { .. } => (None, Outcome::TlsUntrusted, BTreeMap::new()),
        };
        let cut = |s: &str| s.chars().take(MAX_LOGGED_HEADER_CHARS).collect::<String>();
        RequestLog {
            id: req.id.clone(),
            method: req.method,
            url: without_userinfo(&req.url),
            auth,
            status,
            outcome,
            ms: ex.elapsed_ms(),
            headers,
            detail: match ex {
                Exchange::Unreachable { detail, .. }
                | Exchange::NotSent { detail, .. }
                | Exchange::TlsUntrusted { detail, .. } => Some(cut(detail)),
                _ => None,
            },
            certificate: match ex {
                Exchange::TlsUntrusted { certificate, .. } => Some(CertificateNames {
                    subject: cut(&certificate.subject),
                    issuer: cut(&certificate.issuer),
                }),
                _ => None,
            },
        }
    }
}
