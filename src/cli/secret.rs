//! Where `check` gets the secret — the `JIRA_TOKEN` environment variable, or with
//! `--token-stdin` the first line of standard input; never argv — and the [`Redactor`] that
//! keeps it out of everything the command prints.
//!
//! Error messages here name the source of the secret, never its value.

use jira_token_wizard::probe::Secret;
use std::io::BufRead;

/// The environment variable holding the secret.
pub const ENV_VAR: &str = "JIRA_TOKEN";

/// Longest first line read from stdin, in bytes (a token is well under 1 KiB).
const MAX_STDIN_BYTES: u64 = 64 * 1024;

/// Why there is no secret: a usage error (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoSecret(pub &'static str);

/// Reads the secret: from stdin's first line with `--token-stdin`, else from [`ENV_VAR`].
pub fn read(token_stdin: bool) -> Result<Secret, NoSecret> {
    if token_stdin {
        return from_reader(std::io::stdin().lock());
    }
    match std::env::var_os(ENV_VAR) {
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

/// Shortest leak form replaced in output: shorter strings occur in ordinary text by chance.
const MIN_REDACTED_CHARS: usize = 4;

/// Replaces every form in which the secret could leak (the secret, its base64 and the base64
/// of `login:secret`) with `[redacted]`. The core's results hold no secret by construction;
/// this is the last line of defence against a server that echoes it back in a header or
/// `Location` the verdict quotes.
pub struct Redactor {
    forms: Vec<String>,
}

impl Redactor {
    pub fn new(secret: &Secret, login: &str) -> Redactor {
        let mut forms: Vec<String> = secret
            .leak_forms(login)
            .into_iter()
            .filter(|f| f.chars().count() >= MIN_REDACTED_CHARS)
            .collect();
        // Longest first, so a form containing another is replaced whole.
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        Redactor { forms }
    }

    pub fn apply(&self, text: &str) -> String {
        let mut out = text.to_string();
        for f in &self.forms {
            if out.contains(f.as_str()) {
                out = out.replace(f.as_str(), jira_token_wizard::probe::REDACTED);
            }
        }
        out
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use jira_token_wizard::probe::base64;

    #[test]
    fn first_line_only_without_line_ending() {
        let s = from_reader(&b"tok3n-value\r\nsecond line\n"[..]).unwrap();
        assert_eq!(s.trimmed(), "tok3n-value");
        let s = from_reader(&b"no-newline"[..]).unwrap();
        assert_eq!(s.trimmed(), "no-newline");
    }

    #[test]
    fn empty_or_binary_stdin_is_a_usage_error_without_the_value() {
        assert!(from_reader(&b""[..]).is_err());
        assert!(from_reader(&b"  \nlater\n"[..]).is_err());
        let err = from_reader(&b"\xff\xfe-bad\n"[..]).unwrap_err();
        assert!(!err.0.contains("bad"));
    }

    #[test]
    fn redactor_removes_every_leak_form() {
        let secret = Secret::new("s3cret-token");
        let r = Redactor::new(&secret, "jdoe");
        let basic = base64(b"jdoe:s3cret-token");
        let text = format!("a s3cret-token b {basic} c {}", base64(b"s3cret-token"));
        let out = r.apply(&text);
        assert!(!out.contains("s3cret"), "{out}");
        assert!(!out.contains(&basic), "{out}");
        assert_eq!(out.matches("[redacted]").count(), 3);
        // Too short to redact without garbling ordinary text.
        assert_eq!(Redactor::new(&Secret::new("abc"), "").apply("abc"), "abc");
    }
}
