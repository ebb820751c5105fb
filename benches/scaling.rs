//! Time against input size (issue 7: the cleaner is linear in lines and
//! bytes). Each family grows its input tenfold per step; linear time shows
//! as the same throughput (bytes per second) at every size, and
//! `time / size` flat in the criterion report.
//!
//! Families:
//! - `one-char-lines/N`: N lines of one character (`a\n`), all dropped;
//! - `short-lines/N`: N distinct short lines of words (menus, list items,
//!   comment metadata), the context model's worst case;
//! - `page-lines/N`: the fixtures' lines cycled until there are N (prose and
//!   chrome, with many repeats for the repetition check);
//! - `single-line/SIZE`: one line of prose and no line end, kept whole.
//!
//! By default N = 10^4 and 10^5 and SIZE = 1 MB and 10 MB, so that
//! `cargo bench --bench scaling` stays quick; `DECHROME_BENCH_BIG=1` adds
//! N = 10^6 and SIZE = 100 MB (about 0.3 GB of memory).
//!
//! Each benchmark first checks its kept-line count, so that a broken fast
//! path cannot look fast.

use std::fs;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dechrome::Cleaner;

const MB: usize = 1 << 20;

fn big() -> bool {
    std::env::var_os("DECHROME_BENCH_BIG").is_some_and(|v| v != "0" && !v.is_empty())
}

fn line_counts() -> Vec<usize> {
    let mut n = vec![10_000, 100_000];
    if big() {
        n.push(1_000_000);
    }
    n
}

fn line_sizes() -> Vec<usize> {
    let mut s = vec![MB, 10 * MB];
    if big() {
        s.push(100 * MB);
    }
    s
}

/// `n` lines `a`.
fn one_char_lines(n: usize) -> Vec<u8> {
    b"a\n".repeat(n)
}

/// `n` distinct short lines of two to six words, none a sentence.
fn short_lines(n: usize) -> Vec<u8> {
    const WORDS: &[&str] = &[
        "home", "news", "world", "council", "library", "river", "the", "of", "and", "Tuesday",
        "vote", "plan", "share", "town", "mayor",
    ];
    let mut out = Vec::with_capacity(n * 24);
    let mut x: u32 = 12345;
    for i in 0..n {
        let k = 2 + i % 5;
        for j in 0..k {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            if j > 0 {
                out.push(b' ');
            }
            out.extend_from_slice(WORDS[x as usize % WORDS.len()].as_bytes());
        }
        out.extend_from_slice(format!(" {i}\n").as_bytes());
    }
    out
}

/// The fixtures' lines, cycled until there are `n`.
fn page_lines(n: usize) -> Vec<u8> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<_> = fs::read_dir(&dir)
        .expect("fixtures/")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "txt")
                && !p.to_string_lossy().ends_with(".expected.txt")
        })
        .collect();
    names.sort();
    let text: Vec<u8> = names
        .iter()
        .flat_map(|p| fs::read(p).expect("fixture"))
        .collect();
    let lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
    let mut out = Vec::new();
    for l in lines.iter().cycle().take(n) {
        out.extend_from_slice(l);
        out.push(b'\n');
    }
    out
}

/// One line of prose, `size` bytes, no line end.
fn single_line(size: usize) -> Vec<u8> {
    let sentence = b"The council said that it would look at the plan again in the spring, and that the people of the town would have their say on it. ";
    let mut out: Vec<u8> = sentence.iter().copied().cycle().take(size).collect();
    out.pop();
    out.push(b'.');
    out
}

/// One family: for each size, the input, its kept-line count checked, and
/// the time to clean and render it.
fn family(
    c: &mut Criterion,
    cleaner: &Cleaner,
    name: &str,
    sizes: &[usize],
    make: fn(usize) -> Vec<u8>,
    expect_kept: fn(usize) -> Option<usize>,
) {
    let mut group = c.benchmark_group(format!("scaling/{name}"));
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_millis(500));
    group.measurement_time(std::time::Duration::from_secs(3));
    for &n in sizes {
        let input = make(n);
        let kept = cleaner.clean(&input).kept();
        if let Some(want) = expect_kept(n) {
            assert_eq!(kept, want, "{name}/{n}: kept-line count changed");
        }
        group.throughput(Throughput::Bytes(input.len() as u64));
        let mut out = Vec::with_capacity(input.len());
        let id = if name == "single-line" {
            format!("{}MB", n / MB)
        } else {
            n.to_string()
        };
        group.bench_with_input(BenchmarkId::from_parameter(id), &input, |b, input| {
            b.iter(|| {
                let cleaned = cleaner.clean(input);
                out.clear();
                cleaned.render_into(&mut out);
                assert_eq!(cleaned.kept(), kept);
                out.len()
            })
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    let cleaner = Cleaner::new();
    let lines = line_counts();
    family(
        c,
        &cleaner,
        "one-char-lines",
        &lines,
        one_char_lines,
        |_| Some(0),
    );
    family(c, &cleaner, "short-lines", &lines, short_lines, |_| None);
    family(c, &cleaner, "page-lines", &lines, page_lines, |_| None);
    family(
        c,
        &cleaner,
        "single-line",
        &line_sizes(),
        single_line,
        |_| Some(1),
    );
}

criterion_group!(scaling, benches);
criterion_main!(scaling);
