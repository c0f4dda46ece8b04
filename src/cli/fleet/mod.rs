//! `fleet FILE`: tests every connection of a TOML file (the format: [`config`]) with bounded
//! parallelism and prints one row each — a table for people, JSON in the file's order for
//! programs ([`render`]); progress on stderr ([`progress`]).
//!
//! Each connection goes through `check`'s own path ([`check::detect`], then
//! [`check::test_detected`]), so a row and a `check` of the same connection give the same
//! verdict; connections to one URL share its detection, made once (anonymous, it depends on no
//! credential). `--parallel N` scoped threads take the connections in turn; each test sends its
//! batches as `check` does (a thread per request of a batch), over one shared transport.
//!
//! Secrets: each `secret_env` is read once, before any request, then removed from the
//! process's environment; a secret goes only into the core's `Secret`, and everything printed
//! passes every connection's [`Redactor`].
//!
//! Exit status: 0 every connection works (and none expires within `--expiring-within`), 1 any
//! does not or could not be tested, 2 a usage error (the file unreadable, not TOML, without a
//! connection, with a name twice).

mod config;
mod progress;
mod render;

use super::args::{FleetArgs, Format};
use super::check::{self, Connection, TestError};
use super::output;
use super::report_file;
use super::transport::Transport;
use config::{Entry, Slot};
use jira_token_wizard::auth_plan::CLOUD_GATEWAY;
use jira_token_wizard::detect::Detection;
use jira_token_wizard::probe::{CheckError, CheckResult, Redactor, Secret};
use jira_token_wizard::{report, time};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Largest connection file read, in bytes.
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// What became of one connection.
pub enum Outcome {
    /// Not tested: the entry, its variable or its input is wrong (the message names it).
    Error(String),
    /// Tested: the core's result.
    Tested(Box<CheckResult>),
}

/// One row: the connection's name and outcome, and whether it passes.
pub struct Row {
    pub name: String,
    pub url: Option<String>,
    pub outcome: Outcome,
    pub status: Status,
}

/// A row's overall state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    /// Works, but its token expires within `--expiring-within` days.
    Expiring,
    /// Tested; the verdict is not `ok`.
    Failed,
    /// Not tested.
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Expiring => "expiring",
            Status::Failed => "failed",
            Status::Error => "error",
        }
    }
}

/// Runs `fleet` and prints the table or JSON; returns the exit code.
pub fn run(args: &FleetArgs) -> i32 {
    let shown = args.file.display().to_string();
    let text = match read_file(&args.file) {
        Ok(t) => t,
        Err(e) => return super::usage_error(&format!("{shown}: {e}")),
    };
    let slots = match config::read(&text) {
        Ok(s) => s,
        Err(e) => return super::usage_error(&format!("{shown}: {e}")),
    };
    let now = args
        .now
        .clone()
        .unwrap_or_else(|| report::rfc3339_utc(report_file::now_secs()));
    if time::parse_rfc3339(&now).is_none() {
        return super::usage_error(&CheckError::InvalidNow.to_string());
    }
    let transport = match Transport::with_ca_cert(args.common.ca_cert.as_deref()) {
        Ok(t) => t,
        Err(e) => return super::usage_error(&e),
    };
    let secrets = read_secrets(&slots);
    let redactors: Vec<Redactor> = slots
        .iter()
        .filter_map(|s| {
            let e = s.entry.as_ref().ok()?;
            let secret = secrets.get(&e.secret_env)?.as_ref().ok()?;
            Some(Redactor::new(secret, &e.login))
        })
        .collect();
    let redact = |text: &str| redactors.iter().fold(text.to_string(), |t, r| r.apply(&t));
    let rows = test_all(args, &transport, slots, &secrets, &now, &redact);
    let out = match args.common.format {
        Format::Json => render::json(&rows) + "\n",
        Format::Text => render::text(&rows, &shown, args.common.lang),
    };
    output::out(&redact(&out));
    if rows.iter().all(|r| r.status == Status::Ok) {
        0
    } else {
        1
    }
}

