//! The commands for remembered connections and their reminders (issue 19 items 1–2; the rules
//! are `crate::remember`'s): the extension stores what `remember_connection` answers in
//! `storage.local`, lists them with `remembered_list`, and after each alarm asks `reminders`
//! which notifications to show and when to set the next alarm. No request is made.

use super::CommandError;
use crate::i18n::Text;
use crate::remember::{
    self, expiry_text, RememberedConnection, ReminderSettings, Schedule, MAX_CONNECTIONS,
};
use serde::{Deserialize, Serialize};

/// The payload of the three commands, read by one serde derive (each command's payload type
/// is a deserializer of its own in the wasm): `remember_connection` takes `connection` — a
/// connection to remember, after a test that worked, with the user's consent;
/// `remembered_list` takes `connections` and `now` — the wizard's list, each with its days
/// left; `reminders` takes `connections`, `now`, `since` (the previous run, RFC 3339; none =
/// every passed reminder is due once) and `settings` — what is due now and the next alarm.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Remember {
    #[serde(default)]
    pub connection: Option<RememberedConnection>,
    #[serde(default)]
    pub connections: Vec<RememberedConnection>,
    /// The caller's clock, RFC 3339.
    #[serde(default)]
    pub now: Option<String>,
    #[serde(default)]
    pub since: Option<String>,
    #[serde(default)]
    pub settings: ReminderSettings,
}

/// A remembered connection as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionView {
    /// [`RememberedConnection::key`]: a newer one with the same key replaces it; "forget" names it.
    pub key: String,
    pub connection: RememberedConnection,
    pub days_left: Option<i64>,
    /// "expires on … (in N days)", when the date is known.
    pub expiry: Option<Text>,
}

/// What these commands answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RememberAnswer {
    Connection(RememberedConnection),
    List(Vec<ConnectionView>),
    Schedule(Schedule),
}

fn bad(e: remember::RememberError) -> CommandError {
    CommandError::Malformed(e.to_string())
}

fn time(field: &str, value: Option<&str>) -> Result<i64, CommandError> {
    let value = value.ok_or_else(|| CommandError::Malformed(format!("{field}: missing")))?;
    (value.len() <= 64)
        .then(|| crate::time::parse_rfc3339(value))
        .flatten()
        .ok_or_else(|| CommandError::Malformed(format!("{field}: not an RFC 3339 date-time")))
}

fn all_valid(list: Vec<RememberedConnection>) -> Result<Vec<RememberedConnection>, CommandError> {
    if list.len() > MAX_CONNECTIONS {
        return Err(bad(remember::RememberError::TooMany));
    }
    list.into_iter()
        .enumerate()
        .map(|(i, c)| {
            c.validated()
                .map_err(|e| CommandError::Malformed(format!("connections[{i}].{e}")))
        })
        .collect()
}

pub(super) fn connection(c: Remember) -> Result<RememberAnswer, CommandError> {
    c.connection
        .ok_or_else(|| CommandError::Malformed("connection: missing".into()))?
        .validated()
        .map(RememberAnswer::Connection)
        .map_err(|e| CommandError::Malformed(format!("connection.{e}")))
}

pub(super) fn list(c: Remember) -> Result<RememberAnswer, CommandError> {
    let now = time("now", c.now.as_deref())?;
    Ok(RememberAnswer::List(
        all_valid(c.connections)?
            .into_iter()
            .map(|connection| {
                let date = connection.expires_on.clone();
                ConnectionView {
                    key: connection.key(),
                    days_left: date.as_deref().and_then(|d| remember::days_left(d, now)),
                    expiry: date.as_deref().map(|d| expiry_text(d, Some(now))),
                    connection,
                }
            })
            .collect(),
    ))
}

pub(super) fn reminders(c: Remember) -> Result<RememberAnswer, CommandError> {
    let now = time("now", c.now.as_deref())?;
    let since = c
        .since
        .as_deref()
        .map(|s| time("since", Some(s)))
        .transpose()?;
    let settings = c
        .settings
        .validated()
        .map_err(|e| CommandError::Malformed(format!("settings.{e}")))?;
    let connections = all_valid(c.connections)?;
    Ok(RememberAnswer::Schedule(remember::schedule(
        &connections,
        now,
        since,
        &settings,
    )))
}
