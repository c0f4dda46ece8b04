//! Catalogue entries for the warnings issue 13 adds: where the credential works (the gateway),
//! what was typed (login, address), which host a Cloud site must be given, and when a token
//! expires (facts §2.5, §3.1–§3.3).

use super::{Entry, Kind};
use crate::i18n::{l, L10n};

const fn w(code: &'static str, title: L10n, cause: L10n, fix: L10n) -> Entry {
    Entry {
        code,
        kind: Kind::Warning,
        title,
        cause,
        fix,
    }
}

pub(super) static WORKS_VIA_GATEWAY: Entry = w(
    "works_via_gateway",
    l(
        "It works only through api.atlassian.com",
        "Работает только через api.atlassian.com",
    ),
    l(
        "{site} refused the credential, but {gateway} accepted it: a scoped API token (or a service account's token) works only through Atlassian's gateway.",
        "{site} отклонил учётные данные, а {gateway} их принял: API-токен с областями (или токен сервисной учётной записи) работает только через шлюз Atlassian.",
    ),
    l(
        "Give the integration {gateway} as its Jira URL, if it accepts one. If it only takes a site address ({site}), create a classic token with \"Create API token\" (no scopes) instead.",
        "Укажите в интеграции URL {gateway}, если она его принимает. Если она принимает только адрес сайта ({site}), создайте вместо этого классический токен кнопкой «Create API token» (без областей).",
    ),
);

pub(super) static LOGIN_LOOKS_LIKE_EMAIL: Entry = w(
    "login_looks_like_email",
    l(
        "The login looks like an e-mail address",
        "Логин похож на адрес электронной почты",
    ),
    l(
        "\"{login}\" contains @, but Jira Server/Data Center logs in with the username (e.g. jdoe), not the e-mail.",
        "«{login}» содержит @, а Jira Server/Data Center принимает имя пользователя (например, jdoe), а не e-mail.",
    ),
    l(
        "Use the username shown in the Jira profile (Profile → Username). Only if that username really is an e-mail address keep it.",
        "Укажите имя пользователя из профиля Jira (Профиль → Имя пользователя). Оставьте e-mail, только если имя пользователя действительно им является.",
    ),
);

pub(super) static LOGIN_NOT_AN_EMAIL: Entry = w(
    "login_not_an_email",
    l(
        "Jira Cloud logs in with an e-mail address",
        "Jira Cloud принимает адрес электронной почты как логин",
    ),
    l(
        "\"{login}\" is not an e-mail address; with an API token Jira Cloud expects the e-mail of the Atlassian account.",
        "«{login}» — не адрес электронной почты; с API-токеном Jira Cloud ожидает e-mail учётной записи Atlassian.",
    ),
    l(
        "Use the e-mail of the account that created the token (for a service account: its …@serviceaccount.atlassian.com address).",
        "Укажите e-mail учётной записи, создавшей токен (для сервисной учётной записи — её адрес …@serviceaccount.atlassian.com).",
    ),
);

pub(super) static URL_NORMALIZED: Entry = w(
    "url_normalized",
    l(
        "The address was shortened to Jira's base URL",
        "Адрес сокращён до базового URL Jira",
    ),
    l(
        "{given} is a page inside Jira, not its base URL, which is {base}.",
        "{given} — это страница внутри Jira, а не её базовый URL; базовый URL — {base}.",
    ),
    l(
        "Give the integration {base} — without /browse/…, /secure/…, /rest/… or other page paths.",
        "Укажите в интеграции {base} — без /browse/…, /secure/…, /rest/… и других путей страниц.",
    ),
);

pub(super) static CUSTOM_DOMAIN: Entry = w(
    "custom_domain",
    l(
        "This Jira Cloud site is reached under another host name",
        "Этот сайт Jira Cloud открыт под другим именем узла",
    ),
    l(
        "{reached} is Jira Cloud, but not on its *.atlassian.net address ({site}). Integrations and the REST API use the atlassian.net address (Atlassian AX-649, AX-664).",
        "{reached} — это Jira Cloud, но не по адресу *.atlassian.net ({site}). Интеграции и REST API используют адрес atlassian.net (Atlassian AX-649, AX-664).",
    ),
    l(
        "Give the integration {site}.",
        "Укажите в интеграции {site}.",
    ),
);

pub(super) static TOKEN_EXPIRES_SOON: Entry = w(
    "token_expires_soon",
    l(
        "The token expires in {days} days",
        "Токен истекает через {days} дн.",
    ),
    l(
        "Jira lists this personal access token (\"{name}\") as expiring on {date}. The integration stops working then.",
        "Jira сообщает, что этот персональный токен («{name}») истекает {date}. Тогда интеграция перестанет работать.",
    ),
    l(
        "Create a new token at {page} before {date}, put it into the integration and test it; then revoke the old one.",
        "Создайте новый токен на {page} до {date}, укажите его в интеграции и проверьте; затем отзовите старый.",
    ),
);

/// Issue 13, item 9: the helpdesk page's comparison of a browser's report with the CLI's from
/// the integration's server (`report::compare`). `{difference}` is filled per language from
/// `report::ServerDifference::describe`; `{browser}` and `{server}` are the two verdict codes.
pub(super) static DIFFERS_FROM_SERVER: Entry = w(
    "differs_from_server",
    l(
        "The integration's server gets another answer than the browser: {difference}",
        "Сервер интеграции получает другой ответ, чем браузер: {difference}",
    ),
    l(
        "The browser's report ends in {browser}, the server's (the CLI's) in {server}: {difference}. A browser cannot see the server's network, so the same credential can work in one and fail in the other.",
        "Отчёт браузера заканчивается кодом {browser}, отчёт сервера (CLI) — кодом {server}: {difference}. Браузер не видит сеть сервера, поэтому одни и те же учётные данные могут работать в одном месте и не работать в другом.",
    ),
    l(
        "Fix it on the server's side: {remedy}",
        "Исправьте это на стороне сервера: {remedy}",
    ),
);
