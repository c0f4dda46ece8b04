// The stores' screenshots in store/screenshots/ (issue 20 item 8), taken by
// tests/e2e/store-screenshots.test.mjs with JTW_STORE_SCREENSHOTS=1: each is 1280×800 (the
// Chrome Web Store's size, https://developer.chrome.com/docs/webstore/images, which
// addons.mozilla.org takes too), every picture exists in English and Russian, and the stores'
// limits hold (Chrome: at most 5; at least one).

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'store', 'screenshots');

/** Width and height of a PNG, from its IHDR chunk. @param {Buffer} png */
function pngSize(png) {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

test('store screenshots: 1280×800, each in English and Russian', () => {
  assert.ok(existsSync(DIR), `${DIR} is missing: JTW_STORE_SCREENSHOTS=1 node --test tests/e2e/store-screenshots.test.mjs`);
  const files = readdirSync(DIR).filter((f) => f.endsWith('.png')).sort();
  const scenes = new Set(files.map((f) => f.replace(/-(en|ru)\.png$/, '')));
  assert.ok(scenes.size >= 1 && scenes.size <= 5, `1 to 5 pictures per language: ${[...scenes]}`);
  for (const scene of scenes) {
    for (const lang of ['en', 'ru']) {
      assert.ok(files.includes(`${scene}-${lang}.png`), `${scene}-${lang}.png`);
    }
  }
  assert.equal(files.length, scenes.size * 2, `only <scene>-en.png / <scene>-ru.png: ${files}`);
  for (const f of files) {
    assert.deepEqual(pngSize(readFileSync(join(DIR, f))), { width: 1280, height: 800 }, f);
  }
});
