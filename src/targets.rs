//! Integration targets: what ELMA365, AvePoint Cloud Backup and Deviniti Issue Sync send on the
//! wire, which deployments they support, which permissions they need and what their connection
//! forms ask for. Pure data plus the few rules that read it.

use crate::auth_plan::AuthChoice;
use crate::auth_plan::AuthMethod;
use crate::deployment::{Deployment, Hosting};
use crate::i18n::{l, L10n};
use serde::{Deserialize, Serialize};

mod endpoints;
use endpoints::UNKNOWN;
pub use endpoints::{endpoint, Calls, Endpoint, ENDPOINTS};

/// The integration a credential is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    /// Any integration: it must at least see projects.
    #[default]
    Generic,
    /// ELMA365's Jira connection (Basic Auth: server, login, password).
    Elma365,
    /// AvePoint Cloud Backup for Jira, backup only.
    AvepointBackup,
    /// AvePoint Cloud Backup for Jira, backup and restore.
    AvepointRestore,
    /// Deviniti Issue Sync (technical user + authentication keys).
    IssueSync,
}

/// Whether an integration's address field takes Atlassian's gateway form
/// `https://api.atlassian.com/ex/jira/{cloudId}` — which Atlassian advises API clients to use
/// (no edge 404s or CAPTCHAs of `*.atlassian.net`) and which a scoped token needs — or only the
/// site's own `https://<site>.atlassian.net`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GatewayForm {
    /// The form takes any Jira base URL, the gateway's too (it builds `{url}/rest/api/…`).
    Takes,
    /// The form needs the `*.atlassian.net` site (it derives more from the site's name).
    SiteOnly,
}

/// A target's needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    pub target: Target,
    /// Product name as users know it, for menus and reports.
    pub name: L10n,
    pub cloud: bool,
    pub self_managed: bool,
    /// Global permission keys (granted to groups).
    pub global: &'static [&'static str],
    /// Project permission keys (checked in the chosen project).
    pub project: &'static [&'static str],
    /// Things the user should know for this target.
    pub notes: &'static [L10n],
    /// The classic Jira scopes a scoped Cloud API token needs for this target (facts §3.2):
    /// `read:jira-user` for `/myself` (the token test itself), then what the integration does.
    pub scopes: &'static [&'static str],
    /// The REST endpoints the integration itself calls on Cloud and on Server/Data Center, by
    /// [`Endpoint::id`]: the token test asks them (read-only GETs) beside the permission
    /// check, and names one Jira removed (`endpoint_removed`).
    pub calls: Calls,
}

const AVEPOINT_BACKUP_GLOBAL: &[&str] = &["ADMINISTER", "USER_PICKER"];
const AVEPOINT_BACKUP_PROJECT: &[&str] = &[
    "ADMINISTER_PROJECTS",
    "BROWSE_PROJECTS",
    "MANAGE_SPRINTS_PERMISSION",
];
const AVEPOINT_RESTORE_GLOBAL: &[&str] = &[
    "ADMINISTER",
    "USER_PICKER",
    "CREATE_SHARED_OBJECTS",
    "CREATE_PROJECT",
];
const AVEPOINT_RESTORE_PROJECT: &[&str] = &[
    "ADMINISTER_PROJECTS",
    "BROWSE_PROJECTS",
    "MANAGE_SPRINTS_PERMISSION",
    "ASSIGN_ISSUES",
    "CREATE_ISSUES",
    "EDIT_ISSUES",
    "LINK_ISSUES",
    "MODIFY_REPORTER",
    "RESOLVE_ISSUES",
    "SCHEDULE_ISSUES",
    "TRANSITION_ISSUES",
    "MANAGE_WATCHERS",
    "ADD_COMMENTS",
    "CREATE_ATTACHMENTS",
    "WORK_ON_ISSUES",
];

