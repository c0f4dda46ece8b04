//! One-click personal access token (`pat::CreateFlow`): when it is offered, the one request it
//! sends (POST with the browser session, no Authorization, `X-Atlassian-Token: no-check`), and
//! what every answer of `/rest/pat/latest/tokens` means (facts §3.3 error mapper, §4.8 XSRF).
//! Answers are shaped like the simulator's (tests/simulator/pat.mjs), which follows the facts.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::auth_plan;
use jira_token_wizard::catalogue::{Code, Kind};
use jira_token_wizard::deployment::Deployment;
use jira_token_wizard::flow::Flow;
use jira_token_wizard::http::{normalize_headers, Exchange, HttpResponse, Method};
use jira_token_wizard::pat::{CreateError, CreateFlow, CreateInput, CreateResult, CREATE};
use jira_token_wizard::targets::Target;

const RAW: &str = "MDAwMDAwMDAwMjAzOmRlYWRiZWVmZGVhZGJlZWYwMDAw";

fn deployment(scenario: &str) -> Deployment {
    common::detect(scenario).0.deployment
}

fn input(name: &str, days: Option<u32>) -> CreateInput {
    CreateInput {
        name: name.into(),
        expiration_days: days,
        timeout_ms: 5_000,
    }
}

fn answer(status: u16, content_type: &str, body: &str) -> Exchange {
    Exchange::Response(HttpResponse {
        status,
        headers: normalize_headers([("Content-Type", content_type), ("X-AUSERNAME", "jdoe")]),
        body: body.into(),
        elapsed_ms: 7,
        ..HttpResponse::default()
    })
}

fn json(status: u16, body: &str) -> Exchange {
    answer(status, "application/json;charset=UTF-8", body)
}

fn pat_error(status: u16, exception: &str, error: &str) -> Exchange {
    json(
        status,
        &format!(
            r#"{{"exception":"com.atlassian.pats.rest.exception.{exception}","error":"{error}"}}"#
        ),
    )
}

fn run(ex: Exchange) -> CreateResult {
    let mut flow =
        CreateFlow::new(input("ci-sync", Some(90)), &deployment("dc-9.12-cluster")).unwrap();
    let batch = flow.next_batch();
    assert_eq!(batch.len(), 1);
    flow.feed(vec![(CREATE.to_string(), ex)]);
    assert!(flow.next_batch().is_empty(), "one request, no retry");
    flow.finish()
}

#[test]
fn offered_only_on_self_managed_jira_8_14_and_later() {
    for (scenario, want) in [
        ("dc-9.12-cluster", true),
        ("dc-10.3", true),
        ("dc-11.3", true),
        ("context-path-mismatch", true),
        ("server-8.5", false),
        ("server-7.13", false),
        ("cloud", false),
        ("serverinfo-needs-login", true), // the page's meta tags give the version
        ("confluence", false),
        ("not-atlassian", false),
    ] {
        let d = common::detect(scenario).0;
        assert_eq!(
            auth_plan::one_click_pat_offered(&d.deployment, Target::Generic),
            want,
            "{scenario}"
        );
        let plan_says = d.auth_plan.as_ref().is_some_and(|p| p.one_click_pat);
        assert_eq!(plan_says, want, "{scenario}: the auth plan tells the popup");
        if !want {
            assert_eq!(
                CreateFlow::new(input("x", None), &d.deployment).unwrap_err(),
                CreateError::NotOffered
            );
        }
    }
    // Only for an integration that can use a PAT: ELMA365 sends it as a Basic password, which
    // Data Center refuses; AvePoint is Cloud only.
    let dc = common::detect("dc-9.12-cluster").0;
    for (target, want) in [
        (Target::Generic, true),
        (Target::IssueSync, true),
        (Target::Elma365, false),
        (Target::AvepointBackup, false),
        (Target::AvepointRestore, false),
    ] {
        assert_eq!(
            auth_plan::one_click_pat_offered(&dc.deployment, target),
            want,
            "{target:?}"
        );
        let plan = &dc
            .target_plans
            .iter()
            .find(|p| p.target == target)
            .unwrap()
            .plan;
        assert_eq!(
            plan.one_click_pat, want,
            "{target:?}: its plan tells the page"
        );
    }
    // A version nobody could tell: the token page explains the way by hand instead.
    let mut unknown = deployment("dc-9.12-cluster");
    unknown.version_numbers = None;
    assert!(!auth_plan::one_click_pat_offered(&unknown, Target::Generic));
}

#[test]
fn one_post_with_the_session_and_no_credential() {
    let d = deployment("context-path-mismatch");
    let mut flow = CreateFlow::new(input("  ci-sync  ", Some(90)), &d).unwrap();
    let req = flow.next_batch().remove(0);
    assert_eq!(req.method, Method::Post);
    assert!(
        req.url.ends_with("/jira/rest/pat/latest/tokens"),
        "{}",
        req.url
    );
    assert!(req.with_session_cookies && req.sends_session_cookies());
    assert!(
        !req.has_credentials(),
        "no Authorization beside the session"
    );
    assert!(!req.follow_redirects);
    let header = |n: &str| {
        req.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(n))
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(header("X-Atlassian-Token"), Some("no-check"));
    assert_eq!(header("Content-Type"), Some("application/json"));
    let body: serde_json::Value = serde_json::from_str(req.body.as_deref().unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"name": "ci-sync", "expirationDuration": 90})
    );

    let mut eternal = CreateFlow::new(input("forever", None), &d).unwrap();
    let body = eternal.next_batch().remove(0).body.unwrap();
    assert_eq!(
        body, r#"{"name":"forever"}"#,
        "no expiry: no expirationDuration"
    );
}

