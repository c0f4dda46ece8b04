//! The token test's classification of any status, headers and body, for every deployment,
//! method and target.
#![no_main]
#[allow(dead_code)]
mod input;

use input::{answers, fuzz_harness, FuzzAnswer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (u8, u8, u8, Vec<FuzzAnswer>)| {
    let (deployment, auth, target, list) = data;
    fuzz_harness::classify(deployment, auth, target, &answers(&list));
});
