// Remembered connections, the wizard's side (issue 19): the expiry the user says in step 2 they
// will pick (it goes with the token test: the verdict, the block and the report say "expires on
// … (in N days)", and a Cloud refusal after it is `token_expired`), the opt-in after a test that
// worked (only origin, login, target, label and expiry date are sent to the worker, which keeps
// what the core validated), the list with each one's days left (the core's), "test again",
// "forget", and turning reminders on — the optional `notifications` (and, in Chrome, `alarms`)
// permission asked straight from that click — or off, and their days. Part of the actions (../actions.js).

import { requestOrigin, requestReminderAccess } from '../../browser.js';
import { $ } from '../../dom.js';
import { facts } from '../../facts.js';
import { forgetRequest, rememberedRequest, rememberRequest, reminderSettingsRequest } from '../../protocol.js';
import { offeredDate } from '../expiry.js';
import { state, update } from '../state.js';
import { detectOrigin } from './detect.js';
import { openTest } from './test.js';
import { ask, current } from './worker.js';
/** @import { ConnectionView, RememberedConnection, ReminderSettings } from '../../pkg/jira_token_wizard.js' */
/** @import { ErrorInfo, Reply } from '../../protocol.js' */
/** @import { UiMessage } from '../../ui-strings.js' */

/**
 * @typedef {object} RememberState
 * @property {ConnectionView[]} list  the remembered connections as the worker last listed them
 * @property {ReminderSettings | null} settings  null: the core's default
 * @property {boolean} notifications  what reminders need is held: `notifications`, `alarms`
 * @property {string} date  the expiry the user will pick (step 2), `YYYY-MM-DD`, or ''
 * @property {string | null} dateOrigin  the Jira that date was given for
 * @property {string} label  the label typed in the offer
 * @property {UiMessage | null} saved  what the offer says after Remember
 * @property {UiMessage | ErrorInfo | null} error  the last failure of these actions
 * @property {string | null} days  the reminder days as typed (null: the settings')
 */

/**
 * The worker's answer applied: the list, the settings, the permission — or the error.
 * @param {Reply} reply
 * @param {UiMessage | null} [saved]
 */
function apply(reply, saved = null) {
  update((s) => {
    if (reply.ok && 'remembered' in reply) {
      Object.assign(s.remember, {
        list: reply.remembered,
        settings: reply.settings,
        notifications: reply.notifications,
        error: null,
        days: null,
      });
      if (saved) s.remember.saved = saved;
    } else {
      s.remember.error = reply.ok ? { code: 'internal', message: 'no list' } : reply.error;
    }
  });
}

/**
 * A failure of these actions shown under the list and the offer.
 * @param {UiMessage} message
 */
const fail = (message) =>
  update((s) => {
    s.remember.error = message;
  });

/** The list, asked of the worker when the page opens. */
export async function loadRemembered() {
  apply(await ask(rememberedRequest()));
}

/** The settings in effect: the stored ones, else the core's default (on, its days). */
export function reminderSettings() {
  return state.remember.settings ?? { enabled: true, daysBefore: [...facts().remember.defaultDaysBefore] };
}

/**
 * The expiry date typed (step 2, or the offer): kept for the Jira shown.
 * @param {string} date
 */
export function setExpiry(date) {
  update((s) => {
    s.remember.date = date;
    s.remember.dateOrigin = current().reply?.origin ?? null;
    s.remember.saved = null;
  });
}

/** @param {string} label */
export function setLabel(label) {
  update((s) => {
    s.remember.label = label;
  });
}

/** *Remember this connection's expiry*: the five fields, nothing else, to the worker. */
export async function rememberThis() {
  const m = current();
  if (!m.works || !m.reply) return;
  /** @type {RememberedConnection} */
  const connection = {
    origin: m.reply.origin,
    login: state.form.login.trim(),
    target: /** @type {RememberedConnection['target']} */ (m.target),
    label: state.remember.label.trim(),
    expiresOn: offeredDate(state.remember, m.result, m.reply.origin, state.form.login, m.target) || null,
  };
  apply(await ask(rememberRequest(connection)), { key: 'rememberSaved' });
}

/**
 * *Forget*: the connection and its reminders.
 * @param {string} key  `ConnectionView.key`
 */
export async function forgetConnection(key) {
  apply(await ask(forgetRequest(key)));
}

/**
 * The Jira of a remembered connection detected, the target and login chosen, its expiry given,
 * and step 3 opened with the secret's field focused.
 * @param {RememberedConnection} c
 */
async function onConnection(c) {
  await detectOrigin(c.origin);
  if (!current().canTest) return;
  update((s) => {
    s.form.target = c.target;
    s.form.login = c.login;
    s.remember.date = c.expiresOn ?? '';
    s.remember.dateOrigin = c.origin;
    openTest(s);
  });
  $('test-secret').focus();
}

/**
 * *Test again*: access to its Jira asked straight from the click (answered at once when held),
 * then that Jira, its target and the test step.
 * @param {string} key
 */
export function testAgain(key) {
  const c = state.remember.list.find((v) => v.key === key)?.connection;
  if (!c) return;
  requestOrigin(c.origin).then(
    (granted) => (granted ? onConnection(c) : fail({ key: 'accessDenied' })),
    () => fail({ key: 'accessDenied' }),
  );
}

/**
 * The wizard opened from a reminder (`wizard.html?jira=<origin>&target=<target>`,
 * reminders.js): that Jira with the target chosen (and the login remembered for it). No
 * permission is asked here (no click): without access, detection says so and offers it.
 * @param {string} origin
 * @param {string} target
 */
export async function openFromReminder(origin, target) {
  await loadRemembered();
  const known = state.remember.list.find((v) => v.connection.origin === origin && v.connection.target === target);
  const chosen = facts().targets.find((x) => x.id === target)?.id ?? 'generic';
  await onConnection(known?.connection ?? { origin, login: '', target: chosen, label: '', expiresOn: null });
}

/**
 * New settings sent to the worker (the core validates them).
 * @param {ReminderSettings} settings
 */
async function sendSettings(settings) {
  apply(await ask(reminderSettingsRequest(settings)));
}

/**
 * The reminders' switch. On: what reminders need — `notifications`, and `alarms` where it is
 * optional (Chrome) — asked in one prompt straight from the click (answered at once when
 * held); refused, reminders stay off and the list still shows the days.
 * @param {boolean} on
 */
export function setReminders(on) {
  const settings = reminderSettings();
  if (!on) {
    sendSettings({ ...settings, enabled: false });
    return;
  }
  requestReminderAccess().then(
    (granted) => (granted ? sendSettings({ ...settings, enabled: true }) : fail({ key: 'notificationsDenied' })),
    () => fail({ key: 'notificationsDenied' }),
  );
}

/**
 * The reminder days as typed ("14, 3"): sent when each is a whole number (the core checks
 * their range and count).
 * @param {string} text
 */
export function setReminderDays(text) {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const days = parts.map(Number);
  if (days.some((d) => !Number.isInteger(d))) {
    update((s) => {
      s.remember.days = text;
      s.remember.error = { key: 'reminderDaysInvalid' };
    });
    return;
  }
  sendSettings({ ...reminderSettings(), daysBefore: days });
}
