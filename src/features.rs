//! Stage 2: per-line numbers the later stages decide from.
//!
//! Everything here is computed from the line's bytes alone, all of them:
//! long lines are measured in pieces of at most [`MEASURE_LIMIT`] bytes cut
//! between words, and the pieces' counts added, so a page whose converter
//! put everything on one line is judged by all its words, not by the menu
//! it starts with.

use crate::lang::{LangMask, StopLookup, Stopwords, MAX_STOPWORD, NLANG};
use crate::shapes::ProbeBytes;

/// Lines longer than this are measured in pieces of at most this many bytes.
pub const MEASURE_LIMIT: usize = 1024;

/// Weight of one CJK ideograph or kana in [`Features::weight`]: one such
/// character carries about as much text as three Latin letters.
const CJK_WEIGHT: u32 = 3;
/// Weight of one Hangul syllable.
const HANGUL_WEIGHT: u32 = 2;

/// Numbers that describe one line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Features {
    /// Characters (Unicode scalar values; an invalid byte counts as one).
    pub chars: u32,
    /// Effective length: characters, with CJK characters weighted up, so that
    /// length thresholds mean the same amount of text in every script.
    pub weight: u32,
    /// Word tokens (runs of letters/digits; each CJK character is one token).
    pub words: u32,
    /// Letters.
    pub letters: u32,
    /// Upper-case letters.
    pub upper: u32,
    /// Decimal digits.
    pub digits: u32,
    /// The line ends like a sentence (`.`, `!`, `?`, `…`, `。`, … possibly
    /// followed by closing quotes or brackets).
    pub terminal: bool,
    /// The first letter is upper-case.
    pub first_upper: bool,
    /// The line ends with a short bracketed credit, as photo captions do:
    /// `... in Vladivostok [Alexander Safronov/Reuters]`, `... (AP Photo)`.
    pub credit_end: bool,
}

impl Features {
    /// Share of letters that are upper-case.
    pub fn caps_ratio(&self) -> f32 {
        if self.letters == 0 {
            0.0
        } else {
            self.upper as f32 / self.letters as f32
        }
    }
}

/// A line's [`Features`] as the page's stages read them once the line's
/// evidence is found, in 12 bytes instead of 28 (the cleaner keeps one a
/// line for the whole page). The weight and the words are kept whole; the
/// other counts only up to 255, as a [`Capped`] that can only be compared
/// with bounds that give on it what they give on the whole count; of the
/// capitals only whether they are most of the letters; the flags in one
/// byte.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct LineFeats {
    /// [`Features::weight`].
    pub weight: u32,
    /// [`Features::words`].
    pub words: u32,
    /// [`Features::chars`] up to 255.
    pub chars: Capped,
    /// [`Features::letters`] up to 255.
    pub letters: Capped,
    /// [`Features::digits`] up to 255.
    pub digits: Capped,
    /// [`LineFeats::TERMINAL`], [`LineFeats::FIRST_UPPER`],
    /// [`LineFeats::CREDIT_END`], [`LineFeats::MOSTLY_CAPS`].
    flags: u8,
}

/// A count kept in one byte: as it is up to 254, 255 for 255 or more.
/// It is read only through tests that give on it what they give on the
/// whole count: [`Capped::at_least`] takes a `u8` bound (a larger one
/// fails to compile; "at most `n`" is `!at_least(n + 1)`), the count itself
/// is only [`Capped::exact`] below 255, and there is no sum or ratio of
/// capped counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Capped(u8);

impl Capped {
    /// The largest count kept as it is.
    pub const EXACT_MAX: u8 = u8::MAX - 1;

    #[inline]
    fn of(n: u32) -> Capped {
        Capped(n.min(u32::from(u8::MAX)) as u8)
    }

    /// Is the count `n` or more (255: 255 or more)?
    #[inline]
    pub fn at_least(self, n: u8) -> bool {
        self.0 >= n
    }

    /// Is the count zero?
    #[inline]
    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// The count, if it is at most [`Capped::EXACT_MAX`].
    #[inline]
    pub fn exact(self) -> Option<u8> {
        (self.0 <= Self::EXACT_MAX).then_some(self.0)
    }
}

impl LineFeats {
    const TERMINAL: u8 = 1;
    const FIRST_UPPER: u8 = 2;
    const CREDIT_END: u8 = 4;
    const MOSTLY_CAPS: u8 = 8;
    /// The share of capitals from which [`LineFeats::mostly_caps`] holds.
    pub const CAPS_SHARE: f32 = 0.8;

    /// `f` as the page's stages keep it.
    #[inline]
    pub fn of(f: &Features) -> LineFeats {
        LineFeats {
            weight: f.weight,
            words: f.words,
            chars: Capped::of(f.chars),
            letters: Capped::of(f.letters),
            digits: Capped::of(f.digits),
            flags: Self::flags(f.terminal, f.first_upper, f.credit_end)
                | if f.caps_ratio() >= Self::CAPS_SHARE {
                    Self::MOSTLY_CAPS
                } else {
                    0
                },
        }
    }

    #[inline]
    fn flags(terminal: bool, first_upper: bool, credit_end: bool) -> u8 {
        (u8::from(terminal) * Self::TERMINAL)
            | (u8::from(first_upper) * Self::FIRST_UPPER)
            | (u8::from(credit_end) * Self::CREDIT_END)
    }

    /// [`Features::terminal`].
    #[inline]
    pub fn terminal(&self) -> bool {
        self.flags & Self::TERMINAL != 0
    }

    /// [`Features::first_upper`].
    #[inline]
    pub fn first_upper(&self) -> bool {
        self.flags & Self::FIRST_UPPER != 0
    }

    /// [`Features::credit_end`].
    #[inline]
    pub fn credit_end(&self) -> bool {
        self.flags & Self::CREDIT_END != 0
    }

    /// [`Features::caps_ratio`] is [`LineFeats::CAPS_SHARE`] or more: the
    /// letters are mostly capitals.
    #[inline]
    pub fn mostly_caps(&self) -> bool {
        self.flags & Self::MOSTLY_CAPS != 0
    }

    /// The line with another `weight` and ending (a hard-wrapped
    /// paragraph's, for each of its lines).
    #[inline]
    pub fn with_end(self, weight: u32, terminal: bool, credit_end: bool) -> LineFeats {
        LineFeats {
            weight,
            flags: self.flags & !(Self::TERMINAL | Self::CREDIT_END)
                | Self::flags(terminal, false, credit_end),
            ..self
        }
    }

    /// A line with only these numbers (for tests).
    #[cfg(test)]
    pub fn with(words: u32, weight: u32, terminal: bool, first_upper: bool) -> LineFeats {
        LineFeats {
            weight,
            words,
            flags: Self::flags(terminal, first_upper, false),
            ..LineFeats::default()
        }
    }
}

// Four flags, each a bit of its own.
const _: () = assert!(
    (LineFeats::TERMINAL | LineFeats::FIRST_UPPER | LineFeats::CREDIT_END | LineFeats::MOSTLY_CAPS)
        .count_ones()
        == 4
);

/// Per-language stopword counts of one line.
pub type StopCounts = [u16; NLANG];

#[inline]
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x2ffff)
}

#[inline]
fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xac00..=0xd7af | 0x1100..=0x11ff | 0x3130..=0x318f)
}

#[inline]
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '。' | '！' | '？' | '．' | ';' | ':'
    )
}

#[inline]
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」' | '』' | '）' | '】' | '*'
    )
}

/// A reusable word buffer (lower-cased bytes of the current word).
struct Word {
    buf: [u8; MAX_STOPWORD],
    len: usize,
    overflow: bool,
}

impl Word {
    fn new() -> Word {
        Word {
            buf: [0; MAX_STOPWORD],
            len: 0,
            overflow: false,
        }
    }

    #[inline]
    fn push_ascii(&mut self, b: u8) {
        if self.len < MAX_STOPWORD {
            self.buf[self.len] = b.to_ascii_lowercase();
            self.len += 1;
        } else {
            self.overflow = true;
        }
    }

    #[inline]
    fn push(&mut self, c: char) {
        if self.overflow {
            return;
        }
        if c.is_ascii() {
            if self.len < MAX_STOPWORD {
                self.buf[self.len] = (c as u8).to_ascii_lowercase();
                self.len += 1;
            } else {
                self.overflow = true;
            }
            return;
        }
        for l in c.to_lowercase() {
            let n = l.len_utf8();
            if self.len + n > MAX_STOPWORD {
                self.overflow = true;
                return;
            }
            l.encode_utf8(&mut self.buf[self.len..]);
            self.len += n;
        }
    }

