//! A [`Report`] as Markdown for a support ticket: summary, verdict, checklist, the steps a
//! token test re-planned, warnings, the requests as a table, then the report's JSON in a
//! fenced block for the helpdesk page.
//!
//! Every value that came from a server (titles, header values, URLs) is escaped for the place
//! it lands in: text loses line breaks and raw HTML, and every character Markdown could read as
//! a link, an image, emphasis or code (`[ ] ( ) ! * _ ~ \ & ``) is backslash-escaped, so a
//! display name like `[Click](https://evil)` or `![x](https://tracker)` stays text in a
//! helpdesk ticket; table cells lose `|` too, inline code never contains its own fence, and the
//! JSON block's fence is longer than any run of backticks inside it.

use super::{method_label, Report, ReportRequest, Tool};
use crate::i18n::{l, L10n, Lang};
use crate::probe::Scheme;
use std::fmt::Write;

const TITLE: L10n = l(
    "Jira Token Wizard — diagnostic report",
    "Мастер токенов Jira — диагностический отчёт",
);
const NO_SECRETS: L10n = l(
    "This report holds no token, password or cookie: only what was tried and how Jira answered.",
    "В отчёте нет токенов, паролей и cookie: только что проверялось и что ответила Jira.",
);
const SUMMARY: L10n = l("Summary", "Сводка");
const SITE: L10n = l("Site", "Сайт");
const BASE_URL: L10n = l("Base URL", "Базовый URL");
const REACHED: L10n = l("Reached at", "Открыта по адресу");
const VERSION: L10n = l("Jira version", "Версия Jira");
const NODE: L10n = l("Cluster node", "Узел кластера");
const CLOUD_ID: L10n = l("Cloud ID", "Cloud ID");
const RECOMMENDED: L10n = l("Recommended method", "Рекомендуемый способ");
const TRIED: L10n = l("Tried", "Проверялось");
const TARGET: L10n = l("For", "Для");
const LOGIN: L10n = l("Login", "Логин");
const NO_LOGIN: L10n = l("(none)", "(нет)");
const ANSWERED_AS: L10n = l("Jira answered as", "Jira ответила от имени");
const GENERATED: L10n = l("Generated", "Создан");
const TOOL: L10n = l("Tool", "Программа");
const EXTENSION: L10n = l("browser extension", "расширение браузера");
const CLI: L10n = l("command line", "командная строка");
const CORE: L10n = l("core", "ядро");
const ENVIRONMENT: L10n = l("Browser / OS", "Браузер / ОС");
const VERDICT: L10n = l("Verdict", "Вывод");
const CAUSE: L10n = l("Cause", "Причина");
const FIX: L10n = l("Fix", "Что сделать");
const CHECKLIST: L10n = l("Checklist", "Чек-лист");
const STEPS: L10n = l("Steps", "Шаги");
const WARNINGS: L10n = l("Warnings", "Предупреждения");
const REQUESTS: L10n = l("Requests", "Запросы");
const NO_REQUESTS: L10n = l("No requests were made.", "Запросов не было.");
const REQUEST: L10n = l("Request", "Запрос");
const AUTH: L10n = l("Auth", "Аутентификация");
const STATUS: L10n = l("Status", "Статус");
const HEADERS: L10n = l("Diagnostic headers", "Диагностические заголовки");
const NO_ANSWER: L10n = l("no answer", "нет ответа");
const REDIRECT: L10n = l("redirect", "перенаправление");
const UNREACHABLE: L10n = l("unreachable", "недоступен");
const NOT_SENT: L10n = l("not sent", "не отправлен");
const TLS_UNTRUSTED: L10n = l("certificate not trusted", "сертификату нет доверия");
const ANSWERED_BY: L10n = l("Answered by", "Кто ответил");
const DATA: L10n = l(
    "Report data (for the helpdesk)",
    "Данные отчёта (для техподдержки)",
);
const DATA_HINT: L10n = l(
    "Paste this whole text, or just the JSON below, into the extension's helpdesk page.",
    "Вставьте весь этот текст или только JSON ниже на страницу техподдержки в расширении.",
);

fn t(s: L10n, lang: Lang) -> &'static str {
    match lang {
        Lang::En => s.en,
        Lang::Ru => s.ru,
    }
}

