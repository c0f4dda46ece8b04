//! The token test as a sans-IO [`Flow`]: which requests to send with the credential, and what
//! their answers mean (facts §3–§5).
//!
//! Round 1 sends `GET /rest/api/2/myself` with the credential (it cannot be answered
//! anonymously, so a silently ignored token turns into a 401, facts §4.4) and, in parallel,
//! `GET /rest/api/2/mypermissions` — except for Basic on Server/DC, where every failed
//! password counts towards the CAPTCHA lock-out (facts §4.3), so permissions wait for a
//! successful login. Round 2 only happens when it proves something: a rejected Basic password
//! retried as Bearer (a PAT used as a password, facts §3.3), a scoped Cloud token retried at
//! the gateway (facts §3.2), an SSO redirect followed *without* credentials to name where it
//! leads (facts §4.6), or the deferred permission check.

mod classify;
mod client_credentials;
mod credential;
mod endpoints;
mod expiry;
mod finding;
mod gateway;
mod identity;
mod input;
mod moved;
mod plan;
mod proxy;
mod rate_limit;
mod refused;
mod result;
mod scrub;
mod secret_kind;
pub mod server_check;
mod status_class;

pub use crate::answerer::Answerer;
pub use crate::auth_plan::AuthChoice;
pub use credential::{base64, Scheme, Secret};
pub use finding::no_answer;
pub use identity::JiraUser;
pub use input::{method_in_effect, resolve_method, CheckError, CheckInput};
pub use secret_kind::SecretKind;
pub mod limits {
    //! What a token test takes ([`super::CheckInput`] is checked against these).
    pub use super::input::{
        MAX_EXTRA_PERMISSIONS, MAX_KEY_MATERIAL, MAX_LOGIN_CHARS, MAX_PERMISSION_KEY_CHARS,
        MAX_PROJECT_KEY_CHARS, MAX_SECRET_CHARS, MAX_TIMEOUT_MS, MIN_KEY_MATERIAL, MIN_TIMEOUT_MS,
    };
}
pub use expiry::{RememberedExpiry, TokenExpiry, EXPIRES_SOON_DAYS};
pub use result::{ProjectRef, MAX_PROJECTS};
pub use scrub::{Redactor, REDACTED};
pub use server_check::{ServerCheck, SECRET_ENV};

use crate::auth_plan::{AuthMethod, AuthPlan, PAT_SINCE};
use crate::catalogue::{Code, Notice};
use crate::deployment::{Deployment, Hosting};
use crate::detect::{is_plausible_cloud_id, Detection};
use crate::flow::Flow;
use crate::http::{Exchange, HttpRequest, RequestLog};
use crate::i18n::Text;
use crate::permissions::PermissionReport;
use crate::snippet::Snippet;
use crate::targets::Target;
use crate::urls;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub(crate) const MYSELF: &str = "myself";
pub(crate) const MYPERMISSIONS: &str = "mypermissions";
pub(crate) const PROJECTS: &str = "projects";
pub(crate) const TENANT_INFO: &str = "tenant_info";
pub(crate) const MYSELF_BEARER: &str = "myself_as_bearer";
pub(crate) const GATEWAY_MYSELF: &str = "gateway_myself";
pub(crate) const MYSELF_UNAUTHENTICATED: &str = "myself_without_credentials";
pub(crate) const GATEWAY_MYPERMISSIONS: &str = "gateway_mypermissions";
pub(crate) const GATEWAY_PROJECTS: &str = "gateway_projects";
pub(crate) const PAT_TOKENS: &str = "pat_tokens";
/// The prefix of an endpoint check's request id: `endpoint:search-v2` (`endpoints.rs`).
pub(crate) const ENDPOINT_PREFIX: &str = "endpoint:";

