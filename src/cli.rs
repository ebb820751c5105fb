//! Command-line arguments: parsed by clap, then turned into a validated
//! [`Config`] the rest of the binary works from.
//!
//! The submodules are the binary's stages: [`plan`] turns paths into jobs,
//! [`codec`] opens (de)compressed streams, [`records`] cleans JSONL records
//! in ordered parallel batches, [`stats`] counts and reports, [`temps`] keeps
//! the temporary files that a signal removes, [`generate`] prints
//! completions and the man page.

pub mod codec;
pub mod generate;
pub mod plan;
pub mod records;
pub mod stats;
pub mod temps;

use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, ValueEnum};
use dechrome::jsonl::FieldPath;
use dechrome::{Lang, Mode};

pub const EXAMPLES: &[(&str, &str)] = &[
    ("dechrome page.txt", "clean one page, article on stdout"),
    ("dechrome < page.txt > article.txt", "the same, as a filter"),
    (
        "dechrome a.txt b.txt -o out.txt",
        "clean several pages, one after the other",
    ),
    (
        "dechrome --explain page.txt",
        "why each line was kept or dropped",
    ),
    (
        "dechrome shard.jsonl.zst -o clean.jsonl.zst",
        "clean the \"text\" field of each record",
    ),
    (
        "dechrome --jsonl --text-field content.body < in.ndjson",
        "JSONL on stdin, text in a nested field",
    ),
    (
        "dechrome -o out/ pages/ more.txt.gz",
        "clean a tree, results under out/ at the same relative paths",
    ),
    (
        "dechrome --in-place -j 8 pages/",
        "rewrite every file under pages/, 8 threads",
    ),
    (
        "dechrome --stats --stats-json s.json x.jsonl.gz -o y.jsonl.gz",
        "counts on stderr and in s.json",
    ),
    (
        "dechrome --generate zsh > _dechrome",
        "shell completions (bash, zsh, fish) or the man page (man)",
    ),
];

pub const OUTPUT_HELP: &str = "\
Output: the kept lines, unchanged but for surrounding whitespace, in input
order, separated by one blank line (the lines of a hard-wrapped paragraph by
a line break only). A page with nothing kept gives no output.
JSONL input (--jsonl, or a name ending in .jsonl or .ndjson, optionally .gz,
.zst or .zstd) gives one record per input record, in order, only the text field's value
replaced; every other byte of the record is kept. gzip and zstd input is
recognised by its first bytes, whatever its name; output is compressed when
its name ends in .gz, .zst or .zstd.";

pub const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "every input was cleaned"),
    (
        "1",
        "some input could not be read, some record was not valid JSON or had no string \
         text field, or some output could not be written (each reported on stderr, \
         records as path:line: reason; the other inputs and records are still cleaned)",
    ),
    ("2", "usage error"),
];

fn after_help() -> String {
    let mut s = String::from("Examples:\n");
    for (cmd, what) in EXAMPLES {
        s.push_str(&format!("  {cmd}\n      {what}\n"));
    }
    s.push('\n');
    s.push_str(OUTPUT_HELP);
    s.push_str("\n\nExit status:\n");
    for (code, what) in EXIT_STATUS {
        s.push_str(&format!("  {code}  {}\n", wrap(what, 70, "     ")));
    }
    s.push_str("A closed output pipe exits 0 quietly.");
    s
}

/// `text` wrapped at `width` columns, lines after the first indented.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut col = 0;
    for word in text.split_whitespace() {
        if col > 0 && col + 1 + word.len() > width {
            out.push('\n');
            out.push_str(indent);
            col = 0;
        } else if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += word.len();
    }
    out
}

