//! Where no credential goes, and what is left of a secret a server echoes.

use super::*;

#[test]
fn a_site_that_never_answered_gets_no_credential() {
    use jira_token_wizard::detect::{DetectFlow, DetectOptions};
    for (outcome, want) in [
        (Exchange::Timeout { elapsed_ms: 1000 }, Code::Timeout),
        (
            Exchange::Unreachable {
                elapsed_ms: 1,
                detail: "connection refused".into(),
            },
            Code::Unreachable,
        ),
    ] {
        let flow = DetectFlow::for_url(
            "https://jira.example.com/",
            DetectOptions {
                fetch_page: true,
                ..Default::default()
            },
        )
        .unwrap();
        let (d, _) = common::drive(flow, |_| outcome.clone());
        let flow = ProbeFlow::new(input(&CASES[2]), d).unwrap();
        let mut sent = 0;
        let (result, _) = common::drive(flow, |_| {
            sent += 1;
            outcome.clone()
        });
        assert_eq!(sent, 0, "no request after detection found nothing");
        assert_eq!(result.verdict.code, want);
    }
}

#[test]
fn a_server_echoing_the_secret_does_not_carry_it_into_the_result() {
    let c = CASES.iter().find(|c| c.want == Code::SsoLoginPage).unwrap();
    let flow = ProbeFlow::new(input(c), detection(c.scenario)).unwrap();
    let (result, _) = common::drive(flow, |_| {
        let mut r = match common::answer(c.scenario, "myself-ok") {
            Exchange::Response(r) => r,
            other => other.response().cloned().unwrap_or_default(),
        };
        r.headers
            .insert("x-ausername".into(), format!("user-{SECRET}"));
        r.headers.insert(
            "location".into(),
            format!("https://idp.example/login?t={SECRET}"),
        );
        Exchange::Response(r)
    });
    assert_eq!(result.verdict.code, Code::SsoLoginPage);
    let json = serde_json::to_string(&result).unwrap();
    assert!(!json.contains(SECRET), "{json}");
    assert!(
        json.contains("[redacted]"),
        "the same marker as the CLI's redactor"
    );
}

/// A password that is also one of the result's enum values (`"basic"` is the scheme sent) is
/// still scrubbed from what the server echoed, and the enum keeps its value: the scrub touches
/// text only and never falls back to the unscrubbed result.
#[test]
fn a_secret_that_is_also_an_enum_value_is_scrubbed_from_text_only() {
    let c = CASES
        .iter()
        .find(|c| c.scenario == "server-8.5" && c.want == Code::Ok)
        .unwrap();
    let input = CheckInput {
        secret: Secret::new("basic"),
        auth: AuthChoice::Basic,
        ..input(c)
    };
    let flow = ProbeFlow::new(input, detection(c.scenario)).unwrap();
    let (result, _) = common::drive(flow, |req| {
        let case = c.answers.iter().find(|(id, _)| *id == req.id).map(|a| a.1);
        let mut r = match common::answer(c.scenario, case.unwrap_or("project-list")) {
            Exchange::Response(r) => r,
            other => other.response().cloned().unwrap_or_default(),
        };
        r.headers.insert("x-ausername".into(), "admin-basic".into());
        Exchange::Response(r)
    });
    assert_eq!(result.verdict.code, Code::Ok);
    assert_eq!(result.scheme, Some(Scheme::Basic));
    let logged: Vec<&String> = result
        .requests
        .iter()
        .filter_map(|r| r.headers.get("x-ausername"))
        .collect();
    assert!(
        logged.iter().any(|v| v.as_str() == "admin-[redacted]"),
        "the echo is logged, scrubbed: {logged:?}"
    );
    assert!(!logged.iter().any(|v| v.contains("basic")), "{logged:?}");
}