#[test]
fn input_is_checked_before_anything_is_sent() {
    let d = deployment("dc-9.12-cluster");
    for (name, days, want) in [
        ("", Some(90), CreateError::InvalidName),
        ("   ", Some(90), CreateError::InvalidName),
        (&"x".repeat(41) as &str, Some(90), CreateError::InvalidName),
        ("tab\there", Some(90), CreateError::InvalidName),
        ("ok", Some(0), CreateError::InvalidExpiry),
        ("ok", Some(366), CreateError::InvalidExpiry),
    ] {
        assert_eq!(
            CreateFlow::new(input(name, days), &d).unwrap_err(),
            want,
            "{name:?} {days:?}"
        );
    }
    assert!(CreateFlow::new(input(&"x".repeat(40), Some(365)), &d).is_ok());
}

#[test]
fn created_shows_the_token_once_and_logs_none_of_it() {
    let body = format!(
        r#"{{"id":203,"name":"ci-sync","createdAt":"2025-01-31T09:30:00.000+0000","expiringAt":"2025-05-01T09:30:00.000+0000","rawToken":"{RAW}"}}"#
    );
    let r = run(json(201, &body));
    assert!(r.ok);
    assert_eq!(r.outcome.code, Code::PatCreated);
    assert_eq!(r.outcome.kind, Kind::PatCreation);
    let t = r.token.as_ref().unwrap();
    assert_eq!(t.raw_token.expose(), RAW);
    assert_eq!(t.id, Some(203));
    assert_eq!(
        t.expiring_at.as_deref(),
        Some("2025-05-01T09:30:00.000+0000")
    );
    assert!(r.outcome.cause.en.contains("ci-sync") && r.outcome.cause.en.contains("2025-05-01"));
    assert!(r
        .token_page_url
        .ends_with("jira-user-personal-access-tokens"));
    // The popup gets the raw token exactly once, in `token.rawToken`.
    let out = serde_json::to_string(&r).unwrap();
    assert_eq!(out.matches(RAW).count(), 1, "{out}");
    // Logs and Debug never hold it; the log says the session was used.
    assert!(!format!("{r:?}").contains(RAW));
    assert!(!serde_json::to_string(&r.requests).unwrap().contains(RAW));
    assert_eq!(r.requests[0].auth, "Session");
    assert_eq!(r.requests[0].status, Some(201));
}

#[test]
fn every_refusal_has_its_code() {
    let cases = [
        (
            pat_error(
                403,
                "TokenLimitExceededException",
                "You can have at most 10 personal access tokens.",
            ),
            Code::PatLimitReached,
        ),
        (
            answer(403, "text/plain;charset=UTF-8", "XSRF check failed"),
            Code::PatXsrfRejected,
        ),
        (
            pat_error(
                401,
                "UnauthorizedException",
                "Requesting user is unauthorized to perform this operation",
            ),
            Code::PatNotLoggedIn,
        ),
        (
            Exchange::Response(HttpResponse {
                status: 0,
                redirect: true,
                ..HttpResponse::default()
            }),
            Code::PatNotLoggedIn,
        ),
        (
            answer(404, "text/html", "<html>Not found</html>"),
            Code::PatDisabled,
        ),
        (
            pat_error(
                400,
                "InvalidTokenNameException",
                "Token name must be 1 to 40 characters.",
            ),
            Code::PatRequestInvalid,
        ),
        (
            json(500, r#"{"errorMessages":["Internal server error"]}"#),
            Code::ServerError,
        ),
        (
            json(201, r#"{"id":1,"name":"ci-sync"}"#),
            Code::UnexpectedResponse,
        ),
        (
            answer(418, "text/plain", "teapot"),
            Code::UnexpectedResponse,
        ),
        (Exchange::Timeout { elapsed_ms: 5_000 }, Code::Timeout),
        (
            Exchange::Unreachable {
                elapsed_ms: 1,
                detail: "connection refused".into(),
            },
            Code::Unreachable,
        ),
    ];
    for (ex, want) in cases {
        let r = run(ex);
        assert_eq!(r.outcome.code, want);
        assert!(!r.ok && r.token.is_none());
        for t in [&r.outcome.title, &r.outcome.cause, &r.outcome.fix] {
            assert!(
                !t.en.contains('{') && !t.ru.contains('{'),
                "{want:?} left a placeholder: {}",
                t.en
            );
        }
    }
    let limit = run(pat_error(
        403,
        "TokenLimitExceededException",
        "You can have at most 10 personal access tokens.",
    ));
    assert!(limit.outcome.cause.en.contains("at most 10"));
    assert!(
        limit.outcome.fix.en.contains(&limit.token_page_url),
        "the fix links the PAT page"
    );
}
