//! Stage 1: split the input bytes into line spans.
//!
//! A line ends at `\n`, `\r\n` or a lone `\r`. Each line is trimmed of
//! surrounding whitespace (ASCII, and the Unicode spaces that HTML-to-text
//! converters leave behind: NBSP, the U+2000 block, U+3000, BOM); lines that are
//! empty after trimming are blank and carry no verdict. Invalid UTF-8 is never
//! an error: bytes that are not whitespace are simply part of the line.

/// One non-blank input line: its trimmed byte span and its 1-based line number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// Start of the trimmed line in the input.
    pub start: usize,
    /// End (exclusive) of the trimmed line in the input.
    pub end: usize,
    /// 1-based line number in the input.
    pub number: usize,
}

impl Line {
    /// The line's trimmed bytes.
    #[inline]
    pub fn bytes<'a>(&self, input: &'a [u8]) -> &'a [u8] {
        &input[self.start..self.end]
    }

    /// Length of the trimmed line in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Lines are never empty (blank lines are not recorded); for clippy.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Appends the non-blank lines of `input` to `out` (which is cleared first).
pub fn split(input: &[u8], out: &mut Vec<Line>) {
    out.clear();
    for_each_line(input, |start, end, number| {
        out.push(Line { start, end, number })
    });
}

/// Appends each non-blank line's trimmed bytes to `texts` and, for each,
/// whether the next one sits right below it in the input to `adjacent`
/// (false for the last): what the cleaner keeps of [`split`]'s lines, 17
/// bytes a line instead of 24 and a copy of the bytes' slices. Both are
/// cleared first.
pub(crate) fn split_texts<'a>(
    input: &'a [u8],
    texts: &mut Vec<&'a [u8]>,
    adjacent: &mut Vec<bool>,
) {
    texts.clear();
    adjacent.clear();
    let mut last = 0;
    for_each_line(input, |start, end, number| {
        if !texts.is_empty() {
            adjacent.push(number == last + 1);
        }
        texts.push(&input[start..end]);
        last = number;
    });
    if !texts.is_empty() {
        adjacent.push(false);
    }
}

/// The [`Line`]s of `texts`, slices of `input` as [`split_texts`] gives
/// them: each one's span is where it lies in `input`, and its number one
/// more than the line ends before it (a `\n`, or a `\r` not followed by
/// one), counted in the gaps between the lines.
pub(crate) fn spans<'a>(
    input: &'a [u8],
    texts: &'a [&'a [u8]],
) -> impl ExactSizeIterator<Item = Line> + 'a {
    let base = input.as_ptr() as usize;
    let (mut pos, mut number) = (0, 1);
    texts.iter().map(move |t| {
        let start = t.as_ptr() as usize - base;
        let gap = &input[pos..start];
        number += memchr::memchr_iter(b'\n', gap).count()
            + memchr::memchr_iter(b'\r', gap)
                .filter(|&i| input.get(pos + i + 1) != Some(&b'\n'))
                .count();
        pos = start + t.len();
        Line {
            start,
            end: pos,
            number,
        }
    })
}

/// Calls `f` with the trimmed span and the 1-based number of each
/// non-blank line of `input`, in order.
#[inline]
fn for_each_line(input: &[u8], mut f: impl FnMut(usize, usize, usize)) {
    let mut pos = 0;
    let mut number = 0;
    let mut line = |pos: usize, end: usize, number: usize| {
        let (s, e) = trim(input, pos, end);
        if s < e {
            f(s, e, number);
        }
    };
    // Every `\n` and `\r`, in order: a line ends at each one from the
    // current position on (the `\n` of a `\r\n` is behind it).
    for_each_break(input, |e| {
        if e < pos {
            return;
        }
        number += 1;
        line(pos, e, number);
        pos = if input[e] == b'\r' && input.get(e + 1) == Some(&b'\n') {
            e + 2
        } else {
            e + 1
        };
    });
    if pos < input.len() {
        line(pos, input.len(), number + 1);
    }
}

/// Calls `f` with the offset of every `\n` and `\r` of `input`, in order:
/// 64 bytes at a time, their bytes compared in four 16-byte blocks (SSE2)
/// into one mask whose set bits are walked.
#[cfg(target_arch = "x86_64")]
fn for_each_break(input: &[u8], mut f: impl FnMut(usize)) {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    let mask = |block: &[u8]| -> u64 {
        debug_assert_eq!(block.len(), 64);
        let mut m = 0u64;
        for k in 0..4 {
            // SAFETY: SSE2 is part of x86_64; 16 bytes of the 64-byte block
            // are loaded, unaligned.
            let bits = unsafe {
                let x = _mm_loadu_si128(block[16 * k..].as_ptr().cast::<__m128i>());
                let nl = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\n' as i8));
                let cr = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\r' as i8));
                _mm_movemask_epi8(_mm_or_si128(nl, cr)) as u16
            };
            m |= u64::from(bits) << (16 * k);
        }
        m
    };
    let mut walk = |base: usize, mut m: u64| {
        while m != 0 {
            f(base + m.trailing_zeros() as usize);
            m &= m - 1;
        }
    };
    let mut blocks = input.chunks_exact(64);
    let mut base = 0;
    for block in &mut blocks {
        walk(base, mask(block));
        base += 64;
    }
    let rest = blocks.remainder();
    if !rest.is_empty() {
        // Padded with zero bytes, which are no line breaks.
        let mut pad = [0u8; 64];
        pad[..rest.len()].copy_from_slice(rest);
        walk(base, mask(&pad));
    }
}

