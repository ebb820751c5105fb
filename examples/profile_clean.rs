//! Cleans every page of a directory once to warm up (the shape regexes and
//! their lazy DFA caches; the `~` phrases stay on their NFA for a run under
//! 49,152 scans, some 89 MB), then
//! `ROUNDS` more times inside `measured_rounds`, for instruction counts:
//! `valgrind --tool=callgrind --toggle-collect='*measured_rounds*'
//!  target/release/examples/profile_clean DIR [ROUNDS] [precision|balanced|recall]`
//! (the mode balanced unless given).
use std::{env, fs};

#[inline(never)]
fn measured_rounds(cleaner: &dechrome::Cleaner, pages: &[Vec<u8>], rounds: usize) -> usize {
    let mut kept = 0;
    for _ in 0..rounds {
        kept += pages.iter().map(|p| cleaner.clean(p).kept()).sum::<usize>();
    }
    kept
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = env::args().collect();
    let dir = args
        .get(1)
        .map_or("../shared/dev-corpus/input", String::as_str);
    let rounds: usize = args.get(2).map_or(Ok(1), |s| s.parse())?;
    let mode = match args.get(3).map(String::as_str) {
        None | Some("balanced") => dechrome::Mode::Balanced,
        Some("precision") => dechrome::Mode::Precision,
        Some("recall") => dechrome::Mode::Recall,
        Some(other) => anyhow::bail!("unknown mode {other}"),
    };
    let mut names: Vec<_> = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    names.sort();
    let pages: Vec<Vec<u8>> = names
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(fs::read)
        .collect::<Result<_, _>>()?;
    let cleaner = dechrome::CleanerBuilder::new().mode(mode).build()?;
    let warm: usize = pages.iter().map(|p| cleaner.clean(p).kept()).sum();
    let kept = measured_rounds(&cleaner, &pages, rounds);
    println!(
        "{} pages, kept {warm} lines per round, {kept} in {rounds} rounds",
        pages.len()
    );
    Ok(())
}
