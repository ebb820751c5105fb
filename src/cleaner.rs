//! [`Cleaner::clean`]: runs the stages in order and records one
//! [`Decision`] per line.
//!
//! 1. split into lines ([`crate::lines`]);
//! 2. measure each line and detect the language ([`crate::features`], [`crate::lang`]);
//! 3. hard evidence: phrases, shapes, breadcrumbs ([`crate::lexicon`], [`crate::shapes`]);
//! 4. repeats and alt-text fragments ([`crate::repeat`]);
//! 5. the context model and headings ([`crate::context`]);
//! 6. the article's end: nothing after a sign-off with little text after it,
//!    or from the header of a list of other stories on ([`crate::teasers`]);
//! 7. second copies of kept lines are dropped;
//! 8. the article is cleaned again on its own until nothing more drops (at
//!    most [`MAX_PASSES`] times), so that cleaning is idempotent.

use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};

use crate::builder::Mode;
use crate::context::{self, Thresholds};
use crate::features::{self, Features, LineFeats};
use crate::lang::{self, Lang, Stopwords, NLANG};
use crate::lexicon::{self, Lexicon};
use crate::lines::{self, Line};
use crate::repeat;
use crate::shapes::{self, Shapes};
use crate::teasers;
use crate::teasers::{Bits, CtxFeats};
use crate::verdict::{Category, Class, Decision, Rule, Verdict};

/// Tunable numbers, set from the [`Mode`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Params {
    pub thresholds: Thresholds,
    /// A sign-off ends the article when the kept text after it is less than
    /// this share of the kept text before it.
    pub sign_off_ratio: f32,
    /// A heading may be at most this many words.
    pub heading_words: u32,
    /// When the kept text weighs less than this, the thresholds are relaxed.
    pub min_article_weight: u64,
    /// Blocks of prose whose score is at least this share of the best
    /// block's count as article regions too.
    pub region_share: f32,
    /// A comment section ends the article only after this much kept text.
    pub min_comment_cut: u64,
    /// A list under its intro line goes on for at most this many lines.
    pub intro_list_lines: usize,
}

impl Params {
    pub(crate) fn for_mode(mode: Mode) -> Params {
        let base = Params {
            thresholds: Thresholds::default(),
            sign_off_ratio: 0.5,
            heading_words: 20,
            min_article_weight: 300,
            min_comment_cut: 800,
            region_share: 0.2,
            intro_list_lines: MAX_INTRO_LIST_LINES,
        };
        match mode {
            Mode::Balanced => base,
            Mode::Precision => Params {
                thresholds: Thresholds {
                    length_low: 80,
                    stop_low: 0.25,
                    stop_high: 0.28,
                    ..base.thresholds
                },
                min_comment_cut: 400,
                region_share: 0.3,
                // Long lists under an intro are more often widgets than
                // text: only as long as a list between paragraphs.
                intro_list_lines: MAX_LIST_LINES,
                ..base
            },
            Mode::Recall => Params {
                thresholds: Thresholds {
                    length_low: 50,
                    stop_low: 0.12,
                    stop_high: 0.15,
                    ..base.thresholds
                },
                sign_off_ratio: 0.3,
                min_comment_cut: 1200,
                region_share: 0.1,
                ..base
            },
        }
    }
}

#[derive(Debug)]
pub(crate) struct Inner {
    pub lexicon: Lexicon,
    pub labels: lexicon::LabelWords,
    pub shapes: Shapes,
    pub stopwords: Stopwords,
    pub params: Params,
    /// The settings of a mode whose kept lines this mode keeps too (recall
    /// keeps what balanced keeps), judged apart.
    pub floor: Option<Params>,
    pub lang: Option<Lang>,
    /// Set for the reference pipeline (see [`CleanerBuilder::reference`](crate::CleanerBuilder::reference)).
    pub naive_stopwords: Option<lang::NaiveStopwords>,
}

/// The compiled cleaner: immutable, cheap to clone, `Send + Sync`.
///
/// Build one with [`CleanerBuilder`](crate::CleanerBuilder) and reuse it for
/// every document.
#[derive(Clone, Debug)]
pub struct Cleaner {
    pub(crate) inner: Arc<Inner>,
}

/// Chrome found by a phrase or a shape.
#[derive(Clone, Copy, Debug)]
struct Evidence {
    category: Category,
    rule: Rule,
    ends_article: bool,
    /// A short line (at most [`SHORT_CHROME_WORDS`] words).
    short_chrome: bool,
    /// A per-comment widget or comment metadata.
    comment_marker: bool,
}

/// Bits of a line's evidence flags ([`EvidenceView::flags`]): it has
/// evidence at all; it ends the article; a comment marker; a short line;
/// a lexicon phrase; the `comment-total` shape; a credit that ends the
/// article.
const E_HAS: u8 = 1;
const E_ENDS: u8 = 2;
const E_MARKER: u8 = 4;
const E_SHORT: u8 = 8;
const E_PHRASE: u8 = 16;
const E_TOTAL: u8 = 32;
const E_CREDIT_END: u8 = 64;

impl Evidence {
    /// The value's `E_*` bits.
    fn flags(&self) -> u8 {
        let bit = |b: bool, f: u8| if b { f } else { 0 };
        E_HAS
            | bit(self.ends_article, E_ENDS)
            | bit(self.comment_marker, E_MARKER)
            | bit(self.short_chrome, E_SHORT)
            | bit(matches!(self.rule, Rule::Phrase(_)), E_PHRASE)
            | bit(self.rule == Rule::Shape("comment-total"), E_TOTAL)
            | bit(
                self.ends_article && self.category == Category::Credit,
                E_CREDIT_END,
            )
    }
}

/// Below this share of stopwords among all words of the page, its language
/// is taken as unknown.
const UNKNOWN_LANGUAGE_RATIO: f32 = 0.15;
/// A language with at least this share of the page language's stopword
/// hits is the page's second language: each line is read in the one of the
/// two it has more stopwords of.
const SECOND_LANGUAGE_SHARE: f32 = 0.3;
/// ... for a sentence of at least this many words.
const SECOND_LANGUAGE_WORDS: u32 = 10;
/// The stopword density a sentence is given on a page of unknown language.
const UNKNOWN_LANGUAGE_SENTENCE_DENSITY: f32 = 0.34;
/// A line of at least this many words is read as prose when the page's
/// language is told from its long lines ([`prose_in`]).
const PROSE_LINE_WORDS: u32 = 8;
/// The share of stopwords among the words of the long lines from which
/// the page's language is known however few its other lines hold.
const PROSE_LANGUAGE_RATIO: f32 = 0.25;
/// ... when the long lines hold at least this many words.
const PROSE_MIN_WORDS: u64 = 80;

/// Is the page written in `lang` (`stops`: each line's count of its
/// stopwords) in its long lines with no chrome evidence (`eflags`),
/// however few stopwords the rest holds?
///
/// A site's menus of nouns (a German portal's hundred links) can bring the
/// whole page's share of stopwords under [`UNKNOWN_LANGUAGE_RATIO`] when
/// its article is ordinary prose; read as a page of unknown language, a
/// paragraph that does not end as a sentence ("... Bahnumschlags. (cm)")
/// would count no stopword at all. A comment form's notices ("You can
/// follow any responses to this entry ...") are no prose to tell the
/// language from.
fn prose_in(feats: &[LineFeats], eflags: &[u8], stops: &StopTable, lang: Lang) -> bool {
    let (mut words, mut hits) = (0u64, 0u64);
    let mut reader = stops.reader();
    for (f, &e) in feats.iter().zip(eflags) {
        let row = reader.next_row();
        if f.words >= PROSE_LINE_WORDS && e & E_HAS == 0 {
            words += f.words as u64;
            hits += reader.count(row, lang) as u64;
        }
    }
    words >= PROSE_MIN_WORDS && hits as f32 >= PROSE_LANGUAGE_RATIO * words as f32
}

// Lines the lexicon looks at are measured in one piece (see `evidence`).
const _: () = assert!(lexicon::MAX_LINE_BYTES <= features::MEASURE_LIMIT);

/// Comment markers are counted this many lines ahead.
const COMMENT_WINDOW: usize = 12;

/// Is there a comment's text (a line with no chrome evidence and some
/// stopwords) between the comment marker `i` and the second marker below
/// it? Markers with nothing but names and pictures between them ("Image
/// copyright @name", "Report" under each embedded post) are widgets of
/// the article, not its comments.
fn talk_between(marker: Bits<'_>, density: &[f32], evidence: EvidenceView<'_>, i: usize) -> bool {
    let mut seen = 0;
    // (A density a line, as a marker.)
    for (j, &d) in density.iter().enumerate().skip(i + 1) {
        if marker.at(j) {
            seen += 1;
            if seen == 2 {
                return false;
            }
        } else if !evidence.has(j) && d > 0.0 {
            return true;
        }
    }
    false
}

/// How many lines above a line pass a test, counted only when asked
/// (the test runs once per line, and only as far down as asked).
#[derive(Default)]
struct Tally {
    scanned: usize,
    count: u32,
}

impl Tally {
    /// The number of lines above `i` that pass `test`; `i` never goes down
    /// between calls.
    fn upto(&mut self, i: usize, test: impl Fn(usize) -> bool) -> u32 {
        while self.scanned < i {
            if test(self.scanned) {
                self.count += 1;
            }
            self.scanned += 1;
        }
        self.count
    }
}

/// Does a post's count of comments stand on the comment marker `i` or
/// between it and the second marker below it? Then the markers head or
/// close the posts of a blog's front page or a news stream ("Posted by
/// Ann at 9:14 PM | Comments (5)"), which are its article: comments do
/// not count comments.
fn posts_between(marker: Bits<'_>, counted: impl Fn(usize) -> bool, i: usize) -> bool {
    let mut seen = 0;
    for j in i..marker.len() {
        if counted(j) {
            return true;
        }
        if j > i && marker.at(j) {
            seen += 1;
            if seen == 2 {
                return false;
            }
        }
    }
    false
}

/// Words of a timestamp that say nothing of who wrote: months, weekdays,
/// the time of day's marks and zones, ordinals, "at", "on".
const CALENDAR_WORDS: &[&[u8]] = &[
    b"jan",
    b"january",
    b"feb",
    b"february",
    b"mar",
    b"march",
    b"apr",
    b"april",
    b"may",
    b"jun",
    b"june",
    b"jul",
    b"july",
    b"aug",
    b"august",
    b"sep",
    b"sept",
    b"september",
    b"oct",
    b"october",
    b"nov",
    b"november",
    b"dec",
    b"december",
    b"mon",
    b"monday",
    b"tue",
    b"tues",
    b"tuesday",
    b"wed",
    b"wednesday",
    b"thu",
    b"thur",
    b"thurs",
    b"thursday",
    b"fri",
    b"friday",
    b"sat",
    b"saturday",
    b"sun",
    b"sunday",
    b"am",
    b"pm",
    b"at",
    b"on",
    b"gmt",
    b"utc",
    b"est",
    b"edt",
    b"pst",
    b"pdt",
    b"cet",
    b"st",
    b"nd",
    b"rd",
    b"th",
];

/// Does `a` hold the same words as `b`, besides digits and
/// [`CALENDAR_WORDS`], and some word at all ("hubbard SESSION_LEADER" in
/// "1010719012 hubbard SESSION_LEADER Jul 19 2001 12:45PM")?
fn same_voice(a: &[u8], b: &[u8]) -> bool {
    let words = |t: &'_ [u8]| -> Vec<Vec<u8>> {
        t.split(|c| c.is_ascii() && !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_ascii_lowercase())
            .filter(|w| !CALENDAR_WORDS.contains(&w.as_slice()))
            .collect()
    };
    let wa = words(a);
    !wa.is_empty() && wa == words(b)
}

/// At least this many timestamps in a row, all in one voice (see
/// [`one_voice`]), are one author's log, not a conversation.
const ONE_VOICE_RUN: usize = 4;

/// Are the bare timestamps from marker `i` on (the next
/// [`ONE_VOICE_RUN`] markers within [`COMMENT_WINDOW`] lines of one
/// another) all of one voice, with no comment widget among them? A
/// conversation has more than one: a log or a diary of one author ("1010719012
/// hubbard SESSION_LEADER Jul 19 2001 12:45PM" above each entry) is the
/// article.
fn one_voice(texts: &[&[u8]], marker: Bits<'_>, strong: Bits<'_>, i: usize) -> bool {
    marker_run(marker, i, |j| {
        !strong.at(j) && same_voice(texts[i], texts[j])
    })
}

/// Do the next [`ONE_VOICE_RUN`] markers from marker `i` on, each within
/// [`COMMENT_WINDOW`] lines of the last, all pass `alike`?
fn marker_run(marker: Bits<'_>, i: usize, alike: impl Fn(usize) -> bool) -> bool {
    let mut seen = 0;
    let mut last = i;
    for j in i..marker.len() {
        if j - last > COMMENT_WINDOW {
            break;
        }
        if marker.at(j) {
            if !alike(j) {
                return false;
            }
            seen += 1;
            last = j;
            if seen == ONE_VOICE_RUN {
                return true;
            }
        }
    }
    false
}

/// The first time of day in a line ("7:30" of "Tuesday, October 24 at
/// 7:30pm"): its bytes.
fn time_of_day(t: &[u8]) -> Option<&[u8]> {
    let d = |j: usize| t.get(j).is_some_and(u8::is_ascii_digit);
    let i = memchr::memchr_iter(b':', t).find(|&i| i >= 1 && d(i - 1) && d(i + 1) && d(i + 2))?;
    let start = if i >= 2 && d(i - 2) { i - 2 } else { i - 1 };
    Some(&t[start..i + 3])
}

/// Do the timestamps from marker `i` on (the next [`ONE_VOICE_RUN`]
/// markers within [`COMMENT_WINDOW`] lines of one another) all give the
/// same time of day? Comments are not written at the same minute again and
/// again: a class every Tuesday at 7:30pm is a schedule of the article.
fn one_time(texts: &[&[u8]], marker: Bits<'_>, i: usize) -> bool {
    let Some(t) = time_of_day(texts[i]) else {
        return false;
    };
    marker_run(marker, i, |j| time_of_day(texts[j]) == Some(t))
}

/// Is marker `i` a widget printed under each post embedded in the article
/// ("Report" under each quoted tweet): a widget phrase, the markers from
/// it on, each within [`COMMENT_WINDOW`] lines of the last, are that same
/// widget, and no line among them gives a date or a commenter's name
/// (`signed`)? A comment carries its time or its author; an embedded
/// post quoted by the article needs neither.
fn widget_run(
    texts: &[&[u8]],
    evidence: EvidenceView<'_>,
    marker: Bits<'_>,
    signed: Bits<'_>,
    i: usize,
) -> bool {
    // An action ("Report", "Reply"), not an attribution ("says:" under
    // the commenter's name).
    if !evidence[i].is_some_and(|e| e.comment_marker && matches!(e.rule, Rule::Phrase(_)))
        || texts[i].trim_ascii_end().ends_with(b":")
    {
        return false;
    }
    let same = |t: &[u8]| t.trim_ascii().eq_ignore_ascii_case(texts[i].trim_ascii());
    let mut last = i;
    // (A text a line, as a marker.)
    for (j, t) in texts.iter().enumerate().skip(i) {
        if j - last > COMMENT_WINDOW {
            break;
        }
        if marker.at(j) {
            if !same(t) {
                return false;
            }
            last = j;
        } else if signed.at(j) {
            return false;
        }
    }
    true
}

/// Comment-section headers that are also the headings of a section of
/// papers, reports and minutes.
const SECTION_HEADERS: &[&str] = &["discussion"];

/// Chrome lines of at most this many words are invisible to their
/// neighbours in the context model.
const SHORT_CHROME_WORDS: u32 = 8;

/// At most this many passes over the article after the first (see
/// [`Cleaner::clean`]).
const MAX_PASSES: usize = 8;

/// A commenter's name line has at most this many words.
const AUTHOR_WORDS: u32 = 3;
/// ... and the line after it at least this many.
const AUTHOR_NEXT_WORDS: u32 = 6;

/// Comments are recognised from their authors' names when this many more
/// name lines follow within [`COMMENT_WINDOW`] lines.
const AUTHOR_RUN: u32 = 4;

/// A comments header is confirmed by comment markers this many lines
/// below it.
const HEADER_MARKER_WINDOW: usize = 8;

/// A count of comments confirmed by this many comments' dates below it
/// ends even a short post.
const SHORT_POST_MARKERS: u32 = 2;

/// How far above a run of commenters' names the widgets are looked for.
const WIDGET_WINDOW: usize = 6;

/// At most this many chrome lines between two items of a marked list.
const MAX_ITEM_GAP: usize = 2;

/// A list between two paragraphs is kept up to this many lines.
const MAX_LIST_LINES: usize = 30;

/// A list under its intro (a line ending in a colon below a paragraph)
/// goes on for up to this many lines: its intro says that a list follows,
/// so a long one (the members of a society, the towns a firm serves) is
/// not cut at [`MAX_LIST_LINES`] (but in precision mode); it still ends
/// at the first chrome, prose or kept line.
const MAX_INTRO_LIST_LINES: usize = 120;

/// At most this many lines between two paragraphs of the article region
/// are kept as part of it (see [`Rule::InBody`]).
const MAX_GAP_LINES: usize = 4;

/// A repeated line is dropped as a copy only from this many words.
const MIN_REPEAT_WORDS: u32 = 4;

/// How far above the first paragraph the lead-in (headline, standfirst,
/// caption) is looked for, in lines.
const LEAD_IN_WINDOW: usize = 8;
/// The chrome lines right above the first paragraph (a byline, a date, a
/// long share row) are stepped over, up to this many, before the window
/// of [`LEAD_IN_WINDOW`] lines starts.
const LEAD_IN_REACH: usize = 16;
/// Lead-in lines found that far (more than [`LEAD_IN_WINDOW`] lines above
/// the paragraph) are at most the first this many.
const LEAD_IN_FAR_LINES: usize = 2;
/// A kept line with no kept line among the this many before it starts a block.
const LEAD_IN_GAP: usize = 4;
/// A line is cut by hard wrapping only from this many bytes.
const WRAP_MIN_BYTES: usize = 40;

/// At most this many short lines (a date, a name) between the first
/// paragraph and its standfirst are stepped over by the lead-in.
const LEAD_IN_STEPS: usize = 2;
/// ... each of at most this many words.
const LEAD_IN_STEP_WORDS: u32 = 4;

/// At most this many lead-in lines are kept.
const LEAD_IN_LINES: usize = 4;

/// A short sentence right below kept text is kept from this many words.
const SENTENCE_WORDS: u32 = 4;

/// A reference is kept at most this many lines below kept text.
const CITATION_GAP: usize = 2;

/// At most this many lines between the article's last kept line and its
/// end are kept as its tail.
const TAIL_LINES: usize = 2;

/// The items of a list above its kept part ([`keep_list_starts`]) are
/// this many words long on average, at least.
const LIST_START_WORDS: u32 = 4;

/// A list of amounts next to kept text ([`keep_amounts`]) has at least
/// this many lines that start with an amount, and at least
/// [`MIN_MEASURED`] of them name a unit of measure.
const MIN_AMOUNTS: usize = 3;

/// See [`MIN_AMOUNTS`].
const MIN_MEASURED: usize = 2;

/// A list of amounts with no kept text next to it ([`keep_amounts`]) is
/// kept from this many lines that start with an amount, at least
/// [`MIN_LONE_MEASURED`] of them with a unit of measure.
const MIN_LONE_AMOUNTS: usize = 4;

/// See [`MIN_LONE_AMOUNTS`].
const MIN_LONE_MEASURED: usize = 3;

/// The longest line read as an item of a list of amounts, in bytes.
const MAX_AMOUNT_LINE: usize = 120;

/// Units of measure (and counted things) written after an amount, lower
/// case, without a final dot: a recipe's ingredients in the languages of
/// the stopword lists ("200 g Zucker", "1 TL Zimt", "1 1/2 cups milk",
/// "2 cuillères à soupe d'huile", "1 cucharada de sal").
#[rustfmt::skip]
const AMOUNT_UNITS: &[&str] = &[
    "g", "gr", "gram", "grams", "gramm", "kg", "mg", "ml", "cl", "dl", "l", "liter", "litre",
    "liters", "litres", "oz", "ounce", "ounces", "lb", "lbs", "pound", "pounds", "cup", "cups", "c",
    "tbsp", "tbsps", "tbs", "tsp", "tsps", "tablespoon", "tablespoons", "teaspoon", "teaspoons",
    "pinch", "dash", "clove", "cloves", "can", "cans", "stick", "sticks", "slice", "slices",
    "quart", "quarts", "pint", "pints", "gallon", "gallons", "handful", "sprig", "sprigs", "bunch",
    "cube", "cubes", "el", "tl", "msp", "prise", "prisen", "pck", "päckchen", "packung", "dose",
    "dosen", "dose/n", "becher", "bund", "zehe", "zehen", "stück", "glas", "scheibe", "scheiben",
    "cs", "cc", "càs", "càc", "cuillère", "cuillères", "cuillerée", "cuillerées", "pincée",
    "gousse", "gousses", "sachet", "sachets", "cucharada", "cucharadas", "cucharadita",
    "cucharaditas", "taza", "tazas", "pizca", "diente", "dientes", "cucchiaio", "cucchiai",
    "cucchiaino", "cucchiaini", "spicchio", "spicchi", "łyżka", "łyżki", "łyżeczka", "łyżeczki",
    "szklanka", "szklanki", "ząbek", "ząbki", "colher", "colheres", "xícara", "xícaras", "dente",
    "dentes",
];

/// A table next to kept text ([`keep_tables`]) has at least this many rows.
const MIN_TABLE_ROWS: usize = 3;

/// A block of facts ([`keep_facts`]) has at least this many "Label:
/// value" lines.
const MIN_FACTS: usize = 3;
/// A label of a fact is at most this many words and bytes.
const FACT_LABEL_WORDS: usize = 3;
const FACT_LABEL_BYTES: usize = 40;
/// The first words of labels that a post's footer prints ("Tags: a, b",
/// "Category: News", "Source: Reuters", "Related topics: ..."): a block
/// with one of them is no block of facts. They are [`POST_FOOTER_WORDS`]
/// and these.
const FOOTER_LABELS: &[&[u8]] = &[
    b"topics",
    b"related",
    b"source",
    b"sources",
    b"share",
    b"more",
    b"previous",
    b"next",
    b"via",
    b"from",
    b"news",
];

/// The page's lines with their own measures (a line of a hard-wrapped
/// paragraph with its own length and density, unlike [`Doc`]): what the
/// article's end is looked for in.
#[derive(Clone, Copy)]
struct Measured<'d> {
    texts: &'d [&'d [u8]],
    feats: &'d [LineFeats],
    density: &'d [f32],
    evidence: EvidenceView<'d>,
    /// Each line's [`EvidenceView::flags`].
    eflags: &'d [u8],
    /// `joined[i]`: line `i + 1` goes on with line `i`'s paragraph.
    joined: &'d [bool],
}

/// What the stages before the context model found, per line.
struct Doc<'d> {
    texts: &'d [&'d [u8]],
    /// Each line's features and stopword density as the context model
    /// sees them: a line of a hard-wrapped paragraph is given its
    /// paragraph's length, ending and density (its own weight is
    /// [`CtxFeats::own_weight`]).
    feats: CtxFeats<'d>,
    evidence: EvidenceView<'d>,
    /// Each line's [`EvidenceView::flags`].
    eflags: &'d [u8],
    alt: &'d [bool],
    skip: &'d [bool],
    /// `joined[i]`: line `i + 1` goes on with line `i`'s paragraph.
    joined: &'d [bool],
    /// The page is wrapped at one width (a text-mode browser's dump).
    wrapped: bool,
    /// Some line may hold a tab (false: none does, and the table-row test
    /// skips its search for two tabs; see [`LineMeasures::tabs`]).
    tabs: bool,
}

/// What each line's own bytes say: features, stopword counts per language,
/// hard evidence.
struct LineMeasures {
    feats: Vec<LineFeats>,
    stops: StopTable,
    evidence: EvidenceTable,
    /// Some line may hold a tab: true unless the fast path found none in
    /// the whole input (most pages have none; the reference always looks).
    tabs: bool,
}

impl LineMeasures {
    /// The measures of the lines at `idx` (strictly increasing), in that
    /// order.
    fn select(&self, idx: &[usize]) -> LineMeasures {
        LineMeasures {
            feats: idx.iter().map(|&i| self.feats[i]).collect(),
            stops: self.stops.select(idx),
            evidence: EvidenceTable {
                kinds: self.evidence.kinds.clone(),
                of: idx.iter().map(|&i| self.evidence.of[i]).collect(),
            },
            tabs: self.tabs,
        }
    }
}

/// Each line's evidence, kept as an index into the few distinct values a
/// page has (4 bytes a line instead of 32).
struct EvidenceTable {
    /// The distinct values; `None` first.
    kinds: Vec<Option<Evidence>>,
    /// Each line's index into `kinds`.
    of: Vec<u32>,
}

impl EvidenceTable {
    fn view(&self) -> EvidenceView<'_> {
        EvidenceView {
            kinds: &self.kinds,
            of: &self.of,
        }
    }
}

/// The kinds of evidence [`EvidenceTableBuilder`] makes room for at first
/// (most pages have fewer: 56 fits a hash table of 64 buckets).
const EVIDENCE_KINDS_ROOM: usize = 56;

/// Builds an [`EvidenceTable`] line by line.
struct EvidenceTableBuilder {
    table: EvidenceTable,
    index: HashMap<EvidenceId, u32>,
}

/// An [`Evidence`] value for [`EvidenceTableBuilder`]'s index, cheap to
/// hash: a phrase or shape name by its address (two equal names at two
/// addresses only give two entries of the same value).
#[derive(PartialEq, Eq)]
struct EvidenceId {
    /// The address and length of a phrase's or shape's name, and which.
    name: (usize, usize, bool),
    /// Any other rule.
    rule: Option<Rule>,
    category: Category,
    flags: [bool; 3],
}

/// Only the name's address is hashed (one word, where hashing each field
/// costs several times as much): the few values that share it (a phrase
/// with and without `short_chrome`, the rules with no name) are told
/// apart by `Eq`.
impl std::hash::Hash for EvidenceId {
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_usize(self.name.0);
    }
}

impl EvidenceId {
    fn of(e: &Evidence) -> EvidenceId {
        let (name, rule) = match e.rule {
            Rule::Phrase(s) => ((s.as_ptr() as usize, s.len(), false), None),
            Rule::Shape(s) => ((s.as_ptr() as usize, s.len(), true), None),
            other => ((0, 0, false), Some(other)),
        };
        EvidenceId {
            name,
            rule,
            category: e.category,
            flags: [e.ends_article, e.short_chrome, e.comment_marker],
        }
    }
}

impl EvidenceTableBuilder {
    fn with_capacity(n: usize) -> Self {
        EvidenceTableBuilder {
            // Room for the kinds most pages have, so that the table and
            // its index do not grow (and rehash) step by step.
            table: EvidenceTable {
                kinds: {
                    let mut kinds = Vec::with_capacity(EVIDENCE_KINDS_ROOM + 1);
                    kinds.push(None);
                    kinds
                },
                of: Vec::with_capacity(n),
            },
            index: HashMap::with_capacity(EVIDENCE_KINDS_ROOM),
        }
    }

    #[inline]
    fn push(&mut self, e: Option<Evidence>) {
        let k = match e {
            None => 0,
            Some(e) => {
                let kinds = &mut self.table.kinds;
                *self.index.entry(EvidenceId::of(&e)).or_insert_with(|| {
                    kinds.push(Some(e));
                    (kinds.len() - 1) as u32
                })
            }
        };
        self.table.of.push(k);
    }
}

/// A borrowed [`EvidenceTable`] (or a part of it): indexed like a slice of
/// `Option<Evidence>`.
#[derive(Clone, Copy)]
struct EvidenceView<'d> {
    kinds: &'d [Option<Evidence>],
    of: &'d [u32],
}

impl<'d> EvidenceView<'d> {
    /// Line `i`'s entry in the evidence table (0: none).
    #[inline]
    fn kind(&self, i: usize) -> u32 {
        self.of[i]
    }

    /// Has line `i` evidence? (`self[i].is_some()`, without reading it.)
    #[inline]
    fn has(&self, i: usize) -> bool {
        self.of[i] != 0
    }

    /// Line `i`'s evidence (`self[i]`), the table read only when the line
    /// has some (most lines have none: one load instead of two).
    #[inline]
    fn get(&self, i: usize) -> Option<Evidence> {
        if self.has(i) {
            self[i]
        } else {
            None
        }
    }

    /// Each line's [`Evidence::flags`] (0: no evidence), worked out once
    /// for each distinct value: the page-level passes test a byte a line
    /// instead of reading the line's evidence.
    fn flags(&self) -> Vec<u8> {
        let kinds: Vec<u8> = self
            .kinds
            .iter()
            .map(|k| k.map_or(0, |e| e.flags()))
            .collect();
        self.of.iter().map(|&k| kinds[k as usize]).collect()
    }

    #[inline]
    fn slice<R: std::slice::SliceIndex<[u32], Output = [u32]>>(&self, r: R) -> EvidenceView<'d> {
        EvidenceView {
            kinds: self.kinds,
            of: &self.of[r],
        }
    }

    #[inline]
    fn iter(&self) -> impl Iterator<Item = Option<Evidence>> + 'd {
        let kinds = self.kinds;
        self.of.iter().map(move |&k| kinds[k as usize])
    }
}

impl std::ops::Index<usize> for EvidenceView<'_> {
    type Output = Option<Evidence>;

    #[inline]
    fn index(&self, i: usize) -> &Option<Evidence> {
        &self.kinds[self.of[i] as usize]
    }
}

