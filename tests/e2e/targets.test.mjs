// Integration targets in the popup: the target selector goes to the core as `input.target`, the
// verdict and warnings come back like any other, the connection block (the core's snippet) is
// shown with the secret masked, and its copy buttons put on the clipboard exactly what the
// user chose — the masked text, or with the reveal toggle pressed the real secret. The project
// picker re-tests in the chosen project.
//
// Reading the clipboard in headless Chromium 156: the popup's `navigator.clipboard.writeText`
// works from a click without any manifest permission (the popup is focused), and
// `navigator.clipboard.readText()` works in the popup once CDP `Browser.grantPermissions`
// grants `clipboardReadWrite` to the extension's origin.
//
// `JTW_DOCS_SCREENSHOTS=1` also writes docs/screenshots/popup-snippet.png for the README
// (off by default: the simulator's port differs per run, so the picture would too).

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { startSite } from './sites.mjs';
import { launchExtension, openTestStep } from './harness.mjs';
import { checkPicture } from './pictures.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MASK = '••••••••';

describe('targets in the popup', () => {
  let ext;
  before(async () => {
    ext = await launchExtension();
    // Let the popup read what its copy buttons wrote (see the header).
    await ext.cdp.send('Browser.grantPermissions', {
      permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'],
      origin: `chrome-extension://${ext.extId}`,
    });
  });
  after(async () => {
    await ext?.close();
  });

  /** Picks the target, fills the form, clicks Test and waits for the verdict. */
  async function runCheck(popup, { target, login, secret, auth = 'auto', project = '' }) {
    await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
    await popup.eval(([tg, l, s, a, p]) => {
      const q = (id) => document.querySelector(`[data-testid="${id}"]`);
      q('test-target').value = tg;
      q('test-target').dispatchEvent(new Event('change'));
      if (l !== null) q('test-login').value = l; // undefined arrives as null (JSON)
      q('test-secret').value = s;
      if (!q('test-auth').disabled) q('test-auth').value = a;
      q('test-project').value = p;
      q('test-run').click();
    }, [target, login, secret, auth, project]);
    await testDone(popup);
  }

  /** Waits until the running test (if any) has shown its verdict. */
  async function testDone(popup) {
    await popup.waitFor(() => {
      const node = document.querySelector('[data-testid=check]');
      return node && !node.hidden && document.querySelector('[data-testid=test-run]').getAttribute('aria-busy') === 'false';
    }, null, 15_000);
    await openTestStep(popup);
  }

  /** Clicks a copy button and returns what the clipboard then holds. */
  async function copy(popup, testid) {
    await popup.eval(() => navigator.clipboard.writeText('(clipboard before the copy)'));
    await popup.eval(() => { document.querySelector('[data-testid=snippet-copied]').textContent = ''; });
    await popup.click(testid);
    await popup.waitFor(() => document.querySelector('[data-testid=snippet-copied]').textContent !== '');
    const status = await popup.text('snippet-copied');
    assert.doesNotMatch(status, /Could not copy/, status);
    return popup.eval(() => navigator.clipboard.readText());
  }

  /** The snippet's values as shown: `{key: text}`. */
  const shownFields = (popup) => popup.eval(() => Object.fromEntries(
    [...document.querySelectorAll('[data-testid^="snippet-value-"]')]
      .map((n) => [n.dataset.testid.slice('snippet-value-'.length), n.textContent]),
  ));

  const authorized = (sim) => sim.log.filter((e) => e.hasAuthorization);

  /** A PNG of one `[data-testid=id]` element of the popup, with a small margin. */
  async function sectionScreenshot(popup, testid) {
    const rect = await popup.eval((id) => {
      const r = document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
      return { x: Math.max(0, r.x - 6), y: Math.max(0, r.y + window.scrollY - 6), width: r.width + 12, height: r.height + 12 };
    }, testid);
    const { data } = await popup.send('Page.captureScreenshot', {
      format: 'png', captureBeyondViewport: true, clip: { ...rect, scale: 1 },
    });
    const png = Buffer.from(data, 'base64');
    // The element's box once the picture is taken, 6 px around it (pictures.mjs).
    const box = await popup.eval((id) => {
      const r = document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect();
      return { width: r.width + 12, height: r.height + 12, forms: document.querySelectorAll('#test-form').length };
    }, testid);
    checkPicture('popup-snippet.png', png, box, `${testid} (+6 px around)`);
    return png;
  }

  test('ELMA365 on Data Center with a password: masked block, copies masked or revealed as chosen; the project picker re-tests in PROJ', async () => {
    const sim = await startSite({ scenario: 'dc-9.12-cluster' });
    try {
      const { admin } = sim.credentials.users;
      const secret = admin.password;
      const popup = await ext.openPopup(sim.url);
      assert.equal(await popup.settled(), 'ready');
      await popup.click('step-next-test'); // step 3, "Test it", opens
      // ELMA365 decides the method: the selector is locked, with a note.
      await popup.eval(() => {
        const sel = document.querySelector('[data-testid=test-target]');
        sel.value = 'elma365';
        sel.dispatchEvent(new Event('change'));
      });
      assert.equal(await popup.eval(() => document.querySelector('[data-testid=test-auth]').disabled), true);
      assert.match(await popup.text('test-auth-note'), /ELMA365 decides the method: Username \+ password/);
      await runCheck(popup, { target: 'elma365', login: 'admin', secret });
      assert.equal(await popup.text('verdict-code'), 'ok');
      assert.ok(authorized(sim).every((e) => e.authScheme.toLowerCase() === 'basic'));

      assert.equal(await popup.text('snippet-title'), 'ELMA365 — Jira connection');
      const fields = await shownFields(popup);
      assert.deepEqual(Object.keys(fields), ['authType', 'server', 'login', 'password']);
      assert.equal(fields.authType, 'Basic Auth');
      assert.equal(fields.login, 'admin');
      assert.equal(fields.password, MASK);
      assert.match(await popup.text('snippet-notes'), /personal access token does not work as a password/);
      const pageText = await popup.eval(() => document.body.innerText);
      assert.ok(!pageText.includes(secret), 'masked: the secret is not on the page');

      // Masked on screen, the real secret in what is copied (as password managers do).
      const masked = await copy(popup, 'snippet-copy-all');
      // The simulator is plain http://: the block repeats insecure_http after it (SECURITY.md §7.7).
      assert.ok(masked.startsWith('ELMA365 — Jira connection\n'), masked.replace(secret, '<secret>'));
      assert.ok(masked.includes(`Password: ${secret}\n⚠ The credential travels unencrypted`), masked.replace(secret, '<secret>'));
      assert.equal(await copy(popup, 'snippet-copy-password'), secret);
      assert.equal(await popup.text('snippet-copied'), 'Password copied — cleared in 60 s');
      assert.ok(!(await popup.eval(() => document.body.innerText)).includes(secret), 'copied, not shown');
      assert.equal(await copy(popup, 'snippet-copy-login'), 'admin');
      const maskedJson = JSON.parse(await copy(popup, 'snippet-copy-json'));
      assert.equal(maskedJson.target, 'elma365');
      assert.equal(maskedJson.fields.password, secret);

      // Revealed: the secret held in memory replaces the mask, in the view and in the copies.
      await popup.click('snippet-reveal');
      assert.equal(await popup.attr('snippet-reveal', 'aria-pressed'), 'true');
      assert.equal((await shownFields(popup)).password, secret);
      const revealed = await copy(popup, 'snippet-copy-all');
      assert.ok(revealed.includes(`Password: ${secret}\n`), revealed);
      assert.ok(!revealed.includes(MASK));
      assert.match(await popup.text('snippet-copied'), /with the secret/);
      assert.equal(await copy(popup, 'snippet-copy-password'), secret);
      assert.equal(JSON.parse(await copy(popup, 'snippet-copy-json')).fields.password, secret);
      // In Russian the block is copied in Russian.
      await popup.click('lang-ru');
      await popup.waitFor(() => document.documentElement.lang === 'ru');
      const ru = await copy(popup, 'snippet-copy-all');
      assert.ok(ru.includes(`Пароль: ${secret}`), ru);
      await popup.click('lang-en');
      await popup.waitFor(() => document.documentElement.lang === 'en');
      // Hidden again: masked again on screen.
      await popup.click('snippet-reveal');
      assert.equal((await shownFields(popup)).password, MASK);

      // The project picker: any project + PROJ; choosing PROJ tests again in PROJ.
      const options = await popup.eval(() => [...document.querySelectorAll('[data-testid=project-pick] option')].map((o) => o.value));
      assert.deepEqual(options.slice(0, 1), ['']);
      assert.ok(options.includes('PROJ'), JSON.stringify(options));
      assert.match(await popup.text('project-pick'), /any project/);
      await popup.eval(() => {
        const sel = document.querySelector('[data-testid=project-pick]');
        sel.value = 'PROJ';
        sel.dispatchEvent(new Event('change'));
      });
      await popup.waitFor(() => document.querySelector('[data-testid=test-run]').getAttribute('aria-busy') === 'true'
        || /project PROJ/.test(document.querySelector('[data-testid=check-permissions]')?.textContent ?? ''));
      await testDone(popup);
      await popup.waitFor(() => /project PROJ/.test(document.querySelector('[data-testid=check-permissions]')?.textContent ?? ''));
      assert.equal(await popup.eval(() => document.querySelector('[data-testid=test-project]').value), 'PROJ');
      assert.equal(await popup.eval(() => document.querySelector('[data-testid=project-pick]').value), 'PROJ');
      assert.ok(sim.log.some((e) => e.hasAuthorization && e.path.endsWith('/mypermissions') && e.query.projectKey === 'PROJ'), 'mypermissions asked in PROJ');
      assert.equal((await shownFields(popup)).password, MASK, 'a new test shows the block masked');

      await popup.screenshot('popup-targets-elma365.png');
      // The README's picture: the token-test box alone (the whole popup is ~2000 px tall).
      const png = await sectionScreenshot(popup, 'token-test');
      mkdirSync(join(ROOT, 'tests', 'e2e', 'artifacts'), { recursive: true });
      writeFileSync(join(ROOT, 'tests', 'e2e', 'artifacts', 'popup-snippet.png'), png);
      if (process.env.JTW_DOCS_SCREENSHOTS === '1') {
        mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
        writeFileSync(join(ROOT, 'docs', 'screenshots', 'popup-snippet.png'), png);
      }
      await popup.close();
    } finally {
      await sim.close();
    }
  });

  test('AvePoint backup on Cloud: the six AvePoint fields, the API token masked until revealed', async () => {
    const sim = await startSite({ scenario: 'cloud' });
    try {
      const { admin } = sim.credentials.users;
      const secret = admin.apiToken;
      const popup = await ext.openPopup(sim.url);
      assert.equal(await popup.settled(), 'ready');
      await runCheck(popup, { target: 'avepoint-backup', login: admin.login, secret });
      const code = await popup.text('verdict-code');
      assert.ok(['ok', 'missing_permissions'].includes(code), code);
      assert.match(await popup.text('check-method'), /Basic — API token/);
      const fields = await shownFields(popup);
      assert.deepEqual(Object.keys(fields), ['profileName', 'description', 'application', 'hostUrl', 'userEmail', 'apiToken']);
      assert.equal(fields.userEmail, admin.login);
      assert.equal(fields.hostUrl, sim.baseUrl);
      assert.equal(fields.apiToken, MASK);
      assert.ok(!(await popup.eval(() => document.body.innerText)).includes(secret));
      assert.equal(await copy(popup, 'snippet-copy-apiToken'), secret);
      assert.match(await popup.text('snippet-copied'), /^API token copied — cleared in 60 s$/);
      assert.ok((await copy(popup, 'snippet-copy-all')).includes(`API token: ${secret}`));
      await popup.click('snippet-reveal');
      assert.equal(await copy(popup, 'snippet-copy-apiToken'), secret);
      const all = await copy(popup, 'snippet-copy-all');
      assert.ok(all.includes(`API token: ${secret}`) && all.includes(`Host URL: ${sim.baseUrl}`), all);
      const stored = await ext.worker.evaluate(async () => JSON.stringify({
        local: await chrome.storage.local.get(null),
        session: await chrome.storage.session.get(null),
      }));
      assert.ok(!stored.includes(secret), 'the secret is not stored');
      await popup.close();
    } finally {
      await sim.close();
    }
  });

  test('AvePoint on a Data Center tab: target_not_supported, and no credential leaves the browser', async () => {
    const sim = await startSite({ scenario: 'dc-9.12-cluster' });
    try {
      const { admin } = sim.credentials.users;
      const popup = await ext.openPopup(sim.url);
      assert.equal(await popup.settled(), 'ready');
      await runCheck(popup, { target: 'avepoint-restore', login: 'admin', secret: admin.password });
      assert.equal(await popup.text('verdict-code'), 'target_not_supported');
      assert.match(await popup.text('verdict-title'), /^AvePoint .* does not work with this Jira/);
      assert.equal(await popup.attr('verdict', 'data-ok'), 'false');
      assert.equal(await popup.text('snippet'), null, 'no connection block');
      assert.equal(authorized(sim).length, 0, 'no request carried Authorization');
      await popup.click('lang-ru');
      await popup.waitFor(() => document.documentElement.lang === 'ru');
      assert.equal(await popup.text('verdict-code'), 'target_not_supported');
      await popup.close();
    } finally {
      await sim.close();
    }
  });

  test('Issue Sync with the logged-in user as technical user: technical_user_is_you and a 64-hex Local Authentication Key', async () => {
    const sim = await startSite({ scenario: 'dc-9.12-cluster' });
    try {
      const { admin } = sim.credentials.users;
      const popup = await ext.openPopup(`${sim.baseUrl}/test-login?user=admin`);
      assert.equal(await popup.settled(), 'ready');
      await runCheck(popup, { target: 'issue-sync', secret: admin.pat });
      assert.equal(await popup.text('verdict-code'), 'ok');
      assert.equal(await popup.eval(() => document.querySelector('[data-testid=test-login]').value), 'admin');
      const warning = await popup.text('check-warning-technical_user_is_you');
      assert.ok(warning, 'technical_user_is_you is shown');
      const fields = await shownFields(popup);
      assert.equal(fields.technicalUser, 'admin');
      assert.match(fields.localKey, /^[0-9a-f]{64}$/);
      assert.equal(await popup.text('snippet-reveal'), null, 'no secret field, no reveal toggle');
      assert.equal(await copy(popup, 'snippet-copy-localKey'), fields.localKey);
      assert.ok(!(await copy(popup, 'snippet-copy-all')).includes(admin.pat));
      assert.ok(!(await popup.eval(() => document.body.innerText)).includes(admin.pat));
      // Each test draws new key material.
      await popup.click('test-run');
      await popup.waitFor(() => document.querySelector('[data-testid=test-run]').getAttribute('aria-busy') === 'true', null, 2_000).catch(() => {});
      await testDone(popup);
      const again = (await shownFields(popup)).localKey;
      assert.match(again, /^[0-9a-f]{64}$/);
      assert.notEqual(again, fields.localKey);
      await popup.close();
    } finally {
      await sim.close();
    }
  });
});
