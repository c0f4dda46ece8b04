// The wizard beside the page (issue 12 item 3), in both browsers: the toolbar button opens a
// side panel (Chrome) or a sidebar (Firefox), not a popup; the wizard keeps the Jira it works on
// while the user is on the token page, follows the user to another Jira, and puts back each
// Jira's choices (never the secret) when the user returns to it.
//
// What is driven (tests/README.md "The wizard beside the page"): in Chromium the real side
// panel the toolbar click opens, following real tab switches (`bringToFront` fires
// tabs.onActivated); in Firefox the sidebar is checked to open and show the wizard, but no
// driver reaches its document, so the same page is driven as `wizard.html?tab=<id>&follow=1`
// in a tab of its own, following the same tab switches in the same window.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { authorized, runCheck, testDone, withBrowser, withSims } from './common.mjs';

/** Sets the token test's choices the way a user does (change/input events fire). */
function choose(w, { target, login }) {
  return w.eval(([tg, l]) => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    q('test-target').value = tg;
    q('test-target').dispatchEvent(new Event('change', { bubbles: true }));
    q('test-login').value = l;
    q('test-login').dispatchEvent(new Event('input', { bubbles: true }));
  }, [target, login]);
}

/** The form's choices as shown. */
const shownChoices = (w) => w.eval(() => {
  const q = (id) => document.querySelector(`[data-testid="${id}"]`);
  return { target: q('test-target').value, login: q('test-login').value, secret: q('test-secret').value };
});

/** Waits until the wizard shows the Jira at `origin` (detected, ready). */
const showsJira = (w, origin, ms = 10_000) => w.waitFor((o) => {
  const app = document.getElementById('app');
  return app.dataset.state === 'ready' && app.dataset.product === 'jira'
    && document.querySelector('[data-testid=test-origin]')?.dataset.origin === o;
}, origin, ms);

/** Opens the wizard for `url` following tabs, runs `body`, always closes it and `tabs`. */
async function withPanel(driver, url, body) {
  const tabs = [];
  const wizard = await driver.openWizard(url, { follow: true });
  try {
    return await body(wizard, async (u) => {
      const tab = await driver.openTab(u);
      tabs.push(tab);
      return tab;
    });
  } finally {
    await wizard.close();
    for (const tab of tabs) await tab.close().catch(() => {});
  }
}

