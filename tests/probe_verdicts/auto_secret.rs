//! Method "Automatic" reads the secret (`probe::SecretKind`): on Server/Data Center a secret
//! that cannot be a personal access token goes as the password it is — Basic, one request at a
//! time — so a CAPTCHA-locked account gets its CAPTCHA verdict, not "Jira ignored the token".

use super::common;
use jira_token_wizard::auth_plan::AuthMethod;
use jira_token_wizard::catalogue::Code;
use jira_token_wizard::http::{Exchange, HttpRequest};
use jira_token_wizard::probe::{
    base64, AuthChoice, CheckInput, CheckResult, ProbeFlow, Scheme, Secret, SecretKind,
};

/// jdoe's PAT on the simulator's Data Center (base64 of `<12-digit id>:<20 bytes>`).
const PAT: &str = "MDAwMDAwMDAwMjAxOmpkb2UtbGFwdG9wMDAwMDAwMDAw";

fn input(login: &str, secret: &str, auth: AuthChoice) -> CheckInput {
    CheckInput {
        login: login.into(),
        secret: Secret::new(secret),
        auth,
        required_permissions: vec![],
        project: None,
        gateway: None,
        timeout_ms: 10_000,
        target: Default::default(),
        key_material: None,
        now: None,
        calls: Vec::new(),
        expires_on: None,
    }
}

/// Runs the test; `answer(id)` names the fixture for each request. Returns the result, the
/// requests sent and the number of round trips.
fn run(
    scenario: &str,
    input: CheckInput,
    answer: impl Fn(&str) -> &'static str,
) -> (CheckResult, Vec<HttpRequest>, usize) {
    let flow = ProbeFlow::new(input, common::detect(scenario).0).expect("valid input");
    let mut sent = Vec::new();
    let (result, rounds) = common::drive(flow, |req| {
        sent.push(req.clone());
        common::answer(scenario, answer(&req.id))
    });
    (result, sent, rounds)
}

