// Tests of the Jira simulator itself: run with `node --test tests/simulator/`.
// Each test starts the scenarios it needs on a random port and closes them.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { listScenarios, scenarioCredentials, startSimulator } from './server.mjs';
import { BROWSER_UA, basic, bearer, call, withSim } from './sim-calls.mjs';


test('catalogue has every contract scenario with a description', () => {
  const names = listScenarios().map((s) => s.name);
  for (const name of ['cloud', 'server-7.13', 'server-8.5', 'dc-9.12-cluster', 'dc-10.3', 'dc-11.3',
    'context-path-mismatch', 'serverinfo-needs-login', 'confluence', 'not-atlassian', 'captcha', 'basic-disabled',
    'sso-redirect', 'rate-limited', 'server-error', 'hang', 'empty-200-quirk', 'missing-permissions', 'inactive-user']) {
    assert.ok(names.includes(name), name);
  }
  assert.ok(listScenarios().every((s) => s.description.length > 10));
});

test('README lists every scenario and every fake credential', () => {
  const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
  for (const { name } of listScenarios()) {
    assert.ok(readme.includes(`| \`${name}\` |`), `scenario ${name} missing from the README table`);
    for (const [user, creds] of Object.entries(scenarioCredentials(name).users)) {
      for (const key of ['password', 'apiToken', 'scopedToken', 'pat', 'expiredPat', 'revokedPat']) {
        if (creds[key]) assert.ok(readme.includes(creds[key]), `${name}/${user}.${key} missing from the README`);
      }
    }
  }
});

test('serverInfo: Cloud vs DC shapes, serverTime only when authenticated, cluster headers', async () => {
  await withSim('cloud', async (sim) => {
    const r = await call(sim, '/rest/api/2/serverInfo');
    assert.equal(r.json.deploymentType, 'Cloud');
    assert.equal(r.json.version, '1001.0.0-SNAPSHOT');
    assert.deepEqual(r.json.defaultLocale, { locale: 'en_US' });
    assert.equal(r.json.databaseBuildNumber, undefined);
    assert.equal(r.headers.get('server'), 'AtlassianEdge');
    assert.match(r.headers.get('x-arequestid'), /^[0-9a-f]{32}$/);
    assert.equal(r.headers.get('x-ausername'), null);
    assert.equal(r.headers.get('content-type'), 'application/json;charset=UTF-8');
    const t = await call(sim, '/_edge/tenant_info');
    assert.deepEqual(t.json, { cloudId: sim.credentials.cloudId });
  });
  await withSim('dc-9.12-cluster', async (sim) => {
    const anon = await call(sim, '/rest/api/2/serverInfo');
    assert.equal(anon.json.deploymentType, 'Server');
    assert.equal(anon.json.buildNumber, 9120015);
    assert.equal(anon.json.serverTime, undefined);
    assert.equal(anon.headers.get('x-anodeid'), 'jira_node_1');
    assert.equal(anon.headers.get('x-ausername'), 'anonymous');
    assert.match(anon.headers.get('x-arequestid'), /^\d+x\d+x\d+$/);
    assert.match(anon.headers.get('set-cookie'), /atlassian\.xsrf\.token=[^;]*\|lout/);
    const authed = await call(sim, '/rest/api/2/serverInfo', { auth: basic('admin', 'admin-pass') });
    assert.ok(authed.json.serverTime);
    assert.equal(authed.headers.get('x-seraph-loginreason'), 'OK');
    assert.equal((await call(sim, '/rest/api/3/serverInfo')).status, 404); // facts §1.1
    assert.equal((await call(sim, '/_edge/tenant_info')).status, 404);
    assert.deepEqual((await call(sim, '/status')).json, { state: 'RUNNING' });
  });
  await withSim('server-7.13', async (sim) => {
    const r = await call(sim, '/rest/api/2/serverInfo');
    assert.equal(r.json.version, '7.13.18');
    assert.ok(!('deploymentType' in r.json));
  });
});

test('7.x ignores Bearer: the request runs as anonymous', async () => {
  await withSim('server-7.13', async (sim) => {
    const info = await call(sim, '/rest/api/2/serverInfo', { auth: bearer('anything') });
    assert.equal(info.status, 200);
    assert.equal(info.headers.get('x-ausername'), 'anonymous');
    assert.equal((await call(sim, '/rest/api/2/myself', { auth: bearer('anything') })).status, 401);
  });
});

