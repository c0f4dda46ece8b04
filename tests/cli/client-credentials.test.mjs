// Issue 18: the real `check` binary with a service account's OAuth 2.0 client credentials
// (`--auth client-credentials --client-id ID`, the client secret in JIRA_TOKEN or on stdin)
// against the simulator's token endpoints — Cloud's (standing in for auth.atlassian.com,
// served beside the gateway) and Jira 11 Data Center's own — and a Government Cloud site whose
// credential must never reach a commercial Atlassian host (every host each simulator saw is
// recorded). Run: `node --test tests/cli/client-credentials.test.mjs`.

import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { buildCli, runCli, startSite } from './helpers.mjs';

before(buildCli);

const client = (sim) => sim.credentials.users['svc-sync'].oauthClient;

/** `check` with client credentials; the secret in JIRA_TOKEN (or on stdin with `stdin: true`). */
async function checkClient(site, extra, { env = {}, secret = client(site).secret, id = client(site).id, stdin = false } = {}) {
  const args = ['check', site.url, '--format', 'json', '--lang', 'en', '--auth', 'client-credentials', '--client-id', id, ...extra, ...site.cli.args];
  const run = await runCli(stdin ? [...args, '--token-stdin'] : args, {
    env: { ...site.cli.env, ...env, ...(stdin ? {} : { JIRA_TOKEN: secret }) },
    input: stdin ? `${secret}\n` : '',
  });
  let json = null;
  try {
    json = JSON.parse(run.stdout);
  } catch {
    assert.fail(`not JSON (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  }
  return { ...run, json };
}

/** Neither the client secret nor any access token the simulator issues is in the output. */
function assertNoSecrets(run, secret) {
  for (const text of [run.stdout, run.stderr]) {
    assert.ok(!text.includes(secret), 'the client secret was printed');
    assert.ok(!/eyJhbGciOiJSUzI1NiJ9\.[A-Za-z0-9_-]+\.[0-9a-f]{20,}/.test(text), 'an access token was printed');
  }
}

const tokenPosts = (log, path) => log.filter((e) => e.method === 'POST' && e.path === path);

describe('check --help documents client credentials', () => {
  test('the method and --client-id are in check --help', async () => {
    const { stdout, code } = await runCli(['check', '--help']);
    assert.equal(code, 0);
    assert.match(stdout, /client-credentials/);
    assert.match(stdout, /--client-id ID/);
  });

  test('a client id without the method, or the method without an id, is a usage error', async () => {
    const a = await runCli(['check', 'https://jira.example.com', '--client-id', 'abc'], { env: { JIRA_TOKEN: 'x' } });
    assert.equal(a.code, 2);
    assert.match(a.stderr, /--client-id goes with --auth client-credentials/);
    const b = await runCli(['check', 'https://jira.example.com', '--auth', 'client-credentials'], { env: { JIRA_TOKEN: 'x' } });
    assert.equal(b.code, 2);
    assert.match(b.stderr, /needs --client-id/);
  });
});

describe('Data Center 11: the token endpoint of the Jira itself', () => {
  test('the secret is exchanged at /rest/oauth2/latest/token (form, scope READ), then Bearer to /rest/api/2', async (t) => {
    const site = await startSite({ scenario: 'dc-11.3' });
    t.after(() => site.close());
    const run = await checkClient(site, [], { stdin: true });
    assert.equal(run.code, 0, run.stdout);
    assert.equal(run.json.verdict.code, 'ok');
    assert.equal(run.json.authMethod, 'client-credentials');
    assert.equal(tokenPosts(site.log, '/rest/oauth2/latest/token').length, 1);
    const bearer = site.log.filter((e) => e.authScheme === 'bearer').map((e) => e.path);
    assert.ok(bearer.includes('/rest/api/2/myself'), JSON.stringify(bearer));
    assert.ok(site.log.every((e) => e.authScheme !== 'basic'), 'no password anywhere');
    const fields = Object.fromEntries(run.json.snippet.fields.map((f) => [f.key, f.value]));
    assert.equal(fields.tokenUrl, `${site.baseUrl}/rest/oauth2/latest/token`);
    assert.equal(fields.scope, 'READ');
    assertNoSecrets(run, client(site).secret);
  });

  test('a wrong secret: client_credentials_rejected; an older Jira: token_endpoint_missing', async (t) => {
    const dc11 = await startSite({ scenario: 'dc-11.3' });
    const dc10 = await startSite({ scenario: 'dc-10.3' });
    t.after(async () => { await dc11.close(); await dc10.close(); });
    const wrong = await checkClient(dc11, [], { secret: 'ATOA-not-the-secret' });
    assert.equal(wrong.code, 1);
    assert.equal(wrong.json.verdict.code, 'client_credentials_rejected');
    const old = await checkClient(dc10, [], { id: client(dc11).id, secret: client(dc11).secret });
    assert.equal(old.code, 1);
    assert.equal(old.json.verdict.code, 'token_endpoint_missing');
    assertNoSecrets(old, client(dc11).secret);
  });
});

/**
 * A Cloud site and a second simulator of the same scenario standing in for the family's
 * gateway and authorization server (both `/ex/jira/…` and `/oauth/token` live there), named
 * `gateway` and `auth` on port 443; and, for the Government test, a third one named
 * api.atlassian.com and auth.atlassian.com, which must see nothing.
 */
async function startCloud(t, scenario, { gatewayHost, authHost, commercial = false }) {
  const site = await startSite({ scenario });
  const atlassian = await startSite({ scenario });
  const other = commercial ? await startSite({ scenario: 'cloud' }) : null;
  t.after(async () => {
    await site.close();
    await atlassian.close();
    if (other) await other.close();
  });
  const map = [site.cli.env.JTW_RESOLVE, `${gatewayHost}:443:127.0.0.1:${atlassian.port}`, `${authHost}:443:127.0.0.1:${atlassian.port}`];
  if (other) map.push(`api.atlassian.com:443:127.0.0.1:${other.port}`, `auth.atlassian.com:443:127.0.0.1:${other.port}`);
  return { site, atlassian, other, env: { JTW_RESOLVE: map.join(',') } };
}

describe('Cloud: auth.atlassian.com, then the gateway', () => {
  test('the token comes from the authorization server, and works only through the gateway', async (t) => {
    const { site, atlassian, env } = await startCloud(t, 'cloud', { gatewayHost: 'api.atlassian.com', authHost: 'auth.atlassian.com' });
    const run = await checkClient(site, [], { env });
    assert.equal(run.code, 0, run.stdout);
    assert.equal(run.json.verdict.code, 'ok');
    const posts = tokenPosts(atlassian.log, '/oauth/token');
    assert.equal(posts.length, 1);
    assert.equal(posts[0].hasAuthorization, false, 'the secret goes in the body, not a header');
    const viaGateway = atlassian.log.filter((e) => e.path.startsWith('/ex/jira/') && e.authScheme === 'bearer');
    assert.ok(viaGateway.some((e) => e.path.endsWith('/rest/api/3/myself')), JSON.stringify(atlassian.log.map((e) => e.path)));
    assert.ok(site.log.every((e) => !e.hasAuthorization), 'the site itself gets no credential');
    const gateway = `https://api.atlassian.com/ex/jira/${site.credentials.cloudId}`;
    const fields = Object.fromEntries(run.json.snippet.fields.map((f) => [f.key, f.value]));
    assert.equal(fields.url, gateway);
    assert.equal(fields.tokenUrl, 'https://auth.atlassian.com/oauth/token');
    assertNoSecrets(run, client(site).secret);
  });

  test('a wrong secret: the authorization server\'s access_denied is client_credentials_rejected', async (t) => {
    const { site, env } = await startCloud(t, 'cloud', { gatewayHost: 'api.atlassian.com', authHost: 'auth.atlassian.com' });
    const run = await checkClient(site, [], { env, secret: 'ATOA-not-the-secret' });
    assert.equal(run.code, 1);
    assert.equal(run.json.verdict.code, 'client_credentials_rejected');
    assert.match(run.json.verdict.cause.en, /access_denied/);
  });
});

