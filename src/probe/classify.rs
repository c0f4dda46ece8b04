//! What the answers mean: one verdict per token test (facts §3–§5), as a procedure of
//! questions asked in one order (ARCHITECTURE.md, "The token test's verdict"):
//!
//! 1. was a credential sent at all (the target, the secret, REST confirmed Jira —
//!    `status_class::not_tested` says why not);
//! 2. who answered (`answerer`);
//! 3. what the status class says, whoever sent it: 429, 5xx, 407, a redirect
//!    (`status_class::of_status`);
//! 4. only when Jira answered, Jira's words (here and in `refused`); an answer without Jira's
//!    marks is read for what it is (`status_class::not_from_jira`).
//!
//! Each branch cites the fact it follows. Pure functions over recorded exchanges.

use super::finding::{is_anonymous, no_answer};
pub(super) use super::finding::{is_login_page, reason, says_scope_mismatch, unexpected, Finding};
use super::refused::{forbidden, rejected, token_ignored, unauthorized};
use super::status_class;
use super::{JiraUser, ProbeFlow, Scheme, MYPERMISSIONS, MYSELF, MYSELF_UNAUTHENTICATED};
use crate::answerer;
use crate::catalogue::Code;
use crate::http::{Exchange, HttpResponse};
use crate::permissions;
use crate::urls;

pub(super) fn find(flow: &ProbeFlow) -> Finding {
    if !flow.plan.supported {
        return unsupported(flow);
    }
    if flow.plan.not_a_token && flow.deployment().may_be_jira() {
        return not_a_token(flow);
    }
    if flow.plan.method == crate::auth_plan::AuthMethod::ClientCredentials {
        return super::client_credentials::find(flow);
    }
    let myself_url = urls::join(&flow.base, "/rest/api/2/myself");
    let Some(ex) = flow.answers.get(MYSELF) else {
        return status_class::not_tested(flow);
    };
    match ex {
        Exchange::Response(r) => response(flow, r, &myself_url),
        other => {
            let (code, vars) = no_answer(&myself_url, other, flow.input.timeout_ms);
            Finding::new(code, vars)
        }
    }
}

/// Who answered, then the status class, then — only from Jira — Jira's words.
pub(super) fn response(flow: &ProbeFlow, r: &HttpResponse, url: &str) -> Finding {
    let mut who = answerer::of_response(r, status_class::context(flow, url));
    if who.answerer != answerer::Answerer::Jira {
        // The vendor's name, where its page or headers say it: for the wording only.
        if let Some(words) = super::proxy::signature(r) {
            who.signature = words;
        }
    }
    let mut f = if let Some(f) = status_class::of_status(flow, r, url, &who) {
        f
    } else if who.answerer == answerer::Answerer::Jira {
        jira_words(flow, r, url)
    } else {
        status_class::not_from_jira(flow, r, url, &who)
    };
    f.who = who;
    f
}

/// What Jira's own answer says (facts §3–§5).
fn jira_words(flow: &ProbeFlow, r: &HttpResponse, url: &str) -> Finding {
    if let Some(f) = super::proxy::ip_refused(r, url) {
        return f;
    }
    match r.status {
        200 => ok_status(flow, r, url),
        401 => unauthorized(flow, r),
        403 => forbidden(flow, r, url),
        404 => unexpected(r, url, "Jira has no such REST resource at this base URL"),
        _ => unexpected(r, url, "unhandled status"),
    }
}

/// facts §4.6: a redirect is an SSO gateway in front of the API; the credential did not follow.
pub(super) fn sso(flow: &ProbeFlow, r: &HttpResponse) -> Finding {
    let followed = flow
        .answers
        .get(MYSELF_UNAUTHENTICATED)
        .and_then(Exchange::response)
        .and_then(|f| f.final_url.clone());
    let location = r
        .header("location")
        .map(str::to_string)
        .or(followed)
        .map(|l| l.chars().take(200).collect::<String>())
        .unwrap_or_else(|| "?".into());
    // The old address sends its API to an Atlassian Cloud site: the Jira moved (facts §7.5).
    if let Some(f) = super::moved::redirected(flow, &location) {
        return f;
    }
    Finding::new(Code::SsoLoginPage, vec![("location", location)])
}

fn ok_status(flow: &ProbeFlow, r: &HttpResponse, url: &str) -> Finding {
    // Seraph's reason outranks the body: a 200 may be served whatever the login came to.
    // facts §4.3: AUTHENTICATION_DENIED (a CAPTCHA), even on a 200 with a user object.
    if let Some(f) = super::refused::captcha(flow, r) {
        return f;
    }
    // facts §4.2: JRA-41559, 200 with an empty body and AUTHENTICATED_FAILED.
    if reason(r).contains("AUTHENTICATED_FAILED") {
        return rejected(flow, r);
    }
    if let Some(user) = JiraUser::from_response(r) {
        if is_anonymous(r) {
            return token_ignored(flow);
        }
        return authenticated(flow, user, MYPERMISSIONS);
    }
    if is_login_page(r) {
        return Finding::new(Code::SsoLoginPage, vec![("location", url.to_string())]);
    }
    // Jira's own web page where its API was asked: Seraph served its login page (a REST call
    // it did not authenticate; tests/fixtures/real/dc-9.12.12-login-page-for-rest-post.json).
    if super::status_class::looks_like_html(r) {
        return Finding::new(Code::SsoLoginPage, vec![("location", url.to_string())]);
    }
    unexpected(
        r,
        url,
        if r.truncated {
            "body too large"
        } else {
            "not a user object"
        },
    )
}

