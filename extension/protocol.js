// The one definition of the extension's message protocol: what the pages ask the service
// worker (a `{type: …}` union), what it answers, and the commands the service worker hands to
// the wasm core (`Command` in src/protocol/mod.rs: tag "type", camelCase fields). The core
// validates the commands, once (its errors name the field, never a value); this file checks
// only what the service worker itself acts on — a tab id, a URL, the objects it passes on —
// and the one rule that lives beside the permission check: which gateway a check may name.
// No `chrome.*` here: pure data.

// ---- popup → service worker ---------------------------------------------------------------

/**
 * @typedef {{type: 'detect_tab', tabId: number, pageOnly?: boolean}} DetectTabRequest
 *   Detect what the tab shows (page snapshot + REST answers when allowed). `pageOnly`: the
 *   snapshot alone, no request — the core's provisional first paint (`Detection.provisional`).
 * @typedef {{type: 'detect_url', url: string}} DetectUrlRequest
 *   Detect what a typed URL points to.
 * @typedef {string} Target
 *   The integration the credential is for: an id of `Facts.targets` (`Target` in src/targets.rs).
 * @typedef {{login: string, secret: string, auth: 'auto' | 'api-token' | 'pat' | 'basic',
 *   target: Target, project: string | null, requiredPermissions: string[],
 *   gateway: string | null, timeoutMs?: number, keyMaterial: number[] | null, now?: string | null}} CheckInput
 *   (`CheckInput` in src/probe/input.rs, which checks it). `gateway`: null, or `Facts.gateway`
 *   for a Cloud detection — nothing else (the service worker also needs the host permission
 *   for it). `keyMaterial`: `Facts.keyMaterialBytes` bytes from `crypto.getRandomValues`, as a
 *   plain array — required for `issue-sync` (its Local Authentication Key), since the core has
 *   no randomness. `timeoutMs` may be left out (the core's default). `now`: the popup's clock
 *   (RFC 3339), which the core — it has none — needs to tell how many days a token has left.
 * @typedef {{type: 'check', detection: CoreData, input: CheckInput}} CheckRequest
 *   Test a credential against the detected Jira. `detection` is the `Detection` the popup
 *   shows; `input.secret` lives only in memory (never stored, never logged).
 * @typedef {DetectTabRequest | DetectUrlRequest | CheckRequest | CreatePatRequest | FactsRequest
 *   | ClearClipboardRequest} Request
 */

export const DETECT_TAB = 'detect_tab';
export const DETECT_URL = 'detect_url';
export const CHECK = 'check';
/** @returns {DetectTabRequest} */
export const detectTab = (tabId, pageOnly = false) => ({ type: DETECT_TAB, tabId, pageOnly });
/** @returns {DetectUrlRequest} */
export const detectUrl = (url) => ({ type: DETECT_URL, url });

/** @returns {CheckRequest} */
export const checkRequest = (detection, input) => ({ type: CHECK, detection, input });

const isObject = (v) => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

/**
 * The gateway rule, beside the service worker's permission check: a check may name no gateway,
 * or `allowed` (`Facts.gateway`, Atlassian's) for a Cloud detection — nothing else.
 * @param {CheckRequest} request
 * @param {string} allowed
 * @returns {string | null}  why not, or null
 */
export function gatewayProblem(request, allowed) {
  const gateway = request.input.gateway ?? null;
  if (gateway === null) return null;
  if (gateway !== allowed) return `check: gateway must be null or ${allowed}`;
  if (request.detection.deployment?.hosting !== 'cloud') return 'check: a gateway is only for Jira Cloud';
  return null;
}

/**
 * Checks a message received by the service worker.
 * @returns {{ok: true, request: Request} | {ok: false, error: ErrorInfo}}
 */
