//! Reading a pasted report (the helpdesk page's `read_report`): the JSON itself, or a whole
//! Markdown report, which ends with its JSON in a fenced block; one report, or two — a
//! browser's and the integration server's, laid side by side. Each is validated by the
//! [`Report`] type's own serde derive and handed back laid out ([`ReportView`]). Linear in the
//! paste, and capped ([`MAX_PASTE_CHARS`], [`MAX_REPORTS`]).

use super::compare::{compare, Compared, Which};
use super::model::{Report, Tool, SCHEMA};
use super::view::ReportView;
use crate::i18n::Text;
use serde::Serialize;

/// Longest paste read, in characters (a report is a few KB; a Markdown one maybe 30 KB).
pub const MAX_PASTE_CHARS: usize = 2_000_000;
/// Most reports one paste may hold: one, or a browser's and a server's.
pub const MAX_REPORTS: usize = 2;
const SCHEMA_PREFIX: &str = "jira-token-wizard/report@";

/// Why a paste is not a report. Names what is wrong, never quotes the paste beyond a schema.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("Paste a report first.")]
    Empty,
    #[error("This is too long to be a report (over {MAX_PASTE_CHARS} characters).")]
    TooBig,
    #[error("This Markdown has no JSON block. Paste the whole report, down to its last line.")]
    NoBlock,
    #[error(
        "This is not valid JSON ({0}). Paste the report's JSON, or the whole Markdown report."
    )]
    NotJson(String),
    #[error("This JSON is not a Jira Token Wizard report (no \"schema\": \"{SCHEMA}\").")]
    NotReport,
    #[error("This report is in a format this page does not know ({0}). Update the extension.")]
    Schema(String),
    #[error("This report is damaged: \u{201c}{0}\u{201d} is missing or malformed.")]
    Damaged(String),
    #[error("Paste one report, or two (the browser's and the server's) \u{2014} not more than {MAX_REPORTS}.")]
    TooMany,
    #[error("Two reports are laid side by side only as a browser's (the extension's) and the integration server's (the CLI's).")]
    NotAPair,
}

impl ReadError {
    /// What is wrong, in English and Russian, for the page to say.
    pub fn text(&self) -> Text {
        let ru = match self {
            ReadError::Empty => "Сначала вставьте отчёт.".to_string(),
            ReadError::TooBig => {
                format!("Слишком длинный текст для отчёта (больше {MAX_PASTE_CHARS} символов).")
            }
            ReadError::NoBlock => {
                "В этом Markdown нет блока JSON. Вставьте отчёт целиком, до последней строки."
                    .into()
            }
            ReadError::NotJson(m) => {
                format!("Это не JSON ({m}). Вставьте JSON отчёта или весь отчёт в Markdown.")
            }
            ReadError::NotReport => {
                format!("Этот JSON — не отчёт Мастера токенов Jira (нет «schema»: «{SCHEMA}»).")
            }
            ReadError::Schema(s) => {
                format!("Отчёт в незнакомом этой странице формате ({s}). Обновите расширение.")
            }
            ReadError::Damaged(f) => {
                format!("Отчёт повреждён: поле «{f}» отсутствует или имеет неверный вид.")
            }
            ReadError::TooMany => {
                format!("Вставьте один отчёт или два (браузера и сервера) — не больше {MAX_REPORTS}.")
            }
            ReadError::NotAPair => "Два отчёта показываются рядом, только если один — из браузера (расширения), а другой — с сервера интеграции (CLI).".into(),
        };
        Text::new(self.to_string(), ru)
    }
}

/// A paste read: one view, or two — the browser's first — with the core's comparison; or why
/// it is not a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadReport {
    pub views: Vec<ReportView>,
    /// For two reports: which difference between the browser's and the server's verdict.
    pub compared: Option<Compared>,
    /// Why the paste is not a report (then there is no view).
    pub error: Option<Text>,
}

/// [`read`] for the page: a paste that is not a report is an answer too, said in both
/// languages.
pub fn read_paste(paste: &str) -> ReadReport {
    read(paste).unwrap_or_else(|e| ReadReport {
        views: Vec::new(),
        compared: None,
        error: Some(e.text()),
    })
}

/// Reads a paste.
pub fn read(paste: &str) -> Result<ReadReport, ReadError> {
    let text = paste.trim();
    if text.is_empty() {
        return Err(ReadError::Empty);
    }
    if text.chars().count() > MAX_PASTE_CHARS {
        return Err(ReadError::TooBig);
    }
    let reports: Vec<Report> = if text.starts_with('{') {
        json_documents(text)?
    } else {
        let blocks: Vec<&str> = json_blocks(text)
            .into_iter()
            .filter(|b| b.contains(SCHEMA_PREFIX))
            .collect();
        if blocks.len() > MAX_REPORTS {
            return Err(ReadError::TooMany);
        }
        blocks.into_iter().map(one).collect::<Result<_, _>>()?
    };
    match reports.as_slice() {
        [] if text.starts_with('#') => Err(ReadError::NoBlock),
        [] => Err(ReadError::NotJson("expected \u{201c}{\u{201d}".into())),
        [r] => Ok(ReadReport {
            views: vec![ReportView::new(r)],
            compared: None,
            error: None,
        }),
        [a, b] => {
            let comparison = compare(a, b).ok_or(ReadError::NotAPair)?;
            let (which, browser, server) = match a.versions.tool {
                Tool::Extension => (Which::A, a, b),
                Tool::Cli => (Which::B, b, a),
            };
            Ok(ReadReport {
                views: vec![ReportView::new(browser), ReportView::new(server)],
                compared: Some(Compared {
                    browser: which,
                    notice: comparison.notice(),
                    comparison,
                }),
                error: None,
            })
        }
        _ => Err(ReadError::TooMany),
    }
}

