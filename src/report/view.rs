//! A [`Report`] laid out for people, in both languages: the facts as labelled rows, the verdict,
//! the checklist, the steps, the warnings and the requests as rows with their status in words.
//! The one layout of a report: Markdown writes it out (`markdown.rs`) and the helpdesk page
//! puts it in the DOM (`read_report`, `extension/helpdesk.js`), so the two say the same thing.
//! Every label comes from [`crate::labels`].

use super::model::{CheckItem, Report, ReportKind, ReportRequest, Tool};
use crate::catalogue::Notice;
use crate::i18n::{L10n, Text};
use crate::labels as lb;
use crate::probe::{Scheme, Verdict};
use serde::{Deserialize, Serialize};

/// One labelled fact: `key` is stable (`site`, `baseUrl`, `version`, `tried`, …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fact {
    pub key: String,
    pub label: Text,
    pub value: Text,
}

/// One request as a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestRow {
    /// The core's request id (`myself`).
    pub id: String,
    /// `GET /path?query`, with the origin when it is not the deployment's.
    pub target: String,
    /// The scheme's name, `—` for none.
    pub auth: String,
    /// The status, or the outcome in words (`not sent: …`, `certificate not trusted`).
    pub status: Text,
    pub ms: u64,
    /// Jira's diagnostic headers, `name: value`.
    pub headers: Vec<String>,
    /// No status, or 400 and above.
    pub failed: bool,
}

/// Who answered, as the verdict section names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnsweredBy {
    pub code: crate::probe::Answerer,
    pub text: Text,
}

/// The headings a laid-out report uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Headings {
    pub title: Text,
    pub no_secrets: Text,
    pub summary: Text,
    pub verdict: Text,
    pub cause: Text,
    pub answered_by: Text,
    pub fix: Text,
    pub checklist: Text,
    pub steps: Text,
    pub warnings: Text,
    pub requests: Text,
    pub no_requests: Text,
    pub request: Text,
    pub auth: Text,
    pub status: Text,
    pub headers: Text,
}

impl Headings {
    fn new() -> Headings {
        Headings {
            title: lb::REPORT_TITLE.text(),
            no_secrets: lb::NO_SECRETS.text(),
            summary: lb::SUMMARY.text(),
            verdict: lb::VERDICT.text(),
            cause: lb::CAUSE.text(),
            answered_by: lb::ANSWERED_BY.text(),
            fix: lb::FIX.text(),
            checklist: lb::CHECKLIST.text(),
            steps: lb::STEPS.text(),
            warnings: lb::WARNINGS.text(),
            requests: lb::REQUESTS.text(),
            no_requests: lb::NO_REQUESTS.text(),
            request: lb::REQUEST.text(),
            auth: lb::AUTH.text(),
            status: lb::STATUS.text(),
            headers: lb::HEADERS.text(),
        }
    }
}

/// A report laid out: what Markdown writes and the helpdesk page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportView {
    pub kind: ReportKind,
    /// The deployment in one line.
    pub summary: Text,
    pub facts: Vec<Fact>,
    pub verdict: Option<Verdict>,
    /// Who sent the answer the verdict reads (`jira`, `device_in_front`, …), with its words.
    pub answered_by: Option<AnsweredBy>,
    pub checklist: Vec<CheckItem>,
    pub steps: Vec<Text>,
    pub warnings: Vec<Notice>,
    pub requests: Vec<RequestRow>,
    pub headings: Headings,
}

fn same(s: impl Into<String>) -> Text {
    let s = s.into();
    Text::new(s.clone(), s)
}

fn fact(key: &str, label: L10n, value: Text) -> Fact {
    Fact {
        key: key.to_string(),
        label: label.text(),
        value,
    }
}

impl ReportView {
    pub fn new(r: &Report) -> ReportView {
        ReportView {
            kind: r.kind,
            summary: r.deployment.summary.clone(),
            facts: facts(r),
            verdict: r.verdict.clone(),
            answered_by: r.answered_by.map(|who| AnsweredBy {
                code: who,
                text: who.label().text(),
            }),
            checklist: r.checklist.clone(),
            steps: r.steps.clone(),
            warnings: r.warnings.clone(),
            requests: requests(r),
            headings: Headings::new(),
        }
    }
}

