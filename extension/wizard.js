// The popup: asks the service worker to detect the active tab (or a typed URL) and shows the
// core's answer. View only — every decision (what the site is, which token, which steps,
// which warnings) comes from the core. This module owns the popup's `state` (and the secret
// held for the connection block), the actions and event wiring, and the render orchestration:
// the whole view is re-rendered from `state`, so the EN/RU switch needs no new detection. The
// parts are laid out by detection-view.js (summary, warnings, plan, details), check-view.js
// (token-test form, checklist, verdict), wizard-gateway.js (a scoped token through
// api.atlassian.com), snippet-view.js (connection block), wizard-pat.js (create a token) and
// wizard-report.js (copy/download the report), laid out as four steps by stepper.js; timing.js
// marks its timings (names only). panel.js decides what a tab change does (the page is a side
// panel / sidebar that follows the user's tabs) and keeps the form's non-secret choices per
// Jira origin.

import {
  extensionVersion,
  openTab,
  requestOrigin,
  saveLanguage,
  savedLanguage,
  sendMessage,
  uiLanguage,
} from './browser.js';
import { planFor, prefillTestForm, renderIntegration, renderTargets, renderTokenTest, testable } from './check-view.js';
import { renderDetection } from './detection-view.js';
import { $ } from './dom.js';
import { facts, loadFacts } from './facts.js';
import { checkRequest, detectTab, detectUrl, errorReply, httpOrigin } from './protocol.js';
import { initGateway } from './wizard-gateway.js';
import { initPatCreate, renderPatCreate } from './wizard-pat.js';
import { applyChoices, followTabs, renderContext } from './panel.js';
import { detections } from './wizard-detect.js';
import { freshTest, initialState } from './wizard-state.js';
import { renderReportActions } from './wizard-report.js';
import { initStepper, openStep, renderStepper } from './stepper.js';
import { hasSecretField, renderSnippet } from './snippet-view.js';
import { copySnippet } from './wizard-copy.js';
import { markCheckStart, markOpen, markVerdict } from './timing.js';
import { LANGS, langFromTag, t } from './ui-strings.js';
/** @import { CoreData, DetectReply, ErrorInfo, ErrorReply } from './protocol.js' */
/** @import { UiMessage } from './ui-strings.js' */

markOpen(); // first thing the popup script does: `jtw:popup-open`
// What the popup reads from the core (targets, labels, limits): asked for at once, beside the
// detection; an Error when the core could not answer.
const factsReady = loadFacts().catch((err) => (err instanceof Error ? err : new Error(String(err))));

const state = initialState();

/**
 * The secret of the test whose connection block is shown — in this page's memory only (never
 * in `state`, the DOM, storage or a message other than `check`), so the block can be copied
 * with it while revealed. Dropped by a new detection, a new test or another target.
 */
let heldSecret = null;

/** Permissions asked for besides the target's own (its profile in src/targets.rs names them). */
const REQUIRED_PERMISSIONS = [];

// ---- actions ------------------------------------------------------------------------------

const { ask, run, show, rememberChoices, currentJira, detectHere, detectActiveTab } = detections({ state, render, factsReady });

/** Click on "Allow access to <origin>": the request must start inside the click handler. */
function allowAccess(origin) {
  requestOrigin(origin).then(
    (granted) => {
      state.flash = granted ? null : 'accessDenied';
      if (granted && state.last) run(state.last, state.lastPage);
      else render();
    },
    () => {
      state.flash = 'accessDenied';
      render();
    },
  );
}

function submitUrl(event) {
  event.preventDefault();
  let typed = $('url-input').value.trim();
  if (typed && !/^[a-z][a-z0-9+.-]*:/i.test(typed)) typed = `https://${typed}`;
  const origin = httpOrigin(typed);
  const error = $('url-error');
  if (!origin) {
    error.textContent = t(state.lang, 'urlInvalid');
    error.hidden = false;
    return;
  }
  error.hidden = true;
  // Ask for the origin first, still inside the submit gesture; detect only with access.
  requestOrigin(origin).then(
    (granted) => {
      if (granted) return run(detectUrl(typed), { tabId: state.away?.tabId ?? state.tabId, origin });
      error.textContent = t(state.lang, 'accessDenied');
      error.hidden = false;
    },
    (err) => {
      error.textContent = t(state.lang, 'failed', { message: err?.message ?? err });
      error.hidden = false;
    },
  );
}

