// The one definition of the messages the extension's pages send the service worker (a
// `{type: …}` union) and what it answers. What the core reads and writes — the commands the
// worker hands to wasm `handle`, `Detection`, `CheckOutput`, `ShellFacts` … — is typed once, in
// Rust (src/wasm.d.ts, emitted into the glue's .d.ts): nothing of it is re-declared here. The
// core validates its commands (errors name the field, never a value); this file checks only
// what the worker itself acts on — a tab id, a URL, the objects it passes on — and the one rule
// that lives beside the permission check: which gateway a check may name. No `chrome.*` here.

/** @import { CheckInput, CheckOutput, ConnectionView, CreateResult, Deployment, Detection, RememberedConnection, ReminderSettings, ShellFacts } from './pkg/jira_token_wizard.js' */

/**
 * @typedef {{type: 'detect_tab', tabId: number, pageOnly: boolean, pair: string | null}} DetectTabRequest
 *   What the tab shows (its snapshot + REST answers when allowed). `pageOnly`: the snapshot
 *   alone, no request — the core's provisional first paint (`Detection.provisional`). `pair`:
 *   the first paint and the full detection of one run name the same (random) pair, and the
 *   worker reads the tab once for both.
 * @typedef {{type: 'detect_url', url: string}} DetectUrlRequest  What a typed URL points to.
 * @typedef {{type: 'check', detectionId: string, input: CheckInput}} CheckRequest
 *   Test a credential against the Jira detected, named by the id its detection reply gave (the
 *   worker keeps what it was made from: kept.js); `input.secret` lives only in memory.
 * @typedef {{type: 'create_pat', detectionId: string, name: string, expirationDays: number | null,
 *   tabId: number}} CreatePatRequest
 *   Create a PAT on Server/DC ≥ 8.14 with the user's browser session, sent from the Jira tab.
 * @typedef {{type: 'facts'}} FactsRequest  The core's `ShellFacts`.
 * @typedef {{type: 'clear_clipboard', digest: string, salt: string}} ClearClipboardRequest
 *   Clear the clipboard after `clipboardClearSeconds` if it still holds the text whose
 *   SHA-256(salt‖text) (hex) is `digest`; `salt`: 16 random bytes per copy (hex).
 * @typedef {{type: 'remembered'}} RememberedRequest  The remembered connections (reminders.js).
 * @typedef {{type: 'remember', connection: RememberedConnection}} RememberRequest
 *   Remember a connection after a test that worked, with the user's consent: the core keeps its
 *   origin, login, target, label and expiry date, and refuses any other field.
 * @typedef {{type: 'forget', key: string}} ForgetRequest  Forget one (`ConnectionView.key`).
 * @typedef {{type: 'reminder_settings', settings: ReminderSettings}} ReminderSettingsRequest
 * @typedef {DetectTabRequest | DetectUrlRequest | CheckRequest | CreatePatRequest | FactsRequest
 *   | ClearClipboardRequest | RememberedRequest | RememberRequest | ForgetRequest
 *   | ReminderSettingsRequest} Request
 * @typedef {{deployment?: Pick<Deployment, 'hosting' | 'cloudFamily' | 'reachedBaseUrl'>}} Sited
 *   What the worker's rules read of a detection (a `Detection` is one; so is what kept.js keeps).
 * @typedef {{type: 'clipboard_clear_now', digest: string, salt: string}} ClipboardClearNow
 *   Service worker → Chrome's offscreen document, when the alarm fires.
 *
 * @typedef {'bad_message' | 'bad_sender' | 'tab_unreadable' | 'invalid_url' | 'gateway_not_allowed'
 *   | 'host_not_allowed' | 'core' | 'internal'} ErrorCode
 * @typedef {{code: ErrorCode, message: string}} ErrorInfo
 * @typedef {{ok: false, error: ErrorInfo}} ErrorReply
 * @typedef {{ok: true, origin: string, allowFetch: boolean, detection: Detection,
 *   detectionId: string | null}} DetectReply
 *   `origin`: where REST is asked (`Detection.restOrigin`, else the page's); `allowFetch`: the
 *   extension may contact it; `detectionId`: what `check` and `create_pat` name this detection
 *   by (null for a first paint, which nothing is sent with).
 * @typedef {{ok: true} & CheckOutput} CheckReply  The result, its checklist and its report.
 * @typedef {{ok: true, created: CreateResult}} CreatePatReply  `created.token.rawToken`: shown once.
 * @typedef {{ok: true, facts: ShellFacts}} FactsReply
 * @typedef {{ok: true, seconds: number}} ClearClipboardReply
 * @typedef {{ok: true, remembered: ConnectionView[], settings: ReminderSettings | null,
 *   notifications: boolean}} RememberedReply
 *   The list with each one's days left (the core's), the settings (null: the core's default)
 *   and whether the optional `notifications` permission is held.
 * @typedef {DetectReply | CheckReply | CreatePatReply | FactsReply | ClearClipboardReply | RememberedReply
 *   | ErrorReply} Reply
 */

