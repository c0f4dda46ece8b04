// Helpers for the CLI end-to-end tests: build and run the REAL `jira-token-wizard` binary,
// and small stand-in servers for failures the Jira simulator does not model (a port that
// answers nothing at all).
//
// The binary is `target/debug/jira-token-wizard`, built once per test file by `buildCli()`
// (`cargo build --features test-hooks --bin jira-token-wizard`, a no-op when it is up to date;
// test.sh builds it before running node --test): the `test-hooks` feature compiles in
// `JTW_RESOLVE`, which the shipped binary ignores. Set JTW_BIN to test another binary and skip
// the build.

import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getScenario } from '../simulator/scenarios.mjs';
import { startSimulator } from '../simulator/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = process.env.JTW_BIN ?? path.join(ROOT, 'target/debug/jira-token-wizard');

/** Builds the binary unless JTW_BIN points at one. */
export function buildCli() {
  if (process.env.JTW_BIN) return;
  execFileSync('cargo', ['build', '--quiet', '--features', 'test-hooks', '--bin', 'jira-token-wizard'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * A predictable environment: English, no proxy for the loopback simulator, and no JIRA_TOKEN
 * from the outside (a test that wants one passes it in `extra`).
 */
function cliEnv(extra) {
  const env = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_PROXY: '127.0.0.1,localhost,.atlassian.net' };
  delete env.JIRA_TOKEN;
  return { ...env, ...extra };
}

/**
 * Runs the binary. Never hangs the suite: it is killed after `killAfterMs`. `input` is written
 * to its stdin (which is closed either way). `bin`: another binary (the shipped one).
 * @returns {Promise<{ code: number|null, signal: string|null, stdout: string, stderr: string, ms: number }>}
 */
export function runCli(args, { env = {}, killAfterMs = 20_000, input = '', bin = BIN } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = execFile(bin, args, { env: cliEnv(env), timeout: killAfterMs, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      resolve({
        code: err ? (typeof err.code === 'number' ? err.code : null) : 0,
        signal: err?.signal ?? null,
        stdout,
        stderr,
        ms: Date.now() - started,
      });
    });
    child.stdin.on('error', () => {}); // the CLI may exit without reading stdin
    child.stdin.end(input);
  });
}

/** `detect URL --format json …` parsed (`site`: a `startSite` result whose `cli` it uses); fails with the CLI's output when it is not JSON. */
export async function detectJson(url, extra = [], site = null) {
  const run = await runCli(['detect', url, '--format', 'json', ...extra, ...(site?.cli.args ?? [])], { env: site?.cli.env ?? {} });
  try {
    return { ...run, json: JSON.parse(run.stdout) };
  } catch {
    throw new Error(`not JSON (exit ${run.code}):\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  }
}

/** A TCP server that accepts connections and never says a word. */
export async function startSilentServer() {
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(() => resolve()));
  return port;
}

let cloudPki = null;

/**
 * A private CA (PEM file, for `--ca-cert`) and a server certificate it issued for
 * `*.atlassian.net`, made once per test process with openssl (the CA file is removed on exit).
 */
/** The names the simulated Atlassian certificate holds: every Cloud family's sites, gateway and authorization server. */
const ATLASSIAN_NAMES = [
  '*.atlassian.net', 'api.atlassian.com', 'auth.atlassian.com',
  '*.atlassian-us-gov-mod.net', 'api.atlassian-us-gov-mod.com', 'auth.atlassian-us-gov-mod.com',
];

function atlassianPki() {
  if (cloudPki) return cloudPki;
  const dir = mkdtempSync(path.join(tmpdir(), 'jtw-cloud-ca-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const f = (name) => path.join(dir, name);
  const openssl = (...args) => execFileSync('openssl', args, { stdio: 'ignore' });
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '2', '-subj', '/CN=Simulated Atlassian CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', f('server.key'), '-out', f('server.csr'), '-subj', '/CN=*.atlassian.net');
  writeFileSync(f('ext.cnf'), `subjectAltName=${ATLASSIAN_NAMES.map((n) => `DNS:${n}`).join(',')},IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  openssl('x509', '-req', '-in', f('server.csr'), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial',
    '-out', f('server.pem'), '-days', '2', '-extfile', f('ext.cnf'));
  cloudPki = { ca: f('ca.pem'), tls: { key: readFileSync(f('server.key')), cert: readFileSync(f('server.pem')) } };
  return cloudPki;
}

/**
 * The simulator for `scenario`. A Cloud credential goes only to `*.atlassian.net`
 * (SECURITY.md §7.1 — loopback is no exception), so a Cloud site is served over TLS under an
 * Atlassian name: a Cloud site of its own as `https://<scenario>.atlassian.net:<port>` (`url`,
 * `origin` and `baseUrl` say so); a Cloud site on another host name (`custom-domain`) stays on
 * `https://127.0.0.1:<port>` and the Atlassian site it names (port 443) is mapped to it. `cli`
 * holds what the CLI needs: `env.JTW_RESOLVE` (the CLI's test-only resolution override,
 * `src/cli/transport/resolve.rs`) mapping those names to the simulator, and `args` =
 * `--ca-cert` with the CA that issued the simulator's certificate. Other scenarios: the plain
 * simulator on 127.0.0.1, `cli` empty.
 */
export async function startSite(options) {
  const scenario = getScenario(options.scenario);
  if (scenario.hosting !== 'cloud') {
    const sim = await startSimulator(options);
    return Object.assign(sim, { cli: { env: {}, args: [] } });
  }
  const pki = atlassianPki();
  const sim = await startSimulator({ ...options, https: true, tls: pki.tls });
  const args = ['--ca-cert', pki.ca];
  if (scenario.configuredBaseUrl) {
    const site = new URL(scenario.configuredBaseUrl);
    const port = site.port || '443';
    return Object.assign(sim, { cli: { env: { JTW_RESOLVE: `${site.hostname}:${port}:127.0.0.1:${sim.port}` }, args } });
  }
  const host = scenario.siteHost ?? `${options.scenario}.atlassian.net`;
  const local = `https://127.0.0.1:${sim.port}`;
  const named = `https://${host}:${sim.port}`;
  const rename = (u) => (u.startsWith(local) ? named + u.slice(local.length) : u);
  return Object.assign(sim, {
    url: rename(sim.url),
    origin: rename(sim.origin),
    baseUrl: rename(sim.baseUrl),
    cli: { env: { JTW_RESOLVE: `${host}:${sim.port}:127.0.0.1` }, args },
  });
}
