// Jira's REST answers: serverInfo (facts §1), myself (§5.3), mypermissions (§5.1/§5.2), the
// project list, plus the unauthenticated probes `/status` (§1.4) and `/_edge/tenant_info` (§2.5).
// Authentication happens here, once per REST call (auth.mjs); PAT management is in pat.mjs.

import { authenticate, sendRefusal } from './auth.mjs';
import { isCloud, jiraTime, SIM_NOW } from './model.mjs';
import { handlePat } from './pat.mjs';
import { browsableProjectKeys, holds, permissionsFor } from './permissions.mjs';
import { sendFailure } from './quirks.mjs';
import { send, sendHtmlNotFound, sendJson, sendNotAuthenticated, sendRestNotFound } from './respond.mjs';

const API = /^\/rest\/api\/(2|3|latest)\/(serverInfo|myself|mypermissions|project)$/;
const RESOURCES = { serverInfo, myself, mypermissions: myPermissions, project: projectList };
const SEARCH = /^\/rest\/api\/(2|3|latest)\/search(\/jql)?$/;

/** Cloud's answer to the search it removed (facts §7.1, tests/fixtures/real/cloud-410-search-removed.json). */
export const SEARCH_REMOVED = {
  errorMessages: ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. '
    + 'A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046'],
  errors: {},
};

/**
 * Issue search, answered with no issues (the simulator has none): Cloud removed
 * `GET /rest/api/2|3/search` (410, facts §7.1) for `/search/jql`, which refuses an unbounded
 * JQL (400); Data Center keeps `/rest/api/2/search` and has no `/search/jql` (nor `/rest/api/3`).
 */
function searchIssues(ctx, version, jql) {
  const cloud = isCloud(ctx.site);
  if (ctx.req.method !== 'GET') return send(ctx, 405);
  if (!cloud) {
    if (jql || version === '3') return sendRestNotFound(ctx);
    return sendJson(ctx, 200, { startAt: 0, maxResults: 1, total: 0, issues: [] });
  }
  if (!jql) return sendJson(ctx, 410, SEARCH_REMOVED);
  if (!(ctx.url.searchParams.get('jql') ?? '').trim()) {
    return sendJson(ctx, 400, {
      errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
      errors: {},
    });
  }
  return sendJson(ctx, 200, { issues: [], isLast: true });
}

/** The one REST resource every failure quirk spares, so detection still works (quirks.mjs) —
 * unless `quirks.serverInfoFails`: then only the page says Jira. */
const isServerInfo = (path) => /^\/rest\/api\/(2|3|latest)\/serverInfo$/.test(path);

/**
 * Answers a REST call. `path` is relative to the context path (or to `/ex/jira/{cloudId}` when
 * `gateway`), starting with `/rest/`.
 */
export function handleRest(ctx, path, { gateway = false } = {}) {
  const auth = authenticate(ctx.site, ctx.credential, ctx.sessionUser, { gateway });
  ctx.user = auth.user;
  ctx.loginReason = auth.loginReason;
  if (auth.refusal) return sendRefusal(ctx, auth.refusal);
  if ((!isServerInfo(path) || ctx.site.quirks.serverInfoFails) && sendFailure(ctx)) return;

  if (path.startsWith('/rest/pat/latest/tokens')) return handlePat(ctx, path.slice('/rest/pat/latest/tokens'.length));
  const search = SEARCH.exec(path);
  if (search) return searchIssues(ctx, search[1], Boolean(search[2]));
  const match = API.exec(path);
  // facts §1.1: /rest/api/3 exists only on Cloud; DC answers 404.
  if (!match || (match[1] === '3' && !isCloud(ctx.site))) return sendRestNotFound(ctx);
  if (ctx.req.method !== 'GET') return send(ctx, 405);
  return RESOURCES[match[2]](ctx);
}

/** Whether the caller holds Jira's USE permission (serverTime rule, facts §1.1). */
const canUse = (user) => user !== null && user.globalPermissions.includes('USE');

/** `GET /rest/api/2/serverInfo` (facts §1): anonymous allowed, field set per hosting (§1.2). */
function serverInfo(ctx) {
  const { site, user } = ctx;
  // facts §1.1: some DC sites refuse even serverInfo to anonymous callers (body: facts §4.2 shape).
  if (site.serverInfoNeedsLogin && !user) return sendNotAuthenticated(ctx);
  const cloud = isCloud(site);
  const info = { baseUrl: ctx.baseUrl };
  if (cloud) {
    Object.assign(info, {
      displayUrl: ctx.baseUrl, displayUrlServicedeskHelpCenter: ctx.baseUrl,
      displayUrlConfluence: ctx.baseUrl, displayUrlCSMHelpSeeker: ctx.baseUrl,
    });
  }
  info.version = site.version;
  info.versionNumbers = site.versionNumbers;
  // facts §1.3: "Cloud" on Cloud, "Server" on Server AND Data Center. The field is absent in
  // Jira 6.x and present in 8.5; which version added it is [UNCONFIRMED] — 7.x omits it here.
  if (cloud) info.deploymentType = 'Cloud';
  else if (site.versionNumbers[0] >= 8) info.deploymentType = 'Server';
  info.buildNumber = site.buildNumber;
  info.buildDate = site.buildDate;
  if (!cloud) info.databaseBuildNumber = site.databaseBuildNumber;
  // facts §1.1: Server/DC fill serverTime only for a caller with USE; Cloud always (§1.2).
  if (cloud || canUse(user)) info.serverTime = jiraTime(SIM_NOW);
  info.scmInfo = site.scmInfo;
  info.serverTitle = site.serverTitle;
  if (cloud) {
    info.defaultLocale = { locale: 'en_US' };
    info.serverTimeZone = 'Etc/UTC';
  }
  return sendJson(ctx, 200, info);
}

