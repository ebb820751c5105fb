//! Golden files: every `fixtures/NAME.txt` that has a reviewed
//! `fixtures/NAME.expected.txt` is cleaned with the default cleaner and the
//! rendered bytes must equal the expected file. A mismatch panics with a
//! line-by-line diff (missing and extra lines, with line numbers).

use std::fs;
use std::path::{Path, PathBuf};

use dechrome::Cleaner;

/// `(input, expected)` pairs, sorted by name.
fn fixtures() -> Vec<(PathBuf, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut pairs = Vec::new();
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name.strip_suffix(".txt") else {
            continue;
        };
        if stem.ends_with(".expected") {
            continue;
        }
        let expected = dir.join(format!("{stem}.expected.txt"));
        if expected.is_file() {
            pairs.push((path, expected));
        }
    }
    pairs.sort();
    pairs
}

/// Lines with their 1-based line numbers.
type Numbered<'a> = Vec<(usize, &'a str)>;

/// Longest-common-subsequence diff of two line lists: the lines of
/// `expected` missing from `actual` and the lines of `actual` that are not in
/// `expected`, each with its 1-based line number in its own file.
fn diff_lines<'a>(expected: &[&'a str], actual: &[&'a str]) -> (Numbered<'a>, Numbered<'a>) {
    let (n, m) = (expected.len(), actual.len());
    // lcs[i][j]: LCS length of expected[i..] and actual[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if expected[i] == actual[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut missing, mut extra) = (Vec::new(), Vec::new());
    while i < n || j < m {
        if i < n && j < m && expected[i] == actual[j] {
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            extra.push((j + 1, actual[j]));
            j += 1;
        } else {
            missing.push((i + 1, expected[i]));
            i += 1;
        }
    }
    (missing, extra)
}

/// A readable report of how `actual` differs from `expected`.
fn report(name: &str, expected: &[u8], actual: &[u8]) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let e: Vec<&str> = exp.split('\n').collect();
    let a: Vec<&str> = act.split('\n').collect();
    let (missing, extra) = diff_lines(&e, &a);
    let mut s = format!("golden mismatch for {name}\n");
    let show = |l: &str| {
        if l.is_empty() {
            "<blank>".to_string()
        } else {
            l.to_string()
        }
    };
    s += &format!(
        "--- missing from output ({}), by expected line number:\n",
        missing.len()
    );
    for (n, l) in &missing {
        s += &format!("- {n:>4}: {}\n", show(l));
    }
    s += &format!(
        "+++ extra in output ({}), by output line number:\n",
        extra.len()
    );
    for (n, l) in &extra {
        s += &format!("+ {n:>4}: {}\n", show(l));
    }
    if missing.is_empty() && extra.is_empty() {
        s += "(lines equal after splitting on \\n: the difference is in line endings or bytes lost to lossy UTF-8 display)\n";
    }
    s
}

#[test]
fn at_least_five_fixtures() {
    let n = fixtures().len();
    assert!(n >= 5, "expected at least 5 golden fixtures, found {n}");
}

#[test]
fn fixtures_match_expected() {
    let cleaner = Cleaner::new();
    let mut failures = Vec::new();
    for (input, expected) in fixtures() {
        let text = fs::read(&input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        let want = fs::read(&expected).unwrap_or_else(|e| panic!("{}: {e}", expected.display()));
        let got = cleaner.clean(&text).render();
        if got != want {
            let name = input.file_name().unwrap().to_string_lossy().into_owned();
            failures.push(report(&name, &want, &got));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn diff_reports_missing_and_extra_lines() {
    let (missing, extra) = diff_lines(&["a", "", "b", "", "c"], &["a", "", "x", "", "c"]);
    assert_eq!(missing, vec![(3, "b")]);
    assert_eq!(extra, vec![(3, "x")]);
    let r = report("t", b"a\n\nb\n", b"a\n\nb\n\nz\n");
    assert!(r.contains("+    5: z"), "{r}");
}
