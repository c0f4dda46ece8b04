//! URL parsing with the punycode fallback for non-ASCII hosts (`urls::parse_http`).
#![no_main]
#[allow(dead_code)]
mod input;

use input::fuzz_harness;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|url: String| {
    fuzz_harness::parse_url(&url);
});
