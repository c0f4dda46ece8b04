// "Create a token for me" in the popup (Jira Server/Data Center ≥ 8.14, when the core's auth
// plan says `oneClickPat`): name + expiry, an explicit confirmation, then `create_pat` (one POST
// with the user's Jira session, planned by the core, src/pat/, and sent from the Jira tab the
// wizard is for: background.js `createPat`). The new token is shown once with a copy
// button and handed straight to the token test; it lives only in this page's memory and DOM —
// never stored, never logged, gone when the popup closes. View only: the outcome's texts come
// from the core's catalogue.

import { activeTab, sendMessage } from './browser.js';
import { $ } from './dom.js';
import { facts } from './facts.js';
import { clearLater } from './clipboard.js';
import { createPatRequest, errorReply } from './protocol.js';
import { pick, t } from './ui-strings.js';
/** @import { CoreData, ErrorInfo } from './protocol.js' */
/** @import { UiMessage } from './ui-strings.js' */


/**
 * @typedef {{detection: CoreData | null, phase: 'form' | 'confirm' | 'creating' | 'done',
 *   name: string, days: number, created: CoreData | null, error: ErrorInfo | null,
 *   invalid: string | null, copied: UiMessage | null}} PatState
 *   `created`: the core's `pat::CreateResult` (protocol.js `CreatePatReply`).
 */

/**
 * Not `fresh(null)`: that reads the core's facts, which are not loaded when this module is
 * evaluated (it threw, and the popup never started). `renderPatCreate` sets a fresh state
 * before anything shows it.
 * @type {PatState}
 */
let pat = {
  detection: null, phase: 'form', name: '', days: 0, created: null, error: null, invalid: null, copied: null,
};
let lang = 'en';
/**
 * Called with the new token to test it (set by wizard.js).
 * @type {(rawToken: string) => void}
 */
let testToken = () => {};
/** @type {() => number | null} */
let jiraTabOf = () => null;

/**
 * The form for `detection` (null before any: then the core's facts may not be loaded yet).
 * @returns {PatState}
 */
function fresh(detection) {
  const date = new Date().toISOString().slice(0, 10);
  return {
    detection, phase: 'form', name: `integration-${date}`, days: detection ? facts().pat.defaultExpiryDays : 0,
    created: null, error: null, invalid: null, copied: null,
  };
}

/**
 * Wires the section; `onToken(rawToken)` runs the token test with the new token, `jiraTab()`
 * names the tab of the Jira the wizard works on (null: the active tab).
 * @param {{onToken: (token: string) => void, jiraTab: () => number | null}} hooks
 */
export function initPatCreate({ onToken, jiraTab }) {
  testToken = onToken;
  jiraTabOf = jiraTab;
  $('pat-form').addEventListener('submit', ask);
  $('pat-yes').addEventListener('click', create);
  $('pat-no').addEventListener('click', cancel);
  $('pat-copy').addEventListener('click', copy);
  $('pat-again').addEventListener('click', () => {
    pat = fresh(pat.detection);
    paint();
    $('pat-name').focus();
  });
}

/**
 * Shows the section when the plan in effect (the chosen integration's: the core's
 * `one_click_pat_offered` for that target) offers a one-click PAT, with host access.
 */
export function renderPatCreate(uiLang, detection, plan, allowFetch) {
  lang = uiLang;
  const show = Boolean(detection && plan?.oneClickPat && allowFetch);
  $('pat-create').hidden = !show;
  if (!show) return;
  if (pat.detection !== detection) {
    pat = fresh(detection);
    $('pat-name').value = pat.name;
    $('pat-days').value = String(pat.days);
  }
  paint();
}

/** Reads and checks the form; shows the confirmation. */
function ask(event) {
  event.preventDefault();
  const name = $('pat-name').value.trim();
  const days = Number($('pat-days').value);
  pat.invalid = null;
  const { maxNameChars, maxExpiryDays } = facts().pat;
  if (name === '' || [...name].length > maxNameChars) pat.invalid = 'patNameInvalid';
  else if (!Number.isInteger(days) || days < 1 || days > maxExpiryDays) pat.invalid = 'patDaysInvalid';
  if (pat.invalid) {
    paint();
    $(pat.invalid === 'patNameInvalid' ? 'pat-name' : 'pat-days').focus();
    return;
  }
  Object.assign(pat, { name, days, phase: 'confirm', error: null });
  paint();
  $('pat-yes').focus();
}

