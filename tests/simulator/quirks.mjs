// Misbehaviours a token test must survive, switched on by `site.quirks`:
// an SSO gateway redirecting to an IdP (`sso`, facts §4.6), and REST failures (`failure`):
// rate limiting (facts §4.7), server errors (§4.9), a server that never answers, a proxy
// answering with JSON that is not Jira's, an IP allowlist (Cloud) and a proxy's block page.

import { hashHex, SIM_NOW } from './model.mjs';
import { escapeHtml, HTML_TYPE, send, sendHtml, sendJson } from './respond.mjs';

/** The same server under its other loopback name (`localhost` ↔ `127.0.0.1`): a different origin. */
function otherLoopback(origin) {
  const other = new URL(origin);
  other.hostname = other.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return other.origin;
}

/** Origin of the IdP: the site's own, or the other loopback name for `sso: 'other-origin'`. */
const idpOrigin = (ctx) => (ctx.site.quirks.sso === 'other-origin' ? otherLoopback(ctx.origin) : ctx.origin);

/**
 * facts §4.6: an SSO proxy answers API calls (and anonymous pages) with a 302 to its login page.
 * It is the proxy answering, so none of Jira's headers come along.
 */
export function sendSsoRedirect(ctx) {
  const query = new URLSearchParams({
    SAMLRequest: Buffer.from(`<samlp:AuthnRequest ID="_${hashHex(ctx.site.name, 'saml', ctx.n).slice(0, 16)}"/>`).toString('base64'),
    RelayState: `${ctx.origin}${ctx.url.pathname}${ctx.url.search}`,
  });
  return send(ctx, 302, { foreign: true, headers: { Location: `${idpOrigin(ctx)}/idp/login?${query}` } });
}

/**
 * The IdP's login page (HTML, `name="os_username"` form, facts §4.6 detection hints). The form
 * posts to the site's `{ctx}/login` and comes back to the RelayState page.
 */
