// A scoped Cloud API token through Atlassian's gateway (facts §3.2), and only on the user's
// click: the popup tests the token against the site, the core answers
// `scoped_token_needs_gateway` (a service account's token; gateway not tried) — or, for any
// other Cloud API token the site refuses, `credentials_rejected`, with the same offer — the
// user presses "Test through api.atlassian.com", the popup asks for https://api.atlassian.com/*
// and re-runs the test with the gateway: `ok`, amber, and the gateway URL in the block. Every request is recorded (tests/e2e/recorder.mjs: CDP + NetLog) and may go to
// the simulator's Jira origin or to the gateway — and to the gateway only after the click.
//
// The gateway is the real URL the extension ships with: Chromium resolves api.atlassian.com to
// a second simulator (scenario `cloud`, TLS with a throw-away certificate), which answers
// `/ex/jira/{cloudId}/…` as the gateway does. No test switch in the extension: the service
// worker accepts no other gateway. Headless Chromium cannot answer a permission prompt (build
// notes), so:
// - "allowed": the temp manifest grants https://api.atlassian.com/* at install, and
//   `permissions.request` (spied on, not replaced) then resolves true without a prompt;
// - "refused": nothing is granted and `permissions.request` is replaced in the popup by one
//   that answers false, as the user's "Deny" would.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { gatewayProblem, validateRequest } from '../../extension/protocol.js';
import { startSimulator } from '../simulator/server.mjs';
import { ATLASSIAN_PATTERN, startSite } from './sites.mjs';
import {
  GATEWAY_ORIGIN, LOCAL, launchRecorded, netlogSplit, openPopup, recordServiceWorker,
} from './recorder.mjs';
import { openTestStep } from './harness.mjs';

const GATEWAY_PATTERN = `${GATEWAY_ORIGIN}/*`;
const ex = (r) => r.path.startsWith('/ex/jira/');

describe('protocol: a check may name no gateway but the core\'s (Facts.gateway), and only for Cloud', () => {
  const cloud = true;
  const dc = false;
  /** The service worker's rule, as it applies it to a validated check with the core's gateway. */
  const problem = (isCloud, gateway) => {
    const checked = validateRequest({
      type: 'check', detectionId: crypto.randomUUID(), input: { login: 'me@example.com', secret: 's3cret-value', gateway },
    });
    assert.equal(checked.ok, true);
    assert.equal(checked.request.type, 'check');
    return gatewayProblem(checked.request.input, isCloud, GATEWAY_ORIGIN);
  };

  test('null, absent or the one known gateway pass', () => {
    assert.equal(problem(cloud, null), null);
    assert.equal(problem(cloud, undefined), null);
    assert.equal(problem(dc, null), null);
    assert.equal(problem(cloud, GATEWAY_ORIGIN), null);
  });

  test('any other gateway, or the gateway for a self-managed Jira, is refused', () => {
    for (const other of ['https://api.atlassian.com/', 'http://api.atlassian.com', 'https://API.atlassian.com',
      'https://api.atlassian.com.evil.example', 'https://evil.example', 'http://127.0.0.1:8080', '', 's3cret-value', 42]) {
      const why = problem(cloud, other);
      assert.ok(why, JSON.stringify(other));
      assert.ok(!why.includes('s3cret-value'), 'the refusal never quotes the input');
    }
    assert.ok(problem(dc, GATEWAY_ORIGIN));
  });
});

/** Detects the `cloud` site, tests the service account's scoped token, returns the popup. */
async function scopedTokenTested(browser, site, seen) {
  const popup = await openPopup(browser, site.url, seen);
  assert.equal(await popup.settled(), 'ready');
  assert.match(await popup.text('summary'), /^Jira Cloud\b/);
  await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
  const svc = site.credentials.users['svc-sync'];
  await popup.eval(({ login, secret }) => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    q('test-login').value = login;
    q('test-secret').value = secret;
    q('test-run').click();
  }, { login: svc.login, secret: svc.scopedToken });
  await testDone(popup);
  assert.equal(await popup.text('verdict-code'), 'scoped_token_needs_gateway');
  assert.match(await popup.text('verdict-cause'), /gateway was not tried/);
  assert.equal(await popup.text('gateway-try'), 'Test through api.atlassian.com');
  assert.equal(await popup.text('gateway-denied'), null);
  return popup;
}

/** Waits until a test has finished and its result or error is shown. */
async function testDone(popup) {
  await popup.waitFor(() => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    return q('test-run').getAttribute('aria-busy') === 'false' && (!q('check').hidden || !q('test-error').hidden);
  }, null, 15_000);
  await openTestStep(popup); // a test that works folds step 3: opened again to read it
}

