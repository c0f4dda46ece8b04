// Token test in the popup: the form sends `check` to the service worker, which runs the core's
// `Check` command against the simulator; the popup shows the checklist and the verdict.
// One browser for the whole file. Every case also checks that the secret is neither in the
// popup's text nor in chrome.storage, and what the simulator saw (Authorization only on REST,
// never together with a cookie, never sent to the IdP).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { launchExtension, openTestStep } from './harness.mjs';

let ext;
before(async () => {
  ext = await launchExtension();
});
after(async () => {
  await ext?.close();
});

/** Fills the token-test form, clicks Test and waits for the verdict. */
async function runCheck(popup, { login, secret, auth = 'auto', project = '' }) {
  await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
  const before = await popup.eval(([l, s, a, p]) => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    const prefilled = q('test-login').value;
    if (l !== undefined) q('test-login').value = l;
    q('test-secret').value = s;
    q('test-auth').value = a;
    q('test-auth').dispatchEvent(new Event('change'));
    q('test-project').value = p;
    q('test-run').click();
    return {
      prefilled,
      secretType: q('test-secret').type,
      busy: q('test-run').getAttribute('aria-busy'),
      disabled: q('test-run').disabled,
    };
  }, [login, secret, auth, project]);
  assert.equal(before.secretType, 'password');
  assert.equal(before.busy, 'true', 'the Test button shows progress');
  assert.equal(before.disabled, true);
  await popup.waitFor(() => {
    const node = document.querySelector('[data-testid=check]');
    return node && !node.hidden && document.querySelector('[data-testid=test-run]').getAttribute('aria-busy') === 'false';
  }, null, 15_000);
  await openTestStep(popup);
  return before;
}

/** The secret is not in the popup's visible text nor in extension storage. */
async function assertSecretNowhere(popup, secret) {
  const text = await popup.eval(() => document.body.innerText);
  assert.ok(!text.includes(secret), 'secret not in the popup text');
  const stored = await ext.worker.evaluate(async () => JSON.stringify({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
  }));
  assert.ok(!stored.includes(secret), `secret not in chrome.storage: ${stored}`);
}

const authorized = (sim) => sim.log.filter((e) => e.hasAuthorization);

