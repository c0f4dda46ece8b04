// The token test's non-secret choices kept per Jira origin this browser session (SECURITY.md
// "Nothing secret is stored"): target, login, project key and auth method, in storage.session
// (memory only) under `choices:<origin>`. Whatever a caller passes, only those four keys, each
// a short string, are kept — and only those are read back. No `chrome.*` here (browser.js).

import { sessionGet, sessionSet } from './browser.js';

/** storage.session key prefix of one Jira origin's choices. */
const PREFIX = 'choices:';
/** What is kept of the token-test form: never the secret. */
const KEYS = ['target', 'login', 'project', 'auth'];

/**
 * Only the known keys, each a short string: whatever a caller passes, no secret gets in.
 * @param {unknown} value
 * @returns {Record<string, string>}
 */
function choicesOnly(value) {
  /** @type {Record<string, string>} */
  const out = {};
  const given = /** @type {Record<string, unknown> | null | undefined} */ (value);
  for (const key of KEYS) {
    const v = given?.[key];
    if (typeof v === 'string' && v.length <= 512) out[key] = v;
  }
  return out;
}

/**
 * The choices kept for the Jira at `origin`, or null.
 * @param {string} origin
 * @returns {Promise<Record<string, string> | null>}
 */
export async function savedChoices(origin) {
  const got = await sessionGet(PREFIX + origin);
  return got ? choicesOnly(got) : null;
}

/**
 * Keeps `choices` for the Jira at `origin` (only the four keys).
 * @param {string} origin
 * @param {Record<string, unknown>} choices
 */
export function saveChoices(origin, choices) {
  return sessionSet(PREFIX + origin, choicesOnly(choices));
}
