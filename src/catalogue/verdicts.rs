//! Catalogue entries for verdicts: the one conclusion of a token test (facts §3–§5).

use super::{Entry, Kind};
use crate::i18n::{l, L10n};

const fn v(code: &'static str, title: L10n, cause: L10n, fix: L10n) -> Entry {
    Entry {
        code,
        kind: Kind::Verdict,
        title,
        cause,
        fix,
    }
}

pub(super) static OK: Entry = v(
    "ok",
    l("The credential works", "Учётные данные работают"),
    l(
        "Jira accepted the {method} credential and answered as {user}.",
        "Jira приняла учётные данные ({method}) и ответила от имени {user}.",
    ),
    l(
        "Use exactly this login and secret in the integration.",
        "Укажите в интеграции именно эти логин и секрет.",
    ),
);

pub(super) static NOT_JIRA: Entry = v(
    "not_jira",
    l("This address is not Jira's REST API", "По этому адресу нет REST API Jira"),
    l(
        "{url} answered HTTP {status} without Jira's JSON: the address or its context path is wrong, or this is another application.",
        "{url} ответил HTTP {status} без JSON Jira: адрес или путь контекста неверны, либо это другое приложение.",
    ),
    l(
        "Open Jira in the browser and copy the address up to and including the context path (e.g. https://host/jira), then test again.",
        "Откройте Jira в браузере и скопируйте адрес вместе с путём контекста (например, https://host/jira), затем проверьте снова.",
    ),
);

pub(super) static UNREACHABLE: Entry = v(
    "unreachable",
    l("Jira cannot be reached", "Jira недоступна"),
    l(
        "No connection to {url}: {detail}.",
        "Нет соединения с {url}: {detail}.",
    ),
    l(
        "Check the address, the VPN or proxy, and that the site opens in this browser. For a company certificate, open the site once and accept it.",
        "Проверьте адрес, VPN или прокси и что сайт открывается в этом браузере. Если сертификат корпоративный, откройте сайт и примите его.",
    ),
);

pub(super) static TIMEOUT: Entry = v(
    "timeout",
    l("Jira did not answer in time", "Jira не ответила вовремя"),
    l(
        "{url} gave no answer within {seconds} s.",
        "{url} не ответил за {seconds} с.",
    ),
    l(
        "Try again later; if it keeps happening, ask the Jira admin whether the server or a proxy is overloaded.",
        "Повторите позже; если повторяется — спросите администратора Jira, не перегружен ли сервер или прокси.",
    ),
);

pub(super) static CREDENTIALS_REJECTED: Entry = v(
    "credentials_rejected",
    l("Jira rejected the login or the secret", "Jira отклонила логин или секрет"),
    l(
        "The login \"{login}\" and this secret do not match. (Jira answered {status}, X-Seraph-LoginReason: {reason}.)",
        "Логин «{login}» и этот секрет не подходят друг к другу. (Jira ответила {status}, X-Seraph-LoginReason: {reason}.)",
    ),
    l(
        "Re-type the secret (it is case-sensitive). {hint} Each failed Basic login counts towards a CAPTCHA lock-out on Server/Data Center.",
        "Введите секрет заново (регистр важен). {hint_ru} На Server/Data Center каждая неудачная Basic-попытка приближает блокировку с CAPTCHA.",
    ),
);

pub(super) static PASSWORD_NOT_ACCEPTED: Entry = v(
    "password_not_accepted",
    l("Jira Cloud does not accept passwords here", "Jira Cloud не принимает здесь пароли"),
    l(
        "Jira Cloud answered: \"Basic authentication with passwords is deprecated\". It accepts only e-mail + API token; Atlassian also sends this for a wrong e-mail or token.",
        "Jira Cloud ответила: «Basic authentication with passwords is deprecated». Принимается только e-mail + API-токен; Atlassian так же отвечает на неверный e-mail или токен.",
    ),
    l(
        "Create an API token at https://id.atlassian.com/manage-profile/security/api-tokens and use it with your Atlassian account e-mail.",
        "Создайте API-токен на https://id.atlassian.com/manage-profile/security/api-tokens и используйте его с e-mail вашей учётной записи Atlassian.",
    ),
);

