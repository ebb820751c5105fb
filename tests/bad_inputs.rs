//! Bad inputs (issue 7): every kind of broken page a pipeline sees, through
//! the binary, with the exit status, stdout and stderr each must give.
//!
//! Whatever the input, the binary never panics (exit status 101, or
//! "panicked" on stderr), never alters a byte of a kept line, and a bad
//! input never stops the good ones beside it. Inputs are kept moderate (a
//! 20 MB line, 10^5 lines) so that this file runs in a few seconds in a
//! debug build; the 100 MB line and the 10^6-line page are in
//! `benches/scaling.rs` (`DECHROME_BENCH_BIG=1`).

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Output, Stdio};

use assert_cmd::Command;
use dechrome::Cleaner;
use predicates::prelude::*;

fn bin() -> Command {
    Command::cargo_bin("dechrome").expect("the dechrome binary is built")
}

/// What the library makes of `input`: the binary must write exactly this.
fn lib_clean(input: &[u8]) -> Vec<u8> {
    Cleaner::new().clean(input).render()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

/// No panic: not exit status 101 (Rust's panic status), nothing on stderr
/// that looks like a panic message.
fn assert_no_panic(out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(101), "panicked; stderr: {stderr}");
    assert!(
        !stderr.contains("panicked"),
        "panic message on stderr: {stderr}"
    );
    assert!(out.status.code().is_some(), "killed by a signal: {out:?}");
}

/// Runs the binary on the given arguments, asserts it did not panic and
/// exited with `code`, and returns its output.
fn run(args: &[&Path], code: i32) -> Output {
    let out = bin().args(args).output().unwrap();
    assert_no_panic(&out);
    assert_eq!(
        out.status.code(),
        Some(code),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Kept lines of `rendered`, as the renderer writes them (one blank line
/// apart, a final newline).
fn kept_lines(rendered: &[u8]) -> Vec<&[u8]> {
    match rendered.strip_suffix(b"\n") {
        None => Vec::new(),
        Some(body) => split_on(body, b"\n\n"),
    }
}

fn split_on<'a>(mut s: &'a [u8], sep: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(i) = s.windows(sep.len()).position(|w| w == sep) {
        out.push(&s[..i]);
        s = &s[i + sep.len()..];
    }
    out.push(s);
    out
}

/// A short article with chrome around it, one block per line: `{}` marks
/// where each test puts its own bytes (a line end, a prefix).
const ARTICLE: &[&str] = &[
    "Skip to content",
    "BREAKING NEWS",
    "Town council backs plan for new library",
    "The town council met on Tuesday evening to discuss the plan for the new library, and most of the members said that they were in favour of it, although some of them still had questions about how much it would cost.",
    "SHARE THIS ARTICLE",
    "It was the first time in more than ten years that the council had agreed on a project of this size, and the mayor said that she was very pleased with the way in which the debate had gone.",
    "Work on the building is expected to begin in the spring, and it should be finished by the end of next year if there are no delays with the supply of materials or with the weather.",
    "All rights reserved",
];

/// [`ARTICLE`] with `eol` after every line (and a blank line between).
fn article(eol: &str) -> Vec<u8> {
    let mut s = String::new();
    for l in ARTICLE {
        s.push_str(l);
        s.push_str(eol);
        s.push_str(eol);
    }
    s.into_bytes()
}

/// Guards the tests below: the article keeps its prose and drops chrome.
#[test]
fn article_is_non_trivial() {
    let out = lib_clean(&article("\n"));
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("Town council backs plan"), "{text}");
    assert!(text.contains("Work on the building"), "{text}");
    assert!(!text.contains("SHARE THIS ARTICLE"), "{text}");
    assert!(!text.contains("BREAKING NEWS"), "{text}");
}

/// A page in Latin-1 (invalid UTF-8): the bytes of kept lines come out as
/// they went in, and decisions are still made (chrome dropped, text kept).
#[test]
fn latin1_page_bytes_kept() {
    let page: &[u8] = b"Accueil > Actualit\xe9s > R\xe9gion\n\
\n\
Partager\n\
\n\
Le conseil municipal approuve la nouvelle biblioth\xe8que\n\
\n\
Le conseil municipal s'est r\xe9uni mardi soir pour discuter du projet de la nouvelle biblioth\xe8que, et la plupart des \xe9lus ont dit qu'ils \xe9taient pour, m\xeame si certains se posent encore des questions sur son co\xfbt.\n\
\n\
C'est la premi\xe8re fois depuis plus de dix ans que le conseil se met d'accord sur un projet de cette taille, et le maire a dit qu'elle \xe9tait tr\xe8s contente de la fa\xe7on dont le d\xe9bat s'est pass\xe9.\n\
\n\
Publicit\xe9\n";
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "latin1.txt", page);
    let out = run(&[&p], 0);
    assert_eq!(out.stdout, lib_clean(page));
    assert!(out.stderr.is_empty());
    let kept = kept_lines(&out.stdout);
    assert!(kept.len() >= 2, "the article is kept: {kept:?}");
    for l in &kept {
        assert!(
            page.split(|&b| b == b'\n').any(|line| line == *l),
            "kept line is not an input line: {:?}",
            String::from_utf8_lossy(l)
        );
    }
    // The raw Latin-1 bytes, not U+FFFD or a re-encoding.
    assert!(out.stdout.windows(3).any(|w| w == b"r\xe9u"));
    assert!(!out.stdout.windows(3).any(|w| w == "\u{fffd}".as_bytes()));
    // Decisions are still made: the share label is dropped, the paragraph
    // kept. (Not all of them are the UTF-8 page's: the breadcrumb test and
    // phrases with non-ASCII letters, "Publicit\xe9", need UTF-8.)
    assert!(!out.stdout.windows(8).any(|w| w == b"Partager"));

    // --explain shows the raw bytes too, one row per non-blank line.
    let out = bin().arg("--explain").arg(&p).output().unwrap();
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0));
    let rows = split_on(out.stdout.strip_suffix(b"\n").unwrap(), b"\n");
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().any(|r| r.ends_with(b"Publicit\xe9")));
}

