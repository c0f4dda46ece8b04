// Why the first copy of a secret asks for the clipboard (issue 20 item 7): a line beside the
// connection block's copy buttons and the new PAT's, shown until the wizard may clear the
// clipboard by itself — so the page has said why before the browser's prompt appears. A view:
// it lays out its slice, keeps nothing, sends nothing.

import { $ } from '../../dom.js';
import { facts } from '../../facts.js';
import { t } from '../../ui-strings.js';

/**
 * @param {string} lang
 * @param {{snippet: boolean, pat: boolean}} shown  where a secret can be copied now and the
 *   clipboard permissions are not granted
 */
export function renderClipboardNotes(lang, shown) {
  // The core's facts are there once something can be copied (not before the first detection).
  const text =
    shown.snippet || shown.pat ? t(lang, 'clipboardWhy', { seconds: String(facts().clipboardClearSeconds) }) : '';
  for (const [id, show] of /** @type {const} */ ([
    ['snippet-clipboard-why', shown.snippet],
    ['pat-clipboard-why', shown.pat],
  ])) {
    $(id).hidden = !show;
    $(id).textContent = show ? text : '';
  }
}