test('CAPTCHA: after the threshold even the right password gets 403; PATs and a browser login still work', async () => {
  await withSim('dc-9.12-cluster', async (sim) => {
    for (let i = 0; i < 3; i += 1) {
      const r = await call(sim, '/rest/api/2/myself', { auth: basic('jdoe', 'wrong') });
      assert.equal(r.status, 401);
      assert.equal(r.headers.get('x-seraph-loginreason'), 'AUTHENTICATED_FAILED');
      assert.match(r.headers.get('www-authenticate'), /^OAuth realm=/);
    }
    const locked = await call(sim, '/rest/api/2/myself', { auth: basic('jdoe', 'jdoe-pass') });
    assert.equal(locked.status, 403);
    // 9.12 follows the recorded 8.20.8 lock-out (tests/fixtures/real/server-8.20.8-captcha-403.json).
    assert.equal(locked.headers.get('x-seraph-loginreason'), 'AUTHENTICATED_FAILED');
    assert.match(locked.headers.get('content-type'), /^text\/html/);
    assert.equal(locked.headers.get('x-authentication-denied-reason'), `CAPTCHA_CHALLENGE; login-url=${sim.baseUrl}/login.jsp`);
    assert.match(locked.text, /Basic Authentication Failure - Reason : AUTHENTICATION_DENIED/);
    const viaPat = await call(sim, '/rest/api/2/myself', { auth: bearer(sim.credentials.users.jdoe.pat) });
    assert.equal(viaPat.json.name, 'jdoe');
    const form = await call(sim, '/login', {
      method: 'POST', body: 'os_username=jdoe&os_password=jdoe-pass',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(form.status, 302);
    assert.equal((await call(sim, '/rest/api/2/myself', { auth: basic('jdoe', 'jdoe-pass') })).status, 200);
  });
  await withSim('server-8.5', async (sim) => {
    // Before 8.20 the reason is AUTHENTICATION_DENIED, as recorded on 8.0.2 (tests/fixtures/real/server-8.0.2-captcha-403.json).
    for (let i = 0; i < 3; i += 1) await call(sim, '/rest/api/2/myself', { auth: basic('jdoe', 'wrong') });
    const locked = await call(sim, '/rest/api/2/myself', { auth: basic('jdoe', 'jdoe-pass') });
    assert.equal(locked.status, 403);
    assert.equal(locked.headers.get('x-seraph-loginreason'), 'AUTHENTICATION_DENIED');
    assert.match(locked.text, /data-version="8\.5\.5"/);
  });
  await withSim('captcha', async (sim) => {
    assert.equal((await call(sim, '/rest/api/2/myself', { auth: basic('jdoe', 'jdoe-pass') })).status, 403);
    assert.equal((await call(sim, '/rest/api/2/myself', { auth: basic('admin', 'admin-pass') })).status, 200);
  });
});

test('bad PATs fall through to anonymous; a PAT is no Basic password', async () => {
  await withSim('dc-9.12-cluster', async (sim) => {
    const { admin, jdoe } = sim.credentials.users;
    assert.equal((await call(sim, '/rest/api/2/myself', { auth: bearer(admin.pat) })).json.name, 'admin');
    for (const bad of [admin.revokedPat, jdoe.expiredPat, 'not-a-token']) {
      const info = await call(sim, '/rest/api/2/serverInfo', { auth: bearer(bad) });
      assert.equal(info.status, 200);
      assert.equal(info.headers.get('x-ausername'), 'anonymous');
      assert.equal(info.json.serverTime, undefined);
      assert.deepEqual((await call(sim, '/rest/api/2/project', { auth: bearer(bad) })).json, []);
      assert.equal((await call(sim, '/rest/api/2/myself', { auth: bearer(bad) })).status, 401);
    }
    const asBasic = await call(sim, '/rest/api/2/myself', { auth: basic('admin', admin.pat) });
    assert.equal(asBasic.status, 401);
    assert.equal(asBasic.headers.get('x-seraph-loginreason'), 'AUTHENTICATED_FAILED');
    assert.deepEqual((await call(sim, '/rest/api/2/myself', { auth: bearer(jdoe.expiredPat) })).json.errorMessages,
      ['You are not authenticated. Authentication required to perform this operation.']);
  });
  await withSim('dc-10.3', async (sim) => {
    // Data Center 10's body, as recorded on 10.3.19 (tests/fixtures/real/dc-10.3.19-401-expired-pat.json).
    const expired = await call(sim, '/rest/api/2/myself', { auth: bearer('not-a-token') });
    assert.equal(expired.status, 401);
    assert.deepEqual(expired.json, { message: 'Client must be authenticated to access this resource.', 'status-code': 401 });
  });
});

test('session cookie authenticates when no Authorization header is sent; log has no secrets', async () => {
  await withSim('dc-9.12-cluster', async (sim) => {
    const login = await call(sim, '/test-login?user=jdoe');
    assert.equal(login.status, 302);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('JSESSIONID=')).split(';')[0];
    const me = await call(sim, '/rest/api/2/myself', { headers: { Cookie: cookie } });
    assert.equal(me.json.name, 'jdoe');
    // facts §6.2: a bad PAT falls through to the session, so a leaked cookie makes it look valid
    const leaked = await call(sim, '/rest/api/2/myself', { auth: bearer('revoked'), headers: { Cookie: cookie } });
    assert.equal(leaked.json.name, 'jdoe');
    const page = await call(sim, '/secure/Dashboard.jspa', { headers: { Cookie: cookie } });
    assert.match(page.text, /<meta name="ajs-remote-user" content="jdoe">/);
    const entry = sim.log.find((e) => e.path === '/rest/api/2/myself' && e.hasCookie);
    assert.deepEqual(entry.cookieNames, ['JSESSIONID']);
    assert.equal(entry.hasAuthorization, false);
    assert.ok(!JSON.stringify(sim.log).includes(sim.credentials.users.admin.pat));
  });
});

test('Basic disabled: 403 JSON, Bearer still works', async () => {
  await withSim('dc-11.3', async (sim) => {
    const r = await call(sim, '/rest/api/2/myself', { auth: basic('admin', 'admin-pass') });
    assert.equal(r.status, 403);
    assert.deepEqual(r.json, { message: 'Basic Authentication has been disabled on this instance.' });
    assert.equal((await call(sim, '/rest/api/2/myself', { auth: bearer(sim.credentials.users.admin.pat) })).status, 200);
  });
});

test('SSO: REST is redirected to an IdP page; the log shows which paths carried Authorization', async () => {
  await withSim('sso-redirect', async (sim) => {
    const r = await call(sim, '/rest/api/2/myself', { auth: basic('admin', 'admin-pass') });
    assert.equal(r.status, 302);
    const location = new URL(r.headers.get('location'));
    assert.equal(location.origin, sim.origin);
    assert.equal(location.pathname, '/idp/login');
    const followed = await fetch(sim.baseUrl + '/rest/api/2/myself', { headers: { Authorization: basic('admin', 'admin-pass') } });
    assert.ok(followed.redirected);
    assert.match(await followed.text(), /name="os_username"/);
    const idpHits = sim.log.filter((e) => e.path === '/idp/login');
    assert.equal(idpHits.length, 1);
    assert.equal(idpHits[0].hasAuthorization, true); // fetch re-sends it on a same-origin redirect
  });
  await withSim('sso-other-origin', async (sim) => {
    const r = await call(sim, '/rest/api/2/serverInfo');
    assert.equal(new URL(r.headers.get('location')).hostname, 'localhost');
  });
});

test('hang: REST never answers, serverInfo does, close() ends it quickly', async () => {
  const sim = await startSimulator({ scenario: 'hang' });
  assert.equal((await call(sim, '/rest/api/2/serverInfo')).status, 200);
  const pending = fetch(`${sim.baseUrl}/rest/api/2/myself`, { headers: { Authorization: basic('admin', 'admin-pass') } });
  const outcome = pending.then(() => 'answered', () => 'aborted');
  await new Promise((resolve) => { setTimeout(resolve, 100); });
  const started = Date.now();
  await sim.close();
  assert.equal(await outcome, 'aborted');
  assert.ok(Date.now() - started < 1000);
  assert.equal(sim.log.at(-1).status, null);
});

test('PAT creation: 201 with a working rawToken, XSRF origin check, limit of 10', async () => {
  await withSim('dc-10.3', async (sim) => {
    const post = (headers) => call(sim, '/rest/pat/latest/tokens', {
      method: 'POST', auth: basic('svc-sync', 'svc-sync-pass'),
      headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ name: 'wizard', expirationDuration: 90 }),
    });
    const moz = await post({ 'User-Agent': BROWSER_UA, Origin: 'moz-extension://abc' });
    assert.equal(moz.status, 403);
    assert.match(moz.text, /XSRF check failed/);
    const created = await post({ 'User-Agent': BROWSER_UA, Origin: 'chrome-extension://abcdefghijklmnop' });
    assert.equal(created.status, 201);
    assert.equal(created.json.name, 'wizard');
    assert.ok(created.json.rawToken && created.json.expiringAt && created.json.createdAt);
    const me = await call(sim, '/rest/api/2/myself', { auth: bearer(created.json.rawToken) });
    assert.equal(me.json.name, 'svc-sync');
    // svc-sync started with 1 token; 2 now; 8 more reach the default limit of 10.
    for (let i = 0; i < 8; i += 1) assert.equal((await post({})).status, 201);
    const over = await post({});
    assert.equal(over.status, 403);
    assert.ok(over.json.error);
    const list = await call(sim, '/rest/pat/latest/tokens', { auth: bearer(created.json.rawToken) });
    assert.equal(list.json.length, 10);
    assert.ok(list.json.every((t) => !('rawToken' in t)));
    // As recorded (tests/fixtures/real/dc-10.3.19-pat-list.json): +00:00 offsets, lastAccessedAt once used.
    const used = list.json.find((t) => t.id === created.json.id);
    assert.deepEqual(Object.keys(used), ['id', 'name', 'createdAt', 'lastAccessedAt', 'expiringAt']);
    assert.match(used.expiringAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    assert.ok(list.json.some((t) => !('lastAccessedAt' in t)));
    assert.equal((await call(sim, '/rest/pat/latest/tokens', { method: 'POST' })).status, 401);
  });
});

