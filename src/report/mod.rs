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

mod markdown;

use crate::auth_plan::AuthMethod;
use crate::catalogue::{Code, Notice};
use crate::deployment::{Deployment, Product};
use crate::detect::Detection;
use crate::http::{
    without_userinfo, Method, RequestLog, DIAGNOSTIC_HEADERS, MAX_LOGGED_HEADER_CHARS,
};
use crate::i18n::{l, L10n, Lang, Text};
use crate::permissions::PermissionReport;
use crate::probe::{CheckResult, JiraUser, Scheme, Verdict};
use crate::targets::Target;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Identifies the JSON form; bumped when a field changes meaning.
pub const SCHEMA: &str = "jira-token-wizard/report@1";

/// Longest caller-supplied meta text kept (browser/OS string, version, time), in characters.
pub const MAX_META_CHARS: usize = 300;

/// Longest login kept, in characters.
const MAX_LOGIN_CHARS: usize = 256;

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

/// [`Subject`] as owned data, for the wasm `report` command (serde tag `"kind"`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OwnedSubject {
    Check {
        result: Box<CheckResult>,
        #[serde(default)]
        login: String,
    },
    Detection {
        detection: Box<Detection>,
    },
}

impl OwnedSubject {
    pub fn as_subject(&self) -> Subject<'_> {
        match self {
            OwnedSubject::Check { result, login } => Subject::Check { result, login },
            OwnedSubject::Detection { detection } => Subject::Detection(detection),
        }
    }
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

/// One request, as it may be shown to anyone.
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
    /// `Basic`, `Bearer`, `Session` or `None`: the scheme's name, never its value.
    pub auth: String,
    /// HTTP status; `None` for a timeout or an unreachable server.
    pub status: Option<u16>,
    /// `"response"`, `"redirect"`, `"timeout"` or `"unreachable"`.
    pub outcome: String,
    pub ms: u64,
    /// Jira's diagnostic headers ([`DIAGNOSTIC_HEADERS`]) and nothing else.
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
    pub checklist: Vec<CheckItem>,
    /// The account Jira answered as.
    pub user: Option<JiraUser>,
    pub permissions: Option<PermissionReport>,
    pub warnings: Vec<Notice>,
    pub requests: Vec<ReportRequest>,
}

/// The report on `subject`.
pub fn build(subject: Subject<'_>, meta: &Meta) -> Report {
    let (kind, deployment, recommended, warnings, logs) = match subject {
        Subject::Check { result, .. } => (
            ReportKind::Check,
            &result.deployment,
            None,
            &result.warnings,
            &result.requests,
        ),
        Subject::Detection(d) => (
            ReportKind::Detection,
            &d.deployment,
            d.auth_plan.as_ref().map(|p| p.method),
            &d.warnings,
            &d.requests,
        ),
    };
    let mut report = Report {
        schema: SCHEMA.to_string(),
        kind,
        generated_at: clean(&meta.generated_at, MAX_META_CHARS),
        environment: clean(&meta.environment, MAX_META_CHARS),
        versions: Versions {
            tool: meta.tool,
            tool_version: clean(&meta.version, MAX_META_CHARS),
            core: env!("CARGO_PKG_VERSION").to_string(),
            jira: deployment.version.clone(),
            jira_build: deployment.build_number,
        },
        deployment: deployment.clone(),
        recommended,
        tried: None,
        verdict: None,
        checklist: Vec::new(),
        user: None,
        permissions: None,
        warnings: warnings.clone(),
        requests: logs.iter().map(request).collect(),
    };
    match subject {
        Subject::Check { result, login } => {
            report.recommended = result
                .deployment
                .is_jira()
                .then(|| crate::auth_plan::plan(&result.deployment).method);
            report.tried = Some(Tried {
                method: result.auth_method,
                scheme: result.scheme,
                login: clean(login.trim(), MAX_LOGIN_CHARS),
                target: result.target,
            });
            report.verdict = Some(result.verdict.clone());
            report.user = result.user.clone();
            report.permissions = result.permissions.clone();
            report.checklist = check_checklist(result);
        }
        Subject::Detection(d) => report.checklist = detection_checklist(d),
    }
    report
}

