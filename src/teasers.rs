//! The end of the article at a list of other stories: teasers (headlines,
//! each maybe with a one-paragraph summary, a date or a byline) under a
//! short header that names them ("More from the newsroom", "Most read",
//! "Related articles", "You may also like").
//!
//! The header ends the article, itself included, only when
//! - a whole article is above it: at least [`MIN_BEFORE`] of kept
//!   paragraphs that follow one another (a page of teasers alone has none),
//!   or of kept paragraphs at all when none follows within [`WINDOW`] lines
//!   below it (an article of one paragraph over a list of headlines; a page
//!   of posts has the next post's summary there), and then a widget row
//!   printed above it too ("Read More" under each post) heads nothing, nor
//!   does anything end the article where its last paragraph announces what
//!   follows ("... our picks below.", a colon);
//! - the lines under it read as a list of headlines, not as more of the
//!   article: the first of them is neither a paragraph (a subheading "More
//!   trouble ahead" has one right below it) nor a numbered or bulleted item
//!   (the article's own list), at least [`MIN_TITLES`] headline-like lines
//!   and no two paragraphs in a row within [`WINDOW`] lines (a box of links
//!   inside the article is followed by the rest of it), and no header of
//!   the same kind close below ("Most inspiring:", "Most challenging:" are
//!   the article's sections; under a lexicon header with no colon,
//!   "Related Posts" over "Related Training", they are the site's boxes);
//! - paragraphs that follow one another below it weigh less than half
//!   those above as far down as they reach up to it with at most [`GAP`]
//!   lines between them, and less than those above all the way down (the
//!   article is above the header, not below it; a privacy notice or the
//!   site's terms at the page's foot are not as long as the article, a
//!   thread of comments or a second article may be);
//! - the lines kept between the last paragraph and the header are few
//!   ([`TAIL_SHARE`]), or, under a header the lexicon knows as one ("Most
//!   Popular", "Top Stories") with no two paragraphs in a row below it
//!   (anywhere, or reaching up to it as in [`paired_near`]: a second copy
//!   of the article in a print box far down is not the article going on)
//!   and no comments header since the last paragraph, weigh less than the
//!   article.
//!
//! A row of share or follow widgets ("Share this:", "Tweet", "Follow us"),
//! or another widget of the article's foot ("Print", "Previous post",
//! "Tags: a, b", "Read more", a photo credit), right above the list heads
//! it as a header would.
//!
//! With no header at all, a run of headlines ([`RUN_TITLES`] kept lines in
//! Title Case, no sentence end, no table row or list marker, at most one
//! with a comma) right below the article's last paragraph starts the list
//! too (or below one line under it that ends as a sentence or a source
//! does: "[The Sun]", "More when we have it..."; not a subheading, nor an
//! intro ending with a colon or a question mark), under the same conditions on the article above it, unless a kept
//! intro line ending with a colon stands just above it (the article's own
//! list) or the paragraphs below it, paired or not, weigh half the article
//! or more (the article goes on).
//!
//! "Sponsored" boxes are ads, not stories, and a list of "Related links"
//! may be resources the article counts as its own: neither ends it.

use crate::features::LineFeats;
use crate::lexicon;

/// The lines kept between the last paragraph and the header weigh less
/// than 1/this of the paragraphs above: with the list gone, they end the
/// article and may not stay (cleaning the output again judges them at the
/// page's edge), so a short article would lose a part of itself. An
/// eighth lets a post's foot (its tags, a question to readers, a "Related:"
/// line) stand there: at a twentieth, lists under such feet stayed.
const TAIL_SHARE: u64 = 8;
/// A header has at most this many words.
const HEADER_WORDS: u32 = 7;
/// The list under it is looked at over this many lines.
const WINDOW: usize = 16;
/// ... and must hold at least this many headline-like lines.
const MIN_TITLES: u32 = 3;
/// Paragraphs below the header count as the article going on when they
/// reach up to it with at most this many lines between them.
const GAP: usize = 2 * WINDOW;
/// A headline has at most this many words.
const TITLE_WORDS: u32 = 25;
/// The paragraphs above the header must weigh at least this much (in
/// characters: two or three paragraphs; a blog post or a short news item
/// under a list of others is an article too, at 800 their lists stayed;
/// at 400 those under a post of two short paragraphs did; at 200 a
/// dozen-line post's own list went).
const MIN_BEFORE: u64 = 300;

/// The words a header starts with: a list of other stories, in the
/// wording of news and blog templates.
const HEADER_STARTS: &[&str] = &[
    "related",
    "latest",
    "trending",
    "recommended",
    "more",
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "most commented",
    "most emailed",
    "most recent",
    "most watched",
    "popular",
    "top stories",
    "top news",
    "top articles",
    "top videos",
    "top picks",
    "top headlines",
    "top posts",
    "featured",
    "similar",
    "recent stories",
    "recent articles",
    "recent news",
    "recent posts",
    "also on",
    "also in",
    "also read",
    "also see",
    "also from",
    "you may also like",
    "you might also like",
    "you may like",
    "you might like",
    "you may be interested",
    "you might be interested",
    "we recommend",
    "editors picks",
    "editor s picks",
    "editors choice",
    "editor s choice",
    "staff picks",
    "our picks",
    "read next",
    "read this next",
    "up next",
    "next up",
    "what to read next",
    "don t miss",
    "around the web",
    "from around the web",
    "from the web",
    "elsewhere on",
    "in case you missed it",
    "explore related",
    "posts related",
    "previous posts in",
    "see also",
    "random posts",
    "random articles",
    // de fr es pt ru
    "mehr zum thema",
    "mehr aus",
    "mehr von",
    "lesen sie auch",
    "das könnte sie auch interessieren",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "sur le même sujet",
    "les plus lus",
    "te puede interesar",
    "más noticias",
    "lo más leído",
    "leia também",
    "você pode gostar",
    "читайте также",
    "другие новости",
    "новости по теме",
    // more de fr es pt it pl: the labels of shops', associations' and
    // blogs' teaser boxes
    "mehr nachrichten",
    "noch mehr aus",
    "noch mehr von",
    "noch mehr zum",
    "weitere artikel",
    "weitere beiträge",
    "weitere nachrichten",
    "weitere meldungen",
    "weitere themen",
    "meist gelesen",
    "meistgelesen",
    "beliebte beiträge",
    "beliebte artikel",
    "ähnliche beiträge",
    "ähnliche artikel",
    "ähnliche themen",
    "verwandte beiträge",
    "verwandte artikel",
    "verwandte themen",
    "neueste beiträge",
    "neueste artikel",
    "neueste nachrichten",
    "aktuelle beiträge",
    "aktuelle artikel",
    "aktuelle nachrichten",
    "auch interessant",
    "das könnte dich auch interessieren",
    "empfohlene beiträge",
    "empfohlene artikel",
    "top themen",
    "passend zum thema",
    "à découvrir",
    "a découvrir",
    "à voir aussi",
    "dans la même rubrique",
    "articles similaires",
    "articles récents",
    "derniers articles",
    "vous aimerez aussi",
    "pour approfondir",
    "artículos relacionados",
    "noticias relacionadas",
    "entradas relacionadas",
    "te recomendamos",
    "lo más visto",
    "más leídas",
    "más leído",
    "otras noticias",
    "últimas noticias",
    "notícias relacionadas",
    "mais lidas",
    "veja também",
    "relacionadas",
    "relacionados",
    "más en",
    "mais em",
    "articoli correlati",
    "potrebbe interessarti",
    "più letti",
    "czytaj także",
    "zobacz też",
    "polecane",
    "najczęściej czytane",
    // more de fr es it pt nl pl and the next web languages (hu cs sv):
    // "More press releases", "Most discussed", "You may also be
    // interested in", "Related articles" (not their "Read also": Italian
    // "Leggi anche", Dutch "Lees ook" and the like head a box of one
    // headline inside the article as often as a list below it); German
    // ones that start like a subheading ("Weitere aktuelle ...",
    // "Interessantes aus ...") only with the noun of a list of stories or
    // a blog's own name ("... Themen", "... Artikel", "... aus unserem")
    "weitere pressemitteilungen",
    "weitere aktuelle themen",
    "weitere aktuelle artikel",
    "weitere aktuelle beiträge",
    "weitere aktuelle nachrichten",
    "weitere aktuelle meldungen",
    "weitere interessante artikel",
    "weitere interessante beiträge",
    "weitere interessante themen",
    "aktuelle berichte aus",
    "interessantes aus unserem",
    "themenrelevante nachrichten",
    "themenrelevante artikel",
    "ähnliche nachrichten",
    "mehr artikel",
    "mehr beiträge",
    "mehr beiträge von",
    "mehr beiträge aus",
    "mehr beiträge zum",
    "meistdiskutiert",
    "meist diskutiert",
    "meistkommentiert",
    "meist kommentiert",
    "das könnte ihnen auch gefallen",
    "das könnte dir auch gefallen",
    "vous pourriez aussi aimer",
    "vous aimerez peut-être",
    "sur le même thème",
    "articles liés",
    "también te puede interesar",
    "te podría interesar",
    "puede interesarte",
    "artículos similares",
    "notas relacionadas",
    "otros artículos",
    "ti potrebbe interessare",
    "altri articoli",
    "articoli simili",
    "i più letti",
    "você também pode gostar",
    "artigos relacionados",
    "posts relacionados",
    "gerelateerde artikelen",
    "meer nieuws",
    "meest gelezen",
    "zobacz także",
    "podobne artykuły",
    "powiązane artykuły",
    "ezek is érdekelhetnek",
    "kapcsolódó cikkek",
    "související články",
    "mohlo by vás zajímat",
    "relaterade artiklar",
];