/// NUL and other control bytes inside lines, and lines made only of them:
/// not whitespace (only tab, VT and FF are), so kept or dropped like any
/// other byte, and written back unchanged.
#[test]
fn nul_and_control_bytes() {
    let mut page = article("\n");
    page.extend_from_slice(b"\x00\x00\x00\n\x01\x02\x03\x1b[0m\x7f\n\x07\n");
    // Inside a paragraph the context model keeps.
    let para = ARTICLE[3].as_bytes();
    let mut odd = para.to_vec();
    odd[10] = 0;
    odd[20] = 0x1b;
    odd[30] = 0x7f;
    odd[40] = 0x01;
    let mut page2 = b"\x00\n".to_vec();
    page2.extend_from_slice(&article("\n"));
    page2.extend_from_slice(b"\n\n");
    page2.extend_from_slice(&odd);
    page2.extend_from_slice(b"\n");

    let dir = tempfile::tempdir().unwrap();
    for (name, input) in [("ctl1.txt", &page), ("ctl2.txt", &page2)] {
        let p = write(dir.path(), name, input);
        let out = run(&[&p], 0);
        assert_eq!(out.stdout, lib_clean(input), "{name}");
        assert!(out.stderr.is_empty(), "{name}");
        for l in kept_lines(&out.stdout) {
            assert!(
                input.windows(l.len()).any(|w| w == l),
                "{name}: kept line is not in the input"
            );
        }
    }
    // The paragraph with control bytes in it is prose all the same.
    let out = run(&[&dir.path().join("ctl2.txt")], 0);
    assert!(
        kept_lines(&out.stdout).contains(&&odd[..]),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A UTF-8 byte order mark is whitespace: trimmed from the first line, so
/// the output is that of the page without it.
#[test]
fn utf8_bom() {
    let plain = article("\n");
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(&plain);
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "bom.txt", &bom);
    let out = run(&[&p], 0);
    assert!(out.stderr.is_empty());
    assert_eq!(out.stdout, lib_clean(&plain));
    assert!(!out.stdout.starts_with(b"\xef\xbb\xbf"));
    // A BOM alone is a blank page.
    let p = write(dir.path(), "bom-only.txt", b"\xef\xbb\xbf");
    assert!(run(&[&p], 0).stdout.is_empty());
}

/// `\r\n` and lone `\r` line ends split lines as `\n` does: the output is
/// the same as for the `\n` page, and no `\r` is left in it.
#[test]
fn crlf_and_lone_cr_line_ends() {
    let want = lib_clean(&article("\n"));
    assert!(!want.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let mut mixed = Vec::new();
    for (i, l) in ARTICLE.iter().enumerate() {
        mixed.extend_from_slice(l.as_bytes());
        mixed.extend_from_slice([&b"\r\n"[..], b"\r", b"\n"][i % 3]);
        mixed.extend_from_slice(b"\r\n");
    }
    for (name, input) in [
        ("crlf.txt", article("\r\n")),
        ("cr.txt", article("\r")),
        ("mixed.txt", mixed),
    ] {
        let p = write(dir.path(), name, &input);
        let out = run(&[&p], 0);
        assert_eq!(
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&want),
            "{name}"
        );
        assert!(!out.stdout.contains(&b'\r'), "{name}");
        assert!(out.stderr.is_empty(), "{name}");
    }
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "empty.txt", b"");
    let out = run(&[&p], 0);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.is_empty());
    bin()
        .arg("--explain")
        .arg(&p)
        .assert()
        .code(0)
        .stdout("")
        .stderr("");
}

