// The helpdesk page: support pastes a customer's diagnostic report and sees it laid out as the
// customer saw it. The core reads the paste (`read_report`: the JSON, or the whole Markdown
// report; one report, or a browser's beside the integration server's), validates it and lays
// it out (`report::ReportView`) — the same layout the Markdown report writes, so both say the
// same thing in the same words. This page only puts the view in the DOM; its own words (the
// paste form, the pair's column titles) come from ui-strings.js.
// The page runs the core itself: reading a paste makes no request and needs no permission, so
// the service worker is not involved. Pasted data is untrusted: it only lands in textContent.

import init, { handle } from './pkg/jira_token_wizard.js';
import { extensionVersion, saveLanguage, savedLanguage, uiLanguage } from './browser.js';
import { $, el } from './dom.js';
import { LANGS, langFromTag, pick, t } from './ui-strings.js';

/** @import { Compared, Fact, Notice, ReadReport, ReportView } from './pkg/jira_token_wizard.js' */

const state = {
  lang: 'en',
  /** @type {ReadReport | null} */
  read: null,
  /** The core could not be loaded: its message, or null. */
  coreFailed: /** @type {string | null} */ (null),
};

/** @type {Record<string, string>} */
const MARKS = { ok: '✓', fail: '✗', info: '·' };

/** @type {Promise<unknown> | null} */
let coreReady = null;
/** Loads the wasm core once; a failed load is retried on the next paste. */
function core() {
  coreReady ??= init({ module_or_path: new URL('./pkg/jira_token_wizard_bg.wasm', import.meta.url) }).catch((err) => {
    coreReady = null;
    throw err;
  });
  return coreReady;
}

// ---- actions ------------------------------------------------------------------------------

/** @param {SubmitEvent} event */
async function show(event) {
  event.preventDefault();
  try {
    await core();
    // `read_report` answers a `ReadReport` (src/wasm.d.ts `Commands`).
    state.read = /** @type {ReadReport} */ (
      await handle({ type: 'read_report', text: $('report-input', HTMLTextAreaElement).value })
    );
    state.coreFailed = null;
  } catch (err) {
    state.read = null;
    state.coreFailed = String(err?.message ?? err).slice(0, 300);
  }
  render();
  const views = state.read?.views.length ?? 0;
  if (views === 1) $('view-summary').focus();
  else if (views === 2) $('pair-title').focus();
  else $('report-input').focus();
}

function clear() {
  $('report-input', HTMLTextAreaElement).value = '';
  state.read = null;
  state.coreFailed = null;
  render();
  $('report-input').focus();
}

/** @param {string} lang */
async function setLanguage(lang) {
  if (!LANGS.includes(lang)) return;
  state.lang = lang;
  render();
  await saveLanguage(lang).catch(() => {});
}

// ---- rendering ----------------------------------------------------------------------------

/** @param {string} lang */
function renderStatic(lang) {
  document.documentElement.lang = lang;
  document.title = t(lang, 'hdTitle');
  for (const node of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-i18n]')))
    node.textContent = t(lang, node.dataset.i18n ?? '');
  for (const btn of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-lang]'))) {
    btn.setAttribute('aria-pressed', String(btn.dataset.lang === lang));
  }
}

function render() {
  const { lang, read, coreFailed } = state;
  renderStatic(lang);
  const error = coreFailed
    ? t(lang, 'hdCoreFailed', { message: coreFailed })
    : read?.error
      ? pick(lang, read.error)
      : '';
  const errorBox = $('input-error');
  errorBox.hidden = !error;
  errorBox.textContent = error;
  $('report-input').setAttribute('aria-invalid', String(Boolean(error)));
  const views = read?.views ?? [];
  $('view').hidden = views.length !== 1;
  if (views.length === 1) renderView(lang, views[0]);
  $('pair').hidden = views.length !== 2;
  if (views.length === 2 && read?.compared) renderPair(lang, read.compared, views[0], views[1]);
}

/**
 * A notice (`{title, cause, fix}`) as the warnings lists show one.
 * @param {string} lang
 * @param {Notice} w
 */
const noticeItem = (lang, w) =>
  el(
    'li',
    { dataset: { testid: `view-warning-${w.code}` } },
    el('strong', { className: 'w-title' }, pick(lang, w.title)),
    ' ',
    el('code', { className: 'muted' }, w.code),
    el('p', { className: 'w-cause muted' }, pick(lang, w.cause)),
    el('p', { className: 'w-fix' }, pick(lang, w.fix)),
  );

/**
 * The facts as `<dt>label</dt><dd>value</dd>`, only the keys in `only` when given.
 * @param {string} lang
 * @param {Fact[]} facts
 * @param {string[] | null} [only]
 */
const factRows = (lang, facts, only = null) =>
  facts
    .filter((f) => !only || only.includes(f.key))
    .flatMap((f) => [
      el('dt', {}, pick(lang, f.label)),
      el('dd', { dataset: { testid: `fact-${f.key}` } }, pick(lang, f.value)),
    ]);

/**
 * One report, laid out by the core.
 * @param {string} lang
 * @param {ReportView} v
 */
