//! The properties: generated URL-ish strings, near misses and non-ASCII hosts.

use super::agrees;
use jira_token_wizard::urls::parse_http;
use proptest::prelude::*;
use proptest::sample::select;

fn host_label() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9_-]{1,8}",
        2 => select(&[
            "jira", "example", "com", "atlassian", "net", "localhost", "пример", "рф", "Bücher",
            "MÜNCHEN", "ŁÓDŹ", "例え", "한국", "xn--p1ai", "XN--P1AI", "xn--Bcher-kva", "xn--zz",
            "xn--bcher-kva", "xn--", "straße", "ｊｉｒａ", "ĳ", "ǅ", "ς", "ا", "a\u{200d}b", "%41",
            "a b", "a\tb", "1", "0x7f", "0X7F", "0177", "255", "256", "07", "0", "",
        ][..]).prop_map(str::to_string),
        1 => prop::collection::vec(any::<char>(), 1..4).prop_map(String::from_iter),
        1 => prop::collection::vec(prop::char::range('!', '~'), 1..4).prop_map(String::from_iter),
    ]
}

fn host() -> impl Strategy<Value = String> {
    let name = (
        prop::collection::vec(host_label(), 1..4),
        select(&[".", ".", ".", "\u{3002}", "\u{FF0E}", "\u{FF61}"][..]),
    )
        .prop_map(|(labels, dot)| labels.join(dot));
    let v4 = prop::collection::vec(
        (any::<u8>(), select(&["", "", "", "0", "0x"][..])).prop_map(|(n, p)| format!("{p}{n}")),
        1..6,
    )
    .prop_map(|parts| parts.join("."));
    let v6_pieces = prop::collection::vec(
        prop_oneof![
            Just("0".to_string()),
            Just("".to_string()),
            "[0-9a-fA-F]{1,5}"
        ],
        1..10,
    )
    .prop_map(|p| format!("[{}]", p.join(":")));
    prop_oneof![
        6 => name,
        2 => v4,
        2 => v6_pieces,
        1 => select(&[
            "[::1]", "[::]", "[::ffff:1.2.3.4]", "[::1.2.3.4]", "[1:2:3:4:5:6:1.2.3.4]",
            "[1::]", "[::1%25x]", "[::01.2.3.4]", "[[::1]]", "[::1", "::1]",
        ][..]).prop_map(str::to_string),
    ]
}

fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(&[
            "", ".", "..", "%2e", "%2E%2e", ".%2e", "jira", "secure", "Dashboard.jspa", "browse",
            "ABC-1", "your-work", "a b", "a\tb", "x\\y", "й", "%20", "%2F", "%zz", "%", "'", "\"",
            "<", "{", "|", "^", "`", "[", "]", "~!$&()*+,;=:@", "@evil.example", "a#b", "a?b",
        ][..]).prop_map(str::to_string),
        2 => prop::collection::vec(prop::char::range(' ', '~'), 0..6).prop_map(String::from_iter),
        1 => prop::collection::vec(any::<char>(), 0..3).prop_map(String::from_iter),
    ]
}

