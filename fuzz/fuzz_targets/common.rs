//! Checks shared by the fuzz targets: what must hold for every input, made
//! of arbitrary bytes, whatever the cleaner decides.
#![allow(dead_code)] // each target uses a part of it

use dechrome::{Cleaner, Verdict};

/// The whitespace `src/lines.rs` trims, spelled out one sequence each, so
/// that the reference below does not reuse the code it checks.
const SPACES: &[&[u8]] = &[
    b" ",
    b"\t",
    b"\n",
    b"\r",
    b"\x0b",
    b"\x0c",
    "\u{a0}".as_bytes(),
    "\u{2000}".as_bytes(),
    "\u{2001}".as_bytes(),
    "\u{2002}".as_bytes(),
    "\u{2003}".as_bytes(),
    "\u{2004}".as_bytes(),
    "\u{2005}".as_bytes(),
    "\u{2006}".as_bytes(),
    "\u{2007}".as_bytes(),
    "\u{2008}".as_bytes(),
    "\u{2009}".as_bytes(),
    "\u{200a}".as_bytes(),
    "\u{200b}".as_bytes(),
    "\u{200c}".as_bytes(),
    "\u{200d}".as_bytes(),
    "\u{202f}".as_bytes(),
    "\u{205f}".as_bytes(),
    "\u{2060}".as_bytes(),
    "\u{3000}".as_bytes(),
    "\u{feff}".as_bytes(),
];

/// Naive line splitter: split on `\r\n`, `\n`, `\r`; trim [`SPACES`] from
/// both ends; keep the non-blank lines as `(start, end, 1-based number)`.
pub fn naive_lines(input: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut raw = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'\n' => {
                raw.push((start, i));
                i += 1;
                start = i;
            }
            b'\r' => {
                raw.push((start, i));
                i += if input.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < input.len() {
        raw.push((start, input.len()));
    }
    let mut out = Vec::new();
    for (n, (mut s, mut e)) in raw.into_iter().enumerate() {
        'front: loop {
            for sp in SPACES {
                if input[s..e].starts_with(sp) {
                    s += sp.len();
                    continue 'front;
                }
            }
            break;
        }
        'back: loop {
            for sp in SPACES {
                if input[s..e].ends_with(sp) {
                    e -= sp.len();
                    continue 'back;
                }
            }
            break;
        }
        if s < e {
            out.push((s, e, n + 1));
        }
    }
    out
}

/// Cleans `input` and checks everything the README promises about the
/// result; returns the rendered output.
pub fn check(cleaner: &Cleaner, input: &[u8]) -> Vec<u8> {
    let c = cleaner.clean(input);

    // The lines are the naive splitter's, byte for byte.
    let lines: Vec<(usize, usize, usize)> = c
        .lines()
        .map(|l| (l.start, l.end, l.number))
        .collect();
    let naive = naive_lines(input);
    assert_eq!(lines, naive, "line spans differ from the naive splitter");

    // One decision per line, carrying the line's own bytes.
    assert_eq!(c.decisions().count(), lines.len());
    let mut kept: Vec<&[u8]> = Vec::new();
    let mut want = Vec::new();
    let mut prev: Option<usize> = None;
    for (i, ((bytes, d), &(s, e, _))) in c.decisions().zip(&lines).enumerate() {
        assert_eq!(
            bytes,
            &input[s..e],
            "a decision's line is not the input span"
        );
        assert!(
            !c.joined(i) || lines.get(i + 1).is_some_and(|n| n.2 == lines[i].2 + 1),
            "a joined line is not followed by the next input line"
        );
        if d.verdict.is_keep() {
            if let Some(p) = prev {
                let wrapped = p + 1 == i && c.joined(p);
                want.extend_from_slice(if wrapped { b"\n" } else { b"\n\n" });
            }
            want.extend_from_slice(bytes);
            prev = Some(i);
            kept.push(bytes);
        }
    }
    assert_eq!(kept.len(), c.kept());
    assert!(c.kept_lines().eq(kept.iter().copied()));

    // The output is the kept lines, unchanged, in input order, one blank
    // line apart (a line break only inside a hard-wrapped paragraph), with
    // a final newline; nothing kept gives nothing.
    let out = c.render();
    if !kept.is_empty() {
        want.push(b'\n');
    }
    assert_eq!(out, want, "render is not the kept input lines");
    let mut appended = b"prefix".to_vec();
    c.render_into(&mut appended);
    assert_eq!(&appended[6..], &out[..], "render_into differs from render");

    // --explain: one row per line, keep|drop, category, rule, the line.
    let mut ex = Vec::new();
    c.write_explain(&mut ex)
        .expect("writing to a Vec never fails");
    let rows: Vec<&[u8]> = if ex.is_empty() {
        Vec::new()
    } else {
        assert_eq!(ex.last(), Some(&b'\n'), "explain ends with a newline");
        ex[..ex.len() - 1].split(|&b| b == b'\n').collect()
    };
    assert_eq!(rows.len(), lines.len(), "one explain row per line");
    for (row, (bytes, d)) in rows.iter().zip(c.decisions()) {
        let cols: Vec<&[u8]> = row.splitn(4, |&b| b == b'\t').collect();
        assert_eq!(
            cols.len(),
            4,
            "four columns in {:?}",
            String::from_utf8_lossy(row)
        );
        assert_eq!(cols[3], bytes, "explain row does not end with the line");
        match d.verdict {
            Verdict::Keep => assert_eq!((cols[0], cols[1]), (&b"keep"[..], &b"-"[..])),
            Verdict::Drop(cat) => {
                assert_eq!(cols[0], b"drop");
                assert_eq!(cols[1], cat.name().as_bytes());
            }
        }
        assert!(!cols[2].is_empty(), "empty rule");
    }
    out
}

/// [`check`], then clean the output again: its lines must be exactly the
/// kept lines of the first pass (rendering round-trips through the
/// splitter), and the second pass must pass [`check`] too. Whether the
/// second pass keeps them all (idempotence) is left to `tests/props.rs`.
pub fn check_twice(cleaner: &Cleaner, input: &[u8]) {
    let once = check(cleaner, input);
    let first = cleaner.clean(input);
    let again = cleaner.clean(&once);
    assert!(
        again.decisions().map(|(l, _)| l).eq(first.kept_lines()),
        "the rendered output does not split back into the kept lines"
    );
    check(cleaner, &once);
}
