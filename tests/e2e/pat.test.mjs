// One-click personal access token in the real extension against the simulator's Data Center
// (facts §3.3 PAT REST, §4.8 XSRF origin check): the popup offers "Create a token for me" on a
// DC ≥ 8.14 tab, asks for an explicit confirmation, sends ONE POST with the browser's Jira
// session (cookie, no Authorization), shows the token once with a copy button, then tests it
// with the usual check (Bearer, no cookie). Also: the token limit (403), no session (401),
// cancelling sends nothing, and the token is never stored.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSite } from './sites.mjs';
import { launchExtension, openTestStep } from './harness.mjs';

let ext;
before(async () => {
  ext = await launchExtension();
  await ext.cdp.send('Browser.grantPermissions', {
    permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'],
    origin: `chrome-extension://${ext.extId}`,
  });
});
after(async () => {
  await ext?.close();
});

const posts = (sim) => sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/rest/pat/latest/tokens'));

/** Opens the popup on a tab logged in to the simulator as `user` (or anonymous). */
async function popupFor(sim, user) {
  const popup = await ext.openPopup(user ? `${sim.baseUrl}/test-login?user=${user}` : sim.url);
  assert.equal(await popup.settled(), 'ready');
  await popup.waitFor(() => !document.querySelector('[data-testid=pat-create]').hidden);
  return popup;
}

/** Fills the form, presses "Create token…" and checks the confirmation; returns its text. */
async function askToCreate(popup, name, days = null) {
  await popup.eval(([n, d]) => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    q('pat-name').value = n;
    if (d !== null) q('pat-days').value = String(d);
    q('pat-start').click();
  }, [name, days]);
  await popup.waitFor(() => !document.querySelector('[data-testid=pat-confirm]').hidden);
  assert.equal(await popup.eval(() => document.activeElement?.dataset.testid), 'pat-yes', 'focus on the confirmation');
  return popup.text('pat-confirm-text');
}

async function storedText() {
  return ext.worker.evaluate(async () => JSON.stringify({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
  }));
}

