// The one definition of the extension's message protocol: what the popup asks the service
// worker (a `{type: …}` union), what it answers, and the commands the service worker hands to
// the wasm core. The core commands mirror `Command` in src/protocol.rs (serde tag "type",
// camelCase fields); keep the two in step. No `chrome.*` here: pure data and validation.

// ---- popup → service worker ---------------------------------------------------------------

/**
 * @typedef {{type: 'detect_tab', tabId: number}} DetectTabRequest
 *   Detect what the tab shows (page snapshot + REST answers when allowed).
 * @typedef {{type: 'detect_url', url: string}} DetectUrlRequest
 *   Detect what a typed URL points to.
 * @typedef {'generic' | 'elma365' | 'avepoint-backup' | 'avepoint-restore' | 'issue-sync'} Target
 *   The integration the credential is for (mirror of `Target` in src/targets.rs).
 * @typedef {{login: string, secret: string, auth: 'auto' | 'api-token' | 'pat' | 'basic',
 *   target: Target, project: string | null, requiredPermissions: string[],
 *   gateway: string | null, timeoutMs: number, keyMaterial: number[] | null}} CheckInput
 *   (mirror of `CheckInput` in src/probe/input.rs). `gateway`: null, or `ATLASSIAN_GATEWAY` for
 *   a Cloud detection — nothing else (the service worker also needs the host permission for it).
 *   `keyMaterial`: at least 32 bytes from
 *   `crypto.getRandomValues`, as a plain array — required for `issue-sync` (its Local
 *   Authentication Key), since the core has no randomness.
 * @typedef {{type: 'check', detection: object, input: CheckInput}} CheckRequest
 *   Test a credential against the detected Jira. `detection` is the `Detection` the popup
 *   shows; `input.secret` lives only in memory (never stored, never logged).
 * @typedef {DetectTabRequest | DetectUrlRequest | CheckRequest | ReportRequest | CreatePatRequest} Request
 */

export const DETECT_TAB = 'detect_tab';
export const DETECT_URL = 'detect_url';
export const CHECK = 'check';
export const AUTH_CHOICES = ['auto', 'api-token', 'pat', 'basic'];
/** Every target, in menu order (`Target::ALL`). */
export const TARGETS = ['generic', 'elma365', 'avepoint-backup', 'avepoint-restore', 'issue-sync'];
/** Fewest random bytes the core takes for Issue Sync's key (`prepare` in src/probe/input.rs). */
export const MIN_KEY_MATERIAL = 32;
const MAX_KEY_MATERIAL = 1024;
/**
 * Atlassian's gateway for scoped Cloud API tokens (`auth_plan::CLOUD_GATEWAY`, facts §3.2): the
 * only value `CheckInput.gateway` may take besides null. The popup sets it only after the user
 * pressed "Test through api.atlassian.com" and granted the optional host permission for it;
 * the service worker checks that permission again before the core may contact it.
 */
export const ATLASSIAN_GATEWAY = 'https://api.atlassian.com';

/** @returns {DetectTabRequest} */
export const detectTab = (tabId) => ({ type: DETECT_TAB, tabId });
/** @returns {DetectUrlRequest} */
export const detectUrl = (url) => ({ type: DETECT_URL, url });

/** @returns {CheckRequest} */
export const checkRequest = (detection, input) => ({ type: CHECK, detection, input });

const isString = (v, max) => typeof v === 'string' && v.length <= max;
const isNullableString = (v, max) => v === null || v === undefined || isString(v, max);

/**
 * Validates a check request; the error never quotes the input (it may hold the secret).
 * @returns {{ok: true, request: CheckRequest} | {ok: false, error: ErrorInfo}}
 */
