//! [`CleanerBuilder`]: options in, a compiled [`Cleaner`] out.

use std::sync::Arc;

use crate::cleaner::{Cleaner, Inner, Params};
use crate::lang::{Lang, NaiveStopwords, Stopwords};
use crate::lexicon::{Lexicon, PhraseError};
use crate::shapes::Shapes;

/// How to trade article text against chrome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Drop more: lose a little article text rather than keep chrome.
    Precision,
    /// The default trade-off.
    #[default]
    Balanced,
    /// Keep more: keep some chrome rather than lose article text. Every
    /// line [`Mode::Balanced`] keeps is kept too (the page is judged at both
    /// settings), but for a second copy of a kept line (one copy stays) and
    /// where the passes over the article alone differ.
    Recall,
}

/// Builds a [`Cleaner`]. Every pattern is compiled once: the phrases in
/// [`build`](Self::build), each shape regex when a line first needs it.
#[derive(Clone, Debug, Default)]
pub struct CleanerBuilder {
    mode: Mode,
    lang: Option<Lang>,
    reference: bool,
}

/// An error while building a [`Cleaner`].
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A phrase file is malformed.
    #[error(transparent)]
    Phrase(#[from] PhraseError),
}

impl CleanerBuilder {
    /// A builder with the defaults: balanced mode, language detected per document.
    pub fn new() -> CleanerBuilder {
        CleanerBuilder::default()
    }

    /// Sets the precision/recall trade-off.
    pub fn mode(&mut self, mode: Mode) -> &mut CleanerBuilder {
        self.mode = mode;
        self
    }

    /// Fixes the language instead of detecting it per document.
    pub fn language(&mut self, lang: Option<Lang>) -> &mut CleanerBuilder {
        self.lang = lang;
        self
    }

    /// Runs the slow reference pipeline instead of the fast one: every
    /// shortcut replaced by its plain version (lines decoded as UTF-8 even
    /// when ASCII, stopwords in a plain hash map, every shape regex tried with
    /// no byte gate, every phrase searched on every line, repeats found by
    /// comparing each line with every earlier one, and each fixed-point pass
    /// run from scratch on the rendered article). It makes the same
    /// decisions, many times slower: it is there for tests to compare with.
    pub fn reference(&mut self, on: bool) -> &mut CleanerBuilder {
        self.reference = on;
        self
    }

    /// Compiles the lexicon and the stopword table; the shape regexes are
    /// compiled when first used (a process that cleans one small page
    /// needs few of them).
    pub fn build(&self) -> Result<Cleaner, BuildError> {
        let lexicon = Lexicon::builtin();
        let shapes = Shapes::builtin();
        Ok(Cleaner {
            inner: Arc::new(Inner {
                lexicon: lexicon?,
                labels: crate::lexicon::LabelWords::builtin(),
                shapes,
                stopwords: Stopwords::builtin(),
                params: Params::for_mode(self.mode),
                floor: (self.mode == Mode::Recall).then(|| Params::for_mode(Mode::Balanced)),
                lang: self.lang,
                naive_stopwords: self.reference.then(NaiveStopwords::builtin),
            }),
        })
    }
}
