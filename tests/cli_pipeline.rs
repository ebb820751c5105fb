//! The pipeline features of the binary (issue 6): JSONL records, gzip and
//! zstd, threads, output directories, in place, stats, generated
//! completions and man page. Test data is made at run time in temporary
//! directories from the fixtures and a few pages written here.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use dechrome::Cleaner;
use predicates::prelude::*;

fn bin() -> Command {
    Command::cargo_bin("dechrome").expect("the dechrome binary is built")
}

/// What the plain-text mode writes for `page` (tests/cli.rs checks that the
/// binary says the same as the library).
fn lib_clean(page: &str) -> String {
    static CLEANER: std::sync::OnceLock<Cleaner> = std::sync::OnceLock::new();
    let cleaner = CLEANER.get_or_init(Cleaner::new);
    String::from_utf8(cleaner.clean(page.as_bytes()).render()).unwrap()
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// The same string with every non-ASCII character written as `\u` escapes,
/// as Python's `json.dumps` does by default.
fn json_str_ascii(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 || !c.is_ascii() => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn fixture_pages() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.ends_with(".txt") && !n.ends_with(".expected.txt")
        })
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect()
}

/// Pages with chrome and non-ASCII text.
fn pages() -> Vec<String> {
    let mut pages = fixture_pages();
    pages.push(
        "Startseite > Politik\n\nStadtrat stimmt für neue Bibliothek\n\n\
         Der Stadtrat hat am Dienstagabend über den Plan für die neue Bibliothek beraten, \
         und die meisten Mitglieder sagten, dass sie dafür seien, auch wenn noch Fragen \
         zu den Kosten offen sind. Über „Straßen“ wurde nicht gesprochen.\n\n\
         Artikel teilen\n"
            .to_string(),
    );
    pages.push(
        "Главная\n\nГородской совет одобрил план строительства новой библиотеки\n\n\
         Во вторник вечером городской совет обсудил план строительства новой библиотеки, \
         и большинство депутатов заявили, что они его поддерживают, хотя у некоторых \
         из них остались вопросы о стоимости. 😀 \u{2028} «кавычки»\n"
            .to_string(),
    );
    pages.push(
        "市议会周二晚上讨论了新图书馆的计划，大多数议员表示支持，但也有人对费用提出了疑问。\n"
            .into(),
    );
    pages.push(String::new());
    pages.push("SHARE THIS ARTICLE\n".into());
    pages.push("tab\tand \"quotes\" and back\\slash and \u{1} control\r\nCRLF line\n".into());
    pages
}

/// One record: text in the middle of fields of every JSON type, odd
/// spacing and number forms that a re-serialiser would change.
fn record(i: usize) -> (String, String) {
    let prefix = format!(
        "{{\"id\": {i}, \"url\":\"https://example.com/ä/{i}\",  \"score\": 1.50e3, \"neg\": -0.0, \
         \"big\": 123456789012345678901234567890, \"ok\": true, \"no\": false, \"none\": null, \
         \"arr\": [1, \"é\", {{\"text\": \"inner\"}}, []], \"meta\": {{\"lang\": \"x\", \"n\": 1e-7}}, \"text\" : "
    );
    let suffix = format!(", \"after\": \"日本語 \\u00e9 \\ud83d\\ude00 {i}\"}}");
    (prefix, suffix)
}

/// A JSONL shard and the output expected for it.
fn shard(copies: usize) -> (String, String) {
    let pages = pages();
    let (mut input, mut want) = (String::new(), String::new());
    for c in 0..copies {
        for (k, page) in pages.iter().enumerate() {
            let i = c * pages.len() + k;
            let (prefix, suffix) = record(i);
            let text_json = if i % 2 == 0 {
                json_str(page)
            } else {
                json_str_ascii(page)
            };
            input.push_str(&format!("{prefix}{text_json}{suffix}\n"));
            want.push_str(&format!("{prefix}{}{suffix}\n", json_str(&lib_clean(page))));
        }
    }
    (input, want)
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn gunzip(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(data)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn zstd_compress(data: &[u8]) -> Vec<u8> {
    zstd::encode_all(data, 3).unwrap()
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().clone();
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

// ---------------------------------------------------------------- JSONL

#[test]
fn jsonl_round_trip_keeps_every_other_byte() {
    let (input, want) = shard(3);
    assert!(want.lines().count() == input.lines().count() && want != input);
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("shard.jsonl");
    fs::write(&p, &input).unwrap();
    for j in ["1", "2"] {
        let got = stdout_of(bin().arg(&p).args(["-j", j]));
        assert_eq!(got.lines().count(), input.lines().count());
        for (k, (g, w)) in got.lines().zip(want.lines()).enumerate() {
            assert_eq!(g, w, "record {k}");
        }
        assert_eq!(got, want);
    }
}

#[test]
fn jsonl_text_equals_plain_text_mode() {
    // Through the binary on both sides: each record's text is what
    // `dechrome page.txt` writes for that page.
    let dir = tempfile::tempdir().unwrap();
    let pages = pages();
    let mut input = String::new();
    for page in &pages {
        input.push_str(&format!("{{\"text\":{},\"n\":1}}\n", json_str(page)));
    }
    let got = stdout_of(bin().arg("--jsonl").write_stdin(input));
    for (page, line) in pages.iter().zip(got.lines()) {
        let p = dir.path().join("page.txt");
        fs::write(&p, page).unwrap();
        let plain = stdout_of(bin().arg(&p));
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["text"].as_str().unwrap(), plain);
        assert_eq!(v["n"], 1);
    }
}

#[test]
fn jsonl_by_name_or_flag() {
    let (input, want) = shard(1);
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.jsonl", "b.ndjson", "C.JSONL"] {
        let p = dir.path().join(name);
        fs::write(&p, &input).unwrap();
        assert_eq!(stdout_of(bin().arg(&p)), want, "{name}");
    }
    // Other names are pages unless --jsonl says otherwise.
    let p = dir.path().join("records.txt");
    fs::write(&p, &input).unwrap();
    assert_ne!(stdout_of(bin().arg(&p)), want);
    assert_eq!(stdout_of(bin().arg("--jsonl").arg(&p)), want);
    assert_eq!(stdout_of(bin().arg("--jsonl").write_stdin(input)), want);
}

#[test]
fn jsonl_nested_text_field() {
    let page = &pages()[0];
    let input = format!(
        "{{\"text\": 5, \"content\": {{\"title\": \"t\", \"body\": {}}}, \"z\": [1.0]}}\n",
        json_str(page)
    );
    let want = format!(
        "{{\"text\": 5, \"content\": {{\"title\": \"t\", \"body\": {}}}, \"z\": [1.0]}}\n",
        json_str(&lib_clean(page))
    );
    let got = stdout_of(
        bin()
            .args(["--jsonl", "--text-field", "content.body"])
            .write_stdin(input),
    );
    assert_eq!(got, want);
}

#[test]
fn jsonl_blank_lines_and_missing_final_newline_kept() {
    let input = "\n{\"text\":\"x\"}\r\n  \n{\"text\":\"y\"}";
    let want = format!(
        "\n{{\"text\":{}}}\r\n  \n{{\"text\":{}}}",
        json_str(&lib_clean("x")),
        json_str(&lib_clean("y"))
    );
    assert_eq!(stdout_of(bin().arg("--jsonl").write_stdin(input)), want);
}

/// Records 2, 4, 5 and 6 are bad.
const BAD_SHARD: &str = "{\"text\":\"a\"}\n\
    {\"text\": \"b\",}\n\
    {\"text\":\"c\"}\n\
    {\"id\": 1}\n\
    {\"text\": 42}\n\
    [\"text\"]\n\
    {\"text\":\"g\"}\n";

fn bad_shard_file(dir: &Path) -> PathBuf {
    let p = dir.join("bad.jsonl");
    fs::write(&p, BAD_SHARD).unwrap();
    p
}

fn rec(t: &str) -> String {
    format!("{{\"text\":{}}}\n", json_str(&lib_clean(t)))
}

#[test]
fn bad_records_are_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let p = bad_shard_file(dir.path());
    let name = p.display().to_string();
    let lines: Vec<&str> = BAD_SHARD.lines().collect();
    let want = format!(
        "{}{}\n{}{}\n{}\n{}\n{}",
        rec("a"),
        lines[1],
        rec("c"),
        lines[3],
        lines[4],
        lines[5],
        rec("g")
    );
    let out = bin().arg(&p).assert().code(1).get_output().clone();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
    let err = String::from_utf8(out.stderr).unwrap();
    let err_lines: Vec<&str> = err.lines().collect();
    assert_eq!(err_lines.len(), 4, "{err}");
    assert!(
        err_lines[0].starts_with(&format!(
            "{name}:2: invalid JSON at column 14: trailing comma"
        )),
        "{err}"
    );
    assert_eq!(err_lines[1], format!("{name}:4: no field text"));
    assert_eq!(
        err_lines[2],
        format!("{name}:5: field text is a number, not a string")
    );
    assert_eq!(err_lines[3], format!("{name}:6: record is not an object"));
}

