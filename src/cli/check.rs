//! `check <URL>`: tests a credential. Runs detection exactly like `detect` (one round trip
//! normally), then the core's [`ProbeFlow`] over the same transport, and prints the core's
//! [`CheckResult`] — a checklist for people, the result itself as JSON for programs.
//!
//! The secret comes from [`secret::read`] and goes straight into the core's [`Secret`], which
//! never prints; everything written out passes a [`Redactor`] as a last line of defence.
//!
//! Exit status: 0 the verdict is `ok`; 1 any other verdict (including `unreachable`,
//! `timeout` and `not_jira`); 2 a usage error (no secret, no login where one is needed).

use super::args::{CheckArgs, Format};
use super::check_output;
use super::detect::detect_with;
use super::output;
use super::secret::{self, Redactor};
use super::transport::Transport;
use jira_token_wizard::detect::{DetectFlow, DetectOptions};
use jira_token_wizard::probe::{CheckError, CheckInput, CheckResult, ProbeFlow};

/// Runs `check` and prints the result; returns the exit code.
pub fn run(args: &CheckArgs) -> i32 {
    let secret = match secret::read(args.token_stdin) {
        Ok(s) => s,
        Err(e) => return super::usage_error(e.0),
    };
    let login = args.user.clone().unwrap_or_default();
    let redactor = Redactor::new(&secret, &login);
    let opts = DetectOptions {
        allow_fetch: true,
        fetch_page: true,
        timeout_ms: args.common.timeout_ms,
    };
    let detect_flow = match DetectFlow::for_url(&args.url, opts) {
        Ok(f) => f,
        Err(e) => return super::usage_error(&e.to_string()),
    };
    let transport = Transport::new();
    let detection = detect_with(&transport, detect_flow).detection;
    let input = CheckInput {
        login,
        secret,
        auth: args.auth,
        required_permissions: args.target.required_permissions(),
        project: args.project.clone(),
        gateway: Some(args.gateway.clone()),
        timeout_ms: args.common.timeout_ms,
        target: Default::default(),
        key_material: None,
    };
    let probe = match ProbeFlow::new(input, detection) {
        Ok(p) => p,
        Err(e) => return super::usage_error(&redactor.apply(&check_error(&e))),
    };
    let result = transport.run_flow(probe);
    let text = match args.common.format {
        Format::Json => check_output::json(&result) + "\n",
        Format::Text => check_output::text(&result, &args.url, args.common.lang),
    };
    output::out(&redactor.apply(&text));
    exit_code(&result)
}

/// A [`CheckError`] with the option that fixes it.
fn check_error(e: &CheckError) -> String {
    match e {
        CheckError::LoginRequired(_) => format!("{e}; pass it with --user"),
        _ => e.to_string(),
    }
}

fn exit_code(r: &CheckResult) -> i32 {
    if r.verdict.ok {
        0
    } else {
        1
    }
}
