//! The document's language and its stopword list.
//!
//! Stopword lists live in `src/stopwords/*.txt` (one word a line, `#` comments
//! say where each list comes from). All lists are merged into one table that
//! maps a lowercase word to the set of languages it is a stopword in, so one
//! lookup per word serves both language detection and stopword density.

use foldhash::HashMap;

/// Languages with a stopword list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum Lang {
    En,
    De,
    Fr,
    Es,
    Pt,
    It,
    Ru,
    Nl,
    Pl,
    Sv,
    Zh,
    Ja,
    Ko,
}

/// Number of languages in [`Lang::ALL`].
pub const NLANG: usize = 13;

impl Lang {
    /// Every language, in the order of the bits of a [`LangMask`].
    pub const ALL: [Lang; NLANG] = [
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::Pt,
        Lang::It,
        Lang::Ru,
        Lang::Nl,
        Lang::Pl,
        Lang::Sv,
        Lang::Zh,
        Lang::Ja,
        Lang::Ko,
    ];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Pt => "pt",
            Lang::It => "it",
            Lang::Ru => "ru",
            Lang::Nl => "nl",
            Lang::Pl => "pl",
            Lang::Sv => "sv",
            Lang::Zh => "zh",
            Lang::Ja => "ja",
            Lang::Ko => "ko",
        }
    }

    /// Parses an ISO 639-1 code.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    fn stopword_file(self) -> &'static str {
        match self {
            Lang::En => include_str!("stopwords/en.txt"),
            Lang::De => include_str!("stopwords/de.txt"),
            Lang::Fr => include_str!("stopwords/fr.txt"),
            Lang::Es => include_str!("stopwords/es.txt"),
            Lang::Pt => include_str!("stopwords/pt.txt"),
            Lang::It => include_str!("stopwords/it.txt"),
            Lang::Ru => include_str!("stopwords/ru.txt"),
            Lang::Nl => include_str!("stopwords/nl.txt"),
            Lang::Pl => include_str!("stopwords/pl.txt"),
            Lang::Sv => include_str!("stopwords/sv.txt"),
            Lang::Zh => include_str!("stopwords/zh.txt"),
            Lang::Ja => include_str!("stopwords/ja.txt"),
            Lang::Ko => include_str!("stopwords/ko.txt"),
        }
    }

    #[inline]
    fn bit(self) -> LangMask {
        1 << (self as u16)
    }
}

/// A set of languages, one bit each in the order of [`Lang::ALL`].
pub type LangMask = u16;

/// Longest stopword we look up, in bytes; longer words are never stopwords.
pub const MAX_STOPWORD: usize = 32;

/// Every stopword of every language: lowercase word -> languages.
///
/// An open-addressing table keyed by a word's first 16 bytes and its
/// length; longer words are confirmed against their bytes, so a lookup is
/// exact.
#[derive(Clone, Debug)]
pub struct Stopwords {
    slots: Box<[Slot]>,
    /// The stopwords' bytes, back to back.
    arena: Box<[u8]>,
    /// Slot count minus one (a power of two minus one).
    mask: usize,
    /// 64 minus the slot count's bits (see `slot_hash`).
    shift: u32,
    /// Length of the longest stopword, in bytes.
    longest: usize,
    /// Bit `len`: some stopword of `len` bytes is all ASCII (a word of
    /// ASCII letters and digits of another length is none).
    ascii_lens: u64,
    /// The stopwords of at most 8 bytes again, in a table of their own
    /// keyed by one `u64` (most words looked up are that short), of a
    /// fixed size: the slot a hash gives needs no bounds check.
    short: Box<[ShortSlot; SHORT_SLOTS]>,
}

/// Bits of the short table's slot count.
const SHORT_BITS: u32 = 13;
/// The short table's slots: four times the 1,600-odd short stopwords of
/// the lists, rounded up; [`Stopwords::builtin`] holds them to at most half
/// of it.
const SHORT_SLOTS: usize = 1 << SHORT_BITS;

/// A stopword of at most 8 bytes.
#[derive(Clone, Copy, Debug, Default)]
struct ShortSlot {
    /// The word's bytes, little-endian, zero-padded.
    key: u64,
    /// 0: empty.
    len: u8,
    langs: LangMask,
}

/// [`slot_hash`] for a word of at most 8 bytes (`key`: its bytes), a slot
/// of the short table. The length is not hashed: a word's key has its
/// bytes and zeros after them, and the slot's length is compared all the
/// same.
#[inline]
fn short_hash(key: u64) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - SHORT_BITS)) as usize
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The word's first 16 bytes, little-endian, zero-padded.
    key: u128,
    /// Where the whole word starts in the arena (compared for words longer
    /// than 16 bytes).
    start: u32,
    /// 0: empty.
    len: u8,
    langs: LangMask,
}

