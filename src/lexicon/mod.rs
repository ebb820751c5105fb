//! The phrase lexicon: common chrome wording, one automaton for all of it.
//!
//! Phrases live in plain data files beside this module, one file per
//! category (`social.txt`, `legal.txt`, ...; `i18n/` holds the other
//! languages). Each entry is an anchor and a phrase written in normalised
//! form (see [`normalise`]):
//!
//! ```text
//! # group: share rows, seen on ...
//! = share this article     the whole line is the phrase
//! ^ share on               the line starts with the phrase
//! $ comments               the line ends with the phrase
//! ~ all rights reserved    the phrase appears anywhere in the line
//! ```
//!
//! Files whose name ends in `-comment` hold per-comment widgets ("Reply",
//! "Report abuse"): a run of them marks a comment section.
//!
//! Files whose name ends in `-end` (`credit-end.txt`, `social-end.txt`) hold
//! phrases that also mark the end of the article: sign-offs such as
//! "(Reporting by ...)" and comment-section headers.
//!
//! Matching only ever looks at short lines ([`MAX_LINE_BYTES`]; `^` and `$`
//! need at most [`MAX_AFFIX_WORDS`] words), so a body sentence that mentions
//! "share" or "copyright" is never dropped for it.

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, MatchKind};
use std::sync::atomic::{AtomicU32, Ordering};

use crate::verdict::Category;

/// Lines longer than this (in bytes, before normalising) are never matched.
pub const MAX_LINE_BYTES: usize = 400;
/// `^` and `$` phrases only match lines of at most this many words.
pub const MAX_AFFIX_WORDS: u32 = 12;
/// `~` phrases only match lines of at most this many words.
pub const MAX_CONTAINS_WORDS: u32 = 70;

/// How a phrase must sit in the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The whole line.
    Line,
    /// The start of the line, followed by a non-letter or the end.
    Start,
    /// The end of the line, after a non-letter or the start.
    End,
    /// Anywhere, on word boundaries.
    Anywhere,
}

/// One lexicon entry.
#[derive(Clone, Debug)]
pub struct Phrase {
    /// The normalised phrase.
    pub text: &'static str,
    /// Where it must sit.
    pub anchor: Anchor,
    /// The category a match drops the line under.
    pub category: Category,
    /// A match also marks the end of the article.
    pub ends_article: bool,
    /// A match is a per-comment widget (a comment section marker).
    pub comment_marker: bool,
}

/// A successful lexicon lookup.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    /// The phrase (normalised).
    pub text: &'static str,
    /// Its category.
    pub category: Category,
    /// It marks the end of the article.
    pub ends_article: bool,
    /// It is a per-comment widget.
    pub comment_marker: bool,
}

/// The built-in phrase files: (file name, contents).
pub const BUILTIN: &[(&str, &str)] = &[
    ("navigation", include_str!("navigation.txt")),
    ("interface", include_str!("interface.txt")),
    ("banner", include_str!("banner.txt")),
    ("social", include_str!("social.txt")),
    ("social-end", include_str!("social-end.txt")),
    ("social-comment", include_str!("social-comment.txt")),
    ("legal", include_str!("legal.txt")),
    ("credit", include_str!("credit.txt")),
    ("credit-end", include_str!("credit-end.txt")),
    ("i18n/navigation", include_str!("i18n/navigation.txt")),
    ("i18n/interface", include_str!("i18n/interface.txt")),
    ("i18n/banner", include_str!("i18n/banner.txt")),
    ("i18n/social", include_str!("i18n/social.txt")),
    ("i18n/legal", include_str!("i18n/legal.txt")),
    ("i18n/credit", include_str!("i18n/credit.txt")),
];

/// An error in a phrase file.
#[derive(Debug, thiserror::Error)]
#[error("phrase file {file}, line {line}: {msg}")]
pub struct PhraseError {
    /// The file's name.
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub msg: String,
}

/// Parses one phrase file. `name` is its category name, optionally with a
/// directory before it and `-end` after it.
pub fn parse(name: &str, text: &'static str, out: &mut Vec<Phrase>) -> Result<(), PhraseError> {
    parse_checked(name, text, out, true)
}

/// [`parse`], checking that each phrase is normalised only with `check`:
/// the built-in files are checked by a test (`builtin_files_are_normalised`),
/// not at every start-up.
fn parse_checked(
    name: &str,
    text: &'static str,
    out: &mut Vec<Phrase>,
    check: bool,
) -> Result<(), PhraseError> {
    let stem = name.rsplit('/').next().unwrap_or(name);
    let (cat_name, ends_article, comment_marker) = if let Some(c) = stem.strip_suffix("-end") {
        (c, true, false)
    } else if let Some(c) = stem.strip_suffix("-comment") {
        (c, false, true)
    } else {
        (stem, false, false)
    };
    let err = |line: usize, msg: String| PhraseError {
        file: name.to_string(),
        line,
        msg,
    };
    let category = Category::from_name(cat_name)
        .ok_or_else(|| err(0, format!("unknown category {cat_name:?}")))?;
    for (i, raw) in text.lines().enumerate() {
        let l = raw.trim_end();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let mut chars = l.chars();
        let anchor = match chars.next() {
            Some('=') => Anchor::Line,
            Some('^') => Anchor::Start,
            Some('$') => Anchor::End,
            Some('~') => Anchor::Anywhere,
            _ => {
                return Err(err(
                    i + 1,
                    format!("entry must start with = ^ $ or ~: {l:?}"),
                ))
            }
        };
        let phrase = l[1..].trim();
        if phrase.is_empty() {
            return Err(err(i + 1, "empty phrase".into()));
        }
        let mut norm = Vec::new();
        if check && {
            normalise(phrase.as_bytes(), &mut norm);
            norm != phrase.as_bytes()
        } {
            return Err(err(
                i + 1,
                format!(
                    "phrase is not normalised: {phrase:?} (expected {:?})",
                    String::from_utf8_lossy(&norm)
                ),
            ));
        }
        out.push(Phrase {
            text: phrase,
            anchor,
            category,
            ends_article,
            comment_marker,
        });
    }
    Ok(())
}

/// Writes the normalised form of `line` into `out`: lower-cased, every run of
/// whitespace one space, leading and trailing characters that are neither
/// letters nor digits removed. Bytes that are not UTF-8 are read as Latin-1.
pub fn normalise(line: &[u8], out: &mut Vec<u8>) {
    // Typographic punctuation is neither a letter nor a space, and is
    // copied as it is: byte by byte, like ASCII punctuation.
    if line.is_ascii() || crate::features::ascii_like(line) {
        normalise_ascii(line, out);
    } else {
        normalise_any(line, out);
    }
}

/// [`normalise`] for a line already known to be plain or not: `plain` must
/// be `line.is_ascii() || ascii_like(line)` (as
/// [`measure_plain`](crate::features::measure_plain) reports it for a line
/// measured in one piece).
pub fn normalise_plain(line: &[u8], plain: bool, out: &mut Vec<u8>) {
    debug_assert_eq!(plain, line.is_ascii() || crate::features::ascii_like(line));
    if plain {
        normalise_ascii(line, out);
    } else {
        normalise_any(line, out);
    }
}

/// [`normalise`] for a plain line: ASCII, or valid UTF-8 with nothing
/// outside ASCII but typographic punctuation (see [`crate::features::ascii_like`]).
pub(crate) fn normalise_ascii(line: &[u8], out: &mut Vec<u8>) {
    out.clear();
    // From the first to the last letter or digit; when the whitespace in
    // between is single spaces only, that is lower-cased as it is.
    let Some(start) = line.iter().position(u8::is_ascii_alphanumeric) else {
        return;
    };
    let end = line
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(start, |e| e + 1);
    let core = &line[start..end];
    if irregular_space(core) {
        // Runs of whitespace (ASCII: the only whitespace of a plain line)
        // collapse to one space each.
        let mut space = false;
        for &b in core {
            if b == b' ' || b.wrapping_sub(b'\t') < 5 {
                if !space {
                    out.push(b' ');
                }
                space = true;
            } else {
                out.push(b.to_ascii_lowercase());
                space = false;
            }
        }
    } else {
        out.extend_from_slice(core);
        lowercase_ascii(out);
    }
}

