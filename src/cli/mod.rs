//! The CLI (placeholder until the CLI lands).
pub fn run() -> i32 {
    2
}
