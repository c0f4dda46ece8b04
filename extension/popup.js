// The popup: asks the service worker to detect the active tab (or a typed URL) and shows the
// core's answer. View only — every decision (what the site is, which token, which steps,
// which warnings) comes from the core; this file picks the language and lays it out. The
// whole view is re-rendered from `state`, so the EN/RU switch needs no new detection.

import {
  activeTab,
  extensionVersion,
  openTab,
  requestOrigin,
  saveLanguage,
  savedLanguage,
  sendMessage,
  uiLanguage,
} from './browser.js';
import { MIN_KEY_MATERIAL, TARGETS, checkRequest, detectTab, detectUrl, errorReply, httpOrigin } from './protocol.js';
import { initPatCreate, renderPatCreate } from './popup-pat.js';
import { renderReportActions } from './popup-report.js';
import { copyText, hasSecretField, renderSnippet } from './snippet-view.js';
import { LANGS, langFromTag, pick, t } from './ui-strings.js';

const $ = (id) => document.getElementById(id);

const state = {
  lang: 'en',
  /** @type {'loading' | 'ready' | 'error'} */
  phase: 'loading',
  /** @type {import('./protocol.js').Reply | null} */
  reply: null,
  /** The last request, to re-run after access was granted. */
  last: null,
  /** A UI-strings key shown under the warnings (e.g. access denied), or null. */
  flash: null,
  /** The token test. Holds no secret: the secret is read from its field at click time only. */
  test: {
    /** The detection the form was prefilled for (a new detection resets the form). */
    detection: null,
    running: false,
    /** The core's `CheckResult`, or null. */
    result: null,
    /** An ErrorInfo when the test could not run, or a UI-strings key (string). */
    error: null,
    revealed: false,
    /** Projects the last test listed (kept while a re-test runs), for the project picker. */
    projects: [],
    /** The snippet shows the secret (the user pressed its reveal toggle). */
    snippetRevealed: false,
    /** The last copy's outcome: `{key, vars}` (UI strings), or null. */
    copied: null,
  },
};

/**
 * The secret of the test whose connection block is shown — in this page's memory only (never
 * in `state`, the DOM, storage or a message other than `check`), so the block can be copied
 * with it while revealed. Dropped by a new detection, a new test or another target.
 */
let heldSecret = null;

/** Permissions asked for besides the target's own (its profile in src/targets.rs names them). */
const REQUIRED_PERMISSIONS = [];
const TEST_TIMEOUT_MS = 10_000;

/** Target → UI-strings key of its name. */
const TARGET_KEYS = {
  generic: 'targetGeneric',
  elma365: 'targetElma365',
  'avepoint-backup': 'targetAvepointBackup',
  'avepoint-restore': 'targetAvepointRestore',
  'issue-sync': 'targetIssueSync',
};

/** The method a target sends whatever the form says (`Profile::wire_auth`), or null. */
function targetMethod(target, deployment) {
  if (target === 'elma365') return deployment?.hosting === 'cloud' ? 'api-token' : 'basic';
  if (target === 'avepoint-backup' || target === 'avepoint-restore') return 'api-token';
  return null;
}

const METHOD_KEYS = { 'api-token': 'methodApiToken', pat: 'methodPat', basic: 'methodBasic' };

// ---- actions ------------------------------------------------------------------------------

async function run(request) {
  state.last = request;
  state.phase = 'loading';
  render();
  try {
    state.reply = (await sendMessage(request)) ?? errorReply('internal', 'no reply');
  } catch (err) {
    state.reply = errorReply('internal', err?.message ?? err);
  }
  state.phase = state.reply.ok ? 'ready' : 'error';
  render();
}

async function detectActiveTab() {
  const tab = await activeTab().catch(() => undefined);
  if (tab?.id === undefined) {
    state.reply = errorReply('tab_unreadable', 'no active tab');
    state.phase = 'error';
    render();
    return;
  }
  await run(detectTab(tab.id));
}