/**
 * Test click: reads the form, sends `check` to the service worker, shows the `CheckResult`.
 * `gateway` is null, or the core's `Facts.gateway` when the user pressed "Test through
 * api.atlassian.com" and granted access to it (wizard-gateway.js): never otherwise.
 * @param {Event | null} event
 * @param {string | null} [gateway]
 */
async function runTest(event, gateway = null) {
  event?.preventDefault();
  const test = state.test;
  const detection = test.detection;
  if (test.running || !detection || detection.provisional) return; // issue 11: REST first
  const secretField = $('test-secret');
  if (secretField.value.trim() === '') {
    test.error = 'secretMissing';
    test.result = null;
    render();
    secretField.focus();
    return;
  }
  markCheckStart();
  const project = $('test-project').value.trim();
  const target = $('test-target').value;
  const secret = secretField.value;
  const request = checkRequest(detection, {
    login: $('test-login').value.trim(),
    secret,
    auth: $('test-auth').value,
    target,
    project: project || null,
    requiredPermissions: REQUIRED_PERMISSIONS,
    gateway,
    // The core has no randomness: Issue Sync's Local Authentication Key comes from these.
    keyMaterial: target === 'issue-sync' ? Array.from(crypto.getRandomValues(new Uint8Array(facts().keyMaterialBytes))) : null,
    // The core has no clock either: a token's days left are counted from this.
    now: new Date().toISOString(),
  });
  const run = ++test.runs; // a Cancel (or a newer run) makes this reply stale
  test.running = true;
  test.error = null;
  test.result = null;
  test.snippetRevealed = false;
  test.copied = null;
  test.gatewayTried = gateway !== null;
  test.gatewayDenied = false;
  heldSecret = null;
  render();
  let reply;
  try {
    reply = (await sendMessage(request)) ?? errorReply('internal', 'no reply');
  } catch (err) {
    reply = errorReply('internal', err?.message ?? err);
  }
  // Drop our reference to the secret; the field keeps it so the user can edit and re-test.
  request.input.secret = '';
  if (state.test !== test || test.detection !== detection) return; // a new detection came
  if (test.runs !== run) return; // cancelled
  test.running = false;
  if (reply.ok && reply.result) {
    test.result = reply.result;
    test.checklist = reply.checklist ?? []; // the core's lines for this result
    test.login = request.input.login; // for the report: a login is not a secret
    test.projects = reply.result.projects ?? [];
    // Kept only to fill the block's secret field on reveal.
    if (hasSecretField(reply.result.snippet)) heldSecret = secret;
  } else {
    test.error = reply.error ?? { code: 'internal', message: 'no result' };
  }
  render();
  if (test.result) {
    markVerdict();
    showAnswer();
  }
}

/**
 * The answer in view: the verdict (first in its box) is scrolled to the top of the panel and
 * takes the focus, so a screen reader reads it (its title, then its cause).
 */
function showAnswer() {
  const verdict = $('verdict');
  if (verdict.offsetParent === null) return; // its step is folded
  verdict.scrollIntoView({ block: 'start' });
  verdict.focus({ preventScroll: true });
}

/** Cancel while testing: the reply still to come is ignored; the form can be sent again. */
function cancelTest() {
  const test = state.test;
  if (!test.running) return;
  test.runs += 1;
  test.running = false;
  test.error = 'testCancelled';
  render();
  $('test-secret').focus();
}

/** Another target: the last result (and the secret held for its block) no longer applies. */
function changeTarget() {
  const test = state.test;
  if (!test.running) {
    test.result = null;
    test.error = null;
    test.projects = [];
    test.copied = null;
    heldSecret = null;
  }
  render();
}

/** A project chosen in the picker: put it in the form and test again. */
function pickProject() {
  if (state.test.running) return;
  $('test-project').value = $('project-pick').value;
  $('test-form').requestSubmit();
}

