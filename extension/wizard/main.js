// The wizard's entry point (wizard.html): wires the page's controls to the actions
// (actions.js) and starts — the core's facts asked for at once, the language, the tab's
// detection, then following the user's tabs. The page is state → render → views: state.js
// holds the one state, render.js computes what it shows, views/ lay it out, actions.js does
// every effect. Clicks on controls the views build carry `data-action` (or `data-copy`) and are
// handled here, by delegation.

import { extensionVersion, savedLanguage, uiLanguage } from '../browser.js';
import { $ } from '../dom.js';
import { loadFacts } from '../facts.js';
import { timed } from '../timing.js';
import { LANGS, langFromTag } from '../ui-strings.js';
import * as act from './actions.js';
import { STEPS } from './render.js';
import { update } from './state.js';
import { markOpen } from './timing.js';

markOpen(); // first thing the wizard's script does: `jtw:wizard-open`
// The language the user chose (or the browser's), read beside the detection, not before it.
const language = savedLanguage()
  .catch(() => undefined)
  .then((saved) =>
    update((s) => {
      s.lang = LANGS.includes(saved) ? saved : langFromTag(uiLanguage());
    }),
  );
// What the page reads from the core (targets, labels, limits): asked for at once, beside the
// detection; an Error when the core could not answer. A detection is shown once they and the
// language are in.
const facts = timed('facts', loadFacts);
act.setFactsReady(
  Promise.all([facts, language])
    .then(([loaded]) => loaded)
    .catch((err) => (err instanceof Error ? err : new Error(String(err)))),
);

/**
 * `handler(target)` for clicks on (or in) the element `id`.
 * @param {string} id
 * @param {(target: HTMLElement) => void} handler
 */
const onClick = (id, handler) =>
  $(id).addEventListener('click', (/** @type {MouseEvent} */ e) => {
    if (e.target instanceof HTMLElement) handler(e.target);
  });

for (const btn of document.querySelectorAll('[data-lang]')) {
  if (btn instanceof HTMLElement) btn.addEventListener('click', () => act.setLanguage(btn.dataset.lang ?? ''));
}
for (const step of STEPS) onClick(`step-${step}-btn`, () => act.toggleStep(step));
onClick('step-next-test', () => act.nextTest());
onClick('token-page', (button) => act.openTokenPage(button.dataset.url ?? ''));
onClick('warnings', (target) => {
  const button = target.closest('[data-action="allow-access"]');
  if (button instanceof HTMLElement) act.allowAccess(button.dataset.origin ?? '');
});
onClick('detect-here', () => act.detectHere());
$('url-form').addEventListener('submit', (/** @type {SubmitEvent} */ e) => {
  e.preventDefault();
  act.submitUrl($('url-input', HTMLInputElement).value);
});
$('integration-options').addEventListener('change', (/** @type {Event} */ e) => {
  const input = e.target;
  if (input instanceof HTMLInputElement && input.name === 'integration') act.chooseTarget(input.value);
});

// The token test.
$('test-form').addEventListener('submit', (/** @type {SubmitEvent} */ e) => {
  e.preventDefault();
  act.runTest();
});
$('test-target').addEventListener('change', () => act.chooseTarget($('test-target', HTMLSelectElement).value));
$('test-form').addEventListener('change', () => act.formChanged());
$('test-form').addEventListener('input', () => act.formChanged());
onClick('test-cancel', () => act.cancelTest());
onClick('test-reveal', () => act.toggleReveal());
$('project-pick').addEventListener('change', () => act.pickProject($('project-pick', HTMLSelectElement).value));
onClick('gateway-try', () => act.tryGateway());

// Step 4 and *More*.
onClick('snippet-reveal', () => act.toggleSnippetReveal());
/** @param {HTMLElement} target */
const copy = (target) => {
  const button = target.closest('button[data-copy]');
  if (button instanceof HTMLElement) act.copySnippet(button.dataset.copy ?? 'text', button.dataset.key);
};
onClick('snippet', copy);
onClick('snippet-copy-all', copy);
onClick('server-check', (target) => {
  const button = target.closest('[data-action="copy-server-line"]');
  if (button instanceof HTMLElement) act.copyServerLine(button.dataset.kind ?? '');
});
onClick('report-copy', () => act.copyReport());
onClick('report-download', () => act.downloadReport());
onClick('open-helpdesk', () => act.openHelpdesk());

// "Create a token for me".
$('pat-form').addEventListener('submit', (/** @type {SubmitEvent} */ e) => {
  e.preventDefault();
  act.patInput($('pat-name', HTMLInputElement).value, $('pat-days', HTMLInputElement).value);
  act.patAsk();
});
$('pat-form').addEventListener('input', () =>
  act.patInput($('pat-name', HTMLInputElement).value, $('pat-days', HTMLInputElement).value),
);
onClick('pat-yes', () => act.patCreate());
onClick('pat-no', () => act.patCancel());
onClick('pat-copy', () => act.patCopy());
$('pat-token').addEventListener('copy', (e) => act.patCopiedByKeys(e));
// Ctrl+C on the other shown secrets (actions/copy-keys.js).
$('snippet').addEventListener('copy', (e) => act.snippetCopiedByKeys(e));
$('test-secret').addEventListener('copy', (e) => act.secretCopiedByKeys(e));
onClick('pat-again', () => act.patAgain());

// Remembered connections (actions/remember.js).
$('expiry-date').addEventListener('change', () => act.setExpiry($('expiry-date', HTMLInputElement).value));
$('remember-date').addEventListener('change', () => act.setExpiry($('remember-date', HTMLInputElement).value));
$('remember-label').addEventListener('input', () => act.setLabel($('remember-label', HTMLInputElement).value));
onClick('remember-save', () => act.rememberThis());
onClick('remembered-list', (target) => {
  const button = target.closest('button[data-action]');
  if (!(button instanceof HTMLElement)) return;
  const key = button.dataset.key ?? '';
  if (button.dataset.action === 'test-again') act.testAgain(key);
  else if (button.dataset.action === 'forget') act.forgetConnection(key);
});
$('reminders-on').addEventListener('change', () => act.setReminders($('reminders-on', HTMLInputElement).checked));
$('reminders-days').addEventListener('change', () => act.setReminderDays($('reminders-days', HTMLInputElement).value));

$('version').textContent = `v${extensionVersion()}`;

(async () => {
  // Opened from a reminder (reminders.js): that Jira with the target chosen.
  const params = new URLSearchParams(location.search);
  const jira = params.get('jira');
  if (jira) {
    act.readClipboardAccess();
    if (!((await act.loaded()) instanceof Error)) await act.openFromReminder(jira, params.get('target') ?? '');
    return;
  }
  // After the first paint (the worker answers the detection first): the clipboard permission
  // and the remembered connections (their names need the core's facts).
  act.firstPainted.then(() => {
    act.readClipboardAccess();
    act.loaded().then((core) => (core instanceof Error ? null : act.loadRemembered()));
  });
  await act.detectActiveTab();
  await act.followTabs();
})();
