//! Rendering a token test: the core's [`CheckResult`] as JSON (its own serde form plus
//! `requestCount`), or for people in English or Russian: the core's checklist, the verdict, the
//! auth plan when the test re-planned it (`CheckResult::auth_plan`), then the target's
//! connection snippet (secret always [`SECRET_MASK`]: the CLI never prints it) and,
//! when no `--project` was given, the projects the account can browse.
//!
//! Everything printed comes from the result, which holds no secret: request logs keep only
//! the auth scheme's name. `check.rs` still passes the output through its redactor.

use super::output::{self, l, request_line, t};
use jira_token_wizard::i18n::{L10n, Lang};
use jira_token_wizard::probe::{CheckResult, ProjectRef};
use jira_token_wizard::report::{check_checklist, ItemState};
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
use jira_token_wizard::labels::{ANSWERED_BY, CAUSE, NOTES as SNIPPET_NOTES};
const LOGIN_URL: L10n = l("Log in at", "Войдите на");
const PASTE: L10n = l(
    "Paste into the connection form; the secret is shown as {mask}: type your own in its place.",
    "Вставьте в форму подключения; секрет показан как {mask}: впишите свой на его место.",
);
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

const SERVER_CHECK: L10n = l(
    "To test from the integration's server (secret in JIRA_TOKEN):",
    "Проверка с сервера интеграции (секрет в JIRA_TOKEN):",
);

/// Projects listed in the text output; the JSON has them all.
const PROJECTS_SHOWN: usize = 20;

const OK_MARK: &str = "✓";
const FAIL_MARK: &str = "✗";
const INFO_MARK: &str = "·";

/// For people: the deployment, the core's checklist (the popup's and the report's lines,
/// `report::check_checklist`), the verdict, the connection block, the projects, warnings and
/// requests. `project_given`: `--project` was passed (no project list then).
pub fn text(r: &CheckResult, url: &str, lang: Lang, project_given: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", HEADING.fill(&[("url", url)]).get(lang));
    let summary = r.deployment.summary.get(lang);
    if !summary.is_empty() {
        let _ = writeln!(out, "  {summary}");
    }
    for item in check_checklist(r) {
        let mark = match item.state {
            ItemState::Ok => OK_MARK,
            ItemState::Fail => FAIL_MARK,
            ItemState::Info => INFO_MARK,
        };
        let _ = writeln!(out, "  {mark} {}", item.text.get(lang));
    }
    out.push('\n');
    verdict_text(&mut out, r, lang);
    // The test changed the plan (a token that works only through the gateway): its steps.
    if let Some(plan) = &r.auth_plan {
        output::plan_text(&mut out, plan, lang);
    }
    if let Some(snippet) = &r.snippet {
        snippet_text(&mut out, snippet, lang);
    }
    if !project_given {
        projects_text(&mut out, &r.projects, lang);
    }
    if let Some(c) = &r.server_check {
        let _ = writeln!(out, "{}", t(SERVER_CHECK, lang));
        let _ = writeln!(out, "  {}\n  {}\n", c.cli, c.curl);
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
    let _ = writeln!(
        out,
        "  {}: {} [{}]",
        t(ANSWERED_BY, lang),
        t(r.answered_by.label(), lang),
        r.answered_by.as_str()
    );
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
