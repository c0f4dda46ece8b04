//! `fleet`'s output: JSON in the file's order (`{"connections": [...], "summary": {...}}`),
//! or for people a table — name, status, verdict code, days to expiry, who answered — and
//! below it, each connection that does not pass with the verdict's title and fix, or its
//! error. Nothing here holds a secret; `mod.rs` still redacts what it prints.

use super::{Outcome, Row, Status};
use crate::cli::output::{l, t};
use jira_token_wizard::i18n::{L10n, Lang};
use jira_token_wizard::labels::FIX;
use jira_token_wizard::probe::{CheckResult, JiraUser, TokenExpiry, Verdict};
use serde::Serialize;
use std::fmt::Write;

/// Shown in a cell with nothing to say.
const NONE: &str = "—";

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Doc<'a> {
    connections: Vec<RowJson<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RowJson<'a> {
    name: &'a str,
    url: Option<&'a str>,
    /// `ok`, `expiring`, `failed` or `error`.
    status: &'static str,
    ok: bool,
    /// The core's verdict; `null` when the connection could not be tested.
    verdict: Option<&'a Verdict>,
    days_to_expiry: Option<i64>,
    token_expiry: Option<&'a TokenExpiry>,
    /// Who answered (the core's `answeredBy`), when the result says.
    answered_by: Option<String>,
    user: Option<&'a JiraUser>,
    /// Why the connection was not tested.
    error: Option<ErrorJson<'a>>,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    message: &'a str,
}

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct Summary {
    total: usize,
    ok: usize,
    expiring: usize,
    failed: usize,
    errors: usize,
}

fn summary(rows: &[Row]) -> Summary {
    let mut s = Summary {
        total: rows.len(),
        ..Summary::default()
    };
    for r in rows {
        match r.status {
            Status::Ok => s.ok += 1,
            Status::Expiring => s.expiring += 1,
            Status::Failed => s.failed += 1,
            Status::Error => s.errors += 1,
        }
    }
    s
}

/// Who answered, from the result's own JSON (`answeredBy`), when it has that field.
fn answered_by(r: &CheckResult) -> Option<String> {
    let v = serde_json::to_value(r).ok()?;
    match v.get("answeredBy")? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

fn days_left(r: &CheckResult) -> Option<i64> {
    r.token_expiry.as_ref().and_then(|e| e.days_left)
}

/// The rows as pretty JSON, in file order.
pub fn json(rows: &[Row]) -> String {
    let connections = rows
        .iter()
        .map(|row| {
            let tested = match &row.outcome {
                Outcome::Tested(r) => Some(r.as_ref()),
                Outcome::Error(_) => None,
            };
            RowJson {
                name: &row.name,
                url: row.url.as_deref(),
                status: row.status.as_str(),
                ok: row.status == Status::Ok,
                verdict: tested.map(|r| &r.verdict),
                days_to_expiry: tested.and_then(days_left),
                token_expiry: tested.and_then(|r| r.token_expiry.as_ref()),
                answered_by: tested.and_then(answered_by),
                user: tested.and_then(|r| r.user.as_ref()),
                error: match &row.outcome {
                    Outcome::Error(m) => Some(ErrorJson { message: m }),
                    Outcome::Tested(_) => None,
                },
            }
        })
        .collect();
    let doc = Doc {
        connections,
        summary: summary(rows),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|e| {
        serde_json::json!({ "error": { "code": "internal", "message": e.to_string() } }).to_string()
    })
}

const HEADING: L10n = l(
    "Fleet check of {file}: {ok} of {total} connections work",
    "Проверка подключений из {file}: работают {ok} из {total}",
);
const COLUMNS: [L10n; 5] = [
    l("NAME", "ИМЯ"),
    l("STATUS", "СОСТОЯНИЕ"),
    l("VERDICT", "ВЕРДИКТ"),
    l("EXPIRES", "ИСТЕКАЕТ"),
    l("ANSWERED BY", "ОТВЕТИЛ"),
];
const IN_DAYS: L10n = l("in {n} d", "через {n} дн.");
const NEVER: L10n = l("never", "никогда");
const EXPIRED: L10n = l("expired", "истёк");
const NOT_WORKING: L10n = l("Needs attention", "Требуют внимания");
const NOT_TESTED: L10n = l("not tested", "не проверено");
const EXPIRES_SOON: L10n = l(
    "works, but the token expires in {n} days ({date})",
    "работает, но токен истекает через {n} дн. ({date})",
);

/// The status column.
fn status_text(s: Status, lang: Lang) -> &'static str {
    let text = match s {
        Status::Ok => l("ok", "работает"),
        Status::Expiring => l("expiring", "истекает"),
        Status::Failed => l("failed", "не работает"),
        Status::Error => l("error", "ошибка"),
    };
    t(text, lang)
}