export function sendIdpPage(ctx) {
  const { contextPath } = ctx.site;
  let back = new URL(`${ctx.origin}${contextPath}/`);
  try {
    const relay = new URL(ctx.url.searchParams.get('RelayState') ?? '');
    if (relay.origin === ctx.origin || relay.origin === otherLoopback(ctx.origin)) back = relay; // only this server
  } catch {
    // no or bad RelayState: come back to the site's root
  }
  const action = `${back.origin}${contextPath}/login`;
  // os_destination is relative to the context path, as in Jira.
  const destination = (back.pathname.startsWith(contextPath) ? back.pathname.slice(contextPath.length) : back.pathname) + back.search;
  const body = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in - Example Corp SSO</title></head>
<body class="idp-login">
<h1>Example Corp single sign-on</h1>
<form id="login-form" method="post" action="${escapeHtml(action)}">
<input type="hidden" name="os_destination" value="${escapeHtml(destination)}">
<label>Username <input type="text" name="os_username" autocomplete="username"></label>
<label>Password <input type="password" name="os_password" autocomplete="current-password"></label>
<button type="submit" id="login-submit">Sign in</button>
</form>
</body></html>`;
  return send(ctx, 200, { foreign: true, type: HTML_TYPE, body });
}

/**
 * X-RateLimit-Reset as Atlassian's rate-limiting page shows it today, `2026-01-01T01:01:01Z`
 * (tests/fixtures/real/cloud-429-*-docs-example.json; facts §4.7 quotes an older `yyyy-MM-ddTHH:mmZ`).
 */
const resetTime = (ms) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/**
 * Answers (or, for `hang`, deliberately never answers) a REST call on a site whose `failure`
 * quirk is set. Returns false when the site has no such quirk.
 */
export function sendFailure(ctx) {
  switch (ctx.site.quirks.failure) {
    // facts §4.7: the header set of Atlassian's burst example
    // (tests/fixtures/real/cloud-429-burst-docs-example.json), which carries no
    // X-RateLimit-NearLimit ("not used for request rate limiting"); body wording invented.
    case 'rate-limit':
      sendJson(ctx, 429, { errorMessages: ['Rate limit exceeded.'], errors: {} }, {
        'Retry-After': '30',
        'X-RateLimit-Limit': '100',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': resetTime(SIM_NOW + 30_000),
        'RateLimit-Reason': 'jira-burst-based',
      });
      return true;
    case 'server-error': // facts §4.9 (5xx = server error); JSON when asked for, else Jira's HTML error page
      if (String(ctx.req.headers.accept ?? '').includes('json')) {
        sendJson(ctx, 500, { errorMessages: ['Internal server error'], errors: {} });
      } else {
        sendHtml(ctx, 500, '<!DOCTYPE html><html><head><title>System Error - Jira</title></head>'
          + '<body id="jira" class="aui-layout aui-theme-default"><h1>System Error</h1>'
          + '<p>A system error has occurred.</p></body></html>');
      }
      return true;
    case 'hang': // never answer; close() ends the socket
      return true;
    case 'proxy-json': // a proxy's own JSON, none of Jira's headers (facts §4.6: proxies are outside Jira's rules)
      send(ctx, 200, { foreign: true, type: 'application/json', body: JSON.stringify({ status: 'UP', checks: [] }) });
      return true;
    // The body Atlassian's KB gives for a caller outside an IP allowlist
    // (tests/fixtures/real/cloud-ip-allowlist-refusal.json); status and headers are not
    // recorded: 403 with the site's headers is the simulator's assumption.
    case 'ip-allowlist':
      sendJson(ctx, 403, {
        errorMessages: ['The IP address has been rejected because it is not on the allowed list. See your admin for more information.'],
        errors: {},
      });
      return true;
    // A forward/reverse Squid refusing the request itself: Squid's own headers and error page,
    // none of Jira's (facts §4.6: proxies are outside Jira's rules).
    case 'proxy-block':
      send(ctx, 403, {
        foreign: true,
        type: 'text/html;charset=utf-8',
        headers: { Server: 'squid/5.7', 'X-Squid-Error': 'ERR_ACCESS_DENIED 0', Via: '1.1 proxy.corp.example (squid/5.7)' },
        body: '<!DOCTYPE html><html><head><title>ERROR: The requested URL could not be retrieved</title></head>'
          + '<body id="ERR_ACCESS_DENIED"><h1>ERROR</h1><h2>The requested URL could not be retrieved</h2>'
          + '<p>Access control configuration prevents your request from being allowed at this time.</p>'
          + '<p>Generated by proxy.corp.example (squid/5.7)</p></body></html>',
      });
      return true;
    // A proxy that wants its own login first (RFC 9110 §15.5.8): 407 with Proxy-Authenticate,
    // none of Jira's headers; vendor wording invented.
    case 'proxy-auth':
      send(ctx, 407, {
        foreign: true,
        type: 'text/html;charset=utf-8',
        headers: { 'Proxy-Authenticate': 'Basic realm="corp-proxy"', Via: '1.1 gw.corp.example' },
        body: '<!DOCTYPE html><html><head><title>407 Proxy Authentication Required</title></head>'
          + '<body><h1>Proxy Authentication Required</h1><p>Log in to the corporate proxy first.</p></body></html>',
      });
      return true;
    // The reverse proxy in front of Jira failing itself (facts §4.9: 5xx = server error): its
    // own 502 page, none of Jira's headers.
    case 'proxy-bad-gateway':
      send(ctx, 502, {
        foreign: true,
        type: 'text/html',
        body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center>'
          + '<hr><center>nginx</center></body></html>',
      });
      return true;
    // facts §7.1: `*.atlassian.net` behind CloudFront bot protection answers an API call with a
    // CloudFront 404 HTML page instead of Jira's 401 — none of Jira's headers (page after
    // CloudFront's usual error page, tests/fixtures/real/cloud-403-cloudfront-block.json).
    case 'edge-not-found':
      send(ctx, 404, {
        foreign: true,
        type: 'text/html',
        headers: { Server: 'CloudFront', 'X-Cache': 'Error from cloudfront', Via: '1.1 5d3b2a1c.cloudfront.net (CloudFront)' },
        body: '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">'
          + '<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1"><TITLE>ERROR: The request could not be satisfied</TITLE></HEAD>'
          + '<BODY><H1>404 ERROR</H1><H2>The request could not be satisfied.</H2><HR noshade size="1px">'
          + 'Generated by cloudfront (CloudFront)</BODY></HTML>',
      });
      return true;
    default:
      return false;
  }
}
