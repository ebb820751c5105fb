//! Repetition inside the document: second copies of a line (a headline
//! printed twice, a caption under the photo and again in a gallery) and
//! alt-text fragments cut short before the caption they belong to.

use foldhash::{HashMap, HashMapExt};

/// The bytes of a line that count for repetition: ASCII letters lower-cased,
/// ASCII punctuation and whitespace left out, other bytes as they are.
#[inline]
fn folded(line: &[u8]) -> impl Iterator<Item = u8> + '_ {
    line.iter()
        .filter(|b| !b.is_ascii() || b.is_ascii_alphanumeric())
        .map(|b| b.to_ascii_lowercase())
}

/// A 64-bit hash of [`folded`] bytes.
fn key(line: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut word: u64 = 0;
    let mut n = 0;
    for b in folded(line) {
        word = (word << 8) | b as u64;
        n += 1;
        if n == 8 {
            h = (h ^ word).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
            word = 0;
            n = 0;
        }
    }
    h = (h ^ word ^ (n as u64)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 31)
}

/// Do two lines have the same folded bytes?
pub fn same(a: &[u8], b: &[u8]) -> bool {
    folded(a).eq(folded(b))
}

/// For each line, the index of the first earlier line with the same folded
/// text, if any. Lines with no letters or digits never repeat.
pub fn first_copies(lines: &[&[u8]]) -> Vec<Option<u32>> {
    let mut seen: HashMap<u64, u32> = HashMap::with_capacity(lines.len());
    let mut out = Vec::with_capacity(lines.len());
    for (i, &l) in lines.iter().enumerate() {
        if folded(l).next().is_none() {
            out.push(None);
            continue;
        }
        let k = key(l);
        match seen.get(&k) {
            // A hash collision between different lines is not a repeat.
            Some(&j) if same(lines[j as usize], l) => out.push(Some(j)),
            Some(_) => out.push(None),
            None => {
                seen.insert(k, i as u32);
                out.push(None);
            }
        }
    }
    out
}

/// Is `frag` a cut-off copy of the start of `next`? Both are whole trimmed
/// lines. True when `frag` is shorter, has at most 8 words, its words but
/// the last are the first words of `next` (at least two of them), and its
/// last word is a prefix of the next word of `next` or a stub of at most
/// two letters ("Kim Jong Un t" before "Kim Jong Un was welcomed ...").
pub fn is_alt_prefix(frag: &[u8], next: &[u8]) -> bool {
    if frag.len() >= next.len() || frag.len() > 80 {
        return false;
    }
    let fw: Vec<&[u8]> = frag
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if fw.len() < 3 || fw.len() > 8 {
        return false;
    }
    let mut nw = next
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    for w in &fw[..fw.len() - 1] {
        if nw.next() != Some(*w) {
            return false;
        }
    }
    let last = fw[fw.len() - 1];
    match nw.next() {
        Some(n) if n == last => false,
        Some(n) => n.starts_with(last) || last.len() <= 2,
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_found_after_folding() {
        let lines: Vec<&[u8]> = vec![
            b"Kim meets Putin",
            b"body",
            b"KIM MEETS PUTIN!",
            b"--",
            b"--",
        ];
        assert_eq!(first_copies(&lines), vec![None, None, Some(0), None, None]);
    }

    #[test]
    fn alt_prefix() {
        assert!(is_alt_prefix(
            b"Kim Jong Un t",
            b"Kim Jong Un was welcomed at a station"
        ));
        assert!(is_alt_prefix(
            b"Kim Jong Un wel",
            b"Kim Jong Un welcomed guests at a station"
        ));
        assert!(!is_alt_prefix(
            b"Kim Jong Un",
            b"Kim Jong Un was welcomed at a station"
        ));
        assert!(!is_alt_prefix(
            b"RUSSIAN PRESTIGE",
            b"After the failed Hanoi summit"
        ));
        assert!(!is_alt_prefix(
            b"The summit and",
            b"The summit was long and hard"
        ));
    }
}
