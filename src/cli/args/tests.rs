//! Argument parsing: commands, options anywhere, usage errors, no secrets on argv.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::cli::help::help;
use jira_token_wizard::auth_plan::CLOUD_GATEWAY;

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
    assert!(err.0.contains("user name or password"), "{err}");
    // Userinfo that no URL could hold is still not echoed.
    let err = p(&["detect", "https://bob:s3cret@/"]).unwrap_err();
    assert!(!err.0.contains("s3cret"), "{err}");
}

#[test]
fn idn_hosts_are_urls() {
    for url in [
        "https://jira.xn--hxajbheg2az3al.gr/",
        "https://jira.παράδειγμα.gr/",
        "https://джира.рф/",
        "https://例子.中国:8443/jira",
    ] {
        assert_eq!(detect(&["detect", url]).url, url);
    }
}

fn check(args: &[&str]) -> CheckArgs {
    match p(args) {
        Ok(Command::Check(c)) => c,
        other => panic!("{args:?} → {other:?}"),
    }
}

#[test]
fn check_defaults() {
    let c = check(&["check", "https://j.example"]);
    assert_eq!(c.url, "https://j.example");
    assert_eq!(c.user, None);
    assert_eq!(c.auth, AuthChoice::Auto);
    assert_eq!(c.target, Target::Generic);
    assert_eq!(c.project, None);
    assert_eq!(c.gateway.as_deref(), Some(CLOUD_GATEWAY));
    assert!(!c.token_stdin);
    assert_eq!(c.common.format, Format::Text);
}

#[test]
fn check_with_every_option() {
    let c = check(&[
        "check",
        "--user=jdoe",
        "https://j.example/jira",
        "--auth",
        "basic",
        "--for",
        "generic",
        "--project",
        "PROJ",
        "--gateway",
        "http://127.0.0.1:9/",
        "--token-stdin",
        "--format",
        "json",
        "--timeout",
        "1",
        "--lang",
        "ru",
    ]);
    assert_eq!(c.user.as_deref(), Some("jdoe"));
    assert_eq!(c.auth, AuthChoice::Basic);
    assert_eq!(c.project.as_deref(), Some("PROJ"));
    assert_eq!(c.gateway.as_deref(), Some("http://127.0.0.1:9/"));
    assert!(c.token_stdin);
    assert_eq!(c.common.format, Format::Json);
    assert_eq!(c.common.timeout_ms, 1000);
    assert_eq!(c.common.lang, Lang::Ru);
    for (flag, want) in [
        ("auto", AuthChoice::Auto),
        ("api-token", AuthChoice::ApiToken),
        ("pat", AuthChoice::Pat),
    ] {
        assert_eq!(
            check(&["check", "https://j.example", "--auth", flag]).auth,
            want
        );
    }
    assert_eq!(p(&["check", "-h"]), Ok(Command::Help(Some("check"))));
    assert!(help(Some("check")).contains("JIRA_TOKEN"));
}

#[test]
fn no_gateway_keeps_the_credential_off_the_gateway() {
    assert_eq!(
        check(&["check", "https://j.example", "--no-gateway"]).gateway,
        None
    );
    // The refusal wins, in either order.
    for args in [
        &[
            "check",
            "https://j.example",
            "--gateway",
            "https://g.example",
            "--no-gateway",
        ][..],
        &[
            "check",
            "--no-gateway",
            "https://j.example",
            "--gateway=https://g.example",
        ],
    ] {
        assert_eq!(check(args).gateway, None, "{args:?}");
    }
    assert!(help(Some("check")).contains("--no-gateway"));
    assert!(p(&["check", "https://j.example", "--no-gateway=yes"]).is_err());
}

#[test]
fn check_for_takes_every_core_target() {
    for &target in Target::ALL {
        let c = check(&["check", "https://j.example", "--for", target.as_str()]);
        assert_eq!(c.target, target);
        assert!(help(Some("check")).contains(target.as_str()));
    }
    let err = p(&["check", "https://j.example", "--for", "jenkins"]).unwrap_err();
    assert!(
        err.0.contains("issue-sync") && !err.0.contains("jenkins"),
        "{err}"
    );
}

#[test]
fn check_never_echoes_what_could_be_a_secret() {
    for bad in [
        &["check", "https://j.example", "--token", "s3cretValue"][..],
        &["check", "https://j.example", "--token=s3cretValue"],
        &["check", "https://j.example", "--password", "s3cretValue"],
        &["check", "https://j.example", "s3cretValue"],
        &["check", "s3cretValue"],
        &["check", "https://j.example", "--user", "jdoe:s3cretValue"],
        &["check", "https://j.example", "--auth", "s3cretValue"],
        &["check", "https://j.example", "--for", "s3cretValue"],
        &["check", "https://j.example", "--project", "s3cretValue!"],
        &["check", "https://j.example", "--gateway", "s3cretValue"],
        &["check", "https://j.example", "--token-stdin=s3cretValue"],
        &["detect", "https://j.example", "s3cretValue"],
    ] {
        let err = p(bad).unwrap_err();
        assert!(!err.0.contains("s3cretValue"), "{bad:?} → {err}");
    }
}

#[test]
fn check_usage_errors() {
    for bad in [
        &["check"][..],
        &["check", "--user", "jdoe"],
        &["check", "https://j.example", "--user"],
        &["check", "https://j.example", "--user", " "],
        &["check", "https://j.example", "--project", ""],
        &["check", "https://j.example", "--gateway", "ftp://x.example"],
        &[
            "check",
            "https://j.example",
            "--gateway",
            "https://u:p@x.example",
        ],
    ] {
        assert!(p(bad).is_err(), "{bad:?} should be a usage error");
    }
}
