//! The browser's host permissions as it lists them (`permissions.getAll().origins`): match
//! patterns such as `https://jira.example.com/*`, `*://*.atlassian.net/*` or `<all_urls>`.
//! Whether one of them lets the extension ask a URL is a rule, kept here once: the service
//! worker hands detection every pattern granted (`DetectOptions.granted_patterns`), and detection
//! asks an origin the page names only when a pattern grants it — in one run, not a second one
//! after the worker looked.
//!
//! The extension asks for and grants a host with any port and any path (`extension/browser.js`
//! `originPattern`: Firefox's patterns cannot name a port). A pattern here grants an origin
//! only for the whole host (path `*`); one for some paths only grants none (a request under
//! another path would fail). A port in a pattern (Chrome accepts one) grants that port only.

use super::HttpUrl;

/// True when one of `patterns` grants a request to `url`'s origin.
pub fn granted(patterns: &[String], url: &HttpUrl) -> bool {
    patterns.iter().any(|p| grants(p, url))
}

/// Does the match pattern `pattern` grant the whole of `url`'s origin?
fn grants(pattern: &str, url: &HttpUrl) -> bool {
    if pattern == "<all_urls>" {
        return true; // every http(s) URL: an `HttpUrl` is one
    }
    let Some((scheme, rest)) = pattern.split_once("://") else {
        return false;
    };
    if scheme != "*" && !scheme.eq_ignore_ascii_case(url.scheme()) {
        return false;
    }
    let Some((authority, path)) = rest.split_once('/') else {
        return false;
    };
    if path != "*" {
        return false;
    }
    let (host, port) = split_port(authority);
    let port_ok = match port {
        None | Some("*") => true,
        Some(p) => p.parse::<u16>().ok() == Some(url.port_or_known_default()),
    };
    port_ok && host_matches(host, url.host_str())
}

/// `host[:port]` → host and port (an IPv6 literal keeps its colons inside the brackets).
fn split_port(authority: &str) -> (&str, Option<&str>) {
    let after_literal = authority.rfind(']').map_or(0, |i| i + 1);
    match authority[after_literal..].rfind(':') {
        Some(i) => (
            &authority[..after_literal + i],
            Some(&authority[after_literal + i + 1..]),
        ),
        None => (authority, None),
    }
}

/// `*` (any host), `*.example.com` (the domain and every subdomain) or the host itself; the
/// URL's host is ASCII (IDNs punycoded) and lower-case, as the browser lists its patterns.
fn host_matches(pattern: &str, host: &str) -> bool {
    if pattern == "*" {
        return true;
    }
    match pattern.strip_prefix("*.") {
        Some(domain) => {
            let (host, domain) = (host.to_ascii_lowercase(), domain.to_ascii_lowercase());
            host == domain || host.ends_with(&format!(".{domain}"))
        }
        None => pattern.eq_ignore_ascii_case(host),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(patterns: &[&str], url: &str) -> bool {
        let patterns: Vec<String> = patterns.iter().map(|p| p.to_string()).collect();
        granted(
            &patterns,
            &HttpUrl::parse(url).unwrap_or_else(|_| panic!("{url}")),
        )
    }

    #[test]
    fn a_host_pattern_grants_every_port_of_its_host_and_scheme() {
        assert!(ok(&["http://jira.corp/*"], "http://jira.corp:8080/rest"));
        assert!(ok(&["http://jira.corp/*"], "http://JIRA.corp/"));
        assert!(!ok(&["http://jira.corp/*"], "https://jira.corp/"));
        assert!(!ok(&["http://jira.corp/*"], "http://jira.corp.evil/"));
        assert!(!ok(&["http://jira.corp/*"], "http://x.jira.corp/"));
        assert!(!ok(&[], "http://jira.corp/"));
    }

    #[test]
    fn wildcards_scheme_host_and_all_urls() {
        assert!(ok(&["*://jira.corp/*"], "https://jira.corp/"));
        assert!(ok(
            &["https://*.atlassian.net/*"],
            "https://acme.atlassian.net/"
        ));
        assert!(ok(&["https://*.atlassian.net/*"], "https://atlassian.net/"));
        assert!(!ok(
            &["https://*.atlassian.net/*"],
            "https://evilatlassian.net/"
        ));
        assert!(!ok(
            &["https://*.atlassian.net/*"],
            "https://atlassian.net.evil/"
        ));
        assert!(ok(&["https://*/*"], "https://anything.example/"));
        assert!(!ok(&["https://*/*"], "http://anything.example/"));
        assert!(ok(&["<all_urls>"], "http://127.0.0.1:9/"));
    }

    #[test]
    fn a_pattern_for_some_paths_or_another_port_grants_no_origin() {
        assert!(!ok(
            &["https://jira.corp/rest/*"],
            "https://jira.corp/rest/api"
        ));
        assert!(!ok(&["https://jira.corp"], "https://jira.corp/"));
        assert!(!ok(&["jira.corp/*"], "https://jira.corp/"));
        assert!(ok(&["https://jira.corp:8443/*"], "https://jira.corp:8443/"));
        assert!(!ok(&["https://jira.corp:8443/*"], "https://jira.corp/"));
        assert!(ok(&["https://jira.corp:443/*"], "https://jira.corp/"));
        assert!(ok(&["http://[::1]/*"], "http://[::1]:8080/"));
        assert!(ok(&["http://[::1]:8080/*"], "http://[::1]:8080/"));
        assert!(!ok(&["http://[::1]:8081/*"], "http://[::1]:8080/"));
    }

    #[test]
    fn an_idn_is_matched_punycoded() {
        assert!(ok(
            &["https://jira.xn--e1afmkfd.xn--p1ai/*"],
            "https://Jira.Пример.РФ/"
        ));
    }
}
