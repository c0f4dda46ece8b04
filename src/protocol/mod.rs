//! The commands the extension's service worker hands to the wasm core (the message names and
//! JSDoc shapes live in `extension/protocol.js`; the validation lives here, once): objects like
//! `{ "type": "detect_page", … }` read by their serde derives ([`Command::read`]), errors
//! redacted ([`redact`]). A command turns into a [`Job`]: the flow a transport drives.
//! [`shell`] is what the extension's UI reads from the core instead of re-typing it.

mod detected;
mod redact;
pub mod remember;
pub mod shell;

use crate::detect::{DetectError, DetectOptions};
use crate::flow::{Flow, NotItsRecord};
use crate::http::{Exchange, HttpRequest};
use crate::page::PageSnapshot;
use crate::pat::{CreateError, CreateFlow, CreateInput, CreateResult, TabRequest};
use crate::probe::{CheckError, CheckInput, CheckResult, ProbeFlow};
use crate::report::{self, CheckItem, Meta, Rendered, Subject};
use serde::{Deserialize, Deserializer, Serialize};

pub use detected::{DetectCommand, DetectJob, DetectOutput, Detected};

/// A command for the core, e.g. `{"type": "detect_page", "snapshot": …, "options": …}` (the
/// shapes `extension/protocol.js` builds): the `type` names the variant, the other fields are
/// its payload. Read with [`Command::read`]. A `Check` holds the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    DetectPage(DetectPage),
    DetectUrl(DetectUrl),
    Check(Check),
    PlanPat(PlanPat),
    InterpretPat(InterpretPat),
    ReadReport(ReadReport),
    RememberConnection(remember::Remember),
    RememberedList(remember::Remember),
    Reminders(remember::Remember),
}

/// Detect what the tab shows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DetectPage {
    pub snapshot: PageSnapshot,
    #[serde(default)]
    pub options: DetectOptions,
}

/// Detect what a typed URL points to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DetectUrl {
    pub url: String,
    #[serde(default)]
    pub options: DetectOptions,
}

/// Test a credential against a deployment detected before, named by what its detection was
/// made from ([`Detected`]: the core makes it again). `meta` is what only the caller knows of
/// the report the core builds with the result (version, browser, time): the result's report
/// comes with it, so the core's output never travels back to it for a report.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Check {
    pub detected: Box<Detected>,
    pub input: CheckInput,
    pub meta: Meta,
}

/// Plan the one-click personal access token's POST (Server/DC ≥ 8.14) for the Jira tab to
/// send with the user's session ([`crate::pat::TabRequest`]). No request is made.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PlanPat {
    pub detected: Box<Detected>,
    pub input: CreateInput,
}

/// Classify what the Jira tab got for the planned POST ([`PlanPat`] with the same detection
/// and input): `answer` is the tab's [`Exchange`]; its body may hold the new token.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct InterpretPat {
    pub detected: Box<Detected>,
    pub input: CreateInput,
    pub answer: Exchange,
}

/// Read a pasted report — its JSON, or the whole Markdown report; one, or a browser's and the
/// integration server's — validate it and lay it out ([`report::ReadReport`]): the helpdesk
/// page shows the views as they are, or the reason, in both languages, why the paste is no
/// report. No request is made.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct ReadReport {
    pub text: String,
}

/// The `type` of a command.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    DetectPage,
    DetectUrl,
    Check,
    PlanPat,
    InterpretPat,
    ReadReport,
    RememberConnection,
    RememberedList,
    Reminders,
}

#[derive(Deserialize)]
struct Tag {
    #[serde(rename = "type")]
    kind: Kind,
}

/// The flow a command stands for.
#[derive(Debug)]
pub enum Job {
    /// Yields a [`crate::detect::Detection`] and the answers it was made from.
    Detect(Box<DetectJob>),
    /// Yields a [`CheckResult`] with its checklist and report ([`CheckOutput`]).
    Check(Box<CheckJob>),
    /// Already done: the PAT creation's request, for the Jira tab to send.
    PatPlan(Box<TabRequest>),
    /// Already done: what the tab's answer means.
    PatResult(Box<CreateResult>),
    /// Already done: a pasted report laid out.
    ReadReport(Box<report::ReadReport>),
    /// Already done: a remembered connection validated, the list, or the reminders due.
    Remember(Box<remember::RememberAnswer>),
}

