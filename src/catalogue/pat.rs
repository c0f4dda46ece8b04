//! Catalogue entries for the one-click personal access token (`src/pat.rs`, facts §3.3, §4.8):
//! what creating a token on Jira Server/Data Center came to. `{page}` is the user's PAT page.

use super::{Entry, Kind};
use crate::i18n::{l, L10n};

const fn p(code: &'static str, title: L10n, cause: L10n, fix: L10n) -> Entry {
    Entry {
        code,
        kind: Kind::PatCreation,
        title,
        cause,
        fix,
    }
}

pub(super) static PAT_CREATED: Entry = p(
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

pub(super) static PAT_LIMIT_REACHED: Entry = p(
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

pub(super) static PAT_NOT_LOGGED_IN: Entry = p(
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

pub(super) static PAT_DISABLED: Entry = p(
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

pub(super) static PAT_XSRF_REJECTED: Entry = p(
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

pub(super) static PAT_REQUEST_INVALID: Entry = p(
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