impl Report {
    /// Pretty JSON (the helpdesk page's input).
    pub fn to_json(&self) -> String {
        // Serializing plain strings, numbers and maps cannot fail.
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

/// One request log, re-filtered: only diagnostic headers, no userinfo, capped values. The log
/// may have come back from JavaScript, so nothing in it is trusted.
fn request(r: &RequestLog) -> ReportRequest {
    let url = without_userinfo(&r.url);
    let (origin, path) = match url::Url::parse(&url) {
        Ok(u) => {
            let mut path = u.path().to_string();
            if let Some(q) = u.query() {
                path.push('?');
                path.push_str(q);
            }
            (u.origin().ascii_serialization(), path)
        }
        Err(_) => (String::new(), clean(&url, MAX_LOGGED_HEADER_CHARS)),
    };
    let headers = r
        .headers
        .iter()
        .filter_map(|(k, v)| {
            let k = k.to_ascii_lowercase();
            DIAGNOSTIC_HEADERS
                .contains(&k.as_str())
                .then(|| (k, clean(v, MAX_LOGGED_HEADER_CHARS)))
        })
        .collect();
    // The scheme's name only: the first word, and only a name we know.
    let auth = match r.auth.split_whitespace().next().unwrap_or("") {
        a if a.eq_ignore_ascii_case("basic") => "Basic",
        a if a.eq_ignore_ascii_case("bearer") => "Bearer",
        a if a.eq_ignore_ascii_case("session") => "Session",
        _ => "None",
    };
    ReportRequest {
        id: clean(&r.id, 64),
        method: r.method,
        origin,
        path,
        auth: auth.to_string(),
        status: r.status,
        outcome: match r.outcome.as_str() {
            o @ ("response" | "redirect" | "timeout" | "unreachable") => o.to_string(),
            _ => "response".to_string(),
        },
        ms: r.ms,
        headers,
        detail: r
            .detail
            .as_deref()
            .map(|d| clean(d, MAX_LOGGED_HEADER_CHARS)),
    }
}

/// Caller text without control characters, at most `max` characters.
fn clean(s: &str, max: usize) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(max)
        .collect()
}

const REACHABLE: L10n = l("Jira answered", "Jira ответила");
const NOT_REACHABLE: L10n = l("Jira did not answer", "Jira не ответила");
const IS_JIRA: L10n = l("It is Jira: {summary}", "Это Jira: {summary}");
const NOT_JIRA: L10n = l("Not Jira: {summary}", "Не Jira: {summary}");
const AUTHENTICATED: L10n = l("Authenticated as {who}", "Вход выполнен как {who}");
const NOT_AUTHENTICATED: L10n = l("Not authenticated", "Вход не выполнен");
const SENT_AS: L10n = l(
    "Sent as {scheme} — {method}",
    "Отправлено как {scheme} — {method}",
);
const SENT_AS_SCHEME: L10n = l("Sent as {scheme}", "Отправлено как {scheme}");
const NOT_SENT: L10n = l("No credential was accepted", "Учётные данные не приняты");
const PERMISSIONS_OK: L10n = l("Permissions: {keys}", "Права: {keys}");
const PERMISSIONS_MISSING: L10n = l("Missing permissions: {names}", "Не хватает прав: {names}");
const PERMISSIONS_UNKNOWN: L10n = l(
    "Not reported by this Jira: {keys}",
    "Эта Jira не сообщила: {keys}",
);
const PERMISSIONS_NOT_CHECKED: L10n = l("Permissions not checked", "Права не проверены");
const IN_PROJECT: L10n = l("{text} (project {project})", "{text} (проект {project})");
const RECOMMENDED: L10n = l("Recommended: {method}", "Рекомендуется: {method}");

/// Bilingual name of an auth method.
pub fn method_label(m: AuthMethod) -> L10n {
    match m {
        AuthMethod::ApiToken => l(
            "API token: e-mail + token (Basic auth)",
            "API-токен: e-mail + токен (Basic-аутентификация)",
        ),
        AuthMethod::Pat => l(
            "Personal access token (Bearer)",
            "Персональный токен доступа (Bearer)",
        ),
        AuthMethod::Basic => l(
            "Username + password (Basic auth)",
            "Логин + пароль (Basic-аутентификация)",
        ),
    }
}

fn item(id: &str, state: ItemState, text: Text) -> CheckItem {
    CheckItem {
        id: id.to_string(),
        state,
        text,
    }
}

fn ok_or_fail(good: bool) -> ItemState {
    if good {
        ItemState::Ok
    } else {
        ItemState::Fail
    }
}

/// Fills `{name}` in both languages with language-specific values.
fn fill2(s: L10n, name: &str, en: &str, ru: &str) -> Text {
    let pat = format!("{{{name}}}");
    Text::new(s.en.replace(&pat, en), s.ru.replace(&pat, ru))
}

fn answered(requests: &[RequestLog]) -> bool {
    requests
        .iter()
        .any(|r| matches!(r.outcome.as_str(), "response" | "redirect"))
}

/// The token test's checklist: reachable, authenticated, how it was sent, permissions — the
/// same lines, marks and words as the popup's checklist (`extension/popup.js`).
fn check_checklist(r: &CheckResult) -> Vec<CheckItem> {
    let code = r.verdict.code;
    let mut items = Vec::new();
    let reachable =
        !matches!(code, Code::Unreachable | Code::Timeout | Code::NotJira) && answered(&r.requests);
    items.push(item(
        "reachable",
        ok_or_fail(reachable),
        if reachable { REACHABLE } else { NOT_REACHABLE }.text(),
    ));
    let who = r.user.as_ref().map(JiraUser::label);
    items.push(match &who {
        Some(w) => item(
            "authenticated",
            ItemState::Ok,
            AUTHENTICATED.fill(&[("who", w)]),
        ),
        None => item("authenticated", ItemState::Fail, NOT_AUTHENTICATED.text()),
    });
    items.push(match (r.scheme, r.auth_method) {
        (Some(scheme), method) => {
            let scheme = match scheme {
                Scheme::Basic => "Basic",
                Scheme::Bearer => "Bearer",
            };
            let text = match method {
                Some(m) => {
                    let label = method_label(m);
                    let sent = SENT_AS.fill(&[("scheme", scheme)]);
                    Text::new(
                        sent.en.replace("{method}", label.en),
                        sent.ru.replace("{method}", label.ru),
                    )
                }
                None => SENT_AS_SCHEME.fill(&[("scheme", scheme)]),
            };
            item("method", ok_or_fail(who.is_some()), text)
        }
        (None, _) => item("method", ItemState::Fail, NOT_SENT.text()),
    });
    match &r.permissions {
        None => items.push(item(
            "permissions",
            ItemState::Fail,
            PERMISSIONS_NOT_CHECKED.text(),
        )),
        Some(p) => {
            let in_project = |t: Text| match &p.project {
                Some(project) => Text::new(
                    IN_PROJECT.fill(&[("text", &t.en), ("project", project)]).en,
                    IN_PROJECT.fill(&[("text", &t.ru), ("project", project)]).ru,
                ),
                None => t,
            };
            if !p.missing.is_empty() {
                let names: Vec<String> = p
                    .missing
                    .iter()
                    .map(|m| format!("{} ({})", m.name, m.key))
                    .collect();
                let text = PERMISSIONS_MISSING.fill(&[("names", &names.join(", "))]);
                items.push(item("permissions", ItemState::Fail, in_project(text)));
            } else if !p.checked.is_empty() {
                let text = PERMISSIONS_OK.fill(&[("keys", &p.checked.join(", "))]);
                items.push(item("permissions", ItemState::Ok, in_project(text)));
            } else {
                items.push(item(
                    "permissions",
                    ItemState::Fail,
                    PERMISSIONS_NOT_CHECKED.text(),
                ));
            }
            if !p.unknown.is_empty() {
                items.push(item(
                    "permissions_unknown",
                    ItemState::Info,
                    PERMISSIONS_UNKNOWN.fill(&[("keys", &p.unknown.join(", "))]),
                ));
            }
        }
    }
    items
}

/// A detection's checklist: did the site answer, is it Jira, which method to use.
fn detection_checklist(d: &Detection) -> Vec<CheckItem> {
    let dep = &d.deployment;
    let reachable = answered(&d.requests);
    let mut items = vec![item(
        "reachable",
        ok_or_fail(reachable),
        if reachable { REACHABLE } else { NOT_REACHABLE }.text(),
    )];
    let jira = dep.product == Product::Jira;
    let s = if jira { IS_JIRA } else { NOT_JIRA };
    items.push(item(
        "jira",
        ok_or_fail(jira),
        fill2(s, "summary", &dep.summary.en, &dep.summary.ru),
    ));
    if let Some(plan) = &d.auth_plan {
        let label = method_label(plan.method);
        items.push(item(
            "method",
            ItemState::Info,
            fill2(RECOMMENDED, "method", label.en, label.ru),
        ));
    }
    items
}

/// `unix_secs` as RFC 3339 UTC (`1970-01-01T00:00:00Z`), for callers that have a clock but no
/// date library (the CLI). Civil-from-days after H. Hinnant's public-domain algorithm.
pub fn rfc3339_utc(unix_secs: u64) -> String {
    let days = i64::try_from(unix_secs / 86_400).unwrap_or(0);
    let rem = unix_secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_known_dates() {
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339_utc(1_704_067_200), "2024-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(1_738_315_800), "2025-01-31T09:30:00Z");
        assert_eq!(rfc3339_utc(4_102_444_799), "2099-12-31T23:59:59Z");
    }

    #[test]
    fn requests_keep_only_diagnostic_headers() {
        let mut headers = BTreeMap::new();
        for k in [
            "Authorization",
            "set-cookie",
            "cookie",
            "x-secret",
            "X-AUSERNAME",
        ] {
            headers.insert(k.to_string(), "v".to_string());
        }
        let log = RequestLog {
            id: "myself".into(),
            method: Method::Get,
            url: "https://ann:pw@h.example/jira/rest/api/2/myself?x=1".into(),
            auth: "Bearer abc.def".into(),
            status: Some(401),
            outcome: "response".into(),
            ms: 5,
            headers,
            detail: None,
        };
        let r = request(&log);
        assert_eq!(r.headers.keys().collect::<Vec<_>>(), ["x-ausername"]);
        assert_eq!(r.auth, "Bearer");
        assert_eq!(r.origin, "https://h.example");
        assert_eq!(r.path, "/jira/rest/api/2/myself?x=1");
    }
}
