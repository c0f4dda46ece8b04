// Step 3, the token test: the form (login label and type, the method the target dictates, the
// secret's reveal toggle, the Test button, where the credential goes), the project picker, the
// verdict with its cause and fix (the CAPTCHA login link, the offer to try a scoped token
// through Atlassian's gateway), the core's checklist and the result's warnings. A view: it
// lays out its slice, keeps nothing, sends nothing; it never sees the secret (it stays in its
// field until actions.js reads it on Test).

import { $, el } from '../../dom.js';
import { facts, methodName, targetName } from '../../facts.js';
import { httpOrigin } from '../../protocol.js';
import { pick, t } from '../../ui-strings.js';
import { passwordOffered } from '../service-account.js';
/** @import { AuthPlan, CheckItem, CheckResult, Detection, Notice, ProjectRef } from '../../pkg/jira_token_wizard.js' */
/** @import { Choices, State } from '../state.js' */

/**
 * @typedef {object} TestSlice
 * @property {Detection} detection
 * @property {State['test']} test
 * @property {Choices} form  the form's non-secret fields
 * @property {string} target  the integration chosen
 * @property {AuthPlan | null} plan  the plan in effect
 * @property {string | null} dictated  the method the target sends whatever the form says
 * @property {string | null} method  the method in effect
 * @property {boolean} gateway  the core offers the gateway and it was not tried
 * @property {string | null} sendsTo  where the credential goes, or null: nowhere
 * @property {ReturnType<typeof import('../service-account.js').serviceAccount> | null} sa
 *   a service account's client credentials: offered, taken by the target, chosen, and where
 *   they go (../service-account.js)
 */

/**
 * A field's value set from the state, unless it already holds it (the caret stays put).
 * @param {HTMLInputElement | HTMLSelectElement} field
 * @param {string} value
 */
function setValue(field, value) {
  if (field.value !== value) field.value = value;
}

/**
 * The target menu (the form's hidden `test-target` field): the core's targets in its order
 * and names, `target` chosen.
 * @param {string} lang
 * @param {string} target
 */
export function renderTargets(lang, target) {
  const select = /** @type {HTMLSelectElement} */ ($('test-target'));
  select.replaceChildren(...facts().targets.map((x) => el('option', { value: x.id }, targetName(lang, x.id))));
  select.value = target;
}

/**
 * @param {string} lang
 * @param {TestSlice | null} slice  null: no token test for what is shown
 */
export function renderTest(lang, slice) {
  const section = $('token-test');
  section.hidden = !slice;
  if (!slice) return;
  const { detection, test, form, target, plan, dictated, method, gateway, sendsTo, sa } = slice;
  const d = detection.deployment;
  renderTargets(lang, target);
  setValue($('test-auth', HTMLSelectElement), form.auth);
  setValue($('test-login', HTMLInputElement), form.login);
  setValue($('test-project', HTMLInputElement), form.project);
  $('test-auth', HTMLSelectElement).disabled = Boolean(dictated);
  const note = $('test-auth-note');
  note.hidden = !dictated;
  note.textContent = dictated
    ? t(lang, 'authSetByTarget', { target: targetName(lang, target), method: methodName(lang, dictated) })
    : '';
  // The menu offers client credentials where the deployment has them (the integration may
  // still refuse them: then it says so), and no password where the plan offers none (Jira 11).
  const ccOption = /** @type {HTMLOptionElement} */ (
    $('test-auth').querySelector('option[value="client-credentials"]')
  );
  ccOption.hidden = !sa?.plan;
  ccOption.disabled = !sa?.takes || Boolean(dictated);
  const basicOption = /** @type {HTMLOptionElement} */ ($('test-auth').querySelector('option[value="basic"]'));
  basicOption.hidden = basicOption.disabled = !passwordOffered(detection);
  const ccNote = $('test-cc-note');
  ccNote.hidden = !sa?.plan || sa.takes;
  ccNote.textContent = ccNote.hidden
    ? ''
    : t(lang, 'clientCredentialsUnsupported', { target: targetName(lang, target) });
  const client = method === 'client-credentials';
  const cloud = !client && (d?.hosting === 'cloud' || method === 'api-token' || plan?.login === 'email');
  const label = t(lang, client ? 'loginClientId' : cloud ? 'loginEmail' : 'loginUsername');
  $('test-login-label').textContent = method === 'pat' ? t(lang, 'loginOptional', { label }) : label;
  $('test-login', HTMLInputElement).type = cloud ? 'email' : 'text';
  $('test-login').dataset.optional = String(method === 'pat');
  // The secret's label follows the method in effect (the target's, the form's, or the plan's).
  /** @type {Record<string, string>} */
  const secretKeys = {
    pat: 'secretLabelPat',
    'api-token': 'secretLabelApiToken',
    basic: 'secretLabelPassword',
    'client-credentials': 'secretLabelClientSecret',
  };
  $('test-secret-label').textContent = t(lang, (method && secretKeys[method]) || 'secretLabel');

  const reveal = $('test-reveal');
  $('test-secret', HTMLInputElement).type = test.revealed ? 'text' : 'password';
  reveal.setAttribute('aria-pressed', String(test.revealed));
  reveal.textContent = t(lang, test.revealed ? 'hide' : 'reveal');
  reveal.setAttribute('aria-label', t(lang, 'revealLabel'));
  // A keyboard copy of the shown secret: cleared like a Copy button's, or said not to be.
  const keys = $('test-secret-copied');
  keys.hidden = !test.secretCopied;
  keys.textContent = test.secretCopied ? t(lang, test.secretCopied.key, test.secretCopied.vars ?? {}) : '';

  const run = $('test-run', HTMLButtonElement);
  // A page-only (provisional) detection gets no credential: the test waits for the REST answer.
  run.disabled = test.running || Boolean(detection.provisional);
  run.setAttribute('aria-busy', String(test.running));
  run.textContent = t(lang, test.running ? 'testRunning' : 'testRun');
  $('test-cancel').hidden = !test.running;
  // Beside the button: where the credential will be sent (SECURITY.md §7.1) — for a Cloud
  // service account, the family's authorization server and gateway, not the site.
  const via = sa?.origins?.gateway && sa.origins.auth ? sa.origins : null;
  $('test-origin').textContent = detection.provisional
    ? t(lang, 'testConfirming')
    : via
      ? t(lang, 'sendsToServiceAccount', { auth: via.auth ?? '', gateway: via.gateway ?? '' })
      : sendsTo
        ? t(lang, 'sendsTo', { origin: sendsTo })
        : t(lang, 'sendsNowhere');
  $('test-origin').dataset.origin = via ? `${via.auth} ${via.gateway}` : (sendsTo ?? '');
  // Named before anything is sent (issue 20 item 6); once the test's result names it
  // (`insecure_http`, with its fix), the result says it and this line goes: said once.
  const named = (test.result?.warnings ?? []).some((/** @type {Notice} */ w) => w.code === 'insecure_http');
  const plain = !detection.provisional && !via && sendsTo?.startsWith('http:') && !named;
  $('test-insecure').hidden = !plain;
  $('test-insecure').textContent = plain ? t(lang, 'sendsInsecure', { origin: sendsTo ?? '' }) : '';
  section.setAttribute('aria-busy', String(test.running));

  const error = $('test-error');
  error.hidden = !test.error;
  if (typeof test.error === 'string') error.textContent = t(lang, test.error);
  else if (test.error?.code === 'gateway_not_allowed') error.textContent = t(lang, 'gatewayDenied');
  else if (test.error?.code === 'host_not_allowed')
    error.textContent = t(lang, 'hostNotAllowed', { origin: test.error.message });
  else if (test.error) error.textContent = t(lang, 'testFailed', { message: test.error.message ?? test.error.code });
  renderProjectPicker(lang, test.projects, form.project, test.running);
  $('check').hidden = !test.result;
  if (test.result) renderCheck(lang, test.result, test.checklist);
  $('gateway').hidden = !gateway;
  $('gateway-try', HTMLButtonElement).disabled = test.running;
  $('gateway-denied').hidden = !(gateway && test.gatewayDenied);
}

