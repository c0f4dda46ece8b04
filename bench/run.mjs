// The benchmark report (BENCHMARKS.md): run by bench/run.sh after it has built the CLI, run
// criterion (benches/core.rs) and exported the recorded cases. Prints Markdown tables:
//   1. core compute per verdict, native (criterion estimates) and wasm (dist/chrome/pkg in
//      Node, fetch stubbed with the recorded answers);
//   2. the real CLI against the Jira simulator with 100 ms injected latency: sequential round
//      trips and wall time for detect and check;
//   3. pycontribs `jira` (serverInfo + myself + mypermissions) on the same simulator, latency
//      and credentials, side by side with the CLI's check, with the ratio;
//   4. the shipped size (wasm + JS glue, raw and gzip -9) against the 150 kB gzip budget.
// Nothing here is asserted: it measures and prints.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startSite } from '../tests/cli/helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The release CLI built with `--features test-hooks` (bench/run.sh): JTW_RESOLVE reaches the
// simulated Cloud site; the shipped binary ignores it.
const BIN = path.join(ROOT, 'target/bench-cli/release/jira-token-wizard');
const PY = path.join(ROOT, 'target/bench-venv/bin/python');
// resolve, not join: bench/run.sh passes an absolute CARGO_TARGET_DIR.
const CRITERION = path.resolve(ROOT, process.env.CARGO_TARGET_DIR ?? 'target/bench-build', 'criterion');
const CASES = path.join(ROOT, 'target/bench/cases.json');
const PKG = path.join(ROOT, 'dist/chrome/pkg');
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 100);
// A guard, not a budget: build.sh fails past it (an extension loads its wasm from disk; what
// users feel is startup time, measured by bench/popup.mjs).
const GUARD_GZIP = 450_000;

const out = (s = '') => process.stdout.write(`${s}\n`);
const us = (ns) => (ns / 1000).toFixed(1);

function run(cmd, args, { env = {}, input } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = execFile(cmd, args, {
      env: { ...process.env, LANG: 'C', NO_PROXY: '127.0.0.1,localhost', ...env },
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    }, (err, stdout, stderr) => resolve({
      code: err ? err.code ?? null : 0, stdout, stderr, ms: performance.now() - started,
    }));
    child.stdin.end(input ?? '');
  });
}

// ---- 1. core compute -------------------------------------------------------------------

function criterionMean(group, name) {
  const file = path.join(CRITERION, group, name, 'new', 'estimates.json');
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')).mean.point_estimate;
}

/** The wasm build in Node, with `fetch` answering from the recorded cases. */
async function wasmBench(cases) {
  const glue = await import(pathToFileURL(path.join(PKG, 'jira_token_wizard.js')).href);
  await glue.default({ module_or_path: fs.readFileSync(path.join(PKG, 'jira_token_wizard_bg.wasm')) });
  let answers = [];
  globalThis.fetch = async (req) => {
    const auth = req.headers.get('authorization');
    const scheme = auth ? auth.split(' ')[0] : 'None';
    const u = new URL(req.url);
    const hit = answers.find((a) => a.scheme === scheme && new URL(a.url).href === u.href)
      ?? answers.find((a) => new URL(a.url).pathname === u.pathname);
    const a = hit?.answer ?? { kind: 'response', status: 404, headers: {}, body: '' };
    if (a.kind === 'timeout') throw new DOMException('The operation timed out.', 'TimeoutError');
    if (a.kind === 'unreachable') throw new TypeError('fetch failed');
    const nullBody = [101, 204, 205, 304].includes(a.status);
    return new Response(nullBody ? null : a.body, { status: a.status || 200, headers: a.headers });
  };
  const time = async (command, list) => {
    answers = list;
    // The command as the service worker hands it over: a plain object (serde-wasm-bindgen).
    for (let i = 0; i < 30; i++) await glue.handle(command);
    const n = 300;
    const t0 = performance.now();
    let last;
    for (let i = 0; i < n; i++) last = await glue.handle(command);
    return { ns: ((performance.now() - t0) / n) * 1e6, last };
  };
  const rows = new Map();
  for (const c of cases.detect) {
    const { ns } = await time({ type: 'detect_page', snapshot: c.snapshot, options: {} }, c.answers);
    rows.set(`detect/${c.scenario}`, ns);
  }
  for (const c of cases.check) {
    const { ns, last } = await time({ type: 'check', detection: c.detection, input: c.input }, c.answers);
    const got = last?.result?.verdict?.code;
    rows.set(`verdict/${c.code}`, got === c.code ? ns : `${us(ns)} (gave ${got})`);
  }
  return rows;
}

