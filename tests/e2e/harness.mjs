// E2E harness: the packaged extension (dist/chrome) in headless Debian Chromium, driven the way
// a user drives it — open a page in a tab, click the toolbar button, read the wizard it opens.
// The wizard is the extension's side panel (`wizard.html`: the names `openPopup`/`Popup` are
// older than the panel); the toolbar click opens it through `action.onClicked`.
//
// Recipe and quirks (../../../shared/build-and-browser-testing.md, "Headless E2E recipe"):
// - never download a browser: playwright-core + /usr/bin/chromium;
// - headless Chromium cannot grant optional permissions (`permissions.request` never resolves),
//   so a temp copy of dist/chrome gets `host_permissions: ["http://127.0.0.1/*",
//   "https://*.atlassian.net/*"]` (any port) unless a test wants the real, minimal manifest;
// - Cloud scenarios are Atlassian names (sites.mjs): `*.atlassian.net` resolves to 127.0.0.1,
//   port kept, and the simulators' self-signed certificates are accepted;
// - a toolbar click is CDP `Extensions.triggerAction` with the *tab* target id; right after a
//   load it fails now and then, so wait for the load to settle and retry once;
// - the side panel is a CDP target but not a Playwright page: we attach to it through the
//   browser session and talk to it with `Target.sendMessageToTarget` (non-flat session);
//   `Target.closeTarget` closes it.
// Every wait has a timeout; `close()` always ends the browser and removes the temp dirs.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { grantClipboard } from './manifest-copy.mjs';
import { ATLASSIAN_PATTERN } from './sites.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist', 'chrome');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` with a deadline; rejects with `what` when it takes longer than `ms`. */
export async function withTimeout(ms, what, promise) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Launches Chromium with the extension.
 * @param {{ hostPermission?: boolean, hostPermissions?: string[], gatewayPort?: number | null,
 *   permissions?: string[], testClock?: boolean }} [options]
 *   permissions: API permissions added to the copy's `permissions` (an optional one granted at
 *   install); testClock: tests/e2e/test-clock.js copied over extension/clock.js.
 *   hostPermission (default true): add `http://127.0.0.1/*` and `https://*.atlassian.net/*` to
 *   host_permissions of the temp copy (the simulator's origins: sites.mjs); hostPermissions:
 *   that list instead; gatewayPort: resolve
 *   `api.atlassian.com` to `127.0.0.1:gatewayPort` (a TLS simulator, its self-signed certificate
 *   accepted), as recorder.mjs does; mapHosts: more names (port 443) resolved to
 *   `127.0.0.1:port`; extraArgs: more Chromium flags (a NetLog); dist: the packaged extension
 *   copied (default dist/chrome; the benchmark's *before* build).
 */
/**
 * After a test that works, step 3 folds to its line and step 4 opens: opens step 3 again with a
 * click on its heading, as a user does to read the verdict and its checklist.
 * @param {{eval: (fn: Function, arg?: unknown) => Promise<unknown>}} popup
 */
export const openTestStep = (popup) => popup.eval(() => {
  const button = document.querySelector('[data-testid=step-test-btn]');
  if (button && button.getAttribute('aria-expanded') === 'false' && !button.disabled) button.click();
});

export async function launchExtension({
  hostPermission = true, hostPermissions = null, gatewayPort = null, mapHosts = {}, extraArgs = [], clipboardPermission = true,
  permissions = [], testClock = false, dist = DIST,
} = {}) {
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run ./build.sh first`);
  const started = Date.now();
  const extDir = mkdtempSync(join(tmpdir(), 'jtw-ext-'));
  const profile = mkdtempSync(join(tmpdir(), 'jtw-profile-'));
  cpSync(dist, extDir, { recursive: true });
  const granted = hostPermissions ?? (hostPermission ? ['http://127.0.0.1/*', ATLASSIAN_PATTERN] : []);
  if (granted.length || clipboardPermission || permissions.length) {
    const manifestPath = join(extDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (granted.length) manifest.host_permissions = granted;
    if (clipboardPermission) grantClipboard(manifest, clipboardPermission);
    // Optional API permissions granted at install (no prompt can be answered headless).
    if (permissions.length) {
      manifest.permissions = [...manifest.permissions, ...permissions];
      manifest.optional_permissions = (manifest.optional_permissions ?? []).filter((p) => !permissions.includes(p));
    }
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  }
  // The test clock (test-clock.js over clock.js): time moved forward by the test.
  if (testClock) cpSync(join(ROOT, 'tests', 'e2e', 'test-clock.js'), join(extDir, 'clock.js'));
  // Nothing leaves the machine: every host but the simulators' fails DNS at once (127.0.0.1, and
  // localhost — the panel flows' tab the wizard may not read). Atlassian site names (sites.mjs)
  // reach 127.0.0.1 on the port in their URL; the stand-in gateway `api.atlassian.com` (port 443)
  // reaches 127.0.0.1:gatewayPort. Both serve TLS with self-signed certificates, accepted.
  // `mapHosts`: more names (port 443) to TLS simulators — a Cloud family's gateway and
  // authorization server. Government Cloud's sites are Atlassian names too (sites.mjs).
  const mapped = { ...(gatewayPort ? { 'api.atlassian.com': gatewayPort } : {}), ...mapHosts };
  const gateway = Object.entries(mapped).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}, `).join('');
  const network = [`--host-resolver-rules=${gateway}MAP *.atlassian.net 127.0.0.1, MAP *.atlassian-us-gov-mod.net 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost`,
    '--ignore-certificate-errors', ...extraArgs];
  const cleanup = () => {
    rmSync(extDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  };
  let ctx;
  try {
    ctx = await withTimeout(20_000, 'launching chromium', chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1000, height: 700 },
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        ...network,
        `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`,
      ],
    }));
    let [worker] = ctx.serviceWorkers();
    worker ??= await ctx.waitForEvent('serviceworker', { timeout: 10_000 });
    const extId = new URL(worker.url()).host;
    const cdp = await ctx.browser().newBrowserCDPSession();
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const ext = {
      ctx, extId, cdp, page, worker, launchMs: Date.now() - started,
      /** Opens `url` in the tab, clicks the toolbar button and returns the side panel. */
      openPopup: (url) => openPopup(ext, url),
      async close() {
        await withTimeout(10_000, 'closing chromium', ctx.close()).catch(() => {});
        cleanup();
      },
    };
    return ext;
  } catch (err) {
    await ctx?.close().catch(() => {});
    cleanup();
    throw err;
  }
}

