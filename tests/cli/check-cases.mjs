// The `check` scenarios shared by check.test.mjs (one verdict each) and
// check-secrets.test.mjs (no output ever holds the secret): which simulator scenario, which of
// its FAKE credentials, which options, and the verdict code the core must reach.
//
// Credentials come from the simulator (`startSimulator(...).credentials`, see
// tests/simulator/scenarios.mjs `scenarioCredentials`). A case whose scenario or user the
// simulator does not have yet becomes a node:test `todo` naming what is missing — never a fake.

import { getScenario, listScenarios } from '../simulator/scenarios.mjs';
import { closedPort, runCli, startSite } from './helpers.mjs';

/** A Data Center personal access token's shape (44 base64 characters), accepted nowhere. */
export const DC_PAT = 'MDAwMDAwMDAwMTAxOmFkbWluLWNpMDAwMDAwMDAwMDAw';

/** A secret no scenario accepts. */
export const BOGUS_SECRET = 'not-a-real-secret-7f3a9c';

const pat = (user) => (c) => c.users[user].pat;
const password = (user) => (c) => c.users[user].password;
const apiToken = (user) => (c) => c.users[user].apiToken;
const login = (user) => (c) => c.users[user].login;
const clientSecret = (user) => (c) => c.users[user].oauthClient.secret;
const clientArgs = (sim, user) => ['--auth', 'client-credentials', '--client-id', sim.credentials.users[user].oauthClient.id];

/** Name of an active user of `scenario` who may browse no project at all (a generic integration needs BROWSE_PROJECTS). */
function userWithoutProjects(scenario) {
  let s;
  try {
    s = getScenario(scenario);
  } catch {
    return null;
  }
  const u = s.users.find((x) => x.active && !Object.values(x.projectPermissions ?? {}).some((keys) => keys.includes('BROWSE_PROJECTS')));
  return u?.name ?? null;
}

const hasScenario = (name) => listScenarios().some((s) => s.name === name);

/**
 * Every case: `{ name, code, scenario?, user?(creds), secret(creds), args?(sim), url?(sim), todo?, check?(json, run, sim),
 * answeredBy?, sendsNothing? }` (`answeredBy`: who the verdict must name; `sendsNothing`: no credential reaches the site).
 * `scenario` absent = a closed loopback port. `args` are extra options after the URL (maybe
 * async); `url` replaces the simulator's URL (a pasted deep link).
 */
