//! The warnings beside a detection (`conclude.rs` decides the deployment; these say what is
//! worth a second look): a login redirect, a Cloud page elsewhere, and for Jira the site not
//! reached, a custom domain, a normalized URL, a base URL on the same or another host, an
//! unknown version.

use super::server_info::{read_server_info, ServerInfoAnswer};
use super::DetectFlow;
use crate::catalogue::{Code, Notice};
use crate::deployment::{Hosting, Product};
use crate::i18n::Text;
use crate::urls;

/// What detection concluded, for its warnings.
pub(super) struct Found<'a> {
    pub(super) product: Product,
    pub(super) hosting: Option<Hosting>,
    /// Where REST was asked.
    pub(super) base: &'a str,
    pub(super) base_url: Option<&'a str>,
    /// The base serverInfo or the page names, tested or not (`base_url` may be the asked one).
    pub(super) claimed: Option<&'a str>,
    pub(super) reached: Option<&'a str>,
    pub(super) version_known: bool,
}

/// The warnings beside a detection: a login redirect, a Cloud page elsewhere, and for Jira the
/// site not reached, a custom domain, a normalized URL, a base URL mismatch, an unknown version.
pub(super) fn warnings(
    flow: &DetectFlow,
    sig: &super::PageSignals,
    answer: &Option<ServerInfoAnswer>,
    found: &Found,
) -> Vec<Notice> {
    let mut warnings = Vec::new();
    if let Some(ServerInfoAnswer::Redirect(r)) = answer {
        let url = urls::join(found.base, "/rest/api/2/serverInfo");
        let location: String = r
            .header("location")
            .unwrap_or("?")
            .chars()
            .take(200)
            .collect();
        // A redirect to an Atlassian Cloud site is a Jira that moved there, not a login page.
        let cloud_site = urls::parse_http(&location)
            .filter(|to| urls::is_atlassian_site(to.host_str()))
            .map(|to| urls::origin(&to));
        warnings.push(match cloud_site {
            Some(site) => Code::RedirectsToCloud.notice(&[("url", &url), ("site", &site)]),
            None => Code::LoginRedirect.notice(&[("url", &url), ("location", &location)]),
        });
    }
    if sig.hosting == Some(Hosting::Cloud) {
        let site = sig.base_url.as_deref().and_then(super::atlassian_site);
        if let (Some(page), Some(site)) = (flow.page_elsewhere(), site) {
            warnings.push(Code::CloudSiteElsewhere.notice(&[("page", &page), ("site", &site)]));
        }
    }
    if found.product == Product::Unknown && answer.is_none() {
        jira_warnings(flow, answer, &mut warnings);
    }
    if found.product == Product::Jira {
        jira_warnings(flow, answer, &mut warnings);
        warnings.extend(site_not_reached(flow));
        // Named as serverInfo's word even where its site was not reached: the summary then names
        // the asked host (`base_url`), and this says which address integrations need.
        let custom = custom_domain(flow, found.hosting, found.claimed);
        let custom_found = custom.is_some();
        warnings.extend(custom);
        warnings.extend(url_normalized(flow, found.reached));
        if let (Some(configured), Some(reached), false) =
            (found.base_url, found.reached, custom_found)
        {
            if urls::normalize_base(configured) != urls::normalize_base(reached) {
                // Another path, port or scheme on the tested host is a reverse proxy's usual
                // shape; another host is only a claim: nothing there was tested.
                let code = if same_host(configured, reached) {
                    Code::BaseUrlMismatch
                } else {
                    Code::BaseUrlOtherHost
                };
                warnings.push(code.notice(&[("configured", configured), ("reached", reached)]));
            }
        }
        if found.hosting != Some(Hosting::Cloud) && !found.version_known {
            let base = found.base_url.unwrap_or_default();
            warnings.push(Code::VersionUnknown.notice(&[("base", base)]));
        }
    }

    warnings
}