function validateCheck(msg) {
  const { detection, input } = msg;
  if (!detection || typeof detection !== 'object' || !detection.deployment || typeof detection.deployment !== 'object') {
    return invalid('check needs a detection with a deployment');
  }
  if (!input || typeof input !== 'object') return invalid('check needs an input object');
  if (!isString(input.secret, 4096) || input.secret.trim() === '') return invalid('check needs a non-empty secret');
  if (!isNullableString(input.login, 512)) return invalid('check: login must be a string');
  const auth = input.auth ?? 'auto';
  if (!AUTH_CHOICES.includes(auth)) return invalid('check: auth must be auto, api-token, pat or basic');
  if (!isNullableString(input.project, 255)) return invalid('check: project must be a string or null');
  const gateway = input.gateway ?? null;
  if (gateway !== null && gateway !== ATLASSIAN_GATEWAY) return invalid(`check: gateway must be null or ${ATLASSIAN_GATEWAY}`);
  if (gateway !== null && detection.deployment.hosting !== 'cloud') return invalid('check: a gateway is only for Jira Cloud');
  const perms = input.requiredPermissions ?? [];
  if (!Array.isArray(perms) || perms.length > 64 || !perms.every((p) => isString(p, 128))) {
    return invalid('check: requiredPermissions must be a list of permission keys');
  }
  const target = input.target ?? 'generic';
  if (!TARGETS.includes(target)) return invalid(`check: target must be one of ${TARGETS.join(', ')}`);
  const key = input.keyMaterial ?? null;
  if (key !== null && (!Array.isArray(key) || key.length < MIN_KEY_MATERIAL || key.length > MAX_KEY_MATERIAL
    || !key.every((b) => Number.isInteger(b) && b >= 0 && b <= 255))) {
    return invalid(`check: keyMaterial must be ${MIN_KEY_MATERIAL}–${MAX_KEY_MATERIAL} bytes (integers 0–255)`);
  }
  if (target === 'issue-sync' && key === null) {
    return invalid(`check: issue-sync needs keyMaterial (${MIN_KEY_MATERIAL} bytes from crypto.getRandomValues)`);
  }
  const timeoutMs = input.timeoutMs ?? 10_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120_000) {
    return invalid('check: timeoutMs must be an integer between 100 and 120000');
  }
  const project = typeof input.project === 'string' && input.project.trim() !== '' ? input.project.trim() : null;
  return {
    ok: true,
    request: checkRequest(detection, {
      login: (input.login ?? '').trim(),
      secret: input.secret,
      auth,
      target,
      project,
      requiredPermissions: [...perms],
      gateway,
      timeoutMs,
      keyMaterial: key === null ? null : [...key],
    }),
  };
}

/**
 * Checks a message received by the service worker.
 * @returns {{ok: true, request: Request} | {ok: false, error: ErrorInfo}}
 */
export function validateRequest(msg) {
  if (!msg || typeof msg !== 'object') return invalid('not an object');
  switch (msg.type) {
    case DETECT_TAB:
      return Number.isInteger(msg.tabId) && msg.tabId >= 0
        ? { ok: true, request: detectTab(msg.tabId) }
        : invalid('detect_tab needs an integer tabId');
    case DETECT_URL:
      return typeof msg.url === 'string' && msg.url.trim() !== '' && msg.url.length <= 8192
        ? { ok: true, request: detectUrl(msg.url.trim()) }
        : invalid('detect_url needs a url string');
    case CHECK:
      return validateCheck(msg);
    case REPORT:
      return validateReport(msg);
    case CREATE_PAT:
      return validateCreatePat(msg);
    default:
      return invalid(`unknown type ${JSON.stringify(String(msg.type)).slice(0, 64)}`);
  }
}

// ---- service worker → popup ---------------------------------------------------------------

/**
 * @typedef {Record<string, any>} CoreData
 *   Plain data as the core wrote it (a `Detection`, a `CheckResult`, …): its form is the core's
 *   (src/json/forms/) and is not repeated here; the shell reads only the fields it shows.
 */

