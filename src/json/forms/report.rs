//! The diagnostic report's forms: what the caller adds ([`Meta`]), what the report is about
//! ([`OwnedSubject`], read only), the report and its parts, and the `report` command's answer
//! ([`Rendered`], written only).

use crate::json::{obj, FromJson, Json, JsonError, Obj, ToJson};
use crate::report::{
    CheckItem, Meta, OwnedSubject, Rendered, Report, ReportRequest, Tried, Versions,
};

impl ToJson for Meta {
    fn to_json(&self) -> Json {
        let Meta {
            tool,
            version,
            environment,
            generated_at,
        } = self;
        obj()
            .put("tool", tool)
            .put("version", version)
            .put("environment", environment)
            .put("generatedAt", generated_at)
            .build()
    }
}

impl FromJson for Meta {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(Meta {
            tool: o.req("tool")?,
            version: o.req("version")?,
            environment: o.or_default("environment")?,
            generated_at: o.req("generatedAt")?,
        })
    }
}

/// Read only; no `rename_all`, so the keys are the field names.
impl FromJson for OwnedSubject {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(OwnedSubject {
            kind: o.req("kind")?,
            result: o.or_default("result")?,
            login: o.or_default("login")?,
            detection: o.or_default("detection")?,
        })
    }
}

impl ToJson for Tried {
    fn to_json(&self) -> Json {
        let Tried {
            method,
            scheme,
            login,
            target,
        } = self;
        obj()
            .put("method", method)
            .put("scheme", scheme)
            .put("login", login)
            .put("target", target)
            .build()
    }
}

impl FromJson for Tried {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(Tried {
            method: o.req("method")?,
            scheme: o.req("scheme")?,
            login: o.req("login")?,
            target: o.or_default("target")?,
        })
    }
}

impl ToJson for CheckItem {
    fn to_json(&self) -> Json {
        let CheckItem { id, state, text } = self;
        obj()
            .put("id", id)
            .put("state", state)
            .put("text", text)
            .build()
    }
}

impl FromJson for CheckItem {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(CheckItem {
            id: o.req("id")?,
            state: o.req("state")?,
            text: o.req("text")?,
        })
    }
}

impl ToJson for ReportRequest {
    fn to_json(&self) -> Json {
        let ReportRequest {
            id,
            method,
            origin,
            path,
            auth,
            status,
            outcome,
            ms,
            headers,
            detail,
        } = self;
        obj()
            .put("id", id)
            .put("method", method)
            .put("origin", origin)
            .put("path", path)
            .put("auth", auth)
            .put("status", status)
            .put("outcome", outcome)
            .put("ms", ms)
            .put("headers", headers)
            .put_some("detail", detail)
            .build()
    }
}

impl FromJson for ReportRequest {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(ReportRequest {
            id: o.req("id")?,
            method: o.req("method")?,
            origin: o.req("origin")?,
            path: o.req("path")?,
            auth: o.req("auth")?,
            status: o.req("status")?,
            outcome: o.req("outcome")?,
            ms: o.req("ms")?,
            headers: o.req("headers")?,
            detail: o.or_default("detail")?,
        })
    }
}

impl ToJson for Versions {
    fn to_json(&self) -> Json {
        let Versions {
            tool,
            tool_version,
            core,
            jira,
            jira_build,
        } = self;
        obj()
            .put("tool", tool)
            .put("toolVersion", tool_version)
            .put("core", core)
            .put("jira", jira)
            .put("jiraBuild", jira_build)
            .build()
    }
}

impl FromJson for Versions {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(Versions {
            tool: o.req("tool")?,
            tool_version: o.req("toolVersion")?,
            core: o.req("core")?,
            jira: o.req("jira")?,
            jira_build: o.req("jiraBuild")?,
        })
    }
}

impl ToJson for Report {
    fn to_json(&self) -> Json {
        let Report {
            schema,
            kind,
            generated_at,
            environment,
            versions,
            deployment,
            recommended,
            tried,
            verdict,
            checklist,
            user,
            permissions,
            warnings,
            requests,
        } = self;
        obj()
            .put("schema", schema)
            .put("kind", kind)
            .put("generatedAt", generated_at)
            .put("environment", environment)
            .put("versions", versions)
            .put("deployment", deployment)
            .put("recommended", recommended)
            .put("tried", tried)
            .put("verdict", verdict)
            .put("checklist", checklist)
            .put("user", user)
            .put("permissions", permissions)
            .put("warnings", warnings)
            .put("requests", requests)
            .build()
    }
}

impl FromJson for Report {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(Report {
            schema: o.req("schema")?,
            kind: o.req("kind")?,
            generated_at: o.req("generatedAt")?,
            environment: o.req("environment")?,
            versions: o.req("versions")?,
            deployment: o.req("deployment")?,
            recommended: o.req("recommended")?,
            tried: o.req("tried")?,
            verdict: o.req("verdict")?,
            checklist: o.req("checklist")?,
            user: o.req("user")?,
            permissions: o.req("permissions")?,
            warnings: o.req("warnings")?,
            requests: o.req("requests")?,
        })
    }
}

/// Written only (the `report` command's answer).
impl ToJson for Rendered {
    fn to_json(&self) -> Json {
        let Rendered {
            report,
            json,
            markdown,
            file_name,
        } = self;
        obj()
            .put("report", report)
            .put("json", json)
            .put("markdown", markdown)
            .put("fileName", file_name)
            .build()
    }
}