/// Starts of [`HEADER_STARTS`] that head a list only as the whole line
/// (with a colon at most). "See also crisis negotiation" is a reference
/// inside a page of resources; Spanish "artículos" and Italian "articoli"
/// are items as well as articles, and a law's articles: "Otros artículos
/// que no deben faltar" over a packing list, "Altri articoli del decreto"
/// over the decree's articles are the article's own subheadings; German
/// "Beiträge" are also fees ("Mehr Beiträge für Kinderlose" over the
/// groups who pay them; "Mehr Beiträge von ...", "... aus ..." are starts
/// of their own).
const ALONE: &[&[&str]] = &[
    &["see", "also"],
    &["otros", "artículos"],
    &["altri", "articoli"],
    &["mehr", "beiträge"],
];

/// "More" heads a list unless a sentence or a comparison goes on from it
/// ("More than 200 people ...", "More is at stake").
const MORE_NOT: &[&str] = &[
    "than", "and", "or", "is", "are", "was", "were", "has", "have", "had", "will", "can", "could",
    "of", "to",
];

/// What the earlier stages found on one line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Found {
    /// Nothing: the line is judged here.
    Text,
    /// Chrome that may head a list (a banner or navigation phrase such as
    /// "Related articles", "Most read").
    ListChrome,
    /// A share or follow widget ("Tweet", "Share on Facebook"): passed
    /// over, but a row of them right above a list heads it.
    Share,
    /// A share row by itself: share words on one line ("Tweet Share
    /// Email"), a capitalised share or follow phrase ("Share this:",
    /// "Follow us", "Tweet"), one of the [`FOOT_PHRASES`], a photo credit,
    /// the post's tags line ("Tags: a, b", "Filed under: X": no chrome
    /// evidence of its own, it is judged as text otherwise).
    ShareRow,
    /// Other chrome, or a repeat: passed over.
    Chrome,
    /// A comments header ("Leave a Reply", "Comments"): passed over like
    /// other chrome.
    Comments,
}

/// The hard-wrapped paragraphs of a page: which one each line is in, and
/// what each of them holds. A page has few lines in such paragraphs, if
/// any: which lines are in one and which start one are kept as bits, 64
/// lines to a [`Block`] with the paragraphs started before it (a line's
/// paragraph is their count and the starts up to it), some 3 bits a line
/// instead of the 4 bytes of a paragraph number; 12 bytes a paragraph.
pub(crate) struct Paragraphs {
    blocks: Vec<Block>,
    /// The first block whose `before` is not set yet (paragraphs are added
    /// in line order).
    filled: usize,
    /// Each paragraph's words.
    words: Vec<u32>,
    /// Each paragraph's weight and ending (those of its last line), as
    /// [`Paragraphs::pack_end`] packs them.
    ends: Vec<u32>,
    /// Each paragraph's stopword density, which the context model reads
    /// for each of its lines.
    density: Vec<f32>,
}

/// 64 lines of [`Paragraphs`]: bit `i % 64` of line `i`.
#[derive(Clone, Copy, Default)]
struct Block {
    /// The lines in a paragraph.
    inside: u64,
    /// The lines that start one.
    starts: u64,
    /// How many paragraphs start above the block (set once a paragraph
    /// reaches into it: read only for lines inside one).
    before: u32,
}

impl Paragraphs {
    /// The weight's bits in an `ends` value.
    const WEIGHT: u32 = (1 << 30) - 1;
    const TERMINAL: u32 = 1 << 30;
    const CREDIT_END: u32 = 1 << 31;
    /// The [`Paragraphs::end`] of a line that is no part of a paragraph:
    /// it keeps its own.
    pub const OWN: u32 = u32::MAX;

    /// No paragraph yet, on a page of `n` lines.
    pub fn new(n: usize) -> Paragraphs {
        Paragraphs {
            blocks: vec![Block::default(); n.div_ceil(64)],
            filled: 0,
            words: Vec::new(),
            ends: Vec::new(),
            density: Vec::new(),
        }
    }

    /// Lines `a..b` (below the paragraphs added before) are a paragraph of
    /// `words` words, whose weight and ending are `end`
    /// ([`Paragraphs::pack_end`]) and stopword density `density`.
    pub fn add(&mut self, a: usize, b: usize, words: u32, end: u32, density: f32) {
        debug_assert!(a < b && self.below_all(a), "lines {a}..{b}");
        let p = self.words.len() as u32;
        let (first, last) = (a / 64, (b - 1) / 64);
        // The blocks down to this one's first have the paragraphs above
        // it before them; the others it reaches into, this one too.
        for (w, block) in self.blocks[..=last]
            .iter_mut()
            .enumerate()
            .skip(self.filled)
        {
            block.before = if w <= first { p } else { p + 1 };
        }
        self.filled = last + 1;
        self.blocks[first].starts |= 1 << (a % 64);
        for i in a..b {
            self.blocks[i / 64].inside |= 1 << (i % 64);
        }
        self.words.push(words);
        self.ends.push(end);
        self.density.push(density);
    }

