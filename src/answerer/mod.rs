//! Who answered a request, from what is on the wire — the first question of every verdict
//! (ARCHITECTURE.md, "The token test's verdict: the order of questions").
//!
//! *Jira* leaves marks a device in front of it does not make up: its own headers and cookie
//! (facts §2.3: `X-AREQUESTID`, `X-ASEN`, `X-AUSERNAME`, `X-Seraph-LoginReason`,
//! `atlassian.xsrf.token` …), its JSON error shapes
//! (`{"errorMessages":[…],"errors":{}}`, `{"message":…,"status-code":…}`), a user object, and a
//! few sentences only Jira writes. An answer without them came from something else: with the
//! edge's own trace headers (`ATL-TraceId`, which Cloud's answers carry too) or on an
//! Atlassian host, *Atlassian's edge* (CloudFront, Envoy) in front of Cloud; where the site
//! was seen as Jira (its page or serverInfo had Jira's marks), or with the marks HTTP gives a
//! proxy (`407`, `Proxy-Authenticate`, `Via`), *a device in front of Jira*; otherwise *another
//! application*. No answer at all (a timeout, no connection, TLS): *nobody*.
//!
//! Vendor names (squid, CloudFront, Zscaler …) appear only in [`Who::signature`], the words a
//! verdict quotes; the decision never looks them up.

use crate::http::{Exchange, HttpResponse};
use crate::i18n::{l, L10n, Text};
use serde::{Deserialize, Serialize};

/// Who sent an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answerer {
    /// Jira itself (Cloud or self-managed): its headers, cookie or JSON shapes.
    Jira,
    /// Atlassian's edge in front of Jira Cloud (CDN, load balancer, API gateway), without
    /// Jira's marks.
    AtlassianEdge,
    /// A proxy, WAF, CDN, SSO or VPN gateway in front of a self-managed Jira.
    DeviceInFront,
    /// An origin that is not Jira answering as itself.
    OtherApp,
    /// No answer: a timeout, no connection, an untrusted certificate — or nothing was asked.
    Nobody,
}

impl Answerer {
    /// Every answerer, for tests and listings.
    pub const ALL: &'static [Answerer] = &[
        Answerer::Jira,
        Answerer::AtlassianEdge,
        Answerer::DeviceInFront,
        Answerer::OtherApp,
        Answerer::Nobody,
    ];

    /// The snake_case name (as in JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            Answerer::Jira => "jira",
            Answerer::AtlassianEdge => "atlassian_edge",
            Answerer::DeviceInFront => "device_in_front",
            Answerer::OtherApp => "other_app",
            Answerer::Nobody => "nobody",
        }
    }

    /// Who, as a verdict names it: "Jira itself", "Atlassian's edge in front of Jira Cloud" …
    pub fn label(self) -> L10n {
        match self {
            Answerer::Jira => l("Jira itself", "сама Jira"),
            Answerer::AtlassianEdge => l(
                "Atlassian's edge in front of Jira Cloud (not Jira)",
                "граничный сервер Atlassian перед Jira Cloud (не Jira)",
            ),
            Answerer::DeviceInFront => l(
                "a device in front of Jira — a proxy, firewall, CDN or SSO gateway (not Jira)",
                "устройство перед Jira — прокси, межсетевой экран, CDN или шлюз SSO (не Jira)",
            ),
            Answerer::OtherApp => l(
                "the server at this address, without any of Jira's marks",
                "сервер по этому адресу, без признаков Jira",
            ),
            Answerer::Nobody => l("nobody (no answer)", "никто (ответа нет)"),
        }
    }
}

/// Who answered, with the words that show it (headers or page markers, for the texts only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Who {
    pub answerer: Answerer,
    /// What on the wire named it, e.g. `Server: squid/5.7`, `X-AREQUESTID`; empty when nothing
    /// did.
    pub signature: String,
}

impl Who {
    pub fn nobody() -> Who {
        Who {
            answerer: Answerer::Nobody,
            signature: String::new(),
        }
    }

