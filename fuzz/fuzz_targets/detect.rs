//! Detection of a typed URL (page, serverInfo, tenant_info parsing) whatever the answers.
#![no_main]
#[allow(dead_code)]
mod input;

use input::{answers, fuzz_harness, FuzzAnswer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (u8, Vec<FuzzAnswer>)| {
    fuzz_harness::detect(data.0, &answers(&data.1));
});
