//! Line shapes: chrome recognised by its form rather than its words.
//!
//! One regex per shape over the bytes of short lines (at most
//! [`MAX_SHAPE_BYTES`]), ASCII case-insensitive, with byte-level word
//! boundaries. The breadcrumb test is plain code (see [`is_breadcrumb`]).

use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::{Arc, OnceLock};

use regex::bytes::{Regex, RegexBuilder};
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};

use crate::verdict::Category;

/// Lines longer than this are never matched against shapes.
pub const MAX_SHAPE_BYTES: usize = 240;

/// One shape: a name for `--explain`, its category, whether it closes the
/// article, and its pattern.
pub struct Shape {
    /// Name shown as `shape:NAME`.
    pub name: &'static str,
    /// Category a match drops the line under.
    pub category: Category,
    /// A match marks the end of the article (sign-offs).
    pub ends_article: bool,
    /// The regex (bytes, matched against the trimmed line).
    pub pattern: &'static str,
    /// A cheap test every line the regex can match passes: lines that fail
    /// it are not given to the regex (the regex alone decides the rest).
    pub needs: Needs,
    /// The regex reads the line from its end: the same lines match (the
    /// question is only whether one does), and a pattern anchored at the
    /// end whose start is ambiguous builds far fewer automaton states
    /// backward (a commenter's name before a timestamp: which of the
    /// digits start the date is only known once the date is read).
    pub(crate) backward: bool,
}

/// Cheap byte tests that gate the shape regexes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// No gate.
    Nothing,
    /// An ASCII digit somewhere.
    Digit,
    /// This byte somewhere.
    Byte(u8),
    /// The word "copyright" (ASCII case-insensitive) starting within the
    /// first 81 bytes.
    Copyright,
    /// The first byte, ASCII-lowercased, is one of these.
    First(&'static [u8]),
    /// The last byte, ASCII-lowercased, is one of these.
    Last(&'static [u8]),
    /// At most this many bytes.
    MaxLen(usize),
    /// After an optional `(` or `[` and ASCII whitespace, the line starts
    /// with one of these (ASCII case-insensitive).
    Prefix(&'static [&'static str]),
    /// Every one of these.
    All(&'static [Needs]),
    /// After an optional `(` or `[` and ASCII whitespace, the line's first
    /// two bytes have the pair key (`pair_key`) of a byte of the first set of one
    /// of these and a byte of its second set (ASCII case folded, and a few
    /// more bytes with them: a superset). Tested whole in the candidates'
    /// masks, never again: cheaper than [`Needs::Prefix`] for many starts.
    Pairs(&'static [(&'static [u8], &'static [u8])]),
    /// A news agency's name (see [`AGENCIES`]) within the first
    /// [`AGENCY_WITHIN`] bytes, ASCII case-insensitive, at the start of the
    /// line or after `(`, `/` or whitespace.
    Agency,
    /// A `/` (or another byte the breadcrumbs' separators are counted by:
    /// `>`, `|`, 0xbb, 0xb7) somewhere, or, after
    /// dropping one `-`, `–` or `—` and then ASCII whitespace and one `)`
    /// from its end, the line ends with an agency's name, "images" or
    /// "photo" (see [`AGENCY_ENDS`]; ASCII case-insensitive): where the
    /// first `photo-credit` shape's credit ends a line with no `/` in it.
    AgencyEnd,
    /// At least this many ASCII digits.
    Digits(u32),
    /// Every byte may be part of a name or an agency's credit: an ASCII
    /// letter or digit, a byte of 0x80 and above, ASCII whitespace, or one
    /// of `. & - / ( ) '`.
    NameChars,
    /// After dropping one `:`, `,` or `.` and then ASCII whitespace from its end,
    /// the line ends with one of these (ASCII case-insensitive).
    Suffix(&'static [&'static str]),
    /// At most this many ASCII letters: the most a line the regex matches
    /// can hold (see `max_letters`). Most text lines hold more than a
    /// date's or a counter's.
    MaxLetters(u32),
    /// A count of comments at the start of the line: after an optional
    /// `[`, `(` or `{` and ASCII whitespace, a number (a digit, then
    /// digits, `.` and `,`), "no" or "one", ASCII whitespace, and a word
    /// that starts with c, r, t or p ("12 comments", "[ 3 Responses",
    /// "One thought"), ASCII case-insensitive (see `counts_comments`).
    Counted,
    /// [`Needs::Counted`] with one word of ASCII letters and ASCII
    /// whitespace between the count and the word that starts with c, r, t
    /// or p ("8 appreciated comments").
    CountedWord,
    /// A count at the start of the line as in [`Needs::Counted`], then a
    /// word that starts with one of these bytes (ASCII case-insensitive):
    /// the comments' word in other languages ("2 Kommentare zu",
    /// "3 réponses à").
    CountedThen(&'static [u8]),
}

/// See [`Needs::Counted`] (`word`: [`Needs::CountedWord`]).
#[inline(never)]
fn counts_comments(line: &[u8], word: bool) -> bool {
    counted_rest(line, word).is_some_and(|rest| {
        matches!(
            rest.first(),
            Some(b'c' | b'C' | b'r' | b'R' | b't' | b'T' | b'p' | b'P')
        )
    })
}

/// See [`Needs::CountedThen`].
#[inline(never)]
fn counted_then(line: &[u8], set: ByteSet) -> bool {
    counted_rest(line, false).is_some_and(|rest| rest.first().is_some_and(|&b| set.has(b)))
}

/// What follows the count (and with `word`, the word after it) in a
/// [`counts_comments`] line, or `None` when the line has no such start.
fn counted_rest(line: &[u8], word: bool) -> Option<&[u8]> {
    let space = |b: &u8| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ');
    let mut rest = line;
    if let [b'[' | b'(' | b'{', tail @ ..] = rest {
        rest = past(tail, space);
    }
    rest = match rest {
        [b'0'..=b'9', tail @ ..] => past(tail, |b| matches!(b, b'0'..=b'9' | b'.' | b',')),
        [b'o' | b'O', b'n' | b'N', b'e' | b'E', tail @ ..]
        | [b'n' | b'N', b'o' | b'O', tail @ ..] => tail,
        _ => return None,
    };
    rest = past_some(rest, space)?;
    if word {
        rest = past_some(rest, u8::is_ascii_alphabetic)?;
        rest = past_some(rest, space)?;
    }
    Some(rest)
}

/// `rest` past its leading bytes that pass `keep`.
fn past(rest: &[u8], keep: impl Fn(&u8) -> bool) -> &[u8] {
    &rest[rest.iter().position(|b| !keep(b)).unwrap_or(rest.len())..]
}

/// [`past`], when at least one byte passes.
fn past_some(rest: &[u8], keep: impl Fn(&u8) -> bool) -> Option<&[u8]> {
    let after = past(rest, keep);
    (after.len() < rest.len()).then_some(after)
}

/// The word "copyright" (ASCII case-insensitive) starting within the first
/// 81 bytes of the line.
#[cfg(test)]
fn has_copyright(line: &[u8]) -> bool {
    // Found by its "y", 3 bytes in.
    let window = &line[..line.len().min(81 + 3)];
    memchr::memchr2_iter(b'y', b'Y', window).any(|i| {
        i >= 3
            && line
                .get(i - 3..i + 6)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"copyright"))
    })
}

/// Where the `y` of a "copyright" that starts within the first 81 bytes
/// can be: 3 bytes in, bits 3..84 of a line's `y` places.
const COPYRIGHT_YS: u128 = ((1u128 << (81 + 3)) - 1) & !0b111;

/// [`has_copyright`] from the places of the line's `y` and `Y` bytes
/// (bit i: byte i, for the first 128 bytes).
#[inline]
fn has_copyright_at(line: &[u8], y_at: u128) -> bool {
    let mut m = y_at & COPYRIGHT_YS;
    while m != 0 {
        let i = m.trailing_zeros() as usize;
        if line
            .get(i - 3..i + 6)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"copyright"))
        {
            return true;
        }
        m &= m - 1;
    }
    false
}

/// Agency names every match of the first `photo-credit` shape holds.
pub const AGENCIES: &[&str] = &[
    "reuters",
    "ap",
    "afp",
    "getty",
    "epa",
    "dpa",
    "xinhua",
    "ansa",
    "efe",
    "anadolu",
    "yonhap",
    "kcna",
    "bloomberg",
    "shutterstock",
    "istock",
    "corbis",
    "alamy",
    "wireimage",
];
/// The last words of the first `photo-credit` shape's credits (its
/// agencies, "Getty Images", "AP Photo"): see [`Needs::AgencyEnd`].
pub const AGENCY_ENDS: &[&str] = &{
    const EXTRA: [&str; 2] = ["images", "photo"];
    let mut ends = [""; AGENCIES.len() + EXTRA.len()];
    let mut i = 0;
    while i < ends.len() {
        ends[i] = if i < AGENCIES.len() {
            AGENCIES[i]
        } else {
            EXTRA[i - AGENCIES.len()]
        };
        i += 1;
    }
    ends
};

/// By [`pair_key`] of a name's first two bytes: the [`AGENCIES`] that
/// start so, one bit each.
fn agency_pairs() -> Box<[u32; 1024]> {
    assert!(AGENCIES.len() <= 32, "one bit an agency");
    let mut t = Box::new([0u32; 1024]);
    for (i, a) in AGENCIES.iter().enumerate() {
        let b = a.as_bytes();
        t[pair_key(b[0], b[1])] |= 1 << i;
    }
    t
}

/// The agency starts at most 33 bytes in (`(`, 30 bytes, a separator,
/// `(`), and the longest name is 12 bytes.
pub const AGENCY_WITHIN: usize = 33 + 12;
const _: () = assert!(AGENCY_WITHIN <= 48);

/// What the gates look at, computed once per line.
struct Probe<'s> {
    digits: u32,
    /// ASCII letters.
    letters: u32,
    colon: bool,
    at: bool,
    /// A byte that [`Needs::NameChars`] rules out.
    not_name: bool,
    /// The one-byte separators (see [`separator_bytes`]).
    separators: usize,
    /// A 0xe2 byte (the lead byte of the three-byte separators).
    e2: bool,
    /// Bit i: byte i (of the first 128) is a `y` or `Y` (which
    /// "copyright" holds).
    y_at: u128,
    /// Bit i: byte i (of the first [`AGENCY_WITHIN`]) is an
    /// [`agency_break`].
    breaks: u64,
    /// Where the first word starts: after an optional `(` or `[` and ASCII
    /// whitespace (see [`Needs::Prefix`]).
    lead: usize,
    /// [`pair_key`] of the first two bytes from `lead` (`None`: fewer).
    lead_key: Option<usize>,
    agency_pairs: &'s [u32; 1024],
}

/// [`PROBE`] flags.
const P_DIGIT: u8 = 1;
const P_COLON: u8 = 2;
const P_AT: u8 = 4;
const P_NOT_NAME: u8 = 8;
const P_SEPARATOR: u8 = 16;
const P_E2: u8 = 32;
#[cfg(any(test, not(target_arch = "x86_64")))]
const P_Y: u8 = 64;
#[cfg(any(test, not(target_arch = "x86_64")))]
const P_LETTER: u8 = 128;

/// Each byte's [`Probe`] flags.
#[cfg(any(test, not(target_arch = "x86_64")))]
static PROBE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let name = b.is_ascii_alphanumeric()
            || b >= 0x80
            || matches!(
                b,
                b'\t'
                    | b'\n'
                    | 0x0b
                    | 0x0c
                    | b'\r'
                    | b' '
                    | b'.'
                    | b'&'
                    | b'-'
                    | b'/'
                    | b'('
                    | b')'
                    | b'\''
            );
        t[i] = if b.is_ascii_digit() { P_DIGIT } else { 0 }
            | if b == b':' { P_COLON } else { 0 }
            | if b == b'@' { P_AT } else { 0 }
            | if name { 0 } else { P_NOT_NAME }
            | if is_separator_byte(b) { P_SEPARATOR } else { 0 }
            | if b == 0xe2 { P_E2 } else { 0 }
            | if b == b'y' || b == b'Y' { P_Y } else { 0 }
            | if b.is_ascii_alphabetic() { P_LETTER } else { 0 };
        i += 1;
    }
    t
};

/// What [`probe_bytes`] finds: the [`PROBE`] flags of a line's bytes
/// ORed, its digits, its one-byte separators, its ASCII letters, the
/// places of its `y` and `Y` bytes (bit i: byte i, of the first 128) and
/// of its agency breaks (bit i: byte i, of the first [`AGENCY_WITHIN`], is
/// an [`agency_break`]).
pub(crate) type ProbeBytes = (u8, u32, usize, u32, u128, u64);

/// The [`ProbeBytes`] of a line from what was found of its bytes
/// elsewhere (by [`crate::features`], as it measured the line): its
/// digits and ASCII letters, whether it holds a `:`, an `@`, a byte that
/// [`Needs::NameChars`] rules out, a 0xe2 byte, its one-byte separators,
/// the places of its `y` and `Y` bytes and of its agency breaks (see
/// [`ProbeBytes`]).
#[allow(clippy::too_many_arguments)]
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(crate) fn probe_of_parts(
    digits: u32,
    letters: u32,
    colon: bool,
    at: bool,
    not_name: bool,
    e2: bool,
    separators: usize,
    y_at: u128,
    breaks: u64,
) -> ProbeBytes {
    let flags = if digits > 0 { P_DIGIT } else { 0 }
        | if colon { P_COLON } else { 0 }
        | if at { P_AT } else { 0 }
        | if not_name { P_NOT_NAME } else { 0 }
        | if separators > 0 { P_SEPARATOR } else { 0 }
        | if e2 { P_E2 } else { 0 };
    (flags, digits, separators, letters, y_at, breaks)
}

/// The [`ProbeBytes`] of a line.
#[cfg(not(target_arch = "x86_64"))]
pub(crate) fn probe_bytes(line: &[u8]) -> ProbeBytes {
    probe_bytes_table(line)
}

/// [`probe_bytes`] a byte at a time through [`PROBE`].
#[cfg(any(test, not(target_arch = "x86_64")))]
fn probe_bytes_table(line: &[u8]) -> ProbeBytes {
    let (mut flags, mut digits, mut separators, mut letters) = (0u8, 0u32, 0usize, 0u32);
    let mut y_at = 0u128;
    let mut breaks = 0u64;
    for (i, &b) in line.iter().enumerate() {
        if i < AGENCY_WITHIN && agency_break(b) {
            breaks |= 1 << i;
        }
        let f = PROBE[b as usize];
        flags |= f;
        digits += u32::from(f & P_DIGIT);
        separators += usize::from(f >> 4 & 1);
        letters += u32::from(f >> 7);
        if i < 128 && f & P_Y != 0 {
            y_at |= 1 << i;
        }
    }
    // Letters are counted, the places of `y` kept, not flagged.
    (
        flags & !(P_LETTER | P_Y),
        digits,
        separators,
        letters,
        y_at,
        breaks,
    )
}

/// What [`probe_bytes`] reads of one 16-byte block `x`, whose ASCII
/// letters and digits are `alnum` (compare results: -1 a lane), as byte
/// masks: the bytes a name may hold (letters, digits, bytes of 0x80 and
/// above, white space, `&'()` and `-./`), white space, slashes,
/// separators (`>`, `/`, `|`, and the second bytes of `»` and `·`), `:`,
/// `@` and 0xe2. Shared by [`probe_bytes`] and the measuring pass, which
/// works the probe out in its own walk over a line.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy)]
pub(crate) struct BlockMarks {
    pub name: std::arch::x86_64::__m128i,
    pub space: std::arch::x86_64::__m128i,
    pub slash: std::arch::x86_64::__m128i,
    pub sep: std::arch::x86_64::__m128i,
    pub colon: std::arch::x86_64::__m128i,
    pub at: std::arch::x86_64::__m128i,
    pub e2: std::arch::x86_64::__m128i,
}

/// [`BlockMarks`] of the block `x` (SSE2, part of x86_64).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(crate) fn block_marks(
    x: std::arch::x86_64::__m128i,
    alnum: std::arch::x86_64::__m128i,
) -> BlockMarks {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_or_si128, _mm_set1_epi8,
        _mm_setzero_si128,
    };
    // SAFETY: SSE2 is part of x86_64; register operations only.
    unsafe {
        let set = |b: u8| _mm_set1_epi8(b as i8);
        let eq = |b: u8| _mm_cmpeq_epi8(x, set(b));
        // Bytes lo..lo + len moved to -128..-128 + len (and no other byte
        // there), then one signed comparison.
        let range = |lo: u8, len: u8| -> __m128i {
            _mm_cmplt_epi8(
                _mm_add_epi8(x, set(0x80u8.wrapping_sub(lo))),
                set(0x80 + len),
            )
        };
        // Bytes of 0x80 and above are negative.
        let high = _mm_cmplt_epi8(x, _mm_setzero_si128());
        let space = _mm_or_si128(range(b'\t', 5), eq(b' '));
        let slash = eq(b'/');
        // & ' ( ) and - . /
        let punct = _mm_or_si128(range(b'&', 4), range(b'-', 3));
        let name = _mm_or_si128(_mm_or_si128(alnum, _mm_or_si128(high, space)), punct);
        let sep = _mm_or_si128(
            _mm_or_si128(_mm_or_si128(eq(b'>'), slash), eq(b'|')),
            _mm_or_si128(eq(0xbb), eq(0xb7)),
        );
        BlockMarks {
            name,
            space,
            slash,
            sep,
            colon: eq(b':'),
            at: eq(b'@'),
            e2: eq(0xe2),
        }
    }
}

