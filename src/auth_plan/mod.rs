//! Auth planning: from a [`Deployment`] to the method to use, the exact token page and
//! numbered steps in English and Russian (facts §3).
//!
//! Rules: Cloud → email + API token (facts §3.1); self-managed ≥ 8.14 → personal access token
//! as `Authorization: Bearer` (facts §3.3); < 8.14 → username + password (CAPTCHA risk, facts
//! §4.3); Jira 11+ → PAT only, Basic is off by default (facts §4.5); version unknown → PAT
//! first. Jira Server has no "app passwords" (facts §3.4).
//!
//! Each integration target gets its own plan ([`for_target`]): what its connection form sends
//! decides the credential (ELMA365 on Server/DC: the account's password), so the wizard's page
//! switches plans when the user names the integration, without a round trip.

mod client_credentials;
mod for_target;

pub use client_credentials::{
    client_credentials_plan, plan_client_credentials, CLOUD_SERVICE_ACCOUNTS_PAGE,
};
pub use for_target::{plan_for_target, target_plans, TargetPlan};

use crate::deployment::{Deployment, Hosting};
use crate::i18n::{l, L10n, Text};
use crate::targets::Target;
use crate::urls::family::Family;
use serde::{Deserialize, Serialize};

/// Cloud API token page (facts §3.1).
pub const CLOUD_TOKEN_PAGE: &str = "https://id.atlassian.com/manage-profile/security/api-tokens";
/// Path of the Server/DC personal access token page under the base URL (facts §3.3).
pub const PAT_PAGE_PATH: &str =
    "/secure/ViewProfile.jspa?selectedTab=com.atlassian.pats.pats-plugin:jira-user-personal-access-tokens";
/// Atlassian's gateway for scoped Cloud tokens (facts §3.2).
pub const CLOUD_GATEWAY: &str = "https://api.atlassian.com";
/// First version with personal access tokens (facts §3.3).
pub const PAT_SINCE: (u32, u32) = (8, 14);
/// First major version with Basic auth off by default (facts §4.5).
pub const BASIC_OFF_SINCE_MAJOR: u32 = 11;

/// True when the wizard offers to create a PAT here: self-managed Jira whose version is known
/// to be 8.14 or later (facts §3.3), for an integration that can use a personal access token
/// (not ELMA365, whose form sends the token as a Basic password, which Server/DC refuses; not
/// AvePoint, Cloud only). An unknown version is not offered: the page says how.
pub fn one_click_pat_offered(d: &Deployment, target: Target) -> bool {
    pat_creatable(d) && target_takes_pat(d, target)
}

/// The deployment can make a PAT with the browser's session (whatever the integration).
pub(crate) fn pat_creatable(d: &Deployment) -> bool {
    d.is_jira()
        && d.hosting == Some(Hosting::SelfManaged)
        && d.major_minor().is_some_and(|v| v >= PAT_SINCE)
        // Only where REST answered as Jira: the POST goes there (issue 20 item 1).
        && d.reached_base_url.is_some()
}

/// The integration can send a personal access token to this deployment.
fn target_takes_pat(d: &Deployment, target: Target) -> bool {
    let profile = target.profile();
    profile.supports(d)
        && profile.methods().contains(&AuthMethod::Pat)
        && profile.wire_auth(d).is_none()
}

/// How to authenticate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthMethod {
    /// Cloud: Basic `email:api_token`.
    ApiToken,
    /// Server/DC ≥ 8.14: `Authorization: Bearer <PAT>`.
    Pat,
    /// Server/DC: Basic `username:password`.
    Basic,
    /// OAuth 2.0 client credentials (a service account's client id and secret): exchanged at
    /// the token endpoint for an access token sent as `Bearer` — Cloud through the gateway,
    /// Data Center at its own `{base}/rest/oauth2/latest/token` and `{base}/rest/api/2`.
    ClientCredentials,
}

impl AuthMethod {
    pub const ALL: &'static [AuthMethod] = &[
        AuthMethod::ApiToken,
        AuthMethod::Pat,
        AuthMethod::Basic,
        AuthMethod::ClientCredentials,
    ];
}

/// Which method to test: one of [`AuthMethod`], or `auto` for the plan's recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthChoice {
    /// What the auth plan recommends for the deployment.
    #[default]
    Auto,
    ApiToken,
    Pat,
    Basic,
    /// A service account's OAuth 2.0 client credentials (`CheckInput::client_id` + the secret).
    ClientCredentials,
}

