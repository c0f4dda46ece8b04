// "Test from the integration's server", under *More*: a browser cannot see the integration
// server's network (allowlist, proxy, corporate CA), so the core's `CheckResult.serverCheck`
// hands over the same test as two shell lines — the CLI's `check` and a `curl` — with a copy
// button each. The secret is in neither: both read `$JIRA_TOKEN`. A view: it lays out its
// slice, keeps nothing, sends nothing (its buttons carry `data-action` for main.js).

import { $, el } from '../../dom.js';
import { t } from '../../ui-strings.js';
/** @import { UiMessage } from '../../ui-strings.js' */

/**
 * One line with its copy button and the copy's outcome.
 * @param {string} lang
 * @param {'cli' | 'curl'} kind
 * @param {string} text
 * @param {UiMessage | null} said
 */
function line(lang, kind, text, said) {
  return el(
    'div',
    { className: 'server-check-line' },
    el('p', { className: 'muted small' }, t(lang, kind === 'cli' ? 'serverCheckCli' : 'serverCheckCurl')),
    el('pre', { dataset: { testid: `server-check-${kind}` } }, text),
    el(
      'button',
      { type: 'button', dataset: { testid: `server-check-copy-${kind}`, action: 'copy-server-line', kind } },
      t(lang, 'copy'),
    ),
    ' ',
    el(
      'span',
      { className: 'muted small', dataset: { testid: `server-check-${kind}-status` } },
      said ? t(lang, said.key, said.vars) : '',
    ),
  );
}

/**
 * @param {string} lang
 * @param {{lines: {cli: string, curl: string}, copied: {kind: string, message: UiMessage} | null} | null} slice
 *   the core's `CheckResult.serverCheck` and the last line copied; null: the box hides
 */
export function renderServerCheck(lang, slice) {
  const box = $('server-check');
  box.hidden = !slice;
  if (!slice) {
    box.replaceChildren();
    return;
  }
  const said = (/** @type {string} */ kind) => (slice.copied?.kind === kind ? slice.copied.message : null);
  box.replaceChildren(
    el('h4', {}, t(lang, 'serverCheckTitle')),
    el('p', { className: 'muted small' }, t(lang, 'serverCheckIntro')),
    line(lang, 'cli', slice.lines.cli, said('cli')),
    line(lang, 'curl', slice.lines.curl, said('curl')),
  );
}
