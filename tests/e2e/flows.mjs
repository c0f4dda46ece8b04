// The core flows, written once and run in each browser the extension ships for: Chromium
// (flows.test.mjs) and Firefox (firefox/flows.test.mjs), through the browser-neutral drivers
// in browsers/. A flow talks to the wizard only through the `Wizard` interface (browsers/index.mjs)
// and checks what the Jira simulator saw; where a browser cannot do a step headlessly (headless
// Chromium never shows a permission prompt) the flow says so with a skip and its reason.
//
// Flows: detection (Cloud; Data Center under a context path; Confluence and a plain page are not
// Jira; a page the extension cannot read), a typed address on a non-default port, host access
// refused and granted, token tests (works; credentials_rejected; captcha_required;
// token_not_recognized while the browser holds a session), a target's connection block and its
// copy buttons, the report (copied and downloaded), one-click PAT creation, and a scoped Cloud
// token through Atlassian's gateway.
//
// Ports: the simulator listens on a random port (never 80 or 443), so every flow is "Jira on a
// non-default port" (Jira's own default is 8080); the host permission the wizard asks for and
// checks is the host's, any port (extension/browser.js `originPattern`).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { answersPermissionPrompts, launchBrowser } from './browsers/index.mjs';

const MASK = '••••••••';
/** What a host permission for the simulator is asked as: the host, no port. */
const LOCAL_PATTERN = 'http://127.0.0.1/*';
const GATEWAY_PATTERN = 'https://api.atlassian.com/*';
const PAT_PAGE = '/secure/ViewProfile.jspa?selectedTab=com.atlassian.pats.pats-plugin:jira-user-personal-access-tokens';
/** Headless Chromium cannot answer a permission prompt (../../../shared/build-and-browser-testing.md). */
const NO_PROMPTS = 'headless Chromium never shows a permission prompt; Firefox answers its real doorhanger';

const authorized = (sim) => sim.log.filter((e) => e.hasAuthorization);
const rest = (sim) => sim.log.filter((e) => e.path.includes('/rest/'));
const portOf = (origin) => new URL(origin).port;

/** Launches `name` for one `describe` block and closes it after; `ctx.driver` holds it. */
function withBrowser(name, options) {
  const ctx = { driver: null };
  before(async () => {
    ctx.driver = await launchBrowser(name, options);
  });
  after(async () => {
    await ctx.driver?.close();
  });
  return ctx;
}

/** Opens the wizard for `url`, runs `body(wizard)`, always closes the wizard. */
async function withWizard(driver, url, body) {
  const wizard = await driver.openWizard(url);
  try {
    return await body(wizard);
  } finally {
    await wizard.close();
  }
}

/** Starts simulators, runs `body(...sims)`, always stops them. */
async function withSims(scenarios, body) {
  const sims = await Promise.all(scenarios.map((s) => startSimulator(typeof s === 'string' ? { scenario: s } : s)));
  try {
    return await body(...sims);
  } finally {
    await Promise.all(sims.map((s) => s.close()));
  }
}

/** Waits until a token test has finished and its result or error is shown. */
function testDone(wizard) {
  return wizard.waitFor(() => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    return q('test-run').getAttribute('aria-busy') === 'false' && (!q('check').hidden || !q('test-error').hidden);
  }, null, 15_000);
}

/** Fills the token-test form (target first: it may lock the method), clicks Test, waits. */
async function runCheck(wizard, { login, secret, auth = 'auto', target = 'generic', project = '' }) {
  await wizard.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
  const before = await wizard.eval(([tg, l, s, a, p]) => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    q('test-target').value = tg;
    q('test-target').dispatchEvent(new Event('change'));
    const prefilled = q('test-login').value;
    if (l !== null) q('test-login').value = l;
    q('test-secret').value = s;
    if (!q('test-auth').disabled) {
      q('test-auth').value = a;
      q('test-auth').dispatchEvent(new Event('change'));
    }
    q('test-project').value = p;
    q('test-run').click();
    return { prefilled, secretType: q('test-secret').type, busy: q('test-run').getAttribute('aria-busy') };
  }, [target, login ?? null, secret, auth, project]);
  assert.equal(before.secretType, 'password');
  assert.equal(before.busy, 'true', 'the Test button shows progress');
  await testDone(wizard);
  return before;
}