/** Click on "Allow access to <origin>": the request must start inside the click handler. */
function allowAccess(origin) {
  requestOrigin(origin).then(
    (granted) => {
      state.flash = granted ? null : 'accessDenied';
      if (granted && state.last) run(state.last);
      else render();
    },
    () => {
      state.flash = 'accessDenied';
      render();
    },
  );
}

function submitUrl(event) {
  event.preventDefault();
  let typed = $('url-input').value.trim();
  if (typed && !/^[a-z][a-z0-9+.-]*:/i.test(typed)) typed = `https://${typed}`;
  const origin = httpOrigin(typed);
  const error = $('url-error');
  if (!origin) {
    error.textContent = t(state.lang, 'urlInvalid');
    error.hidden = false;
    return;
  }
  error.hidden = true;
  // Ask for the origin first, still inside the submit gesture; detect only with access.
  requestOrigin(origin).then(
    (granted) => {
      if (granted) return run(detectUrl(typed));
      error.textContent = t(state.lang, 'accessDenied');
      error.hidden = false;
    },
    (err) => {
      error.textContent = t(state.lang, 'failed', { message: err?.message ?? err });
      error.hidden = false;
    },
  );
}

/** Test click: reads the form, sends `check` to the service worker, shows the `CheckResult`. */
async function runTest(event) {
  event.preventDefault();
  const test = state.test;
  const detection = test.detection;
  if (test.running || !detection) return;
  const secretField = $('test-secret');
  if (secretField.value.trim() === '') {
    test.error = 'secretMissing';
    test.result = null;
    render();
    secretField.focus();
    return;
  }
  const project = $('test-project').value.trim();
  const target = TARGETS.includes($('test-target').value) ? $('test-target').value : 'generic';
  const secret = secretField.value;
  const request = checkRequest(detection, {
    login: $('test-login').value.trim(),
    secret,
    auth: $('test-auth').value,
    target,
    project: project || null,
    requiredPermissions: REQUIRED_PERMISSIONS,
    gateway: null,
    timeoutMs: TEST_TIMEOUT_MS,
    // The core has no randomness: Issue Sync's Local Authentication Key comes from these.
    keyMaterial: target === 'issue-sync' ? Array.from(crypto.getRandomValues(new Uint8Array(MIN_KEY_MATERIAL))) : null,
  });
  test.running = true;
  test.error = null;
  test.result = null;
  test.snippetRevealed = false;
  test.copied = null;
  heldSecret = null;
  render();
  let reply;
  try {
    reply = (await sendMessage(request)) ?? errorReply('internal', 'no reply');
  } catch (err) {
    reply = errorReply('internal', err?.message ?? err);
  }
  // Drop our reference to the secret; the field keeps it so the user can edit and re-test.
  request.input.secret = '';
  if (state.test !== test || test.detection !== detection) return; // a new detection came
  test.running = false;
  if (reply.ok && reply.result) {
    test.result = reply.result;
    test.login = request.input.login; // for the report: a login is not a secret
    test.projects = reply.result.projects ?? [];
    // Kept only to fill the block's secret field on reveal.
    if (hasSecretField(reply.result.snippet)) heldSecret = secret;
  } else {
    test.error = reply.error ?? { code: 'internal', message: 'no result' };
  }
  render();
}

/** Another target: the last result (and the secret held for its block) no longer applies. */
function changeTarget() {
  const test = state.test;
  if (!test.running) {
    test.result = null;
    test.error = null;
    test.projects = [];
    test.copied = null;
    heldSecret = null;
  }
  render();
}

/** A project chosen in the picker: put it in the form and test again. */
function pickProject() {
  if (state.test.running) return;
  $('test-project').value = $('project-pick').value;
  $('test-form').requestSubmit();
}

function toggleSnippetReveal() {
  state.test.snippetRevealed = !state.test.snippetRevealed;
  state.test.copied = null;
  render();
}

/**
 * A copy button in the connection block. Writes to the clipboard straight from the click (a
 * user gesture); the secret goes along only while the block is revealed.
 */
