// The clipboard permissions, optional (issue 20 item 7; SECURITY.md §5): `clipboardRead` and
// `clipboardWrite` let the extension empty the clipboard by itself after a copied secret's
// delay (clipboard.js), and nothing else needs them — a copy button writes from its own click
// through `navigator.clipboard`. So they are asked for at the first copy of a secret, straight
// from that click (the page says why beside the copy buttons before it: views/clipboard-note.js);
// refused, the copy still works and the line beside it says the clipboard is not cleared.
// Ctrl+C on a shown secret is cleared the same way, without asking (copy-keys.js). Part of the
// actions (../actions.js).

import { hasClipboardAccess, requestClipboardAccess } from '../../browser.js';
import { clearLater } from '../../clipboard.js';
import { state, update } from '../state.js';

/** Whether the delayed clear is allowed, read once when the page opens. */
export function readClipboardAccess() {
  hasClipboardAccess().then(
    (granted) =>
      update((s) => {
        if (s.clipboard === 'unknown') s.clipboard = granted ? 'granted' : 'ask';
      }),
    () =>
      update((s) => {
        if (s.clipboard === 'unknown') s.clipboard = 'ask';
      }),
  );
}

/**
 * For a click (or copy) that puts a secret on the clipboard: call it synchronously, before any
 * other `await` — on the first such copy it asks for the permissions (a refusal is not asked
 * again while the page is open). Returns what to call once `text` is on the clipboard: it
 * schedules the clear and resolves with its seconds, `'denied'` when access was refused, or
 * null when the worker could not schedule it.
 * @param {string} text
 * @returns {() => Promise<number | 'denied' | null>}
 */
export function clearAfterCopy(text) {
  const asked =
    state.clipboard === 'granted'
      ? Promise.resolve(true)
      : state.clipboard === 'denied'
        ? Promise.resolve(false)
        : requestClipboardAccess().catch(() => false);
  return async () => {
    const granted = await asked;
    const now = granted ? 'granted' : 'denied';
    if (state.clipboard !== now)
      update((s) => {
        s.clipboard = now;
      });
    return granted ? clearLater(text) : 'denied';
  };
}

/** The PAT's line for a copy whose clear is `seconds` (see `clearAfterCopy`). @param {number | 'denied' | null} seconds */
export function patCopiedLine(seconds) {
  if (seconds === 'denied') return { key: 'patCopiedNotCleared' };
  return seconds === null ? { key: 'patCopied' } : { key: 'patCopiedCleared', vars: { seconds: String(seconds) } };
}