#[test]
fn bad_records_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let p = bad_shard_file(dir.path());
    bin()
        .args(["--on-error", "drop", "-j", "2"])
        .arg(&p)
        .assert()
        .code(1)
        .stdout(format!("{}{}{}", rec("a"), rec("c"), rec("g")))
        .stderr(predicate::str::contains(":2: invalid JSON"));
}

#[test]
fn bad_record_fatal_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let p = bad_shard_file(dir.path());
    let later = dir.path().join("later.jsonl");
    fs::write(&later, "{\"text\":\"z\"}\n").unwrap();
    let out = bin()
        .args(["--on-error", "fail", "-j", "1"])
        .arg(&p)
        .arg(&later)
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), rec("a"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.ends_with("(--on-error fail: stopped here)\n"), "{err}");
}

#[test]
fn non_utf8_record_is_reported() {
    let mut want = b"{\"text\":\"\xff\"}\n".to_vec();
    want.extend(rec("ok").bytes());
    bin()
        .arg("--jsonl")
        .write_stdin(&b"{\"text\":\"\xff\"}\n{\"text\":\"ok\"}\n"[..])
        .assert()
        .code(1)
        .stdout(want)
        .stderr("<stdin>:1: invalid UTF-8 at byte 9\n");
}

// ---------------------------------------------------------- compression

#[test]
fn compressed_inputs_by_magic_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let page = &pages()[1];
    let (shard_in, shard_want) = shard(1);
    // Names that say nothing, or the wrong thing, about the compression.
    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        ("page.txt.gz", gzip(page.as_bytes()), lib_clean(page)),
        ("page.txt", gzip(page.as_bytes()), lib_clean(page)),
        ("page.dat", zstd_compress(page.as_bytes()), lib_clean(page)),
        ("page.gz", zstd_compress(page.as_bytes()), lib_clean(page)),
        ("s.jsonl.gz", gzip(shard_in.as_bytes()), shard_want.clone()),
        (
            "s.jsonl.zst",
            zstd_compress(shard_in.as_bytes()),
            shard_want.clone(),
        ),
        ("s.ndjson", gzip(shard_in.as_bytes()), shard_want.clone()),
    ];
    for (name, bytes, want) in cases {
        let p = dir.path().join(name);
        fs::write(&p, &bytes).unwrap();
        assert_eq!(stdout_of(bin().arg(&p)), want, "{name}");
        // And on standard input.
        let mut cmd = bin();
        if name.contains("json") {
            cmd.arg("--jsonl");
        }
        assert_eq!(stdout_of(cmd.write_stdin(bytes)), want, "{name} on stdin");
    }
}

/// A gzip JSONL shard cut short (a second member truncated after 2,500
/// whole records, more than a batch): every whole record before the cut is
/// cleaned and written, whatever `-j`, and the error names the file, the
/// last line read and what went wrong (exit 1). A truncated zstd page says
/// which format.
#[test]
fn truncated_compressed_input_keeps_the_records_before_the_cut() {
    let text =
        |i: usize| format!("SHARE THIS ARTICLE\n\nThe council met on day {i} to discuss the plan.");
    let rec = |i: usize| format!("{{\"i\":{i},\"text\":{}}}\n", json_str(&text(i)));
    let want = |i: usize| {
        format!(
            "{{\"i\":{i},\"text\":{}}}\n",
            json_str(&lib_clean(&text(i)))
        )
    };
    let whole: String = (0..2500).map(rec).collect();
    let rest: String = (2500..5000).map(rec).collect();
    let mut bytes = gzip(whole.as_bytes());
    let second = gzip(rest.as_bytes());
    bytes.extend_from_slice(&second[..second.len() / 2]);
    let dir = tempfile::tempdir().unwrap();
    let p = write_file(dir.path(), "cut.jsonl.gz", &bytes);
    for j in ["1", "2"] {
        let out = bin()
            .args(["-j", j])
            .arg(&p)
            .assert()
            .code(1)
            .get_output()
            .clone();
        let got = String::from_utf8(out.stdout).unwrap();
        let n = got.lines().count();
        assert!((2500..5000).contains(&n), "-j {j}: {n} records");
        assert_eq!(got, (0..n).map(want).collect::<String>(), "-j {j}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(
            stderr,
            format!(
                "dechrome: {}: read failed after line {n}: corrupt or truncated gzip data: \
                 incomplete deflate stream\n",
                p.display()
            ),
            "-j {j}"
        );
    }
    let z = zstd_compress(lib_clean(&pages()[0]).repeat(20).as_bytes());
    let zp = write_file(dir.path(), "cut.txt.zst", &z[..z.len() / 2]);
    bin()
        .arg(&zp)
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!(
            "dechrome: {}: corrupt or truncated zstd data: ",
            zp.display()
        )));
    // In place, the message says the file is left as it was, and it is.
    let cut = std::fs::read(&zp).unwrap();
    bin()
        .arg("--in-place")
        .arg(&zp)
        .assert()
        .code(1)
        .stderr(predicate::str::ends_with("(the file is left as it was)\n"));
    assert_eq!(std::fs::read(&zp).unwrap(), cut);
}

