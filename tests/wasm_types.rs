//! The boundary's TypeScript (src/wasm.d.ts, emitted by wasm-bindgen into the glue's .d.ts that
//! the extension is type-checked against) says what the core writes: every field an interface
//! there declares without `?` is in the JSON the core writes for that type — a detection, a
//! token test's output with its report, a created PAT, a pasted report read, `ShellFacts`. A
//! field renamed or removed in Rust fails here, not in the browser.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use jira_token_wizard::http::{Exchange, HttpResponse};
use jira_token_wizard::pat::{CreateFlow, CreateInput};
use jira_token_wizard::protocol::shell::ShellFacts;
use jira_token_wizard::protocol::{Command, Job};
use jira_token_wizard::report;
use serde_json::{json, Value};
use std::collections::BTreeMap;

const TYPES: &str = include_str!("../src/wasm.d.ts");

/// `interface Name { … }` → the fields declared at its top level, with whether each is optional.
fn interfaces() -> BTreeMap<String, Vec<(String, bool)>> {
    let mut out = BTreeMap::new();
    let mut rest = TYPES;
    while let Some(at) = rest.find("export interface ") {
        rest = &rest[at + "export interface ".len()..];
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
        let open = rest.find('{').unwrap();
        let (mut depth, mut end) = (0, open);
        for (i, c) in rest[open..].char_indices() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth == 0 {
                end = open + i;
                break;
            }
        }
        let body = &rest[open + 1..end];
        let (mut fields, mut depth, mut word) = (Vec::new(), 0, String::new());
        let chars: Vec<char> = body.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            match c {
                '{' | '(' | '<' | '[' => depth += 1,
                '}' | ')' | '>' | ']' => depth -= 1,
                _ => {}
            }
            if depth == 0 && (c.is_alphanumeric() || c == '_') {
                word.push(c);
                continue;
            }
            if depth == 0 && !word.is_empty() {
                let optional = c == '?' && chars.get(i + 1) == Some(&':');
                let declared = c == ':' || optional;
                let starts_field = {
                    let before: String = chars[..i - word.len()].iter().collect();
                    let before = before.trim_end();
                    before.is_empty() || before.ends_with(';') || before.ends_with('{')
                };
                if declared && starts_field {
                    fields.push((word.clone(), optional));
                }
            }
            word.clear();
        }
        out.insert(name, fields);
        rest = &rest[end..];
    }
    out
}

fn check(types: &BTreeMap<String, Vec<(String, bool)>>, name: &str, value: &Value) {
    let fields = types
        .get(name)
        .unwrap_or_else(|| panic!("no interface {name}"));
    assert!(!fields.is_empty(), "{name}: no fields read");
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{name}: not an object: {value}"));
    for (field, optional) in fields {
        assert!(
            *optional || object.contains_key(field),
            "{name}.{field}: not in the core's JSON {value}"
        );
    }
}