const AVEPOINT_NOTES: &[L10n] = &[
    l(
        "Global permissions (Administer Jira, Browse users and groups …) can only be granted to groups: add the account to a group that has them.",
        "Глобальные права (администрирование Jira, просмотр пользователей и групп …) выдаются только группам: добавьте учётную запись в группу с этими правами.",
    ),
    l(
        "Backups stop when the API token expires (after the 1–365 days chosen at creation): note the date and renew the token in AvePoint before then.",
        "Резервное копирование остановится, когда истечёт API-токен (через 1–365 дней, выбранных при создании): запишите дату и обновите токен в AvePoint заранее.",
    ),
    l(
        "If the account is an external user of your organisation, the organisation admin must allow \"API token access for external users\".",
        "Если учётная запись — внешний пользователь вашей организации, администратор организации должен разрешить «API token access for external users».",
    ),
];

const ELMA_NOTES: &[L10n] = &[
    l(
        "ELMA365 sends Basic authentication. On Jira Server/Data Center the login is the username (not the e-mail) and the password is the account's password: a personal access token does not work as a password. On Jira Cloud use the e-mail and an API token.",
        "ELMA365 использует Basic-аутентификацию. В Jira Server/Data Center логин — это имя пользователя (не e-mail), а пароль — пароль учётной записи: персональный токен вместо пароля не работает. В Jira Cloud укажите e-mail и API-токен.",
    ),
    l(
        "Jira 11 Data Center turns Basic authentication off by default: before ELMA365 can connect, a Jira admin must allow Basic for ELMA365's technical user (Administration → System → Authentication methods, the allowlist). ELMA365's form has no field for OAuth 2.0 client credentials.",
        "Jira 11 Data Center по умолчанию отключает Basic-аутентификацию: чтобы ELMA365 подключилась, администратор Jira должен разрешить Basic техническому пользователю ELMA365 (Администрирование → Система → Методы аутентификации, список исключений). Полей для OAuth 2.0 client credentials в форме ELMA365 нет.",
    ),
];

const ISSUE_SYNC_NOTES: &[L10n] = &[
    l(
        "The technical user should be a dedicated local Jira user used only by Issue Sync, not a person's account.",
        "Технический пользователь должен быть отдельным локальным пользователем Jira, которого использует только Issue Sync, а не учётной записью сотрудника.",
    ),
    l(
        "Passive Instance: when one Jira is behind a firewall, tick \"Passive Instance\" on the Jira the other one can reach; on that side Remote URL and Remote Authentication Key are not needed.",
        "Passive Instance: если одна из Jira за межсетевым экраном, отметьте «Passive Instance» на той Jira, до которой может достучаться другая; на этой стороне Remote URL и Remote Authentication Key не нужны.",
    ),
    l(
        "Paste this Local Authentication Key as the Remote Authentication Key on the other Jira, and its Local key here as the Remote key.",
        "Вставьте этот Local Authentication Key как Remote Authentication Key на другой Jira, а её Local key — сюда как Remote key.",
    ),
    l(
        "Jira 11 Data Center turns Basic authentication off by default: give the technical user a personal access token, not its password.",
        "Jira 11 Data Center по умолчанию отключает Basic-аутентификацию: дайте техническому пользователю персональный токен доступа, а не его пароль.",
    ),
    l(
        "If the technical user gets a CAPTCHA after failed logins, log in once as that user in the browser and solve it, or have an admin reset the failed login count.",
        "Если техническому пользователю после неудачных входов требуется CAPTCHA, войдите им один раз в браузере и решите её или попросите администратора сбросить счётчик неудачных входов.",
    ),
];

const READ_SCOPES: &[&str] = &["read:jira-user", "read:jira-work"];
const WRITE_SCOPES: &[&str] = &["read:jira-user", "read:jira-work", "write:jira-work"];
const AVEPOINT_BACKUP_SCOPES: &[&str] = &[
    "read:jira-user",
    "read:jira-work",
    "manage:jira-project",
    "manage:jira-configuration",
];
const AVEPOINT_RESTORE_SCOPES: &[&str] = &[
    "read:jira-user",
    "read:jira-work",
    "write:jira-work",
    "manage:jira-project",
    "manage:jira-configuration",
];

