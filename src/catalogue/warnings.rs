//! Warnings that travel beside a verdict about the address, the deployment and what was typed:
//! the base URL, serverInfo, the version, access to a host, a login redirect, a custom domain,
//! the login's shape, the cloud id, and a browser's result beside the integration server's.

use super::{warning, Entry};
use crate::i18n::l;

pub(super) static BASE_URL_MISMATCH: Entry = warning(
    "base_url_mismatch",
    l(
        "Jira's configured base URL differs from the address you use",
        "Базовый URL в настройках Jira отличается от адреса, который вы используете",
    ),
    l(
        "Jira says its base URL is {configured}, but it was reached at {reached}. This is usual behind a reverse proxy or with an internal and an external address.",
        "Jira сообщает базовый URL {configured}, но открыта по адресу {reached}. Так бывает за обратным прокси или когда у Jira есть внутренний и внешний адрес.",
    ),
    l(
        "Give the integration the address it can reach from its own network. If it runs outside your network, use the public address; some apps (e.g. Issue Sync) have an \"Alternative JIRA Server URL\" setting for this.",
        "Укажите в интеграции адрес, доступный из её сети. Если интеграция работает вне вашей сети, нужен внешний адрес; в некоторых приложениях (например, Issue Sync) для этого есть настройка «Alternative JIRA Server URL».",
    ),
);

pub(super) static BASE_URL_OTHER_HOST: Entry = warning(
    "base_url_other_host",
    l(
        "Jira names another host as its address: only {reached} was tested",
        "Jira называет своим адресом другой хост: проверен только {reached}",
    ),
    l(
        "Jira's configured base URL is {configured}, on another host than {reached}, where the wizard reached it. Everything here was tested at {reached}; nothing at {configured}, which may be Jira's public address behind a proxy — or not Jira at all.",
        "В настройках Jira базовый URL — {configured}, это другой хост, чем {reached}, где мастер её нашёл. Всё здесь проверено по адресу {reached}; по адресу {configured} не проверялось ничего — это может быть внешний адрес Jira за прокси, а может быть и не Jira.",
    ),
    l(
        "Give the integration an address you tested. If the integration must use {configured}, open Jira at {configured} and run the wizard there.",
        "Укажите в интеграции проверенный адрес. Если интеграция должна использовать {configured}, откройте Jira по адресу {configured} и запустите мастер там.",
    ),
);

