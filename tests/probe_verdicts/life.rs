//! A token's life (issue 19): `endpoint_removed` (the credential works, the connector calls an
//! endpoint Jira removed), `moved_to_cloud` (a Data Center credential or address after a move)
//! and `token_expired` (a Cloud refusal after the remembered date) — each from the recorded
//! answer that causes it (the simulator's and the real ones), in English and Russian.

use super::*;
use jira_token_wizard::probe::CheckError;

/// A Data Center PAT's shape (`probe::SecretKind::Pat`): 44 base64 characters.
pub(super) const DC_PAT: &str = "MDAwMDAwMDAwMTAxOmFkbWluLWNpMDAwMDAwMDAwMDAw";

/// Runs `input` on `scenario`; `answers` maps a request id to `(fixture scenario, case)`, the
/// rest get the usual answers. Returns the result and the request ids of each round.
pub(super) fn run_life(
    scenario: &str,
    input: CheckInput,
    answers: &[(&str, (&str, &str))],
) -> (CheckResult, Vec<Vec<String>>) {
    use jira_token_wizard::flow::Flow;
    let detection = if scenario == "dc-moved-to-cloud" {
        typed_detection(scenario)
    } else {
        detection(scenario)
    };
    let mut flow = ProbeFlow::new(input, detection).expect("valid input");
    let mut rounds: Vec<Vec<String>> = Vec::new();
    loop {
        let batch = flow.next_batch();
        if batch.is_empty() {
            break;
        }
        rounds.push(batch.iter().map(|r| r.id.clone()).collect());
        let fed = batch
            .iter()
            .map(|req| {
                let (s, case) = answers
                    .iter()
                    .find(|(id, _)| *id == req.id)
                    .map(|(_, a)| *a)
                    .unwrap_or_else(|| match req.id.as_str() {
                        "projects" => (scenario, "project-list"),
                        "mypermissions" => (scenario, "mypermissions"),
                        "pat_tokens" => (scenario, "pat-list"),
                        "gateway_myself" | "gateway_mypermissions" | "gateway_projects" => {
                            (scenario, "gateway-myself-bad-token")
                        }
                        other => panic!("{scenario}: unexpected request {other}"),
                    });
                (req.id.clone(), common::answer(s, case))
            })
            .collect();
        flow.feed(fed);
    }
    let result = flow.finish();
    (result, rounds)
}

/// Detection of a typed address, as the CLI and the wizard's address form run it: the page
/// (redirects followed, here to a Cloud site this test cannot reach) and serverInfo.
pub(super) fn typed_detection(scenario: &str) -> Detection {
    use jira_token_wizard::detect::{DetectFlow, DetectOptions};
    let opts = DetectOptions {
        fetch_page: true,
        ..DetectOptions::default()
    };
    let flow = DetectFlow::for_url("http://127.0.0.1:47334/", opts).expect("url");
    common::drive(flow, |req| match req.id.as_str() {
        "server_info" => common::answer(scenario, "serverinfo-anon"),
        _ => Exchange::Unreachable {
            elapsed_ms: 1,
            detail: "moved-to-cloud.atlassian.net: not resolved".into(),
        },
    })
    .0
}

pub(super) fn says(r: &CheckResult, en: &str, ru: &str) {
    let v = &r.verdict;
    let all_en = format!("{} {} {}", v.title.en, v.cause.en, v.fix.en);
    let all_ru = format!("{} {} {}", v.title.ru, v.cause.ru, v.fix.ru);
    assert!(all_en.contains(en), "{:?}: no {en:?} in {all_en}", v.code);
    assert!(all_ru.contains(ru), "{:?}: no {ru:?} in {all_ru}", v.code);
    assert!(
        !all_en.contains('{') && !all_ru.contains('{'),
        "placeholder left: {all_en} / {all_ru}"
    );
}

pub(super) fn search_removed(
    calls: &[&str],
    answers: &[(&str, (&str, &str))],
) -> (CheckResult, Vec<Vec<String>>) {
    let mut i = plain_input("admin@example.com", "s3cret", Auto);
    i.calls = calls.iter().map(|c| c.to_string()).collect();
    run_life("cloud-search-removed", i, answers)
}

fn moved_by_redirect(secret: &str, login: &str, case: &str) -> CheckResult {
    run_life(
        "dc-moved-to-cloud",
        plain_input(login, secret, Auto),
        &[
            ("myself", ("dc-moved-to-cloud", case)),
            ("mypermissions", ("dc-moved-to-cloud", case)),
            ("projects", ("dc-moved-to-cloud", case)),
            ("pat_tokens", ("dc-moved-to-cloud", case)),
        ],
    )
    .0
}

