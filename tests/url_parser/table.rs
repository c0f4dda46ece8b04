//! The tricky inputs, each with the expected answer.

use super::agrees;
use jira_token_wizard::urls::parse_http;

/// The tricky cases, each with what ours makes of it (`None`: refused). Every accepted one is
/// also checked against `url`.
#[test]
fn tricky_inputs() {
    let cases: &[(&str, Option<&str>)] = &[
        // What users type and Jira answers.
        (
            "https://jira.example.com",
            Some("https://jira.example.com/"),
        ),
        (
            "  HTTPS://Jira.Example.COM:443/jira/ \n",
            Some("https://jira.example.com/jira/"),
        ),
        (
            "http://jira.example.com:80/",
            Some("http://jira.example.com/"),
        ),
        ("http://h:8080/jira/x?y=1", Some("http://h:8080/jira/x?y=1")),
        (
            "https://h/secure/Dashboard.jspa#frag",
            Some("https://h/secure/Dashboard.jspa"),
        ),
        ("https://h/browse/ABC-1", Some("https://h/browse/ABC-1")),
        (
            "https://acme.atlassian.net/jira/your-work",
            Some("https://acme.atlassian.net/jira/your-work"),
        ),
        (
            "https://h/login.jsp?os_authType=basic&x=%20",
            Some("https://h/login.jsp?os_authType=basic&x=%20"),
        ),
        (
            "http://127.0.0.1:47303/jira",
            Some("http://127.0.0.1:47303/jira"),
        ),
        ("http://h?x", Some("http://h/?x")),
        ("http://h/?", Some("http://h/?")),
        ("http://h//x", Some("http://h//x")),
        ("http://h/@evil.example", Some("http://h/@evil.example")),
        ("http://h/a'b?c='d'", Some("http://h/a'b?c=%27d%27")),
        ("http://h/й?q=й", Some("http://h/%D0%B9?q=%D0%B9")),
        ("http://jira_prod.corp:0/", Some("http://jira_prod.corp:0/")),
        ("http://-a.example/", Some("http://-a.example/")),
        ("http://1.example/", Some("http://1.example/")),
        // Non-ASCII host names: lower-case + punycode, as UTS #46 gives for these.
        (
            "https://Jira.Пример.РФ/",
            Some("https://jira.xn--e1afmkfd.xn--p1ai/"),
        ),
        (
            "https://jira。пример．рф｡example/",
            Some("https://jira.xn--e1afmkfd.xn--p1ai.example/"),
        ),
        (
            "http://MÜNCHEN.example/",
            Some("http://xn--mnchen-3ya.example/"),
        ),
        ("http://例え.jp/", Some("http://xn--r8jz45g.jp/")),
        ("http://한국.kr/", Some("http://xn--3e0b707e.kr/")),
        ("http://XN--P1AI.example/", Some("http://xn--p1ai.example/")),
        // IP addresses: canonical dotted quads, and IPv6 as WHATWG writes it.
        ("http://[::1]:8080/", Some("http://[::1]:8080/")),
        ("http://[0:0:0:0:0:0:0:1]/", Some("http://[::1]/")),
        (
            "http://[FE80:0:0:1:0:0:0:2]/",
            Some("http://[fe80:0:0:1::2]/"),
        ),
        ("http://[1:0:0:2:0:0:3:4]/", Some("http://[1::2:0:0:3:4]/")),
        ("http://[::ffff:1.2.3.4]/", Some("http://[::ffff:102:304]/")),
        (
            "http://[1:2:3:4:5:6:7::]/",
            Some("http://[1:2:3:4:5:6:7:0]/"),
        ),
        // Refused: WHATWG reads these, but not as they look (or not the way we would).
        ("http://127.1/", None),
        ("http://0x7f.0.0.1/", None),
        ("http://0177.0.0.1/", None),
        ("http://2130706433/", None),
        ("http://1.2.3.4./", None),
        ("http://256.1.1.1/", None),
        ("http://1.2.3/", None),
        ("http://example.0x1/", None),
        ("http://example.123/", None),
        ("http://%6a%69%72%61.example/", None),
        ("http://evil.example\\@jira.example/", None),
        ("http:\\\\jira.example/", None),
        ("http://jira.example\\x", None),
        ("http://ann:pw@jira.example/", None),
        ("http://jira.example@evil.example/", None),
        ("http://@jira.example/", None),
        ("http:///jira.example/", None),
        ("http:/jira.example/", None),
        ("http:jira.example/", None),
        ("http://", None),
        ("http://:80/", None),
        ("http://h:/", None),
        ("http://h:08080/", None),
        ("http://h:65536/", None),
        ("http://h:80:90/", None),
        ("http://ji\tra.example/", None),
        ("http://jira.example/a\nb", None),
        ("http://jira.example/a b", None),
        ("http://jira .example/", None),
        ("\u{a0}http://jira.example/", None),
        ("http://a..b/", None),
        ("http://jira.example./", None),
        ("http://h/a/../b", None),
        ("http://h/a/./b", None),
        ("http://h/a/%2e%2E/b", None),
        ("http://h/a/.%2e", None),
        ("http://h/a/.", None),
        ("http://h/%zz", None),
        ("http://h/x?%", None),
        ("http://h/{x}", None),
        ("http://h/a|b", None),
        ("http://h/a^b", None),
        ("http://h/\"", None),
        ("http://h/?a<b", None),
        ("http://h/x?a=[1]|{2}^`", Some("http://h/x?a=[1]|{2}^`")),
        ("http://h/x?a=\\b", None),
        ("http://h/[x]", None),
        ("http://[::1%25eth0]/", None),
        ("http://[::1.2.3]/", None),
        ("http://[1::2::3]/", None),
        ("http://[v1.x]/", None),
        ("http://a!b.example/", None),
        ("http://a$b.example/", None),
        ("http://a*b.example/", None),
        ("ftp://jira.example/", None),
        ("javascript:alert(1)", None),
        ("jira.example.com", None),
        // Non-ASCII that UTS #46 maps other than by lower-casing, or we cannot vouch for.
        ("http://ｊｉｒａ.example/", None),
        ("http://１２７．０．０．１/", None),
        ("http://straße.example/", None),
        ("http://ĳ.example/", None),
        ("http://ς.example/", None),
        ("http://مثال.example/", None),
        ("http://a\u{200d}b.example/", None),
        ("http://e\u{301}.example/", None),
        ("http://xn--zz.example/", None),
        ("http://xn--bcher-kva-.example/", None),
        ("http://xn--ü.example/", None),
        ("http://xn--abc-.example/", None),
        ("http://xn--.example/", None),
    ];
    let mut failures = Vec::new();
    for (input, want) in cases {
        let got = parse_http(input).map(|u| u.to_string());
        if got.as_deref() != *want {
            failures.push(format!("{input:?}: got {got:?}, want {want:?}"));
        }
        if let Err(e) = agrees(input) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