impl AuthChoice {
    /// The auth menu, in order.
    pub const ALL: &'static [AuthChoice] = &[
        AuthChoice::Auto,
        AuthChoice::ApiToken,
        AuthChoice::Pat,
        AuthChoice::Basic,
        AuthChoice::ClientCredentials,
    ];
}

/// What the login field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LoginKind {
    Email,
    Username,
    /// A PAT identifies the user by itself.
    None,
    /// OAuth 2.0 client credentials: the client id.
    ClientId,
}

/// The recommended way in, with steps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthPlan {
    pub method: AuthMethod,
    pub login: LoginKind,
    /// The page where the token is made; `None` for username + password.
    pub token_page_url: Option<String>,
    /// Numbered steps, in order.
    pub steps: Vec<Text>,
    /// Things to know (expiry, CAPTCHA, scoped tokens …).
    pub notes: Vec<Text>,
    /// Other methods that also work here, for integrations that cannot use the first.
    pub alternatives: Vec<AuthMethod>,
    /// The wizard can create a personal access token here with the user's browser session
    /// (`one_click_pat_offered`: self-managed Jira known to be 8.14 or later, an integration
    /// that can use a PAT).
    #[serde(default)]
    pub one_click_pat: bool,
    /// The integration this plan is for cannot work with this deployment at all (AvePoint on
    /// Server/Data Center): the steps say so, and there is nothing to make.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unsupported: bool,
}

/// The plan for a Jira deployment.
pub fn plan(d: &Deployment) -> AuthPlan {
    let mut p = plan_for(d);
    p.one_click_pat = one_click_pat_offered(d, Target::Generic);
    p
}

pub(crate) fn plan_for(d: &Deployment) -> AuthPlan {
    if d.hosting == Some(Hosting::Cloud) {
        return cloud(d);
    }
    let base = d
        // The origin that was (or will be) tested, not what the page or serverInfo says.
        .reached_base_url
        .clone()
        .or(d.base_url.clone())
        .unwrap_or_default();
    match d.major_minor() {
        Some((major, _)) if major >= BASIC_OFF_SINCE_MAJOR => {
            // No password anywhere: not as a step, not as the "or Basic" note of older Jira.
            let mut p = pat(&base, vec![]);
            p.notes = vec![
                BASIC_OFF.text(),
                SERVICE_ACCOUNTS_DC.fill(&[("base", &base)]),
            ];
            p
        }
        Some(v) if v >= PAT_SINCE => pat(&base, vec![AuthMethod::Basic]),
        Some(_) => basic(&base),
        None => {
            let mut p = pat(&base, vec![AuthMethod::Basic]);
            p.notes.insert(0, VERSION_UNKNOWN.fill(&[("base", &base)]));
            p
        }
    }
}

pub(crate) fn cloud(d: &Deployment) -> AuthPlan {
    let site = d
        .reached_base_url
        .clone()
        .or(d.base_url.clone())
        .unwrap_or_default();
    let cloud_id = d.cloud_id.clone().unwrap_or_else(|| "{cloudId}".into());
    // The site's own Cloud family: a Government site's tokens, gateway and accounts are its own.
    let family = d.cloud_family.unwrap_or(Family::Commercial);
    let gateway = format!("{}/ex/jira/{cloud_id}", family.gateway());
    let token_page = family.token_page();
    AuthPlan {
        method: AuthMethod::ApiToken,
        login: LoginKind::Email,
        token_page_url: Some(token_page.to_string()),
        steps: vec![
            l(
                "Open {page} and log in with the Atlassian account you use on {site}.",
                "Откройте {page} и войдите под учётной записью Atlassian, с которой работаете в {site}.",
            )
            .fill(&[("page", token_page), ("site", &site)]),
            l(
                "Press \"Create API token\" (not \"with scopes\"), name it after the integration and choose when it expires (1–365 days).",
                "Нажмите «Create API token» (не «with scopes»), назовите его по имени интеграции и выберите срок действия (1–365 дней).",
            )
            .text(),
            l(
                "Copy the token right away: Atlassian shows it only once.",
                "Сразу скопируйте токен: Atlassian показывает его только один раз.",
            )
            .text(),
            l(
                "In the integration enter the site address {site}, your e-mail as the login and the token as the password.",
                "В интеграции укажите адрес сайта {site}, ваш e-mail как логин и токен как пароль.",
            )
            .fill(&[("site", &site)]),
        ],
        notes: vec![
            l(
                "API tokens expire after the 1–365 days chosen at creation; the integration stops working then, so note the date.",
                "API-токены истекают через 1–365 дней, выбранных при создании; тогда интеграция перестанет работать — запишите дату.",
            )
            .text(),
            l(
                "A token \"with scopes\" works only through {gateway}, not through {site}.",
                "Токен «with scopes» работает только через {gateway}, а не через {site}.",
            )
            .fill(&[("gateway", &gateway), ("site", &site)]),
            l(
                "Send the token with Basic authentication (e-mail:token), never as \"Bearer\".",
                "Передавайте токен через Basic-аутентификацию (e-mail:токен), а не как «Bearer».",
            )
            .text(),
        ],
        alternatives: vec![],
        one_click_pat: false,
        unsupported: false,
    }
}

