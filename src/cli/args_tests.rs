//! Argument parsing: commands, options anywhere, usage errors, no secrets on argv.
#![allow(clippy::unwrap_used)]

use super::*;

fn p(args: &[&str]) -> Result<Command, UsageError> {
    parse(args.iter().map(OsString::from).collect())
}

fn detect(args: &[&str]) -> DetectArgs {
    match p(args) {
        Ok(Command::Detect(d)) => d,
        other => panic!("{args:?} → {other:?}"),
    }
}

#[test]
fn detect_with_options_anywhere() {
    let d = detect(&[
        "detect",
        "--format",
        "json",
        "https://j.example",
        "--timeout=2.5",
    ]);
    assert_eq!(d.url, "https://j.example");
    assert_eq!(d.common.format, Format::Json);
    assert_eq!(d.common.timeout_ms, 2500);
    let d = detect(&["detect", "http://127.0.0.1:8080/jira", "--lang", "ru"]);
    assert_eq!(d.common.lang, Lang::Ru);
    assert_eq!(d.common.format, Format::Text);
    assert_eq!(d.common.timeout_ms, DEFAULT_TIMEOUT_MS);
}

#[test]
fn help_and_version() {
    assert_eq!(p(&["--help"]), Ok(Command::Help(None)));
    assert_eq!(p(&["-h"]), Ok(Command::Help(None)));
    assert_eq!(p(&["--version"]), Ok(Command::Version));
    assert_eq!(p(&["-V"]), Ok(Command::Version));
    assert_eq!(p(&["detect", "--help"]), Ok(Command::Help(Some("detect"))));
    assert_eq!(p(&["help", "detect"]), Ok(Command::Help(Some("detect"))));
    assert!(help(Some("detect")).contains("--timeout"));
}

#[test]
fn usage_errors() {
    for bad in [
        &[][..],
        &["frobnicate"],
        &["detect"],
        &["detect", "not a url"],
        &["detect", "ftp://x.example"],
        &["detect", "mailto:a@b.example"],
        &["detect", "https://a.example", "https://b.example"],
        &["detect", "https://a.example", "--format", "xml"],
        &["detect", "https://a.example", "--format"],
        &["detect", "https://a.example", "--timeout", "0"],
        &["detect", "https://a.example", "--timeout", "-1"],
        &["detect", "https://a.example", "--timeout", "NaN"],
        &["detect", "https://a.example", "--timeout", "1e9"],
        &["detect", "https://a.example", "--bogus"],
        &["detect", "https://a.example", "-x"],
    ] {
        assert!(p(bad).is_err(), "{bad:?} should be a usage error");
    }
}

#[test]
fn secrets_never_on_the_command_line() {
    let err = p(&["detect", "https://a.example", "--token", "s3cret"]).unwrap_err();
    assert!(err.0.contains("JIRA_TOKEN"), "{err}");
    assert!(!err.0.contains("s3cret"));
    let err = p(&["detect", "https://bob:s3cret@a.example/"]).unwrap_err();
    assert!(!err.0.contains("s3cret"), "{err}");
}
