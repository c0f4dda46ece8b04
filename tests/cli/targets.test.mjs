// End-to-end: `check --for TARGET` — the real binary against the Jira simulator. Each target's
// profile decides what is sent (ELMA365 Basic, AvePoint e-mail + API token, nothing at all where
// the target does not work), the permissions checked, and the connection snippet printed after
// the checklist, whose secret is always masked: the CLI never prints the secret.
// Run: `node --test tests/cli/` (builds the binary first; see helpers.mjs).

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { buildCli, runCli, startSite } from './helpers.mjs';

before(buildCli);

/** The mask the core puts in every snippet's secret field (src/snippet.rs SECRET_MASK). */
const MASK = '••••••••';

const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
/** Every form in which a secret could leak: itself, base64(login:secret), base64(secret). */
const leakForms = (login, secret) => [secret, b64(`${login ?? ''}:${secret}`), b64(secret)];

/** The simulator log entries that carried an Authorization header: `scheme path`. */
const authorized = (log) => log.filter((e) => e.hasAuthorization).map((e) => `${e.authScheme} ${e.path}`);

/** Runs `check --for target` in text and JSON; returns both runs, JSON parsed. */
async function checkFor(sim, { target, user, secret, args = [], lang = 'en' }) {
  const base = ['check', sim.url, '--for', target, '--lang', lang, ...(user ? ['--user', user] : []), ...args, ...(sim.cli?.args ?? [])];
  const env = { ...sim.cli?.env, JIRA_TOKEN: secret };
  const json = await runCli([...base, '--format', 'json'], { env });
  const text = await runCli([...base, '--format', 'text'], { env });
  let parsed;
  try {
    parsed = JSON.parse(json.stdout);
  } catch {
    throw new Error(`not JSON (exit ${json.code}):\nstdout: ${json.stdout}\nstderr: ${json.stderr}`);
  }
  for (const run of [json, text]) {
    const out = run.stdout + run.stderr;
    for (const form of leakForms(user, secret)) {
      assert.ok(!out.includes(form), `output holds ${form === secret ? 'the secret' : 'a base64 form of it'}`);
    }
  }
  return { json: parsed, jsonRun: json, text: text.stdout, textRun: text };
}

/** The snippet's fields as `{key: value}`. */
const fieldsOf = (snippet) => Object.fromEntries(snippet.fields.map((f) => [f.key, f.value]));

