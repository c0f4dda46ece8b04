// What the wizard lets go of (issue 20 item 6; SECURITY.md §4): when it turns to another Jira,
// every secret the page holds for the last one — the typed secret, the tested secret behind
// the connection block's copy buttons, a just-created PAT — and a revealed block; and a typed
// address with `user:pass@` is refused before anything (a permission prompt, a message) sees
// it, without echoing it. Part of the actions (../actions.js).

import { $ } from '../../dom.js';
import { secrets } from '../state.js';
/** @import { State } from '../state.js' */

/**
 * The page turns from one Jira origin to another (or to something else): the secrets held for
 * the last one go, in the field, in memory and on screen. Call inside `update`.
 * @param {State} s
 */
export function forgetSecrets(s) {
  $('test-secret', HTMLInputElement).value = '';
  // What the hidden views still hold (they are not rendered again while nothing is shown).
  $('pat-token', HTMLInputElement).value = '';
  $('snippet-fields').replaceChildren();
  secrets.tested = null;
  secrets.created = null;
  s.test.snippetRevealed = false;
  s.test.copied = null;
  s.pat.copied = null;
}

/**
 * True when `typed` names a user or password before its host (`https://user:pass@host/`), by
 * the WHATWG parser `fetch` uses — the core's rule (`urls::policy`, `Refused::Userinfo`), which
 * the worker's `detect_url` applies too; the page applies it first, so the secret in it reaches
 * no permission prompt and no message.
 * @param {string} typed
 */
export function hasUserinfo(typed) {
  try {
    const u = new URL(typed);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
}