#[test]
fn multi_member_gzip() {
    let (shard_in, shard_want) = shard(2);
    let (a, b) = shard_in.split_at(shard_in.len() / 3);
    let mut bytes = gzip(a.as_bytes());
    bytes.extend(gzip(b.as_bytes()));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("s.jsonl.gz");
    fs::write(&p, bytes).unwrap();
    assert_eq!(stdout_of(bin().arg(&p)), shard_want);
}

#[test]
fn compressed_output_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let (shard_in, shard_want) = shard(1);
    let p = dir.path().join("s.jsonl");
    fs::write(&p, &shard_in).unwrap();
    let gz = dir.path().join("out.jsonl.gz");
    let zst = dir.path().join("out.jsonl.zst");
    for out in [&gz, &zst] {
        bin()
            .arg(&p)
            .arg("-o")
            .arg(out)
            .assert()
            .success()
            .stderr("");
    }
    assert_eq!(gunzip(&fs::read(&gz).unwrap()), shard_want.as_bytes());
    assert_eq!(
        zstd::decode_all(&fs::read(&zst).unwrap()[..]).unwrap(),
        shard_want.as_bytes()
    );
    // The compressed output reads back as input.
    assert_eq!(
        stdout_of(bin().arg("--jsonl").arg(&gz)),
        stdout_of(bin().arg("--jsonl").write_stdin(shard_want))
    );
}

// -------------------------------------------------------------- threads

#[test]
fn threads_keep_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let pages = pages();
    let mut paths = Vec::new();
    let mut want = String::new();
    for (i, page) in pages.iter().cycle().take(40).enumerate() {
        paths.push(write_file(dir.path(), &format!("p{i}.txt"), page));
        want.push_str(&lib_clean(page));
    }
    let (shard_in, shard_want) = shard(20);
    let s = write_file(dir.path(), "s.jsonl", &shard_in);
    for j in ["1", "2", "3", "8"] {
        assert_eq!(
            stdout_of(bin().args(["-j", j]).args(&paths)),
            want,
            "-j {j}"
        );
        assert_eq!(
            stdout_of(bin().args(["-j", j]).arg(&s)),
            shard_want,
            "-j {j}"
        );
        // Pages and records mixed, one stream.
        let got = stdout_of(bin().args(["-j", j]).arg(&paths[0]).arg(&s).arg(&paths[1]));
        assert_eq!(
            got,
            format!(
                "{}{shard_want}{}",
                lib_clean(&pages[0]),
                lib_clean(&pages[1])
            )
        );
    }
}

// ---------------------------------------------- directories and in place

fn write_file(dir: &Path, rel: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(&p, text).unwrap();
    p
}

#[test]
fn tree_to_output_directory() {
    let src = tempfile::tempdir().unwrap();
    let dst = tempfile::tempdir().unwrap();
    let pages = pages();
    let (shard_in, shard_want) = shard(1);
    write_file(src.path(), "a.txt", &pages[0]);
    write_file(src.path(), "sub/b.txt", &pages[1]);
    write_file(src.path(), "sub/deeper/c.txt.gz", gzip(pages[2].as_bytes()));
    write_file(
        src.path(),
        "sub/s.jsonl.zst",
        zstd_compress(shard_in.as_bytes()),
    );
    write_file(src.path(), ".hidden/x.txt", &pages[3]);
    write_file(src.path(), ".y.txt", &pages[3]);
    let loose = tempfile::tempdir().unwrap();
    let single = write_file(loose.path(), "single.txt", &pages[4]);
    for j in ["1", "2"] {
        let out = dst.path().join(format!("out{j}"));
        bin()
            .args(["-j", j, "-o"])
            .arg(&out)
            .arg(src.path())
            .arg(&single)
            .assert()
            .success()
            .stdout("")
            .stderr("");
        let read = |rel: &str| fs::read(out.join(rel)).unwrap();
        assert_eq!(read("a.txt"), lib_clean(&pages[0]).as_bytes());
        assert_eq!(read("sub/b.txt"), lib_clean(&pages[1]).as_bytes());
        assert_eq!(
            gunzip(&read("sub/deeper/c.txt.gz")),
            lib_clean(&pages[2]).as_bytes()
        );
        assert_eq!(
            zstd::decode_all(&read("sub/s.jsonl.zst")[..]).unwrap(),
            shard_want.as_bytes()
        );
        assert_eq!(read("single.txt"), lib_clean(&pages[4]).as_bytes());
        assert!(!out.join(".hidden").exists() && !out.join(".y.txt").exists());
    }
}

#[test]
fn files_into_existing_or_slash_directory() {
    let dir = tempfile::tempdir().unwrap();
    let pages = pages();
    let a = write_file(dir.path(), "in/a.txt", &pages[0]);
    let b = write_file(dir.path(), "in/b.txt", &pages[1]);
    let existing = dir.path().join("existing");
    fs::create_dir(&existing).unwrap();
    bin()
        .arg(&a)
        .arg(&b)
        .arg("-o")
        .arg(&existing)
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(existing.join("b.txt")).unwrap(),
        lib_clean(&pages[1])
    );
    let slash = format!("{}/", dir.path().join("new").display());
    bin().arg(&a).args(["-o", &slash]).assert().success();
    assert_eq!(
        fs::read_to_string(dir.path().join("new/a.txt")).unwrap(),
        lib_clean(&pages[0])
    );
}

#[test]
fn output_directory_errors() {
    let dir = tempfile::tempdir().unwrap();
    let a1 = write_file(dir.path(), "x/a.txt", &pages()[0]);
    let a2 = write_file(dir.path(), "y/a.txt", &pages()[1]);
    let missing = dir.path().join("x/missing.txt");
    let out = dir.path().join("out");
    bin()
        .arg(&a1)
        .arg(&a2)
        .arg(&missing)
        .arg("-o")
        .arg(format!("{}/", out.display()))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{}: another input was already written to",
            a2.display()
        )))
        .stderr(predicate::str::contains(missing.display().to_string()));
    assert_eq!(
        fs::read_to_string(out.join("a.txt")).unwrap(),
        lib_clean(&pages()[0])
    );
    // The output directory inside the input tree is not read back, not
    // even by a second run that finds it already there.
    for _ in 0..2 {
        bin()
            .arg(dir.path().join("x"))
            .arg("-o")
            .arg(dir.path().join("x/out"))
            .assert()
            .success();
    }
    assert!(!dir.path().join("x/out/out").exists());
    // Standard input has no relative path.
    bin()
        .args(["-", "-o"])
        .arg(format!("{}/", out.display()))
        .write_stdin("x")
        .assert()
        .code(2);
}

/// An output directory that cannot be created (a file stands in its way)
/// is reported once, not once per input, and the exit status is 1; so is a
/// subdirectory of it, and the other files are still written.
#[test]
fn output_directory_that_cannot_be_created_is_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    for rel in ["t/a.txt", "t/b.txt", "t/sub/c.txt", "t/sub/d.txt"] {
        write_file(dir.path(), rel, &pages()[0]);
    }
    write_file(dir.path(), "afile", "x");
    let stderr_of = |out_dir: &str| {
        let out = bin()
            .current_dir(dir.path())
            .args(["-j", "2", "-o", out_dir, "t"])
            .assert()
            .code(1)
            .get_output()
            .clone();
        String::from_utf8(out.stderr).unwrap()
    };
    let stderr = stderr_of("afile/out/");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("dechrome: cannot create the output directory afile/out/: "),
        "{stderr}"
    );
    write_file(dir.path(), "out/sub", "x");
    let stderr = stderr_of("out/");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("dechrome: cannot create the directory out/sub: "),
        "{stderr}"
    );
    for f in ["a.txt", "b.txt"] {
        assert_eq!(
            fs::read_to_string(dir.path().join("out").join(f)).unwrap(),
            lib_clean(&pages()[0])
        );
    }
}

