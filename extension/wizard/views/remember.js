// Remembered connections (issue 19), three views: step 2's question (which expiry the user
// will pick, optional), step 4's opt-in (remember the expiry — no secret is kept), and the list
// of remembered connections, each with its days left as the core says them, *Test again* and
// *Forget*, under the reminders' switch and days. Views: they lay out their slice, keep
// nothing, send nothing (actions/remember.js does).

import { $, el } from '../../dom.js';
import { targetName } from '../../facts.js';
import { pick, t } from '../../ui-strings.js';
/** @import { ConnectionView } from '../../pkg/jira_token_wizard.js' */
/** @import { ErrorInfo } from '../../protocol.js' */
/** @import { UiMessage } from '../../ui-strings.js' */

/**
 * A field's value set from the state, unless it already holds it (the caret stays put).
 * @param {string} id
 * @param {string} value
 */
function setValue(id, value) {
  const field = $(id, HTMLInputElement);
  if (field.value !== value) field.value = value;
}

/**
 * A message line: a UI key, an ErrorInfo (its message), or nothing.
 * @param {string} lang
 * @param {string} id
 * @param {UiMessage | ErrorInfo | null} message
 */
function line(lang, id, message) {
  const node = $(id);
  node.hidden = !message;
  node.textContent = !message ? '' : 'key' in message ? t(lang, message.key, message.vars) : message.message;
}

/**
 * Step 2: "Which expiry will you pick?" beside the token page.
 * @param {string} lang
 * @param {{date: string} | null} slice  null: not asked (no token to create)
 */
export function renderExpiryAsk(lang, slice) {
  const box = $('expiry-ask');
  box.hidden = !slice;
  if (!slice) return;
  $('expiry-date-label').textContent = t(lang, 'expiryAsk');
  $('expiry-hint').textContent = t(lang, 'expiryAskHint');
  setValue('expiry-date', slice.date);
}

/**
 * Step 4: the opt-in after a test that worked.
 * @param {string} lang
 * @param {{date: string, read: boolean, label: string, placeholder: string,
 *   saved: UiMessage | null, error: UiMessage | ErrorInfo | null} | null} slice
 *   `read`: the date is the PAT's `expiringAt` as Jira listed it (not editable)
 */
export function renderRememberOffer(lang, slice) {
  const box = $('remember-offer');
  box.hidden = !slice;
  if (!slice) return;
  $('remember-h').textContent = t(lang, 'rememberTitle');
  $('remember-date-label').textContent = t(lang, slice.read ? 'rememberDateRead' : 'rememberDate');
  setValue('remember-date', slice.date);
  $('remember-date', HTMLInputElement).readOnly = slice.read;
  $('remember-label-label').textContent = t(lang, 'rememberLabel');
  setValue('remember-label', slice.label);
  $('remember-label', HTMLInputElement).placeholder = slice.placeholder;
  $('remember-save').textContent = t(lang, 'rememberSave');
  line(lang, 'remember-status', slice.saved);
  line(lang, 'remember-error', slice.error);
}

/**
 * One remembered connection: its name, integration, login, expiry (the core's text with the
 * days left) and its two buttons.
 * @param {string} lang
 * @param {ConnectionView} view
 */
function item(lang, view) {
  const c = view.connection;
  const name = c.label || c.origin;
  const days = view.daysLeft;
  return el(
    'li',
    {
      className: `remembered-item${days !== null && days <= 14 ? ' soon' : ''}`,
      dataset: { testid: 'remembered-item', key: view.key, daysLeft: days === null ? '' : String(days) },
    },
    el('strong', { dataset: { testid: 'remembered-name' } }, name),
    el(
      'span',
      { className: 'muted small' },
      [targetName(lang, c.target), c.login, c.label ? c.origin : ''].filter(Boolean).join(' · '),
    ),
    el(
      'span',
      { dataset: { testid: 'remembered-expiry' } },
      view.expiry ? pick(lang, view.expiry) : t(lang, 'rememberedNoDate'),
    ),
    el(
      'span',
      { className: 'row' },
      el(
        'button',
        { type: 'button', dataset: { action: 'test-again', key: view.key, testid: 'remembered-test' } },
        t(lang, 'rememberedTest'),
      ),
      el(
        'button',
        { type: 'button', dataset: { action: 'forget', key: view.key, testid: 'remembered-forget' } },
        t(lang, 'rememberedForget'),
      ),
    ),
  );
}

/**
 * The list of remembered connections and the reminders' settings.
 * @param {string} lang
 * @param {{list: ConnectionView[], on: boolean, notifications: boolean, days: string,
 *   error: UiMessage | ErrorInfo | null} | null} slice  null: nothing remembered
 */
export function renderRemembered(lang, slice) {
  const box = $('remembered');
  box.hidden = !slice;
  if (!slice) return;
  $('remembered-h').textContent = t(lang, 'rememberedTitle');
  $('remembered-list').replaceChildren(...slice.list.map((v) => item(lang, v)));
  $('reminders-on', HTMLInputElement).checked = slice.on;
  $('reminders-on-label').textContent = t(lang, 'remindersOn');
  $('reminders-days-label').textContent = t(lang, 'remindersDays');
  setValue('reminders-days', slice.days);
  $('reminders-days', HTMLInputElement).disabled = !slice.on;
  const note = $('reminders-note');
  note.hidden = slice.notifications;
  note.textContent = slice.notifications ? '' : t(lang, 'remindersOff');
  line(lang, 'remembered-error', slice.error);
}
