//! The token test's forms: its input (with the secret), its result and everything in it —
//! verdict, account, permissions, projects, connection snippet — the `check` command's output,
//! the one-click PAT's input and result, and the /myself and /mypermissions answers Jira sends.

use crate::http::DEFAULT_TIMEOUT_MS;
use crate::json::{obj, FromJson, Json, JsonError, Obj, ToJson};
use crate::pat::{CreateInput, CreateResult, NewToken, RawToken};
use crate::permissions::{Entry, MissingPermission, MyPermissions, PermissionReport};
use crate::probe::{CheckInput, CheckResult, JiraUser, ProjectRef, Secret, Verdict};
use crate::protocol::CheckOutput;
use crate::snippet::{Snippet, SnippetField};
use std::collections::BTreeMap;

/// `#[serde(transparent)]`: the string itself. Read only (a secret is never written).
impl FromJson for Secret {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        String::from_json(j).map(Secret::new)
    }
}

impl FromJson for CheckInput {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(CheckInput {
            login: o.or_default("login")?,
            secret: o.req("secret")?,
            auth: o.or_default("auth")?,
            target: o.or_default("target")?,
            required_permissions: o.or_default("requiredPermissions")?,
            project: o.or_default("project")?,
            gateway: o.or_default("gateway")?,
            // `default = "default_timeout"`, which is DEFAULT_TIMEOUT_MS.
            timeout_ms: o.or_else("timeoutMs", || DEFAULT_TIMEOUT_MS)?,
            key_material: o.or_default("keyMaterial")?,
        })
    }
}

impl ToJson for Verdict {
    fn to_json(&self) -> Json {
        let Verdict {
            code,
            ok,
            title,
            cause,
            fix,
        } = self;
        obj()
            .put("code", code)
            .put("ok", ok)
            .put("title", title)
            .put("cause", cause)
            .put("fix", fix)
            .build()
    }
}

impl FromJson for Verdict {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(Verdict {
            code: o.req("code")?,
            ok: o.req("ok")?,
            title: o.req("title")?,
            cause: o.req("cause")?,
            fix: o.req("fix")?,
        })
    }
}

impl ToJson for JiraUser {
    fn to_json(&self) -> Json {
        let JiraUser {
            name,
            key,
            account_id,
            display_name,
            email,
            active,
        } = self;
        obj()
            .put("name", name)
            .put("key", key)
            .put("accountId", account_id)
            .put("displayName", display_name)
            .put("emailAddress", email)
            .put("active", active)
            .build()
    }
}

/// `#[serde(default)]` on the struct; `email` is `emailAddress` or its alias `email` (both at
/// once is serde's "duplicate field").
impl FromJson for JiraUser {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        let email = match (o.get("emailAddress"), o.get("email")) {
            (Some(_), Some(_)) => return Err(JsonError::new("duplicate field `emailAddress`")),
            (None, Some(_)) => o.or_default("email")?,
            _ => o.or_default("emailAddress")?,
        };
        Ok(JiraUser {
            name: o.or_default("name")?,
            key: o.or_default("key")?,
            account_id: o.or_default("accountId")?,
            display_name: o.or_default("displayName")?,
            email,
            active: o.or_default("active")?,
        })
    }
}

impl ToJson for ProjectRef {
    fn to_json(&self) -> Json {
        let ProjectRef { key, name } = self;
        obj().put("key", key).put("name", name).build()
    }
}

impl FromJson for ProjectRef {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(ProjectRef {
            key: o.req("key")?,
            name: o.req("name")?,
        })
    }
}

impl ToJson for MissingPermission {
    fn to_json(&self) -> Json {
        let MissingPermission { key, name, global } = self;
        obj()
            .put("key", key)
            .put("name", name)
            .put("global", global)
            .build()
    }
}

impl FromJson for MissingPermission {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(MissingPermission {
            key: o.req("key")?,
            name: o.req("name")?,
            global: o.req("global")?,
        })
    }
}

impl ToJson for PermissionReport {
    fn to_json(&self) -> Json {
        let PermissionReport {
            project,
            checked,
            missing,
            unknown,
        } = self;
        obj()
            .put("project", project)
            .put("checked", checked)
            .put("missing", missing)
            .put("unknown", unknown)
            .build()
    }
}

impl FromJson for PermissionReport {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(PermissionReport {
            project: o.req("project")?,
            checked: o.req("checked")?,
            missing: o.req("missing")?,
            unknown: o.req("unknown")?,
        })
    }
}

/// One entry of Jira's /mypermissions answer (read only).
impl FromJson for Entry {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(Entry {
            have_permission: o.req("havePermission")?,
            name: o.req("name")?,
        })
    }
}

