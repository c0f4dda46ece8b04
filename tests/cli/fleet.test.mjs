// End-to-end: the real `jira-token-wizard fleet` binary against several Jira simulators at
// once. One TOML file mixes a working PAT, a wrong password, an unset variable, a malformed
// entry and a Data Center PAT that expires in 7 days (scenario dc-pat-expiring, judged with
// --now): each row must be what `check` says of the same connection, in the file's order;
// the error rows name their connection; no secret is ever printed.
// Run: `node --test tests/cli/fleet.test.mjs` (builds the binary first; see helpers.mjs).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BIN, buildCli, runCli, startSite } from './helpers.mjs';

/** The `now` the dc-pat-expiring scenario's 7 days count from. */
const NOW = '2025-06-02T10:15:30Z';

const dir = mkdtempSync(path.join(tmpdir(), 'jtw-fleet-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Writes a connection file; `connections` are objects of TOML string fields. */
function fleetFile(connections, extra = '') {
  const toml = connections
    .map((c) => `[[connection]]\n${Object.entries(c).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join('\n')}\n`)
    .join('\n');
  const file = path.join(dir, `fleet-${++n}.toml`);
  writeFileSync(file, toml + extra);
  return file;
}

/** `fleet FILE --format json …` parsed. */
async function fleetJson(file, args = [], env = {}) {
  const run = await runCli(['fleet', file, '--format', 'json', '--now', NOW, ...args], { env });
  try {
    return { ...run, json: JSON.parse(run.stdout) };
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
}

describe('fleet', () => {
  let cluster;
  let expiring;
  let env;
  let mixed;
  let secrets;

  before(async () => {
    buildCli();
    [cluster, expiring] = await Promise.all([startSite({ scenario: 'dc-9.12-cluster' }), startSite({ scenario: 'dc-pat-expiring' })]);
    const c = cluster.credentials.users;
    const e = expiring.credentials.users;
    env = { JDOE_PAT: c.jdoe.pat, WRONG_PASSWORD: 'wrong-password-123', SYNC_PAT: e['svc-sync'].pat };
    secrets = Object.values(env);
    mixed = mixedFile('jdoe');
  });
  after(async () => {
    await Promise.all([cluster?.close(), expiring?.close()]);
  });

  /**
   * The mixed file; `wrongUser` gets the wrong password (each user's failed logins count
   * towards the simulator's CAPTCHA, as on Server/Data Center).
   */
  function mixedFile(wrongUser) {
    const c = cluster.credentials.users;
    const e = expiring.credentials.users;
    return fleetFile([
      { name: 'Cluster PAT', url: cluster.url, login: c.jdoe.login, target: 'generic', auth: 'pat', secret_env: 'JDOE_PAT' },
      { name: 'Wrong password', url: cluster.baseUrl, login: c[wrongUser].login, auth: 'basic', secret_env: 'WRONG_PASSWORD' },
      { name: 'Nobody set me', url: cluster.baseUrl, login: 'jdoe', secret_env: 'JTW_FLEET_UNSET_VARIABLE' },
      { name: 'Typo', url: cluster.baseUrl, login: 'jdoe', secret_env: 'JDOE_PAT', tagret: 'elma365' },
      { name: 'Sync service', url: expiring.url, login: e['svc-sync'].login, secret_env: 'SYNC_PAT' },
    ]);
  }

  test('every row in file order, each with its own verdict or error; exit 1', async () => {
    const { code, json, stdout, stderr } = await fleetJson(mixed, [], env);
    assert.equal(code, 1, stderr);
    const rows = json.connections;
    assert.deepEqual(rows.map((r) => r.name), ['Cluster PAT', 'Wrong password', 'Nobody set me', 'Typo', 'Sync service']);
    assert.deepEqual(rows.map((r) => r.status), ['ok', 'failed', 'error', 'error', 'ok']);
    assert.deepEqual(rows.map((r) => r.verdict?.code ?? null), ['ok', 'credentials_rejected', null, null, 'ok']);
    assert.equal(rows[0].user.name, 'jdoe');
    assert.equal(rows[4].daysToExpiry, 7);
    assert.equal(rows[4].tokenExpiry.date, '2025-06-09');
    assert.equal(rows[2].error.message, 'the environment variable JTW_FLEET_UNSET_VARIABLE is not set (secret_env)');
    assert.match(rows[3].error.message, /^unknown field `tagret`/);
    assert.deepEqual(json.summary, { total: 5, ok: 2, expiring: 0, failed: 1, errors: 2 });
    // Plain progress lines on a non-terminal stderr, one per connection.
    assert.equal(stderr.split('\n').filter((l) => /^fleet: \[\d\/5\] /.test(l)).length, 5, stderr);
    for (const s of secrets) {
      assert.ok(!stdout.includes(s) && !stderr.includes(s), 'a secret was printed');
    }
  });

  test('a row is what check says of the same connection', async () => {
    const { json } = await fleetJson(mixed, [], env);
    const checks = await Promise.all([
      runCli(['check', cluster.url, '--user', 'jdoe', '--auth', 'pat', '--format', 'json', '--now', NOW], { env: { JIRA_TOKEN: env.JDOE_PAT } }),
      runCli(['check', cluster.baseUrl, '--user', 'jdoe', '--auth', 'basic', '--format', 'json', '--now', NOW], { env: { JIRA_TOKEN: env.WRONG_PASSWORD } }),
      runCli(['check', expiring.url, '--user', 'svc-sync', '--format', 'json', '--now', NOW], { env: { JIRA_TOKEN: env.SYNC_PAT } }),
    ]);
    const [pat, wrong, sync] = checks.map((r) => JSON.parse(r.stdout));
    assert.deepEqual(json.connections[0].verdict, pat.verdict);
    assert.deepEqual(json.connections[1].verdict, wrong.verdict);
    assert.deepEqual(json.connections[4].verdict, sync.verdict);
    assert.deepEqual(json.connections[4].tokenExpiry, sync.tokenExpiry);
  });

  test('exit 0 when all work; --expiring-within fails a token that expires sooner', async () => {
    const file = fleetFile([
      { name: 'Cluster PAT', url: cluster.url, login: 'jdoe', secret_env: 'JDOE_PAT' },
      { name: 'Sync service', url: expiring.url, login: 'svc-sync', secret_env: 'SYNC_PAT' },
    ]);
    const all = await fleetJson(file, [], env);
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual(all.json.connections.map((r) => r.status), ['ok', 'ok']);
    // Connections to one URL share its (anonymous) detection: serverInfo asked once for three.
    const same = fleetFile(['A', 'B', 'C'].map((name) => ({ name, url: cluster.url, login: 'jdoe', secret_env: 'JDOE_PAT' })));
    const before = cluster.log.length;
    const three = await fleetJson(same, [], env);
    assert.equal(three.code, 0, three.stderr);
    const asked = cluster.log.slice(before);
    assert.equal(asked.filter((e) => e.path === '/rest/api/2/serverInfo').length, 1);
    assert.equal(asked.filter((e) => e.path === '/rest/api/2/myself' && e.hasAuthorization).length, 3);
    const soon = await fleetJson(file, ['--expiring-within', '14'], env);
    assert.equal(soon.code, 1);
    assert.deepEqual(soon.json.connections.map((r) => [r.status, r.ok]), [['ok', true], ['expiring', false]]);
    assert.equal(soon.json.connections[1].verdict.code, 'ok');
    const later = await fleetJson(file, ['--expiring-within', '6', '--parallel', '1'], env);
    assert.equal(later.code, 0, later.stderr);
  });

  test('the text table: a row per connection, and what needs attention', async () => {
    const file = mixedFile('admin');
    const run = await runCli(['fleet', file, '--now', NOW, '--expiring-within', '30'], { env });
    assert.equal(run.code, 1);
    const lines = run.stdout.split('\n');
    assert.equal(lines[0], `Fleet check of ${file}: 1 of 5 connections work`);
    assert.match(lines[2], /^ {2}NAME +STATUS +VERDICT +EXPIRES +ANSWERED BY$/);
    assert.match(lines[3], /^ {2}Cluster PAT +ok +ok +— +\S+$/);
    assert.match(lines[4], /^ {2}Wrong password +failed +credentials_rejected +— +\S+$/);
    assert.match(lines[5], /^ {2}Nobody set me +error +not tested +— +—$/);
    assert.match(lines[7], /^ {2}Sync service +expiring +ok +in 7 d +\S+$/);
    assert.match(run.stdout, /✗ Nobody set me: the environment variable JTW_FLEET_UNSET_VARIABLE is not set/);
    assert.match(run.stdout, /! Sync service: works, but the token expires in 7 days \(2025-06-09\)/);
    assert.match(run.stdout, /✗ Wrong password: Jira rejected the login or the secret\n +Fix: /);
  });

  test('on a terminal, stderr shows a progress bar redrawn in place', async () => {
    // util-linux `script` gives the CLI a pseudo-terminal; stdout goes to a file, so only
    // stderr's progress reaches the terminal.
    const outFile = path.join(dir, 'tty-stdout.txt');
    const quote = (x) => `'${x.replaceAll("'", "'\\''")}'`;
    const command = `${[BIN, 'fleet', mixed, '--now', NOW].map(quote).join(' ')} >${quote(outFile)}`;
    const screen = await new Promise((resolve) => {
      execFile('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, ...env, LANG: 'C', TERM: 'dumb' }, timeout: 20_000 },
        (_err, stdout) => resolve(stdout));
    });
    assert.match(screen, /\r\[#{6}\.{24}\] 1\/5 connections tested/, JSON.stringify(screen));
    assert.match(screen, /\r\[#{30}\] 5\/5 connections tested\r\x1b\[K/, JSON.stringify(screen));
    assert.ok(!/^fleet: \[/m.test(screen), 'no plain lines on a terminal');
  });

  test('a Cloud site over TLS: --ca-cert and --timeout reach every connection', async (t) => {
    const cloud = await startSite({ scenario: 'cloud' });
    t.after(() => cloud.close());
    const u = cloud.credentials.users.jdoe;
    const file = fleetFile([{ name: 'Cloud', url: cloud.url, login: u.login, auth: 'api-token', secret_env: 'CLOUD_TOKEN' }]);
    const run = await fleetJson(file, ['--timeout', '5', ...cloud.cli.args], { ...cloud.cli.env, CLOUD_TOKEN: u.apiToken });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.json.connections[0].verdict.code, 'ok');
    assert.ok(!run.stdout.includes(u.apiToken) && !run.stderr.includes(u.apiToken));
    // Without the CA the same file fails on the certificate, as check does.
    const untrusted = await fleetJson(file, [], { ...cloud.cli.env, CLOUD_TOKEN: u.apiToken });
    assert.equal(untrusted.code, 1);
    assert.equal(untrusted.json.connections[0].verdict.code, 'tls_untrusted');
  });

  test('a file that is wrong as a whole is a usage error (exit 2)', async () => {
    const dup = fleetFile([
      { name: 'Same', url: cluster.url, secret_env: 'JDOE_PAT' },
      { name: 'Same', url: expiring.url, secret_env: 'SYNC_PAT' },
    ]);
    const d = await runCli(['fleet', dup], { env });
    assert.equal(d.code, 2);
    assert.match(d.stderr, /connections #1 and #2 are both named "Same"/);
    assert.equal(d.stdout, '');
    const missing = await runCli(['fleet', path.join(dir, 'no-such.toml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no-such\.toml: /);
    const broken = path.join(dir, 'broken.toml');
    writeFileSync(broken, '[[connection]]\nname = "a\nsecret_env = "ATATT3xFfGF0-pasted-secret"\n');
    const b = await runCli(['fleet', broken]);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /broken\.toml: line 2: /);
    assert.ok(!b.stderr.includes('ATATT3xFfGF0'), 'the file\'s text is not echoed');
  });
});