#[test]
fn every_declared_field_is_in_what_the_core_writes() {
    let types = interfaces();
    let (detection, _) = common::detect("dc-9.12-cluster");
    let d = serde_json::to_value(&detection).unwrap();
    check(&types, "Detection", &d);
    check(&types, "Deployment", &d["deployment"]);
    check(&types, "AuthPlan", &d["authPlan"]);
    check(&types, "TargetPlan", &d["targetPlans"][0]);
    check(&types, "RequestLog", &d["requests"][0]);
    check(&types, "Text", &d["deployment"]["summary"]);

    // A token test that works, through the command the service worker sends.
    let meta = json!({"tool": "extension", "version": "0.1.0", "environment": "", "generatedAt": "2026-01-01T00:00:00Z"});
    // The command has the fields src/wasm.d.ts declares (`detected`, never the detection).
    let command = json!({"type": "check", "detected": common::detected("dc-9.12-cluster"), "meta": meta,
        "input": {"login": "", "secret": "x-1", "auth": "pat", "project": null}});
    let Ok(Job::Check(job)) = Command::from_json(&command.to_string()).unwrap().into_job() else {
        panic!("not a check")
    };
    let (out, _) = common::drive(*job, |req| {
        if req.url.contains("/myself") {
            common::answer("dc-9.12-cluster", "myself-pat-ok")
        } else if req.url.contains("/project") {
            common::answer("dc-9.12-cluster", "project-list")
        } else {
            Exchange::Response(HttpResponse {
                status: 404,
                ..HttpResponse::default()
            })
        }
    });
    let o = serde_json::to_value(&out).unwrap();
    assert_eq!(
        o["result"]["verdict"]["ok"], true,
        "{}",
        o["result"]["verdict"]
    );
    check(&types, "CheckOutput", &o);
    check(&types, "CheckResult", &o["result"]);
    check(&types, "Verdict", &o["result"]["verdict"]);
    check(&types, "CheckItem", &o["checklist"][0]);
    check(&types, "Rendered", &o["report"]);
    check(&types, "Snippet", &o["result"]["snippet"]);
    check(&types, "SnippetField", &o["result"]["snippet"]["fields"][0]);
    check(&types, "ServerCheck", &o["result"]["serverCheck"]);
    check(&types, "ProjectRef", &o["result"]["projects"][0]);

    // The one-click PAT: its plan, and the answer read.
    let input: CreateInput =
        serde_json::from_value(json!({"name": "ELMA365", "expirationDays": 90})).unwrap();
    let flow = CreateFlow::new(input.clone(), &detection.deployment).unwrap();
    check(
        &types,
        "TabRequest",
        &serde_json::to_value(flow.tab_request()).unwrap(),
    );
    let created = CreateFlow::new(input, &detection.deployment)
        .unwrap()
        .interpret(Exchange::Timeout { elapsed_ms: 5 });
    let c = serde_json::to_value(&created).unwrap();
    check(&types, "CreateResult", &c);
    check(&types, "Notice", &c["outcome"]);

    // A pasted report, read and laid out (the helpdesk page).
    let read = report::read_paste(&out.report.json);
    let r = serde_json::to_value(&read).unwrap();
    check(&types, "ReadReport", &r);
    check(&types, "ReportView", &r["views"][0]);
    check(&types, "Fact", &r["views"][0]["facts"][0]);
    check(&types, "RequestRow", &r["views"][0]["requests"][0]);
    check(&types, "Headings", &r["views"][0]["headings"]);

    // Remembered connections: the list's line and the reminders due, through the commands.
    let remember = |command: Value| {
        let Ok(Job::Remember(answer)) =
            Command::from_json(&command.to_string()).unwrap().into_job()
        else {
            panic!("not a remember command")
        };
        serde_json::to_value(&*answer).unwrap()
    };
    let conn = json!({"origin": "https://jira.example.com", "login": "svc", "target": "elma365",
        "label": "ELMA365", "expiresOn": "2026-05-12"});
    check(
        &types,
        "RememberedConnection",
        &remember(json!({"type": "remember_connection", "connection": conn})),
    );
    let list = remember(
        json!({"type": "remembered_list", "connections": [conn], "now": "2026-04-28T00:00:05Z"}),
    );
    check(&types, "ConnectionView", &list[0]);
    let due = remember(json!({"type": "reminders", "connections": [conn],
        "now": "2026-04-28T00:00:05Z", "since": "2026-04-27T00:00:00Z",
        "settings": {"enabled": true, "daysBefore": [14, 3]}}));
    check(&types, "Schedule", &due);
    check(&types, "DueReminder", &due["due"][0]);

    check(
        &types,
        "ShellFacts",
        &serde_json::to_value(ShellFacts::get()).unwrap(),
    );
}

/// `types/pkg/jira_token_wizard.d.ts` is generated by build.sh from the wasm, which carries
/// src/wasm.d.ts as its custom section: it must hold that text, line for line (wasm-bindgen
/// re-indents it). An edit to src/wasm.d.ts alone — the type check reads the generated file,
/// so the edit would check nothing — fails here until `./build.sh` is run and its copy committed.
#[test]
fn the_committed_glue_types_carry_src_wasm_d_ts() {
    let generated = include_str!("../types/pkg/jira_token_wizard.d.ts");
    let lines = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    };
    let (ours, theirs) = (lines(TYPES), lines(generated));
    let start = theirs.iter().position(|l| *l == ours[0]).expect(
        "types/pkg/jira_token_wizard.d.ts lacks src/wasm.d.ts's first line: run ./build.sh",
    );
    for (i, line) in ours.iter().enumerate() {
        assert_eq!(
            theirs.get(start + i),
            Some(line),
            "types/pkg/jira_token_wizard.d.ts differs from src/wasm.d.ts at its line {:?}: run ./build.sh and commit types/pkg/",
            line
        );
    }
}