/// Strip publisher chrome (menus, share rows, banners, credits, legal
/// notices, repeated captions) from plain-text dumps of web pages and keep
/// the article.
#[derive(Debug, Parser)]
#[command(name = "dechrome", version, after_help = after_help())]
pub struct Cli {
    /// Files or directories to clean, in order. No path, or `-`, reads
    /// standard input. Directories are walked recursively (hidden entries
    /// skipped) with an output directory or --in-place.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write the output to FILE instead of standard output. When FILE is an
    /// existing directory, ends with `/`, or a directory is among the inputs,
    /// each input's result is written under it at the same relative path.
    /// Compressed when the name ends in .gz, .zst or .zstd. A regular FILE
    /// is written through a temporary file beside it and renamed over it at
    /// the end, only when every input was read whole (permissions kept; a
    /// file with other hard links or another owner is copied into
    /// instead); /dev/null, a pipe or a device is written to directly.
    #[arg(short, long, value_name = "FILE", conflicts_with = "in_place")]
    pub output: Option<PathBuf>,

    /// Rewrite each input file with its cleaned form: through a temporary
    /// file in the same directory and an atomic rename, permissions kept,
    /// symlinks followed, compression kept. A run stopped at any point
    /// leaves each file old or new; stopped by Ctrl-C, SIGTERM or SIGHUP
    /// it also removes its temporary files.
    #[arg(long)]
    pub in_place: bool,

    /// Instead of the article, write one tab-separated row per non-blank
    /// input line: keep|drop, category (`-` when kept), rule, the line.
    /// Example: `drop<TAB>social<TAB>phrase:share this article<TAB>SHARE THIS ARTICLE`.
    /// With several inputs each row starts with the input's path (`<stdin>`
    /// for standard input) and a tab, as grep names files.
    #[arg(long, conflicts_with = "jsonl")]
    pub explain: bool,

    /// Precision drops more (loses a little text rather than keep chrome);
    /// recall keeps more (keeps some chrome rather than lose text).
    #[arg(long, value_enum, default_value_t = ModeArg::Balanced)]
    pub mode: ModeArg,

    /// Judge every document in this language (ISO 639-1: en, de, fr, es, pt,
    /// it, ru, nl, pl, sv, zh, ja, ko) instead of detecting it per document.
    #[arg(long, value_name = "CODE", value_parser = lang_parser(), ignore_case = true, hide_possible_values = true)]
    pub lang: Option<Lang>,

    /// Read every input as JSON Lines, one record per line (automatic for
    /// names ending in .jsonl or .ndjson, optionally followed by .gz, .zst or
    /// .zstd).
    #[arg(long)]
    pub jsonl: bool,

    /// The record field that holds the page text; a dotted path such as
    /// `content.body` reaches into objects.
    #[arg(long, value_name = "NAME", default_value = "text", value_parser = parse_field)]
    pub text_field: FieldPath,

    /// What to do with a record that is not valid JSON or whose text field
    /// is missing or not a string (each is reported as `path:line: reason`
    /// and makes the exit status 1): keep it unchanged, drop it, or stop.
    #[arg(long, value_enum, value_name = "ACTION", default_value_t = OnError::Keep)]
    pub on_error: OnError,

    /// Add to each JSONL record a member FIELD with what was removed: kept and
    /// dropped line counts, drops per category, and the byte span (in the
    /// page text), category and rule of each dropped line.
    /// Example: `--annotate dechrome` adds `"dechrome":{"kept":12,"dropped":7,...}`.
    /// A record that has a member FIELD already is a bad record (see
    /// --on-error).
    #[arg(long, value_name = "FIELD")]
    pub annotate: Option<String>,

    /// Worker threads (default: the number of cores). Files and records are
    /// spread over them; output is always in input order. 1 runs everything
    /// on one thread.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// Print a summary on stderr when done: documents, bytes in and out,
    /// MB/s, lines dropped per category.
    #[arg(long)]
    pub stats: bool,

    /// Write the same summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub stats_json: Option<PathBuf>,

    /// Print nothing on stderr but errors (no progress bar, no --stats
    /// summary).
    #[arg(short, long)]
    pub quiet: bool,

