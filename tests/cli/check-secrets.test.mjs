// End-to-end: where `check` takes the secret from (JIRA_TOKEN, --token-stdin; never argv), that
// nothing it prints ever holds it, and its usage errors (exit 2, before any request).
// Run: `node --test tests/cli/` (builds the binary first; see helpers.mjs).

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { buildCli, runCli, startSite } from './helpers.mjs';
import { CASES, credentialsOf, runCase, startTarget } from './check-cases.mjs';

before(buildCli);

const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');

/** Every form in which a secret could leak: itself, base64(login:secret), base64(secret). */
const leakForms = (login, secret) => [secret, b64(`${login ?? ''}:${secret}`), b64(secret)];

const USAGE = /^jira-token-wizard: .+\nTry 'jira-token-wizard --help'\.\n$/;

describe('no output ever holds the secret', () => {
  for (const kase of CASES) {
    for (const format of ['text', 'json']) {
      test(`${kase.code}: ${kase.name} (${format})`, { todo: kase.todo }, async () => {
        const sim = await startTarget(kase); // a fresh one per run: failed logins add up
        try {
          const run = await runCase(kase, sim, { format });
          const out = run.stdout + run.stderr;
          assert.ok(run.stdout.length > 0);
          for (const form of leakForms(run.login, run.secret)) {
            assert.ok(!out.includes(form), `output holds ${form === run.secret ? 'the secret' : 'a base64 form of it'}`);
          }
        } finally {
          await sim.close();
        }
      });
    }
  }

  test('the secret is redacted wherever it turns up in what is printed', async () => {
    // Stand-in for text the CLI does not control (a hostile server's header, a URL): the secret
    // in the URL's query is echoed by the request log; the last-line redactor must catch it.
    const sim = await startSimulator({ scenario: 'sso-redirect' });
    try {
      const secret = 'EchoedSecretValue42';
      for (const format of ['text', 'json']) {
        const run = await runCli(['check', `${sim.url}?x=${secret}`, '--user', 'jdoe', '--format', format], { env: { JIRA_TOKEN: secret } });
        assert.equal(run.code, 1);
        assert.ok(run.stdout.includes('?x=[redacted]'), run.stdout);
        assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), run.stdout);
      }
    } finally {
      await sim.close();
    }
  });
});

describe('where the secret comes from', () => {
  const okCase = CASES.find((c) => c.name === 'DC 9.12 cluster, jdoe personal access token');

  test('--token-stdin: the first line of stdin (and it wins over JIRA_TOKEN)', async () => {
    const sim = await startTarget(okCase);
    try {
      const { secret } = credentialsOf(okCase, sim);
      for (const env of [{}, { JIRA_TOKEN: 'a-wrong-token-from-env' }]) {
        const run = await runCli(['check', sim.url, '--user', 'jdoe', '--token-stdin', '--format', 'json'], {
          env, input: `${secret}\r\nsecond line ignored\n`,
        });
        assert.equal(run.code, 0, run.stderr + run.stdout);
        assert.equal(JSON.parse(run.stdout).verdict.code, 'ok');
      }
    } finally {
      await sim.close();
    }
  });

  test('--user may be left out for a personal access token', async () => {
    const sim = await startTarget(okCase);
    try {
      const { secret } = credentialsOf(okCase, sim);
      const run = await runCli(['check', sim.url, '--format', 'json'], { env: { JIRA_TOKEN: secret } });
      assert.equal(run.code, 0, run.stderr);
      const json = JSON.parse(run.stdout);
      assert.equal(json.verdict.code, 'ok');
      assert.equal(json.user.name, 'jdoe');
    } finally {
      await sim.close();
    }
  });

  test('--user left out where the method needs a login: exit 2 with the core\'s message, no credential sent', async () => {
    const sim = await startSite({ scenario: 'cloud' });
    try {
      const run = await runCli(['check', sim.url, ...sim.cli.args], { env: { ...sim.cli.env, JIRA_TOKEN: sim.credentials.users.jdoe.apiToken } });
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /an API token needs a login .*--user/);
      assert.match(run.stderr, USAGE);
      assert.ok(sim.log.every((e) => !e.hasAuthorization));
    } finally {
      await sim.close();
    }
  });

  const refusals = {
    'no secret at all': { args: [] },
    'an empty JIRA_TOKEN': { args: [], env: { JIRA_TOKEN: '  ' } },
    '--token-stdin with nothing on stdin': { args: ['--token-stdin'], env: { JIRA_TOKEN: 'ignored-env-token' } },
    '--token VALUE': { args: ['--token', 'ArgvSecretValue1'] },
    '--token=VALUE': { args: ['--token=ArgvSecretValue1'] },
    '--password VALUE': { args: ['--password', 'ArgvSecretValue1'] },
    'a secret as a stray argument': { args: ['ArgvSecretValue1'], env: { JIRA_TOKEN: 'x-token-1' } },
    'a secret in place of the URL': { args: [], url: 'ArgvSecretValue1', env: { JIRA_TOKEN: 'x-token-1' } },
    '--user login:secret': { args: ['--user', 'jdoe:ArgvSecretValue1'], env: { JIRA_TOKEN: 'x-token-1' } },
    '--auth with a secret by mistake': { args: ['--auth', 'ArgvSecretValue1'], env: { JIRA_TOKEN: 'x-token-1' } },
    '--token-stdin=VALUE': { args: ['--token-stdin=ArgvSecretValue1'] },
  };
  for (const [name, { args, env = {}, url }] of Object.entries(refusals)) {
    test(`${name}: exit 2, nothing echoed, no request sent`, async () => {
      const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
      try {
        const userArgs = args.includes('--user') ? [] : ['--user', 'jdoe'];
        const run = await runCli(['check', url ?? sim.url, ...userArgs, ...args], { env });
        assert.equal(run.code, 2, run.stderr);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, USAGE);
        assert.ok(!run.stderr.includes('ArgvSecretValue1'), run.stderr);
        assert.deepEqual(sim.log, [], 'a request was sent before the usage error');
      } finally {
        await sim.close();
      }
    });
  }

  test('the missing-secret message names JIRA_TOKEN and --token-stdin', async () => {
    const run = await runCli(['check', 'http://127.0.0.1:9/', '--user', 'jdoe']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /JIRA_TOKEN/);
    assert.match(run.stderr, /--token-stdin/);
  });
});

describe('check usage', () => {
  const cases = {
    'no URL': ['check', '--user', 'jdoe'],
    'bad --auth': ['check', 'https://jira.example.com', '--auth', 'oauth'],
    'bad --for': ['check', 'https://jira.example.com', '--for', 'jenkins'],
    'bad --project': ['check', 'https://jira.example.com', '--project', 'NO PE'],
    'bad --gateway': ['check', 'https://jira.example.com', '--gateway', 'ftp://api.example'],
    'bad --format': ['check', 'https://jira.example.com', '--format', 'yaml'],
  };
  for (const [name, args] of Object.entries(cases)) {
    test(`${name}: exit 2`, async () => {
      const run = await runCli(args, { env: { JIRA_TOKEN: 'x-token-1' } });
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, USAGE);
    });
  }

  test('check --help', async () => {
    const run = await runCli(['check', '--help']);
    assert.equal(run.code, 0);
    for (const option of ['--user', '--auth', '--for', '--project', '--gateway', '--token-stdin', 'JIRA_TOKEN']) {
      assert.ok(run.stdout.includes(option), option);
    }
    const top = await runCli(['--help']);
    assert.match(top.stdout, /check <URL>/);
  });
});
