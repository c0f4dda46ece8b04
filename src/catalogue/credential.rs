//! What Jira said of the credential itself: refused, of the wrong kind or sent the wrong way, a
//! secret that cannot be a token, a lock-out, an SSO page, a disabled account (facts §3–§4).

use super::{verdict, warning, Entry};
use crate::i18n::l;

pub(super) static CREDENTIALS_REJECTED: Entry = verdict(
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

pub(super) static PASSWORD_NOT_ACCEPTED: Entry = verdict(
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

pub(super) static TOKEN_NOT_RECOGNIZED: Entry = verdict(
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

pub(super) static PAT_NOT_SUPPORTED: Entry = verdict(
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

pub(super) static PAT_NOT_ACCEPTED_AS_PASSWORD: Entry = verdict(
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

pub(super) static WRONG_AUTH_METHOD: Entry = verdict(
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

pub(super) static SCOPED_TOKEN_NEEDS_GATEWAY: Entry = verdict(
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

pub(super) static SECRET_NOT_A_TOKEN: Entry = verdict(
    "secret_not_a_token",
    l(
        "This secret cannot be a token",
        "Этот секрет не может быть токеном",
    ),
    l(
        "A {method} was asked for, but the secret holds characters no token has (letters outside Latin, spaces, line breaks or symbols): it looks like a password. Nothing was sent.",
        "Ожидался {method_ru}, но в секрете есть символы, которых в токенах не бывает (буквы не латиницы, пробелы, переводы строк или значки): похоже, это пароль. Ничего не отправлено.",
    ),
    l(
        "Paste the token itself (copy it again from the page where it was created), or choose \"Username + password\" if this is a password.",
        "Вставьте сам токен (скопируйте его заново со страницы, где он создан) или выберите «Имя пользователя + пароль», если это пароль.",
    ),
);

pub(super) static SECRET_WHITESPACE: Entry = warning(
    "secret_whitespace",
    l(
        "The secret had spaces or line breaks around it",
        "Вокруг секрета были пробелы или переводы строк",
    ),
    l(
        "The pasted secret started or ended with {what}. They were removed for this test, but the integration may send them as part of the secret.",
        "Вставленный секрет начинался или заканчивался символами: {what_ru}. Для проверки они убраны, но интеграция может отправить их как часть секрета.",
    ),
    l(
        "Paste the secret into the integration without them.",
        "Вставьте секрет в интеграцию без них.",
    ),
);

pub(super) static CAPTCHA_REQUIRED: Entry = verdict(
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

pub(super) static BASIC_AUTH_DISABLED: Entry = verdict(
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

pub(super) static SSO_LOGIN_PAGE: Entry = verdict(
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

pub(super) static ACCOUNT_INACTIVE: Entry = verdict(
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

/// facts §4.5: Jira 11 Data Center turns Basic authentication off by default (Atlassian's
/// "Service accounts overview" gives service accounts OAuth 2.0 instead of passwords; jira.js's
/// Data Center guide; a DC 11.3 recording in tests/fixtures/real).
pub(super) static BASIC_AUTH_OFF_BY_DEFAULT: Entry = verdict(
    "basic_auth_off_by_default",
    l(
        "Jira {version} does not take passwords on the API: Basic is off by default since Jira 11",
        "Jira {version} не принимает пароли в API: с Jira 11 Basic-аутентификация по умолчанию отключена",
    ),
    l(
        "Jira answered 403 \"Basic Authentication has been disabled on this instance.\" Jira 11 Data Center turns Basic authentication (username + password) off on the REST API by default, as a step towards removing it; the password was not checked.",
        "Jira ответила 403 «Basic Authentication has been disabled on this instance.» Jira 11 Data Center по умолчанию отключает Basic-аутентификацию (логин + пароль) в REST API — это шаг к её удалению; пароль не проверялся.",
    ),
    l(
        "Use a personal access token (create it at {page}, send it as \"Authorization: Bearer\"), or a service account's OAuth 2.0 client credentials (Jira 11: an admin creates the service account and gets its client id and secret). If the integration can send only a login and a password, a Jira admin can allow Basic for its user alone (Administration → System → Authentication methods, the Basic authentication allowlist) — a stopgap: Atlassian is removing Basic.",
        "Используйте персональный токен доступа (создайте его на {page} и передавайте как «Authorization: Bearer») или OAuth 2.0 client credentials сервисной учётной записи (Jira 11: администратор создаёт сервисную учётную запись и получает её client id и secret). Если интеграция умеет отправлять только логин и пароль, администратор Jira может разрешить Basic только для её пользователя (Администрирование → Система → Методы аутентификации, список исключений Basic) — это временная мера: Atlassian убирает Basic.",
    ),
);

/// OAuth 2.0 client credentials (RFC 6749 §5.2): the token endpoint refused the client —
/// `invalid_client`, `unauthorized_client`, or Atlassian Cloud's `access_denied`/"Unauthorized".
pub(super) static CLIENT_CREDENTIALS_REJECTED: Entry = verdict(
    "client_credentials_rejected",
    l(
        "The token endpoint refused the client id or secret",
        "Сервер токенов отклонил client id или secret",
    ),
    l(
        "{token_url} answered {status} \"{error}\": it does not know the client id \"{client_id}\", or the secret is not that client's (a typo, a secret rotated or revoked, or a credential of another organisation or Jira).",
        "{token_url} ответил {status} «{error}»: он не знает client id «{client_id}», или secret принадлежит не этому клиенту (опечатка, secret заменён или отозван, или это учётные данные другой организации или другой Jira).",
    ),
    l(
        "Copy the client id and secret again from where the credential was created ({where}); a secret is shown only once — if it is lost, create a new credential for the service account.",
        "Скопируйте client id и secret заново оттуда, где создавались учётные данные ({where_ru}); secret показывается только один раз — если он утерян, создайте новые учётные данные для сервисной учётной записи.",
    ),
);

pub(super) static MOVED_TO_CLOUD: Entry = verdict(
    "moved_to_cloud",
    l(
        "This Jira moved to Cloud: the credential must change",
        "Эта Jira переехала в Cloud: учётные данные нужно сменить",
    ),
    l(
        "{evidence} Jira Cloud takes no Data Center credential: {sent} does not work there. Cloud takes your Atlassian account e-mail with an API token, sent as Basic authentication.",
        "{evidence_ru} Jira Cloud не принимает учётные данные Data Center: {sent_ru} там не работает. Cloud принимает e-mail учётной записи Atlassian с API-токеном по Basic-аутентификации.",
    ),
    l(
        "In the integration, set the Jira address to {site}, the login to your Atlassian account e-mail, and the secret to an API token created at https://id.atlassian.com/manage-profile/security/api-tokens (method: Basic, e-mail + API token). Then test again.",
        "В интеграции укажите адрес Jira {site}, логин — e-mail учётной записи Atlassian, а секрет — API-токен, созданный на https://id.atlassian.com/manage-profile/security/api-tokens (метод: Basic, e-mail + API-токен). Затем проверьте снова.",
    ),
);
