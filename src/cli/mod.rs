//! The native command-line interface: argument parsing ([`args`], help in [`help`]), the one
//! network module ([`transport`]), the commands ([`detect`], [`check`] with the secret's
//! source in [`secret`], [`fleet`]: many connections from a TOML file through `check`'s test) and their rendering ([`output`], [`check_output`]; `--report` files in
//! [`report_file`]). Integration targets (`--for`) are the core's
//! [`jira_token_wizard::targets::Target`]. HTML is read by the core's native-only `html` module.
//! Decisions stay in the core; this layer only moves bytes and prints.
//!
//! Exit status: 0 success (it is Jira / the credential works), 1 a negative result or no
//! answer, 2 a usage error.

mod args;
mod check;
mod check_output;
mod detect;
mod fleet;
mod help;
mod output;
mod report_file;
mod secret;
mod transport;

use args::Command;

/// Runs the CLI on the process arguments; returns the exit status.
pub fn run() -> i32 {
    match args::parse(std::env::args_os().skip(1).collect()) {
        Ok(Command::Help(topic)) => {
            output::out(&help::help(topic));
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
        Ok(Command::Check(a)) => check::run(&a),
        Ok(Command::Fleet(a)) => fleet::run(&a),
        Err(e) => usage_error(&e.0),
    }
}

/// Prints a usage error on stderr; returns its exit status, 2.
pub fn usage_error(message: &str) -> i32 {
    output::err_line(&format!("jira-token-wizard: {message}"));
    output::err_line("Try 'jira-token-wizard --help'.");
    2
}
