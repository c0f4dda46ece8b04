// What the shared flows (tests/e2e/flows/*.mjs) have in common: constants, the simulator's log
// filters, and the helpers that open a browser, a wizard or simulators and always close them.

import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { startSite } from '../sites.mjs';
import { launchBrowser } from '../browsers/index.mjs';
import { checkPicture } from '../pictures.mjs';

export const MASK = '••••••••';
/** What a host permission for the simulator is asked as: the host, no port. */
export const LOCAL_PATTERN = 'http://127.0.0.1/*';
export const GATEWAY_PATTERN = 'https://api.atlassian.com/*';
export const PAT_PAGE = '/secure/ViewProfile.jspa?selectedTab=com.atlassian.pats.pats-plugin:jira-user-personal-access-tokens';
/** Headless Chromium cannot answer a permission prompt (../../../shared/build-and-browser-testing.md). */
export const NO_PROMPTS = 'headless Chromium never shows a permission prompt; Firefox answers its real doorhanger';

export const authorized = (sim) => sim.log.filter((e) => e.hasAuthorization);
export const rest = (sim) => sim.log.filter((e) => e.path.includes('/rest/'));
export const portOf = (origin) => new URL(origin).port;

/** Launches `name` for one `describe` block and closes it after; `ctx.driver` holds it. */
export function withBrowser(name, options) {
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
export async function withWizard(driver, url, body) {
  const wizard = await driver.openWizard(url);
  try {
    return await body(wizard);
  } finally {
    await wizard.close();
  }
}

/** Starts simulators (Cloud ones under Atlassian names: ../sites.mjs), runs `body(...sims)`,
 *  always stops them. */
export async function withSims(scenarios, body) {
  const sims = await Promise.all(scenarios.map((s) => startSite(typeof s === 'string' ? { scenario: s } : s)));
  try {
    return await body(...sims);
  } finally {
    await Promise.all(sims.map((s) => s.close()));
  }
}

/**
 * After a test that works, step 3 folds to its line and step 4 opens: opens step 3 again with a
 * click on its heading, as a user does to read the verdict and its checklist.
 */
export const openTestStep = (wizard) => wizard.eval(() => {
  const button = document.querySelector('[data-testid=step-test-btn]');
  if (button && button.getAttribute('aria-expanded') === 'false' && !button.disabled) button.click();
});

/**
 * Waits until a token test has finished and its result or error is shown; with `unfold` (the
 * default), step 3 is opened again if the test worked and folded it.
 */
export async function testDone(wizard, { unfold = true } = {}) {
  await wizard.waitFor(() => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    return q('test-run').getAttribute('aria-busy') === 'false' && (!q('check').hidden || !q('test-error').hidden);
  }, null, 15_000);
  if (unfold) await openTestStep(wizard);
}

/** Fills the token-test form (target first: it may lock the method), clicks Test, waits
 *  (`unfold`: see `testDone`). */
export async function runCheck(wizard, { login, secret, auth = 'auto', target = 'generic', project = '', unfold = true }) {
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
  await testDone(wizard, { unfold });
  return before;
}

/** The secret is neither in the wizard's text nor in the extension's storage. */
export async function assertSecretNowhere(wizard, secret) {
  const text = await wizard.eval(() => document.body.innerText);
  assert.ok(!text.includes(secret), 'secret not in the wizard text');
  const stored = await wizard.eval(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    return JSON.stringify({ local: await api.storage.local.get(null), session: await api.storage.session.get(null) });
  });
  assert.ok(!stored.includes(secret), `secret not in extension storage: ${stored}`);
}

/** Clicks a copy button and returns what the clipboard then holds. */
export async function copied(wizard, testid, status = 'snippet-copied') {
  await wizard.writeClipboard('(clipboard before the copy)');
  await wizard.eval((id) => { document.querySelector(`[data-testid="${id}"]`).textContent = ''; }, status);
  await wizard.click(testid);
  await wizard.waitFor((id) => document.querySelector(`[data-testid="${id}"]`).textContent !== '', status);
  const said = await wizard.text(status);
  assert.doesNotMatch(said ?? '', /Could not copy|not copied/i, said);
  return wizard.readClipboard();
}

/** Opens "More" (the server-side commands and the report) with a click, unless it is open. */
export async function openMore(wizard) {
  if (!(await wizard.eval(() => document.querySelector('[data-testid=more]').open))) await wizard.click('more-toggle');
}

/** The connection block's values as shown: `{key: text}`. */
export const shownFields = (wizard) => wizard.eval(() => Object.fromEntries(
  [...document.querySelectorAll('[data-testid^="snippet-value-"]')]
    .map((n) => [n.dataset.testid.slice('snippet-value-'.length), n.textContent]),
));

/**
 * A page on this machine (`http://127.0.0.1:<port>`) that claims to be Jira Cloud at `site`
 * (`ajs-cloud-id`, `ajs-base-url`), whose REST answers a 404 but whose `/myself` would say 200
 * to any credential (SECURITY.md §7.1). `seen`: every request it got, with its Authorization.
 * @param {string} site  the Atlassian site it names
 */
export async function startFakeCloudPage(site) {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url, authorization: req.headers.authorization ?? null });
    if (req.url.startsWith('/rest/api/2/myself')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ accountId: 'x', emailAddress: 'admin@example.com', displayName: 'Phished', active: true }));
    }
    if (req.url.startsWith('/rest/') || req.url.startsWith('/_edge/')) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      return res.end('<html>not found</html>');
    }
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<html><head><title>Dashboards - Jira</title>
      <meta name="ajs-cloud-id" content="a436116f-02ce-4520-8fbb-7301462a1674">
      <meta name="ajs-base-url" content="${site}"></head><body><h1>Dashboards</h1></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/secure/Dashboard.jspa`,
    origin: `http://127.0.0.1:${server.address().port}`,
    seen,
    close: () => { server.closeAllConnections(); return new Promise((resolve) => server.close(resolve)); },
  };
}

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'screenshots');

/**
 * A picture of the wizard for the README: always under tests/e2e/artifacts/, and with
 * JTW_DOCS_SCREENSHOTS=1 also under docs/screenshots/ (committed; off by default because the
 * simulator's port, shown in the pictures, differs per run).
 */
export async function readmeShot(wizard, name) {
  const file = await wizard.screenshot(name);
  // The whole wizard page, one form (pictures.mjs; the driver measured it at capture time).
  checkPicture(name, readFileSync(file), wizard.lastShot, 'document');
  if (process.env.JTW_DOCS_SCREENSHOTS === '1') {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(file, join(DOCS, name));
  }
  return file;
}
