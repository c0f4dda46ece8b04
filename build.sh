#!/usr/bin/env bash
# Builds the browser extension (Chrome and Firefox, unpacked + zips) and the CLI release binary.
#
#   ./build.sh              # from any directory; idempotent; installs missing tools first
#   ./build.sh --extension  # the extension only (dist/), no CLI: tests/reproducible.sh
#
# Output: dist/chrome/, dist/firefox/, dist/jira-token-wizard-{chrome,firefox}-<version>.zip,
#         target/release/jira-token-wizard. Also installs what the tests need (Chromium,
#         chromedriver and firefox-esr from apt, playwright-core and puppeteer-core from npm).
# Tools (installed when missing): the wasm32 target, wasm-bindgen CLI at Cargo.lock's version
# (`cargo install` WITHOUT --locked: its own lockfile wants crates the registry here lacks),
# npm's binaryen for wasm-opt (Debian's binaryen 108 writes modules that fail at init — never
# /usr/bin/wasm-opt), playwright-core (Chromium) and puppeteer-core (Firefox) for the E2E tests
# and web-ext for Mozilla's linter. See ../shared/build-and-browser-testing.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

extension_only=false
case "${1-}" in
  '') ;;
  --extension) extension_only=true ;;
  *) echo "usage: ./build.sh [--extension]" >&2; exit 2 ;;
esac

CRATE=jira_token_wizard
TARGET=wasm32-unknown-unknown
DIST="$ROOT/dist"
BINDGEN_OUT="$ROOT/target/wasm-bindgen"
# Fixed file times inside the zips, so that two builds give byte-identical archives.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1704067200}"
# The wasm names its dependencies' source files (panic locations): under /cargo and /src, not
# this machine's CARGO_HOME and checkout, so a build elsewhere — a store reviewer's — gives the
# same bytes (store/amo-source-review.md; tests/reproducible.sh checks two builds in two
# folders). Only the release wasm build sees these flags.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=/cargo --remap-path-prefix=$ROOT=/src"

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# ---- tools ---------------------------------------------------------------------------------
need_apt() { # need_apt <command> <package…>
  local cmd=$1; shift
  if ! command -v "$cmd" >/dev/null 2>&1; then
    log "installing $* (apt)"
    apt-get update -qq && apt-get install -y -qq "$@"
  fi
}
need_apt node nodejs
need_apt npm npm
need_apt zip zip
need_apt unzip unzip
# The tests' browser (E2E via playwright-core, wasm-bindgen-test via chromedriver): Debian's
# Chromium, never a downloaded one.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  log "installing chromium + chromium-driver (apt)"
  apt-get update -qq && apt-get install -y -qq chromium chromium-driver
fi
# The Firefox E2E tests' browser (tests/e2e/browsers/firefox.mjs, driven by puppeteer-core over
# WebDriver BiDi): Debian's firefox-esr — Debian has no geckodriver and no other Firefox package.
if ! command -v firefox-esr >/dev/null 2>&1; then
  log "installing firefox-esr (apt)"
  apt-get update -qq && apt-get install -y -qq --no-install-recommends firefox-esr
fi

if ! rustup target list --installed | grep -qx "$TARGET"; then
  log "adding rust target $TARGET"
  rustup target add "$TARGET"
fi

BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)"
if [[ -z "$BINDGEN_VERSION" ]]; then
  echo "build.sh: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
export PATH="$HOME/.cargo/bin:$PATH"
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $BINDGEN_VERSION" ]]; then
  log "installing wasm-bindgen-cli $BINDGEN_VERSION (once per machine, ~4 min)"
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
fi

# --extension (tests/reproducible.sh's second build, in a copy whose node_modules is a link to
# the first build's) never reinstalls: npm ci through that link would empty the original.
if $extension_only; then
  [[ -x node_modules/.bin/wasm-opt ]] || { echo "build.sh --extension: run ./build.sh first (node_modules)" >&2; exit 1; }
