// The wizard page in Firefox (firefox.mjs opens it): the neutral Wizard interface of
// ./index.mjs over a puppeteer-core page, polled from Node (Firefox sends no load event for
// extension documents, and `waitForFunction` is blocked by the extension CSP on 140), plus the
// timing helpers the driver shares.

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rejects with `what` when `promise` takes longer than `ms`. */
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

/** Polls `probe()` until it returns a truthy value; errors while polling count as "not yet". */
export async function poll(ms, what, probe, every = 50) {
  const until = Date.now() + ms;
  let last;
  while (Date.now() < until) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await sleep(every);
  }
  throw new Error(`timed out after ${ms} ms: ${what}${last ? ` (last error: ${last.message})` : ''}`);
}

/** The wizard page in its tab. */
export class FirefoxWizard {
  constructor(driver, page) {
    Object.assign(this, { driver, page });
  }

  /** Evaluates `fn(arg)` in the wizard (with user activation) and returns its JSON value. */
  eval(fn, arg) {
    return withTimeout(10_000, 'wizard evaluate', this.page.evaluate(fn, arg ?? null));
  }

  /** Waits until the wizard is done (`data-state` ready or error) and returns that state. */
  async settled(ms = 10_000) {
    return poll(ms, 'the wizard to settle', async () => {
      const state = await this.eval(() => document.getElementById('app')?.dataset.state);
      return state === 'ready' || state === 'error' ? state : null;
    });
  }

  /** Waits until `fn(arg)` is truthy in the wizard. */
  async waitFor(fn, arg, ms = 5_000) {
    await poll(ms, `wizard condition: ${fn}`, () => this.eval(fn, arg));
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

  /** A real click (BiDi pointer actions) on `[data-testid=id]`: a user's click. */
  async click(testid) {
    // As a user does: a control covered by the footer that stays on screen (the next action,
    // sticky at the bottom) is scrolled to the middle first, so the pointer hits the control.
    await this.eval((id) => {
      const node = document.querySelector(`[data-testid="${id}"]`);
      if (!node) return;
      const r = node.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (top && !node.contains(top)) node.scrollIntoView({ block: 'center' });
    }, testid);
    await withTimeout(10_000, `click ${testid}`, this.page.click(`[data-testid="${testid}"]`));
  }

  /** Puts `value` in `[data-testid=id]` and presses Enter in it (a user's submit). */
  async submit(testid, value) {
    await this.eval(([id, v]) => {
      const input = document.querySelector(`[data-testid="${id}"]`);
      input.value = v;
      input.focus();
    }, [testid, value]);
    await withTimeout(10_000, `Enter in ${testid}`, this.page.keyboard.press('Enter'));
  }

  /** Sets the page's viewport to `width` × `height` CSS pixels. */
  async resize(width, height) {
    await withTimeout(10_000, 'setting the viewport', this.page.setViewport({ width, height }));
  }

  /** Saves a PNG of the whole wizard page under tests/e2e/artifacts/. */
  async screenshot(name) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, name);
    // At the side panel's width (the wizard page fills its tab otherwise), as Chromium's is.
    const before = this.page.viewport();
    await withTimeout(10_000, 'viewport', this.page.setViewport({ width: 360, height: before?.height ?? 800 }));
    // The footer (sticky at the bottom) where it sits in the page, not across the picture.
    await this.eval(() => document.getElementById('next-bar')?.style.setProperty('position', 'static'));
    try {
      // What the picture should be (pictures.mjs `checkPicture`): the document's box, one form.
      this.lastShot = await this.eval(() => ({
        width: document.documentElement.scrollWidth,
        height: document.documentElement.scrollHeight,
        forms: document.querySelectorAll('#test-form').length,
      }));
      await withTimeout(10_000, 'screenshot', this.page.screenshot({ path: file, fullPage: true }));
    } finally {
      await this.eval(() => document.getElementById('next-bar')?.style.removeProperty('position')).catch(() => {});
      await withTimeout(10_000, 'viewport', this.page.setViewport(before)).catch(() => {});
    }
    return file;
  }

  readClipboard() {
    return this.driver.chrome(`
      const trans = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
      trans.init(null);
      trans.addDataFlavor('text/plain');
      Services.clipboard.getData(trans, Ci.nsIClipboard.kGlobalClipboard, window.browsingContext.currentWindowContext);
      const out = {};
      try { trans.getTransferData('text/plain', out); } catch { return ''; }
      return out.value.QueryInterface(Ci.nsISupportsString).data;`);
  }

  writeClipboard(text) {
    return this.driver.chrome(`
      Cc['@mozilla.org/widget/clipboardhelper;1'].getService(Ci.nsIClipboardHelper).copyString(${JSON.stringify(text)});`);
  }

  /**
   * Runs `action` (a click that asks for a permission), waits for Firefox's doorhanger and
   * presses its Allow ('allow') or Don't allow ('deny') button; `null`: the permission is held
   * already, and no doorhanger may appear. Resolves with the permission requests the wizard
   * made (spied on in the page; the real `browser.permissions.request` answers).
   */
  async withPermissionPrompt(answer, action) {
    const doorhanger = `
      const note = PopupNotifications.panel.querySelector('popupnotification[id^="addon-webext-permissions"]');
      if (!note || PopupNotifications.panel.state !== 'open') return null;`;
    await this.eval(() => {
      window.jtwAsked = [];
      if (window.jtwSpied) return;
      window.jtwSpied = true;
      const real = browser.permissions.request.bind(browser.permissions);
      browser.permissions.request = (p) => {
        window.jtwAsked.push(JSON.parse(JSON.stringify(p)));
        return real(p);
      };
    });
    await action();
    await this.waitFor(() => window.jtwAsked.length > 0, null, 5_000);
    if (answer === null) {
      // Already granted: Firefox answers without a prompt. Make sure none is waiting.
      await sleep(300);
      const shown = await this.driver.chrome(`${doorhanger}
        note.querySelector('.popup-notification-secondary-button').click();
        return note.textContent;`);
      if (shown) throw new Error(`a permission prompt appeared where none was expected: ${shown}`);
      return this.eval(() => window.jtwAsked);
    }
    const button = answer === 'allow' ? 'primary' : 'secondary';
    await poll(5_000, 'the permission doorhanger', () => this.driver.chrome(`${doorhanger}
      const button = note.querySelector('.popup-notification-${button}-button');
      button.click();
      return button.label || '${button}';`));
    return this.eval(() => window.jtwAsked);
  }

  async close() {
    await withTimeout(5_000, 'closing the wizard tab', this.page.close()).catch(() => {});
  }
}