async function coreSection() {
  const cases = JSON.parse(fs.readFileSync(CASES, 'utf8'));
  let wasm = new Map();
  let wasmNote = '';
  try {
    wasm = await wasmBench(cases);
  } catch (e) {
    wasmNote = `wasm not measured: ${e.message}`;
  }
  out('### Core compute per verdict (µs per call, mean)');
  out();
  out('| case | native (criterion) | wasm in Node |');
  out('|---|---:|---:|');
  const names = [
    ...cases.detect.map((c) => ['detect', c.scenario]),
    ['html_read_dc-9.12-cluster', null],
    ...cases.check.map((c) => ['verdict', c.code]),
  ];
  for (const [group, name] of names) {
    const key = name ? `${group}/${name}` : 'html_read/dc-9.12-cluster';
    const native = name ? criterionMean(group, name) : criterionMean(group, 'base') ?? criterionMean(group, '.');
    const w = wasm.get(key);
    const wasmCell = w === undefined ? (name && group !== 'html_read' ? '—' : 'n/a (native only)') : typeof w === 'number' ? us(w) : w;
    out(`| ${key} | ${native == null ? '—' : us(native)} | ${wasmCell} |`);
  }
  if (wasmNote) out(`\n${wasmNote}`);
  out();
}

// ---- 2 + 3. CLI and pycontribs against the simulator ------------------------------------

/** Sequential round trips in a simulator log slice: requests of one batch arrive together. */
function roundTrips(entries) {
  let trips = 0;
  let last = -Infinity;
  for (const e of entries) {
    if (e.at - last > LATENCY_MS / 2) trips += 1;
    last = e.at;
  }
  return trips;
}

const SITES = [
  { scenario: 'dc-9.12-cluster', user: 'admin', secret: (c) => c.users.admin.pat, py: 'pat', what: 'DC 9.12, PAT (Bearer)' },
  { scenario: 'cloud', user: 'admin', secret: (c) => c.users.admin.apiToken, py: 'basic', what: 'Cloud, API token (Basic)' },
  { scenario: 'server-8.5', user: 'admin', secret: (c) => c.users.admin.password, py: 'basic', what: 'Server 8.5, password (Basic, serial)' },
];

