// The one module that touches the extension API (`browser` in Firefox, `chrome` in Chrome): a
// thin shim (as uBO's ext.js). Everything else imports these small promise-returning wrappers,
// so the rest of the shell is plain JS over plain data; what to keep, when to clear and which
// tab the wizard is for are decided elsewhere (choices.js, clipboard.js, wizard/). What stays
// here is how the API behaves: Firefox's permission patterns without a port, the sender check,
// the toolbar click's gesture. MV3 `chrome.*` returns promises (Chrome 88+); Firefox's
// `browser.*` always has.

/** @type {ExtensionApi} (types/extension-api.d.ts: the calls below, nothing else) */
const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;

/** storage.local key of the remembered UI language (kept across sessions, as the remembered
 *  connections are: reminders.js). */
const LANG_KEY = 'lang';

/** The active tab of the window this page is in, or `undefined`. */
export async function activeTabHere() {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** The window this page is in. */
export async function windowHere() {
  return (await api.windows.getCurrent()).id;
}

/** The tab this page is shown in (a wizard opened as a tab), or undefined (a side panel). */
export async function ownTabId() {
  return (await api.tabs.getCurrent?.().catch(() => undefined))?.id;
}

/**
 * A tab by id. Its `url` is there only when the extension may read that page (a host
 * permission for it, or activeTab from a toolbar click on it): no `tabs` permission is asked.
 * @param {number} tabId
 */
export function tabInfo(tabId) {
  return api.tabs.get(tabId);
}

/**
 * Calls `handler(tabId)` whenever the tab shown in window `windowId` changes: another tab is
 * activated, or the active tab finished loading (a navigation). Other windows are ignored.
 * @param {number} windowId
 * @param {(tabId: number) => void} handler
 */
export function onTabShown(windowId, handler) {
  api.tabs.onActivated.addListener((info) => {
    if (info.windowId === windowId) handler(info.tabId);
  });
  api.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete' && tab?.active && tab.windowId === windowId) handler(tabId);
  });
}

/**
 * The toolbar button opens the wizard beside the page: Chrome's side panel, Firefox's sidebar.
 * Registered at the service worker's top level. Both `open` calls need the click's user gesture,
 * so they are made synchronously in the listener. Not `setPanelBehavior({openPanelOnActionClick:
 * true})`: a panel opened that way gets no activeTab grant (seen in Chromium 156: the tab's URL
 * hidden, `executeScript` refused), while `action.onClicked` grants it for the clicked tab.
 */
export function onToolbarClick() {
  api.action.onClicked.addListener((tab) => {
    if (api.sidebarAction) api.sidebarAction.open().catch(() => {});
    else api.sidePanel?.open({ windowId: tab.windowId }).catch(() => {});
  });
}

// ---- storage ------------------------------------------------------------------------------

/**
 * The value kept under `key` in storage.session (memory only, gone when the browser quits).
 * @param {string} key
 * @returns {Promise<unknown>}
 */
export async function sessionGet(key) {
  const got = await api.storage.session.get(key);
  return got?.[key];
}

/**
 * Keeps `value` under `key` in storage.session.
 * @param {string} key
 * @param {unknown} value
 */
export function sessionSet(key, value) {
  return api.storage.session.set({ [key]: value });
}

/**
 * Drops `key` from storage.session.
 * @param {string} key
 */
export function sessionRemove(key) {
  return api.storage.session.remove(key);
}

/**
 * Opens `url` in a new tab next to the current one.
 * @param {string} url
 */
export function openTab(url) {
  return api.tabs.create({ url });
}

/**
 * Runs `func(...args)` in the top frame of `tabId` and resolves with its return value (a
 * promise's value when it returns one). Works after a toolbar click (activeTab) or with a host
 * permission; chrome:// pages, the Web Store and PDF viewers refuse it (the promise rejects).
 * Always the ISOLATED content-script world, named rather than left to the default: the page's
 * own scripts cannot reach into it (MDN "scripting.ExecutionWorld"), and its `fetch` still goes
 * out on behalf of the page — with the page's Origin, Referer and cookies, in Chromium and in
 * Firefox MV3 alike (extension/tab-fetch.js, which sends the PAT creation so).
 * @template {unknown[]} A
 * @template R
 * @param {number} tabId
 * @param {(...args: A) => R} func
 * @param {A} args
 * @returns {Promise<Awaited<R> | undefined>}
 */
