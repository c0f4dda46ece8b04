// What the wizard lets go of (issue 20 item 6; SECURITY.md §4), in both browsers: the wizard
// beside the page holds a created PAT, the secret it tested with and the connection block
// revealed; when it turns to another site (here through the typed address, offered for a tab
// it may not read), all of them go — from the screen and from the page's memory. A typed
// address with `user:pass@` is refused without a word of it repeated, before anything is
// asked; a plain-http:// Jira is named as such beside Test before anything is sent.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { authorized, openTestStep, testDone, withBrowser, withSims } from './common.mjs';

/** What the page holds in memory (state.js, the same module instance the page runs). */
const held = (w) => w.eval(async () => {
  const m = await import(new URL('wizard/state.js', location.href).href);
  return { tested: m.secrets.tested !== null, created: m.secrets.created !== null, revealed: m.state.test.snippetRevealed };
});

/** Every text and field value of the page, hidden ones too, to look for a secret in. */
const everything = (w) => w.eval(() => [
  document.body.textContent,
  ...[...document.querySelectorAll('input, textarea')].map((i) => i.value),
].join('\n'));

/** @param {'chromium'|'firefox'} name */
export function residueFlows(name) {
  describe(`${name}: the wizard lets go of secrets`, () => {
    const ctx = withBrowser(name, { hostPermission: true });

    test('turning to another site: the created PAT, the tested secret and the revealed block go', async () => {
      await withSims(['dc-9.12-cluster', 'not-atlassian', 'not-atlassian'], async (jira, other, site) => {
        const w = await ctx.driver.openWizard(`${jira.baseUrl}/test-login?user=jdoe`, { follow: true });
        const tabs = [];
        try {
          assert.equal(await w.settled(), 'ready');
          // Plain http:// is named beside Test before anything is sent.
          await openTestStep(w);
          assert.match(await w.text('test-insecure'), /is plain http:\/\/: the login and secret would cross the network unencrypted/);
          assert.ok((await w.text('test-insecure')).startsWith(jira.origin));
          assert.equal(authorized(jira).length, 0, 'named before anything is sent');
          await w.click('lang-ru');
          assert.match(await w.text('test-insecure'), /обычный http:\/\//);
          await w.click('lang-en');

          // A PAT created, tested by itself, its connection block revealed.
          await w.waitFor(() => !document.querySelector('[data-testid=pat-create]').hidden);
          await w.eval(() => {
            document.querySelector('[data-testid=pat-name]').value = 'residue';
            document.querySelector('[data-testid=pat-start]').click();
          });
          await w.waitFor(() => !document.querySelector('[data-testid=pat-confirm]').hidden);
          await w.click('pat-yes');
          await w.waitFor(() => !document.querySelector('[data-testid=pat-token-box]').hidden, null, 10_000);
          const token = await w.eval(() => document.querySelector('[data-testid=pat-token]').value);
          assert.match(token, /^[A-Za-z0-9+/=]{20,}$/);
          await testDone(w);
          assert.equal(await w.text('verdict-code'), 'ok');
          // The result names plain http:// with its fix: the line beside Test goes (said once).
          assert.match(await w.text('check-warning-insecure_http'), /http:\/\//);
          assert.equal(await w.text('test-insecure'), null, 'said once, in the result');
          await w.click('snippet-reveal');
          assert.ok((await w.text('snippet')).includes(token), 'the block shows the token');
          assert.deepEqual(await held(w), { tested: true, created: true, revealed: true });

          // A tab the wizard may not read (localhost is not the granted 127.0.0.1): the typed address.
          tabs.push(await ctx.driver.openTab(other.url.replace('127.0.0.1', 'localhost')));
          await w.waitFor(() => !document.querySelector('[data-testid=context]').hidden, null, 10_000);
          await w.eval(() => document.querySelector('[data-testid=detect-here]').click());
          await w.waitFor(() => !document.querySelector('[data-testid=url-form]').hidden, null, 10_000);

          // user:pass@ is refused, its secret neither echoed nor kept in the field, nothing asked.
          const typed = `http://jdoe:Pa55-in-the-url@127.0.0.1:${new URL(site.origin).port}/`;
          const before = site.log.length;
          await w.submit('url-input', typed);
          await w.waitFor(() => !document.querySelector('[data-testid=url-error]').hidden);
          const error = await w.text('url-error');
          assert.match(error, /login or password before the host/);
          assert.ok(!error.includes('Pa55-in-the-url') && !error.includes('jdoe:'), error);
          assert.equal(await w.eval(() => document.querySelector('[data-testid=url-input]').value), '', 'the field let go of it');
          assert.ok(!(await everything(w)).includes('Pa55-in-the-url'));
          assert.equal(site.log.length, before, 'nothing asked of the site');

          // Another site typed: the wizard turns to it, and every secret of the Jira goes.
          await w.withPermissionPrompt(null, () => w.submit('url-input', site.url));
          await w.waitFor(() => {
            const app = document.getElementById('app');
            return ['ready', 'error'].includes(app.dataset.state ?? '') && app.dataset.product !== 'jira';
          }, null, 15_000);
          assert.ok(site.log.length > before, 'the typed site was asked');
          assert.ok(!(await everything(w)).includes(token), 'the token is nowhere on the page');
          assert.deepEqual(await held(w), { tested: false, created: false, revealed: false }, 'nor in its memory');
        } finally {
          await w.close();
          for (const tab of tabs) await tab.close().catch(() => {});
        }
      });
    });
  });
}
