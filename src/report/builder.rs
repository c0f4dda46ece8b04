//! Building a [`Report`] from a token test's [`CheckResult`] or a [`Detection`]
//! ([`Subject`]) and the caller's [`Meta`]: which facts of the subject go in, caller text
//! cleaned and capped, every request re-filtered by [`super::redact`], the checklist from
//! [`super::checklist`]. Nothing is trusted: the subject may have come back through JavaScript.
//!
//! [`CheckResult`]: crate::probe::CheckResult
//! [`Detection`]: crate::detect::Detection

use super::checklist::{check_checklist, detection_checklist};
use super::model::{Meta, Report, ReportKind, Subject, Tried, Versions, SCHEMA};
use super::redact::{clean, request};

/// Longest caller-supplied meta text kept (browser/OS string, version, time), in characters.
pub const MAX_META_CHARS: usize = 300;

/// Longest login kept, in characters.
const MAX_LOGIN_CHARS: usize = 256;

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
        answered_by: None,
        checklist: Vec::new(),
        steps: Vec::new(),
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
            report.answered_by = Some(result.answered_by);
            report.user = result.user.clone();
            report.permissions = result.permissions.clone();
            report.checklist = check_checklist(result);
            report.steps = result
                .auth_plan
                .as_ref()
                .map(|p| p.steps.clone())
                .unwrap_or_default();
        }
        Subject::Detection(d) => report.checklist = detection_checklist(d),
    }
    report
}
