// Least privilege at install (issue 20 item 7; SECURITY.md §5), in both browsers: the clipboard
// permissions are optional. With them not granted, the page says why beside the copy buttons
// before any prompt; the first copy of a secret asks for them from its click; refused, the copy
// still works, nothing is scheduled, and the line says the clipboard is not cleared — and the
// next copy does not ask again. Allowed (Firefox answers its doorhanger; headless Chromium
// cannot, so there the allowed path is the one the other flows take, granted at install), the
// clear is scheduled. Ctrl+C in a shown PAT's field is cleared like its copy button.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { NO_PROMPTS, runCheck, testDone, withBrowser, withSims, withWizard } from './common.mjs';

const pending = (w) => w.eval(async () => {
  const api = globalThis.browser ?? globalThis.chrome;
  return (await api.storage.session.get('clipboardClear')).clipboardClear ?? null;
});

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
        const asked = await w.withPermissionPrompt('deny', () => w.click('snippet-copy-password'));
        assert.deepEqual(asked.map((a) => [...(a.permissions ?? [])].sort()), [['clipboardRead', 'clipboardWrite']]);
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

    test('allowed at the prompt: the clear is scheduled', async (t) => {
      if (!ctx.driver.answersPermissionPrompts) return t.skip(NO_PROMPTS);
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        await block(w, sim);
        await w.withPermissionPrompt('allow', () => w.click('snippet-copy-password'));
        await w.waitFor(() => /cleared in 60 s/.test(document.querySelector('[data-testid=snippet-copied]').textContent), null, 10_000);
        assert.ok(await pending(w), 'a clear is pending');
        assert.equal(await w.text('snippet-clipboard-why'), null, 'granted: no reason to give');
      }));
    });
  });

  describe(`${name}: Ctrl+C in a shown PAT's field`, () => {
    const ctx = withBrowser(name, { hostPermission: true });

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
        const sha = createHash('sha256').update(Buffer.from(p.salt, 'hex')).update(Buffer.from(token, 'utf8')).digest('hex');
        assert.equal(p.digest, sha, 'for the token');
      }));
    });
  });
}