/// Each line's stopword counts per language, one byte each; the few lines
/// with a count of 255 or more are kept whole aside, and a line with no
/// stopword at all (a heading, a date, a menu item) has no counts but a
/// bit saying so. Read in line order ([`StopReader`]).
struct StopTable {
    /// Bit `i % 64` of word `i / 64`: line `i` has a stopword, and a row
    /// in `rows`.
    has: Vec<u64>,
    /// The counts of the lines with a stopword, in order; `BIG` first when
    /// they are in `big`.
    rows: Vec<[u8; NLANG]>,
    /// The rows (by their index in `rows`) with a count of at least
    /// [`StopTable::BIG`], in order.
    big: Vec<(u32, features::StopCounts)>,
    /// How many lines.
    len: usize,
}

impl StopTable {
    const BIG: u8 = u8::MAX;

    fn with_capacity(n: usize) -> StopTable {
        StopTable {
            has: Vec::with_capacity(n.div_ceil(64)),
            rows: Vec::with_capacity(n),
            big: Vec::new(),
            len: 0,
        }
    }

    /// Gives back the room of the rows not taken (the lines without a
    /// stopword): the table is held as long as the page.
    fn shrink_to_fit(&mut self) {
        self.rows.shrink_to_fit();
    }

    /// Makes room for one more line, with or without a stopword (its row
    /// is pushed after this when it has one). [`push`](Self::push) does
    /// the same in its own words: sharing this cost it 0.25% more
    /// instructions a round.
    #[inline]
    fn push_line(&mut self, has: bool) {
        let i = self.len;
        self.len += 1;
        if i % 64 == 0 {
            self.has.push(0);
        }
        if has {
            if let Some(w) = self.has.last_mut() {
                *w |= 1 << (i % 64);
            }
        }
    }

    fn push(&mut self, c: features::StopCounts) {
        let i = self.len;
        self.len += 1;
        if i % 64 == 0 {
            self.has.push(0);
        }
        // The counts' bits together: one test for most lines.
        let any = c.iter().fold(0, |a, &x| a | x);
        if any == 0 {
            return;
        }
        if let Some(w) = self.has.last_mut() {
            *w |= 1 << (i % 64);
        }
        let r = self.rows.len() as u32;
        if any < 0x80 || c.iter().all(|&x| x < Self::BIG as u16) {
            self.rows.push(c.map(|x| x as u8));
        } else {
            self.rows.push([Self::BIG; NLANG]);
            self.big.push((r, c));
        }
    }

    /// Adds every line's counts to `hits`.
    fn add_all(&self, hits: &mut [u32; NLANG]) {
        // A row in `big` adds [BIG; NLANG] here, taken back below. The
        // counts are summed in 16 bits, 257 rows at a time (255 x 257
        // fits), then added to `hits`.
        for chunk in self.rows.chunks(257) {
            let mut sum = [0u16; NLANG];
            for s in chunk {
                for (h, &c) in sum.iter_mut().zip(s) {
                    *h += u16::from(c);
                }
            }
            for (h, c) in hits.iter_mut().zip(sum) {
                *h += u32::from(c);
            }
        }
        for (_, c) in &self.big {
            for (h, &c) in hits.iter_mut().zip(c) {
                *h = *h - u32::from(Self::BIG) + u32::from(c);
            }
        }
    }

    /// The lines' counts, line after line from the first.
    fn reader(&self) -> StopReader<'_> {
        StopReader {
            table: self,
            line: 0,
            row: 0,
            bits: 0,
        }
    }

    fn big_counts(&self, row: usize) -> features::StopCounts {
        let k = self
            .big
            .binary_search_by_key(&(row as u32), |&(j, _)| j)
            .expect("a row marked big is in the big table");
        self.big[k].1
    }

    /// The counts of the lines at `idx` (strictly increasing), in that
    /// order.
    fn select(&self, idx: &[usize]) -> StopTable {
        let mut t = StopTable::with_capacity(idx.len());
        let mut reader = self.reader();
        for &i in idx {
            let row = reader.seek(i);
            t.push_line(row.is_some());
            let Some(r) = row else { continue };
            let s = self.rows[r];
            if s[0] == Self::BIG {
                t.big.push((t.rows.len() as u32, self.big_counts(r)));
            }
            t.rows.push(s);
        }
        t.shrink_to_fit();
        t
    }
}

/// A [`StopTable`]'s lines read in order: where each line's row is is
/// counted as they go by.
struct StopReader<'t> {
    table: &'t StopTable,
    /// The next line.
    line: usize,
    /// The next line's row, if it has one.
    row: usize,
    /// The bits of `has` from the next line's to the end of its word.
    bits: u64,
}

impl StopReader<'_> {
    /// The next line's row, if it has a stopword (the reader moves on).
    #[inline]
    fn next_row(&mut self) -> Option<usize> {
        if self.line % 64 == 0 {
            self.bits = self.table.has[self.line / 64];
        }
        self.line += 1;
        let has = self.bits & 1 != 0;
        self.bits >>= 1;
        let row = self.row;
        self.row += usize::from(has);
        has.then_some(row)
    }

    /// Line `i`'s row (`i` no earlier than the next line), if it has one.
    fn seek(&mut self, i: usize) -> Option<usize> {
        debug_assert!(i >= self.line, "lines are read in order");
        while self.line < i {
            self.next_row();
        }
        self.next_row()
    }

    /// The count in `lang` of the line at `row` (`None`: it has no stopword).
    #[inline]
    fn count(&self, row: Option<usize>, lang: Lang) -> u16 {
        let Some(r) = row else { return 0 };
        let s = &self.table.rows[r];
        if s[0] == StopTable::BIG {
            self.table.big_counts(r)[lang as usize]
        } else {
            s[lang as usize].into()
        }
    }
}

/// The context model's result at one set of thresholds.
struct Judgement {
    initial: Vec<Class>,
    resolved: Vec<Class>,
    keep: Vec<bool>,
    /// The rule that kept a line the context model alone would drop.
    heading: Vec<Option<KeptBy>>,
}

/// Defines [`KeptBy`] and [`KeptBy::ALL`] from one list, so that every
/// variant is in `ALL` at its own position (the codes of
/// [`code::keep_by`] are the positions).
macro_rules! kept_by {
    ($(#[$m:meta])* enum $name:ident { $($v:ident),+ $(,)? }) => {
        $(#[$m])*
        enum $name { $($v),+ }

        impl $name {
            const ALL: &'static [$name] = &[$($name::$v),+];
        }
    };
}

kept_by! {
    /// A rule that keeps a line the context model alone would drop: one byte a
    /// line where an `Option<Rule>` takes 24.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum KeptBy {
        Heading,
        LeadIn,
        ListItem,
        InBody,
        Tail,
        ShortSentence,
        Continuation,
        Citation,
        Caption,
        Table,
        Amounts,
        Fact,
        Dateline,
    }
}

impl KeptBy {
    fn rule(self) -> Rule {
        match self {
            KeptBy::Heading => Rule::Heading,
            KeptBy::LeadIn => Rule::LeadIn,
            KeptBy::ListItem => Rule::ListItem,
            KeptBy::InBody => Rule::InBody,
            KeptBy::Tail => Rule::Tail,
            KeptBy::ShortSentence => Rule::ShortSentence,
            KeptBy::Continuation => Rule::Continuation,
            KeptBy::Citation => Rule::Citation,
            KeptBy::Caption => Rule::Caption,
            KeptBy::Table => Rule::Table,
            KeptBy::Amounts => Rule::Amounts,
            KeptBy::Fact => Rule::Fact,
            KeptBy::Dateline => Rule::Dateline,
        }
    }
}

impl Doc<'_> {
    /// The first `end` lines, as if the page ended there.
    fn prefix(&self, end: usize) -> Doc<'_> {
        Doc {
            texts: &self.texts[..end],
            feats: self.feats.prefix(end),
            evidence: self.evidence.slice(..end),
            eflags: &self.eflags[..end],
            alt: &self.alt[..end],
            skip: &self.skip[..end],
            joined: &self.joined[..end],
            wrapped: self.wrapped,
            tabs: self.tabs,
        }
    }
}

impl Judgement {
    /// Takes `head`'s decisions for the lines it covers.
    fn replace_prefix(&mut self, head: Judgement) {
        let c = head.keep.len();
        self.initial[..c].copy_from_slice(&head.initial);
        self.resolved[..c].copy_from_slice(&head.resolved);
        self.keep[..c].copy_from_slice(&head.keep);
        self.heading[..c].copy_from_slice(&head.heading);
    }

    /// The lines' own weight (never their paragraph's) of the kept lines.
    fn kept_weight(&self, feats: CtxFeats<'_>) -> u64 {
        (self.keep.iter().enumerate())
            .filter(|(_, k)| **k)
            .map(|(i, _)| u64::from(feats.own_weight(i)))
            .sum()
    }
}

/// Each line's decision as a code, 4 bytes a line instead of the 32 of a
/// [`Decision`]: the decisions the cleaner makes on its own have fixed
/// codes (the keeps first), and a drop for chrome evidence has the code of
/// its entry in the page's [`EvidenceTable`], after them. [`code::table`]
/// gives the decision of each code.
mod code {
    use super::{Category, Class, Decision, Evidence, KeptBy, Rule, Verdict};

    const CLASSES: [Class; 4] = [Class::Good, Class::NearGood, Class::Short, Class::Bad];

    /// The position of `c` in [`CLASSES`] (a class added to the context
    /// model fails to compile here rather than share a code).
    const fn class_index(c: Class) -> u32 {
        match c {
            Class::Good => 0,
            Class::NearGood => 1,
            Class::Short => 2,
            Class::Bad => 3,
        }
    }

    const _: () = {
        let mut i = 0;
        while i < CLASSES.len() {
            assert!(class_index(CLASSES[i]) as usize == i);
            i += 1;
        }
    };

    /// Kept by the context model.
    pub fn keep_context(initial: Class, fin: Class) -> u32 {
        4 * class_index(initial) + class_index(fin)
    }
    /// Kept by a rule the context model alone would drop.
    pub fn keep_by(k: KeptBy) -> u32 {
        16 + k as u32
    }
    pub const FRAGMENT: u32 = 16 + KeptBy::ALL.len() as u32;
    /// The codes below this are keeps.
    pub const KEEPS: u32 = FRAGMENT + 1;
    /// Dropped by the context model.
    pub fn drop_context(initial: Class, fin: Class) -> u32 {
        KEEPS + keep_context(initial, fin)
    }
    pub const ALT_PREFIX: u32 = KEEPS + 16;
    pub const REPEAT: u32 = ALT_PREFIX + 1;
    pub const AFTER_SIGN_OFF: u32 = REPEAT + 1;
    pub const AFTER_TEASERS: u32 = AFTER_SIGN_OFF + 1;
    /// Read as text by the context model, dropped outside the article's
    /// regions.
    pub const OUTSIDE_REGION: u32 = AFTER_TEASERS + 1;
    /// The first code of a drop for evidence.
    const EVIDENCE: u32 = OUTSIDE_REGION + 1;

    /// Dropped for the evidence of entry `kind` of the page's evidence table.
    pub fn evidence(kind: u32) -> u32 {
        EVIDENCE + kind
    }

    /// Does every code of a page with `kinds` entries in its evidence
    /// table fit in 16 bits?
    pub fn fits_u16(kinds: usize) -> bool {
        EVIDENCE as usize + kinds <= 1 << 16
    }

    #[inline]
    pub fn is_keep(code: u32) -> bool {
        code < KEEPS
    }

    /// What [`table`] starts each entry with; no entry keeps it.
    const UNSET: Decision = Decision {
        verdict: Verdict::Keep,
        rule: Rule::OutsideRegion,
    };

    /// The decision of each code, for a page with evidence table `kinds`.
    pub fn table(kinds: &[Option<Evidence>]) -> Vec<Decision> {
        let d = |verdict, rule| Decision { verdict, rule };
        let low = Verdict::Drop(Category::LowContent);
        let dup = Verdict::Drop(Category::Duplicate);
        // Entry 0 of `kinds` is no evidence: no line has its code.
        let mut t = vec![UNSET; (EVIDENCE as usize) + kinds.len()];
        for initial in CLASSES {
            for fin in CLASSES {
                let rule = Rule::Context { initial, fin };
                t[keep_context(initial, fin) as usize] = d(Verdict::Keep, rule);
                t[drop_context(initial, fin) as usize] = d(low, rule);
            }
        }
        for &k in KeptBy::ALL {
            t[keep_by(k) as usize] = d(Verdict::Keep, k.rule());
        }
        t[FRAGMENT as usize] = d(Verdict::Keep, Rule::Fragment);
        t[ALT_PREFIX as usize] = d(dup, Rule::AltPrefix);
        t[REPEAT as usize] = d(dup, Rule::Repeat);
        t[AFTER_SIGN_OFF as usize] = d(low, Rule::AfterSignOff);
        t[AFTER_TEASERS as usize] = d(low, Rule::AfterTeasers);
        t[OUTSIDE_REGION as usize] = d(low, Rule::OutsideRegion);
        for (k, e) in kinds.iter().enumerate() {
            if let Some(e) = e {
                t[evidence(k as u32) as usize] = d(Verdict::Drop(e.category), e.rule);
            }
        }
        t
    }

    /// The code of `decision` in `table`, which it joins if it is not there
    /// yet (for decisions of another table; a linear search).
    pub fn find_or_add(table: &mut Vec<Decision>, decision: Decision) -> u32 {
        match table.iter().position(|&x| x == decision) {
            Some(c) => c as u32,
            None => {
                table.push(decision);
                (table.len() - 1) as u32
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        /// A page's codes fit in 16 bits exactly when its last evidence
        /// kind's does (`decide_floored` then holds a mode's codes in two
        /// bytes a line while its floor's are worked out).
        #[test]
        fn codes_fit_u16_as_the_last_kind_does() {
            let most = (1usize << 16) - EVIDENCE as usize;
            assert!(fits_u16(0) && fits_u16(most) && !fits_u16(most + 1));
            assert_eq!(evidence(most as u32 - 1), u32::from(u16::MAX));
            for kinds in [1, 56, most] {
                let last = evidence(kinds as u32 - 1);
                assert_eq!(u32::from(last as u16), last);
            }
        }

        #[test]
        fn fixed_codes_are_distinct_and_keeps_come_first() {
            let t = table(&[None]);
            assert_eq!(t.len(), EVIDENCE as usize + 1);
            for (c, d) in t[..EVIDENCE as usize].iter().enumerate() {
                assert_ne!(*d, UNSET, "code {c} unset");
                assert_eq!(d.verdict.is_keep(), is_keep(c as u32), "code {c}");
                assert!(!t[..c].contains(d), "code {c} repeats {d:?}");
            }
        }
    }
}

/// The result of cleaning one document: a decision for every non-blank line.
#[derive(Clone, Debug)]
pub struct Cleaned<'a> {
    input: &'a [u8],
    /// Each non-blank line's trimmed bytes. For each line, whether the next
    /// one sits right below it in the input (an alt-text fragment must sit
    /// right above its caption; the lines of a paragraph a converter
    /// wrapped or cut do) is found as they are split.
    texts: Vec<&'a [u8]>,
    /// Each line's decision, as an index into `table` (see [`code`]).
    codes: Vec<u32>,
    table: Vec<Decision>,
    /// `joined[i]`: line `i + 1` continues line `i`'s hard-wrapped
    /// paragraph (they are rendered without a blank line between them).
    joined: Vec<bool>,
    lang: Lang,
}

impl<'a> Cleaned<'a> {
    /// The input that was cleaned.
    pub fn input(&self) -> &'a [u8] {
        self.input
    }

    /// The language the document was judged in.
    pub fn language(&self) -> Lang {
        self.lang
    }

    /// The non-blank lines with their spans and numbers, in input order
    /// (worked out as they are read: a line's number counts the line ends
    /// before it).
    pub fn lines(&self) -> impl ExactSizeIterator<Item = Line> + '_ {
        lines::spans(self.input, &self.texts)
    }

    /// How many non-blank lines the input has.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Has the input no non-blank line?
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// Each non-blank line (trimmed) with its decision, in input order.
    pub fn decisions(&self) -> impl Iterator<Item = (&'a [u8], Decision)> + '_ {
        let table = &self.table;
        self.texts
            .iter()
            .zip(self.codes.iter())
            .map(move |(&t, &c)| (t, table[c as usize]))
    }

    /// Does the `i + 1`-th non-blank line continue the `i`-th one's
    /// hard-wrapped paragraph?
    pub fn joined(&self, i: usize) -> bool {
        self.joined.get(i).copied().unwrap_or(false)
    }

    /// The decision for the i-th non-blank line.
    pub fn decision(&self, i: usize) -> Decision {
        self.table[self.codes[i] as usize]
    }

    /// The kept lines (trimmed), in input order.
    pub fn kept_lines(&self) -> impl Iterator<Item = &'a [u8]> + '_ {
        self.decisions()
            .filter(|(_, d)| d.verdict.is_keep())
            .map(|(l, _)| l)
    }

    /// How many lines were kept.
    pub fn kept(&self) -> usize {
        self.decisions()
            .filter(|(_, d)| d.verdict.is_keep())
            .count()
    }

    /// How many lines were dropped under each category, in the order of
    /// [`Category::ALL`].
    pub fn dropped_by_category(&self) -> [usize; Category::ALL.len()] {
        let mut n = [0; Category::ALL.len()];
        for (_, d) in self.decisions() {
            if let Some(c) = d.verdict.category() {
                n[Category::ALL.iter().position(|&x| x == c).unwrap_or(0)] += 1;
            }
        }
        n
    }
}

impl Cleaner {
    /// Cleans one document with the default options.
    pub fn new() -> Cleaner {
        crate::CleanerBuilder::new()
            .build()
            .expect("the built-in phrase files are valid")
    }

    /// Builds now, on `threads` threads (the calling one among them; at
    /// least one), what the cleaner otherwise builds when a page first
    /// needs it: the shape regexes (40 of them, some 90M instructions) and
    /// the lexicon's automaton of the phrases that start or end a line
    /// (some 10M). A long run over several threads needs them all, and
    /// were they built lazily, a thread would wait while another compiles
    /// one (each is built once); a run over a few pages would pay for what
    /// it may never use. (The lexicon's DFA for phrases anywhere in a line
    /// is left to the runs long enough to earn it back.) The decisions are
    /// the same with or without it.
    ///
    /// The threads are the call's own (scoped, ended when it returns): no
    /// thread pool is made or used. A page cleaned meanwhile on another
    /// thread may wait for a regex being built, as it would without the
    /// warm-up.
    pub fn warm_up(&self, threads: usize) {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let inner = &*self.inner;
        let mut tasks = inner.shapes.warm_up_tasks();
        // About as long as the largest regexes.
        tasks.push((8_000, Box::new(|| inner.lexicon.warm_up_affix())));
        // The largest first: the threads end together.
        tasks.sort_by_key(|&(cost, _)| std::cmp::Reverse(cost));
        let next = AtomicUsize::new(0);
        let work = || {
            while let Some((_, task)) = tasks.get(next.fetch_add(1, Ordering::Relaxed)) {
                task();
            }
        };
        std::thread::scope(|scope| {
            for _ in 1..threads.min(tasks.len()) {
                // A thread the system refuses is no error: the calling
                // thread (and those made) take its share.
                if std::thread::Builder::new()
                    .spawn_scoped(scope, work)
                    .is_err()
                {
                    break;
                }
            }
            work();
        });
    }

