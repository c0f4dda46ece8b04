// The wizard's first paint, confirmed detection and token test in both browsers (BENCHMARKS.md
// "Wizard timings (browser)"): run by bench/run.sh after the other steps, or alone:
// `node bench/popup.mjs` (needs dist/, ./build.sh; BROWSERS=chromium or firefox for one). For
// each site the CLI bench uses (bench/run.mjs), against the simulator with LATENCY_MS (default
// 100) injected per request: a fresh browser with the packaged extension through the E2E
// drivers (tests/e2e/browsers: Chromium's side panel opened by the toolbar click over CDP;
// Firefox's wizard page for the tab over WebDriver BiDi), then POPUP_RUNS + 1 times (default
// 5 + 1) open the page, open the wizard, wait for the confirmed detection, run the token test
// (the later opens alternate: on the page answered last, then with its kept reply removed)
// and read the wizard's User Timing measures (extension/wizard/timing.js): time-to-first-detection
// (the page's own word, no round trip), time-to-confirmed-detection (serverInfo answered) and
// time-to-verdict. The first open of each browser is reported apart: its background has just
// started (and loaded the wasm core, or is still loading it). Then where the time goes: the
// `jtw-step:*` measures (extension/timing.js) of the page and of the background (Chromium's
// service worker, Firefox's background page), with the background's fetches (Resource Timing),
// medians over the first opens and over the later ones, and issue 21's three figures.
// `BEFORE_DIST=<dist root> ROUNDS=n`: another build (e.g. main's dist/) measured beside this one
// in the same run, alternated (before/after, then after/before, per site). Prints Markdown
// tables and the load average; nothing is asserted.
import { loadavg } from 'node:os';
import { BROWSERS, launchBrowser } from '../tests/e2e/browsers/index.mjs';
import { runTokenTest, timings } from '../tests/e2e/popup-timing.mjs';
import { startSite } from '../tests/e2e/sites.mjs';
import { pageSteps as readPageSteps, workerSteps } from '../tests/e2e/steps.mjs';

const LATENCY_MS = Number(process.env.LATENCY_MS ?? 100);
const RUNS = Number(process.env.POPUP_RUNS ?? 5);

const SITES = [
  { scenario: 'dc-9.12-cluster', secret: (u) => u.pat, what: 'DC 9.12, PAT (Bearer)' },
  { scenario: 'cloud', secret: (u) => u.apiToken, what: 'Cloud, API token (Basic)' },
  { scenario: 'server-8.5', secret: (u) => u.password, what: 'Server 8.5, password (Basic, serial)' },
];