/// [`probe_bytes`] sixteen bytes at a time (SSE2): the same tests as
/// [`PROBE`]'s, written as byte comparisons; the counts kept per lane and
/// added at the end (a line of at most [`MAX_SHAPE_BYTES`] bytes has fewer
/// than 255 blocks).
#[cfg(target_arch = "x86_64")]
pub(crate) fn probe_bytes(line: &[u8]) -> ProbeBytes {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_extract_epi16,
        _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_sad_epu8, _mm_set1_epi8,
        _mm_setzero_si128, _mm_sub_epi8,
    };
    assert!(line.len() < 255 * 16, "per-lane counts fit in a byte");
    // SAFETY: SSE2 is part of x86_64; every load reads 16 bytes of a slice
    // or array of at least 16 bytes, unaligned.
    unsafe {
        let set = |b: u8| _mm_set1_epi8(b as i8);
        let zero = _mm_setzero_si128();
        let (mut digits, mut seps, mut letters) = (zero, zero, zero);
        let (mut colon, mut at, mut e2) = (zero, zero, zero);
        // The `y` masks of the first eight blocks, two bytes each, read as
        // one u128 at the end (no wide shift per block).
        let (mut ys, mut at_block) = ([0u8; 16], 0usize);
        // The agency breaks of the first three blocks (48 bytes).
        let mut breaks = 0u64;
        let mut name = _mm_cmpeq_epi8(zero, zero);
        let mut block = |x: __m128i| {
            let eq = |b: u8| _mm_cmpeq_epi8(x, set(b));
            // Bytes lo..lo + len moved to -128..-128 + len (and no other
            // byte there), then one signed comparison.
            let range = |v: __m128i, lo: u8, len: u8| {
                _mm_cmplt_epi8(
                    _mm_add_epi8(v, set(0x80u8.wrapping_sub(lo))),
                    set(0x80 + len),
                )
            };
            let folded = _mm_or_si128(x, set(0x20));
            let digit = range(x, b'0', 10);
            let letter = range(folded, b'a', 26);
            let m = block_marks(x, _mm_or_si128(digit, letter));
            let (space, slash) = (m.space, m.slash);
            name = _mm_and_si128(name, m.name);
            digits = _mm_sub_epi8(digits, digit);
            letters = _mm_sub_epi8(letters, letter);
            seps = _mm_sub_epi8(seps, m.sep);
            colon = _mm_or_si128(colon, m.colon);
            at = _mm_or_si128(at, m.at);
            e2 = _mm_or_si128(e2, m.e2);
            if at_block < 8 {
                let y = _mm_movemask_epi8(_mm_cmpeq_epi8(folded, set(b'y'))) as u16;
                ys[2 * at_block..2 * at_block + 2].copy_from_slice(&y.to_le_bytes());
                if at_block < 3 {
                    let brk = _mm_or_si128(space, _mm_or_si128(slash, eq(b'(')));
                    breaks |= u64::from(_mm_movemask_epi8(brk) as u16) << (16 * at_block);
                }
                at_block += 1;
            }
        };
        let mut chunks = line.chunks_exact(16);
        for c in &mut chunks {
            block(_mm_loadu_si128(c.as_ptr().cast::<__m128i>()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Padded with spaces: a name byte and nothing else (an agency
            // break too, cleared below).
            block(_mm_loadu_si128(pad16(rest).as_ptr().cast::<__m128i>()));
        }
        let sum = |v: __m128i| {
            let s = _mm_sad_epu8(v, zero);
            (_mm_extract_epi16::<0>(s) + _mm_extract_epi16::<4>(s)) as u32
        };
        let any = |v: __m128i| _mm_movemask_epi8(v) != 0;
        let flags = if sum(digits) > 0 { P_DIGIT } else { 0 }
            | if any(colon) { P_COLON } else { 0 }
            | if any(at) { P_AT } else { 0 }
            | if _mm_movemask_epi8(name) != 0xffff {
                P_NOT_NAME
            } else {
                0
            }
            | if sum(seps) > 0 { P_SEPARATOR } else { 0 }
            | if any(e2) { P_E2 } else { 0 };
        let y_at = u128::from_le_bytes(ys);
        // The breaks in the line only (not in its padding).
        let breaks = breaks & ((1 << line.len().min(AGENCY_WITHIN)) - 1);
        (
            flags,
            sum(digits),
            sum(seps) as usize,
            sum(letters),
            y_at,
            breaks,
        )
    }
}

/// `rest` (fewer than 16 bytes) padded with spaces to 16, copied in at
/// most two loads of 8, 4 or 1 bytes (no call to `memcpy`, around which
/// [`probe_bytes`] kept its sixteen-byte counts on the stack).
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn pad16(rest: &[u8]) -> [u8; 16] {
    debug_assert!(rest.len() < 16);
    let mut pad = [b' '; 16];
    let n = rest.len();
    if n >= 8 {
        // Two overlapping copies of 8.
        pad[..8].copy_from_slice(&rest[..8]);
        pad[n - 8..n].copy_from_slice(&rest[n - 8..]);
    } else if n >= 4 {
        pad[..4].copy_from_slice(&rest[..4]);
        pad[n - 4..n].copy_from_slice(&rest[n - 4..]);
    } else {
        for (d, &b) in pad.iter_mut().zip(rest) {
            *d = b;
        }
    }
    pad
}

impl Probe<'_> {
    /// The probe of `line`, from its [`ProbeBytes`] when they were found
    /// already.
    #[inline(always)]
    fn of<'s>(line: &[u8], bytes: Option<ProbeBytes>, shapes: &'s Shapes) -> Probe<'s> {
        let (flags, digits, separators, letters, y_at, breaks) =
            bytes.unwrap_or_else(|| probe_bytes(line));
        let mut lead = usize::from(matches!(line.first(), Some(b'(' | b'[')));
        while line
            .get(lead)
            .is_some_and(|b| matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '))
        {
            lead += 1;
        }
        let lead_key = match line.get(lead..lead + 2) {
            Some(&[a, b]) => Some(pair_key(a, b)),
            _ => None,
        };
        Probe {
            lead_key,
            digits,
            letters,
            colon: flags & P_COLON != 0,
            at: flags & P_AT != 0,
            not_name: flags & P_NOT_NAME != 0,
            separators,
            e2: flags & P_E2 != 0,
            y_at,
            breaks,
            lead,
            agency_pairs: &shapes.agency_pairs,
        }
    }
}

/// Two bytes folded into ten bits so that ASCII letters fold case:
/// strings equal up to ASCII case have equal keys.
#[inline]
fn pair_key(a: u8, b: u8) -> usize {
    usize::from(a & 0x1f) << 5 | usize::from(b & 0x1f)
}

/// A set of [`pair_key`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct PairSet([u64; 16]);

impl PairSet {
    /// The keys of the first two bytes of each word (every word must have two).
    fn of(words: &[&str]) -> PairSet {
        let mut set = PairSet::default();
        for w in words {
            let b = w.as_bytes();
            assert!(b.len() >= 2, "prefix words have two bytes or more: {w:?}");
            let k = pair_key(b[0], b[1]);
            set.0[k >> 6] |= 1 << (k & 63);
        }
        set
    }

    /// The keys of every byte of each first set with every byte of its
    /// second set.
    fn of_pairs(pairs: &[(&[u8], &[u8])]) -> PairSet {
        let mut set = PairSet::default();
        for &(firsts, seconds) in pairs {
            for &a in firsts {
                for &b in seconds {
                    let k = pair_key(a, b);
                    set.0[k >> 6] |= 1 << (k & 63);
                }
            }
        }
        set
    }

    #[inline]
    fn has(&self, k: usize) -> bool {
        self.0[k >> 6] >> (k & 63) & 1 != 0
    }
}

/// A set of bytes, one bit each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct ByteSet([u64; 4]);

impl ByteSet {
    /// Every byte `keep` says yes to.
    fn of(keep: impl Fn(u8) -> bool) -> ByteSet {
        let mut set = ByteSet::default();
        for b in 0..=255u8 {
            if keep(b) {
                set.0[(b >> 6) as usize] |= 1 << (b & 63);
            }
        }
        set
    }

    #[inline]
    fn has(self, b: u8) -> bool {
        self.0[(b >> 6) as usize] >> (b & 63) & 1 != 0
    }
}

/// A [`Needs`] compiled for speed: byte sets instead of lists.
#[derive(Clone, Debug)]
enum Gate {
    Digit,
    Colon,
    At,
    Byte(u8),
    Copyright,
    First(ByteSet),
    Last(ByteSet),
    MaxLen(usize),
    /// The [`pair_key`]s the words can start with, and the words by
    /// their keys.
    Prefix(PairSet, Box<PrefixWords>),
    /// See [`Needs::Pairs`].
    Pairs(PairSet),
    Agency,
    Digits(u32),
    NameChars,
    /// By the [`pair_key`] of the last two bytes, the words (one bit each,
    /// by index) that can end with them (in either case); and the words as
    /// [`SuffixKey`]s.
    Suffix(Box<[u32; 1024]>, Box<[SuffixKey]>),
    /// See [`Needs::AgencyEnd`]: [`AGENCY_ENDS`] as a [`Gate::Suffix`]'s.
    AgencyEnd(Box<[u32; 1024]>, Box<[SuffixKey]>),
    MaxLetters(u32),
    Counted,
    CountedWord,
    /// See [`Needs::CountedThen`]: the bytes, in either case.
    CountedThen(ByteSet),
}

impl Gate {
    /// The gates of `needs`, with [`Needs::All`] flattened (a line must
    /// pass all of `out`).
    fn compile(needs: Needs, out: &mut Vec<Gate>) {
        let gate = match needs {
            Needs::Nothing => return,
            Needs::All(all) => {
                for &n in all {
                    Gate::compile(n, out);
                }
                return;
            }
            Needs::Digit => Gate::Digit,
            Needs::Byte(b':') => Gate::Colon,
            Needs::Byte(b'@') => Gate::At,
            Needs::Byte(b) => Gate::Byte(b),
            Needs::Copyright => Gate::Copyright,
            Needs::First(set) => {
                Gate::First(ByteSet::of(|b| set.contains(&b.to_ascii_lowercase())))
            }
            Needs::Last(set) => Gate::Last(ByteSet::of(|b| set.contains(&b.to_ascii_lowercase()))),
            Needs::MaxLen(n) => Gate::MaxLen(n),
            Needs::Prefix(words) => Gate::Prefix(PairSet::of(words), PrefixWords::of(words)),
            Needs::Pairs(pairs) => Gate::Pairs(PairSet::of_pairs(pairs)),
            Needs::Agency => Gate::Agency,
            Needs::Digits(n) => Gate::Digits(n),
            Needs::NameChars => Gate::NameChars,
            Needs::Suffix(words) => {
                let (ends, keys) = suffix_words(words);
                Gate::Suffix(ends, keys)
            }
            Needs::AgencyEnd => {
                let (ends, keys) = suffix_words(AGENCY_ENDS);
                Gate::AgencyEnd(ends, keys)
            }
            Needs::MaxLetters(n) => Gate::MaxLetters(n),
            Needs::Counted => Gate::Counted,
            Needs::CountedWord => Gate::CountedWord,
            Needs::CountedThen(set) => {
                Gate::CountedThen(ByteSet::of(|b| set.contains(&b.to_ascii_lowercase())))
            }
        };
        out.push(gate);
    }

    /// Does the (trimmed, non-empty) line pass?
    #[inline(always)]
    fn pass(&self, line: &[u8], probe: &Probe<'_>) -> bool {
        match self {
            Gate::Digit => probe.digits > 0,
            Gate::Colon => probe.colon,
            Gate::At => probe.at,
            Gate::Byte(b) => memchr::memchr(*b, line).is_some(),
            Gate::Copyright => has_copyright_at(line, probe.y_at),
            Gate::First(set) => line.first().is_some_and(|&b| set.has(b)),
            Gate::Last(set) => line.last().is_some_and(|&b| set.has(b)),
            Gate::MaxLen(n) => line.len() <= *n,
            Gate::Prefix(first, words) => probe
                .lead_key
                .is_some_and(|k| first.has(k) && words.starts(&line[probe.lead..], k)),
            Gate::Pairs(set) => probe.lead_key.is_some_and(|k| set.has(k)),
            Gate::Agency => has_agency(line, probe.agency_pairs, probe.breaks),
            Gate::Digits(n) => probe.digits >= *n,
            Gate::NameChars => !probe.not_name,
            // The last two bytes tested here: most lines end with none of
            // the words' (the words are compared in the call).
            Gate::Suffix(ends, keys) => match *suffix_tail(line) {
                [.., a, b] => ends[pair_key(a, b)] != 0 && ends_with_word(line, ends, keys),
                _ => false,
            },
            Gate::AgencyEnd(ends, keys) => {
                probe.separators > 0
                    || match *agency_tail(line) {
                        [.., a, b] => ends[pair_key(a, b)] != 0 && agency_end(line, ends, keys),
                        _ => false,
                    }
            }
            Gate::MaxLetters(n) => probe.letters <= *n,
            Gate::Counted => counts_comments(line, false),
            Gate::CountedWord => counts_comments(line, true),
            Gate::CountedThen(set) => counted_then(line, *set),
        }
    }
}

