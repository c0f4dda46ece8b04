// The simulated site's state and the small pure helpers every behaviour module shares:
// the fixed clock, deterministic ids, user look-up, version checks, base URL.
//
// Everything here is deterministic so that `record.mjs` re-records identical fixtures.

import { createHash } from 'node:crypto';

/** The simulator's fixed "now" (2025-06-02T10:15:30Z): serverTime, PAT dates, rate-limit reset. */
export const SIM_NOW = Date.UTC(2025, 5, 2, 10, 15, 30);

/** Jira's timestamp format, e.g. `2025-06-02T10:15:30.000+0000` (facts §1.3 samples). */
export function jiraTime(ms) {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** Days → milliseconds. */
export const days = (n) => n * 24 * 60 * 60 * 1000;

/** Deterministic lower-case hex digest of the parts (ids, request ids, session ids). */
export function hashHex(...parts) {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** UUID-shaped text from 32 hex digits. */
export function uuidFrom(hex) {
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join('-');
}

/**
 * A fresh, mutable copy of a scenario for one running server, with run-time state:
 * `failedLogins` per user (a tripped CAPTCHA starts at the threshold, facts §4.3),
 * `sessions` (session id → user name), `requests` (counter behind X-AREQUESTID),
 * `nextPatId` (ids of PATs created over REST).
 */
export function createSite(scenario) {
  const site = structuredClone(scenario);
  site.captchaThreshold ??= 3; // facts §4.3: Jira's default is [UNCONFIRMED]; Fisheye/Bamboo use 3
  site.maxTokens ??= 10; // facts §3.3 atlassian.pats.max.tokens.per.user
  site.anonymous ??= { globalPermissions: [], projectPermissions: {} };
  site.quirks ??= {};
  for (const user of site.users) user.failedLogins = user.captcha ? site.captchaThreshold : 0;
  site.sessions = new Map();
  site.requests = 0;
  site.nextPatId = 1 + Math.max(0, ...site.users.flatMap((u) => u.pats.map((p) => p.id)));
  return site;
}

export const isCloud = (site) => site.hosting === 'cloud';

/** True when `versionNumbers` (e.g. `[9, 12, 15]`) ≥ `[major, minor]`. */
export function versionAtLeast(versionNumbers, major, minor) {
  const [a = 0, b = 0] = versionNumbers;
  return a > major || (a === major && b >= minor);
}

/** PATs exist on Jira Server/DC 8.14 and later (facts §3.3). */
export const patSupported = (site) => site.product === 'jira' && !isCloud(site) && versionAtLeast(site.versionNumbers, 8, 14);

/** The base URL Jira reports: the admin-configured one, or the address reached (facts §6.4). */
export const siteBaseUrl = (site, reachedOrigin) => site.configuredBaseUrl ?? reachedOrigin + site.contextPath;

/** The page a user would open first (relative to the origin). */
export function entryPath(site) {
  if (site.product === 'other') return '/';
  if (isCloud(site)) return '/jira/your-work';
  if (site.product === 'confluence') return `${site.contextPath}/dashboard.action`;
  return `${site.contextPath}/secure/Dashboard.jspa`;
}

/** User by login: the email on Cloud, the user name on Server/DC (case-insensitive). */
export function findUser(site, login) {
  const wanted = String(login ?? '').toLowerCase();
  const field = isCloud(site) ? 'email' : 'name';
  return site.users.find((u) => u[field].toLowerCase() === wanted) ?? null;
}

/** User by its scenario name (sessions, the test-login helper). */
export const userByName = (site, name) => site.users.find((u) => u.name === name) ?? null;

/** A listed PAT (revoked ones are not listed) is usable until its expiry, ms or null (facts §4.4). */
export function patUsable(pat) {
  return pat.expiringAt === null || pat.expiringAt > SIM_NOW;
}

/** The user and PAT record a Bearer value belongs to, or null. */
export function findPat(site, token) {
  for (const user of site.users) {
    const pat = user.pats.find((p) => p.token === token);
    if (pat) return { user, pat };
  }
  return null;
}

/** A new deterministic session id (JSESSIONID value) for `userName`. */
export function openSession(site, userName) {
  const id = hashHex(site.name, 'session', site.sessions.size, userName).slice(0, 32).toUpperCase();
  site.sessions.set(id, userName);
  return id;
}

/** The XSRF token of a visitor (facts §2.4: suffix `lin` logged in, `lout` logged out). */
export function xsrfToken(site, user) {
  const h = hashHex(site.name, 'xsrf', user?.name ?? '').toUpperCase();
  const dashed = [0, 4, 8, 12].map((i) => h.slice(i, i + 4)).join('-');
  const sep = isCloud(site) ? '_' : '|';
  return `${dashed}${sep}${h.slice(16, 56).toLowerCase()}${sep}${user ? 'lin' : 'lout'}`;
}
