//! [`HttpUrl`]: a URL the product will talk to. Parsing is the `url` crate's — the WHATWG URL
//! Standard with IDNA (UTS #46), what `fetch` implements — so the core, the browser and the
//! native transport read every URL alike: one parser, one host, one origin. On top of it a
//! small policy, each rule for a security reason, not for want of parsing:
//!
//! - **http or https only.** The wizard talks to Jira over HTTP. `javascript:`, `data:`,
//!   `file:`, `ftp:` and the like are nothing to send a token to, and a `javascript:` or
//!   `data:` URL offered as a link (a CAPTCHA `login-url`, facts §4.3) would run in the popup.
//! - **No userinfo** (`user[:password]@`). A secret belongs in `probe::Secret` only; one inside
//!   a URL would ride along into logs, results, reports and error messages. And
//!   `https://jira.example.com@evil.example/` reads as Jira but goes to `evil.example`.
//!   (`fetch` refuses such URLs too: Fetch §5.4, "Request" constructor, step 8.) An empty
//!   userinfo (`http://@h/`) is not refused: WHATWG drops it, nothing is left to mislead.
//!
//! Everything else WHATWG accepts is accepted as WHATWG reads it: non-ASCII host names (IDNA to
//! `xn--`, so `https://Jira.Пример.РФ/` is `https://jira.xn--e1afmkfd.xn--p1ai/`), backslashes
//! as slashes, IPv4 in short or hex forms, dot segments resolved. The core only ever hands on
//! the serialization, so nothing downstream reads the raw text differently. The fragment is
//! dropped: it never reaches a server and no caller needs it.

use std::fmt;
use url::{Position, Url};

/// Why a string is not an [`HttpUrl`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    /// Not an absolute URL to the WHATWG parser: no scheme, an empty or invalid host (IDNA
    /// refuses it), a port above 65535, …
    #[error("not a valid URL")]
    NotAUrl,
    /// A user name or password before the host (`user[:password]@`).
    #[error("the URL contains a user name or password")]
    Userinfo,
    /// A scheme other than `http` or `https`.
    #[error("the URL is not http or https")]
    NotHttp,
}

/// An absolute http(s) URL without userinfo or fragment, in WHATWG serialization:
/// `scheme://host[:port]/path[?query]`, lower-case scheme, ASCII host (IDNs as `xn--`),
/// default port dropped, path at least `/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpUrl(Url);

impl HttpUrl {
    /// Parses `input` with the WHATWG parser (leading and trailing spaces and control
    /// characters ignored, as WHATWG does) and applies the policy of the module documentation.
    pub fn parse(input: &str) -> Result<HttpUrl, Refused> {
        let url = Url::parse(input).map_err(|_| Refused::NotAUrl)?;
        HttpUrl::try_from(url)
    }

    /// The whole URL, as WHATWG serializes it (no fragment). ASCII only.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The parsed URL, for what this type does not expose.
    pub fn as_url(&self) -> &Url {
        &self.0
    }

    /// `"http"` or `"https"`.
    pub fn scheme(&self) -> &str {
        self.0.scheme()
    }

    /// Lower-case ASCII host: a name (IDNs as `xn--`), `a.b.c.d` or `[v6]`.
    pub fn host_str(&self) -> &str {
        // Never empty: WHATWG refuses an http(s) URL without a host.
        self.0.host_str().unwrap_or_default()
    }

    /// The port when it is not the scheme's default.
    pub fn port(&self) -> Option<u16> {
        self.0.port()
    }

    /// The port, the scheme's default (80, 443) when none is written.
    pub fn port_or_known_default(&self) -> u16 {
        // Always `Some` for http and https.
        self.0.port_or_known_default().unwrap_or_default()
    }

    /// `scheme://host[:port]`, WHATWG's ASCII serialization of the origin (the URL up to its
    /// path: there is no userinfo in it).
    pub fn origin(&self) -> &str {
        &self.0[..Position::BeforePath]
    }

    /// The path, starting with `/`, percent-encoded.
    pub fn path(&self) -> &str {
        self.0.path()
    }

    /// The query without its `?`, percent-encoded; `Some("")` for a bare `?`.
    pub fn query(&self) -> Option<&str> {
        self.0.query()
    }

    /// The path's segments between `/`s (`/a//b/` → `a`, ``, `b`, ``).
    pub fn path_segments(&self) -> impl Iterator<Item = &str> {
        self.0.path_segments().into_iter().flatten()
    }
}

impl TryFrom<Url> for HttpUrl {
    type Error = Refused;

    /// The policy of the module documentation over an already parsed URL.
    fn try_from(mut url: Url) -> Result<HttpUrl, Refused> {
        if !url.username().is_empty() || url.password().is_some() {
            return Err(Refused::Userinfo);
        }
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Refused::NotHttp);
        }
        url.set_fragment(None);
        Ok(HttpUrl(url))
    }
}

