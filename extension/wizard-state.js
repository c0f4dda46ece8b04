// The wizard's state (wizard.js owns it; the views read it): what is shown, the tab it is for,
// and the token test. It never holds a secret: the secret is read from its field at click time
// and held for the connection block only in wizard.js's memory.

/** @import { CoreData, DetectReply, ErrorInfo, ErrorReply } from './protocol.js' */
/** @import { UiMessage } from './ui-strings.js' */

/**
 * The token test for `detection` (null before any): nothing run yet.
 * @param {CoreData | null} detection
 * @param {boolean} revealed the secret field shows its text (kept across detections)
 */
export function freshTest(detection, revealed) {
  return {
    /**
     * The detection the form was prefilled for (a new detection resets the form).
     * @type {CoreData | null}
     */
    detection,
    running: false,
    /** Runs started (or cancelled): a reply for an older run is ignored. */
    runs: 0,
    /**
     * The core's `CheckResult`, or null.
     * @type {CoreData | null}
     */
    result: null,
    /** The core's checklist of `result` (sent beside it). */
    checklist: [],
    /**
     * An ErrorInfo when the test could not run, or a UI-strings key (string).
     * @type {ErrorInfo | string | null}
     */
    error: null,
    revealed,
    /** Projects the last test listed (kept while a re-test runs), for the project picker. */
    projects: [],
    /** The snippet shows the secret (the user pressed its reveal toggle). */
    snippetRevealed: false,
    /**
     * The last copy's outcome: `{key, vars, at}` (UI strings; `at`: the button pressed —
     * `field:<key>`, `text` or `json` — the line goes beside it), or null.
     * @type {(UiMessage & {at?: string}) | null}
     */
    copied: null,
    /** The last run went through Atlassian's gateway (the user clicked and allowed it). */
    gatewayTried: false,
    /** The user refused access to the gateway: the offer says nothing was sent there. */
    gatewayDenied: false,
  };
}

/** The wizard's state when the page opens. */
export function initialState() {
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
    /**
     * The last request, to re-run after access was granted, and the page it was for.
     * @type {{type: string} | null}
     */
    last: null,
    /** @type {{tabId: number | null, origin: string | null} | null} */
    lastPage: null,
    /** The tab and page origin of what is shown (the Jira worked on), beside the panel. */
    tabId: /** @type {number | null} */ (null),
    pageOrigin: /** @type {string | null} */ (null),
    /**
     * The tab in front when it is not the Jira worked on (panel.js), or null.
     * @type {{tabId: number, host: string | null} | null}
     */
    away: null,
    /** *Detect this tab* could not read it: the typed-address form is offered with a hint. */
    awayHint: false,
    /**
     * Choices kept for this Jira (storage.session), put into the form once it is shown.
     * @type {Record<string, string> | null}
     */
    choices: null,
    /**
     * A UI-strings key shown under the warnings (e.g. access denied), or null.
     * @type {string | null}
     */
    flash: null,
    /** The user opened the token page: back on the Jira, the field to fill takes the focus. */
    wentForToken: false,
    /** The token test. Holds no secret: the secret is read from its field at click time only. */
    test: freshTest(null, false),
  };
}
