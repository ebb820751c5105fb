//! Stage 2: per-line numbers the later stages decide from.
//!
//! Everything here is computed from the line's bytes alone. Long lines are
//! measured on their first [`MEASURE_LIMIT`] bytes and the counts scaled up:
//! a 5 KB paragraph is prose whether we read all of it or not, and reading a
//! prefix keeps the cost per byte low.

use crate::lang::{LangMask, StopLookup, Stopwords, MAX_STOPWORD, NLANG};

/// Lines longer than this are measured on a prefix of this many bytes.
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
    let cut = line.len().min(MEASURE_LIMIT);
    let text = &line[..cut];
    let mut f = Features::default();
    let mut counts: StopCounts = [0; NLANG];
    if text.is_ascii() {
        measure_ascii(text, stop, &mut f, &mut counts);
    } else {
        measure_any(text, stop, &mut f, &mut counts);
    }
    f.terminal = terminal_end(line);
    finish(line, cut, f, counts)
}

/// [`measure`] without shortcuts: every line decoded, the stopwords looked
/// up in `stop` (a [`NaiveStopwords`](crate::lang::NaiveStopwords) for the
/// reference cleaner).
pub fn measure_reference<S: StopLookup>(line: &[u8], stop: &S) -> (Features, StopCounts) {
    let cut = line.len().min(MEASURE_LIMIT);
    let mut f = Features::default();
    let mut counts: StopCounts = [0; NLANG];
    measure_any(&line[..cut], stop, &mut f, &mut counts);
    f.terminal = terminal_end_decoded(line);
    finish(line, cut, f, counts)
}

/// Scales the counts of a measured prefix up to the whole line and adds the
/// features read from its end.
fn finish(
    line: &[u8],
    cut: usize,
    mut f: Features,
    mut counts: StopCounts,
) -> (Features, StopCounts) {
    if cut < line.len() {
        let scale = |n: u32| ((n as u64 * line.len() as u64) / cut as u64) as u32;
        f.chars = scale(f.chars);
        f.weight = scale(f.weight);
        f.words = scale(f.words);
        f.letters = scale(f.letters);
        f.upper = scale(f.upper);
        f.digits = scale(f.digits);
        for c in counts.iter_mut() {
            *c = ((*c as u64 * line.len() as u64) / cut as u64).min(u16::MAX as u64) as u16;
        }
    }
    f.credit_end = credit_end(line);
    (f, counts)
}

/// [`measure_any`] for an all-ASCII text: the counts in one branch-free
/// pass, then the stopwords a word at a time.
fn measure_ascii(text: &[u8], stop: &Stopwords, f: &mut Features, counts: &mut StopCounts) {
    let n = text.len();
    f.chars = n as u32;
    f.weight = n as u32;
    let class = |b: u8| {
        (
            b.wrapping_sub(b'0') < 10,
            b.wrapping_sub(b'A') < 26,
            b.wrapping_sub(b'a') < 26,
        )
    };
    let (mut digits, mut upper, mut lower) = (0u32, 0u32, 0u32);
    for &b in text {
        let (d, u, l) = class(b);
        digits += d as u32;
        upper += u as u32;
        lower += l as u32;
    }
    let alnum = |b: u8| b.is_ascii_alphanumeric();
    f.digits = digits;
    f.upper = upper;
    f.letters = upper + lower;
    f.first_upper = text
        .iter()
        .find(|b| b.is_ascii_alphabetic())
        .is_some_and(u8::is_ascii_uppercase);

    let mut words = 0;
    let mut i = 0;
    while i < n {
        while i < n && !alnum(text[i]) {
            i += 1;
        }
        if i == n {
            break;
        }
        words += 1;
        // The lower-cased word's first 16 bytes, as the stopword table
        // keys them.
        let start = i;
        let mut key = 0u128;
        while i < n && alnum(text[i]) {
            if i - start < 16 {
                key |= (text[i].to_ascii_lowercase() as u128) << (8 * (i - start));
            }
            i += 1;
        }
        let len = i - start;
        if len <= 16 {
            add_mask(counts, stop.lookup_key(key, len));
        } else if len <= MAX_STOPWORD {
            let mut buf = [0u8; MAX_STOPWORD];
            for (d, s) in buf.iter_mut().zip(&text[start..i]) {
                *d = s.to_ascii_lowercase();
            }
            add_mask(counts, stop.lookup(&buf[..len]));
        }
    }
    f.words = words;
}

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
    terminal_end_decoded(line)
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The ASCII fast path measures exactly what the decoding path does.
        #[test]
        fn ascii_path_is_exact(t in "[ -~\t]{0,200}|([A-Za-z]{1,40}[ ,.0-9]{1,3}){0,30}") {
            static S: std::sync::OnceLock<Stopwords> = std::sync::OnceLock::new();
            let s = S.get_or_init(Stopwords::builtin);
            let (mut f1, mut c1) = (Features::default(), [0; NLANG]);
            let (mut f2, mut c2) = (Features::default(), [0; NLANG]);
            measure_ascii(t.as_bytes(), s, &mut f1, &mut c1);
            measure_any(t.as_bytes(), s, &mut f2, &mut c2);
            proptest::prop_assert_eq!(f1, f2);
            proptest::prop_assert_eq!(c1, c2);
        }

        /// The ASCII shortcut of `terminal_end` agrees with decoding.
        #[test]
        fn terminal_shortcut_is_exact(t in "[ -~]{0,6}[.!?;:\"')\\]*a-z0-9 \x0b”’»」）]{0,3}") {
            proptest::prop_assert_eq!(terminal_end(t.as_bytes()), terminal_end_decoded(t.as_bytes()));
        }
    }

    #[test]
    fn terminal_after_quote() {
        assert!(terminal_end("he said.”".as_bytes()));
        assert!(!terminal_end(b"RUSSIAN PRESTIGE"));
    }
}