fn url_ish() -> impl Strategy<Value = String> {
    let lead = select(&["", "", "", " ", "\t", "\n", "\u{a0}"][..]);
    let scheme = select(
        &[
            "http://",
            "https://",
            "http://",
            "https://",
            "HTTP://",
            "HtTpS://",
            "http:/",
            "http:///",
            "http:",
            "http:\\\\",
            "http:/\\",
            "ftp://",
            "ws://",
            "file://",
        ][..],
    );
    let userinfo = select(&["", "", "", "", "ann@", "ann:pw@", "@", "a%40b@", "a:b:c@"][..]);
    let port = prop_oneof![
        4 => Just(String::new()),
        2 => select(&[":", ":0", ":80", ":443", ":8080", ":08080", ":65535", ":65536", ":99999",
            ":-1", ":1a", ": 1", "::1"][..]).prop_map(str::to_string),
        1 => any::<u16>().prop_map(|p| format!(":{p}")),
    ];
    let path = prop_oneof![
        1 => Just(String::new()),
        4 => prop::collection::vec(segment(), 1..5).prop_map(|s| format!("/{}", s.join("/"))),
    ];
    let query = prop_oneof![
        3 => Just(String::new()),
        2 => select(&["?", "?os_authType=basic&x=%20", "?a=й", "?a='b'", "?a b", "?x?y", "?a=%zz",
            "?jql=project%20%3D%20'ABC'", "?a=\"", "?a=<", "?a=`{}|^[]", "?a\\b"][..])
            .prop_map(str::to_string),
        1 => prop::collection::vec(prop::char::range(' ', '~'), 0..10)
            .prop_map(|v| format!("?{}", String::from_iter(v))),
    ];
    let fragment = select(&["", "", "", "#", "#y", "#a b", "##", "#\\", "#@evil", "#é"][..]);
    let trail = select(&["", "", "", " ", "\n", "\t", "\u{3000}"][..]);
    (
        lead,
        scheme,
        userinfo,
        host(),
        port,
        path,
        query,
        fragment,
        trail,
    )
        .prop_map(
            |(lead, scheme, userinfo, host, port, path, query, fragment, trail)| {
                format!("{lead}{scheme}{userinfo}{host}{port}{path}{query}{fragment}{trail}")
            },
        )
}

/// A URL of the kind users type and Jira answers, sometimes with one hostile piece inserted
/// anywhere: near misses of valid input are where parsers disagree.
fn near_miss() -> impl Strategy<Value = String> {
    let host = prop_oneof![
        4 => (prop::collection::vec(prop_oneof![
            3 => "[a-zA-Z0-9-]{1,8}",
            1 => select(&["пример", "рф", "Bücher", "例え", "xn--p1ai", "jira", "com"][..])
                .prop_map(str::to_string),
        ], 1..4), select(&[".", ".", ".", "\u{3002}"][..]))
            .prop_map(|(l, dot)| l.join(dot)),
        1 => (any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>())
            .prop_map(|(a, b, c, d)| format!("{a}.{b}.{c}.{d}")),
        1 => any::<[u16; 8]>().prop_map(|p| {
            let zeroed: Vec<String> = p.iter().map(|x| if x % 3 == 0 { "0".into() } else { format!("{x:x}") }).collect();
            format!("[{}]", zeroed.join(":"))
        }),
    ];
    let port = prop_oneof![
        3 => Just(String::new()),
        1 => any::<u16>().prop_map(|p| format!(":{p}")),
        1 => select(&[":80", ":443", ":8080"][..]).prop_map(str::to_string),
    ];
    let path = prop::collection::vec(
        prop_oneof![
            3 => "[a-zA-Z0-9._~!$&'()*+,;=:@-]{0,8}",
            1 => select(&["jira", "secure", "Dashboard.jspa", "browse", "ABC-1", "й", "%20", "%2e"][..])
                .prop_map(str::to_string),
        ],
        0..4,
    )
    .prop_map(|s| s.iter().map(|x| format!("/{x}")).collect::<String>());
    let query = prop_oneof![
        2 => Just(String::new()),
        1 => "[a-zA-Z0-9._~!$&'()*+,;=:@/?%-]{0,12}".prop_map(|q| format!("?{q}")),
    ];
    let insert = prop::option::of((
        any::<usize>(),
        select(
            &[
                "\\", "@", "%", "%2e", ".", "..", "/", "//", "/./", "/../", ":", "::", "[", "]",
                "#", "?", " ", "\t", "\n", "\r", "\u{0}", "\u{7f}", "\u{a0}", "\u{ad}", "\u{200b}",
                "\u{2044}", "\u{3002}", "\u{ff0e}", "\u{ff0f}", "Ａ", "ß", "İ", "ſ", "K", "0x",
                "0", "'", "\"", "<", "^", "|", "{", "`", "xn--", "-", "_", "é", "e\u{301}",
            ][..],
        ),
    ));
    (
        select(&["http://", "https://", "HTTPS://"][..]),
        host,
        port,
        path,
        query,
        insert,
    )
        .prop_map(|(scheme, host, port, path, query, insert)| {
            let mut s = format!("{scheme}{host}{port}{path}{query}");
            if let Some((at, piece)) = insert {
                let mut i = at % (s.len() + 1);
                while !s.is_char_boundary(i) {
                    i -= 1;
                }
                s.insert_str(i, piece);
            }
            s
        })
}

