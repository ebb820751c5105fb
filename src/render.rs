//! Output bytes from the kept lines.

use std::io::{self, Write};

use crate::cleaner::Cleaned;

impl Cleaned<'_> {
    /// Appends the article to `out`: the kept lines, unchanged but for
    /// surrounding whitespace, in input order, separated by one blank line,
    /// with a final newline. Nothing kept gives nothing.
    pub fn render_into(&self, out: &mut Vec<u8>) {
        let mut first = true;
        for l in self.kept_lines() {
            if !first {
                out.extend_from_slice(b"\n\n");
            }
            first = false;
            out.extend_from_slice(l);
        }
        if !first {
            out.push(b'\n');
        }
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
