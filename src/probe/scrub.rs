//! Takes every echo of the secret out of a [`CheckResult`]: a hostile or broken server may
//! repeat the credential in a header (`X-AUSERNAME`, `Location`) or a body field, and nothing
//! the server said may carry it into a report, the popup or the CLI's JSON.
//!
//! Written once for every type: the result is serialized through [`Scrubbing`] — a serde
//! serializer in front of serde_json's value serializer that replaces the secret's forms in
//! every string — and read back by its own derive. Enum values are written with
//! `serialize_unit_variant`, not as strings, so they keep their meaning even when the secret
//! is spelled like one (`basic`); map keys are the core's own names (header names, snippet
//! field keys) and are left alone. A field added to any type of the result is scrubbed without
//! a line here.

use super::{CheckResult, Secret, Verdict};
use crate::deployment::Deployment;
use serde::ser::{self, Serialize, Serializer};

/// What replaces a secret form (in results, and in everything the CLI prints).
pub const REDACTED: &str = "[redacted]";

/// Shortest secret form replaced inside a text: shorter ones occur in ordinary text by chance
/// ("a", "ok"). A shorter secret is still replaced where a whole value is the secret (a
/// display name, a header value, an error message Jira echoed it as).
const MIN_REDACTED_CHARS: usize = 4;

/// Replaces every form in which the secret could leak — the secret, its base64 and the base64
/// of `login:secret` ([`Secret::leak_forms`]) — with [`REDACTED`]. The scrub below applies it
/// to every text of a result; the CLI to everything it prints, as a last line of defence.
pub struct Redactor {
    /// Longest first, so a form containing another is replaced whole.
    forms: Vec<String>,
    /// A secret shorter than [`MIN_REDACTED_CHARS`]: replaced only as a whole value.
    whole: Option<String>,
}

impl Redactor {
    pub fn new(secret: &Secret, login: &str) -> Redactor {
        let mut forms: Vec<String> = secret
            .leak_forms(login)
            .into_iter()
            .filter(|f| f.chars().count() >= MIN_REDACTED_CHARS)
            .collect();
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        let short = secret.trimmed();
        let whole = (!short.is_empty() && short.chars().count() < MIN_REDACTED_CHARS)
            .then(|| short.to_string());
        Redactor { forms, whole }
    }

    /// This redactor and every form of `other` too (an access token a test obtained).
    pub fn with(mut self, other: &Secret) -> Redactor {
        self.forms.extend(
            other
                .leak_forms("")
                .into_iter()
                .filter(|f| f.chars().count() >= MIN_REDACTED_CHARS),
        );
        self.forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        self.forms.dedup();
        self
    }

    /// `text` with every form of at least [`MIN_REDACTED_CHARS`] replaced (the CLI's last line
    /// of defence over everything it prints).
    pub fn apply(&self, text: &str) -> String {
        self.forms
            .iter()
            .fold(text.to_string(), |acc, f| acc.replace(f.as_str(), REDACTED))
    }

    /// One value of a result: [`Redactor::apply`], and [`REDACTED`] for a value that is a
    /// short secret as a whole (surrounding white space aside).
    pub fn apply_value(&self, value: &str) -> String {
        match &self.whole {
            Some(w) if value.trim() == w => REDACTED.to_string(),
            _ => self.apply(value),
        }
    }

    fn is_empty(&self) -> bool {
        self.forms.is_empty() && self.whole.is_none()
    }
}

/// `result` with every form of the secret replaced by [`REDACTED`] in its text.
pub(super) fn scrub(result: CheckResult, forms: &Redactor) -> CheckResult {
    if forms.is_empty() {
        return result;
    }
    let scrubbed = Scrubbed(&result, forms)
        .serialize(serde_json::value::Serializer)
        .and_then(serde_json::from_value::<CheckResult>);
    match scrubbed {
        Ok(clean) => clean,
        // Unreachable while every type of the result reads back what it writes (the tests
        // scrub results of every verdict). Should it happen, nothing the server said stays:
        // the verdict's bare texts, the target and the method.
        Err(_) => {
            let notice = result.verdict.code.notice(&[]);
            CheckResult {
                deployment: Deployment {
                    edition: result.deployment.edition,
                    ..Deployment::bare(result.deployment.product, result.deployment.hosting)
                },
                verdict: Verdict {
                    title: notice.title,
                    cause: notice.cause,
                    fix: notice.fix,
                    ..result.verdict
                },
                user: None,
                permissions: None,
                projects: Vec::new(),
                snippet: None,
                login_url: None,
                warnings: Vec::new(),
                requests: Vec::new(),
                ..result
            }
        }
    }
}

/// A value serialized with its strings scrubbed.
struct Scrubbed<'a, T: ?Sized>(&'a T, &'a Redactor);

impl<T: Serialize + ?Sized> Serialize for Scrubbed<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(Scrubbing(serializer, self.1))
    }
}