/// Host names of non-ASCII labels around the characters src/urls/host.rs takes (Latin-1 to
/// Cyrillic with Greek, IPA and combining marks between, CJK punctuation, kana, ideographs,
/// Hangul, full-width forms) and of `xn--` labels: the lower-casing + punycode there must
/// equal UTS #46 for every one it accepts, and an `xn--` label it takes must be one UTS #46
/// takes unchanged.
fn idn_host() -> impl Strategy<Value = String> {
    let ch = prop::char::ranges(
        vec![
            '\u{A0}'..='\u{52F}',
            '\u{3000}'..='\u{30FF}',
            '\u{4E00}'..='\u{9FFF}',
            '\u{AC00}'..='\u{D7AF}',
            '\u{FF00}'..='\u{FFEF}',
            'a'..='z',
            'A'..='Z',
            '0'..='9',
            '-'..='-',
        ]
        .into(),
    );
    let label = prop_oneof![
        4 => prop::collection::vec(ch, 1..5).prop_map(String::from_iter),
        1 => "(xn|XN|Xn)--[a-zA-Z0-9-]{0,12}",
    ];
    prop::collection::vec(label, 1..4).prop_map(|labels| format!("https://{}/", labels.join(".")))
}

proptest! {
    #[test]
    fn whatever_we_accept_whatwg_reads_the_same(input in url_ish()) {
        if let Err(e) = agrees(&input) {
            return Err(TestCaseError::fail(e));
        }
    }

    #[test]
    fn near_misses_of_valid_urls(input in near_miss()) {
        if let Err(e) = agrees(&input) {
            return Err(TestCaseError::fail(e));
        }
    }

    #[test]
    fn non_ascii_hosts_are_punycoded_as_uts46_does(input in idn_host()) {
        if let Err(e) = agrees(&input) {
            return Err(TestCaseError::fail(e));
        }
    }

    #[test]
    fn any_text_after_the_scheme(
        scheme in select(&["http://", "https://"][..]),
        rest in prop_oneof![
            "\\PC{0,40}",
            prop::collection::vec(prop::char::range(' ', '~'), 0..40).prop_map(String::from_iter),
        ],
    ) {
        if let Err(e) = agrees(&format!("{scheme}{rest}")) {
            return Err(TestCaseError::fail(e));
        }
    }
}

/// Enough of the generated inputs are accepted for the properties to mean something.
#[test]
fn the_generators_reach_accepted_urls() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut hostile, mut near, mut idn) = (0, 0, 0);
    for _ in 0..2000 {
        let input = url_ish().new_tree(&mut runner).unwrap().current();
        hostile += usize::from(parse_http(&input).is_some());
        let input = near_miss().new_tree(&mut runner).unwrap().current();
        near += usize::from(parse_http(&input).is_some());
        let input = idn_host().new_tree(&mut runner).unwrap().current();
        idn += usize::from(parse_http(&input).is_some());
    }
    assert!(
        hostile > 5,
        "only {hostile} of 2000 url_ish inputs accepted"
    );
    assert!(near > 600, "only {near} of 2000 near_miss inputs accepted");
    assert!(idn > 200, "only {idn} of 2000 idn_host inputs accepted");
}
