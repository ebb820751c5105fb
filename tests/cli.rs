//! The `dechrome` binary, driven through assert_cmd: inputs, output,
//! `--explain`, errors and exit codes, `--help`, closed pipes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use dechrome::Cleaner;
use predicates::prelude::*;

/// A small page: chrome around a short article.
const PAGE_A: &str = "\
Skip to content

BREAKING NEWS

Town council backs plan for new library

The town council met on Tuesday evening to discuss the plan for the new library, and most of the members said that they were in favour of it, although some of them still had questions about how much it would cost.

SHARE THIS ARTICLE

It was the first time in more than ten years that the council had agreed on a project of this size, and the mayor said that she was very pleased with the way in which the debate had gone.

All rights reserved
";

/// A second page, different article.
const PAGE_B: &str = "\
Home > Local > Parks

Volunteers plant trees along the river

About two hundred volunteers spent Saturday morning planting young trees along the river, and the organisers said that they hoped to come back in the autumn to plant as many again on the other bank.

Advertisement

The trees were paid for by a local charity, which has said that it would like to see every street in the town lined with trees by the end of the decade, if the council agrees to help.
";

fn bin() -> Command {
    Command::cargo_bin("dechrome").expect("the dechrome binary is built")
}

/// What the library makes of `input` (the binary must say the same).
fn lib_clean(input: &str) -> String {
    String::from_utf8(Cleaner::new().clean(input.as_bytes()).render()).unwrap()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

#[test]
fn pages_are_non_trivial() {
    // Guards the other tests: the pages have chrome to drop and text to keep.
    let a = lib_clean(PAGE_A);
    assert!(a.contains("Town council backs plan"), "{a}");
    assert!(!a.contains("SHARE THIS ARTICLE"), "{a}");
    assert!(!a.contains("BREAKING NEWS"), "{a}");
    let b = lib_clean(PAGE_B);
    assert!(b.contains("About two hundred volunteers"), "{b}");
    assert!(!b.contains("Advertisement"), "{b}");
}

#[test]
fn stdin_to_stdout() {
    bin()
        .write_stdin(PAGE_A)
        .assert()
        .success()
        .stdout(lib_clean(PAGE_A))
        .stderr("");
}

#[test]
fn file_path() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", PAGE_A);
    bin()
        .arg(&a)
        .assert()
        .success()
        .stdout(lib_clean(PAGE_A))
        .stderr("");
}

#[test]
fn dash_is_stdin() {
    bin()
        .arg("-")
        .write_stdin(PAGE_B)
        .assert()
        .success()
        .stdout(lib_clean(PAGE_B));
}

#[test]
fn dash_between_files_reads_stdin_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", PAGE_A);
    let want = format!(
        "{}{}{}",
        lib_clean(PAGE_A),
        lib_clean(PAGE_B),
        lib_clean(PAGE_A)
    );
    bin()
        .arg(&a)
        .arg("-")
        .arg(&a)
        .write_stdin(PAGE_B)
        .assert()
        .success()
        .stdout(want);
}

#[test]
fn several_files_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", PAGE_A);
    let b = write(dir.path(), "b.txt", PAGE_B);
    bin().args([&b, &a]).assert().success().stdout(format!(
        "{}{}",
        lib_clean(PAGE_B),
        lib_clean(PAGE_A)
    ));
}

#[test]
fn fixture_file_matches_library() {
    let p = fixture("000_4a692c99dc09e595.txt");
    let text = fs::read_to_string(&p).unwrap();
    bin().arg(&p).assert().success().stdout(lib_clean(&text));
}

#[test]
fn output_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", PAGE_A);
    let b = write(dir.path(), "b.txt", PAGE_B);
    let out = dir.path().join("out.txt");
    bin()
        .arg(&a)
        .arg(&b)
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let got = fs::read_to_string(&out).unwrap();
    assert_eq!(got, format!("{}{}", lib_clean(PAGE_A), lib_clean(PAGE_B)));
}

#[test]
fn output_file_long_flag_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.txt");
    bin()
        .arg("--output")
        .arg(&out)
        .write_stdin(PAGE_B)
        .assert()
        .success()
        .stdout("");
    assert_eq!(fs::read_to_string(&out).unwrap(), lib_clean(PAGE_B));
}

