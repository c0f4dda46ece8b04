//! Catalogue entries for refusals that are not about the credential itself (issue 13): the
//! gateway refusing a scoped token's scopes (facts §3.2), an IP allowlist, and a proxy or WAF
//! answering in Jira's place (facts §4.6).

use super::{Entry, Kind};
use crate::i18n::l;

pub(super) static SCOPE_MISMATCH: Entry = Entry {
    code: "scope_mismatch",
    kind: Kind::Verdict,
    title: l(
        "The token's scopes do not allow this",
        "Областей (scopes) токена для этого недостаточно",
    ),
    cause: l(
        "The site refused the token and {gateway} answered 401 \"Unauthorized; scope does not match\": it is a scoped API token (or a service account's token), but its scopes do not cover what {target} asks for.",
        "Сайт отклонил токен, а {gateway} ответил 401 «Unauthorized; scope does not match»: это API-токен с областями (или токен сервисной учётной записи), но его области не покрывают то, что запрашивает {target}.",
    ),
    fix: l(
        "Create a new token with \"Create API token with scopes\" for Jira with at least these scopes: {scopes} — or a classic token with \"Create API token\" (no scopes). Then give the integration {gateway} as its Jira URL (scoped tokens work only there).",
        "Создайте новый токен кнопкой «Create API token with scopes» для Jira как минимум с областями: {scopes} — или классический токен кнопкой «Create API token» (без областей). Затем укажите в интеграции URL {gateway} (токены с областями работают только через него).",
    ),
};

pub(super) static IP_NOT_ALLOWED: Entry = Entry {
    code: "ip_not_allowed",
    kind: Kind::Verdict,
    title: l(
        "Jira refuses requests from this IP address",
        "Jira отклоняет запросы с этого IP-адреса",
    ),
    cause: l(
        "{url} answered HTTP {status} \"The IP address has been rejected because it is not on the allowed list\": the organisation's IP allowlist does not include the address this test came from. The credential was not judged.",
        "{url} ответил HTTP {status} «The IP address has been rejected because it is not on the allowed list»: в списке разрешённых IP-адресов организации нет адреса, с которого выполнена проверка. Учётные данные не проверены.",
    ),
    fix: l(
        "Ask the organisation admin (admin.atlassian.com → Security → IP allowlists) to add the integration's own egress addresses — the public IPs its servers connect from, which its vendor publishes — not this computer's. A test that passes in this browser does not prove the integration's server may connect.",
        "Попросите администратора организации (admin.atlassian.com → Security → IP allowlists) добавить исходящие адреса самой интеграции — публичные IP её серверов, которые публикует её поставщик, — а не адрес этого компьютера. Успешная проверка в этом браузере не доказывает, что сервер интеграции сможет подключиться.",
    ),
};

pub(super) static BLOCKED_BY_PROXY: Entry = Entry {
    code: "blocked_by_proxy",
    kind: Kind::Verdict,
    title: l(
        "A proxy or firewall answered instead of Jira",
        "Вместо Jira ответил прокси или межсетевой экран",
    ),
    cause: l(
        "{url} answered HTTP {status} without any of Jira's headers ({signature}), although the same site's serverInfo answered as Jira: something between you and Jira blocked the request with the credential.",
        "{url} ответил HTTP {status} без заголовков Jira ({signature}), хотя serverInfo того же сайта ответил как Jira: что-то между вами и Jira заблокировало запрос с учётными данными.",
    ),
    fix: l(
        "Ask the network or Jira admin to let authenticated requests to /rest/ through the proxy, WAF or CDN (an Authorization header must reach Jira), or test from the network the integration runs in.",
        "Попросите администратора сети или Jira пропускать запросы с аутентификацией к /rest/ через прокси, WAF или CDN (заголовок Authorization должен доходить до Jira) или проверьте из той сети, где работает интеграция.",
    ),
};
