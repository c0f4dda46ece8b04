//! The rules of `src/detect` that the other suites left free: each test fails on a mutation
//! that no test used to catch (tests/README.md, "Score", lists them), and states what a user
//! of the extension or the CLI would see.
#![allow(clippy::unwrap_used, clippy::expect_used)]
mod common;

use jira_token_wizard::detect::{DetectFlow, DetectOptions};
use jira_token_wizard::flow::Flow;

/// Mutant: `for_page`'s `fetch_page: false` deleted. A tab the user is on is read from its
/// snapshot: whatever options come with it, detection neither fetches the page again nor asks
/// serverInfo of a site whose page is no Atlassian product.
#[test]
fn a_tab_that_is_not_jira_is_not_asked_whatever_the_options() {
    let page = common::page("not-atlassian");
    let opts = DetectOptions {
        fetch_page: true,
        ..DetectOptions::default()
    };
    let mut flow = DetectFlow::for_page(page, opts).unwrap();
    let batch = flow.next_batch();
    assert!(batch.is_empty(), "{batch:?}");
}
