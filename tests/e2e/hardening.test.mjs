// Issue 11 in the real extension (SECURITY.md §7):
// 1. a page that only claims to be Jira Cloud gets no credential: the token test goes to the
//    Atlassian site it names (acme.atlassian.net, resolved to a TLS simulator), and the fake
//    page — whose serverInfo is a 404 but whose /myself would say 200 — sees no Authorization;
// 2. any secret gets a verdict: random secrets (Cyrillic, emoji, spaces, CR/LF, 1–2,000
//    characters) tested with Automatic on Data Center each end in a named verdict, and none
//    appears in the popup, the extension's storage or the simulator's log.
// Run: `node --test --test-concurrency=1 tests/e2e/hardening.test.mjs` (needs ./build.sh).

import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { launchRecorded, openPopup } from './recorder.mjs';
import { openTestStep } from './harness.mjs';

const SITE = 'https://acme.atlassian.net';

/** A page that says it is Jira Cloud at SITE; it records every request's headers. */
async function startFakeCloudPage() {
  const seen = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url, authorization: req.headers.authorization ?? null });
    if (req.url.startsWith('/rest/api/2/myself')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ accountId: 'x', emailAddress: 'admin@example.com', displayName: 'Phished', active: true }));
    }
    if (req.url.startsWith('/rest/')) {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      return res.end('<html>not found</html>');
    }
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<html><head><title>Dashboards - Jira</title>
      <meta name="ajs-cloud-id" content="c2a1b1e5-63a8-4c0d-9fd2-1d0d0ffb3b11">
      <meta name="ajs-base-url" content="${SITE}"></head><body><h1>Log in to Jira</h1></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/secure/Dashboard.jspa`,
    seen,
    close: () => { server.closeAllConnections(); return new Promise((resolve) => server.close(resolve)); },
  };
}

const waitVerdict = async (popup, ms = 20_000) => {
  await popup.waitFor(() => {
    const node = document.querySelector('[data-testid=check]');
    const error = document.querySelector('[data-testid=test-error]');
    const idle = document.querySelector('[data-testid=test-run]')?.getAttribute('aria-busy') === 'false';
    return idle && ((node && !node.hidden) || (error && !error.hidden));
  }, null, ms);
  await openTestStep(popup); // a test that works folds step 3: opened again to read it
};

test('a fake Cloud page gets no Authorization; the Atlassian site it names is tested', async () => {
  const fake = await startFakeCloudPage();
  const cloud = await startSimulator({ scenario: 'cloud', https: true });
  const dir = mkdtempSync(join(tmpdir(), 'jtw-hardening-'));
  const browser = await launchRecorded(join(dir, 'netlog.json'), {
    hostPermissions: ['http://127.0.0.1/*', 'https://*.atlassian.net/*'],
    mapHosts: { 'acme.atlassian.net': cloud.port },
  });
  try {
    const popup = await openPopup(browser, fake.url, []);
    assert.equal(await popup.settled(15_000), 'ready');
    const summary = await popup.text('summary') ?? await popup.eval(() => document.getElementById('summary')?.textContent);
    assert.match(summary, /acme\.atlassian\.net/);
    await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
    await popup.click('step-next-test'); // "I have the token — test it": step 3 opens
    assert.match(await popup.text('test-origin'), /https:\/\/acme\.atlassian\.net/);
    const admin = cloud.credentials.users.admin;
    await popup.eval(([login, secret]) => {
      const q = (id) => document.querySelector(`[data-testid="${id}"]`);
      q('test-login').value = login;
      q('test-secret').value = secret;
      q('test-run').click();
    }, [admin.login, admin.apiToken]);
    await waitVerdict(popup);
    assert.equal(await popup.text('verdict-code'), 'ok');
    await popup.close();
  } finally {
    await browser.close();
    await cloud.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(fake.seen.filter((r) => r.authorization !== null), [], 'the fake page saw no credential');
  assert.ok(fake.seen.every((r) => !r.url.startsWith('/rest/api/2/myself')), JSON.stringify(fake.seen));
  assert.ok(cloud.log.some((e) => JSON.stringify(e).includes('/rest/api/2/myself')), 'the Atlassian site was tested');
});

test('a fake Cloud page naming no Atlassian site: nothing is sent anywhere', async () => {
  const fake = await startFakeCloudPage();
  const dir = mkdtempSync(join(tmpdir(), 'jtw-hardening-'));
  // No access to *.atlassian.net: the popup asks for it; the fake page is never tested.
  const browser = await launchRecorded(join(dir, 'netlog.json'));
  try {
    const popup = await openPopup(browser, fake.url, []);
    assert.equal(await popup.settled(15_000), 'ready');
    await popup.waitFor(() => document.querySelector('[data-testid=warning-host_permission_needed]'));
    assert.match(await popup.text('allow-access'), /acme\.atlassian\.net/);
    assert.equal(await popup.eval(() => document.querySelector('[data-testid=token-test]').hidden), true);
    await popup.close();
  } finally {
    await browser.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual(fake.seen.filter((r) => r.authorization !== null), []);
});

const ALPHABETS = ['абвгдеёжзийклмнопрстуфхцчшщъыьэюяЁЖ', 'abcXYZ0123456789-_=+/', '🔑😀', ' \t', '\r\n', 'ÄÖÜßéñ€'];
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
function randomSecret(next) {
  const length = 1 + Math.floor(next() ** 3 * 2000);
  const chars = [];
  while (chars.length < length) {
    const alphabet = [...ALPHABETS[Math.floor(next() * ALPHABETS.length)]];
    chars.push(alphabet[Math.floor(next() * alphabet.length)]);
  }
  const s = chars.join('');
  return /\S/.test(s) ? s : `${s}ж`;
}

test('random secrets in the popup: each ends in a named verdict, none is kept anywhere', async () => {
  const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
  const dir = mkdtempSync(join(tmpdir(), 'jtw-hardening-'));
  const browser = await launchRecorded(join(dir, 'netlog.json'));
  const next = rng(Number(process.env.JTW_SEED ?? 11));
  const secrets = [];
  try {
    const popup = await openPopup(browser, sim.url, []);
    assert.equal(await popup.settled(15_000), 'ready');
    await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
    for (let i = 0; i < 12; i += 1) {
      const secret = i === 0 ? 'пароль' : randomSecret(next);
      secrets.push(secret);
      const auth = i % 2 === 0 ? 'auto' : 'basic';
      await popup.eval(([s, a]) => {
        const q = (id) => document.querySelector(`[data-testid="${id}"]`);
        q('test-login').value = 'admin';
        q('test-auth').value = a;
        q('test-secret').value = s;
        q('test-run').click();
      }, [secret, auth]);
      await waitVerdict(popup, 15_000);
      const code = await popup.text('verdict-code');
      assert.match(code ?? '', /^[a-z_]+$/, `case ${i} (${auth}, ${secret.length} chars): no verdict`);
      assert.notEqual(code, 'unreachable', `case ${i}`);
      // Automatic reads the secret: a Cyrillic password with a login goes as that password.
      if (i === 0) assert.equal(code, 'credentials_rejected', 'a Cyrillic password under Automatic');
    }
    // The page: the secret only in its own field (cleared here), nowhere in the DOM.
    await popup.eval(() => { document.querySelector('[data-testid="test-secret"]').value = ''; });
    const page = await popup.eval(() => document.documentElement.outerHTML + JSON.stringify([...document.querySelectorAll('input,textarea')].map((n) => n.value)));
    const [worker] = browser.ctx.serviceWorkers();
    const storage = JSON.stringify(await worker.evaluate(() => chrome.storage.local.get(null)));
    for (const s of secrets) {
      const visible = s.trim();
      if (visible.length < 4) continue;
      assert.ok(!page.includes(visible), 'a secret in the popup');
      assert.ok(!storage.includes(visible), 'a secret in storage');
      assert.ok(!JSON.stringify(sim.log).includes(visible), "a secret in the simulator's log");
    }
    await popup.close();
  } finally {
    await browser.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
