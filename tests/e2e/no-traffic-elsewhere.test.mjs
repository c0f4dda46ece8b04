// Nothing but the Jira: records every request the browser makes while the user detects a Data
// Center site and tests a PAT (dc-9.12-cluster), and fails on any host other than the
// simulator's origin.
//
// Two recorders, so that one blind spot cannot hide a request:
// - Chromium's NetLog (`--log-net-log`): every URL request and host resolution of the whole
//   browser — tab, popup, service worker, the browser itself — written when the browser closes;
// - CDP `Network.enable` on the service worker and on the popup (both CDP targets, reached
//   through the browser session as tests/e2e/harness.mjs does): which context sent what. It is
//   also the positive control: the service worker must be seen talking to the simulator.
// A second test covers the browser transport's 1 MiB body cap with a 10 MB answer (the native
// transport's is in tests/malformed_inputs.rs).
// The launch is the harness's (a temp copy of dist/chrome with the simulator's origin as host
// permission, every other host mapped to NOTFOUND) plus the NetLog flag.

import assert from 'node:assert/strict';
import http from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { startSimulator } from '../simulator/server.mjs';
import { DIST, Popup, withTimeout } from './harness.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Schemes that are not network traffic. */
const LOCAL = /^(chrome-extension|chrome|devtools|data|blob|about|file):/;

async function launch(netlog) {
  const extDir = mkdtempSync(join(tmpdir(), 'jtw-ext-'));
  const profile = mkdtempSync(join(tmpdir(), 'jtw-profile-'));
  cpSync(DIST, extDir, { recursive: true });
  const manifestPath = join(extDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const cleanup = () => {
    rmSync(extDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const ctx = await withTimeout(20_000, 'launching chromium', chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        `--log-net-log=${netlog}`, '--net-log-capture-mode=Default',
        `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`,
      ],
    }));
    let [worker] = ctx.serviceWorkers();
    worker ??= await ctx.waitForEvent('serviceworker', { timeout: 10_000 });
    const extId = new URL(worker.url()).host;
    const cdp = await ctx.browser().newBrowserCDPSession();
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    return { ctx, extId, cdp, page, cleanup };
  } catch (err) {
    cleanup();
    throw err;
  }
}

async function targets(cdp, filter) {
  return (await cdp.send('Target.getTargets', filter ? { filter } : {})).targetInfos;
}

/**
 * Records `Network.requestWillBeSent` of one CDP target (non-flat session, like the harness's
 * popup) into `seen` as `{ from, url }`.
 */
async function recordTarget(cdp, targetId, from, seen) {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let id = 0;
  const pending = new Map();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const msg = JSON.parse(event.message);
    if (msg.id && pending.has(msg.id)) {
      pending.get(msg.id)(msg);
      pending.delete(msg.id);
    } else if (msg.method === 'Network.requestWillBeSent') {
      seen.push({ from, url: msg.params.request.url });
    }
  });
  const send = async (method) => {
    const mine = ++id;
    const reply = new Promise((resolve) => pending.set(mine, resolve));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method, params: {} }) });
    return withTimeout(5_000, `${from} ${method}`, reply);
  };
  await send('Network.enable');
  return sessionId;
}

/** Opens `url` in the tab and clicks the toolbar button (harness.mjs `openPopup`, trimmed). */
async function openPopup({ cdp, extId, page }, url, seen) {
  const popupUrl = `chrome-extension://${extId}/popup.html`;
  await page.goto(url, { waitUntil: 'load', timeout: 10_000 });
  const tab = (await targets(cdp, [{ type: 'tab' }])).find((t) => t.url === page.url());
  assert.ok(tab, `no tab target for ${page.url()}`);
  await sleep(150);
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await cdp.send('Extensions.triggerAction', { id: extId, targetId: tab.targetId }).catch(() => {});
    const until = Date.now() + 3_000;
    while (Date.now() < until) {
      const found = (await targets(cdp)).find((t) => t.url === popupUrl);
      if (found) {
        await recordTarget(cdp, found.targetId, 'popup', seen);
        return Popup.attach(cdp, found.targetId);
      }
      await sleep(50);
    }
    await sleep(300);
  }
  throw new Error('the popup did not open');
}

/**
 * The URL requests in a NetLog file: `{ url, initiator }` from every URL_REQUEST_START_JOB.
 * `initiator` is the requesting origin (`chrome-extension://<id>` for the extension, the page's
 * origin for its subresources) or `not an origin` for top-level navigations and the browser's
 * own services.
 */
function netlogRequests(file) {
  let text = readFileSync(file, 'utf8').trimEnd();
  // Chromium closes the JSON on a clean exit; tolerate a cut tail anyway.
  if (!text.endsWith('}')) text = `${text.replace(/,$/, '')}]}`;
  const log = JSON.parse(text);
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === startJob && e.params?.url)
    .map((e) => ({ url: e.params.url, initiator: e.params.initiator ?? 'not an origin' }));
}

