//! Jira permission keys and their UI names (facts §5.2), and reading
//! `GET /rest/api/2/mypermissions` answers (facts §5.1).

use crate::http::HttpResponse;
use crate::i18n::Text;
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

/// The name Jira's Russian interface gives a permission key (Jira's Russian language pack,
/// «Схема прав доступа» / «Глобальные права»); `None` for a key not listed.
pub fn ui_name_ru(key: &str) -> Option<&'static str> {
    Some(match key {
        "ADMINISTER" => "Администрирование Jira",
        "SYSTEM_ADMIN" => "Системные администраторы Jira",
        "USE" => "Пользователи Jira",
        "USER_PICKER" => "Просмотр пользователей и групп",
        "CREATE_SHARED_OBJECTS" => "Общий доступ к панелям и фильтрам",
        "MANAGE_GROUP_FILTER_SUBSCRIPTIONS" => "Управление групповыми подписками на фильтры",
        "BULK_CHANGE" => "Массовые изменения",
        "CREATE_PROJECT" => "Создание проектов, управляемых командой",
        "ADMINISTER_PROJECTS" => "Администрирование проектов",
        "BROWSE_PROJECTS" => "Просмотр проектов",
        "MANAGE_SPRINTS_PERMISSION" => "Управление спринтами",
        "VIEW_DEV_TOOLS" => "Просмотр инструментов разработки",
        "ASSIGNABLE_USER" => "Назначаемый пользователь",
        "ASSIGN_ISSUES" => "Назначение задач",
        "CLOSE_ISSUES" => "Закрытие задач",
        "CREATE_ISSUES" => "Создание задач",
        "DELETE_ISSUES" => "Удаление задач",
        "EDIT_ISSUES" => "Редактирование задач",
        "LINK_ISSUES" => "Связывание задач",
        "MODIFY_REPORTER" => "Изменение автора",
        "MOVE_ISSUES" => "Перемещение задач",
        "RESOLVE_ISSUES" => "Решение задач",
        "SCHEDULE_ISSUES" => "Планирование задач",
        "SET_ISSUE_SECURITY" => "Установка уровня безопасности задач",
        "TRANSITION_ISSUES" => "Переходы задач",
        "MANAGE_WATCHERS" => "Управление наблюдателями",
        "VIEW_VOTERS_AND_WATCHERS" => "Просмотр голосующих и наблюдателей",
        "ADD_COMMENTS" => "Добавление комментариев",
        "DELETE_ALL_COMMENTS" => "Удаление всех комментариев",
        "DELETE_OWN_COMMENTS" => "Удаление своих комментариев",
        "EDIT_ALL_COMMENTS" => "Редактирование всех комментариев",
        "EDIT_OWN_COMMENTS" => "Редактирование своих комментариев",
        "CREATE_ATTACHMENTS" => "Создание вложений",
        "DELETE_ALL_ATTACHMENTS" => "Удаление всех вложений",
        "DELETE_OWN_ATTACHMENTS" => "Удаление своих вложений",
        "WORK_ON_ISSUES" => "Работа с задачами",
        "EDIT_OWN_WORKLOGS" => "Редактирование своих журналов работ",
        "EDIT_ALL_WORKLOGS" => "Редактирование всех журналов работ",
        "DELETE_OWN_WORKLOGS" => "Удаление своих журналов работ",
        "DELETE_ALL_WORKLOGS" => "Удаление всех журналов работ",
        _ => return None,
    })
}

/// Missing permissions as a sentence lists them: `Name (KEY), …` — in English Jira's name (or
/// ours), in Russian the Russian interface's name, each with the key in brackets.
pub fn listed(missing: &[MissingPermission]) -> Text {
    let each = |name: &dyn Fn(&MissingPermission) -> String| {
        missing
            .iter()
            .map(|m| format!("{} ({})", name(m), m.key))
            .collect::<Vec<_>>()
            .join(", ")
    };
    Text::new(
        each(&|m| m.name.clone()),
        each(&|m| {
            ui_name_ru(&m.key)
                .map(str::to_string)
                .unwrap_or_else(|| m.name.clone())
        }),
    )
}

/// True for a global permission key.
pub fn is_global(key: &str) -> bool {
    GLOBAL_KEYS.contains(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_named_key_has_a_russian_name() {
        for key in GLOBAL_KEYS
            .iter()
            .chain(["BROWSE_PROJECTS", "CREATE_ISSUES"].iter())
        {
            assert_ne!(ui_name(key), *key, "{key}");
            assert!(ui_name_ru(key).is_some(), "{key}");
        }
        let m = |key: &str| MissingPermission {
            key: key.into(),
            name: ui_name(key).into(),
            global: is_global(key),
        };
        let t = listed(&[m("CREATE_ISSUES"), m("CUSTOM_KEY")]);
        assert_eq!(
            t.en,
            "Create Issues (CREATE_ISSUES), CUSTOM_KEY (CUSTOM_KEY)"
        );
        assert_eq!(
            t.ru,
            "Создание задач (CREATE_ISSUES), CUSTOM_KEY (CUSTOM_KEY)"
        );
    }
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
