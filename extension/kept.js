// What the service worker keeps of the detections it ran, in storage.session (memory only; a
// stopped worker finds it again when the user comes back from the token page): for each, the
// raw inputs it was made from — the detect command it sent (the tab's snapshot or the typed
// URL) and the answers the core handed back with it (`DetectOutput.answers`) — under a random
// id the wizard gets in its reply. A later `check` or `create_pat` names that id, and the worker
// hands the core those inputs (`Detected`), never the `Detection` it answered: the core makes
// it again (ARCHITECTURE.md "No round trips of the core's output"). Beside them, what the worker
// itself acts on before the core runs: where a credential would go (its host permission is
// checked) and the Jira's Cloud family (the gateway and authorization server it may reach).
//
// One detection per tab is kept (a newer one of the same tab replaces it; typed addresses share
// one slot). The worker's life also keeps the latest in memory: the reply does not wait for the
// storage write, and a `check` reads no storage while the worker that detected is alive. No
// secret and nothing of a token test is kept here. No `chrome.*` here (browser.js).
//
// Beside them, for the wizard's first paint: the last full detection reply the worker gave for
// a tab, with the page URL it read (`shown`). A wizard opened again on that tab and page shows
// it at once, as the page's own word is shown (provisional, nothing may be sent with it), while
// the worker confirms it — no message to the worker before the first paint. And the core's
// facts (facts.js), kept as the worker loads the core, for the pages to read without a message.

import { sessionGet, sessionRemove, sessionSet } from './browser.js';
import { DETECTION_ID } from './protocol.js';
/** @import { Answers, DetectCommand, Detected, ShellFacts } from './pkg/jira_token_wizard.js' */
/** @import { DetectReply, Sited } from './protocol.js' */

/**
 * @typedef {{tabId: number | null, detect: DetectCommand, answers: Answers[]} & Required<Sited>} Kept
 *   `deployment`: of the detection, only where a credential would go (`reachedBaseUrl`) and its
 *   Cloud (`hosting`, `cloudFamily`): what the worker checks before the core runs.
 */

const DETECTED = 'detected:';
const SHOWN = 'shown';
const FACTS = 'facts';

/** The id kept for each tab (`typed` for typed addresses), in this worker's life. */
const latest = new Map();
/** What those ids were made from, in this worker's life (storage.session has them too). */
/** @type {Map<string, Kept>} */
const inMemory = new Map();
/** storage.session read-modify-writes, one at a time. */
let queue = Promise.resolve();
/**
 * @template T
 * @param {() => Promise<T>} job
 * @returns {Promise<T>}
 */
function inTurn(job) {
  const done = queue.then(job);
  queue = done.then(
    () => {},
    () => {},
  );
  return done;
}

/**
 * Keeps what a detection was made from and resolves with its id; the tab's earlier one goes.
 * @param {Kept} kept
 * @returns {Promise<string>}
 */
export function keepDetection(kept) {
  const id = crypto.randomUUID();
  const slot = kept.tabId ?? 'typed';
  const before = latest.get(slot);
  latest.set(slot, id);
  inMemory.set(id, kept);
  if (before) inMemory.delete(before);
  const written = inTurn(async () => {
    await sessionSet(DETECTED + id, kept);
    if (before) await sessionRemove(DETECTED + before);
  });
  // The id is good at once (in memory); a failed write is the storage's, as before.
  written.catch(() => {});
  return Promise.resolve(id);
}

/**
 * What the detection `id` was made from, or null (never kept, or replaced).
 * @param {string} id
 * @returns {Promise<Kept | null>}
 */
export async function keptDetection(id) {
  if (!DETECTION_ID.test(id)) return null;
  const here = inMemory.get(id);
  if (here) return here;
  const got = /** @type {Kept | undefined} */ (await sessionGet(DETECTED + id));
  // Not one this worker replaced meanwhile (its removal from storage may still be on its way).
  const newer = got ? latest.get(got.tabId ?? 'typed') : undefined;
  return got?.detect && (newer === undefined || newer === id) ? got : null;
}

/**
 * The core's `Detected`: the raw inputs, for `check`, `plan_pat` and `interpret_pat`.
 * @param {Kept} kept
 * @returns {Detected}
 */
export const detected = (kept) => ({ detect: kept.detect, answers: kept.answers });

/**
 * @typedef {{tabId: number, url: string, reply: DetectReply}} Shown  the last full detection
 *   reply of a tab, and the page URL it was read from
 */

/**
 * Keeps `shown` as the last reply shown (one for all tabs: the wizard opened again on the same
 * page is what it is for).
 * @param {Shown} shown
 */
export const keepShown = (shown) => sessionSet(SHOWN, shown);

/**
 * The last reply shown, as kept (or null): one storage read, made before the page knows its tab.
 * @returns {Promise<Shown | null>}
 */
export async function keptShown() {
  return /** @type {Shown | undefined} */ (await sessionGet(SHOWN)) ?? null;
}

/**
 * The kept reply as a first paint of `tabId` showing `url`: without the id a test would name
 * (it is the worker's word from before; the full detection confirms it), and provisional, as the
 * page's own word is. Null when it is not that tab and page.
 * @param {Shown} shown
 * @param {number} tabId
 * @param {string | undefined} url
 * @returns {DetectReply | null}
 */
export function shownBefore(shown, tabId, url) {
  if (!url || shown.tabId !== tabId || shown.url !== url || !shown.reply?.detection) return null;
  return { ...shown.reply, detectionId: null, detection: { ...shown.reply.detection, provisional: true } };
}

/**
 * Keeps the core's facts for the pages (the worker, as it loads the core).
 * @param {ShellFacts} facts
 */
export const keepFacts = (facts) => sessionSet(FACTS, facts);

/**
 * The core's facts the worker kept, or null (none yet: the page asks the worker).
 * @returns {Promise<ShellFacts | null>}
 */
export async function keptFacts() {
  const got = /** @type {ShellFacts | undefined} */ (await sessionGet(FACTS));
  return got?.targets ? got : null;
}
