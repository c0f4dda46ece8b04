#!/usr/bin/env node
// Records representative exchanges of every scenario into tests/fixtures/<scenario>/<case>.json
// (format: tests/fixtures/README.md). Re-running gives identical files: the simulator's ids and
// times are deterministic and each scenario runs on a fixed port (47300 + its catalogue index;
// Rust tests quote some of these URLs, so keep the base port).
//   node tests/simulator/record.mjs [--base-port N]

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSite, patSupported } from './model.mjs';
import { accessTokenFor } from './oauth.mjs';
import { getScenario } from './scenarios.mjs';
import { listScenarios, startSimulator } from './server.mjs';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const VOLATILE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
const HANG_WAIT_MS = 300;

const basic = (login, secret) => `Basic ${Buffer.from(`${login}:${secret}`).toString('base64')}`;
const bearer = (token) => `Bearer ${token}`;

/** Credential label → Authorization value, from the scenario's fake credentials. */
function authorizations(creds, site) {
  const { admin = {}, jdoe = {}, fred = {}, noaccess = {}, nobrowse = {} } = creds.users;
  const svc = creds.users['svc-sync'] ?? {};
  return {
    none: null,
    'basic-ok': basic(admin.login, creds.hosting === 'cloud' ? admin.apiToken : admin.password),
    'basic-bad-password': basic(svc.login, 'wrong-password'),
    'basic-right-password-jdoe': basic(jdoe.login, jdoe.password),
    'basic-password-on-cloud': basic(admin.login, admin.password),
    'basic-bad-token': basic(admin.login, 'ATATT3xFfGF0-not-a-real-token'),
    'api-token-as-bearer': bearer(admin.apiToken),
    'scoped-token-basic': basic(svc.login, svc.scopedToken),
    'scoped-token-bearer': bearer(svc.scopedToken),
    'narrow-scoped-token-basic': basic(jdoe.login, jdoe.narrowScopedToken),
    'svc-sync-pat': bearer(svc.pat),
    'inactive-user-token': basic(fred.login, fred.apiToken),
    'jdoe-basic': basic(jdoe.login, jdoe.password),
    'jdoe-api-token': basic(jdoe.login, jdoe.apiToken),
    'svc-sync-basic': basic(svc.login, svc.password),
    'noaccess-basic': basic(noaccess.login, noaccess.password),
    'nobrowse-pat': bearer(nobrowse.pat),
    'pat-ok': bearer(admin.pat),
    'pat-revoked': bearer(admin.revokedPat),
    'pat-expired': bearer(jdoe.expiredPat),
    'pat-as-basic-password': basic(admin.login, admin.pat),
    'bearer-on-pre-8.14': bearer('MDAwMDAwMDAwMTAxOmFkbWluLWNpMDAwMDAwMDAwMDAw'),
    'client-access-token': bearer(accessTokenFor(site, site.users.find((u) => u.name === 'svc-sync') ?? { name: '' })),
    'dc-pat-bearer': bearer('MDAwMDAwMDAwMTAxOmFkbWluLWNpMDAwMDAwMDAwMDAw'),
    'username-password': basic('admin', admin.password),
  };
}

const c = (name, path, auth, fact, post = null) => ({ name, path, auth, fact, post });

/** OAuth 2.0 client credentials (oauth.mjs): the token requests, JSON on Cloud, a form on DC. */
const OAUTH = 'OAuth 2.0 client credentials (ARCHITECTURE.md, Sources)';
function tokenRequest(creds, cloud, { secret = null, scope = 'READ' } = {}) {
  const client = creds.users['svc-sync']?.oauthClient ?? { id: 'unknown-client', secret: 'none' };
  const fields = { grant_type: 'client_credentials', client_id: client.id, client_secret: secret ?? client.secret };
  return cloud
    ? { type: 'application/json', body: JSON.stringify({ ...fields, audience: 'api.atlassian.com' }) }
    : { type: 'application/x-www-form-urlencoded', body: new URLSearchParams({ ...fields, scope }).toString() };
}

