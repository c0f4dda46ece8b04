//! What a token test is asked to do, checked before anything is sent: the input, the method
//! `auto` and the target stand for, and the permissions to check.

use super::secret_kind::{self, SecretKind};
use super::{Scheme, Secret};
use crate::auth_plan::{AuthChoice, AuthMethod, PAT_SINCE};
use crate::deployment::{Deployment, Hosting};
use crate::http::DEFAULT_TIMEOUT_MS;
use crate::targets::{Endpoint, Target};
use crate::urls;
use serde::Deserialize;

/// What to test.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckInput {
    /// E-mail (Cloud) or username (Server/DC); may be empty for a PAT. For OAuth 2.0 client
    /// credentials (`auth: client-credentials`): the client id, which names the client the way
    /// a login names a user (the secret is the client secret).
    #[serde(default)]
    pub login: String,
    pub secret: Secret,
    #[serde(default)]
    pub auth: AuthChoice,
    /// The integration the credential is for: its profile decides the permissions checked and,
    /// for ELMA365 and AvePoint, the method sent.
    #[serde(default)]
    pub target: Target,
    /// Permission keys to check besides the target's.
    #[serde(default)]
    pub required_permissions: Vec<String>,
    /// Project key to check project permissions in.
    #[serde(default)]
    pub project: Option<String>,
    /// Atlassian's gateway base (`https://api.atlassian.com`); `None` = never contact it.
    #[serde(default)]
    pub gateway: Option<String>,
    /// Per-request timeout in milliseconds.
    #[serde(default = "default_timeout")]
    pub timeout_ms: u32,
    /// At least 32 bytes from a CSPRNG, supplied by the caller (the core has no randomness);
    /// needed for Issue Sync's Local Authentication Key.
    #[serde(default)]
    pub key_material: Option<Vec<u8>>,
    /// The caller's clock, RFC 3339 (`2025-06-02T10:15:30Z`): the core has none. Used only to
    /// tell how many days a token has left; `None` = no such judgement.
    #[serde(default)]
    pub now: Option<String>,
    /// Endpoints the integration is known to call besides its profile's (`targets::ENDPOINTS`
    /// ids, e.g. `search-v2`): asked with the permission check, a removed one named.
    #[serde(default)]
    pub calls: Vec<String>,
    /// The expiry date remembered for this connection (`YYYY-MM-DD`, the wizard's or the CLI's
    /// `--expires-on`): a Cloud refusal on or after it is `token_expired` (judged against `now`).
    #[serde(default)]
    pub expires_on: Option<String>,
}

fn default_timeout() -> u32 {
    DEFAULT_TIMEOUT_MS
}

/// Longest secret taken, in characters (a Cloud API token is 192, a PAT 44).
pub const MAX_SECRET_CHARS: usize = 4096;
/// Longest login taken, in characters.
pub const MAX_LOGIN_CHARS: usize = 512;
/// Fewest random bytes for Issue Sync's Local Authentication Key.
pub const MIN_KEY_MATERIAL: usize = 32;
/// Most random bytes taken.
pub const MAX_KEY_MATERIAL: usize = 1024;
/// Most extra permission keys, and the longest key.
pub const MAX_EXTRA_PERMISSIONS: usize = 64;
pub const MAX_PERMISSION_KEY_CHARS: usize = 128;
/// Longest project key Jira allows.
pub const MAX_PROJECT_KEY_CHARS: usize = 255;
/// Per-request timeouts taken, in milliseconds.
pub const MIN_TIMEOUT_MS: u32 = 100;
pub const MAX_TIMEOUT_MS: u32 = 600_000;

