// End-to-end: the CLI that build.sh ships has no test hook. `JTW_RESOLVE` (the CLI tests' name
// resolution override, src/cli/transport/resolve.rs) is compiled only with the `test-hooks`
// feature; in the release binary the variable is read by nobody, so it cannot send a Cloud
// credential to an address nobody mentioned (SECURITY.md §7.1).
// Run: `node --test tests/cli/shipped-binary.test.mjs` after ./build.sh (test.sh runs it so).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';
import { buildCli, runCli, startSite } from './helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHIPPED = path.join(ROOT, 'target/release/jira-token-wizard');

before(buildCli);

/** Runs `check` on the Cloud site with JTW_RESOLVE mapping its name to the simulator. */
async function checkThroughHook(site, bin) {
  const args = ['check', site.url, '--user', 'jane@example.com',
    '--timeout', '3', '--format', 'json', ...site.cli.args];
  return runCli(args, { env: { ...site.cli.env, JIRA_TOKEN: 'not-a-real-token-0123456789' }, bin });
}

test('the test build follows JTW_RESOLVE to the simulator (the hook exists there)', async () => {
  const site = await startSite({ scenario: 'cloud' });
  try {
    const run = await checkThroughHook(site);
    assert.ok(site.log.length > 0, `the test build never reached the simulator: ${run.stdout}${run.stderr}`);
  } finally {
    await site.close();
  }
});

test('the shipped binary ignores JTW_RESOLVE: nothing reaches the mapped address', async () => {
  assert.ok(existsSync(SHIPPED), `${SHIPPED} is missing: run ./build.sh first`);
  const site = await startSite({ scenario: 'cloud' });
  try {
    const run = await checkThroughHook(site, SHIPPED);
    assert.deepEqual(site.log, [], 'the shipped binary sent a request to the JTW_RESOLVE address');
    assert.equal(run.code, 1, `${run.stdout}${run.stderr}`);
    const verdict = JSON.parse(run.stdout).verdict.code;
    assert.ok(['unreachable', 'timeout'].includes(verdict), `verdict ${verdict}`);
  } finally {
    await site.close();
  }
});
