//! The report's renderings: pretty JSON (the helpdesk page's input), Markdown in English or
//! Russian ([`super::markdown`]), and [`Rendered`] — everything the extension needs after one
//! `report` command.

use super::markdown;
use super::model::Report;
use crate::i18n::{Lang, Text};
use serde::Serialize;

impl Report {
    /// Pretty JSON (the helpdesk page's input).
    pub fn to_json(&self) -> String {
        // A report is plain data with string keys: serializing it cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Markdown for people in `lang`, ending with the JSON in a fenced block.
    pub fn to_markdown(&self, lang: Lang) -> String {
        markdown::render(self, lang)
    }
}

/// Everything the extension needs after one `report` command: the report and both renderings
/// (Markdown in each language, so the EN/RU switch needs no second call).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rendered {
    /// Not serialized: the page copies and downloads the texts below, and a second form of the
    /// same report would only be converted and cloned across the boundary for nothing.
    #[serde(skip)]
    pub report: Report,
    pub json: String,
    pub markdown: Text,
    /// A file name such as `jira-report-2025-01-31T093000Z.json` (no characters a file
    /// system refuses).
    pub file_name: String,
}

impl Rendered {
    pub fn new(report: Report) -> Rendered {
        let stamp: String = report
            .generated_at
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | 'T' | 'Z'))
            .take(32)
            .collect();
        Rendered {
            json: report.to_json(),
            markdown: Text::new(report.to_markdown(Lang::En), report.to_markdown(Lang::Ru)),
            file_name: format!("jira-report-{stamp}.json"),
            report,
        }
    }
}
