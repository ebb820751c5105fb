//! Stage 2: per-line numbers the later stages decide from.
//!
//! Everything here is computed from the line's bytes alone. Long lines are
//! measured on their first [`MEASURE_LIMIT`] bytes and the counts scaled up:
//! a 5 KB paragraph is prose whether we read all of it or not, and reading a
//! prefix keeps the cost per byte low.

use crate::lang::{LangMask, Stopwords, MAX_STOPWORD, NLANG};

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
    fn finish(&mut self, stop: &Stopwords) -> LangMask {
        let m = if self.len > 0 && !self.overflow {
            stop.lookup(&self.buf[..self.len])
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
                    add_mask(&mut counts, word.finish(stop));
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
                    add_mask(&mut counts, word.finish(stop));
                    in_word = false;
                }
                word.push(c);
                add_mask(&mut counts, word.finish(stop));
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
                    add_mask(&mut counts, word.finish(stop));
                    in_word = false;
                }
            }
        }
        let bad = chunk.invalid().len() as u32;
        if bad > 0 {
            f.chars += bad;
            f.weight += bad;
            if in_word {
                add_mask(&mut counts, word.finish(stop));
                in_word = false;
            }
        }
    }
    if in_word {
        add_mask(&mut counts, word.finish(stop));
    }

    // The sentence end: skip closing quotes and brackets at the very end.
    if cut == line.len() {
        f.terminal = terminal_end(line);
    } else {
        f.terminal = terminal_end(line);
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

    #[test]
    fn terminal_after_quote() {
        assert!(terminal_end("he said.”".as_bytes()));
        assert!(!terminal_end(b"RUSSIAN PRESTIGE"));
    }
}
