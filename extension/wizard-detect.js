// The wizard's detections (issue 12 items 3 and 5), for wizard.js, which owns `state` and
// `render`: a tab is detected twice at once — from the page alone (the core's provisional
// first paint, no round trip) and fully — and the first answer shown while the REST one comes;
// a tab the user turned to (panel.js) is shown with the choices kept for its Jira; *Detect
// this tab*. Every decision is the core's; this module orders the messages and the renders.

import { activeTab, saveChoices, savedChoices, sendMessage } from './browser.js';
import { $ } from './dom.js';
import { detectTab, errorReply, httpOrigin } from './protocol.js';
import { pageOf, readChoices } from './panel.js';
import { markConfirmedDetection, markFirstDetection } from './timing.js';

/**
 * The detection actions over wizard.js's `state`.
 * @param {{state: any, render: () => void, factsReady: Promise<unknown>}} wizard
 */
export function detections({ state, render, factsReady }) {
  /** Sends a request to the service worker; a failure becomes an error reply. */
  async function ask(request) {
    try {
      return (await sendMessage(request)) ?? errorReply('internal', 'no reply');
    } catch (err) {
      return errorReply('internal', err?.message ?? err);
    }
  }

  /**
   * Detects and shows: `page` is the tab and page origin the request is about (null: unknown).
   * @param {any} request
   * @param {{tabId: number | null, origin: string | null} | null} page
   */
  async function run(request, page = null) {
    state.last = request;
    state.lastPage = page;
    state.phase = 'loading';
    state.firstShown = false;
    render();
    const full = ask(request);
    if (request.type === 'detect_tab') {
      // First paint: the page's meta tags at once (the core's provisional detection, no round
      // trip), unless the full answer came first.
      let done = false;
      full.then(() => { done = true; }, () => {});
      const first = await ask(detectTab(request.tabId, true));
      if (!done && first?.ok && state.last === request) await show(first, page);
    }
    const reply = await full;
    if (state.last === request) await show(reply, page);
  }

  /** Shows a detection reply as the page worked on, with the choices kept for its Jira. */
  async function show(reply, page) {
    const loaded = await factsReady;
    if (loaded instanceof Error && reply?.ok) reply = errorReply('core', loaded.message);
    const origin = page?.origin ?? (reply?.ok ? reply.origin : null);
    if (origin !== state.pageOrigin) $('test-secret').value = ''; // a secret is for one Jira only
    // The confirmation of a first paint keeps the form as the user may have started filling it.
    const confirming = state.phase === 'provisional' && origin === state.pageOrigin;
    if (!confirming) state.choices = reply?.ok ? await savedChoices(reply.origin).catch(() => null) : null;
    state.reply = reply;
    state.tabId = page?.tabId ?? state.tabId;
    state.pageOrigin = origin;
    state.away = null;
    state.awayHint = false;
    state.phase = !reply?.ok ? 'error' : reply.detection?.provisional ? 'provisional' : 'ready';
    render();
    if (state.phase !== 'error' && !state.firstShown) {
      state.firstShown = true;
      markFirstDetection();
    }
    if (state.phase === 'ready') markConfirmedDetection();
  }

  /** The form changed: keep its non-secret choices for this Jira (panel.js, storage.session). */
  function rememberChoices() {
    const reply = state.reply;
    if (reply?.ok && !$('token-test').hidden) saveChoices(reply.origin, readChoices()).catch(() => {});
  }

  /** The Jira worked on, for panel.js: null unless a Jira is shown. */
  function currentJira() {
    const reply = state.reply;
    const isJira = state.phase === 'ready' && reply?.ok && reply.detection?.deployment?.product === 'jira';
    return isJira ? { tabId: state.tabId, origin: state.pageOrigin } : null;
  }

  /** *Detect this tab*: read the tab in front (activeTab after a toolbar click on it, or a host
   *  permission); when the wizard may not, offer the typed address, which asks for access. */
  async function detectHere() {
    const away = state.away;
    if (!away) return;
    const reply = await ask(detectTab(away.tabId));
    if (state.away !== away) return;
    if (reply?.ok) {
      await show(reply, await pageOf(away.tabId));
      return;
    }
    state.awayHint = true;
    render();
    $('url-input').focus();
  }

  async function detectActiveTab() {
    const tab = await activeTab().catch(() => undefined);
    if (tab?.id === undefined) {
      state.reply = errorReply('tab_unreadable', 'no active tab');
      state.phase = 'error';
      render();
      return;
    }
    await run(detectTab(tab.id), { tabId: tab.id, origin: httpOrigin(tab.url ?? '') });
  }

  return { ask, run, show, rememberChoices, currentJira, detectHere, detectActiveTab };
}