    /// Decides every line of `input`.
    pub fn clean<'a>(&self, input: &'a [u8]) -> Cleaned<'a> {
        if let Some(naive) = &self.inner.naive_stopwords {
            return self.clean_reference(input, naive);
        }
        // Room for a line every 32 bytes, about twice what pages have: most
        // pages split without the vectors growing (and copying) step by step.
        let room = input.len() / 32 + 16;
        let (mut texts, mut adjacent) = (Vec::with_capacity(room), Vec::with_capacity(room));
        lines::split_texts(input, &mut texts, &mut adjacent);
        // Up to half of it is unused, and the texts live as long as the
        // result.
        texts.shrink_to_fit();
        adjacent.shrink_to_fit();
        let n = texts.len();
        let (mut lines_of, keys) = self.analyse(&texts, None);
        // A page without a tab has no table row split by tabs.
        lines_of.tabs = memchr::memchr(b'\t', input).is_some();
        // Stage 4, repeats: each line's first copy, found once (the keys
        // go as soon as they are used); the passes below find the copies
        // among the lines they keep from these.
        let roots = repeat::roots_keyed(&texts, &keys);
        drop(keys);
        let layout = Layout::of(&texts, &lines_of.feats, &adjacent);
        let mut joined = joined_lines(&texts, &adjacent, layout);
        let (mut decisions, lang) = self.decide_floored(Page {
            texts: &texts,
            m: &lines_of,
            roots: &roots,
            adjacent: &adjacent,
            joined: &joined,
            layout,
            reference: false,
        });
        drop(adjacent);

        // Cleaning the output again must change nothing (a promise the
        // property tests check): the article is judged again on its own,
        // without the chrome around it, and what that drops goes too. Each
        // pass only drops lines; a few passes reach the fixed point. A line's
        // own measures do not depend on its neighbours, so they are reused
        // (the measures and roots of the lines a pass keeps replace those it
        // had: the page's are not held beside the article's; `at` is where
        // each of them is on the page, `None` before the first pass: every
        // line where it is, with no list of them); in the rendered article
        // only the lines of a hard-wrapped paragraph are adjacent.
        let mut at: Option<Vec<usize>> = None;
        let (mut roots, mut local, mut first) = (roots, Vec::new(), Vec::new());
        for _ in 0..MAX_PASSES {
            let len = at.as_ref().map_or(n, Vec::len);
            local.clear();
            // Room for every line at once (the filter's size hint would
            // grow it step by step).
            local.reserve(len);
            let kept: Vec<usize> = match &at {
                None => {
                    local.extend((0..n).filter(|&j| code::is_keep(decisions[j])));
                    local.clone()
                }
                Some(at) => {
                    local.extend((0..len).filter(|&j| code::is_keep(decisions[at[j]])));
                    local.iter().map(|&j| at[j]).collect()
                }
            };
            let sub_texts: Vec<&[u8]> = kept.iter().map(|&k| texts[k]).collect();
            lines_of = lines_of.select(&local);
            let sub = &lines_of;
            first.resize(len, u32::MAX);
            roots = repeat::roots_among(&roots, &local, &mut first);
            let sub_roots = &roots;
            let kept = &*at.insert(kept);
            let sub_adjacent: Vec<bool> = (0..kept.len())
                .map(|j| j + 1 < kept.len() && kept[j + 1] == kept[j] + 1 && joined[kept[j]])
                .collect();
            // The article alone may lose the page's wrap width (too few
            // full lines left) or its fragments: its layout is looked at
            // again, as the reference does on the rendered article.
            let layout = Layout::of(&sub_texts, &sub.feats, &sub_adjacent);
            // So may the paragraphs' line breaks: the article is rendered
            // with those it has on its own.
            let sub_joined = joined_lines(&sub_texts, &sub_adjacent, layout);
            let (again, _) = self.decide_floored(Page {
                texts: &sub_texts,
                m: sub,
                roots: sub_roots,
                adjacent: &sub_adjacent,
                joined: &sub_joined,
                layout,
                reference: false,
            });
            let rejoined = sub_adjacent.iter().zip(&sub_joined).any(|(&a, &j)| a && !j);
            for (&k, &j) in kept.iter().zip(&sub_joined) {
                joined[k] = j;
            }
            if again.iter().all(|&c| code::is_keep(c)) && !rejoined {
                break;
            }
            // The article's evidence table is the page's: its codes are
            // the page's.
            for (k, &c) in kept.iter().zip(again.iter()) {
                if !code::is_keep(c) {
                    decisions[*k] = c;
                }
            }
        }
        Cleaned {
            input,
            texts,
            codes: decisions,
            table: code::table(&lines_of.evidence.kinds),
            joined,
            lang,
        }
    }

    /// One pass of the reference pipeline over `input`.
    fn reference_once<'b>(&self, input: &'b [u8], naive: &lang::NaiveStopwords) -> Cleaned<'b> {
        let (mut texts, mut adjacent) = (Vec::new(), Vec::new());
        lines::split_texts(input, &mut texts, &mut adjacent);
        let (measures, _) = self.analyse(&texts, Some(naive));
        let roots = repeat::roots_of_copies(&repeat::first_copies_naive(&texts));
        let layout = Layout::of(&texts, &measures.feats, &adjacent);
        let joined = joined_lines(&texts, &adjacent, layout);
        let (codes, lang) = self.decide_floored(Page {
            texts: &texts,
            m: &measures,
            roots: &roots,
            adjacent: &adjacent,
            joined: &joined,
            layout,
            reference: true,
        });
        Cleaned {
            input,
            table: code::table(&measures.evidence.kinds),
            texts,
            codes,
            joined,
            lang,
        }
    }

    /// The reference pipeline: each pass from scratch on the rendered
    /// article, every stage on its plain path.
    fn clean_reference<'a>(&self, input: &'a [u8], naive: &lang::NaiveStopwords) -> Cleaned<'a> {
        let mut cleaned = self.reference_once(input, naive);
        let mut out = Vec::new();
        for _ in 0..MAX_PASSES {
            out.clear();
            cleaned.render_into(&mut out);
            let again = self.reference_once(&out, naive);
            let joined = &again.joined;
            let kept: Vec<usize> = (0..cleaned.len())
                .filter(|&i| cleaned.decision(i).verdict.is_keep())
                .collect();
            // Lines rendered together that the article alone no longer joins.
            let rejoined = (0..kept.len()).any(|j| {
                j + 1 < kept.len()
                    && kept[j + 1] == kept[j] + 1
                    && cleaned.joined[kept[j]]
                    && !joined[j]
            });
            for (&k, &j) in kept.iter().zip(joined) {
                cleaned.joined[k] = j;
            }
            if again.kept() == again.len() && !rejoined {
                break;
            }
            for (k, (_, d)) in kept.iter().zip(again.decisions()) {
                if !d.verdict.is_keep() {
                    cleaned.codes[*k] = code::find_or_add(&mut cleaned.table, d);
                }
            }
        }
        cleaned
    }

    /// Stages 2 and 3, which look at one line at a time: features, stopword
    /// counts and hard evidence, and each line's
    /// [`repeat::packed_start_key`]. With `naive`, on the reference path.
    fn analyse(
        &self,
        texts: &[&[u8]],
        naive: Option<&lang::NaiveStopwords>,
    ) -> (LineMeasures, Vec<u64>) {
        let inner = &*self.inner;
        let n = texts.len();
        let mut feats = Vec::with_capacity(n);
        let mut stops = StopTable::with_capacity(n);
        let mut evidence = EvidenceTableBuilder::with_capacity(n);
        let mut repeat_keys = Vec::with_capacity(n);
        let mut norm = Vec::with_capacity(lexicon::MAX_LINE_BYTES * 2);
        // One pass: each line is measured, searched for evidence and keyed
        // while its bytes are in cache.
        for t in texts {
            let features::Measured {
                features: f,
                stops: c,
                plain,
                key,
                normed,
                probe,
            } = match naive {
                // A plain short line's normalised form is written to `norm`
                // as it is measured.
                None => features::measure_normed(t, &inner.stopwords, &mut norm),
                Some(naive) => {
                    let (features, stops) = features::measure_reference(t, naive);
                    features::Measured {
                        features,
                        stops,
                        plain: false,
                        key: None,
                        normed: false,
                        probe: None,
                    }
                }
            };
            let e = self
                .evidence(t, &f, plain, normed, probe, &mut norm, naive.is_some())
                .map(|e| Evidence {
                    short_chrome: f.words <= SHORT_CHROME_WORDS,
                    ..e
                });
            feats.push(LineFeats::of(&f));
            stops.push(c);
            evidence.push(e);
            // An ASCII line's key was made from the folded bytes gathered
            // as it was measured.
            repeat_keys.push(key.unwrap_or_else(|| repeat::packed_start_key(t)));
        }
        stops.shrink_to_fit();
        let measures = LineMeasures {
            feats,
            stops,
            evidence: evidence.table,
            tabs: true,
        };
        (measures, repeat_keys)
    }

    /// [`decide`](Self::decide) at the mode's settings; in a mode with a
    /// floor ([`Inner::floor`]: recall keeps what balanced keeps), a line
    /// the mode drops and the floor's settings keep is kept as the floor
    /// decided it, so a mode that promises to keep more does not lose a
    /// line the default keeps; a second copy of a kept line still goes.
    fn decide_floored(&self, page: Page<'_, '_>) -> (Vec<u32>, Lang) {
        let inner = &*self.inner;
        // What does not depend on the settings is worked out once for both.
        let mut prep = self.prepare(page);
        let lang = prep.lang;
        let Some(floor) = &inner.floor else {
            return (self.decide(&inner.params, page, &mut prep, true), lang);
        };
        let first = self.decide(&inner.params, page, &mut prep, false);
        // The mode's codes are held while the floor's are worked out: in
        // two bytes a line when every code of the page fits.
        let narrow: Option<Vec<u16>> = code::fits_u16(page.m.evidence.kinds.len())
            .then(|| first.iter().map(|&c| c as u16).collect());
        let first = match narrow {
            Some(narrow) => {
                drop(first);
                Err(narrow)
            }
            None => Ok(first),
        };
        let mut codes = self.decide(floor, page, &mut prep, true);
        // The mode's code, unless it drops a line the floor keeps.
        fn merge<C: Copy + Into<u32>>(first: &[C], floor: &mut [u32]) {
            for (k, &c) in floor.iter_mut().zip(first) {
                let c = c.into();
                if code::is_keep(c) || !code::is_keep(*k) {
                    *k = c;
                }
            }
        }
        match &first {
            Ok(wide) => merge(wide, &mut codes),
            Err(narrow) => merge(narrow, &mut codes),
        }
        drop(first);
        // Each setting kept one copy of a line, maybe not the same one: the
        // later copy goes, as stage 7 decides it (the headline's first copy
        // stays, a caption printed twice is kept once).
        let mut kept_root = vec![false; codes.len()];
        for (i, c) in codes.iter_mut().enumerate() {
            if code::is_keep(*c) {
                let root = page.roots[i] as usize;
                if kept_root[root] && page.m.feats[i].words >= MIN_REPEAT_WORDS {
                    *c = code::REPEAT;
                } else {
                    kept_root[root] = true;
                }
            }
        }
        (codes, lang)
    }

    /// What [`decide`](Self::decide) reads of a page whatever its
    /// settings: the language, the stopword densities, the hard-wrapped
    /// paragraphs, alt-text fragments and repeats, each line's evidence
    /// flags.
    fn prepare(&self, page: Page<'_, '_>) -> Prepared {
        let Page {
            texts,
            m,
            roots,
            adjacent,
            joined,
            layout: _,
            reference,
        } = page;
        let inner = &*self.inner;
        let n = texts.len();
        let (feats, evidence) = (&m.feats, m.evidence.view());
        let mut hits = [0u32; NLANG];
        m.stops.add_all(&mut hits);
        let lang = inner.lang.unwrap_or_else(|| lang::detect(&hits));
        // A page in a language we have no stopwords for (or lorem ipsum)
        // has almost none: stopword density says nothing there, so a
        // sentence end stands in for it.
        let words: u64 = feats.iter().map(|f| f.words as u64).sum();
        let eflags = evidence.flags();
        let known = hits[lang as usize] as f32 >= UNKNOWN_LANGUAGE_RATIO * words as f32
            || prose_in(feats, &eflags, &m.stops, lang);
        // A page written in two languages (a text and its translation, a
        // quotation at length): a line is read in the one of the two it
        // has more stopwords of.
        let second = (0..NLANG)
            .filter(|&l| l != lang as usize)
            .max_by_key(|&l| (hits[l], std::cmp::Reverse(l)))
            .filter(|&l| {
                inner.lang.is_none()
                    && hits[l] as f32 >= SECOND_LANGUAGE_SHARE * hits[lang as usize] as f32
            })
            .map(|l| Lang::ALL[l]);
        let mut stops = m.stops.reader();
        let density: Vec<f32> = feats
            .iter()
            .map(|f| {
                let row = stops.next_row();
                if known {
                    let own = stops.count(row, lang);
                    let count = second
                        .filter(|_| f.terminal() && f.words >= SECOND_LANGUAGE_WORDS)
                        .map_or(own, |l| own.max(stops.count(row, l)));
                    count as f32 / f.words.max(1) as f32
                } else if f.terminal() {
                    UNKNOWN_LANGUAGE_SENTENCE_DENSITY
                } else {
                    0.0
                }
            })
            .collect();

        // A hard-wrapped paragraph (a converter's fixed-width lines, a
        // `<pre>` block) is judged as one: each of its lines gets the
        // paragraph's length, stopword density and ending.
        let paras = wrapped_paragraphs(feats, &density, joined, known);

        // Stage 4: repeats and alt-text fragments (adjacent lines only).
        // A line whose root is another is a copy of it.
        let copy = |i: usize| roots[i] as usize != i;
        // Two flags a line in one allocation: `alt` and `skip` (see
        // [`Prepared::flags`]).
        let mut flags = vec![false; 2 * n];
        let (alt, rest) = flags.split_at_mut(n);
        let skip = &mut rest[..n];
        for i in 0..n {
            alt[i] = adjacent[i]
                && if reference {
                    repeat::is_alt_prefix_plain(texts[i], texts[i + 1])
                } else {
                    repeat::is_alt_prefix(texts[i], texts[i + 1])
                };
            skip[i] = copy(i) || alt[i];
        }
        Prepared {
            lang,
            density,
            paras,
            eflags,
            found: None,
            text_lines: None,
            comments: None,
            flags,
        }
    }

    /// The stages that look at the whole page (language, repeats, the
    /// context model, the article's end) over lines already analysed, at
    /// the settings `p` (see [`decide_floored`](Self::decide_floored)),
    /// with what [`prepare`](Self::prepare) found of the page. `last`: the
    /// last call on `prep` (what only the context model needs goes before
    /// the decisions are built, and stage 7 takes the room of `skip`).
    fn decide(&self, p: &Params, page: Page<'_, '_>, prep: &mut Prepared, last: bool) -> Vec<u32> {
        let Page {
            texts,
            m,
            roots,
            adjacent,
            layout,
            reference,
            ..
        } = page;
        let inner = &*self.inner;
        let n = texts.len();
        let (feats, evidence) = (&m.feats, m.evidence.view());
        let copy = |i: usize| roots[i] as usize != i;
        let joined = page.joined;
        let (density, eflags) = (&prep.density[..], &prep.eflags[..]);
        let paras = prep.paras.as_ref();
        let ctx_feats = CtxFeats::new(feats, density, paras);
        let (alt, rest) = prep.flags.split_at(n);
        let skip = &rest[..n];
        // Whether each line's evidence is a lexicon phrase ("Anzeige",
        // "Kontakt", "Articles les plus lus"), not a shape (a date, a
        // breadcrumb): only a phrase heads a list as a chrome header.
        let phrase_head = |i: usize| eflags[i] & E_PHRASE != 0;

        // Stage 5: the context model.
        let doc = Doc {
            texts,
            feats: ctx_feats,
            evidence,
            eflags,
            alt,
            skip,
            joined,
            wrapped: layout.width.is_some(),
            tabs: m.tabs,
        };
        let mut judgement = self.judge_relaxed(p, &doc);

        // Stage 6: the article's end: a sign-off with little text after it,
        // or the start of a comment section. The lines above it are judged
        // again as if the page ended there, so that no heading or short line
        // is kept for the sake of text that is cut (cleaning the output again
        // must not change it).
        let measured = Measured {
            texts,
            feats,
            density,
            evidence,
            eflags,
            joined,
        };
        let end = self.article_end(p, measured, &judgement.keep, reference, &mut prep.comments);
        let (cut, rejudge) = match end {
            Some((c, rejudge)) => (Some(c), rejudge),
            None => (None, false),
        };
        if last {
            prep.comments = None;
        }
        // A list of other stories under its header ("More from ...", "Most
        // read") after the article ends it too, header included, when it
        // comes before the sign-off ([`teasers`]). The lines above it keep
        // their verdicts: the passes over the article alone judge them
        // again, without the chrome around them.
        // (The same at every setting: worked out for the first.)
        let found = prep.found.get_or_insert_with(|| {
            (0..n)
                .map(|i| match evidence.get(i) {
                    Some(e)
                        if matches!(e.rule, Rule::Phrase(t) if teasers::is_foot_phrase(t))
                            || e.rule == Rule::Shape("photo-credit") =>
                    {
                        teasers::Found::ShareRow
                    }
                    Some(e)
                        if matches!(e.category, Category::Banner | Category::Navigation)
                            && !e.ends_article =>
                    {
                        teasers::Found::ListChrome
                    }
                    Some(e)
                        if e.category == Category::Social
                            && !e.ends_article
                            && !e.comment_marker =>
                    {
                        let row = match e.rule {
                            Rule::Shape(name) => name == "label-row",
                            // A widget's label is capitalised ("Share this:",
                            // "Follow us"); "like this:" ends a line of text.
                            Rule::Phrase(text) => {
                                feats[i].first_upper() && inner.labels.names_social(text)
                            }
                            _ => false,
                        };
                        if row {
                            teasers::Found::ShareRow
                        } else {
                            teasers::Found::Share
                        }
                    }
                    Some(e) if e.category == Category::Social && e.ends_article => {
                        teasers::Found::Comments
                    }
                    Some(_) => teasers::Found::Chrome,
                    None if skip[i] => teasers::Found::Chrome,
                    // The post's tags line sits at its foot like a share row.
                    None if reference && inner.shapes.is_tags_line_plain(texts[i]) => {
                        teasers::Found::ShareRow
                    }
                    // (A tags line starts with a t or an f: other lines
                    // are not asked, see `may_be_tags_line`.)
                    None if !reference
                        && may_be_tags_line(texts[i])
                        && inner.shapes.is_tags_line(texts[i]) =>
                    {
                        teasers::Found::ShareRow
                    }
                    None => teasers::Found::Text,
                })
                .collect()
        });
        let text_lines = prep
            .text_lines
            .get_or_insert_with(|| teasers::TextLines::new(texts, ctx_feats, found));
        let list_start = teasers::teaser_end(
            texts,
            ctx_feats,
            paras,
            found,
            text_lines,
            phrase_head,
            &judgement.keep,
        )
        .filter(|&t| cut.map_or(true, |c| t <= c));
        if let Some(c) = cut.filter(|_| list_start.is_none() && rejudge) {
            let head = self.judge_relaxed(p, &doc.prefix(c));
            judgement.replace_prefix(head);
        }
        // An author's bio box before that end ends the article too.
        let bio_start = self
            .bio_end(p, measured, &judgement.keep, reference)
            .filter(|&b| list_start.or(cut).map_or(true, |e| b < e));
        // The article ends at the cut, at a list of other stories or at a
        // bio box.
        let end = bio_start.or(list_start).or(cut).unwrap_or(n);
        keep_short_sentences(&doc, &mut judgement, end);
        keep_continuations(&doc, &mut judgement, end);
        keep_citations(&doc, &mut judgement, end, &inner.shapes);
        keep_captions(&doc, &mut judgement, end, &inner.shapes);
        keep_tail(&doc, &mut judgement, end);
        keep_gaps(&doc, &mut judgement, end);
        // Blocks next to the text, once the gaps in it are filled.
        keep_facts(&doc, &mut judgement, end);
        keep_tables(&doc, &mut judgement, end);
        keep_amounts(&doc, &mut judgement, end);
        keep_list_starts(&doc, &mut judgement, end);
        // Last, so that no other step reads the story's dates as text.
        keep_datelines(&doc, &mut judgement, end, paras, &inner.shapes);
        let Judgement {
            initial,
            resolved,
            keep,
            heading,
        } = judgement;
        // What only the context model needed goes before the decisions are
        // built, so that the two are never held at once.
        if last {
            prep.density = Vec::new();
            prep.paras = None;
            prep.text_lines = None;
        }

        // Stage 7: decisions, dropping second copies of kept lines. Which
        // roots are kept takes the room of `skip` when it is done with (at
        // the last call), else room of its own, given back at the end of
        // the call (not held while a floor's settings are worked out).
        let (alt, rest) = prep.flags.split_at_mut(n);
        let mut own_room = Vec::new();
        let kept_root = if last {
            &mut rest[..n]
        } else {
            own_room.resize(n, false);
            &mut own_room[..]
        };
        kept_root.fill(false);
        let mut decisions = Vec::with_capacity(n);
        for i in 0..n {
            // A date line the article holds is its dateline, not a banner.
            let dateline = heading[i] == Some(KeptBy::Dateline);
            let d = if let Some(e) = evidence.get(i).filter(|_| !dateline) {
                // On a page cut at its links, the full stop or comma after
                // a link stands on a line of its own: it ends the sentence
                // of the kept line above (and, kept, it still shows the
                // page's layout when the article is cleaned again).
                let stop = layout.fragmented
                    && matches!(e.rule, Rule::Shape("no-letters" | "stray"))
                    && i > 0
                    && adjacent[i - 1]
                    && starts_mid_sentence(texts[i])
                    && decisions.last().is_some_and(|&c| code::is_keep(c));
                if stop {
                    code::FRAGMENT
                } else {
                    code::evidence(evidence.kind(i))
                }
            } else if alt[i] {
                code::ALT_PREFIX
            } else if copy(i) && kept_root[roots[i] as usize] && feats[i].words >= MIN_REPEAT_WORDS
            {
                // A copy of a kept line, whatever the context model made of it.
                code::REPEAT
            } else if !keep[i] {
                // The context model keeps such a line inside the article's
                // regions (and never takes a keep back): this one is
                // outside them.
                if resolved[i] == Class::Good || initial[i] == Class::NearGood {
                    code::OUTSIDE_REGION
                } else {
                    code::drop_context(initial[i], resolved[i])
                }
            } else if bio_start.is_some_and(|b| i >= b) {
                code::AFTER_SIGN_OFF
            } else if list_start.is_some_and(|t| i >= t) {
                code::AFTER_TEASERS
            } else if cut.is_some_and(|c| i >= c) {
                // The cut line itself, when it is no chrome (the first
                // commenter's name), starts the comments.
                code::AFTER_SIGN_OFF
            } else {
                let root = roots[i] as usize;
                // Short repeated lines (table cells, list items, "Yes") are
                // text, not copies of a headline or caption.
                if kept_root[root] && feats[i].words >= MIN_REPEAT_WORDS {
                    code::REPEAT
                } else {
                    kept_root[root] = true;
                    heading[i].map_or(code::keep_context(initial[i], resolved[i]), code::keep_by)
                }
            };
            decisions.push(d);
        }
        decisions
    }

    /// The comment markers and commenters' names of [`article_end`](Self::article_end)
    /// (what it needs to know whether to walk the page), counted.
    fn comment_lines(&self, page: Measured<'_>, reference: bool) -> CommentLines {
        let Measured {
            texts,
            feats,
            density,
            eflags,
            ..
        } = page;
        let n = feats.len();
        // Comment markers: per-comment widgets and metadata, and short
        // lines with a date and a time of day ("Maria, 7 July 2012 at
        // 2:31 pm"; a time alone is a schedule or a race split, and so are
        // lines that open with a time, hold no calendar date and go
        // forward in time: "7:00 AM  Breakfast", "9:00 AM  Classes". A
        // news ticker, newest first, still counts).
        let shapes = &self.inner.shapes;
        let schedule_of_page = || schedule_lines(texts, |i| shapes.has_calendar_date(texts[i]));
        // Worked out for the whole page the first time a line with a date
        // and a time asks (most pages have none) on the fast path.
        let mut schedule = reference.then(schedule_of_page);
        // A commenter's name with a relative time ("Miles Taylor 12 days
        // ago") is one too: a short line with no stopword (a sentence says
        // "The storm hit three days ago").
        // (With the commenters' names below, and the walk's other flags
        // later: one byte a line, see [`CommentLines::flags`].)
        let mut flags = vec![0u8; n];
        // (Counted as they are found, with whether some line ends the
        // article: see [`article_end`](Self::article_end).)
        let (mut markers, mut authors, mut ends) = (0usize, 0usize, false);
        for (i, flag) in flags.iter_mut().enumerate() {
            let (f, ev) = (&feats[i], eflags[i]);
            // No evidence at all.
            let free = ev == 0;
            let marker = ev & E_MARKER != 0
                || (free
                    && f.words <= NAMED_AGO_WORDS
                    && !f.terminal()
                    && density[i] == 0.0
                    && named_ago(texts[i]))
                || (f.words <= 16
                    && f.letters.at_least(2)
                    && !f.terminal()
                    // A time of day has three digits or more (most
                    // lines have fewer and skip the search).
                    && f.digits.at_least(3)
                    && has_time(texts[i])
                    && shapes.has_date(texts[i])
                    && schedule
                        .get_or_insert_with(schedule_of_page)
                        .binary_search(&(i as u32))
                        .is_err());
            let author = free
                && density[i] == 0.0
                && (is_author_line(feats, i) || is_linked_author_line(texts[i], feats, i));
            *flag = (u8::from(marker) * C_MARKER) | (u8::from(author) * C_AUTHOR);
            markers += usize::from(marker);
            authors += usize::from(author);
            ends |= ev & E_ENDS != 0;
        }
        CommentLines {
            flags,
            markers,
            authors,
            ends,
            rest: None,
        }
    }

    /// The other flags [`article_end`](Self::article_end)'s walk reads,
    /// from the comment markers and commenters' names (added to each
    /// line's [`CommentLines::flags`]), and its counts.
    fn comment_rest(&self, page: Measured<'_>, flags: &mut [u8]) -> CommentRest {
        let Measured {
            texts,
            feats,
            evidence,
            eflags,
            ..
        } = page;
        let shapes = &self.inner.shapes;
        for (i, flag) in flags.iter_mut().enumerate() {
            let (marker, author) = (*flag & C_MARKER != 0, *flag & C_AUTHOR != 0);
            // Widgets and metadata, as opposed to a bare timestamp: a run
            // of timestamps alone is also how multi-post blogs and forums
            // look. A timestamp with its own reply link ("2004-09-16
            // 21:49:53 jdoe [Reply | View]") is a comment's too: posts are
            // not replied to one by one.
            let strong = eflags[i] & E_MARKER != 0 || (marker && has_reply_link(texts[i]));
            // Commenters' names right below a comments header, each over a
            // comment that ends as a sentence does (a teaser's headline or
            // a section label is over a summary or a list of links).
            let commenter = author && feats.get(i + 1).is_some_and(|f| f.terminal());
            // Right below a comments header, a short line with a full date
            // (no time of day needed: "October 2, 2012 | Permalink") is a
            // comment's metadata too, and so is a bare numeric one
            // ("10.29.2012"), or a commenter's byline with one ("written
            // by Ann, October 18, 2012"); a year alone is not.
            let f = &feats[i];
            let dated = marker
                || (f.words <= 16
                    && (f.letters.at_least(2) || f.letters.is_zero())
                    && !f.terminal()
                    // Every full date has four digits or more.
                    && f.digits.at_least(4)
                    && evidence[i].map_or(true, |e| {
                        e.rule == Rule::Shape("date")
                            || e.rule == Rule::Shape("no-letters")
                            || e.rule == Rule::Shape("byline")
                    })
                    && shapes.has_day_date(texts[i]));
            // A date or a commenter's name: what a comment is signed with.
            let signed = dated || author;
            *flag |= (u8::from(strong) * C_STRONG)
                | (u8::from(commenter) * C_COMMENTER)
                | (u8::from(dated) * C_DATED)
                | (u8::from(signed) * C_SIGNED);
        }
        // How often each header and each undated credit stands on the page,
        // and the page's last count of comments (see the walk): one walk
        // over the lines flagged for them.
        let mut headers: Vec<(Rule, u32)> = Vec::new();
        let mut credits: Vec<(Rule, u32)> = Vec::new();
        let mut last_total = None;
        for (i, &f) in eflags.iter().enumerate() {
            if f & (E_ENDS | E_TOTAL) == 0 {
                continue;
            }
            if f & E_TOTAL != 0 {
                last_total = Some(i);
            }
            let Some(e) = evidence[i].filter(|_| f & E_ENDS != 0) else {
                continue;
            };
            match headers.iter_mut().find(|(r, _)| *r == e.rule) {
                Some((_, count)) => *count += 1,
                None => headers.push((e.rule, 1)),
            }
            if f & E_CREDIT_END != 0 && undated_credit(shapes, texts, i, &e) {
                match credits.iter_mut().find(|(r, _)| *r == e.rule) {
                    Some((_, count)) => *count += 1,
                    None => credits.push((e.rule, 1)),
                }
            }
        }
        CommentRest {
            headers,
            credits,
            last_total,
        }
    }

    /// The index of the line that ends the article, if any: nothing after it
    /// is kept. With it, whether the lines above are judged again as a page
    /// of their own (false: they keep their verdicts, as above a list of
    /// other stories). `reference`: on the reference path (no shortcut).
    fn article_end(
        &self,
        p: &Params,
        page: Measured<'_>,
        keep: &[bool],
        reference: bool,
        lines: &mut Option<CommentLines>,
    ) -> Option<(usize, bool)> {
        let Measured {
            texts,
            feats,
            density,
            evidence,
            eflags,
            joined,
        } = page;
        let n = feats.len();
        let weight = |i: usize| feats[i].weight as u64;
        // The windows below count paragraphs, not lines: a hard-wrapped
        // comment (lynx, w3m) takes several lines but is one paragraph.
        let markers_ahead = |flag, window| Ahead::new(flag, window, Some(joined));
        let shapes = &self.inner.shapes;
        // What the walk reads of the lines whatever the settings: worked
        // out by the first call on the page (a mode and its floor share it).
        let lines = lines.get_or_insert_with(|| self.comment_lines(page, reference));
        // The walk below ends the article only at a line with evidence that
        // ends it, at a comment marker with two more below it or at a
        // commenter's name with [`AUTHOR_RUN`] more (what `Ahead` counts is
        // below the line): a page with fewer (most articles judged again on
        // their own) has no end here, and the rest (the kept weight, the
        // other flags, the walk) is not worked out. The reference walks
        // anyway.
        if !reference && !lines.ends && lines.markers < 3 && lines.authors <= AUTHOR_RUN as usize {
            return None;
        }
        let total: u64 = (0..n).filter(|&i| keep[i]).map(weight).sum();
        if lines.rest.is_none() {
            lines.rest = Some(self.comment_rest(page, &mut lines.flags));
        }
        let Some(CommentRest {
            headers,
            credits,
            last_total,
        }) = &lines.rest
        else {
            unreachable!("worked out above")
        };
        let last_total = *last_total;
        let flag = |mask| Bits::new(&lines.flags, mask);
        let (marker, author, strong) = (flag(C_MARKER), flag(C_AUTHOR), flag(C_STRONG));
        let (commenter, dated, signed) = (flag(C_COMMENTER), flag(C_DATED), flag(C_SIGNED));
        // Names are counted by lines: on a wrapped page, short name-like
        // lines (a picture's file name, a section label) head each teaser
        // of a list.
        let mut author_ahead = Ahead::new(author, COMMENT_WINDOW, None);
        let mut names_ahead = Ahead::new(commenter, HEADER_MARKER_WINDOW, None);
        let mut ahead = markers_ahead(marker, COMMENT_WINDOW);
        let mut header_ahead = markers_ahead(dated, HEADER_MARKER_WINDOW);
        // Short lines that count a post's comments: between timestamps they
        // make the timestamps posts' footers or headers, not comments'.
        let counted = |i: usize| feats[i].words <= 16 && shapes.has_post_count(texts[i]);
        let mut strong_ahead = markers_ahead(strong, COMMENT_WINDOW);
        let undated_credit = |i: usize, e: &Evidence| undated_credit(shapes, texts, i, e);
        let per_post = |rule: Rule| headers.iter().any(|&(r, c)| r == rule && c >= 3);
        let mut seen_credits: Vec<(Rule, u32)> = Vec::new();
        let mut before = 0u64;
        let mut last_header = None;
        // The article's weight above the last header.
        let mut header_before = 0u64;
        let mut last_author: Option<usize> = None;
        // The article's own words announcing what follows ("And here is
        // what readers wrote:") right above an undated "Ann wrote:": the
        // author quotes readers and answers them, inside the article.
        let introduced = |i: usize| {
            i > 0
                && keep[i - 1]
                && texts[i - 1].trim_ascii_end().ends_with(b":")
                && !shapes.has_date(texts[i])
        };
        let mut last_quoted: Option<usize> = None;
        // Posts' counts of comments above.
        let mut posts_above = Tally::default();
        // A kept paragraph above (not only a headline).
        let mut paragraph_above = false;
        for i in 0..n {
            if keep[i] {
                before += weight(i);
            }
            // Only evidence that ends the article does anything here (an
            // undated credit ends it too).
            // (Its flags first: the evidence is read only then.)
            if let Some(e) = (eflags[i] & E_ENDS != 0).then(|| evidence[i]).flatten() {
                let again = undated_credit(i, &e) && {
                    let seen = match seen_credits.iter_mut().find(|(r, _)| *r == e.rule) {
                        Some((_, seen)) => {
                            *seen += 1;
                            *seen
                        }
                        None => {
                            seen_credits.push((e.rule, 1));
                            1
                        }
                    };
                    credits.iter().any(|&(r, c)| r == e.rule && c > seen)
                };
                // "Discussion" also heads a section of papers, reports and
                // minutes: it ends the article only with comment markers
                // right below it.
                let section = matches!(e.rule, Rule::Phrase(p) if SECTION_HEADERS.contains(&p))
                    && header_ahead.at(i) == 0
                    && strong_ahead.at(i) == 0;
                if e.ends_article && !per_post(e.rule) && !again && !section {
                    last_header = Some(i);
                    header_before = before;
                    if before > 0 && ((total - before) as f32) < p.sign_off_ratio * before as f32 {
                        return Some((i, true));
                    }
                    // A comments header with at least two comment markers
                    // (timestamps, per-comment widgets) right below it starts
                    // the comments, however long they are, once some article
                    // text is kept above it.
                    if e.category == Category::Social
                        && before >= p.min_article_weight
                        && header_ahead.at(i) >= 2
                    {
                        return Some((i, true));
                    }
                    // A count of comments (the page's last) with at least
                    // two comments' dates right below it starts the
                    // comments even under a short post (a picture and a
                    // paragraph about it), or under a headline alone when a
                    // comment's own widget or metadata is among them ("Ann
                    // said...": an article's head has its dates, not
                    // those): a post's own count stands under it, over the
                    // next post, not over a run of dates.
                    if e.category == Category::Social
                        && matches!(e.rule, Rule::Shape("comment-total" | "comment-count"))
                        && (e.rule != Rule::Shape("comment-total") || last_total == Some(i))
                        && before > 0
                        && (paragraph_above || strong_ahead.at(i) >= 1)
                        && header_ahead.at(i) >= SHORT_POST_MARKERS
                    {
                        return Some((i, true));
                    }
                    // A comments header with commenters' names right below it
                    // (at least two, each over its comment) after some of the
                    // article: the comments start there. A count of comments
                    // only when it is the page's last one.
                    if e.category == Category::Social
                        && (e.rule != Rule::Shape("comment-total") || last_total == Some(i))
                        && before >= p.min_comment_cut
                        && total - before < 2 * before
                        && names_ahead.at(i) >= 2
                    {
                        return Some((i, true));
                    }
                    // A comments header after a whole article ends it, however
                    // long the comments are. A count of comments ("Comments
                    // (5)", "4 Comments") only when it is the page's last
                    // one: on a page of two posts, each has its own below it.
                    if e.category == Category::Social
                        && (e.rule != Rule::Shape("comment-total") || last_total == Some(i))
                        && before >= 2 * p.min_comment_cut
                    {
                        return Some((i, true));
                    }
                    // A comments header right over the comment form's own
                    // widgets ("Click here to cancel reply.", "Your email
                    // address will not be published.") once some article
                    // text is kept above it: the form, and what follows it,
                    // is no part of the article. The lines above keep their
                    // verdicts: judged again without the page's foot, the
                    // article's short last lines could go with the teasers
                    // and boxes between them and the header.
                    if e.category == Category::Social
                        && (e.rule != Rule::Shape("comment-total") || last_total == Some(i))
                        && before >= p.min_article_weight
                        && total - before < FORM_AFTER * before
                        && comment_form_below(evidence, i)
                        && FORM_TAIL * tail_above(feats, keep, i) < before
                    {
                        return Some((i, false));
                    }
                }
            }
            // A comment section: a marker with at least two more close
            // below it, after some article text. It starts at the comments
            // header just above, if there is one, or else at the first
            // commenter's name right above the marker.
            // The markers of readers quoted inside the article: the first
            // introduced by the article, the next ones close below it.
            let quoting = marker.at(i)
                && (introduced(i) || last_quoted.is_some_and(|q| i - q <= COMMENT_WINDOW));
            if quoting {
                last_quoted = Some(i);
            }
            // Right under a comments header, less of the article will do.
            let headed = last_header.is_some_and(|h| i - h <= HEADER_MARKER_WINDOW)
                && header_before >= p.min_article_weight;
            let min_before = if headed {
                p.min_article_weight.min(p.min_comment_cut)
            } else {
                p.min_comment_cut
            };
            if marker.at(i)
                && ahead.at(i) >= 2
                && (strong.at(i) || strong_ahead.at(i) >= 1 || ahead.at(i) >= 4)
                && before >= min_before
                && talk_between(marker, density, evidence, i)
                && !(posts_above.upto(i, counted) >= 2 && posts_between(marker, counted, i))
                && !quoting
                && !one_voice(texts, marker, strong, i)
                && !one_time(texts, marker, i)
                && !widget_run(texts, evidence, marker, signed, i)
            {
                let start = match last_header {
                    Some(h) if i - h <= 15 => h,
                    _ if i > 0 && names_commenter(feats, density, evidence, i - 1) => i - 1,
                    _ => i,
                };
                return Some((start, true));
            }
            // Comments with no widget at all: a commenter's name above
            // each of them, close together, after a whole article.
            // Only where the names start: a page that is all comments
            // (a guestbook, a forum thread) has no article before them.
            let run_start = !last_author.is_some_and(|a| i - a <= COMMENT_WINDOW);
            if author.at(i) {
                last_author = Some(i);
            }
            if author.at(i)
                && run_start
                && author_ahead.at(i) >= AUTHOR_RUN
                && before >= 2 * p.min_comment_cut
                && after_widgets(evidence, i)
            {
                let start = match last_header {
                    Some(h) if i - h <= 15 => h,
                    _ => i,
                };
                return Some((start, true));
            }
            paragraph_above |=
                keep[i] && feats[i].terminal() && feats[i].words >= TAIL_PARAGRAPH_WORDS;
        }
        None
    }

    /// The header of an author's bio box ("About Jane Doe", then a
    /// paragraph about her, [`bio_box`]) after a whole article, with little
    /// kept text below the bio: the article ends there, header included.
    /// Unlike a sign-off, the lines above keep their verdicts (a list of
    /// the site's other stories between the article and the bio may be
    /// what a reader counts as part of the page).
    ///
    /// `reference`: on the reference path (every line asked [`bio_box`]).
    fn bio_end(
        &self,
        p: &Params,
        page: Measured<'_>,
        keep: &[bool],
        reference: bool,
    ) -> Option<usize> {
        let Measured {
            texts,
            feats,
            density,
            ..
        } = page;
        let weight = |i: usize| feats[i].weight as u64;
        // The kept weight, worked out when a bio box is first weighed
        // (most pages have none).
        let mut total = None;
        let mut before = 0u64;
        // A bare name over a paragraph that opens with it is a bio box only
        // the first time: a page of profiles ("Jane Doe" / "Jane Doe runs
        // the farm ...") has several.
        let mut bare_seen = false;
        let n = texts.len();
        // The first line below the current one that may be a bio (kept, of
        // [`BIO_WORDS`] words or more; `n`: none), found once for all the
        // lines above it. A box needs one within [`BIO_WINDOW`] lines, and
        // a header [`bio_box`]'s first test lets by: other lines are not
        // asked (on the fast path).
        let mut below = 0;
        for i in 0..n {
            let asked = reference || {
                let f = &feats[i];
                bio_header_shape(f) && {
                    if below <= i {
                        below = i + 1;
                        while below < n && !(keep[below] && feats[below].words >= BIO_WORDS) {
                            below += 1;
                        }
                    }
                    below < (i + 1 + BIO_WINDOW).min(n)
                }
            };
            if !asked {
                debug_assert!(bio_box(texts, feats, density, keep, i).is_none());
            } else if let Some((j, bare)) = bio_box(texts, feats, density, keep, i) {
                if before >= p.min_comment_cut && !(bare && bare_seen) {
                    let bio: u64 = (i..=j).filter(|&k| keep[k]).map(weight).sum();
                    let total = *total.get_or_insert_with(|| {
                        (0..texts.len())
                            .filter(|&i| keep[i])
                            .map(weight)
                            .sum::<u64>()
                    });
                    let after = total - before - bio;
                    if (after as f32) < p.sign_off_ratio * before as f32 {
                        return Some(i);
                    }
                }
                bare_seen |= bare;
            }
            if keep[i] {
                before += weight(i);
            }
        }
        None
    }

    /// [`judge`](Self::judge), relaxed step by step for pages whose article
    /// is all short lines (a blog post of three one-line paragraphs).
    fn judge_relaxed(&self, p: &Params, doc: &Doc<'_>) -> Judgement {
        let mut judgement = self.judge(p, doc, &p.thresholds);
        for level in 1..=2 {
            if judgement.kept_weight(doc.feats) >= p.min_article_weight {
                break;
            }
            let relaxed = self.judge(p, doc, &p.thresholds.relaxed(level));
            if relaxed.kept_weight(doc.feats) > judgement.kept_weight(doc.feats) {
                judgement = relaxed;
            }
        }
        judgement
    }

    /// The context model, the region and headings, at one set of thresholds.
    fn judge(&self, p: &Params, doc: &Doc<'_>, t: &Thresholds) -> Judgement {
        let n = doc.texts.len();
        // Each line's class, whether it is invisible to its neighbours and
        // its score for the regions, in one pass over the lines.
        // Chrome found by a phrase or shape (a photo credit, a date, a
        // byline) sits between paragraphs all the time: it is dropped, but it
        // says nothing about its neighbours, so it is invisible to them.
        let mut initial: Vec<Class> = vec![Class::Bad; n];
        let mut invisible: Vec<bool> = vec![false; n];
        let mut scores: Vec<f32> = vec![0.0; n];
        // (Compiled for each kind of page: with hard-wrapped paragraphs,
        // each line looks up its own, and without.)
        fn classify<I: Iterator<Item = (LineFeats, f32)>>(
            doc: &Doc<'_>,
            t: &Thresholds,
            lines: I,
            initial: &mut [Class],
            invisible: &mut [bool],
            scores: &mut [f32],
        ) {
            for ((((text, (f, density)), &e), &skip), ((class, invisible), score)) in doc
                .texts
                .iter()
                .zip(lines)
                .zip(doc.eflags)
                .zip(doc.skip)
                .zip(
                    initial
                        .iter_mut()
                        .zip(invisible.iter_mut())
                        .zip(scores.iter_mut()),
                )
            {
                let chrome = e & E_HAS != 0;
                *class = context::class_of(&f, density, chrome, t);
                *invisible = skip || e & E_SHORT != 0;
                *score = region_score(text, &f, density, *class, chrome, skip, doc.tabs);
            }
        }
        let (initial_, invisible_, scores_) = (&mut initial, &mut invisible, &mut scores);
        match doc.feats.paras() {
            None => classify(
                doc,
                t,
                doc.feats
                    .own()
                    .iter()
                    .copied()
                    .zip(doc.feats.own_density().iter().copied()),
                initial_,
                invisible_,
                scores_,
            ),
            Some(_) => classify(
                doc,
                t,
                teasers::ctx_lines(doc.feats),
                initial_,
                invisible_,
                scores_,
            ),
        }
        // Each line's score goes once the regions are found, before the
        // context is resolved (the judgement is held twice at the peak,
        // while a relaxed one is tried).
        let regions = context::regions(&scores, p.region_share);
        drop(scores);
        let resolved = context::resolve(&initial, &invisible);
        // The regions' lines take the room of `invisible`, done with.
        let mut inside_mask = invisible;
        inside_mask.fill(false);
        for (a, b) in regions {
            inside_mask[a..b].iter_mut().for_each(|x| *x = true);
        }
        let inside = |i: usize| inside_mask[i];
        let mut keep: Vec<bool> = (0..n)
            .map(|i| {
                !doc.evidence.has(i)
                    && !doc.alt[i]
                    && if inside(i) {
                        // Inside the article, prose-like lines stay even
                        // between two chrome lines.
                        resolved[i] == Class::Good || initial[i] == Class::NearGood || {
                            let (f, density) = teasers::ctx_line(doc.feats, i);
                            inside_worthy(&f, density, initial[i])
                        }
                    } else {
                        resolved[i] == Class::Good && {
                            let (f, density) = teasers::ctx_line(doc.feats, i);
                            strong_outside(&f, density)
                        }
                    }
            })
            .collect();
        let mut heading: Vec<Option<KeptBy>> = vec![None; n];
        let mut visible = 0;
        for i in 0..n {
            if keep[i] || doc.evidence.has(i) || doc.skip[i] || initial[i] != Class::Short {
                continue;
            }
            let f = doc.feats.get(i);
            if f.words == 0 || f.words > p.heading_words || f.letters.is_zero() {
                continue;
            }
            if f.terminal() && !ends_with_question(doc.texts[i]) {
                continue;
            }
            // The next line that is not chrome or a repeat must be article text.
            // (Found once for all the lines above it: `visible` moves down.)
            if visible <= i {
                visible = i + 1;
                while visible < n && (doc.evidence.has(visible) || doc.skip[visible]) {
                    visible += 1;
                }
            }
            let next = Some(visible).filter(|&j| j < n && j <= i + 6);
            debug_assert_eq!(
                next,
                (i + 1..n)
                    .take(6)
                    .find(|&j| !doc.evidence.has(j) && !doc.skip[j])
            );
            if let Some(j) = next {
                if keep[j] && initial[j] != Class::Short {
                    heading[i] = Some(KeptBy::Heading);
                    keep[i] = true;
                }
            }
        }
        // A few lines between two paragraphs of the article region, with no
        // chrome evidence among them, belong to the article (a subheading,
        // an address, a table row, a short list), whatever the context model
        // made of them: both ends must be prose the context model kept, not
        // headings or other short lines (kept by the rules above).
        // Each two kept lines in a row, found as the walk goes down (no
        // list of them is built: see [`next_kept`]).
        let paragraph = |i: usize| matches!(initial[i], Class::Good | Class::NearGood);
        let mut next = next_kept(&keep, 0);
        while let Some(a) = next {
            next = next_kept(&keep, a + 1);
            let Some(b) = next else { break };
            if b - a < 2 || b - a - 1 > MAX_GAP_LINES || !paragraph(a) || !paragraph(b) {
                continue;
            }
            if !(a..=b).all(inside) || (a + 1..b).any(|i| doc.evidence.has(i) || doc.alt[i]) {
                continue;
            }
            for i in a + 1..b {
                if !doc.skip[i] {
                    keep[i] = true;
                    heading[i] = Some(KeptBy::InBody);
                }
            }
        }
        // The lines between two kept paragraphs that the context model
        // found good, every one of them (short lines between paragraphs:
        // a list, a table, a caption; headings among them are kept
        // already), but the region left out.
        // Only at the mode's own thresholds: relaxed ones make paragraphs
        // of headline lists.
        // (Each two kept paragraphs in a row, as above.)
        let kept_paragraph =
            |keep: &[bool], from: usize| (from..n).find(|&i| keep[i] && paragraph(i));
        let mut next = if *t == p.thresholds {
            kept_paragraph(&keep, 0)
        } else {
            None
        };
        while let Some(a) = next {
            next = kept_paragraph(&keep, a + 1);
            let Some(b) = next else { break };
            if b - a < 2 || b - a > MAX_LIST_LINES {
                continue;
            }
            let good = (a + 1..b).all(|i| {
                !doc.evidence.has(i)
                    && (keep[i] || doc.skip[i] || (!doc.alt[i] && resolved[i] == Class::Good))
            });
            if !good {
                continue;
            }
            for i in a + 1..b {
                if !doc.skip[i] && !keep[i] {
                    keep[i] = true;
                    heading[i] = Some(KeptBy::InBody);
                }
            }
        }
        // Lists inside the body: a run of lines between two kept lines that
        // is introduced by a colon ("Ingredients:", "They said the following:")
        // is a list of the article, however short or name-heavy its items.
        let mut next = next_kept(&keep, 0);
        while let Some(a) = next {
            next = next_kept(&keep, a + 1);
            let Some(b) = next else { break };
            if b - a < 2 || b - a > MAX_LIST_LINES {
                continue;
            }
            let intro = (a..b).any(|i| !doc.evidence.has(i) && doc.texts[i].ends_with(b":"));
            if !intro {
                continue;
            }
            for i in a + 1..b {
                if !doc.evidence.has(i) && !doc.skip[i] && !doc.alt[i] && !keep[i] {
                    keep[i] = true;
                    heading[i] = Some(KeptBy::ListItem);
                }
            }
        }

        // A list after a paragraph, introduced by a colon: the paragraph's
        // own last word (or its last sentence announcing what follows:
        // "Here are a few of our favorites."), or a short line right below
        // it that does not head a list of links ("Related stories:", "Most
        // popular:"). Its items stay up to the first chrome line, prose
        // line or kept line, at most [`Params::intro_list_lines`] lines
        // below the paragraph.
        let intro = |j: usize| doc.texts[j].ends_with(b":") && !doc.evidence.has(j);
        let mut a = 0;
        while a + 1 < n {
            // Only a paragraph can announce a list: other lines are passed
            // over before anything else is looked at.
            let paragraph = keep[a] && matches!(initial[a], Class::Good | Class::NearGood);
            if !paragraph {
                a += 1;
                continue;
            }
            let own = intro(a) || (!doc.evidence.has(a) && announces_list(doc.texts[a]));
            let below = !own
                && intro(a + 1)
                && !doc.skip[a + 1]
                && doc.feats.get(a + 1).words <= p.heading_words
                && !names_a_list_of_links(doc.texts[a + 1]);
            // Or the intro comes below a subheading of its own ("Task
            // Force Membership" / "Convenor:"), neither of them chrome or
            // naming a list of links: the list starts at the subheading.
            let under_heading = !own
                && !below
                && a + 2 < n
                && !keep[a + 1]
                && intro(a + 2)
                && !doc.evidence.has(a + 1)
                && !doc.skip[a + 1]
                && !doc.skip[a + 2]
                && !doc.feats.get(a + 1).terminal()
                && doc.feats.get(a + 1).words <= p.heading_words
                && doc.feats.get(a + 2).words <= p.heading_words
                && !names_a_list_of_links(doc.texts[a + 1])
                && !names_a_list_of_links(doc.texts[a + 2]);
            // The short intro line may itself be kept already (as a
            // heading, or by its neighbours): the items start below it.
            let first = if !keep[a + 1] {
                a + 1
            } else if below {
                a + 2
            } else {
                n
            };
            if !(own || below || under_heading) || first >= n {
                a += 1;
                continue;
            }
            // Below a kept intro, only items the context model found good
            // (left out by the region alone) are taken.
            let taken = |j: usize| first == a + 1 || resolved[j] == Class::Good;
            let mut j = first;
            while j < n
                && j - a <= p.intro_list_lines
                && !keep[j]
                && taken(j)
                && !doc.evidence.has(j)
                && !doc.alt[j]
                && initial[j] != Class::Good
            {
                if !doc.skip[j] {
                    keep[j] = true;
                    heading[j] = Some(KeptBy::ListItem);
                }
                j += 1;
            }
            // A kept intro that is a paragraph itself heads its own list.
            a = if j == first { a + 1 } else { j };
        }

        // A list of marked items right below a kept line (numbered "1.",
        // "2)", "[3]" in sequence, or all with the same bullet), at least
        // two items, is part of the article. Up to [`MAX_ITEM_GAP`] chrome
        // lines may stand between two items (a shop link under each). An
        // item goes on over the lines its hard-wrapped text goes on to
        // (with no chrome evidence of their own).
        let below = |j: usize| (j + 1..n.min(j + 2 + MAX_ITEM_GAP)).find(|&i| !doc.evidence.has(i));
        // The lines of the list whose first item, marked `m`, is line
        // `first`, and how many items they hold.
        let items_from = |first: usize, mut prev: ListMarker| {
            let mut lines = vec![first];
            let mut items = 1;
            while lines.len() < MAX_LIST_LINES {
                let last = *lines.last().expect("one item");
                if last + 1 < n && doc.joined[last] && !doc.evidence.has(last + 1) {
                    lines.push(last + 1);
                    continue;
                }
                match below(last).and_then(|i| Some((i, list_marker(doc.texts[i])?))) {
                    Some((i, m)) if m.follows(prev) => {
                        prev = m;
                        lines.push(i);
                        items += 1;
                    }
                    _ => break,
                }
            }
            (lines, items)
        };
        let mut a = 0;
        while a + 1 < n {
            let start = if keep[a] {
                below(a).filter(|&i| !keep[i])
            } else {
                None
            };
            let Some((first, m)) = start.and_then(|i| Some((i, list_marker(doc.texts[i])?))) else {
                a += 1;
                continue;
            };
            let (lines, items) = items_from(first, m);
            if items >= 2 {
                for &i in &lines {
                    if !doc.skip[i] && !doc.alt[i] && !keep[i] {
                        keep[i] = true;
                        heading[i] = Some(KeptBy::ListItem);
                    }
                }
            }
            a = *lines.last().expect("one item");
        }

        // A numbered list from "1.", at least three items in sequence,
        // under its own intro line ("Tracklist:", "Steps:") a few lines
        // below a kept paragraph, is a list of the article, intro included.
        for i in 1..n.saturating_sub(3) {
            if keep[i]
                || doc.evidence.has(i)
                || !doc.texts[i].ends_with(b":")
                || doc.feats.get(i).words > p.heading_words
                // (The rare "1." below before the intro's words are read.)
                || list_marker(doc.texts[i + 1]) != Some(ListMarker::Number(1))
                || names_a_list_of_links(doc.texts[i])
                || !(i.saturating_sub(LEAD_IN_GAP)..i).any(|k| keep[k] && paragraph(k))
            {
                continue;
            }
            let (lines, items) = items_from(i + 1, ListMarker::Number(1));
            if items < 3 {
                continue;
            }
            for k in std::iter::once(i).chain(lines) {
                if !doc.skip[k] && !doc.alt[k] && !keep[k] {
                    keep[k] = true;
                    heading[k] = Some(KeptBy::ListItem);
                }
            }
        }

        // The lead-in: headline, standfirst and caption sit right above the
        // first paragraph, usually too short or too full of names to pass as
        // prose, with chrome (bylines, dates, share rows) between them.
        // Each block of kept text after a gap gets its lead-in looked for,
        // so that an article below a first block of chrome prose (a reprint
        // notice, a teaser) still gets its headline.
        // Found as the walk goes down: a lead-in only takes lines above its
        // paragraph, and a kept line below within LEAD_IN_GAP has that
        // paragraph above it anyway, so no later start changes.
        // (The last kept line above is carried down the lines looked at,
        // rather than the LEAD_IN_GAP lines above each looked at again.)
        let start_at = |keep: &[bool], from: usize| {
            let mut last = (from.saturating_sub(LEAD_IN_GAP)..from)
                .rev()
                .find(|&j| keep[j]);
            (from..n).find(|&k| {
                if !keep[k] {
                    return false;
                }
                let start = last.map_or(true, |l| k - l > LEAD_IN_GAP);
                debug_assert_eq!(start, (k.saturating_sub(LEAD_IN_GAP)..k).all(|j| !keep[j]));
                last = Some(k);
                start
            })
        };
        // Whether the line right above `i` reads as a headline, neither
        // chrome nor kept.
        let headline_above = |i: usize, keep: &[bool]| {
            i > 0 && !doc.evidence.has(i - 1) && !doc.alt[i - 1] && !keep[i - 1] && {
                let f = doc.feats.get(i - 1);
                f.words >= 4 && f.weight >= 20 && !doc.texts[i - 1].ends_with(b":")
            }
        };
        let mut next = start_at(&keep, 0);
        while let Some(first) = next {
            next = start_at(&keep, first + 1);
            let mut taken = 0;
            // Short lines stepped over right above the paragraph (see below).
            let mut stepped = 0;
            // The chrome right above the paragraph (a byline, a date, a
            // share row of a dozen buttons) is stepped over first.
            let top = (first.saturating_sub(LEAD_IN_REACH)..first)
                .rev()
                .take_while(|&i| doc.evidence.has(i) || doc.alt[i])
                .last()
                .unwrap_or(first);
            for i in (top.saturating_sub(LEAD_IN_WINDOW)..first).rev() {
                if doc.evidence.has(i) || doc.alt[i] {
                    continue;
                }
                let f = doc.feats.get(i);
                // On a page wrapped at one width, the last lines of a
                // standfirst go with its first ("... die dem" over "Klima
                // schaden."): one line of the lead-in.
                let wrapped = doc.wrapped && i > 0 && doc.joined[i - 1] && !doc.evidence.has(i - 1);
                let headline_like =
                    wrapped || (f.words >= 4 && f.weight >= 20 && !doc.texts[i].ends_with(b":"));
                // The paragraph's own intro right above it ("Summary:",
                // "Dear Mack:", "From Brian Phillips:") belongs to the
                // lead-in; the headline may sit above it. Not above a
                // paragraph that is a "Label: value" fact itself: that
                // block is left to the rule for facts.
                let intro = i + 1 == first
                    && paragraph(first)
                    && fact_label(doc.texts[first]).is_none()
                    && doc.texts[i].ends_with(b":")
                    && f.letters.at_least(1)
                    && f.words <= p.heading_words
                    && !names_a_list_of_links(doc.texts[i]);
                // A headline split at its colon ("Spring Lecture Series:"
                // above "Rivers of the North"): the first half, in title
                // case, right above the second, already taken.
                let split_title = f.words >= 4
                    && f.weight >= 20
                    && doc.texts[i].ends_with(b":")
                    && teasers::title_case(doc.texts[i])
                    && !names_a_list_of_links(doc.texts[i])
                    && (i + 1..=first)
                        .find(|&k| !doc.evidence.has(k) && !doc.alt[k])
                        .is_some_and(|k| {
                            keep[k] && matches!(heading[k], Some(KeptBy::LeadIn | KeptBy::Heading))
                        });
                // Above a long run of chrome, only a headline and its
                // standfirst (a print header's link, a credit line above
                // them is no lead-in).
                let far = i + LEAD_IN_WINDOW < first;
                // A date or a name with no chrome evidence of its own
                // ("24. April 2020", "Christoph von Ritter"), or a short
                // label ("Zutaten"), between the standfirst and the first
                // paragraph is stepped over (and stays out): the line above
                // it is taken only if it is prose, a standfirst.
                if taken == 0
                    && stepped < LEAD_IN_STEPS
                    && !keep[i]
                    && !(headline_like || intro || split_title)
                    && f.words <= LEAD_IN_STEP_WORDS
                    && (f.digits.at_least(1) || (f.words >= 2 && teasers::title_case(doc.texts[i])))
                {
                    stepped += 1;
                    continue;
                }
                if !(headline_like || intro || split_title)
                    || taken == LEAD_IN_LINES
                    || (far && taken >= LEAD_IN_FAR_LINES)
                    || (stepped > 0 && taken == 0 && !(paragraph(i) && headline_above(i, &keep)))
                {
                    break;
                }
                if keep[i] {
                    break;
                }
                keep[i] = true;
                heading[i] = Some(KeptBy::LeadIn);
                // A repeat (the headline printed twice) does not use up the
                // lead-in; the later copy is dropped as a duplicate. Nor
                // does a wrapped line: its paragraph counts once.
                if !doc.skip[i] && !wrapped {
                    taken += 1;
                }
            }
        }
        Judgement {
            initial,
            resolved,
            keep,
            heading,
        }
    }

    /// Phrase, shape and breadcrumb evidence for one line.
    #[allow(clippy::too_many_arguments)]
    fn evidence(
        &self,
        text: &[u8],
        f: &Features,
        plain: bool,
        normed: bool,
        probe: Option<shapes::ProbeBytes>,
        norm: &mut Vec<u8>,
        reference: bool,
    ) -> Option<Evidence> {
        let inner = &*self.inner;
        // A stray character, or a short line with no letter at all (share
        // counts "2 160 2", separators "| |", lone numbers), but for a
        // formula ("1.9 - 1.27 = 0.63").
        if (f.chars <= 2 && f.weight <= 2)
            || (f.letters == 0 && f.words <= 8 && !shapes::is_formula(text))
        {
            return Some(Evidence {
                category: Category::Interface,
                rule: Rule::Shape(if f.letters == 0 {
                    "no-letters"
                } else {
                    "stray"
                }),
                ends_article: false,
                short_chrome: false,
                comment_marker: false,
            });
        }
        if text.len() <= lexicon::MAX_LINE_BYTES && f.words <= lexicon::MAX_CONTAINS_WORDS {
            // On the fast path a plain line this short was normalised as it
            // was measured (`features::measure_normed`); the others are not
            // plain.
            if reference || !normed {
                debug_assert!(reference || !plain);
                lexicon::normalise_any(text, norm);
            }
            let hit = if reference {
                inner.lexicon.find_reference(norm, f.words)
            } else {
                inner.lexicon.find(norm, f.words)
            };
            if let Some(h) = hit {
                return Some(Evidence {
                    category: h.category,
                    rule: Rule::Phrase(h.text),
                    ends_article: h.ends_article,
                    comment_marker: h.comment_marker,
                    short_chrome: false,
                });
            }
            // A plain line's words are its normalised form's (runs of ASCII
            // letters and digits): more than a row's are no row.
            let row = if reference {
                inner.labels.row_words(norm)
            } else if plain && f.words as usize > lexicon::MAX_LABEL_ROW_WORDS {
                None
            } else {
                inner.labels.row(norm)
            };
            if let Some(category) = row {
                return Some(Evidence {
                    category,
                    rule: Rule::Shape("label-row"),
                    ends_article: false,
                    short_chrome: false,
                    comment_marker: false,
                });
            }
            // Not an item of a list (the article's own tips: "• Follow the
            // hashtag on Twitter for ...").
            if f.words <= CALL_WORDS
                && after_bullet(text).len() == text.len()
                && calls_to_follow(norm)
            {
                return Some(Evidence {
                    category: Category::Social,
                    rule: Rule::Shape("call-to-follow"),
                    ends_article: false,
                    short_chrome: false,
                    comment_marker: false,
                });
            }
        }
        // Shapes read the line after its list bullet or heading marks
        // ("* Maria on 7 July 2012 at 2:31 pm said:", "### By Ann Lee").
        let core = after_bullet(text);
        let (shape, separators) = if reference {
            (inner.shapes.find_ungated(core), None)
        } else {
            // The bytes the shapes' gates look at, found as the line was
            // measured (when the core is the whole line).
            let probe = probe.filter(|_| core.len() == text.len());
            let (shape, separators) = inner.shapes.find_and_separators_probed(core, probe);
            // Separators were counted on the line's core.
            (shape, separators.filter(|_| core.len() == text.len()))
        };
        if let Some(h) = shape {
            // A sentence that happens to start "By Monday, ..." is not a byline.
            let sentence = f.terminal && f.words > 6;
            // "That said..." goes on with the article; "Ann said..." heads
            // a comment.
            let trailing = |t: &[u8]| {
                t.trim_ascii_end().ends_with(b"...")
                    || t.trim_ascii_end().ends_with("\u{2026}".as_bytes())
            };
            let transition =
                h.name == "comment-meta" && trailing(core) && opens_with_function_word(core);
            let sentence_byline = h.name == "byline" && sentence;
            if !(sentence_byline || transition) {
                return Some(Evidence {
                    category: h.category,
                    rule: Rule::Shape(h.name),
                    ends_article: h.ends_article,
                    comment_marker: h.name == "comment-meta" || h.name == "ago",
                    short_chrome: false,
                });
            }
        }
        let breadcrumb = match (reference, separators) {
            (true, _) => shapes::breadcrumb_segments(text),
            (false, Some(n)) => shapes::is_breadcrumb_counted(text, n),
            (false, None) => shapes::is_breadcrumb(text),
        };
        if breadcrumb {
            return Some(Evidence {
                category: Category::Navigation,
                rule: Rule::Shape("breadcrumb"),
                ends_article: false,
                short_chrome: false,
                comment_marker: false,
            });
        }
        if is_author_blurb(text) {
            return Some(Evidence {
                category: Category::Credit,
                rule: Rule::Shape("author-blurb"),
                ends_article: false,
                short_chrome: false,
                comment_marker: false,
            });
        }
        None
    }
}