/// Every kind of whitespace the splitter knows, and line ends: no line,
/// no output.
#[test]
fn only_whitespace() {
    let page = " \t\n\r\n\r\x0b\x0c \u{a0}\u{2003}\u{200b}\u{3000}\u{feff}\n\n \n".repeat(100);
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "ws.txt", page.as_bytes());
    let out = run(&[&p], 0);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.is_empty());
    bin().arg("--explain").arg(&p).assert().code(0).stdout("");
}

/// One 20 MB line of prose (no line end at all): cleaned in one go and
/// kept whole, byte for byte.
#[test]
fn single_20_mb_line() {
    let sentence = "The council said that it would look at the plan again in the spring, and that the people of the town would have their say on it. ";
    let n = 20 * 1024 * 1024 / sentence.len();
    let mut line = sentence.repeat(n).into_bytes();
    line.truncate(line.len() - 1); // no trailing space
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "long.txt", &line);
    let out = run(&[&p], 0);
    assert!(out.stderr.is_empty());
    assert_eq!(out.stdout.len(), line.len() + 1, "the line is kept whole");
    assert!(out.stdout[..line.len()] == line[..], "bytes altered");
    assert_eq!(out.stdout.last(), Some(&b'\n'));
}

/// 10^5 one-character lines: each is dropped as a stray character, one
/// `--explain` row each.
#[test]
fn hundred_thousand_one_char_lines() {
    let page = "a\n".repeat(100_000);
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "many.txt", page.as_bytes());
    let out = run(&[&p], 0);
    assert_eq!(out.stdout, lib_clean(page.as_bytes()));
    assert!(out.stderr.is_empty());
    let out = bin().arg("--explain").arg(&p).output().unwrap();
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 100_000);
    assert!(
        text.lines().all(|r| r.ends_with("\ta")),
        "row ends with the line"
    );
    // Between two paragraphs the lines are the same, the article still found.
    let mut page = article("\n");
    page.extend_from_slice("x\n".repeat(100_000).as_bytes());
    page.extend_from_slice(&article("\n"));
    let p = write(dir.path(), "many2.txt", &page);
    let out = run(&[&p], 0);
    assert_eq!(out.stdout, lib_clean(&page));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Town council backs plan"));
}

