//! URL helpers for base URLs and context paths (pure string work over the `url` crate).

use url::Url;

/// Parses an absolute http(s) URL. A URL with non-ASCII characters goes through
/// [`ascii_host`] first, so `jira.пример.рф` is parsed as `jira.xn--e1afmkfd.xn--p1ai`.
pub fn parse_http(s: &str) -> Option<Url> {
    let s = s.trim();
    let converted;
    let s = if s.is_ascii() {
        s
    } else {
        // Never hand the url crate a non-ASCII host: with idna_adapter 1.0 it refuses it (and
        // its debug build asserts on mixed-case ones).
        converted = ascii_host(s)?;
        &converted
    };
    let u = Url::parse(s).ok()?;
    matches!(u.scheme(), "http" | "https").then_some(u)
}

/// `url` with its host lower-cased and every non-ASCII label punycoded (`xn--…`), the rest
/// unchanged; `None` when there is no `scheme://` or a label cannot be encoded.
///
/// Why here and not in the `url` crate: the crate's full UTS #46 processing (`idna_adapter`
/// 1.2, ICU4X tables) is ~47 KB of gzipped wasm, a third of the extension's size budget
/// (BENCHMARKS.md), so Cargo.toml pins `idna_adapter = "~1.0"`, which refuses non-ASCII hosts.
/// Browsers hand the extension tab URLs already punycoded; what reaches this is a typed URL
/// (or a `baseUrl` a Jira admin typed). Lower-casing + punycode is what UTS #46 does for the
/// names people actually type (Cyrillic, accented Latin, CJK); what it skips — NFC/NFKC
/// normalisation, mapping of full-width or ignorable characters, bidi rules — can only make
/// an exotic host resolve to nothing, which the token test then names (`unreachable`).
pub fn ascii_host(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !scheme_ok {
        return None;
    }
    // Special schemes ignore extra slashes before the host (WHATWG URL): so do we.
    let rest = rest.trim_start_matches(['/', '\\']);
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (userinfo, host_port) = match authority.rfind('@') {
        Some(i) => authority.split_at(i + 1),
        None => ("", authority),
    };
    let (host, port) = match host_port.rfind(':') {
        Some(i) if host_port[i + 1..].bytes().all(|b| b.is_ascii_digit()) => host_port.split_at(i),
        _ => (host_port, ""),
    };
    let labels: Option<Vec<String>> = host
        .split(['.', '\u{3002}', '\u{FF0E}', '\u{FF61}'])
        .map(|label| {
            if label.is_ascii() {
                Some(label.to_ascii_lowercase())
            } else {
                idna::punycode::encode_str(&label.to_lowercase()).map(|p| format!("xn--{p}"))
            }
        })
        .collect();
    Some(format!(
        "{scheme}://{userinfo}{}{port}{tail}",
        labels?.join(".")
    ))
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
    fn unicode_hosts_are_punycoded() {
        let host = |s: &str| parse_http(s).map(|u| u.to_string());
        assert_eq!(
            host("https://Jira.Пример.РФ:8443/jira?x=й#y").as_deref(),
            Some("https://jira.xn--e1afmkfd.xn--p1ai:8443/jira?x=%D0%B9#y")
        );
        assert_eq!(
            host("http://ann@bücher.example/").as_deref(),
            Some("http://ann@xn--bcher-kva.example/")
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
        assert_eq!(
            host("http:///Bücher.example").as_deref(),
            Some("http://xn--bcher-kva.example/")
        );
        assert!(host("http://%41%C3%BC/").is_none_or(|h| h.is_ascii()));
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