    /// Looks the word up and resets the buffer.
    #[inline]
    fn finish<S: StopLookup>(&mut self, stop: &S) -> LangMask {
        let m = if self.len > 0 && !self.overflow {
            stop.langs(&self.buf[..self.len])
        } else {
            0
        };
        self.len = 0;
        self.overflow = false;
        m
    }
}

#[inline]
fn add_mask(counts: &mut StopCounts, mut m: LangMask) {
    while m != 0 {
        let i = m.trailing_zeros() as usize;
        counts[i] = counts[i].saturating_add(1);
        m &= m - 1;
    }
}

/// Measures one (trimmed, non-empty) line.
pub fn measure(line: &[u8], stop: &Stopwords) -> (Features, StopCounts) {
    let (f, counts, _) = measure_plain(line, stop);
    (f, counts)
}

/// [`measure`], and whether the line is plain: at most [`MEASURE_LIMIT`]
/// bytes and ASCII or [`ascii_like`] (for [`crate::lexicon::normalise_plain`]).
pub fn measure_plain(line: &[u8], stop: &Stopwords) -> (Features, StopCounts, bool) {
    let (f, counts, plain, _) = measure_keyed(line, stop);
    (f, counts, plain)
}

/// The first `repeat::KEY_PREFIX` folded bytes
/// of an ASCII line (its letters, lower-cased, and digits), gathered word by
/// word while it is measured.
pub struct Folded {
    bytes: [u8; FOLDED_CAP],
    len: usize,
}

/// Room for a prefix and one 16-byte word copied whole after it.
const FOLDED_CAP: usize = crate::repeat::KEY_PREFIX + 16;

impl Folded {
    fn new() -> Folded {
        Folded {
            bytes: [0; FOLDED_CAP],
            len: 0,
        }
    }

    /// The folded bytes gathered (at most `KEY_PREFIX`).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// [`measure_plain`], and for an ASCII line of one piece its [`Folded`]
/// prefix (for [`crate::repeat::packed_folded_key`]).
pub fn measure_keyed(
    line: &[u8],
    stop: &Stopwords,
) -> (Features, StopCounts, bool, Option<Folded>) {
    let mut folded = Folded::new();
    let (m, ascii) = measure_with(line, stop, None, &mut folded);
    (m.features, m.stops, m.plain, ascii.then_some(folded))
}

/// What [`measure_normed`] found out about a line.
pub struct Measured {
    /// The line's features.
    pub features: Features,
    /// Its stopword counts per language.
    pub stops: StopCounts,
    /// ASCII or [`ascii_like`], and measured in one piece.
    pub plain: bool,
    /// For an ASCII line of one piece, its repeat key
    /// ([`crate::repeat::packed_folded_key`] of its folded prefix, gathered
    /// as it was measured). The key, not the prefix's 80 bytes: the
    /// caller's loop moved those from struct to struct, some 60
    /// instructions a line.
    pub key: Option<u64>,
    /// The line's normalised form was written to the buffer.
    pub normed: bool,
    /// For a plain line of at most [`crate::shapes::MAX_SHAPE_BYTES`]
    /// bytes, what the shapes' probe finds in its bytes (found as it was
    /// measured).
    pub(crate) probe: Option<ProbeBytes>,
}

/// [`measure_keyed`], and for a plain line of at most
/// [`crate::lexicon::MAX_LINE_BYTES`] bytes its normalised form
/// ([`crate::lexicon::normalise`]) written to `norm`, from the lower-cased
/// copy the measuring makes anyway ([`Measured::normed`]: whether it was).
/// Inlined into its caller, so that the result is built in place.
#[inline(always)]
pub fn measure_normed(line: &[u8], stop: &Stopwords, norm: &mut Vec<u8>) -> Measured {
    let mut folded = Folded::new();
    let (m, ascii) = measure_with(line, stop, Some(norm), &mut folded);
    Measured {
        key: ascii.then(|| crate::repeat::packed_folded_key(folded.bytes())),
        ..m
    }
}

/// [`measure_normed`], writing the normalised form only when given a
/// buffer for it, the folded prefix to `folded` (and whether it is the
/// line's: an ASCII line of one piece; `key` is left `None`).
#[inline(always)]
fn measure_with(
    line: &[u8],
    stop: &Stopwords,
    norm: Option<&mut Vec<u8>>,
    folded: &mut Folded,
) -> (Measured, bool) {
    let mut norm = norm;
    if let Some(n) = norm.as_deref_mut() {
        n.clear();
    }
    let mut want_norm = norm
        .filter(|_| line.len() <= crate::lexicon::MAX_LINE_BYTES && line.len() <= MEASURE_LIMIT);
    let mut f = Features::default();
    let mut counts: StopCounts = [0; NLANG];
    let mut plain = line.len() <= MEASURE_LIMIT;
    let mut ascii = plain;
    let mut probe = None;
    if line.len() <= MEASURE_LIMIT {
        // One piece, measured straight into the line's measures (adding
        // it to zeros would give the same).
        probe = measure_piece(
            line,
            stop,
            &mut f,
            &mut counts,
            folded,
            &mut want_norm,
            &mut plain,
            &mut ascii,
        );
    } else {
        for text in chunks(line) {
            let mut cf = Features::default();
            let mut cc: StopCounts = [0; NLANG];
            // Pieces of long lines: no shape reads them.
            let _ = measure_piece(
                text,
                stop,
                &mut cf,
                &mut cc,
                folded,
                &mut want_norm,
                &mut plain,
                &mut ascii,
            );
            add(&mut f, &mut counts, &cf, &cc);
        }
    }
    f.terminal = terminal_end(line);
    f.credit_end = credit_end(line);
    let m = Measured {
        features: f,
        stops: counts,
        plain,
        key: None,
        normed: want_norm.is_some(),
        probe,
    };
    (m, ascii)
}

/// Measures one piece of a line (see [`chunks`]) into `cf` and `cc`
/// (zero), clearing `plain`, `ascii` and `want_norm` when it is not plain;
/// returns a plain piece's [`ProbeBytes`] (see [`measure_ascii`]).
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn measure_piece(
    text: &[u8],
    stop: &Stopwords,
    cf: &mut Features,
    cc: &mut StopCounts,
    folded: &mut Folded,
    want_norm: &mut Option<&mut Vec<u8>>,
    plain: &mut bool,
    ascii: &mut bool,
) -> Option<ProbeBytes> {
    let is_ascii = all_ascii(text);
    if is_ascii || ascii_like(text) {
        let probe = measure_ascii(text, stop, cf, cc, folded, want_norm.as_deref_mut());
        if !is_ascii {
            // Punctuation outside ASCII separates words like ASCII
            // punctuation does; each such character counts once.
            *ascii = false;
            let chars = count_chars(text);
            cf.chars = chars;
            cf.weight = chars;
        }
        probe
    } else {
        *plain = false;
        *ascii = false;
        *want_norm = None;
        measure_any(text, stop, cf, cc);
        None
    }
}

/// The line cut into pieces of at most [`MEASURE_LIMIT`] bytes, each ending
/// after an ASCII space or tab where the window holds one (so no word is
/// cut), else at a character boundary.
fn chunks(line: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = line;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut cut = rest.len().min(MEASURE_LIMIT);
        if cut < rest.len() {
            if let Some(sp) = rest[..cut].iter().rposition(|&b| b == b' ' || b == b'\t') {
                cut = sp + 1;
            } else {
                while cut > 1 && is_continuation(rest[cut]) {
                    cut -= 1;
                }
            }
        }
        let (head, tail) = rest.split_at(cut);
        rest = tail;
        Some(head)
    })
}

/// Adds the measures of one piece of a line to those of the pieces before it.
fn add(f: &mut Features, counts: &mut StopCounts, piece: &Features, piece_counts: &StopCounts) {
    if f.letters == 0 {
        f.first_upper = piece.first_upper;
    }
    f.chars = f.chars.saturating_add(piece.chars);
    f.weight = f.weight.saturating_add(piece.weight);
    f.words = f.words.saturating_add(piece.words);
    f.letters = f.letters.saturating_add(piece.letters);
    f.upper = f.upper.saturating_add(piece.upper);
    f.digits = f.digits.saturating_add(piece.digits);
    for (c, p) in counts.iter_mut().zip(piece_counts) {
        *c = c.saturating_add(*p);
    }
}

/// Punctuation common in English text (typographic quotes and dashes, the
/// ellipsis, bullets, currency and trademark signs): none of it is a letter,
/// a digit or whitespace, and it lower-cases to itself.
const PUNCTUATION: &[char] = &[
    '\u{2018}', '\u{2019}', '\u{201a}', '\u{201c}', '\u{201d}', '\u{201e}', '\u{2013}', '\u{2014}',
    '\u{2026}', '\u{2022}', '\u{b7}', '\u{ab}', '\u{bb}', '\u{2039}', '\u{203a}', '\u{a9}',
    '\u{ae}', '\u{2122}', '\u{2032}', '\u{2033}', '\u{20ac}', '\u{a3}', '\u{a2}', '\u{b0}',
    '\u{bf}', '\u{a1}', '\u{a7}', '\u{b6}', '\u{2020}', '\u{2021}',
];

