// Issue 18 in the wizard: a service account's OAuth 2.0 client credentials, end to end through
// the simulator's token endpoints — Cloud's (standing in for the family's authorization server,
// served beside its gateway: tests/simulator/oauth.mjs) and Jira 11 Data Center's own — a
// Government Cloud site whose credential never reaches a commercial Atlassian host (every host
// the browser asked is recorded: Chromium's NetLog, Firefox's proxy), and Jira 11 with Basic off.
// Run in both browsers by service-account.test.mjs and firefox/service-account.test.mjs.
//
// The permission prompt: Firefox answers its real doorhanger; headless Chromium cannot, so there
// the hosts are granted at install and the request the wizard makes is recorded all the same.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS } from '../harness.mjs';
import { BROWSER_OWN } from '../recorder.mjs';
import { startSimulator } from '../../simulator/server.mjs';
import { GOV_PATTERN, startSite } from '../sites.mjs';
import { answersPermissionPrompts, launchBrowser } from '../browsers/index.mjs';
import { assertSecretNowhere, GATEWAY_PATTERN, openTestStep, testDone, withWizard } from './common.mjs';

/** Any access token the simulator issues (oauth.mjs `accessTokenFor`: a JWT-looking fake). */
const ACCESS_TOKEN = /eyJhbGciOiJSUzI1NiJ9\.[A-Za-z0-9_-]+\.[0-9a-f]{20,}/;
const AUTH_PATTERN = 'https://auth.atlassian.com/*';
const GOV_API = 'api.atlassian-us-gov-mod.com';
const GOV_AUTH = 'auth.atlassian-us-gov-mod.com';
/** A host of the commercial Atlassian family (src/urls/family.rs `Family::of_host`). */
const COMMERCIAL = /(^|\.)(atlassian\.net|jira\.com|atlassian\.com)$/i;

const client = (sim, user = 'svc-sync') => sim.credentials.users[user].oauthClient;
const patternOf = (origin) => `${new URL(origin).protocol}//${new URL(origin).hostname}/*`;
const tokenPosts = (log, path) => log.filter((e) => e.method === 'POST' && e.path === path);

/**
 * Step 3 open and its Test button in the footer, as a user gets there: "I have the token" (or
 * a click on the step), and after a test that worked, step 4 folded again.
 */
async function toTestButton(w) {
  await w.eval(() => {
    const q = (x) => document.querySelector(`[data-testid="${x}"]`);
    if (q('step-connect-btn')?.getAttribute('aria-expanded') === 'true') q('step-connect-btn').click();
    if (q('step-test-btn').getAttribute('aria-expanded') === 'false') q('step-test-btn').click();
  });
  await w.waitFor(() => {
    const b = document.querySelector('[data-testid=test-run]');
    return b && !b.closest('[hidden]') && !b.disabled;
  });
}

/** Fills the form for client credentials (the menu offers them), step 3 open. */
async function fillClient(w, { id, secret, target = 'generic' }) {
  await w.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
  await toTestButton(w);
  const offered = await w.eval(([tg, i, s]) => {
    const q = (x) => document.querySelector(`[data-testid="${x}"]`);
    q('test-target').value = tg;
    q('test-target').dispatchEvent(new Event('change'));
    const option = q('test-auth').querySelector('option[value="client-credentials"]');
    q('test-auth').value = 'client-credentials';
    q('test-auth').dispatchEvent(new Event('change'));
    q('test-login').value = i;
    q('test-secret').value = s;
    q('test-form').dispatchEvent(new Event('input'));
    return { hidden: option.hidden, disabled: option.disabled };
  }, [target, id, secret]);
  return offered;
}

/** The wizard's text, its storage and its report: neither the client secret nor an access token. */
async function assertNoSecrets(w, secret) {
  await assertSecretNowhere(w, secret);
  const text = await w.eval(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const stored = JSON.stringify({ local: await api.storage.local.get(null), session: await api.storage.session.get(null) });
    const links = [...document.querySelectorAll('a[href^="blob:"], a[href^="data:"]')];
    const files = await Promise.all(links.map(async (a) => (await fetch(a.href)).text()));
    return `${document.body.innerText}\n${stored}\n${files.join('\n')}`;
  });
  assert.doesNotMatch(text, ACCESS_TOKEN, 'an access token is in the page, its storage or its report');
}

