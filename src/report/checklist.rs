//! The checklist: the few ✓/✗ lines that sum up a token test (reachable, authenticated, how
//! the credential was sent, permissions) or a detection (reachable, Jira or not, the
//! recommended method), in English and Russian. The one source of these lines: the report and
//! the helpdesk page show them, and so does the popup (the token test's checklist comes with
//! its result, `protocol::CheckOutput`).

use super::model::{CheckItem, ItemState};
use crate::catalogue::Code;
use crate::deployment::Product;
use crate::detect::Detection;
use crate::http::RequestLog;
use crate::i18n::{l, L10n, Text};
use crate::permissions::PermissionReport;
use crate::probe::{Answerer, CheckResult, JiraUser, Scheme, TokenExpiry};

const REACHABLE: L10n = l("Jira answered", "Jira ответила");
const NOT_REACHABLE: L10n = l("Jira did not answer", "Jira не ответила");
const ANSWERED_INSTEAD: L10n = l("Not Jira answered: {who}", "Ответила не Jira: {who}");
const IS_JIRA: L10n = l("It is Jira: {summary}", "Это Jira: {summary}");
const NOT_JIRA: L10n = l("Not Jira: {summary}", "Не Jira: {summary}");
const AUTHENTICATED: L10n = l("Authenticated as {who}", "Вход выполнен как {who}");
const NOT_AUTHENTICATED: L10n = l("Not authenticated", "Вход не выполнен");
const SENT_AS: L10n = l(
    "Sent as {scheme} — {method}",
    "Отправлено как {scheme} — {method}",
);
const SENT_AS_SCHEME: L10n = l("Sent as {scheme}", "Отправлено как {scheme}");
const READ_AS_PASSWORD: L10n = l(
    "Automatic: the secret is not shaped like a personal access token (44 characters), so it was sent as the account's password",
    "Автоматически: секрет не похож на персональный токен (44 символа) и отправлен как пароль учётной записи",
);
const NOT_SENT: L10n = l("No credential was accepted", "Учётные данные не приняты");
const PERMISSIONS_OK: L10n = l("Permissions: {keys}", "Права: {keys}");
const PERMISSIONS_MISSING: L10n = l("Missing permissions: {names}", "Не хватает прав: {names}");
const PERMISSIONS_UNKNOWN: L10n = l(
    "Not reported by this Jira: {keys}",
    "Эта Jira не сообщила: {keys}",
);
const PERMISSIONS_NOT_CHECKED: L10n = l("Permissions not checked", "Права не проверены");
const IN_PROJECT: L10n = l("{text} (project {project})", "{text} (проект {project})");
const REMEMBERED_EXPIRY: L10n = l(
    "The token {when} (the date noted for this connection)",
    "Токен {when} (дата, записанная для этого подключения)",
);
const NEVER_EXPIRES: L10n = l(
    "Token \"{name}\" never expires",
    "Токен «{name}» бессрочный",
);
const VIA_GATEWAY: L10n = l(
    "Works only through {gateway}",
    "Работает только через {gateway}",
);
const RECOMMENDED: L10n = l("Recommended: {method}", "Рекомендуется: {method}");

/// Bilingual name of an auth method ([`crate::labels::method`]).
pub use crate::labels::method as method_label;

fn item(id: &str, state: ItemState, text: Text) -> CheckItem {
    CheckItem {
        id: id.to_string(),
        state,
        text,
    }
}

fn ok_or_fail(good: bool) -> ItemState {
    if good {
        ItemState::Ok
    } else {
        ItemState::Fail
    }
}

/// Fills `{name}` in both languages with language-specific values.
fn fill2(s: L10n, name: &str, en: &str, ru: &str) -> Text {
    let pat = format!("{{{name}}}");
    Text::new(s.en.replace(&pat, en), s.ru.replace(&pat, ru))
}

fn answered(requests: &[RequestLog]) -> bool {
    requests.iter().any(|r| r.outcome.answered())
}

/// The token test's checklist: reachable, authenticated, how it was sent, permissions. The
/// wizard shows these lines as they are (`extension/wizard/views/test.js`), the report carries them.
pub fn check_checklist(r: &CheckResult) -> Vec<CheckItem> {
    let code = r.verdict.code;
    let mut items = Vec::new();
    let reachable =
        !matches!(code, Code::Unreachable | Code::Timeout | Code::NotJira) && answered(&r.requests);
    // Who answered the request the verdict reads: a device or the edge is not "Jira answered".
    items.push(match r.answered_by {
        Answerer::Jira | Answerer::Nobody => item(
            "reachable",
            ok_or_fail(reachable),
            if reachable { REACHABLE } else { NOT_REACHABLE }.text(),
        ),
        other => {
            let label = other.label();
            item(
                "reachable",
                ItemState::Fail,
                fill2(ANSWERED_INSTEAD, "who", label.en, label.ru),
            )
        }
    });
    let who = r.user.as_ref().map(JiraUser::label);
    items.push(match &who {
        Some(w) => item(
            "authenticated",
            ItemState::Ok,
            AUTHENTICATED.fill(&[("who", w)]),
        ),
        None => item("authenticated", ItemState::Fail, NOT_AUTHENTICATED.text()),
    });
    items.push(method_item(r, who.is_some()));
    if r.read_as_password {
        items.push(item(
            "read_as_password",
            ItemState::Info,
            READ_AS_PASSWORD.text(),
        ));
    }
    items.extend(permission_items(r.permissions.as_ref()));
    if let Some(gw) = &r.via_gateway {
        items.push(item(
            "gateway",
            ItemState::Info,
            VIA_GATEWAY.fill(&[("gateway", gw)]),
        ));
    }
    items.extend(r.token_expiry.as_ref().map(expiry_item));
    if let (None, Some(e)) = (&r.token_expiry, &r.remembered_expiry) {
        let soon = e
            .days_left
            .is_some_and(|d| d < crate::probe::EXPIRES_SOON_DAYS);
        let state = if soon {
            ItemState::Fail
        } else {
            ItemState::Info
        };
        let text = REMEMBERED_EXPIRY.fill(&[("when", &e.text.en)]);
        let text = Text::new(text.en, REMEMBERED_EXPIRY.ru.replace("{when}", &e.text.ru));
        items.push(item("token_expiry", state, text));
    }
    items
}

