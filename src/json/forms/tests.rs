#![allow(clippy::unwrap_used)]
//! The forms of the crate-private Jira answers (tenant_info, /mypermissions) against serde,
//! over every recorded answer body and documents with missing, null and wrong-typed fields
//! (the public types are checked in `tests/json_forms.rs`).

use crate::detect::server_info::TenantInfo;
use crate::json::from_text;
use crate::permissions::MyPermissions;
use std::path::PathBuf;

/// Every object body recorded from the simulator (`tests/fixtures/*/*.json` `response.body`).
fn bodies() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(dir).unwrap() {
            let path = file.unwrap().path();
            // tests/fixtures/real/ also holds its SOURCES.md.
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            if let Some(body) = v["response"]["body"].as_str() {
                // An array would be a struct's fields in order to serde (tests/json_forms.rs,
                // known_differences_from_serde).
                if !body.trim_start().starts_with('[') {
                    out.push(body.to_string());
                }
            }
        }
    }
    assert!(out.len() > 100, "{}", out.len());
    out
}

/// The answer as plain data (the type has no `PartialEq`).
type Permissions = Vec<(String, Option<bool>, Option<String>)>;

fn plain(p: MyPermissions) -> Permissions {
    p.permissions
        .into_iter()
        .map(|(k, e)| (k, e.have_permission, e.name))
        .collect()
}

#[test]
fn answers_read_as_serde_reads_them() {
    let mut docs = bodies();
    docs.extend(
        [
            "{}",
            "null",
            r#"{"cloudId":null}"#,
            r#"{"cloudId":7}"#,
            r#"{"cloudId":"a-b","other":{}}"#,
            r#"{"permissions":{}}"#,
            r#"{"permissions":null}"#,
            r#"{"permissions":[]}"#,
            r#"{"permissions":"x"}"#,
            r#"{"permissions":{"A":{}}}"#,
            r#"{"permissions":{"A":null}}"#,
            r#"{"permissions":{"A":{"havePermission":true,"name":"Browse","x":[]}}}"#,
            r#"{"permissions":{"A":{"havePermission":"yes"}}}"#,
            r#"{"permissions":{"A":{"havePermission":null,"name":null}}}"#,
            r#"{"permissions":{"A":{"name":1}}}"#,
            r#"{"permissions":{"A":{"havePermission":true},"A":{"havePermission":false}}}"#,
            r#"{"permissions":{"A":{"havePermission":true},"B":7}}"#,
        ]
        .map(str::to_string),
    );
    let (mut tenants, mut permissions) = (0, 0);
    for doc in &docs {
        let theirs = serde_json::from_str::<TenantInfo>(doc).ok();
        assert_eq!(from_text::<TenantInfo>(doc).ok(), theirs, "{doc}");
        tenants += usize::from(theirs.is_some_and(|t| t.cloud_id.is_some()));

        let theirs = serde_json::from_str::<MyPermissions>(doc).ok().map(plain);
        let ours = from_text::<MyPermissions>(doc).ok().map(plain);
        assert_eq!(ours, theirs, "{doc}");
        permissions += usize::from(theirs.is_some_and(|p| !p.is_empty()));
    }
    assert!(tenants >= 3 && permissions > 5, "{tenants} {permissions}");
}