test('ok: a valid PAT on Data Center', async (t) => {
  const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
  try {
    const secret = sim.credentials.users.jdoe.pat;
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    const started = Date.now();
    const { prefilled } = await runCheck(popup, { secret });
    t.diagnostic(`check ${Date.now() - started} ms`);
    assert.equal(prefilled, '', 'no logged-in user, empty login');
    assert.match(await popup.text('test-login-label'), /Username \(optional/);
    assert.equal(await popup.text('verdict-code'), 'ok');
    assert.equal(await popup.attr('check-reachable', 'data-ok'), 'true');
    assert.match(await popup.text('check-user'), /Jane Doe \(jdoe\)/);
    assert.match(await popup.text('check-method'), /Bearer/);
    assert.equal(await popup.attr('check-permissions', 'data-ok'), 'true');
    assert.match(await popup.text('check-permissions'), /BROWSE_PROJECTS/);
    const title = await popup.text('verdict-title');
    assert.ok(title);
    // EN/RU re-renders the same result.
    await popup.click('lang-ru');
    await popup.waitFor(() => document.documentElement.lang === 'ru');
    assert.match(await popup.text('check-user'), /Вход выполнен как Jane Doe \(jdoe\)/);
    assert.notEqual(await popup.text('verdict-title'), title);
    assert.equal(await popup.text('verdict-code'), 'ok');
    await popup.click('lang-en');
    await popup.waitFor(() => document.documentElement.lang === 'en');
    // Reveal toggle.
    await popup.click('test-reveal');
    assert.equal(await popup.attr('test-reveal', 'aria-pressed'), 'true');
    assert.equal(await popup.attr('test-secret', 'type'), 'text');
    await popup.click('test-reveal');
    assert.equal(await popup.attr('test-secret', 'type'), 'password');
    await assertSecretNowhere(popup, secret);
    for (const e of authorized(sim)) assert.equal(e.authScheme.toLowerCase(), 'bearer', JSON.stringify(e));
    await popup.screenshot('popup-check-ok.png');
    await popup.close();
  } finally {
    await sim.close();
  }
});

test('credentials_rejected: a wrong password', async () => {
  const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
  try {
    const secret = 'not-the-password-7431';
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    await runCheck(popup, { login: 'jdoe', secret, auth: 'basic' });
    assert.equal(await popup.text('verdict-code'), 'credentials_rejected');
    assert.equal(await popup.attr('check-user', 'data-ok'), 'false');
    assert.equal(await popup.text('login-url'), null);
    await assertSecretNowhere(popup, secret);
    await popup.close();
  } finally {
    await sim.close();
  }
});

test('captcha_required: a locked account', async () => {
  const sim = await startSimulator({ scenario: 'captcha' });
  try {
    const secret = sim.credentials.users.jdoe.password;
    const popup = await ext.openPopup(sim.url);
    assert.equal(await popup.settled(), 'ready');
    await runCheck(popup, { login: 'jdoe', secret, auth: 'basic' });
    assert.equal(await popup.text('verdict-code'), 'captcha_required');
    const href = await popup.attr('login-url', 'href');
    const hidden = await popup.eval(() => document.querySelector('[data-testid=login-url]').hidden);
    if (href) {
      assert.equal(hidden, false);
      assert.ok(href.startsWith(sim.origin), href);
    } else {
      assert.equal(hidden, true, 'no loginUrl, no link');
    }
    await assertSecretNowhere(popup, secret);
    await popup.close();
  } finally {
    await sim.close();
  }
});

test('sso_login_page: REST behind SSO, credentials never reach the IdP', async () => {
  const sim = await startSimulator({ scenario: 'sso-redirect' });
  try {
    const secret = sim.credentials.users.admin.password;
    const popup = await ext.openPopup(`${sim.baseUrl}/test-login?user=admin`);
    assert.equal(await popup.settled(), 'ready');
    await runCheck(popup, { login: 'admin', secret, auth: 'basic' });
    assert.equal(await popup.text('verdict-code'), 'sso_login_page');
    const withAuth = authorized(sim);
    assert.ok(withAuth.length > 0, 'the test sent credentials');
    for (const e of withAuth) {
      assert.ok(new URL(e.path, sim.origin).pathname.startsWith('/rest/api/2/'), `Authorization only on REST: ${e.path}`);
    }
    assert.ok(!sim.log.some((e) => e.path.startsWith('/idp') && e.hasAuthorization), 'no Authorization to /idp');
    await assertSecretNowhere(popup, secret);
    await popup.close();
  } finally {
    await sim.close();
  }
});

test('a revoked PAT is not ok even while the browser holds a valid session cookie', async () => {
  const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
  try {
    const secret = sim.credentials.users.admin.revokedPat;
    const popup = await ext.openPopup(`${sim.baseUrl}/test-login?user=admin`);
    assert.equal(await popup.settled(), 'ready');
    assert.ok(sim.log.some((e) => e.hasCookie), 'the tab is logged in (JSESSIONID)');
    const { prefilled } = await runCheck(popup, { secret, auth: 'pat' });
    assert.equal(prefilled, 'admin', 'login prefilled from the logged-in user');
    const code = await popup.text('verdict-code');
    assert.notEqual(code, 'ok');
    assert.equal(code, 'token_not_recognized');
    const withAuth = authorized(sim);
    assert.ok(withAuth.length > 0);
    for (const e of withAuth) assert.equal(e.hasCookie, false, `no cookie with credentials: ${JSON.stringify(e)}`);
    await assertSecretNowhere(popup, secret);
    await popup.close();
  } finally {
    await sim.close();
  }
});
