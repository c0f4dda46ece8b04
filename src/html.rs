//! Turns a fetched page into the core's [`PageSnapshot`] — the same struct the extension's
//! injected function fills from a live tab — with `scraper` (html5ever, a real
//! HTML parser): meta name/property → content (names lower-cased), `application-name`'s
//! `data-name` / `data-version` (facts §2.1), `<title>`, `<body id class>`, and the response
//! headers. The core then applies its size limits ([`PageSnapshot::sanitized`]).
//!
//! Native only (the CLI and the native tests): pure parsing, no IO; the browser needs none of
//! it, so the wasm build leaves html5ever out.

use crate::http::HttpResponse;
use crate::page::{PageSnapshot, MAX_METAS};
use scraper::{ElementRef, Html};
use std::collections::BTreeMap;

/// Response headers never copied into a snapshot: the site's cookies are not detection input.
const SKIPPED_HEADERS: &[&str] = &["set-cookie", "cookie"];

/// The snapshot of `resp`, fetched from `final_url`. A body that is not HTML (JSON, empty)
/// gives a snapshot with only the URL and the headers.
pub fn read(resp: &HttpResponse, final_url: &str) -> PageSnapshot {
    let headers = resp
        .headers
        .iter()
        .filter(|(k, _)| !SKIPPED_HEADERS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut snap = PageSnapshot {
        url: final_url.to_string(),
        headers,
        ..PageSnapshot::default()
    };
    if looks_like_html(resp) {
        read_html(&resp.body, &mut snap);
    }
    snap.sanitized()
}

fn looks_like_html(resp: &HttpResponse) -> bool {
    resp.is_html()
        || (resp.header("content-type").is_none() && resp.body.trim_start().starts_with('<'))
}

/// Fills the HTML-derived fields of `snap` from `html`. The first `<title>`, `<body>` and
/// occurrence of each meta name win, as `document.querySelector` would pick them.
pub fn read_html(html: &str, snap: &mut PageSnapshot) {
    let doc = Html::parse_document(html);
    let mut metas: BTreeMap<String, String> = BTreeMap::new();
    let mut title: Option<String> = None;
    let mut body: Option<ElementRef> = None;
    for el in doc.root_element().descendent_elements() {
        match el.value().name() {
            "meta" => read_meta(&el, &mut metas),
            "title" if title.is_none() => title = Some(collapse(&el.text().collect::<String>())),
            "body" if body.is_none() => body = Some(el),
            _ => {}
        }
    }
    snap.metas = metas;
    snap.title = title.unwrap_or_default();
    if let Some(b) = body {
        snap.body_id = b.value().id().unwrap_or_default().to_string();
        snap.body_classes = b.value().classes().map(str::to_string).collect();
    }
}

fn read_meta(el: &ElementRef, metas: &mut BTreeMap<String, String>) {
    let v = el.value();
    let Some(name) = v.attr("name").or_else(|| v.attr("property")) else {
        return;
    };
    let name = name.trim().to_ascii_lowercase();
    if name.is_empty() {
        return;
    }
    let mut put = |key: String, value: &str| {
        if metas.len() < MAX_METAS || metas.contains_key(&key) {
            metas.entry(key).or_insert_with(|| value.to_string());
        }
    };
    if name == "application-name" {
        for data in ["data-name", "data-version"] {
            if let Some(value) = v.attr(data) {
                put(format!("application-name:{data}"), value);
            }
        }
    }
    if let Some(content) = v.attr("content") {
        put(name, content);
    }
}

/// Whitespace collapsed and trimmed, as `document.title` reports it.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::page::MAX_META_VALUE_CHARS;

    fn html_response(body: &str) -> HttpResponse {
        HttpResponse {
            status: 200,
            headers: [
                (
                    "content-type".to_string(),
                    "text/html;charset=UTF-8".to_string(),
                ),
                ("x-anodeid".to_string(), "jira_node_1".to_string()),
                ("set-cookie".to_string(), "JSESSIONID=abc".to_string()),
            ]
            .into(),
            body: body.to_string(),
            ..HttpResponse::default()
        }
    }

    const JIRA_DC: &str = r#"<!DOCTYPE html><html lang="en"><head>
        <title>  System
           Dashboard - Jira </title>
        <meta charset="utf-8">
        <meta name="application-name" content="JIRA" data-name="jira" data-version="9.12.15">
        <META NAME="ajs-base-url" CONTENT="https://jira.corp.example/jira">
        <meta name="ajs-context-path" content="/jira">
        <meta name="ajs-version-number" content="9.12.15">
        <meta name="ajs-build-number" content="9120015">
        <meta name="ajs-remote-user" content="">
        <meta name="ajs-version-number" content="0.0.0-second-one-loses">
        </head><body id="jira" class="aui-layout  aui-theme-default page-type-dashboard">
        <div id="page"></div></body></html>"#;

    #[test]
    fn jira_data_center_page() {
        let url = "http://127.0.0.1:8080/jira/secure/Dashboard.jspa";
        let s = read(&html_response(JIRA_DC), url);
        assert_eq!(s.url, url);
        assert_eq!(s.title, "System Dashboard - Jira");
        assert_eq!(s.meta("application-name"), Some("JIRA"));
        assert_eq!(s.meta("application-name:data-name"), Some("jira"));
        assert_eq!(s.meta("application-name:data-version"), Some("9.12.15"));
        assert_eq!(
            s.meta("ajs-base-url"),
            Some("https://jira.corp.example/jira")
        );
        assert_eq!(s.meta("ajs-context-path"), Some("/jira"));
        assert_eq!(s.meta("ajs-version-number"), Some("9.12.15"));
        assert_eq!(s.meta("ajs-build-number"), Some("9120015"));
        assert_eq!(s.meta_raw("ajs-remote-user"), Some(""));
        assert_eq!(s.body_id, "jira");
        assert_eq!(
            s.body_classes,
            ["aui-layout", "aui-theme-default", "page-type-dashboard"]
        );
        assert_eq!(
            s.headers.get("x-anodeid").map(String::as_str),
            Some("jira_node_1")
        );
        assert!(!s.headers.contains_key("set-cookie"));
    }

    #[test]
    fn cloud_spa_shell() {
        let html = r#"<html><head><title>Your work - Jira</title>
            <meta name="ajs-cloud-id" content="a436116f-02ce-4520-8fbb-7301462a1674">
            <meta name="ajs-atlassian-account-id" content="5f1a0c0e2d3b4a5968c7d0e1">
            <meta property="og:site_name" content="Jira">
            <meta name="ajs-locale" content="en_US"></head>
            <body><div id="jira-frontend"></div><script>window.__SSR__=1</script></body></html>"#;
        let s = read(
            &html_response(html),
            "https://acme.atlassian.net/jira/your-work",
        );
        assert_eq!(
            s.meta("ajs-cloud-id"),
            Some("a436116f-02ce-4520-8fbb-7301462a1674")
        );
        assert_eq!(s.meta("og:site_name"), Some("Jira"));
        assert_eq!(s.meta("ajs-locale"), Some("en_US"));
        assert_eq!(s.body_id, "");
        assert!(s.body_classes.is_empty());
    }

    #[test]
    fn confluence_page() {
        let html = r#"<html><head><title>Dashboard - Confluence</title>
            <meta name="application-name" content="Confluence">
            <meta name="confluence-base-url" content="http://127.0.0.1:8090/wiki">
            <meta name="ajs-version-number" content="8.5.16">
            <meta name="ajs-space-key" content="DOC"></head>
            <body id="com-atlassian-confluence" class="theme-default dashboard"></body></html>"#;
        let s = read(
            &html_response(html),
            "http://127.0.0.1:8090/wiki/dashboard.action",
        );
        assert_eq!(s.meta("application-name"), Some("Confluence"));
        assert_eq!(
            s.meta("confluence-base-url"),
            Some("http://127.0.0.1:8090/wiki")
        );
        assert_eq!(s.meta("ajs-space-key"), Some("DOC"));
        assert_eq!(s.body_id, "com-atlassian-confluence");
        assert!(!s.metas.contains_key("application-name:data-name"));
    }

    #[test]
    fn json_bodies_are_not_parsed_but_headers_are_kept() {
        let mut r = html_response(r#"{"title":"<meta name='x' content='y'>"}"#);
        r.headers
            .insert("content-type".into(), "application/json".into());
        let s = read(&r, "http://h/");
        assert!(s.metas.is_empty());
        assert_eq!(
            s.headers.get("x-anodeid").map(String::as_str),
            Some("jira_node_1")
        );
    }

    #[test]
    fn junk_and_hostile_input() {
        for junk in [
            "",
            "<<<<>>>>",
            "\u{0}\u{fffd}<meta name=",
            "<html><head><meta name='ajs-x' content='unclosed",
            "<title><title></title><body id=a><body id=b>",
        ] {
            let _ = read(&html_response(junk), "http://h/");
        }
        let s = read(
            &html_response("<title>t</title><body id=a><body id=b>"),
            "http://h/",
        );
        assert_eq!(s.body_id, "a");

        // Many and huge metas: the limits hold.
        let mut html = String::from("<html><head>");
        for i in 0..(MAX_METAS * 3) {
            html.push_str(&format!("<meta name='m{i:05}' content='v'>"));
        }
        html.push_str(&format!(
            "<meta name='m00000' content='{}'>",
            "x".repeat(10)
        ));
        html.push_str(&format!(
            "<meta name='ajs-big' content='{}'>",
            "y".repeat(MAX_META_VALUE_CHARS * 50)
        ));
        html.push_str(&format!("<title>{}</title>", "z ".repeat(1_000_000)));
        let s = read(&html_response(&html), "http://h/");
        assert!(s.metas.len() <= MAX_METAS);
        assert_eq!(s.meta("m00000"), Some("v"));
        assert!(s.title.chars().count() <= MAX_META_VALUE_CHARS);
    }
}