export async function runInTab(tabId, func, args) {
  const [first] = await api.scripting.executeScript({ target: { tabId }, world: 'ISOLATED', func, args });
  return first?.result;
}

/**
 * The host permission pattern for `origin`: its scheme and host, any port, any path
 * (`http://jira.corp:8080` → `http://jira.corp/*`). A pattern cannot name a port in Firefox
 * (MDN "Match patterns": the host "must not include a port number", Firefox bugs 1362809 and
 * 1468162). Seen in firefox-esr 153: with `http://jira.corp/*` granted, fetches to port 8080
 * work but `permissions.contains` answers false for `http://jira.corp:8080/*`; granting that
 * pattern makes `contains` say true while every fetch to the port fails; `:*` is refused. In
 * Chromium a pattern without a port matches any port (its "Match patterns" page), so both
 * browsers ask for, check and grant the same thing: the host, whatever its port.
 */
/** @param {string} origin */
function originPattern(origin) {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}

/**
 * True when the extension may contact `origin` (e.g. `https://jira.example.com:8443`).
 * @param {string} origin
 */
export function hasOrigin(origin) {
  return api.permissions.contains({ origins: [originPattern(origin)] });
}

/**
 * Every host permission the extension holds, as the browser lists them (match patterns, e.g.
 * `http://jira.corp/*`): detection decides itself which origin they grant (`urls::granted`).
 * @returns {Promise<string[]>}
 */
export async function grantedPatterns() {
  return (await api.permissions.getAll()).origins ?? [];
}

/**
 * Asks the user for access to `origin`'s host (`originPattern`: every port). Must be called
 * straight from a click handler (a user gesture), before any other `await`. Resolves true when
 * granted (also when it already was). Headless Chromium never shows the prompt, so this never
 * resolves there (build notes); Firefox shows its doorhanger.
 * @param {string} origin
 */
export function requestOrigin(origin) {
  return api.permissions.request({ origins: [originPattern(origin)] });
}

/**
 * What the delayed clear of a copied secret needs (clipboard.js; SECURITY.md §5): reading and
 * emptying the clipboard without a user gesture, the alarm that wakes the worker 60 s later,
 * and — in Chrome, whose worker has no DOM — the offscreen document. All optional where the
 * browser allows it (tests/manifest-permissions.test.mjs): asked together at the first copy of a
 * secret. Firefox's manifest (build.sh) holds `alarms` at install and has no `offscreen`.
 */
const CLIPBOARD_CLEAR = ['clipboardRead', 'clipboardWrite', 'alarms', 'offscreen'];
/** What the expiry reminders need (reminders.js): the alarm, and the notification it shows. */
const REMINDERS = ['alarms', 'notifications'];

/**
 * Of the API permissions `names`, those this browser's manifest declares (`permissions` or
 * `optional_permissions`: build.sh writes each browser's), or only its optional ones.
 * @param {string[]} names
 * @param {boolean} [optionalOnly]
 */
function declared(names, optionalOnly = false) {
  const m = api.runtime.getManifest();
  const listed = [...(optionalOnly ? [] : (m.permissions ?? [])), ...(m.optional_permissions ?? [])];
  return names.filter((n) => listed.includes(n));
}

/**
 * True when the extension holds every permission of `names` its manifest declares.
 * @param {string[]} names
 */
function holds(names) {
  return api.permissions.contains({ permissions: declared(names) });
}

/**
 * Asks for the optional ones of `names`, in one prompt (a permission without a warning, such as
 * `alarms` or `offscreen`, adds no line to it). Straight from a click, before any `await`.
 * @param {string[]} names
 */
function requestOptional(names) {
  const optional = declared(names, true);
  return optional.length ? api.permissions.request({ permissions: optional }) : Promise.resolve(true);
}

/** True when the extension may read and empty the clipboard by itself (the delayed clear). */
export function hasClipboardAccess() {
  return holds(CLIPBOARD_CLEAR);
}

