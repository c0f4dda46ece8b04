//! The command lines handed over for the integration's server. A real POSIX shell reads each
//! line (the program replaced by `printf`, or `curl` by a shell function that prints its
//! arguments and its standard input), so the test sees the words the shell would pass: hostile
//! logins, URLs and project keys stay one literal word each, the secret comes only from
//! `$JIRA_TOKEN`, and no program gets it as an argument (`ps` would show it): curl reads the
//! `Authorization` header on standard input.
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

/// What `curl` would get from the `curl` line: its arguments, and its standard input (where the
/// header is). `curl` is a shell function here, so nothing is sent.
fn curl_run(line: &str) -> (Vec<String>, String) {
    let script = format!(
        "curl() {{ for a in \"$@\"; do printf 'ARG %s\\n' \"$a\"; done; printf 'STDIN '; cat; }}\n{line}"
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("JIRA_TOKEN", TOKEN)
        .output()
        .expect("sh runs");
    assert!(out.status.success(), "{line}");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let (args, stdin) = text.split_once("STDIN ").expect("curl ran");
    let args = args
        .lines()
        .map(|l| l.strip_prefix("ARG ").expect("an argument").to_string())
        .collect();
    (args, stdin.to_string())
}

/// base64 of `text` (the standard alphabet, padded), as `base64` writes it.
fn b64(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
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
            client: None,
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
        let (args, stdin) = curl_run(&lines.curl);
        assert_eq!(
            args,
            [
                "-sS",
                "-i",
                "-H",
                "@-",
                "https://jira.example.com/jira/rest/api/2/myself"
            ],
            "{login}"
        );
        assert_eq!(
            stdin,
            format!(
                "Authorization: Basic {}\n",
                b64(&format!("{login}:{TOKEN}"))
            ),
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
        client: None,
    });
    assert_eq!(
        lines.cli,
        "jira-token-wizard check 'http://127.0.0.1:8080' --auth pat --for generic"
    );
    assert_eq!(
        lines.curl,
        "printf 'Authorization: Bearer %s\\n' \"$JIRA_TOKEN\" | curl -sS -i -H @- 'http://127.0.0.1:8080/rest/api/2/myself'"
    );
    let (args, stdin) = curl_run(&lines.curl);
    assert!(args.iter().all(|a| !a.contains(TOKEN)), "{args:?}");
    assert_eq!(stdin, format!("Authorization: Bearer {TOKEN}\n"));
}

#[test]
fn quote_round_trips_every_hostile_value() {
    for v in HOSTILE {
        assert_eq!(words(&format!("x {}", quote(v))), [*v]);
    }
}

/// Cloud's token request (a service account's client credentials): curl reads a JSON body on
/// its standard input with the client id, the audience and the secret from the environment —
/// the secret in no argument. Survivors of the mutation run: `json_inner` → `""` / `"xyzzy"`.
#[test]
fn a_cloud_client_credentials_request_is_json_on_standard_input() {
    use jira_token_wizard::probe::server_check::ClientLine;
    let lines = build(&ServerCheckInput {
        base: "https://acme.atlassian.net",
        works_at: None,
        login: "",
        method: AuthMethod::ClientCredentials,
        scheme: Scheme::Bearer,
        target: Target::Generic,
        project: None,
        client: Some(ClientLine {
            client_id: "svc-Ab3_x.y~z",
            token_url: "https://auth.atlassian.com/oauth/token",
            audience: Some("api.atlassian.com"),
            scope: None,
        }),
    });
    let (args, stdin) = curl_run(&lines.curl);
    assert!(args.iter().all(|a| !a.contains(TOKEN)), "{args:?}");
    assert_eq!(
        args.last().map(String::as_str),
        Some("https://auth.atlassian.com/oauth/token")
    );
    let body: serde_json::Value = serde_json::from_str(&stdin).expect("a JSON body");
    assert_eq!(
        body,
        serde_json::json!({
            "grant_type": "client_credentials",
            "client_id": "svc-Ab3_x.y~z",
            "client_secret": TOKEN,
            "audience": "api.atlassian.com",
        })
    );
}
