// The wizard's messages to the service worker, and the core's facts the page waits for. Part
// of the actions (../actions.js).

import { sendMessage } from '../../browser.js';
import { errorReply } from '../../protocol.js';
import { model } from '../render.js';
import { secrets, state } from '../state.js';
/** @import { Reply, Request } from '../../protocol.js' */
/** @import { Detection } from '../../pkg/jira_token_wizard.js' */

/** What the page has loaded of the core's facts: an Error when the core could not answer. */
let factsReady = /** @type {Promise<unknown>} */ (Promise.resolve());
/** @param {Promise<unknown>} ready */
export const setFactsReady = (ready) => {
  factsReady = ready;
};
/** The core's facts, once loaded (or the Error). */
export const loaded = () => factsReady;

/** What the state shows now (render.js `model`). */
export const current = () => model(state, secrets);

/**
 * Sends a request to the service worker; a failure becomes an error reply.
 * @param {Request} request
 * @returns {Promise<Reply>}
 */
export async function ask(request) {
  try {
    return (await sendMessage(request)) ?? errorReply('internal', 'no reply');
  } catch (err) {
    return errorReply('internal', err?.message ?? err);
  }
}

/**
 * The id the worker keeps `detection`'s inputs under (the detection reply shown named it), for
 * `check` and `create_pat`: they name the detection, never carry it. Null for a first paint.
 * @param {Detection | null} detection
 */
export function detectionIdOf(detection) {
  const reply = state.reply;
  return reply?.ok && reply.detection === detection ? reply.detectionId : null;
}
