// A token's expiry remembered, and the reminder before it (issue 19), in both browsers: the
// expiry given in step 2 goes with the test (the block says "expires on … (in N days)"), the
// opt-in keeps only origin, login, target, label and date in storage.local (no secret), the list
// shows the days left, reminders are turned on (the optional `notifications` permission, and
// Chrome's optional `alarms`, asked from that click: Firefox answers its real prompt; headless
// Chromium has `notifications` granted at install and grants `alarms` without a prompt),
// then time moves forward — the worker's clock only (../test-clock.js) — to just before the
// 14-day mark: the real alarm fires the real rule and the notification is created. The page a
// reminder opens (that Jira, the target chosen), "test again" with a date that has passed
// (`token_expired`), and "forget" (the list, the storage and the alarm emptied).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertSecretNowhere, runCheck, withBrowser, withSims, withWizard } from './common.mjs';

const DAY = 86_400_000;
/** `YYYY-MM-DD` of the UTC day `days` from today. */
const dayFromToday = (days) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/** What the extension keeps in storage.local. */
const local = (w) => w.eval(async () => (globalThis.browser ?? globalThis.chrome).storage.local.get(null));

/** The notifications the extension shows now, by id (`notifications.getAll`). */
const notifications = (w) => w.eval(async () => (globalThis.browser ?? globalThis.chrome).notifications.getAll());

/** Sets a field the way a user's pick does: value, then `change`. */
const pickValue = (w, testid, value) => w.eval(([id, v]) => {
  const field = document.querySelector(`[data-testid="${id}"]`);
  field.value = v;
  field.dispatchEvent(new Event('change', { bubbles: true }));
}, [testid, value]);