function cancel() {
  pat.phase = 'form';
  paint();
  $('pat-start').focus();
}

async function create() {
  if (pat.phase !== 'confirm') return;
  const mine = pat;
  pat.phase = 'creating';
  paint();
  let reply;
  try {
    // The Jira's tab: the POST goes out from it (it is the Jira page the detection read) —
    // not the active tab, which in the side panel may be the token page the user went to.
    const tabId = jiraTabOf() ?? (await activeTab())?.id;
    if (tabId === undefined || tabId === null) throw new Error('no Jira tab');
    reply = (await sendMessage(createPatRequest(mine.detection, mine.name, mine.days, tabId))) ?? errorReply('internal', 'no reply');
  } catch (err) {
    reply = errorReply('internal', err?.message ?? err);
  }
  if (pat !== mine) return; // a new detection came meanwhile
  pat.phase = 'done';
  if (reply.ok) pat.created = reply.created;
  else pat.error = reply.error;
  paint();
  const token = pat.created?.token?.rawToken;
  if (token) {
    $('pat-token').focus();
    $('pat-token').select();
    testToken(token);
  }
}

function copy() {
  const token = pat.created?.token?.rawToken;
  if (!token) return;
  navigator.clipboard.writeText(token).then(
    async () => {
      const seconds = await clearLater(token);
      pat.copied = seconds === null ? { key: 'patCopied' } : { key: 'patCopiedCleared', vars: { seconds: String(seconds) } };
      paint();
    },
    (err) => {
      pat.copied = { key: 'copyFailed', vars: { message: err?.message ?? String(err) } };
      paint();
    },
  );
}

function paint() {
  const { phase, created, error, invalid, copied } = pat;
  const busy = phase === 'creating';
  $('pat-create').setAttribute('aria-busy', String(busy));
  $('pat-form').hidden = phase !== 'form';
  $('pat-invalid').hidden = !invalid;
  const limits = { max: String(facts().pat.maxNameChars), days: String(facts().pat.maxExpiryDays) };
  $('pat-days-label').textContent = t(lang, 'patDays', limits);
  $('pat-days').setAttribute('max', limits.days);
  $('pat-name').setAttribute('maxlength', limits.max);
  $('pat-invalid').textContent = invalid ? t(lang, invalid, limits) : '';
  $('pat-name').setAttribute('aria-invalid', String(invalid === 'patNameInvalid'));
  $('pat-days').setAttribute('aria-invalid', String(invalid === 'patDaysInvalid'));

  $('pat-confirm').hidden = phase !== 'confirm' && phase !== 'creating';
  const base = pat.detection?.deployment?.baseUrl ?? pat.detection?.deployment?.reachedBaseUrl ?? '';
  const user = pat.detection?.deployment?.user;
  const who = user?.displayName ?? user?.name ?? t(lang, 'patWhoLoggedIn');
  $('pat-confirm-text').textContent = t(lang, 'patConfirm', { name: pat.name, days: String(pat.days), base, who });
  $('pat-yes').disabled = busy;
  $('pat-no').disabled = busy;
  $('pat-yes').textContent = t(lang, busy ? 'patCreating' : 'patYes');
  $('pat-yes').setAttribute('aria-busy', String(busy));

  const outcome = created?.outcome;
  $('pat-outcome').hidden = phase !== 'done';
  $('pat-outcome').dataset.ok = String(Boolean(created?.ok));
  $('pat-outcome-title').textContent = outcome ? pick(lang, outcome.title) : t(lang, 'patFailed');
  $('pat-outcome-code').textContent = outcome?.code ?? error?.code ?? '';
  $('pat-outcome-cause').textContent = outcome ? pick(lang, outcome.cause) : error?.message ?? '';
  $('pat-outcome-fix').textContent = outcome ? pick(lang, outcome.fix) : '';
  const page = created?.tokenPageUrl;
  $('pat-page').hidden = !page || Boolean(created?.ok);
  if (page) $('pat-page').href = page;

  const token = created?.token?.rawToken;
  $('pat-token-box').hidden = !token;
  if ($('pat-token').value !== (token ?? '')) $('pat-token').value = token ?? '';
  $('pat-copied').textContent = copied ? t(lang, copied.key, copied.vars) : '';
  $('pat-again').hidden = phase !== 'done' || Boolean(token);
}
