//! Integration targets (ELMA365, AvePoint, Issue Sync) against answers recorded from the
//! simulator: what each sends, which deployments it supports, the permissions it needs, its
//! warnings and its connection snippet.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::catalogue::Code;
use jira_token_wizard::detect::Detection;
use jira_token_wizard::http::HttpRequest;
use jira_token_wizard::probe::{
    AuthChoice, CheckError, CheckInput, CheckResult, ProbeFlow, Scheme, Secret,
};
use jira_token_wizard::snippet::{MIN_KEY_CHARS, SECRET_MASK};
use jira_token_wizard::targets::Target;

const SECRET: &str = "s3cret-token-value";

fn input(target: Target, login: &str, project: Option<&str>) -> CheckInput {
    CheckInput {
        login: login.into(),
        secret: Secret::new(SECRET),
        auth: AuthChoice::Auto,
        target,
        required_permissions: vec![],
        project: project.map(str::to_string),
        gateway: None,
        timeout_ms: 10_000,
        key_material: (target == Target::IssueSync).then(|| (0u8..32).collect()),
        now: None,
        calls: Vec::new(),
        expires_on: None,
    }
}

/// Runs the test with `answers` (request id → fixture case of `scenario`).
fn run(
    scenario: &str,
    detection: Detection,
    input: CheckInput,
    answers: &[(&str, &str)],
) -> (CheckResult, Vec<HttpRequest>) {
    let flow = ProbeFlow::new(input, detection).expect("valid input");
    let mut sent = Vec::new();
    let (result, _) = common::drive(flow, |req| {
        sent.push(req.clone());
        let case = answers.iter().find(|(id, _)| *id == req.id).map(|a| a.1);
        let case = case.or(match req.id.as_str() {
            "projects" => Some("project-list"),
            "pat_tokens" => Some("pat-list"),
            _ => None,
        });
        common::answer(
            scenario,
            case.unwrap_or_else(|| panic!("unexpected request {}", req.id)),
        )
    });
    (result, sent)
}

#[test]
fn avepoint_on_server_is_not_supported_and_sends_nothing() {
    for target in [Target::AvepointBackup, Target::AvepointRestore] {
        let (d, _) = common::detect("dc-9.12-cluster");
        let (result, sent) = run("dc-9.12-cluster", d, input(target, "admin", None), &[]);
        assert!(sent.is_empty(), "{sent:?}");
        assert_eq!(result.verdict.code, Code::TargetNotSupported);
        assert!(
            result.verdict.title.en.starts_with("AvePoint"),
            "{}",
            result.verdict.title.en
        );
        assert!(result.snippet.is_none());
    }
}

#[test]
fn elma365_sends_basic_and_names_a_pat_used_as_password() {
    let (d, _) = common::detect("dc-9.12-cluster");
    let answers = [
        ("myself", "myself-pat-as-basic-password"),
        ("myself_as_bearer", "myself-pat-ok"),
    ];
    let (result, sent) = run(
        "dc-9.12-cluster",
        d,
        input(Target::Elma365, "admin", Some("PROJ")),
        &answers,
    );
    assert_eq!(
        result.scheme,
        Some(Scheme::Basic),
        "ELMA365 sends Basic even when auth is auto on 9.12"
    );
    assert!(sent[0]
        .headers
        .iter()
        .any(|(k, v)| k == "Authorization" && v.starts_with("Basic ")));
    assert_eq!(result.verdict.code, Code::PatNotAcceptedAsPassword);
}

#[test]
fn elma365_needs_create_and_edit_in_the_project() {
    let (d, _) = common::detect("missing-permissions");
    // myself-ok is admin's answer; the permissions are jdoe's in PROJ (no CREATE_ISSUES).
    let answers = [
        ("myself", "myself-ok"),
        ("mypermissions", "mypermissions-jdoe-proj"),
    ];
    let (result, _) = run(
        "missing-permissions",
        d,
        input(Target::Elma365, "admin", Some("PROJ")),
        &answers,
    );
    assert_eq!(result.verdict.code, Code::MissingPermissions);
    let report = result.permissions.expect("report");
    let missing: Vec<&str> = report.missing.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(missing, ["CREATE_ISSUES"]);
    assert!(
        report.checked.iter().any(|k| k == "USE")
            && report.checked.iter().any(|k| k == "EDIT_ISSUES")
    );
    assert!(result
        .verdict
        .cause
        .en
        .contains("Create Issues (CREATE_ISSUES)"));
    assert!(result
        .verdict
        .cause
        .ru
        .contains("Создание задач (CREATE_ISSUES)"));
    let snippet = result
        .snippet
        .expect("the credential works: a snippet is offered");
    let labels: Vec<&str> = snippet.fields.iter().map(|f| f.label.ru.as_str()).collect();
    assert_eq!(labels, ["Тип авторизации", "Сервер", "Логин", "Пароль"]);
}