/**
 * The projects the last test listed, plus "any project"; the current choice selected.
 * @param {string} lang
 * @param {ProjectRef[]} projects
 * @param {string} project  the form's project key
 * @param {boolean} running
 */
function renderProjectPicker(lang, projects, project, running) {
  $('project-pick-field').hidden = projects.length === 0;
  const pickList = $('project-pick', HTMLSelectElement);
  pickList.disabled = running;
  if (projects.length === 0) {
    pickList.replaceChildren();
    return;
  }
  const current = project.trim().toUpperCase();
  pickList.replaceChildren(
    el('option', { value: '' }, t(lang, 'projectAny')),
    ...projects.map((p) => el('option', { value: p.key }, p.name && p.name !== p.key ? `${p.key} — ${p.name}` : p.key)),
  );
  pickList.value = projects.find((p) => p.key.toUpperCase() === current)?.key ?? '';
}

/** @type {Record<string, string>} The core's checklist ids → the page's E2E hooks. */
const ITEM_TESTIDS = {
  reachable: 'check-reachable',
  authenticated: 'check-user',
  method: 'check-method',
  permissions: 'check-permissions',
  permissions_unknown: 'check-permissions-unknown',
};

/**
 * One line of the core's checklist (`report::check_checklist`, the report's own lines): ✓ or ✗
 * with `data-ok`, or a muted note for an `info` line.
 * @param {string} lang
 * @param {CheckItem} item
 */
function checklistItem(lang, item) {
  const testid = ITEM_TESTIDS[item.id] ?? `check-${item.id}`;
  const text = pick(lang, item.text);
  if (item.state === 'info') return el('li', { className: 'muted', dataset: { testid } }, text);
  const good = item.state === 'ok';
  return el(
    'li',
    { className: good ? 'good' : 'bad', dataset: { testid, ok: String(good) } },
    el('span', { className: 'mark', 'aria-hidden': 'true' }, good ? '✓' : '✗'),
    ' ',
    text,
  );
}

/**
 * @param {string} lang
 * @param {CheckResult} result
 * @param {CheckItem[]} checklist
 */
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
  const link = $('login-url', HTMLAnchorElement);
  const loginUrl = code === 'captcha_required' && httpOrigin(result.loginUrl ?? '') ? result.loginUrl : null;
  link.hidden = !loginUrl;
  if (loginUrl) {
    link.href = loginUrl;
    link.textContent = t(lang, 'solveCaptcha');
  } else {
    link.removeAttribute('href');
  }
  $('check-warnings').replaceChildren(
    ...(result.warnings ?? []).map((/** @type {Notice} */ w) =>
      el(
        'li',
        { dataset: { testid: `check-warning-${w.code}`, code: w.code } },
        el('strong', {}, pick(lang, w.title)),
        ' ',
        pick(lang, w.cause),
        w.fix ? el('p', { className: 'w-fix' }, pick(lang, w.fix)) : null,
      ),
    ),
  );
}
