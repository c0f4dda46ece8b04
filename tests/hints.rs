//! The warnings beside a verdict that issue 13 adds, against answers recorded from the
//! simulator: login hints, a pasted deep link reduced to the base URL, a Cloud site on another
//! host, a Data Center token's expiry (the caller's `now`), a 429's reason, and Issue Sync's
//! two connection forms.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::catalogue::Code;
use jira_token_wizard::detect::{DetectFlow, DetectOptions, Detection};
use jira_token_wizard::http::Exchange;
use jira_token_wizard::probe::{
    AuthChoice, CheckError, CheckInput, CheckResult, ProbeFlow, Secret,
};
use jira_token_wizard::targets::Target;

/// The simulator's clock (tests/simulator/model.mjs SIM_NOW).
const SIM_NOW: &str = "2025-06-02T10:15:30Z";

fn input(login: &str, auth: AuthChoice, now: Option<&str>) -> CheckInput {
    CheckInput {
        login: login.into(),
        secret: Secret::new("a-secret-of-the-test"),
        auth,
        target: Target::Generic,
        required_permissions: vec![],
        project: None,
        gateway: None,
        timeout_ms: 10_000,
        key_material: None,
        now: now.map(str::to_string),
        calls: Vec::new(),
        expires_on: None,
    }
}

