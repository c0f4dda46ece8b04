// Any secret gets a verdict (SECURITY.md §7.2), through the real CLI: random secrets — Cyrillic,
// emoji, spaces, CR/LF, 1–2,000 characters — against the simulator's Data Center, with each
// method. Each run ends in a catalogue verdict within the timeout, never "unreachable", and
// the secret is in neither the output nor the simulator's log.
// Run: `node --test tests/cli/secrets-property.test.mjs`.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { buildCli, runCli } from './helpers.mjs';

before(buildCli);

const ALPHABETS = ['абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖ', 'abcXYZ0123456789-_=+/', '🔑😀🇷🇺', ' \t', '\r\n', 'ÄÖÜßéñ€£'];

/** A seeded generator, so a failure names a case that can be run again. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function randomSecret(next) {
  const length = 1 + Math.floor(next() ** 3 * 2000);
  const chars = [];
  while (chars.length < length) {
    const alphabet = [...ALPHABETS[Math.floor(next() * ALPHABETS.length)]];
    chars.push(alphabet[Math.floor(next() * alphabet.length)]);
  }
  const secret = chars.join('');
  // At least one visible character: an all-blank secret is a usage error, not a verdict.
  return /\S/.test(secret) ? secret : `${secret}ж`;
}

test('random secrets through the CLI: a named verdict, no secret anywhere', async (t) => {
  const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
  t.after(() => sim.close());
  const next = rng(Number(process.env.JTW_SEED ?? 11));
  for (let i = 0; i < 24; i += 1) {
    const secret = randomSecret(next);
    const auth = ['auto', 'basic', 'pat'][i % 3];
    const run = await runCli(['check', sim.url, '--user', 'admin', '--auth', auth, '--format', 'json', '--timeout', '5'],
      { env: { JIRA_TOKEN: secret }, killAfterMs: 20_000 });
    const what = `case ${i} (${auth}, ${secret.length} chars)`;
    assert.equal(run.signal, null, `${what}: killed — it hung`);
    assert.ok(run.code === 0 || run.code === 1, `${what}: exit ${run.code}: ${run.stderr}`);
    const r = JSON.parse(run.stdout);
    assert.match(r.verdict.code, /^[a-z_]+$/, what);
    assert.notEqual(r.verdict.code, 'unreachable', what);
    assert.ok(r.verdict.title.en && r.verdict.title.ru, `${what}: a catalogue verdict has both titles`);
    const visible = secret.trim();
    if (visible.length >= 4) {
      assert.ok(!run.stdout.includes(visible) && !run.stderr.includes(visible), `${what}: secret in the output`);
      assert.ok(!JSON.stringify(sim.log).includes(visible), `${what}: secret in the simulator's log`);
    }
  }
});
