//! URL helpers for base URLs and context paths (pure string work over the `url` crate).

use url::Url;

/// Parses an absolute http(s) URL.
pub fn parse_http(s: &str) -> Option<Url> {
    let u = Url::parse(s.trim()).ok()?;
    matches!(u.scheme(), "http" | "https").then_some(u)
}

/// `scheme://host[:port]` of a URL (default ports omitted).
pub fn origin(u: &Url) -> String {
    u.origin().ascii_serialization()
}

/// A base URL normalised for comparison and joining: lower-case scheme/host, default port
/// dropped, no trailing slash, no query or fragment.
pub fn normalize_base(s: &str) -> Option<String> {
    let u = parse_http(s)?;
    let path = u.path().trim_end_matches('/');
    Some(format!("{}{}", origin(&u), path))
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
pub fn guess_context_path(u: &Url) -> String {
    let segs: Vec<&str> = u
        .path_segments()
        .map(|s| s.filter(|p| !p.is_empty()).collect())
        .unwrap_or_default();
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
        guess_context_path(&Url::parse(s).unwrap_or_else(|_| panic!("{s}")))
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
