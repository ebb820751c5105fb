//! The `dechrome` binary: arguments -> config -> one cleaner -> jobs (one
//! per input file) -> cleaned in parallel, written in input order. Errors on
//! one input or record are reported with its path (and line) and the run
//! goes on; the exit status says whether any failed.

mod cli;

use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use anyhow::Context;
use dechrome::{Cleaner, CleanerBuilder};
use rayon::prelude::*;

use cli::codec::{self, Codec, Encoder};
use cli::plan::{self, Job};
use cli::records::{self, RecordCtx, StreamError};
use cli::stats::{say, Reporter, Stats};
use cli::temps::Temp;
use cli::{Cli, Config, Format, Input, Target};

fn main() -> ExitCode {
    fixed_mmap_threshold();
    let cli = match Cli::parse_args() {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    if let Some(what) = cli.generate {
        let mut out = io::stdout().lock();
        return match cli::generate::generate(what, &mut out).and_then(|()| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                say(format!("dechrome: <stdout>: {e}"));
                ExitCode::from(1)
            }
        };
    }
    let cfg = match cli.into_config() {
        Ok(c) => c,
        Err(e) => return usage_error(e),
    };
    match run(cfg) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            say(format!("dechrome: {e:#}"));
            ExitCode::from(1)
        }
    }
}

/// Blocks from this size up get a mapping of their own from glibc's
/// `malloc`, given back to the system when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: std::ffi::c_int = 256 * 1024;

/// Keeps glibc's mmap threshold at [`MMAP_THRESHOLD`]. By default glibc
/// raises it to the size of the largest mapped block freed so far (up to
/// 32 MB): on a large page, once the first stage's vectors (a few MB) go,
/// the later stages' vectors come from the heap, whose holes are not given
/// back, and the peak resident size grows by some 10 MB on a 38 MB page
/// (the live data does not). Pages of ordinary size (vectors under 256 KB)
/// are served as before.
fn fixed_mmap_threshold() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
        }
        /// glibc's `M_MMAP_THRESHOLD` (malloc.h).
        const M_MMAP_THRESHOLD: std::ffi::c_int = -3;
        // SAFETY: mallopt only sets a tuning parameter of glibc's malloc
        // (it returns 0 when it refuses the value; then nothing changes).
        // It runs first thing in `main`, before any other thread exists.
        unsafe {
            mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        }
    }
}

fn usage_error(e: clap::Error) -> ExitCode {
    let code = if e.use_stderr() { 2 } else { 0 };
    let _ = e.print();
    ExitCode::from(code)
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// What every job of a run shares.
struct Ctx<'a> {
    cfg: &'a Config,
    cleaner: &'a Cleaner,
    rep: &'a Reporter,
    /// Set at the first bad record under `--on-error fail`.
    stop: AtomicBool,
    /// Output directories that could not be created (reported once).
    failed_dirs: Mutex<HashSet<PathBuf>>,
    /// Directories where no temporary file could be made, by real path
    /// and the kind of error (said once for each at the end).
    no_temp: Mutex<HashMap<(PathBuf, io::ErrorKind), NoTemp>>,
}

/// The files of one directory where no temporary file could be made, for
/// one kind of error: the first by input order is reported with the
/// reason, the others counted.
struct NoTemp {
    /// The job index of the first file.
    first: usize,
    /// The message for the first file.
    message: String,
    /// The directory as shown to the user.
    shown: String,
    /// How many more files failed there the same way.
    more: u64,
}

/// `m` locked, even if a thread panicked while holding it.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Ctx<'_> {
    fn records(&self) -> RecordCtx<'_> {
        RecordCtx {
            cleaner: self.cleaner,
            field: &self.cfg.text_field,
            on_error: self.cfg.on_error,
            annotate: self.cfg.annotate.as_deref(),
            threads: self.cfg.threads,
            stop: &self.stop,
        }
    }

    /// `f` over `items`, in parallel unless `-j 1`; results in order.
    fn map<T: Sync, R: Send>(&self, items: &[T], f: impl Fn(&T) -> R + Sync + Send) -> Vec<R> {
        if self.cfg.threads > 1 {
            items.par_iter().map(f).collect()
        } else {
            items.iter().map(f).collect()
        }
    }
}

