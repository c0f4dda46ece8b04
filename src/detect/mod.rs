//! Detection: what a tab or URL is — Jira Cloud, Jira Server/Data Center (version, build,
//! base URL with context path, cluster), or not Jira — as a sans-IO [`Flow`].
//!
//! Inputs are a [`PageSnapshot`] (browser tab, or the page the CLI fetched) and the answers to
//! the requests the flow asks for: anonymous `GET {base}/rest/api/2/serverInfo` (facts §1)
//! and, for Cloud, `GET {origin}/_edge/tenant_info` (facts §2.5). All of one round trip's
//! requests are independent and go out in parallel; detection needs one round trip, two
//! when a fetched page reveals a context path the first guess missed or a custom domain's
//! Cloud serverInfo names the Atlassian site to ask instead, three when both happen.

mod conclude;
mod plan;
pub(crate) mod server_info;
mod signals;
mod warnings;

pub use server_info::{is_plausible_cloud_id, parse_version, ServerInfo};

use crate::auth_plan::{AuthPlan, TargetPlan};
use crate::catalogue::Notice;
use crate::deployment::{Deployment, Hosting, Product};
use crate::flow::Flow;
use crate::http::{Exchange, HttpRequest, RequestLog, DEFAULT_TIMEOUT_MS};
use crate::page::PageSnapshot;
use crate::urls;
pub(crate) use plan::atlassian_site;
use plan::{guessed_base, origin_of};
use serde::{Deserialize, Serialize};
use signals::PageSignals;

/// Request id of the page itself (CLI only).
pub const PAGE: &str = "page";
/// Request id of `/rest/api/2/serverInfo`.
pub const SERVER_INFO: &str = "server_info";
/// Request id of `/_edge/tenant_info`.
pub const TENANT_INFO: &str = "tenant_info";

/// The evidence line detection records when serverInfo answered with Jira's JSON.
pub(crate) const SERVER_INFO_EVIDENCE: &str = "serverInfo answered with Jira's JSON";

/// How detection may use the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct DetectOptions {
    /// May the flow ask anything of the server? False when the extension has no host access.
    pub allow_fetch: bool,
    /// Ask for the page itself (the CLI; the browser already has the tab).
    pub fetch_page: bool,
    /// Per-request timeout in milliseconds.
    pub timeout_ms: u32,
    /// The extension's host permissions as the browser lists them (match patterns, e.g.
    /// `https://jira.corp/*`): an origin other than the page's — the Atlassian site a
    /// custom-domain page or its serverInfo names — is asked only when one grants it
    /// (`urls::granted`); `None`: any (the CLI). `allow_fetch` still governs the page's own origin.
    pub granted_patterns: Option<Vec<String>>,
    /// First paint: read the page alone and ask nothing, whatever the access;
    /// the detection is [`Detection::provisional`] and the full one follows. No
    /// `host_permission_needed` either: not asking is the point, not a missing grant.
    pub page_only: bool,
}

impl Default for DetectOptions {
    fn default() -> Self {
        DetectOptions {
            allow_fetch: true,
            fetch_page: false,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            granted_patterns: None,
            page_only: false,
        }
    }
}

/// Why detection could not start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DetectError {
    #[error("not an http(s) URL: {0}")]
    InvalidUrl(String),
}

/// The result of detection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Detection {
    pub deployment: Deployment,
    /// How to authenticate; `None` when it is not Jira.
    pub auth_plan: Option<AuthPlan>,
    /// The plan for each integration target (empty when it is not Jira): the wizard asks
    /// which integration first and shows its plan without another round trip.
    #[serde(default)]
    pub target_plans: Vec<TargetPlan>,
    /// The steps for a service account's OAuth 2.0 client credentials where the deployment has
    /// them (Cloud; Data Center 11 or later): the token URL and where the access token goes
    /// (`auth_plan::client_credentials_plan`). `None` elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_credentials_plan: Option<AuthPlan>,
    pub warnings: Vec<Notice>,
    /// The requests made, without secrets.
    pub requests: Vec<RequestLog>,
    /// The origin detection asks REST questions of (and a credential may go to, once it
    /// answered as Jira): the page's own, or the Atlassian site a Cloud page elsewhere names.
    /// The extension asks the user for access to this origin.
    #[serde(default)]
    pub rest_origin: Option<String>,
    /// Read from the page alone ([`DetectOptions::page_only`]: its meta tags, no request), shown
    /// at once and confirmed or corrected by the full detection. Nothing the REST API said is in
    /// it, so no credential goes with it (`reached_base_url` is unset; the token test refuses it).
    #[serde(default)]
    pub provisional: bool,
}

