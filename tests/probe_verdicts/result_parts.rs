//! What the token test's result carries beside its verdict — the plain-http warning, the
//! project list, the login warning, the wait time of a rate limit, the connection block's
//! login — each from the answer that decides it (survivors of the mutation run over
//! `src/probe/result.rs` and `rate_limit.rs`, tests/README.md).

use super::common::malformed::{check, cloud, dc, json, other, resp, Checked};
use super::*;
use AuthChoice::ApiToken;

fn has(c: &Checked, code: Code) -> bool {
    c.result.warnings.iter().any(|w| w.code == code)
}

/// `insecure_http` only for a credential that went over plain `http://`.
#[test]
fn only_a_credential_sent_over_plain_http_is_warned_about() {
    let over_https = check(cloud(), "admin@example.com", ApiToken, |r| {
        match r.id.as_str() {
            "myself" => common::answer("cloud", "myself-ok"),
            "mypermissions" => common::answer("cloud", "mypermissions"),
            _ => other(),
        }
    });
    assert_eq!(over_https.result.verdict.code, Code::Ok);
    assert!(
        !has(&over_https, Code::InsecureHttp),
        "{:?}",
        over_https.result.warnings
    );
    let over_http = check(dc(), "", Pat, |r| match r.id.as_str() {
        "myself" => common::answer("dc-9.12-cluster", "myself-pat-ok"),
        "mypermissions" => common::answer("dc-9.12-cluster", "mypermissions"),
        _ => other(),
    });
    assert_eq!(over_http.result.verdict.code, Code::Ok);
    assert!(
        has(&over_http, Code::InsecureHttp),
        "{:?}",
        over_http.result.warnings
    );
}

/// The project picker lists only keys Jira could have made: letters, digits and `_`, 1 to 255
/// of them; others (empty, too long, with a space or markup) are left out.
#[test]
fn the_project_list_keeps_only_real_keys() {
    let long = "A".repeat(256);
    let list = format!(
        r#"[{{"key":"OPS_2","name":"Operations"}},{{"key":"BAD KEY"}},{{"key":""}},{{"key":"{long}"}},{{"key":"<b>"}},{{"key":"WEB","name":"Web"}}]"#
    );
    let c = check(dc(), "", Pat, |r| match r.id.as_str() {
        "myself" => common::answer("dc-9.12-cluster", "myself-pat-ok"),
        "mypermissions" => common::answer("dc-9.12-cluster", "mypermissions"),
        "projects" => json(200, &list),
        _ => other(),
    });
    let keys: Vec<&str> = c.result.projects.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["OPS_2", "WEB"]);
}

/// A personal access token goes as Bearer: the login's shape is not the user's problem, even
/// when the token was refused and Jira named no account.
#[test]
fn a_pat_test_does_not_warn_about_the_logins_shape() {
    let c = check(dc(), "jdoe@example.com", Pat, |r| match r.id.as_str() {
        "myself" => common::answer("dc-9.12-cluster", "myself-pat-revoked"),
        "mypermissions" => common::answer("dc-9.12-cluster", "mypermissions-anon"),
        _ => other(),
    });
    assert!(
        !has(&c, Code::LoginLooksLikeEmail),
        "{:?}",
        c.result.warnings
    );
    // The same login with a password, refused: the e-mail is named (usernames on Data Center).
    let basic = check(dc(), "jdoe@example.com", Basic, |r| match r.id.as_str() {
        "myself" => common::answer("dc-9.12-cluster", "myself-bad-password"),
        _ => other(),
    });
    assert!(
        has(&basic, Code::LoginLooksLikeEmail),
        "{:?}",
        basic.result.warnings
    );
}

/// A `Retry-After` given as an HTTP date (RFC 9110 §10.2.3), spaces and all, is quoted.
#[test]
fn a_retry_after_date_is_quoted() {
    const DATE: &str = "Wed, 21 Oct 2026 07:28:00 GMT";
    let limited = Exchange::Response(resp(
        429,
        &[
            ("Retry-After", DATE),
            ("X-AREQUESTID", "1x1"),
            ("Content-Type", "text/plain"),
        ],
        "",
    ));
    let c = check(dc(), "", Pat, move |r| match r.id.as_str() {
        "myself" => limited.clone(),
        _ => other(),
    });
    assert_eq!(c.result.verdict.code, Code::RateLimited);
    let text = serde_json::to_string(&c.result.verdict).unwrap();
    assert!(text.contains(&format!("Retry-After: {DATE}")), "{text}");
}

/// The connection block names the login as entered (trimmed): Data Center's logins are not
/// case-sensitive, so `ADMIN` works for the account `admin`, and the integration gets what the
/// user typed. Only a PAT entered without a login takes the account Jira named.
#[test]
fn the_block_names_the_login_entered() {
    let c = check(dc(), " ADMIN ", Basic, |r| match r.id.as_str() {
        "myself" => common::answer("dc-9.12-cluster", "myself-ok"),
        "mypermissions" => common::answer("dc-9.12-cluster", "mypermissions"),
        _ => other(),
    });
    assert_eq!(c.result.verdict.code, Code::Ok);
    let snippet = c
        .result
        .snippet
        .as_ref()
        .expect("a block for a login that works");
    let logins: Vec<&str> = snippet
        .fields
        .iter()
        .filter(|f| !f.secret && f.value.eq_ignore_ascii_case("admin"))
        .map(|f| f.value.as_str())
        .collect();
    assert_eq!(logins, ["ADMIN"]);
}
