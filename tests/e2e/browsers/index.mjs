// One interface over the two browsers the extension ships for, so that one set of scenarios
// (../flows.mjs) runs in both: headless Debian Chromium (./chromium.mjs: playwright-core, CDP)
// and headless Debian firefox-esr (./firefox.mjs: puppeteer-core, WebDriver BiDi). Each driver
// loads the packaged extension (dist/chrome, dist/firefox) into a fresh profile, with or
// without host access, against the local Jira simulator only.
//
// @typedef {object} LaunchOptions
// @property {boolean} [hostPermission=true]  `http://127.0.0.1/*` and `https://*.atlassian.net/*`
//   (the simulators, any port; Cloud ones under Atlassian names: ../sites.mjs) granted at
//   install, as if the user had allowed it before
// @property {boolean} [gatewayPermission=false]  `https://api.atlassian.com/*` granted at install
// @property {boolean|'clipboard'} [clipboardPermission=true]  what the delayed clear of a copied
//   secret needs (`clipboardRead`/`clipboardWrite`, and in Chrome `alarms`, `offscreen`) granted
//   at install, as if allowed at an earlier copy; 'clipboard': only the clipboard two
//   (../manifest-copy.mjs)
// @property {number|null} [gatewayPort=null]  `api.atlassian.com` reaches `127.0.0.1:gatewayPort`
//   (a TLS simulator; its self-signed certificate is accepted)
// @property {Record<string, number>} [mapHosts={}]  more names (port 443) reaching `127.0.0.1:port`
//   (a Cloud family's gateway and authorization server); Government Cloud's sites
//   (`*.atlassian-us-gov-mod.net`, ../sites.mjs) reach 127.0.0.1 with their port, like `*.atlassian.net`
// @property {string[]} [morePermissions=[]]  more host permissions granted at install
// @property {boolean} [recordHosts=false]  Chromium: keep a NetLog, for `hostsAsked` (Firefox's
//   proxy always records)
// @property {boolean} [notificationsPermission=false]  Chromium only: the optional
//   `notifications` permission granted at install (Firefox answers its real prompt)
// @property {boolean} [testClock=false]  ../test-clock.js replaces extension/clock.js: the
//   worker's time moves forward by storage.local `testClockOffsetMs`
// @property {string} [dist]  the packaged extensions' root (its `chrome/` and `firefox/`) instead
//   of dist/: the browser benchmark's *before* build (bench/popup.mjs `BEFORE_DIST`)
//
// @typedef {object} Driver
// @property {'chromium'|'firefox'} name
// @property {number} launchMs
// @property {boolean} answersPermissionPrompts  the driver can press Allow / Don't allow in the
//   browser's own prompt (Firefox); headless Chromium never shows one
// @property {(url: string, options?: {follow?: boolean}) => Promise<Wizard>} openWizard  loads
//   `url` in the Jira tab and opens the wizard for that tab as a user would (Chromium: the toolbar
//   button's side panel, which follows the active tab; Firefox: the wizard page in a tab of its
//   own, following the active tab as the sidebar does with `follow` — see firefox.mjs)
// @property {(url: string) => Promise<{front: () => Promise<void>, close: () => Promise<void>}>} openTab
//   loads `url` in a new tab of the Jira tab's window and selects it (tabs.onActivated)
// @property {() => Promise<void>} jiraFront  selects the Jira tab again
// @property {() => Promise<{kind: string, url: string}[]>} wizardViews  what the toolbar button
//   opened, as the browser counts it (Chromium: `runtime.getContexts`, e.g. SIDE_PANEL; Firefox:
//   clicks it and reads the sidebar)
// @property {(path: string, size?: {width?: number, height?: number}) => Promise<Wizard>} openPage
//   opens the extension's own `path` (e.g. `helpdesk.html`) in a tab of that viewport size
//   (default 1200 × 900); the result has Wizard's eval/text/attr/click/waitFor/screenshot/close
//   and `resize`
// @property {() => Promise<void>} close  ends the browser and removes its temp dirs
// @property {string[] | null} hostsAsked  after `close`: every host (`name[:port]`) the browser
//   asked, whoever asked (Chromium: its NetLog, with `recordHosts`; Firefox: its proxy, which sees
//   all but 127.0.0.1)
// @property {object[]} [offsite]  Firefox only: requests to any host but 127.0.0.1, the Cloud
//   simulators' Atlassian names and the stand-in gateway, refused by the driver's proxy
//   (Chromium fails their DNS instead)
//
// @typedef {object} Wizard  the popup's page; every call has a deadline
// @property {(fn: Function, arg?: any) => Promise<any>} eval  `fn(arg)` in the page, JSON value back
// @property {(testid: string) => Promise<string|null>} text  visible text of `[data-testid]`
// @property {(testid: string, name: string) => Promise<string|null>} attr
// @property {(testid: string) => Promise<void>} click  a user's click
// @property {(width: number, height: number) => Promise<void>} [resize]  the viewport, in CSS
//   pixels (the wizard: Chromium's side panel through a device metrics override, Firefox's
//   wizard tab; a page from `openPage`)
// @property {(testid: string, value: string) => Promise<void>} submit  type into a field and submit its form
// @property {(ms?: number) => Promise<'ready'|'error'>} settled
// @property {(fn: Function, arg?: any, ms?: number) => Promise<void>} waitFor
// @property {(name: string) => Promise<string>} screenshot  a PNG under tests/e2e/artifacts/
// @property {() => Promise<string>} readClipboard
// @property {(text: string) => Promise<void>} writeClipboard
// @property {(answer: 'allow'|'deny', action: () => Promise<void>) => Promise<object[]>} withPermissionPrompt
//   runs `action` and answers the permission request it makes; resolves with the requests made
// @property {() => Promise<void>} close

/** The browsers, in the order test.sh runs them. */
export const BROWSERS = ['chromium', 'firefox'];

/**
 * True when `name`'s driver can answer the browser's own permission prompt (known before the
 * launch, which may grant at install what a prompt could not): Firefox's doorhanger, yes;
 * headless Chromium never shows one (build notes).
 */
export function answersPermissionPrompts(name) {
  return name === 'firefox';
}

/**
 * Launches `name` with the extension.
 * @param {'chromium'|'firefox'} name
 * @param {LaunchOptions} [options]
 * @returns {Promise<Driver>}
 */
export async function launchBrowser(name, options = {}) {
  if (name === 'chromium') return (await import('./chromium.mjs')).launch(options);
  if (name === 'firefox') return (await import('./firefox.mjs')).launch(options);
  throw new Error(`unknown browser ${name}`);
}
