//! Property tests (proptest) of the three robustness properties in `tests/fuzz_harness/`:
//! the HTML reader on arbitrary strings, detection (serverInfo / tenant_info / page parsing)
//! on arbitrary answers, and the token test's classification of arbitrary status, headers and
//! body. No panic, every code in the catalogue with the right kind, the secret never in the
//! serialized result, credentials only to the detected origin and never with redirects.
//!
//! `cargo test` runs proptest's default 256 cases per property (a few seconds). For long runs:
//! `PROPTEST_CASES=1000000 cargo test --release --test malformed_props` (or `bench/fuzz.sh`,
//! which also drives the cargo-fuzz targets when a nightly toolchain is there).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod fuzz_harness;

use fuzz_harness::{Answer, HEADER_NAMES, KEYWORDS};
use proptest::prelude::*;
use proptest::sample::select;

/// Short text mixing the words the core looks for with arbitrary characters.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => select(KEYWORDS).prop_map(str::to_string),
        2 => prop::collection::vec(prop::char::range(' ', '~'), 0..12)
            .prop_map(String::from_iter),
        1 => prop::collection::vec(any::<char>(), 0..8).prop_map(String::from_iter),
        1 => Just("\u{FFFD}".to_string()),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

/// Arbitrary JSON values, a few levels deep.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (0u32..20_000).prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(json_key(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Keys of the JSON answers the core reads, and some others.
fn json_key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(&[
            "baseUrl", "version", "versionNumbers", "deploymentType", "buildNumber",
            "serverTitle", "serverTime", "cloudId", "name", "key", "accountId", "displayName",
            "emailAddress", "email", "active", "permissions", "havePermission",
            "BROWSE_PROJECTS", "CREATE_ISSUES", "ADMINISTER", "errorMessages", "id",
        ][..])
        .prop_map(str::to_string),
        1 => "[a-zA-Z]{1,10}",
    ]
}

fn opt<T: Strategy<Value = serde_json::Value> + 'static>(
    s: T,
) -> BoxedStrategy<Option<serde_json::Value>> {
    prop::option::weighted(0.8, s).boxed()
}

fn object(fields: Vec<(&'static str, Option<serde_json::Value>)>) -> serde_json::Value {
    let m = fields
        .into_iter()
        .filter_map(|(k, v)| Some((k.to_string(), v?)))
        .collect();
    serde_json::Value::Object(m)
}

fn string() -> BoxedStrategy<serde_json::Value> {
    prop_oneof![3 => text().prop_map(serde_json::Value::String), 1 => json_value()].boxed()
}

/// serverInfo (facts §1.2): fields present or not, values mostly of the right type.
fn server_info_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let url = prop_oneof![
        3 => select(&["http://jira.test/jira", "https://acme.atlassian.net", "http://jira.test",
                      "https://jira.test:8443/a/b", "https://evil.test/x", "javascript:x", ""][..])
            .prop_map(Value::from),
        1 => string(),
    ];
    let version = prop_oneof![
        3 => select(&["9.12.15", "8.5.5", "1001.0.0-SNAPSHOT", "7.13.0", "10.3.1", "x"][..])
            .prop_map(Value::from),
        1 => string(),
    ];
    let numbers = prop_oneof![
        3 => prop::collection::vec(0u32..1200, 0..4).prop_map(Value::from),
        1 => json_value(),
    ];
    let kind = prop_oneof![
        3 => select(&["Server", "Cloud"][..]).prop_map(Value::from),
        1 => string(),
    ];
    (opt(url), opt(version), opt(numbers), opt(kind)).prop_map(|(b, v, n, d)| {
        object(vec![
            ("baseUrl", b),
            ("version", v),
            ("versionNumbers", n),
            ("deploymentType", d),
        ])
    })
}

/// /myself (facts §5.3).
fn myself_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let login = prop_oneof![3 => Just(Value::from(fuzz_harness::LOGIN)), 1 => string()];
    let active = prop_oneof![3 => any::<bool>().prop_map(Value::from), 1 => json_value()];
    (
        opt(login.clone()),
        opt(string()),
        opt(string()),
        opt(string()),
        opt(login),
        opt(active),
    )
        .prop_map(|(name, key, account, display, email, active)| {
            object(vec![
                ("name", name),
                ("key", key),
                ("accountId", account),
                ("displayName", display),
                ("emailAddress", email),
                ("active", active),
            ])
        })
}

/// /mypermissions (facts §5.1).
fn permissions_json() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::json;
    let permission = (any::<bool>(), prop::option::of(text()))
        .prop_map(|(have, name)| json!({"havePermission": have, "name": name}));
    prop::collection::btree_map(
        select(
            &[
                "BROWSE_PROJECTS",
                "CREATE_ISSUES",
                "ADMINISTER",
                "USE",
                "EDIT_ISSUES",
            ][..],
        ),
        prop_oneof![4 => permission, 1 => json_value()],
        0..5,
    )
    .prop_map(|m| json!({ "permissions": m }))
}