/// The words of a [`Needs::Prefix`], by the [`pair_key`] of their first
/// two bytes (one bit a word): a line's first two bytes point at the few
/// words it can start with (the gate walked all of them, some twenty a
/// line for the bylines' list).
#[derive(Clone, Debug)]
struct PrefixWords {
    by_key: Box<[u32; 1024]>,
    words: Box<[&'static str]>,
}

impl PrefixWords {
    fn of(words: &[&'static str]) -> Box<PrefixWords> {
        assert!(words.len() <= 32, "one bit a word");
        let mut by_key = Box::new([0u32; 1024]);
        for (i, w) in words.iter().enumerate() {
            let b = w.as_bytes();
            by_key[pair_key(b[0], b[1])] |= 1 << i;
        }
        Box::new(PrefixWords {
            by_key,
            words: words.into(),
        })
    }

    /// Does `rest` (the line from its first word, see [`Probe::lead`])
    /// start with one of the words (ASCII case-insensitive)? `key` is the
    /// [`pair_key`] of its first two bytes: only the words with that key
    /// can.
    #[inline(never)]
    fn starts(&self, rest: &[u8], key: usize) -> bool {
        let mut m = self.by_key[key];
        while m != 0 {
            let w = self.words[m.trailing_zeros() as usize].as_bytes();
            if rest
                .get(..w.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(w))
            {
                return true;
            }
            m &= m - 1;
        }
        false
    }
}

/// A [`Needs::Suffix`] word of at most 16 bytes as a little-endian key:
/// its bytes ASCII-lowercased, and the 0x20 bit of each of its ASCII
/// letters. A line's last `len` bytes, read the same way, with `fold` ORed
/// in, equal `value` exactly when they are the word in any ASCII case (the
/// 0x20 bit is all that tells a letter's cases apart; the word's other
/// bytes are compared as they are).
#[derive(Clone, Copy, Debug)]
struct SuffixKey {
    value: u128,
    fold: u128,
    len: usize,
}

impl SuffixKey {
    fn of(word: &str) -> SuffixKey {
        let b = word.as_bytes();
        assert!(
            !b.is_empty() && b.len() <= 16,
            "a Suffix word has 1 to 16 bytes: {word:?}"
        );
        let (mut value, mut fold) = (0u128, 0u128);
        for (i, &c) in b.iter().enumerate() {
            value |= u128::from(c.to_ascii_lowercase()) << (8 * i);
            if c.is_ascii_alphabetic() {
                fold |= 0x20 << (8 * i);
            }
        }
        SuffixKey {
            value,
            fold,
            len: b.len(),
        }
    }
}

/// See [`Needs::Suffix`]: [`ends_with_word_plain`], each word compared
/// with the line's last 16 bytes, read once as a `u128` (a shift, an OR
/// and a comparison a word, not a byte loop).
#[inline(never)]
fn ends_with_word(line: &[u8], ends: &[u32; 1024], keys: &[SuffixKey]) -> bool {
    ends_with_in(suffix_tail(line), ends, keys)
}

/// See [`Needs::AgencyEnd`] (but for its separators).
#[inline(never)]
fn agency_end(line: &[u8], ends: &[u32; 1024], keys: &[SuffixKey]) -> bool {
    ends_with_in(agency_tail(line), ends, keys)
}

/// Does `t` end with one of the words (see [`ends_with_word`])?
#[inline(always)]
fn ends_with_in(t: &[u8], ends: &[u32; 1024], keys: &[SuffixKey]) -> bool {
    // The last two bytes first: most lines end with none of the words'
    // (every word has two bytes at least), and only the words that can
    // end with them (`ends`) are read.
    let [.., a, b] = *t else {
        return false;
    };
    let mut left = ends[pair_key(a, b)];
    if left == 0 {
        return false;
    }
    // The last 16 bytes, zeros before a shorter tail (a word longer than
    // the tail is ruled out by its length).
    let tail = match t.len().checked_sub(16) {
        Some(from) => u128::from_le_bytes(t[from..].try_into().expect("sixteen bytes")),
        None => {
            let mut b = [0u8; 16];
            b[16 - t.len()..].copy_from_slice(t);
            u128::from_le_bytes(b)
        }
    };
    while left != 0 {
        let k = &keys[left.trailing_zeros() as usize];
        if t.len() >= k.len && (tail >> (8 * (16 - k.len)) | k.fold) == k.value {
            return true;
        }
        left &= left - 1;
    }
    false
}

/// The line without one `-`, `–` or `—` at its end, then without its
/// trailing ASCII whitespace and then one `)` (what [`Needs::AgencyEnd`]
/// reads).
#[inline(always)]
fn agency_tail(line: &[u8]) -> &[u8] {
    let mut t = line;
    if let [rest @ .., b'-'] = t {
        t = rest;
    } else if let [rest @ .., 0xe2, 0x80, 0x93 | 0x94] = t {
        t = rest;
    }
    while let [rest @ .., b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '] = t {
        t = rest;
    }
    if let [rest @ .., b')'] = t {
        t = rest;
    }
    t
}

/// A [`Gate::Suffix`]'s tables of `words`: by the [`pair_key`] of their
/// last two bytes, the words (one bit each) that end so, and the words as
/// [`SuffixKey`]s.
fn suffix_words(words: &[&str]) -> (Box<[u32; 1024]>, Box<[SuffixKey]>) {
    assert!(words.len() <= 32, "a Suffix gate takes at most 32 words");
    let mut ends = Box::new([0u32; 1024]);
    for (k, w) in words.iter().enumerate() {
        let [.., a, b] = *w.as_bytes() else {
            panic!("a Suffix word has two bytes at least: {w:?}");
        };
        // The key folds ASCII case (and more: a superset).
        ends[pair_key(a, b)] |= 1 << k;
    }
    (ends, words.iter().map(|w| SuffixKey::of(w)).collect())
}

/// The line without one `:`, `,` or `.` at its end, and then without its
/// trailing ASCII whitespace (what [`Needs::Suffix`] reads).
#[inline(always)]
fn suffix_tail(line: &[u8]) -> &[u8] {
    let mut t = line;
    if let [rest @ .., b':' | b',' | b'.'] = t {
        t = rest;
    }
    while let [rest @ .., b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' '] = t {
        t = rest;
    }
    t
}

/// [`Needs::Suffix`] word by word, byte by byte (the reference for
/// [`ends_with_word`]).
#[cfg(test)]
fn ends_with_word_plain(line: &[u8], words: &[&str]) -> bool {
    let t = suffix_tail(line);
    words.iter().any(|w| {
        let w = w.as_bytes();
        t.len() >= w.len() && t[t.len() - w.len()..].eq_ignore_ascii_case(w)
    })
}

/// A news agency's name (ASCII case-insensitive) within the first
/// [`AGENCY_WITHIN`] bytes, where the `photo-credit` shape can have it: at
/// the start of the line or after `(`, `/` or whitespace (`pairs`: the
/// agencies with each [`pair_key`] of first two bytes, one bit each;
/// `breaks`: [`breaks_before`] of the window, found by [`probe_bytes`]).
#[inline(never)]
fn has_agency(line: &[u8], pairs: &[u32; 1024], breaks: u64) -> bool {
    let window = &line[..line.len().min(AGENCY_WITHIN)];
    if window.len() < 2 {
        return false;
    }
    debug_assert_eq!(breaks, breaks_before(window));
    // The places a name can start (the first byte, and each byte after a
    // separator) that have a byte after them.
    let mut starts = (breaks << 1 | 1) & ((1 << (window.len() - 1)) - 1);
    while starts != 0 {
        let p = starts.trailing_zeros() as usize;
        let mut agencies = pairs[pair_key(window[p], window[p + 1])];
        while agencies != 0 {
            let a = AGENCIES[agencies.trailing_zeros() as usize].as_bytes();
            if window
                .get(p..p + a.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(a))
            {
                return true;
            }
            agencies &= agencies - 1;
        }
        starts &= starts - 1;
    }
    false
}

/// Is `b` a byte an agency's name can follow ( `(`, `/`, ASCII whitespace)?
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline]
fn agency_break(b: u8) -> bool {
    matches!(b, b'(' | b'/' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// Bit p: byte p of `window` (at most 48 bytes) is an [`agency_break`].
#[cfg(target_arch = "x86_64")]
fn breaks_before(window: &[u8]) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };
    debug_assert!(window.len() <= 48);
    let mut pad = [0u8; 48];
    pad[..window.len()].copy_from_slice(window);
    let mut m = 0u64;
    for k in 0..window.len().div_ceil(16) {
        // SAFETY: SSE2 is part of x86_64; 16 bytes of the 48-byte array are
        // loaded, unaligned.
        let bits = unsafe {
            let x = _mm_loadu_si128(pad[16 * k..].as_ptr().cast::<__m128i>());
            let eq = |b: u8| _mm_cmpeq_epi8(x, _mm_set1_epi8(b as i8));
            // \t \n \x0b \x0c \r: 9..=13 moved to -128..=-124.
            let space = _mm_cmplt_epi8(
                _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(b'\t') as i8)),
                _mm_set1_epi8((0x80u8 + 5) as i8),
            );
            let hit = _mm_or_si128(
                _mm_or_si128(eq(b'('), eq(b'/')),
                _mm_or_si128(eq(b' '), space),
            );
            _mm_movemask_epi8(hit) as u16
        };
        m |= u64::from(bits) << (16 * k);
    }
    m
}

/// [`breaks_before`] where SSE2 is not.
#[cfg(not(target_arch = "x86_64"))]
fn breaks_before(window: &[u8]) -> u64 {
    breaks_before_scalar(window)
}

/// [`breaks_before`] a byte at a time.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn breaks_before_scalar(window: &[u8]) -> u64 {
    window
        .iter()
        .enumerate()
        .fold(0, |m, (p, &b)| m | u64::from(agency_break(b)) << p)
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
/// Month names in German, French, Spanish, Italian, Portuguese and Dutch
/// (those English spells alike are in [`MONTH`]), for dates written day
/// first: "28. Dezember 2022", "1er janvier 2020", "5 de mayo de 2021".
const MONTH_I18N: &str = r"(?:januar|januari|janvier|janeiro|enero|gennaio|februar|februari|février|fevereiro|febrero|febbraio|märz|maerz|maart|mars|marzo|março|avril|abril|aprile|mai|mei|maio|mayo|maggio|juni|juin|junio|junho|giugno|juli|juillet|julio|julho|luglio|août|agosto|augustus|septembre|septiembre|setiembre|settembre|setembro|oktober|octobre|octubre|ottobre|outubro|novembre|noviembre|novembro|dezember|décembre|diciembre|dicembre|dezembro)\.?";
const WEEKDAY: &str =
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?";
/// An upper-case letter: ASCII, Latin-1 (U+00C0..U+00DE) or Cyrillic (U+0410..U+042F).
const UPPER: &str = r"(?:[A-Z]|\xc3[\x80-\x9e]|\xd0[\x90-\xaf])";
/// "Автор", "автор", "Текст", "текст" (bylines in Russian), as bytes.
const CYR_BY: &str = r"\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80|\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80|\xd0\xa2\xd0\xb5\xd0\xba\xd1\x81\xd1\x82|\xd1\x82\xd0\xb5\xd0\xba\xd1\x81\xd1\x82";
/// A letter, approximately: ASCII letters, any non-ASCII byte, and the
/// joiners of names (apostrophes, hyphens, dots).
const LETTER: &str = r"[A-Za-z\x80-\xff'.-]";

/// A time of day (the space before am/pm may be a no-break space).
const TIME: &str = r"(?:\d{1,2}[:.]\d\d(?::\d\d)?(?:\s|\xc2\xa0)*(?:[ap]\.?m\.?)?|\d{1,2}(?:\s|\xc2\xa0)*[ap]\.?m\.?)(?:\s*\(?(?:[a-z]{2,5}|utc[+-]?\d*|gmt[+-]?\d*)\)?)?";

/// The first two bytes a `date` line can start with (see [`Needs::Pairs`]).
const DATE_STARTS: &[(&[u8], &[u8])] = &[
    (b"0123456789", b"0123456789./-:snrtape \t\n\x0b\x0c\r\xc2"),
    (b"l", b"a"),
    (b"u", b"p"),
    (b"p", b"uo"),
    (b"m", b"oa"),
    (b"c", b"r"),
    (b"f", b"ire"),
    (b"d", b"ae"),
    (b"t", b"uh"),
    (b"w", b"e"),
    (b"s", b"aue"),
    (b"j", b"au"),
    (b"a", b"pu"),
    (b"o", b"c"),
    (b"n", b"o"),
];

/// A commenter's name in [`table`]'s comment-meta shapes: one to four
/// words of name characters, one whitespace byte between two, one more
/// allowed after the last. The language of `(?:[...]+\s?){1,4}` written
/// without its ambiguity (where a word could be split into several
/// repetitions): the same lines match, and the lazy DFA has far fewer
/// states to build (that form took some 30 ms of a first pass over the
/// dev corpus building them; see the test `commenter_is_the_old_pattern`).
const COMMENTER: &str = r"[A-Za-z\x80-\xff0-9_@.'-]+(?:\s[A-Za-z\x80-\xff0-9_@.'-]+){0,3}\s?";

