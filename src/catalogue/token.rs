//! A token's life: where it works (the gateway), when it expires, and what creating a personal
//! access token in one click came to (`src/pat/`, facts §3.3, §4.8; `{page}` is the user's PAT
//! page).

use super::{pat_creation, verdict, warning, Entry};
use crate::i18n::l;

pub(super) static WORKS_VIA_GATEWAY: Entry = warning(
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

pub(super) static TOKEN_EXPIRES_SOON: Entry = warning(
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

pub(super) static PAT_CREATED: Entry = pat_creation(
    "pat_created",
    l("Token created", "Токен создан"),
    l(
        "Jira created the personal access token \"{name}\" (expires: {expires}). This is the only time it is shown.",
        "Jira создала персональный токен доступа «{name}» (истекает: {expires}). Он показан единственный раз.",
    ),
    l(
        "Copy it into the integration now: Jira never shows it again. Revoke it on {page} when it is no longer needed.",
        "Скопируйте его в интеграцию сейчас: Jira больше его не покажет. Когда он станет не нужен, отзовите его на странице {page}.",
    ),
);

pub(super) static PAT_LIMIT_REACHED: Entry = pat_creation(
    "pat_limit_reached",
    l(
        "You already have as many tokens as Jira allows",
        "У вас уже столько токенов, сколько разрешает Jira",
    ),
    l(
        "Jira answered 403: the personal access token limit per user is reached. {error}",
        "Jira ответила 403: достигнут предел персональных токенов на пользователя. {error}",
    ),
    l(
        "Revoke a token you no longer use on {page}, then try again.",
        "Отзовите ненужный токен на странице {page} и попробуйте снова.",
    ),
);

pub(super) static PAT_NOT_LOGGED_IN: Entry = pat_creation(
    "pat_not_logged_in",
    l(
        "Not logged in to Jira in this browser",
        "В этом браузере вход в Jira не выполнен",
    ),
    l(
        "Jira did not take this browser's session for creating a token (HTTP 401, or a redirect to a login page).",
        "Jira не приняла сессию этого браузера для создания токена (HTTP 401 или перенаправление на страницу входа).",
    ),
    l(
        "Log in to Jira in this tab (through SSO if your company uses it), reload the page and try again — or create the token by hand on {page}.",
        "Войдите в Jira в этой вкладке (через SSO, если оно у вас есть), обновите страницу и попробуйте снова — или создайте токен вручную на странице {page}.",
    ),
);

pub(super) static PAT_DISABLED: Entry = pat_creation(
    "pat_disabled",
    l(
        "Personal access tokens are turned off on this Jira",
        "Персональные токены доступа в этой Jira отключены",
    ),
    l(
        "Jira answered 404 for its token API: the administrator turned personal access tokens off, or their plugin is missing.",
        "Jira ответила 404 на API токенов: администратор отключил персональные токены доступа или их плагин отсутствует.",
    ),
    l(
        "Ask your Jira administrator to allow personal access tokens, or use username + password if the integration accepts it.",
        "Попросите администратора Jira разрешить персональные токены или используйте логин и пароль, если интеграция это допускает.",
    ),
);

pub(super) static PAT_XSRF_REJECTED: Entry = pat_creation(
    "pat_xsrf_rejected",
    l(
        "Jira refused the request from the browser (XSRF check)",
        "Jira отклонила запрос из браузера (проверка XSRF)",
    ),
    l(
        "Jira answered 403 \"XSRF check failed\": it did not count the request as one from its own pages, although the wizard sent it from the Jira tab with that page's origin. A proxy in front of Jira that changes the host name or drops the Origin and Referer headers can cause this.",
        "Jira ответила 403 «XSRF check failed»: она не сочла запрос отправленным со своих страниц, хотя мастер отправил его из вкладки Jira с источником этой страницы. Так бывает, если прокси перед Jira меняет имя хоста или убирает заголовки Origin и Referer.",
    ),
    l(
        "Create the token by hand on {page}, then paste it into the token test.",
        "Создайте токен вручную на странице {page} и вставьте его в проверку токена.",
    ),
);

pub(super) static PAT_REQUEST_INVALID: Entry = pat_creation(
    "pat_request_invalid",
    l(
        "Jira refused the token's name or expiry",
        "Jira не приняла имя или срок действия токена",
    ),
    l("Jira answered 400. {error}", "Jira ответила 400. {error}"),
    l(
        "Use a name of at most 40 characters and an expiry of 1 to 365 days (or the limits your administrator set), then try again.",
        "Укажите имя не длиннее 40 символов и срок от 1 до 365 дней (или в пределах, заданных администратором) и попробуйте снова.",
    ),
);

/// OAuth 2.0 client credentials on Data Center: `{base}/rest/oauth2/latest/token` is not there.
pub(super) static TOKEN_ENDPOINT_MISSING: Entry = verdict(
    "token_endpoint_missing",
    l(
        "This Jira has no OAuth 2.0 token endpoint",
        "В этой Jira нет конечной точки OAuth 2.0 для токенов",
    ),
    l(
        "{token_url} answered {status}: this Jira {version} does not issue OAuth 2.0 tokens for client credentials — service accounts arrived with Jira 11 Data Center (OAuth 2.0 incoming links with Jira 8.22), or the endpoint is blocked in front of Jira.",
        "{token_url} ответил {status}: эта Jira {version} не выдаёт OAuth 2.0-токены по client credentials — сервисные учётные записи появились в Jira 11 Data Center (входящие OAuth 2.0-ссылки — в Jira 8.22), или конечную точку закрывает устройство перед Jira.",
    ),
    l(
        "Use a personal access token instead (Bearer), or ask the admin to upgrade to Jira 11 and create a service account.",
        "Используйте персональный токен доступа (Bearer) или попросите администратора обновить Jira до 11 и создать сервисную учётную запись.",
    ),
);

pub(super) static TOKEN_EXPIRED: Entry = verdict(
    "token_expired",
    l(
        "The API token expired on {date}",
        "Срок API-токена истёк {date}",
    ),
    l(
        "Jira Cloud refused the token, and the expiry date remembered for this connection, {date}, has passed ({ago}). An expired token is refused exactly like a wrong one, so Jira's answer alone cannot tell them apart; the date can.",
        "Jira Cloud отклонила токен, а срок, запомненный для этого подключения, {date}, прошёл ({ago_ru}). Истёкший токен отклоняется так же, как неверный, поэтому по одному ответу Jira их не различить — по дате можно.",
    ),
    l(
        "Create a new API token at https://id.atlassian.com/manage-profile/security/api-tokens (the list there shows the old one as expired), put it into the integration with the same e-mail, test it, and note its new expiry date.",
        "Создайте новый API-токен на https://id.atlassian.com/manage-profile/security/api-tokens (там же в списке старый показан истёкшим), укажите его в интеграции с тем же e-mail, проверьте и запишите новый срок действия.",
    ),
);