/// The expiry column: in N days, never, or nothing known.
fn expiry_cell(r: &CheckResult, lang: Lang) -> String {
    match &r.token_expiry {
        Some(e) if e.expiring_at.is_none() => t(NEVER, lang).to_string(),
        Some(TokenExpiry {
            days_left: Some(n), ..
        }) if *n < 0 => t(EXPIRED, lang).to_string(),
        Some(TokenExpiry {
            days_left: Some(n), ..
        }) => IN_DAYS.fill(&[("n", &n.to_string())]).get(lang).to_string(),
        _ => NONE.to_string(),
    }
}

/// The table and what needs attention, for people.
pub fn text(rows: &[Row], file: &str, lang: Lang) -> String {
    let s = summary(rows);
    let mut out = String::new();
    let heading = HEADING.fill(&[
        ("file", file),
        ("ok", &s.ok.to_string()),
        ("total", &s.total.to_string()),
    ]);
    let _ = writeln!(out, "{}\n", heading.get(lang));
    let mut table: Vec<[String; 5]> = vec![COLUMNS.map(|c| t(c, lang).to_string())];
    for row in rows {
        let (verdict, expires, who) = match &row.outcome {
            Outcome::Tested(r) => (
                r.verdict.code.as_str().to_string(),
                expiry_cell(r, lang),
                answered_by(r).unwrap_or_else(|| NONE.to_string()),
            ),
            Outcome::Error(_) => (t(NOT_TESTED, lang).to_string(), NONE.into(), NONE.into()),
        };
        let status = status_text(row.status, lang).to_string();
        table.push([row.name.clone(), status, verdict, expires, who]);
    }
    let widths: Vec<usize> = (0..5)
        .map(|c| {
            table
                .iter()
                .map(|r| r[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for r in &table {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            let pad = widths[c] - cell.chars().count();
            let _ = write!(line, "  {cell}{}", " ".repeat(pad));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    let attention: Vec<&Row> = rows.iter().filter(|r| r.status != Status::Ok).collect();
    if !attention.is_empty() {
        let _ = writeln!(out, "\n{}:", t(NOT_WORKING, lang));
    }
    for row in attention {
        match &row.outcome {
            Outcome::Error(m) => {
                let _ = writeln!(out, "  ✗ {}: {m}", row.name);
            }
            Outcome::Tested(r) if row.status == Status::Expiring => {
                let e = r.token_expiry.as_ref();
                let n = days_left(r).unwrap_or_default().to_string();
                let date = e.and_then(|e| e.date.as_deref()).unwrap_or(NONE);
                let what = EXPIRES_SOON.fill(&[("n", &n), ("date", date)]);
                let _ = writeln!(out, "  ! {}: {}", row.name, what.get(lang));
            }
            Outcome::Tested(r) => {
                let v = &r.verdict;
                let _ = writeln!(out, "  ✗ {}: {}", row.name, v.title.get(lang));
                let _ = writeln!(out, "      {}: {}", t(FIX, lang), v.fix.get(lang));
            }
        }
    }
    out
}
