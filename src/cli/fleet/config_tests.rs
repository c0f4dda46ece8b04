#![allow(clippy::unwrap_used)]
use super::*;

const GOOD: &str = r#"
[[connection]]
name = "ELMA365 production"
url = "https://jira.example.com"
login = "svc-elma"
target = "elma365"
auth = "pat"
secret_env = "ELMA_JIRA_TOKEN"

[[connection]]
name = "Backup"
url = "https://jira.example.com/jira"
secret_env = "BACKUP_TOKEN"
"#;

fn err_of(slot: &Slot) -> &str {
    slot.entry.as_ref().unwrap_err()
}

#[test]
fn reads_entries_with_defaults_in_file_order() {
    let slots = read(GOOD).unwrap();
    assert_eq!(slots.len(), 2);
    assert_eq!(slots[0].name, "ELMA365 production");
    let e = slots[0].entry.as_ref().unwrap();
    assert_eq!(
        (e.login.as_str(), e.target, e.auth, e.secret_env.as_str()),
        (
            "svc-elma",
            Target::Elma365,
            AuthChoice::Pat,
            "ELMA_JIRA_TOKEN"
        )
    );
    let b = slots[1].entry.as_ref().unwrap();
    assert_eq!(slots[1].name, "Backup");
    assert_eq!(
        (b.login.as_str(), b.target, b.auth),
        ("", Target::Generic, AuthChoice::Auto)
    );
}

#[test]
fn a_missing_field_is_that_connection_s_error_only() {
    let text = format!("{GOOD}\n[[connection]]\nname = \"No URL\"\nsecret_env = \"X\"\n\n[[connection]]\nurl = \"https://a.example\"\nsecret_env = \"Y\"\n");
    let slots = read(&text).unwrap();
    assert_eq!(slots.len(), 4);
    assert!(slots[0].entry.is_ok() && slots[1].entry.is_ok());
    assert_eq!(slots[2].name, "No URL");
    assert!(
        err_of(&slots[2]).contains("missing field `url`"),
        "{}",
        err_of(&slots[2])
    );
    assert_eq!(slots[3].name, "connection #4");
    assert!(err_of(&slots[3]).contains("missing field `name`"));
    let no_env = read("[[connection]]\nname = \"a\"\nurl = \"https://a.example\"\n").unwrap();
    assert!(err_of(&no_env[0]).contains("missing field `secret_env`"));
}

#[test]
fn an_unknown_field_is_named_never_its_value() {
    let text = "[[connection]]\nname = \"Typo\"\nurl = \"https://a.example\"\nsecret_env = \"T\"\ntoken = \"s3cret-value-123\"\n";
    let slots = read(text).unwrap();
    let e = err_of(&slots[0]);
    assert!(e.contains("unknown field `token`"), "{e}");
    assert!(!e.contains("s3cret"), "{e}");
    assert!(read("title = \"x\"\n[[connection]]\nname = \"a\"\n").is_err());
}

#[test]
fn duplicate_names_are_an_error_of_the_file() {
    let text = format!("{GOOD}\n[[connection]]\nname = \"Backup\"\nurl = \"https://b.example\"\nsecret_env = \"Z\"\n");
    let e = read(&text).unwrap_err();
    assert!(e.contains("#2 and #3") && e.contains("\"Backup\""), "{e}");
}

#[test]
fn bad_target_auth_url_login_or_variable_name() {
    let one = |field: &str| {
        let text = format!("[[connection]]\nname = \"c\"\nurl = \"https://a.example\"\nsecret_env = \"T\"\n{field}\n");
        err_of(&read(&text).unwrap()[0]).to_string()
    };
    assert!(one("target = \"jenkins\"").starts_with("target must be one of: generic"));
    assert!(one("auth = \"oauth\"")
        .starts_with("auth must be auto, api-token, pat, basic or client-credentials"));
    assert!(one("login = \"svc:hunter22\"").contains("login must not contain ':'"));
    assert!(!one("login = \"svc:hunter22\"").contains("hunter22"));
    let text =
        "[[connection]]\nname = \"c\"\nurl = \"https://u:pw1234@a.example\"\nsecret_env = \"T\"\n";
    let e = err_of(&read(text).unwrap()[0]).to_string();
    assert!(e.starts_with("url is not") && !e.contains("pw1234"), "{e}");
    let text = "[[connection]]\nname = \"c\"\nurl = \"https://a.example\"\nsecret_env = \"ATATT3x-FfGF0=abc\"\n";
    let e = err_of(&read(text).unwrap()[0]).to_string();
    assert!(
        e.starts_with("secret_env must be") && !e.contains("ATATT"),
        "{e}"
    );
    assert!(one("login = 42").contains("invalid type"));
}

#[test]
fn a_file_that_is_not_toml_or_has_no_connection() {
    let e = read("[[connection]]\nname = \"a\nurl = 1\n").unwrap_err();
    assert!(e.starts_with("line 2:"), "{e}");
    assert!(read("").unwrap_err().contains("no connection"));
    assert!(read("[connection]\nname = \"a\"\n").is_err());
}

#[test]
fn variable_names() {
    assert!(is_variable_name("ELMA_JIRA_TOKEN") && is_variable_name("_x1"));
    assert!(!is_variable_name("1X") && !is_variable_name("A-B") && !is_variable_name(""));
    assert!(showable_variable("ELMA_JIRA_TOKEN") && !showable_variable("MDAwMDAwabc"));
}

#[test]
fn expiry_and_calls_as_check_takes_them() {
    let text = r#"
[[connection]]
name = "as a TOML date"
url = "https://acme.atlassian.net"
login = "svc@example.com"
secret_env = "A"
expires_on = 2026-05-12
calls = ["search-v2", " search-jql "]

[[connection]]
name = "as a string"
url = "https://acme.atlassian.net"
secret_env = "B"
expires_on = "2026-06-01"

[[connection]]
name = "a time is not a date"
url = "https://acme.atlassian.net"
secret_env = "C"
expires_on = 2026-05-12T10:00:00Z
"#;
    let slots = read(text).unwrap();
    let a = slots[0].entry.as_ref().unwrap();
    assert_eq!(a.expires_on.as_deref(), Some("2026-05-12"));
    assert_eq!(a.calls, ["search-v2", "search-jql"]);
    let b = slots[1].entry.as_ref().unwrap();
    assert_eq!(
        (b.expires_on.as_deref(), b.calls.len()),
        (Some("2026-06-01"), 0)
    );
    assert!(
        err_of(&slots[2]).contains("expires_on"),
        "{}",
        err_of(&slots[2])
    );
    assert_eq!(GOOD.matches("expires_on").count(), 0);
    let plain = read(GOOD).unwrap();
    let e = plain[0].entry.as_ref().unwrap();
    assert_eq!((e.expires_on.as_ref(), e.calls.len()), (None, 0));
}
