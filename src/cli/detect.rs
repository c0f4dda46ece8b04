//! `detect <URL>`: drives the core's [`DetectFlow`] over the native transport, hands the
//! fetched page to the flow between round trips, and prints the [`Detection`].
//!
//! The flow asks for the page with `follow_redirects` (it is anonymous; a site root usually
//! redirects to its dashboard or login page), so the page reader gets the page where the
//! redirects ended, and its URL.

use super::args::{DetectArgs, Format};
use super::output::{self, NoAnswer};
use super::report_file;
use super::transport::Transport;
use jira_token_wizard::detect::{self, DetectFlow, DetectOptions, Detection};
use jira_token_wizard::html as page_reader;
use jira_token_wizard::http::Exchange;
use jira_token_wizard::report::Subject;

/// What a detect run produced.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub detection: Detection,
    /// Set when no request got any HTTP answer: the site is unreachable or silent.
    pub no_answer: Option<NoAnswer>,
}

/// Runs `detect` and prints the result; returns the exit code.
pub fn run(args: &DetectArgs) -> i32 {
    let opts = DetectOptions {
        allow_fetch: true,
        fetch_page: true,
        timeout_ms: args.common.timeout_ms,
        granted_patterns: None,
        page_only: false,
    };
    let flow = match DetectFlow::for_url(&args.url, opts) {
        Ok(f) => f,
        Err(e) => {
            output::err_line(&format!("jira-token-wizard: {e}"));
            return 2;
        }
    };
    let transport = match Transport::with_ca_cert(args.common.ca_cert.as_deref()) {
        Ok(t) => t,
        Err(e) => return super::usage_error(&e),
    };
    let outcome = detect_with(&transport, flow);
    let (d, lang) = (&outcome.detection, args.common.lang);
    if let Some(path) = &args.common.report {
        if let Err(e) = report_file::write(path, Subject::Detection(d), lang, None) {
            output::err_line(&format!("jira-token-wizard: {e}"));
            return 2;
        }
    }
    if let Some(na) = &outcome.no_answer {
        output::err_line(&output::no_answer_line(na, lang));
        if args.common.format == Format::Json {
            output::out(&(output::no_answer_json(na, d) + "\n"));
        }
        return 1;
    }
    match args.common.format {
        Format::Json => output::out(&(output::detection_json(d) + "\n")),
        Format::Text => output::out(&output::detection_text(d, lang)),
    }
    exit_code(d)
}

fn exit_code(d: &Detection) -> i32 {
    if d.deployment.is_jira() {
        0
    } else {
        1
    }
}

/// Drives `flow` to a [`Detection`] with `transport`.
pub fn detect_with(transport: &Transport, flow: DetectFlow) -> Outcome {
    let mut first_failure: Option<NoAnswer> = None;
    let mut answered = false;
    let detection = transport.run_flow_with(flow, |flow, batch| {
        for (req, ex) in batch {
            match ex {
                Exchange::Response(resp) => {
                    answered = true;
                    if req.id == detect::PAGE {
                        let url = resp.final_url.as_deref().unwrap_or(&req.url);
                        flow.provide_page(page_reader::read(resp, url));
                    }
                }
                _ if first_failure.is_none() => {
                    first_failure = Some(NoAnswer {
                        url: req.url.clone(),
                        exchange: ex.clone(),
                        timeout_ms: req.timeout_ms,
                    })
                }
                _ => {}
            }
        }
    });
    Outcome {
        detection,
        no_answer: first_failure.filter(|_| !answered),
    }
}