test('Cloud credentials: token ok, password deprecated, bearer, scoped token site vs gateway, inactive', async () => {
  await withSim('inactive-user', async (sim) => {
    const { admin, jdoe, fred } = sim.credentials.users;
    const svc = sim.credentials.users['svc-sync'];
    const ok = await call(sim, '/rest/api/2/myself', { auth: basic(admin.login, admin.apiToken) });
    assert.equal(ok.json.accountId, ok.headers.get('x-aaccountid'));
    assert.ok(!('name' in ok.json) && !('key' in ok.json));
    const pw = await call(sim, '/rest/api/2/myself', { auth: basic(jdoe.login, jdoe.password) });
    assert.equal(pw.status, 401);
    assert.match(pw.headers.get('content-type'), /^text\/plain/);
    assert.match(pw.text, /^Basic authentication with passwords is deprecated\./);
    const wrong = await call(sim, '/rest/api/2/myself', { auth: basic(jdoe.login, 'nope') });
    // As recorded (tests/fixtures/real/cloud-401-api-token-rejected.json).
    assert.deepEqual(wrong.json, { message: 'Client must be authenticated to access this resource.', 'status-code': 401 });
    assert.equal(wrong.headers.get('x-seraph-loginreason'), 'AUTHENTICATED_FAILED');
    assert.match((await call(sim, '/rest/api/2/myself', { auth: bearer(admin.apiToken) })).text, /Failed to parse Connect Session Auth Token/);
    // facts §3.2: the site cannot tell a scoped token from a wrong one.
    assert.deepEqual((await call(sim, '/rest/api/2/myself', { auth: basic(svc.login, svc.scopedToken) })).json, wrong.json);
    const gateway = `${sim.origin}/ex/jira/${sim.credentials.cloudId}/rest/api/2/myself`;
    const gw = await fetch(gateway, { headers: { Authorization: basic(svc.login, svc.scopedToken) } });
    assert.equal((await gw.json()).accountType, 'app');
    const gwBearer = await fetch(gateway, { headers: { Authorization: bearer(svc.scopedToken) } });
    assert.equal((await gwBearer.json()).accountType, 'app', 'a service account token as Bearer');
    const narrow = await fetch(gateway, { headers: { Authorization: basic(jdoe.login, jdoe.narrowScopedToken) } });
    assert.equal(narrow.status, 401);
    // As recorded (tests/fixtures/real/gateway-401-scope-mismatch.json).
    assert.deepEqual(await narrow.json(), { code: 401, message: 'Unauthorized; scope does not match' });
    assert.equal((await fetch(`${sim.origin}/ex/jira/00000000-0000-0000-0000-000000000000/rest/api/2/myself`)).status, 404);
    assert.equal((await call(sim, '/rest/api/2/myself', { auth: basic(fred.login, fred.apiToken) })).status, 401);
  });
});

