//! The endpoints the integration calls (issue 19 item 6): a removed one is `endpoint_removed`
//! once the credential is proven, asked in the permission check's batch — from the simulator's
//! and the real recorded 410 answers.

use super::life::{run_life, says, search_removed};
use super::*;

#[test]
fn a_removed_endpoint_is_named_and_the_credential_still_works() {
    let (r, rounds) = search_removed(
        &["search-v2", "search-v3"],
        &[
            ("myself", ("cloud-search-removed", "myself-ok")),
            (
                "endpoint:search-v2",
                ("cloud-search-removed", "search-v2-removed"),
            ),
            (
                "endpoint:search-v3",
                ("cloud-search-removed", "search-v3-removed"),
            ),
        ],
    );
    assert_eq!(r.verdict.code, Code::EndpointRemoved);
    assert!(!r.verdict.ok, "the connector will fail");
    assert!(r.verdict.credential_works, "and the credential is fine");
    assert!(r.user.is_some() && r.snippet.is_some() && r.permissions.is_some());
    // Asked with the permission check, in the one round trip.
    assert_eq!(rounds.len(), 1, "{rounds:?}");
    assert!(
        rounds[0].contains(&"endpoint:search-v2".to_string()),
        "{rounds:?}"
    );
    says(&r, "GET /rest/api/2/search", "GET /rest/api/2/search");
    says(&r, "GET /rest/api/3/search/jql", "поставщика интеграции");
    says(&r, "vendor's problem, not yours", "Новый токен не поможет");
    says(
        &r,
        "The requested API has been removed",
        "The requested API has been removed",
    );
    let sent = r
        .requests
        .iter()
        .find(|l| l.url.contains("/rest/api/2/search"))
        .expect("logged");
    assert!(sent.auth.is_credential(), "asked with the credential");
}

#[test]
fn real_410_answers_are_endpoint_removed() {
    // tests/fixtures/real/SOURCES.md: [onyx-5235] (headers, no body) and [logseq-jira-34] (body).
    for (id, case) in [
        (
            "endpoint:search-v2",
            "cloud-410-v2-search-removed-atlassianedge",
        ),
        ("endpoint:search-v3", "cloud-410-search-removed"),
    ] {
        let calls = [id.trim_start_matches("endpoint:")];
        let (r, _) = search_removed(
            &calls,
            &[
                ("myself", ("cloud-search-removed", "myself-ok")),
                (id, ("real", case)),
            ],
        );
        assert_eq!(r.verdict.code, Code::EndpointRemoved, "{case}");
        assert!(r.verdict.credential_works);
        says(&r, "HTTP 410 Gone", "HTTP 410 Gone");
    }
}

#[test]
fn a_removed_endpoint_never_outranks_an_unproven_credential_nor_a_working_endpoint() {
    let removed = [
        (
            "endpoint:search-v2",
            ("cloud-search-removed", "search-v2-removed"),
        ),
        (
            "mypermissions",
            ("cloud-search-removed", "mypermissions-anon"),
        ),
        ("myself", ("cloud-search-removed", "myself-bad-token")),
    ];
    let (r, _) = search_removed(&["search-v2"], &removed);
    assert_eq!(r.verdict.code, Code::CredentialsRejected);
    assert!(!r.verdict.credential_works);
    let (r, _) = search_removed(
        &["search-jql"],
        &[
            ("myself", ("cloud-search-removed", "myself-ok")),
            (
                "endpoint:search-jql",
                ("cloud-search-removed", "search-jql"),
            ),
        ],
    );
    assert_eq!(r.verdict.code, Code::Ok);
    assert!(r.verdict.ok && r.verdict.credential_works);
}

#[test]
fn basic_on_data_center_asks_the_endpoints_only_after_the_login_worked() {
    let mut i = plain_input("admin", "admin-pass", Basic);
    i.calls = vec!["search-v2".into(), "search-v3".into()];
    let (r, rounds) = run_life(
        "dc-9.12-cluster",
        i,
        &[
            ("myself", ("dc-9.12-cluster", "myself-ok")),
            // No Data Center removed it; a 410 stands for a future removal.
            (
                "endpoint:search-v2",
                ("cloud-search-removed", "search-v2-removed"),
            ),
        ],
    );
    assert_eq!(
        rounds[0],
        ["myself"],
        "one request at a time before the login is proven"
    );
    assert!(
        rounds[1].contains(&"endpoint:search-v2".to_string()),
        "{rounds:?}"
    );
    assert!(
        !rounds.concat().contains(&"endpoint:search-v3".to_string()),
        "/rest/api/3 exists only on Cloud"
    );
    assert_eq!(r.verdict.code, Code::EndpointRemoved);
}

#[test]
fn the_endpoints_are_judged_where_they_were_asked_the_site_not_the_gateway() {
    // A scoped token: the site refuses it (its endpoint check too — a 410 here stands for any
    // answer of the site), the gateway takes it. The endpoints were asked at the site, not at
    // the gateway the integration will use: no endpoint verdict from them.
    let mut i = plain_input("svc-sync-k3x9@serviceaccount.atlassian.com", "s3cret", Auto);
    i.calls = vec!["search-v2".into()];
    let (r, _) = run_life(
        "cloud-search-removed",
        i,
        &[
            ("myself", ("cloud", "myself-scoped-token-on-site")),
            ("mypermissions", ("cloud", "mypermissions-anon")),
            ("projects", ("cloud", "mypermissions-anon")),
            (
                "endpoint:search-v2",
                ("cloud-search-removed", "search-v2-removed"),
            ),
            (
                "gateway_myself",
                ("cloud", "gateway-myself-v2-scoped-token"),
            ),
            (
                "gateway_mypermissions",
                ("cloud", "gateway-mypermissions-scoped-token"),
            ),
            (
                "gateway_projects",
                ("cloud", "gateway-project-list-scoped-token"),
            ),
        ],
    );
    assert_eq!(r.verdict.code, Code::Ok, "{}", r.verdict.cause.en);
    assert!(r.via_gateway.is_some());
}
