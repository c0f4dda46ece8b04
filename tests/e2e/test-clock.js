// The E2E tests' stand-in for extension/clock.js, copied over it in the test's copy of dist/
// (launch option `testClock`): the same two functions, with time moved forward by the
// milliseconds the test keeps in storage.local under `testClockOffsetMs` (0 when none). Only
// the time moves: the reminder rule, the alarm and the notification are the real ones.

const api = globalThis.browser ?? globalThis.chrome;
const KEY = 'testClockOffsetMs';

async function offset() {
  const got = await api.storage.local.get(KEY);
  return Number(got?.[KEY] ?? 0) || 0;
}

/** Now, moved forward. */
export async function now() {
  return new Date(Date.now() + (await offset()));
}

/** The browser's time at which the moved clock reads `instant`. */
export async function alarmTime(instant) {
  return Date.parse(instant) - (await offset());
}