/// /_edge/tenant_info (facts §2.5).
fn tenant_json() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just("c2a1b1e5-63a8-4c0d-9fd2-1d0d0ffb3b11".to_string()),
        text(),
    ]
    .prop_map(|id| serde_json::json!({ "cloudId": id }))
}

/// /rest/api/2/project.
fn projects_json() -> impl Strategy<Value = serde_json::Value> {
    prop::collection::vec((text(), text()), 0..4).prop_map(|v| {
        serde_json::Value::Array(
            v.into_iter()
                .map(|(k, n)| serde_json::json!({"key": k, "name": n}))
                .collect(),
        )
    })
}

/// JSON shaped for request `id` (see `fuzz_harness::REQUEST_IDS`), maybe cut short.
fn shaped_json(id: &str) -> BoxedStrategy<String> {
    let shape = match id {
        "server_info" => server_info_json().boxed(),
        "tenant_info" => tenant_json().boxed(),
        "mypermissions" => permissions_json().boxed(),
        "projects" => projects_json().boxed(),
        "page" | "myself_without_credentials" => return html().boxed(),
        _ => myself_json().boxed(),
    };
    (
        shape,
        any::<prop::sample::Index>(),
        prop::bool::weighted(0.9),
    )
        .prop_map(|(v, cut, whole)| {
            let s = v.to_string();
            if whole {
                s
            } else {
                let n = s.chars().count();
                s.chars().take(cut.index(n + 1)).collect()
            }
        })
        .boxed()
}

/// A body: JSON (maybe cut short), HTML, or text.
fn body() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => (json_value(), any::<prop::sample::Index>(), any::<bool>()).prop_map(|(v, cut, whole)| {
            let s = v.to_string();
            if whole {
                s
            } else {
                let n = s.chars().count();
                s.chars().take(cut.index(n + 1)).collect()
            }
        }),
        2 => html(),
        1 => text(),
    ]
}

