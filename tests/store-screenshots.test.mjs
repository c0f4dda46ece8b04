// The stores' screenshots in store/screenshots/ (issue 20 item 8), taken by
// tests/e2e/store-screenshots.test.mjs with JTW_STORE_SCREENSHOTS=1: each is 1280×800 (the
// Chrome Web Store's size, https://developer.chrome.com/docs/webstore/images, which
// addons.mozilla.org takes too), every picture exists in English and Russian, and the stores'
// limits hold (Chrome: at most 5; at least one). And Chrome's small promo tile in store/promo/
// (same test, same page's rules): 440×280, English and Russian, and not blank — decoded here,
// it has many colours and none covers nearly all of it.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const STORE = join(dirname(fileURLToPath(import.meta.url)), '..', 'store');
const DIR = join(STORE, 'screenshots');

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

/**
 * The pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are), as
 * one 0xRRGGBB number each: IDAT inflated, each row unfiltered (PNG spec §9).
 * @param {Buffer} png
 */
function pixels(png) {
  const { width, height } = pngSize(png);
  const [depth, type, , , interlace] = png.subarray(24, 29);
  assert.equal(depth, 8, '8 bits per channel');
  assert.ok(type === 2 || type === 6, 'RGB or RGBA');
  assert.equal(interlace, 0, 'not interlaced');
  const channels = type === 6 ? 4 : 3;
  const chunks = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    const kind = png.subarray(at + 4, at + 8).toString('latin1');
    if (kind === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const out = new Uint32Array(width * height);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = Uint8Array.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? row[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const predict = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      row[i] = (row[i] + predict) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = x * channels;
      out[y * width + x] = (row[o] << 16) | (row[o + 1] << 8) | row[o + 2];
    }
    prev = row;
  }
  return out;
}

test('the promo tile: 440×280, in English and Russian, not blank, named in the Chrome listing', () => {
  for (const lang of ['en', 'ru']) {
    const name = `promo-tile-440x280-${lang}.png`;
    const file = join(STORE, 'promo', name);
    assert.ok(existsSync(file), `${file} is missing: JTW_STORE_SCREENSHOTS=1 node --test tests/e2e/store-screenshots.test.mjs`);
    const png = readFileSync(file);
    assert.deepEqual(pngSize(png), { width: 440, height: 280 }, name);
    const counts = new Map();
    for (const px of pixels(png)) counts.set(px, (counts.get(px) ?? 0) + 1);
    assert.ok(counts.size > 50, `${name}: ${counts.size} colours — a blank or flat tile`);
    const most = Math.max(...counts.values());
    assert.ok(most < 0.9 * 440 * 280, `${name}: one colour covers ${most} of ${440 * 280} pixels`);
    assert.match(readFileSync(join(STORE, 'chrome-web-store.md'), 'utf8'), new RegExp(`promo/${name}`), `${name} in chrome-web-store.md`);
  }
});

test('the PNG reader sees a flat picture as flat, and filtered rows as they are', () => {
  /** A PNG chunk (the reader does not check CRCs: zero). */
  const chunk = (kind, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(kind, 'latin1'), data, Buffer.alloc(4)]);
  };
  /** A 3×2 RGB PNG from `rows` (each: filter byte, then 9 bytes). */
  const png = (rows) => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(3, 0);
    ihdr.writeUInt32BE(2, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.from(rows.flat()))), chunk('IEND', Buffer.alloc(0))]);
  };
  const flat = [0, 0x2f, 0x6f, 0xde, 0x2f, 0x6f, 0xde, 0x2f, 0x6f, 0xde];
  assert.deepEqual([...new Set(pixels(png([flat, flat])))], [0x2f6fde]);
  // Sub (1) then Up (2) filters: the second row adds 1 to each byte of the first.
  const sub = [1, 10, 20, 30, 1, 1, 1, 1, 1, 1];
  const up = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1];
  assert.deepEqual([...pixels(png([sub, up]))], [0x0a141e, 0x0b151f, 0x0c1620, 0x0b151f, 0x0c1620, 0x0d1721]);
});
