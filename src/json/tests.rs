#![allow(clippy::unwrap_used)]
//! The reader and writer against serde_json, the reference they must agree with.

use super::*;
use std::collections::BTreeMap;

/// Our value as serde_json's (last duplicate key wins, numbers through serde_json's parser).
fn as_serde(j: &Json) -> serde_json::Value {
    match j {
        Json::Null => serde_json::Value::Null,
        Json::Bool(b) => serde_json::Value::Bool(*b),
        Json::Num(n) => serde_json::from_str(n).unwrap(),
        Json::Str(s) => serde_json::Value::String(s.clone()),
        Json::Arr(items) => serde_json::Value::Array(items.iter().map(as_serde).collect()),
        Json::Obj(members) => serde_json::Value::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone(), as_serde(v)))
                .collect(),
        ),
    }
}

const ACCEPTED: &[&str] = &[
    "null",
    " true ",
    "false",
    "0",
    "-0",
    "12",
    "-1.5e-7",
    "1E+2",
    "18446744073709551615",
    r#""""#,
    r#""a\"b\\c\/d\b\f\n\r\t\u0001\u00e9\ud83d\ude00""#,
    r#""Проверка 🔑""#,
    "[]",
    "[1,[2,[3,{}]],\"x\"]",
    r#"{"a":1,"b":{"c":[true,false,null]},"a":2}"#,
    " {\n\t\"k\" : \"v\" , \"n\":[ ]\r\n} ",
];

const REJECTED: &[&str] = &[
    "",
    " ",
    "nul",
    "tru",
    "01",
    "-",
    "1.",
    ".5",
    "1e",
    "+1",
    "NaN",
    "[1,]",
    "{\"a\":1,}",
    "{a:1}",
    "{\"a\" 1}",
    "[1 2]",
    "\"unterminated",
    "\"bad \\x escape\"",
    "\"\\u12\"",
    "\"\\ud800\"",
    "\"\\udc00\"",
    "\"\\ud800\\u0041\"",
    "\"tab\tinside\"",
    "[1] 2",
    "{\"a\":1}}",
    "// comment\n1",
];

#[test]
fn reads_what_serde_json_reads() {
    for text in ACCEPTED {
        let ours = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(as_serde(&ours), theirs, "{text}");
    }
}

#[test]
fn refuses_what_serde_json_refuses() {
    for text in REJECTED {
        assert!(parse(text).is_err(), "accepted {text:?}");
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_err(),
            "serde accepts {text:?}"
        );
    }
}

#[test]
fn writes_what_serde_json_writes() {
    let texts = [
        r#"{"n":-12,"s":"quote \" backslash \\ slash / \u0001 \u001f \u007f \b\f\n\r\t é 🔑","u":18446744073709551615}"#,
        r#"[null,true,false,[],{},[[{"a":[1]}]]]"#,
        r#""Проверка""#,
    ];
    for text in texts {
        let ours = parse(text).unwrap();
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            ours.to_text(),
            serde_json::to_string(&theirs).unwrap(),
            "{text}"
        );
        assert_eq!(parse(&ours.to_text()).unwrap(), ours);
    }
}

#[test]
fn depth_is_limited_like_serde_json() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(parse(&ok).is_ok());
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    assert!(parse(&deep).is_err());
    assert!(serde_json::from_str::<serde_json::Value>(&deep).is_err());
    // Far deeper input fails fast, without exhausting the stack.
    assert!(parse(&"[".repeat(1_000_000)).is_err());
    assert!(parse(&"{\"a\":".repeat(100_000)).is_err());
}

