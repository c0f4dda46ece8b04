//! Plain HTTP exchange types shared by the sans-IO core and the two transports
//! (`src/wasm.rs` in the browser, `src/cli/transport.rs` natively).
//!
//! The core builds [`HttpRequest`]s and classifies [`Exchange`]s; it never sends anything.
//! Transports must: send no cookies (`credentials: "omit"` / no cookie jar; the one request
//! made with the browser session, the one-click PAT creation, is sent from the Jira tab as a
//! `pat::TabRequest`, not by a transport), never follow
//! redirects (`redirect: "manual"` / zero redirects), apply [`HttpRequest::timeout_ms`], and
//! read at most [`MAX_BODY_BYTES`] of a body (setting [`HttpResponse::truncated`]).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Largest body a transport reads, in bytes (1 MiB). Jira's JSON answers are a few KB.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Default per-request timeout, in milliseconds.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;

/// What a transport is asked to send. Its `Debug` hides the `Authorization` value, and it has
/// no `Serialize`: a request is never written anywhere (use [`RequestLog`] for that).
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// Stable id the core uses to match the answer to the question (e.g. `"server_info"`).
    pub id: String,
    pub method: Method,
    /// Absolute URL.
    pub url: String,
    /// Header name/value pairs to send. May hold `Authorization`: never log this field.
    pub headers: Vec<(String, String)>,
    /// JSON body for POST requests.
    pub body: Option<String>,
    /// Timeout for the whole exchange, in milliseconds.
    pub timeout_ms: u32,
    /// Follow redirects and report where they end ([`HttpResponse::final_url`]). Only ever set
    /// on requests without credentials: a credential never follows a redirect.
    pub follow_redirects: bool,
    /// Send the browser's cookies for this site (`credentials: "include"`): the user's Jira
    /// session. Only `pat::CreateFlow` sets it, on a request without `Authorization`; a request
    /// with a credential never carries cookies whatever this says. It labels the request's log
    /// (`Session`); the transports never send cookies (the extension sends this one request
    /// from the Jira tab, `pat::TabRequest`; the CLI has no cookie jar).
    pub with_session_cookies: bool,
}

impl std::fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| {
                let shown = if k.eq_ignore_ascii_case("authorization") {
                    "<redacted>"
                } else {
                    v.as_str()
                };
                (k.as_str(), shown)
            })
            .collect();
        f.debug_struct("HttpRequest")
            .field("id", &self.id)
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("timeout_ms", &self.timeout_ms)
            .field("follow_redirects", &self.follow_redirects)
            .field("with_session_cookies", &self.with_session_cookies)
            .finish_non_exhaustive()
    }
}

impl HttpRequest {
    /// A GET asking for JSON, without credentials.
    pub fn get(id: &str, url: String, timeout_ms: u32) -> HttpRequest {
        HttpRequest {
            id: id.to_string(),
            method: Method::Get,
            url,
            headers: vec![("Accept".into(), "application/json".into())],
            body: None,
            timeout_ms,
            follow_redirects: false,
            with_session_cookies: false,
        }
    }

    /// True when the transport is to send the browser session's cookies: asked for, and no
    /// `Authorization` header (a credential never travels with a session).
    pub fn sends_session_cookies(&self) -> bool {
        self.with_session_cookies && !self.has_credentials()
    }

