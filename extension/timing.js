// Where the time of a wizard run goes, step by step: User Timing measures named `jtw-step:*`,
// taken by the service worker (the wasm core's fetch and compile, its instantiation, a tab's
// snapshot, each core command) and by the wizard page (the facts, each reply, each render).
// bench/popup.mjs reads them from both sides and reports the breakdown (BENCHMARKS.md "Where a
// wizard run's time goes"). Names only: a measure never carries data (no token, login or URL).
// The wizard's own marks (first detection, verdict) are wizard/timing.js's.

/** Most step measures kept: past it (a long-lived worker), they are dropped and counted anew. */
const KEPT = 400;

/**
 * Measures `jtw-step:<name>` from `start` (a `performance.now()` value) to now.
 * @param {string} name
 * @param {number} start
 */
export function step(name, start) {
  const steps = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('jtw-step:'));
  if (steps.length >= KEPT) for (const name of new Set(steps.map((e) => e.name))) performance.clearMeasures(name);
  performance.measure(`jtw-step:${name}`, { start, end: performance.now() });
}

/**
 * Runs `work` and measures it as `jtw-step:<name>`, whether it resolves or rejects.
 * @template T
 * @param {string} name
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function timed(name, work) {
  const start = performance.now();
  try {
    return await work();
  } finally {
    step(name, start);
  }
}