export const CLIPBOARD_CLEAR_NOW = 'clipboard_clear_now';

/** @type {(tabId: number, pageOnly?: boolean, pair?: string | null) => DetectTabRequest} */
export const detectTab = (tabId, pageOnly = false, pair = null) => ({ type: 'detect_tab', tabId, pageOnly, pair });
/** @type {(url: string) => DetectUrlRequest} */
export const detectUrl = (url) => ({ type: 'detect_url', url });
/** @type {(detectionId: string, input: CheckInput) => CheckRequest} */
export const checkRequest = (detectionId, input) => ({ type: 'check', detectionId, input });
/** @type {(detectionId: string, name: string, expirationDays: number | null, tabId: number) => CreatePatRequest} */
export const createPatRequest = (detectionId, name, expirationDays, tabId) => ({
  type: 'create_pat',
  detectionId,
  name,
  expirationDays,
  tabId,
});
/** @type {(digest: string, salt: string) => ClearClipboardRequest} */
export const clearClipboardRequest = (digest, salt) => ({ type: 'clear_clipboard', digest, salt });

/** @type {() => RememberedRequest} */
export const rememberedRequest = () => ({ type: 'remembered' });
/** @type {(connection: RememberedConnection) => RememberRequest} */
export const rememberRequest = (connection) => ({ type: 'remember', connection });
/** @type {(key: string) => ForgetRequest} */
export const forgetRequest = (key) => ({ type: 'forget', key });
/** @type {(settings: ReminderSettings) => ReminderSettingsRequest} */
export const reminderSettingsRequest = (settings) => ({ type: 'reminder_settings', settings });

/** @type {(code: ErrorCode, message: unknown) => ErrorReply} */
export const errorReply = (code, message) => ({ ok: false, error: { code, message: String(message) } });
/** @type {(why: string) => {ok: false, error: ErrorInfo}} */
const invalid = (why) => errorReply('bad_message', why);
/**
 * @param {unknown} v
 * @returns {v is Record<string, unknown>}
 */
function isObject(v) {
  return Boolean(v) && typeof v === 'object' && !Array.isArray(v);
}
/**
 * @param {unknown} v
 * @returns {v is number}
 */
function isTabId(v) {
  return Number.isInteger(v) && Number(v) >= 0;
}
/**
 * @param {unknown} v
 * @returns {v is string}
 */
function isDetectionId(v) {
  return typeof v === 'string' && DETECTION_ID.test(v);
}
/**
 * A value the core validates, passed on as the type the call expects.
 * @template T
 * @param {unknown} v
 * @returns {T}
 */
const forCore = (v) => /** @type {T} */ (v);
const HEX = (/** @type {number} */ n) => new RegExp(`^[0-9a-f]{${n}}$`);
/** A run's pair: a random UUID (`crypto.randomUUID`). */
const PAIR = /^[0-9a-f-]{36}$/;
/** A kept detection's id (extension/kept.js): a random UUID too. */
export const DETECTION_ID = PAIR;

/**
 * Checks a message received by the service worker: its type, and what the worker acts on
 * itself. The objects it hands the core are the core's to validate (`forCore`).
 * @param {unknown} msg  anything a page sent
 * @returns {{ok: true, request: Request} | ErrorReply}
 */