/// Does `core` (which ends with a letter or digit) hold whitespace other
/// than a space (\t \n \x0b \x0c \r: 9..=13), or two spaces in a row?
#[cfg(not(target_arch = "x86_64"))]
pub(crate) fn irregular_space(core: &[u8]) -> bool {
    irregular_space_scalar(core)
}

/// [`irregular_space`] a byte at a time: each byte with the one after it
/// (the last byte is no whitespace).
#[cfg(any(test, not(target_arch = "x86_64")))]
fn irregular_space_scalar(core: &[u8]) -> bool {
    core.iter().zip(&core[1..]).fold(false, |acc, (&b, &next)| {
        acc | (b.wrapping_sub(b'\t') < 5) | ((b == b' ') & (next == b' '))
    })
}

/// [`irregular_space`] sixteen bytes at a time (SSE2): the spaces' bits,
/// each with the next one (across blocks through the last bit).
#[cfg(target_arch = "x86_64")]
pub(crate) fn irregular_space(core: &[u8]) -> bool {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_set1_epi8,
    };
    let block = |x: __m128i| -> (u32, u32) {
        // SAFETY: SSE2 is part of x86_64.
        unsafe {
            let other = _mm_cmplt_epi8(
                _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(b'\t') as i8)),
                _mm_set1_epi8((0x80u8 + 5) as i8),
            );
            let space = _mm_cmpeq_epi8(x, _mm_set1_epi8(b' ' as i8));
            (
                _mm_movemask_epi8(other) as u32,
                _mm_movemask_epi8(space) as u32,
            )
        }
    };
    let mut carry = 0u32;
    let mut irregular = |(other, space): (u32, u32)| {
        let bad = other != 0 || space & (space >> 1) != 0 || carry & space & 1 != 0;
        carry = space >> 15;
        bad
    };
    let mut chunks = core.chunks_exact(16);
    for c in &mut chunks {
        // SAFETY: 16 bytes of the slice, unaligned.
        if irregular(block(unsafe {
            _mm_loadu_si128(c.as_ptr().cast::<__m128i>())
        })) {
            return true;
        }
    }
    let rest = chunks.remainder();
    // Padded with letters, which are no whitespace.
    let mut pad = [b'a'; 16];
    pad[..rest.len()].copy_from_slice(rest);
    // SAFETY: 16 bytes of the array, unaligned.
    irregular(block(unsafe {
        _mm_loadu_si128(pad.as_ptr().cast::<__m128i>())
    }))
}

/// Lower-cases the ASCII letters of `bytes` (SSE2 sixteen bytes at a time,
/// then one at a time).
fn lowercase_ascii(bytes: &mut [u8]) {
    #[cfg(target_arch = "x86_64")]
    let bytes = {
        use std::arch::x86_64::{
            __m128i, _mm_add_epi8, _mm_and_si128, _mm_cmplt_epi8, _mm_loadu_si128, _mm_or_si128,
            _mm_set1_epi8, _mm_storeu_si128,
        };
        let mut chunks = bytes.chunks_exact_mut(16);
        for c in &mut chunks {
            // SAFETY: SSE2 is part of x86_64; 16 bytes of the slice, loaded
            // and stored unaligned.
            unsafe {
                let x = _mm_loadu_si128(c.as_ptr().cast::<__m128i>());
                // A-Z moved to -128..-103, then one signed comparison.
                let upper = _mm_cmplt_epi8(
                    _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(b'A') as i8)),
                    _mm_set1_epi8((0x80u8 + 26) as i8),
                );
                let lowered = _mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
                _mm_storeu_si128(c.as_mut_ptr().cast::<__m128i>(), lowered);
            }
        }
        chunks.into_remainder()
    };
    bytes.make_ascii_lowercase();
}