function copySnippet(event) {
  const button = event.target.closest('button[data-copy]');
  const test = state.test;
  const snippet = test.result?.snippet;
  if (!button || !snippet) return;
  const secret = test.snippetRevealed ? heldSecret : null;
  const text = copyText(snippet, state.lang, button.dataset.copy, button.dataset.key, secret);
  navigator.clipboard.writeText(text).then(
    () => {
      test.copied = { key: secret && text.includes(secret) ? 'copiedSecret' : 'copied' };
      render();
    },
    (err) => {
      test.copied = { key: 'copyFailed', vars: { message: err?.message ?? err } };
      render();
    },
  );
}

function toggleReveal() {
  state.test.revealed = !state.test.revealed;
  render();
}

async function setLanguage(lang) {
  if (!LANGS.includes(lang)) return;
  state.lang = lang;
  render();
  await saveLanguage(lang).catch(() => {});
}

// ---- rendering ----------------------------------------------------------------------------

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k in node) node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function renderStatic(lang) {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(lang, node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
    node.placeholder = t(lang, node.dataset.i18nPlaceholder);
  }
  for (const node of document.querySelectorAll('[data-i18n-aria-label]')) {
    node.setAttribute('aria-label', t(lang, node.dataset.i18nAriaLabel));
  }
  for (const btn of document.querySelectorAll('[data-lang]')) {
    btn.setAttribute('aria-pressed', String(btn.dataset.lang === lang));
  }
}

function render() {
  const { lang, phase, reply } = state;
  renderStatic(lang);
  const app = $('app');
  app.dataset.state = phase;
  app.setAttribute('aria-busy', String(phase === 'loading'));

  const status = $('status');
  status.hidden = phase === 'ready';
  status.classList.toggle('error', phase === 'error');
  if (phase === 'loading') status.textContent = t(lang, 'detecting');
  else if (phase === 'error') status.textContent = errorText(lang, reply.error);

  const detection = phase === 'ready' ? reply.detection : null;
  $('result').hidden = !detection;
  const isJira = detection?.deployment?.product === 'jira';
  $('url-form').hidden = phase === 'loading' || isJira;
  if (detection) renderDetection(lang, detection, reply.origin);
  renderPatCreate(lang, detection, Boolean(reply?.allowFetch));
  renderTokenTest(lang, detection, Boolean(reply?.allowFetch));
}

/** A token the popup just created (popup-pat.js): test it as a personal access token. */
function testCreatedToken(token) {
  $('test-auth').value = 'pat';
  $('test-secret').value = token;
  render();
  $('test-form').requestSubmit();
}

function errorText(lang, error) {
  if (error?.code === 'tab_unreadable') return t(lang, 'tabUnreadable');
  return t(lang, 'failed', { message: error?.message ?? '?' });
}

function renderDetection(lang, detection, origin) {
  const d = detection.deployment;
  $('summary').textContent = pick(lang, d.summary);
  $('app').dataset.product = d.product;
  renderWarnings(lang, detection.warnings ?? [], origin);
  renderPlan(lang, detection.authPlan);
  renderDetails(lang, d);
}

function renderWarnings(lang, warnings, origin) {
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
        btn.addEventListener('click', () => allowAccess(origin));
        item.append(btn);
        if (state.flash) item.append(el('p', { className: 'error', role: 'alert' }, t(lang, state.flash)));
      }
      return item;
    }),
  );
  $('warnings-box').hidden = warnings.length === 0;
}

function renderPlan(lang, plan) {
  $('plan').hidden = !plan;
  if (!plan) return;
  $('method').textContent = t(lang, METHOD_KEYS[plan.method] ?? plan.method);
  $('method').dataset.method = plan.method;
  const alternatives = (plan.alternatives ?? []).map((m) => t(lang, METHOD_KEYS[m] ?? m));
  $('alternatives').hidden = alternatives.length === 0;
  $('alternatives').textContent = t(lang, 'alsoWorks', { methods: alternatives.join('; ') });
  const url = plan.tokenPageUrl;
  const button = $('token-page');
  button.hidden = !url;
  button.textContent = t(lang, 'openTokenPage');
  button.dataset.url = url ?? '';
  $('token-page-url').hidden = !url;
  $('token-page-url').textContent = url ?? '';
  $('steps').replaceChildren(...(plan.steps ?? []).map((s) => el('li', {}, pick(lang, s))));
  $('notes').replaceChildren(...(plan.notes ?? []).map((n) => el('li', {}, pick(lang, n))));
  $('notes-box').hidden = (plan.notes ?? []).length === 0;
}

