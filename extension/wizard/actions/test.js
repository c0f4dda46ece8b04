// The token test: the form read, `check` sent with the secret from its field, the result shown
// (the verdict scrolled into view and focused), Cancel, another integration, the project picker,
// the gateway offer, the steps opened and folded. Part of the actions (../actions.js).

import { requestOrigin, requestOrigins } from '../../browser.js';
import { saveChoices } from '../../choices.js';
import { $ } from '../../dom.js';
import { facts } from '../../facts.js';
import { checkRequest, familyOf } from '../../protocol.js';
import { expiryFor } from '../expiry.js';
import { model } from '../render.js';
import { timed } from '../../timing.js';
import { hasSecretField } from '../snippet-text.js';
import { secrets, state, update } from '../state.js';
import { markCheckStart, markVerdict } from '../timing.js';
import { ask, current, detectionIdOf } from './worker.js';
/** @import { State, Step } from '../state.js' */

/**
 * The form's non-secret fields as the page has them (typed, or set by a script); a menu's
 * value the core does not offer keeps the state's.
 */
function readForm() {
  const target = $('test-target', HTMLSelectElement).value;
  const auth = $('test-auth', HTMLSelectElement).value;
  state.form = {
    target: facts().targets.find((x) => x.id === target)?.id ?? state.form.target,
    auth: facts().authChoices.find((a) => a === auth) ?? state.form.auth,
    login: $('test-login', HTMLInputElement).value,
    project: $('test-project', HTMLInputElement).value,
  };
}

/** The form changed: read it, render, and keep its choices for this Jira (storage.session). */
export function formChanged() {
  update(readForm);
  rememberChoices();
}

function rememberChoices() {
  const m = current();
  if (!m.reply || !m.canTest) return;
  saveChoices(m.reply.origin, { ...state.form, target: m.target }).catch(() => {});
}

/**
 * Another integration (step 1's question, or the form's target): the last result (and the
 * secret held for its block) no longer applies.
 * @param {string} target
 */
export function chooseTarget(target) {
  const known = facts().targets.find((x) => x.id === target)?.id;
  if (!known) return;
  update((s) => {
    s.form.target = known;
    if (s.test.running) return;
    Object.assign(s.test, { result: null, error: null, projects: [], copied: null });
    secrets.tested = null;
  });
  rememberChoices();
}

/**
 * Test: reads the form, sends `check` to the service worker, shows the `CheckResult`.
 * `gateway` is null, or the gateway of the site's Cloud family when the user pressed "Test
 * through api.atlassian.com" and granted access to it, or for a Cloud service account's client
 * credentials once the user granted access to every origin its test asks: never otherwise.
 * @param {string | null} [gateway]
 */