const PROFILES: &[Profile] = &[
    Profile {
        target: Target::Generic,
        name: l("Any integration", "Любая интеграция"),
        cloud: true,
        self_managed: true,
        global: &[],
        project: &["BROWSE_PROJECTS"],
        notes: &[],
        scopes: READ_SCOPES,
        calls: UNKNOWN,
    },
    Profile {
        target: Target::Elma365,
        name: l("ELMA365", "ELMA365"),
        cloud: true,
        self_managed: true,
        global: &["USE"],
        project: &["BROWSE_PROJECTS", "CREATE_ISSUES", "EDIT_ISSUES"],
        notes: ELMA_NOTES,
        scopes: WRITE_SCOPES,
        calls: UNKNOWN,
    },
    Profile {
        target: Target::AvepointBackup,
        name: l(
            "AvePoint Cloud Backup (backup)",
            "AvePoint Cloud Backup (резервное копирование)",
        ),
        cloud: true,
        self_managed: false,
        global: AVEPOINT_BACKUP_GLOBAL,
        project: AVEPOINT_BACKUP_PROJECT,
        notes: AVEPOINT_NOTES,
        scopes: AVEPOINT_BACKUP_SCOPES,
        calls: UNKNOWN,
    },
    Profile {
        target: Target::AvepointRestore,
        name: l(
            "AvePoint Cloud Backup (backup + restore)",
            "AvePoint Cloud Backup (копирование и восстановление)",
        ),
        cloud: true,
        self_managed: false,
        global: AVEPOINT_RESTORE_GLOBAL,
        project: AVEPOINT_RESTORE_PROJECT,
        notes: AVEPOINT_NOTES,
        scopes: AVEPOINT_RESTORE_SCOPES,
        calls: UNKNOWN,
    },
    Profile {
        target: Target::IssueSync,
        name: l("Deviniti Issue Sync", "Deviniti Issue Sync"),
        cloud: true,
        self_managed: true,
        global: &[],
        project: &[
            "BROWSE_PROJECTS",
            "CREATE_ISSUES",
            "EDIT_ISSUES",
            "ADD_COMMENTS",
            "CREATE_ATTACHMENTS",
            "TRANSITION_ISSUES",
            "LINK_ISSUES",
        ],
        notes: ISSUE_SYNC_NOTES,
        scopes: WRITE_SCOPES,
        calls: UNKNOWN,
    },
];

impl Target {
    /// Every target, in menu order.
    pub const ALL: &'static [Target] = &[
        Target::Generic,
        Target::Elma365,
        Target::AvepointBackup,
        Target::AvepointRestore,
        Target::IssueSync,
    ];

    /// The public name, e.g. `"avepoint-backup"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Generic => "generic",
            Target::Elma365 => "elma365",
            Target::AvepointBackup => "avepoint-backup",
            Target::AvepointRestore => "avepoint-restore",
            Target::IssueSync => "issue-sync",
        }
    }

    /// The target with public name `name`.
    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.iter().copied().find(|t| t.as_str() == name)
    }

    pub fn profile(self) -> &'static Profile {
        // PROFILES lists every target; the test below keeps it so.
        PROFILES
            .iter()
            .find(|p| p.target == self)
            .unwrap_or(&PROFILES[0])
    }
}

impl Profile {
    /// Does the target work with this deployment?
    pub fn supports(&self, d: &Deployment) -> bool {
        match d.hosting {
            Some(Hosting::Cloud) => self.cloud,
            Some(Hosting::SelfManaged) => self.self_managed,
            None => true,
        }
    }

    /// Every permission key the target needs, global first.
    pub fn permissions(&self) -> Vec<String> {
        self.global
            .iter()
            .chain(self.project)
            .map(|k| k.to_string())
            .collect()
    }

    /// The method the target sends on the wire, when it dictates one: ELMA365 always sends
    /// Basic (an API token on Cloud, the password on Server/DC); AvePoint an e-mail + API token.
    pub fn wire_auth(&self, d: &Deployment) -> Option<AuthChoice> {
        match self.target {
            Target::Elma365 if d.hosting == Some(Hosting::Cloud) => Some(AuthChoice::ApiToken),
            Target::Elma365 => Some(AuthChoice::Basic),
            Target::AvepointBackup | Target::AvepointRestore => Some(AuthChoice::ApiToken),
            Target::Generic | Target::IssueSync => None,
        }
    }

