//! Takes every echo of the secret out of a [`CheckResult`]: a hostile or broken server may
//! repeat the credential in a header (`X-AUSERNAME`, `Location`) or a body field, and nothing
//! the server said may carry it into a report, the popup or the CLI's JSON.
//!
//! Typed, field by field: every struct is destructured without `..`, so a field added later
//! does not compile until it is scrubbed (or named as not text). Only text is touched — enum
//! values, numbers and flags keep their meaning — so the scrubbed result is always a valid
//! result: nothing falls back to the unscrubbed one.

use super::{CheckResult, JiraUser, ProjectRef, Verdict};
use crate::catalogue::Notice;
use crate::deployment::{Deployment, PageUser};
use crate::http::RequestLog;
use crate::i18n::Text;
use crate::json::Json;
use crate::permissions::{MissingPermission, PermissionReport};
use crate::snippet::{Snippet, SnippetField};
use std::collections::BTreeMap;

/// What replaces a secret form (the CLI's redactor writes the same marker).
pub const REDACTED: &str = "[redacted]";

/// Shortest secret form scrubbed: shorter ones would garble ordinary text.
const MIN_SCRUBBED_CHARS: usize = 4;

/// The secret forms to replace (`Secret::leak_forms`), the too-short ones left out.
pub(super) struct Forms<'a>(Vec<&'a str>);

impl<'a> Forms<'a> {
    pub(super) fn new(forms: &'a [String]) -> Forms<'a> {
        Forms(
            forms
                .iter()
                .map(String::as_str)
                .filter(|f| f.chars().count() >= MIN_SCRUBBED_CHARS)
                .collect(),
        )
    }

    fn text(&self, s: &mut String) {
        for f in &self.0 {
            if s.contains(f) {
                *s = s.replace(f, REDACTED);
            }
        }
    }
}

/// A value whose text can be scrubbed in place.
pub(super) trait Scrub {
    fn scrub(&mut self, forms: &Forms);
}

impl Scrub for String {
    fn scrub(&mut self, forms: &Forms) {
        forms.text(self);
    }
}

impl<T: Scrub> Scrub for Option<T> {
    fn scrub(&mut self, forms: &Forms) {
        if let Some(v) = self {
            v.scrub(forms);
        }
    }
}

impl<T: Scrub> Scrub for Vec<T> {
    fn scrub(&mut self, forms: &Forms) {
        self.iter_mut().for_each(|v| v.scrub(forms));
    }
}

impl Scrub for BTreeMap<String, String> {
    /// Values only: the keys are the core's own header names.
    fn scrub(&mut self, forms: &Forms) {
        self.values_mut().for_each(|v| v.scrub(forms));
    }
}

impl Scrub for Text {
    fn scrub(&mut self, forms: &Forms) {
        let Text { en, ru } = self;
        en.scrub(forms);
        ru.scrub(forms);
    }
}

impl Scrub for Json {
    /// String values; object keys are the snippet's own field names.
    fn scrub(&mut self, forms: &Forms) {
        match self {
            Json::Str(s) => s.scrub(forms),
            Json::Arr(items) => items.iter_mut().for_each(|v| v.scrub(forms)),
            Json::Obj(members) => members.iter_mut().for_each(|(_, v)| v.scrub(forms)),
            _ => {}
        }
    }
}

impl Scrub for CheckResult {
    fn scrub(&mut self, forms: &Forms) {
        let CheckResult {
            deployment,
            target: _,
            verdict,
            user,
            auth_method: _,
            scheme: _,
            permissions,
            projects,
            snippet,
            login_url,
            warnings,
            requests,
        } = self;
        deployment.scrub(forms);
        verdict.scrub(forms);
        user.scrub(forms);
        permissions.scrub(forms);
        projects.scrub(forms);
        snippet.scrub(forms);
        login_url.scrub(forms);
        warnings.scrub(forms);
        requests.scrub(forms);
    }
}

impl Scrub for Deployment {
    fn scrub(&mut self, forms: &Forms) {
        let Deployment {
            product: _,
            hosting: _,
            edition: _,
            version,
            version_numbers: _,
            build_number: _,
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
        for s in [version, base_url, context_path, reached_base_url, cloud_id] {
            s.scrub(forms);
        }
        cluster_node.scrub(forms);
        server_title.scrub(forms);
        user.scrub(forms);
        summary.scrub(forms);
        evidence.scrub(forms);
    }
}

impl Scrub for PageUser {
    fn scrub(&mut self, forms: &Forms) {
        let PageUser {
            name,
            display_name,
            account_id,
        } = self;
        for s in [name, display_name, account_id] {
            s.scrub(forms);
        }
    }
}

impl Scrub for Verdict {
    fn scrub(&mut self, forms: &Forms) {
        let Verdict {
            code: _,
            ok: _,
            title,
            cause,
            fix,
        } = self;
        for t in [title, cause, fix] {
            t.scrub(forms);
        }
    }
}

impl Scrub for Notice {
    fn scrub(&mut self, forms: &Forms) {
        let Notice {
            code: _,
            kind: _,
            title,
            cause,
            fix,
        } = self;
        for t in [title, cause, fix] {
            t.scrub(forms);
        }
    }
}

impl Scrub for JiraUser {
    fn scrub(&mut self, forms: &Forms) {
        let JiraUser {
            name,
            key,
            account_id,
            display_name,
            email,
            active: _,
        } = self;
        for s in [name, key, account_id, display_name, email] {
            s.scrub(forms);
        }
    }
}

impl Scrub for PermissionReport {
    fn scrub(&mut self, forms: &Forms) {
        let PermissionReport {
            project,
            checked,
            missing,
            unknown,
        } = self;
        project.scrub(forms);
        checked.scrub(forms);
        missing.scrub(forms);
        unknown.scrub(forms);
    }
}

impl Scrub for MissingPermission {
    fn scrub(&mut self, forms: &Forms) {
        let MissingPermission {
            key,
            name,
            global: _,
        } = self;
        key.scrub(forms);
        name.scrub(forms);
    }
}

impl Scrub for ProjectRef {
    fn scrub(&mut self, forms: &Forms) {
        let ProjectRef { key, name } = self;
        key.scrub(forms);
        name.scrub(forms);
    }
}

impl Scrub for Snippet {
    fn scrub(&mut self, forms: &Forms) {
        let Snippet {
            target: _,
            title,
            fields,
            notes,
            text,
            json,
        } = self;
        title.scrub(forms);
        fields.scrub(forms);
        notes.scrub(forms);
        text.scrub(forms);
        json.scrub(forms);
    }
}

impl Scrub for SnippetField {
    fn scrub(&mut self, forms: &Forms) {
        let SnippetField {
            key: _,
            label,
            value,
            secret: _,
            hint,
        } = self;
        label.scrub(forms);
        value.scrub(forms);
        hint.scrub(forms);
    }
}

impl Scrub for RequestLog {
    fn scrub(&mut self, forms: &Forms) {
        let RequestLog {
            id: _,
            method: _,
            url,
            auth,
            status: _,
            outcome,
            ms: _,
            headers,
            detail,
        } = self;
        url.scrub(forms);
        auth.scrub(forms);
        outcome.scrub(forms);
        headers.scrub(forms);
        detail.scrub(forms);
    }
}
