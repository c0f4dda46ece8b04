//! Error messages about a malformed command that name what was wrong and where, never a value
//! from the command: a `check` command carries the secret, and serde's messages quote what
//! they met (`invalid type: string "hunter2", expected …`, ``unknown variant `hunter2` ``).

/// The field path of a deserialization error, e.g. `input.keyMaterial[3]`. A segment that is
/// not a short identifier (a map key from the caller) is shown as `?`.
pub(super) fn path(p: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in p.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(if is_identifier(key) { key } else { "?" });
            }
            Segment::Unknown => out.push_str(".?"),
        }
    }
    if out.is_empty() {
        out.push_str("command");
    }
    out
}

/// serde's message without the value it quotes: `invalid type: string, expected u32`,
/// `unknown variant, expected one of …`. Messages that quote nothing from the input pass
/// unchanged; anything else is cut before its first quote.
pub(super) fn message(msg: &str) -> String {
    // serde-wasm-bindgen's errors are JS `Error`s, written `Error: …`.
    let msg = msg.strip_prefix("Error: ").unwrap_or(msg);
    // What serde says next is our own vocabulary (field and variant names, type names).
    let expected = |m: &str| {
        m.rfind(", expected ")
            .map(|i| m[i..].to_string())
            .unwrap_or_default()
    };
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            // `string "…"`, `integer `5``, `floating point `1.5``, `map`, `JsValue(…)`.
            let kind: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphabetic() || *c == ' ')
                .collect();
            return format!("{prefix}{}{}", kind.trim(), expected(rest));
        }
    }
    for prefix in ["unknown variant", "unknown field"] {
        if msg.starts_with(prefix) {
            return format!("{prefix}{}", expected(msg));
        }
    }
    // `missing field `login``, `duplicate field `x``: names from our own structs.
    if msg.starts_with("missing field `") || msg.starts_with("duplicate field `") {
        return msg.to_string();
    }
    match msg.find(['"', '`', '\'']) {
        Some(i) => format!("{}…", msg[..i].trim_end()),
        None => msg.to_string(),
    }
}

fn is_identifier(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::message;

    #[test]
    fn values_are_never_quoted() {
        for (serde_says, we_say) in [
            (
                r#"invalid type: string "hunter2", expected a sequence"#,
                "invalid type: string, expected a sequence",
            ),
            (
                "invalid value: integer `300`, expected u8",
                "invalid value: integer, expected u8",
            ),
            (
                r#"invalid type: JsValue("hunter2, expected x"), expected u32"#,
                "invalid type: JsValue, expected u32",
            ),
            (
                "unknown variant `hunter2`, expected one of `auto`, `pat`",
                "unknown variant, expected one of `auto`, `pat`",
            ),
            (
                "unknown variant `a`, expected `b`, expected `auto`",
                "unknown variant, expected `auto`",
            ),
            ("unknown field `hunter2`", "unknown field"),
            ("missing field `login`", "missing field `login`"),
            ("Error: missing field `login`", "missing field `login`"),
            (r#"something "hunter2" odd"#, "something…"),
            (
                "invalid length 3, expected 32 bytes",
                "invalid length 3, expected 32 bytes",
            ),
        ] {
            assert_eq!(message(serde_says), we_say);
        }
    }
}
