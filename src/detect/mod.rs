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
pub(crate) mod server_info;
mod signals;

pub use server_info::{is_plausible_cloud_id, parse_version, ServerInfo};

use crate::auth_plan::AuthPlan;
use crate::catalogue::Notice;
use crate::deployment::{Deployment, Hosting, Product};
use crate::flow::Flow;
use crate::http::{Exchange, HttpRequest, RequestLog, DEFAULT_TIMEOUT_MS};
use crate::page::PageSnapshot;
use crate::urls;
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
    /// Origins other than the page's the flow may ask (the extension's host permissions for
    /// the origins a page names, e.g. the Atlassian site a custom-domain page points to);
    /// `None`: any (the CLI). `allow_fetch` still governs the page's own origin.
    pub granted_origins: Option<Vec<String>>,
    /// First paint (issue 12 item 5): read the page alone and ask nothing, whatever the access;
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
            granted_origins: None,
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
    page_answer: Option<Exchange>,
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
            page_answer: None,
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

    /// The page's answer, once fed, for a caller that turns HTML into a [`PageSnapshot`]
    /// (the CLI) and hands it back with [`DetectFlow::provide_page`].
    pub fn page_answer(&self) -> Option<&Exchange> {
        self.page_answer.as_ref()
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

    fn worth_asking(&self, sig: &PageSignals) -> bool {
        let cloud_host = urls::is_cloud_host(self.url.host_str());
        match sig.product {
            Some(Product::Jira) => true,
            Some(_) => false,
            // No page (typed URL) or an unknown page: ask; an unknown page on a Cloud host too.
            None => self.page.is_none() || cloud_host || self.opts.fetch_page,
        }
    }

    fn first_batch(&self) -> Vec<HttpRequest> {
        let sig = self.signals();
        let mut batch = Vec::new();
        if self.opts.fetch_page && self.page.is_none() {
            // The page is anonymous: follow it to the dashboard or login page it leads to.
            let mut page = self.get(PAGE, self.url.to_string());
            page.follow_redirects = true;
            batch.push(page);
        }
        if !self.worth_asking(&sig) {
            return batch;
        }
        batch.push(self.get(
            SERVER_INFO,
            urls::join(&self.base, "/rest/api/2/serverInfo"),
        ));
        let cloudish =
            sig.hosting == Some(Hosting::Cloud) || urls::is_cloud_host(self.url.host_str());
        if cloudish && sig.cloud_id.is_none() {
            batch.push(self.tenant_request());
        }
        batch
    }

    fn tenant_request(&self) -> HttpRequest {
        self.get(
            TENANT_INFO,
            urls::join(&origin_of(&self.base), "/_edge/tenant_info"),
        )
    }

    /// May the flow ask `url`? The page's own origin when `allow_fetch`; another origin only
    /// when granted (or anything, for the CLI).
    fn may_ask(&self, url: &str) -> bool {
        let origin = origin_of(url);
        if origin == urls::origin(&self.url) {
            return self.opts.allow_fetch;
        }
        match &self.opts.granted_origins {
            Some(granted) => granted.iter().any(|g| origin_of(g) == origin),
            None => self.opts.allow_fetch,
        }
    }

    /// The page's origin when it is not on an Atlassian Cloud host (a custom domain or a fake
    /// that says it is Cloud — on this machine too), for the `cloud_site_elsewhere` warning.
    pub(crate) fn page_elsewhere(&self) -> Option<String> {
        self.page.as_ref()?;
        let elsewhere = !urls::is_cloud_host(self.url.host_str());
        elsewhere.then(|| urls::origin(&self.url))
    }

    /// The origin of the base REST is asked at.
    pub(crate) fn rest_origin(&self) -> String {
        origin_of(&self.base)
    }

    /// Where to ask serverInfo again when the first answer was not one: the base the page
    /// declares when it differs from the guess; else, when the context path was only guessed
    /// from the URL's path (`/jira/your-work` → `/jira`, nothing on the page says so) and
    /// something there answered that is not serverInfo (a 404, a page), the site root. Cloud's
    /// own pages live under `/jira/…` on every host name; a Server without a context path
    /// has none of those paths either.
    fn retry_base(
        &self,
        sig: &PageSignals,
        info: Option<&server_info::ServerInfoAnswer>,
    ) -> Option<String> {
        let page_base = guessed_base(&self.url, Some(sig));
        if self.page.is_some() && page_base != self.base {
            return Some(page_base);
        }
        let origin = urls::origin(&self.url);
        let declared = sig.context_path.is_some() || sig.base_url.is_some();
        let not_there = matches!(info, Some(server_info::ServerInfoAnswer::NotServerInfo(_)));
        (!declared && not_there && self.base != origin).then_some(origin)
    }

    /// The Atlassian site a Cloud serverInfo names (`baseUrl`) when it answered on another
    /// host (a custom domain whose page names no site): a Cloud credential goes only to an
    /// Atlassian site (SECURITY.md §7.1), so Jira is asked again there and that is the base.
    fn named_site(&self, info: Option<&server_info::ServerInfoAnswer>) -> Option<String> {
        let Some(server_info::ServerInfoAnswer::Info(i, _)) = info else {
            return None;
        };
        let here = urls::parse_http(&self.base)?;
        if !i.is_cloud() || urls::may_receive_cloud_credential(&here) {
            return None;
        }
        i.base_url.as_deref().and_then(atlassian_site)
    }

    /// The serverInfo answer detection concludes from, and the base it came from: the named
    /// Atlassian site's when it answered as Jira (or when there was no detour); else the
    /// custom domain's own answer, whose base may get no Cloud credential.
    pub(crate) fn rest_answer(&self) -> (Option<&Exchange>, &str) {
        if let Some((base, first)) = &self.off_site {
            let answered = self.server_info.as_ref().is_some_and(|ex| {
                matches!(
                    server_info::read_server_info(ex),
                    server_info::ServerInfoAnswer::Info(..)
                )
            });
            if !answered {
                return (Some(first), base);
            }
        }
        (self.server_info.as_ref(), &self.base)
    }

    /// The requests to the Atlassian site a custom domain's Cloud serverInfo named
    /// ([`DetectFlow::named_site`]), once: its serverInfo, and its tenant_info when no cloud id
    /// is known yet. `None` when there is no such site.
    fn detour(&mut self) -> Option<Vec<HttpRequest>> {
        if self.off_site.is_some() {
            return None;
        }
        let info = self.server_info.as_ref().map(server_info::read_server_info);
        let site = self.named_site(info.as_ref())?;
        let first = self.server_info.take()?;
        self.off_site = Some((std::mem::replace(&mut self.base, site), first));
        let mut batch = vec![self.get(
            SERVER_INFO,
            urls::join(&self.base, "/rest/api/2/serverInfo"),
        )];
        if self.tenant_info.is_none() && self.signals().cloud_id.is_none() {
            batch.push(self.tenant_request());
        }
        Some(batch)
    }

    fn second_batch(&mut self) -> Vec<HttpRequest> {
        let sig = self.signals();
        let mut batch = Vec::new();
        if let Some(detour) = self.detour() {
            return detour;
        }
        let info = self.server_info.as_ref().map(server_info::read_server_info);
        let got_info = matches!(info, Some(server_info::ServerInfoAnswer::Info(..)));
        if !got_info && self.worth_asking(&sig) {
            if let Some(base) = self.retry_base(&sig, info.as_ref()) {
                self.base = base;
                batch.push(self.get(
                    SERVER_INFO,
                    urls::join(&self.base, "/rest/api/2/serverInfo"),
                ));
            }
        }
        let says_cloud =
            matches!(&info, Some(server_info::ServerInfoAnswer::Info(i, _)) if i.is_cloud());
        if says_cloud && self.tenant_info.is_none() && sig.cloud_id.is_none() {
            batch.push(self.tenant_request());
        }
        batch
    }
}

