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
}
