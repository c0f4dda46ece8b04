//! The status class, asked after who answered and before any "is this Jira" conclusion:
//! a 429 is a rate limit (facts §4.7), a 5xx a server error naming who failed (§4.9), a 407 a
//! proxy asking for its own login, a redirect an SSO gateway (§4.6) — whoever sent them. Then
//! what an answer without Jira's marks is (`not_from_jira`): never read with Jira's words.
//! And, when no credential was sent, why not (`not_tested`): a page or header set that says
//! Jira is never overruled into `not_jira` by a failing serverInfo.

use super::finding::{is_login_page, timeout, tls_untrusted, unexpected, Finding};
use super::ProbeFlow;
use crate::answerer::{self, Answerer, Context, Who};
use crate::catalogue::Code;
use crate::deployment::Product;
use crate::http::{normalize_headers, HttpResponse, RequestLog};
use crate::i18n::Text;
use crate::urls;

/// 429, 5xx, 407 or a redirect: the verdict, whoever sent it. `None` for any other status.
pub(super) fn of_status(
    flow: &ProbeFlow,
    r: &HttpResponse,
    url: &str,
    who: &Who,
) -> Option<Finding> {
    Some(match r.status {
        // facts §4.7
        429 => super::rate_limit::finding(r),
        500..=599 => server_error(url, r.status),
        407 => proxy_auth_required(url, who),
        _ if r.redirect || (300..400).contains(&r.status) => super::classify::sso(flow, r),
        _ => return None,
    })
}

fn server_error(url: &str, status: u16) -> Finding {
    Finding::new(
        Code::ServerError,
        vec![("url", url.to_string()), ("status", status.to_string())],
    )
}

fn proxy_auth_required(url: &str, who: &Who) -> Finding {
    let scheme = who.signature.clone();
    Finding::new(
        Code::ProxyAuthRequired,
        vec![("url", url.to_string()), ("signature", scheme)],
    )
}

/// An answer without Jira's marks (Atlassian's edge, a device in front of Jira), status class
/// already asked: what it is, never what Jira would have meant. A credential goes only where
/// REST confirmed Jira, so an unmarked answer to it is never another application's: that is
/// decided where nothing was sent (`answered`).
pub(super) fn not_from_jira(flow: &ProbeFlow, r: &HttpResponse, url: &str, who: &Who) -> Finding {
    if is_login_page(r) {
        return Finding::new(Code::SsoLoginPage, vec![("location", url.to_string())]);
    }
    let html = looks_like_html(r);
    match who.answerer {
        // facts §7.1: an API call Atlassian's edge does not pass to the site (CloudFront's bot
        // protection, a path under the wrong prefix, a site that does not exist) gets the
        // edge's own 404 page; Atlassian advises the gateway address for API clients.
        Answerer::AtlassianEdge if r.status == 404 && !r.is_json() && is_api_path(url) => {
            edge_not_found(url, flow.cloud_id())
        }
        Answerer::AtlassianEdge | Answerer::DeviceInFront
            if html || matches!(r.status, 400 | 401 | 403 | 404) =>
        {
            blocked(url, r.status)
        }
        _ => unexpected(
            r,
            url,
            if r.truncated {
                "body too large"
            } else {
                "not Jira's answer"
            },
        ),
    }
}

fn blocked(url: &str, status: u16) -> Finding {
    Finding::new(
        Code::BlockedByProxy,
        vec![("url", url.to_string()), ("status", status.to_string())],
    )
}

/// The gateway address Atlassian's edge routes API calls through (facts §3.2).
fn edge_not_found(url: &str, cloud_id: Option<String>) -> Finding {
    let cloud_id = cloud_id.unwrap_or_else(|| "<cloudId>".into());
    let site = urls::parse_http(url)
        .map(|u| urls::origin(&u))
        .unwrap_or_default();
    Finding::new(
        Code::EdgeNotFound,
        vec![
            ("url", url.to_string()),
            ("site", site),
            (
                "gateway",
                format!("{}/ex/jira/{cloud_id}", crate::auth_plan::CLOUD_GATEWAY),
            ),
        ],
    )
}

fn is_api_path(url: &str) -> bool {
    urls::parse_http(url).is_some_and(|u| u.path().contains("/rest/"))
}

