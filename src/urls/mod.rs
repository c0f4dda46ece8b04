//! URLs: [`HttpUrl`], our strict http(s) URL type (`http_url.rs`: which subset of WHATWG URLs
//! it takes and how it writes them; `host.rs`: host names, IPv4/IPv6, non-ASCII names through
//! our punycode, `punycode.rs`), and the helpers for base URLs and context paths over it.
//!
//! Why not the `url` crate: it is the full WHATWG parser plus IDNA (UTS #46), ~34 KB of wasm
//! code the extension does not need (BENCHMARKS.md "Shipped size"). What we need is the subset
//! people type and Jira answers; `tests/url_parser/` proves that whatever [`parse_http`]
//! accepts, the `url` crate (a native dev-dependency, with full UTS #46) reads the same way.

mod host;
mod http_url;
mod punycode;

pub use http_url::HttpUrl;

/// Parses an absolute http(s) URL strictly ([`HttpUrl::parse`]): a non-ASCII host is
/// lower-cased and punycoded, so `https://Jira.Пример.РФ/` is `https://jira.xn--e1afmkfd.xn--p1ai/`.
pub fn parse_http(s: &str) -> Option<HttpUrl> {
    HttpUrl::parse(s)
}

/// `scheme://host[:port]` of a URL (default ports omitted), as an owned string.
pub fn origin(u: &HttpUrl) -> String {
    u.origin().to_string()
}

/// A base URL normalised for comparison and joining: lower-case scheme/host, default port
/// dropped, no trailing slash, no query or fragment.
pub fn normalize_base(s: &str) -> Option<String> {
    let u = parse_http(s)?;
    let path = u.path().trim_end_matches('/');
    Some(format!("{}{}", u.origin(), path))
}

/// The path of a base URL without the trailing slash (`""` for the root).
pub fn path_of(base: &str) -> String {
    parse_http(base)
        .map(|u| u.path().trim_end_matches('/').to_string())
        .unwrap_or_default()
}

/// Joins a base URL (no trailing slash) and an absolute path.
pub fn join(base: &str, path: &str) -> String {
    format!("{}{}", base.trim_end_matches('/'), path)
}

/// Path segments after which a Jira URL no longer belongs to the context path.
const JIRA_ROOT_MARKERS: &[&str] = &[
    "secure",
    "browse",
    "projects",
    "plugins",
    "rest",
    "login.jsp",
    "logout",
    "issues",
    "jira",
    "servicedesk",
    "wiki",
    "people",
    "dashboards",
    "your-work",
    "s",
    "_edge",
];

/// Guesses a context path from a URL someone opened in Jira, e.g.
/// `https://h/jira/browse/ABC-1` → `/jira`, `https://h/secure/Dashboard.jspa` → `""`,
/// `https://h/tracker/` → `/tracker`. `/jira` itself is a context path only when something
/// follows it or it is the whole path.
pub fn guess_context_path(u: &HttpUrl) -> String {
    let segs: Vec<&str> = u.path_segments().filter(|p| !p.is_empty()).collect();
    let mut ctx = Vec::new();
    for (i, seg) in segs.iter().enumerate() {
        let is_last = i + 1 == segs.len();
        let looks_like_file = seg.contains('.');
        if JIRA_ROOT_MARKERS.contains(seg) && !(*seg == "jira" && i == 0) {
            break;
        }
        if looks_like_file && is_last {
            break;
        }
        ctx.push(*seg);
        if *seg == "jira" {
            break;
        }
    }
    if ctx.is_empty() {
        String::new()
    } else {
        format!("/{}", ctx.join("/"))
    }
}

/// True for host names that only Atlassian Cloud uses (facts §2.5).
pub fn is_cloud_host(host: &str) -> bool {
    let h = host.trim_end_matches('.').to_ascii_lowercase();
    ["atlassian.net", "jira.com", "jira-dev.com"]
        .iter()
        .any(|d| h == *d || h.ends_with(&format!(".{d}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(s: &str) -> String {
        guess_context_path(&parse_http(s).unwrap_or_else(|| panic!("{s}")))
    }

    #[test]
    fn context_path_guesses() {
        assert_eq!(ctx("https://h/jira/browse/ABC-1"), "/jira");
        assert_eq!(ctx("https://h/jira"), "/jira");
        assert_eq!(ctx("https://h/jira/"), "/jira");
        assert_eq!(ctx("https://h/secure/Dashboard.jspa"), "");
        assert_eq!(ctx("https://h/"), "");
        assert_eq!(ctx("https://h/tracker/secure/Dashboard.jspa"), "/tracker");
        assert_eq!(ctx("https://h/login.jsp"), "");
        assert_eq!(ctx("https://h/a/b/browse/X-1"), "/a/b");
        // Cloud's new UI lives under /jira/…; callers ignore the guess on Cloud hosts.
        assert_eq!(
            ctx("https://acme.atlassian.net/jira/software/projects/X"),
            "/jira"
        );
    }

    #[test]
    fn unicode_hosts_are_punycoded() {
        let host = |s: &str| parse_http(s).map(|u| u.to_string());
        // The fragment is dropped; non-ASCII in the query is percent-encoded as UTF-8.
        assert_eq!(
            host("https://Jira.Пример.РФ:8443/jira?x=й#y").as_deref(),
            Some("https://jira.xn--e1afmkfd.xn--p1ai:8443/jira?x=%D0%B9")
        );
        assert_eq!(
            host("http://bücher.example/").as_deref(),
            Some("http://xn--bcher-kva.example/")
        );
        assert_eq!(
            host("https://jira。пример。рф").as_deref(),
            Some("https://jira.xn--e1afmkfd.xn--p1ai/")
        );
        // Already punycoded (what browsers hand over): unchanged.
        assert_eq!(
            host("https://jira.xn--e1afmkfd.xn--p1ai/").as_deref(),
            Some("https://jira.xn--e1afmkfd.xn--p1ai/")
        );
        assert_eq!(host("ftp://пример.рф/"), None);
        assert_eq!(host("пример.рф"), None);
        assert_eq!(host("https://xn--zz.example/"), None);
        // Userinfo, extra slashes and percent-encoded hosts: refused, not guessed at.
        assert_eq!(host("http://ann@bücher.example/"), None);
        assert_eq!(host("http:///Bücher.example"), None);
        assert_eq!(host("http://%41%C3%BC/"), None);
        // Characters whose UTS #46 mapping is more than lower-casing: refused.
        assert_eq!(host("https://ｊｉｒａ.example/"), None);
        assert_eq!(host("https://straße.example/"), None);
    }

    #[test]
    fn cloud_hosts() {
        assert!(is_cloud_host("acme.atlassian.net"));
        assert!(is_cloud_host("ACME.jira.com"));
        assert!(!is_cloud_host("atlassian.net.evil.example"));
        assert!(!is_cloud_host("jira.corp.example"));
    }

    #[test]
    fn normalize() {
        assert_eq!(
            normalize_base("HTTPS://Jira.Corp.Example:443/jira/").as_deref(),
            Some("https://jira.corp.example/jira")
        );
        assert_eq!(normalize_base("ftp://x"), None);
    }
}
