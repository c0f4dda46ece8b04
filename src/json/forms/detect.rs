//! Detection's forms: texts and notices, the deployment, the auth plan, the request log, the
//! page snapshot and the detect options, and the serverInfo / tenant_info answers Jira sends.

use crate::auth_plan::AuthPlan;
use crate::catalogue::Notice;
use crate::deployment::{Deployment, PageUser};
use crate::detect::server_info::{ServerInfo, TenantInfo};
use crate::detect::{DetectOptions, Detection};
use crate::http::RequestLog;
use crate::i18n::Text;
use crate::json::{obj, FromJson, Json, JsonError, Obj, ToJson};
use crate::page::PageSnapshot;

impl ToJson for Text {
    fn to_json(&self) -> Json {
        let Text { en, ru } = self;
        obj().put("en", en).put("ru", ru).build()
    }
}

impl FromJson for Text {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(Text {
            en: o.req("en")?,
            ru: o.req("ru")?,
        })
    }
}

impl ToJson for Notice {
    fn to_json(&self) -> Json {
        let Notice {
            code,
            kind,
            title,
            cause,
            fix,
        } = self;
        obj()
            .put("code", code)
            .put("kind", kind)
            .put("title", title)
            .put("cause", cause)
            .put("fix", fix)
            .build()
    }
}

impl FromJson for Notice {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(Notice {
            code: o.req("code")?,
            kind: o.req("kind")?,
            title: o.req("title")?,
            cause: o.req("cause")?,
            fix: o.req("fix")?,
        })
    }
}

impl ToJson for PageUser {
    fn to_json(&self) -> Json {
        let PageUser {
            name,
            display_name,
            account_id,
        } = self;
        obj()
            .put("name", name)
            .put("displayName", display_name)
            .put("accountId", account_id)
            .build()
    }
}

impl FromJson for PageUser {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(PageUser {
            name: o.req("name")?,
            display_name: o.req("displayName")?,
            account_id: o.req("accountId")?,
        })
    }
}

impl ToJson for Deployment {
    fn to_json(&self) -> Json {
        let Deployment {
            product,
            hosting,
            edition,
            version,
            version_numbers,
            build_number,
            base_url,
            context_path,
            reached_base_url,
            cloud_id,
            cluster_node,
            server_title,
            user,
            summary,
            evidence,
        } = self;
        obj()
            .put("product", product)
            .put("hosting", hosting)
            .put("edition", edition)
            .put("version", version)
            .put("versionNumbers", version_numbers)
            .put("buildNumber", build_number)
            .put("baseUrl", base_url)
            .put("contextPath", context_path)
            .put("reachedBaseUrl", reached_base_url)
            .put("cloudId", cloud_id)
            .put("clusterNode", cluster_node)
            .put("serverTitle", server_title)
            .put("user", user)
            .put("summary", summary)
            .put("evidence", evidence)
            .build()
    }
}

impl FromJson for Deployment {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(Deployment {
            product: o.req("product")?,
            hosting: o.req("hosting")?,
            edition: o.req("edition")?,
            version: o.req("version")?,
            version_numbers: o.req("versionNumbers")?,
            build_number: o.req("buildNumber")?,
            base_url: o.req("baseUrl")?,
            context_path: o.req("contextPath")?,
            reached_base_url: o.req("reachedBaseUrl")?,
            cloud_id: o.req("cloudId")?,
            cluster_node: o.req("clusterNode")?,
            server_title: o.req("serverTitle")?,
            user: o.req("user")?,
            summary: o.req("summary")?,
            evidence: o.req("evidence")?,
        })
    }
}

impl ToJson for AuthPlan {
    fn to_json(&self) -> Json {
        let AuthPlan {
            method,
            login,
            token_page_url,
            steps,
            notes,
            alternatives,
            one_click_pat,
        } = self;
        obj()
            .put("method", method)
            .put("login", login)
            .put("tokenPageUrl", token_page_url)
            .put("steps", steps)
            .put("notes", notes)
            .put("alternatives", alternatives)
            .put("oneClickPat", one_click_pat)
            .build()
    }
}

