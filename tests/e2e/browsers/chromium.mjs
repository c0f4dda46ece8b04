// The browser-neutral driver (./index.mjs) for headless Debian Chromium: the existing harness
// (../harness.mjs — playwright-core, a toolbar click through CDP `Extensions.triggerAction`, the
// real side panel it opens reached over CDP) behind the interface the shared flows use.
//
// What Chromium cannot do headlessly (build notes): answer a permission prompt. So
// `answersPermissionPrompts` is false; a flow that needs "allowed" launches with the permission
// granted at install (then `permissions.request` resolves true without a prompt), and "refused"
// replaces `chrome.permissions.request` in the popup by one that answers false, as the user's
// "Deny" would.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, launchExtension, withTimeout } from '../harness.mjs';
import { LOCAL, netlogRequests } from '../recorder.mjs';
import { ATLASSIAN_PATTERN } from '../sites.mjs';

/**
 * @param {import('./index.mjs').LaunchOptions} options
 * @returns {Promise<import('./index.mjs').Driver>}
 */
export async function launch({
  hostPermission = true, gatewayPermission = false, gatewayPort = null, mapHosts = {}, morePermissions = [], recordHosts = false, clipboardPermission = true,
  notificationsPermission = false, testClock = false, dist,
} = {}) {
  const hostPermissions = [
    ...(hostPermission ? ['http://127.0.0.1/*', ATLASSIAN_PATTERN] : []),
    ...(gatewayPermission ? ['https://api.atlassian.com/*'] : []),
    // Headless Chromium cannot answer a prompt: what a flow's prompt would grant, granted here.
    ...morePermissions,
  ];
  // Every host the browser asks, whoever asked: Chromium's NetLog (read when it closes).
  const netlogDir = recordHosts ? mkdtempSync(join(tmpdir(), 'jtw-netlog-')) : null;
  const netlog = netlogDir ? join(netlogDir, 'netlog.json') : null;
  const extraArgs = netlog ? [`--log-net-log=${netlog}`, '--net-log-capture-mode=Default'] : [];
  const permissions = notificationsPermission ? ['notifications'] : [];
  const ext = await launchExtension({
    hostPermissions, gatewayPort, mapHosts, extraArgs, clipboardPermission, permissions, testClock, dist: dist && join(dist, 'chrome'),
  });
  try {
    // The popup may read what its copy buttons wrote (targets.test.mjs).
    await ext.cdp.send('Browser.grantPermissions', {
      permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'],
      origin: `chrome-extension://${ext.extId}`,
    });
  } catch (err) {
    await ext.close();
    throw err;
  }
  return {
    name: 'chromium',
    launchMs: ext.launchMs,
    answersPermissionPrompts: false,
    ext,
    /** The toolbar click opens the side panel, which always follows the active tab. */
    async openWizard(url) {
      return new ChromiumWizard(await ext.openPopup(url));
    },
    async openPage(path, { width = 1200, height = 900 } = {}) {
      const page = await ext.ctx.newPage();
      try {
        await page.setViewportSize({ width, height });
        await page.goto(`chrome-extension://${ext.extId}/${path}`, { waitUntil: 'load', timeout: 10_000 });
      } catch (err) {
        await page.close();
        throw err;
      }
      return new ChromiumPage(page);
    },
    async openTab(url) {
      const page = await ext.ctx.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 10_000 });
      await page.bringToFront();
      return { front: () => page.bringToFront(), close: () => page.close() };
    },
    jiraFront: () => ext.page.bringToFront(),
    /** The extension's open views by kind, as the browser counts them (`runtime.getContexts`). */
    async wizardViews() {
      return ext.worker.evaluate(async () => (await chrome.runtime.getContexts({}))
        .filter((c) => c.contextType !== 'BACKGROUND')
        .map((c) => ({ kind: c.contextType, url: new URL(c.documentUrl).pathname })));
    },
    /** @type {string[] | null} every host the browser asked (`recordHosts`), after `close` */
    hostsAsked: null,
    async close() {
      await ext.close();
      if (!netlogDir || !netlog) return;
      try {
        this.hostsAsked = [...new Set(netlogRequests(netlog).filter((r) => !LOCAL.test(r.url)).map((r) => new URL(r.url).host))].sort();
      } finally {
        rmSync(netlogDir, { recursive: true, force: true });
      }
    },
  };
}

/** The real toolbar popup (harness `Popup`) with the neutral extras. */
class ChromiumWizard {
  constructor(popup) {
    this.popup = popup;
  }

  eval(fn, arg) { return this.popup.eval(fn, arg); }
  text(testid) { return this.popup.text(testid); }
  attr(testid, name) { return this.popup.attr(testid, name); }
  click(testid) { return this.popup.click(testid); }
  submit(testid, value) { return this.popup.submit(testid, value); }
  settled(ms) { return this.popup.settled(ms); }
  waitFor(fn, arg, ms) { return this.popup.waitFor(fn, arg, ms); }
  screenshot(name) { return this.popup.screenshot(name); }
  /** The box the last screenshot should have (harness `Popup.screenshot`). */
  get lastShot() { return this.popup.lastShot; }
  resize(width, height) { return this.popup.resize(width, height); }
  close() { return this.popup.close(); }

  readClipboard() { return this.popup.eval(() => navigator.clipboard.readText()); }
  writeClipboard(text) { return this.popup.eval((t) => navigator.clipboard.writeText(t), text); }

  /**
   * Runs `action` (a click that asks for a permission) and answers for the user. 'deny': the
   * popup's `chrome.permissions.request` answers false. 'allow' or `null` (held already): the
   * real one is called, and resolves true only for what the launch already granted or what
   * Chromium grants without a prompt — permissions with no warning, such as `alarms` and
   * `offscreen` (no prompt can be answered here). Resolves with the permission requests the
   * popup made.
   */
  async withPermissionPrompt(answer, action) {
    await this.popup.eval((deny) => {
      window.jtwAsked = [];
      window.jtwDeny = deny;
      if (window.jtwSpied) return;
      window.jtwSpied = true;
      const real = chrome.permissions.request.bind(chrome.permissions);
      chrome.permissions.request = (p) => {
        window.jtwAsked.push(JSON.parse(JSON.stringify(p)));
        return window.jtwDeny ? Promise.resolve(false) : real(p);
      };
    }, answer === 'deny');
    await action();
    await this.popup.waitFor(() => window.jtwAsked.length > 0, null, 5_000);
    return withTimeout(5_000, 'reading the permission requests', this.popup.eval(() => window.jtwAsked));
  }
}

/** An extension page in a tab of its own (playwright-core), e.g. the helpdesk page. */
class ChromiumPage {
  constructor(page) {
    this.page = page;
  }

  eval(fn, arg) { return withTimeout(10_000, 'page evaluate', this.page.evaluate(fn, arg ?? null)); }
  text(testid) {
    return this.eval((id) => {
      const node = document.querySelector(`[data-testid="${id}"]`);
      if (!node || node.closest('[hidden]')) return null;
      return node.textContent.replace(/\s+/g, ' ').trim();
    }, testid);
  }

  attr(testid, name) { return this.page.getAttribute(`[data-testid="${testid}"]`, name, { timeout: 5_000 }); }
  click(testid) { return this.page.click(`[data-testid="${testid}"]`, { timeout: 10_000 }); }
  async waitFor(fn, arg, ms = 5_000) { await this.page.waitForFunction(fn, arg ?? null, { timeout: ms }); }
  resize(width, height) { return this.page.setViewportSize({ width, height }); }
  async screenshot(name) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, name);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  close() { return this.page.close(); }
}
