//! What a secret looks like: a Data Center personal access token, a Cloud API token, or a
//! password. Method "Automatic" reads the secret with it, so a password typed where a token was
//! expected goes as what it is (facts §3.1, §3.3).
//!
//! - A Data Center PAT is standard base64 of `<id>:<20 random bytes>`: 44 characters of
//!   `A–Z a–z 0–9 + /`, no padding (shape observed in issued tokens and used by secret
//!   scanners — trufflehog's Jira Data Center PAT detector; the simulator issues the same
//!   shape). Atlassian documents no format, so only the length and the alphabet are read.
//! - A Cloud API token starts `ATATT` and is long (≈190 characters of base64url, `=` and a
//!   hex check); tokens made before 2023 are 24 letters and digits. Atlassian says the length
//!   varies (facts §3.1), so anything `ATATT…` of 40 or more token characters counts.
//! - Anything else is a password.
//!
//! White space around the secret is ignored (pasted tokens often end in a line break); a token
//! wrapped by a line break inside is still read as that token — it is then refused as
//! `secret_not_a_token`, never sent as a password.

use serde::{Deserialize, Serialize};

/// Length of a Data Center personal access token.
pub const PAT_CHARS: usize = 44;
/// Length of a Cloud API token made before the `ATATT` format.
pub const LEGACY_API_TOKEN_CHARS: usize = 24;
/// Fewest characters of an `ATATT` Cloud API token.
pub const MIN_API_TOKEN_CHARS: usize = 40;

/// What a secret looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecretKind {
    /// Shaped like a Server/Data Center personal access token.
    Pat,
    /// Shaped like a Cloud API token.
    ApiToken,
    /// Neither: a password (or a token of no known shape).
    Password,
}

/// Reads `secret` (as typed or pasted) for its kind.
pub fn read(secret: &str) -> SecretKind {
    let trimmed = secret.trim();
    let compact: String = if trimmed.chars().any(char::is_whitespace) {
        trimmed.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        trimmed.to_string()
    };
    if is_pat_shaped(&compact) {
        SecretKind::Pat
    } else if is_api_token_shaped(&compact) {
        SecretKind::ApiToken
    } else {
        SecretKind::Password
    }
}

fn is_pat_shaped(s: &str) -> bool {
    s.len() == PAT_CHARS
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

fn is_api_token_shaped(s: &str) -> bool {
    let legacy = s.len() == LEGACY_API_TOKEN_CHARS && s.bytes().all(|b| b.is_ascii_alphanumeric());
    let current = s.starts_with("ATATT")
        && s.len() >= MIN_API_TOKEN_CHARS
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'=' | b'+' | b'/'));
    legacy || current
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAT: &str = "MDAwMDAwMDAwMTAxOmFkbWluLWNpMDAwMDAwMDAwMDAw";

    #[test]
    fn tokens_by_shape_and_everything_else_a_password() {
        assert_eq!(PAT.len(), PAT_CHARS);
        assert_eq!(read(PAT), SecretKind::Pat);
        // base64's own characters: + and / are in the PAT alphabet too.
        let plus_slash = "NjE4OTU0NzQ5NzQ0Ok+hsmYNQ1UzMzUzNjE4/TU0Nzk3";
        assert_eq!(plus_slash.len(), PAT_CHARS);
        assert_eq!(read(plus_slash), SecretKind::Pat);
        assert_eq!(read(&format!(" {PAT}\r\n")), SecretKind::Pat);
        // Wrapped by a paste: still the token it is.
        assert_eq!(
            read(&format!("{}\n{}", &PAT[..20], &PAT[20..])),
            SecretKind::Pat
        );
        let cloud = format!("ATATT3xFfGF0{}=C63992E6", "aB3-_x".repeat(25));
        assert_eq!(read(&cloud), SecretKind::ApiToken);
        assert_eq!(read("AbCdEfGhIjKlMnOpQrStUvWx"), SecretKind::ApiToken);
        for password in [
            "jdoe-pass",
            "пароль-Ёж-2024",
            "correct horse battery staple",
            "s3cret-token-value",
            // 44 characters, but '-' is no base64 character.
            "MDAwMDAwMDAwMTAxOmFkbWluLWNpMDAwMDAwMDAwM-Aw",
            // 43 and 45 characters of base64.
            &PAT[..43],
            &format!("{PAT}A"),
            "ATATT-short",
        ] {
            assert_eq!(read(password), SecretKind::Password, "{password}");
        }
    }
}
