//! The wasm boundary: the one module that knows wasm-bindgen, web-sys, js-sys and gloo-net.
//!
//! It owns two things and decides nothing:
//! - [`handle`]: a `protocol::Command` from the service worker in as a plain JS object (read by
//!   its serde derive through serde-wasm-bindgen, [`Command::read`]: errors name the field,
//!   never a value), the core's result out as a plain JS object
//!   (`Serializer::json_compatible()`: objects, not `Map`s; numbers, not `BigInt`s). [`facts`]
//!   hands the pages what they read from the core at start (`protocol::shell`). Errors become
//!   a JS `Error` in one place ([`js_error`]).
//! - [`run_flow`]: the browser transport for any sans-IO [`Flow`]. It keeps the contract of
//!   `crate::http`: every request of a batch in parallel, `credentials: "omit"` always (no site
//!   cookies reach Jira, facts §6.2; the one request sent with the user's session, the PAT
//!   creation, goes out from the Jira tab: `extension/tab-fetch.js`), `redirect: "manual"` (an `opaqueredirect` becomes
//!   `status: 0, redirect: true`) unless the core asked to follow redirects on a request
//!   without credentials (then `final_url` says where it ended), a timeout through
//!   `AbortSignal.timeout(ms)` (no `window` needed, so it works in a service worker), bodies
//!   read from the stream up to `MAX_BODY_BYTES`, header names lower-cased. gloo-net does not
//!   fail on non-2xx: every status is an answer and the core classifies it.
//!
//! Fetch failures: a `TimeoutError`/`AbortError` is [`Exchange::Timeout`]; anything else (the
//! browser's `TypeError: Failed to fetch` for DNS, refused connections, TLS, or a missing host
//! permission, build notes "MV3 specifics") is [`Exchange::Unreachable`] with the error's name
//! and message — never a header value. A header value `fetch` refuses (non-Latin-1, CR/LF) is
//! [`Exchange::NotSent`]: the request never left, and the command still settles.

use crate::flow::Flow;
use crate::http::{self, Exchange, HttpRequest, HttpResponse, Method, MAX_BODY_BYTES};
use crate::protocol::shell::ShellFacts;
use crate::protocol::{Command, Job};
use futures_util::future::join_all;
use gloo_net::http::{Headers, Method as GlooMethod, RequestBuilder, Response};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortSignal, ReadableStreamDefaultReader, ReadableStreamReadResult, RequestCache,
    RequestCredentials, RequestRedirect, ResponseType,
};

// The TypeScript of the commands and answers below (src/wasm.d.ts): wasm-bindgen writes it into
// the glue's .d.ts, which the extension's type check reads (build.sh, types/pkg/). A custom
// section: the text goes to the .d.ts, not into the shipped wasm.
#[wasm_bindgen(typescript_custom_section)]
const BOUNDARY_TYPES: &str = include_str!("wasm.d.ts");

/// The crate version (Cargo.toml), shown in the popup and written into the manifests.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// What the extension's pages read from the core instead of re-typing it: targets and the
/// method each sends, auth choices, method names, detail labels, the secret mask, the forms'
/// limits and the gateway (`protocol::shell::ShellFacts`).
#[wasm_bindgen(unchecked_return_type = "ShellFacts")]
pub fn facts() -> Result<JsValue, JsError> {
    to_js(&ShellFacts::get())
}

/// Runs one core command, e.g. `{type: "detect_page", snapshot: …, options: …}`, and resolves
/// with the core's result: a `protocol::DetectOutput` (the `Detection` and the answers it was
/// made from, for the worker to keep) for the detect commands, a `protocol::CheckOutput`
/// (the `CheckResult`, its checklist and its rendered report) for `check`, a `pat::TabRequest`
/// for `plan_pat`, a `pat::CreateResult` for `interpret_pat`, a `report::ReadReport` for
/// `read_report`. Rejects
/// with an `Error` whose message says what was
/// wrong; the message never holds a value of the command (a `check` carries a secret).
#[wasm_bindgen(unchecked_return_type = "Output")]
pub async fn handle(
    #[wasm_bindgen(unchecked_param_type = "Command")] command: JsValue,
) -> Result<JsValue, JsError> {
    let command = Command::read(|| serde_wasm_bindgen::Deserializer::from(command.clone()))
        .map_err(js_error)?;
    match command.into_job().map_err(js_error)? {
        Job::Detect(flow) => to_js(&run_flow(*flow).await),
        Job::Check(flow) => to_js(&run_flow(*flow).await),
        Job::PatPlan(plan) => to_js(&*plan),
        Job::PatResult(created) => to_js(&*created),
        Job::ReadReport(read) => to_js(&*read),
        Job::Remember(answer) => to_js(&*answer),
    }
}

/// A core value as a plain JS value, as JSON would carry it.
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(js_error)
}

fn js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// Drives a sans-IO flow to its end over `fetch`, one parallel batch per round trip.
pub async fn run_flow<F: Flow>(mut flow: F) -> F::Output {
    loop {
        let batch = flow.next_batch();
        if batch.is_empty() {
            return flow.finish();
        }
        let answers = join_all(
            batch
                .iter()
                .map(|req| async move { (req.id.clone(), exchange(req).await) }),
        )
        .await;
        flow.feed(answers);
    }
}

