//! Who answered, then the status class, then Jira's words: the verdicts issue 17 named, each
//! from the recorded answer that causes it, and the hand-made mutations of the core that no
//! test used to catch (each test below fails on the mutation its comment names).

use super::*;
use jira_token_wizard::probe::Answerer;

pub(super) fn case(
    scenario: &'static str,
    login: &'static str,
    auth: AuthChoice,
    answers: &'static [(&'static str, &'static str)],
    want: Code,
) -> Case {
    Case {
        scenario,
        login,
        auth,
        project: None,
        answers,
        want,
    }
}

/// `(case, who must have answered)`: the new scenarios, through the CASES table's runner.
#[test]
fn each_new_class_names_who_answered() {
    let table = [
        (
            case(
                "proxy-407",
                "admin",
                Basic,
                &[("myself", "myself-ok")],
                Code::ProxyAuthRequired,
            ),
            Answerer::DeviceInFront,
        ),
        (
            case(
                "proxy-502",
                "admin",
                Basic,
                &[("myself", "myself-ok")],
                Code::ServerError,
            ),
            Answerer::DeviceInFront,
        ),
        (
            case(
                "server-error",
                "admin",
                Basic,
                &[("myself", "myself-ok")],
                Code::ServerError,
            ),
            Answerer::Jira,
        ),
        (
            case(
                "proxy-block",
                "admin",
                Basic,
                &[("myself", "myself-ok")],
                Code::BlockedByProxy,
            ),
            Answerer::DeviceInFront,
        ),
        (
            case(
                "cloud-edge-404",
                "admin@example.com",
                Auto,
                &[("myself", "myself-ok"), ("mypermissions", "mypermissions")],
                Code::EdgeNotFound,
            ),
            Answerer::AtlassianEdge,
        ),
        (
            case(
                "cloud-bearer-403",
                "admin@example.com",
                Pat,
                &[
                    ("myself", "myself-api-token-as-bearer"),
                    ("mypermissions", "mypermissions-anon"),
                ],
                Code::WrongAuthMethod,
            ),
            Answerer::Jira,
        ),
        (
            case(
                "rate-limited",
                "admin@example.com",
                Auto,
                &[("myself", "myself-ok"), ("mypermissions", "mypermissions")],
                Code::RateLimited,
            ),
            Answerer::Jira,
        ),
        (
            case(
                "proxy-garbage",
                "admin",
                Basic,
                &[("myself", "myself-ok")],
                Code::UnexpectedResponse,
            ),
            Answerer::DeviceInFront,
        ),
        (
            case(
                "hang",
                "admin",
                Basic,
                &[("myself", "TIMEOUT")],
                Code::Timeout,
            ),
            Answerer::Nobody,
        ),
    ];
    for (c, who) in table {
        let (result, _, _) = run(&c);
        assert_eq!(
            result.verdict.code, c.want,
            "{}: {}",
            c.scenario, result.verdict.cause.en
        );
        assert_eq!(result.answered_by, who, "{}", c.scenario);
        let label = who.label();
        assert!(
            result.verdict.code != Code::ServerError || result.verdict.cause.en.contains(label.en),
            "{}: the server error names who failed: {}",
            c.scenario,
            result.verdict.cause.en
        );
        let json = serde_json::to_value(&result).unwrap();
        assert_eq!(json["answeredBy"], who.as_str(), "{}", c.scenario);
    }
}

#[test]
fn edge_404_recommends_the_gateway_address() {
    let c = case(
        "cloud-edge-404",
        "admin@example.com",
        Auto,
        &[("myself", "myself-ok"), ("mypermissions", "mypermissions")],
        Code::EdgeNotFound,
    );
    let (result, _, _) = run(&c);
    assert!(
        result
            .verdict
            .fix
            .en
            .contains("https://api.atlassian.com/ex/jira/a436116f-02ce-4520-8fbb-7301462a1674"),
        "{}",
        result.verdict.fix.en
    );
    assert!(
        result.verdict.cause.en.contains("CloudFront"),
        "{}",
        result.verdict.cause.en
    );
}

