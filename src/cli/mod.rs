//! The native command-line interface: argument parsing ([`args`]), the one network module
//! ([`transport`]), the commands (HTML is read by the core's native-only `html` module)
//! ([`detect`]) and their rendering ([`output`]). Decisions stay in the core; this layer only
//! moves bytes and prints.
//!
//! Exit status: 0 success (it is Jira), 1 a negative result or no answer, 2 a usage error.

mod args;
mod detect;
mod output;
mod transport;

use args::Command;

/// Runs the CLI on the process arguments; returns the exit status.
pub fn run() -> i32 {
    match args::parse(std::env::args_os().skip(1).collect()) {
        Ok(Command::Help(topic)) => {
            output::out(&args::help(topic));
            0
        }
        Ok(Command::Version) => {
            output::out(&format!(
                "jira-token-wizard {}\n",
                env!("CARGO_PKG_VERSION")
            ));
            0
        }
        Ok(Command::Detect(a)) => detect::run(&a),
        Err(e) => {
            output::err_line(&format!("jira-token-wizard: {e}"));
            output::err_line("Try 'jira-token-wizard --help'.");
            2
        }
    }
}
