// The popup's User Timing entries (extension/wizard/timing.js), shared by timing.test.mjs and the
// browser benchmark (bench/popup.mjs): run a token test in an open popup, read the jtw:* marks
// and measures. Nothing here asserts a duration (performance figures come from the benchmark).
import { openTestStep } from './harness.mjs';

/** The wizard's marks, in the order a detect → token test sets them. */
export const MARKS = ['jtw:wizard-open', 'jtw:first-detection', 'jtw:confirmed-detection', 'jtw:check-start', 'jtw:verdict'];
/** The wizard's measures: [name, start mark, end mark]. */
export const MEASURES = [
  ['jtw:time-to-first-detection', 'jtw:wizard-open', 'jtw:first-detection'],
  ['jtw:time-to-confirmed-detection', 'jtw:wizard-open', 'jtw:confirmed-detection'],
  ['jtw:time-to-verdict', 'jtw:check-start', 'jtw:verdict'],
];

/**
 * Fills the token-test form of a settled popup, clicks Test, waits until the test is done
 * (the Test button no longer busy) and returns the verdict code shown, or null.
 */
export async function runTokenTest(popup, { login, secret, auth = 'auto' }, ms = 15_000) {
  await popup.waitFor(() => !document.querySelector('[data-testid=token-test]').hidden);
  const busy = await popup.eval(([l, s, a]) => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    q('test-login').value = l;
    q('test-secret').value = s;
    q('test-auth').value = a;
    q('test-auth').dispatchEvent(new Event('change'));
    q('test-run').click();
    return q('test-run').getAttribute('aria-busy');
  }, [login, secret, auth]);
  if (busy !== 'true') throw new Error('the token test did not start');
  await popup.waitFor(() => document.querySelector('[data-testid=test-run]').getAttribute('aria-busy') === 'false', null, ms);
  // A test that works folds step 3 to its line: opened again from its heading to read the code.
  await openTestStep(popup);
  return popup.text('verdict-code');
}

/**
 * The popup's jtw:* marks and measures as plain objects ({name, entryType, startTime,
 * duration, detail}): the marks, then the measures, each by start time; plus the popup's
 * `performance.timeOrigin` (ms since the epoch) to place them on the wall clock.
 */
export function timings(popup) {
  return popup.eval(() => ({
    timeOrigin: performance.timeOrigin,
    entries: [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')]
      .filter((e) => e.name.startsWith('jtw:'))
      .map((e) => ({ name: e.name, entryType: e.entryType, startTime: e.startTime, duration: e.duration, detail: e.detail })),
  }));
}