/// Cleans every input; `Ok(false)` if some input or record failed.
fn run(cfg: Config) -> anyhow::Result<bool> {
    let start = Instant::now();
    let cleaner = CleanerBuilder::new()
        .mode(cfg.mode)
        .language(cfg.lang)
        .build()
        .context("building the cleaner")?;
    if cfg.threads > 1 {
        // Fails only if a pool was already built: then that one is used.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(cfg.threads)
            .build_global();
    }
    let (jobs, planned) = plan::plan(&cfg, &Reporter::new(true, None));
    // Nothing to say when there is no input at all (an empty directory).
    if !cfg.quiet && !jobs.is_empty() && !jobs.iter().any(|j| j.format == Format::Jsonl) {
        if let Some(msg) = cli::jsonl_options_unused(&cfg.jsonl_options) {
            say(msg);
        }
    }
    // Files written through temporary files: a run stopped by a signal
    // removes them (a failure to install the handler only means that
    // they may remain, as after SIGKILL).
    if cfg.target != Target::Stdout || cfg.stats_json.is_some() {
        let _ = cli::temps::remove_on_signal();
    }
    // Checked before any work, so that a run of hours does not end in a
    // summary that cannot be written; but not cut: a run that fails or is
    // killed leaves an earlier summary as it was (the new one goes through
    // a temporary file when it can).
    let stats_file = match &cfg.stats_json {
        Some(p) => Some(stats_output(p).with_context(|| format!("cannot create {}", p.display()))?),
        None => None,
    };
    // Each input's size, read once (a file named for the stream: when it
    // was planned): for the progress bar's total and the windows of pages
    // cleaned together.
    let sizes: Vec<Option<u64>> = jobs
        .iter()
        .map(|j| match &j.input {
            Input::File(p) => j.size.or_else(|| fs::metadata(p).ok().map(|m| m.len())),
            Input::Stdin => None,
        })
        .collect();
    let total = sizes.iter().copied().sum::<Option<u64>>();
    // A long run needs every regex and automaton the cleaner builds
    // lazily: over several threads they are built here, in parallel, so
    // that no thread waits while another compiles one.
    if cfg.threads > 1 && sizes.iter().flatten().sum::<u64>() >= WARM_UP_BYTES {
        cleaner.warm_up(cfg.threads);
    }
    let rep = Reporter::new(cfg.quiet, total);
    let ctx = Ctx {
        cfg: &cfg,
        cleaner: &cleaner,
        rep: &rep,
        stop: AtomicBool::new(false),
        failed_dirs: Mutex::new(HashSet::new()),
        no_temp: Mutex::new(HashMap::new()),
    };
    let result = match &cfg.target {
        Target::Stdout | Target::File(_) => run_stream(&ctx, &jobs, &sizes, planned),
        Target::Dir(_) | Target::InPlace => Ok(run_files(&ctx, &jobs)),
    };
    rep.finish();
    let (stats, mut ok) = result?;
    let elapsed = start.elapsed();
    if cfg.stats && !cfg.quiet {
        say(stats.summary(elapsed));
    }
    if let (Some(p), Some(dest)) = (&cfg.stats_json, stats_file) {
        let json = serde_json::to_string_pretty(&stats.to_json(elapsed))? + "\n";
        let written = match dest {
            OutputFile::Direct => File::create(p)
                .and_then(|mut f| f.write_all(json.as_bytes()))
                .map_err(|e| format!("write failed: {e}")),
            OutputFile::Staged(staged) => {
                let Staged {
                    mut tmp,
                    path,
                    old,
                    copy,
                } = *staged;
                tmp.write_all(json.as_bytes())
                    .map_err(BodyError::Write)
                    .and_then(|()| commit(tmp, &path, old.as_ref(), copy))
                    .map_err(|e| match e {
                        BodyError::Write(e) => format!("write failed: {e}"),
                        BodyError::Step(why) => why,
                        BodyError::Abandoned | BodyError::NoTemp(..) => "not written".to_string(),
                    })
            }
        };
        if let Err(why) = written {
            say(format!("dechrome: {}: {why}", p.display()));
            ok = false;
        }
    }
    Ok(planned && ok)
}

/// All results one after the other into standard output or one file.
/// `planned`: whether every input could be planned (a directory among the
/// inputs cannot be read as a page).
fn run_stream(
    ctx: &Ctx<'_>,
    jobs: &[Job],
    sizes: &[Option<u64>],
    planned: bool,
) -> anyhow::Result<(Stats, bool)> {
    let (sink, out_name, codec): (Box<dyn Write>, String, Codec) = match &ctx.cfg.target {
        Target::File(p) => {
            let codec = Codec::for_output_name(p);
            let name = p.display().to_string();
            let cannot = || format!("cannot create {}", p.display());
            match output_file(p).with_context(cannot)? {
                OutputFile::Direct => {
                    (Box::new(File::create(p).with_context(cannot)?), name, codec)
                }
                OutputFile::Staged(staged) => {
                    return run_stream_staged(ctx, jobs, sizes, planned, p, *staged, codec)
                }
            }
        }
        _ => (
            Box::new(io::stdout().lock()),
            "<stdout>".to_string(),
            Codec::Plain,
        ),
    };
    let write_failed = || format!("{out_name}: write failed");
    let mut out =
        Encoder::new(BufWriter::with_capacity(1 << 16, sink), codec).with_context(write_failed)?;
    let streamed = stream_jobs(ctx, jobs, sizes, &mut out, &out_name)?;
    out.finish().with_context(write_failed)?;
    Ok((streamed.stats, streamed.ok))
}

