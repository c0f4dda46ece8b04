//! The URL policy (`urls::HttpUrl` over the `url` crate): refuses only what it says it refuses
//! (not a URL, userinfo, other schemes) and takes the rest as WHATWG reads it.
#![no_main]
#[allow(dead_code)]
mod input;

use input::fuzz_harness;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|url: String| {
    fuzz_harness::parse_url(&url);
});
