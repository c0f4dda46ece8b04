// The clipboard and the report: the connection block's copy buttons (the real secret, cleared
// after the core's delay), the server-side lines, *Copy report*, *Download report*, the new
// PAT's copy button. Part of the actions (../actions.js).

import { $ } from '../../dom.js';
import { copyText, fieldLabel } from '../snippet-text.js';
import { clearAfterCopy, patCopiedLine } from './clipboard-access.js';
import { secrets, state, update } from '../state.js';

/**
 * A copy button of the connection block (or *Copy all*): writes straight from the click, with
 * the real secret even while the block shows it masked (as password managers do); the
 * clipboard is cleared after the core's delay if it still holds it (clipboard.js), and the
 * line saying so goes beside the button pressed.
 * @param {string} kind  `field`, `text` or `json`
 * @param {string | undefined} key  the field's key
 */
export function copySnippet(kind, key) {
  const test = state.test;
  const snippet = test.result?.snippet;
  if (!snippet) return;
  const secret = secrets.tested;
  const text = copyText(snippet, state.lang, kind, key, secret);
  const at = kind === 'field' ? `field:${key}` : kind;
  const withSecret = Boolean(secret && text.includes(secret));
  // Asked from this click, before any await (clipboard-access.js).
  const cleared = withSecret ? clearAfterCopy(text) : null;
  navigator.clipboard.writeText(text).then(
    async () => {
      const seconds = cleared ? await cleared() : null;
      const label = kind === 'field' && key !== undefined ? fieldLabel(snippet, state.lang, key) : null;
      update(() => {
        if (seconds === 'denied') {
          test.copied = label
            ? { key: 'copiedFieldNotCleared', vars: { label }, at }
            : { key: 'copiedSecretNotCleared', at };
        } else if (label && withSecret) {
          test.copied =
            seconds === null
              ? { key: 'copiedField', vars: { label }, at }
              : { key: 'copiedFieldCleared', vars: { label, seconds: String(seconds) }, at };
        } else {
          test.copied =
            seconds === null
              ? { key: withSecret ? 'copiedSecret' : 'copied', at }
              : { key: 'copiedSecretCleared', vars: { seconds: String(seconds) }, at };
        }
      });
    },
    (err) =>
      update(() => {
        test.copied = { key: 'copyFailed', vars: { message: String(err?.message ?? err) }, at };
      }),
  );
}

/**
 * A server-side line's copy button (`cli` or `curl`): no secret in it.
 * @param {string} kind
 */
export function copyServerLine(kind) {
  const test = state.test;
  const lines = test.result?.serverCheck;
  const text = kind === 'cli' ? lines?.cli : kind === 'curl' ? lines?.curl : undefined;
  if (typeof text !== 'string') return;
  navigator.clipboard.writeText(text).then(
    () =>
      update(() => {
        test.serverCopied = { kind, message: { key: 'copied' } };
      }),
    (err) =>
      update(() => {
        test.serverCopied = { kind, message: { key: 'copyFailed', vars: { message: String(err?.message ?? err) } } };
      }),
  );
}

/** *Copy report*: the core's Markdown in the page's language. */
export function copyReport() {
  const report = state.test.report;
  const r = report.rendered;
  if (!r) return;
  const lang = state.lang === 'ru' ? 'ru' : 'en';
  navigator.clipboard.writeText(r.markdown[lang] ?? r.markdown.en).then(
    () =>
      update(() => {
        report.status = { key: 'reportCopied' };
      }),
    (err) =>
      update(() => {
        report.status = { key: 'reportCopyFailed', vars: { message: String(err?.message ?? err) } };
      }),
  );
}

/** *Download report*: the core's JSON as a file. */
export function downloadReport() {
  const report = state.test.report;
  const r = report.rendered;
  if (!r) return;
  const url = URL.createObjectURL(new Blob([r.json], { type: 'application/json' }));
  const link = $('report-file', HTMLAnchorElement);
  link.href = url;
  link.download = r.fileName;
  link.click();
  // Keep the file's URL a while: the download starts asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  update(() => {
    report.status = { key: 'reportDownloaded', vars: { file: r.fileName } };
  });
}

/** The new token's copy button. */
export function patCopy() {
  const token = secrets.created;
  if (!token) return;
  const pat = state.pat;
  const cleared = clearAfterCopy(token); // asked from this click, before any await
  navigator.clipboard.writeText(token).then(
    async () => {
      const seconds = await cleared();
      update(() => {
        pat.copied = patCopiedLine(seconds);
      });
    },
    (err) =>
      update(() => {
        pat.copied = { key: 'copyFailed', vars: { message: String(err?.message ?? err) } };
      }),
  );
}