    /// Print shell completions (bash, zsh, fish) or the man page (man) on
    /// standard output, and exit.
    #[arg(long, value_enum, value_name = "WHAT", exclusive = true)]
    pub generate: Option<Generate>,

    /// The JSONL-only options given on the command line (`--text-field`,
    /// `--on-error`, `--annotate`), as written in messages.
    #[arg(skip)]
    pub jsonl_options: Vec<&'static str>,
}

/// The options that act on JSONL records only: (clap id, as written).
const JSONL_OPTIONS: [(&str, &str); 3] = [
    ("text_field", "--text-field"),
    ("on_error", "--on-error"),
    ("annotate", "--annotate"),
];

/// `--mode` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// Drop more; lose a little text rather than keep chrome.
    Precision,
    /// The default trade-off.
    Balanced,
    /// Keep more; keep some chrome rather than lose text. Every line balanced
    /// keeps is kept too, but for a second copy of a kept line and where the
    /// passes over the article alone differ.
    Recall,
}

impl From<ModeArg> for Mode {
    fn from(m: ModeArg) -> Mode {
        match m {
            ModeArg::Precision => Mode::Precision,
            ModeArg::Balanced => Mode::Balanced,
            ModeArg::Recall => Mode::Recall,
        }
    }
}

/// `--on-error` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OnError {
    /// Write the record unchanged.
    Keep,
    /// Leave the record out.
    Drop,
    /// Stop at the first bad record (the file being rewritten in place is
    /// left as it was).
    Fail,
}

/// `--generate` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    /// bash completions.
    Bash,
    /// zsh completions.
    Zsh,
    /// fish completions.
    Fish,
    /// The man page (roff).
    Man,
}

/// The language codes, as possible values: shell completions offer them.
fn lang_parser() -> impl clap::builder::TypedValueParser<Value = Lang> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Lang::ALL.map(Lang::code))
        .map(|code| Lang::from_code(&code).expect("a possible value is a code"))
}

fn parse_field(s: &str) -> Result<FieldPath, String> {
    FieldPath::parse(s).map_err(|e| e.to_string())
}

/// Where an input comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file (or, before planning, a directory).
    File(PathBuf),
}

impl Input {
    /// The name used in messages.
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }
}

/// Where results go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// All results, one after the other, on standard output.
    Stdout,
    /// All results, one after the other, in this file.
    File(PathBuf),
    /// Each input's result in its own file under this directory.
    Dir(PathBuf),
    /// Each input rewritten.
    InPlace,
}

/// How inputs are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One page per input.
    Text,
    /// One record per line.
    Jsonl,
}

/// The validated configuration.
#[derive(Debug)]
pub struct Config {
    pub inputs: Vec<Input>,
    pub target: Target,
    pub explain: bool,
    pub mode: Mode,
    pub lang: Option<Lang>,
    /// `Some(Jsonl)` with --jsonl; `None`: decided per file by its name.
    pub format: Option<Format>,
    pub text_field: FieldPath,
    pub on_error: OnError,
    pub annotate: Option<String>,
    pub threads: usize,
    pub stats: bool,
    pub stats_json: Option<PathBuf>,
    pub quiet: bool,
    /// The JSONL-only options given on the command line.
    pub jsonl_options: Vec<&'static str>,
}

/// The warning for JSONL-only `options` given when no input is JSON Lines;
/// `None` when there is nothing to say.
pub fn jsonl_options_unused(options: &[&str]) -> Option<String> {
    let (last, rest) = options.split_last()?;
    let (named, verb) = if rest.is_empty() {
        (last.to_string(), "has")
    } else {
        (format!("{} and {last}", rest.join(", ")), "have")
    };
    Some(format!(
        "dechrome: {named} {verb} no effect: no input is JSON Lines (use --jsonl)"
    ))
}