    /// Is line `a` below every line of the paragraphs added so far (the
    /// last of them may end in `a`'s block)?
    fn below_all(&self, a: usize) -> bool {
        a / 64 + 1 >= self.filled && self.blocks[a / 64].inside >> (a % 64) == 0
    }

    /// Line `i`'s paragraph, if it is in one.
    #[inline]
    pub fn of(&self, i: usize) -> Option<usize> {
        let block = &self.blocks[i / 64];
        let bit = 1u64 << (i % 64);
        if block.inside & bit == 0 {
            return None;
        }
        // The paragraphs started above the block and in it down to line
        // `i`: the last of them is line `i`'s.
        let started = block.before + (block.starts & (bit | (bit - 1))).count_ones();
        Some(started as usize - 1)
    }

    /// Paragraph `p`'s words, weight and ending ([`Paragraphs::pack_end`])
    /// and density.
    #[inline]
    pub fn at(&self, p: usize) -> (u32, u32, f32) {
        (self.words[p], self.ends[p], self.density[p])
    }

    /// The words of line `i`'s paragraph; `own`, the line's own words, when
    /// it is no part of one.
    #[inline]
    pub fn words(&self, i: usize, own: u32) -> u32 {
        match self.of(i) {
            None => own,
            Some(p) => self.words[p],
        }
    }

    /// Line `i`'s paragraph's weight and ending ([`Paragraphs::pack_end`]);
    /// [`Paragraphs::OWN`] when it is no part of one.
    #[inline]
    pub fn end(&self, i: usize) -> u32 {
        match self.of(i) {
            None => Self::OWN,
            Some(p) => self.ends[p],
        }
    }

    /// Line `i`'s paragraph's stopword density; `own`, the line's own,
    /// when it is no part of one.
    #[cfg(test)]
    pub fn density(&self, i: usize, own: f32) -> f32 {
        match self.of(i) {
            None => own,
            Some(p) => self.density[p],
        }
    }

    /// Are lines `a` and `j` the same line or lines of one paragraph?
    #[inline]
    pub fn same(&self, a: usize, j: usize) -> bool {
        a == j || self.of(a).is_some_and(|p| self.of(j) == Some(p))
    }

    /// A paragraph's `weight` (capped just below [`Paragraphs::WEIGHT`]:
    /// some 10⁹ characters, far beyond any threshold) and the ending of its
    /// `last` line, in one word.
    pub fn pack_end(weight: u32, last: &LineFeats) -> u32 {
        let mut end = weight.min(Self::WEIGHT - 1);
        if last.terminal() {
            end |= Self::TERMINAL;
        }
        if last.credit_end() {
            end |= Self::CREDIT_END;
        }
        end
    }
}

/// Each line's features and stopword density as the context model sees
/// them: its own, but for the weight, ending and density, which on a page
/// with hard-wrapped paragraphs are its paragraph's ([`Paragraphs::end`],
/// [`Paragraphs::density`]). Worked out when read: a second copy of every
/// line's would take 16 bytes a line.
#[derive(Clone, Copy)]
pub(crate) struct CtxFeats<'d> {
    own: &'d [LineFeats],
    density: &'d [f32],
    paras: Option<&'d Paragraphs>,
}

impl<'d> CtxFeats<'d> {
    pub fn new(
        own: &'d [LineFeats],
        density: &'d [f32],
        paras: Option<&'d Paragraphs>,
    ) -> CtxFeats<'d> {
        CtxFeats {
            own,
            density,
            paras,
        }
    }

    /// Line `i`'s features.
    #[inline]
    pub fn get(&self, i: usize) -> LineFeats {
        let f = self.own[i];
        match self.paras {
            Some(p) => Self::with_end(f, p.end(i)),
            None => f,
        }
    }

    /// Line `i`'s own weight (never its paragraph's).
    #[inline]
    pub fn own_weight(&self, i: usize) -> u32 {
        self.own[i].weight
    }

    /// Each line's own features.
    pub fn own(&self) -> &'d [LineFeats] {
        self.own
    }

    /// Each line's own density.
    pub fn own_density(&self) -> &'d [f32] {
        self.density
    }

    /// The page's hard-wrapped paragraphs, if it has any.
    pub fn paras(&self) -> Option<&'d Paragraphs> {
        self.paras
    }

    /// The first `end` lines'.
    pub fn prefix(&self, end: usize) -> CtxFeats<'d> {
        CtxFeats {
            own: &self.own[..end],
            density: &self.density[..end],
            paras: self.paras,
        }
    }

    /// `f` with the paragraph's weight and ending packed in `end`, if it is
    /// not [`Paragraphs::OWN`].
    #[inline]
    fn with_end(f: LineFeats, end: u32) -> LineFeats {
        if end != Paragraphs::OWN {
            f.with_end(
                end & Paragraphs::WEIGHT,
                end & Paragraphs::TERMINAL != 0,
                end & Paragraphs::CREDIT_END != 0,
            )
        } else {
            f
        }
    }
}

/// Line `i`'s features and density as the context model sees them, from
/// one look at its paragraph.
#[inline]
pub(crate) fn ctx_line(feats: CtxFeats<'_>, i: usize) -> (LineFeats, f32) {
    let (f, d) = (feats.own[i], feats.density[i]);
    match feats.paras.and_then(|p| Some(p.at(p.of(i)?))) {
        Some((_, end, d)) => (CtxFeats::with_end(f, end), d),
        None => (f, d),
    }
}

/// Each line's [`ctx_line`], in order.
pub(crate) fn ctx_lines(feats: CtxFeats<'_>) -> impl Iterator<Item = (LineFeats, f32)> + '_ {
    let paras = feats.paras;
    (feats.own.iter().zip(feats.density).enumerate()).map(move |(i, (&f, &d))| {
        match paras.and_then(|p| Some(p.at(p.of(i)?))) {
            Some((_, end, d)) => (CtxFeats::with_end(f, end), d),
            None => (f, d),
        }
    })
}

/// What [`teaser_end`] reads of each text line whatever the context
/// model keeps (the same at every mode's settings: worked out once for a
/// mode and its floor): three flags a line, in one byte.
pub(crate) struct TextLines {
    flags: Vec<u8>,
}

/// One of the flags of each line kept in a byte a line (the bits `mask`
/// of `bytes`).
#[derive(Clone, Copy)]
pub(crate) struct Bits<'f> {
    bytes: &'f [u8],
    mask: u8,
}

