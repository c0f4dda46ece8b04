// `fleet` at scale: COUNT (200) connections, all against one Jira simulator (Data Center
// 9.12, personal access tokens) with LATENCY_MS (100) of injected latency per request, run
// with several --parallel values, twice: every connection at one URL (one Jira: fleet detects
// it once), and every connection at a URL of its own (a deep link each: 200 detections, as for
// 200 different Jiras). Prints a Markdown table of wall time, requests and verdicts. Run by
// bench/run.sh (after it built the release CLI), or alone:
//   node bench/fleet.mjs            # JTW_BIN=… another binary, FLEET_PARALLEL=8,32 …
// Nothing is asserted, but a run whose connections do not all come back `ok` is reported as
// such (a figure for failing connections would mean nothing).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSite } from '../tests/cli/helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = process.env.JTW_BIN ?? path.join(ROOT, 'target/bench-cli/release/jira-token-wizard');
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 100);
const COUNT = Number(process.env.FLEET_COUNT ?? 200);
const PARALLELS = (process.env.FLEET_PARALLEL ?? '8,16,32,64').split(',').map(Number);
/** The CLI's default --parallel (src/cli/args/fleet.rs DEFAULT_PARALLEL). */
const DEFAULT_PARALLEL = 32;

const out = (s = '') => process.stdout.write(`${s}\n`);

function run(args, env) {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(BIN, args, {
      env: { ...process.env, LANG: 'C', NO_PROXY: '127.0.0.1,localhost', ...env },
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    }, (err, stdout, stderr) => resolve({ code: err ? err.code ?? null : 0, stdout, stderr, ms: performance.now() - started }));
  });
}

const sim = await startSite({ scenario: 'dc-9.12-cluster', latencyMs: LATENCY_MS });
try {
  // Every user with a working PAT, in turn: the connections differ as a real fleet's would.
  const users = Object.entries(sim.credentials.users).filter(([, u]) => u.active && u.pat && !u.captcha);
  const env = Object.fromEntries(users.map(([name, u]) => [`JTW_BENCH_${name.replace(/\W/g, '_').toUpperCase()}_PAT`, u.pat]));
  const vars = Object.keys(env);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jtw-bench-fleet-'));
  /** The file; `distinct`: every connection a different URL (a deep link of its own), so no detection is shared. */
  const write = (distinct) => {
    const lines = [];
    for (let i = 0; i < COUNT; i += 1) {
      const [, u] = users[i % users.length];
      const url = distinct ? `${sim.baseUrl}/browse/PROJ-${i + 1}` : sim.url;
      lines.push('[[connection]]', `name = "integration ${String(i + 1).padStart(3, '0')}"`, `url = ${JSON.stringify(url)}`,
        `login = ${JSON.stringify(u.login)}`, 'auth = "pat"', `secret_env = "${vars[i % vars.length]}"`, '');
    }
    const file = path.join(dir, distinct ? 'distinct.toml' : 'same.toml');
    fs.writeFileSync(file, lines.join('\n'));
    return file;
  };

  const one = await run(['check', sim.url, '--user', users[0][1].login, '--auth', 'pat', '--format', 'json'], { JIRA_TOKEN: users[0][1].pat });
  out(`### \`fleet\`: ${COUNT} connections, one simulator, ${LATENCY_MS} ms latency per request`);
  out();
  out(`One \`check\` of the same connection: ${one.ms.toFixed(0)} ms wall (exit ${one.code}).`);
  out();
  out('| URLs | --parallel | wall (s) | requests | per connection (ms, wall ÷ count) | all ok |');
  out('|---|---:|---:|---:|---:|---|');
  for (const distinct of [false, true]) {
    const file = write(distinct);
    for (const parallel of PARALLELS) {
      const before = sim.log.length;
      const r = await run(['fleet', file, '--format', 'json', '--parallel', String(parallel)], env);
      const requests = sim.log.length - before;
      let okCount = 0;
      try {
        okCount = JSON.parse(r.stdout).connections.filter((c) => c.status === 'ok').length;
      } catch { /* reported below */ }
      const mark = parallel === DEFAULT_PARALLEL ? ' (default)' : '';
      const urls = distinct ? `${COUNT} different (no detection shared)` : 'one (one detection)';
      out(`| ${urls} | ${parallel}${mark} | ${(r.ms / 1000).toFixed(2)} | ${requests} | ${(r.ms / COUNT).toFixed(1)} | ${okCount === COUNT ? 'yes' : `no: ${okCount}/${COUNT}, exit ${r.code}`} |`);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
} finally {
  await sim.close();
}