/// How the credential went: scheme and method, failed when Jira did not take it.
fn method_item(r: &CheckResult, authenticated: bool) -> CheckItem {
    let Some(scheme) = r.scheme else {
        return item("method", ItemState::Fail, NOT_SENT.text());
    };
    let scheme = match scheme {
        Scheme::Basic => "Basic",
        Scheme::Bearer => "Bearer",
    };
    let text = match r.auth_method {
        Some(m) => {
            let label = method_label(m);
            let sent = SENT_AS.fill(&[("scheme", scheme)]);
            Text::new(
                sent.en.replace("{method}", label.en),
                sent.ru.replace("{method}", label.ru),
            )
        }
        None => SENT_AS_SCHEME.fill(&[("scheme", scheme)]),
    };
    item("method", ok_or_fail(authenticated), text)
}

/// The permissions line (missing ones by name and key, or the keys checked), and the keys
/// this Jira did not report.
fn permission_items(p: Option<&PermissionReport>) -> Vec<CheckItem> {
    let Some(p) = p else {
        return vec![item(
            "permissions",
            ItemState::Fail,
            PERMISSIONS_NOT_CHECKED.text(),
        )];
    };
    let in_project = |t: Text| match &p.project {
        Some(project) => Text::new(
            IN_PROJECT.fill(&[("text", &t.en), ("project", project)]).en,
            IN_PROJECT.fill(&[("text", &t.ru), ("project", project)]).ru,
        ),
        None => t,
    };
    let mut items = vec![if !p.missing.is_empty() {
        let names = crate::permissions::listed(&p.missing);
        let text = fill2(PERMISSIONS_MISSING, "names", &names.en, &names.ru);
        item("permissions", ItemState::Fail, in_project(text))
    } else if !p.checked.is_empty() {
        let text = PERMISSIONS_OK.fill(&[("keys", &p.checked.join(", "))]);
        item("permissions", ItemState::Ok, in_project(text))
    } else {
        item(
            "permissions",
            ItemState::Fail,
            PERMISSIONS_NOT_CHECKED.text(),
        )
    }];
    if !p.unknown.is_empty() {
        items.push(item(
            "permissions_unknown",
            ItemState::Info,
            PERMISSIONS_UNKNOWN.fill(&[("keys", &p.unknown.join(", "))]),
        ));
    }
    items
}

/// When the token expires; failed when it is soon.
fn expiry_item(e: &TokenExpiry) -> CheckItem {
    let soon = e
        .days_left
        .is_some_and(|d| d < crate::probe::EXPIRES_SOON_DAYS);
    let text = match &e.date {
        Some(date) => {
            let when = crate::remember::expiry_in_days(date, e.days_left.map(|d| d.max(0)));
            Text::new(
                format!("Token \"{}\" {}", e.name, when.en),
                format!("Токен «{}» {}", e.name, when.ru),
            )
        }
        None => NEVER_EXPIRES.fill(&[("name", &e.name)]),
    };
    let state = if soon {
        ItemState::Fail
    } else {
        ItemState::Info
    };
    item("token_expiry", state, text)
}

/// A detection's checklist: did the site answer, is it Jira, which method to use.
pub(super) fn detection_checklist(d: &Detection) -> Vec<CheckItem> {
    let dep = &d.deployment;
    let reachable = answered(&d.requests);
    let mut items = vec![item(
        "reachable",
        ok_or_fail(reachable),
        if reachable { REACHABLE } else { NOT_REACHABLE }.text(),
    )];
    let jira = dep.product == Product::Jira;
    let s = if jira { IS_JIRA } else { NOT_JIRA };
    items.push(item(
        "jira",
        ok_or_fail(jira),
        fill2(s, "summary", &dep.summary.en, &dep.summary.ru),
    ));
    if let Some(plan) = &d.auth_plan {
        let label = method_label(plan.method);
        items.push(item(
            "method",
            ItemState::Info,
            fill2(RECOMMENDED, "method", label.en, label.ru),
        ));
    }
    items
}
