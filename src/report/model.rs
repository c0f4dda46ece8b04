//! The report's data: what it is about ([`Subject`]), what the caller adds
//! ([`Meta`]: tool, version, browser/OS, time — the core has no clock, [`rfc3339_utc`] helps a
//! caller without a date library), and the [`Report`] itself with its parts (what was tried,
//! checklist lines, requests, versions). Plain serde types; the JSON form is
//! `jira-token-wizard/report@1` ([`SCHEMA`]) and nothing here holds a secret.

use crate::auth_plan::AuthMethod;
use crate::catalogue::Notice;
use crate::deployment::Deployment;
use crate::detect::Detection;
use crate::http::{LoggedAuth, Method, Outcome};
use crate::i18n::Text;
use crate::permissions::PermissionReport;
use crate::probe::{CheckResult, JiraUser, Scheme, Verdict};
use crate::targets::Target;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub use crate::time::rfc3339_utc;

/// Identifies the JSON form; bumped when a field changes meaning.
pub const SCHEMA: &str = "jira-token-wizard/report@1";

/// Which program wrote the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tool {
    Extension,
    Cli,
}

/// What the caller knows and the core does not: who made the report, where and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    pub tool: Tool,
    /// The extension's or the CLI's version, e.g. `"0.1.0"`.
    pub version: String,
    /// Browser and operating system, e.g. the browser's user agent or `"linux x86_64"`.
    #[serde(default)]
    pub environment: String,
    /// When the report was made, RFC 3339 (e.g. `2025-01-31T09:30:00Z`); see [`rfc3339_utc`].
    pub generated_at: String,
}

/// What the report is about.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    /// A token test, with the login that was tried (a login is not a secret).
    Check {
        result: &'a CheckResult,
        login: &'a str,
    },
    /// A detection without a token test.
    Detection(&'a Detection),
}

/// `"check"` or `"detection"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportKind {
    Check,
    Detection,
}

/// What was tried: the method, how it went on the wire, and with which login.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tried {
    /// `None` when no credential was sent (not Jira).
    pub method: Option<AuthMethod>,
    pub scheme: Option<Scheme>,
    /// The login entered; `""` for a personal access token without one.
    pub login: String,
    /// The integration the credential is for.
    #[serde(default)]
    pub target: Target,
}

/// One checklist line, as the popup shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckItem {
    /// Stable id: `reachable`, `jira`, `authenticated`, `method`, `permissions`, `permissions_unknown`.
    pub id: String,
    pub state: ItemState,
    pub text: Text,
}

/// How a checklist line is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemState {
    Ok,
    Fail,
    Info,
}

impl ItemState {
    /// The mark shown before the line.
    pub fn mark(self) -> &'static str {
        match self {
            ItemState::Ok => "✓",
            ItemState::Fail => "✗",
            ItemState::Info => "·",
        }
    }
}

/// One request, as it may be shown to anyone: a [`crate::http::RequestLog`] re-filtered
/// (`redact::request`), its auth and outcome the log's own closed sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportRequest {
    /// The core's request id, e.g. `"myself"`.
    pub id: String,
    pub method: Method,
    /// `scheme://host[:port]`.
    pub origin: String,
    /// Path and query.
    pub path: String,
    /// The scheme's name, never its value (`RequestLog::auth`).
    pub auth: LoggedAuth,
    /// HTTP status; `None` for a timeout or an unreachable server.
    pub status: Option<u16>,
    /// How it ended (`RequestLog::outcome`).
    pub outcome: Outcome,
    pub ms: u64,
    /// Jira's diagnostic headers ([`crate::http::DIAGNOSTIC_HEADERS`]) and nothing else.
    pub headers: BTreeMap<String, String>,
    /// Why there was no answer, as the transport said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Versions involved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Versions {
    /// Who wrote the report.
    pub tool: Tool,
    /// The extension's or CLI's version.
    pub tool_version: String,
    /// The core library's version (Cargo.toml).
    pub core: String,
    /// Jira's version, when known (`1001.0.0-SNAPSHOT` on Cloud).
    pub jira: Option<String>,
    pub jira_build: Option<u64>,
}

/// The report. Holds no secret; its JSON is the helpdesk page's input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    pub kind: ReportKind,
    /// RFC 3339, from the caller.
    pub generated_at: String,
    /// Browser and OS, from the caller.
    pub environment: String,
    pub versions: Versions,
    pub deployment: Deployment,
    /// The recommended method for this deployment, when it is Jira.
    pub recommended: Option<AuthMethod>,
    /// `None` for a detection report.
    pub tried: Option<Tried>,
    /// `None` for a detection report.
    pub verdict: Option<Verdict>,
    /// Who sent the answer the verdict reads (`None` for a detection report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answered_by: Option<crate::probe::Answerer>,
    pub checklist: Vec<CheckItem>,
    /// The numbered steps the token test re-planned (`CheckResult::auth_plan`): for a
    /// credential that works only through Atlassian's gateway they give the integration that
    /// URL. Empty when the detection's plan stands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Text>,
    /// The account Jira answered as.
    pub user: Option<JiraUser>,
    pub permissions: Option<PermissionReport>,
    pub warnings: Vec<Notice>,
    pub requests: Vec<ReportRequest>,
}