/// [`normalise`] for any bytes, decoding UTF-8 (invalid bytes as Latin-1);
/// the reference for the ASCII shortcut.
pub fn normalise_any(line: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut pending_space = false;
    for chunk in line.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_whitespace() {
                pending_space = !out.is_empty();
                continue;
            }
            if out.is_empty() && !c.is_alphanumeric() {
                continue;
            }
            if pending_space {
                out.push(b' ');
                pending_space = false;
            }
            if c.is_ascii() {
                out.push((c as u8).to_ascii_lowercase());
            } else {
                let mut buf = [0u8; 4];
                for l in c.to_lowercase() {
                    out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        // Bytes that are not UTF-8 are read as Latin-1, the usual reason a
        // page is not UTF-8 ("Publicit\xe9" still matches "publicité").
        for &b in chunk.invalid() {
            let c = char::from(b);
            if out.is_empty() && !c.is_alphanumeric() {
                continue;
            }
            if pending_space {
                out.push(b' ');
                pending_space = false;
            }
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                out.extend_from_slice(l.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    // Strip trailing non-alphanumerics.
    while let Some(c) = last_char(out) {
        if c.is_alphanumeric() {
            break;
        }
        out.truncate(out.len() - c.len_utf8());
    }
}

/// Does phrase `p`, found at `norm[start..end]` in a line of `words`
/// words, count (`Some`), and is that the whole line (`Some(true)`)?
#[inline]
fn accepts(p: &Phrase, norm: &[u8], start: usize, end: usize, words: u32) -> Option<bool> {
    let whole = start == 0 && end == norm.len();
    let at_start = || start == 0 || !last_char(&norm[..start]).is_some_and(char::is_alphanumeric);
    let at_end =
        || end == norm.len() || !first_char(&norm[end..]).is_some_and(char::is_alphanumeric);
    let ok = match p.anchor {
        Anchor::Line => whole,
        Anchor::Start => start == 0 && words <= MAX_AFFIX_WORDS && at_end(),
        Anchor::End => end == norm.len() && words <= MAX_AFFIX_WORDS && at_start(),
        Anchor::Anywhere => words <= MAX_CONTAINS_WORDS && at_start() && at_end(),
    };
    ok.then_some(whole)
}

/// The last valid char of `b`, if `b` ends with one.
fn last_char(b: &[u8]) -> Option<char> {
    let start = b.len().saturating_sub(4);
    (start..b.len())
        .find_map(|i| std::str::from_utf8(&b[i..]).ok())
        .and_then(|s| s.chars().next_back())
}

/// The first valid char of `b`.
fn first_char(b: &[u8]) -> Option<char> {
    let end = b.len().min(4);
    (1..=end)
        .rev()
        .find_map(|i| std::str::from_utf8(&b[..i]).ok())
        .and_then(|s| s.chars().next())
}

/// Words of interface labels (`interface-words.txt`) and of share and
/// follow rows (`social-words.txt`), one lowercase word a line.
const INTERFACE_WORDS: &str = include_str!("interface-words.txt");
const SOCIAL_WORDS: &str = include_str!("social-words.txt");

/// A line of at most this many words made only of label words is chrome.
pub const MAX_LABEL_ROW_WORDS: usize = 6;

/// The label words: word -> is it a social word?
#[derive(Clone, Debug)]
pub struct LabelWords {
    words: foldhash::HashMap<&'static [u8], bool>,
    /// [`label_pair`] of each word, one bit each.
    pairs: Box<[u64; 1024]>,
    /// [`label_shape`] of each word, one bit each: most first words whose
    /// first two bytes some word has are of no word's length.
    shapes: Box<[u64; 1024]>,
}

/// A word's [`label_pair`] and length, hashed to 16 bits.
#[inline]
fn label_shape(word: &[u8]) -> usize {
    let x = (label_pair(word) as u32) << 8 | word.len().min(255) as u32;
    (x.wrapping_mul(0x9e37_79b1) >> 16) as usize
}

/// A word's first two bytes (the second 0 for a one-byte word) as 16 bits.
#[inline]
fn label_pair(word: &[u8]) -> usize {
    usize::from(word[0]) << 8 | usize::from(word.get(1).copied().unwrap_or(0))
}

impl LabelWords {
    /// The built-in lists.
    pub fn builtin() -> LabelWords {
        let mut words = foldhash::HashMap::default();
        for (text, social) in [(INTERFACE_WORDS, false), (SOCIAL_WORDS, true)] {
            for w in text.lines().map(str::trim) {
                if !w.is_empty() && !w.starts_with('#') {
                    words.insert(w.as_bytes(), social);
                }
            }
        }
        let mut pairs = Box::new([0u64; 1024]);
        let mut shapes = Box::new([0u64; 1024]);
        for w in words.keys() {
            let k = label_pair(w);
            pairs[k >> 6] |= 1 << (k & 63);
            let k = label_shape(w);
            shapes[k >> 6] |= 1 << (k & 63);
        }
        LabelWords {
            words,
            pairs,
            shapes,
        }
    }

    /// Does the phrase (normalised) hold a share or follow word
    /// ("share this", "follow us", "like us on facebook")?
    pub fn names_social(&self, phrase: &str) -> bool {
        phrase
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| self.words.get(w.as_bytes()).copied().unwrap_or(false))
    }

    /// If the normalised line is a row of 2 to [`MAX_LABEL_ROW_WORDS`]
    /// label words (split at anything that is not a letter or digit), its
    /// category: social if any word is a social one, else interface.
    pub fn row(&self, norm: &[u8]) -> Option<Category> {
        // Most lines fail on their first word: when it is plain ASCII, its
        // first two bytes rule it out without a lookup.
        match *norm {
            [a, b, ..] if a.is_ascii_alphanumeric() && b.is_ascii() => {
                let word = if b.is_ascii_alphanumeric() {
                    &norm[..2]
                } else {
                    &norm[..1]
                };
                let k = label_pair(word);
                if self.pairs[k >> 6] >> (k & 63) & 1 == 0 {
                    return None;
                }
                // An ASCII first word (up to an ASCII byte that is no
                // letter or digit, or the end) is looked up alone: most
                // lines fail on it.
                let e = norm
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(norm.len());
                if norm.get(e).map_or(true, u8::is_ascii) && {
                    let k = label_shape(&norm[..e]);
                    self.shapes[k >> 6] >> (k & 63) & 1 == 0 || !self.words.contains_key(&norm[..e])
                } {
                    return None;
                }
            }
            _ => {}
        }
        self.row_words(norm)
    }

    /// [`row`](Self::row) without its gates: every word looked up (the
    /// reference pipeline's).
    pub fn row_words(&self, norm: &[u8]) -> Option<Category> {
        let s = std::str::from_utf8(norm).ok()?;
        let (mut n, mut social) = (0, false);
        for w in s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            n += 1;
            if n > MAX_LABEL_ROW_WORDS {
                return None;
            }
            social |= *self.words.get(w.as_bytes())?;
        }
        (n >= 2).then_some(if social {
            Category::Social
        } else {
            Category::Interface
        })
    }
}

/// The first three bytes of `t`, if it has three.
#[inline]
fn first_three(t: &[u8]) -> Option<(u8, u8, u8)> {
    match *t {
        [a, b, c, ..] => Some((a, b, c)),
        _ => None,
    }
}

/// The last three bytes of `t`, last first, if it has three.
#[inline]
fn last_three(t: &[u8]) -> Option<(u8, u8, u8)> {
    match *t {
        [.., c, b, a] => Some((a, b, c)),
        _ => None,
    }
}

/// Does one of the phrases of the anchored `dfa` start the `bytes`?
#[inline]
fn anchored_match(dfa: &impl Automaton, bytes: impl Iterator<Item = u8>) -> bool {
    let Ok(mut sid) = dfa.start_state(Anchored::Yes) else {
        return true;
    };
    for b in bytes {
        sid = dfa.next_state(Anchored::Yes, sid, b);
        if dfa.is_special(sid) {
            if dfa.is_match(sid) {
                return true;
            }
            if dfa.is_dead(sid) {
                return false;
            }
        }
    }
    false
}

/// A filter for a set of phrases of at least `GRAM + 1` bytes each: the
/// 8-byte pieces of each phrase that start at its first `stride` bytes, in
/// a Bloom filter (two bits a piece). Any occurrence of a phrase in a line
/// covers a multiple of `stride` among its first `stride` bytes, where one
/// of those pieces starts; so a line whose pieces at the multiples of
/// `stride` are all absent holds none of the phrases.
#[derive(Clone, Debug)]
struct Grams {
    bits: Box<[u64; GRAM_BITS / 64]>,
    stride: usize,
    /// How far a phrase reaches past a piece of it, by the top
    /// [`REACH_BITS`] bits of the piece's first bit: the most, over the
    /// pieces there, of the phrase's length less the piece's offset in it
    /// (`u8::MAX`: 255 bytes or more, the longest phrase's length is
    /// taken). A window ends that far after its sampled place, not the
    /// longest phrase's length.
    reach: Box<[u8; 1 << REACH_BITS]>,
}

/// Bits of a [`Grams`] reach index (4 KiB of reaches): the top bits of
/// a piece's first bit.
const REACH_BITS: usize = 12;
/// The shift from a piece's first bit to its reach index.
const REACH_SHIFT: usize = GRAM_BITS.trailing_zeros() as usize - REACH_BITS;

/// Bytes of a [`Grams`] piece.
const GRAM: usize = 8;
/// Bits of a [`Grams`] filter (16 KiB).
const GRAM_BITS: usize = 1 << 17;

impl Grams {
    /// The filter of `phrases`, if each of them is longer than [`GRAM`].
    fn of<'p>(phrases: impl Iterator<Item = &'p [u8]> + Clone) -> Option<Grams> {
        let shortest = phrases.clone().map(<[u8]>::len).min()?;
        let stride = shortest.checked_sub(GRAM - 1).filter(|&s| s > 0)?;
        let mut grams = Grams {
            bits: Box::new([0; GRAM_BITS / 64]),
            stride,
            reach: Box::new([0; 1 << REACH_BITS]),
        };
        for p in phrases {
            for off in 0..stride {
                let (a, b) = Grams::hash(&p[off..off + GRAM]);
                grams.bits[a / 64] |= 1 << (a % 64);
                grams.bits[b / 64] |= 1 << (b % 64);
                let r = &mut grams.reach[a >> REACH_SHIFT];
                *r = (*r).max((p.len() - off).min(usize::from(u8::MAX)) as u8);
            }
        }
        Some(grams)
    }

    /// How far a phrase whose piece is the one at `q` (a hit) can reach
    /// past `q`: at most `longest`.
    #[inline]
    fn reach_at(&self, line: &[u8], q: usize, longest: usize) -> usize {
        let (a, _) = Grams::hash(&line[q..q + GRAM]);
        match self.reach[a >> REACH_SHIFT] {
            u8::MAX => longest,
            r => usize::from(r).min(longest),
        }
    }

    /// The filter bits of a piece: two (the `~` phrases set some 1,600
    /// bits of 131,072). The second is tested only when the first is set:
    /// it costs nothing at most places, and saves the scan of a window
    /// at most of the first bit's false hits.
    #[inline]
    fn hash(piece: &[u8]) -> (usize, usize) {
        Grams::hash_word(u64::from_le_bytes(piece.try_into().expect("a piece")))
    }

    /// [`hash`](Self::hash) of a piece read as a little-endian `u64`.
    #[inline]
    fn hash_word(x: u64) -> (usize, usize) {
        // The top 17 bits of the product (the best mixed), and the 17
        // below them.
        let p = x.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        ((p >> 47) as usize, (p >> 30) as usize & (GRAM_BITS - 1))
    }

    /// Are both bits of the piece `x` (read as a little-endian `u64`) set?
    #[inline(always)]
    fn holds(&self, x: u64) -> bool {
        let (a, b) = Grams::hash_word(x);
        self.bits[a / 64] >> (a % 64) & 1 != 0 && self.bits[b / 64] >> (b % 64) & 1 != 0
    }

    /// Can `line` hold one of the phrases?
    #[cfg(test)]
    fn may_hold(&self, line: &[u8]) -> bool {
        self.next_hit(line, 0).is_some()
    }

    /// The first sampled place at or after `q` (a multiple of `stride`)
    /// whose piece is in the filter. An occurrence of a phrase starting at
    /// `s` has one at most `stride - 1` bytes after `s`.
    #[inline(always)]
    fn next_hit(&self, line: &[u8], mut q: usize) -> Option<usize> {
        // No phrase fits in a line shorter than `stride + GRAM - 1`.
        if line.len() < self.stride + GRAM - 1 {
            return None;
        }
        // The last place a piece starts at (the line holds one piece at
        // least: `stride` is 1 or more).
        let last = line.len() - GRAM;
        while q <= last {
            // SAFETY: `q + GRAM <= line.len()` (`q <= last`): the piece
            // lies in the line, read unaligned (with one test a place
            // instead of the slice's two).
            let x = unsafe { line.as_ptr().add(q).cast::<u64>().read_unaligned() };
            if self.holds(x) {
                return Some(q);
            }
            q += self.stride;
        }
        None
    }

    /// The stretches of `line` that hold every occurrence of a phrase at
    /// most `longest` bytes long, in order, apart and not touching: around
    /// each sampled place in the filter, from `stride - 1` bytes before it
    /// to as far as a phrase with its piece reaches (at most `longest`
    /// bytes after it). An occurrence starting at `s` has its sampled
    /// place `q` at `s + off` (`off < stride`), and ends at `s + len`, no
    /// further than `q` and the reach of its piece: the most of `len -
    /// off` over the pieces with the same reach index.
    fn windows<'l>(
        &'l self,
        line: &'l [u8],
        longest: usize,
    ) -> impl Iterator<Item = (usize, usize)> + 'l {
        let mut next = self.next_hit(line, 0);
        std::iter::from_fn(move || {
            let q = next?;
            let from = q.saturating_sub(self.stride - 1);
            let mut to = (q + self.reach_at(line, q, longest)).min(line.len());
            next = self.next_hit(line, q + self.stride);
            while let Some(q) = next.filter(|&q| q - (self.stride - 1) <= to) {
                // (A later place may reach less far than an earlier one.)
                to = to.max((q + self.reach_at(line, q, longest)).min(line.len()));
                next = self.next_hit(line, q + self.stride);
            }
            Some((from, to))
        })
    }
}

