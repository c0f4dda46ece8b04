//! The report's renderings: pretty JSON (the helpdesk page's input), Markdown in English or
//! Russian ([`super::markdown`]), and [`Rendered`] — everything the extension needs after one
//! `report` command.

use super::markdown;
use super::model::Report;
use crate::i18n::{Lang, Text};
use serde::Serialize;

impl Report {
    /// Pretty JSON (the helpdesk page's input), as `serde_json::to_string_pretty` writes it.
    pub fn to_json(&self) -> String {
        // The core's compact writer ([`crate::json`]), then indented by [`indent`]: the same
        // text as serde_json's `to_string_pretty` (tests/report_redaction.rs checks every
        // report), without serde's writer in the wasm (BENCHMARKS.md "Shipped size").
        indent(&crate::json::to_text(self))
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

/// Lays out compact JSON (serde_json's, no whitespace outside strings) the way
/// `serde_json::to_string_pretty` does: two spaces per level, `"key": value`, `{}` and `[]`
/// for empty containers.
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::indent;
    use serde_json::{json, Value};

    #[test]
    fn indent_writes_what_to_string_pretty_writes() {
        let cases = [
            json!({}),
            json!([]),
            json!({"a": {}, "b": [], "c": [{}], "d": [[]]}),
            json!({"s": "quote \" backslash \\ braces {[,:]} \u{0001} \n", "n": -1.5e-7, "t": true, "z": null}),
            json!([1, [2, [3, {"x": "}"}]], "\\"]),
            json!({"ru": "Проверка токена: «ошибка»", "emoji": "🔑", "k:": ",{"}),
            json!("just a string"),
            json!(42),
        ];
        for v in cases {
            let compact = serde_json::to_string(&v).unwrap();
            assert_eq!(
                indent(&compact),
                serde_json::to_string_pretty(&v).unwrap(),
                "{v}"
            );
        }
    }

    #[test]
    fn indent_keeps_the_values() {
        let v = json!({"deep": [[[[{"a": [1, 2, {"b": "]}\\\""}]}]]]]});
        let pretty = indent(&serde_json::to_string(&v).unwrap());
        assert_eq!(serde_json::from_str::<Value>(&pretty).unwrap(), v);
    }
}