/// Why a command cannot start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    /// Not a command of the protocol: which field, and what was wrong — never a value (a
    /// `check` carries the secret).
    #[error("malformed command: {0}")]
    Malformed(String),
    #[error(transparent)]
    Detect(#[from] DetectError),
    #[error(transparent)]
    Check(#[from] CheckError),
    #[error(transparent)]
    CreatePat(#[from] CreateError),
    /// The answers a `check` or PAT command handed back are not its detection's.
    #[error(transparent)]
    Replay(#[from] NotItsRecord),
}

impl Command {
    /// Reads a command from any serde data format (a JS value in the wasm, JSON text in the
    /// tests): `input` gives the same data twice, once for the `type` and once for the payload
    /// (so an error can name the field path: serde's internally tagged enums buffer the
    /// payload and lose it). The error names the path and what was expected, never a value.
    pub fn read<'de, D: Deserializer<'de>>(input: impl Fn() -> D) -> Result<Command, CommandError> {
        Ok(match tracked::<Tag, _>(input())?.kind {
            Kind::DetectPage => Command::DetectPage(tracked(input())?),
            Kind::DetectUrl => Command::DetectUrl(tracked(input())?),
            Kind::Check => Command::Check(tracked(input())?),
            Kind::PlanPat => Command::PlanPat(tracked(input())?),
            Kind::InterpretPat => Command::InterpretPat(tracked(input())?),
            Kind::ReadReport => Command::ReadReport(tracked(input())?),
            // One payload type for the three: one deserializer in the wasm.
            Kind::RememberConnection => Command::RememberConnection(tracked(input())?),
            Kind::RememberedList => {
                Command::RememberedList(tracked::<remember::Remember, _>(input())?)
            }
            Kind::Reminders => Command::Reminders(tracked::<remember::Remember, _>(input())?),
        })
    }

    /// [`Command::read`] over JSON text.
    pub fn from_json(text: &str) -> Result<Command, CommandError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            CommandError::Malformed(format!("not JSON: {}", redact::message(&e.to_string())))
        })?;
        Command::read(|| value.clone())
    }

    /// The flow to drive for this command.
    pub fn into_job(self) -> Result<Job, CommandError> {
        Ok(match self {
            Command::DetectPage(c) => Job::Detect(Box::new(DetectJob::new(
                DetectCommand::DetectPage(c).flow()?,
            ))),
            Command::DetectUrl(c) => Job::Detect(Box::new(DetectJob::new(
                DetectCommand::DetectUrl(c).flow()?,
            ))),
            Command::Check(Check {
                detected,
                input,
                meta,
            }) => {
                let login = input.login.clone();
                Job::Check(Box::new(CheckJob {
                    flow: ProbeFlow::new(input, detected.detection()?)?,
                    login,
                    meta,
                }))
            }
            Command::PlanPat(PlanPat { detected, input }) => Job::PatPlan(Box::new(
                CreateFlow::new(input, &detected.detection()?.deployment)?.tab_request(),
            )),
            Command::InterpretPat(InterpretPat {
                detected,
                input,
                answer,
            }) => Job::PatResult(Box::new(
                CreateFlow::new(input, &detected.detection()?.deployment)?.interpret(answer),
            )),
            Command::ReadReport(ReadReport { text }) => {
                Job::ReadReport(Box::new(report::read_paste(&text)))
            }
            Command::RememberConnection(c) => Job::Remember(Box::new(remember::connection(c)?)),
            Command::RememberedList(c) => Job::Remember(Box::new(remember::list(c)?)),
            Command::Reminders(c) => Job::Remember(Box::new(remember::reminders(c)?)),
        })
    }
}

/// What a `check` command answers: the core's [`CheckResult`], the `checklist` the wizard
/// shows ([`report::check_checklist`], the report's own lines) and the result's redacted
/// `report`, rendered — so the wizard lays out the core's words instead of building its own,
/// and never hands the result back for its report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckOutput {
    pub result: CheckResult,
    pub checklist: Vec<CheckItem>,
    pub report: Rendered,
}

impl CheckOutput {
    /// The result with its checklist and its report (the login tried, the caller's meta).
    pub fn new(result: CheckResult, login: &str, meta: &Meta) -> CheckOutput {
        let report = Rendered::new(report::build(
            Subject::Check {
                result: &result,
                login,
            },
            meta,
        ));
        CheckOutput {
            checklist: report::check_checklist(&result),
            report,
            result,
        }
    }
}

/// The token test as the extension runs it: the [`ProbeFlow`], whose result comes with its
/// checklist and its report.
#[derive(Debug)]
pub struct CheckJob {
    flow: ProbeFlow,
    login: String,
    meta: Meta,
}

impl Flow for CheckJob {
    type Output = CheckOutput;

    fn next_batch(&mut self) -> Vec<HttpRequest> {
        self.flow.next_batch()
    }

    fn feed(&mut self, answers: Vec<(String, Exchange)>) {
        self.flow.feed(answers);
    }

    fn finish(self) -> CheckOutput {
        CheckOutput::new(self.flow.finish(), &self.login, &self.meta)
    }
}

/// Deserializes `T`, the error's field path kept and its values redacted ([`redact`]).
fn tracked<'de, T: Deserialize<'de>, D: Deserializer<'de>>(input: D) -> Result<T, CommandError> {
    serde_path_to_error::deserialize(input).map_err(|e| {
        let path = redact::path(e.path());
        CommandError::Malformed(format!(
            "{path}: {}",
            redact::message(&e.inner().to_string())
        ))
    })
}
