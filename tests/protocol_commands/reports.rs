//! Reports: a check's report, two compared, a pasted one read.

use super::*;

fn check_report(tool: &str, code: &str) -> Value {
    let result = check_result();
    let meta: Meta = serde_json::from_value(meta()).unwrap();
    let rendered = Rendered::new(report::build(
        Subject::Check {
            result: &result,
            login: "admin",
        },
        &meta,
    ));
    let mut report: Value = serde_json::from_str(&rendered.json).unwrap();
    report["versions"]["tool"] = json!(tool);
    report["verdict"]["code"] = json!(code);
    report
}

/// The comparison of two reports' heads, as the helpdesk page's `read_report` makes it.
fn compare(a: Value, b: Value) -> Result<report::Compared, String> {
    let a: ReportHead = serde_json::from_value(a).map_err(|e| format!("a: {e}"))?;
    let b: ReportHead = serde_json::from_value(b).map_err(|e| format!("b: {e}"))?;
    report::compare_heads(&a, &b)
        .ok_or_else(|| "need one from the extension and one from the CLI".to_string())
}

#[test]
fn two_reports_are_compared_and_the_difference_named() {
    for (server, difference, words) in [
        ("unreachable", "not_reachable", "not from the server"),
        ("timeout", "not_reachable", "not from the server"),
        ("tls_untrusted", "tls", "TLS certificate"),
        ("ip_not_allowed", "allowlist", "IP allowlist"),
        ("blocked_by_proxy", "proxy", "proxy, WAF or CDN"),
        ("credentials_rejected", "other", "another reason"),
    ] {
        // The CLI's report first: the core puts the browser's first.
        let compared =
            compare(check_report("cli", server), check_report("extension", "ok")).unwrap();
        let out = serde_json::to_value(&compared).unwrap();
        assert_eq!(out["browser"], "b", "the extension's report is b");
        assert_eq!(out["comparison"]["difference"], difference, "{server}");
        assert_eq!(out["notice"]["code"], "differs_from_server");
        let title = out["notice"]["title"]["en"].as_str().unwrap();
        assert!(title.contains(words), "{server}: {title}");
        let ru = out["notice"]["title"]["ru"].as_str().unwrap();
        assert!(!ru.contains('{') && ru.len() > 40, "{server}: {ru}");
    }
    let compared = compare(check_report("extension", "ok"), check_report("cli", "ok")).unwrap();
    assert_eq!(compared.notice, None);
    assert_eq!(compared.comparison.difference, None);
}

#[test]
fn a_comparison_needs_two_reports_one_from_each_tool() {
    let err = compare(
        check_report("extension", "ok"),
        check_report("extension", "unreachable"),
    )
    .unwrap_err();
    assert!(err.contains("one from the CLI"), "{err}");
    let mut bad = check_report("cli", "ok");
    bad["verdict"]["code"] = json!("not_a_code");
    assert!(compare(check_report("extension", "ok"), bad).is_err());
}

#[test]
fn a_pasted_report_is_read_and_laid_out_by_the_core() {
    let md = "# Report\n\n```json\n".to_string()
        + &check_report("cli", "unreachable").to_string()
        + "\n```\n";
    let cmd = read(json!({"type": "read_report", "text": md})).unwrap();
    let Ok(Job::ReadReport(laid_out)) = cmd.into_job() else {
        panic!("not a read report")
    };
    let out = serde_json::to_value(&*laid_out).unwrap();
    assert_eq!(out["views"][0]["verdict"]["code"], "unreachable");
    assert_eq!(out["views"][0]["headings"]["cause"]["ru"], "Причина");
    assert!(out["compared"].is_null());
    let cmd = read(json!({"type": "read_report", "text": "no report here"})).unwrap();
    let Ok(Job::ReadReport(not_one)) = cmd.into_job() else {
        panic!("not a read report")
    };
    let error = not_one.error.expect("said why");
    assert!(
        error.en.starts_with("This is not valid JSON"),
        "{}",
        error.en
    );
    assert!(error.ru.starts_with("Это не JSON"), "{}", error.ru);
    assert!(not_one.views.is_empty());
    assert!(
        read(json!({"type": "read_report"})).is_err(),
        "text is required"
    );
}
