#!/usr/bin/env bash
# The test command (README "Quick start", step 2). CI runs exactly this through .ci/run.
# Gates, in order: build (installs what is missing), formatting, clippy for the host and for
# wasm32, native tests (core against recorded Jira answers), the wasm boundary tests in
# headless Chromium, then node:test suites — the Jira simulator itself, the real CLI binary
# against the simulator, the real extension in real headless Chromium, and its core flows in
# real headless Firefox (Debian firefox-esr).
#
# `./test.sh --quick` is the developer loop (tests/README.md): formatting, the JS type check
# (tsc over extension/, tsconfig.json), the JS linter and formatter (Biome, biome.json), clippy
# (host + wasm32) and the native tests — no build.sh,
# no browsers, no node:test suites. The test steps install nothing: build.sh installs, and
# tests/check-tools.sh says what is missing and how to get it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

step() { printf '\n==> %s\n' "$*"; }

quick=false
case "${1-}" in
  '') ;;
  --quick) quick=true ;;
  *) echo "usage: ./test.sh [--quick]" >&2; exit 2 ;;
esac

if ! $quick; then
  step "build"
  ./build.sh
  step "reproducible build: a second build in another folder gives byte-identical dist/ and zips"
  tests/reproducible.sh
fi

step "tools the tests need (checked, not installed)"
tests/check-tools.sh "$@"

step "cargo fmt --check"
cargo fmt --all --check

step "JS type check: tsc --noEmit over extension/ (tsconfig.json)"
node_modules/.bin/tsc -p tsconfig.json

step "JS lint and format: biome check over extension/ (biome.json)"
node_modules/.bin/biome check

step "clippy (host, all targets)"
cargo clippy --locked --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy --locked --lib --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --locked

if $quick; then
  printf '\n==> quick gates passed (no build, no browsers; ./test.sh runs everything)\n'
  exit 0
fi

step "wasm boundary tests (headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test wasm_boundary

step "CLI binary for the end-to-end tests (with the test-only JTW_RESOLVE hook)"
cargo build --locked --features test-hooks --bin jira-token-wizard

step "extension modules in Node: every text in EN and RU (i18n), the message sender check"
node --test tests/*.test.mjs

# tests/e2e/*.test.mjs: Chromium (the shell's glob, so tests/e2e/firefox/ is not run twice).
step "simulator, CLI and browser end-to-end tests (Chromium)"
node --test --test-concurrency=1 tests/simulator/ tests/cli/ tests/e2e/*.test.mjs

step "browser end-to-end tests (Firefox: the shared flows of tests/e2e/flows.mjs and flows/panel.mjs)"
node --test --test-concurrency=1 tests/e2e/firefox/
