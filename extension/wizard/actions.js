// Every effect of the wizard, in one file: the messages to the service worker (detections, the
// token test, the one-click PAT), the permission requests (each straight from its click), the
// clipboard, opening tabs, the form's choices kept per Jira origin, the focus, and following
// the user's tabs. Each action changes the state through `update` (state.js), which renders
// once; which step a change opens is asked of render.js (`model`), never of the page.
//
// The secret typed in the form is read from its field when Test is pressed and goes only into
// the `check` message; the page keeps it (and a just-created PAT) in state.js `secrets`.
//
// The effects live in actions/ by subject — the worker's messages (worker.js), detection and
// tab following (detect.js), the token test and the steps (test.js), the clipboard and the
// report (copy.js), the one-click PAT (pat.js), remembered connections and reminders
// (remember.js) — and are all reached from here.

import { openTab, saveLanguage } from '../browser.js';
import { LANGS } from '../ui-strings.js';
import { state, update } from './state.js';

export { copyReport, copyServerLine, copySnippet, downloadReport, patCopy } from './actions/copy.js';
export { readClipboardAccess } from './actions/clipboard-access.js';
export { patCopiedByKeys, secretCopiedByKeys, snippetCopiedByKeys } from './actions/copy-keys.js';
export { allowAccess, detectActiveTab, detectHere, firstPainted, followTabs, submitUrl } from './actions/detect.js';
export { patAgain, patAsk, patCancel, patCreate, patInput } from './actions/pat.js';
export {
  forgetConnection,
  loadRemembered,
  openFromReminder,
  rememberThis,
  setExpiry,
  setLabel,
  setReminderDays,
  setReminders,
  testAgain,
} from './actions/remember.js';
export {
  cancelTest,
  chooseTarget,
  formChanged,
  nextTest,
  pickProject,
  runTest,
  toggleReveal,
  toggleSnippetReveal,
  toggleStep,
  tryGateway,
} from './actions/test.js';
export { loaded, setFactsReady } from './actions/worker.js';

/**
 * The token page (the plan's button): opened in a tab beside the wizard, which stays open;
 * back on the Jira, the field to fill has the focus.
 * @param {string} url
 */
export function openTokenPage(url) {
  if (!url) return;
  state.wentForToken = true;
  openTab(url).catch(() => {});
}

export const openHelpdesk = () => openTab('helpdesk.html').catch(() => {});

/** @param {string} lang */
export async function setLanguage(lang) {
  if (!LANGS.includes(lang)) return;
  update((s) => {
    s.lang = lang;
  });
  await saveLanguage(lang).catch(() => {});
}
