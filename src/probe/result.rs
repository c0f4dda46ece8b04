//! Assembles a token test's [`CheckResult`]: the verdict from `classify`, the projects the
//! account can browse (for the project picker), the target's connection snippet and the
//! target's warnings.

use super::finding::Finding;
use super::scrub;
use super::server_check::{self, ClientLine, ServerCheck, ServerCheckInput};
use super::{classify, client_credentials, expiry, gateway, RememberedExpiry, Scheme, TokenExpiry};
use super::{CheckResult, JiraUser, ProbeFlow, Verdict, GATEWAY_PROJECTS, PROJECTS};
use crate::auth_plan;
use crate::auth_plan::{AuthMethod, AuthPlan};
use crate::catalogue::{Code, Notice};
use crate::deployment::Hosting;
use crate::http::Exchange;
use crate::snippet::{self, Snippet, SnippetInput};
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

/// The token test's result from its flow: the verdict, the warnings, the connection block,
/// the server-side check and the steps in effect, with nothing of the secret left in it.
pub(super) fn conclude(flow: ProbeFlow) -> CheckResult {
    let finding = classify::find(&flow);
    let verdict = verdict(&finding);
    let tested = flow.will_send();
    let client =
        (flow.plan.method == AuthMethod::ClientCredentials).then(|| ClientCredentials::of(&flow));
    let insecure = insecure_http(&flow);
    let mut warnings = warnings(&flow, &finding, tested, insecure.as_ref());
    let token_expiry = verdict
        .credential_works
        .then(|| expiry::read(&flow, finding.user.as_ref()))
        .flatten();
    let remembered_expiry = verdict
        .credential_works
        .then(|| expiry::remembered(&flow))
        .flatten();
    if let Some(w) = token_expiry
        .as_ref()
        .and_then(|e| expiry::warning(&flow, e))
    {
        warnings.push(w);
    }
    let snippet = verdict.credential_works.then(|| {
        connection_block(
            &flow,
            &finding,
            client.as_ref(),
            &warnings,
            insecure.as_ref(),
            Expiries {
                token: token_expiry.as_ref(),
                remembered: remembered_expiry.as_ref(),
            },
        )
    });
    let server_check = tested.then(|| server_check_of(&flow, &finding, client.as_ref()));
    let projects_id = if finding.via_gateway.is_some() {
        GATEWAY_PROJECTS
    } else {
        PROJECTS
    };
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
        auth_plan: plan_in_effect(&flow, finding.via_gateway.as_deref(), client.as_ref()),
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

/// The verdict of `finding`: its catalogue texts, each able to name who answered ({who},
/// {who_ru}), the cause followed by why nothing was sent when nothing was.
fn verdict(finding: &Finding) -> Verdict {
    let who = finding.who.text();
    let mut vars: Vec<(&str, &str)> = finding.vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    vars.extend([("who", who.en.as_str()), ("who_ru", who.ru.as_str())]);
    let notice = finding.code.notice(&vars);
    let mut cause = notice.cause;
    if let Some(unsent) = &finding.unsent {
        cause.en = format!("{} {}", cause.en, unsent.en);
        cause.ru = format!("{} {}", cause.ru, unsent.ru);
    }
    Verdict {
        code: finding.code,
        ok: finding.code == Code::Ok,
        // The credential works (maybe with missing permissions, or an endpoint the connector
        // calls removed): worth a connection block.
        credential_works: matches!(
            finding.code,
            Code::Ok | Code::MissingPermissions | Code::EndpointRemoved
        ),
        title: notice.title,
        cause,
        fix: notice.fix,
    }
}

/// The warnings known before the token's expiry is read: the detection's, then the target's,
/// the secret's, plain `http://` (`insecure`), the login's (when a credential was sent) and the
/// gateway's.
fn warnings(
    flow: &ProbeFlow,
    finding: &Finding,
    tested: bool,
    insecure: Option<&Notice>,
) -> Vec<Notice> {
    let mut warnings = flow.detection.warnings.clone();
    if let Some(w) = technical_user_warning(flow, finding.user.as_ref()) {
        warnings.push(w);
    }
    if let Some((en, ru)) = flow.input.secret.surrounding_whitespace() {
        warnings.push(Code::SecretWhitespace.notice(&[("what", &en), ("what_ru", &ru)]));
    }
    if let Some(w) = insecure {
        warnings.push(w.clone());
    }
    if tested {
        warnings.extend(login_warning(flow, finding.user.as_ref()));
    }
    if let Some(gw) = &finding.via_gateway {
        let site = flow
            .deployment()
            .base_url
            .clone()
            .unwrap_or(flow.base.clone());
        warnings.push(Code::WorksViaGateway.notice(&[("site", &site), ("gateway", gw)]));
    }
    warnings
}

/// What a service account's OAuth 2.0 client credentials are used with: the token endpoint,
/// Cloud's `audience` or Data Center's `scope`, and the API base its token is used at (the
/// gateway on Cloud, the base on Data Center).
struct ClientCredentials {
    token_url: String,
    audience: Option<String>,
    scope: Option<&'static str>,
    api_base: Option<String>,
}

impl ClientCredentials {
    fn of(flow: &ProbeFlow) -> ClientCredentials {
        let cloud = flow.is_cloud();
        ClientCredentials {
            token_url: client_credentials::token_url(flow).unwrap_or_default(),
            audience: cloud.then(|| client_credentials::audience(flow)).flatten(),
            scope: (!cloud).then(|| client_credentials::dc_scope(flow)),
            api_base: client_credentials::api_base(flow),
        }
    }
}

/// The token's expiry as Jira said it and as the user remembered it, for the block.
struct Expiries<'a> {
    token: Option<&'a TokenExpiry>,
    remembered: Option<&'a RememberedExpiry>,
}