/// The plan once a token test found that the Cloud credential works only through Atlassian's
/// gateway (`gateway`: `https://api.atlassian.com/ex/jira/{cloudId}` — a token with scopes, or
/// any token of a service account, facts §3.2): the integration is given the gateway's URL,
/// never the site's, and a new scoped token needs the target's `scopes`. The steps name no
/// site address: every API call goes to `gateway`.
pub fn plan_via_gateway(gateway: &str, target: Target, service_account: bool) -> AuthPlan {
    let profile = target.profile();
    let scopes = profile.scopes.join(", ");
    let vars = [
        ("gateway", gateway),
        ("page", CLOUD_TOKEN_PAGE),
        ("scopes", scopes.as_str()),
    ];
    let fill = |text: L10n| {
        let t = text.fill(&vars);
        Text::new(
            t.en.replace("{target}", profile.name.en),
            t.ru.replace("{target}", profile.name.ru),
        )
    };
    let other_token = if service_account {
        l(
            "A service account has only tokens with scopes: the integration must take the address {gateway}. Its new tokens are made by an organisation admin in Atlassian Administration (admin.atlassian.com → Directory → Service accounts).",
            "У сервисной учётной записи есть только токены с областями (scopes): интеграция должна принимать адрес {gateway}. Новые токены для неё создаёт администратор организации в Atlassian Administration (admin.atlassian.com → Directory → Service accounts).",
        )
    } else {
        l(
            "If the integration cannot take that address (it builds its URLs from the site's name), make a token without scopes instead: open {page}, press \"Create API token\" (not \"with scopes\") and test it again.",
            "Если интеграция не принимает такой адрес (строит URL из имени сайта), создайте токен без областей: откройте {page}, нажмите «Create API token» (не «with scopes») и проверьте его снова.",
        )
    };
    AuthPlan {
        method: AuthMethod::ApiToken,
        login: LoginKind::Email,
        token_page_url: Some(CLOUD_TOKEN_PAGE.to_string()),
        steps: vec![
            fill(l(
                "Keep the token you tested: it has scopes, so it works only through Atlassian's gateway {gateway}.",
                "Оставьте проверенный токен: у него есть области (scopes), поэтому он работает только через шлюз Atlassian {gateway}.",
            )),
            fill(l(
                "In the integration enter {gateway} as the Jira address (base URL) — not the site's own address, which refuses this token — the account's e-mail as the login and the token as the password.",
                "В интеграции укажите {gateway} как адрес Jira (базовый URL) — не собственный адрес сайта, он этот токен отклоняет, — e-mail учётной записи как логин и токен как пароль.",
            )),
            fill(l(
                "A new token with scopes for {target} needs the app Jira and these scopes: {scopes}.",
                "Новому токену с областями для {target} нужны приложение Jira и эти области: {scopes}.",
            )),
            fill(other_token),
        ],
        notes: vec![
            l(
                "API tokens expire after the 1–365 days chosen at creation; the integration stops working then, so note the date.",
                "API-токены истекают через 1–365 дней, выбранных при создании; тогда интеграция перестанет работать — запишите дату.",
            )
            .text(),
            l(
                "Send the token with Basic authentication (e-mail:token); the gateway also takes a service account's token as \"Bearer\".",
                "Передавайте токен через Basic-аутентификацию (e-mail:токен); токен сервисной учётной записи шлюз принимает и как «Bearer».",
            )
            .text(),
        ],
        alternatives: vec![],
        one_click_pat: false,
        unsupported: false,
    }
}

