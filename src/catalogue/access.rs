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
        "{url} answered HTTP {status} without any of Jira's marks (its headers, cookie or JSON): it came from {who}. Something between you and Jira blocked the request with the credential.",
        "{url} ответил HTTP {status} без признаков Jira (её заголовков, cookie или JSON): ответил(а) {who_ru}. Что-то между вами и Jira заблокировало запрос с учётными данными.",
    ),
    fix: l(
        "Ask the network or Jira admin to let authenticated requests to /rest/ through the proxy, WAF or CDN (an Authorization header must reach Jira), or test from the network the integration runs in.",
        "Попросите администратора сети или Jira пропускать запросы с аутентификацией к /rest/ через прокси, WAF или CDN (заголовок Authorization должен доходить до Jira) или проверьте из той сети, где работает интеграция.",
    ),
};

pub(super) static PROXY_AUTH_REQUIRED: Entry = Entry {
    code: "proxy_auth_required",
    kind: Kind::Verdict,
    title: l(
        "A proxy asks for its own login",
        "Прокси требует собственного входа",
    ),
    cause: l(
        "{url} answered HTTP 407 Proxy Authentication Required ({signature}): a proxy between you and Jira wants its own credentials before it passes anything on. Jira never saw the request.",
        "{url} ответил HTTP 407 Proxy Authentication Required ({signature}): прокси между вами и Jira требует собственных учётных данных, прежде чем что-либо пропустить. Jira запроса не видела.",
    ),
    fix: l(
        "Configure the proxy's login where the integration runs (its proxy settings), or ask the network admin to let it reach Jira without one; then test again from that network.",
        "Укажите учётные данные прокси там, где работает интеграция (её настройки прокси), или попросите администратора сети пропускать её к Jira без них; затем проверьте снова из той сети.",
    ),
};

pub(super) static EDGE_NOT_FOUND: Entry = Entry {
    code: "edge_not_found",
    kind: Kind::Verdict,
    title: l(
        "Atlassian's edge found no Jira API at this address",
        "Граничный сервер Atlassian не нашёл API Jira по этому адресу",
    ),
    cause: l(
        "{url} answered 404 with an HTML page from {who}: the request never reached a Jira site's API. The site name or the path is not one Atlassian routes to Jira.",
        "{url} ответил 404 HTML-страницей, её отправил(а) {who_ru}: запрос не дошёл до API сайта Jira. Такое имя сайта или путь Atlassian к Jira не направляет.",
    ),
    fix: l(
        "Check the site name ({site}) in admin.atlassian.com → Products. An integration that cannot use the site address can call Jira through Atlassian's gateway: {gateway} (the cloud id is at {site}/_edge/tenant_info).",
        "Проверьте имя сайта ({site}) в admin.atlassian.com → Products. Интеграция, которой не подходит адрес сайта, может обращаться к Jira через шлюз Atlassian: {gateway} (cloud id — по адресу {site}/_edge/tenant_info).",
    ),
};
