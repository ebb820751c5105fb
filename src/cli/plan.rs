//! Paths → jobs: which file is read, as what, and where its result goes.
//! Directories are walked here (only when results go to an output directory
//! or back in place); everything that cannot be planned is reported and
//! left out.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::stats::Reporter;
use super::{same_file, Config, Format, Input, Target};

/// One input and where its result goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    pub input: Input,
    pub format: Format,
    /// The file written for this input alone (output directory, in place);
    /// `None` when all results go to one stream.
    pub output: Option<PathBuf>,
    /// The input's size in bytes, when planning read it (a file named on
    /// the command line whose results go to one stream: its metadata says
    /// whether it is a directory): not asked of the system again.
    pub size: Option<u64>,
}

/// The format a file's name says: JSONL for `.jsonl` and `.ndjson`,
/// optionally followed by `.gz`, `.zst` or `.zstd`.
pub fn format_of_name(path: &Path) -> Format {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let stem = [".gz", ".zst", ".zstd"]
        .iter()
        .find_map(|ext| name.strip_suffix(ext))
        .unwrap_or(&name);
    if stem.ends_with(".jsonl") || stem.ends_with(".ndjson") {
        Format::Jsonl
    } else {
        Format::Text
    }
}

/// The jobs for `cfg`, in input order (files under a directory by name);
/// `false` when some path was reported and left out.
pub fn plan(cfg: &Config, rep: &Reporter) -> (Vec<Job>, bool) {
    let mut jobs = Vec::new();
    let mut ok = true;
    let format = |p: &Path| cfg.format.unwrap_or_else(|| format_of_name(p));
    // Real paths already planned, so that no file is rewritten twice and no
    // two inputs write the same output.
    let mut seen_out: HashSet<PathBuf> = HashSet::new();
    let out_dir_real = match &cfg.target {
        Target::Dir(d) => d.canonicalize().ok(),
        _ => None,
    };
    // The --stats-json file (which may not exist yet) is neither walked as
    // an input nor written as an output: it would be cleaned, then
    // overwritten by the summary.
    let stats_real = cfg.stats_json.as_deref().and_then(real_path);
    let skip = Skip {
        dir: out_dir_real.as_deref(),
        file: stats_real.as_deref(),
    };
    for input in &cfg.inputs {
        let path = match input {
            Input::Stdin => {
                jobs.push(Job {
                    input: Input::Stdin,
                    format: cfg.format.unwrap_or(Format::Text),
                    output: None,
                    size: None,
                });
                continue;
            }
            Input::File(p) => p,
        };
        match &cfg.target {
            Target::Stdout | Target::File(_) => {
                // One call for both questions (as `is_dir`, a path whose
                // metadata cannot be read is not a directory).
                let meta = std::fs::metadata(path).ok();
                if meta.as_ref().is_some_and(|m| m.is_dir()) {
                    rep.error(format_args!(
                        "{}: is a directory (to clean the files under it, give -o OUTDIR/ or --in-place)",
                        path.display()
                    ));
                    ok = false;
                    continue;
                }
                jobs.push(Job {
                    input: input.clone(),
                    format: format(path),
                    output: None,
                    size: meta.map(|m| m.len()),
                });
            }
            Target::Dir(out_dir) => {
                for (file, rel) in files_under(path, &skip, rep, &mut ok) {
                    let out = out_dir.join(&rel);
                    if stats_real.is_some() && real_path(&out) == stats_real {
                        rep.error(format_args!(
                            "{}: the output would overwrite the --stats-json file {}",
                            file.display(),
                            out.display()
                        ));
                        ok = false;
                        continue;
                    }
                    if same_file(&file, &out) {
                        rep.error(format_args!(
                            "{}: the output would overwrite the input; use --in-place to rewrite it",
                            file.display()
                        ));
                        ok = false;
                        continue;
                    }
                    if !seen_out.insert(out.clone()) {
                        rep.error(format_args!(
                            "{}: another input was already written to {}",
                            file.display(),
                            out.display()
                        ));
                        ok = false;
                        continue;
                    }
                    jobs.push(Job {
                        format: format(&file),
                        input: Input::File(file),
                        output: Some(out),
                        size: None,
                    });
                }
            }
            Target::InPlace => {
                let skip = Skip { dir: None, ..skip };
                for (file, _) in files_under(path, &skip, rep, &mut ok) {
                    // Symlinks are followed: the file they point to is
                    // rewritten and the link stays a link.
                    let real = match file.canonicalize() {
                        Ok(r) => r,
                        Err(e) => {
                            rep.error(format_args!("{}: {e}", file.display()));
                            ok = false;
                            continue;
                        }
                    };
                    // A device or a pipe would be replaced by a regular
                    // file (`--in-place /dev/null` as root).
                    if !real.is_file() {
                        rep.error(format_args!(
                            "cannot rewrite {} in place: not a regular file",
                            file.display()
                        ));
                        ok = false;
                        continue;
                    }
                    if !seen_out.insert(real.clone()) {
                        continue;
                    }
                    jobs.push(Job {
                        format: format(&file),
                        input: Input::File(file),
                        output: Some(real),
                        size: None,
                    });
                }
            }
        }
    }
    (jobs, ok)
}

/// What a directory walk leaves out (real paths).
#[derive(Clone, Copy)]
struct Skip<'a> {
    /// The output directory.
    dir: Option<&'a Path>,
    /// The --stats-json file.
    file: Option<&'a Path>,
}

