// The helpdesk page: reads a pasted diagnostic report (helpdesk-report.js) and lays it out the
// way the popup showed it to the customer — summary, facts, verdict with cause and fix,
// checklist, the steps a token test re-made, warnings, the requests with Jira's diagnostic
// headers — in English or Russian.
// View only: every text about the site comes from the report's own `{en, ru}` pairs; this page's
// words come from ui-strings.js. Pasted data is untrusted: it only ever lands in textContent.

import { extensionVersion, saveLanguage, savedLanguage, sendMessage, uiLanguage } from './browser.js';
import { $, el } from './dom.js';
import { detailLabel, facts, loadFacts, methodName, targetName } from './facts.js';
import { parseReports } from './helpdesk-report.js';
import { compareReportsRequest } from './protocol.js';
import { LANGS, langFromTag, pick, t } from './ui-strings.js';
/** @import { ParseError } from './helpdesk-report.js' */

const state = {
  lang: 'en',
  /**
   * The report on show, or null.
   * @type {Record<string, any> | null}
   */
  report: null,
  /**
   * Two reports side by side: `browser` and `server` (the reports, in the order the core's
   * `report::Compared` told), its `comparison` and `notice`; or null.
   * @type {Record<string, any> | null}
   */
  compared: null,
  /**
   * A parse error `{key, vars}`, or null.
   * @type {ParseError | null}
   */
  error: null,
};

const MARKS = { ok: '✓', fail: '✗', info: '·' };

// ---- actions ------------------------------------------------------------------------------

async function show(event) {
  event.preventDefault();
  const parsed = parseReports($('report-input').value);
  state.report = parsed.ok && parsed.reports.length === 1 ? parsed.reports[0] : null;
  state.compared = null;
  state.error = parsed.ok ? null : parsed.error;
  if (parsed.ok && parsed.reports.length === 2) {
    // The core tells which is whose and names the difference (`compare_reports`).
    const reply = await sendMessage(compareReportsRequest(parsed.reports[0], parsed.reports[1]))
      .catch((err) => ({ ok: false, error: { message: err?.message ?? String(err) } }));
    if (reply?.ok) {
      const [a, b] = parsed.reports;
      const first = reply.compared.browser === 'a';
      state.compared = { ...reply.compared, browser: first ? a : b, server: first ? b : a };
    }
    else state.error = { key: 'hdErrCompare', vars: { message: String(reply?.error?.message ?? '?').slice(0, 300) } };
  }
  render();
  if (state.report) $('view-summary').focus();
  else if (state.compared) $('pair-title').focus();
  else $('report-input').focus();
}

function clear() {
  $('report-input').value = '';
  state.report = null;
  state.compared = null;
  state.error = null;
  render();
  $('report-input').focus();
}

async function setLanguage(lang) {
  if (!LANGS.includes(lang)) return;
  state.lang = lang;
  render();
  await saveLanguage(lang).catch(() => {});
}

// ---- rendering ----------------------------------------------------------------------------

function renderStatic(lang) {
  document.documentElement.lang = lang;
  document.title = t(lang, 'hdTitle');
  for (const node of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n]'))) node.textContent = t(lang, node.dataset.i18n);
  for (const btn of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-lang]'))) {
    btn.setAttribute('aria-pressed', String(btn.dataset.lang === lang));
  }
}

function render() {
  const { lang, report, error } = state;
  renderStatic(lang);
  const errorBox = $('input-error');
  errorBox.hidden = !error;
  errorBox.textContent = error ? t(lang, error.key, error.vars) : '';
  $('report-input').setAttribute('aria-invalid', String(Boolean(error)));
  $('view').hidden = !report;
  if (report) renderReport(lang, report);
  $('pair').hidden = !state.compared;
  if (state.compared) renderPair(lang, state.compared);
}

/** A notice (`{title, cause, fix}`) as the warnings list shows one. */
const noticeItem = (lang, w) => el('li', { dataset: { testid: `view-warning-${w.code}` } },
  el('strong', { className: 'w-title' }, pick(lang, w.title)), ' ', el('code', { className: 'muted' }, w.code),
  el('p', { className: 'w-cause muted' }, pick(lang, w.cause)),
  el('p', { className: 'w-fix' }, pick(lang, w.fix)));

