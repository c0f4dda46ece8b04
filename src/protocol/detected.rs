//! What a detection was made from — the detect command the service worker sent and the answers
//! its requests got, round by round — which the worker keeps and hands back with a later
//! command (`check`, `plan_pat`, `interpret_pat`) instead of the [`Detection`]: the core
//! re-derives the detection from these raw inputs ([`flow::replay`], no request), so no output
//! of the core travels back into it (ARCHITECTURE.md "No round trips of the core's output").

use super::{CommandError, DetectPage, DetectUrl};
use crate::detect::{DetectFlow, DetectOptions, Detection};
use crate::flow::{self, Answers, Flow, Recorded};
use crate::http::{Exchange, HttpRequest};
use serde::{Deserialize, Serialize};

/// The raw inputs of one detection: its command and the answers, round by round, that
/// [`DetectOutput::answers`] gave the worker.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Detected {
    pub detect: DetectCommand,
    pub answers: Vec<Answers>,
}

/// A `detect_page` or `detect_url` command, as sent.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DetectCommand {
    DetectPage(DetectPage),
    DetectUrl(DetectUrl),
}

impl DetectCommand {
    /// The detection flow the command stands for.
    pub fn flow(self) -> Result<DetectFlow, CommandError> {
        Ok(match self {
            DetectCommand::DetectPage(DetectPage { snapshot, options }) => {
                DetectFlow::for_page(snapshot, options)?
            }
            // A typed URL never asks for the page (the CLI does, through its own flow).
            DetectCommand::DetectUrl(DetectUrl { url, options }) => DetectFlow::for_url(
                &url,
                DetectOptions {
                    fetch_page: false,
                    ..options
                },
            )?,
        })
    }
}

impl Detected {
    /// The detection, made again from its command and its answers.
    pub fn detection(self) -> Result<Detection, CommandError> {
        Ok(flow::replay(self.detect.flow()?, self.answers)?)
    }
}

/// What a detect command answers: the [`Detection`], and the answers it was made from, which
/// the worker keeps for the commands that need the detection again ([`Detected`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DetectOutput {
    pub detection: Detection,
    pub answers: Vec<Answers>,
}

/// Detection as the extension runs it: the [`DetectFlow`], its answers kept with the requests
/// they answered.
#[derive(Debug)]
pub struct DetectJob {
    flow: DetectFlow,
    sent: Vec<HttpRequest>,
    answers: Vec<Answers>,
}

impl DetectJob {
    pub fn new(flow: DetectFlow) -> DetectJob {
        DetectJob {
            flow,
            sent: Vec::new(),
            answers: Vec::new(),
        }
    }
}

impl Flow for DetectJob {
    type Output = DetectOutput;

    fn next_batch(&mut self) -> Vec<HttpRequest> {
        self.sent = self.flow.next_batch();
        self.sent.clone()
    }

    fn feed(&mut self, answers: Vec<(String, Exchange)>) {
        let url = |id: &str| self.sent.iter().find(|r| r.id == id).map(|r| r.url.clone());
        self.answers.push(
            answers
                .iter()
                .map(|(id, answer)| Recorded {
                    id: id.clone(),
                    url: url(id).unwrap_or_default(),
                    answer: answer.clone(),
                })
                .collect(),
        );
        self.flow.feed(answers);
    }

    fn finish(self) -> DetectOutput {
        DetectOutput {
            detection: self.flow.finish(),
            answers: self.answers,
        }
    }
}
