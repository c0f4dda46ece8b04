// Issue 13 in the popup: refusals that are not about the credential (an IP allowlist, a proxy
// answering in Jira's place), the hints beside a verdict (an e-mail as a Server/DC login, a
// Cloud site on another host, a Data Center token about to expire) and Issue Sync's block for
// both Jiras. One browser for the file; each case runs the real extension against its
// simulator scenario and reads what the popup shows.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSite } from './sites.mjs';
import { launchExtension, openTestStep } from './harness.mjs';

let ext;
before(async () => {
  ext = await launchExtension();
});
after(async () => {
  await ext?.close();
});

/** The simulator's clock (tests/simulator/model.mjs SIM_NOW): the popup's "now" in these tests. */
const SIM_NOW = '2025-06-02T10:15:30.000Z';

/** Fills the form, optionally fixes the popup's clock and target, clicks Test, waits. */
async function runCheck(popup, { login = '', secret, auth = 'auto', target = 'generic', now = null }) {
  await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
  await popup.eval(([l, s, a, tg, n]) => {
    // The popup passes its clock to the core (`now`); the test pins it to the simulator's.
    if (n) Date.prototype.toISOString = function toISOString() { return n; };
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    q('test-target').value = tg;
    q('test-target').dispatchEvent(new Event('change'));
    q('test-login').value = l;
    q('test-secret').value = s;
    q('test-auth').value = a;
    q('test-auth').dispatchEvent(new Event('change'));
    q('test-run').click();
  }, [login, secret, auth, target, now]);
  await popup.waitFor(() => {
    const node = document.querySelector('[data-testid=check]');
    return node && !node.hidden && document.querySelector('[data-testid=test-run]').getAttribute('aria-busy') === 'false';
  }, null, 15_000);
  await openTestStep(popup);
}

/** Opens the popup on a scenario's page and runs `body(popup, sim)`. */
async function onScenario(scenario, body) {
  const sim = await startSite({ scenario });
  try {
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    await body(popup, sim);
    await popup.close();
  } finally {
    await sim.close();
  }
}

const warningCodes = (popup) => popup.eval(() =>
  [...document.querySelectorAll('[data-testid^="check-warning-"]')].map((n) => n.dataset.code));

test('ip_not_allowed: the allowlist refusal names the integration\'s own egress addresses', async () => {
  await onScenario('ip-allowlist', async (popup, sim) => {
    const { jdoe } = sim.credentials.users;
    await runCheck(popup, { login: jdoe.login, secret: jdoe.apiToken });
    assert.equal(await popup.text('verdict-code'), 'ip_not_allowed');
    assert.equal(await popup.attr('verdict', 'data-ok'), 'false');
    assert.match(await popup.text('verdict-fix'), /egress addresses/);
    assert.match(await popup.text('verdict-fix'), /does not prove the integration's server may connect/);
  });
});

test('blocked_by_proxy: a Squid page where Jira was asked', async () => {
  await onScenario('proxy-block', async (popup, sim) => {
    await runCheck(popup, { secret: sim.credentials.users.jdoe.pat });
    assert.equal(await popup.text('verdict-code'), 'blocked_by_proxy');
    assert.match(await popup.text('verdict-cause'), /X-Squid-Error: ERR_ACCESS_DENIED/);
    await popup.screenshot('popup-blocked-by-proxy.png');
  });
});

test('login_looks_like_email: an e-mail as the Data Center login', async () => {
  await onScenario('dc-9.12-cluster', async (popup, sim) => {
    await runCheck(popup, { login: 'jane.doe@example.com', secret: sim.credentials.users.jdoe.password, auth: 'basic' });
    assert.equal(await popup.text('verdict-code'), 'credentials_rejected');
    assert.ok((await warningCodes(popup)).includes('login_looks_like_email'), String(await warningCodes(popup)));
    assert.match(await popup.text('check-warning-login_looks_like_email'), /jane\.doe@example\.com/);
  });
});

test('login_not_an_email: a username on Cloud; the site\'s 401 offers the gateway', async () => {
  await onScenario('cloud', async (popup, sim) => {
    await runCheck(popup, { login: 'jdoe', secret: sim.credentials.users.jdoe.apiToken });
    assert.equal(await popup.text('verdict-code'), 'credentials_rejected');
    assert.ok((await warningCodes(popup)).includes('login_not_an_email'));
    // Cloud API tokens expire (facts §3.1): every Cloud refusal says so.
    assert.match(await popup.text('verdict-fix'), /2026-03-14/);
    // A scoped token gets the same 401 as a wrong one: the gateway is offered.
    assert.equal(await popup.text('gateway-try'), 'Test through api.atlassian.com');
  });
});

test('custom_domain: a Cloud site on another host names its atlassian.net address', async () => {
  await onScenario('custom-domain', async (popup) => {
    assert.match(await popup.text('warning-custom_domain'), /https:\/\/acme\.atlassian\.net/);
  });
});

test('token_expires_soon: a Data Center token with 7 days left, in the checklist, warnings and block', async () => {
  await onScenario('dc-pat-expiring', async (popup, sim) => {
    await runCheck(popup, { secret: sim.credentials.users['svc-sync'].pat, now: SIM_NOW });
    assert.equal(await popup.text('verdict-code'), 'ok');
    assert.match(await popup.text('check-token_expiry'), /"sync" expires on 2025-06-09 \(in 7 days\)/);
    assert.match(await popup.text('check-warning-token_expires_soon'), /expires in 7 days/);
    assert.ok((await popup.eval(() => document.querySelector('#snippet-notes').textContent)).includes('2025-06-09'));
  });
});

test('Issue Sync: the other Jira\'s form carries this base URL and this side\'s Local key', async () => {
  await onScenario('dc-10.3', async (popup, sim) => {
    await runCheck(popup, { secret: sim.credentials.users['svc-sync'].pat, target: 'issue-sync' });
    assert.equal(await popup.text('verdict-code'), 'ok');
    assert.equal(await popup.text('snippet-group'), "On the other Jira's Issue Sync connection");
    assert.equal(await popup.text('snippet-value-peerRemoteUrl'), sim.baseUrl);
    assert.equal(await popup.text('snippet-value-peerRemoteKey'), await popup.text('snippet-value-localKey'));
  });
});