/// Results under an output directory appear whole or not at all: a run
/// whose input turns out truncated leaves the earlier result in place (it
/// used to be cut and then removed), and no temporary file; new files get
/// the usual permissions (not a temporary file's 0600).
#[cfg(unix)]
#[test]
fn output_directory_keeps_earlier_result_when_a_read_fails() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let page = &pages()[0];
    let whole = gzip(page.as_bytes());
    let input = write_file(dir.path(), "in/a.txt.gz", &whole);
    let out = dir.path().join("out");
    let run = || {
        bin()
            .arg("-o")
            .arg(&out)
            .arg(dir.path().join("in"))
            .assert()
    };
    run().success();
    let first = fs::read(out.join("a.txt.gz")).unwrap();
    assert_eq!(gunzip(&first), lib_clean(page).as_bytes());
    let mode = fs::metadata(out.join("a.txt.gz"))
        .unwrap()
        .permissions()
        .mode();
    assert_ne!(mode & 0o044, 0, "mode {mode:o}");
    fs::write(&input, &whole[..whole.len() / 2]).unwrap();
    run().code(1).stderr(predicate::str::contains(
        "(its output file is left as it was)",
    ));
    assert_eq!(fs::read(out.join("a.txt.gz")).unwrap(), first);
    assert!(leftovers(&out).is_empty(), "{:?}", leftovers(&out));
}

/// Whether this test runs as root (who reads and writes any file: some
/// tests then run the binary as `nobody`).
#[cfg(unix)]
fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// A command that runs the binary as `nobody` through `runuser`, when this
/// test runs as root, `runuser` works, and nobody can reach the binary and
/// pass each `test` check in `reach` (such as `("-r", file)`); else `None`.
#[cfg(unix)]
fn as_nobody(reach: &[(&str, &Path)]) -> Option<StdCommand> {
    if !is_root() {
        return None;
    }
    let bin_path = assert_cmd::cargo::cargo_bin("dechrome");
    let mut check = StdCommand::new("runuser");
    check
        .args(["-u", "nobody", "--", "test", "-x"])
        .arg(&bin_path);
    for (op, path) in reach {
        check.args(["-a", op]).arg(path);
    }
    let ok = check
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    ok.then(|| {
        let mut c = StdCommand::new("runuser");
        c.args(["-u", "nobody", "--"]).arg(bin_path);
        c
    })
}

/// nobody's user id.
#[cfg(unix)]
fn nobody_uid() -> u32 {
    let out = StdCommand::new("id")
        .args(["-u", "nobody"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// Errors met while walking a directory say what could not be done: a
/// directory that cannot be read, a dangling symlink, a symlink loop; the
/// other files are still cleaned (exit 1). Root reads any directory: then
/// the run is made as `nobody` when `runuser` can, else that line is not
/// checked.
#[cfg(unix)]
#[test]
fn walk_errors_say_what_could_not_be_done() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let page = &pages()[0];
    write_file(dir.path(), "notes/a.txt", page);
    write_file(dir.path(), "notes/locked/b.txt", page);
    std::os::unix::fs::symlink("nowhere", dir.path().join("notes/dangling.txt")).unwrap();
    fs::create_dir(dir.path().join("notes/sub")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("notes/sub/up")).unwrap();
    let locked = dir.path().join("notes/locked");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o777)).unwrap();
    let root = fs::read_dir(&locked).is_ok();
    // nobody must reach the test directory and the binary.
    let nobody = as_nobody(&[("-x", &dir.path().join("notes"))]);
    let as_nobody = nobody.is_some();
    let mut cmd =
        nobody.unwrap_or_else(|| StdCommand::new(assert_cmd::cargo::cargo_bin("dechrome")));
    let got = cmd
        .current_dir(dir.path())
        .args(["-j", "1", "-o", "out/", "notes"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(got.status.code(), Some(1));
    let stderr = String::from_utf8(got.stderr).unwrap();
    let mut want =
        vec!["dechrome: cannot follow the symlink notes/dangling.txt: No such file or directory"];
    if !root || as_nobody {
        want.push("dechrome: cannot read the directory notes/locked: Permission denied");
    }
    want.push(
        "dechrome: cannot follow the symlink notes/sub/up: it leads back to notes, \
         which holds it (a loop)",
    );
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines, want, "{stderr}");
    assert_eq!(
        fs::read_to_string(out.join("a.txt")).unwrap(),
        lib_clean(page)
    );
}

#[test]
fn same_file_as_input_and_output_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let page = &pages()[0];
    let a = write_file(dir.path(), "a.txt", page);
    bin()
        .arg(&a)
        .arg("-o")
        .arg(&a)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--in-place"));
    assert_eq!(fs::read_to_string(&a).unwrap(), *page);
}