impl Skip<'_> {
    /// Whether the file `p` met in a walk is the one to leave out.
    fn is_file(&self, p: &Path) -> bool {
        // Only a file of the same name is resolved (one call per file).
        self.file.is_some_and(|s| {
            s.file_name() == p.file_name() && p.canonicalize().is_ok_and(|r| r == s)
        })
    }
}

/// `p` with its directory's symlinks resolved: its real path when it
/// exists, else its real directory joined with its name.
pub(crate) fn real_path(p: &Path) -> Option<PathBuf> {
    if let Ok(r) = p.canonicalize() {
        return Some(r);
    }
    let name = p.file_name()?;
    let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = dir.unwrap_or(Path::new(".")).canonicalize().ok()?;
    Some(dir.join(name))
}

/// `path` itself when it is not a directory (its result named after its
/// file name), else every file under it, by name, hidden entries and
/// `skip` (the output directory, the --stats-json file) left out, each
/// with its path relative to `path`.
fn files_under(
    path: &Path,
    skip: &Skip<'_>,
    rep: &Reporter,
    ok: &mut bool,
) -> Vec<(PathBuf, PathBuf)> {
    if !path.is_dir() {
        let rel = match path.file_name() {
            Some(n) => PathBuf::from(n),
            None => {
                rep.error(format_args!("{}: not a file name", path.display()));
                *ok = false;
                return Vec::new();
            }
        };
        return vec![(path.to_path_buf(), rel)];
    }
    let mut files = Vec::new();
    let walk = WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
            let is_skip = skip.dir.is_some_and(|s| {
                e.file_type().is_dir() && e.path().canonicalize().is_ok_and(|p| p == s)
            });
            !hidden && !is_skip
        });
    for entry in walk {
        match entry {
            Ok(e) if e.file_type().is_file() && skip.is_file(e.path()) => {}
            Ok(e) if e.file_type().is_file() => {
                let rel = e
                    .path()
                    .strip_prefix(path)
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|_| PathBuf::from(e.file_name()));
                files.push((e.path().to_path_buf(), rel));
            }
            Ok(_) => {}
            Err(e) => {
                rep.error(walk_error(&e, path));
                *ok = false;
            }
        }
    }
    files
}

/// The message for an error met while walking the directory `root`: what
/// could not be done, to which path, and why, such as `cannot read the
/// directory notes: Permission denied`.
fn walk_error(e: &walkdir::Error, root: &Path) -> String {
    let why = e
        .io_error()
        .map_or_else(|| e.to_string(), |io| io.to_string());
    if let (Some(ancestor), Some(at)) = (e.loop_ancestor(), e.path()) {
        return format!(
            "cannot follow the symlink {}: it leads back to {}, which holds it (a loop)",
            at.display(),
            ancestor.display()
        );
    }
    match e.path() {
        Some(at) if at.is_dir() => {
            format!("cannot read the directory {}: {why}", at.display())
        }
        Some(at) if at.is_symlink() => {
            format!("cannot follow the symlink {}: {why}", at.display())
        }
        Some(at) => format!("cannot read {}: {why}", at.display()),
        None => format!("cannot walk the directory {}: {why}", root.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    /// `--in-place` on a named pipe: refused when planning, never opened
    /// (it would be replaced by a regular file).
    #[cfg(unix)]
    #[test]
    fn in_place_refuses_what_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if !made {
            eprintln!("in_place_refuses_what_is_not_a_regular_file: skipped (no mkfifo)");
            return;
        }
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "x").unwrap();
        let cfg = super::super::Cli::parse_from([
            "dechrome".as_ref(),
            "--in-place".as_ref(),
            fifo.as_os_str(),
            file.as_os_str(),
        ])
        .into_config()
        .unwrap();
        let (jobs, ok) = plan(&cfg, &Reporter::new(true, None));
        assert!(!ok);
        assert_eq!(jobs.len(), 1);
        assert_eq!(jobs[0].input, Input::File(file));
    }

    /// A file named for the stream carries its size from planning (the
    /// windows and the progress bar read it there); a missing one none.
    #[test]
    fn named_files_carry_their_size() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "twelve bytes").unwrap();
        let missing = dir.path().join("missing.txt");
        let cfg = super::super::Cli::parse_from([
            "dechrome".as_ref(),
            file.as_os_str(),
            missing.as_os_str(),
            "-".as_ref(),
        ])
        .into_config()
        .unwrap();
        let (jobs, ok) = plan(&cfg, &Reporter::new(true, None));
        assert!(ok);
        let sizes: Vec<_> = jobs.iter().map(|j| j.size).collect();
        assert_eq!(sizes, [Some(12), None, None]);
    }

    #[test]
    fn formats_by_name() {
        for (name, f) in [
            ("a.jsonl", Format::Jsonl),
            ("a.ndjson", Format::Jsonl),
            ("dir/A.JSONL.GZ", Format::Jsonl),
            ("a.jsonl.zst", Format::Jsonl),
            ("a.ndjson.zstd", Format::Jsonl),
            ("a.txt", Format::Text),
            ("a.txt.gz", Format::Text),
            ("jsonl", Format::Text),
            ("a.jsonl.bak", Format::Text),
        ] {
            assert_eq!(format_of_name(Path::new(name)), f, "{name}");
        }
    }
}