fn read_file(path: &std::path::Path) -> Result<String, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut text = String::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| e.to_string())?;
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(format!("larger than {} MiB", MAX_FILE_BYTES >> 20));
    }
    Ok(text)
}

/// Each named variable read once (before any thread starts), then removed from the
/// environment. `Err` says what is wrong with it, naming it only when it looks like a name.
fn read_secrets(slots: &[Slot]) -> BTreeMap<String, Result<Secret, String>> {
    let mut secrets = BTreeMap::new();
    for e in slots.iter().filter_map(|s| s.entry.as_ref().ok()) {
        if secrets.contains_key(&e.secret_env) {
            continue;
        }
        let var = if config::showable_variable(&e.secret_env) {
            format!("the environment variable {}", e.secret_env)
        } else {
            "the environment variable named in secret_env (name not shown: it is not in upper \
             case — is it the secret itself?)"
                .to_string()
        };
        let value = match std::env::var_os(&e.secret_env).map(|v| v.into_string()) {
            None => Err(format!("{var} is not set (secret_env)")),
            Some(Err(_)) => Err(format!("{var} is not valid UTF-8")),
            Some(Ok(s)) if s.trim().is_empty() => Err(format!("{var} is empty")),
            Some(Ok(s)) => Ok(Secret::new(s)),
        };
        std::env::remove_var(&e.secret_env);
        secrets.insert(e.secret_env.clone(), value);
    }
    secrets
}

/// Tests every connection, `args.parallel` at a time; rows in file order.
fn test_all(
    args: &FleetArgs,
    transport: &Transport,
    slots: Vec<Slot>,
    secrets: &BTreeMap<String, Result<Secret, String>>,
    now: &str,
    redact: &(dyn Fn(&str) -> String + Sync),
) -> Vec<Row> {
    let total = slots.len();
    let next = AtomicUsize::new(0);
    let rows: Vec<Mutex<Option<Row>>> = (0..total).map(|_| Mutex::new(None)).collect();
    let progress = progress::Progress::new(total);
    let workers = args.parallel.min(total).max(1);
    let detections = Detections::default();
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(slot) = slots.get(i) else { break };
                let row = test_one(args, transport, &detections, slot, secrets, now);
                progress.done(&redact(&progress::line(&row)));
                if let Ok(mut cell) = rows[i].lock() {
                    *cell = Some(row);
                }
            });
        }
    });
    progress.finish();
    rows.into_iter()
        .zip(slots)
        .map(|(cell, slot)| {
            cell.into_inner().ok().flatten().unwrap_or_else(|| Row {
                name: slot.name,
                url: None,
                outcome: Outcome::Error("internal error: the connection was not tested".into()),
                status: Status::Error,
            })
        })
        .collect()
}

/// One connection: `check`'s test when the entry and its secret are there.
fn test_one(
    args: &FleetArgs,
    transport: &Transport,
    detections: &Detections,
    slot: &Slot,
    secrets: &BTreeMap<String, Result<Secret, String>>,
    now: &str,
) -> Row {
    let error = |url: Option<String>, msg: String| Row {
        name: slot.name.clone(),
        url,
        outcome: Outcome::Error(msg),
        status: Status::Error,
    };
    let e: &Entry = match &slot.entry {
        Ok(e) => e,
        Err(msg) => return error(None, msg.clone()),
    };
    let url = Some(e.url.clone());
    let secret = match secrets.get(&e.secret_env) {
        Some(Ok(s)) => s.clone(),
        Some(Err(msg)) => return error(url, msg.clone()),
        None => return error(url, "internal error: secret not read".into()),
    };
    let connection = Connection {
        url: e.url.clone(),
        login: e.login.clone(),
        secret,
        auth: e.auth,
        target: e.target,
        project: None,
        gateway: Some(CLOUD_GATEWAY.to_string()),
        timeout_ms: args.common.timeout_ms,
        now: now.to_string(),
        expires_on: e.expires_on.clone(),
        calls: e.calls.clone(),
    };
    let tested = detections
        .get(transport, &e.url, args.common.timeout_ms)
        .and_then(|d| check::test_detected(transport, d, connection));
    let result = match tested {
        Ok(r) => r,
        Err(TestError::Url(m)) => return error(url, m),
        Err(TestError::Input(CheckError::LoginRequired(_))) => {
            return error(url, "a login is needed for this method: set login".into())
        }
        Err(TestError::Input(err)) => return error(url, err.to_string()),
        Err(TestError::Random(err)) => {
            return error(
                url,
                format!("the operating system's random generator failed: {err}"),
            )
        }
    };
    let status = status_of(&result, args.expiring_within);
    Row {
        name: slot.name.clone(),
        url,
        outcome: Outcome::Tested(Box::new(result)),
        status,
    }
}

