// The service worker: answers the popup's protocol messages (extension/protocol.js) by
// gathering inputs — a page snapshot, whether the extension may contact the origin — and
// handing one command to the wasm core, which decides everything and does the fetching.
//
// MV3 rules kept here: every listener is registered synchronously at the top level (a
// restarted worker must see the event that woke it), and nothing lives in memory across
// restarts except the wasm module, which is loaded as the worker starts (and again on demand
// after a failed load); what a later command needs of a detection is kept in storage.session
// (kept.js). Requests to Jira go out from
// here, not from the page: a content-script context cannot fetch cross-origin even with host
// permissions (facts §6.1). The one exception is the PAT creation, which must carry the Jira
// page's own origin and session: the core plans it and the Jira tab sends it (`createPat`).

import { core, facts as coreFacts, run } from './core.js';
/** @import { Commands, DetectCommand, Exchange, PageSnapshot } from './pkg/jira_token_wizard.js' */
/** @import { CheckRequest, CreatePatRequest, Reply } from './protocol.js' */
import {
  askOffscreen,
  extensionVersion,
  grantedPatterns,
  hasOrigin,
  needsOffscreen,
  onMessage,
  onToolbarClick,
  runInTab,
} from './browser.js';
import { clearIfStill, onClearDue, scheduleClear as scheduleClipboardClear } from './clipboard.js';
import { detected, keepDetection, keepFacts, keepShown, keptDetection } from './kept.js';
import {
  CLIPBOARD_CLEAR_NOW,
  clientCredentialsOrigins,
  credentialOrigin,
  errorReply,
  familyOf,
  gatewayProblem,
  httpOrigin,
  validateRequest,
} from './protocol.js';
import { forget, onReminders, remember, rememberedReply, setReminderSettings } from './reminders.js';
import { SNAPSHOT_LIMITS, collectSnapshot } from './snapshot.js';
import { tabFetch } from './tab-fetch.js';
import { step, timed } from './timing.js';

// The core is loaded as soon as the worker starts, not on the first message: the wizard's
// first message (or the tab snapshot it waits for) then overlaps the wasm compile. A failure
// here is retried (and reported) by the first command (core.js).
// Its facts are kept in storage.session for the pages to read without a message (facts.js).
core()
  .then(() => keepFacts(coreFacts()))
  .catch(() => {});

onMessage(
  /** @returns {Promise<Reply>} */
  async (message) => {
    const checked = validateRequest(message);
    if (!checked.ok) return checked;
    const { request } = checked;
    switch (request.type) {
      case 'detect_tab':
        return timed(`message:detect_tab${request.pageOnly ? '_page_only' : ''}`, () =>
          detectTab(request.tabId, request.pageOnly, request.pair),
        );
      case 'detect_url':
        return detectTypedUrl(request.url);
      case 'check':
        return timed('message:check', () => check(request));
      case 'create_pat':
        return createPat(request);
      case 'facts':
        return facts();
      case 'clear_clipboard':
        return scheduleClear(request.digest, request.salt);
      case 'remembered':
        return rememberedReply();
      case 'remember':
        return remember(request.connection);
      case 'forget':
        return forget(request.key);
      case 'reminder_settings':
        return setReminderSettings(request.settings);
    }
  },
);

// The clipboard alarm may wake a stopped worker: registered at the top level too.
onClearDue(clearClipboard);

// Remembered connections: their alarm, the browser's start, a reminder's click (reminders.js).
onReminders();

// The toolbar button opens the wizard beside the page (Chrome's side panel, Firefox's sidebar).
onToolbarClick();

/**
 * A page copied a secret: remember its salted digest and the salt (memory-only session
 * storage, never the text) and set the alarm for the core's `clipboardClearSeconds` from now.
 * @param {string} digest
 * @param {string} salt
 * @returns {Promise<Reply>}
 */
async function scheduleClear(digest, salt) {
  try {
    await core();
    const seconds = coreFacts().clipboardClearSeconds;
    await scheduleClipboardClear(digest, salt, Date.now() + seconds * 1000);
    return { ok: true, seconds };
  } catch (err) {
    return errorReply('internal', err?.message ?? err);
  }
}

/**
 * The alarm fired: empty the clipboard if it still holds the copied text. Chrome's worker has
 * no DOM and reaches the clipboard through its offscreen document; Firefox's background page
 * does it itself.
 * @param {string} digest
 * @param {string} salt
 */
function clearClipboard(digest, salt) {
  return needsOffscreen() ? askOffscreen({ type: CLIPBOARD_CLEAR_NOW, digest, salt }) : clearIfStill(digest, salt);
}

