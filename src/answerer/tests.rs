//! Who answered, decided from the wire: the marks, the context, the wording.

use super::*;

fn resp(status: u16, headers: &[(&str, &str)], body: &str) -> HttpResponse {
    HttpResponse {
        status,
        headers: headers
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        body: body.into(),
        ..HttpResponse::default()
    }
}

const CLOUD: Context = Context {
    atlassian_host: true,
    site_is_jira: true,
    page_says_jira: true,
};
const DC: Context = Context {
    atlassian_host: false,
    site_is_jira: true,
    page_says_jira: true,
};
const UNKNOWN: Context = Context {
    atlassian_host: false,
    site_is_jira: false,
    page_says_jira: false,
};
const PAGE_ONLY: Context = Context {
    atlassian_host: false,
    site_is_jira: false,
    page_says_jira: true,
};

#[test]
fn a_page_s_word_alone_makes_a_refusal_a_device_s_not_a_404() {
    let refusal = resp(
        403,
        &[("server", "AkamaiGHost")],
        "<html>Access Denied</html>",
    );
    assert_eq!(
        of_response(&refusal, PAGE_ONLY).answerer,
        Answerer::DeviceInFront
    );
    assert_eq!(of_response(&refusal, UNKNOWN).answerer, Answerer::OtherApp);
    let missing = resp(404, &[], "<html>Not Found</html>");
    assert_eq!(
        of_response(&missing, PAGE_ONLY).answerer,
        Answerer::OtherApp
    );
    let gateway = resp(504, &[("server", "nginx")], "<html>Gateway Time-out</html>");
    assert_eq!(
        of_response(&gateway, UNKNOWN).answerer,
        Answerer::DeviceInFront
    );
}

#[test]
fn jira_is_known_by_its_marks_whatever_the_context() {
    for ctx in [CLOUD, DC, UNKNOWN] {
        for r in [
            resp(500, &[("x-arequestid", "1")], ""),
            resp(200, &[("set-cookie", "atlassian.xsrf.token=A; Path=/")], ""),
            resp(401, &[], r#"{"message":"x","status-code":401}"#),
            resp(404, &[], r#"{"errorMessages":["nope"],"errors":{}}"#),
            resp(
                401,
                &[("content-type", "application/json")],
                "Client must be authenticated to access this resource.",
            ),
            resp(200, &[], r#"{"accountId":"5b10","displayName":"A"}"#),
        ] {
            assert_eq!(of_response(&r, ctx).answerer, Answerer::Jira, "{r:?}");
        }
    }
}

#[test]
fn without_jira_marks_the_context_decides() {
    let page = resp(
        403,
        &[("server", "CloudFront")],
        "<html><title>ERROR</title></html>",
    );
    assert_eq!(of_response(&page, CLOUD).answerer, Answerer::AtlassianEdge);
    assert_eq!(of_response(&page, DC).answerer, Answerer::DeviceInFront);
    assert_eq!(of_response(&page, UNKNOWN).answerer, Answerer::OtherApp);
    let proxy = resp(407, &[("proxy-authenticate", "Basic")], "");
    for ctx in [CLOUD, DC, UNKNOWN] {
        assert_eq!(of_response(&proxy, ctx).answerer, Answerer::DeviceInFront);
    }
    let via = resp(502, &[("via", "1.1 gw")], "");
    assert_eq!(of_response(&via, UNKNOWN).answerer, Answerer::DeviceInFront);
    assert_eq!(of_response(&via, CLOUD).answerer, Answerer::AtlassianEdge);
    let none = Exchange::Timeout { elapsed_ms: 5 };
    assert_eq!(decide(&none, DC).answerer, Answerer::Nobody);
}

#[test]
fn signature_quotes_the_wire_not_a_vendor_list() {
    let r = resp(403, &[("server", "squid/5.7")], "");
    assert_eq!(of_response(&r, DC).signature, "Server: squid/5.7");
    let r = resp(
        403,
        &[],
        "<html><head><title>Blocked by Acme</title></head></html>",
    );
    assert_eq!(of_response(&r, DC).signature, "Blocked by Acme");
    // Each header the wording reads is quoted under its own name, in this order.
    for (header, quoted) in [
        ("x-squid-error", "X-Squid-Error: ERR_ACCESS_DENIED 0"),
        ("via", "Via: ERR_ACCESS_DENIED 0"),
        ("x-cache", "X-Cache: ERR_ACCESS_DENIED 0"),
        ("x-amz-cf-id", "X-Amz-Cf-Id: ERR_ACCESS_DENIED 0"),
    ] {
        let r = resp(403, &[(header, "ERR_ACCESS_DENIED 0")], "");
        assert_eq!(of_response(&r, DC).signature, quoted);
    }
    let both = resp(403, &[("via", "1.1 a"), ("x-squid-error", "ERR 0")], "");
    assert_eq!(of_response(&both, DC).signature, "X-Squid-Error: ERR 0");
    // A made-up vendor is a device all the same.
    let r = resp(403, &[("server", "NoSuchVendor/1")], "<html></html>");
    assert_eq!(of_response(&r, DC).answerer, Answerer::DeviceInFront);
}

#[test]
fn a_foreign_json_is_not_jira_s_shape() {
    for body in [
        r#"{"status":"UP","checks":[]}"#,
        r#"{"error":"x"}"#,
        r#"{"code":401,"message":"no"}"#,
        // One field of a Jira user is not a user: a name needs its key or self beside it.
        r#"{"name":"gateway","message":"denied"}"#,
        r#"{"key":"k-1","message":"denied"}"#,
        r#"{"self":"https://sso.example/x","message":"denied"}"#,
    ] {
        assert_eq!(
            of_response(&resp(200, &[], body), DC).answerer,
            Answerer::DeviceInFront,
            "{body}"
        );
    }
}