export function validateRequest(msg) {
  if (!msg || typeof msg !== 'object') return invalid('not an object');
  switch (msg.type) {
    case DETECT_TAB:
      return Number.isInteger(msg.tabId) && msg.tabId >= 0
        ? { ok: true, request: detectTab(msg.tabId, msg.pageOnly === true) }
        : invalid('detect_tab needs an integer tabId');
    case DETECT_URL:
      return typeof msg.url === 'string' && msg.url.trim() !== '' && msg.url.length <= 8192
        ? { ok: true, request: detectUrl(msg.url.trim()) }
        : invalid('detect_url needs a url string');
    case CHECK:
      return isObject(msg.detection) && isObject(msg.input)
        ? { ok: true, request: checkRequest(msg.detection, msg.input) }
        : invalid('check needs a detection and an input');
    case CREATE_PAT:
      return isObject(msg.detection) && Number.isInteger(msg.tabId) && msg.tabId >= 0
        ? { ok: true, request: createPatRequest(msg.detection, msg.name, msg.expirationDays ?? null, msg.tabId) }
        : invalid('create_pat needs a detection and the integer tabId of the Jira tab');
    case FACTS:
      return { ok: true, request: factsRequest() };
    case CLEAR_CLIPBOARD:
      return typeof msg.digest === 'string' &&
        /^[0-9a-f]{64}$/.test(msg.digest) &&
        typeof msg.salt === 'string' &&
        /^[0-9a-f]{32}$/.test(msg.salt)
        ? { ok: true, request: clearClipboardRequest(msg.digest, msg.salt) }
        : invalid('clear_clipboard needs a SHA-256 digest (64 lower-case hex digits) and its salt (32)');
    default:
      return invalid(`unknown type ${JSON.stringify(String(msg.type)).slice(0, 64)}`);
  }
}

// ---- service worker → popup ---------------------------------------------------------------

/**
 * @typedef {Record<string, any>} CoreData
 *   Plain data as the core wrote it (a `Detection`, a `CheckResult`, …): its form is the core's
 *   (src/json/forms/) and is not repeated here; the shell reads only the fields it shows.
 */

/**
 * @typedef {'bad_message' | 'bad_sender' | 'tab_unreadable' | 'invalid_url' | 'gateway_not_allowed'
 *   | 'host_not_allowed' | 'core' | 'internal'} ErrorCode
 *   `gateway_not_allowed`: a check asked for the gateway without the host permission for it.
 *   `host_not_allowed`: a check or PAT creation for an origin the extension has no access to.
 *   `bad_sender`: a message from anything but the extension's own pages.
 * @typedef {{code: ErrorCode, message: string}} ErrorInfo
 * @typedef {{ok: true, origin: string, allowFetch: boolean, detection: CoreData}} DetectReply
 *   `origin`: the origin REST is asked at (`Detection.restOrigin`: the tab's, or the Atlassian
 *   site a Cloud page elsewhere names), whose host permission was checked (`https://host[:port]`);
 *   `allowFetch`: whether the extension may contact that origin;
 *   `detection`: the core's `Detection` (src/detect/mod.rs), texts as `{en, ru}` pairs.
 * @typedef {{ok: false, error: ErrorInfo}} ErrorReply
 * @typedef {{ok: true, result: CoreData, checklist: CoreData[], report: Rendered}} CheckReply
 *   (`protocol::CheckOutput`) `result`: the core's `CheckResult` (src/probe/mod.rs); it holds
 *   no secret. `checklist`: the core's checklist of that result (`report::CheckItem`s, the
 *   report's own lines), which the wizard shows. `report`: the result's redacted report,
 *   rendered (`report::Rendered`), with the meta the service worker gave.
 * @typedef {DetectReply | CheckReply | CreatePatReply | FactsReply | ErrorReply} Reply
 */

/** The wasm `check` answer (`protocol::CheckOutput`) as a reply. @returns {CheckReply} */
export const checkReply = ({ result, checklist, report }) => ({ ok: true, result, checklist, report });

/** @returns {DetectReply} */
export const detectReply = (origin, allowFetch, detection) => ({ ok: true, origin, allowFetch, detection });
/**
 * @param {ErrorCode} code
 * @param {unknown} message  shown as `String(message)`
 * @returns {ErrorReply}
 */
