// Detection, and following the user's tabs: a tab detected twice at once (the core's
// page-only first paint, then the full answer), the typed address, *Allow access*, *Detect
// this tab*, and what a tab change does. Part of the actions (../actions.js).

import { activeTabHere, onTabShown, ownTabId, requestOrigin, tabInfo, windowHere } from '../../browser.js';
import { savedChoices } from '../../choices.js';
import { keptShown, shownBefore } from '../../kept.js';
import { $ } from '../../dom.js';
import { facts } from '../../facts.js';
import { detectTab, detectUrl, errorReply, httpOrigin } from '../../protocol.js';
import { timed } from '../../timing.js';
import { model } from '../render.js';
import { freshPat, freshTest, secrets, state, update } from '../state.js';
import { markConfirmedDetection, markFirstDetection } from '../timing.js';
import { forgetSecrets, hasUserinfo } from './residue.js';
import { openTest } from './test.js';
import { ask, current, loaded } from './worker.js';
/** @import { DetectReply, ErrorReply, Reply, Request } from '../../protocol.js' */
/** @import { Detection } from '../../pkg/jira_token_wizard.js' */
/** @import { Page, State } from '../state.js' */

/**
 * The tab this page names in its URL (`wizard.html?tab=<id>`), or undefined: a wizard opened
 * in a tab of its own is for that tab (the Firefox E2E tests open it so: no driver reaches the
 * sidebar's document). The parameter grants nothing: reading the tab still takes activeTab or
 * a host permission.
 */
function namedTab() {
  const named = new URLSearchParams(globalThis.location?.search ?? '').get('tab');
  return named !== null && /^\d{1,15}$/.test(named) ? Number(named) : undefined;
}

/**
 * True when this page follows the active tab of its window: the side panel (Chrome) or sidebar
 * (Firefox), which names no tab, or `wizard.html?tab=<id>&follow=1` — the E2E tests' stand-in
 * for a panel no driver reaches (tests/README.md). A page for one named tab stays on it.
 */
function followsTabs() {
  const params = new URLSearchParams(globalThis.location?.search ?? '');
  if (params.has('jira')) return false; // opened from a reminder, for that Jira
  return !params.has('tab') || params.get('follow') === '1';
}

/** The tab this wizard is for: the one its URL names, else the active tab of its window. */
export async function wizardTab() {
  const named = namedTab();
  return named === undefined ? activeTabHere() : tabInfo(named);
}

/** The window whose tabs the wizard follows: the named tab's, or the window it is in. */
async function wizardWindowId() {
  const named = namedTab();
  return named === undefined ? windowHere() : (await tabInfo(named)).windowId;
}

/**
 * Detects and shows: `page` is the tab and page origin the request is about (null: unknown).
 * A tab is detected twice at once — from the page alone (the core's provisional first paint,
 * no round trip) and fully — and the first answer is shown unless the full one came first.
 * With `before` (the worker's last reply for this very page, kept.js `shownBefore`, and the
 * choices kept for its Jira, read beside the tab) that reply is the first paint, and only the
 * full detection is asked.
 * @param {Request} request
 * @param {Page | null} page
 * @param {{reply: Reply, early: Early} | null} [before]
 */
async function run(request, page = null, before = null) {
  const last = { request, page };
  update((s) => {
    s.last = last;
    s.phase = 'loading';
    s.firstShown = false;
  });
  if (request.type !== 'detect_tab') {
    const reply = await ask(request);
    if (state.last === last) await show(reply, page);
    return;
  }
  // One snapshot of the tab for both answers: the two requests name the same pair. The choices
  // kept for the tab's Jira are read meanwhile.
  // The first paint's request goes first: the worker answers it before it sends the REST one.
  const pair = before ? null : crypto.randomUUID();
  const firstAsked = before
    ? Promise.resolve(before.reply)
    : timed('first-reply', () => ask(detectTab(request.tabId, true, pair)));
  const full = timed('full-reply', () => ask(detectTab(request.tabId, false, pair)));
  const early =
    before?.early ??
    (page?.origin ? { origin: page.origin, saved: savedChoices(page.origin).catch(() => null) } : null);
  let done = false;
  full.then(
    () => {
      done = true;
    },
    () => {},
  );
  const first = await firstAsked;
  if (!done && first.ok && state.last === last) await show(first, page, early);
  const reply = await full;
  if (state.last === last) await show(reply, page, early);
}

/**
 * Shows a detection reply as the page worked on, with the choices kept for its Jira (`early`:
 * read already for an origin); the confirmation of a first paint keeps the form as the user may
 * have started filling it.
 * @param {Reply} reply
 * @param {Page | null} page
 * @param {Early | null} [early]
 */