/** @param {'chromium'|'firefox'} name */
export function panelFlows(name) {
  describe(`${name}: the wizard beside the page`, () => {
    const ctx = withBrowser(name, { hostPermission: true });

    test('the toolbar button opens the wizard as a side panel / sidebar, not a popup', async () => {
      await withSims(['dc-10.3'], (jira) => withPanel(ctx.driver, jira.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        const views = await ctx.driver.wizardViews();
        const want = name === 'chromium' ? 'SIDE_PANEL' : 'SIDEBAR';
        assert.ok(views.some((v) => v.kind === want && v.url === '/wizard.html'), JSON.stringify(views));
        assert.ok(!views.some((v) => v.kind === 'POPUP'), `no popup: ${JSON.stringify(views)}`);
      }));
    });

    test('first paint from the page: its meta tags at once, the token test waits for serverInfo', async () => {
      // 1.5 s injected per request: the REST answer comes well after the page's own word.
      await withSims([{ scenario: 'dc-9.12-cluster', latencyMs: 1_500 }], (jira) => withPanel(ctx.driver, jira.url, async (w) => {
        await w.waitFor(() => document.getElementById('app')?.dataset.state === 'provisional', null, 5_000);
        const early = await w.eval(() => {
          const q = (id) => document.querySelector(`[data-testid="${id}"]`);
          return {
            summary: q('summary').textContent, status: q('status').textContent, run: q('test-run').disabled,
            origin: q('test-origin').textContent, pat: q('pat-create').hidden,
          };
        });
        assert.match(early.summary, /^Jira (Server\/)?Data Center 9\.12\.15/, 'what the meta tags say');
        assert.equal(early.status, 'Confirming with the server…');
        assert.equal(early.run, true, 'no credential on the page\'s word alone (issue 11)');
        assert.equal(early.origin, 'Confirming this Jira with its server first…');
        assert.equal(early.pat, true, 'nor a one-click token');
        assert.equal(jira.log.filter((e) => e.path.includes('/rest/') && e.hasAuthorization).length, 0);

        assert.equal(await w.settled(20_000), 'ready');
        assert.ok(jira.log.some((e) => e.path === '/rest/api/2/serverInfo'), 'serverInfo confirmed it');
        assert.match(await w.text('summary'), /^Jira (Server\/)?Data Center 9\.12\.15/);
        assert.equal(await w.eval(() => document.querySelector('[data-testid=test-run]').disabled), false);
        await w.click('step-next-test'); // confirmed: step 3, "Test it", can be opened
        assert.match(await w.text('test-origin'), new RegExp(jira.origin.replace(/[.]/g, '\\.')));
      }));
    });

    test('Jira → token page → back: the Jira and its choices stay, only the secret is typed', async () => {
      await withSims(['cloud', 'not-atlassian'], (jira, tokenSite) => withPanel(ctx.driver, jira.url, async (w, openTab) => {
        assert.equal(await w.settled(), 'ready');
        assert.match(await w.text('summary'), /^Jira Cloud\b/);
        const jiraOrigin = await w.attr('test-origin', 'data-origin');
        const admin = jira.credentials.users.admin;
        await choose(w, { target: 'elma365', login: admin.login });
        assert.equal(await w.text('context'), null, 'no context line on the Jira tab');

        // The token page: another site (here the simulator's plain site, standing for
        // id.atlassian.com). The wizard keeps the Jira and says where the user is.
        const tokenTab = await openTab(tokenSite.url);
        // The line appears at the tab switch and names the host once the tab has loaded (until
        // then the browser may not tell its URL: "a site the wizard has no access to").
        const host = new URL(tokenSite.origin).host;
        await w.waitFor((h) => !document.querySelector('[data-testid=context]').hidden
          && document.querySelector('[data-testid=context-text]').textContent.includes(h), host, 10_000);
        assert.equal(await w.text('context-text'), `Working on ${jiraOrigin} — this tab is ${new URL(tokenSite.origin).host}.`);
        assert.match(await w.text('summary'), /^Jira Cloud\b/, 'the Jira is still shown');
        assert.deepEqual(await shownChoices(w), { target: 'elma365', login: admin.login, secret: '' });
        await w.click('lang-ru');
        assert.match(await w.text('context-text'), /^Работаю с /);
        await w.click('lang-en');

        // Back to the Jira tab: the line goes, the form is as it was; only the secret is typed.
        await ctx.driver.jiraFront();
        await w.waitFor(() => document.querySelector('[data-testid=context]').hidden, null, 10_000);
        await tokenTab.close();
        const before = authorized(jira).length;
        await w.eval((s) => {
          document.querySelector('[data-testid=test-secret]').value = s;
          document.querySelector('[data-testid=test-run]').click();
        }, admin.apiToken);
        await testDone(w);
        assert.equal(await w.text('verdict-code'), 'ok');
        assert.ok(authorized(jira).length > before, 'the test reached the Jira');
        assert.ok(authorized(jira).slice(before).every((e) => e.hasAuthorization && !e.hasCookie));
        assert.ok(!authorized(tokenSite).length, 'nothing with a credential went to the token page');
      }));
    });

    test('a tab the wizard may not read keeps the Jira; Detect this tab offers the typed address', async () => {
      await withSims(['dc-10.3', 'not-atlassian'], (jira, other) => withPanel(ctx.driver, jira.url, async (w, openTab) => {
        assert.equal(await w.settled(), 'ready');
        const jiraOrigin = await w.attr('test-origin', 'data-origin');
        // `localhost` is not the granted 127.0.0.1: its URL is hidden from the wizard.
        await openTab(other.url.replace('127.0.0.1', 'localhost'));
        await w.waitFor(() => !document.querySelector('[data-testid=context]').hidden, null, 10_000);
        assert.equal(await w.text('context-text'), `Working on ${jiraOrigin} — this tab is a site the wizard has no access to.`);
        assert.equal(await w.text('url-form'), null);
        await w.eval(() => document.querySelector('[data-testid=detect-here]').click());
        await w.waitFor(() => !document.querySelector('[data-testid=context-hint]').hidden, null, 10_000);
        assert.match(await w.text('context-hint'), /type its address below/);
        assert.notEqual(await w.text('url-form'), null, 'the typed address, which asks for access, is offered');
        assert.match(await w.text('summary'), /^Jira .*10\.3/, 'the Jira is still shown');
        assert.equal(other.log.filter((e) => e.path.includes('/rest/')).length, 0, 'nothing asked of the unread site');
      }));
    });

    test('another Jira tab is detected; back on the first, its choices return, never the secret', async () => {
      await withSims(['cloud', 'dc-9.12-cluster'], (first, second) => withPanel(ctx.driver, first.url, async (w, openTab) => {
        assert.equal(await w.settled(), 'ready');
        const admin = first.credentials.users.admin;
        await choose(w, { target: 'elma365', login: admin.login });
        await runCheck(w, { login: admin.login, secret: admin.apiToken, target: 'elma365' });
        await choose(w, { target: 'elma365', login: admin.login }); // as the user left it

        const secondTab = await openTab(second.url);
        await showsJira(w, second.origin);
        assert.match(await w.text('summary'), /^Jira (Server\/)?Data Center 9\.12/);
        assert.equal(await w.text('context'), null, 'a Jira tab is worked on, not "away"');
        const fresh = await shownChoices(w);
        assert.equal(fresh.secret, '', 'the first Jira\'s secret is not carried to another Jira');
        assert.notEqual(fresh.login, admin.login);
        await choose(w, { target: 'generic', login: 'jdoe' });

        await ctx.driver.jiraFront();
        await showsJira(w, new URL(first.url).origin);
        await w.waitFor(() => document.querySelector('[data-testid=test-target]').value === 'elma365');
        assert.deepEqual(await shownChoices(w), { target: 'elma365', login: admin.login, secret: '' });

        await secondTab.front();
        await showsJira(w, second.origin);
        await w.waitFor(() => document.querySelector('[data-testid=test-login]').value === 'jdoe');
        assert.equal((await shownChoices(w)).target, 'generic');

        // What the session keeps: the four choices per Jira origin, no secret.
        const session = await w.eval(async () => {
          const api = globalThis.browser ?? globalThis.chrome;
          return api.storage.session.get(null);
        });
        // (The browser session also holds the earlier tests' Jiras.)
        assert.deepEqual(session[`choices:${new URL(first.url).origin}`], { target: 'elma365', auth: 'auto', login: admin.login, project: '' });
        assert.deepEqual(session[`choices:${second.origin}`], { target: 'generic', auth: 'auto', login: 'jdoe', project: '' });
        for (const [k, v] of Object.entries(session)) {
          if (k.startsWith('choices:')) assert.deepEqual(Object.keys(v).sort(), ['auth', 'login', 'project', 'target']);
        }
        assert.ok(!JSON.stringify(session).includes(admin.apiToken), 'storage.session holds no secret');
      }));
    });

    test('the token page opened from the wizard; back on the Jira, the field to fill has the focus', async () => {
      await withSims(['cloud'], (jira) => withPanel(ctx.driver, jira.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        const admin = jira.credentials.users.admin;
        await choose(w, { target: 'generic', login: admin.login });
        await w.click('token-page'); // id.atlassian.com in a new tab: a site the wizard may not read
        await w.waitFor(() => !document.querySelector('[data-testid=context]').hidden, null, 10_000);
        assert.equal(await w.text('detect-here'), null, 'no "Detect this tab" on the token page');
        await ctx.driver.jiraFront();
        await w.waitFor(() => document.querySelector('[data-testid=context]').hidden, null, 10_000);
        await w.waitFor(() => document.activeElement?.dataset.testid === 'test-secret', null, 5_000);
        assert.equal(await w.attr('step-test-btn', 'aria-expanded'), 'true', 'step 3 is open');
        assert.equal(await w.attr('step-token-btn', 'aria-expanded'), 'false', 'step 2 folded');
      }));
    });
  });
}
