// The helpdesk page's paste parser (extension/helpdesk-report.js) is linear in its input and
// capped (SECURITY.md §7.5): a hostile paste cannot freeze the helpdesk's browser.
// Run: `node --test tests/helpdesk-report.test.mjs`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_INPUT_CHARS, jsonBlock, parseReport } from '../extension/helpdesk-report.js';

test('the JSON block of a Markdown report, with longer fences and CRLF', () => {
  assert.equal(jsonBlock('# r\n\n````json\n{"a":"```"}\n````\n'), '{"a":"```"}');
  assert.equal(jsonBlock('# r\r\n```json\r\n{"a":1}\r\n```\r\n'), '{"a":1}');
  assert.equal(jsonBlock('```json\n{"a":1}\n```\n```json\n{"b":2}\n```'), '{"b":2}', 'the last block');
  assert.equal(jsonBlock('```json\n{"a":1}\n````\n'), null, 'a fence closes only with its own length');
  assert.equal(jsonBlock('no block'), null);
});

for (const [name, unit] of [
  ['unclosed fences', '```json\n'],
  ['fence-like lines', '```` json ```\n`'],
  ['backtick runs', '`'.repeat(3)],
]) {
  test(`linear time on 320 KB of ${name}`, () => {
    const paste = unit.repeat(Math.ceil(320_000 / unit.length));
    const started = performance.now();
    const r = parseReport(paste);
    const ms = performance.now() - started;
    assert.equal(r.ok, false);
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms for ${paste.length} characters`);
  });
}

test('a paste over the cap is refused before it is read', () => {
  const r = parseReport(`# x\n${'a'.repeat(MAX_INPUT_CHARS)}`);
  assert.deepEqual(r, { ok: false, error: { key: 'hdErrTooBig', vars: {} } });
});
