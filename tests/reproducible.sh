#!/usr/bin/env bash
# Two builds of the extension give byte-identical output: dist/firefox (what Mozilla's
# reviewers rebuild from source, store/amo-source-review.md), dist/chrome and both zips. The
# second build runs in a copy of the checkout in another folder, with a target/ of its own and
# CARGO_HOME under another name (a link to the same one: nothing is downloaded), so neither a
# path nor a leftover of the first build can hide a difference. Run after ./build.sh;
# test.sh runs it (≈ 3 min on two cores: the copy compiles the wasm from scratch).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
[[ -d dist/firefox ]] || { echo "tests/reproducible.sh: run ./build.sh first" >&2; exit 2; }

COPY="$(mktemp -d "${TMPDIR:-/tmp}/jtw-reproducible-XXXXXX")"
HOME_LINK="$COPY.cargo-home"
trap 'rm -rf "$COPY" "$HOME_LINK" 2>/dev/null || true' EXIT
ln -s "$(cd "${CARGO_HOME:-$HOME/.cargo}" && pwd -P)" "$HOME_LINK"
# The tracked files as they are in the work tree (what a reviewer's source archive holds).
git ls-files -z | xargs -0 cp -p --parents -t "$COPY"
# The first build's npm packages, linked (build.sh --extension never reinstalls them).
ln -s "$ROOT/node_modules" "$COPY/node_modules"
(cd "$COPY" && CARGO_HOME="$HOME_LINK" ./build.sh --extension >"$COPY.log" 2>&1) || { cat "$COPY.log" >&2; exit 1; }
rm -f "$COPY.log"
[[ -f node_modules/.package-lock.json ]] || { echo "tests/reproducible.sh: the second build touched node_modules" >&2; exit 1; }

status=0
for browser in firefox chrome; do
  if ! diff -r "dist/$browser" "$COPY/dist/$browser" >/dev/null; then
    echo "not reproducible: dist/$browser differs between two builds:" >&2
    diff -rq "dist/$browser" "$COPY/dist/$browser" >&2 || true
    status=1
  fi
done
for zip in dist/jira-token-wizard-*.zip; do
  cmp -s "$zip" "$COPY/$zip" || { echo "not reproducible: $zip differs" >&2; status=1; }
done
if (( status == 0 )); then
  echo "reproducible: dist/firefox, dist/chrome and both zips are byte-identical across two builds"
  sha256sum dist/jira-token-wizard-*.zip
fi
exit $status
