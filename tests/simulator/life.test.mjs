// Tests of the simulator's answers for a token's life (issue 19): the search Cloud removed, a
// Jira that moved to Cloud, a Cloud site refusing a Data Center credential.
// Run with `node --test tests/simulator/`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basic, bearer, call, withSim } from './sim-calls.mjs';

const DC_PAT = 'MDAwMDAwMDAwMTAxOmFkbWluLWNpMDAwMDAwMDAwMDAw';

test('Cloud: GET /rest/api/2|3/search answer 410 with Jira\'s errorMessages, /search/jql answers', async () => {
  await withSim('cloud-search-removed', async (sim) => {
    const auth = basic('admin@example.com', sim.credentials.users.admin.apiToken);
    for (const v of ['2', '3']) {
      const r = await call(sim, `/rest/api/${v}/search?maxResults=1&fields=id`, { auth });
      assert.equal(r.status, 410, `v${v}`);
      assert.match(r.json.errorMessages[0], /^The requested API has been removed\. Please migrate to the \/rest\/api\/3\/search\/jql API/);
      assert.deepEqual(r.json.errors, {});
      assert.ok(r.headers.get('x-arequestid'), 'Jira\'s own answer');
    }
    const jql = await call(sim, '/rest/api/3/search/jql?jql=created%20%3E%3D%20-1d&maxResults=1', { auth });
    assert.equal(jql.status, 200);
    assert.deepEqual(jql.json, { issues: [], isLast: true });
    assert.equal((await call(sim, '/rest/api/3/search/jql', { auth })).status, 400);
    // A wrong credential is refused before any of it.
    assert.equal((await call(sim, '/rest/api/2/search', { auth: basic('admin@example.com', 'nope') })).status, 401);
  });
  await withSim('dc-9.12-cluster', async (sim) => {
    const auth = bearer(sim.credentials.users.admin.pat);
    assert.equal((await call(sim, '/rest/api/2/search?maxResults=1', { auth })).status, 200);
    assert.equal((await call(sim, '/rest/api/3/search', { auth })).status, 404);
  });
});

test('a Jira that moved: its old address redirects every request to the Atlassian site, path kept', async () => {
  await withSim('dc-moved-to-cloud', async (sim) => {
    for (const path of ['/rest/api/2/serverInfo', '/rest/api/2/myself?x=1', '/secure/Dashboard.jspa']) {
      const r = await call(sim, path, { auth: bearer(DC_PAT) });
      assert.equal(r.status, 301, path);
      assert.equal(r.headers.get('location'), `https://moved-to-cloud.atlassian.net${path}`);
      assert.equal(r.headers.get('x-arequestid'), null, 'the web server\'s answer, not Jira\'s');
    }
  });
});

test('a Cloud site refuses a Data Center PAT (403) and a username + password (401)', async () => {
  await withSim('cloud-refuses-dc-pat', async (sim) => {
    const pat = await call(sim, '/rest/api/2/myself', { auth: bearer(DC_PAT) });
    assert.equal(pat.status, 403);
    assert.deepEqual(pat.json, { error: 'Failed to parse Connect Session Auth Token' });
    const user = await call(sim, '/rest/api/2/myself', { auth: basic('admin', sim.credentials.users.admin.password ?? 'admin-pass') });
    assert.equal(user.status, 401);
  });
});