test('mypermissions: Cloud needs permissions=, DC returns all, project context, 404 for unknown project', async () => {
  await withSim('cloud', async (sim) => {
    const auth = basic(sim.credentials.users.admin.login, sim.credentials.users.admin.apiToken);
    assert.equal((await call(sim, '/rest/api/2/mypermissions', { auth })).status, 400);
    const r = await call(sim, '/rest/api/2/mypermissions?permissions=BROWSE_PROJECTS,CREATE_ISSUES', { auth });
    assert.deepEqual(Object.keys(r.json.permissions), ['BROWSE_PROJECTS', 'CREATE_ISSUES']);
  });
  await withSim('missing-permissions', async (sim) => {
    const auth = basic('jdoe', 'jdoe-pass');
    const any = await call(sim, '/rest/api/2/mypermissions', { auth });
    assert.ok(Object.keys(any.json.permissions).length > 30);
    assert.equal(any.json.permissions.CREATE_ISSUES.havePermission, true); // held in OPS (facts §5.1)
    const proj = await call(sim, '/rest/api/2/mypermissions?projectKey=PROJ', { auth });
    assert.deepEqual(proj.json.permissions.CREATE_ISSUES, {
      id: '11', key: 'CREATE_ISSUES', name: 'Create Issues', type: 'PROJECT',
      description: 'Simulator description of Create Issues.', havePermission: false,
    });
    assert.equal(proj.json.permissions.BROWSE_PROJECTS.havePermission, true);
    assert.equal((await call(sim, '/rest/api/2/mypermissions?projectKey=NOPE', { auth })).status, 404);
    const anon = await call(sim, '/rest/api/2/mypermissions');
    assert.ok(Object.values(anon.json.permissions).every((p) => !p.havePermission));
  });
});

