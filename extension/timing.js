// The popup's User Timing marks, read by the browser benchmark (bench/popup.mjs, BENCHMARKS.md
// "Popup time-to-verdict (browser)") and tests/e2e/timing.test.mjs. Names only: a mark or a
// measure never carries data (no token, login or URL). A mark replaces the earlier one of its
// name, so after a re-run (a new detection, another test) the last one is what is measured.

/** Marks `name`, replacing an earlier mark of that name. */
function mark(name) {
  performance.clearMarks(name);
  performance.mark(name);
}

/** Marks `end` and measures `name` from the last `start` mark to it. */
function markEnd(end, name, start) {
  mark(end);
  performance.clearMeasures(name);
  if (performance.getEntriesByName(start, 'mark').length) performance.measure(name, start, end);
}

/** The popup script runs. */
export const markOpen = () => mark('jtw:popup-open');

/** A detection is rendered: `jtw:time-to-detection` since the popup opened. */
export const markDetected = () => markEnd('jtw:detected', 'jtw:time-to-detection', 'jtw:popup-open');

/** The user starts a token test: the last test's verdict mark and measure no longer apply. */
export function markCheckStart() {
  performance.clearMarks('jtw:verdict');
  performance.clearMeasures('jtw:time-to-verdict');
  mark('jtw:check-start');
}

/** A verdict is rendered: `jtw:time-to-verdict` since the test started. */
export const markVerdict = () => markEnd('jtw:verdict', 'jtw:time-to-verdict', 'jtw:check-start');
