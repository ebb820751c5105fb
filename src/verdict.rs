//! What the cleaner decided about each line, and why.

use std::fmt;

/// Why a line is not part of the article: the categories of
/// `chrome-policy.md`, plus [`Category::LowContent`] for lines dropped by the
/// statistical and context model rather than by a named pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Breadcrumbs, menus, "Skip to content", bare links.
    Navigation,
    /// Interface labels: "Text size Aa Aa", "print", stray one-letter lines.
    Interface,
    /// "BREAKING NEWS", "Updated", "Advertisement", "Read more".
    Banner,
    /// Share, follow and subscribe rows; comment widgets; social counters.
    Social,
    /// Copyright, rights, cookie and privacy notices, syndication disclaimers.
    Legal,
    /// Bylines, photo credits, "(Reporting by ...)", "Source: ...".
    Credit,
    /// A second copy of a kept line, or an alt-text fragment of the next line.
    Duplicate,
    /// Text the context model judged not to be article text.
    LowContent,
}

impl Category {
    /// Every category, in report order.
    pub const ALL: [Category; 8] = [
        Category::Navigation,
        Category::Interface,
        Category::Banner,
        Category::Social,
        Category::Legal,
        Category::Credit,
        Category::Duplicate,
        Category::LowContent,
    ];

    /// The name used in `--explain` output and in phrase file names.
    pub fn name(self) -> &'static str {
        match self {
            Category::Navigation => "navigation",
            Category::Interface => "interface",
            Category::Banner => "banner",
            Category::Social => "social",
            Category::Legal => "legal",
            Category::Credit => "credit",
            Category::Duplicate => "duplicate",
            Category::LowContent => "low-content",
        }
    }

    /// Parses [`Category::name`].
    pub fn from_name(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == name)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Keep the line, or drop it for a reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// The line is part of the article.
    Keep,
    /// The line is chrome of this category.
    Drop(Category),
}

impl Verdict {
    /// Is this a keep?
    pub fn is_keep(self) -> bool {
        matches!(self, Verdict::Keep)
    }

    /// The category of a drop.
    pub fn category(self) -> Option<Category> {
        match self {
            Verdict::Keep => None,
            Verdict::Drop(c) => Some(c),
        }
    }
}

/// The class the context model gave a line (after jusText: Pomikálek 2011).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    /// Long and prose-like.
    Good,
    /// Prose-like but not long enough to be sure.
    NearGood,
    /// Too short to judge alone: its neighbours decide.
    Short,
    /// Not prose (few stopwords), or matched a chrome pattern.
    Bad,
}

impl Class {
    /// Lower-case name for `--explain`.
    pub fn name(self) -> &'static str {
        match self {
            Class::Good => "good",
            Class::NearGood => "near-good",
            Class::Short => "short",
            Class::Bad => "bad",
        }
    }
}

/// The rule that decided a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// A phrase of the chrome lexicon matched (the phrase, normalised).
    Phrase(&'static str),
    /// A line-shape pattern matched (the shape's name).
    Shape(&'static str),
    /// The context model: the line's own class, then what its neighbours made of it.
    Context {
        /// Class from the line alone.
        initial: Class,
        /// Class after looking at the neighbours.
        fin: Class,
    },
    /// A short line right before article text: a headline or subheading.
    Heading,
    /// Above the first paragraph: headline, standfirst or caption.
    LeadIn,
    /// An item of a list introduced by a colon, between two paragraphs or
    /// after one, or of a numbered or bulleted list below kept text (with
    /// the lines its hard-wrapped text goes on to), or of a bulleted list
    /// above its kept items.
    ListItem,
    /// One of the lines between two kept lines of the article, with no
    /// chrome evidence among them: a few between two paragraphs inside the
    /// article region, or a longer run (up to 30 lines) between any two
    /// kept lines above the article's end.
    InBody,
    /// One of the article's last lines, between its last paragraph and
    /// its end (a sign-off, a comments header or the end of the page).
    Tail,
    /// A short sentence right below kept text.
    ShortSentence,
    /// A line that goes on with the sentence of the kept line above it
    /// (which ends in a comma or semicolon; this one starts in lower
    /// case): a verse of a poem, an item of a list written as one sentence.
    Continuation,
    /// A bibliographic reference (authors with initials, a year) right
    /// below kept text.
    Citation,
    /// A numbered figure or table caption inside the article.
    Caption,
    /// A row of a table (or a line between two rows) right below or right
    /// above kept text.
    Table,
    /// A line of a list of amounts (a recipe's ingredients: "200 g
    /// Zucker", "1 TL Zimt") right below or right above kept text, its
    /// title, or a line between two of them.
    Amounts,
    /// A line of a block of "Label: value" facts right below kept text (a
    /// film's credits under its review) or right above a kept fact line,
    /// or a line between two of them.
    Fact,
    /// A date line in the story's head, between its first kept line (or
    /// two lines above it) and its first paragraph ("July 23, 2012, 7:28
    /// p.m. ET", "Posted on May 3, 2005 by Ann", "By Ann Lee on Aug 9, 2012"):
    /// its dateline, where the same line elsewhere is a banner or a credit.
    Dateline,
    /// The punctuation after a link, on a line of its own below kept text,
    /// on a page whose converter cut paragraphs at their links.
    Fragment,
    /// An earlier line with the same normalised text was kept.
    Repeat,
    /// A short fragment whose words begin the next line (cut-off alt text).
    AltPrefix,
    /// After the article's end: a sign-off (credit line or comments header)
    /// with little article text following, the start of a comment section,
    /// or an author's bio box.
    AfterSignOff,
    /// At or after the header of a list of other stories ("More from ...",
    /// "Most read") that follows the article, or the first of a run of
    /// headlines with no header right below its last paragraph.
    AfterTeasers,
    /// A line the context model reads as text (good with its neighbours,
    /// or near-good on its own), dropped because it lies outside the
    /// article's regions (the densest runs of text) and is not strong
    /// enough to stand there alone: a sidebar's paragraph, a menu's
    /// sentence.
    OutsideRegion,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Phrase(p) => write!(f, "phrase:{p}"),
            Rule::Shape(s) => write!(f, "shape:{s}"),
            Rule::Context { initial, fin } => {
                write!(f, "context:{}->{}", initial.name(), fin.name())
            }
            Rule::Heading => f.write_str("heading"),
            Rule::LeadIn => f.write_str("lead-in"),
            Rule::ListItem => f.write_str("list-item"),
            Rule::InBody => f.write_str("in-body"),
            Rule::Tail => f.write_str("tail"),
            Rule::ShortSentence => f.write_str("short-sentence"),
            Rule::Continuation => f.write_str("continuation"),
            Rule::Citation => f.write_str("citation"),
            Rule::Caption => f.write_str("caption"),
            Rule::Fact => f.write_str("fact"),
            Rule::Table => f.write_str("table"),
            Rule::Amounts => f.write_str("amounts"),
            Rule::Dateline => f.write_str("dateline"),
            Rule::Fragment => f.write_str("fragment"),
            Rule::Repeat => f.write_str("repeat"),
            Rule::AltPrefix => f.write_str("alt-prefix"),
            Rule::AfterSignOff => f.write_str("after-sign-off"),
            Rule::AfterTeasers => f.write_str("after-teasers"),
            Rule::OutsideRegion => f.write_str("outside-region"),
        }
    }
}

/// A verdict with the rule behind it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decision {
    /// Keep or drop.
    pub verdict: Verdict,
    /// Which rule decided.
    pub rule: Rule,
}
