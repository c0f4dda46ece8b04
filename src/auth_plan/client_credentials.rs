//! The plan for a service account's OAuth 2.0 client credentials (Cloud since September 2025;
//! Jira 11 Data Center): where the client id and secret come from, the token endpoint, and
//! where the access token goes. Atlassian's pages: "Create OAuth 2.0 credential for service
//! accounts" (Cloud) and "Service accounts overview" (Data Center) — ARCHITECTURE.md, "Sources".

use super::{AuthMethod, AuthPlan, LoginKind};
use crate::deployment::{Deployment, Hosting};
use crate::i18n::l;
use crate::urls::family::Family;

/// Where a Cloud organisation admin makes a service account's credentials.
pub const CLOUD_SERVICE_ACCOUNTS_PAGE: &str = "https://admin.atlassian.com";

/// The client-credentials plan a detection carries: Cloud (the family's authorization server
/// and gateway) and Data Center 11 or later (its own token endpoint); `None` for older Jira.
pub fn client_credentials_plan(d: &Deployment) -> Option<AuthPlan> {
    if !d.is_jira() {
        return None;
    }
    let base = d.rest_base()?.to_string();
    let (token_url, api) = match d.hosting {
        Some(Hosting::Cloud) => {
            let family = d.cloud_family.unwrap_or(Family::Commercial);
            let api = d
                .cloud_id
                .as_ref()
                .map(|id| format!("{}/ex/jira/{id}", family.gateway()));
            (format!("https://{}/oauth/token", family.auth_host()), api)
        }
        Some(Hosting::SelfManaged)
            if d.major_minor()
                .is_some_and(|(major, _)| major >= super::BASIC_OFF_SINCE_MAJOR) =>
        {
            (format!("{base}/rest/oauth2/latest/token"), Some(base))
        }
        _ => return None,
    };
    Some(plan_client_credentials(d, &token_url, api.as_deref()))
}

/// The steps for client credentials on `d`: `token_url` is where the token is asked for,
/// `api` where it is sent (Cloud: `https://api.atlassian.com/ex/jira/{cloudId}`; Data Center:
/// the base URL), when known.
pub fn plan_client_credentials(d: &Deployment, token_url: &str, api: Option<&str>) -> AuthPlan {
    let cloud = d.hosting == Some(Hosting::Cloud);
    let api = api.unwrap_or("{api}");
    let audience = d.cloud_family.unwrap_or(Family::Commercial).gateway_host();
    let vars = [
        ("token_url", token_url),
        ("api", api),
        ("audience", audience),
    ];
    let steps = if cloud {
        vec![
            l(
                "An organisation admin opens {page} → Directory → Service accounts, picks (or creates) the service account, and presses \"Create credentials\" → OAuth 2.0.",
                "Администратор организации открывает {page} → Directory → Service accounts, выбирает (или создаёт) сервисную учётную запись и нажимает «Create credentials» → OAuth 2.0.",
            )
            .fill(&[("page", CLOUD_SERVICE_ACCOUNTS_PAGE)]),
            l(
                "Choose the Jira scopes the integration needs, create the credential and copy the client ID and client secret right away: the secret is shown only once.",
                "Выберите области (scopes) Jira, нужные интеграции, создайте учётные данные и сразу скопируйте client ID и client secret: secret показывается только один раз.",
            )
            .text(),
            l(
                "Give the service account the Jira app on this site and a role in the integration's projects: a token alone sees nothing.",
                "Дайте сервисной учётной записи приложение Jira на этом сайте и роль в проектах интеграции: сам по себе токен ничего не видит.",
            )
            .text(),
            l(
                "In the integration enter the token URL {token_url} (grant type client_credentials, audience {audience}), the client ID and secret, and {api} as the Jira address — the token works only there, not on the site.",
                "В интеграции укажите URL получения токена {token_url} (grant type client_credentials, audience {audience}), client ID и secret, а как адрес Jira — {api}: токен работает только там, не на сайте.",
            )
            .fill(&vars),
        ]
    } else {
        vec![
            l(
                "A Jira admin (Jira 11 or later) creates a service account for the integration and copies its client ID and client secret; the secret is shown only once.",
                "Администратор Jira (Jira 11 и новее) создаёт сервисную учётную запись для интеграции и копирует её client ID и client secret; secret показывается только один раз.",
            )
            .text(),
            l(
                "The admin gives the service account the scope the integration needs (READ, or WRITE to change issues) and the project permissions it needs.",
                "Администратор выдаёт сервисной учётной записи область, нужную интеграции (READ или WRITE для изменения задач), и нужные права в проектах.",
            )
            .text(),
            l(
                "In the integration enter the token URL {token_url} (grant type client_credentials, form-encoded, with the scope), the client ID and secret, and {api} as the Jira address.",
                "В интеграции укажите URL получения токена {token_url} (grant type client_credentials, form-encoded, с областью), client ID и secret, а как адрес Jira — {api}.",
            )
            .fill(&vars),
        ]
    };
    AuthPlan {
        method: AuthMethod::ClientCredentials,
        login: LoginKind::ClientId,
        token_page_url: cloud.then(|| CLOUD_SERVICE_ACCOUNTS_PAGE.to_string()),
        steps,
        notes: vec![
            l(
                "An access token lasts about an hour and has no refresh token: the integration asks the token URL again with the same client ID and secret when it expires.",
                "Токен доступа действует около часа и не обновляется refresh-токеном: когда он истекает, интеграция снова обращается к URL получения токена с теми же client ID и secret.",
            )
            .text(),
            l(
                "Only integrations whose form has a token URL, a client ID and a client secret can use this; for the others use an API token (Cloud) or a personal access token (Data Center).",
                "Это подходит только интеграциям, в форме которых есть URL получения токена, client ID и client secret; для остальных используйте API-токен (Cloud) или персональный токен доступа (Data Center).",
            )
            .text(),
        ],
        alternatives: vec![],
        one_click_pat: false,
        unsupported: false,
    }
}
