//! Hostile and broken answers from Jira's REST API fed to the core's flows: truncated JSON,
//! bodies at the transport cap, wrong JSON types and HTML where serverInfo, `/myself` or
//! `/mypermissions` JSON is expected, statuses no Jira sends, a 1 MB `baseUrl` and megabyte
//! strings in answers.
//!
//! Every case must end in a NAMED catalogue code (asserted), never a panic, and every test runs
//! under a time bound ([`bounded`]). The situations follow `../shared/jira-facts.md` where a
//! real Jira can produce them (facts §1.1–§1.4); the rest are what a hostile server could send.
//! See SECURITY.md for the threat model. The shared helpers are in `tests/common/malformed.rs`;
//! the rest of the corpus is `tests/malformed_transport.rs` and `tests/malformed_pages.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use common::malformed::{
    assert_invariants, at_cap, bounded, check, codes, dc, dc_myself, detect_page, detect_url, html,
    json, other, resp, GOOD_INFO,
};
use jira_token_wizard::catalogue::Code;
use jira_token_wizard::deployment::Product;
use jira_token_wizard::http::Exchange;
use jira_token_wizard::probe::AuthChoice;

// ---- serverInfo: truncated, at the cap, wrong types, HTML ---------------------------------

#[test]
fn truncated_server_info_json() {
    bounded("truncated serverInfo", || {
        for cut in [1, GOOD_INFO.len() / 2, GOOD_INFO.len() - 1] {
            let body = &GOOD_INFO[..cut];
            // A Jira tab: the page says Jira, REST could not confirm it.
            let (d, _) = detect_page(common::page("dc-9.12-cluster"), |_| json(200, body));
            assert_eq!(d.deployment.product, Product::Jira, "cut at {cut}");
            assert!(
                codes(&d).contains(&Code::ServerInfoUnavailable),
                "cut at {cut}: {:?}",
                codes(&d)
            );
            // A typed URL: nothing says Jira, so no credential goes there.
            let (d, _) = detect_url("https://jira.example.com/", |_| json(200, body));
            assert_eq!(d.deployment.product, Product::NotAtlassian);
            let c = check(d, "admin", AuthChoice::Auto, |r| {
                panic!("no request may follow: {}", r.id)
            });
            assert_eq!(c.result.verdict.code, Code::NotJira);
            assert_invariants("truncated serverInfo", &c);
        }
    });
}

#[test]
fn server_info_at_the_cap_is_not_trusted() {
    bounded("serverInfo at the cap", || {
        let (d, _) = detect_page(common::page("dc-9.12-cluster"), |_| at_cap(GOOD_INFO));
        assert_eq!(d.deployment.product, Product::Jira);
        assert!(codes(&d).contains(&Code::ServerInfoUnavailable));
        // The page's own facts remain.
        assert_eq!(d.deployment.version.as_deref(), Some("9.12.15"));
    });
}

#[test]
fn server_info_with_wrong_json_types() {
    let bodies = [
        r#"{"baseUrl":"http://127.0.0.1:47303","version":"9.12.15","versionNumbers":"x","deploymentType":"Server"}"#,
        r#"{"baseUrl":5,"version":"9.12.15","deploymentType":"Server"}"#,
        r#"{"version":["9"],"deploymentType":"Server"}"#,
        r#"{"deploymentType":{"a":1}}"#,
        r#"{"buildNumber":-1,"deploymentType":"Server"}"#,
        r#"{"versionNumbers":[-1,1e99,"9"]}"#,
        r#"[1,2,3]"#,
        r#""Server""#,
        "null",
        "",
    ];
    bounded("serverInfo wrong types", move || {
        for body in bodies {
            let (d, _) = detect_page(common::page("dc-9.12-cluster"), |_| json(200, body));
            assert_eq!(d.deployment.product, Product::Jira, "{body}");
            assert!(
                codes(&d).contains(&Code::ServerInfoUnavailable),
                "{body}: {:?}",
                codes(&d)
            );
        }
    });
}

#[test]
fn server_info_with_odd_but_valid_values() {
    // Shapes serde accepts but no real Jira sends: still a named outcome.
    let bodies = [
        // versionNumbers beyond u32, version with no numbers: version unknown.
        r#"{"version":"x.y.z","versionNumbers":[],"deploymentType":"Server"}"#,
        r#"{"version":"","deploymentType":"Server","baseUrl":"javascript:alert(1)"}"#,
        r#"{"version":"99999999999.1","deploymentType":"Server","baseUrl":"ftp://h/"}"#,
    ];
    bounded("serverInfo odd values", move || {
        for body in bodies {
            let (d, _) = detect_page(common::page("dc-9.12-cluster"), |_| json(200, body));
            assert_eq!(d.deployment.product, Product::Jira, "{body}");
            // The page's version (9.12.15) is used when serverInfo's is unusable, else a
            // version_unknown warning; a non-http baseUrl is never taken.
            let base = d.deployment.base_url.clone().unwrap_or_default();
            assert!(base.starts_with("http://127.0.0.1:47303"), "{body}: {base}");
            let ok =
                d.deployment.version_numbers.is_some() || codes(&d).contains(&Code::VersionUnknown);
            assert!(ok, "{body}: {:?}", codes(&d));
        }
    });
}