impl<'f> Bits<'f> {
    pub fn new(bytes: &'f [u8], mask: u8) -> Bits<'f> {
        Bits { bytes, mask }
    }

    /// How many lines.
    #[inline]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Is line `i` flagged?
    #[inline]
    pub fn at(&self, i: usize) -> bool {
        self.bytes[i] & self.mask != 0
    }
}

impl TextLines {
    /// `feats`, `found`: as for [`teaser_end`].
    pub fn new(texts: &[&[u8]], feats: CtxFeats<'_>, found: &[Found]) -> TextLines {
        let paras = feats.paras;
        let n = texts.len();
        let text = |j: usize| found[j] == Found::Text;
        // The paragraphs, and the lines that may close the article above a
        // list: its paragraphs, and a question or an exclamation longer than
        // any headline ("... hope the journey witnesses exciting curves
        // ahead!"), which is a paragraph's last sentence all the same (not
        // weighed as one: a thread of exclaiming comments below is no article
        // going on). Both from one look at each text line.
        // Three flags a line, in one byte (see `paired` below).
        let mut flags = vec![0u8; n];
        // Each text line's words, features and density as the context
        // model sees them (compiled for pages with and without hard-wrapped
        // paragraphs: one look at the line's paragraph in the first).
        fn flag(
            texts: &[&[u8]],
            found: &[Found],
            flags: &mut [u8],
            look: impl Fn(usize) -> (u32, LineFeats, f32),
        ) {
            for j in (0..texts.len()).filter(|&j| found[j] == Found::Text) {
                let (words, f, density) = look(j);
                // Both need eight words and some stopwords (most lines have
                // fewer: their flags stay false without a look at the rest).
                if words < 8 || density < 0.1 {
                    continue;
                }
                let prose = is_prose(texts[j], words, &f, density);
                let closes = prose || (words > TITLE_WORDS && f.terminal() && density >= 0.1);
                flags[j] =
                    (u8::from(prose) * TextLines::PROSE) | (u8::from(closes) * TextLines::CLOSES);
            }
        }
        let own = |j: usize| (feats.own[j].words, feats.own[j], feats.density[j]);
        match paras {
            None => flag(texts, found, &mut flags, own),
            Some(p) => flag(texts, found, &mut flags, |j| match p.of(j) {
                Some(k) => {
                    let (words, end, d) = p.at(k);
                    (words, CtxFeats::with_end(feats.own[j], end), d)
                }
                None => own(j),
            }),
        }
        // Paragraphs next to another paragraph (chrome and repeats between
        // them do not count); the lines of a hard-wrapped paragraph are one.
        let same = |a: usize, j: usize| paras.is_some_and(|p| p.same(a, j));
        let prose = |flags: &[u8], j: usize| flags[j] & TextLines::PROSE != 0;
        let mut pair = |p: (usize, usize), c: (usize, usize)| {
            if prose(&flags, p.1) && prose(&flags, c.1) {
                // (Two plain loops: a chain of the ranges steps slower.)
                for r in [p.0..=p.1, c.0..=c.1] {
                    for j in r {
                        flags[j] |= u8::from(text(j)) * TextLines::PAIRED;
                    }
                }
            }
        };
        // The first and last text lines of the previous paragraph and this one.
        let mut prev: Option<(usize, usize)> = None;
        let mut cur: Option<(usize, usize)> = None;
        for j in (0..n).filter(|&j| text(j)) {
            match cur {
                Some((a, _)) if same(a, j) => cur = Some((a, j)),
                _ => {
                    if let (Some(p), Some(c)) = (prev, cur) {
                        pair(p, c);
                    }
                    prev = cur;
                    cur = Some((j, j));
                }
            }
        }
        if let (Some(p), Some(c)) = (prev, cur) {
            pair(p, c);
        }
        TextLines { flags }
    }

    /// A line of [`TextLines::flags`] is a paragraph ([`is_prose`]).
    const PROSE: u8 = 1;
    /// ... may close the article above a list.
    const CLOSES: u8 = 2;
    /// ... is a paragraph next to another.
    const PAIRED: u8 = 4;