impl Detection {
    /// serverInfo answered with Jira's JSON: the site is Jira, whatever answers other requests.
    pub fn server_info_was_jira(&self) -> bool {
        self.deployment
            .evidence
            .iter()
            .any(|e| e == SERVER_INFO_EVIDENCE)
    }
}

/// The detection conversation.
#[derive(Debug, Clone)]
pub struct DetectFlow {
    opts: DetectOptions,
    url: urls::HttpUrl,
    /// Typed or pasted (the CLI, the popup's URL field), not a tab: a deep link is worth a
    /// `url_normalized` warning.
    typed: bool,
    page: Option<PageSnapshot>,
    /// Base URL the last serverInfo request went to.
    base: String,
    server_info: Option<Exchange>,
    /// A Cloud serverInfo that answered off Atlassian's hosts (a custom domain) and named an
    /// Atlassian site, with the base it came from: that site was asked next
    /// ([`DetectFlow::named_site`]). Used when the site did not answer.
    off_site: Option<(String, Exchange)>,
    tenant_info: Option<Exchange>,
    rounds: u8,
    sent: Vec<HttpRequest>,
    log: Vec<RequestLog>,
    /// An origin a request was not sent to for want of access.
    needs_access: Option<String>,
}

impl DetectFlow {
    /// Detection for a browser tab the extension has a snapshot of.
    pub fn for_page(page: PageSnapshot, opts: DetectOptions) -> Result<DetectFlow, DetectError> {
        let page = page.sanitized();
        let url =
            urls::parse_http(&page.url).ok_or_else(|| DetectError::InvalidUrl(page.url.clone()))?;
        let mut flow = DetectFlow::new(
            url,
            DetectOptions {
                fetch_page: false,
                ..opts
            },
        );
        flow.provide_page(page);
        Ok(flow)
    }

    /// Detection for a URL someone typed (the CLI, or the popup's URL field).
    pub fn for_url(url: &str, opts: DetectOptions) -> Result<DetectFlow, DetectError> {
        let url = urls::parse_http(url).ok_or_else(|| DetectError::InvalidUrl(url.to_string()))?;
        let mut flow = DetectFlow::new(url, opts);
        flow.typed = true;
        Ok(flow)
    }

    fn new(url: urls::HttpUrl, opts: DetectOptions) -> DetectFlow {
        let base = guessed_base(&url, None);
        DetectFlow {
            opts,
            url,
            typed: false,
            page: None,
            base,
            server_info: None,
            off_site: None,
            tenant_info: None,
            rounds: 0,
            sent: Vec::new(),
            log: Vec::new(),
            needs_access: None,
        }
    }

    /// The page as parsed by the caller.
    pub fn provide_page(&mut self, page: PageSnapshot) {
        let page = page.sanitized();
        let sig = signals::read(&page);
        if self.server_info.is_none() {
            self.base = guessed_base(&self.url, Some(&sig));
        }
        self.page = Some(page);
    }

    fn signals(&self) -> PageSignals {
        self.page.as_ref().map(signals::read).unwrap_or_default()
    }

    fn get(&self, id: &str, url: String) -> HttpRequest {
        HttpRequest::get(id, url, self.opts.timeout_ms)
    }
}

impl Flow for DetectFlow {
    type Output = Detection;

    fn next_batch(&mut self) -> Vec<HttpRequest> {
        if self.opts.page_only {
            return Vec::new();
        }
        let mut batch = if self.rounds >= 3 {
            Vec::new()
        } else if self.rounds == 2 {
            // Only when the second round's serverInfo (at the site root, after a wrong
            // context-path guess) was a custom domain's naming its Atlassian site.
            self.detour().unwrap_or_default()
        } else if self.rounds == 0 {
            self.first_batch()
        } else {
            self.second_batch()
        };
        if let Some(blocked) = batch.iter().find(|r| !self.may_ask(&r.url)) {
            self.needs_access = Some(origin_of(&blocked.url));
        }
        batch.retain(|r| self.may_ask(&r.url));
        self.rounds += 1;
        self.sent = batch.clone();
        batch
    }

    fn feed(&mut self, answers: Vec<(String, Exchange)>) {
        for (id, ex) in answers {
            if let Some(req) = self.sent.iter().find(|r| r.id == id) {
                self.log.push(RequestLog::new(req, &ex));
            }
            match id.as_str() {
                SERVER_INFO => self.server_info = Some(ex),
                TENANT_INFO => self.tenant_info = Some(ex),
                _ => {}
            }
        }
    }

    fn finish(self) -> Detection {
        conclude::conclude(&self)
    }
}