/// Sends one request and reports what came back, never failing.
async fn exchange(req: &HttpRequest) -> Exchange {
    let started = js_sys::Date::now();
    let elapsed = move || (js_sys::Date::now() - started).max(0.0) as u64;
    let result = match send(req).await {
        Ok(resp) => read_response(req, resp, elapsed).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(r) => Exchange::Response(r),
        Err(e) if e.is_timeout() => Exchange::Timeout {
            elapsed_ms: elapsed(),
        },
        Err(e) if e.not_sent => Exchange::NotSent {
            elapsed_ms: elapsed(),
            detail: e.detail,
        },
        Err(e) => Exchange::Unreachable {
            elapsed_ms: elapsed(),
            detail: e.detail,
        },
    }
}

/// A fetch or body-read failure: the JS error's name and message only.
struct FetchFailure {
    name: String,
    detail: String,
    /// The request was refused before it was sent (a header `fetch` cannot carry).
    not_sent: bool,
}

impl FetchFailure {
    fn is_timeout(&self) -> bool {
        matches!(self.name.as_str(), "TimeoutError" | "AbortError")
    }

    fn from_gloo(e: gloo_net::Error) -> FetchFailure {
        match e {
            gloo_net::Error::JsError(js) => FetchFailure {
                detail: format!("{}: {}", js.name, js.message),
                name: js.name,
                not_sent: false,
            },
            other => FetchFailure {
                name: String::new(),
                detail: other.to_string(),
                not_sent: false,
            },
        }
    }

    fn from_js(what: &str, value: JsValue) -> FetchFailure {
        match value.dyn_into::<js_sys::Error>() {
            Ok(err) => {
                let name = String::from(err.name());
                FetchFailure {
                    detail: format!("{what}: {name}: {}", String::from(err.message())),
                    name,
                    not_sent: false,
                }
            }
            Err(_) => FetchFailure {
                name: String::new(),
                detail: format!("{what} failed"),
                not_sent: false,
            },
        }
    }
}

async fn send(req: &HttpRequest) -> Result<Response, FetchFailure> {
    let method = match req.method {
        Method::Get => GlooMethod::GET,
        Method::Post => GlooMethod::POST,
    };
    let signal = AbortSignal::timeout_with_u32(req.timeout_ms);
    let builder = RequestBuilder::new(&req.url)
        .method(method)
        // Never the site's cookies (facts §6.2): the one request sent with the user's Jira
        // session (PAT creation) goes out from the Jira tab, not through this transport.
        .credentials(RequestCredentials::Omit)
        // Belt and braces for http.rs's rule: a credential never follows a redirect.
        .redirect(if req.follow_redirects && !req.has_credentials() {
            RequestRedirect::Follow
        } else {
            RequestRedirect::Manual
        })
        // Nothing of a credentialed exchange is kept in the HTTP cache.
        .cache(RequestCache::NoStore)
        .abort_signal(Some(&signal))
        .headers(headers(req)?);
    let request = match &req.body {
        Some(body) => builder.body(JsValue::from_str(body)),
        None => builder.build(),
    }
    .map_err(FetchFailure::from_gloo)?;
    request.send().await.map_err(FetchFailure::from_gloo)
}

/// The request's headers. `Headers.set` throws on a value `fetch` cannot carry (outside
/// Latin-1, or with CR/LF); gloo-net's `header()` would turn that throw into a trap that never
/// settles the command's promise, so the error is caught here and the request is not sent.
/// The message names the header, never its value.
fn headers(req: &HttpRequest) -> Result<Headers, FetchFailure> {
    let refused = |name: &str| FetchFailure {
        name: String::new(),
        detail: format!("the browser refused the {name} header's value"),
        not_sent: true,
    };
    let raw = web_sys::Headers::new().map_err(|_| refused("request"))?;
    for (name, value) in &req.headers {
        raw.set(name, value).map_err(|_| refused(name))?;
    }
    Ok(Headers::from_raw(raw))
}

/// Reads status, headers and the capped body. `final_url` is set only for requests that
/// follow redirects (never ones with credentials; the core decides which).
async fn read_response(
    req: &HttpRequest,
    resp: Response,
    elapsed: impl Fn() -> u64,
) -> Result<HttpResponse, FetchFailure> {
    if resp.type_() == ResponseType::Opaqueredirect {
        // redirect: "manual" hides status and Location (build notes "MV3 specifics").
        return Ok(HttpResponse {
            status: 0,
            redirect: true,
            elapsed_ms: elapsed(),
            ..HttpResponse::default()
        });
    }
    let pairs: Vec<(String, String)> = resp.headers().entries().collect();
    let headers = http::normalize_headers(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let (bytes, truncated) = read_body(&resp).await?;
    Ok(HttpResponse {
        status: resp.status(),
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        truncated,
        redirect: false,
        elapsed_ms: elapsed(),
        final_url: (req.follow_redirects && !req.has_credentials()).then(|| resp.url()),
    })
}

/// Reads at most `MAX_BODY_BYTES` from the body stream; cancels the rest.
async fn read_body(resp: &Response) -> Result<(Vec<u8>, bool), FetchFailure> {
    let Some(stream) = resp.body() else {
        return Ok((Vec::new(), false));
    };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| FetchFailure::from_js("reading the body", e))?;
        let chunk: ReadableStreamReadResult = chunk.unchecked_into();
        if chunk.get_done().unwrap_or(true) {
            return Ok((bytes, false));
        }
        let data: js_sys::Uint8Array = chunk.get_value().unchecked_into();
        bytes.extend_from_slice(&data.to_vec());
        if bytes.len() > MAX_BODY_BYTES {
            bytes.truncate(MAX_BODY_BYTES);
            // Stop the download; the outcome of cancel() does not matter.
            let _ = reader.cancel();
            return Ok((bytes, true));
        }
    }
}