/// [`for_each_break`] through `memchr2`, where SSE2 is not.
#[cfg(not(target_arch = "x86_64"))]
fn for_each_break(input: &[u8], f: impl FnMut(usize)) {
    memchr::memchr2_iter(b'\n', b'\r', input).for_each(f);
}

/// Length of the whitespace sequence starting at `b[i]`, or 0.
#[inline]
fn space_at(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => 1,
        0xc2 if b.get(i + 1) == Some(&0xa0) => 2,
        0xe2 => match (b.get(i + 1), b.get(i + 2)) {
            // U+2000..U+200D (spaces, zero-width space/joiners), U+202F, U+205F, U+2060
            (Some(0x80), Some(&c)) if (0x80..=0x8d).contains(&c) || c == 0xaf => 3,
            (Some(0x81), Some(0x9f | 0xa0)) => 3,
            _ => 0,
        },
        0xe3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => 3,
        0xef if b.get(i + 1) == Some(&0xbb) && b.get(i + 2) == Some(&0xbf) => 3,
        _ => 0,
    }
}

/// Is there a whitespace sequence of `n` bytes ending at `b[end]` (exclusive)?
#[inline]
fn space_before(b: &[u8], start: usize, end: usize) -> usize {
    let last = b[end - 1];
    if last < 0x80 {
        return space_at(b, end - 1);
    }
    for n in [2usize, 3] {
        if end >= start + n && space_at(b, end - n) == n {
            return n;
        }
    }
    0
}

/// Trims whitespace from both ends of `b[start..end]`, returning the new bounds.
pub fn trim(b: &[u8], mut start: usize, mut end: usize) -> (usize, usize) {
    // Most lines start and end with an ASCII byte above the space: no
    // whitespace there.
    let plain = |c: u8| c > b' ' && c < 0x80;
    while start < end {
        let c = b[start];
        if plain(c) {
            break;
        }
        // ASCII whitespace (a converter's indentation, a blank line's
        // spaces) is stepped over here, not in a call a byte.
        if matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            start += 1;
            continue;
        }
        let n = space_at(b, start);
        if n == 0 || start + n > end {
            break;
        }
        start += n;
    }
    while start < end {
        if plain(b[end - 1]) {
            break;
        }
        let n = space_before(b, start, end);
        if n == 0 {
            break;
        }
        end -= n;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &[u8]) -> Vec<(usize, &[u8])> {
        let mut v = Vec::new();
        split(s, &mut v);
        v.iter().map(|l| (l.number, l.bytes(s))).collect()
    }

    #[test]
    fn line_ends_and_blanks() {
        let s = b"a\n\nb\r\nc\rd \xc2\xa0\n \t\n\xef\xbb\xbfe";
        assert_eq!(
            lines(s),
            vec![(1, &b"a"[..]), (3, b"b"), (4, b"c"), (5, b"d"), (7, b"e")]
        );
    }

    /// The splitter of the previous version: `memchr2` from each line's start.
    fn split_memchr(input: &[u8]) -> Vec<Line> {
        let mut out = Vec::new();
        let mut pos = 0;
        let mut number = 0;
        while pos < input.len() {
            number += 1;
            let (end, next) = match memchr::memchr2(b'\n', b'\r', &input[pos..]) {
                Some(i) => {
                    let e = pos + i;
                    let next = if input[e] == b'\r' && input.get(e + 1) == Some(&b'\n') {
                        e + 2
                    } else {
                        e + 1
                    };
                    (e, next)
                }
                None => (input.len(), input.len()),
            };
            let (s, e) = trim(input, pos, end);
            if s < e {
                out.push(Line {
                    start: s,
                    end: e,
                    number,
                });
            }
            pos = next;
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
        /// The mask splitter gives the lines `memchr2` gives.
        #[test]
        fn split_is_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "word ", "\n", "\r", "\r\n", "\n\r", " ", "\t", "\u{a0}", "\u{3000}", "\u{2009}",
            "\u{feff}", "x\ny", "0123456789abcdef0123456789abcdef", "\u{e9}",
        ]), 0..120)) {
            let input = parts.concat().into_bytes();
            let mut lines = Vec::new();
            split(&input, &mut lines);
            proptest::prop_assert_eq!(lines, split_memchr(&input));
        }
    }

    /// [`trim`] without the test of ASCII bytes above the space.
    fn trim_plain(b: &[u8], mut start: usize, mut end: usize) -> (usize, usize) {
        while start < end {
            let n = space_at(b, start);
            if n == 0 || start + n > end {
                break;
            }
            start += n;
        }
        while start < end {
            let n = space_before(b, start, end);
            if n == 0 {
                break;
            }
            end -= n;
        }
        (start, end)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// Trimming with the ASCII shortcut trims what the byte-by-byte
        /// test trims, at any bounds.
        #[test]
        fn trim_shortcut_is_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", " ", "\t", "\x0b", "\x0c", "\u{a0}", "\u{3000}", "\u{2009}", "\u{feff}", "\u{e9}",
            "\x7f", "!", "~", "\u{200b}", "\u{2060}", "\u{205f}", "\r", "\n",
        ]), 0..12), cut in proptest::collection::vec(0usize..64, 2)) {
            let b = parts.concat().into_bytes();
            let (x, y) = (cut[0] % (b.len() + 1), cut[1] % (b.len() + 1));
            let (start, end) = (x.min(y), x.max(y));
            proptest::prop_assert_eq!(trim(&b, start, end), trim_plain(&b, start, end));
        }
    }

    #[test]
    fn invalid_utf8_is_kept() {
        let s = b"\xff\xfe abc \xe2\x80";
        assert_eq!(lines(s), vec![(1, &b"\xff\xfe abc \xe2\x80"[..])]);
    }
}
