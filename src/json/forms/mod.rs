//! The JSON form of every type that crosses the wasm boundary or comes from Jira, next to
//! nothing else: unit enums here, structs in the files by area. Each form is the one serde's
//! attributes on the type describe; `tests/json_forms.rs` checks that, text for text.

mod detect;
mod probe;
mod report;
#[cfg(test)]
mod tests;

use super::{json_enum, FromJson, Json, JsonError, ToJson};
use crate::auth_plan::{AuthMethod, LoginKind};
use crate::catalogue::{Code, Kind};
use crate::deployment::{Edition, Hosting, Product};
use crate::http::Method;
use crate::i18n::Lang;
use crate::probe::{AuthChoice, Scheme};
use crate::report::{ItemState, ReportKind, Tool};
use crate::targets::Target;

json_enum!(Product {
    Jira = "jira",
    Confluence = "confluence",
    Bitbucket = "bitbucket",
    OtherAtlassian = "other-atlassian",
    NotAtlassian = "not-atlassian",
    Unknown = "unknown",
});
json_enum!(Hosting {
    Cloud = "cloud",
    SelfManaged = "self-managed",
});
json_enum!(Edition {
    DataCenter = "data-center",
});
json_enum!(AuthMethod {
    ApiToken = "api-token",
    Pat = "pat",
    Basic = "basic",
});
json_enum!(LoginKind {
    Email = "email",
    Username = "username",
    None = "none",
});
json_enum!(Scheme {
    Basic = "basic",
    Bearer = "bearer",
});
json_enum!(AuthChoice {
    Auto = "auto",
    ApiToken = "api-token",
    Pat = "pat",
    Basic = "basic",
});
json_enum!(Target {
    Generic = "generic",
    Elma365 = "elma365",
    AvepointBackup = "avepoint-backup",
    AvepointRestore = "avepoint-restore",
    IssueSync = "issue-sync",
});
json_enum!(Kind {
    Verdict = "verdict",
    Warning = "warning",
    PatCreation = "pat_creation",
});
json_enum!(Tool {
    Extension = "extension",
    Cli = "cli",
});
json_enum!(ReportKind {
    Check = "check",
    Detection = "detection",
});
json_enum!(ItemState {
    Ok = "ok",
    Fail = "fail",
    Info = "info",
});
json_enum!(Method {
    Get = "GET",
    Post = "POST",
});
json_enum!(Lang {
    En = "en",
    Ru = "ru",
});

/// Catalogue codes by their one public name ([`Code::as_str`]).
impl ToJson for Code {
    fn to_json(&self) -> Json {
        Json::Str(self.as_str().to_string())
    }
}

impl FromJson for Code {
    fn from_json(j: &Json) -> Result<Self, JsonError> {
        let s = j
            .as_str()
            .ok_or_else(|| JsonError::expected("a string", j))?;
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| JsonError::new("unknown variant of Code"))
    }
}