/// A Cloud site reached on another host than its `*.atlassian.net` one: a custom domain (its
/// serverInfo names the atlassian.net base URL) or a legacy `*.jira.com` host (facts §2.5;
/// Atlassian AX-649, AX-664). Integrations must be given the atlassian.net address.
fn custom_domain(
    flow: &DetectFlow,
    hosting: Option<Hosting>,
    base: Option<&str>,
) -> Option<Notice> {
    if hosting != Some(Hosting::Cloud) {
        return None;
    }
    let reached = flow
        .url
        .host_str()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let on_atlassian_net = |h: &str| h == "atlassian.net" || h.ends_with(".atlassian.net");
    if on_atlassian_net(&reached) {
        return None;
    }
    let configured = base.and_then(|b| {
        let u = urls::parse_http(b)?;
        on_atlassian_net(u.host_str()).then(|| b.to_string())
    });
    let legacy = reached == "jira.com" || reached.ends_with(".jira.com");
    let site = match (configured, legacy) {
        (Some(site), _) => Text::new(site.clone(), site),
        (None, true) => Text::new(
            "its *.atlassian.net address (admin.atlassian.com → Products)",
            "его адрес *.atlassian.net (admin.atlassian.com → Products)",
        ),
        (None, false) => return None,
    };
    let origin = urls::origin(&flow.url);
    let mut n = Code::CustomDomain.notice(&[("reached", &origin)]);
    for t in [&mut n.cause, &mut n.fix] {
        t.en = t.en.replace("{site}", &site.en);
        t.ru = t.ru.replace("{site}", &site.ru);
    }
    Some(n)
}

/// A typed address that is a page inside Jira (`/browse/KEY-1`, `/secure/…`, `/rest/…`, `/jira`
/// on Cloud …): the test used the base URL, and the integration should get that.
fn url_normalized(flow: &DetectFlow, reached: Option<&str>) -> Option<Notice> {
    let reached = reached?;
    if !flow.typed {
        return None;
    }
    let given = flow.url.to_string();
    let typed = urls::normalize_base(&given)?;
    let base = urls::normalize_base(reached)?;
    // Reduced, not extended: an origin typed without the context path Jira declares is the
    // base URL's business (`base_url_mismatch` where the configured one differs).
    let inside = typed
        .strip_prefix(&base)
        .is_some_and(|rest| rest.starts_with('/'));
    if !inside {
        return None;
    }
    let shown: String = given.chars().take(200).collect();
    Some(Code::UrlNormalized.notice(&[("given", &shown), ("base", reached)]))
}

/// The Atlassian site a custom domain's serverInfo named was asked and did not answer as Jira
/// (or could not be asked for want of access): no credential goes anywhere, and this says why.
fn site_not_reached(flow: &DetectFlow) -> Option<Notice> {
    let (_, base) = flow.rest_answer();
    if flow.off_site.is_none() || base == flow.base {
        return None;
    }
    let url = urls::join(&flow.base, "/rest/api/2/serverInfo");
    let detail = match flow.server_info.as_ref().map(read_server_info) {
        None => {
            let origin = flow
                .needs_access
                .clone()
                .unwrap_or_else(|| flow.rest_origin());
            return Some(Code::HostPermissionNeeded.notice(&[("origin", &origin)]));
        }
        Some(ServerInfoAnswer::Failed(detail)) => detail,
        Some(
            ServerInfoAnswer::NeedsLogin(r)
            | ServerInfoAnswer::NotServerInfo(r)
            | ServerInfoAnswer::Redirect(r),
        ) => format!("HTTP {}", r.status),
        Some(ServerInfoAnswer::Info(..)) => return None,
    };
    Some(Code::ServerInfoUnavailable.notice(&[("url", &url), ("detail", &detail)]))
}

fn jira_warnings(flow: &DetectFlow, answer: &Option<ServerInfoAnswer>, out: &mut Vec<Notice>) {
    let (_, base) = flow.rest_answer();
    let url = urls::join(base, "/rest/api/2/serverInfo");
    match answer {
        None if flow.needs_access.is_some() => {
            let origin = flow.needs_access.clone().unwrap_or_default();
            out.push(Code::HostPermissionNeeded.notice(&[("origin", &origin)]));
        }
        Some(ServerInfoAnswer::NeedsLogin(_)) => out.push(Code::ServerInfoNeedsLogin.notice(&[])),
        Some(ServerInfoAnswer::NotServerInfo(r)) => {
            let detail = format!("HTTP {}", r.status);
            out.push(Code::ServerInfoUnavailable.notice(&[("url", &url), ("detail", &detail)]));
        }
        Some(ServerInfoAnswer::Failed(detail)) => {
            out.push(Code::ServerInfoUnavailable.notice(&[("url", &url), ("detail", detail)]));
        }
        _ => {}
    }
}

/// Do two URLs name the same host (ports and paths aside)?
pub(super) fn same_host(a: &str, b: &str) -> bool {
    match (urls::parse_http(a), urls::parse_http(b)) {
        (Some(a), Some(b)) => a.host_str().eq_ignore_ascii_case(b.host_str()),
        _ => false,
    }
}
