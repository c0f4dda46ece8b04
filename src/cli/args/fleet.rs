//! `fleet`'s options: the connection file, `--parallel`, `--expiring-within`, `--now`, and the
//! common `--format`, `--timeout`, `--lang`, `--ca-cert` (`--report` is `check`'s alone: one
//! report describes one connection).

use super::{unknown_option, usage, Arg, Command, Common, CommonBuilder, Cursor, UsageError};
use std::path::PathBuf;

/// Connections tested at once by default. Each one holds at most a batch of requests (≤ 6
/// threads) at a time, so 32 means ≤ ~200 sockets and threads: far below any limit, and 200
/// connections take ⌈200 / 32⌉ = 7 waves of 2–3 round trips (see BENCHMARKS.md).
pub const DEFAULT_PARALLEL: usize = 32;
/// Most connections tested at once.
pub const MAX_PARALLEL: usize = 256;
/// Largest `--expiring-within`, in days (ten years).
const MAX_EXPIRING_WITHIN: i64 = 3650;

/// `fleet FILE`: test every connection of a TOML file; secrets come from the environment
/// variables the file names.
#[derive(Debug, Clone, PartialEq)]
pub struct FleetArgs {
    pub file: PathBuf,
    /// `--parallel N`: connections tested at once.
    pub parallel: usize,
    /// `--expiring-within DAYS`: a working token that expires within DAYS days fails.
    pub expiring_within: Option<i64>,
    /// `--now TIME`: judge expiry as of this RFC 3339 time (the core validates it).
    pub now: Option<String>,
    pub common: Common,
}

/// Parses `fleet`'s arguments (after the command name) into [`Command::Fleet`].
pub(super) fn parse_fleet(mut cur: Cursor) -> Result<Command, UsageError> {
    let mut common = CommonBuilder::default();
    let mut file: Option<PathBuf> = None;
    let mut parallel = DEFAULT_PARALLEL;
    let mut expiring_within = None;
    let mut now = None;
    while let Some(arg) = cur.args.next() {
        match arg {
            Arg::Short('h') => return Ok(Command::Help(Some("fleet"))),
            Arg::Long(n, _) if n == "help" => return Ok(Command::Help(Some("fleet"))),
            Arg::Long(n, inline) => match n.as_str() {
                "parallel" => parallel = parse_parallel(&cur.value(&n, inline)?)?,
                "expiring-within" => expiring_within = Some(parse_days(&cur.value(&n, inline)?)?),
                "now" => now = Some(cur.value(&n, inline)?.trim().to_string()),
                "report" => {
                    return Err(usage(
                        "--report is for check: run check on the connection to report",
                    ))
                }
                _ => {
                    if !common.take(&mut cur, &n, inline)? {
                        return Err(unknown_option(&n));
                    }
                }
            },
            Arg::Short(c) => return Err(usage(format!("unknown option -{c}"))),
            Arg::Value(v) if file.is_none() => {
                if v.trim().is_empty() {
                    return Err(usage("fleet needs a file name"));
                }
                file = Some(v.into());
            }
            Arg::Value(_) => {
                return Err(usage(
                    "unexpected extra argument after the file (not shown, in case it is a secret)",
                ))
            }
        }
    }
    let file =
        file.ok_or_else(|| usage("fleet needs a TOML file of connections, e.g. fleet jira.toml"))?;
    Ok(Command::Fleet(FleetArgs {
        file,
        parallel,
        expiring_within,
        now,
        common: common.build(),
    }))
}

fn parse_parallel(v: &str) -> Result<usize, UsageError> {
    match v.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_PARALLEL).contains(&n) => Ok(n),
        _ => Err(usage(format!(
            "--parallel needs a whole number from 1 to {MAX_PARALLEL}"
        ))),
    }
}

fn parse_days(v: &str) -> Result<i64, UsageError> {
    match v.trim().parse::<i64>() {
        Ok(n) if (0..=MAX_EXPIRING_WITHIN).contains(&n) => Ok(n),
        _ => Err(usage(format!(
            "--expiring-within needs a whole number of days from 0 to {MAX_EXPIRING_WITHIN}"
        ))),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::parse;
    use super::*;

    fn fleet(args: &[&str]) -> Result<FleetArgs, UsageError> {
        let mut argv = vec!["fleet".into()];
        argv.extend(args.iter().map(|a| std::ffi::OsString::from(*a)));
        match parse(argv)? {
            Command::Fleet(f) => Ok(f),
            other => panic!("not fleet: {other:?}"),
        }
    }

    #[test]
    fn defaults_and_options() {
        let f = fleet(&["conns.toml"]).unwrap();
        assert_eq!(f.file, PathBuf::from("conns.toml"));
        assert_eq!(f.parallel, DEFAULT_PARALLEL);
        assert_eq!(f.expiring_within, None);
        let f = fleet(&[
            "--parallel=4",
            "c.toml",
            "--expiring-within",
            "14",
            "--now",
            "2025-06-02T10:15:30Z",
            "--format",
            "json",
            "--timeout",
            "3",
        ])
        .unwrap();
        assert_eq!(
            (f.parallel, f.expiring_within, f.now.as_deref()),
            (4, Some(14), Some("2025-06-02T10:15:30Z"))
        );
        assert_eq!(f.common.timeout_ms, 3000);
    }

    #[test]
    fn bad_values_are_usage_errors() {
        for args in [
            &["c.toml", "--parallel", "0"][..],
            &["c.toml", "--parallel", "1000"],
            &["c.toml", "--expiring-within", "-1"],
            &["c.toml", "--expiring-within", "soon"],
            &["c.toml", "--report", "r.md"],
            &["c.toml", "other.toml"],
            &["--parallel", "2"],
        ] {
            assert!(fleet(args).is_err(), "{args:?}");
        }
        assert_eq!(
            parse(vec!["fleet".into(), "--help".into()]).unwrap(),
            Command::Help(Some("fleet"))
        );
    }
}
