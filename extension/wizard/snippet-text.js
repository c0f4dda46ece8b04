// What the connection block's copy buttons copy (the core's `Snippet`, src/snippet.rs): a
// field's value, the whole block as text or as JSON. The core never has the secret in a
// snippet — secret fields hold its mask — so it is put in here, for the copy (always: as
// password managers do) and for the screen (only while revealed). Pure functions.

import { facts } from '../facts.js';
import { pick } from '../ui-strings.js';
/** @import { Snippet, SnippetField } from '../pkg/jira_token_wizard.js' */

/**
 * `text` with every secret mask (`Facts.secretMask`) replaced by `secret` (split/join: no
 * `$&`-style patterns).
 * @param {unknown} text
 * @param {string | null} secret
 */
const unmask = (text, secret) => (secret ? String(text).split(facts().secretMask).join(secret) : String(text));

/**
 * The snippet's fields.
 * @param {Snippet} snippet
 * @returns {SnippetField[]}
 */
export const fieldsOf = (snippet) => snippet.fields ?? [];

/**
 * True when the snippet has a field for the secret (Issue Sync has none).
 * @param {Snippet | null | undefined} snippet
 */
export const hasSecretField = (snippet) => (snippet ? fieldsOf(snippet).some((f) => f.secret) : false);

/**
 * A field's value: the secret when `secret` is given and the field is the secret, else as sent.
 * @param {SnippetField} field
 * @param {string | null} secret
 * @returns {string}
 */
export const fieldValue = (field, secret) => (field.secret && secret ? secret : field.value);

/**
 * A field's label in `lang` (for "Password copied").
 * @param {Snippet} snippet
 * @param {string} lang
 * @param {string} key
 */
export const fieldLabel = (snippet, lang, key) =>
  pick(lang, fieldsOf(snippet).find((f) => f.key === key)?.label) || key;

/**
 * The block as pretty JSON (`Snippet.json`), the secret only when `secret` is given.
 * @param {Snippet} snippet
 * @param {string | null} secret
 */
function snippetJson(snippet, secret) {
  const json = structuredClone(snippet.json ?? {});
  const fields = /** @type {Record<string, unknown> | null} */ (
    json.fields && typeof json.fields === 'object' ? json.fields : null
  );
  if (secret && fields) {
    for (const f of fieldsOf(snippet)) if (f.secret && f.key in fields) fields[f.key] = secret;
  }
  return JSON.stringify(json, null, 2);
}

/**
 * What a copy button copies: `kind` is `field` (with `key`), `text` or `json`; the secret is
 * put in only when `secret` is given.
 * @param {Snippet} snippet
 * @param {string} lang
 * @param {string} kind
 * @param {string | undefined} key
 * @param {string | null} secret
 * @returns {string}
 */
export function copyText(snippet, lang, kind, key, secret) {
  if (kind === 'json') return snippetJson(snippet, secret);
  if (kind === 'field') {
    const f = fieldsOf(snippet).find((x) => x.key === key);
    return f ? fieldValue(f, secret) : '';
  }
  return unmask(pick(lang, snippet.text), secret);
}
