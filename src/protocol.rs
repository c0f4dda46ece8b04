//! The commands the extension's service worker hands to the wasm core, mirrored from
//! `extension/protocol.js` (the one file that defines the extension's message protocol).
//! Plain serde types: `{ "type": "detect_page", … }`. A command turns into a [`Job`]: the
//! flow a transport drives.

use crate::detect::{DetectError, DetectFlow, DetectOptions, Detection};
use crate::page::PageSnapshot;
use crate::pat::{CreateError, CreateFlow, CreateInput};
use crate::probe::{CheckError, CheckInput, ProbeFlow};
use crate::report::{self, Meta, OwnedSubject, Rendered};
use serde::Deserialize;

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
    /// Yields a [`crate::probe::CheckResult`].
    Check(Box<ProbeFlow>),
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
                Job::Check(Box::new(ProbeFlow::new(input, *detection)?))
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
