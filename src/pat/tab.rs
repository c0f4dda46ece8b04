//! The creation sent from the Jira tab: the core plans the one POST
//! ([`CreateFlow::tab_request`], a [`TabRequest`] the extension runs in the Jira tab's own
//! content-script context, `extension/tab-fetch.js`) and classifies what came back
//! ([`CreateFlow::interpret`], the same [`CreateResult`] as the [`Flow`] gives). Sans-IO: the
//! tab only executes the planned request and hands back status, the headers named in
//! [`TabRequest::response_headers`] and the body as an [`Exchange`].
//!
//! Why from the tab: Jira's XSRF check (facts §4.8) accepts a browser's POST only with a
//! same-origin `Origin`/`Referer`, or an `Origin` of `chrome-extension://`/`safari-extension://`.
//! Firefox's extension pages send `Origin: moz-extension://…` and are refused; a request made
//! in the tab carries the Jira page's origin and its session cookie in both browsers.

use super::{CreateFlow, CreateResult, CREATE};
use crate::flow::Flow;
use crate::http::{Exchange, Method, DIAGNOSTIC_HEADERS, MAX_BODY_BYTES};
use crate::urls;
use serde::Serialize;
use std::collections::BTreeMap;

/// The creation request as the Jira tab sends it. It holds no secret (the session is the
/// tab's cookie, never a value here), so unlike [`crate::http::HttpRequest`] it serializes.
/// The tab's transport rules (`extension/tab-fetch.js`): nothing is sent unless the tab's
/// `location.origin` is [`TabRequest::origin`]; `credentials: "same-origin"`,
/// `redirect: "manual"`, `cache: "no-store"`; aborted after [`TabRequest::timeout_ms`]; at
/// most [`TabRequest::max_body_bytes`] of the body read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TabRequest {
    pub method: Method,
    /// Absolute URL of `/rest/pat/latest/tokens` under the detected base URL.
    pub url: String,
    /// `scheme://host[:port]` of `url`: the only origin the tab may send it from.
    pub origin: String,
    pub headers: BTreeMap<String, String>,
    /// The JSON body (`{"name": …, "expirationDuration": days}`).
    pub body: String,
    /// Timeout of the whole exchange, body included, in milliseconds.
    pub timeout_ms: u32,
    /// Lower-case names of the response headers to hand back ([`DIAGNOSTIC_HEADERS`]).
    pub response_headers: Vec<String>,
    /// Longest body the tab reads, in bytes ([`MAX_BODY_BYTES`]).
    pub max_body_bytes: usize,
}

impl CreateFlow {
    /// The one request, for the Jira tab to send.
    pub fn tab_request(&self) -> TabRequest {
        let req = self.request();
        let origin = urls::parse_http(&req.url)
            .map(|u| urls::origin(&u))
            .unwrap_or_default();
        TabRequest {
            method: req.method,
            origin,
            headers: req.headers.into_iter().collect(),
            body: req.body.unwrap_or_default(),
            timeout_ms: req.timeout_ms,
            url: req.url,
            response_headers: DIAGNOSTIC_HEADERS.iter().map(|h| h.to_string()).collect(),
            max_body_bytes: MAX_BODY_BYTES,
        }
    }

    /// What the tab's answer means: the same classification as the [`Flow`]'s, with the
    /// request logged as sent with the session (no body, no cookie).
    pub fn interpret(mut self, answer: Exchange) -> CreateResult {
        self.next_batch();
        self.feed(vec![(CREATE.to_string(), answer)]);
        self.finish()
    }
}
