// "Create a token for me": the form checked, the explicit confirmation, `create_pat` for the
// Jira's tab, the new token shown once and tested. Part of the actions (../actions.js).

import { $ } from '../../dom.js';
import { facts } from '../../facts.js';
import { createPatRequest, errorReply } from '../../protocol.js';
import { freshPat, secrets, state, update } from '../state.js';
import { runTest } from './test.js';
import { wizardTab } from './detect.js';
import { ask, detectionIdOf } from './worker.js';

/**
 * The PAT form's fields as typed.
 * @param {string} name
 * @param {string} days
 */
export function patInput(name, days) {
  Object.assign(state.pat, { name, days });
}

/** Reads and checks the form; shows the confirmation. */
export function patAsk() {
  const pat = state.pat;
  const name = String(pat.name).trim();
  const days = Number(pat.days);
  const { maxNameChars, maxExpiryDays } = facts().pat;
  /** @type {string | null} */
  let invalid = null;
  if (name === '' || [...name].length > maxNameChars) invalid = 'patNameInvalid';
  else if (!Number.isInteger(days) || days < 1 || days > maxExpiryDays) invalid = 'patDaysInvalid';
  update(() =>
    Object.assign(
      pat,
      invalid ? { invalid } : { invalid: null, name, days: String(days), phase: 'confirm', error: null },
    ),
  );
  if (invalid) $(invalid === 'patNameInvalid' ? 'pat-name' : 'pat-days').focus();
  else $('pat-yes').focus();
}

export function patCancel() {
  update(() => {
    state.pat.phase = 'form';
  });
  $('pat-start').focus();
}

export function patAgain() {
  update((s) => {
    s.pat = freshPat(s.pat.detection, facts().pat.defaultExpiryDays);
  });
  $('pat-name').focus();
}

/**
 * "Yes, create it": `create_pat` for the Jira's tab (the POST goes out from it — not the active
 * tab, which in the side panel may be the token page the user went to). The new token is shown
 * once and handed straight to the token test.
 */
export async function patCreate() {
  const pat = state.pat;
  if (pat.phase !== 'confirm' || !pat.detection) return;
  update(() => {
    pat.phase = 'creating';
  });
  let reply;
  try {
    const tabId = state.page.tabId ?? (await wizardTab())?.id;
    if (tabId === undefined || tabId === null) throw new Error('no Jira tab');
    const detectionId = detectionIdOf(pat.detection);
    if (!detectionId) throw new Error('no confirmed detection');
    reply = await ask(createPatRequest(detectionId, pat.name, Number(pat.days), tabId));
  } catch (err) {
    reply = errorReply('internal', err?.message ?? err);
  }
  if (state.pat !== pat) return; // a new detection came meanwhile
  const created = reply.ok && 'created' in reply ? reply.created : null;
  secrets.created = created?.token?.rawToken ?? null;
  update(() =>
    Object.assign(pat, {
      phase: 'done',
      created: created ? { ...created, token: null } : null,
      error: reply.ok ? null : reply.error,
    }),
  );
  const token = secrets.created;
  if (!token) return;
  $('pat-token').focus();
  $('pat-token', HTMLInputElement).select();
  // Tested as a personal access token.
  $('test-secret', HTMLInputElement).value = token;
  update((s) => {
    s.form.auth = 'pat';
  });
  runTest();
}
