// End-to-end: `check … --report FILE` and `detect … --report FILE` with the real binary against
// the Jira simulator. The report is JSON (schema jira-token-wizard/report@1) unless FILE ends in
// .md; it names the verdict, what was tried (method, scheme, login) and every request with
// Jira's diagnostic headers — and never the secret in any form, for every verdict case.
// Run: `node --test tests/cli/` (builds the binary first; see helpers.mjs).

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { CASES, credentialsOf, startTarget } from './check-cases.mjs';
import { buildCli, runCli } from './helpers.mjs';

before(buildCli);

const dir = mkdtempSync(join(tmpdir(), 'jtw-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
const leakForms = (login, secret) => [secret, b64(`${login ?? ''}:${secret}`), b64(secret)];

/** The JSON a Markdown report carries in its fenced block. */
function jsonOfMarkdown(md) {
  const m = /^(`{3,})json\n([\s\S]*?)\n\1$/m.exec(md);
  assert.ok(m, 'the Markdown report ends with a ```json block');
  return JSON.parse(m[2]);
}

/** Runs `check` for a case with `--report FILE`; returns the run and the file's text. */
async function checkWithReport(kase, target, file, extra = []) {
  const { login, secret } = credentialsOf(kase, target);
  const kaseArgs = (await kase.args?.(target)) ?? [];
  const args = ['check', target.url, '--report', file, ...(login ? ['--user', login] : []), ...kaseArgs, ...extra, ...target.cli.args];
  const run = await runCli(args, { env: { ...target.cli.env, JIRA_TOKEN: secret } });
  let text = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    /* asserted by the caller */
  }
  // A service account's client id names the client as --user names a user: the report says it.
  const clientId = kaseArgs.includes('--client-id') ? kaseArgs[kaseArgs.indexOf('--client-id') + 1] : null;
  return { run, text, login: login ?? clientId, secret };
}

describe('check --report: every verdict, no secret', () => {
  CASES.forEach((kase, i) => {
    const markdown = i % 2 === 1;
    test(`${kase.code}: ${kase.name} (${markdown ? 'Markdown' : 'JSON'})`, { todo: kase.todo }, async () => {
      const target = await startTarget(kase);
      try {
        const file = join(dir, `case-${i}.${markdown ? 'md' : 'json'}`);
        const { run, text, login, secret } = await checkWithReport(kase, target, file, markdown ? ['--lang', 'ru'] : []);
        assert.ok(text, `no report written (exit ${run.code}): ${run.stderr}`);
        assert.equal(run.code, kase.code === 'ok' ? 0 : 1, run.stderr);
        for (const form of leakForms(login, secret)) {
          assert.ok(!text.includes(form), `the report holds ${form === secret ? 'the secret' : 'a base64 form of it'}`);
        }
        assert.ok(!/authorization"\s*:|set-cookie|jsessionid/i.test(text), 'no credential headers');
        const report = markdown ? jsonOfMarkdown(text) : JSON.parse(text);
        assert.equal(report.schema, 'jira-token-wizard/report@1');
        assert.equal(report.kind, 'check');
        assert.equal(report.verdict.code, kase.code);
        assert.equal(report.versions.tool, 'cli');
        assert.match(report.generatedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        assert.ok(report.environment.length > 0);
        assert.equal(report.tried.login, login ?? '');
        assert.ok(report.requests.length > 0);
        for (const r of report.requests) {
          assert.ok(r.path.startsWith('/'), r.path);
          assert.ok(['Basic', 'Bearer', 'None'].includes(r.auth));
        }
        if (markdown) {
          assert.match(text, /^# Мастер токенов Jira — диагностический отчёт/);
          assert.ok(text.includes(report.verdict.fix.ru), 'the Russian fix is in the Markdown');
          assert.ok(text.includes(`\`${kase.code}\``));
        }
      } finally {
        await target.close();
      }
    });
  });
});

describe('what a report shows', () => {
  test('DC wrong password: the login, the scheme and Jira\'s headers', async () => {
    const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
    try {
      const file = join(dir, 'dc-wrong.md');
      const run = await runCli(['check', sim.url, '--user', 'jdoe', '--auth', 'basic', '--report', file, '--lang', 'en'],
        { env: { JIRA_TOKEN: 'wrong-password-1234' } });
      assert.equal(run.code, 1);
      const md = readFileSync(file, 'utf8');
      assert.match(md, /^# Jira Token Wizard — diagnostic report/);
      assert.match(md, /\| Login \| jdoe \|/);
      assert.match(md, /\*\*✗ Jira rejected the login or the secret\*\* `credentials_rejected`/);
      assert.match(md, /\| \d \| GET \/rest\/api\/2\/myself \| Basic \| 401 \| \d+ \| .*x-seraph-loginreason: AUTHENTICATED_FAILED/);
      assert.match(md, /x-anodeid: jira_node_1/);
      assert.match(md, /\| Tool \| Jira Token Wizard command line \d+\.\d+\.\d+/);
      const report = jsonOfMarkdown(md);
      const myself = report.requests.find((r) => r.id === 'myself');
      assert.equal(myself.headers['x-seraph-loginreason'], 'AUTHENTICATED_FAILED');
      assert.equal(myself.headers['x-ausername'], 'anonymous');
      assert.ok(!('set-cookie' in myself.headers));
    } finally {
      await sim.close();
    }
  });

  test('detect --report: a detection report with the recommended method', async () => {
    const sim = await startSimulator({ scenario: 'context-path-mismatch' });
    try {
      const file = join(dir, 'detect.json');
      const run = await runCli(['detect', sim.url, '--report', file]);
      assert.equal(run.code, 0, run.stderr);
      const report = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(report.kind, 'detection');
      assert.equal(report.verdict, null);
      assert.equal(report.recommended, 'pat');
      assert.equal(report.deployment.contextPath, '/jira');
      assert.deepEqual(report.checklist.map((c) => c.id), ['reachable', 'jira', 'method']);
      assert.ok(report.warnings.some((w) => w.code === 'base_url_other_host'));
    } finally {
      await sim.close();
    }
  });

  test('a report file that cannot be written is exit 2, and nothing is half-written', async () => {
    const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
    try {
      const file = join(dir, 'no-such-dir', 'r.json');
      const run = await runCli(['check', sim.url, '--report', file], { env: { JIRA_TOKEN: sim.credentials.users.jdoe.pat } });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /could not write the report to .*r\.json/);
      const empty = await runCli(['check', sim.url, '--report=', '--user', 'x'], { env: { JIRA_TOKEN: 'x' } });
      assert.equal(empty.code, 2);
      assert.match(empty.stderr, /--report needs a file name/);
    } finally {
      await sim.close();
    }
  });
});
