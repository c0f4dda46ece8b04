// The wizard's render: from the state (state.js) it computes what is shown — the detection,
// the plan in effect, the token test, the steps' progress and the next action — and hands each
// view its slice. The steps' progress is computed here from the same values the views are given
// (`model`), never read back from the page; the actions ask `model` which step a change
// opens. The secrets come beside the state (state.js `secrets`), for the two views that show
// them.

import { facts, methodName, targetMethod } from '../facts.js';
import { credentialOrigin, familyOf } from '../protocol.js';
import { pick, t } from '../ui-strings.js';
import { renderClipboardNotes } from './views/clipboard-note.js';
import { renderDetection, renderIntegration } from './views/detection.js';
import { renderFrame } from './views/frame.js';
import { offeredDate } from './expiry.js';
import { renderPat } from './views/pat.js';
import { renderExpiryAsk, renderRememberOffer, renderRemembered } from './views/remember.js';
import { renderReport } from './views/report.js';
import { renderServerCheck } from './views/server-check.js';
import { renderSnippet } from './views/snippet.js';
import { renderSteps } from './views/steps.js';
import { renderTest } from './views/test.js';
import { serviceAccount } from './service-account.js';
/** @import { DetectReply } from '../protocol.js' */
/** @import { Detection } from '../pkg/jira_token_wizard.js' */
/** @import { State, Step } from './state.js' */

/** The steps in order. */
export const STEPS = /** @type {const} */ (['detect', 'token', 'test', 'connect']);

/** A detection worth testing a credential against: Jira, or a site that may be Jira. */
const testable = (/** @type {Detection} */ detection) =>
  detection.deployment?.product === 'jira' || Boolean(detection.authPlan);

/** The core's id for the gateway's `/myself` request (`GATEWAY_MYSELF`, src/probe/mod.rs). */
const GATEWAY_MYSELF = 'gateway_myself';

/**
 * What the state shows, computed once per render; `progress` and the views read only this.
 * @param {State} state
 * @param {{tested: string | null, created: string | null}} secrets
 */
export function model(state, secrets) {
  const { phase } = state;
  const reply = state.reply?.ok ? /** @type {DetectReply} */ (state.reply) : null;
  const detection = reply && (phase === 'ready' || phase === 'provisional') ? reply.detection : null;
  const allowFetch = Boolean(reply?.allowFetch);
  const canTest = Boolean(detection && testable(detection) && allowFetch);
  const target = detection ? (state.form.target ?? facts().targets[0]?.id ?? 'generic') : 'generic';
  const test = canTest ? state.test : null;
  const result = test?.result ?? null;
  // A token test that changed the plan (it works only through the gateway) replaces its steps.
  const replanned = detection && state.test.detection === detection ? (state.test.result?.authPlan ?? null) : null;
  const own = detection?.targetPlans?.find((p) => p.target === target)?.plan ?? null;
  // The method the test sends: the target's, else the form's, else the plan's.
  const dictated = detection ? targetMethod(target, detection.deployment?.hosting) : null;
  // A service account's client credentials: their own plan, where offered (service-account.js).
  const sa = detection ? serviceAccount(detection, target, state.form.auth, Boolean(dictated)) : null;
  const plan = detection ? (replanned ?? (sa?.active ? sa.plan : null) ?? own ?? detection.authPlan ?? null) : null;
  // Never on the page's word alone, and only for a Jira read from its tab: the POST goes out
  // from that tab, so a typed address (another tab's page) gets no offer.
  const fromTab = state.last?.request.type === 'detect_tab' && state.page.tabId !== null;
  const pat = Boolean(detection && plan?.oneClickPat && allowFetch && phase === 'ready' && fromTab);
  const auth = sa?.auth ?? state.form.auth;
  /** @type {string | null} */
  const method = dictated ?? (auth === 'auto' ? (plan?.method ?? null) : auth);
  const snippet = result?.snippet ?? null;
  const works = Boolean(result?.verdict?.ok);
  const gateway =
    Boolean(result?.gatewayOffer) &&
    !state.test.gatewayTried &&
    !(result?.requests ?? []).some((r) => r.id === GATEWAY_MYSELF);
  /** @type {Record<Step, boolean>} */
  const available = {
    detect: Boolean(detection),
    token: Boolean(plan) || pat,
    test: canTest,
    connect: canTest && Boolean(snippet),
  };
  /** @type {Record<Step, boolean>} */
  const done = {
    // Not waiting for the confirmation: the first paint opens the same step the confirmed
    // detection does, so a slow Jira does not flip the layout (the test still waits for it).
    detect: Boolean(detection) && canTest,
    token: Boolean(result),
    test: works,
    connect: works && Boolean(state.test.copied),
  };
  const current =
    STEPS.find((s) => available[s] && !done[s]) ?? [...STEPS].reverse().find((s) => available[s]) ?? 'detect';
  return {
    reply,
    detection,
    allowFetch,
    canTest,
    target,
    own: Boolean(own),
    test,
    result,
    plan,
    replanned: Boolean(replanned),
    pat,
    dictated,
    auth,
    sa,
    method,
    patToken: pat ? secrets.created : null,
    snippet,
    works,
    gateway,
    available,
    done,
    current,
    running: Boolean(test?.running),
  };
}

/** @typedef {ReturnType<typeof model>} Model */

/**
 * A folded step's one line, from what its view shows.
 * @param {string} lang
 * @param {Step} step
 * @param {Model} m
 */