describe('Government Cloud: a credential never reaches a commercial host', () => {
  const gov = { gatewayHost: 'api.atlassian-us-gov-mod.com', authHost: 'auth.atlassian-us-gov-mod.com', commercial: true };

  test('detection names the family; client credentials go to the Government hosts only', async (t) => {
    const { site, atlassian, other, env } = await startCloud(t, 'gov-cloud', gov);
    const run = await checkClient(site, [], { env });
    assert.equal(run.json.deployment.hosting, 'cloud');
    assert.equal(run.json.deployment.cloudFamily, 'government');
    assert.match(run.json.deployment.summary.en, /Government/);
    assert.equal(run.json.verdict.code, 'ok', run.json.verdict.cause.en);
    assert.equal(tokenPosts(atlassian.log, '/oauth/token').length, 1);
    const fields = Object.fromEntries(run.json.snippet.fields.map((f) => [f.key, f.value]));
    assert.equal(fields.tokenUrl, 'https://auth.atlassian-us-gov-mod.com/oauth/token');
    assert.equal(fields.url, `https://api.atlassian-us-gov-mod.com/ex/jira/${site.credentials.cloudId}`);
    assert.equal(fields.audience, 'api.atlassian-us-gov-mod.com');
    // The commercial hosts saw nothing at all; the CLI's default gateway was api.atlassian.com.
    assert.deepEqual(other.log, []);
    assertNoSecrets(run, client(site).secret);
  });

  test('a scoped API token refused by the site is tried at the Government gateway, not api.atlassian.com', async (t) => {
    const { site, atlassian, other, env } = await startCloud(t, 'gov-cloud', gov);
    const svc = site.credentials.users['svc-sync'];
    const run = await runCli(['check', site.url, '--format', 'json', '--user', svc.login, ...site.cli.args], {
      env: { ...site.cli.env, ...env, JIRA_TOKEN: svc.scopedToken },
    });
    const json = JSON.parse(run.stdout);
    assert.equal(json.verdict.code, 'ok', json.verdict.cause.en);
    assert.equal(json.viaGateway, `https://api.atlassian-us-gov-mod.com/ex/jira/${site.credentials.cloudId}`);
    assert.ok(atlassian.log.some((e) => e.path.startsWith('/ex/jira/') && e.hasAuthorization));
    assert.deepEqual(other.log, []);
    assert.ok(!run.stdout.includes(svc.scopedToken));
  });
});
