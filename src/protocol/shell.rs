//! What the extension's pages read from the core instead of re-typing it: the targets with the
//! method each sends, the auth choices and method names, the detail labels, the secret mask,
//! the limits the forms enforce and the gateway. One value, [`ShellFacts::get`], handed to the
//! pages once at start (wasm `facts()` → the `facts` message), so a change here cannot leave
//! the UI stale.

use crate::auth_plan::{AuthChoice, AuthMethod, CLOUD_GATEWAY};
use crate::deployment::{Deployment, Hosting, Product};
use crate::i18n::{l, L10n, Text};
use crate::pat::{DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS, MAX_NAME_CHARS};
use crate::probe::limits;
use crate::report::method_label;
use crate::snippet::SECRET_MASK;
use crate::targets::GatewayForm;
use crate::targets::Target;
use crate::urls::family::Family;
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything the pages need from the core before the first detection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShellFacts {
    /// The crate version (Cargo.toml).
    pub version: &'static str,
    /// Every target, in menu order.
    pub targets: Vec<TargetFacts>,
    /// The auth menu, in order (`auto` first).
    pub auth_choices: Vec<AuthChoice>,
    /// Each method's name.
    pub methods: Vec<MethodFacts>,
    /// The labels of a deployment's details (`hosting`, `version`, `baseUrl`, …) and of their
    /// fixed values (`hostingCloud`, `editionDataCenter`, `contextRoot`, …).
    pub labels: BTreeMap<&'static str, Text>,
    /// What a snippet's secret fields hold until the user reveals the secret.
    pub secret_mask: &'static str,
    /// Random bytes a check for Issue Sync sends (`crypto.getRandomValues`).
    pub key_material_bytes: usize,
    /// Seconds after which a copied secret is cleared from the clipboard, if the clipboard
    /// still holds it ([`CLIPBOARD_CLEAR_SECONDS`]).
    pub clipboard_clear_seconds: u32,
    pub limits: InputLimits,
    pub pat: PatLimits,
    /// Remembered connections and their reminders ([`crate::remember`]).
    pub remember: RememberLimits,
    /// The only gateway a check may name (`CheckInput.gateway`): Atlassian's, for scoped
    /// Cloud API tokens.
    pub gateway: &'static str,
    /// Atlassian Cloud's host families (commercial, Government, Isolated): a check of a site of
    /// one family sends its credential only to that family's gateway and authorization server
    /// (`urls::family`), so the extension needs the host permission for those, not for
    /// `gateway`, on a Government or Isolated site (`Deployment.cloudFamily` names the family).
    pub cloud_families: Vec<CloudFamilyFacts>,
}

/// One Cloud family's hosts, for the host permissions a check of its sites needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CloudFamilyFacts {
    pub id: Family,
    pub name: &'static str,
    /// Domains whose subdomains are the family's sites.
    pub site_domains: &'static [&'static str],
    /// `https://api.…`: the gateway a check may send the credential to.
    pub gateway: String,
    /// `https://auth.…/oauth/token`: where client credentials are exchanged.
    pub token_url: String,
    pub token_page: &'static str,
}

/// A target as the token-test form shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetFacts {
    pub id: Target,
    pub name: Text,
    /// How the wizard's first question ("What are you connecting?") names it: the generic
    /// target is "just test a token".
    pub question: Text,
    /// The method the target sends on Jira Cloud whatever the form says (`None`: the form's).
    pub sends_on_cloud: Option<AuthMethod>,
    /// The same on Jira Server / Data Center.
    pub sends_on_self_managed: Option<AuthMethod>,
    /// Whether its address field takes Atlassian's gateway form (`targets::GatewayForm`).
    pub gateway_form: GatewayForm,
    /// Whether its form takes a service account's OAuth 2.0 client credentials.
    pub client_credentials: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MethodFacts {
    pub method: AuthMethod,
    pub name: Text,
}

/// The token test's input limits ([`crate::probe::limits`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputLimits {
    pub secret_max_chars: usize,
    pub login_max_chars: usize,
    pub project_key_max_chars: usize,
    pub timeout_ms_min: u32,
    pub timeout_ms_max: u32,
}