export const CASES = [
  // ---- ok ----
  { name: 'DC 9.12 cluster, jdoe personal access token', code: 'ok', scenario: 'dc-9.12-cluster', user: login('jdoe'), secret: pat('jdoe') },
  { name: 'Cloud, e-mail + API token', code: 'ok', scenario: 'cloud', user: login('jdoe'), secret: apiToken('jdoe') },
  { name: 'Server 8.5, username + password', code: 'ok', scenario: 'server-8.5', user: login('jdoe'), secret: password('jdoe') },
  // ---- not Jira / no answer ----
  { name: 'a plain web site', code: 'not_jira', scenario: 'not-atlassian', user: () => 'jdoe', secret: () => BOGUS_SECRET },
  { name: 'Confluence', code: 'not_jira', scenario: 'confluence', user: login('jdoe'), secret: password('jdoe') },
  { name: 'a closed port', code: 'unreachable', user: () => 'jdoe', secret: () => BOGUS_SECRET },
  { name: 'REST never answers, --timeout 1', code: 'timeout', scenario: 'hang', user: login('jdoe'), secret: pat('jdoe'), args: () => ['--timeout', '1'] },
  // ---- credentials ----
  { name: 'DC, wrong password', code: 'credentials_rejected', scenario: 'dc-9.12-cluster', user: login('jdoe'), secret: () => 'wrong-password', args: () => ['--auth', 'basic'] },
  { name: 'Cloud, bad API token', code: 'credentials_rejected', scenario: 'cloud', user: login('jdoe'), secret: () => 'ATATT3xFfGF0-not-a-real-token', args: (sim) => ['--gateway', sim.origin] },
  { name: 'Server 8.5 answering 200 + AUTHENTICATED_FAILED (JRA-41559)', code: 'credentials_rejected', scenario: 'empty-200-quirk', user: login('jdoe'), secret: () => 'wrong-password' },
  { name: 'Cloud, deactivated user (plain 401 on Cloud)', code: 'credentials_rejected', scenario: 'inactive-user', user: login('fred'), secret: apiToken('fred'), args: (sim) => ['--gateway', sim.origin] },
  { name: 'Cloud, account password', code: 'password_not_accepted', scenario: 'cloud', user: login('jdoe'), secret: password('jdoe'), args: (sim) => ['--gateway', sim.origin] },
  { name: 'DC, revoked PAT', code: 'token_not_recognized', scenario: 'dc-9.12-cluster', user: login('admin'), secret: (c) => c.users.admin.revokedPat },
  { name: 'DC, expired PAT', code: 'token_not_recognized', scenario: 'dc-9.12-cluster', user: login('jdoe'), secret: (c) => c.users.jdoe.expiredPat },
  { name: 'Server 7.13, --auth pat', code: 'pat_not_supported', scenario: 'server-7.13', user: login('admin'), secret: () => 'MDAwMDAwMDAwMTAxOmFkbWluLWNpMDAwMDAwMDAwMDAw', args: () => ['--auth', 'pat'] },
  { name: 'DC, PAT as the Basic password', code: 'pat_not_accepted_as_password', scenario: 'dc-9.12-cluster', user: login('admin'), secret: pat('admin'), args: () => ['--auth', 'basic'] },
  { name: 'Cloud, API token as Bearer (--auth pat)', code: 'wrong_auth_method', scenario: 'cloud', user: login('jdoe'), secret: apiToken('jdoe'), args: () => ['--auth', 'pat'] },
  { name: 'Cloud, scoped token: works through the gateway', code: 'ok', scenario: 'cloud', user: login('svc-sync'), secret: (c) => c.users['svc-sync'].scopedToken, args: (sim) => ['--gateway', sim.origin] },
  { name: 'Cloud, service account, the gateway does not answer', code: 'scoped_token_needs_gateway', scenario: 'cloud', user: login('svc-sync'), secret: (c) => c.users['svc-sync'].scopedToken, args: async () => ['--gateway', `http://127.0.0.1:${await closedPort()}`] },
  { name: 'Cloud, scoped token without read:jira-user', code: 'scope_mismatch', scenario: 'cloud', user: login('jdoe'), secret: (c) => c.users.jdoe.narrowScopedToken, args: (sim) => ['--gateway', sim.origin, '--for', 'elma365'] },
  { name: 'Cloud behind an IP allowlist', code: 'ip_not_allowed', scenario: 'ip-allowlist', user: login('jdoe'), secret: apiToken('jdoe') },
  { name: 'DC behind a Squid proxy', code: 'blocked_by_proxy', scenario: 'proxy-block', user: login('jdoe'), secret: pat('jdoe') },
  { name: 'DC, an e-mail as the login', code: 'credentials_rejected', scenario: 'dc-9.12-cluster', user: () => 'jane.doe@example.com', secret: password('jdoe'), args: () => ['--auth', 'basic'] },
  { name: 'Cloud, a username as the login', code: 'credentials_rejected', scenario: 'cloud', user: () => 'jdoe', secret: apiToken('jdoe'), args: (sim) => ['--gateway', sim.origin] },
  { name: 'DC, a pasted issue address', code: 'ok', scenario: 'dc-10.3', user: login('jdoe'), secret: pat('jdoe'), url: (sim) => `${sim.baseUrl}/browse/PROJ-1?focusedCommentId=1` },
  { name: 'Cloud on another host name', code: 'ok', scenario: 'custom-domain', user: login('jdoe'), secret: apiToken('jdoe') },
  { name: 'DC, a PAT that expires in 7 days', code: 'ok', scenario: 'dc-pat-expiring', user: login('svc-sync'), secret: pat('svc-sync'), args: () => ['--now', '2025-06-02T10:15:30Z'] },
  { name: 'Issue Sync: both Jiras\' forms', code: 'ok', scenario: 'dc-10.3', user: login('svc-sync'), secret: pat('svc-sync'), args: () => ['--for', 'issue-sync'] },
  { name: 'DC, CAPTCHA tripped', code: 'captcha_required', scenario: 'captcha', user: login('jdoe'), secret: password('jdoe'), args: () => ['--auth', 'basic'] },
  // --auth auto reads the secret: a password where a PAT is expected goes as the password it is.
  { name: 'DC, CAPTCHA tripped, password under --auth auto', code: 'captcha_required', scenario: 'captcha', user: login('jdoe'), secret: password('jdoe'), args: () => ['--auth', 'auto'] },
  { name: 'DC, Cyrillic password under --auth auto', code: 'credentials_rejected', scenario: 'dc-9.12-cluster', user: login('jdoe'), secret: () => 'Пароль Ёж-2024', args: () => ['--auth', 'auto'] },
  { name: 'DC, PAT with a line break under --auth auto', code: 'ok', scenario: 'dc-9.12-cluster', user: login('jdoe'), secret: (c) => `${c.users.jdoe.pat}\n`, args: () => ['--auth', 'auto'] },
  { name: 'DC 9.12, Basic disabled by the admin', code: 'basic_auth_disabled', scenario: 'basic-disabled', user: login('admin'), secret: password('admin'), args: () => ['--auth', 'basic'] },
  // A service account's OAuth 2.0 client credentials (the client secret in JIRA_TOKEN, no --user).
  { name: 'DC 11.3, client credentials, wrong secret', code: 'client_credentials_rejected', scenario: 'dc-11.3', secret: () => 'ATOA-not-the-secret', args: (sim) => clientArgs(sim, 'svc-sync') },
  { name: 'DC 11.3, client credentials, the service account sees no project', code: 'service_account_no_access', scenario: 'dc-11.3', secret: clientSecret('svc-empty'), args: (sim) => clientArgs(sim, 'svc-empty') },
  { name: 'DC 11.3, client credentials, no scope granted', code: 'client_scopes_missing', scenario: 'dc-11.3', secret: clientSecret('svc-noscope'), args: (sim) => clientArgs(sim, 'svc-noscope') },
  { name: 'DC 10.3, client credentials: no token endpoint', code: 'token_endpoint_missing', scenario: 'dc-10.3', secret: () => 'ATOA-any-secret', args: () => ['--auth', 'client-credentials', '--client-id', 'some-client'] },
  { name: 'ELMA365 with client credentials: its form has no place for them', code: 'client_credentials_not_supported', scenario: 'dc-11.3', secret: clientSecret('svc-sync'), args: (sim) => [...clientArgs(sim, 'svc-sync'), '--for', 'elma365'], sendsNothing: true },
  { name: 'DC 11.3, password', code: 'basic_auth_off_by_default', scenario: 'dc-11.3', user: login('admin'), secret: password('admin'), args: () => ['--auth', 'basic'] },
  // A typed address whose REST only redirects to a login is not confirmed as Jira: nothing sent.
  { name: 'SSO gateway, password', code: 'sso_login_page', scenario: 'sso-redirect', user: login('jdoe'), secret: password('jdoe'), args: () => ['--auth', 'basic'], sendsNothing: true },
  { name: 'SSO gateway, PAT', code: 'sso_login_page', scenario: 'sso-redirect', user: login('jdoe'), secret: pat('jdoe'), sendsNothing: true },
  {
    name: 'DC user without Jira access (401 AUTHORISATION_FAILED)', code: 'account_inactive', scenario: 'dc-no-jira-access',
    user: login('noaccess'), secret: password('noaccess'), args: () => ['--auth', 'basic'],
    todo: hasScenario('dc-no-jira-access') ? undefined : 'simulator scenario "dc-no-jira-access" (user noaccess) does not exist yet',
  },
  { name: '--user jdoe with admin\'s PAT', code: 'user_mismatch', scenario: 'dc-9.12-cluster', user: login('jdoe'), secret: pat('admin') },
  // ---- the server's state ----
  { name: 'Cloud answering 429', code: 'rate_limited', scenario: 'rate-limited', user: login('jdoe'), secret: apiToken('jdoe') },
  {
    name: 'a user who may browse no project', code: 'missing_permissions', scenario: 'missing-permissions',
    user: (c) => login(userWithoutProjects('missing-permissions'))(c), secret: (c) => pat(userWithoutProjects('missing-permissions'))(c),
    todo: userWithoutProjects('missing-permissions') ? undefined
      : 'no user in "missing-permissions" lacks BROWSE_PROJECTS everywhere, the only key --for generic needs '
        + '(a user lacking it in PROJ gets 404 = project_not_found, as in Jira)',
  },
  { name: '--project NOPE', code: 'project_not_found', scenario: 'missing-permissions', user: login('jdoe'), secret: pat('jdoe'), args: () => ['--project', 'NOPE'] },
  { name: 'DC answering 500', code: 'server_error', scenario: 'server-error', user: login('jdoe'), secret: pat('jdoe') },
  // ---- who answered, then the status class (issue 17) ----
  { name: 'a Jira page whose REST API answers 429, serverInfo too', code: 'rate_limited', scenario: 'jira-rate-limited-serverinfo', user: login('jdoe'), secret: pat('jdoe'), answeredBy: 'jira', sendsNothing: true },
  { name: 'a Jira page whose REST API answers 500, serverInfo too', code: 'server_error', scenario: 'jira-500', user: login('jdoe'), secret: pat('jdoe'), answeredBy: 'jira', sendsNothing: true },
  { name: 'DC behind a proxy asking for its own login (407)', code: 'proxy_auth_required', scenario: 'proxy-407', user: login('jdoe'), secret: pat('jdoe'), answeredBy: 'device_in_front' },
  { name: 'DC behind a reverse proxy failing with 502', code: 'server_error', scenario: 'proxy-502', user: login('jdoe'), secret: pat('jdoe'), answeredBy: 'device_in_front' },
  { name: 'Cloud behind CloudFront answering its own 404', code: 'edge_not_found', scenario: 'cloud-edge-404', user: login('jdoe'), secret: apiToken('jdoe'), answeredBy: 'atlassian_edge' },
  { name: 'Cloud, API token as Bearer: today\'s 403 form', code: 'wrong_auth_method', scenario: 'cloud-bearer-403', user: login('jdoe'), secret: apiToken('jdoe'), args: () => ['--auth', 'pat'], answeredBy: 'jira' },
  { name: 'AvePoint backup on a self-managed Jira', code: 'target_not_supported', scenario: 'dc-9.12-cluster', user: login('admin'), secret: pat('admin'), args: () => ['--for', 'avepoint-backup'], answeredBy: 'nobody', sendsNothing: true },
  { name: '--auth pat with a secret no token can be', code: 'secret_not_a_token', scenario: 'dc-9.12-cluster', user: login('admin'), secret: () => 'пароль с пробелами', args: () => ['--auth', 'pat'], answeredBy: 'nobody', sendsNothing: true },
  // ---- a token's life (issue 19) ----
  { name: 'Cloud, the integration calls the removed GET /rest/api/2|3/search', code: 'endpoint_removed', scenario: 'cloud-search-removed', user: login('jdoe'), secret: apiToken('jdoe'), args: () => ['--calls', 'search-v2,search-v3'], answeredBy: 'jira' },
  { name: 'Cloud site, a Data Center PAT as Bearer', code: 'moved_to_cloud', scenario: 'cloud-refuses-dc-pat', secret: () => DC_PAT, args: () => ['--auth', 'pat'], answeredBy: 'jira' },
  { name: 'Cloud site, a Data Center username + password', code: 'moved_to_cloud', scenario: 'cloud-refuses-dc-pat', user: () => 'admin', secret: () => 'admin-pass', args: (sim) => ['--gateway', sim.origin], answeredBy: 'jira' },
  { name: 'the old Data Center address redirecting to *.atlassian.net', code: 'moved_to_cloud', scenario: 'dc-moved-to-cloud', user: login('jdoe'), secret: pat('jdoe') },
  { name: 'Cloud, refused after the --expires-on date', code: 'token_expired', scenario: 'cloud', user: login('jdoe'), secret: () => 'ATATT3xFfGF0-not-a-real-token', args: (sim) => ['--gateway', sim.origin, '--expires-on', '2026-03-20', '--now', '2026-04-01T09:00:00Z'], answeredBy: 'jira' },
  {
    name: 'a proxy answering myself with 200 JSON that is no user', code: 'unexpected_response', scenario: 'proxy-garbage', answeredBy: 'device_in_front',
    user: login('jdoe'), secret: pat('jdoe'),
    todo: hasScenario('proxy-garbage') ? undefined : 'simulator scenario "proxy-garbage" does not exist yet',
  },
];