#[inline]
fn is_continuation(b: u8) -> bool {
    b & 0xc0 == 0x80
}

/// Bytes that do not continue a UTF-8 sequence: eight at a time, the high
/// bits of the continuation bytes (10xxxxxx) added up with a multiply.
fn count_chars(text: &[u8]) -> u32 {
    let mut chunks = text.chunks_exact(8);
    let mut continuations = 0u64;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        let m = (x & !(x << 1) & 0x8080_8080_8080_8080) >> 7;
        continuations += m.wrapping_mul(0x0101_0101_0101_0101) >> 56;
    }
    let rest = chunks.remainder();
    let tail = rest.iter().filter(|&&b| is_continuation(b)).count() as u64;
    (text.len() as u64 - continuations - tail) as u32
}

/// `text.is_ascii()`, sixteen bytes at a time (the last eight read again
/// where they overlap): the standard one's alignment steps cost more than
/// the test on a line's few dozen bytes.
#[inline]
fn all_ascii(text: &[u8]) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = |b: &[u8]| u64::from_le_bytes(b[..8].try_into().expect("eight bytes"));
    if text.len() < 8 {
        return text.iter().fold(0, |acc, &b| acc | b) < 0x80;
    }
    let mut chunks = text.chunks_exact(16);
    let mut high = 0;
    for c in &mut chunks {
        high |= word(c) | word(&c[8..]);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // The text's last eight bytes (it has eight or more), and the
        // rest's first eight when it has more: they cover it.
        high |= word(&text[text.len() - 8..]);
        if rest.len() > 8 {
            high |= word(rest);
        }
    }
    high & HIGH == 0
}

/// Is `text` valid UTF-8 with nothing outside ASCII but `PUNCTUATION`?
/// Such text is measured and normalised byte by byte like ASCII text.
pub fn ascii_like(text: &[u8]) -> bool {
    let mut i = 0;
    while i < text.len() {
        // ASCII eight bytes at a time.
        if let Some(eight) = text.get(i..i + 8) {
            if u64::from_le_bytes(eight.try_into().expect("eight bytes")) & 0x8080_8080_8080_8080
                == 0
            {
                i += 8;
                continue;
            }
        }
        let b = text[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        // One character of two or three bytes, decoded (every character
        // of PUNCTUATION is one), rejected unless valid and canonical.
        let cont = |k: usize| text.get(k).copied().filter(|&c| is_continuation(c));
        let (c, len) = match b {
            0xc2..=0xdf => match cont(i + 1) {
                Some(b1) => (u32::from(b & 0x1f) << 6 | u32::from(b1 & 0x3f), 2),
                None => return false,
            },
            0xe0..=0xef => match (cont(i + 1), cont(i + 2)) {
                (Some(b1), Some(b2)) => (
                    u32::from(b & 0x0f) << 12 | u32::from(b1 & 0x3f) << 6 | u32::from(b2 & 0x3f),
                    3,
                ),
                _ => return false,
            },
            _ => return false,
        };
        if len == 3 && c < 0x800 {
            return false;
        }
        match char::from_u32(c) {
            Some(c) if PUNCTUATION.contains(&c) => i += len,
            _ => return false,
        }
    }
    true
}

/// [`ascii_like`] through the standard decoder.
#[cfg(test)]
fn ascii_like_decoded(text: &[u8]) -> bool {
    match std::str::from_utf8(text) {
        Ok(s) => s.chars().all(|c| c.is_ascii() || PUNCTUATION.contains(&c)),
        Err(_) => false,
    }
}

/// [`measure`] without shortcuts: every line decoded, the stopwords looked
/// up in `stop` (a [`NaiveStopwords`](crate::lang::NaiveStopwords) for the
/// reference cleaner).
pub fn measure_reference<S: StopLookup>(line: &[u8], stop: &S) -> (Features, StopCounts) {
    let mut f = Features::default();
    let mut counts: StopCounts = [0; NLANG];
    for text in chunks(line) {
        let mut cf = Features::default();
        let mut cc: StopCounts = [0; NLANG];
        measure_any(text, stop, &mut cf, &mut cc);
        add(&mut f, &mut counts, &cf, &cc);
    }
    f.terminal = terminal_end_decoded(line);
    f.credit_end = credit_end(line);
    (f, counts)
}

/// `0x0101...01` times a byte: that byte in every lane of a `u64`.
#[cfg(any(test, not(target_arch = "x86_64")))]
const fn lanes(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The high bit of each lane whose (7-bit) byte is at least `c`.
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline]
fn at_least(a: u64, c: u8) -> u64 {
    a.wrapping_add(lanes(0x80 - c)) & lanes(0x80)
}

/// Per lane of eight bytes: the high bit set where the byte is an ASCII
/// digit, upper-case letter, lower-case letter (bytes of 0x80 and above are
/// none of them).
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline]
fn classes(x: u64) -> (u64, u64, u64) {
    let a = x & lanes(0x7f);
    let ascii = !x & lanes(0x80);
    let digit = at_least(a, b'0') & !at_least(a, b'9' + 1) & ascii;
    let upper = at_least(a, b'A') & !at_least(a, b'Z' + 1) & ascii;
    let lower = at_least(a, b'a') & !at_least(a, b'z' + 1) & ascii;
    (digit, upper, lower)
}

/// The high bits of the eight lanes gathered into the low 8 bits.
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline]
fn gather(high: u64) -> u64 {
    ((high >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Classifies the first `n` bytes of `buf` (padded to a multiple of 16
/// past them with bytes that are no letter or digit; with `P`, spaces):
/// the bits of ASCII letters and digits into `alnum`, the
/// bytes lower-cased in place; returns the counts of digits, upper-case
/// letters and letters, and whether the first letter is upper-case.
///
/// Sixteen bytes at a time with SSE2; the counts are kept per byte lane
/// (at most 64 blocks, fewer than 255) and added once at the end.
///
/// With `P` (a line of at most [`crate::shapes::MAX_SHAPE_BYTES`] bytes),
/// the same pass finds the line's [`crate::shapes::ProbeBytes`] (the
/// bytes the shapes' gates look at, which their probe found in a pass of
/// its own), from the bytes as they were before lower-casing.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn classify<const P: bool>(
    buf: &mut [u8],
    n: usize,
    alnum: &mut [u64],
) -> (u32, u32, u32, bool, Option<ProbeBytes>) {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_extract_epi16,
        _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_sad_epu8, _mm_set1_epi8,
        _mm_setzero_si128, _mm_storeu_si128, _mm_sub_epi8,
    };
    debug_assert!(n <= MEASURE_LIMIT && buf.len() >= n.div_ceil(16) * 16);
    debug_assert!(!P || n <= crate::shapes::MAX_SHAPE_BYTES);
    // SAFETY: SSE2 is part of x86_64; each block is 16 bytes of `buf`
    // (bounds-checked slices), loaded and stored unaligned.
    unsafe {
        let zero = _mm_setzero_si128();
        let (mut dc, mut uc, mut lc) = (zero, zero, zero);
        let mut first_upper = None;
        // The probe's: separators counted per lane (at most 15 blocks),
        // `:`, `@` and 0xe2 found, the bits of bytes that are no name's,
        // of `y` (first 128 bytes) and of agency breaks (first 48).
        let (mut seps, mut colon, mut at, mut e2) = (zero, zero, zero, zero);
        let (mut name, mut y_at, mut breaks) = (_mm_cmpeq_epi8(zero, zero), 0u128, 0u64);
        let mut i = 0;
        while i < n {
            let block: &mut [u8; 16] = (&mut buf[i..i + 16]).try_into().expect("sixteen bytes");
            let x = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
            // Bytes lo..lo + len moved to -128..-128 + len (and no other byte
            // there), then one signed comparison.
            let range = |lo: u8, len: u8| {
                let t = _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8));
                _mm_cmplt_epi8(t, _mm_set1_epi8((0x80u8 + len) as i8))
            };
            let (d, u, l) = (range(b'0', 10), range(b'A', 26), range(b'a', 26));
            // The copy is lower-cased as it goes, for the stopword keys.
            let lowered = _mm_or_si128(x, _mm_and_si128(u, _mm_set1_epi8(0x20)));
            _mm_storeu_si128(block.as_mut_ptr().cast::<__m128i>(), lowered);
            // Compare results are -1: subtracting them counts.
            dc = _mm_sub_epi8(dc, d);
            uc = _mm_sub_epi8(uc, u);
            lc = _mm_sub_epi8(lc, l);
            let ul = _mm_or_si128(u, l);
            let a = _mm_movemask_epi8(_mm_or_si128(ul, d)) as u32 as u64;
            alnum[i / 64] |= a << (i % 64);
            if P {
                // As `shapes::probe_bytes` reads them.
                let eq = |b: u8| _mm_cmpeq_epi8(x, _mm_set1_epi8(b as i8));
                let m = crate::shapes::block_marks(x, _mm_or_si128(d, ul));
                let (space, slash) = (m.space, m.slash);
                // The spaces past the text are name bytes and nothing else
                // the probe looks for (but agency breaks, kept to the
                // text below).
                name = _mm_and_si128(name, m.name);
                seps = _mm_sub_epi8(seps, m.sep);
                colon = _mm_or_si128(colon, m.colon);
                at = _mm_or_si128(at, m.at);
                e2 = _mm_or_si128(e2, m.e2);
                if i < 128 {
                    let y = _mm_cmpeq_epi8(lowered, _mm_set1_epi8(b'y' as i8));
                    y_at |= u128::from(_mm_movemask_epi8(y) as u16) << i;
                }
                if i < 48 {
                    let brk = _mm_or_si128(space, _mm_or_si128(slash, eq(b'(')));
                    breaks |= u64::from(_mm_movemask_epi8(brk) as u16) << i;
                }
            }
            if first_upper.is_none() {
                let letters = _mm_movemask_epi8(ul) as u32;
                if letters != 0 {
                    let up = _mm_movemask_epi8(u) as u32;
                    first_upper = Some(up >> letters.trailing_zeros() & 1 != 0);
                }
            }
            i += 16;
        }
        let sum = |v: __m128i| {
            let s = _mm_sad_epu8(v, zero);
            (_mm_extract_epi16::<0>(s) + _mm_extract_epi16::<4>(s)) as u32
        };
        let (digits, upper) = (sum(dc), sum(uc));
        let letters = upper + sum(lc);
        let probe = P.then(|| {
            let any = |v: __m128i| _mm_movemask_epi8(v) != 0;
            crate::shapes::probe_of_parts(
                digits,
                letters,
                any(colon),
                any(at),
                _mm_movemask_epi8(name) != 0xffff,
                any(e2),
                sum(seps) as usize,
                y_at,
                breaks & ((1 << n.min(crate::shapes::AGENCY_WITHIN)) - 1),
            )
        });
        (digits, upper, letters, first_upper.unwrap_or(false), probe)
    }
}

