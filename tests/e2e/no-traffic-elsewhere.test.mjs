// Nothing but the Jira: records every request the browser makes while the user detects a Data
// Center site and tests a PAT (dc-9.12-cluster), and fails on any host other than the
// simulator's origin.
//
// Two recorders (tests/e2e/recorder.mjs), so that one blind spot cannot hide a request:
// Chromium's NetLog for the whole browser and CDP `Network.enable` on the service worker and
// the popup. The CDP recorder is also the positive control: the service worker must be seen
// talking to the simulator. Strict: not even Atlassian's gateway is allowed here — only
// tests/e2e/gateway.test.mjs, the scoped-token scenario, lets api.atlassian.com through.
// A second test covers the browser transport's 1 MiB body cap with a 10 MB answer (the native
// transport's is in tests/malformed_inputs.rs).
// The launch (recorder.mjs) is the harness's (a temp copy of dist/chrome with the simulator's
// origin as host permission, every other host mapped to NOTFOUND) plus the NetLog flag.

import assert from 'node:assert/strict';
import http from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { openTestStep, withTimeout } from './harness.mjs';
import { BROWSER_OWN, LOCAL, launchRecorded as launch, netlogSplit, openPopup, recordServiceWorker } from './recorder.mjs';

test('detect → token test on Data Center: every request goes to the simulator and nowhere else', async (t) => {
  const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
  const dir = mkdtempSync(join(tmpdir(), 'jtw-netlog-'));
  const netlog = join(dir, 'netlog.json');
  const seen = [];
  let browser;
  let extId;
  try {
    browser = await launch(netlog);
    extId = browser.extId;
    await recordServiceWorker(browser, seen);

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
    await openTestStep(popup);
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
    const { requests, ours, browserOwn, extOrigin } = netlogSplit(netlog, extId, sim.origin, [sim.origin]);
    t.diagnostic(`NetLog: ${requests.length} requests, ${ours.length} from the extension or the page`);
    for (const r of new Set(browserOwn.map((x) => new URL(x.url).origin))) t.diagnostic(`browser's own (not the extension's): ${r}`);
    assert.ok(ours.some((r) => r.initiator === extOrigin && r.url.startsWith(`${sim.origin}/rest/api/2/myself`)),
      "the NetLog saw the extension's token test");
    assert.deepEqual(ours.filter((r) => new URL(r.url).origin !== sim.origin), [],
      'no request from the extension or the page to another origin (NetLog)');
    const navigations = browserOwn.filter((r) => /^https?:/.test(r.url) && !BROWSER_OWN.test(new URL(r.url).hostname));
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
      // A chunk every few milliseconds, as a server streaming a large answer does: on loopback a
      // tight loop hands all 10 MB to the browser's network buffers before the reader's cancel
      // can arrive, and the test would then measure buffering, not the transport's cap.
      const pump = () => {
        if (res.destroyed) return;
        if (written >= 10 * 1024 * 1024) return res.end('","deploymentType":"Server"}');
        written += chunk.length;
        if (!res.write(chunk)) return res.once('drain', () => setTimeout(pump, 5));
        setTimeout(pump, 5);
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
