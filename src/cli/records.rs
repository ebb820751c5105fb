//! JSONL: records are read in batches of about a megabyte per thread,
//! cleaned in parallel, and written in input order while the next batch is
//! read, so memory stays bounded whatever the size of the input.

use std::io::{self, BufRead, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use dechrome::jsonl::{self, FieldPath, RecordError};

/// Why a record was not cleaned.
#[derive(Debug)]
enum BadRecord {
    /// No text field to clean.
    Field(RecordError),
    /// `--annotate FIELD`: the record has a member FIELD already, which
    /// the annotation would hide (the last copy of a key counts).
    AnnotationClash(String),
}

impl std::fmt::Display for BadRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BadRecord::Field(e) => e.fmt(f),
            BadRecord::AnnotationClash(key) => write!(
                f,
                "the record has a member {key} already (--annotate {key} would hide it)"
            ),
        }
    }
}
use dechrome::Cleaner;
use rayon::prelude::*;

use super::stats::{Reporter, Stats};
use super::OnError;

/// What every record of a run is cleaned with.
pub struct RecordCtx<'a> {
    pub cleaner: &'a Cleaner,
    pub field: &'a FieldPath,
    pub on_error: OnError,
    /// `--annotate FIELD`: the member added to each record.
    pub annotate: Option<&'a str>,
    /// Worker threads; 1 runs everything on the calling thread.
    pub threads: usize,
    /// Set by `--on-error fail` at the first bad record: every stream stops.
    pub stop: &'a AtomicBool,
}

/// How a stream ended.
#[derive(Debug, Default)]
pub struct Outcome {
    pub stats: Stats,
    /// Some record was bad (reported).
    pub bad_records: bool,
    /// Stopped before the end (`--on-error fail`, here or in another file).
    pub stopped: bool,
    /// Lines (records and blank lines) read and written.
    pub lines: u64,
}

/// Why a stream could not be finished.
#[derive(Debug)]
pub enum StreamError {
    /// Reading failed; the whole lines before the failure were cleaned and
    /// written (counted in the outcome).
    Read(io::Error, Box<Outcome>),
    Write(io::Error),
}

/// Bytes of records per batch and per thread.
const BATCH_BYTES_PER_THREAD: usize = 1 << 20;
/// Records per batch and per thread, whatever their size.
const BATCH_RECORDS_PER_THREAD: usize = 2048;

/// Lines read together; `ends[i]` is the end of line `i` in `data`.
#[derive(Default)]
struct Batch {
    data: Vec<u8>,
    ends: Vec<usize>,
}

impl Batch {
    fn lines(&self) -> impl Iterator<Item = &[u8]> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(s, e)| &self.data[s..e])
    }
}

/// The next lines of `r`; on a read error, the whole lines read before it
/// and the error (a partial line is left out).
fn read_batch(
    r: &mut dyn BufRead,
    max_bytes: usize,
    max_records: usize,
) -> (Batch, Option<io::Error>) {
    let mut b = Batch::default();
    while b.data.len() < max_bytes && b.ends.len() < max_records {
        match r.read_until(b'\n', &mut b.data) {
            Ok(0) => break,
            Ok(_) => b.ends.push(b.data.len()),
            Err(e) => {
                b.data.truncate(b.ends.last().copied().unwrap_or(0));
                return (b, Some(e));
            }
        }
    }
    (b, None)
}

