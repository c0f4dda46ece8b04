//! Why Jira refused the credential: the 401 and 403 answers, Cloud and Server/DC apart
//! (facts §3.1–§3.3, §4.1–§4.5).

use super::classify::{authenticated, reason, says_scope_mismatch, unexpected, Finding};
use super::expiry::CLOUD_TOKEN_EXPIRY;
use super::{gateway, moved};
use super::{JiraUser, ProbeFlow, Scheme, GATEWAY_MYPERMISSIONS, MYSELF_BEARER};
use crate::auth_plan::{BASIC_OFF_SINCE_MAJOR, PAT_PAGE_PATH};
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
    // facts §3.2: the gateway took what the site refused — a scoped token — or named its scopes.
    if let Some(user) = gateway::answer(flow).and_then(JiraUser::from_response) {
        let mut f = authenticated(flow, user, GATEWAY_MYPERMISSIONS);
        f.via_gateway = flow.gateway_base();
        return f;
    }
    if let Some(f) = gateway::scope_mismatch(flow) {
        return f;
    }
    let gateway_refused = gateway::answer(flow).is_some();
    // facts §7.5: Data Center's credential (a PAT, a username) at the Cloud site it moved to.
    if let Some(f) = moved::dc_credential(flow) {
        return f;
    }
    let body = r.body.to_ascii_lowercase();
    // facts §4.1: the plain-text answer to password Basic auth on Cloud.
    if body.contains("basic authentication with passwords is deprecated") {
        return Finding::new(Code::PasswordNotAccepted, vec![]);
    }
    let service_account = gateway::is_service_account(&flow.input.login);
    // facts §3.1: an API token sent as Bearer (JRACLOUD-72405); a service account's is taken
    // as Bearer at the gateway (facts §3.2).
    if flow.plan.scheme == Scheme::Bearer && !service_account {
        return Finding::new(Code::WrongAuthMethod, vec![]);
    }
    if !gateway_refused && (says_scope_mismatch(r) || service_account) {
        return scoped(flow, service_account);
    }
    rejected(flow, r)
}

/// facts §3.2: a token the site cannot take — it said "scope does not match", or the account is
/// a service account (only scoped tokens) — and the gateway was not asked.
fn scoped(flow: &ProbeFlow, service_account: bool) -> Finding {
    let site = flow
        .deployment()
        .base_url
        .clone()
        .unwrap_or_else(|| flow.base.clone());
    let gateway = flow.gateway_base().unwrap_or_else(|| {
        let cloud_id = flow.cloud_id().unwrap_or_else(|| "{cloudId}".into());
        format!("{}/ex/jira/{cloud_id}", crate::auth_plan::CLOUD_GATEWAY)
    });
    let login = flow.input.login.trim().to_string();
    let why = if service_account {
        l(
            "The site refused the token: {login} is a service account, whose tokens always have scopes, and the site accepts no scoped token.",
            "Сайт отклонил токен: {login} — сервисная учётная запись, её токены всегда с областями (scopes), а сайт такие токены не принимает.",
        )
    } else {
        l(
            "The site refused the token (\"scope does not match\"): it has scopes.",
            "Сайт отклонил токен («scope does not match»): у него есть области (scopes).",
        )
    }
    .fill(&[("login", &login)]);
    let result = if flow.answers.contains_key(super::GATEWAY_MYSELF) {
        l("The gateway did not answer.", "Шлюз не ответил.")
    } else if flow.plan.gateway.is_some() {
        l(
            "The gateway could not be asked: the site's cloud id is not known.",
            "Шлюз не удалось спросить: cloud id сайта неизвестен.",
        )
    } else {
        l("The gateway was not tried.", "Шлюз не проверялся.")
    }
    .text();
    Finding::new(
        Code::ScopedTokenNeedsGateway,
        vec![
            ("why", why.en),
            ("why_ru", why.ru),
            ("gateway_result", result.en),
            ("gateway_result_ru", result.ru),
            ("gateway", gateway),
            ("site", site),
        ],
    )
}

