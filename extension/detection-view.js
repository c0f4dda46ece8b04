// The popup's detection view: the summary line, the detection's warnings (with the "Allow
// access" button when the core says a host permission is needed), the auth plan (method,
// alternatives, token page, numbered steps, notes — the token test's re-made plan when it
// has one) and the details list. View only: every text about the site comes from the core's
// `Detection` (or `CheckResult.authPlan`) as `{en, ru}` pairs; the popup's own words come from
// ui-strings.js. Re-rendered from scratch on every call.

import { $, el } from './dom.js';
import { detailLabel, methodName } from './facts.js';
import { pick, t } from './ui-strings.js';

/**
 * Fills the detection part of the popup. `origin`: the tab's origin (for "Allow access");
 * `flash`: a UI-strings key shown under the access warning, or null; `onAllowAccess(origin)`:
 * runs on the "Allow access" click (the permission request must start inside it); `plan`: the
 * core's re-made plan from the last token test (`CheckResult.authPlan`: a credential that works
 * only through Atlassian's gateway gets steps naming that URL), shown instead of the
 * detection's, or null.
 */
export function renderDetection(lang, detection, { origin, flash, onAllowAccess, plan = null, target = null }) {
  const d = detection.deployment;
  $('summary').textContent = pick(lang, d.summary);
  $('app').dataset.product = d.product;
  renderWarnings(lang, detection.warnings ?? [], { origin, flash, onAllowAccess });
  // The chosen integration's plan (Detection.targetPlans) unless the token test re-made one.
  const own = target ? detection.targetPlans?.find((p) => p.target === target)?.plan ?? null : null;
  renderPlan(lang, plan ?? own ?? detection.authPlan);
  $('plan').dataset.source = plan ? 'check' : 'detection';
  $('plan').dataset.target = own ? target : '';
  renderDetails(lang, d);
}

function renderWarnings(lang, warnings, { origin, flash, onAllowAccess }) {
  const list = $('warnings');
  list.replaceChildren(
    ...warnings.map((w) => {
      const item = el(
        'li',
        { dataset: { testid: `warning-${w.code}`, code: w.code } },
        el('strong', { className: 'w-title' }, pick(lang, w.title)),
        el('p', { className: 'w-cause muted' }, pick(lang, w.cause)),
        el('p', { className: 'w-fix' }, pick(lang, w.fix)),
      );
      if (w.code === 'host_permission_needed' && origin) {
        const btn = el('button', { type: 'button', className: 'primary', dataset: { testid: 'allow-access' } },
          t(lang, 'allowAccess', { origin }));
        btn.addEventListener('click', () => onAllowAccess(origin));
        item.append(btn);
        if (flash) item.append(el('p', { className: 'error', role: 'alert' }, t(lang, flash)));
      }
      return item;
    }),
  );
  $('warnings-box').hidden = warnings.length === 0;
}

function renderPlan(lang, plan) {
  $('plan').hidden = !plan;
  if (!plan) return;
  // An integration that cannot work with this Jira at all (AvePoint on Server/DC): the steps say why.
  $('method').textContent = plan.unsupported ? t(lang, 'planUnsupported') : methodName(lang, plan.method);
  $('method').dataset.method = plan.unsupported ? '' : plan.method;
  const alternatives = (plan.alternatives ?? []).map((m) => methodName(lang, m));
  $('alternatives').hidden = alternatives.length === 0;
  $('alternatives').textContent = t(lang, 'alsoWorks', { methods: alternatives.join('; ') });
  const url = plan.tokenPageUrl;
  const button = $('token-page');
  button.hidden = !url;
  button.textContent = t(lang, 'openTokenPage');
  button.dataset.url = url ?? '';
  button.title = url ?? '';
  // The address once: not under the button when a step already names it (a long URL repeated
  // two or three times fills a narrow panel).
  const named = Boolean(url) && (plan.steps ?? []).some((step) => pick(lang, step).includes(url));
  $('token-page-url').hidden = !url || named;
  $('token-page-url').textContent = url ?? '';
  $('steps').replaceChildren(...(plan.steps ?? []).map((s) => el('li', {}, pick(lang, s))));
  $('notes').replaceChildren(...(plan.notes ?? []).map((n) => el('li', {}, pick(lang, n))));
  $('notes-box').hidden = (plan.notes ?? []).length === 0;
}

function renderDetails(lang, d) {
  const rows = [];
  const row = (key, value) => {
    if (value === null || value === undefined || value === '') return;
    rows.push(el('dt', {}, detailLabel(lang, key)), el('dd', { dataset: { testid: `detail-${key}` } }, String(value)));
  };
  const selfManaged = d.hosting === 'self-managed';
  row('hosting', d.hosting === 'cloud' ? detailLabel(lang, 'hostingCloud') : selfManaged ? detailLabel(lang, 'hostingSelfManaged') : null);
  if (selfManaged) row('edition', detailLabel(lang, d.edition === 'data-center' ? 'editionDataCenter' : 'editionUnknown'));
  if (d.hosting !== 'cloud') row('version', d.version);
  row('build', d.buildNumber);
  row('baseUrl', d.baseUrl);
  if (selfManaged && d.contextPath !== null && d.contextPath !== undefined) {
    row('contextPath', d.contextPath || detailLabel(lang, 'contextRoot'));
  }
  row('cloudId', d.cloudId);
  row('clusterNode', d.clusterNode);
  const u = d.user;
  if (u) {
    const who = u.displayName && u.name ? `${u.displayName} (${u.name})` : u.displayName ?? u.name ?? u.accountId;
    row('user', who);
  }
  $('details').replaceChildren(...rows);
  $('details-box').hidden = rows.length === 0;
}
