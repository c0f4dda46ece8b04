// Clearing a copied secret from the clipboard, as password managers do (SECURITY.md §7.8,
// ARCHITECTURE.md "Clipboard"). The page that copied sends the worker only the SHA-256 digest
// of what it copied; when the core's `clipboardClearSeconds` have passed, the clipboard is read
// and, only if it still holds that text, emptied. A clipboard the user changed meanwhile is
// left alone. Runs where there is a DOM but no focus: Chrome's offscreen document
// (offscreen.js) and Firefox's background page (background.js). No `chrome.*` here.

import { sendMessage } from './browser.js';
import { clearClipboardRequest } from './protocol.js';

/**
 * Lower-case hex SHA-256 of `text` (UTF-8).
 * @param {string} text
 */
export async function sha256Hex(text) {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** True for what `sha256Hex` returns. */
export const isDigest = (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);

/**
 * The clipboard's text from a document that cannot take focus: `execCommand('paste')` into a
 * text area (needs the `clipboardRead` permission), else `navigator.clipboard.readText()`.
 * Resolves `null` when neither can read it.
 */
async function readClipboard() {
  const area = document.createElement('textarea');
  document.body.append(area);
  try {
    area.focus();
    if (document.execCommand('paste')) return area.value;
  } catch {
    // fall through to the async API
  } finally {
    area.remove();
  }
  try {
    return await navigator.clipboard.readText();
  } catch {
    return null;
  }
}

/**
 * Empties the clipboard: a `copy` command whose handler puts '' as the text (needs the
 * `clipboardWrite` permission without a user gesture), else `navigator.clipboard.writeText('')`.
 */
async function emptyClipboard() {
  /** @param {ClipboardEvent} e */
  const onCopy = (e) => {
    e.clipboardData?.setData('text/plain', '');
    e.preventDefault();
  };
  document.addEventListener('copy', onCopy, true);
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {
    done = false;
  } finally {
    document.removeEventListener('copy', onCopy, true);
  }
  if (!done) await navigator.clipboard.writeText('');
}

/**
 * Empties the clipboard if it still holds the text whose digest is `digest`.
 * @param {string} digest
 * @returns {Promise<{ok: true, cleared: boolean, read: boolean}>}
 *   read: false when the clipboard could not be read (then nothing is touched)
 */
export async function clearIfStill(digest) {
  const now = await readClipboard();
  if (now === null) return { ok: true, cleared: false, read: false };
  if (!now || (await sha256Hex(now)) !== digest) return { ok: true, cleared: false, read: true };
  await emptyClipboard();
  return { ok: true, cleared: true, read: true };
}

/**
 * For a page that has just copied `text` holding a secret: asks the worker to clear the
 * clipboard later if it still holds `text` (only its digest is sent). Resolves with the
 * seconds until then, or `null` when the worker could not schedule it (the page then says
 * nothing about clearing).
 * @param {string} text
 * @returns {Promise<number | null>}
 */
export async function clearLater(text) {
  try {
    const reply = await sendMessage(clearClipboardRequest(await sha256Hex(text)));
    return reply?.ok && Number.isFinite(reply.seconds) ? reply.seconds : null;
  } catch {
    return null;
  }
}
