//! The secret and how it goes on the wire. [`Secret`] never prints, never serializes and is
//! only turned into an `Authorization` header here.

use serde::{Deserialize, Serialize};

/// A token or password. `Debug` shows `<redacted>`; there is no `Serialize`.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }

    /// The secret without surrounding white space (pasted tokens often carry a newline).
    pub fn trimmed(&self) -> &str {
        self.0.trim()
    }

    pub fn is_empty(&self) -> bool {
        self.trimmed().is_empty()
    }

    /// Could this be a token? Cloud API tokens and personal access tokens are printable ASCII
    /// without spaces (base64 / base64url and a few separators); a secret with any other
    /// character — Cyrillic, an emoji, an inner space or line break — is a password, and could
    /// not even go into a `Bearer` header (header values are Latin-1 in `fetch`).
    pub fn could_be_token(&self) -> bool {
        self.trimmed().chars().all(|c| c.is_ascii_graphic())
    }

    /// What surrounded the secret as pasted, when anything did: `(English, Russian)` names of
    /// the kinds of white space removed for the test (`secret_whitespace`).
    pub fn surrounding_whitespace(&self) -> Option<(String, String)> {
        let t = self.trimmed();
        if t.len() == self.0.len() {
            return None;
        }
        let around: String = self.0.replacen(t, "", 1);
        let mut en = Vec::new();
        let mut ru = Vec::new();
        if around.chars().any(|c| c == '\n' || c == '\r') {
            en.push("line breaks");
            ru.push("переводы строк");
        }
        if around.chars().any(|c| c == '\t') {
            en.push("tabs");
            ru.push("табуляции");
        }
        if around
            .chars()
            .any(|c| c.is_whitespace() && !matches!(c, '\n' | '\r' | '\t'))
        {
            en.push("spaces");
            ru.push("пробелы");
        }
        Some((en.join(" and "), ru.join(" и ")))
    }

    /// Forms in which the secret could leak into text, for leak checks: the secret itself and
    /// its Basic encodings with `login`.
    pub fn leak_forms(&self, login: &str) -> Vec<String> {
        let s = self.trimmed().to_string();
        if s.is_empty() {
            return vec![];
        }
        vec![
            base64(format!("{}:{}", login.trim(), s).as_bytes()),
            base64(s.as_bytes()),
            s,
        ]
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// How the credential is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    /// `Authorization: Basic base64(login:secret)`.
    Basic,
    /// `Authorization: Bearer secret`.
    Bearer,
}

impl Scheme {
    /// The `Authorization` header value.
    pub fn header(self, login: &str, secret: &Secret) -> String {
        match self {
            Scheme::Basic => {
                let pair = format!("{}:{}", login.trim(), secret.trimmed());
                format!("Basic {}", base64(pair.as_bytes()))
            }
            Scheme::Bearer => format!("Bearer {}", secret.trimmed()),
        }
    }
}

/// Standard base64 with padding (RFC 4648 §4), as HTTP Basic uses.
pub fn base64(input: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_redaction() {
        let s = Secret::new(" tok3n\n");
        assert_eq!(Scheme::Bearer.header("x", &s), "Bearer tok3n");
        assert_eq!(
            Scheme::Basic.header("ann", &s),
            format!("Basic {}", base64(b"ann:tok3n"))
        );
        assert_eq!(format!("{s:?}"), "Secret(<redacted>)");
        assert!(s.leak_forms("ann").contains(&base64(b"ann:tok3n")));
    }

    #[test]
    fn basic_is_utf8_and_only_tokens_look_like_tokens() {
        // RFC 7617 §2.1: Basic credentials are UTF-8, then base64.
        let s = Secret::new("пароль Ёж 🔑");
        assert_eq!(
            Scheme::Basic.header("иван", &s),
            format!("Basic {}", base64("иван:пароль Ёж 🔑".as_bytes()))
        );
        assert!(!s.could_be_token());
        assert!(!Secret::new("a b").could_be_token());
        assert!(!Secret::new("ab\ncd").could_be_token());
        assert!(Secret::new(" ATATT3xFfGF0-abc_DEF=12+/ \n").could_be_token());
        assert_eq!(Secret::new("tok").surrounding_whitespace(), None);
        let (en, ru) = Secret::new(" tok\r\n")
            .surrounding_whitespace()
            .unwrap_or_default();
        assert_eq!(
            (en.as_str(), ru.as_str()),
            ("line breaks and spaces", "переводы строк и пробелы")
        );
    }
}