/// The first three bytes of each of a set of phrases, hashed to one bit
/// each: a line whose first three bytes are no phrase's starts with none
/// of them.
#[derive(Clone, Debug)]
struct Prefixes {
    /// `None` when a phrase is shorter than three bytes (any line may
    /// then start with one).
    bits: Option<Box<[u64; PREFIX_BITS / 64]>>,
}

/// Bits of a [`Prefixes`] filter (8 KiB).
const PREFIX_BITS: usize = 1 << 16;

impl Prefixes {
    fn of<'p>(phrases: impl Iterator<Item = &'p [u8]>) -> Prefixes {
        let mut bits = Box::new([0u64; PREFIX_BITS / 64]);
        for p in phrases {
            let [a, b, c, ..] = *p else {
                return Prefixes { bits: None };
            };
            let h = Prefixes::hash(a, b, c);
            bits[h / 64] |= 1 << (h % 64);
        }
        Prefixes { bits: Some(bits) }
    }

    /// The bit of three bytes.
    #[inline]
    fn hash(a: u8, b: u8, c: u8) -> usize {
        let x = u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c);
        (x.wrapping_mul(0x9e37_79b1) >> 16) as usize
    }

    /// Can a line whose first three bytes (or last three, last first) are
    /// `three` (`None`: it is shorter) start with one of the phrases?
    #[inline]
    fn may_start(&self, three: Option<(u8, u8, u8)>) -> bool {
        let Some(bits) = &self.bits else {
            return true;
        };
        three.is_some_and(|(a, b, c)| {
            let h = Prefixes::hash(a, b, c);
            bits[h / 64] >> (h % 64) & 1 != 0
        })
    }
}

/// Bits of the filter in front of the whole-line table (8 KiB).
const WHOLE_BITS: usize = 1 << 16;

/// A (non-empty) line's bit in the whole-line filter: from its length and
/// its first, middle and last bytes.
#[inline]
fn whole_key(line: &[u8]) -> usize {
    let n = line.len();
    let x = n as u64
        | u64::from(line[0]) << 16
        | u64::from(line[n / 2]) << 24
        | u64::from(line[n - 1]) << 32;
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize
}

/// How many `~` scans a run makes with the NFA before it builds the DFA:
/// as many as it takes for the DFA to save what it costs to build (some
/// 39M instructions, at some 790 a scan: 1,500 with the NFA, 700 with the
/// DFA), some 89 MB of pages (560 scans a megabyte on the dev corpus).
/// Whatever a run's length, it then pays at most twice what the better of
/// the two automata would have cost it; a run over the 26 MB of the dev
/// corpus pays 28M instructions less than when the DFA came after 1.8 MB.
const DFA_AFTER: u32 = 49_152;

/// A count shared by the threads of a run (a clone starts from the same
/// count).
#[derive(Debug, Default)]
struct ScanCount(AtomicU32);

impl Clone for ScanCount {
    fn clone(&self) -> ScanCount {
        ScanCount(AtomicU32::new(self.0.load(Ordering::Relaxed)))
    }
}

/// Set by the thread that builds a lazily built automaton (a clone starts
/// unset: it builds its own if it was cloned before the automaton was
/// ready).
#[derive(Debug, Default)]
struct Claim(std::sync::atomic::AtomicBool);

impl Claim {
    /// Whether this call is the first to claim it (read first: once it is
    /// taken, the threads scanning on meanwhile only read its cache line).
    fn take(&self) -> bool {
        !self.0.load(Ordering::Relaxed) && !self.0.swap(true, Ordering::Relaxed)
    }
}

impl Clone for Claim {
    fn clone(&self) -> Claim {
        Claim::default()
    }
}

