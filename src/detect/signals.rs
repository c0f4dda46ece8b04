//! What a page snapshot alone says: which product, Cloud or self-managed, version, user
//! (facts §2). Pure reading of meta tags, title, body markers and headers.

use crate::deployment::{Hosting, PageUser, Product};
use crate::page::PageSnapshot;
use crate::urls;

/// Signals read from a page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageSignals {
    pub product: Option<Product>,
    pub hosting: Option<Hosting>,
    pub version: Option<String>,
    pub build_number: Option<u64>,
    /// `ajs-base-url` (facts §2.1).
    pub base_url: Option<String>,
    /// `ajs-context-path` when it holds a path only (some versions put a full URL there, facts
    /// §2.1; a query, fragment or dot segment is refused).
    pub context_path: Option<String>,
    pub cloud_id: Option<String>,
    pub cluster_node: Option<String>,
    pub user: Option<PageUser>,
    pub evidence: Vec<String>,
}

/// Reads the page.
pub fn read(page: &PageSnapshot) -> PageSignals {
    let mut s = PageSignals::default();
    s.product = product(page, &mut s.evidence);
    s.hosting = hosting(page, &mut s.evidence);
    s.version = page
        .meta("ajs-version-number")
        .or_else(|| page.meta("application-name:data-version"))
        .map(str::to_string);
    s.build_number = page.meta("ajs-build-number").and_then(|b| b.parse().ok());
    // Paths from the page are paths only (`urls::context_path`): no query, fragment, dot
    // segment, scheme or host can steer where REST is asked.
    s.base_url = page.meta("ajs-base-url").and_then(urls::page_base);
    s.context_path = page
        .meta_raw("ajs-context-path")
        .and_then(urls::context_path);
    s.cloud_id = page.meta("ajs-cloud-id").map(str::to_string);
    s.cluster_node = page.headers.get("x-anodeid").cloned();
    s.user = user(page);
    s
}

fn has_prefix(page: &PageSnapshot, prefix: &str) -> bool {
    page.metas.keys().any(|k| k.starts_with(prefix))
}

fn app_name(page: &PageSnapshot) -> String {
    page.meta("application-name:data-name")
        .or_else(|| page.meta("application-name"))
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn path_of(page: &PageSnapshot) -> String {
    urls::parse_http(&page.url)
        .map(|u| u.path().to_string())
        .unwrap_or_default()
}

fn product(page: &PageSnapshot, ev: &mut Vec<String>) -> Option<Product> {
    let app = app_name(page);
    let body = page.body_id.to_ascii_lowercase();
    // Confluence pages carry ajs-version-number too: rule them out first (facts §2.1, §2.2).
    if app.contains("confluence")
        || body.contains("confluence")
        || has_prefix(page, "confluence-")
        || page.meta("ajs-space-key").is_some()
        || (page.meta("ajs-cloud-id").is_some() && path_of(page).starts_with("/wiki"))
    {
        ev.push("page: Confluence markers".into());
        return Some(Product::Confluence);
    }
    if app.contains("bitbucket") || has_prefix(page, "bb-") || body.contains("bitbucket") {
        ev.push("page: Bitbucket markers".into());
        return Some(Product::Bitbucket);
    }
    if app == "jira" || body == "jira" || has_prefix(page, "ajs-jira") {
        ev.push(format!("page: application-name/body id = {app}{body}"));
        return Some(Product::Jira);
    }
    if page.meta("ajs-cloud-id").is_some() {
        // A Cloud SPA shell off /wiki: Jira (facts §2.2).
        ev.push("page: meta ajs-cloud-id outside /wiki".into());
        return Some(Product::Jira);
    }
    if page.meta("ajs-version-number").is_some() || page.meta("ajs-build-number").is_some() {
        // Jira writes these (facts §2.1); other Atlassian apps (Bamboo, Fisheye, Crowd) use
        // AJS too but say their name in application-name.
        if app.is_empty() || app.contains("jira") {
            ev.push("page: meta ajs-version-number".into());
            return Some(Product::Jira);
        }
        ev.push(format!("page: AJS meta with application-name {app}"));
        return Some(Product::OtherAtlassian);
    }
    if has_prefix(page, "ajs-") {
        ev.push("page: AJS meta tags".into());
        return Some(Product::OtherAtlassian);
    }
    None
}

fn hosting(page: &PageSnapshot, ev: &mut Vec<String>) -> Option<Hosting> {
    if page.meta("ajs-cloud-id").is_some() {
        ev.push("page: meta ajs-cloud-id".into());
        return Some(Hosting::Cloud);
    }
    if let Some(host) = urls::parse_http(&page.url).map(|u| u.host_str().to_string()) {
        if urls::is_cloud_host(&host) {
            ev.push(format!("host {host} is an Atlassian Cloud domain"));
            return Some(Hosting::Cloud);
        }
    }
    let h = &page.headers;
    if h.contains_key("atl-traceid") || h.contains_key("x-aaccountid") {
        ev.push("page headers: Atl-Traceid / X-AACCOUNTID".into());
        return Some(Hosting::Cloud);
    }
    if page.meta("ajs-version-number").is_some() || page.meta("ajs-base-url").is_some() {
        ev.push("page: self-managed AJS meta (no ajs-cloud-id)".into());
        return Some(Hosting::SelfManaged);
    }
    if ["x-asessionid", "x-anodeid", "x-asen"]
        .iter()
        .any(|k| h.contains_key(*k))
    {
        ev.push("page headers: X-ASESSIONID / X-ANODEID / X-ASEN".into());
        return Some(Hosting::SelfManaged);
    }
    None
}

fn user(page: &PageSnapshot) -> Option<PageUser> {
    let u = PageUser {
        name: page.meta("ajs-remote-user").map(str::to_string),
        display_name: page.meta("ajs-remote-user-fullname").map(str::to_string),
        account_id: page.meta("ajs-atlassian-account-id").map(str::to_string),
    };
    (u.name.is_some() || u.account_id.is_some()).then_some(u)
}