/**
 * What a tab read gives: the page's snapshot, its origin, whether the extension may contact
 * that origin and every host permission it holds — or why the tab could not be read.
 * @typedef {{snapshot: PageSnapshot, origin: string, allowFetch: boolean, patterns: string[]} | {unreadable: string}} TabRead
 */

/**
 * Reads shared by the two requests of one wizard run — its first paint and its full detection,
 * sent at once with the same `pair` — so the tab is read, and the permissions asked, once for
 * both. An entry lives until the second request takes it (or a few seconds, if it never
 * comes); nothing here outlives a burst of messages, so a restarted worker just reads again.
 * @type {Map<string, Promise<TabRead>>}
 */
const pairedReads = new Map();

/**
 * The tab's snapshot (measured as `snapshot` when it read an http(s) page, `snapshot-other`
 * when not: a tab still blank, a browser page) and the host permissions, asked meanwhile.
 * @param {number} tabId
 * @returns {Promise<TabRead>}
 */
async function readTab(tabId) {
  const patterns = grantedPatterns().catch(() => []);
  const start = performance.now();
  /** @type {PageSnapshot | undefined} */
  let snapshot;
  try {
    snapshot = await runInTab(tabId, collectSnapshot, [SNAPSHOT_LIMITS]);
  } catch (err) {
    // chrome://, the Web Store, PDF viewers, or no activeTab grant.
    step('snapshot-other', start);
    return { unreadable: String(err?.message ?? err) };
  }
  const origin = httpOrigin(snapshot?.url ?? '');
  step(origin ? 'snapshot' : 'snapshot-other', start);
  if (!snapshot || !origin) return { unreadable: 'not an http(s) page' };
  const [allowFetch, granted] = await Promise.all([hasOrigin(origin), patterns]);
  return { snapshot, origin, allowFetch, patterns: granted };
}

/**
 * The tab read once for the two requests of a `pair`.
 * @param {number} tabId
 * @param {string | null} pair
 */
function readTabOnce(tabId, pair) {
  if (pair === null) return readTab(tabId);
  const key = `${tabId} ${pair}`;
  const taken = pairedReads.get(key);
  if (taken) {
    pairedReads.delete(key);
    return taken;
  }
  const read = readTab(tabId);
  pairedReads.set(key, read);
  setTimeout(() => pairedReads.delete(key), 10_000);
  return read;
}

/**
 * A tab's detection; `pageOnly`: from the snapshot alone, no request (the first paint).
 * @param {number} tabId
 * @param {boolean} pageOnly
 * @param {string | null} pair  shared with the other request of the run: one read for both
 */
async function detectTab(tabId, pageOnly, pair) {
  const read = await readTabOnce(tabId, pair);
  if ('unreadable' in read) return errorReply('tab_unreadable', read.unreadable);
  const { snapshot, origin, allowFetch, patterns } = read;
  // The full detection of a pair lets the first paint's reply go out before it starts its work.
  if (!pageOnly && pair !== null) await new Promise((resolve) => setTimeout(resolve, 0));
  return runCore(origin, allowFetch, tabId, {
    type: 'detect_page',
    snapshot,
    options: { allowFetch, grantedPatterns: patterns, pageOnly },
  });
}

/** @param {string} url */
async function detectTypedUrl(url) {
  const origin = httpOrigin(url);
  if (!origin) return errorReply('invalid_url', url);
  const [allowFetch, patterns] = await Promise.all([hasOrigin(origin), grantedPatterns().catch(() => [])]);
  return runCore(origin, allowFetch, null, {
    type: 'detect_url',
    url,
    options: { allowFetch, grantedPatterns: patterns },
  });
}

/**
 * Runs detection once, with every host permission the browser lists (the core decides which
 * origin they grant: the Atlassian site a custom domain names is asked in the same run), and
 * keeps what a full detection was made from (kept.js) under the id the reply names.
 * @param {string} origin
 * @param {boolean} allowFetch
 * @param {number | null} tabId  the tab read, null for a typed address
 * @param {DetectCommand} detect
 * @returns {Promise<Reply>}
 */
async function runCore(origin, allowFetch, tabId, detect) {
  try {
    const { detection, answers } = await run(detect);
    // The reply names the origin REST was (or would be) asked at, and whether we may.
    const rest = httpOrigin(detection.restOrigin ?? '') ?? origin;
    const allowed = rest === origin ? allowFetch : await hasOrigin(rest).catch(() => false);
    const detectionId = detection.provisional
      ? null
      : await keepDetection({
          tabId,
          detect,
          answers,
          deployment: {
            hosting: detection.deployment.hosting,
            cloudFamily: detection.deployment.cloudFamily,
            reachedBaseUrl: detection.deployment.reachedBaseUrl,
          },
        });
    /** @type {Reply} */
    const reply = { ok: true, origin: rest, allowFetch: allowed, detection, detectionId };
    // The wizard opened again on this page paints it at once (kept.js); after the reply is sent.
    if (detectionId && tabId !== null && detect.type === 'detect_page') {
      const url = detect.snapshot.url;
      setTimeout(() => keepShown({ tabId, url, reply }).catch(() => {}), 0);
    }
    return reply;
  } catch (err) {
    return errorReply('core', err?.message ?? err);
  }
}