/**
 * Starts what a case talks to: the simulator scenario, or a closed port.
 * @returns {Promise<{ url: string, origin: string, credentials: object|null, log: object[], close: () => Promise<void> }>}
 */
export async function startTarget(kase) {
  if (!kase.scenario) {
    const origin = `http://127.0.0.1:${await closedPort()}`;
    return { url: `${origin}/`, origin, credentials: null, log: [], cli: { env: {}, args: [] }, close: async () => {} };
  }
  return startSite({ scenario: kase.scenario });
}

/** The case's login and secret for a running target. */
export function credentialsOf(kase, target) {
  const creds = target.credentials ?? { users: {} };
  return { login: kase.user ? kase.user(creds) : null, secret: kase.secret(creds) };
}

/**
 * Runs `check` for a case against a running target.
 * @returns {Promise<ReturnType<typeof runCli> & { json: object|null, login: string|null, secret: string }>}
 */
export async function runCase(kase, target, { format = 'json', lang = 'en' } = {}) {
  const { login: user, secret } = credentialsOf(kase, target);
  if (!secret) throw new Error(`case "${kase.name}": the simulator has no such credential`);
  const url = kase.url?.(target) ?? target.url;
  const args = ['check', url, '--format', format, '--lang', lang, ...(user ? ['--user', user] : []), ...((await kase.args?.(target)) ?? []), ...target.cli.args];
  const run = await runCli(args, { env: { ...target.cli.env, JIRA_TOKEN: secret } });
  let json = null;
  if (format === 'json') {
    try {
      json = JSON.parse(run.stdout);
    } catch {
      throw new Error(`not JSON (exit ${run.code}):\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
    }
  }
  return { ...run, json, login: user, secret };
}
