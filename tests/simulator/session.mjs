// Browser sessions: `POST {ctx}/login` (also the login form's `{ctx}/login.jsp`) and the
// simulator-only helper `GET {ctx}/test-login?user=NAME`. Both set the `JSESSIONID` cookie
// (facts §2.4) that pages — and, with no Authorization header, REST — accept.

import { browserLogin, SESSION_COOKIE } from './auth.mjs';
import { entryPath, openSession, userByName } from './model.mjs';
import { loginFailedPage } from './pages.mjs';
import { cookiePath, redirect, sendHtml, sendJson, sendText } from './respond.mjs';

/** Only paths on this site are followed after a login (no open redirect). */
const safeDestination = (site, dest) =>
  (typeof dest === 'string' && dest.startsWith('/') && !dest.startsWith('//') ? `${site.contextPath}${dest}` : entryPath(site));

function startSession(ctx, user) {
  const id = openSession(ctx.site, user.name);
  ctx.user = user;
  ctx.sessionId = id;
  ctx.setCookies.push(`${SESSION_COOKIE}=${id}; Path=${cookiePath(ctx.site)}; HttpOnly`);
  return id;
}

/**
 * `POST {ctx}/login`: form (`os_username`, `os_password`, `os_destination`, as Jira's login form)
 * or JSON `{username, password}`. A browser login with the right password also clears a
 * CAPTCHA lock (facts §4.3). JSON answers mirror `/rest/auth/1/session` (`{session:{name,value}}`).
 */
export function handleLogin(ctx) {
  const isJson = String(ctx.req.headers['content-type'] ?? '').includes('json');
  let fields;
  if (isJson) {
    try {
      fields = JSON.parse(ctx.body || '{}') ?? {};
    } catch {
      fields = {};
    }
  } else {
    fields = Object.fromEntries(new URLSearchParams(ctx.body));
  }
  const login = fields.os_username ?? fields.username;
  const user = browserLogin(ctx.site, login, fields.os_password ?? fields.password);
  if (!user) {
    ctx.loginReason = 'AUTHENTICATED_FAILED'; // facts §2.3
    if (isJson) return sendJson(ctx, 401, { errorMessages: ['Login failed'], errors: {} }); // wording: /rest/auth style, not in facts
    return sendHtml(ctx, 200, loginFailedPage(ctx, fields.os_destination));
  }
  const id = startSession(ctx, user);
  ctx.loginReason = 'OK';
  if (isJson) return sendJson(ctx, 200, { session: { name: SESSION_COOKIE, value: id } });
  return redirect(ctx, safeDestination(ctx.site, fields.os_destination));
}

/**
 * `GET {ctx}/test-login?user=NAME[&next=/path]` — NOT a Jira endpoint: a test helper that logs
 * in as the scenario user NAME without a password and redirects to `next` (context-relative)
 * or the entry page.
 */
export function handleTestLogin(ctx) {
  const user = userByName(ctx.site, ctx.url.searchParams.get('user'));
  if (!user || !user.active) return sendText(ctx, 404, 'test-login: no such active user in this scenario');
  startSession(ctx, user);
  return redirect(ctx, safeDestination(ctx.site, ctx.url.searchParams.get('next')));
}
