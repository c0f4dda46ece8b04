//! `JTW_RESOLVE`: a TEST HOOK that overrides name resolution, like curl's `--resolve`. It is
//! compiled only into test builds (cargo feature `test-hooks`): the binary build.sh ships reads
//! no such variable, so nobody can redirect its credentials with an environment variable it
//! never mentions (SECURITY.md §7.1).
//!
//! `JTW_RESOLVE=host:port:addr[,host:port:addr…]` makes a connection to `host:port` go to
//! `addr` (an IP address, or `ip:port` / `[ipv6]:port` to also change the port) instead of what
//! the system resolver says. It is how the CLI tests reach `https://acme.atlassian.net` at the
//! Jira simulator on this machine (SECURITY.md §7.1: a Cloud credential goes only to Atlassian's
//! host names, with no exception for loopback).
//!
//! It overrides resolution only: the URL, the `Host` header, every host check of the core and
//! TLS verification still see the host name, so a mapped `*.atlassian.net` is reached only when
//! the address presents a certificate for that name that the trust store (or `--ca-cert`)
//! accepts. Anyone who can set the CLI's environment could already point it elsewhere
//! (`HTTPS_PROXY`, the hosts file); an entry that does not parse is ignored.

use std::net::{IpAddr, SocketAddr};
use ureq::config::Config;
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// The environment variable read by [`Resolve::from_env`].
pub const ENV: &str = "JTW_RESOLVE";

/// One `host:port` → address mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    host: String,
    port: u16,
    to: SocketAddr,
}

/// The system resolver, with the `JTW_RESOLVE` mappings first.
#[derive(Debug, Default)]
pub struct Resolve {
    entries: Vec<Entry>,
    system: DefaultResolver,
}

impl Resolve {
    /// The mappings in `JTW_RESOLVE` (none when unset) in a `test-hooks` build; none at all in
    /// the shipped build.
    pub fn from_env() -> Resolve {
        if cfg!(feature = "test-hooks") {
            Resolve::parse(&std::env::var(ENV).unwrap_or_default())
        } else {
            Resolve::default()
        }
    }

    /// The mappings in `spec` (`host:port:addr`, comma-separated); bad entries are skipped.
    pub fn parse(spec: &str) -> Resolve {
        let entries = spec.split(',').filter_map(entry).collect();
        Resolve {
            entries,
            system: DefaultResolver::default(),
        }
    }

    fn mapped(&self, host: &str, port: u16) -> Option<SocketAddr> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.entries
            .iter()
            .find(|e| e.host == host && e.port == port)
            .map(|e| e.to)
    }
}

fn entry(raw: &str) -> Option<Entry> {
    let mut parts = raw.trim().splitn(3, ':');
    let host = parts.next()?.trim_end_matches('.').to_ascii_lowercase();
    let port: u16 = parts.next()?.parse().ok()?;
    let addr = parts.next()?;
    if host.is_empty() {
        return None;
    }
    let to = match addr.parse::<SocketAddr>() {
        Ok(sa) => sa,
        Err(_) => SocketAddr::new(addr.trim_matches(['[', ']']).parse::<IpAddr>().ok()?, port),
    };
    Some(Entry { host, port, to })
}

impl Resolver for Resolve {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        if !self.entries.is_empty() {
            let port = uri.port_u16().or_else(|| match uri.scheme_str() {
                Some("https") => Some(443),
                Some("http") => Some(80),
                _ => None,
            });
            if let (Some(host), Some(port)) = (uri.host(), port) {
                if let Some(to) = self.mapped(host, port) {
                    let mut out = self.empty();
                    out.push(to);
                    return Ok(out);
                }
            }
        }
        self.system.resolve(uri, config, timeout)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn entries_map_one_host_and_port_only() {
        let r = Resolve::parse("Acme.Atlassian.net:443:127.0.0.1:47300, x.jira.com:8443:::1,bad");
        assert_eq!(
            r.mapped("acme.atlassian.net", 443),
            Some("127.0.0.1:47300".parse().unwrap())
        );
        assert_eq!(
            r.mapped("acme.atlassian.net.", 443),
            r.mapped("acme.atlassian.net", 443)
        );
        assert_eq!(r.mapped("acme.atlassian.net", 80), None);
        assert_eq!(r.mapped("evil.atlassian.net", 443), None);
        assert_eq!(
            r.mapped("x.jira.com", 8443),
            Some("[::1]:8443".parse().unwrap())
        );
        assert_eq!(Resolve::parse("").entries, vec![]);
        assert_eq!(Resolve::parse("h:notaport:127.0.0.1").entries, vec![]);
    }
}
