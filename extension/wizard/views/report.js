// The diagnostic report's buttons, under *More*: *Copy report* (Markdown in the page's
// language, ending with the report's JSON) and *Download report* (the JSON). The core renders
// the report with the token test's result (the `check` reply carries it); the report holds no
// secret. A view: it lays out its slice, keeps nothing, sends nothing.

import { $ } from '../../dom.js';
import { t } from '../../ui-strings.js';
/** @import { ReportState } from '../state.js' */

/**
 * @param {string} lang
 * @param {ReportState | null} report  null: no result, the buttons hide
 */
export function renderReport(lang, report) {
  $('report-actions').hidden = !report;
  if (!report) return;
  const { rendered, status } = report;
  for (const id of ['report-copy', 'report-download']) {
    $(id, HTMLButtonElement).disabled = !rendered;
    $(id).setAttribute('aria-disabled', String(!rendered));
  }
  const line = $('report-status');
  if (!rendered) line.textContent = t(lang, 'reportFailed', { message: 'no report' });
  else if (status) line.textContent = t(lang, status.key, status.vars);
  else line.textContent = t(lang, 'reportHint');
  line.classList.toggle('error', !rendered || status?.key === 'reportCopyFailed');
}