/// The shape table. Order matters only for which name `--explain` shows
/// when several match (the first wins).
pub fn table() -> Vec<Shape> {
    let date = format!(
        r"(?:{WEEKDAY}\s*)?(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}|{MONTH}\s+\d{{4}}|\d{{4}}-\d\d-\d\d|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{1,2}}(?:\.|er|º)?\s+(?:de\s+)?(?:{MONTH}|{MONTH_I18N}),?\s+(?:de\s+)?\d{{4}})"
    );
    // A date with a time of day, either order: what comment systems print.
    // Separators between a date and a time: "at", punctuation, and the
    // middle dot or bullet ("November 5, 2012 · 8:23 PM").
    let sep = r"(?:,|at|@|-|\||/|\xc2\xb7|\xe2\x80\xa2)";
    let timestamp = format!(r"(?:{date}\s*{sep}?\s*{TIME}|{TIME}\s*(?:on|{sep})?\s*{date})");
    let dated = format!(r"(?:{date}(?:\s*{sep}?\s*{TIME})?|{TIME}(?:\s*(?:on|{sep})?\s*{date})?)");
    let s = |name, category, needs, pattern: String| Shape {
        name,
        category,
        ends_article: false,
        pattern: Box::leak(pattern.into_boxed_str()),
        needs,
        backward: false,
    };
    let end = |name, category, needs, pattern: &'static str| Shape {
        name,
        category,
        ends_article: true,
        pattern,
        needs,
        backward: false,
    };
    vec![
        // "57 Comments", "Reader Comments (3)": a count of the comments
        // right after the article heads the comment section. (Near the top
        // of the page it ends nothing: no article text is kept before it.
        // "Comments (0)" heads nothing: a blog page prints it under each post.)
        end(
            "comment-total",
            Category::Social, Needs::All(&[Needs::First(b"123456789ruc"), Needs::Digit, Needs::MaxLetters(16)]),
            r"(?i-u)^(?:[1-9][\d.,]*\s*(?:reader\s+)?(?:comments?|responses?|replies)|(?:(?:readers?'?|user)\s+)?(?:comments?|responses?)\s*[(\[:]?\s*[1-9][\d.,]*\s*[)\]]?)(?:\s*:)?$",
        ),
        // The same count in a sentence, maybe after the post's own line
        // ("There are 12 comments.", "There are 3 comments about:",
        // "Seen by Ann on May 2 2012. There is one comment.", "There are
        // no comments yet"). Read backward (see `Shape::backward`): where
        // the sentence before "there" ends is known from the end.
        Shape {
            backward: true,
            ..end(
                "comment-total",
                Category::Social, Needs::All(&[Needs::MaxLetters(98), Needs::Last(b"stery.:"), Needs::Suffix(&["comment", "comments", "response", "responses", "replies", "yet", "far", "about", "post", "article", "story", "entry"])]),
                r"(?i-u)^(?:[^.!?]{1,60}[.!?]\s+)?there\s+(?:are|is)\s+(?:\d[\d.,]*|no|one)\s+(?:comments?|responses?|replies|reader\s+comments)(?:\s+(?:yet|so\s+far|about|on\s+this\s+(?:post|article|story|entry)))?\s*[.:]?$",
            )
        },
        // "12 comments", "1.2K shares", "Comments (3)"
        s(
            "counter",
            Category::Social, Needs::All(&[Needs::First(b"0123456789"), Needs::MaxLetters(10)]),
            r"(?i-u)^\d[\d.,]*\s*[km]?\s*(?:comments?|shares?|likes?|views?|repl(?:y|ies)|reactions?|retweets?|tweets?|followers?|votes?|points?|responses?|pins?)$".into(),
        ),
        s(
            "counter",
            Category::Social,
            Needs::All(&[Needs::Digit, Needs::Prefix(&["comment", "share", "like", "repl", "response", "view", "reader", "user"]), Needs::MaxLetters(17)]),
            r"(?i-u)^(?:(?:readers?'?|user)\s+)?(?:comments?|shares?|likes?|repl(?:y|ies)|responses?|views?)\s*[(\[:]?\s*\d[\d.,]*\s*[km]?\s*[)\]]?$".into(),
        ),
        // Comment-section headers: "35 Responses to “Title”", "{ 12 comments }",
        // "3 comments so far", "20 Comments Post a comment", "14 comments to
        // Title of the post" (no quotes, no full stop). A plain "12 comments"
        // is only a counter (above).
        end(
            "comment-count",
            Category::Social, Needs::All(&[Needs::First(b"[({0123456789no"), Needs::MaxLetters(220), Needs::Counted]),
            r"(?i-u)^(?:[\[({]\s*(?:\d[\d.,]*|no|one)\s+(?:comments?|responses?|trackbacks?|pingbacks?|replies)\b[^\])}]{0,60}[\])}]|(?:\d[\d.,]*|no|one)\s+(?:comments?|responses?|thoughts?|replies|trackbacks?)\s+(?:to|on|for)\s+(?:[\x22'\xe2\xc2]|&quot;).{1,200}|(?:\d+(?:[.,]\d+)*|one)\s+(?:comments?|responses?)\s+to\s+[^.!?\s][^.]{0,200}[^.]|(?:\d[\d.,]*|no|one)\s+(?:comments?|responses?)\s*(?:so\s+far|(?:-|:|,|\||\.\.\.|\xe2\x80\xa6)?\s*(?:add|leave|post|join|read)\b[^.!?]{0,40}))$",
        ),
        // ... with a word before the comments: "8 appreciated comments on
        // “Title”", "12 great responses to “Title”" (the title's quotes
        // needed).
        end(
            "comment-count",
            Category::Social, Needs::All(&[Needs::First(b"0123456789no"), Needs::CountedWord]),
            r"(?i-u)^(?:\d[\d.,]*|no|one)\s+[a-z]+\s+(?:comments?|responses?|thoughts?|replies)\s+(?:to|on|for)\s+(?:[\x22'\xe2\xc2]|&quot;).{1,200}$",
        ),
        // The same in German, French, Spanish and Portuguese: "2 Kommentare
        // zu „Title“", "142 Kommentare zu Title" (no full stop), "11
        // Antworten zu “Title”" (answers need the quotes: "7 Antworten auf
        // die Fragen der Leser" may head a section), "3 réponses à « Title »".
        end(
            "comment-count",
            Category::Social, Needs::All(&[Needs::First(b"0123456789"), Needs::MaxLetters(221), Needs::CountedThen(b"kcar")]),
            r"(?i-u)^\d[\d.,]*\s+(?:kommentare?\s+(?:zu|f(?:\xc3\xbc|\xc3\x9c)r)\s+[^.!?\s](?:[^.]{0,199}[^.!?])?|(?:kommentare?|commentaires?|comentarios?|coment(?:\xc3\xa1|\xc3\x81)rios?)\s+(?:zu|f(?:\xc3\xbc|\xc3\x9c)r|sur|pour|\xc3\xa0|\xc3\x80|en|a|para|sobre|em)\s+(?:[\x22'\xe2\xc2]|&quot;).{1,200}|(?:antworten|r(?:\xc3\xa9|\xc3\x89)ponses?|respuestas?|respostas?)\s+(?:zu|auf|sur|\xc3\xa0|\xc3\x80|a|en|para|em)\s+(?:[\x22'\xe2\xc2]|&quot;).{1,200})$",
        ),
        // "120 Kommentare", "12 commentaires", "5 comentarios"
        s(
            "counter",
            Category::Social, Needs::All(&[Needs::First(b"0123456789"), Needs::MaxLetters(12)]),
            r"(?i-u)^\d[\d.,]*\s*(?:kommentare?|commentaires?|comentarios?|coment(?:\xc3\xa1|\xc3\x81)rios?|r(?:\xc3\xa9|\xc3\x89)actions?)$".into(),
        ),
        // A link to another story on one line: a read-more label, a colon
        // and the story's headline, however long ("Lea más: Juan Carlos
        // Ortega Murillo propone legalizar ...", "LE PUEDE INTERESAR: ...",
        // "Lesen Sie auch: ...", "À lire aussi : ...", "MORE: ..." in capitals
        // only). The colon makes it a
        // label: "Lea más sobre ..." or "See also the notes" go on as
        // sentences and are left to the lexicon's short-line phrases.
        s(
            "read-more-link",
            Category::Banner,
            // The labels' first words ("le" for lea, lee, lesen, le puede;
            // "a" before whitespace for "a lire").
            Needs::All(&[
                Needs::Byte(b':'),
                Needs::First(b"lvtarsmw\xc3"),
                Needs::Prefix(&[
                    "le", "te", "tambi", "vea", "veja", "voir", "video", "lies", "lire", "mehr",
                    "more", "wir", "read", "also", "see", "\u{e0}", "\u{c0}", "a ", "a\t", "a\n",
                    "a\u{b}", "a\u{c}", "a\r",
                ]),
            ]),
            r"(?i-u)^(?:lea\s+(?:m(?:\xc3\xa1|\xc3\x81)s|tambi(?:\xc3\xa9|\xc3\x89)n)|lee\s+tambi(?:\xc3\xa9|\xc3\x89)n|vea\s+tambi(?:\xc3\xa9|\xc3\x89)n|(?:tambi(?:\xc3\xa9|\xc3\x89)n\s+)?(?:le|te)\s+puede\s+interesar|lesen\s+sie\s+(?:auch|mehr)|lies\s+auch|mehr\s+zum\s+thema|(?:(?:\xc3\xa0|\xc3\x80|a)\s+)?lire\s+(?:aussi|(?:\xc3\xa9|\xc3\x89)galement)|voir\s+aussi|leia\s+(?:tamb(?:\xc3\xa9|\xc3\x89)m|mais)|veja\s+tamb(?:\xc3\xa9|\xc3\x89)m|read\s+(?:more|also|next)|also\s+read|see\s+also|video\s+recomendado|te\s+recomendamos|(?-i:MORE|WIR\s+EMPFEHLEN))(?:\s|\xc2\xa0)*:(?:\s|\xc2\xa0)*\S.*$".into(),
        ),
        // A link to the previous or next post, its label and maybe the
        // post's title on one line, glued or not ("Vorheriger Artikel++
        // Wetter ...", "Next articleButterfield increases ...", "Article
        // suivant Après ...", "Vorheriger Beitrag Nächster Beitrag"). After
        // the label comes the end, a space, punctuation or a capital glued
        // to it: "Previous articles have shown" goes on as a sentence.
        s(
            "prev-next-link",
            Category::Navigation,
            // Its first word: one of the labels, whole or begun (the
            // first two bytes of a prefix are its key, so "<" goes with
            // what can follow it: a label's first letter or a space).
            Needs::All(&[
                Needs::First(b"vnpa<\xc2\xe2"),
                Needs::Prefix(&[
                    "prev", "next", "vor", "n\u{e4}", "n\u{c4}", "art", "\u{ab}", "\u{2039}",
                    "\u{2190}", "<v", "<n", "<p", "<a", "< ", "<\t", "<\n", "<\u{b}", "<\u{c}",
                    "<\r",
                ]),
            ]),
            r"(?i-u)^(?:(?:prev|<|\xc2\xab|\xe2\x80\xb9|\xe2\x86\x90)\s*)?(?:(?:vorheriger|voriger|n(?:\xc3\xa4|\xc3\x84)chster)(?:\s*/\s*n(?:\xc3\xa4|\xc3\x84)chster)?\s*(?:artikel|beitrag)|(?:previous|next)\s*(?:article|post|story)|article\s+(?:suivant|pr(?:\xc3\xa9|\xc3\x89)c(?:\xc3\xa9|\xc3\x89)dent)|art(?:\xc3\xad|\xc3\x8d)culo\s+(?:anterior|siguiente))(?:$|(?:\s|\xc2\xa0)*(?:[:|>/]|\xc2\xbb|\xe2\x80\xba|\xe2\x86\x92|\xe2\x80\x9c|\xe2\x80\x9e|\xc2\xab)|(?:\s|\xc2\xa0)*(?-i:[A-Z0-9\x22'+]|\xc3[\x80-\x9e])).*$".into(),
        ),
        // A date or time alone on a line, with an optional "Updated"/"Posted" label.
        // Its first byte: a label's ("last", "updated", ...), a weekday's, a
        // month's or a digit; its last: a date's or a time's digit, "am",
        // "p.m.", a zone ("EDT", "(GMT)", "UTC+"), a label ("updated").
        // Its first two bytes: a label's (la, up, pu, po, mo, cr, fi, da), a
        // weekday's, a month's, or a digit and what can follow it in a date
        // or a time (a digit, . / - :, st nd rd th, whitespace or a
        // no-break space, am/pm).
        s("date", Category::Banner, Needs::All(&[Needs::Digit, Needs::First(b"0123456789lupmcfdtwsjaon"), Needs::Last(b"0123456789abcdefghijklmnopqrstuvwxyz.)+-"), Needs::MaxLetters(65), Needs::Pairs(DATE_STARTS)]), format!(r"(?i-u)^(?:(?:last\s+)?(?:updated|published|posted|modified|created|first\s+published|date)(?:\s+on)?\s*:?\s*)?{dated}(?:\s*(?:\||-|,)?\s*(?:updated|edt|est|bst|gmt|utc|permalink))?$")),
        s("updated", Category::Banner, Needs::All(&[Needs::Digit, Needs::Prefix(&["last", "updated", "published", "posted", "modified"]), Needs::MaxLetters(113)]), format!(r"(?i-u)^(?:last\s+)?(?:updated|published|posted|modified)(?:\s+on)?\s*:?\s*(?:{dated}|{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s*(?:at\s+)?{TIME}|\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago)(?:\s*(?:[|/,;]|-|by|in)\s*[^.!?]{{0,60}})?$")),
        // ... also with the time of day a comment system adds ("2 days ago at 07:54 am").
        s("ago", Category::Banner, Needs::All(&[Needs::Last(b"o0123456789m."), Needs::MaxLetters(23)]), r"(?i-u)^(?:about\s+|updated\s+)?(?:\d+\s*(?:seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)|(?:a|an|one)\s+(?:minute|hour|day|week|month|year))\s+ago(?:\s+at\s+\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?)?$".into()),
        // "(c) 2019 ACME", "© ACME Ltd", "Copyright 2012 ..."
        s("copyright", Category::Legal, Needs::Prefix(&["copyright", "\u{a9}", "(c)", "c)"]), r"(?i-u)^(?:copyright\s*)?(?:\xc2\xa9|\(c\))\s*(?:\d{4}|[A-Za-z\x80-\xff\d])".into()),
        s("copyright", Category::Legal, Needs::Copyright, r"(?i-u)^.{0,80}\bcopyright\s*(?:\xc2\xa9\s*)?(?:\d{4}|\(c\))".into()),
        // Bylines: "By Vladimir Soldatkin and Maria Vasilyeva", "BY MICHAEL LEE [mail]",
        // "By Troy Smith, Cleveland.com" (a dot in what follows the name only
        // before two letters, as in a domain: not a sentence end, nor "Oh., USA")
        s(
            "byline",
            Category::Credit,
            Needs::Prefix(&["by", "from", "words", "text", "posted", "written", "story", "von", "par", "por", "di", "door", "av", "af", "przez", "\u{410}\u{432}\u{442}\u{43e}\u{440}", "\u{430}\u{432}\u{442}\u{43e}\u{440}", "\u{422}\u{435}\u{43a}\u{441}\u{442}", "\u{442}\u{435}\u{43a}\u{441}\u{442}"]),
            // "by" in English and the other large web languages (von, par,
            // por, di, door, av, przez, автор, текст), and their "and".
            format!(r"(?-u)^(?i:by|from|words\s+by|text\s+by|posted\s+by|written\s+by|story\s+by|von|par|por|di|door|av|af|przez|{CYR_BY})\s*:?\s+{UPPER}{LETTER}*\.?(?:\s+(?:{UPPER}{LETTER}*\.?|and|AND|und|et|y|e|i|en|och|\xd0\xb8|&|,|[Dd][aei]|[Vv][ao]n|[Dd]e[rln]?|[Ll]a|[Ee]l|bin|ibn))*,?(?:\s*[\[(][^\])]{{0,80}}[\])])?(?:\s*[,|/-]\s*(?:[^.!?]|\.[A-Za-z]{{2}}){{0,60}}|\s+(?:on|at)\s+[^.!?]{{0,60}}|\s+(?i:{MONTH})\s*\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)?$"),
        ),
        // A blog's byline with a user name and a date: "By admin -
        // 2018-09-16", "by jdoe | March 3, 2019".
        s(
            "byline",
            Category::Credit,
            Needs::All(&[Needs::Prefix(&["by"]), Needs::MaxLetters(68), Needs::Digit]),
            format!(r"(?i-u)^by\s+[a-z0-9_.-]{{2,30}}\s*(?:[,|/-]|\xe2\x80[\x93\x94])\s*{dated}$"),
        ),
        // A byline without "By": a name and the writer's desk, "Tom
        // Krisher, AP Auto Writer", "Jane Doe, BBC diplomatic
        // correspondent", "John Roe, Chronicle Staff Writer". The desk has
        // at least one word before the role and no "and": "Jane Doe,
        // writer" and "Jane Doe, teacher and writer" are how an open
        // letter lists its signatories, which are the letter's text.
        s(
            "byline",
            Category::Credit,
            Needs::All(&[Needs::Last(b"rt"), Needs::Suffix(&["writer", "correspondent", "reporter", "editor", "columnist"]), Needs::Byte(b',')]),
            // A desk word is any word but "and" (spelt out: the regex
            // crate has no look-ahead).
            format!(r"(?-u)^{UPPER}{LETTER}*(?:\s+{UPPER}{LETTER}*){{1,3}},\s+(?:(?i:[a-z.&'-]{{1,2}}|[a-z.&'-]{{4,}}|[b-z.&'-][a-z.&'-]{{2}}|a[a-mo-z.&'-][a-z.&'-]|an[a-ce-z.&'-])\s+){{1,4}}(?i:writer|correspondent|reporter|editor|columnist)$"),
        ),
        // Photo credits alone: "KCNA(Reuters)", "AFP/Getty Images", "(AP Photo/Jane Doe)", "Photo: Jane Doe",
        // "Jane Doe / AP", "Jane Doe/The Daily Times/Getty Images"
        s(
            "photo-credit",
            Category::Credit,
            // Whether the line's end can close a credit is cheaper to
            // find out than whether an agency's name is near its start.
            Needs::All(&[Needs::NameChars, Needs::MaxLetters(89), Needs::AgencyEnd, Needs::Agency]),
            r"(?i-u)^\(?(?:[A-Za-z\x80-\xff\d .&/-]{0,30}[\s/(]\s{0,8})?\(?(?:reuters|ap|afp|getty\s{0,8}images|getty|epa|dpa|xinhua|ansa|efe|anadolu|yonhap|kcna|ap\s+photo|afp\s+photo|reuters\s+photo|bloomberg|shutterstock|istock|corbis|alamy|wireimage|afp\s{0,8}/\s{0,8}getty\s{0,8}images)(?:\s{0,8}photo)?(?:\s{0,8}/\s{0,8}[A-Za-z\x80-\xff .'-]{1,40})?\)?\s{0,8}(?:-|\xe2\x80\x93|\xe2\x80\x94)?$".into(),
        ),
        s(
            "photo-credit",
            Category::Credit,
            Needs::All(&[Needs::Prefix(&["photo", "image", "picture", "foto", "credit", "illustration", "graphic", "video"]), Needs::MaxLetters(100)]),
            r"(?i-u)^\(?(?:photo|photos|image|images|picture|pictures|foto|fotos|photograph|photography|credit|credits|illustration|graphic|video)\s*(?:credit|credits|by|courtesy)?\s*(?::|\|/|\xc2\xa9)\s*[A-Za-z\x80-\xff\d .,&'/@()-]{1,80}\)?$".into(),
        ),
        // A blog post's footer that the byline shape above does not take
        // ("Posted by jdoe42 at 2:00 AM": Blogger prints it under the post,
        // above the comments). Capitalised names stay bylines: moving this
        // shape before them lost article text on the dev corpus.
        // Read backward: where the name ends is known from the time.
        Shape {
            ends_article: true,
            backward: true,
            ..s("post-footer", Category::Credit, Needs::All(&[Needs::Digit, Needs::Prefix(&["posted"]), Needs::MaxLetters(77)]), format!(r"(?i-u)^posted\s+by\s+[^.!?]{{1,60}}?\s+at\s+{TIME}$"))
        },
        // Sign-offs that close an article: "(Additional reporting by ...; editing by ...)"
        end(
            "sign-off",
            Category::Credit,
            Needs::Prefix(&["additional", "with", "contributed", "reporting", "writing", "editing", "edited", "compiled", "translated", "translation", "research"]),
            r"(?i-u)^[(\[]?\s*(?:additional\s+|with\s+|with\s+additional\s+|contributed\s+)?(?:reporting|writing|editing|edited|compiled|translated|translation|research)\s+by\b",
        ),
        end("sign-off", Category::Credit, Needs::All(&[Needs::Byte(b':'), Needs::Prefix(&["contributing"])]), r"(?i-u)^contributing(?:\s+writers?|\s+reporters?)?\s*:"),
        end("source", Category::Credit, Needs::All(&[Needs::Byte(b':'), Needs::Prefix(&["source", "quelle", "fuente", "fonte", "\u{438}\u{441}\u{442}\u{43e}\u{447}\u{43d}\u{438}\u{43a}", "\u{418}\u{441}\u{442}\u{43e}\u{447}\u{43d}\u{438}\u{43a}"]), Needs::MaxLetters(68)]), r"(?i-u)^(?:source|sources|quelle|fuente|fonte|source\s+de|\xd0\xb8\xd1\x81\xd1\x82\xd0\xbe\xd1\x87\xd0\xbd\xd0\xb8\xd0\xba|\xd0\x98\xd1\x81\xd1\x82\xd0\xbe\xd1\x87\xd0\xbd\xd0\xb8\xd0\xba)\s*:\s*[A-Za-z\x80-\xff\d .,&'/()-]{1,60}$"),
        // Comment metadata: "Maria July 7, 2012 at 2:31 pm", "jdoe says:",
        // "Anonymous on 12/03/2012 - 10:15". Not a byline ("By ..."). The
        // cleaner treats a run of these as the start of a comment section.
        // The three are read backward (see `Shape::backward`): where the
        // name ends is known from what follows it; forward, the third's
        // lazy DFA built some 15 ms of states over the dev corpus (a
        // name's digits may start the date), 5 ms backward.
        Shape {
            backward: true,
            ..s("comment-meta", Category::Social, Needs::All(&[Needs::Last(b"sde:,"), Needs::Suffix(&["says", "said", "wrote", "writes", "commented", "replied"])]), format!(r"(?i-u)^{COMMENTER}\s*(?:says|said|wrote|writes|commented|replied)\s*[:,]?$"))
        },
        // Blogger's "Ann said..." over each comment.
        Shape {
            backward: true,
            ..s("comment-meta", Category::Social, Needs::All(&[Needs::Last(b".\xa6"), Needs::Suffix(&["..", "\u{2026}"])]), format!(r"(?i-u)^{COMMENTER}\s*said\s*(?:\.\.\.|\xe2\x80\xa6)$"))
        },
        Shape {
            backward: true,
            ..s("comment-meta", Category::Social, Needs::Digits(5), format!(r"(?i-u)^{COMMENTER}\s*(?:(?:says|said|wrote)\s*:?\s*)?(?:on\s+|[|,-]\s*)?{timestamp}\s*(?:said|says|wrote)?\s*:?\s*(?:reply|permalink|#)?$"))
        },
        // A lone e-mail address or link.
        s("email", Category::Credit, Needs::Byte(b'@'), r"(?i-u)^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$".into()),
        // "« Previous post | Main | Next post »": a blog's links to the
        // posts on either side of this one and to its front page
        // (TypePad, Movable Type); on the first or last post, one side
        // only ("« Previous post | Main", "Main | Next post »").
        s("post-nav", Category::Navigation, Needs::All(&[Needs::First(b"\xc2m"), Needs::Last(b"\xbbn")]), r"(?i-u)^(?:\xc2\xab.*\|\s*main(?:\s*\|.*\xc2\xbb)?|main\s*\|.*\xc2\xbb)$".into()),
        // ... and a text browser's mark of an embedded frame ("IFRAME: https://...").
        s("url", Category::Navigation, Needs::Prefix(&["http", "www.", "iframe"]), r"(?i-u)^(?:iframe:\s*)?(?:https?://|www\.)\S+$".into()),
        // "Image 3 of 12", "1 / 12", "16x9 Image"
        s("counter-of", Category::Interface, Needs::All(&[Needs::Last(b"0123456789"), Needs::MaxLetters(10)]), r"(?i-u)^(?:(?:image|photo|picture|slide|page|item)s?\s*)?\d+\s*(?:of|/)\s*\d+$".into()),
        s("media-label", Category::Interface, Needs::All(&[Needs::First(b"0123456789"), Needs::MaxLetters(8)]), r"(?i-u)^\d+\s*[x:]\s*\d+\s+(?:image|photo|video|picture)$".into()),
    ]
}

/// The shapes a line can pass the gates of, from a few table lookups:
/// bit k of each mask is shape k of the table. A shape missing from
/// [`Candidates::of_line`] fails one of its gates; one present may still
/// fail the others.
#[derive(Clone, Debug)]
struct Candidates {
    /// By first byte: the shapes whose [`Gate::First`] takes it (and those
    /// without one).
    first: Box<[u64; 256]>,
    /// By last byte, for [`Gate::Last`].
    last: Box<[u64; 256]>,
    /// The shapes that need a digit ([`Gate::Digit`], [`Gate::Digits`]), a
    /// colon, an `@`, only name bytes ([`Gate::NameChars`]).
    digit: u64,
    colon: u64,
    at: u64,
    name: u64,
    /// The shapes with a [`Gate::Copyright`], which no line without a `y`
    /// where the word's can be passes (the gate itself is tried again).
    copyright: u64,
    /// By the [`pair_key`] of the line's first two bytes after its lead
    /// ([`Probe::lead_key`]): the shapes whose [`Gate::Prefix`]es all hold
    /// it (and those without one).
    prefix: Box<[u64; 1024]>,
    /// The shapes without a [`Gate::Prefix`], for a line with no such pair.
    unprefixed: u64,
    /// By the line's count of ASCII letters (the last entry for any count
    /// from its index on): the shapes whose [`Gate::MaxLetters`] all take
    /// it (and those without one).
    letters: Box<[u64; MAX_SHAPE_BYTES + 1]>,
}