/// How one output file (`-o FILE`, `--stats-json`) is written.
enum OutputFile {
    /// Opened and written as it is (cut at the start): not a regular file
    /// (a device such as `/dev/null`, a named pipe, a dangling symlink); a
    /// directory where no temporary file can be made (read-only) and no
    /// file to copy into (see [`output_file`]); a missing
    /// directory (the error is the one opening it gives).
    Direct,
    /// Through a temporary file beside it (else in the system's temporary
    /// directory), renamed over it (or copied into it) at the end.
    Staged(Box<Staged>),
}

/// A file to be replaced through a temporary file in its directory.
struct Staged {
    tmp: Temp,
    /// The file replaced: a new FILE, or an existing FILE's real path
    /// (symlinks resolved: a link stays a link).
    path: PathBuf,
    /// An existing file's metadata (its permissions and group are kept);
    /// `None` for a new file.
    old: Option<fs::Metadata>,
    /// Copied into the file at the end rather than renamed over it: a file
    /// that a rename would change (other hard links, which would keep the
    /// old content; another user's, which would become the runner's).
    copy: bool,
}

/// How `p` is to be written. An existing regular file the user may not
/// write is an error (`Permission denied`, as when it is opened directly:
/// the rename its directory allows would replace it all the same).
fn output_file(p: &std::path::Path) -> io::Result<OutputFile> {
    let (path, old) = match fs::symlink_metadata(p) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => (p.to_path_buf(), None),
        Err(_) => return Ok(OutputFile::Direct),
        Ok(_) => {
            let Ok(real) = p.canonicalize() else {
                return Ok(OutputFile::Direct);
            };
            match fs::metadata(&real) {
                Ok(meta) if meta.is_file() => {}
                _ => return Ok(OutputFile::Direct),
            }
            // Opened for writing, not cut: unchanged.
            File::options().write(true).open(&real)?;
            let meta = fs::metadata(&real)?;
            (real, Some(meta))
        }
    };
    let copy = old.as_ref().is_some_and(|m| !renamable(m));
    let builder = temp_builder(old.is_none());
    let staged = match Temp::new_in(&builder, dir_of(&path)) {
        Ok(tmp) => Staged {
            tmp,
            path,
            old,
            copy,
        },
        // No temporary file beside an existing FILE (a read-only directory
        // holding a file the user may write): it is made in the system's
        // temporary directory and copied into FILE at the end, so FILE
        // still changes only when the whole output is ready.
        Err(_) if old.is_some() => match Temp::new_in(&builder, &std::env::temp_dir()) {
            Ok(tmp) => Staged {
                tmp,
                path,
                old,
                copy: true,
            },
            Err(_) => return Ok(OutputFile::Direct),
        },
        Err(_) => return Ok(OutputFile::Direct),
    };
    Ok(OutputFile::Staged(Box::new(staged)))
}

/// How the `--stats-json` file `p` will be written, checked at the start
/// without cutting it: through a temporary file when it can, else opened
/// for writing now (an error here stops the run before any work).
fn stats_output(p: &std::path::Path) -> io::Result<OutputFile> {
    let dest = output_file(p)?;
    if let OutputFile::Direct = dest {
        // Not cut: an earlier summary stays until the new one is written.
        File::options()
            .write(true)
            .create(true)
            .truncate(false)
            .open(p)?;
    }
    Ok(dest)
}

/// Whether an existing regular file can be replaced by a new one (a
/// rename) without changing what it is: no other hard link, owned by the
/// user running (a new file is the runner's, whoever owned the old one).
fn renamable(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions and cannot fail.
        let euid = unsafe { libc::geteuid() };
        meta.nlink() == 1 && meta.uid() == euid
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        true
    }
}

/// The directory of `path` (`.` when it names none).
fn dir_of(path: &std::path::Path) -> &std::path::Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."))
}