async function targets(cdp, filter) {
  const { targetInfos } = await cdp.send('Target.getTargets', filter ? { filter } : {});
  return targetInfos;
}

async function openPopup(ext, url) {
  const { cdp, extId, page } = ext;
  const popupUrl = `chrome-extension://${extId}/wizard.html`;
  for (const t of await targets(cdp)) {
    if (t.url === popupUrl) await closeTarget(cdp, t.targetId);
  }
  await page.goto(url, { waitUntil: 'load', timeout: 10_000 });
  const tab = (await targets(cdp, [{ type: 'tab' }])).find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await sleep(150); // let the load settle (build notes: the first trigger may fail otherwise)
  let popup;
  for (let attempt = 1; attempt <= 2 && !popup; attempt += 1) {
    try {
      await cdp.send('Extensions.triggerAction', { id: extId, targetId: tab.targetId });
    } catch (err) {
      if (attempt === 2) throw err;
      await sleep(400);
      continue;
    }
    popup = await waitForTarget(cdp, popupUrl, attempt === 1 ? 2_000 : 5_000);
    if (!popup && attempt === 1) await sleep(300);
  }
  if (!popup) throw new Error('the popup did not open');
  return Popup.attach(cdp, popup.targetId);
}

/** Closes a target and waits until it is gone (it may already be closing). */
async function closeTarget(cdp, targetId, ms = 3_000) {
  await cdp.send('Target.closeTarget', { targetId }).catch(() => {});
  const until = Date.now() + ms;
  while (Date.now() < until && (await targets(cdp)).some((t) => t.targetId === targetId)) await sleep(30);
}

async function waitForTarget(cdp, url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const found = (await targets(cdp)).find((t) => t.url === url);
    if (found) return found;
    await sleep(50);
  }
  return null;
}

/** The open popup, reached over a non-flat CDP session. */
export class Popup {
  static async attach(cdp, targetId) {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    return new Popup(cdp, targetId, sessionId);
  }