pub(super) static TOKEN_NOT_RECOGNIZED: Entry = v(
    "token_not_recognized",
    l("Jira ignored the token", "Jira проигнорировала токен"),
    l(
        "The request ran as an anonymous user (X-AUSERNAME: anonymous): Jira does not know this personal access token — it is mistyped, expired or revoked.",
        "Запрос выполнен как анонимный (X-AUSERNAME: anonymous): Jira не знает этот персональный токен — он введён с ошибкой, истёк или отозван.",
    ),
    l(
        "Create a new personal access token at {page} and copy it whole. If this was a password, choose username + password instead.",
        "Создайте новый персональный токен на {page} и скопируйте его целиком. Если это был пароль, выберите вход по логину и паролю.",
    ),
);

pub(super) static PAT_NOT_SUPPORTED: Entry = v(
    "pat_not_supported",
    l("This Jira has no personal access tokens", "В этой Jira нет персональных токенов"),
    l(
        "Jira {version} is older than 8.14, which introduced personal access tokens; the Bearer token was ignored.",
        "Jira {version} — версия до 8.14, а персональные токены появились только в 8.14; Bearer-токен проигнорирован.",
    ),
    l(
        "Use your username (not e-mail) and password with Basic authentication, ideally of a dedicated technical user, or ask the admin to upgrade Jira.",
        "Используйте имя пользователя (не e-mail) и пароль с Basic-аутентификацией, лучше отдельного технического пользователя, или попросите администратора обновить Jira.",
    ),
);

pub(super) static PAT_NOT_ACCEPTED_AS_PASSWORD: Entry = v(
    "pat_not_accepted_as_password",
    l(
        "This is a personal access token, not a password",
        "Это персональный токен, а не пароль",
    ),
    l(
        "Sent as the Basic password the secret was rejected, but as \"Authorization: Bearer\" it works (as {user}). Jira accepts personal access tokens only as Bearer.",
        "В роли пароля Basic секрет отклонён, а как «Authorization: Bearer» он работает (пользователь {user}). Jira принимает персональные токены только как Bearer.",
    ),
    l(
        "If the integration can send a Bearer token, choose that and paste the token. If it can only do Basic (login + password), use the account's password instead, or a token app that issues Basic passwords.",
        "Если интеграция умеет Bearer-токен, выберите его и вставьте токен. Если она умеет только Basic (логин + пароль), используйте пароль учётной записи или приложение, выдающее токены для Basic.",
    ),
);

pub(super) static WRONG_AUTH_METHOD: Entry = v(
    "wrong_auth_method",
    l("Wrong way of sending the token", "Токен передаётся неправильным способом"),
    l(
        "An Atlassian Cloud API token was sent as \"Authorization: Bearer\"; Cloud expects it with Basic authentication (e-mail:token).",
        "API-токен Atlassian Cloud отправлен как «Authorization: Bearer»; Cloud ожидает его в Basic-аутентификации (e-mail:токен).",
    ),
    l(
        "In the integration choose Basic authentication: your Atlassian e-mail as the login, the API token as the password.",
        "В интеграции выберите Basic-аутентификацию: e-mail Atlassian как логин, API-токен как пароль.",
    ),
);

pub(super) static SCOPED_TOKEN_NEEDS_GATEWAY: Entry = v(
    "scoped_token_needs_gateway",
    l(
        "A scoped API token works only through api.atlassian.com",
        "Токен с областями (scopes) работает только через api.atlassian.com",
    ),
    l(
        "{why} Such a token works only through Atlassian's gateway. {gateway_result}",
        "{why_ru} Такой токен работает только через шлюз Atlassian. {gateway_result_ru}",
    ),
    l(
        "Either give the integration the URL {gateway} (if it supports it), or create a classic token with \"Create API token\" (without scopes) for {site}.",
        "Либо укажите в интеграции URL {gateway} (если она это поддерживает), либо создайте классический токен кнопкой «Create API token» (без scopes) для {site}.",
    ),
);