describe('check --for', () => {
  test('AvePoint on a self-managed Jira: target_not_supported, and no credential is sent', async () => {
    const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
    try {
      const { users } = sim.credentials;
      for (const target of ['avepoint-backup', 'avepoint-restore']) {
        const r = await checkFor(sim, { target, user: users.admin.login, secret: users.admin.pat });
        assert.equal(r.jsonRun.code, 1);
        assert.equal(r.textRun.code, 1);
        assert.equal(r.json.verdict.code, 'target_not_supported');
        assert.equal(r.json.target, target);
        assert.equal(r.json.snippet, null);
        assert.match(r.text, /\[target_not_supported\]/);
        assert.ok(!r.text.includes(MASK), 'no snippet for an unsupported target');
      }
      assert.ok(sim.log.length > 0, 'detection asked the site');
      assert.deepEqual(authorized(sim.log), [], 'no request carried Authorization');
    } finally {
      await sim.close();
    }
  });

  test('AvePoint backup on Cloud: the six AvePoint fields, the API token masked', async () => {
    const sim = await startSite({ scenario: 'cloud' });
    try {
      const { admin } = sim.credentials.users;
      const r = await checkFor(sim, { target: 'avepoint-backup', user: admin.login, secret: admin.apiToken });
      assert.ok(['ok', 'missing_permissions'].includes(r.json.verdict.code), r.json.verdict.code);
      assert.equal(r.json.scheme, 'basic');
      assert.equal(r.json.authMethod, 'api-token');
      const s = r.json.snippet;
      assert.equal(s.target, 'avepoint-backup');
      assert.deepEqual(s.fields.map((f) => f.key),
        ['profileName', 'description', 'application', 'hostUrl', 'userEmail', 'apiToken']);
      const f = fieldsOf(s);
      assert.equal(f.apiToken, MASK);
      assert.equal(f.userEmail, admin.login);
      assert.equal(f.hostUrl, sim.baseUrl);
      assert.equal(s.json.fields.apiToken, MASK);
      assert.ok(s.text.en.includes(`API token: ${MASK}`));
      // Text: the block after the checklist, in the chosen language, with the notes.
      const verdictAt = r.text.indexOf(`[${r.json.verdict.code}]`);
      const blockAt = r.text.indexOf(s.title.en);
      assert.ok(verdictAt > 0 && blockAt > verdictAt, r.text);
      for (const field of s.fields) assert.ok(r.text.includes(`${field.label.en}: ${field.value}`), field.key);
      assert.ok(r.text.includes(s.notes[0].en));
      // No --project: the projects the account can browse.
      assert.ok(r.json.projects.some((p) => p.key === 'PROJ'));
      assert.match(r.text, /Projects the account can browse \(\d+\):\n {2}PROJ +Demo project/);
      const ru = await checkFor(sim, { target: 'avepoint-backup', user: admin.login, secret: admin.apiToken, lang: 'ru' });
      assert.ok(ru.text.includes(`API-токен: ${MASK}`), ru.text);
      assert.ok(ru.text.includes(s.title.ru));
    } finally {
      await sim.close();
    }
  });

  test('ELMA365 with a PAT on Data Center: sent as Basic, then one Bearer retry → pat_not_accepted_as_password', async () => {
    const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
    try {
      const { admin } = sim.credentials.users;
      const base = ['check', sim.url, '--for', 'elma365', '--user', admin.login, '--format', 'json'];
      const run = await runCli(base, { env: { JIRA_TOKEN: admin.pat } });
      const json = JSON.parse(run.stdout);
      assert.equal(run.code, 1);
      assert.equal(json.verdict.code, 'pat_not_accepted_as_password');
      assert.equal(json.scheme, 'basic', 'ELMA365 sends Basic even though auto would pick a PAT on 9.12');
      assert.deepEqual(authorized(sim.log), ['basic /rest/api/2/myself', 'bearer /rest/api/2/myself']);
      assert.equal(json.snippet, null);
      for (const form of leakForms(admin.login, admin.pat)) assert.ok(!(run.stdout + run.stderr).includes(form));
    } finally {
      await sim.close();
    }
  });

  test('ELMA365 with jdoe\'s password in PROJ: missing_permissions naming CREATE_ISSUES, snippet masked', async () => {
    const sim = await startSimulator({ scenario: 'missing-permissions' });
    try {
      const { jdoe } = sim.credentials.users;
      const r = await checkFor(sim, { target: 'elma365', user: jdoe.login, secret: jdoe.password, args: ['--project', 'PROJ'] });
      assert.equal(r.jsonRun.code, 1);
      assert.equal(r.json.verdict.code, 'missing_permissions');
      assert.deepEqual(r.json.permissions.missing.map((m) => m.key), ['CREATE_ISSUES']);
      assert.equal(r.json.permissions.project, 'PROJ');
      assert.match(r.json.verdict.cause.en, /CREATE_ISSUES/);
      // Basic on Server/DC: one request at a time (CAPTCHA counter).
      assert.ok(authorized(sim.log).every((e) => e.startsWith('basic ')), JSON.stringify(authorized(sim.log)));
      const f = fieldsOf(r.json.snippet);
      assert.deepEqual(Object.keys(f), ['authType', 'server', 'login', 'password']);
      assert.equal(f.authType, 'Basic Auth');
      assert.equal(f.login, 'jdoe');
      assert.equal(f.password, MASK);
      assert.match(r.text, /\[missing_permissions\]/);
      assert.match(r.text, /✗ Missing permissions: Create Issues \(CREATE_ISSUES\) \(project PROJ\)/);
      assert.ok(r.text.includes(`Password: ${MASK}`), r.text);
      assert.ok(r.text.includes('Login: jdoe'));
      assert.ok(!/Projects the account can browse/.test(r.text), '--project given: no project list');
    } finally {
      await sim.close();
    }
  });

  test('Issue Sync: a fresh Local Authentication Key per run, at least 32 characters, secret masked', async () => {
    // The CLI has no browser tab, so it cannot know who is logged in: technical_user_is_you
    // is the popup's warning (tests/e2e/targets.test.mjs).
    const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
    try {
      const { admin } = sim.credentials.users;
      const keys = [];
      for (let i = 0; i < 2; i += 1) {
        const r = await checkFor(sim, { target: 'issue-sync', user: admin.login, secret: admin.pat });
        assert.equal(r.jsonRun.code, 0, r.json.verdict.code);
        assert.equal(r.json.verdict.code, 'ok');
        assert.ok(!r.json.warnings.some((w) => w.code === 'technical_user_is_you'));
        const f = fieldsOf(r.json.snippet);
        assert.equal(f.technicalUser, 'admin');
        assert.ok(f.localKey.length >= 32, f.localKey);
        assert.match(f.localKey, /^[0-9a-f]{64}$/, '32 random bytes as hex');
        assert.ok(r.json.snippet.fields.filter((x) => x.secret).every((x) => x.value === MASK));
        assert.ok(!JSON.stringify(r.json.snippet).includes(admin.pat));
        // The text run drew its own key: it shows a key, not the JSON run's one.
        const textKey = r.text.match(/Local Authentication Key: ([0-9a-f]+)/)?.[1];
        assert.ok(textKey && textKey.length === 64, r.text);
        assert.notEqual(textKey, f.localKey);
        keys.push(f.localKey, textKey);
      }
      assert.equal(new Set(keys).size, keys.length, 'every run draws a new key');
    } finally {
      await sim.close();
    }
  });

  test('an unknown --for is a usage error that does not echo the value', async () => {
    const run = await runCli(['check', 'http://127.0.0.1:9/', '--for', 'jenkins-x'], { env: { JIRA_TOKEN: 'x-secret-1' } });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--for must be one of: generic, elma365, avepoint-backup, avepoint-restore, issue-sync/);
    assert.ok(!run.stderr.includes('jenkins-x'));
  });
});