/// Renders `r` in `lang`.
pub(super) fn render(r: &Report, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", t(TITLE, lang));
    let _ = writeln!(out, "_{}_\n", t(NO_SECRETS, lang));
    if let Some(v) = &r.verdict {
        let mark = if v.ok { "✓" } else { "✗" };
        let _ = writeln!(
            out,
            "**{mark} {}** {}\n",
            inline(v.title.get(lang)),
            code(v.code.as_str())
        );
    }
    summary(&mut out, r, lang);
    if let Some(v) = &r.verdict {
        let _ = writeln!(out, "## {}\n", t(VERDICT, lang));
        let _ = writeln!(
            out,
            "**{}** {}\n",
            inline(v.title.get(lang)),
            code(v.code.as_str())
        );
        let _ = writeln!(
            out,
            "- **{}:** {}",
            t(CAUSE, lang),
            inline(v.cause.get(lang))
        );
        if let Some(who) = r.answered_by {
            let _ = writeln!(
                out,
                "- **{}:** {} {}",
                t(ANSWERED_BY, lang),
                inline(t(who.label(), lang)),
                code(who.as_str())
            );
        }
        let _ = writeln!(out, "- **{}:** {}\n", t(FIX, lang), inline(v.fix.get(lang)));
    }
    if !r.checklist.is_empty() {
        let _ = writeln!(out, "## {}\n", t(CHECKLIST, lang));
        for i in &r.checklist {
            let _ = writeln!(out, "- {} {}", i.state.mark(), inline(i.text.get(lang)));
        }
        out.push('\n');
    }
    if !r.steps.is_empty() {
        let _ = writeln!(out, "## {}\n", t(STEPS, lang));
        for (i, step) in r.steps.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, inline(step.get(lang)));
        }
        out.push('\n');
    }
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "## {}\n", t(WARNINGS, lang));
        for w in &r.warnings {
            let _ = writeln!(
                out,
                "- **{}** {} — {} **{}:** {}",
                inline(w.title.get(lang)),
                code(w.code.as_str()),
                inline(w.cause.get(lang)),
                t(FIX, lang),
                inline(w.fix.get(lang)),
            );
        }
        out.push('\n');
    }
    requests(&mut out, r, lang);
    // One line: the data is for the helpdesk page, not for reading.
    let json = serde_json::to_string(r).unwrap_or_default();
    let fence = "`".repeat(longest_backtick_run(&json).max(2) + 1);
    let _ = writeln!(out, "## {}\n", t(DATA, lang));
    let _ = writeln!(out, "{}\n", t(DATA_HINT, lang));
    let _ = writeln!(out, "{fence}json\n{json}\n{fence}");
    out
}

fn summary(out: &mut String, r: &Report, lang: Lang) {
    let _ = writeln!(out, "## {}\n", t(SUMMARY, lang));
    let _ = writeln!(out, "| | |\n|---|---|");
    let mut row = |label: L10n, value: String| {
        let _ = writeln!(out, "| {} | {} |", t(label, lang), cell(&value));
    };
    let d = &r.deployment;
    row(SITE, d.summary.get(lang).to_string());
    if let Some(b) = &d.base_url {
        row(BASE_URL, b.clone());
    }
    if let Some(reached) = &d.reached_base_url {
        if d.base_url.as_ref() != Some(reached) {
            row(REACHED, reached.clone());
        }
    }
    if let Some(v) = &r.versions.jira {
        let build = r
            .versions
            .jira_build
            .map(|b| format!(" (build {b})"))
            .unwrap_or_default();
        row(VERSION, format!("{v}{build}"));
    }
    if let Some(n) = &d.cluster_node {
        row(NODE, n.clone());
    }
    if let Some(c) = &d.cloud_id {
        row(CLOUD_ID, c.clone());
    }
    if let Some(m) = r.recommended {
        row(RECOMMENDED, t(method_label(m), lang).to_string());
    }
    if let Some(tried) = &r.tried {
        let method = tried
            .method
            .map(|m| t(method_label(m), lang).to_string())
            .unwrap_or_else(|| "—".into());
        let scheme = match tried.scheme {
            Some(Scheme::Basic) => " · Basic",
            Some(Scheme::Bearer) => " · Bearer",
            None => "",
        };
        row(TRIED, format!("{method}{scheme}"));
        row(TARGET, t(tried.target.profile().name, lang).to_string());
        let login = if tried.login.is_empty() {
            t(NO_LOGIN, lang).to_string()
        } else {
            tried.login.clone()
        };
        row(LOGIN, login);
    }
    if let Some(u) = &r.user {
        row(ANSWERED_AS, u.label());
    }
    row(GENERATED, r.generated_at.clone());
    let tool = match r.versions.tool {
        Tool::Extension => EXTENSION,
        Tool::Cli => CLI,
    };
    row(
        TOOL,
        format!(
            "Jira Token Wizard {} {} ({} {})",
            t(tool, lang),
            r.versions.tool_version,
            t(CORE, lang),
            r.versions.core
        ),
    );
    if !r.environment.is_empty() {
        row(ENVIRONMENT, r.environment.clone());
    }
    out.push('\n');
}

