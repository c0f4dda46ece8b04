//! Recorded refusals: 401s and 429s.

use super::*;

/// facts §4.1: a Cloud site refusing an e-mail + API token pair.
#[test]
fn recorded_cloud_401_rejects_the_credentials() {
    let result = check(
        detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
        input("someone@example.com", AuthChoice::ApiToken),
        &[("myself", "cloud-401-api-token-rejected")],
    );
    assert_eq!(result.verdict.code, Code::CredentialsRejected);
}

/// facts §4.4: on Data Center 10.3.19 an expired PAT gets this 401 ("When it expires").
#[test]
fn recorded_dc_10_401_for_an_expired_pat_is_an_unrecognized_token() {
    let result = check(
        detect_url("https://jira.slac.stanford.edu/", "dc-10.3.19-serverinfo"),
        input("", AuthChoice::Pat),
        &[("myself", "dc-10.3.19-401-expired-pat")],
    );
    assert_eq!(result.verdict.code, Code::TokenNotRecognized);
    assert!(
        result
            .verdict
            .fix
            .en
            .contains("https://jira.slac.stanford.edu/secure/ViewProfile.jspa"),
        "{}",
        result.verdict.fix.en
    );
}

/// facts §4.7: 429s, Cloud's documented ones and a Data Center's Tomcat page. The core's
/// verdict does not depend on the deployment here; the Data Center one runs against the
/// SLAC detection because the reporter's instance was not recorded.
#[test]
fn recorded_429s_are_rate_limits() {
    for (case, retry) in [
        ("cloud-429-burst-docs-example", Some("Retry-After: 1)")),
        ("cloud-429-quota-docs-example", Some("Retry-After: 1847)")),
    ] {
        let result = check(
            detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
            input("someone@example.com", AuthChoice::ApiToken),
            &[("myself", case)],
        );
        assert_eq!(result.verdict.code, Code::RateLimited, "{case}");
        if let Some(retry) = retry {
            assert!(
                result.verdict.cause.en.contains(retry),
                "{case}: {}",
                result.verdict.cause.en
            );
        }
    }
    let result = check(
        detect_url("https://jira.slac.stanford.edu/", "dc-10.3.19-serverinfo"),
        input("", AuthChoice::Pat),
        &[("myself", "dc-429-rate-limited")],
    );
    assert_eq!(result.verdict.code, Code::RateLimited);
}
