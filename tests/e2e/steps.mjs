// The `jtw-step:*` User Timing measures (extension/timing.js) of the wizard page and of the
// background (Chromium's service worker, Firefox's background page), with the background's
// fetches (Resource Timing), on the wall clock: read by the browser benchmark (bench/popup.mjs,
// where a run's time goes), by tests/e2e/flows/timing.mjs (the steps exist, in order) and by
// tests/e2e/flows/once.mjs (what the worker did for one tab open). Names only: no duration is
// asserted by a test.

/**
 * The step measures and the fetches of the page or worker it runs in, as
 * `{name, at, duration}` (`at`: ms since the epoch). Self-contained: its source is sent there.
 */
export function readSteps() {
  return [...performance.getEntriesByType('measure'), ...performance.getEntriesByType('resource')]
    .filter((e) => e.name.startsWith('jtw-step:') || (e.entryType === 'resource' && e.name.startsWith('http')))
    .map((e) => ({
      name: e.entryType === 'resource' ? 'fetch' : e.name.slice(9),
      at: performance.timeOrigin + e.startTime,
      duration: e.duration,
    }));
}

/**
 * The wizard page's steps.
 * @param {import('./browsers/index.mjs').Wizard} wizard
 */
export const pageSteps = (wizard) => wizard.eval(readSteps);

/**
 * The background's steps: Chromium's service worker (through the driver's handle on it),
 * Firefox's background page (reached from an extension page: `runtime.getBackgroundPage`).
 * @param {import('./browsers/index.mjs').Driver & {ext?: any}} driver
 * @param {import('./browsers/index.mjs').Wizard} wizard
 */
export function workerSteps(driver, wizard) {
  if (driver.name === 'chromium') return driver.ext.worker.evaluate(`(${readSteps})()`);
  return wizard.eval(async () => {
    const { performance: p } = await browser.runtime.getBackgroundPage();
    return [...p.getEntriesByType('measure'), ...p.getEntriesByType('resource')]
      .filter((e) => e.name.startsWith('jtw-step:') || (e.entryType === 'resource' && e.name.startsWith('http')))
      .map((e) => ({ name: e.entryType === 'resource' ? 'fetch' : e.name.slice(9), at: p.timeOrigin + e.startTime, duration: e.duration }));
  });
}
