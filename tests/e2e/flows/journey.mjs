// The wizard as users walk it, in both browsers, English and Russian, at 300 and 360 px:
// the integration asked first (ELMA365 on Data Center gets the account's password, no PAT
// offer), the next action always inside the panel's viewport, the verdict in view and focused
// after Test (after a test that works, step 3 folded to its line — the verdict's title, in view
// and focused — and step 4 open), Copy beside a masked secret putting the real secret on the clipboard, nothing
// wider than the panel, and (Chromium: the Layout Instability API) the first screen stable
// with a slow Jira.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withBrowser, withWizard, withSims, runCheck, copied, readmeShot, MASK } from './common.mjs';

const HEIGHT = 600;
const SIZES = [300, 360];
const LANGS = ['en', 'ru'];

/** The element's box is inside the viewport (and shown). */
const inView = (w, testid) => w.eval((id) => {
  const node = document.querySelector(`[data-testid="${id}"]`);
  if (!node || node.closest('[hidden]')) return { ok: false, why: 'hidden' };
  const r = node.getBoundingClientRect();
  const ok = r.width > 0 && r.top >= -0.5 && r.left >= -0.5 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5;
  return { ok, why: `${id}: ${Math.round(r.left)},${Math.round(r.top)} → ${Math.round(r.right)},${Math.round(r.bottom)} in ${innerWidth}×${innerHeight}` };
}, testid);

async function assertInView(w, testid, what) {
  const got = await inView(w, testid);
  assert.ok(got.ok, `${what}: ${got.why}`);
}

/** No shown element reaches past the panel's right edge (nor makes the page scroll sideways). */
async function assertNothingWider(w, what) {
  const wide = await w.eval(() => {
    const out = [];
    if (document.documentElement.scrollWidth > innerWidth) out.push(`page ${document.documentElement.scrollWidth} > ${innerWidth}`);
    for (const node of document.querySelectorAll('body *')) {
      if (node.closest('[hidden]') || node.closest('details:not([open]) > :not(summary)')) continue;
      const r = node.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > innerWidth + 0.5) out.push(`${node.tagName.toLowerCase()}#${node.id || node.dataset.testid || ''} ${Math.round(r.right)} > ${innerWidth}`);
    }
    return out.slice(0, 8);
  });
  assert.deepEqual(wide, [], `${what}: wider than the panel`);
}

/**
 * After a test that works (issue 22 item 4): step 4 opens and step 3 folds to its one-line
 * summary, the verdict's title, as finished steps do; that line is in view and has the focus.
 */
async function assertFoldedAfterGoodTest(w, what) {
  await w.waitFor(() => document.activeElement?.dataset.testid === 'step-test-summary');
  assert.equal(await w.attr('step-test-btn', 'aria-expanded'), 'false', `${what}: step 3 folded after a good test`);
  assert.equal(await w.attr('step-test', 'data-status'), 'done', `${what}: step 3 done`);
  assert.equal(await w.text('verdict-title'), null, `${what}: the verdict's box folded away`);
  assert.equal(await w.attr('step-connect-btn', 'aria-expanded'), 'true', `${what}: step 4 open`);
  assert.ok(await w.text('snippet-title'), `${what}: the connection block shown`);
  assert.ok((await w.text('step-test-summary'))?.length > 0, `${what}: step 3's line`);
  await assertInView(w, 'step-test-summary', `${what}: step 3's line after a good test`);
}

/** Step 3 opened again from its heading: the verdict its line named, `ok`. */
async function assertVerdictUnfolded(w) {
  const line = await w.text('step-test-summary');
  await w.click('step-test-btn');
  assert.equal(await w.text('verdict-code'), 'ok');
  assert.equal(await w.text('verdict-title'), line, 'the folded line is the verdict\'s title');
  assert.equal(await w.text('step-test-summary'), null, 'no line while open');
}

async function setLang(w, lang) {
  await w.click(`lang-${lang}`);
  await w.waitFor((l) => document.documentElement.lang === l, lang);
}

