// The popup's time-to-verdict in the browser (BENCHMARKS.md "Popup time-to-verdict (browser)"):
// run by bench/run.sh after the other steps, or alone: `node bench/popup.mjs` (needs dist/,
// ./build.sh). For each site the CLI bench uses (bench/run.mjs), against the simulator with
// LATENCY_MS (default 100) injected per request: a fresh headless Chromium with the packaged
// extension (the E2E harness, tests/e2e/harness.mjs), then POPUP_RUNS + 1 times (default 5 + 1)
// open the page, click the toolbar button, wait for the detection, run the token test and read
// the popup's User Timing measures (extension/timing.js). The first open of each browser is
// reported apart: its service worker loads the wasm core on that first message. Prints a
// Markdown table; nothing is asserted.
import { launchExtension } from '../tests/e2e/harness.mjs';
import { runTokenTest, timings } from '../tests/e2e/popup-timing.mjs';
import { startSite } from '../tests/e2e/sites.mjs';

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

/** One popup: detection, token test, the two measures and the requests each part sent. */
async function once(ext, sim, login, secret) {
  const from = sim.log.length;
  const popup = await ext.openPopup(sim.url);
  try {
    if ((await popup.settled()) !== 'ready') throw new Error(`detection failed: ${await popup.text('status')}`);
    const beforeTest = sim.log.length;
    const verdict = await runTokenTest(popup, { login, secret });
    const { timeOrigin, entries } = await timings(popup);
    const measure = (name) => entries.find((e) => e.entryType === 'measure' && e.name === name)?.duration;
    const open = entries.find((e) => e.name === 'jtw:popup-open');
    // The tab's own page load comes before the popup's document exists.
    const detectLog = sim.log.slice(from, beforeTest).filter((e) => e.at >= timeOrigin);
    const checkLog = sim.log.slice(beforeTest);
    return {
      verdict,
      scriptStart: open?.startTime,
      detection: measure('jtw:time-to-detection'),
      check: measure('jtw:time-to-verdict'),
      detectTrips: roundTrips(detectLog),
      detectRequests: detectLog.length,
      checkTrips: roundTrips(checkLog),
      checkRequests: checkLog.length,
    };
  } finally {
    await popup.close();
  }
}

const rows = [];
for (const site of SITES) {
  const sim = await startSite({ scenario: site.scenario, latencyMs: LATENCY_MS });
  let ext;
  try {
    ext = await launchExtension();
    const user = sim.credentials.users.admin;
    const runs = [];
    for (let i = 0; i <= RUNS; i += 1) runs.push(await once(ext, sim, user.login, site.secret(user)));
    for (const r of runs) {
      if (r.verdict !== 'ok' || r.detection === undefined || r.check === undefined) {
        throw new Error(`${site.scenario}: verdict ${r.verdict}, measures ${r.detection} / ${r.check}`);
      }
    }
    rows.push({ site, first: runs[0], warm: runs.slice(1) });
  } finally {
    await ext?.close();
    await sim.close();
  }
}

out(`### Popup in headless Chromium (${LATENCY_MS} ms injected latency per request, ${RUNS} runs + 1 first open per site)`);
out();
out('| site | time-to-detection ms: first open (wasm load) | time-to-detection ms: median (min–max) | time-to-verdict ms: median (min–max) | round trips detect / verdict (requests) | popup script start ms after navigation: median | verdict |');
out('|---|---:|---:|---:|---|---:|---|');
for (const { site, first, warm } of rows) {
  const all = [first, ...warm];
  const trips = (k, n) => [...new Set(all.map((r) => `${r[k]} (${r[n]})`))].join(', ');
  out(`| ${site.what} | ${ms(first.detection)} | ${spread(warm.map((r) => r.detection))} | ${spread(all.map((r) => r.check))} | ${trips('detectTrips', 'detectRequests')} / ${trips('checkTrips', 'checkRequests')} | ${ms(median(all.map((r) => r.scriptStart)))} | ${first.verdict} |`);
}
out();
