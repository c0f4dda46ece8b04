//! `fleet`'s progress on stderr: a bar redrawn in place when stderr is a terminal, else one
//! plain line per finished connection (logs, CI). Lines name the connection and its verdict
//! code, nothing else; the caller redacts them.

use super::{Outcome, Row};
use std::io::{IsTerminal, Write};
use std::sync::Mutex;

/// Width of the bar, in cells.
const BAR_CELLS: usize = 30;

/// Counts finished connections and shows them.
pub struct Progress {
    total: usize,
    done: Mutex<usize>,
    terminal: bool,
}

impl Progress {
    pub fn new(total: usize) -> Progress {
        Progress {
            total,
            done: Mutex::new(0),
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// One more connection finished; `line` says which and how.
    pub fn done(&self, line: &str) {
        let Ok(mut done) = self.done.lock() else {
            return;
        };
        *done += 1;
        let mut err = std::io::stderr().lock();
        let _ = if self.terminal {
            write!(err, "\r{}", bar(*done, self.total))
        } else {
            writeln!(err, "fleet: [{}/{}] {line}", *done, self.total)
        };
        let _ = err.flush();
    }

    /// Clears the bar (a terminal only), so the table starts on a clean line.
    pub fn finish(&self) {
        if self.terminal {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[K");
        }
    }
}

/// `[#########.....]  37/200`.
fn bar(done: usize, total: usize) -> String {
    let filled = (done * BAR_CELLS).checked_div(total).unwrap_or(BAR_CELLS);
    format!(
        "[{}{}] {done:>w$}/{total} connections tested",
        "#".repeat(filled),
        ".".repeat(BAR_CELLS - filled.min(BAR_CELLS)),
        w = total.to_string().len()
    )
}

/// `NAME: status (verdict code)` or `NAME: error`.
pub fn line(row: &Row) -> String {
    match &row.outcome {
        Outcome::Tested(r) => format!(
            "{}: {} ({})",
            row.name,
            row.status.as_str(),
            r.verdict.code.as_str()
        ),
        Outcome::Error(_) => format!("{}: error (not tested)", row.name),
    }
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn the_bar_fills_in_proportion() {
        assert_eq!(
            bar(0, 4),
            format!("[{}] 0/4 connections tested", ".".repeat(30))
        );
        assert_eq!(
            bar(2, 4),
            format!(
                "[{}{}] 2/4 connections tested",
                "#".repeat(15),
                ".".repeat(15)
            )
        );
        assert_eq!(
            bar(200, 200),
            format!("[{}] 200/200 connections tested", "#".repeat(30))
        );
    }
}