test('a user without Jira access gets 401 AUTHORISATION_FAILED; a user who browses nothing sees no project', async () => {
  await withSim('dc-no-jira-access', async (sim) => {
    const r = await call(sim, '/rest/api/2/myself', { auth: basic('noaccess', 'noaccess-pass') });
    assert.equal(r.status, 401);
    assert.equal(r.headers.get('x-seraph-loginreason'), 'AUTHORISATION_FAILED');
  });
  await withSim('missing-permissions', async (sim) => {
    const auth = bearer(sim.credentials.users.nobrowse.pat);
    assert.deepEqual((await call(sim, '/rest/api/2/project', { auth })).json, []);
    const perms = await call(sim, '/rest/api/2/mypermissions', { auth });
    assert.equal(perms.json.permissions.BROWSE_PROJECTS.havePermission, false);
  });
});

test('pages: configured base URL differs from the address; Cloud shell; Confluence; plain site', async () => {
  await withSim('context-path-mismatch', async (sim) => {
    assert.equal(sim.baseUrl, `${sim.origin}/jira`);
    const page = await fetch(sim.url);
    const html = await page.text();
    assert.match(html, /<meta name="ajs-base-url" content="https:\/\/jira.corp.example\/jira">/);
    assert.match(html, /<meta name="ajs-context-path" content="\/jira">/);
    assert.match(html, /<meta name="ajs-remote-user" content="">/);
    assert.match(html, /<body id="jira" class="aui-layout aui-theme-default">/);
  });
  await withSim('cloud', async (sim) => {
    const html = await (await fetch(sim.url)).text();
    assert.match(html, /<meta name="ajs-cloud-id" content="a436116f/);
    assert.doesNotMatch(html, /ajs-version-number|application-name/);
  });
  await withSim('confluence', async (sim) => {
    const html = await (await fetch(sim.url)).text();
    assert.match(html, /<body id="com-atlassian-confluence"/);
    assert.equal((await call(sim, '/rest/api/2/serverInfo')).status, 404);
  });
  await withSim('not-atlassian', async (sim) => {
    const r = await call(sim, '/rest/api/2/serverInfo');
    assert.equal(r.status, 404);
    assert.match(r.headers.get('content-type'), /text\/html/);
  });
});

test('latencyMs delays answers', async () => {
  await withSim('server-8.5', async (sim) => {
    const started = Date.now();
    await call(sim, '/status');
    assert.ok(Date.now() - started >= 140);
  }, { latencyMs: 150 });
});