impl Candidates {
    fn of(shapes: &[(MatchRegex, Box<[Gate]>, ShapeHit)]) -> Candidates {
        assert!(shapes.len() <= 64, "one bit a shape");
        let mut c = Candidates {
            first: Box::new([0; 256]),
            last: Box::new([0; 256]),
            digit: 0,
            colon: 0,
            at: 0,
            name: 0,
            copyright: 0,
            prefix: Box::new([0; 1024]),
            unprefixed: 0,
            letters: Box::new([0; MAX_SHAPE_BYTES + 1]),
        };
        for (k, (_, gates, _)) in shapes.iter().enumerate() {
            let bit = 1u64 << k;
            let first = gates.iter().find_map(|g| match g {
                Gate::First(set) => Some(*set),
                _ => None,
            });
            let last = gates.iter().find_map(|g| match g {
                Gate::Last(set) => Some(*set),
                _ => None,
            });
            for b in 0..=255u8 {
                if first.map_or(true, |set| set.has(b)) {
                    c.first[usize::from(b)] |= bit;
                }
                if last.map_or(true, |set| set.has(b)) {
                    c.last[usize::from(b)] |= bit;
                }
            }
            let prefixes: Vec<&PairSet> = gates
                .iter()
                .filter_map(|g| match g {
                    Gate::Prefix(set, _) | Gate::Pairs(set) => Some(set),
                    _ => None,
                })
                .collect();
            if prefixes.is_empty() {
                c.unprefixed |= bit;
            }
            for (k, m) in c.prefix.iter_mut().enumerate() {
                if prefixes.iter().all(|set| set.has(k)) {
                    *m |= bit;
                }
            }
            for (n, m) in c.letters.iter_mut().enumerate() {
                if gates.iter().all(|g| match g {
                    Gate::MaxLetters(max) => n <= *max as usize,
                    _ => true,
                }) {
                    *m |= bit;
                }
            }
            for g in gates.iter() {
                match g {
                    Gate::Digit => c.digit |= bit,
                    Gate::Digits(n) if *n > 0 => c.digit |= bit,
                    Gate::Colon => c.colon |= bit,
                    Gate::At => c.at |= bit,
                    Gate::NameChars => c.name |= bit,
                    Gate::Copyright => c.copyright |= bit,
                    _ => {}
                }
            }
        }
        c
    }

    /// `gates` without those [`Candidates::of`] folds into its masks whole
    /// (the digit, colon, `@` and name-byte tests, the letter counts, the
    /// first [`Gate::First`] and [`Gate::Last`]): a shape among a line's
    /// candidates passes them.
    fn unfolded(gates: &[Gate]) -> Box<[Gate]> {
        let (mut first, mut last) = (false, false);
        gates
            .iter()
            .filter(|g| match g {
                Gate::Digit
                | Gate::Colon
                | Gate::At
                | Gate::NameChars
                | Gate::MaxLetters(_)
                | Gate::Pairs(_) => false,
                Gate::First(_) if !first => {
                    first = true;
                    false
                }
                Gate::Last(_) if !last => {
                    last = true;
                    false
                }
                _ => true,
            })
            .cloned()
            .collect()
    }

    /// The shapes the (non-empty) line may match.
    #[inline]
    fn of_line(&self, line: &[u8], probe: &Probe<'_>) -> u64 {
        let (&first, &last) = (line.first().expect("a line"), line.last().expect("a line"));
        let mut m = self.first[usize::from(first)] & self.last[usize::from(last)];
        if probe.digits == 0 {
            m &= !self.digit;
        }
        if !probe.colon {
            m &= !self.colon;
        }
        if !probe.at {
            m &= !self.at;
        }
        if probe.not_name {
            m &= !self.name;
        }
        if probe.y_at & COPYRIGHT_YS == 0 {
            m &= !self.copyright;
        }
        m &= self.letters[(probe.letters as usize).min(MAX_SHAPE_BYTES)];
        m & match probe.lead_key {
            Some(k) => self.prefix[k],
            None => self.unprefixed,
        }
    }
}

/// The compiled shapes: one regex each, tried in table order behind its
/// cheap [`Needs`] gate.
#[derive(Clone, Debug)]
pub struct Shapes {
    shapes: Vec<(MatchRegex, Box<[Gate]>, ShapeHit)>,
    /// The cheapest gates of every shape at once: bit k of a mask is shape
    /// k (see [`Candidates`]).
    candidates: Candidates,
    /// The agencies' first two bytes.
    agency_pairs: Box<[u32; 1024]>,
    /// A date anywhere in the line (see [`Shapes::has_date`]).
    dateish: MatchRegex,
    /// A full calendar date anywhere in the line (see [`Shapes::has_day_date`]).
    day_date: MatchRegex,
    /// A post's tags line (see [`Shapes::is_tags_line`]).
    tags_line: MatchRegex,
    /// A calendar date, no time of day (see [`Shapes::has_calendar_date`]).
    calendar: MatchRegex,
    /// An author's name with initials (see [`Shapes::is_citation`]).
    cited_author: LazyRegex,
    /// A year (see [`Shapes::is_citation`]).
    year: LazyRegex,
    /// A numbered figure or table caption (see [`Shapes::is_caption`]).
    caption: MatchRegex,
    /// A post's count of comments (see [`Shapes::has_post_count`]).
    post_count: LazyRegex,
}

/// A post's count of comments or trackbacks inside a line: "Comments (3)",
/// "23 comments", "1 comment(s)", "[ 11 Comments ]", "[ Comment ]",
/// "TrackBack (0)", "2 trackbacks" (a bare "TrackBack" link heads the
/// trackbacks of a single post too).
const POST_COUNT: &str = r"(?i-u)\bcomments?\s*[(\[]\s*\d+\s*[)\]]|\b\d+\s+comments?\b|[\[(]\s*(?:\d+\s+)?comments?\s*[\])]|\btrackbacks?\s*[(\[]\s*\d+\s*[)\]]|\b\d+\s+trackbacks?\b";

/// Can the line hold a post's count ([`POST_COUNT`])? Each of its forms has
/// "comment" or "trackback" in any case, and a digit or an opening
/// bracket: most lines fail at the first, cheap, byte search.
fn may_count_posts(line: &[u8]) -> bool {
    (has_word_ci(line, b"comment", 2) || has_word_ci(line, b"trackback", 4))
        && line
            .iter()
            .any(|&b| b.is_ascii_digit() || b == b'(' || b == b'[')
}

/// Does `line` hold `word` (lower-case ASCII) in any case? Searched for
/// by its byte at `pivot` (upper or lower case), which `memchr` finds fast.
fn has_word_ci(line: &[u8], word: &[u8], pivot: usize) -> bool {
    let c = word[pivot];
    memchr::memchr2_iter(c, c.to_ascii_uppercase(), line).any(|i| {
        i >= pivot
            && line
                .get(i - pivot..i - pivot + word.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
    })
}

/// A numbered caption: "Figure 3. ...", "Fig. 2: ...", "Table 1 - ...",
/// "Abbildung 4: ...", "Tableau 2. ...".
const CAPTION: &str = r"(?i)^(?:figure|fig\.|table|chart|plate|abbildung|abb\.|tabelle|tableau|tabla|figura)\s*\d{1,3}[a-z]?\s*[.:)\-–]\s*\S";

/// An author's name with initials in a reference: "Renzi, C.," or
/// "Perucci, C. A. and", "M. Leszczynski," or "J.M. Baranowski,", or in
/// the Vancouver style, initials without stops after the surname:
/// "Brieger DB," "Buchanan A H," "Moss P J.,".
const CITED_AUTHOR: &str = r"\b\p{Lu}[\p{L}'\-]+,? (?:\p{Lu}\. ?){1,3}(?:,|and\b|&)|\b(?:\p{Lu}\. ?){1,3}\p{Lu}[\p{L}'\-]+,|\b\p{Lu}[\p{Ll}'\-]+ \p{Lu}(?: ?\p{Lu}){0,2}\.?(?:,| and | & )";

/// A reference is at most this long.
const CITATION_MAX_BYTES: usize = 1000;

/// A year of the last two centuries.
const YEAR: &str = r"(?-u)\b(?:19|20)\d\d\b";

/// A post's tags: "Tags: parenting, safety", "Filed under: Recipes",
/// "Tagged with BlackBerry, RIM" (no sentence end).
const TAGS_LINE: &str = r"(?i-u)^(?:tags\s*:|tagged(?:\s+(?:with|as|in|under))?\s*:?|filed\s+(?:under|in)\s*:?)\s*[^\s.!?:][^.!?]{0,200}$";

/// A full calendar date anywhere in a line: a month name with a day and a
/// year ("October 2, 2012", "2 Oct 2012", "07 Nov 12": a day before the
/// month takes a two-digit year), or a numeric date ("10/02/2012",
/// "2012-10-02"). A year or a time alone is not one.
fn day_date_pattern() -> String {
    format!(
        r"(?i-u)\b(?:{MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+(?:(?:19|20)\d\d|\d\d)\b|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|(?:19|20)\d\d-\d\d-\d\d\b)"
    )
}

/// A date anywhere in a line, loosely: a month name next to a day number,
/// a year, a numeric date, "today" or "yesterday"; or a time with am/pm,
/// or a time that opens a line of text (a news ticker: "14:44 Storm
/// closes the port").
fn dateish_pattern() -> String {
    format!(
        r"(?i-u)^\d\d?[:.]\d\d\s+[a-z\x80-\xff]|\d\s*[ap]\.?m\b|{}",
        calendar_body()
    )
}

/// A calendar date anywhere in a line: a month name next to a day number,
/// a year, a numeric date, "today" or "yesterday" (no time of day).
fn calendar_pattern() -> String {
    format!(r"(?i-u){}", calendar_body())
}

/// [`calendar_pattern`] without its flags.
fn calendar_body() -> String {
    format!(
        r"\b(?:{MONTH}\s*\d{{1,2}}\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?:[^a-z]|$)|(?:19|20)\d\d\b|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|today|yesterday)"
    )
}

/// A shape match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShapeHit {
    /// The shape's name.
    pub name: &'static str,
    /// Its category.
    pub category: Category,
    /// It closes the article.
    pub ends_article: bool,
}

/// A regex compiled the first time it is used, not with the shapes: most
/// lines never reach most regexes (their gates rule them out), and a
/// process that cleans one small page would spend most of its instructions
/// compiling regexes it never runs. It derefs to the compiled [`Regex`]:
/// for the helpers that need where a match is, or a Unicode word boundary,
/// or whose literals the regex crate searches for first (a year).
#[derive(Clone, Debug)]
struct LazyRegex {
    pattern: Box<str>,
    /// Named in the panic if a built-in pattern is ever broken.
    what: &'static str,
    re: OnceLock<Regex>,
}

impl LazyRegex {
    fn new(pattern: &str, what: &'static str) -> LazyRegex {
        LazyRegex {
            pattern: pattern.into(),
            what,
            re: OnceLock::new(),
        }
    }

    /// Compiles the regex now (a warm-up; tests, to find broken patterns
    /// early).
    fn force(&self) -> &Regex {
        self
    }

    #[cold]
    #[inline(never)]
    fn build(&self) -> Regex {
        RegexBuilder::new(&self.pattern)
            .build()
            .unwrap_or_else(|e| panic!("the {} regex compiles: {e}", self.what))
    }
}

impl std::ops::Deref for LazyRegex {
    type Target = Regex;

    #[inline]
    fn deref(&self) -> &Regex {
        self.re.get_or_init(|| self.build())
    }
}

/// A regex asked only whether a line matches (the table's shapes and most
/// helpers), compiled the first time a line needs it (as [`LazyRegex`]).
/// That question needs one lazy DFA reading the line one way, not what
/// the regex crate builds besides to find where a match starts and its
/// groups (a reverse automaton, prefilters, capture engines): some 40% of
/// its compile time. Each thread steps its own cache of DFA states (as
/// with the regex crate).
#[derive(Clone, Debug)]
struct MatchRegex {
    pattern: Box<str>,
    /// Read from the line's end (see [`Shape::backward`]).
    backward: bool,
    /// Named in the panic if a built-in pattern is ever broken.
    what: &'static str,
    engine: OnceLock<Arc<Engine>>,
}

/// What a [`MatchRegex`] compiles to (one for each regex, behind an
/// `Arc`: the size of the variants does not matter).
#[derive(Debug)]
#[allow(clippy::large_enum_variant)]
enum Engine {
    Lazy {
        dfa: DFA,
        /// Whether every match starts where the DFA starts reading (the
        /// line's start, or its end when backward): only there is one
        /// looked for.
        anchored: Anchored,
        backward: bool,
        caches: Pool<Cache, CacheFn>,
        /// The regex crate's, for a search the lazy DFA cannot finish (none
        /// can with these settings: no Unicode word boundary, no giving up
        /// on a cache that keeps filling), built only then.
        fallback: OnceLock<Regex>,
    },
    /// A pattern the lazy DFA does not take (a Unicode word boundary).
    Regex(Regex),
}

/// Builds one of the cleaner's lazily built automata now (see
/// [`Shapes::warm_up_tasks`]).
pub(crate) type WarmUpTask<'a> = Box<dyn Fn() + Send + Sync + 'a>;

/// Makes a thread's cache of DFA states.
type CacheFn = Box<dyn Fn() -> Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// The automaton limits of a [`MatchRegex`]: the date shapes' NFAs (some
/// 2,000 states) need more than the regex crate's defaults.
const NFA_BYTES: usize = 16 << 20;
const DFA_CACHE_BYTES: usize = 4 << 20;

impl MatchRegex {
    fn new(pattern: &str, backward: bool, what: &'static str) -> MatchRegex {
        MatchRegex {
            pattern: pattern.into(),
            backward,
            what,
            engine: OnceLock::new(),
        }
    }

    /// Does `line` hold a match?
    #[inline]
    fn is_match(&self, line: &[u8]) -> bool {
        self.force().is_match(line, self)
    }

    /// Compiles the regex now (a warm-up; tests, to find broken patterns
    /// early).
    #[inline]
    fn force(&self) -> &Engine {
        self.engine.get_or_init(|| Arc::new(self.build()))
    }

    /// The regex crate's regex for the pattern.
    fn regex(&self) -> Regex {
        RegexBuilder::new(&self.pattern)
            .size_limit(NFA_BYTES)
            .dfa_size_limit(DFA_CACHE_BYTES)
            .build()
            .unwrap_or_else(|e| panic!("the {} regex compiles: {e}", self.what))
    }

    #[cold]
    #[inline(never)]
    fn build(&self) -> Engine {
        // The syntax of `regex::bytes` (`utf8(false)`: a `(?-u)` class may
        // match any byte), no capture groups.
        let nfa = thompson::Compiler::new()
            .syntax(syntax::Config::new().utf8(false))
            .configure(
                thompson::Config::new()
                    .utf8(false)
                    .reverse(self.backward)
                    .nfa_size_limit(Some(NFA_BYTES))
                    .which_captures(thompson::WhichCaptures::None),
            )
            .build(&self.pattern);
        let Ok(nfa) = nfa else {
            return Engine::Regex(self.regex());
        };
        let anchored = if nfa.is_always_start_anchored() {
            Anchored::Yes
        } else {
            Anchored::No
        };
        let dfa = DFA::builder()
            .configure(DFA::config().cache_capacity(DFA_CACHE_BYTES))
            .build_from_nfa(nfa);
        match dfa {
            Ok(dfa) => {
                let own = dfa.clone();
                Engine::Lazy {
                    dfa,
                    anchored,
                    backward: self.backward,
                    caches: Pool::new(Box::new(move || own.create_cache())),
                    fallback: OnceLock::new(),
                }
            }
            Err(_) => Engine::Regex(self.regex()),
        }
    }
}

impl Engine {
    #[inline]
    fn is_match(&self, line: &[u8], re: &MatchRegex) -> bool {
        match self {
            Engine::Lazy {
                dfa,
                anchored,
                backward,
                caches,
                fallback,
            } => {
                let input = Input::new(line).anchored(*anchored).earliest(true);
                let mut cache = caches.get();
                let found = if *backward {
                    dfa.try_search_rev(&mut cache, &input)
                } else {
                    dfa.try_search_fwd(&mut cache, &input)
                };
                match found {
                    Ok(m) => m.is_some(),
                    Err(_) => fallback.get_or_init(|| re.regex()).is_match(line),
                }
            }
            Engine::Regex(r) => r.is_match(line),
        }
    }
}