impl Default for Cleaner {
    fn default() -> Cleaner {
        Cleaner::new()
    }
}

/// A line's contribution to the article region: positive for prose,
/// negative for chrome and for lines that do not read as prose (`tabs`:
/// see [`Doc::tabs`]).
fn region_score(
    t: &[u8],
    f: &LineFeats,
    density: f32,
    class: Class,
    chrome: bool,
    repeat: bool,
    tabs: bool,
) -> f32 {
    if repeat {
        return 0.0;
    }
    if chrome {
        return -2.0;
    }
    // A table row (three cells or more, split by tabs, or by runs of
    // spaces as converters align columns) is neither prose nor chrome: a
    // table does not end the article it stands in.
    if matches!(class, Class::Short | Class::Bad) && is_table_row_in(t, f.digits.at_least(1), tabs)
    {
        return 0.0;
    }
    let w = f.words.min(80) as f32;
    match class {
        Class::Good => w,
        Class::NearGood => w * 0.5,
        Class::Short if f.terminal() && density >= 0.2 => 1.0,
        Class::Short => -2.0,
        Class::Bad if f.terminal() && density >= 0.15 => 0.0,
        Class::Bad => -w.max(2.0) * 0.5,
    }
}

/// Can [`Shapes::is_tags_line`] hold for the line: does it start with a
/// t or an f (its pattern starts with "tag" or "fil", any case)? A test
/// of the first byte in the caller's loop, most lines pass no further.
#[inline]
fn may_be_tags_line(t: &[u8]) -> bool {
    matches!(t.first(), Some(b't' | b'T' | b'f' | b'F'))
}

/// Is the line a table row: three cells or more, split by tabs, or by runs
/// of two spaces or more not after a sentence's end (some writers put two
/// spaces between sentences) in a line with a figure (`figures`: results,
/// standings, prices; a row of widget icons has none)?
#[cfg(test)]
fn is_table_row(t: &[u8], figures: bool) -> bool {
    is_table_row_in(t, figures, true)
}

/// [`is_table_row`] where `tabs` is false only if the line holds no tab
/// (the page has none): the search for two tabs is skipped then.
#[inline]
fn is_table_row_in(t: &[u8], figures: bool, tabs: bool) -> bool {
    // On a page without a tab, a line without a figure is no row (a test
    // in the caller's loop; the rest is called).
    if !tabs && !figures {
        debug_assert!(!t.contains(&b'\t'));
        return false;
    }
    table_row_search(t, figures, tabs)
}

/// [`is_table_row_in`] past its test for a page without a tab.
fn table_row_search(t: &[u8], figures: bool, tabs: bool) -> bool {
    if !tabs {
        debug_assert!(!t.contains(&b'\t'));
    } else if let Some(tab) = memchr::memchr(b'\t', t) {
        if memchr::memchr(b'\t', &t[tab + 1..]).is_some() {
            return true;
        }
    }
    if !figures {
        return false;
    }
    // The first two spaces of a run (at `p` and `p + 1`), after a cell's
    // text (at `p - 1`).
    let gap = |p: usize| !matches!(t[p - 1], b' ' | b'.' | b'?' | b'!' | b':' | b';');
    let mut gaps = 0;
    // Two spaces in a row are rare in a line of text: eight places at a
    // time are tested for them (the bytes at `p` and at `p + 1`, as two
    // words), and only those found are looked at one by one.
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each space byte of `x` (exactly: no carry between bytes).
    let spaces = |x: u64| {
        let z = x ^ 0x2020_2020_2020_2020;
        !(((z & LOW7) + LOW7) | z) & HIGH
    };
    let load = |i: usize| u64::from_le_bytes(t[i..i + 8].try_into().expect("eight bytes"));
    let mut p = 1;
    while p + 9 <= t.len() {
        let mut double = spaces(load(p)) & spaces(load(p + 1));
        while double != 0 {
            let k = double.trailing_zeros() as usize / 8;
            double &= double - 1;
            if gap(p + k) {
                gaps += 1;
                if gaps == 2 {
                    return true;
                }
            }
        }
        p += 8;
    }
    while p + 2 <= t.len() {
        if t[p] == b' ' && t[p + 1] == b' ' && gap(p) {
            gaps += 1;
            if gaps == 2 {
                return true;
            }
        }
        p += 1;
    }
    false
}