export function validateRequest(msg) {
  if (!isObject(msg)) return invalid('not an object');
  switch (msg.type) {
    case 'detect_tab':
      return isTabId(msg.tabId)
        ? {
            ok: true,
            request: detectTab(
              msg.tabId,
              msg.pageOnly === true,
              typeof msg.pair === 'string' && PAIR.test(msg.pair) ? msg.pair : null,
            ),
          }
        : invalid('detect_tab needs an integer tabId');
    case 'detect_url':
      return typeof msg.url === 'string' && msg.url.trim() !== '' && msg.url.length <= 8192
        ? { ok: true, request: detectUrl(msg.url.trim()) }
        : invalid('detect_url needs a url string');
    case 'check':
      return isDetectionId(msg.detectionId) && isObject(msg.input)
        ? {
            ok: true,
            request: checkRequest(msg.detectionId, forCore(msg.input)),
          }
        : invalid('check needs a detectionId and an input');
    case 'create_pat':
      return isDetectionId(msg.detectionId) && isTabId(msg.tabId)
        ? {
            ok: true,
            // The core checks the name and the days (`pat::CreateInput`).
            request: createPatRequest(
              msg.detectionId,
              forCore(msg.name),
              forCore(msg.expirationDays ?? null),
              msg.tabId,
            ),
          }
        : invalid('create_pat needs a detectionId and the integer tabId of the Jira tab');
    case 'facts':
      return { ok: true, request: { type: 'facts' } };
    case 'clear_clipboard':
      return typeof msg.digest === 'string' &&
        HEX(64).test(msg.digest) &&
        typeof msg.salt === 'string' &&
        HEX(32).test(msg.salt)
        ? { ok: true, request: clearClipboardRequest(msg.digest, msg.salt) }
        : invalid('clear_clipboard needs a SHA-256 digest (64 lower-case hex digits) and its salt (32)');
    case 'remembered':
      return { ok: true, request: rememberedRequest() };
    case 'remember':
      return isObject(msg.connection)
        ? { ok: true, request: rememberRequest(forCore(msg.connection)) }
        : invalid('remember needs a connection');
    case 'forget':
      return typeof msg.key === 'string' && msg.key.length <= 4096
        ? { ok: true, request: forgetRequest(msg.key) }
        : invalid('forget needs a key string');
    case 'reminder_settings':
      return isObject(msg.settings)
        ? { ok: true, request: reminderSettingsRequest(forCore(msg.settings)) }
        : invalid('reminder_settings needs settings');
    default:
      return invalid(`unknown type ${JSON.stringify(String(msg.type)).slice(0, 64)}`);
  }
}

/**
 * The gateway rule, beside the service worker's permission check: a check may name no gateway,
 * or `allowed` (the gateway of the site's Cloud family, `familyOf`) for a Cloud detection —
 * nothing else.
 * @param {CheckInput} input
 * @param {boolean} cloud  the detection checked against is Jira Cloud's
 * @param {string} allowed
 * @returns {string | null}  why not, or null
 */
export function gatewayProblem(input, cloud, allowed) {
  const gateway = input.gateway ?? null;
  if (gateway === null) return null;
  if (gateway !== allowed) return `check: gateway must be null or ${allowed}`;
  if (!cloud) return 'check: a gateway is only for Jira Cloud';
  return null;
}

/**
 * The Cloud family of a detection's site, from the core's `ShellFacts.cloudFamilies`
 * (`Deployment.cloudFamily`; commercial where the core named none, as its plans do), or null
 * off Cloud. A credential of one family never goes to another family's host (`urls::family`).
 * @param {Sited | null | undefined} detection
 * @param {ShellFacts['cloudFamilies']} families
 */
export function familyOf(detection, families) {
  const d = detection?.deployment;
  if (d?.hosting !== 'cloud') return null;
  return families.find((f) => f.id === (d.cloudFamily ?? 'commercial')) ?? null;
}

/**
 * Every origin a test of a service account's client credentials asks (src/probe/
 * client_credentials.rs): the site, and on Cloud its family's authorization server (the core's
 * `tokenUrl`) and gateway — null on Data Center, where the token endpoint and the REST API are
 * the site's own. What the wizard asks access to, and what the worker checks, before a test.
 * @param {Sited | null | undefined} detection
 * @param {ShellFacts['cloudFamilies']} families
 * @returns {{site: string | null, auth: string | null, gateway: string | null}}
 */
export function clientCredentialsOrigins(detection, families) {
  const family = familyOf(detection, families);
  return {
    site: credentialOrigin(detection),
    auth: family ? httpOrigin(family.tokenUrl) : null,
    gateway: family ? httpOrigin(family.gateway) : null,
  };
}

/** Host names a Jira can have: DNS labels (IDNs arrive punycoded) or an IP literal. */
const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?)$/i;

/**
 * `scheme://host[:port]` of an http(s) URL, or `null` for anything else (chrome://, file:, …).
 * Stricter than `new URL`: Chromium's parser accepts `https://not a url` (host `not%20a%20url`).
 * @param {string} url
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

/**
 * The origin a detection's credential would go to (`deployment.reachedBaseUrl`), or null when
 * detection never reached Jira (then nothing is sent).
 * @param {Sited | null | undefined} detection
 */
export const credentialOrigin = (detection) => httpOrigin(detection?.deployment?.reachedBaseUrl ?? '');
