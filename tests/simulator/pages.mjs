// HTML pages a user would have open in a tab: self-hosted Jira (facts §2.1), the Jira Cloud SPA
// shell (§2.2), self-hosted Confluence, and a plain non-Atlassian site. Pages see the session
// cookie only (session.mjs sets it); the meta tags are what the extension reads for detection.

import { entryPath, isCloud, patSupported, SIM_NOW, xsrfToken } from './model.mjs';
import { sendSsoRedirect } from './quirks.mjs';
import { escapeHtml as e, redirect, sendHtml, sendHtmlNotFound, traceId } from './respond.mjs';
import { showcaseBody } from './showcase.mjs';

/** The PAT tab of the profile page (facts §3.3 direct URL). */
const PAT_TAB = 'com.atlassian.pats.pats-plugin:jira-user-personal-access-tokens';

const meta = (name, content) => `<meta name="${name}" content="${e(content)}">`;

/** Routes a page request; `path` is relative to the context path. */
export function handlePage(ctx, path) {
  const { site } = ctx;
  if (ctx.req.method !== 'GET') return sendHtmlNotFound(ctx);
  if (site.product === 'other') return path === '/' ? sendHtml(ctx, 200, plainPage()) : sendHtmlNotFound(ctx);
  if (site.quirks.sso && !ctx.user) return sendSsoRedirect(ctx); // facts §4.6: anonymous pages go to the IdP too
  if (isCloud(site)) return path === '/' ? redirect(ctx, entryPath(site)) : sendHtml(ctx, 200, cloudShell(ctx));
  if (site.product === 'confluence') return confluencePage(ctx, path);
  switch (path) {
    case '/':
      return redirect(ctx, `${site.contextPath}/secure/Dashboard.jspa`);
    case '/secure/Dashboard.jspa':
      return sendHtml(ctx, 200, jiraPage(ctx, 'System Dashboard', ctx.user ? dashboard(ctx) : loginForm(ctx, path)));
    case '/login.jsp':
      return sendHtml(ctx, 200, jiraPage(ctx, 'Log in', loginForm(ctx, ctx.url.searchParams.get('os_destination'))));
    case '/secure/ViewProfile.jspa':
      if (!ctx.user) {
        const back = encodeURIComponent(`${path}${ctx.url.search}`);
        return redirect(ctx, `${site.contextPath}/login.jsp?permissionViolation=true&os_destination=${back}`);
      }
      return sendHtml(ctx, 200, jiraPage(ctx, `User Profile: ${ctx.user.displayName}`, profile(ctx)));
    default:
      return sendHtmlNotFound(ctx);
  }
}