    /// The answerer's label with its signature: "a device in front of Jira … (Server: squid)".
    pub fn text(&self) -> Text {
        let label = self.answerer.label();
        if self.signature.is_empty() {
            label.text()
        } else {
            Text::new(
                format!("{} [{}]", label.en, self.signature),
                format!("{} [{}]", label.ru, self.signature),
            )
        }
    }
}

/// What was known before this answer came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Context {
    /// The request went to an Atlassian host (`*.atlassian.net`, `*.jira.com`,
    /// `api.atlassian.com`): Atlassian's edge stands in front of it.
    pub atlassian_host: bool,
    /// The site's REST API answered as Jira before (serverInfo's shape, Jira's JSON 401):
    /// an answer without Jira's marks came from something in front of it.
    pub site_is_jira: bool,
    /// Only the site's page said Jira (REST did not confirm): a refusal (401, 403) without
    /// Jira's marks came from something in front of it; other answers are the origin's own.
    pub page_says_jira: bool,
}

/// Headers only Jira (Cloud or self-managed) sends (facts §2.3).
pub const JIRA_HEADERS: &[&str] = &[
    "x-arequestid",
    "x-asessionid",
    "x-ausername",
    "x-aaccountid",
    "x-anodeid",
    "x-asen",
    "x-seraph-loginreason",
    "x-authentication-denied-reason",
];

/// Headers Atlassian's edge adds to whatever passes it — Jira Cloud's answers and its own
/// (tests/fixtures/real/atlassian-edge-502-globaledge-envoy.json: a 502 from
/// `globaledge-envoy` with `ATL-TraceId` and none of Jira's marks). Alone, they say the edge.
pub const EDGE_HEADERS: &[&str] = &["atl-traceid", "atl-request-id"];

/// Cookies only Jira sets.
const JIRA_COOKIES: &[&str] = &["atlassian.xsrf.token", "seraph.rememberme.cookie"];

/// Sentences only Jira writes (facts §3.1, §4.1, §4.4, §4.5; tests/fixtures/real/), compared
/// in lower case: Cloud's plain-text 401 follows `Accept`, so it may come without a JSON body.
const JIRA_SENTENCES: &[&str] = &[
    "client must be authenticated to access this resource",
    "failed to parse connect session auth token",
    "basic authentication with passwords is deprecated",
    "basic authentication has been disabled",
];

/// Longest signature quoted, in characters.
const MAX_SIGNATURE_CHARS: usize = 80;

/// The mark that says Jira answered, or `None`.
pub fn jira_mark(r: &HttpResponse) -> Option<String> {
    if let Some(h) = JIRA_HEADERS.iter().find(|h| r.header(h).is_some()) {
        return Some(h.to_ascii_uppercase());
    }
    if let Some(cookie) = r.header("set-cookie") {
        let lower = cookie.to_ascii_lowercase();
        if let Some(c) = JIRA_COOKIES.iter().find(|c| lower.contains(*c)) {
            return Some(format!("cookie {c}"));
        }
    }
    if r.truncated {
        return None;
    }
    if let Some(shape) = jira_json_shape(&r.body) {
        return Some(shape.to_string());
    }
    let body = r.body.to_ascii_lowercase();
    if let Some(s) = JIRA_SENTENCES.iter().find(|s| body.contains(*s)) {
        return Some(format!("\"{s}\""));
    }
    // facts §2.1: Jira's own pages (its login page, its error pages) name it in their metas.
    JIRA_PAGE_MARKS
        .iter()
        .find(|m| body.contains(*m))
        .map(|_| "Jira's page (application-name / ajs- metas)".to_string())
}

/// Meta tags only Jira's own pages carry (facts §2.1), compared in lower case.
const JIRA_PAGE_MARKS: &[&str] = &[
    "name=\"application-name\" content=\"jira\"",
    "name=\"ajs-version-number\"",
];