/** The secret is neither in the wizard's text nor in the extension's storage. */
async function assertSecretNowhere(wizard, secret) {
  const text = await wizard.eval(() => document.body.innerText);
  assert.ok(!text.includes(secret), 'secret not in the wizard text');
  const stored = await wizard.eval(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    return JSON.stringify({ local: await api.storage.local.get(null), session: await api.storage.session.get(null) });
  });
  assert.ok(!stored.includes(secret), `secret not in extension storage: ${stored}`);
}

/** Clicks a copy button and returns what the clipboard then holds. */
async function copied(wizard, testid, status = 'snippet-copied') {
  await wizard.writeClipboard('(clipboard before the copy)');
  await wizard.eval((id) => { document.querySelector(`[data-testid="${id}"]`).textContent = ''; }, status);
  await wizard.click(testid);
  await wizard.waitFor((id) => document.querySelector(`[data-testid="${id}"]`).textContent !== '', status);
  const said = await wizard.text(status);
  assert.doesNotMatch(said ?? '', /Could not copy|not copied/i, said);
  return wizard.readClipboard();
}

/** The connection block's values as shown: `{key: text}`. */
const shownFields = (wizard) => wizard.eval(() => Object.fromEntries(
  [...document.querySelectorAll('[data-testid^="snippet-value-"]')]
    .map((n) => [n.dataset.testid.slice('snippet-value-'.length), n.textContent]),
));

/**
 * Registers the core flows for `name` ('chromium' | 'firefox').
 * @param {'chromium'|'firefox'} name
 */
