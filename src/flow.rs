//! The sans-IO driving contract. A flow says which requests to send next, takes the answers,
//! and finally yields a plain result. Transports loop:
//!
//! ```text
//! loop { let batch = flow.next_batch(); if batch.is_empty() { break }
//!        let answers = send_all_in_parallel(batch); flow.feed(answers) }
//! let result = flow.finish();
//! ```
//!
//! Requests inside one batch are independent and are sent in parallel; a new batch is only
//! produced when its requests depend on earlier answers. The number of batches is the number
//! of sequential round trips.

use crate::http::{Exchange, HttpRequest};
use serde::{Deserialize, Serialize};

/// A sans-IO conversation with a server.
pub trait Flow {
    type Output;

    /// Requests to send now, in parallel. An empty batch means the flow is done.
    fn next_batch(&mut self) -> Vec<HttpRequest>;

    /// The answers to the last batch, each with the id of its request.
    fn feed(&mut self, answers: Vec<(String, Exchange)>);

    /// The result. Call after `next_batch` returned an empty batch.
    fn finish(self) -> Self::Output;
}

/// One request's answer as a transport got it, with the request it answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    pub id: String,
    pub url: String,
    pub answer: Exchange,
}

/// One round trip's answers, recorded.
pub type Answers = Vec<Recorded>;

/// A recorded conversation that does not fit the flow replayed over it: a round's requests are
/// not the ones the record answered, or the record has more or fewer rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the recorded answers are not this flow's (round {round})")]
pub struct NotItsRecord {
    pub round: usize,
}

/// Drives `flow` over the answers a transport gave it before, round by round, with no IO. The
/// core has no clock and no randomness, so the same inputs ask the same requests and give the
/// same output: a result is re-derived from its raw inputs instead of being carried back. Each
/// round must answer exactly the requests the flow asks (same ids, same URLs).
pub fn replay<F: Flow>(mut flow: F, rounds: Vec<Answers>) -> Result<F::Output, NotItsRecord> {
    let mut rounds = rounds.into_iter();
    let mut round = 0;
    loop {
        let batch = flow.next_batch();
        let next = rounds.next();
        if batch.is_empty() {
            return match next {
                None => Ok(flow.finish()),
                Some(_) => Err(NotItsRecord { round }),
            };
        }
        let Some(answers) = next else {
            return Err(NotItsRecord { round });
        };
        let same = batch.len() == answers.len()
            && batch
                .iter()
                .all(|r| answers.iter().any(|a| a.id == r.id && a.url == r.url));
        if !same {
            return Err(NotItsRecord { round });
        }
        flow.feed(answers.into_iter().map(|a| (a.id, a.answer)).collect());
        round += 1;
    }
}
