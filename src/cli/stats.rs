//! Counts for `--stats` / `--stats-json`, and the one place that writes to
//! stderr while a progress bar may be drawn there.

use std::io::IsTerminal;
use std::time::Duration;

use dechrome::{Category, Cleaned};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Pages cleaned (a JSONL record is one page).
    pub documents: u64,
    /// JSONL records passed through, dropped or fatal because they were not
    /// valid or had no string text field.
    pub bad_records: u64,
    /// Uncompressed bytes read (whole records for JSONL).
    pub bytes_in: u64,
    /// Uncompressed bytes written.
    pub bytes_out: u64,
    pub lines_kept: u64,
    /// Dropped lines per category, in the order of [`Category::ALL`].
    pub dropped: [u64; Category::ALL.len()],
}

impl Stats {
    /// Counts one cleaned page.
    pub fn add_page(&mut self, cleaned: &Cleaned<'_>) {
        self.documents += 1;
        self.lines_kept += cleaned.kept() as u64;
        for (n, d) in self.dropped.iter_mut().zip(cleaned.dropped_by_category()) {
            *n += d as u64;
        }
    }

    pub fn merge(&mut self, o: &Stats) {
        self.documents += o.documents;
        self.bad_records += o.bad_records;
        self.bytes_in += o.bytes_in;
        self.bytes_out += o.bytes_out;
        self.lines_kept += o.lines_kept;
        for (n, d) in self.dropped.iter_mut().zip(o.dropped) {
            *n += d;
        }
    }

    fn mb_per_s(&self, elapsed: Duration) -> f64 {
        self.bytes_in as f64 / 1e6 / elapsed.as_secs_f64().max(1e-9)
    }

    /// The human summary for stderr.
    pub fn summary(&self, elapsed: Duration) -> String {
        let dropped: u64 = self.dropped.iter().sum();
        let mut s = format!(
            "dechrome: {} documents, {} bad records, {} bytes in, {} bytes out, {:.3} s, {:.1} MB/s\n\
             dechrome: lines kept {}, dropped {}",
            self.documents,
            self.bad_records,
            self.bytes_in,
            self.bytes_out,
            elapsed.as_secs_f64(),
            self.mb_per_s(elapsed),
            self.lines_kept,
            dropped,
        );
        let parts: Vec<String> = Category::ALL
            .iter()
            .zip(self.dropped)
            .filter(|(_, n)| *n > 0)
            .map(|(c, n)| format!("{} {n}", c.name()))
            .collect();
        if !parts.is_empty() {
            s.push_str(&format!(" ({})", parts.join(", ")));
        }
        s
    }

    /// The same as JSON.
    pub fn to_json(&self, elapsed: Duration) -> serde_json::Value {
        let dropped: serde_json::Map<String, serde_json::Value> = Category::ALL
            .iter()
            .zip(self.dropped)
            .map(|(c, n)| (c.name().to_string(), n.into()))
            .collect();
        serde_json::json!({
            "documents": self.documents,
            "bad_records": self.bad_records,
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "seconds": elapsed.as_secs_f64(),
            "mb_per_s": self.mb_per_s(elapsed),
            "lines_kept": self.lines_kept,
            "lines_dropped": self.dropped.iter().sum::<u64>(),
            "dropped_by_category": dropped,
        })
    }
}

/// A run shorter than this shows no progress bar.
const PROGRESS_DELAY: std::time::Duration = std::time::Duration::from_secs(1);

/// Writes messages to stderr, around the progress bar when there is one.
pub struct Reporter {
    progress: Option<ProgressBar>,
}

impl Reporter {
    /// A progress bar over `total` raw input bytes (a spinner when unknown)
    /// only when stderr is a terminal and not `quiet`, drawn once the run
    /// has lasted [`PROGRESS_DELAY`].
    pub fn new(quiet: bool, total: Option<u64>) -> Reporter {
        let progress = (!quiet && std::io::stderr().is_terminal()).then(|| {
            // Hidden for the first second: a short run draws nothing.
            let pb = ProgressBar::with_draw_target(total, ProgressDrawTarget::hidden());
            let shown = pb.clone();
            std::thread::spawn(move || {
                std::thread::sleep(PROGRESS_DELAY);
                if !shown.is_finished() {
                    shown.set_draw_target(ProgressDrawTarget::stderr());
                }
            });
            let style = match total {
                Some(_) => ProgressStyle::with_template(
                    "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                ),
                None => ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec}"),
            };
            if let Ok(style) = style {
                pb.set_style(style);
            }
            pb
        });
        Reporter { progress }
    }

    pub fn progress(&self) -> Option<&ProgressBar> {
        self.progress.as_ref()
    }

    /// Prints one line on stderr.
    pub fn line(&self, msg: &str) {
        match &self.progress {
            Some(pb) => pb.suspend(|| say(msg)),
            None => say(msg),
        }
    }

    /// Prints `dechrome: msg`.
    pub fn error(&self, msg: impl std::fmt::Display) {
        self.line(&format!("dechrome: {msg}"));
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(pb) = &self.progress {
            pb.finish_and_clear();
        }
    }
}

/// Writes one line on stderr. A stderr that cannot be written (a full disk,
/// a closed pipe) must not turn a message into a panic: the exit status
/// still tells what happened.
pub fn say(msg: impl std::fmt::Display) {
    use std::io::Write;
    let msg = without_os_error_codes(&msg.to_string());
    let _ = writeln!(std::io::stderr().lock(), "{msg}");
}

/// `msg` without the ` (os error 2)` that Rust adds to the system's own
/// words (`No such file or directory`): the number tells a user nothing.
fn without_os_error_codes(msg: &str) -> String {
    const MARK: &str = " (os error ";
    let mut out = String::with_capacity(msg.len());
    let mut rest = msg;
    while let Some(i) = rest.find(MARK) {
        let after = &rest[i + MARK.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(')') {
            out.push_str(&rest[..i]);
            rest = &after[digits + 1..];
        } else {
            out.push_str(&rest[..i + MARK.len()]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_error_codes_left_out() {
        for (msg, want) in [
            (
                "dechrome: a.txt: No such file or directory (os error 2)",
                "dechrome: a.txt: No such file or directory",
            ),
            (
                "x: Permission denied (os error 13); y: Is a directory (os error 21)",
                "x: Permission denied; y: Is a directory",
            ),
            ("a (os error x) b (os error ", "a (os error x) b (os error "),
            ("f:3: no field text", "f:3: no field text"),
        ] {
            assert_eq!(without_os_error_codes(msg), want);
        }
    }

    #[test]
    fn summary_and_json_agree() {
        let cleaner = dechrome::Cleaner::new();
        let mut s = Stats::default();
        s.add_page(&cleaner.clean(b"SHARE THIS ARTICLE\n\nHello there.\n"));
        s.bytes_in = 2_000_000;
        let mut t = s.clone();
        t.merge(&s);
        assert_eq!(t.documents, 2);
        let text = t.summary(Duration::from_secs(2));
        assert!(text.contains("2 documents"), "{text}");
        assert!(text.contains("2.0 MB/s"), "{text}");
        assert!(text.contains("social 2"), "{text}");
        let j = t.to_json(Duration::from_secs(2));
        assert_eq!(j["documents"], 2);
        assert_eq!(j["dropped_by_category"]["social"], 2);
        assert_eq!(j["bytes_in"], 4_000_000);
    }
}
