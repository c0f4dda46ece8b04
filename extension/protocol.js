// The one definition of the extension's message protocol: what the popup asks the service
// worker (a `{type: …}` union), what it answers, and the commands the service worker hands to
// the wasm core. The core commands mirror `Command` in src/protocol.rs (serde tag "type",
// camelCase fields); keep the two in step. No `chrome.*` here: pure data and validation.

// ---- popup → service worker ---------------------------------------------------------------

/**
 * @typedef {{type: 'detect_tab', tabId: number}} DetectTabRequest
 *   Detect what the tab shows (page snapshot + REST answers when allowed).
 * @typedef {{type: 'detect_url', url: string}} DetectUrlRequest
 *   Detect what a typed URL points to.
 * @typedef {DetectTabRequest | DetectUrlRequest} Request
 *   The `check {…}` request (token test) comes with the next issue.
 */

export const DETECT_TAB = 'detect_tab';
export const DETECT_URL = 'detect_url';

/** @returns {DetectTabRequest} */
export const detectTab = (tabId) => ({ type: DETECT_TAB, tabId });
/** @returns {DetectUrlRequest} */
export const detectUrl = (url) => ({ type: DETECT_URL, url });

/**
 * Checks a message received by the service worker.
 * @returns {{ok: true, request: Request} | {ok: false, error: ErrorInfo}}
 */
export function validateRequest(msg) {
  if (!msg || typeof msg !== 'object') return invalid('not an object');
  switch (msg.type) {
    case DETECT_TAB:
      return Number.isInteger(msg.tabId) && msg.tabId >= 0
        ? { ok: true, request: detectTab(msg.tabId) }
        : invalid('detect_tab needs an integer tabId');
    case DETECT_URL:
      return typeof msg.url === 'string' && msg.url.trim() !== '' && msg.url.length <= 8192
        ? { ok: true, request: detectUrl(msg.url.trim()) }
        : invalid('detect_url needs a url string');
    default:
      return invalid(`unknown type ${JSON.stringify(String(msg.type)).slice(0, 64)}`);
  }
}

// ---- service worker → popup ---------------------------------------------------------------

/**
 * @typedef {'bad_message' | 'tab_unreadable' | 'invalid_url' | 'core' | 'internal'} ErrorCode
 * @typedef {{code: ErrorCode, message: string}} ErrorInfo
 * @typedef {{ok: true, origin: string, allowFetch: boolean, detection: object}} DetectReply
 *   `origin`: the origin whose host permission was checked (`https://host[:port]`);
 *   `allowFetch`: whether the core could ask that origin's REST API;
 *   `detection`: the core's `Detection` (src/detect/mod.rs), texts as `{en, ru}` pairs.
 * @typedef {{ok: false, error: ErrorInfo}} ErrorReply
 * @typedef {DetectReply | ErrorReply} Reply
 */

/** @returns {DetectReply} */
export const detectReply = (origin, allowFetch, detection) => ({ ok: true, origin, allowFetch, detection });
/** @returns {ErrorReply} */
export const errorReply = (code, message) => ({ ok: false, error: { code, message: String(message) } });

const invalid = (why) => ({ ok: false, error: { code: 'bad_message', message: why } });

// ---- service worker → wasm core (mirror of src/protocol.rs `Command`) ----------------------

/**
 * @typedef {{allowFetch: boolean, timeoutMs?: number}} DetectOptions  (`DetectOptions`)
 * @typedef {{type: 'detect_page', snapshot: object, options: DetectOptions}} DetectPageCommand
 * @typedef {{type: 'detect_url', url: string, options: DetectOptions}} DetectUrlCommand
 * @typedef {DetectPageCommand | DetectUrlCommand} CoreCommand
 */

/** @returns {DetectPageCommand} */
export const detectPageCommand = (snapshot, allowFetch) => ({
  type: 'detect_page',
  snapshot,
  options: { allowFetch },
});
/** @returns {DetectUrlCommand} */
export const detectUrlCommand = (url, allowFetch) => ({
  type: 'detect_url',
  url,
  options: { allowFetch },
});

// ---- helpers shared by both sides ---------------------------------------------------------

/** Host names a Jira can have: DNS labels (IDNs arrive punycoded) or an IP literal. */
const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?)$/i;

/**
 * `scheme://host[:port]` of an http(s) URL, or `null` for anything else (chrome://, file:, …).
 * Stricter than `new URL`: Chromium's parser accepts `https://not a url` (host `not%20a%20url`).
 */
export function httpOrigin(url) {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return HOST.test(u.hostname) ? u.origin : null;
  } catch {
    return null;
  }
}
