//! What the answers mean: one verdict per token test (facts §3–§5). Each branch cites the fact
//! it follows. Pure functions over recorded exchanges.

use super::{
    CheckResult, JiraUser, ProbeFlow, Scheme, Verdict, GATEWAY_MYSELF, MYPERMISSIONS, MYSELF,
    MYSELF_BEARER, MYSELF_UNAUTHENTICATED,
};
use crate::auth_plan::PAT_PAGE_PATH;
use crate::catalogue::Code;
use crate::http::{Exchange, HttpResponse};
use crate::permissions::{self, PermissionReport};
use crate::urls;

/// A verdict code with the values for its text.
struct Finding {
    code: Code,
    vars: Vec<(&'static str, String)>,
    user: Option<JiraUser>,
    permissions: Option<PermissionReport>,
    login_url: Option<String>,
}

impl Finding {
    fn new(code: Code, vars: Vec<(&'static str, String)>) -> Finding {
        Finding {
            code,
            vars,
            user: None,
            permissions: None,
            login_url: None,
        }
    }
}

/// Cloud's answer for a scoped token used on the site (facts §3.2).
pub(super) fn says_scope_mismatch(r: &HttpResponse) -> bool {
    r.body.to_ascii_lowercase().contains("scope does not match")
}

fn reason(r: &HttpResponse) -> String {
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
fn is_login_page(r: &HttpResponse) -> bool {
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

pub(super) fn conclude(flow: ProbeFlow) -> CheckResult {
    let finding = find(&flow);
    let vars: Vec<(&str, &str)> = finding.vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let notice = finding.code.notice(&vars);
    let verdict = Verdict {
        code: finding.code,
        ok: finding.code == Code::Ok,
        title: notice.title,
        cause: notice.cause,
        fix: notice.fix,
    };
    let tested = flow.deployment().may_be_jira() && !flow.base.is_empty();
    CheckResult {
        deployment: flow.detection.deployment.clone(),
        verdict,
        user: finding.user,
        auth_method: tested.then_some(flow.method),
        scheme: tested.then_some(flow.scheme),
        permissions: finding.permissions,
        login_url: finding.login_url,
        warnings: flow.detection.warnings.clone(),
        requests: flow.log,
    }
}

fn find(flow: &ProbeFlow) -> Finding {
    let myself_url = urls::join(&flow.base, "/rest/api/2/myself");
    let Some(ex) = flow.answers.get(MYSELF) else {
        return not_tested(flow);
    };
    match ex {
        Exchange::Timeout { .. } => timeout(&myself_url, flow.input.timeout_ms),
        Exchange::Unreachable { detail, .. } => Finding::new(
            Code::Unreachable,
            vec![("url", myself_url), ("detail", detail.clone())],
        ),
        Exchange::Response(r) => response(flow, r, &myself_url),
    }
}

fn timeout(url: &str, timeout_ms: u32) -> Finding {
    let seconds = format!("{}", f64::from(timeout_ms) / 1000.0);
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
    match r.status {
        200 => ok_status(flow, r, url),
        401 => unauthorized(flow, r),
        403 => forbidden(flow, r, url),
        404 => Finding::new(
            Code::NotJira,
            vec![("url", url.to_string()), ("status", status)],
        ),
        // facts §4.7
        429 => {
            let retry = r
                .header("retry-after")
                .filter(|v| v.len() < 40)
                .map(|v| format!(" (Retry-After: {v})"))
                .unwrap_or_default();
            Finding::new(Code::RateLimited, vec![("retry", retry)])
        }
        500..=599 => Finding::new(
            Code::ServerError,
            vec![("url", url.to_string()), ("status", status)],
        ),
        _ => unexpected(r, url, "unhandled status"),
    }
}

fn unexpected(r: &HttpResponse, url: &str, detail: &str) -> Finding {
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
        return authenticated(flow, user);
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

fn authenticated(flow: &ProbeFlow, user: JiraUser) -> Finding {
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
        permission_finding(flow, &label)
    };
    f.user = Some(user);
    f
}

fn permission_finding(flow: &ProbeFlow, label: &str) -> Finding {
    let method = match flow.scheme {
        Scheme::Basic => "Basic",
        Scheme::Bearer => "Bearer",
    };
    let ok = Finding::new(
        Code::Ok,
        vec![("method", method.to_string()), ("user", label.to_string())],
    );
    let Some(Exchange::Response(r)) = flow.answers.get(MYPERMISSIONS) else {
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
    let Some(report) = permissions::read(r, &flow.input.required_permissions, project) else {
        return ok;
    };
    let mut f = if report.missing.is_empty() {
        ok
    } else {
        let missing: Vec<String> = report
            .missing
            .iter()
            .map(|m| format!("{} ({})", m.key, m.name))
            .collect();
        let scope = project.map(|p| format!(" — {p}")).unwrap_or_default();
        Finding::new(
            Code::MissingPermissions,
            vec![
                ("user", label.to_string()),
                ("missing", missing.join(", ")),
                ("scope", scope),
            ],
        )
    };
    f.permissions = Some(report);
    f
}

fn token_ignored(flow: &ProbeFlow) -> Finding {
    let d = flow.deployment();
    if d.major_minor()
        .is_some_and(|v| v < crate::auth_plan::PAT_SINCE)
    {
        let version = d.version.clone().unwrap_or_default();
        return Finding::new(Code::PatNotSupported, vec![("version", version)]);
    }
    let page = urls::join(d.base_url.as_deref().unwrap_or(&flow.base), PAT_PAGE_PATH);
    Finding::new(Code::TokenNotRecognized, vec![("page", page)])
}

fn unauthorized(flow: &ProbeFlow, r: &HttpResponse) -> Finding {
    if flow.is_cloud() {
        return unauthorized_cloud(flow, r);
    }
    // facts §4.2: Seraph's reason for a known user without Jira access / inactive.
    if reason(r).contains("AUTHORISATION_FAILED") {
        return Finding::new(
            Code::AccountInactive,
            vec![(
                "detail",
                "X-Seraph-LoginReason: AUTHORISATION_FAILED".into(),
            )],
        );
    }
    match flow.scheme {
        // facts §4.4: a bad PAT falls through to anonymous; /myself then answers 401.
        Scheme::Bearer => token_ignored(flow),
        Scheme::Basic => {
            // facts §3.3: PATs work only as Bearer. The retry proves the secret is a PAT.
            let as_bearer = flow.answers.get(MYSELF_BEARER).and_then(Exchange::response);
            match as_bearer.and_then(JiraUser::from_response) {
                Some(user) => {
                    let mut f =
                        Finding::new(Code::PatNotAcceptedAsPassword, vec![("user", user.label())]);
                    f.user = Some(user);
                    f
                }
                None => rejected(flow, r),
            }
        }
    }
}

fn unauthorized_cloud(flow: &ProbeFlow, r: &HttpResponse) -> Finding {
    let body = r.body.to_ascii_lowercase();
    // facts §4.1: the plain-text answer to password Basic auth on Cloud.
    if body.contains("basic authentication with passwords is deprecated") {
        return Finding::new(Code::PasswordNotAccepted, vec![]);
    }
    // facts §3.1: an API token sent as Bearer (JRACLOUD-72405).
    if flow.scheme == Scheme::Bearer {
        return Finding::new(Code::WrongAuthMethod, vec![]);
    }
    if says_scope_mismatch(r) {
        return scoped(flow);
    }
    rejected(flow, r)
}

/// facts §3.2: scoped tokens work only through `api.atlassian.com/ex/jira/{cloudId}`.
fn scoped(flow: &ProbeFlow) -> Finding {
    let site = flow
        .deployment()
        .base_url
        .clone()
        .unwrap_or_else(|| flow.base.clone());
    let cloud_id = flow.cloud_id().unwrap_or_else(|| "{cloudId}".into());
    let gateway_base = flow
        .input
        .gateway
        .as_deref()
        .unwrap_or(crate::auth_plan::CLOUD_GATEWAY);
    let gateway = format!("{}/ex/jira/{cloud_id}", gateway_base.trim_end_matches('/'));
    let answer = flow
        .answers
        .get(GATEWAY_MYSELF)
        .and_then(Exchange::response);
    let user = answer.and_then(JiraUser::from_response);
    let result = match (answer, &user) {
        (_, Some(u)) => format!("through {gateway} the same token works (as {}).", u.label()),
        (Some(a), None) => format!(
            "{gateway} refused it too (HTTP {}): the token lacks the read:jira-user scope.",
            a.status
        ),
        (None, None) => "the token has scopes (the gateway was not tried).".to_string(),
    };
    let mut f = Finding::new(
        Code::ScopedTokenNeedsGateway,
        vec![
            ("gateway_result", result),
            ("gateway", gateway),
            ("site", site),
        ],
    );
    f.user = user;
    f
}

fn rejected(flow: &ProbeFlow, r: &HttpResponse) -> Finding {
    let login = flow.input.login.trim().to_string();
    let hint = if flow.is_cloud() {
        "Use your Atlassian account e-mail and an API token (not your password)."
    } else if login.contains('@') {
        "Server/Data Center logins are usernames, not e-mail addresses."
    } else {
        "Check the username (not the e-mail) and the password."
    };
    let reason = match reason(r) {
        s if s.is_empty() => "—".to_string(),
        s => s.chars().take(40).collect(),
    };
    Finding::new(
        Code::CredentialsRejected,
        vec![
            ("status", r.status.to_string()),
            ("reason", reason),
            ("login", login),
            ("hint", hint.to_string()),
        ],
    )
}

fn forbidden(flow: &ProbeFlow, r: &HttpResponse, url: &str) -> Finding {
    let denied = r.header("x-authentication-denied-reason").unwrap_or("");
    // facts §4.3: CAPTCHA_CHALLENGE; login-url=…
    if denied.to_ascii_uppercase().contains("CAPTCHA_CHALLENGE")
        || reason(r).contains("AUTHENTICATION_DENIED")
    {
        let login_url = captcha_login_url(denied, &flow.base);
        let fallback = urls::join(&flow.base, "/login.jsp");
        let mut f = Finding::new(
            Code::CaptchaRequired,
            vec![
                ("login_url", login_url.clone().unwrap_or(fallback)),
                ("login", flow.input.login.trim().to_string()),
            ],
        );
        f.login_url = login_url;
        return f;
    }
    // facts §4.5
    if r.body.contains("Basic Authentication has been disabled") {
        let page = urls::join(
            flow.deployment().base_url.as_deref().unwrap_or(&flow.base),
            PAT_PAGE_PATH,
        );
        return Finding::new(Code::BasicAuthDisabled, vec![("page", page)]);
    }
    if reason(r).contains("AUTHORISATION_FAILED") {
        return Finding::new(
            Code::AccountInactive,
            vec![(
                "detail",
                "X-Seraph-LoginReason: AUTHORISATION_FAILED".into(),
            )],
        );
    }
    unexpected(r, url, "403 without a known reason")
}

/// The `login-url=` of a CAPTCHA header, only when it points at the Jira host we tested
/// (facts §4.3: validate before display; a hostile server could point anywhere).
pub(crate) fn captcha_login_url(header: &str, base: &str) -> Option<String> {
    let raw = header
        .split(';')
        .find_map(|part| part.trim().strip_prefix("login-url="))?
        .trim();
    let url = urls::parse_http(raw)?;
    let base = urls::parse_http(base)?;
    (url.host_str() == base.host_str()
        && url.port_or_known_default() == base.port_or_known_default())
    .then(|| url.to_string())
}