export async function runTest(gateway = null) {
  readForm();
  const test = state.test;
  const detection = test.detection;
  const detectionId = detectionIdOf(detection);
  if (test.running || !detection || detection.provisional || !detectionId) return; // REST first
  const secretField = $('test-secret', HTMLInputElement);
  if (secretField.value.trim() === '') {
    update(() => Object.assign(test, { error: 'secretMissing', result: null }));
    secretField.focus();
    return;
  }
  // A Cloud service account's test asks the site, the family's authorization server and its
  // gateway (service-account.js): access to exactly those, asked straight from the click.
  const origins = current().sa?.origins ?? null;
  if (origins?.gateway) {
    const asked = [origins.site, origins.auth, origins.gateway].filter((o) => o !== null);
    const granted = await requestOrigins(asked).catch(() => false);
    if (state.test !== test || test.running) return;
    if (!granted) {
      update(() =>
        Object.assign(test, { error: { code: 'host_not_allowed', message: asked.join(', ') }, result: null }),
      );
      return;
    }
  }
  markCheckStart();
  const { target, auth } = current();
  const { login, project } = state.form;
  const secret = secretField.value;
  const request = checkRequest(detectionId, {
    login: login.trim(),
    secret,
    auth,
    target,
    project: project.trim() || null,
    requiredPermissions: [],
    gateway: gateway ?? origins?.gateway ?? null,
    // The core has no randomness: Issue Sync's Local Authentication Key comes from these.
    keyMaterial:
      target === 'issue-sync' ? Array.from(crypto.getRandomValues(new Uint8Array(facts().keyMaterialBytes))) : null,
    // The core has no clock either: a token's days left are counted from this.
    now: new Date().toISOString(),
    // The expiry the user said they will pick, or remembered for this connection.
    expiresOn: expiryFor(state.remember, current().reply?.origin ?? null, login, target),
  });
  const run = test.runs + 1; // a Cancel (or a newer run) makes this reply stale
  secrets.tested = null;
  // Sent before the page shows it running: the worker starts while the page renders.
  const asked = timed('check-reply', () => ask(request));
  update((s) => {
    Object.assign(test, {
      runs: run,
      running: true,
      error: null,
      result: null,
      snippetRevealed: false,
      copied: null,
      serverCopied: null,
      gatewayTried: gateway !== null,
      gatewayDenied: false,
      report: { rendered: null, status: null },
    });
    // A test started: step 3 is at hand, and step 2 folds — unless it shows a token just
    // created, which is shown only once.
    /** @type {Step[]} */
    const open = [...s.open, 'test'];
    s.open = [...new Set(open)].filter((x) => x !== 'token' || current().patToken !== null);
  });
  const reply = await asked;
  request.input.secret = ''; // the field keeps it, for the user to edit and test again
  if (state.test !== test || test.detection !== detection || test.runs !== run) return; // new detection, or cancelled
  update((s) => {
    test.running = false;
    if (reply.ok && 'result' in reply) {
      Object.assign(test, {
        result: reply.result,
        checklist: reply.checklist ?? [], // the core's lines for this result
        report: { rendered: reply.report ?? null, status: null },
        projects: reply.result.projects ?? [],
      });
      // Kept only to fill the block's secret field on reveal and in what Copy copies.
      if (hasSecretField(reply.result.snippet)) secrets.tested = secret;
      const m = model(s, secrets);
      // A test that works opens step 4, and step 3 folds to its line (the verdict's title), as
      // finished steps do; any other answer keeps step 3 open with the verdict first.
      const connect = m.works && m.available.connect;
      /** @type {Step[]} */
      const open = [...s.open.filter((x) => x !== 'test'), connect ? 'connect' : 'test'];
      // The test changed the plan (it works only through the gateway): its new steps are shown.
      if (reply.result.authPlan) open.push('token');
      s.open = [...new Set(open)];
    } else {
      test.error = reply.ok ? { code: 'internal', message: 'no result' } : reply.error;
    }
  });
  if (test.result) {
    markVerdict();
    showAnswer();
  }
}

/**
 * The answer in view: the verdict (first in its box) is scrolled to the top of the panel and
 * takes the focus, so a screen reader reads it (its title, then its cause). When the test
 * worked, step 3 is folded to its line — the verdict's title — and that line takes the focus,
 * with step 4 below it.
 */
function showAnswer() {
  const verdict = $('verdict');
  const shown = verdict.offsetParent !== null ? verdict : $('step-test-summary');
  if (shown.offsetParent === null) return;
  shown.scrollIntoView({ block: 'start' });
  shown.focus({ preventScroll: true });
}

/** Cancel while testing: the reply still to come is ignored; the form can be sent again. */
export function cancelTest() {
  if (!state.test.running) return;
  update(() => Object.assign(state.test, { runs: state.test.runs + 1, running: false, error: 'testCancelled' }));
  $('test-secret').focus();
}

/**
 * A project chosen in the picker: put in the form and tested again.
 * @param {string} key
 */
export function pickProject(key) {
  if (state.test.running) return;
  $('test-project', HTMLInputElement).value = key;
  runTest();
}

export const toggleReveal = () =>
  update((s) => {
    s.test.revealed = !s.test.revealed;
  });

export const toggleSnippetReveal = () =>
  update((s) => {
    s.test.snippetRevealed = !s.test.snippetRevealed;
    s.test.copied = null;
  });

/** *Test through api.atlassian.com*: access asked straight from the click, then the test again. */
export function tryGateway() {
  // The site's own Cloud family's gateway: a Government site's token never goes to api.atlassian.com.
  const gateway = familyOf(state.test.detection, facts().cloudFamilies)?.gateway ?? facts().gateway;
  requestOrigin(gateway).then(
    (granted) =>
      granted
        ? runTest(gateway)
        : update((s) => {
            s.test.gatewayDenied = true;
          }),
    () =>
      update((s) => {
        s.test.gatewayDenied = true;
      }),
  );
}

/**
 * A step's heading pressed: it opens or folds.
 * @param {Step} step
 */
export const toggleStep = (step) =>
  update((s) => {
    s.open = s.open.includes(step) ? s.open.filter((x) => x !== step) : [...s.open, step];
  });

/** Opens step 3 (and folds step 2): the user has the token. */
export const openTest = (/** @type {State} */ s) => {
  s.open = [...s.open.filter((x) => x !== 'token' && x !== 'test'), 'test'];
};

/** "I have the token — test it": step 3, the field to fill focused. */
export function nextTest() {
  update(openTest);
  $(state.form.login.trim() === '' ? 'test-login' : 'test-secret').focus();
}