export const errorReply = (code, message) => ({ ok: false, error: { code, message: String(message) } });

/** @returns {ErrorReply} */
const invalid = (why) => ({ ok: false, error: { code: 'bad_message', message: why } });

// ---- service worker → wasm core (mirror of src/protocol.rs `Command`) ----------------------

/**
 * @typedef {{allowFetch: boolean, grantedOrigins?: string[], timeoutMs?: number, pageOnly?: boolean}} DetectOptions
 *   (`DetectOptions`): `allowFetch` for the page's own origin; `grantedOrigins`: the other
 *   origins the page (or a custom domain's serverInfo) names that the extension may contact;
 *   `pageOnly`: ask nothing (first paint).
 * @typedef {{type: 'detect_page', snapshot: object, options: DetectOptions}} DetectPageCommand
 * @typedef {{type: 'detect_url', url: string, options: DetectOptions}} DetectUrlCommand
 * @typedef {{type: 'check', detection: object, input: CheckInput, meta: ReportMeta}} CheckCommand
 *   (`Check`): answers the result, its checklist and its report (`protocol::CheckOutput`).
 * @typedef {DetectPageCommand | DetectUrlCommand | CheckCommand} CoreCommand
 */

/** @returns {CheckCommand} */
export const checkCommand = (detection, input, meta) => ({ type: 'check', detection, input, meta });

/** @returns {DetectPageCommand} */
export const detectPageCommand = (snapshot, allowFetch, grantedOrigins = [], pageOnly = false) => ({
  type: 'detect_page',
  snapshot,
  options: { allowFetch, grantedOrigins, pageOnly },
});

/**
 * The origin a detection's credential would go to (`deployment.reachedBaseUrl`), or null when
 * detection never reached Jira (then nothing is sent).
 * @param {CoreData | null | undefined} detection
 */
