//! The reminder rule: which reminders are due now and when the next alarm should fire
//! (module docs of `crate::remember`).

use super::{
    days_left, expiry_text, RememberError, RememberedConnection, DEFAULT_DAYS_BEFORE,
    MAX_DAYS_BEFORE, MAX_REMINDERS,
};
use crate::i18n::Text;
use crate::targets::Target;
use crate::time::{rfc3339_utc, DAY_SECS};
use serde::{Deserialize, Serialize};

/// When to remind: the days before expiry, or never.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReminderSettings {
    #[serde(default = "yes")]
    pub enabled: bool,
    #[serde(default = "default_days")]
    pub days_before: Vec<u32>,
}

fn yes() -> bool {
    true
}

fn default_days() -> Vec<u32> {
    DEFAULT_DAYS_BEFORE.to_vec()
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            enabled: true,
            days_before: default_days(),
        }
    }
}

impl ReminderSettings {
    /// The settings with the days sorted, furthest first, each once; or what is wrong.
    pub fn validated(mut self) -> Result<ReminderSettings, RememberError> {
        if self.days_before.len() > MAX_REMINDERS
            || self
                .days_before
                .iter()
                .any(|d| !(1..=MAX_DAYS_BEFORE).contains(d))
        {
            return Err(RememberError::DaysBefore);
        }
        self.days_before.sort_unstable_by(|a, b| b.cmp(a));
        self.days_before.dedup();
        Ok(self)
    }
}

/// A reminder to show now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DueReminder {
    /// The connection's [`RememberedConnection::key`].
    pub key: String,
    pub origin: String,
    pub target: Target,
    /// The reminder's day: this many days before expiry.
    pub days_before: u32,
    /// Days left from `now`.
    pub days_left: i64,
    pub title: Text,
    pub message: Text,
}

/// What is due now and when to look again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    pub due: Vec<DueReminder>,
    /// The next reminder's time (RFC 3339, UTC), if any: the alarm to set.
    pub next_alarm: Option<String>,
}

/// The reminders due in `(since, now]` and the next one after `now` (module docs).
pub fn schedule(
    connections: &[RememberedConnection],
    now: i64,
    since: Option<i64>,
    settings: &ReminderSettings,
) -> Schedule {
    let mut due = Vec::new();
    let mut next: Option<i64> = None;
    if !settings.enabled {
        return Schedule {
            due,
            next_alarm: None,
        };
    }
    for c in connections {
        let Some(expires) = c.expires_at() else {
            continue;
        };
        let mut latest: Option<u32> = None;
        for &d in &settings.days_before {
            let at = expires - i64::from(d) * DAY_SECS;
            if at > now {
                next = Some(next.map_or(at, |n| n.min(at)));
            } else if since.is_none_or(|s| at > s) && now < expires {
                // Several passed since the last run: only the nearest to expiry is shown.
                latest = Some(latest.map_or(d, |l| l.min(d)));
            }
        }
        if let Some(d) = latest {
            due.push(reminder(c, d, now));
        }
    }
    Schedule {
        due,
        next_alarm: next.map(|t| rfc3339_utc(t.max(0).unsigned_abs())),
    }
}

fn reminder(c: &RememberedConnection, days_before: u32, now: i64) -> DueReminder {
    let date = c.expires_on.clone().unwrap_or_default();
    let days_left = days_left(&date, now).unwrap_or_default();
    let when = expiry_text(&date, Some(now));
    let name = c.name();
    let target = c.target.profile().name;
    DueReminder {
        key: c.key(),
        origin: c.origin.clone(),
        target: c.target,
        days_before,
        days_left,
        title: Text::new(
            format!("Jira token for {name}: {}", when.en),
            format!("Токен Jira для {name}: {}", when.ru),
        ),
        message: Text::new(
            format!(
                "The token {} uses at {} ({}) {}. Create a new one, put it into the integration and test it again.",
                c.login, c.origin, target.en, when.en
            ),
            format!(
                "Токен, который использует {} на {} ({}), {}. Создайте новый, укажите его в интеграции и проверьте снова.",
                c.login, c.origin, target.ru, when.ru
            ),
        ),
    }
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::remember::tests::{at, conn};

    #[test]
    fn reminders_fire_once_14_and_3_days_before_and_the_alarm_is_the_next_one() {
        let c = conn("2026-05-12");
        let s = ReminderSettings::default().validated().expect("valid");
        // 20 days before: nothing due, the alarm at the 14-day mark.
        let r = schedule(
            std::slice::from_ref(&c),
            at("2026-04-22T08:00:00Z"),
            None,
            &s,
        );
        assert!(r.due.is_empty());
        assert_eq!(r.next_alarm.as_deref(), Some("2026-04-28T00:00:00Z"));
        // The alarm fires: the 14-day reminder, the next alarm at 3 days.
        let r = schedule(
            std::slice::from_ref(&c),
            at("2026-04-28T00:00:05Z"),
            Some(at("2026-04-22T08:00:00Z")),
            &s,
        );
        assert_eq!(r.due.len(), 1);
        assert_eq!(r.due[0].days_before, 14);
        assert_eq!(r.due[0].days_left, 14);
        assert!(
            r.due[0].title.en.contains("ELMA365 production"),
            "{:?}",
            r.due[0].title
        );
        assert!(
            r.due[0].title.ru.contains("через 14 дней"),
            "{:?}",
            r.due[0].title
        );
        assert_eq!(r.next_alarm.as_deref(), Some("2026-05-09T00:00:00Z"));
        // Run again soon after: already shown, nothing due.
        let r = schedule(
            std::slice::from_ref(&c),
            at("2026-04-28T01:00:00Z"),
            Some(at("2026-04-28T00:00:05Z")),
            &s,
        );
        assert!(r.due.is_empty());
        // Browser closed through both: one reminder, the nearest.
        let r = schedule(
            std::slice::from_ref(&c),
            at("2026-05-10T12:00:00Z"),
            Some(at("2026-04-20T00:00:00Z")),
            &s,
        );
        assert_eq!(r.due.iter().map(|d| d.days_before).collect::<Vec<_>>(), [3]);
        // After expiry: nothing more, no alarm.
        let r = schedule(
            std::slice::from_ref(&c),
            at("2026-05-13T00:00:00Z"),
            Some(at("2026-05-10T12:00:00Z")),
            &s,
        );
        assert!(r.due.is_empty() && r.next_alarm.is_none());
        // Off.
        let off = ReminderSettings {
            enabled: false,
            ..s.clone()
        };
        assert_eq!(
            schedule(
                std::slice::from_ref(&c),
                at("2026-05-10T12:00:00Z"),
                None,
                &off
            )
            .due,
            []
        );
        // Changed: 30 days before.
        let thirty = ReminderSettings {
            enabled: true,
            days_before: vec![30],
        };
        let r = schedule(&[c], at("2026-04-01T00:00:00Z"), None, &thirty);
        assert_eq!(r.next_alarm.as_deref(), Some("2026-04-12T00:00:00Z"));
        assert_eq!(
            ReminderSettings {
                enabled: true,
                days_before: vec![0]
            }
            .validated(),
            Err(RememberError::DaysBefore)
        );
    }
}
