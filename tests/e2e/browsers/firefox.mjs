// The browser-neutral driver (./index.mjs) for headless Debian firefox-esr, driven by npm
// puppeteer-core over WebDriver BiDi (no browser download, no geckodriver: Debian has none).
// Recipe and traps: ../../../../shared/build-and-browser-testing.md, "Headless Firefox E2E recipe".
//
// How the wizard is opened for a tab. Headless Firefox has a toolbar and a sidebar, but no
// driver reaches the sidebar's document (WebDriver BiDi lists tabs and chrome windows, not the
// sidebar's remote browser). So:
// 1. the Jira page is loaded in a tab and made the selected tab;
// 2. without a host permission, the toolbar button is clicked the way Firefox's own keyboard
//    shortcut clicks it — the browser action's `triggerAction(window)` in the browser window
//    (chrome scope: `--remote-allow-system-access`). That grants activeTab for the tab exactly
//    as a click does and opens the real sidebar (checked: it shows wizard.html), which is
//    closed again at once;
// 3. the wizard, `wizard.html?tab=<that tab's id>`, is opened in a tab of its own
//    (`openWizard(url, {follow: true})` adds `&follow=1`: the page then follows the active tab
//    as the sidebar does — the panel flows, tests/e2e/flows/panel.mjs)
//    (extension/browser.js `activeTab()` reads the parameter) and driven like any page:
//    `evaluate` (with user activation) and real clicks and keys (BiDi input actions), so
//    `permissions.request` sees a user's click and Firefox shows its real doorhanger, which
//    `withPermissionPrompt` answers with the doorhanger's own Allow / Don't allow buttons.
//
// Other traps handled here: never `await goto('moz-extension://…')` (no load event: poll the
// DOM); a fixed moz-extension UUID (`extensions.webextensions.uuids`); host permissions from
// the manifest granted at install or not (`extensions.originControls.grantByDefault`). The
// clipboard is read and written from the browser window (a page would need `clipboardRead`).
//
// Network: every http(s) request that is not to 127.0.0.1 goes to a local proxy started here
// (127.0.0.1 is never proxied: `network.proxy.allow_hijacking_localhost` is false), which
// refuses it and records it in `driver.offsite` — except `api.atlassian.com:443`, which it
// tunnels to the stand-in gateway when `gatewayPort` is given, and `<name>.atlassian.net:<port>`
// (not 443), which it tunnels to 127.0.0.1:<port>, where a Cloud simulator listens (../sites.mjs;
// the self-signed certificates accepted through the session's `acceptInsecureCerts`), and the
// browser's own services, which
// puppeteer's profile sends to `dummy.test` (not recorded). `mapHosts` names (port 443: a Cloud
// family's gateway and authorization server) and Government Cloud's
// `<name>.atlassian-us-gov-mod.net:<port>` are tunnelled likewise. Every host the proxy sees,
// tunnelled or refused, is in `driver.hostsAsked` once the browser closed. Nothing leaves the machine.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { grantClipboard } from '../manifest-copy.mjs';
import { ATLASSIAN_PATTERN } from '../sites.mjs';
import { FirefoxWizard, poll, withTimeout } from './firefox-wizard.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DIST = join(ROOT, 'dist', 'firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The gecko id build.sh writes into dist/firefox/manifest.json. */
const GECKO_ID = 'jira-token-wizard@extensions.local';
/** The moz-extension:// host, pinned so the wizard's URL is known. */
export const UUID = '6a1e7c3d-0b4f-4c2e-9d8a-5f3b2a1c0e9d';

/** What is missing to run Firefox here, or null. build.sh installs both. */
export async function missing() {
  const gaps = [];
  if (!existsSync(FIREFOX)) gaps.push(`${FIREFOX} (Debian firefox-esr: apt-get install -y --no-install-recommends firefox-esr)`);
  try {
    await import('puppeteer-core');
  } catch {
    gaps.push('npm puppeteer-core (npm ci, PUPPETEER_SKIP_DOWNLOAD=1)');
  }
  if (!existsSync(join(DIST, 'manifest.json'))) gaps.push(`${DIST} (./build.sh)`);
  return gaps.length ? `missing: ${gaps.join('; ')} — run ./build.sh` : null;
}

/**
 * The proxy every non-local request goes through: records it, refuses it, or tunnels
 * `api.atlassian.com:443` to `127.0.0.1:gatewayPort` and `<name>.atlassian.net:<port>` (a
 * Cloud simulator's name, ../sites.mjs) to `127.0.0.1:<port>`.
 */