fn check(scenario: &str, input: CheckInput, answers: &[(&str, &str)]) -> CheckResult {
    let flow = ProbeFlow::new(input, common::detect(scenario).0).expect("valid input");
    common::drive(flow, |req| {
        let case = answers
            .iter()
            .find(|(id, _)| *id == req.id)
            .map(|a| a.1)
            .or(match req.id.as_str() {
                "projects" => Some("project-list"),
                "mypermissions" => Some("mypermissions"),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{scenario}: unexpected request {}", req.id));
        common::answer(scenario, case)
    })
    .0
}

fn codes(r: &CheckResult) -> Vec<Code> {
    r.warnings.iter().map(|w| w.code).collect()
}

/// (scenario, login, auth, myself answer, the warning expected or none)
#[rustfmt::skip]
const LOGINS: &[(&str, &str, AuthChoice, &str, Option<Code>)] = &[
    ("dc-9.12-cluster", "admin@example.com", AuthChoice::Basic, "myself-bad-password", Some(Code::LoginLooksLikeEmail)),
    ("dc-9.12-cluster", "admin", AuthChoice::Basic, "myself-bad-password", None),
    // Jira named the account: the login works, whatever it looks like.
    ("dc-9.12-cluster", "admin@example.com", AuthChoice::Basic, "myself-ok", None),
    ("cloud", "admin", AuthChoice::ApiToken, "myself-bad-token", Some(Code::LoginNotAnEmail)),
    ("cloud", "admin@example.com", AuthChoice::ApiToken, "myself-bad-token", None),
];

#[test]
fn a_login_of_the_wrong_kind_is_named() {
    for (scenario, login, auth, myself, want) in LOGINS {
        let extra = if *myself == "myself-bad-password" {
            "myself-anon"
        } else {
            "myself-ok"
        };
        let r = check(
            scenario,
            input(login, *auth, None),
            &[("myself", myself), ("myself_as_bearer", extra)],
        );
        let hints: Vec<Code> = codes(&r)
            .into_iter()
            .filter(|c| matches!(c, Code::LoginLooksLikeEmail | Code::LoginNotAnEmail))
            .collect();
        assert_eq!(
            hints,
            want.iter().copied().collect::<Vec<_>>(),
            "{scenario} {login} {myself}"
        );
        if let Some(w) = r.warnings.iter().find(|w| Some(w.code) == *want) {
            assert!(w.cause.en.contains(login) && w.cause.ru.contains(login));
        }
    }
}

fn detect_typed(scenario: &str, url: &str) -> Detection {
    let flow = DetectFlow::for_url(url, DetectOptions::default()).expect("url");
    common::drive(flow, |req| match req.id.as_str() {
        "server_info" => common::answer(scenario, "serverinfo-anon"),
        "tenant_info" => common::answer(scenario, "tenant-info"),
        _ => Exchange::Unreachable {
            elapsed_ms: 1,
            detail: "not recorded".into(),
        },
    })
    .0
}

/// The simulator's recorded base URL of a scenario (its fixed port).
fn sim_base(scenario: &str) -> String {
    let d = common::detect(scenario).0;
    d.deployment.reached_base_url.expect("reached")
}

#[test]
fn a_pasted_page_address_is_reduced_to_the_base_url() {
    let dc = sim_base("dc-9.12-cluster");
    let ctx = sim_base("context-path-mismatch"); // under /jira
    let cloud = sim_base("cloud");
    for (scenario, typed, want) in [
        (
            "dc-9.12-cluster",
            format!("{dc}/browse/PROJ-1"),
            Some(dc.clone()),
        ),
        (
            "dc-9.12-cluster",
            format!("{dc}/secure/Dashboard.jspa"),
            Some(dc.clone()),
        ),
        (
            "dc-9.12-cluster",
            format!("{dc}/rest/api/2/myself"),
            Some(dc.clone()),
        ),
        (
            "dc-9.12-cluster",
            format!("{dc}/plugins/servlet/desk"),
            Some(dc.clone()),
        ),
        (
            "dc-9.12-cluster",
            format!("{dc}/projects/PROJ/issues/PROJ-1"),
            Some(dc.clone()),
        ),
        (
            "context-path-mismatch",
            format!("{ctx}/browse/PROJ-1?focusedId=1"),
            Some(ctx.clone()),
        ),
        ("context-path-mismatch", ctx.clone(), None),
        ("dc-9.12-cluster", format!("{dc}/"), None),
        ("dc-9.12-cluster", format!("{dc}/?x=1#top"), None),
    ] {
        let d = detect_typed(scenario, &typed);
        let w = d.warnings.iter().find(|w| w.code == Code::UrlNormalized);
        assert_eq!(w.is_some(), want.is_some(), "{typed}: {:?}", codes_of(&d));
        if let (Some(w), Some(base)) = (w, want) {
            assert!(
                w.fix.en.contains(&base) && w.cause.en.contains(&typed),
                "{}",
                w.cause.en
            );
            assert_eq!(
                d.deployment.reached_base_url.as_deref(),
                Some(base.as_str())
            );
        }
    }
    // Cloud has no context path: /jira/… is a page.
    let d = detect_typed(
        "cloud",
        &format!("{cloud}/jira/software/projects/PROJ/boards/1"),
    );
    assert!(
        codes_of(&d).contains(&Code::UrlNormalized),
        "{:?}",
        codes_of(&d)
    );
    // A tab is a page anyway: no warning for where it is.
    let d = common::detect("dc-9.12-cluster").0;
    assert!(!codes_of(&d).contains(&Code::UrlNormalized));
}

fn codes_of(d: &Detection) -> Vec<Code> {
    d.warnings.iter().map(|w| w.code).collect()
}

#[test]
fn a_cloud_site_on_another_host_names_its_atlassian_net_address() {
    let d = common::detect("custom-domain").0;
    let w = d
        .warnings
        .iter()
        .find(|w| w.code == Code::CustomDomain)
        .expect("custom_domain");
    assert!(
        w.fix.en.contains("https://acme.atlassian.net"),
        "{}",
        w.fix.en
    );
    assert!(
        !codes_of(&d).contains(&Code::BaseUrlMismatch),
        "one warning, not two"
    );
    // The simulator's own Cloud site names itself: no warning.
    assert!(!codes_of(&common::detect("cloud").0).contains(&Code::CustomDomain));
}

#[test]
fn a_data_center_token_expiring_within_14_days_is_warned_about() {
    let r = check(
        "dc-pat-expiring",
        input("", AuthChoice::Pat, Some(SIM_NOW)),
        &[
            ("myself", "myself-svc-sync-pat"),
            ("pat_tokens", "pat-list-svc-sync"),
        ],
    );
    assert_eq!(r.verdict.code, Code::Ok, "{}", r.verdict.cause.en);
    let e = r.token_expiry.as_ref().expect("expiry");
    assert_eq!(
        (e.name.as_str(), e.date.as_deref(), e.days_left),
        ("sync", Some("2025-06-09"), Some(7))
    );
    let w = r
        .warnings
        .iter()
        .find(|w| w.code == Code::TokenExpiresSoon)
        .expect("token_expires_soon");
    assert!(
        w.title.en.contains('7') && w.cause.en.contains("2025-06-09"),
        "{}",
        w.cause.en
    );
    let snippet = r.snippet.as_ref().expect("snippet");
    assert!(snippet.notes.iter().any(|n| n.en.contains("2025-06-09")));
    let checklist = jira_token_wizard::report::check_checklist(&r);
    assert!(checklist
        .iter()
        .any(|i| i.id == "token_expiry" && i.text.en.contains("2025-06-09")));
    // Without "now" the date is said, nothing is judged.
    let r = check(
        "dc-pat-expiring",
        input("", AuthChoice::Pat, None),
        &[
            ("myself", "myself-svc-sync-pat"),
            ("pat_tokens", "pat-list-svc-sync"),
        ],
    );
    assert_eq!(r.token_expiry.as_ref().and_then(|e| e.days_left), None);
    assert!(!codes(&r).contains(&Code::TokenExpiresSoon));
}

#[test]
fn an_expiry_is_said_only_for_a_token_identified_for_certain() {
    // admin has one token, without expiry.
    let r = check(
        "dc-9.12-cluster",
        input("", AuthChoice::Pat, Some(SIM_NOW)),
        &[("myself", "myself-pat-ok"), ("pat_tokens", "pat-list")],
    );
    let e = r.token_expiry.expect("admin's one token");
    assert_eq!((e.name.as_str(), e.expiring_at), ("ci", None));
    // jdoe has two (laptop, old): which one was used cannot be told.
    let flow = ProbeFlow::new(
        input("", AuthChoice::Pat, Some(SIM_NOW)),
        common::detect("dc-9.12-cluster").0,
    )
    .unwrap();
    let two = r#"[{"id":201,"name":"laptop","expiringAt":"2025-06-05T00:00:00.000+00:00"},{"id":202,"name":"old","expiringAt":"2025-06-01T00:00:00.000+00:00"}]"#;
    let (r, _) = common::drive(flow, |req| match req.id.as_str() {
        "pat_tokens" => Exchange::Response(jira_token_wizard::http::HttpResponse {
            status: 200,
            body: two.into(),
            ..Default::default()
        }),
        "myself" => common::answer("dc-9.12-cluster", "myself-pat-ok"),
        "projects" => common::answer("dc-9.12-cluster", "project-list"),
        _ => common::answer("dc-9.12-cluster", "mypermissions"),
    });
    assert_eq!(r.token_expiry, None);
    assert!(!codes(&r).contains(&Code::TokenExpiresSoon));
}

#[test]
fn now_must_be_a_date_time() {
    for bad in ["yesterday", "2025-06-02", "2025-06-02T10:15:30"] {
        let err = ProbeFlow::new(
            input("", AuthChoice::Pat, Some(bad)),
            common::detect("dc-10.3").0,
        )
        .unwrap_err();
        assert_eq!(err, CheckError::InvalidNow, "{bad}");
    }
}

#[test]
fn a_429_says_which_limit() {
    let r = check(
        "rate-limited",
        input("admin@example.com", AuthChoice::Auto, None),
        &[("myself", "myself-ok")],
    );
    assert_eq!(r.verdict.code, Code::RateLimited);
    assert!(
        r.verdict
            .cause
            .en
            .contains("RateLimit-Reason: jira-burst-based — too many requests in a short burst"),
        "{}",
        r.verdict.cause.en
    );
    assert!(
        r.verdict
            .cause
            .ru
            .contains("jira-burst-based — слишком много"),
        "{}",
        r.verdict.cause.ru
    );
}

#[test]
fn issue_sync_gets_the_other_jiras_form_too() {
    let mut i = input("admin", AuthChoice::Basic, None);
    i.target = Target::IssueSync;
    i.key_material = Some((0u8..32).collect());
    let r = check("dc-10.3", i, &[("myself", "myself-ok")]);
    let s = r.snippet.expect("snippet");
    let value = |k: &str| {
        s.fields
            .iter()
            .find(|f| f.key == k)
            .map(|f| f.value.clone())
            .unwrap()
    };
    assert_eq!(
        value("peerRemoteUrl"),
        r.deployment.base_url.clone().unwrap()
    );
    assert_eq!(value("peerRemoteKey"), value("localKey"));
    let peer = s.fields.iter().find(|f| f.key == "peerRemoteUrl").unwrap();
    assert!(peer.group.as_ref().unwrap().en.contains("other Jira"));
    assert!(
        s.text
            .en
            .contains("On the other Jira's Issue Sync connection"),
        "{}",
        s.text.en
    );
    assert!(s
        .text
        .ru
        .contains("В подключении Issue Sync на другой Jira"));
}

/// Mutants (cargo-mutants): `custom_domain`'s `||` → `&&` and `==` → `!=`. A legacy
/// `*.jira.com` Cloud site whose serverInfo names only itself is told to use its atlassian.net
/// address; a Cloud answer on any other host that names no atlassian.net address gets no such
/// warning (there is nothing to name).
#[test]
fn a_legacy_jira_com_site_is_told_to_use_its_atlassian_net_address() {
    let detect_at = |site: &str| {
        let flow = DetectFlow::for_url(site, DetectOptions::default()).unwrap();
        common::drive(flow, |req| {
            let case = match req.id.as_str() {
                "server_info" => "serverinfo-anon",
                "tenant_info" => "tenant-info",
                other => other,
            };
            let mut ex = common::answer("cloud", case);
            if let Exchange::Response(r) = &mut ex {
                r.body = r.body.replace("https://cloud.atlassian.net", site);
            }
            ex
        })
        .0
    };
    let legacy = detect_at("https://acme.jira.com");
    let w = legacy
        .warnings
        .iter()
        .find(|w| w.code == Code::CustomDomain)
        .unwrap_or_else(|| panic!("custom_domain: {:?}", codes_of(&legacy)));
    assert!(w.fix.en.contains("*.atlassian.net"), "{}", w.fix.en);
    let other = detect_at("https://jira.acme.example");
    assert!(
        !codes_of(&other).contains(&Code::CustomDomain),
        "{:?}",
        codes_of(&other)
    );
}

/// Mutant: `expiry::warning`'s `days < EXPIRES_SOON_DAYS` → `<=`. "Fewer than 14 days": a PAT
/// with 14 days left is not warned about yet, one with 13 is.
#[test]
fn a_token_with_fourteen_days_left_is_not_warned_about_yet() {
    for (now, days, warned) in [
        ("2025-05-26T10:15:30Z", 14, false),
        ("2025-05-27T10:15:30Z", 13, true),
    ] {
        let r = check(
            "dc-pat-expiring",
            input("", AuthChoice::Pat, Some(now)),
            &[
                ("myself", "myself-svc-sync-pat"),
                ("pat_tokens", "pat-list-svc-sync"),
            ],
        );
        assert_eq!(
            r.token_expiry.as_ref().and_then(|e| e.days_left),
            Some(days)
        );
        assert_eq!(codes(&r).contains(&Code::TokenExpiresSoon), warned, "{now}");
    }
}
