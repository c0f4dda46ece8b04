// The connection block's copy buttons: what they put on the clipboard (the real secret, never
// shown for it) and the line that says so beside the button pressed. The wizard's effect; the
// text comes from snippet-view.js, the clearing from clipboard.js.

import { clearLater } from './clipboard.js';
import { copyText, fieldLabel } from './snippet-view.js';

/**
 * A copy button of the connection block (or *Copy all* in the footer). Writes to the clipboard
 * straight from the click (a user gesture), with the real secret even while the block shows it
 * masked (as password managers do): the secret is never put on screen for it, and the clipboard
 * is cleared after the core's delay if it still holds it (clipboard.js). The line saying so
 * goes beside the button pressed (`at`). `secret`: the tested secret the page holds (never in
 * `state`); `render`: the page's render, called when the line changes.
 * @param {any} event a click in the block or on *Copy all*
 * @param {any} state
 * @param {string | null} secret
 * @param {() => void} render
 */
export function copySnippet(event, state, secret, render) {
  const button = event.target.closest('button[data-copy]');
  const test = state.test;
  const snippet = test.result?.snippet;
  if (!button || !snippet) return;
  const kind = button.dataset.copy;
  const key = button.dataset.key;
  const text = copyText(snippet, state.lang, kind, key, secret);
  const at = kind === 'field' ? `field:${key}` : kind;
  navigator.clipboard.writeText(text).then(
    async () => {
      const withSecret = Boolean(secret && text.includes(secret));
      const seconds = withSecret ? await clearLater(text) : null;
      const label = kind === 'field' ? fieldLabel(snippet, state.lang, key) : null;
      if (label && withSecret) {
        test.copied = seconds === null
          ? { key: 'copiedField', vars: { label }, at }
          : { key: 'copiedFieldCleared', vars: { label, seconds: String(seconds) }, at };
      } else {
        test.copied = seconds === null
          ? { key: withSecret ? 'copiedSecret' : 'copied', at }
          : { key: 'copiedSecretCleared', vars: { seconds: String(seconds) }, at };
      }
      render();
    },
    (err) => {
      test.copied = { key: 'copyFailed', vars: { message: err?.message ?? err }, at };
      render();
    },
  );
}