test('detect → token test on Data Center: every request goes to the simulator and nowhere else', async (t) => {
  const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
  const dir = mkdtempSync(join(tmpdir(), 'jtw-netlog-'));
  const netlog = join(dir, 'netlog.json');
  const seen = [];
  let browser;
  let extId;
  try {
    browser = await launch(netlog);
    const { cdp } = browser;
    extId = browser.extId;
    const sw = (await targets(cdp)).find((x) => x.type === 'service_worker' && x.url.startsWith(`chrome-extension://${extId}/`));
    assert.ok(sw, 'the service worker is a CDP target');
    await recordTarget(cdp, sw.targetId, 'service worker', seen);

    const popup = await openPopup(browser, sim.url, seen);
    assert.equal(await popup.settled(), 'ready');
    await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
    await popup.eval((secret) => {
      const q = (id) => document.querySelector(`[data-testid="${id}"]`);
      q('test-secret').value = secret;
      q('test-run').click();
    }, sim.credentials.users.jdoe.pat);
    await popup.waitFor(() => {
      const node = document.querySelector('[data-testid=check]');
      return node && !node.hidden && document.querySelector('[data-testid=test-run]').getAttribute('aria-busy') === 'false';
    }, null, 15_000);
    assert.equal(await popup.text('verdict-code'), 'ok');
    await popup.close();
  } finally {
    await withTimeout(10_000, 'closing chromium', browser?.ctx.close() ?? Promise.resolve()).catch(() => {});
    browser?.cleanup();
    await sim.close();
  }

  try {
    // CDP: who sent what. The service worker must have talked to the simulator (the recorder
    // works); no context may have talked to anything else.
    const network = seen.filter((r) => !LOCAL.test(r.url));
    t.diagnostic(`CDP: ${network.length} requests (${[...new Set(network.map((r) => r.from))].join(', ')})`);
    assert.ok(network.some((r) => r.from === 'service worker' && r.url.startsWith(`${sim.origin}/rest/api/2/myself`)),
      `the service worker's token test was recorded: ${JSON.stringify(network)}`);
    const elsewhere = network.filter((r) => new URL(r.url).origin !== sim.origin);
    assert.deepEqual(elsewhere, [], 'no request to another origin (CDP)');

    // NetLog: the whole browser. What the extension or the simulator's page asked for must go to
    // the simulator; what nobody in the flow asked for (no initiator) is the browser's own
    // background services (update checks, account and autofill lookups — cut off by the
    // host-resolver rule, as on any machine without them) and is only listed, except a
    // navigation, which must be the simulator's page.
    assert.ok(existsSync(netlog), 'Chromium wrote its NetLog');
    const requests = netlogRequests(netlog).filter((r) => !LOCAL.test(r.url));
    const extOrigin = `chrome-extension://${extId}`;
    const ours = requests.filter((r) => r.initiator === extOrigin || r.initiator === sim.origin);
    const browserOwn = requests.filter((r) => !ours.includes(r) && new URL(r.url).origin !== sim.origin);
    t.diagnostic(`NetLog: ${requests.length} requests, ${ours.length} from the extension or the page`);
    for (const r of new Set(browserOwn.map((x) => new URL(x.url).origin))) t.diagnostic(`browser's own (not the extension's): ${r}`);
    assert.ok(ours.some((r) => r.initiator === extOrigin && r.url.startsWith(`${sim.origin}/rest/api/2/myself`)),
      "the NetLog saw the extension's token test");
    assert.deepEqual(ours.filter((r) => new URL(r.url).origin !== sim.origin), [],
      'no request from the extension or the page to another origin (NetLog)');
    const navigations = browserOwn.filter((r) => /^https?:/.test(r.url) && !/googleapis\.com|google\.com|gstatic\.com/.test(new URL(r.url).hostname));
    assert.deepEqual(navigations, [], "no other request outside Chromium's own Google services");
  } finally {
    if (!process.env.KEEP_NETLOG) rmSync(dir, { recursive: true, force: true }); else t.diagnostic(netlog);
  }
});

// The browser transport's body cap (src/wasm.rs `read_body`, 1 MiB): a Jira-looking page whose
// serverInfo answers 10 MB of JSON. The popup must settle quickly with the page's own facts and
// `server_info_unavailable` (a cut body is never trusted), and the server sees the reader stop.
test('the browser transport cuts a 10 MB answer at the cap', async () => {
  let written = 0;
  let aborted = false;
  const server = http.createServer((req, res) => {
    if (req.url.startsWith('/rest/api/2/serverInfo')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.on('close', () => { aborted = !res.writableFinished; });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      res.write('{"baseUrl":"');
      const pump = () => {
        while (written < 10 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end('","deploymentType":"Server"}');
      };
      pump();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<html><head><title>Jira</title><meta name="application-name" content="JIRA" data-name="jira" data-version="9.12.15">'
      + '<meta name="ajs-version-number" content="9.12.15"><meta name="ajs-context-path" content=""></head><body id="jira"></body></html>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const dir = mkdtempSync(join(tmpdir(), 'jtw-netlog-'));
  let browser;
  try {
    browser = await launch(join(dir, 'netlog.json'));
    const popup = await openPopup(browser, `${origin}/secure/Dashboard.jspa`, []);
    const started = Date.now();
    assert.equal(await popup.settled(15_000), 'ready');
    const ms = Date.now() - started;
    assert.ok(ms < 10_000, `settled in ${ms} ms`);
    await popup.waitFor(() => document.querySelector('[data-testid=warning-server_info_unavailable]'));
    const summary = await popup.eval(() => document.body.innerText);
    assert.match(summary, /9\.12\.15/, "the page's version is kept");
    assert.ok(summary.length < 20_000, 'the 10 MB answer is not on the screen');
  } finally {
    await withTimeout(10_000, 'closing chromium', browser?.ctx.close() ?? Promise.resolve()).catch(() => {});
    browser?.cleanup();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(aborted || written < 10 * 1024 * 1024, `the reader stopped early (${written} bytes written, aborted: ${aborted})`);
});
