// The page around the steps: the static texts in the language chosen, the EN/RU switch, the
// status line (looking, confirming, failed), the typed-address form and the context line — the
// Jira kept while the user is on another tab ("Working on … — this tab is …"). A view: it lays
// out its slice, keeps nothing, sends nothing.

import { $ } from '../../dom.js';
import { t } from '../../ui-strings.js';
/** @import { ErrorInfo } from '../../protocol.js' */
/** @import { UiMessage } from '../../ui-strings.js' */

/**
 * @typedef {object} FrameSlice
 * @property {'loading' | 'provisional' | 'ready' | 'error'} phase
 * @property {ErrorInfo | null} error  why detection failed (phase 'error')
 * @property {boolean} urlForm  the typed-address form is offered
 * @property {UiMessage | null} urlError
 * @property {{jira: string, away: {tabId: number, host: string | null}, hint: boolean, tokenPage: boolean} | null} context
 */

/** @param {string} lang */
function renderStatic(lang) {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    if (node instanceof HTMLElement) node.textContent = t(lang, node.dataset.i18n ?? '');
  }
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
    if (node instanceof HTMLInputElement) node.placeholder = t(lang, node.dataset.i18nPlaceholder ?? '');
  }
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) {
    if (node instanceof HTMLElement) node.setAttribute('aria-label', t(lang, node.dataset.i18nAriaLabel ?? ''));
  }
  for (const btn of document.querySelectorAll('[data-lang]')) {
    if (btn instanceof HTMLElement) btn.setAttribute('aria-pressed', String(btn.dataset.lang === lang));
  }
}

/**
 * @param {string} lang
 * @param {ErrorInfo | null} error
 */
function errorText(lang, error) {
  if (error?.code === 'tab_unreadable') return t(lang, 'tabUnreadable');
  return t(lang, 'failed', { message: error?.message ?? '?' });
}

/**
 * @param {string} lang
 * @param {FrameSlice} slice
 */
export function renderFrame(lang, { phase, error, urlForm, urlError, context }) {
  renderStatic(lang);
  const app = $('app');
  app.dataset.state = phase;
  app.setAttribute('aria-busy', String(phase === 'loading' || phase === 'provisional'));

  const status = $('status');
  status.hidden = phase === 'ready';
  status.classList.toggle('error', phase === 'error');
  if (phase === 'loading') status.textContent = t(lang, 'detecting');
  else if (phase === 'provisional') status.textContent = t(lang, 'confirming');
  else if (phase === 'error') status.textContent = errorText(lang, error);

  $('result').hidden = phase !== 'ready' && phase !== 'provisional';
  $('url-form').hidden = !urlForm;
  $('url-error').hidden = !urlError;
  $('url-error').textContent = urlError ? t(lang, urlError.key, urlError.vars) : '';

  const box = $('context');
  box.hidden = !context;
  if (!context) return;
  // On the token page the wizard opened (id.atlassian.com: not a Jira), nothing to detect there.
  $('detect-here').hidden = context.tokenPage;
  $('context-text').textContent = context.away.host
    ? t(lang, 'workingOn', { jira: context.jira, host: context.away.host })
    : t(lang, 'workingOnHidden', { jira: context.jira });
  $('context-hint').hidden = !context.hint;
}
