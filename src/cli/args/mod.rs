//! Command-line parsing: a small hand-written parser (no framework — three commands do not
//! justify a dependency) that turns `argv` into a [`Command`] or a [`UsageError`].
//!
//! Shape: `jira-token-wizard <command> <URL> [options]`. Options take their value as the next
//! argument or after `=` (`--timeout 5`, `--timeout=5`) and may come before or after the URL.
//! Options shared by every network command ([`Common`]) are parsed in one place, so `check`
//! adds only its own (`--user`, `--auth`, `--for`, `--project`, `--gateway`, `--no-gateway`,
//! `--token-stdin`).
//!
//! Secrets are never accepted on the command line: argv is visible to every process on the
//! machine (`ps`), so `--token`/`--password` are refused with a pointer to `JIRA_TOKEN` /
//! `--token-stdin`, and a URL with `user:password@` is refused too. Error messages never echo
//! a value that could be a secret: stray positional arguments and bad option values of `check`
//! are named, not shown.

use jira_token_wizard::http::DEFAULT_TIMEOUT_MS;
use jira_token_wizard::i18n::Lang;
use jira_token_wizard::probe::{limits, AuthChoice};
use jira_token_wizard::targets::Target;
use jira_token_wizard::urls::{HttpUrl, Refused};
use std::ffi::OsString;

/// What to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// `--help`, or `<command> --help` (`Some(command)`).
    Help(Option<&'static str>),
    /// `--version`.
    Version,
    /// `detect <URL>`.
    Detect(DetectArgs),
    /// `check <URL> --user …`.
    Check(CheckArgs),
    /// `fleet FILE`: many connections from a TOML file.
    Fleet(FleetArgs),
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// Options every network command takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Common {
    pub format: Format,
    /// Per-request timeout, in milliseconds.
    pub timeout_ms: u32,
    pub lang: Lang,
    /// `--report FILE`: also write a redacted diagnostic report there (Markdown when FILE ends
    /// in `.md`, else JSON).
    pub report: Option<std::path::PathBuf>,
    /// `--ca-cert FILE`: PEM certificates trusted besides the OS trust store (a company CA).
    pub ca_cert: Option<std::path::PathBuf>,
}

/// `detect <URL>`.
#[derive(Debug, Clone, PartialEq)]
pub struct DetectArgs {
    pub url: String,
    pub common: Common,
}

/// `check <URL>`: test a credential. The secret itself is not here: it comes from the
/// environment or stdin when the command runs (see `secret.rs`).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckArgs {
    pub url: String,
    /// `--user`: e-mail (Cloud) or username (Server/DC); `None` is fine for a PAT.
    pub user: Option<String>,
    pub auth: AuthChoice,
    /// `--for`: the integration the credential is for; its profile decides the permissions
    /// checked and, for ELMA365 and AvePoint, the method sent.
    pub target: Target,
    /// `--project KEY`: check project permissions in this project.
    pub project: Option<String>,
    /// `--gateway`: Atlassian's gateway base for scoped Cloud tokens (default
    /// `https://api.atlassian.com`); `None` with `--no-gateway`: the credential is sent to the
    /// site only, and a Cloud API token the site refuses gets the site's verdict.
    pub gateway: Option<String>,
    /// `--token-stdin`: read the secret from the first line of stdin instead of `JIRA_TOKEN`.
    pub token_stdin: bool,
    /// `--now TIME`: judge token expiry as of this RFC 3339 time instead of the system clock
    /// (reproducible reports; the core validates it).
    pub now: Option<String>,
    /// `--expires-on YYYY-MM-DD`: the expiry date noted for this token; a Cloud refusal on or
    /// after it is `token_expired` (the core validates it).
    pub expires_on: Option<String>,
    /// `--calls ID,…`: endpoints the integration is known to call (`targets::ENDPOINTS` ids),
    /// asked beside the permission check; a removed one is `endpoint_removed`.
    pub calls: Vec<String>,
    pub common: Common,
}

/// A usage error: printed on stderr, exit code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Shortest and longest `--timeout`, in seconds: the core's bounds.
const MIN_TIMEOUT_SECS: f64 = limits::MIN_TIMEOUT_MS as f64 / 1000.0;
pub const MAX_TIMEOUT_SECS: f64 = limits::MAX_TIMEOUT_MS as f64 / 1000.0;

fn usage(msg: impl Into<String>) -> UsageError {
    UsageError(msg.into())
}

/// One lexed argument.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    /// `--name` or `--name=value`.
    Long(String, Option<String>),
    /// `-h`, `-V`.
    Short(char),
    /// Anything else (a positional value).
    Value(String),
}