/**
 * @typedef {'bad_message' | 'tab_unreadable' | 'invalid_url' | 'gateway_not_allowed' | 'core' | 'internal'} ErrorCode
 *   `gateway_not_allowed`: a check asked for the gateway without the host permission for it.
 * @typedef {{code: ErrorCode, message: string}} ErrorInfo
 * @typedef {{ok: true, origin: string, allowFetch: boolean, detection: CoreData}} DetectReply
 *   `origin`: the origin whose host permission was checked (`https://host[:port]`);
 *   `allowFetch`: whether the core could ask that origin's REST API;
 *   `detection`: the core's `Detection` (src/detect/mod.rs), texts as `{en, ru}` pairs.
 * @typedef {{ok: false, error: ErrorInfo}} ErrorReply
 * @typedef {{ok: true, result: object, checklist: object[]}} CheckReply
 *   `result`: the core's `CheckResult` (src/probe/mod.rs); it holds no secret.
 *   `checklist`: the core's checklist of that result (`report::CheckItem`s, the report's own
 *   lines), which the popup shows.
 * @typedef {DetectReply | CheckReply | ReportReply | CreatePatReply | ErrorReply} Reply
 */

/** The wasm `check` answer (`protocol::CheckOutput`) as a reply. @returns {CheckReply} */
export const checkReply = ({ result, checklist }) => ({ ok: true, result, checklist });

/** @returns {DetectReply} */
export const detectReply = (origin, allowFetch, detection) => ({ ok: true, origin, allowFetch, detection });
/**
 * @param {ErrorCode} code
 * @param {unknown} message  shown as `String(message)`
 * @returns {ErrorReply}
 */
export const errorReply = (code, message) => ({ ok: false, error: { code, message: String(message) } });

/** @returns {ErrorReply} */
const invalid = (why) => ({ ok: false, error: { code: 'bad_message', message: why } });

// ---- service worker → wasm core (mirror of src/protocol.rs `Command`) ----------------------

/**
 * @typedef {{allowFetch: boolean, timeoutMs?: number}} DetectOptions  (`DetectOptions`)
 * @typedef {{type: 'detect_page', snapshot: object, options: DetectOptions}} DetectPageCommand
 * @typedef {{type: 'detect_url', url: string, options: DetectOptions}} DetectUrlCommand
 * @typedef {{type: 'check', detection: object, input: CheckInput}} CheckCommand  (`Check`)
 * @typedef {DetectPageCommand | DetectUrlCommand | CheckCommand} CoreCommand
 */

/** @returns {CheckCommand} */
export const checkCommand = (detection, input) => ({ type: 'check', detection, input });

/** @returns {DetectPageCommand} */
export const detectPageCommand = (snapshot, allowFetch) => ({
  type: 'detect_page',
  snapshot,
  options: { allowFetch },
});
/** @returns {DetectUrlCommand} */
export const detectUrlCommand = (url, allowFetch) => ({
  type: 'detect_url',
  url,
  options: { allowFetch },
});

// ---- helpers shared by both sides ---------------------------------------------------------

/** Host names a Jira can have: DNS labels (IDNs arrive punycoded) or an IP literal. */
const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?)$/i;

/**
 * `scheme://host[:port]` of an http(s) URL, or `null` for anything else (chrome://, file:, …).
 * Stricter than `new URL`: Chromium's parser accepts `https://not a url` (host `not%20a%20url`).
 */
export function httpOrigin(url) {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return HOST.test(u.hostname) ? u.origin : null;
  } catch {
    return null;
  }
}

// ---- diagnostic reports (popup → service worker → core `Command::Report`) -----------------

/**
 * @typedef {{kind: 'check', result: object, login: string} | {kind: 'detection', detection: object}} ReportSubject
 *   What the report is about: the core's `CheckResult` with the login that was tried (a login
 *   is not a secret), or a `Detection` (mirror of `report::OwnedSubject` in src/report/mod.rs).
 * @typedef {{type: 'report', subject: ReportSubject}} ReportRequest
 *   Build the redacted report. The service worker adds the meta (version, browser, time).
 * @typedef {{tool: 'extension', version: string, environment: string, generatedAt: string}} ReportMeta
 * @typedef {{type: 'report', subject: ReportSubject, meta: ReportMeta}} ReportCommand  (`Report`)
 * @typedef {{ok: true, rendered: {report: object, json: string, markdown: {en: string, ru: string},
 *   fileName: string}}} ReportReply  (`report::Rendered`)
 */

