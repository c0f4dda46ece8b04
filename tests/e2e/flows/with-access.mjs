// The shared flows with host access to the simulator: detection, token tests, the connection
// block, the report, one-click PAT.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  MASK, LOCAL_PATTERN, PAT_PAGE, authorized, rest, portOf, withBrowser, withWizard, withSims, testDone, runCheck, assertSecretNowhere, copied, shownFields,
  startFakeCloudPage, readmeShot, openMore
} from './common.mjs';

/** @param {'chromium'|'firefox'} name */
export function withAccessFlows(name) {
  const userAgent = name === 'firefox' ? /Firefox\/\d+/ : /Chrome\/\d+/;

  describe(`${name}: with host access to the simulator`, () => {
    const ctx = withBrowser(name, { hostPermission: true });

    test('Jira Cloud: API token, the Atlassian token page, REST without cookies', async (t) => {
      await withSims(['cloud'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        const started = Date.now();
        assert.equal(await w.settled(), 'ready');
        t.diagnostic(`${name}: launch ${ctx.driver.launchMs} ms, wizard ready ${Date.now() - started} ms`);
        assert.match(await w.text('summary'), /^Jira Cloud\b/);
        assert.equal(await w.attr('method', 'data-method'), 'api-token');
        await w.click('step-detect-btn'); // step 1 is done: folded to a line until opened
        assert.equal(await w.text('detail-hosting'), 'Cloud');
        assert.equal(await w.text('detail-cloudId'), 'a436116f-02ce-4520-8fbb-7301462a1674');
        assert.equal(await w.attr('token-page', 'data-url'), 'https://id.atlassian.com/manage-profile/security/api-tokens');
        assert.match(await w.text('steps'), /Create API token/);
        assert.equal(await w.text('url-form'), null, 'no URL field on a Jira tab');
        assert.ok(rest(sim).some((e) => e.path === '/rest/api/2/serverInfo'), 'serverInfo was asked');
        assert.ok(rest(sim).every((e) => !e.hasCookie && !e.hasAuthorization), 'credentials: omit on REST');
        await readmeShot(w, `${name}-cloud.png`);
      }));
    });

    test('a fake Cloud page on this machine gets no Authorization; the site it names is tested', async () => {
      // SECURITY.md §7.1: loopback is no exception. The page says it is the `cloud` site; the
      // token test goes there, never to the page's host, whose /myself would say 200.
      await withSims(['cloud'], async (site) => {
        const fake = await startFakeCloudPage(site.origin);
        try {
          await withWizard(ctx.driver, fake.url, async (w) => {
            assert.equal(await w.settled(), 'ready');
            assert.equal(await w.text('summary'), `Jira Cloud at ${site.origin}`);
            assert.ok(await w.text('warning-cloud_site_elsewhere'), 'the page is named as elsewhere');
            assert.equal(await w.attr('test-origin', 'data-origin'), site.origin, 'the credential would go to the site');
            const { admin } = site.credentials.users;
            await runCheck(w, { login: admin.login, secret: admin.apiToken });
            assert.equal(await w.text('verdict-code'), 'ok');
          });
        } finally {
          await fake.close();
        }
        assert.deepEqual(fake.seen.filter((r) => r.authorization !== null), [], 'the fake page saw no credential');
        assert.ok(fake.seen.every((r) => !r.url.startsWith('/rest/api/2/myself')), JSON.stringify(fake.seen));
        assert.ok(authorized(site).some((e) => e.path === '/rest/api/2/myself'), 'the Atlassian site was tested');
      });
    });

    test('Data Center under a context path, on a non-default port', async () => {
      await withSims(['context-path-mismatch'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        assert.notEqual(portOf(sim.origin), '', 'the simulator is on a port of its own');
        assert.equal(await w.settled(), 'ready');
        // The summary names the address tested, not the configured one on another host.
        assert.match(await w.text('summary'), /^Jira (Server\/)?Data Center 9\.12\.15 at /);
        assert.ok((await w.text('summary')).endsWith(` at ${sim.baseUrl}`), await w.text('summary'));
        await w.click('step-detect-btn');
        assert.equal(await w.text('detail-version'), '9.12.15');
        assert.equal(await w.text('detail-build'), '9120015');
        assert.equal(await w.text('detail-contextPath'), '/jira');
        assert.match(await w.text('warning-base_url_other_host'), /another host/);
        assert.equal(await w.text('warning-base_url_mismatch'), null, 'not the reverse-proxy warning');
        assert.equal(await w.attr('method', 'data-method'), 'pat');
        // The token page is on the origin that was tested, not the configured one (SECURITY.md §7.1).
        assert.equal(await w.attr('token-page', 'data-url'), `${sim.origin}/jira${PAT_PAGE}`);
        assert.equal(await w.text('warning-host_permission_needed'), null, 'the host permission covers the port');
        assert.ok(sim.log.some((e) => e.path === '/jira/rest/api/2/serverInfo' && !e.hasCookie),
          'serverInfo asked under the context path, without cookies');
      }));
    });

    test('Confluence is not Jira; a Jira address typed with its port is detected', async () => {
      await withSims(['confluence', 'dc-10.3'], (confluence, jira) => withWizard(ctx.driver, confluence.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        assert.match(await w.text('summary'), /Confluence.*not Jira/);
        assert.equal(await w.text('method'), null, 'no plan for a non-Jira page');
        assert.notEqual(await w.text('url-form'), null, 'the URL field is offered');
        assert.ok(!rest(confluence).length, 'nothing asked of a page that says it is Confluence');

        await w.submit('url-input', 'not a url at all');
        await w.waitFor(() => !document.querySelector('[data-testid=url-error]').hidden);
        assert.match(await w.text('url-error'), /https:\/\//);

        // Granted at install for the host: the request resolves without a prompt, port or not.
        const typed = `${jira.origin}/`;
        const asked = await w.withPermissionPrompt(null, () => w.submit('url-input', typed));
        assert.deepEqual(asked, [{ origins: [LOCAL_PATTERN] }], 'the host is asked for, not host:port');
        await w.waitFor(() => document.getElementById('app').dataset.product === 'jira', null, 10_000);
        assert.equal(await w.settled(), 'ready');
        assert.match(await w.text('summary'), /^Jira .*10\.3/);
        assert.equal(await w.attr('method', 'data-method'), 'pat');
        await w.click('step-detect-btn');
        assert.equal(await w.text('detail-baseUrl'), jira.baseUrl);
        assert.equal(await w.text('url-form'), null, 'the URL field goes away once Jira is found');
      }));
    });

    test('a plain web page is not Jira; a page the extension cannot read offers the URL field', async () => {
      await withSims(['not-atlassian'], async (plain) => {
        await withWizard(ctx.driver, plain.url, async (w) => {
          assert.equal(await w.settled(), 'ready');
          assert.equal(await w.text('summary'), 'This page is not Jira');
          assert.notEqual(await w.text('url-form'), null);
        });
      });
      await withWizard(ctx.driver, 'about:blank', async (w) => {
        assert.equal(await w.settled(), 'error');
        assert.match(await w.text('status'), /cannot be read/);
        assert.notEqual(await w.text('url-form'), null);
      });
    });

    test('token test: a valid PAT on Data Center works (Bearer, no cookie)', async () => {
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        const secret = sim.credentials.users.jdoe.pat;
        assert.equal(await w.settled(), 'ready');
        const { prefilled } = await runCheck(w, { secret });
        assert.equal(prefilled, '', 'no logged-in user, empty login');
        assert.equal(await w.text('verdict-code'), 'ok');
        assert.match(await w.text('check-user'), /Jane Doe \(jdoe\)/);
        assert.match(await w.text('check-method'), /Bearer/);
        assert.match(await w.text('check-permissions'), /BROWSE_PROJECTS/);
        assert.ok(authorized(sim).length > 0);
        for (const e of authorized(sim)) {
          assert.equal(e.authScheme.toLowerCase(), 'bearer', JSON.stringify(e));
          assert.equal(e.hasCookie, false);
          // cache: 'no-store' (src/wasm.rs): the browser says so on the wire (SECURITY.md §7.8).
          assert.equal(e.pragma, 'no-cache', JSON.stringify(e));
          assert.equal(e.cacheControl, 'no-cache', JSON.stringify(e));
        }
        await assertSecretNowhere(w, secret);
        await w.screenshot(`${name}-check-ok.png`);
      }));
    });

    test('token test: credentials_rejected for a wrong password', async () => {
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        const secret = 'not-the-password-7431';
        assert.equal(await w.settled(), 'ready');
        await runCheck(w, { login: 'jdoe', secret, auth: 'basic' });
        assert.equal(await w.text('verdict-code'), 'credentials_rejected');
        assert.equal(await w.attr('check-user', 'data-ok'), 'false');
        await assertSecretNowhere(w, secret);
      }));
    });

    test('token test: captcha_required for a locked account', async () => {
      await withSims(['captcha'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        const secret = sim.credentials.users.jdoe.password;
        assert.equal(await w.settled(), 'ready');
        await runCheck(w, { login: 'jdoe', secret, auth: 'basic' });
        assert.equal(await w.text('verdict-code'), 'captcha_required');
        const href = await w.attr('login-url', 'href');
        if (href) assert.ok(href.startsWith(sim.origin), href);
        await assertSecretNowhere(w, secret);
      }));
    });

    test('token test: a revoked PAT is not ok while the browser holds a Jira session', async () => {
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, `${sim.baseUrl}/test-login?user=admin`, async (w) => {
        const secret = sim.credentials.users.admin.revokedPat;
        assert.equal(await w.settled(), 'ready');
        assert.ok(sim.log.some((e) => e.hasCookie), 'the tab is logged in (JSESSIONID)');
        const { prefilled } = await runCheck(w, { secret, auth: 'pat' });
        assert.equal(prefilled, 'admin', 'login prefilled from the logged-in user');
        assert.equal(await w.text('verdict-code'), 'token_not_recognized');
        for (const e of authorized(sim)) assert.equal(e.hasCookie, false, `no cookie with credentials: ${JSON.stringify(e)}`);
        await assertSecretNowhere(w, secret);
      }));
    });

    test('ELMA365: the connection block, masked; its copy buttons copy the real secret', async () => {
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        const secret = sim.credentials.users.admin.password;
        assert.equal(await w.settled(), 'ready');
        await runCheck(w, { target: 'elma365', login: 'admin', secret });
        assert.equal(await w.text('verdict-code'), 'ok');
        assert.ok(authorized(sim).every((e) => e.authScheme.toLowerCase() === 'basic'));
        assert.equal(await w.text('snippet-title'), 'ELMA365 — Jira connection');
        const fields = await shownFields(w);
        assert.deepEqual(Object.keys(fields), ['authType', 'server', 'login', 'password']);
        assert.equal(fields.password, MASK);

        // Copy all, the block still masked on screen: the real secret, in the form's order; the
        // simulator is plain http://, so insecure_http follows the block (SECURITY.md §7.7).
        const masked = await copied(w, 'snippet-copy-all');
        assert.ok(masked.startsWith('ELMA365 — Jira connection\n'), masked.replace(secret, '<secret>'));
        assert.ok(masked.includes(`Password: ${secret}\n⚠ The credential travels unencrypted`), masked.replace(secret, '<secret>'));
        assert.equal((await shownFields(w)).password, MASK, 'shown masked all along');
        assert.equal(await copied(w, 'snippet-copy-login'), 'admin');
        assert.equal(await copied(w, 'snippet-copy-password'), secret);
        assert.match(await w.text('snippet-copied'), /^Password copied — cleared in 60 s$/);

        await w.click('snippet-reveal');
        assert.equal(await w.attr('snippet-reveal', 'aria-pressed'), 'true');
        assert.equal((await shownFields(w)).password, secret);
        const revealed = await copied(w, 'snippet-copy-all');
        assert.ok(revealed.includes(`Password: ${secret}\n`), revealed);
        assert.match(await w.text('snippet-copied'), /with the secret/);
        assert.equal(JSON.parse(await copied(w, 'snippet-copy-json')).fields.password, secret);
        await w.click('snippet-reveal');
        assert.equal((await shownFields(w)).password, MASK);
        await readmeShot(w, `${name}-snippet.png`);
      }));
    });

    test('the report: copied as Markdown and downloaded as JSON, without the secret', async () => {
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        const login = 'jdoe';
        const secret = 'not-the-password-7431';
        assert.equal(await w.settled(), 'ready');
        assert.equal(await w.text('report-actions'), null, 'no report before a test');
        await runCheck(w, { login, secret, auth: 'basic' });
        await w.waitFor(() => {
          const copy = document.querySelector('[data-testid=report-copy]');
          return copy && !copy.closest('[hidden]') && !copy.disabled;
        }, null, 10_000);
        await openMore(w); // the report is under "More"
        const markdown = await copied(w, 'report-copy', 'report-status');
        assert.match(markdown, /^# Jira Token Wizard — diagnostic report/);
        assert.match(markdown, /`credentials_rejected`/);
        assert.match(markdown, /\| Login \| jdoe \|/);
        assert.match(markdown, /x-seraph-loginreason: AUTHENTICATED_FAILED/);
        const browserRow = markdown.split('\n').find((l) => l.startsWith('| Browser / OS |')) ?? '';
        assert.match(browserRow, userAgent);

        await w.click('report-download');
        const file = await w.eval(async () => {
          const link = document.querySelector('[data-testid=report-file]');
          return { name: link.download, text: await (await fetch(link.href)).text() };
        });
        assert.match(file.name, /^jira-report-\d{4}-\d\d-\d\dT[\dZ]+\.json$/);
        const report = JSON.parse(file.text);
        assert.equal(report.schema, 'jira-token-wizard/report@1');
        assert.equal(report.verdict.code, 'credentials_rejected');
        assert.deepEqual(report.tried, { method: 'basic', scheme: 'basic', login, target: 'generic' });
        const b64 = (s) => Buffer.from(s, 'utf8').toString('base64');
        for (const out of [markdown, file.text]) {
          for (const form of [secret, b64(`${login}:${secret}`), b64(secret)]) assert.ok(!out.includes(form), 'the report holds the secret');
          assert.ok(!/set-cookie|jsessionid|"authorization"/i.test(out), 'no credential headers');
        }
      }));
    });

    // The POST goes out from the Jira tab (extension/tab-fetch.js), so Jira's XSRF origin check
    // (facts §4.8, modelled by the simulator) sees Jira's own origin in both browsers; from the
    // extension's page Firefox would send `Origin: moz-extension://…` and get 403.
    test('one-click PAT: one POST from the Jira tab with its session, the token shown and tested', async () => {
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, `${sim.baseUrl}/test-login?user=jdoe`, async (w) => {
        const posts = () => sim.log.filter((e) => e.method === 'POST' && e.path.endsWith('/rest/pat/latest/tokens'));
        assert.equal(await w.settled(), 'ready');
        await w.waitFor(() => !document.querySelector('[data-testid=pat-create]').hidden);
        await w.eval(() => {
          document.querySelector('[data-testid=pat-name]').value = 'e2e-sync';
          document.querySelector('[data-testid=pat-start]').click();
        });
        await w.waitFor(() => !document.querySelector('[data-testid=pat-confirm]').hidden);
        assert.equal(posts().length, 0, 'nothing is sent before the confirmation');
        await w.click('pat-yes');
        await w.waitFor(() => document.querySelector('[data-testid=pat-outcome-code]')?.textContent, null, 10_000);
        const [post] = posts();
        assert.equal(posts().length, 1);
        assert.equal(post.hasAuthorization, false, 'no credential beside the session');
        assert.equal(post.hasCookie, true, 'the session cookie went with the creation');
        assert.ok(post.cookieNames.includes('JSESSIONID'));
        assert.equal(post.origin, sim.origin, 'sent with the Jira page\'s origin, not the extension\'s');
        assert.equal(post.refererOrigin, sim.origin, 'a same-origin Referer');
        assert.equal(await w.text('pat-outcome-code'), 'pat_created', `POST answered ${post.status}`);
        const token = await w.eval(() => document.querySelector('[data-testid=pat-token]').value);
        assert.match(token, /^[A-Za-z0-9+/=]{20,}$/);
        await testDone(w);
        assert.equal(await w.text('verdict-code'), 'ok');
        assert.equal(await copied(w, 'pat-copy', 'pat-copied'), token);
        await assertSecretNowhere(w, token);
      }));
    });

    test('one-click PAT: a tab on another origin sends nothing', async () => {
      // The wizard's tab shows one Jira (b) while the creation is asked for another (a), as if
      // the tab had navigated away: tab-fetch.js checks `location.origin` and sends nothing.
      await withSims(['dc-10.3', 'dc-9.12-cluster'], (a, b) => withWizard(ctx.driver, `${b.baseUrl}/test-login?user=jdoe`, async (w) => {
        assert.equal(await w.settled(), 'ready');
        const reply = await w.eval(async (url) => {
          const api = globalThis.browser ?? chrome;
          const named = new URLSearchParams(location.search).get('tab');
          const tabId = named ? Number(named) : (await api.tabs.query({ active: true, currentWindow: true }))[0].id;
          const detected = await api.runtime.sendMessage({ type: 'detect_url', url });
          return api.runtime.sendMessage({ type: 'create_pat', detectionId: detected.detectionId, name: 'elsewhere', expirationDays: 30, tabId });
        }, a.url);
        assert.equal(reply.ok, true, JSON.stringify(reply.error));
        assert.equal(reply.created.outcome.code, 'transport_failed');
        assert.equal(reply.created.ok, false);
        assert.equal(reply.created.token, null);
        assert.match(reply.created.requests[0].detail, new RegExp(`this tab shows ${b.origin}, not ${a.origin}`));
        for (const sim of [a, b]) {
          assert.deepEqual(sim.log.filter((e) => e.method === 'POST'), [], `no POST reached ${sim.origin}`);
        }
      }));
    });
  });
}