impl Cli {
    /// The arguments of this process, with [`Cli::jsonl_options`] filled in
    /// (which a default value alone does not).
    pub fn parse_args() -> Result<Cli, clap::Error> {
        Self::parse_matches(Cli::command().try_get_matches()?)
    }

    fn parse_matches(matches: clap::ArgMatches) -> Result<Cli, clap::Error> {
        use clap::FromArgMatches;
        let mut cli = Cli::from_arg_matches(&matches)?;
        cli.jsonl_options = JSONL_OPTIONS
            .iter()
            .filter(|(id, _)| {
                matches.value_source(id) == Some(clap::parser::ValueSource::CommandLine)
            })
            .map(|&(_, flag)| flag)
            .collect();
        Ok(cli)
    }

    /// Resolves the raw arguments; a usage error (exit status 2) when they
    /// do not make sense together.
    pub fn into_config(self) -> Result<Config, clap::Error> {
        let usage =
            |msg: String| Cli::command().error(clap::error::ErrorKind::ArgumentConflict, msg);
        let inputs: Vec<Input> = if self.paths.is_empty() {
            vec![Input::Stdin]
        } else {
            self.paths
                .into_iter()
                .map(|p| {
                    if p.as_os_str() == "-" {
                        Input::Stdin
                    } else {
                        Input::File(p)
                    }
                })
                .collect()
        };
        let has_stdin = inputs.contains(&Input::Stdin);
        let has_dir = inputs
            .iter()
            .any(|i| matches!(i, Input::File(p) if p.is_dir()));
        let target = if self.in_place {
            if has_stdin {
                return Err(usage(
                    "--in-place needs file or directory paths, not standard input".into(),
                ));
            }
            Target::InPlace
        } else {
            match self.output {
                None => Target::Stdout,
                Some(p) if p.is_dir() || ends_with_separator(&p) || has_dir => {
                    if has_stdin {
                        return Err(usage(format!(
                            "standard input cannot be written under the output directory {}",
                            p.display()
                        )));
                    }
                    Target::Dir(p)
                }
                Some(p) => {
                    if let Some(same) = inputs.iter().find(|i| match i {
                        Input::File(f) => same_file(f, &p),
                        Input::Stdin => false,
                    }) {
                        return Err(usage(format!(
                            "the output {} is also an input ({}); use --in-place to rewrite it",
                            p.display(),
                            same.display()
                        )));
                    }
                    Target::File(p)
                }
            }
        };
        if self.explain && matches!(target, Target::Dir(_) | Target::InPlace) {
            // Explain rows replacing the files would destroy the inputs or
            // give files that are not what their names say.
            return Err(usage(
                "--explain writes to standard output or one file, not a directory or in place"
                    .into(),
            ));
        }
        if let Some(key) = &self.annotate {
            if key.is_empty() {
                return Err(usage("--annotate needs a member name".into()));
            }
            if self.text_field.keys().first() == Some(key) {
                return Err(usage(format!(
                    "--annotate {key} would hide the text field (--text-field {})",
                    self.text_field
                )));
            }
        }
        if let Some(sj) = &self.stats_json {
            let clash = inputs
                .iter()
                .find_map(|i| match i {
                    Input::File(f) if f == sj || same_file(f, sj) => Some(i.display()),
                    _ => None,
                })
                .or(match &target {
                    Target::File(o) if o == sj || same_file(o, sj) => Some(o.display().to_string()),
                    _ => None,
                });
            if let Some(other) = clash {
                return Err(usage(format!(
                    "the --stats-json file {} is also an input or the output ({other})",
                    sj.display()
                )));
            }
        }
        let threads = match self.threads {
            Some(n) => usize::from(n),
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        Ok(Config {
            inputs,
            target,
            explain: self.explain,
            mode: self.mode.into(),
            lang: self.lang,
            format: self.jsonl.then_some(Format::Jsonl),
            text_field: self.text_field,
            on_error: self.on_error,
            annotate: self.annotate,
            threads,
            stats: self.stats,
            stats_json: self.stats_json,
            quiet: self.quiet,
            jsonl_options: self.jsonl_options,
        })
    }
}

fn ends_with_separator(p: &Path) -> bool {
    let s = p.as_os_str().as_encoded_bytes();
    s.last() == Some(&b'/') || (cfg!(windows) && s.last() == Some(&b'\\'))
}

/// Whether `a` and `b` name the same existing file.
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn config(args: &[&str]) -> Config {
        Cli::parse_from(std::iter::once("dechrome").chain(args.iter().copied()))
            .into_config()
            .unwrap()
    }

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_path_means_stdin() {
        let c = config(&[]);
        assert_eq!(c.inputs, vec![Input::Stdin]);
        let c = config(&["a.txt", "-"]);
        assert_eq!(c.inputs, vec![Input::File("a.txt".into()), Input::Stdin]);
    }