/// [`run_stream`] into `staged`, all or nothing: only when every input was
/// read to its end and no bad record stopped the run (`--on-error fail`)
/// is the file replaced. A run that is killed, fails to write, or could
/// not read some input leaves it as it was (new: absent), and says so once.
fn run_stream_staged(
    ctx: &Ctx<'_>,
    jobs: &[Job],
    sizes: &[Option<u64>],
    planned: bool,
    shown: &std::path::Path,
    staged: Staged,
    codec: Codec,
) -> anyhow::Result<(Stats, bool)> {
    let name = shown.display().to_string();
    let left = if staged.old.is_some() {
        "left as it was"
    } else {
        "not written"
    };
    let mut result = None;
    let mut incomplete = false;
    let mut body = |w: &mut dyn Write| -> Result<(), BodyError> {
        let r = stream_jobs(ctx, jobs, sizes, w, &name);
        let keep = r.as_ref().is_ok_and(|s| s.whole && planned);
        incomplete = r.is_ok() && !keep;
        result = Some(r);
        if keep {
            Ok(())
        } else {
            Err(BodyError::Abandoned)
        }
    };
    let written = write_staged(staged, codec, &mut body);
    if incomplete {
        let why = if ctx.stop.load(Ordering::Relaxed) {
            "a bad record stopped the run (--on-error fail)"
        } else {
            "some input could not be read"
        };
        ctx.rep.error(format_args!("{name} {left}: {why}"));
    }
    match written {
        Ok(()) | Err(BodyError::Abandoned) => result
            .unwrap_or_else(|| Ok(Streamed::default()))
            .map(|s| (s.stats, s.ok)),
        Err(BodyError::Write(e)) => {
            Err(anyhow::Error::new(e).context(format!("{name}: write failed")))
        }
        Err(BodyError::Step(why)) => Err(anyhow::anyhow!("cannot write {name}: {why}")),
        Err(BodyError::NoTemp(_, shown, e)) => Err(anyhow::anyhow!(
            "cannot write {name}: cannot create a temporary file in {shown}: {}",
            without_temp_path(&e)
        )),
    }
}

/// What [`stream_jobs`] did.
#[derive(Default)]
struct Streamed {
    stats: Stats,
    /// Every input and record was cleaned.
    ok: bool,
    /// The output is complete: every input was read to its end and no bad
    /// record stopped the run (bad records kept or dropped by `--on-error`
    /// are part of a complete output).
    whole: bool,
}

/// Cleans `jobs` into `out`, one after the other (`out_name` in messages).
/// Only a failed write is an `Err`.
fn stream_jobs(
    ctx: &Ctx<'_>,
    jobs: &[Job],
    sizes: &[Option<u64>],
    mut out: &mut dyn Write,
    out_name: &str,
) -> anyhow::Result<Streamed> {
    let write_failed = || format!("{out_name}: write failed");
    let mut stats = Stats::default();
    let mut ok = true;
    let mut whole = true;
    let mut i = 0;
    while i < jobs.len() && !ctx.stop.load(Ordering::Relaxed) {
        if jobs[i].format == Format::Jsonl {
            let job = &jobs[i];
            i += 1;
            let name = job.input.display();
            if ctx.cfg.explain {
                ctx.rep.error(format_args!(
                    "{name}: --explain works on plain-text pages, not JSONL records"
                ));
                ok = false;
                whole = false;
                continue;
            }
            let mut reader = match codec::open(&job.input, ctx.rep.progress()) {
                Ok((r, _)) => r,
                Err(e) => {
                    ctx.rep.error(format_args!("{name}: {e}"));
                    ok = false;
                    whole = false;
                    continue;
                }
            };
            match records::clean_stream(&ctx.records(), &name, &mut reader, &mut out, ctx.rep) {
                Ok(o) => {
                    stats.merge(&o.stats);
                    ok &= !o.bad_records;
                }
                Err(StreamError::Read(e, o)) => {
                    // The records before the failure are written.
                    stats.merge(&o.stats);
                    ctx.rep.error(read_failed(&name, &e, o.lines));
                    ok = false;
                    whole = false;
                }
                Err(StreamError::Write(e)) => return Err(e).with_context(write_failed),
            }
            continue;
        }
        // A window of plain-text pages, cleaned in parallel, written in
        // order: many pages per thread so that uneven sizes even out, and
        // few enough bytes that memory stays bounded.
        let end = text_window(ctx, &jobs[i..], &sizes[i..]) + i;
        if end == i + 1 {
            // A page alone in its window (a large one): its output is
            // written as it is made, not held whole beside the input.
            match read_page(ctx, &jobs[i]) {
                Ok(page) => {
                    let prefix = explain_prefix(ctx, &jobs[i]);
                    let s = clean_text_to(ctx, &page, prefix.as_deref(), &mut out)
                        .with_context(write_failed)?;
                    stats.merge(&s);
                }
                Err(msg) => {
                    ctx.rep.error(msg);
                    ok = false;
                    whole = false;
                }
            }
            i = end;
            continue;
        }
        for result in ctx.map(&jobs[i..end], |job| clean_page(ctx, job)) {
            match result {
                Ok((page, s)) => {
                    out.write_all(&page).with_context(write_failed)?;
                    stats.merge(&s);
                }
                Err(msg) => {
                    ctx.rep.error(msg);
                    ok = false;
                    whole = false;
                }
            }
        }
        i = end;
    }
    // A bad record under `--on-error fail` stops the run: the inputs
    // after it (and the rest of its own) were not cleaned.
    whole &= !ctx.stop.load(Ordering::Relaxed);
    Ok(Streamed { stats, ok, whole })
}

