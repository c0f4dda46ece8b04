// Permission catalogue and evaluation for `GET /rest/api/2/mypermissions` and the project list.
//
// Keys and groupings follow facts §5.2; the JSON shape and context rules follow facts §5.1.
// Global legacy ids are from facts §5.2. Project permission ids follow Jira's legacy numbering, and
// app/Cloud-only ones get made-up 101xx ids (not in the fact sheet; facts §5.1 calls even its
// sample id illustrative, so clients must not rely on ids). UI names other than those quoted in
// §5.2, and all descriptions, are the simulator's wording, not captured text.

/** @typedef {{ key: string, id: string, name: string, type: 'GLOBAL'|'PROJECT', description: string, on: 'both'|'cloud'|'server' }} PermissionDef */

const G = (key, id, name, on = 'both') => ({ key, id, name, type: 'GLOBAL', on, description: `Simulator description of ${name}.` });
const P = (key, id, name, on = 'both') => ({ key, id, name, type: 'PROJECT', on, description: `Simulator description of ${name}.` });

/** @type {PermissionDef[]} */
export const PERMISSIONS = [
  // Global (facts §5.2). Cloud global keys seen in the wild have no USE and add CREATE_PROJECT.
  G('ADMINISTER', '0', 'Administer Jira'),
  G('USE', '1', 'Jira Users', 'server'),
  G('SYSTEM_ADMIN', '44', 'Jira System Administrators'),
  G('USER_PICKER', '27', 'Browse users and groups'),
  G('CREATE_SHARED_OBJECTS', '22', 'Share dashboards and filters'),
  G('MANAGE_GROUP_FILTER_SUBSCRIPTIONS', '24', 'Manage group filter subscriptions'),
  G('BULK_CHANGE', '33', 'Make bulk changes'),
  G('CREATE_PROJECT', '10100', 'Create team-managed projects', 'cloud'),
  // Project (facts §5.2, same list on Cloud "Built-in permissions").
  P('ADMINISTER_PROJECTS', '23', 'Administer Projects'),
  P('EDIT_WORKFLOW', '10101', 'Edit workflows', 'cloud'),
  P('EDIT_ISSUE_LAYOUT', '10102', 'Edit issue layout', 'cloud'),
  P('BROWSE_PROJECTS', '10', 'Browse Projects'),
  P('MANAGE_SPRINTS_PERMISSION', '10103', 'Manage sprints'),
  P('VIEW_DEV_TOOLS', '29', 'View Development Tools'),
  P('VIEW_READONLY_WORKFLOW', '45', 'View Read-Only Workflow'),
  P('ASSIGNABLE_USER', '17', 'Assignable User'),
  P('ASSIGN_ISSUES', '13', 'Assign Issues'),
  P('CLOSE_ISSUES', '18', 'Close Issues'),
  P('CREATE_ISSUES', '11', 'Create Issues'),
  P('DELETE_ISSUES', '16', 'Delete Issues'),
  P('EDIT_ISSUES', '12', 'Edit Issues'),
  P('LINK_ISSUES', '21', 'Link Issues'),
  P('MODIFY_REPORTER', '30', 'Modify Reporter'),
  P('MOVE_ISSUES', '25', 'Move Issues'),
  P('RESOLVE_ISSUES', '14', 'Resolve Issues'),
  P('SCHEDULE_ISSUES', '28', 'Schedule Issues'),
  P('SET_ISSUE_SECURITY', '26', 'Set Issue Security'),
  P('TRANSITION_ISSUES', '46', 'Transition Issues'),
  P('MANAGE_WATCHERS', '32', 'Manage Watchers'),
  P('VIEW_VOTERS_AND_WATCHERS', '31', 'View Voters and Watchers'),
  P('ADD_COMMENTS', '15', 'Add Comments'),
  P('DELETE_ALL_COMMENTS', '36', 'Delete All Comments'),
  P('DELETE_OWN_COMMENTS', '37', 'Delete Own Comments'),
  P('EDIT_ALL_COMMENTS', '34', 'Edit All Comments'),
  P('EDIT_OWN_COMMENTS', '35', 'Edit Own Comments'),
  P('CREATE_ATTACHMENTS', '19', 'Create Attachments'),
  P('DELETE_ALL_ATTACHMENTS', '38', 'Delete All Attachments'),
  P('DELETE_OWN_ATTACHMENTS', '39', 'Delete Own Attachments'),
  P('WORK_ON_ISSUES', '20', 'Work on issues'),
  P('EDIT_OWN_WORKLOGS', '40', 'Edit Own Worklogs'),
  P('EDIT_ALL_WORKLOGS', '41', 'Edit All Worklogs'),
  P('DELETE_OWN_WORKLOGS', '42', 'Delete Own Worklogs'),
  P('DELETE_ALL_WORKLOGS', '43', 'Delete All Worklogs'),
  P('UNARCHIVE_ISSUES', '10104', 'Unarchive issues', 'cloud'),
  P('VIEW_AGGREGATED_DATA', '10105', 'View aggregated data', 'cloud'),
];

/** Permission definitions a site of this hosting knows ('cloud' | 'server'). */
export function permissionsFor(hosting) {
  return PERMISSIONS.filter((p) => p.on === 'both' || p.on === hosting);
}

/** Every global key (both hostings); used by scenario role helpers. */
export const GLOBAL_KEYS = PERMISSIONS.filter((p) => p.type === 'GLOBAL').map((p) => p.key);
/** Every project key (both hostings); used by scenario role helpers. */
export const PROJECT_KEYS = PERMISSIONS.filter((p) => p.type === 'PROJECT').map((p) => p.key);

/**
 * Whether `holder` (a user, or the site's anonymous grant) has `key`.
 * Context rules, facts §5.1: global permissions ignore the context; with a project context a
 * project permission must be held in that project; without context it counts if held in ANY project.
 * @param {{ globalPermissions: string[], projectPermissions: Record<string,string[]> }} holder
 * @param {PermissionDef} def
 * @param {string|null} projectKey
 */
export function holds(holder, def, projectKey) {
  if (def.type === 'GLOBAL') {
    // SYSTEM_ADMIN implies ADMINISTER in Jira's permission model.
    return holder.globalPermissions.includes(def.key)
      || (def.key === 'ADMINISTER' && holder.globalPermissions.includes('SYSTEM_ADMIN'));
  }
  const perProject = holder.projectPermissions;
  if (projectKey) return (perProject[projectKey] ?? []).includes(def.key);
  return Object.values(perProject).some((keys) => keys.includes(def.key));
}

/** Keys of the projects `holder` may browse (BROWSE_PROJECTS, facts §5.2). */
export function browsableProjectKeys(holder) {
  return Object.entries(holder.projectPermissions)
    .filter(([, keys]) => keys.includes('BROWSE_PROJECTS'))
    .map(([key]) => key);
}
