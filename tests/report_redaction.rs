//! The diagnostic report never holds the secret: not as typed, not base64-encoded, not as
//! base64(login:secret) (`Secret::leak_forms`) — in its JSON, in its Markdown in either
//! language, or in its `Debug` form. Checked over every recorded answer of every scenario
//! (tests/fixtures/, recorded from the simulator) tried with every method, and against a
//! server that echoes the secret in cookies, unknown headers and the body.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// CheckInput is built with `..` from its serde defaults, so new fields need no change here.
#![allow(clippy::needless_update)]
mod common;

use jira_token_wizard::detect::Detection;
use jira_token_wizard::http::{Exchange, HttpResponse};
use jira_token_wizard::i18n::Lang;
use jira_token_wizard::probe::{AuthChoice, CheckInput, CheckResult, ProbeFlow, Secret};
use jira_token_wizard::protocol::CheckOutput;
use jira_token_wizard::report::{self, Meta, Report, Subject, Tool, SCHEMA};
use std::path::PathBuf;

/// Secrets tried: a made-up one, admin's real PAT and password from the simulator's scenarios
/// (the values the fixtures were recorded with).
const SECRETS: &[(&str, &str)] = &[
    ("admin", "s3cret-token-value"),
    ("admin", "MDAwMDAwMDAwMTAxOmFkbWluLWNpMDAwMDAwMDAwMDAw"),
    ("admin", "admin-pass"),
    (
        "admin@example.com",
        "ATATT3xFfGF0-made-up-cloud-token=1A2B3C",
    ),
    ("", "MDAwMDAwMDAwMjAxOmpkb2UtbGFwdG9wMDAwMDAwMDAw"),
];

const AUTHS: &[AuthChoice] = &[
    AuthChoice::Auto,
    AuthChoice::ApiToken,
    AuthChoice::Pat,
    AuthChoice::Basic,
];

fn meta() -> Meta {
    Meta {
        tool: Tool::Extension,
        version: "0.1.0".into(),
        environment: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0".into(),
        generated_at: "2025-01-31T09:30:00Z".into(),
    }
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Simulator scenarios: every folder but `real/` (real answers, tests/real_answers/).
fn scenarios() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .filter_map(|e| {
            let e = e.ok()?;
            e.file_type()
                .ok()?
                .is_dir()
                .then(|| e.file_name().into_string().ok())?
        })
        .filter(|s| s != "real")
        .collect();
    out.sort();
    out
}

fn cases(scenario: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(fixtures().join(scenario))
        .unwrap()
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect();
    out.sort();
    out
}

fn detection(scenario: &str) -> Detection {
    let page = if scenario.starts_with("sso") {
        "page-logged-in"
    } else {
        "page"
    };
    common::detect_on(scenario, page).0
}

/// Drives the token test, answering `myself` with `myself_case` and everything else with the
/// scenario's most fitting recording (or a 404 when there is none).
fn check(
    scenario: &str,
    myself_case: &str,
    login: &str,
    secret: &str,
    auth: AuthChoice,
) -> Option<CheckResult> {
    let have = cases(scenario);
    let pick = |want: &[&str]| -> Exchange {
        want.iter()
            .find(|c| have.iter().any(|h| h == *c))
            .map(|c| recorded(scenario, c))
            .unwrap_or_else(|| {
                Exchange::Response(HttpResponse {
                    status: 404,
                    ..HttpResponse::default()
                })
            })
    };
    let input = CheckInput {
        login: login.to_string(),
        secret: Secret::new(secret),
        auth,
        required_permissions: vec!["BROWSE_PROJECTS".into(), "CREATE_ISSUES".into()],
        project: Some("PROJ".into()),
        gateway: Some("https://api.atlassian.com".into()),
        timeout_ms: 10_000,
        ..serde_json::from_value(serde_json::json!({"secret": "x"})).unwrap()
    };
    let flow = ProbeFlow::new(input, detection(scenario)).ok()?;
    let (result, _) = common::drive(flow, |req| match req.id.as_str() {
        "myself" => recorded(scenario, myself_case),
        "mypermissions" => pick(&["mypermissions", "mypermissions-anon"]),
        "myself_as_bearer" => pick(&["myself-anon"]),
        "gateway_myself" => pick(&["gateway-myself-scoped-token"]),
        "tenant_info" => pick(&["tenant-info"]),
        _ => pick(&["myself-anon"]),
    });
    Some(result)
}

