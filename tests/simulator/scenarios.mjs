// The scenario catalogue: each scenario is plain data describing one site (hosting, product,
// version, users, projects, quirks). The behaviour modules answer from this model; nothing
// here sends a response. All credentials are fake test data.

import { GLOBAL_KEYS, PROJECT_KEYS } from './permissions.mjs';
import { SIM_NOW, days, hashHex, patUsable, versionAtLeast } from './model.mjs';

const PROJ = { id: '10000', key: 'PROJ', name: 'Demo project' };
const OPS = { id: '10001', key: 'OPS', name: 'Operations' };
const PUB = { id: '10002', key: 'PUB', name: 'Public roadmap' };

// ---- permission bundles (keys from facts §5.2) ----
const USER_GLOBAL = ['USE', 'USER_PICKER', 'CREATE_SHARED_OBJECTS'];
const MEMBER = [
  'BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ASSIGN_ISSUES', 'ASSIGNABLE_USER', 'RESOLVE_ISSUES',
  'CLOSE_ISSUES', 'TRANSITION_ISSUES', 'LINK_ISSUES', 'SCHEDULE_ISSUES', 'ADD_COMMENTS', 'EDIT_OWN_COMMENTS',
  'DELETE_OWN_COMMENTS', 'CREATE_ATTACHMENTS', 'DELETE_OWN_ATTACHMENTS', 'WORK_ON_ISSUES', 'EDIT_OWN_WORKLOGS',
  'DELETE_OWN_WORKLOGS', 'MANAGE_WATCHERS', 'VIEW_VOTERS_AND_WATCHERS', 'MANAGE_SPRINTS_PERMISSION',
  'VIEW_DEV_TOOLS', 'VIEW_READONLY_WORKFLOW',
];
const READER = ['BROWSE_PROJECTS', 'VIEW_VOTERS_AND_WATCHERS', 'VIEW_READONLY_WORKFLOW'];
const grant = (projects, keys) => Object.fromEntries(projects.map((p) => [p.key, keys]));

// ---- fake credentials ----
/** A DC-PAT-looking value: base64 of `<12-digit id>:<20 bytes>`, 44 characters (shape observed, not documented). */
const patValue = (id, label) => Buffer.from(`${String(id).padStart(12, '0')}:${label.padEnd(20, '0').slice(0, 20)}`).toString('base64');
/** A Cloud-API-token-looking value with the observed `ATATT3xFfGF0` prefix (facts §3.1: variable length). */
const cloudToken = (label) =>
  `ATATT3xFfGF0${Buffer.from(`sim-${label}`).toString('base64url')}${hashHex('api-token', label).slice(0, 48)}=${hashHex('check', label).slice(0, 8).toUpperCase()}`;
/** PAT record; `expiresInDays` null = no expiry (eternal tokens are allowed, facts §3.3). */
const pat = (id, user, name, expiresInDays) => ({
  id, name, token: patValue(id, `${user}-${name}`),
  createdAt: SIM_NOW - days(30),
  expiringAt: expiresInDays === null ? null : SIM_NOW + days(expiresInDays),
});

/** A service account's OAuth 2.0 client (oauth.mjs): a client id and secret of the shapes seen (fake). */
const oauthClient = (label, scopes) => ({
  id: Buffer.from(`sim-client-${label}`).toString('base64url').slice(0, 32),
  secret: `ATOA${hashHex('client-secret', label).slice(0, 60)}`,
  scopes,
});
/** `users` with `name`'s OAuth 2.0 client set. */
const withClient = (users, name, client) => users.map((u) => (u.name === name ? { ...u, oauthClient: client } : u));

const base = (u) => ({
  active: true, captcha: false, pats: [], revokedPats: [], apiTokens: [], scopedTokens: [], narrowScopedTokens: [],
  timeZone: 'Europe/Berlin', locale: 'en_US', ...u,
});