/// `-o FILE` is written through a temporary file beside it and renamed at
/// the end: an earlier FILE is whole until then, even while the run waits
/// for input, and a killed run leaves it as it was. (The child waits on
/// its standard input, held open here: no timing is involved.)
#[cfg(unix)]
#[test]
fn output_file_is_replaced_only_when_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = write_file(dir.path(), "out.txt", "earlier result\n");
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("dechrome"))
        .args(["-j", "1", "-q", "-o"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(pages()[0].as_bytes()).unwrap();
    stdin.flush().unwrap();
    // Until the run has set up its output: a temporary file, or (written
    // directly) FILE cut at the start.
    let mut waited = 0;
    while leftovers(dir.path()).is_empty()
        && fs::read_to_string(&out).unwrap() == "earlier result\n"
    {
        waited += 1;
        assert!(waited < 6000, "the run never set up its output");
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(fs::read_to_string(&out).unwrap(), "earlier result\n");
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    assert_eq!(fs::read_to_string(&out).unwrap(), "earlier result\n");
}

/// `-o FILE` over an existing file keeps its permissions, and a symlink
/// stays a link to the file it names. No temporary file is left.
#[cfg(unix)]
#[test]
fn output_file_keeps_permissions_and_links() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (p0, p1) = (&pages()[0], &pages()[1]);
    let a = write_file(dir.path(), "a.txt", p0);
    let b = write_file(dir.path(), "b.txt", p1);
    let real = write_file(dir.path(), "real.txt", "earlier\n");
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink("real.txt", &link).unwrap();
    bin()
        .arg(&a)
        .arg(&b)
        .arg("-o")
        .arg(&link)
        .assert()
        .success();
    assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(
        fs::read_to_string(&real).unwrap(),
        lib_clean(p0) + &lib_clean(p1)
    );
    let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

/// `-o FILE` is all or nothing: an input that cannot be read (missing, a
/// truncated .gz) or a bad record under `--on-error fail`
/// leaves an earlier FILE as it was and a new one unwritten, said once
/// (exit 1); bad records kept or dropped make a complete output, which
/// replaces FILE (exit 1 all the same).
#[test]
fn output_file_is_replaced_only_when_every_input_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let keep = write_file(dir.path(), "keep.jsonl", "earlier\n");
    let shown = keep.display().to_string();
    let a = write_file(dir.path(), "a.jsonl", rec("a"));
    let whole = gzip(rec("b").repeat(200).as_bytes());
    let cut = write_file(dir.path(), "cut.jsonl.gz", &whole[..whole.len() / 2]);
    let bad = bad_shard_file(dir.path());
    let left = format!("dechrome: {shown} left as it was: some input could not be read\n");
    let cases: [(&[&str], PathBuf, String); 3] = [
        (&[], dir.path().join("missing.jsonl"), left.clone()),
        (&[], cut, left),
        (
            &["--on-error", "fail"],
            bad.clone(),
            format!("dechrome: {shown} left as it was: a bad record stopped the run (--on-error fail)\n"),
        ),
    ];
    for (flags, input, said) in cases {
        let out = bin()
            .args(["-j", "1"])
            .args(flags)
            .arg(&a)
            .arg(&input)
            .arg("-o")
            .arg(&keep)
            .assert()
            .code(1)
            .get_output()
            .clone();
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.ends_with(&said), "{input:?}: {err}");
        assert_eq!(err.matches(" left as it was").count(), 1, "{err}");
        assert_eq!(fs::read_to_string(&keep).unwrap(), "earlier\n", "{input:?}");
        assert!(
            leftovers(dir.path()).is_empty(),
            "{:?}",
            leftovers(dir.path())
        );
    }
    // A new FILE is not made.
    let new = dir.path().join("new.jsonl");
    bin()
        .arg(&a)
        .arg(dir.path().join("missing.jsonl"))
        .arg("-o")
        .arg(&new)
        .assert()
        .code(1)
        .stderr(predicate::str::ends_with(format!(
            "dechrome: {} not written: some input could not be read\n",
            new.display()
        )));
    assert!(!new.exists());
    // Bad records kept: the output is complete and replaces FILE.
    bin()
        .arg(&a)
        .arg(&bad)
        .arg("-o")
        .arg(&keep)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("left as it was").not());
    let got = fs::read_to_string(&keep).unwrap();
    assert!(
        got.starts_with(&rec("a")) && got.ends_with(&rec("g")),
        "{got}"
    );
}

/// `-o FILE` where no temporary file can be made beside it (a read-only
/// directory holding a file the user may write) is still written all or
/// nothing: through a temporary file in the system's temporary directory,
/// copied into FILE at the end. A run with an input that cannot be read
/// leaves FILE as it was; the next run replaces it. Root writes into a read-only directory all the same: then the run
/// is made as `nobody` (FILE nobody's) when `runuser` can, else the test is
/// skipped.
#[cfg(unix)]
#[test]
fn output_file_where_no_temporary_file_can_be_made() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let page = &pages()[0];
    let a = write_file(dir.path(), "a.txt", page);
    fs::set_permissions(&a, fs::Permissions::from_mode(0o644)).unwrap();
    let ro = dir.path().join("ro");
    let out = write_file(dir.path(), "ro/out.txt", "earlier\n");
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    if is_root() {
        std::os::unix::fs::chown(&out, Some(nobody_uid()), None).unwrap();
    }
    let command = || {
        if is_root() {
            as_nobody(&[("-r", &a), ("-w", &out)])
        } else {
            Some(StdCommand::new(assert_cmd::cargo::cargo_bin("dechrome")))
        }
    };
    let Some(mut failing) = command() else {
        fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("output_file_where_no_temporary_file_can_be_made: skipped (root)");
        return;
    };
    let missing = dir.path().join("missing.txt");
    let failed = failing
        .arg(&a)
        .arg(&missing)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let failed_out = fs::read_to_string(&out).unwrap();
    let got = command()
        .unwrap()
        .arg(&a)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let left = fs::read_dir(&ro).unwrap().count();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
    let failed_err = String::from_utf8(failed.stderr).unwrap();
    assert_eq!(failed.status.code(), Some(1), "{failed_err}");
    assert!(failed_err.contains("left as it was"), "{failed_err}");
    assert_eq!(failed_out, "earlier\n");
    assert_eq!(String::from_utf8(got.stderr).unwrap(), "");
    assert_eq!(got.status.code(), Some(0));
    assert_eq!(fs::read_to_string(&out).unwrap(), lib_clean(page));
    assert_eq!(left, 1, "only out.txt in the read-only directory");
}

/// `-o FILE` over a file with another hard link is written into, not
/// replaced: the other name sees the new content (a rename would have cut
/// the link and left it the old one). It is still all or nothing: a run
/// with an input that cannot be read leaves both names as they were.
#[cfg(unix)]
#[test]
fn output_file_with_another_hard_link_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let page = &pages()[0];
    let a = write_file(dir.path(), "a.txt", page);
    let out = write_file(dir.path(), "out.txt", "earlier\n");
    let other = dir.path().join("other.txt");
    fs::hard_link(&out, &other).unwrap();
    bin()
        .arg(&a)
        .arg(dir.path().join("missing.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("left as it was"));
    assert_eq!(fs::read_to_string(&out).unwrap(), "earlier\n");
    assert_eq!(fs::read_to_string(&other).unwrap(), "earlier\n");
    bin().arg(&a).arg("-o").arg(&out).assert().success();
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), lib_clean(page));
    assert_eq!(fs::read_to_string(&other).unwrap(), lib_clean(page));
}

