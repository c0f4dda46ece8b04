//! Rendering a token test: the core's [`CheckResult`] as JSON (its own serde form plus
//! `requestCount`), or as a checklist for people in English or Russian, followed by the
//! target's connection snippet (secret always [`SECRET_MASK`]: the CLI never prints it) and,
//! when no `--project` was given, the projects the account can browse.
//!
//! Everything printed comes from the result, which holds no secret: request logs keep only
//! the auth scheme's name. `check.rs` still passes the output through its redactor.

use super::output::{self, l, method_name, request_line, t};
use jira_token_wizard::catalogue::Code;
use jira_token_wizard::deployment::Product;
use jira_token_wizard::i18n::{L10n, Lang};
use jira_token_wizard::permissions::{self, PermissionReport};
use jira_token_wizard::probe::{CheckResult, ProjectRef};
use jira_token_wizard::snippet::{Snippet, SECRET_MASK};
use serde::Serialize;
use serde_json::json;
use std::fmt::Write;

/// The JSON document: the result as the core serializes it, plus the number of requests.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CheckJson<'a> {
    #[serde(flatten)]
    result: &'a CheckResult,
    request_count: usize,
}

/// `CheckResult` as pretty JSON with `requestCount`.
pub fn json(r: &CheckResult) -> String {
    let doc = CheckJson {
        result: r,
        request_count: r.requests.len(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| {
        json!({ "error": { "code": "internal", "message": e.to_string() } }).to_string()
    })
}

const HEADING: L10n = l("Token check for {url}", "Проверка токена для {url}");
const REACHABLE: L10n = l("Reachable", "Доступна");
const NOT_REACHABLE: L10n = l("Not reachable", "Недоступна");
const JIRA: L10n = l("Jira", "Jira");
const NOT_JIRA: L10n = l("Not Jira", "Не Jira");
const AUTHENTICATED: L10n = l("Authenticated as", "Вход выполнен как");
const ACCOUNT: L10n = l("Account", "Учётная запись");
const NOT_AUTHENTICATED: L10n = l("Not authenticated", "Вход не выполнен");
const EXPIRES: L10n = l("Token expires", "Токен истекает");
const NEVER: L10n = l("never", "никогда");
const GATEWAY: L10n = l("Works through", "Работает через");
const METHOD: L10n = l("Method", "Способ");
const PERMISSIONS: L10n = l("Permissions", "Права");
const MISSING: L10n = l("Missing", "Не хватает");
const UNKNOWN: L10n = l("Not reported", "Нет данных");
const NOT_CHECKED: L10n = l(
    "not checked (Jira did not report them)",
    "не проверены (Jira их не сообщила)",
);
const IN_PROJECT: L10n = l("in project {project}", "в проекте {project}");
const ANY_PROJECT: L10n = l("in at least one project", "хотя бы в одном проекте");
const CAUSE: L10n = l("Cause", "Причина");
const LOGIN_URL: L10n = l("Log in at", "Войдите на");
const PASTE: L10n = l(
    "Paste into the connection form; the secret is shown as {mask}: type your own in its place.",
    "Вставьте в форму подключения; секрет показан как {mask}: впишите свой на его место.",
);
const SNIPPET_NOTES: L10n = l("Good to know", "Полезно знать");
const PROJECTS: L10n = l(
    "Projects the account can browse ({count})",
    "Проекты, доступные учётной записи ({count})",
);
const MORE_PROJECTS: L10n = l(
    "… and {count} more (check one with --project KEY)",
    "… и ещё {count} (проверьте нужный с --project KEY)",
);
const PICK_PROJECT: L10n = l(
    "Check the permissions in one of them with --project KEY.",
    "Проверьте права в одном из них с --project KEY.",
);

/// Projects listed in the text output; the JSON has them all.
const PROJECTS_SHOWN: usize = 20;

const OK_MARK: &str = "✓";
const FAIL_MARK: &str = "✗";
const WARN_MARK: &str = "!";
const INFO_MARK: &str = "·";

/// The checklist for people; `project_given`: `--project` was passed (no project list then).
pub fn text(r: &CheckResult, url: &str, lang: Lang, project_given: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", HEADING.fill(&[("url", url)]).get(lang));
    let mut row = |mark: &str, label: L10n, value: &str| {
        let line = format!("  {mark} {:<18} {value}", t(label, lang));
        let _ = writeln!(out, "{}", line.trim_end());
    };
    let dep = &r.deployment;
    match answered_origin(r) {
        Some(origin) => row(OK_MARK, REACHABLE, &origin),
        None => row(FAIL_MARK, NOT_REACHABLE, url),
    }
    let reached = answered_origin(r).is_some();
    if dep.is_jira() {
        row(OK_MARK, JIRA, dep.summary.get(lang));
    } else if dep.product == Product::Unknown && reached {
        // A login page in front of everything, say: the verdict tells more.
        row(WARN_MARK, JIRA, dep.summary.get(lang));
    } else if reached {
        row(FAIL_MARK, NOT_JIRA, dep.summary.get(lang));
    }
    match (&r.user, authenticated_mark(r)) {
        (Some(u), Some(mark)) => {
            let label = if mark == OK_MARK {
                AUTHENTICATED
            } else {
                ACCOUNT
            };
            row(mark, label, &u.label());
        }
        (None, Some(_)) => row(FAIL_MARK, NOT_AUTHENTICATED, ""),
        (_, None) => {}
    }
    if let Some(m) = r.auth_method {
        row(INFO_MARK, METHOD, method_name(m, lang));
    }
    if let Some(gw) = &r.via_gateway {
        row(WARN_MARK, GATEWAY, gw);
    }
    if let Some(e) = &r.token_expiry {
        let soon = e
            .days_left
            .is_some_and(|d| d < jira_token_wizard::probe::EXPIRES_SOON_DAYS);
        let mark = if soon { WARN_MARK } else { INFO_MARK };
        let when = match (&e.date, e.days_left) {
            (Some(date), Some(days)) => format!("{date} ({})", days.max(0)),
            (Some(date), None) => date.clone(),
            (None, _) => t(NEVER, lang).to_string(),
        };
        row(mark, EXPIRES, &format!("{when} — \"{}\"", e.name));
    }
    match &r.permissions {
        Some(p) => permission_rows(&mut row, p, lang),
        None if r.verdict.ok => row(WARN_MARK, PERMISSIONS, t(NOT_CHECKED, lang)),
        None => {}
    }
    out.push('\n');
    verdict_text(&mut out, r, lang);
    if let Some(snippet) = &r.snippet {
        snippet_text(&mut out, snippet, lang);
    }
    if !project_given {
        projects_text(&mut out, &r.projects, lang);
    }
    notes_text(&mut out, r, lang);
    out
}

/// The connection block: title, `label: value` lines with their hints, then the notes. The
/// secret field is the core's mask, whatever happens; it is never replaced here.
fn snippet_text(out: &mut String, s: &Snippet, lang: Lang) {
    let _ = writeln!(out, "{}", s.title.get(lang));
    let _ = writeln!(out, "  {}", PASTE.fill(&[("mask", SECRET_MASK)]).get(lang));
    let mut group = None;
    for f in &s.fields {
        if f.group.as_ref() != group {
            group = f.group.as_ref();
            if let Some(g) = group {
                let _ = writeln!(out, "{}:", g.get(lang));
            }
        }
        let value = if f.secret { SECRET_MASK } else { &f.value };
        let line = format!("  {}: {value}", f.label.get(lang));
        let _ = writeln!(out, "{}", line.trim_end());
        if let Some(h) = &f.hint {
            let _ = writeln!(out, "      → {}", h.get(lang));
        }
    }
    if !s.notes.is_empty() {
        let _ = writeln!(out, "  {}:", t(SNIPPET_NOTES, lang));
        for n in &s.notes {
            let _ = writeln!(out, "  {INFO_MARK} {}", n.get(lang));
        }
    }
    out.push('\n');
}

/// The first [`PROJECTS_SHOWN`] projects, then how many more.
fn projects_text(out: &mut String, projects: &[ProjectRef], lang: Lang) {
    if projects.is_empty() {
        return;
    }
    let count = projects.len().to_string();
    let _ = writeln!(out, "{}:", PROJECTS.fill(&[("count", &count)]).get(lang));
    let width = projects
        .iter()
        .take(PROJECTS_SHOWN)
        .map(|p| p.key.len())
        .max()
        .unwrap_or(0);
    for p in projects.iter().take(PROJECTS_SHOWN) {
        let _ = writeln!(out, "  {:<width$}  {}", p.key, p.name);
    }
    if projects.len() > PROJECTS_SHOWN {
        let more = (projects.len() - PROJECTS_SHOWN).to_string();
        let _ = writeln!(
            out,
            "  {}",
            MORE_PROJECTS.fill(&[("count", &more)]).get(lang)
        );
    } else {
        let _ = writeln!(out, "  {}", t(PICK_PROJECT, lang));
    }
    out.push('\n');
}

/// The origin of the first request that got an HTTP answer; `None` when nothing answered.
fn answered_origin(r: &CheckResult) -> Option<String> {
    let answered = r.requests.iter().find(|q| q.status.is_some())?;
    let parsed = jira_token_wizard::urls::parse_http(&answered.url)?;
    Some(parsed.origin().to_string())
}

/// How the "authenticated" row is marked; `None` when no credential was tested.
fn authenticated_mark(r: &CheckResult) -> Option<&'static str> {
    let code = r.verdict.code;
    if r.auth_method.is_none() || matches!(code, Code::Unreachable | Code::Timeout) {
        return None;
    }
    Some(match (&r.user, code) {
        (None, _) => FAIL_MARK,
        // Jira named the account, but not on the terms tested (another scheme or host, another
        // user, an inactive account): the verdict explains.
        (
            Some(_),
            Code::PatNotAcceptedAsPassword
            | Code::ScopedTokenNeedsGateway
            | Code::UserMismatch
            | Code::AccountInactive,
        ) => WARN_MARK,
        (Some(_), _) => OK_MARK,
    })
}