/**
 * The three self-hosted users every Jira Server/DC scenario has: an admin, a normal user and
 * a technical user. `withPats` gives each a valid PAT, plus a revoked (admin) and an expired (jdoe) one.
 * `legacyKeys` uses key = name as on Jira 7 (newer Jira gives new users `JIRAUSER…` keys).
 */
function serverUsers({ withPats, legacyKeys = false, projects = [PROJ] }) {
  const key = (name, n) => (legacyKeys ? name : `JIRAUSER${10000 + n}`);
  const pats = (list) => (withPats ? list : []);
  return [
    base({
      name: 'admin', key: key('admin', 0), email: 'admin@example.com', displayName: 'Ada Admin', password: 'admin-pass',
      pats: pats([pat(101, 'admin', 'ci', null)]), revokedPats: pats([patValue(100, 'admin-revoked')]),
      globalPermissions: GLOBAL_KEYS, projectPermissions: grant(projects, PROJECT_KEYS),
    }),
    base({
      name: 'jdoe', key: key('jdoe', 1), email: 'jane.doe@example.com', displayName: 'Jane Doe', password: 'jdoe-pass',
      pats: pats([pat(201, 'jdoe', 'laptop', 90), pat(202, 'jdoe', 'old', -1)]),
      globalPermissions: USER_GLOBAL, projectPermissions: grant(projects, MEMBER),
    }),
    base({
      name: 'svc-sync', key: key('svc-sync', 2), email: 'svc-sync@example.com', displayName: 'Sync Service',
      password: 'svc-sync-pass', pats: pats([pat(301, 'svc-sync', 'sync', 365)]),
      globalPermissions: ['USE'], projectPermissions: grant(projects, MEMBER),
    }),
  ];
}

/** Cloud users: emails log in; the technical user is a service account with a scoped token only (facts §3.2). */
function cloudUsers(projects = [PROJ]) {
  return [
    base({
      name: 'admin', accountId: '5f1a0c0e2d3b4a5968c7d0e1', accountType: 'atlassian', email: 'admin@example.com',
      displayName: 'Ada Admin', password: 'admin-pass', apiTokens: [cloudToken('admin')],
      globalPermissions: GLOBAL_KEYS.filter((k) => k !== 'USE'), projectPermissions: grant(projects, PROJECT_KEYS),
    }),
    base({
      name: 'jdoe', accountId: '60b7d4e5f6a7b8c9d0e1f2a3', accountType: 'atlassian', email: 'jane.doe@example.com',
      displayName: 'Jane Doe', password: 'jdoe-pass', apiTokens: [cloudToken('jdoe')],
      // a scoped token made with read:jira-work only: the gateway refuses /myself (facts §3.2)
      narrowScopedTokens: [cloudToken('jdoe-narrow-scoped')],
      globalPermissions: ['USER_PICKER', 'CREATE_SHARED_OBJECTS'], projectPermissions: grant(projects, MEMBER),
    }),
    base({
      name: 'svc-sync', accountId: '712020:0b3c6f2e-5d1a-4c7e-9f80-2a4b6c8d0e1f', accountType: 'app', appType: 'service',
      email: 'svc-sync-k3x9@serviceaccount.atlassian.com', displayName: 'Sync Service', password: null,
      scopedTokens: [cloudToken('svc-sync-scoped')], globalPermissions: [], projectPermissions: grant(projects, MEMBER),
    }),
  ];
}

// ---- site templates ----
function cloud(over) {
  return {
    hosting: 'cloud', product: 'jira',
    version: '1001.0.0-SNAPSHOT', versionNumbers: [1001, 0, 0], buildNumber: 100289, // facts §1.2/§1.3
    buildDate: '2025-05-28T04:12:19.000+0000', scmInfo: '4e8c1f0a9b2d3c4e5f60718293a4b5c6d7e8f901', serverTitle: 'Jira',
    contextPath: '', configuredBaseUrl: null, cloudId: 'a436116f-02ce-4520-8fbb-7301462a1674',
    nodeId: null, sen: null, serverHeader: 'AtlassianEdge', serverInfoNeedsLogin: false, basicAuthDisabled: false,
    users: cloudUsers(), projects: [PROJ], quirks: {},
    ...over,
  };
}