/// A recorded answer; a recording of no answer (`hang`) is a timeout.
fn recorded(scenario: &str, case: &str) -> Exchange {
    let path = fixtures().join(scenario).join(format!("{case}.json"));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    if v["response"].is_null() {
        Exchange::Timeout { elapsed_ms: 10_000 }
    } else {
        common::answer(scenario, case)
    }
}

/// Every rendering of the report: JSON, Markdown in both languages, `Debug`.
fn renderings(r: &Report) -> Vec<(&'static str, String)> {
    vec![
        ("json", r.to_json()),
        ("markdown en", r.to_markdown(Lang::En)),
        ("markdown ru", r.to_markdown(Lang::Ru)),
        ("debug", format!("{r:?}")),
    ]
}

fn assert_no_leak(what: &str, r: &Report, login: &str, secret: &str) {
    let forms = Secret::new(secret).leak_forms(login);
    assert_eq!(forms.len(), 3);
    // The JSON form is serde_json's pretty layout, byte for byte (report::rendered::indent).
    assert_eq!(
        r.to_json(),
        serde_json::to_string_pretty(r).unwrap(),
        "{what}"
    );
    for (name, text) in renderings(r) {
        for form in &forms {
            assert!(
                !text.contains(form.as_str()),
                "{what}: the {name} report holds {form:?}"
            );
        }
        assert!(
            !text.contains("JSESSIONID"),
            "{what}: {name} has a session cookie"
        );
    }
    for q in &r.requests {
        for k in q.headers.keys() {
            assert!(
                !k.contains("authorization") && !k.contains("cookie"),
                "{what}: kept header {k}"
            );
        }
    }
}

/// The Russian side of every text the report shows is Russian: no English sentence left in it
/// (a `{var}` filled with an English value in both languages, say). Names, codes, URLs and
/// header values inside a Russian sentence are fine.
fn assert_russian(what: &str, r: &Report) {
    let mut texts = Vec::new();
    if let Some(v) = &r.verdict {
        texts.extend([&v.title, &v.cause, &v.fix]);
    }
    texts.extend(r.checklist.iter().map(|i| &i.text));
    texts.extend(r.warnings.iter().flat_map(|w| [&w.title, &w.cause, &w.fix]));
    for t in texts {
        // Quotes «…» hold Jira's own words; URLs, paths, e-mails and codes are names.
        let mut unquoted = String::new();
        let mut depth = 0usize;
        for c in t.ru.chars() {
            match c {
                '«' => depth += 1,
                '»' => depth = depth.saturating_sub(1),
                c if depth == 0 => unquoted.push(c),
                _ => {}
            }
        }
        let prose: Vec<&str> = unquoted
            .split_whitespace()
            .filter(|w| !w.contains(['/', '@', '=', '_']) && !w.trim_end_matches(':').contains(':'))
            .collect();
        let prose = prose.join(" ");
        for sentence in prose.split_inclusive(['.', '!', '?']) {
            let cyrillic = sentence.chars().any(|c| matches!(c, 'А'..='я' | 'Ё' | 'ё'));
            let english_words = sentence
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase()))
                .count();
            assert!(
                cyrillic || english_words < 3,
                "{what}: English in the Russian text: {:?}",
                t.ru
            );
        }
    }
}