/// Input that cannot be tested: a usage error, not a verdict.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    #[error("the secret is empty")]
    EmptySecret,
    #[error("the secret is longer than {MAX_SECRET_CHARS} characters")]
    SecretTooLong,
    #[error("the login is longer than {MAX_LOGIN_CHARS} characters")]
    LoginTooLong,
    #[error("{0} needs a login (e-mail on Cloud, username on Server/Data Center)")]
    LoginRequired(&'static str),
    #[error("not a Jira project key: {0:?} (letters, digits and _ only)")]
    InvalidProject(String),
    #[error("not an http(s) gateway URL: {0}")]
    InvalidGateway(String),
    #[error(
        "{0} needs at least {MIN_KEY_MATERIAL} random bytes to generate its authentication key"
    )]
    KeyMaterialRequired(&'static str),
    #[error("key material must be {MIN_KEY_MATERIAL} to {MAX_KEY_MATERIAL} bytes")]
    KeyMaterialLength,
    #[error("at most {MAX_EXTRA_PERMISSIONS} extra permission keys of up to {MAX_PERMISSION_KEY_CHARS} characters")]
    InvalidPermissions,
    #[error("the timeout must be {MIN_TIMEOUT_MS} to {MAX_TIMEOUT_MS} ms")]
    InvalidTimeout,
    #[error("\"now\" must be an RFC 3339 date-time such as 2025-06-02T10:15:30Z")]
    InvalidNow,
    #[error("OAuth 2.0 client credentials need the client id (the CLI's --client-id)")]
    ClientIdRequired,
    #[error("a client id is letters, digits and -._~ only, up to {MAX_LOGIN_CHARS} characters")]
    InvalidClientId,
    #[error("a Cloud service account's token works only through Atlassian's gateway, which was refused (--no-gateway)")]
    ClientCredentialsNeedGateway,
    #[error("not an endpoint the test knows (it knows search-v2, search-v3, search-jql)")]
    UnknownEndpoint,
    #[error("the expiry date must be a date such as 2026-05-12")]
    InvalidExpiresOn,
}

/// What the input resolves to for one deployment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Plan {
    pub method: AuthMethod,
    pub scheme: Scheme,
    /// Permission keys to check: the target's, then the extra ones, without repeats.
    pub required: Vec<String>,
    /// False when the target does not work with this deployment (AvePoint on Server/DC).
    pub supported: bool,
    /// The gateway's base as the URL parser serializes it (no trailing slash): what requests
    /// and texts use, never the text as given (`HTTPS://API.Atlassian.com:443/` is
    /// `https://api.atlassian.com`).
    pub gateway: Option<String>,
    /// A token was asked for (API token, PAT) but the secret has characters no token has:
    /// nothing is sent and the verdict is `secret_not_a_token`.
    pub not_a_token: bool,
    /// The caller's "now" in Unix seconds, when given.
    pub now: Option<i64>,
    /// What the secret looks like.
    pub secret_kind: SecretKind,
    /// Method "Automatic" read the secret as a password where a token was expected, and the
    /// method is [`AuthMethod::Basic`] for that reason.
    pub read_as_password: bool,
    /// The endpoints the integration calls, asked once the credential may be proven.
    pub endpoints: Vec<&'static Endpoint>,
    /// The remembered expiry date's 00:00 UTC in Unix seconds, when one was given.
    pub expires_on: Option<i64>,
}

/// Validates `input` for deployment `d` — the one place the extension's and the CLI's input is
/// checked — after tidying what people type: the login and project trimmed, a blank project
/// meaning any project. The checks run in this order, so an input wrong in several ways is
/// refused for the first.
pub(super) fn prepare(input: &mut CheckInput, d: &Deployment) -> Result<Plan, CheckError> {
    check_typed(input)?;
    let gateway = gateway(input, d)?;
    let (now, expires_on) = dates(input)?;
    check_calls(input)?;
    let profile = input.target.profile();
    check_key_material(input, profile.name.en)?;
    let secret_kind = secret_kind::read(input.secret.trimmed());
    let wire = profile.wire_auth(d);
    let planned = resolve_method(wire.unwrap_or(input.auth), d);
    let method = match wire {
        Some(_) => planned,
        None => method_in_effect(input.auth, d, secret_kind, &input.login),
    };
    let scheme = match method {
        AuthMethod::Pat | AuthMethod::ClientCredentials => Scheme::Bearer,
        AuthMethod::ApiToken | AuthMethod::Basic => Scheme::Basic,
    };
    if input.auth == AuthChoice::ClientCredentials {
        check_client(input, method, d, gateway.is_some())?;
    }
    if scheme == Scheme::Basic && input.login.trim().is_empty() {
        return Err(CheckError::LoginRequired(match method {
            AuthMethod::ApiToken => "an API token",
            _ => "username + password",
        }));
    }
    // Client credentials for an integration whose form cannot hold them: nothing is sent
    // (whatever method its form would send instead).
    let cc_refused =
        input.auth == AuthChoice::ClientCredentials && !profile.takes_client_credentials(d);
    Ok(Plan {
        method,
        scheme,
        required: required_permissions(profile.permissions(), &input.required_permissions),
        supported: profile.supports(d) && !cc_refused,
        gateway,
        not_a_token: method != AuthMethod::Basic && !input.secret.could_be_token(),
        now,
        secret_kind,
        read_as_password: method != planned,
        endpoints: profile.endpoints_on(d, &input.calls),
        expires_on,
    })
}