/// A Jira page whose REST API (serverInfo too) answers 429 or 500: rate-limited or failing —
/// never "not Jira", and nothing is sent (issue 17's first regression).
#[test]
fn a_failing_rest_api_never_turns_a_jira_page_into_not_jira() {
    for (scenario, want) in [
        ("jira-rate-limited-serverinfo", Code::RateLimited),
        ("jira-500", Code::ServerError),
    ] {
        let c = case(scenario, "admin", Basic, &[], want);
        let (result, sent, _) = run(&c);
        assert!(sent.is_empty(), "{scenario}: sent {sent:?}");
        assert_eq!(
            result.deployment.product,
            jira_token_wizard::deployment::Product::Jira
        );
        assert_eq!(
            result.verdict.code, want,
            "{scenario}: {}",
            result.verdict.cause.en
        );
        assert_eq!(result.answered_by, Answerer::Jira, "{scenario}");
        let not_sent = result.not_sent.expect("says why nothing was sent");
        assert!(
            not_sent.en.contains("No credential was sent"),
            "{}",
            not_sent.en
        );
        assert!(result.verdict.cause.en.contains(&not_sent.en));
        assert!(!not_sent.ru.is_empty() && result.verdict.cause.ru.contains(&not_sent.ru));
    }
    let c = case(
        "jira-rate-limited-serverinfo",
        "admin",
        Basic,
        &[],
        Code::RateLimited,
    );
    let (result, _, _) = run(&c);
    assert!(
        result.verdict.cause.en.contains("Retry-After: 30"),
        "{}",
        result.verdict.cause.en
    );
}

/// facts §7.1: Cloud's rejected Basic is the 53-byte line whose Content-Type follows Accept —
/// JSON asked, so `application/json` over a body that is not JSON. Normal: rejected, not
/// "unexpected".
#[test]
fn cloud_s_plain_line_under_a_json_type_is_a_rejection() {
    let line = "Client must be authenticated to access this resource.";
    assert_eq!(line.len(), 53);
    let c = case(
        "cloud",
        "admin@example.com",
        Auto,
        &[],
        Code::CredentialsRejected,
    );
    for headers in [
        vec![
            ("content-type", "application/json;charset=UTF-8"),
            ("atl-traceid", "abc"),
        ],
        vec![("content-type", "application/json")],
    ] {
        let answer = Exchange::Response(HttpResponse {
            status: 401,
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            body: line.into(),
            ..HttpResponse::default()
        });
        let mut i = input(&c);
        i.gateway = None;
        let flow = ProbeFlow::new(i, detection("cloud")).unwrap();
        let (result, _) = common::drive(flow, |_| answer.clone());
        assert_eq!(
            result.verdict.code,
            Code::CredentialsRejected,
            "{headers:?}"
        );
        assert_eq!(result.answered_by, Answerer::Jira);
    }
}