/// The conclusion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    pub code: Code,
    /// True only for `ok`.
    pub ok: bool,
    /// Jira accepted the credential: `ok`, `missing_permissions`, `endpoint_removed` (the
    /// connector fails though the credential works).
    #[serde(default)]
    pub credential_works: bool,
    pub title: Text,
    pub cause: Text,
    pub fix: Text,
}

/// Everything a token test found. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    pub deployment: Deployment,
    /// The integration tested for.
    pub target: Target,
    pub verdict: Verdict,
    /// Who sent the answer the verdict reads: Jira, Atlassian's edge, a device in front of
    /// Jira, another application, or nobody (no answer, or nothing was asked).
    #[serde(default = "nobody")]
    pub answered_by: Answerer,
    /// Why no credential was sent, when none was.
    #[serde(default)]
    pub not_sent: Option<Text>,
    /// The account the credential belongs to, when Jira said.
    pub user: Option<JiraUser>,
    /// The method tested.
    pub auth_method: Option<AuthMethod>,
    /// The method in effect, sent or not: the one the form's secret field is labelled after
    /// (`Automatic` resolved for this deployment and this secret, or the target's).
    #[serde(default)]
    pub method_in_effect: Option<AuthMethod>,
    /// What the secret looked like (`probe::SecretKind`); with `auth: auto` on Server/Data
    /// Center a password-shaped secret is sent as the password it is.
    #[serde(default)]
    pub secret_kind: Option<SecretKind>,
    /// Method "Automatic" read the secret as a password and sent it as one.
    #[serde(default)]
    pub read_as_password: bool,
    /// How the secret was sent.
    pub scheme: Option<Scheme>,
    pub permissions: Option<PermissionReport>,
    /// Projects the account can browse, for a project picker (at most [`MAX_PROJECTS`]).
    pub projects: Vec<ProjectRef>,
    /// The target's connection block, when the credential works; its secret is masked.
    pub snippet: Option<Snippet>,
    /// Where to solve a CAPTCHA, only when it is on the Jira host (facts §4.3).
    pub login_url: Option<String>,
    /// The gateway URL (`https://api.atlassian.com/ex/jira/{cloudId}`) the credential works
    /// through when the site itself refused it (a scoped token, facts §3.2); the snippet uses it.
    pub via_gateway: Option<String>,
    /// The auth plan re-made for what the test found, when it differs from the detection's:
    /// with [`CheckResult::via_gateway`] its steps give the integration that gateway URL, not
    /// the site's (`auth_plan::plan_via_gateway`). `None`: the detection's plan stands.
    #[serde(default)]
    pub auth_plan: Option<AuthPlan>,
    /// True when the site refused a Cloud API token and the gateway was not asked: the popup
    /// offers "Test through api.atlassian.com" (a scoped token is refused like a wrong one).
    pub gateway_offer: bool,
    /// When the tested personal access token expires, when Jira said so and the token is
    /// identified for certain (Data Center's token list, facts §3.3).
    pub token_expiry: Option<TokenExpiry>,
    /// The expiry date remembered for this connection (`CheckInput::expires_on`), when the
    /// credential works: the snippet and the report say "expires on … (in N days)".
    #[serde(default)]
    pub remembered_expiry: Option<RememberedExpiry>,
    /// The same test as command lines to run on the integration's server (secret from
    /// `$JIRA_TOKEN`), when a credential was sent.
    #[serde(default)]
    pub server_check: Option<ServerCheck>,
    pub warnings: Vec<Notice>,
    /// Detection's and the test's requests, without secrets.
    pub requests: Vec<RequestLog>,
}

fn nobody() -> Answerer {
    Answerer::Nobody
}

/// The token-test conversation.
#[derive(Debug, Clone)]
pub struct ProbeFlow {
    input: CheckInput,
    detection: Detection,
    plan: input::Plan,
    base: String,
    round: u8,
    sent: Vec<HttpRequest>,
    answers: BTreeMap<String, Exchange>,
    log: Vec<RequestLog>,
    /// The access token a token endpoint issued for client credentials: a secret like the
    /// client secret (redacted `Debug`, no `Serialize`), scrubbed from the result.
    access: Option<Secret>,
}

