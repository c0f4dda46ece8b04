//! The CLI's one network module: a dumb blocking transport for the core's sans-IO [`Flow`]s,
//! built on `ureq` 3. Everything native that touches a socket goes through here.
//!
//! It does what `src/http.rs` asks of a transport and nothing else:
//! - no cookie jar (ureq's `cookies` feature is off, so an agent cannot keep cookies);
//! - redirects not followed (`max_redirects(0)`: a 3xx comes back as an answer with
//!   `redirect: true` and its `Location`), unless a request *without credentials* sets
//!   `follow_redirects` (then `final_url` says where it ended);
//! - every status is an answer (`http_status_as_error(false)`);
//! - one global timeout per request ([`HttpRequest::timeout_ms`]: DNS, connect, TLS, headers,
//!   body and any followed redirects);
//! - at most [`MAX_BODY_BYTES`] of body; lossy UTF-8 for bodies and header values;
//! - the requests of one batch go out in parallel, one thread each.
//!
//! URLs are plain URLs: the Atlassian gateway is not special here.
//!
//! Error details come from ureq's error text, which holds no header values; the request's
//! `Authorization` value is scrubbed from them anyway, so a detail can be printed.

use jira_token_wizard::flow::Flow;
use jira_token_wizard::http::{
    normalize_headers, Exchange, HttpRequest, HttpResponse, Method, MAX_BODY_BYTES,
};
use std::io::Read;
use std::time::{Duration, Instant};
use ureq::tls::{RootCerts, TlsConfig};
use ureq::{Agent, RequestBuilder, ResponseExt};

mod resolve;
mod tls;

/// Most redirects followed for a request that asks for it ([`HttpRequest::follow_redirects`]).
pub const MAX_REDIRECTS: u32 = 10;

/// Sends requests. One agent per transport; it keeps no cookies.
#[derive(Clone)]
pub struct Transport {
    agent: Agent,
}

impl Default for Transport {
    fn default() -> Self {
        Transport::new()
    }
}

impl Transport {
    /// A transport trusting the OS trust store.
    pub fn new() -> Transport {
        Transport::with_roots(RootCerts::PlatformVerifier)
    }

    /// A transport trusting the OS trust store and the PEM certificates in `ca_cert`
    /// (`--ca-cert`); `Err` says what is wrong with the file.
    pub fn with_ca_cert(ca_cert: Option<&std::path::Path>) -> Result<Transport, String> {
        Ok(Transport::with_roots(tls::root_certs(ca_cert)?))
    }

    fn with_roots(roots: RootCerts) -> Transport {
        let config = Agent::config_builder()
            .tls_config(TlsConfig::builder().root_certs(roots).build())
            .max_redirects(0)
            .http_status_as_error(false)
            .user_agent(concat!("jira-token-wizard/", env!("CARGO_PKG_VERSION")))
            .build();
        // Name resolution is the system's, unless the JTW_RESOLVE test hook (test builds only) maps a host.
        Transport {
            agent: Agent::with_parts(
                config,
                ureq::unversioned::transport::DefaultConnector::default(),
                resolve::Resolve::from_env(),
            ),
        }
    }

    /// Drives `flow` to its end: each batch is sent in parallel and fed back; `after_batch`
    /// sees the flow and the batch's requests with their answers right after each feed (the
    /// detect command hands the fetched page to the flow there).
    pub fn run_flow_with<F, H>(&self, mut flow: F, mut after_batch: H) -> F::Output
    where
        F: Flow,
        H: FnMut(&mut F, &[(HttpRequest, Exchange)]),
    {
        loop {
            let batch = flow.next_batch();
            if batch.is_empty() {
                break;
            }
            let answers = self.send_all(&batch);
            let pairs: Vec<(HttpRequest, Exchange)> = batch.into_iter().zip(answers).collect();
            flow.feed(
                pairs
                    .iter()
                    .map(|(req, ex)| (req.id.clone(), ex.clone()))
                    .collect(),
            );
            after_batch(&mut flow, &pairs);
        }
        flow.finish()
    }

    /// Drives `flow` to its end with nothing to do between batches.
    pub fn run_flow<F: Flow>(&self, flow: F) -> F::Output {
        self.run_flow_with(flow, |_, _| {})
    }

    /// Sends every request at once, one thread each; answers come back in request order.
    pub fn send_all(&self, reqs: &[HttpRequest]) -> Vec<Exchange> {
        if let [only] = reqs {
            return vec![self.send(only)];
        }
        std::thread::scope(|s| {
            let handles: Vec<_> = reqs
                .iter()
                .map(|req| (s.spawn(move || self.send(req)), req.timeout_ms))
                .collect();
            handles
                .into_iter()
                .map(|(h, timeout_ms)| {
                    h.join().unwrap_or_else(|_| Exchange::Unreachable {
                        elapsed_ms: u64::from(timeout_ms),
                        detail: "internal error while sending the request".into(),
                    })
                })
                .collect()
        })
    }

