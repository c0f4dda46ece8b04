//! [`ToJson`] / [`FromJson`]: how a type is written and read, with the building blocks every
//! impl uses — [`obj`] / [`ObjWriter`] to write an object's fields in order, [`Obj`] to read
//! them — and the impls for strings, numbers, options, lists and maps.
//!
//! Reading follows serde derive's rules, so both sides accept the same input: unknown fields
//! are skipped, a missing `Option` field is `None` ([`FromJson::missing`]), any other missing
//! field is an error unless the impl gives a default ([`Obj::or_default`], [`Obj::or_else`]),
//! `null` is only an `Option`'s `None`.

use super::{Json, JsonError};
use std::collections::BTreeMap;

/// A type with a JSON form.
pub trait ToJson {
    fn to_json(&self) -> Json;
}

/// A type read from JSON.
pub trait FromJson: Sized {
    fn from_json(j: &Json) -> Result<Self, JsonError>;

    /// The value of a missing field: `Some(None)` for an `Option`; `None` (an error) otherwise.
    fn missing() -> Option<Self> {
        None
    }
}

/// An object being written, fields in order.
pub struct ObjWriter(Vec<(String, Json)>);

/// Starts an object.
pub fn obj() -> ObjWriter {
    ObjWriter(Vec::new())
}

impl ObjWriter {
    pub fn put<T: ToJson + ?Sized>(self, key: &str, value: &T) -> ObjWriter {
        self.push(key, value.to_json())
    }

    /// Writes the field only when it is `Some` (serde's `skip_serializing_if = "Option::is_none"`).
    pub fn put_some<T: ToJson>(self, key: &str, value: &Option<T>) -> ObjWriter {
        match value {
            Some(v) => self.push(key, v.to_json()),
            None => self,
        }
    }

    // Not generic and not inlined: one copy, however many types write fields (wasm size).
    #[inline(never)]
    fn push(mut self, key: &str, value: Json) -> ObjWriter {
        self.0.push((key.to_string(), value));
        self
    }

    pub fn build(self) -> Json {
        Json::Obj(self.0)
    }
}

/// An object being read.
pub struct Obj<'a>(&'a Json);

impl<'a> Obj<'a> {
    /// `j` as an object, or an error naming what it is instead.
    pub fn of(j: &'a Json) -> Result<Obj<'a>, JsonError> {
        match j {
            Json::Obj(_) => Ok(Obj(j)),
            other => Err(JsonError::expected("an object", other)),
        }
    }

    pub fn get(&self, key: &str) -> Option<&'a Json> {
        self.0.get(key)
    }

    /// A field: required, or `None` when it is an `Option` and missing.
    pub fn req<T: FromJson>(&self, key: &str) -> Result<T, JsonError> {
        match self.get(key) {
            Some(v) => T::from_json(v).map_err(|e| e.within(key)),
            None => T::missing().ok_or_else(|| missing_field(key)),
        }
    }

    /// A field that is `T::default()` when missing (serde's `#[serde(default)]`).
    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Result<T, JsonError> {
        match self.get(key) {
            Some(v) => T::from_json(v).map_err(|e| e.within(key)),
            None => Ok(T::default()),
        }
    }

    /// A field that is `default()` when missing (serde's `#[serde(default = "…")]`).
    pub fn or_else<T: FromJson>(
        &self,
        key: &str,
        default: impl FnOnce() -> T,
    ) -> Result<T, JsonError> {
        match self.get(key) {
            Some(v) => T::from_json(v).map_err(|e| e.within(key)),
            None => Ok(default()),
        }
    }
}

// Error construction out of line: one copy instead of one per field type (wasm size).
#[inline(never)]
fn missing_field(key: &str) -> JsonError {
    JsonError::new(format!("missing field `{key}`"))
}

impl ToJson for Json {
    fn to_json(&self) -> Json {
        self.clone()
    }
}

impl FromJson for Json {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        Ok(j.clone())
    }
}

impl ToJson for str {
    fn to_json(&self) -> Json {
        Json::Str(self.to_string())
    }
}

impl ToJson for String {
    fn to_json(&self) -> Json {
        Json::Str(self.clone())
    }
}

impl FromJson for String {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        j.as_str()
            .map(str::to_string)
            .ok_or_else(|| JsonError::expected("a string", j))
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Json {
        Json::Bool(*self)
    }
}

impl FromJson for bool {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        j.as_bool()
            .ok_or_else(|| JsonError::expected("a boolean", j))
    }
}

macro_rules! unsigned {
    ($($t:ty),+) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Json {
                Json::Num(self.to_string())
            }
        }

        impl FromJson for $t {
            fn from_json(j: &Json) -> Result<Self, JsonError> {
                match j {
                    Json::Num(n) => n.parse().map_err(|_| {
                        JsonError::new(concat!("invalid value: expected a ", stringify!($t)))
                    }),
                    other => Err(JsonError::expected(concat!("a ", stringify!($t)), other)),
                }
            }
        }
    )+};
}
unsigned!(u8, u16, u32, u64);

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Json {
        match self {
            Some(v) => v.to_json(),
            None => Json::Null,
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        match j {
            Json::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }

    fn missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: ToJson> ToJson for Box<T> {
    fn to_json(&self) -> Json {
        (**self).to_json()
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        T::from_json(j).map(Box::new)
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Json {
        Json::Arr(self.iter().map(ToJson::to_json).collect())
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let items = j
            .as_array()
            .ok_or_else(|| JsonError::expected("an array", j))?;
        items
            .iter()
            .enumerate()
            .map(|(i, v)| T::from_json(v).map_err(|e| e.within(&i.to_string())))
            .collect()
    }
}

impl ToJson for BTreeMap<String, String> {
    fn to_json(&self) -> Json {
        Json::Obj(
            self.iter()
                .map(|(k, v)| (k.clone(), Json::Str(v.clone())))
                .collect(),
        )
    }
}

impl FromJson for BTreeMap<String, String> {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        match j {
            Json::Obj(members) => members
                .iter()
                // A map key is the input's, not a field name: never quoted.
                .map(|(k, v)| {
                    Ok((
                        k.clone(),
                        String::from_json(v).map_err(|e| e.within("<key>"))?,
                    ))
                })
                .collect(),
            other => Err(JsonError::expected("an object", other)),
        }
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn to_json(&self) -> Json {
        Json::Arr(vec![self.0.to_json(), self.1.to_json()])
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        match j.as_array() {
            Some([a, b]) => Ok((A::from_json(a)?, B::from_json(b)?)),
            _ => Err(JsonError::expected("an array of two", j)),
        }
    }
}