/// An HTML page by its type, or by its first tag when the type is missing.
pub(super) fn looks_like_html(r: &HttpResponse) -> bool {
    let start: String = r.body.trim_start().chars().take(14).collect();
    let start = start.to_ascii_lowercase();
    r.is_html() || start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// What was known before an answer to `url` came: its host, and whether the site was Jira.
pub(super) fn context(flow: &ProbeFlow, url: &str) -> Context {
    let host = urls::parse_http(url)
        .map(|u| u.host_str().trim_end_matches('.').to_ascii_lowercase())
        .unwrap_or_default();
    Context {
        atlassian_host: urls::is_atlassian_site(&host) || urls::is_atlassian_service_host(&host),
        site_is_jira: flow.detection.server_info_was_jira() || flow.deployment().is_jira(),
        page_says_jira: flow.deployment().is_jira(),
    }
}

fn unsent_unconfirmed(status: &str) -> Text {
    Text::new(
        format!("No credential was sent: Jira's REST API (serverInfo) answered HTTP {status} instead of confirming this is Jira, and a credential goes only where REST confirmed it."),
        format!("Учётные данные не отправлялись: REST API Jira (serverInfo) ответил HTTP {status} вместо подтверждения, что это Jira, а учётные данные отправляются только туда, где REST это подтвердил."),
    )
}

/// serverInfo's answer as far as detection's log kept it: status and diagnostic headers.
fn logged_answer(log: &RequestLog) -> HttpResponse {
    HttpResponse {
        status: log.status.unwrap_or_default(),
        headers: normalize_headers(log.headers.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
        redirect: log.outcome == "redirect",
        ..HttpResponse::default()
    }
}

/// No credential was sent: say why from detection's requests. The site's last serverInfo
/// answer goes through the same questions — who answered, the status class — so a Jira page
/// whose REST API answered 429 or 500 is rate-limited or failing, not "not Jira".
pub(super) fn not_tested(flow: &ProbeFlow) -> Finding {
    let info = flow
        .detection
        .requests
        .iter()
        .rev()
        .find(|r| r.id == crate::detect::SERVER_INFO);
    let Some(info) = info else {
        // Nothing was asked: the page showed another product, or there was no access to the
        // site (a first paint from the page alone, a typed address not granted yet).
        if let Some(f) = other_product(flow, &flow.deployment().summary.en, "—") {
            return f;
        }
        let url = flow.detection.rest_origin.clone().unwrap_or_default();
        let mut f = Finding::new(
            Code::TransportFailed,
            vec![
                ("url", url),
                ("detail", "the site's REST API was not asked".into()),
            ],
        );
        f.unsent = Some(unsent_unconfirmed("—"));
        return f;
    };
    let url = info.url.clone();
    let mut f = match info.outcome.as_str() {
        "timeout" => timeout(&url, flow.input.timeout_ms),
        "unreachable" | "not_sent" => {
            let detail = info
                .detail
                .clone()
                .unwrap_or_else(|| "no connection".into());
            let code = if info.outcome == "not_sent" {
                Code::TransportFailed
            } else {
                Code::Unreachable
            };
            Finding::new(code, vec![("url", url), ("detail", detail)])
        }
        "tls_untrusted" => {
            let cert = info.certificate.clone().unwrap_or_default();
            let detail = info.detail.clone().unwrap_or_default();
            let (code, vars) = tls_untrusted(url, &cert, &detail);
            Finding::new(code, vars)
        }
        _ => answered(flow, info, &url),
    };
    let status = info
        .status
        .map(|s| s.to_string())
        .unwrap_or_else(|| "—".into());
    f.unsent = Some(unsent_unconfirmed(&status));
    f
}

/// serverInfo answered but did not confirm Jira: who answered, the status class, then what
/// the origin is.
fn answered(flow: &ProbeFlow, info: &RequestLog, url: &str) -> Finding {
    let r = logged_answer(info);
    // REST did not confirm the page's word: only what this answer carries says who sent it.
    let ctx = Context {
        site_is_jira: false,
        ..context(flow, url)
    };
    let who = answerer::of_response(&r, ctx);
    let mut f = if let Some(f) = of_status(flow, &r, url, &who) {
        f
    } else if matches!(
        who.answerer,
        Answerer::DeviceInFront | Answerer::AtlassianEdge
    ) {
        not_from_jira(flow, &r, url, &who)
    } else if who.answerer == Answerer::Jira
        && matches!(
            flow.deployment().product,
            Product::NotAtlassian | Product::Jira | Product::Unknown
        )
    {
        // Jira's marks on an answer that is no serverInfo (a wrong base path): never not_jira.
        unexpected(&r, url, "Jira answered, but not with its serverInfo")
    } else if let Some(f) = other_product(flow, url, &r.status.to_string()) {
        return f;
    } else if who.answerer == Answerer::OtherApp {
        Finding::new(
            Code::NotJira,
            vec![("url", url.to_string()), ("status", r.status.to_string())],
        )
    } else {
        unexpected(&r, url, "serverInfo did not answer with Jira's JSON")
    };
    f.who = who;
    f
}

/// The page or serverInfo named another product: that origin answered as itself.
fn other_product(flow: &ProbeFlow, url: &str, status: &str) -> Option<Finding> {
    if matches!(flow.deployment().product, Product::Jira | Product::Unknown) {
        return None;
    }
    let mut f = Finding::new(
        Code::NotJira,
        vec![("url", url.to_string()), ("status", status.to_string())],
    );
    f.who = Who {
        answerer: Answerer::OtherApp,
        signature: flow.deployment().summary.en.clone(),
    };
    Some(f)
}