#[test]
fn no_report_holds_the_secret_in_any_recorded_case() {
    let mut reports = 0;
    let mut codes = std::collections::BTreeSet::new();
    for scenario in scenarios() {
        let myself: Vec<String> = cases(&scenario)
            .into_iter()
            .filter(|c| c.starts_with("myself") || c.starts_with("gateway"))
            .collect();
        for case in &myself {
            for &(login, secret) in SECRETS {
                for &auth in AUTHS {
                    let Some(result) = check(&scenario, case, login, secret, auth) else {
                        continue; // a usage error (no login for Basic): nothing to report
                    };
                    let report = report::build(
                        Subject::Check {
                            result: &result,
                            login,
                        },
                        &meta(),
                    );
                    assert_eq!(report.schema, SCHEMA);
                    assert_eq!(report.tried.as_ref().map(|t| t.login.as_str()), Some(login));
                    let what = format!("{scenario}/{case} {auth:?}");
                    assert_no_leak(&what, &report, login, secret);
                    assert_russian(&what, &report);
                    codes.insert(result.verdict.code);
                    reports += 1;
                }
            }
        }
        let d = detection(&scenario);
        let report = report::build(Subject::Detection(&d), &meta());
        for &(login, secret) in SECRETS {
            assert_no_leak(&format!("{scenario} detection"), &report, login, secret);
        }
    }
    assert!(reports > 500, "only {reports} reports");
    assert!(
        codes.len() >= 15,
        "only {} verdicts covered: {codes:?}",
        codes.len()
    );
}

/// A server that echoes the credential back (in cookies, an unknown header, the body) gets
/// none of it into the report: only Jira's diagnostic headers are kept.
#[test]
fn an_echoing_server_cannot_put_the_secret_in_a_report() {
    let (login, secret) = ("admin", "echo-me-s3cret-7431");
    let forms = Secret::new(secret).leak_forms(login);
    let basic = format!("Basic {}", forms[0]);
    let mut headers = std::collections::BTreeMap::new();
    headers.insert(
        "set-cookie".to_string(),
        format!("JSESSIONID={secret}; Path=/"),
    );
    headers.insert("x-echo-authorization".to_string(), basic.clone());
    headers.insert("authorization".to_string(), basic.clone());
    headers.insert(
        "x-seraph-loginreason".to_string(),
        "AUTHENTICATED_FAILED".to_string(),
    );
    headers.insert("x-ausername".to_string(), "anonymous".to_string());
    headers.insert("content-type".to_string(), "application/json".to_string());
    let echo = Exchange::Response(HttpResponse {
        status: 401,
        headers,
        body: format!("{{\"errorMessages\":[\"{secret} {basic}\"]}}"),
        elapsed_ms: 4,
        ..HttpResponse::default()
    });
    let input = CheckInput {
        login: login.into(),
        secret: Secret::new(secret),
        auth: AuthChoice::Basic,
        ..serde_json::from_value(serde_json::json!({"secret": "x"})).unwrap()
    };
    let flow = ProbeFlow::new(input, detection("dc-9.12-cluster")).unwrap();
    let (result, _) = common::drive(flow, |_| echo.clone());
    let report = report::build(
        Subject::Check {
            result: &result,
            login,
        },
        &meta(),
    );
    assert_no_leak("echoing server", &report, login, secret);
    let myself = report.requests.iter().find(|r| r.id == "myself").unwrap();
    assert_eq!(myself.auth, "Basic");
    assert_eq!(
        myself
            .headers
            .keys()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ["content-type", "x-ausername", "x-seraph-loginreason"]
    );
}

