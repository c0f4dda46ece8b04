#!/usr/bin/env bash
# Checks that what the tests run on is present, and installs nothing: build.sh installs (the full
# ./test.sh runs it first), this only says what is missing and how to get it.
#
#   tests/check-tools.sh           # for the full ./test.sh: also browsers, drivers, dist/
#   tests/check-tools.sh --quick   # for ./test.sh --quick: Rust toolchain, wasm32 target, tsc, biome
#
# Exit status 1 when anything is missing (each missing piece is listed), 0 otherwise.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH" # where build.sh's `cargo install` puts wasm-bindgen

quick=false
case "${1-}" in
  '') ;;
  --quick) quick=true ;;
  *) echo "usage: tests/check-tools.sh [--quick]" >&2; exit 2 ;;
esac

missing=0
lack() { # lack <what> <how to get it>
  printf '  missing: %s\n           get it with: %s\n' "$1" "$2" >&2
  missing=1
}
have() { command -v "$1" >/dev/null 2>&1; }

# ---- ./test.sh --quick: fmt, clippy (host + wasm32), native tests, the JS type check ---------
have cargo || lack "cargo (Rust toolchain)" "https://rustup.rs, then rustup default stable"
have cargo && { cargo fmt --version >/dev/null 2>&1 || lack "rustfmt" "rustup component add rustfmt"; }
have cargo && { cargo clippy --version >/dev/null 2>&1 || lack "clippy" "rustup component add clippy"; }
if have rustup && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  lack "the wasm32-unknown-unknown target" "rustup target add wasm32-unknown-unknown (or ./build.sh)"
fi
have node || lack "node (Node.js 20)" "apt-get install nodejs npm (or ./build.sh)"
# npm ci writes node_modules/.package-lock.json; older than package-lock.json means stale.
if [[ ! -f node_modules/.package-lock.json ]]; then
  lack "node_modules (typescript, playwright-core, …)" "npm ci (or ./build.sh)"
elif [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  lack "an up-to-date node_modules (package-lock.json changed since npm ci)" "npm ci (or ./build.sh)"
elif [[ ! -x node_modules/.bin/tsc ]]; then
  lack "typescript (node_modules/.bin/tsc)" "npm ci (or ./build.sh)"
elif [[ ! -x node_modules/.bin/biome ]]; then
  lack "biome (node_modules/.bin/biome)" "npm ci (or ./build.sh)"
fi

# ---- the full ./test.sh: the wasm boundary tests and the CLI/browser end-to-end tests --------
if ! $quick; then
  have chromium || lack "chromium (Debian's; never a downloaded one)" "apt-get install chromium (or ./build.sh)"
  have chromedriver || lack "chromedriver (wasm boundary tests)" "apt-get install chromium-driver (or ./build.sh)"
  want="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"
  if ! have wasm-bindgen-test-runner; then
    lack "wasm-bindgen-test-runner $want" "cargo install wasm-bindgen-cli --version $want (or ./build.sh)"
  elif [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $want" ]]; then
    lack "wasm-bindgen-cli $want (Cargo.lock's; found: $(wasm-bindgen --version 2>/dev/null || echo none))" \
      "cargo install wasm-bindgen-cli --version $want --force (or ./build.sh)"
  fi
  [[ -d node_modules/playwright-core ]] || lack "playwright-core (browser E2E)" "npm ci (or ./build.sh)"
  [[ -f dist/chrome/manifest.json ]] || lack "dist/chrome (the extension under test)" "./build.sh"
  have firefox-esr || lack "firefox-esr (Debian's; the Firefox E2E)" "apt-get install --no-install-recommends firefox-esr (or ./build.sh)"
  [[ -d node_modules/puppeteer-core ]] || lack "puppeteer-core (drives Firefox)" "PUPPETEER_SKIP_DOWNLOAD=1 npm ci (or ./build.sh)"
  [[ -f dist/firefox/manifest.json ]] || lack "dist/firefox (the extension under test in Firefox)" "./build.sh"
fi

if ((missing)); then
  echo "check-tools: missing the above; test.sh installs nothing (build.sh does)." >&2
  exit 1
fi