pub(super) static CAPTCHA_REQUIRED: Entry = v(
    "captcha_required",
    l(
        "Jira locked API logins for this account (CAPTCHA)",
        "Jira заблокировала вход через API для этой учётной записи (CAPTCHA)",
    ),
    l(
        "After too many failed logins Jira demands a CAPTCHA (X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE) and refuses every API login, even with the right password.",
        "После слишком многих неудачных входов Jira требует CAPTCHA (X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE) и отклоняет любой вход через API, даже с верным паролем.",
    ),
    l(
        "Open {login_url} in the browser, log in as \"{login}\" and solve the CAPTCHA — or ask a Jira admin to \"Reset Failed Login Count\" in User management. Then test again. A personal access token avoids this.",
        "Откройте {login_url} в браузере, войдите как «{login}» и решите CAPTCHA — или попросите администратора Jira нажать «Reset Failed Login Count» в управлении пользователями. Затем проверьте снова. Персональный токен доступа этой проблемы не имеет.",
    ),
);

pub(super) static BASIC_AUTH_DISABLED: Entry = v(
    "basic_auth_disabled",
    l(
        "This Jira does not accept username + password on the API",
        "Эта Jira не принимает логин и пароль в API",
    ),
    l(
        "Jira answered 403 \"Basic Authentication has been disabled on this instance.\" (default since Jira 11, or set by the admin).",
        "Jira ответила 403 «Basic Authentication has been disabled on this instance.» (так по умолчанию с Jira 11 или по решению администратора).",
    ),
    l(
        "Create a personal access token at {page} and send it as Bearer. If the integration can only do Basic, ask the admin to allowlist its user or path in the Basic authentication settings.",
        "Создайте персональный токен на {page} и передавайте его как Bearer. Если интеграция умеет только Basic, попросите администратора добавить её пользователя или путь в список исключений настроек Basic-аутентификации.",
    ),
);

pub(super) static SSO_LOGIN_PAGE: Entry = v(
    "sso_login_page",
    l(
        "A login page answered instead of Jira's API",
        "Вместо API Jira ответила страница входа",
    ),
    l(
        "The API request was redirected to a login page ({location}): a single sign-on gateway or proxy sits in front of Jira. The credential was not sent there.",
        "Запрос к API перенаправлен на страницу входа ({location}): перед Jira стоит шлюз единого входа или прокси. Учётные данные туда не отправлялись.",
    ),
    l(
        "Ask the Jira admin to let API calls with tokens bypass the SSO gateway (an allowlist for /rest/), or for the address integrations should use.",
        "Попросите администратора Jira пропускать API-запросы с токенами мимо шлюза SSO (исключение для /rest/) или узнайте адрес для интеграций.",
    ),
);

pub(super) static ACCOUNT_INACTIVE: Entry = v(
    "account_inactive",
    l(
        "The account is inactive or has no Jira access",
        "Учётная запись неактивна или без доступа к Jira",
    ),
    l(
        "Jira knows the account but does not let it in ({detail}).",
        "Jira знает учётную запись, но не пускает её ({detail}).",
    ),
    l(
        "Ask the Jira admin to activate the account and give it Jira access (an application licence / the jira-users group).",
        "Попросите администратора Jira активировать учётную запись и дать ей доступ к Jira (лицензию приложения / группу jira-users).",
    ),
);

pub(super) static USER_MISMATCH: Entry = v(
    "user_mismatch",
    l(
        "The token belongs to someone else",
        "Токен принадлежит другому пользователю",
    ),
    l(
        "You entered \"{login}\", but Jira says the credential belongs to {user}.",
        "Вы указали «{login}», но Jira сообщает, что учётные данные принадлежат {user}.",
    ),
    l(
        "Use the login of the token's owner, or create a token while logged in as \"{login}\".",
        "Укажите логин владельца токена или создайте токен, войдя как «{login}».",
    ),
);

