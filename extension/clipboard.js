// Clearing a copied secret from the clipboard, as password managers do (SECURITY.md §7.8,
// ARCHITECTURE.md "Clipboard"). The page that copied sends the worker only a salted SHA-256
// digest of what it copied (a fresh random salt per copy, sent beside it, so the digest of a
// short password cannot be looked up or brute-forced once for all users); when the core's `clipboardClearSeconds` have passed, the clipboard is read
// and, only if it still holds that text, emptied. A clipboard the user changed meanwhile is
// left alone. Runs where there is a DOM but no focus: Chrome's offscreen document
// (offscreen.js) and Firefox's background page (background.js). No `chrome.*` here.

import { onAlarm, sendMessage, sessionGet, sessionRemove, sessionSet, setAlarm } from './browser.js';
import { clearClipboardRequest } from './protocol.js';

/** Bytes of a per-copy salt. */
const SALT_BYTES = 16;

const hex = (/** @type {Uint8Array} */ bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** A fresh random salt (`crypto.getRandomValues`), lower-case hex. */
export function newSalt() {
  return hex(crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
}

/**
 * Lower-case hex SHA-256 of the salt's bytes followed by `text` (UTF-8): SHA-256(salt‖text).
 * @param {string} salt  hex, as `newSalt` returns it
 * @param {string} text
 */
export async function saltedDigest(salt, text) {
  const s = Uint8Array.from(salt.match(/../g) ?? [], (h) => parseInt(h, 16));
  const t = new TextEncoder().encode(text);
  const both = new Uint8Array(s.length + t.length);
  both.set(s);
  both.set(t, s.length);
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', both)));
}

/** True for a digest `saltedDigest` returns. @param {unknown} v */
export const isDigest = (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
/** True for a salt `newSalt` returns. @param {unknown} v */
export const isSalt = (v) => typeof v === 'string' && /^[0-9a-f]{32}$/.test(v);

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
 * Empties the clipboard if it still holds the text whose salted digest is `digest`.
 * @param {string} digest  `saltedDigest(salt, text)`
 * @param {string} salt
 * @returns {Promise<{ok: true, cleared: boolean, read: boolean}>}
 *   read: false when the clipboard could not be read (then nothing is touched)
 */
export async function clearIfStill(digest, salt) {
  const now = await readClipboard();
  if (now === null) return { ok: true, cleared: false, read: false };
  if (!now || (await saltedDigest(salt, now)) !== digest) return { ok: true, cleared: false, read: true };
  await emptyClipboard();
  return { ok: true, cleared: true, read: true };
}

/**
 * For a page that has just copied `text` holding a secret: asks the worker to clear the
 * clipboard later if it still holds `text` (only its salted digest and the salt are sent). Resolves with the
 * seconds until then, or `null` when the worker could not schedule it (the page then says
 * nothing about clearing).
 * @param {string} text
 * @returns {Promise<number | null>}
 */
export async function clearLater(text) {
  try {
    const salt = newSalt();
    const reply = await sendMessage(clearClipboardRequest(await saltedDigest(salt, text), salt));
    return reply && 'seconds' in reply && Number.isFinite(reply.seconds) ? reply.seconds : null;
  } catch {
    return null;
  }
}

// ---- the worker's side: the pending clear, kept while the worker may sleep ---------------------

/** storage.session key (memory only) of the pending clear: the copied text's salted digest and
 *  its salt, never the text. */
const PENDING = 'clipboardClear';
/** The alarm that clears the clipboard. */
const ALARM = 'clear-clipboard';

/**
 * The worker remembers `digest` (SHA-256(salt‖text) of what was copied) and its `salt` in
 * memory-only session storage and sets the alarm that clears the clipboard at `when` (ms since
 * the epoch). A newer copy replaces an older one: only the last copy is compared.
 * @param {string} digest
 * @param {string} salt
 * @param {number} when
 */
export async function scheduleClear(digest, salt, when) {
  await sessionSet(PENDING, { digest, salt, when });
  await setAlarm(ALARM, when);
}

/**
 * Registers `clear(digest, salt)` for the alarm (at the worker's top level: it may wake a
 * stopped worker). The pending digest is taken out of session storage first, so it is
 * compared once at most.
 * @param {(digest: string, salt: string) => Promise<unknown>} clear
 */
export function onClearDue(clear) {
  onAlarm(ALARM, () => {
    (async () => {
      const pending = /** @type {{digest?: unknown, salt?: unknown} | undefined} */ (await sessionGet(PENDING));
      await sessionRemove(PENDING);
      const { digest, salt } = pending ?? {};
      if (typeof digest === 'string' && typeof salt === 'string') await clear(digest, salt);
    })().catch(() => {});
  });
}