#[test]
fn html_where_server_info_json_is_expected() {
    let page = "<html><head><title>Log in</title></head><body><form id=\"login-form\"><input name=\"os_username\"></form></body></html>";
    bounded("HTML serverInfo", move || {
        let (d, _) = detect_page(common::page("dc-9.12-cluster"), |_| html(200, page));
        assert!(codes(&d).contains(&Code::ServerInfoUnavailable));
        // A typed URL answering HTML everywhere is not Jira: no credential is sent.
        let (d, _) = detect_url("https://intranet.example.com/", |_| html(200, page));
        assert_eq!(d.deployment.product, Product::NotAtlassian);
        let c = check(d, "admin", AuthChoice::Auto, |r| {
            panic!("no request may follow: {}", r.id)
        });
        assert_eq!(c.result.verdict.code, Code::NotJira);
        assert_invariants("HTML serverInfo", &c);
    });
}

// ---- /myself and /mypermissions: truncated, at the cap, wrong types, HTML -----------------

#[test]
fn truncated_myself_json() {
    let full = r#"{"self":"x","key":"JIRAUSER10000","name":"admin","emailAddress":"admin@example.com","displayName":"Admin","active":true}"#;
    bounded("truncated myself", move || {
        for cut in [0, 1, full.len() / 2, full.len() - 1] {
            let c = dc_myself(json(200, &full[..cut]));
            assert_eq!(
                c.result.verdict.code,
                Code::UnexpectedResponse,
                "cut at {cut}"
            );
            assert_invariants("truncated myself", &c);
        }
    });
}