/// Binary junk (deterministic pseudo-random bytes, 1 MB): no panic, the
/// library's answer.
#[test]
fn binary_junk() {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let junk: Vec<u8> = (0..1 << 20)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "junk.bin", &junk);
    let out = run(&[&p], 0);
    assert_eq!(out.stdout, lib_clean(&junk));
    assert!(out.stderr.is_empty());
}

/// A page cut in the middle of a UTF-8 sequence (a truncated download).
#[test]
fn truncated_utf8_at_end() {
    let mut page = article("\n");
    page.extend_from_slice("Le conseil a dit que la biblioth\u{e8}que".as_bytes());
    page.extend_from_slice(&"\u{2014}".as_bytes()[..2]);
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "cut.txt", &page);
    let out = run(&[&p], 0);
    assert_eq!(out.stdout, lib_clean(&page));
}

/// A missing file and an unreadable one (a directory) between two good
/// pages: both reported on stderr with their path, the good pages cleaned,
/// exit status 1.
#[test]
fn missing_and_unreadable_among_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let good_a = article("\n");
    let good_b = article("\r\n").repeat(2);
    let a = write(dir.path(), "a.txt", &good_a);
    let b = write(dir.path(), "b.txt", &good_b);
    let missing = dir.path().join("no-such-page.txt");
    let unreadable = dir.path().join("a-directory");
    fs::create_dir(&unreadable).unwrap();
    let out = run(&[&a, &missing, &unreadable, &b], 1);
    let mut want = lib_clean(&good_a);
    want.extend_from_slice(&lib_clean(&good_b));
    assert_eq!(out.stdout, want);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(&missing.display().to_string()), "{stderr}");
    assert!(
        stderr.contains(&unreadable.display().to_string()),
        "{stderr}"
    );
    assert_eq!(
        stderr.lines().count(),
        2,
        "one message per bad input: {stderr}"
    );
}

/// A file without read permission. The tests may run as root, which reads
/// it all the same: then there is nothing to test, and the directory case
/// above stands in for it.
#[test]
fn permission_denied_among_good_ones() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let good = article("\n");
    let a = write(dir.path(), "a.txt", &good);
    let locked = write(dir.path(), "locked.txt", &good);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if File::open(&locked).is_ok() {
        eprintln!("permission_denied_among_good_ones: skipped (running as root)");
        return;
    }
    let out = run(&[&locked, &a], 1);
    assert_eq!(out.stdout, lib_clean(&good));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(&locked.display().to_string()), "{stderr}");
}

/// Output that cannot be written (`/dev/full`: no space left on device),
/// as `-o` and as standard output: a clear error naming the output, exit 1,
/// no panic.
#[test]
fn output_to_dev_full() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("output_to_dev_full: skipped (no /dev/full)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", &article("\n"));

    let out = bin().arg(&a).arg("-o").arg(full).output().unwrap();
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("/dev/full"), "{stderr}");
    assert!(stderr.contains("write failed"), "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");

    let out = StdCommand::new(assert_cmd::cargo::cargo_bin("dechrome"))
        .arg(&a)
        .stdin(Stdio::null())
        .stdout(File::options().write(true).open(full).unwrap())
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("<stdout>"), "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");

    // Nothing kept means nothing to write: no error.
    let empty = write(dir.path(), "empty.txt", b"");
    bin()
        .arg(&empty)
        .arg("-o")
        .arg(full)
        .assert()
        .code(0)
        .stderr("");
}

