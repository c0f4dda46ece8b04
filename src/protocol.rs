//! The commands the extension's service worker hands to the wasm core, mirrored from
//! `extension/protocol.js` (the one file that defines the extension's message protocol).
//! Plain serde types: `{ "type": "detect_page", … }`. A command turns into a [`Job`]: the
//! flow a transport drives.

use crate::detect::{DetectError, DetectFlow, DetectOptions, Detection};
use crate::flow::Flow;
use crate::http::{Exchange, HttpRequest};
use crate::page::PageSnapshot;
use crate::pat::{CreateError, CreateFlow, CreateInput};
use crate::probe::{CheckError, CheckInput, CheckResult, ProbeFlow};
use crate::report::{self, CheckItem, Meta, OwnedSubject, Rendered};
use serde::{Deserialize, Serialize};

/// A command for the core. Deserialize only: a `Check` holds the secret.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Command {
    /// Detect what the tab shows.
    #[serde(rename_all = "camelCase")]
    DetectPage {
        snapshot: PageSnapshot,
        #[serde(default)]
        options: DetectOptions,
    },
    /// Detect what a typed URL points to.
    #[serde(rename_all = "camelCase")]
    DetectUrl {
        url: String,
        #[serde(default)]
        options: DetectOptions,
    },
    /// Test a credential against a deployment detected before.
    #[serde(rename_all = "camelCase")]
    Check {
        detection: Box<Detection>,
        input: CheckInput,
    },
    /// Build the redacted diagnostic report of a token test or a detection shown before. No
    /// request is made: the job is done at once.
    #[serde(rename_all = "camelCase")]
    Report { subject: OwnedSubject, meta: Meta },
    /// Create a personal access token with the user's browser session (Server/DC ≥ 8.14).
    #[serde(rename_all = "camelCase")]
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
            Command::Report { subject, meta } => Job::Report(Box::new(Rendered::new(
                report::build(subject.as_subject(), &meta),
            ))),
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
