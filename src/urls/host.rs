//! The host of an http(s) URL, strictly: a registered name, a dotted-quad IPv4 address or a
//! bracketed IPv6 address, serialized as the WHATWG URL parser (`fetch`, the `url` crate)
//! serializes it. Anything that parser would read in a way we do not reproduce is refused.
//!
//! Refused although WHATWG accepts it: percent-encoded hosts, IPv4 in other than four
//! canonical decimal parts (`127.1`, `0x7f.0.0.1`, `0177.0.0.1`, `1.2.3.4.`), a host whose
//! last label starts with a digit but is not such an address, empty labels (`a..b`, a trailing
//! dot), characters other than letters, digits, `-`, `_` and `.` (`!`, `$`, `*`, `~`, …), and
//! non-ASCII characters outside [`idn_char`] — the ones where UTS #46 mapping is plain
//! lower-casing, so lower-case + punycode gives what a browser would ask for.

use super::punycode;
use std::net::Ipv6Addr;

/// The three full stops UTS #46 maps to `.` (besides `.` itself).
const IDEOGRAPHIC_DOTS: [char; 3] = ['\u{3002}', '\u{FF0E}', '\u{FF61}'];

/// Parses the host part of an authority (no userinfo, no port) into its serialization.
pub(super) fn parse(raw: &str) -> Option<String> {
    if let Some(inner) = raw.strip_prefix('[') {
        return ipv6(inner.strip_suffix(']')?);
    }
    let mut labels = Vec::new();
    for label in raw.split([
        '.',
        IDEOGRAPHIC_DOTS[0],
        IDEOGRAPHIC_DOTS[1],
        IDEOGRAPHIC_DOTS[2],
    ]) {
        labels.push(self::label(label)?);
    }
    let last = labels.last()?;
    if last.starts_with(|c: char| c.is_ascii_digit()) {
        // WHATWG reads a host ending in a number as IPv4 (with hex, octal and short forms):
        // only four canonical decimal parts are taken, the rest refused.
        let canonical = labels.len() == 4
            && labels
                .iter()
                .all(|l| l.parse::<u8>().is_ok_and(|n| n.to_string() == l.as_str()));
        if !canonical {
            return None;
        }
    }
    Some(labels.join("."))
}

/// One label, lower-cased, non-ASCII ones punycoded; `None` for an empty label, a character
/// we do not take, or an `xn--` label that is not exactly what we would have written.
fn label(raw: &str) -> Option<String> {
    if raw.is_empty() {
        return None;
    }
    if raw.is_ascii() {
        let l = raw.to_ascii_lowercase();
        if !l
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return None;
        }
        if let Some(code) = l.strip_prefix("xn--") {
            // A browser decodes and validates it (UTS #46 §4.1); take only labels our own
            // encoder would write from characters we take.
            let decoded = punycode::decode(code)?;
            let ours = decoded.chars().all(|c| c.is_ascii() || idn_char(c))
                && !decoded.is_ascii()
                && decoded.to_lowercase() == decoded;
            return (ours && punycode::encode(&decoded)? == code).then_some(l);
        }
        return Some(l);
    }
    let lower = raw.to_lowercase();
    let ok = lower.chars().all(|c| {
        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_' || idn_char(c)
    });
    if !ok || lower.starts_with("xn--") {
        return None;
    }
    Some(format!("xn--{}", punycode::encode(&lower)?))
}

/// Non-ASCII characters taken in host names: precomposed letters whose UTS #46 mapping is
/// their lower case (or themselves), that are valid, NFC and left-to-right — Latin-1 and
/// Latin Extended-A letters (not `ß`, `İ`, `Ĳ`, `ĳ`, `Ŀ`, `ŀ`, `ŉ`, `ſ`, which UTS #46 maps otherwise or
/// browsers disagreed on), Cyrillic `Ѐ`–`џ`, Hiragana, Katakana, CJK ideographs of Unicode 1.1
/// and Hangul syllables. Others (Greek, Arabic, full-width forms, marks, …) are refused, not
/// guessed at.
pub(super) fn idn_char(c: char) -> bool {
    matches!(c,
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' | '\u{E0}'..='\u{F6}' | '\u{F8}'..='\u{FF}'
        | '\u{100}'..='\u{17E}'
        | '\u{400}'..='\u{45F}'
        | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}'
        | '\u{4E00}'..='\u{9FA5}'
        | '\u{AC00}'..='\u{D7A3}')
        && !matches!(
            c,
            '\u{130}' | '\u{132}' | '\u{133}' | '\u{13F}' | '\u{140}' | '\u{149}'
        )
}

/// `[…]` contents: hex digits, `:` and `.` only, read by std's parser and written as WHATWG
/// does (lower-case, the first longest run of two or more zero pieces as `::`, never a
/// dotted IPv4 tail).
fn ipv6(inner: &str) -> Option<String> {
    if !inner
        .bytes()
        .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
    {
        return None;
    }
    let pieces = inner.parse::<Ipv6Addr>().ok()?.segments();
    // The first longest run of zero pieces, if at least two long.
    let (mut best, mut run) = (None::<(usize, usize)>, None::<(usize, usize)>);
    for (i, p) in pieces.iter().enumerate() {
        if *p == 0 {
            let r = run.map_or((i, 1), |(s, l)| (s, l + 1));
            run = Some(r);
            if r.1 >= 2 && best.is_none_or(|b| r.1 > b.1) {
                best = Some(r);
            }
        } else {
            run = None;
        }
    }
    let mut out = String::from("[");
    let mut i = 0;
    while i < 8 {
        if let Some((start, len)) = best.filter(|b| b.0 == i) {
            out.push_str(if start == 0 { "::" } else { ":" });
            i += len;
            continue;
        }
        out.push_str(&format!("{:x}", pieces[i]));
        if i < 7 {
            out.push(':');
        }
        i += 1;
    }
    out.push(']');
    Some(out)
}
