// Jira DC personal access token REST (`{ctx}/rest/pat/latest/tokens`, facts §3.3) with the
// XSRF origin check self-hosted Jira applies to mutating requests (facts §4.8).
// Error bodies use the pats-plugin mapper shape `{exception, error}` (facts §3.3); the exception
// class names and most wordings are the simulator's [not in facts].

import { days, hashHex, patSupported, SIM_NOW } from './model.mjs';
import { send, sendJson, sendRestNotFound, sendText } from './respond.mjs';

const MAX_NAME_LENGTH = 40; // facts §3.3 atlassian.pats.token.name.length
const MAX_EXPIRY_DAYS = 365; // facts §3.3 atlassian.pats.max.tokens.expiry.days
const XSRFABLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const EXTENSION_ORIGIN = /^(chrome|safari)-extension:\/\//; // BROWSER_EXTENSION_ORIGINS, facts §4.8

const patError = (ctx, status, exception, error) =>
  sendJson(ctx, status, { exception: `com.atlassian.pats.rest.exception.${exception}`, error });

/**
 * The PAT REST's timestamps: ISO 8601 with a `+00:00` offset, not Jira's `+0000`
 * (tests/fixtures/real/dc-10.3.19-pat-list.json).
 */
const patTime = (ms) => new Date(ms).toISOString().replace('Z', '+00:00');

/**
 * Token JSON as the PAT REST returns it (facts §3.3 field list), in the recorded order `id, name,
 * createdAt, lastAccessedAt, expiringAt` (tests/fixtures/real/dc-10.3.19-pat-list.json);
 * `lastAccessedAt` once the token was used (whether an unused token sends it is not recorded);
 * `rawToken` only on creation.
 */
function tokenJson(pat, rawToken) {
  const out = { id: pat.id, name: pat.name, createdAt: patTime(pat.createdAt) };
  if (pat.lastAccessedAt) out.lastAccessedAt = patTime(pat.lastAccessedAt);
  if (pat.expiringAt !== null) out.expiringAt = patTime(pat.expiringAt);
  if (rawToken) out.rawToken = rawToken;
  return out;
}

/**
 * facts §4.8: XSRF-able content types need `X-Atlassian-Token: no-check`; a browser-like
 * User-Agent must also pass the origin check — same-origin Origin/Referer, or an Origin with a
 * chrome-extension/safari-extension scheme (`moz-extension` is not in the list).
 */
function xsrfPasses(ctx) {
  const h = ctx.req.headers;
  const type = String(h['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const token = String(h['x-atlassian-token'] ?? '').toLowerCase();
  if (XSRFABLE_TYPES.includes(type) && token !== 'no-check' && token !== 'nocheck') return false;
  if (!/mozilla\//i.test(String(h['user-agent'] ?? ''))) return true;
  if (h.origin) return h.origin === ctx.origin || EXTENSION_ORIGIN.test(h.origin);
  return String(h.referer ?? '').startsWith(`${ctx.origin}/`);
}

/** Routes `tokens` (`rest` = '') and `tokens/{id}` (`rest` = '/{id}'). Caller already authenticated or anonymous. */
export function handlePat(ctx, rest) {
  if (!patSupported(ctx.site)) return sendRestNotFound(ctx); // no pats-plugin before 8.14 (facts §3.3)
  const { method } = ctx.req;
  if (method !== 'GET' && !xsrfPasses(ctx)) return sendText(ctx, 403, 'XSRF check failed');
  if (!ctx.user) {
    return patError(ctx, 401, 'UnauthorizedException', 'Requesting user is unauthorized to perform this operation');
  }
  if (rest === '' && method === 'GET') return sendJson(ctx, 200, ctx.user.pats.map((p) => tokenJson(p)));
  if (rest === '' && method === 'POST') return createToken(ctx);
  const id = /^\/(\d+)$/.exec(rest)?.[1];
  const pat = id && ctx.user.pats.find((p) => p.id === Number(id));
  if (!pat) return patError(ctx, 404, 'TokenNotFoundException', `Token ${id ?? rest} not found.`);
  if (method === 'GET') return sendJson(ctx, 200, tokenJson(pat));
  if (method === 'DELETE') {
    ctx.user.pats = ctx.user.pats.filter((p) => p !== pat);
    ctx.user.revokedPats.push(pat.token);
    return send(ctx, 204);
  }
  return send(ctx, 405);
}

/** `POST tokens` body `{"name":…, "expirationDuration": days}` → 201 with `rawToken` (facts §3.3). */
function createToken(ctx) {
  const { site, user } = ctx;
  let body;
  try {
    body = JSON.parse(ctx.body || 'null');
  } catch {
    body = null;
  }
  const name = body?.name;
  const duration = body?.expirationDuration;
  if (typeof name !== 'string' || !name.trim() || name.length > MAX_NAME_LENGTH) {
    return patError(ctx, 400, 'InvalidTokenNameException', `Token name must be 1 to ${MAX_NAME_LENGTH} characters.`);
  }
  if (duration !== undefined && duration !== null
    && !(Number.isInteger(duration) && duration >= 1 && duration <= MAX_EXPIRY_DAYS)) {
    return patError(ctx, 400, 'InvalidExpiryException', `Expiration must be 1 to ${MAX_EXPIRY_DAYS} days.`);
  }
  if (user.pats.length >= site.maxTokens) { // facts §3.3: token-limit exceeded → 403
    return patError(ctx, 403, 'TokenLimitExceededException', `You can have at most ${site.maxTokens} personal access tokens.`);
  }
  const id = site.nextPatId++;
  const rawToken = Buffer.from(`${String(id).padStart(12, '0')}:${hashHex(site.name, 'pat', id).slice(0, 20)}`).toString('base64');
  const pat = {
    id, name, token: rawToken, createdAt: SIM_NOW,
    expiringAt: duration ? SIM_NOW + days(duration) : null, // eternal tokens allowed (facts §3.3)
  };
  user.pats.push(pat);
  return sendJson(ctx, 201, tokenJson(pat, rawToken));
}