/** The client-credentials cases of the scenarios that have them (appended: earlier ids stay put). */
function oauthCases(site, creds) {
  const token = (over) => tokenRequest(creds, site.hosting === 'cloud', over);
  if (site.name === 'cloud') {
    const gw = `/ex/jira/${site.cloudId}/rest/api/3`;
    return [
      c('client-token-ok', '/oauth/token', 'none', OAUTH, token()),
      c('client-token-refused', '/oauth/token', 'none', OAUTH, token({ secret: 'ATOA-not-the-secret' })),
      c('gateway-myself-client-access-token', `${gw}/myself`, 'client-access-token', OAUTH),
      c('gateway-mypermissions-client-access-token', `${gw}/mypermissions?permissions=BROWSE_PROJECTS`, 'client-access-token', OAUTH),
      c('gateway-project-list-client-access-token', `${gw}/project`, 'client-access-token', OAUTH),
    ];
  }
  if (site.name === 'dc-11.3') {
    return [
      c('client-token-ok', '/rest/oauth2/latest/token', 'none', OAUTH, token()),
      c('client-token-invalid-client', '/rest/oauth2/latest/token', 'none', OAUTH, token({ secret: 'not-the-secret' })),
      c('client-token-invalid-scope', '/rest/oauth2/latest/token', 'none', OAUTH, token({ scope: 'WRITE' })),
      c('myself-client-access-token', '/rest/api/2/myself', 'client-access-token', OAUTH),
      c('mypermissions-client-access-token', '/rest/api/2/mypermissions', 'client-access-token', OAUTH),
      c('project-list-client-access-token', '/rest/api/2/project', 'client-access-token', OAUTH),
    ];
  }
  if (site.name === 'dc-10.3') return [c('client-token-missing', '/rest/oauth2/latest/token', 'none', OAUTH, token())];
  return [];
}

