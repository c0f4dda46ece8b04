//! Issue 13, item 9: a browser's report beside a report from the integration's server (the
//! CLI's `--report`), and the one rule that names how they differ. A browser cannot see the
//! server's network, so the usual finding is "works here, not there" for a network reason.

use super::{Report, Tool};
use crate::catalogue::Code;
use serde::{Deserialize, Serialize};

/// How the server's answer differs from the browser's, when it differs for its network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServerDifference {
    /// The server could not reach Jira at all (`unreachable`, `timeout`).
    NotReachable,
    /// The server does not trust Jira's certificate (`tls_untrusted`): a corporate CA.
    Tls,
    /// Jira's IP allowlist refused the server's address (`ip_not_allowed`).
    Allowlist,
    /// A proxy, WAF or CDN answered the server instead of Jira (`blocked_by_proxy`).
    Proxy,
    /// Another verdict than the browser's, not about the network.
    Other,
}

/// Two reports side by side: which is the browser's, which the server's, and the difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub browser: Option<Code>,
    pub server: Option<Code>,
    /// `None` when both got the same verdict.
    pub difference: Option<ServerDifference>,
}

/// The difference between the browser's verdict and the server's.
pub fn difference(browser: Option<Code>, server: Option<Code>) -> Option<ServerDifference> {
    if browser == server {
        return None;
    }
    Some(match server {
        Some(Code::Unreachable | Code::Timeout) => ServerDifference::NotReachable,
        Some(Code::TlsUntrusted) => ServerDifference::Tls,
        Some(Code::IpNotAllowed) => ServerDifference::Allowlist,
        Some(Code::BlockedByProxy) => ServerDifference::Proxy,
        _ => ServerDifference::Other,
    })
}

/// `a` and `b` in either order: the extension's report is the browser's, the CLI's the
/// server's; `None` unless there is one of each.
pub fn compare(a: &Report, b: &Report) -> Option<Comparison> {
    let (browser, server) = match (a.versions.tool, b.versions.tool) {
        (Tool::Extension, Tool::Cli) => (a, b),
        (Tool::Cli, Tool::Extension) => (b, a),
        _ => return None,
    };
    let code = |r: &Report| r.verdict.as_ref().map(|v| v.code);
    Some(Comparison {
        browser: code(browser),
        server: code(server),
        difference: difference(code(browser), code(server)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_s_network_reason_is_named() {
        let ok = Some(Code::Ok);
        for (server, want) in [
            (Code::Unreachable, ServerDifference::NotReachable),
            (Code::Timeout, ServerDifference::NotReachable),
            (Code::TlsUntrusted, ServerDifference::Tls),
            (Code::IpNotAllowed, ServerDifference::Allowlist),
            (Code::BlockedByProxy, ServerDifference::Proxy),
            (Code::CredentialsRejected, ServerDifference::Other),
        ] {
            assert_eq!(difference(ok, Some(server)), Some(want), "{server:?}");
        }
        assert_eq!(difference(ok, ok), None);
        assert_eq!(
            difference(Some(Code::IpNotAllowed), Some(Code::IpNotAllowed)),
            None
        );
    }
}