#[test]
fn avepoint_on_cloud_fills_its_form_with_the_secret_masked() {
    let (d, _) = common::detect("cloud");
    // Recorded for every key AvePoint's restore asks (19): an answer that could say "missing".
    let answers = [
        ("myself", "myself-ok"),
        ("mypermissions", "mypermissions-avepoint-restore"),
    ];
    let (result, sent) = run(
        "cloud",
        d,
        input(Target::AvepointRestore, "admin@example.com", None),
        &answers,
    );
    assert_eq!(result.verdict.code, Code::Ok, "{}", result.verdict.cause.en);
    let report = result.permissions.clone().expect("permissions read");
    assert!(report.missing.is_empty());
    let perms = sent.iter().find(|r| r.id == "mypermissions").unwrap();
    assert!(perms.url.contains("permissions=ADMINISTER,USER_PICKER,CREATE_SHARED_OBJECTS,CREATE_PROJECT,ADMINISTER_PROJECTS"), "{}", perms.url);
    let snippet = result.snippet.clone().expect("snippet");
    let keys: Vec<&str> = snippet.fields.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "profileName",
            "description",
            "application",
            "hostUrl",
            "userEmail",
            "apiToken"
        ]
    );
    let token = snippet.fields.iter().find(|f| f.key == "apiToken").unwrap();
    assert!(token.secret && token.value == SECRET_MASK);
    assert!(snippet.text.en.contains("User email: admin@example.com"));
    let api_token = snippet.json.get("fields").and_then(|f| f.get("apiToken"));
    assert_eq!(api_token.and_then(|t| t.as_str()), Some(SECRET_MASK));
    assert!(snippet
        .notes
        .iter()
        .any(|n| n.en.contains("API token access for external users")));
    assert!(snippet.notes.iter().any(|n| n.en.contains("groups")));
    // AvePoint's form needs the site: the block says the gateway form will not do.
    let cloud_id = result.deployment.cloud_id.clone().expect("cloud id");
    let gateway = format!("https://api.atlassian.com/ex/jira/{cloud_id}");
    assert!(
        snippet
            .notes
            .iter()
            .any(|n| n.en.contains("needs the site's own address") && n.en.contains(&gateway)),
        "{:?}",
        snippet.notes
    );
    assert!(!serde_json::to_string(&result).unwrap().contains(SECRET));
}

#[test]
fn a_cloud_block_offers_the_gateway_form_where_the_integration_takes_it() {
    let (d, _) = common::detect("cloud");
    let answers = [("myself", "myself-ok"), ("mypermissions", "mypermissions")];
    let (result, _) = run(
        "cloud",
        d,
        input(Target::Generic, "admin@example.com", None),
        &answers,
    );
    assert_eq!(result.verdict.code, Code::Ok, "{}", result.verdict.cause.en);
    let cloud_id = result.deployment.cloud_id.clone().expect("cloud id");
    let gateway = format!("https://api.atlassian.com/ex/jira/{cloud_id}");
    let snippet = result.snippet.expect("snippet");
    assert!(
        snippet
            .notes
            .iter()
            .any(|n| n.en.contains("may also be Atlassian's gateway")
                && n.en.contains(&gateway)
                && n.ru.contains(&gateway)),
        "{:?}",
        snippet.notes
    );
    use jira_token_wizard::targets::GatewayForm;
    assert_eq!(Target::Elma365.profile().gateway_form(), GatewayForm::Takes);
    assert_eq!(
        Target::IssueSync.profile().gateway_form(),
        GatewayForm::SiteOnly
    );
    assert_eq!(
        Target::AvepointBackup.profile().gateway_form(),
        GatewayForm::SiteOnly
    );
}