fn auth_header(req: &HttpRequest) -> &str {
    req.headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

#[test]
fn a_password_under_automatic_on_a_captcha_locked_account_gets_captcha_required() {
    let (r, sent, _) = run(
        "captcha",
        input("jdoe", "jdoe-pass", AuthChoice::Auto),
        |id| {
            assert_eq!(id, "myself", "sent {id} beside a password on Data Center");
            "myself-captcha"
        },
    );
    assert_eq!(
        r.verdict.code,
        Code::CaptchaRequired,
        "{}",
        r.verdict.cause.en
    );
    assert_eq!(r.auth_method, Some(AuthMethod::Basic));
    assert_eq!(r.method_in_effect, Some(AuthMethod::Basic));
    assert_eq!(r.scheme, Some(Scheme::Basic));
    assert_eq!(r.secret_kind, Some(SecretKind::Password));
    assert!(r.read_as_password);
    // One request, Basic: Seraph's counter sees one failed login at most.
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(
        auth_header(&sent[0]),
        format!("Basic {}", base64(b"jdoe:jdoe-pass"))
    );
    let checklist = jira_token_wizard::report::check_checklist(&r);
    let read = checklist
        .iter()
        .find(|i| i.id == "read_as_password")
        .expect("the checklist says Automatic read a password");
    assert!(read.text.en.contains("password"), "{}", read.text.en);
    assert!(read.text.ru.contains("пароль"), "{}", read.text.ru);
}

#[test]
fn a_cyrillic_password_under_automatic_goes_as_utf8_basic_and_is_not_retried_as_bearer() {
    let (r, sent, _) = run(
        "dc-9.12-cluster",
        input("иван", "Пароль Ёж-2024", AuthChoice::Auto),
        |id| {
            assert_eq!(id, "myself", "sent {id}");
            "myself-bad-password"
        },
    );
    assert_eq!(
        r.verdict.code,
        Code::CredentialsRejected,
        "{}",
        r.verdict.cause.en
    );
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(
        auth_header(&sent[0]),
        format!("Basic {}", base64("иван:Пароль Ёж-2024".as_bytes()))
    );
    assert!(r.read_as_password);
}

#[test]
fn a_pat_pasted_with_a_line_break_after_it_goes_as_bearer() {
    let (r, sent, _) = run(
        "dc-9.12-cluster",
        input("jdoe", &format!("{PAT}\r\n"), AuthChoice::Auto),
        |id| match id {
            "myself" => "myself-pat-ok",
            "mypermissions" => "mypermissions",
            "projects" => "project-list",
            "pat_tokens" => "pat-list",
            other => panic!("unexpected {other}"),
        },
    );
    assert_eq!(r.secret_kind, Some(SecretKind::Pat));
    assert_eq!(r.auth_method, Some(AuthMethod::Pat));
    assert!(!r.read_as_password);
    let myself = sent.iter().find(|q| q.id == "myself").unwrap();
    assert_eq!(auth_header(myself), format!("Bearer {PAT}"));
    assert!(r.warnings.iter().any(|w| w.code == Code::SecretWhitespace));
}

#[test]
fn a_pat_wrapped_by_a_line_break_inside_is_never_sent_as_a_password() {
    let wrapped = format!("{}\n{}", &PAT[..22], &PAT[22..]);
    let (r, sent, _) = run(
        "dc-9.12-cluster",
        input("jdoe", &wrapped, AuthChoice::Auto),
        |id| panic!("sent {id}"),
    );
    assert!(sent.is_empty());
    assert_eq!(r.verdict.code, Code::SecretNotAToken);
    assert_eq!(r.secret_kind, Some(SecretKind::Pat));
    assert_eq!(r.method_in_effect, Some(AuthMethod::Pat));
}

#[test]
fn automatic_keeps_the_token_where_no_password_can_be_meant() {
    // No login: a password could not be sent, the PAT stands.
    let dc = common::detect("dc-9.12-cluster").0;
    let cloud = common::detect("cloud").0;
    let plan = |login: &str, secret: &str, auth, d: &jira_token_wizard::detect::Detection| {
        let r = ProbeFlow::new(input(login, secret, auth), d.clone()).expect("valid");
        let mut r = r;
        use jira_token_wizard::flow::Flow;
        let batch = r.next_batch();
        batch
            .iter()
            .find(|q| q.id == "myself")
            .map(|q| auth_header(q).split(' ').next().unwrap_or("").to_string())
    };
    assert_eq!(
        plan("", "jdoe-pass", AuthChoice::Auto, &dc).as_deref(),
        Some("Bearer")
    );
    // The user chose PAT: the choice stands.
    assert_eq!(
        plan("jdoe", "jdoe-pass", AuthChoice::Pat, &dc).as_deref(),
        Some("Bearer")
    );
    assert_eq!(
        plan("jdoe", PAT, AuthChoice::Auto, &dc).as_deref(),
        Some("Bearer")
    );
    assert_eq!(
        plan("jdoe", "jdoe-pass", AuthChoice::Auto, &dc).as_deref(),
        Some("Basic")
    );
    // Cloud: a password and an API token go the same way; Jira's answer tells them apart.
    assert_eq!(
        plan(
            "jane.doe@example.com",
            "jdoe-pass",
            AuthChoice::Auto,
            &cloud
        )
        .as_deref(),
        Some("Basic")
    );
}

#[test]
fn method_in_effect_is_said_even_when_nothing_is_sent() {
    let r = ProbeFlow::new(
        input("jdoe", "jdoe-pass", AuthChoice::Auto),
        common::detect("confluence").0,
    )
    .expect("valid");
    let (r, _) = common::drive(r, |q| -> Exchange { panic!("sent {}", q.id) });
    assert_eq!(r.auth_method, None);
    assert_eq!(r.method_in_effect, Some(AuthMethod::Basic));
}
