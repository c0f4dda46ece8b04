// Least privilege at install (issue 20 items 1, 2 and 7; SECURITY.md §5), in both browsers: what
// the clipboard's clear needs is optional — `clipboardRead`/`clipboardWrite`, and in Chrome the
// `alarms` and `offscreen` it takes too (Firefox holds `alarms` from the install: it cannot be
// optional there). With them not granted, the page says why beside the copy buttons before any
// prompt; the first copy of a secret asks for them all from its click, in one prompt; refused,
// the copy still works, nothing is scheduled, and the line says the clipboard is not cleared —
// and the next copy does not ask again. Allowed (Firefox answers its doorhanger; headless
// Chromium, which cannot, holds the clipboard two from the install and grants `alarms` and
// `offscreen` without a prompt: they have no warning), the clear is scheduled, and the alarm's
// listener — added by the worker when `alarms` is granted — runs it. Ctrl+C on a shown secret
// (the revealed block, the shown secret field, a created PAT's field) is cleared like a Copy
// button's; without clipboard access it asks nothing and says the clipboard will not be cleared.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { openTestStep, runCheck, testDone, withBrowser, withSims, withWizard } from './common.mjs';

const pending = (w) => w.eval(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  return (await api.storage.session.get('clipboardClear')).clipboardClear ?? null;
});

/** Spies on the page's permission requests without answering them (a key press must ask nothing). */
const spyRequests = (w) => w.eval(() => {
  window.jtwKeysAsked = [];
  const api = globalThis.browser ?? globalThis.chrome;
  const real = api.permissions.request.bind(api.permissions);
  api.permissions.request = (p) => {
    window.jtwKeysAsked.push(JSON.parse(JSON.stringify(p)));
    return real(p);
  };
});

/** Selects the text of `[data-testid=testid]` (a field's value, or an element's text) and copies
 *  it the way Ctrl+C does (the same `copy` event). */
const copyByKeys = (w, testid) => w.eval((id) => {
  const el = document.querySelector(`[data-testid="${id}"]`);
  if (el instanceof HTMLInputElement) {
    el.focus();
    el.select();
  } else {
    getSelection().selectAllChildren(el);
  }
  document.execCommand('copy');
}, testid);

/** SHA-256(salt‖text), as the pending clear keeps it. */
const salted = (salt, text) => createHash('sha256').update(Buffer.from(salt, 'hex')).update(Buffer.from(text, 'utf8')).digest('hex');

/** Tests the admin's password with ELMA365: the connection block is shown. */
async function block(w, sim) {
  assert.equal(await w.settled(), 'ready');
  const secret = sim.credentials.users.admin.password;
  await runCheck(w, { target: 'elma365', login: 'admin', secret });
  assert.equal(await w.text('verdict-code'), 'ok');
  return secret;
}

