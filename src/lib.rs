//! dechrome strips publisher chrome from plain-text dumps of web pages and
//! keeps the article.
//!
//! # Overview
//!
//! The input is what is left when a news page is copied or converted to
//! text: one block per line, nothing marked. The output is the article —
//! headline, standfirst, body, subheadings, one copy of each caption — made
//! only of input lines, in input order, unchanged but for surrounding
//! whitespace. Every other line is dropped with a [`Category`] and the
//! [`Rule`] that decided it.
//!
//! A document flows one way through the stages:
//! bytes → [`lines`] → [`features`] and [`lang`] → evidence ([`lexicon`],
//! [`shapes`], [`repeat`]) → [`context`] → one [`Decision`] per line → output.
//!
//! # Example
//!
//! ```
//! use dechrome::{CleanerBuilder, Category, Verdict};
//!
//! let page = "\
//! BREAKING NEWS
//!
//! Putin to host North Korea's Kim in Russia
//!
//! North Korea's leader will soon travel to Russia for his first ever meeting with the \
//! Russian president, state media said on Tuesday, and the two are expected to discuss the \
//! standoff with the West over sanctions and the future of the nuclear talks.
//!
//! SHARE THIS ARTICLE
//! ";
//! let cleaner = CleanerBuilder::new().build().unwrap();
//! let cleaned = cleaner.clean(page.as_bytes());
//! let out = String::from_utf8(cleaned.render()).unwrap();
//! assert!(out.starts_with("Putin to host North Korea's Kim in Russia\n\nNorth Korea's leader"));
//! assert!(!out.contains("SHARE"));
//!
//! // Every line carries its decision.
//! let (line, d) = cleaned.decisions().next().unwrap();
//! assert_eq!(line, b"BREAKING NEWS");
//! assert_eq!(d.verdict, Verdict::Drop(Category::Banner));
//! ```
//!
//! A [`Cleaner`] is immutable, cheap to clone and `Send + Sync`: build it
//! once and share it between threads.
#![deny(missing_docs)]

mod builder;
mod cleaner;
pub mod context;
pub mod features;
pub mod jsonl;
pub mod lang;
pub mod lexicon;
pub mod lines;
mod render;
pub mod repeat;
pub mod shapes;
mod teasers;
mod verdict;

pub use builder::{BuildError, CleanerBuilder, Mode};
pub use cleaner::{Cleaned, Cleaner};
pub use lang::Lang;
pub use verdict::{Category, Class, Decision, Rule, Verdict};

#[cfg(test)]
mod testoibits {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}
    fn assert_clone<T: Clone>() {}

    #[test]
    fn public_types_are_send_sync() {
        assert_send_sync::<Cleaner>();
        assert_send_sync::<CleanerBuilder>();
        assert_send_sync::<Cleaned<'_>>();
        assert_send_sync::<Decision>();
        assert_send_sync::<BuildError>();
        assert_clone::<Cleaner>();
        assert_clone::<CleanerBuilder>();
    }
}