    /// The paragraphs, the lines that may close the article and the
    /// paragraphs next to another, of a page of `n` lines.
    fn split(&self, n: usize) -> (Bits<'_>, Bits<'_>, Bits<'_>) {
        let flags = &self.flags[..n];
        (
            Bits::new(flags, Self::PROSE),
            Bits::new(flags, Self::CLOSES),
            Bits::new(flags, Self::PAIRED),
        )
    }
}

// Three flags, each a bit of its own.
const _: () = assert!((TextLines::PROSE | TextLines::CLOSES | TextLines::PAIRED).count_ones() == 3);

/// The index of the header where a list of other stories starts after the
/// article, if any. `feats`, `density` (of [`TextLines::new`]): as the
/// context model sees them; `paras`: the page's hard-wrapped paragraphs,
/// when it has any (their lines are judged as one paragraph: a short last
/// line is prose too); `lines`: the text lines' flags, from these;
/// `phrase_head(h)`: line `h`'s evidence is a lexicon phrase (only a
/// phrase heads a list as a chrome header); `keep`: the context model's
/// verdicts. Weights are each line's own.
pub(crate) fn teaser_end(
    texts: &[&[u8]],
    feats: CtxFeats<'_>,
    paras: Option<&Paragraphs>,
    found: &[Found],
    lines: &TextLines,
    phrase_head: impl Fn(usize) -> bool,
    keep: &[bool],
) -> Option<usize> {
    let n = texts.len();
    let text = |j: usize| found[j] == Found::Text;
    let same = |a: usize, j: usize| paras.is_some_and(|p| p.same(a, j));
    let (prose, closes, paired) = lines.split(n);
    let weight = |j: usize| u64::from(feats.own_weight(j));
    let paired_weight = |j: usize| if paired.at(j) { weight(j) } else { 0 };
    // Their weight below the line (taken off as the lines go by).
    let mut paired_after: u64 = (0..n).map(paired_weight).sum();
    let mut before = 0u64;
    let mut norm = Vec::new();
    // The weight of the lines kept since the last kept paragraph.
    let mut tail = 0u64;
    // The kept lines since then, and whether the last of them reads as
    // the article's own last line (a source, a sign-off) rather than an
    // intro or a subheading over a list of its own.
    let mut tail_lines = 0u32;
    // (The last of them, read only when it is the one.)
    let mut tail_last = 0usize;
    // The weight of the kept paragraphs above with no other next to them.
    let mut lone = 0u64;
    // The last kept paragraph above.
    let mut last_prose: Option<usize> = None;
    // A comments header since then.
    let mut comments_above = false;
    // The first paragraph below the line (`n`: none), found once for all
    // the lines above it.
    let mut next_prose = 0usize;
    let mut printed = Printed::default();
    // The last kept line above.
    let mut last_kept: Option<usize> = None;
    for h in 0..n {
        paired_after -= paired_weight(h);
        // An article of one paragraph (a short news item, a blog post of
        // one long paragraph) has no two in a row: its paragraphs count
        // too when no paragraph follows within [`WINDOW`] lines (a list of
        // other stories, not the next post of a page of posts, each with
        // its own summary).
        let before_h = if before < MIN_BEFORE && {
            if next_prose <= h {
                next_prose = h + 1;
                while next_prose < n && !prose.at(next_prose) {
                    next_prose += 1;
                }
            }
            next_prose >= (h + 1 + WINDOW).min(n)
        } {
            before + lone
        } else {
            before
        };
        let tail_ok = tail * TAIL_SHARE < before_h;
        // A list header of the lexicon's ("Most Popular", "Top Stories")
        // with no two paragraphs in a row below it (anywhere, or none
        // reaching up to it within [`GAP`] lines) ends the
        // article over a longer tail (up to the article's own weight: a
        // sidebar's other boxes between them), unless a comments header
        // stands between: the lines above it are judged with the comments.
        let chrome_head = found[h] == Found::ListChrome
            && tail < before_h
            && !comments_above
            && (paired_after == 0 || !paired_within_gap(paired, h));
        if before_h >= MIN_BEFORE && (tail_ok || chrome_head) && paired_after < before_h {
            // The line's own tests first; the paragraphs near it are
            // weighed only below a header or at the start of a run.
            // Over such an article, a widget row printed before on the
            // page ("Read More" under each post) is a post's foot, not the
            // article's.
            let lone_only = before_h != before;
            let named = is_header(texts[h], &feats.get(h), found[h], &mut norm);
            // A lexicon phrase the header list does not know ("Kontakt",
            // "Anzeige", "Articles correspondants") right below the last
            // paragraph (one kept line between at most, and only chrome
            // between the last kept line and it: the lines kept above the
            // end would take in the short lines there) heads a list of
            // other stories too, when the list is all headlines: no
            // paragraph within [`WINDOW`] lines, the first line a headline
            // (a capital, two to twenty words: not a recipe's tab, nor the
            // article going on after an advertisement), and as for a run of headlines, no
            // intro above and not half the article below.
            let chrome_only = !named
                && found[h] == Found::ListChrome
                && phrase_head(h)
                && tail_lines <= 1
                && last_kept.is_some_and(|k| (k + 1..h).all(|j| !text(j)))
                && chrome_list_follows(texts, feats, found, prose, h)
                && list_follows(texts, feats, found, prose, &same, h, &mut norm)
                && !under_intro(texts, keep, h)
                && 2 * text_below(prose, feats, keep, h) < before_h;
            let headed = (named
                || chrome_only
                || (share_row(found, h) && !(lone_only && printed.above(texts, h))))
                && list_follows(texts, feats, found, prose, &same, h, &mut norm);
            // No header: a run of headlines right below the last paragraph.
            let run = keep[h]
                && tail_ok
                && (tail == 0 || (tail_lines == 1 && source_line(texts[tail_last])))
                && headline_run(texts, feats, found, keep, h);
            // Nor does it end where its one paragraph announces what
            // follows: the list is the article's own.
            let announced = lone_only && last_prose.is_some_and(|p| announces_below(texts[p]));
            if (headed || run)
                && !announced
                && 2 * paired_near(paired, feats, h) < before_h
                && (headed
                    || (!under_intro(texts, keep, h)
                        && 2 * text_below(prose, feats, keep, h) < before_h))
            {
                return Some(h);
            }
        }
        if keep[h] && paired.at(h) {
            before += weight(h);
        } else if keep[h] && prose.at(h) {
            lone += weight(h);
        }
        if found[h] == Found::Comments {
            comments_above = true;
        }
        if keep[h] && prose.at(h) {
            comments_above = false;
            last_prose = Some(h);
        }
        if keep[h] {
            last_kept = Some(h);
        }
        if keep[h] {
            tail = if closes.at(h) { 0 } else { tail + weight(h) };
            if closes.at(h) {
                tail_lines = 0;
            } else {
                tail_lines += 1;
                tail_last = h;
            }
        }
    }
    None
}

/// Are the lines below the chrome header `h` headlines only: no
/// paragraph among the text lines within [`WINDOW`] lines, no line
/// longer than a headline that ends as a sentence ([`long_sentence`]: the
/// article going on after a "Read also" box of one headline, in a
/// paragraph that ends with a question), and the first text line below
/// it a headline: a capital and two words up to the most of [`RUN_WORDS`]
/// (not a recipe's tab, "Ingredients", nor the article going on)?
fn chrome_list_follows(
    texts: &[&[u8]],
    feats: CtxFeats<'_>,
    found: &[Found],
    prose: Bits<'_>,
    h: usize,
) -> bool {
    let n = texts.len();
    let text = |j: usize| found[j] == Found::Text;
    !(h + 1..(h + 1 + WINDOW).min(n))
        .any(|j| text(j) && (prose.at(j) || long_sentence(texts[j], &feats.get(j))))
        && (h + 1..n).find(|&j| text(j)).is_some_and(|j| {
            let f = feats.get(j);
            f.first_upper() && (2..=*RUN_WORDS.end()).contains(&f.words)
        })
}

/// A line longer than any headline that ends as a sentence does, a
/// question or an exclamation included ("... Chissà per quanto ancora
/// riusciranno a spremere il brand?!"), not cut short as a teaser's
/// summary is ("...", "…").
fn long_sentence(t: &[u8], f: &LineFeats) -> bool {
    let t = t.trim_ascii_end();
    f.words > TITLE_WORDS && f.terminal() && !t.ends_with(b"..") && !t.ends_with("…".as_bytes())
}

/// A list of other stories may have no header: [`RUN_TITLES`] headlines
/// in Title Case kept one after the other right below the article's last
/// paragraph ("Why Isn't Your Dishwasher Cleaning Like It Used To?",
/// "Virtual Tourism Has Never Felt More Real"). Names and resources with
/// their places ("Study Skill Guides, Dartmouth", "Paul Bennett, NATFHE,
/// Fulltime Officer") have commas: at most one of the run may.
const RUN_TITLES: usize = 4;
/// Words of a headline in a run.
const RUN_WORDS: std::ops::RangeInclusive<u32> = 4..=20;
/// Title Case: at least this share of the words of four letters or more
/// start with a capital.
const TITLE_CASE_SHARE: f32 = 0.75;

/// Do the first [`RUN_TITLES`] kept lines from `h` on (other lines passed
/// over) read as headlines in Title Case, with no sentence end, no tab (a
/// table's row) and no list marker (the article's own list)?
fn headline_run(
    texts: &[&[u8]],
    feats: CtxFeats<'_>,
    found: &[Found],
    keep: &[bool],
    h: usize,
) -> bool {
    let mut titles = 0;
    let mut commas = 0;
    for j in (h..texts.len()).filter(|&j| keep[j]) {
        if titles == RUN_TITLES {
            break;
        }
        let t = texts[j].trim_ascii_end();
        if found[j] != Found::Text
            || !RUN_WORDS.contains(&feats.get(j).words)
            || matches!(t.last(), Some(b'.' | b',' | b':'))
            || t.contains(&b'\t')
            || is_list_item(t)
            || !title_case(t)
        {
            return false;
        }
        commas += usize::from(t.contains(&b','));
        titles += 1;
    }
    titles == RUN_TITLES && commas <= 1
}

/// A line that may end an article above a run of headlines: one that
/// ends as a sentence or a source does ("More when we have it...",
/// "[The Sun]", "Lady-garden of remembrance [The Sun]"), not a subheading
/// (no end mark) nor an intro (a colon, a question: "Would you dare to
/// read these?").
fn source_line(t: &[u8]) -> bool {
    let t = t.trim_ascii_end();
    matches!(t.last(), Some(b'.' | b'!' | b']' | b')')) || t.ends_with("…".as_bytes())
}

/// Lines above a run of headlines where an intro of the article's own
/// list may stand ("More ideas with kale:", then a note).
const INTRO_WINDOW: usize = 3;

/// Is a kept line ending with a colon at most [`INTRO_WINDOW`] lines above
/// `h`: the article introducing a list of its own?
fn under_intro(texts: &[&[u8]], keep: &[bool], h: usize) -> bool {
    (h.saturating_sub(INTRO_WINDOW)..h)
        .any(|j| keep[j] && texts[j].trim_ascii_end().ends_with(b":"))
}

/// The weight of the kept paragraphs below `h` ([`is_prose`]), whether
/// or not another paragraph stands next to them: the article going on
/// below a list of its own (resources, a table's rows), in paragraphs
/// that keep one another company less than [`paired_near`] asks.
fn text_below(prose: Bits<'_>, feats: CtxFeats<'_>, keep: &[bool], h: usize) -> u64 {
    (h + 1..prose.len())
        .filter(|&j| keep[j] && prose.at(j))
        .map(|j| u64::from(feats.own_weight(j)))
        .sum()
}

/// Is the line in Title Case: most of its words of four letters or more
/// ([`TITLE_CASE_SHARE`]) start with a capital?
pub(crate) fn title_case(t: &[u8]) -> bool {
    if t.is_ascii() {
        return title_case_ascii(t);
    }
    title_case_by(t, long_word_capital)
}

/// [`title_case`] of an ASCII line: its words (the runs of letters) in
/// one loop over its bytes, each word's length and first letter as it
/// goes.
fn title_case_ascii(t: &[u8]) -> bool {
    let (mut long, mut upper) = (0u32, 0u32);
    let (mut run, mut capital) = (0usize, false);
    for &b in t {
        if b.is_ascii_alphabetic() {
            if run == 0 {
                capital = b.is_ascii_uppercase();
            }
            run += 1;
        } else {
            if run >= 4 {
                long += 1;
                upper += u32::from(capital);
            }
            run = 0;
        }
    }
    if run >= 4 {
        long += 1;
        upper += u32::from(capital);
    }
    long > 0 && upper as f32 >= TITLE_CASE_SHARE * long as f32
}

/// [`title_case`], with `long_capital` saying of each word whether it has
/// four letters or more and, if so, whether it starts with a capital.
fn title_case_by(t: &[u8], long_capital: impl Fn(&[u8]) -> Option<bool>) -> bool {
    let (mut long, mut upper) = (0u32, 0u32);
    for w in t.split(|b| b.is_ascii() && !b.is_ascii_alphabetic()) {
        if let Some(capital) = long_capital(w) {
            long += 1;
            upper += u32::from(capital);
        }
    }
    long > 0 && upper as f32 >= TITLE_CASE_SHARE * long as f32
}

/// Has the word four letters or more, and does it start with a capital?
/// An ASCII word (all letters, as the split leaves it) is judged from its
/// length and first byte, without reading it as UTF-8.
fn long_word_capital(w: &[u8]) -> Option<bool> {
    if w.is_ascii() {
        return (w.len() >= 4).then(|| w[0].is_ascii_uppercase());
    }
    long_word_capital_plain(w)
}

/// [`long_word_capital`] with the word read as UTF-8.
fn long_word_capital_plain(w: &[u8]) -> Option<bool> {
    let w = std::str::from_utf8(w).ok()?;
    let first = w.chars().next()?;
    (first.is_alphabetic() && w.chars().count() >= 4).then(|| first.is_uppercase())
}

/// Is a paired paragraph within [`GAP`] lines below `h`? (Whether
/// [`paired_near`] weighs anything: every paragraph has weight.)
fn paired_within_gap(paired: Bits<'_>, h: usize) -> bool {
    (h + 1..paired.len()).take(GAP).any(|j| paired.at(j))
}

/// The weight of the paragraphs that follow one another below the header
/// `h` and reach up to it: each at most [`GAP`] lines below the header or
/// below the last one counted. Those further down, past a stretch of
/// lines with none (a sign-in box, the site's terms, a privacy notice at
/// the page's foot), need not be the article going on: they only have to
/// weigh less than the article itself.
fn paired_near(paired: Bits<'_>, feats: CtxFeats<'_>, h: usize) -> u64 {
    let mut last = h;
    let mut w = 0u64;
    for j in h + 1..paired.len() {
        if j - last > GAP {
            break;
        }
        if paired.at(j) {
            w += u64::from(feats.own_weight(j));
            last = j;
        }
    }
    w
}

/// A paragraph: a sentence of some length, not a question (headlines ask
/// them). A link printed after its last sentence ([`link_after_sentence`])
/// does not hide its end.
fn is_prose(t: &[u8], words: u32, f: &LineFeats, density: f32) -> bool {
    // The counts first: they need no look at the line's end.
    if words < 8 || density < 0.1 {
        return false;
    }
    let t = t.trim_ascii_end();
    let (t, terminal) = match link_after_sentence(t) {
        Some(rest) => (rest, true),
        _ => (t, f.terminal()),
    };
    words >= 8
        && terminal
        && density >= 0.1
        && !t.ends_with(b"?")
        && !t.ends_with("？".as_bytes())
        && !t.ends_with(b"!")
}

/// A paragraph that ends with a link after its last sentence ("... Read
/// it here. http://example.com/a", "... consider them carefully.
/// [Continue reading]"): the paragraph without the link, when it ends as a
/// sentence does.
fn link_after_sentence(t: &[u8]) -> Option<&[u8]> {
    let rest = if t.ends_with(b"]") {
        &t[..t.iter().rposition(|&b| b == b'[')?]
    } else {
        let start = t.iter().rposition(|&b| b == b' ').map_or(0, |k| k + 1);
        let last = &t[start..];
        if !(last.starts_with(b"http://")
            || last.starts_with(b"https://")
            || last.starts_with(b"www."))
        {
            return None;
        }
        &t[..start]
    };
    let rest = rest.trim_ascii_end();
    // A teaser cut short ("... find my addi... [read]") ends no sentence.
    let sentence = (matches!(rest.last(), Some(b'.' | b'!' | b'?' | b'"' | b')'))
        || rest.ends_with("”".as_bytes()))
        && !rest.ends_with(b"..")
        && !rest.ends_with(b"...\"")
        && !rest.ends_with("…".as_bytes());
    sentence.then_some(rest)
}

/// A short line that starts with one of [`HEADER_STARTS`], not chrome of
/// another kind and not a piece of a sentence.
#[inline]
fn is_header(t: &[u8], f: &LineFeats, found: Found, norm: &mut Vec<u8>) -> bool {
    // Most lines fail the counts and kinds `is_header_with` tests first:
    // tested where it is asked (the rest is called).
    if !(1..=HEADER_WORDS).contains(&f.words)
        || matches!(
            found,
            Found::Chrome | Found::Share | Found::ShareRow | Found::Comments
        )
        || !f.first_upper()
    {
        return false;
    }
    is_header_gated(t, f, found, norm)
}

/// [`is_header_with`] with its gates.
fn is_header_gated(t: &[u8], f: &LineFeats, found: Found, norm: &mut Vec<u8>) -> bool {
    is_header_with(t, f, found, norm, true)
}

/// [`is_header`], with its gates on the first word's first bytes only when
/// `gated` (without them: the plain form a test compares with).
#[inline(always)]
fn is_header_with(t: &[u8], f: &LineFeats, found: Found, norm: &mut Vec<u8>, gated: bool) -> bool {
    if !(1..=HEADER_WORDS).contains(&f.words)
        || matches!(
            found,
            Found::Chrome | Found::Share | Found::ShareRow | Found::Comments
        )
        || !f.first_upper()
        || t.ends_with(b".")
        || t.ends_with(b",")
    {
        return false;
    }
    let starts = header_starts();
    // The first word starts at the first letter or digit: when that is
    // ASCII, no header can start with it unless some start does.
    if let Some(p) = t
        .iter()
        .position(|b| b.is_ascii_alphanumeric() || !b.is_ascii())
        .filter(|_| gated)
    {
        let b = t[p];
        if b.is_ascii() {
            if !starts.first_bytes[usize::from(b.to_ascii_lowercase())] {
                return false;
            }
            // Its first two bytes too, when the next byte is ASCII (a
            // letter or digit goes on with the word, anything else ends it).
            let second = match t.get(p + 1) {
                Some(&c) if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
                Some(&c) if !c.is_ascii() => None,
                _ => Some(0),
            };
            if let Some(c) = second {
                let k = head_pair(b.to_ascii_lowercase(), c);
                if starts.head_pairs[k >> 6] >> (k & 63) & 1 == 0 {
                    return false;
                }
            }
        }
    }
    lexicon::normalise(t, norm);
    let Ok(s) = std::str::from_utf8(norm) else {
        return false;
    };
    let mut words = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    // Most lines fail on their first word: no header starts with it.
    let Some(head) = words.next() else {
        return false;
    };
    if !starts.heads.contains(head) {
        return false;
    }
    let first: Vec<&str> = std::iter::once(head)
        .chain(words.by_ref().take(4))
        .collect();
    // "Related links", "Useful links": resources on the article's subject,
    // which the article may well count as its own.
    if first
        .iter()
        .copied()
        .chain(words)
        .any(|w| w == "links" || w == "link")
    {
        return false;
    }
    starts.words.iter().any(|start| {
        first.len() >= start.len()
            && start.iter().zip(&first).all(|(a, b)| a == b)
            && !(start.len() == 1
                && start[0] == "more"
                && first.get(1).is_some_and(|w| MORE_NOT.contains(w)))
            && !ALONE
                .iter()
                .any(|a| start[..] == a[..] && f.words as usize > a.len())
    })
}

/// Does the paragraph's last sentence announce what follows it: does it
/// end with a colon, or with "below" or "following" ("Check out our picks
/// for the 10 best deals below.")?
fn announces_below(t: &[u8]) -> bool {
    let t = t.trim_ascii_end();
    if t.ends_with(b":") {
        return true;
    }
    let last = t
        .split(|b| !b.is_ascii_alphabetic())
        .rfind(|w| !w.is_empty())
        .unwrap_or(&[]);
    last.eq_ignore_ascii_case(b"below") || last.eq_ignore_ascii_case(b"following")
}

/// Which lines are printed again further down (trimmed, ASCII
/// case-insensitive): each line's first copy, found in one pass over the
/// page the first time it is asked for (a page with a widget row under
/// each post asks once per row).
#[derive(Default)]
struct Printed {
    /// For each line, the first line equal to it; empty until asked.
    first: Vec<u32>,
}

impl Printed {
    /// Is line `h` printed above it too?
    fn above(&mut self, texts: &[&[u8]], h: usize) -> bool {
        if self.first.is_empty() {
            let mut seen: foldhash::HashMap<Vec<u8>, u32> = foldhash::HashMap::default();
            self.first = (0..texts.len())
                .map(|j| {
                    let key = texts[j].trim_ascii().to_ascii_lowercase();
                    *seen.entry(key).or_insert(j as u32)
                })
                .collect();
        }
        (self.first[h] as usize) < h
    }
}

/// The last line of a row of share or follow widgets (one line that is a
/// row by itself, or two share lines or more in a row): the article's
/// foot, above whatever the page lists next (other chrome may come between,
/// an advertisement, a sign-up box: the list below is looked at past it).
fn share_row(found: &[Found], h: usize) -> bool {
    let share = |f: Found| matches!(f, Found::Share | Found::ShareRow);
    share(found[h])
        && (found[h] == Found::ShareRow || (h > 0 && share(found[h - 1])))
        && found.get(h + 1).is_some_and(|&f| !share(f))
}

/// The widgets of an article's foot besides share rows (lexicon phrases,
/// whole lines): print and e-mail actions, links to the previous and next
/// post, the post's tags, links to more of the story. Right above a list
/// of headlines, they head it (so does the credit of the article's last
/// picture, a `photo-credit` shape).
const FOOT_PHRASES: &[&str] = &[
    "print",
    "print this",
    "print article",
    "print this article",
    "email this",
    "email this article",
    "send to a friend",
    "email thisblogthis",
    "previous post",
    "next post",
    "older post",
    "newer post",
    "previous article",
    "next article",
    "tags",
    "topics",
    "read more",
    "continue reading",
    "full story",
    "back to story",
    "back to the story",
    "back to article",
    "back to the article",
];

/// Is the lexicon phrase one of the [`FOOT_PHRASES`]?
pub(crate) fn is_foot_phrase(phrase: &str) -> bool {
    FOOT_PHRASES.contains(&phrase)
}

/// [`HEADER_STARTS`] prepared once.
struct Starts {
    /// Each start split into its words.
    words: Vec<Vec<&'static str>>,
    /// The bytes the starts begin with.
    first_bytes: [bool; 256],
    /// The starts' first words.
    heads: foldhash::HashSet<&'static str>,
    /// The first two bytes of the starts' first words (the second 0 for a
    /// one-byte word), one bit each (see [`head_pair`]).
    head_pairs: Box<[u64; 1024]>,
}

/// Two bytes as 16 bits: a first word's first two (see [`Starts::head_pairs`]).
#[inline]
fn head_pair(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

fn header_starts() -> &'static Starts {
    static STARTS: std::sync::OnceLock<Starts> = std::sync::OnceLock::new();
    STARTS.get_or_init(|| {
        let mut first_bytes = [false; 256];
        for s in HEADER_STARTS {
            first_bytes[usize::from(s.as_bytes()[0])] = true;
        }
        let words: Vec<Vec<&'static str>> = HEADER_STARTS
            .iter()
            .map(|s| s.split(' ').collect())
            .collect();
        let heads: foldhash::HashSet<&'static str> = words.iter().map(|w| w[0]).collect();
        let mut head_pairs = Box::new([0u64; 1024]);
        for h in &heads {
            let b = h.as_bytes();
            let k = head_pair(b[0], b.get(1).copied().unwrap_or(0));
            head_pairs[k >> 6] |= 1 << (k & 63);
        }
        Starts {
            words,
            first_bytes,
            heads,
            head_pairs,
        }
    })
}

/// The list marker a line starts with ("1.", "2)", "•", "-", "*").
fn is_list_item(t: &[u8]) -> bool {
    let digits = t.iter().take_while(|b| b.is_ascii_digit()).count();
    (digits > 0 && digits <= 3 && matches!(t.get(digits), Some(b'.') | Some(b')')))
        || ["•", "·", "- ", "* ", "– "]
            .iter()
            .any(|m| t.starts_with(m.as_bytes()))
}

/// Do the lines below the header `h` read as a list of headlines?
fn list_follows(
    texts: &[&[u8]],
    feats: CtxFeats<'_>,
    found: &[Found],
    prose: Bits<'_>,
    same: &dyn Fn(usize, usize) -> bool,
    h: usize,
    norm: &mut Vec<u8>,
) -> bool {
    let end = (h + 1 + WINDOW).min(texts.len());
    let mut titles = 0u32;
    let mut prev_prose = false;
    let mut prev = h;
    let mut first = true;
    let kind = first_word(texts[h]);
    let header_item = is_list_item(texts[h]);
    // A header of the lexicon's ("Related Posts", "Featured Posts") that
    // introduces nothing (no colon) names no section of the article:
    // another list of the kind below it ("Related Training", "Featured
    // Reviews") is one more of the site's.
    let sections = found[h] != Found::ListChrome || texts[h].trim_ascii_end().ends_with(b":");
    for j in h + 1..end {
        if sections
            && first_word(texts[j]).eq_ignore_ascii_case(kind)
            && is_header(texts[j], &feats.get(j), found[j], norm)
        {
            return false;
        }
        if found[j] != Found::Text {
            continue;
        }
        // The article's own list, unless the header is an item too: a menu
        // of links printed as a list ("* More from ...", then "* Title").
        if first && is_list_item(texts[j]) && !header_item {
            return false;
        }
        // The lines of one hard-wrapped paragraph are one paragraph.
        if prose.at(j) && (first || (prev_prose && !same(prev, j))) {
            return false;
        }
        if !prose.at(j) && (2..=TITLE_WORDS).contains(&feats.get(j).words) {
            titles += 1;
        }
        prev_prose = prose.at(j);
        prev = j;
        first = false;
    }
    titles >= MIN_TITLES
}

/// The first word of a line (ASCII letters and digits), if any.
fn first_word(t: &[u8]) -> &[u8] {
    t.split(|b| !b.is_ascii_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or(&[])
}

#[cfg(test)]
mod title_case_tests {
    use super::title_case;

    /// [`title_case`] with every word read as UTF-8.
    fn title_case_plain(t: &[u8]) -> bool {
        super::title_case_by(t, super::long_word_capital_plain)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The ASCII words' shortcut counts what reading them as UTF-8 does.
        #[test]
        fn ascii_words_are_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "Word", "word", "Ab", "abcd", "ÉCOLE", "école", "Über", " ", "-", "1", "\u{fffd}", "x\u{e9}y",
        ]), 0..10), junk: Option<u8>) {
            let mut t = parts.concat().into_bytes();
            t.extend(junk);
            proptest::prop_assert_eq!(title_case(&t), title_case_plain(&t));
        }

        /// The one loop over an ASCII line's bytes counts what the split
        /// into words counts.
        #[test]
        fn ascii_loop_is_exact(t in "[A-Za-z0-9 ,.'?:-]{0,80}|(([A-Z][a-z]{0,6}|[a-z]{1,6}|[0-9]{1,3})[ ,.-]{0,2}){0,12}") {
            proptest::prop_assert_eq!(title_case(t.as_bytes()), title_case_plain(t.as_bytes()));
        }
    }
}

