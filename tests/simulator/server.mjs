// The Jira simulator's entry point: starts one scenario as an HTTP(S) server on 127.0.0.1,
// routes each request to the behaviour modules and records a credential-free request log.
// Zero dependencies (Node 20 ESM). See README.md in this folder.

import http from 'node:http';
import https from 'node:https';
import { parseAuthorization, parseCookies, sessionOf } from './auth.mjs';
import { createSite, entryPath, isCloud, siteBaseUrl } from './model.mjs';
import { handlePage } from './pages.mjs';
import { sendIdpPage, sendSsoRedirect } from './quirks.mjs';
import { redirect, send, sendHtmlNotFound, sendJson, sendRestNotFound } from './respond.mjs';
import { dcTokenEndpoint, handleTokenRequest } from './oauth.mjs';
import { handleRest, sendStatus, sendTenantInfo } from './rest.mjs';
import { getScenario, scenarioCredentials } from './scenarios.mjs';
import { handleLogin, handleTestLogin } from './session.mjs';
import { selfSignedCertificate } from './tls.mjs';

export { listScenarios, scenarioCredentials } from './scenarios.mjs';

const MAX_BODY_BYTES = 64 * 1024;
const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The origin of a Referer header, or null (its path and query are not logged). */
function refererOrigin(referer) {
  try {
    return referer ? new URL(referer).origin : null;
  } catch {
    return null;
  }
}

/** One log line per request; never the credential itself. */
function logEntry(req, url) {
  const auth = parseAuthorization(req.headers.authorization);
  const cookieNames = [...parseCookies(req.headers.cookie).keys()];
  return {
    method: req.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    hasAuthorization: Boolean(req.headers.authorization),
    authScheme: auth?.scheme ?? null,
    hasCookie: cookieNames.length > 0,
    cookieNames,
    // Who the browser says sent it (Jira's XSRF check reads these, facts §4.8): an origin
    // such as `http://127.0.0.1:PORT` or `moz-extension://…`, and the Referer's origin only.
    origin: req.headers.origin ?? null,
    refererOrigin: refererOrigin(req.headers.referer),
    // What the browser adds for `cache: 'no-store'` (and 'reload'): Fetch, HTTP-network-or-cache
    // fetch, appends `Pragma: no-cache` and `Cache-Control: no-cache` when absent. A default
    // fetch sends neither.
    cacheControl: req.headers['cache-control'] ?? null,
    pragma: req.headers.pragma ?? null,
    status: null,
    at: Date.now(),
  };
}

