//! The core's own JSON: a small value type ([`Json`]), a reader ([`parse`]), a compact writer
//! ([`Json::to_text`]) and the conversions every boundary type implements ([`ToJson`],
//! [`FromJson`]).
//!
//! Why not serde here: serde derive + serde_json instantiate a reader and a writer per type,
//! and in the extension's wasm that was most of the module (BENCHMARKS.md "Shipped size").
//! This is what the wasm boundary (`src/wasm.rs`, `protocol::Command::from_json`) and the
//! Jira answers (`http::HttpResponse::json`) go through. The types keep their serde derives
//! for the native side (the CLI's JSON, the tests); `tests/json_forms.rs` proves that both
//! write the same text and read the same values, so the JSON form is still defined once —
//! by the serde attributes — and checked here.
//!
//! Errors never quote a value (a `check` command carries a secret): they name the field and
//! what was expected.

mod convert;
mod forms;
mod read;
mod serde_impl;
mod write;

pub use convert::{obj, FromJson, Obj, ObjWriter, ToJson};
pub use read::{parse, MAX_DEPTH};

/// A JSON value. Numbers keep their text (exact for 64-bit integers, nothing is rounded);
/// objects keep their keys in order, duplicates included ([`Json::get`] takes the last, as
/// `serde_json::Value` does). Equality is JSON's: objects compare as maps, whatever the order.
#[derive(Debug, Clone, Default)]
pub enum Json {
    #[default]
    Null,
    Bool(bool),
    /// A number as it was written (`-1.5e3`), validated by the reader.
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl PartialEq for Json {
    fn eq(&self, other: &Json) -> bool {
        match (self, other) {
            (Json::Null, Json::Null) => true,
            (Json::Bool(a), Json::Bool(b)) => a == b,
            (Json::Num(a), Json::Num(b)) | (Json::Str(a), Json::Str(b)) => a == b,
            (Json::Arr(a), Json::Arr(b)) => a == b,
            (Json::Obj(a), Json::Obj(b)) => {
                let ka = sorted_keys(a);
                ka == sorted_keys(b) && ka.iter().all(|k| self.get(k) == other.get(k))
            }
            _ => false,
        }
    }
}

impl Eq for Json {}

fn sorted_keys(members: &[(String, Json)]) -> Vec<&str> {
    let mut keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

impl Json {
    /// The member `key` of an object (the last one when repeated); `None` for non-objects.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A non-negative integer that fits `u64` (`12`, not `12.0` or `1e1`).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Num(n) => n.parse().ok(),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(items) => Some(items),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// What kind of value this is, for error messages (never the value itself).
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Num(_) => "a number",
            Json::Str(_) => "a string",
            Json::Arr(_) => "an array",
            Json::Obj(_) => "an object",
        }
    }
}

/// Why JSON could not be read, or could not be read as the type asked for. The message names
/// a position or a field path, never a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    what: String,
    /// Field path from the outside in, e.g. `["input", "secret"]`.
    path: Vec<String>,
}

impl JsonError {
    pub fn new(what: impl Into<String>) -> JsonError {
        JsonError {
            what: what.into(),
            path: Vec::new(),
        }
    }

    /// `expected a string, found a number`.
    #[inline(never)]
    pub fn expected(what: &str, found: &Json) -> JsonError {
        JsonError::new(format!(
            "invalid type: expected {what}, found {}",
            found.kind()
        ))
    }

    /// The same error, one field further out.
    #[inline(never)]
    pub fn within(mut self, field: &str) -> JsonError {
        self.path.insert(0, field.to_string());
        self
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.what)?;
        if !self.path.is_empty() {
            write!(f, " at `{}`", self.path.join("."))?;
        }
        Ok(())
    }
}

impl std::error::Error for JsonError {}

/// Reads `text` as a `T`.
pub fn from_text<T: FromJson>(text: &str) -> Result<T, JsonError> {
    T::from_json(&parse(text)?)
}

/// Writes `value` as compact JSON text.
pub fn to_text<T: ToJson + ?Sized>(value: &T) -> String {
    value.to_json().to_text()
}

/// Unit enums written as strings: `json_enum!(Hosting { Cloud = "cloud", Server = "server" })`
/// (the names serde's `rename_all` gives them; `tests/json_forms.rs` checks they agree).
macro_rules! json_enum {
    ($ty:ident { $($variant:ident = $name:literal),+ $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn to_json(&self) -> $crate::json::Json {
                $crate::json::Json::Str(
                    match self {
                        $($ty::$variant => $name,)+
                    }
                    .to_string(),
                )
            }
        }

        impl $crate::json::FromJson for $ty {
            fn from_json(j: &$crate::json::Json) -> Result<Self, $crate::json::JsonError> {
                match j.as_str() {
                    $(Some($name) => Ok($ty::$variant),)+
                    Some(_) => Err($crate::json::JsonError::new(concat!(
                        "unknown variant of ",
                        stringify!($ty)
                    ))),
                    None => Err($crate::json::JsonError::expected("a string", j)),
                }
            }
        }
    };
}
pub(crate) use json_enum;

#[cfg(test)]
mod tests;