async function startProxy(gatewayPort, offsite, mapHosts = {}, hostsAsked = []) {
  const sockets = new Set();
  const record = (method, url) => {
    // The browser's own services, which puppeteer's profile points at `dummy.test`.
    if (!/^(http:\/\/)?dummy\.test[:/]/.test(url)) offsite.push({ method, url });
  };
  /** Every host asked through the proxy (all but 127.0.0.1), tunnelled or refused. */
  const asked = (target) => {
    if (!/^(http:\/\/)?dummy\.test[:/]/.test(target)) hostsAsked.push(target.replace(/^https?:\/\//, '').split('/')[0]);
  };
  const server = http.createServer((req, res) => {
    asked(req.url ?? '');
    record(req.method, req.url);
    res.writeHead(403, { 'Content-Type': 'text/plain' }).end('no traffic leaves the test machine');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req, client, head) => {
    asked(req.url ?? '');
    const site = /^[a-z0-9-]+\.atlassian(?:-us-gov-mod)?\.net:(\d+)$/i.exec(req.url ?? '');
    const [host, hostPort] = String(req.url ?? '').split(':');
    const port = req.url === 'api.atlassian.com:443' && gatewayPort ? gatewayPort
      : hostPort === '443' && mapHosts[host] ? mapHosts[host]
        : site && site[1] !== '443' ? Number(site[1]) : null;
    if (port) {
      const upstream = net.connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      return;
    }
    record('CONNECT', req.url);
    client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * @param {import('./index.mjs').LaunchOptions} options
 * @returns {Promise<import('./index.mjs').Driver>}
 */
export async function launch({
  hostPermission = true, gatewayPermission = false, gatewayPort = null, mapHosts = {}, morePermissions = [], clipboardPermission = true, testClock = false,
  dist,
} = {}) {
  const gap = await missing();
  if (gap) throw new Error(gap);
  const { default: puppeteer } = await import('puppeteer-core');
  const started = Date.now();
  const extDir = mkdtempSync(join(tmpdir(), 'jtw-ext-ff-'));
  cpSync(dist ? join(dist, 'firefox') : DIST, extDir, { recursive: true });
  // The test clock (../test-clock.js over clock.js): time moved forward by the test.
  if (testClock) cpSync(join(ROOT, 'tests', 'e2e', 'test-clock.js'), join(extDir, 'clock.js'));
  const granted = [
    ...(hostPermission ? ['http://127.0.0.1/*', ATLASSIAN_PATTERN] : []),
    ...(gatewayPermission ? ['https://api.atlassian.com/*'] : []),
    ...morePermissions,
  ];
  if (granted.length || clipboardPermission) {
    const manifestPath = join(extDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (granted.length) manifest.host_permissions = granted;
    if (clipboardPermission) grantClipboard(manifest, clipboardPermission);
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  }
  const offsite = [];
  const hostsAsked = [];
  let proxy;
  let browser;
  const cleanup = async () => {
    await proxy?.close();
    rmSync(extDir, { recursive: true, force: true });
  };
  try {
    proxy = await startProxy(gatewayPort, offsite, mapHosts, hostsAsked);
    browser = await withTimeout(30_000, 'launching firefox-esr', puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      // Required on 153 to navigate to moz-extension:// and to reach the browser window.
      args: ['--remote-allow-system-access'],
      acceptInsecureCerts: true,
      // Firefox honours `services.settings.server` (set to a dead address by puppeteer) only
      // with this: otherwise Remote Settings polls firefox.settings.services.mozilla.com.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      defaultViewport: { width: 1000, height: 700 },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
        // MV3 host_permissions from the manifest granted at install (or not).
        'extensions.originControls.grantByDefault': granted.length > 0,
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.failover_direct': false,
        'network.dns.disablePrefetch': true,
        'network.http.speculative-parallel-limit': 0,
      },
    }));
    const id = await withTimeout(10_000, 'installing the extension', browser.installExtension(extDir));
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
    const [jiraTab] = await browser.pages();
    const driver = new FirefoxDriver({ browser, jiraTab: jiraTab ?? (await browser.newPage()), hostPermission, offsite });
    driver.launchMs = Date.now() - started;
    driver.hostsAsked = null;
    driver.close = async () => {
      await withTimeout(15_000, 'closing firefox-esr', browser.close()).catch(() => browser.process()?.kill('SIGKILL'));
      await cleanup();
      driver.hostsAsked = [...new Set(hostsAsked)].sort();
    };
    return driver;
  } catch (err) {
    if (browser) await withTimeout(15_000, 'closing firefox-esr', browser.close()).catch(() => browser.process()?.kill('SIGKILL'));
    await cleanup();
    throw err;
  }
}

class FirefoxDriver {
  constructor({ browser, jiraTab, hostPermission, offsite }) {
    Object.assign(this, { browser, jiraTab, hostPermission, offsite, name: 'firefox', answersPermissionPrompts: true });
    this.chromeContext = null;
  }

  /** Runs `expression` in the browser window (chrome scope) and returns its JSON value. */
  async chrome(expression) {
    const connection = this.browser.connection;
    if (!this.chromeContext) {
      const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
      const win = result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
      if (!win) throw new Error('no browser window in chrome scope');
      this.chromeContext = win.context;
    }
    const { result } = await withTimeout(10_000, 'chrome-scope script', connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => {\n${expression}\n})() ?? null))()`,
      target: { context: this.chromeContext },
      awaitPromise: true,
      resultOwnership: 'none',
    }));
    if (result.type === 'exception') throw new Error(`chrome scope: ${result.exceptionDetails?.text}`);
    return JSON.parse(result.result.value);
  }

  /**
   * Loads `url` in the Jira tab, selects it, clicks the toolbar button when there is no host
   * permission (activeTab), and opens the wizard for that tab in a tab of its own.
   */
  async openWizard(url, { follow = false } = {}) {
    await this.jiraTab.goto(url, { waitUntil: 'load', timeout: 10_000 });
    await this.jiraTab.bringToFront();
    const href = await this.jiraTab.evaluate(() => location.href);
    const { tabId, selected } = await poll(5_000, 'the Jira tab selected', async () => {
      const got = await this.chrome(`
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const tab = gBrowser.selectedTab;
        return { tabId: ExtensionParent.apiManager.global.tabTracker.getId(tab), selected: tab.linkedBrowser.currentURI.spec };`);
      return got.selected === href ? got : null;
    });
    if (selected !== href) throw new Error(`selected tab shows ${selected}, not ${href}`);
    if (!this.hostPermission) await this.clickToolbarButton();
    const page = await this.browser.newPage();
    const wizardUrl = `moz-extension://${UUID}/wizard.html?tab=${tabId}${follow ? '&follow=1' : ''}`;
    page.goto(wizardUrl).catch(() => {}); // never awaited: no load event for extension pages
    await poll(10_000, `the wizard at ${wizardUrl}`, () => page.evaluate(
      (want) => location.href === want && document.readyState === 'complete' && Boolean(document.getElementById('app')),
      wizardUrl,
    ));
    return new FirefoxWizard(this, page);
  }

  /**
   * Opens the extension's `path` (e.g. `helpdesk.html`) in a tab of its own, `width` × `height`
   * CSS pixels, and waits until its document is complete (no load event: polled).
   */
  async openPage(path, { width = 1200, height = 900 } = {}) {
    const page = await this.browser.newPage();
    const url = `moz-extension://${UUID}/${path}`;
    try {
      await withTimeout(10_000, 'setting the viewport', page.setViewport({ width, height }));
      page.goto(url).catch(() => {}); // never awaited: no load event for extension pages
      await poll(10_000, `the page at ${url}`, () => page.evaluate(
        (want) => location.href === want && document.readyState === 'complete',
        url,
      ));
    } catch (err) {
      await page.close().catch(() => {});
      throw err;
    }
    return new FirefoxWizard(this, page);
  }

  /**
   * The toolbar click, as Firefox's `_execute_action` shortcut does it (ext-browserAction.js
   * `triggerAction`): activeTab for the selected tab, and the action's `onClicked`, on which the
   * extension opens its sidebar (background.js, `sidebarAction.open()`). The sidebar showing
   * the wizard is checked, then closed again: the wizard is driven as a page (no driver reaches
   * the sidebar's document), and a second, tab-following copy would add its own detections.
   */
  async clickToolbarButton() {
    const granted = await this.chrome(`
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const ext = ExtensionParent.GlobalManager.getExtension('${GECKO_ID}');
      ExtensionParent.apiManager.global.browserActionFor(ext).triggerAction(window);
      return ext.tabManager.hasActiveTabPermission(gBrowser.selectedTab);`);
    if (!granted) throw new Error('the toolbar click granted no activeTab');
    await poll(5_000, 'the sidebar with the wizard', () => this.sidebarShows());
    await this.chrome('SidebarController.hide(); return true;');
    await poll(5_000, 'the sidebar closed', async () => !(await this.chrome('return SidebarController.isOpen;')));
  }

  /** Loads `url` in a new tab and selects it. */
  async openTab(url) {
    const page = await this.browser.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 10_000 });
    await page.bringToFront();
    return { front: () => page.bringToFront(), close: () => page.close() };
  }

  jiraFront() {
    return this.jiraTab.bringToFront();
  }

  /**
   * Clicks the toolbar button on the Jira tab and reports what it opened: the sidebar and the
   * page it shows (closed again afterwards).
   */
  async wizardViews() {
    await this.jiraFront();
    await this.chrome(`
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const ext = ExtensionParent.GlobalManager.getExtension('${GECKO_ID}');
      ExtensionParent.apiManager.global.browserActionFor(ext).triggerAction(window);`);
    const url = await poll(5_000, 'the sidebar with the wizard', () => this.sidebarShows());
    await this.chrome('SidebarController.hide(); return true;');
    return [{ kind: 'SIDEBAR', url: new URL(url).pathname }];
  }

  /** The URL the extension's sidebar shows, or null when it is closed. */
  sidebarShows() {
    return this.chrome(`
      if (!SidebarController.isOpen || !SidebarController.currentID?.startsWith('jira-token-wizard')) return null;
      const panel = SidebarController.browser?.contentDocument?.getElementById('webext-panels-browser');
      const spec = panel?.currentURI?.spec ?? '';
      return spec.startsWith('moz-extension://') ? spec : null; // about:blank while it loads`);
  }
}
