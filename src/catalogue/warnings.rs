//! Catalogue entries for warnings: findings that travel beside a verdict.

use super::{Entry, Kind};
use crate::i18n::l;

pub(super) static BASE_URL_MISMATCH: Entry = Entry {
    code: "base_url_mismatch",
    kind: Kind::Warning,
    title: l(
        "Jira's configured base URL differs from the address you use",
        "Базовый URL в настройках Jira отличается от адреса, который вы используете",
    ),
    cause: l(
        "Jira says its base URL is {configured}, but it was reached at {reached}. This is usual behind a reverse proxy or with an internal and an external address.",
        "Jira сообщает базовый URL {configured}, но открыта по адресу {reached}. Так бывает за обратным прокси или когда у Jira есть внутренний и внешний адрес.",
    ),
    fix: l(
        "Give the integration the address it can reach from its own network. If it runs outside your network, use the public address; some apps (e.g. Issue Sync) have an \"Alternative JIRA Server URL\" setting for this.",
        "Укажите в интеграции адрес, доступный из её сети. Если интеграция работает вне вашей сети, нужен внешний адрес; в некоторых приложениях (например, Issue Sync) для этого есть настройка «Alternative JIRA Server URL».",
    ),
};

pub(super) static SERVER_INFO_NEEDS_LOGIN: Entry = Entry {
    code: "server_info_needs_login",
    kind: Kind::Warning,
    title: l(
        "This Jira hides its server information from anonymous visitors",
        "Эта Jira не показывает сведения о сервере анонимным посетителям",
    ),
    cause: l(
        "/rest/api/2/serverInfo answered 401 for an anonymous request (a proxy or a site restriction). This does not mean the site is not Jira.",
        "/rest/api/2/serverInfo ответил 401 на анонимный запрос (прокси или ограничение доступа). Это не значит, что сайт — не Jira.",
    ),
    fix: l(
        "The version is taken from the page instead. Testing a token will read it with your credentials.",
        "Версия взята со страницы. При проверке токена она будет прочитана с вашими учётными данными.",
    ),
};

pub(super) static SERVER_INFO_UNAVAILABLE: Entry = Entry {
    code: "server_info_unavailable",
    kind: Kind::Warning,
    title: l(
        "Could not confirm the deployment through the REST API",
        "Не удалось подтвердить тип установки через REST API",
    ),
    cause: l(
        "{url} did not give Jira's server information ({detail}).",
        "{url} не вернул сведения о сервере Jira ({detail}).",
    ),
    fix: l(
        "The result is based on the page alone. Check that the address is right and reachable from this computer.",
        "Результат основан только на странице. Проверьте, что адрес верный и доступен с этого компьютера.",
    ),
};

pub(super) static VERSION_UNKNOWN: Entry = Entry {
    code: "version_unknown",
    kind: Kind::Warning,
    title: l("Jira's version is not known", "Версия Jira неизвестна"),
    cause: l(
        "Neither the page nor the REST API told the version, and the right kind of token depends on it.",
        "Ни страница, ни REST API не сообщили версию, а от неё зависит, какой нужен токен.",
    ),
    fix: l(
        "Open Help (?) → About Jira, or look at the page footer, or open {base}/rest/api/2/serverInfo. Personal access tokens need Jira 8.14 or later.",
        "Откройте «Справка (?) → О Jira», посмотрите в нижний колонтитул страницы или откройте {base}/rest/api/2/serverInfo. Персональные токены доступа есть в Jira 8.14 и новее.",
    ),
};

pub(super) static HOST_PERMISSION_NEEDED: Entry = Entry {
    code: "host_permission_needed",
    kind: Kind::Warning,
    title: l(
        "Allow the extension to contact {origin}",
        "Разрешите расширению обращаться к {origin}",
    ),
    cause: l(
        "The extension only talks to a Jira you allow. Without access it can read the page but not ask Jira's REST API.",
        "Расширение обращается только к той Jira, которую вы разрешили. Без доступа оно видит страницу, но не может обратиться к REST API Jira.",
    ),
    fix: l(
        "Press \"Allow access\" and confirm. Access is limited to {origin}.",
        "Нажмите «Разрешить доступ» и подтвердите. Доступ ограничен адресом {origin}.",
    ),
};

