// Jira Cloud sites under Atlassian names, for the browser E2E. A Cloud credential goes only to
// `*.atlassian.net` / `*.jira.com` (SECURITY.md §7.1 — this machine is no exception), so a Cloud
// scenario is served over TLS and opened as `https://<scenario>.atlassian.net:<port>`: Chromium
// resolves `*.atlassian.net` to 127.0.0.1 with the port kept (harness.mjs's host-resolver rule)
// and accepts the simulator's self-signed certificate; Firefox's test proxy tunnels
// `<name>.atlassian.net:<port>` to 127.0.0.1:<port> (browsers/firefox.mjs). The simulator
// answers with the name it was asked by (its `baseUrl` follows the Host header). The CLI tests
// do the same with a private CA (tests/cli/helpers.mjs `startSite`).
//
// Every other scenario — and `custom-domain`, the Cloud site *elsewhere* — is the plain
// simulator on http://127.0.0.1.

import { getScenario } from '../simulator/scenarios.mjs';
import { startSimulator } from '../simulator/server.mjs';

/** The host permission a test grants at install for the Cloud sites (any port). */
export const ATLASSIAN_PATTERN = 'https://*.atlassian.net/*';

/** The host permission for Atlassian Government Cloud's sites (`gov-cloud`: its `siteHost`). */
export const GOV_PATTERN = 'https://*.atlassian-us-gov-mod.net/*';

/** True when `scenario` is served as an Atlassian site (a Cloud scenario on its own name). */
export function onAtlassianName(scenario) {
  const s = getScenario(scenario);
  return s.hosting === 'cloud' && !s.configuredBaseUrl;
}

/**
 * `startSimulator(options)`, with a Cloud scenario served over TLS under
 * `https://<scenario>.atlassian.net:<port>` (or its own `siteHost`: Government Cloud's
 * `acme.atlassian-us-gov-mod.net`) (`url`, `origin` and `baseUrl` say so; `port` is
 * the simulator's).
 * @param {Parameters<typeof startSimulator>[0]} options
 */
export async function startSite(options) {
  if (!onAtlassianName(options.scenario)) return startSimulator(options);
  const sim = await startSimulator({ ...options, https: true });
  const local = `https://127.0.0.1:${sim.port}`;
  const named = `https://${getScenario(options.scenario).siteHost ?? `${options.scenario}.atlassian.net`}:${sim.port}`;
  const rename = (u) => (u.startsWith(local) ? named + u.slice(local.length) : u);
  return Object.assign(sim, { url: rename(sim.url), origin: rename(sim.origin), baseUrl: rename(sim.baseUrl) });
}
