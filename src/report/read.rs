//! Reading a pasted report (the helpdesk page's `read_report`): the JSON itself, or a whole
//! Markdown report, which ends with its JSON in a fenced block; one report, or two — a
//! browser's and the integration server's, laid side by side. Each is validated by the
//! [`Report`] type's own serde derive and handed back laid out ([`ReportView`]). Linear in the
//! paste, and capped ([`MAX_PASTE_CHARS`], [`MAX_REPORTS`]).

use super::compare::{compare, Compared, Which};
use super::model::{Report, Tool, SCHEMA};
use super::view::ReportView;
use serde::Serialize;

/// Longest paste read, in characters (a report is a few KB; a Markdown one maybe 30 KB).
pub const MAX_PASTE_CHARS: usize = 2_000_000;
/// Most reports one paste may hold: one, or a browser's and a server's.
pub const MAX_REPORTS: usize = 2;
const SCHEMA_PREFIX: &str = "jira-token-wizard/report@";

/// Why a paste is not a report. Names what is wrong, never quotes the paste beyond a schema.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("the paste is empty")]
    Empty,
    #[error("the paste is longer than {MAX_PASTE_CHARS} characters")]
    TooBig,
    #[error("no report found: paste the report's JSON, or the whole Markdown report with its JSON block")]
    NoReport,
    #[error("not a report of this tool's: {0}")]
    NotJson(String),
    #[error("a report of another version ({0}): this page reads {SCHEMA}")]
    Schema(String),
    #[error("at most {MAX_REPORTS} reports at once")]
    TooMany,
    #[error("two reports are read side by side only as a browser's (the extension's) and the integration server's (the CLI's)")]
    NotAPair,
}

/// A paste read: one view, or two — the browser's first — with the core's comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadReport {
    pub views: Vec<ReportView>,
    /// For two reports: which difference between the browser's and the server's verdict.
    pub compared: Option<Compared>,
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
        [] => Err(ReadError::NoReport),
        [r] => Ok(ReadReport {
            views: vec![ReportView::new(r)],
            compared: None,
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
            })
        }
        _ => Err(ReadError::TooMany),
    }
}

/// One report's JSON, its schema checked first so another version is named as such.
fn one(json: &str) -> Result<Report, ReadError> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| ReadError::NotJson(short(&e.to_string())))?;
    let schema = value.get("schema").and_then(|s| s.as_str()).unwrap_or("");
    if !schema.starts_with(SCHEMA_PREFIX) {
        return Err(ReadError::NotJson(
            "no \"schema\" of a Jira Token Wizard report".into(),
        ));
    }
    if schema != SCHEMA {
        return Err(ReadError::Schema(schema.chars().take(80).collect()));
    }
    serde_json::from_value(value).map_err(|e| ReadError::NotJson(short(&e.to_string())))
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
    fn what_is_not_a_report_is_named() {
        assert_eq!(read("  "), Err(ReadError::Empty));
        assert_eq!(read("# just a title"), Err(ReadError::NoReport));
        assert!(matches!(read("{\"a\":"), Err(ReadError::NotJson(_))));
        assert!(matches!(
            read("{\"schema\":\"x\"}"),
            Err(ReadError::NotJson(_))
        ));
        assert_eq!(
            read("{\"schema\":\"jira-token-wizard/report@9\"}"),
            Err(ReadError::Schema("jira-token-wizard/report@9".into()))
        );
    }
}
