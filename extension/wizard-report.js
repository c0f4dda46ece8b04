// The popup's diagnostic report: after a token test, "Copy report" (Markdown in the popup's
// language, ending with the report's JSON) and "Download report" (the JSON). The core builds and
// renders the report (src/report/, through the service worker's `report` message); this module
// only asks for it once per result, and moves the text to the clipboard or a file. The report
// holds no secret; neither does anything here. Also the footer link to the helpdesk page.

import { openTab, sendMessage } from './browser.js';
import { $ } from './dom.js';
import { reportRequest } from './protocol.js';
import { t } from './ui-strings.js';
/** @import { ReportReply } from './protocol.js' */
/** @import { UiMessage } from './ui-strings.js' */

const report = {
  /** The CheckResult the report is about (by identity), or null. */
  result: null,
  /**
   * The core's `report::Rendered`, or null while it is being made.
   * @type {ReportReply['rendered'] | null}
   */
  rendered: null,
  /**
   * Why it could not be made, or null.
   * @type {string | null}
   */
  error: null,
  /**
   * The last copy/download outcome `{key, vars}`, or null.
   * @type {UiMessage | null}
   */
  status: null,
  lang: 'en',
};

/**
 * Shows the report actions for `result` (the core's CheckResult, tried with `login`), or hides
 * them when `result` is null. A new result starts building its report at once, so the buttons
 * act straight from the click (the clipboard wants a fresh user gesture).
 */
export function renderReportActions(lang, result, login) {
  report.lang = lang;
  if (result !== report.result) {
    Object.assign(report, { result, rendered: null, error: null, status: null });
    if (result) build(result, login ?? '');
  }
  paint();
}

async function build(result, login) {
  let reply;
  try {
    reply = await sendMessage(reportRequest({ kind: 'check', result, login }));
  } catch (err) {
    reply = { ok: false, error: { message: err?.message ?? String(err) } };
  }
  if (report.result !== result) return; // a newer result came meanwhile
  if (reply?.ok && reply.rendered) report.rendered = reply.rendered;
  else report.error = reply?.error?.message ?? 'no reply';
  paint();
}

function paint() {
  const { lang, result, rendered, error, status } = report;
  const box = $('report-actions');
  box.hidden = !result;
  if (!result) return;
  for (const id of ['report-copy', 'report-download']) {
    $(id).disabled = !rendered;
    $(id).setAttribute('aria-disabled', String(!rendered));
  }
  const line = $('report-status');
  if (error) line.textContent = t(lang, 'reportFailed', { message: error });
  else if (!rendered) line.textContent = t(lang, 'reportPreparing');
  else if (status) line.textContent = t(lang, status.key, status.vars);
  else line.textContent = t(lang, 'reportHint');
  line.classList.toggle('error', Boolean(error) || status?.key === 'reportCopyFailed');
}

function copy() {
  const r = report.rendered;
  if (!r) return;
  const text = r.markdown[report.lang] ?? r.markdown.en;
  navigator.clipboard.writeText(text).then(
    () => {
      report.status = { key: 'reportCopied' };
      paint();
    },
    (err) => {
      report.status = { key: 'reportCopyFailed', vars: { message: err?.message ?? String(err) } };
      paint();
    },
  );
}

function download() {
  const r = report.rendered;
  if (!r) return;
  const url = URL.createObjectURL(new Blob([r.json], { type: 'application/json' }));
  const link = $('report-file');
  link.href = url;
  link.download = r.fileName;
  link.click();
  // Keep the file's URL a while: the download starts asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  report.status = { key: 'reportDownloaded', vars: { file: r.fileName } };
  paint();
}

$('report-copy').addEventListener('click', copy);
$('report-download').addEventListener('click', download);
// In a tab of its own: the wizard beside the page stays open with its result.
$('open-helpdesk').addEventListener('click', () => {
  openTab('helpdesk.html').catch(() => {});
});