/** @param {'chromium'|'firefox'} name */
export function journeyFlows(name) {
  describe(`${name}: the wizard as users walk it`, () => {
    const ctx = withBrowser(name, { hostPermission: true });

    for (const lang of LANGS) {
      for (const width of SIZES) {
        test(`Data Center, ${lang}, ${width} px: next action in view, verdict first and focused, Copy copies`, async () => {
          await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
            const secret = sim.credentials.users.admin.password;
            assert.equal(await w.settled(), 'ready');
            await w.resize(width, HEIGHT);
            await setLang(w, lang);
            // Step 1 asks the integration; "just test a token" is the default.
            assert.equal(await w.eval(() => document.querySelector('[data-testid=integration-generic]').checked), true);
            await assertNothingWider(w, 'first screen');
            await w.screenshot(`journey-${name}-dc-${lang}-${width}-first.png`);
            await assertInView(w, 'step-next-test', 'first screen: "I have the token — test it"');
            await w.click('step-next-test');
            await assertInView(w, 'test-run', 'step 3: Test');
            await assertNothingWider(w, 'step 3');

            // A wrong password: the verdict comes first, in view, with the focus.
            await runCheck(w, { login: 'admin', secret: 'wrong-password-1', auth: 'basic' });
            assert.equal(await w.text('verdict-code'), 'credentials_rejected');
            await w.waitFor(() => document.activeElement?.dataset.testid === 'verdict');
            await assertInView(w, 'verdict-title', 'the verdict after Test');
            const order = await w.eval(() => {
              const v = document.querySelector('[data-testid=verdict]');
              const c = document.querySelector('[data-testid=checklist]');
              return Boolean(v.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING);
            });
            assert.ok(order, 'the checklist follows the verdict');
            await w.screenshot(`journey-${name}-dc-${lang}-${width}-verdict.png`);
            await assertInView(w, 'test-run', 'after a failed test: Test again');

            // The right password for ELMA365 (Basic): step 4 opens, step 3 folds to its line —
            // the verdict's title, in view and focused — and Copy all is the next action.
            await runCheck(w, { target: 'elma365', login: 'admin', secret, unfold: false });
            await assertFoldedAfterGoodTest(w, 'Data Center');
            await assertInView(w, 'snippet-copy-all', 'after a good test: Copy all');
            await assertNothingWider(w, 'the connection block');
            assert.equal(await w.eval(() => document.querySelector('[data-testid=snippet-value-password]').textContent), MASK);
            // Copy beside the masked password: the real one, said beside the button.
            assert.equal(await copied(w, 'snippet-copy-password'), secret);
            const said = await w.text('snippet-copied');
            assert.equal(said, lang === 'en' ? 'Password copied — cleared in 60 s' : 'Пароль: скопировано — очистится через 60 с');
            assert.equal(await w.eval(() => document.querySelector('[data-testid=snippet-copied]').previousElementSibling?.dataset.testid),
              'snippet-copy-password', 'the line is beside the button pressed');
            assert.equal(await w.eval(() => document.querySelector('[data-testid=snippet-value-password]').textContent), MASK, 'still masked');
            const all = await copied(w, 'snippet-copy-all');
            assert.ok(all.includes(secret), 'Copy all carries the real secret');
            const lines = all.split('\n');
            assert.ok(lines.findIndex((l) => l.startsWith('⚠')) > lines.findIndex((l) => l.includes(secret)), `warnings after the block: ${all.replace(secret, '<secret>')}`);
            await assertInView(w, 'snippet-copied', 'Copy all\'s line in the footer');
            await w.screenshot(`journey-${name}-dc-${lang}-${width}-copied.png`);
            await w.writeClipboard('');
            await assertVerdictUnfolded(w);
          }));
        });
      }
    }

    for (const lang of LANGS) {
      test(`Cloud, ${lang}, 300 px: the next action in view at every step`, async () => {
        await withSims(['cloud'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
          const { admin } = sim.credentials.users;
          assert.equal(await w.settled(), 'ready');
          await w.resize(300, HEIGHT);
          await setLang(w, lang);
          await assertNothingWider(w, 'Cloud first screen');
          await assertInView(w, 'step-next-test', 'Cloud first screen');
          await w.click('step-next-test');
          await assertInView(w, 'test-run', 'Cloud step 3');
          await runCheck(w, { login: admin.login, secret: admin.apiToken, unfold: false });
          await assertFoldedAfterGoodTest(w, 'Cloud');
          await assertInView(w, 'snippet-copy-all', 'Cloud: Copy all');
          await assertNothingWider(w, 'Cloud connection block');
          await assertVerdictUnfolded(w);
        }));
      });
    }

    test('ELMA365 chosen first on Data Center: password steps, no PAT offer, kept for the Jira', async () => {
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        await setLang(w, 'en');
        assert.equal(await w.attr('method', 'data-method'), 'pat', 'just a token: a PAT');
        assert.equal(await w.text('pat-create') !== null, true, 'the one-click PAT is offered for a PAT');
        await w.click('integration-elma365');
        await w.waitFor(() => document.querySelector('[data-testid=method]').dataset.method === 'basic');
        assert.equal(await w.text('pat-create'), null, 'no "Create a token for me" for ELMA365');
        assert.equal(await w.text('token-page'), null, 'no token page: a password');
        assert.match(await w.text('steps'), /refuses a personal access token sent as a password/);
        await readmeShot(w, `${name}-elma365-plan.png`);
        assert.equal(await w.attr('plan', 'data-target'), 'elma365');
        assert.equal(await w.eval(() => document.querySelector('[data-testid=test-target]').value), 'elma365');
        assert.match(await w.eval(() => document.querySelector('[data-testid=test-auth-note]').textContent), /Username \+ password/);
        await w.click('step-next-test');
        assert.equal(await w.text('test-login-label'), 'Username', 'a username, not "optional for a PAT"');
        assert.equal(await w.text('test-secret-label'), 'Password', 'the field\'s label follows the method');
        await w.click('integration-generic');
        await w.waitFor(() => document.querySelector('[data-testid=test-secret-label]').textContent === 'Personal access token');
        await w.click('integration-elma365');
        await w.waitFor(async () => {
          const api = globalThis.browser ?? globalThis.chrome;
          const all = await api.storage.session.get(null);
          return Object.entries(all).some(([k, v]) => k.startsWith('choices:') && v.target === 'elma365');
        });
        await w.click('integration-generic');
        await w.waitFor(() => document.querySelector('[data-testid=method]').dataset.method === 'pat');
      }));
    });

    test('a Jira that answers slowly: Cancel while Testing, and its late answer is ignored', async () => {
      await withSims([{ scenario: 'dc-9.12-cluster', latencyMs: 2_500 }], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        assert.equal(await w.settled(20_000), 'ready');
        await setLang(w, 'en');
        await w.click('step-next-test');
        await w.eval((secret) => {
          document.querySelector('[data-testid=test-auth]').value = 'basic';
          document.querySelector('[data-testid=test-login]').value = 'admin';
          document.querySelector('[data-testid=test-secret]').value = secret;
        }, sim.credentials.users.admin.password);
        await w.click('test-run');
        await w.waitFor(() => !document.querySelector('[data-testid=test-cancel]').closest('[hidden]'));
        await assertInView(w, 'test-cancel', 'Cancel beside Testing…');
        await w.click('test-cancel');
        assert.match(await w.text('test-error'), /^Test cancelled/);
        assert.equal(await w.attr('test-run', 'aria-busy'), 'false');
        await new Promise((r) => setTimeout(r, 4_000)); // the answer arrives meanwhile
        assert.equal(await w.text('check'), null, 'the late answer is not shown');
        assert.match(await w.text('test-error'), /^Test cancelled/);
      }));
    });

    test('a slow Jira (400 ms): the first screen keeps its layout (CLS < 0.1)', async (t) => {
      if (name !== 'chromium') {
        t.skip('Firefox has no Layout Instability API (PerformanceObserver "layout-shift")');
        return;
      }
      await withSims([{ scenario: 'dc-9.12-cluster', latencyMs: 400 }], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        assert.equal(await w.settled(20_000), 'ready');
        await new Promise((r) => setTimeout(r, 300));
        const cls = await w.eval(() => new Promise((resolve) => {
          let sum = 0;
          let seen = 0;
          const shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) {
              seen += 1;
              if (!e.hadRecentInput) sum += e.value;
              shifts.push(`${e.value.toFixed(3)} at ${Math.round(e.startTime)} ms: ${(e.sources ?? []).map((x) => `${x.node?.id || x.node?.nodeName} ${JSON.stringify(x.previousRect)}→${JSON.stringify(x.currentRect)}`).join('; ')}`);
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve({ sum, seen, shifts }), 200);
        }));
        t.diagnostic(`${name}: cumulative layout shift ${cls.sum.toFixed(4)} over ${cls.seen} shifts`);
        assert.ok(cls.sum < 0.1, `CLS ${cls.sum}: ${cls.shifts.join(' | ')}`);
      }));
    });
  });
}
