//! The robustness properties, shared by the proptest suite (`tests/malformed_props.rs`,
//! part of `cargo test`) and the cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`, which include
//! this file by path). Each entry point takes plain, arbitrary input, drives the core exactly
//! as a transport would, and panics when an invariant breaks — a panic is a failure for
//! proptest and a crash for libFuzzer.
//!
//! Invariants (SECURITY.md "Fuzzing and property tests"):
//! - nothing panics, whatever the page, the status, the headers or the body;
//! - every verdict is a catalogue code of kind `verdict`, every warning one of kind `warning`;
//! - results serialize, and the serialized result never holds the secret (nor its Basic or
//!   base64 forms);
//! - a credential never goes with a request that follows redirects, and only to the base URL
//!   detection reached or to the gateway;
//! - every flow ends within three round trips;
//! - page snapshots respect the size limits of `src/page.rs`.
//!
//! No file IO, no fixtures: the deployments are built from inline answers, so the fuzz crate
//! can use this file as it is.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use jira_token_wizard::catalogue::{Code, Kind};
use jira_token_wizard::detect::{DetectFlow, DetectOptions, Detection};
use jira_token_wizard::flow::Flow;
use jira_token_wizard::http::{normalize_headers, Exchange, HttpRequest, HttpResponse};
use jira_token_wizard::page::{PageSnapshot, MAX_METAS, MAX_META_VALUE_CHARS};
use jira_token_wizard::probe::{base64, CheckInput, ProbeFlow};
use jira_token_wizard::urls;

/// The secret every token test sends. Generated answers never contain it by chance (it holds a
/// character outside the generators' alphabets), so finding it in a result is a leak.
pub const SECRET: &str = "§fuzz-secret-Qx7Zt9Lw2§";
/// The login sent with Basic schemes.
pub const LOGIN: &str = "fuzz.user";
/// Where the gateway lives in these tests.
pub const GATEWAY: &str = "https://api.atlassian.com";

mod answers;
pub use answers::{answer_for, Answer, HEADER_NAMES, KEYWORDS, REQUEST_IDS};

fn jira_page(url: &str, metas: &[(&str, &str)]) -> PageSnapshot {
    let mut page = PageSnapshot {
        url: url.into(),
        body_id: "jira".into(),
        ..PageSnapshot::default()
    };
    for (k, v) in metas {
        page.metas.insert((*k).into(), (*v).into());
    }
    page
}

fn json_answer(body: &str, extra: &[(&str, &str)]) -> Exchange {
    let mut headers = vec![("content-type", "application/json;charset=UTF-8")];
    headers.extend_from_slice(extra);
    Exchange::Response(HttpResponse {
        status: 200,
        headers: normalize_headers(headers),
        body: body.into(),
        ..HttpResponse::default()
    })
}

fn run<F: Flow>(
    mut flow: F,
    mut answer: impl FnMut(&HttpRequest) -> Exchange,
) -> (F::Output, usize) {
    let mut rounds = 0;
    loop {
        let batch = flow.next_batch();
        if batch.is_empty() {
            break;
        }
        rounds += 1;
        assert!(rounds <= 3, "a flow asked for a {rounds}th round trip");
        let answers = batch.iter().map(|r| (r.id.clone(), answer(r))).collect();
        flow.feed(answers);
    }
    (flow.finish(), rounds)
}