function avatarUrls(base, id) {
  return Object.fromEntries(['48x48', '24x24', '16x16', '32x32'].map((size) => [size, `${base}/secure/useravatar?size=${size}&avatarId=${id}`]));
}

/** `GET /rest/api/2/myself` (facts §5.3): Cloud has accountId and no name/key; Server/DC the reverse. */
function myself(ctx) {
  const { site, user } = ctx;
  if (!user) return sendNotAuthenticated(ctx); // facts §4.2, §5.3: cannot be accessed anonymously
  const common = {
    groups: { size: 1, items: [] }, applicationRoles: { size: 1, items: [] }, expand: 'groups,applicationRoles',
  };
  if (isCloud(site)) {
    return sendJson(ctx, 200, {
      self: `${ctx.restBase}/rest/api/2/user?accountId=${encodeURIComponent(user.accountId)}`,
      accountId: user.accountId,
      accountType: user.accountType,
      ...(user.appType ? { appType: user.appType } : {}),
      emailAddress: user.email,
      avatarUrls: avatarUrls(ctx.baseUrl, 10122),
      displayName: user.displayName,
      active: user.active,
      timeZone: user.timeZone,
      locale: user.locale,
      ...common,
    });
  }
  return sendJson(ctx, 200, {
    self: `${ctx.restBase}/rest/api/2/user?username=${encodeURIComponent(user.name)}`,
    key: user.key,
    name: user.name,
    emailAddress: user.email,
    avatarUrls: avatarUrls(ctx.baseUrl, 10122),
    displayName: user.displayName,
    active: user.active,
    deleted: false,
    timeZone: user.timeZone,
    locale: user.locale,
    ...common,
    lastLoginTime: jiraTime(SIM_NOW - 3600_000),
  });
}

/** The caller, or the site's anonymous grant, as a permission holder. */
const holderOf = (ctx) => ctx.user ?? ctx.site.anonymous;

/** Project context from `projectKey` / `projectId`: `{project}` or `{error: status}` (facts §5.1 errors). */
function projectContext(ctx) {
  const params = ctx.url.searchParams;
  const key = params.get('projectKey');
  const id = params.get('projectId');
  if (key === null && id === null) return { project: null };
  if (id !== null && !/^\d+$/.test(id)) return { error: 400, message: `Invalid project id '${id}'.` };
  const project = ctx.site.projects.find((p) => (key !== null ? p.key === key : p.id === id));
  // A project the caller cannot browse looks like a missing one.
  if (!project || !browsableProjectKeys(holderOf(ctx)).includes(project.key)) {
    return { error: 404, message: `No project could be found with ${key !== null ? `key '${key}'` : `id '${id}'`}.` };
  }
  return { project };
}

/**
 * `GET /rest/api/2/mypermissions` (facts §5.1): Cloud requires `permissions=` and returns only
 * those keys; DC returns every permission. Error wordings are the simulator's [not in facts].
 */
function myPermissions(ctx) {
  const { site } = ctx;
  let defs = permissionsFor(site.hosting);
  if (isCloud(site)) {
    const wanted = (ctx.url.searchParams.get('permissions') ?? '').split(',').map((k) => k.trim()).filter(Boolean);
    if (!wanted.length) {
      return sendJson(ctx, 400, { errorMessages: ['The permissions query parameter is required.'], errors: {} });
    }
    const unknown = wanted.find((k) => !defs.some((d) => d.key === k));
    if (unknown) return sendJson(ctx, 400, { errorMessages: [`Unrecognized permission key: ${unknown}`], errors: {} });
    defs = defs.filter((d) => wanted.includes(d.key));
  }
  // DC: a `permissions=` parameter is ignored ([UNCONFIRMED] facts §5.1; JAX-RS ignores unknown params).
  const context = projectContext(ctx);
  if (context.error) return sendJson(ctx, context.error, { errorMessages: [context.message], errors: {} });
  const holder = holderOf(ctx);
  const permissions = Object.fromEntries(defs.map((d) => [d.key, {
    id: d.id, key: d.key, name: d.name, type: d.type, description: d.description,
    havePermission: holds(holder, d, context.project?.key ?? null),
  }]));
  return sendJson(ctx, 200, { permissions });
}

/** `GET /rest/api/2/project`: the projects the caller may browse; anonymous usually gets `[]` (facts §4.4). */
function projectList(ctx) {
  const { site } = ctx;
  const visible = browsableProjectKeys(holderOf(ctx));
  return sendJson(ctx, 200, site.projects.filter((p) => visible.includes(p.key)).map((p) => ({
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${ctx.restBase}/rest/api/2/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    avatarUrls: { '48x48': `${ctx.baseUrl}/secure/projectavatar?pid=${p.id}&avatarId=10400` },
    projectTypeKey: 'software',
    ...(isCloud(site) ? { simplified: false, style: 'classic', isPrivate: false } : {}),
  })));
}

/**
 * `GET {ctx}/status` on self-hosted Jira: unauthenticated reachability probe (facts §1.4). The
 * simulated Confluence answers it too (assumption: the fact sheet covers Jira only).
 */
export function sendStatus(ctx) {
  return sendJson(ctx, 200, { state: 'RUNNING' });
}

/** `GET /_edge/tenant_info`: the cloudId on Cloud, a plain 404 elsewhere (facts §2.5). */
export function sendTenantInfo(ctx) {
  if (!isCloud(ctx.site)) return sendHtmlNotFound(ctx);
  return sendJson(ctx, 200, { cloudId: ctx.site.cloudId });
}