/// HTML with the meta tags, title and body markers detection reads, mixed with garbage.
fn html() -> impl Strategy<Value = String> {
    let meta_name = prop_oneof![
        4 => select(&[
            "application-name", "ajs-version-number", "ajs-build-number", "ajs-base-url",
            "ajs-context-path", "ajs-cloud-id", "ajs-remote-user", "ajs-remote-user-fullname",
            "ajs-atlassian-account-id", "ajs-space-key", "confluence-base-url", "bb-x",
            "ajs-jira-x",
        ][..])
        .prop_map(str::to_string),
        1 => "[a-zA-Z:-]{0,10}",
    ];
    let piece = prop_oneof![
        4 => (meta_name, text(), any::<bool>()).prop_map(|(n, c, data)| if data {
            format!("<meta name=\"{n}\" data-name=\"{c}\" data-version=\"{c}\">")
        } else {
            format!("<meta name=\"{n}\" content=\"{c}\">")
        }),
        1 => text().prop_map(|t| format!("<title>{t}</title>")),
        1 => (text(), text()).prop_map(|(i, c)| format!("<body id=\"{i}\" class=\"{c}\">")),
        1 => select(&["<html>", "<head>", "</head>", "<body id=\"jira\">", "<!--", "<![CDATA[", "<meta", "\"", "<svg><meta name=x content=y>"][..])
            .prop_map(str::to_string),
        1 => text(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

fn header() -> impl Strategy<Value = (String, String)> {
    let name = prop_oneof![
        4 => select(HEADER_NAMES).prop_map(str::to_string),
        1 => "[a-zA-Z-]{1,12}",
    ];
    (name, text())
}

/// An answer for request `id`: mostly shaped for it, sometimes anything.
fn answer(id: &'static str) -> impl Strategy<Value = Answer> {
    let body = prop_oneof![3 => shaped_json(id), 1 => body()];
    let status = prop_oneof![
        4 => Just(200u16),
        4 => select(&[0u16, 204, 301, 302, 303, 307, 400, 401, 403, 404, 429, 500, 503][..]),
        1 => any::<u16>(),
    ];
    let headers = prop::collection::vec(header(), 0..5);
    let json_type = prop::option::weighted(
        0.8,
        select(&["application/json;charset=UTF-8", "text/html", "text/plain"][..]),
    );
    (
        prop_oneof![12 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8)],
        status,
        (headers, json_type).prop_map(|(mut h, ct)| {
            if let Some(ct) = ct {
                h.insert(0, ("content-type".into(), ct.into()));
            }
            h
        }),
        body,
        any::<bool>(),
        prop::bool::weighted(0.1),
        prop::option::weighted(0.2, text()),
    )
        .prop_map(
            |(kind, status, headers, body, redirect, truncated, final_url)| Answer {
                kind,
                status,
                headers,
                body,
                // Mostly consistent with the status, sometimes not (an opaque redirect is 0).
                redirect: redirect && (status == 0 || (300..400).contains(&status)),
                truncated,
                final_url,
            },
        )
}

/// One answer per request id of `fuzz_harness::REQUEST_IDS` (sometimes fewer: the rest then
/// share answers).
fn answers() -> impl Strategy<Value = Vec<Answer>> {
    let all: Vec<_> = fuzz_harness::REQUEST_IDS
        .iter()
        .map(|id| answer(id))
        .collect();
    (all, 0..=fuzz_harness::REQUEST_IDS.len()).prop_map(|(mut v, n)| {
        if n < 2 {
            v.truncate(n);
        }
        v
    })
}

/// JSON-ish text: values, fragments and near misses.
fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        select(
            &[
                "null",
                "true",
                "false",
                "0",
                "-1.5e3",
                "1e400",
                "\"\"",
                "\"\\u00e9\\ud83d\\ude00\"",
                "\"\\ud800\"",
                "[",
                "{",
                ",",
                ":",
                "}",
                "]",
                "\"type\"",
                "\"secret-token-value-1234\""
            ][..]
        )
        .prop_map(str::to_string),
        "\"[a-zA-Z0-9 _-]{0,16}\"",
        "-?[0-9]{1,20}(\\.[0-9]{1,5})?",
    ];
    prop::collection::vec(leaf, 0..24).prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn html_read_never_panics_and_respects_the_limits(
        page in prop_oneof![2 => html(), 1 => "\\PC{0,200}", 1 => text()],
        content_type in prop::option::of(select(&["text/html", "application/json", "text/plain", ""][..])),
        path in "[a-z/._-]{0,30}",
    ) {
        fuzz_harness::html_read(&page, content_type, &path);
    }

    #[test]
    fn url_policy_refuses_only_userinfo_and_other_schemes(
        lead in select(&["", "", "", " ", "\t\n", "\u{a0}"][..]),
        scheme in select(&[
            "http://", "https://", "HTTPS://", "http:/", "http:", "http:\\\\", "http:///",
            "ftp://", "ws://", "file://", "javascript:", "data:text/html,", "",
        ][..]),
        userinfo in prop::option::of(prop_oneof![
            "[a-z]{0,5}(:[a-z]{0,5})?@",
            select(&["@", ":@", "jira.example@", "a%40b@", "a:b:c@", "x\\@"][..]).prop_map(str::to_string),
        ]),
        labels in prop::collection::vec(prop_oneof![
            "[a-zA-Z0-9_-]{0,10}",
            prop::collection::vec(any::<char>(), 1..8).prop_map(String::from_iter),
            select(&[
                "пример", "рф", "ДЖИРА", "Bücher", "straße", "παράδειγμα", "ΠΑΡΆΔΕΙΓΜΑ", "مثال",
                "例子", "中国", "한국", "ｊｉｒａ", "xn--p1ai", "XN--P1AI", "xn--Bcher-kva",
                "xn--hxajbheg2az3al", "xn--zz", "xn--", "JIRA", "%41", "0x7f", "127", "[::1]",
                "a\u{200d}b", "e\u{301}", "",
            ][..]).prop_map(str::to_string),
        ], 1..4),
        dot in select(&[".", "\u{3002}", "\u{FF0E}"][..]),
        port in prop::option::of(prop_oneof![
            any::<u16>().prop_map(|p| p.to_string()),
            select(&["", "08080", "65536", "99999", "x"][..]).prop_map(str::to_string),
        ]),
        tail in text(),
        fragment in prop::option::of(text()),
    ) {
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        let fragment = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        let url = format!(
            "{lead}{scheme}{}{}{port}/{tail}{fragment}",
            userinfo.unwrap_or_default(),
            labels.join(dot)
        );
        fuzz_harness::parse_url(&url);
    }

    #[test]
    fn commands_never_quote_the_input(
        text in prop_oneof![
            2 => json_text(),
            1 => "\\PC{0,120}",
            1 => select(&[r#"{"type":"check","detected":"#, r#"{"type":"detect_page","snapshot":{"url":"#, r#"{"type":"read_report","text":"#][..])
                .prop_flat_map(|head| json_text().prop_map(move |tail| format!("{head}{tail}"))),
        ],
    ) {
        fuzz_harness::command_text(&text);
    }

    #[test]
    fn detection_names_every_outcome(url in any::<u8>(), answers in answers()) {
        fuzz_harness::detect(url, &answers);
    }

    #[test]
    fn every_answer_gets_a_catalogue_verdict_and_no_secret(
        deployment in any::<u8>(),
        auth in any::<u8>(),
        target in any::<u8>(),
        answers in answers(),
    ) {
        fuzz_harness::classify(deployment, auth, target, &answers);
    }
}
