#!/usr/bin/env node
// Command line for the Jira simulator: try the extension or the CLI without a real Jira.
//   node tests/simulator/cli.mjs <scenario> [--port N] [--latency MS] [--https]
//   node tests/simulator/cli.mjs --all [--port N]     every scenario on consecutive ports
//   node tests/simulator/cli.mjs --list               scenario names and descriptions
// Prints only the scenario's FAKE credentials.

import { parseArgs } from 'node:util';
import { listScenarios, scenarioCredentials, startSimulator } from './server.mjs';

const DEFAULT_PORT = 8080;
const USAGE = `Usage:
  node tests/simulator/cli.mjs <scenario> [--port N] [--latency MS] [--https]
  node tests/simulator/cli.mjs --all [--port FIRST_PORT] [--latency MS]
  node tests/simulator/cli.mjs --list`;

function fail(message) {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function printList() {
  const width = Math.max(...listScenarios().map((s) => s.name.length));
  for (const s of listScenarios()) console.log(`${s.name.padEnd(width)}  ${s.description}`);
}

/** The banner for one running scenario: where to go and which fake credentials work. */
function printBanner(sim, description) {
  const creds = scenarioCredentials(sim.scenario);
  const firstUser = Object.keys(creds.users)[0];
  const lines = [
    `Jira simulator: ${sim.scenario}`,
    `  ${description}`,
    '',
    `  Open in a browser    ${sim.url}`,
    `  Base URL (REST)      ${sim.baseUrl}`,
  ];
  if (firstUser) lines.push(`  Log in without form  ${sim.baseUrl}/test-login?user=${firstUser}   (simulator helper, not a Jira URL)`);
  if (creds.cloudId) {
    lines.push(`  Cloud id             ${creds.cloudId}`);
    lines.push(`  Scoped-token gateway ${sim.origin}/ex/jira/${creds.cloudId}   (stands in for api.atlassian.com)`);
  }
  if (firstUser) {
    lines.push('', '  FAKE test credentials (Basic = login:password or login:apiToken; PATs go in "Authorization: Bearer …"):');
    for (const [name, u] of Object.entries(creds.users)) {
      const flags = [!u.active && 'DEACTIVATED', u.captcha && 'CAPTCHA tripped'].filter(Boolean).join(', ');
      lines.push(`  - ${name} (${u.displayName})${flags ? `  [${flags}]` : ''}`);
      lines.push(`      login        ${u.login}`);
      if (u.password) lines.push(`      password     ${u.password}`);
      for (const key of ['apiToken', 'scopedToken', 'pat', 'expiredPat', 'revokedPat']) {
        if (u[key]) lines.push(`      ${key.padEnd(12)} ${u[key]}`);
      }
    }
  }
  console.log(lines.join('\n'));
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        port: { type: 'string' }, latency: { type: 'string' }, https: { type: 'boolean' },
        all: { type: 'boolean' }, list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return fail(err.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return console.log(USAGE);
  if (values.list) return printList();

  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  const latencyMs = values.latency === undefined ? 0 : Number(values.latency);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port must be a port number, got "${values.port}"`);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) return fail(`--latency must be milliseconds, got "${values.latency}"`);
  const scenarios = listScenarios();
  const chosen = values.all ? scenarios : scenarios.filter((s) => s.name === positionals[0]);
  if (!values.all && positionals.length !== 1) return fail('Name one scenario (or --all / --list).');
  if (!chosen.length) return fail(`Unknown scenario "${positionals[0]}". Known: ${scenarios.map((s) => s.name).join(', ')}`);

  const running = [];
  const stop = async () => {
    await Promise.all(running.map((sim) => sim.close()));
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (const [i, scenario] of chosen.entries()) {
    try {
      running.push(await startSimulator({
        scenario: scenario.name, port: port === 0 ? 0 : port + i, latencyMs, https: Boolean(values.https),
      }));
    } catch (err) {
      await Promise.all(running.map((sim) => sim.close()));
      return fail(err.code === 'EADDRINUSE' ? `Port ${port + i} is in use: pick another with --port N.` : err.message);
    }
  }
  if (values.all) {
    const width = Math.max(...chosen.map((s) => s.name.length));
    console.log(`${'scenario'.padEnd(width)}  ${'open in a browser'.padEnd(52)}  base URL (REST)`);
    for (const sim of running) console.log(`${sim.scenario.padEnd(width)}  ${sim.url.padEnd(52)}  ${sim.baseUrl}`);
    console.log('\nCredentials: node tests/simulator/cli.mjs <scenario> prints them (passwords are <user>-pass).');
  } else {
    printBanner(running[0], chosen[0].description);
  }
  console.log('\nRunning. Press Ctrl-C to stop.');
  return undefined;
}

await main();