test('create, show once, copy and test a token with the browser session', async () => {
  const sim = await startSite({ scenario: 'dc-9.12-cluster' });
  try {
    const popup = await popupFor(sim, 'jdoe');
    assert.match(await popup.attr('pat-name', 'value') ?? await popup.eval(() => document.querySelector('[data-testid=pat-name]').value), /^integration-\d{4}-\d\d-\d\d$/);
    assert.equal(await popup.eval(() => document.querySelector('[data-testid=pat-days]').value), '90');

    // Cancelling sends nothing.
    await askToCreate(popup, 'e2e-cancelled');
    await popup.click('pat-no');
    assert.equal(await popup.text('pat-confirm'), null);
    assert.equal(posts(sim).length, 0);

    // Confirmed: one POST with the session, then the check of the new token.
    const confirm = await askToCreate(popup, 'e2e-sync', 30);
    assert.match(confirm, /“e2e-sync”, valid for 30 days, for .* at http:\/\/127\.0\.0\.1:\d+\? Jira shows it only once\./);
    assert.equal(posts(sim).length, 0, 'nothing is sent before the confirmation');
    await popup.click('pat-yes');
    await popup.waitFor(() => !document.querySelector('[data-testid=pat-token-box]').hidden, null, 10_000);
    assert.equal(await popup.text('pat-outcome-code'), 'pat_created');
    assert.match(await popup.text('pat-outcome-cause'), /“e2e-sync”|"e2e-sync"/);
    const token = await popup.eval(() => document.querySelector('[data-testid=pat-token]').value);
    assert.match(token, /^[A-Za-z0-9+/=]{20,}$/);

    const [post] = posts(sim);
    assert.equal(posts(sim).length, 1);
    assert.equal(post.status, 201);
    assert.equal(post.hasCookie, true, 'the session cookie went with the creation');
    assert.ok(post.cookieNames.includes('JSESSIONID'));
    assert.equal(post.hasAuthorization, false, 'no credential beside the session');
    // Sent from the Jira tab (extension/tab-fetch.js): Jira's own origin and a same-origin
    // Referer, which its XSRF check accepts in every browser (facts §4.8).
    assert.equal(post.origin, sim.origin, 'the Jira page\'s origin, not chrome-extension://');
    assert.equal(post.refererOrigin, sim.origin);

    // The token test ran by itself with the new token: Bearer, no cookie, ok as jdoe.
    await popup.waitFor(() => {
      const check = document.querySelector('[data-testid=check]');
      return check && !check.hidden && document.querySelector('[data-testid=test-run]').getAttribute('aria-busy') === 'false';
    }, null, 15_000);
    await openTestStep(popup);
    assert.equal(await popup.text('verdict-code'), 'ok');
    assert.match(await popup.text('check-user'), /Jane Doe \(jdoe\)/);
    assert.match(await popup.text('check-method'), /Bearer/);
    const checks = sim.log.filter((e) => e.hasAuthorization);
    assert.ok(checks.length > 0);
    for (const e of checks) {
      assert.equal(e.authScheme.toLowerCase(), 'bearer');
      assert.equal(e.hasCookie, false, `no cookie with the token: ${e.path}`);
    }

    // Copy puts exactly the token on the clipboard.
    await popup.eval(() => navigator.clipboard.writeText('(before)'));
    await popup.click('pat-copy');
    await popup.waitFor(() => /copied/i.test(document.querySelector('[data-testid=pat-copied]').textContent));
    assert.equal(await popup.eval(() => navigator.clipboard.readText()), token);

    // Never stored, never in the page's text, and it really is jdoe's token.
    assert.ok(!(await storedText()).includes(token), 'token in chrome.storage');
    assert.ok(!(await popup.eval(() => document.body.innerText)).includes(token), 'token in the popup text');
    const me = await fetch(`${sim.baseUrl}/rest/api/2/myself`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(me.status, 200);
    assert.equal((await me.json()).name, 'jdoe');
    // Russian texts for the same outcome.
    await popup.click('lang-ru');
    await popup.waitFor(() => document.documentElement.lang === 'ru');
    assert.match(await popup.text('pat-outcome-title'), /Токен создан/);
    await popup.click('lang-en');
    await popup.screenshot('wizard-pat-created.png');
    await popup.close();
  } finally {
    await sim.close();
  }
});

test('the token limit: 403, the page to revoke one, no token, no test', async () => {
  const sim = await startSite({ scenario: 'dc-9.12-cluster' });
  try {
    // Fill jdoe up to the limit (10, facts §3.3) with a session of his own.
    const login = await fetch(`${sim.baseUrl}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'jdoe', password: sim.credentials.users.jdoe.password }),
    });
    assert.equal(login.status, 200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    let status;
    for (let i = 0; i < 20 && status !== 403; i += 1) {
      const r = await fetch(`${sim.baseUrl}/rest/pat/latest/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify({ name: `filler-${i}`, expirationDuration: 1 }),
      });
      status = r.status;
    }
    assert.equal(status, 403, 'the simulator has a token limit');

    const popup = await popupFor(sim, 'jdoe');
    await askToCreate(popup, 'one-too-many');
    await popup.click('pat-yes');
    await popup.waitFor(() => !document.querySelector('[data-testid=pat-outcome]').hidden, null, 10_000);
    assert.equal(await popup.text('pat-outcome-code'), 'pat_limit_reached');
    assert.match(await popup.text('pat-outcome-cause'), /limit per user is reached\. You can have at most 10/);
    const page = await popup.attr('pat-page', 'href');
    assert.ok(page.endsWith('jira-user-personal-access-tokens'), page);
    assert.match(await popup.text('pat-outcome-fix'), /Revoke a token/);
    assert.equal(await popup.text('pat-token-box'), null, 'no token');
    assert.equal(await popup.text('check'), null, 'no test without a token');
    assert.equal(await popup.text('pat-again'), 'Try again');
    await popup.screenshot('wizard-pat-limit.png');
    await popup.close();
  } finally {
    await sim.close();
  }
});

test('no Jira session in the browser: pat_not_logged_in', async () => {
  const sim = await startSite({ scenario: 'dc-10.3' });
  try {
    const popup = await popupFor(sim, null);
    await askToCreate(popup, 'anonymous-try');
    await popup.click('pat-yes');
    await popup.waitFor(() => !document.querySelector('[data-testid=pat-outcome]').hidden, null, 10_000);
    assert.equal(await popup.text('pat-outcome-code'), 'pat_not_logged_in');
    const [post] = posts(sim);
    assert.equal(post.status, 401);
    assert.equal(post.hasAuthorization, false);
    await popup.close();
  } finally {
    await sim.close();
  }
});

test('not offered on Cloud or before 8.14', async () => {
  for (const scenario of ['cloud', 'server-8.5']) {
    const sim = await startSite({ scenario });
    try {
      const popup = await ext.openPopup(sim.url);
      assert.equal(await popup.settled(), 'ready');
      assert.equal(await popup.text('pat-create'), null, scenario);
      await popup.close();
    } finally {
      await sim.close();
    }
  }
});