/// Codes whose recorded case lives outside the CASES table, each produced here by running it.
pub(super) fn other_cases() -> Vec<(Code, CheckResult)> {
    use jira_token_wizard::http::CertificateNames;
    use jira_token_wizard::targets::Target;
    let mut out = Vec::new();
    let not_jira = case("not-atlassian", "admin", Basic, &[], Code::NotJira);
    out.push((Code::NotJira, run(&not_jira).0));
    // Client credentials for ELMA365, whose form has a login and a password: nothing is sent.
    let cc = case(
        "dc-11.3",
        "sim-client",
        AuthChoice::ClientCredentials,
        &[],
        Code::ClientCredentialsNotSupported,
    );
    let mut i = input(&cc);
    i.target = Target::Elma365;
    let flow = ProbeFlow::new(i, detection("dc-11.3")).unwrap();
    out.push((
        Code::ClientCredentialsNotSupported,
        common::drive(flow, |r| panic!("sent {}", r.id)).0,
    ));
    let dc = case(
        "dc-9.12-cluster",
        "admin",
        Basic,
        &[],
        Code::TargetNotSupported,
    );
    let mut i = input(&dc);
    i.target = Target::AvepointBackup;
    let flow = ProbeFlow::new(i, detection("dc-9.12-cluster")).unwrap();
    out.push((
        Code::TargetNotSupported,
        common::drive(flow, |r| panic!("sent {}", r.id)).0,
    ));
    let pat = case("dc-9.12-cluster", "", Pat, &[], Code::SecretNotAToken);
    let mut i = input(&pat);
    i.secret = Secret::new("пароль с пробелами");
    let flow = ProbeFlow::new(i, detection("dc-9.12-cluster")).unwrap();
    out.push((
        Code::SecretNotAToken,
        common::drive(flow, |r| panic!("sent {}", r.id)).0,
    ));
    let not_sent = Exchange::NotSent {
        elapsed_ms: 0,
        detail: "refused by the transport".into(),
    };
    out.push((
        Code::TransportFailed,
        run_answers(&dc, |_| not_sent.clone()),
    ));
    let tls = Exchange::TlsUntrusted {
        elapsed_ms: 1,
        certificate: CertificateNames {
            subject: "CN=jira.corp".into(),
            issuer: "CN=Corp CA".into(),
        },
        detail: "unknown issuer".into(),
    };
    out.push((Code::TlsUntrusted, run_answers(&dc, |_| tls.clone())));
    let svc = case(
        "cloud",
        "svc-sync-k3x9@serviceaccount.atlassian.com",
        Auto,
        &[],
        Code::ScopedTokenNeedsGateway,
    );
    let mut i = input(&svc);
    i.gateway = None;
    let flow = ProbeFlow::new(i, detection("cloud")).unwrap();
    let result = common::drive(flow, |req| match req.id.as_str() {
        "myself" => common::answer("cloud", "myself-scoped-token-on-site"),
        _ => common::answer("cloud", "mypermissions-anon"),
    })
    .0;
    out.push((Code::ScopedTokenNeedsGateway, result));
    out
}

#[test]
fn the_other_cases_give_their_codes() {
    for (want, result) in other_cases() {
        assert_eq!(result.verdict.code, want, "{}", result.verdict.cause.en);
    }
}

/// The report keeps who answered: its JSON (`answeredBy`) and its Markdown in both languages.
#[test]
fn the_report_names_who_answered() {
    use jira_token_wizard::i18n::Lang;
    use jira_token_wizard::report::{build, Meta, Subject, Tool};
    let c = case(
        "proxy-502",
        "admin",
        Basic,
        &[("myself", "myself-ok")],
        Code::ServerError,
    );
    let (result, _, _) = run(&c);
    let meta = Meta {
        tool: Tool::Cli,
        version: "0.1.0".into(),
        environment: "test".into(),
        generated_at: "2026-12-07T12:00:00Z".into(),
    };
    let report = build(
        Subject::Check {
            result: &result,
            login: "admin",
        },
        &meta,
    );
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["answeredBy"], "device_in_front");
    let en = report.to_markdown(Lang::En);
    assert!(
        en.contains("**Answered by:** a device in front of Jira"),
        "{en}"
    );
    assert!(en.contains("`device_in_front`"));
    let ru = report.to_markdown(Lang::Ru);
    assert!(
        ru.contains("**Кто ответил:** устройство перед Jira"),
        "{ru}"
    );
}

pub(super) fn run_answers(c: &Case, answer: impl Fn(&HttpRequest) -> Exchange) -> CheckResult {
    let flow = ProbeFlow::new(input(c), detection(c.scenario)).unwrap();
    common::drive(flow, |req| answer(req)).0
}