/// [`classify`] where SSE2 is not (the probe from the bytes before they
/// are lower-cased, in a pass of its own).
#[cfg(not(target_arch = "x86_64"))]
fn classify<const P: bool>(
    buf: &mut [u8],
    n: usize,
    alnum: &mut [u64],
) -> (u32, u32, u32, bool, Option<ProbeBytes>) {
    let probe = P.then(|| crate::shapes::probe_bytes(&buf[..n]));
    let (digits, upper, letters, first_upper) = classify_swar(buf, n, alnum);
    (digits, upper, letters, first_upper, probe)
}

/// [`classify`] eight bytes at a time in a `u64` (SWAR).
#[cfg(any(test, not(target_arch = "x86_64")))]
fn classify_swar(buf: &mut [u8], n: usize, alnum: &mut [u64]) -> (u32, u32, u32, bool) {
    let (mut digits, mut upper, mut letters) = (0u32, 0u32, 0u32);
    let mut first_upper: Option<bool> = None;
    let mut i = 0;
    while i < n {
        let (mut dm, mut um, mut lm) = (0u64, 0u64, 0u64);
        let mut k = 0;
        while k < 64 && i + k < n {
            let (d, u, l) = classify16(&mut buf[i + k..i + k + 16]);
            dm |= d << k;
            um |= u << k;
            lm |= l << k;
            k += 16;
        }
        digits += dm.count_ones();
        upper += um.count_ones();
        letters += (um | lm).count_ones();
        if first_upper.is_none() && (um | lm) != 0 {
            first_upper = Some(um >> (um | lm).trailing_zeros() & 1 != 0);
        }
        alnum[i / 64] = dm | um | lm;
        i += 64;
    }
    (digits, upper, letters, first_upper.unwrap_or(false))
}

/// Classifies 16 bytes (bit i of each mask: byte i is an ASCII digit,
/// upper-case letter, lower-case letter) and lower-cases them in place,
/// eight bytes at a time (for [`classify`] where SSE2 is not).
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline(always)]
fn classify16(block: &mut [u8]) -> (u64, u64, u64) {
    let (mut dm, mut um, mut lm) = (0u64, 0u64, 0u64);
    for (h, half) in block.chunks_exact_mut(8).enumerate() {
        let x = u64::from_le_bytes((&*half).try_into().expect("eight bytes"));
        let (d, u, l) = classes(x);
        half.copy_from_slice(&(x | (u >> 2)).to_le_bytes());
        dm |= gather(d) << (8 * h);
        um |= gather(u) << (8 * h);
        lm |= gather(l) << (8 * h);
    }
    (dm, um, lm)
}

/// [`measure_any`] for text whose bytes outside ASCII belong to
/// punctuation (see [`ascii_like`]): eight bytes at a time, then the
/// stopwords a word at a time.
///
/// The first words' bytes (lower-cased) are appended to `folded` until it
/// holds [`crate::repeat::KEY_PREFIX`] bytes.
///
/// With `norm`, the text's normalised form is written there.
///
/// A text of at most [`crate::shapes::MAX_SHAPE_BYTES`] bytes gets its
/// [`ProbeBytes`] (see [`classify`]), for the shapes; a longer one `None`.
fn measure_ascii(
    text: &[u8],
    stop: &Stopwords,
    f: &mut Features,
    counts: &mut StopCounts,
    folded: &mut Folded,
    norm: Option<&mut Vec<u8>>,
) -> Option<ProbeBytes> {
    const SHAPE_BUF: usize = crate::shapes::MAX_SHAPE_BYTES + 24;
    // Most lines are short: their copy (below) is filled in a small buffer.
    if text.len() + 24 <= SHORT_BUF {
        const _: () = assert!(SHORT_BUF - 24 <= crate::shapes::MAX_SHAPE_BYTES);
        measure_ascii_in::<SHORT_BUF, { SHORT_BUF / 64 + 1 }, { long_words(SHORT_BUF - 24) }, true>(
            text, stop, f, counts, folded, norm,
        )
    } else if text.len() <= crate::shapes::MAX_SHAPE_BYTES {
        measure_ascii_in::<
            SHAPE_BUF,
            { SHAPE_BUF / 64 + 1 },
            { long_words(crate::shapes::MAX_SHAPE_BYTES) },
            true,
        >(text, stop, f, counts, folded, norm)
    } else {
        measure_ascii_in::<
            { MEASURE_LIMIT + 24 },
            { MEASURE_LIMIT / 64 + 1 },
            { long_words(MEASURE_LIMIT) },
            false,
        >(text, stop, f, counts, folded, norm)
    }
}

/// The size of [`measure_ascii`]'s buffer for short lines.
const SHORT_BUF: usize = 128;

/// [`measure_ascii`] with a buffer of `N` bytes (at least the text's
/// length + 24) and bit masks of `G` words of 64 bits (more than the text's
/// length / 64: short lines zero fewer), room for `L` words of 17 to
/// [`MAX_STOPWORD`] bytes (at least [`long_words`] of the text's length);
/// with `P`, the text's [`ProbeBytes`].
#[inline(always)]
fn measure_ascii_in<const N: usize, const G: usize, const L: usize, const P: bool>(
    text: &[u8],
    stop: &Stopwords,
    f: &mut Features,
    counts: &mut StopCounts,
    folded: &mut Folded,
    norm: Option<&mut Vec<u8>>,
) -> Option<ProbeBytes> {
    let n = text.len();
    debug_assert!(n <= MEASURE_LIMIT && n + 24 <= N && n.div_ceil(64) < G && long_words(n) <= L);
    f.chars = n as u32;
    f.weight = n as u32;
    // A copy with 16 bytes after the text, so that every 8-byte lane and
    // 16-byte word key can be loaded whole: spaces, which are no letter
    // or digit (and a name's byte for the shapes' probe, see `classify`).
    let mut buf = [b' '; N];
    buf[..n].copy_from_slice(text);
    // Bit i of `alnum[i / 64]`: byte i is an ASCII letter or digit.
    let mut alnum = [0u64; G];
    let (digits, upper, letters, first_upper, probe) = classify::<P>(&mut buf, n, &mut alnum);
    f.digits = digits;
    f.upper = upper;
    f.letters = letters;
    f.first_upper = first_upper;
    let groups = n.div_ceil(64);
    if let Some(norm) = norm {
        // From the first to the last letter or digit, lower-cased already;
        // whitespace other than single spaces between is squeezed the
        // long way.
        norm.clear();
        let first = (0..groups).find(|&w| alnum[w] != 0);
        if let Some(fw) = first {
            let start = fw * 64 + alnum[fw].trailing_zeros() as usize;
            let lw = (fw..groups).rev().find(|&w| alnum[w] != 0).unwrap_or(fw);
            let end = lw * 64 + 64 - alnum[lw].leading_zeros() as usize;
            let core = &buf[start..end];
            if crate::lexicon::irregular_space(core) {
                squeeze_spaces(core, norm);
            } else {
                norm.extend_from_slice(core);
            }
        }
    }

    f.words = walk_words::<L>(&buf, &alnum[..], groups, stop, counts, folded);
    probe
}