/// Short sentences that go on from kept text: a line of at least
/// [`SENTENCE_WORDS`] words that ends a sentence and is no chrome, right
/// below a kept line, is kept too ("Another pause.", a quoted reply, the
/// last line of a post), however its neighbours further down read. Lines
/// from `end` on (the cut article's rest) are left alone. Decided after
/// the article's end is found, so that it moves no cut.
fn keep_short_sentences(doc: &Doc<'_>, judgement: &mut Judgement, end: usize) {
    let keep = &mut judgement.keep;
    for i in 1..end {
        let f = doc.feats.get(i);
        if keep[i - 1]
            && !keep[i]
            && judgement.initial[i] == Class::Short
            && f.terminal()
            && f.words >= SENTENCE_WORDS
            && !doc.evidence.has(i)
            && !doc.skip[i]
            && !doc.alt[i]
        {
            keep[i] = true;
            judgement.heading[i] = Some(KeptBy::ShortSentence);
        }
    }
}

/// Sentences that go on over several lines: a line that is no chrome,
/// starts in lower case and comes right below a kept line ending in a
/// comma or a semicolon goes on with that line's sentence ("in front of a
/// mirror;" / "anywhere;" / "dance where you are."), and is kept however
/// short it is. Lines from `end` on are left alone; decided after the
/// article's end is found, so that it moves no cut.
fn keep_continuations(doc: &Doc<'_>, judgement: &mut Judgement, end: usize) {
    let keep = &mut judgement.keep;
    for i in 1..end {
        if keep[i - 1]
            && !keep[i]
            && matches!(last_char(doc.texts[i - 1]), Some(',' | ';'))
            && first_char(doc.texts[i]).is_some_and(char::is_lowercase)
            && !doc.evidence.has(i)
            && !doc.skip[i]
            && !doc.alt[i]
        {
            keep[i] = true;
            judgement.heading[i] = Some(KeptBy::Continuation);
        }
    }
}

/// References: a bibliographic reference (see [`Shapes::is_citation`])
/// that is no chrome, at most [`CITATION_GAP`] lines below kept text (a
/// "Source:" or "References" label between), is kept, and so is each one
/// below a kept one: the works an article cites, however name-heavy. Lines
/// from `end` on are left alone; decided after the article's end is found,
/// so that it moves no cut.
fn keep_citations(doc: &Doc<'_>, judgement: &mut Judgement, end: usize, shapes: &Shapes) {
    let keep = &mut judgement.keep;
    // The last kept line above (as the walk goes down: the window above a
    // line is looked at once, not line by line).
    let mut last_kept = keep.first().is_some_and(|&k| k).then_some(0);
    for i in 1..end {
        debug_assert_eq!(
            last_kept.is_some_and(|k| k >= i.saturating_sub(CITATION_GAP)),
            (i.saturating_sub(CITATION_GAP)..i).any(|k| keep[k])
        );
        if !(keep[i]
            || doc.evidence.has(i)
            || doc.skip[i]
            || doc.alt[i]
            || !last_kept.is_some_and(|k| k >= i.saturating_sub(CITATION_GAP))
            || !shapes.is_citation(doc.texts[i]))
        {
            keep[i] = true;
            judgement.heading[i] = Some(KeptBy::Citation);
        }
        if keep[i] {
            last_kept = Some(i);
        }
    }
}

/// Captions: a numbered figure or table caption ("Figure 3. Growth of the
/// crystal") that is no chrome, below the article's first kept line and
/// above its end, is kept (one copy of each caption is content). Decided
/// after the article's end is found, so that it moves no cut.
fn keep_captions(doc: &Doc<'_>, judgement: &mut Judgement, end: usize, shapes: &Shapes) {
    let keep = &mut judgement.keep;
    let Some(first) = keep.iter().position(|&k| k) else {
        return;
    };
    for (i, kept) in keep.iter_mut().enumerate().take(end).skip(first + 1) {
        if !*kept
            && !doc.evidence.has(i)
            && !doc.skip[i]
            && !doc.alt[i]
            && shapes.is_caption(doc.texts[i])
        {
            *kept = true;
            judgement.heading[i] = Some(KeptBy::Caption);
        }
    }
}

/// The label of a "Label: value" line ("Director: Tim Story", "Date of
/// Death: 18-12-1918", "Running time: 97 min."): one to
/// [`FACT_LABEL_WORDS`] words, the first capitalised, then a colon, a space
/// and a value.
fn fact_label(t: &[u8]) -> Option<&[u8]> {
    let colon = memchr::memchr(b':', &t[..t.len().min(FACT_LABEL_BYTES + 1)])?;
    let (label, rest) = (&t[..colon], &t[colon + 1..]);
    let value_follows = rest.first().is_some_and(u8::is_ascii_whitespace)
        && rest.iter().any(|b| !b.is_ascii_whitespace());
    let words = label.split(|&b| b == b' ');
    let word_ok = |w: &[u8]| {
        !w.is_empty()
            && std::str::from_utf8(w).is_ok_and(|w| {
                w.chars()
                    .all(|c| c.is_alphanumeric() || "()'’.&/-_".contains(c))
            })
    };
    (value_follows
        && first_char(label).is_some_and(char::is_uppercase)
        && words.clone().count() <= FACT_LABEL_WORDS
        && words.into_iter().all(word_ok))
    .then_some(label)
}

/// A block of facts: the lines in the order of `lines` (going away from
/// kept text) up to the first kept, chrome or repeated line, holding at
/// least [`MIN_FACTS`] "Label: value" lines ([`fact_label`]), each with a
/// label of its own (a repeated one ends the block) and one line at most
/// between two of them (a title, a label with no value). Its last label
/// line, if it is one. Labels of a post's footer ([`FOOTER_LABELS`]) make
/// it none, and so do labels more than half of which are names ("Ian
/// Reed: A Book of Sleep", a list of books).
fn fact_block(doc: &Doc<'_>, keep: &[bool], lines: impl Iterator<Item = usize>) -> Option<usize> {
    let mut labels: Vec<&[u8]> = Vec::new();
    let (mut last, mut gap, mut names) = (None, 0, 0);
    for j in lines {
        if keep[j] || doc.evidence.has(j) || doc.skip[j] || doc.alt[j] {
            break;
        }
        let Some(label) = fact_label(doc.texts[j]) else {
            gap += 1;
            if gap > 1 {
                break;
            }
            continue;
        };
        let mut words = label.split(|&b| b == b' ');
        if words.clone().count() >= 2
            && words
                .clone()
                .all(|w| first_char(w).is_some_and(char::is_uppercase))
        {
            names += 1;
        }
        let first = words.next().unwrap_or_default();
        if is_footer_label(first) {
            return None;
        }
        if labels.iter().any(|l| l.eq_ignore_ascii_case(label)) {
            break;
        }
        labels.push(label);
        (last, gap) = (Some(j), 0);
    }
    if labels.len() >= MIN_FACTS && 2 * names <= labels.len() {
        last
    } else {
        None
    }
}

/// Blocks of facts ([`fact_block`]) next to the article's text: right
/// below a kept line (a film's credits under its review: "Director: ...",
/// "Cast: ...", "Running time: 97 min."; the facts of a person's record),
/// or right above a "Label: value" line that the context model kept as
/// text, whose block they start (a game's preview: "Radio: ...", "Friday:
/// ... vs. ...", above the kept "Batting: ..."; not above a headline kept
/// as the lead-in). They are kept, up to the last label line. Lines from
/// `end` on are left alone; decided after the article's end is found, so
/// that it moves no cut.
fn keep_facts(doc: &Doc<'_>, judgement: &mut Judgement, end: usize) {
    let keep = &mut judgement.keep;
    let mut k = 0;
    while k + 1 < end {
        if keep[k] && !keep[k + 1] {
            if let Some(last) = fact_block(doc, keep, k + 1..end) {
                keep[k + 1..=last].fill(true);
                judgement.heading[k + 1..=last].fill(Some(KeptBy::Fact));
                k = last;
                continue;
            }
        }
        k += 1;
    }
    for k in (1..end).rev() {
        if keep[k]
            && judgement.heading[k].is_none()
            && !keep[k - 1]
            && fact_label(doc.texts[k]).is_some()
        {
            if let Some(first) = fact_block(doc, keep, (0..k).rev()) {
                keep[first..k].fill(true);
                judgement.heading[first..k].fill(Some(KeptBy::Fact));
            }
        }
    }
}

/// Does a table row hold a figure after its first cell (a count, a
/// price, a year; a row numbered "1." with words after it does not)?
fn figure_after_first_cell(t: &[u8]) -> bool {
    let t = t.trim_ascii_start();
    let cut = (1..t.len()).find(|&i| t[i] == b'\t' || (t[i] == b' ' && t[i - 1] == b' '));
    cut.is_some_and(|c| t[c..].iter().any(u8::is_ascii_digit))
}

/// Tables next to the article's text: a run of at least
/// [`MIN_TABLE_ROWS`] table rows ([`is_table_row`]), one other line at most
/// between two of them (a header cell, a row cut short) and no chrome or
/// repeat among them, right below or right above a kept line (or below a
/// title line right below one), is kept, title included, when at least
/// half of its rows hold a figure after their first cell (results,
/// prices, forecasts; a menu laid out as a table, a numbered list of
/// chapters have none). Lines from `end` on are left alone; decided after
/// the article's end is found, so that it moves no cut.
fn keep_tables(doc: &Doc<'_>, judgement: &mut Judgement, end: usize) {
    let keep = &mut judgement.keep;
    let free =
        |keep: &[bool], i: usize| !keep[i] && !doc.evidence.has(i) && !doc.skip[i] && !doc.alt[i];
    let row =
        |i: usize| is_table_row_in(doc.texts[i], doc.feats.get(i).digits.at_least(1), doc.tabs);
    let mut i = 0;
    while i < end {
        if !free(keep, i) || !row(i) {
            i += 1;
            continue;
        }
        let (mut last, mut gap, mut rows, mut figures) = (i, 0, 0, 0);
        let mut j = i;
        while j < end && free(keep, j) {
            if row(j) {
                (last, gap) = (j, 0);
                rows += 1;
                figures += usize::from(figure_after_first_cell(doc.texts[j]));
            } else {
                gap += 1;
                if gap > 1 {
                    break;
                }
            }
            j += 1;
        }
        // The table's title, between it and the text above.
        let first = if i > 1 && free(keep, i - 1) && keep[i - 2] {
            i - 1
        } else {
            i
        };
        let next_to_text = (first > 0 && keep[first - 1]) || (last + 1 < end && keep[last + 1]);
        if next_to_text && rows >= MIN_TABLE_ROWS && 2 * figures >= rows {
            keep[first..=last].fill(true);
            judgement.heading[first..=last].fill(Some(KeptBy::Table));
        }
        i = last + 1;
    }
}

/// Does the line start with an amount ("200 g Zucker", "1 1/2 cups
/// milk", "½ cup butter", "2-3 Zehen Knoblauch", "- 1 TL Zimt"), and if so,
/// does a unit of measure ([`AMOUNT_UNITS`]) follow it? A number ending
/// in a dot or a parenthesis ("1.", "2)") numbers a list; a number with
/// nothing after it, a unit with nothing after it ("53,82 g"), a phone
/// number ("+81 158-23-2012") is no amount.
fn amount_line(t: &[u8]) -> Option<bool> {
    // Most lines fail on their first byte: no digit, fraction or bullet.
    if !matches!(
        t.first(),
        Some(b'0'..=b'9' | b'-' | b'*' | 0xC2 | 0xE2 | b' ' | b'\t')
    ) {
        return None;
    }
    let t = t.trim_ascii();
    if t.len() > MAX_AMOUNT_LINE {
        return None;
    }
    let t = match t {
        [b'-' | b'*', b' ', rest @ ..] => rest.trim_ascii_start(),
        _ => t.strip_prefix("• ".as_bytes()).unwrap_or(t),
    };
    // An amount starts with a digit or a vulgar fraction (U+00BC..BE,
    // U+2150..215E): one byte tells most lines apart before any decoding.
    if !matches!(t.first(), Some(b'0'..=b'9' | 0xC2 | 0xE2)) {
        return None;
    }
    let s = std::str::from_utf8(t).ok()?;
    let amount_char =
        |c: char| c.is_ascii_digit() || ('¼'..='¾').contains(&c) || ('⅐'..='⅞').contains(&c);
    if !s.chars().next().is_some_and(amount_char) {
        return None;
    }
    // The amount: figures, fractions, a range ("1-2", "1 – 1 1/2"), the
    // spaces between them; the unit may follow it with no space ("200g").
    let mut rest = s;
    loop {
        let figures = rest
            .find(|c: char| !(amount_char(c) || matches!(c, '/' | '.' | ',')))
            .unwrap_or(rest.len());
        let (number, after) = rest.split_at(figures);
        if number.ends_with(['.', ',']) || after.starts_with(')') {
            return None;
        }
        rest = after.trim_start();
        let dash = rest.strip_prefix(['-', '–']).map(str::trim_start);
        match dash.unwrap_or(rest).chars().next() {
            Some(c) if amount_char(c) => rest = dash.unwrap_or(rest),
            _ => break,
        }
    }
    // A converter may print a no-break space after the unit ("350 g\u{a0}
    // Zucker").
    let word = rest
        .split([' ', '\t', '\u{a0}', '(', ','])
        .next()
        .unwrap_or_default();
    let after = &rest[word.len()..];
    let word = word.strip_suffix('.').unwrap_or(word);
    if !word.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    let unit = AMOUNT_UNITS.contains(&word.to_lowercase().as_str());
    // A unit names what it measures ("53,82 g" alone is a nutrition
    // table's figure).
    if unit && !after.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(unit)
}

/// Lists of amounts next to the article's text: a recipe's ingredients
/// ("200 g Zucker", "1 TL Zimt", "1 large onion"), which the context
/// model reads as a menu of short lines. A run of at least [`MIN_AMOUNTS`]
/// lines that start with an amount ([`amount_line`]), at least
/// [`MIN_MEASURED`] of them with a unit of measure, one other line at most
/// between two of them ("Für den Teig:", "Salz") and no chrome or repeat
/// among them, right below or right above a kept line, is kept; so are its
/// title between it and kept text above or ending in a colon
/// ("Ingredients:", "Für den Teig:") right above it, and its last
/// item without an amount between it and kept text below. A list of
/// [`MIN_LONE_AMOUNTS`] amounts, [`MIN_LONE_MEASURED`] of them measured,
/// is kept alone, with no kept text next to it (a recipe page whose other
/// lines are all short). A numbered list of other stories ("30 Small
/// Bedrooms Ideas ...") names no unit. Lines
/// from `end` on are left alone; decided after the article's end is
/// found, so that it moves no cut.
fn keep_amounts(doc: &Doc<'_>, judgement: &mut Judgement, end: usize) {
    let keep = &mut judgement.keep;
    let free =
        |keep: &[bool], i: usize| !keep[i] && !doc.evidence.has(i) && !doc.skip[i] && !doc.alt[i];
    let mut i = 0;
    while i < end {
        let Some(unit) = free(keep, i).then(|| amount_line(doc.texts[i])).flatten() else {
            i += 1;
            continue;
        };
        let (mut last, mut amounts, mut measured) = (i, 1, usize::from(unit));
        let mut j = i + 1;
        while j < end && j - last <= 2 && free(keep, j) {
            if let Some(unit) = amount_line(doc.texts[j]) {
                last = j;
                amounts += 1;
                measured += usize::from(unit);
            }
            j += 1;
        }
        // Its title: the line between it and kept text above, or one that
        // announces it ("Für den Teig:").
        let titled = i > 0 && free(keep, i - 1) && doc.texts[i - 1].ends_with(b":");
        let first = if titled || (i > 1 && free(keep, i - 1) && keep[i - 2]) {
            i - 1
        } else {
            i
        };
        let below = if last + 1 < end && keep[last + 1] {
            Some(last)
        } else if last + 2 < end && free(keep, last + 1) && keep[last + 2] {
            Some(last + 1)
        } else {
            None
        };
        let above = first > 0 && keep[first - 1];
        if (above || below.is_some()) && amounts >= MIN_AMOUNTS && measured >= MIN_MEASURED {
            let to = below.unwrap_or(last);
            keep[first..=to].fill(true);
            judgement.heading[first..=to].fill(Some(KeptBy::Amounts));
        } else if amounts >= MIN_LONE_AMOUNTS && measured >= MIN_LONE_MEASURED {
            // A longer list is a recipe's ingredients wherever it stands:
            // on a recipe page whose other text is all short lines
            // (steps, times, servings), no kept line need be next to it.
            keep[first..=last].fill(true);
            judgement.heading[first..=last].fill(Some(KeptBy::Amounts));
        }
        i = last + 1;
    }
}

/// The start of a bulleted list whose later items are kept as text: the
/// items above an item the context model kept, with the same bullet and
/// no chrome or repeat among them, dropped or kept only as a lead-in or
/// heading, are kept too when they are [`LIST_START_WORDS`] words long
/// on average (a changelog's "+ Added ..." lines; a menu's one- and
/// two-word items are not; a list of other stories above the headline
/// has no item kept as text). Lines from `end` on are left alone; decided
/// after the article's end is found, so that it moves no cut.
fn keep_list_starts(doc: &Doc<'_>, judgement: &mut Judgement, end: usize) {
    let Judgement { keep, heading, .. } = judgement;
    let mut k = end;
    while k > 1 {
        k -= 1;
        if !keep[k] || heading[k].is_some() {
            continue;
        }
        let Some(bullet @ ListMarker::Bullet(_)) = list_marker(doc.texts[k]) else {
            continue;
        };
        let mut j = k;
        let mut words = 0;
        while j > 0 {
            let i = j - 1;
            let lead = matches!(heading[i], Some(KeptBy::LeadIn | KeptBy::Heading));
            if (keep[i] && !lead)
                || doc.evidence.has(i)
                || doc.skip[i]
                || doc.alt[i]
                || list_marker(doc.texts[i]) != Some(bullet)
            {
                break;
            }
            words += doc.feats.get(i).words;
            j = i;
        }
        if j < k && words >= LIST_START_WORDS * (k - j) as u32 {
            for i in j..k {
                if !keep[i] {
                    keep[i] = true;
                    heading[i] = Some(KeptBy::ListItem);
                }
            }
            k = j;
        }
    }
}

/// How many lines above the article's first kept line a date line may
/// stand and still be the story's dateline (the headline's date above it).
const DATELINE_REACH: usize = 2;

/// A story has a dateline or two (published, updated); more date lines
/// in its head stamp the posts of a blog or the comments of a forum.
const MAX_DATELINES: usize = 2;

/// Words of a kept paragraph (a line, or the lines of a hard-wrapped
/// paragraph together) that make it the story's first paragraph, where its
/// head (headline, standfirst, datelines, byline) ends.
const DATELINE_PARAGRAPH_WORDS: u32 = 15;

/// Datelines that belong to the story are kept (the policy keeps them
/// with its quotations and lists): a date stamp ("July 23, 2012, 7:28
/// p.m. ET", "Updated: 24 April 2019 09:12 GMT", "Posted on May 3, 2005 by
/// Ann"; shapes `date` and `updated`) or a byline with a full date ("By Ann
/// Lee on Aug 9, 2012 at 4:20 pm") in the story's head: between the
/// article's first kept line and its first paragraph (a kept paragraph of
/// at least [`DATELINE_PARAGRAPH_WORDS`] words; with none, nothing is
/// kept), or at most [`DATELINE_REACH`] lines above the first kept line
/// with no chrome between them but credits, interface strays and dates,
/// when there are at most [`MAX_DATELINES`] of them and none ends the
/// article. The same
/// lines elsewhere (an archive's month list, other stories' dates, a
/// masthead's date above the menu, an update stamp between paragraphs,
/// comments' timestamps, a post's footer) stay banners and credits, and so
/// does a byline without a date. Decided last, once the article's lines
/// are known, so that the dates move no other decision.
fn keep_datelines(
    doc: &Doc<'_>,
    judgement: &mut Judgement,
    end: usize,
    paras: Option<&teasers::Paragraphs>,
    shapes: &Shapes,
) {
    let keep = &mut judgement.keep;
    let end = end.min(keep.len());
    let Some(first) = (0..end).find(|&i| keep[i]) else {
        return;
    };
    // On a hard-wrapped page each line counts its paragraph's words.
    let words = |i: usize| {
        let own = doc.feats.get(i).words;
        paras.map_or(own, |p| p.words(i, own))
    };
    let Some(paragraph) = (first..end).find(|&i| keep[i] && words(i) >= DATELINE_PARAGRAPH_WORDS)
    else {
        return;
    };
    let date = |i: usize| {
        doc.evidence[i].is_some_and(|e| {
            !e.ends_article
                && match e.rule {
                    Rule::Shape("date" | "updated") => true,
                    Rule::Shape("byline") => shapes.has_day_date(doc.texts[i]),
                    _ => false,
                }
        })
    };
    // Above the first kept line, a menu, a banner, a share row or a legal
    // line between the date and the article makes it the page's date, not
    // the story's; a byline, a photo credit or a stray counter does not.
    let passed = |j: usize| {
        doc.evidence[j].map_or(true, |e| {
            matches!(e.category, Category::Credit | Category::Interface)
        }) || date(j)
    };
    // (Only the lines from DATELINE_REACH above the first kept one on are
    // looked at: no line above them is near enough.)
    let dates: Vec<usize> = (first.saturating_sub(DATELINE_REACH)..paragraph)
        .filter(|&i| {
            debug_assert!(i + DATELINE_REACH >= first);
            !keep[i] && date(i) && (i + 1..first).all(passed)
        })
        .collect();
    if dates.len() > MAX_DATELINES {
        return;
    }
    for i in dates {
        keep[i] = true;
        judgement.heading[i] = Some(KeptBy::Dateline);
    }
}

/// The article's tail: a line or two that are not chrome, right after
/// kept text and right before the article's end (a sign-off, a comments
/// header, a post footer, or `end`: the end of the page or the line that
/// cuts the article): the closing words of a post ("Hope to see you
/// there.", "Cheers, Alina"), too short to pass alone, with no good line
/// below them, down to the post's footer if one stands there
/// ([`post_footer_line`]). Decided after the article's end is found, so that it moves
/// no cut; the cleaned article, which ends there, keeps them as well.
fn keep_tail(doc: &Doc<'_>, judgement: &mut Judgement, end: usize) {
    let keep = &mut judgement.keep;
    let ends = (0..end)
        .filter(|&i| doc.eflags[i] & E_ENDS != 0)
        .chain(std::iter::once(end));
    for e in ends {
        let mut j = e;
        while j > 0 && e - j < TAIL_LINES {
            let k = j - 1;
            if keep[k] || doc.evidence.has(k) || doc.skip[k] || doc.alt[k] {
                break;
            }
            j = k;
        }
        // The post's footer ("Tags: ...", "Posted in ...", "→ More
        // tags") is no closing words: the tail stops above it.
        let e = (j..e)
            .find(|&k| post_footer_line(doc.texts[k]))
            .unwrap_or(e);
        if j < e && j > 0 && keep[j - 1] {
            keep[j..e].fill(true);
            judgement.heading[j..e].fill(Some(KeptBy::Tail));
        }
    }
}

/// The first words of a post's footer that need no colon after them
/// ("Posted in News", "Filed under Libraries", "Tagged library"): words
/// that closing words do not start with, unlike "More soon," or "From
/// Anna and the team", which the other [`FOOTER_LABELS`] would match.
const POST_FOOTER_WORDS: &[&[u8]] = &[
    b"tags",
    b"tagged",
    b"category",
    b"categories",
    b"categorized",
    b"filed",
    b"posted",
    b"labels",
];

/// Is the word the first word of a post footer's label (one of
/// [`POST_FOOTER_WORDS`] or [`FOOTER_LABELS`], in any case)?
fn is_footer_label(word: &[u8]) -> bool {
    POST_FOOTER_WORDS
        .iter()
        .chain(FOOTER_LABELS)
        .any(|f| f.eq_ignore_ascii_case(word))
}

