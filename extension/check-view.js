// The popup's token-test view: the form (login label and type, the method the target dictates,
// the secret's reveal toggle, the run button), the project picker, the checklist, the verdict
// with its cause and fix (and the CAPTCHA login link, or the offer to try a scoped token through
// Atlassian's gateway: wizard-gateway.js) and the result's warnings. View only:
// it lays out the state wizard.js hands it and the core's `CheckResult` — the checklist too is
// the core's (it comes beside the result), so the popup and the report say the same. It holds
// no state and never sees the secret (it stays in its field until wizard.js reads it on submit).

import { $, el } from './dom.js';
import { facts, methodName, targetMethod, targetName } from './facts.js';
import { credentialOrigin, httpOrigin } from './protocol.js';
import { renderGateway } from './wizard-gateway.js';
import { renderServerCheck } from './server-check-view.js';
import { pick, t } from './ui-strings.js';

/** The target menu: the core's targets in its order and names, the choice kept. */
export function renderTargets(lang) {
  const select = /** @type {HTMLSelectElement} */ ($('test-target'));
  const current = select.value || facts().targets[0]?.id;
  select.replaceChildren(...facts().targets.map((t) => el('option', { value: t.id }, targetName(lang, t.id))));
  select.value = current;
}

/**
 * The core's plan for connecting `target` to the detected Jira (`Detection.targetPlans`), or
 * the deployment's own plan when the detection carries none.
 */
export const planFor = (detection, target) =>
  detection?.targetPlans?.find((p) => p.target === target)?.plan ?? detection?.authPlan ?? null;

/**
 * Step 1's question: which integration (or "just test a token"), as radio buttons in the
 * core's order and words; `target` checked. Shown for a detection that has per-target plans.
 */
export function renderIntegration(lang, detection, target) {
  const box = $('integration');
  box.hidden = !(detection?.targetPlans?.length > 0);
  if (box.hidden) return;
  const list = $('integration-options');
  const targets = facts().targets;
  // Built once and updated after: a radio re-made on every render would lose the keyboard focus.
  if (list.childElementCount !== targets.length) {
    list.replaceChildren(...targets.map((t) => el('label', { className: 'choice' },
      el('input', { type: 'radio', name: 'integration', value: t.id, dataset: { testid: `integration-${t.id}` } }),
      el('span', {}))));
  }
  targets.forEach((t, i) => {
    const label = list.children[i];
    const input = /** @type {HTMLInputElement} */ (label.querySelector('input'));
    input.checked = t.id === target;
    label.querySelector('span').textContent = pick(lang, t.question ?? t.name);
  });
}

/** A detection worth testing a credential against: Jira, or a site that may be Jira. */
export const testable = (detection) => Boolean(detection && (detection.deployment?.product === 'jira' || detection.authPlan));

/** A new detection: the login from the logged-in user, any project, the recommended method. */
export function prefillTestForm(detection) {
  $('test-login').value = detection.deployment?.user?.name ?? '';
  $('test-project').value = '';
  $('test-auth').value = 'auto';
}

/**
 * Shows the token test for `detection` when `test` (wizard.js's `state.test`) is given, hides
 * it when `test` is null. `plan`: the plan in effect (the chosen integration's).
 */
export function renderTokenTest(lang, detection, test, plan = detection?.authPlan) {
  const section = $('token-test');
  section.hidden = !test;
  if (!test) return;
  const d = detection.deployment;
  renderTargets(lang);
  const target = $('test-target').value;
  const dictated = targetMethod(target, d?.hosting);
  const authSelect = $('test-auth');
  authSelect.disabled = Boolean(dictated);
  const note = $('test-auth-note');
  note.hidden = !dictated;
  if (dictated) {
    note.textContent = t(lang, 'authSetByTarget', {
      target: targetName(lang, target),
      method: methodName(lang, dictated),
    });
  }
  const choice = authSelect.value;
  const method = dictated ?? (choice === 'auto' ? plan?.method : choice);
  const cloud = d?.hosting === 'cloud' || method === 'api-token' || plan?.login === 'email';
  const label = t(lang, cloud ? 'loginEmail' : 'loginUsername');
  $('test-login-label').textContent = method === 'pat' ? t(lang, 'loginOptional', { label }) : label;
  $('test-login').type = cloud ? 'email' : 'text';
  $('test-login').dataset.optional = String(method === 'pat');
  // The secret's label follows the method in effect (the target's, the form's, or the plan's).
  const secretKey = { pat: 'secretLabelPat', 'api-token': 'secretLabelApiToken', basic: 'secretLabelPassword' }[method] ?? 'secretLabel';
  $('test-secret-label').textContent = t(lang, secretKey);

  const reveal = $('test-reveal');
  $('test-secret').type = test.revealed ? 'text' : 'password';
  reveal.setAttribute('aria-pressed', String(test.revealed));
  reveal.textContent = t(lang, test.revealed ? 'hide' : 'reveal');
  reveal.setAttribute('aria-label', t(lang, 'revealLabel'));

  const run = $('test-run');
  // A page-only (provisional) detection gets no credential: the test waits for the REST answer.
  run.disabled = test.running || Boolean(detection.provisional);
  run.setAttribute('aria-busy', String(test.running));
  run.textContent = t(lang, test.running ? 'testRunning' : 'testRun');
  $('test-cancel').hidden = !test.running;
  // Beside the button: where the credential will be sent (SECURITY.md §7.1).
  // After a test through Atlassian's gateway (the user's click), the credential went there.
  const to = test.gatewayTried && (test.result || test.running) ? facts().gateway : credentialOrigin(detection);
  $('test-origin').textContent = detection.provisional
    ? t(lang, 'testConfirming')
    : to ? t(lang, 'sendsTo', { origin: to }) : t(lang, 'sendsNowhere');
  $('test-origin').dataset.origin = to ?? '';
  section.setAttribute('aria-busy', String(test.running));

  const error = $('test-error');
  error.hidden = !test.error;
  if (test.error) {
    if (typeof test.error === 'string') error.textContent = t(lang, test.error);
    else if (test.error.code === 'gateway_not_allowed') error.textContent = t(lang, 'gatewayDenied');
    else if (test.error.code === 'host_not_allowed') error.textContent = t(lang, 'hostNotAllowed', { origin: test.error.message });
    else error.textContent = t(lang, 'testFailed', { message: test.error.message ?? test.error.code });
  }
  renderProjectPicker(lang, test);
  $('check').hidden = !test.result;
  if (test.result) renderCheck(lang, test.result, test.checklist ?? []);
  renderGateway(test);
  renderServerCheck(lang, test.result);
}