const out = (s = '') => process.stdout.write(`${s}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => x.toFixed(0);
const spread = (xs) => `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`;

/** Sequential round trips in a simulator log slice (as bench/run.mjs counts them). */
function roundTrips(entries) {
  let trips = 0;
  let last = -Infinity;
  for (const e of entries) {
    if (e.at - last > LATENCY_MS / 2) trips += 1;
    last = e.at;
  }
  return trips;
}

/** The steps of the breakdown table, in order: [key, what]. */
const STEP_ROWS = [
  ['nav-html', 'page: navigation → HTML read (`responseEnd`)'],
  ['nav-dom', 'page: navigation → HTML parsed (`domInteractive`)'],
  ['script', 'page: navigation → wizard script runs (`jtw:wizard-open`)'],
  ['wasm-compile', 'worker: wasm fetch + compile (streaming)'],
  ['wasm-instantiate', 'worker: wasm instantiate'],
  ['wasm-in-run', 'worker: wasm loaded during this open (1) or before it (0)'],
  ['facts', 'page: `facts` asked → answered'],
  ['tab', 'page: which tab (tabs.query)'],
  ['kept-read', 'page: the worker\'s last reply read (storage.session), beside the tab'],
  ['snapshot', 'worker: tab snapshot (scripting.executeScript)'],
  ['core:detect_page_page_only', 'worker: core `detect_page`, page only (serde in/out + work, no request)'],
  ['message:detect_tab_page_only', 'worker: first-paint request handled (snapshot, permissions, core)'],
  ['first-reply', 'page: first-paint request → reply'],
  ['first-render', 'page: render of the first detection (after the first-paint reply; no row for a kept one)'],
  ['core:detect_page', 'worker: core `detect_page` with REST (one latency inside)'],
  ['full-reply', 'page: full detection request → reply'],
  ['renders', 'page: renders from open to verdict (count)'],
  ['render-ms', 'page: all those renders (ms, sum)'],
  ['message:check', 'worker: `check` request handled (kept detection, permission, core)'],
  ['core:check', 'worker: core `check` (requests + result + report; latency inside)'],
  ['check-fetch', 'worker: the check\'s requests, first start → last end (the fetches, latency inside)'],
  ['check-local', 'worker: core `check` outside its requests'],
  ['check-reply', 'page: `check` request → reply'],
  ['verdict-render', 'page: reply → verdict rendered'],
];

/** One run's breakdown: step key → ms (see STEP_ROWS). */
function breakdown(openedAt, scriptMs, pageSteps, bgSteps) {
  const last = (list, name) => list.filter((e) => e.name === name).at(-1);
  const inRun = bgSteps.filter((e) => e.at >= openedAt);
  const out = { script: scriptMs };
  for (const name of ['wasm-compile', 'wasm-instantiate']) out[name] = last(bgSteps, name)?.duration;
  out['wasm-in-run'] = inRun.some((e) => e.name === 'wasm-instantiate') ? 1 : 0;
  for (const name of ['facts', 'tab', 'kept-read', 'first-reply', 'full-reply', 'check-reply']) out[name] = last(pageSteps, name)?.duration;
  for (const name of ['snapshot', 'message:detect_tab_page_only', 'core:detect_page_page_only', 'core:detect_page', 'message:check', 'core:check']) {
    out[name] = inRun.find((e) => e.name === name)?.duration;
  }
  const core = inRun.find((e) => e.name === 'core:check');
  const fetches = core ? inRun.filter((e) => e.name === 'fetch' && e.at >= core.at && e.at <= core.at + core.duration) : [];
  if (fetches.length) {
    const start = Math.min(...fetches.map((e) => e.at));
    const end = Math.max(...fetches.map((e) => e.at + e.duration));
    out['check-fetch'] = end - start;
    out['check-local'] = core.duration - (end - start);
  }
  const renders = pageSteps.filter((e) => e.name === 'render');
  out.renders = renders.length;
  out['render-ms'] = renders.reduce((sum, e) => sum + e.duration, 0);
  const firstReply = last(pageSteps, 'first-reply') ?? last(pageSteps, 'kept-read');
  const check = last(pageSteps, 'check-reply');
  const renderAfter = (r) => (r ? renders.find((e) => e.at >= r.at + r.duration - 0.5)?.duration : undefined);
  out['first-render'] = renderAfter(firstReply);
  out['verdict-render'] = renderAfter(check);
  return out;
}

/** One wizard: detection, token test, the three measures and the requests each part sent. */
async function once(driver, sim, login, secret, { forget = false } = {}) {
  const from = sim.log.length;
  const openedAt = Date.now();
  const wizard = await driver.openWizard(sim.url);
  try {
    if ((await wizard.settled(30_000)) !== 'ready') throw new Error(`detection failed: ${await wizard.text('status')}`);
    const beforeTest = sim.log.length;
    const verdict = await runTokenTest(wizard, { login, secret });
    const { timeOrigin, entries } = await timings(wizard);
    const measure = (name) => entries.find((e) => e.entryType === 'measure' && e.name === name)?.duration;
    // The tab's own page load comes before the wizard's document exists.
    const detectLog = sim.log.slice(from, beforeTest).filter((e) => e.at >= timeOrigin);
    const checkLog = sim.log.slice(beforeTest);
    const open = entries.find((e) => e.name === 'jtw:wizard-open');
    const pageSteps = await readPageSteps(wizard).catch(() => []);
    const nav = await wizard
      .eval(() => {
        const n = performance.getEntriesByType('navigation')[0];
        return n ? { html: n.responseEnd, dom: n.domInteractive } : null;
      })
      .catch(() => null);
    const bgSteps = await workerSteps(driver, wizard).catch(() => []);
    return {
      steps: { ...breakdown(openedAt, open?.startTime, pageSteps, bgSteps), 'nav-html': nav?.html, 'nav-dom': nav?.dom },
      verdict,
      first: measure('jtw:time-to-first-detection'),
      confirmed: measure('jtw:time-to-confirmed-detection'),
      check: measure('jtw:time-to-verdict'),
      detectTrips: roundTrips(detectLog),
      detectRequests: detectLog.length,
      checkTrips: roundTrips(checkLog),
      checkRequests: checkLog.length,
    };
  } finally {
    // `forget`: the next open finds no reply kept for this page (extension/kept.js `shown`), as
    // on a page the worker never answered: its first paint is the page-only round trip.
    if (forget) {
      await wizard
        .eval(() => (globalThis.browser ?? globalThis.chrome).storage.session.remove('shown'))
        .catch(() => {});
    }
    await wizard.close();
  }
}

const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ');

/**
 * The variants measured: the build in dist/ alone, or with `BEFORE_DIST` (another build's dist
 * root, e.g. main's) the two alternated in the same run — per browser and site, ROUNDS times
 * before then after, then after then before — so both see the same machine.
 * @type {{name: string, dist: string | undefined}[]}
 */
const VARIANTS = process.env.BEFORE_DIST
  ? [
      { name: 'before', dist: process.env.BEFORE_DIST },
      { name: 'after', dist: undefined },
    ]
  : [{ name: 'this build', dist: undefined }];
const ROUNDS = Number(process.env.ROUNDS ?? 1);

/** A fresh browser with `variant`'s build, 1 + RUNS opens of the wizard on `site`. */
async function series(name, site, variant) {
  const sim = await startSite({ scenario: site.scenario, latencyMs: LATENCY_MS });
  let driver;
  try {
    driver = await launchBrowser(/** @type {'chromium'|'firefox'} */ (name), { hostPermission: true, dist: variant.dist });
    const user = sim.credentials.users.admin;
    const runs = [];
    // Later opens alternate: odd ones on the page answered last (the kept reply is the first
    // paint), even ones with it forgotten (the page-only round trip, the worker warm).
    for (let i = 0; i <= RUNS; i += 1) {
      const run = await once(driver, sim, user.login, site.secret(user), { forget: i % 2 === 1 });
      runs.push({ ...run, kept: i % 2 === 1 });
    }
    for (const r of runs) {
      if (r.verdict !== 'ok' || r.first === undefined || r.confirmed === undefined || r.check === undefined) {
        throw new Error(`${name} ${site.scenario}: verdict ${r.verdict}, measures ${r.first} / ${r.confirmed} / ${r.check}`);
      }
    }
    return { site, first: runs[0], warm: runs.slice(1), load: loadavg()[0] };
  } finally {
    await driver?.close();
    await sim.close();
  }
}

/**
 * Issue 21's three figures of one series: first paint (median of the later opens), the local
 * work per round trip of the token test — (time to verdict − latency × round trips) / round
 * trips, median over all opens — and the first open's confirmed detection over the later
 * opens' median.
 */
function figures({ first, warm }) {
  const all = [first, ...warm];
  return {
    paint: median(warm.filter((r) => r.kept).map((r) => r.first)),
    paintNew: median(warm.filter((r) => !r.kept).map((r) => r.first)),
    paintFirst: first.first,
    local: median(all.map((r) => (r.check - LATENCY_MS * r.checkTrips) / r.checkTrips)),
    firstOver: first.confirmed - median(warm.map((r) => r.confirmed)),
  };
}

out(`Load average (1 / 5 / 15 min) at start: ${load()}`);
out();
const browsers = process.env.BROWSERS ? process.env.BROWSERS.split(',') : BROWSERS;
/** @type {Record<string, Record<string, any[]>>} browser → variant → series */
const measured = {};
for (const name of browsers) {
  measured[name] = Object.fromEntries(VARIANTS.map((v) => [v.name, []]));
  for (const site of SITES) {
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 ? [...VARIANTS].reverse() : VARIANTS;
      for (const variant of order) measured[name][variant.name].push(await series(name, site, variant));
    }
  }
}

for (const name of browsers) {
  for (const variant of VARIANTS) {
    const rows = measured[name][variant.name];
    const label = VARIANTS.length > 1 ? `${name}, ${variant.name}` : name;
    out(`### ${label}: the wizard (${LATENCY_MS} ms injected latency per request, ${RUNS} runs + 1 first open per site${ROUNDS > 1 ? `, ${ROUNDS} rounds` : ''})`);
    out();
    out('| site | first paint ms: median (min–max) | confirmed detection ms: median (min–max) | confirmed, first open (wasm load) | time-to-verdict ms: median (min–max) | round trips detect / verdict (requests) | verdict |');
    out('|---|---:|---:|---:|---:|---|---|');
    for (const { site, first, warm } of rows) {
      const all = [first, ...warm];
      const trips = (k, n) => [...new Set(all.map((r) => `${r[k]} (${r[n]})`))].join(', ');
      out(`| ${site.what} | ${spread(warm.map((r) => r.first))} | ${spread(warm.map((r) => r.confirmed))} | ${ms(first.confirmed)} | ${spread(all.map((r) => r.check))} | ${trips('detectTrips', 'detectRequests')} / ${trips('checkTrips', 'checkRequests')} | ${first.verdict} |`);
    }
    out();
    out(`#### ${label}: where the time goes (median of the ${rows.length} first opens; of the ${rows.length * RUNS} later opens)`);
    out();
    out('| step | first open ms | later opens ms |');
    out('|---|---:|---:|');
    const firsts = rows.map((r) => r.first.steps);
    const laters = rows.flatMap((r) => r.warm.map((w) => w.steps));
    const cell = (list, key) => {
      const xs = list.map((x) => x[key]).filter((x) => typeof x === 'number');
      return xs.length ? (key === 'renders' || key === 'wasm-in-run' ? String(median(xs)) : median(xs).toFixed(1)) : '–';
    };
    for (const [key, what] of STEP_ROWS) out(`| ${what} | ${cell(firsts, key)} | ${cell(laters, key)} |`);
    out();
  }
}