#[cfg(test)]
mod header_gate_tests {
    use super::{is_header, is_header_with, Found};
    use crate::features::LineFeats;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The gates on a header's first bytes turn no header away.
        #[test]
        fn header_gates_are_exact(parts in proptest::collection::vec(proptest::sample::select(vec![
            "Related", "related", "RELATED", "More", "more", "Most", "Mo", "M", "Read", "R", "Re",
            "stories", "Stories", "you", "may", "also", "like", "Tags", "Top", "Next", " ", "  ", "-",
            "'", ":", "\u{e9}", "\u{2019}", "1", "links", "\u{a0}", "x", "(", "\"", "Continue", "reading",
        ]), 0..6)) {
            let t = parts.concat().into_bytes();
            let f = LineFeats::with(2, 0, false, true);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            proptest::prop_assert_eq!(
                is_header(&t, &f, Found::Text, &mut a),
                is_header_with(&t, &f, Found::Text, &mut b, false)
            );
        }
    }
}

#[cfg(test)]
mod paragraphs_tests {
    use super::Paragraphs;

    /// Each line reads its paragraph's words, ending and density, or its
    /// own; the paragraphs cost 24 bytes per 64 lines and 12 a paragraph.
    #[test]
    fn paragraphs_by_line() {
        let mut p = Paragraphs::new(1000);
        // Lines 10k..10k+5 are paragraph k (k = 0..100), the rest are on
        // their own.
        for k in 0..100 {
            p.add(10 * k, 10 * k + 5, k as u32, 1000 + k as u32, k as f32);
        }
        for i in 0..1000 {
            let (k, inside) = (i / 10, i % 10 < 5);
            if inside {
                assert_eq!(p.words(i, 7), k as u32);
                assert_eq!(p.end(i), 1000 + k as u32);
                assert_eq!(p.density(i, 0.5), k as f32);
                assert!(p.same(10 * k, i));
            } else {
                assert_eq!(p.words(i, 7), 7);
                assert_eq!(p.end(i), Paragraphs::OWN);
                assert_eq!(p.density(i, 0.5), 0.5);
                assert!(p.same(i, i));
                assert!(!p.same(10 * k, i));
            }
        }
        let bytes = std::mem::size_of::<super::Block>() * p.blocks.capacity()
            + 4 * (p.words.capacity() + p.ends.capacity() + p.density.capacity());
        assert!(bytes <= 24 * 1000 / 64 + 24 + 12 * 128, "{bytes} bytes");
    }

