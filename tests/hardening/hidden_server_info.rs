//! A typed address (no page) whose Jira hides serverInfo from anonymous callers (facts §1.1):
//! REST's refusal carries Jira's own marks (facts §2.3), so the address is Jira and the
//! credential may go there; a refusal without them, or another Atlassian application's 404,
//! confirms nothing and nothing is sent.

use super::common::malformed::{check, resp};
use super::common::{answer, drive};
use jira_token_wizard::deployment::{Hosting, Product};
use jira_token_wizard::detect::{DetectFlow, DetectOptions, Detection};
use jira_token_wizard::http::Exchange;
use jira_token_wizard::probe::AuthChoice;

const TYPED: &str = "https://jira.example.com";

/// Detection of the typed address, serverInfo answered with `server_info`, no page read.
fn typed(server_info: Exchange) -> Detection {
    let flow = DetectFlow::for_url(
        TYPED,
        DetectOptions {
            fetch_page: false,
            ..Default::default()
        },
    )
    .expect("url");
    let (d, _) = drive(flow, |req| match req.id.as_str() {
        "server_info" => server_info.clone(),
        other => panic!("unexpected request {other}"),
    });
    d
}

/// Whether a token test of `d` sends the credential anywhere.
fn sends_credential(d: Detection) -> bool {
    let c = check(d, "jsmith", AuthChoice::Auto, |_| {
        Exchange::Response(resp(401, &[("X-AUSERNAME", "anonymous")], ""))
    });
    c.sent.iter().any(|r| r.url.starts_with(TYPED))
}

fn html_401(headers: &[(&str, &str)]) -> Exchange {
    let mut all = vec![("Content-Type", "text/html;charset=UTF-8")];
    all.extend_from_slice(headers);
    Exchange::Response(resp(401, &all, "<html><body>Unauthorized</body></html>"))
}

#[test]
fn a_refusal_with_jiras_marks_is_jira() {
    let cases = [
        (
            "Jira's JSON 401 (recorded)",
            answer("serverinfo-needs-login", "serverinfo-anon"),
            Some(Hosting::SelfManaged),
        ),
        (
            "an HTML 401 with X-AUSERNAME and X-ASESSIONID",
            html_401(&[("X-AUSERNAME", "anonymous"), ("X-ASESSIONID", "1x2y3z")]),
            Some(Hosting::SelfManaged),
        ),
        (
            "a 403 with Jira's XSRF cookie",
            Exchange::Response(resp(
                403,
                &[
                    ("Content-Type", "text/html"),
                    ("Set-Cookie", "atlassian.xsrf.token=B1|c2|lout; Path=/"),
                ],
                "<html>Forbidden</html>",
            )),
            // Cloud sets this cookie too: Jira, hosting not known from it.
            None,
        ),
    ];
    for (what, ex, hosting) in cases {
        let d = typed(ex);
        assert_eq!(d.deployment.product, Product::Jira, "{what}");
        assert_eq!(d.deployment.hosting, hosting, "{what}");
        assert_eq!(
            d.deployment.reached_base_url.as_deref(),
            Some(TYPED),
            "{what}"
        );
        assert!(
            d.deployment
                .evidence
                .iter()
                .any(|e| e.contains("refused an anonymous caller")),
            "{what}: {:?}",
            d.deployment.evidence
        );
        assert!(d.auth_plan.is_some(), "{what}: a plan for Jira");
        assert!(
            sends_credential(d),
            "{what}: REST said Jira, so it is tested"
        );
    }
}

#[test]
fn a_refusal_without_jiras_marks_confirms_nothing() {
    let cases = [
        ("a device's HTML 401", html_401(&[("Server", "nginx")])),
        (
            "a 404 with Atlassian's headers (Confluence has no Jira REST path)",
            Exchange::Response(resp(
                404,
                &[
                    ("Content-Type", "text/html"),
                    ("X-ASEN", "SEN-1"),
                    ("X-AUSERNAME", "anonymous"),
                ],
                "<html>Page not found</html>",
            )),
        ),
    ];
    for (what, ex) in cases {
        let d = typed(ex);
        assert_ne!(d.deployment.product, Product::Jira, "{what}");
        assert_eq!(d.deployment.reached_base_url, None, "{what}");
        assert!(!sends_credential(d), "{what}: nothing sent");
    }
}

/// Once REST said Jira by refusing serverInfo with Jira's marks, a later answer without them
/// (a bare 500 page) came from something in front of Jira, not from another application —
/// as for a site whose serverInfo answered (mutant: `status_class::context`'s `||` → `&&`).
#[test]
fn after_a_refusal_with_jiras_marks_an_unmarked_answer_is_a_device_in_front() {
    use jira_token_wizard::probe::Answerer;
    let d = typed(answer("serverinfo-needs-login", "serverinfo-anon"));
    let c = check(d, "jsmith", AuthChoice::Basic, |_| {
        Exchange::Response(resp(
            500,
            &[("Content-Type", "text/html")],
            "<html><body>Internal error</body></html>",
        ))
    });
    assert_eq!(
        c.result.answered_by,
        Answerer::DeviceInFront,
        "{}",
        c.result.verdict.cause.en
    );
}
