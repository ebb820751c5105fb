//! Throughput of the cleaner, in bytes per second.
//!
//! Inputs in size tiers: one page (a fixture), a stream of many pages (the
//! dev corpus pages concatenated when `../shared/dev-corpus` is present,
//! else the fixtures repeated to ~8 MB). Each benchmark first checks the
//! number of kept lines, so a broken fast path cannot look fast.
//!
//! `cargo bench --bench clean`

use std::fs;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dechrome::Cleaner;

/// Every fixture page with the number of lines of its hand-written expected
/// output (what the benchmarks check the kept-line count against).
fn fixtures() -> Vec<(Vec<u8>, usize)> {
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
    names
        .iter()
        .map(|p| {
            let expected =
                fs::read_to_string(p.with_extension("expected.txt")).expect("expected output");
            let kept = expected.lines().filter(|l| !l.is_empty()).count();
            (fs::read(p).expect("fixture"), kept)
        })
        .collect()
}

/// Pages of the dev corpus, if it is beside the repository.
fn corpus() -> Option<Vec<Vec<u8>>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dev-corpus/input");
    let mut names: Vec<_> = fs::read_dir(dir)
        .ok()?
        .map(|e| e.ok().map(|e| e.path()))
        .collect::<Option<_>>()?;
    names.sort();
    Some(names.iter().filter_map(|p| fs::read(p).ok()).collect())
}

/// Registers one benchmark over `pages`, after checking its kept-line count.
fn define(c: &mut Criterion, name: &str, pages: &[Vec<u8>], expect_kept: Option<usize>) {
    let cleaner = Cleaner::new();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    let kept: usize = pages.iter().map(|p| cleaner.clean(p).kept()).sum();
    if let Some(want) = expect_kept {
        assert_eq!(kept, want, "{name}: kept-line count changed");
    }
    assert!(kept > 0, "{name}: nothing kept");
    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    let mut out = Vec::with_capacity(bytes);
    group.bench_function(name, |b| {
        b.iter(|| {
            let mut n = 0;
            out.clear();
            for p in pages {
                let cleaned = cleaner.clean(p);
                n += cleaned.kept();
                cleaned.render_into(&mut out);
            }
            assert_eq!(n, kept);
            n
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let fx = fixtures();
    let (pages, kept): (Vec<Vec<u8>>, Vec<usize>) = fx.into_iter().unzip();
    define(c, "one-page", &pages[1..2], Some(kept[1]));
    let n = 400;
    let stream: Vec<Vec<u8>> = pages
        .iter()
        .cycle()
        .take(pages.len() * n)
        .cloned()
        .collect();
    define(
        c,
        "fixtures-x400",
        &stream,
        Some(kept.iter().sum::<usize>() * n),
    );
    if let Some(pages) = corpus() {
        define(c, "dev-corpus", &pages, None);
    }
    jsonl(c, &pages, &kept);
}

/// The JSONL path: records holding the fixtures (with other fields), each
/// found, cleaned and spliced as the binary does, on one thread.
fn jsonl(c: &mut Criterion, pages: &[Vec<u8>], kept: &[usize]) {
    use dechrome::jsonl::{find_string_field, splice, FieldPath};
    let n = 200;
    let mut shard = Vec::new();
    for (i, p) in pages.iter().cycle().take(pages.len() * n).enumerate() {
        let text = String::from_utf8_lossy(p);
        shard.extend_from_slice(
            format!(
                "{{\"id\":{i},\"url\":\"https://example.com/{i}\",\"score\":1.5e3,\"text\":{}}}\n",
                serde_json::to_string(&text).expect("a string serialises")
            )
            .as_bytes(),
        );
    }
    let cleaner = Cleaner::new();
    let field = FieldPath::parse("text").expect("a valid path");
    let run = |out: &mut Vec<u8>| {
        let mut kept_lines = 0;
        for line in shard.split_inclusive(|&b| b == b'\n') {
            let f = find_string_field(line, &field).expect("a valid record");
            let cleaned = cleaner.clean(f.value.as_bytes());
            kept_lines += cleaned.kept();
            let text = String::from_utf8(cleaned.render()).expect("UTF-8 in, UTF-8 out");
            splice(line, f.span, &text, out);
        }
        kept_lines
    };
    let want = kept.iter().sum::<usize>() * n;
    assert_eq!(run(&mut Vec::new()), want, "jsonl: kept-line count changed");
    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(shard.len() as u64));
    group.sample_size(10);
    let mut out = Vec::with_capacity(shard.len());
    group.bench_function("jsonl-fixtures-x200", |b| {
        b.iter(|| {
            out.clear();
            assert_eq!(run(&mut out), want);
        })
    });
    group.finish();
}

criterion_group!(clean, benches);
criterion_main!(clean);
