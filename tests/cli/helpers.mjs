// Helpers for the CLI end-to-end tests: build and run the REAL `jira-token-wizard` binary,
// and small stand-in servers for failures the Jira simulator does not model (a port that
// answers nothing at all).
//
// The binary is `target/debug/jira-token-wizard`, built once per test file by `buildCli()`
// (`cargo build --bin jira-token-wizard`, a no-op when it is up to date; test.sh builds it
// before running node --test). Set JTW_BIN to test another binary and skip the build.

import { execFile, execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = process.env.JTW_BIN ?? path.join(ROOT, 'target/debug/jira-token-wizard');

/** Builds the binary unless JTW_BIN points at one. */
export function buildCli() {
  if (process.env.JTW_BIN) return;
  execFileSync('cargo', ['build', '--quiet', '--bin', 'jira-token-wizard'], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * A predictable environment: English, no proxy for the loopback simulator, and no JIRA_TOKEN
 * from the outside (a test that wants one passes it in `extra`).
 */
function cliEnv(extra) {
  const env = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', NO_PROXY: '127.0.0.1,localhost' };
  delete env.JIRA_TOKEN;
  return { ...env, ...extra };
}

/**
 * Runs the binary. Never hangs the suite: it is killed after `killAfterMs`. `input` is written
 * to its stdin (which is closed either way).
 * @returns {Promise<{ code: number|null, signal: string|null, stdout: string, stderr: string, ms: number }>}
 */
export function runCli(args, { env = {}, killAfterMs = 20_000, input = '' } = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = execFile(BIN, args, { env: cliEnv(env), timeout: killAfterMs, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
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

/** `detect URL --format json …` parsed; fails with the CLI's output when it is not JSON. */
export async function detectJson(url, extra = []) {
  const run = await runCli(['detect', url, '--format', 'json', ...extra]);
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
