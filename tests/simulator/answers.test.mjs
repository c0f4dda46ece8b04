// Tests of the Jira simulator's answers that are not plain Jira: rate limits, server errors,
// proxies and the edge, who sent each. Run with `node --test tests/simulator/`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basic, bearer, call, rawGet, withSim } from './sim-calls.mjs';

test('failure quirks: 429 with Retry-After, 500, empty 200 with AUTHENTICATED_FAILED, proxy JSON', async () => {
  await withSim('rate-limited', async (sim) => {
    const r = await call(sim, '/rest/api/2/myself', { auth: basic('admin@example.com', sim.credentials.users.admin.apiToken) });
    assert.equal(r.status, 429);
    assert.equal(r.headers.get('retry-after'), '30');
    assert.equal(r.headers.get('x-ratelimit-remaining'), '0');
    // The form of Atlassian's examples (tests/fixtures/real/cloud-429-*-docs-example.json).
    assert.match(r.headers.get('x-ratelimit-reset'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(r.headers.get('ratelimit-reason'), 'jira-burst-based');
    assert.equal(r.headers.get('x-ratelimit-nearlimit'), null);
    assert.equal((await call(sim, '/rest/api/2/serverInfo')).status, 200);
  });
  await withSim('server-error', async (sim) => {
    assert.equal((await call(sim, '/rest/api/2/myself', { auth: basic('admin', 'admin-pass') })).status, 500);
  });
  await withSim('proxy-garbage', async (sim) => {
    const r = await call(sim, '/rest/api/2/myself', { auth: bearer(sim.credentials.users.jdoe.pat) });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('x-ausername'), null);
    assert.ok(!('name' in r.json));
  });
  await withSim('empty-200-quirk', async (sim) => {
    const r = await call(sim, '/rest/api/2/myself', { auth: basic('admin', 'wrong') });
    assert.equal(r.status, 200);
    assert.equal(r.text, '');
    assert.equal(r.headers.get('x-seraph-loginreason'), 'AUTHENTICATED_FAILED');
  });
});

test('issue 13: IP allowlist refusal, a proxy block page, a custom domain, an expiring PAT', async () => {
  await withSim('ip-allowlist', async (sim) => {
    const { admin } = sim.credentials.users;
    const r = await call(sim, '/rest/api/2/myself', { auth: basic(admin.login, admin.apiToken) });
    assert.equal(r.status, 403);
    assert.match(r.json.errorMessages[0], /^The IP address has been rejected because it is not on the allowed list\./);
    assert.equal((await call(sim, '/rest/api/2/serverInfo')).status, 200);
  });
  await withSim('proxy-block', async (sim) => {
    const r = await call(sim, '/rest/api/2/myself', { auth: basic('admin', 'admin-pass') });
    assert.equal(r.status, 403);
    assert.equal(r.headers.get('x-squid-error'), 'ERR_ACCESS_DENIED 0');
    assert.equal(r.headers.get('x-arequestid'), null, 'none of Jira\'s headers');
    assert.ok((await call(sim, '/rest/api/2/serverInfo')).headers.get('x-arequestid'));
  });
  await withSim('custom-domain', async (sim) => {
    assert.equal((await call(sim, '/rest/api/2/serverInfo')).json.baseUrl, 'https://acme.atlassian.net');
  });
  await withSim('dc-pat-expiring', async (sim) => {
    const svc = sim.credentials.users['svc-sync'];
    const list = await call(sim, '/rest/pat/latest/tokens', { auth: bearer(svc.pat) });
    assert.equal(list.json.length, 1);
    assert.equal(list.json[0].expiringAt, '2025-06-09T10:15:30.000+00:00');
  });
});

/** A GET over node:http: fetch will not hand over a 407 (it is meant for its own proxy). */

test('who answered: the status classes of issue 17, each from its own sender', async () => {
  await withSim('dc-8.20', async (sim) => {
    const { admin } = sim.credentials.users;
    const r = await call(sim, '/rest/api/2/myself', { auth: bearer(admin.pat) });
    assert.equal(r.status, 200, 'DC 8.20 takes a PAT (8.14 and later, §3.3)');
    assert.equal(r.json.name, 'admin');
  });
  for (const [scenario, status] of [['jira-rate-limited-serverinfo', 429], ['jira-500', 500]]) {
    await withSim(scenario, async (sim) => {
      const info = await call(sim, '/rest/api/2/serverInfo', { headers: { accept: 'application/json' } });
      assert.equal(info.status, status, `${scenario}: serverInfo fails too`);
      assert.ok(info.headers.get('x-arequestid'), `${scenario}: Jira's own answer`);
      const page = await call(sim, '/secure/Dashboard.jspa');
      assert.match(page.text, /ajs-version-number/, `${scenario}: the page is still Jira`);
      if (status === 429) assert.equal(info.headers.get('retry-after'), '30');
    });
  }
  await withSim('proxy-407', async (sim) => {
    const r = await rawGet(sim, '/rest/api/2/myself', { authorization: basic('admin', 'admin-pass') });
    assert.equal(r.status, 407);
    assert.equal(r.headers['proxy-authenticate'], 'Basic realm="corp-proxy"');
    assert.equal(r.headers['x-arequestid'], undefined, 'none of Jira\'s headers');
    assert.equal((await call(sim, '/rest/api/2/serverInfo')).status, 200);
  });
  await withSim('proxy-502', async (sim) => {
    const r = await call(sim, '/rest/api/2/myself', { auth: basic('admin', 'admin-pass') });
    assert.equal(r.status, 502);
    assert.equal(r.headers.get('x-arequestid'), null);
  });
  await withSim('cloud-edge-404', async (sim) => {
    const { admin } = sim.credentials.users;
    const r = await call(sim, '/rest/api/2/myself', { auth: basic(admin.login, admin.apiToken) });
    assert.equal(r.status, 404);
    assert.match(r.text, /Generated by cloudfront/);
    assert.equal(r.headers.get('atl-traceid'), null, 'none of Jira\'s headers');
  });
  await withSim('cloud-bearer-403', async (sim) => {
    const { admin } = sim.credentials.users;
    const r = await call(sim, '/rest/api/2/myself', { auth: bearer(admin.apiToken) });
    assert.equal(r.status, 403);
    assert.deepEqual(r.json, { error: 'Failed to parse Connect Session Auth Token' });
    assert.ok(r.headers.get('atl-traceid'), 'Jira\'s own answer');
  });
});