#[test]
fn issue_sync_warns_when_the_technical_user_is_you_and_generates_a_key() {
    let (d, _) = common::detect_on("dc-9.12-cluster", "page-logged-in"); // logged in as admin
    let answers = [
        ("myself", "myself-pat-ok"),
        ("mypermissions", "mypermissions"),
    ];
    let (result, _) = run(
        "dc-9.12-cluster",
        d,
        input(Target::IssueSync, "", None),
        &answers,
    );
    assert_eq!(result.verdict.code, Code::Ok);
    assert!(
        result
            .warnings
            .iter()
            .any(|w| w.code == Code::TechnicalUserIsYou),
        "{:?}",
        result.warnings
    );
    let snippet = result.snippet.expect("snippet");
    let key = snippet.fields.iter().find(|f| f.key == "localKey").unwrap();
    assert!(key.value.len() >= MIN_KEY_CHARS && key.value.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(
        snippet
            .fields
            .iter()
            .find(|f| f.key == "technicalUser")
            .unwrap()
            .value,
        "admin"
    );
    assert!(snippet
        .notes
        .iter()
        .any(|n| n.en.contains("Passive Instance")));
    // Nobody logged into the tab: nothing to compare, no warning.
    let (d, _) = common::detect("dc-9.12-cluster");
    let answers = [
        ("myself", "myself-pat-ok"),
        ("mypermissions", "mypermissions"),
    ];
    let (result, _) = run(
        "dc-9.12-cluster",
        d,
        input(Target::IssueSync, "", None),
        &answers,
    );
    assert!(!result
        .warnings
        .iter()
        .any(|w| w.code == Code::TechnicalUserIsYou));
}

#[test]
fn issue_sync_on_a_mismatched_base_url_advises_the_alternative_url() {
    let (d, _) = common::detect("context-path-mismatch");
    let answers = [
        ("myself", "myself-pat-ok"),
        ("mypermissions", "mypermissions"),
    ];
    let (result, _) = run(
        "context-path-mismatch",
        d,
        input(Target::IssueSync, "", None),
        &answers,
    );
    let snippet = result.snippet.expect("snippet");
    assert!(snippet
        .notes
        .iter()
        .any(|n| n.en.contains("Alternative JIRA Server URL")));
}

#[test]
fn issue_sync_needs_random_bytes() {
    let (d, _) = common::detect("dc-9.12-cluster");
    let mut i = input(Target::IssueSync, "svc-sync", None);
    i.key_material = Some(vec![7; 8]);
    assert!(matches!(
        ProbeFlow::new(i, d),
        Err(CheckError::KeyMaterialRequired(_))
    ));
}

#[test]
fn projects_the_account_can_browse_are_listed() {
    let (d, _) = common::detect("dc-9.12-cluster");
    let answers = [
        ("myself", "myself-pat-ok"),
        ("mypermissions", "mypermissions"),
    ];
    let (result, _) = run(
        "dc-9.12-cluster",
        d,
        input(Target::Generic, "", None),
        &answers,
    );
    assert!(
        result
            .projects
            .iter()
            .any(|p| p.key == "PROJ" && p.name == "Demo project"),
        "{:?}",
        result.projects
    );
}

/// The same 19 keys for jdoe, a member without the admin rights AvePoint's restore needs:
/// `ok` can fail (the answer recorded for all the keys says which are missing).
#[test]
fn avepoint_restore_names_what_a_member_lacks() {
    let (d, _) = common::detect("cloud");
    // myself-ok is admin's answer; the permissions are jdoe's.
    let answers = [
        ("myself", "myself-ok"),
        ("mypermissions", "mypermissions-avepoint-restore-jdoe"),
    ];
    let (result, _) = run(
        "cloud",
        d,
        input(Target::AvepointRestore, "admin@example.com", None),
        &answers,
    );
    assert_eq!(
        result.verdict.code,
        Code::MissingPermissions,
        "{}",
        result.verdict.cause.en
    );
    let missing: Vec<&str> = result
        .permissions
        .as_ref()
        .unwrap()
        .missing
        .iter()
        .map(|m| m.key.as_str())
        .collect();
    for key in [
        "ADMINISTER",
        "CREATE_PROJECT",
        "ADMINISTER_PROJECTS",
        "MODIFY_REPORTER",
    ] {
        assert!(missing.contains(&key), "{key} not in {missing:?}");
    }
    assert!(!missing.contains(&"BROWSE_PROJECTS"), "{missing:?}");
    assert!(
        result.snippet.is_some(),
        "the credential works: its block is shown"
    );
}
