#!/usr/bin/env bash
# The benchmark report (BENCHMARKS.md) — one command, not part of ./test.sh:
#
#   bench/run.sh            # ~3 min; LATENCY_MS=100 by default
#
# 1. builds what it measures if missing (dist/ via ./build.sh, the release CLI);
# 2. criterion over recorded fixtures (benches/core.rs), in its own target dir with unwinding
#    panics (the release profile's panic=abort would make cargo build the library twice);
# 3. exports the same cases for the wasm measurement;
# 4. a venv at target/bench-venv with pycontribs `jira` (pip install jira, once);
# 5. bench/run.mjs: prints the tables (core native + wasm, CLI round trips and wall time
#    against the simulator with injected latency, pycontribs side by side, shipped size).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '==> %s\n' "$*" >&2; }

[[ -f dist/chrome/pkg/jira_token_wizard_bg.wasm ]] || { log "./build.sh"; ./build.sh >&2; }
log "release CLI with the test-only JTW_RESOLVE hook (its own target dir: the shipped one has none)"
cargo build --locked --release --features test-hooks --bin jira-token-wizard \
  --target-dir target/bench-cli >&2

log "criterion (benches/core.rs)"
mkdir -p target/bench
(
  export CARGO_TARGET_DIR="$PWD/target/bench-build" CARGO_PROFILE_RELEASE_PANIC=unwind
  cargo bench --locked --bench core >target/bench/criterion.log 2>&1 || { cat target/bench/criterion.log >&2; exit 1; }
  JTW_BENCH_EXPORT="$PWD/target/bench/cases.json" cargo bench --locked --bench core >/dev/null 2>&1
)

if [[ ! -x target/bench-venv/bin/python ]] || ! target/bench-venv/bin/python -c 'import jira' 2>/dev/null; then
  log "venv target/bench-venv with pycontribs jira"
  python3 -m venv target/bench-venv
  target/bench-venv/bin/pip install -q jira >&2 || log "pip install jira failed: pycontribs is left out"
fi

log "measuring"
CARGO_TARGET_DIR="$PWD/target/bench-build" node bench/run.mjs

# 5b. bench/fleet.mjs: `fleet` with 200 connections against one simulator at the same latency,
#     at several --parallel values.
log "fleet: 200 connections (bench/fleet.mjs)"
node bench/fleet.mjs

# 6. bench/popup.mjs: the wizard in headless Chromium and Firefox (the E2E drivers) against the
#    same sites and latency: first paint, confirmed detection and verdict from its User Timing marks.
log "the wizard in headless Chromium and Firefox (bench/popup.mjs)"
node bench/popup.mjs