/// A result handed back by JavaScript (the wasm `report` command) is not trusted: a header
/// named Authorization or Cookie in its request log never reaches the report.
#[test]
fn a_tampered_result_loses_its_credentials() {
    let result = check(
        "dc-9.12-cluster",
        "myself-pat-ok",
        "",
        "tok",
        AuthChoice::Pat,
    )
    .unwrap();
    let mut json = serde_json::to_value(&result).unwrap();
    for r in json["requests"].as_array_mut().unwrap() {
        r["headers"]["authorization"] = "Bearer tok-SECRET".into();
        r["headers"]["cookie"] = "JSESSIONID=SECRET".into();
        r["headers"]["set-cookie"] = "seraph.rememberme.cookie=SECRET".into();
        r["url"] = "https://u:SECRET@h.example/rest/api/2/myself".into();
    }
    // A log's auth is a scheme's name from a closed set: anything else is refused outright.
    let mut with_value = json.clone();
    with_value["requests"][0]["auth"] = "Bearer tok-SECRET".into();
    assert!(serde_json::from_value::<CheckResult>(with_value).is_err());
    let tampered: CheckResult = serde_json::from_value(json).unwrap();
    let report = report::build(
        Subject::Check {
            result: &tampered,
            login: "",
        },
        &meta(),
    );
    for (name, text) in renderings(&report) {
        assert!(!text.contains("SECRET"), "{name}: {text}");
    }
    assert!(report
        .requests
        .iter()
        .all(|r| r.auth == "Bearer" || r.auth == "None"));
}

#[test]
fn a_report_says_what_the_customer_saw() {
    let login = "admin";
    let result = check(
        "dc-9.12-cluster",
        "myself-bad-password",
        login,
        "wrong",
        AuthChoice::Basic,
    )
    .unwrap();
    let report = report::build(
        Subject::Check {
            result: &result,
            login,
        },
        &meta(),
    );
    let v = report.verdict.as_ref().unwrap();
    assert_eq!(v.code.as_str(), "credentials_rejected");
    let ids: Vec<&str> = report.checklist.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["reachable", "authenticated", "method", "permissions"]);
    assert_eq!(report.versions.jira.as_deref(), Some("9.12.15"));
    let myself = report.requests.iter().find(|r| r.id == "myself").unwrap();
    assert_eq!(myself.status, Some(401));
    assert_eq!(myself.path, "/rest/api/2/myself");
    assert_eq!(
        myself.headers["x-seraph-loginreason"],
        "AUTHENTICATED_FAILED"
    );
    assert_eq!(myself.headers["x-anodeid"], "jira_node_1");

    let en = report.to_markdown(Lang::En);
    assert!(en.contains("credentials_rejected"));
    // Texts are Markdown-escaped (`\(`, `\[` …): compare without the escapes.
    let plain = en.replace('\\', "");
    assert!(plain.contains(&v.cause.en) && plain.contains(&v.fix.en));
    assert!(en.contains("| Login | admin |"));
    assert!(en.contains("X-Seraph-LoginReason".to_ascii_lowercase().as_str()));
    assert!(en.contains("2025-01-31T09:30:00Z") && en.contains("Chrome/140.0"));
    let ru = report.to_markdown(Lang::Ru).replace('\\', "");
    assert!(ru.contains(&v.fix.ru) && ru.contains("Чек-лист"));
    // The Markdown carries the JSON, which parses back to the same report.
    let start = en.find("```json\n").unwrap() + "```json\n".len();
    let end = en[start..].find("\n```").unwrap() + start;
    let back: Report = serde_json::from_str(&en[start..end]).unwrap();
    assert_eq!(back, report);
}

/// The extension's `check` answer is the result and, beside it, the report's own checklist (the
/// popup shows that one, not one of its own).
#[test]
fn the_check_output_carries_the_reports_checklist() {
    for (myself, login, auth) in [
        ("myself-pat-ok", "", AuthChoice::Pat),
        ("myself-bad-password", "admin", AuthChoice::Basic),
    ] {
        let result = check("dc-9.12-cluster", myself, login, "x-1", auth).unwrap();
        let json = serde_json::to_value(CheckOutput::new(result.clone(), login, &meta())).unwrap();
        let report = report::build(
            Subject::Check {
                result: &result,
                login,
            },
            &meta(),
        );
        assert_eq!(json["checklist"].as_array().map(Vec::len), Some(4));
        assert_eq!(
            json["checklist"],
            serde_json::to_value(&report.checklist).unwrap()
        );
        let back: CheckResult = serde_json::from_value(json["result"].clone()).unwrap();
        assert_eq!(back, result);
    }
}
