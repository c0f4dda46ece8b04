// Remembered connections and their reminders, the service worker's side (issue 19). The core
// decides everything — what is kept (`remember_connection`: origin, login, target, label and
// expiry date; a field more is refused), each one's days left and texts (`remembered_list`),
// which reminders are due and when the next alarm is (`reminders`) — and this file keeps the
// list in storage.local, sets the one alarm and shows the notifications the core names:
//
// - after a change (remember, forget, settings) the schedule is asked with `since` = now: only
//   the next alarm is set, nothing is shown at once (the wizard shows the days left already);
// - when the alarm fires, and when the browser starts (Firefox forgets its alarms on quitting),
//   it is asked with `since` = the previous run: each reminder is shown once, at most one per
//   connection, and only with the optional `notifications` permission (asked from the click
//   that turns reminders on, with `alarms` where that is optional: Chrome); without them the
//   wizard's list still shows the days left and no alarm is set;
// - a notification's click opens the wizard in a tab, on that Jira with the target chosen.
//
// `now` comes from clock.js (the tests move it forward). No `chrome.*` here (browser.js).

import {
  clearAlarm,
  hasAlarms,
  hasPermission,
  hasReminderAccess,
  localGet,
  localSet,
  notify,
  onAlarm,
  onNotificationClick,
  onStartup,
  openTab,
  savedLanguage,
  setAlarm,
  uiLanguage,
} from './browser.js';
import { alarmTime, now } from './clock.js';
import { run } from './core.js';
import { errorReply, httpOrigin } from './protocol.js';
import { LANGS, langFromTag, pick } from './ui-strings.js';
/** @import { ConnectionView, RememberedConnection, ReminderSettings } from './pkg/jira_token_wizard.js' */
/** @import { Reply } from './protocol.js' */

/** storage.local keys: the connections (the core's `RememberedConnection`s), the reminder
 *  settings (absent: the core's default), the previous run of the schedule (RFC 3339). */
const CONNECTIONS = 'rememberedConnections';
const SETTINGS = 'reminderSettings';
const SINCE = 'reminderSince';
/** The one alarm: the next reminder of any connection. */
const ALARM = 'expiry-reminder';
/** A reminder's notification id: this prefix, then `[origin, target]` as JSON. */
const NOTE = 'jtw-reminder ';

/** What storage.local holds (unchecked: the core validates it on every command). */
async function stored() {
  const [list, settings, since] = await Promise.all([localGet(CONNECTIONS), localGet(SETTINGS), localGet(SINCE)]);
  return {
    connections: /** @type {RememberedConnection[]} */ (Array.isArray(list) ? list : []),
    settings: settings && typeof settings === 'object' ? /** @type {ReminderSettings} */ (settings) : null,
    since: typeof since === 'string' ? since : null,
  };
}

/** The language of the notifications: the wizard's (EN/RU switch), else the browser's. */
async function language() {
  const saved = await savedLanguage().catch(() => undefined);
  return LANGS.includes(saved) ? saved : langFromTag(uiLanguage());
}

/**
 * Asks the core for the schedule, shows what is due (`show`: the alarm or the browser's start)
 * when notifications are allowed, keeps this run's time and sets (or clears) the next alarm.
 * @param {boolean} show
 */
async function reschedule(show) {
  const { connections, settings, since } = await stored();
  const at = (await now()).toISOString();
  const schedule = await run({
    type: 'reminders',
    connections,
    now: at,
    since: show ? since : at,
    ...(settings ? { settings } : {}),
  });
  if (show && schedule.due.length && (await hasPermission('notifications').catch(() => false))) {
    const lang = await language();
    for (const due of schedule.due) {
      await notify(
        NOTE + JSON.stringify([due.origin, due.target]),
        pick(lang, due.title),
        pick(lang, due.message),
      ).catch(() => {});
    }
  }
  await localSet(SINCE, at);
  // The alarm needs the `alarms` permission (optional in Chrome, asked with `notifications`
  // when reminders are turned on): without it nothing could be shown anyway.
  if (!(await hasAlarms().catch(() => false))) return;
  if (schedule.nextAlarm) await setAlarm(ALARM, await alarmTime(schedule.nextAlarm));
  else await clearAlarm(ALARM);
}

