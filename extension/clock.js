// The shell's one clock for remembered connections and their reminders: the time the service
// worker hands the core as `now` (the core has no clock), and the alarm's time for an instant
// the core names. Nothing else: the E2E tests replace this file in their copy of dist/ with one
// that moves time forward (tests/e2e/test-clock.js), so the real reminder rule runs at a
// reminder's day without waiting for it.

/** Now. */
export async function now() {
  return new Date();
}

/**
 * The alarm time (ms since the epoch, the browser's clock) of `instant` (RFC 3339, the core's).
 * @param {string} instant
 */
export async function alarmTime(instant) {
  return Date.parse(instant);
}