/// `-o FILE` where the rename is refused though writing is not (FILE a
/// bind mount: `EBUSY`): the finished output is copied into FILE, not
/// thrown away after the whole run. Made as root in a mount namespace of
/// its own (`unshare -m`); skipped where that cannot be done.
#[cfg(unix)]
#[test]
fn output_file_that_cannot_be_renamed_over_is_copied_into() {
    let skip = |why: &str| {
        eprintln!("output_file_that_cannot_be_renamed_over_is_copied_into: skipped ({why})")
    };
    if !is_root() {
        return skip("not root");
    }
    let dir = tempfile::tempdir().unwrap();
    let page = &pages()[0];
    let a = write_file(dir.path(), "a.txt", page);
    let out = write_file(dir.path(), "out.txt", "earlier\n");
    let bound = write_file(dir.path(), "bound.txt", "bound\n");
    let unshare = StdCommand::new("unshare")
        .args(["-m", "true"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !unshare {
        return skip("unshare -m cannot be used");
    }
    let got = StdCommand::new("unshare")
        .args([
            "-m",
            "sh",
            "-c",
            r#"mount --bind "$1" "$2" || exit 99; exec "$3" "$4" -o "$2""#,
            "sh",
        ])
        .arg(&bound)
        .arg(&out)
        .arg(assert_cmd::cargo::cargo_bin("dechrome"))
        .arg(&a)
        .output()
        .unwrap();
    if got.status.code() == Some(99) {
        return skip("no bind mount");
    }
    assert_eq!(String::from_utf8(got.stderr).unwrap(), "");
    assert_eq!(got.status.code(), Some(0));
    assert_eq!(fs::read_to_string(&bound).unwrap(), lib_clean(page));
    assert_eq!(fs::read_to_string(&out).unwrap(), "earlier\n");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

/// Root writing `-o FILE` over another user's file leaves it that user's
/// (copied into at the end); `--in-place` as root gives the rewritten file
/// back to its owner and group. Skipped unless root.
#[cfg(unix)]
#[test]
fn root_keeps_the_owner_of_what_it_rewrites() {
    use std::os::unix::fs::MetadataExt;
    if !is_root() {
        eprintln!("root_keeps_the_owner_of_what_it_rewrites: skipped (not root)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = &pages()[0];
    let a = write_file(dir.path(), "a.txt", page);
    let out = write_file(dir.path(), "out.txt", "earlier\n");
    let b = write_file(dir.path(), "b.txt", page);
    let uid = nobody_uid();
    for f in [&out, &b] {
        std::os::unix::fs::chown(f, Some(uid), Some(uid)).unwrap();
    }
    bin().arg(&a).arg("-o").arg(&out).assert().success();
    bin().arg("--in-place").arg(&b).assert().success();
    for f in [&out, &b] {
        let meta = fs::metadata(f).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (uid, uid), "{f:?}");
        assert_eq!(fs::read_to_string(f).unwrap(), lib_clean(page));
    }
}

/// An existing `-o FILE` the user may not write is not replaced, though
/// its directory would allow the rename: `cannot create FILE: Permission
/// denied`, as when it was opened directly. Root may write any file: then
/// the run is made as `nobody` (FILE root's, mode 644, in a directory all
/// may write) when `runuser` can, else the test is skipped.
#[cfg(unix)]
#[test]
fn output_file_the_user_may_not_write_is_not_replaced() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let a = write_file(dir.path(), "a.txt", &pages()[0]);
    fs::set_permissions(&a, fs::Permissions::from_mode(0o644)).unwrap();
    let out = write_file(dir.path(), "out.txt", "earlier\n");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o444)).unwrap();
    let root = fs::OpenOptions::new().write(true).open(&out).is_ok();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o644)).unwrap();
    let mut cmd = if root {
        let Some(c) = as_nobody(&[("-r", &a)]) else {
            eprintln!("output_file_the_user_may_not_write_is_not_replaced: skipped (root)");
            return;
        };
        c
    } else {
        fs::set_permissions(&out, fs::Permissions::from_mode(0o444)).unwrap();
        StdCommand::new(assert_cmd::cargo::cargo_bin("dechrome"))
    };
    let got = cmd.arg(&a).arg("-o").arg(&out).output().unwrap();
    assert_eq!(got.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(got.stderr).unwrap(),
        format!(
            "dechrome: cannot create {}: Permission denied\n",
            out.display()
        )
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), "earlier\n");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

/// `-o` naming what is not a regular file (here a named pipe in the test's
/// own directory, never a system device) is written to, never replaced.
/// The pipe's reading end is opened without blocking before the run, so
/// that the run's opening does not wait, and nothing here hangs if the run
/// never opens it; the output (under the 64 KB a pipe holds) is read after
/// the run has ended.
#[cfg(unix)]
#[test]
fn output_that_is_not_a_regular_file_is_written_not_replaced() {
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let dir = tempfile::tempdir().unwrap();
    let page = &pages()[0];
    let want = lib_clean(page);
    assert!(want.len() < 60_000);
    let a = write_file(dir.path(), "a.txt", page);
    let fifo = dir.path().join("pipe");
    let made = StdCommand::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("output_that_is_not_a_regular_file_is_written_not_replaced: skipped (no mkfifo)");
        return;
    }
    let mut reader = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(&fifo)
        .unwrap();
    bin().arg(&a).arg("-o").arg(&fifo).assert().success();
    // The run has ended: its writing end is closed, so reading ends.
    let mut got = String::new();
    reader.read_to_string(&mut got).unwrap();
    assert_eq!(got, want);
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