pub(super) static RATE_LIMITED: Entry = v(
    "rate_limited",
    l("Requests are being limited", "Запросы ограничены по частоте"),
    l(
        "The answer was 429 Too Many Requests{retry}, sent by {who}.{reason}",
        "Получен ответ 429 Too Many Requests{retry}; его отправил(а) {who_ru}.{reason_ru}",
    ),
    l(
        "Wait and test again. If an integration hits this often, ask the admin about rate limits for its user.",
        "Подождите и проверьте снова. Если интеграция часто в это упирается, обсудите с администратором лимиты для её пользователя.",
    ),
);

pub(super) static MISSING_PERMISSIONS: Entry = v(
    "missing_permissions",
    l(
        "The credential works, but permissions are missing",
        "Учётные данные работают, но не хватает прав",
    ),
    l(
        "{user} lacks: {missing}{scope}.",
        "У {user} нет прав: {missing_ru}{scope}.",
    ),
    l(
        "Ask the Jira admin to grant them: project permissions in the project's permission scheme, global ones (Administer Jira, Browse users and groups …) to a group the user is in.",
        "Попросите администратора Jira выдать их: права проекта — в схеме разрешений проекта, глобальные («Администрирование Jira» (ADMINISTER), «Просмотр пользователей и групп» (USER_PICKER) …) — группе, в которую входит пользователь.",
    ),
);

pub(super) static PROJECT_NOT_FOUND: Entry = v(
    "project_not_found",
    l("The project is not visible", "Проект не виден"),
    l(
        "Jira says project {project} does not exist or {user} cannot see it.",
        "Jira сообщает, что проекта {project} нет или {user} его не видит.",
    ),
    l(
        "Check the project key (e.g. PROJ, not the project name), or ask the admin to give the user Browse Projects there.",
        "Проверьте ключ проекта (например, PROJ, а не название) или попросите администратора дать пользователю право «Просмотр проектов» (BROWSE_PROJECTS) в нём.",
    ),
);

pub(super) static SERVER_ERROR: Entry = v(
    "server_error",
    l("A server error instead of an answer", "Вместо ответа — ошибка сервера"),
    l(
        "{url} answered HTTP {status}; the error came from {who}.",
        "{url} ответил HTTP {status}; ошибку вернул(а) {who_ru}.",
    ),
    l(
        "Try again in a few minutes. If it persists, send the report to the admin of whoever failed — the Jira admin, or the network admin for a device in front of Jira (the report holds the request id).",
        "Повторите через несколько минут. Если ошибка остаётся, отправьте отчёт администратору того, что дало сбой, — Jira или сети, если это устройство перед Jira (в отчёте есть идентификатор запроса).",
    ),
);

pub(super) static UNEXPECTED_RESPONSE: Entry = v(
    "unexpected_response",
    l(
        "Jira's answer was not understood",
        "Ответ Jira не распознан",
    ),
    l(
        "{url} answered HTTP {status} ({detail}), which does not match any known case. It came from {who}.",
        "{url} ответил HTTP {status} ({detail}), что не подходит ни под один известный случай. Ответил(а) {who_ru}.",
    ),
    l(
        "Copy the report and send it to your helpdesk or the Jira admin.",
        "Скопируйте отчёт и отправьте его в поддержку или администратору Jira.",
    ),
);

pub(super) static TARGET_NOT_SUPPORTED: Entry = v(
    "target_not_supported",
    l(
        "{target} does not work with this Jira",
        "{target} не работает с этой Jira",
    ),
    l(
        "{target} connects only to {supported}; this is {hosting}. The credential was not tested.",
        "{target} подключается только к {supported_ru}; а это {hosting_ru}. Учётные данные не проверялись.",
    ),
    l(
        "Use another integration for this Jira, or test the credential for the generic target.",
        "Используйте для этой Jira другую интеграцию или проверьте учётные данные для универсальной цели (generic).",
    ),
);
