// The browser-neutral driver (./index.mjs) for headless Debian Chromium: the existing harness
// (../harness.mjs — playwright-core, a toolbar click through CDP `Extensions.triggerAction`, the
// real side panel it opens reached over CDP) behind the interface the shared flows use.
//
// What Chromium cannot do headlessly (build notes): answer a permission prompt. So
// `answersPermissionPrompts` is false; a flow that needs "allowed" launches with the permission
// granted at install (then `permissions.request` resolves true without a prompt), and "refused"
// replaces `chrome.permissions.request` in the popup by one that answers false, as the user's
// "Deny" would.

import { launchExtension, withTimeout } from '../harness.mjs';

/**
 * @param {import('./index.mjs').LaunchOptions} options
 * @returns {Promise<import('./index.mjs').Driver>}
 */
export async function launch({ hostPermission = true, gatewayPermission = false, gatewayPort = null } = {}) {
  const hostPermissions = [
    ...(hostPermission ? ['http://127.0.0.1/*'] : []),
    ...(gatewayPermission ? ['https://api.atlassian.com/*'] : []),
  ];
  const ext = await launchExtension({ hostPermissions, gatewayPort });
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
    close: () => ext.close(),
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
  close() { return this.popup.close(); }

  readClipboard() { return this.popup.eval(() => navigator.clipboard.readText()); }
  writeClipboard(text) { return this.popup.eval((t) => navigator.clipboard.writeText(t), text); }

  /**
   * Runs `action` (a click that asks for a permission) and answers for the user. 'deny': the
   * popup's `chrome.permissions.request` answers false. 'allow' or `null` (held already): the
   * real one is called, and resolves true only for what the launch already granted (no prompt
   * can be answered here). Resolves with the permission requests the popup made.
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