fn requests(out: &mut String, r: &Report, lang: Lang) {
    let _ = writeln!(out, "## {}\n", t(REQUESTS, lang));
    if r.requests.is_empty() {
        let _ = writeln!(out, "{}\n", t(NO_REQUESTS, lang));
        return;
    }
    let home = r
        .deployment
        .rest_base()
        .and_then(crate::urls::parse_http)
        .map(|u| u.origin().to_string());
    let _ = writeln!(
        out,
        "| # | {} | {} | {} | ms | {} |\n|---|---|---|---|---|---|",
        t(REQUEST, lang),
        t(AUTH, lang),
        t(STATUS, lang),
        t(HEADERS, lang)
    );
    for (i, q) in r.requests.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            i + 1,
            cell(&request_target(q, home.as_deref())),
            if q.auth == "None" { "—" } else { &q.auth },
            cell(&status(q, lang)),
            q.ms,
            cell(
                &q.headers
                    .iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        );
    }
    out.push('\n');
}

/// `GET /jira/rest/api/2/myself`, with the origin when it is not the deployment's.
fn request_target(q: &ReportRequest, home: Option<&str>) -> String {
    if home == Some(q.origin.as_str()) || q.origin.is_empty() {
        format!("{} {}", q.method.as_str(), q.path)
    } else {
        format!("{} {}{}", q.method.as_str(), q.origin, q.path)
    }
}

fn status(q: &ReportRequest, lang: Lang) -> String {
    match (q.status, q.outcome.as_str()) {
        (Some(0), "redirect") => t(REDIRECT, lang).into(),
        (Some(s), _) => s.to_string(),
        (None, "timeout") => t(NO_ANSWER, lang).into(),
        (None, outcome) => {
            let label = match outcome {
                "not_sent" => NOT_SENT,
                "tls_untrusted" => TLS_UNTRUSTED,
                _ => UNREACHABLE,
            };
            match &q.detail {
                Some(d) => format!("{}: {d}", t(label, lang)),
                None => t(label, lang).into(),
            }
        }
    }
}

/// Text for a table cell: one line, no column breaks, no HTML.
fn cell(s: &str) -> String {
    inline(s).replace('|', "\\|")
}

/// Text for one Markdown line: no line breaks, no raw HTML, and nothing Markdown reads as a
/// link, an image or code (CommonMark §2.4: any ASCII punctuation may be backslash-escaped).
/// `_` and `*` stay: emphasis cannot carry a link, and `jira_node_1` stays readable.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '[' | ']' | '(' | ')' | '!' | '`' | '\\' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Inline code whose fence is longer than any backtick run inside.
fn code(s: &str) -> String {
    let fence = "`".repeat(longest_backtick_run(s) + 1);
    format!("{fence}{s}{fence}")
}

fn longest_backtick_run(s: &str) -> usize {
    let (mut best, mut run) = (0, 0);
    for c in s.chars() {
        if c == '`' {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(cell("a|b\nc<d>"), "a\\|b c&lt;d&gt;");
        assert_eq!(
            inline("[Click](https://evil.example) ![x](https://t.example/p.png) `c` &#91; a_b"),
            "\\[Click\\]\\(https://evil.example\\) \\!\\[x\\]\\(https://t.example/p.png\\) \\`c\\` \\&#91; a_b"
        );
        assert_eq!(code("x`y"), "``x`y``");
        assert_eq!(longest_backtick_run("a```b``"), 3);
    }
}