pub(super) static LOGIN_REDIRECT: Entry = Entry {
    code: "login_redirect",
    kind: Kind::Warning,
    title: l(
        "Jira's REST API redirects to a login page",
        "REST API Jira перенаправляет на страницу входа",
    ),
    cause: l(
        "{url} answered with a redirect to {location}: a single sign-on gateway or a proxy sits in front of Jira.",
        "{url} ответил перенаправлением на {location}: перед Jira стоит шлюз единого входа или прокси.",
    ),
    fix: l(
        "Integrations call the REST API directly and cannot pass a login page. Test the token to confirm, and ask the Jira admin to let token requests to /rest/ bypass the gateway.",
        "Интеграции обращаются к REST API напрямую и не могут пройти страницу входа. Проверьте токен, чтобы убедиться, и попросите администратора Jira пропускать запросы с токенами к /rest/ мимо шлюза.",
    ),
};

pub(super) static TECHNICAL_USER_IS_YOU: Entry = Entry {
    code: "technical_user_is_you",
    kind: Kind::Warning,
    title: l(
        "The technical user is you",
        "Технический пользователь — это вы",
    ),
    cause: l(
        "The account tested ({user}) is the one logged into this Jira tab. Issue Sync acts as its technical user: every synchronised change would carry your name, and it stops when your account changes.",
        "Проверенная учётная запись ({user}) — та, под которой открыта эта вкладка Jira. Issue Sync действует от имени технического пользователя: все синхронизированные изменения будут подписаны вашим именем и перестанут работать при изменениях вашей учётной записи.",
    ),
    fix: l(
        "Ask the Jira admin for a dedicated local user for Issue Sync (e.g. svc-sync) and test its credential instead.",
        "Попросите администратора Jira создать отдельного локального пользователя для Issue Sync (например, svc-sync) и проверьте его учётные данные.",
    ),
};

pub(super) static CLOUD_ID_MISMATCH: Entry = Entry {
    code: "cloud_id_mismatch",
    kind: Kind::Warning,
    title: l(
        "The page names another Cloud tenant than the site",
        "Страница называет другой облачный тенант, чем сам сайт",
    ),
    cause: l(
        "The page says its cloud id is {page}, but {site} says it is {tenant} (/_edge/tenant_info). The wizard uses the site's own: the gateway address and the connection block name {tenant}.",
        "Страница сообщает cloud id {page}, а {site} — {tenant} (/_edge/tenant_info). Мастер использует идентификатор самого сайта: адрес шлюза и блок подключения называют {tenant}.",
    ),
    fix: l(
        "Nothing to do if this is your site. A page that names another tenant may have been changed by a script or an extension: open Jira from its own address.",
        "Ничего делать не нужно, если это ваш сайт. Страница, называющая другой тенант, могла быть изменена скриптом или расширением: откройте Jira по её собственному адресу.",
    ),
};

pub(super) static BASE_URL_OTHER_HOST: Entry = Entry {
    code: "base_url_other_host",
    kind: Kind::Warning,
    title: l(
        "Jira names another host as its address: only {reached} was tested",
        "Jira называет своим адресом другой хост: проверен только {reached}",
    ),
    cause: l(
        "Jira's configured base URL is {configured}, on another host than {reached}, where the wizard reached it. Everything here was tested at {reached}; nothing at {configured}, which may be Jira's public address behind a proxy — or not Jira at all.",
        "В настройках Jira базовый URL — {configured}, это другой хост, чем {reached}, где мастер её нашёл. Всё здесь проверено по адресу {reached}; по адресу {configured} не проверялось ничего — это может быть внешний адрес Jira за прокси, а может быть и не Jira.",
    ),
    fix: l(
        "Give the integration an address you tested. If the integration must use {configured}, open Jira at {configured} and run the wizard there.",
        "Укажите в интеграции проверенный адрес. Если интеграция должна использовать {configured}, откройте Jira по адресу {configured} и запустите мастер там.",
    ),
};