/// The reader goes away after 64 bytes of a page whose output is far more
/// than a pipe holds (one page of 5,000 distinct paragraphs, about 800 KB,
/// all kept): exit 0, nothing on stderr.
#[test]
fn closed_pipe_on_one_large_page() {
    let mut page = String::new();
    for i in 0..5_000 {
        page.push_str(&format!(
            "Paragraph {i}: the council said that it would look at the plan again in the spring, and that the people of the town would have their say on it before the vote.\n\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "big.txt", page.as_bytes());
    crate::util::assert_closed_pipe_is_quiet([&p]);
}

/// Standard input closed before anything is read, and a page given on a
/// closed standard output with `--explain`: exit 0 and quiet both times.
#[test]
fn closed_pipe_with_explain() {
    let page = article("\n").repeat(2000);
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("dechrome"))
        .arg("--explain")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    drop(child.stdout.take());
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&page);
    });
    writer.join().unwrap();
    let out = child.wait_with_output().unwrap();
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
}

/// A usage error is exit 2, not a panic, whatever the bytes of the
/// argument (not UTF-8 here).
#[test]
fn non_utf8_argument() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", &article("\n"));
    let out = bin()
        .arg("--lang")
        .arg(OsStr::from_bytes(b"\xff\xfe"))
        .arg(&a)
        .output()
        .unwrap();
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    // A path that is not UTF-8 is only a missing file.
    let odd = dir.path().join(OsStr::from_bytes(b"caf\xe9.txt"));
    let out = bin().arg(&odd).arg(&a).output().unwrap();
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(out.stdout, lib_clean(&article("\n")));
    bin()
        .arg(&odd)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("caf"));
}

/// An error message that cannot be written (standard error on `/dev/full`,
/// or a pipe whose reader has gone) must not turn into a panic: the run
/// still ends with exit status 1 (an input failed), not 101.
#[test]
fn unwritable_stderr_is_not_a_panic() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", &article("\n"));
    let missing = dir.path().join("no-such-page.txt");
    let out = StdCommand::new(assert_cmd::cargo::cargo_bin("dechrome"))
        .arg(&a)
        .arg(&missing)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(File::options().write(true).open(full).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.stdout, lib_clean(&article("\n")));
    assert_eq!(out.status.code(), Some(1), "{:?}", out.status);
}

/// A JSONL record whose text is a 50 MB JSON string: cleaned like the same
/// text in plain mode, no panic, exit 0.
#[test]
fn jsonl_fifty_mb_string() {
    let dir = tempfile::tempdir().unwrap();
    let para = "The council met on Tuesday to discuss the plan for the new library, and most members said that they were in favour of it.";
    let mut text = String::with_capacity(51 << 20);
    while text.len() < 50 << 20 {
        text.push_str(para);
        text.push_str(&format!(" {}\n\n", text.len()));
    }
    let record = format!(
        "{{\"id\":1,\"text\":{}}}\n",
        serde_json::to_string(&text).unwrap()
    );
    let p = write(dir.path(), "big.jsonl", record.as_bytes());
    let out = run(&[&p], 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], 1);
    let cleaned = v["text"].as_str().unwrap().as_bytes();
    assert_eq!(cleaned, lib_clean(text.as_bytes()).as_slice());
}

/// JSON nested 100,000 levels deep in another field: valid JSON, so the
/// record is cleaned, the deep member kept byte for byte; no stack overflow,
/// no panic.
#[test]
fn jsonl_deeply_nested() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let record = format!(
        "{{\"a\":{deep},\"text\":\"BREAKING NEWS\\n\\nThe council met on Tuesday to discuss the plan for the library, and most members said that they were in favour of it.\"}}\n"
    );
    let p = write(dir.path(), "deep.jsonl", record.as_bytes());
    let out = run(&[&p], 0);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with(&format!("{{\"a\":{deep},\"text\":\"The council met")),
        "{}",
        &stdout[stdout.len() - 200..]
    );
    assert!(!stdout.contains("BREAKING"));
}