/// The compiled lexicon.
#[derive(Clone, Debug)]
pub struct Lexicon {
    phrases: Vec<Phrase>,
    /// Every phrase in one automaton: the reference's, built on first use
    /// (the fast path never needs it).
    automaton: std::sync::OnceLock<AhoCorasick>,
    /// Only the `~` phrases (ids into `anywhere_ids`): for lines that
    /// neither start with a `^` phrase nor end with a `$` phrase, scanned
    /// only around the hits of `anywhere_grams`. A contiguous NFA, as the
    /// other automata are (a tenth of a DFA's building cost and memory),
    /// until [`DFA_AFTER`] scans have been made: then `anywhere_dfa`.
    anywhere: NFA,
    /// The same automaton as a DFA, built once a run has scanned this much:
    /// it steps faster, but costs some 39M instructions to build, which
    /// only a long run earns back.
    anywhere_dfa: std::sync::OnceLock<DFA>,
    /// The scans made with `anywhere` so far (over all threads).
    anywhere_scans: ScanCount,
    /// Taken by the thread that builds `anywhere_dfa`: the others go on
    /// with `anywhere` meanwhile rather than wait for it.
    anywhere_building: Claim,
    /// The longest `~` phrase's length.
    anywhere_longest: usize,
    anywhere_ids: Vec<usize>,
    /// The `~` phrases' sampled 8-byte pieces: a long line without any of
    /// them at its sampled places holds no `~` phrase and is not scanned.
    anywhere_grams: Option<Grams>,
    /// Every phrase but the `=` ones (ids into `affix_ids`): a `=` phrase
    /// only ever matches a whole line, which `whole` finds. Scanned only in
    /// short lines that start with a `^` phrase or end with a `$` phrase.
    /// Built on first use: only a line that starts with a `^` phrase or
    /// ends with a `$` phrase needs it, and a small page may have none.
    affix: std::sync::OnceLock<NFA>,
    affix_ids: Vec<usize>,
    /// Phrase text -> the ids of the phrases with that text, in id order.
    whole: foldhash::HashMap<&'static [u8], Vec<usize>>,
    /// A bit for each phrase's [`whole_key`]: most lines are no phrase,
    /// their bit is clear and they are not hashed whole and looked up.
    whole_bits: Box<[u64; WHOLE_BITS / 64]>,
    /// The longest phrase's length: no longer line is in `whole`.
    longest: usize,
    /// The `^` phrases, matched at the start of a line only, and the `$`
    /// phrases reversed, matched backwards from the end of a line only.
    starts: NFA,
    ends_reversed: NFA,
    /// The first three bytes of the `^` phrases and the last three of the
    /// `$` phrases (last first): most lines start and end with neither, and
    /// are not stepped through `starts` and `ends_reversed` at all.
    start_prefixes: Prefixes,
    end_prefixes: Prefixes,
}

impl Lexicon {
    /// Compiles the given phrases into automata (the one for the lines
    /// that start or end with an anchored phrase when first needed).
    pub fn new(phrases: Vec<Phrase>) -> Lexicon {
        let anywhere_ids: Vec<usize> = (0..phrases.len())
            .filter(|&i| phrases[i].anchor == Anchor::Anywhere)
            .collect();
        let anywhere = NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(anywhere_ids.iter().map(|&i| phrases[i].text))
            .expect("phrase automaton builds");
        let anywhere_longest = anywhere_ids
            .iter()
            .map(|&i| phrases[i].text.len())
            .max()
            .unwrap_or(0);
        let anywhere_grams = Grams::of(anywhere_ids.iter().map(|&i| phrases[i].text.as_bytes()));
        let affix_ids: Vec<usize> = (0..phrases.len())
            .filter(|&i| phrases[i].anchor != Anchor::Line)
            .collect();
        let anchored = |keep: &dyn Fn(&Phrase) -> bool, reversed: bool| -> NFA {
            NFA::builder()
                .match_kind(MatchKind::Standard)
                .build(phrases.iter().filter(|p| keep(p)).map(|p| {
                    let mut t = p.text.as_bytes().to_vec();
                    if reversed {
                        t.reverse();
                    }
                    t
                }))
                .expect("phrase automaton builds")
        };
        let starts = anchored(&|p| p.anchor == Anchor::Start, false);
        let ends_reversed = anchored(&|p| p.anchor == Anchor::End, true);
        let of_anchor = |a: Anchor| phrases.iter().filter(move |p| p.anchor == a);
        let start_prefixes = Prefixes::of(of_anchor(Anchor::Start).map(|p| p.text.as_bytes()));
        let reversed: Vec<Vec<u8>> = of_anchor(Anchor::End)
            .map(|p| p.text.bytes().rev().collect())
            .collect();
        let end_prefixes = Prefixes::of(reversed.iter().map(Vec::as_slice));
        let longest = phrases.iter().map(|p| p.text.len()).max().unwrap_or(0);
        let mut whole: foldhash::HashMap<&'static [u8], Vec<usize>> = Default::default();
        let mut whole_bits = Box::new([0u64; WHOLE_BITS / 64]);
        for p in &phrases {
            if !p.text.is_empty() {
                let k = whole_key(p.text.as_bytes());
                whole_bits[k / 64] |= 1 << (k % 64);
            }
        }
        for (i, p) in phrases.iter().enumerate() {
            whole.entry(p.text.as_bytes()).or_default().push(i);
        }
        Lexicon {
            phrases,
            automaton: std::sync::OnceLock::new(),
            anywhere,
            anywhere_dfa: std::sync::OnceLock::new(),
            anywhere_scans: ScanCount::default(),
            anywhere_building: Claim::default(),
            anywhere_longest,
            anywhere_ids,
            anywhere_grams,
            affix: std::sync::OnceLock::new(),
            affix_ids,
            whole,
            whole_bits,
            longest,
            starts,
            ends_reversed,
            start_prefixes,
            end_prefixes,
        }
    }

    /// The built-in lexicon.
    pub fn builtin() -> Result<Lexicon, PhraseError> {
        let mut phrases = Vec::new();
        for (name, text) in BUILTIN {
            parse_checked(name, text, &mut phrases, false)?;
        }
        Ok(Lexicon::new(phrases))
    }

    /// Every phrase but the `=` ones, built when first needed.
    #[inline]
    fn affix(&self) -> &NFA {
        self.affix.get_or_init(|| self.build_affix())
    }

