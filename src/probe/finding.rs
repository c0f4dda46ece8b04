//! A verdict in the making: its code, the values for its texts and who answered (`Finding`),
//! and the small readings of an answer every step shares.

use super::JiraUser;
use crate::answerer::Who;
use crate::catalogue::Code;
use crate::http::{Exchange, HttpResponse};
use crate::permissions::PermissionReport;

/// A verdict code with the values for its text.
pub(super) struct Finding {
    pub(super) code: Code,
    pub(super) vars: Vec<(&'static str, String)>,
    pub(super) user: Option<JiraUser>,
    pub(super) permissions: Option<PermissionReport>,
    pub(super) login_url: Option<String>,
    /// The gateway URL the credential works through (the site refused it).
    pub(super) via_gateway: Option<String>,
    /// Who sent the answer the verdict reads (`Nobody` when none was read).
    pub(super) who: Who,
    /// Why no credential was sent, when none was (`None`: it was).
    pub(super) unsent: Option<crate::i18n::Text>,
}

impl Finding {
    pub(super) fn new(code: Code, vars: Vec<(&'static str, String)>) -> Finding {
        Finding {
            code,
            vars,
            user: None,
            permissions: None,
            login_url: None,
            via_gateway: None,
            who: Who::nobody(),
            unsent: None,
        }
    }
}

/// Cloud's answer for a scoped token used on the site (facts §3.2).
pub(super) fn says_scope_mismatch(r: &HttpResponse) -> bool {
    r.body.to_ascii_lowercase().contains("scope does not match")
}

pub(super) fn reason(r: &HttpResponse) -> String {
    r.header("x-seraph-loginreason")
        .unwrap_or("")
        .trim()
        .to_ascii_uppercase()
}

pub(super) fn is_anonymous(r: &HttpResponse) -> bool {
    r.header("x-ausername")
        .is_some_and(|u| u.trim().eq_ignore_ascii_case("anonymous"))
}

/// An HTML login form instead of JSON (facts §4.6: `os_username`, `login-form`, SAML).
pub(super) fn is_login_page(r: &HttpResponse) -> bool {
    let b = r.body.to_ascii_lowercase();
    [
        "os_username",
        "login-form",
        "samlrequest",
        "type=\"password\"",
        "type='password'",
    ]
    .iter()
    .any(|m| b.contains(m))
}

/// The verdict for an exchange without an answer: a timeout, an unreachable server, a request
/// the transport refused to send (`transport_failed`, never `unreachable`: nothing reached the
/// network) or an untrusted certificate (`tls_untrusted`, naming its subject and issuer).
pub fn no_answer(url: &str, ex: &Exchange, timeout_ms: u32) -> (Code, Vec<(&'static str, String)>) {
    let url = url.to_string();
    match ex {
        Exchange::Timeout { .. } => {
            let f = timeout(&url, timeout_ms);
            (f.code, f.vars)
        }
        Exchange::Unreachable { detail, .. } => (
            Code::Unreachable,
            vec![("url", url), ("detail", detail.clone())],
        ),
        Exchange::NotSent { detail, .. } => (
            Code::TransportFailed,
            vec![("url", url), ("detail", detail.clone())],
        ),
        Exchange::TlsUntrusted {
            certificate,
            detail,
            ..
        } => tls_untrusted(url, certificate, detail),
        Exchange::Response(r) => (
            Code::UnexpectedResponse,
            vec![
                ("url", url),
                ("status", r.status.to_string()),
                ("detail", "an answer".into()),
            ],
        ),
    }
}

pub(super) fn tls_untrusted(
    url: String,
    cert: &crate::http::CertificateNames,
    detail: &str,
) -> (Code, Vec<(&'static str, String)>) {
    let or_unknown = |s: &str| {
        if s.is_empty() {
            "?".to_string()
        } else {
            s.to_string()
        }
    };
    (
        Code::TlsUntrusted,
        vec![
            ("url", url),
            ("subject", or_unknown(&cert.subject)),
            ("issuer", or_unknown(&cert.issuer)),
            ("detail", detail.to_string()),
        ],
    )
}

pub(super) fn timeout(url: &str, timeout_ms: u32) -> Finding {
    let seconds = crate::i18n::seconds(timeout_ms);
    Finding::new(
        Code::Timeout,
        vec![("url", url.to_string()), ("seconds", seconds)],
    )
}

pub(super) fn unexpected(r: &HttpResponse, url: &str, detail: &str) -> Finding {
    Finding::new(
        Code::UnexpectedResponse,
        vec![
            ("url", url.to_string()),
            ("status", r.status.to_string()),
            ("detail", detail.to_string()),
        ],
    )
}