fn lex(args: Vec<OsString>) -> Result<Vec<Arg>, UsageError> {
    let mut out = Vec::new();
    let mut only_values = false;
    for a in args {
        let s = a
            .into_string()
            .map_err(|_| usage("arguments must be valid UTF-8"))?;
        if only_values {
            out.push(Arg::Value(s));
        } else if s == "--" {
            only_values = true;
        } else if let Some(long) = s.strip_prefix("--") {
            match long.split_once('=') {
                Some((n, v)) => out.push(Arg::Long(n.to_string(), Some(v.to_string()))),
                None => out.push(Arg::Long(long.to_string(), None)),
            }
        } else if s.len() == 2 && s.starts_with('-') && s != "--" {
            out.push(Arg::Short(s.chars().nth(1).unwrap_or('-')));
        } else {
            out.push(Arg::Value(s));
        }
    }
    Ok(out)
}

/// Pulls option values off the argument list.
struct Cursor {
    args: std::vec::IntoIter<Arg>,
}

impl Cursor {
    /// The value of `--name`: inline (`--name=v`) or the next argument.
    fn value(&mut self, name: &str, inline: Option<String>) -> Result<String, UsageError> {
        if let Some(v) = inline {
            return Ok(v);
        }
        match self.args.next() {
            Some(Arg::Value(v)) => Ok(v),
            _ => Err(usage(format!("--{name} needs a value"))),
        }
    }
}

/// Parses `argv` without the program name.
pub fn parse(args: Vec<OsString>) -> Result<Command, UsageError> {
    let mut cur = Cursor {
        args: lex(args)?.into_iter(),
    };
    let cmd = match cur.args.next() {
        None => return Err(usage("no command given")),
        Some(Arg::Long(n, _)) if n == "help" => return Ok(Command::Help(None)),
        Some(Arg::Short('h')) => return Ok(Command::Help(None)),
        Some(Arg::Long(n, _)) if n == "version" => return Ok(Command::Version),
        Some(Arg::Short('V')) => return Ok(Command::Version),
        Some(Arg::Value(v)) if v == "help" => {
            return Ok(Command::Help(match cur.args.next() {
                Some(Arg::Value(c)) => Some(command_name(&c)?),
                _ => None,
            }))
        }
        Some(Arg::Value(v)) => command_name(&v)?,
        Some(other) => return Err(usage(format!("expected a command, got {}", show(&other)))),
    };
    match cmd {
        "detect" => parse_detect(cur),
        "check" => parse_check(cur),
        "fleet" => parse_fleet(cur),
        _ => Err(usage(format!("unknown command: {cmd}"))),
    }
}

fn command_name(s: &str) -> Result<&'static str, UsageError> {
    match s {
        "detect" => Ok("detect"),
        "check" => Ok("check"),
        "fleet" => Ok("fleet"),
        other => Err(usage(format!("unknown command: {other}"))),
    }
}

fn show(a: &Arg) -> String {
    match a {
        Arg::Long(n, _) => format!("--{n}"),
        Arg::Short(c) => format!("-{c}"),
        Arg::Value(v) => v.clone(),
    }
}

/// Partly parsed common options (defaults filled by [`CommonBuilder::build`]).
#[derive(Default)]
struct CommonBuilder {
    format: Option<Format>,
    timeout_ms: Option<u32>,
    lang: Option<Lang>,
    report: Option<std::path::PathBuf>,
    ca_cert: Option<std::path::PathBuf>,
}