  constructor(cdp, targetId, sessionId) {
    Object.assign(this, { cdp, targetId, sessionId, nextId: 0, pending: new Map() });
    this.listener = (event) => {
      if (event.sessionId !== this.sessionId) return;
      const msg = JSON.parse(event.message);
      const done = this.pending.get(msg.id);
      if (!done) return;
      this.pending.delete(msg.id);
      done(msg);
    };
    cdp.on('Target.receivedMessageFromTarget', this.listener);
  }

  /** Sends one CDP command to the popup. */
  async send(method, params = {}) {
    const id = ++this.nextId;
    const reply = new Promise((resolve) => this.pending.set(id, resolve));
    await this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const msg = await withTimeout(10_000, `popup ${method}`, reply);
    if (msg.error) throw new Error(`${method}: ${msg.error.message}`);
    return msg.result;
  }

  /** Evaluates `fn(arg)` in the popup (as a user gesture) and returns its JSON value. */
  async eval(fn, arg) {
    const { result, exceptionDetails } = await this.send('Runtime.evaluate', {
      expression: `(${fn})(${JSON.stringify(arg ?? null)})`,
      returnByValue: true,
      awaitPromise: true,
      userGesture: true,
    });
    if (exceptionDetails) throw new Error(`popup: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  }

  /** Waits until the popup is done (`data-state` ready or error) and returns that state. */
  async settled(ms = 10_000) {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      const state = await this.eval(() => document.getElementById('app')?.dataset.state);
      if (state === 'ready' || state === 'error') return state;
      await sleep(50);
    }
    throw new Error(`popup did not settle in ${ms} ms`);
  }

  /** Waits until `fn(arg)` is truthy in the popup. */
  async waitFor(fn, arg, ms = 5_000) {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (await this.eval(fn, arg)) return;
      await sleep(50);
    }
    throw new Error(`popup: condition not met in ${ms} ms: ${fn}`);
  }

  /** textContent of `[data-testid=id]` (whitespace collapsed), or null when absent/hidden. */
  text(testid) {
    return this.eval((id) => {
      const node = document.querySelector(`[data-testid="${id}"]`);
      if (!node || node.closest('[hidden]')) return null;
      return node.textContent.replace(/\s+/g, ' ').trim();
    }, testid);
  }

  /** An attribute of `[data-testid=id]`. */
  attr(testid, name) {
    return this.eval(([id, n]) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute(n) ?? null, [testid, name]);
  }

  /** Clicks `[data-testid=id]`. */
  click(testid) {
    return this.eval((id) => {
      const node = document.querySelector(`[data-testid="${id}"]`);
      if (!node) throw new Error(`no [data-testid=${id}]`);
      node.click();
    }, testid);
  }

  /** Types `value` into `[data-testid=id]` and submits its form. */
  submit(testid, value) {
    return this.eval(([id, v]) => {
      const input = document.querySelector(`[data-testid="${id}"]`);
      input.value = v;
      input.form.requestSubmit();
    }, [testid, value]);
  }

  /** The side panel's viewport as `width` × `height` CSS pixels (device metrics override). */
  async resize(width, height) {
    await this.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
    await this.waitFor(([w, h]) => innerWidth === w && innerHeight === h, [width, height]);
  }

  /** Saves a PNG of the whole popup (360 px wide) under tests/e2e/artifacts/. */
  async screenshot(name) {
    // A picture of the whole page shows the footer (the next action, sticky at the panel's
    // bottom) where it sits in the page, not across the middle of the picture.
    await this.eval(() => document.getElementById('next-bar')?.style.setProperty('position', 'static'));
    // Popups refuse Emulation.setDeviceMetricsOverride: clip to the document instead.
    const size = await this.eval(() => ({
      width: Math.ceil(document.documentElement.scrollWidth),
      height: Math.ceil(document.documentElement.scrollHeight),
    }));
    // What the picture should be (pictures.mjs `checkPicture`): the document's box, one form.
    this.lastShot = { ...size, forms: await this.eval(() => document.querySelectorAll('#test-form').length) };
    const { data } = await this.send('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, ...size, scale: 1 },
    });
    await this.eval(() => document.getElementById('next-bar')?.style.removeProperty('position'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, name);
    writeFileSync(file, Buffer.from(data, 'base64'));
    return file;
  }

  async close() {
    this.cdp.off('Target.receivedMessageFromTarget', this.listener);
    await closeTarget(this.cdp, this.targetId);
  }
}