/// Jira's /mypermissions answer (read only): `{"permissions": {KEY: entry, …}}`, the last of a
/// repeated key winning as in serde's map.
impl FromJson for MyPermissions {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        let within = |e: JsonError| e.within("permissions");
        let mut permissions = BTreeMap::new();
        match o.get("permissions") {
            None => return Err(JsonError::new("missing field `permissions`")),
            Some(Json::Obj(members)) => {
                for (k, v) in members {
                    let entry = Entry::from_json(v).map_err(|e| within(e.within("<key>")))?;
                    permissions.insert(k.clone(), entry);
                }
            }
            Some(other) => return Err(within(JsonError::expected("an object", other))),
        }
        Ok(MyPermissions { permissions })
    }
}

impl ToJson for SnippetField {
    fn to_json(&self) -> Json {
        let SnippetField {
            key,
            label,
            value,
            secret,
            hint,
        } = self;
        obj()
            .put("key", key)
            .put("label", label)
            .put("value", value)
            .put("secret", secret)
            .put("hint", hint)
            .build()
    }
}

impl FromJson for SnippetField {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(SnippetField {
            key: o.req("key")?,
            label: o.req("label")?,
            value: o.req("value")?,
            secret: o.req("secret")?,
            hint: o.req("hint")?,
        })
    }
}

impl ToJson for Snippet {
    fn to_json(&self) -> Json {
        let Snippet {
            target,
            title,
            fields,
            notes,
            text,
            json,
        } = self;
        obj()
            .put("target", target)
            .put("title", title)
            .put("fields", fields)
            .put("notes", notes)
            .put("text", text)
            .put("json", json)
            .build()
    }
}

impl FromJson for Snippet {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(Snippet {
            target: o.req("target")?,
            title: o.req("title")?,
            fields: o.req("fields")?,
            notes: o.req("notes")?,
            text: o.req("text")?,
            json: o.req("json")?,
        })
    }
}

impl ToJson for CheckResult {
    fn to_json(&self) -> Json {
        let CheckResult {
            deployment,
            target,
            verdict,
            user,
            auth_method,
            scheme,
            permissions,
            projects,
            snippet,
            login_url,
            warnings,
            requests,
        } = self;
        obj()
            .put("deployment", deployment)
            .put("target", target)
            .put("verdict", verdict)
            .put("user", user)
            .put("authMethod", auth_method)
            .put("scheme", scheme)
            .put("permissions", permissions)
            .put("projects", projects)
            .put("snippet", snippet)
            .put("loginUrl", login_url)
            .put("warnings", warnings)
            .put("requests", requests)
            .build()
    }
}

impl FromJson for CheckResult {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(CheckResult {
            deployment: o.req("deployment")?,
            target: o.req("target")?,
            verdict: o.req("verdict")?,
            user: o.req("user")?,
            auth_method: o.req("authMethod")?,
            scheme: o.req("scheme")?,
            permissions: o.req("permissions")?,
            projects: o.req("projects")?,
            snippet: o.req("snippet")?,
            login_url: o.req("loginUrl")?,
            warnings: o.req("warnings")?,
            requests: o.req("requests")?,
        })
    }
}

/// Written only (the `check` command's answer).
impl ToJson for CheckOutput {
    fn to_json(&self) -> Json {
        let CheckOutput { result, checklist } = self;
        obj()
            .put("result", result)
            .put("checklist", checklist)
            .build()
    }
}

impl FromJson for CreateInput {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(CreateInput {
            name: o.req("name")?,
            expiration_days: o.or_default("expirationDays")?,
            // `default = "default_timeout"`, which is DEFAULT_TIMEOUT_MS.
            timeout_ms: o.or_else("timeoutMs", || DEFAULT_TIMEOUT_MS)?,
        })
    }
}

/// `#[serde(transparent)]`: the token itself (shown once, in the `create_pat` answer).
impl ToJson for RawToken {
    fn to_json(&self) -> Json {
        self.expose().to_json()
    }
}

impl ToJson for NewToken {
    fn to_json(&self) -> Json {
        let NewToken {
            id,
            name,
            created_at,
            expiring_at,
            raw_token,
        } = self;
        obj()
            .put("id", id)
            .put("name", name)
            .put("createdAt", created_at)
            .put("expiringAt", expiring_at)
            .put("rawToken", raw_token)
            .build()
    }
}

/// Written only (the `create_pat` command's answer).
impl ToJson for CreateResult {
    fn to_json(&self) -> Json {
        let CreateResult {
            outcome,
            ok,
            token,
            token_page_url,
            requests,
        } = self;
        obj()
            .put("outcome", outcome)
            .put("ok", ok)
            .put("token", token)
            .put("tokenPageUrl", token_page_url)
            .put("requests", requests)
            .build()
    }
}
