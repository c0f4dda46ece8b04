//! A browser cannot see the integration server's network (allowlist, proxy, corporate CA), so
//! after a test the wizard hands over the same test as command lines to run *there*: the CLI's
//! `check` and an equivalent `curl`. The secret is never in them: both read it from the
//! environment variable [`SECRET_ENV`], and it never becomes a program's argument (anyone on
//! the server sees arguments in `ps`): the CLI reads the variable itself, and the `curl` line
//! builds the `Authorization` header with the shell's built-in `printf` and hands it to curl
//! on standard input (`-H @-`, curl ≥ 7.55). Every other value is single-quoted for a POSIX
//! shell, so a login or URL with quotes, spaces or `$` stays one word.

use super::Scheme;
use crate::auth_plan::AuthMethod;
use crate::targets::Target;
use serde::{Deserialize, Serialize};

/// The variable both lines read the secret from (the CLI reads it by default).
pub const SECRET_ENV: &str = "JIRA_TOKEN";

/// The test to repeat on the integration's server, as two shell lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerCheck {
    /// `jira-token-wizard check <URL> --user … --auth … --for … [--project …]`.
    pub cli: String,
    /// `curl` of `/rest/api/2/myself` with the same credential scheme, the header on curl's
    /// standard input (a pipeline: `printf … | curl -sS -i -H @- URL`).
    pub curl: String,
}

/// What the lines are built from: the tested site, the login entered, the method and scheme
/// tested, the target and the project.
pub struct ServerCheckInput<'a> {
    pub base: &'a str,
    /// Where the credential works when that is not `base`: Atlassian's gateway URL
    /// (`https://api.atlassian.com/ex/jira/{cloudId}`, a scoped token). The `curl` line asks
    /// `/myself` there; the `check` line keeps the site (the CLI asks the gateway itself).
    pub works_at: Option<&'a str>,
    pub login: &'a str,
    pub method: AuthMethod,
    pub scheme: Scheme,
    pub target: Target,
    pub project: Option<&'a str>,
    /// For OAuth 2.0 client credentials: the client id and the token endpoint. The `curl` line
    /// then asks the token endpoint (the client secret on curl's standard input), the step
    /// everything else depends on.
    pub client: Option<ClientLine<'a>>,
}

/// The token request of a client-credentials test, for the `curl` line.
pub struct ClientLine<'a> {
    pub client_id: &'a str,
    pub token_url: &'a str,
    /// Cloud's endpoint takes JSON with `audience`; Data Center's a form with `scope`.
    pub audience: Option<&'a str>,
    pub scope: Option<&'a str>,
}

/// Both lines for `input`.
pub fn build(input: &ServerCheckInput) -> ServerCheck {
    let base = input.base.trim_end_matches('/');
    let login = input.login.trim();
    let mut cli = format!("jira-token-wizard check {}", quote(base));
    if !login.is_empty() && input.client.is_none() {
        cli += &format!(" --user {}", quote(login));
    }
    let auth = match input.method {
        AuthMethod::ApiToken => "api-token",
        AuthMethod::Pat => "pat",
        AuthMethod::Basic => "basic",
        AuthMethod::ClientCredentials => "client-credentials",
    };
    cli += &format!(" --auth {auth} --for {}", input.target.as_str());
    if let Some(c) = &input.client {
        cli += &format!(" --client-id {}", quote(c.client_id));
    }
    if let Some(p) = input.project.map(str::trim).filter(|p| !p.is_empty()) {
        cli += &format!(" --project {}", quote(p));
    }
    // `printf` is a shell built-in (POSIX sh, bash, dash, zsh): no process sees the secret in
    // its arguments; `base64` and `tr` read it on standard input.
    let header = match input.scheme {
        Scheme::Basic => format!(
            "{{ printf 'Authorization: Basic '; printf '%s:%s' {} \"${SECRET_ENV}\" | base64 | tr -d '\\n'; echo; }}",
            quote(login)
        ),
        Scheme::Bearer => format!("printf 'Authorization: Bearer %s\\n' \"${SECRET_ENV}\""),
    };
    if let Some(c) = &input.client {
        return ServerCheck {
            cli,
            curl: client_curl(c),
        };
    }
    let api = input.works_at.map_or(base, |w| w.trim_end_matches('/'));
    let curl = format!(
        "{header} | curl -sS -i -H @- {}",
        quote(&format!("{api}/rest/api/2/myself"))
    );
    ServerCheck { cli, curl }
}

/// The token request with the client secret from [`SECRET_ENV`] on curl's standard input:
/// Cloud's JSON body made by `printf` (`-d @-`), Data Center's form field read with
/// `--data-urlencode client_secret@-`.
fn client_curl(c: &ClientLine) -> String {
    match c.audience {
        Some(audience) => {
            let json = format!(
                "{{\"grant_type\":\"client_credentials\",\"client_id\":\"{}\",\"client_secret\":\"%s\",\"audience\":\"{}\"}}",
                json_inner(c.client_id),
                json_inner(audience)
            );
            format!(
                "printf {} \"${SECRET_ENV}\" | curl -sS -i -H 'Content-Type: application/json' -d @- {}",
                quote(&json),
                quote(c.token_url)
            )
        }
        None => format!(
            "printf '%s' \"${SECRET_ENV}\" | curl -sS -i -d grant_type=client_credentials --data-urlencode {} --data-urlencode client_secret@- --data-urlencode {} {}",
            quote(&format!("client_id={}", c.client_id)),
            quote(&format!("scope={}", c.scope.unwrap_or("READ"))),
            quote(c.token_url)
        ),
    }
}

/// A value inside a JSON string built by `printf`: quotes and backslashes escaped, `%` doubled.
fn json_inner(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('%', "%%")
}

/// `s` as one POSIX shell word: single quotes, an inner `'` as `'\''`. Nothing is expanded
/// inside single quotes (`$`, backquotes, `\`, spaces, newlines all stay literal).
pub fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}