#[test]
fn myself_at_the_cap_is_not_trusted() {
    bounded("myself at the cap", || {
        let c = dc_myself(at_cap(r#"{"name":"admin","key":"admin","active":true}"#));
        assert_eq!(c.result.verdict.code, Code::UnexpectedResponse);
        assert!(
            c.result.verdict.cause.en.contains("body too large"),
            "{}",
            c.result.verdict.cause.en
        );
        assert!(c.result.user.is_none());
        assert_invariants("myself at the cap", &c);
    });
}

#[test]
fn myself_with_wrong_json_types() {
    let bodies = [
        r#"{"accountId":5,"displayName":"x"}"#,
        r#"{"name":["admin"]}"#,
        r#"{"name":"admin","active":"yes"}"#,
        r#"{"name":"admin","emailAddress":{"x":1}}"#,
        r#"{"key":null,"name":null,"accountId":null}"#,
        r#"[{"name":"admin"}]"#,
        r#"true"#,
    ];
    bounded("myself wrong types", move || {
        for body in bodies {
            let c = dc_myself(json(200, body));
            assert_eq!(c.result.verdict.code, Code::UnexpectedResponse, "{body}");
            assert_invariants(body, &c);
        }
    });
}

#[test]
fn mypermissions_with_wrong_json_types() {
    let bodies = [
        r#"{"permissions":[]}"#,
        r#"{"permissions":{"BROWSE_PROJECTS":{"havePermission":"yes"}}}"#,
        r#"{"permissions":{"BROWSE_PROJECTS":[]}}"#,
        r#"{"permissions":null}"#,
        r#"{"permissions":{"BROWSE_PROJECTS":{"havePermission":tr"#,
        "<html>Forbidden</html>",
    ];
    bounded("mypermissions wrong types", move || {
        for body in bodies {
            let c = check(dc(), "", AuthChoice::Auto, |r| match r.id.as_str() {
                "myself" => common::answer("dc-9.12-cluster", "myself-pat-ok"),
                "mypermissions" => json(200, body),
                _ => other(),
            });
            // The credential works; permissions that cannot be read are reported as not
            // checked (no report), never as granted or missing.
            assert_eq!(c.result.verdict.code, Code::Ok, "{body}");
            assert!(c.result.permissions.is_none(), "{body}");
            assert_invariants(body, &c);
        }
    });
}

#[test]
fn html_where_myself_json_is_expected() {
    let cases: [(&str, Exchange, Code); 4] = [
        (
            "login form",
            html(
                200,
                "<form><input name=\"os_username\"><input type=\"password\"></form>",
            ),
            Code::SsoLoginPage,
        ),
        // serverInfo answered as Jira, so a page without Jira's headers is something in front
        // of it (issue 13: HTML where JSON was asked).
        (
            "plain HTML",
            html(200, "<html><body>Welcome</body></html>"),
            Code::BlockedByProxy,
        ),
        (
            "HTML labelled JSON",
            json(200, "<html><body>Welcome</body></html>"),
            Code::BlockedByProxy,
        ),
        (
            "no content type",
            Exchange::Response(resp(200, &[], "\u{0}\u{1}binary\u{FFFD}")),
            Code::UnexpectedResponse,
        ),
    ];
    bounded("HTML myself", move || {
        for (what, ex, want) in cases {
            let c = dc_myself(ex);
            assert_eq!(c.result.verdict.code, want, "{what}");
            assert_invariants(what, &c);
        }
    });
}

#[test]
fn statuses_no_jira_sends() {
    let cases = [
        (0, Code::UnexpectedResponse),
        (1, Code::UnexpectedResponse),
        (204, Code::UnexpectedResponse),
        (418, Code::UnexpectedResponse),
        (599, Code::ServerError),
        (999, Code::UnexpectedResponse),
        (u16::MAX, Code::UnexpectedResponse),
    ];
    bounded("odd statuses", move || {
        for (status, want) in cases {
            let mut r = resp(status, &[("Content-Type", "application/json")], "{}");
            r.redirect = false;
            let c = dc_myself(Exchange::Response(r));
            assert_eq!(c.result.verdict.code, want, "HTTP {status}");
            assert_invariants("odd status", &c);
        }
    });
}

// ---- serverInfo with a 1 MB baseUrl -----------------------------------------------------

#[test]
fn a_megabyte_base_url_is_not_taken() {
    bounded("1 MB baseUrl", || {
        let long = format!("https://jira.example.com/{}", "a".repeat(1024 * 1024));
        let body = format!(
            r#"{{"baseUrl":"{long}","version":"9.12.15","versionNumbers":[9,12,15],"deploymentType":"Server"}}"#
        );
        let (d, _) = detect_url("https://jira.example.com/", move |r| match r.id.as_str() {
            "server_info" => json(200, &body),
            other => panic!("unexpected {other}"),
        });
        assert_eq!(d.deployment.product, Product::Jira);
        // The answer is Jira's, its baseUrl is not plausible (Jira's own setting allows 255
        // characters): the reached address is used instead.
        let base = d.deployment.base_url.clone().unwrap_or_default();
        assert_eq!(
            base.len(),
            "https://jira.example.com".len(),
            "base URL taken"
        );
        assert_eq!(base, "https://jira.example.com");
        let out = serde_json::to_string(&d).expect("serializable");
        assert!(out.len() < 64 * 1024, "detection is {} bytes", out.len());
        // The token test goes to the reached address, never to the long one.
        let c = check(d, "", AuthChoice::Pat, |r| {
            assert!(r.url.len() < 200, "{}", r.url.len());
            common::answer("dc-9.12-cluster", "myself-pat-ok")
        });
        assert_eq!(c.result.verdict.code, Code::Ok);
        assert_invariants("1 MB baseUrl", &c);
    });
}

#[test]
fn megabyte_strings_in_answers_stay_out_of_results() {
    bounded("1 MB strings", || {
        let huge = "x".repeat(1024 * 1024 - 200);
        // serverInfo: version and title of a megabyte, and a 100 KB X-ANODEID header.
        let info = format!(
            r#"{{"version":"9.12.15-{huge}","serverTitle":"{huge}","versionNumbers":[9,12,15],"deploymentType":"Server"}}"#
        );
        let node = "n".repeat(100 * 1024);
        let (d, _) = detect_page(common::page("dc-9.12-cluster"), move |_| {
            Exchange::Response(resp(
                200,
                &[("Content-Type", "application/json"), ("X-ANODEID", &node)],
                &info,
            ))
        });
        assert_eq!(d.deployment.product, Product::Jira);
        assert_eq!(d.deployment.version_numbers, Some(vec![9, 12, 15]));
        let out = serde_json::to_string(&d).expect("serializable");
        assert!(out.len() < 64 * 1024, "detection is {} bytes", out.len());

        // myself: every field a megabyte long. The credential works; the texts stay short.
        let me = format!(
            r#"{{"name":"{huge}","key":"{huge}","displayName":"{huge}","emailAddress":"{huge}","active":true}}"#
        );
        let c = dc_myself(json(200, &me));
        assert!(
            matches!(c.result.verdict.code, Code::Ok | Code::MissingPermissions),
            "{:?}",
            c.result.verdict.code
        );
        let out = serde_json::to_string(&c.result).expect("serializable");
        assert!(out.len() < 64 * 1024, "result is {} bytes", out.len());
        assert_invariants("1 MB user", &c);
    });
}