/** Self-hosted Jira page with the AJS meta tags of facts §2.1 (Jira 8.1.0 page head layout). */
function jiraPage(ctx, title, content, { error = '' } = {}) {
  const { site, user } = ctx;
  const configured = new URL(ctx.baseUrl);
  const port = configured.port || (configured.protocol === 'https:' ? '443' : '80');
  const admin = Boolean(user?.globalPermissions.includes('ADMINISTER') || user?.globalPermissions.includes('SYSTEM_ADMIN'));
  const sysadmin = Boolean(user?.globalPermissions.includes('SYSTEM_ADMIN'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${e(title)} - Jira</title>
<meta name="application-name" content="JIRA" data-name="jira" data-version="${e(site.version)}">
${meta('ajs-server-scheme', configured.protocol.replace(':', ''))}
${meta('ajs-server-port', port)}
${meta('ajs-server-name', configured.hostname)}
${meta('ajs-behind-proxy', 'null')}
${meta('ajs-base-url', ctx.baseUrl)}
${meta('ajs-dev-mode', 'false')}
${meta('ajs-context-path', site.contextPath)}
${meta('ajs-version-number', site.version)}
${meta('ajs-build-number', site.buildNumber)}
${meta('ajs-is-beta', 'false')}
${meta('ajs-is-rc', 'false')}
${meta('ajs-is-snapshot', 'false')}
${meta('ajs-is-milestone', 'false')}
${meta('ajs-remote-user', user?.name ?? '')}
${meta('ajs-remote-user-fullname', user?.displayName ?? '')}
${meta('ajs-user-locale', user?.locale ?? 'en_US')}
${meta('ajs-app-title', 'Jira')}
${meta('ajs-is-admin', String(admin))}
${meta('ajs-is-sysadmin', String(sysadmin))}
<meta id="atlassian-token" name="atlassian-token" content="${e(xsrfToken(site, user))}">
</head>
<body id="jira" class="aui-layout aui-theme-default">
${ctx.showcase ? showcaseBody({ cloud: false, user }) : `<div id="page">
<header id="header" role="banner"><nav class="aui-header"><a id="logo" href="${e(site.contextPath)}/secure/Dashboard.jspa">Jira</a></nav></header>
<section id="content" role="main">
${error ? `<div class="aui-message aui-message-error">${e(error)}</div>` : ''}
${content}
</section>
<footer id="footer" role="contentinfo"><ul class="atlassian-footer">
<li>Atlassian Jira <a href="https://www.atlassian.com/software/jira">Project Management Software</a>
<span id="footer-build-information">(v${e(site.version)}#${e(site.buildNumber)}-<span data-commit-id="${e(site.scmInfo)}">sha1:${e(site.scmInfo.slice(0, 7))}</span>)</span></li>
</ul></footer>
</div>`}
</body>
</html>
`;
}

/** Jira's login form (`os_username`/`os_password`, facts §4.6); posts to `{ctx}/login.jsp`. */
function loginForm(ctx, destination) {
  const dest = destination ?? '';
  return `<form id="login-form" class="aui gdt" action="${e(ctx.site.contextPath)}/login.jsp" method="post">
<input type="hidden" name="os_destination" value="${e(dest)}">
<label for="login-form-username">Username</label><input id="login-form-username" type="text" name="os_username">
<label for="login-form-password">Password</label><input id="login-form-password" type="password" name="os_password">
<input id="login-form-submit" type="submit" value="Log In">
</form>`;
}

/** A login page that failed (browser login, facts §4.2 reason header set by the caller). */
export function loginFailedPage(ctx, destination) {
  if (isCloud(ctx.site)) return cloudShell(ctx);
  return jiraPage(ctx, 'Log in', loginForm(ctx, destination), {
    error: 'Sorry, your username and password are incorrect - please try again.',
  });
}

function dashboard(ctx) {
  const { site, user } = ctx;
  const patLink = patSupported(site)
    ? `<p><a id="pat-link" href="${e(site.contextPath)}/secure/ViewProfile.jspa?selectedTab=${e(PAT_TAB)}">Personal Access Tokens</a></p>`
    : '';
  return `<h1>System Dashboard</h1><p>Welcome, ${e(user.displayName)}.</p>${patLink}`;
}

/** Profile page; with PAT support it shows the token list (facts §3.3 UI path). */
function profile(ctx) {
  const { site, user } = ctx;
  const details = `<h1>${e(user.displayName)}</h1><dl><dt>Username</dt><dd id="up-d-username">${e(user.name)}</dd>`
    + `<dt>Email</dt><dd id="up-d-email">${e(user.email)}</dd></dl>`;
  if (!patSupported(site) || ctx.url.searchParams.get('selectedTab') !== PAT_TAB) return details;
  const rows = user.pats.map((p) => `<tr><td>${e(p.name)}</td><td>${e(p.expiringAt === null ? 'Never' : new Date(p.expiringAt).toISOString().slice(0, 10))}</td>`
    + `<td>${p.expiringAt !== null && p.expiringAt <= SIM_NOW ? 'Expired' : 'Active'}</td></tr>`).join('');
  return `${details}<h2>Personal Access Tokens</h2><button id="create-token">Create token</button>`
    + `<table id="pat-list"><thead><tr><th>Name</th><th>Expiry date</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * Jira Cloud: a client-rendered SPA shell with only the Cloud meta tags and an empty app root —
 * no application-name, no version meta (facts §2.2). `ajs-product-editions` value format is not
 * in the facts (invented). An anonymous visitor gets the shell with an empty account id (real
 * Cloud would send them to id.atlassian.com).
 */
function cloudShell(ctx) {
  const { site, user } = ctx;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Jira</title>
${meta('ajs-cloud-id', site.cloudId)}
${meta('ajs-atlassian-account-id', user?.accountId ?? '')}
${meta('ajs-trace-id', traceId(ctx))}
${meta('ajs-locale', user?.locale ?? 'en_US')}
${meta('ajs-product-editions', 'jira-software:standard')}
</head>
<body>
${ctx.showcase ? showcaseBody({ cloud: true, user }) : `<div id="jira-frontend"></div>
<script src="/assets/jira-spa.js" defer></script>`}
</body>
</html>
`;
}

/** Self-hosted Confluence: `ajs-version-number` too, but Confluence markers (not a Jira). */
function confluencePage(ctx, path) {
  const { site, user } = ctx;
  if (path === '/') return redirect(ctx, `${site.contextPath}/dashboard.action`);
  if (path !== '/dashboard.action' && path !== '/login.action') return sendHtmlNotFound(ctx);
  const content = user ? `<h1>Dashboard</h1><p>Welcome, ${e(user.displayName)}.</p>`
    : `<form id="loginform" action="${e(site.contextPath)}/login" method="post">`
      + '<input type="text" name="os_username"><input type="password" name="os_password"><input type="submit" value="Log in"></form>';
  return sendHtml(ctx, 200, `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Dashboard - Confluence</title>
<meta name="application-name" content="Confluence">
${meta('confluence-request-time', SIM_NOW)}
${meta('confluence-context-path', site.contextPath)}
${meta('confluence-base-url', ctx.baseUrl)}
${meta('ajs-context-path', site.contextPath)}
${meta('ajs-base-url', ctx.baseUrl)}
${meta('ajs-version-number', site.version)}
${meta('ajs-build-number', site.buildNumber)}
${meta('ajs-remote-user', user?.name ?? '')}
${meta('ajs-remote-user-key', user?.key ?? '')}
<meta id="atlassian-token" name="atlassian-token" content="${e(xsrfToken(site, user))}">
</head>
<body id="com-atlassian-confluence" class="theme-default aui-layout aui-theme-default">
<div id="main" class="aui-page-panel">${content}</div>
<footer id="footer"><p>Powered by Atlassian Confluence ${e(site.version)}</p></footer>
</body>
</html>
`);
}

/** A non-Atlassian site. */
function plainPage() {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Example Corp intranet</title><meta name="generator" content="Hugo 0.121.0"></head>
<body><h1>Example Corp intranet</h1><p>Nothing to see here: this is not an Atlassian product.</p></body>
</html>
`;
}
