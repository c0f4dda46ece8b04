// Writing responses: the header set each kind of site sends (facts §2.3, §2.4) and small
// senders for JSON, HTML, text and redirects. Every answer of the simulator goes through `send`.
//
// `ctx` is the per-request context built in server.mjs (`handle`); here it supplies `site`, `res`,
// `n` (request number), `user`, `sessionId`, `loginReason`, `setCookies`, `baseUrl`, `origin`, `url`.

import { hashHex, isCloud, SIM_NOW, uuidFrom, versionAtLeast, xsrfToken } from './model.mjs';

const JSON_TYPE = 'application/json;charset=UTF-8';
export const HTML_TYPE = 'text/html;charset=UTF-8';
const TEXT_TYPE = 'text/plain;charset=UTF-8';

/** Error body Jira uses when a resource needs a user (facts §4.2). */
export const NOT_AUTHENTICATED = {
  errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
  errors: {},
};

/** Cookie path of the site's cookies: its context path. */
export const cookiePath = (site) => site.contextPath || '/';

/** Cloud trace id of this request (Atl-Traceid header, `ajs-trace-id` meta; facts §2.2, §2.3). */
export const traceId = (ctx) => hashHex(ctx.site.name, 'trace', ctx.n).slice(0, 32);

/** Headers that mark the answering site, per hosting (facts §2.3; Cloud cookie flags §2.4). */
function siteHeaders(ctx) {
  const { site, n, user } = ctx;
  if (site.product === 'other') return { Server: site.serverHeader };
  if (site.product === 'confluence') {
    // Confluence's header set is not in the fact sheet; it carries the SEN and a request time
    // but none of Jira's X-AUSERNAME/X-AREQUESTID (assumption, keeps it distinguishable).
    return { Server: site.serverHeader, 'X-ASEN': site.sen, 'X-Confluence-Request-Time': String(SIM_NOW) };
  }
  const xsrf = `atlassian.xsrf.token=${xsrfToken(site, user)}; Path=${cookiePath(site)}`;
  if (isCloud(site)) {
    const h = {
      Server: 'AtlassianEdge',
      'X-AREQUESTID': hashHex(site.name, 'request', n).slice(0, 32), // hex form, facts §2.3
      'Atl-Traceid': traceId(ctx),
      'Atl-Request-Id': uuidFrom(hashHex(site.name, 'atl-request', n)),
      'Timing-Allow-Origin': '*',
      'Server-Timing': 'atl-edge;dur=42,atl-edge-internal;dur=3,atl-edge-upstream;dur=39',
      'Set-Cookie': [`${xsrf}; SameSite=None; Secure`],
    };
    if (user) h['X-AACCOUNTID'] = user.accountId;
    if (ctx.loginReason) h['X-Seraph-LoginReason'] = ctx.loginReason;
    return h;
  }
  const h = {
    Server: site.serverHeader,
    // `<minute of day>x<request counter>x<concurrency>`, like `1158x1253552x2` (facts §2.3).
    'X-AREQUESTID': `615x${1253550 + n}x1`,
    'X-ASESSIONID': hashHex(site.name, 'asession', ctx.sessionId ?? n).slice(0, 7),
    'X-AUSERNAME': user ? user.name : 'anonymous',
    'X-Content-Type-Options': 'nosniff',
    'Set-Cookie': [xsrf],
  };
  if (site.sen) h['X-ASEN'] = site.sen; // facts §1.4
  if (site.nodeId) h['X-ANODEID'] = site.nodeId; // cluster node, facts §1.4
  if (ctx.loginReason) h['X-Seraph-LoginReason'] = ctx.loginReason;
  return h;
}

/**
 * Sends one answer with the site's headers. A 401 always advertises OAuth, never Basic
 * (facts §2.3, §4.2). Cookies queued in `ctx.setCookies` (a login) join the site's cookies.
 * `foreign`: the answer comes from something in front of the site (an SSO gateway, an IdP),
 * so it carries none of the site's headers.
 */
export function send(ctx, status, { type = null, body = '', headers = {}, foreign = false } = {}) {
  const all = { ...(foreign ? { Server: 'nginx' } : siteHeaders(ctx)), ...headers };
  const cookies = [...(all['Set-Cookie'] ?? []), ...ctx.setCookies];
  if (cookies.length) all['Set-Cookie'] = cookies;
  else delete all['Set-Cookie'];
  if (status === 401 && !all['WWW-Authenticate']) {
    all['WWW-Authenticate'] = `OAuth realm="${encodeURIComponent(new URL(ctx.baseUrl).origin)}"`;
  }
  if (type) all['Content-Type'] = type;
  ctx.res.writeHead(status, all);
  ctx.res.end(body);
}

export const sendJson = (ctx, status, value, headers) =>
  send(ctx, status, { type: JSON_TYPE, body: JSON.stringify(value), headers });
export const sendHtml = (ctx, status, body, headers) => send(ctx, status, { type: HTML_TYPE, body, headers });
export const sendText = (ctx, status, body, headers) => send(ctx, status, { type: TEXT_TYPE, body, headers });
export const redirect = (ctx, location) => send(ctx, 302, { type: HTML_TYPE, body: '', headers: { Location: location } });

/**
 * Data Center 10's 401 for a caller it does not know (an expired PAT falls through to one,
 * facts §4.4), as recorded on 10.3.19 (tests/fixtures/real/dc-10.3.19-401-expired-pat.json).
 * Earlier versions keep the facts §4.2 body; where the change happened is not recorded.
 */
export const DC10_NOT_AUTHENTICATED = { message: 'Client must be authenticated to access this resource.', 'status-code': 401 };

/** 401 for a resource that needs a user, asked anonymously (facts §4.2, §5.3). */
export const sendNotAuthenticated = (ctx) => sendJson(ctx, 401,
  !isCloud(ctx.site) && versionAtLeast(ctx.site.versionNumbers, 10, 0) ? DC10_NOT_AUTHENTICATED : NOT_AUTHENTICATED);

/**
 * 404 for an unknown REST resource. Jersey's `null for uri` body is how Atlassian REST answers
 * an unmatched path (not in the fact sheet; facts §1.1 only gives the status for /rest/api/3 on DC).
 */
export const sendRestNotFound = (ctx) =>
  sendJson(ctx, 404, { message: `null for uri: ${ctx.origin}${ctx.url.pathname}${ctx.url.search}`, 'status-code': 404 });

/** A plain 404 HTML page (Tomcat/nginx style), e.g. /_edge/tenant_info on Server (facts §2.5). */
export const sendHtmlNotFound = (ctx) =>
  sendHtml(ctx, 404, '<!doctype html><html><head><title>404 Not Found</title></head>'
    + '<body><h1>HTTP Status 404 – Not Found</h1></body></html>');

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