    #[cold]
    #[inline(never)]
    fn build_affix(&self) -> NFA {
        NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(self.affix_ids.iter().map(|&i| self.phrases[i].text))
            .expect("phrase automaton builds")
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// True if there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Looks up an already normalised line with `words` words. A whole-line
    /// match wins over a partial one; otherwise the first match found (by
    /// end, then longest, then phrase order).
    ///
    /// The whole line is looked up in a table; only the phrases that can
    /// match part of a line (`^`, `$`, `~`) are searched for in it.
    pub fn find(&self, norm: &[u8], words: u32) -> Option<Hit> {
        if norm.is_empty() || words > MAX_CONTAINS_WORDS {
            return None;
        }
        // Long lines can only match `~` phrases.
        let affix = words <= MAX_AFFIX_WORDS;
        let whole = (norm.len() <= self.longest && {
            let k = whole_key(norm);
            self.whole_bits[k / 64] >> (k % 64) & 1 != 0
        })
        .then(|| self.whole.get(norm))
        .flatten();
        if let Some(ids) = whole {
            // Every anchor accepts a whole-line match (the word limits are
            // met: see above).
            if let Some(&id) = ids
                .iter()
                .find(|&&id| affix || self.phrases[id].anchor == Anchor::Anywhere)
            {
                return Some(self.hit(id));
            }
        }
        // The scan only accepts `^` phrases at the start, `$` phrases at
        // the end (of short lines), `~` phrases anywhere.
        let anchored = affix
            && ((self.start_prefixes.may_start(first_three(norm))
                && anchored_match(&self.starts, norm.iter().copied()))
                || (self.end_prefixes.may_start(last_three(norm))
                    && anchored_match(&self.ends_reversed, norm.iter().rev().copied())));
        if anchored {
            return self
                .scan(self.affix(), &self.affix_ids, norm, words, 0, norm.len())
                .unwrap_or_else(|best| best.map(|p| self.hit_of(p)));
        }
        // No `^` phrase starts the line and no `$` phrase ends it: only
        // `~` phrases can match, in the order the scan of all of them
        // finds them.
        let Some(grams) = &self.anywhere_grams else {
            return self
                .scan_anywhere(norm, words, 0, norm.len())
                .unwrap_or_else(|best| best.map(|p| self.hit_of(p)));
        };
        // Only the stretches around the filter's hits can hold a `~`
        // phrase, and the scan finds nothing in a line without them.
        // Scanned one after the other, they give the matches the scan of
        // the whole line gives, in the same order: each match lies in one
        // stretch, and the stretches do not touch.
        for (from, to) in grams.windows(norm, self.anywhere_longest) {
            match self.scan_anywhere(norm, words, from, to) {
                Ok(hit) => return hit,
                Err(Some(p)) => return Some(self.hit_of(p)),
                Err(None) => {}
            }
        }
        None
    }

    /// [`scan`](Self::scan) for the `~` phrases, with the DFA once it is
    /// worth building (both automata find the same matches in the same
    /// order: a run's output does not depend on which one it used).
    fn scan_anywhere(
        &self,
        norm: &[u8],
        words: u32,
        from: usize,
        to: usize,
    ) -> Result<Option<Hit>, Option<&Phrase>> {
        let ids = &self.anywhere_ids;
        if let Some(dfa) = self.anywhere_dfa.get() {
            return self.scan(dfa, ids, norm, words, from, to);
        }
        if self.anywhere_scans.0.fetch_add(1, Ordering::Relaxed) >= DFA_AFTER
            && self.anywhere_building.take()
        {
            let dfa = self.anywhere_dfa.get_or_init(|| self.build_anywhere_dfa());
            return self.scan(dfa, ids, norm, words, from, to);
        }
        // Before the count, or while another thread builds the DFA.
        self.scan(&self.anywhere, ids, norm, words, from, to)
    }

    /// Whether the automata a run of any length builds when it first needs
    /// them are built (the `~` DFA and the reference's excepted).
    #[cfg(test)]
    pub(crate) fn all_built(&self) -> bool {
        self.affix.get().is_some()
    }

    /// Builds now the automaton of the affixed phrases, which a run
    /// otherwise builds for the first line that starts or ends with one.
    pub(crate) fn warm_up_affix(&self) {
        self.affix();
    }

    #[cold]
    #[inline(never)]
    fn build_anywhere_dfa(&self) -> DFA {
        DFA::builder()
            .match_kind(MatchKind::Standard)
            .build(self.anywhere_ids.iter().map(|&i| self.phrases[i].text))
            .expect("phrase automaton builds")
    }

    /// [`find_in`](Self::find_in) with the automaton stepped here byte by byte:
    /// the same matches in the same order (by end, then the state's list:
    /// longest first, then phrase order) without the search machinery's
    /// cost per call and per match.
    ///
    /// Scans `norm[from..to]` only (matches inside it): a whole-line match
    /// as `Ok`, else the first match accepted as `Err`.
    fn scan(
        &self,
        dfa: &impl Automaton,
        ids: &[usize],
        norm: &[u8],
        words: u32,
        from: usize,
        to: usize,
    ) -> Result<Option<Hit>, Option<&Phrase>> {
        let mut best: Option<&Phrase> = None;
        let Ok(mut sid) = dfa.start_state(Anchored::No) else {
            return Ok(None);
        };
        for (i, &b) in norm[..to].iter().enumerate().skip(from) {
            sid = dfa.next_state(Anchored::No, sid, b);
            if !dfa.is_special(sid) || !dfa.is_match(sid) {
                continue;
            }
            let end = i + 1;
            for k in 0..dfa.match_len(sid) {
                let pid = dfa.match_pattern(sid, k);
                let start = end - dfa.pattern_len(pid);
                let p = &self.phrases[ids[pid.as_usize()]];
                if let Some(whole) = accepts(p, norm, start, end, words) {
                    if whole {
                        return Ok(Some(self.hit_of(p)));
                    }
                    best = best.or(Some(p));
                }
            }
        }
        Err(best)
    }

    fn hit(&self, id: usize) -> Hit {
        self.hit_of(&self.phrases[id])
    }

    fn hit_of(&self, p: &Phrase) -> Hit {
        Hit {
            text: p.text,
            category: p.category,
            ends_article: p.ends_article,
            comment_marker: p.comment_marker,
        }
    }

    /// [`find`](Self::find) with every phrase searched on every line: the
    /// reference for the smaller automaton used on long lines.
    pub fn find_reference(&self, norm: &[u8], words: u32) -> Option<Hit> {
        if norm.is_empty() || words > MAX_CONTAINS_WORDS {
            return None;
        }
        let automaton = self.automaton.get_or_init(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .build(self.phrases.iter().map(|p| p.text))
                .expect("phrase automaton builds")
        });
        self.find_in(automaton, None, norm, words)
    }

