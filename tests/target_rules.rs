//! The rules of `src/targets`, `src/auth_plan` and `src/urls` that the other suites left free:
//! each test fails on a mutation of those files that no test used to catch (tests/README.md,
//! "Score", lists them), and states what a user of the wizard or the CLI would see.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::auth_plan::AuthMethod;
use jira_token_wizard::probe::{AuthChoice, CheckInput, ProbeFlow, Scheme, Secret};
use jira_token_wizard::protocol::shell::ShellFacts;
use jira_token_wizard::targets::Target;

fn input(target: Target, login: &str, auth: AuthChoice) -> CheckInput {
    CheckInput {
        login: login.into(),
        secret: Secret::new("s3cret-token-value"),
        auth,
        target,
        required_permissions: vec![],
        project: None,
        gateway: None,
        timeout_ms: 10_000,
        key_material: None,
        now: None,
        calls: Vec::new(),
        expires_on: None,
    }
}

/// Mutants: `Profile::wire_auth` → `None`, its Cloud guard → `true` / `false`, `==` → `!=`.
/// ELMA365's form sends Basic whatever the user picked: on Data Center the account's
/// password — even when the user said "personal access token" — and on Cloud the e-mail and
/// an API token. The page's "what it sends" line reads the same rule.
#[test]
fn elma365_sends_a_password_on_data_center_and_an_api_token_on_cloud() {
    let facts = ShellFacts::get();
    let elma = facts
        .targets
        .iter()
        .find(|t| t.id == Target::Elma365)
        .unwrap();
    assert_eq!(elma.sends_on_cloud, Some(AuthMethod::ApiToken));
    assert_eq!(elma.sends_on_self_managed, Some(AuthMethod::Basic));

    let (d, _) = common::detect("dc-9.12-cluster");
    let flow = ProbeFlow::new(input(Target::Elma365, "admin", AuthChoice::Pat), d).unwrap();
    let mut first_auth = None;
    let (result, _) = common::drive(flow, |req| {
        if first_auth.is_none() {
            first_auth = req
                .headers
                .iter()
                .find(|(k, _)| k == "Authorization")
                .map(|(_, v)| v.clone());
        }
        common::answer("dc-9.12-cluster", "myself-pat-as-basic-password")
    });
    assert_eq!(result.method_in_effect, Some(AuthMethod::Basic));
    assert_eq!(result.scheme, Some(Scheme::Basic));
    assert!(
        first_auth
            .as_deref()
            .is_some_and(|v| v.starts_with("Basic ")),
        "{first_auth:?}"
    );
}