/// Is the line a post's footer: its first word a footer label with a
/// colon right after it ("Tags:", "Related topics:", "Source:"), one of
/// [`POST_FOOTER_WORDS`] ("Posted in", "Filed under"), or an arrow or
/// guillemet at either end ("→ More tags...", "Older posts »")?
fn post_footer_line(t: &[u8]) -> bool {
    let start = t
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(t.len());
    let len = t[start..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(t.len() - start);
    let first = &t[start..start + len];
    let own = POST_FOOTER_WORDS
        .iter()
        .any(|f| f.eq_ignore_ascii_case(first));
    if own || (t.get(start + len) == Some(&b':') && is_footer_label(first)) {
        return true;
    }
    const ARROWS: [char; 6] = ['«', '»', '←', '→', '‹', '›'];
    let t = String::from_utf8_lossy(t.trim_ascii());
    t.starts_with(ARROWS) || t.ends_with(ARROWS)
}

/// The navigation phrases (`navigation.txt`) of a link back to the top of
/// the page, which stands between the sections of one article (a glossary,
/// an FAQ): gaps in the article pass over it ([`keep_gaps`]).
const TO_TOP_PHRASES: &[&str] = &[
    "back to top",
    "return to top",
    "go to top",
    "top of page",
    "scroll to top",
];

/// Gaps in the article: the lines between two kept lines above the
/// article's end, when none of them is chrome (but a credit: a byline or a
/// photo credit; a date line; a link back to the top: these stay
/// dropped) or an alt-text fragment and there
/// are at most [`MAX_LIST_LINES`] of them, are the article's too (a
/// table of short rows, a list of names, a glossary, the addresses of a
/// letter, subheadings between short paragraphs), however the context
/// model and the region judged them: kept text on both sides and no chrome
/// between is stronger evidence than their own length and stopwords.
/// Repeats among them stay dropped. Decided after the article's end is
/// found, so that it moves no cut.
fn keep_gaps(doc: &Doc<'_>, judgement: &mut Judgement, end: usize) {
    let keep = &mut judgement.keep;
    // Each two kept lines in a row above `end` (see [`next_kept`]).
    let end = end.min(keep.len());
    let mut next = next_kept(&keep[..end], 0);
    while let Some(a) = next {
        next = next_kept(&keep[..end], a + 1);
        let Some(b) = next else { break };
        if b - a < 2 || b - a - 1 > MAX_LIST_LINES {
            continue;
        }
        // A credit (a byline, a photo credit), a date line (a letter's
        // date between its address and its salutation) or a link back to
        // the top (between the sections of a glossary) says nothing about
        // its neighbours: it is passed over, and stays dropped.
        let chrome = |i: usize| {
            doc.evidence[i].is_some_and(|e| {
                let passed = e.category == Category::Credit
                    || e.rule == Rule::Shape("date")
                    || matches!(e.rule, Rule::Phrase(p) if TO_TOP_PHRASES.contains(&p));
                !passed || e.ends_article
            })
        };
        if (a + 1..b).any(|i| chrome(i) || doc.alt[i]) {
            continue;
        }
        for i in (a + 1..b).filter(|&i| !doc.skip[i] && !doc.evidence.has(i)) {
            keep[i] = true;
            judgement.heading[i] = Some(KeptBy::InBody);
        }
    }
}

/// Inside the region, a line that is not chrome stays if it reads like a
/// sentence (a short paragraph, a list item) even when its neighbours are
/// not prose.
fn inside_worthy(f: &LineFeats, density: f32, class: Class) -> bool {
    match class {
        Class::Short => f.words >= 4 && f.terminal(),
        Class::Bad => f.words >= 8 && f.terminal() && density >= 0.1,
        _ => false,
    }
}

/// Outside the region a line needs more evidence: long, terminated prose.
fn strong_outside(f: &LineFeats, density: f32) -> bool {
    f.words >= 25 && f.terminal() && density >= 0.25
}

/// A commenter's name on its own line right above the comment: one to
/// [`AUTHOR_WORDS`] words, no sentence end, not in capitals, followed by a
/// line of prose (the caller also asks for no stopword in it).
fn is_author_line(feats: &[LineFeats], i: usize) -> bool {
    let f = &feats[i];
    (1..=AUTHOR_WORDS).contains(&f.words)
        && f.letters.at_least(2)
        && !f.terminal()
        && !f.mostly_caps()
        && feats
            .get(i + 1)
            .is_some_and(|g| g.words >= AUTHOR_NEXT_WORDS)
}

/// Does the line hold the word "reply" (any case, not inside a longer
/// word: "replying", "replays" are not it)?
fn has_reply_link(t: &[u8]) -> bool {
    const WORD: &[u8] = b"reply";
    let alnum = |j: usize| t.get(j).is_some_and(u8::is_ascii_alphanumeric);
    // Where an 'r' is (the word starts with one).
    memchr::memchr2_iter(b'r', b'R', t).any(|i| {
        i + WORD.len() <= t.len()
            && t[i..i + WORD.len()].eq_ignore_ascii_case(WORD)
            && (i == 0 || !alnum(i - 1))
            && !alnum(i + WORD.len())
    })
}

/// Words that open a sentence, not a commenter's name ("That said...").
const FUNCTION_WORDS: &[&[u8]] = &[
    b"that", b"this", b"it", b"he", b"she", b"they", b"we", b"i", b"you", b"who", b"which", b"and",
    b"but", b"as", b"so", b"having", b"what", b"all", b"then", b"the",
];

/// Does the line's first word (letters only) belong to [`FUNCTION_WORDS`]?
fn opens_with_function_word(t: &[u8]) -> bool {
    let first = t
        .trim_ascii_start()
        .split(|b| !b.is_ascii_alphabetic())
        .next()
        .unwrap_or_default();
    FUNCTION_WORDS.iter().any(|w| first.eq_ignore_ascii_case(w))
}

/// A commenter's name and a relative time have at most this many words.
const NAMED_AGO_WORDS: u32 = 7;

/// Does the line end with a relative time ("12 days ago", "a year ago")
/// after at least one word of its own ("Miles Taylor 12 days ago")?
fn named_ago(t: &[u8]) -> bool {
    const UNITS: &[&[u8]] = &[
        b"second", b"seconds", b"sec", b"secs", b"minute", b"minutes", b"min", b"mins", b"hour",
        b"hours", b"hr", b"hrs", b"day", b"days", b"week", b"weeks", b"month", b"months", b"year",
        b"years",
    ];
    // The last word must be "ago": its last byte first (most lines end
    // otherwise), before the split.
    let end = t.trim_ascii_end();
    if !matches!(end.last(), Some(b'o' | b'O'))
        || !end
            .len()
            .checked_sub(3)
            .is_some_and(|k| end[k..].eq_ignore_ascii_case(b"ago"))
    {
        return false;
    }
    // The last four words, from the end (no allocation).
    let mut words = t
        .rsplit(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    let (Some(ago), Some(unit), Some(count), Some(name)) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return false;
    };
    ago.eq_ignore_ascii_case(b"ago")
        && UNITS.iter().any(|u| unit.eq_ignore_ascii_case(u))
        && (count.iter().all(u8::is_ascii_digit)
            || [&b"a"[..], b"an", b"one"]
                .iter()
                .any(|c| count.eq_ignore_ascii_case(c)))
        && name.iter().any(u8::is_ascii_alphabetic)
}

/// A commenter's name after the address of their site or profile, as a
/// converter prints a linked name ("http://twitter.com/jdoe Jane Doe"):
/// an address, then one to [`AUTHOR_WORDS`] words with a letter, no
/// sentence end, followed by a line of prose.
fn is_linked_author_line(t: &[u8], feats: &[LineFeats], i: usize) -> bool {
    let t = t.trim_ascii();
    let url = [&b"http://"[..], b"https://", b"www."]
        .iter()
        .any(|p| t.len() > p.len() && t[..p.len()].eq_ignore_ascii_case(p));
    if !url || feats[i].terminal() {
        return false;
    }
    let Some(space) = t.iter().position(u8::is_ascii_whitespace) else {
        return false;
    };
    let name = t[space..].trim_ascii();
    let words = name
        .split(u8::is_ascii_whitespace)
        .filter(|w| !w.is_empty())
        .count();
    (1..=AUTHOR_WORDS as usize).contains(&words)
        && name.iter().any(u8::is_ascii_alphabetic)
        && feats
            .get(i + 1)
            .is_some_and(|g| g.words >= AUTHOR_NEXT_WORDS)
}

/// An author's blurb in one line, under its label: "About the author:
/// Jane Doe is a writer in Oak Park ..." (a label, a colon or dash, and at
/// least [`BLURB_WORDS`] words). The label alone ("About the Authors" over
/// the names of a paper's authors) is no blurb.
fn is_author_blurb(t: &[u8]) -> bool {
    const LABEL: &[u8] = b"about the author";
    let t = t.trim_ascii_start();
    if t.len() <= LABEL.len() || !t[..LABEL.len()].eq_ignore_ascii_case(LABEL) {
        return false;
    }
    let rest = &t[LABEL.len()..];
    let rest = rest.strip_prefix(b"s").unwrap_or(rest).trim_ascii_start();
    let rest = if let Some(r) = rest.strip_prefix(b":").or_else(|| rest.strip_prefix(b"-")) {
        r
    } else if let Some(r) = rest
        .strip_prefix("\u{2013}".as_bytes())
        .or_else(|| rest.strip_prefix("\u{2014}".as_bytes()))
    {
        r
    } else {
        return false;
    };
    rest.split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .count()
        >= BLURB_WORDS
}

/// A call to follow or subscribe is at most this many words (a longer
/// line is a paragraph that mentions the site's accounts).
const CALL_WORDS: u32 = 20;

/// Is `w` (a normalised word) a verb that opens a call to follow the site
/// or subscribe to it, in the large web languages ("Follow us on Twitter",
/// "Subscribe to my newsletter", "Folgen Sie uns auf Instagram",
/// "Síguenos en Telegram", "Abonnez-vous à notre newsletter")? `Some(true)`:
/// the verb is common in body text too ("Get ready", "Download the
/// guide"), so only a subscription channel (a newsletter, an inbox, a
/// podcast), no network's name, makes a call. One `match`: a length test
/// and a comparison or two for any word.
fn call_verb(w: &[u8]) -> Option<bool> {
    match w {
        b"follow" | b"subscribe" | b"join" | b"connect" | b"receive" => Some(false),
        b"sign" | b"get" | b"download" | b"stay" | b"keep" => Some(true),
        // de
        b"folge" | b"folgen" | b"folgt" | b"abonniere" | b"abonnieren" | b"abonniert"
        | b"melde" | b"meldet" | b"besucht" => Some(false),
        b"bleib" | b"bleiben" | b"erhalte" | b"lass" | b"hol" => Some(true),
        // fr
        b"suivez" | b"abonnez" | b"inscrivez" | b"rejoignez" | b"recevez" | b"retrouvez" => {
            Some(false)
        }
        // es, pt, it, nl
        b"siguenos" | b"suscribete" | b"unete" | b"recibe" | b"siga" | b"sigam" | b"assine"
        | b"inscreva" | b"receba" | b"seguici" | b"iscriviti" | b"volg" | b"abonneer" => {
            Some(false)
        }
        // With an accented letter: "únete", "síguenos", "suscríbete".
        b"\xc3\xbanete" | b"s\xc3\xadguenos" | b"s\xc3\xadganos" | b"suscr\xc3\xadbete" => {
            Some(false)
        }
        _ => None,
    }
}

/// Words that lead into a call ("Then sign up ...", "Dann abonnieren Sie
/// ..."), passed over before its verb.
fn call_lead(w: &[u8]) -> bool {
    matches!(w, b"then" | b"and" | b"so" | b"dann" | b"und" | b"jetzt")
}

/// Where a call leads to: a subscription channel, then the networks.
const CALL_CHANNELS: &[&[u8]] = &[
    b"newsletter",
    b"newsletters",
    b"inbox",
    b"inboxes",
    b"posteingang",
    b"podcast",
    b"podcasts",
    b"rss",
    b"nieuwsbrief",
    "bolet\u{ed}n".as_bytes(),
    b"boletim",
    b"infolettre",
];
const CALL_NETWORKS: &[&[u8]] = &[
    b"facebook",
    b"twitter",
    b"instagram",
    b"telegram",
    b"whatsapp",
    b"youtube",
    b"linkedin",
    b"tiktok",
];

/// The words of a normalised line: runs of ASCII letters and digits and
/// of non-ASCII bytes (letters of other scripts), split at punctuation
/// and spaces ("twitter-account" is two words).
fn norm_words(norm: &[u8]) -> impl Iterator<Item = &[u8]> {
    norm.split(|&b| b < 0x80 && !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A call to follow the site or subscribe to it: a line (normalised) whose
/// first sentence opens with a verb of a call ([`call_verb`]) and names a channel ("Follow The
/// Gleaner on Twitter and Instagram", "Get the latest updates straight to
/// your inbox", "Abonnieren Sie jetzt den Newsletter"): a follow or
/// subscribe row written out as a sentence.
fn calls_to_follow(norm: &[u8]) -> bool {
    // Cheap gate: the first two bytes of a verb or lead.
    let pair = match norm {
        [a, b, ..] => (*a, *b),
        _ => return false,
    };
    if !matches!(
        pair,
        (b'f', b'o')
            | (b's', b'u' | b'i' | b't' | b'o' | b'e' | 0xc3)
            | (b'j', b'o' | b'e')
            | (b'c', b'o')
            | (b'r', b'e')
            | (b'g', b'e')
            | (b'd', b'o' | b'a')
            | (b'k', b'e')
            | (b'm', b'e')
            | (b'b', b'e' | b'l')
            | (b'e', b'r')
            | (b'l', b'a')
            | (b'h', b'o')
            | (b'a', b'b' | b's' | b'n')
            | (b'i', b'n' | b's')
            | (b'u', b'n')
            | (b'v', b'o')
            | (b't', b'h')
            | (0xc3, 0xba)
    ) {
        return false;
    }
    // The first word (and the next after a lead), up to a space or
    // punctuation: most lines are ruled out here.
    let word_end = |t: &[u8]| {
        t.iter()
            .position(|&b| b < 0x80 && !b.is_ascii_alphanumeric())
            .unwrap_or(t.len())
    };
    let mut end = word_end(norm);
    let mut first = &norm[..end];
    if call_lead(first) {
        let start = (end..norm.len())
            .find(|&k| norm[k] >= 0x80 || norm[k].is_ascii_alphanumeric())
            .unwrap_or(norm.len());
        end = start + word_end(&norm[start..]);
        first = &norm[start..end];
    }
    let Some(weak) = call_verb(first) else {
        return false;
    };
    // The call is the sentence its verb opens: "Stay tuned for next
    // week! In the meantime, follow me on Twitter" closes a post.
    let rest = &norm[end..];
    let sentence = rest
        .windows(2)
        .position(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ')
        .map_or(rest, |k| &rest[..k]);
    norm_words(sentence)
        .any(|w| CALL_CHANNELS.contains(&w) || (!weak && CALL_NETWORKS.contains(&w)))
}

/// An author's blurb has at least this many words after its label.
const BLURB_WORDS: usize = 8;

/// The header of an author's bio box: "About" and one to three names, no
/// other stopword ("About Jane Doe", "ABOUT JANE DOE"; not "About this
/// recipe"). A generic "About the author" is left alone: some pages count
/// the bio below it as part of the article.
/// German "Über Jane Doe" heads the same box.
const BIO_STARTS: &[&[u8]] = &[b"about ", "\u{dc}ber ".as_bytes(), "\u{fc}ber ".as_bytes()];
/// The count of posts a byline box prints after the name ("Jule Radeck 300
/// posts", "\u{dc}ber Anna 257 Artikel"): read past.
const BIO_COUNTS: &[&[u8]] = &[
    b"posts",
    b"articles",
    b"artikel",
    "beitr\u{e4}ge".as_bytes(),
];
/// The bio's first paragraph starts at most this many lines below its header.
const BIO_WINDOW: usize = 4;
/// ... and has at least this many words, a name of the header among its
/// first [`BIO_NAME_AT`] ("Evan Gough lives ...", "Hi, I'm Becky."; a
/// site's "About Acme Blog" over "Glad you're here. We cover ..." is no
/// person's bio).
const BIO_WORDS: u32 = 8;
const BIO_NAME_AT: usize = 4;
/// A bio is about a person: it holds one of these words (a company's "About
/// Acme" box may be the page's subject).
const BIO_PRONOUNS: &[&[u8]] = &[
    b"he", b"she", b"his", b"her", b"him", b"i", b"my", b"me", b"er", b"sie", b"ihr", b"ihre",
    b"sein", b"seine", b"ich", b"mein", b"meine",
];
/// "I'm", "I am", "ich bin": a one-name bio introduces itself.
const BIO_SELF: &[(&[u8], &[&[u8]])] = &[(b"i", &[b"m", b"am"]), (b"ich", &[b"bin"])];

/// The verbs a bio opens with after the first name alone ("Jane is ...").
const BIO_VERBS: &[&[u8]] = &[
    b"is",
    b"was",
    b"has",
    b"writes",
    b"ist",
    b"war",
    b"hat",
    b"schreibt",
];
/// Stems of words about a writer's work ("writes", "reporter", "editor",
/// "Redakteurin", "Volont\u{e4}rin"): a bio under a bare name holds one.
const WRITER_STEMS: &[&[u8]] = &[
    b"writ",
    b"reporter",
    b"journalis",
    b"editor",
    b"correspondent",
    b"columnist",
    b"author",
    b"contributor",
    b"blogger",
    b"redakt",
    b"autor",
    b"schreib",
    b"geschrieben",
    b"korrespondent",
    b"kolumnist",
    "volont\u{e4}r".as_bytes(),
];

/// Is `w` a word about a writer's work ([`WRITER_STEMS`])?
fn writes(w: &[u8]) -> bool {
    WRITER_STEMS
        .iter()
        .any(|s| w.len() >= s.len() && w[..s.len()].eq_ignore_ascii_case(s))
}

/// The words of a line, split at ASCII spaces and punctuation.
fn name_words(t: &[u8]) -> impl Iterator<Item = &[u8]> + Clone {
    t.split(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// A bio box's header has two to five words, starts with a capital and
/// ends no sentence ([`bio_box`]'s first test).
#[inline]
fn bio_header_shape(f: &LineFeats) -> bool {
    (2..=5).contains(&f.words) && !f.terminal() && f.first_upper()
}

/// Is line `i` the header of an author's bio box with the bio kept right
/// below it, a paragraph (at least [`BIO_WORDS`] words) that starts with
/// the person of the header ("About Evan Gough" / "Evan Gough lives on the
/// West Coast...") and speaks of a person ([`BIO_PRONOUNS`])? The
/// paragraph's index.
fn bio_box(
    texts: &[&[u8]],
    feats: &[LineFeats],
    density: &[f32],
    keep: &[bool],
    i: usize,
) -> Option<(usize, bool)> {
    let f = &feats[i];
    if !bio_header_shape(f) {
        return None;
    }
    // One stopword: "about" itself.
    if (density[i] * f.words as f32).round() > 1.0 {
        return None;
    }
    let t = texts[i].trim_ascii();
    let t = t.strip_suffix(b":").unwrap_or(t);
    let start = BIO_STARTS
        .iter()
        .find(|s| t.len() > s.len() && t[..s.len()].eq_ignore_ascii_case(s));
    // A bare name heads the box too ("Jane Doe" over "Jane Doe writes
    // about ..."), with no stopword at all.
    let bare = start.is_none();
    if bare && density[i] > 0.0 {
        return None;
    }
    // The bio below: the first paragraph within the window (looked for
    // before the header's words are read: most headers have none).
    let j = (i + 1..texts.len().min(i + 1 + BIO_WINDOW))
        .find(|&j| keep[j] && feats[j].words >= BIO_WORDS)?;
    // The header's words: a name of one to three, with the count of
    // posts read past; no more than five in all (no allocation: most
    // headers tested are a menu's or a subheading's).
    let mut header = [&[][..]; 5];
    let mut count = 0;
    for w in name_words(&t[start.map_or(0, |s| s.len())..]) {
        if count == header.len() {
            return None;
        }
        header[count] = w;
        count += 1;
    }
    let mut names = &header[..count];
    if let [rest @ .., number, what] = names {
        if number.iter().all(u8::is_ascii_digit)
            && BIO_COUNTS.iter().any(|c| c.eq_ignore_ascii_case(what))
        {
            names = rest;
        }
    }
    let capitalised = |w: &[u8]| first_char(w).is_some_and(char::is_uppercase);
    let least = if bare { 2 } else { 1 };
    if !(least..=3).contains(&names.len()) || !names.iter().all(|w| w.len() >= 2 && capitalised(w))
    {
        return None;
    }
    // The paragraph's first words (a name of three and one more at most
    // are read at its head), then all of them only if it opens as a bio.
    let mut lead = [&[][..]; BIO_NAME_AT];
    let mut leads = 0;
    for w in name_words(texts[j]).take(BIO_NAME_AT) {
        lead[leads] = w;
        leads += 1;
    }
    let lead = &lead[..leads];
    // Under a bare name the bio opens with it, whole ("Jane Doe writes
    // ...") or the first name and a verb ("Jane is ..."): not a subheading
    // in Title Case over a paragraph that repeats it ("Momentum Investing"
    // / "Momentum investing is ..."). And it speaks of writing: a page's
    // profiles of people ("Liam Williams" / "Liam Williams fought ...")
    // are sections of the article.
    let named = if bare {
        let whole = lead.len() > names.len() && lead[..names.len()] == *names;
        let first =
            lead.len() > 1 && lead[0] == names[0] && BIO_VERBS.iter().any(|v| lead[1] == *v);
        (whole || first) && name_words(texts[j]).any(writes)
    } else {
        lead.iter()
            .any(|w| names.iter().any(|n| n.eq_ignore_ascii_case(w)))
    };
    if !named {
        return None;
    }
    // A full name ("About Evan Gough") over a paragraph that speaks of a
    // person; one name ("About Becky") only over one that introduces
    // itself ("Hi, I'm Becky", "I am a ..."): "About Kale" over "Kale is
    // the green my grandmother grew" is a section of the article.
    let person = if names.len() >= 2 {
        name_words(texts[j]).any(|w| BIO_PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w)))
    } else {
        let words = name_words(texts[j]);
        words.clone().zip(words.skip(1)).any(|(a, b)| {
            BIO_SELF.iter().any(|(me, verbs)| {
                a.eq_ignore_ascii_case(me) && verbs.iter().any(|v| b.eq_ignore_ascii_case(v))
            })
        })
    };
    person.then_some((j, bare))
}

/// Is line `i` a commenter's name above the first comment's metadata: a
/// few words, no stopword, no sentence end, no chrome evidence?
fn names_commenter(
    feats: &[LineFeats],
    density: &[f32],
    evidence: EvidenceView<'_>,
    i: usize,
) -> bool {
    let f = &feats[i];
    !evidence.has(i)
        && density[i] == 0.0
        && (1..=AUTHOR_WORDS).contains(&f.words)
        && f.letters.at_least(2)
        && !f.terminal()
}

/// A comment form's widgets stand this many lines below its header at most.
const FORM_WINDOW: usize = 3;
/// ... and the text kept below the header weighs less than this many times
/// the article above it (a "Leave a reply" link under a post's headline
/// has the post below it).
const FORM_AFTER: u64 = 2;

/// ... and the lines kept between the article's last paragraph and the
/// header weigh less than 1/this of the text above: with the comments gone
/// they end the page, and cleaning the output again judges them at its
/// edge (a list of other stories or an author's box between the article
/// and the header would take the article's short last lines with it).
const FORM_TAIL: u64 = 8;

/// A paragraph has at least this many words and ends as a sentence does.
const TAIL_PARAGRAPH_WORDS: u32 = 8;

/// The weight of the lines kept between line `i` and the last kept
/// paragraph above it that follows another kept paragraph (an author's
/// bio or a teaser's summary stands alone); on a page with no two kept
/// paragraphs in a row (a short post), from its last paragraph.
fn tail_above(feats: &[LineFeats], keep: &[bool], i: usize) -> u64 {
    let para = |k: usize| keep[k] && feats[k].terminal() && feats[k].words >= TAIL_PARAGRAPH_WORDS;
    let mut tail = 0u64;
    let mut single = None;
    let mut k = i;
    while k > 0 {
        k -= 1;
        if !keep[k] {
            continue;
        }
        if para(k) && (0..k).rev().find(|&j| keep[j]).is_some_and(para) {
            return tail;
        }
        if para(k) && single.is_none() {
            single = Some(tail);
        }
        tail += feats[k].weight as u64;
    }
    single.unwrap_or(tail)
}

/// Is one of the [`FORM_WINDOW`] lines below the comments header at line
/// `i` a widget of the comment form: a per-comment widget of the lexicon
/// ("Click here to cancel reply"), or a social phrase of three words or
/// more about comments or replies ("Your email address will not be
/// published", "Verify your comment", "Leave a reply")?
fn comment_form_below(evidence: EvidenceView<'_>, i: usize) -> bool {
    let end = (i + 1 + FORM_WINDOW).min(evidence.of.len());
    evidence.slice(i + 1..end).iter().any(|e| {
        e.is_some_and(|e| {
            e.category == Category::Social
                && (e.comment_marker
                    || matches!(e.rule, Rule::Phrase(t) if t.split(' ').count() >= 3
                        && (t.contains("comment") || t.contains("reply") || t.contains("publish"))))
        })
    })
}

/// Does a row of share, follow or navigation widgets sit right above line
/// `i` (at least two of the [`WIDGET_WINDOW`] lines before it)? The end
/// of an article is marked so; a subheading inside it is not.
fn after_widgets(evidence: EvidenceView<'_>, i: usize) -> bool {
    evidence
        .slice(i.saturating_sub(WIDGET_WINDOW)..i)
        .iter()
        .filter(|e| {
            e.is_some_and(|e| matches!(e.category, Category::Social | Category::Navigation))
        })
        .count()
        >= 2
}

/// The first line from `from` on that `keep` keeps. The passes that fill
/// the gaps between two kept lines walk down the page with it, from one
/// kept line to the next, instead of listing the kept lines first (twice
/// over the page and a vector each): what such a pass keeps lies between
/// the two lines it looks at, above the next it looks for, so the pairs are
/// those of the kept lines the pass started with.
#[inline]
fn next_kept(keep: &[bool], from: usize) -> Option<usize> {
    keep.get(from..)?.iter().position(|&k| k).map(|p| from + p)
}

/// For each line in turn, down the page, how many lines below it are
/// flagged, as far as `window` paragraphs down (`joined`: a line joined to
/// the one above is in its paragraph, see [`Doc::joined`]; `None`: every
/// line a paragraph of its own). Nothing is kept per line: the window
/// slides down with the line asked about, each line entering and leaving it
/// once.
struct Ahead<'f> {
    flag: Bits<'f>,
    joined: Option<&'f [bool]>,
    window: usize,
    /// The line asked about last: the window is the lines below it, up to
    /// `end` (excluded).
    line: usize,
    end: usize,
    /// The paragraph numbers of `line` and of `end` (when there is one).
    line_para: usize,
    end_para: usize,
    /// The flagged lines in the window.
    count: u32,
}

impl<'f> Ahead<'f> {
    fn new(flag: Bits<'f>, window: usize, joined: Option<&'f [bool]>) -> Ahead<'f> {
        let mut a = Ahead {
            flag,
            joined,
            window,
            line: 0,
            end: 1,
            line_para: 0,
            end_para: 0,
            count: 0,
        };
        a.end_para = a.step(1);
        a
    }

    /// 1 when line `k` (at least 1) starts a paragraph, 0 when it goes on
    /// with the one above or is past the last line.
    #[inline]
    fn step(&self, k: usize) -> usize {
        usize::from(k < self.flag.len() && self.joined.map_or(true, |j| !j[k - 1]))
    }

    /// How many lines below line `i` are flagged, as far as the window
    /// reaches. `i` never goes back up the page from one call to the next.
    fn at(&mut self, i: usize) -> u32 {
        debug_assert!(i >= self.line);
        let n = self.flag.len();
        // The lines down to `i` leave the window.
        while self.line < i {
            self.line += 1;
            self.line_para += self.step(self.line);
            if self.line < self.end {
                self.count -= u32::from(self.flag.at(self.line));
            } else {
                // The window was empty: it starts again right below.
                self.end = self.line + 1;
                self.end_para = self.line_para + self.step(self.end);
            }
        }
        // The lines as far as `window` paragraphs below enter it.
        while self.end < n && self.end_para <= self.line_para + self.window {
            self.count += u32::from(self.flag.at(self.end));
            self.end += 1;
            self.end_para += self.step(self.end);
        }
        self.count
    }
}

/// Does the line hold a time of day (`9:42`, `12:05`)? Every one holds
/// three ASCII digits or more (a test checks).
fn has_time(t: &[u8]) -> bool {
    memchr::memchr_iter(b':', t).any(|i| {
        let d = |j: usize| t.get(j).is_some_and(u8::is_ascii_digit);
        i >= 1 && d(i - 1) && d(i + 1) && d(i + 2) && !d(i + 3)
    })
}

/// The time of day a line opens with ("7:00 AM", "14:30"), in minutes
/// since midnight.
fn opening_time(t: &[u8]) -> Option<u32> {
    let digits = t.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) || t.get(digits) != Some(&b':') {
        return None;
    }
    let m = t.get(digits + 1..digits + 3)?;
    if !m.iter().all(u8::is_ascii_digit) || t.get(digits + 3).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let num = |d: &[u8]| d.iter().fold(0u32, |a, b| a * 10 + u32::from(b - b'0'));
    let mut h = num(&t[..digits]) % 24;
    let rest = t[digits + 3..].trim_ascii_start();
    let pm = rest.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'p'))
        && rest
            .get(1)
            .is_some_and(|b| b.eq_ignore_ascii_case(&b'm') || *b == b'.');
    if pm && h < 12 {
        h += 12;
    }
    Some(h * 60 + num(m))
}

/// Lines of a schedule: each opens with a time of day, holds no calendar
/// date (`dated`), and the next such line within [`COMMENT_WINDOW`] lines
/// (or, for the last, the one before) is later in the day. A list of
/// headlines, newest first, goes back in time instead. The schedule's
/// lines, in order (a page holds few lines with a time: they are listed,
/// not flagged line by line).
fn schedule_lines(texts: &[&[u8]], dated: impl Fn(usize) -> bool) -> Vec<u32> {
    // The lines that open with a time, with their times, in order: the
    // nearest such line either side is the next or previous entry.
    let times: Vec<(u32, u32)> = (0..texts.len())
        .filter_map(|i| {
            opening_time(texts[i])
                .filter(|_| !dated(i))
                .map(|t| (i as u32, t))
        })
        .collect();
    let mut out = Vec::new();
    for (k, &(i, t)) in times.iter().enumerate() {
        let next = times
            .get(k + 1)
            .filter(|&&(j, _)| (j - i) as usize <= COMMENT_WINDOW);
        let prev = k
            .checked_sub(1)
            .map(|k| times[k])
            .filter(|&(j, _)| (i - j) as usize <= COMMENT_WINDOW);
        let schedule = match (prev, next) {
            (_, Some(&(_, u))) => u > t,
            (Some((_, u)), None) => u < t,
            (None, None) => false,
        };
        if schedule {
            out.push(i);
        }
    }
    out
}

fn ends_with_question(t: &[u8]) -> bool {
    let t = t.trim_ascii_end();
    t.ends_with(b"?") || t.ends_with("？".as_bytes()) || t.ends_with(b"!")
}

/// `joined[i]`: line `i + 1` goes on with the paragraph of line `i` (see
/// [`wraps`]); such lines are rendered together.
fn joined_lines(texts: &[&[u8]], adjacent: &[bool], layout: Layout) -> Vec<bool> {
    (0..texts.len())
        .map(|i| {
            // (`wraps`'s test of a short line first, here: most lines
            // are not called.)
            adjacent[i]
                && (layout.fragmented || texts[i].len() >= WRAP_MIN_BYTES)
                && wraps(texts[i], texts[i + 1], layout)
        })
        .collect()
}

/// A page (or the article of a pass) as the page-level stages see it.
#[derive(Clone, Copy)]
struct Page<'p, 'a> {
    texts: &'p [&'a [u8]],
    m: &'p LineMeasures,
    /// `roots[i]`: the first line with line `i`'s text ([`repeat::roots_keyed`]).
    roots: &'p [u32],
    /// `adjacent[i]`: line `i + 1` directly follows line `i` in the input.
    adjacent: &'p [bool],
    /// `joined[i]`: line `i + 1` continues line `i`'s paragraph (hard-wrapped).
    joined: &'p [bool],
    layout: Layout,
    /// Every stage on its plain path (the reference pipeline).
    reference: bool,
}

/// What [`Cleaner::prepare`] works out of a page for
/// [`Cleaner::decide`]: the same at every mode's settings (a mode and its
/// floor read it both).
struct Prepared {
    lang: Lang,
    /// Each line's stopword density (as measured: not its paragraph's; the
    /// context model reads it through [`teasers::CtxFeats`]).
    density: Vec<f32>,
    paras: Option<teasers::Paragraphs>,
    /// Each line's [`EvidenceView::flags`].
    eflags: Vec<u8>,
    /// What the teasers' stage reads of each line, worked out by the first
    /// call of [`Cleaner::decide`] that looks for the teasers.
    found: Option<Vec<teasers::Found>>,
    text_lines: Option<teasers::TextLines>,
    /// What [`Cleaner::article_end`] reads whatever the settings, worked
    /// out by its first call.
    comments: Option<CommentLines>,
    /// `alt` and `skip`, `n` flags each, in one allocation (the last call
    /// of [`Cleaner::decide`] puts stage 7's kept roots in `skip`'s room).
    flags: Vec<bool>,
}

/// Comment headers printed three times or more (the same phrase or
/// shape) stand under each post of a blog page: they end nothing. A
/// credit printed again further down ("Source: ..." under each picture)
/// was not the article's end: only its last copy may be. Dated ones
/// ("Posted by Ann on May 2, 2012 at 9:14 am") are not looked at: they
/// head each comment. Is line `i`, with evidence `e`, an undated credit
/// that ends the article?
fn undated_credit(shapes: &Shapes, texts: &[&[u8]], i: usize, e: &Evidence) -> bool {
    e.ends_article && e.category == Category::Credit && !shapes.has_date(texts[i])
}

/// The comment markers and commenters' names of a page
/// ([`Cleaner::comment_lines`]), the same at every setting.
struct CommentLines {
    /// Each line's flags: whether it is a comment marker ([`C_MARKER`]), a
    /// commenter's name ([`C_AUTHOR`]), and once the rest is worked out
    /// the others the walk reads ([`C_STRONG`], [`C_COMMENTER`],
    /// [`C_DATED`], [`C_SIGNED`]): one byte a line, not six.
    flags: Vec<u8>,
    /// How many lines are markers; names.
    markers: usize,
    authors: usize,
    /// Some line's evidence ends the article.
    ends: bool,
    /// The rest, worked out by the first walk ([`Cleaner::comment_rest`]).
    rest: Option<CommentRest>,
}

/// A line of [`CommentLines::flags`] is a comment marker.
const C_MARKER: u8 = 1;
/// ... a commenter's name.
const C_AUTHOR: u8 = 2;
/// ... a comment widget or metadata, or a marker with a reply link.
const C_STRONG: u8 = 4;
/// ... a commenter's name over a line that ends a sentence.
const C_COMMENTER: u8 = 8;
/// ... a marker or a short line with a full date.
const C_DATED: u8 = 16;
/// ... a dated line or a commenter's name.
const C_SIGNED: u8 = 32;
// Six flags, each a bit of its own.
const _: () =
    assert!((C_MARKER | C_AUTHOR | C_STRONG | C_COMMENTER | C_DATED | C_SIGNED).count_ones() == 6);

/// What [`Cleaner::article_end`]'s walk reads besides [`CommentLines`]
/// (and the flags it adds to them).
struct CommentRest {
    /// How often each rule that ends the article stands on the page.
    headers: Vec<(Rule, u32)>,
    /// How often each undated credit that ends the article does.
    credits: Vec<(Rule, u32)>,
    /// The page's last count of comments.
    last_total: Option<usize>,
}