const stepsText = (w) => w.eval(() => [...document.querySelectorAll('[data-testid=steps] li')].map((li) => li.textContent).join('\n'));

/** @param {'chromium'|'firefox'} name */
export function serviceAccountFlows(name) {
  const prompts = answersPermissionPrompts(name);

  describe(`${name}: a Cloud service account through auth.atlassian.com and the gateway`, () => {
    const ctx = { driver: null, site: null, atlassian: null, govTrap: null };
    before(async () => {
      ctx.site = await startSite({ scenario: 'cloud' });
      // One simulator stands in for the commercial family's authorization server and gateway;
      // another serves the Government ones, and must see nothing (the reverse of the test below).
      ctx.atlassian = await startSimulator({ scenario: 'cloud', https: true });
      ctx.govTrap = await startSimulator({ scenario: 'gov-cloud', https: true });
      const port = ctx.atlassian.port;
      ctx.driver = await launchBrowser(name, {
        mapHosts: { 'api.atlassian.com': port, 'auth.atlassian.com': port, [GOV_API]: ctx.govTrap.port, [GOV_AUTH]: ctx.govTrap.port },
        morePermissions: prompts ? [] : [AUTH_PATTERN, GATEWAY_PATTERN],
        recordHosts: true,
      });
    });
    after(async () => {
      await ctx.driver?.close();
      await ctx.site?.close();
      await ctx.atlassian?.close();
      await ctx.govTrap?.close();
    });

    test('offered, asked for exactly the hosts it uses, ok; a wrong secret is client_credentials_rejected', async () => {
      const { driver, site, atlassian } = ctx;
      const { id, secret } = client(site);
      await withWizard(driver, site.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        assert.match(await w.text('summary'), /^Jira Cloud\b/);
        const offered = await fillClient(w, { id, secret });
        assert.deepEqual(offered, { hidden: false, disabled: false }, 'the menu offers client credentials');
        assert.equal(await w.text('test-login-label'), 'Client ID');
        assert.equal(await w.text('test-secret-label'), 'Client secret');
        assert.equal(await w.text('test-cc-note'), null, 'no "not supported" note for any integration');
        assert.equal(await w.attr('test-origin', 'data-origin'), 'https://auth.atlassian.com https://api.atlassian.com');
        assert.match(await w.text('test-origin'), /only to https:\/\/auth\.atlassian\.com; the access token it issues only to https:\/\/api\.atlassian\.com/);
        // Step 2 shows the service account's steps (the core's client-credentials plan).
        assert.match(await stepsText(w), /Service accounts/);
        assert.deepEqual(atlassian.log, [], 'nothing asked before the click');

        const asked = await w.withPermissionPrompt('allow', () => w.click('test-run'));
        assert.deepEqual(asked, [{ origins: [patternOf(site.origin), AUTH_PATTERN, GATEWAY_PATTERN] }],
          'one request on the click, for exactly the site, the authorization server and the gateway');
        await testDone(w);
        assert.equal(await w.text('verdict-code'), 'ok', await w.text('verdict-cause'));
        const posts = tokenPosts(atlassian.log, '/oauth/token');
        assert.equal(posts.length, 1, 'one token request');
        assert.equal(posts[0].hasAuthorization, false, 'the secret goes in the body, not a header');
        const bearer = atlassian.log.filter((e) => e.authScheme === 'bearer').map((e) => e.path);
        assert.ok(bearer.includes(`/ex/jira/${site.credentials.cloudId}/rest/api/3/myself`), JSON.stringify(bearer));
        assert.ok(site.log.every((e) => !e.hasAuthorization), 'the site itself gets no credential');
        assert.ok(atlassian.log.every((e) => !e.hasCookie), 'no cookie');
        await openTestStep(w);
        await assertNoSecrets(w, secret);
        await w.screenshot(`${name}-service-account-cloud.png`);

        // The same client with a wrong secret: the authorization server's access_denied.
        await fillClient(w, { id, secret: 'ATOA-not-the-secret' });
        await w.click('test-run');
        await testDone(w);
        assert.equal(await w.text('verdict-code'), 'client_credentials_rejected');
        assert.match(await w.text('verdict-cause'), /access_denied/);
        assert.equal(tokenPosts(atlassian.log, '/oauth/token').length, 2);
        await w.click('lang-ru');
        assert.equal(await w.text('test-login-label'), 'Client ID (идентификатор клиента)');
        assert.match(await w.text('test-origin'), /^Client ID и secret отправляются только на https:\/\/auth\.atlassian\.com/);
        await w.click('lang-en');

        // An integration whose form takes no client id: the wizard says so and sends nothing.
        const before = atlassian.log.length;
        const refused = await fillClient(w, { id, secret, target: 'issue-sync' });
        assert.equal(refused.disabled, true, 'the menu item is not offered for Issue Sync');
        assert.match(await w.text('test-cc-note'), /not supported by this integration \(.*Issue Sync.*\)/);
        assert.equal(await w.eval(() => document.querySelector('[data-testid=test-auth]').value), 'auto',
          'the method in effect falls back to the recommended one');
        assert.equal(atlassian.log.length, before);
      });
      if (driver.offsite) assert.deepEqual(driver.offsite, [], 'no request left for any other host');
    });

    test('every host the browser asked: the site and the commercial hosts, no Government host', async () => {
      const { driver, site } = ctx;
      await driver.close();
      ctx.driver = null;
      const hosts = driver.hostsAsked;
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, `${name}-cloud-hosts-asked.json`), `${JSON.stringify(hosts, null, 2)}\n`);
      assert.ok(hosts.includes('auth.atlassian.com') || hosts.includes('auth.atlassian.com:443'), `${hosts}`);
      assert.deepEqual(hosts.filter((h) => /atlassian-us-gov-mod\./.test(h)), [], 'no Government host was asked');
      const known = [new URL(site.origin).host, 'api.atlassian.com', 'auth.atlassian.com', 'api.atlassian.com:443', 'auth.atlassian.com:443'];
      assert.deepEqual(hosts.filter((h) => !known.includes(h) && !BROWSER_OWN.test(h)), [], 'no other host');
      assert.deepEqual(ctx.govTrap.log, [], 'the Government gateway and authorization server saw nothing');
    });
  });

  describe(`${name}: a Jira 11 Data Center service account, and Basic off`, () => {
    const ctx = { driver: null, site: null };
    before(async () => {
      ctx.site = await startSite({ scenario: 'dc-11.3' });
      ctx.driver = await launchBrowser(name, {});
    });
    after(async () => {
      await ctx.driver?.close();
      await ctx.site?.close();
    });

    test('the token endpoint of the Jira itself, then Bearer to /rest/api/2: ok, then refusals', async () => {
      const { driver, site } = ctx;
      const { id, secret } = client(site);
      await withWizard(driver, site.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        const offered = await fillClient(w, { id, secret });
        assert.deepEqual(offered, { hidden: false, disabled: false });
        assert.equal(await w.attr('test-origin', 'data-origin'), site.origin, 'everything goes to the Jira itself');
        // Data Center asks no other host: no permission request (the site is allowed already).
        await w.click('test-run');
        await testDone(w);
        assert.equal(await w.text('verdict-code'), 'ok', await w.text('verdict-cause'));
        assert.equal(tokenPosts(site.log, '/rest/oauth2/latest/token').length, 1);
        const bearer = site.log.filter((e) => e.authScheme === 'bearer').map((e) => e.path);
        assert.ok(bearer.includes('/rest/api/2/myself'), JSON.stringify(bearer));
        assert.ok(site.log.every((e) => e.authScheme !== 'basic'), 'no password anywhere');
        await openTestStep(w);
        await assertNoSecrets(w, secret);

        await fillClient(w, { id, secret: 'not-the-secret' });
        await w.click('test-run');
        await testDone(w);
        assert.equal(await w.text('verdict-code'), 'client_credentials_rejected');

        const empty = client(site, 'svc-empty');
        await fillClient(w, { id: empty.id, secret: empty.secret });
        await w.click('test-run');
        await testDone(w);
        assert.equal(await w.text('verdict-code'), 'service_account_no_access');
        await assertNoSecrets(w, empty.secret);
      });
    });

    test('Jira 11 with Basic off: no password offered, and a password gets basic_auth_off_by_default', async () => {
      const { driver, site } = ctx;
      const admin = site.credentials.users.admin;
      await withWizard(driver, site.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        await w.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
        const menu = await w.eval(() => [...document.querySelectorAll('[data-testid=test-auth] option')]
          .filter((o) => !o.hidden).map((o) => o.value));
        assert.ok(!menu.includes('basic'), `the method menu offers a password: ${menu}`);
        const steps = await stepsText(w);
        assert.ok(steps.length > 0);
        assert.doesNotMatch(steps, /password/i, 'the steps offer no password');
        // The user tries a password anyway (the automatic method sends it as one).
        await w.eval(([l, s]) => {
          const q = (x) => document.querySelector(`[data-testid="${x}"]`);
          q('test-target').value = 'generic';
          q('test-target').dispatchEvent(new Event('change'));
          q('test-auth').value = 'auto';
          q('test-auth').dispatchEvent(new Event('change'));
          q('test-login').value = l;
          q('test-secret').value = s;
          q('test-form').dispatchEvent(new Event('input'));
        }, [admin.login, admin.password]);
        await toTestButton(w);
        await w.click('test-run');
        await testDone(w);
        assert.equal(await w.text('verdict-code'), 'basic_auth_off_by_default');
        await w.screenshot(`${name}-basic-off.png`);
      });
    });
  });

  describe(`${name}: a Government Cloud site — its credential never reaches a commercial host`, () => {
    test('detected as Government Cloud; client credentials go to its own hosts; every host asked recorded', async () => {
      const site = await startSite({ scenario: 'gov-cloud' });
      const gov = await startSimulator({ scenario: 'gov-cloud', https: true });
      // The commercial hosts are served too, by a simulator that must see nothing.
      const trap = await startSimulator({ scenario: 'cloud', https: true });
      let driver = null;
      try {
        driver = await launchBrowser(name, {
          mapHosts: { [GOV_API]: gov.port, [GOV_AUTH]: gov.port, 'api.atlassian.com': trap.port, 'auth.atlassian.com': trap.port },
          morePermissions: prompts ? [GOV_PATTERN] : [GOV_PATTERN, `https://${GOV_AUTH}/*`, `https://${GOV_API}/*`],
          recordHosts: true,
        });
        const { id, secret } = client(site);
        await withWizard(driver, site.url, async (w) => {
          assert.equal(await w.settled(), 'ready');
          assert.match(await w.text('summary'), /Government/);
          await fillClient(w, { id, secret });
          assert.equal(await w.attr('test-origin', 'data-origin'), `https://${GOV_AUTH} https://${GOV_API}`);
          const asked = await w.withPermissionPrompt('allow', () => w.click('test-run'));
          assert.deepEqual(asked, [{ origins: [patternOf(site.origin), `https://${GOV_AUTH}/*`, `https://${GOV_API}/*`] }]);
          await testDone(w);
          assert.equal(await w.text('verdict-code'), 'ok', await w.text('verdict-cause'));
          assert.equal(tokenPosts(gov.log, '/oauth/token').length, 1);
          assert.ok(gov.log.some((e) => e.path.startsWith('/ex/jira/') && e.authScheme === 'bearer'));
          await openTestStep(w);
          await assertNoSecrets(w, secret);
          await w.screenshot(`${name}-service-account-gov.png`);
        });
        await driver.close();
        const hosts = driver.hostsAsked;
        driver = null;
        mkdirSync(ARTIFACTS, { recursive: true });
        writeFileSync(join(ARTIFACTS, `${name}-gov-hosts-asked.json`), `${JSON.stringify(hosts, null, 2)}\n`);
        const siteHost = new URL(site.origin).host;
        assert.ok(hosts.includes(siteHost), `the site was asked: ${hosts}`);
        assert.ok(hosts.includes(GOV_AUTH) || hosts.includes(`${GOV_AUTH}:443`), `the Government authorization server: ${hosts}`);
        assert.deepEqual(hosts.filter((h) => COMMERCIAL.test(h.split(':')[0])), [], 'no commercial Atlassian host was asked');
        const known = [siteHost, GOV_API, GOV_AUTH, `${GOV_API}:443`, `${GOV_AUTH}:443`];
        assert.deepEqual(hosts.filter((h) => !known.includes(h) && !BROWSER_OWN.test(h)), [], 'no other host');
        assert.deepEqual(trap.log, [], 'the commercial gateway and authorization server saw nothing');
      } finally {
        await driver?.close();
        await Promise.all([site.close(), gov.close(), trap.close()]);
      }
    });
  });
}
