//! Jira permission keys and their UI names (facts §5.2), and reading
//! `GET /rest/api/2/mypermissions` answers (facts §5.1).

use crate::http::HttpResponse;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Global permission keys (granted to groups, not in project schemes).
pub const GLOBAL_KEYS: &[&str] = &[
    "ADMINISTER",
    "SYSTEM_ADMIN",
    "USE",
    "USER_PICKER",
    "CREATE_SHARED_OBJECTS",
    "MANAGE_GROUP_FILTER_SUBSCRIPTIONS",
    "BULK_CHANGE",
    "CREATE_PROJECT",
];

/// UI name of a permission key (facts §5.2); the key itself when unknown.
pub fn ui_name(key: &str) -> &str {
    match key {
        "ADMINISTER" => "Administer Jira",
        "SYSTEM_ADMIN" => "Jira System Administrators",
        "USE" => "Jira Users",
        "USER_PICKER" => "Browse users and groups",
        "CREATE_SHARED_OBJECTS" => "Share dashboards and filters",
        "MANAGE_GROUP_FILTER_SUBSCRIPTIONS" => "Manage group filter subscriptions",
        "BULK_CHANGE" => "Make bulk changes",
        "CREATE_PROJECT" => "Create team-managed projects",
        "ADMINISTER_PROJECTS" => "Administer Projects",
        "BROWSE_PROJECTS" => "Browse Projects",
        "MANAGE_SPRINTS_PERMISSION" => "Manage Sprints",
        "VIEW_DEV_TOOLS" => "View Development Tools",
        "ASSIGNABLE_USER" => "Assignable User",
        "ASSIGN_ISSUES" => "Assign Issues",
        "CLOSE_ISSUES" => "Close Issues",
        "CREATE_ISSUES" => "Create Issues",
        "DELETE_ISSUES" => "Delete Issues",
        "EDIT_ISSUES" => "Edit Issues",
        "LINK_ISSUES" => "Link Issues",
        "MODIFY_REPORTER" => "Modify Reporter",
        "MOVE_ISSUES" => "Move Issues",
        "RESOLVE_ISSUES" => "Resolve Issues",
        "SCHEDULE_ISSUES" => "Schedule Issues",
        "SET_ISSUE_SECURITY" => "Set Issue Security",
        "TRANSITION_ISSUES" => "Transition Issues",
        "MANAGE_WATCHERS" => "Manage Watchers",
        "VIEW_VOTERS_AND_WATCHERS" => "View Voters and Watchers",
        "ADD_COMMENTS" => "Add Comments",
        "DELETE_ALL_COMMENTS" => "Delete All Comments",
        "DELETE_OWN_COMMENTS" => "Delete Own Comments",
        "EDIT_ALL_COMMENTS" => "Edit All Comments",
        "EDIT_OWN_COMMENTS" => "Edit Own Comments",
        "CREATE_ATTACHMENTS" => "Create Attachments",
        "DELETE_ALL_ATTACHMENTS" => "Delete All Attachments",
        "DELETE_OWN_ATTACHMENTS" => "Delete Own Attachments",
        "WORK_ON_ISSUES" => "Work On Issues",
        "EDIT_OWN_WORKLOGS" => "Edit Own Worklogs",
        "EDIT_ALL_WORKLOGS" => "Edit All Worklogs",
        "DELETE_OWN_WORKLOGS" => "Delete Own Worklogs",
        "DELETE_ALL_WORKLOGS" => "Delete All Worklogs",
        other => other,
    }
}

/// True for a global permission key.
pub fn is_global(key: &str) -> bool {
    GLOBAL_KEYS.contains(&key)
}

/// A permission the account lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MissingPermission {
    pub key: String,
    /// UI name, e.g. "Create Issues".
    pub name: String,
    pub global: bool,
}

/// What the permission check found.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PermissionReport {
    /// Project the project permissions were checked in; `None` = any project.
    pub project: Option<String>,
    /// Required keys Jira answered about.
    pub checked: Vec<String>,
    /// Required keys the account lacks.
    pub missing: Vec<MissingPermission>,
    /// Required keys this Jira did not report (older versions, Cloud-only or DC-only keys).
    pub unknown: Vec<String>,
}

#[derive(Deserialize)]
pub(crate) struct Entry {
    #[serde(rename = "havePermission")]
    pub(crate) have_permission: Option<bool>,
    pub(crate) name: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct MyPermissions {
    pub(crate) permissions: BTreeMap<String, Entry>,
}

/// Reads a mypermissions answer against the required keys. `None` when the body is not a
/// mypermissions JSON object.
pub fn read(
    resp: &HttpResponse,
    required: &[String],
    project: Option<&str>,
) -> Option<PermissionReport> {
    if resp.status != 200 {
        return None;
    }
    let parsed: MyPermissions = resp.json()?;
    let mut report = PermissionReport {
        project: project.map(str::to_string),
        ..PermissionReport::default()
    };
    for key in required {
        match parsed
            .permissions
            .get(key)
            .and_then(|e| e.have_permission.map(|h| (h, e)))
        {
            Some((true, _)) => report.checked.push(key.clone()),
            Some((false, e)) => {
                report.checked.push(key.clone());
                let name = e
                    .name
                    .clone()
                    .filter(|n| !n.trim().is_empty() && n.len() < 100);
                report.missing.push(MissingPermission {
                    key: key.clone(),
                    name: name.unwrap_or_else(|| ui_name(key).to_string()),
                    global: is_global(key),
                });
            }
            None => report.unknown.push(key.clone()),
        }
    }
    Some(report)
}