impl CommonBuilder {
    /// Takes `--name` when it is a common option; `Ok(false)` when it is not one.
    fn take(
        &mut self,
        cur: &mut Cursor,
        name: &str,
        inline: Option<String>,
    ) -> Result<bool, UsageError> {
        match name {
            "format" => {
                self.format = Some(match cur.value(name, inline)?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => {
                        return Err(usage(format!(
                            "--format must be text or json, not {other:?}"
                        )))
                    }
                })
            }
            "timeout" => self.timeout_ms = Some(parse_timeout(&cur.value(name, inline)?)?),
            "lang" => {
                self.lang = Some(match cur.value(name, inline)?.as_str() {
                    "en" => Lang::En,
                    "ru" => Lang::Ru,
                    other => return Err(usage(format!("--lang must be en or ru, not {other:?}"))),
                })
            }
            "report" => {
                let file = cur.value(name, inline)?;
                if file.trim().is_empty() {
                    return Err(usage(
                        "--report needs a file name (e.g. report.md or report.json)",
                    ));
                }
                self.report = Some(file.into());
            }
            "ca-cert" => {
                let file = cur.value(name, inline)?;
                if file.trim().is_empty() {
                    return Err(usage("--ca-cert needs a PEM file name"));
                }
                self.ca_cert = Some(file.into());
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn build(self) -> Common {
        Common {
            format: self.format.unwrap_or(Format::Text),
            timeout_ms: self.timeout_ms.unwrap_or(DEFAULT_TIMEOUT_MS),
            lang: self.lang.unwrap_or_else(lang_from_env),
            report: self.report,
            ca_cert: self.ca_cert,
        }
    }
}

/// `--timeout SECS`: seconds (fractions allowed) within the core's bounds.
fn parse_timeout(s: &str) -> Result<u32, UsageError> {
    let secs: f64 = s
        .trim()
        .parse()
        .map_err(|_| usage(format!("--timeout needs a number of seconds, not {s:?}")))?;
    if !(MIN_TIMEOUT_SECS..=MAX_TIMEOUT_SECS).contains(&secs) {
        return Err(usage(format!(
            "--timeout must be {MIN_TIMEOUT_SECS} to {MAX_TIMEOUT_SECS} seconds"
        )));
    }
    Ok((secs * 1000.0).round() as u32)
}

/// The language from `LC_ALL`, `LC_MESSAGES`, then `LANG` (POSIX order); English otherwise.
pub fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .map(|v| Lang::from_tag(&v))
        .unwrap_or_default()
}

/// An option no command takes; secrets get a pointer to the safe ways in.
fn unknown_option(name: &str) -> UsageError {
    match name {
        "token" | "password" | "pat" | "api-token" => usage(format!(
            "--{name} is not accepted: a secret on the command line is visible to every process \
             on this machine; set JIRA_TOKEN or pass --token-stdin"
        )),
        _ => usage(format!("unknown option --{name}")),
    }
}

/// Checks the URL argument: http(s), a host, no credentials in it.
fn check_url(url: &str) -> Result<String, UsageError> {
    check_url_of("", url)
}

/// Checks an http(s) URL; `what` prefixes the message (e.g. `"--gateway: "`). The value is echoed only when it
/// looks like a URL and cannot hold `user:password@`: a secret pasted in the wrong place is
/// not a URL, and must not end up in an error message.
fn check_url_of(what: &str, url: &str) -> Result<String, UsageError> {
    let lower = url.trim().to_ascii_lowercase();
    let shown = if url.contains('@') {
        "(not shown: it contains '@')".to_string()
    } else if lower.starts_with("http://") || lower.starts_with("https://") {
        format!("{url:?}")
    } else {
        "(not shown: it does not start with http:// or https://)".to_string()
    };
    // The core's URL policy (src/urls/): the WHATWG parser, then http(s) and no userinfo.
    match HttpUrl::parse(url) {
        Ok(_) => Ok(url.trim().to_string()),
        Err(Refused::Userinfo) => Err(usage(
            "the URL must not contain a user name or password; remove the part before '@'",
        )),
        Err(Refused::NotAUrl | Refused::NotHttp) => Err(usage(format!(
            "{what}not a valid http(s) URL: {shown} (example: https://jira.example.com)"
        ))),
    }
}

/// A second positional argument. Not echoed: it may be a secret typed on the command line.
fn extra_argument() -> UsageError {
    usage("unexpected extra argument after the URL (not shown, in case it is a secret)")
}

fn parse_detect(mut cur: Cursor) -> Result<Command, UsageError> {
    let mut common = CommonBuilder::default();
    let mut url: Option<String> = None;
    while let Some(arg) = cur.args.next() {
        match arg {
            Arg::Short('h') => return Ok(Command::Help(Some("detect"))),
            Arg::Long(n, _) if n == "help" => return Ok(Command::Help(Some("detect"))),
            Arg::Long(n, inline) => {
                if !common.take(&mut cur, &n, inline)? {
                    return Err(unknown_option(&n));
                }
            }
            Arg::Short(c) => return Err(usage(format!("unknown option -{c}"))),
            Arg::Value(v) if url.is_none() => url = Some(check_url(&v)?),
            Arg::Value(_) => return Err(extra_argument()),
        }
    }
    let url =
        url.ok_or_else(|| usage("detect needs a URL, e.g. detect https://jira.example.com"))?;
    Ok(Command::Detect(DetectArgs {
        url,
        common: common.build(),
    }))
}

mod check;
use check::parse_check;
mod fleet;
use fleet::parse_fleet;
pub use fleet::{FleetArgs, DEFAULT_PARALLEL, MAX_PARALLEL};

#[cfg(test)]
mod tests;
