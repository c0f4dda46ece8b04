//! A snapshot of what a browser tab (or a fetched page) shows: the input to detection.
//! Collected by the extension's injected function or by the CLI's HTML reader; both produce
//! this same plain struct.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Longest meta value kept, in characters; longer values are cut (hostile pages).
pub const MAX_META_VALUE_CHARS: usize = 2048;
/// Most meta tags kept from one page.
pub const MAX_METAS: usize = 256;

/// What the page looked like.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PageSnapshot {
    /// The URL the browser is on (after any redirects).
    pub url: String,
    /// `<title>` text.
    pub title: String,
    /// `<meta name|property="…" content="…">` pairs, names lower-cased. For
    /// `<meta name="application-name" data-name=… data-version=…>` the data attributes are
    /// stored as `application-name:data-name` / `application-name:data-version`.
    pub metas: BTreeMap<String, String>,
    /// `<body id>`.
    pub body_id: String,
    /// `<body class>` tokens.
    pub body_classes: Vec<String>,
    /// Response headers of the page itself, names lower-cased, when known (CLI only: a
    /// browser tab's headers are not visible to an extension without webRequest).
    pub headers: BTreeMap<String, String>,
}

impl PageSnapshot {
    /// Meta content by name, trimmed; empty values count as absent.
    pub fn meta(&self, name: &str) -> Option<&str> {
        self.metas
            .get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Meta content by name, present even when empty (e.g. `ajs-remote-user=""` = anonymous).
    pub fn meta_raw(&self, name: &str) -> Option<&str> {
        self.metas.get(name).map(String::as_str)
    }

    /// Applies the size limits (the same as `extension/snapshot.js`): at most [`MAX_METAS`]
    /// metas, body classes and headers, each name and value at most [`MAX_META_VALUE_CHARS`]
    /// characters; lower-cases meta names.
    pub fn sanitized(mut self) -> PageSnapshot {
        self.metas = capped(std::mem::take(&mut self.metas))
            .map(|(k, v)| (k.to_ascii_lowercase(), v))
            .collect();
        self.headers = capped(std::mem::take(&mut self.headers)).collect();
        self.title = cut(&self.title, MAX_META_VALUE_CHARS);
        self.body_id = cut(&self.body_id, MAX_META_VALUE_CHARS);
        self.body_classes.truncate(MAX_METAS);
        for class in &mut self.body_classes {
            *class = cut(class, MAX_META_VALUE_CHARS);
        }
        self.url = cut(&self.url, MAX_META_VALUE_CHARS * 4);
        self
    }
}

fn cut(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

/// The first [`MAX_METAS`] pairs, names and values cut to [`MAX_META_VALUE_CHARS`].
fn capped(map: BTreeMap<String, String>) -> impl Iterator<Item = (String, String)> {
    map.into_iter()
        .take(MAX_METAS)
        .map(|(k, v)| (cut(&k, MAX_META_VALUE_CHARS), cut(&v, MAX_META_VALUE_CHARS)))
}
