//! A browser's report beside a report from the integration's server (the
//! CLI's `--report`), and the one rule that names how they differ. A browser cannot see the
//! server's network, so the usual finding is "works here, not there" for a network reason.

use super::{Report, Tool};
use crate::catalogue::{Code, Notice};
use crate::i18n::{l, L10n, Text};
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

impl ServerDifference {
    /// What differs, in a few words, and what to do about it: the `{difference}` and the
    /// `{remedy}` of `differs_from_server`, side by side so each difference is spelt once.
    pub fn texts(self) -> (L10n, L10n) {
        match self {
            ServerDifference::NotReachable => (
                l(
                    "Jira is reachable from the browser, not from the server",
                    "Jira доступна из браузера, но не с сервера",
                ),
                l(
                    "open the way from the server to Jira (firewall, DNS, proxy settings such as HTTPS_PROXY).",
                    "откройте серверу путь к Jira (межсетевой экран, DNS, настройки прокси, например HTTPS_PROXY).",
                ),
            ),
            ServerDifference::Tls => (
                l(
                    "the server does not trust Jira's TLS certificate",
                    "сервер не доверяет TLS-сертификату Jira",
                ),
                l(
                    "add your corporate CA to the server's trust store (or the integration's).",
                    "добавьте корпоративный УЦ в хранилище доверенных сертификатов сервера (или интеграции).",
                ),
            ),
            ServerDifference::Allowlist => (
                l(
                    "Jira's IP allowlist refuses the server's address",
                    "список разрешённых IP-адресов Jira не пускает адрес сервера",
                ),
                l(
                    "add the server's outgoing IP address to Jira's allowlist.",
                    "добавьте исходящий IP-адрес сервера в список разрешённых адресов Jira.",
                ),
            ),
            ServerDifference::Proxy => (
                l(
                    "a proxy, WAF or CDN answers the server instead of Jira",
                    "вместо Jira серверу отвечает прокси, WAF или CDN",
                ),
                l(
                    "let the server's requests through the proxy, WAF or CDN, or point it past them.",
                    "пропустите запросы сервера через прокси, WAF или CDN либо направьте их в обход.",
                ),
            ),
            ServerDifference::Other => (
                l(
                    "the verdicts differ for another reason than the network",
                    "вердикты различаются не из-за сети",
                ),
                l(
                    "compare the two reports' verdicts, logins and methods below.",
                    "сравните вердикты, логины и способы входа двух отчётов ниже.",
                ),
            ),
        }
    }
}

impl Comparison {
    /// The `differs_from_server` warning naming the difference, or `None` when there is none.
    pub fn notice(&self) -> Option<Notice> {
        let diff = self.difference?;
        let code = |c: Option<Code>| c.map_or("none", Code::as_str);
        let (describe, remedy) = diff.texts();
        let fill = |text: L10n, lang: fn(&L10n) -> &'static str| {
            lang(&text)
                .replace("{difference}", lang(&describe))
                .replace("{remedy}", lang(&remedy))
                .replace("{browser}", code(self.browser))
                .replace("{server}", code(self.server))
        };
        let text = |t: L10n| Text::new(fill(t, |t| t.en), fill(t, |t| t.ru));
        let entry = Code::DiffersFromServer.entry();
        Some(Notice {
            code: Code::DiffersFromServer,
            kind: entry.kind,
            title: text(entry.title),
            cause: text(entry.cause),
            fix: text(entry.fix),
        })
    }
}

/// What of a pasted report the comparison reads (`read_report`, two reports): its schema,
/// which tool wrote it and its verdict's code. The rest of the report stays with the page, so
/// the wasm does not carry a reader for the whole report (its size guard).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ReportHead {
    pub schema: String,
    pub versions: HeadVersions,
    #[serde(default)]
    pub verdict: Option<HeadVerdict>,
}

/// [`ReportHead`]'s `versions`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct HeadVersions {
    pub tool: Tool,
}

/// [`ReportHead`]'s `verdict`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct HeadVerdict {
    pub code: Code,
}

/// Which of the two pasted reports is the browser's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Which {
    A,
    B,
}

/// The helpdesk page's side-by-side view (`read_report`): which report is the browser's
/// (the other is the server's), how their verdicts compare and the notice naming the
/// difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Compared {
    pub browser: Which,
    pub comparison: Comparison,
    /// `differs_from_server`, `None` when both got the same verdict.
    pub notice: Option<Notice>,
}

/// [`compare`] over two [`ReportHead`]s: `None` unless one is the extension's and the other
/// the CLI's.
pub fn compare_heads(a: &ReportHead, b: &ReportHead) -> Option<Compared> {
    let (which, browser, server) = match (a.versions.tool, b.versions.tool) {
        (Tool::Extension, Tool::Cli) => (Which::A, a, b),
        (Tool::Cli, Tool::Extension) => (Which::B, b, a),
        _ => return None,
    };
    let code = |r: &ReportHead| r.verdict.as_ref().map(|v| v.code);
    let comparison = Comparison {
        browser: code(browser),
        server: code(server),
        difference: difference(code(browser), code(server)),
    };
    Some(Compared {
        browser: which,
        notice: comparison.notice(),
        comparison,
    })
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

    #[test]
    fn the_notice_names_each_difference_in_both_languages() {
        use ServerDifference::*;
        for diff in [NotReachable, Tls, Allowlist, Proxy, Other] {
            let c = Comparison {
                browser: Some(Code::Ok),
                server: Some(Code::TlsUntrusted),
                difference: Some(diff),
            };
            let Some(n) = c.notice() else {
                panic!("{diff:?}: no notice")
            };
            assert_eq!(n.code, Code::DiffersFromServer);
            let (d, r) = diff.texts();
            assert!(n.title.en.contains(d.en), "{diff:?}: {}", n.title.en);
            assert!(n.title.ru.contains(d.ru), "{diff:?}: {}", n.title.ru);
            assert!(n.cause.en.contains("ok") && n.cause.en.contains("tls_untrusted"));
            assert!(n.fix.en.contains(r.en) && n.fix.ru.contains(r.ru));
            for t in [&n.title, &n.cause, &n.fix] {
                assert!(
                    !t.en.contains('{') && !t.ru.contains('{'),
                    "{diff:?}: unfilled"
                );
            }
        }
        let same = Comparison {
            browser: Some(Code::Ok),
            server: Some(Code::Ok),
            difference: None,
        };
        assert_eq!(same.notice(), None);
    }
}
