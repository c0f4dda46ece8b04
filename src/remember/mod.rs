//! A connection the wizard remembers after a test that worked (issue 19 items 1–2), and the
//! reminders before its token expires — pure data and rules, no storage and no clock (the
//! extension keeps the list in `storage.local` and sets the alarm; `now` comes from the caller).
//!
//! - [`RememberedConnection`]: the Jira origin, the login, the target, a label and the expiry
//!   date — never the secret, nothing about Jira's answer. Unknown fields are refused, so a
//!   caller cannot slip a secret into what is stored. [`RememberedConnection::validated`] is the
//!   one check.
//! - [`expiry_text`]: "expires on 2026-05-12 (in 29 days)" in English and Russian, for the
//!   snippet, the report and the wizard's list; [`days_text`] its "(in N days)" part.
//! - [`schedule`]: which reminders are due now and when the next alarm should fire, from the
//!   connections, `now` and the [`ReminderSettings`] (14 and 3 days before by default,
//!   changeable, or off). A reminder fires at 00:00 UTC of its day; each fires once — the
//!   caller passes the time of its previous run (`since`), and only a reminder whose time falls
//!   after it and not after `now` is due, at most one (the latest) per connection.

use crate::i18n::{l, Text};
use crate::targets::Target;
use crate::time::{date_utc, parse_date, DAY_SECS};
use crate::urls;
use serde::{Deserialize, Serialize};

/// Longest label kept, in characters.
pub const MAX_LABEL_CHARS: usize = 80;
/// Most connections a list may hold.
pub const MAX_CONNECTIONS: usize = 200;
/// The default reminder days before expiry.
pub const DEFAULT_DAYS_BEFORE: [u32; 2] = [14, 3];
/// Most reminder days, and the furthest one.
pub const MAX_REMINDERS: usize = 8;
pub const MAX_DAYS_BEFORE: u32 = 365;

/// A connection the user chose to remember. Holds no secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RememberedConnection {
    /// The Jira's origin (`https://jira.example.com`), as the URL parser serializes it.
    pub origin: String,
    /// The login tested (e-mail on Cloud, username on Data Center; may be empty for a PAT).
    #[serde(default)]
    pub login: String,
    #[serde(default)]
    pub target: Target,
    /// The user's name for it ("ELMA365 production"); empty = the origin.
    #[serde(default)]
    pub label: String,
    /// The token's expiry date, `YYYY-MM-DD`, when known.
    #[serde(default)]
    pub expires_on: Option<String>,
}

/// What is wrong with a connection or the settings: the field, never its value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RememberError {
    #[error("origin: not an http(s) address")]
    Origin,
    #[error(
        "login: longer than {} characters",
        crate::probe::limits::MAX_LOGIN_CHARS
    )]
    Login,
    #[error("label: longer than {MAX_LABEL_CHARS} characters, or a control character")]
    Label,
    #[error("expiresOn: not a date such as 2026-05-12")]
    ExpiresOn,
    #[error("connections: more than {MAX_CONNECTIONS}")]
    TooMany,
    #[error("daysBefore: at most {MAX_REMINDERS} days, each 1 to {MAX_DAYS_BEFORE}")]
    DaysBefore,
}

impl RememberedConnection {
    /// The connection tidied (trimmed, the origin reduced to its origin, the date normalized)
    /// or the field that is wrong.
    pub fn validated(mut self) -> Result<RememberedConnection, RememberError> {
        let url = urls::parse_http(self.origin.trim()).ok_or(RememberError::Origin)?;
        self.origin = urls::origin(&url);
        self.login = self.login.trim().to_string();
        if self.login.chars().count() > crate::probe::limits::MAX_LOGIN_CHARS {
            return Err(RememberError::Login);
        }
        self.label = self.label.trim().to_string();
        if self.label.chars().count() > MAX_LABEL_CHARS || self.label.chars().any(char::is_control)
        {
            return Err(RememberError::Label);
        }
        self.expires_on = match self.expires_on.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(d) => Some(date_utc(parse_date(d).ok_or(RememberError::ExpiresOn)?)),
        };
        Ok(self)
    }

    /// What identifies it in a list: a newer one with the same key replaces it.
    pub fn key(&self) -> String {
        format!("{} {} {}", self.origin, self.login, self.target.as_str())
    }

    /// The label, or the origin when there is none.
    pub fn name(&self) -> &str {
        if self.label.is_empty() {
            &self.origin
        } else {
            &self.label
        }
    }

    fn expires_at(&self) -> Option<i64> {
        self.expires_on.as_deref().and_then(parse_date)
    }
}