    /// Sends one request and reads its answer. Redirects are followed (up to
    /// [`MAX_REDIRECTS`]) only when the request asks for it and carries no credentials.
    pub fn send(&self, req: &HttpRequest) -> Exchange {
        let start = Instant::now();
        let follow = req.follow_redirects && !req.has_credentials();
        let redirects = if follow { MAX_REDIRECTS } else { 0 };
        let result = match req.method {
            Method::Get => prepare(self.agent.get(&req.url), req, redirects).call(),
            Method::Post => {
                let mut b = prepare(self.agent.post(&req.url), req, redirects);
                let has_type = req
                    .headers
                    .iter()
                    .any(|(k, _)| k.eq_ignore_ascii_case("content-type"));
                if !has_type && req.body.is_some() {
                    b = b.header("content-type", "application/json");
                }
                b.send(req.body.clone().unwrap_or_default())
            }
        };
        let ms = || start.elapsed().as_millis() as u64;
        let mut resp = match result {
            Ok(r) => r,
            Err(e) => return failure(req, e, ms()),
        };
        let final_url = follow.then(|| resp.get_uri().to_string());
        let status = resp.status().as_u16();
        let redirect = resp.status().is_redirection();
        let owned: Vec<(String, String)> = resp
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let headers = normalize_headers(owned.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        let mut bytes = Vec::new();
        let cap = MAX_BODY_BYTES as u64 + 1;
        if let Err(e) = resp
            .body_mut()
            .as_reader()
            .take(cap)
            .read_to_end(&mut bytes)
        {
            return failure(req, ureq::Error::from(e), ms());
        }
        let truncated = bytes.len() > MAX_BODY_BYTES;
        bytes.truncate(MAX_BODY_BYTES);
        Exchange::Response(HttpResponse {
            status,
            headers,
            body: decode_lossy(bytes),
            truncated,
            redirect,
            elapsed_ms: ms(),
            final_url,
        })
    }
}

/// The request's headers, its global timeout and its redirect budget on a ureq builder.
fn prepare<B>(mut b: RequestBuilder<B>, req: &HttpRequest, redirects: u32) -> RequestBuilder<B> {
    for (k, v) in &req.headers {
        b = b.header(k, v);
    }
    let timeout = Duration::from_millis(u64::from(req.timeout_ms.max(1)));
    b.config()
        .timeout_global(Some(timeout))
        .max_redirects(redirects)
        .max_redirects_will_error(false)
        .build()
}

/// UTF-8 with invalid sequences replaced; a body cut mid-character loses only that character.
fn decode_lossy(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }
}

/// Maps a ureq error to a timeout, an untrusted certificate (`TlsUntrusted`, naming the
/// certificate), a request that could not be built (`NotSent`: a header ureq refuses) or an
/// unreachable server, with a printable detail.
fn failure(req: &HttpRequest, err: ureq::Error, elapsed_ms: u64) -> Exchange {
    use std::io::ErrorKind;
    let text = err.to_string();
    if req.url.starts_with("https:") && text.to_ascii_lowercase().contains("certificate") {
        let timeout = Duration::from_millis(u64::from(req.timeout_ms.max(1)));
        return Exchange::TlsUntrusted {
            elapsed_ms,
            certificate: tls::refused_certificate(&req.url, timeout),
            detail: scrub(req, text),
        };
    }
    if matches!(err, ureq::Error::Http(_)) {
        return Exchange::NotSent {
            elapsed_ms,
            detail: scrub(req, format!("invalid request: {err}")),
        };
    }
    let detail = match &err {
        ureq::Error::Timeout(_) => return Exchange::Timeout { elapsed_ms },
        ureq::Error::Io(e) if matches!(e.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock) => {
            return Exchange::Timeout { elapsed_ms }
        }
        ureq::Error::HostNotFound => "host not found (DNS lookup failed)".to_string(),
        ureq::Error::Io(e) => match e.kind() {
            ErrorKind::ConnectionRefused => "connection refused".to_string(),
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted => {
                "connection reset by the server".to_string()
            }
            ErrorKind::UnexpectedEof => "the server closed the connection early".to_string(),
            // The system resolver's failure arrives as a plain I/O error.
            _ if e.to_string().contains("lookup address") => format!("host not found ({e})"),
            // rustls reports certificate problems as I/O errors during the handshake.
            _ if e.to_string().contains("certificate") => format!("TLS error: {e}"),
            _ => format!("network error: {e}"),
        },
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => {
            format!("TLS error: {err}")
        }
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => format!("invalid request: {err}"),
        ureq::Error::Protocol(_) => format!("not an HTTP answer: {err}"),
        ureq::Error::ConnectionFailed => "connection failed".to_string(),
        _ => err.to_string(),
    };
    Exchange::Unreachable {
        elapsed_ms,
        detail: scrub(req, detail),
    }
}

/// Removes the request's `Authorization` value (and its credential part) from `detail`.
fn scrub(req: &HttpRequest, mut detail: String) -> String {
    for (k, v) in &req.headers {
        if !k.eq_ignore_ascii_case("authorization") {
            continue;
        }
        let credential = v.split_whitespace().last().unwrap_or_default();
        for secret in [v.as_str(), credential] {
            if secret.len() >= 4 {
                detail = detail.replace(secret, jira_token_wizard::probe::REDACTED);
            }
        }
    }
    detail
}

#[cfg(test)]
mod tests;
