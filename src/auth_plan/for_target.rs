//! The plan for one integration: what the integration's connection form sends decides the
//! credential, so the wizard asks which integration first and shows that integration's plan.
//!
//! - ELMA365 sends Basic (login + password). On Cloud that is the e-mail and an API token; on
//!   Server/Data Center the username and the account's **password**: Jira refuses a personal
//!   access token as a Basic password (facts §3.3), so no PAT is offered.
//! - AvePoint Cloud Backup works with Jira Cloud only, and its account must be a Jira admin —
//!   said before the test. On Server/Data Center the plan says it cannot be used.
//! - Issue Sync connects as a dedicated technical user: the token is made for that user.
//! - Any other integration ("just test a token"): the deployment's own plan.

use super::{
    basic, cloud, one_click_pat_offered, plan_for, AuthMethod, AuthPlan, LoginKind, BASIC_OFF,
    BASIC_OFF_SINCE_MAJOR,
};
use crate::deployment::{Deployment, Hosting};
use crate::i18n::{l, Text};
use crate::targets::Target;
use serde::{Deserialize, Serialize};

/// One integration's plan, as a detection carries it for every target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetPlan {
    pub target: Target,
    pub plan: AuthPlan,
}

/// The plan for every target, in menu order (the page switches between them locally).
pub fn target_plans(d: &Deployment) -> Vec<TargetPlan> {
    Target::ALL
        .iter()
        .map(|&target| TargetPlan {
            target,
            plan: plan_for_target(d, target),
        })
        .collect()
}

/// The plan for connecting `target` to the deployment `d`.
pub fn plan_for_target(d: &Deployment, target: Target) -> AuthPlan {
    let mut p = match target {
        Target::Generic => plan_for(d),
        Target::Elma365 => elma365(d),
        Target::AvepointBackup | Target::AvepointRestore => avepoint(d),
        Target::IssueSync => issue_sync(d),
    };
    p.one_click_pat = !p.unsupported && one_click_pat_offered(d, target);
    // A service account's client credentials, where this deployment has them and the
    // integration's form can hold them.
    let cc_here = d.hosting == Some(Hosting::Cloud)
        || d.major_minor()
            .is_some_and(|(major, _)| major >= BASIC_OFF_SINCE_MAJOR);
    if cc_here
        && !p.unsupported
        && target.profile().takes_client_credentials(d)
        && !p.alternatives.contains(&AuthMethod::ClientCredentials)
    {
        p.alternatives.push(AuthMethod::ClientCredentials);
    }
    p
}

fn base_of(d: &Deployment) -> String {
    d.reached_base_url
        .clone()
        .or(d.base_url.clone())
        .unwrap_or_default()
}

fn elma365(d: &Deployment) -> AuthPlan {
    if d.hosting == Some(Hosting::Cloud) {
        let mut p = cloud(d);
        p.notes.insert(
            0,
            l(
                "ELMA365 sends Basic authentication: your e-mail as the login and the API token as the password.",
                "ELMA365 использует Basic-аутентификацию: e-mail как логин и API-токен как пароль.",
            )
            .text(),
        );
        return p;
    }
    let base = base_of(d);
    let mut p = basic(&base);
    let profile = format!("{base}/secure/ViewProfile.jspa");
    p.steps = vec![
        l(
            "ELMA365's Jira form sends a login and a password (Basic authentication). Jira Server/Data Center refuses a personal access token sent as a password, so ELMA365 needs the account's password — not a token.",
            "Форма подключения Jira в ELMA365 отправляет логин и пароль (Basic-аутентификация). Jira Server/Data Center не принимает персональный токен вместо пароля, поэтому ELMA365 нужен пароль учётной записи, а не токен.",
        )
        .text(),
        l(
            "Better: ask the Jira admin for a dedicated technical user for ELMA365, and log in once in the browser as that user.",
            "Лучше попросите администратора Jira завести отдельного технического пользователя для ELMA365 и один раз войдите им в браузере.",
        )
        .text(),
        l(
            "Find the username (not the e-mail) at {profile}.",
            "Узнайте имя пользователя (не e-mail) на странице {profile}.",
        )
        .fill(&[("profile", &profile)]),
        l(
            "In ELMA365 enter the Jira address {base}, the username as the login and the account's password as the password.",
            "В ELMA365 укажите адрес Jira {base}, имя пользователя как логин и пароль учётной записи как пароль.",
        )
        .fill(&[("base", &base)]),
    ];
    if d.major_minor()
        .is_some_and(|(major, _)| major >= BASIC_OFF_SINCE_MAJOR)
    {
        p.steps = elma365_on_jira11(&base, &profile);
        p.notes.insert(0, BASIC_OFF.text());
    }
    p
}

