//! Cleans every `*.txt` file of a directory into another directory, with one
//! cleaner (no process per page). Used by `scripts/quality.sh`.
//!
//! `cargo run --release --example clean_dir -- INPUT_DIR OUTPUT_DIR [precision|balanced|recall] [reference]`
//!
//! With `reference`, the slow reference pipeline (no shortcuts) cleans
//! instead, and the output is `--explain` rows, so that the two can be
//! compared with `cmp` or `diff`.

use std::{env, fs, path::Path};

use dechrome::{CleanerBuilder, Mode};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = env::args().collect();
    anyhow::ensure!(
        args.len() >= 3,
        "usage: clean_dir INPUT_DIR OUTPUT_DIR [MODE]"
    );
    let mode = match args.get(3).map(String::as_str) {
        Some("precision") => Mode::Precision,
        Some("recall") => Mode::Recall,
        _ => Mode::Balanced,
    };
    let reference = args.get(4).is_some_and(|a| a == "reference");
    let explain = args
        .get(4)
        .is_some_and(|a| a == "reference" || a == "explain");
    let cleaner = CleanerBuilder::new()
        .mode(mode)
        .reference(reference)
        .build()?;
    let out = Path::new(&args[2]);
    fs::create_dir_all(out)?;
    for entry in fs::read_dir(&args[1])? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            let input = fs::read(&path)?;
            let cleaned = cleaner.clean(&input);
            let mut bytes = Vec::new();
            if explain {
                cleaned.write_explain(&mut bytes)?;
            } else {
                cleaned.render_into(&mut bytes);
            }
            fs::write(out.join(path.file_name().expect("a file")), bytes)?;
        }
    }
    Ok(())
}
