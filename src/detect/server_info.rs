//! Parsing `GET /rest/api/2/serverInfo` and Cloud's `GET /_edge/tenant_info` answers
//! (facts §1, §2.5). Every field is optional: old Jira omits `deploymentType` (facts §1.3),
//! and hostile servers send anything.

use crate::http::{Exchange, HttpResponse};
use serde::Deserialize;

/// The fields of serverInfo the wizard uses.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ServerInfo {
    pub base_url: Option<String>,
    pub version: Option<String>,
    pub version_numbers: Option<Vec<u32>>,
    pub deployment_type: Option<String>,
    pub build_number: Option<u64>,
    pub server_title: Option<String>,
}

impl ServerInfo {
    /// `deploymentType == "Cloud"` ⇒ Cloud; anything else, including missing, ⇒ self-managed
    /// (facts §1.3: every real DC capture says "Server"; pycontribs uses the same rule).
    pub fn is_cloud(&self) -> bool {
        self.deployment_type.as_deref() == Some("Cloud")
    }

    /// Version numbers from `versionNumbers`, else parsed from `version`.
    pub fn numbers(&self) -> Option<Vec<u32>> {
        self.version_numbers
            .clone()
            .filter(|v| !v.is_empty())
            .or_else(|| self.version.as_deref().and_then(parse_version))
    }
}

/// Longest `baseUrl` taken from serverInfo, in bytes. Jira's own setting holds 255
/// characters; a longer one is a hostile or broken answer and is ignored (the reached address
/// is used instead).
pub const MAX_BASE_URL_LEN: usize = 2048;
/// Longest `version` / `serverTitle` taken from serverInfo, in bytes.
pub const MAX_LABEL_LEN: usize = 255;

impl ServerInfo {
    /// Drops string fields no real Jira sends at that length, so an answer of up to
    /// [`crate::http::MAX_BODY_BYTES`] cannot blow up summaries, warnings and token-page URLs.
    fn plausible(mut self) -> ServerInfo {
        self.base_url = self.base_url.filter(|b| b.len() <= MAX_BASE_URL_LEN);
        self.version = self.version.filter(|v| v.len() <= MAX_LABEL_LEN);
        self.server_title = self.server_title.filter(|t| t.len() <= MAX_LABEL_LEN);
        self.deployment_type = self.deployment_type.filter(|t| t.len() <= MAX_LABEL_LEN);
        self
    }
}

/// Parses `"8.5.5"` / `"9.12.15-beta"` into `[8, 5, 5]`.
pub fn parse_version(s: &str) -> Option<Vec<u32>> {
    let core = s.trim().split(['-', ' ']).next()?;
    let nums: Option<Vec<u32>> = core.split('.').map(|p| p.parse().ok()).collect();
    nums.filter(|v| !v.is_empty() && v.len() <= 4)
}

/// What a serverInfo request told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerInfoAnswer {
    /// A JSON serverInfo, with the response it came in (for its headers).
    Info(ServerInfo, HttpResponse),
    /// 401: the site hides serverInfo from anonymous callers (facts §1.1). Still maybe Jira.
    NeedsLogin(HttpResponse),
    /// A redirect, usually to an SSO login page (facts §4.6).
    Redirect(HttpResponse),
    /// Anything else: 404, HTML, garbage.
    NotServerInfo(HttpResponse),
    /// No answer.
    Failed(String),
}

/// Reads a serverInfo exchange.
pub fn read_server_info(ex: &Exchange) -> ServerInfoAnswer {
    let r = match ex {
        Exchange::Response(r) => r,
        Exchange::Timeout { elapsed_ms } => {
            return ServerInfoAnswer::Failed(format!("no answer in {elapsed_ms} ms"))
        }
        Exchange::Unreachable { detail, .. }
        | Exchange::NotSent { detail, .. }
        | Exchange::TlsUntrusted { detail, .. } => return ServerInfoAnswer::Failed(detail.clone()),
    };
    if r.redirect || (300..400).contains(&r.status) {
        return ServerInfoAnswer::Redirect(r.clone());
    }
    if r.status == 401 {
        return ServerInfoAnswer::NeedsLogin(r.clone());
    }
    if r.status == 200 && !r.truncated {
        if let Some(info) = r.json::<ServerInfo>().map(ServerInfo::plausible) {
            if info.deployment_type.is_some()
                || info.version_numbers.is_some()
                || (info.version.is_some() && info.base_url.is_some())
            {
                return ServerInfoAnswer::Info(info, r.clone());
            }
        }
    }
    ServerInfoAnswer::NotServerInfo(r.clone())
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct TenantInfo {
    pub(crate) cloud_id: Option<String>,
}

/// The cloud id from a `/_edge/tenant_info` exchange (facts §2.5), when it is a plausible id.
pub fn read_tenant_info(ex: &Exchange) -> Option<String> {
    let r = ex.response().filter(|r| r.status == 200)?;
    let id = r.json::<TenantInfo>()?.cloud_id?;
    is_plausible_cloud_id(&id).then_some(id)
}

/// Cloud ids are UUIDs; accept hex and dashes only, 8–64 chars, so nothing odd reaches a URL.
pub fn is_plausible_cloud_id(id: &str) -> bool {
    (8..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert_eq!(parse_version("8.5.5"), Some(vec![8, 5, 5]));
        assert_eq!(parse_version("9.12.15-beta"), Some(vec![9, 12, 15]));
        assert_eq!(parse_version("1001.0.0-SNAPSHOT"), Some(vec![1001, 0, 0]));
        assert_eq!(parse_version("x.y"), None);
        assert_eq!(parse_version(""), None);
    }

    #[test]
    fn cloud_ids() {
        assert!(is_plausible_cloud_id(
            "c2a1b1e5-63a8-4c0d-9fd2-1d0d0ffb3b11"
        ));
        assert!(!is_plausible_cloud_id("../../evil"));
        assert!(!is_plausible_cloud_id(""));
    }
}
