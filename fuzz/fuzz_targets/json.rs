//! The core's JSON reader and the wasm commands (`json::parse`, `Command::from_json`) on any
//! text.
#![no_main]
#[allow(dead_code)]
mod input;

use input::fuzz_harness;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: String| {
    fuzz_harness::json_text(&text);
});
