// The wizard beside the page (issue 12 item 3): the toolbar button opens this page as Chrome's
// side panel or Firefox's sidebar, and it stays open while the user moves between tabs. This
// module decides what a tab change does, and keeps the token test's non-secret choices per
// Jira origin; wizard.js owns the state and applies what is decided here.
//
// - A tab of the Jira being worked on (same page origin): nothing changes.
// - Any other tab is detected quietly, beside the shown Jira; only a Jira replaces it. A page
//   that is not Jira, a page the wizard may not read (no host permission: the token page on
//   id.atlassian.com, whose URL the wizard is not even told) or a browser page leaves the Jira
//   in place, and a line says "Working on <Jira> — this tab is <host>", with a *Detect this
//   tab* button (wizard.js `detectHere`).
// - While nothing Jira is shown, a tab change simply detects the new tab.
// - The choices (target, login, project key, auth method) are kept per Jira origin in
//   storage.session (browser.js `saveChoices`: memory only, those four keys only) and put back
//   when the user returns to that Jira. The secret stays in its field and in wizard.js's memory.

import { followsTabs, onTabShown, ownTabId, tabInfo, wizardWindowId } from './browser.js';
import { $ } from './dom.js';
import { httpOrigin } from './protocol.js';
import { t } from './ui-strings.js';

/** The token-test fields kept per Jira origin, by choice key. Never the secret. */
const FIELDS = { target: 'test-target', auth: 'test-auth', login: 'test-login', project: 'test-project' };

/** The form's current choices. */
export function readChoices() {
  return Object.fromEntries(Object.entries(FIELDS).map(([key, id]) => [key, $(id).value]));
}

/**
 * Puts kept choices back into the form (target first: it may dictate the method). A value the
 * menu no longer offers is left as the form has it.
 * @param {Record<string, string>} choices
 */
export function applyChoices(choices) {
  for (const [key, id] of Object.entries(FIELDS)) {
    const value = choices[key];
    if (typeof value !== 'string') continue;
    const field = /** @type {HTMLInputElement | HTMLSelectElement} */ ($(id));
    if (field instanceof HTMLSelectElement && ![...field.options].some((o) => o.value === value)) continue;
    field.value = value;
  }
}

/**
 * The page a tab shows, as far as the wizard may know it: `origin` is null when the tab's URL
 * is hidden (no access) or not http(s); `shown` names it for the context line (the host, or a
 * browser page's address without query), null when hidden.
 * @param {number} tabId
 * @returns {Promise<{tabId: number, origin: string | null, shown: string | null}>}
 */
export async function pageOf(tabId) {
  const tab = await tabInfo(tabId).catch(() => undefined);
  const url = tab?.url ?? '';
  const origin = httpOrigin(url);
  const shown = origin ? new URL(origin).host : url ? url.split(/[?#]/)[0].slice(0, 80) : null;
  return { tabId, origin, shown };
}

/**
 * @typedef {object} FollowHooks
 * @property {() => {tabId: number | null, origin: string | null} | null} jira
 *   the Jira being worked on (its tab and page origin), or null when none is shown
 * @property {(tabId: number) => Promise<any>} probe  detects a tab without showing it (a reply)
 * @property {(reply: any, page: {tabId: number, origin: string | null}) => void} adopt
 *   shows `reply` (a Jira's detection) as the Jira worked on
 * @property {(page: {tabId: number, origin: string | null}) => void} replace
 *   detects and shows a tab (nothing Jira was shown)
 * @property {(away: {tabId: number, host: string | null} | null) => void} away
 *   the tab shown is not the Jira's (null: it is again)
 */

/**
 * Follows the active tab of the wizard's window, when this page follows tabs (browser.js
 * `followsTabs`: the side panel, the sidebar). A newer tab change wins over an older one
 * still being detected.
 * @param {FollowHooks} hooks
 */
export async function followTabs(hooks) {
  if (!followsTabs()) return;
  const [windowId, own] = await Promise.all([wizardWindowId().catch(() => undefined), ownTabId().catch(() => undefined)]);
  if (windowId === undefined) return;
  let latest = 0;
  onTabShown(windowId, (tabId) => {
    if (tabId === own) return; // the wizard's own tab, when it is opened as one
    const mine = ++latest;
    tabShown(hooks, tabId, () => mine === latest).catch(() => {});
  });
}

/**
 * @param {FollowHooks} hooks
 * @param {number} tabId
 * @param {() => boolean} current  false once a newer tab change came
 */
async function tabShown(hooks, tabId, current) {
  const page = await pageOf(tabId);
  if (!current()) return;
  const jira = hooks.jira();
  if (!jira) {
    hooks.replace(page);
    return;
  }
  if (page.origin !== null && page.origin === jira.origin) {
    hooks.away(null); // the Jira's tab, or another page of the same Jira
    return;
  }
  if (page.origin === null) {
    // The Jira's own tab after a navigation that ended activeTab (no host permission): its URL
    // is hidden now, but nothing says it left the Jira — no "away" line for it.
    hooks.away(tabId === jira.tabId && page.shown === null ? null : { tabId, host: page.shown });
    return;
  }
  // A readable page elsewhere: a Jira replaces the one shown; anything else leaves it.
  hooks.away({ tabId, host: page.shown });
  const reply = await hooks.probe(tabId).catch(() => null);
  if (!current()) return;
  if (reply?.ok && reply.detection?.deployment?.product === 'jira') hooks.adopt(reply, page);
}

/**
 * The context line: shown while the tab in front is not the Jira worked on.
 * @param {string} lang
 * @param {{jiraOrigin: string | null, away: {tabId: number, host: string | null} | null, hint: boolean, tokenPage?: boolean}} view
 */
export function renderContext(lang, { jiraOrigin, away, hint, tokenPage = false }) {
  const box = $('context');
  box.hidden = !away || !jiraOrigin;
  if (box.hidden || !away || !jiraOrigin) return;
  // On the token page the wizard opened (id.atlassian.com: not a Jira), nothing to detect there.
  $('detect-here').hidden = tokenPage;
  $('context-text').textContent = away.host
    ? t(lang, 'workingOn', { jira: jiraOrigin, host: away.host })
    : t(lang, 'workingOnHidden', { jira: jiraOrigin });
  $('context-hint').hidden = !hint;
}
