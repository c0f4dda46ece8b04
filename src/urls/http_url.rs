//! [`HttpUrl`]: an absolute http(s) URL, parsed strictly. It accepts a subset of what the
//! WHATWG URL parser (`fetch`, the `url` crate) accepts and, for that subset, yields the same
//! scheme, host, port, path, query and serialization — which host a credential goes to and
//! what counts as the same origin must not depend on which parser read the URL.
//! `tests/url_parser/` checks that agreement against the `url` crate on generated inputs.
//!
//! Refused although WHATWG accepts it (besides the host forms in [`super::host`]): a scheme
//! other than http/https; anything but exactly `//` after `scheme:` (`http:/h`, `http:///h`,
//! `http:h`); a backslash anywhere; a space, tab, newline or other control character inside
//! (leading and trailing ones are trimmed, as WHATWG does); userinfo (`user:pass@`); an empty
//! port, one with a leading zero or above 65535; dot segments (`/./`, `/../`, `%2e`, a path
//! ending in `/.`); a `%` not followed by two hex digits; `"`, `<` and `>` (WHATWG would
//! percent-encode them); and in the path `` ` ``, `{`, `}`, `[`, `]`, `^` and `|` (which
//! WHATWG leaves in a query, as we do: tab URLs carry them there). `'` is taken in the path
//! and, as `%27`, in the query; non-ASCII characters in the path and query are
//! percent-encoded (UTF-8), both as WHATWG does. The fragment is dropped: no caller needs it.

use super::host;
use std::fmt;

/// An absolute http(s) URL in WHATWG serialization: `scheme://host[:port]/path[?query]`,
/// lower-case scheme and host, default port dropped, path at least `/`, no fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpUrl {
    serialization: String,
    /// Byte offsets into `serialization`.
    host: (usize, usize),
    port: Option<u16>,
    path_start: usize,
    /// Offset of the `?`, when there is a query (possibly empty).
    query_start: Option<usize>,
}

impl HttpUrl {
    /// Parses `input` (leading and trailing spaces and control characters ignored); `None`
    /// for anything outside the subset described in the module documentation.
    pub fn parse(input: &str) -> Option<HttpUrl> {
        let s = input.trim_matches(|c: char| c <= ' ');
        if s.chars().any(|c| c <= ' ' || c == '\u{7F}' || c == '\\') {
            return None;
        }
        let (scheme, rest) = s.split_once("://")?;
        let (scheme, default_port) = if scheme.eq_ignore_ascii_case("http") {
            ("http", 80)
        } else if scheme.eq_ignore_ascii_case("https") {
            ("https", 443)
        } else {
            return None;
        };
        let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
        let (authority, tail) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
        if authority.contains(['@', '%']) {
            return None;
        }
        let (host_raw, port) = split_port(authority)?;
        let host = host::parse(host_raw)?;
        let port = port.filter(|p| *p != default_port);
        let (path_raw, query_raw) = match tail.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (tail, None),
        };
        if path_raw.split('/').any(is_dot_segment) {
            return None;
        }

        let mut out = format!("{scheme}://");
        let host_start = out.len();
        out.push_str(&host);
        let host_end = out.len();
        if let Some(p) = port {
            out.push_str(&format!(":{p}"));
        }
        let path_start = out.len();
        if path_raw.is_empty() {
            out.push('/');
        }
        encode_into(&mut out, path_raw, false)?;
        let query_start = match query_raw {
            Some(q) => {
                let at = out.len();
                out.push('?');
                encode_into(&mut out, q, true)?;
                Some(at)
            }
            None => None,
        };
        Some(HttpUrl {
            serialization: out,
            host: (host_start, host_end),
            port,
            path_start,
            query_start,
        })
    }

    /// The whole URL, as WHATWG serializes it (no fragment).
    pub fn as_str(&self) -> &str {
        &self.serialization
    }

    /// `"http"` or `"https"`.
    pub fn scheme(&self) -> &str {
        &self.serialization[..self.host.0 - 3]
    }

    /// Lower-case ASCII host: a name (punycoded), `a.b.c.d` or `[v6]`.
    pub fn host_str(&self) -> &str {
        &self.serialization[self.host.0..self.host.1]
    }

    /// The port when it is not the scheme's default.
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The port, the scheme's default (80, 443) when none is written.
    pub fn port_or_known_default(&self) -> u16 {
        self.port
            .unwrap_or(if self.scheme() == "https" { 443 } else { 80 })
    }

    /// `scheme://host[:port]`, WHATWG's ASCII serialization of the origin.
    pub fn origin(&self) -> &str {
        &self.serialization[..self.path_start]
    }

    /// The path, starting with `/`, percent-encoded.
    pub fn path(&self) -> &str {
        let end = self.query_start.unwrap_or(self.serialization.len());
        &self.serialization[self.path_start..end]
    }

    /// The query without its `?`, percent-encoded; `Some("")` for a bare `?`.
    pub fn query(&self) -> Option<&str> {
        self.query_start.map(|q| &self.serialization[q + 1..])
    }

    /// The path's segments between `/`s (`/a//b/` → `a`, ``, `b`, ``).
    pub fn path_segments(&self) -> impl Iterator<Item = &str> {
        self.path()[1..].split('/')
    }
}

impl fmt::Display for HttpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.serialization)
    }
}

/// `host` and the port after it, if any: 1–5 digits, no leading zero, at most 65535.
fn split_port(authority: &str) -> Option<(&str, Option<u16>)> {
    let colon = if authority.starts_with('[') {
        let close = authority.find(']')?;
        match &authority[close + 1..] {
            "" => return Some((authority, None)),
            after => after.starts_with(':').then_some(close + 1)?,
        }
    } else {
        match authority.rfind(':') {
            Some(i) => i,
            None => return Some((authority, None)),
        }
    };
    let digits = &authority[colon + 1..];
    let canonical = !digits.is_empty()
        && digits.len() <= 5
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    if !canonical {
        return None;
    }
    Some((&authority[..colon], Some(digits.parse().ok()?)))
}

/// `.` or `..`, also spelt with `%2e` (WHATWG removes or resolves them).
fn is_dot_segment(seg: &str) -> bool {
    let s = seg.to_ascii_lowercase().replace("%2e", ".");
    s == "." || s == ".."
}

/// Appends a path (`query == false`) or query, percent-encoding non-ASCII characters (and
/// `'` in a query) as WHATWG does; `None` for an ASCII character WHATWG would encode or that
/// has no place there, and for a `%` without two hex digits.
fn encode_into(out: &mut String, raw: &str, query: bool) -> Option<()> {
    let bytes = raw.as_bytes();
    for (i, c) in raw.char_indices() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => out.push(c),
            '-' | '.' | '_' | '~' | '!' | '$' | '&' | '(' | ')' | '*' | '+' | ',' | ';' | '='
            | ':' | '@' | '/' => out.push(c),
            '?' | '[' | ']' | '|' | '^' | '{' | '}' | '`' if query => out.push(c),
            '\'' if query => out.push_str("%27"),
            '\'' => out.push(c),
            '%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                out.push(c);
            }
            c if !c.is_ascii() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            _ => return None,
        }
    }
    Some(())
}
