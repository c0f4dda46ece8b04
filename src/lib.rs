//! Jira Token Wizard core: detects Jira Cloud / Server / Data Center, plans authentication,
//! probes a token and explains failures — as pure, sans-IO Rust.
//!
//! Everything here is plain data in, plain data out; nothing touches the network, the DOM or
//! `chrome.*`. The two transports are `src/wasm.rs` (browser, the only module that knows
//! wasm-bindgen/web-sys/gloo-net) and the CLI's `src/cli/transport.rs`.

pub mod answerer;
pub mod auth_plan;
pub mod catalogue;
pub mod deployment;
pub mod detect;
pub mod flow;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod http;
pub mod i18n;
pub mod labels;
pub mod page;
pub mod pat;
pub mod permissions;
pub mod probe;
pub mod protocol;
pub mod remember;
pub mod report;
pub mod snippet;
pub mod targets;
pub mod time;
pub mod urls;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