/** The cases worth recording for a site (see tests/fixtures/README.md for the list). */
function casesFor(site, creds) {
  const cloud = site.hosting === 'cloud';
  const jira = site.product === 'jira';
  const ok = site.basicAuthDisabled ? 'pat-ok' : 'basic-ok';
  const perms = cloud ? '/rest/api/2/mypermissions?permissions=BROWSE_PROJECTS,CREATE_ISSUES,ADMINISTER' : '/rest/api/2/mypermissions';
  const list = [
    c('serverinfo-anon', '/rest/api/2/serverInfo', 'none', site.serverInfoNeedsLogin ? '§1.1' : '§1.2'),
    c('tenant-info', '/_edge/tenant_info', 'none', '§2.5'),
  ];
  if (!cloud) list.push(c('status', '/status', 'none', '§1.4'));
  if (!jira) return list;
  if (site.quirks.movedTo) {
    // facts §7.5: the old address sends everything on to the Cloud site.
    list.push(
      c('myself-pat-moved', '/rest/api/2/myself', 'pat-ok', '§7.5'),
      c('myself-basic-moved', '/rest/api/2/myself', 'basic-ok', '§7.5'),
    );
    return list;
  }
  list.push(
    c('serverinfo-authed', '/rest/api/2/serverInfo', ok, '§1.1'),
    c('api3-serverinfo', '/rest/api/3/serverInfo', 'none', '§1.1'),
    c('myself-ok', '/rest/api/2/myself', ok, '§5.3'),
    c('myself-anon', '/rest/api/2/myself', 'none', '§4.2'),
    c('mypermissions', perms, ok, '§5.1'),
    c('mypermissions-anon', perms, 'none', '§5.1'),
    c('project-list', '/rest/api/2/project', ok, '§5.1'),
    c('project-list-anon', '/rest/api/2/project', 'none', '§4.4'),
  );
  if (cloud) {
    list.push(
      c('myself-password', '/rest/api/2/myself', 'basic-password-on-cloud', '§4.1'),
      c('myself-bad-token', '/rest/api/2/myself', 'basic-bad-token', '§4.1'),
      c('myself-api-token-as-bearer', '/rest/api/2/myself', 'api-token-as-bearer', '§3.1'),
      c('myself-scoped-token-on-site', '/rest/api/2/myself', 'scoped-token-basic', '§3.2'),
      c('gateway-myself-scoped-token', `/ex/jira/${site.cloudId}/rest/api/3/myself`, 'scoped-token-basic', '§3.2'),
      c('gateway-wrong-cloudid', '/ex/jira/00000000-0000-0000-0000-000000000000/rest/api/3/myself', 'scoped-token-basic', '§3.2'),
      c('gateway-myself-v2-scoped-token', `/ex/jira/${site.cloudId}/rest/api/2/myself`, 'scoped-token-basic', '§3.2'),
      c('gateway-mypermissions-scoped-token', `/ex/jira/${site.cloudId}${perms}`, 'scoped-token-basic', '§3.2'),
      c('gateway-project-list-scoped-token', `/ex/jira/${site.cloudId}/rest/api/2/project`, 'scoped-token-basic', '§3.2'),
      c('gateway-myself-service-account-bearer', `/ex/jira/${site.cloudId}/rest/api/2/myself`, 'scoped-token-bearer', '§3.2'),
      c('myself-narrow-scoped-token-on-site', '/rest/api/2/myself', 'narrow-scoped-token-basic', '§3.2'),
      c('gateway-myself-narrow-scoped-token', `/ex/jira/${site.cloudId}/rest/api/2/myself`, 'narrow-scoped-token-basic', '§3.2'),
      c('gateway-myself-bad-token', `/ex/jira/${site.cloudId}/rest/api/2/myself`, 'basic-bad-token', '§3.2'),
      c('mypermissions-missing-param', '/rest/api/2/mypermissions', ok, '§5.1'),
    );
    if (site.name === 'cloud') {
      // Every key AvePoint Cloud Backup's restore asks (src/targets.rs), for a user holding them and one who does not.
      const avepoint = '/rest/api/2/mypermissions?permissions=ADMINISTER,USER_PICKER,CREATE_SHARED_OBJECTS,CREATE_PROJECT,'
        + 'ADMINISTER_PROJECTS,BROWSE_PROJECTS,MANAGE_SPRINTS_PERMISSION,ASSIGN_ISSUES,CREATE_ISSUES,EDIT_ISSUES,LINK_ISSUES,'
        + 'MODIFY_REPORTER,RESOLVE_ISSUES,SCHEDULE_ISSUES,TRANSITION_ISSUES,MANAGE_WATCHERS,ADD_COMMENTS,CREATE_ATTACHMENTS,WORK_ON_ISSUES';
      list.push(
        c('mypermissions-avepoint-restore', avepoint, ok, '§5.1'),
        c('mypermissions-avepoint-restore-jdoe', avepoint, 'jdoe-api-token', '§5.1'),
      );
    }
    if (site.users.some((u) => !u.active)) list.push(c('myself-inactive-user', '/rest/api/2/myself', 'inactive-user-token', '§3.1'));
    if (site.name === 'cloud-search-removed') {
      // The endpoints an integration may call (src/targets.rs ENDPOINTS), as the token test asks them.
      list.push(
        c('search-v2-removed', '/rest/api/2/search?maxResults=1&fields=id', ok, '§7.1'),
        c('search-v3-removed', '/rest/api/3/search?maxResults=1&fields=id', ok, '§7.1'),
        c('search-jql', '/rest/api/3/search/jql?jql=created%20%3E%3D%20-1d&maxResults=1&fields=id', ok, '§7.1'),
        c('search-jql-unbounded', '/rest/api/3/search/jql', ok, '§7.1'),
      );
    }
    if (site.name === 'cloud-refuses-dc-pat') {
      list.push(
        c('myself-dc-pat-bearer', '/rest/api/2/myself', 'dc-pat-bearer', '§7.5'),
        c('myself-username-password', '/rest/api/2/myself', 'username-password', '§7.5'),
      );
    }
    return [...list, ...oauthCases(site, creds)];
  }
  if (site.basicAuthDisabled) list.push(c('myself-basic-disabled', '/rest/api/2/myself', 'basic-ok', '§4.5'));
  else list.push(c('myself-bad-password', '/rest/api/2/myself', 'basic-bad-password', '§4.2'));
  if (site.users.some((u) => u.captcha)) list.push(c('myself-captcha', '/rest/api/2/myself', 'basic-right-password-jdoe', '§4.3'));
  if (patSupported(site)) {
    list.push(
      c('myself-pat-ok', '/rest/api/2/myself', 'pat-ok', '§3.3'),
      c('myself-pat-revoked', '/rest/api/2/myself', 'pat-revoked', '§4.4'),
      c('myself-pat-expired', '/rest/api/2/myself', 'pat-expired', '§4.4'),
      c('serverinfo-pat-revoked', '/rest/api/2/serverInfo', 'pat-revoked', '§4.4'),
      c('myself-pat-as-basic-password', '/rest/api/2/myself', 'pat-as-basic-password', '§3.3'),
      c('pat-list', '/rest/pat/latest/tokens', 'pat-ok', '§3.3'),
      c('myself-svc-sync-pat', '/rest/api/2/myself', 'svc-sync-pat', '§3.3'),
      c('pat-list-svc-sync', '/rest/pat/latest/tokens', 'svc-sync-pat', '§3.3'),
    );
  } else {
    list.push(
      c('myself-bearer-ignored', '/rest/api/2/myself', 'bearer-on-pre-8.14', '§3.3'),
      c('serverinfo-bearer-ignored', '/rest/api/2/serverInfo', 'bearer-on-pre-8.14', '§3.3'),
    );
  }
  if (site.name === 'missing-permissions') {
    list.push(
      c('mypermissions-jdoe-proj', '/rest/api/2/mypermissions?projectKey=PROJ', 'jdoe-basic', '§5.1'),
      c('mypermissions-svc-sync-proj', '/rest/api/2/mypermissions?projectKey=PROJ', 'svc-sync-basic', '§5.1'),
      c('mypermissions-unknown-project', '/rest/api/2/mypermissions?projectKey=NOPE', 'jdoe-basic', '§5.1'),
      c('mypermissions-nobrowse', '/rest/api/2/mypermissions', 'nobrowse-pat', '§5.1'),
      c('project-list-nobrowse', '/rest/api/2/project', 'nobrowse-pat', '§5.1'),
    );
  }
  if (site.users.some((u) => u.active && !u.globalPermissions.includes('USE'))) {
    list.push(c('myself-no-jira-access', '/rest/api/2/myself', 'noaccess-basic', '§4.2'));
  }
  return [...list, ...oauthCases(site, creds)];
}