fn permission_rows(row: &mut impl FnMut(&str, L10n, &str), p: &PermissionReport, lang: Lang) {
    let scope = match &p.project {
        Some(project) => IN_PROJECT
            .fill(&[("project", project)])
            .get(lang)
            .to_string(),
        None => t(ANY_PROJECT, lang).to_string(),
    };
    let held: Vec<String> = p
        .checked
        .iter()
        .filter(|k| !p.missing.iter().any(|m| &m.key == *k))
        .map(|k| format!("{} ({k})", permissions::ui_name(k)))
        .collect();
    if !held.is_empty() {
        row(
            OK_MARK,
            PERMISSIONS,
            &format!("{} — {scope}", held.join(", ")),
        );
    }
    if !p.missing.is_empty() {
        let missing: Vec<String> = p
            .missing
            .iter()
            .map(|m| format!("{} ({})", m.name, m.key))
            .collect();
        row(
            FAIL_MARK,
            MISSING,
            &format!("{} — {scope}", missing.join(", ")),
        );
    }
    if !p.unknown.is_empty() {
        row(WARN_MARK, UNKNOWN, &p.unknown.join(", "));
    }
}

fn verdict_text(out: &mut String, r: &CheckResult, lang: Lang) {
    let v = &r.verdict;
    let mark = if v.ok { OK_MARK } else { FAIL_MARK };
    let _ = writeln!(out, "{mark} {} [{}]", v.title.get(lang), v.code.as_str());
    if v.ok {
        let _ = writeln!(out, "  {}\n  {}", v.cause.get(lang), v.fix.get(lang));
    } else {
        let _ = writeln!(out, "  {}: {}", t(CAUSE, lang), v.cause.get(lang));
        let _ = writeln!(out, "  {}: {}", t(output::FIX, lang), v.fix.get(lang));
    }
    if let Some(u) = &r.login_url {
        let _ = writeln!(out, "  {}: {u}", t(LOGIN_URL, lang));
    }
    out.push('\n');
}

