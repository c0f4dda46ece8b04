// The wasm core as the service worker runs it (background.js, reminders.js): loaded as the
// worker starts and once per worker life (again after a failed load), `run(command)` hands it
// one command (wasm `handle`), `facts()` its ShellFacts. Load and commands are measured
// (timing.js).

import init, { facts as coreFacts, handle } from './pkg/jira_token_wizard.js';
import { step, timed } from './timing.js';
/** @import { Commands, ShellFacts } from './pkg/jira_token_wizard.js' */

/** @type {ShellFacts | null} */
let factsRead = null;
/**
 * The core's facts (wasm `facts`), read once per worker life: they are the build's constants.
 * @returns {ShellFacts}
 */
export const facts = () => (factsRead ??= coreFacts());

const started = performance.now();

/** @type {Promise<unknown> | null} */
let wasmReady = null;
/** Loads the wasm core once per worker life; a failed load is retried on the next message. */
export function core() {
  wasmReady ??= loadCore().catch((err) => {
    wasmReady = null;
    throw err;
  });
  return wasmReady;
}

/**
 * Fetches and compiles the wasm (streaming: compiled as it is read), then instantiates it —
 * measured apart (timing.js).
 */
async function loadCore() {
  const url = new URL('./pkg/jira_token_wizard_bg.wasm', import.meta.url);
  const module = await timed('wasm-compile', () =>
    WebAssembly.compileStreaming(fetch(url)).catch(() =>
      // A browser that serves the file without the wasm MIME type: compiled from its bytes.
      fetch(url)
        .then((r) => r.arrayBuffer())
        .then((bytes) => WebAssembly.compile(bytes)),
    ),
  );
  await timed('wasm-instantiate', () => init({ module_or_path: module }));
  step('worker-to-core', started);
  // V8 compiles a wasm function on its first call: one page-only detection of a made-up Jira
  // page (no request: `pageOnly`, and no origin allowed) compiles the detection's reading, its
  // plans and the conversion of a `Detection` now, not during the first wizard's. Its answer
  // is dropped; a failure here is no failure of the core.
  await timed('warm', () => handle(WARM_UP)).catch(() => {});
}

/** The warm-up's page: what a Jira Data Center page's meta tags say (facts §2.1). */
/** @type {Commands['detect_page']['command'] & {type: 'detect_page'}} */
const WARM_UP = {
  type: 'detect_page',
  snapshot: {
    url: 'https://jira.invalid/secure/Dashboard.jspa',
    title: 'System Dashboard - Jira',
    metas: { 'application-name': 'JIRA', 'ajs-version-number': '9.12.15', 'ajs-base-url': 'https://jira.invalid' },
    bodyId: 'jira',
    bodyClasses: [],
  },
  options: { allowFetch: false, grantedPatterns: [], pageOnly: true },
};

/**
 * Runs one core command (wasm `handle`) and resolves with its answer, typed by the command's
 * `type` (src/wasm.d.ts `Commands`).
 * @template {keyof Commands} K
 * @param {Commands[K]['command'] & {type: K}} command
 * @returns {Promise<Commands[K]['output']>}
 */
export async function run(command) {
  await core();
  const pageOnly = 'options' in command && command.options.pageOnly ? '_page_only' : '';
  return /** @type {Promise<Commands[K]['output']>} */ (
    timed(`core:${command.type}${pageOnly}`, () => handle(command))
  );
}