/** A site-wide quirk decides what REST calls show, so it names the fact for them. */
function factFor(site, kase) {
  if (!kase.path.includes('/rest/')) return kase.fact;
  if (site.quirks.sso) return '§4.6';
  if (site.quirks.emptyAuthFailure && kase.auth === 'basic-bad-password') return '§4.2 (JRA-41559)';
  if (site.quirks.failure && !kase.path.endsWith('/serverInfo')) {
    return {
      'rate-limit': '§4.7', 'server-error': '§4.9', hang: '§4.9 (no answer)', 'proxy-json': '§4.6',
      'ip-allowlist': '§4.1 (IP allowlist, tests/fixtures/real/cloud-ip-allowlist-refusal.json)', 'proxy-block': '§4.6',
      'proxy-auth': '§4.6 (RFC 9110 §15.5.8)', 'proxy-bad-gateway': '§4.9', 'edge-not-found': '§7.1',
    }[site.quirks.failure];
  }
  if (site.quirks.failure && site.quirks.serverInfoFails) {
    return { 'rate-limit': '§4.7', 'server-error': '§4.9' }[site.quirks.failure];
  }
  return kase.fact;
}

/** Fetches without following redirects; headers lower-cased and sorted, volatile ones dropped. */
async function capture(url, headers, post = null) {
  let res;
  try {
    const send = post
      ? { method: 'POST', headers: { ...headers, 'content-type': post.type }, body: post.body }
      : { headers };
    res = await fetch(url, { ...send, redirect: 'manual', signal: AbortSignal.timeout(HANG_WAIT_MS) });
  } catch (err) {
    if (err.name === 'TimeoutError') return null;
    // fetch turns a 407 into a network error (it is meant for its own proxy): ask node:http.
    if (err.name === 'TypeError') return captureRaw(url, headers);
    throw err;
  }
  const out = {};
  for (const [name, value] of res.headers) if (!VOLATILE.has(name) && name !== 'set-cookie') out[name] = value;
  const cookies = res.headers.getSetCookie();
  if (cookies.length) out['set-cookie'] = cookies.join(', ');
  const sorted = Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
  return { status: res.status, headers: sorted, body: await res.text() };
}

