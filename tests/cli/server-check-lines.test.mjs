// End-to-end: the `curl` line `check` hands over for the integration's server really works when
// pasted into a POSIX shell — real `sh`, `base64`, `tr` and curl against the simulator — with
// the secret only in JIRA_TOKEN and in no program's arguments (curl reads the header on stdin).
// Run: `node --test tests/cli/server-check-lines.test.mjs` (needs curl).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { before, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { buildCli, runCli } from './helpers.mjs';

before(buildCli);

/** Runs `line` in `sh` with JIRA_TOKEN set; resolves with curl's output. */
function shell(line, secret) {
  return new Promise((resolve, reject) => {
    execFile('sh', ['-c', line], { env: { PATH: process.env.PATH, JIRA_TOKEN: secret, NO_PROXY: '127.0.0.1' }, timeout: 15_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
  });
}

for (const { name, user, auth, secret } of [
  { name: 'a password as Basic', user: 'jdoe', auth: 'basic' },
  { name: 'a personal access token as Bearer', user: 'jdoe', auth: 'pat' },
]) {
  test(`the curl line, pasted into sh: ${name}`, async () => {
    const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
    try {
      const u = sim.credentials.users[user];
      const value = secret ?? (auth === 'pat' ? u.pat : u.password);
      const run = await runCli(['check', sim.url, '--user', u.login ?? user, '--auth', auth, '--format', 'json'], { env: { JIRA_TOKEN: value } });
      const line = JSON.parse(run.stdout).serverCheck.curl;
      assert.ok(!line.includes(value), 'the line holds the secret');
      const out = await shell(line, value);
      assert.match(out, /^HTTP\/1\.1 200/m, out);
      assert.match(out, /"name":"jdoe"/, out);
    } finally {
      await sim.close();
    }
  });
}
