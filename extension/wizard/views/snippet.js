// Step 4, the connection block (the core's `Snippet`): label → value rows laid out like the
// target's own form, hints, notes, a copy button per field, *Copy JSON*, and the line saying
// what a copy did beside the button pressed (*Copy all* is in the footer: its line goes
// there). The secret is on screen only while revealed. A view: it lays out its slice, keeps
// nothing, sends nothing (the copy buttons carry `data-copy` for main.js).

import { $, el } from '../../dom.js';
import { pick, t } from '../../ui-strings.js';
import { fieldValue, fieldsOf, hasSecretField } from '../snippet-text.js';
/** @import { Snippet, Text } from '../../pkg/jira_token_wizard.js' */
/** @import { UiMessage } from '../../ui-strings.js' */

/**
 * @typedef {object} SnippetSlice
 * @property {Snippet} snippet
 * @property {boolean} revealed  the user pressed the reveal toggle
 * @property {string | null} secret  the tested secret this page holds
 * @property {(UiMessage & {at?: string}) | null} copied  the last copy's outcome, `at` the button
 */

/**
 * @param {string} lang
 * @param {SnippetSlice | null} slice  null: no block
 */
export function renderSnippet(lang, slice) {
  const section = $('snippet');
  // The copy's line moves beside the button pressed: taken while it is still in the document.
  const line = $('snippet-copied');
  section.hidden = !slice;
  if (!slice) {
    line.textContent = '';
    section.append(line);
    return;
  }
  const { snippet, revealed, secret, copied } = slice;
  const shown = revealed ? secret : null;
  section.dataset.target = snippet.target;
  section.dataset.revealed = String(Boolean(shown));
  $('snippet-title').textContent = pick(lang, snippet.title);
  const reveal = $('snippet-reveal');
  reveal.hidden = !hasSecretField(snippet) || !secret;
  reveal.textContent = t(lang, shown ? 'snippetHide' : 'snippetReveal');
  reveal.setAttribute('aria-pressed', String(Boolean(shown)));
  reveal.setAttribute('aria-label', t(lang, 'snippetRevealLabel'));
  /** @type {HTMLElement[]} */
  const rows = [];
  /** @type {string | null} */
  let group = null;
  for (const f of fieldsOf(snippet)) {
    // A block spanning two forms (Issue Sync: the other Jira's too) heads each change of form.
    const fieldGroup = f.group ? pick(lang, f.group) : null;
    if (fieldGroup !== group && fieldGroup !== null) {
      rows.push(el('p', { className: 'snippet-group', dataset: { testid: 'snippet-group' } }, fieldGroup));
    }
    group = fieldGroup;
    const label = pick(lang, f.label);
    const dd = el('dd', { dataset: { testid: `snippet-value-${f.key}` } }, fieldValue(f, shown));
    if (f.secret) {
      dd.className = 'secret';
      dd.dataset.revealed = String(Boolean(shown));
    }
    rows.push(
      el('dt', {}, label),
      dd,
      el(
        'button',
        {
          type: 'button',
          'aria-label': t(lang, 'copyField', { label }),
          dataset: { copy: 'field', key: f.key, testid: `snippet-copy-${f.key}` },
        },
        t(lang, 'copy'),
      ),
    );
    // The copy's line beside the button pressed (`copied.at`), in the row under it.
    if (copied?.at === `field:${f.key}`) rows.push(line);
    if (f.hint)
      rows.push(el('p', { className: 'hint', dataset: { testid: `snippet-hint-${f.key}` } }, pick(lang, f.hint)));
  }
  $('snippet-fields').replaceChildren(...rows);
  /** @type {Text[]} */
  const notes = snippet.notes ?? [];
  $('snippet-notes').replaceChildren(...notes.map((n) => el('li', {}, pick(lang, n))));
  $('snippet-notes').hidden = notes.length === 0;
  line.textContent = copied ? t(lang, copied.key, copied.vars ?? {}) : '';
  line.classList.toggle('error', copied?.key === 'copyFailed');
  // *Copy all* lives in the footer (the next action): its line goes there; *Copy JSON*'s under it.
  if (copied?.at === 'text') $('next-bar').insertBefore(line, $('next-status'));
  else if (!copied?.at?.startsWith('field:')) section.append(line);
}
