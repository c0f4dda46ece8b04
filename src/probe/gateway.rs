//! Atlassian's gateway for Cloud credentials the site refuses (facts §3.2): a scoped API token
//! — or any token of a service account — is refused by `https://<site>.atlassian.net` with the
//! same 401 as a wrong token, and works only through
//! `https://api.atlassian.com/ex/jira/{cloudId}`. So on a Cloud 401 the test asks the gateway
//! (when the caller allowed it: the CLI by default, the popup after its click), and the
//! gateway's answer decides: it works there, its scopes do not match, or both refuse.

use super::classify::{says_scope_mismatch, Finding};
use super::{ProbeFlow, Scheme, GATEWAY_MYSELF};
use crate::catalogue::Code;
use crate::http::{Exchange, HttpResponse};

/// Service accounts log in as `…@serviceaccount.atlassian.com`; they only have scoped tokens,
/// which the gateway also takes as Bearer (facts §3.2).
pub(super) fn is_service_account(login: &str) -> bool {
    login
        .trim()
        .to_ascii_lowercase()
        .ends_with("@serviceaccount.atlassian.com")
}

/// Sent the way the gateway takes it: e-mail + token over Basic, or a service account's
/// token as Bearer.
fn gateway_scheme(flow: &ProbeFlow) -> bool {
    flow.plan.scheme == Scheme::Basic || is_service_account(&flow.input.login)
}

/// A Cloud site refused the credential with 401, sent as the gateway takes it.
pub(super) fn worth_asking(flow: &ProbeFlow, me: &HttpResponse) -> bool {
    me.status == 401 && flow.is_cloud() && gateway_scheme(flow)
}

/// The popup's offer: the site refused such a credential and the gateway was not asked.
pub(super) fn offer(flow: &ProbeFlow) -> bool {
    let me = flow.answers.get(super::MYSELF).and_then(Exchange::response);
    me.is_some_and(|me| worth_asking(flow, me)) && !flow.answers.contains_key(GATEWAY_MYSELF)
}

/// The gateway's `/myself`, when it was asked and answered.
pub(super) fn answer(flow: &ProbeFlow) -> Option<&HttpResponse> {
    flow.answers
        .get(GATEWAY_MYSELF)
        .and_then(Exchange::response)
}

/// facts §3.2: the gateway's 401 "Unauthorized; scope does not match" — the token has scopes,
/// not the ones asked for. Names the scopes the target needs.
pub(super) fn scope_mismatch(flow: &ProbeFlow) -> Option<Finding> {
    let r = answer(flow)?;
    if r.status != 401 || !says_scope_mismatch(r) {
        return None;
    }
    let profile = flow.input.target.profile();
    Some(Finding::new(
        Code::ScopeMismatch,
        vec![
            ("gateway", flow.gateway_base().unwrap_or_default()),
            ("target", profile.name.en.to_string()),
            ("scopes", profile.scopes.join(", ")),
        ],
    ))
}
