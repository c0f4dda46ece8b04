//! A 429 and what its headers say (facts §4.7): `Retry-After`, Cloud's `RateLimit-Reason`
//! (which limit — tests/fixtures/real/cloud-429-*-docs-example.json) and the beta quota's
//! `Beta-Retry-After` (tests/fixtures/real/cloud-beta-quota-exceeded-docs-example.json).
//! Data Center's `X-RateLimit-*` with `Retry-After: 0` on a 200 is no limit: only a 429 is.

use super::classify::Finding;
use crate::catalogue::Code;
use crate::http::HttpResponse;
use crate::i18n::{l, L10n};

const MAX_VALUE_CHARS: usize = 40;

/// What each documented `RateLimit-Reason` means for the caller.
const REASONS: &[(&str, L10n)] = &[
    ("jira-burst-based", l(
        "too many requests in a short burst to this endpoint; slow down calls to it, others are not affected",
        "слишком много запросов к этому ресурсу за короткое время; замедлите обращения к нему, остальные не затронуты",
    )),
    ("jira-per-issue-on-write", l(
        "too many changes to the same issue; space out writes to that issue",
        "слишком много изменений одной задачи; делайте записи в неё реже",
    )),
    ("jira-quota-tenant-based", l(
        "this site's hourly quota is used up; pause until the hour resets",
        "часовая квота этого сайта исчерпана; подождите до начала следующего часа",
    )),
    ("jira-quota-global-based", l(
        "the hourly quota is used up; pause every call until the hour resets",
        "часовая квота исчерпана; приостановите все запросы до начала следующего часа",
    )),
];

/// A header value fit for a text: printable ASCII, short.
fn value(r: &HttpResponse, name: &str) -> Option<String> {
    let v = r.header(name)?.trim();
    (!v.is_empty()
        && v.len() <= MAX_VALUE_CHARS
        && v.chars().all(|c| c.is_ascii_graphic() || c == ' '))
    .then(|| v.to_string())
}

pub(super) fn finding(r: &HttpResponse) -> Finding {
    let retry = value(r, "retry-after")
        .map(|v| format!(" (Retry-After: {v})"))
        .unwrap_or_default();
    let (mut reason, mut reason_ru) = (String::new(), String::new());
    if let Some(v) = value(r, "ratelimit-reason") {
        match REASONS.iter().find(|(k, _)| k.eq_ignore_ascii_case(&v)) {
            Some((_, what)) => {
                reason.push_str(&format!(" RateLimit-Reason: {v} — {}.", what.en));
                reason_ru.push_str(&format!(" RateLimit-Reason: {v} — {}.", what.ru));
            }
            None => {
                reason.push_str(&format!(" RateLimit-Reason: {v}."));
                reason_ru.push_str(&format!(" RateLimit-Reason: {v}."));
            }
        }
    }
    if let Some(v) = value(r, "beta-retry-after") {
        reason.push_str(&format!(
            " Beta-Retry-After: {v} — Atlassian's new quota limit asks to wait {v} s."
        ));
        reason_ru.push_str(&format!(
            " Beta-Retry-After: {v} — новый лимит квот Atlassian просит подождать {v} с."
        ));
    }
    Finding::new(
        Code::RateLimited,
        vec![
            ("retry", retry),
            ("reason", reason),
            ("reason_ru", reason_ru),
        ],
    )
}
