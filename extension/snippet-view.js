// The connection block of a token test (the core's `Snippet`, src/snippet.rs): label → value
// rows laid out like the target's own form, hints, notes, and what the copy buttons copy.
//
// The core never has the secret in a snippet: secret fields hold its mask. The secret is
// substituted here: on screen only while the user has pressed the reveal toggle; in what the
// copy buttons copy always (the wizard passes the secret it holds), as password managers do —
// the line beside the button says so and when the clipboard is cleared.

import { $ } from './dom.js';
import { facts } from './facts.js';
import { pick, t } from './ui-strings.js';

/**
 * `text` with every secret mask (what the core puts in a snippet's secret fields,
 * `Facts.secretMask`) replaced by `secret` (no `$&`-style patterns: split/join).
 */
const unmask = (text, secret) => (secret ? String(text).split(facts().secretMask).join(secret) : String(text));

/** True when the snippet has a field for the secret (Issue Sync has none). */
export const hasSecretField = (snippet) => (snippet?.fields ?? []).some((f) => f.secret);

/** A field's value: the secret when `secret` is given and the field is the secret, else as sent. */
export const fieldValue = (field, secret) => (field.secret && secret ? secret : field.value);

/** A field's label in `lang` (for "Password copied"). */
export const fieldLabel = (snippet, lang, key) => pick(lang, (snippet?.fields ?? []).find((f) => f.key === key)?.label) || key;

/** The whole block as text in `lang` (`Snippet.text`), the secret only when `secret` is given. */
export const snippetText = (snippet, lang, secret) => unmask(pick(lang, snippet.text), secret);

/** The block as pretty JSON (`Snippet.json`), the secret only when `secret` is given. */
export function snippetJson(snippet, secret) {
  const json = structuredClone(snippet.json ?? {});
  if (secret && json.fields && typeof json.fields === 'object') {
    for (const f of snippet.fields ?? []) if (f.secret && f.key in json.fields) json.fields[f.key] = secret;
  }
  return JSON.stringify(json, null, 2);
}

/**
 * Fills the `#snippet` section. `revealed`: show the secret (`secret` is then the one in
 * memory); `status`: a UI-strings key and vars for the copy result line, or null.
 */
export function renderSnippet(lang, snippet, { revealed, secret, status }) {
  const section = $('snippet');
  // The copy's line moves beside the button pressed: taken while it is still in the document.
  const line = $('snippet-copied');
  section.hidden = !snippet;
  if (!snippet) {
    line.textContent = '';
    section.append(line);
    return;
  }
  const shown = revealed ? secret : null;
  section.dataset.target = snippet.target;
  section.dataset.revealed = String(Boolean(shown));
  $('snippet-title').textContent = pick(lang, snippet.title);
  const reveal = $('snippet-reveal');
  reveal.hidden = !hasSecretField(snippet) || !secret;
  reveal.textContent = t(lang, shown ? 'snippetHide' : 'snippetReveal');
  reveal.setAttribute('aria-pressed', String(Boolean(shown)));
  reveal.setAttribute('aria-label', t(lang, 'snippetRevealLabel'));
  const rows = [];
  let group = null;
  for (const f of snippet.fields ?? []) {
    // A block spanning two forms (Issue Sync: the other Jira's too) heads each change of form.
    const fieldGroup = f.group ? pick(lang, f.group) : null;
    if (fieldGroup !== group && fieldGroup !== null) {
      const heading = document.createElement('p');
      heading.className = 'snippet-group';
      heading.dataset.testid = 'snippet-group';
      heading.textContent = fieldGroup;
      rows.push(heading);
    }
    group = fieldGroup;
    const label = pick(lang, f.label);
    const dd = document.createElement('dd');
    dd.dataset.testid = `snippet-value-${f.key}`;
    dd.textContent = fieldValue(f, shown);
    if (f.secret) {
      dd.className = 'secret';
      dd.dataset.revealed = String(Boolean(shown));
    }
    const dt = document.createElement('dt');
    dt.textContent = label;
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.dataset.copy = 'field';
    copy.dataset.key = f.key;
    copy.dataset.testid = `snippet-copy-${f.key}`;
    copy.textContent = t(lang, 'copy');
    copy.setAttribute('aria-label', t(lang, 'copyField', { label }));
    rows.push(dt, dd, copy);
    // The copy's line beside the button pressed (`status.at`), in the row under it.
    if (status?.at === `field:${f.key}`) rows.push(line);
    if (f.hint) {
      const hint = document.createElement('p');
      hint.className = 'hint';
      hint.dataset.testid = `snippet-hint-${f.key}`;
      hint.textContent = pick(lang, f.hint);
      rows.push(hint);
    }
  }
  $('snippet-fields').replaceChildren(...rows);
  $('snippet-notes').replaceChildren(...(snippet.notes ?? []).map((n) => {
    const li = document.createElement('li');
    li.textContent = pick(lang, n);
    return li;
  }));
  $('snippet-notes').hidden = (snippet.notes ?? []).length === 0;
  $('snippet-copy-all').dataset.copy = 'text';
  $('snippet-copy-json').dataset.copy = 'json';
  line.textContent = status ? t(lang, status.key, status.vars ?? {}) : '';
  line.classList.toggle('error', status?.key === 'copyFailed');
  // *Copy all* lives in the footer (the next action): its line goes there; *Copy JSON*'s under it.
  if (status?.at === 'text') $('next-bar').insertBefore(line, $('next-status'));
  else if (!status?.at?.startsWith('field:')) section.append(line);
}

/**
 * What a copy button copies: `kind` is `field` (with `key`), `text` or `json`; the secret is
 * substituted only when `secret` is given (the popup passes it only while revealed).
 */
export function copyText(snippet, lang, kind, key, secret) {
  if (kind === 'json') return snippetJson(snippet, secret);
  if (kind === 'field') {
    const f = (snippet.fields ?? []).find((x) => x.key === key);
    return f ? fieldValue(f, secret) : '';
  }
  return snippetText(snippet, lang, secret);
}