export function coreFlows(name) {
  const prompts = answersPermissionPrompts(name);
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
        assert.equal(await w.text('detail-hosting'), 'Cloud');
        assert.equal(await w.text('detail-cloudId'), 'a436116f-02ce-4520-8fbb-7301462a1674');
        assert.equal(await w.attr('token-page', 'data-url'), 'https://id.atlassian.com/manage-profile/security/api-tokens');
        assert.match(await w.text('steps'), /Create API token/);
        assert.equal(await w.text('url-form'), null, 'no URL field on a Jira tab');
        assert.ok(rest(sim).some((e) => e.path === '/rest/api/2/serverInfo'), 'serverInfo was asked');
        assert.ok(rest(sim).every((e) => !e.hasCookie && !e.hasAuthorization), 'credentials: omit on REST');
        await w.screenshot(`${name}-cloud.png`);
      }));
    });

    test('Data Center under a context path, on a non-default port', async () => {
      await withSims(['context-path-mismatch'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        assert.notEqual(portOf(sim.origin), '', 'the simulator is on a port of its own');
        assert.equal(await w.settled(), 'ready');
        assert.match(await w.text('summary'), /^Jira (Server\/)?Data Center 9\.12\.15 at https:\/\/jira\.corp\.example\/jira$/);
        assert.equal(await w.text('detail-version'), '9.12.15');
        assert.equal(await w.text('detail-build'), '9120015');
        assert.equal(await w.text('detail-contextPath'), '/jira');
        assert.match(await w.text('warning-base_url_mismatch'), /base URL/);
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

    test('ELMA365: the connection block, masked; its copy buttons copy masked or revealed', async () => {
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

        const masked = await copied(w, 'snippet-copy-all');
        // The simulator is plain http://: the block repeats insecure_http first (SECURITY.md §7.7).
        assert.ok(masked.startsWith('⚠ The credential travels unencrypted\nELMA365 — Jira connection\n'), masked);
        assert.ok(masked.includes(`Password: ${MASK}`), masked);
        assert.ok(!masked.includes(secret));
        assert.equal(await copied(w, 'snippet-copy-login'), 'admin');
        assert.equal(await copied(w, 'snippet-copy-password'), MASK);

        await w.click('snippet-reveal');
        assert.equal(await w.attr('snippet-reveal', 'aria-pressed'), 'true');
        assert.equal((await shownFields(w)).password, secret);
        const revealed = await copied(w, 'snippet-copy-all');
        assert.ok(revealed.includes(`Password: ${secret}\n`), revealed);
        assert.match(await w.text('snippet-copied'), /with the secret/);
        assert.equal(JSON.parse(await copied(w, 'snippet-copy-json')).fields.password, secret);
        await w.click('snippet-reveal');
        assert.equal((await shownFields(w)).password, MASK);
        await w.screenshot(`${name}-snippet.png`);
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

    // Firefox: the POST goes out with `Origin: moz-extension://<uuid>`, which Jira's XSRF origin
    // check does not accept (only chrome-extension:// and safari-extension://, facts §4.8): 403
    // "XSRF check failed", shown as pat_xsrf_rejected. A known bug, kept visible as a TODO.
    const patTodo = name === 'firefox'
      && 'Firefox sends Origin: moz-extension://…, which Jira\'s XSRF check refuses (pat_xsrf_rejected)';
    test('one-click PAT: one POST with the Jira session, the token shown and tested', { todo: patTodo }, async () => {
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
        assert.equal(await w.text('pat-outcome-code'), 'pat_created', `POST answered ${post.status}`);
        const token = await w.eval(() => document.querySelector('[data-testid=pat-token]').value);
        assert.match(token, /^[A-Za-z0-9+/=]{20,}$/);
        await testDone(w);
        assert.equal(await w.text('verdict-code'), 'ok');
        assert.equal(await copied(w, 'pat-copy', 'pat-copied'), token);
        await assertSecretNowhere(w, token);
      }));
    });
  });

  describe(`${name}: without host access`, () => {
    const ctx = withBrowser(name, { hostPermission: false });

    test('the page alone is read after the toolbar click; Allow access refused', async () => {
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        assert.match(await w.text('summary'), /^Jira .*9\.12\.15/);
        assert.equal(await w.text('detail-version'), '9.12.15');
        assert.equal(await w.attr('method', 'data-method'), 'pat');
        assert.notEqual(await w.text('warning-host_permission_needed'), null);
        assert.equal(await w.text('allow-access'), `Allow access to ${sim.origin}`, 'the origin, with its port');
        const asked = await w.withPermissionPrompt('deny', () => w.click('allow-access'));
        assert.deepEqual(asked, [{ origins: [LOCAL_PATTERN] }], 'the host is asked for, not host:port');
        await w.waitFor(() => /not granted|denied/i.test(document.querySelector('[data-testid=warnings]').textContent));
        assert.notEqual(await w.text('allow-access'), null, 'the offer stays');
        assert.equal(await w.text('token-test'), null, 'no token test without access');
        assert.deepEqual(rest(sim), [], 'no REST request without access');
      }));
    });

    test('the service worker refuses check and create_pat for an origin it has no access to', async () => {
      // The popup never sends these without access; a page of ours that did (a bug, or a
      // detection claiming it reached Jira) must still be refused by the worker, and nothing
      // may reach the origin: not the credential, not the session, not even a preflight.
      await withSims(['dc-9.12-cluster'], (sim) => withWizard(ctx.driver, sim.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        const asked = await w.eval(async ([url, baseUrl]) => {
          const send = (m) => (globalThis.browser ?? chrome).runtime.sendMessage(m);
          const detected = await send({ type: 'detect_url', url });
          const detection = structuredClone(detected.detection);
          // What a detection with access says: it reached Jira at this base URL.
          detection.deployment = { ...detection.deployment, reachedBaseUrl: baseUrl };
          const input = {
            login: 'admin', secret: 'NDAyNjM5NzQ3NTk2OtestTOKENvalue1234', auth: 'auto', target: 'generic',
            project: null, requiredPermissions: [], gateway: null, keyMaterial: null, now: new Date().toISOString(),
          };
          return {
            detected: detected.ok,
            allowed: detected.allowFetch,
            check: await send({ type: 'check', detection, input }),
            pat: await send({ type: 'create_pat', detection, name: 'wizard', expirationDays: 30 }),
          };
        }, [sim.url, sim.baseUrl]);
        assert.equal(asked.detected, true);
        assert.equal(asked.allowed, false, 'the detection itself says there is no access');
        assert.deepEqual(asked.check, { ok: false, error: { code: 'host_not_allowed', message: sim.origin } });
        assert.deepEqual(asked.pat, { ok: false, error: { code: 'host_not_allowed', message: sim.origin } });
        assert.deepEqual(rest(sim), [], 'nothing reached the origin: no credential, no session, no preflight');
        assert.deepEqual(authorized(sim), []);
      }));
    });

    test('a typed address refused at the prompt: said, nothing asked', async () => {
      await withSims(['confluence', 'dc-10.3'], (confluence, jira) => withWizard(ctx.driver, confluence.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        assert.match(await w.text('summary'), /Confluence.*not Jira/);
        const asked = await w.withPermissionPrompt('deny', () => w.submit('url-input', `${jira.origin}/`));
        assert.deepEqual(asked, [{ origins: [LOCAL_PATTERN] }]);
        await w.waitFor(() => !document.querySelector('[data-testid=url-error]').hidden);
        assert.match(await w.text('url-error'), /not granted|denied/i);
        assert.deepEqual(jira.log, [], 'nothing asked of the typed Jira');
      }));
    });

    test('Allow access granted at the prompt: detected again with REST, then every port of the host works', { skip: !prompts && NO_PROMPTS }, async () => {
      await withSims(['dc-9.12-cluster', 'dc-10.3'], async (sim, other) => {
        await withWizard(ctx.driver, sim.url, async (w) => {
          assert.equal(await w.settled(), 'ready');
          assert.notEqual(await w.text('warning-host_permission_needed'), null);
          const asked = await w.withPermissionPrompt('allow', () => w.click('allow-access'));
          assert.deepEqual(asked, [{ origins: [LOCAL_PATTERN] }]);
          await w.waitFor(() => document.querySelector('[data-testid=warning-host_permission_needed]') === null, null, 10_000);
          assert.equal(await w.settled(), 'ready');
          assert.equal(await w.text('summary'), `Jira Data Center 9.12.15 at ${sim.baseUrl}`);
          assert.equal(await w.text('detail-clusterNode'), 'jira_node_1');
          assert.ok(rest(sim).some((e) => e.path === '/rest/api/2/serverInfo'), 'serverInfo asked once allowed');
          const held = await w.eval(() => (globalThis.browser ?? chrome).permissions.getAll());
          assert.deepEqual(held.origins, [LOCAL_PATTERN]);
        });
        // Another Jira on another port of the same host: no new prompt, straight to REST.
        assert.notEqual(portOf(other.origin), portOf(sim.origin));
        await withWizard(ctx.driver, other.url, async (w) => {
          assert.equal(await w.settled(), 'ready');
          assert.match(await w.text('summary'), /^Jira .*10\.3/);
          assert.equal(await w.text('warning-host_permission_needed'), null);
          assert.ok(rest(other).some((e) => e.path === '/rest/api/2/serverInfo'));
        });
      });
    });
  });

  describe(`${name}: a scoped Cloud token through api.atlassian.com`, () => {
    /** @type {{ driver: any, site: any, gateway: any }} */
    const ctx = { driver: null, site: null, gateway: null };
    before(async () => {
      ctx.site = await startSimulator({ scenario: 'cloud' });
      ctx.gateway = await startSimulator({ scenario: 'cloud', https: true });
      // Chromium cannot answer the prompt: the gateway is granted at install there, and the
      // request then resolves without one. Firefox starts without it and shows its doorhanger.
      ctx.driver = await launchBrowser(name, {
        hostPermission: true, gatewayPermission: !prompts, gatewayPort: Number(portOf(ctx.gateway.origin)),
      });
    });
    after(async () => {
      await ctx.driver?.close();
      await ctx.site?.close();
      await ctx.gateway?.close();
    });

    test('refused, then allowed: the token goes to the gateway only after the allowed click', async () => {
      const { driver, site, gateway } = ctx;
      await withWizard(driver, site.url, async (w) => {
        assert.equal(await w.settled(), 'ready');
        assert.match(await w.text('summary'), /^Jira Cloud\b/);
        const svc = site.credentials.users['svc-sync'];
        await runCheck(w, { login: svc.login, secret: svc.scopedToken });
        assert.equal(await w.text('verdict-code'), 'scoped_token_needs_gateway');
        assert.equal(await w.text('gateway-try'), 'Test through api.atlassian.com');
        assert.deepEqual(gateway.log, [], 'nothing reached the gateway before the click');

        const refused = await w.withPermissionPrompt('deny', () => w.click('gateway-try'));
        assert.deepEqual(refused, [{ origins: [GATEWAY_PATTERN] }]);
        await w.waitFor(() => !document.querySelector('[data-testid=gateway-denied]').hidden);
        assert.equal(await w.text('gateway-denied'), 'Access to api.atlassian.com was not granted, so the token was not sent there.');
        assert.deepEqual(gateway.log, [], 'nothing reached the gateway after the refusal');

        const allowed = await w.withPermissionPrompt('allow', () => w.click('gateway-try'));
        assert.deepEqual(allowed, [{ origins: [GATEWAY_PATTERN] }]);
        // Issue 13: through the gateway the token is tested in full: `ok`, with works_via_gateway.
        await w.waitFor(() => document.querySelector('[data-testid=gateway]').hidden
          && document.querySelector('[data-testid=verdict-code]').textContent === 'ok', null, 15_000);
        await testDone(w);
        // It works, but only through the gateway: ok, amber, the gateway URL in the block.
        const base = `https://api.atlassian.com/ex/jira/${site.credentials.cloudId}`;
        assert.equal(await w.text('verdict-code'), 'ok');
        assert.equal(await w.attr('verdict', 'data-via-gateway'), 'true');
        assert.ok((await w.text('check-warning-works_via_gateway')).includes(base));
        assert.equal(await w.text('snippet-value-url'), base);
        assert.equal(await w.attr('check-user', 'data-ok'), 'true');
        const atGateway = gateway.log.filter((r) => r.path.startsWith('/ex/jira/'));
        assert.deepEqual(atGateway.map((r) => `${r.method} ${r.path.split('?')[0]} ${r.authScheme} cookie:${r.hasCookie}`).sort(),
          [`GET /ex/jira/${site.credentials.cloudId}/rest/api/2/myself basic cookie:false`,
            `GET /ex/jira/${site.credentials.cloudId}/rest/api/2/mypermissions basic cookie:false`,
            `GET /ex/jira/${site.credentials.cloudId}/rest/api/2/project basic cookie:false`].sort(),
          '/myself, the permissions and the projects through the gateway, no cookie');
        assert.deepEqual(gateway.log.filter((r) => !r.path.startsWith('/ex/jira/')), [], 'nothing else asked of the gateway');
        await w.screenshot(`${name}-gateway.png`);
      });
      if (driver.offsite) assert.deepEqual(driver.offsite, [], 'no request left for any other host');
    });
  });
}

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
        assert.equal(await w.text('snippet-copied'),
          'Copied, with the secret. In 60 s the clipboard is cleared if it still holds it.');
        await w.click('lang-ru');
        await w.waitFor(() => /Через 60 с/.test(document.querySelector('[data-testid=snippet-copied]').textContent));
        await w.click('lang-en');
        await w.click('snippet-reveal');
        await assertSecretNowhere(w, secret); // only its digest is kept, in session storage
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
