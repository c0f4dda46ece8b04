//! URLs: [`HttpUrl`], a `url::Url` (the WHATWG parser with IDNA, as `fetch` reads URLs) that
//! passed the product's policy — http(s) only, no userinfo (`policy.rs`) — and the helpers for
//! base URLs and context paths over it.

pub mod family;
mod pattern;
mod policy;

pub use pattern::granted;
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
    let families = family::Family::ALL.iter().flat_map(|f| f.site_domains());
    families
        .chain(&["jira-dev.com"])
        .any(|d| h == *d || h.ends_with(&format!(".{d}")))
}

/// True for the hosts a Jira Cloud credential may go to: an Atlassian site of any Cloud family
/// (`*.atlassian.net`, `*.jira.com`, `*.atlassian-us-gov-mod.net`, `*.atlassian-isolated.net`;
/// [`family`]). The gateway (`api.atlassian.com`) is the probe's own
/// rule (`CheckInput.gateway`). A page elsewhere that says it is Cloud (a custom domain or a
/// fake) gets no Cloud credential: the site it names does.
pub fn is_atlassian_site(host: &str) -> bool {
    family::of_site(host).is_some()
}

/// Atlassian's own service hosts a Cloud test may ask: the gateway (`api.…`) and the OAuth 2.0
/// token endpoint (`auth.…`) of a Cloud family ([`family`]).
pub fn is_atlassian_service_host(host: &str) -> bool {
    family::Family::ALL
        .iter()
        .any(|f| host == f.gateway_host() || host == f.auth_host())
}

/// The OAuth 2.0 authorization server beside a gateway: the same scheme and port, the host's
/// `api.` replaced by `auth.` (`https://api.atlassian.com` → `https://auth.atlassian.com`;
/// `api.atlassian-us-gov-mod.com` → `auth.atlassian-us-gov-mod.com`). `None` for a gateway
/// whose host does not start with `api.`.
pub fn cloud_auth_origin(gateway: &HttpUrl) -> Option<String> {
    let rest = gateway.host_str().strip_prefix("api.")?;
    let port = gateway.port().map(|p| format!(":{p}")).unwrap_or_default();
    Some(format!("{}://auth.{rest}{port}", gateway.scheme()))
}

/// May a Jira Cloud credential go to `u`? Only to an Atlassian site ([`is_atlassian_site`]);
/// the gateway (`api.atlassian.com`) is the probe's own rule (`CheckInput.gateway`). There is
/// no exception for this machine: a Cloud page on `localhost` or `127.0.0.1` is a page
/// elsewhere like any other (it is tested at the Atlassian site it names), so a local process
/// that serves such a page gets no Cloud credential either.
pub fn may_receive_cloud_credential(u: &HttpUrl) -> bool {
    is_atlassian_site(u.host_str())
}

/// A context path a page declares (`ajs-context-path`), as a path only: `""` or `/seg[/seg…]`
/// (a trailing `/` dropped) whose segments are letters, digits and `-._~` — no `?`, `#`, `%`,
/// `\`, `..`, `.`, empty segment, scheme or host. `None` for anything else: a page may move
/// the REST base within its own origin, never to a query, another path or another host.
pub fn context_path(raw: &str) -> Option<String> {
    let p = raw.trim().trim_end_matches('/');
    if p.is_empty() {
        return Some(String::new());
    }
    let rest = p.strip_prefix('/')?;
    let ok = rest.split('/').all(|seg| {
        !seg.is_empty()
            && seg != "."
            && seg != ".."
            && seg
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
    });
    (ok && p.chars().count() <= 255).then(|| p.to_string())
}

/// A base URL a page declares (`ajs-base-url`): an http(s) URL whose path passes
/// [`context_path`] and that has no query or fragment, normalised ([`normalize_base`]).
pub fn page_base(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.contains(['?', '#']) {
        return None;
    }
    let u = parse_http(raw)?;
    // WHATWG resolves dot segments and `%2e`: refuse them in the text as written.
    let lower = raw.to_ascii_lowercase();
    let dots = ["/../", "/./"].iter().any(|d| lower.contains(d))
        || lower.ends_with("/..")
        || lower.ends_with("/.")
        || lower.contains("%2e");
    if dots {
        return None;
    }
    context_path(u.path())?;
    normalize_base(u.as_str())
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
    fn a_cloud_credential_goes_only_to_atlassian_sites() {
        let may =
            |s: &str| may_receive_cloud_credential(&parse_http(s).unwrap_or_else(|| panic!("{s}")));
        for ok in [
            "https://acme.atlassian.net/",
            "https://ACME.Atlassian.NET./jira",
            "https://legacy.jira.com/",
            "http://acme.atlassian.net:8443/",
        ] {
            assert!(may(ok), "{ok}");
        }
        for refused in [
            // This machine is no exception (SECURITY.md §7.1).
            "http://127.0.0.1:8080/",
            "https://127.0.0.1/",
            "http://127.1.2.3/",
            "http://localhost/",
            "http://jira.localhost:8080/",
            "http://[::1]:8080/",
            // Not a site: the bare domains, look-alikes, other Atlassian hosts.
            "https://atlassian.net/",
            "https://jira.com/",
            "https://acme.atlassian.net.evil.example/",
            "https://evilatlassian.net/",
            "https://acme.jira-dev.com/",
            // The gateway is `CheckInput.gateway`'s rule, not a site.
            "https://api.atlassian.com/",
            "https://jira.example.com/",
            "https://127.0.0.1.nip.io/",
            "https://10.0.0.1/",
        ] {
            assert!(!may(refused), "{refused}");
        }
    }

    #[test]
    fn paths_from_a_page_are_paths_only() {
        assert_eq!(context_path("/jira/").as_deref(), Some("/jira"));
        assert_eq!(context_path("").as_deref(), Some(""));
        assert_eq!(context_path("/").as_deref(), Some(""));
        assert_eq!(
            context_path("/трекер/v2.1").as_deref(),
            Some("/трекер/v2.1")
        );
        for bad in [
            "/jira?x=1",
            "/jira#a",
            "/../admin",
            "/jira/..",
            "/a/./b",
            "//evil.example/x",
            "https://evil.example/jira",
            "jira",
            "/ji ra",
            "/%2e%2e/x",
            "/a\\b",
            "/a:b@c",
        ] {
            assert_eq!(context_path(bad), None, "{bad}");
        }
        assert_eq!(
            page_base("https://Jira.Example/jira/").as_deref(),
            Some("https://jira.example/jira")
        );
        for bad in [
            "https://jira.example/jira?next=/x",
            "https://jira.example/jira#x",
            "https://jira.example/a/../jira",
            "https://jira.example/%2e%2e/jira",
            "https://jira.example/a//b",
            "javascript:alert(1)",
        ] {
            assert_eq!(page_base(bad), None, "{bad}");
        }
    }

    #[test]
    fn atlassian_sites() {
        assert!(is_atlassian_site("acme.atlassian.net"));
        assert!(is_atlassian_site("ACME.jira.com."));
        assert!(!is_atlassian_site("atlassian.net"));
        assert!(!is_atlassian_site("acme.atlassian.net.evil.example"));
        assert!(!is_atlassian_site("evilatlassian.net"));
        assert!(!is_atlassian_site("jira.acme.example"));
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