/// The most ASCII letters a line `pattern` matches can hold (`None`: no
/// bound, or the pattern is not anchored at both ends), from its syntax
/// tree: a literal's letters, one for a class that takes a letter,
/// repetitions multiplied, the longest alternative. The bounds in the
/// table ([`Needs::MaxLetters`]) are these (a test checks).
#[cfg(test)]
fn max_letters(pattern: &str) -> Option<u32> {
    use regex_syntax::hir::{Class, Hir, HirKind};
    fn walk(h: &Hir) -> Option<u32> {
        let letter = |lo: u32, hi: u32| {
            (lo <= u32::from(b'z') && hi >= u32::from(b'a'))
                || (lo <= u32::from(b'Z') && hi >= u32::from(b'A'))
        };
        match h.kind() {
            HirKind::Empty | HirKind::Look(_) => Some(0),
            HirKind::Literal(l) => {
                Some(l.0.iter().filter(|b| b.is_ascii_alphabetic()).count() as u32)
            }
            HirKind::Class(Class::Unicode(c)) => Some(u32::from(
                c.ranges()
                    .iter()
                    .any(|r| letter(u32::from(r.start()), u32::from(r.end()))),
            )),
            HirKind::Class(Class::Bytes(c)) => Some(u32::from(
                c.ranges()
                    .iter()
                    .any(|r| letter(u32::from(r.start()), u32::from(r.end()))),
            )),
            HirKind::Repetition(r) => match walk(&r.sub)? {
                0 => Some(0),
                n => n.checked_mul(r.max?),
            },
            HirKind::Capture(c) => walk(&c.sub),
            HirKind::Concat(hs) => hs.iter().try_fold(0u32, |t, h| t.checked_add(walk(h)?)),
            HirKind::Alternation(hs) => hs.iter().try_fold(0u32, |t, h| Some(t.max(walk(h)?))),
        }
    }
    let hir = regex_syntax::ParserBuilder::new()
        .utf8(false)
        .build()
        .parse(pattern)
        .expect("shape regexes parse");
    // A bound on the match is one on the line only when the match is the
    // whole line.
    let p = hir.properties();
    let whole = p.look_set_prefix().contains(regex_syntax::hir::Look::Start)
        && p.look_set_suffix().contains(regex_syntax::hir::Look::End);
    if whole {
        walk(&hir)
    } else {
        None
    }
}

impl Shapes {
    /// Compiles the table.
    pub fn builtin() -> Shapes {
        let shapes: Vec<_> = table()
            .into_iter()
            .map(|s| {
                let re = MatchRegex::new(s.pattern, s.backward, s.name);
                let hit = ShapeHit {
                    name: s.name,
                    category: s.category,
                    ends_article: s.ends_article,
                };
                let mut gates = Vec::new();
                Gate::compile(s.needs, &mut gates);
                (re, gates.into_boxed_slice(), hit)
            })
            .collect();
        let matcher = |pattern: &str, what| MatchRegex::new(pattern, false, what);
        let dateish = matcher(&dateish_pattern(), "date");
        let day_date = matcher(&day_date_pattern(), "day-date");
        let tags_line = matcher(TAGS_LINE, "tags");
        let calendar = matcher(&calendar_pattern(), "calendar");
        let cited_author = LazyRegex::new(CITED_AUTHOR, "author");
        let year = LazyRegex::new(YEAR, "year");
        let caption = matcher(CAPTION, "caption");
        let post_count = LazyRegex::new(POST_COUNT, "post-count");
        let candidates = Candidates::of(&shapes);
        // The gates the candidates' masks test exactly are not tried again.
        let shapes = shapes
            .into_iter()
            .map(|(re, gates, hit)| (re, Candidates::unfolded(&gates), hit))
            .collect();
        Shapes {
            shapes,
            candidates,
            agency_pairs: agency_pairs(),
            dateish,
            day_date,
            tags_line,
            calendar,
            cited_author,
            year,
            caption,
            post_count,
        }
    }

    /// The regexes asked only whether a line matches.
    fn match_regexes(&self) -> impl Iterator<Item = &MatchRegex> {
        self.shapes.iter().map(|(re, _, _)| re).chain([
            &self.dateish,
            &self.day_date,
            &self.tags_line,
            &self.calendar,
            &self.caption,
        ])
    }

    /// The helper regexes compiled by the regex crate (see [`LazyRegex`]).
    fn lazy_regexes(&self) -> [&LazyRegex; 3] {
        [&self.cited_author, &self.year, &self.post_count]
    }

    /// Whether every regex is compiled.
    #[cfg(test)]
    pub(crate) fn all_built(&self) -> bool {
        self.match_regexes().all(|re| re.engine.get().is_some())
            && self.lazy_regexes().iter().all(|re| re.re.get().is_some())
    }

    /// Each regex, as a task that compiles it now (see
    /// [`Cleaner::warm_up`](crate::Cleaner::warm_up)), with a guess at
    /// its cost: its pattern's length (a Unicode class counts as many
    /// bytes: its UTF-8 automaton is large).
    pub(crate) fn warm_up_tasks(&self) -> Vec<(usize, WarmUpTask<'_>)> {
        let cost = |p: &str| p.len() + 1000 * p.matches(r"\p{").count();
        let matchers = self.match_regexes().map(|re| {
            let task: WarmUpTask<'_> = Box::new(|| {
                re.force();
            });
            (cost(&re.pattern), task)
        });
        let regexes = self.lazy_regexes().into_iter().map(|re| {
            let task: WarmUpTask<'_> = Box::new(|| {
                re.force();
            });
            (cost(&re.pattern), task)
        });
        matchers.chain(regexes).collect()
    }

    /// Does the line hold a post's count of comments or trackbacks
    /// ("Posted by Ann at 9:14 PM | Comments (5) | TrackBack", "Hot fixes
    /// [ 11 Comments ]")? A blog's front page prints one with each post;
    /// a comment's own metadata never counts the post's comments.
    pub fn has_post_count(&self, line: &[u8]) -> bool {
        // Most lines hold no "comment" and skip the regex.
        if !may_count_posts(line) {
            return false;
        }
        self.post_count_plain(line)
    }

    /// [`has_post_count`](Self::has_post_count) without its gate.
    pub fn post_count_plain(&self, line: &[u8]) -> bool {
        // "Total Comments (1465)" under a commenter's name counts that
        // reader's comments, not the post's.
        self.post_count.find_iter(line).any(|m| {
            let head = line[..m.start()].trim_ascii_end();
            !(head.len() >= 5 && head[head.len() - 5..].eq_ignore_ascii_case(b"total"))
        })
    }

    /// Is the line a numbered figure or table caption ("Figure 3. Growth
    /// of the crystal", "Table 1: Sizes")?
    pub fn is_caption(&self, line: &[u8]) -> bool {
        line.len() <= CITATION_MAX_BYTES
            && matches!(
                line.first(),
                Some(b'F' | b'f' | b'T' | b't' | b'C' | b'c' | b'P' | b'p' | b'A' | b'a')
            )
            && self.caption.is_match(line)
    }

    /// Is the line a bibliographic reference: two authors' names with
    /// initials and a year ("Renzi, C., Sorge, C. and Fusco, D. (2012),
    /// Reporting of ...", "\[7\] M. Leszczynski, I. Grzegory, J. Cryst.
    /// Growth 126, 601 (1993).")?
    pub fn is_citation(&self, line: &[u8]) -> bool {
        line.len() <= CITATION_MAX_BYTES
            && self.year.is_match(line)
            && self.cited_author.find_iter(line).nth(1).is_some()
    }

    /// Does the line hold a date (a month name and a day, a year, a
    /// numeric date)? Comment timestamps do; race splits and schedules,
    /// which also print times of day, mostly do not.
    pub fn has_date(&self, line: &[u8]) -> bool {
        self.dateish.is_match(line)
    }

    /// Is the line a post's tags ("Tags: a, b", "Filed under: X")?
    pub fn is_tags_line(&self, line: &[u8]) -> bool {
        // The pattern starts with "tag" or "fil" (any case).
        line.len() <= 240
            && line
                .get(..3)
                .is_some_and(|p| p.eq_ignore_ascii_case(b"tag") || p.eq_ignore_ascii_case(b"fil"))
            && self.tags_line.is_match(line)
    }

    /// [`is_tags_line`](Self::is_tags_line) without the test of the first
    /// bytes (the reference pipeline's).
    pub fn is_tags_line_plain(&self, line: &[u8]) -> bool {
        line.len() <= 240 && self.tags_line.is_match(line)
    }

    /// Does the line hold a full calendar date (a day, a month and a year)?
    pub fn has_day_date(&self, line: &[u8]) -> bool {
        self.day_date.is_match(line)
    }

    /// Does the line hold a calendar date (a month name and a day, a year,
    /// a numeric date, "today"), not only a time of day?
    pub fn has_calendar_date(&self, line: &[u8]) -> bool {
        self.calendar.is_match(line)
    }

    /// The first shape (in table order) that matches the trimmed line, if
    /// the line is short enough.
    pub fn find(&self, line: &[u8]) -> Option<ShapeHit> {
        self.find_and_separators(line).0
    }

    /// [`find`](Self::find), and the line's `separator_bytes` when it
    /// was counted on the way (lines of at most 160 bytes, the longest
    /// breadcrumb); past two, possibly fewer than all of them (only two or
    /// more matters, see [`is_breadcrumb_counted`]).
    pub fn find_and_separators(&self, line: &[u8]) -> (Option<ShapeHit>, Option<usize>) {
        self.find_and_separators_probed(line, None)
    }

    /// [`find_and_separators`](Self::find_and_separators) with the
    /// line's [`ProbeBytes`] when they were found already (`probe_bytes`
    /// of the line).
    #[inline(always)]
    pub(crate) fn find_and_separators_probed(
        &self,
        line: &[u8],
        bytes: Option<ProbeBytes>,
    ) -> (Option<ShapeHit>, Option<usize>) {
        if line.len() > MAX_SHAPE_BYTES || line.is_empty() {
            return (None, None);
        }
        debug_assert!(bytes.map_or(true, |b| b == probe_bytes(line)));
        let probe = Probe::of(line, bytes, self);
        // Only a breadcrumb's length (see `is_breadcrumb`) needs them.
        // Only whether there are two or more matters: the separators of
        // more than one byte are not counted when the others make two.
        let separators = (line.len() <= 160).then(|| {
            probe.separators
                + if probe.separators >= 2 {
                    0
                } else {
                    more_separators(line, probe.colon, probe.e2)
                }
        });
        // The shapes whose first, last, digit, colon, @ and name gates the
        // line passes, in table order; all their gates are tried again.
        let mut left = self.candidates.of_line(line, &probe);
        while left != 0 {
            let (re, gates, hit) = &self.shapes[left.trailing_zeros() as usize];
            if gates.iter().all(|g| g.pass(line, &probe)) && re.is_match(line) {
                return (Some(*hit), separators);
            }
            left &= left - 1;
        }
        (None, separators)
    }

    /// The reference for [`find`](Self::find): every regex, no gates.
    pub fn find_ungated(&self, line: &[u8]) -> Option<ShapeHit> {
        if line.len() > MAX_SHAPE_BYTES || line.is_empty() {
            return None;
        }
        self.shapes
            .iter()
            .find(|(re, _, _)| re.is_match(line))
            .map(|(_, _, hit)| *hit)
    }
}

/// An arithmetic formula: numbers and operators set apart by spaces, at
/// least two operators, one of them `=`, `+`, `*`, `%`, `×` or `÷`
/// ("1.9 - 1.27 = 0.63", "2 * (6 + 9) / 3", "6 % 2 = 0"): text of the
/// article, not a lone number or a share count. Date and score ranges
/// ("12/20/06", "51 - 59") and phone numbers have no such run.
pub fn is_formula(line: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(line) else {
        return false;
    };
    let mut operators = 0;
    let mut strong = false;
    let mut want_number = true;
    for token in s.split_whitespace() {
        let is_operator = matches!(token, "+" | "-" | "*" | "/" | "%" | "=" | "×" | "÷" | "−");
        if want_number {
            let t = token.trim_start_matches('(').trim_end_matches(')');
            let number = t.bytes().next().is_some_and(|b| b.is_ascii_digit())
                && t.bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b',');
            if !number {
                return false;
            }
        } else if is_operator {
            operators += 1;
            strong |= !matches!(token, "-" | "/" | "−");
        } else {
            return false;
        }
        want_number = !want_number;
    }
    // It ends on a number (not "8 + 8 =", a quiz).
    !want_number && operators >= 2 && strong
}

/// Separators of breadcrumbs and menu rows.
const SEPARATORS: &[&str] = &[">", "›", "»", "/", "|", "·", "•", "→", "::", "\u{bb}"];

/// How many separators the line holds (`::` counts twice, which only
/// over-counts): a line with fewer than two has fewer than three segments.
fn separator_bytes(line: &[u8]) -> usize {
    // One-byte separators, and » and · in UTF-8 (c2 bb, c2 b7) and in
    // Latin-1 (bb, b7): counted in one branch-free pass.
    let n = line.iter().filter(|&&b| is_separator_byte(b)).count();
    n + more_separators(
        line,
        memchr::memchr(b':', line).is_some(),
        memchr::memchr(0xe2, line).is_some(),
    )
}

/// A byte counted by [`separator_bytes`] on its own.
const fn is_separator_byte(b: u8) -> bool {
    matches!(b, b'>' | b'/' | b'|' | 0xbb | 0xb7)
}

/// The separators of more than one byte (`colon`: the line holds a `:`,
/// `e2`: a 0xe2 byte).
fn more_separators(line: &[u8], colon: bool, e2: bool) -> usize {
    let mut n = 0;
    if colon {
        n += memchr::memchr_iter(b':', line)
            .filter(|&i| line.get(i + 1) == Some(&b':'))
            .count();
    }
    if e2 {
        // › (e2 80 ba), • (e2 80 a2), → (e2 86 92)
        n += memchr::memchr_iter(0xe2, line)
            .filter(|&i| {
                matches!(
                    line.get(i + 1..i + 3),
                    Some([0x80, 0xba | 0xa2] | [0x86, 0x92])
                )
            })
            .count();
    }
    n
}

/// A breadcrumb or menu row: at least two separators between short
/// segments that contain letters, and no sentence inside
/// (`Home > National > North Korea`, `News / Koreas / Russia`).
pub fn is_breadcrumb(line: &[u8]) -> bool {
    line.len() <= 160 && separator_bytes(line) >= 2 && segments_ok(line, next_separator)
}

/// [`is_breadcrumb`] with the line's `separator_bytes` already counted.
pub fn is_breadcrumb_counted(line: &[u8], separators: usize) -> bool {
    line.len() <= 160 && separators >= 2 && segments_ok(line, next_separator)
}

/// The first separator in `rest`: its byte offset and length (one scan;
/// no two separators start at the same byte).
fn next_separator(rest: &str) -> Option<(usize, usize)> {
    let b = rest.as_bytes();
    (0..b.len()).find_map(|i| {
        let n = match b[i] {
            b'>' | b'/' | b'|' => 1,
            b':' if b.get(i + 1) == Some(&b':') => 2,
            0xc2 if matches!(b.get(i + 1), Some(0xbb | 0xb7)) => 2,
            0xe2 if matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0xba | 0xa2)) | (Some(0x86), Some(0x92))
            ) =>
            {
                3
            }
            _ => return None,
        };
        Some((i, n))
    })
}

/// The first separator in `rest`, searched for one separator at a time.
fn next_separator_plain(rest: &str) -> Option<(usize, usize)> {
    SEPARATORS
        .iter()
        .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
        .min()
}

/// [`is_breadcrumb`] without its cheap gates.
pub fn breadcrumb_segments(line: &[u8]) -> bool {
    segments_ok(line, next_separator_plain)
}

/// A `/`, `>` or `::` that belongs to a word, a URL, a path or code, not
/// a separator between menu items (`News / World`): one with no space on
/// either side (`http://a.org/b`, `and/or`, `$10/hour`, `x::float`), a
/// slash without a space (or another slash) on both sides (`the /public/
/// folder`, `GET /oauth`), a `>` closing a `<` in the same word
/// (`<storage_root> and`).
fn is_tight_separator(b: &[u8], i: usize, n: usize) -> bool {
    let sep = &b[i..i + n];
    if !matches!(sep, b"/" | b">" | b"::") {
        return false;
    }
    // A space before or after: ASCII white space or a no-break space (c2 a0).
    let before =
        (i > 0 && b[i - 1].is_ascii_whitespace()) || (i > 1 && b[i - 2..i] == [0xc2, 0xa0]);
    let after = match b.get(i + n..) {
        Some([c, ..]) if c.is_ascii_whitespace() => true,
        Some([0xc2, 0xa0, ..]) => true,
        _ => false,
    };
    match sep {
        b"/" => {
            // A run of slashes ("news // world") counts as one.
            let before = before || (i > 0 && b[i - 1] == b'/');
            let after = after || b.get(i + 1) == Some(&b'/');
            !(before && after)
        }
        b">" if !before => {
            // The word this `>` ends opens with or holds a `<`.
            let word = b[..i]
                .iter()
                .rposition(|c| c.is_ascii_whitespace())
                .map_or(0, |k| k + 1);
            !after || b[word..i].contains(&b'<')
        }
        _ => !before && !after,
    }
}