/// The message for a JSONL input whose reading failed after `lines` lines.
fn read_failed(name: &str, e: &io::Error, lines: u64) -> String {
    if lines == 0 {
        format!("{name}: {e}")
    } else {
        format!("{name}: read failed after line {lines}: {e}")
    }
}

/// A run over at least this many bytes of files (with several threads)
/// builds the cleaner's automata first ([`Cleaner::warm_up`]): it would
/// build nearly all of them anyway (a run over every 8th dev page, 3.1 MB,
/// builds 38 of the 40 regexes).
const WARM_UP_BYTES: u64 = 2 << 20;

/// Pages per thread in a window of plain-text pages.
const WINDOW_PAGES_PER_THREAD: usize = 64;
/// Input bytes in a window of plain-text pages (at least one page).
const WINDOW_BYTES: u64 = 32 << 20;

/// How many of the leading `jobs` (at least one) form the next window of
/// plain-text pages cleaned together; `sizes[k]`: the size of `jobs[k]`
/// (`None`: unknown, standard input).
fn text_window(ctx: &Ctx<'_>, jobs: &[Job], sizes: &[Option<u64>]) -> usize {
    if ctx.cfg.threads <= 1 {
        return 1;
    }
    let most = ctx.cfg.threads * WINDOW_PAGES_PER_THREAD;
    let mut bytes = 0u64;
    for (n, (job, size)) in jobs.iter().zip(sizes).take(most).enumerate() {
        if job.format != Format::Text {
            return n.max(1);
        }
        bytes += size.unwrap_or(WINDOW_BYTES);
        if bytes >= WINDOW_BYTES {
            return n + 1;
        }
    }
    jobs.len().min(most)
}

/// Reads and cleans one plain-text page: the output bytes, or the message
/// saying why not.
fn clean_page(ctx: &Ctx<'_>, job: &Job) -> Result<(Vec<u8>, Stats), String> {
    let page = read_page(ctx, job)?;
    Ok(clean_text(ctx, &page, explain_prefix(ctx, job).as_deref()))
}

/// What each `--explain` row of `job` starts with: with several inputs,
/// the input's path and a tab (as grep names the file of each match);
/// with one, nothing.
fn explain_prefix(ctx: &Ctx<'_>, job: &Job) -> Option<Vec<u8>> {
    if !ctx.cfg.explain || ctx.cfg.inputs.len() < 2 {
        return None;
    }
    let mut prefix = match &job.input {
        Input::File(p) => p.as_os_str().as_encoded_bytes().to_vec(),
        Input::Stdin => b"<stdin>".to_vec(),
    };
    prefix.push(b'\t');
    Some(prefix)
}

/// Reads one plain-text page: its bytes, or the message saying why not.
fn read_page(ctx: &Ctx<'_>, job: &Job) -> Result<Vec<u8>, String> {
    let name = job.input.display();
    codec::read_all(&job.input, ctx.rep.progress()).map_err(|e| format!("{name}: {e}"))
}

fn clean_text(ctx: &Ctx<'_>, page: &[u8], prefix: Option<&[u8]>) -> (Vec<u8>, Stats) {
    let mut out = Vec::with_capacity(page.len() / 2);
    // Writing into a Vec cannot fail.
    let stats = clean_text_to(ctx, page, prefix, &mut out).unwrap_or_default();
    (out, stats)
}

/// Cleans `page` and writes its output to `w`; the page's stats. With
/// `--explain`, each row starts with `prefix` when there is one.
fn clean_text_to(
    ctx: &Ctx<'_>,
    page: &[u8],
    prefix: Option<&[u8]>,
    w: &mut impl Write,
) -> io::Result<Stats> {
    let cleaned = ctx.cleaner.clean(page);
    let mut counted = Counted { inner: w, bytes: 0 };
    if ctx.cfg.explain {
        match prefix {
            Some(prefix) => cleaned.write_explain(Prefixed {
                inner: &mut counted,
                prefix,
                at_start: true,
            })?,
            None => cleaned.write_explain(&mut counted)?,
        }
    } else {
        cleaned.write_to(&mut counted)?;
    }
    let mut stats = Stats::default();
    stats.add_page(&cleaned);
    stats.bytes_in = page.len() as u64;
    stats.bytes_out = counted.bytes;
    Ok(stats)
}