    fn find_in(
        &self,
        automaton: &AhoCorasick,
        ids: Option<&Vec<usize>>,
        norm: &[u8],
        words: u32,
    ) -> Option<Hit> {
        let mut best: Option<(&Phrase, bool)> = None;
        for m in automaton.find_overlapping_iter(norm) {
            let id = m.pattern().as_usize();
            let p = &self.phrases[ids.map_or(id, |ids| ids[id])];
            let at_start =
                m.start() == 0 || !last_char(&norm[..m.start()]).is_some_and(char::is_alphanumeric);
            let at_end = m.end() == norm.len()
                || !first_char(&norm[m.end()..]).is_some_and(char::is_alphanumeric);
            let whole = m.start() == 0 && m.end() == norm.len();
            let ok = match p.anchor {
                Anchor::Line => whole,
                Anchor::Start => m.start() == 0 && at_end && words <= MAX_AFFIX_WORDS,
                Anchor::End => m.end() == norm.len() && at_start && words <= MAX_AFFIX_WORDS,
                Anchor::Anywhere => at_start && at_end && words <= MAX_CONTAINS_WORDS,
            };
            if ok {
                if whole {
                    best = Some((p, true));
                    break;
                }
                if best.is_none() {
                    best = Some((p, false));
                }
            }
        }
        best.map(|(p, _)| Hit {
            text: p.text,
            category: p.category,
            ends_article: p.ends_article,
            comment_marker: p.comment_marker,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in lexicon, built once for all the tests.
    fn built_in() -> &'static Lexicon {
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(|| Lexicon::builtin().expect("the built-in lexicon builds"))
    }

    /// One of the `~` phrases, picked by `pick`.
    fn anywhere_phrase(lex: &Lexicon, pick: usize) -> &'static str {
        lex.phrases[lex.anywhere_ids[pick % lex.anywhere_ids.len()]].text
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The ASCII fast path gives what the decoding path gives.
        #[test]
        fn ascii_normalise_is_exact(t in "[ -~\t\r\n\x0b\x0c\u{2019}\u{201c}\u{2014}\u{2026}\u{a9}\u{b0}\u{e9}\u{a0}]{0,80}") {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            normalise(t.as_bytes(), &mut a);
            normalise_any(t.as_bytes(), &mut b);
            proptest::prop_assert_eq!(a, b);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The SSE2 whitespace test and lower-casing are the byte-wise ones.
        #[test]
        fn simd_normalise_steps_are_exact(t in "[ -~\t\r\n\x0b\x0c\x08\x0e\u{e9}]{0,70}a") {
            let b = t.as_bytes();
            proptest::prop_assert_eq!(irregular_space(b), irregular_space_scalar(b));
            let mut v = b.to_vec();
            lowercase_ascii(&mut v);
            proptest::prop_assert_eq!(v, b.to_ascii_lowercase());
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
        /// The whole-line table and the automaton of `^ $ ~` phrases find
        /// what one automaton of every phrase finds.
        #[test]
        fn find_equals_reference(parts in proptest::collection::vec(proptest::sample::select(vec![
            "share", "share on", "facebook", "comments", "all rights reserved", "read more",
            "home", "more", "the", "reply", " ", " ", "-", ":", "é", "cookie", "policy",
            "copyright", "print", "email", "subscribe", "s", "sign in", "log in", "news",
        ]), 1..14)) {
            let lex = built_in();
            let n = norm(&parts.concat());
            let words = n.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count() as u32;
            let words = words.min(MAX_AFFIX_WORDS);
            proptest::prop_assert_eq!(
                lex.find(n.as_bytes(), words).map(|h| (h.text, h.category, h.ends_article, h.comment_marker)),
                lex.find_reference(n.as_bytes(), words).map(|h| (h.text, h.category, h.ends_article, h.comment_marker))
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
        /// The same on lines of any length (the words not capped at the
        /// affix limit): long lines go through the `~` filter.
        #[test]
        fn find_equals_reference_long(parts in proptest::collection::vec(proptest::sample::select(vec![
            "share", "share on", "facebook", "comments", "all rights reserved", "read more",
            "home", "more", "the", "reply", " ", " ", " ", "-", ":", "é", "cookie", "policy",
            "copyright", "print", "email", "subscribe", "s", "sign in", "log in", "news",
            "this site uses cookies", "terms of use", "privacy policy", "about us", "the minister said",
        ]), 1..60)) {
            let lex = built_in();
            let n = norm(&parts.concat());
            let words = n.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count() as u32;
            proptest::prop_assert_eq!(
                lex.find(n.as_bytes(), words).map(|h| (h.text, h.category, h.ends_article, h.comment_marker)),
                lex.find_reference(n.as_bytes(), words).map(|h| (h.text, h.category, h.ends_article, h.comment_marker))
            );
        }

        /// Every `~` phrase, anywhere in a line, passes the filter.
        #[test]
        fn grams_keep_every_phrase(pick in 0usize..1000, before in "[a-z ]{0,40}", after in "[a-z ]{0,40}") {
            let lex = built_in();
            let grams = lex.anywhere_grams.as_ref().expect("the ~ phrases are long");
            let p = anywhere_phrase(lex, pick);
            let line = format!("{before}{p}{after}");
            proptest::prop_assert!(grams.may_hold(line.as_bytes()));
        }

        /// Every `~` phrase, anywhere in a line, lies in one of the
        /// filter's windows (each as far as its piece reaches).
        #[test]
        fn windows_hold_every_phrase(pick in 0usize..1000, before in "[a-z ]{0,40}", after in "[a-z ]{0,90}") {
            let lex = built_in();
            let grams = lex.anywhere_grams.as_ref().expect("the ~ phrases are long");
            let p = anywhere_phrase(lex, pick);
            let line = format!("{before}{p}{after}");
            let (s, e) = (before.len(), before.len() + p.len());
            proptest::prop_assert!(grams
                .windows(line.as_bytes(), lex.anywhere_longest)
                .any(|(from, to)| from <= s && e <= to));
        }

        /// Every phrase occurrence lies in one of the filter's windows: the
        /// windows scanned one after the other find what the scan of the
        /// whole line finds.
        #[test]
        fn windows_are_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "this site uses cookies", "all rights reserved", "all right", "rights reserved", "we use cookies",
            "does not", "to your inbox", "delivered to your inbox", "the", " ", " ", "x", "-", "é",
            "may not be published broadcast rewritten or redistributed", "cookies", "reserved",
        ]), 0..40)) {
            let lex = built_in();
            let line = parts.concat();
            let norm = line.as_bytes();
            let grams = lex.anywhere_grams.as_ref().expect("the ~ phrases are long");
            let matches = |from: usize, to: usize| -> Vec<(usize, usize, usize)> {
                let mut v = Vec::new();
                let mut sid = lex.anywhere.start_state(Anchored::No).unwrap();
                for (i, &b) in norm[..to].iter().enumerate().skip(from) {
                    sid = lex.anywhere.next_state(Anchored::No, sid, b);
                    if lex.anywhere.is_match(sid) {
                        for k in 0..lex.anywhere.match_len(sid) {
                            let pid = lex.anywhere.match_pattern(sid, k);
                            v.push((i + 1, lex.anywhere.pattern_len(pid), pid.as_usize()));
                        }
                    }
                }
                v
            };
            let windowed: Vec<_> = grams
                .windows(norm, lex.anywhere_longest)
                .flat_map(|(from, to)| matches(from, to))
                .collect();
            proptest::prop_assert_eq!(windowed, matches(0, norm.len()));
            // And each scan of a window alone finds what the whole scan finds.
            for words in [3, 20, 80] {
                proptest::prop_assert_eq!(
                    lex.find(norm, words).map(|h| (h.text, h.category)),
                    lex.find_reference(norm, words).map(|h| (h.text, h.category))
                );
            }
        }

        /// [`Grams::next_hit`], two places a turn, finds the place a test
        /// of every sampled place from `q` on finds, whatever the stride.
        #[test]
        fn next_hit_is_exact(line in "[a-e ]{0,60}", q in 0usize..70, shortest in 9usize..14) {
            let phrases = ["abcdeabcdeabcd", "cookies and more", "ab ab ab ab ab ab", "eeeeeeeeeeeeeeeee"];
            let cut: Vec<&[u8]> = phrases.iter().map(|p| &p.as_bytes()[..p.len().min(shortest)]).collect();
            let grams = Grams::of(cut.iter().copied()).expect("longer than a piece");
            let line = line.as_bytes();
            let plain = (line.len() >= grams.stride + GRAM - 1)
                .then(|| {
                    (q..)
                        .step_by(grams.stride)
                        .take_while(|&p| p + GRAM <= line.len())
                        .find(|&p| {
                            let (a, b) = Grams::hash(&line[p..p + GRAM]);
                            grams.bits[a / 64] >> (a % 64) & 1 != 0
                                && grams.bits[b / 64] >> (b % 64) & 1 != 0
                        })
                })
                .flatten();
            proptest::prop_assert_eq!(grams.next_hit(line, q), plain);
        }

        /// The `~` phrases' DFA, built for long runs, accepts what their
        /// NFA accepts, first match first: a run's output does not depend
        /// on when it switched.
        #[test]
        fn anywhere_automata_agree(parts in proptest::collection::vec(proptest::sample::select(vec![
            "this site uses cookies", "all rights reserved", "all right", "rights reserved", "we use cookies",
            "does not", "to your inbox", "delivered to your inbox", "the", " ", " ", "x", "-", "é",
            "may not be published broadcast rewritten or redistributed", "cookies", "reserved",
            "is a registered trademark", "as an amazon associate", "trademark",
        ]), 0..40)) {
            let lex = built_in();
            let dfa = lex.anywhere_dfa.get_or_init(|| lex.build_anywhere_dfa());
            let line = parts.concat();
            let norm = line.as_bytes();
            let text = |r: Result<Option<Hit>, Option<&Phrase>>| match r {
                Ok(h) => (true, h.map(|h| h.text)),
                Err(p) => (false, p.map(|p| p.text)),
            };
            for words in [3, 20, 80] {
                let ids = &lex.anywhere_ids;
                proptest::prop_assert_eq!(
                    text(lex.scan(&lex.anywhere, ids, norm, words, 0, norm.len())),
                    text(lex.scan(dfa, ids, norm, words, 0, norm.len()))
                );
            }
        }

        /// A line that starts with a `^` phrase (or ends with a `$` one)
        /// passes the prefix filter in front of the anchored automata.
        #[test]
        fn prefix_gates_are_exact(pick in 0usize..1000, before in "[a-zé ]{0,3}", after in "[a-zé ]{0,12}") {
            let lex = built_in();
            let starts: Vec<&str> = lex.phrases.iter().filter(|p| p.anchor == Anchor::Start).map(|p| p.text).collect();
            let ends: Vec<&str> = lex.phrases.iter().filter(|p| p.anchor == Anchor::End).map(|p| p.text).collect();
            let s = format!("{before}{}{after}", starts[pick % starts.len()]);
            let e = format!("{before}{}{after}", ends[pick % ends.len()]);
            for line in [s.as_bytes(), e.as_bytes()] {
                if anchored_match(&lex.starts, line.iter().copied()) {
                    proptest::prop_assert!(lex.start_prefixes.may_start(first_three(line)));
                }
                if anchored_match(&lex.ends_reversed, line.iter().rev().copied()) {
                    proptest::prop_assert!(lex.end_prefixes.may_start(last_three(line)));
                }
            }
            // The phrase itself, with nothing around it.
            let p = starts[pick % starts.len()].as_bytes();
            proptest::prop_assert!(lex.start_prefixes.may_start(first_three(p)));
            let p = ends[pick % ends.len()].as_bytes();
            proptest::prop_assert!(lex.end_prefixes.may_start(last_three(p)));
        }
    }

    fn norm(s: &str) -> String {
        let mut v = Vec::new();
        normalise(s.as_bytes(), &mut v);
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn normalise_squeezes_and_strips() {
        assert_eq!(
            norm("  • SHARE\u{a0} THIS   Article: "),
            "share this article"
        );
        assert_eq!(norm("»  Mehr LESEN"), "mehr lesen");
        assert_eq!(norm("ПОДЕЛИТЬСЯ"), "поделиться");
        assert_eq!(norm("..."), "");
        let mut v = Vec::new();
        normalise(b"Publicit\xe9 ", &mut v);
        assert_eq!(v, "publicité".as_bytes());
    }

    /// Past the count of scans, a scan while another thread builds the
    /// `~` phrases' DFA (it took the claim) goes on with the NFA, finding
    /// what the DFA finds, and neither waits for that DFA nor builds
    /// another; a clone builds its own.
    #[test]
    fn scans_go_on_while_the_dfa_is_built() {
        let lex = Lexicon::builtin().unwrap();
        let phrase = anywhere_phrase(&lex, 0);
        let line = format!("a long line of text that holds {phrase} in its middle and goes on");
        let words = line.split(' ').count() as u32;
        let want = built_in().find(line.as_bytes(), words).map(|h| h.text);
        assert!(want.is_some(), "{line}");
        lex.anywhere_scans.0.store(DFA_AFTER, Ordering::Relaxed);
        assert!(lex.anywhere_building.take(), "as another thread would");
        assert_eq!(lex.find(line.as_bytes(), words).map(|h| h.text), want);
        assert!(
            lex.anywhere_scans.0.load(Ordering::Relaxed) > DFA_AFTER,
            "scanned"
        );
        assert!(lex.anywhere_dfa.get().is_none(), "no second build");
        let copy = lex.clone();
        assert_eq!(copy.find(line.as_bytes(), words).map(|h| h.text), want);
        assert!(copy.anywhere_dfa.get().is_some(), "the clone built its own");
        let fresh = Lexicon::builtin().unwrap();
        fresh.warm_up_affix();
        assert!(fresh.affix.get().is_some() && fresh.anywhere_dfa.get().is_none());
        assert_eq!(fresh.find(line.as_bytes(), words).map(|h| h.text), want);
    }

    #[test]
    fn builtin_files_parse() {
        let lex = Lexicon::builtin().unwrap();
        assert!(lex.len() > 100);
    }

    /// The whole-line filter passes every phrase, and each phrase as a
    /// line finds what the reference finds.
    #[test]
    fn whole_filter_passes_every_phrase() {
        let lex = Lexicon::builtin().unwrap();
        for p in &lex.phrases {
            let t = p.text.as_bytes();
            let k = whole_key(t);
            assert!(lex.whole_bits[k / 64] >> (k % 64) & 1 != 0, "{}", p.text);
            let words = p.text.split(' ').count() as u32;
            assert_eq!(
                lex.find(t, words).map(|h| h.text),
                lex.find_reference(t, words).map(|h| h.text),
                "{}",
                p.text
            );
        }
    }

    /// Every label word's length filter bit is set: a row of two of them
    /// is found by the gated test as by the plain one.
    #[test]
    fn label_shapes_hold_every_word() {
        let l = LabelWords::builtin();
        for w in l.words.keys() {
            let k = label_shape(w);
            assert!(l.shapes[k >> 6] >> (k & 63) & 1 != 0);
            let mut row = w.to_vec();
            row.push(b' ');
            row.extend_from_slice(w);
            assert_eq!(l.row(&row), l.row_words(&row));
        }
    }

    /// Every built-in phrase is normalised ([`Lexicon::builtin`] does not
    /// check it at start-up), and they are the phrases it loads.
    #[test]
    fn builtin_files_are_normalised() {
        let mut checked = Vec::new();
        for (name, text) in BUILTIN {
            parse(name, text, &mut checked).unwrap();
        }
        let lex = Lexicon::builtin().unwrap();
        assert_eq!(checked.len(), lex.len());
        for (a, b) in checked.iter().zip(&lex.phrases) {
            assert_eq!(
                (a.text, a.anchor, a.category),
                (b.text, b.anchor, b.category)
            );
        }
    }

    #[test]
    fn anchors() {
        let mut v = Vec::new();
        parse(
            "social",
            "= share\n^ share on\n$ comments\n~ all rights reserved",
            &mut v,
        )
        .unwrap();
        let lex = Lexicon::new(v);
        let f = |s: &str| {
            lex.find(norm(s).as_bytes(), s.split_whitespace().count() as u32)
                .map(|h| h.text)
        };
        assert_eq!(f("Share"), Some("share"));
        assert_eq!(f("Share on Facebook"), Some("share on"));
        assert_eq!(f("Share online"), None);
        assert_eq!(f("Read 12 comments"), Some("comments"));
        assert_eq!(f("No comments yet, please"), None);
        assert_eq!(
            f("(c) 2019 ACME. All rights reserved."),
            Some("all rights reserved")
        );
        assert_eq!(f("Shares rose"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The row test's gates never turn a row away.
        #[test]
        fn row_gates_are_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "print", "share", "email", "facebook", "twitter", "text", "size", "aa", "the", "x", " ", " ",
            "-", "?", "\u{2019}", "\u{e9}", "\u{a0}", "\u{4e2d}", "é", "1", "more", "sharé",
            "shar", "shares", "printed", "emails", "tex", "texts", "mor",
        ]), 0..8), junk in proptest::option::of(proptest::sample::select(vec![0x80u8, 0xff, 0xc3]))) {
            static L: std::sync::OnceLock<LabelWords> = std::sync::OnceLock::new();
            let l = L.get_or_init(LabelWords::builtin);
            let mut t = parts.concat().into_bytes();
            if let Some(j) = junk {
                t.insert(t.len() / 2, j);
            }
            proptest::prop_assert_eq!(l.row(&t), l.row_words(&t));
            let mut n = Vec::new();
            normalise(&t, &mut n);
            proptest::prop_assert_eq!(l.row(&n), l.row_words(&n));
        }
    }

    #[test]
    fn label_rows() {
        let l = LabelWords::builtin();
        let row = |s: &str| l.row(norm(s).as_bytes());
        assert_eq!(row("print dictionary print"), Some(Category::Interface));
        assert_eq!(row("Text size Aa Aa"), Some(Category::Interface));
        assert_eq!(row("help-image Social comment?"), Some(Category::Social));
        assert_eq!(row("Facebook Twitter Email"), Some(Category::Social));
        assert_eq!(row("Print"), None, "one word is the lexicon's business");
        assert_eq!(row("Print the report before the meeting"), None);
        assert_eq!(row("Share prices fell"), None);
        assert_eq!(
            row("email print share save more less next"),
            None,
            "too long"
        );
    }

    #[test]
    fn bad_entries_are_reported_with_line() {
        let mut v = Vec::new();
        let e = parse("social", "# c\n= Share", &mut v).unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("social", "share", &mut v).unwrap_err();
        assert_eq!(e.line, 1);
    }
}
