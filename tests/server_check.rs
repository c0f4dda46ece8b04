//! Issue 13, item 9: the command lines handed over for the integration's server. A real POSIX
//! shell reads each line (the program replaced by `printf`), so the test sees the words the
//! shell would pass: hostile logins, URLs and project keys stay one literal word each, and the
//! secret comes only from `$JIRA_TOKEN`.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jira_token_wizard::auth_plan::AuthMethod;
use jira_token_wizard::probe::server_check::{build, quote, ServerCheckInput};
use jira_token_wizard::probe::Scheme;
use jira_token_wizard::targets::Target;
use std::process::Command;

const TOKEN: &str = "env-token-SENTINEL";

/// The words `sh` makes of `line` once its first word is swapped for `printf '%s\n'`.
fn words(line: &str) -> Vec<String> {
    let (_, rest) = line.split_once(' ').expect("a program and arguments");
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("printf '%s\\n' {rest}"))
        .env("JIRA_TOKEN", TOKEN)
        .output()
        .expect("sh runs");
    assert!(out.status.success(), "{line}");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(str::to_string)
        .collect()
}

const HOSTILE: &[&str] = &[
    "jdoe",
    "o'brien",
    "a b  c",
    "$(touch /tmp/jtw-pwned)",
    "`id`",
    "$HOME ${JIRA_TOKEN} \"q\" \\ ; | & > <",
    "'; echo pwned; '",
    "кириллица@пример.рф",
];

#[test]
fn a_hostile_login_and_project_stay_literal_words() {
    for login in HOSTILE {
        let lines = build(&ServerCheckInput {
            base: "https://jira.example.com/jira/",
            works_at: None,
            login,
            method: AuthMethod::Basic,
            scheme: Scheme::Basic,
            target: Target::Generic,
            project: Some(login),
        });
        assert!(!lines.cli.contains(TOKEN) && !lines.curl.contains(TOKEN));
        let cli = words(&lines.cli);
        assert_eq!(
            cli,
            [
                "check",
                "https://jira.example.com/jira",
                "--user",
                login,
                "--auth",
                "basic",
                "--for",
                "generic",
                "--project",
                login
            ],
            "{login}"
        );
        let curl = words(&lines.curl);
        assert_eq!(
            curl,
            [
                "-sS",
                "-i",
                "-u",
                &format!("{login}:{TOKEN}"),
                "https://jira.example.com/jira/rest/api/2/myself"
            ],
            "{login}"
        );
    }
    assert!(!std::path::Path::new("/tmp/jtw-pwned").exists());
}

#[test]
fn a_pat_goes_as_bearer_from_the_environment() {
    let lines = build(&ServerCheckInput {
        base: "http://127.0.0.1:8080",
        works_at: None,
        login: "",
        method: AuthMethod::Pat,
        scheme: Scheme::Bearer,
        target: Target::Generic,
        project: None,
    });
    assert_eq!(
        lines.cli,
        "jira-token-wizard check 'http://127.0.0.1:8080' --auth pat --for generic"
    );
    assert!(lines
        .curl
        .contains("-H \"Authorization: Bearer $JIRA_TOKEN\""));
    assert_eq!(
        words(&lines.curl)[3],
        format!("Authorization: Bearer {TOKEN}")
    );
}

#[test]
fn quote_round_trips_every_hostile_value() {
    for v in HOSTILE {
        assert_eq!(words(&format!("x {}", quote(v))), [*v]);
    }
}
