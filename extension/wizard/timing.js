// The wizard's User Timing marks, read by the browser benchmark (bench/popup.mjs, BENCHMARKS.md
// "Popup time-to-verdict (browser)") and tests/e2e/timing.test.mjs. Names only: a mark or a
// measure never carries data (no token, login or URL). A mark replaces the earlier one of its
// name, so after a re-run (a new detection, another test) the last one is what is measured.

/**
 * Marks `name`, replacing an earlier mark of that name.
 * @param {string} name
 */
function mark(name) {
  performance.clearMarks(name);
  performance.mark(name);
}

/**
 * Marks `end` and measures `name` from the last `start` mark to it.
 * @param {string} end
 * @param {string} name
 * @param {string} start
 */
function markEnd(end, name, start) {
  mark(end);
  performance.clearMeasures(name);
  if (performance.getEntriesByName(start, 'mark').length) performance.measure(name, start, end);
}

/** The wizard's script runs. */
export const markOpen = () => mark('jtw:wizard-open');

/**
 * The first detection is rendered — the page's own word, before any round trip (or the full
 * one, when it came first): `jtw:time-to-first-detection` since the page opened.
 */
export const markFirstDetection = () =>
  markEnd('jtw:first-detection', 'jtw:time-to-first-detection', 'jtw:wizard-open');

/** The REST-confirmed detection is rendered: `jtw:time-to-confirmed-detection` since the page opened. */
export const markConfirmedDetection = () =>
  markEnd('jtw:confirmed-detection', 'jtw:time-to-confirmed-detection', 'jtw:wizard-open');

/** The user starts a token test: the last test's verdict mark and measure no longer apply. */
export function markCheckStart() {
  performance.clearMarks('jtw:verdict');
  performance.clearMeasures('jtw:time-to-verdict');
  mark('jtw:check-start');
}

/** A verdict is rendered: `jtw:time-to-verdict` since the test started. */
export const markVerdict = () => markEnd('jtw:verdict', 'jtw:time-to-verdict', 'jtw:check-start');
