//! What the answers mean: one verdict per token test (facts §3–§5). Each branch cites the fact
//! it follows. Pure functions over recorded exchanges.

use super::proxy;
use super::refused::{forbidden, rejected, token_ignored, unauthorized};
use super::{JiraUser, ProbeFlow, Scheme, MYPERMISSIONS, MYSELF, MYSELF_UNAUTHENTICATED};
use crate::catalogue::Code;
use crate::http::{Exchange, HttpResponse};
use crate::permissions::{self, PermissionReport};
use crate::urls;

/// A verdict code with the values for its text.
pub(super) struct Finding {
    pub(super) code: Code,
    pub(super) vars: Vec<(&'static str, String)>,
    pub(super) user: Option<JiraUser>,
    pub(super) permissions: Option<PermissionReport>,
    pub(super) login_url: Option<String>,
    /// The gateway URL the credential works through (the site refused it).
    pub(super) via_gateway: Option<String>,
}

impl Finding {
    pub(super) fn new(code: Code, vars: Vec<(&'static str, String)>) -> Finding {
        Finding {
            code,
            vars,
            user: None,
            permissions: None,
            login_url: None,
            via_gateway: None,
        }
    }
}

/// Cloud's answer for a scoped token used on the site (facts §3.2).
pub(super) fn says_scope_mismatch(r: &HttpResponse) -> bool {
    r.body.to_ascii_lowercase().contains("scope does not match")
}

pub(super) fn reason(r: &HttpResponse) -> String {
    r.header("x-seraph-loginreason")
        .unwrap_or("")
        .trim()
        .to_ascii_uppercase()
}

fn is_anonymous(r: &HttpResponse) -> bool {
    r.header("x-ausername")
        .is_some_and(|u| u.trim().eq_ignore_ascii_case("anonymous"))
}

/// An HTML login form instead of JSON (facts §4.6: `os_username`, `login-form`, SAML).
pub(super) fn is_login_page(r: &HttpResponse) -> bool {
    let b = r.body.to_ascii_lowercase();
    [
        "os_username",
        "login-form",
        "samlrequest",
        "type=\"password\"",
        "type='password'",
    ]
    .iter()
    .any(|m| b.contains(m))
}

pub(super) fn find(flow: &ProbeFlow) -> Finding {
    if !flow.plan.supported {
        return unsupported(flow);
    }
    if flow.plan.not_a_token && flow.deployment().may_be_jira() {
        return not_a_token(flow);
    }
    let myself_url = urls::join(&flow.base, "/rest/api/2/myself");
    let Some(ex) = flow.answers.get(MYSELF) else {
        return not_tested(flow);
    };
    match ex {
        Exchange::Response(r) => response(flow, r, &myself_url),
        other => {
            let (code, vars) = no_answer(&myself_url, other, flow.input.timeout_ms);
            Finding::new(code, vars)
        }
    }
}

/// The verdict for an exchange without an answer: a timeout, an unreachable server, a request
/// the transport refused to send (`transport_failed`, never `unreachable`: nothing reached the
/// network) or an untrusted certificate (`tls_untrusted`, naming its subject and issuer).
pub fn no_answer(url: &str, ex: &Exchange, timeout_ms: u32) -> (Code, Vec<(&'static str, String)>) {
    let url = url.to_string();
    match ex {
        Exchange::Timeout { .. } => {
            let f = timeout(&url, timeout_ms);
            (f.code, f.vars)
        }
        Exchange::Unreachable { detail, .. } => (
            Code::Unreachable,
            vec![("url", url), ("detail", detail.clone())],
        ),
        Exchange::NotSent { detail, .. } => (
            Code::TransportFailed,
            vec![("url", url), ("detail", detail.clone())],
        ),
        Exchange::TlsUntrusted {
            certificate,
            detail,
            ..
        } => tls_untrusted(url, certificate, detail),
        Exchange::Response(r) => (
            Code::UnexpectedResponse,
            vec![
                ("url", url),
                ("status", r.status.to_string()),
                ("detail", "an answer".into()),
            ],
        ),
    }
}

fn tls_untrusted(
    url: String,
    cert: &crate::http::CertificateNames,
    detail: &str,
) -> (Code, Vec<(&'static str, String)>) {
    let or_unknown = |s: &str| {
        if s.is_empty() {
            "?".to_string()
        } else {
            s.to_string()
        }
    };
    (
        Code::TlsUntrusted,
        vec![
            ("url", url),
            ("subject", or_unknown(&cert.subject)),
            ("issuer", or_unknown(&cert.issuer)),
            ("detail", detail.to_string()),
        ],
    )
}

pub(super) fn timeout(url: &str, timeout_ms: u32) -> Finding {
    let seconds = crate::i18n::seconds(timeout_ms);
    Finding::new(
        Code::Timeout,
        vec![("url", url.to_string()), ("seconds", seconds)],
    )
}

/// No credential was sent: the deployment is not Jira. Say why from detection's requests.
fn not_tested(flow: &ProbeFlow) -> Finding {
    let info = flow
        .detection
        .requests
        .iter()
        .find(|r| r.id == crate::detect::SERVER_INFO);
    let url = info
        .map(|r| r.url.clone())
        .unwrap_or_else(|| flow.detection.deployment.summary.en.clone());
    match info.map(|r| r.outcome.as_str()) {
        Some("timeout") => timeout(&url, flow.input.timeout_ms),
        Some("unreachable") => {
            let detail = info.and_then(|r| r.detail.clone());
            let detail = detail.unwrap_or_else(|| "no connection".into());
            Finding::new(Code::Unreachable, vec![("url", url), ("detail", detail)])
        }
        Some("tls_untrusted") => {
            let cert = info.and_then(|r| r.certificate.clone()).unwrap_or_default();
            let detail = info.and_then(|r| r.detail.clone()).unwrap_or_default();
            let (code, vars) = tls_untrusted(url, &cert, &detail);
            Finding::new(code, vars)
        }
        _ => {
            let status = info
                .and_then(|r| r.status)
                .map(|s| s.to_string())
                .unwrap_or_else(|| "—".into());
            Finding::new(Code::NotJira, vec![("url", url), ("status", status)])
        }
    }
}

fn response(flow: &ProbeFlow, r: &HttpResponse, url: &str) -> Finding {
    let status = r.status.to_string();
    if r.redirect || (300..400).contains(&r.status) {
        return sso(flow, r);
    }
    if let Some(f) = proxy::ip_refused(r, url).or_else(|| proxy::blocked(flow, r, url)) {
        return f;
    }
    match r.status {
        200 => ok_status(flow, r, url),
        401 => unauthorized(flow, r),
        403 => forbidden(flow, r, url),
        404 => Finding::new(
            Code::NotJira,
            vec![("url", url.to_string()), ("status", status)],
        ),
        // facts §4.7
        429 => super::rate_limit::finding(r),
        500..=599 => Finding::new(
            Code::ServerError,
            vec![("url", url.to_string()), ("status", status)],
        ),
        _ => unexpected(r, url, "unhandled status"),
    }
}

pub(super) fn unexpected(r: &HttpResponse, url: &str, detail: &str) -> Finding {
    Finding::new(
        Code::UnexpectedResponse,
        vec![
            ("url", url.to_string()),
            ("status", r.status.to_string()),
            ("detail", detail.to_string()),
        ],
    )
}

/// facts §4.6: a redirect is an SSO gateway in front of the API; the credential did not follow.
fn sso(flow: &ProbeFlow, r: &HttpResponse) -> Finding {
    let followed = flow
        .answers
        .get(MYSELF_UNAUTHENTICATED)
        .and_then(Exchange::response)
        .and_then(|f| f.final_url.clone());
    let location = r
        .header("location")
        .map(str::to_string)
        .or(followed)
        .map(|l| l.chars().take(200).collect())
        .unwrap_or_else(|| "?".into());
    Finding::new(Code::SsoLoginPage, vec![("location", location)])
}

fn ok_status(flow: &ProbeFlow, r: &HttpResponse, url: &str) -> Finding {
    if let Some(user) = JiraUser::from_response(r) {
        if is_anonymous(r) {
            return token_ignored(flow);
        }
        return authenticated(flow, user, MYPERMISSIONS);
    }
    // facts §4.2: JRA-41559, 200 with an empty body and AUTHENTICATED_FAILED.
    if reason(r).contains("AUTHENTICATED_FAILED") {
        return rejected(flow, r);
    }
    if is_login_page(r) {
        return Finding::new(Code::SsoLoginPage, vec![("location", url.to_string())]);
    }
    if r.is_html() {
        return Finding::new(
            Code::NotJira,
            vec![("url", url.to_string()), ("status", "200".into())],
        );
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
    } else if user.matches_login(&flow.input.login) == Some(false) {
        Finding::new(
            Code::UserMismatch,
            vec![
                ("login", flow.input.login.trim().to_string()),
                ("user", label.clone()),
            ],
        )
    } else {
        permission_finding(flow, &label, permissions_id)
    };
    f.user = Some(user);
    f
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
