// The wizard's one state object and `update(fn)`, which changes it and renders once
// (render.js). Everything the page shows, which step is open and which buttons work is computed
// from this object — never read back from the DOM. It never holds a secret: the secret typed in
// the form stays in its field until a test reads it, and the two secrets the page keeps for a
// while (the tested secret, for the connection block's copy buttons; a just-created PAT, shown
// once) live in `secrets` beside it, in this page's memory only.

import { step } from '../timing.js';
import { render } from './render.js';
/** @import { DetectReply, ErrorInfo, ErrorReply, Request } from '../protocol.js' */
/** @import { AuthChoice, CheckItem, CheckResult, CreateResult, Detection, ProjectRef, Rendered, Target } from '../pkg/jira_token_wizard.js' */
/** @import { UiMessage } from '../ui-strings.js' */
/** @import { RememberState } from './actions/remember.js' */

/**
 * @typedef {'detect' | 'token' | 'test' | 'connect'} Step
 * @typedef {{tabId: number | null, origin: string | null}} Page
 * @typedef {{target: Target | null, auth: AuthChoice, login: string, project: string}} Choices
 *   The token test's non-secret choices, kept per Jira origin (browser.js `saveChoices`);
 *   `target` null: the core's first.
 * @typedef {{rendered: Rendered | null,
 *   status: UiMessage | null}} ReportState
 *   The core's rendering of the last result's report (it comes with the result) and the last
 *   copy/download outcome.
 * @typedef {{detection: Detection | null, phase: 'form' | 'confirm' | 'creating' | 'done',
 *   name: string, days: string, created: CreateResult | null, error: ErrorInfo | null,
 *   invalid: string | null, copied: UiMessage | null}} PatState
 *   "Create a token for me": `created` is the core's `pat::CreateResult` without the token
 *   (that is `secrets.created`).
 */

/**
 * The token test for `detection` (null before any): nothing run yet.
 * @param {Detection | null} detection
 * @param {boolean} revealed the secret field shows its text (kept across detections)
 */
export function freshTest(detection, revealed) {
  return {
    /** The detection the form was prefilled for (a new detection resets the form). */
    detection,
    running: false,
    /** Runs started (or cancelled): a reply for an older run is ignored. */
    runs: 0,
    /** @type {CheckResult | null} The core's `CheckResult`, or null. */
    result: null,
    /** @type {CheckItem[]} The core's checklist of `result` (sent beside it). */
    checklist: [],
    /** @type {ReportState} */
    report: { rendered: null, status: null },
    /** @type {ErrorInfo | string | null} An ErrorInfo when the test could not run, or a UI-strings key. */
    error: null,
    revealed,
    /** @type {ProjectRef[]} Projects the last test listed (kept while a re-test runs), for the picker. */
    projects: [],
    /** The connection block shows the secret (the user pressed its reveal toggle). */
    snippetRevealed: false,
    /**
     * @type {(UiMessage & {at?: string}) | null} The last copy's outcome (`at`: the button
     * pressed — `field:<key>`, `text` or `json` — the line goes beside it).
     */
    copied: null,
    /** @type {UiMessage | null} The secret field's text copied with the keys (actions/copy-keys.js). */
    secretCopied: null,
    /** @type {{kind: string, message: UiMessage} | null} A server-side line copied (its kind). */
    serverCopied: null,
    /** The last run went through Atlassian's gateway (the user clicked and allowed it). */
    gatewayTried: false,
    /** The user refused access to the gateway: the offer says nothing was sent there. */
    gatewayDenied: false,
  };
}

/**
 * "Create a token for me" for `detection`, its form filled with the core's defaults.
 * @param {Detection | null} detection
 * @param {number} days the core's default expiry
 * @returns {PatState}
 */
export function freshPat(detection, days) {
  const date = new Date().toISOString().slice(0, 10);
  return {
    detection,
    phase: 'form',
    name: `integration-${date}`,
    days: String(days),
    created: null,
    error: null,
    invalid: null,
    copied: null,
  };
}

/** The wizard's state when the page opens. */
function initialState() {
  return {
    lang: 'en',
    /**
     * 'provisional': the page's own word is shown (a page-only detection, no round trip yet)
     * while the REST answer comes; the token test waits for it.
     * @type {'loading' | 'provisional' | 'ready' | 'error'}
     */
    phase: 'loading',
    /** @type {DetectReply | ErrorReply | null} */
    reply: null,
    /** A detection of the last run was shown (its first paint is marked once). */
    firstShown: false,
    /** @type {{request: Request, page: Page | null} | null} The last detection asked, to re-run after access was granted. */
    last: null,
    /** @type {Page} The tab and page origin of what is shown (the Jira worked on). */
    page: { tabId: null, origin: null },
    /** @type {{tabId: number, host: string | null} | null} The tab in front when it is not the Jira's. */
    away: null,
    /** *Detect this tab* could not read it: the typed-address form is offered with a hint. */
    awayHint: false,
    /** The user opened the token page: back on the Jira, the field to fill takes the focus. */
    wentForToken: false,
    /** @type {string | null} A UI-strings key shown under the access warning (access denied). */
    flash: null,
    /** @type {UiMessage | null} Why the typed address was not detected. */
    urlError: null,
    /** @type {Choices} */
    form: { target: null, auth: 'auto', login: '', project: '' },
    /** The token test. */
    test: freshTest(null, false),
    /** @type {PatState} */
    pat: freshPat(null, 0),
    /**
     * The optional clipboard permissions (the delayed clear of a copied secret): 'ask' until
     * the first copy of a secret asks for them (actions/clipboard-access.js).
     * @type {'unknown' | 'ask' | 'granted' | 'denied'}
     */
    clipboard: /** @type {'unknown' | 'ask' | 'granted' | 'denied'} */ ('unknown'),
    /** @type {RememberState} Remembered connections, the expiry asked in step 2, reminders. */
    remember: {
      list: [],
      settings: null,
      notifications: false,
      date: '',
      dateOrigin: null,
      label: '',
      saved: null,
      error: null,
      days: null,
    },
    /** @type {Step[]} The open steps (a heading's click, or what the wizard opened for the user). */
    open: /** @type {Step[]} */ ([]),
  };
}

/** @typedef {ReturnType<typeof initialState>} State */

/** The one state. Read anywhere; change it only through `update`. */
export const state = initialState();

/**
 * The secrets this page holds — never in `state`, the DOM (but for a revealed field), storage
 * or a message other than `check`. `tested`: the secret of the test whose connection block is
 * shown, for its copy buttons and reveal; `created`: a PAT just created, shown once.
 * @type {{tested: string | null, created: string | null}}
 */
export const secrets = { tested: null, created: null };

/**
 * Changes the state and renders the page once.
 * @param {(s: State) => void} [fn]
 */
export function update(fn) {
  fn?.(state);
  const start = performance.now();
  render(state, secrets);
  step('render', start);
}