/// How the converter laid out the page's paragraphs, beyond one per line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Layout {
    /// Paragraphs wrapped at this many columns ([`wrap_width`]).
    width: Option<usize>,
    /// Paragraphs cut at their links and inline tags ([`fragmented`]).
    fragmented: bool,
}

impl Layout {
    fn of(texts: &[&[u8]], feats: &[LineFeats], adjacent: &[bool]) -> Layout {
        Layout {
            width: wrap_width(texts, feats),
            fragmented: fragmented(texts, adjacent),
        }
    }
}

/// Does the line start with punctuation that goes on from the line above
/// (`, said the mayor`, `. The council`, `) and`)? No block starts so.
fn starts_mid_sentence(t: &[u8]) -> bool {
    matches!(
        t.first(),
        Some(b',' | b'.' | b';' | b':' | b')' | b']' | b'!' | b'?' | b'%')
    )
}

/// A converter that prints every text node on a line of its own (as
/// BeautifulSoup's `get_text("\n")` does) cuts paragraphs at their links:
/// `He met` / `the mayor` / `, who said`. A line that starts with a comma or
/// a full stop right below another one shows it.
fn fragmented(texts: &[&[u8]], adjacent: &[bool]) -> bool {
    (1..texts.len()).any(|i| adjacent[i - 1] && starts_mid_sentence(texts[i]))
}

/// On a fragmented page, does `next` go on with the sentence of `prev`?
/// It starts with punctuation that cannot start a block, or with a
/// lower-case letter after a line that ends no sentence, or `prev` ends
/// with an opening quote, bracket or a dash.
fn continues_fragment(prev: &[u8], next: &[u8]) -> bool {
    if starts_mid_sentence(next) {
        return true;
    }
    let last = last_char(prev);
    if last.is_some_and(|c| matches!(c, '(' | '[' | '"' | '“' | '‘' | '-')) {
        return true;
    }
    let first = first_char(next);
    // The sentence end: its mark, maybe followed by one closing quote or bracket.
    let trimmed = match prev.last() {
        Some(b'"' | b'\'' | b')') => &prev[..prev.len() - 1],
        _ if prev.ends_with("”".as_bytes()) || prev.ends_with("’".as_bytes()) => {
            &prev[..prev.len() - 3]
        }
        _ => prev,
    };
    let ends = matches!(trimmed.last(), Some(b'.' | b'!' | b'?' | b':'));
    first.is_some_and(char::is_lowercase) && !ends
}

/// The line's last character (U+FFFD for an invalid byte), decoded from
/// its last four bytes.
fn last_char(t: &[u8]) -> Option<char> {
    let last = t[t.len().saturating_sub(4)..].utf8_chunks().last()?;
    if last.invalid().is_empty() {
        last.valid().chars().next_back()
    } else {
        Some(char::REPLACEMENT_CHARACTER)
    }
}

/// The line's first character (U+FFFD for an invalid byte), decoded from
/// its first four bytes.
fn first_char(t: &[u8]) -> Option<char> {
    let first = t[..t.len().min(4)].utf8_chunks().next()?;
    Some(
        first
            .valid()
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
    )
}

/// Display columns of a line, as text-mode browsers wrap it: one per
/// character (a byte that does not continue a UTF-8 sequence), two for the
/// characters from U+3000 to U+DFFF (CJK, kana, Hangul: lead bytes 0xE3 to
/// 0xED), which East Asian scripts print double-width. One branch-free pass,
/// counted in a byte per chunk of 64 bytes (at most 128 columns), so that
/// it runs sixteen bytes a step.
fn columns(t: &[u8]) -> usize {
    t.chunks(64)
        .map(|chunk| {
            let cols = chunk
                .iter()
                .map(|&b| u8::from(b & 0xc0 != 0x80) + u8::from((0xe3..=0xed).contains(&b)))
                .sum::<u8>();
            usize::from(cols)
        })
        .sum()
}

/// Lines are looked at for the wrap width from this many columns.
const WRAP_WIDTH_MIN: usize = 40;
/// The widest wrap width looked for, in columns (at most
/// [`Capped::EXACT_MAX`](features::Capped::EXACT_MAX): a line's characters
/// are known up to that, see [`LineFeats::chars`]).
const WRAP_WIDTH_MAX: usize = 250;
const _: () = assert!(WRAP_WIDTH_MAX <= features::Capped::EXACT_MAX as usize);
/// A page is wrapped at a fixed width when at least this share of its
/// lines of [`WRAP_WIDTH_MIN`] columns or more end within
/// [`WRAP_WIDTH_SLACK`] columns of its widest lines.
const WRAP_WIDTH_SHARE: f32 = 0.4;
/// How far short of the wrap width a full line may end, in columns.
const WRAP_WIDTH_SLACK: usize = 10;
/// A wrap width is looked for among at least this many long lines ...
const WRAP_FEW_LINES: usize = 4;
/// ... and among fewer than this many (an article of a few short
/// paragraphs, as the passes over the article alone see it) only at a
/// text browser's widths, up to [`WRAP_FEW_MAX_WIDTH`] columns, with half
/// of them ending near it.
const WRAP_SOME_LINES: usize = 8;
/// The widest wrap width told from fewer than [`WRAP_SOME_LINES`] lines.
const WRAP_FEW_MAX_WIDTH: usize = 100;
/// Columns of indentation a browser may print before a paragraph's lines
/// (lynx indents body text by three, not headings): lines are measured
/// trimmed, so a full indented line ends this much short of the width.
const WRAP_INDENT: usize = 4;

/// The width a text-mode browser (lynx, w3m, links) or a converter with a
/// line length wrapped the page's paragraphs at, in columns, when it did:
/// most long lines then end just short of one width and almost none goes
/// past it, as no page of free-length paragraphs looks. `None` for a page
/// that is not hard-wrapped (the wrap width is that of the text: at most
/// one line in 32 is longer).
fn wrap_width(texts: &[&[u8]], feats: &[LineFeats]) -> Option<usize> {
    let mut hist = [0u32; WRAP_WIDTH_MAX + 1];
    let (mut long, mut over) = (0usize, 0usize);
    for (t, f) in texts.iter().zip(feats) {
        if t.len() < WRAP_WIDTH_MIN {
            continue;
        }
        // (The characters are only known up to 254: a line of more is
        // past the widest width, as many columns as characters or more.)
        let cols = match f.chars.exact().map(usize::from) {
            Some(chars) if chars <= WRAP_WIDTH_MAX => {
                if chars == t.len() {
                    t.len()
                } else {
                    columns(t)
                }
            }
            // At least one column per character.
            _ => WRAP_WIDTH_MAX + 1,
        };
        if cols < WRAP_WIDTH_MIN {
            continue;
        }
        long += 1;
        match hist.get_mut(cols) {
            Some(h) => *h += 1,
            None => over += 1,
        }
    }
    if long < WRAP_FEW_LINES {
        return None;
    }
    // The widest lines, but for one in 32 (a long URL, a table row).
    let allowed = long / 32;
    if over > allowed {
        return None;
    }
    let mut above = over;
    let mut width = WRAP_WIDTH_MAX;
    while width >= WRAP_WIDTH_MIN && above + hist[width] as usize <= allowed {
        above += hist[width] as usize;
        width -= 1;
    }
    let near: u32 = hist[width + 1 - WRAP_WIDTH_SLACK..=width].iter().sum();
    if long < WRAP_SOME_LINES && (width > WRAP_FEW_MAX_WIDTH || 2 * (near as usize) < long) {
        return None;
    }
    (near as f32 >= WRAP_WIDTH_SHARE * long as f32).then_some(width)
}

/// Does `next` continue `prev` on a page wrapped at `width` columns? `prev`
/// is full (the first word of `next` would not have fit on it, with
/// [`WRAP_INDENT`] columns to spare for an indent), does not end
/// a sentence or clause, and `next` starts with a letter, a digit or an
/// opening quote, not a list bullet. Whatever their case: names and
/// caseless scripts go on across the wrap too.
fn wraps_at(prev: &[u8], next: &[u8], width: usize) -> bool {
    let cols = columns(prev);
    if cols > width {
        return false;
    }
    let first_word = next
        .iter()
        .position(|b| b.is_ascii_whitespace())
        .unwrap_or(next.len());
    if cols + 1 + columns(&next[..first_word]) + WRAP_INDENT <= width {
        return false;
    }
    let first = first_char(next);
    ends_mid_sentence(prev)
        && first.is_some_and(|c| c.is_alphanumeric() || matches!(c, '"' | '“' | '‘' | '(' | '«'))
}

/// Does the line stop in the middle of a sentence or clause: on a letter,
/// a digit, a comma, a hyphen or a per cent sign, also inside closing
/// quotes or brackets ("... this issue,\"" above "said Della."; "... for
/// Germany (AfD)")? Not after a sentence end (`."`, `?)`).
fn ends_mid_sentence(t: &[u8]) -> bool {
    let mut t = t;
    // At most two closing marks (`,'"`, `)"`).
    for _ in 0..2 {
        match last_char(t) {
            Some(c @ ('"' | '”' | '’' | '\'' | ')' | '»')) => t = &t[..t.len() - c.len_utf8()],
            _ => break,
        }
    }
    last_char(t).is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '-' | '%'))
}

/// Does `next`, printed on the line right below `prev`, continue the same
/// hard-wrapped paragraph? `prev` is a long line cut before a sentence end
/// (it ends in a lower-case word, a number, a comma or a hyphen), `next` starts with a
/// lower-case letter (or any letter after a short lower-case word such as
/// "of": the phrase goes on with a name), and `prev` is full: the first word of `next` would
/// have made it longer than either line (lines wrapped at a fixed width).
/// On a page wrapped at a known width, [`wraps_at`] decides first; on a
/// fragmented page, [`continues_fragment`].
fn wraps(prev: &[u8], next: &[u8], layout: Layout) -> bool {
    if layout.fragmented && continues_fragment(prev, next) {
        return true;
    }
    if prev.len() < WRAP_MIN_BYTES {
        return false;
    }
    if layout.width.is_some_and(|w| wraps_at(prev, next, w)) {
        return true;
    }
    // (The line's end first: most lines end a sentence, and the next
    // line's first word is not looked for.)
    let last = match prev.last() {
        Some(&b) if b.is_ascii() => {
            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b',' || b == b'-'
        }
        _ => last_char(prev).is_some_and(|c| c.is_lowercase() || c.is_numeric()),
    };
    if !last {
        return false;
    }
    let first_word = next
        .iter()
        .position(|b| b.is_ascii_whitespace())
        .unwrap_or(next.len());
    if next.len() >= prev.len() + 1 + first_word {
        return false;
    }
    // A line that ends in a short lower-case word ("of", "the", "and")
    // stops in the middle of a phrase: the next may start with a name.
    let last_word = prev.len()
        - prev
            .iter()
            .rev()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(prev.len());
    let mid_phrase =
        prev.len() - last_word <= 3 && prev[last_word..].iter().all(u8::is_ascii_lowercase);
    match next.first() {
        Some(&b) if b.is_ascii() => {
            b.is_ascii_lowercase() || (mid_phrase && b.is_ascii_uppercase())
        }
        _ => first_char(next).is_some_and(char::is_lowercase),
    }
}

/// The hard-wrapped paragraphs of a page (runs of lines `joined` one to
/// the next, at least three or ending a sentence), whose lines the context
/// model sees with the paragraph's length, density and ending
/// ([`teasers::CtxFeats`]); a line's word count
/// stays its own. `None` when the page has no such paragraph.
fn wrapped_paragraphs(
    feats: &[LineFeats],
    density: &[f32],
    joined: &[bool],
    known: bool,
) -> Option<teasers::Paragraphs> {
    let n = feats.len();
    let mut paras: Option<teasers::Paragraphs> = None;
    // A line not joined to the next is a paragraph of its own, which
    // changes nothing: the search goes from one joined line to the next,
    // `joined` read as bytes (most pages have few or none).
    // SAFETY: a `bool` is one byte, 0 or 1, a valid `u8`.
    let bytes = unsafe { std::slice::from_raw_parts(joined.as_ptr().cast::<u8>(), joined.len()) };
    let mut a = 0;
    while a < n {
        // (`joined[n - 1]` starts no paragraph: no line is below it.)
        match memchr::memchr(1, &bytes[a..n - 1]) {
            Some(k) => a += k,
            None => break,
        }
        let mut b = a + 1;
        while b < n && joined[b - 1] {
            b += 1;
        }
        // Two lines that do not end a sentence are as likely a list.
        if b - a >= 3 || (b - a == 2 && feats[b - 1].terminal()) {
            let words: u32 = feats[a..b].iter().map(|f| f.words).sum();
            let weight: u32 = feats[a..b].iter().map(|f| f.weight).sum();
            // Stopwords, recovered from each line's density.
            let stops: f32 = (a..b)
                .map(|i| density[i] * feats[i].words.max(1) as f32)
                .sum();
            let terminal = feats[b - 1].terminal();
            let d = if known {
                stops / words.max(1) as f32
            } else if terminal {
                UNKNOWN_LANGUAGE_SENTENCE_DENSITY
            } else {
                0.0
            };
            paras
                .get_or_insert_with(|| teasers::Paragraphs::new(n))
                .add(
                    a,
                    b,
                    words,
                    teasers::Paragraphs::pack_end(weight, &feats[b - 1]),
                    d,
                );
        }
        a = b;
    }
    paras
}

/// Words that name a list of links to other pages when they head it
/// ("Related stories:", "Most popular:", "More from the blog:"), or a
/// post footer's row of tags and share buttons ("Filed under:", "Share
/// this:").
const LINK_LIST_WORDS: &[&str] = &[
    "filed",
    "tagged",
    "tags",
    "categories",
    "labels",
    "share",
    "related",
    "popular",
    "similar",
    "more",
    "recent",
    "latest",
    "top",
    "trending",
    "other",
    "also",
    "previous",
    "next",
    "featured",
    "recommended",
    "sponsored",
    "most",
];

/// Does the paragraph's last sentence announce what follows ("Here are a
/// few of our favorites (from top left, clockwise).")?
fn announces_list(t: &[u8]) -> bool {
    // Every form starts with "Here": most paragraphs have none at all
    // (an 'H' is mostly "He", "His", "However").
    memchr::memchr_iter(b'H', t).any(|k| t[k + 1..].starts_with(b"ere"))
        && last_sentence_announces(t)
}

/// The test of [`announces_list`] behind its gate: does the last sentence
/// start with "Here are", "Here is" or "Here's"?
fn last_sentence_announces(t: &[u8]) -> bool {
    let t = t.trim_ascii_end();
    let body = t.strip_suffix(b".").unwrap_or(t);
    let start = body
        .windows(2)
        .rposition(|w| matches!(w, [b'.' | b'!' | b'?', b' ']))
        .map_or(0, |k| k + 2);
    let last = &body[start..];
    [
        &b"Here are "[..],
        b"Here is ",
        b"Here's ",
        "Here’s ".as_bytes(),
    ]
    .iter()
    .any(|p| last.starts_with(p))
}

/// The same in the other large web languages: the verb of "read more"
/// ("Lesen Sie auch:", "Lire aussi :", "Lea también:", "Lue myös:"), "of
/// interest" ("Das könnte Sie interessieren:", "Te puede interesar:") and
/// "related", "similar", "popular", "recommended". Words of other
/// scripts' letters are whole words here ("ähnliche", "también").
const LINK_LIST_WORDS_I18N: &[&str] = &[
    // de
    "lesen",
    "lies",
    "interessieren",
    "interessant",
    "\u{e4}hnliche",
    "verwandte",
    "beliebte",
    "empfohlene",
    "meistgelesen",
    // fr
    "lire",
    "int\u{e9}resser",
    "similaires",
    "populaires",
    // es, pt, it
    "lea",
    "lee",
    "leia",
    "leggi",
    "interesar",
    "interessar",
    "interessarti",
    "relacionadas",
    "relacionados",
    "correlati",
    // nl, pl, fi, hu
    "lees",
    "gerelateerde",
    "czytaj",
    "polecane",
    "lue",
    "\u{e9}rdekelhetnek",
];

/// Does the line hold one of [`LINK_LIST_WORDS`] or
/// [`LINK_LIST_WORDS_I18N`] (ASCII case-insensitive)?
/// Can the word be one of [`LINK_LIST_WORDS`]: as long as one of them
/// (3 to 11 bytes), starting with one of their first letters? (A test
/// checks every word passes.)
#[inline]
fn may_be_link_list_word(w: &[u8]) -> bool {
    (3..=11).contains(&w.len())
        && matches!(
            w[0].to_ascii_lowercase(),
            b'a' | b'c' | b'f' | b'l' | b'm' | b'n' | b'o' | b'p' | b'r' | b's' | b't'
        )
}

fn names_a_list_of_links(t: &[u8]) -> bool {
    t.split(|b| !b.is_ascii_alphanumeric()).any(|w| {
        may_be_link_list_word(w)
            && LINK_LIST_WORDS
                .iter()
                .any(|k| w.eq_ignore_ascii_case(k.as_bytes()))
    }) || t
        .split(|&b| b < 0x80 && !b.is_ascii_alphanumeric())
        .any(|w| {
            // Only words as long as the list's (3 to 14 bytes), starting
            // with one of their first bytes, are compared.
            (3..=14).contains(&w.len())
                && matches!(
                    w[0].to_ascii_lowercase(),
                    b'l' | b'i'
                        | b'v'
                        | b'b'
                        | b'e'
                        | b'm'
                        | b's'
                        | b'p'
                        | b'r'
                        | b'c'
                        | b'g'
                        | 0xc3
                )
                && LINK_LIST_WORDS_I18N
                    .iter()
                    .any(|k| w.eq_ignore_ascii_case(k.as_bytes()))
        })
}

/// The marker that starts a list item.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ListMarker {
    /// "3.", "3)", "(3)", "[3]": the number.
    Number(u32),
    /// "•", "·", "-", "*", "–" or "+": which of them.
    Bullet(u8),
}

impl ListMarker {
    /// Does this item continue the list whose last item was `prev`?
    fn follows(self, prev: ListMarker) -> bool {
        match (prev, self) {
            (ListMarker::Number(p), ListMarker::Number(c)) => c == p + 1,
            (ListMarker::Bullet(p), ListMarker::Bullet(c)) => p == c,
            _ => false,
        }
    }
}

/// Marks a converter prints before a list item or a heading.
const BULLETS: &[&str] = &[
    "*", "+", "-", "•", "·", "–", "○", "◦", "□", "▪", "►", "#", "##", "###", "####",
];

/// The line after its list bullet or heading mark and the spaces after it,
/// or the whole line when it starts with none (or is nothing else).
fn after_bullet(t: &[u8]) -> &[u8] {
    // Every mark starts with one of these bytes (the others' UTF-8 leads).
    if !matches!(t.first(), Some(b'*' | b'+' | b'-' | b'#' | 0xc2 | 0xe2)) {
        return t;
    }
    for b in BULLETS {
        if let Some(rest) = t.strip_prefix(b.as_bytes()) {
            if rest.first() == Some(&b' ') {
                let rest = rest.trim_ascii_start();
                if !rest.is_empty() {
                    return rest;
                }
            }
        }
    }
    t
}

/// The list marker a line starts with, followed by a space and text (no
/// space needed after a bracketed number).
/// A bracketed number with no space after it marks an item of at least
/// this many spaces (words, less one).
const BRACKET_ITEM_SPACES: usize = 3;

#[inline]
fn list_marker(t: &[u8]) -> Option<ListMarker> {
    // Every marker starts with a bullet's first byte (the others' UTF-8
    // leads), a bracket or a digit: most lines start with none.
    if !matches!(
        t.first(),
        Some(b'*' | b'+' | b'-' | 0xc2 | 0xe2 | b'(' | b'[' | b'0'..=b'9')
    ) {
        return None;
    }
    list_marker_plain(t)
}

/// [`list_marker`] without its first-byte gate.
fn list_marker_plain(t: &[u8]) -> Option<ListMarker> {
    let bullet = |t: &[u8], w: usize| t.len() > w + 1 && t[w] == b' ';
    for (k, b) in ["•", "·", "-", "*", "–", "+"].iter().enumerate() {
        if t.starts_with(b.as_bytes()) && bullet(t, b.len()) {
            return Some(ListMarker::Bullet(k as u8));
        }
    }
    let (open, body) = match t.first() {
        Some(b'(') | Some(b'[') => (true, &t[1..]),
        _ => (false, t),
    };
    let digits = body.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let num: u32 = std::str::from_utf8(&body[..digits]).ok()?.parse().ok()?;
    let close = *body.get(digits)?;
    let ok = if open {
        close == b')' || close == b']'
    } else {
        close == b'.' || close == b')'
    };
    // A bracketed number closes itself: the item's text may follow it
    // without a space ("[5]I. Grzegory, ...", as reference lists print),
    // when it is a few words long: "[12]Home", "[13]News" are the links a
    // text-mode browser numbers, not a list.
    let gap = match body.get(digits + 1) {
        Some(b' ' | b'\t') => true,
        Some(&b) => {
            open && (b.is_ascii_alphabetic() || b >= 0x80)
                && memchr::memchr_iter(b' ', body)
                    .nth(BRACKET_ITEM_SPACES - 1)
                    .is_some()
        }
        None => false,
    };
    (ok && body.len() > digits + 2 && gap).then_some(ListMarker::Number(num))
}

#[cfg(test)]
mod list_marker_tests {
    use super::{after_bullet, list_marker, ListMarker};

    #[test]
    fn bullets_stripped_for_shapes() {
        assert_eq!(after_bullet(b"* Maria said:"), b"Maria said:");
        assert_eq!(after_bullet("•  Maria".as_bytes()), b"Maria");
        assert_eq!(after_bullet(b"### By Ann Lee"), b"By Ann Lee");
        // No space after the mark, or nothing after it: the line itself.
        assert_eq!(after_bullet(b"*Maria"), b"*Maria");
        assert_eq!(after_bullet(b"#hashtag"), b"#hashtag");
        assert_eq!(after_bullet(b"* "), b"* ");
        assert_eq!(after_bullet(b"Maria"), b"Maria");
        // Every mark's first byte passes the gate.
        for b in super::BULLETS {
            let line = format!("{b} Maria");
            assert_eq!(after_bullet(line.as_bytes()), b"Maria", "{b}");
        }
    }

    #[test]
    fn markers() {
        assert_eq!(list_marker(b"1. Flour"), Some(ListMarker::Number(1)));
        assert_eq!(list_marker(b"12) Eggs"), Some(ListMarker::Number(12)));
        assert_eq!(list_marker(b"[3] A paper"), Some(ListMarker::Number(3)));
        assert_eq!(list_marker(b"(4) A clause"), Some(ListMarker::Number(4)));
        assert_eq!(
            list_marker(b"[5]I. Grzegory, S. Porowski, High pressure growth of GaN"),
            Some(ListMarker::Number(5))
        );
        // A link number a text-mode browser printed before a link.
        assert_eq!(list_marker(b"[12]Home"), None);
        assert_eq!(list_marker(b"[13]Local news"), None);
        assert_eq!(list_marker(b"5.Grzegory"), None);
        assert_eq!(
            list_marker("• Milk".as_bytes()),
            Some(ListMarker::Bullet(0))
        );
        assert_eq!(list_marker(b"- Milk"), Some(ListMarker::Bullet(2)));
        assert_eq!(list_marker(b"2012. A year"), None);
        assert_eq!(list_marker(b"3.5 million"), None);
        assert_eq!(list_marker(b"-5 degrees"), None);
        assert_ne!(
            list_marker("– Milk".as_bytes()),
            list_marker("• Milk".as_bytes())
        );
        assert!(ListMarker::Number(3).follows(ListMarker::Number(2)));
        assert!(!ListMarker::Number(4).follows(ListMarker::Number(2)));
    }
}

#[cfg(test)]
mod layout_tests {
    use super::{columns, continues_fragment, wrap_width, wraps_at};
    use crate::features::{measure, LineFeats};
    use crate::lang::Stopwords;

    fn width_of(lines: &[String]) -> Option<usize> {
        let stop = Stopwords::builtin();
        let texts: Vec<&[u8]> = lines.iter().map(|l| l.as_bytes()).collect();
        let feats: Vec<_> = texts
            .iter()
            .map(|t| LineFeats::of(&measure(t, &stop).0))
            .collect();
        wrap_width(&texts, &feats)
    }

    /// Lines of `n` words of varying length, wrapped greedily at `w`.
    fn wrapped(n: usize, w: usize) -> Vec<String> {
        let words = ["council", "a", "library", "of", "the", "evening", "members"];
        let mut lines = vec![String::new()];
        for i in 0..n {
            let word = words[i % words.len()];
            let last = lines.last_mut().unwrap();
            if last.len() + 1 + word.len() > w {
                lines.push(word.to_string());
            } else {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(word);
            }
        }
        lines
    }

    #[test]
    fn width_of_wrapped_page() {
        // The widest line: at most the wrap width, and close to it.
        for w in [72, 79] {
            let lines = wrapped(400, w);
            let widest = lines.iter().map(|l| l.len()).max();
            assert!(widest.is_some_and(|m| m + 3 >= w && m <= w));
            assert_eq!(width_of(&lines), widest);
        }
    }

    #[test]
    fn free_length_paragraphs_have_no_width() {
        let lines: Vec<String> = (0..60).map(|i| "word ".repeat(10 + i * 3)).collect();
        assert_eq!(width_of(&lines), None);
        // Too few long lines to tell.
        assert_eq!(width_of(&wrapped(40, 72)), None);
    }

    #[test]
    fn few_lines_have_a_width_at_a_browsers_widths_only() {
        // An article of a few wrapped paragraphs: five full lines.
        let few = wrapped(60, 72);
        assert!((4..8).contains(&few.len()), "{few:?}");
        assert!(width_of(&few).is_some_and(|w| w <= 72));
        // Five free-length paragraphs, wider than a browser prints, or
        // with fewer than half near the widest.
        let wide: Vec<String> = (0..5).map(|i| "word ".repeat(25 + i)).collect();
        assert_eq!(width_of(&wide), None);
        let ragged: Vec<String> = (0..5).map(|i| "word ".repeat(9 + 3 * i)).collect();
        assert_eq!(width_of(&ragged), None);
        // Five full lines of one wrapped paragraph at 120 columns, wider
        // than a text browser prints: all end near the widest, but four to
        // seven lines tell no width that wide.
        let at_120 = wrapped(110, 120);
        assert!((4..8).contains(&at_120.len()), "{at_120:?}");
        let widest = at_120.iter().map(|l| l.len()).max().unwrap_or(0);
        let near = at_120.iter().filter(|l| l.len() + 10 > widest).count();
        assert!(widest > 100 && 2 * near >= at_120.len(), "{at_120:?}");
        assert_eq!(width_of(&at_120), None);
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(columns("abc".as_bytes()), 3);
        assert_eq!(columns("기사 입력".as_bytes()), 9);
        assert_eq!(columns("日本語".as_bytes()), 6);
        assert_eq!(columns(b"a\xffb"), 3);
    }

    #[test]
    fn full_lines_wrap_before_names() {
        let prev = b"met Arts Minister Sofia Lund and Treasury Secretary Mark Owens in";
        assert!(wraps_at(prev, b"Leeds on Monday", 70));
        // The next word would have fit: a line break of its own.
        assert!(!wraps_at(prev, b"Leeds on Monday", 80));
        // Indented three columns (lynx body text) on a page whose headings
        // reach the width: the trimmed line ends short of it, yet is full.
        assert!(wraps_at(prev, b"Leeds on Monday", 74));
        assert!(!wraps_at(prev, b"Leeds on Monday", 76));
        // A sentence or a clause ends, or a list item starts.
        let ended = b"met Arts Minister Sofia Lund and Treasury Secretary Mark Owens.";
        assert!(!wraps_at(ended, b"Leeds on Monday", 66));
        assert!(!wraps_at(prev, b"* Leeds on Monday", 70));
    }

    #[test]
    fn fragments_of_a_sentence() {
        assert!(continues_fragment(b"the band", b"last month"));
        assert!(continues_fragment(b"Oban Arena", b", with tickets on sale"));
        assert!(continues_fragment(b"Oban Arena", b"."));
        assert!(continues_fragment(b"he said (", b"Reuters"));
        // A sentence ends, or a new block starts upper-case.
        assert!(!continues_fragment(b"It was over.", b"then it began"));
        assert!(!continues_fragment(
            "he said it was over.\u{201d}".as_bytes(),
            b"then"
        ));
        assert!(!continues_fragment(b"Home", b"News"));
        assert!(!continues_fragment(b"the band", b"Tickets"));
    }
}

#[cfg(test)]
mod schedule_tests {
    use super::{opening_time, schedule_lines, COMMENT_WINDOW};

    #[test]
    fn opening_times() {
        assert_eq!(opening_time(b"7:00 AM\t\tBreakfast"), Some(7 * 60));
        assert_eq!(opening_time(b"1:30 PM Lunch"), Some(13 * 60 + 30));
        assert_eq!(opening_time(b"12:15 pm"), Some(12 * 60 + 15));
        assert_eq!(
            opening_time(b"13:54 Storm closes the port"),
            Some(13 * 60 + 54)
        );
        assert_eq!(opening_time(b"2:09:49 a record"), Some(2 * 60 + 9));
        assert_eq!(opening_time(b"123:45"), None);
        assert_eq!(opening_time(b"7:0 AM"), None);
        assert_eq!(opening_time(b"Lunch at 1:30 PM"), None);
    }