async function show(reply, page, early = null) {
  const core = await loaded();
  if (core instanceof Error && reply.ok) reply = errorReply('core', core.message);
  const origin = page?.origin ?? ('origin' in reply && reply.ok ? reply.origin : null);
  const confirming = state.phase === 'provisional' && origin === state.page.origin;
  const saved =
    !confirming && 'detection' in reply
      ? await (early?.origin === reply.origin ? early.saved : savedChoices(reply.origin).catch(() => null))
      : null;
  const turned = origin !== state.page.origin; // a secret is for one Jira only
  update((s) => {
    if (turned) forgetSecrets(s);
    s.reply = /** @type {DetectReply | ErrorReply} */ (reply);
    s.page = { tabId: page?.tabId ?? s.page.tabId, origin };
    s.away = null;
    s.awayHint = false;
    s.phase = !('detection' in reply) ? 'error' : reply.detection?.provisional ? 'provisional' : 'ready';
    const { detection, canTest } = model(s, secrets);
    if (detection && canTest && s.test.detection !== detection) {
      if (s.test.detection?.provisional && !detection.provisional) s.test.detection = detection;
      else startTest(s, detection, saved);
    }
    if (detection && s.pat.detection !== detection) {
      s.pat = freshPat(detection, facts().pat.defaultExpiryDays);
      secrets.created = null;
    }
    s.open = [model(s, secrets).current];
  });
  if (state.phase !== 'error' && !state.firstShown) {
    state.firstShown = true;
    markFirstDetection();
  }
  if (state.phase === 'ready') markConfirmedDetection();
  painted();
}

/** @type {() => void} */
let painted = () => {};
/**
 * Resolves once the page shows its first detection (or why there is none): what the page does
 * not need for it (the remembered connections, the clipboard permission) is asked after it, so
 * the worker and the page answer the detection first.
 */
export const firstPainted = new Promise((resolve) => {
  painted = () => resolve(undefined);
});

/**
 * A new token test for `detection`: the login from the logged-in user, any project, the
 * recommended method — then the choices kept for this Jira, where the menus still offer them.
 * @param {State} s
 * @param {Detection} detection
 * @param {Record<string, string> | null} saved
 */
function startTest(s, detection, saved) {
  s.test = freshTest(detection, s.test.revealed);
  secrets.tested = null;
  s.form = { target: s.form.target, auth: 'auto', login: detection.deployment?.user?.name ?? '', project: '' };
  if (!saved) return;
  s.form.target = facts().targets.find((x) => x.id === saved.target)?.id ?? s.form.target;
  s.form.auth = facts().authChoices.find((a) => a === saved.auth) ?? s.form.auth;
  if (typeof saved.login === 'string') s.form.login = saved.login;
  if (typeof saved.project === 'string') s.form.project = saved.project;
}

/**
 * The active tab (or the tab this page names) detected; the worker's last reply for the same
 * page, read meanwhile, is the first paint when there is one.
 */
export async function detectActiveTab() {
  const [tab, last] = await Promise.all([timed('tab', wizardTab).catch(() => undefined), lastShown()]);
  if (tab?.id === undefined) {
    update((s) => {
      s.reply = errorReply('tab_unreadable', 'no active tab');
      s.phase = 'error';
    });
    painted();
    return;
  }
  await run(detectTab(tab.id), { tabId: tab.id, origin: httpOrigin(tab.url ?? '') }, last(tab.id, tab.url));
}

/**
 * @typedef {{origin: string, saved: Promise<Record<string, string> | null>}} Early  the choices
 *   kept for a Jira origin (choices.js), being read
 */

/**
 * Reads the worker's last detection reply (kept.js) as `kept-read` and, at once, the choices
 * kept for its Jira — both beside the tab query — for `shownBefore`'s tab and page; never fails
 * (nothing kept: null).
 * @returns {Promise<(tabId: number, url: string | undefined) => {reply: Reply, early: Early} | null>}
 */
async function lastShown() {
  const shown = await timed('kept-read', () => keptShown()).catch(() => null);
  const origin = shown?.reply?.ok ? shown.reply.origin : null;
  const early = origin ? { origin, saved: savedChoices(origin).catch(() => null) } : null;
  return (tabId, url) => {
    const reply = shown ? shownBefore(shown, tabId, url) : null;
    return reply && early ? { reply, early } : null;
  };
}

/**
 * The Jira at `origin` detected as a typed address is (a remembered connection's): with access
 * to it, REST is asked; without, detection says so and offers access.
 * @param {string} origin
 */
export function detectOrigin(origin) {
  return run(detectUrl(origin), { tabId: state.page.tabId, origin });
}

/**
 * Click on "Allow access to <origin>": the request starts inside the click handler.
 * @param {string} origin
 */
export function allowAccess(origin) {
  requestOrigin(origin).then(
    (granted) => {
      update((s) => {
        s.flash = granted ? null : 'accessDenied';
      });
      if (granted && state.last) run(state.last.request, state.last.page);
    },
    () =>
      update((s) => {
        s.flash = 'accessDenied';
      }),
  );
}

/**
 * The typed address: access to its origin asked first, still inside the submit gesture;
 * detected only with access.
 * @param {string} text
 */
