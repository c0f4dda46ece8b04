//! The redacted diagnostic report: what a customer sends the helpdesk after a detection or a
//! token test — the deployment, what was tried, the verdict with its cause and fix in English
//! and Russian, a checklist, every request (method, path and query, status, time, Jira's
//! diagnostic headers) and the versions involved.
//!
//! Pure: [`build`] turns a [`CheckResult`] (or a [`Detection`]) and caller-supplied [`Meta`]
//! (tool version, browser/OS, time — the core has no clock) into a [`Report`]; [`Report::to_json`]
//! and [`Report::to_markdown`] render it. Nothing here ever sees a secret: a `CheckResult` holds
//! none, and the builder keeps from each request only the names in [`DIAGNOSTIC_HEADERS`] (never
//! `Authorization`, cookies or `Set-Cookie`), so a result that came back through JavaScript
//! cannot smuggle one in either. `tests/report_redaction.rs` proves it over recorded answers.
//!
//! The JSON form (`schema` [`SCHEMA`]) is what the extension's helpdesk page reads; a Markdown
//! report ends with that JSON in a fenced block, so either can be pasted there.
//!
//! Layout: `model.rs` (the types), `builder.rs` ([`build`]), `checklist.rs`
//! ([`check_checklist`], [`method_label`]), `redact.rs` (what of a request survives),
//! `rendered.rs` (JSON, [`Rendered`]), `markdown.rs` (the Markdown form) and `compare.rs`
//! (a browser's report beside the integration server's: [`compare`]).
//!
//! [`CheckResult`]: crate::probe::CheckResult
//! [`Detection`]: crate::detect::Detection
//! [`DIAGNOSTIC_HEADERS`]: crate::http::DIAGNOSTIC_HEADERS

mod builder;
mod checklist;
mod compare;
mod markdown;
mod model;
mod read;
mod redact;
mod rendered;
mod view;

pub use builder::{build, MAX_META_CHARS};
pub use checklist::{check_checklist, method_label};
pub use compare::{
    compare, compare_heads, difference, Compared, Comparison, HeadVerdict, HeadVersions,
    ReportHead, ServerDifference, Which,
};
pub use model::{
    rfc3339_utc, CheckItem, ItemState, Meta, Report, ReportKind, ReportRequest, Subject, Tool,
    Tried, Versions, SCHEMA,
};
pub use read::{read, read_paste, ReadError, ReadReport, MAX_PASTE_CHARS, MAX_REPORTS};
pub use rendered::Rendered;
pub use view::{Fact, Headings, ReportView, RequestRow};