fn pat(base: &str, alternatives: Vec<AuthMethod>) -> AuthPlan {
    let page = format!("{base}{PAT_PAGE_PATH}");
    AuthPlan {
        method: AuthMethod::Pat,
        login: LoginKind::None,
        token_page_url: Some(page.clone()),
        steps: vec![
            l(
                "Open {page} (or: your profile picture → Profile → Personal Access Tokens).",
                "Откройте {page} (или: аватар → Профиль → Personal Access Tokens / Персональные токены доступа).",
            )
            .fill(&[("page", &page)]),
            l(
                "Press \"Create token\", name it after the integration and set an expiry in days (or leave it without one if your admin allows).",
                "Нажмите «Create token» («Создать токен»), назовите его по имени интеграции и задайте срок в днях (или без срока, если это разрешено администратором).",
            )
            .text(),
            l(
                "Copy the token right away: Jira shows it only once.",
                "Сразу скопируйте токен: Jira показывает его только один раз.",
            )
            .text(),
            l(
                "In the integration choose Bearer token authentication and paste the token. It is not a password: it does not work with a username in Basic authentication.",
                "В интеграции выберите аутентификацию Bearer-токеном и вставьте токен. Это не пароль: с логином в Basic-аутентификации он не работает.",
            )
            .text(),
        ],
        notes: vec![l(
            "Jira Server and Data Center have no \"app passwords\": use a personal access token, or your username and password if the integration accepts only Basic.",
            "В Jira Server и Data Center нет «паролей приложений»: используйте персональный токен доступа или логин и пароль, если интеграция понимает только Basic.",
        )
        .text()],
        alternatives,
        one_click_pat: false,
        unsupported: false,
    }
}

pub(crate) fn basic(base: &str) -> AuthPlan {
    let profile = format!("{base}/secure/ViewProfile.jspa");
    AuthPlan {
        method: AuthMethod::Basic,
        login: LoginKind::Username,
        token_page_url: None,
        steps: vec![
            l(
                "This Jira is older than 8.14 and has no personal access tokens: the integration logs in with a username and password.",
                "Версия этой Jira ниже 8.14, и персональных токенов в ней нет: интеграция входит по логину и паролю.",
            )
            .text(),
            l(
                "Find your username (not your e-mail) at {profile}.",
                "Узнайте своё имя пользователя (не e-mail) на странице {profile}.",
            )
            .fill(&[("profile", &profile)]),
            l(
                "In the integration enter the username and the password. Better: ask the admin for a dedicated technical user.",
                "В интеграции укажите имя пользователя и пароль. Лучше попросите администратора завести отдельного технического пользователя.",
            )
            .text(),
        ],
        notes: vec![
            l(
                "After a few wrong passwords Jira demands a CAPTCHA and refuses API logins, even with the right password, until you log in once in the browser or an admin resets the failed login count.",
                "После нескольких неверных паролей Jira требует CAPTCHA и отклоняет вход через API, даже с верным паролем, пока вы не войдёте через браузер или администратор не сбросит счётчик неудачных входов.",
            )
            .text(),
            l(
                "Jira Server has no \"app passwords\"; do not look for them.",
                "В Jira Server нет «паролей приложений» — искать их не нужно.",
            )
            .text(),
        ],
        alternatives: vec![],
        one_click_pat: false,
        unsupported: false,
    }
}

pub(crate) const BASIC_OFF: L10n = l(
    "Jira 11 and later turn Basic authentication (username + password) off by default: a personal access token is the only way in unless the admin re-enabled Basic.",
    "В Jira 11 и новее Basic-аутентификация (логин + пароль) по умолчанию отключена: войти можно только с персональным токеном доступа, если администратор не включил Basic снова.",
);

/// Jira 11 Data Center's service accounts (Atlassian, "Service accounts overview"): OAuth 2.0
/// client credentials instead of a person's token.
pub(crate) const SERVICE_ACCOUNTS_DC: L10n = l(
    "For an integration that should not act as a person, a Jira 11 admin can create a service account: it signs in with OAuth 2.0 client credentials (a client id and secret exchanged at {base}/rest/oauth2/latest/token for a one-hour token), never with a password — if the integration supports that.",
    "Для интеграции, которая не должна действовать от имени сотрудника, администратор Jira 11 может создать сервисную учётную запись: она входит по OAuth 2.0 client credentials (client id и secret, которые обмениваются на {base}/rest/oauth2/latest/token на токен на один час), никогда не по паролю — если интеграция это умеет.",
);

const VERSION_UNKNOWN: L10n = l(
    "The version is unknown. Personal access tokens need Jira 8.14 or later: check Help (?) → About Jira or {base}/rest/api/2/serverInfo. If there is no \"Personal Access Tokens\" item in your profile, use your username and password.",
    "Версия неизвестна. Персональные токены есть в Jira 8.14 и новее: проверьте «Справка (?) → О Jira» или {base}/rest/api/2/serverInfo. Если в профиле нет пункта «Personal Access Tokens», используйте логин и пароль.",
);
