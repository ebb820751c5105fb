//! The `dechrome` binary: arguments -> config -> one cleaner -> inputs
//! cleaned in order -> output. Errors on one input are reported with its
//! path and the run goes on; the exit status says whether any failed.

mod cli;

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use dechrome::{Cleaner, CleanerBuilder};

use cli::{Cli, Config, Input};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli.into_config()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dechrome: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Cleans every input; `Ok(false)` if some input failed.
fn run(cfg: Config) -> anyhow::Result<bool> {
    let cleaner = CleanerBuilder::new()
        .mode(cfg.mode)
        .language(cfg.lang)
        .build()
        .context("building the cleaner")?;
    let (sink, out_name): (Box<dyn Write>, String) = match &cfg.output {
        Some(p) => (
            Box::new(File::create(p).with_context(|| format!("{}: cannot create", p.display()))?),
            p.display().to_string(),
        ),
        None => (Box::new(io::stdout().lock()), "<stdout>".to_string()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, sink);
    let mut all_ok = true;
    let mut buf = Vec::new();
    let mut rendered = Vec::new();
    for input in &cfg.inputs {
        buf.clear();
        if let Err(e) = read_input(input, &mut buf) {
            eprintln!("dechrome: {}: {e}", input.display());
            all_ok = false;
            continue;
        }
        write_one(&cleaner, &cfg, &buf, &mut rendered, &mut out)
            .with_context(|| format!("{out_name}: write failed"))?;
    }
    out.flush()
        .with_context(|| format!("{out_name}: write failed"))?;
    Ok(all_ok)
}

fn read_input(input: &Input, buf: &mut Vec<u8>) -> io::Result<()> {
    match input {
        Input::Stdin => io::stdin().lock().read_to_end(buf).map(|_| ()),
        Input::File(p) => File::open(p)?.read_to_end(buf).map(|_| ()),
    }
}

fn write_one(
    cleaner: &Cleaner,
    cfg: &Config,
    input: &[u8],
    rendered: &mut Vec<u8>,
    out: &mut impl Write,
) -> io::Result<()> {
    let cleaned = cleaner.clean(input);
    if cfg.explain {
        cleaned.write_explain(out)
    } else {
        rendered.clear();
        cleaned.render_into(rendered);
        out.write_all(rendered)
    }
}