/// The words of [`measure_ascii_in`]'s copy `buf` (lower-cased, with at
/// least 16 bytes that are no letter or digit after the text), the runs of
/// set bits of `alnum` in its first `groups` groups: their stopword
/// languages added to `counts`, the first words' bytes appended to
/// `folded` until it holds [`crate::repeat::KEY_PREFIX`] bytes; returns
/// how many there are.
///
/// Nothing in the loop calls a function (a word of more than 16 bytes is
/// looked up after it, a word's bytes are copied to `folded` sixteen at a
/// time): a call would take the loop's registers, and its values were kept
/// on the stack instead, some ten loads and stores a word.
#[inline(always)]
fn walk_words<const L: usize>(
    buf: &[u8],
    alnum: &[u64],
    groups: usize,
    stop: &Stopwords,
    counts: &mut StopCounts,
    folded: &mut Folded,
) -> u32 {
    // Each word starts at a set bit whose bit before is clear, and runs up
    // to the next clear bit (in a later group when it reaches the end of
    // its own). The bytes past the text are no letters or digits, so
    // every word starts in one of the first `groups` groups and ends in
    // group `groups` at the latest.
    let load =
        |buf: &[u8], i: usize| u64::from_le_bytes(buf[i..i + 8].try_into().expect("eight bytes"));
    let mut count = 0;
    let mut carry = 0;
    // The first words' bytes go to `folded` until it is full.
    let mut flen = folded.len;
    // Per language.
    let mut hits = Hits::new();
    // Words of 17 to 32 bytes that may be stopwords, looked up after the
    // loop: where they start and how long they are. The text holds at most
    // L of them (see `long_words`): a short line's room is a few bytes to
    // zero, not a long one's 228.
    let mut long = [(0u16, 0u16); L];
    let mut nlong = 0;
    for w in 0..groups {
        let a = alnum[w];
        let mut starts = a & !(a << 1 | carry);
        carry = a >> 63;
        while starts != 0 {
            // Counted one by one: without the POPCNT instruction (not in
            // the baseline x86_64 target) `count_ones` is some twenty
            // instructions a group, a word here one.
            count += 1;
            let b = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            let start = w * 64 + b;
            let mut end = start + (!(a >> b)).trailing_zeros() as usize;
            let mut v = w + 1;
            while end == v * 64 {
                end += (!alnum[v]).trailing_zeros() as usize;
                v += 1;
            }
            let len = end - start;
            if flen < crate::repeat::KEY_PREFIX {
                // Sixteen bytes at a time: those after the word (or after
                // the prefix's end) are overwritten or never read. The
                // copy stays in `folded` (flen + k < KEY_PREFIX) and in
                // `buf` (start + k < end, 16 bytes after the text).
                let take = len.min(crate::repeat::KEY_PREFIX - flen);
                let mut k = 0;
                while k < take {
                    folded.bytes[flen + k..flen + k + 16]
                        .copy_from_slice(&buf[start + k..start + k + 16]);
                    k += 16;
                }
                flen += take;
            }
            let m = if len <= 8 {
                // Already lower-cased; the bytes after the word masked
                // off (and no zero byte in it).
                stop.lookup_short_nonzero(load(buf, start) & KEY_LO[len])
            } else if !stop.ascii_len_may_match(len) {
                // The word (ASCII letters and digits) has a length no
                // ASCII stopword has: no lookup.
                0
            } else if len <= 16 {
                let lo = load(buf, start) & KEY_LO[len];
                let hi = load(buf, start + 8) & KEY_HI[len];
                stop.lookup_key((lo as u128) | ((hi as u128) << 64), len)
            } else {
                if len <= MAX_STOPWORD {
                    long[nlong] = (start as u16, len as u16);
                    nlong += 1;
                }
                0
            };
            if m != 0 {
                hits.add(m);
            }
        }
    }
    folded.len = flen;
    for &(start, len) in &long[..nlong] {
        let start = usize::from(start);
        hits.add(stop.lookup(&buf[start..start + usize::from(len)]));
    }
    for (c, h) in counts.iter_mut().zip(hits.counts()) {
        *c += h;
    }
    count
}

/// The stopword hits of one piece of a line per language (at most
/// [`MEASURE_LIMIT`] bytes, so at most half as many words: they cannot
/// overflow 16 bits), kept for 16 languages: with SSE2 in two vectors of
/// eight lanes, a word's languages added as two rows of [`SPREAD`] (some
/// ten instructions a stopword, not six a language of it).
#[cfg(target_arch = "x86_64")]
struct Hits {
    lo: std::arch::x86_64::__m128i,
    hi: std::arch::x86_64::__m128i,
}

/// Row `b`: lane `k` is bit `k` of `b` (1 or 0).
#[cfg(target_arch = "x86_64")]
#[repr(align(16))]
struct Spread([[u16; 8]; 256]);

/// The lanes of each byte of a [`LangMask`], for [`Hits::add`].
#[cfg(target_arch = "x86_64")]
static SPREAD: Spread = {
    let mut t = [[0u16; 8]; 256];
    let mut b = 0;
    while b < 256 {
        let mut k = 0;
        while k < 8 {
            t[b][k] = ((b >> k) & 1) as u16;
            k += 1;
        }
        b += 1;
    }
    Spread(t)
};

#[cfg(target_arch = "x86_64")]
impl Hits {
    #[inline(always)]
    fn new() -> Hits {
        // SAFETY: SSE2 is part of x86_64.
        unsafe {
            let zero = std::arch::x86_64::_mm_setzero_si128();
            Hits { lo: zero, hi: zero }
        }
    }

    /// Adds one to the count of each language of `m`.
    #[inline(always)]
    fn add(&mut self, m: LangMask) {
        use std::arch::x86_64::{__m128i, _mm_add_epi16, _mm_load_si128};
        let (lo, hi) = (
            &SPREAD.0[usize::from(m as u8)],
            &SPREAD.0[usize::from(m >> 8)],
        );
        // SAFETY: SSE2 is part of x86_64; each row is 16 bytes, aligned
        // (the table is, and a row is 16 bytes).
        unsafe {
            self.lo = _mm_add_epi16(self.lo, _mm_load_si128(lo.as_ptr().cast::<__m128i>()));
            self.hi = _mm_add_epi16(self.hi, _mm_load_si128(hi.as_ptr().cast::<__m128i>()));
        }
    }

    /// The counts, language `k` at `k`.
    #[inline(always)]
    fn counts(&self) -> [u16; 16] {
        use std::arch::x86_64::{__m128i, _mm_storeu_si128};
        let mut out = [0u16; 16];
        // SAFETY: SSE2 is part of x86_64; 32 bytes of the array, unaligned.
        unsafe {
            _mm_storeu_si128(out.as_mut_ptr().cast::<__m128i>(), self.lo);
            _mm_storeu_si128(out[8..].as_mut_ptr().cast::<__m128i>(), self.hi);
        }
        out
    }
}

/// [`Hits`] where SSE2 is not: a count a language, a bit of the mask at a
/// time.
#[cfg(not(target_arch = "x86_64"))]
struct Hits([u16; 16]);

#[cfg(not(target_arch = "x86_64"))]
impl Hits {
    #[inline(always)]
    fn new() -> Hits {
        Hits([0; 16])
    }

    #[inline(always)]
    fn add(&mut self, m: LangMask) {
        add_hits(&mut self.0, m);
    }

    #[inline(always)]
    fn counts(&self) -> [u16; 16] {
        self.0
    }
}

/// The most words of 17 bytes or more a text of `n` bytes holds (each
/// takes 17 bytes and one more before the next: 18k - 1 <= n), the room
/// [`walk_words`] needs for them; at least one.
const fn long_words(n: usize) -> usize {
    let k = (n + 1) / (MAX_STOPWORD / 2 + 2);
    if k == 0 {
        1
    } else {
        k
    }
}