/** @param {'chromium'|'firefox'} name */
export function clipboardAccessFlows(name) {
  describe(`${name}: the clipboard permissions are asked at the first copy of a secret`, () => {
    const ctx = withBrowser(name, { hostPermission: true, clipboardPermission: false });

    test('refused: the copy works, the line says it is not cleared, not asked again', async () => {
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        const secret = await block(w, sim);
        // Why, on the page, before any prompt.
        assert.match(await w.text('snippet-clipboard-why'), /first copy of a secret asks your browser .* empty it 60 s later/);
        await w.click('lang-ru');
        assert.match(await w.text('snippet-clipboard-why'), /При первом копировании секрета/);
        await w.click('lang-en');
        // Ctrl+C on the revealed block asks nothing: the line says the clipboard stays as it is.
        await spyRequests(w);
        await w.click('snippet-reveal');
        await w.writeClipboard('(before)');
        await copyByKeys(w, 'snippet-value-password');
        await w.waitFor(() => /will not be cleared/.test(document.querySelector('[data-testid=snippet-copied]').textContent), null, 10_000);
        assert.match(await w.text('snippet-copied'), /clipboard access is not allowed \(a Copy button asks for it\)/);
        assert.deepEqual(await w.eval(() => window.jtwKeysAsked), [], 'a key press asks for nothing');
        assert.equal(await w.readClipboard(), secret, 'copied all the same');
        assert.equal(await pending(w), null, 'no clear scheduled');
        await w.click('lang-ru');
        assert.match(await w.text('snippet-copied'), /Буфер обмена не очистится сам: доступ к нему не разрешён/);
        await w.click('lang-en');
        await w.click('snippet-reveal');
        // The Copy button asks, from its click: everything the clear needs, in one prompt.
        const asked = await w.withPermissionPrompt('deny', () => w.click('snippet-copy-password'));
        const clear = name === 'chromium' ? ['alarms', 'clipboardRead', 'clipboardWrite', 'offscreen'] : ['clipboardRead', 'clipboardWrite'];
        assert.deepEqual(asked.map((a) => [...(a.permissions ?? [])].sort()), [clear]);
        await w.waitFor(() => /not cleared/.test(document.querySelector('[data-testid=snippet-copied]').textContent), null, 10_000);
        assert.equal(await w.text('snippet-copied'), 'Password copied — not cleared by itself (clipboard access not allowed)');
        assert.equal(await w.readClipboard(), secret, 'the copy itself needs no permission');
        assert.equal(await pending(w), null, 'no clear scheduled');
        assert.notEqual(await w.text('snippet-clipboard-why'), null, 'still not granted: the reason stays');
        // The next copy of the secret does not ask again.
        await w.eval(() => { window.jtwAsked = []; });
        await w.click('snippet-copy-password');
        await w.waitFor(() => /not cleared/.test(document.querySelector('[data-testid=snippet-copied]').textContent), null, 10_000);
        assert.deepEqual(await w.eval(() => window.jtwAsked), [], 'asked once');
      }));
    });

  });

  describe(`${name}: allowed at the first copy, the clear's alarm runs`, () => {
    // Chromium: the clipboard two held from the install, `alarms` and `offscreen` still to ask.
    const ctx = withBrowser(name, { hostPermission: true, clipboardPermission: name === 'chromium' ? 'clipboard' : false });

    test('allowed: scheduled, and the listener added on the grant empties the clipboard', async () => {
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        const secret = await block(w, sim);
        if (name === 'chromium') {
          assert.equal(await ctx.driver.ext.worker.evaluate(() => typeof chrome.alarms), 'undefined', 'no `alarms` at install');
        }
        const asked = await w.withPermissionPrompt(name === 'firefox' ? 'allow' : null, () => w.click('snippet-copy-password'));
        assert.deepEqual(asked.map((a) => [...(a.permissions ?? [])].sort()),
          [name === 'chromium' ? ['alarms', 'offscreen'] : ['clipboardRead', 'clipboardWrite']]);
        await w.waitFor(() => /cleared in 60 s/.test(document.querySelector('[data-testid=snippet-copied]').textContent), null, 10_000);
        assert.ok(await pending(w), 'a clear is pending');
        assert.equal(await w.text('snippet-clipboard-why'), null, 'granted: no reason to give');
        assert.equal(await w.readClipboard(), secret);
        // The worker's alarm, brought forward to now: the listener registered when `alarms` was
        // granted (Chrome; Firefox's at start) reads, compares and empties the clipboard.
        assert.ok(await w.eval(async () => (globalThis.browser ?? globalThis.chrome).alarms.get('clear-clipboard')), 'the alarm is set');
        await w.eval(() => (globalThis.browser ?? globalThis.chrome).alarms.create('clear-clipboard', { when: Date.now() + 500 }));
        let now = secret;
        for (const until = Date.now() + 15_000; Date.now() < until && now === secret;) {
          await new Promise((r) => setTimeout(r, 300));
          now = await w.readClipboard();
        }
        assert.equal(now, '', 'emptied by the alarm');
        assert.equal(await pending(w), null, 'compared once');
      }));
    });
  });

  describe(`${name}: Ctrl+C on a shown secret`, () => {
    const ctx = withBrowser(name, { hostPermission: true });

    test('the revealed block and the shown secret field: cleared like a Copy button', async () => {
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        const secret = await block(w, sim);
        await spyRequests(w);
        await w.click('snippet-reveal');
        await copyByKeys(w, 'snippet-value-password');
        await w.waitFor(() => /cleared if it still holds it/.test(document.querySelector('[data-testid=snippet-copied]').textContent), null, 10_000);
        assert.equal(await w.text('snippet-copied'), 'Copied, with the secret. In 60 s the clipboard is cleared if it still holds it.');
        assert.equal(await w.readClipboard(), secret);
        const fromBlock = await pending(w);
        assert.ok(fromBlock, 'a clear is pending');
        assert.equal(fromBlock.digest, salted(fromBlock.salt, secret), 'for what was copied');
        await w.click('snippet-reveal');

        // The secret field, shown: its selection copied with the keys.
        await openTestStep(w);
        await w.eval((v) => {
          const field = document.querySelector('[data-testid=test-secret]');
          field.value = v;
          field.dispatchEvent(new Event('input', { bubbles: true }));
        }, `${secret}-field`);
        await w.click('test-reveal');
        await w.waitFor(() => document.querySelector('[data-testid=test-secret]').type === 'text');
        await copyByKeys(w, 'test-secret');
        await w.waitFor(() => !document.querySelector('[data-testid=test-secret-copied]').hidden, null, 10_000);
        assert.equal(await w.text('test-secret-copied'), 'Copied, with the secret. In 60 s the clipboard is cleared if it still holds it.');
        assert.equal(await w.readClipboard(), `${secret}-field`);
        const fromField = await pending(w);
        assert.equal(fromField.digest, salted(fromField.salt, `${secret}-field`), 'the newer copy replaces the older');
        assert.deepEqual(await w.eval(() => window.jtwKeysAsked), [], 'nothing asked');
        await w.click('lang-ru');
        assert.match(await w.text('test-secret-copied'), /Через 60 с буфер обмена будет очищен/);
        await w.click('lang-en');
        // This browser is shared with the next test, which starts with no clear pending.
        await w.eval(() => (globalThis.browser ?? globalThis.chrome).storage.session.remove('clipboardClear'));
      }));
    });

    test('the copied token is cleared like the copy button\'s', async () => {
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, `${sim.baseUrl}/test-login?user=jdoe`, async (w) => {
        assert.equal(await w.settled(), 'ready');
        await w.waitFor(() => !document.querySelector('[data-testid=pat-create]').hidden);
        await w.eval(() => {
          document.querySelector('[data-testid=pat-name]').value = 'keys';
          document.querySelector('[data-testid=pat-start]').click();
        });
        await w.waitFor(() => !document.querySelector('[data-testid=pat-confirm]').hidden);
        await w.click('pat-yes');
        await w.waitFor(() => !document.querySelector('[data-testid=pat-token-box]').hidden, null, 10_000);
        await testDone(w);
        const token = await w.eval(() => document.querySelector('[data-testid=pat-token]').value);
        assert.equal(await pending(w), null);
        // Select the field and copy, as Ctrl+C does (the same `copy` event).
        await w.eval(() => {
          const field = document.querySelector('[data-testid=pat-token]');
          field.focus();
          field.select();
          document.execCommand('copy');
        });
        await w.waitFor(() => /cleared if it still holds the token/.test(document.querySelector('[data-testid=pat-copied]').textContent), null, 10_000);
        const p = await pending(w);
        assert.ok(p, 'a clear is pending');
        assert.equal(p.digest, salted(p.salt, token), 'for the token');
      }));
    });
  });
}