function toggleSnippetReveal() {
  state.test.snippetRevealed = !state.test.snippetRevealed;
  state.test.copied = null;
  render();
}

function toggleReveal() {
  state.test.revealed = !state.test.revealed;
  render();
}

async function setLanguage(lang) {
  if (!LANGS.includes(lang)) return;
  state.lang = lang;
  render();
  await saveLanguage(lang).catch(() => {});
}

// ---- rendering ----------------------------------------------------------------------------

function renderStatic(lang) {
  document.documentElement.lang = lang;
  for (const node of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n]'))) node.textContent = t(lang, node.dataset.i18n);
  for (const node of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('[data-i18n-placeholder]'))) {
    node.placeholder = t(lang, node.dataset.i18nPlaceholder);
  }
  for (const node of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n-aria-label]'))) {
    node.setAttribute('aria-label', t(lang, node.dataset.i18nAriaLabel));
  }
  for (const btn of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-lang]'))) {
    btn.setAttribute('aria-pressed', String(btn.dataset.lang === lang));
  }
}

function render() {
  const { lang, phase, reply } = state;
  renderStatic(lang);
  const app = $('app');
  app.dataset.state = phase;
  app.setAttribute('aria-busy', String(phase === 'loading' || phase === 'provisional'));

  const status = $('status');
  status.hidden = phase === 'ready';
  status.classList.toggle('error', phase === 'error');
  if (phase === 'loading') status.textContent = t(lang, 'detecting');
  else if (phase === 'provisional') status.textContent = t(lang, 'confirming');
  // The phase says which reply it is: run() sets 'ready' for an ok one, 'error' otherwise.
  else if (phase === 'error') status.textContent = errorText(lang, /** @type {ErrorReply} */ (reply).error);

  const shown = phase === 'ready' || phase === 'provisional';
  const detection = shown ? /** @type {DetectReply} */ (reply).detection : null;
  $('result').hidden = !detection;
  const isJira = detection?.deployment?.product === 'jira';
  $('url-form').hidden = phase === 'loading' || (isJira && !state.awayHint);
  renderContext(lang, {
    jiraOrigin: isJira ? /** @type {DetectReply} */ (reply).origin : null, away: state.away, hint: state.awayHint, tokenPage: state.wentForToken,
  });
  const allowFetch = Boolean(reply?.ok && reply.allowFetch);
  const showTest = Boolean(detection && testable(detection) && allowFetch);
  // The integration asked first: its plan (the core's, per target) drives steps 2 and 3.
  if (detection) prepareTest(lang, detection, showTest);
  const target = detection ? $('test-target').value : 'generic';
  // A token test that changed the plan (it works only through the gateway) replaces its steps.
  const replanned = state.test?.detection === detection ? state.test.result?.authPlan ?? null : null;
  const plan = replanned ?? planFor(detection, target);
  renderIntegration(lang, detection, target);
  if (detection) {
    renderDetection(lang, detection, {
      origin: /** @type {DetectReply} */ (reply).origin, flash: state.flash, onAllowAccess: allowAccess, plan: replanned, target,
    });
  }
  // Never on the page's word alone, and only for a Jira read from its tab: the POST goes out
  // from that tab (wizard-pat.js), so a typed address (another tab's page) gets no offer.
  const fromTab = state.last?.type === 'detect_tab' && state.tabId !== null;
  renderPatCreate(lang, detection, plan, allowFetch && phase === 'ready' && fromTab);
  renderTest(lang, detection, showTest, plan);
  renderStepper(lang, state);
}

/**
 * Before anything reads the form: the target menu filled, the token test for this detection
 * started (or confirmed), and the choices kept for this Jira put back (panel.js).
 */
function prepareTest(lang, detection, show) {
  renderTargets(lang);
  if (!show) return;
  if (state.test.detection !== detection) {
    // The REST answer confirming a first paint: same form, now with the confirmed detection.
    if (state.test.detection?.provisional && !detection.provisional) state.test.detection = detection;
    else startTest(detection);
  }
  if (state.choices) {
    applyChoices(state.choices); // kept for this Jira this session (panel.js)
    state.choices = null;
  }
}