function renderView(lang, v) {
  const h = v.headings;
  $('view-summary').textContent = pick(lang, v.summary);
  $('view').dataset.kind = v.kind;
  $('view-facts').replaceChildren(...factRows(lang, v.facts));
  for (const [id, key] of /** @type {[string, keyof ReportView['headings']][]} */ ([
    ['view-verdict-h', 'verdict'],
    ['view-checklist-h', 'checklist'],
    ['view-steps-h', 'steps'],
    ['view-warnings-h', 'warnings'],
    ['view-requests-h', 'requests'],
    ['view-th-request', 'request'],
    ['view-th-auth', 'auth'],
    ['view-th-status', 'status'],
    ['view-th-headers', 'headers'],
  ])) {
    $(id).textContent = pick(lang, h[key]);
  }
  const verdict = v.verdict;
  $('view-verdict-box').hidden = !verdict;
  if (verdict) {
    $('view-verdict').dataset.ok = String(Boolean(verdict.ok));
    $('view-verdict-title').textContent = pick(lang, verdict.title);
    $('view-verdict-code').textContent = verdict.code;
    $('view-verdict-cause').textContent = pick(lang, verdict.cause);
    $('view-verdict-fix').textContent = pick(lang, verdict.fix);
  }
  const who = v.answeredBy;
  $('view-verdict-who').hidden = !who;
  $('view-verdict-who').textContent = who ? `${pick(lang, h.answeredBy)}: ${pick(lang, who.text)} [${who.code}]` : '';
  const checklistBox = $('view-checklist').closest('section');
  if (checklistBox) checklistBox.hidden = v.checklist.length === 0;
  $('view-checklist').replaceChildren(
    ...v.checklist.map((i) =>
      el(
        'li',
        {
          className: i.state === 'ok' ? 'good' : i.state === 'fail' ? 'bad' : 'muted',
          dataset: { testid: `view-check-${i.id}`, state: i.state },
        },
        el('span', { className: 'mark', 'aria-hidden': 'true' }, MARKS[i.state] ?? '·'),
        ' ',
        pick(lang, i.text),
      ),
    ),
  );
  $('view-steps-box').hidden = v.steps.length === 0;
  $('view-steps').replaceChildren(...v.steps.map((s) => el('li', {}, pick(lang, s))));
  $('view-warnings-box').hidden = v.warnings.length === 0;
  $('view-warnings').replaceChildren(...v.warnings.map((w) => noticeItem(lang, w)));
  $('view-requests', HTMLTableElement).tBodies[0].replaceChildren(
    ...v.requests.map((q, i) =>
      el(
        'tr',
        { dataset: { testid: `view-request-${i + 1}`, id: q.id }, className: q.failed ? 'failed' : '' },
        el('td', {}, String(i + 1)),
        el('td', { className: 'target' }, el('code', {}, q.target)),
        el('td', {}, q.auth),
        el('td', { dataset: { testid: `view-request-${i + 1}-status` } }, pick(lang, q.status)),
        el('td', { className: 'num' }, String(q.ms)),
        el(
          'td',
          {},
          el('ul', { className: 'headers' }, ...q.headers.map((line) => el('li', {}, el('code', {}, line)))),
        ),
      ),
    ),
  );
}

/**
 * Two reports side by side, the difference the core named on top.
 * @param {string} lang
 * @param {Compared} compared
 * @param {ReportView} browser
 * @param {ReportView} server
 */
function renderPair(lang, compared, browser, server) {
  const notice = compared.notice;
  $('pair-notice').dataset.difference = compared.comparison?.difference ?? 'none';
  $('pair-notice').replaceChildren(
    notice
      ? el('ul', {}, noticeItem(lang, notice))
      : el('p', { dataset: { testid: 'pair-same' } }, t(lang, 'hdPairSame')),
  );
  $('pair-browser').replaceChildren(...pairColumn(lang, browser, 'browser'));
  $('pair-server').replaceChildren(...pairColumn(lang, server, 'server'));
}

/**
 * One report's column: what it is about, who made it, verdict, warnings and the answers.
 * @param {string} lang
 * @param {ReportView} v
 * @param {'browser' | 'server'} side
 */
function pairColumn(lang, v, side) {
  const verdict = v.verdict;
  return [
    el('p', { className: 'summary', dataset: { testid: `pair-${side}-summary` } }, pick(lang, v.summary)),
    el('dl', { className: 'facts' }, ...factRows(lang, v.facts, ['tool', 'generated', 'environment', 'login'])),
    verdict
      ? el(
          'div',
          { className: 'verdict', dataset: { ok: String(Boolean(verdict.ok)), testid: `pair-${side}-verdict` } },
          el('strong', {}, pick(lang, verdict.title)),
          ' ',
          el('code', { className: 'muted', dataset: { testid: `pair-${side}-code` } }, verdict.code),
          el('p', { className: 'muted' }, pick(lang, verdict.cause)),
          v.answeredBy
            ? el(
                'p',
                { className: 'muted', dataset: { testid: `pair-${side}-who` } },
                `${pick(lang, v.headings.answeredBy)}: ${pick(lang, v.answeredBy.text)} [${v.answeredBy.code}]`,
              )
            : null,
          el('p', {}, pick(lang, verdict.fix)),
        )
      : el('p', { className: 'muted' }, pick(lang, v.facts.find((f) => f.key === 'kind')?.value ?? v.summary)),
    el('ul', { className: 'warnings' }, ...v.warnings.map((w) => noticeItem(lang, w))),
    el(
      'ol',
      { className: 'requests', dataset: { testid: `pair-${side}-requests` } },
      ...v.requests.map((q) => el('li', {}, el('code', {}, q.target), ' → ', pick(lang, q.status))),
    ),
  ];
}

// ---- start --------------------------------------------------------------------------------

for (const btn of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-lang]'))) {
  btn.addEventListener('click', () => setLanguage(btn.dataset.lang ?? ''));
}
$('paste-form').addEventListener('submit', show);
$('report-clear').addEventListener('click', clear);
$('version').textContent = `v${extensionVersion()}`;

(async () => {
  const saved = await savedLanguage().catch(() => undefined);
  state.lang = LANGS.includes(saved) ? saved : langFromTag(uiLanguage());
  render();
  // Ready before the first paste; a failure is said when the paste is read.
  core().catch(() => {});
})();