function renderDetails(lang, d) {
  const rows = [];
  const row = (key, value) => {
    if (value === null || value === undefined || value === '') return;
    rows.push(el('dt', {}, t(lang, key)), el('dd', { dataset: { testid: `detail-${key}` } }, String(value)));
  };
  const selfManaged = d.hosting === 'self-managed';
  row('hosting', d.hosting === 'cloud' ? t(lang, 'hostingCloud') : selfManaged ? t(lang, 'hostingSelfManaged') : null);
  if (selfManaged) row('edition', t(lang, d.edition === 'data-center' ? 'editionDataCenter' : 'editionUnknown'));
  if (d.hosting !== 'cloud') row('version', d.version);
  row('build', d.buildNumber);
  row('baseUrl', d.baseUrl);
  if (selfManaged && d.contextPath !== null && d.contextPath !== undefined) {
    row('contextPath', d.contextPath || t(lang, 'contextRoot'));
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

// ---- token test ---------------------------------------------------------------------------

/** A detection worth testing a credential against: Jira, or a site that may be Jira. */
const testable = (detection) => Boolean(detection && (detection.deployment?.product === 'jira' || detection.authPlan));

function renderTokenTest(lang, detection, allowFetch) {
  const section = $('token-test');
  const show = testable(detection) && allowFetch;
  section.hidden = !show;
  const test = state.test;
  if (!show) return;
  if (test.detection !== detection) {
    // A new detection: prefill the login from the logged-in user, forget the last result.
    state.test = {
      detection, running: false, result: null, error: null, revealed: test.revealed,
      projects: [], snippetRevealed: false, copied: null,
    };
    heldSecret = null;
    $('test-login').value = detection.deployment?.user?.name ?? '';
    $('test-project').value = '';
    $('test-auth').value = 'auto';
  }
  const t2 = state.test;
  const d = detection.deployment;
  const plan = detection.authPlan;
  const target = $('test-target').value;
  const dictated = targetMethod(target, d);
  const authSelect = $('test-auth');
  authSelect.disabled = Boolean(dictated);
  const note = $('test-auth-note');
  note.hidden = !dictated;
  if (dictated) {
    note.textContent = t(lang, 'authSetByTarget', {
      target: t(lang, TARGET_KEYS[target]),
      method: t(lang, METHOD_KEYS[dictated]),
    });
  }
  const choice = authSelect.value;
  const method = dictated ?? (choice === 'auto' ? plan?.method : choice);
  const cloud = d?.hosting === 'cloud' || method === 'api-token' || plan?.login === 'email';
  const label = t(lang, cloud ? 'loginEmail' : 'loginUsername');
  $('test-login-label').textContent = method === 'pat' ? t(lang, 'loginOptional', { label }) : label;
  $('test-login').type = cloud ? 'email' : 'text';

  const reveal = $('test-reveal');
  $('test-secret').type = t2.revealed ? 'text' : 'password';
  reveal.setAttribute('aria-pressed', String(t2.revealed));
  reveal.textContent = t(lang, t2.revealed ? 'hide' : 'reveal');
  reveal.setAttribute('aria-label', t(lang, 'revealLabel'));

  const run = $('test-run');
  run.disabled = t2.running;
  run.setAttribute('aria-busy', String(t2.running));
  run.textContent = t(lang, t2.running ? 'testRunning' : 'testRun');
  section.setAttribute('aria-busy', String(t2.running));

  const error = $('test-error');
  error.hidden = !t2.error;
  if (t2.error) {
    error.textContent = typeof t2.error === 'string'
      ? t(lang, t2.error)
      : t(lang, 'testFailed', { message: t2.error.message ?? t2.error.code });
  }
  renderProjectPicker(lang, t2);
  $('check').hidden = !t2.result;
  if (t2.result) renderCheck(lang, t2.result);
  renderReportActions(lang, t2.result, t2.login);
  renderSnippet(lang, t2.result?.snippet ?? null, {
    revealed: t2.snippetRevealed,
    secret: heldSecret,
    status: t2.copied,
  });
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

/** `Jane Doe (jdoe)`: the display name and the login Jira knows the account by. */
function who(user) {
  if (!user) return null;
  const id = user.name || user.emailAddress || user.accountId;
  if (user.displayName && id) return `${user.displayName} (${id})`;
  return user.displayName || id || null;
}

function renderCheck(lang, result) {
  const code = result.verdict?.code ?? 'unexpected_response';
  const items = [];
  const item = (testid, good, text) => {
    items.push(el('li', { className: good ? 'good' : 'bad', dataset: { testid, ok: String(good) } },
      el('span', { className: 'mark', 'aria-hidden': 'true' }, good ? '✓' : '✗'), ' ', text));
  };
  const reachable = !['unreachable', 'timeout', 'not_jira'].includes(code)
    && (result.requests ?? []).some((r) => r.outcome === 'response' || r.outcome === 'redirect');
  item('check-reachable', reachable, t(lang, reachable ? 'reachable' : 'unreachable'));
  const name = who(result.user);
  item('check-user', Boolean(name), name ? t(lang, 'authenticatedAs', { who: name }) : t(lang, 'notAuthenticated'));
  const scheme = result.scheme ? (result.scheme === 'bearer' ? 'Bearer' : 'Basic') : null;
  const methodName = result.authMethod ? t(lang, METHOD_KEYS[result.authMethod] ?? result.authMethod) : null;
  item('check-method', Boolean(scheme) && Boolean(name),
    scheme ? t(lang, 'sentAs', { scheme: methodName ? `${scheme} — ${methodName}` : scheme }) : t(lang, 'notSent'));
  const p = result.permissions;
  if (!p) {
    item('check-permissions', false, t(lang, 'permissionsNotChecked'));
  } else {
    const inProject = (text) => (p.project ? t(lang, 'inProject', { text, project: p.project }) : text);
    if ((p.missing ?? []).length) {
      const names = p.missing.map((m) => `${m.name} (${m.key})`).join(', ');
      item('check-permissions', false, inProject(t(lang, 'permissionsMissing', { names })));
    } else if ((p.checked ?? []).length) {
      item('check-permissions', true, inProject(t(lang, 'permissionsOk', { keys: p.checked.join(', ') })));
    } else {
      item('check-permissions', false, t(lang, 'permissionsNotChecked'));
    }
    if ((p.unknown ?? []).length) {
      items.push(el('li', { className: 'muted', dataset: { testid: 'check-permissions-unknown' } },
        t(lang, 'permissionsUnknown', { keys: p.unknown.join(', ') })));
    }
  }
  $('checklist').replaceChildren(...items);

  const v = result.verdict ?? {};
  $('verdict').dataset.ok = String(Boolean(v.ok));
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

// ---- start --------------------------------------------------------------------------------

for (const btn of document.querySelectorAll('[data-lang]')) {
  btn.addEventListener('click', () => setLanguage(btn.dataset.lang));
}
$('token-page').addEventListener('click', (e) => {
  const url = e.currentTarget.dataset.url;
  if (url) openTab(url).then(() => window.close(), () => {});
});
$('url-form').addEventListener('submit', submitUrl);
$('test-form').addEventListener('submit', runTest);
$('test-reveal').addEventListener('click', toggleReveal);
$('test-auth').addEventListener('change', () => render());
$('test-target').addEventListener('change', changeTarget);
$('project-pick').addEventListener('change', pickProject);
$('snippet-reveal').addEventListener('click', toggleSnippetReveal);
$('snippet').addEventListener('click', copySnippet);
initPatCreate({ onToken: testCreatedToken });
$('version').textContent = `v${extensionVersion()}`;

(async () => {
  const saved = await savedLanguage().catch(() => undefined);
  state.lang = LANGS.includes(saved) ? saved : langFromTag(uiLanguage());
  render();
  await detectActiveTab();
})();