fn facts(r: &Report) -> Vec<Fact> {
    let mut out = Vec::new();
    let d = &r.deployment;
    let kind = match r.kind {
        ReportKind::Check => lb::KIND_CHECK,
        ReportKind::Detection => lb::KIND_DETECTION,
    };
    out.push(fact("kind", lb::KIND, kind.text()));
    out.push(fact("site", lb::SITE, d.summary.clone()));
    if let Some(b) = &d.base_url {
        out.push(fact("baseUrl", lb::BASE_URL, same(b)));
    }
    if let Some(reached) = d
        .reached_base_url
        .as_ref()
        .filter(|x| d.base_url.as_ref() != Some(x))
    {
        out.push(fact("reachedAt", lb::REACHED, same(reached)));
    }
    if let Some(v) = &r.versions.jira {
        let value = match r.versions.jira_build {
            Some(b) => Text::new(
                format!("{v} ({} {b})", lb::BUILD.en),
                format!("{v} ({} {b})", lb::BUILD.ru),
            ),
            None => same(v),
        };
        out.push(fact("version", lb::VERSION, value));
    }
    if let Some(n) = &d.cluster_node {
        out.push(fact("clusterNode", lb::CLUSTER_NODE, same(n)));
    }
    if let Some(c) = &d.cloud_id {
        out.push(fact("cloudId", lb::CLOUD_ID, same(c)));
    }
    if let Some(m) = r.recommended {
        out.push(fact("recommended", lb::RECOMMENDED, lb::method(m).text()));
    }
    if let Some(tried) = &r.tried {
        let method = tried.method.map(lb::method);
        let scheme = match tried.scheme {
            Some(Scheme::Basic) => " · Basic",
            Some(Scheme::Bearer) => " · Bearer",
            None => "",
        };
        let value = Text::new(
            format!("{}{scheme}", method.map_or("—", |m| m.en)),
            format!("{}{scheme}", method.map_or("—", |m| m.ru)),
        );
        out.push(fact("tried", lb::TRIED, value));
        out.push(fact(
            "target",
            lb::TARGET,
            tried.target.profile().name.text(),
        ));
        let login = if tried.login.is_empty() {
            lb::NO_LOGIN.text()
        } else {
            same(&tried.login)
        };
        out.push(fact("login", lb::LOGIN, login));
    }
    if let Some(u) = &r.user {
        out.push(fact("answeredAs", lb::ANSWERED_AS, same(u.label())));
    }
    out.push(fact("generated", lb::GENERATED, same(&r.generated_at)));
    let tool = match r.versions.tool {
        Tool::Extension => lb::TOOL_EXTENSION,
        Tool::Cli => lb::TOOL_CLI,
    };
    let v = &r.versions;
    let tool_line = |tool: &str, core: &str| {
        format!(
            "Jira Token Wizard {tool} {} ({core} {})",
            v.tool_version, v.core
        )
    };
    out.push(fact(
        "tool",
        lb::TOOL,
        Text::new(
            tool_line(tool.en, lb::CORE.en),
            tool_line(tool.ru, lb::CORE.ru),
        ),
    ));
    if !r.environment.is_empty() {
        out.push(fact("environment", lb::ENVIRONMENT, same(&r.environment)));
    }
    out
}

fn requests(r: &Report) -> Vec<RequestRow> {
    let home = r
        .deployment
        .rest_base()
        .and_then(crate::urls::parse_http)
        .map(|u| u.origin().to_string());
    r.requests
        .iter()
        .map(|q| RequestRow {
            id: q.id.clone(),
            target: request_target(q, home.as_deref()),
            auth: lb::auth(q.auth).to_string(),
            status: lb::status(q.status, q.outcome, q.detail.as_deref()),
            ms: q.ms,
            headers: q.headers.iter().map(|(k, v)| format!("{k}: {v}")).collect(),
            failed: q.status.is_none_or(|s| s >= 400),
        })
        .collect()
}

/// `GET /jira/rest/api/2/myself`, with the origin when it is not the deployment's.
fn request_target(q: &ReportRequest, home: Option<&str>) -> String {
    if home == Some(q.origin.as_str()) || q.origin.is_empty() {
        format!("{} {}", q.method.as_str(), q.path)
    } else {
        format!("{} {}{}", q.method.as_str(), q.origin, q.path)
    }
}