/// ELMA365 on Jira 11 or later: its form sends only a login and a password, which Jira 11
/// refuses by default (facts §4.5). The steps say what has to change first — the admin's
/// exception for ELMA365's own user — and offer no password before it.
fn elma365_on_jira11(base: &str, profile: &str) -> Vec<Text> {
    vec![
        l(
            "ELMA365's Jira form sends only a login and a password (Basic authentication), and Jira 11 Data Center turns Basic off by default: as it is, this Jira refuses ELMA365. A personal access token or a service account's client credentials cannot be typed into that form.",
            "Форма подключения Jira в ELMA365 отправляет только логин и пароль (Basic-аутентификация), а Jira 11 Data Center по умолчанию отключает Basic: в таком виде эта Jira ELMA365 не пустит. Персональный токен или client credentials сервисной учётной записи в эту форму не ввести.",
        )
        .text(),
        l(
            "Ask the Jira admin for a dedicated technical user for ELMA365 and for a Basic exception for that user alone: Administration → System → Authentication methods → the Basic authentication allowlist (allowed users), with \"Allow basic authentication on API calls\" left off for everyone else.",
            "Попросите администратора Jira завести отдельного технического пользователя для ELMA365 и разрешить Basic только ему: Администрирование → Система → Методы аутентификации → список исключений Basic (allowed users), оставив «Allow basic authentication on API calls» выключенным для остальных.",
        )
        .text(),
        l(
            "Once the admin confirms the exception: find the technical user's username (not the e-mail) at {profile}, and in ELMA365 enter the Jira address {base}, that username and its password. Test here before you save.",
            "Когда администратор подтвердит исключение: узнайте имя технического пользователя (не e-mail) на странице {profile} и укажите в ELMA365 адрес Jira {base}, это имя и его пароль. Проверьте здесь перед сохранением.",
        )
        .fill(&[("profile", profile), ("base", base)]),
    ]
}

fn avepoint(d: &Deployment) -> AuthPlan {
    if d.hosting == Some(Hosting::SelfManaged) {
        return AuthPlan {
            method: AuthMethod::ApiToken,
            login: LoginKind::Email,
            token_page_url: None,
            steps: vec![l(
                "AvePoint Cloud Backup for Jira works with Jira Cloud only: it cannot back up this Jira Server/Data Center. Choose another integration, or use AvePoint with a Jira Cloud site.",
                "AvePoint Cloud Backup for Jira работает только с Jira Cloud: этот Jira Server/Data Center он сохранить не может. Выберите другую интеграцию или используйте AvePoint с сайтом Jira Cloud.",
            )
            .text()],
            notes: vec![],
            alternatives: vec![],
            one_click_pat: false,
            unsupported: true,
        };
    }
    let mut p = cloud(d);
    p.steps.insert(0, admin_first());
    p
}

/// AvePoint's account must be a Jira administrator: said before the test, not after it.
fn admin_first() -> Text {
    l(
        "AvePoint needs a Jira administrator's account (Administer Jira, granted through a group): log in as that admin before you make the token — a token of an ordinary account will fail the permission check.",
        "AvePoint нужна учётная запись администратора Jira (право «Администрирование Jira», выданное через группу): войдите под этим администратором до создания токена — токен обычной учётной записи не пройдёт проверку прав.",
    )
    .text()
}