impl fmt::Display for HttpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(s: &str) -> Result<String, Refused> {
        HttpUrl::parse(s).map(|u| u.to_string())
    }

    #[test]
    fn idn_hosts_in_unicode_and_xn_forms() {
        let cases = [
            // Cyrillic, upper and lower case, and its xn-- form.
            ("https://джира.рф/", "https://xn--80ahgi4b.xn--p1ai/"),
            ("https://ДЖИРА.РФ", "https://xn--80ahgi4b.xn--p1ai/"),
            (
                "https://xn--80ahgi4b.xn--p1ai/",
                "https://xn--80ahgi4b.xn--p1ai/",
            ),
            // Greek (refused by the hand-written parser that came before), both forms.
            (
                "https://jira.xn--hxajbheg2az3al.gr/",
                "https://jira.xn--hxajbheg2az3al.gr/",
            ),
            (
                "https://jira.παράδειγμα.gr/",
                "https://jira.xn--hxajbheg2az3al.gr/",
            ),
            (
                "https://JIRA.ΠΑΡΆΔΕΙΓΜΑ.GR/",
                "https://jira.xn--hxajbheg2az3al.gr/",
            ),
            // Chinese, with the ideographic full stop UTS #46 maps to `.`.
            (
                "https://例子。中国/jira",
                "https://xn--fsqu00a.xn--fiqs8s/jira",
            ),
            (
                "https://xn--fsqu00a.xn--fiqs8s/",
                "https://xn--fsqu00a.xn--fiqs8s/",
            ),
            // Arabic, German (ß is kept, as WHATWG does), full-width Latin (mapped).
            ("https://مثال.example/", "https://xn--mgbh0fb.example/"),
            ("https://straße.example/", "https://xn--strae-oqa.example/"),
            ("https://ｊｉｒａ.example/", "https://jira.example/"),
            (
                "https://Jira.Пример.РФ:8443/jira?x=й#y",
                "https://jira.xn--e1afmkfd.xn--p1ai:8443/jira?x=%D0%B9",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(parsed(input).as_deref(), Ok(want), "{input}");
            let u = HttpUrl::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert!(u.host_str().is_ascii(), "{input}");
        }
        // What IDNA refuses is not a URL.
        for input in [
            "https://xn--zz.example/",
            "https://a\u{FFFD}b.example/",
            "https://jira .example/",
        ] {
            assert_eq!(parsed(input), Err(Refused::NotAUrl), "{input}");
        }
    }

    #[test]
    fn ports_hosts_paths_and_origin() {
        let u = HttpUrl::parse("  HTTPS://Jira.Example.COM:443/jira/x?y=1#frag \n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(u.as_str(), "https://jira.example.com/jira/x?y=1");
        assert_eq!(u.scheme(), "https");
        assert_eq!(u.host_str(), "jira.example.com");
        assert_eq!(u.port(), None);
        assert_eq!(u.port_or_known_default(), 443);
        assert_eq!(u.origin(), "https://jira.example.com");
        assert_eq!(u.path(), "/jira/x");
        assert_eq!(u.query(), Some("y=1"));
        assert_eq!(u.path_segments().collect::<Vec<_>>(), ["jira", "x"]);

        let u = HttpUrl::parse("http://[::1]:8080").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(u.as_str(), "http://[::1]:8080/");
        assert_eq!((u.host_str(), u.port()), ("[::1]", Some(8080)));
        assert_eq!(u.origin(), "http://[::1]:8080");
        assert_eq!(u.port_or_known_default(), 8080);
        assert_eq!(u.path_segments().collect::<Vec<_>>(), [""]);

        let cases = [
            ("http://jira.example.com:80/", "http://jira.example.com/"),
            ("http://h:8080/jira/x?y=1", "http://h:8080/jira/x?y=1"),
            ("http://127.0.0.1:47303/jira", "http://127.0.0.1:47303/jira"),
            ("http://h?x", "http://h/?x"),
            ("http://h/a//b/", "http://h/a//b/"),
            ("http://h/й?q=й", "http://h/%D0%B9?q=%D0%B9"),
            // As WHATWG reads them: the core hands on only this serialization.
            ("http://127.1/", "http://127.0.0.1/"),
            ("http://0x7f.0.0.1/", "http://127.0.0.1/"),
            ("http://h/a/../b/./c", "http://h/b/c"),
            ("http:\\\\h\\x", "http://h/x"),
            (
                "http://evil.example\\@jira.example/",
                "http://evil.example/@jira.example/",
            ),
            ("http://%6a%69%72%61.example/", "http://jira.example/"),
            ("http://@jira.example/", "http://jira.example/"),
            // Percent-encoded mixed case before IDNA (idna_adapter 1.0 debug-asserted on it).
            ("http://%41%C3%BC/", "http://xn--a-eha/"),
        ];
        for (input, want) in cases {
            assert_eq!(parsed(input).as_deref(), Ok(want), "{input}");
        }
        for input in ["http://h:65536/", "http://h:x/", "http://", "http://:80/"] {
            assert_eq!(parsed(input), Err(Refused::NotAUrl), "{input}");
        }
    }

    #[test]
    fn userinfo_is_refused() {
        for input in [
            "http://ann@jira.example/",
            "http://ann:s3cret@jira.example/",
            "http://:s3cret@jira.example/",
            "https://jira.example.com@evil.example/",
            "https://admin:t0ken@джира.рф/",
            "HTTP:\\\\ann:pw@h\\x",
            // Userinfo is refused before the scheme: the CLI then says "remove the part
            // before '@'" rather than "not http".
            "ftp://ann:pw@h/",
        ] {
            assert_eq!(parsed(input), Err(Refused::Userinfo), "{input}");
        }
    }

    #[test]
    fn other_schemes_are_refused() {
        for input in [
            "ftp://jira.example/",
            "javascript:alert(1)",
            "data:text/html,<b>jira</b>",
            "file:///etc/passwd",
            "ws://jira.example/",
            "wss://jira.example/",
            "mailto:jira@example.com",
            "blob:https://jira.example/x",
        ] {
            assert_eq!(parsed(input), Err(Refused::NotHttp), "{input}");
        }
        for input in ["jira.example.com", "//jira.example/", "/login.jsp", ""] {
            assert_eq!(parsed(input), Err(Refused::NotAUrl), "{input}");
        }
    }
}