/// Cleans every record of `r` into `out`; bad records are reported on
/// stderr as `name:line: reason`.
pub fn clean_stream(
    ctx: &RecordCtx<'_>,
    name: &str,
    r: &mut (dyn BufRead + Send),
    out: &mut dyn Write,
    rep: &Reporter,
) -> Result<Outcome, StreamError> {
    let threads = ctx.threads.max(1);
    let (max_bytes, max_records) = (
        BATCH_BYTES_PER_THREAD * threads,
        BATCH_RECORDS_PER_THREAD * threads,
    );
    let mut outcome = Outcome::default();
    let mut line_no: u64 = 0;
    let (mut batch, mut read_error) = read_batch(r, max_bytes, max_records);
    while !batch.ends.is_empty() {
        if ctx.stop.load(Ordering::Relaxed) {
            outcome.stopped = true;
            return Ok(outcome);
        }
        // Clean this batch while the next one is read.
        let (results, next) = if threads > 1 {
            rayon::join(
                || {
                    let lines: Vec<&[u8]> = batch.lines().collect();
                    lines
                        .par_iter()
                        .map(|l| clean_record(ctx, l))
                        .collect::<Vec<_>>()
                },
                || next_batch(r, read_error.is_some(), max_bytes, max_records),
            )
        } else {
            let results: Vec<_> = batch.lines().map(|l| clean_record(ctx, l)).collect();
            (
                results,
                next_batch(r, read_error.is_some(), max_bytes, max_records),
            )
        };
        for (line, (result, stats)) in batch.lines().zip(results) {
            line_no += 1;
            outcome.lines = line_no;
            outcome.stats.merge(&stats);
            outcome.stats.bytes_in += line.len() as u64;
            let written: &[u8] = match &result {
                Ok(cleaned) => cleaned,
                Err(e) => {
                    // Under --on-error fail the run ends here: say so.
                    let stop = if matches!(ctx.on_error, OnError::Fail) {
                        " (--on-error fail: stopped here)"
                    } else {
                        ""
                    };
                    rep.line(&format!("{name}:{line_no}: {e}{stop}"));
                    outcome.bad_records = true;
                    outcome.stats.bad_records += 1;
                    match ctx.on_error {
                        OnError::Keep => line,
                        OnError::Drop => b"",
                        OnError::Fail => {
                            ctx.stop.store(true, Ordering::Relaxed);
                            outcome.stopped = true;
                            return Ok(outcome);
                        }
                    }
                }
            };
            out.write_all(written).map_err(StreamError::Write)?;
            outcome.stats.bytes_out += written.len() as u64;
        }
        if let Some(e) = read_error {
            return Err(StreamError::Read(e, Box::new(outcome)));
        }
        (batch, read_error) = next;
    }
    match read_error {
        Some(e) => Err(StreamError::Read(e, Box::new(outcome))),
        None => Ok(outcome),
    }
}

/// The batch after one read with `failed` or not: nothing more is read
/// after a read error.
fn next_batch(
    r: &mut dyn BufRead,
    failed: bool,
    max_bytes: usize,
    max_records: usize,
) -> (Batch, Option<io::Error>) {
    if failed {
        (Batch::default(), None)
    } else {
        read_batch(r, max_bytes, max_records)
    }
}

