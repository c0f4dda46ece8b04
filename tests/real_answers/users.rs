//! Recorded users accepted, and a 200 that is no rate limit.

use super::*;

/// facts §5.3: Atlassian's documented Cloud `/myself` answer — `accountId` and e-mail, with
/// `key` and `name` present but empty.
#[test]
fn recorded_cloud_user_is_accepted_and_named_by_its_email() {
    let result = check(
        detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
        input("mia@example.com", AuthChoice::ApiToken),
        &[("myself", "cloud-myself-docs-example")],
    );
    assert_eq!(result.verdict.code, Code::Ok, "{}", result.verdict.cause.en);
    let user = result.user.expect("user");
    assert_eq!(user.account_id.as_deref(), Some("5b10a2844c20165700ede21g"));
    assert_eq!(user.name, None, "an empty name is no name");
    assert_eq!(user.label(), "Mia Krystof (mia@example.com)");
    // Another e-mail is another account.
    let other = check(
        detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
        input("someone@example.com", AuthChoice::ApiToken),
        &[("myself", "cloud-myself-docs-example")],
    );
    assert_eq!(other.verdict.code, Code::UserMismatch);
}

/// facts §5.3: a Server/DC user object (`name`, `key`, `emailAddress`), recorded from a Jira
/// Software 9.6.0 as the answer of `/user`; `/myself` answers the same object. The
/// deployment is the recorded 8.5.3 Data Center (Basic: myself first, then permissions).
#[test]
fn recorded_server_user_is_accepted_by_username() {
    let detection = detect_url(
        "http://jira.moscow.alfaintra.net/",
        "dc-8.5.3-cluster-serverinfo",
    );
    let result = check(
        detection.clone(),
        input("cloud", AuthChoice::Basic),
        &[("myself", "dc-9.6.0-user")],
    );
    assert_eq!(result.verdict.code, Code::Ok, "{}", result.verdict.cause.en);
    let user = result.user.expect("user");
    assert_eq!(user.key.as_deref(), Some("JIRAUSER10001"));
    assert_eq!(user.label(), "Cloud Strife (cloud)");
    let other = check(
        detection,
        input("admin", AuthChoice::Basic),
        &[("myself", "dc-9.6.0-user")],
    );
    assert_eq!(other.verdict.code, Code::UserMismatch);
}

/// facts §4.7: Data Center sends `Retry-After: 0` and `X-RateLimit-*` on healthy answers; a
/// 200 carrying them is no rate limit, and the headers stay in the request log. The 200 was
/// recorded for `/rest/api/2/project` (body not recorded); the user is the recorded one.
#[test]
fn a_recorded_200_with_retry_after_0_is_no_rate_limit() {
    let result = check(
        detect_url("https://jira.slac.stanford.edu/", "dc-10.3.19-serverinfo"),
        input("", AuthChoice::Pat),
        &[
            ("myself", "dc-9.6.0-user"),
            ("projects", "server-8.20.8-200-ratelimit-headers"),
        ],
    );
    assert_eq!(result.verdict.code, Code::Ok, "{}", result.verdict.cause.en);
    assert!(result.warnings.iter().all(|w| w.code != Code::RateLimited));
    let logged = result
        .requests
        .iter()
        .find(|r| r.id == "projects")
        .expect("projects logged");
    assert_eq!(
        logged.headers.get("retry-after").map(String::as_str),
        Some("0")
    );
    assert_eq!(
        logged
            .headers
            .get("x-ratelimit-remaining")
            .map(String::as_str),
        Some("29")
    );
}
