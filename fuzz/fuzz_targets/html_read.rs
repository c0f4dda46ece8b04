//! The HTML reader (`html::read`) on any page, then detection on the snapshot it gives.
#![no_main]
#[allow(dead_code)]
mod input;

use input::fuzz_harness;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (u8, String, String)| {
    let (ct, path, page) = data;
    let content_type = ["text/html", "application/json", "text/plain", ""]
        .get(usize::from(ct))
        .copied();
    fuzz_harness::html_read(&page, content_type, &path);
});
