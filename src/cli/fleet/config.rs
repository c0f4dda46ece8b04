//! The connection file `fleet` reads: TOML, one `[[connection]]` table per connection, read by
//! serde derives with unknown fields refused (a typo is an error naming its connection). No
//! secret is in the file, only the name of the environment variable holding each.
//!
//! A file that is not TOML, has no connection or repeats a name is wrong as a whole (a usage
//! error); one malformed entry is that connection's own error, and the others are still
//! tested. Errors name the connection and the field, never a value that could be a secret:
//! the login, the URL (it could hold `user:password@`) and a `secret_env` that does not look
//! like a variable name (the secret pasted in its place?) are not echoed.

use jira_token_wizard::probe::AuthChoice;
use jira_token_wizard::targets::Target;
use jira_token_wizard::urls::HttpUrl;
use serde::Deserialize;

/// The whole file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    #[serde(default)]
    connection: Vec<toml::Value>,
}

/// One `[[connection]]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: String,
    url: String,
    #[serde(default)]
    login: String,
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    auth: Option<String>,
    secret_env: String,
    /// As `check`'s `--expires-on`: a TOML date (`2026-05-12`) or the same as a string.
    #[serde(default)]
    expires_on: Option<toml::Value>,
    /// As `check`'s `--calls`: the endpoints the integration is known to call.
    #[serde(default)]
    calls: Vec<String>,
}

/// One valid connection.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub url: String,
    /// As `check`'s `--user`; empty for a personal access token.
    pub login: String,
    pub target: Target,
    pub auth: AuthChoice,
    /// The environment variable that holds the secret.
    pub secret_env: String,
    /// The token's expiry date as written (`YYYY-MM-DD`); the core checks it.
    pub expires_on: Option<String>,
    /// Endpoint names as `--calls` takes them; the core checks them.
    pub calls: Vec<String>,
}

/// A connection of the file, in file order: its name (or `connection #N` when it has none)
/// and the entry, or what is wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub name: String,
    pub entry: Result<Entry, String>,
}

/// Reads the file's text into its connections, in file order; `Err` when the file as a whole
/// is wrong.
pub fn read(text: &str) -> Result<Vec<Slot>, String> {
    let doc: FileDoc = toml::from_str(text).map_err(|e| toml_error(text, &e))?;
    if doc.connection.is_empty() {
        return Err("no connection in the file: add a [[connection]] table per connection".into());
    }
    let slots: Vec<Slot> = doc
        .connection
        .into_iter()
        .enumerate()
        .map(|(i, value)| slot(i + 1, value))
        .collect();
    for (i, a) in slots.iter().enumerate() {
        if let Some(j) = slots[..i].iter().position(|b| b.name == a.name) {
            return Err(format!(
                "connections #{} and #{} are both named {:?}: names must be unique",
                j + 1,
                i + 1,
                a.name
            ));
        }
    }
    Ok(slots)
}

/// The file-level error: TOML's message with its line, without the source excerpt (a line
/// of the file could hold a secret written where it should not be).
fn toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().trim_end();
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {message}")
        }
        None => message.to_string(),
    }
}

/// The `index`-th connection (from 1).
fn slot(index: usize, value: toml::Value) -> Slot {
    let name = value
        .get("name")
        .and_then(toml::Value::as_str)
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map_or_else(|| format!("connection #{index}"), str::to_string);
    let entry = match value.try_into::<RawEntry>() {
        Ok(raw) => entry(raw),
        Err(e) => Err(field_error(&e)),
    };
    Slot { name, entry }
}

/// serde's message for an entry (a missing or unknown field, a wrong type). Every field is a
/// string, so a wrong type is never a string value: nothing of the file's text is echoed.
fn field_error(e: &toml::de::Error) -> String {
    let m = e.message().trim_end();
    if m.starts_with("unknown field") {
        format!("{m} (the secret itself never goes in the file: name its variable in secret_env)")
    } else {
        m.to_string()
    }
}

/// Checks one entry's values.
fn entry(raw: RawEntry) -> Result<Entry, String> {
    if raw.name.trim().is_empty() {
        return Err("name is empty".into());
    }
    if HttpUrl::parse(&raw.url).is_err() {
        return Err(
            "url is not a valid http(s) URL without user name or password (value not shown)".into(),
        );
    }
    let login = raw.login.trim().to_string();
    if login.contains(':') {
        return Err("login must not contain ':' (value not shown: it may hold a secret)".into());
    }
    let target = match raw.target.as_deref().map(str::trim) {
        None => Target::default(),
        Some(t) => Target::from_name(t).ok_or_else(|| {
            format!(
                "target must be one of: {}",
                crate::cli::help::target_names()
            )
        })?,
    };
    let auth = match raw.auth.as_deref().map(str::trim) {
        None | Some("auto") => AuthChoice::Auto,
        Some("api-token") => AuthChoice::ApiToken,
        Some("pat") => AuthChoice::Pat,
        Some("basic") => AuthChoice::Basic,
        // A service account's client credentials: `login` holds the client id.
        Some("client-credentials") => AuthChoice::ClientCredentials,
        Some(_) => {
            return Err("auth must be auto, api-token, pat, basic or client-credentials".into())
        }
    };
    let secret_env = raw.secret_env.trim().to_string();
    if !is_variable_name(&secret_env) {
        return Err(
            "secret_env must be the name of an environment variable (letters, digits and _, \
             not starting with a digit; value not shown, in case it is the secret itself)"
                .into(),
        );
    }
    // A TOML date reaches here as its text; either way the core's date rule decides.
    let expires_on = match raw.expires_on {
        None => None,
        Some(toml::Value::String(s)) if jira_token_wizard::time::parse_date(s.trim()).is_some() => {
            Some(s.trim().to_string())
        }
        Some(_) => return Err("expires_on must be a date such as 2026-05-12".into()),
    };
    Ok(Entry {
        url: raw.url.trim().to_string(),
        login,
        target,
        auth,
        secret_env,
        expires_on,
        calls: raw.calls.iter().map(|c| c.trim().to_string()).collect(),
    })
}

/// A portable environment variable name: `[A-Za-z_][A-Za-z0-9_]*`, at most 128 characters.
fn is_variable_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && s.len() <= 128
}

/// Whether a variable name may be shown: upper case, as variables are named. A mixed-case
/// "name" may be a secret pasted into `secret_env`.
pub fn showable_variable(s: &str) -> bool {
    !s.chars().any(|c| c.is_ascii_lowercase())
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
