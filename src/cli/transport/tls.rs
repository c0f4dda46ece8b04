//! Which certificates the CLI trusts, and who a refused one names.
//!
//! Trust is the operating system's: ureq's `platform-verifier` (rustls-platform-verifier)
//! checks each server certificate the way the OS does, as the browser would. `--ca-cert FILE`
//! adds PEM certificates (a company CA) to the OS roots (read with rustls-native-certs).
//!
//! When a handshake fails on the certificate, [`refused_certificate`] opens one more
//! connection — a TLS handshake only, no HTTP request, so no credential — with a verifier that
//! records the server's certificate and refuses it, and reads its subject and issuer for the
//! `tls_untrusted` verdict. That connection takes the same way as the request: through the
//! HTTP proxy the environment names (`ALL_PROXY`, `HTTPS_PROXY`, `HTTP_PROXY`, lower-case too,
//! unless `NO_PROXY` exempts the host — what ureq reads for the request), as a `CONNECT` tunnel.

use jira_token_wizard::http::{CertificateNames, MAX_LOGGED_HEADER_CHARS};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use ureq::tls::{parse_pem, Certificate, PemItem, RootCerts};
use x509_cert::der::Decode;

/// The roots to verify against: the OS verifier, or with `ca_file` the OS roots plus the file's
/// certificates. `Err` names what is wrong with the file.
pub fn root_certs(ca_file: Option<&Path>) -> Result<RootCerts, String> {
    let Some(path) = ca_file else {
        return Ok(RootCerts::PlatformVerifier);
    };
    let pem = std::fs::read(path).map_err(|e| format!("--ca-cert {}: {e}", path.display()))?;
    let mut certs: Vec<Certificate<'static>> = parse_pem(&pem)
        .filter_map(|item| match item {
            Ok(PemItem::Certificate(c)) => Some(c),
            _ => None,
        })
        .collect();
    if certs.is_empty() {
        return Err(format!(
            "--ca-cert {}: no PEM certificate in the file",
            path.display()
        ));
    }
    let native = rustls_native_certs::load_native_certs();
    certs.extend(
        native
            .certs
            .iter()
            .map(|c| Certificate::from_der(c.as_ref()).to_owned()),
    );
    Ok(RootCerts::new_with_certs(&certs))
}

/// Records the server's end-entity certificate and refuses it.
#[derive(Debug)]
struct Recorder {
    seen: Mutex<Option<Vec<u8>>>,
    schemes: Vec<SignatureScheme>,
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Ok(mut seen) = self.seen.lock() {
            *seen = Some(end_entity.as_ref().to_vec());
        }
        Err(rustls::Error::General("recorded, never trusted".into()))
    }

    fn verify_tls12_signature(
        &self,
        _m: &[u8],
        _c: &CertificateDer<'_>,
        _d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Err(rustls::Error::General("never trusted".into()))
    }

    fn verify_tls13_signature(
        &self,
        _m: &[u8],
        _c: &CertificateDer<'_>,
        _d: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        Err(rustls::Error::General("never trusted".into()))
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.schemes.clone()
    }
}

/// Subject and issuer of the certificate `url`'s server presents; empty names when it could
/// not be read (the connection failed, no certificate came, it does not parse).
pub fn refused_certificate(url: &str, timeout: Duration) -> CertificateNames {
    read_certificate(url, timeout)
        .and_then(|der| names(&der))
        .unwrap_or_default()
}

fn read_certificate(url: &str, timeout: Duration) -> Option<Vec<u8>> {
    let u = jira_token_wizard::urls::parse_http(url)?;
    let host = u.host_str().trim_start_matches('[').trim_end_matches(']');
    let name = ServerName::try_from(host.to_string()).ok()?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let recorder = Arc::new(Recorder {
        seen: Mutex::new(None),
        schemes: provider
            .signature_verification_algorithms
            .supported_schemes(),
    });
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .ok()?
        .dangerous()
        .with_custom_certificate_verifier(recorder.clone())
        .with_no_client_auth();
    let mut conn = rustls::ClientConnection::new(Arc::new(config), name).ok()?;
    let mut tcp = connect(url, host, u.port_or_known_default(), timeout)?;
    // The handshake ends in the recorder's refusal; nothing else is ever written.
    while conn.is_handshaking() {
        if conn.complete_io(&mut tcp).is_err() {
            break;
        }
    }
    let seen = recorder.seen.lock().ok()?.take();
    seen
}

/// A TCP stream to `host:port` the way the request went: through the environment's HTTP proxy
/// when one applies to `url` (a `CONNECT` tunnel), else direct. `None` for a SOCKS or HTTPS
/// proxy (not read here: the names stay unknown) and on any failure.
fn connect(url: &str, host: &str, port: u16, timeout: Duration) -> Option<TcpStream> {
    let uri: ureq::http::Uri = url.parse().ok()?;
    match ureq::Proxy::try_from_env().filter(|p| !p.is_no_proxy(&uri)) {
        None => direct(host, port, timeout),
        Some(p) if p.protocol() == ureq::ProxyProtocol::Http => tunnel(&p, host, port, timeout),
        Some(_) => None,
    }
}

fn direct(host: &str, port: u16, timeout: Duration) -> Option<TcpStream> {
    let addr = (host, port).to_socket_addrs().ok()?.next()?;
    let tcp = TcpStream::connect_timeout(&addr, timeout).ok()?;
    tcp.set_read_timeout(Some(timeout)).ok()?;
    tcp.set_write_timeout(Some(timeout)).ok()?;
    Some(tcp)
}

/// Longest proxy answer head read for a `CONNECT`, in bytes.
const MAX_CONNECT_HEAD: usize = 8 * 1024;

/// `CONNECT host:port` through the HTTP proxy `p` (with its user and password as Basic
/// `Proxy-Authorization`, as ureq sends them); the stream once the proxy answered 200.
fn tunnel(p: &ureq::Proxy, host: &str, port: u16, timeout: Duration) -> Option<TcpStream> {
    use base64::Engine;
    let mut tcp = direct(p.host(), p.port(), timeout)?;
    let target = if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    };
    let mut head = format!("CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n");
    if let Some(user) = p.username() {
        let pair = format!("{user}:{}", p.password().unwrap_or(""));
        let basic = base64::engine::general_purpose::STANDARD.encode(pair);
        head += &format!("Proxy-Authorization: Basic {basic}\r\n");
    }
    head += "\r\n";
    tcp.write_all(head.as_bytes()).ok()?;
    let mut answer = Vec::new();
    let mut byte = [0u8; 1];
    while !answer.ends_with(b"\r\n\r\n") {
        if answer.len() >= MAX_CONNECT_HEAD {
            return None;
        }
        tcp.read_exact(&mut byte).ok()?;
        answer.push(byte[0]);
    }
    let status = answer.split(|&b| b == b' ').nth(1)?;
    (status == b"200").then_some(tcp)
}

/// RFC 4514 text of the subject and issuer, cut for logs.
fn names(der: &[u8]) -> Option<CertificateNames> {
    let cert = x509_cert::Certificate::from_der(der).ok()?;
    let cut = |s: String| s.chars().take(MAX_LOGGED_HEADER_CHARS).collect::<String>();
    Some(CertificateNames {
        subject: cut(cert.tbs_certificate.subject.to_string()),
        issuer: cut(cert.tbs_certificate.issuer.to_string()),
    })
}