/**
 * The wizard's list: each connection with its days left (the core's), the settings and
 * whether reminders may run (`notifications`: their alarm and notifications are allowed).
 * @returns {Promise<Reply>}
 */
export async function rememberedReply() {
  try {
    const { connections, settings } = await stored();
    const remembered = await run({ type: 'remembered_list', connections, now: (await now()).toISOString() });
    const notifications = await hasReminderAccess().catch(() => false);
    return { ok: true, remembered, settings, notifications };
  } catch (err) {
    return errorReply('core', err?.message ?? err);
  }
}

/**
 * Keeps the list `connections` (the core's validated ones) and sets the next alarm.
 * @param {ConnectionView[]} views
 */
async function keep(views) {
  await localSet(
    CONNECTIONS,
    views.map((v) => v.connection),
  );
  await reschedule(false);
  return rememberedReply();
}

/**
 * Remembers `connection` after a test that worked, with the user's consent: the core keeps only
 * its five fields (and refuses any other), and a newer one with the same key replaces the older.
 * @param {RememberedConnection} connection
 * @returns {Promise<Reply>}
 */
export async function remember(connection) {
  try {
    const kept = await run({ type: 'remember_connection', connection });
    const { connections } = await stored();
    const at = (await now()).toISOString();
    const views = await run({ type: 'remembered_list', connections: [...connections, kept], now: at });
    const added = views[views.length - 1];
    return await keep(views.filter((v) => v === added || v.key !== added.key));
  } catch (err) {
    return errorReply('core', err?.message ?? err);
  }
}

/**
 * Forgets the connection `key` (the core's `ConnectionView.key`) and its reminders.
 * @param {string} key
 * @returns {Promise<Reply>}
 */
export async function forget(key) {
  try {
    const { connections } = await stored();
    const views = await run({ type: 'remembered_list', connections, now: (await now()).toISOString() });
    return await keep(views.filter((v) => v.key !== key));
  } catch (err) {
    return errorReply('core', err?.message ?? err);
  }
}

/**
 * New reminder settings (on or off, the days before): the core validates them first.
 * @param {ReminderSettings} settings
 * @returns {Promise<Reply>}
 */
export async function setReminderSettings(settings) {
  try {
    const at = (await now()).toISOString();
    await run({ type: 'reminders', connections: [], now: at, since: at, settings });
    await localSet(SETTINGS, { enabled: settings.enabled, daysBefore: settings.daysBefore });
    await reschedule(false);
    return rememberedReply();
  } catch (err) {
    return errorReply('core', err?.message ?? err);
  }
}

/**
 * The wizard's address for a reminder's notification: on that Jira, with the target chosen
 * (`wizard.html?jira=<origin>&target=<target>`, wizard/actions/remember.js), or null for an
 * id that is not a reminder's.
 * @param {string} id
 */
export function reminderPage(id) {
  if (!id.startsWith(NOTE)) return null;
  try {
    const [origin, target] = JSON.parse(id.slice(NOTE.length));
    const jira = httpOrigin(String(origin));
    return jira ? `wizard.html?${new URLSearchParams({ jira, target: String(target) })}` : null;
  } catch {
    return null;
  }
}

/**
 * Registers, at the worker's top level, the alarm (at once when `alarms` is held, else when it
 * is granted: browser.js `onAlarm`), the browser's start and the notifications' clicks.
 */
export function onReminders() {
  onAlarm(ALARM, () => {
    reschedule(true).catch(() => {});
  });
  onStartup(() => {
    reschedule(true).catch(() => {});
  });
  onNotificationClick((id) => {
    const page = reminderPage(id);
    if (page) openTab(page).catch(() => {});
  });
}