function readBody(req) {
  if (req.method === 'GET' || req.method === 'HEAD') return Promise.resolve('');
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Routes one request (see README "Routes"). */
function route(ctx) {
  const { site } = ctx;
  const path = ctx.url.pathname;
  if (site.product === 'other') {
    return path.startsWith('/rest/') ? sendHtmlNotFound(ctx) : handlePage(ctx, path);
  }
  // facts §7.5: a Jira that moved to Cloud — its old address answers every request with a
  // permanent redirect to the Atlassian site, path kept (its web server's, not Jira's).
  if (site.quirks.movedTo) {
    return send(ctx, 301, { foreign: true, headers: { Location: `${site.quirks.movedTo}${path}${ctx.url.search}` } });
  }
  if (site.quirks.sso && path === '/idp/login') return sendIdpPage(ctx);
  if (path === '/_edge/tenant_info') return sendTenantInfo(ctx);
  if (isCloud(site) && path.startsWith('/ex/jira/')) return routeGateway(ctx, path);
  // auth.atlassian.com's token endpoint, served beside the Cloud site (oauth.mjs).
  if (isCloud(site) && path === '/oauth/token') return handleTokenRequest(ctx);

  const { contextPath } = site;
  if (contextPath && path !== contextPath && !path.startsWith(`${contextPath}/`)) {
    return path === '/' ? redirect(ctx, entryPath(site)) : sendHtmlNotFound(ctx);
  }
  const local = path.slice(contextPath.length) || '/';
  if (local === '/rest/oauth2/latest/token' && dcTokenEndpoint(site)) return handleTokenRequest(ctx);
  if (local.startsWith('/rest/')) {
    if (site.quirks.sso) return sendSsoRedirect(ctx); // facts §4.6, credentials or not
    if (site.product !== 'jira') return sendRestNotFound(ctx); // Confluence has no Jira REST
    return handleRest(ctx, local);
  }
  if (ctx.req.method === 'POST' && (local === '/login' || local === '/login.jsp')) return handleLogin(ctx);
  if (local === '/test-login') return handleTestLogin(ctx);
  if (local === '/status' && !isCloud(site)) return sendStatus(ctx);
  return handlePage(ctx, local);
}

/** `/ex/jira/{cloudId}/rest/…`: the same Cloud site seen through api.atlassian.com (facts §3.2). */
function routeGateway(ctx, path) {
  const [, , , cloudId, ...rest] = path.split('/');
  const local = `/${rest.join('/')}`;
  if (cloudId !== ctx.site.cloudId || !local.startsWith('/rest/')) {
    return sendJson(ctx, 404, { code: 404, message: 'Not Found' }); // gateway wording invented [UNCONFIRMED]
  }
  ctx.restBase = `${ctx.origin}/ex/jira/${cloudId}`;
  return handleRest(ctx, local, { gateway: true });
}

/**
 * Starts one scenario.
 * @param {{ scenario: string, port?: number, host?: string, latencyMs?: number, https?: boolean,
 *   tls?: { key: Buffer|string, cert: Buffer|string }, showcase?: boolean }} options
 *   `tls`: the key and certificate to serve with `https` (default: tls.mjs's self-signed one);
 *   `showcase`: Jira's pages get a believable body (showcase.mjs: header, projects, issues) for
 *   the stores' screenshots, their head — what detection reads — unchanged.
 * @returns {Promise<{ url: string, origin: string, port: number, baseUrl: string, scenario: string,
 *   credentials: ReturnType<typeof scenarioCredentials>, log: object[], close: () => Promise<void> }>}
 *   `url`: the page a user would open; `baseUrl`: origin + context path, where REST lives;
 *   `log`: one entry per request (see logEntry), appended as requests arrive.
 */
export async function startSimulator({ scenario, port = 0, host = '127.0.0.1', latencyMs = 0, https: useTls = false, tls = null, showcase = false }) {
  const site = createSite(getScenario(scenario));
  const log = [];
  const timers = new Set();
  const scheme = useTls ? 'https' : 'http';

  const handle = async (req, res) => {
    const url = new URL(req.url, 'http://simulator.invalid');
    const entry = logEntry(req, url);
    log.push(entry);
    res.on('finish', () => { entry.status = res.statusCode; });
    const body = await readBody(req);
    if (latencyMs > 0) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => { timers.delete(timer); resolve(); }, latencyMs);
        timers.add(timer);
      });
    }
    const hostHeader = String(req.headers.host ?? '');
    const origin = `${scheme}://${HOST_HEADER.test(hostHeader) ? hostHeader : `${host}:${server.address().port}`}`;
    const { sessionId, user: sessionUser } = sessionOf(site, parseCookies(req.headers.cookie));
    site.requests += 1;
    const ctx = {
      site, req, res, url, origin, body, n: site.requests,
      baseUrl: siteBaseUrl(site, origin), restBase: siteBaseUrl(site, origin),
      credential: parseAuthorization(req.headers.authorization),
      sessionId, sessionUser, user: sessionUser, loginReason: null, setCookies: [], showcase,
    };
    route(ctx);
  };
  const handler = (req, res) => handle(req, res).catch((err) => {
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end(`simulator bug: ${err.message}`);
  });

  const server = useTls ? https.createServer(tls ?? selfSignedCertificate(), handler) : http.createServer(handler);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.address().port;
  const origin = `${scheme}://${host}:${actualPort}`;
  return {
    url: origin + entryPath(site),
    origin,
    port: actualPort,
    baseUrl: origin + (site.contextPath ?? ''),
    scenario,
    credentials: scenarioCredentials(scenario),
    log,
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const closed = new Promise((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // also ends keep-alive sockets and hung requests
      return closed;
    },
  };
}