/** Two reports side by side, the difference the core named on top. */
function renderPair(lang, c) {
  const notice = c.notice;
  $('pair-notice').dataset.difference = c.comparison?.difference ?? 'none';
  $('pair-notice').replaceChildren(notice
    ? el('ul', {}, noticeItem(lang, notice))
    : el('p', { dataset: { testid: 'pair-same' } }, t(lang, 'hdPairSame')));
  $('pair-browser').replaceChildren(...pairColumn(lang, c.browser, 'browser'));
  $('pair-server').replaceChildren(...pairColumn(lang, c.server, 'server'));
}

/** One report's column: what it is about, its facts, verdict, warnings and requests' answers. */
function pairColumn(lang, r, side) {
  const v = r.verdict;
  const d = r.deployment;
  const rows = [];
  const row = (key, value) => {
    if (value === null || value === undefined || value === '') return;
    rows.push(el('dt', {}, t(lang, key)), el('dd', {}, String(value)));
  };
  const tv = r.versions ?? {};
  row('hdTool', `${t(lang, tv.tool === 'cli' ? 'hdToolCli' : 'hdToolExtension')} ${tv.toolVersion ?? '?'}`);
  row('hdGenerated', r.generatedAt);
  row('hdEnvironment', r.environment);
  if (r.tried) row('hdLogin', r.tried.login || t(lang, 'hdNoLogin'));
  return [
    el('p', { className: 'summary', dataset: { testid: `pair-${side}-summary` } }, pick(lang, d.summary)),
    el('dl', { className: 'facts' }, ...rows),
    v ? el('div', { className: 'verdict', dataset: { ok: String(Boolean(v.ok)), testid: `pair-${side}-verdict` } },
      el('strong', {}, pick(lang, v.title)), ' ', el('code', { className: 'muted', dataset: { testid: `pair-${side}-code` } }, v.code),
      el('p', { className: 'muted' }, pick(lang, v.cause)),
      el('p', {}, pick(lang, v.fix))) : el('p', { className: 'muted' }, t(lang, 'hdKindDetection')),
    el('ul', { className: 'warnings' }, ...r.warnings.map((w) => noticeItem(lang, w))),
    el('ol', { className: 'requests', dataset: { testid: `pair-${side}-requests` } }, ...r.requests.map((q) =>
      el('li', {}, el('code', {}, `${q.method} ${q.path}`), ' → ', statusText(lang, q)))),
  ];
}

function renderReport(lang, r) {
  const d = r.deployment;
  $('view-summary').textContent = pick(lang, d.summary);
  $('view').dataset.kind = r.kind;
  renderFacts(lang, r);
  const v = r.verdict;
  $('view-verdict-box').hidden = !v;
  if (v) {
    $('view-verdict').dataset.ok = String(Boolean(v.ok));
    $('view-verdict-title').textContent = pick(lang, v.title);
    $('view-verdict-code').textContent = v.code;
    $('view-verdict-cause').textContent = pick(lang, v.cause);
    $('view-verdict-fix').textContent = pick(lang, v.fix);
  }
  $('view-checklist').closest('section').hidden = r.checklist.length === 0;
  $('view-checklist').replaceChildren(...r.checklist.map((i) => el('li',
    { className: i.state === 'ok' ? 'good' : i.state === 'fail' ? 'bad' : 'muted', dataset: { testid: `view-check-${i.id}`, state: i.state } },
    el('span', { className: 'mark', 'aria-hidden': 'true' }, MARKS[i.state] ?? '·'), ' ', pick(lang, i.text))));
  // The steps the token test re-made (a token that works only through the gateway), if any.
  const steps = r.steps ?? [];
  $('view-steps-box').hidden = steps.length === 0;
  $('view-steps').replaceChildren(...steps.map((s) => el('li', {}, pick(lang, s))));
  $('view-warnings-box').hidden = r.warnings.length === 0;
  $('view-warnings').replaceChildren(...r.warnings.map((w) => el('li', { dataset: { testid: `view-warning-${w.code}` } },
    el('strong', { className: 'w-title' }, pick(lang, w.title)), ' ', el('code', { className: 'muted' }, w.code),
    el('p', { className: 'w-cause muted' }, pick(lang, w.cause)),
    el('p', { className: 'w-fix' }, pick(lang, w.fix)))));
  renderRequests(lang, r);
}

function who(user) {
  if (!user) return null;
  const id = user.name || user.emailAddress || user.accountId;
  if (user.displayName && id) return `${user.displayName} (${id})`;
  return user.displayName || id || null;
}

