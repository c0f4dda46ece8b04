//! Atlassian Cloud's host families: the commercial cloud, Atlassian Government Cloud (FedRAMP
//! Moderate) and Atlassian Isolated Cloud each have their own sites, gateway, authorization
//! server and accounts. A credential of one family is never sent to another family's host
//! ([`same_family`]): the probe keeps a Government site's token off `api.atlassian.com`, and a
//! commercial site's off the Government gateway (ARCHITECTURE.md, "Sources", for which host
//! names are confirmed and which are not).

use serde::{Deserialize, Serialize};

/// One Cloud family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// `*.atlassian.net` (and legacy `*.jira.com`), gateway `api.atlassian.com`.
    Commercial,
    /// Atlassian Government Cloud: `*.atlassian-us-gov-mod.net`, Jira under `/jira`, gateway
    /// `api.atlassian-us-gov-mod.com`, authorization server `auth.atlassian-us-gov-mod.com`.
    Government,
    /// Atlassian Isolated Cloud: `*.atlassian-isolated.net`.
    Isolated,
}

impl Family {
    pub const ALL: &'static [Family] = &[Family::Commercial, Family::Government, Family::Isolated];

    /// Domains whose subdomains are this family's sites.
    pub fn site_domains(self) -> &'static [&'static str] {
        match self {
            Family::Commercial => &["atlassian.net", "jira.com"],
            Family::Government => &["atlassian-us-gov-mod.net"],
            Family::Isolated => &["atlassian-isolated.net"],
        }
    }

    /// The API gateway's host (`https://{host}/ex/jira/{cloudId}`).
    pub fn gateway_host(self) -> &'static str {
        match self {
            Family::Commercial => "api.atlassian.com",
            Family::Government => "api.atlassian-us-gov-mod.com",
            // Unconfirmed: no public page names Isolated Cloud's gateway; the shape follows
            // the other families' (`api.` beside the sites' domain).
            Family::Isolated => "api.atlassian-isolated.net",
        }
    }

    /// The OAuth 2.0 authorization server's host (`https://{host}/oauth/token`).
    pub fn auth_host(self) -> &'static str {
        match self {
            Family::Commercial => "auth.atlassian.com",
            Family::Government => "auth.atlassian-us-gov-mod.com",
            Family::Isolated => "auth.atlassian-isolated.net",
        }
    }

    /// `https://{gateway_host}`.
    pub fn gateway(self) -> String {
        format!("https://{}", self.gateway_host())
    }

    /// Where the family's accounts make API tokens.
    pub fn token_page(self) -> &'static str {
        match self {
            Family::Commercial => "https://id.atlassian.com/manage-profile/security/api-tokens",
            // Unconfirmed: the commercial page's path on the family's identity host.
            Family::Government => {
                "https://id.atlassian-us-gov-mod.com/manage-profile/security/api-tokens"
            }
            Family::Isolated => {
                "https://id.atlassian-isolated.net/manage-profile/security/api-tokens"
            }
        }
    }

    /// The path Jira lives under on the family's sites (`/jira` on Government Cloud).
    pub fn jira_path(self) -> &'static str {
        match self {
            Family::Government => "/jira",
            Family::Commercial | Family::Isolated => "",
        }
    }

    /// The family's name for texts.
    pub fn name(self) -> &'static str {
        match self {
            Family::Commercial => "Atlassian Cloud",
            Family::Government => "Atlassian Government Cloud",
            Family::Isolated => "Atlassian Isolated Cloud",
        }
    }

    /// The family a host belongs to: one of its sites, its gateway, its authorization server,
    /// or a host under its service domain (`*.atlassian.com` for the commercial family).
    pub fn of_host(host: &str) -> Option<Family> {
        let h = host.trim_end_matches('.').to_ascii_lowercase();
        let under = |d: &str| h == d || h.ends_with(&format!(".{d}"));
        Family::ALL.iter().copied().find(|f| {
            f.site_domains().iter().any(|d| under(d))
                || h == f.gateway_host()
                || h == f.auth_host()
                || match f {
                    Family::Commercial => under("atlassian.com"),
                    Family::Government => under("atlassian-us-gov-mod.com"),
                    Family::Isolated => false,
                }
        })
    }

    /// Is `host` one of this family's sites (`*.atlassian-us-gov-mod.net`, …)?
    pub fn is_site(self, host: &str) -> bool {
        let h = host.trim_end_matches('.').to_ascii_lowercase();
        self.site_domains()
            .iter()
            .any(|d| h.ends_with(&format!(".{d}")))
    }
}

/// The family of an Atlassian site's host, `None` for any other host.
pub fn of_site(host: &str) -> Option<Family> {
    Family::ALL.iter().copied().find(|f| f.is_site(host))
}

/// May a credential for a site on `site_host` go to `host`? Never across families: a host of
/// another family is refused; a host of no family (a test double, a private gateway the user
/// named) is left to the caller's other rules.
pub fn same_family(site_host: &str, host: &str) -> bool {
    match (Family::of_host(site_host), Family::of_host(host)) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_belong_to_their_family() {
        assert_eq!(of_site("acme.atlassian.net"), Some(Family::Commercial));
        assert_eq!(
            of_site("acme.atlassian-us-gov-mod.net"),
            Some(Family::Government)
        );
        assert_eq!(
            of_site("acme.atlassian-isolated.net"),
            Some(Family::Isolated)
        );
        assert_eq!(of_site("atlassian-us-gov-mod.net"), None);
        assert_eq!(of_site("acme.atlassian-us-gov-mod.net.evil.com"), None);
        assert_eq!(
            Family::of_host("api.atlassian.com"),
            Some(Family::Commercial)
        );
        assert_eq!(
            Family::of_host("auth.atlassian.com"),
            Some(Family::Commercial)
        );
        assert_eq!(
            Family::of_host("API.Atlassian-US-Gov-Mod.com."),
            Some(Family::Government)
        );
        assert_eq!(Family::of_host("jira.example.com"), None);
    }

    #[test]
    fn a_credential_never_crosses_families() {
        let gov = "acme.atlassian-us-gov-mod.net";
        let com = "acme.atlassian.net";
        assert!(!same_family(gov, "api.atlassian.com"));
        assert!(!same_family(gov, "auth.atlassian.com"));
        assert!(same_family(gov, "api.atlassian-us-gov-mod.com"));
        assert!(same_family(gov, "auth.atlassian-us-gov-mod.com"));
        assert!(!same_family(com, "api.atlassian-us-gov-mod.com"));
        assert!(!same_family(com, "auth.atlassian-us-gov-mod.com"));
        assert!(!same_family(
            "acme.atlassian-isolated.net",
            "api.atlassian.com"
        ));
        assert!(same_family(com, "api.atlassian.com"));
    }
}
