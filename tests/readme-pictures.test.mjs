// README's pictures (issue 20 item 9): every docs/screenshots/*.png the README shows was taken
// by the E2E with JTW_DOCS_SCREENSHOTS=1, which recorded the box it shows in
// docs/screenshots/boxes.json (tests/e2e/pictures.mjs). A picture cut short of its element, or
// taller than it (the form drawn twice), or retaken without its record, fails here; so does a
// picture the README no longer shows.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DOCS = join(ROOT, 'docs', 'screenshots');

function pngSize(png) {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const shown = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/docs\/screenshots\/([\w.-]+\.png)/g)]
  .map((m) => m[1]);

test('README pictures: each is the size of the box it shows, with one form', () => {
  assert.ok(shown.length > 0, 'README shows pictures');
  const boxes = existsSync(join(DOCS, 'boxes.json')) ? JSON.parse(readFileSync(join(DOCS, 'boxes.json'), 'utf8')) : {};
  for (const name of new Set(shown)) {
    const box = boxes[name];
    assert.ok(box, `${name}: no record of the box it shows (retake it: JTW_DOCS_SCREENSHOTS=1, tests/README.md)`);
    assert.equal(box.forms, 1, `${name}: one token-test form`);
    assert.deepEqual(pngSize(readFileSync(join(DOCS, name))), { width: box.width, height: box.height },
      `${name}: the picture is the size of ${box.shows}`);
  }
});

test('README pictures: every picture in docs/screenshots/ is shown, and shown once', () => {
  const files = readdirSync(DOCS).filter((f) => f.endsWith('.png'));
  assert.deepEqual(files.filter((f) => !shown.includes(f)), [], 'pictures the README does not show');
  assert.deepEqual(shown.filter((f, i) => shown.indexOf(f) !== i), [], 'a picture shown twice');
});