/// Every `export interface` / `export type` of src/wasm.d.ts with its body.
fn declarations() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (at, _) in TYPES.match_indices("\nexport ") {
        let rest = &TYPES[at + "\nexport ".len()..];
        let Some(rest) = rest
            .strip_prefix("interface ")
            .or_else(|| rest.strip_prefix("type "))
        else {
            continue;
        };
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
        let end = rest.find("\nexport ").unwrap_or(rest.len());
        let body = rest[name.len()..end]
            .split("\n/**")
            .next()
            .unwrap_or_default();
        out.insert(name, without_comments(body));
    }
    out
}

/// `text` without its `/* … */` and `// …` comments: a type named in a comment is no field.
fn without_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    loop {
        let block = rest.find("/*");
        let line = rest.find("//");
        match (block, line) {
            (Some(b), l) if l.is_none_or(|l| b < l) => {
                out.push_str(&rest[..b]);
                rest = rest[b..].find("*/").map_or("", |e| &rest[b + e + 2..]);
            }
            (_, Some(l)) => {
                out.push_str(&rest[..l]);
                rest = rest[l..].find('\n').map_or("", |e| &rest[l + e..]);
            }
            _ => {
                out.push_str(rest);
                return out;
            }
        }
    }
}

/// The declared names `text` refers to, and what they refer to, all the way down.
fn closure(decls: &BTreeMap<String, String>, text: &str) -> std::collections::BTreeSet<String> {
    let mut seen = std::collections::BTreeSet::new();
    let mut todo = vec![text.to_string()];
    while let Some(text) = todo.pop() {
        for word in text.split(|c: char| !c.is_alphanumeric() && c != '_') {
            if let Some(body) = decls.get(word) {
                if seen.insert(word.to_string()) {
                    todo.push(body.clone());
                }
            }
        }
    }
    seen
}

/// No command carries what the core answered (issue 21): a `check` or PAT command names its
/// detection by what it was made from (`Detected`), and the core makes it again. Both sides may
/// share only words (enums, texts) and what the browser saw (`Exchange`, the snapshot): a
/// `Detection`, `CheckResult`, `Notice` … in a command fails here.
#[test]
fn no_command_carries_a_core_output() {
    const SHARED: &[&str] = &[
        "Text",
        "Code",
        "Target",
        "AuthMethod",
        "AuthChoice",
        "CloudFamily",
        "Exchange",
        "Answers",
        // What the user chose to keep (storage.local): the core has no storage, so the worker
        // hands the kept list back for the list and the reminders. These are the user's own
        // fields, validated when kept — no conclusion of the core's about an answer.
        "RememberedConnection",
        "ReminderSettings",
    ];
    let decls = declarations();
    let commands = &decls["Commands"];
    let (mut inputs, mut outputs) = (String::new(), String::new());
    for entry in commands.split("command:").skip(1) {
        let (command, output) = entry.split_once("output:").expect("command: … output: …");
        inputs.push_str(command);
        outputs.push_str(output.split('}').next().unwrap_or_default());
        outputs.push(' ');
    }
    let made = closure(&decls, &outputs);
    assert!(
        made.contains("Detection") && made.contains("CheckResult") && made.contains("Notice"),
        "the outputs were read: {made:?}"
    );
    let carried: Vec<_> = closure(&decls, &inputs)
        .intersection(&made)
        .filter(|name| !SHARED.contains(&name.as_str()))
        .cloned()
        .collect();
    assert!(
        carried.is_empty(),
        "commands carry the core's output types {carried:?} back into it"
    );
}