/**
 * What the pages read from the core at start (src/protocol/shell.rs).
 * @returns {Promise<Reply>}
 */
async function facts() {
  try {
    await core();
    return { ok: true, facts: coreFacts() };
  } catch (err) {
    return errorReply('core', err?.message ?? err);
  }
}

/**
 * The token test: the core's `Check` command, which validates the input. The secret is passed
 * on, never kept or logged. With `input.gateway` (only the gateway of the site's Cloud family,
 * `familyOf`: `gatewayProblem`) the core may send the credential to Atlassian's gateway — and a
 * service account's client secret to the family's authorization server — so the extension
 * must hold the host permission the user granted for it from the popup's button. Without it
 * the check is refused here: a fetch without host permission still reaches the server (its
 * CORS preflight does), so it must not be tried at all.
 * @param {CheckRequest} request
 * @returns {Promise<Reply>}
 */
async function check(request) {
  const { detectionId, input } = request;
  try {
    await core();
    const kept = await keptDetection(detectionId);
    if (!kept) return errorReply('bad_message', 'check: no detection kept under that id (detect again)');
    const { gateway, cloudFamilies } = coreFacts();
    const cloud = kept.deployment.hosting === 'cloud';
    const problem = gatewayProblem(input, cloud, familyOf(kept, cloudFamilies)?.gateway ?? gateway);
    if (problem) return errorReply('bad_message', problem);
    if (input.gateway && !(await hasOrigin(input.gateway).catch(() => false))) {
      return errorReply('gateway_not_allowed', `no access to ${input.gateway}: the user has not allowed it`);
    }
    // Client credentials on Cloud: the secret goes to the family's authorization server first.
    const auth = input.auth === 'client-credentials' ? clientCredentialsOrigins(kept, cloudFamilies).auth : null;
    if (auth && !(await hasOrigin(auth).catch(() => false))) return errorReply('host_not_allowed', auth);
    // The origin the credential goes to: re-checked here, whatever the popup was shown.
    const target = credentialOrigin(kept);
    if (target && !(await hasOrigin(target).catch(() => false))) {
      return errorReply('host_not_allowed', target);
    }
    // What only the browser knows of the report the core builds with the result.
    const meta = {
      tool: /** @type {const} */ ('extension'),
      version: extensionVersion(),
      environment: globalThis.navigator?.userAgent ?? '',
      generatedAt: new Date().toISOString(),
    };
    return { ok: true, ...(await run({ type: 'check', detected: detected(kept), input, meta })) };
  } catch (err) {
    return errorReply('core', err?.message ?? err);
  }
}

/**
 * The one-click PAT: the core plans one POST (`plan_pat`), the Jira tab sends it with the
 * user's session (tab-fetch.js: from the page's own context, so Jira's XSRF check sees its own
 * origin — in Firefox too, whose extension origin it refuses), and the core classifies the
 * answer (`interpret_pat`). Only with the host permission for the Jira origin, checked first,
 * as for a token test: activeTab alone would let the script run, but it is not enough here.
 * The reply carries the new token for the popup to show once; nothing here keeps or logs it.
 * @param {CreatePatRequest} request
 * @returns {Promise<Reply>}
 */
async function createPat({ detectionId, name, expirationDays, tabId }) {
  try {
    const kept = await keptDetection(detectionId);
    if (!kept) return errorReply('bad_message', 'create_pat: no detection kept under that id (detect again)');
    const target = credentialOrigin(kept);
    if (!target || !(await hasOrigin(target).catch(() => false))) {
      return errorReply('host_not_allowed', target ?? 'no Jira was reached');
    }
    const input = { name, expirationDays };
    const request = await run({ type: 'plan_pat', detected: detected(kept), input });
    /** @type {Exchange} */
    const answer = await runInTab(tabId, tabFetch, [request]).then(
      (got) => got ?? { kind: 'notSent', elapsedMs: 0, detail: 'the Jira tab gave no answer' },
      // The tab closed, navigated to a page scripts may not run in, or refused the script.
      (err) => ({ kind: 'notSent', elapsedMs: 0, detail: `the Jira tab could not send it: ${err?.message ?? err}` }),
    );
    return { ok: true, created: await run({ type: 'interpret_pat', detected: detected(kept), input, answer }) };
  } catch (err) {
    return errorReply('core', err?.message ?? err);
  }
}
