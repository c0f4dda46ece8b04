//! The commands the extension's service worker hands to the wasm core, mirrored from
//! `extension/protocol.js` (the one file that defines the extension's message protocol).
//! JSON objects like `{ "type": "detect_page", … }` ([`Command::from_json`]). A command turns
//! into a [`Job`]: the flow a transport drives.

use crate::detect::{DetectError, DetectFlow, DetectOptions, Detection};
use crate::flow::Flow;
use crate::http::{Exchange, HttpRequest};
use crate::page::PageSnapshot;
use crate::pat::{CreateError, CreateFlow, CreateInput};
use crate::probe::{CheckError, CheckInput, CheckResult, ProbeFlow};
use crate::report::{self, CheckItem, Meta, OwnedSubject, Rendered, ReportKind};
use serde::{Deserialize, Serialize};

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

/// The command's `"type"`, read in a first pass over the JSON (other keys are skipped).
#[derive(Deserialize)]
struct Tag {
    #[serde(rename = "type")]
    kind: Kind,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    DetectPage,
    DetectUrl,
    Check,
    Report,
    CreatePat,
}

// One struct per command: the second pass reads the command's own keys (and skips `"type"`).
#[derive(Deserialize)]
struct DetectPageArgs {
    snapshot: PageSnapshot,
    #[serde(default)]
    options: DetectOptions,
}

#[derive(Deserialize)]
struct DetectUrlArgs {
    url: String,
    #[serde(default)]
    options: DetectOptions,
}

#[derive(Deserialize)]
struct DetectionArgs<I> {
    detection: Box<Detection>,
    input: I,
}

#[derive(Deserialize)]
struct ReportArgs {
    subject: OwnedSubject,
    meta: Meta,
}

impl Command {
    /// Reads `{"type": "detect_page", "snapshot": …, "options": …}` and the like (the shapes
    /// `extension/protocol.js` builds). The tag is read in a first pass instead of through
    /// serde's internally tagged enums, which buffer the whole command into serde's `Content`
    /// and so put a second deserializer for every type into the wasm (BENCHMARKS.md "Shipped
    /// size").
    pub fn from_json(json: &str) -> Result<Command, serde_json::Error> {
        Ok(match serde_json::from_str::<Tag>(json)?.kind {
            Kind::DetectPage => {
                let a: DetectPageArgs = serde_json::from_str(json)?;
                Command::DetectPage {
                    snapshot: a.snapshot,
                    options: a.options,
                }
            }
            Kind::DetectUrl => {
                let a: DetectUrlArgs = serde_json::from_str(json)?;
                Command::DetectUrl {
                    url: a.url,
                    options: a.options,
                }
            }
            Kind::Check => {
                let a: DetectionArgs<CheckInput> = serde_json::from_str(json)?;
                Command::Check {
                    detection: a.detection,
                    input: a.input,
                }
            }
            Kind::Report => {
                let a: ReportArgs = serde_json::from_str(json)?;
                Command::Report {
                    subject: a.subject,
                    meta: a.meta,
                }
            }
            Kind::CreatePat => {
                let a: DetectionArgs<CreateInput> = serde_json::from_str(json)?;
                Command::CreatePat {
                    detection: a.detection,
                    input: a.input,
                }
            }
        })
    }
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