#[test]
fn explain_rows() {
    let out = bin()
        .arg("--explain")
        .write_stdin(PAGE_A)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let non_blank: Vec<&str> = PAGE_A.lines().filter(|l| !l.trim().is_empty()).collect();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(
        rows.len(),
        non_blank.len(),
        "one row per non-blank line:\n{text}"
    );
    for (row, line) in rows.iter().zip(&non_blank) {
        let cols: Vec<&str> = row.splitn(4, '\t').collect();
        assert_eq!(cols.len(), 4, "four tab-separated columns: {row:?}");
        let (verdict, category, rule, l) = (cols[0], cols[1], cols[2], cols[3]);
        assert_eq!(l, line.trim(), "rows follow input order");
        match verdict {
            "keep" => assert_eq!(category, "-", "{row:?}"),
            "drop" => assert!(
                dechrome::Category::from_name(category).is_some(),
                "unknown category in {row:?}"
            ),
            v => panic!("verdict column must be keep or drop, got {v:?} in {row:?}"),
        }
        assert!(!rule.is_empty(), "{row:?}");
    }
    assert!(
        text.contains("drop\tsocial\tphrase:share this article\tSHARE THIS ARTICLE\n"),
        "{text}"
    );
    assert!(text.contains("drop\tbanner\t"), "{text}");
    assert!(text.contains("keep\t-\t"), "{text}");
}

/// With several inputs each `--explain` row starts with its input's path
/// and a tab (as grep names the file of each match); with one, it does not
/// (above). Both ways of cleaning (a window of pages in parallel, a page
/// alone) and standard input among the inputs.
#[test]
fn explain_rows_name_the_input_when_there_are_several() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", PAGE_A);
    let b = write(dir.path(), "b.txt", PAGE_B);
    let one = |page: &str| {
        let out = bin().arg("--explain").write_stdin(page).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let named = |name: &str, rows: &str| -> String {
        rows.lines().map(|r| format!("{name}\t{r}\n")).collect()
    };
    let want = format!(
        "{}{}{}",
        named(&a.display().to_string(), &one(PAGE_A)),
        named("<stdin>", &one(PAGE_B)),
        named(&b.display().to_string(), &one(PAGE_B)),
    );
    for threads in ["1", "2"] {
        bin()
            .args(["--explain", "-j", threads])
            .arg(&a)
            .arg("-")
            .arg(&b)
            .write_stdin(PAGE_B)
            .assert()
            .success()
            .stdout(want.clone());
    }
    // A failed input among them: the others' rows, still named.
    let missing = dir.path().join("missing.txt");
    bin()
        .arg("--explain")
        .arg(&missing)
        .arg(&b)
        .assert()
        .code(1)
        .stdout(named(&b.display().to_string(), &one(PAGE_B)));
}

/// JSONL-only options when no input is JSONL: said once on stderr (not
/// with --quiet), the exit status unchanged; nothing said when an input is
/// JSONL, or when there is no input at all (an empty directory, or one
/// given without an output directory).
#[test]
fn jsonl_options_without_jsonl_input_are_said_to_do_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    bin()
        .args(["--annotate", "x", "--in-place"])
        .arg(&empty)
        .assert()
        .success()
        .stderr("");
    bin()
        .args(["--annotate", "x"])
        .arg(&empty)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--annotate").not());
    let a = write(dir.path(), "a.txt", PAGE_A);
    bin()
        .args(["--text-field", "body"])
        .arg(&a)
        .assert()
        .success()
        .stdout(lib_clean(PAGE_A))
        .stderr("dechrome: --text-field has no effect: no input is JSON Lines (use --jsonl)\n");
    let missing = dir.path().join("missing.txt");
    bin()
        .args(["--annotate", "dechrome", "--on-error", "drop"])
        .arg(&a)
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(format!(
            "dechrome: --on-error and --annotate have no effect: no input is JSON Lines \
             (use --jsonl)\ndechrome: {}: No such file or directory\n",
            missing.display()
        ));
    bin()
        .args(["-q", "--text-field", "body"])
        .arg(&a)
        .assert()
        .success()
        .stderr("");
    let r = write(dir.path(), "r.jsonl", "{\"body\":\"x\"}\n");
    bin()
        .args(["--text-field", "body"])
        .arg(&a)
        .arg(&r)
        .assert()
        .success()
        .stderr("");
}