function renderFacts(lang, r) {
  const rows = [];
  const row = (key, value) => {
    if (value === null || value === undefined || value === '') return;
    // A deployment detail's label comes from the core; the page's own words from ui-strings.js.
    const label = key in facts().labels ? detailLabel(lang, key) : t(lang, key);
    rows.push(el('dt', {}, label), el('dd', { dataset: { testid: `fact-${key}` } }, String(value)));
  };
  const d = r.deployment;
  row('hdKind', t(lang, r.kind === 'check' ? 'hdKindCheck' : 'hdKindDetection'));
  row('baseUrl', d.baseUrl);
  if (d.reachedBaseUrl && d.reachedBaseUrl !== d.baseUrl) row('hdReachedAt', d.reachedBaseUrl);
  const version = r.versions?.jira ?? d.version;
  const build = r.versions?.jiraBuild ?? d.buildNumber;
  if (d.hosting !== 'cloud') row('version', version ? `${version}${build ? ` (${detailLabel(lang, 'build')} ${build})` : ''}` : null);
  row('clusterNode', d.clusterNode);
  row('cloudId', d.cloudId);
  row('method', methodName(lang, r.recommended));
  if (r.tried) {
    const scheme = r.tried.scheme ? ` · ${r.tried.scheme === 'bearer' ? 'Bearer' : 'Basic'}` : '';
    row('hdTried', `${methodName(lang, r.tried.method) ?? '—'}${scheme}`);
    if (r.tried.target) row('hdTarget', targetName(lang, r.tried.target));
    row('hdLogin', r.tried.login || t(lang, 'hdNoLogin'));
  }
  row('hdAnsweredAs', who(r.user));
  row('hdGenerated', r.generatedAt);
  const v = r.versions ?? {};
  row('hdTool', `${t(lang, v.tool === 'cli' ? 'hdToolCli' : 'hdToolExtension')} ${v.toolVersion ?? '?'} (core ${v.core ?? '?'})`);
  row('hdEnvironment', r.environment);
  $('view-facts').replaceChildren(...rows);
}

function statusText(lang, q) {
  if (q.outcome === 'redirect' && (q.status === 0 || q.status === null)) return t(lang, 'hdRedirect');
  if (Number.isInteger(q.status)) return String(q.status);
  if (q.outcome === 'timeout') return t(lang, 'hdNoAnswer');
  return q.detail ? `${t(lang, 'hdUnreachable')}: ${q.detail}` : t(lang, 'hdUnreachable');
}

function renderRequests(lang, r) {
  const home = (() => {
    try {
      return new URL(r.deployment.reachedBaseUrl ?? r.deployment.baseUrl).origin;
    } catch {
      return null;
    }
  })();
  const rows = r.requests.map((q, i) => {
    const target = q.origin && q.origin !== home ? `${q.origin}${q.path}` : q.path;
    const headers = el('ul', { className: 'headers' }, ...Object.entries(q.headers).map(([k, v]) =>
      el('li', {}, el('code', {}, k), ': ', v)));
    const failed = !Number.isInteger(q.status) || q.status >= 400;
    return el('tr', { dataset: { testid: `view-request-${i + 1}`, id: q.id }, className: failed ? 'failed' : '' },
      el('td', {}, String(i + 1)),
      el('td', { className: 'target' }, el('code', {}, `${q.method} ${target}`)),
      el('td', {}, q.auth === 'None' ? '—' : q.auth),
      el('td', { dataset: { testid: `view-request-${i + 1}-status` } }, statusText(lang, q)),
      el('td', { className: 'num' }, String(q.ms)),
      el('td', {}, headers));
  });
  $('view-requests').tBodies[0].replaceChildren(...rows);
}

// ---- start --------------------------------------------------------------------------------

for (const btn of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-lang]'))) {
  btn.addEventListener('click', () => setLanguage(btn.dataset.lang));
}
$('paste-form').addEventListener('submit', show);
$('report-clear').addEventListener('click', clear);
$('version').textContent = `v${extensionVersion()}`;

(async () => {
  const saved = await savedLanguage().catch(() => undefined);
  state.lang = LANGS.includes(saved) ? saved : langFromTag(uiLanguage());
  // Labels and names come from the core; without them the page can only say so.
  await loadFacts().catch((err) => {
    state.error = { key: 'hdCoreFailed', vars: { message: err?.message ?? String(err) } };
  });
  render();
})();
