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