/// Adds a word's stopword languages to the counts of one piece of a line
/// (at most [`MEASURE_LIMIT`] bytes, so at most half as many words: they
/// cannot overflow), kept for 16 languages so that a bit of the mask
/// indexes them without a bounds test.
#[cfg(any(test, not(target_arch = "x86_64")))]
#[inline(always)]
fn add_hits(hits: &mut [u16; 16], mut m: LangMask) {
    while m != 0 {
        hits[(m.trailing_zeros() & 15) as usize] += 1;
        m &= m - 1;
    }
}

/// Appends `core` (lower-cased already) to `out` with each run of ASCII
/// whitespace made one space, as [`crate::lexicon::normalise_ascii`] does
/// (without finding the core and lower-casing it again). Eight bytes with
/// no control byte and no space after a space are copied as they are; the
/// others go a byte at a time.
fn squeeze_spaces(core: &[u8], out: &mut Vec<u8>) {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each zero byte of `t` (exactly: no carry between bytes).
    let zeros = |t: u64| !(((t & LOW7) + LOW7) | t) & HIGH;
    let base = out.len();
    out.resize(base + core.len(), 0);
    let dst = &mut out[base..];
    let (mut i, mut k, mut space) = (0, 0, false);
    while i + 8 <= core.len() {
        let x = u64::from_le_bytes(core[i..i + 8].try_into().expect("eight bytes"));
        let spaces = zeros(x ^ 0x2020_2020_2020_2020);
        // Bytes below 0x20 (tabs and line breaks among them).
        let control = zeros(x & 0xe0e0_e0e0_e0e0_e0e0);
        // A space right after a space, in the eight bytes or across their start.
        let double = spaces & (spaces << 8 | u64::from(space) << 7);
        if control | double == 0 {
            dst[k..k + 8].copy_from_slice(&core[i..i + 8]);
            k += 8;
            space = spaces >> 63 != 0;
        } else {
            for &b in &core[i..i + 8] {
                squeeze_byte(dst, &mut k, &mut space, b);
            }
        }
        i += 8;
    }
    for &b in &core[i..] {
        squeeze_byte(dst, &mut k, &mut space, b);
    }
    out.truncate(base + k);
}

/// One byte of [`squeeze_spaces`]: written at `k`, which moves past it
/// unless it is whitespace after whitespace (`space`).
#[inline(always)]
fn squeeze_byte(dst: &mut [u8], k: &mut usize, space: &mut bool, b: u8) {
    let ws = b == b' ' || b.wrapping_sub(b'\t') < 5;
    dst[*k] = if ws { b' ' } else { b };
    *k += usize::from(!(ws && *space));
    *space = ws;
}

/// The low 8 bytes of a word key of each length (0..=16): the word's own.
const KEY_LO: [u64; 17] = {
    let mut t = [0u64; 17];
    let mut len = 0;
    while len <= 16 {
        t[len] = if len >= 8 { !0 } else { (1 << (8 * len)) - 1 };
        len += 1;
    }
    t
};

/// The high 8 bytes of a word key of each length (0..=16).
const KEY_HI: [u64; 17] = {
    let mut t = [0u64; 17];
    let mut len = 9;
    while len <= 16 {
        t[len] = if len == 16 {
            !0
        } else {
            (1 << (8 * (len - 8))) - 1
        };
        len += 1;
    }
    t
};

/// Measures any text, decoding UTF-8 (invalid bytes count as one character
/// each and end a word).
fn measure_any<S: StopLookup>(text: &[u8], stop: &S, f: &mut Features, counts: &mut StopCounts) {
    let mut word = Word::new();
    let mut in_word = false;
    let mut seen_letter = false;
    for chunk in text.utf8_chunks() {
        let valid = chunk.valid();
        let bytes = valid.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // ASCII fast path: no decoding, no Unicode tables.
            if b < 0x80 {
                i += 1;
                f.chars += 1;
                f.weight += 1;
                if b.is_ascii_alphanumeric() {
                    if b.is_ascii_alphabetic() {
                        f.letters += 1;
                        if b.is_ascii_uppercase() {
                            f.upper += 1;
                            if !seen_letter {
                                f.first_upper = true;
                            }
                        }
                        seen_letter = true;
                    } else {
                        f.digits += 1;
                    }
                    if !in_word {
                        f.words += 1;
                        in_word = true;
                    }
                    word.push_ascii(b);
                } else if in_word {
                    add_mask(counts, word.finish(stop));
                    in_word = false;
                }
                continue;
            }
            let c = valid[i..].chars().next().expect("a char at a boundary");
            i += c.len_utf8();
            f.chars += 1;
            if is_cjk(c) {
                f.weight += CJK_WEIGHT;
                f.letters += 1;
                if in_word {
                    add_mask(counts, word.finish(stop));
                    in_word = false;
                }
                word.push(c);
                add_mask(counts, word.finish(stop));
                f.words += 1;
                seen_letter = true;
            } else if c.is_alphanumeric() {
                f.weight += if is_hangul(c) { HANGUL_WEIGHT } else { 1 };
                if c.is_alphabetic() {
                    f.letters += 1;
                    if c.is_uppercase() {
                        f.upper += 1;
                        if !seen_letter {
                            f.first_upper = true;
                        }
                    }
                    seen_letter = true;
                }
                if !in_word {
                    f.words += 1;
                    in_word = true;
                }
                word.push(c);
            } else {
                f.weight += 1;
                if in_word {
                    add_mask(counts, word.finish(stop));
                    in_word = false;
                }
            }
        }
        let bad = chunk.invalid().len() as u32;
        if bad > 0 {
            f.chars += bad;
            f.weight += bad;
            if in_word {
                add_mask(counts, word.finish(stop));
                in_word = false;
            }
        }
    }
    if in_word {
        add_mask(counts, word.finish(stop));
    }
}

/// Does the line end with a bracketed group of at most 48 bytes that
/// starts after a space or a sentence end?
fn credit_end(line: &[u8]) -> bool {
    let (open, close) = match line.last() {
        Some(b']') => (b'[', b']'),
        Some(b')') => (b'(', b')'),
        _ => return false,
    };
    let tail = &line[line.len().saturating_sub(50)..line.len() - 1];
    match memchr::memrchr(open, tail) {
        Some(i) => {
            let inner = &tail[i + 1..];
            !inner.is_empty() && !inner.contains(&close) && i > 0 && line.len() > 60
        }
        None => false,
    }
}

/// Does the line end like a sentence?
fn terminal_end(line: &[u8]) -> bool {
    // Most lines end in an ASCII byte that is no closer or space.
    if let Some(&b) = line.last() {
        if b.is_ascii()
            && !matches!(b, b'"' | b'\'' | b')' | b']' | b'*')
            && !b.is_ascii_whitespace()
            && b != 0x0b
        {
            return matches!(b, b'.' | b'!' | b'?' | b';' | b':');
        }
    }
    terminal_end_tail(line)
}

/// [`terminal_end_decoded`] with one UTF-8 check where the last 16 bytes,
/// but for the continuation bytes they start with (no valid suffix starts
/// with one), are valid.
fn terminal_end_tail(line: &[u8]) -> bool {
    let tail = &line[line.len().saturating_sub(16)..];
    let skip = tail.iter().take_while(|&&b| is_continuation(b)).count();
    let Ok(s) = std::str::from_utf8(&tail[skip..]) else {
        return terminal_end_decoded(line);
    };
    for c in s.chars().rev() {
        if is_closer(c) || c.is_whitespace() {
            continue;
        }
        return is_terminal(c);
    }
    false
}