/** `capture` over node:http, for the answers fetch will not hand over (a 407). */
function captureRaw(url, headers) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => {
        const out = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (VOLATILE.has(name)) continue;
          out[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        const sorted = Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
        resolve({ status: res.statusCode, headers: sorted, body });
      });
    }).on('error', reject);
  });
}

/** Starts on exactly `port`; retries briefly because 473xx is in Linux's ephemeral range, where an outgoing connection may hold it for a moment. */
async function startOnPort(scenario, port) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startSimulator({ scenario, port });
    } catch (err) {
      if (err.code !== 'EADDRINUSE' || attempt === 10) throw err;
      await new Promise((resolve) => { setTimeout(resolve, 300); });
    }
  }
}

const write = (dir, name, value) => writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(value, null, 2)}\n`);

async function recordScenario(name, port) {
  const site = createSite(getScenario(name));
  const sim = await startOnPort(name, port);
  const dir = join(FIXTURES, name);
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(dir)) if (file.endsWith('.json')) rmSync(join(dir, file));
  try {
    // Pages first, so the request counters behind ids do not depend on the REST cases.
    const pageFact = site.quirks.sso ? '§4.6' : site.hosting === 'cloud' ? '§2.2' : '§2.1';
    const page = await capture(sim.url, {});
    write(dir, 'page', { url: sim.url, fact: pageFact, ...page });
    const firstUser = site.users[0];
    if (firstUser && site.product !== 'other' && !site.quirks.movedTo) {
      const login = await capture(`${sim.baseUrl}/test-login?user=${firstUser.name}`, {});
      const cookie = login.headers['set-cookie'].split(', ').find((v) => v.startsWith('JSESSIONID=')).split(';')[0];
      write(dir, 'page-logged-in', { url: sim.url, fact: site.hosting === 'cloud' ? '§2.2' : '§2.1', user: firstUser.name, ...(await capture(sim.url, { cookie })) });
    }
    const auths = authorizations(sim.credentials, site);
    for (const kase of casesFor(site, sim.credentials)) {
      const authorization = auths[kase.auth];
      const atOrigin = kase.path.startsWith('/ex/jira/') || kase.path === '/_edge/tenant_info' || kase.path === '/oauth/token';
      const url = atOrigin ? sim.origin + kase.path : sim.baseUrl + kase.path;
      const response = await capture(url, authorization ? { authorization } : {}, kase.post);
      const request = { method: kase.post ? 'POST' : 'GET', path: new URL(url).pathname + new URL(url).search, auth: kase.auth };
      write(dir, kase.name, {
        request, fact: factFor(site, kase), response, ...(response ? {} : { timedOutAfterMs: HANG_WAIT_MS }),
      });
    }
  } finally {
    await sim.close();
  }
}

const { values } = parseArgs({ options: { 'base-port': { type: 'string', default: '47300' } } });
const basePort = Number(values['base-port']);
for (const [i, { name }] of listScenarios().entries()) {
  await recordScenario(name, basePort + i);
  console.log(`recorded ${name}`);
}