elif [[ ! -x node_modules/.bin/wasm-opt || ! -d node_modules/puppeteer-core || ! -f node_modules/.package-lock.json \
      || package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "npm ci (binaryen, playwright-core, puppeteer-core, web-ext; no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 \
    npm ci --no-audit --no-fund --loglevel=error
fi
WASM_OPT="$ROOT/node_modules/.bin/wasm-opt"

# ---- wasm ----------------------------------------------------------------------------------
log "cargo build (wasm32, release)"
cargo build --locked --release --lib --target "$TARGET"

log "wasm-bindgen --target web"
rm -rf "$BINDGEN_OUT"
wasm-bindgen "target/$TARGET/release/$CRATE.wasm" --target web --out-dir "$BINDGEN_OUT"
# The glue's TypeScript, with the boundary's types from src/wasm.d.ts (src/wasm.rs's
# typescript_custom_section), is what the extension's type check reads: kept in types/pkg/
# (so ./test.sh --quick needs no wasm build) and brought up to date here. Its closure shims'
# names carry hashes that change with any Rust change: left out (nothing in extension/ uses them).
TYPES="$ROOT/types/pkg/$CRATE.d.ts"
grep -v -E '__invoke__h[0-9a-f]+' "$BINDGEN_OUT/$CRATE.d.ts" > "$BINDGEN_OUT/$CRATE.types.d.ts"
if ! cmp -s "$BINDGEN_OUT/$CRATE.types.d.ts" "$TYPES"; then
  cp "$BINDGEN_OUT/$CRATE.types.d.ts" "$TYPES"
  log "types/pkg/$CRATE.d.ts was not the wasm's: updated (commit it)"
fi

log "wasm-opt -Oz --converge (runs -Oz until the module stops shrinking: ≈ 3 KB gzip)"
"$WASM_OPT" -Oz --converge "$BINDGEN_OUT/${CRATE}_bg.wasm" -o "$BINDGEN_OUT/${CRATE}_bg.opt.wasm"
mv "$BINDGEN_OUT/${CRATE}_bg.opt.wasm" "$BINDGEN_OUT/${CRATE}_bg.wasm"

# ---- extension -----------------------------------------------------------------------------
VERSION="$(cargo metadata --no-deps --format-version 1 --locked \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const p=JSON.parse(s).packages.find(p=>p.name==="jira-token-wizard");process.stdout.write(p.version)})')"

assemble() { # assemble <browser>
  local browser=$1 out="$DIST/$1"
  rm -rf "$out"
  mkdir -p "$out/pkg"
  # Everything under extension/ except build helpers (*.mjs) and a stale local pkg/.
  (cd extension && find . -type f ! -name '*.mjs' ! -path './pkg/*' -print0 \
    | xargs -0 -I{} install -D -m 0644 {} "$out/{}")
  cp "$BINDGEN_OUT/$CRATE.js" "$BINDGEN_OUT/${CRATE}_bg.wasm" "$out/pkg/"
  node extension/manifest.mjs "$browser" "$VERSION" manifest.json "$out/manifest.json"
  find "$out" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
  local zip="$DIST/jira-token-wizard-$browser-$VERSION.zip"
  rm -f "$zip"
  (cd "$out" && find . -type f | LC_ALL=C sort | sed 's|^\./||' | zip -q -X -9 "$zip" -@)
}

log "assembling dist/ (version $VERSION)"
mkdir -p "$DIST"
rm -f "$DIST"/jira-token-wizard-*.zip
assemble chrome
assemble firefox

# ---- package checks ------------------------------------------------------------------------
# The version lives in Cargo.toml only: both manifests and both zip names must carry it, each zip
# must hold its browser's manifest at the root and nothing a store does not need, and
# dist/firefox must pass Mozilla's linter (addons-linter through npm's web-ext) with no error
# and no warning.
log "checking the packages (version $VERSION, web-ext lint)"
node --input-type=module - "$DIST" "$VERSION" <<'EOF'
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
const [dist, version] = process.argv.slice(2);
const fail = (msg) => { console.error(`build.sh: ${msg}`); process.exit(1); };
for (const browser of ['chrome', 'firefox']) {
  const m = JSON.parse(readFileSync(`${dist}/${browser}/manifest.json`, 'utf8'));
  if (m.version !== version) fail(`${browser} manifest version ${m.version} is not Cargo.toml's ${version}`);
  const zip = `${dist}/jira-token-wizard-${browser}-${version}.zip`;
  const inZip = JSON.parse(execFileSync('unzip', ['-p', zip, 'manifest.json'], { encoding: 'utf8' }));
  if (JSON.stringify(inZip) !== JSON.stringify(m)) fail(`${zip}: manifest.json differs from dist/${browser}`);
  const files = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const f of files) if (/\.(mjs|map|rs|md)$|(^|\/)\./.test(f)) fail(`${zip} holds a file no store needs: ${f}`);
  if (browser === 'chrome' && m.background?.service_worker !== 'background.js') fail('chrome: background.service_worker');
  // The wizard is a side panel (Chrome) or sidebar (Firefox) opened by the toolbar button, whose
  // onClicked fires only when the action has no popup (ARCHITECTURE.md "The wizard beside the page").
  if (m.action?.default_popup) fail(`${browser}: action.default_popup would swallow the toolbar click`);
  if (browser === 'chrome' && (m.side_panel?.default_path !== 'wizard.html' || !m.permissions.includes('sidePanel'))) fail('chrome: side_panel + sidePanel');
  // Least privilege at install (tests/manifest-permissions.test.mjs): what only the clipboard's
  // clear and the reminders need is optional, except `alarms` in Firefox, which cannot be.
  if (browser === 'chrome' && ['alarms', 'offscreen'].some((p) => m.permissions.includes(p) || !m.optional_permissions.includes(p))) fail('chrome: alarms and offscreen optional');
  if (browser === 'firefox' && (!m.permissions.includes('alarms') || m.optional_permissions.some((p) => p === 'alarms' || p === 'offscreen'))) fail('firefox: alarms at install, no offscreen');
  if (browser === 'firefox' && (m.sidebar_action?.default_panel !== 'wizard.html' || m.side_panel || m.permissions.includes('sidePanel'))) fail('firefox: sidebar_action, no side_panel');
  if (browser === 'firefox' && (m.background?.scripts?.[0] !== 'background.js' || m.background?.type !== 'module'
    || !m.browser_specific_settings?.gecko?.id)) fail('firefox: background.scripts + type module + gecko id');
}
EOF
"$ROOT/node_modules/.bin/web-ext" lint --source-dir "$DIST/firefox" --warnings-as-errors --no-input

# ---- CLI -----------------------------------------------------------------------------------
if ! $extension_only; then
  log "cargo build (CLI, release)"
  cargo build --locked --release --bin jira-token-wizard
fi

# ---- report --------------------------------------------------------------------------------
size() { wc -c <"$1" | tr -d ' '; }
gz() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
WASM="$DIST/chrome/pkg/${CRATE}_bg.wasm"
GLUE="$DIST/chrome/pkg/$CRATE.js"
SHELL_JS=$(find "$DIST/chrome" -name '*.js' ! -path '*/pkg/*' -exec cat {} + | wc -c | tr -d ' ')
echo
echo "jira-token-wizard $VERSION"
printf '  wasm       %8s bytes raw  %8s gzip\n' "$(size "$WASM")" "$(gz "$WASM")"
printf '  wasm glue  %8s bytes raw  %8s gzip\n' "$(size "$GLUE")" "$(gz "$GLUE")"
# A guard, not a budget (BENCHMARKS.md): the wasm and its glue stay under 450 000 bytes gzip.
SHIPPED_GZ=$(( $(gz "$WASM") + $(gz "$GLUE") ))
if (( SHIPPED_GZ > 450000 )); then
  echo "build.sh: wasm + glue are $SHIPPED_GZ bytes gzip, over the 450 000-byte guard" >&2
  exit 1
fi
printf '  shell js   %8s bytes raw  (extension/**/*.js)\n' "$SHELL_JS"
for z in "$DIST"/jira-token-wizard-*.zip; do
  printf '  %-44s %8s bytes\n' "$(basename "$z")" "$(size "$z")"
done
printf '  %-44s %8s bytes\n' "target/release/jira-token-wizard" "$(size target/release/jira-token-wizard)"