/// What people type, tidied and checked: the secret, the login (trimmed), the project (trimmed,
/// blank for any), the timeout and the extra permission keys.
fn check_typed(input: &mut CheckInput) -> Result<(), CheckError> {
    if input.secret.is_empty() {
        return Err(CheckError::EmptySecret);
    }
    if input.secret.trimmed().chars().count() > MAX_SECRET_CHARS {
        return Err(CheckError::SecretTooLong);
    }
    input.login = input.login.trim().to_string();
    if input.login.chars().count() > MAX_LOGIN_CHARS {
        return Err(CheckError::LoginTooLong);
    }
    input.project = input
        .project
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string);
    if let Some(p) = &input.project {
        let ok = p.len() <= MAX_PROJECT_KEY_CHARS
            && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !ok {
            return Err(CheckError::InvalidProject(p.chars().take(64).collect()));
        }
    }
    if !(MIN_TIMEOUT_MS..=MAX_TIMEOUT_MS).contains(&input.timeout_ms) {
        return Err(CheckError::InvalidTimeout);
    }
    if input.required_permissions.len() > MAX_EXTRA_PERMISSIONS
        || input
            .required_permissions
            .iter()
            .any(|k| k.is_empty() || k.chars().count() > MAX_PERMISSION_KEY_CHARS)
    {
        return Err(CheckError::InvalidPermissions);
    }
    Ok(())
}

/// The gateway the caller allowed, normalized and of the site's Cloud family.
fn gateway(input: &CheckInput, d: &Deployment) -> Result<Option<String>, CheckError> {
    let Some(g) = &input.gateway else {
        return Ok(None);
    };
    let g = urls::normalize_base(g).ok_or_else(|| CheckError::InvalidGateway(g.clone()))?;
    Ok(Some(family_gateway(g, d)))
}

/// The caller's "now" and the remembered expiry date, in Unix seconds, when given.
fn dates(input: &CheckInput) -> Result<(Option<i64>, Option<i64>), CheckError> {
    let now = match &input.now {
        Some(t) if t.len() <= 64 => {
            Some(crate::time::parse_rfc3339(t).ok_or(CheckError::InvalidNow)?)
        }
        Some(_) => return Err(CheckError::InvalidNow),
        None => None,
    };
    let expires_on = match input.expires_on.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(crate::time::parse_date(d).ok_or(CheckError::InvalidExpiresOn)?),
    };
    Ok((now, expires_on))
}

/// The endpoints the integration calls: unknown names are refused, never echoed (a misplaced
/// secret could be one).
fn check_calls(input: &CheckInput) -> Result<(), CheckError> {
    if input.calls.len() > crate::targets::ENDPOINTS.len() * 4
        || input
            .calls
            .iter()
            .any(|c| crate::targets::endpoint(c).is_none())
    {
        return Err(CheckError::UnknownEndpoint);
    }
    Ok(())
}

