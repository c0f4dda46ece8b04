//! `check`'s options (the rest of the parser is in `args.rs`). Values that could be a
//! misplaced secret — `--auth`, `--for`, `--project`, a `--user` with `:` — are named in
//! errors, never echoed.

use super::{
    check_url, check_url_of, extra_argument, unknown_option, usage, Arg, CheckArgs, Command,
    CommonBuilder, Cursor, UsageError,
};
use jira_token_wizard::auth_plan::CLOUD_GATEWAY;
use jira_token_wizard::probe::AuthChoice;
use jira_token_wizard::targets::Target;

/// Parses `check`'s arguments (after the command name) into [`Command::Check`].
pub(super) fn parse_check(mut cur: Cursor) -> Result<Command, UsageError> {
    let mut common = CommonBuilder::default();
    let mut url: Option<String> = None;
    let mut user: Option<String> = None;
    let mut auth = AuthChoice::Auto;
    let mut target = Target::default();
    let mut project: Option<String> = None;
    let mut gateway: Option<String> = None;
    let mut no_gateway = false;
    let mut token_stdin = false;
    let mut now: Option<String> = None;
    let mut client_id: Option<String> = None;
    let mut expires_on: Option<String> = None;
    let mut calls: Vec<String> = Vec::new();
    while let Some(arg) = cur.args.next() {
        match arg {
            Arg::Short('h') => return Ok(Command::Help(Some("check"))),
            Arg::Long(n, _) if n == "help" => return Ok(Command::Help(Some("check"))),
            Arg::Long(n, inline) => match n.as_str() {
                "user" => user = Some(parse_user(&cur.value(&n, inline)?)?),
                "auth" => auth = parse_auth(&cur.value(&n, inline)?)?,
                "client-id" => client_id = Some(parse_client_id(&cur.value(&n, inline)?)?),
                "for" => target = parse_target(&cur.value(&n, inline)?)?,
                "project" => project = Some(parse_project(&cur.value(&n, inline)?)?),
                "gateway" => gateway = Some(check_url_of("--gateway: ", &cur.value(&n, inline)?)?),
                "no-gateway" if inline.is_some() => {
                    return Err(usage("--no-gateway takes no value"))
                }
                "no-gateway" => no_gateway = true,
                "now" => now = Some(cur.value(&n, inline)?.trim().to_string()),
                "expires-on" => expires_on = Some(cur.value(&n, inline)?.trim().to_string()),
                "calls" => calls.extend(
                    cur.value(&n, inline)?
                        .split(',')
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .map(str::to_string),
                ),
                "token-stdin" if inline.is_some() => {
                    return Err(usage("--token-stdin takes no value"))
                }
                "token-stdin" => token_stdin = true,
                _ => {
                    if !common.take(&mut cur, &n, inline)? {
                        return Err(unknown_option(&n));
                    }
                }
            },
            Arg::Short(c) => return Err(usage(format!("unknown option -{c}"))),
            Arg::Value(v) if url.is_none() => url = Some(check_url(&v)?),
            Arg::Value(_) => return Err(extra_argument()),
        }
    }
    let url = url.ok_or_else(|| {
        usage("check needs a URL, e.g. check https://jira.example.com --user jdoe")
    })?;
    // OAuth 2.0 client credentials: the client id names the client as --user names a user.
    let user = match (auth, client_id, user) {
        (AuthChoice::ClientCredentials, Some(id), None) => Some(id),
        (AuthChoice::ClientCredentials, None, _) => {
            return Err(usage(
                "--auth client-credentials needs --client-id ID (the secret in JIRA_TOKEN or --token-stdin)",
            ))
        }
        (AuthChoice::ClientCredentials, Some(_), Some(_)) => {
            return Err(usage(
                "--client-id and --user do not go together: a service account signs in with its client id",
            ))
        }
        (_, Some(_), _) => return Err(usage("--client-id goes with --auth client-credentials")),
        (_, None, user) => user,
    };
    // The user refused the gateway: the credential goes to the site and nowhere else, whatever
    // --gateway says (a refusal wins over a default set in a wrapper script).
    let gateway = if no_gateway {
        None
    } else {
        Some(gateway.unwrap_or_else(|| CLOUD_GATEWAY.to_string()))
    };
    Ok(Command::Check(CheckArgs {
        url,
        user,
        auth,
        target,
        project,
        gateway,
        token_stdin,
        now,
        expires_on,
        calls,
        common: common.build(),
    }))
}

/// `--user`: a login, which Basic authentication joins to the secret with `:`.
fn parse_user(v: &str) -> Result<String, UsageError> {
    let v = v.trim();
    if v.is_empty() {
        return Err(usage(
            "--user needs a value (e-mail on Cloud, username on Server/Data Center)",
        ));
    }
    if v.contains(':') {
        // `--user name:secret` would put a secret on the command line: refuse, do not echo.
        return Err(usage(
            "--user must not contain ':' (the value is not shown: it may hold a secret); pass the \
             secret in JIRA_TOKEN or with --token-stdin",
        ));
    }
    Ok(v.to_string())
}

/// `--auth`: which method to test. The value is not echoed (it could be a misplaced secret).
fn parse_auth(v: &str) -> Result<AuthChoice, UsageError> {
    Ok(match v {
        "auto" => AuthChoice::Auto,
        "api-token" => AuthChoice::ApiToken,
        "pat" => AuthChoice::Pat,
        "basic" => AuthChoice::Basic,
        "client-credentials" => AuthChoice::ClientCredentials,
        _ => {
            return Err(usage(
                "--auth must be auto, api-token, pat, basic or client-credentials",
            ))
        }
    })
}

/// `--client-id ID`: an OAuth 2.0 client id (letters, digits and `-._~`; the core checks the
/// same). The value is not echoed: a misplaced secret must not reach the terminal.
fn parse_client_id(v: &str) -> Result<String, UsageError> {
    let id = v.trim();
    let ok = !id.is_empty()
        && id.len() <= 512
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~'));
    if !ok {
        return Err(usage(
            "--client-id needs the service account's client id (letters, digits and -._~; the value is not shown); its secret goes in JIRA_TOKEN or --token-stdin",
        ));
    }
    Ok(id.to_string())
}

/// `--project KEY`: letters, digits and `_` (the core checks the same; failing here saves a
/// round trip).
fn parse_project(v: &str) -> Result<String, UsageError> {
    let key = v.trim().to_string();
    if key.is_empty()
        || key.len() > 255
        || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return Err(usage(
            "--project needs a Jira project key such as PROJ (letters, digits and _)",
        ));
    }
    Ok(key)
}

/// `--for`: one of the core's target names. The value is not echoed.
fn parse_target(v: &str) -> Result<Target, UsageError> {
    Target::from_name(v.trim()).ok_or_else(|| {
        usage(format!(
            "--for must be one of: {}",
            crate::cli::help::target_names()
        ))
    })
}
