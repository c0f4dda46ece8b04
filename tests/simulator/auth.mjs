// Who a request runs as: turns the Authorization header and the session cookie into a user,
// anonymous, or a refusal, following facts §3 (token kinds) and §4 (failures); and how each
// refusal looks on the wire.

import { findPat, findUser, isCloud, patSupported, patUsable, SIM_NOW, userByName, versionAtLeast } from './model.mjs';
import { userOfAccessToken } from './oauth.mjs';
import { NOT_AUTHENTICATED, send, sendHtml, sendJson, sendText } from './respond.mjs';

/** The session cookie name (facts §2.4; Cloud's real session cookie is not in the facts, one name serves both). */
export const SESSION_COOKIE = 'JSESSIONID';

/**
 * Parses an Authorization header without keeping it anywhere.
 * @returns {null | {scheme:'basic', login:string, secret:string} | {scheme:'bearer', token:string} | {scheme:null}}
 */
export function parseAuthorization(value) {
  if (!value) return null;
  const [scheme = '', ...rest] = value.trim().split(/\s+/);
  const param = rest.join(' ');
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(param, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0
      ? { scheme: 'basic', login: decoded, secret: '' }
      : { scheme: 'basic', login: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  if (scheme.toLowerCase() === 'bearer') return { scheme: 'bearer', token: param };
  return { scheme: null };
}

/** `Cookie` header → Map of name → value. */
export function parseCookies(header) {
  const cookies = new Map();
  for (const part of String(header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

/** The session id and user behind the request's session cookie, or nulls. */
export function sessionOf(site, cookies) {
  const id = cookies.get(SESSION_COOKIE);
  const name = id ? site.sessions.get(id) : undefined;
  return name ? { sessionId: id, user: userByName(site, name) } : { sessionId: null, user: null };
}

const ANONYMOUS = Object.freeze({ user: null, loginReason: null });
const refuse = (refusal, loginReason = null) => ({ user: null, loginReason, refusal });
const signedIn = (user, loginReason = null) => ({ user, loginReason });

/**
 * Decides who a REST call runs as.
 * @param {object} site running site (model.mjs createSite)
 * @param {ReturnType<typeof parseAuthorization>} credential
 * @param {object|null} sessionUser user of a valid session cookie
 * @param {{gateway?: boolean}} opts gateway: the request came through `/ex/jira/{cloudId}` (facts §3.2)
 * @returns {{user: object|null, loginReason: string|null, refusal?: string}} loginReason: X-Seraph-LoginReason to send
 */
export function authenticate(site, credential, sessionUser, { gateway = false } = {}) {
  const fallThrough = sessionUser ? signedIn(sessionUser) : ANONYMOUS;
  if (!credential) return fallThrough;
  if (isCloud(site)) return cloudAuth(site, credential, gateway) ?? fallThrough;
  if (credential.scheme === 'basic') return serverBasic(site, credential);
  // A service account's OAuth 2.0 access token (Jira 11, oauth.mjs).
  const client = credential.scheme === 'bearer' ? userOfAccessToken(site, credential.token) : null;
  if (client) return client.active ? signedIn(client) : fallThrough;
  if (credential.scheme === 'bearer' && patSupported(site)) {
    const found = findPat(site, credential.token);
    if (found && patUsable(found.pat) && found.user.active) {
      found.pat.lastAccessedAt = SIM_NOW; // the token list's lastAccessedAt (pat.mjs)
      return signedIn(found.user);
    }
  }
  // facts §3.3/§4.4: a bad, revoked or expired PAT does not stop the request: the PAT filter
  // passes it on unauthenticated. Before 8.14 there is no PAT filter and Seraph ignores Bearer.
  // The next authenticator is the session: with the browser's cookie attached the request would
  // run as the logged-in user (facts §6.2, an inference the simulator makes real); else anonymous.
  return fallThrough;
}

/** Server/DC Basic: Seraph's password check with the failed-login counter (facts §4.2, §4.3, §4.5). */
function serverBasic(site, { login, secret }) {
  if (site.basicAuthDisabled) return refuse('basic-disabled'); // facts §4.5: refused before any check
  const user = findUser(site, login);
  if (!user) return refuse('bad-credentials', 'AUTHENTICATED_FAILED');
  // facts §4.3: once tripped, even the right password is refused until a browser login.
  if (user.failedLogins >= site.captchaThreshold) return refuse('captcha', captchaLoginReason(site));
  if (user.active && secret === user.password) {
    user.failedLogins = 0;
    // facts §4.2: a user without USE (e.g. an LDAP/Crowd user with no Jira access) → 401;
    // the reason value is one of Seraph's (facts §2.3).
    if (!user.globalPermissions.includes('USE')) return refuse('no-jira-access', 'AUTHORISATION_FAILED');
    return signedIn(user, 'OK');
  }
  // A PAT sent as the Basic password lands here too: there is no Basic branch for PATs (facts §3.3).
  user.failedLogins += 1;
  return refuse('bad-credentials', 'AUTHENTICATED_FAILED');
}

/**
 * X-Seraph-LoginReason of a CAPTCHA refusal. Recorded: AUTHENTICATION_DENIED on 8.0.2
 * (tests/fixtures/real/server-8.0.2-captcha-403.json), AUTHENTICATED_FAILED on 8.20.8
 * (tests/fixtures/real/server-8.20.8-captcha-403.json), whose page still says
 * "Reason : AUTHENTICATION_DENIED". Which release in between changed it is not recorded; the
 * simulator switches at 8.20.
 */
const captchaLoginReason = (site) =>
  (versionAtLeast(site.versionNumbers, 8, 20) ? 'AUTHENTICATED_FAILED' : 'AUTHENTICATION_DENIED');

/** Cloud: API tokens over Basic on the site, scoped tokens only through the gateway (facts §3.1, §3.2, §4.1). */
function cloudAuth(site, credential, gateway) {
  if (credential.scheme === 'bearer') {
    // facts §3.2: the gateway takes a service account's scoped token as Bearer.
    // A service account's OAuth 2.0 access token works there too (oauth.mjs).
    const owner = gateway
      ? site.users.find((u) => u.scopedTokens.includes(credential.token)) ?? userOfAccessToken(site, credential.token)
      : null;
    if (owner) return owner.active ? signedIn(owner) : refuse('inactive', 'AUTHENTICATED_FAILED');
    // facts §3.1: Bearer is for OAuth access tokens; an API token sent as Bearer fails to parse.
    return refuse(gateway ? 'gateway-unauthorized' : 'bearer-not-oauth');
  }
  if (credential.scheme !== 'basic') return null;
  const user = findUser(site, credential.login);
  const { secret } = credential;
  if (gateway) {
    if (user?.scopedTokens.includes(secret)) return user.active ? signedIn(user) : refuse('inactive', 'AUTHENTICATED_FAILED');
    // facts §3.2: a scoped token without the scope the endpoint needs (read:jira-user for /myself).
    if (user?.narrowScopedTokens.includes(secret)) return refuse('scope-mismatch');
    return refuse('gateway-unauthorized');
  }
  if (!user) return refuse('bad-credentials', 'AUTHENTICATED_FAILED');
  if (user.apiTokens.includes(secret)) {
    return user.active ? signedIn(user) : refuse('inactive', 'AUTHENTICATED_FAILED'); // facts §3.1 AX-684
  }
  // facts §3.2: the site cannot tell a scoped token from a wrong one ("there is no way to
  // distinguish them just from the token itself"): the same 401 as a bad token.
  if (user.password !== null && secret === user.password) return refuse('cloud-password'); // facts §4.1
  return refuse('bad-credentials', 'AUTHENTICATED_FAILED');
}

/**
 * The HTML page Seraph writes for a Basic login refused by the CAPTCHA (facts §4.2, §4.3): title,
 * application-name meta and body element as on the recorded 8.0.2 and 8.20.8 pages
 * (tests/fixtures/real/server-8.*-captcha-403.json), scripts and styles left out.
 */
const captchaPage = (site) => '<html><head><title>Forbidden (403)</title>'
  + `<meta name="application-name" content="JIRA" data-name="jira" data-version="${site.version}"></head>`
  + `<body id="jira" class="aui-layout aui-style-default page-type-message" data-version="${site.version}">`
  + '<h1>Forbidden (403)</h1><p>Basic Authentication Failure - Reason : AUTHENTICATION_DENIED</p></body></html>';

/**
 * Cloud's 401 for an e-mail + API token it does not accept, as recorded
 * (tests/fixtures/real/cloud-401-api-token-rejected.json; facts §4.1 lists other observed bodies).
 */
const CLOUD_NOT_AUTHENTICATED = { message: 'Client must be authenticated to access this resource.', 'status-code': 401 };

/** Sends the answer for `refusal` (one of the reasons `authenticate` returns). */
export function sendRefusal(ctx, refusal) {
  const { site } = ctx;
  switch (refusal) {
    case 'bad-credentials':
      if (isCloud(site)) return sendJson(ctx, 401, CLOUD_NOT_AUTHENTICATED); // facts §4.1
      if (site.quirks.emptyAuthFailure) return send(ctx, 200); // JRA-41559, facts §4.2
      return sendJson(ctx, 401, NOT_AUTHENTICATED); // facts §4.2 JSON variant on REST
    case 'no-jira-access': // facts §4.2 (status); body as for a wrong password (assumption)
      return sendJson(ctx, 401, NOT_AUTHENTICATED);
    case 'captcha': // facts §4.3
      return sendHtml(ctx, 403, captchaPage(site), {
        'X-Authentication-Denied-Reason': `CAPTCHA_CHALLENGE; login-url=${ctx.origin}${site.contextPath}/login.jsp`,
      });
    case 'basic-disabled': // facts §4.5
      return sendJson(ctx, 403, { message: 'Basic Authentication has been disabled on this instance.' });
    case 'cloud-password': // facts §4.1 (later variant of the link)
      return sendText(ctx, 401, 'Basic authentication with passwords is deprecated.  For more information, see: '
        + 'https://developer.atlassian.com/cloud/confluence/deprecation-notice-basic-auth/');
    case 'inactive': // facts §3.1 AX-684 gives only "Unauthorized (401)"; body as for a bad token (assumption)
      return sendJson(ctx, 401, CLOUD_NOT_AUTHENTICATED);
    case 'bearer-not-oauth': // facts §3.1: message observed, JSON shape invented
      // facts §7.1: today's form, 403 JSON `{"error": …}` (`quirks.bearerForm: 'connect-403'`).
      if (site.quirks.bearerForm === 'connect-403') {
        return sendJson(ctx, 403, { error: 'Failed to parse Connect Session Auth Token' });
      }
      return sendJson(ctx, 401, { errorMessages: ['Failed to parse Connect Session Auth Token'], errors: {} });
    case 'scope-mismatch': // facts §3.2; the gateway's body as recorded (tests/fixtures/real/gateway-401-scope-mismatch.json)
      return sendJson(ctx, 401, { code: 401, message: 'Unauthorized; scope does not match' });
    case 'gateway-unauthorized': // gateway refusing a classic token or password: wording invented [UNCONFIRMED]
      return sendJson(ctx, 401, { code: 401, message: 'Unauthorized' });
    default:
      throw new Error(`unknown refusal ${refusal}`);
  }
}

/**
 * A browser (form/JSON) login: right password → the user, with the failed-login counter reset —
 * that is how a user clears a CAPTCHA lock (facts §4.3). Wrong password → null, counter +1.
 * Basic-auth switches (facts §4.5) do not apply to browser logins.
 */
export function browserLogin(site, login, password) {
  const user = findUser(site, login) ?? userByName(site, login);
  if (!user) return null;
  if (user.active && user.password !== null && password === user.password) {
    user.failedLogins = 0;
    return user;
  }
  user.failedLogins += 1;
  return null;
}