/// The random bytes: required by Issue Sync (named `target`), of a sane length when given.
fn check_key_material(input: &CheckInput, target: &'static str) -> Result<(), CheckError> {
    let key_bytes = input.key_material.as_ref().map(Vec::len);
    if input.target == Target::IssueSync && key_bytes.is_none_or(|n| n < MIN_KEY_MATERIAL) {
        return Err(CheckError::KeyMaterialRequired(target));
    }
    if key_bytes.is_some_and(|n| !(MIN_KEY_MATERIAL..=MAX_KEY_MATERIAL).contains(&n)) {
        return Err(CheckError::KeyMaterialLength);
    }
    Ok(())
}

/// OAuth 2.0 client credentials: a client id of a safe form, and on Cloud (`method` sent) the
/// gateway, where alone a service account's token works.
fn check_client(
    input: &CheckInput,
    method: AuthMethod,
    d: &Deployment,
    gateway_allowed: bool,
) -> Result<(), CheckError> {
    let id = input.login.as_str();
    if id.is_empty() {
        return Err(CheckError::ClientIdRequired);
    }
    // RFC 6749 §2.2 leaves the id's form open; Atlassian's are URL-safe. Anything else goes
    // into no request.
    if !id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~'))
    {
        return Err(CheckError::InvalidClientId);
    }
    if method == AuthMethod::ClientCredentials
        && d.hosting == Some(Hosting::Cloud)
        && !gateway_allowed
    {
        return Err(CheckError::ClientCredentialsNeedGateway);
    }
    Ok(())
}

/// Permission keys to check: the target's, then the extra ones, without repeats.
fn required_permissions(mut required: Vec<String>, extra: &[String]) -> Vec<String> {
    for k in extra {
        if !required.contains(k) {
            required.push(k.clone());
        }
    }
    required
}

/// The gateway a Cloud credential may go to: never another Cloud family's
/// (`urls::family::same_family`). Atlassian's gateway of another family — the CLI's default
/// `https://api.atlassian.com` for a Government site — stands for "Atlassian's gateway" and
/// becomes the site's own family's; a host of no family (a private gateway the caller named)
/// stays as given.
fn family_gateway(gateway: String, d: &Deployment) -> String {
    let site = d.rest_base().and_then(urls::parse_http);
    let site_family = site
        .as_ref()
        .and_then(|u| urls::family::of_site(u.host_str()));
    let gateway_family =
        urls::parse_http(&gateway).and_then(|u| urls::family::Family::of_host(u.host_str()));
    match (site_family, gateway_family) {
        (Some(site), Some(other)) if site != other => site.gateway(),
        _ => gateway,
    }
}

/// The method a test sends: `choice` as [`resolve_method`] reads it, except that "Automatic"
/// on Server/Data Center, where a personal access token is expected, sends a secret that
/// cannot be one (`kind` is [`SecretKind::Password`]) as the password it is — with a login, as
/// Basic, one request at a time. So a password meets Jira's password check and its verdict
/// (wrong password, CAPTCHA) instead of "Jira ignored the token". Without a login there is no
/// password to send, and the PAT stands. On Cloud a password and an API token go the same
/// way (Basic with the e-mail) and Jira's answer tells them apart (`password_not_accepted`).
pub fn method_in_effect(
    choice: AuthChoice,
    d: &Deployment,
    kind: SecretKind,
    login: &str,
) -> AuthMethod {
    let method = resolve_method(choice, d);
    let password = choice == AuthChoice::Auto
        && method == AuthMethod::Pat
        && kind == SecretKind::Password
        && !login.trim().is_empty();
    if password {
        AuthMethod::Basic
    } else {
        method
    }
}

/// The method `auto` stands for: the auth plan's recommendation (facts §3).
pub fn resolve_method(choice: AuthChoice, d: &Deployment) -> AuthMethod {
    match choice {
        AuthChoice::ApiToken => AuthMethod::ApiToken,
        AuthChoice::Pat => AuthMethod::Pat,
        AuthChoice::Basic => AuthMethod::Basic,
        AuthChoice::ClientCredentials => AuthMethod::ClientCredentials,
        AuthChoice::Auto if d.hosting == Some(Hosting::Cloud) => AuthMethod::ApiToken,
        AuthChoice::Auto => match d.major_minor() {
            Some(v) if v < PAT_SINCE => AuthMethod::Basic,
            _ => AuthMethod::Pat,
        },
    }
}
