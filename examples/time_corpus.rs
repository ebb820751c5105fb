//! Times `Cleaner::clean` over every page of a directory held in memory.
//! `cargo run --release --example time_corpus -- DIR [ROUNDS]`
use std::{env, fs, time::Instant};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = env::args().collect();
    let dir = args
        .get(1)
        .map_or("../shared/dev-corpus/input", String::as_str);
    let rounds: usize = args.get(2).map_or(Ok(3), |s| s.parse())?;
    let mut pages = Vec::new();
    for e in fs::read_dir(dir)? {
        let p = e?.path();
        if p.extension().is_some_and(|x| x == "txt") {
            pages.push(fs::read(p)?);
        }
    }
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let cleaner = dechrome::Cleaner::new();
    let mut best = f64::MAX;
    let mut kept = 0;
    for _ in 0..rounds {
        let t = Instant::now();
        kept = pages.iter().map(|p| cleaner.clean(p).kept()).sum::<usize>();
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} pages, {:.1} MB, kept {kept} lines, best {:.3} s, {:.1} MB/s",
        pages.len(),
        bytes as f64 / 1e6,
        best,
        bytes as f64 / best / 1e6
    );
    Ok(())
}