/** Starts the Jira site, the stand-in gateway and a recorded browser; runs `body`; cleans up. */
async function withGatewaySetup(hostPermissions, body) {
  // The site under its Atlassian name (sites.mjs): a Cloud credential goes nowhere else.
  const site = await startSite({ scenario: 'cloud' });
  const gateway = await startSimulator({ scenario: 'cloud', https: true });
  const dir = mkdtempSync(join(tmpdir(), 'jtw-netlog-'));
  const netlog = join(dir, 'netlog.json');
  const seen = [];
  let browser;
  try {
    browser = await launchRecorded(netlog, { hostPermissions, gatewayPort: Number(new URL(gateway.origin).port), atlassianSites: true });
    await recordServiceWorker(browser, seen);
    const extId = browser.extId;
    await body({ browser, site, gateway, seen });
    await browser.close(); // Chromium writes the NetLog on exit
    browser = null;
    return { site, seen, netlog: netlogSplit(netlog, extId, site.origin, [site.origin, GATEWAY_ORIGIN]) };
  } finally {
    await browser?.close();
    await site.close();
    await gateway.close();
    if (!process.env.KEEP_NETLOG) rmSync(dir, { recursive: true, force: true });
  }
}

test('scoped token: gateway only after the click, and through it the token works', async (t) => {
  let beforeClick = -1;
  const run = await withGatewaySetup([ATLASSIAN_PATTERN, GATEWAY_PATTERN], async ({ browser, site, gateway, seen }) => {
    const popup = await scopedTokenTested(browser, site, seen);
    assert.deepEqual(gateway.log, [], 'nothing reached the gateway before the click');
    beforeClick = seen.length;
    await popup.screenshot('popup-scoped-offer.png');

    await popup.eval(() => {
      window.asked = [];
      const real = chrome.permissions.request.bind(chrome.permissions);
      chrome.permissions.request = (p) => { window.asked.push(p); return real(p); };
    });
    await popup.click('gateway-try');
    await popup.waitFor(() => document.querySelector('[data-testid=gateway]').hidden
      && document.querySelector('[data-testid=verdict-code]').textContent === 'ok', null, 15_000);
    await testDone(popup);
    assert.deepEqual(await popup.eval(() => window.asked), [{ origins: [GATEWAY_PATTERN] }],
      'the click asked for exactly https://api.atlassian.com/*');

    const { cloudId } = site.credentials;
    const base = `${GATEWAY_ORIGIN}/ex/jira/${cloudId}`;
    assert.equal(await popup.text('verdict-code'), 'ok');
    assert.equal(await popup.attr('verdict', 'data-via-gateway'), 'true', 'amber: it works, but only there');
    assert.ok((await popup.text('check-warning-works_via_gateway')).includes(base));
    assert.equal(await popup.text('snippet-value-url'), base, 'the block carries the gateway URL');
    assert.match(await popup.text('check-gateway'), new RegExp(`Works only through ${base}`));
    assert.equal(await popup.attr('check-user', 'data-ok'), 'true');
    assert.equal(await popup.text('test-error'), null);

    const atGateway = gateway.log.filter(ex);
    assert.deepEqual(atGateway.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.authScheme} cookie:${r.hasCookie}`).sort(),
      [`GET /ex/jira/${cloudId}/rest/api/2/myself basic cookie:false`,
        `GET /ex/jira/${cloudId}/rest/api/2/mypermissions basic cookie:false`,
        `GET /ex/jira/${cloudId}/rest/api/2/project basic cookie:false`].sort(),
      '/myself, the permissions and the projects through the gateway, no cookie');
    assert.deepEqual(gateway.log.filter((r) => !ex(r)), [], 'nothing but /ex/jira asked of the gateway');
    await popup.eval(() => window.scrollTo(0, 0));
    await popup.screenshot('popup-scoped-gateway.png');
    await popup.close();
  });

  // CDP: before the click only the site; after it the site and the gateway, from the service
  // worker; never anything else.
  const network = run.seen.filter((r) => !LOCAL.test(r.url));
  const origin = (r) => new URL(r.url).origin;
  const before = run.seen.slice(0, beforeClick).filter((r) => !LOCAL.test(r.url));
  t.diagnostic(`CDP: ${before.length} requests before the click, ${network.length} in all`);
  assert.ok(before.some((r) => r.from === 'service worker' && r.url.startsWith(`${run.site.origin}/rest/api/2/myself`)),
    'the recorder saw the first test');
  assert.deepEqual(before.filter((r) => origin(r) !== run.site.origin), [], 'before the click: only the Jira site (CDP)');
  const toGateway = network.filter((r) => origin(r) === GATEWAY_ORIGIN);
  assert.ok(toGateway.length > 0 && toGateway.every((r) => r.from === 'service worker' && r.url.includes('/ex/jira/')),
    `the gateway was asked by the service worker: ${JSON.stringify(toGateway)}`);
  assert.deepEqual(network.filter((r) => ![run.site.origin, GATEWAY_ORIGIN].includes(origin(r))), [],
    'no request to a third origin (CDP)');

  // NetLog: the whole browser.
  const { ours, browserOwn, extOrigin } = run.netlog;
  assert.ok(ours.some((r) => r.initiator === extOrigin && r.url.startsWith(`${GATEWAY_ORIGIN}/ex/jira/`)),
    "the NetLog saw the extension's gateway request");
  assert.deepEqual(ours.filter((r) => ![run.site.origin, GATEWAY_ORIGIN].includes(origin(r))), [],
    'no request from the extension or the page to a third origin (NetLog)');
  assert.deepEqual(ours.filter((r) => origin(r) === GATEWAY_ORIGIN && r.initiator !== extOrigin), [],
    'only the extension talks to the gateway (NetLog)');
  assert.deepEqual(browserOwn.filter((r) => origin(r) === GATEWAY_ORIGIN), [], 'the browser itself never did (NetLog)');
});

test('scoped token, access refused: a clear message and nothing sent to the gateway', async (t) => {
  const run = await withGatewaySetup([ATLASSIAN_PATTERN], async ({ browser, site, gateway, seen }) => {
    const popup = await scopedTokenTested(browser, site, seen);
    await popup.eval(() => {
      window.asked = [];
      chrome.permissions.request = async (p) => { window.asked.push(p); return false; }; // the user's "Deny"
    });
    await popup.click('gateway-try');
    await popup.waitFor(() => !document.querySelector('[data-testid=gateway-denied]').hidden);
    assert.deepEqual(await popup.eval(() => window.asked), [{ origins: [GATEWAY_PATTERN] }]);
    assert.equal(await popup.text('gateway-denied'), 'Access to api.atlassian.com was not granted, so the token was not sent there.');
    assert.match(await popup.text('verdict-cause'), /gateway was not tried/, 'the result is unchanged');
    assert.equal(await popup.text('gateway-try'), 'Test through api.atlassian.com', 'the offer stays');
    await popup.click('lang-ru');
    assert.equal(await popup.text('gateway-try'), 'Проверить через api.atlassian.com');
    assert.match(await popup.text('gateway-denied'), /^Доступ к api\.atlassian\.com не предоставлен/);
    await popup.screenshot('popup-scoped-refused-ru.png');

    // A message that skips the popup's button: the service worker refuses the gateway without
    // the permission, and any other gateway whatever the permissions (the site's own origin,
    // which the extension may contact, stands in for "some other server").
    const svc = site.credentials.users['svc-sync'];
    const [noPermission, otherGateway] = await popup.eval(async ({ url, login, secret, other }) => {
      const detected = await chrome.runtime.sendMessage({ type: 'detect_url', url });
      const input = {
        login, secret, auth: 'auto', target: 'generic', project: null, requiredPermissions: [],
        gateway: 'https://api.atlassian.com', timeoutMs: 5000, keyMaterial: null,
      };
      const send = (gw) => chrome.runtime.sendMessage({ type: 'check', detectionId: detected.detectionId, input: { ...input, gateway: gw } });
      return [await send(input.gateway), await send(other)];
    }, { url: site.origin, login: svc.login, secret: svc.scopedToken, other: site.origin });
    assert.equal(noPermission.ok, false, JSON.stringify(noPermission).slice(0, 2000));
    assert.equal(noPermission.error.code, 'gateway_not_allowed', noPermission.error.message);
    assert.equal(otherGateway.ok, false);
    assert.equal(otherGateway.error.code, 'bad_message');
    assert.match(otherGateway.error.message, /gateway must be null or https:\/\/api\.atlassian\.com/);
    assert.ok(!JSON.stringify([noPermission, otherGateway]).includes(svc.scopedToken), 'no reply echoes the token');
    await popup.close();
    assert.deepEqual(gateway.log, [], 'nothing reached the gateway');
    assert.deepEqual(site.log.filter(ex), [], 'no forged gateway at the site either');
  });

  const network = run.seen.filter((r) => !LOCAL.test(r.url));
  t.diagnostic(`CDP: ${network.length} requests`);
  assert.deepEqual(network.filter((r) => new URL(r.url).origin !== run.site.origin), [], 'only the Jira site (CDP)');
  const { ours } = run.netlog;
  assert.ok(ours.length > 0, 'the NetLog saw the extension');
  assert.deepEqual(ours.filter((r) => new URL(r.url).origin !== run.site.origin), [], 'only the Jira site (NetLog)');
});

test('scope_mismatch: a scoped token without read:jira-user, through the gateway', async () => {
  await withGatewaySetup([ATLASSIAN_PATTERN, GATEWAY_PATTERN], async ({ browser, site, seen }) => {
    const popup = await openPopup(browser, site.url, seen);
    assert.equal(await popup.settled(), 'ready');
    await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
    const jdoe = site.credentials.users.jdoe;
    await popup.eval(({ login, secret }) => {
      const q = (id) => document.querySelector(`[data-testid="${id}"]`);
      q('test-login').value = login;
      q('test-secret').value = secret;
      q('test-run').click();
    }, { login: jdoe.login, secret: jdoe.narrowScopedToken });
    await testDone(popup);
    assert.notEqual(await popup.text('gateway-try'), null, 'the gateway is offered');
    await popup.click('gateway-try');
    await popup.waitFor(() => document.querySelector('[data-testid=verdict-code]').textContent === 'scope_mismatch', null, 15_000);
    await testDone(popup);
    assert.equal(await popup.attr('verdict', 'data-ok'), 'false');
    assert.match(await popup.text('verdict-cause'), /scope does not match/);
  });
});