pub(super) static URL_NORMALIZED: Entry = warning(
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

pub(super) static CUSTOM_DOMAIN: Entry = warning(
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

pub(super) static SERVER_INFO_NEEDS_LOGIN: Entry = warning(
    "server_info_needs_login",
    l(
        "This Jira hides its server information from anonymous visitors",
        "Эта Jira не показывает сведения о сервере анонимным посетителям",
    ),
    l(
        "/rest/api/2/serverInfo answered 401 for an anonymous request (a proxy or a site restriction). This does not mean the site is not Jira.",
        "/rest/api/2/serverInfo ответил 401 на анонимный запрос (прокси или ограничение доступа). Это не значит, что сайт — не Jira.",
    ),
    l(
        "The version is taken from the page instead. Testing a token will read it with your credentials.",
        "Версия взята со страницы. При проверке токена она будет прочитана с вашими учётными данными.",
    ),
);

pub(super) static SERVER_INFO_UNAVAILABLE: Entry = warning(
    "server_info_unavailable",
    l(
        "Could not confirm the deployment through the REST API",
        "Не удалось подтвердить тип установки через REST API",
    ),
    l(
        "{url} did not give Jira's server information ({detail}).",
        "{url} не вернул сведения о сервере Jira ({detail}).",
    ),
    l(
        "The result is based on the page alone. Check that the address is right and reachable from this computer.",
        "Результат основан только на странице. Проверьте, что адрес верный и доступен с этого компьютера.",
    ),
);

pub(super) static VERSION_UNKNOWN: Entry = warning(
    "version_unknown",
    l("Jira's version is not known", "Версия Jira неизвестна"),
    l(
        "Neither the page nor the REST API told the version, and the right kind of token depends on it.",
        "Ни страница, ни REST API не сообщили версию, а от неё зависит, какой нужен токен.",
    ),
    l(
        "Open Help (?) → About Jira, or look at the page footer, or open {base}/rest/api/2/serverInfo. Personal access tokens need Jira 8.14 or later.",
        "Откройте «Справка (?) → О Jira», посмотрите в нижний колонтитул страницы или откройте {base}/rest/api/2/serverInfo. Персональные токены доступа есть в Jira 8.14 и новее.",
    ),
);

pub(super) static HOST_PERMISSION_NEEDED: Entry = warning(
    "host_permission_needed",
    l(
        "Allow the extension to contact {origin}",
        "Разрешите расширению обращаться к {origin}",
    ),
    l(
        "The extension only talks to a Jira you allow. Without access it can read the page but not ask Jira's REST API.",
        "Расширение обращается только к той Jira, которую вы разрешили. Без доступа оно видит страницу, но не может обратиться к REST API Jira.",
    ),
    l(
        "Press \"Allow access\" and confirm. Access is limited to {origin}.",
        "Нажмите «Разрешить доступ» и подтвердите. Доступ ограничен адресом {origin}.",
    ),
);

pub(super) static LOGIN_REDIRECT: Entry = warning(
    "login_redirect",
    l(
        "Jira's REST API redirects to a login page",
        "REST API Jira перенаправляет на страницу входа",
    ),
    l(
        "{url} answered with a redirect to {location}: a single sign-on gateway or a proxy sits in front of Jira.",
        "{url} ответил перенаправлением на {location}: перед Jira стоит шлюз единого входа или прокси.",
    ),
    l(
        "Integrations call the REST API directly and cannot pass a login page. Test the token to confirm, and ask the Jira admin to let token requests to /rest/ bypass the gateway.",
        "Интеграции обращаются к REST API напрямую и не могут пройти страницу входа. Проверьте токен, чтобы убедиться, и попросите администратора Jira пропускать запросы с токенами к /rest/ мимо шлюза.",
    ),
);

pub(super) static REDIRECTS_TO_CLOUD: Entry = warning(
    "redirects_to_cloud",
    l(
        "This Jira has moved to Atlassian Cloud",
        "Эта Jira переехала в Atlassian Cloud",
    ),
    l(
        "{url} answered with a redirect to {site}, an Atlassian Cloud site: the Jira at this address moved to Cloud. A credential made for the old Data Center or Server (a personal access token, a username and password) does not work there.",
        "{url} ответил перенаправлением на {site} — сайт Atlassian Cloud: Jira по этому адресу переехала в Cloud. Учётные данные старой Data Center или Server (персональный токен доступа, имя пользователя и пароль) там не работают.",
    ),
    l(
        "Open {site} and run the wizard there: on Cloud the integration needs the new address and an e-mail with an API token.",
        "Откройте {site} и запустите мастер там: в Cloud интеграции нужны новый адрес и e-mail с API-токеном.",
    ),
);

pub(super) static CLOUD_ID_MISMATCH: Entry = warning(
    "cloud_id_mismatch",
    l(
        "The page names another Cloud tenant than the site",
        "Страница называет другой облачный тенант, чем сам сайт",
    ),
    l(
        "The page says its cloud id is {page}, but {site} says it is {tenant} (/_edge/tenant_info). The wizard uses the site's own: the gateway address and the connection block name {tenant}.",
        "Страница сообщает cloud id {page}, а {site} — {tenant} (/_edge/tenant_info). Мастер использует идентификатор самого сайта: адрес шлюза и блок подключения называют {tenant}.",
    ),
    l(
        "Nothing to do if this is your site. A page that names another tenant may have been changed by a script or an extension: open Jira from its own address.",
        "Ничего делать не нужно, если это ваш сайт. Страница, называющая другой тенант, могла быть изменена скриптом или расширением: откройте Jira по её собственному адресу.",
    ),
);

pub(super) static TECHNICAL_USER_IS_YOU: Entry = warning(
    "technical_user_is_you",
    l(
        "The technical user is you",
        "Технический пользователь — это вы",
    ),
    l(
        "The account tested ({user}) is the one logged into this Jira tab. Issue Sync acts as its technical user: every synchronised change would carry your name, and it stops when your account changes.",
        "Проверенная учётная запись ({user}) — та, под которой открыта эта вкладка Jira. Issue Sync действует от имени технического пользователя: все синхронизированные изменения будут подписаны вашим именем и перестанут работать при изменениях вашей учётной записи.",
    ),
    l(
        "Ask the Jira admin for a dedicated local user for Issue Sync (e.g. svc-sync) and test its credential instead.",
        "Попросите администратора Jira создать отдельного локального пользователя для Issue Sync (например, svc-sync) и проверьте его учётные данные.",
    ),
);

pub(super) static LOGIN_LOOKS_LIKE_EMAIL: Entry = warning(
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

pub(super) static LOGIN_NOT_AN_EMAIL: Entry = warning(
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

pub(super) static DIFFERS_FROM_SERVER: Entry = warning(
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
