// OAuth 2.0 client credentials (RFC 6749 §4.4) for service accounts: the token endpoints and
// the access tokens they issue.
//
// - Cloud: `POST /oauth/token` on a Cloud scenario's server stands in for
//   `https://auth.atlassian.com/oauth/token` (Atlassian, "Create OAuth 2.0 credential for
//   service accounts"): JSON `{grant_type, client_id, client_secret, audience}` → 200
//   `{access_token, expires_in: 3600, token_type: "Bearer", scope}`; a client it does not know or
//   a wrong secret → 401 `{"error":"access_denied","error_description":"Unauthorized"}` — the
//   answer of an Auth0 authorization server for unknown client credentials
//   (tests/fixtures/real/auth0-401-client-credentials-access-denied.json; that
//   auth.atlassian.com answers exactly so is [UNCONFIRMED]). The access token works only
//   through the gateway `/ex/jira/{cloudId}` (auth.mjs).
// - Data Center 11: `POST {context}/rest/oauth2/latest/token`, form-encoded with `scope`
//   (Atlassian, "Service accounts overview"): 200 as above; a wrong client → 401
//   `{"error":"invalid_client"}`, a scope the account lacks → 400 `{"error":"invalid_scope"}`
//   (RFC 6749 §5.2 errors; Jira's exact bodies are [UNCONFIRMED]). Older Jira has no such
//   endpoint: the path falls through to REST's 404.
//
// Each client is a user's `oauthClient: {id, secret, scopes}`; the access token is derived
// from the site and the user, so it is stable across runs and servers and never stored.

import { hashHex, isCloud, versionAtLeast } from './model.mjs';
import { send } from './respond.mjs';

const JSON_TYPE = 'application/json;charset=UTF-8';

/** The access token the site's token endpoint issues to `user` (a fake, JWT-looking value). */
export const accessTokenFor = (site, user) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(`sim-${site.name}-${user.name}`).toString('base64url')}.${hashHex(site.name, 'access', user.name).slice(0, 43)}`;

/** The user whose access token `token` is, or null. */
export const userOfAccessToken = (site, token) =>
  site.users.find((u) => u.oauthClient && accessTokenFor(site, u) === token) ?? null;

/** True where the site answers `POST …/rest/oauth2/latest/token` (Jira 11 Data Center). */
export const dcTokenEndpoint = (site) => !isCloud(site) && site.product === 'jira' && versionAtLeast(site.versionNumbers, 11, 0);

/** The token endpoint's answers carry none of Jira's headers: it is the authorization server. */
const answer = (ctx, status, value) =>
  send(ctx, status, { type: JSON_TYPE, body: JSON.stringify(value), foreign: true, headers: { 'Cache-Control': 'no-store' } });

/** Reads the request's form or JSON body into an object. */
function fields(ctx) {
  const type = String(ctx.req.headers['content-type'] ?? '');
  if (type.includes('json')) {
    try {
      const v = JSON.parse(ctx.body);
      return v && typeof v === 'object' ? v : {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(ctx.body));
}

/** `POST /oauth/token` (Cloud) or `POST /rest/oauth2/latest/token` (Data Center 11). */
export function handleTokenRequest(ctx) {
  const { site } = ctx;
  if (ctx.req.method !== 'POST') return answer(ctx, 405, { error: 'invalid_request' });
  const f = fields(ctx);
  if (f.grant_type !== 'client_credentials') return answer(ctx, 400, { error: 'unsupported_grant_type' });
  const user = site.users.find((u) => u.oauthClient?.id === f.client_id);
  const cloud = isCloud(site);
  if (!user || user.oauthClient.secret !== f.client_secret || !user.active) {
    return cloud
      ? answer(ctx, 401, { error: 'access_denied', error_description: 'Unauthorized' })
      : answer(ctx, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
  }
  const granted = user.oauthClient.scopes;
  if (!cloud) {
    const asked = String(f.scope ?? '').split(/\s+/).filter(Boolean);
    // WRITE includes READ (Atlassian, "How service accounts work in Data Center").
    const has = (s) => granted.includes(s) || (s === 'READ' && granted.includes('WRITE'));
    if (asked.length === 0 || !asked.every(has)) {
      return answer(ctx, 400, { error: 'invalid_scope', error_description: 'The requested scope is not granted to this client' });
    }
  }
  return answer(ctx, 200, {
    access_token: accessTokenFor(site, user), token_type: 'Bearer', expires_in: 3600, scope: granted.join(' '),
  });
}