/// Whole days from `now` to the 00:00 UTC that starts `date` (`YYYY-MM-DD`); negative once
/// it has passed.
pub fn days_left(date: &str, now: i64) -> Option<i64> {
    let at = parse_date(date)?;
    Some((at - now).div_euclid(DAY_SECS) + i64::from((at - now).rem_euclid(DAY_SECS) != 0))
}

/// "in 29 days" / "today" / "3 days ago", in both languages (Russian plural forms).
pub fn days_text(days: i64) -> Text {
    let n = days.unsigned_abs();
    let ru_days = match (n % 10, n % 100) {
        (1, m) if m != 11 => "день",
        (2..=4, m) if !(12..=14).contains(&m) => "дня",
        _ => "дней",
    };
    let en_days = if n == 1 { "day" } else { "days" };
    match days {
        0 => l("today", "сегодня").text(),
        d if d > 0 => Text::new(format!("in {n} {en_days}"), format!("через {n} {ru_days}")),
        _ => Text::new(format!("{n} {en_days} ago"), format!("{n} {ru_days} назад")),
    }
}

/// "expires on 2026-05-12 (in 29 days)" — or "expired on … (3 days ago)" once passed; without
/// a `now`, the date alone.
pub fn expiry_text(date: &str, now: Option<i64>) -> Text {
    expiry_in_days(date, now.and_then(|now| days_left(date, now)))
}

/// [`expiry_text`] with the days left already known (a Data Center PAT's, from `expiringAt`).
pub fn expiry_in_days(date: &str, days: Option<i64>) -> Text {
    match days {
        Some(d) if d < 0 => {
            let ago = days_text(d);
            l("expired on {date} ({ago})", "истёк {date} ({ago})").fill2(date, &ago)
        }
        Some(d) => {
            let when = days_text(d);
            l("expires on {date} ({ago})", "истекает {date} ({ago})").fill2(date, &when)
        }
        None => l("expires on {date}", "истекает {date}").fill(&[("date", date)]),
    }
}

impl crate::i18n::L10n {
    /// `{date}` and a bilingual `{ago}`.
    fn fill2(&self, date: &str, ago: &Text) -> Text {
        Text::new(
            self.en.replace("{date}", date).replace("{ago}", &ago.en),
            self.ru.replace("{date}", date).replace("{ago}", &ago.ru),
        )
    }
}

mod schedule;
pub use schedule::{schedule, DueReminder, ReminderSettings, Schedule};

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
pub(crate) mod tests {
    use super::*;

    pub(super) fn conn(expires: &str) -> RememberedConnection {
        RememberedConnection {
            origin: "https://jira.example.com/".into(),
            login: "svc".into(),
            target: Target::Elma365,
            label: "ELMA365 production".into(),
            expires_on: Some(expires.into()),
        }
        .validated()
        .expect("valid")
    }

    pub(super) fn at(s: &str) -> i64 {
        crate::time::parse_rfc3339(s).expect("time")
    }

    #[test]
    fn days_and_texts_in_both_languages() {
        let now = at("2026-04-13T10:00:00Z");
        assert_eq!(days_left("2026-05-12", now), Some(29));
        assert_eq!(days_left("2026-04-13", now), Some(0));
        assert_eq!(days_left("2026-04-10", now), Some(-3));
        let t = expiry_text("2026-05-12", Some(now));
        assert_eq!(t.en, "expires on 2026-05-12 (in 29 days)");
        assert_eq!(t.ru, "истекает 2026-05-12 (через 29 дней)");
        assert_eq!(days_text(1).ru, "через 1 день");
        assert_eq!(days_text(3).ru, "через 3 дня");
        assert_eq!(days_text(11).ru, "через 11 дней");
        assert_eq!(days_text(-21).ru, "21 день назад");
        assert_eq!(
            expiry_text("2026-04-10", Some(now)).en,
            "expired on 2026-04-10 (3 days ago)"
        );
        assert_eq!(expiry_text("2026-04-10", None).en, "expires on 2026-04-10");
    }

    #[test]
    fn validation_names_the_field_and_refuses_a_secret_field() {
        let c = conn("2026-5-1".replace("5-1", "05-01").as_str());
        assert_eq!(c.origin, "https://jira.example.com");
        assert_eq!(c.expires_on.as_deref(), Some("2026-05-01"));
        let bad = RememberedConnection {
            expires_on: Some("May 1".into()),
            ..c.clone()
        };
        assert_eq!(bad.validated(), Err(RememberError::ExpiresOn));
        let bad = RememberedConnection {
            origin: "javascript:alert(1)".into(),
            ..c.clone()
        };
        assert_eq!(bad.validated(), Err(RememberError::Origin));
        let with_secret = serde_json::json!({"origin": "https://a.example", "secret": "x"});
        assert!(serde_json::from_value::<RememberedConnection>(with_secret).is_err());
    }
}
