//! A Jira that moved to Cloud (facts §7.5: no new Data Center subscriptions since March 2026;
//! `issues.redhat.com` → `redhat.atlassian.net`, where Bearer-PAT integrations had to switch to
//! e-mail + API token). Three answers say it, each read at its step of the verdict's order:
//!
//! - the status class: the old address redirects to an Atlassian Cloud site (`*.atlassian.net`)
//!   — `classify::sso` asks [`redirected`] before calling a redirect an SSO page;
//! - Jira's words on a Cloud site: a Data Center personal access token refused (`refused.rs`:
//!   the Bearer 403 "Failed to parse Connect Session Auth Token" or its older 401), or a
//!   username (no `@`) with a password or a PAT sent as Basic and refused ([`dc_credential`]).
//!
//! The verdict names the new address and the new credential: e-mail + API token, Basic.

use super::classify::Finding;
use super::{ProbeFlow, Scheme, SecretKind};
use crate::catalogue::Code;
use crate::deployment::Hosting;
use crate::i18n::l;
use crate::urls;

/// The old address's redirect to an Atlassian Cloud site, from a deployment not known as Cloud.
pub(super) fn redirected(flow: &ProbeFlow, location: &str) -> Option<Finding> {
    if flow.deployment().hosting == Some(Hosting::Cloud) {
        return None;
    }
    let to = urls::parse_http(location)?;
    if !urls::is_atlassian_site(to.host_str()) {
        return None;
    }
    let site = urls::origin(&to);
    let old = old_address(flow);
    let evidence = l(
        "{old} now redirects to {site}, an Atlassian Cloud site: this Jira moved to Cloud.",
        "{old} теперь перенаправляет на {site} — сайт Atlassian Cloud: эта Jira переехала в Cloud.",
    )
    .fill(&[("old", &old), ("site", &site)]);
    let sent = sent(flow);
    Some(finding(site, evidence, sent))
}

/// A Data Center credential the Cloud site refused: a PAT (Bearer, or Basic after a username)
/// or a username with a password. An e-mail login with a password is Cloud's own case
/// (`password_not_accepted`), a username with an API token a mistyped login.
pub(super) fn dc_credential(flow: &ProbeFlow) -> Option<Finding> {
    let kind = flow.plan.secret_kind;
    let username = !flow.input.login.trim().is_empty() && !flow.input.login.contains('@');
    let dc = match flow.plan.scheme {
        Scheme::Bearer => kind == SecretKind::Pat,
        Scheme::Basic => username && kind != SecretKind::ApiToken,
    };
    if !dc {
        return None;
    }
    let site = flow
        .deployment()
        .base_url
        .clone()
        .unwrap_or_else(|| flow.base.clone());
    let evidence = l(
        "{site} is Jira Cloud, and it refused a Data Center credential.",
        "{site} — это Jira Cloud, и он отклонил учётные данные Data Center.",
    )
    .fill(&[("site", &site)]);
    Some(finding(site, evidence, sent(flow)))
}

/// The address that redirected: Jira's base URL, where the test went, or — when nothing was
/// sent because REST only redirected — where detection asked serverInfo.
fn old_address(flow: &ProbeFlow) -> String {
    let asked = || {
        let info = flow
            .detection
            .requests
            .iter()
            .rev()
            .find(|r| r.id == crate::detect::SERVER_INFO)?;
        info.url
            .strip_suffix("/rest/api/2/serverInfo")
            .map(str::to_string)
    };
    flow.deployment()
        .base_url
        .clone()
        .or_else(|| (!flow.base.is_empty()).then(|| flow.base.clone()))
        .or_else(asked)
        .unwrap_or_default()
}

/// What was sent, in words.
fn sent(flow: &ProbeFlow) -> crate::i18n::Text {
    let login: String = flow.input.login.trim().chars().take(80).collect();
    match (flow.plan.scheme, flow.plan.secret_kind) {
        (Scheme::Bearer, _) => l(
            "a personal access token sent as Bearer",
            "персональный токен доступа, отправленный как Bearer",
        )
        .text(),
        (Scheme::Basic, SecretKind::Pat) => l(
            "the username \"{login}\" with a personal access token",
            "имя пользователя «{login}» с персональным токеном доступа",
        )
        .fill(&[("login", &login)]),
        (Scheme::Basic, _) if login.contains('@') => l(
            "the e-mail \"{login}\" with a password",
            "e-mail «{login}» с паролем",
        )
        .fill(&[("login", &login)]),
        (Scheme::Basic, _) => l(
            "the username \"{login}\" with a password",
            "имя пользователя «{login}» с паролем",
        )
        .fill(&[("login", &login)]),
    }
}

fn finding(site: String, evidence: crate::i18n::Text, sent: crate::i18n::Text) -> Finding {
    Finding::new(
        Code::MovedToCloud,
        vec![
            ("site", site),
            ("evidence", evidence.en),
            ("evidence_ru", evidence.ru),
            ("sent", sent.en),
            ("sent_ru", sent.ru),
        ],
    )
}
