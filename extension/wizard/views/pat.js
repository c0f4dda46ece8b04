// "Create a token for me" (Jira Server/Data Center ≥ 8.14, where the plan in effect offers
// it): name and expiry, an explicit confirmation, the outcome in the core's words, and the new
// token shown once with a copy button. A view: it lays out its slice, keeps nothing, sends
// nothing; the token is handed in from the page's memory (state.js `secrets.created`).

import { $ } from '../../dom.js';
import { facts } from '../../facts.js';
import { pick, t } from '../../ui-strings.js';
/** @import { PatState } from '../state.js' */

/**
 * @param {string} id
 * @param {string} value
 */
function setValue(id, value) {
  const field = $(id, HTMLInputElement);
  if (field.value !== value) field.value = value;
}

/**
 * @param {string} lang
 * @param {{pat: PatState, token: string | null} | null} slice  null: not offered
 */
export function renderPat(lang, slice) {
  $('pat-create').hidden = !slice;
  if (!slice) return;
  const { pat, token } = slice;
  const { phase, created, error, invalid, copied } = pat;
  const busy = phase === 'creating';
  $('pat-create').setAttribute('aria-busy', String(busy));
  $('pat-form').hidden = phase !== 'form';
  setValue('pat-name', pat.name);
  setValue('pat-days', String(pat.days));
  $('pat-invalid').hidden = !invalid;
  const limits = { max: String(facts().pat.maxNameChars), days: String(facts().pat.maxExpiryDays) };
  $('pat-days-label').textContent = t(lang, 'patDays', limits);
  $('pat-days').setAttribute('max', limits.days);
  $('pat-name').setAttribute('maxlength', limits.max);
  $('pat-invalid').textContent = invalid ? t(lang, invalid, limits) : '';
  $('pat-name').setAttribute('aria-invalid', String(invalid === 'patNameInvalid'));
  $('pat-days').setAttribute('aria-invalid', String(invalid === 'patDaysInvalid'));

  $('pat-confirm').hidden = phase !== 'confirm' && phase !== 'creating';
  const deployment = pat.detection?.deployment;
  // Where the POST goes: the tested origin (the core offers the PAT only where REST answered),
  // never the base URL a page or serverInfo claims.
  const base = deployment?.reachedBaseUrl ?? '';
  const user = deployment?.user;
  const who = user?.displayName ?? user?.name ?? t(lang, 'patWhoLoggedIn');
  $('pat-confirm-text').textContent = t(lang, 'patConfirm', { name: pat.name, days: String(pat.days), base, who });
  $('pat-yes', HTMLButtonElement).disabled = busy;
  $('pat-no', HTMLButtonElement).disabled = busy;
  $('pat-yes').textContent = t(lang, busy ? 'patCreating' : 'patYes');
  $('pat-yes').setAttribute('aria-busy', String(busy));

  const outcome = created?.outcome;
  $('pat-outcome').hidden = phase !== 'done';
  $('pat-outcome').dataset.ok = String(Boolean(created?.ok));
  $('pat-outcome-title').textContent = outcome ? pick(lang, outcome.title) : t(lang, 'patFailed');
  $('pat-outcome-code').textContent = outcome?.code ?? error?.code ?? '';
  $('pat-outcome-cause').textContent = outcome ? pick(lang, outcome.cause) : (error?.message ?? '');
  $('pat-outcome-fix').textContent = outcome ? pick(lang, outcome.fix) : '';
  const page = created?.tokenPageUrl;
  $('pat-page').hidden = !page || Boolean(created?.ok);
  if (page) $('pat-page', HTMLAnchorElement).href = page;

  $('pat-token-box').hidden = !token;
  setValue('pat-token', token ?? '');
  $('pat-copied').textContent = copied ? t(lang, copied.key, copied.vars) : '';
  $('pat-again').hidden = phase !== 'done' || Boolean(token);
}
