//! Boundary tests for `src/wasm.rs`, run in headless Chromium by wasm-bindgen-test-runner
//! (`cargo test --target wasm32-unknown-unknown`, see .cargo/config.toml). They check only what
//! the boundary adds: command decoding from plain JS objects, error conversion, plain
//! (JSON-compatible) JS results, the shell facts and the fetch transport's failure mapping.
//! Detection itself is tested natively.
#![cfg(target_arch = "wasm32")]

use jira_token_wizard::wasm::{facts, handle, version};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The command as the service worker hands it over: a plain object.
fn to_js(v: &Value) -> JsValue {
    js_sys::JSON::parse(&v.to_string()).unwrap_or(JsValue::NULL)
}

/// The answer as the service worker reads it. `JSON.stringify` writes `{}` for a `Map`, so a
/// result that is not plain data would not survive this.
fn from_js(v: &JsValue) -> Value {
    js_sys::JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null)
}

async fn error_message(command: Value) -> String {
    match handle(to_js(&command)).await {
        Ok(v) => panic!("expected an error, got {}", from_js(&v)),
        Err(e) => {
            let js: JsValue = e.into();
            let err: js_sys::Error = js.dyn_into().unwrap_or_else(|_| js_sys::Error::new("?"));
            String::from(err.message())
        }
    }
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
async fn unknown_command_is_rejected_clearly() {
    let msg = error_message(json!({"type": "make_coffee"})).await;
    assert!(msg.starts_with("malformed command"), "{msg}");
    assert!(msg.contains("`detect_page`"), "{msg}");
    assert!(!msg.contains("make_coffee"), "{msg}");
}

#[wasm_bindgen_test]
fn facts_are_plain_data_from_the_core() {
    let f = from_js(&facts().unwrap_or(JsValue::NULL));
    assert_eq!(f["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(f["targets"][1]["id"], "elma365", "{f}");
    assert_eq!(f["targets"][1]["sendsOnSelfManaged"], "basic", "{f}");
    assert_eq!(f["secretMask"], "••••••••");
    assert_eq!(f["labels"]["baseUrl"]["ru"], "Базовый URL", "{f}");
    assert_eq!(f["gateway"], "https://api.atlassian.com");
}

#[wasm_bindgen_test]
async fn command_without_snapshot_is_rejected() {
    let msg = error_message(json!({"type": "detect_page"})).await;
    assert!(msg.contains("snapshot"), "{msg}");
}

#[wasm_bindgen_test]
async fn rejected_values_are_not_echoed() {
    // serde would quote the offending value; in a `check` command that could be the secret.
    let msg = error_message(json!({"type": "detect_page", "snapshot": "SECRET-VALUE"})).await;
    assert!(msg.starts_with("malformed command: snapshot"), "{msg}");
    assert!(!msg.contains("SECRET-VALUE"), "{msg}");
    let msg = error_message(
        json!({"type": "check", "detected": {}, "meta": {}, "input": {"secret": "x",
        "keyMaterial": "SECRET-VALUE"}}),
    )
    .await;
    assert!(!msg.contains("SECRET-VALUE"), "{msg}");
}

#[wasm_bindgen_test]
async fn invalid_url_is_rejected() {
    let msg = error_message(json!({"type": "detect_url", "url": "ftp://jira.example"})).await;
    assert!(msg.contains("ftp://jira.example"), "{msg}");
}

#[wasm_bindgen_test]
async fn page_alone_gives_a_detection_without_fetching() {
    let cmd = json!({
        "type": "detect_page",
        "snapshot": {
            "url": "https://jira.corp.example/jira/browse/PROJ-1",
            "title": "PROJ-1 - Jira",
            "metas": {
                "application-name": "JIRA",
                "ajs-version-number": "9.12.15",
                "ajs-build-number": "9120015",
                "ajs-base-url": "https://jira.corp.example/jira",
                "ajs-context-path": "/jira"
            },
            "bodyId": "jira",
            "bodyClasses": []
        },
        "options": {"allowFetch": false}
    });
    let answered = from_js(&handle(to_js(&cmd)).await.unwrap_or_default());
    // A detect command answers the detection and the answers it was made from (none here).
    assert_eq!(answered["answers"], json!([]), "{answered}");
    let out = &answered["detection"];
    assert_eq!(out["deployment"]["product"], "jira", "{out}");
    assert_eq!(out["deployment"]["version"], "9.12.15");
    assert_eq!(
        out["deployment"]["baseUrl"],
        "https://jira.corp.example/jira"
    );
    assert_eq!(out["authPlan"]["method"], "pat");
    assert_eq!(out["requests"], json!([]), "nothing may be fetched");
    let codes: Vec<&Value> = out["warnings"]
        .as_array()
        .map(|w| w.iter().map(|n| &n["code"]).collect())
        .unwrap_or_default();
    assert!(codes.contains(&&json!("host_permission_needed")), "{out}");
}

#[wasm_bindgen_test]
async fn refused_connection_is_reported_as_unreachable() {
    // Port 9 (discard) is closed here: fetch rejects with "TypeError: Failed to fetch".
    let cmd = json!({
        "type": "detect_url",
        "url": "http://127.0.0.1:9/",
        "options": {"allowFetch": true, "timeoutMs": 3000}
    });
    let out = from_js(&handle(to_js(&cmd)).await.unwrap_or_default());
    let first = &out["detection"]["requests"][0];
    assert_eq!(first["id"], "server_info", "{out}");
    assert_eq!(first["outcome"], "unreachable", "{out}");
    // The answer is kept for the worker as the transport gave it, with the request it answered.
    let kept = &out["answers"][0][0];
    assert_eq!(
        kept["url"], "http://127.0.0.1:9/rest/api/2/serverInfo",
        "{out}"
    );
    assert_eq!(kept["answer"]["kind"], "unreachable", "{out}");
}
