//! `check <URL>`: tests a credential. Runs detection exactly like `detect` (one round trip
//! normally), then the core's [`ProbeFlow`] over the same transport, and prints the core's
//! [`CheckResult`] — a checklist for people, the result itself as JSON for programs.
//!
//! The secret comes from [`secret::read`] and goes straight into the core's [`Secret`], which
//! never prints; everything written out passes a [`Redactor`] as a last line of defence.
//!
//! `--for` picks the core's [`Target`]; for Issue Sync the key material comes from the OS
//! random generator (`getrandom`). Text output ends with the target's connection snippet,
//! secret masked, and the projects the account can browse.
//!
//! Exit status: 0 the verdict is `ok`; 1 any other verdict (including `unreachable`,
//! `timeout` and `not_jira`); 2 a usage error (no secret, no login where one is needed) or a
//! `--report` file that could not be written.

use super::args::{CheckArgs, Format};
use super::check_output;
use super::detect::detect_with;
use super::output;
use super::report_file;
use super::secret;
use super::transport::Transport;
use jira_token_wizard::detect::{DetectFlow, DetectOptions};
use jira_token_wizard::probe::Redactor;
use jira_token_wizard::probe::{CheckError, CheckInput, CheckResult, ProbeFlow};
use jira_token_wizard::report::{self, Subject};
use jira_token_wizard::targets::Target;

/// Bytes of key material drawn for Issue Sync: 32 (the core's minimum; 64 hex characters).
const KEY_MATERIAL_BYTES: usize = 32;

/// Runs `check` and prints the result; returns the exit code.
pub fn run(args: &CheckArgs) -> i32 {
    let secret = match secret::read(args.token_stdin) {
        Ok(s) => s,
        Err(e) => return super::usage_error(e.0),
    };
    let login = args.user.clone().unwrap_or_default();
    let tried_login = login.clone();
    let redactor = Redactor::new(&secret, &login);
    let opts = DetectOptions {
        allow_fetch: true,
        fetch_page: true,
        timeout_ms: args.common.timeout_ms,
        granted_origins: None,
        page_only: false,
    };
    let detect_flow = match DetectFlow::for_url(&args.url, opts) {
        Ok(f) => f,
        Err(e) => return super::usage_error(&e.to_string()),
    };
    let key_material = match key_material(args.target) {
        Ok(k) => k,
        Err(e) => {
            output::err_line(&format!(
                "jira-token-wizard: cannot read the operating system's random generator: {e}"
            ));
            return 1;
        }
    };
    let transport = match Transport::with_ca_cert(args.common.ca_cert.as_deref()) {
        Ok(t) => t,
        Err(e) => return super::usage_error(&e),
    };
    let detection = detect_with(&transport, detect_flow).detection;
    let input = CheckInput {
        login,
        secret,
        auth: args.auth,
        // The target's profile names the permissions; the CLI adds none of its own.
        required_permissions: Vec::new(),
        project: args.project.clone(),
        gateway: args.gateway.clone(),
        timeout_ms: args.common.timeout_ms,
        target: args.target,
        key_material,
        now: Some(
            args.now
                .clone()
                .unwrap_or_else(|| report::rfc3339_utc(super::report_file::now_secs())),
        ),
    };
    let probe = match ProbeFlow::new(input, detection) {
        Ok(p) => p,
        Err(e) => return super::usage_error(&redactor.apply(&check_error(&e))),
    };
    let result = transport.run_flow(probe);
    let text = match args.common.format {
        Format::Json => check_output::json(&result) + "\n",
        Format::Text => {
            check_output::text(&result, &args.url, args.common.lang, args.project.is_some())
        }
    };
    output::out(&redactor.apply(&text));
    if let Some(path) = &args.common.report {
        let subject = Subject::Check {
            result: &result,
            login: &tried_login,
        };
        if let Err(e) = report_file::write(path, subject, args.common.lang, Some(&redactor)) {
            output::err_line(&format!("jira-token-wizard: {}", redactor.apply(&e)));
            return 2;
        }
    }
    exit_code(&result)
}

/// Random bytes for the target's generated keys (Issue Sync's Local Authentication Key), from
/// the OS CSPRNG: the core has no randomness of its own. `None` for targets that need none.
fn key_material(target: Target) -> Result<Option<Vec<u8>>, getrandom::Error> {
    if target != Target::IssueSync {
        return Ok(None);
    }
    let mut bytes = vec![0u8; KEY_MATERIAL_BYTES];
    getrandom::getrandom(&mut bytes)?;
    Ok(Some(bytes))
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
