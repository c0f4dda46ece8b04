//! URLs: [`HttpUrl`], a `url::Url` (the WHATWG parser with IDNA, as `fetch` reads URLs) that
//! passed the product's policy — http(s) only, no userinfo (`policy.rs`) — and the helpers for
//! base URLs and context paths over it.

mod policy;

pub use policy::{HttpUrl, Refused};

/// Parses an absolute http(s) URL ([`HttpUrl::parse`]); `None` for anything the WHATWG parser
/// or the policy refuses. A non-ASCII host is IDNA-encoded, so `https://Jira.Пример.РФ/` is
/// `https://jira.xn--e1afmkfd.xn--p1ai/`.
pub fn parse_http(s: &str) -> Option<HttpUrl> {
    HttpUrl::parse(s).ok()
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
        // The path as WHATWG reads it: dot segments resolved, backslashes as slashes.
        assert_eq!(ctx("https://h/tracker/x/../browse/X-1"), "/tracker");
        assert_eq!(
            ctx("https://h\\tracker\\secure\\Dashboard.jspa"),
            "/tracker"
        );
        // IDN hosts and ports do not change the guess.
        assert_eq!(ctx("https://джира.рф:8443/jira/browse/ABC-1"), "/jira");
        assert_eq!(ctx("https://jira.παράδειγμα.gr/tracker/"), "/tracker");
    }

    #[test]
    fn base_urls_of_idn_hosts_and_ports() {
        assert_eq!(
            normalize_base("https://ДЖИРА.рф:8443/Jira/").as_deref(),
            Some("https://xn--80ahgi4b.xn--p1ai:8443/Jira")
        );
        assert_eq!(
            normalize_base("http://jira.xn--hxajbheg2az3al.gr:80/jira?x=1#y").as_deref(),
            Some("http://jira.xn--hxajbheg2az3al.gr/jira")
        );
        assert_eq!(
            normalize_base("https://例子.中国/").as_deref(),
            Some("https://xn--fsqu00a.xn--fiqs8s")
        );
        assert_eq!(path_of("https://джира.рф/tracker/"), "/tracker");
        assert_eq!(path_of("https://джира.рф"), "");
        assert_eq!(path_of("not a url"), "");
        let u = parse_http("https://jira.παράδειγμα.gr:8443/x").unwrap_or_else(|| panic!());
        assert_eq!(origin(&u), "https://jira.xn--hxajbheg2az3al.gr:8443");
        assert_eq!(
            join(&origin(&u), "/rest/api/2/serverInfo"),
            "https://jira.xn--hxajbheg2az3al.gr:8443/rest/api/2/serverInfo"
        );
        // Refused by the policy: no base URL at all.
        assert_eq!(normalize_base("https://admin:t0ken@jira.example/"), None);
        assert_eq!(normalize_base("javascript:alert(1)"), None);
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
