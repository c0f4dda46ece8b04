// End-to-end: the real `jira-token-wizard detect` binary against the project's Jira simulator
// (tests/simulator), one scenario per test, asserting the JSON contract field by field.
// Run: `node --test tests/cli/` (builds the binary first; see helpers.mjs).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listScenarios, startSimulator } from '../simulator/server.mjs';
import { buildCli, detectJson, runCli, startSite } from './helpers.mjs';

const CLOUD_TOKEN_PAGE = 'https://id.atlassian.com/manage-profile/security/api-tokens';
const PAT_PATH =
  '/secure/ViewProfile.jspa?selectedTab=com.atlassian.pats.pats-plugin:jira-user-personal-access-tokens';
const CLOUD_ID = 'a436116f-02ce-4520-8fbb-7301462a1674';

/** Self-managed Jira at the simulator's root (no context path, base URL = where it was reached). */
const selfManaged = (version, buildNumber, method, more = {}) => (sim) => ({
  exit: 0,
  deployment: {
    product: 'jira', hosting: 'self-managed', edition: null, version, buildNumber,
    baseUrl: sim.origin, contextPath: '', cloudId: null, ...more.deployment?.(sim),
  },
  method,
  tokenPageUrl: method === 'pat' ? sim.origin + PAT_PATH : null,
  warnings: [],
  ...more.rest?.(sim),
});

// What `detect --format json` must say for each detection scenario. Jira older than 8.14 has
// no personal access tokens (facts §3.3), so 7.13 and 8.5 get username + password.
const EXPECTED = {
  cloud: (sim) => ({
    exit: 0,
    deployment: {
      product: 'jira', hosting: 'cloud', edition: null, version: '1001.0.0-SNAPSHOT', buildNumber: 100289,
      baseUrl: sim.origin, contextPath: '', cloudId: CLOUD_ID,
    },
    method: 'api-token',
    tokenPageUrl: CLOUD_TOKEN_PAGE,
    warnings: [],
  }),
  'server-7.13': selfManaged('7.13.18', 713018, 'basic'),
  'server-8.5': selfManaged('8.5.5', 805005, 'basic'),
  // facts §1.4: X-ANODEID ⇒ a cluster ⇒ Data Center.
  'dc-9.12-cluster': selfManaged('9.12.15', 9120015, 'pat', { deployment: () => ({ edition: 'data-center' }) }),
  'dc-10.3': selfManaged('10.3.19', 10030019, 'pat'),
  'dc-11.3': selfManaged('11.3.1', 11030001, 'pat'),
  'context-path-mismatch': selfManaged('9.12.15', 9120015, 'pat', {
    deployment: () => ({ baseUrl: 'https://jira.corp.example/jira', contextPath: '/jira' }),
    // The token page is on the origin that was tested (SECURITY.md §7.1), not the configured one.
    rest: (sim) => ({ tokenPageUrl: `${sim.baseUrl}${PAT_PATH}`, warnings: ['base_url_other_host'] }),
  }),
  // serverInfo answers 401 anonymously: version and build come from the page's meta tags.
  'serverinfo-needs-login': selfManaged('9.12.15', 9120015, 'pat', {
    rest: () => ({ warnings: ['server_info_needs_login'] }),
  }),
  confluence: () => ({
    exit: 1,
    deployment: { product: 'confluence', hosting: null, edition: null, baseUrl: null, contextPath: null, cloudId: null },
    method: null,
  }),
  'not-atlassian': () => ({
    exit: 1,
    deployment: {
      product: 'not-atlassian', hosting: null, edition: null, version: null, buildNumber: null,
      baseUrl: null, contextPath: null, cloudId: null,
    },
    method: null,
  }),
};

before(buildCli);

test('every detection scenario of the simulator has an expectation here', () => {
  const known = new Set(listScenarios().map((s) => s.name));
  for (const name of Object.keys(EXPECTED)) assert.ok(known.has(name), `simulator has no scenario ${name}`);
});

