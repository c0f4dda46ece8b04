// End-to-end: `check --token-stdin` on a real terminal. The CLI runs in a pseudo-terminal
// (util-linux `script`), asks for the secret on stderr, and the secret typed there is not
// echoed back: the terminal's echo is off while the line is read, and on again afterwards.
// Run: `node --test tests/cli/terminal.test.mjs` (needs `script`, from util-linux/bsdutils).

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { before, test } from 'node:test';
import { startSimulator } from '../simulator/server.mjs';
import { BIN, buildCli } from './helpers.mjs';

before(buildCli);

const quote = (s) => `'${s.replaceAll("'", "'\\''")}'`;

/**
 * Runs `command` in a pseudo-terminal; types `typed` once `prompt` is on the screen, then
 * `stty -a` (so the test can see the echo was put back). Resolves with everything the terminal
 * showed. Killed after 20 s.
 */
function inTerminal(command, prompt, typed) {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', `${command}; stty -a`, '/dev/null'], {
      env: { ...process.env, LANG: 'C', NO_PROXY: '127.0.0.1', TERM: 'dumb' },
    });
    let screen = '';
    let sent = false;
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`hung; screen:\n${screen}`)); }, 20_000);
    child.stdout.on('data', (chunk) => {
      screen += chunk.toString('utf8');
      if (!sent && screen.includes(prompt)) {
        sent = true;
        child.stdin.write(`${typed}\r`);
      }
    });
    child.on('close', () => { clearTimeout(timer); resolve(screen); });
  });
}

test('a secret typed on a terminal with --token-stdin is not echoed, and echo comes back', async () => {
  const sim = await startSimulator({ scenario: 'dc-9.12-cluster' });
  try {
    const typed = 'jdoe-pass';
    const cli = [BIN, 'check', sim.url, '--user', 'jdoe', '--auth', 'basic', '--token-stdin'].map(quote).join(' ');
    const screen = await inTerminal(cli, 'Token or password (not shown):', typed);
    assert.ok(screen.includes('Token or password (not shown):'), screen);
    assert.ok(!screen.includes(typed), `the typed secret was echoed:\n${screen}`);
    // The test really reached Jira with what was typed: jdoe is named as the account.
    assert.match(screen, /Jane Doe/);
    // `stty -a` after the CLI: echo is on again (`echo`, not `-echo`).
    assert.match(screen, /(^|\s)echo(\s|$)/m, screen);
  } finally {
    await sim.close();
  }
});