impl FromJson for AuthPlan {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(AuthPlan {
            method: o.req("method")?,
            login: o.req("login")?,
            token_page_url: o.req("tokenPageUrl")?,
            steps: o.req("steps")?,
            notes: o.req("notes")?,
            alternatives: o.req("alternatives")?,
            one_click_pat: o.or_default("oneClickPat")?,
        })
    }
}

impl ToJson for RequestLog {
    fn to_json(&self) -> Json {
        let RequestLog {
            id,
            method,
            url,
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
            .put("url", url)
            .put("auth", auth)
            .put("status", status)
            .put("outcome", outcome)
            .put("ms", ms)
            .put("headers", headers)
            .put_some("detail", detail)
            .build()
    }
}

impl FromJson for RequestLog {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(RequestLog {
            id: o.req("id")?,
            method: o.req("method")?,
            url: o.req("url")?,
            auth: o.req("auth")?,
            status: o.req("status")?,
            outcome: o.req("outcome")?,
            ms: o.req("ms")?,
            headers: o.req("headers")?,
            detail: o.or_default("detail")?,
        })
    }
}

/// `#[serde(default)]` on the struct: every missing field is `PageSnapshot::default()`'s.
impl ToJson for PageSnapshot {
    fn to_json(&self) -> Json {
        let PageSnapshot {
            url,
            title,
            metas,
            body_id,
            body_classes,
            headers,
        } = self;
        obj()
            .put("url", url)
            .put("title", title)
            .put("metas", metas)
            .put("bodyId", body_id)
            .put("bodyClasses", body_classes)
            .put("headers", headers)
            .build()
    }
}

impl FromJson for PageSnapshot {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(PageSnapshot {
            url: o.or_default("url")?,
            title: o.or_default("title")?,
            metas: o.or_default("metas")?,
            body_id: o.or_default("bodyId")?,
            body_classes: o.or_default("bodyClasses")?,
            headers: o.or_default("headers")?,
        })
    }
}

/// `#[serde(default)]` on the struct, whose `Default` allows fetching.
impl ToJson for DetectOptions {
    fn to_json(&self) -> Json {
        let DetectOptions {
            allow_fetch,
            fetch_page,
            timeout_ms,
        } = self;
        obj()
            .put("allowFetch", allow_fetch)
            .put("fetchPage", fetch_page)
            .put("timeoutMs", timeout_ms)
            .build()
    }
}

impl FromJson for DetectOptions {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        let d = DetectOptions::default();
        Ok(DetectOptions {
            allow_fetch: o.or_else("allowFetch", || d.allow_fetch)?,
            fetch_page: o.or_else("fetchPage", || d.fetch_page)?,
            timeout_ms: o.or_else("timeoutMs", || d.timeout_ms)?,
        })
    }
}

impl ToJson for Detection {
    fn to_json(&self) -> Json {
        let Detection {
            deployment,
            auth_plan,
            warnings,
            requests,
        } = self;
        obj()
            .put("deployment", deployment)
            .put("authPlan", auth_plan)
            .put("warnings", warnings)
            .put("requests", requests)
            .build()
    }
}

impl FromJson for Detection {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(Detection {
            deployment: o.req("deployment")?,
            auth_plan: o.req("authPlan")?,
            warnings: o.req("warnings")?,
            requests: o.req("requests")?,
        })
    }
}

/// Jira's serverInfo answer (read only). `#[serde(default)]` on the struct; all `Option`s.
impl FromJson for ServerInfo {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(ServerInfo {
            base_url: o.or_default("baseUrl")?,
            version: o.or_default("version")?,
            version_numbers: o.or_default("versionNumbers")?,
            deployment_type: o.or_default("deploymentType")?,
            build_number: o.or_default("buildNumber")?,
            server_title: o.or_default("serverTitle")?,
            server_time: o.or_default("serverTime")?,
        })
    }
}

/// Cloud's `/_edge/tenant_info` answer (read only).
impl FromJson for TenantInfo {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let o = Obj::of(j)?;
        Ok(TenantInfo {
            cloud_id: o.or_default("cloudId")?,
        })
    }
}
