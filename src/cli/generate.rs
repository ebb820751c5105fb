//! `--generate`: shell completions and the man page, from the same clap
//! definition as `--help`.

use std::io::{self, Write};

use clap::CommandFactory;
use clap_complete::Shell;

use super::{Cli, Generate, EXAMPLES, EXIT_STATUS, OUTPUT_HELP};

/// Writes the completions or man page `what` to `out`.
pub fn generate(what: Generate, out: &mut dyn Write) -> io::Result<()> {
    let mut cmd = Cli::command();
    let shell = match what {
        Generate::Bash => Shell::Bash,
        Generate::Zsh => Shell::Zsh,
        Generate::Fish => Shell::Fish,
        Generate::Man => return man(cmd, out),
    };
    clap_complete::generate(shell, &mut cmd, "dechrome", out);
    Ok(())
}

fn man(cmd: clap::Command, out: &mut dyn Write) -> io::Result<()> {
    // The after-help (examples, exit status) gets sections of its own.
    let man = clap_mangen::Man::new(cmd.after_help(""));
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    writeln!(out, ".SH OUTPUT")?;
    writeln!(out, "{}", roff_text(&OUTPUT_HELP.replace('\n', " ")))?;
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    for (code, what) in EXIT_STATUS {
        writeln!(out, ".TP\n\\fB{code}\\fR\n{}", roff_text(what))?;
    }
    writeln!(out, ".PP\nA closed output pipe exits 0 quietly.")?;
    writeln!(out, ".SH EXAMPLES")?;
    for (command, what) in EXAMPLES {
        writeln!(
            out,
            ".TP\n\\fB{}\\fR\n{}",
            roff_text(command),
            roff_text(what)
        )?;
    }
    man.render_version_section(out)
}

/// Escapes text for roff: backslashes, hyphens (so they are not turned into
/// typographic dashes), and a leading dot or quote.
fn roff_text(s: &str) -> String {
    let s = s.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(what: Generate) -> String {
        let mut out = Vec::new();
        generate(what, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn completions_name_the_flags() {
        for what in [Generate::Bash, Generate::Zsh, Generate::Fish] {
            let s = text(what);
            assert!(s.contains("text-field"), "{what:?}");
            assert!(s.contains("on-error"), "{what:?}");
        }
    }

    #[test]
    fn man_page_sections() {
        let s = text(Generate::Man);
        for section in [
            ".TH dechrome",
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH OPTIONS",
            ".SH \"EXIT STATUS\"",
            ".SH EXAMPLES",
        ] {
            assert!(s.contains(section), "{section} missing:\n{s}");
        }
        assert!(s.contains("\\-\\-in\\-place"), "{s}");
    }
}