export const credentialOrigin = (detection) => httpOrigin(detection?.deployment?.reachedBaseUrl ?? '');
/** @returns {DetectUrlCommand} */
export const detectUrlCommand = (url, allowFetch, grantedOrigins = []) => ({
  type: 'detect_url',
  url,
  options: { allowFetch, grantedOrigins },
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

// ---- the diagnostic report (built by the core with each token test) -------------------------

/**
 * @typedef {{tool: 'extension', version: string, environment: string, generatedAt: string}} ReportMeta
 *   What only the service worker knows of a report (`report::Meta`): the extension's version,
 *   the browser and OS, the time. It goes with each `check` command.
 * @typedef {{report: object, json: string, markdown: {en: string, ru: string}, fileName: string}} Rendered
 *   (`report::Rendered`): the report, its JSON and its Markdown in both languages.
 */

// ---- one-click personal access token (popup → service worker → core `Command::PlanPat`,
//      the Jira tab sends it, → core `Command::InterpretPat`) ----------------------------------

/**
 * @typedef {{type: 'create_pat', detection: object, name: string, expirationDays: number | null,
 *   tabId: number}} CreatePatRequest
 *   Create a PAT on the detected Jira Server/DC ≥ 8.14 with the user's browser session (the one
 *   request sent with cookies), sent from the Jira tab `tabId` (the wizard's tab). Only after
 *   the user confirmed it in the popup.
 * @typedef {{name: string, expirationDays: number | null, timeoutMs?: number}} CreateInput
 *   (`pat::CreateInput` in src/pat/mod.rs, which checks it; `timeoutMs` left out: the core's default)
 * @typedef {{type: 'plan_pat', detection: object, input: CreateInput}} PlanPatCommand
 *   (`PlanPat`): answers a `pat::TabRequest` (tab-fetch.js `TabRequest`), or rejects when
 *   one-click is not offered or the input is wrong.
 * @typedef {{type: 'interpret_pat', detection: object, input: CreateInput,
 *   answer: import('./tab-fetch.js').TabExchange}} InterpretPatCommand
 *   (`InterpretPat`): the same detection and input, and what the tab got (`http::Exchange`);
 *   answers a `pat::CreateResult`.
 * @typedef {{ok: true, created: {outcome: object, ok: boolean, token: object | null,
 *   tokenPageUrl: string, requests: object[]}}} CreatePatReply  (`pat::CreateResult`)
 *   `created.token.rawToken` is the new secret: shown once, never stored, never logged.
 */

export const CREATE_PAT = 'create_pat';

/** @returns {CreatePatRequest} */
export const createPatRequest = (detection, name, expirationDays, tabId) => ({
  type: CREATE_PAT,
  detection,
  name,
  expirationDays,
  tabId,
});
/** @returns {CreatePatReply} */
export const createPatReply = (created) => ({ ok: true, created });
/** @returns {PlanPatCommand} */
export const planPatCommand = (detection, name, expirationDays) => ({
  type: 'plan_pat',
  detection,
  input: { name, expirationDays },
});
/** @returns {InterpretPatCommand} */
export const interpretPatCommand = (detection, name, expirationDays, answer) => ({
  type: 'interpret_pat',
  detection,
  input: { name, expirationDays },
  answer,
});

// ---- what the pages read from the core (page → service worker → wasm `facts()`) -------------

/**
 * @typedef {{en: string, ru: string}} CoreText
 * @typedef {{id: Target, name: CoreText, sendsOnCloud: string | null,
 *   sendsOnSelfManaged: string | null, question: CoreText}} TargetFacts
 * @typedef {{version: string, targets: TargetFacts[], authChoices: string[],
 *   methods: {method: string, name: CoreText}[], labels: Record<string, CoreText>,
 *   secretMask: string, keyMaterialBytes: number,
 *   limits: {secretMaxChars: number, loginMaxChars: number, projectKeyMaxChars: number,
 *     timeoutMsMin: number, timeoutMsMax: number},
 *   pat: {maxNameChars: number, maxExpiryDays: number, defaultExpiryDays: number},
 *   gateway: string, clipboardClearSeconds: number}} Facts
 *   (`ShellFacts` in src/protocol/shell.rs)
 * @typedef {{type: 'facts'}} FactsRequest
 * @typedef {{ok: true, facts: Facts}} FactsReply
 */

export const FACTS = 'facts';
/** @returns {FactsRequest} */
export const factsRequest = () => ({ type: FACTS });
/** @returns {FactsReply} */
export const factsReply = (facts) => ({ ok: true, facts });

// ---- clearing a copied secret (page → service worker → offscreen document in Chrome) ---------

/**
 * @typedef {{type: 'clear_clipboard', digest: string, salt: string}} ClearClipboardRequest
 *   A page copied a secret: clear the clipboard after `Facts.clipboardClearSeconds` if it
 *   still holds the text whose SHA-256(salt‖text) (lower-case hex) is `digest`; `salt`: 16
 *   random bytes per copy, hex. The text never leaves the page that copied it.
 * @typedef {{ok: true, seconds: number}} ClearClipboardReply
 *   Scheduled: the clipboard is looked at in `seconds`.
 * @typedef {{type: 'clipboard_clear_now', digest: string, salt: string}} ClipboardClearNow
 *   Service worker → Chrome's offscreen document, when the alarm fires.
 */

export const CLEAR_CLIPBOARD = 'clear_clipboard';
export const CLIPBOARD_CLEAR_NOW = 'clipboard_clear_now';
/** @returns {ClearClipboardRequest} */
export const clearClipboardRequest = (digest, salt) => ({ type: CLEAR_CLIPBOARD, digest, salt });
/** @returns {ClearClipboardReply} */
export const clearClipboardReply = (seconds) => ({ ok: true, seconds });
/** @returns {ClipboardClearNow} */
export const clipboardClearNow = (digest, salt) => ({ type: CLIPBOARD_CLEAR_NOW, digest, salt });