function selfHosted(version, buildNumber, over = {}) {
  const versionNumbers = version.split('.').map(Number);
  const withPats = versionAtLeast(versionNumbers, 8, 14); // users get PATs where Jira has them (facts §3.3)
  return {
    hosting: 'server', product: 'jira', version, versionNumbers, buildNumber, databaseBuildNumber: buildNumber,
    buildDate: '2025-03-11T00:00:00.000+0000', scmInfo: '9f3b2a1c0d4e5f6a7b8c9d0e1f2a3b4c5d6e7f80', serverTitle: 'Jira',
    contextPath: '', configuredBaseUrl: null, cloudId: null, nodeId: null, sen: 'SEN-L19876543',
    serverHeader: 'nginx', serverInfoNeedsLogin: false, basicAuthDisabled: false,
    users: serverUsers({ withPats }), projects: [PROJ], quirks: {},
    ...over,
  };
}

const dc912 = (over) => selfHosted('9.12.15', 9120015, over);

/** name → { description, ...site }. Names are a contract with the tests; keep them stable. */
const CATALOGUE = {
  // ---- detection ----
  cloud: cloud({
    description: 'Jira Cloud site: api tokens, a scoped token (service account), cloudId, /ex/jira gateway; svc-sync\'s OAuth 2.0 client credentials (token endpoint at /oauth/token)',
    users: withClient(cloudUsers(), 'svc-sync', oauthClient('cloud-svc-sync', ['read:jira-user', 'read:jira-work', 'write:jira-work'])),
  }),
  'server-7.13': selfHosted('7.13.18', 713018, {
    description: 'Jira Server 7.13.18: serverInfo without deploymentType, no PATs (Bearer ignored), Apache-Coyote',
    serverHeader: 'Apache-Coyote/1.1', users: serverUsers({ withPats: false, legacyKeys: true }),
  }),
  'server-8.5': selfHosted('8.5.5', 805005, { description: 'Jira Server 8.5.5: deploymentType Server, no PATs, no node id' }),
  'dc-9.12-cluster': dc912({ description: 'Jira DC 9.12.15 cluster: X-ANODEID jira_node_1, X-ASEN, PATs', nodeId: 'jira_node_1' }),
  'dc-10.3': selfHosted('10.3.19', 10030019, {
    description: 'Jira DC 10.3.19 (not clustered); project PUB is browsable anonymously',
    projects: [PROJ, PUB], users: serverUsers({ withPats: true, projects: [PROJ, PUB] }),
    anonymous: { globalPermissions: [], projectPermissions: grant([PUB], READER) },
  }),
  'dc-11.3': selfHosted('11.3.1', 11030001, {
    description: 'Jira DC 11.3.1: Basic auth disabled by default (403 JSON), PATs; svc-sync as a service account with OAuth 2.0 client credentials (scope READ)',
    basicAuthDisabled: true,
    users: [
      ...withClient(serverUsers({ withPats: true }), 'svc-sync', oauthClient('dc-svc-sync', ['READ'])),
      // Two more service accounts: one granted no project, one whose client was given no scope.
      base({
        name: 'svc-empty', key: 'JIRAUSER10010', email: 'svc-empty@example.com', displayName: 'Empty Service', password: null,
        globalPermissions: ['USE'], projectPermissions: {}, oauthClient: oauthClient('dc-svc-empty', ['READ']),
      }),
      base({
        name: 'svc-noscope', key: 'JIRAUSER10011', email: 'svc-noscope@example.com', displayName: 'Unscoped Service', password: null,
        globalPermissions: ['USE'], projectPermissions: grant([PROJ], READER), oauthClient: oauthClient('dc-svc-noscope', []),
      }),
    ],
  }),
  'context-path-mismatch': dc912({
    description: 'Jira DC 9.12.15 under /jira whose configured base URL (https://jira.corp.example/jira) is not the address reached',
    contextPath: '/jira', configuredBaseUrl: 'https://jira.corp.example/jira',
  }),
  'serverinfo-needs-login': dc912({
    description: 'Jira DC 9.12.15 behind a site restriction: anonymous serverInfo answers 401', serverInfoNeedsLogin: true,
  }),
  confluence: {
    ...selfHosted('8.5.16', 9012, { description: 'Confluence DC 8.5.16 under /wiki: ajs-version-number on pages, no Jira REST' }),
    product: 'confluence', contextPath: '/wiki', serverTitle: 'Confluence', users: serverUsers({ withPats: false }),
  },
  'not-atlassian': {
    description: 'A plain web site: no Jira, every /rest path is a 404 HTML page',
    hosting: 'server', product: 'other', version: null, versionNumbers: [], contextPath: '', configuredBaseUrl: null,
    serverHeader: 'nginx', users: [], projects: [], quirks: {},
  },
  // ---- token test ----
  captcha: dc912({
    description: 'Jira DC 9.12.15 where jdoe already tripped the CAPTCHA: Basic gets 403 AUTHENTICATION_DENIED',
    users: serverUsers({ withPats: true }).map((u) => (u.name === 'jdoe' ? { ...u, captcha: true } : u)),
  }),
  'basic-disabled': dc912({ description: 'Jira DC 9.12.15 with Basic auth disabled by the admin; PATs work', basicAuthDisabled: true }),
  'sso-redirect': dc912({
    description: 'Jira DC 9.12.15 behind SSO: every /rest request is redirected (302) to an IdP page on the same origin',
    quirks: { sso: 'same-origin' },
  }),
  'sso-other-origin': dc912({
    description: 'Like sso-redirect, but the IdP is another origin (localhost vs 127.0.0.1, same port)',
    quirks: { sso: 'other-origin' },
  }),
  'rate-limited': cloud({ description: 'Jira Cloud answering 429 + Retry-After to every REST call but serverInfo', quirks: { failure: 'rate-limit' } }),
  'server-error': dc912({ description: 'Jira DC 9.12.15 answering 500 to every REST call but serverInfo', quirks: { failure: 'server-error' } }),
  hang: dc912({ description: 'Jira DC 9.12.15 that never answers REST calls other than serverInfo', quirks: { failure: 'hang' } }),
  'empty-200-quirk': selfHosted('8.5.5', 805005, {
    description: 'Jira Server 8.5.5 answering a wrong password with 200, empty body, AUTHENTICATED_FAILED (JRA-41559)',
    quirks: { emptyAuthFailure: true },
  }),
  'missing-permissions': dc912({
    description: 'Jira DC 9.12.15: jdoe lacks CREATE_ISSUES in PROJ (has it in OPS); svc-sync is read-only; nobrowse sees no project',
    projects: [PROJ, OPS],
    users: [...serverUsers({ withPats: true, projects: [PROJ, OPS] }).map((u) => {
      if (u.name === 'jdoe') {
        const noCreate = MEMBER.filter((k) => k !== 'CREATE_ISSUES' && k !== 'CREATE_ATTACHMENTS');
        return { ...u, projectPermissions: { PROJ: noCreate, OPS: MEMBER } };
      }
      return u.name === 'svc-sync' ? { ...u, projectPermissions: grant([PROJ, OPS], READER) } : u;
    }), base({
      name: 'nobrowse', key: 'JIRAUSER10003', email: 'ned@example.com', displayName: 'Ned No-Browse', password: 'nobrowse-pass',
      pats: [pat(401, 'nobrowse', 'api', 90)], globalPermissions: ['USE'], projectPermissions: {},
    })],
  }),
  'inactive-user': cloud({
    description: 'Jira Cloud with a deactivated user (fred) whose api token now gets 401',
    users: [...cloudUsers(), base({
      name: 'fred', accountId: '5a9b8c7d6e5f4a3b2c1d0e9f', accountType: 'atlassian', email: 'fred.former@example.com',
      displayName: 'Fred Former', password: 'fred-pass', apiTokens: [cloudToken('fred')], active: false,
      globalPermissions: [], projectPermissions: grant([PROJ], MEMBER),
    })],
  }),
  // Appended after the brief's list: record.mjs ports follow catalogue order (keep it stable).
  'dc-no-jira-access': dc912({
    description: 'Jira DC 9.12.15 with noaccess, a directory user without Jira access (no USE): Basic gets 401 AUTHORISATION_FAILED',
    users: [...serverUsers({ withPats: true }), base({
      name: 'noaccess', key: 'JIRAUSER10004', email: 'nora@example.com', displayName: 'Nora No-Access', password: 'noaccess-pass',
      globalPermissions: [], projectPermissions: {},
    })],
  }),
  'proxy-garbage': dc912({
    description: 'Jira DC 9.12.15 behind a broken proxy: REST calls but serverInfo get 200 JSON that is not Jira\'s',
    quirks: { failure: 'proxy-json' },
  }),
  // ---- issue 13 ----
  'ip-allowlist': cloud({
    description: 'Jira Cloud with an IP allowlist this caller is not on: REST calls but serverInfo get the allowlist refusal',
    quirks: { failure: 'ip-allowlist' },
  }),
  'proxy-block': dc912({
    description: 'Jira DC 9.12.15 behind a Squid proxy that blocks every REST call but serverInfo with its own 403 page',
    quirks: { failure: 'proxy-block' },
  }),
  'custom-domain': cloud({
    description: 'Jira Cloud reached on another host name; serverInfo names its https://acme.atlassian.net base URL',
    configuredBaseUrl: 'https://acme.atlassian.net',
  }),
  'dc-pat-expiring': selfHosted('10.3.19', 10030019, {
    description: 'Jira DC 10.3.19 where svc-sync\'s only personal access token expires in 7 days',
    users: serverUsers({ withPats: true }).map((u) => (u.name === 'svc-sync' ? { ...u, pats: [pat(301, 'svc-sync', 'sync', 7)] } : u)),
  }),
  // ---- issue 17: who answered, then the status class ----
  'dc-8.20': selfHosted('8.20.8', 820008, {
    description: 'Jira DC 8.20.8: between 8.14 and 9.0, personal access tokens exist (facts §3.3)',
  }),
  'jira-rate-limited-serverinfo': dc912({
    description: 'Jira DC 9.12.15 whose page is Jira but whose REST API, serverInfo too, answers 429 + Retry-After',
    quirks: { failure: 'rate-limit', serverInfoFails: true },
  }),
  'jira-500': dc912({
    description: 'Jira DC 9.12.15 whose page is Jira but whose REST API, serverInfo too, answers Jira\'s 500',
    quirks: { failure: 'server-error', serverInfoFails: true },
  }),
  'proxy-407': dc912({
    description: 'Jira DC 9.12.15 behind a proxy that answers 407 Proxy Authentication Required to every REST call but serverInfo',
    quirks: { failure: 'proxy-auth' },
  }),
  'proxy-502': dc912({
    description: 'Jira DC 9.12.15 behind a reverse proxy that answers its own 502 Bad Gateway to every REST call but serverInfo',
    quirks: { failure: 'proxy-bad-gateway' },
  }),
  'cloud-edge-404': cloud({
    description: 'Jira Cloud behind CloudFront bot protection: its 404 HTML page to every REST call but serverInfo (facts §7.1)',
    quirks: { failure: 'edge-not-found' },
  }),
  'cloud-bearer-403': cloud({
    description: 'Jira Cloud answering an API token sent as Bearer with today\'s 403 {"error": "Failed to parse Connect Session Auth Token"}',
    quirks: { bearerForm: 'connect-403' },
  }),
  'gov-cloud': cloud({
    description: 'Atlassian Government Cloud site (acme.atlassian-us-gov-mod.net, Jira under /jira): its own gateway and authorization server; svc-sync\'s OAuth 2.0 client credentials',
    siteHost: 'acme.atlassian-us-gov-mod.net', contextPath: '/jira', cloudId: '3f0c2a91-6b7d-4e58-9a1c-0d2e4f6a8b13',
    users: withClient(cloudUsers(), 'svc-sync', oauthClient('gov-svc-sync', ['read:jira-user', 'read:jira-work'])),
  }),
  // ---- a token's life (issue 19) ----
  'cloud-search-removed': cloud({
    description: 'Jira Cloud as every Cloud site is since 2025: GET /rest/api/2|3/search answers 410 (CHANGE-2046), /rest/api/3/search/jql works (facts §7.1)',
  }),
  'dc-moved-to-cloud': dc912({
    description: 'The old address of a Jira DC that moved to Cloud: every request 301 to https://moved-to-cloud.atlassian.net, path kept (facts §7.5)',
    quirks: { movedTo: 'https://moved-to-cloud.atlassian.net' },
  }),
  'cloud-refuses-dc-pat': cloud({
    description: 'Jira Cloud that a Data Center PAT (Bearer) or username + password is sent to after a move: today\'s 403 for Bearer, 401 for Basic (facts §7.1, §7.5)',
    quirks: { bearerForm: 'connect-403' },
  }),
};