fn leftovers(dir: &Path) -> Vec<String> {
    walk(dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".dechrome-")
        })
        .map(|p| p.display().to_string())
        .collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() && !p.is_symlink() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn in_place_rewrites_keeps_permissions_and_follows_symlinks() {
    use std::os::unix::fs::{symlink, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let pages = pages();
    let (shard_in, shard_want) = shard(1);
    let a = write_file(dir.path(), "t/a.txt", &pages[0]);
    let gz = write_file(dir.path(), "t/sub/b.txt.gz", gzip(pages[1].as_bytes()));
    let s = write_file(dir.path(), "t/s.jsonl", &shard_in);
    let target = write_file(dir.path(), "elsewhere/real.txt", &pages[2]);
    let link = dir.path().join("link.txt");
    symlink(&target, &link).unwrap();
    fs::set_permissions(&a, fs::Permissions::from_mode(0o640)).unwrap();
    for j in ["2", "1"] {
        bin()
            .args(["--in-place", "-j", j])
            .arg(dir.path().join("t"))
            .arg(&link)
            .assert()
            .success()
            .stdout("")
            .stderr("");
        if j == "2" {
            assert_eq!(fs::read_to_string(&a).unwrap(), lib_clean(&pages[0]));
            assert_eq!(
                fs::metadata(&a).unwrap().permissions().mode() & 0o777,
                0o640
            );
            assert_eq!(
                gunzip(&fs::read(&gz).unwrap()),
                lib_clean(&pages[1]).as_bytes()
            );
            assert_eq!(fs::read_to_string(&s).unwrap(), shard_want);
            assert!(fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink());
            assert_eq!(fs::read_to_string(&target).unwrap(), lib_clean(&pages[2]));
        }
    }
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

#[test]
fn in_place_fatal_record_leaves_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let p = bad_shard_file(dir.path());
    bin()
        .args(["--in-place", "--on-error", "fail"])
        .arg(&p)
        .assert()
        .code(1);
    assert_eq!(fs::read_to_string(&p).unwrap(), BAD_SHARD);
    assert!(leftovers(dir.path()).is_empty());
    // With the default (keep), the good records are cleaned and the bad ones
    // kept as they were.
    bin().arg("--in-place").arg(&p).assert().code(1);
    let got = fs::read_to_string(&p).unwrap();
    assert!(got.starts_with(&rec("a")), "{got}");
    assert!(got.contains("{\"text\": 42}\n"), "{got}");
}

/// `--in-place` where no temporary file can be made beside the files: the
/// first is named as the user gave it, with its directory and the reason
/// (not the temporary file's absolute path), the others in that directory
/// are counted on one line. The file named is the first by input order,
/// whichever thread met the failure first (`-j 2`). Root writes into a
/// read-only directory all the same: then `/proc` (where no file can be
/// created) stands in for it.
#[cfg(unix)]
#[test]
fn in_place_unwritable_directory_names_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let page = &pages()[0];
    let a = write_file(dir.path(), "notes/a.txt", page);
    let b = write_file(dir.path(), "notes/b.txt", page);
    let c = write_file(dir.path(), "notes/c.txt", page);
    let notes = dir.path().join("notes");
    fs::set_permissions(&notes, fs::Permissions::from_mode(0o555)).unwrap();
    let root = fs::File::create(notes.join("probe")).is_ok();
    let (cwd, args, want) = if root {
        if !Path::new("/proc/version").is_file()
            || !Path::new("/proc/cmdline").is_file()
            || !Path::new("/proc/uptime").is_file()
        {
            eprintln!("in_place_unwritable_directory_names_the_file: skipped (root, no /proc)");
            return;
        }
        (
            PathBuf::from("/proc"),
            ["version", "cmdline", "uptime"],
            "dechrome: cannot rewrite version in place: cannot create a temporary file in ./: \
             No such file or directory\n\
             dechrome: and 2 more files in ./ for the same reason\n",
        )
    } else {
        (
            dir.path().to_path_buf(),
            ["notes/a.txt", "notes/b.txt", "notes/c.txt"],
            "dechrome: cannot rewrite notes/a.txt in place: cannot create a temporary file \
             in notes/: Permission denied\n\
             dechrome: and 2 more files in notes/ for the same reason\n",
        )
    };
    let out = bin()
        .current_dir(&cwd)
        .args(["--in-place", "-j", "2"])
        .args(args)
        .assert()
        .code(1)
        .get_output()
        .clone();
    fs::set_permissions(&notes, fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(String::from_utf8(out.stderr).unwrap(), want);
    assert_eq!(fs::read_to_string(&a).unwrap(), *page);
    assert_eq!(fs::read_to_string(&b).unwrap(), *page);
    assert_eq!(fs::read_to_string(&c).unwrap(), *page);
}

#[test]
fn in_place_needs_paths() {
    bin().arg("--in-place").write_stdin("x").assert().code(2);
    bin()
        .args(["--in-place", "-o", "x.txt", "a.txt"])
        .assert()
        .code(2);
}

/// 300 pages and JSONL shards in `dir` for the tests that stop a run:
/// each file's path, content and cleaned content.
#[cfg(unix)]
fn files_to_stop(dir: &Path) -> Vec<(PathBuf, String, String)> {
    let pages = fixture_pages();
    let mut files = Vec::new();
    for i in 0..300 {
        let page = &pages[i % pages.len()];
        // A big JSONL shard now and then, so that the signal may land in
        // the middle of writing one.
        if i % 25 == 0 {
            let mut shard = String::new();
            for k in 0..400 {
                shard.push_str(&format!("{{\"k\":{k},\"text\":{}}}\n", json_str(page)));
            }
            let p = write_file(dir, &format!("f{i:03}.jsonl"), &shard);
            let want: String = shard
                .lines()
                .enumerate()
                .map(|(k, _)| format!("{{\"k\":{k},\"text\":{}}}\n", json_str(&lib_clean(page))))
                .collect();
            files.push((p, shard, want));
        } else {
            let p = write_file(dir, &format!("f{i:03}.txt"), page);
            files.push((p, page.clone(), lib_clean(page)));
        }
    }
    files
}

/// Runs `dechrome --in-place -j 2` over `dir` and sends it `signal` after
/// doubling delays, from 5 ms, until one lands mid-run (some files
/// cleaned, some not): no delay is tuned to the machine's speed. Each
/// signal must leave every file as it was or cleaned once (cleaning is
/// idempotent, so a file a later run rewrites again stays what one
/// cleaning makes); `after` checks the run's status and `dir`. Only a
/// machine that goes from no file cleaned to all 300 (about 40 MB) within
/// one doubling would miss.
#[cfg(unix)]
fn stop_mid_run(
    dir: &Path,
    files: &[(PathBuf, String, String)],
    signal: i32,
    after: impl Fn(std::process::ExitStatus),
) {
    let mut mid_run = false;
    let mut delay_ms = 5;
    while !mid_run && delay_ms <= 60_000 {
        let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("dechrome"))
            .args(["--in-place", "-j", "2"])
            .arg(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        // SAFETY: kill(2) on our own child, which has not been waited for.
        assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
        after(child.wait().unwrap());
        let mut new = 0;
        for (p, old, want) in files {
            let got = fs::read_to_string(p).unwrap();
            if got == *want {
                new += 1;
            } else {
                assert_eq!(got, *old, "{} is half-written", p.display());
            }
        }
        assert!(
            new < files.len(),
            "a run finished before its signal at {delay_ms} ms"
        );
        mid_run = new > 0;
        delay_ms *= 2;
    }
    assert!(mid_run, "no signal landed in the middle of a run");
}

#[cfg(unix)]
#[test]
fn in_place_killed_mid_run_leaves_each_file_old_or_new() {
    let dir = tempfile::tempdir().unwrap();
    let files = files_to_stop(dir.path());
    stop_mid_run(dir.path(), &files, libc::SIGKILL, |_| {});
    // Temporary files of a killed run are hidden, named .dechrome-*.tmp.
    for l in leftovers(dir.path()) {
        assert!(l.ends_with(".tmp"), "{l}");
    }
}

/// SIGINT (Ctrl-C), SIGTERM and SIGHUP can be caught: the run removes its
/// temporary files, then dies of the signal, as it would without a handler.
#[cfg(unix)]
#[test]
fn in_place_interrupted_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let files = files_to_stop(dir.path());
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        stop_mid_run(dir.path(), &files, signal, |status| {
            assert_eq!(status.signal(), Some(signal), "{status:?}");
            assert_eq!(leftovers(dir.path()), Vec::<String>::new());
        });
        // Back to the originals for the next signal.
        for (p, old, _) in &files {
            fs::write(p, old).unwrap();
        }
    }
}

// ------------------------------------------------------ stats, messages

#[test]
fn stats_on_stderr_and_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let (shard_in, _) = shard(1);
    let s = write_file(dir.path(), "s.jsonl", &shard_in);
    let a = write_file(dir.path(), "a.txt", &pages()[0]);
    let json = dir.path().join("stats.json");
    let out = bin()
        .arg("--stats")
        .arg("--stats-json")
        .arg(&json)
        .arg(&s)
        .arg(&a)
        .assert()
        .success()
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    let n = shard_in.lines().count() + 1;
    assert!(err.contains(&format!("{n} documents")), "{err}");
    assert!(err.contains("MB/s"), "{err}");
    assert!(err.contains("dropped"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(v["documents"], n);
    assert_eq!(v["bytes_in"], shard_in.len() + pages()[0].len());
    assert_eq!(v["bytes_out"], out.stdout.len());
    assert!(
        v["dropped_by_category"]["banner"].as_u64().unwrap() > 0,
        "{v}"
    );
    // --quiet: no summary, but the JSON file is still written.
    fs::remove_file(&json).unwrap();
    bin()
        .args(["--stats", "-q", "--stats-json"])
        .arg(&json)
        .arg(&a)
        .assert()
        .success()
        .stderr("");
    assert!(json.exists());
}

/// A --stats-json file that cannot be created is said at the start, with
/// its path and the reason, before any work (exit 1); one that names an
/// input is a usage error, and the input is left as it was.
#[test]
fn stats_json_that_cannot_be_created() {
    let dir = tempfile::tempdir().unwrap();
    let a = write_file(dir.path(), "a.txt", &pages()[0]);
    let json = dir.path().join("no/such/dir/s.json");
    bin()
        .arg("--stats-json")
        .arg(&json)
        .arg(&a)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with(format!(
            "dechrome: cannot create {}: ",
            json.display()
        )));
    bin()
        .arg("--stats-json")
        .arg(&a)
        .arg(&a)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("--stats-json"));
    assert_eq!(fs::read_to_string(&a).unwrap(), pages()[0]);
}