async function networkSection() {
  const havePy = fs.existsSync(PY);
  const rows = [];
  for (const site of SITES) {
    // Cloud under its Atlassian name over TLS (a Cloud credential never goes to this machine):
    // the CLI reaches it through JTW_RESOLVE and trusts its CA (tests/cli/helpers.mjs).
    const sim = await startSite({ scenario: site.scenario, latencyMs: LATENCY_MS });
    const cli = (args) => [...args, ...sim.cli.args];
    try {
      const creds = sim.credentials;
      const login = creds.users[site.user].login;
      const secret = site.secret(creds);
      let from = sim.log.length;
      const det = await run(BIN, cli(['detect', sim.url, '--format', 'json']), { env: sim.cli.env });
      const detRt = roundTrips(sim.log.slice(from));
      const detReq = sim.log.length - from;
      from = sim.log.length;
      const chk = await run(BIN, cli(['check', sim.url, '--user', login, '--format', 'json']), { env: { ...sim.cli.env, JIRA_TOKEN: secret } });
      const chkEntries = sim.log.slice(from);
      const chkRt = roundTrips(chkEntries);
      let verdict = '?';
      try { verdict = JSON.parse(chk.stdout).verdict.code; } catch { verdict = `exit ${chk.code}`; }
      let py = null;
      if (havePy) {
        from = sim.log.length;
        // Python has no resolution override: it asks the simulator by address (its certificate
        // names 127.0.0.1 too), trusting the same CA.
        const pyBase = sim.cli.args.length ? sim.baseUrl.replace(/^https:\/\/[^/]+/, `https://127.0.0.1:${sim.port}`) : sim.baseUrl;
        const pyEnv = sim.cli.args.length ? { REQUESTS_CA_BUNDLE: sim.cli.args[1] } : {};
        const p = await run(PY, [path.join(ROOT, 'bench/pycontribs.py'), pyBase, site.py, login], { env: { ...pyEnv, JIRA_SECRET: secret } });
        const entries = sim.log.slice(from);
        let inner = null;
        try { inner = JSON.parse(p.stdout.trim().split('\n').pop()); } catch { /* reported below */ }
        py = { rt: roundTrips(entries), requests: entries.length, ms: inner?.ms ?? null, total: p.ms, ok: inner?.ok ?? false, err: p.stderr.trim().split('\n').pop() };
      }
      rows.push({ site, detMs: det.ms, detRt, detReq, detCode: det.code, chkMs: chk.ms, chkRt, chkReq: chkEntries.length, verdict, py });
    } finally {
      await sim.close();
    }
  }
  out(`### CLI against the simulator (${LATENCY_MS} ms injected latency per request)`);
  out();
  out('| site | detect: round trips / requests / wall ms | check (detect + verdict): round trips / requests / wall ms | verdict round trips | verdict |');
  out('|---|---|---|---:|---|');
  for (const r of rows) {
    out(`| ${r.site.what} | ${r.detRt} / ${r.detReq} / ${r.detMs.toFixed(0)} | ${r.chkRt} / ${r.chkReq} / ${r.chkMs.toFixed(0)} | ${r.chkRt - r.detRt} | ${r.verdict} |`);
  }
  out();
  out('Budget: detection ≤ 1 round trip, verdict ≤ 2 more.');
  out();
  out(`### pycontribs \`jira\` (serverInfo + myself + mypermissions) vs the CLI's check, same simulator and latency`);
  out();
  if (!havePy) {
    out('pycontribs not measured: no venv at target/bench-venv (bench/run.sh creates it with `pip install jira`).');
    out();
    return;
  }
  out('| site | pycontribs: round trips / requests / ms (in-process) / ms (process) | CLI check: round trips / wall ms | ratio pycontribs ÷ CLI (in-process ms) |');
  out('|---|---|---|---:|');
  for (const r of rows) {
    const p = r.py;
    const ratio = p.ms ? (p.ms / r.chkMs).toFixed(2) : '—';
    const note = p.ok ? '' : ` (failed: ${p.err})`;
    out(`| ${r.site.what} | ${p.rt} / ${p.requests} / ${p.ms?.toFixed(0) ?? '—'} / ${p.total.toFixed(0)}${note} | ${r.chkRt} / ${r.chkMs.toFixed(0)} | ${ratio} |`);
  }
  out();
}

// ---- 4. size ---------------------------------------------------------------------------

function sizeSection() {
  const files = ['jira_token_wizard_bg.wasm', 'jira_token_wizard.js'];
  out('### Shipped size (dist/chrome/pkg)');
  out();
  out('| file | raw bytes | gzip -9 bytes |');
  out('|---|---:|---:|');
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const data = fs.readFileSync(path.join(PKG, f));
    // GNU gzip -9, as build.sh prints it (Node's zlib at level 9 writes ≈ 2 % more).
    const g = execFileSync('gzip', ['-9', '-c', path.join(PKG, f)], { maxBuffer: 64 << 20 }).length;
    raw += data.length;
    gz += g;
    out(`| ${f} | ${data.length.toLocaleString('en')} | ${g.toLocaleString('en')} |`);
  }
  out(`| **wasm + JS** | **${raw.toLocaleString('en')}** | **${gz.toLocaleString('en')}** |`);
  out();
  out(`Guard 450 000 bytes gzip (build.sh fails past it): ${gz <= GUARD_GZIP ? 'within' : 'over'} (${((gz / GUARD_GZIP) * 100).toFixed(0)} %).`);
  out();
}

const only = process.argv[2];
if (!only || only === 'core') await coreSection();
if (!only || only === 'network') await networkSection();
if (!only || only === 'size') sizeSection();