/// [`terminal_end`], decoding the end of the line.
fn terminal_end_decoded(line: &[u8]) -> bool {
    let tail = &line[line.len().saturating_sub(16)..];
    // Find a char boundary in the tail.
    let start = (0..tail.len())
        .find(|&i| std::str::from_utf8(&tail[i..]).is_ok())
        .unwrap_or(tail.len());
    let s = std::str::from_utf8(&tail[start..]).unwrap_or("");
    for c in s.chars().rev() {
        if is_closer(c) || c.is_whitespace() {
            continue;
        }
        return is_terminal(c);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn counts_words_and_stopwords() {
        let s = Stopwords::builtin();
        let (f, c) = measure(
            "Kim did not want to look too dependent on Washington, he said.".as_bytes(),
            &s,
        );
        assert_eq!(f.words, 12);
        assert!(f.terminal);
        assert!(f.first_upper);
        assert!(c[Lang::En as usize] >= 4, "{c:?}");
    }

    #[test]
    fn cjk_characters_are_tokens() {
        let s = Stopwords::builtin();
        let (f, _) = measure("我们的新闻".as_bytes(), &s);
        assert_eq!(f.words, 5);
        assert_eq!(f.weight, 15);
        assert!(!f.terminal);
    }

    /// A long line is measured whole: a menu in its first kilobyte does not
    /// hide the prose after it, and no word is cut or counted twice.
    #[test]
    fn long_lines_are_measured_whole() {
        let s = Stopwords::builtin();
        let menu = "Home News Sport Weather Business Culture ".repeat(30);
        let prose =
            "The minister said that the talks would go on for as long as they were needed. "
                .repeat(40);
        let line = format!("{menu}{prose}");
        let line = line.trim();
        assert!(line.len() > 4 * MEASURE_LIMIT);
        let (f, counts) = measure(line.as_bytes(), &s);
        let words = line.split(' ').count() as u32;
        assert_eq!(f.words, words);
        assert_eq!(f.chars as usize, line.len());
        // "the", "that", "would", "on", "for", "as", "they", "were": 10 of
        // the 17 words of each sentence are English stopwords.
        let en = counts[crate::lang::Lang::En as usize] as u32;
        assert!(en >= 40 * 9, "{en} stopwords");
        assert!(f.first_upper);
        assert_eq!(measure_reference(line.as_bytes(), &s), (f, counts));
        // A line with no space at all is cut at character boundaries.
        let long_word = "é".repeat(3 * MEASURE_LIMIT);
        let (g, _) = measure(long_word.as_bytes(), &s);
        assert_eq!(g.chars as usize, 3 * MEASURE_LIMIT);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// [`LineFeats`] answers every test the page's stages make of a
        /// line's counts as its whole [`Features`] do: the characters,
        /// letters and digits against bounds up to 255 ([`Capped`]; the
        /// count itself only up to 254, as `wrap_width` reads it), the
        /// share of capitals against 0.8; the weight, words and flags are
        /// kept, and a paragraph's weight and ending replace the line's.
        #[test]
        fn line_feats_answer_as_the_features(
            counts in proptest::array::uniform4(proptest::sample::select(vec![
                0u32, 1, 2, 3, 4, 5, 9, 100, 250, 251, 254, 255, 256, 257, 1000,
                65_535, 65_536, 1 << 20, u32::MAX,
            ])),
            extra in 0usize..3,
            flags in proptest::array::uniform3(proptest::bool::ANY),
            end in proptest::array::uniform2(proptest::bool::ANY),
            bound in proptest::num::u8::ANY,
            weights in proptest::array::uniform2(proptest::num::u32::ANY),
            words in proptest::num::u32::ANY,
        ) {
            // No line has more letters than characters, nor more capitals
            // than letters.
            let mut c = counts;
            c.sort_unstable();
            let (upper, letters, chars) = (c[0], c[1], c[3]);
            let f = Features {
                chars,
                weight: weights[0],
                words,
                letters,
                upper,
                digits: c[2].min(chars - letters),
                terminal: flags[0],
                first_upper: flags[1],
                credit_end: flags[2],
            };
            let g = LineFeats::of(&f);
            proptest::prop_assert_eq!((g.weight, g.words), (f.weight, f.words));
            proptest::prop_assert_eq!(
                (g.terminal(), g.first_upper(), g.credit_end()),
                (f.terminal, f.first_upper, f.credit_end)
            );
            // (The stages ask `caps_ratio() < 0.8`: never NaN.)
            proptest::prop_assert!(!f.caps_ratio().is_nan());
            proptest::prop_assert_eq!(g.mostly_caps(), f.caps_ratio() >= 0.8);
            for k in [bound, 0, 1, 2, 3, 4, 250, 254, 255] {
                for (capped, whole) in [(g.chars, f.chars), (g.letters, f.letters), (g.digits, f.digits)] {
                    proptest::prop_assert_eq!(capped.at_least(k), whole >= u32::from(k));
                    if let Some(k1) = k.checked_add(1) {
                        // "At most k".
                        proptest::prop_assert_eq!(!capped.at_least(k1), whole <= u32::from(k));
                    }
                    proptest::prop_assert_eq!(capped.is_zero(), whole == 0);
                    // Known as it is up to 254, else not at all.
                    proptest::prop_assert_eq!(
                        capped.exact().map(u32::from),
                        (whole <= u32::from(Capped::EXACT_MAX)).then_some(whole)
                    );
                }
            }
            // A line has at least as many bytes as characters: its length
            // is its count of characters when that is known (`wrap_width`).
            let len = chars as usize + extra;
            if let Some(c) = g.chars.exact() {
                proptest::prop_assert_eq!(usize::from(c) == len, f.chars as usize == len);
            }
            let h = g.with_end(weights[1], end[0], end[1]);
            proptest::prop_assert_eq!((h.weight, h.words), (weights[1], f.words));
            proptest::prop_assert_eq!(
                (h.terminal(), h.first_upper(), h.credit_end(), h.mostly_caps()),
                (end[0], f.first_upper, end[1], g.mostly_caps())
            );
            proptest::prop_assert_eq!((h.chars, h.letters, h.digits), (g.chars, g.letters, g.digits));
        }

        /// The word-wise ASCII test is the standard one.
        #[test]
        fn all_ascii_is_exact(t in proptest::collection::vec(proptest::sample::select(vec![b'a', b' ', 0x7f, 0x80, 0xc3, 0xff]), 0..80)) {
            proptest::prop_assert_eq!(all_ascii(&t), t.is_ascii());
        }

        /// The ASCII fast path measures exactly what the decoding path does.
        #[test]
        fn ascii_path_is_exact(t in "[ -~\t]{0,200}|([A-Za-z]{1,40}[ ,.0-9]{1,3}){0,30}") {
            static S: std::sync::OnceLock<Stopwords> = std::sync::OnceLock::new();
            let s = S.get_or_init(Stopwords::builtin);
            let (mut f1, mut c1) = (Features::default(), [0; NLANG]);
            let (mut f2, mut c2) = (Features::default(), [0; NLANG]);
            measure_ascii(t.as_bytes(), s, &mut f1, &mut c1, &mut Folded::new(), None);
            measure_any(t.as_bytes(), s, &mut f2, &mut c2);
            proptest::prop_assert_eq!(f1, f2);
            proptest::prop_assert_eq!(c1, c2);
        }

        /// Text with typographic punctuation is measured as the decoding
        /// path measures it.
        #[test]
        fn ascii_like_path_is_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "The", "don", "t", " ", "1,200", "\u{2019}", "\u{201c}", "\u{201d}", "\u{2014}", "\u{2026}",
            "\u{a9}", "\u{b0}", "\u{20ac}", "A", "cat", ".", "\u{2022}", "\u{e9}", "\u{a0}", "\u{4e2d}",
        ]), 0..30)) {
            static S: std::sync::OnceLock<Stopwords> = std::sync::OnceLock::new();
            let s = S.get_or_init(Stopwords::builtin);
            let t = parts.concat();
            let fast = measure(t.as_bytes(), s);
            let slow = measure_reference(t.as_bytes(), s);
            proptest::prop_assert_eq!(fast, slow);
        }

        /// The byte-level check of typographic punctuation agrees with
        /// the standard decoder, on valid and invalid UTF-8.
        #[test]
        fn ascii_like_is_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "The ", "\u{2019}", "\u{201c}", "\u{2014}", "\u{2026}", "\u{a9}", "\u{b0}", "\u{20ac}",
            "\u{2122}", "\u{e9}", "\u{a0}", "\u{4e2d}", "\u{1f600}", "\u{2015}", "\u{bf}", "\u{c0}",
            "\u{7ff}", "\u{800}", "\u{d7ff}", "\u{e000}", "12345678",
        ]), 0..20), cut in 0usize..200, junk in proptest::sample::select(vec![
            0x80u8, 0xbf, 0xc0, 0xc1, 0xc2, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xff, b'x',
        ])) {
            let mut t = parts.concat().into_bytes();
            proptest::prop_assert_eq!(ascii_like(&t), ascii_like_decoded(&t));
            let at = cut % (t.len() + 1);
            t.insert(at, junk);
            proptest::prop_assert_eq!(ascii_like(&t), ascii_like_decoded(&t));
            t.truncate(at);
            proptest::prop_assert_eq!(ascii_like(&t), ascii_like_decoded(&t));
        }

        /// The normalised form written as a line is measured is the one
        /// `normalise` writes; the lines it is not written for are not plain
        /// or too long.
        #[test]
        fn measured_norm_is_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "The", "Share", "ON", "x", "7", " ", " ", "  ", "\t", "\r", "\x0b", "\x0c", "-", "|", ":", "(",
            "\u{2019}", "\u{201c}", "\u{2014}", "\u{2026}", "\u{a9}", "\u{e9}", "\u{a0}", "\u{4e2d}",
            "abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        ]), 0..40)) {
            static S: std::sync::OnceLock<Stopwords> = std::sync::OnceLock::new();
            let s = S.get_or_init(Stopwords::builtin);
            let t = parts.concat();
            let line = t.as_bytes();
            let mut norm = b"stale".to_vec();
            let Measured { features: f, stops: c, plain, key, normed, probe } =
                measure_normed(line, s, &mut norm);
            proptest::prop_assert_eq!(
                probe,
                (plain && line.len() <= crate::shapes::MAX_SHAPE_BYTES)
                    .then(|| crate::shapes::probe_bytes(line))
            );
            let (f2, c2, plain2, folded2) = measure_keyed(line, s);
            proptest::prop_assert_eq!((f, c, plain), (f2, c2, plain2));
            proptest::prop_assert_eq!(key, folded2.map(|f| crate::repeat::packed_folded_key(f.bytes())));
            proptest::prop_assert_eq!(
                normed,
                plain && line.len() <= crate::lexicon::MAX_LINE_BYTES
            );
            if normed {
                let mut want = Vec::new();
                crate::lexicon::normalise(line, &mut want);
                proptest::prop_assert_eq!(norm, want);
            }
        }

        /// What the shapes' probe finds in a plain line's bytes is found as
        /// the line is measured (short, medium and long lines; every byte
        /// the probe tests).
        #[test]
        fn shape_probe_is_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "The", "y", "Y", "x", "7", "09", " ", "\t", "\r", "\x0b", ":", "@", ">", "/", "|", "(", ")",
            "&", "'", "-", ".", ",", "!", "[", "`", "{", "~", "_", "*", "+", "\\", "\x7f", "\x01",
            "\u{bb}", "\u{b7}", "\u{2022}", "\u{203a}", "\u{2019}", "\u{a0}", "\u{e9}",
            "abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        ]), 0..60)) {
            static S: std::sync::OnceLock<Stopwords> = std::sync::OnceLock::new();
            let s = S.get_or_init(Stopwords::builtin);
            let t = parts.concat();
            let line = t.as_bytes();
            let m = measure_normed(line, s, &mut Vec::new());
            let want = (m.plain && line.len() <= crate::shapes::MAX_SHAPE_BYTES)
                .then(|| crate::shapes::probe_bytes(line));
            proptest::prop_assert_eq!(m.probe, want);
        }

        /// The folded prefix gathered word by word keys an ASCII line as
        /// its bytes do.
        #[test]
        fn folded_prefix_is_exact(t in "[ -~\t]{1,300}|([A-Za-z0-9]{1,40}[ ,.!-]{1,3}){1,40}") {
            static S: std::sync::OnceLock<Stopwords> = std::sync::OnceLock::new();
            let s = S.get_or_init(Stopwords::builtin);
            let line = t.trim().as_bytes();
            if !line.is_empty() && line.len() <= MEASURE_LIMIT {
                let (_, _, _, folded) = measure_keyed(line, s);
                let folded = folded.expect("an ASCII line of one piece");
                proptest::prop_assert_eq!(
                    crate::repeat::packed_folded_key(folded.bytes()),
                    crate::repeat::packed_start_key(line)
                );
            }
        }

        /// Whitespace is squeezed eight bytes at a time as the lexicon's
        /// normalisation squeezes it a byte at a time (after what `out`
        /// held already).
        #[test]
        fn squeeze_spaces_is_exact(t in "[ a-z0-9.,\t\n\r\x0b\x0c\x01\u{e9}]{0,90}") {
            let line = t.as_bytes();
            let mut want = Vec::new();
            crate::lexicon::normalise_ascii(line, &mut want);
            if let Some(start) = line.iter().position(u8::is_ascii_alphanumeric) {
                let end = line.iter().rposition(u8::is_ascii_alphanumeric).expect("one") + 1;
                let mut got = b"ab".to_vec();
                squeeze_spaces(&line[start..end], &mut got);
                proptest::prop_assert_eq!(&got[..2], b"ab");
                proptest::prop_assert_eq!(&got[2..], &want[..]);
            }
        }

        /// Characters are counted eight bytes at a time as one at a time.
        #[test]
        fn count_chars_is_exact(text in proptest::collection::vec(0u8..=255, 0..100)) {
            let slow = text.iter().filter(|&&b| !is_continuation(b)).count() as u32;
            proptest::prop_assert_eq!(count_chars(&text), slow);
        }

        /// The hits added as rows of a table are those added a bit at a
        /// time.
        #[test]
        fn hits_are_counted_per_language(masks in proptest::collection::vec(0u16.., 0..600)) {
            let (mut h, mut plain) = (Hits::new(), [0u16; 16]);
            for &m in &masks {
                h.add(m);
                add_hits(&mut plain, m);
            }
            proptest::prop_assert_eq!(h.counts(), plain);
        }

        /// The SSE2 classification and the SWAR one agree.
        #[test]
        fn classify_paths_agree(text in proptest::collection::vec(0u8..=255, 0..=MEASURE_LIMIT)) {
            let n = text.len();
            let mut a = vec![0u8; MEASURE_LIMIT + 24];
            a[..n].copy_from_slice(&text);
            let mut b = a.clone();
            let (mut ma, mut mb) = ([0u64; MEASURE_LIMIT / 64 + 1], [0u64; MEASURE_LIMIT / 64 + 1]);
            let ca = classify::<false>(&mut a, n, &mut ma);
            let cb = classify_swar(&mut b, n, &mut mb);
            proptest::prop_assert_eq!((ca.0, ca.1, ca.2, ca.3), cb);
            proptest::prop_assert_eq!(ma, mb);
            proptest::prop_assert_eq!(&a[..n], &b[..n]);
        }

        /// Long lines, around the size of a measured piece, measure alike on
        /// both paths.
        #[test]
        fn long_lines_measure_alike(word in "[a-zA-Z0-9]{1,40}", sep in "[ ,.\u{2019}]{1,2}", reps in 20usize..400) {
            static S: std::sync::OnceLock<Stopwords> = std::sync::OnceLock::new();
            let s = S.get_or_init(Stopwords::builtin);
            let line = format!("{word}{sep}").repeat(reps);
            let line = line.trim();
            proptest::prop_assert_eq!(measure(line.as_bytes(), s), measure_reference(line.as_bytes(), s));
        }

        /// The ASCII shortcut of `terminal_end` agrees with decoding.
        #[test]
        fn terminal_shortcut_is_exact(t in "[ -~]{0,6}[.!?;:\"')\\]*a-z0-9 \x0b”’»」）]{0,3}") {
            proptest::prop_assert_eq!(terminal_end(t.as_bytes()), terminal_end_decoded(t.as_bytes()));
        }

        /// So does the one check of the tail, on any bytes (cut anywhere
        /// in a character, invalid bytes).
        #[test]
        fn terminal_tail_is_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", ".", " ", "”", "’", "»", "」", "。", "！", "\u{a0}", "\u{3000}", "é", "中", "\u{1f600}", "?",
        ]), 0..12), cut in 0usize..8, junk in proptest::option::of(proptest::sample::select(vec![0x80u8, 0xbf, 0xe2, 0xff]))) {
            let mut t = parts.concat().into_bytes();
            if let Some(j) = junk {
                t.insert(t.len() - t.len().min(cut), j);
            }
            let t = &t[t.len().min(cut)..];
            proptest::prop_assert_eq!(terminal_end_tail(t), terminal_end_decoded(t));
            proptest::prop_assert_eq!(terminal_end(t), terminal_end_decoded(t));
        }
    }

    /// Lines packed with words of 17 bytes (the shortest looked up after
    /// the word loop), at and around each buffer's largest text, fit the
    /// room `long_words` gives and measure as the reference does. (No
    /// built-in stopword is that long, and `walk_words` keeps a word of a
    /// length no ASCII stopword has no room: the word is made one.)
    #[test]
    fn packed_long_words_fit() {
        let word = "abcdefghijklmnopq";
        assert_eq!(word.len(), MAX_STOPWORD / 2 + 1);
        let s = Stopwords::builtin_with(&[(word, 1 << (Lang::En as u16))]);
        assert!(s.ascii_len_may_match(word.len()));
        for top in [
            SHORT_BUF - 24,
            crate::shapes::MAX_SHAPE_BYTES,
            MEASURE_LIMIT,
        ] {
            for n in top.saturating_sub(20)..=top {
                let line = format!("{word} ").repeat(n / 18 + 1);
                let mut line = line[..n].to_string();
                // Ending on a letter, as a measured piece does.
                while line.ends_with(' ') {
                    line.pop();
                }
                assert_eq!(
                    measure(line.as_bytes(), &s),
                    measure_reference(line.as_bytes(), &s)
                );
            }
        }
    }

    #[test]
    fn terminal_after_quote() {
        assert!(terminal_end("he said.”".as_bytes()));
        assert!(!terminal_end(b"RUSSIAN PRESTIGE"));
    }
}
