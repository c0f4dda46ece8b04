//! Where `check` gets the secret — the `JIRA_TOKEN` environment variable, or with
//! `--token-stdin` the first line of standard input; never argv. (The core's
//! [`Redactor`](jira_token_wizard::probe::Redactor) keeps it out of everything printed.)
//!
//! Once read, `JIRA_TOKEN` is removed from the process's environment, so nothing the CLI runs
//! or links inherits or reads it there (the kernel's copy in `/proc/<pid>/environ`, readable
//! only by the same user and root, stays as the process was started). A secret typed on a
//! terminal with `--token-stdin` is not echoed: the terminal's echo is off while the line is
//! read (`stty -echo`, put back afterwards).
//!
//! Error messages here name the source of the secret, never its value.

use jira_token_wizard::probe::Secret;
use std::io::{BufRead, IsTerminal};

/// The environment variable holding the secret.
pub const ENV_VAR: &str = "JIRA_TOKEN";

/// Longest first line read from stdin, in bytes (a token is well under 1 KiB).
const MAX_STDIN_BYTES: u64 = 64 * 1024;

/// Why there is no secret: a usage error (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoSecret(pub &'static str);

/// Reads the secret: from stdin's first line with `--token-stdin`, else from [`ENV_VAR`].
pub fn read(token_stdin: bool) -> Result<Secret, NoSecret> {
    let from_env = std::env::var_os(ENV_VAR);
    std::env::remove_var(ENV_VAR);
    if token_stdin {
        return from_stdin();
    }
    match from_env {
        None => Err(NoSecret(
            "no secret given: set JIRA_TOKEN to the token or password, or pass --token-stdin \
             and write it on standard input",
        )),
        Some(v) => match v.into_string() {
            Ok(s) if !s.trim().is_empty() => Ok(Secret::new(s)),
            Ok(_) => Err(NoSecret("JIRA_TOKEN is empty")),
            Err(_) => Err(NoSecret("JIRA_TOKEN is not valid UTF-8")),
        },
    }
}

/// The first line of standard input; on a terminal, asked for on stderr and read with the
/// terminal's echo off.
fn from_stdin() -> Result<Secret, NoSecret> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return from_reader(stdin.lock());
    }
    let echo_off = EchoOff::new();
    eprint!("Token or password (not shown): ");
    let secret = from_reader(stdin.lock());
    drop(echo_off);
    eprintln!();
    secret
}

/// The terminal's echo, off while this lives (`stty -echo` on standard input, then `stty echo`).
struct EchoOff(bool);

impl EchoOff {
    fn new() -> EchoOff {
        let off = stty("-echo");
        if !off {
            eprintln!("jira-token-wizard: warning: could not turn the terminal's echo off; what you type will show");
        }
        EchoOff(off)
    }
}

impl Drop for EchoOff {
    fn drop(&mut self) {
        if self.0 {
            stty("echo");
        }
    }
}

/// Runs `stty ARG` on the terminal that is standard input; false where that fails (no `stty`,
/// not a Unix terminal).
fn stty(arg: &str) -> bool {
    std::process::Command::new("stty")
        .arg(arg)
        .stdin(std::process::Stdio::inherit())
        .status()
        .is_ok_and(|s| s.success())
}

/// The first line of `input` (without its line ending) as the secret.
fn from_reader(input: impl BufRead) -> Result<Secret, NoSecret> {
    let mut line = Vec::new();
    input
        .take(MAX_STDIN_BYTES)
        .read_until(b'\n', &mut line)
        .map_err(|_| NoSecret("--token-stdin: could not read standard input"))?;
    let text = String::from_utf8(line)
        .map_err(|_| NoSecret("--token-stdin: the first line of standard input is not UTF-8"))?;
    let secret = text.trim_end_matches(['\n', '\r']);
    if secret.trim().is_empty() {
        return Err(NoSecret(
            "--token-stdin: the first line of standard input is empty; write the token or \
             password on it",
        ));
    }
    Ok(Secret::new(secret))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn first_line_only_without_line_ending() {
        let s = from_reader(&b"tok3n-value\r\nsecond line\n"[..]).unwrap();
        assert_eq!(s.trimmed(), "tok3n-value");
        let s = from_reader(&b"no-newline"[..]).unwrap();
        assert_eq!(s.trimmed(), "no-newline");
    }

    #[test]
    fn the_variable_is_gone_from_the_environment_once_read() {
        std::env::set_var(ENV_VAR, "env-secret-value");
        let s = read(false).unwrap();
        assert_eq!(s.trimmed(), "env-secret-value");
        assert_eq!(std::env::var_os(ENV_VAR), None);
        assert!(read(false).is_err(), "read twice: the second finds nothing");
    }

    #[test]
    fn empty_or_binary_stdin_is_a_usage_error_without_the_value() {
        assert!(from_reader(&b""[..]).is_err());
        assert!(from_reader(&b"  \nlater\n"[..]).is_err());
        let err = from_reader(&b"\xff\xfe-bad\n"[..]).unwrap_err();
        assert!(!err.0.contains("bad"));
    }
}