/// One record (with its line terminator, if any): the record with its text
/// field cleaned, or why it has none. A blank line is passed through.
fn clean_record(ctx: &RecordCtx<'_>, line: &[u8]) -> (Result<Vec<u8>, BadRecord>, Stats) {
    let mut stats = Stats::default();
    let content = line.strip_suffix(b"\n").unwrap_or(line);
    if content.iter().all(u8::is_ascii_whitespace) {
        return (Ok(line.to_vec()), stats);
    }
    let field = match jsonl::find_string_field(content, ctx.field) {
        Ok(f) => f,
        Err(e) => return (Err(BadRecord::Field(e)), stats),
    };
    if let Some(key) = ctx.annotate {
        match jsonl::find_string_field(content, &FieldPath::member(key)) {
            Err(RecordError::Missing(_)) => {}
            _ => return (Err(BadRecord::AnnotationClash(key.to_string())), stats),
        }
    }
    let cleaned = ctx.cleaner.clean(field.value.as_bytes());
    stats.add_page(&cleaned);
    let mut text = Vec::with_capacity(field.value.len());
    cleaned.render_into(&mut text);
    // Kept lines are whole lines of valid UTF-8, trimmed of whitespace
    // characters: still valid UTF-8. Lossy only as a guard.
    let text = String::from_utf8(text)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    let mut out = Vec::with_capacity(line.len());
    jsonl::splice(line, field.span, &text, &mut out);
    if let Some(key) = ctx.annotate {
        let mut note = Vec::new();
        jsonl::write_annotation(&cleaned, &mut note);
        let mut with_note = Vec::with_capacity(out.len() + note.len() + key.len() + 4);
        if jsonl::append_member(&out, key, &note, &mut with_note) {
            out = with_note;
        }
    }
    (Ok(out), stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn run(input: &str, on_error: OnError, threads: usize) -> (String, Outcome) {
        let cleaner = Cleaner::new();
        let field = FieldPath::parse("text").unwrap();
        let stop = AtomicBool::new(false);
        let ctx = RecordCtx {
            cleaner: &cleaner,
            field: &field,
            on_error,
            annotate: None,
            threads,
            stop: &stop,
        };
        let mut out = Vec::new();
        let rep = Reporter::new(true, None);
        let o = clean_stream(&ctx, "t", &mut Cursor::new(input), &mut out, &rep).unwrap();
        (String::from_utf8(out).unwrap(), o)
    }

    /// The text field as the plain-text mode would write it, JSON-encoded.
    fn lib(text: &str) -> String {
        static CLEANER: std::sync::OnceLock<Cleaner> = std::sync::OnceLock::new();
        let rendered = CLEANER
            .get_or_init(Cleaner::new)
            .clean(text.as_bytes())
            .render();
        let mut out = Vec::new();
        jsonl::write_json_string(std::str::from_utf8(&rendered).unwrap(), &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn records_in_order_with_terminators_kept() {
        let page = "SHARE THIS ARTICLE\n\nThe council met on Tuesday evening to discuss the plan, and most of the members said that they were in favour of it.";
        let mut json = Vec::new();
        jsonl::write_json_string(page, &mut json);
        let json = String::from_utf8(json).unwrap();
        let input = format!("{{\"text\":{json}}}\r\n\n {{\"a\":1,\"text\":\"x\"}}");
        let want = format!(
            "{{\"text\":{}}}\r\n\n {{\"a\":1,\"text\":{}}}",
            lib(page),
            lib("x")
        );
        assert!(!want.contains("SHARE"));
        for threads in [1, 2] {
            let (out, o) = run(&input, OnError::Keep, threads);
            assert_eq!(out, want);
            assert_eq!(o.stats.documents, 2);
            assert!(!o.bad_records);
        }
    }

    #[test]
    fn bad_records_kept_dropped_or_fatal() {
        let input = "{\"text\":\"a\"}\nnot json\n{\"text\":\"b\"}\n";
        let (a, b) = (lib("a"), lib("b"));
        let (out, o) = run(input, OnError::Keep, 1);
        assert_eq!(
            out,
            format!("{{\"text\":{a}}}\nnot json\n{{\"text\":{b}}}\n")
        );
        assert!(o.bad_records && !o.stopped);
        let (out, _) = run(input, OnError::Drop, 2);
        assert_eq!(out, format!("{{\"text\":{a}}}\n{{\"text\":{b}}}\n"));
        let (out, o) = run(input, OnError::Fail, 1);
        assert_eq!(out, format!("{{\"text\":{a}}}\n"));
        assert!(o.stopped);
    }

    #[test]
    fn many_batches_stay_in_order() {
        let n = 3 * BATCH_RECORDS_PER_THREAD * 2 + 17;
        let text =
            |i: usize| format!("Record number {i} is about the town council and the library plan.");
        let input: String = (0..n)
            .map(|i| format!("{{\"i\":{i},\"text\":\"{}\"}}\n", text(i)))
            .collect();
        let want: String = (0..n)
            .map(|i| format!("{{\"i\":{i},\"text\":{}}}\n", lib(&text(i))))
            .collect();
        for threads in [1, 2, 3] {
            assert_eq!(run(&input, OnError::Keep, threads).0, want);
        }
    }
}
