//! The endpoints the integration itself calls (`targets::Profile::calls`, the input's
//! `calls`), asked with the credential in the permission check's batch: a 410 that Jira sent
//! means Jira removed the endpoint (Cloud's `GET /rest/api/2|3/search`, facts §7.1) — the
//! connector fails however good the credential is. The verdict is then `endpoint_removed`,
//! the integration vendor's problem: read only once Jira named the account (`classify`), so
//! the credential is proven and the verdict says so.

use super::{status_class, ProbeFlow, ENDPOINT_PREFIX};
use crate::answerer::{self, Answerer};
use crate::http::Exchange;
use crate::targets::Endpoint;

/// Longest piece of Jira's message quoted.
const MAX_SAID_CHARS: usize = 300;

/// The first endpoint Jira answered 410 for, with what Jira said.
pub(super) fn removed(flow: &ProbeFlow) -> Option<(&'static Endpoint, String)> {
    flow.plan.endpoints.iter().find_map(|e| {
        let id = format!("{ENDPOINT_PREFIX}{}", e.id);
        let r = flow.answers.get(&id).and_then(Exchange::response)?;
        if r.status != 410 {
            return None;
        }
        let url = crate::urls::join(&flow.base, e.path);
        let who = answerer::of_response(r, status_class::context(flow, &url));
        (who.answerer == Answerer::Jira).then(|| (*e, said(r)))
    })
}

/// Jira's first error message (`{"errorMessages":["The requested API has been removed. …"]}`).
fn said(r: &crate::http::HttpResponse) -> String {
    let v = r.json::<serde_json::Value>().unwrap_or_default();
    let first = v
        .get("errorMessages")
        .and_then(|m| m.get(0))
        .and_then(|m| m.as_str())
        .unwrap_or("");
    let text: String = first
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_SAID_CHARS)
        .collect();
    if text.is_empty() {
        "HTTP 410 Gone".into()
    } else {
        format!("HTTP 410 Gone: \"{text}\"")
    }
}
