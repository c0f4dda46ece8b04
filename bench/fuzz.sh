#!/usr/bin/env bash
# Long robustness runs of the core (not part of ./test.sh). One command:
#
#   bench/fuzz.sh            # RUNS=1000000 per target by default; RUNS=… to change
#
# With a nightly toolchain it runs the cargo-fuzz targets in fuzz/ (html_read, urls, detect,
# classify; installs cargo-fuzz if missing), without a sanitizer (the core is safe Rust: the
# targets look for panics, hangs and broken invariants, not memory errors) and with the
# dictionary fuzz/jira.dict. Without nightly it runs the same properties through
# proptest (tests/malformed_props.rs) with PROPTEST_CASES=$RUNS. Either way it prints one line
# per target: runs, crashes, seconds. Crash inputs: fuzz/artifacts/<target>/ (libFuzzer) or
# tests/malformed_props.proptest-regressions (proptest). Exit status 1 if anything crashed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${RUNS:-1000000}"
MODE="${MODE:-auto}" # auto | fuzz | proptest
export PATH="$HOME/.cargo/bin:$PATH"

have_nightly() { cargo +nightly --version >/dev/null 2>&1; }
if [[ "$MODE" == auto ]]; then
  if have_nightly; then MODE=fuzz; else MODE=proptest; fi
fi

rows=()
failed=0
if [[ "$MODE" == fuzz ]]; then
  if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "==> installing cargo-fuzz (once, ~1 min)" >&2
    cargo install cargo-fuzz
  fi
  (cd fuzz && cargo +nightly fuzz build -s none -O) >&2
  for target in html_read urls detect classify; do
    log="fuzz/target/$target.log"
    start=$(date +%s)
    status=0
    (cd fuzz && cargo +nightly fuzz run -s none -O "$target" -- \
        -runs="$RUNS" -dict=jira.dict -max_len=16384 -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1) >"$log" 2>&1 || status=$?
    secs=$(( $(date +%s) - start ))
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    crashes=$(( status == 0 ? 0 : 1 ))
    [[ $status -ne 0 ]] && failed=1
    rows+=("$(printf '%-12s %-9s %10s %8s %8s' "$target" libfuzzer "${runs:-?}" "$crashes" "$secs")")
  done
else
  # Speed over size here: opt-level 3, no LTO, own target dir (the shipped build is untouched).
  export CARGO_TARGET_DIR="$PWD/target/props-release" CARGO_PROFILE_RELEASE_LTO=false \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=3
  bin=$(cargo test --release --test malformed_props --no-run 2>&1 | tee /dev/stderr \
        | sed -n 's/.*Executable .*(\(.*\)).*/\1/p' | tail -1)
  for prop in html_read url_policy commands_never_quote detection every_answer; do
    start=$(date +%s)
    status=0
    PROPTEST_CASES="$RUNS" "$bin" "$prop" >"target/props-release/$prop.log" 2>&1 || status=$?
    secs=$(( $(date +%s) - start ))
    crashes=$(( status == 0 ? 0 : 1 ))
    [[ $status -ne 0 ]] && failed=1
    rows+=("$(printf '%-12s %-9s %10s %8s %8s' "$prop" proptest "$RUNS" "$crashes" "$secs")")
  done
fi

printf '%-12s %-9s %10s %8s %8s\n' target engine runs crashes seconds
printf '%s\n' "${rows[@]}"
exit "$failed"
