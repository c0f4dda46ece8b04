//! Rendering results for people (text, English or Russian) and for programs (JSON).
//!
//! JSON is the core's own serde form of [`Detection`] (camelCase keys, kebab-case enums,
//! warnings by stable `code`), not a second model. Everything printed comes from core result
//! types, which hold no secret by construction: a [`RequestLog`] keeps the auth *scheme*
//! only, never a header value or a body. `check` keeps to that rule; its checklist is in
//! `check_output.rs`.

use jira_token_wizard::auth_plan::AuthPlan;
use jira_token_wizard::deployment::{Deployment, Edition, Hosting};
use jira_token_wizard::detect::Detection;
use jira_token_wizard::http::{Exchange, RequestLog};
use jira_token_wizard::http::{LoggedAuth, Outcome};
use jira_token_wizard::i18n::{self, L10n, Lang};
use jira_token_wizard::labels;
use jira_token_wizard::report::method_label;
use serde_json::json;
use std::fmt::Write;
use std::io::Write as _;

/// Why nothing answered: the first request that got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoAnswer {
    pub url: String,
    pub exchange: Exchange,
    pub timeout_ms: u32,
}

/// Writes to stdout; a closed pipe (`… | head -1`) is not an error worth a panic.
pub fn out(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// Writes a line to stderr, ignoring a closed stream.
pub fn err_line(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

pub use jira_token_wizard::i18n::l;

pub use jira_token_wizard::labels::{
    BASE_URL, BUILD, CLOUD_ID, CLUSTER_NODE as NODE, CONTEXT_PATH, CONTEXT_ROOT as ROOT, FIX,
    HOSTING, LOGGED_IN_AS as USER, NOTES, REACHED, REQUESTS, VERSION, WARNINGS,
};
const CLOUD: L10n = l("Jira Cloud (Atlassian)", "Jira Cloud (Atlassian)");
const SELF_MANAGED: L10n = l(
    "self-managed (Server or Data Center)",
    "своя установка (Server или Data Center)",
);
const DATA_CENTER: L10n = l("self-managed, Data Center", "своя установка, Data Center");
const HOW: L10n = l("How to sign in", "Как входить");
const TOKEN_PAGE: L10n = l("Token page", "Страница токенов");
const ALSO: L10n = l("Also works", "Также подходит");
const NO_ANSWER_WITHIN: L10n = l(
    "jira-token-wizard: no answer from {url} within {secs} s",
    "jira-token-wizard: нет ответа от {url} за {secs} с",
);
const COULD_NOT_CONNECT: L10n = l(
    "jira-token-wizard: could not connect to {url}: {detail}",
    "jira-token-wizard: не удалось подключиться к {url}: {detail}",
);

/// The text of `s` in `lang`.
pub fn t(s: L10n, lang: Lang) -> &'static str {
    match lang {
        Lang::En => s.en,
        Lang::Ru => s.ru,
    }
}

/// `Detection` as pretty JSON (the core's serde form).
pub fn detection_json(d: &Detection) -> String {
    serde_json::to_string_pretty(d).unwrap_or_else(|e| {
        json!({ "error": { "code": "internal", "message": e.to_string() } }).to_string()
    })
}

/// JSON for a run where nothing answered: `{error: {code, url, message, detail}, requests}`.
pub fn no_answer_json(na: &NoAnswer, d: &Detection) -> String {
    let (code, detail) = match &na.exchange {
        Exchange::Timeout { .. } => ("timeout", None),
        Exchange::Unreachable { detail, .. } => ("unreachable", Some(detail.as_str())),
        Exchange::NotSent { detail, .. } => ("transport_failed", Some(detail.as_str())),
        Exchange::TlsUntrusted { detail, .. } => ("tls_untrusted", Some(detail.as_str())),
        Exchange::Response(_) => ("unreachable", None),
    };
    let v = json!({
        "error": {
            "code": code,
            "url": na.url,
            "message": no_answer_line(na, Lang::En),
            "detail": detail,
        },
        "requests": d.requests,
    });
    serde_json::to_string_pretty(&v).unwrap_or_default()
}

/// The one line printed on stderr when nothing answered.
pub fn no_answer_line(na: &NoAnswer, lang: Lang) -> String {
    let url = na.url.as_str();
    let text = match &na.exchange {
        Exchange::Unreachable { detail, .. } => {
            COULD_NOT_CONNECT.fill(&[("url", url), ("detail", detail)])
        }
        // The catalogue's words: its title and cause name the certificate or the refusal.
        ex @ (Exchange::NotSent { .. } | Exchange::TlsUntrusted { .. }) => {
            let (code, vars) = jira_token_wizard::probe::no_answer(url, ex, na.timeout_ms);
            let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let n = code.notice(&vars);
            return format!(
                "jira-token-wizard: {}: {}",
                n.title.get(lang),
                n.cause.get(lang)
            );
        }
        _ => NO_ANSWER_WITHIN.fill(&[("url", url), ("secs", &i18n::seconds(na.timeout_ms))]),
    };
    text.get(lang).to_string()
}

/// The human-readable report.
pub fn detection_text(d: &Detection, lang: Lang) -> String {
    let mut out = String::new();
    let dep = &d.deployment;
    let _ = writeln!(out, "{}\n", dep.summary.get(lang));
    if dep.is_jira() {
        facts(&mut out, dep, lang);
    }
    if let Some(plan) = &d.auth_plan {
        plan_text(&mut out, plan, lang);
    }
    if !d.warnings.is_empty() {
        let _ = writeln!(out, "{}:", t(WARNINGS, lang));
        for w in &d.warnings {
            let _ = writeln!(out, "  ! {} [{}]", w.title.get(lang), w.code.as_str());
            let _ = writeln!(out, "    {}", w.cause.get(lang));
            let _ = writeln!(out, "    {}: {}", t(FIX, lang), w.fix.get(lang));
        }
        out.push('\n');
    }
    if !d.requests.is_empty() {
        let _ = writeln!(out, "{}:", t(REQUESTS, lang));
        for r in &d.requests {
            let _ = writeln!(out, "  {}", request_line(r, lang));
        }
    }
    out
}

fn facts(out: &mut String, dep: &Deployment, lang: Lang) {
    let mut row = |label: L10n, value: &str| {
        let _ = writeln!(out, "  {:<18}{value}", format!("{}:", t(label, lang)));
    };
    let hosting = match (dep.hosting, dep.edition) {
        (Some(Hosting::Cloud), _) => Some(CLOUD),
        (_, Some(Edition::DataCenter)) => Some(DATA_CENTER),
        (Some(Hosting::SelfManaged), None) => Some(SELF_MANAGED),
        (None, None) => None,
    };
    if let Some(h) = hosting {
        row(HOSTING, t(h, lang));
    }
    if let Some(v) = &dep.version {
        row(VERSION, v);
    }
    if let Some(b) = dep.build_number {
        row(BUILD, &b.to_string());
    }
    if let Some(b) = &dep.base_url {
        row(BASE_URL, b);
    }
    match dep.context_path.as_deref() {
        Some("") => row(CONTEXT_PATH, t(ROOT, lang)),
        Some(c) => row(CONTEXT_PATH, c),
        None => {}
    }
    if let Some(r) = &dep.reached_base_url {
        if dep.base_url.as_ref() != Some(r) {
            row(REACHED, r);
        }
    }
    if let Some(n) = &dep.cluster_node {
        row(NODE, n);
    }
    if let Some(c) = &dep.cloud_id {
        row(CLOUD_ID, c);
    }
    if let Some(u) = &dep.user {
        let who = match (&u.name, &u.display_name, &u.account_id) {
            (Some(n), Some(dn), _) => format!("{n} ({dn})"),
            (Some(n), None, _) => n.clone(),
            (None, Some(dn), Some(id)) => format!("{dn} ({id})"),
            (None, _, Some(id)) => id.clone(),
            (None, dn, None) => dn.clone().unwrap_or_default(),
        };
        row(USER, &who);
    }
    out.push('\n');
}

/// The auth plan: method, token page, numbered steps, notes, alternatives (`detect`'s, and
/// `check`'s when the test re-planned it).
pub fn plan_text(out: &mut String, plan: &AuthPlan, lang: Lang) {
    let _ = writeln!(
        out,
        "{}: {}",
        t(HOW, lang),
        t(method_label(plan.method), lang)
    );
    if let Some(page) = &plan.token_page_url {
        let _ = writeln!(out, "  {}: {page}", t(TOKEN_PAGE, lang));
    }
    for (i, step) in plan.steps.iter().enumerate() {
        let _ = writeln!(out, "  {}. {}", i + 1, step.get(lang));
    }
    if !plan.notes.is_empty() {
        let _ = writeln!(out, "  {}:", t(NOTES, lang));
        for n in &plan.notes {
            let _ = writeln!(out, "  - {}", n.get(lang));
        }
    }
    if !plan.alternatives.is_empty() {
        let alts: Vec<&str> = plan
            .alternatives
            .iter()
            .map(|m| t(method_label(*m), lang))
            .collect();
        let _ = writeln!(out, "  {}: {}", t(ALSO, lang), alts.join("; "));
    }
    out.push('\n');
}

/// `GET https://h/rest/api/2/serverInfo → 200 (12 ms)`; a request that carried a credential
/// names its scheme: `GET https://h/rest/api/2/myself [Bearer] → 401 (9 ms)`.
pub fn request_line(r: &RequestLog, lang: Lang) -> String {
    let result = match (r.status, r.outcome) {
        (Some(s), Outcome::Redirect) => match r.headers.get("location") {
            Some(loc) => format!("{s} → {loc}"),
            None => s.to_string(),
        },
        (status, outcome) => labels::status(status, outcome, None).get(lang).to_string(),
    };
    let auth = match r.auth {
        LoggedAuth::None => String::new(),
        a => format!(" [{}]", a.as_str()),
    };
    format!(
        "{} {}{auth} → {result} ({} ms)",
        r.method.as_str(),
        r.url,
        r.ms
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn seconds_read_naturally() {
        assert_eq!(i18n::seconds(1000), "1");
        assert_eq!(i18n::seconds(2500), "2.5");
    }

    #[test]
    fn no_answer_lines() {
        let na = NoAnswer {
            url: "http://127.0.0.1:9/".into(),
            exchange: Exchange::Timeout { elapsed_ms: 1000 },
            timeout_ms: 1000,
        };
        assert_eq!(
            no_answer_line(&na, Lang::En),
            "jira-token-wizard: no answer from http://127.0.0.1:9/ within 1 s"
        );
        let na = NoAnswer {
            exchange: Exchange::Unreachable {
                elapsed_ms: 1,
                detail: "connection refused".into(),
            },
            ..na
        };
        assert!(no_answer_line(&na, Lang::Ru).contains("не удалось подключиться"));
    }
}
