//! Recorded answers issue 13 names: the gateway's scope refusal, the IP allowlist, a proxy's
//! block page, the PAT list's expiry and the rate-limit reasons.

use super::*;

/// facts §3.2: a token with scopes, but not the ones asked for, answered by the gateway. The
/// site's answer is the recorded Cloud 401 (a scoped token gets the same as a wrong one); the
/// demo site's cloud id was not recorded, so a plausible one stands in.
#[test]
fn recorded_gateway_401_is_a_scope_mismatch() {
    let mut detection = detect_url("https://demo.atlassian.net/", "cloud-serverinfo");
    detection.deployment.cloud_id = Some("a436116f-02ce-4520-8fbb-7301462a1674".into());
    let mut i = input("someone@example.com", AuthChoice::ApiToken);
    i.gateway = Some("https://api.atlassian.com".into());
    let result = check(
        detection,
        i,
        &[
            ("myself", "cloud-401-api-token-rejected"),
            ("gateway_myself", "gateway-401-scope-mismatch"),
        ],
    );
    assert_eq!(
        result.verdict.code,
        Code::ScopeMismatch,
        "{}",
        result.verdict.cause.en
    );
    assert!(
        result
            .verdict
            .fix
            .en
            .contains("read:jira-user, read:jira-work"),
        "{}",
        result.verdict.fix.en
    );
}

/// Cloud's IP allowlist refusal (status not recorded: the body decides, whatever the status).
#[test]
fn recorded_ip_allowlist_refusal_is_ip_not_allowed() {
    for status in [401, 403] {
        let detection = detect_url("https://demo.atlassian.net/", "cloud-serverinfo");
        let flow = ProbeFlow::new(
            input("someone@example.com", AuthChoice::ApiToken),
            detection,
        )
        .unwrap();
        let result = common::drive(flow, |req| match req.id.as_str() {
            "myself" => with_status("cloud-ip-allowlist-refusal", status),
            _ => not_recorded(),
        })
        .0;
        assert_eq!(result.verdict.code, Code::IpNotAllowed, "{status}");
        assert!(
            result.verdict.fix.en.contains("egress"),
            "{}",
            result.verdict.fix.en
        );
    }
}

/// CloudFront's block page where Jira's JSON was asked, on a site whose serverInfo answered as
/// Jira: something in front of Jira answered. (Recorded for serverInfo; it stands in for `/myself`.)
#[test]
fn recorded_cloudfront_block_is_blocked_by_proxy() {
    let result = check(
        detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
        input("someone@example.com", AuthChoice::ApiToken),
        &[("myself", "cloud-403-cloudfront-block")],
    );
    assert_eq!(
        result.verdict.code,
        Code::BlockedByProxy,
        "{}",
        result.verdict.cause.en
    );
    assert!(
        result.verdict.cause.en.contains("CloudFront"),
        "{}",
        result.verdict.cause.en
    );
}

/// facts §3.3: SLAC's token list names one token, so it is the one used; 90 days after its
/// creation it expires on 2026-12-03. The user is the recorded Server/DC one.
#[test]
fn recorded_pat_list_tells_the_expiry() {
    for (now, warned, days) in [
        ("2026-11-25T00:00:00Z", true, 8),
        ("2026-09-05T00:00:00Z", false, 89),
    ] {
        let mut i = input("", AuthChoice::Pat);
        i.now = Some(now.into());
        let result = check(
            detect_url("https://jira.slac.stanford.edu/", "dc-10.3.19-serverinfo"),
            i,
            &[
                ("myself", "dc-9.6.0-user"),
                ("pat_tokens", "dc-10.3.19-pat-list"),
            ],
        );
        let e = result.token_expiry.as_ref().expect("expiry");
        assert_eq!(
            (e.name.as_str(), e.date.as_deref(), e.days_left),
            ("test", Some("2026-12-03"), Some(days)),
            "{now}"
        );
        let w = result
            .warnings
            .iter()
            .any(|w| w.code == Code::TokenExpiresSoon);
        assert_eq!(w, warned, "{now}");
    }
}

/// facts §4.7: `RateLimit-Reason` says which limit; Atlassian's beta quota headers ride on
/// answers that succeed (status not recorded): on a 200 they are no limit, on a 429 the cause
/// names `Beta-Retry-After`.
#[test]
fn recorded_rate_limit_reasons_are_explained() {
    for (case, says) in [
        (
            "cloud-429-burst-docs-example",
            "RateLimit-Reason: jira-burst-based — too many requests in a short burst",
        ),
        (
            "cloud-429-quota-docs-example",
            "RateLimit-Reason: jira-quota-global-based — the hourly quota is used up",
        ),
    ] {
        let result = check(
            detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
            input("someone@example.com", AuthChoice::ApiToken),
            &[("myself", case)],
        );
        assert!(
            result.verdict.cause.en.contains(says),
            "{case}: {}",
            result.verdict.cause.en
        );
    }
    let beta = |status: u16, projects: bool| {
        let flow = ProbeFlow::new(
            input("mia@example.com", AuthChoice::ApiToken),
            detect_url("https://demo.atlassian.net/", "cloud-serverinfo"),
        )
        .unwrap();
        common::drive(flow, |req| match (req.id.as_str(), projects) {
            ("myself", false) => with_status("cloud-beta-quota-exceeded-docs-example", status),
            ("myself", true) => answer("cloud-myself-docs-example"),
            ("projects", true) => with_status("cloud-beta-quota-exceeded-docs-example", status),
            _ => not_recorded(),
        })
        .0
    };
    let limited = beta(429, false);
    assert_eq!(limited.verdict.code, Code::RateLimited);
    assert!(
        limited.verdict.cause.en.contains("Beta-Retry-After: 50"),
        "{}",
        limited.verdict.cause.en
    );
    assert_eq!(beta(200, true).verdict.code, Code::Ok);
}