function summaryOf(lang, step, m) {
  switch (step) {
    case 'detect':
      return String(m.detection?.deployment?.baseUrl ?? '');
    case 'token':
      return m.plan ? (m.plan.unsupported ? t(lang, 'planUnsupported') : methodName(lang, m.plan.method)) : '';
    case 'test':
      return m.result ? pick(lang, m.result.verdict?.title) : '';
    case 'connect':
      return m.snippet ? pick(lang, m.snippet.title) : '';
    default:
      return '';
  }
}

/**
 * The remembered connections' three views (views/remember.js): step 2's expiry question for a
 * token that expires, step 4's opt-in after a test that worked, the list.
 * @param {State} state
 * @param {Model} m
 */
function renderRememberViews(state, m) {
  const { lang, remember: rs } = state;
  const origin = m.reply?.origin ?? null;
  const expires = m.plan?.method === 'api-token' || m.plan?.method === 'pat';
  renderExpiryAsk(lang, m.available.token && expires ? { date: rs.dateOrigin === origin ? rs.date : '' } : null);
  renderRememberOffer(
    lang,
    m.works && origin
      ? {
          date: offeredDate(rs, m.result, origin, state.form.login, m.target),
          read: Boolean(m.result?.tokenExpiry?.date),
          label: rs.label,
          placeholder: origin,
          saved: rs.saved,
          error: rs.error,
        }
      : null,
  );
  // The core's default until the user changes them (facts are loaded once a list came).
  const settings =
    rs.settings ?? (rs.list.length ? { enabled: true, daysBefore: facts().remember.defaultDaysBefore } : null);
  renderRemembered(
    lang,
    settings && rs.list.length
      ? {
          list: rs.list,
          on: settings.enabled && rs.notifications,
          notifications: rs.notifications,
          days: rs.days ?? settings.daysBefore.join(', '),
          error: rs.error,
        }
      : null,
  );
}

/**
 * Renders the whole page from `state` (state.js `update` calls it, once per change).
 * @param {State} state
 * @param {{tested: string | null, created: string | null}} secrets
 */
export function render(state, secrets) {
  const { lang, phase } = state;
  const m = model(state, secrets);
  const isJira = m.detection?.deployment?.product === 'jira';
  renderFrame(lang, {
    phase,
    error: state.reply && !state.reply.ok ? state.reply.error : null,
    urlForm: phase !== 'loading' && (!isJira || state.awayHint),
    urlError: state.urlError,
    context:
      isJira && state.away && m.reply
        ? { jira: m.reply.origin, away: state.away, hint: state.awayHint, tokenPage: state.wentForToken }
        : null,
  });
  renderIntegration(lang, m.detection?.targetPlans?.length ? m.target : null);
  renderDetection(
    lang,
    m.detection && m.reply
      ? {
          detection: m.detection,
          origin: m.reply.origin,
          flash: state.flash,
          plan: m.plan,
          source: m.replanned ? 'check' : 'detection',
          target: m.own ? m.target : '',
        }
      : null,
  );
  renderPat(lang, m.pat ? { pat: state.pat, token: m.patToken } : null);
  renderRememberViews(state, m);
  const test = m.test;
  renderTest(
    lang,
    test && m.detection
      ? {
          detection: m.detection,
          test,
          form: { ...state.form, auth: m.auth },
          target: m.target,
          plan: m.plan,
          dictated: m.dictated,
          method: m.method,
          gateway: m.gateway,
          sa: m.sa,
          // After a test through Atlassian's gateway (the user's click), the credential went there.
          sendsTo:
            test.gatewayTried && (test.result || test.running)
              ? (familyOf(m.detection, facts().cloudFamilies)?.gateway ?? facts().gateway)
              : credentialOrigin(m.detection),
        }
      : null,
  );
  renderServerCheck(
    lang,
    test?.result?.serverCheck ? { lines: test.result.serverCheck, copied: test.serverCopied } : null,
  );
  renderReport(lang, test?.result ? test.report : null);
  renderSnippet(
    lang,
    m.snippet && test
      ? {
          snippet: m.snippet,
          revealed: test.snippetRevealed,
          secret: secrets.tested,
          copied: test.copied,
        }
      : null,
  );
  const asks = state.clipboard !== 'granted';
  renderClipboardNotes(lang, { snippet: asks && Boolean(m.snippet && test), pat: asks && Boolean(m.patToken) });
  const open = new Set(state.open);
  const listed = STEPS.filter((s) => m.available[s] || (s === 'connect' && m.available.test));
  // The footer's one next action.
  const testOpen = m.available.test && open.has('test');
  const copyAll = !m.running && m.works && m.available.connect && open.has('connect');
  const testButton = m.running || (testOpen && !copyAll);
  const nextTest = !testButton && !copyAll && m.available.token && m.available.test && open.has('token');
  renderSteps(lang, {
    steps: STEPS.map((step) => ({
      step,
      listed: listed.includes(step),
      n: listed.indexOf(step) + 1,
      total: listed.length,
      available: m.available[step],
      open: m.available[step] && open.has(step),
      status: m.done[step] ? 'done' : step === m.current ? 'current' : 'todo',
      current: step === m.current,
      summary: summaryOf(lang, step, m),
    })),
    next: { test: testButton, copyAll, nextTest },
    more: Boolean(test?.result),
  });
}