fn issue_sync(d: &Deployment) -> AuthPlan {
    let mut p = plan_for(d);
    if d.major_minor()
        .is_some_and(|(major, _)| major >= BASIC_OFF_SINCE_MAJOR)
    {
        p.notes.insert(
            0,
            l(
                "Jira 11: Basic authentication is off by default, so Issue Sync's technical user cannot connect with its password. Give it a personal access token of that user (the steps below).",
                "Jira 11: Basic-аутентификация по умолчанию отключена, поэтому технический пользователь Issue Sync не подключится по паролю. Дайте ему персональный токен доступа этого пользователя (шаги ниже).",
            )
            .text(),
        );
    }
    p.steps.insert(
        0,
        l(
            "Issue Sync connects as a technical user: a dedicated local Jira user, not a person's account. Log in to Jira in this browser as that user before you make the credential.",
            "Issue Sync подключается как технический пользователь — отдельный локальный пользователь Jira, а не учётная запись сотрудника. Войдите в Jira в этом браузере под этим пользователем до создания учётных данных.",
        )
        .text(),
    );
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deployment::Product;

    fn dc(version: &str) -> Deployment {
        let mut d = Deployment::bare(Product::Jira, Some(Hosting::SelfManaged));
        d.version_numbers = Some(
            version
                .split('.')
                .map(|n| n.parse().unwrap_or_default())
                .collect(),
        );
        d.base_url = Some("https://jira.example.com".into());
        d.reached_base_url = d.base_url.clone();
        d
    }

    #[test]
    fn elma_on_data_center_is_the_password_and_no_pat() {
        let d = dc("9.12.0");
        let p = plan_for_target(&d, Target::Elma365);
        assert_eq!(p.method, AuthMethod::Basic);
        assert_eq!(p.login, LoginKind::Username);
        assert!(!p.one_click_pat);
        assert!(p.steps[0].en.contains("refuses a personal access token"));
        let generic = plan_for_target(&d, Target::Generic);
        assert_eq!(generic.method, AuthMethod::Pat);
        assert_eq!(generic.one_click_pat, d.rest_base().is_some());
    }

    #[test]
    fn avepoint_on_data_center_is_unsupported() {
        let p = plan_for_target(&dc("9.12.0"), Target::AvepointBackup);
        assert!(p.unsupported);
        assert!(!p.one_click_pat);
        assert_eq!(p.token_page_url, None);
    }

    #[test]
    fn avepoint_on_cloud_says_admin_first() {
        let d = Deployment::bare(Product::Jira, Some(Hosting::Cloud));
        let p = plan_for_target(&d, Target::AvepointRestore);
        assert_eq!(p.method, AuthMethod::ApiToken);
        assert!(p.steps[0].en.contains("administrator"));
    }

    #[test]
    fn jira_11_plans_offer_no_password() {
        let d = dc("11.3.1");
        for target in [Target::Generic, Target::IssueSync] {
            let p = plan_for_target(&d, target);
            assert_eq!(p.method, AuthMethod::Pat, "{target:?}");
            assert!(!p.alternatives.contains(&AuthMethod::Basic), "{target:?}");
            let offers_password = |t: &Text| {
                t.en.replace("not a password", "").contains("password")
                    && !t.en.contains("not with its password")
                    && !t.en.contains("not its password")
                    && !t.en.contains("never with a password")
            };
            assert!(
                !p.steps.iter().any(offers_password),
                "{target:?}: {:?}",
                p.steps
            );
            assert!(
                !p.notes
                    .iter()
                    .any(|n| n.en.contains("username and password")),
                "{target:?}"
            );
            assert!(
                p.notes.iter().any(|n| n.en.contains("Jira 11")),
                "{target:?}"
            );
        }
        assert!(plan_for_target(&d, Target::Generic)
            .alternatives
            .contains(&AuthMethod::ClientCredentials));
        let cc = super::super::client_credentials_plan(&d);
        assert!(
            cc.is_some_and(|cc| cc.method == AuthMethod::ClientCredentials
                && cc.steps.iter().any(|s| s
                    .en
                    .contains("https://jira.example.com/rest/oauth2/latest/token")))
        );
        assert!(super::super::client_credentials_plan(&dc("10.3.0")).is_none());
        let elma = plan_for_target(&d, Target::Elma365);
        assert!(!elma.alternatives.contains(&AuthMethod::ClientCredentials));
        assert!(elma.steps[0].en.contains("Jira 11"));
        assert!(elma.steps[1].en.contains("allowlist"));
        assert!(!elma.steps[0].en.contains("{"));
        // Before Jira 11 ELMA365 is told to enter the password right away.
        let old = plan_for_target(&dc("10.3.0"), Target::Elma365);
        assert!(old.steps[3].en.contains("account's password"));
    }

    #[test]
    fn every_target_has_a_plan() {
        let plans = target_plans(&dc("10.3.0"));
        assert_eq!(plans.len(), Target::ALL.len());
        assert!(plans[4].plan.steps[0].en.contains("technical user"));
    }
}