/// The one-click PAT form's limits and default ([`crate::pat`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PatLimits {
    pub max_name_chars: usize,
    pub max_expiry_days: u32,
    pub default_expiry_days: u32,
}

/// The reminder settings' default and bounds, the label's length, the list's size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RememberLimits {
    pub default_days_before: [u32; 2],
    pub max_reminders: usize,
    pub max_days_before: u32,
    pub max_label_chars: usize,
    pub max_connections: usize,
}

/// A deployment's detail labels and their fixed values, in the order the popup lists them.
pub const DETAIL_LABELS: &[(&str, L10n)] = crate::labels::DETAILS;

/// The generic target as the first question offers it.
const JUST_TEST: L10n = l(
    "Just test a token (any integration)",
    "Просто проверить токен (любая интеграция)",
);

/// How long a secret the user copied may stay on the clipboard: then the extension clears it,
/// if the clipboard still holds it (as password managers do; SECURITY.md §7.8). Chrome's
/// `alarms` fire no sooner than 30 s after they are set, so this stays at 30 or more.
pub const CLIPBOARD_CLEAR_SECONDS: u32 = 60;

impl ShellFacts {
    pub fn get() -> ShellFacts {
        let sends = |t: Target, hosting| {
            let d = Deployment::bare(Product::Jira, Some(hosting));
            t.profile()
                .wire_auth(&d)
                .map(|choice| crate::probe::resolve_method(choice, &d))
        };
        ShellFacts {
            version: env!("CARGO_PKG_VERSION"),
            targets: Target::ALL
                .iter()
                .map(|&t| TargetFacts {
                    id: t,
                    name: t.profile().name.text(),
                    question: if t == Target::Generic {
                        JUST_TEST.text()
                    } else {
                        t.profile().name.text()
                    },
                    sends_on_cloud: sends(t, Hosting::Cloud),
                    sends_on_self_managed: sends(t, Hosting::SelfManaged),
                    gateway_form: t.profile().gateway_form(),
                    client_credentials: t
                        .profile()
                        .takes_client_credentials(&Deployment::bare(Product::Jira, None)),
                })
                .collect(),
            auth_choices: AuthChoice::ALL.to_vec(),
            methods: AuthMethod::ALL
                .iter()
                .map(|&method| MethodFacts {
                    method,
                    name: method_label(method).text(),
                })
                .collect(),
            labels: DETAIL_LABELS.iter().map(|(k, v)| (*k, v.text())).collect(),
            secret_mask: SECRET_MASK,
            key_material_bytes: limits::MIN_KEY_MATERIAL,
            clipboard_clear_seconds: CLIPBOARD_CLEAR_SECONDS,
            limits: InputLimits {
                secret_max_chars: limits::MAX_SECRET_CHARS,
                login_max_chars: limits::MAX_LOGIN_CHARS,
                project_key_max_chars: limits::MAX_PROJECT_KEY_CHARS,
                timeout_ms_min: limits::MIN_TIMEOUT_MS,
                timeout_ms_max: limits::MAX_TIMEOUT_MS,
            },
            pat: PatLimits {
                max_name_chars: MAX_NAME_CHARS,
                max_expiry_days: MAX_EXPIRY_DAYS,
                default_expiry_days: DEFAULT_EXPIRY_DAYS,
            },
            remember: RememberLimits {
                default_days_before: crate::remember::DEFAULT_DAYS_BEFORE,
                max_reminders: crate::remember::MAX_REMINDERS,
                max_days_before: crate::remember::MAX_DAYS_BEFORE,
                max_label_chars: crate::remember::MAX_LABEL_CHARS,
                max_connections: crate::remember::MAX_CONNECTIONS,
            },
            gateway: CLOUD_GATEWAY,
            cloud_families: Family::ALL
                .iter()
                .map(|&f| CloudFamilyFacts {
                    id: f,
                    name: f.name(),
                    site_domains: f.site_domains(),
                    gateway: f.gateway(),
                    token_url: format!("https://{}/oauth/token", f.auth_host()),
                    token_page: f.token_page(),
                })
                .collect(),
        }
    }
}