    /// True when the request carries an `Authorization` header.
    pub fn has_credentials(&self) -> bool {
        self.headers
            .iter()
            .any(|(k, _)| k.eq_ignore_ascii_case("authorization"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    Get,
    Post,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// What came back for one request: an answer, or why there was none. As JSON (the Jira tab
/// hands one back for the PAT creation, `extension/tab-fetch.js`): `{"kind": "response",
/// "status": …, "headers": {…}, "body": …, "elapsedMs": …}`, `{"kind": "timeout",
/// "elapsedMs": …}`, `{"kind": "unreachable" | "notSent", "elapsedMs": …, "detail": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    tag = "kind"
)]
pub enum Exchange {
    /// Any HTTP answer, whatever the status.
    Response(HttpResponse),
    /// No answer within the request's timeout.
    Timeout { elapsed_ms: u64 },
    /// DNS failure, refused connection, CORS/permission block in the browser (where a TLS
    /// failure looks the same: the browser does not say which).
    Unreachable { elapsed_ms: u64, detail: String },
    /// The transport refused to send the request at all (a header value it cannot carry, a
    /// URL it will not fetch): nothing reached the network, so Jira said nothing.
    NotSent { elapsed_ms: u64, detail: String },
    /// The server's certificate was not trusted (natively: the OS trust store and any
    /// `--ca-cert`); nothing was sent over the connection.
    TlsUntrusted {
        elapsed_ms: u64,
        certificate: CertificateNames,
        detail: String,
    },
}

/// Who a certificate names: its subject and its issuer (RFC 4514 text, cut to
/// [`MAX_LOGGED_HEADER_CHARS`]); empty when the transport could not read them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CertificateNames {
    pub subject: String,
    pub issuer: String,
}

impl Exchange {
    pub fn response(&self) -> Option<&HttpResponse> {
        match self {
            Exchange::Response(r) => Some(r),
            _ => None,
        }
    }

    pub fn elapsed_ms(&self) -> u64 {
        match self {
            Exchange::Response(r) => r.elapsed_ms,
            Exchange::Timeout { elapsed_ms }
            | Exchange::Unreachable { elapsed_ms, .. }
            | Exchange::NotSent { elapsed_ms, .. }
            | Exchange::TlsUntrusted { elapsed_ms, .. } => *elapsed_ms,
        }
    }
}

/// An HTTP answer as the transport saw it, redirects not followed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct HttpResponse {
    /// HTTP status. `0` for the browser's opaque redirect (`redirect: "manual"`).
    pub status: u16,
    /// Header names lower-cased. Repeated headers are joined with `", "`.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
    /// Body decoded as UTF-8 (lossy), at most [`MAX_BODY_BYTES`].
    #[serde(default)]
    pub body: String,
    /// True when the body was cut at [`MAX_BODY_BYTES`].
    #[serde(default)]
    pub truncated: bool,
    /// True when this is a redirect answer the transport did not follow
    /// (a 3xx natively, an `opaqueredirect` in the browser).
    #[serde(default)]
    pub redirect: bool,
    #[serde(default)]
    pub elapsed_ms: u64,
    /// Where the request ended after followed redirects (only with
    /// [`HttpRequest::follow_redirects`]); `None` when not followed or unknown.
    #[serde(default)]
    pub final_url: Option<String>,
}

impl HttpResponse {
    /// Header value by lower-case name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }

    /// True when `Content-Type` says JSON.
    pub fn is_json(&self) -> bool {
        self.header("content-type")
            .is_some_and(|c| c.to_ascii_lowercase().contains("json"))
    }

    /// True when `Content-Type` says HTML.
    pub fn is_html(&self) -> bool {
        self.header("content-type")
            .is_some_and(|c| c.to_ascii_lowercase().contains("html"))
    }

    /// Parses the body as JSON of type `T` (`serde_json::Value` for any value); `None` when
    /// it is not JSON or has another shape.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_str(&self.body).ok()
    }
}

/// Lower-cases header names and joins repeats, as [`HttpResponse::headers`] expects.
pub fn normalize_headers<'a, I>(pairs: I) -> BTreeMap<String, String>
where
    I: IntoIterator<Item = (&'a str, &'a str)>,
{
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in pairs {
        let key = name.trim().to_ascii_lowercase();
        match out.get_mut(&key) {
            Some(existing) => {
                existing.push_str(", ");
                existing.push_str(value);
            }
            None => {
                out.insert(key, value.to_string());
            }
        }
    }
    out
}