/// The first 16 bytes of `word`, little-endian, zero-padded.
#[inline]
fn key16(word: &[u8]) -> u128 {
    word.iter()
        .take(16)
        .enumerate()
        .fold(0, |k, (i, &b)| k | (b as u128) << (8 * i))
}

/// The table slot a key and length hash to, before probing, in a table
/// of `64 - shift` bits: the top bits of the product (the best mixed).
#[inline]
fn slot_hash(key: u128, len: usize, shift: u32) -> usize {
    let (lo, hi) = (key as u64, (key >> 64) as u64);
    let h = (lo ^ hi.rotate_left(23) ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> shift) as usize
}

impl Stopwords {
    /// Loads the built-in lists.
    pub fn builtin() -> Stopwords {
        Stopwords::with_extra(&[])
    }

    /// The built-in lists and `extra` words with their languages: a test's
    /// ASCII stopwords of more than 16 bytes, which no built-in list has.
    #[cfg(test)]
    pub(crate) fn builtin_with(extra: &[(&'static str, LangMask)]) -> Stopwords {
        Stopwords::with_extra(extra)
    }

    fn with_extra(extra: &[(&'static str, LangMask)]) -> Stopwords {
        let mut words: HashMap<&'static [u8], LangMask> = HashMap::default();
        let mut order: Vec<&'static [u8]> = Vec::new();
        let builtin = Lang::ALL.into_iter().flat_map(|lang| {
            lang.stopword_file()
                .lines()
                .map(move |w| (w.trim(), lang.bit()))
        });
        for (w, bits) in builtin.chain(extra.iter().copied()) {
            if w.is_empty() || w.starts_with('#') || w.len() > MAX_STOPWORD {
                continue;
            }
            let e = words.entry(w.as_bytes()).or_insert_with(|| {
                order.push(w.as_bytes());
                0
            });
            *e |= bits;
        }
        let size = (order.len() * 4).next_power_of_two().max(16);
        let shift = 64 - size.trailing_zeros();
        let mut slots = vec![Slot::default(); size];
        let mut arena = Vec::new();
        let mut longest = 0;
        let mut ascii_lens = 0u64;
        for w in order {
            let key = key16(w);
            let mut i = slot_hash(key, w.len(), shift);
            while slots[i].len != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = Slot {
                key,
                start: arena.len() as u32,
                len: w.len() as u8,
                langs: words[w],
            };
            arena.extend_from_slice(w);
            longest = longest.max(w.len());
            if w.is_ascii() {
                ascii_lens |= 1 << w.len();
            }
        }
        let short_words: Vec<(&[u8], LangMask)> = slots
            .iter()
            .filter(|s| s.len != 0 && s.len <= 8)
            .map(|s| {
                let start = s.start as usize;
                (&arena[start..start + s.len as usize], s.langs)
            })
            .collect();
        assert!(
            short_words.len() <= SHORT_SLOTS / 2,
            "SHORT_BITS too small for {} short stopwords",
            short_words.len()
        );
        let mut short = Box::new([ShortSlot::default(); SHORT_SLOTS]);
        for (w, langs) in short_words {
            let key = key16(w) as u64;
            let mut i = short_hash(key);
            while short[i].len != 0 {
                i = (i + 1) & (SHORT_SLOTS - 1);
            }
            short[i] = ShortSlot {
                key,
                len: w.len() as u8,
                langs,
            };
        }
        Stopwords {
            slots: slots.into(),
            arena: arena.into(),
            mask: size - 1,
            shift,
            longest,
            ascii_lens,
            short,
        }
    }

    /// May an all-ASCII word of `len` bytes be a stopword? (False: some
    /// lengths, 11 to 16 bytes among them, have no ASCII stopword, and the
    /// lookup of such a word can be skipped.)
    #[inline]
    pub fn ascii_len_may_match(&self, len: usize) -> bool {
        len < 64 && self.ascii_lens >> len & 1 != 0
    }

    /// The languages `word` (already lowercase) is a stopword in.
    #[inline]
    pub fn lookup(&self, word: &[u8]) -> LangMask {
        if word.is_empty() || word.len() > self.longest {
            return 0;
        }
        if word.len() <= 16 {
            return self.lookup_key(key16(word), word.len());
        }
        let key = key16(word);
        let mut i = slot_hash(key, word.len(), self.shift);
        loop {
            let s = &self.slots[i];
            if s.len == 0 {
                return 0;
            }
            if s.key == key
                && s.len as usize == word.len()
                && (word.len() <= 16
                    || &self.arena[s.start as usize..s.start as usize + word.len()] == word)
            {
                return s.langs;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// [`lookup`](Self::lookup) for a word of `len <= 16` bytes given as
    /// its little-endian, zero-padded key (see `key16`).
    #[inline]
    pub fn lookup_key(&self, key: u128, len: usize) -> LangMask {
        debug_assert!(len <= 16);
        if len <= 8 {
            return self.lookup_short(key as u64, len);
        }
        // No slot holds an empty word or one longer than the longest: their
        // probes end at an empty slot and give 0 too, without a test on
        // every word (see `lookup_key_needs_no_length_test`).
        let mut i = slot_hash(key, len, self.shift);
        loop {
            let s = &self.slots[i];
            if s.len == 0 {
                return 0;
            }
            if s.key == key && s.len as usize == len {
                return s.langs;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// [`lookup_key`](Self::lookup_key) for a word of `len <= 8` bytes given
    /// as its little-endian, zero-padded key.
    #[inline]
    pub fn lookup_short(&self, key: u64, len: usize) -> LangMask {
        debug_assert!(len <= 8);
        // No slot holds an empty word: its probe ends at an empty slot.
        let mut i = short_hash(key);
        loop {
            let s = &self.short[i];
            if s.len == 0 {
                return 0;
            }
            if s.key == key && s.len as usize == len {
                return s.langs;
            }
            i = (i + 1) & (SHORT_SLOTS - 1);
        }
    }

    /// [`lookup_short`](Self::lookup_short) for a word without a zero
    /// byte (ASCII letters and digits): its key holds its length (its
    /// bytes, then zeros), and so does every slot's (no stopword has a
    /// zero byte, see `no_stopword_has_a_zero_byte`), so equal keys are
    /// equal words, and an empty slot is one whose key is zero.
    #[inline]
    pub fn lookup_short_nonzero(&self, key: u64) -> LangMask {
        let mut i = short_hash(key);
        loop {
            let s = &self.short[i];
            if s.key == key {
                return s.langs;
            }
            if s.key == 0 {
                return 0;
            }
            i = (i + 1) & (SHORT_SLOTS - 1);
        }
    }

    /// Every stopword with its languages (for tests).
    pub fn entries(&self) -> impl Iterator<Item = (&[u8], LangMask)> + '_ {
        self.slots.iter().filter(|s| s.len != 0).map(|s| {
            (
                &self.arena[s.start as usize..s.start as usize + s.len as usize],
                s.langs,
            )
        })
    }
}

/// Something that says which languages a lowercase word is a stopword in.
pub trait StopLookup {
    /// The languages `word` (already lowercase) is a stopword in.
    fn langs(&self, word: &[u8]) -> LangMask;
}

impl StopLookup for Stopwords {
    #[inline]
    fn langs(&self, word: &[u8]) -> LangMask {
        self.lookup(word)
    }
}

/// The stopword lists in a plain hash map: the reference for [`Stopwords`].
#[derive(Clone, Debug)]
pub struct NaiveStopwords(std::collections::HashMap<Vec<u8>, LangMask>);

impl NaiveStopwords {
    /// Loads the built-in lists the obvious way.
    pub fn builtin() -> NaiveStopwords {
        let mut m = std::collections::HashMap::new();
        for lang in Lang::ALL {
            for w in lang.stopword_file().lines().map(str::trim) {
                if !w.is_empty() && !w.starts_with('#') && w.len() <= MAX_STOPWORD {
                    *m.entry(w.as_bytes().to_vec()).or_insert(0) |= lang.bit();
                }
            }
        }
        NaiveStopwords(m)
    }

    /// Number of distinct stopwords.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True if there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl StopLookup for NaiveStopwords {
    fn langs(&self, word: &[u8]) -> LangMask {
        self.0.get(word).copied().unwrap_or(0)
    }
}

/// Picks the document's language from per-language stopword hit counts;
/// English when there is too little evidence.
pub fn detect(hits: &[u32; NLANG]) -> Lang {
    let (best, &n) = hits
        .iter()
        .enumerate()
        .max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))
        .expect("NLANG > 0");
    if n < 5 || n <= hits[0] {
        Lang::En
    } else {
        Lang::ALL[best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_holds_every_word_once() {
        let s = Stopwords::builtin();
        let m = NaiveStopwords::builtin();
        assert_eq!(s.entries().count(), m.len());
        for (w, langs) in &m.0 {
            assert_eq!(s.lookup(w), *langs, "{}", String::from_utf8_lossy(w));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// Any word, stopword or not, gets what the naive map says.
        #[test]
        fn lookup_is_exact(w in proptest::string::string_regex("[a-zäöüéàèñи ]{0,12}|the|and|der").unwrap()) {
            static M: std::sync::OnceLock<NaiveStopwords> = std::sync::OnceLock::new();
            static S: std::sync::OnceLock<Stopwords> = std::sync::OnceLock::new();
            let m = M.get_or_init(NaiveStopwords::builtin);
            let s = S.get_or_init(Stopwords::builtin);
            proptest::prop_assert_eq!(s.lookup(w.as_bytes()), m.langs(w.as_bytes()));
        }

        /// `lookup_short_nonzero` (keys alone) on words of ASCII letters
        /// and digits gets what the naive map says.
        #[test]
        fn lookup_short_nonzero_is_exact(w in proptest::string::string_regex("[a-z0-9]{1,8}|the|and|der|de|a").unwrap()) {
            static M: std::sync::OnceLock<NaiveStopwords> = std::sync::OnceLock::new();
            static S: std::sync::OnceLock<Stopwords> = std::sync::OnceLock::new();
            let m = M.get_or_init(NaiveStopwords::builtin);
            let s = S.get_or_init(Stopwords::builtin);
            let b = w.as_bytes();
            proptest::prop_assert_eq!(s.lookup_short_nonzero(key16(b) as u64), m.langs(b));
        }

        /// `lookup_key` (no test of the word's length) on keys of words of
        /// 0 to 16 bytes, stopwords, words longer than the longest, and
        /// others, gets what the naive map says.
        #[test]
        fn lookup_key_needs_no_length_test(w in proptest::string::string_regex("[a-z']{0,16}|the|and|der|[a-z]{13,16}").unwrap()) {
            static M: std::sync::OnceLock<NaiveStopwords> = std::sync::OnceLock::new();
            static S: std::sync::OnceLock<Stopwords> = std::sync::OnceLock::new();
            let m = M.get_or_init(NaiveStopwords::builtin);
            let s = S.get_or_init(Stopwords::builtin);
            let b = w.as_bytes();
            proptest::prop_assert_eq!(s.lookup_key(key16(b), b.len()), m.langs(b));
        }
    }

    /// Every stopword's key finds its languages, and so does each of its
    /// prefixes (the empty one included) what the naive map says.
    /// Every stopword of ASCII bytes has a length the ASCII word loop
    /// looks up.
    #[test]
    fn ascii_lengths_cover_every_ascii_stopword() {
        let s = Stopwords::builtin();
        for (w, _) in s.entries().filter(|(w, _)| w.is_ascii()) {
            assert!(s.ascii_len_may_match(w.len()), "{w:?}");
        }
        assert!(!s.ascii_len_may_match(MAX_STOPWORD + 1));
    }

    #[test]
    fn lookup_key_is_exact_for_every_stopword() {
        let s = Stopwords::builtin();
        let m = NaiveStopwords::builtin();
        for w in m.0.keys().filter(|w| w.len() <= 16) {
            for len in 0..=w.len() {
                let p = &w[..len];
                assert_eq!(s.lookup_key(key16(p), len), m.langs(p));
            }
        }
    }

    /// No stopword has a zero byte (`lookup_short_nonzero` tells words
    /// apart by their keys alone), and a word of ASCII letters and digits
    /// gets what the naive map says from it.
    #[test]
    fn no_stopword_has_a_zero_byte() {
        let s = Stopwords::builtin();
        let m = NaiveStopwords::builtin();
        for (w, _) in s.entries() {
            assert!(!w.contains(&0), "{w:?}");
        }
        for w in m.0.keys().filter(|w| w.len() <= 8) {
            for len in 1..=w.len() {
                let p = &w[..len];
                if p.iter().all(u8::is_ascii_alphanumeric) {
                    assert_eq!(s.lookup_short_nonzero(key16(p) as u64), m.langs(p));
                }
            }
        }
    }

    #[test]
    fn lists_load() {
        let s = Stopwords::builtin();
        assert_ne!(s.lookup(b"the") & Lang::En.bit(), 0);
        assert_ne!(s.lookup(b"und") & Lang::De.bit(), 0);
        assert_ne!(s.lookup("и".as_bytes()) & Lang::Ru.bit(), 0);
        assert_eq!(s.lookup(b"kremlin"), 0);
    }

    #[test]
    fn detect_falls_back_to_english() {
        let mut h = [0; NLANG];
        assert_eq!(detect(&h), Lang::En);
        h[Lang::De as usize] = 40;
        h[0] = 3;
        assert_eq!(detect(&h), Lang::De);
    }
}