#[test]
fn an_old_address_redirecting_to_atlassian_net_is_moved_to_cloud() {
    for r in [
        moved_by_redirect(DC_PAT, "", "myself-pat-moved"),
        moved_by_redirect("admin-pass", "admin", "myself-basic-moved"),
    ] {
        assert_eq!(r.verdict.code, Code::MovedToCloud);
        // The old address is named: the one the page was read at (a mutant of
        // `moved::old_address` to "" or "xyzzy" used to survive).
        // REST only redirected, so nothing was sent: the old address is where detection
        // asked it.
        for (cause, said) in [
            (
                &r.verdict.cause.en,
                " now redirects to https://moved-to-cloud.atlassian.net",
            ),
            (
                &r.verdict.cause.ru,
                " теперь перенаправляет на https://moved-to-cloud.atlassian.net",
            ),
        ] {
            let port = cause
                .strip_prefix("http://127.0.0.1:")
                .and_then(|rest| rest.split_once(' '))
                .map(|(port, _)| port);
            assert!(
                port.is_some_and(|p| p.parse::<u16>().is_ok()) && cause.contains(said),
                "{cause}"
            );
        }
        says(
            &r,
            "e-mail with an API token",
            "e-mail учётной записи Atlassian",
        );
        says(
            &r,
            "https://id.atlassian.com/manage-profile/security/api-tokens",
            "API-токен",
        );
    }
    // What was sent is named as it was typed: an e-mail login is an e-mail, not a username
    // (a mutant of `moved::sent`'s `@` guard to `false` used to survive).
    let r = moved_by_redirect("admin-pass", "admin@example.com", "myself-basic-moved");
    assert_eq!(r.verdict.code, Code::MovedToCloud);
    says(
        &r,
        "the e-mail \"admin@example.com\" with a password does not work there",
        "e-mail «admin@example.com» с паролем там не работает",
    );
}

#[test]
fn a_data_center_credential_at_a_cloud_site_is_moved_to_cloud() {
    let (pat, _) = run_life(
        "cloud-refuses-dc-pat",
        plain_input("", DC_PAT, Pat),
        &[
            ("myself", ("cloud-refuses-dc-pat", "myself-dc-pat-bearer")),
            (
                "mypermissions",
                ("cloud-refuses-dc-pat", "mypermissions-anon"),
            ),
            ("projects", ("cloud-refuses-dc-pat", "mypermissions-anon")),
        ],
    );
    assert_eq!(pat.verdict.code, Code::MovedToCloud);
    says(
        &pat,
        "personal access token sent as Bearer",
        "персональный токен доступа",
    );
    says(
        &pat,
        "https://cloud-refuses-dc-pat.atlassian.net",
        "https://cloud-refuses-dc-pat.atlassian.net",
    );
    let (user, _) = run_life(
        "cloud-refuses-dc-pat",
        plain_input("admin", "admin-pass", Auto),
        &[
            (
                "myself",
                ("cloud-refuses-dc-pat", "myself-username-password"),
            ),
            (
                "mypermissions",
                ("cloud-refuses-dc-pat", "mypermissions-anon"),
            ),
            ("projects", ("cloud-refuses-dc-pat", "mypermissions-anon")),
        ],
    );
    assert_eq!(user.verdict.code, Code::MovedToCloud);
    says(
        &user,
        "the username \"admin\" with a password",
        "имя пользователя «admin» с паролем",
    );
    // An e-mail with an API token of the wrong value stays a refusal.
    let (token, _) = run_life(
        "cloud-refuses-dc-pat",
        plain_input("admin@example.com", "s3cret", Auto),
        &[
            ("myself", ("cloud-refuses-dc-pat", "myself-bad-token")),
            (
                "mypermissions",
                ("cloud-refuses-dc-pat", "mypermissions-anon"),
            ),
            ("projects", ("cloud-refuses-dc-pat", "mypermissions-anon")),
        ],
    );
    assert_eq!(token.verdict.code, Code::CredentialsRejected);
}

fn refused_on(expires_on: Option<&str>, now: Option<&str>) -> CheckResult {
    let mut i = plain_input("admin@example.com", "s3cret", Auto);
    i.expires_on = expires_on.map(str::to_string);
    i.now = now.map(str::to_string);
    run_life(
        "cloud",
        i,
        &[
            ("myself", ("cloud", "myself-bad-token")),
            ("mypermissions", ("cloud", "mypermissions-anon")),
            ("projects", ("cloud", "mypermissions-anon")),
        ],
    )
    .0
}

#[test]
fn a_refusal_after_the_remembered_date_is_token_expired() {
    let r = refused_on(Some("2026-03-20"), Some("2026-04-01T09:00:00Z"));
    assert_eq!(r.verdict.code, Code::TokenExpired);
    says(&r, "expired on 2026-03-20", "истёк 2026-03-20");
    says(&r, "(12 days ago)", "(12 дней назад)");
    says(
        &r,
        "https://id.atlassian.com/manage-profile/security/api-tokens",
        "Создайте новый API-токен",
    );
    // On the day itself.
    let r = refused_on(Some("2026-04-01"), Some("2026-04-01T09:00:00Z"));
    assert_eq!(r.verdict.code, Code::TokenExpired);
    says(&r, "(today)", "(сегодня)");
}