#[test]
fn errors_name_the_field_never_the_value() {
    #[derive(Debug)]
    struct Input {
        login: String,
        secret: String,
        timeout: u32,
        project: Option<String>,
        tags: Vec<String>,
    }
    impl FromJson for Input {
        fn from_json(j: &Json) -> Result<Self, JsonError> {
            let o = Obj::of(j)?;
            Ok(Input {
                login: o.or_default("login")?,
                secret: o.req("secret")?,
                timeout: o.or_else("timeoutMs", || 10_000)?,
                project: o.req("project")?,
                tags: o.or_default("tags")?,
            })
        }
    }
    let i: Input = from_text(r#"{"secret":"S","extra":{"x":[1]}}"#).unwrap();
    assert_eq!(
        (i.login.as_str(), i.timeout, i.project, i.tags.len()),
        ("", 10_000, None, 0)
    );
    assert_eq!(i.secret, "S");

    let e = from_text::<Input>(r#"{"login":"me"}"#)
        .unwrap_err()
        .to_string();
    assert_eq!(e, "missing field `secret`");
    let e = from_text::<Input>(r#"{"secret":12345678}"#)
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "invalid type: expected a string, found a number at `secret`"
    );
    let e = from_text::<Input>(r#"{"secret":"x","tags":["a",{"b":"TOP-SECRET"}]}"#)
        .unwrap_err()
        .to_string();
    assert_eq!(
        e,
        "invalid type: expected a string, found an object at `tags.1`"
    );
    let e = from_text::<Input>(r#"{"secret":"x","timeoutMs":99999999999}"#)
        .unwrap_err()
        .to_string();
    assert_eq!(e, "invalid value: expected a u32 at `timeoutMs`");
    let e = from_text::<Input>(r#"{"secret":"TOP-SECRET""#)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("invalid JSON: "), "{e}");
    assert!(!e.contains("TOP-SECRET"));
    let e = from_text::<Input>(r#"["TOP-SECRET"]"#)
        .unwrap_err()
        .to_string();
    assert_eq!(e, "invalid type: expected an object, found an array");
}

#[test]
fn primitives_and_containers_round_trip() {
    let mut m = BTreeMap::new();
    m.insert("x-ausername".to_string(), "ann".to_string());
    let v = (
        vec![Some(3u16), None],
        m,
        ("a".to_string(), u64::MAX),
        Box::new(true),
    );
    let j = obj()
        .put("list", &v.0)
        .put("map", &v.1)
        .put("pair", &v.2)
        .put("flag", &v.3)
        .put_some("none", &None::<String>)
        .put_some("some", &Some(7u8))
        .build();
    assert_eq!(
        j.to_text(),
        r#"{"list":[3,null],"map":{"x-ausername":"ann"},"pair":["a",18446744073709551615],"flag":true,"some":7}"#
    );
    let o = Obj::of(&j).unwrap();
    assert_eq!(o.req::<Vec<Option<u16>>>("list").unwrap(), v.0);
    assert_eq!(o.req::<BTreeMap<String, String>>("map").unwrap(), v.1);
    assert_eq!(o.req::<(String, u64)>("pair").unwrap(), v.2);
    assert_eq!(o.req::<Box<bool>>("flag").unwrap(), v.3);
    assert_eq!(o.req::<Option<String>>("none").unwrap(), None);
    assert!(o.req::<u8>("list").is_err());
    assert!(Obj::of(&Json::Null).is_err());
    // null is only an Option's None.
    assert!(from_text::<String>("null").is_err());
    assert_eq!(from_text::<Option<String>>("null").unwrap(), None);
    assert!(from_text::<u8>("256").is_err());
    assert!(from_text::<u8>("-1").is_err());
    assert!(from_text::<u8>("1.0").is_err());
}

#[test]
fn serde_sees_the_same_value() {
    let text = r#"{"a":[1,-2,1.5,"x",null,true],"b":{"c":{}}}"#;
    let ours = parse(text).unwrap();
    assert_eq!(serde_json::to_string(&ours).unwrap(), text);
    let back: Json = serde_json::from_str(text).unwrap();
    assert_eq!(back, ours);
}

#[test]
fn objects_are_equal_whatever_their_order() {
    assert_eq!(
        parse(r#"{"a":1,"b":[{"c":2,"d":3}]}"#).unwrap(),
        parse(r#"{"b":[{"d":3,"c":2}],"a":1}"#).unwrap()
    );
    assert_eq!(
        parse(r#"{"a":1,"a":2}"#).unwrap(),
        parse(r#"{"a":2}"#).unwrap()
    );
    assert_ne!(
        parse(r#"{"a":1}"#).unwrap(),
        parse(r#"{"a":1,"b":null}"#).unwrap()
    );
    assert_ne!(parse("[1,2]").unwrap(), parse("[2,1]").unwrap());
    assert_ne!(parse("1").unwrap(), parse("\"1\"").unwrap());
}