/// A writer that counts the bytes written through it.
struct Counted<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf)?;
        self.bytes += buf.len() as u64;
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A writer that puts `prefix` before each line written through it.
struct Prefixed<'p, W> {
    inner: W,
    prefix: &'p [u8],
    /// Whether the next byte starts a line.
    at_start: bool,
}

impl<W: Write> Write for Prefixed<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, mut buf: &[u8]) -> io::Result<()> {
        while !buf.is_empty() {
            if self.at_start {
                self.inner.write_all(self.prefix)?;
                self.at_start = false;
            }
            let end = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    self.at_start = true;
                    i + 1
                }
                None => buf.len(),
            };
            self.inner.write_all(&buf[..end])?;
            buf = &buf[end..];
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Each input into its own output file (output directory or in place),
/// files in parallel.
fn run_files(ctx: &Ctx<'_>, jobs: &[Job]) -> (Stats, bool) {
    if let (Target::Dir(dir), false) = (&ctx.cfg.target, jobs.is_empty()) {
        // Said once here, not once per input.
        if let Err(e) = fs::create_dir_all(dir) {
            ctx.rep.error(format_args!(
                "cannot create the output directory {}: {e}",
                dir.display()
            ));
            return (Stats::default(), false);
        }
    }
    let mut stats = Stats::default();
    let mut ok = true;
    let indexed: Vec<(usize, &Job)> = jobs.iter().enumerate().collect();
    for (s, job_ok) in ctx.map(&indexed, |&(i, job)| clean_file(ctx, i, job)) {
        stats.merge(&s);
        ok &= job_ok;
    }
    // Said here, in input order, whatever order the threads met them in.
    let mut no_temp: Vec<NoTemp> = std::mem::take(&mut *lock(&ctx.no_temp))
        .into_values()
        .collect();
    no_temp.sort_by_key(|n| n.first);
    for n in no_temp {
        ctx.rep.error(&n.message);
        if n.more > 0 {
            let (more, shown) = (n.more, n.shown);
            let files = if more == 1 { "file" } else { "files" };
            ctx.rep.error(format_args!(
                "and {more} more {files} in {shown} for the same reason"
            ));
        }
    }
    (stats, ok)
}

/// Why a file's body could not be written.
enum BodyError {
    /// Reported already; the output is not to be kept.
    Abandoned,
    /// Writing the output failed.
    Write(io::Error),
    /// A step around the writing failed: what it was, and why.
    Step(String),
    /// No temporary file could be made in a directory (its real path, as
    /// shown to the user, and why): said once per directory at the end.
    NoTemp(PathBuf, String, io::Error),
}