/// Where REST lives as seen from `url`: its origin plus the context path the page declares
/// (`ajs-context-path`, else the path of a same-origin `ajs-base-url`), else a guess from the
/// URL's path. Cloud sites have no context path.
fn guessed_base(url: &urls::HttpUrl, sig: Option<&PageSignals>) -> String {
    let origin = urls::origin(url);
    if urls::is_cloud_host(url.host_str()) {
        return origin;
    }
    if let Some(s) = sig.filter(|s| s.hosting == Some(Hosting::Cloud)) {
        // A page elsewhere that says it is Cloud: its Atlassian site, if it names one, is
        // where Jira is asked (and a credential may go); the page's own host never gets one.
        return s
            .base_url
            .as_deref()
            .and_then(atlassian_site)
            .unwrap_or(origin);
    }
    if let Some(sig) = sig {
        if let Some(ctx) = &sig.context_path {
            return format!("{origin}{ctx}");
        }
        if let Some(base) = &sig.base_url {
            if urls::parse_http(base).is_some_and(|b| urls::origin(&b) == origin) {
                return base.clone();
            }
        }
    }
    format!("{origin}{}", urls::guess_context_path(url))
}

/// `scheme://host[:port]` of a URL string; the string itself when it does not parse.
fn origin_of(url: &str) -> String {
    urls::parse_http(url)
        .map(|u| urls::origin(&u))
        .unwrap_or_else(|| url.to_string())
}

/// The origin of an https Atlassian site (`*.atlassian.net`, `*.jira.com`) a page names.
pub(crate) fn atlassian_site(base: &str) -> Option<String> {
    let u = urls::parse_http(base)?;
    (u.scheme() == "https" && urls::is_atlassian_site(u.host_str())).then(|| urls::origin(&u))
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
                PAGE => self.page_answer = Some(ex),
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