/** The token test, with its connection block and report actions, for a testable detection. */
function renderTest(lang, detection, show, plan) {
  renderTokenTest(lang, detection, show ? state.test : null, plan);
  $('more').hidden = !show || !state.test.result;
  if (!show) return;
  const test = state.test;
  renderReportActions(lang, test.result, test.login);
  renderSnippet(lang, test.result?.snippet ?? null, {
    revealed: test.snippetRevealed,
    secret: heldSecret,
    status: test.copied,
  });
}

/** A new detection: prefill the login from the logged-in user, forget the last result. */
function startTest(detection) {
  state.test = freshTest(detection, state.test.revealed);
  heldSecret = null;
  prefillTestForm(detection);
}

/** A token the popup just created (wizard-pat.js): test it as a personal access token. */
function testCreatedToken(token) {
  $('test-auth').value = 'pat';
  $('test-secret').value = token;
  render();
  $('test-form').requestSubmit();
}

/** The token-test field the user fills next: the login when it is needed and empty, else the secret. */
function fieldToFill() {
  const login = /** @type {HTMLInputElement} */ ($('test-login'));
  return login.value.trim() === '' && login.dataset.optional !== 'true' ? login : $('test-secret');
}

function errorText(lang, error) {
  if (error?.code === 'tab_unreadable') return t(lang, 'tabUnreadable');
  return t(lang, 'failed', { message: error?.message ?? '?' });
}

// ---- start --------------------------------------------------------------------------------

for (const btn of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-lang]'))) {
  btn.addEventListener('click', () => setLanguage(btn.dataset.lang));
}
$('token-page').addEventListener('click', (e) => {
  const url = e.currentTarget.dataset.url;
  // The wizard stays open beside the page (side panel, sidebar) while the user gets the token;
  // back on the Jira, the field to fill has the focus.
  if (url) {
    state.wentForToken = true;
    openTab(url).catch(() => {});
  }
});
$('integration-options').addEventListener('change', (e) => {
  const input = /** @type {HTMLInputElement} */ (e.target);
  if (input.name !== 'integration') return;
  $('test-target').value = input.value;
  changeTarget();
  rememberChoices();
});
$('test-cancel').addEventListener('click', cancelTest);
$('url-form').addEventListener('submit', submitUrl);
$('test-form').addEventListener('submit', runTest);
$('test-form').addEventListener('change', rememberChoices);
$('test-form').addEventListener('input', rememberChoices);
$('detect-here').addEventListener('click', detectHere);
$('test-reveal').addEventListener('click', toggleReveal);
$('test-auth').addEventListener('change', () => render());
$('test-target').addEventListener('change', changeTarget);
$('project-pick').addEventListener('change', pickProject);
$('snippet-reveal').addEventListener('click', toggleSnippetReveal);
/** @param {MouseEvent} event */
const copy = (event) => copySnippet(event, state, heldSecret, render);
$('snippet').addEventListener('click', copy);
$('snippet-copy-all').addEventListener('click', copy);
initPatCreate({ onToken: testCreatedToken, jiraTab: () => state.tabId });
initStepper(render);
initGateway({
  onGranted: () => runTest(null, facts().gateway),
  onDenied: () => {
    state.test.gatewayDenied = true;
    render();
  },
});
$('version').textContent = `v${extensionVersion()}`;

(async () => {
  const saved = await savedLanguage().catch(() => undefined);
  state.lang = LANGS.includes(saved) ? saved : langFromTag(uiLanguage());
  render();
  await detectActiveTab();
  await followTabs({
    jira: currentJira,
    probe: (tabId) => ask(detectTab(tabId)),
    adopt: (reply, page) => show(reply, page),
    replace: (page) => run(detectTab(page.tabId), page),
    away: (away) => {
      state.away = away;
      if (!away) state.awayHint = false;
      const back = !away && state.wentForToken && !$('token-test').hidden;
      if (back) {
        state.wentForToken = false;
        openStep('test');
      }
      render();
      if (back) fieldToFill().focus();
    },
  });
})();