export function submitUrl(text) {
  let typed = text.trim();
  if (typed && !/^[a-z][a-z0-9+.-]*:/i.test(typed)) typed = `https://${typed}`;
  if (hasUserinfo(typed) || hasUserinfo(`https://${text.trim()}`)) {
    $('url-input', HTMLInputElement).value = ''; // the secret in it leaves the screen; the message repeats none of it
    update((s) => {
      s.urlError = { key: 'urlUserinfo' };
    });
    return;
  }
  const origin = httpOrigin(typed);
  if (!origin) {
    update((s) => {
      s.urlError = { key: 'urlInvalid' };
    });
    return;
  }
  update((s) => {
    s.urlError = null;
  });
  requestOrigin(origin).then(
    (granted) => {
      if (granted) return run(detectUrl(typed), { tabId: state.away?.tabId ?? state.page.tabId, origin });
      update((s) => {
        s.urlError = { key: 'accessDenied' };
      });
    },
    (err) =>
      update((s) => {
        s.urlError = { key: 'failed', vars: { message: String(err?.message ?? err) } };
      }),
  );
}

/** *Detect this tab*: read the tab in front (activeTab after a toolbar click on it, or a host
 *  permission); when the wizard may not, offer the typed address, which asks for access. */
export async function detectHere() {
  const away = state.away;
  if (!away) return;
  const reply = await ask(detectTab(away.tabId));
  // Still that tab in front? Its own events (loading, complete) set a new `away` for the same
  // tab meanwhile, so the tab is compared, not the object: else the answer would be dropped.
  if (state.away?.tabId !== away.tabId) return;
  if (reply.ok) {
    await show(reply, await pageOf(away.tabId));
    return;
  }
  update((s) => {
    s.awayHint = true;
  });
  $('url-input').focus();
}

/**
 * The page a tab shows, as far as the wizard may know it: `origin` is null when the tab's URL
 * is hidden (no access) or not http(s); `shown` names it for the context line (the host, or a
 * browser page's address without query), null when hidden.
 * @param {number} tabId
 * @returns {Promise<{tabId: number, origin: string | null, shown: string | null}>}
 */
async function pageOf(tabId) {
  const tab = await tabInfo(tabId).catch(() => undefined);
  const url = tab?.url ?? '';
  const origin = httpOrigin(url);
  const shown = origin ? new URL(origin).host : url ? url.split(/[?#]/)[0].slice(0, 80) : null;
  return { tabId, origin, shown };
}

/** The Jira worked on: its tab and page origin, or null unless a confirmed Jira is shown. */
function currentJira() {
  const m = current();
  return state.phase === 'ready' && m.detection?.deployment?.product === 'jira' ? state.page : null;
}

/**
 * The tab in front is not the Jira's (`away`), or is again (null). Back from the token page,
 * step 3 opens and the field to fill takes the focus.
 * @param {{tabId: number, host: string | null} | null} away
 */
function setAway(away) {
  const back = !away && state.wentForToken && current().canTest;
  update((s) => {
    s.away = away;
    if (!away) s.awayHint = false;
    if (back) {
      s.wentForToken = false;
      openTest(s);
    }
  });
  if (!back) return;
  // The field to fill: the login when it is needed and empty (the state's), else the secret.
  const loginNeeded = state.form.login.trim() === '' && current().method !== 'pat';
  $(loginNeeded ? 'test-login' : 'test-secret').focus();
}

/**
 * Follows the active tab of the wizard's window, when this page follows tabs (the side panel,
 * the sidebar, or `wizard.html?tab=<id>&follow=1`). A tab of the Jira worked on (same page
 * origin) changes nothing; any other tab is detected quietly beside it and only a Jira replaces
 * it; anything else — a page that is not Jira, one the wizard may not read (the token page on
 * id.atlassian.com, whose URL it is not even told), a browser page — leaves the Jira in place
 * with the "Working on … — this tab is …" line. While nothing Jira is shown, a tab change
 * simply detects the new tab. A newer tab change wins over an older one still being detected.
 */
export async function followTabs() {
  if (!followsTabs()) return;
  const [windowId, own] = await Promise.all([
    wizardWindowId().catch(() => undefined),
    ownTabId().catch(() => undefined),
  ]);
  if (windowId === undefined) return;
  let latest = 0;
  onTabShown(windowId, (tabId) => {
    if (tabId === own) return; // the wizard's own tab, when it is opened as one
    const mine = ++latest;
    tabShown(tabId, () => mine === latest).catch(() => {});
  });
}

/**
 * @param {number} tabId
 * @param {() => boolean} latest  false once a newer tab change came
 */
async function tabShown(tabId, latest) {
  const page = await pageOf(tabId);
  if (!latest()) return;
  const jira = currentJira();
  if (!jira) return run(detectTab(page.tabId), page);
  if (page.origin !== null && page.origin === jira.origin) return setAway(null); // the Jira's tab, or another page of it
  if (page.origin === null) {
    // The Jira's own tab after a navigation that ended activeTab (no host permission): its URL
    // is hidden now, but nothing says it left the Jira — no "away" line for it.
    return setAway(tabId === jira.tabId && page.shown === null ? null : { tabId, host: page.shown });
  }
  // A readable page elsewhere: a Jira replaces the one shown; anything else leaves it.
  setAway({ tabId, host: page.shown });
  const reply = await ask(detectTab(tabId));
  if (latest() && 'detection' in reply && reply.detection?.deployment?.product === 'jira') await show(reply, page);
}
