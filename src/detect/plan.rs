//! What detection asks, round by round: the first batch (serverInfo at the guessed base, the
//! Cloud tenant), the second (the page's context path, the site root after a wrong guess) and
//! the detour to the Atlassian site a custom domain's serverInfo names — and which origins it
//! may ask at all.

use super::*;

impl DetectFlow {
    pub(super) fn worth_asking(&self, sig: &PageSignals) -> bool {
        let cloud_host = urls::is_cloud_host(self.url.host_str());
        match sig.product {
            Some(Product::Jira) => true,
            Some(_) => false,
            // No page (typed URL) or an unknown page: ask; an unknown page on a Cloud host too.
            None => self.page.is_none() || cloud_host || self.opts.fetch_page,
        }
    }

    pub(super) fn first_batch(&self) -> Vec<HttpRequest> {
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
        // The tenant comes from the site, never from the page: a page's `ajs-cloud-id` would
        // pick which tenant the gateway is asked for. Asked beside serverInfo, no extra trip.
        if cloudish {
            batch.push(self.tenant_request());
        }
        batch
    }

    pub(super) fn tenant_request(&self) -> HttpRequest {
        self.get(
            TENANT_INFO,
            urls::join(&origin_of(&self.base), "/_edge/tenant_info"),
        )
    }

    /// May the flow ask `url`? The page's own origin when `allow_fetch`; another origin only
    /// when granted (or anything, for the CLI).
    pub(super) fn may_ask(&self, url: &str) -> bool {
        let origin = origin_of(url);
        if origin == urls::origin(&self.url) {
            return self.opts.allow_fetch;
        }
        match (&self.opts.granted_patterns, urls::parse_http(url)) {
            (Some(patterns), Some(url)) => urls::granted(patterns, &url),
            (Some(_), None) => false,
            (None, _) => self.opts.allow_fetch,
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
    pub(super) fn retry_base(
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
    pub(super) fn named_site(
        &self,
        info: Option<&server_info::ServerInfoAnswer>,
    ) -> Option<String> {
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
    /// ([`DetectFlow::named_site`]), once: its serverInfo, and its tenant_info when the site's
    /// own cloud id is not known yet. `None` when there is no such site.
    pub(super) fn detour(&mut self) -> Option<Vec<HttpRequest>> {
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
        if self.tenant_info.is_none() {
            batch.push(self.tenant_request());
        }
        Some(batch)
    }

    pub(super) fn second_batch(&mut self) -> Vec<HttpRequest> {
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
        if says_cloud && self.tenant_info.is_none() {
            batch.push(self.tenant_request());
        }
        batch
    }
}

/// Where REST lives as seen from `url`: its origin plus the context path the page declares
/// (`ajs-context-path`, else the path of a same-origin `ajs-base-url`), else a guess from the
/// URL's path. Cloud sites have no context path (Government Cloud's `/jira` aside).
pub(super) fn guessed_base(url: &urls::HttpUrl, sig: Option<&PageSignals>) -> String {
    let origin = urls::origin(url);
    if urls::is_cloud_host(url.host_str()) {
        // Cloud sites have no context path, except the family's own: Government Cloud serves
        // Jira under `/jira` (urls::family).
        let path = urls::family::of_site(url.host_str()).map_or("", |f| f.jira_path());
        return format!("{origin}{path}");
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
pub(super) fn origin_of(url: &str) -> String {
    urls::parse_http(url)
        .map(|u| urls::origin(&u))
        .unwrap_or_else(|| url.to_string())
}

/// The origin of an https Atlassian site (`*.atlassian.net`, `*.jira.com`) a page names.
pub(crate) fn atlassian_site(base: &str) -> Option<String> {
    let u = urls::parse_http(base)?;
    let path = urls::family::of_site(u.host_str()).map_or("", |f| f.jira_path());
    (u.scheme() == "https" && urls::is_atlassian_site(u.host_str()))
        .then(|| format!("{}{path}", urls::origin(&u)))
}