export const REPORT = 'report';

/** @returns {ReportRequest} */
export const reportRequest = (subject) => ({ type: REPORT, subject });
/** @returns {ReportReply} */
export const reportReply = (rendered) => ({ ok: true, rendered });
/** @returns {ReportCommand} */
export const reportCommand = (subject, meta) => ({ type: REPORT, subject, meta });

/**
 * Validates a report request: a check result or a detection, as the core returned them.
 * @returns {{ok: true, request: ReportRequest} | ErrorReply}
 */
function validateReport(msg) {
  const s = msg.subject;
  if (!s || typeof s !== 'object') return invalid('report needs a subject');
  if (s.kind === 'check') {
    const r = s.result;
    if (!r || typeof r !== 'object' || !r.deployment || !r.verdict || !Array.isArray(r.requests)) {
      return invalid('report: subject.result must be a check result');
    }
    if (!isNullableString(s.login, 512)) return invalid('report: subject.login must be a string');
    return { ok: true, request: reportRequest({ kind: 'check', result: r, login: (s.login ?? '').trim() }) };
  }
  if (s.kind === 'detection') {
    const d = s.detection;
    if (!d || typeof d !== 'object' || !d.deployment || !Array.isArray(d.requests)) {
      return invalid('report: subject.detection must be a detection');
    }
    return { ok: true, request: reportRequest({ kind: 'detection', detection: d }) };
  }
  return invalid('report: subject.kind must be check or detection');
}

// ---- one-click personal access token (popup → service worker → core `Command::CreatePat`) --

/**
 * @typedef {{type: 'create_pat', detection: object, name: string, expirationDays: number | null}} CreatePatRequest
 *   Create a PAT on the detected Jira Server/DC ≥ 8.14 with the user's browser session (the one
 *   request sent with cookies). Only after the user confirmed it in the popup.
 * @typedef {{name: string, expirationDays: number | null, timeoutMs: number}} CreateInput
 *   (mirror of `pat::CreateInput` in src/pat.rs)
 * @typedef {{type: 'create_pat', detection: object, input: CreateInput}} CreatePatCommand  (`CreatePat`)
 * @typedef {{ok: true, created: {outcome: object, ok: boolean, token: object | null,
 *   tokenPageUrl: string, requests: object[]}}} CreatePatReply  (`pat::CreateResult`)
 *   `created.token.rawToken` is the new secret: shown once, never stored, never logged.
 */

export const CREATE_PAT = 'create_pat';
/** Longest token name and expiry Jira takes by default (src/pat.rs, facts §3.3). */
export const PAT_MAX_NAME = 40;
export const PAT_MAX_DAYS = 365;

/** @returns {CreatePatRequest} */
export const createPatRequest = (detection, name, expirationDays) => ({ type: CREATE_PAT, detection, name, expirationDays });
/** @returns {CreatePatReply} */
export const createPatReply = (created) => ({ ok: true, created });
/** @returns {CreatePatCommand} */
export const createPatCommand = (detection, name, expirationDays) => ({
  type: CREATE_PAT,
  detection,
  input: { name, expirationDays, timeoutMs: 15_000 },
});

/** @returns {{ok: true, request: CreatePatRequest} | ErrorReply} */
function validateCreatePat(msg) {
  const { detection, name, expirationDays } = msg;
  if (!detection || typeof detection !== 'object' || !detection.deployment) return invalid('create_pat needs a detection');
  if (typeof name !== 'string' || name.trim() === '' || name.trim().length > PAT_MAX_NAME) {
    return invalid(`create_pat: name must be 1 to ${PAT_MAX_NAME} characters`);
  }
  const days = expirationDays ?? null;
  if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= PAT_MAX_DAYS)) {
    return invalid(`create_pat: expirationDays must be 1 to ${PAT_MAX_DAYS}, or null`);
  }
  return { ok: true, request: createPatRequest(detection, name.trim(), days) };
}