/** @returns {object} a deep copy of the scenario named `name` (with its `name`), or throws. */
export function getScenario(name) {
  const scenario = CATALOGUE[name];
  if (!scenario) throw new Error(`unknown scenario "${name}"; known: ${Object.keys(CATALOGUE).join(', ')}`);
  return structuredClone({ name, ...scenario });
}

/** @returns {{ name: string, description: string }[]} every scenario, in catalogue order. */
export function listScenarios() {
  return Object.entries(CATALOGUE).map(([name, s]) => ({ name, description: s.description }));
}

/**
 * The fake credentials of a scenario, keyed by user name:
 * `{ login, password, displayName, active, captcha, apiToken?, scopedToken?, pat?, expiredPat?, revokedPat? }`
 * (`login` is what goes before the colon in Basic: the email on Cloud, the user name on Server/DC).
 * @returns {{ scenario: string, hosting: string, cloudId: string|null, users: Record<string, object> }}
 */
export function scenarioCredentials(name) {
  const s = getScenario(name);
  const users = {};
  for (const u of s.users) {
    const entry = {
      login: s.hosting === 'cloud' ? u.email : u.name, password: u.password, displayName: u.displayName,
      active: u.active, captcha: u.captcha,
    };
    if (u.apiTokens[0]) entry.apiToken = u.apiTokens[0];
    if (u.scopedTokens[0]) entry.scopedToken = u.scopedTokens[0];
    if (u.narrowScopedTokens[0]) entry.narrowScopedToken = u.narrowScopedTokens[0];
    const valid = u.pats.find(patUsable);
    const expired = u.pats.find((p) => !patUsable(p));
    if (valid) entry.pat = valid.token;
    if (expired) entry.expiredPat = expired.token;
    if (u.revokedPats[0]) entry.revokedPat = u.revokedPats[0];
    if (u.oauthClient) entry.oauthClient = { id: u.oauthClient.id, secret: u.oauthClient.secret };
    users[u.name] = entry;
  }
  return { scenario: name, hosting: s.hosting, cloudId: s.cloudId ?? null, users };
}
