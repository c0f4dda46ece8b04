//! Transport tests against throw-away local TCP servers: redirects, caps, lossy decoding,
//! timeouts, unreachable hosts, no cookies, parallel batches.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;

/// A server answering every connection with `reply` after `delay`; sends each request head
/// (lower-cased) on the returned channel.
fn serve(reply: Vec<u8>, delay: Duration) -> (String, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { break };
            let (reply, tx) = (reply.clone(), tx.clone());
            thread::spawn(move || answer(stream, &reply, delay, &tx));
        }
    });
    (format!("http://{addr}"), rx)
}

fn answer(mut stream: TcpStream, reply: &[u8], delay: Duration, tx: &mpsc::Sender<String>) {
    let mut head = String::new();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line.to_ascii_lowercase());
    }
    let _ = tx.send(head);
    thread::sleep(delay);
    let _ = stream.write_all(reply);
    let _ = stream.flush();
}

fn reply(status: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n").into_bytes();
    for h in headers {
        out.extend_from_slice(h.as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    // One answer per connection: say so, or the client may reuse a socket this server closed.
    out.extend_from_slice(b"connection: close\r\n");
    out.extend_from_slice(format!("content-length: {}\r\n\r\n", body.len()).as_bytes());
    out.extend_from_slice(body);
    out
}

fn get(id: &str, url: &str, timeout_ms: u32) -> HttpRequest {
    HttpRequest {
        id: id.into(),
        method: Method::Get,
        url: url.into(),
        headers: vec![
            ("Accept".into(), "application/json".into()),
            ("Authorization".into(), "Bearer s3cret-token-value".into()),
        ],
        body: None,
        timeout_ms,
        follow_redirects: false,
        with_session_cookies: false,
    }
}

fn response(ex: Exchange) -> HttpResponse {
    match ex {
        Exchange::Response(r) => r,
        other => panic!("expected a response, got {other:?}"),
    }
}

#[test]
fn a_redirect_is_an_answer_with_its_location() {
    let (url, rx) = serve(
        reply("302 Found", &["Location: /login.jsp"], b""),
        Duration::ZERO,
    );
    let r = response(Transport::new().send(&get("x", &format!("{url}/rest"), 5000)));
    assert_eq!(r.status, 302);
    assert!(r.redirect);
    assert_eq!(r.header("location"), Some("/login.jsp"));
    assert!(rx.recv().unwrap().starts_with("get /rest "));
    assert!(rx.try_recv().is_err(), "the redirect was followed");
}

#[test]
fn statuses_headers_and_lossy_text() {
    let mut raw = reply(
        "404 Not Found",
        &[
            "X-AUSERNAME: anonymous",
            "X-Multi: a",
            "X-Multi: b",
            "X-Odd: cafX",
        ],
        b"bad \xff\xfe bytes",
    );
    // A Latin-1 byte in a header value: not UTF-8.
    let at = raw.windows(4).position(|w| w == b"cafX").unwrap() + 3;
    raw[at] = 0xE9;
    let (url, rx) = serve(raw, Duration::ZERO);
    let r = response(Transport::new().send(&get("x", &url, 5000)));
    assert_eq!(r.status, 404);
    assert!(!r.redirect && !r.truncated);
    assert_eq!(r.header("x-ausername"), Some("anonymous"));
    assert_eq!(r.header("x-multi"), Some("a, b"));
    assert_eq!(r.header("x-odd"), Some("caf\u{fffd}"));
    assert!(r.body.starts_with("bad ") && r.body.ends_with(" bytes"));
    let head = rx.recv().unwrap();
    assert!(head.contains("accept: application/json"), "{head}");
    assert!(!head.contains("cookie"), "{head}");
}

#[test]
fn bodies_are_capped() {
    let big = vec![b'a'; MAX_BODY_BYTES + 10_000];
    let (url, _rx) = serve(reply("200 OK", &[], &big), Duration::ZERO);
    let r = response(Transport::new().send(&get("x", &url, 10_000)));
    assert!(r.truncated);
    assert_eq!(r.body.len(), MAX_BODY_BYTES);
}

#[test]
fn no_cookie_is_kept_between_requests() {
    let (url, rx) = serve(
        reply("200 OK", &["Set-Cookie: JSESSIONID=abc; Path=/"], b"{}"),
        Duration::ZERO,
    );
    let t = Transport::new();
    response(t.send(&get("a", &url, 5000)));
    response(t.send(&get("b", &url, 5000)));
    rx.recv().unwrap();
    assert!(!rx.recv().unwrap().contains("cookie"));
}

#[test]
fn a_silent_server_times_out() {
    let (url, _rx) = serve(Vec::new(), Duration::from_secs(30));
    let start = Instant::now();
    let ex = Transport::new().send(&get("x", &url, 300));
    assert!(matches!(ex, Exchange::Timeout { .. }), "{ex:?}");
    assert!(start.elapsed() < Duration::from_secs(3));
}

#[test]
fn a_closed_port_is_unreachable_and_the_detail_holds_no_secret() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let ex = Transport::new().send(&get("x", &format!("http://127.0.0.1:{port}/"), 5000));
    match ex {
        Exchange::Unreachable { detail, .. } => {
            assert!(detail.contains("refused"), "{detail}");
            assert!(!detail.contains("s3cret"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn scrub_removes_the_credential() {
    let req = get("x", "http://h", 1);
    let d = scrub(
        &req,
        "oops Bearer s3cret-token-value and s3cret-token-value".into(),
    );
    assert!(!d.contains("s3cret"), "{d}");
}

#[test]
fn a_batch_goes_out_in_parallel() {
    let (url, _rx) = serve(reply("200 OK", &[], b"{}"), Duration::from_millis(400));
    let batch = vec![
        get("a", &url, 5000),
        get("b", &url, 5000),
        get("c", &url, 5000),
    ];
    let start = Instant::now();
    let answers = Transport::new().send_all(&batch);
    assert_eq!(answers.len(), 3);
    assert!(answers.iter().all(|a| a.response().is_some()));
    assert!(
        start.elapsed() < Duration::from_millis(1100),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn follows_redirects_only_when_asked_and_without_credentials() {
    let (target, _rx) = serve(reply("200 OK", &[], b"<html></html>"), Duration::ZERO);
    let (url, _rx2) = serve(
        reply(
            "302 Found",
            &[&format!("Location: {target}/jira/secure/Dashboard.jspa")],
            b"",
        ),
        Duration::ZERO,
    );
    let mut req = get("page", &url, 5000);
    req.follow_redirects = true;
    // With credentials: never followed.
    let r = response(Transport::new().send(&req));
    assert!(r.redirect && r.final_url.is_none());
    req.headers.retain(|(k, _)| k != "Authorization");
    let r = response(Transport::new().send(&req));
    assert_eq!(r.status, 200);
    assert!(!r.redirect);
    assert_eq!(
        r.final_url.as_deref(),
        Some(format!("{target}/jira/secure/Dashboard.jspa").as_str())
    );
}
