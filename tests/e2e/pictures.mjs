// README pictures that work (issue 20 item 9): each picture the E2E takes for the README is
// checked when it is taken — the PNG is the size of the box it shows (an element, or the whole
// wizard page), measured at capture time, and the page holds one token-test form — and, with
// JTW_DOCS_SCREENSHOTS=1, its box is recorded in docs/screenshots/boxes.json beside the
// picture, which tests/readme-pictures.test.mjs compares with the committed PNGs.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
export const BOXES = join(DOCS, 'boxes.json');

/** Width and height of a PNG, from its IHDR chunk. @param {Buffer} png */
export function pngSize(png) {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG');
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR', 'IHDR first');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * Checks a README picture against the box it shows and, with JTW_DOCS_SCREENSHOTS=1, records
 * that box for tests/readme-pictures.test.mjs.
 * @param {string} name  the file name under docs/screenshots/
 * @param {Buffer} png
 * @param {{width: number, height: number, forms: number}} box  CSS px (scale 1) and the
 *   number of token-test forms on the page, measured when the picture was taken
 * @param {string} shows  what the picture shows (`document`, or the element's test id)
 */
export function checkPicture(name, png, box, shows) {
  assert.equal(box.forms, 1, `${name}: one token-test form on the page, not ${box.forms}`);
  const want = { width: Math.round(box.width), height: Math.round(box.height) };
  assert.deepEqual(pngSize(png), want, `${name}: the picture is the size of ${shows}`);
  if (process.env.JTW_DOCS_SCREENSHOTS !== '1') return;
  mkdirSync(DOCS, { recursive: true });
  const boxes = existsSync(BOXES) ? JSON.parse(readFileSync(BOXES, 'utf8')) : {};
  boxes[name] = { shows, ...want, forms: box.forms };
  const sorted = Object.fromEntries(Object.entries(boxes).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(BOXES, `${JSON.stringify(sorted, null, 2)}\n`);
}