out(`### Issue 21's three figures (ms; each cell: median over the sites${ROUNDS > 1 ? ' and rounds' : ''}, then every series)`);
out();
out('*first paint*: median of the later opens, which alternate between the page the worker answered last (its kept reply) and ' +
  'that page with the kept reply removed (the page-only round trip); *local per round trip*: (time to verdict − ' +
  `${LATENCY_MS} ms × round trips) / round trips; *first open over later*: the first open's confirmed detection − the later opens' median; load: 1-min average after each series.`);
out();
out('| browser | variant | first paint (≤ 30): page answered before | first paint: page not answered before | first paint, first open | local per round trip (≤ 15) | first open over later (≤ 60) | load |');
out('|---|---|---|---|---|---|---|---|');
for (const name of browsers) {
  for (const variant of VARIANTS) {
    const rows = measured[name][variant.name];
    const f = rows.map(figures);
    const col = (k) => `**${ms(median(f.map((x) => x[k])))}** (${f.map((x) => ms(x[k])).join(' / ')})`;
    out(`| ${name} | ${variant.name} | ${col('paint')} | ${col('paintNew')} | ${col('paintFirst')} | ${col('local')} | ${col('firstOver')} | ${rows.map((r) => r.load.toFixed(1)).join(' / ')} |`);
  }
}
out();
out(`Load average (1 / 5 / 15 min) at end: ${load()}`);
