//! What a token test is asked to do, checked before anything is sent: the input, the method
//! `auto` and the target stand for, and the permissions to check.

use super::{Scheme, Secret};
use crate::auth_plan::{AuthMethod, PAT_SINCE};
use crate::deployment::{Deployment, Hosting};
use crate::http::DEFAULT_TIMEOUT_MS;
use crate::targets::Target;
use crate::urls;
use serde::{Deserialize, Serialize};

/// Which method to test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AuthChoice {
    /// What the auth plan recommends for the deployment.
    #[default]
    Auto,
    ApiToken,
    Pat,
    Basic,
}

/// What to test.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckInput {
    /// E-mail (Cloud) or username (Server/DC); may be empty for a PAT.
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
}

fn default_timeout() -> u32 {
    DEFAULT_TIMEOUT_MS
}

/// Input that cannot be tested: a usage error, not a verdict.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    #[error("the secret is empty")]
    EmptySecret,
    #[error("{0} needs a login (e-mail on Cloud, username on Server/Data Center)")]
    LoginRequired(&'static str),
    #[error("not a Jira project key: {0:?} (letters, digits and _ only)")]
    InvalidProject(String),
    #[error("not an http(s) gateway URL: {0}")]
    InvalidGateway(String),
    #[error("{0} needs at least 32 random bytes to generate its authentication key")]
    KeyMaterialRequired(&'static str),
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
}

/// Validates `input` for deployment `d`.
pub(super) fn prepare(input: &CheckInput, d: &Deployment) -> Result<Plan, CheckError> {
    if input.secret.is_empty() {
        return Err(CheckError::EmptySecret);
    }
    if let Some(p) = &input.project {
        let ok = !p.is_empty()
            && p.len() <= 255
            && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !ok {
            return Err(CheckError::InvalidProject(p.clone()));
        }
    }
    let gateway = match &input.gateway {
        Some(g) => {
            Some(urls::normalize_base(g).ok_or_else(|| CheckError::InvalidGateway(g.clone()))?)
        }
        None => None,
    };
    let profile = input.target.profile();
    if input.target == Target::IssueSync && input.key_material.as_ref().is_none_or(|k| k.len() < 32)
    {
        return Err(CheckError::KeyMaterialRequired(profile.name));
    }
    let method = resolve_method(profile.wire_auth(d).unwrap_or(input.auth), d);
    let scheme = match method {
        AuthMethod::Pat => Scheme::Bearer,
        AuthMethod::ApiToken | AuthMethod::Basic => Scheme::Basic,
    };
    if scheme == Scheme::Basic && input.login.trim().is_empty() {
        return Err(CheckError::LoginRequired(match method {
            AuthMethod::ApiToken => "an API token",
            _ => "username + password",
        }));
    }
    let mut required = profile.permissions();
    for k in &input.required_permissions {
        if !required.contains(k) {
            required.push(k.clone());
        }
    }
    Ok(Plan {
        method,
        scheme,
        required,
        supported: profile.supports(d),
        gateway,
    })
}

/// The method `auto` stands for: the auth plan's recommendation (facts §3).
pub fn resolve_method(choice: AuthChoice, d: &Deployment) -> AuthMethod {
    match choice {
        AuthChoice::ApiToken => AuthMethod::ApiToken,
        AuthChoice::Pat => AuthMethod::Pat,
        AuthChoice::Basic => AuthMethod::Basic,
        AuthChoice::Auto if d.hosting == Some(Hosting::Cloud) => AuthMethod::ApiToken,
        AuthChoice::Auto => match d.major_minor() {
            Some(v) if v < PAT_SINCE => AuthMethod::Basic,
            _ => AuthMethod::Pat,
        },
    }
}