/// Detections by URL, each made once per run: detection is anonymous, so connections to the
/// same address share it (the first to need it detects; the others wait for it). A helpdesk's
/// file often lists many integrations of one Jira: they cost that Jira one detection.
#[derive(Default)]
struct Detections(Mutex<BTreeMap<String, Arc<OnceDetection>>>);

/// One URL's detection, or why the URL could not be detected; made by the first to ask.
type OnceDetection = OnceLock<Result<Detection, String>>;

impl Detections {
    fn get(
        &self,
        transport: &Transport,
        url: &str,
        timeout_ms: u32,
    ) -> Result<Detection, TestError> {
        let cell = match self.0.lock() {
            Ok(mut map) => Arc::clone(map.entry(url.to_string()).or_default()),
            Err(_) => Arc::default(),
        };
        cell.get_or_init(|| check::detect(transport, url, timeout_ms))
            .clone()
            .map_err(TestError::Url)
    }
}

/// `ok`, unless the verdict is not, or the token expires within `expiring_within` days.
fn status_of(r: &CheckResult, expiring_within: Option<i64>) -> Status {
    if !r.verdict.ok {
        return Status::Failed;
    }
    let days = r.token_expiry.as_ref().and_then(|t| t.days_left);
    match (expiring_within, days) {
        (Some(limit), Some(d)) if d <= limit => Status::Expiring,
        _ => Status::Ok,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn each_variable_is_read_once_then_gone_and_errors_name_it_only_when_it_looks_like_a_name() {
        std::env::set_var("JTW_FLEET_TEST_SET", "s3cret-value-1");
        std::env::set_var("JTW_FLEET_TEST_EMPTY", "  ");
        std::env::set_var("MixedCaseToken123", "s3cret-value-2");
        std::env::remove_var("JTW_FLEET_TEST_UNSET");
        std::env::remove_var("MixedCaseUnset123");
        let file = ["JTW_FLEET_TEST_SET", "JTW_FLEET_TEST_SET", "JTW_FLEET_TEST_EMPTY"]
            .iter()
            .chain(&["JTW_FLEET_TEST_UNSET", "MixedCaseToken123", "MixedCaseUnset123"])
            .enumerate()
            .map(|(i, v)| {
                format!("[[connection]]\nname = \"c{i}\"\nurl = \"https://a.example\"\nsecret_env = \"{v}\"\n")
            })
            .collect::<String>();
        let secrets = read_secrets(&config::read(&file).unwrap());
        assert_eq!(secrets.len(), 5, "the variable named twice is read once");
        let set = secrets["JTW_FLEET_TEST_SET"].as_ref().unwrap();
        assert_eq!(set.trimmed(), "s3cret-value-1");
        assert_eq!(
            std::env::var_os("JTW_FLEET_TEST_SET"),
            None,
            "removed once read"
        );
        assert_eq!(
            secrets["JTW_FLEET_TEST_EMPTY"].as_ref().err().unwrap(),
            "the environment variable JTW_FLEET_TEST_EMPTY is empty"
        );
        assert_eq!(
            secrets["JTW_FLEET_TEST_UNSET"].as_ref().err().unwrap(),
            "the environment variable JTW_FLEET_TEST_UNSET is not set (secret_env)"
        );
        assert!(secrets["MixedCaseToken123"].is_ok());
        let hidden = secrets["MixedCaseUnset123"].as_ref().err().unwrap();
        assert!(
            hidden.contains("name not shown") && !hidden.contains("MixedCase"),
            "{hidden}"
        );
    }
}