#[test]
fn otherwise_a_cloud_refusal_says_an_expired_token_looks_the_same_and_how_to_check() {
    for r in [
        refused_on(Some("2026-06-01"), Some("2026-04-01T09:00:00Z")),
        refused_on(Some("2026-03-20"), None),
        refused_on(None, Some("2026-04-01T09:00:00Z")),
    ] {
        assert_eq!(r.verdict.code, Code::CredentialsRejected);
        says(
            &r,
            "An expired API token is refused exactly like a wrong one",
            "Истёкший API-токен отклоняется точно так же, как неверный",
        );
        says(
            &r,
            "https://id.atlassian.com/manage-profile/security/api-tokens",
            "https://id.atlassian.com/manage-profile/security/api-tokens",
        );
    }
}

#[test]
fn unknown_endpoints_and_bad_dates_are_input_errors() {
    let mut i = plain_input("admin@example.com", "s3cret", Auto);
    i.calls = vec!["delete-everything".into()];
    let err = ProbeFlow::new(i, detection("cloud")).unwrap_err();
    assert_eq!(err, CheckError::UnknownEndpoint);
    for bad in ["2026-13-01", "tomorrow", "2026-04-01T00:00:00Z"] {
        let mut i = plain_input("admin@example.com", "s3cret", Auto);
        i.expires_on = Some(bad.into());
        let err = ProbeFlow::new(i, detection("cloud")).unwrap_err();
        assert_eq!(err, CheckError::InvalidExpiresOn, "{bad}");
    }
}

/// One run of each new verdict, for `every_verdict_code_has_a_recorded_case`.
pub(super) fn cases() -> Vec<(Code, CheckResult)> {
    let removed = search_removed(
        &["search-v2"],
        &[
            ("myself", ("cloud-search-removed", "myself-ok")),
            (
                "endpoint:search-v2",
                ("cloud-search-removed", "search-v2-removed"),
            ),
        ],
    )
    .0;
    vec![
        (Code::EndpointRemoved, removed),
        (
            Code::MovedToCloud,
            moved_by_redirect(DC_PAT, "", "myself-pat-moved"),
        ),
        (
            Code::TokenExpired,
            refused_on(Some("2026-03-20"), Some("2026-04-01T09:00:00Z")),
        ),
    ]
}

#[test]
fn a_remembered_expiry_is_said_in_the_block_and_the_checklist_in_both_languages() {
    let mut i = plain_input("admin@example.com", "s3cret", Auto);
    i.expires_on = Some("2026-05-12".into());
    i.now = Some("2026-04-13T10:00:00Z".into());
    let (r, _) = run_life(
        "cloud",
        i,
        &[
            ("myself", ("cloud", "myself-ok")),
            ("mypermissions", ("cloud", "mypermissions")),
        ],
    );
    assert_eq!(r.verdict.code, Code::Ok);
    let e = r.remembered_expiry.as_ref().expect("remembered");
    assert_eq!((e.date.as_str(), e.days_left), ("2026-05-12", Some(29)));
    let notes = &r.snippet.as_ref().expect("block").notes;
    assert!(
        notes
            .iter()
            .any(|n| n.en.contains("expires on 2026-05-12 (in 29 days)")
                && n.ru.contains("истекает 2026-05-12 (через 29 дней)")),
        "{notes:?}"
    );
    let list = jira_token_wizard::report::check_checklist(&r);
    let item = list.iter().find(|i| i.id == "token_expiry").expect("item");
    assert!(
        item.text.en.contains("(in 29 days)") && item.text.ru.contains("(через 29 дней)"),
        "{item:?}"
    );
    // A refused credential carries no remembered date (its verdict says it instead).
    let refused = refused_on(Some("2026-05-12"), Some("2026-04-13T10:00:00Z"));
    assert!(refused.remembered_expiry.is_none());
}

#[test]
fn the_expiry_day_counts_from_its_first_second_and_the_calls_list_is_bounded() {
    let r = refused_on(Some("2026-04-01"), Some("2026-04-01T00:00:00Z"));
    assert_eq!(r.verdict.code, Code::TokenExpired);
    let r = refused_on(Some("2026-04-01"), Some("2026-03-31T23:59:59Z"));
    assert_eq!(r.verdict.code, Code::CredentialsRejected);
    // Up to four times the endpoints the test knows are taken (repeats included), no more.
    let known = jira_token_wizard::targets::ENDPOINTS.len() * 4;
    for (n, ok) in [(known, true), (known + 1, false)] {
        let mut i = plain_input("admin@example.com", "s3cret", Auto);
        i.calls = vec!["search-jql".into(); n];
        assert_eq!(
            ProbeFlow::new(i, detection("cloud")).is_ok(),
            ok,
            "{n} calls"
        );
    }
}