fn notes_text(out: &mut String, r: &CheckResult, lang: Lang) {
    if !r.warnings.is_empty() {
        let _ = writeln!(out, "{}:", t(output::WARNINGS, lang));
        for w in &r.warnings {
            let _ = writeln!(out, "  ! {} [{}]", w.title.get(lang), w.code.as_str());
            let _ = writeln!(out, "    {}", w.cause.get(lang));
            let _ = writeln!(out, "    {}: {}", t(output::FIX, lang), w.fix.get(lang));
        }
        out.push('\n');
    }
    if !r.requests.is_empty() {
        let _ = writeln!(out, "{}:", t(output::REQUESTS, lang));
        for q in &r.requests {
            let _ = writeln!(out, "  {}", request_line(q, lang));
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use jira_token_wizard::i18n::Text;
    use jira_token_wizard::snippet::SnippetField;
    use jira_token_wizard::targets::Target;

    fn project(i: usize) -> ProjectRef {
        ProjectRef {
            key: format!("P{i}"),
            name: format!("Project {i}"),
        }
    }

    #[test]
    fn the_project_list_shows_twenty_and_counts_the_rest() {
        let projects: Vec<ProjectRef> = (1..=25).map(project).collect();
        let mut out = String::new();
        projects_text(&mut out, &projects, Lang::En);
        assert!(out.starts_with("Projects the account can browse (25):\n  P1   Project 1\n"));
        assert!(out.contains("  P20  Project 20\n"));
        assert!(!out.contains("P21"));
        assert!(out.contains("… and 5 more (check one with --project KEY)"));
        let mut none = String::new();
        projects_text(&mut none, &[], Lang::Ru);
        assert_eq!(none, "");
    }

    #[test]
    fn a_secret_field_is_printed_masked_whatever_it_holds() {
        let field = |key: &str, value: &str, secret: bool| SnippetField {
            key: key.into(),
            label: Text::new(key, key),
            value: value.into(),
            secret,
            hint: Some(Text::new("a hint", "подсказка")),
            group: None,
        };
        let snippet = Snippet {
            target: Target::Generic,
            title: Text::new("Title", "Заголовок"),
            fields: vec![field("login", "jdoe", false), field("secret", "LEAK", true)],
            notes: vec![Text::new("a note", "заметка")],
            text: Text::new("", ""),
            json: serde_json::Value::Null,
        };
        let mut out = String::new();
        snippet_text(&mut out, &snippet, Lang::Ru);
        assert!(out.starts_with("Заголовок\n"), "{out}");
        assert!(out.contains("  login: jdoe\n      → подсказка\n"));
        assert!(out.contains(&format!("  secret: {SECRET_MASK}\n")));
        assert!(!out.contains("LEAK"));
        assert!(out.contains("  Полезно знать:\n  · заметка\n"));
    }
}