/**
 * Asks the user to let the extension read and empty the clipboard (the delayed clear of a
 * copied secret), with the alarm and Chrome's offscreen document it takes. Like
 * `requestOrigin`: straight from the click that needs it, before any other `await`. Resolves
 * true when granted (also when it already was).
 */
export function requestClipboardAccess() {
  return requestOptional(CLIPBOARD_CLEAR);
}

/** True when the expiry reminders can run: their alarm and notifications are allowed. */
export function hasReminderAccess() {
  return holds(REMINDERS);
}

/**
 * Asks for what the expiry reminders need (the alarm, the notifications), in one prompt, from
 * the click that turns them on (before any other `await`). Resolves true when granted.
 */
export function requestReminderAccess() {
  return requestOptional(REMINDERS);
}

/** True when the extension may set alarms (optional in Chrome: see `CLIPBOARD_CLEAR`). */
export function hasAlarms() {
  return holds(['alarms']);
}

/**
 * `requestOrigin` for several origins in one prompt (a service account's test asks the site,
 * the authorization server and the gateway). Straight from a click handler, as above.
 * @param {string[]} origins
 */
export function requestOrigins(origins) {
  return api.permissions.request({ origins: origins.map(originPattern) });
}

/**
 * Sends a protocol message to the service worker and resolves with its reply.
 * @param {import('./protocol.js').Request} message
 * @returns {Promise<import('./protocol.js').Reply | undefined>}
 */
export function sendMessage(message) {
  return api.runtime.sendMessage(message);
}

/**
 * True when `sender` is one of this extension's own pages (the popup, the helpdesk page): its
 * id is ours and its URL is under our origin. A content script runs in a web page's tab with
 * the page's URL; nothing else may talk to the service worker.
 * @param {ExtensionApi.MessageSender} sender
 */
export function isOwnPage(sender) {
  const base = api.runtime.getURL('');
  return sender?.id === api.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(base);
}

/**
 * Registers the service worker's message handler. `handler(message, sender)` returns a
 * promise of the reply; the listener keeps the channel open until it settles. Only the
 * extension's own pages are answered ([`isOwnPage`]); anything else gets `bad_sender`.
 * @param {(message: any, sender: ExtensionApi.MessageSender) => unknown} handler
 */
export function onMessage(handler) {
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isOwnPage(sender)) {
      sendResponse({ ok: false, error: { code: 'bad_sender', message: 'only the extension’s own pages may ask' } });
      return false;
    }
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(sendResponse, (err) =>
        sendResponse({ ok: false, error: { code: 'internal', message: String(err?.message ?? err) } }),
      );
    return true; // the reply comes asynchronously
  });
}

/** The browser's UI language tag, e.g. `ru` or `en-US`. */
export function uiLanguage() {
  return api.i18n.getUILanguage();
}

/** The remembered UI language (`'en'`/`'ru'`), or `undefined` when none was chosen. */
export async function savedLanguage() {
  const got = await api.storage.local.get(LANG_KEY);
  return got?.[LANG_KEY];
}

/**
 * Remembers the UI language chosen with the EN/RU switch.
 * @param {string} lang
 */
export function saveLanguage(lang) {
  return api.storage.local.set({ [LANG_KEY]: lang });
}

/** The extension's own version from the manifest. */
export function extensionVersion() {
  return api.runtime.getManifest().version;
}

// ---- the clipboard's clearing (clipboard.js): alarms and Chrome's offscreen document -----------

/** Chrome's offscreen document that reads and clears the clipboard for the service worker. */
const OFFSCREEN_URL = 'offscreen.html';

/**
 * Sets the alarm `name` to fire at `when` (ms since the epoch), replacing one of that name.
 * Rejects without the `alarms` permission (optional in Chrome).
 * @param {string} name
 * @param {number} when
 */
export async function setAlarm(name, when) {
  if (!api.alarms) throw new Error('no alarms permission');
  await api.alarms.create(name, { when });
}