    /// A paragraph may start in the block where the one above it ends (a
    /// debug build's check in `add` once asked for a block of its own, and
    /// panicked on two wrapped paragraphs within 64 lines); a paragraph
    /// that starts above the last one's end is no paragraph below it.
    #[test]
    fn paragraphs_may_share_a_block() {
        let mut p = Paragraphs::new(130);
        assert!(p.below_all(0) && p.below_all(129));
        p.add(3, 8, 1, 1, 0.1);
        assert!(!p.below_all(3) && !p.below_all(7));
        assert!(p.below_all(8) && p.below_all(9) && p.below_all(64));
        p.add(9, 14, 2, 2, 0.2);
        // One across the boundary, one right below it in the next block.
        p.add(60, 70, 3, 3, 0.3);
        assert!(!p.below_all(69) && p.below_all(70));
        p.add(70, 128, 4, 4, 0.4);
        p.add(128, 130, 5, 5, 0.5);
        let want = |i: usize| match i {
            3..=7 => 1,
            9..=13 => 2,
            60..=69 => 3,
            70..=127 => 4,
            128..=129 => 5,
            _ => 0,
        };
        for i in 0..130 {
            assert_eq!(p.words(i, 0), want(i), "line {i}");
        }
        assert!(p.same(63, 64) && !p.same(69, 70) && !p.same(127, 128));
    }
}
