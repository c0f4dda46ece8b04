//! The commands the extension's service worker hands to the wasm core, mirrored from
//! `extension/protocol.js` (the one file that defines the extension's message protocol).
//! Plain serde types: `{ "type": "detect_page", … }`.

use crate::detect::{DetectError, DetectFlow, DetectOptions};
use crate::page::PageSnapshot;
use serde::{Deserialize, Serialize};

/// A command for the core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Command {
    /// Detect what the tab shows.
    #[serde(rename_all = "camelCase")]
    DetectPage {
        snapshot: PageSnapshot,
        #[serde(default)]
        options: DetectOptions,
    },
    /// Detect what a typed URL points to.
    #[serde(rename_all = "camelCase")]
    DetectUrl {
        url: String,
        #[serde(default)]
        options: DetectOptions,
    },
}

impl Command {
    /// The detection flow for a detect command.
    pub fn detect_flow(self) -> Result<DetectFlow, DetectError> {
        match self {
            Command::DetectPage { snapshot, options } => DetectFlow::for_page(snapshot, options),
            Command::DetectUrl { url, options } => DetectFlow::for_url(
                &url,
                DetectOptions {
                    fetch_page: false,
                    ..options
                },
            ),
        }
    }
}
