// Request recording for the "no traffic elsewhere" E2E tests (no-traffic-elsewhere.test.mjs,
// gateway.test.mjs): a launch of the packaged extension with Chromium's NetLog on, a CDP
// recorder for the service worker and the popup, and a reader for the NetLog file.
//
// Two recorders, so that one blind spot cannot hide a request:
// - Chromium's NetLog (`--log-net-log`): every URL request and host resolution of the whole
//   browser — tab, popup, service worker, the browser itself — written when the browser closes;
// - CDP `Network.enable` on the service worker and on the popup (both CDP targets, reached
//   through the browser session as tests/e2e/harness.mjs does): which context sent what.
// The launch is the harness's (a temp copy of dist/chrome with the simulator's origin as host
// permission, every other host mapped to NOTFOUND) plus the NetLog flag and, for the gateway
// tests, Atlassian's gateway host mapped to a local TLS simulator.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DIST, Popup, withTimeout } from './harness.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Schemes that are not network traffic. */
export const LOCAL = /^(chrome-extension|chrome|devtools|data|blob|about|file):/;

/** The gateway the extension knows (the core's `Facts.gateway`, src/protocol/shell.rs). */
export const GATEWAY_ORIGIN = 'https://api.atlassian.com';

/**
 * Launches Chromium with a temp copy of dist/chrome and the NetLog written to `netlog`.
 * @param {string} netlog
 * @param {{hostPermissions?: string[], gatewayPort?: number | null, mapHosts?: Record<string, number>,
 *   atlassianSites?: boolean}} [options]
 *   hostPermissions: what the copy's manifest grants at install (headless Chromium cannot
 *   grant optional permissions through a prompt: build notes). gatewayPort: resolve
 *   `api.atlassian.com` to `127.0.0.1:gatewayPort` (a TLS simulator, its self-signed
 *   certificate accepted), so the extension talks to the real gateway URL it ships with.
 *   mapHosts: more host names resolved to `127.0.0.1:port` (TLS simulators, certificates
 *   accepted), e.g. an Atlassian site name (tests/e2e/hardening.test.mjs). atlassianSites:
 *   `*.atlassian.net` resolves to 127.0.0.1 with the URL's port kept, for Cloud simulators under
 *   Atlassian names (sites.mjs `startSite`), certificates accepted.
 */
export async function launchRecorded(netlog, { hostPermissions = ['http://127.0.0.1/*'], gatewayPort = null, mapHosts = {}, atlassianSites = false } = {}) {
  const extDir = mkdtempSync(join(tmpdir(), 'jtw-ext-'));
  const profile = mkdtempSync(join(tmpdir(), 'jtw-profile-'));
  cpSync(DIST, extDir, { recursive: true });
  const manifestPath = join(extDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = hostPermissions;
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  const cleanup = () => {
    rmSync(extDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  };
  const mapped = { ...(gatewayPort ? { 'api.atlassian.com': gatewayPort } : {}), ...mapHosts };
  const rules = Object.entries(mapped).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}, `).join('')
    + (atlassianSites ? 'MAP *.atlassian.net 127.0.0.1, ' : '');
  const gateway = [`--host-resolver-rules=${rules}MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`,
    ...(rules ? ['--ignore-certificate-errors'] : [])];
  try {
    const ctx = await withTimeout(20_000, 'launching chromium', chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        ...gateway,
        `--log-net-log=${netlog}`, '--net-log-capture-mode=Default',
        `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`,
      ],
    }));
    let [worker] = ctx.serviceWorkers();
    worker ??= await ctx.waitForEvent('serviceworker', { timeout: 10_000 });
    const extId = new URL(worker.url()).host;
    const cdp = await ctx.browser().newBrowserCDPSession();
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    return {
      ctx, extId, cdp, page, cleanup,
      async close() {
        await withTimeout(10_000, 'closing chromium', ctx.close()).catch(() => {});
        cleanup();
      },
    };
  } catch (err) {
    cleanup();
    throw err;
  }
}

export async function targets(cdp, filter) {
  return (await cdp.send('Target.getTargets', filter ? { filter } : {})).targetInfos;
}

/**
 * Records `Network.requestWillBeSent` of one CDP target (non-flat session, like the harness's
 * popup) into `seen` as `{ from, url, method }`.
 */
export async function recordTarget(cdp, targetId, from, seen) {
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
      seen.push({ from, url: msg.params.request.url, method: msg.params.request.method });
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

/** Starts recording the extension's service worker into `seen`. */
export async function recordServiceWorker({ cdp, extId }, seen) {
  const sw = (await targets(cdp)).find((x) => x.type === 'service_worker' && x.url.startsWith(`chrome-extension://${extId}/`));
  assert.ok(sw, 'the service worker is a CDP target');
  await recordTarget(cdp, sw.targetId, 'service worker', seen);
}

/** Opens `url` in the tab and clicks the toolbar button (harness.mjs `openPopup`, trimmed). */
export async function openPopup({ cdp, extId, page }, url, seen) {
  const popupUrl = `chrome-extension://${extId}/wizard.html`;
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
export function netlogRequests(file) {
  let text = readFileSync(file, 'utf8').trimEnd();
  // Chromium closes the JSON on a clean exit; tolerate a cut tail anyway.
  if (!text.endsWith('}')) text = `${text.replace(/,$/, '')}]}`;
  const log = JSON.parse(text);
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((e) => e.type === startJob && e.params?.url)
    .map((e) => ({ url: e.params.url, initiator: e.params.initiator ?? 'not an origin', method: e.params.method }));
}

/** Google services Chromium itself may try (cut off by the host-resolver rule). */
export const BROWSER_OWN = /googleapis\.com|google\.com|gstatic\.com/;

/**
 * Splits a NetLog's network requests into what the extension or the page `origin` asked for
 * and what nobody in the flow asked for (the browser's own background services).
 */
export function netlogSplit(file, extId, pageOrigin, allowed) {
  const requests = netlogRequests(file).filter((r) => !LOCAL.test(r.url));
  const extOrigin = `chrome-extension://${extId}`;
  const ours = requests.filter((r) => r.initiator === extOrigin || r.initiator === pageOrigin);
  const browserOwn = requests.filter((r) => !ours.includes(r) && !allowed.includes(new URL(r.url).origin));
  return { requests, ours, browserOwn, extOrigin };
}
