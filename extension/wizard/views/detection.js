// Step 1 and 2 as the core detected them: the summary line, the detection's warnings (with
// *Allow access* when the core says a host permission is needed), the first question — which
// integration —, the plan in effect (method, alternatives, token page, numbered steps, notes)
// and the details list. Every text about the site is the core's (`{en, ru}` pairs); the page's
// own words come from ui-strings.js. A view: it lays out its slice, keeps nothing, sends
// nothing — its buttons carry `data-action` for main.js.

import { $, el } from '../../dom.js';
import { detailLabel, facts, methodName } from '../../facts.js';
import { pick, t } from '../../ui-strings.js';
/** @import { AuthPlan, Deployment, Detection, Notice, Text } from '../../pkg/jira_token_wizard.js' */

/**
 * @typedef {object} DetectionSlice
 * @property {Detection} detection
 * @property {string} origin  the origin REST is asked at (for *Allow access*)
 * @property {string | null} flash  a UI-strings key under the access warning, or null
 * @property {AuthPlan | null} plan  the plan in effect: the token test's re-made one, the
 *   chosen integration's (`Detection.targetPlans`) or the deployment's
 * @property {'check' | 'detection'} source  where the plan comes from
 * @property {string} target  the integration whose own plan is shown, or ''
 */

/**
 * Step 1's question: which integration (or "just test a token"), as radio buttons in the
 * core's order and words, `target` checked; hidden when `target` is null (no per-target plans).
 * @param {string} lang
 * @param {string | null} target
 */
export function renderIntegration(lang, target) {
  const box = $('integration');
  box.hidden = target === null;
  if (target === null) return;
  const list = $('integration-options');
  const targets = facts().targets;
  // Built once and updated after: a radio re-made on every render would lose the keyboard focus.
  if (list.childElementCount !== targets.length) {
    list.replaceChildren(
      ...targets.map((x) =>
        el(
          'label',
          { className: 'choice' },
          el('input', { type: 'radio', name: 'integration', value: x.id, dataset: { testid: `integration-${x.id}` } }),
          el('span', {}),
        ),
      ),
    );
  }
  targets.forEach((x, i) => {
    const label = list.children[i];
    const input = /** @type {HTMLInputElement} */ (label.querySelector('input'));
    input.checked = x.id === target;
    /** @type {HTMLElement} */ (label.querySelector('span')).textContent = pick(lang, x.question ?? x.name);
  });
}

/**
 * @param {string} lang
 * @param {DetectionSlice | null} slice
 */
export function renderDetection(lang, slice) {
  if (!slice) return;
  const { detection, origin, flash, plan, source, target } = slice;
  const d = detection.deployment;
  $('summary').textContent = pick(lang, d.summary);
  $('app').dataset.product = d.product;
  renderWarnings(lang, detection.warnings ?? [], origin, flash);
  renderPlan(lang, plan);
  $('plan').dataset.source = source;
  $('plan').dataset.target = target;
  renderDetails(lang, d);
}

/**
 * @param {string} lang
 * @param {Notice[]} warnings
 * @param {string} origin
 * @param {string | null} flash
 */
function renderWarnings(lang, warnings, origin, flash) {
  $('warnings').replaceChildren(
    ...warnings.map((w) => {
      const item = el(
        'li',
        { dataset: { testid: `warning-${w.code}`, code: w.code } },
        el('strong', { className: 'w-title' }, pick(lang, w.title)),
        el('p', { className: 'w-cause muted' }, pick(lang, w.cause)),
        el('p', { className: 'w-fix' }, pick(lang, w.fix)),
      );
      if (w.code === 'host_permission_needed' && origin) {
        item.append(
          el(
            'button',
            {
              type: 'button',
              className: 'primary',
              dataset: { testid: 'allow-access', action: 'allow-access', origin },
            },
            t(lang, 'allowAccess', { origin }),
          ),
        );
        if (flash) item.append(el('p', { className: 'error', role: 'alert' }, t(lang, flash)));
      }
      return item;
    }),
  );
  $('warnings-box').hidden = warnings.length === 0;
}

/**
 * @param {string} lang
 * @param {AuthPlan | null} plan
 */
function renderPlan(lang, plan) {
  $('plan').hidden = !plan;
  if (!plan) return;
  // An integration that cannot work with this Jira at all (AvePoint on Server/DC): the steps say why.
  $('method').textContent = plan.unsupported ? t(lang, 'planUnsupported') : methodName(lang, plan.method);
  $('method').dataset.method = plan.unsupported ? '' : plan.method;
  /** @type {string[]} */
  const alternatives = (plan.alternatives ?? []).map((/** @type {string} */ m) => methodName(lang, m));
  $('alternatives').hidden = alternatives.length === 0;
  $('alternatives').textContent = t(lang, 'alsoWorks', { methods: alternatives.join('; ') });
  /** @type {string | null} */
  const url = plan.tokenPageUrl ?? null;
  const button = $('token-page');
  button.hidden = !url;
  button.textContent = t(lang, 'openTokenPage');
  button.dataset.url = url ?? '';
  button.title = url ?? '';
  /** @type {Text[]} */
  const steps = plan.steps ?? [];
  // The address once: not under the button when a step already names it (a long URL repeated
  // two or three times fills a narrow panel).
  const named = url !== null && steps.some((step) => pick(lang, step).includes(url));
  $('token-page-url').hidden = !url || named;
  $('token-page-url').textContent = url ?? '';
  $('steps').replaceChildren(...steps.map((s) => el('li', {}, pick(lang, s))));
  /** @type {Text[]} */
  const notes = plan.notes ?? [];
  $('notes').replaceChildren(...notes.map((n) => el('li', {}, pick(lang, n))));
  $('notes-box').hidden = notes.length === 0;
}

/**
 * @param {string} lang
 * @param {Deployment} d
 */
function renderDetails(lang, d) {
  /** @type {HTMLElement[]} */
  const rows = [];
  /**
   * @param {string} key
   * @param {unknown} value
   */
  const row = (key, value) => {
    if (value === null || value === undefined || value === '') return;
    rows.push(el('dt', {}, detailLabel(lang, key)), el('dd', { dataset: { testid: `detail-${key}` } }, String(value)));
  };
  const selfManaged = d.hosting === 'self-managed';
  row(
    'hosting',
    d.hosting === 'cloud'
      ? detailLabel(lang, 'hostingCloud')
      : selfManaged
        ? detailLabel(lang, 'hostingSelfManaged')
        : null,
  );
  if (selfManaged)
    row('edition', detailLabel(lang, d.edition === 'data-center' ? 'editionDataCenter' : 'editionUnknown'));
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
    const who = u.displayName && u.name ? `${u.displayName} (${u.name})` : (u.displayName ?? u.name ?? u.accountId);
    row('user', who);
  }
  $('details').replaceChildren(...rows);
  $('details-box').hidden = rows.length === 0;
}
