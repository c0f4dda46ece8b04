//! Cloud credentials the site refuses, and Atlassian's gateway (facts §3.2), against answers
//! recorded from the simulator's `cloud` scenario: the site answers a scoped token with the
//! same 401 as a wrong one, so on a Cloud 401 the test asks
//! `{gateway}/ex/jira/{cloudId}` — and its answer decides.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::catalogue::Code;
use jira_token_wizard::probe::ProbeFlow;
use jira_token_wizard::probe::{AuthChoice, CheckInput, CheckResult, Secret};
use jira_token_wizard::targets::Target;

const GATEWAY: &str = "https://api.atlassian.com";
const CLOUD_ID: &str = "a436116f-02ce-4520-8fbb-7301462a1674";
const SVC: &str = "svc-sync-k3x9@serviceaccount.atlassian.com";

struct Case {
    what: &'static str,
    login: &'static str,
    auth: AuthChoice,
    target: Target,
    gateway: bool,
    /// request id → fixture case of the `cloud` scenario
    answers: &'static [(&'static str, &'static str)],
    want: Code,
    /// Words the verdict's English cause or fix must hold.
    says: &'static [&'static str],
}

fn run(c: &Case) -> (CheckResult, Vec<String>) {
    let input = CheckInput {
        login: c.login.into(),
        secret: Secret::new("a-token-the-simulator-never-saw"),
        auth: c.auth,
        target: c.target,
        required_permissions: vec![],
        project: None,
        gateway: c.gateway.then(|| GATEWAY.into()),
        timeout_ms: 10_000,
        key_material: (c.target == Target::IssueSync).then(|| vec![7; 32]),
        now: None,
        calls: Vec::new(),
        expires_on: None,
    };
    let detection = common::detect("cloud").0;
    let mut sent = Vec::new();
    let flow = ProbeFlow::new(input, detection).expect("valid input");
    let (result, rounds) = common::drive(flow, |req| {
        sent.push(req.id.clone());
        let case = c
            .answers
            .iter()
            .find(|(id, _)| *id == req.id)
            .map(|a| a.1)
            .or(match req.id.as_str() {
                "mypermissions" | "projects" => Some("mypermissions-anon"),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{}: unexpected request {}", c.what, req.id));
        common::answer("cloud", case)
    });
    assert!(rounds <= 2, "{}: {rounds} round trips", c.what);
    (result, sent)
}

const SCOPED_OK: &[(&str, &str)] = &[
    ("myself", "myself-scoped-token-on-site"),
    ("gateway_myself", "gateway-myself-v2-scoped-token"),
    (
        "gateway_mypermissions",
        "gateway-mypermissions-scoped-token",
    ),
    ("gateway_projects", "gateway-project-list-scoped-token"),
];

use AuthChoice::{Auto, Pat};

#[rustfmt::skip]
const CASES: &[Case] = &[
    Case { what: "scoped token, gateway allowed", login: SVC, auth: Auto, target: Target::Generic, gateway: true, answers: SCOPED_OK, want: Code::Ok, says: &[] },
    Case { what: "service account token as Bearer", login: SVC, auth: Pat, target: Target::Generic, gateway: true, answers: &[("myself", "myself-api-token-as-bearer"), ("gateway_myself", "gateway-myself-service-account-bearer"), ("gateway_mypermissions", "gateway-mypermissions-scoped-token"), ("gateway_projects", "gateway-project-list-scoped-token")], want: Code::Ok, says: &[] },
    // The other two gateway answers stand in: /myself's refusal decides.
    Case { what: "scoped token without read:jira-user", login: "jane.doe@example.com", auth: Auto, target: Target::Elma365, gateway: true, answers: &[("myself", "myself-narrow-scoped-token-on-site"), ("gateway_myself", "gateway-myself-narrow-scoped-token"), ("gateway_mypermissions", "gateway-myself-narrow-scoped-token"), ("gateway_projects", "gateway-myself-narrow-scoped-token")], want: Code::ScopeMismatch, says: &["read:jira-user, read:jira-work, write:jira-work", "ELMA365", "https://api.atlassian.com/ex/jira/a436116f"] },
    Case { what: "both refuse", login: "admin@example.com", auth: Auto, target: Target::Generic, gateway: true, answers: &[("myself", "myself-bad-token"), ("gateway_myself", "gateway-myself-bad-token"), ("gateway_mypermissions", "gateway-myself-bad-token"), ("gateway_projects", "gateway-myself-bad-token")], want: Code::CredentialsRejected, says: &["refused it too", "2026-03-14", "365 days"] },
    Case { what: "gateway not allowed (the popup before its click)", login: "admin@example.com", auth: Auto, target: Target::Generic, gateway: false, answers: &[("myself", "myself-scoped-token-on-site")], want: Code::CredentialsRejected, says: &["expire"] },
    Case { what: "service account, gateway not allowed", login: SVC, auth: Auto, target: Target::Generic, gateway: false, answers: &[("myself", "myself-scoped-token-on-site")], want: Code::ScopedTokenNeedsGateway, says: &["service account", "not tried", "https://api.atlassian.com/ex/jira/a436116f"] },
];

#[test]
fn the_gateway_decides_what_the_site_refused() {
    for c in CASES {
        let (r, sent) = run(c);
        assert_eq!(r.verdict.code, c.want, "{}: {}", c.what, r.verdict.cause.en);
        let texts = format!("{} {}", r.verdict.cause.en, r.verdict.fix.en);
        for word in c.says {
            assert!(texts.contains(word), "{}: {word:?} not in {texts}", c.what);
        }
        for t in [&r.verdict.cause, &r.verdict.fix] {
            assert!(
                !t.en.contains('{') && !t.ru.contains('{'),
                "{}: {}",
                c.what,
                t.ru
            );
        }
        let asked = sent.iter().any(|id| id == "gateway_myself");
        assert_eq!(asked, c.gateway, "{}: {sent:?}", c.what);
        // The popup offers the gateway exactly when the site refused and it was not asked.
        assert_eq!(r.gateway_offer, !c.gateway, "{}", c.what);
    }
}

/// An amber result: the verdict is `ok`, a warning says where it works, and everything the
/// integration gets carries the gateway URL as its base URL.
#[test]
fn a_scoped_token_works_through_the_gateway_url() {
    let (r, _) = run(&CASES[0]);
    let gateway = format!("{GATEWAY}/ex/jira/{CLOUD_ID}");
    assert!(r.verdict.ok);
    assert_eq!(r.via_gateway.as_deref(), Some(gateway.as_str()));
    let w = r
        .warnings
        .iter()
        .find(|w| w.code == Code::WorksViaGateway)
        .expect("works_via_gateway");
    assert!(w.fix.en.contains(&gateway), "{}", w.fix.en);
    assert_eq!(r.user.as_ref().and_then(|u| u.email.as_deref()), Some(SVC));
    let snippet = r.snippet.expect("a connection block");
    assert_eq!(snippet.fields[0].value, gateway);
    assert!(
        r.permissions.is_some(),
        "permissions read through the gateway"
    );
    assert!(
        !r.projects.is_empty(),
        "projects listed through the gateway"
    );
    let checklist =
        jira_token_wizard::report::check_checklist(&jira_token_wizard::probe::CheckResult {
            snippet: None,
            ..run(&CASES[0]).0
        });
    assert!(checklist
        .iter()
        .any(|i| i.id == "gateway" && i.text.en.contains(&gateway)));
}

/// Issue 13 item 1: after `works_via_gateway` the steps the user follows are re-planned by the
/// core — they give the integration the gateway URL and no longer name the site — and the
/// report carries the same steps.
#[test]
fn the_steps_after_works_via_gateway_carry_the_gateway_url() {
    use jira_token_wizard::report::{self, Meta, Subject, Tool};
    let gateway = format!("{GATEWAY}/ex/jira/{CLOUD_ID}");
    let site = common::detect("cloud")
        .0
        .deployment
        .base_url
        .expect("the site's base URL");
    let detected = common::detect("cloud").0.auth_plan.expect("a plan");
    assert!(
        detected.steps.iter().any(|s| s.en.contains(&site)),
        "the detection's steps name the site"
    );
    let (r, _) = run(&CASES[0]);
    let plan = r.auth_plan.as_ref().expect("re-planned steps");
    assert!(!plan.steps.is_empty());
    assert!(plan
        .steps
        .iter()
        .any(|s| s.en.contains(&gateway) && s.ru.contains(&gateway)));
    for s in plan.steps.iter().chain(&plan.notes) {
        assert!(!s.en.contains(&site) && !s.ru.contains(&site), "{}", s.en);
        assert!(
            !s.en.contains('{') && !s.ru.contains('{'),
            "unfilled: {}",
            s.ru
        );
    }
    // A service account: its tokens always have scopes, so no "token without scopes" step.
    assert!(plan.steps.iter().any(|s| s.en.contains("service account")));
    // The scopes the target needs are named.
    let generic = Target::Generic.profile().scopes.join(", ");
    assert!(plan.steps.iter().any(|s| s.en.contains(&generic)));

    // A person's scoped token: the way back to a token without scopes is offered.
    let person = jira_token_wizard::auth_plan::plan_via_gateway(&gateway, Target::Elma365, false);
    assert!(person
        .steps
        .iter()
        .any(|s| s.en.contains("Create API token")));
    assert!(person.steps.iter().any(|s| s.en.contains("ELMA365")));

    // The curl line for the integration's server asks the gateway too; `check` keeps the site
    // (the CLI asks the gateway itself).
    let lines = r.server_check.as_ref().expect("server lines");
    assert!(
        lines
            .curl
            .ends_with(&format!("'{gateway}/rest/api/2/myself'")),
        "{}",
        lines.curl
    );
    assert!(lines.cli.contains(&site), "{}", lines.cli);

    // Anything but a gateway result keeps the detection's plan.
    for c in &CASES[2..] {
        assert_eq!(run(c).0.auth_plan, None, "{}", c.what);
    }

    let meta = Meta {
        tool: Tool::Cli,
        version: "0.0.0".into(),
        environment: String::new(),
        generated_at: "2026-11-30T00:00:00Z".into(),
    };
    let rep = report::build(
        Subject::Check {
            result: &r,
            login: SVC,
        },
        &meta,
    );
    assert_eq!(rep.steps, plan.steps);
    let md = rep.to_markdown(jira_token_wizard::i18n::Lang::En);
    assert!(md.contains("## Steps"), "{md}");
    assert!(md.contains(&gateway));
}
