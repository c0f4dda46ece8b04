// What the extension's pages read from the core instead of re-typing it (src/protocol/shell.rs,
// `ShellFacts`): the targets and the method each sends, the method names, the detail labels,
// the secret mask, the forms' limits and the gateway. A page loads them once at start: from
// storage.session, where the service worker keeps them as it loads the core (no message), else
// through it (`facts` message → wasm `facts()`), so a change in Rust cannot leave the UI stale
// (storage.session is emptied when the extension is updated or reloaded). No `chrome.*` here (browser.js) and no protocol shapes (protocol.js).

import { sendMessage } from './browser.js';
import { keptFacts } from './kept.js';
import { pick } from './ui-strings.js';
/** @import { AuthMethod, ShellFacts } from './pkg/jira_token_wizard.js' */

/** @type {ShellFacts | null} */
let loaded = null;

/**
 * Asks the service worker for the core's facts; rejects when it cannot answer.
 * @returns {Promise<ShellFacts>}
 */
export async function loadFacts() {
  const kept = await keptFacts().catch(() => null);
  if (kept) {
    loaded = kept;
    return kept;
  }
  const reply = await sendMessage({ type: 'facts' });
  if (!reply || !('facts' in reply))
    throw new Error(reply && !reply.ok ? reply.error.message : 'the core did not answer');
  loaded = reply.facts;
  return reply.facts;
}

/**
 * The facts loaded by `loadFacts` (a page renders only after they came).
 * @returns {ShellFacts}
 */
export function facts() {
  if (!loaded) throw new Error('facts not loaded yet');
  return loaded;
}

/**
 * A target's name in `lang` (the id itself for one the core does not list).
 * @param {string} lang
 * @param {string} id
 */
export const targetName = (lang, id) => pick(lang, facts().targets.find((t) => t.id === id)?.name) || id;

/**
 * A method's name in `lang` (`report::method_label`); '' for none.
 * @param {string} lang
 * @param {string | null | undefined} method
 * @returns {string}
 */
export const methodName = (lang, method) =>
  method ? pick(lang, facts().methods.find((m) => m.method === method)?.name) || method : '';

/**
 * A deployment detail's label, or a fixed value's (`hostingCloud`, `contextRoot`, …).
 * @param {string} lang
 * @param {string} key
 */
export const detailLabel = (lang, key) => pick(lang, facts().labels[key]) || key;

/**
 * The method `target` sends on a deployment with `hosting` whatever the form says
 * (`Profile::wire_auth`), or null when the form's choice goes.
 * @param {string} target
 * @param {string | null | undefined} hosting
 * @returns {AuthMethod | null}
 */
export function targetMethod(target, hosting) {
  const t = facts().targets.find((x) => x.id === target);
  if (!t) return null;
  return (hosting === 'cloud' ? t.sendsOnCloud : t.sendsOnSelfManaged) ?? null;
}