/**
 * Registers `handler` for the alarm `name`: at the worker's top level when the `alarms`
 * permission is held (an alarm may wake a stopped worker), else as soon as it is granted
 * (`permissions.onAdded`: the API appears then), once.
 * @param {string} name
 * @param {() => void} handler
 */
export function onAlarm(name, handler) {
  let added = false;
  const add = () => {
    if (added || !api.alarms) return;
    added = true;
    api.alarms.onAlarm.addListener((alarm) => {
      if (alarm?.name === name) handler();
    });
  };
  add();
  api.permissions.onAdded?.addListener(add);
}

/**
 * True when the clipboard must be reached through an offscreen document: Chrome's service
 * worker has no DOM. Firefox's background is a page with a DOM and no `offscreen` API.
 */
export function needsOffscreen() {
  return typeof document === 'undefined';
}

/**
 * Chrome: opens the offscreen document (reason CLIPBOARD), sends it `message`, closes it, and
 * resolves with its reply.
 * @param {unknown} message
 */
export async function askOffscreen(message) {
  const offscreen = api.offscreen;
  if (!offscreen) throw new Error('no offscreen permission');
  if (!(await offscreen.hasDocument?.())) {
    await offscreen.createDocument({
      url: OFFSCREEN_URL,
      reasons: ['CLIPBOARD'],
      justification: 'Clear a secret the user copied from the clipboard after a delay, if it is still there.',
    });
  }
  try {
    return await api.runtime.sendMessage(message);
  } finally {
    await offscreen.closeDocument().catch(() => {});
  }
}

/**
 * The offscreen document's listener: answers only messages whose `type` is `type`, and only
 * from this extension (its service worker); every other message (the popup's to the worker)
 * is left for the worker.
 * @param {string} type
 * @param {(message: any) => Promise<unknown>} handler
 */
export function onOffscreenMessage(type, handler) {
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (message?.type !== type || sender?.id !== api.runtime.id) return false;
    handler(message).then(sendResponse, (err) => sendResponse({ ok: false, error: String(err?.message ?? err) }));
    return true;
  });
}

// ---- remembered connections (reminders.js): storage.local, notifications, startup -------------

/**
 * The value kept under `key` in storage.local (kept across sessions: only the language and the
 * remembered connections, which hold no secret).
 * @param {string} key
 * @returns {Promise<unknown>}
 */
export async function localGet(key) {
  const got = await api.storage.local.get(key);
  return got?.[key];
}

/**
 * Keeps `value` under `key` in storage.local.
 * @param {string} key
 * @param {unknown} value
 */
export function localSet(key, value) {
  return api.storage.local.set({ [key]: value });
}

/**
 * Cancels the alarm `name`.
 * @param {string} name
 */
export async function clearAlarm(name) {
  return api.alarms ? api.alarms.clear(name) : false;
}

/**
 * True when the extension holds the API permission `name` (e.g. the optional `notifications`).
 * @param {string} name
 */
export function hasPermission(name) {
  return api.permissions.contains({ permissions: [name] });
}

/**
 * Shows a notification `id` with the extension's icon (replacing one of that id). Rejects
 * without the `notifications` permission.
 * @param {string} id
 * @param {string} title
 * @param {string} message
 */
export async function notify(id, title, message) {
  if (!api.notifications) throw new Error('no notifications permission');
  await api.notifications.create(id, {
    type: 'basic',
    iconUrl: api.runtime.getURL('icons/icon-128.png'),
    title,
    message,
  });
}

/**
 * Registers `handler(id)` for clicks on the extension's notifications, at the worker's top
 * level. The API exists only once the optional permission is granted, so the listener is added
 * then too (`permissions.onAdded`), once.
 * @param {(id: string) => void} handler
 */
export function onNotificationClick(handler) {
  let added = false;
  const add = () => {
    if (added || !api.notifications) return;
    added = true;
    api.notifications.onClicked.addListener((id) => {
      handler(id);
      api.notifications?.clear(id).catch(() => {});
    });
  };
  add();
  api.permissions.onAdded?.addListener(add);
}

/**
 * Registers `handler` for the browser's start with this profile (at the worker's top level).
 * @param {() => void} handler
 */
export function onStartup(handler) {
  api.runtime.onStartup.addListener(handler);
}
