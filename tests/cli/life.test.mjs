// A token's life through the real CLI (issue 19): endpoint_removed (the credential works, the
// connector does not), moved_to_cloud (a Data Center credential or address after a move) and
// token_expired (--expires-on), in English and Russian, text and JSON. The cases are
// check-cases.mjs's (check.test.mjs runs each once for its code).

import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { CASES, runCase, startTarget } from './check-cases.mjs';
import { buildCli } from './helpers.mjs';

before(() => buildCli());

const byCode = (code, n = 0) => CASES.filter((c) => c.code === code)[n];

/** Runs `kase` in JSON and in text in both languages; closes its target. */
async function runAll(kase) {
  const target = await startTarget(kase);
  try {
    return {
      json: await runCase(kase, target),
      en: await runCase(kase, target, { format: 'text', lang: 'en' }),
      ru: await runCase(kase, target, { format: 'text', lang: 'ru' }),
    };
  } finally {
    await target.close();
  }
}

test('endpoint_removed: the credential works, the connector will fail, exit 1', async () => {
  const { json, en, ru } = await runAll(byCode('endpoint_removed'));
  assert.equal(json.code, 1, json.stderr);
  const v = json.json.verdict;
  assert.equal(v.code, 'endpoint_removed');
  assert.equal(v.ok, false);
  assert.equal(v.credentialWorks, true);
  assert.ok(json.json.user, 'the account Jira named');
  assert.match(en.stdout, /The credential works, but the integration calls an API Jira removed/);
  assert.match(en.stdout, /GET \/rest\/api\/2\/search/);
  assert.match(en.stdout, /GET \/rest\/api\/3\/search\/jql/);
  assert.match(en.stdout, /vendor's problem, not yours/);
  assert.match(ru.stdout, /Учётные данные работают, но интеграция вызывает API, удалённый из Jira/);
  assert.match(ru.stdout, /проблема поставщика интеграции/);
});

test('moved_to_cloud: a DC PAT, a username and the old address each name the new address and credential', async () => {
  for (const [n, site] of [
    [0, 'https://cloud-refuses-dc-pat.atlassian.net'],
    [1, 'https://cloud-refuses-dc-pat.atlassian.net'],
    [2, 'https://moved-to-cloud.atlassian.net'],
  ]) {
    const kase = byCode('moved_to_cloud', n);
    const { json, en, ru } = await runAll(kase);
    assert.equal(json.code, 1, kase.name);
    assert.equal(json.json.verdict.code, 'moved_to_cloud', kase.name);
    assert.ok(en.stdout.includes(site), `${kase.name}: ${en.stdout}`);
    assert.match(en.stdout, /This Jira moved to Cloud/);
    assert.match(en.stdout, /e-mail with an API token, sent as Basic authentication/);
    assert.match(en.stdout, /https:\/\/id\.atlassian\.com\/manage-profile\/security\/api-tokens/);
    assert.match(ru.stdout, /Эта Jira переехала в Cloud/);
    assert.ok(ru.stdout.includes(site), `${kase.name}: ${ru.stdout}`);
  }
});

test('token_expired with --expires-on; without it the refusal says how to tell expired from wrong', async () => {
  const kase = byCode('token_expired');
  const { json, en, ru } = await runAll(kase);
  assert.equal(json.json.verdict.code, 'token_expired');
  assert.match(en.stdout, /The API token expired on 2026-03-20/);
  assert.match(en.stdout, /12 days ago/);
  assert.match(ru.stdout, /Срок API-токена истёк 2026-03-20/);
  assert.match(ru.stdout, /12 дней назад/);
  // The same refusal with a date still ahead, and with no date: credentials_rejected, saying
  // an expired token looks the same and where the list of tokens is.
  for (const extra of [['--expires-on', '2026-06-01'], []]) {
    const other = {
      ...kase,
      args: async (sim) => [...(await kase.args(sim)).filter((a, i, all) => a !== '--expires-on' && all[i - 1] !== '--expires-on'), ...extra],
    };
    const r = await runAll(other);
    assert.equal(r.json.json.verdict.code, 'credentials_rejected', extra.join(' '));
    assert.match(r.en.stdout, /An expired API token is refused exactly like a wrong one/);
    assert.match(r.ru.stdout, /Истёкший API-токен отклоняется точно так же, как неверный/);
  }
});

test('--expires-on and --calls are checked before anything is sent', async () => {
  for (const [args, want] of [
    [['--expires-on', '20.03.2026'], /expiry date must be a date such as/],
    [['--calls', 'search-v2,hunter2'], /not an endpoint the test knows/],
  ]) {
    const kase = { ...byCode('token_expired'), args: () => args };
    const target = await startTarget(kase);
    try {
      const r = await runCase(kase, target, { format: 'text' });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, want);
      assert.ok(!r.stderr.includes('hunter2'), r.stderr);
      assert.ok(target.log.length > 0, 'detection ran');
      assert.equal(target.log.filter((e) => e.hasAuthorization).length, 0, 'no credential sent');
    } finally {
      await target.close();
    }
  }
});
