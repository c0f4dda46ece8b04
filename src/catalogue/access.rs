//! What a working credential may do for the chosen integration: it works, permissions or a
//! project are missing, it is someone else's account, the integration cannot use this Jira, or
//! a scoped token's scopes fall short (facts §5).

use super::{verdict, Entry};
use crate::i18n::l;

pub(super) static OK: Entry = verdict(
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

pub(super) static MISSING_PERMISSIONS: Entry = verdict(
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

pub(super) static PROJECT_NOT_FOUND: Entry = verdict(
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

pub(super) static USER_MISMATCH: Entry = verdict(
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

pub(super) static TARGET_NOT_SUPPORTED: Entry = verdict(
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

pub(super) static SCOPE_MISMATCH: Entry = verdict(
    "scope_mismatch",
    l(
        "The token's scopes do not allow this",
        "Областей (scopes) токена для этого недостаточно",
    ),
    l(
        "The site refused the token and {gateway} answered 401 \"Unauthorized; scope does not match\": it is a scoped API token (or a service account's token), but its scopes do not cover what {target} asks for.",
        "Сайт отклонил токен, а {gateway} ответил 401 «Unauthorized; scope does not match»: это API-токен с областями (или токен сервисной учётной записи), но его области не покрывают то, что запрашивает {target}.",
    ),
    l(
        "Create a new token with \"Create API token with scopes\" for Jira with at least these scopes: {scopes} — or a classic token with \"Create API token\" (no scopes). Then give the integration {gateway} as its Jira URL (scoped tokens work only there).",
        "Создайте новый токен кнопкой «Create API token with scopes» для Jira как минимум с областями: {scopes} — или классический токен кнопкой «Create API token» (без областей). Затем укажите в интеграции URL {gateway} (токены с областями работают только через него).",
    ),
);

/// OAuth 2.0 client credentials: a token was issued, but the service account may see nothing.
pub(super) static SERVICE_ACCOUNT_NO_ACCESS: Entry = verdict(
    "service_account_no_access",
    l(
        "The service account signed in but sees nothing in Jira",
        "Сервисная учётная запись вошла, но ничего не видит в Jira",
    ),
    l(
        "The token endpoint issued an access token, so the client id and secret are right; but {what}. The service account has no access to Jira's projects.",
        "Сервер токенов выдал токен доступа, значит client id и secret верны; но {what_ru}. У сервисной учётной записи нет доступа к проектам Jira.",
    ),
    l(
        "Give the service account access: {how}. Then test again.",
        "Дайте сервисной учётной записи доступ: {how_ru}. Затем проверьте снова.",
    ),
);

/// OAuth 2.0 client credentials: the token lacks the scopes the target needs.
pub(super) static CLIENT_SCOPES_MISSING: Entry = verdict(
    "client_scopes_missing",
    l(
        "The service account's credential lacks scopes {target} needs",
        "У учётных данных сервисной учётной записи нет областей (scopes), нужных {target}",
    ),
    l(
        "{where} answered {status} \"{error}\": the credential was not granted the scopes asked for.",
        "{where} ответил {status} «{error}»: учётным данным не выданы запрошенные области (scopes).",
    ),
    l(
        "Give the credential these scopes: {scopes} ({how}), then test again.",
        "Выдайте учётным данным эти области (scopes): {scopes} ({how_ru}), затем проверьте снова.",
    ),
);

/// OAuth 2.0 client credentials asked for an integration whose form has no place for them.
pub(super) static CLIENT_CREDENTIALS_NOT_SUPPORTED: Entry = verdict(
    "client_credentials_not_supported",
    l(
        "{target} does not take OAuth 2.0 client credentials",
        "{target} не принимает OAuth 2.0 client credentials",
    ),
    l(
        "{target}'s connection form has no token URL, client ID or client secret: it sends {sends}. The client credentials were not tested.",
        "В форме подключения {target} нет URL получения токена, client ID и client secret: она отправляет {sends_ru}. Client credentials не проверялись.",
    ),
    l(
        "Give {target} what its form takes ({sends}), or test these client credentials for \"any integration\" if another integration will use them.",
        "Дайте {target} то, что принимает её форма ({sends_ru}), или проверьте эти client credentials для «любой интеграции», если их будет использовать другая интеграция.",
    ),
);

pub(super) static ENDPOINT_REMOVED: Entry = verdict(
    "endpoint_removed",
    l(
        "The credential works, but the integration calls an API Jira removed",
        "Учётные данные работают, но интеграция вызывает API, удалённый из Jira",
    ),
    l(
        "Jira accepted the credential and answered as {user}, so the login and the secret are right. But {integration} calls {endpoint}, and Jira answered {said}. Every call the connector makes there fails, whatever the credential. This is the integration vendor's problem, not yours: the replacement is {replacement}.",
        "Jira приняла учётные данные и ответила от имени {user} — логин и секрет верны. Но {integration_ru} вызывает {endpoint}, а Jira ответила {said}. Каждый такой вызов коннектора завершится ошибкой при любых учётных данных. Это проблема поставщика интеграции, а не ваша: замена — {replacement_ru}.",
    ),
    l(
        "Keep this credential. Update the connector to a version that calls {replacement}, or ask its vendor for one (quote this endpoint and Jira's answer). A new token will not help.",
        "Оставьте эти учётные данные. Обновите коннектор до версии, которая вызывает {replacement_ru}, или запросите её у поставщика (приведите этот адрес и ответ Jira). Новый токен не поможет.",
    ),
);
