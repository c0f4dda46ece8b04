//! Assembles a token test's [`CheckResult`]: the verdict from `classify`, the projects the
//! account can browse (for the project picker), the target's connection snippet and the
//! target's warnings.

use super::scrub;
use super::server_check::{self, ClientLine, ServerCheckInput};
use super::{classify, client_credentials, expiry, gateway, Scheme};
use super::{CheckResult, JiraUser, ProbeFlow, Verdict, GATEWAY_PROJECTS, PROJECTS};
use crate::auth_plan;
use crate::auth_plan::AuthMethod;
use crate::catalogue::{Code, Notice};
use crate::deployment::Hosting;
use crate::http::Exchange;
use crate::snippet::{self, SnippetInput};
use crate::targets::Target;
use crate::urls;
use serde::{Deserialize, Serialize};

/// Most projects listed for the picker.
pub const MAX_PROJECTS: usize = 500;

/// A project the account can browse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProjectRef {
    pub key: String,
    pub name: String,
}

pub(super) fn conclude(flow: ProbeFlow) -> CheckResult {
    let finding = classify::find(&flow);
    // Every text may name who answered ({who}, {who_ru}).
    let who = finding.who.text();
    let mut vars: Vec<(&str, &str)> = finding.vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    vars.extend([("who", who.en.as_str()), ("who_ru", who.ru.as_str())]);
    let notice = finding.code.notice(&vars);
    let mut cause = notice.cause;
    if let Some(unsent) = &finding.unsent {
        cause.en = format!("{} {}", cause.en, unsent.en);
        cause.ru = format!("{} {}", cause.ru, unsent.ru);
    }
    // The credential works (maybe with missing permissions, or an endpoint the connector calls
    // removed): worth a connection block.
    let works = matches!(
        finding.code,
        Code::Ok | Code::MissingPermissions | Code::EndpointRemoved
    );
    let verdict = Verdict {
        code: finding.code,
        ok: finding.code == Code::Ok,
        credential_works: works,
        title: notice.title,
        cause,
        fix: notice.fix,
    };
    let tested = flow.will_send();
    let mut warnings = flow.detection.warnings.clone();
    if let Some(w) = technical_user_warning(&flow, finding.user.as_ref()) {
        warnings.push(w);
    }
    if let Some((en, ru)) = flow.input.secret.surrounding_whitespace() {
        warnings.push(Code::SecretWhitespace.notice(&[("what", &en), ("what_ru", &ru)]));
    }
    let insecure = insecure_http(&flow);
    if let Some(w) = &insecure {
        warnings.push(w.clone());
    }
    if tested {
        warnings.extend(login_warning(&flow, finding.user.as_ref()));
    }
    if let Some(gw) = &finding.via_gateway {
        let site = flow
            .deployment()
            .base_url
            .clone()
            .unwrap_or(flow.base.clone());
        warnings.push(Code::WorksViaGateway.notice(&[("site", &site), ("gateway", gw)]));
    }
    let token_expiry = works
        .then(|| expiry::read(&flow, finding.user.as_ref()))
        .flatten();
    let remembered_expiry = works.then(|| expiry::remembered(&flow)).flatten();
    if let Some(w) = token_expiry
        .as_ref()
        .and_then(|e| expiry::warning(&flow, e))
    {
        warnings.push(w);
    }
    let cc = flow.plan.method == AuthMethod::ClientCredentials;
    // A service account's token is used at the gateway (Cloud) or the base (Data Center).
    let cc_base = cc.then(|| client_credentials::api_base(&flow)).flatten();
    let snippet = works.then(|| {
        snippet::build(SnippetInput {
            client: cc.then(|| snippet::ClientFields {
                client_id: flow.input.login.clone(),
                token_url: client_credentials::token_url(&flow).unwrap_or_default(),
                audience: (flow.is_cloud())
                    .then(|| client_credentials::audience(&flow))
                    .flatten(),
                scope: (!flow.is_cloud()).then(|| client_credentials::dc_scope(&flow).to_string()),
            }),
            target: flow.input.target,
            deployment: &flow.detection.deployment,
            login: &snippet_login(&flow.input.login, finding.user.as_ref()),
            key_material: flow.input.key_material.as_deref(),
            base_url_mismatch: warnings
                .iter()
                .any(|w| matches!(w.code, Code::BaseUrlMismatch | Code::BaseUrlOtherHost)),
            base_url: finding.via_gateway.as_deref().or(cc_base.as_deref()),
            token_expiry: token_expiry.as_ref(),
            remembered_expiry: remembered_expiry.as_ref(),
        })
    });
    // The block repeats the warning: it is what gets pasted into the integration.
    let snippet = snippet.map(|mut s| {
        if let Some(w) = &insecure {
            s.warn(&w.title);
        }
        s
    });
    let projects_id = if finding.via_gateway.is_some() {
        GATEWAY_PROJECTS
    } else {
        PROJECTS
    };
    let token_url = cc
        .then(|| client_credentials::token_url(&flow))
        .flatten()
        .unwrap_or_default();
    let audience = (cc && flow.is_cloud())
        .then(|| client_credentials::audience(&flow))
        .flatten();
    let scope = (cc && !flow.is_cloud()).then(|| client_credentials::dc_scope(&flow));
    let server_check = tested.then(|| {
        server_check::build(&ServerCheckInput {
            client: cc.then(|| ClientLine {
                client_id: &flow.input.login,
                token_url: &token_url,
                audience: audience.as_deref(),
                scope,
            }),
            base: &flow.base,
            works_at: finding.via_gateway.as_deref(),
            login: &flow.input.login,
            method: flow.plan.method,
            scheme: flow.plan.scheme,
            target: flow.input.target,
            project: flow.input.project.as_deref(),
        })
    });
    let redactor = flow.redactor();
    let result = CheckResult {
        deployment: flow.detection.deployment.clone(),
        target: flow.input.target,
        verdict,
        answered_by: finding.who.answerer,
        not_sent: finding.unsent,
        user: finding.user,
        auth_method: tested.then_some(flow.plan.method),
        method_in_effect: Some(flow.plan.method),
        secret_kind: Some(flow.plan.secret_kind),
        read_as_password: flow.plan.read_as_password,
        scheme: tested.then_some(flow.plan.scheme),
        permissions: finding.permissions,
        projects: projects(&flow, projects_id),
        login_url: finding.login_url,
        gateway_offer: gateway::offer(&flow),
        // The steps the user follows now name the gateway's URL, not the site's; a service
        // account's client credentials get their own steps.
        auth_plan: if cc {
            Some(auth_plan::plan_client_credentials(
                &flow.detection.deployment,
                &token_url,
                cc_base.as_deref(),
            ))
        } else {
            finding.via_gateway.as_deref().map(|gw| {
                auth_plan::plan_via_gateway(
                    gw,
                    flow.input.target,
                    gateway::is_service_account(&flow.input.login),
                )
            })
        },
        via_gateway: finding.via_gateway,
        token_expiry,
        remembered_expiry,
        server_check,
        snippet,
        warnings,
        requests: flow.log,
    };
    // Nothing the server echoed may carry the secret — nor an access token obtained with it —
    // into a report, the popup or the CLI.
    scrub::scrub(result, &redactor)
}