/// Response headers worth keeping in logs and reports: Jira's diagnostic headers, never
/// `Authorization`, cookies or `Set-Cookie`.
pub const DIAGNOSTIC_HEADERS: &[&str] = &[
    "content-type",
    "x-ausername",
    "x-seraph-loginreason",
    "x-authentication-denied-reason",
    "x-anodeid",
    "x-arequestid",
    "x-asen",
    "x-aaccountid",
    "www-authenticate",
    "retry-after",
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
    "ratelimit-reason",
    "location",
    "server",
    // Who answered (probe::answerer): a proxy's marks, the edge's trace id.
    "via",
    "proxy-authenticate",
    "atl-traceid",
];

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
    /// `Basic`, `Bearer`, `Session` (the browser's cookies, PAT creation only) or `None`: how
    /// the request was authenticated, never a value.
    pub auth: String,
    /// HTTP status; `None` for a timeout or an unreachable server.
    pub status: Option<u16>,
    /// `"response"`, `"redirect"`, `"timeout"`, `"unreachable"`, `"not_sent"` (the transport
    /// refused to send it) or `"tls_untrusted"`.
    pub outcome: String,
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
        let auth = req
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
            .and_then(|(_, v)| v.split_whitespace().next())
            .unwrap_or(if req.sends_session_cookies() {
                "Session"
            } else {
                "None"
            })
            .to_string();
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
                let outcome = if r.redirect { "redirect" } else { "response" };
                (Some(r.status), outcome, headers)
            }
            Exchange::Timeout { .. } => (None, "timeout", BTreeMap::new()),
            Exchange::Unreachable { .. } => (None, "unreachable", BTreeMap::new()),
            Exchange::NotSent { .. } => (None, "not_sent", BTreeMap::new()),
            Exchange::TlsUntrusted { .. } => (None, "tls_untrusted", BTreeMap::new()),
        };
        let cut = |s: &str| s.chars().take(MAX_LOGGED_HEADER_CHARS).collect::<String>();
        RequestLog {
            id: req.id.clone(),
            method: req.method,
            url: without_userinfo(&req.url),
            auth,
            status,
            outcome: outcome.to_string(),
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

/// The URL with any `user:password@` part removed, for logs; otherwise unchanged. Text only
/// (a log may hold what no parser accepts): after `scheme:` and any `/` or `\`, the
/// authority runs to the first `/`, `\`, `?` or `#`, and its userinfo to the last `@` in it —
/// where the WHATWG URL parser ends them for http(s).
pub fn without_userinfo(raw: &str) -> String {
    let Some(colon) = raw.find(':') else {
        return raw.to_string();
    };
    let rest = raw[colon + 1..].trim_start_matches(['/', '\\']);
    let authority = &rest[..rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len())];
    match authority.rfind('@') {
        Some(at) => format!("{}//{}", &raw[..colon + 1], &rest[at + 1..]),
        None => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logs_never_keep_userinfo() {
        assert_eq!(
            without_userinfo("https://ann:s3cret@h/jira/rest"),
            "https://h/jira/rest"
        );
        assert_eq!(without_userinfo("https://h/x?y=1"), "https://h/x?y=1");
        assert_eq!(
            without_userinfo("https://h/x@y?z=a@b"),
            "https://h/x@y?z=a@b"
        );
        assert_eq!(
            without_userinfo("HTTP:\\\\ann:p@ss@h:8080\\x#@y"),
            "HTTP://h:8080\\x#@y"
        );
        assert_eq!(without_userinfo("no url at all @ x"), "no url at all @ x");
        let req = HttpRequest::get("x", "https://ann:s3cret@h/".into(), 1);
        let log = RequestLog::new(&req, &Exchange::Timeout { elapsed_ms: 1 });
        assert!(!log.url.contains("s3cret"));
    }

    #[test]
    fn debug_redacts_authorization() {
        let mut req = HttpRequest::get("x", "https://h/".into(), 1);
        req.headers
            .push(("Authorization".into(), "Bearer s3cret".into()));
        assert!(!format!("{req:?}").contains("s3cret"));
        let log = RequestLog::new(&req, &Exchange::Timeout { elapsed_ms: 1 });
        assert_eq!(log.auth, "Bearer");
    }
}
