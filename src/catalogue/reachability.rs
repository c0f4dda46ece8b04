//! Whether Jira was reached and who answered: not Jira, nobody, too slow, a transport or
//! certificate failure, plain http, Jira failing or throttling, and a device or Atlassian's edge
//! answering in Jira's place (facts §4.6).

use super::{verdict, warning, Entry};
use crate::i18n::l;

pub(super) static NOT_JIRA: Entry = verdict(
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

pub(super) static UNREACHABLE: Entry = verdict(
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

pub(super) static TIMEOUT: Entry = verdict(
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

pub(super) static TRANSPORT_FAILED: Entry = verdict(
    "transport_failed",
    l(
        "The request could not be sent",
        "Запрос не удалось отправить",
    ),
    l(
        "The request to {url} was refused before it reached the network ({detail}). Jira was not asked, so this says nothing about the credential.",
        "Запрос к {url} отклонён ещё до отправки в сеть ({detail}). Jira не спрашивали, так что об учётных данных это ничего не говорит.",
    ),
    l(
        "Check the login and the secret for unusual characters, then test again. If it repeats, send the report to your helpdesk.",
        "Проверьте логин и секрет на необычные символы и проверьте снова. Если повторится, отправьте отчёт в поддержку.",
    ),
);

pub(super) static TLS_UNTRUSTED: Entry = verdict(
    "tls_untrusted",
    l(
        "Jira's certificate is not trusted",
        "Сертификату Jira нет доверия",
    ),
    l(
        "{url} presented a certificate for \"{subject}\" issued by \"{issuer}\", which this computer's trust store does not accept ({detail}). Nothing was sent with the credential.",
        "{url} предъявил сертификат «{subject}», выпущенный «{issuer}», которому хранилище доверенных сертификатов этого компьютера не доверяет ({detail}). С учётными данными ничего не отправлено.",
    ),
    l(
        "If this is your company's own certificate authority, add it to the system's trust store or pass it with --ca-cert FILE. Otherwise do not send a credential: someone may be in between.",
        "Если это собственный удостоверяющий центр вашей компании, добавьте его в системное хранилище или укажите через --ca-cert ФАЙЛ. Иначе не отправляйте учётные данные: соединение может быть перехвачено.",
    ),
);

pub(super) static INSECURE_HTTP: Entry = warning(
    "insecure_http",
    l(
        "The credential travels unencrypted",
        "Учётные данные передаются без шифрования",
    ),
    l(
        "{url} is plain http://: the login and secret cross the network readable by anyone on the way.",
        "{url} — обычный http://: логин и секрет идут по сети в открытом виде, их может прочитать любой по пути.",
    ),
    l(
        "Ask the Jira administrator for the https:// address and use it in the integration.",
        "Попросите администратора Jira адрес https:// и укажите его в интеграции.",
    ),
);

pub(super) static CLOUD_SITE_ELSEWHERE: Entry = warning(
    "cloud_site_elsewhere",
    l(
        "This page says it is a Jira Cloud site it is not on",
        "Эта страница называет себя сайтом Jira Cloud, на котором не находится",
    ),
    l(
        "The page on {page} says it is Jira Cloud at {site}. A Cloud credential goes only to Atlassian's own hosts, so the wizard asks and tests {site}, never {page}.",
        "Страница на {page} сообщает, что она — Jira Cloud по адресу {site}. Учётные данные Cloud отправляются только на серверы Atlassian, поэтому мастер обращается и проверяет {site}, но не {page}.",
    ),
    l(
        "Give the integration the Atlassian address ({site}). If {page} is not your company's, do not type your Atlassian password there.",
        "Укажите в интеграции адрес Atlassian ({site}). Если {page} — не ваш корпоративный адрес, не вводите там пароль Atlassian.",
    ),
);

pub(super) static SERVER_ERROR: Entry = verdict(
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

pub(super) static RATE_LIMITED: Entry = verdict(
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

pub(super) static UNEXPECTED_RESPONSE: Entry = verdict(
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

pub(super) static IP_NOT_ALLOWED: Entry = verdict(
    "ip_not_allowed",
    l(
        "Jira refuses requests from this IP address",
        "Jira отклоняет запросы с этого IP-адреса",
    ),
    l(
        "{url} answered HTTP {status} \"The IP address has been rejected because it is not on the allowed list\": the organisation's IP allowlist does not include the address this test came from. The credential was not judged.",
        "{url} ответил HTTP {status} «The IP address has been rejected because it is not on the allowed list»: в списке разрешённых IP-адресов организации нет адреса, с которого выполнена проверка. Учётные данные не проверены.",
    ),
    l(
        "Ask the organisation admin (admin.atlassian.com → Security → IP allowlists) to add the integration's own egress addresses — the public IPs its servers connect from, which its vendor publishes — not this computer's. A test that passes in this browser does not prove the integration's server may connect.",
        "Попросите администратора организации (admin.atlassian.com → Security → IP allowlists) добавить исходящие адреса самой интеграции — публичные IP её серверов, которые публикует её поставщик, — а не адрес этого компьютера. Успешная проверка в этом браузере не доказывает, что сервер интеграции сможет подключиться.",
    ),
);

pub(super) static BLOCKED_BY_PROXY: Entry = verdict(
    "blocked_by_proxy",
    l(
        "A proxy or firewall answered instead of Jira",
        "Вместо Jira ответил прокси или межсетевой экран",
    ),
    l(
        "{url} answered HTTP {status} without any of Jira's marks (its headers, cookie or JSON): it came from {who}. Something between you and Jira blocked the request with the credential.",
        "{url} ответил HTTP {status} без признаков Jira (её заголовков, cookie или JSON): ответил(а) {who_ru}. Что-то между вами и Jira заблокировало запрос с учётными данными.",
    ),
    l(
        "Ask the network or Jira admin to let authenticated requests to /rest/ through the proxy, WAF or CDN (an Authorization header must reach Jira), or test from the network the integration runs in.",
        "Попросите администратора сети или Jira пропускать запросы с аутентификацией к /rest/ через прокси, WAF или CDN (заголовок Authorization должен доходить до Jira) или проверьте из той сети, где работает интеграция.",
    ),
);

pub(super) static PROXY_AUTH_REQUIRED: Entry = verdict(
    "proxy_auth_required",
    l(
        "A proxy asks for its own login",
        "Прокси требует собственного входа",
    ),
    l(
        "{url} answered HTTP 407 Proxy Authentication Required ({signature}): a proxy between you and Jira wants its own credentials before it passes anything on. Jira never saw the request.",
        "{url} ответил HTTP 407 Proxy Authentication Required ({signature}): прокси между вами и Jira требует собственных учётных данных, прежде чем что-либо пропустить. Jira запроса не видела.",
    ),
    l(
        "Configure the proxy's login where the integration runs (its proxy settings), or ask the network admin to let it reach Jira without one; then test again from that network.",
        "Укажите учётные данные прокси там, где работает интеграция (её настройки прокси), или попросите администратора сети пропускать её к Jira без них; затем проверьте снова из той сети.",
    ),
);

pub(super) static EDGE_NOT_FOUND: Entry = verdict(
    "edge_not_found",
    l(
        "Atlassian's edge found no Jira API at this address",
        "Граничный сервер Atlassian не нашёл API Jira по этому адресу",
    ),
    l(
        "{url} answered 404 with an HTML page from {who}: the request never reached a Jira site's API. The site name or the path is not one Atlassian routes to Jira.",
        "{url} ответил 404 HTML-страницей, её отправил(а) {who_ru}: запрос не дошёл до API сайта Jira. Такое имя сайта или путь Atlassian к Jira не направляет.",
    ),
    l(
        "Check the site name ({site}) in admin.atlassian.com → Products. An integration that cannot use the site address can call Jira through Atlassian's gateway: {gateway} (the cloud id is at {site}/_edge/tenant_info).",
        "Проверьте имя сайта ({site}) в admin.atlassian.com → Products. Интеграция, которой не подходит адрес сайта, может обращаться к Jira через шлюз Atlassian: {gateway} (cloud id — по адресу {site}/_edge/tenant_info).",
    ),
);
