// The wizard's four steps — what this Jira is, get the token, test it, connect the
// integration — as a stepper: the step at hand is open, the others fold to their heading and a
// one-line summary, and each heading says whether its step is done. View only: which sections
// have something to show is decided by the other views (they set `hidden` on their sections),
// and what is done follows from the popup's state (a detection, a result, its verdict).
//
// Opening rules: a new detection opens the step at hand alone; a test that starts opens "Test
// it" and folds "Get the token" (unless it shows a token just created, shown once only); a
// result that works opens "Connect" too, and one that changed the plan (works only through the
// gateway) opens "Get the token" again for its new steps. The user's clicks on a heading open
// or fold it.
//
// The next action stays on screen in a footer (`#next-bar`, sticky at the panel's bottom):
// "I have the token — test it" while step 2 is at hand, Test (and Cancel while testing) while
// step 3 is open, "Copy all" once a test worked.

import { $ } from './dom.js';
import { t } from './ui-strings.js';

/** The steps in order. Step 1 is shown with a detection and step 3 with the token-test form;
 *  steps 2 and 4 when one of their sections is. */
const STEPS = /** @type {const} */ (['detect', 'token', 'test', 'connect']);
const SECTIONS = { token: ['plan', 'pat-create'], connect: ['snippet'] };

/** What the stepper remembers between renders: the open steps and what they were opened for. */
const view = {
  /** @type {Set<string>} */
  open: new Set(),
  /** The reply, result and running flag of the last render (to see what changed). */
  reply: /** @type {unknown} */ (undefined),
  result: /** @type {unknown} */ (undefined),
  running: false,
};

const shown = (id) => !$(id).hidden;

/**
 * What each step has to show, and which are done, for the popup's `state` — after the other
 * views have rendered.
 */
function progress(state) {
  // A provisional detection (the first paint, from the page alone) is step 1 at hand: the
  // token can be tested only once serverInfo confirmed it.
  const confirmed = state.phase === 'ready';
  const detection = confirmed || state.phase === 'provisional' ? state.reply?.detection : null;
  const testable = shown('token-test');
  const result = testable ? state.test.result : null;
  const works = Boolean(result?.verdict?.ok);
  /** @type {Record<string, boolean>} */
  const available = {
    detect: Boolean(detection),
    token: SECTIONS.token.some(shown),
    test: testable,
    connect: testable && SECTIONS.connect.some(shown),
  };
  /** @type {Record<string, boolean>} */
  const done = {
    // Not waiting for the confirmation: the first paint opens the same step the confirmed
    // detection does, so a slow Jira does not flip the layout (the test still waits for it).
    detect: Boolean(detection) && testable,
    token: Boolean(result),
    test: works,
    connect: works && Boolean(state.test.copied),
  };
  const current = STEPS.find((s) => available[s] && !done[s]) ?? [...STEPS].reverse().find((s) => available[s]) ?? 'detect';
  return { available, done, current, result, works, running: Boolean(testable && state.test.running) };
}

/**
 * Renders the stepper for `state` (call last in the popup's render: it reads the sections the
 * other views showed or hid).
 * @param {string} lang
 * @param {any} state the popup's state
 */
export function renderStepper(lang, state) {
  const p = progress(state);
  if (state.reply !== view.reply) {
    view.reply = state.reply;
    view.open = new Set([p.current]);
  } else if (p.result !== view.result && p.result) {
    view.open.add('test');
    if (p.works && p.available.connect) view.open.add('connect');
    // The test changed the plan (it works only through the gateway): its new steps are shown.
    if (p.result.authPlan) view.open.add('token');
  }
  if (p.running && !view.running) {
    // A test started: step 3 is at hand, and step 2 folds — unless it shows a token just
    // created, which is shown only once.
    view.open.add('test');
    if (!shown('pat-token-box')) view.open.delete('token');
  }
  view.result = p.result;
  view.running = p.running;
  renderNextBar(p);

  // "Connect" is announced as soon as a token can be tested: the user sees where the steps lead.
  const listed = (step) => p.available[step] || (step === 'connect' && p.available.test);
  const total = STEPS.filter(listed).length;
  let n = 0;
  for (const step of STEPS) {
    const item = $(`step-${step}`);
    item.hidden = !listed(step);
    if (item.hidden) continue;
    n += 1;
    const open = p.available[step] && view.open.has(step);
    const status = p.done[step] ? 'done' : step === p.current ? 'current' : 'todo';
    item.dataset.status = status;
    item.dataset.open = String(open);
    const button = $(`step-${step}-btn`);
    button.disabled = !p.available[step];
    button.setAttribute('aria-expanded', String(open));
    if (step === p.current) button.setAttribute('aria-current', 'step');
    else button.removeAttribute('aria-current');
    const num = /** @type {HTMLElement} */ (button.querySelector('.step-num'));
    num.textContent = status === 'done' ? '✓' : String(n);
    const of = /** @type {HTMLElement} */ (button.querySelector('[data-step-of]'));
    of.textContent = t(lang, 'stepOf', { n: String(n), total: String(total) });
    $(`step-${step}-state`).textContent = status === 'todo' ? '' : t(lang, status === 'done' ? 'stepDone' : 'stepNow');
    $(`step-${step}-body`).hidden = !open;
    const summary = $(`step-${step}-summary`);
    summary.textContent = open ? '' : summaryOf(step);
    summary.hidden = summary.textContent === '';
  }
}

/** The footer's one next action for the progress `p`. */
function renderNextBar(p) {
  const testOpen = p.available.test && view.open.has('test');
  const copyAll = !p.running && p.works && p.available.connect && view.open.has('connect');
  const test = p.running || (testOpen && !copyAll);
  const nextTest = !test && !copyAll && p.available.token && p.available.test && view.open.has('token');
  $('test-run').hidden = !test;
  $('snippet-copy-all').hidden = !copyAll;
  $('step-next-test').hidden = !nextTest;
  $('next-bar').hidden = !(test || copyAll || nextTest);
}

/** Opens `step` (and folds "Get the token" when it is the test): the user came back for it. */
export function openStep(step) {
  if (step === 'test') view.open.delete('token');
  view.open.add(step);
}

/** A folded step's one line, read from what its own views wrote. */
function summaryOf(step) {
  const text = (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  switch (step) {
    case 'detect': return text('detail-baseUrl');
    case 'token': return shown('plan') ? text('method') : '';
    case 'test': return shown('check') ? text('verdict-title') : '';
    case 'connect': return shown('snippet') ? text('snippet-title') : '';
    default: return '';
  }
}

/**
 * Wires the headings (open/fold) and "I have the token — test it".
 * @param {() => void} rerender the popup's render
 */
export function initStepper(rerender) {
  for (const step of STEPS) {
    $(`step-${step}-btn`).addEventListener('click', () => {
      if (view.open.has(step)) view.open.delete(step);
      else view.open.add(step);
      rerender();
    });
  }
  $('step-next-test').addEventListener('click', () => {
    view.open.delete('token');
    view.open.add('test');
    rerender();
    const login = /** @type {HTMLInputElement} */ ($('test-login'));
    (login.value.trim() === '' ? login : $('test-secret')).focus();
  });
}