    /// Whether the integration's address field takes the gateway form (ARCHITECTURE.md,
    /// "Sources"): any integration and ELMA365 (whose form builds `{server}/rest/api/2/…`;
    /// unconfirmed by ELMA365's docs) do; AvePoint Cloud Backup and Issue Sync need the
    /// `*.atlassian.net` site (field reports; unconfirmed by the vendors' docs).
    pub fn gateway_form(&self) -> GatewayForm {
        match self.target {
            Target::Generic | Target::Elma365 => GatewayForm::Takes,
            Target::AvepointBackup | Target::AvepointRestore | Target::IssueSync => {
                GatewayForm::SiteOnly
            }
        }
    }

    /// Does the integration's form take a service account's OAuth 2.0 client credentials
    /// (client id, secret, token URL) for this deployment? Only "any integration" is known to:
    /// ELMA365's form has a login and a password, AvePoint's an e-mail and an API token, and
    /// Issue Sync's a technical user with authentication keys — none documents a client id
    /// (ARCHITECTURE.md, "Sources": unconfirmed for AvePoint and Issue Sync).
    pub fn takes_client_credentials(&self, d: &Deployment) -> bool {
        self.target == Target::Generic && self.supports(d)
    }

    /// The endpoints the integration calls on deployment `d`, and any `extra` the caller named
    /// (unknown names are skipped: the input check refuses them), each once, where it exists.
    pub fn endpoints_on(&self, d: &Deployment, extra: &[String]) -> Vec<&'static Endpoint> {
        let cloud = d.hosting == Some(Hosting::Cloud);
        let own = if cloud {
            self.calls.cloud
        } else {
            self.calls.self_managed
        };
        let mut out: Vec<&'static Endpoint> = Vec::new();
        for e in own
            .iter()
            .copied()
            .chain(extra.iter().map(String::as_str))
            .filter_map(endpoint)
        {
            let here = if cloud { e.cloud } else { e.self_managed };
            if here && !out.iter().any(|o| o.id == e.id) {
                out.push(e);
            }
        }
        out
    }

    /// The target's methods in auth-plan terms, for the UI.
    pub fn methods(&self) -> &'static [AuthMethod] {
        match self.target {
            Target::Elma365 => &[AuthMethod::ApiToken, AuthMethod::Basic],
            Target::AvepointBackup | Target::AvepointRestore => &[AuthMethod::ApiToken],
            Target::Generic => &[
                AuthMethod::ApiToken,
                AuthMethod::Pat,
                AuthMethod::Basic,
                AuthMethod::ClientCredentials,
            ],
            Target::IssueSync => &[AuthMethod::ApiToken, AuthMethod::Pat, AuthMethod::Basic],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_target_has_its_profile_and_name() {
        for &t in Target::ALL {
            assert_eq!(t.profile().target, t);
            assert_eq!(Target::from_name(t.as_str()), Some(t));
            let json = serde_json::to_value(t).unwrap_or_default();
            assert_eq!(json.as_str(), Some(t.as_str()));
        }
        assert_eq!(PROFILES.len(), Target::ALL.len());
    }

    #[test]
    fn the_endpoints_asked_are_each_once_and_only_where_they_exist() {
        use crate::deployment::Product;
        let cloud = Deployment::bare(Product::Jira, Some(Hosting::Cloud));
        let dc = Deployment::bare(Product::Jira, Some(Hosting::SelfManaged));
        let extra: Vec<String> = ["search-v2", "search-v3", "search-v2", "search-jql"]
            .map(String::from)
            .to_vec();
        let ids = |d: &Deployment| -> Vec<&str> {
            Target::Generic
                .profile()
                .endpoints_on(d, &extra)
                .iter()
                .map(|e| e.id)
                .collect()
        };
        assert_eq!(ids(&cloud), ["search-v2", "search-v3", "search-jql"]);
        assert_eq!(ids(&dc), ["search-v2"]);
        assert_eq!(
            endpoint("search-v3").map(|e| e.replacement),
            Some("GET /rest/api/3/search/jql")
        );
    }

    #[test]
    fn restore_needs_everything_backup_needs() {
        let backup = Target::AvepointBackup.profile().permissions();
        let restore = Target::AvepointRestore.profile().permissions();
        assert!(backup.iter().all(|k| restore.contains(k)));
        assert_eq!(restore.len(), backup.len() + 14);
    }
}