/// The target's connection block for a credential that works; it repeats the plain `http://`
/// warning, being what gets pasted into the integration.
fn connection_block(
    flow: &ProbeFlow,
    finding: &Finding,
    client: Option<&ClientCredentials>,
    warnings: &[Notice],
    insecure: Option<&Notice>,
    expiries: Expiries,
) -> Snippet {
    let mut block = snippet::build(SnippetInput {
        client: client.map(|c| snippet::ClientFields {
            client_id: flow.input.login.clone(),
            token_url: c.token_url.clone(),
            audience: c.audience.clone(),
            scope: c.scope.map(str::to_string),
        }),
        target: flow.input.target,
        deployment: &flow.detection.deployment,
        login: &snippet_login(&flow.input.login, finding.user.as_ref()),
        key_material: flow.input.key_material.as_deref(),
        base_url_mismatch: warnings
            .iter()
            .any(|w| matches!(w.code, Code::BaseUrlMismatch | Code::BaseUrlOtherHost)),
        base_url: finding
            .via_gateway
            .as_deref()
            .or(client.and_then(|c| c.api_base.as_deref())),
        token_expiry: expiries.token,
        remembered_expiry: expiries.remembered,
    });
    if let Some(w) = insecure {
        block.warn(&w.title);
    }
    block
}

/// The two lines to test the credential from the integration's server.
fn server_check_of(
    flow: &ProbeFlow,
    finding: &Finding,
    client: Option<&ClientCredentials>,
) -> ServerCheck {
    server_check::build(&ServerCheckInput {
        client: client.map(|c| ClientLine {
            client_id: &flow.input.login,
            token_url: &c.token_url,
            audience: c.audience.as_deref(),
            scope: c.scope,
        }),
        base: &flow.base,
        works_at: finding.via_gateway.as_deref(),
        login: &flow.input.login,
        method: flow.plan.method,
        scheme: flow.plan.scheme,
        target: flow.input.target,
        project: flow.input.project.as_deref(),
    })
}

/// The steps the user follows now, when the test changed them: a service account's client
/// credentials get their own, and a credential that works only through the gateway gets steps
/// naming the gateway's URL, not the site's.
fn plan_in_effect(
    flow: &ProbeFlow,
    via_gateway: Option<&str>,
    client: Option<&ClientCredentials>,
) -> Option<AuthPlan> {
    if let Some(c) = client {
        return Some(auth_plan::plan_client_credentials(
            &flow.detection.deployment,
            &c.token_url,
            c.api_base.as_deref(),
        ));
    }
    via_gateway.map(|gw| {
        auth_plan::plan_via_gateway(
            gw,
            flow.input.target,
            gateway::is_service_account(&flow.input.login),
        )
    })
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