/// Cleans `job` (the `index`th) into its own output file.
fn clean_file(ctx: &Ctx<'_>, index: usize, job: &Job) -> (Stats, bool) {
    let name = job.input.display();
    let Some(out_path) = &job.output else {
        return (Stats::default(), false);
    };
    if ctx.stop.load(Ordering::Relaxed) {
        return (Stats::default(), false);
    }
    let (mut reader, in_codec) = match codec::open(&job.input, ctx.rep.progress()) {
        Ok(r) => r,
        Err(e) => {
            ctx.rep.error(format_args!("{name}: {e}"));
            return (Stats::default(), false);
        }
    };
    let mut stats = Stats::default();
    let mut ok = true;
    // What became of the output when the input could not be read to its end.
    let kept = if ctx.cfg.target == Target::InPlace {
        "the file is left as it was"
    } else {
        "its output file is left as it was"
    };
    let mut body = |w: &mut dyn Write| -> Result<(), BodyError> {
        match job.format {
            Format::Text => {
                let mut page = Vec::new();
                if let Err(e) = reader.read_to_end(&mut page) {
                    ctx.rep.error(format_args!("{name}: {e} ({kept})"));
                    return Err(BodyError::Abandoned);
                }
                let (out, s) = clean_text(ctx, &page, None);
                stats.merge(&s);
                w.write_all(&out).map_err(BodyError::Write)
            }
            Format::Jsonl => {
                match records::clean_stream(&ctx.records(), &name, &mut reader, w, ctx.rep) {
                    Ok(o) => {
                        stats.merge(&o.stats);
                        ok &= !o.bad_records;
                        if o.stopped {
                            return Err(BodyError::Abandoned);
                        }
                        Ok(())
                    }
                    Err(StreamError::Read(e, o)) => {
                        // No half result: the output is not kept.
                        ctx.rep
                            .error(format_args!("{} ({kept})", read_failed(&name, &e, o.lines)));
                        Err(BodyError::Abandoned)
                    }
                    Err(StreamError::Write(e)) => Err(BodyError::Write(e)),
                }
            }
        }
    };
    let in_place = ctx.cfg.target == Target::InPlace;
    let written = if in_place {
        write_in_place(&job.input, out_path, in_codec, &mut body)
    } else {
        write_new(ctx, out_path, Codec::for_output_name(out_path), &mut body)
    };
    let why = match written {
        Ok(()) => return (stats, ok),
        Err(BodyError::Abandoned) => return (stats, false),
        Err(BodyError::Write(e)) => e.to_string(),
        Err(BodyError::Step(why)) => why,
        Err(BodyError::NoTemp(dir, shown, e)) => {
            let why = format!(
                "cannot create a temporary file in {shown}: {}",
                without_temp_path(&e)
            );
            let message = if in_place {
                format!("cannot rewrite {name} in place: {why}")
            } else {
                format!("cannot write {}: {why}", out_path.display())
            };
            let mut no_temp = lock(&ctx.no_temp);
            let n = no_temp.entry((dir, e.kind())).or_insert(NoTemp {
                first: index,
                message: String::new(),
                shown,
                more: 0,
            });
            if n.message.is_empty() {
                n.message = message;
            } else {
                n.more += 1;
                if index < n.first {
                    (n.first, n.message) = (index, message);
                }
            }
            return (stats, false);
        }
    };
    if in_place {
        // Named as the user gave it, not by its real path.
        ctx.rep
            .error(format_args!("cannot rewrite {name} in place: {why}"));
    } else {
        ctx.rep
            .error(format_args!("cannot write {}: {why}", out_path.display()));
    }
    (stats, false)
}

type Body<'b> = dyn FnMut(&mut dyn Write) -> Result<(), BodyError> + 'b;

/// Writes a new file (creating its directory) through a temporary file
/// beside it and a rename: a failed or stopped run leaves no half-written
/// result, and an earlier result at `path` stays until the new one is
/// whole. A directory that cannot be created is reported once, not once
/// per file under it.
fn write_new(
    ctx: &Ctx<'_>,
    path: &std::path::Path,
    codec: Codec,
    body: &mut Body<'_>,
) -> Result<(), BodyError> {
    let dir = dir_of(path);
    if let Err(e) = fs::create_dir_all(dir) {
        let first = lock(&ctx.failed_dirs).insert(dir.to_path_buf());
        if first {
            ctx.rep.error(format_args!(
                "cannot create the directory {}: {e}",
                dir.display()
            ));
        }
        return Err(BodyError::Abandoned);
    }
    let shown = with_slash(dir.display().to_string());
    let tmp = temp_file_in(&temp_builder(true), dir, shown)?;
    let staged = Staged {
        tmp,
        path: path.to_path_buf(),
        old: None,
        copy: false,
    };
    write_staged(staged, codec, body)
}

/// Rewrites `path` (`input`'s real path, symlinks resolved) through a
/// temporary file in its directory and an atomic rename: a run stopped at
/// any point leaves it either as it was or fully rewritten. Permissions,
/// and (as far as the user may) owner and group, are kept; as with GNU
/// `sed -i`, other hard links to the file keep the old content.
fn write_in_place(
    input: &Input,
    path: &std::path::Path,
    codec: Codec,
    body: &mut Body<'_>,
) -> Result<(), BodyError> {
    let dir = dir_of(path);
    let old = fs::metadata(path).map_err(BodyError::Write)?;
    let tmp = temp_file_in(&temp_builder(false), dir, dir_shown(input, dir))?;
    let staged = Staged {
        tmp,
        path: path.to_path_buf(),
        old: Some(old),
        copy: false,
    };
    write_staged(staged, codec, body)
}

/// The builder of the temporary files (`.dechrome-*.tmp`). For a new file
/// it is made as `File::create` makes one (0666 less the umask), not 0600;
/// one that replaces a file gets that file's permissions at the end.
fn temp_builder(new: bool) -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".dechrome-").suffix(".tmp");
    #[cfg(unix)]
    if new {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = new;
    builder
}

