// The helpdesk page's paste parser (extension/helpdesk-report.js) is linear in its input and
// capped (SECURITY.md §7.5): a hostile paste cannot freeze the helpdesk's browser.
// Run: `node --test tests/helpdesk-report.test.mjs`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_INPUT_CHARS, SCHEMA, jsonBlock, jsonEnd, parseReport, parseReports } from '../extension/helpdesk-report.js';

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

const text = (en) => ({ en, ru: en });
/** The smallest report the page accepts, from `tool` with the verdict `code`. */
const report = (tool, code) => ({
  schema: SCHEMA,
  kind: 'check',
  generatedAt: '2026-01-01T00:00:00Z',
  environment: tool === 'cli' ? 'linux' : 'Chrome',
  versions: { tool, toolVersion: '0.1.0', core: '0.1.0' },
  deployment: { summary: text('Jira Data Center 9.12'), baseUrl: 'https://jira.example.com' },
  verdict: { code, ok: code === 'ok', title: text(code), cause: text('a "}" {cause'), fix: text('fix') },
  tried: { login: 'admin' },
  checklist: [],
  warnings: [],
  requests: [],
});
const markdown = (r) => `# Report\n\nSome words.\n\n\`\`\`json\n${JSON.stringify(r, null, 2)}\n\`\`\`\n`;

test('two JSON documents one after the other are two reports', () => {
  const a = report('extension', 'ok');
  const b = report('cli', 'tls_untrusted');
  const r = parseReports(`${JSON.stringify(a, null, 2)}\n\n${JSON.stringify(b)}`);
  assert.equal(r.ok, true);
  assert.deepEqual(r.reports, [a, b]);
  assert.equal(r.from, 'json');
  assert.equal(jsonEnd('{"a":"}\\"","b":[{}]} {}'), 20, 'strings and escapes are skipped');
});

test('two Markdown reports one after the other are two reports', () => {
  const a = report('extension', 'ok');
  const b = report('cli', 'unreachable');
  const r = parseReports(`${markdown(a)}\n---\n${markdown(b)}`);
  assert.equal(r.ok, true);
  assert.deepEqual(r.reports, [a, b]);
  assert.equal(r.from, 'markdown');
});

test('one report still reads as one; three or a broken second are refused', () => {
  const a = report('extension', 'ok');
  const one = parseReports(markdown(a));
  assert.equal(one.ok, true);
  assert.equal(one.reports.length, 1);
  assert.equal(parseReports(JSON.stringify(a)).reports.length, 1);
  const three = parseReports([a, a, a].map((x) => JSON.stringify(x)).join('\n'));
  assert.deepEqual(three, { ok: false, error: { key: 'hdErrTooMany', vars: { max: '2' } } });
  const broken = parseReports(`${JSON.stringify(a)}\n{"schema": `);
  assert.equal(broken.ok, false);
});

for (const [name, unit] of [
  ['open braces', '{'],
  ['open strings', '{"'],
  ['empty documents', '{}'],
  ['fenced blocks', `\`\`\`json\n{"schema":"${SCHEMA}"}\n\`\`\`\n`],
]) {
  test(`two-report reading is linear on 320 KB of ${name}`, () => {
    const paste = unit.repeat(Math.ceil(320_000 / unit.length));
    const started = performance.now();
    const r = parseReports(paste);
    const ms = performance.now() - started;
    assert.equal(r.ok, false);
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms for ${paste.length} characters`);
  });
}

test('the steps a token test re-made: absent, or a list of {en, ru} texts', () => {
  const plain = report('extension', 'ok');
  assert.equal(parseReport(JSON.stringify(plain)).ok, true, 'a report without steps');
  const steps = [text('In the integration enter https://api.atlassian.com/ex/jira/abc as the Jira address')];
  const withSteps = parseReport(JSON.stringify({ ...plain, steps }));
  assert.equal(withSteps.ok, true);
  assert.deepEqual(withSteps.report.steps, steps);
  for (const bad of ['a step', [{ en: 'only English' }], [42], {}]) {
    const r = parseReport(JSON.stringify({ ...plain, steps: bad }));
    assert.deepEqual(r, { ok: false, error: { key: 'hdErrField', vars: { field: 'steps' } } }, JSON.stringify(bad));
  }
});