/// Jira named the account: inactive, someone else, or the permissions (asked with request
/// `permissions_id`: the site's, or the gateway's) decide.
pub(super) fn authenticated(flow: &ProbeFlow, user: JiraUser, permissions_id: &str) -> Finding {
    let label = user.label();
    let mut f = if user.active == Some(false) {
        Finding::new(
            Code::AccountInactive,
            vec![("detail", "active: false".into())],
        )
    } else if flow.plan.method != crate::auth_plan::AuthMethod::ClientCredentials
        && user.matches_login(&flow.input.login) == Some(false)
    {
        Finding::new(
            Code::UserMismatch,
            vec![
                ("login", flow.input.login.trim().to_string()),
                ("user", label.clone()),
            ],
        )
    } else {
        let f = permission_finding(flow, &label, permissions_id);
        match super::endpoints::removed(flow) {
            // The endpoints were asked at the site, beside its permission check.
            Some((e, said)) if permissions_id == MYPERMISSIONS => {
                endpoint_removed(flow, f, &label, e, said)
            }
            _ => f,
        }
    };
    f.user = Some(user);
    f
}

/// The credential works, but the integration calls an endpoint Jira removed (facts §7.1): the
/// permission report stays, the verdict names the endpoint and its replacement.
fn endpoint_removed(
    flow: &ProbeFlow,
    f: Finding,
    label: &str,
    e: &crate::targets::Endpoint,
    said: String,
) -> Finding {
    let (replacement, replacement_ru) = if e.replacement.is_empty() {
        (
            "the one Jira's message names".to_string(),
            "тот, что назван в сообщении Jira".to_string(),
        )
    } else {
        (e.replacement.to_string(), e.replacement.to_string())
    };
    let integration = flow.input.target.profile().name;
    let mut out = Finding::new(
        Code::EndpointRemoved,
        vec![
            ("user", label.to_string()),
            ("endpoint", e.shown.to_string()),
            ("replacement", replacement),
            ("replacement_ru", replacement_ru),
            ("said", said),
            ("integration", integration.en.to_string()),
            ("integration_ru", integration.ru.to_string()),
        ],
    );
    out.permissions = f.permissions;
    out
}

fn permission_finding(flow: &ProbeFlow, label: &str, permissions_id: &str) -> Finding {
    let method = match flow.plan.scheme {
        Scheme::Basic => "Basic",
        Scheme::Bearer => "Bearer",
    };
    let ok = Finding::new(
        Code::Ok,
        vec![("method", method.to_string()), ("user", label.to_string())],
    );
    let Some(Exchange::Response(r)) = flow.answers.get(permissions_id) else {
        return ok;
    };
    let project = flow.input.project.as_deref();
    // facts §5.1: 404 for an unknown project (or one the user cannot see).
    if let (Some(p), 404 | 400) = (project, r.status) {
        return Finding::new(
            Code::ProjectNotFound,
            vec![("project", p.to_string()), ("user", label.to_string())],
        );
    }
    let Some(report) = permissions::read(r, &flow.plan.required, project) else {
        return ok;
    };
    let mut f = if report.missing.is_empty() {
        ok
    } else {
        let missing = permissions::listed(&report.missing);
        let scope = project.map(|p| format!(" — {p}")).unwrap_or_default();
        Finding::new(
            Code::MissingPermissions,
            vec![
                ("user", label.to_string()),
                ("missing", missing.en),
                ("missing_ru", missing.ru),
                ("scope", scope),
            ],
        )
    };
    f.permissions = Some(report);
    f
}

/// A token was asked for but the secret cannot be one: nothing was sent.
fn not_a_token(flow: &ProbeFlow) -> Finding {
    let (en, ru) = match flow.plan.method {
        crate::auth_plan::AuthMethod::ApiToken => ("API token", "API-токен"),
        crate::auth_plan::AuthMethod::ClientCredentials => ("client secret", "client secret"),
        _ => ("personal access token", "персональный токен доступа"),
    };
    Finding::new(
        Code::SecretNotAToken,
        vec![("method", en.to_string()), ("method_ru", ru.to_string())],
    )
}

/// The target does not work with this deployment (AvePoint on Server/DC): nothing was sent.
fn unsupported(flow: &ProbeFlow) -> Finding {
    let profile = flow.input.target.profile();
    if flow.input.auth == crate::auth_plan::AuthChoice::ClientCredentials
        && profile.supports(flow.deployment())
    {
        let (sends, sends_ru) = match flow.input.target {
            crate::targets::Target::Elma365 => {
                ("a login and a password (Basic)", "логин и пароль (Basic)")
            }
            crate::targets::Target::IssueSync => (
                "a technical user's token and authentication keys",
                "токен технического пользователя и ключи аутентификации",
            ),
            _ => ("an e-mail and an API token", "e-mail и API-токен"),
        };
        return Finding::new(
            Code::ClientCredentialsNotSupported,
            vec![
                ("target", profile.name.en.to_string()),
                ("sends", sends.to_string()),
                ("sends_ru", sends_ru.to_string()),
            ],
        );
    }
    let (supported, supported_ru) = match (profile.cloud, profile.self_managed) {
        (true, false) => ("Jira Cloud", "Jira Cloud"),
        _ => ("Jira Server/Data Center", "Jira Server/Data Center"),
    };
    let (hosting, hosting_ru) = match flow.deployment().hosting {
        Some(crate::deployment::Hosting::Cloud) => ("Jira Cloud", "Jira Cloud"),
        _ => (
            "a self-managed Jira (Server/Data Center)",
            "собственная установка Jira (Server/Data Center)",
        ),
    };
    Finding::new(
        Code::TargetNotSupported,
        vec![
            ("target", profile.name.en.to_string()),
            ("supported", supported.to_string()),
            ("supported_ru", supported_ru.to_string()),
            ("hosting", hosting.to_string()),
            ("hosting_ru", hosting_ru.to_string()),
        ],
    )
}