/// Writes `body`'s output (encoded by `codec`) into the staged temporary
/// file, then puts it in place of the staged path ([`commit`]). An error
/// of `body`'s, or in writing, leaves the path as it was and removes the
/// temporary file.
fn write_staged(staged: Staged, codec: Codec, body: &mut Body<'_>) -> Result<(), BodyError> {
    let Staged {
        tmp,
        path,
        old,
        copy,
    } = staged;
    let mut enc =
        Encoder::new(BufWriter::with_capacity(1 << 16, tmp), codec).map_err(BodyError::Write)?;
    body(&mut enc)?;
    let tmp = enc
        .finish()
        .map_err(BodyError::Write)?
        .into_inner()
        .map_err(|e| BodyError::Write(e.into_error()))?;
    commit(tmp, &path, old.as_ref(), copy)
}

/// Puts the finished temporary file `tmp` in place of `path`, giving it
/// first the permissions, owner and group of the file it replaces (`old`;
/// the owner only as root, the group when the user may). When the rename
/// is refused where writing is not (`EPERM`: a sticky directory; `EBUSY`:
/// a mount point; `EXDEV`), or `copy` says a rename would change the file,
/// its bytes are copied into `path` instead.
fn commit(
    tmp: Temp,
    path: &std::path::Path,
    old: Option<&fs::Metadata>,
    copy: bool,
) -> Result<(), BodyError> {
    if copy {
        return tmp.copy_into(path).map_err(|e| {
            BodyError::Step(format!(
                "cannot copy the temporary file into it: {}",
                without_temp_path(&e)
            ))
        });
    }
    if let Some(old) = old {
        keep_owner(tmp.as_file(), old);
        tmp.as_file()
            .set_permissions(old.permissions())
            .map_err(|e| {
                BodyError::Step(format!(
                    "cannot set the permissions of the temporary file: {}",
                    without_temp_path(&e)
                ))
            })?;
    }
    let onto = if old.is_some() { "over" } else { "to" };
    let (error, tmp) = match tmp.persist(path) {
        Ok(()) => return Ok(()),
        Err(e) => e,
    };
    let why = without_temp_path(&error);
    if !rename_refused(&error) {
        return Err(BodyError::Step(format!(
            "cannot rename the temporary file {onto} it: {why}"
        )));
    }
    tmp.copy_into(path).map_err(|c| {
        BodyError::Step(format!(
            "cannot rename the temporary file {onto} it ({why}) nor copy it there: {}",
            without_temp_path(&c)
        ))
    })
}

/// Whether a rename failed in a way that writing the file directly may
/// not: a sticky directory (`EPERM`), a mount point (`EBUSY`), another
/// file system (`EXDEV`).
fn rename_refused(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        matches!(
            e.raw_os_error(),
            Some(libc::EPERM | libc::EBUSY | libc::EXDEV)
        )
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Gives `f` the owner and group of `old` when they differ: the owner only
/// as root, else at least the group when the user belongs to it (as GNU
/// `sed -i` does); failing that, `f` stays the runner's.
fn keep_owner(f: &File, old: &fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{fchown, MetadataExt};
        let Ok(now) = f.metadata() else { return };
        if (now.uid(), now.gid()) == (old.uid(), old.gid()) {
            return;
        }
        if fchown(f, Some(old.uid()), Some(old.gid())).is_err() {
            let _ = fchown(f, None, Some(old.gid()));
        }
    }
    #[cfg(not(unix))]
    let _ = (f, old);
}

/// A temporary file in `dir` (`shown` to the user); when none can be
/// made, [`BodyError::NoTemp`] (see [`run_files`]).
fn temp_file_in(
    builder: &tempfile::Builder<'_, '_>,
    dir: &std::path::Path,
    shown: String,
) -> Result<Temp, BodyError> {
    Temp::new_in(builder, dir).map_err(|e| {
        let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        BodyError::NoTemp(key, shown, e)
    })
}

/// The directory `dir` (the real directory of `input`) as the user knows
/// it: `input`'s own directory as given (`./` when it has none) when that
/// is the same directory, else `dir`; with a final `/`.
fn dir_shown(input: &Input, dir: &std::path::Path) -> String {
    let given = match input {
        Input::File(p) => p.parent(),
        Input::Stdin => None,
    };
    let shown = match given {
        Some(g) if g.as_os_str().is_empty() => std::path::Path::new("."),
        Some(g) => g,
        None => dir,
    };
    let shown = if cli::same_file(shown, dir) {
        shown
    } else {
        dir
    };
    with_slash(shown.display().to_string())
}

/// `s` (a directory) with a final `/`.
fn with_slash(s: String) -> String {
    if s.ends_with('/') {
        s
    } else {
        s + "/"
    }
}

/// An error of the `tempfile` crate without the ` at path "..."` it adds
/// (the temporary file's name means nothing to the user).
fn without_temp_path(e: &io::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at path \"") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