/// Jira's JSON: its error shapes and its user object.
fn jira_json_shape(body: &str) -> Option<&'static str> {
    let start = body.trim_start();
    if !start.starts_with('{') {
        return None;
    }
    let v: serde_json::Value = serde_json::from_str(start).ok()?;
    let o = v.as_object()?;
    if o.get("errorMessages").is_some_and(|m| m.is_array())
        && o.get("errors").is_none_or(|e| e.is_object())
    {
        return Some("Jira's JSON errorMessages");
    }
    if o.get("status-code").is_some() && o.get("message").is_some_and(|m| m.is_string()) {
        return Some("Jira's JSON message/status-code");
    }
    let text = |k: &str| {
        o.get(k)
            .and_then(|v| v.as_str())
            .is_some_and(|s| !s.is_empty())
    };
    if text("accountId") || (text("key") && text("name")) || (text("name") && text("self")) {
        return Some("Jira's user object");
    }
    None
}

fn clip(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control())
        .take(MAX_SIGNATURE_CHARS)
        .collect()
}

/// The marks HTTP gives an intermediary (RFC 9110 §7.6.3 `Via`, §11.7.1 `Proxy-Authenticate`,
/// a gateway's 502 / 504): a device answered, whoever made it.
fn intermediary_mark(r: &HttpResponse) -> Option<String> {
    // RFC 9110 §15.6.3, §15.6.5: 502 and 504 are a gateway's statuses.
    if matches!(r.status, 502 | 504) {
        return Some(format!("HTTP {} (a gateway's status)", r.status));
    }
    if let Some(v) = r.header("proxy-authenticate") {
        return Some(format!("Proxy-Authenticate: {}", clip(v)));
    }
    r.header("via").map(|v| format!("Via: {}", clip(v)))
}

/// Words naming the device, for the texts only: its headers, then its page's title.
fn wording(r: &HttpResponse) -> String {
    const HEADERS: [&str; 5] = ["X-Squid-Error", "Server", "Via", "X-Cache", "X-Amz-Cf-Id"];
    for name in HEADERS {
        if let Some(v) = r.header(&name.to_ascii_lowercase()) {
            return format!("{name}: {}", clip(v));
        }
    }
    page_title(&r.body).map(clip).unwrap_or_default()
}

/// The `<title>` of an HTML page, if any.
fn page_title(body: &str) -> Option<&str> {
    let lower = body.to_ascii_lowercase();
    let start = lower.find("<title>")? + "<title>".len();
    let end = start + lower[start..].find("</title>")?;
    body.get(start..end)
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

/// Who sent `ex`, given what was known before it came.
pub fn decide(ex: &Exchange, ctx: Context) -> Who {
    let Exchange::Response(r) = ex else {
        return Who::nobody();
    };
    of_response(r, ctx)
}

/// Who sent the answer `r`.
pub fn of_response(r: &HttpResponse, ctx: Context) -> Who {
    // RFC 9110 §15.5.8: only a proxy sends 407, whatever headers it passed on.
    if r.status == 407 {
        let words = wording(r);
        return Who {
            answerer: Answerer::DeviceInFront,
            signature: if words.is_empty() {
                "HTTP 407".into()
            } else {
                words
            },
        };
    }
    if let Some(mark) = jira_mark(r) {
        return Who {
            answerer: Answerer::Jira,
            signature: mark,
        };
    }
    let words = wording(r);
    // Behind Atlassian's host names, or with its trace id, whatever answered is the edge.
    let edge = ctx.atlassian_host || EDGE_HEADERS.iter().any(|h| r.header(h).is_some());
    let (answerer, signature) = match intermediary_mark(r) {
        Some(mark) => {
            let who = if edge {
                Answerer::AtlassianEdge
            } else {
                Answerer::DeviceInFront
            };
            (who, if words.is_empty() { mark } else { words })
        }
        None if edge => (Answerer::AtlassianEdge, words),
        None if ctx.site_is_jira || (ctx.page_says_jira && matches!(r.status, 401 | 403)) => {
            (Answerer::DeviceInFront, words)
        }
        None => (Answerer::OtherApp, words),
    };
    Who {
        answerer,
        signature,
    }
}

#[cfg(test)]
mod tests;
