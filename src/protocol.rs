//! The commands the extension's service worker hands to the wasm core, mirrored from
//! `extension/protocol.js` (the one file that defines the extension's message protocol).
//! JSON objects like `{ "type": "detect_page", … }` ([`Command::from_json`]). A command turns
//! into a [`Job`]: the flow a transport drives.

use crate::detect::{DetectError, DetectFlow, DetectOptions, Detection};
use crate::flow::Flow;
use crate::http::{Exchange, HttpRequest};
use crate::json::{self, Json, JsonError, Obj};
use crate::page::PageSnapshot;
use crate::pat::{CreateError, CreateFlow, CreateInput};
use crate::probe::{CheckError, CheckInput, CheckResult, ProbeFlow};
use crate::report::{self, CheckItem, Meta, OwnedSubject, Rendered, ReportKind};
use serde::Serialize;

/// A command for the core, read with [`Command::from_json`]. A `Check` holds the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Detect what the tab shows.
    DetectPage {
        snapshot: PageSnapshot,
        options: DetectOptions,
    },
    /// Detect what a typed URL points to.
    DetectUrl { url: String, options: DetectOptions },
    /// Test a credential against a deployment detected before.
    Check {
        detection: Box<Detection>,
        input: CheckInput,
    },
    /// Build the redacted diagnostic report of a token test or a detection shown before. No
    /// request is made: the job is done at once.
    Report { subject: OwnedSubject, meta: Meta },
    /// Create a personal access token with the user's browser session (Server/DC ≥ 8.14).
    CreatePat {
        detection: Box<Detection>,
        input: CreateInput,
    },
}

/// The flow a command stands for.
#[derive(Debug)]
pub enum Job {
    /// Yields a [`Detection`].
    Detect(Box<DetectFlow>),
    /// Yields a [`CheckResult`] with its checklist ([`CheckOutput`]).
    Check(Box<CheckJob>),
    /// Already done: the report and its renderings.
    Report(Box<Rendered>),
    /// Yields a [`crate::pat::CreateResult`].
    CreatePat(Box<CreateFlow>),
}

/// Why a command cannot start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Detect(#[from] DetectError),
    #[error(transparent)]
    Check(#[from] CheckError),
    #[error(transparent)]
    CreatePat(#[from] CreateError),
    /// A `report` whose subject lacks the `result` (kind `check`) or `detection` it names.
    #[error("report: a subject of kind \"{0}\" needs its \"{1}\"")]
    IncompleteSubject(&'static str, &'static str),
}

impl Command {
    /// Reads `{"type": "detect_page", "snapshot": …, "options": …}` and the like (the shapes
    /// `extension/protocol.js` builds) with the core's own JSON reader ([`crate::json`]): serde
    /// derive + serde_json put a reader per type into the wasm (BENCHMARKS.md "Shipped size").
    /// Errors name the field, never a value (a `check` carries the secret).
    pub fn from_json(text: &str) -> Result<Command, JsonError> {
        let j = json::parse(text)?;
        let o = Obj::of(&j)?;
        let kind = match o.get("type") {
            Some(Json::Str(kind)) => kind.as_str(),
            Some(other) => return Err(JsonError::expected("a string", other).within("type")),
            None => return Err(JsonError::new("missing field `type`")),
        };
        Ok(match kind {
            "detect_page" => Command::DetectPage {
                snapshot: o.req("snapshot")?,
                options: o.or_default("options")?,
            },
            "detect_url" => Command::DetectUrl {
                url: o.req("url")?,
                options: o.or_default("options")?,
            },
            "check" => Command::Check {
                detection: o.req("detection")?,
                input: o.req("input")?,
            },
            "report" => Command::Report {
                subject: o.req("subject")?,
                meta: o.req("meta")?,
            },
            "create_pat" => Command::CreatePat {
                detection: o.req("detection")?,
                input: o.req("input")?,
            },
            // A command name is not a secret; anything but a short identifier is not echoed.
            other
                if other.len() <= 32
                    && other.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') =>
            {
                return Err(JsonError::new(format!("unknown command type `{other}`")))
            }
            _ => return Err(JsonError::new("unknown command type")),
        })
    }
    /// The flow to drive for this command.
    pub fn into_job(self) -> Result<Job, CommandError> {
        Ok(match self {
            Command::DetectPage { snapshot, options } => {
                Job::Detect(Box::new(DetectFlow::for_page(snapshot, options)?))
            }
            Command::DetectUrl { url, options } => {
                let options = DetectOptions {
                    fetch_page: false,
                    ..options
                };
                Job::Detect(Box::new(DetectFlow::for_url(&url, options)?))
            }
            Command::Check { detection, input } => {
                Job::Check(Box::new(CheckJob(ProbeFlow::new(input, *detection)?)))
            }
            Command::Report { subject, meta } => {
                let subject = subject.as_subject().ok_or(match subject.kind {
                    ReportKind::Check => CommandError::IncompleteSubject("check", "result"),
                    ReportKind::Detection => {
                        CommandError::IncompleteSubject("detection", "detection")
                    }
                })?;
                Job::Report(Box::new(Rendered::new(report::build(subject, &meta))))
            }
            Command::CreatePat { detection, input } => {
                Job::CreatePat(Box::new(CreateFlow::new(input, &detection.deployment)?))
            }
        })
    }
}

/// What a `check` command answers: the core's [`CheckResult`] and the `checklist` the popup
/// shows ([`report::check_checklist`], the report's own lines), so the popup lays out the
/// core's words instead of building its own. (Beside the result, not flattened into it:
/// `serde(flatten)` would put a second copy of `CheckResult`'s serializer into the wasm.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckOutput {
    pub result: CheckResult,
    pub checklist: Vec<CheckItem>,
}

impl From<CheckResult> for CheckOutput {
    fn from(result: CheckResult) -> CheckOutput {
        CheckOutput {
            checklist: report::check_checklist(&result),
            result,
        }
    }
}

/// The token test as the extension runs it: the [`ProbeFlow`], whose result comes with its
/// checklist.
#[derive(Debug)]
pub struct CheckJob(ProbeFlow);

impl Flow for CheckJob {
    type Output = CheckOutput;

    fn next_batch(&mut self) -> Vec<HttpRequest> {
        self.0.next_batch()
    }

    fn feed(&mut self, answers: Vec<(String, Exchange)>) {
        self.0.feed(answers);
    }

    fn finish(self) -> CheckOutput {
        self.0.finish().into()
    }
}
