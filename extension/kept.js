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
// one slot), and `runs:<tabId>` counts what the worker did for a tab — pages read (snapshots of
// an http(s) page), first paints and full detections — which the E2E tests read (one of each
// per tab open). No secret and nothing of a token test is kept here. No `chrome.*` here (browser.js).

import { sessionGet, sessionRemove, sessionSet } from './browser.js';
import { DETECTION_ID } from './protocol.js';
/** @import { Answers, DetectCommand, Detected } from './pkg/jira_token_wizard.js' */
/** @import { Sited } from './protocol.js' */

/**
 * @typedef {{tabId: number | null, detect: DetectCommand, answers: Answers[]} & Required<Sited>} Kept
 *   `deployment`: of the detection, only where a credential would go (`reachedBaseUrl`) and its
 *   Cloud (`hosting`, `cloudFamily`): what the worker checks before the core runs.
 * @typedef {{snapshots: number, firstPaints: number, detections: number}} Runs
 */

const DETECTED = 'detected:';
const RUNS = 'runs:';

/** The id kept for each tab (`typed` for typed addresses), in this worker's life. */
const latest = new Map();
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
  return inTurn(async () => {
    const before = latest.get(slot);
    latest.set(slot, id);
    await sessionSet(DETECTED + id, kept);
    if (before) await sessionRemove(DETECTED + before);
    return id;
  });
}

/**
 * What the detection `id` was made from, or null (never kept, or replaced).
 * @param {string} id
 * @returns {Promise<Kept | null>}
 */
export async function keptDetection(id) {
  if (!DETECTION_ID.test(id)) return null;
  const got = /** @type {Kept | undefined} */ (await sessionGet(DETECTED + id));
  return got?.detect ? got : null;
}

/**
 * The core's `Detected`: the raw inputs, for `check`, `plan_pat` and `interpret_pat`.
 * @param {Kept} kept
 * @returns {Detected}
 */
export const detected = (kept) => ({ detect: kept.detect, answers: kept.answers });

/**
 * Counts one thing the worker did for `tabId`.
 * @param {number} tabId
 * @param {keyof Runs} what
 */
export function countRun(tabId, what) {
  return inTurn(async () => {
    const runs = /** @type {Runs | undefined} */ (await sessionGet(RUNS + tabId)) ?? {
      snapshots: 0,
      firstPaints: 0,
      detections: 0,
    };
    runs[what] += 1;
    await sessionSet(RUNS + tabId, runs);
  });
}