    #[test]
    fn targets() {
        assert_eq!(config(&[]).target, Target::Stdout);
        assert_eq!(
            config(&["-o", "x.txt"]).target,
            Target::File("x.txt".into())
        );
        assert_eq!(
            config(&["a", "-o", "out/"]).target,
            Target::Dir("out/".into())
        );
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_str().unwrap();
        assert_eq!(
            config(&["a", "-o", d]).target,
            Target::Dir(dir.path().into())
        );
        assert_eq!(config(&[d, "-o", "new"]).target, Target::Dir("new".into()));
        assert_eq!(config(&["--in-place", "a"]).target, Target::InPlace);
    }

    #[test]
    fn usage_errors() {
        let parse = |args: &[&str]| {
            Cli::try_parse_from(std::iter::once("dechrome").chain(args.iter().copied()))
                .and_then(Cli::into_config)
        };
        for args in [
            &["--in-place"][..],
            &["--in-place", "-"],
            &["--in-place", "-o", "x", "a"],
            &["-", "-o", "out/"],
            &["--explain", "--jsonl"],
            &["--explain", "--in-place", "a"],
            &["-j", "0"],
            &["--text-field", "a..b"],
            &["--generate", "man", "a.txt"],
            &["--stats-json", "a.txt", "a.txt"],
            &["--annotate", "text"],
            &["--annotate", "content", "--text-field", "content.body"],
            &["--annotate", ""],
            &["--stats-json", "x.json", "-o", "x.json", "a.txt"],
        ] {
            let e = parse(args).expect_err(&format!("{args:?}"));
            assert_eq!(e.exit_code(), 2, "{args:?}");
        }
    }

    #[test]
    fn jsonl_options_given_are_named() {
        let given = |args: &[&str]| {
            let m = Cli::command()
                .try_get_matches_from(std::iter::once("dechrome").chain(args.iter().copied()))
                .unwrap();
            Cli::parse_matches(m).unwrap().jsonl_options
        };
        assert!(given(&["a.txt"]).is_empty());
        // Given with the default value: still given.
        assert_eq!(given(&["--text-field", "text"]), ["--text-field"]);
        assert_eq!(
            given(&["--annotate", "x", "--on-error=drop"]),
            ["--on-error", "--annotate"]
        );
        assert_eq!(jsonl_options_unused(&[]), None);
        assert_eq!(
            jsonl_options_unused(&["--on-error"]).unwrap(),
            "dechrome: --on-error has no effect: no input is JSON Lines (use --jsonl)"
        );
        assert_eq!(
            jsonl_options_unused(&["--text-field", "--on-error", "--annotate"]).unwrap(),
            "dechrome: --text-field, --on-error and --annotate have no effect: \
             no input is JSON Lines (use --jsonl)"
        );
    }

    #[test]
    fn threads_default_to_cores() {
        assert!(config(&[]).threads >= 1);
        assert_eq!(config(&["-j", "3"]).threads, 3);
    }
}
