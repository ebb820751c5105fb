//! Output bytes from the kept lines.

use std::io::{self, Write};

use crate::cleaner::Cleaned;

impl Cleaned<'_> {
    /// Appends the article to `out`: the kept lines, unchanged but for
    /// surrounding whitespace, in input order, separated by one blank line
    /// (the lines of a hard-wrapped paragraph by a line break only), with a
    /// final newline. Nothing kept gives nothing.
    pub fn render_into(&self, out: &mut Vec<u8>) {
        let _ = self.render_with(|b| {
            out.extend_from_slice(b);
            Ok(())
        });
    }

    /// Writes the article ([`render_into`](Self::render_into)) to `w` as
    /// it goes, without holding it in memory. On an error, what was
    /// written before it stays written: the output is then partial.
    pub fn write_to<W: Write>(&self, mut w: W) -> io::Result<()> {
        self.render_with(|b| w.write_all(b))
    }

    /// The article's pieces, in order, to `put`.
    #[inline]
    fn render_with(&self, mut put: impl FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
        let mut first = true;
        let mut prev: Option<usize> = None;
        for (i, (l, d)) in self.decisions().enumerate() {
            if !d.verdict.is_keep() {
                continue;
            }
            if !first {
                let wrapped = prev.is_some_and(|p| p + 1 == i && self.joined(p));
                put(if wrapped { b"\n" } else { b"\n\n" })?;
            }
            first = false;
            prev = Some(i);
            put(l)?;
        }
        if !first {
            put(b"\n")?;
        }
        Ok(())
    }

    /// The article as a new buffer (see [`render_into`](Self::render_into)).
    pub fn render(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.input().len() / 2);
        self.render_into(&mut out);
        out
    }

    /// Writes one tab-separated row per non-blank input line:
    /// `keep` or `drop`, the category (`-` when kept), the rule, the line.
    pub fn write_explain<W: Write>(&self, mut w: W) -> io::Result<()> {
        for (line, d) in self.decisions() {
            let (v, cat) = match d.verdict.category() {
                None => ("keep", "-"),
                Some(c) => ("drop", c.name()),
            };
            write!(w, "{v}\t{cat}\t{}\t", d.rule)?;
            w.write_all(line)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    }
}