/// The serializer in front of another: strings scrubbed, everything else passed through.
struct Scrubbing<'a, S>(S, &'a Redactor);

/// A compound (sequence, map, struct, …) whose elements are scrubbed as they pass.
struct Compound<'a, C>(C, &'a Redactor);

macro_rules! pass {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $method(self, $($arg: $ty),*) -> Result<S::Ok, S::Error> {
            self.0.$method($($arg),*)
        }
    )*};
}

impl<'a, S: Serializer> Serializer for Scrubbing<'a, S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Compound<'a, S::SerializeSeq>;
    type SerializeTuple = Compound<'a, S::SerializeTuple>;
    type SerializeTupleStruct = Compound<'a, S::SerializeTupleStruct>;
    type SerializeTupleVariant = Compound<'a, S::SerializeTupleVariant>;
    type SerializeMap = Compound<'a, S::SerializeMap>;
    type SerializeStruct = Compound<'a, S::SerializeStruct>;
    type SerializeStructVariant = Compound<'a, S::SerializeStructVariant>;

    pass! {
        serialize_bool(v: bool);
        serialize_i8(v: i8);
        serialize_i16(v: i16);
        serialize_i32(v: i32);
        serialize_i64(v: i64);
        serialize_u8(v: u8);
        serialize_u16(v: u16);
        serialize_u32(v: u32);
        serialize_u64(v: u64);
        serialize_f32(v: f32);
        serialize_f64(v: f64);
        serialize_char(v: char);
        serialize_bytes(v: &[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(name: &'static str);
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str);
    }

    fn serialize_str(self, v: &str) -> Result<S::Ok, S::Error> {
        self.0.serialize_str(&self.1.apply_value(v))
    }

    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_some(&Scrubbed(v, self.1))
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, &Scrubbed(v, self.1))
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0
            .serialize_newtype_variant(name, index, variant, &Scrubbed(v, self.1))
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        Ok(Compound(self.0.serialize_seq(len)?, self.1))
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        Ok(Compound(self.0.serialize_tuple(len)?, self.1))
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        Ok(Compound(self.0.serialize_tuple_struct(name, len)?, self.1))
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        let inner = self.0.serialize_tuple_variant(name, index, variant, len)?;
        Ok(Compound(inner, self.1))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        Ok(Compound(self.0.serialize_map(len)?, self.1))
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        Ok(Compound(self.0.serialize_struct(name, len)?, self.1))
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        let inner = self.0.serialize_struct_variant(name, index, variant, len)?;
        Ok(Compound(inner, self.1))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! elements {
    ($($trait:ident { $element:ident } )*) => {$(
        impl<C: ser::$trait> ser::$trait for Compound<'_, C> {
            type Ok = C::Ok;
            type Error = C::Error;

            fn $element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), C::Error> {
                self.0.$element(&Scrubbed(v, self.1))
            }

            fn end(self) -> Result<C::Ok, C::Error> {
                self.0.end()
            }
        }
    )*};
}

elements! {
    SerializeSeq { serialize_element }
    SerializeTuple { serialize_element }
    SerializeTupleStruct { serialize_field }
    SerializeTupleVariant { serialize_field }
}

macro_rules! fields {
    ($($trait:ident)*) => {$(
        impl<C: ser::$trait> ser::$trait for Compound<'_, C> {
            type Ok = C::Ok;
            type Error = C::Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                v: &T,
            ) -> Result<(), C::Error> {
                self.0.serialize_field(key, &Scrubbed(v, self.1))
            }

            fn skip_field(&mut self, key: &'static str) -> Result<(), C::Error> {
                self.0.skip_field(key)
            }

            fn end(self) -> Result<C::Ok, C::Error> {
                self.0.end()
            }
        }
    )*};
}

fields! { SerializeStruct SerializeStructVariant }

impl<C: ser::SerializeMap> ser::SerializeMap for Compound<'_, C> {
    type Ok = C::Ok;
    type Error = C::Error;

    /// Keys are the core's own names (header names, snippet field keys): not scrubbed.
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), C::Error> {
        self.0.serialize_key(key)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), C::Error> {
        self.0.serialize_value(&Scrubbed(v, self.1))
    }

    fn end(self) -> Result<C::Ok, C::Error> {
        self.0.end()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::probe::base64;

    #[test]
    fn the_redactor_removes_every_leak_form() {
        let r = Redactor::new(&Secret::new("s3cret-token"), "jdoe");
        let basic = base64(b"jdoe:s3cret-token");
        let text = format!("a s3cret-token b {basic} c {}", base64(b"s3cret-token"));
        let out = r.apply(&text);
        assert!(!out.contains("s3cret"), "{out}");
        assert!(!out.contains(&basic), "{out}");
        assert_eq!(out.matches(REDACTED).count(), 3);
        // Too short to redact without garbling ordinary text.
        assert_eq!(Redactor::new(&Secret::new("abc"), "").apply("abc"), "abc");
    }
}
