//! Redaction: a request log as it may be shown to anyone. Only the names in
//! [`DIAGNOSTIC_HEADERS`] survive (never `Authorization`, cookies or `Set-Cookie`), userinfo is
//! dropped from the URL, and every text is
//! stripped of control characters and capped. The log may have come back from JavaScript, so
//! nothing in it is trusted; `tests/report_redaction.rs` proves it over recorded answers.

use super::model::ReportRequest;
use crate::http::{without_userinfo, RequestLog, DIAGNOSTIC_HEADERS, MAX_LOGGED_HEADER_CHARS};

/// One request log, re-filtered: only diagnostic headers, no userinfo, capped values. The log
/// may have come back from JavaScript, so nothing in it is trusted.
pub(super) fn request(r: &RequestLog) -> ReportRequest {
    let url = without_userinfo(&r.url);
    let (origin, path) = match crate::urls::parse_http(&url) {
        Some(u) => {
            let mut path = u.path().to_string();
            if let Some(q) = u.query() {
                path.push('?');
                path.push_str(q);
            }
            (u.origin().to_string(), path)
        }
        None => (String::new(), clean(&url, MAX_LOGGED_HEADER_CHARS)),
    };
    let headers = r
        .headers
        .iter()
        .filter_map(|(k, v)| {
            let k = k.to_ascii_lowercase();
            DIAGNOSTIC_HEADERS
                .contains(&k.as_str())
                .then(|| (k, clean(v, MAX_LOGGED_HEADER_CHARS)))
        })
        .collect();
    ReportRequest {
        id: clean(&r.id, 64),
        method: r.method,
        origin,
        path,
        auth: r.auth,
        status: r.status,
        outcome: r.outcome,
        ms: r.ms,
        headers,
        detail: r
            .detail
            .as_deref()
            .map(|d| clean(d, MAX_LOGGED_HEADER_CHARS)),
    }
}

/// Caller text without control characters, at most `max` characters.
pub(super) fn clean(s: &str, max: usize) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(max)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Method;
    use std::collections::BTreeMap;

    #[test]
    fn requests_keep_only_diagnostic_headers() {
        let mut headers = BTreeMap::new();
        for k in [
            "Authorization",
            "set-cookie",
            "cookie",
            "x-secret",
            "X-AUSERNAME",
        ] {
            headers.insert(k.to_string(), "v".to_string());
        }
        let log = RequestLog {
            id: "myself".into(),
            method: Method::Get,
            url: "https://ann:pw@h.example/jira/rest/api/2/myself?x=1".into(),
            auth: crate::http::LoggedAuth::Bearer,
            status: Some(401),
            outcome: crate::http::Outcome::Response,
            ms: 5,
            headers,
            detail: None,
            certificate: None,
        };
        let r = request(&log);
        assert_eq!(r.headers.keys().collect::<Vec<_>>(), ["x-ausername"]);
        assert_eq!(r.auth, "Bearer");
        assert_eq!(r.origin, "https://h.example");
        assert_eq!(r.path, "/jira/rest/api/2/myself?x=1");
    }
}
