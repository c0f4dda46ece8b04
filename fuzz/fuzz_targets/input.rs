//! Structured fuzz input shared by the targets: libFuzzer's bytes decoded (with `arbitrary`)
//! into the plain answers of `tests/fuzz_harness/`.

use arbitrary::Arbitrary;

#[path = "../../tests/fuzz_harness/mod.rs"]
pub mod fuzz_harness;

use fuzz_harness::{Answer, HEADER_NAMES};

/// One transport answer. Header names are mostly the ones the core reads.
#[derive(Arbitrary, Debug)]
pub struct FuzzAnswer {
    kind: u8,
    status: u16,
    headers: Vec<(u8, String)>,
    body: String,
    redirect: bool,
    truncated: bool,
    final_url: Option<String>,
}

impl FuzzAnswer {
    pub fn answer(&self) -> Answer {
        Answer {
            kind: self.kind % 8, // mostly responses: 1 = timeout, 2 = unreachable
            status: self.status,
            headers: self
                .headers
                .iter()
                .map(|(n, v)| {
                    let name = HEADER_NAMES
                        .get(usize::from(*n))
                        .map_or_else(|| format!("x-{n}"), |h| (*h).to_string());
                    (name, v.clone())
                })
                .collect(),
            body: self.body.clone(),
            redirect: self.redirect,
            truncated: self.truncated,
            final_url: self.final_url.clone(),
        }
    }
}

pub fn answers(v: &[FuzzAnswer]) -> Vec<Answer> {
    v.iter().map(FuzzAnswer::answer).collect()
}
