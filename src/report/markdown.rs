//! A [`Report`] as Markdown for a support ticket: its [`ReportView`] (the layout the helpdesk
//! page shows too) — summary, verdict, checklist, the steps a token test re-planned, warnings,
//! the requests as a table — then the report's JSON in a fenced block for the helpdesk page.
//!
//! Every value that came from a server (titles, header values, URLs) is escaped for the place
//! it lands in: text loses line breaks and raw HTML, and every character Markdown could read as
//! a link, an image, emphasis or code (`[ ] ( ) ! * _ ~ \ & ``) is backslash-escaped, so a
//! display name like `[Click](https://evil)` or `![x](https://tracker)` stays text in a
//! helpdesk ticket; table cells lose `|` too, inline code never contains its own fence, and the
//! JSON block's fence is longer than any run of backticks inside it.

use super::model::Report;
use super::view::ReportView;
use crate::i18n::{Lang, Text};
use crate::labels;
use std::fmt::Write;

/// Renders `r` in `lang`: its [`ReportView`] written out, then the report's JSON.
pub(super) fn render(r: &Report, lang: Lang) -> String {
    let v = ReportView::new(r);
    let h = &v.headings;
    let t = |x: &Text| x.get(lang).to_string();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", t(&h.title));
    let _ = writeln!(out, "_{}_\n", t(&h.no_secrets));
    if let Some(verdict) = &v.verdict {
        let mark = if verdict.ok { "✓" } else { "✗" };
        let _ = writeln!(
            out,
            "**{mark} {}** {}\n",
            inline(verdict.title.get(lang)),
            code(verdict.code.as_str())
        );
    }
    let _ = writeln!(out, "## {}\n", t(&h.summary));
    let _ = writeln!(out, "| | |\n|---|---|");
    for f in &v.facts {
        let _ = writeln!(
            out,
            "| {} | {} |",
            cell(f.label.get(lang)),
            cell(f.value.get(lang))
        );
    }
    out.push('\n');
    if let Some(verdict) = &v.verdict {
        let _ = writeln!(out, "## {}\n", t(&h.verdict));
        let _ = writeln!(
            out,
            "**{}** {}\n",
            inline(verdict.title.get(lang)),
            code(verdict.code.as_str())
        );
        let _ = writeln!(
            out,
            "- **{}:** {}",
            t(&h.cause),
            inline(verdict.cause.get(lang))
        );
        if let Some(who) = &v.answered_by {
            let _ = writeln!(
                out,
                "- **{}:** {} {}",
                t(&h.answered_by),
                inline(who.text.get(lang)),
                code(who.code.as_str())
            );
        }
        let _ = writeln!(
            out,
            "- **{}:** {}\n",
            t(&h.fix),
            inline(verdict.fix.get(lang))
        );
    }
    lists(&mut out, &v, lang);
    requests(&mut out, &v, lang);
    // One line: the data is for the helpdesk page, not for reading.
    let json = serde_json::to_string(r).unwrap_or_default();
    let fence = "`".repeat(longest_backtick_run(&json).max(2) + 1);
    let _ = writeln!(out, "## {}\n", labels::DATA.text().get(lang));
    let _ = writeln!(out, "{}\n", labels::DATA_HINT.text().get(lang));
    let _ = writeln!(out, "{fence}json\n{json}\n{fence}");
    out
}

/// The checklist, the steps and the warnings, each only when there is one.
fn lists(out: &mut String, v: &ReportView, lang: Lang) {
    let h = &v.headings;
    let t = |x: &Text| x.get(lang).to_string();
    if !v.checklist.is_empty() {
        let _ = writeln!(out, "## {}\n", t(&h.checklist));
        for i in &v.checklist {
            let _ = writeln!(out, "- {} {}", i.state.mark(), inline(i.text.get(lang)));
        }
        out.push('\n');
    }
    if !v.steps.is_empty() {
        let _ = writeln!(out, "## {}\n", t(&h.steps));
        for (i, step) in v.steps.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, inline(step.get(lang)));
        }
        out.push('\n');
    }
    if !v.warnings.is_empty() {
        let _ = writeln!(out, "## {}\n", t(&h.warnings));
        for w in &v.warnings {
            let _ = writeln!(
                out,
                "- **{}** {} — {} **{}:** {}",
                inline(w.title.get(lang)),
                code(w.code.as_str()),
                inline(w.cause.get(lang)),
                t(&h.fix),
                inline(w.fix.get(lang)),
            );
        }
        out.push('\n');
    }
}

/// The requests as a table: target, auth, status in words, time, diagnostic headers.
fn requests(out: &mut String, v: &ReportView, lang: Lang) {
    let h = &v.headings;
    let t = |x: &Text| x.get(lang).to_string();
    let _ = writeln!(out, "## {}\n", t(&h.requests));
    if v.requests.is_empty() {
        let _ = writeln!(out, "{}\n", t(&h.no_requests));
    } else {
        let _ = writeln!(
            out,
            "| # | {} | {} | {} | ms | {} |\n|---|---|---|---|---|---|",
            t(&h.request),
            t(&h.auth),
            t(&h.status),
            t(&h.headers)
        );
        for (i, q) in v.requests.iter().enumerate() {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                i + 1,
                cell(&q.target),
                q.auth,
                cell(q.status.get(lang)),
                q.ms,
                cell(&q.headers.join("; ")),
            );
        }
        out.push('\n');
    }
}

/// Text for a table cell: one line, no column breaks, no HTML.
pub(super) fn cell(s: &str) -> String {
    inline(s).replace('|', "\\|")
}

/// Text for one Markdown line: no line breaks, no raw HTML, and nothing Markdown reads as a
/// link, an image or code (CommonMark §2.4: any ASCII punctuation may be backslash-escaped).
/// `_` and `*` stay: emphasis cannot carry a link, and `jira_node_1` stays readable.
pub(super) fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\r' | '\n' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '[' | ']' | '(' | ')' | '!' | '`' | '\\' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Inline code whose fence is longer than any backtick run inside.
fn code(s: &str) -> String {
    let fence = "`".repeat(longest_backtick_run(s) + 1);
    format!("{fence}{s}{fence}")
}

fn longest_backtick_run(s: &str) -> usize {
    let (mut best, mut run) = (0, 0);
    for c in s.chars() {
        if c == '`' {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(cell("a|b\nc<d>"), "a\\|b c&lt;d&gt;");
        assert_eq!(
            inline("[Click](https://evil.example) ![x](https://t.example/p.png) `c` &#91; a_b"),
            "\\[Click\\]\\(https://evil.example\\) \\!\\[x\\]\\(https://t.example/p.png\\) \\`c\\` \\&#91; a_b"
        );
        assert_eq!(code("x`y"), "``x`y``");
        assert_eq!(longest_backtick_run("a```b``"), 3);
    }
}