/// A --stats-json file inside a walked directory is not an input: run
/// twice in place, the summary counts the one page both times (it was
/// cleaned as a page and came out empty); under an output directory, an
/// input whose output would be the summary is reported and left out.
#[test]
fn stats_json_inside_the_tree_is_not_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let page = &pages()[0];
    write_file(dir.path(), "n/a.txt", page);
    let json = dir.path().join("n/stats.json");
    for _ in 0..2 {
        bin()
            .arg("--in-place")
            .arg(dir.path().join("n"))
            .arg("--stats-json")
            .arg(&json)
            .assert()
            .success();
        let v: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
        assert_eq!(v["documents"], 1, "{v}");
    }
    write_file(dir.path(), "in/a.txt", page);
    write_file(dir.path(), "in/b.txt", page);
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    let stats = out.join("a.txt");
    bin()
        .arg("-o")
        .arg(&out)
        .arg(dir.path().join("in"))
        .arg("--stats-json")
        .arg(&stats)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "a.txt: the output would overwrite the --stats-json file",
        ));
    let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&stats).unwrap()).unwrap();
    assert_eq!(v["documents"], 1, "{v}");
    assert_eq!(
        fs::read_to_string(out.join("b.txt")).unwrap(),
        lib_clean(page)
    );
}

/// A run that fails (here: its output cannot be written, `/dev/full`)
/// leaves an earlier --stats-json summary as it was: the file is checked
/// at the start, not cut.
#[cfg(unix)]
#[test]
fn stats_json_of_a_failed_run_leaves_the_earlier_one() {
    if !Path::new("/dev/full").exists() {
        eprintln!("stats_json_of_a_failed_run_leaves_the_earlier_one: skipped (no /dev/full)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let a = write_file(dir.path(), "a.txt", &pages()[0]);
    let json = write_file(dir.path(), "stats.json", "{\"earlier\": true}\n");
    bin()
        .arg(&a)
        .arg("-o")
        .arg("/dev/full")
        .arg("--stats-json")
        .arg(&json)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("write failed"));
    assert_eq!(fs::read_to_string(&json).unwrap(), "{\"earlier\": true}\n");
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}

#[test]
fn no_progress_bar_on_a_pipe() {
    // stderr is a pipe here: nothing but errors may appear on it.
    let (shard_in, _) = shard(2);
    bin()
        .arg("--jsonl")
        .write_stdin(shard_in)
        .assert()
        .success()
        .stderr("");
}

#[test]
fn closed_pipe_with_jsonl_exits_zero_quietly() {
    let (shard_in, _) = shard(30);
    let dir = tempfile::tempdir().unwrap();
    let s = write_file(dir.path(), "s.jsonl", &shard_in);
    crate::util::assert_closed_pipe_is_quiet([&s]);
}

#[test]
fn unwritable_output_is_an_error_with_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("no/such/dir/out.jsonl");
    bin()
        .arg("--jsonl")
        .arg("-o")
        .arg(&bad)
        .write_stdin("{\"text\":\"a\"}\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(bad.display().to_string()));
}

// ------------------------------------------------------ shell integration

#[test]
fn generate_completions_and_man_page() {
    for (shell, needle) in [
        ("bash", "complete"),
        ("zsh", "#compdef dechrome"),
        ("fish", "complete -c dechrome"),
    ] {
        bin()
            .args(["--generate", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(needle))
            .stdout(predicate::str::contains("text-field"));
    }
    let man = stdout_of(bin().args(["--generate", "man"]));
    for s in [
        ".TH dechrome",
        ".SH OPTIONS",
        ".SH \"EXIT STATUS\"",
        ".SH EXAMPLES",
    ] {
        assert!(man.contains(s), "{s}");
    }
    bin().args(["--generate", "powershell"]).assert().code(2);
}

#[test]
fn help_lists_the_pipeline_flags() {
    let help = stdout_of(bin().arg("--help"));
    for flag in [
        "--jsonl",
        "--text-field",
        "--on-error",
        "--threads",
        "--in-place",
        "--stats-json",
        "--generate",
    ] {
        assert!(help.contains(flag), "{flag}");
    }
}

/// `--annotate`: each record gains the member, its spans point at the
/// dropped lines of the original text, every other byte stays.
#[test]
fn annotate_adds_spans_of_dropped_lines() {
    let page = "BREAKING NEWS\n\nThe council met on Tuesday to discuss the plan for the library, and most members said that they were in favour of it.\n\nSHARE THIS ARTICLE";
    let input = format!("{{\"id\": 7, \"text\": {}}}\n", json_str(page));
    let out = bin()
        .args(["--jsonl", "--annotate", "removed", "-j", "1"])
        .write_stdin(input.clone())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let line = String::from_utf8(out).unwrap();
    assert!(line.starts_with("{\"id\": 7, \"text\": "), "{line}");
    let v: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(v["text"], lib_clean(page));
    let spans = v["removed"]["spans"].as_array().unwrap();
    let dropped: Vec<&str> = spans
        .iter()
        .map(|s| &page[s[0].as_u64().unwrap() as usize..s[1].as_u64().unwrap() as usize])
        .collect();
    assert_eq!(dropped, ["BREAKING NEWS", "SHARE THIS ARTICLE"]);
    assert_eq!(v["removed"]["categories"]["social"], 1);
    assert_eq!(v["removed"]["kept"], 1);
}

/// `--annotate FIELD` never hides a member the record has: a record with a
/// member FIELD already is a bad record (reported as `path:line: reason`,
/// kept unchanged by default, exit 1), the others are annotated; FIELD
/// naming the text field itself is a usage error.
#[test]
fn annotate_never_hides_a_member() {
    let page =
        "SHARE THIS ARTICLE\n\nThe council met on Tuesday to discuss the plan for the library.";
    let clash = format!("{{\"removed\": 1, \"text\": {}}}\n", json_str(page));
    let fine = format!("{{\"text\": {}}}\n", json_str(page));
    let out = bin()
        .args(["--jsonl", "--annotate", "removed"])
        .write_stdin(format!("{fine}{clash}"))
        .assert()
        .code(1)
        .stderr(
            "<stdin>:2: the record has a member removed already (--annotate removed would hide it)\n",
        )
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["removed"]["kept"], 1);
    assert_eq!(format!("{}\n", lines[1]), clash);
    for args in [
        &["--annotate", "text"][..],
        &["--annotate", "content", "--text-field", "content.body"],
    ] {
        bin()
            .arg("--jsonl")
            .args(args)
            .write_stdin(fine.clone())
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("would hide the text field"));
    }
}
