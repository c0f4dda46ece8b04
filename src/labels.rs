//! One wording per concept, in English and Russian: the labels of a deployment's details, a
//! report's parts, a request's outcome and the auth methods. Markdown reports, the report view
//! the helpdesk page lays out (`report::ReportView`), the CLI and `ShellFacts`' detail labels
//! all read them here, so a concept is named the same everywhere.

use crate::auth_plan::AuthMethod;
use crate::http::{LoggedAuth, Outcome};
use crate::i18n::{l, L10n, Text};

// ---- a deployment's details ----
pub const HOSTING: L10n = l("Hosting", "Размещение");
pub const EDITION: L10n = l("Edition", "Редакция");
pub const VERSION: L10n = l("Jira version", "Версия Jira");
pub const BUILD: L10n = l("Build", "Сборка");
pub const BASE_URL: L10n = l("Base URL", "Базовый URL");
pub const CONTEXT_PATH: L10n = l("Context path", "Контекстный путь");
pub const CONTEXT_ROOT: L10n = l("(none, site root)", "(нет, корень сайта)");
pub const REACHED: L10n = l("Reached at", "Открыта по адресу");
pub const CLOUD_ID: L10n = l("Cloud ID", "Cloud ID");
pub const CLUSTER_NODE: L10n = l("Cluster node", "Узел кластера");
pub const LOGGED_IN_AS: L10n = l("Logged in as", "Вы вошли как");

/// A deployment's detail labels and their fixed values, keyed as the pages name them, in the
/// order the wizard lists them (`ShellFacts::labels`).
pub const DETAILS: &[(&str, L10n)] = &[
    ("hosting", HOSTING),
    ("hostingCloud", l("Cloud", "Cloud (облако)")),
    (
        "hostingSelfManaged",
        l("Server/Data Center", "Server/Data Center (свой сервер)"),
    ),
    ("edition", EDITION),
    (
        "editionDataCenter",
        l("Data Center (cluster)", "Data Center (кластер)"),
    ),
    (
        "editionUnknown",
        l(
            "Server or Data Center (cannot be told apart)",
            "Server или Data Center (не различить)",
        ),
    ),
    ("version", VERSION),
    ("build", BUILD),
    ("baseUrl", BASE_URL),
    ("contextPath", CONTEXT_PATH),
    ("contextRoot", CONTEXT_ROOT),
    ("cloudId", CLOUD_ID),
    ("clusterNode", CLUSTER_NODE),
    ("user", LOGGED_IN_AS),
];

// ---- a report ----
pub const REPORT_TITLE: L10n = l(
    "Jira Token Wizard — diagnostic report",
    "Мастер токенов Jira — диагностический отчёт",
);
pub const NO_SECRETS: L10n = l(
    "This report holds no token, password or cookie: only what was tried and how Jira answered.",
    "В отчёте нет токенов, паролей и cookie: только что проверялось и что ответила Jira.",
);
pub const SUMMARY: L10n = l("Summary", "Сводка");
pub const KIND: L10n = l("Report of", "Отчёт о");
pub const KIND_CHECK: L10n = l("a token test", "проверке токена");
pub const KIND_DETECTION: L10n = l("a detection", "определении Jira");
pub const SITE: L10n = l("Site", "Сайт");
pub const RECOMMENDED: L10n = l("Recommended method", "Рекомендуемый способ");
pub const TRIED: L10n = l("Tried", "Проверялось");
pub const TARGET: L10n = l("For", "Для");
pub const LOGIN: L10n = l("Login", "Логин");
pub const NO_LOGIN: L10n = l("(none)", "(нет)");
pub const ANSWERED_AS: L10n = l("Jira answered as", "Jira ответила от имени");
pub const GENERATED: L10n = l("Generated", "Создан");
pub const TOOL: L10n = l("Tool", "Программа");
pub const TOOL_EXTENSION: L10n = l("browser extension", "расширение браузера");
pub const TOOL_CLI: L10n = l("command line", "командная строка");
pub const CORE: L10n = l("core", "ядро");
pub const ENVIRONMENT: L10n = l("Browser / OS", "Браузер / ОС");
pub const VERDICT: L10n = l("Verdict", "Вывод");
pub const CAUSE: L10n = l("Cause", "Причина");
pub const ANSWERED_BY: L10n = l("Answered by", "Кто ответил");
pub const FIX: L10n = l("Fix", "Что сделать");
pub const CHECKLIST: L10n = l("Checklist", "Чек-лист");
pub const STEPS: L10n = l("Steps", "Шаги");
pub const WARNINGS: L10n = l("Warnings", "Предупреждения");
pub const REQUESTS: L10n = l("Requests", "Запросы");
pub const NO_REQUESTS: L10n = l("No requests were made.", "Запросов не было.");
pub const REQUEST: L10n = l("Request", "Запрос");
pub const AUTH: L10n = l("Auth", "Аутентификация");
pub const STATUS: L10n = l("Status", "Статус");
pub const HEADERS: L10n = l("Diagnostic headers", "Диагностические заголовки");
pub const NOTES: L10n = l("Good to know", "Полезно знать");
pub const DATA: L10n = l(
    "Report data (for the helpdesk)",
    "Данные отчёта (для техподдержки)",
);
pub const DATA_HINT: L10n = l(
    "Paste this whole text, or just the JSON below, into the extension's helpdesk page.",
    "Вставьте весь этот текст или только JSON ниже на страницу техподдержки в расширении.",
);