/// `insecure_http` when a credential went out over plain `http://`.
fn insecure_http(flow: &ProbeFlow) -> Option<Notice> {
    let sent = flow.log.iter().find(|r| {
        r.auth.is_credential() && urls::parse_http(&r.url).is_some_and(|u| u.scheme() == "http")
    })?;
    let url = urls::parse_http(&sent.url).map(|u| urls::origin(&u))?;
    Some(Code::InsecureHttp.notice(&[("url", &url)]))
}

/// `GET /rest/api/2/project`: the projects the account can browse, keys validated, capped.
fn projects(flow: &ProbeFlow, id: &str) -> Vec<ProjectRef> {
    let Some(Exchange::Response(r)) = flow.answers.get(id) else {
        return Vec::new();
    };
    if r.status != 200 {
        return Vec::new();
    }
    let list = r.json::<serde_json::Value>().unwrap_or_default();
    list.as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|p| {
            let key = p.get("key")?.as_str()?;
            let name = p.get("name").and_then(|n| n.as_str()).unwrap_or(key);
            let valid = !key.is_empty()
                && key.len() <= 255
                && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            valid.then(|| ProjectRef {
                key: key.to_string(),
                name: name.chars().take(200).collect(),
            })
        })
        .take(MAX_PROJECTS)
        .collect()
}

/// Issue Sync's technical user should not be the person logged into the tab.
fn technical_user_warning(flow: &ProbeFlow, user: Option<&JiraUser>) -> Option<Notice> {
    if flow.input.target != Target::IssueSync {
        return None;
    }
    let page = flow.deployment().user.as_ref()?;
    let same = |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(a), Some(b)) if !a.is_empty() && a.eq_ignore_ascii_case(b));
    let login = Some(flow.input.login.trim().to_string());
    let is_you = same(&login, &page.name)
        || user.is_some_and(|u| same(&u.name, &page.name) || same(&u.account_id, &page.account_id));
    let label = user
        .map(JiraUser::label)
        .or(page.name.clone())
        .unwrap_or_default();
    is_you.then(|| Code::TechnicalUserIsYou.notice(&[("user", &label)]))
}

/// The login a connection block names: the one entered, or (a PAT entered without one) the
/// account Jira said the credential belongs to.
fn snippet_login(entered: &str, user: Option<&JiraUser>) -> String {
    match user {
        Some(u) if entered.trim().is_empty() => {
            u.name.clone().or(u.email.clone()).unwrap_or_default()
        }
        _ => entered.trim().to_string(),
    }
}

/// A login of the wrong kind for the deployment, unless Jira confirmed it: an e-mail on
/// Server/Data Center (logins are usernames), not an e-mail on Cloud (facts §3.1, §4.2).
fn login_warning(flow: &ProbeFlow, user: Option<&JiraUser>) -> Option<Notice> {
    let login = flow.input.login.trim();
    if login.is_empty() || flow.plan.scheme != Scheme::Basic {
        return None;
    }
    // Jira named an account for this login: whatever it looks like, it works.
    let confirmed = user.is_some();
    let code = match flow.deployment().hosting {
        Some(Hosting::SelfManaged) if login.contains('@') && !confirmed => {
            Code::LoginLooksLikeEmail
        }
        Some(Hosting::Cloud) if !login.contains('@') && !confirmed => Code::LoginNotAnEmail,
        _ => return None,
    };
    let shown: String = login.chars().take(80).collect();
    Some(code.notice(&[("login", &shown)]))
}
