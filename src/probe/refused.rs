//! Why Jira refused the credential: the 401 and 403 answers, Cloud and Server/DC apart
//! (facts §3.1–§3.3, §4.1–§4.5).

use super::classify::{reason, says_scope_mismatch, unexpected, Finding};
use super::{JiraUser, ProbeFlow, Scheme, GATEWAY_MYSELF, MYSELF_BEARER};
use crate::auth_plan::PAT_PAGE_PATH;
use crate::catalogue::Code;
use crate::http::{Exchange, HttpResponse};
use crate::i18n::l;
use crate::urls;

pub(super) fn token_ignored(flow: &ProbeFlow) -> Finding {
    let d = flow.deployment();
    if d.major_minor()
        .is_some_and(|v| v < crate::auth_plan::PAT_SINCE)
    {
        let version = d.version.clone().unwrap_or_default();
        return Finding::new(Code::PatNotSupported, vec![("version", version)]);
    }
    let page = urls::join(d.base_url.as_deref().unwrap_or(&flow.base), PAT_PAGE_PATH);
    Finding::new(Code::TokenNotRecognized, vec![("page", page)])
}

pub(super) fn unauthorized(flow: &ProbeFlow, r: &HttpResponse) -> Finding {
    if flow.is_cloud() {
        return unauthorized_cloud(flow, r);
    }
    // facts §4.2: Seraph's reason for a known user without Jira access / inactive.
    if reason(r).contains("AUTHORISATION_FAILED") {
        return no_jira_access();
    }
    match flow.plan.scheme {
        // facts §4.4: a bad PAT falls through to anonymous; /myself then answers 401.
        Scheme::Bearer => token_ignored(flow),
        Scheme::Basic => {
            // facts §3.3: PATs work only as Bearer. The retry proves the secret is a PAT.
            let as_bearer = flow.answers.get(MYSELF_BEARER).and_then(Exchange::response);
            match as_bearer.and_then(JiraUser::from_response) {
                Some(user) => {
                    let mut f =
                        Finding::new(Code::PatNotAcceptedAsPassword, vec![("user", user.label())]);
                    f.user = Some(user);
                    f
                }
                None => rejected(flow, r),
            }
        }
    }
}

fn unauthorized_cloud(flow: &ProbeFlow, r: &HttpResponse) -> Finding {
    let body = r.body.to_ascii_lowercase();
    // facts §4.1: the plain-text answer to password Basic auth on Cloud.
    if body.contains("basic authentication with passwords is deprecated") {
        return Finding::new(Code::PasswordNotAccepted, vec![]);
    }
    // facts §3.1: an API token sent as Bearer (JRACLOUD-72405).
    if flow.plan.scheme == Scheme::Bearer {
        return Finding::new(Code::WrongAuthMethod, vec![]);
    }
    if says_scope_mismatch(r) {
        return scoped(flow);
    }
    rejected(flow, r)
}

/// facts §3.2: scoped tokens work only through `api.atlassian.com/ex/jira/{cloudId}`.
fn scoped(flow: &ProbeFlow) -> Finding {
    let site = flow
        .deployment()
        .base_url
        .clone()
        .unwrap_or_else(|| flow.base.clone());
    let cloud_id = flow.cloud_id().unwrap_or_else(|| "{cloudId}".into());
    let gateway_base = flow
        .plan
        .gateway
        .as_deref()
        .unwrap_or(crate::auth_plan::CLOUD_GATEWAY);
    let gateway = format!("{gateway_base}/ex/jira/{cloud_id}");
    let answer = flow
        .answers
        .get(GATEWAY_MYSELF)
        .and_then(Exchange::response);
    let user = answer.and_then(JiraUser::from_response);
    let status = answer.map(|a| a.status.to_string()).unwrap_or_default();
    let label = user.as_ref().map(JiraUser::label).unwrap_or_default();
    let result = match (answer, &user) {
        (_, Some(_)) => l(
            "through {gateway} the same token works (as {user}).",
            "через {gateway} тот же токен работает (от имени {user}).",
        ),
        (Some(_), None) => l(
            "{gateway} refused it too (HTTP {status}): the token lacks the read:jira-user scope.",
            "{gateway} тоже его отклонил (HTTP {status}): у токена нет области read:jira-user.",
        ),
        (None, None) => l(
            "the token has scopes (the gateway was not tried).",
            "у токена есть области (scopes); шлюз не проверялся.",
        ),
    }
    .fill(&[("gateway", &gateway), ("user", &label), ("status", &status)]);
    let mut f = Finding::new(
        Code::ScopedTokenNeedsGateway,
        vec![
            ("gateway_result", result.en),
            ("gateway_result_ru", result.ru),
            ("gateway", gateway),
            ("site", site),
        ],
    );
    f.user = user;
    f
}

