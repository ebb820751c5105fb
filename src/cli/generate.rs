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
    let mut built = cmd.clone();
    built.build();
    let man = clap_mangen::Man::new(cmd.after_help(""));
    man.render_title(out)?;
    man.render_name_section(out)?;
    synopsis(&built, out)?;
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

/// The SYNOPSIS section: each option with its value's name
/// (`[--mode <MODE>]`), as in OPTIONS, which clap_mangen leaves out.
fn synopsis(cmd: &clap::Command, out: &mut dyn Write) -> io::Result<()> {
    let mut line = format!("\\fB{}\\fR", cmd.get_name());
    // Options first, then the positionals, as in the usage line.
    let mut args: Vec<&clap::Arg> = cmd.get_arguments().filter(|a| !a.is_hide_set()).collect();
    args.sort_by_key(|a| a.is_positional());
    for arg in args {
        let value = arg
            .get_num_args()
            .is_some_and(|n| n.takes_values())
            .then(|| match arg.get_value_names() {
                Some(names) => names.join(" "),
                None => arg.get_id().as_str().to_uppercase(),
            });
        let mut item = match (arg.get_short(), arg.get_long()) {
            (Some(s), Some(l)) => format!("\\fB\\-{s}\\fR|\\fB\\-\\-{}\\fR", roff_text(l)),
            (Some(s), None) => format!("\\fB\\-{s}\\fR"),
            (None, Some(l)) => format!("\\fB\\-\\-{}\\fR", roff_text(l)),
            (None, None) => match &value {
                // A positional: its value name alone, repeated if it may be.
                Some(v) => {
                    let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
                    line.push_str(&format!(
                        " [\\fI{}\\fR]{}",
                        roff_text(v),
                        if many { "..." } else { "" }
                    ));
                    continue;
                }
                None => continue,
            },
        };
        if let Some(v) = &value {
            // An unbreakable space: the name stays beside its option.
            item.push_str(&format!("\\ \\fI<{}>\\fR", roff_text(v)));
        }
        line.push_str(&format!(" [{item}]"));
    }
    // Not justified (.na ... .ad): no wide gaps between the options.
    writeln!(out, ".SH SYNOPSIS\n.na\n{line}\n.ad")
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
            // --lang completes to the language codes.
            let codes = match what {
                Generate::Fish => "ja\\t''",
                _ => "en de fr es pt it ru nl pl sv zh ja ko",
            };
            assert!(s.contains(codes), "{what:?}");
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
        let synopsis = s
            .split(".SH SYNOPSIS\n")
            .nth(1)
            .and_then(|rest| rest.lines().nth(1))
            .unwrap_or_default();
        for want in [
            "[\\fB\\-\\-mode\\fR\\ \\fI<MODE>\\fR]",
            "[\\fB\\-o\\fR|\\fB\\-\\-output\\fR\\ \\fI<FILE>\\fR]",
            "[\\fB\\-\\-text\\-field\\fR\\ \\fI<NAME>\\fR]",
            "[\\fB\\-\\-in\\-place\\fR]",
            "[\\fIPATH\\fR]...",
        ] {
            assert!(synopsis.contains(want), "{want} missing: {synopsis}");
        }
    }
}
