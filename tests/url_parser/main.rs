//! `urls::parse_http` (our strict http(s) parser, src/urls/) against the WHATWG URL parser as
//! the `url` crate implements it, with full UTS #46 (ICU4X): whenever ours accepts an input,
//! `url` must read the same input to the same scheme, host, port, path, query, origin and
//! serialization (fragment aside: ours drops it), with no userinfo. Which host a credential
//! goes to and what counts as the same origin must not depend on which parser read the URL.
//! Ours may refuse what WHATWG accepts; `table.rs` pins which tricky inputs it refuses, and
//! `props.rs` generates hostile strings, near misses of valid URLs and non-ASCII hosts.
//!
//! `cargo test` runs 256 cases per property; long runs:
//! `PROPTEST_CASES=200000 cargo test --release --test url_parser`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod props;
mod table;

use jira_token_wizard::urls::parse_http;

/// `Err` with the difference when ours accepts `input` and `url` reads it otherwise.
pub(crate) fn agrees(input: &str) -> Result<(), String> {
    let Some(ours) = parse_http(input) else {
        return Ok(());
    };
    let theirs = url::Url::parse(input)
        .map_err(|e| format!("{input:?}: ours {ours}, url refuses it ({e})"))?;
    let mut whole = theirs.clone();
    whole.set_fragment(None);
    let pairs: [(&str, String, String); 9] = [
        ("scheme", ours.scheme().into(), theirs.scheme().into()),
        (
            "host",
            ours.host_str().into(),
            theirs.host_str().unwrap_or("").into(),
        ),
        (
            "port",
            format!("{:?}", ours.port()),
            format!("{:?}", theirs.port()),
        ),
        (
            "port_or_known_default",
            ours.port_or_known_default().to_string(),
            format!("{:?}", theirs.port_or_known_default().unwrap_or(0)),
        ),
        ("path", ours.path().into(), theirs.path().into()),
        (
            "query",
            format!("{:?}", ours.query()),
            format!("{:?}", theirs.query()),
        ),
        (
            "origin",
            ours.origin().into(),
            theirs.origin().ascii_serialization(),
        ),
        ("serialization", ours.as_str().into(), whole.as_str().into()),
        (
            "userinfo",
            String::new(),
            format!("{}{:?}", theirs.username(), theirs.password()).replace("None", ""),
        ),
    ];
    for (what, a, b) in pairs {
        if a != b {
            return Err(format!(
                "{input:?}: {what} is {a:?} for ours, {b:?} for url"
            ));
        }
    }
    let segments: Vec<&str> = ours.path_segments().collect();
    let theirs_segments: Vec<&str> = theirs.path_segments().into_iter().flatten().collect();
    if segments != theirs_segments {
        return Err(format!(
            "{input:?}: segments {segments:?} vs {theirs_segments:?}"
        ));
    }
    Ok(())
}
