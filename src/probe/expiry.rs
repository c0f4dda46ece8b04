//! When credentials expire. Cloud API tokens: at most 365 days since 2024-12-15, and the older
//! ones between 2026-03-14 and 2026-05-12 (facts §3.1) — said in every Cloud refusal. Data
//! Center personal access tokens: `GET /rest/pat/latest/tokens` lists the caller's own tokens
//! with `expiringAt` (facts §3.3); the test reads it for a working PAT and says when it expires
//! — only when the token is identified for certain (the account has exactly one), never a guess.

use super::finding::Finding;
use super::{JiraUser, ProbeFlow, PAT_TOKENS};
use crate::auth_plan::PAT_PAGE_PATH;
use crate::catalogue::{Code, Notice};
use crate::http::Exchange;
use crate::i18n::{l, L10n};
use crate::time::{date_utc, parse_rfc3339, DAY_SECS};
use crate::urls;
use serde::{Deserialize, Serialize};

/// `token_expires_soon` warns when fewer days than this are left.
pub const EXPIRES_SOON_DAYS: i64 = 14;
/// Longest token name kept (Jira allows 40, facts §3.3).
const MAX_NAME_CHARS: usize = 80;

/// Said beside every Cloud refusal of an API token (facts §3.1, §7.2): an expired token looks
/// exactly like a wrong one, and where to tell them apart.
pub(super) const CLOUD_TOKEN_EXPIRY: L10n = l(
    "An expired API token is refused exactly like a wrong one. API tokens expire: since 2024-12-15 at most 365 days after creation, and tokens created before then expired between 2026-03-14 and 2026-05-12 — a token that worked for years may now get 401. To tell expired from wrong, open the token list at https://id.atlassian.com/manage-profile/security/api-tokens (signed in as the token's owner): it shows each token's expiry date.",
    "Истёкший API-токен отклоняется точно так же, как неверный. API-токены истекают: с 15.12.2024 — не позднее 365 дней после создания, а созданные раньше истекли между 14.03.2026 и 12.05.2026 — токен, работавший годами, может теперь получать 401. Чтобы отличить истёкший от неверного, откройте список токенов на https://id.atlassian.com/manage-profile/security/api-tokens (войдя как владелец токена): там указан срок каждого токена.",
);

/// `token_expired`: a Cloud token refused on or after the expiry date remembered for this
/// connection (`CheckInput::expires_on`), judged against the caller's `now`. The day itself
/// counts: Atlassian's tokens expire during their last day, and a refusal then is the expiry.
pub(super) fn remembered_expired(flow: &ProbeFlow) -> Option<Finding> {
    let (on, now) = (flow.plan.expires_on?, flow.plan.now?);
    if now < on {
        return None;
    }
    let days = (now - on).div_euclid(DAY_SECS);
    let ago = crate::remember::days_text(-days);
    Some(Finding::new(
        Code::TokenExpired,
        vec![("date", date_utc(on)), ("ago", ago.en), ("ago_ru", ago.ru)],
    ))
}

/// The tested personal access token's expiry, as Jira listed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenExpiry {
    /// The token's name in Jira.
    pub name: String,
    /// `expiringAt` as Jira said it (RFC 3339); `None` = the token never expires.
    pub expiring_at: Option<String>,
    /// Its UTC date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Whole days left from the caller's `now`; `None` without a `now` or an expiry.
    pub days_left: Option<i64>,
}

/// The expiry date the caller remembered for this connection, judged against its `now`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RememberedExpiry {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Whole days left from the caller's `now` (`remember::days_left`); `None` without one.
    pub days_left: Option<i64>,
    /// "expires on 2026-05-12 (in 29 days)" (`remember::expiry_text`).
    pub text: crate::i18n::Text,
}

/// The remembered date, for a credential that works.
pub(super) fn remembered(flow: &ProbeFlow) -> Option<RememberedExpiry> {
    let date = date_utc(flow.plan.expires_on?);
    Some(RememberedExpiry {
        days_left: flow
            .plan
            .now
            .and_then(|now| crate::remember::days_left(&date, now)),
        text: crate::remember::expiry_text(&date, flow.plan.now),
        date,
    })
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListedToken {
    name: Option<String>,
    #[serde(default)]
    expiring_at: Option<String>,
}

/// The token list's one token, when the credential worked as its owner.
pub(super) fn read(flow: &ProbeFlow, user: Option<&JiraUser>) -> Option<TokenExpiry> {
    user?;
    let r = flow.answers.get(PAT_TOKENS).and_then(Exchange::response)?;
    if r.status != 200 {
        return None;
    }
    let list: Vec<ListedToken> = r.json()?;
    let [token] = list.as_slice() else {
        return None; // none or several: which one was used cannot be told
    };
    let name: String = token
        .name
        .as_deref()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let (expiring_at, at) = match token.expiring_at.as_deref().map(str::trim) {
        None | Some("") => (None, None),
        Some(s) => {
            let at = parse_rfc3339(s)?; // an expiry that cannot be read is not guessed
            (Some(s.to_string()), Some(at))
        }
    };
    let days_left = match (at, flow.plan.now) {
        (Some(at), Some(now)) => Some((at - now).div_euclid(DAY_SECS)),
        _ => None,
    };
    Some(TokenExpiry {
        name,
        expiring_at,
        date: at.map(date_utc),
        days_left,
    })
}

/// `token_expires_soon` when fewer than [`EXPIRES_SOON_DAYS`] days are left.
pub(super) fn warning(flow: &ProbeFlow, e: &TokenExpiry) -> Option<Notice> {
    let days = e.days_left.filter(|d| *d < EXPIRES_SOON_DAYS)?.max(0);
    let page = urls::join(
        flow.deployment().base_url.as_deref().unwrap_or(&flow.base),
        PAT_PAGE_PATH,
    );
    Some(Code::TokenExpiresSoon.notice(&[
        ("days", &days.to_string()),
        ("name", &e.name),
        ("date", e.date.as_deref().unwrap_or("?")),
        ("page", &page),
    ]))
}