/** Asserts the JSON of one run against the expectation. */
function assertDetection(run, want, sim, typedUrl = sim.url) {
  const { json } = run;
  assert.equal(run.code, want.exit, `exit code; stderr: ${run.stderr}`);
  for (const [key, value] of Object.entries(want.deployment)) {
    assert.deepEqual(json.deployment[key], value, `deployment.${key}`);
  }
  if (want.method === null) {
    assert.equal(json.authPlan, null, 'no auth plan for a site that is not Jira');
  } else {
    assert.equal(json.authPlan.method, want.method, 'authPlan.method');
    assert.equal(json.authPlan.tokenPageUrl, want.tokenPageUrl, 'authPlan.tokenPageUrl');
    // A page address (not the base URL) is reduced to the base URL, and says so (issue 13).
    const typed = new URL(typedUrl);
    const page = json.deployment.reachedBaseUrl !== null
      && `${typed.origin}${typed.pathname}`.replace(/\/$/, '') !== json.deployment.reachedBaseUrl
      && `${typed.origin}${typed.pathname}`.startsWith(`${json.deployment.reachedBaseUrl}/`);
    const wanted = [...want.warnings, ...(page ? ['url_normalized'] : [])].sort();
    assert.deepEqual(json.warnings.map((w) => w.code).sort(), wanted, 'warning codes');
  }
  assert.ok(Array.isArray(json.requests) && json.requests.length > 0, 'requests are listed');
  for (const r of json.requests) {
    assert.equal(r.auth, 'None', `${r.url} was sent without credentials`);
    // Loopback, or the Atlassian name a Cloud site is served under (startSite).
    assert.ok(/^http:\/\/127\.0\.0\.1:\d+\//.test(r.url) || r.url.startsWith(`${sim.origin}/`), r.url);
  }
  // The simulator saw only anonymous, cookie-less requests.
  for (const entry of sim.log) {
    assert.equal(entry.hasAuthorization, false, `${entry.path} carried Authorization`);
    assert.equal(entry.hasCookie, false, `${entry.path} carried a cookie`);
  }
}

describe('detect --format json, per scenario, from the page a user would open', () => {
  for (const [scenario, expect] of Object.entries(EXPECTED)) {
    test(scenario, async (t) => {
      const sim = await startSite({ scenario });
      t.after(() => sim.close());
      const run = await detectJson(sim.url, [], sim);
      assertDetection(run, expect(sim), sim);
    });
  }
});

describe('detect from the bare origin (redirects to the entry page are followed)', () => {
  for (const scenario of ['context-path-mismatch', 'dc-9.12-cluster', 'cloud', 'confluence']) {
    test(scenario, async (t) => {
      const sim = await startSite({ scenario });
      t.after(() => sim.close());
      const run = await detectJson(sim.origin, [], sim);
      assertDetection(run, EXPECTED[scenario](sim), sim, sim.origin);
    });
  }
});

describe('detect, text output', () => {
  let sim;
  before(async () => { sim = await startSimulator({ scenario: 'dc-9.12-cluster' }); });
  after(() => sim.close());

  test('English: summary, facts, numbered steps, requests', async () => {
    const run = await runCli(['detect', sim.url]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^Jira Data Center 9\\.12\\.15 at ${sim.origin}\\n`));
    assert.match(run.stdout, /Hosting: +self-managed, Data Center/);
    assert.match(run.stdout, /Build: +9120015/);
    assert.match(run.stdout, /Cluster node: +jira_node_1/);
    assert.match(run.stdout, /How to sign in: Personal access token \(Bearer\)/);
    assert.match(run.stdout, /\n {2}1\. Open http:\/\/127\.0\.0\.1:\d+\/secure\/ViewProfile\.jspa/);
    assert.match(run.stdout, /\n {2}4\. /);
    assert.match(run.stdout, /GET http:\/\/127\.0\.0\.1:\d+\/rest\/api\/2\/serverInfo → 200/);
    assert.equal(run.stderr, '');
  });

  test('Russian with --lang ru, and from LANG', async () => {
    const flag = await runCli(['detect', sim.url, '--lang', 'ru']);
    assert.match(flag.stdout, /^Jira Data Center 9\.12\.15 по адресу /);
    assert.match(flag.stdout, /Как входить: Персональный токен доступа/);
    const env = await runCli(['detect', sim.url], { env: { LANG: 'ru_RU.UTF-8' } });
    assert.equal(env.stdout.split('\n')[0], flag.stdout.split('\n')[0]);
  });

  test('warnings come with their fix', async (t) => {
    const mismatch = await startSimulator({ scenario: 'context-path-mismatch' });
    t.after(() => mismatch.close());
    const run = await runCli(['detect', mismatch.url]);
    assert.match(run.stdout, /Warnings:\n(?:.*\n)*? {2}! .*\[base_url_other_host\]\n.*\n {4}Fix: /);
  });

  test('a site that is not Jira exits 1 and says so', async (t) => {
    const other = await startSimulator({ scenario: 'not-atlassian' });
    t.after(() => other.close());
    const run = await runCli(['detect', other.url]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^This page is not Jira\n/);
  });
});
