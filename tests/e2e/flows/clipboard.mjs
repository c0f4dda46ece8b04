// The shared clipboard flows (SECURITY.md §7.8).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  withBrowser, withWizard, withSims, runCheck, assertSecretNowhere, copied,
} from './common.mjs';

/**
 * Registers the clipboard flows for `name` (SECURITY.md §7.8): a secret copied from the wizard
 * is cleared after the core's `clipboardClearSeconds` (60 s) if the clipboard still holds it,
 * and a clipboard the user changed meanwhile is left alone. Each waits the real 60 s once,
 * with the wizard closed meanwhile (its own timers die with it), on the real path: Chromium's
 * alarm + offscreen document, Firefox's alarm + background page.
 * @param {'chromium'|'firefox'} name
 */
export function clipboardFlows(name) {
  describe(`${name}: a copied secret leaves the clipboard`, () => {
    const ctx = withBrowser(name, { hostPermission: true });
    const CLEAR_MS = 60_000;

    /** Tests the admin's password, reveals the block, copies the password field; closes the wizard. */
    async function copySecret(sim) {
      const secret = sim.credentials.users.admin.password;
      const copiedAt = await withWizard(ctx.driver, sim.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        const seconds = await w.eval(async () => {
          const reply = await (globalThis.browser ?? chrome).runtime.sendMessage({ type: 'facts' });
          return reply.facts.clipboardClearSeconds;
        });
        assert.equal(seconds * 1000, CLEAR_MS, 'the delay is the core’s fact');
        await runCheck(w, { target: 'elma365', login: 'admin', secret });
        assert.equal(await w.text('verdict-code'), 'ok');
        await w.click('snippet-reveal');
        assert.equal(await copied(w, 'snippet-copy-password'), secret);
        const at = Date.now();
        assert.equal(await w.text('snippet-copied'), 'Password copied — cleared in 60 s');
        await w.click('lang-ru');
        await w.waitFor(() => /очистится через 60 с/.test(document.querySelector('[data-testid=snippet-copied]').textContent));
        await w.click('lang-en');
        await w.click('snippet-reveal');
        await assertSecretNowhere(w, secret); // only its digest is kept, in session storage
        // The digest is salted per copy: SHA-256(salt‖text), never the plain SHA-256 of the
        // secret, which a short password's could be brute-forced from.
        const pending = await w.eval(async () => {
          const api = globalThis.browser ?? globalThis.chrome;
          return (await api.storage.session.get('clipboardClear')).clipboardClear ?? null;
        });
        assert.ok(pending, 'a clear is pending');
        assert.match(pending.salt, /^[0-9a-f]{32}$/);
        const sha = (...parts) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest('hex');
        assert.notEqual(pending.digest, sha(Buffer.from(secret, 'utf8')), 'not the plain SHA-256');
        assert.equal(pending.digest, sha(Buffer.from(pending.salt, 'hex'), Buffer.from(secret, 'utf8')),
          'SHA-256 of the salt and the copied text');
        return at;
      });
      return { secret, copiedAt };
    }

    /** Reads the clipboard from a fresh wizard (the one that copied is closed). */
    const clipboardNow = (sim) => withWizard(ctx.driver, sim.url, async (w) => {
      await w.settled();
      return w.readClipboard();
    });

    test('still on the clipboard after 60 s: emptied (and not before)', async () => {
      await withSims(['dc-9.12-cluster'], async (sim) => {
        const { secret, copiedAt } = await copySecret(sim);
        assert.equal(await clipboardNow(sim), secret, 'still there just after the copy');
        let now = secret;
        while (Date.now() - copiedAt < CLEAR_MS + 20_000) {
          await new Promise((r) => setTimeout(r, Math.max(1_000, copiedAt + CLEAR_MS - 5_000 - Date.now())));
          now = await clipboardNow(sim);
          if (now !== secret) break;
        }
        const after = Date.now() - copiedAt;
        assert.equal(now, '', `emptied (after ${after} ms)`);
        assert.ok(after >= CLEAR_MS - 1_000, `not before 60 s (${after} ms)`);
      });
    });

    test('changed by the user meanwhile: left alone', async () => {
      await withSims(['dc-9.12-cluster'], async (sim) => {
        const { secret, copiedAt } = await copySecret(sim);
        const mine = 'something the user copied afterwards';
        await withWizard(ctx.driver, sim.url, async (w) => {
          await w.settled();
          await w.writeClipboard(mine);
        });
        await new Promise((r) => setTimeout(r, Math.max(0, copiedAt + CLEAR_MS + 10_000 - Date.now())));
        assert.notEqual(mine, secret);
        assert.equal(await clipboardNow(sim), mine, 'the user’s own copy stays');
      });
    });
  });
}
