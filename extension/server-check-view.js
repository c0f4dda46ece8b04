// The popup's "Test from the integration's server" box (issue 13, item 9): a browser cannot see
// the integration server's network (allowlist, proxy, corporate CA), so the core's
// `CheckResult.serverCheck` hands over the same test as two shell lines — the CLI's `check` and a
// `curl` — to run there. The secret is in neither: both read `$JIRA_TOKEN`. View only; the copy
// buttons write a line to the clipboard straight from the click.

import { $, el } from './dom.js';
import { t } from './ui-strings.js';

/** One line with its copy button; `kind`: `cli` or `curl`. */
function line(lang, kind, text) {
  const status = el('span', { className: 'muted small', dataset: { testid: `server-check-${kind}-status` } });
  const copy = el('button', { type: 'button', dataset: { testid: `server-check-copy-${kind}` } }, t(lang, 'copy'));
  copy.addEventListener('click', () => {
    navigator.clipboard.writeText(text).then(
      () => { status.textContent = t(lang, 'copied'); },
      (e) => { status.textContent = t(lang, 'copyFailed', { message: String(e?.message ?? e) }); },
    );
  });
  return el('div', { className: 'server-check-line' },
    el('p', { className: 'muted small' }, t(lang, kind === 'cli' ? 'serverCheckCli' : 'serverCheckCurl')),
    el('pre', { dataset: { testid: `server-check-${kind}` } }, text),
    copy, ' ', status);
}

/** Shows `result.serverCheck` (null: the box hides). */
export function renderServerCheck(lang, result) {
  const box = $('server-check');
  const lines = result?.serverCheck;
  box.hidden = !lines;
  if (!lines) {
    box.replaceChildren();
    return;
  }
  box.replaceChildren(
    el('h4', {}, t(lang, 'serverCheckTitle')),
    el('p', { className: 'muted small' }, t(lang, 'serverCheckIntro')),
    line(lang, 'cli', lines.cli),
    line(lang, 'curl', lines.curl),
  );
}