pub(super) fn rejected(flow: &ProbeFlow, r: &HttpResponse) -> Finding {
    // An API token refused after the date remembered for it: expired, not wrong (facts §7.2).
    if flow.is_cloud() && flow.plan.method == crate::auth_plan::AuthMethod::ApiToken {
        if let Some(f) = super::expiry::remembered_expired(flow) {
            return f;
        }
    }
    let login = flow.input.login.trim().to_string();
    let hint = if flow.is_cloud() {
        let tried = if gateway::answer(flow).is_some() {
            " Atlassian's gateway (api.atlassian.com) refused it too, so it is not a scoped token the site cannot take."
        } else {
            ""
        };
        let tried_ru = if tried.is_empty() {
            ""
        } else {
            " Шлюз Atlassian (api.atlassian.com) тоже его отклонил — значит, дело не в токене с областями, который сайт не принимает."
        };
        let cloud = l(
            "Use your Atlassian account e-mail and an API token (not your password).",
            "Используйте e-mail учётной записи Atlassian и API-токен (не пароль).",
        );
        crate::i18n::Text::new(
            format!("{}{tried} {}", cloud.en, CLOUD_TOKEN_EXPIRY.en),
            format!("{}{tried_ru} {}", cloud.ru, CLOUD_TOKEN_EXPIRY.ru),
        )
    } else if login.contains('@') {
        l(
            "Server/Data Center logins are usernames, not e-mail addresses.",
            "На Server/Data Center логин — это имя пользователя, а не e-mail.",
        )
        .text()
    } else {
        l(
            "Check the username (not the e-mail) and the password.",
            "Проверьте имя пользователя (не e-mail) и пароль.",
        )
        .text()
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
            ("hint", hint.en),
            ("hint_ru", hint.ru),
        ],
    )
}

/// facts §3.1: Cloud's answer to an API token sent as Bearer — today a 403 JSON
/// `{"error": "Failed to parse Connect Session Auth Token"}` (JRACLOUD-72405's older form is
/// a 401 text): Cloud took the Bearer value for a Connect app's session token.
fn says_connect_token(r: &HttpResponse) -> bool {
    r.body
        .to_ascii_lowercase()
        .contains("failed to parse connect session auth token")
}

pub(super) fn forbidden(flow: &ProbeFlow, r: &HttpResponse, url: &str) -> Finding {
    if says_connect_token(r) {
        // A service account's token is scoped: the site takes none of its tokens (facts §3.2).
        if gateway::is_service_account(&flow.input.login) {
            return scoped(flow, true);
        }
        // A Data Center PAT sent to the Cloud site the Jira moved to (facts §7.5).
        if let Some(f) = flow
            .is_cloud()
            .then(|| moved::dc_credential(flow))
            .flatten()
        {
            return f;
        }
        return Finding::new(Code::WrongAuthMethod, vec![]);
    }
    if let Some(f) = captcha(flow, r) {
        return f;
    }
    // facts §4.5
    if r.body.contains("Basic Authentication has been disabled") {
        let page = urls::join(
            flow.deployment().base_url.as_deref().unwrap_or(&flow.base),
            PAT_PAGE_PATH,
        );
        // Jira 11 turns Basic off by default (facts §4.5): say so, not "your admin did".
        let d = flow.deployment();
        if d.major_minor()
            .is_some_and(|(major, _)| major >= BASIC_OFF_SINCE_MAJOR)
        {
            let version = d.version.clone().unwrap_or_else(|| "11".into());
            return Finding::new(
                Code::BasicAuthOffByDefault,
                vec![("page", page), ("version", version)],
            );
        }
        return Finding::new(Code::BasicAuthDisabled, vec![("page", page)]);
    }
    if reason(r).contains("AUTHORISATION_FAILED") {
        return no_jira_access();
    }
    unexpected(r, url, "403 without a known reason")
}

/// facts §4.3: Seraph denied the login — `X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE;
/// login-url=…`, or `X-Seraph-LoginReason: AUTHENTICATION_DENIED` alone (8.0.2's form, and a
/// 200 that served the request anyway: tests/fixtures/real/server-200-authentication-denied-apache.json).
pub(super) fn captcha(flow: &ProbeFlow, r: &HttpResponse) -> Option<Finding> {
    let denied = r.header("x-authentication-denied-reason").unwrap_or("");
    if !(denied.to_ascii_uppercase().contains("CAPTCHA_CHALLENGE")
        || reason(r).contains("AUTHENTICATION_DENIED"))
    {
        return None;
    }
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
    Some(f)
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
