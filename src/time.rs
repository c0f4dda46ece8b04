//! Instants as the core reads and writes them (`rfc3339_utc`, for a caller with a clock but no
//! date library): RFC 3339 / ISO 8601 timestamps (`2026-12-03T22:35:14.728+00:00`,
//! `2025-06-02T10:15:30Z`) to Unix seconds. The core has no clock: "now" comes from the caller
//! (`CheckInput::now`), timestamps from Jira (the PAT list's `expiringAt`, facts §3.3).

/// Seconds in a day.
pub const DAY_SECS: i64 = 86_400;

/// Unix seconds of a calendar date `YYYY-MM-DD` at 00:00 UTC; `None` for anything else.
pub fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    (s.len() == 10)
        .then(|| parse_rfc3339(&format!("{s}T00:00:00Z")))
        .flatten()
}

/// Unix seconds of an RFC 3339 date-time (`YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM|±HHMM)`);
/// `None` for anything else. Fractions are dropped; years 1970–9999.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 20 || !s.is_ascii() {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let sep = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(sep(4, b'-') && sep(7, b'-') && (sep(10, b'T') || sep(10, b't') || sep(10, b' ')))
        || !(sep(13, b':') && sep(16, b':'))
    {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1970..=9999).contains(&year)
        || !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &frac[digits..];
    }
    let offset = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return None,
            };
            let digits: String = rest[1..].chars().filter(|c| *c != ':').collect();
            let colon_ok = rest.len() == 6 && rest.as_bytes().get(3) == Some(&b':')
                || rest.len() == 5 && digits.len() == 4;
            if digits.len() != 4 || !colon_ok || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let h: i64 = digits[..2].parse().ok()?;
            let m: i64 = digits[2..].parse().ok()?;
            if h > 23 || m > 59 {
                return None;
            }
            sign * (h * 3600 + m * 60)
        }
    };
    let days = days_from_civil(year, month, day);
    Some(days * DAY_SECS + hour * 3600 + minute * 60 + second.min(59) - offset)
}

/// The UTC calendar date (`YYYY-MM-DD`) of Unix seconds.
pub fn date_utc(unix_secs: i64) -> String {
    let full = crate::report::rfc3339_utc(u64::try_from(unix_secs).unwrap_or(0));
    full.chars().take(10).collect()
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (H. Hinnant's public-domain days-from-civil).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `unix_secs` as RFC 3339 UTC (`1970-01-01T00:00:00Z`), for callers that have a clock but no
/// date library (the CLI). Civil-from-days after H. Hinnant's public-domain algorithm.
pub fn rfc3339_utc(unix_secs: u64) -> String {
    let days = i64::try_from(unix_secs / 86_400).unwrap_or(0);
    let rem = unix_secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_jira_and_caller_timestamps() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_rfc3339("2025-01-31T09:30:00Z"), Some(1_738_315_800));
        assert_eq!(parse_rfc3339("2000-02-29T00:00:00.123Z"), Some(951_782_400));
        // The PAT list's form (tests/fixtures/real/dc-10.3.19-pat-list.json).
        assert_eq!(
            parse_rfc3339("2026-12-03T22:35:14.728+00:00"),
            parse_rfc3339("2026-12-03T22:35:14Z")
        );
        assert_eq!(
            parse_rfc3339("2025-01-31T12:30:00+03:00"),
            Some(1_738_315_800)
        );
        assert_eq!(
            parse_rfc3339("2025-01-31T12:30:00+0300"),
            Some(1_738_315_800)
        );
        assert_eq!(date_utc(1_738_315_800), "2025-01-31");
    }

    #[test]
    fn refuses_what_is_not_a_date_time() {
        for bad in [
            "",
            "2025-01-31",
            "2025-02-30T00:00:00Z",
            "2025-13-01T00:00:00Z",
            "2025-01-31T24:00:00Z",
            "2025-01-31T09:30:00",
            "2025-01-31T09:30:00+3",
            "1969-12-31T23:59:59Z",
            "２０２５-01-31T09:30:00Z",
            "2025-01-31T09:30:00.Z",
            "yesterday",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn rfc3339_known_dates() {
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339_utc(1_704_067_200), "2024-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(1_738_315_800), "2025-01-31T09:30:00Z");
        assert_eq!(rfc3339_utc(4_102_444_799), "2099-12-31T23:59:59Z");
        // Both directions agree.
        for secs in [0u64, 951_782_400, 1_738_315_800, 4_102_444_799] {
            assert_eq!(parse_rfc3339(&rfc3339_utc(secs)), i64::try_from(secs).ok());
        }
    }
}
