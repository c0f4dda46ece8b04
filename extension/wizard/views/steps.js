// The four steps — what this Jira is, get the token, test it, connect the integration — as a
// stepper: an open step shows its body, a folded one its heading and a one-line summary, and
// each heading says whether its step is done or at hand; the footer (`#next-bar`, sticky at
// the panel's bottom) holds the one next action: "I have the token — test it", Test (with
// Cancel while testing) or "Copy all". And *More* (the server-side commands, the report),
// shown once a test has a result. A view: which step is open, done or listed is computed by
// render.js from the state; it keeps nothing, sends nothing.

import { $ } from '../../dom.js';
import { t } from '../../ui-strings.js';
/** @import { Step } from '../state.js' */

/**
 * @typedef {object} StepView
 * @property {Step} step
 * @property {boolean} listed  shown in the list at all
 * @property {number} n  its number among the listed steps
 * @property {number} total  how many are listed
 * @property {boolean} available  it has something to show (its heading can be pressed)
 * @property {boolean} open
 * @property {'done' | 'current' | 'todo'} status
 * @property {boolean} current  the step at hand (done or not)
 * @property {string} summary  its one line while folded
 */

/**
 * @param {string} lang
 * @param {{steps: StepView[], next: {test: boolean, copyAll: boolean, nextTest: boolean}, more: boolean}} slice
 */
export function renderSteps(lang, { steps, next, more }) {
  for (const s of steps) {
    const item = $(`step-${s.step}`);
    item.hidden = !s.listed;
    if (!s.listed) continue;
    item.dataset.status = s.status;
    item.dataset.open = String(s.open);
    const button = $(`step-${s.step}-btn`, HTMLButtonElement);
    button.disabled = !s.available;
    button.setAttribute('aria-expanded', String(s.open));
    if (s.current) button.setAttribute('aria-current', 'step');
    else button.removeAttribute('aria-current');
    const num = button.querySelector('.step-num');
    if (num) num.textContent = s.status === 'done' ? '✓' : String(s.n);
    const of = button.querySelector('[data-step-of]');
    if (of) of.textContent = t(lang, 'stepOf', { n: String(s.n), total: String(s.total) });
    $(`step-${s.step}-state`).textContent =
      s.status === 'todo' ? '' : t(lang, s.status === 'done' ? 'stepDone' : 'stepNow');
    $(`step-${s.step}-body`).hidden = !s.open;
    const summary = $(`step-${s.step}-summary`);
    summary.textContent = s.open ? '' : s.summary;
    summary.hidden = summary.textContent === '';
  }
  $('test-run').hidden = !next.test;
  $('snippet-copy-all').hidden = !next.copyAll;
  $('step-next-test').hidden = !next.nextTest;
  $('next-bar').hidden = !(next.test || next.copyAll || next.nextTest);
  $('more').hidden = !more;
}
