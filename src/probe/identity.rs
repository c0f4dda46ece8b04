//! Who Jira says the credential belongs to: reading `GET /rest/api/2/myself` (facts §5.3).
//! Cloud answers `accountId` and maybe `emailAddress` (privacy settings may hide it); Server/DC
//! answers `name`, `key`, `emailAddress`.

use crate::http::HttpResponse;
use serde::{Deserialize, Serialize};

/// Longest user field kept from a `myself` answer, in characters.
pub const MAX_FIELD_CHARS: usize = 255;

/// The account behind a credential.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JiraUser {
    /// Server/DC username.
    pub name: Option<String>,
    /// Server/DC user key.
    pub key: Option<String>,
    /// Cloud account id.
    pub account_id: Option<String>,
    pub display_name: Option<String>,
    #[serde(rename = "emailAddress", alias = "email")]
    pub email: Option<String>,
    pub active: Option<bool>,
}

impl JiraUser {
    /// Reads a 200 JSON myself answer; `None` when it is not a user object.
    pub fn from_response(resp: &HttpResponse) -> Option<JiraUser> {
        if resp.status != 200 || resp.truncated {
            return None;
        }
        let user = resp.json::<JiraUser>()?.bounded();
        (user.name.is_some() || user.account_id.is_some() || user.key.is_some()).then_some(user)
    }

    /// Cuts every field to [`MAX_FIELD_CHARS`]: Jira's own limit is 255 characters, and a
    /// hostile answer of up to a megabyte must not end up in verdict texts. An empty field is
    /// no field: Cloud's `/myself` carries `"key":""` and `"name":""` (Atlassian's example,
    /// tests/fixtures/real/cloud-myself-docs-example.json), which must not name the user.
    fn bounded(self) -> JiraUser {
        let cut = |v: Option<String>| {
            v.filter(|s| !s.trim().is_empty())
                .map(|s| s.chars().take(MAX_FIELD_CHARS).collect())
        };
        JiraUser {
            name: cut(self.name),
            key: cut(self.key),
            account_id: cut(self.account_id),
            display_name: cut(self.display_name),
            email: cut(self.email),
            active: self.active,
        }
    }

    /// "Ivan Ivanov (ivanov)" — display name with the login it answers to.
    pub fn label(&self) -> String {
        let id = self
            .name
            .as_deref()
            .or(self.email.as_deref())
            .or(self.account_id.as_deref())
            .unwrap_or("?");
        match self
            .display_name
            .as_deref()
            .filter(|d| !d.trim().is_empty())
        {
            Some(display) if display != id => format!("{display} ({id})"),
            _ => id.to_string(),
        }
    }

    /// Does `login` name this user? `None` when Jira did not say enough to compare (Cloud
    /// hides e-mail addresses depending on privacy settings).
    pub fn matches_login(&self, login: &str) -> Option<bool> {
        let login = login.trim();
        if login.is_empty() {
            return None;
        }
        let known: Vec<&str> = [&self.name, &self.key, &self.email]
            .into_iter()
            .filter_map(|v| v.as_deref())
            .filter(|v| !v.is_empty())
            .collect();
        if known.is_empty() {
            return None;
        }
        Some(known.iter().any(|k| k.eq_ignore_ascii_case(login)))
    }
}
