//! `--report FILE`: writes the core's redacted diagnostic report (`report::build`) next to the
//! normal output — Markdown in the output language when FILE ends in `.md`, else JSON. The CLI
//! supplies what the core cannot know: its version, the OS, and the time.
//!
//! The report holds no secret by construction; `check` still passes it through its
//! [`Redactor`] like everything else it writes.

use jira_token_wizard::i18n::Lang;
use jira_token_wizard::probe::Redactor;
use jira_token_wizard::report::{self, Meta, Subject, Tool};
use std::path::Path;

/// Writes the report on `subject` to `path`. The error says which file and why.
pub fn write(
    path: &Path,
    subject: Subject<'_>,
    lang: Lang,
    redactor: Option<&Redactor>,
) -> Result<(), String> {
    let meta = Meta {
        tool: Tool::Cli,
        version: env!("CARGO_PKG_VERSION").to_string(),
        environment: format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
        generated_at: report::rfc3339_utc(now_secs()),
    };
    let r = report::build(subject, &meta);
    let markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    let mut text = if markdown {
        r.to_markdown(lang)
    } else {
        r.to_json() + "\n"
    };
    if let Some(redactor) = redactor {
        text = redactor.apply(&text);
    }
    std::fs::write(path, text)
        .map_err(|e| format!("could not write the report to {}: {e}", path.display()))
}

pub(super) fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