pub(super) fn rejected(flow: &ProbeFlow, r: &HttpResponse) -> Finding {
    let login = flow.input.login.trim().to_string();
    let hint = if flow.is_cloud() {
        l(
            "Use your Atlassian account e-mail and an API token (not your password).",
            "Используйте e-mail учётной записи Atlassian и API-токен (не пароль).",
        )
    } else if login.contains('@') {
        l(
            "Server/Data Center logins are usernames, not e-mail addresses.",
            "На Server/Data Center логин — это имя пользователя, а не e-mail.",
        )
    } else {
        l(
            "Check the username (not the e-mail) and the password.",
            "Проверьте имя пользователя (не e-mail) и пароль.",
        )
    };
    let reason = match reason(r) {
        s if s.is_empty() => "—".to_string(),
        s => s.chars().take(40).collect(),
    };
    Finding::new(
        Code::CredentialsRejected,
        vec![
            ("status", r.status.to_string()),
            ("reason", reason),
            ("login", login),
            ("hint", hint.en.to_string()),
            ("hint_ru", hint.ru.to_string()),
        ],
    )
}

pub(super) fn forbidden(flow: &ProbeFlow, r: &HttpResponse, url: &str) -> Finding {
    let denied = r.header("x-authentication-denied-reason").unwrap_or("");
    // facts §4.3: CAPTCHA_CHALLENGE; login-url=…
    if denied.to_ascii_uppercase().contains("CAPTCHA_CHALLENGE")
        || reason(r).contains("AUTHENTICATION_DENIED")
    {
        let login_url = captcha_login_url(denied, &flow.base);
        let fallback = urls::join(&flow.base, "/login.jsp");
        let mut f = Finding::new(
            Code::CaptchaRequired,
            vec![
                ("login_url", login_url.clone().unwrap_or(fallback)),
                ("login", flow.input.login.trim().to_string()),
            ],
        );
        f.login_url = login_url;
        return f;
    }
    // facts §4.5
    if r.body.contains("Basic Authentication has been disabled") {
        let page = urls::join(
            flow.deployment().base_url.as_deref().unwrap_or(&flow.base),
            PAT_PAGE_PATH,
        );
        return Finding::new(Code::BasicAuthDisabled, vec![("page", page)]);
    }
    if reason(r).contains("AUTHORISATION_FAILED") {
        return no_jira_access();
    }
    unexpected(r, url, "403 without a known reason")
}

/// The `login-url=` of a CAPTCHA header, only when it points at the Jira host we tested
/// (facts §4.3: validate before display; a hostile server could point anywhere).
fn captcha_login_url(header: &str, base: &str) -> Option<String> {
    let raw = header
        .split(';')
        .find_map(|part| part.trim().strip_prefix("login-url="))?
        .trim();
    let url = urls::parse_http(raw)?;
    let base = urls::parse_http(base)?;
    (url.host_str() == base.host_str()
        && url.port_or_known_default() == base.port_or_known_default())
    .then(|| url.to_string())
}

/// facts §4.2: Seraph's AUTHORISATION_FAILED — the password was right, but the account is
/// inactive or may not use Jira.
fn no_jira_access() -> Finding {
    let detail = "X-Seraph-LoginReason: AUTHORISATION_FAILED".to_string();
    Finding::new(Code::AccountInactive, vec![("detail", detail)])
}