/** The projects the last test listed, plus "any project"; the current choice selected. */
function renderProjectPicker(lang, test) {
  const projects = test.projects ?? [];
  $('project-pick-field').hidden = projects.length === 0;
  const pickList = $('project-pick');
  pickList.disabled = test.running;
  if (projects.length === 0) {
    pickList.replaceChildren();
    return;
  }
  const current = $('test-project').value.trim().toUpperCase();
  const options = [el('option', { value: '' }, t(lang, 'projectAny'))];
  for (const p of projects) {
    options.push(el('option', { value: p.key }, p.name && p.name !== p.key ? `${p.key} — ${p.name}` : p.key));
  }
  pickList.replaceChildren(...options);
  pickList.value = projects.some((p) => p.key.toUpperCase() === current)
    ? projects.find((p) => p.key.toUpperCase() === current).key
    : '';
}

/** The core's checklist ids → the popup's E2E hooks. */
const ITEM_TESTIDS = {
  reachable: 'check-reachable',
  authenticated: 'check-user',
  method: 'check-method',
  permissions: 'check-permissions',
  permissions_unknown: 'check-permissions-unknown',
};

/**
 * One line of the core's checklist (`report::check_checklist`, the report's own lines, sent
 * beside the result): ✓ or ✗ with `data-ok`, or a muted note for an `info` line.
 */
function checklistItem(lang, item) {
  const testid = ITEM_TESTIDS[item.id] ?? `check-${item.id}`;
  const text = pick(lang, item.text);
  if (item.state === 'info') return el('li', { className: 'muted', dataset: { testid } }, text);
  const good = item.state === 'ok';
  return el('li', { className: good ? 'good' : 'bad', dataset: { testid, ok: String(good) } },
    el('span', { className: 'mark', 'aria-hidden': 'true' }, good ? '✓' : '✗'), ' ', text);
}

function renderCheck(lang, result, checklist) {
  const code = result.verdict?.code ?? 'unexpected_response';
  $('checklist').replaceChildren(...checklist.map((item) => checklistItem(lang, item)));

  const v = result.verdict ?? {};
  $('verdict').dataset.ok = String(Boolean(v.ok));
  // Works, but only through Atlassian's gateway (a scoped token): amber, not green.
  $('verdict').dataset.viaGateway = String(Boolean(result.viaGateway));
  $('verdict-title').textContent = pick(lang, v.title);
  $('verdict-code').textContent = code;
  $('verdict-cause').textContent = pick(lang, v.cause);
  $('verdict-fix').textContent = pick(lang, v.fix);
  const link = $('login-url');
  const loginUrl = code === 'captcha_required' && httpOrigin(result.loginUrl ?? '') ? result.loginUrl : null;
  link.hidden = !loginUrl;
  if (loginUrl) {
    link.href = loginUrl;
    link.textContent = t(lang, 'solveCaptcha');
  } else {
    link.removeAttribute('href');
  }
  $('check-warnings').replaceChildren(
    ...(result.warnings ?? []).map((w) => el('li', { dataset: { testid: `check-warning-${w.code}`, code: w.code } },
      el('strong', {}, pick(lang, w.title)), ' ', pick(lang, w.cause),
      w.fix ? el('p', { className: 'w-fix' }, pick(lang, w.fix)) : null)),
  );
}
