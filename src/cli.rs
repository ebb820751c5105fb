//! Command-line arguments: parsed by clap, then turned into a validated
//! [`Config`] the rest of the binary works from.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};
use dechrome::{Lang, Mode};

const AFTER_HELP: &str = "\
Examples:
  dechrome page.txt                  clean one page, article on stdout
  dechrome < page.txt > article.txt  the same, as a filter
  dechrome a.txt b.txt -o out.txt    clean several pages, one after the other
  dechrome --explain page.txt        why each line was kept or dropped
  curl -s URL | html2text | dechrome the article of a live page

Output: the kept lines, unchanged but for surrounding whitespace, in input
order, separated by one blank line. A page with nothing kept gives no output.

Exit status: 0 every input was cleaned; 1 some input could not be read or
the output could not be written (each reported on stderr, the other inputs
are still cleaned); 2 usage error. A closed output pipe exits 0 quietly.";

/// Strip publisher chrome (menus, share rows, banners, credits, legal
/// notices, repeated captions) from plain-text dumps of web pages and keep
/// the article.
#[derive(Debug, Parser)]
#[command(name = "dechrome", version, after_help = AFTER_HELP)]
pub struct Cli {
    /// Files to clean, in order. No path, or `-`, reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Write the output to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Instead of the article, write one tab-separated row per non-blank
    /// input line: keep|drop, category (`-` when kept), rule, the line.
    /// Example: `drop<TAB>social<TAB>phrase:share this article<TAB>SHARE THIS ARTICLE`.
    #[arg(long)]
    pub explain: bool,

    /// Precision drops more (loses a little text rather than keep chrome);
    /// recall keeps more (keeps some chrome rather than lose text).
    #[arg(long, value_enum, default_value_t = ModeArg::Balanced)]
    pub mode: ModeArg,

    /// Judge every document in this language (ISO 639-1: en, de, fr, es, pt,
    /// it, ru, nl, pl, sv, zh, ja, ko) instead of detecting it per document.
    #[arg(long, value_name = "CODE", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    /// Print nothing on stderr but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `--mode` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// Drop more; lose a little text rather than keep chrome.
    Precision,
    /// The default trade-off.
    Balanced,
    /// Keep more; keep some chrome rather than lose text.
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

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| {
        let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        format!("unknown language {s:?}; one of: {}", codes.join(", "))
    })
}

/// Where an input comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file.
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

/// The validated configuration.
#[derive(Debug)]
pub struct Config {
    pub inputs: Vec<Input>,
    pub output: Option<PathBuf>,
    pub explain: bool,
    pub mode: Mode,
    pub lang: Option<Lang>,
    #[allow(dead_code)]
    pub quiet: bool,
}

impl Cli {
    /// Resolves the raw arguments.
    pub fn into_config(self) -> Config {
        let inputs = if self.paths.is_empty() {
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
        Config {
            inputs,
            output: self.output,
            explain: self.explain,
            mode: self.mode.into(),
            lang: self.lang,
            quiet: self.quiet,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_path_means_stdin() {
        let c = Cli::parse_from(["dechrome"]).into_config();
        assert_eq!(c.inputs, vec![Input::Stdin]);
        let c = Cli::parse_from(["dechrome", "a.txt", "-"]).into_config();
        assert_eq!(c.inputs, vec![Input::File("a.txt".into()), Input::Stdin]);
    }
}