/// One report's JSON, its schema checked first so another version is named as such; a
/// report of this version that does not read names the first field that does not.
fn one(json: &str) -> Result<Report, ReadError> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| ReadError::NotJson(short(&e.to_string())))?;
    let schema = value.get("schema").and_then(|s| s.as_str()).unwrap_or("");
    if !schema.starts_with(SCHEMA_PREFIX) {
        return Err(ReadError::NotReport);
    }
    if schema != SCHEMA {
        return Err(ReadError::Schema(schema.chars().take(80).collect()));
    }
    serde_json::from_str(json).map_err(|e| {
        // serde names a missing field in its message, any other fault only by its position.
        let message = e.to_string();
        let missing = message
            .strip_prefix("missing field `")
            .and_then(|m| m.split('`').next())
            .map(str::to_string);
        let field = missing.or_else(|| top_level_key_at(json, e.line(), e.column()));
        ReadError::Damaged(short(field.as_deref().unwrap_or("?")))
    })
}

/// The top-level key whose value holds `line`:`column` (1-based, as serde_json counts) of
/// the JSON object `json`. One pass, strings and escapes skipped.
fn top_level_key_at(json: &str, line: usize, column: usize) -> Option<String> {
    let offset = json
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        + column;
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut expect_key, mut start) = (false, 0usize);
    let mut key = None;
    for (i, c) in json.char_indices() {
        if i >= offset {
            break;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                if depth == 1 && expect_key {
                    key = Some(json[start..i].to_string());
                    expect_key = false;
                }
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                start = i + 1;
            }
            '{' | '[' => {
                depth += 1;
                expect_key = depth == 1 && c == '{';
            }
            '}' | ']' => depth = depth.saturating_sub(1),
            ',' if depth == 1 => expect_key = true,
            _ => {}
        }
    }
    key
}

/// JSON documents one after another (one report, or two).
fn json_documents(text: &str) -> Result<Vec<Report>, ReadError> {
    let mut out = Vec::new();
    let stream = serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
    for doc in stream {
        let doc = doc.map_err(|e| ReadError::NotJson(short(&e.to_string())))?;
        if out.len() == MAX_REPORTS {
            return Err(ReadError::TooMany);
        }
        out.push(one(&doc.to_string())?);
    }
    Ok(out)
}

/// Every ```` ```json ```` fenced block of `text`, in order; a fence closes only with its own
/// length (the report's fence is longer than any backtick run in its JSON). One pass.
fn json_blocks(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut fence: Option<(&str, usize)> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches(['\n', '\r']);
        match fence {
            None => {
                let ticks = bare.len() - bare.trim_start_matches('`').len();
                if ticks >= 3 && bare[ticks..].trim() == "json" {
                    fence = Some((&bare[..ticks], offset + line.len()));
                }
            }
            Some((f, start)) => {
                if bare.starts_with(f) && bare[f.len()..].trim().is_empty() {
                    found.push(text[start..offset].trim_end_matches(['\n', '\r']));
                    fence = None;
                }
            }
        }
        offset += line.len();
    }
    found
}

fn short(s: &str) -> String {
    s.chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_blocks_close_only_with_their_own_fence() {
        assert_eq!(
            json_blocks("# r\n\n````json\n{\"a\":\"```\"}\n````\n"),
            ["{\"a\":\"```\"}"]
        );
        assert_eq!(
            json_blocks("# r\r\n```json\r\n{\"a\":1}\r\n```\r\n"),
            ["{\"a\":1}"]
        );
        assert!(json_blocks("```json\n{\"a\":1}\n````\n").is_empty());
        assert!(json_blocks("no block").is_empty());
    }

    #[test]
    fn hostile_pastes_take_linear_time() {
        for unit in ["```json\n", "```` json ```\n`", "```", "{", "[{\"a\":"] {
            let paste = unit.repeat(320_000 / unit.len());
            let started = std::time::Instant::now();
            let r = read_paste(&paste);
            assert!(r.error.is_some());
            let ms = started.elapsed().as_millis();
            assert!(ms < 1000, "{unit:?}: {ms} ms");
        }
        assert_eq!(
            read(&"x".repeat(MAX_PASTE_CHARS + 1)),
            Err(ReadError::TooBig)
        );
    }

    #[test]
    fn what_is_not_a_report_is_named() {
        assert_eq!(read("  "), Err(ReadError::Empty));
        assert_eq!(read("# just a title"), Err(ReadError::NoBlock));
        assert!(matches!(read("hello"), Err(ReadError::NotJson(_))));
        assert!(matches!(read("{\"a\":"), Err(ReadError::NotJson(_))));
        assert_eq!(read("{\"schema\":\"x\"}"), Err(ReadError::NotReport));
        assert_eq!(
            read("{\"schema\":\"jira-token-wizard/report@1\",\"kind\":\"check\"}"),
            Err(ReadError::Damaged("generatedAt".into()))
        );
        assert_eq!(
            top_level_key_at(
                "{\"a\": 1,\n \"b\": {\"c\": \"x,\\\"y\"}, \"d\": [1, 2]}",
                2,
                12
            ),
            Some("b".into())
        );
        assert_eq!(
            read("{\"schema\":\"jira-token-wizard/report@9\"}"),
            Err(ReadError::Schema("jira-token-wizard/report@9".into()))
        );
    }
}