/** @param {'chromium'|'firefox'} name */
export function rememberFlows(name) {
  describe(`${name}: a token's expiry remembered, reminded and forgotten`, () => {
    const ctx = withBrowser(name, { hostPermission: true, testClock: true, notificationsPermission: name === 'chromium', clipboardPermission: false });

    test('Cloud: expiry with the test, remembered without a secret, the list, a reminder by alarm, test again, forget', async () => {
      await withSims(['cloud'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        const { admin } = sim.credentials.users;
        const origin = new URL(sim.url).origin;
        const expires = dayFromToday(30);
        assert.equal(await w.settled(), 'ready');
        await w.click('lang-en');

        // Step 2 asks which expiry the user will pick; it goes with the test.
        assert.match(await w.text('expiry-ask'), /Which expiry will you pick\? \(optional\)/);
        await pickValue(w, 'expiry-date', expires);
        await w.click('step-next-test');
        await runCheck(w, { login: admin.login, secret: admin.apiToken, unfold: false });
        await w.waitFor(() => !document.querySelector('[data-testid=remember-offer]').closest('[hidden]'));
        assert.match(await w.text('snippet-notes'), new RegExp(`expires on ${expires} \\(in 30 days\\)`));

        // The opt-in: the date given, a label; only the five fields are kept.
        assert.equal(await w.eval(() => document.querySelector('[data-testid=remember-date]').value), expires);
        assert.equal(await w.text('remembered'), null, 'nothing remembered before the opt-in');
        await w.eval(() => {
          const label = document.querySelector('[data-testid=remember-label]');
          label.value = 'Nightly sync';
          label.dispatchEvent(new Event('input', { bubbles: true }));
        });
        await w.click('remember-save');
        await w.waitFor(() => !document.querySelector('[data-testid=remember-status]').hidden);
        assert.match(await w.text('remember-status'), /No secret is kept/);
        const kept = await local(w);
        assert.deepEqual(kept.rememberedConnections, [
          { origin, login: admin.login, target: 'generic', label: 'Nightly sync', expiresOn: expires },
        ]);
        await assertSecretNowhere(w, admin.apiToken);

        // The list: the days left, as the core counts them.
        await w.waitFor(() => document.querySelectorAll('[data-testid=remembered-item]').length === 1);
        assert.equal(await w.attr('remembered-item', 'data-days-left'), '30');
        assert.match(await w.text('remembered-expiry'), new RegExp(`expires on ${expires} \\(in 30 days\\)`));
        const checked = () => w.eval(() => document.querySelector('[data-testid=reminders-on]').checked);
        // Nothing that reminders need granted at install — Chromium's `alarms` is optional, and
        // headless Chromium's `notifications` (granted at install: no prompt can be answered)
        // is not enough alone: reminders are off, the list still counts.
        assert.match(await w.text('reminders-note'), /Notifications are off: this list still shows the days left/);
        assert.equal(await checked(), false);
        if (name === 'chromium') {
          // Chrome: no `alarms` at install, so no alarm could be set.
          assert.equal(await w.eval(() => typeof chrome.alarms), 'undefined', '`alarms` is not held at install');
          assert.equal(await ctx.driver.ext.worker.evaluate(() => typeof chrome.alarms), 'undefined', 'nor in the worker');
        }
        await w.click('lang-ru');
        assert.match(await w.text('remembered-expiry'), new RegExp(`истекает ${expires} \\(через 30 дней\\)`));
        await w.click('lang-en');

        // Reminders on: what they need asked from that click, in one prompt — `notifications`,
        // and in Chrome `alarms` too (Firefox holds it from the install: it cannot be optional
        // there). Headless Chromium grants `alarms` without a prompt (it has no warning) and
        // holds `notifications` from the install (so this copy's manifest, which lists it under
        // `permissions`, leaves only `alarms` to ask); the worker adds its alarm listener on the grant.
        const asked = await w.withPermissionPrompt(name === 'firefox' ? 'allow' : null, () => w.click('reminders-on'));
        assert.deepEqual(asked, [{ permissions: [name === 'firefox' ? 'notifications' : 'alarms'] }]);
        await w.waitFor(() => document.querySelector('[data-testid=reminders-on]').checked
          && document.querySelector('[data-testid=reminders-note]').hidden, null, 10_000);
        assert.deepEqual(await notifications(w), {}, 'no reminder shown yet');
        await w.eval(() => {
          window.jtwClosed = [];
          (globalThis.browser ?? globalThis.chrome).notifications.onClosed.addListener((i) => window.jtwClosed.push(i));
        });

        // Time moves forward (the worker's clock only) to 15 s before the 14-day mark; the next
        // change of the settings sets the real alarm for it, which fires the real rule.
        const mark = Date.parse(`${expires}T00:00:00Z`) - 14 * DAY;
        await w.eval((ms) => (globalThis.browser ?? globalThis.chrome).storage.local.set({ testClockOffsetMs: ms }),
          mark - 15_000 - Date.now());
        await pickValue(w, 'reminders-days', '14, 3');
        await w.waitFor(() => document.querySelector('[data-testid=remembered-item]')?.dataset.daysLeft === '15', null, 10_000);
        const alarm = await w.eval(async () => (globalThis.browser ?? globalThis.chrome).alarms.get('expiry-reminder'));
        assert.ok(alarm, 'the alarm is set');
        const id = `jtw-reminder ${JSON.stringify([origin, 'generic'])}`;
        // Chromium lists the notification it shows; headless Firefox, which has no alert service
        // to show it with, closes it at once: its `onClosed` names it.
        await w.waitFor(async (want) => want in await (globalThis.browser ?? globalThis.chrome).notifications.getAll()
          || window.jtwClosed.includes(want), id, 60_000);
        if (name === 'chromium') assert.deepEqual(Object.keys(await notifications(w)), [id]);
        else assert.deepEqual(await w.eval(() => window.jtwClosed), [id]);
        assert.ok(await w.eval(async () => (globalThis.browser ?? globalThis.chrome).alarms.get('expiry-reminder')),
          'the next alarm (3 days before) is set');
        assert.ok((await local(w)).reminderSince, 'the run is kept');
        await w.eval((ms) => (globalThis.browser ?? globalThis.chrome).storage.local.set({ testClockOffsetMs: 0 }));

        // The page a reminder's click opens: that Jira, the target chosen, step 3 at hand.
        const page = await ctx.driver.openPage(`wizard.html?${new URLSearchParams({ jira: origin, target: 'generic' })}`,
          { width: 400, height: 800 });
        try {
          await page.waitFor(() => document.querySelector('[data-testid=step-test-btn]')?.getAttribute('aria-expanded') === 'true', null, 15_000);
          assert.equal(await page.eval(() => document.querySelector('[data-testid=test-target]').value), 'generic');
          assert.equal(await page.eval(() => document.querySelector('[data-testid=test-login]').value), admin.login);
        } finally {
          await page.close();
        }

        // Test again, the remembered date passed: a Cloud refusal is `token_expired`.
        await w.click('remembered-test');
        await w.waitFor(() => document.querySelector('[data-testid=step-test-btn]')?.getAttribute('aria-expanded') === 'true', null, 15_000);
        assert.equal(await w.eval(() => document.querySelector('[data-testid=test-login]').value), admin.login);
        await pickValue(w, 'expiry-date', dayFromToday(-2));
        await runCheck(w, { login: admin.login, secret: `${admin.apiToken.slice(0, -4)}XXXX` });
        assert.equal(await w.text('verdict-code'), 'token_expired');
        assert.match(await w.text('verdict-title'), /expired/i);

        // Forget: the list, the storage and the alarm emptied.
        await w.click('remembered-forget');
        await w.waitFor(() => document.querySelector('[data-testid=remembered]').hidden);
        assert.deepEqual((await local(w)).rememberedConnections, []);
        assert.equal(await w.eval(async () => (await (globalThis.browser ?? globalThis.chrome).alarms.get('expiry-reminder')) ?? null), null);
        await assertSecretNowhere(w, admin.apiToken);
      }));
    });
  });
}