    /// The schedule's lines as they were worked out, one flag a line.
    fn schedule_flags_naive(texts: &[&[u8]], dated: impl Fn(usize) -> bool) -> Vec<bool> {
        let n = texts.len();
        let times: Vec<Option<u32>> = (0..n)
            .map(|i| opening_time(texts[i]).filter(|_| !dated(i)))
            .collect();
        let mut out = vec![false; n];
        for i in 0..n {
            let Some(t) = times[i] else { continue };
            let next = (i + 1..n.min(i + 1 + COMMENT_WINDOW)).find_map(|j| times[j]);
            let prev = (i.saturating_sub(COMMENT_WINDOW)..i)
                .rev()
                .find_map(|j| times[j]);
            out[i] = match (prev, next) {
                (_, Some(u)) => u > t,
                (Some(u), None) => u < t,
                (None, None) => false,
            };
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]
        /// The listed schedule lines are those the line-by-line flags mark
        /// (gaps around the window's size included).
        #[test]
        fn schedule_list_is_the_flags(lines in proptest::collection::vec(proptest::sample::select(vec![
            "7:00 AM Breakfast", "9:00 AM Classes", "1:00 PM Lunch", "13:54 Storm", "12:10 Ferry",
            "text", "more text", "", "23:59", "0:01",
        ]), 0..60), dated in proptest::collection::vec(proptest::bool::weighted(0.1), 60)) {
            let texts: Vec<&[u8]> = lines.iter().map(|l| l.as_bytes()).collect();
            let flags = schedule_flags_naive(&texts, |i| dated[i]);
            let listed: Vec<u32> = (0..texts.len() as u32).filter(|&i| flags[i as usize]).collect();
            proptest::prop_assert_eq!(schedule_lines(&texts, |i| dated[i]), listed);
        }
    }

    #[test]
    fn schedule_goes_forward_ticker_back() {
        let schedule: [&[u8]; 3] = [b"7:00 AM Breakfast", b"9:00 AM Classes", b"1:00 PM Lunch"];
        assert_eq!(schedule_lines(&schedule, |_| false), vec![0, 1, 2]);
        let ticker: [&[u8]; 3] = [b"13:54 Storm", b"13:43 Port closes", b"12:10 Ferry late"];
        assert!(schedule_lines(&ticker, |_| false).is_empty());
        // A dated line is no schedule line.
        assert_eq!(schedule_lines(&schedule, |i| i == 1), vec![0, 2]);
    }
}

#[cfg(test)]
mod phrase_keys {
    use crate::lexicon::Lexicon;

    /// Every phrase a rule is keyed on is a phrase of the built-in lexicon,
    /// under its own name: renaming one in its data file fails here rather
    /// than turning the rule off.
    #[test]
    fn to_top_phrases_are_lexicon_phrases() {
        let lex = Lexicon::builtin().unwrap();
        for p in super::TO_TOP_PHRASES {
            let words = p.split_whitespace().count() as u32;
            let hit = lex.find(p.as_bytes(), words).map(|h| h.text);
            assert_eq!(hit, Some(*p));
        }
    }
}

#[cfg(test)]
mod table_row_tests {
    use super::{is_table_row, is_table_row_in};

    /// [`is_table_row`] as first written, a byte index at a time.
    fn is_table_row_naive(t: &[u8], figures: bool) -> bool {
        if memchr::memchr_iter(b'\t', t).nth(1).is_some() {
            return true;
        }
        if !figures {
            return false;
        }
        let mut gaps = 0;
        for i in 2..t.len() {
            if t[i] == b' '
                && t[i - 1] == b' '
                && !matches!(t[i - 2], b' ' | b'.' | b'?' | b'!' | b':' | b';')
            {
                gaps += 1;
                if gaps == 2 {
                    return true;
                }
            }
        }
        false
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        #[test]
        fn table_row_is_exact(
            t in proptest::collection::vec(proptest::sample::select(b" \t.:a1".to_vec()), 0..40),
            figures: bool,
        ) {
            proptest::prop_assert_eq!(is_table_row(&t, figures), is_table_row_naive(&t, figures));
        }

        /// On a line without a tab (a page without one), skipping the
        /// search for tabs changes nothing.
        #[test]
        fn table_row_without_tabs_is_exact(
            t in proptest::collection::vec(proptest::sample::select(b" .:a1!".to_vec()), 0..40),
            figures: bool,
        ) {
            proptest::prop_assert_eq!(is_table_row_in(&t, figures, false), is_table_row_naive(&t, figures));
        }
    }
}

#[cfg(test)]
mod has_time_tests {
    use super::has_time;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// A line with a time of day has three ASCII digits or more (the
        /// gate in front of [`has_time`] in `article_end`).
        #[test]
        fn times_have_three_digits(t in proptest::collection::vec(proptest::sample::select(b" :0912a.".to_vec()), 0..12)) {
            if has_time(&t) {
                proptest::prop_assert!(t.iter().filter(|b| b.is_ascii_digit()).count() >= 3);
            }
        }
    }
}

#[cfg(test)]
mod count_ahead_tests {
    use super::{Ahead, Bits, C_DATED};

    /// The paragraph number of each line: lines joined to the one above
    /// share its number.
    fn paragraph_numbers(joined: &[bool]) -> Vec<u32> {
        let mut para = Vec::with_capacity(joined.len());
        let mut k = 0u32;
        for i in 0..joined.len() {
            if i > 0 && !joined[i - 1] {
                k += 1;
            }
            para.push(k);
        }
        para
    }

    /// [`Ahead`] by its definition: the flagged lines below each line, at
    /// most `window` paragraphs down (`para`: each line's paragraph number;
    /// `None`: its index).
    fn count_ahead_naive(flag: &[bool], window: usize, para: Option<&[u32]>) -> Vec<u32> {
        let n = flag.len();
        let para_of = |i: usize| para.map_or(i, |p| p[i] as usize);
        (0..n)
            .map(|i| {
                (i + 1..n)
                    .filter(|&j| flag[j] && para_of(j) <= para_of(i) + window)
                    .count() as u32
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The sliding window counts what counting below each line does,
        /// whether it is asked about every line or only some, and reads
        /// only its own flag of each line's byte.
        #[test]
        fn count_ahead_is_exact(
            lines in proptest::collection::vec(
                (proptest::bool::ANY, proptest::bool::ANY, proptest::bool::ANY, proptest::num::u8::ANY),
                0..40,
            ),
            window in 0usize..6,
        ) {
            let n = lines.len();
            let flag: Vec<bool> = lines.iter().map(|l| l.0).collect();
            let bytes: Vec<u8> = lines
                .iter()
                .map(|l| (l.3 & !C_DATED) | (u8::from(l.0) * C_DATED))
                .collect();
            let bits = Bits::new(&bytes, C_DATED);
            let joined: Vec<bool> = lines.iter().map(|l| l.1).collect();
            let asked: Vec<usize> = (0..n).filter(|&i| lines[i].2).collect();
            let para = paragraph_numbers(&joined);
            for (joined, para) in [(None, None), (Some(&joined[..]), Some(&para[..]))] {
                let want = count_ahead_naive(&flag, window, para);
                let mut every = Ahead::new(bits, window, joined);
                let got: Vec<u32> = (0..n).map(|i| every.at(i)).collect();
                proptest::prop_assert_eq!(&got, &want);
                let mut some = Ahead::new(bits, window, joined);
                for &i in &asked {
                    proptest::prop_assert_eq!(some.at(i), want[i]);
                    proptest::prop_assert_eq!(some.at(i), want[i]);
                }
            }
        }
    }
}

#[cfg(test)]
mod size_tests {
    use super::*;

    /// What a cleaned page keeps per line: its bytes' slice (16 bytes), a
    /// decision code (4) and whether the next line is joined to it (1).
    #[test]
    fn cleaned_keeps_21_bytes_a_line() {
        let page = "A headline\n\nSome text of the article, with a sentence or two in it.\n\
                    x\n"
        .repeat(3000);
        let c = Cleaner::new().clean(page.as_bytes());
        assert_eq!(c.len(), 9000);
        let bytes = c.texts.capacity() * std::mem::size_of::<&[u8]>()
            + c.codes.capacity() * std::mem::size_of::<u32>()
            + c.joined.capacity() * std::mem::size_of::<bool>();
        assert!(bytes <= 21 * c.len(), "{bytes} bytes for {} lines", c.len());
        assert!(c.table.len() < 100);
    }

    /// The per-line working data of the stages.
    #[test]
    fn per_line_data_stays_small() {
        assert!(std::mem::size_of::<Features>() <= 28);
        // What the page's stages keep of them a line.
        assert_eq!(std::mem::size_of::<LineFeats>(), 12);
        assert_eq!(std::mem::size_of::<KeptBy>(), 1);
        // The stopword counts: one byte a language, for the lines that
        // have a stopword; a bit for those that have none.
        assert_eq!(NLANG, 13);
        let mut none = StopTable::with_capacity(10_000);
        for _ in 0..10_000 {
            none.push([0; NLANG]);
        }
        none.shrink_to_fit();
        let bytes = none.has.capacity() * 8 + none.rows.capacity() * NLANG;
        assert!(bytes <= 10_000 / 8 + 8, "{bytes} bytes for 10,000 lines");
    }
}

#[cfg(test)]
mod tags_gate_tests {
    use super::may_be_tags_line;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The first-byte gate turns away no tags line.
        #[test]
        fn tags_first_byte_gate_is_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "Tags", "tags", "TAGS", "Tag", "Tagged", "tagged with", "Filed", "filed under", "FILED UNDER",
            "Filed in", "Files", ":", ": ", " ", ",", ", ", "news", "Politics", "sport", "a", "-", "|",
            "\u{a0}", "é", "*", "#", "1", "\t", "under", "in", "with", "Categories", "Labels",
        ]), 0..8)) {
            let line = parts.concat();
            static CLEANER: std::sync::OnceLock<crate::Cleaner> = std::sync::OnceLock::new();
            let shapes = &CLEANER.get_or_init(crate::Cleaner::new).inner.shapes;
            if shapes.is_tags_line(line.as_bytes()) {
                proptest::prop_assert!(may_be_tags_line(line.as_bytes()), "{line:?}");
            }
            let plain = shapes.is_tags_line_plain(line.as_bytes());
            proptest::prop_assert_eq!(
                plain,
                may_be_tags_line(line.as_bytes()) && shapes.is_tags_line(line.as_bytes()),
                "{:?}", line
            );
        }
    }
}

#[cfg(test)]
mod list_marker_gate_tests {
    use super::{list_marker, list_marker_plain};

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The first-byte gate turns away no marker.
        #[test]
        fn list_marker_gate_is_exact(
            head in proptest::sample::select(vec![
                "", "•", "·", "-", "*", "–", "+", "(", "[", "1", "12", "123", "1234", "a", "#", " ", "\u{e2}",
            ]),
            tail in proptest::collection::vec(proptest::sample::select(b" .)]\tab1(".to_vec()), 0..12),
        ) {
            let mut t = head.as_bytes().to_vec();
            t.extend(tail);
            proptest::prop_assert_eq!(list_marker(&t), list_marker_plain(&t));
        }
    }
}

#[cfg(test)]
mod announces_list_tests {
    use super::{announces_list, last_sentence_announces};

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The "Here" gate turns away no paragraph the last-sentence test takes.
        #[test]
        fn here_gate_is_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "Here are ", "Here is ", "Here's ", "Here’s ", "Here", "He ", "H", "ere ", ". ", "! ", "? ", ".", "a", " ",
        ]), 0..10)) {
            let t = parts.concat().into_bytes();
            proptest::prop_assert_eq!(announces_list(&t), last_sentence_announces(&t));
        }
    }
}

#[cfg(test)]
mod columns_tests {
    use super::columns;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The byte-wide chunks count what one wide sum counts.
        #[test]
        fn chunked_columns_are_exact(t in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let plain: usize = t
                .iter()
                .map(|&b| usize::from(b & 0xc0 != 0x80) + usize::from((0xe3..=0xed).contains(&b)))
                .sum();
            proptest::prop_assert_eq!(columns(&t), plain);
        }
    }
}

#[cfg(test)]
mod amount_line_tests {
    use super::amount_line;

    #[test]
    fn amounts_with_and_without_units() {
        for (line, want) in [
            ("200 g Zucker", Some(true)),
            ("200g Zucker", Some(true)),
            ("1 1/2 cups milk", Some(true)),
            ("½ tsp. ground cinnamon", Some(true)),
            ("1¼ teaspoon ground black pepper", Some(true)),
            ("1 – 1 1/2 tbsp light soya sauce", Some(true)),
            ("2-3 Zehen Knoblauch", Some(true)),
            ("- 1 TL Zimt", Some(true)),
            ("• 2 cuillères à soupe d'huile", Some(true)),
            ("125 g \t\tMehl", Some(true)),
            ("2 Dose/n Mandarinen", Some(true)),
            ("16oz (1 block) firm tofu", Some(true)),
            ("350 g\u{a0} Zucker", Some(true)),
            ("1 Pck.\u{a0}\u{a0}Vanillezucker", Some(true)),
            ("1 large onion", Some(false)),
            ("1 Ei", Some(false)),
            (
                "30 Small Bedrooms Ideas To Make Your Home Look Big",
                Some(false),
            ),
            // A list's number, a unit with nothing measured, a phone
            // number, a bare figure, words first: no amount.
            ("1. und Regionalmeister 2007", None),
            ("2) Bake for an hour", None),
            ("53,82 g", None),
            ("4512 kcal", Some(false)),
            ("+81 158-23-2012", None),
            ("1", None),
            ("Salt and pepper", None),
            ("Energy 782 Kcal", None),
        ] {
            assert_eq!(amount_line(line.as_bytes()), want, "{line:?}");
        }
        let long = format!("2 cups {}", "flour ".repeat(30));
        assert_eq!(amount_line(long.as_bytes()), None);
    }
}

#[cfg(test)]
mod page_pass_tests {
    use super::*;
    use proptest::prelude::*;

    /// Each bit of [`Evidence::flags`] says what the value's fields say.
    #[test]
    fn evidence_flags_are_the_fields() {
        let rules = [
            Rule::Phrase("comments"),
            Rule::Shape("comment-total"),
            Rule::Shape("date"),
        ];
        let categories = [Category::Credit, Category::Social, Category::Banner];
        for rule in rules {
            for category in categories {
                for bits in 0..8u8 {
                    let e = Evidence {
                        category,
                        rule,
                        ends_article: bits & 1 != 0,
                        short_chrome: bits & 2 != 0,
                        comment_marker: bits & 4 != 0,
                    };
                    let f = e.flags();
                    assert_ne!(f & E_HAS, 0);
                    assert_eq!(f & E_ENDS != 0, e.ends_article);
                    assert_eq!(f & E_SHORT != 0, e.short_chrome);
                    assert_eq!(f & E_MARKER != 0, e.comment_marker);
                    assert_eq!(f & E_PHRASE != 0, matches!(e.rule, Rule::Phrase(_)));
                    assert_eq!(f & E_TOTAL != 0, e.rule == Rule::Shape("comment-total"));
                    assert_eq!(
                        f & E_CREDIT_END != 0,
                        e.ends_article && e.category == Category::Credit
                    );
                }
            }
        }
        let table = EvidenceTable {
            kinds: vec![
                None,
                Some(Evidence {
                    category: Category::Social,
                    rule: Rule::Phrase("comments"),
                    ends_article: true,
                    short_chrome: true,
                    comment_marker: false,
                }),
            ],
            of: vec![0, 1, 0, 1, 1],
        };
        let flags = table.view().flags();
        assert_eq!(flags.len(), 5);
        for (i, f) in flags.iter().enumerate() {
            assert_eq!(*f != 0, table.view().has(i));
            // The page passes read a line's evidence only when `has` (or
            // its flags) say it has some.
            assert_eq!(table.view().has(i), table.view()[i].is_some());
            assert_eq!(
                f & E_ENDS != 0,
                table.view()[i].is_some_and(|e| e.ends_article)
            );
        }
    }

    /// Every word of [`LINK_LIST_WORDS`] passes [`may_be_link_list_word`],
    /// in any case.
    #[test]
    fn link_list_gate_passes_every_word() {
        for w in LINK_LIST_WORDS {
            assert!(may_be_link_list_word(w.as_bytes()), "{w}");
            assert!(
                may_be_link_list_word(w.to_ascii_uppercase().as_bytes()),
                "{w}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]
        /// [`has_reply_link`], which looks only where an 'r' is, finds
        /// what a look at every place finds.
        #[test]
        fn reply_gate_is_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "reply", "Reply", "REPLY", "r", "R", "eply", "replying", " ", "|", "[", "]", "x", "1", "\u{e9}",
        ]), 0..8)) {
            let t = parts.concat().into_bytes();
            let alnum = |j: usize| t.get(j).is_some_and(u8::is_ascii_alphanumeric);
            let naive = (0..t.len().saturating_sub(4)).any(|i| {
                t[i..i + 5].eq_ignore_ascii_case(b"reply") && (i == 0 || !alnum(i - 1)) && !alnum(i + 5)
            });
            prop_assert_eq!(has_reply_link(&t), naive);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1_000))]
        /// [`StopTable::add_all`]'s 16-bit sums add up what each line's
        /// counts do (every line at 254 or 255: the largest sums).
        #[test]
        fn stop_sums_are_exact(lines in proptest::collection::vec(
            (proptest::sample::select(vec![0u16, 1, 7, 254, 255, 256, 1000]), 0..NLANG),
            0..800,
        ), fill in proptest::sample::select(vec![0u16, 254])) {
            let mut table = StopTable::with_capacity(lines.len());
            let mut naive = [0u32; NLANG];
            for &(count, lang) in &lines {
                let mut c = [fill; NLANG];
                c[lang] = count;
                for (h, &x) in naive.iter_mut().zip(&c) {
                    *h += u32::from(x);
                }
                table.push(c);
            }
            let mut hits = [0u32; NLANG];
            table.add_all(&mut hits);
            prop_assert_eq!(hits, naive);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1_000))]
        /// A [`StopTable`] gives back each line's counts, read in order or
        /// selected, whether the line has none, small ones or big ones.
        #[test]
        fn stop_table_gives_back_the_counts(lines in proptest::collection::vec(
            (proptest::sample::select(vec![0u16, 0, 0, 1, 7, 127, 128, 254, 255, 1000]), 0..NLANG, proptest::bool::ANY),
            0..300,
        ), pick in proptest::collection::vec(proptest::bool::ANY, 300)) {
            let counts: Vec<features::StopCounts> = lines
                .iter()
                .map(|&(count, lang, also)| {
                    let mut c = [0; NLANG];
                    c[lang] = count;
                    if also {
                        c[(lang + 1) % NLANG] = 3;
                    }
                    c
                })
                .collect();
            let mut table = StopTable::with_capacity(counts.len());
            for &c in &counts {
                table.push(c);
            }
            table.shrink_to_fit();
            let read = |table: &StopTable, n: usize| {
                let mut r = table.reader();
                (0..n)
                    .map(|_| {
                        let row = r.next_row();
                        Lang::ALL.map(|l| r.count(row, l))
                    })
                    .collect::<Vec<_>>()
            };
            prop_assert_eq!(&read(&table, counts.len()), &counts);
            let idx: Vec<usize> = (0..counts.len()).filter(|&i| pick[i]).collect();
            let picked: Vec<features::StopCounts> = idx.iter().map(|&i| counts[i]).collect();
            let sub = table.select(&idx);
            prop_assert_eq!(sub.len, idx.len());
            prop_assert_eq!(read(&sub, idx.len()), picked);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        /// `bio_end` asks [`bio_box`] only about lines of a header's shape
        /// with a kept line of [`BIO_WORDS`] words within [`BIO_WINDOW`]
        /// below: it decides as the reference, which asks about every line.
        #[test]
        fn bio_gate_is_exact(lines in proptest::collection::vec((
            proptest::sample::select(vec![
                "About Jane Doe", "Jane Doe", "Jane Doe writes about farming and she lives here with her dogs.",
                "Evan Gough lives on the coast, where he writes about the sea and its history.",
                "About", "Menu", "A paragraph of the article that goes on for a while, as they do.",
                "I am Becky and I write this blog about my garden and my cooking.",
                "About Becky", "Posts by Jane Doe", "Jane Doe 12 posts",
            ]),
            proptest::bool::ANY,
            0u32..3,
        ), 0..24)) {
            let cleaner = Cleaner::new();
            let p = Params::for_mode(crate::Mode::Balanced);
            let texts: Vec<&[u8]> = lines.iter().map(|(t, _, _)| t.as_bytes()).collect();
            let feats: Vec<LineFeats> = texts
                .iter()
                .map(|t| LineFeats::of(&features::measure(t, &cleaner.inner.stopwords).0))
                .collect();
            let keep: Vec<bool> = lines.iter().map(|l| l.1).collect();
            let density: Vec<f32> = lines.iter().map(|l| l.2 as f32 * 0.1).collect();
            let table = EvidenceTable { kinds: vec![None], of: vec![0; texts.len()] };
            let joined = vec![false; texts.len()];
            let eflags = vec![0; texts.len()];
            let page = Measured {
                texts: &texts,
                feats: &feats,
                density: &density,
                evidence: table.view(),
                eflags: &eflags,
                joined: &joined,
            };
            prop_assert_eq!(
                cleaner.bio_end(&p, page, &keep, false),
                cleaner.bio_end(&p, page, &keep, true)
            );
            // And line by line: every line the gate passes over has no box.
            let mut params = p;
            params.min_comment_cut = 0;
            prop_assert_eq!(
                cleaner.bio_end(&params, page, &keep, false),
                cleaner.bio_end(&params, page, &keep, true)
            );
        }
    }
}

#[cfg(test)]
mod wrapped_tests {
    use super::{wrapped_paragraphs, LineFeats, UNKNOWN_LANGUAGE_SENTENCE_DENSITY};
    use crate::teasers::{self, CtxFeats};

    /// What [`wrapped_paragraphs`] finds as first written: each line's
    /// paragraph number (`u32::MAX`: none), each paragraph's words and
    /// packed end, each line's density as the context model sees it.
    struct Naive {
        of: Vec<u32>,
        words: Vec<u32>,
        ends: Vec<u32>,
        dens: Vec<f32>,
    }

    /// [`wrapped_paragraphs`] as first written: a look at every line, the
    /// lines not joined to the next included, a paragraph number and a
    /// density kept for every line.
    fn wrapped_paragraphs_naive(
        feats: &[LineFeats],
        density: &[f32],
        joined: &[bool],
        known: bool,
    ) -> Naive {
        let n = feats.len();
        let mut naive = Naive {
            of: vec![u32::MAX; n],
            words: Vec::new(),
            ends: Vec::new(),
            dens: density.to_vec(),
        };
        let mut a = 0;
        while a < n {
            let mut b = a + 1;
            while b < n && joined[b - 1] {
                b += 1;
            }
            if b - a >= 3 || (b - a == 2 && feats[b - 1].terminal()) {
                let words: u32 = feats[a..b].iter().map(|f| f.words).sum();
                let weight: u32 = feats[a..b].iter().map(|f| f.weight).sum();
                let stops: f32 = (a..b)
                    .map(|i| density[i] * feats[i].words.max(1) as f32)
                    .sum();
                let d = if known {
                    stops / words.max(1) as f32
                } else if feats[b - 1].terminal() {
                    UNKNOWN_LANGUAGE_SENTENCE_DENSITY
                } else {
                    0.0
                };
                naive.of[a..b].fill(naive.words.len() as u32);
                naive.words.push(words);
                naive
                    .ends
                    .push(teasers::Paragraphs::pack_end(weight, &feats[b - 1]));
                naive.dens[a..b].fill(d);
            }
            a = b;
        }
        naive
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]
        /// Jumping from one joined line to the next finds the paragraphs
        /// the look at every line finds, with the same densities; each line
        /// finds its paragraph in the bits of [`teasers::Paragraphs`] as in
        /// a number a line.
        #[test]
        fn wrapped_paragraphs_skip_is_exact(
            lines in proptest::collection::vec((
                proptest::bool::weighted(0.4),
                proptest::bool::ANY,
                0u32..30,
                0u32..4,
            ), 0..150),
            known in proptest::bool::ANY,
        ) {
            let feats: Vec<LineFeats> = lines
                .iter()
                .map(|&(_, terminal, words, _)| LineFeats::with(words, words * 6, terminal, false))
                .collect();
            let density: Vec<f32> = lines.iter().map(|l| l.3 as f32 * 0.1).collect();
            // The last line is joined to nothing, as `joined_lines` gives it.
            let joined: Vec<bool> = lines
                .iter()
                .enumerate()
                .map(|(i, l)| l.0 && i + 1 < lines.len())
                .collect();
            let paras = wrapped_paragraphs(&feats, &density, &joined, known);
            let naive = wrapped_paragraphs_naive(&feats, &density, &joined, known);
            proptest::prop_assert_eq!(paras.is_some(), !naive.words.is_empty());
            let ctx_feats = CtxFeats::new(&feats, &density, paras.as_ref());
            let looked: Vec<_> = teasers::ctx_lines(ctx_feats).collect();
            proptest::prop_assert_eq!(looked.len(), feats.len());
            for (i, &seen) in looked.iter().enumerate() {
                let of = naive.of[i] as usize;
                let inside = naive.of[i] != u32::MAX;
                let (f, d) = teasers::ctx_line(ctx_feats, i);
                proptest::prop_assert_eq!(seen, (f, d));
                proptest::prop_assert_eq!(d, naive.dens[i]);
                proptest::prop_assert_eq!(f, ctx_feats.get(i));
                let Some(p) = &paras else { continue };
                proptest::prop_assert_eq!(p.of(i), inside.then_some(of));
                proptest::prop_assert_eq!(p.words(i, 99), if inside { naive.words[of] } else { 99 });
                proptest::prop_assert_eq!(
                    p.end(i),
                    if inside { naive.ends[of] } else { teasers::Paragraphs::OWN }
                );
                for j in 0..feats.len() {
                    proptest::prop_assert_eq!(
                        p.same(i, j),
                        i == j || (inside && naive.of[j] == naive.of[i])
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod wraps_tests {
    use super::{
        continues_fragment, first_char, joined_lines, last_char, wraps, wraps_at, Layout,
        WRAP_MIN_BYTES,
    };

    /// [`wraps`] as first written: the next line's first word measured
    /// before the line's end is looked at.
    fn wraps_naive(prev: &[u8], next: &[u8], layout: Layout) -> bool {
        if layout.fragmented && continues_fragment(prev, next) {
            return true;
        }
        if prev.len() < WRAP_MIN_BYTES {
            return false;
        }
        if layout.width.is_some_and(|w| wraps_at(prev, next, w)) {
            return true;
        }
        let first_word = next
            .iter()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(next.len());
        if next.len() >= prev.len() + 1 + first_word {
            return false;
        }
        let last = match prev.last() {
            Some(&b) if b.is_ascii() => {
                b.is_ascii_lowercase() || b.is_ascii_digit() || b == b',' || b == b'-'
            }
            _ => last_char(prev).is_some_and(|c| c.is_lowercase() || c.is_numeric()),
        };
        if !last {
            return false;
        }
        let last_word = prev.len()
            - prev
                .iter()
                .rev()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(prev.len());
        let mid_phrase =
            prev.len() - last_word <= 3 && prev[last_word..].iter().all(u8::is_ascii_lowercase);
        match next.first() {
            Some(&b) if b.is_ascii() => {
                b.is_ascii_lowercase() || (mid_phrase && b.is_ascii_uppercase())
            }
            _ => first_char(next).is_some_and(char::is_lowercase),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// `wraps` with its tests in another order, and `joined_lines`
        /// with the short-line test in front of it, give what `wraps` as
        /// first written gives.
        #[test]
        fn wraps_order_and_gate_are_exact(
            lines in proptest::collection::vec(proptest::collection::vec(proptest::sample::select(vec![
                "the", "of", "Mayor", "said", " ", " ", ",", ".", "-", "?", "\"", "12", "é", "Été",
                "council", "and", "(", "”", "long words of a wrapped paragraph",
            ]), 0..24), 0..8),
            adjacent in proptest::collection::vec(proptest::bool::weighted(0.8), 8),
            width in proptest::option::of(30usize..90),
            fragmented in proptest::bool::ANY,
        ) {
            let texts: Vec<String> = lines.iter().map(|l| l.concat()).collect();
            let texts: Vec<&[u8]> = texts.iter().map(|t| t.as_bytes()).collect();
            let n = texts.len();
            let adjacent: Vec<bool> = (0..n).map(|i| adjacent[i] && i + 1 < n).collect();
            let layout = Layout { width, fragmented };
            let naive: Vec<bool> = (0..n)
                .map(|i| adjacent[i] && wraps_naive(texts[i], texts[i + 1], layout))
                .collect();
            proptest::prop_assert_eq!(joined_lines(&texts, &adjacent, layout), naive);
            for i in 0..n.saturating_sub(1) {
                proptest::prop_assert_eq!(
                    wraps(texts[i], texts[i + 1], layout),
                    wraps_naive(texts[i], texts[i + 1], layout)
                );
            }
        }
    }
}

#[cfg(test)]
mod warm_up_tests {
    /// `warm_up` builds every automaton the cleaner builds lazily (on
    /// three threads, or the calling one alone), and a page cleans as it
    /// does with a cold cleaner.
    #[test]
    fn warm_up_builds_everything_lazy() {
        let cold = crate::Cleaner::new();
        let warm = crate::Cleaner::new();
        assert!(!warm.inner.shapes.all_built() && !warm.inner.lexicon.all_built());
        warm.warm_up(3);
        assert!(warm.inner.shapes.all_built() && warm.inner.lexicon.all_built());
        // On the calling thread alone (0 is taken as 1).
        for threads in [0, 1] {
            let one = crate::Cleaner::new();
            one.warm_up(threads);
            assert!(one.inner.shapes.all_built() && one.inner.lexicon.all_built());
        }
        let page = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/000_4a692c99dc09e595.txt"
        ))
        .unwrap();
        let out = |c: &crate::Cleaner| {
            let mut v = Vec::new();
            c.clean(&page).write_to(&mut v).unwrap();
            v
        };
        assert_eq!(out(&warm), out(&cold));
    }
}