#[test]
fn missing_file_among_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", PAGE_A);
    let b = write(dir.path(), "b.txt", PAGE_B);
    let missing = dir.path().join("no-such-page.txt");
    bin()
        .arg(&a)
        .arg(&missing)
        .arg(&b)
        .assert()
        .code(1)
        .stdout(format!("{}{}", lib_clean(PAGE_A), lib_clean(PAGE_B)))
        // As cat or grep say it: no "(os error 2)".
        .stderr(format!(
            "dechrome: {}: No such file or directory\n",
            missing.display()
        ));
}

#[test]
fn directory_as_input_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", PAGE_A);
    bin()
        .arg(dir.path())
        .arg(&a)
        .assert()
        .code(1)
        .stdout(lib_clean(PAGE_A))
        .stderr(predicate::str::contains(dir.path().display().to_string()));
}

#[test]
fn bad_flag_is_usage_error() {
    bin()
        .arg("--no-such-flag")
        .write_stdin(PAGE_A)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::is_empty().not());
}

#[test]
fn help_mentions_examples_and_exit_status() {
    bin()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("Exit status"))
        .stdout(predicate::str::contains("--explain"));
}

#[test]
fn version_flag() {
    bin()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn modes_are_accepted() {
    for mode in ["precision", "balanced", "recall"] {
        bin()
            .args(["--mode", mode])
            .write_stdin(PAGE_A)
            .assert()
            .success()
            .stdout(predicate::str::contains("Town council backs plan"))
            .stderr("");
    }
}

#[test]
fn bad_mode_is_usage_error() {
    bin()
        .args(["--mode", "maximal"])
        .write_stdin(PAGE_A)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("maximal"));
}

#[test]
fn lang_flag() {
    bin()
        .args(["--lang", "en"])
        .write_stdin(PAGE_A)
        .assert()
        .success()
        .stdout(predicate::str::contains("Town council backs plan"));
    bin()
        .args(["--lang", "xx"])
        .write_stdin(PAGE_A)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("xx"));
}

#[test]
fn empty_input_empty_output() {
    bin()
        .write_stdin("")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    bin()
        .write_stdin("\n\n  \n\t\n")
        .assert()
        .success()
        .stdout("")
        .stderr("");
}

#[test]
fn closed_pipe_exits_zero_quietly() {
    // A fixture given 2000 times: each path is its own document, so the
    // output (megabytes) is far more than a pipe buffer holds once the
    // reader has gone. (One file holding 2000 copies would not do: the
    // copies are dropped as duplicates.)
    let page = fixture("001_600930966775bc34.txt");
    crate::util::assert_closed_pipe_is_quiet(std::iter::repeat(&page).take(2000));
}

#[test]
fn closed_pipe_on_stdin_input() {
    // The same through stdin: the binary reads all of stdin, then writes into
    // a closed pipe.
    let page = fs::read(fixture("003_3793822b9b0b581d.txt")).unwrap();
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("dechrome"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        for _ in 0..200 {
            if stdin.write_all(&page).is_err() || stdin.write_all(b"\n").is_err() {
                break;
            }
        }
    });
    drop(child.stdout.take());
    writer.join().unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// scripts/throughput.sh takes a relative corpus path from the caller's
/// directory, not from the repository root it moves to
/// (`THROUGHPUT_DRY_RUN=1`: it only says which directory it would use).
#[test]
fn throughput_script_resolves_relative_corpus_from_the_caller() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/throughput.sh");
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("corpus")).unwrap();
    let out = StdCommand::new("bash")
        .arg(&script)
        .arg("corpus")
        .current_dir(dir.path())
        .env("THROUGHPUT_DRY_RUN", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    let want = format!("corpus: {}\n", dir.path().join("corpus").display());
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    // A relative path that does not exist there is named as given.
    let out = StdCommand::new("bash")
        .arg(&script)
        .arg("no-such-corpus")
        .current_dir(dir.path())
        .env("THROUGHPUT_DRY_RUN", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-corpus"));
}
