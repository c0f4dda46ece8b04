//! What a site is: the result of detection ([`Deployment`]), as plain data.

use crate::i18n::Text;
use serde::{Deserialize, Serialize};

/// Which Atlassian product (if any) a page or URL belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Product {
    Jira,
    Confluence,
    Bitbucket,
    OtherAtlassian,
    NotAtlassian,
    /// Nothing could be told: no answer, or a login page in front of everything.
    Unknown,
}

/// Where Jira runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hosting {
    Cloud,
    SelfManaged,
}

/// Self-managed edition, when it can be told. Data Center reports `deploymentType: "Server"`
/// (facts §1.3), so only a cluster header proves Data Center (facts §1.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Edition {
    DataCenter,
}

/// The user the page says is logged in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageUser {
    /// Server/DC username (`ajs-remote-user`).
    pub name: Option<String>,
    /// Display name (`ajs-remote-user-fullname`).
    pub display_name: Option<String>,
    /// Cloud account id (`ajs-atlassian-account-id`).
    pub account_id: Option<String>,
}

/// The detected deployment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Deployment {
    pub product: Product,
    /// `None` when not Jira or when it cannot be told.
    pub hosting: Option<Hosting>,
    pub edition: Option<Edition>,
    /// e.g. `"9.12.15"`; Cloud reports `"1001.0.0-SNAPSHOT"`.
    pub version: Option<String>,
    pub version_numbers: Option<Vec<u32>>,
    pub build_number: Option<u64>,
    /// The base URL Jira is configured with (serverInfo `baseUrl`, else `ajs-base-url`),
    /// without a trailing slash.
    pub base_url: Option<String>,
    /// Context path such as `"/jira"`; `""` for the root.
    pub context_path: Option<String>,
    /// Where the browser / CLI actually reached Jira: origin + context path. Requests go here.
    pub reached_base_url: Option<String>,
    pub cloud_id: Option<String>,
    /// Which Cloud family the site belongs to — commercial, Government or Isolated — by its
    /// host (`urls::family`): its gateway, authorization server and token page. `None` off Cloud.
    #[serde(default)]
    pub cloud_family: Option<crate::urls::family::Family>,
    /// Cluster node id from `X-ANODEID`.
    pub cluster_node: Option<String>,
    pub server_title: Option<String>,
    pub user: Option<PageUser>,
    /// One-line description, e.g. "Jira Data Center 9.12.15 at https://host/jira".
    pub summary: Text,
    /// Signals that led here (technical, for reports), e.g. `"meta ajs-cloud-id"`.
    #[serde(default)]
    pub evidence: Vec<String>,
}

impl Deployment {
    /// `product` with `hosting` and nothing else known: what a rule that depends on the hosting
    /// alone is asked about, or what is left when everything a server said is dropped.
    pub fn bare(product: Product, hosting: Option<Hosting>) -> Deployment {
        Deployment {
            product,
            hosting,
            edition: None,
            version: None,
            version_numbers: None,
            build_number: None,
            base_url: None,
            context_path: None,
            reached_base_url: None,
            cloud_id: None,
            cloud_family: None,
            cluster_node: None,
            server_title: None,
            user: None,
            summary: Text::new(String::new(), String::new()),
            evidence: Vec::new(),
        }
    }

    /// Worth sending a credential to: Jira, or an unknown site whose REST API redirects to a
    /// login page (the test then names the SSO gateway; the credential never follows).
    pub fn may_be_jira(&self) -> bool {
        matches!(self.product, Product::Jira | Product::Unknown) && self.reached_base_url.is_some()
    }

    pub fn is_jira(&self) -> bool {
        self.product == Product::Jira
    }

    pub fn is_cloud(&self) -> bool {
        self.hosting == Some(Hosting::Cloud)
    }

    /// `(major, minor)` when the version is known.
    pub fn major_minor(&self) -> Option<(u32, u32)> {
        let v = self.version_numbers.as_ref()?;
        Some((*v.first()?, v.get(1).copied().unwrap_or(0)))
    }

    /// The base URL to send REST requests to: where it was reached, else the configured one.
    pub fn rest_base(&self) -> Option<&str> {
        self.reached_base_url
            .as_deref()
            .or(self.base_url.as_deref())
    }
}