impl ProbeFlow {
    /// Validates the input and prepares the test of a detected deployment.
    pub fn new(mut input: CheckInput, detection: Detection) -> Result<ProbeFlow, CheckError> {
        let plan = input::prepare(&mut input, &detection.deployment)?;
        let base = detection
            .deployment
            .rest_base()
            .unwrap_or_default()
            .to_string();
        let log = detection.requests.clone();
        Ok(ProbeFlow {
            input,
            detection,
            plan,
            base,
            round: 0,
            sent: Vec::new(),
            answers: BTreeMap::new(),
            log,
            access: None,
        })
    }

    fn deployment(&self) -> &Deployment {
        &self.detection.deployment
    }

    fn is_cloud(&self) -> bool {
        self.deployment().hosting == Some(Hosting::Cloud)
    }

    /// A PAT could work here: 8.14 or later, or version unknown.
    fn pat_possible(&self) -> bool {
        !self.is_cloud()
            && self
                .deployment()
                .major_minor()
                .is_none_or(|v| v >= PAT_SINCE)
    }

    fn cloud_id(&self) -> Option<String> {
        let from_tenant = self.answers.get(TENANT_INFO).and_then(|ex| {
            let r = ex.response().filter(|r| r.status == 200)?;
            let v = r.json::<serde_json::Value>()?;
            v.get("cloudId")?.as_str().map(str::to_string)
        });
        from_tenant
            .or_else(|| self.deployment().cloud_id.clone())
            .filter(|id| is_plausible_cloud_id(id))
    }

    /// `{gateway}/ex/jira/{cloudId}` when the caller allowed the gateway and the cloud id is known.
    fn gateway_base(&self) -> Option<String> {
        let gateway = self.plan.gateway.as_ref()?;
        Some(format!("{gateway}/ex/jira/{}", self.cloud_id()?))
    }

    /// Basic against Server/DC: send one request at a time (CAPTCHA counter, facts §4.3).
    fn serial(&self) -> bool {
        self.plan.scheme == Scheme::Basic && !self.is_cloud()
    }

    /// Will the credential be sent at all? Only to a deployment detection reached as Jira, for
    /// a target that works there, and a secret that can be what was asked for.
    pub(crate) fn will_send(&self) -> bool {
        self.deployment().may_be_jira()
            && !self.base.is_empty()
            && self.plan.supported
            && !self.plan.not_a_token
    }

    fn client_credentials(&self) -> bool {
        self.plan.method == AuthMethod::ClientCredentials
    }

    /// Every secret of this test — the one given and, for client credentials, the access
    /// token it was exchanged for — as the scrub and the CLI's output filter take them.
    pub fn redactor(&self) -> Redactor {
        let r = Redactor::new(&self.input.secret, &self.input.login);
        match &self.access {
            Some(token) => r.with(token),
            None => r,
        }
    }
}

impl Flow for ProbeFlow {
    type Output = CheckResult;

    fn next_batch(&mut self) -> Vec<HttpRequest> {
        let batch = match self.round {
            0 => self.first_batch(),
            1 => self.second_batch(),
            _ => Vec::new(),
        };
        self.round += 1;
        self.sent = batch.clone();
        batch
    }

    fn feed(&mut self, answers: Vec<(String, Exchange)>) {
        for (id, ex) in answers {
            if let Some(req) = self.sent.iter().find(|r| r.id == id) {
                if id == client_credentials::CLIENT_TOKEN {
                    self.access = client_credentials::access_token(&ex);
                }
                self.log.push(RequestLog::new(req, &ex));
                self.answers.insert(id, ex);
            }
        }
    }

    fn finish(self) -> CheckResult {
        result::conclude(self)
    }
}
