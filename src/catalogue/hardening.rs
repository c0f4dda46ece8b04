//! Catalogue entries of issue 11 (hardening): what the wizard says when a secret cannot be a
//! token, a transport could not send a request, a certificate is not trusted, a pasted secret
//! carried white space, a credential went over plain http, or a page claims to be a Jira Cloud
//! site it is not on. Kept apart so other additions to the catalogue merge without conflict.

use super::{Entry, Kind};
use crate::i18n::l;

pub(super) static SECRET_NOT_A_TOKEN: Entry = Entry {
    code: "secret_not_a_token",
    kind: Kind::Verdict,
    title: l(
        "This secret cannot be a token",
        "Этот секрет не может быть токеном",
    ),
    cause: l(
        "A {method} was asked for, but the secret holds characters no token has (letters outside Latin, spaces, line breaks or symbols): it looks like a password. Nothing was sent.",
        "Ожидался {method_ru}, но в секрете есть символы, которых в токенах не бывает (буквы не латиницы, пробелы, переводы строк или значки): похоже, это пароль. Ничего не отправлено.",
    ),
    fix: l(
        "Paste the token itself (copy it again from the page where it was created), or choose \"Username + password\" if this is a password.",
        "Вставьте сам токен (скопируйте его заново со страницы, где он создан) или выберите «Имя пользователя + пароль», если это пароль.",
    ),
};

pub(super) static TRANSPORT_FAILED: Entry = Entry {
    code: "transport_failed",
    kind: Kind::Verdict,
    title: l(
        "The request could not be sent",
        "Запрос не удалось отправить",
    ),
    cause: l(
        "The request to {url} was refused before it reached the network ({detail}). Jira was not asked, so this says nothing about the credential.",
        "Запрос к {url} отклонён ещё до отправки в сеть ({detail}). Jira не спрашивали, так что об учётных данных это ничего не говорит.",
    ),
    fix: l(
        "Check the login and the secret for unusual characters, then test again. If it repeats, send the report to your helpdesk.",
        "Проверьте логин и секрет на необычные символы и проверьте снова. Если повторится, отправьте отчёт в поддержку.",
    ),
};

pub(super) static TLS_UNTRUSTED: Entry = Entry {
    code: "tls_untrusted",
    kind: Kind::Verdict,
    title: l(
        "Jira's certificate is not trusted",
        "Сертификату Jira нет доверия",
    ),
    cause: l(
        "{url} presented a certificate for \"{subject}\" issued by \"{issuer}\", which this computer's trust store does not accept ({detail}). Nothing was sent with the credential.",
        "{url} предъявил сертификат «{subject}», выпущенный «{issuer}», которому хранилище доверенных сертификатов этого компьютера не доверяет ({detail}). С учётными данными ничего не отправлено.",
    ),
    fix: l(
        "If this is your company's own certificate authority, add it to the system's trust store or pass it with --ca-cert FILE. Otherwise do not send a credential: someone may be in between.",
        "Если это собственный удостоверяющий центр вашей компании, добавьте его в системное хранилище или укажите через --ca-cert ФАЙЛ. Иначе не отправляйте учётные данные: соединение может быть перехвачено.",
    ),
};

pub(super) static SECRET_WHITESPACE: Entry = Entry {
    code: "secret_whitespace",
    kind: Kind::Warning,
    title: l(
        "The secret had spaces or line breaks around it",
        "Вокруг секрета были пробелы или переводы строк",
    ),
    cause: l(
        "The pasted secret started or ended with {what}. They were removed for this test, but the integration may send them as part of the secret.",
        "Вставленный секрет начинался или заканчивался символами: {what_ru}. Для проверки они убраны, но интеграция может отправить их как часть секрета.",
    ),
    fix: l(
        "Paste the secret into the integration without them.",
        "Вставьте секрет в интеграцию без них.",
    ),
};

pub(super) static INSECURE_HTTP: Entry = Entry {
    code: "insecure_http",
    kind: Kind::Warning,
    title: l(
        "The credential travels unencrypted",
        "Учётные данные передаются без шифрования",
    ),
    cause: l(
        "{url} is plain http://: the login and secret cross the network readable by anyone on the way.",
        "{url} — обычный http://: логин и секрет идут по сети в открытом виде, их может прочитать любой по пути.",
    ),
    fix: l(
        "Ask the Jira administrator for the https:// address and use it in the integration.",
        "Попросите администратора Jira адрес https:// и укажите его в интеграции.",
    ),
};

pub(super) static CLOUD_SITE_ELSEWHERE: Entry = Entry {
    code: "cloud_site_elsewhere",
    kind: Kind::Warning,
    title: l(
        "This page says it is a Jira Cloud site it is not on",
        "Эта страница называет себя сайтом Jira Cloud, на котором не находится",
    ),
    cause: l(
        "The page on {page} says it is Jira Cloud at {site}. A Cloud credential goes only to Atlassian's own hosts, so the wizard asks and tests {site}, never {page}.",
        "Страница на {page} сообщает, что она — Jira Cloud по адресу {site}. Учётные данные Cloud отправляются только на серверы Atlassian, поэтому мастер обращается и проверяет {site}, но не {page}.",
    ),
    fix: l(
        "Give the integration the Atlassian address ({site}). If {page} is not your company's, do not type your Atlassian password there.",
        "Укажите в интеграции адрес Atlassian ({site}). Если {page} — не ваш корпоративный адрес, не вводите там пароль Atlassian.",
    ),
};