/// The deployments token tests run against, each with the origin detection started from:
/// Data Center 9.12 (PAT), Server 8.5 (Basic), Cloud (API token), and a site whose REST
/// redirects to a login page (unknown, testable). Built once.
pub fn deployments() -> &'static [(Detection, &'static str)] {
    static ALL: std::sync::OnceLock<Vec<(Detection, &'static str)>> = std::sync::OnceLock::new();
    ALL.get_or_init(build_deployments)
}

fn build_deployments() -> Vec<(Detection, &'static str)> {
    let dc = jira_page(
        "http://jira.test/jira/secure/Dashboard.jspa",
        &[
            ("application-name", "JIRA"),
            ("ajs-version-number", "9.12.15"),
            ("ajs-context-path", "/jira"),
        ],
    );
    let dc_info = r#"{"baseUrl":"http://jira.test/jira","version":"9.12.15","versionNumbers":[9,12,15],"deploymentType":"Server"}"#;
    let server = jira_page(
        "http://old.jira.test/secure/Dashboard.jspa",
        &[
            ("application-name", "JIRA"),
            ("ajs-version-number", "8.5.5"),
        ],
    );
    let server_info = r#"{"baseUrl":"http://old.jira.test","version":"8.5.5","versionNumbers":[8,5,5],"deploymentType":"Server"}"#;
    let cloud = jira_page(
        "https://acme.atlassian.net/jira/your-work",
        &[("ajs-cloud-id", "c2a1b1e5-63a8-4c0d-9fd2-1d0d0ffb3b11")],
    );
    let cloud_info = r#"{"baseUrl":"https://acme.atlassian.net","version":"1001.0.0-SNAPSHOT","versionNumbers":[1001,0,0],"deploymentType":"Cloud"}"#;
    let mut out = Vec::new();
    for (page, info, node, origin) in [
        (dc, dc_info, Some("node1"), "http://jira.test"),
        (server, server_info, None, "http://old.jira.test"),
        (cloud, cloud_info, None, "https://acme.atlassian.net"),
    ] {
        let flow = DetectFlow::for_page(page, DetectOptions::default()).expect("page");
        let extra: Vec<(&str, &str)> = node.map(|n| ("x-anodeid", n)).into_iter().collect();
        out.push((run(flow, |_| json_answer(info, &extra)).0, origin));
    }
    let flow =
        DetectFlow::for_url("https://sso.jira.test/", DetectOptions::default()).expect("url");
    let sso = run(flow, |_| {
        Exchange::Response(HttpResponse {
            status: 302,
            headers: normalize_headers([("location", "https://idp.test/login")]),
            redirect: true,
            ..HttpResponse::default()
        })
    });
    out.push((sso.0, "https://sso.jira.test"));
    out
}

fn check_warnings(notices: &[jira_token_wizard::catalogue::Notice]) {
    for w in notices {
        assert!(
            Code::ALL.contains(&w.code),
            "{:?} not in the catalogue",
            w.code
        );
        assert_eq!(w.code.kind(), Kind::Warning, "{:?} as a warning", w.code);
    }
}

/// Property 1: the HTML reader on any string, then detection on the snapshot it gives.
pub fn html_read(html: &str, content_type: Option<&str>, url_path: &str) {
    let mut headers = Vec::new();
    if let Some(ct) = content_type {
        headers.push(("content-type", ct));
    }
    let resp = HttpResponse {
        status: 200,
        headers: normalize_headers(headers),
        body: html.to_string(),
        ..HttpResponse::default()
    };
    let url = format!("http://jira.test/{url_path}");
    let snap = jira_token_wizard::html::read(&resp, &url);
    assert!(snap.metas.len() <= MAX_METAS, "{} metas", snap.metas.len());
    for (k, v) in &snap.metas {
        assert!(
            k.chars().count() <= MAX_META_VALUE_CHARS,
            "meta name too long"
        );
        assert!(
            v.chars().count() <= MAX_META_VALUE_CHARS,
            "meta value too long"
        );
        assert_eq!(k, &k.to_ascii_lowercase(), "meta names are lower-cased");
    }
    assert!(snap.title.chars().count() <= MAX_META_VALUE_CHARS);
    assert!(snap.body_classes.len() <= MAX_METAS);
    // Detection on whatever came out, with serverInfo answering the same page.
    if let Ok(flow) = DetectFlow::for_page(snap, DetectOptions::default()) {
        let (d, _) = run(flow, |_| Exchange::Response(resp.clone()));
        check_warnings(&d.warnings);
        serde_json::to_string(&d).expect("detection serializes");
    }
}

/// Property 1b: the URL policy (`urls::HttpUrl` over the `url` crate's WHATWG parser) on any
/// string. It refuses exactly what it says it refuses: what WHATWG cannot read (`NotAUrl`),
/// userinfo (`Userinfo`), any scheme but http(s) (`NotHttp`) — and takes the rest as WHATWG
/// reads it, without fragment. What it takes is ASCII, its origin is WHATWG's, it reads back to
/// itself, and the base URL / context path helpers take it.
pub fn parse_url(s: &str) {
    use jira_token_wizard::urls::{self, HttpUrl, Refused};
    let whatwg = url::Url::parse(s);
    let got = HttpUrl::parse(s);
    let Ok(parsed) = whatwg else {
        assert_eq!(got, Err(Refused::NotAUrl), "{s:?}");
        assert!(urls::normalize_base(s).is_none(), "{s:?}");
        return;
    };
    let userinfo = !parsed.username().is_empty() || parsed.password().is_some();
    let want = if userinfo {
        Some(Refused::Userinfo)
    } else if !matches!(parsed.scheme(), "http" | "https") {
        Some(Refused::NotHttp)
    } else {
        None
    };
    let u = match (got, want) {
        (Err(refused), Some(wanted)) => {
            assert_eq!(refused, wanted, "{s:?}");
            return;
        }
        (Ok(u), None) => u,
        (got, want) => panic!("{s:?}: got {got:?}, want {want:?}"),
    };
    let mut whole = parsed.clone();
    whole.set_fragment(None);
    assert_eq!(u.as_str(), whole.as_str(), "{s:?}");
    assert!(u.as_str().is_ascii(), "non-ASCII URL from {s:?}");
    assert!(
        !u.host_str().is_empty() && u.host_str().is_ascii(),
        "host {:?} from {s:?}",
        u.host_str()
    );
    assert_eq!(u.origin(), parsed.origin().ascii_serialization(), "{s:?}");
    let query = u.query().map(|q| format!("?{q}")).unwrap_or_default();
    assert_eq!(u.as_str(), format!("{}{}{query}", u.origin(), u.path()));
    assert!(u.path().starts_with('/'), "{s:?}");
    assert_eq!(HttpUrl::parse(u.as_str()).as_ref(), Ok(&u), "{s:?}");
    let base = urls::normalize_base(s).expect("an accepted URL has a base");
    assert!(
        base.starts_with(u.origin()) && !base.contains(['?', '#']),
        "{base}"
    );
    let _ = urls::guess_context_path(&u);
}

/// Property 2: detection of a typed URL (the CLI: page, serverInfo, tenant_info) whatever
/// the answers (mapped onto requests by [`answer_for`]).
/// Returns the detection and the origin it started from.
pub fn detect(url_choice: u8, answers: &[Answer]) -> (Detection, &'static str) {
    let (url, origin) = match url_choice % 4 {
        0 => ("http://jira.test/jira", "http://jira.test"),
        1 => ("https://acme.atlassian.net/", "https://acme.atlassian.net"),
        2 => ("http://jira.test/secure/Dashboard.jspa", "http://jira.test"),
        _ => (
            "https://jira.test:8443/a/b/browse/X-1",
            "https://jira.test:8443",
        ),
    };
    let opts = DetectOptions {
        fetch_page: url_choice & 4 != 0,
        ..DetectOptions::default()
    };
    let flow = DetectFlow::for_url(url, opts).expect("url");
    let (d, _) = run(flow, |req| answer_for(&req.id, answers));
    check_warnings(&d.warnings);
    serde_json::to_string(&d).expect("detection serializes");
    // Whatever serverInfo says its baseUrl is, REST is reached where the user pointed — or,
    // for Cloud off Atlassian's hosts (a custom domain), at the https Atlassian site its
    // serverInfo named, never at another host (SECURITY.md §7.1).
    if let Some(reached) = &d.deployment.reached_base_url {
        let here = reached == origin || reached.starts_with(&format!("{origin}/"));
        let site = urls::parse_http(reached).is_some_and(|u| {
            u.scheme() == "https" && urls::may_receive_cloud_credential(&u) && u.path() == "/"
        });
        assert!(
            here || (site && d.deployment.is_cloud()),
            "reached {reached} from {origin}"
        );
    }
    (d, origin)
}

/// Property 3: a token test whatever Jira answers. `deployment` picks one of
/// [`deployments`] (or, past them, a detection built from the same arbitrary answers);
/// `auth` and `target` pick the method and integration.
pub fn classify(deployment: u8, auth: u8, target: u8, answers: &[Answer]) {
    let fixed = deployments();
    let (detection, origin) = match fixed.get(usize::from(deployment) % (fixed.len() + 1)) {
        Some((d, origin)) => (d.clone(), *origin),
        None => detect(deployment / 8, answers),
    };
    // A credential goes to the origin detection reached: the starting one, or the Cloud site a
    // custom domain's serverInfo named (checked by `detect` above).
    let origin = match &detection.deployment.reached_base_url {
        Some(base) => urls::parse_http(base)
            .map(|u| urls::origin(&u))
            .unwrap_or_else(|| origin.to_string()),
        None => origin.to_string(),
    };
    let origin = format!("{origin}/");
    let auth = ["auto", "api-token", "pat", "basic"][usize::from(auth) % 4];
    let target = [
        "generic",
        "elma365",
        "avepoint-backup",
        "avepoint-restore",
        "issue-sync",
    ][usize::from(target) % 5];
    let input: CheckInput = serde_json::from_value(serde_json::json!({
        "login": LOGIN,
        "secret": SECRET,
        "auth": auth,
        "target": target,
        "requiredPermissions": ["BROWSE_PROJECTS", "CREATE_ISSUES", "ADMINISTER"],
        "gateway": GATEWAY,
        "timeoutMs": 5000,
        "keyMaterial": (0u8..32).collect::<Vec<u8>>(),
    }))
    .expect("check input");
    let Ok(flow) = ProbeFlow::new(input, detection) else {
        return; // a usage error (e.g. a target that does not support the method), not a verdict
    };
    let (result, _) = run(flow, |req| {
        if req.has_credentials() {
            assert!(
                !req.follow_redirects,
                "{} follows redirects with a credential",
                req.id
            );
            assert!(
                req.url.starts_with(&origin) || req.url.starts_with(&format!("{GATEWAY}/")),
                "credential sent to {} (detected from {origin})",
                req.url
            );
        }
        answer_for(&req.id, answers)
    });
    let code = result.verdict.code;
    assert!(Code::ALL.contains(&code), "{code:?} not in the catalogue");
    assert_eq!(code.kind(), Kind::Verdict, "{code:?} as a verdict");
    assert_eq!(result.verdict.ok, code == Code::Ok);
    check_warnings(&result.warnings);
    let out = serde_json::to_string(&result).expect("result serializes");
    for leak in [
        SECRET.to_string(),
        base64(format!("{LOGIN}:{SECRET}").as_bytes()),
        base64(SECRET.as_bytes()),
    ] {
        assert!(!out.contains(&leak), "the secret is in the result");
    }
}

/// Property 4: a command from any text (the extension's messages come from its own pages, but
/// a command is read as untrusted input): no panic; it is read or refused, and a refusal
/// never quotes the input.
pub fn command_text(s: &str) {
    match jira_token_wizard::protocol::Command::from_json(s) {
        Ok(cmd) => {
            let _ = cmd.into_job();
        }
        Err(e) => assert_names_no_input(&e.to_string(), s),
    }
}

/// A refused command's message is made of fixed words, a field path (identifiers, indices,
/// `?`) and between backticks only identifiers (field and variant names). A structural check,
/// not a search for the input's words, which a fuzzer would simply learn to write.
fn assert_names_no_input(msg: &str, input: &str) {
    let allowed = |c: char| c.is_ascii_alphanumeric() || " _.,:`[]?-…".contains(c);
    assert!(msg.chars().all(allowed), "{msg:?} (input {input:?})");
    for quoted in msg.split('`').skip(1).step_by(2) {
        let identifier = quoted
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        assert!(identifier, "{msg:?} quotes {quoted:?} (input {input:?})");
    }
}
