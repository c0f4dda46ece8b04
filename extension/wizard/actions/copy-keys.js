// Ctrl+C (or the menu's Copy) on a shown secret (issue 20; SECURITY.md §5): in the revealed
// connection block, the secret field while it shows its text, and the new PAT's field. The
// `copy` event's handler writes the selection itself — so what the clear compares later is
// exactly what went on the clipboard — and schedules the same clear as the Copy buttons when
// the clipboard access is granted. It never asks for it: a key press is not the click the page
// explained the prompt beside (views/clipboard-note.js), so without it the line under the copy
// says the clipboard will not be cleared and that a Copy button asks. Part of the actions
// (../actions.js).

import { clearLater } from '../../clipboard.js';
import { $ } from '../../dom.js';
import { patCopiedLine } from './clipboard-access.js';
import { secrets, state, update } from '../state.js';
/** @import { UiMessage } from '../../ui-strings.js' */

/**
 * Writes `text` as the copy's plain text (the browser's own would be the same selection, but
 * laid out by it) and resolves with the clear's seconds, `'denied'` without clipboard access,
 * or null when the worker could not schedule it.
 * @param {ClipboardEvent} e
 * @param {string} text
 * @returns {Promise<number | 'denied' | null>}
 */
function copyAndClear(e, text) {
  e.clipboardData?.setData('text/plain', text);
  e.preventDefault();
  if (state.clipboard !== 'granted') return Promise.resolve('denied');
  // The clipboard holds `text` once this handler has returned.
  return new Promise((resolve) => setTimeout(resolve, 0)).then(() => clearLater(text));
}

/**
 * The line under a keyboard copy of a secret.
 * @param {number | 'denied' | null} seconds
 * @returns {UiMessage}
 */
function keysLine(seconds) {
  if (seconds === 'denied') return { key: 'keysCopiedNotCleared' };
  return seconds === null
    ? { key: 'copiedSecret' }
    : { key: 'copiedSecretCleared', vars: { seconds: String(seconds) } };
}

/**
 * The selected text of a text field.
 * @param {HTMLInputElement} field
 */
const selectedIn = (field) => field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0);

/**
 * True when `text` holds the secret, or a part of it (a selection inside the value).
 * @param {string} text
 * @param {string | null} secret
 */
const touches = (text, secret) => Boolean(secret && text && (text.includes(secret) || secret.includes(text)));

/**
 * A copy in the connection block while it shows the secret.
 * @param {ClipboardEvent} e
 */
export function snippetCopiedByKeys(e) {
  const test = state.test;
  const text = document.getSelection()?.toString() ?? '';
  if (!test.snippetRevealed || !touches(text, secrets.tested)) return;
  copyAndClear(e, text).then((seconds) =>
    update(() => {
      test.copied = { ...keysLine(seconds), at: 'keys' };
    }),
  );
}

/**
 * A copy in the secret field while it shows its text (a password field cannot be copied).
 * @param {ClipboardEvent} e
 */
export function secretCopiedByKeys(e) {
  const field = /** @type {HTMLInputElement} */ ($('test-secret'));
  const text = selectedIn(field);
  if (field.type !== 'text' || !text) return;
  const test = state.test;
  copyAndClear(e, text).then((seconds) =>
    update(() => {
      test.secretCopied = keysLine(seconds);
    }),
  );
}

/**
 * A copy in the shown PAT's field: what was selected of the token is cleared like the copy
 * button's.
 * @param {ClipboardEvent} e
 */
export function patCopiedByKeys(e) {
  const text = selectedIn(/** @type {HTMLInputElement} */ ($('pat-token')));
  if (!touches(text, secrets.created)) return;
  const pat = state.pat;
  copyAndClear(e, text).then((seconds) =>
    update(() => {
      pat.copied = seconds === 'denied' ? keysLine(seconds) : patCopiedLine(seconds);
    }),
  );
}