/// Splits the line at separators (found by `next`) and checks the segments.
fn segments_ok(line: &[u8], next: fn(&str) -> Option<(usize, usize)>) -> bool {
    if line.len() > 160 {
        return false;
    }
    // Not UTF-8: read it as Latin-1 (a mis-decoded page still has menus).
    let owned;
    let s = match std::str::from_utf8(line) {
        Ok(s) => s,
        Err(_) => {
            owned = line.iter().map(|&b| char::from(b)).collect::<String>();
            &owned
        }
    };
    let b = s.as_bytes();
    let mut segments = 0usize;
    // Segments with letters, and years (an archive's: "News > 2015 >
    // Week 15 > Title"; two with letters needed, so that a date,
    // "12/05/2012", is none; not other numbers: "Ann • 29 minutes ago •
    // 1" is a comment's head).
    let mut worded = 0usize;
    let mut ok = true;
    // The segment starts at `start`; separators are searched for from `from`
    // (past a slash, `>` or `::` set tight inside a word, which is a URL,
    // a path, code or a word pair like "and/or", never a separator).
    let mut start = 0;
    let mut from = 0;
    loop {
        let found = next(&s[from..]).map(|(i, n)| (from + i, n));
        if let Some((i, n)) = found {
            if is_tight_separator(b, i, n) {
                from = i + n;
                continue;
            }
        }
        let (seg, tail) = match found {
            Some((i, n)) => (&s[start..i], Some(i + n)),
            None => (&s[start..], None),
        };
        let seg = seg.trim_matches(|c: char| c.is_whitespace());
        if !seg.is_empty() {
            let words = seg.split_whitespace().count();
            let has_letter = seg.chars().any(char::is_alphabetic);
            let year = seg.len() == 4 && seg.bytes().all(|c| c.is_ascii_digit());
            if words > 5 || !(has_letter || year) || seg.ends_with(['.', '!', '?']) {
                ok = false;
            }
            segments += 1;
            worded += usize::from(has_letter);
        }
        match tail {
            Some(t) => {
                start = t;
                from = t;
            }
            None => break,
        }
    }
    ok && segments >= 3 && worded >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The comment-meta shapes with [`COMMENTER`] match what they matched
    /// when the name was written `(?:[...]+\s?){1,4}`, on lines made of
    /// name words, whitespace runs, digits, times and the shapes' words.
    #[test]
    fn commenter_is_the_old_pattern() {
        use proptest::prelude::*;
        const OLD: &str = r"(?:[A-Za-z\x80-\xff0-9_@.'-]+\s?){1,4}";
        let pairs: Vec<(regex::bytes::Regex, regex::bytes::Regex)> = table()
            .iter()
            .filter(|s| s.pattern.contains(COMMENTER))
            .map(|s| {
                let old = s.pattern.replace(COMMENTER, OLD);
                (
                    regex::bytes::Regex::new(s.pattern).expect("new form compiles"),
                    regex::bytes::Regex::new(&old).expect("old form compiles"),
                )
            })
            .collect();
        assert_eq!(
            pairs.len(),
            3,
            "the three comment-meta shapes use COMMENTER"
        );
        let pieces = prop::sample::select(vec![
            "ann",
            "Bo",
            "x",
            "7",
            "12",
            "2019",
            "@jo",
            "o'neil",
            "-",
            ".",
            "_",
            "\u{e9}",
            " ",
            "  ",
            "\t",
            " \t",
            "said",
            "says",
            "wrote",
            "replied",
            ":",
            ",",
            "on ",
            "| ",
            "- ",
            "march",
            "12/03/2012",
            "10:15",
            "2:31 pm",
            "at",
            "...",
            "\u{2026}",
            "reply",
            "#",
        ]);
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(20_000));
        runner
            .run(&prop::collection::vec(pieces, 1..12), |parts| {
                let line = parts.concat();
                for (new, old) in &pairs {
                    prop_assert_eq!(
                        new.is_match(line.as_bytes()),
                        old.is_match(line.as_bytes()),
                        "{:?}",
                        line
                    );
                }
                Ok(())
            })
            .expect("the same lines match");
        // And the lines the shapes are for.
        for line in [
            "jdoe says:",
            "Ann said...",
            "Maria July 7, 2012 at 2:31 pm",
            "Anonymous on 12/03/2012 - 10:15",
        ] {
            assert!(
                pairs.iter().any(|(new, _)| new.is_match(line.as_bytes())),
                "{line}"
            );
        }
    }

    /// `h` without its anchors and word boundaries (for proptest's
    /// generator, which takes none).
    fn without_looks(h: &regex_syntax::hir::Hir) -> regex_syntax::hir::Hir {
        use regex_syntax::hir::{Capture, Hir, HirKind, Repetition};
        match h.kind() {
            HirKind::Look(_) => Hir::empty(),
            HirKind::Repetition(r) => Hir::repetition(Repetition {
                sub: Box::new(without_looks(&r.sub)),
                ..r.clone()
            }),
            HirKind::Capture(c) => Hir::capture(Capture {
                sub: Box::new(without_looks(&c.sub)),
                ..c.clone()
            }),
            HirKind::Concat(hs) => Hir::concat(hs.iter().map(without_looks).collect()),
            HirKind::Alternation(hs) => Hir::alternation(hs.iter().map(without_looks).collect()),
            _ => h.clone(),
        }
    }

    /// Every regex asked only whether a line matches answers as the regex
    /// crate's regex of its pattern, read either way (forward and
    /// backward): on lines made from the pattern itself (without its
    /// anchors and word boundaries: most match or nearly do), the same
    /// with bytes before or after, cut short, and every line of the
    /// fixtures.
    #[test]
    fn match_regexes_are_the_regex_crates() {
        use proptest::prelude::*;
        let mut fixtures: Vec<Vec<u8>> = Vec::new();
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures")).unwrap() {
            let page = std::fs::read(entry.unwrap().path()).unwrap();
            for line in page.split(|&b| b == b'\n') {
                fixtures.push(line.to_vec());
                fixtures.push(line.trim_ascii().to_vec());
            }
        }
        assert!(fixtures.len() > 1000);
        for re in builtin().match_regexes() {
            let reference = Regex::new(&re.pattern).unwrap();
            let both = [re, &MatchRegex::new(&re.pattern, !re.backward, re.what)];
            let check = |line: &[u8]| {
                let want = reference.is_match(line);
                for m in both {
                    prop_assert_eq!(
                        m.is_match(line),
                        want,
                        "{} (backward: {}) {:?}",
                        m.what,
                        m.backward,
                        String::from_utf8_lossy(line)
                    );
                }
                Ok(want)
            };
            for line in &fixtures {
                check(line).unwrap();
            }
            let hir = regex_syntax::ParserBuilder::new()
                .utf8(false)
                .build()
                .parse(&re.pattern)
                .unwrap();
            let made = proptest::string::bytes_regex_parsed(&without_looks(&hir)).unwrap();
            let pad = proptest::collection::vec(
                prop::sample::select(b" a1.,:-|\t(\xc3\xa9".to_vec()),
                0..4,
            );
            let matched = std::cell::Cell::new(0usize);
            let mut runner =
                proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(2_000));
            runner
                .run(&(made, pad, 0..4u8), |(line, pad, how)| {
                    let line = match how {
                        0 => line,
                        1 => [pad, line].concat(),
                        2 => [line, pad].concat(),
                        _ => line[..line.len() / 2].to_vec(),
                    };
                    matched.set(matched.get() + usize::from(check(&line)?));
                    Ok(())
                })
                .unwrap();
            assert!(matched.get() > 0, "{}: some lines match", re.what);
        }
    }

    /// A pattern the lazy DFA does not take (a Unicode word boundary) is
    /// left to the regex crate; a search the lazy DFA gives up on (here, at
    /// a byte it is told to quit at) goes to the regex crate's regex.
    #[test]
    fn match_regex_falls_back() {
        let unicode = MatchRegex::new(r"\bd\w+s\b", false, "test");
        assert!(matches!(unicode.force(), Engine::Regex(_)));
        assert!(unicode.is_match("déjà des idées".as_bytes()));
        assert!(!unicode.is_match("déjà desé".as_bytes()));
        let quits = MatchRegex::new(r"(?-u)b+c", false, "test");
        let dfa = DFA::builder()
            .configure(DFA::config().quit(b'x', true))
            .build(&quits.pattern)
            .unwrap();
        let own = dfa.clone();
        let engine = Engine::Lazy {
            dfa,
            anchored: Anchored::No,
            backward: false,
            caches: Pool::new(Box::new(move || own.create_cache())),
            fallback: OnceLock::new(),
        };
        assert!(engine.is_match(b"abbc", &quits));
        assert!(engine.is_match(b"x abbc", &quits));
        assert!(!engine.is_match(b"x abb", &quits));
        let Engine::Lazy { fallback, .. } = &engine else {
            unreachable!()
        };
        assert!(fallback.get().is_some(), "the regex crate's answered");
    }

    /// A backward shape is anchored at the line's end: read from there, a
    /// match is looked for at that one place, not at every byte.
    #[test]
    fn backward_shapes_end_at_the_end() {
        let shapes = builtin();
        let mut backward = 0;
        for (re, _, _) in &shapes.shapes {
            if re.backward {
                backward += 1;
                let Engine::Lazy { anchored, .. } = re.force() else {
                    panic!("{}: a lazy DFA", re.what)
                };
                assert_eq!(*anchored, Anchored::Yes, "{}", re.what);
            }
        }
        assert!(backward > 0);
    }

    /// The built-in shapes, compiled once for all the tests.
    fn builtin() -> &'static Shapes {
        static SHAPES: std::sync::OnceLock<Shapes> = std::sync::OnceLock::new();
        SHAPES.get_or_init(Shapes::builtin)
    }

    #[test]
    fn formulas() {
        assert!(is_formula(b"1.9 - 1.27 = 0.63"));
        assert!(is_formula(b"2 * (6 + 9) / 3"));
        assert!(is_formula(b"6 % 2 = 0"));
        assert!(!is_formula(b"8 + 8 ="));
        assert!(!is_formula(b"51 - 59"));
        assert!(!is_formula(b"10/19/2003 - 10/25/2003"));
        assert!(!is_formula(b"(314) 286-0122"));
        assert!(!is_formula(b"1 / 2 / 3"));
    }

    #[test]
    fn breadcrumbs() {
        assert!(is_breadcrumb("Home > National > North Korea".as_bytes()));
        assert!(is_breadcrumb(
            "News \u{a0} / \u{a0} Koreas \u{a0} / \u{a0} Russia".as_bytes()
        ));
        assert!(!is_breadcrumb(b"RFE/RL"));
        assert!(is_breadcrumb(b"Accueil > Actualit\xe9s > R\xe9gion"));
        assert!(!is_breadcrumb(b"12/05/2012"));
        assert!(is_breadcrumb(
            b"Blog > News > 2015 > Week 15 > Passwords for Mac"
        ));
        assert!(!is_breadcrumb(b"Page 1 | 2 | 3"));
        assert!(!is_breadcrumb(b"10 / 20 / 30"));
        assert!(!is_breadcrumb("Ann Lee • 29 minutes ago • 1".as_bytes()));
        assert!(!is_breadcrumb(
            b"MOSCOW/VLADIVOSTOK, Russia (Reuters) - North Korean leader Kim Jong Un and Russian President"
        ));
    }

    /// A byline without "By" needs a desk before the role (an open
    /// letter's signatories, "Jane Doe, writer", are not bylines); one
    /// with "By" may name a site after the name, or be a user name and a
    /// date; a sentence after a byline is not one.
    #[test]
    fn bylines() {
        let name = |l: &str| builtin().find(l.as_bytes()).map(|h| h.name);
        for credit in [
            "Tom Krisher, AP Auto Writer",
            "Jane Doe, BBC diplomatic correspondent",
            "John Roe, Chronicle Staff Writer",
            "Ann Lee Roe, news reporter",
            "By Troy L. Smith, Cleveland.com",
            "By admin - 2018-09-16",
            "by jdoe | March 3, 2019",
        ] {
            assert_eq!(name(credit), Some("byline"), "{credit}");
        }
        for not in [
            "Jane Doe, writer",
            "Jane Doe, teacher and writer",
            "Jane Doe, poet, and writer",
            "The firm hired Jane Doe, a veteran editor",
            "Meet our new editor",
            "By Jane Doe, Staff. The mayor said no",
            "By 2019, sales fell - 20%",
            "by design - 2019",
        ] {
            assert_ne!(name(not), Some("byline"), "{not}");
        }
    }

    /// Every regex compiles (they are compiled lazily, when first used),
    /// those asked only whether a line matches into lazy DFAs.
    #[test]
    fn table_compiles() {
        let s = Shapes::builtin();
        for re in s.match_regexes() {
            assert!(matches!(re.force(), Engine::Lazy { .. }), "{}", re.what);
        }
        for re in [&s.cited_author, &s.year, &s.post_count] {
            re.force();
        }
        assert!(s.find(b"12 comments").is_some());
    }

    /// `Needs::Prefix` compares first bytes with the line's lower-cased
    /// first byte: its words must be lower-case and non-empty.
    #[test]
    fn prefix_words_are_lower_case() {
        fn check(n: Needs) {
            match n {
                Needs::Prefix(words) => {
                    for w in words {
                        assert!(
                            !w.is_empty() && !w.bytes().any(|b| b.is_ascii_uppercase()),
                            "{w:?}"
                        );
                    }
                }
                Needs::All(all) => all.iter().copied().for_each(check),
                _ => {}
            }
        }
        table().into_iter().for_each(|s| check(s.needs));
    }

    #[test]
    fn dates_in_lines() {
        let s = Shapes::builtin();
        assert!(s.has_date(b"Maria, 7 July 2012 at 2:31 pm"));
        assert!(s.has_date(b"Nov. 6 at 14:20"));
        assert!(s.has_date(b"tag 10:30 AM 0 A headline"));
        assert!(s.has_date(b"14:44 A headline of the ticker"));
        assert!(!s.has_date(b"10 km - 30:51 (15:28)"));
        assert!(!s.has_date(b"Finish - 2:23:07"));
    }

    /// No shape's gates (its candidate bit, then all its gates) turn away
    /// the line `t` when its own regex matches it.
    fn own_gates_pass(t: &[u8]) -> Result<(), proptest::test_runner::TestCaseError> {
        let shapes = builtin();
        let probe = Probe::of(t, None, shapes);
        let candidates = shapes.candidates.of_line(t, &probe);
        for (k, (re, gates, hit)) in shapes.shapes.iter().enumerate() {
            if re.is_match(t) {
                let line = String::from_utf8_lossy(t);
                proptest::prop_assert!(candidates >> k & 1 == 1, "{} {:?}", hit.name, line);
                proptest::prop_assert!(
                    gates.iter().all(|g| g.pass(t, &probe)),
                    "{} {:?}",
                    hit.name,
                    line
                );
            }
        }
        Ok(())
    }

    /// The prev/next labels' prefix gate lets every form of the label
    /// through: after an arrow, a guillemet or `<`, spaced or not, in any
    /// case.
    #[test]
    fn prev_next_prefixes_pass() {
        for t in [
            "< Next article",
            "<next post",
            "<\tPrevious story",
            "\u{ab}Previous story",
            "\u{2039} Vorheriger Artikel",
            "\u{2190} Art\u{ed}culo anterior",
            "N\u{e4}chster Beitrag",
            "N\u{c4}CHSTER ARTIKEL",
            "prev next article",
            "Article suivant",
            "Voriger Beitrag: Title",
        ] {
            let hit = builtin().find(t.as_bytes()).map(|h| h.name);
            assert_eq!(hit, Some("prev-next-link"), "{t:?}");
            own_gates_pass(t.as_bytes()).expect(t);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The separator count never hides a breadcrumb, in UTF-8 or Latin-1.
        #[test]
        fn breadcrumb_gate_is_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "Home", " ", "News", ">", "›", "»", "/", "|", "·", "•", "→", ":", "::", "\u{bb}",
            "a.", "12", "é", "—", "“", "\u{a0}",
        ]), 0..10), latin1 in proptest::bool::ANY) {
            let line: Vec<u8> = if latin1 {
                parts.concat().chars().map(|c| if (c as u32) < 256 { c as u32 as u8 } else { b'?' }).collect()
            } else {
                parts.concat().into_bytes()
            };
            proptest::prop_assert_eq!(is_breadcrumb(&line), breadcrumb_segments(&line));
            let shapes = builtin();
            if let (_, Some(n)) = shapes.find_and_separators(&line) {
                // Counted up to two at least.
                proptest::prop_assert!(n <= separator_bytes(&line));
                proptest::prop_assert_eq!(n >= 2, separator_bytes(&line) >= 2);
            }
        }

        /// The gate in front of the post-count regex never hides a count.
        #[test]
        fn post_count_gate_is_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "Comments", "comment", "TrackBack", "trackbacks", " ", "(", ")", "[", "]", "3", "12",
            "Total", "Posted by Ann", "|", "é", "Post a comment", "COMMENTS", "CoMmEnT", "TRACKBACK", "m", "k",
        ]), 0..8)) {
            let shapes = builtin();
            let line = parts.concat().into_bytes();
            proptest::prop_assert_eq!(shapes.has_post_count(&line), shapes.post_count_plain(&line));
        }

        /// The SSE2 mask of agency breaks is the byte-at-a-time one.
        #[test]
        fn agency_breaks_are_exact(line in proptest::collection::vec(proptest::sample::select(vec![
            0u8, b'\t', b'\r', 0x0b, 0x0c, b'\n', 0x08, 0x0e, b' ', b'(', b')', b'/', b'.', b'0', b'a',
            b'R', 0x80, 0xa0, 0xff, b'\'', b'&',
        ]), 0..=AGENCY_WITHIN)) {
            proptest::prop_assert_eq!(breaks_before(&line), breaks_before_scalar(&line));
        }

        /// The SSE2 probe is the table's.
        #[test]
        fn probe_bytes_are_exact(line in proptest::collection::vec(proptest::sample::select(vec![
            0u8, b'\t', b'\r', 0x0b, b' ', b'0', b'9', b'a', b'y', b'Y', b'z', b'A', b'Z', b':', b'@',
            b'>', b'/', b'|', b'&', b'\'', b'(', b')', b'-', b'.', b',', b'!', b'[', b'`', b'{', b'~',
            0x7f, 0x80, 0xb7, 0xbb, 0xc2, 0xe2, 0xff, b'%', b'_', b'*', b'+', 0x08, 0x0e, b'\\',
        ]), 0..MAX_SHAPE_BYTES)) {
            proptest::prop_assert_eq!(probe_bytes(&line), probe_bytes_table(&line));
        }

        /// "copyright" is found from the places of the `y` bytes as a
        /// search of the line finds it.
        #[test]
        fn copyright_places_are_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "copyright", "Copyright", "COPYRIGHT", "copy", "right", "y", "Y", " ", "(c) ", "2012", "x",
            "\u{a9}", "yyyy", "abcdefghijklmnopqrstuvwxyz",
        ]), 0..20)) {
            let line = parts.concat();
            let line = &line.as_bytes()[..line.len().min(MAX_SHAPE_BYTES)];
            proptest::prop_assert_eq!(has_copyright_at(line, probe_bytes(line).4), has_copyright(line));
            let window = &line[..line.len().min(AGENCY_WITHIN)];
            proptest::prop_assert_eq!(probe_bytes(line).5, breaks_before(window));
        }

        /// The byte gates never hide a match: gated == every regex tried.
        #[test]
        fn gates_are_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "By ", "by ", "Jane", "DOE", "and", "12", "3:45", "pm", "July", "2012", ",", " ",
            "(", ")", "Reuters", "AP", "Photo", ":", "©", "(c)", "Copyright", "comments",
            "says", "@", "example.com", "http://", "www.", "of", "Image", "ago", "hours",
            "Source", "reporting", "Editing", "/", "x", "Getty Images", "Updated", "é", "\u{a0}",
            "said", "Wrote", "replied", "Posted by", "at", "Contributing", "writers", "\u{418}\u{441}\u{442}\u{43e}\u{447}\u{43d}\u{438}\u{43a}",
            "Fuente", "https://", "www.", "2:31", "Jan", "5", "7", "-", "[", "&", "'", "\t", ";",
            "\u{ab}", "\u{bb}", "Main", "MAIN", "main", "\u{2014}",
        ]), 0..12)) {
            let line = parts.concat();
            let t = line.trim().as_bytes();
            proptest::prop_assert_eq!(builtin().find(t), builtin().find_ungated(t));
        }

        /// No shape's gates (its candidate bit, then all its gates) turn
        /// away a line its own regex matches, on comment counts ("[ 12
        /// Responses to ...", "One thought on ...") and dates with labels,
        /// weekdays, times and zones around them.
        #[test]
        fn own_gates_never_hide_a_match(parts in proptest::collection::vec(proptest::sample::select(vec![
            "[", "(", "{", "]", ")", "}", " ", "\t", "12", "1,234", "1.2", "0", "No", "no", "One", "ONE",
            "none", "comments", "Comment", "Responses", "thoughts", "replies", "Trackbacks", "pingbacks",
            "to", "on", "for", "\u{201c}", "\"", "Title", "so far", "Add", "leave", ":", "-", "|", "...",
            ".", "x", "post", "Last updated", "Posted", "Tue.", "Sunday,", "May", "Sept.", "2012",
            "3:45", "p.m.", "AM", "(UTC+", "(GMT)", "EDT", "permalink", "12/05/2012", "2012-12-05",
            "\u{a0}", "\u{b7}", "/", "?", "!", "Kommentare", "Antworten", "zu", "\u{201e}",
            "28.", "1er", "5 de", "Dezember", "M\u{e4}rz", "mayo", "ao\u{fb}t", " de ", "um", "\u{e0}", "Uhr", "1\u{ba}",
            "commentaires", "r\u{e9}ponses", "\u{e0}", "\u{ab}", "comentarios", "en",
            "Lea m\u{e1}s", "LE PUEDE INTERESAR", "\u{c0} lire aussi", "See also", "Lesen Sie auch",
            "Vorheriger Artikel", "N\u{e4}chster Beitrag", "Next article", "Prev", "\u{ab} ", "Article suivant",
            "N\u{c4}CHSTER ARTIKEL", "R\u{c9}PONSES", "\u{c0}", "F\u{dc}R", "ART\u{cd}CULO ANTERIOR",
            "<", "\u{2039}", "\u{2190}", "PREVIOUS", "next", "story", "Art\u{ed}culo siguiente", "voriger",
        ]), 0..14)) {
            let line = parts.concat();
            let t = line.trim().as_bytes();
            if !t.is_empty() && t.len() <= MAX_SHAPE_BYTES {
                own_gates_pass(t)?;
            }
        }

        /// [`own_gates_never_hide_a_match`] on lines built like photo
        /// credits: the end gate ([`Needs::AgencyEnd`]) in front of the
        /// agency's never turns away a credit.
        #[test]
        fn agency_end_gate_is_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "(", ")", "(", ")", " ", " ", "  ", "\t", "/", "/", "-", "\u{2013}", "\u{2014}", "AP", "ap", "Ap",
            "Photo", "PHOTO", "photo", "Reuters", "REUTERS", "AFP", "Getty", "Images", "Getty Images",
            "gettyimages", "EPA", "dpa", "Xinhua", "ANSA", "EFE", "Anadolu", "Yonhap", "KCNA",
            "Bloomberg", "Shutterstock", "iStock", "Corbis", "Alamy", "WireImage", "Jane Doe", "x",
            "2012", "'", "&", ".", "\u{e9}", "via", "AFP/Getty Images", "apply",
        ]), 1..9)) {
            let line = parts.concat();
            let t = line.trim().as_bytes();
            if !t.is_empty() && t.len() <= MAX_SHAPE_BYTES {
                own_gates_pass(t)?;
            }
        }

        /// [`own_gates_never_hide_a_match`] on lines built like comment
        /// counts: bracket, number, word, preposition, title.
        #[test]
        fn counted_gate_never_hides_a_count(
            open in proptest::sample::select(vec!["", "[", "(", "{ ", "[\t", "x"]),
            count in proptest::sample::select(vec!["12", "1,234", "1.2", "0", "No", "no", "One", "ONE", "none", "a"]),
            gap in proptest::sample::select(vec![" ", "  ", "\t", "", "\u{a0}"]),
            word in proptest::sample::select(vec![
                "comments", "Comment", "Responses", "response", "Thoughts", "thought", "replies",
                "Trackbacks", "pingback", "Pingbacks", "reply", "views",
            ]),
            tail in proptest::collection::vec(proptest::sample::select(vec![
                " ", "to", "on", "for", "\u{201c}", "\"", "'", "&quot;", "Title", "so far", "Add",
                "leave", ":", "-", "|", "...", ".", "]", ")", "}", "x",
            ]), 0..6),
        ) {
            let line = format!("{open}{count}{gap}{word}{}", tail.concat());
            let t = line.trim().as_bytes();
            own_gates_pass(t)?;
        }

        /// [`own_gates_never_hide_a_match`] on counts of comments with a
        /// word before them ("8 appreciated comments on “Title”").
        #[test]
        fn counted_word_gates_never_hide_a_match(
            count in proptest::sample::select(vec!["8", "1,234", "1.2", "no", "One", "NO", "0", "none", "o", "n"]),
            gap in proptest::sample::select(vec![" ", "  ", "\t", "\x0b", "", " \n"]),
            word in proptest::sample::select(vec!["appreciated", "GREAT", "x", "", "two words", "n1ce", "é"]),
            gap2 in proptest::sample::select(vec![" ", "  ", "\t", "\x0b", ""]),
            kind in proptest::sample::select(vec!["comments", "Comment", "responses", "thoughts", "replies", "posts"]),
            to in proptest::sample::select(vec![" to", " on", " for", " ON"]),
            quote in proptest::sample::select(vec![" \"", " '", " \u{201c}", " &quot;", " \u{a0}", " x"]),
            title in proptest::sample::select(vec!["Title\"", "Our new library\u{201d}", "a", ""]),
        ) {
            let line = format!("{count}{gap}{word}{gap2}{kind}{to}{quote}{title}");
            own_gates_pass(line.trim().as_bytes())?;
        }

        /// [`own_gates_never_hide_a_match`] on counts of comments in a
        /// sentence ("Seen by Ann on May 2. There are 12 comments so far.")
        /// and Blogger's "Ann said...".
        #[test]
        fn sentence_count_gates_never_hide_a_match(
            lead in proptest::sample::select(vec!["", "Seen by Ann on May 2 2012. ", "Posted! ", "x. "]),
            there in proptest::sample::select(vec!["There are", "there is", "THERE ARE", "There  is"]),
            count in proptest::sample::select(vec!["12", "1,234", "no", "One", "0"]),
            word in proptest::sample::select(vec![
                "comments", "Comment", "responses", "response", "replies", "reader comments",
            ]),
            after in proptest::sample::select(vec![
                "", " yet", " so far", " about", " on this post", " on this article", " on this story",
                " on this entry", " YET",
            ]),
            end in proptest::sample::select(vec!["", ".", ":", " .", " :", "!", ",", " ", ".."]),
            name in proptest::sample::select(vec!["Ann", "Jane Doe", "jdoe_12", "A B C D", "That"]),
            said in proptest::sample::select(vec![" said...", " said\u{2026}", " said ...", " said \u{2026}", "said...", " said.", " said...."]),
        ) {
            let line = format!("{lead}{there} {count} {word}{after}{end}");
            let t = line.trim().as_bytes();
            own_gates_pass(t)?;
            let line = format!("{name}{said}");
            own_gates_pass(line.trim().as_bytes())?;
        }

        /// The read-more labels' prefix gate never hides a match: each
        /// label in any case, with its colon and a headline.
        #[test]
        fn read_more_prefixes_pass(
            label in proptest::sample::select(vec![
                "Lea m\u{e1}s", "LEA TAMBI\u{c9}N", "lee tambi\u{e9}n", "Vea tambi\u{e9}n",
                "Tambi\u{e9}n le puede interesar", "te puede interesar", "Lesen Sie auch",
                "lies auch", "Mehr zum Thema", "\u{c0} lire aussi", "\u{e0}\tlire \u{e9}galement",
                "a lire aussi", "A\u{b}lire aussi", "Lire aussi", "Voir aussi", "Leia mais",
                "Veja tamb\u{e9}m", "Read more", "ALSO READ", "See also", "Video recomendado",
                "Te recomendamos", "MORE", "WIR EMPFEHLEN", "read NEXT",
            ]),
            gap in proptest::sample::select(vec!["", " ", "\u{a0}", " \u{a0}", "\t"]),
            rest in "[A-Za-z ]{0,12}[A-Za-z]",
        ) {
            own_gates_pass(format!("{label}{gap}:{gap}{rest}").as_bytes())?;
        }

        /// The date's first-two-bytes gate never hides a match: dates and
        /// times after each label, weekday or none, in any case.
        #[test]
        fn date_starts_pass(
            lead in proptest::sample::select(vec![
                "", "Last updated on ", "UPDATED: ", "Published ", "posted on ", "Modified ",
                "Created ", "First published ", "Date: ", "Wednesday, ", "THU ", "Fri. ", "sat ",
                "Sun ", "Mon ", "Tuesday ", "Sept ", "September ",
            ]),
            body in proptest::sample::select(vec![
                "January 5, 2012", "5 Jan 2012", "5th March, 2012", "Sept 2012", "2012-03-05",
                "5/3/12", "12.03.2012", "3-5-2012", "10:45", "9.30 am", "3pm", "3 p.m.",
                "11\u{a0}AM", "1\u{a0}am", "21st June 2011", "2nd May 2010", "3rd Oct 2010", "4th Dec 2010",
                "Aug 3, 2011 at 4:15 PM", "10:15 PM (EDT) on Nov 2 2011", "7 a.m.", "12\tpm",
                "May 2012", "june 2012", "Feb 2 2011", "Apr 3 2011", "oct 12 2010", "Nov 1 2012",
                "dec 25 2012", "Jul 4 2012", "8\npm", "1\u{b}am", "2\u{c}pm", "6\rAM",
                "5 \u{a0}pm", "14:30 on 12/3/2012",
            ]),
            tail in proptest::sample::select(vec!["", " | Updated", " EDT", ", permalink", " gmt"]),
        ) {
            own_gates_pass(format!("{lead}{body}{tail}").as_bytes())?;
        }

        /// The count-then-word gate of the comment counts in other
        /// languages never hides a match.
        #[test]
        fn counted_then_passes(
            count in proptest::sample::select(vec!["2", "142", "1.204", "3,5"]),
            gap in proptest::sample::select(vec![" ", "\t", "  ", "\u{b}", "\u{c}", "\r", "\n"]),
            word in proptest::sample::select(vec![
                "Kommentare zu", "KOMMENTAR f\u{fc}r", "kommentare F\u{dc}R", "Commentaires sur",
                "commentaire pour", "Comentarios en", "coment\u{e1}rios para", "COMENT\u{c1}RIOS em",
                "Antworten auf", "antworten zu", "r\u{e9}ponses \u{e0}", "R\u{c9}PONSE sur",
                "Respuestas a", "respostas em", "comentario sobre",
            ]),
            quote in proptest::sample::select(vec!["", "\"", "'", "\u{201e}", "\u{ab} ", "&quot;"]),
            title in "[A-Za-z ]{0,20}[A-Za-z]",
        ) {
            let line = format!("{count}{gap}{word} {quote}{title}{quote}");
            own_gates_pass(line.as_bytes())?;
        }

        /// The `u128` suffix test is the byte-by-byte one, on lines that
        /// end with the gates' words in any case, cut, glued or followed
        /// by punctuation and spaces, short and long.
        #[test]
        fn suffix_gate_is_exact(
            head in "[ a-zA-Z.\u{e9}]{0,20}",
            word in proptest::sample::select(vec![
                "comments", "Comment", "RESPONSES", "replies", "yet", "far", "About", "post",
                "article", "story", "entry", "writer", "Correspondent", "reporter", "editor",
                "columnist", "says", "SAID", "wrote", "writes", "commented", "replied", "..",
                "\u{2026}", "omments", "t", "s", ".", "ye", "rites", "said.", "sai",
                "correspondenT", "\u{e2}\u{80}", "@rite", "{ays",
            ]),
            end in proptest::sample::select(vec!["", ".", ":", ",", " ", " .", ". ", "\t", "..", " :", "!"]),
        ) {
            let line = format!("{head}{word}{end}");
            let t = line.as_bytes();
            for needs in table().iter().map(|s| s.needs) {
                let mut gates = Vec::new();
                Gate::compile(needs, &mut gates);
                for g in &gates {
                    if let (Gate::Suffix(ends, keys), Needs::All(all)) = (g, needs) {
                        let words = all.iter().find_map(|n| match n {
                            Needs::Suffix(w) => Some(*w),
                            _ => None,
                        }).expect("the Suffix need");
                        proptest::prop_assert_eq!(
                            ends_with_word(t, ends, keys),
                            ends_with_word_plain(t, words),
                            "{:?} {:?}", line, words
                        );
                        // And the gate as asked (its pair tested first).
                        let probe = Probe::of(t, None, builtin());
                        proptest::prop_assert_eq!(
                            g.pass(t, &probe),
                            ends_with_word_plain(t, words),
                            "{:?} {:?}", line, words
                        );
                    }
                }
            }
        }

        /// The letter bounds never hide a match, on dates, times and
        /// counters with as many words as the shapes allow.
        #[test]
        fn letter_gates_are_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "Last updated on", "First published", "Wednesday", "Thursday,", "September", "Sept.", "12th",
            "2012", "3:45:10", "p.m.", "AM", "(UTC+5)", "(CEST)", "gmt-3", "at", "on", "|", "-", ",", " ",
            " ", "permalink", "EDT", "\u{a0}", "\u{b7}", "about", "an", "hour", "ago", "12", "Comments",
            "Reader comments", "(3)", "1.2K", "shares", "Image", "of", "/", "16x9", "video", "5",
            "x", "word", "Posted", "Updated:", "mins", "days",
        ]), 0..24)) {
            let line = parts.concat();
            let t = line.trim().as_bytes();
            proptest::prop_assert_eq!(builtin().find(t), builtin().find_ungated(t));
        }

        /// The tags line's prefix test never hides a match.
        #[test]
        fn tags_gate_is_exact(head in proptest::sample::select(vec![
            "Tags:", "TAGGED", "tagged with", "Filed under", "FILED IN:", "Tag", "Fil", "ta", "Tags",
            "The", "filed", "tagged as:",
        ]), rest in "[ a-zA-Z,:.]{0,30}") {
            let shapes = builtin();
            let line = format!("{head}{rest}");
            let t = line.as_bytes();
            proptest::prop_assert_eq!(
                shapes.is_tags_line(t),
                shapes.is_tags_line_plain(t)
            );
        }
    }

    #[test]
    fn letter_bounds_are_the_regexes() {
        fn bound(n: Needs) -> Option<u32> {
            match n {
                Needs::MaxLetters(k) => Some(k),
                Needs::All(all) => all.iter().find_map(|&n| bound(n)),
                _ => None,
            }
        }
        for s in table() {
            assert_eq!(
                bound(s.needs),
                max_letters(s.pattern),
                "shape {}: {}",
                s.name,
                s.pattern
            );
        }
    }

    #[test]
    fn letter_bounds() {
        assert_eq!(max_letters("(?i-u)^ab[a-z]{2,5}$"), Some(7));
        assert_eq!(max_letters(r"(?i-u)^\d+\s*(?:comments?|x)$"), Some(8));
        assert_eq!(max_letters("(?i-u)^a+$"), None);
        assert_eq!(max_letters(r"(?-u)^[\x80-\xff]+\d*$"), Some(0));
        // The date line is bounded; a byline is not.
        let table = table();
        let bound = |name: &str| {
            table
                .iter()
                .find(|s| s.name == name)
                .map(|s| max_letters(s.pattern))
        };
        assert!(bound("date").flatten().is_some());
        assert_eq!(bound("byline"), Some(None));
    }
}