// ---- a request's outcome ----
pub const NO_ANSWER: L10n = l("no answer", "нет ответа");
pub const REDIRECT: L10n = l("redirect", "перенаправление");
pub const UNREACHABLE: L10n = l("unreachable", "недоступен");
pub const NOT_SENT: L10n = l("not sent", "не отправлен");
pub const TLS_UNTRUSTED: L10n = l("certificate not trusted", "сертификату нет доверия");

/// What a request without a status (or a redirect without one) ended in; `None` for an
/// answer, whose status says it.
pub fn outcome(o: Outcome) -> Option<L10n> {
    match o {
        Outcome::Response => None,
        Outcome::Redirect => Some(REDIRECT),
        Outcome::Timeout => Some(NO_ANSWER),
        Outcome::Unreachable => Some(UNREACHABLE),
        Outcome::NotSent => Some(NOT_SENT),
        Outcome::TlsUntrusted => Some(TLS_UNTRUSTED),
    }
}

/// A request's status as every report and the CLI write it: the HTTP status when there is
/// one (a browser's opaque redirect has 0: "redirect"), else the outcome, with the
/// transport's reason when it gave one.
pub fn status(status: Option<u16>, o: Outcome, detail: Option<&str>) -> Text {
    match (status, outcome(o)) {
        (Some(0), Some(label)) | (None, Some(label)) => match detail {
            Some(d) if o != Outcome::Timeout && o != Outcome::Redirect => {
                Text::new(format!("{}: {d}", label.en), format!("{}: {d}", label.ru))
            }
            _ => label.text(),
        },
        (Some(s), _) => Text::new(s.to_string(), s.to_string()),
        (None, None) => UNREACHABLE.text(),
    }
}

/// The auth a request carried, as a table cell writes it: the scheme's name, `—` for none.
pub fn auth(a: LoggedAuth) -> &'static str {
    match a {
        LoggedAuth::None => "—",
        other => other.as_str(),
    }
}

/// The name of an auth method.
pub fn method(m: AuthMethod) -> L10n {
    match m {
        AuthMethod::ApiToken => l(
            "API token: e-mail + token (Basic auth)",
            "API-токен: e-mail + токен (Basic-аутентификация)",
        ),
        AuthMethod::Pat => l(
            "Personal access token (Bearer)",
            "Персональный токен доступа (Bearer)",
        ),
        AuthMethod::Basic => l(
            "Username + password (Basic auth)",
            "Логин + пароль (Basic-аутентификация)",
        ),
        AuthMethod::ClientCredentials => l(
            "Service account: OAuth 2.0 client id + secret (Bearer access token)",
            "Сервисная учётная запись: OAuth 2.0 client id + secret (Bearer-токен доступа)",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_outcome_without_a_status_has_its_own_words() {
        let mut seen: Vec<String> = Vec::new();
        for o in Outcome::ALL.iter().filter(|o| **o != Outcome::Response) {
            let t = status(None, *o, None);
            assert!(!seen.contains(&t.en), "{o:?} reads like another: {}", t.en);
            seen.push(t.en);
        }
        assert_eq!(status(Some(401), Outcome::Response, None).ru, "401");
        assert_eq!(
            status(None, Outcome::NotSent, Some("refused")).en,
            "not sent: refused"
        );
    }
}
