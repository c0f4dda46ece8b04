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
use jira_token_wizard::detect::{DetectFlow, DetectOptions, Detection};
use jira_token_wizard::probe::{AuthChoice, Redactor, Secret};
use jira_token_wizard::probe::{CheckError, CheckInput, CheckResult, ProbeFlow};
use jira_token_wizard::report::{self, Subject};
use jira_token_wizard::targets::Target;

/// Bytes of key material drawn for Issue Sync: 32 (the core's minimum; 64 hex characters).
const KEY_MATERIAL_BYTES: usize = 32;

/// One credential to test: what `check` reads from its options and `fleet` from its file.
pub struct Connection {
    pub url: String,
    pub login: String,
    pub secret: Secret,
    pub auth: AuthChoice,
    pub target: Target,
    pub project: Option<String>,
    pub gateway: Option<String>,
    pub timeout_ms: u32,
    /// RFC 3339: expiry is judged as of this time.
    pub now: String,
    /// The expiry date noted for the token (`--expires-on`).
    pub expires_on: Option<String>,
    /// Endpoints the integration calls besides its profile's (`--calls`).
    pub calls: Vec<String>,
}

/// Why a connection could not be tested at all (no request sent for the test).
#[derive(Debug)]
pub enum TestError {
    /// The URL is not one detection can start from.
    Url(String),
    /// The core refused the input (e.g. a login is needed).
    Input(CheckError),
    /// The OS random generator failed (Issue Sync's key material).
    Random(getrandom::Error),
}

/// Detects the deployment and tests the credential over `transport`: the whole token test,
/// without printing. `check` and every `fleet` row go through here, so both give one verdict.
pub fn test(transport: &Transport, c: Connection) -> Result<CheckResult, TestError> {
    let detection = detect(transport, &c.url, c.timeout_ms).map_err(TestError::Url)?;
    test_detected(transport, detection, c)
}

/// Detection of `url`, as `detect` does it (anonymous: it depends on no credential); `Err`
/// when the URL is not one detection can start from.
pub fn detect(transport: &Transport, url: &str, timeout_ms: u32) -> Result<Detection, String> {
    let opts = DetectOptions {
        allow_fetch: true,
        fetch_page: true,
        timeout_ms,
        granted_patterns: None,
        page_only: false,
    };
    let flow = DetectFlow::for_url(url, opts).map_err(|e| e.to_string())?;
    Ok(detect_with(transport, flow).detection)
}

/// The token test of a credential on an already detected deployment.
pub fn test_detected(
    transport: &Transport,
    detection: Detection,
    c: Connection,
) -> Result<CheckResult, TestError> {
    let key_material = key_material(c.target).map_err(TestError::Random)?;
    let input = CheckInput {
        login: c.login,
        secret: c.secret,
        auth: c.auth,
        // The target's profile names the permissions; the CLI adds none of its own.
        required_permissions: Vec::new(),
        project: c.project,
        gateway: c.gateway,
        timeout_ms: c.timeout_ms,
        target: c.target,
        key_material,
        now: Some(c.now),
        calls: c.calls,
        expires_on: c.expires_on,
    };
    let probe = ProbeFlow::new(input, detection).map_err(TestError::Input)?;
    Ok(transport.run_flow(probe))
}

/// Runs `check` and prints the result; returns the exit code.
pub fn run(args: &CheckArgs) -> i32 {
    let secret = match secret::read(args.token_stdin) {
        Ok(s) => s,
        Err(e) => return super::usage_error(e.0),
    };
    let login = args.user.clone().unwrap_or_default();
    let tried_login = login.clone();
    let redactor = Redactor::new(&secret, &login);
    let transport = match Transport::with_ca_cert(args.common.ca_cert.as_deref()) {
        Ok(t) => t,
        Err(e) => return super::usage_error(&e),
    };
    let connection = Connection {
        url: args.url.clone(),
        login,
        secret,
        auth: args.auth,
        target: args.target,
        project: args.project.clone(),
        gateway: args.gateway.clone(),
        timeout_ms: args.common.timeout_ms,
        now: args
            .now
            .clone()
            .unwrap_or_else(|| report::rfc3339_utc(super::report_file::now_secs())),
        expires_on: args.expires_on.clone(),
        calls: args.calls.clone(),
    };
    let result = match test(&transport, connection) {
        Ok(r) => r,
        Err(TestError::Url(e)) => return super::usage_error(&e),
        Err(TestError::Input(e)) => return super::usage_error(&redactor.apply(&check_error(&e))),
        Err(TestError::Random(e)) => {
            output::err_line(&format!(
                "jira-token-wizard: cannot read the operating system's random generator: {e}"
            ));
            return 1;
        }
    };
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
