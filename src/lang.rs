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
#[derive(Clone, Debug)]
pub struct Stopwords {
    table: HashMap<Box<[u8]>, LangMask>,
}

impl Stopwords {
    /// Loads the built-in lists.
    pub fn builtin() -> Stopwords {
        let mut table: HashMap<Box<[u8]>, LangMask> = HashMap::default();
        for lang in Lang::ALL {
            for w in lang.stopword_file().lines() {
                let w = w.trim();
                if w.is_empty() || w.starts_with('#') || w.len() > MAX_STOPWORD {
                    continue;
                }
                *table.entry(w.as_bytes().into()).or_insert(0) |= lang.bit();
            }
        }
        Stopwords { table }
    }

    /// The languages `word` (already lowercase) is a stopword in.
    #[inline]
    pub fn lookup(&self, word: &[u8]) -> LangMask {
        self.table.get(word).copied().unwrap_or(0)
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
