//! Repetition inside the document: second copies of a line (a headline
//! printed twice, a caption under the photo and again in a gallery) and
//! alt-text fragments cut short before the caption they belong to.

use foldhash::{HashMap, HashMapExt};

/// What each byte becomes in a line's folded form: ASCII letters
/// lower-cased, ASCII digits as they are, other ASCII (punctuation,
/// whitespace) left out (0), other bytes as they are.
static FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 || c.is_ascii_digit() {
            c
        } else if c.is_ascii_alphabetic() {
            c.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The bytes of a line that count for repetition (see [`FOLD`]).
#[inline]
fn folded(line: &[u8]) -> impl Iterator<Item = u8> + '_ {
    line.iter().map(|&b| FOLD[b as usize]).filter(|&b| b != 0)
}

/// Only this many bytes of a line go into its first hash: lines rarely
/// share a start, and equal keys are compared in full anyway.
pub(crate) const KEY_PREFIX: usize = 64;

/// The key [`first_copies_keyed`] files a line under: a hash of its first
/// folded bytes, or `None` when no byte of it counts (it never repeats).
#[inline]
pub fn start_key(line: &[u8]) -> Option<u64> {
    #[cfg(target_arch = "x86_64")]
    return start_key_sse(line);
    #[cfg(not(target_arch = "x86_64"))]
    return start_key_plain(line);
}

/// [`start_key`] a byte at a time.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn start_key_plain(line: &[u8]) -> Option<u64> {
    // The first KEY_PREFIX folded bytes gathered without a branch per byte
    // (each byte is written, and kept when it counts), then hashed eight
    // at a time as `key` does: the same value as `key(line, KEY_PREFIX)`.
    let mut buf = [0u8; KEY_PREFIX + 1];
    let mut total = 0usize;
    for &b in line {
        let f = FOLD[b as usize];
        buf[total] = f;
        total += usize::from(f != 0);
        if total == KEY_PREFIX {
            break;
        }
    }
    hash_folded(&buf[..total])
}

/// [`start_key`] sixteen bytes at a time (SSE2): the bytes that count
/// ([`FOLD`]: ASCII letters and digits, bytes of 0x80 and above) found by
/// comparisons, the block lower-cased, and each run of them copied whole
/// (sixteen bytes at once), not a byte at a time.
#[cfg(target_arch = "x86_64")]
fn start_key_sse(line: &[u8]) -> Option<u64> {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_and_si128, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8, _mm_setzero_si128, _mm_storeu_si128,
    };
    // Room for a run of 16 copied whole at the prefix's end.
    let mut buf = [0u8; KEY_PREFIX + 16];
    // A block, lower-cased, and 16 bytes after it to copy a run from.
    let mut low = [0u8; 32];
    let mut total = 0usize;
    let mut i = 0;
    while i < line.len() && total < KEY_PREFIX {
        // The line's next 16 bytes, zeros past its end (zero never counts).
        let mut pad = [0u8; 16];
        let block: &[u8] = match line.get(i..i + 16) {
            Some(b) => b,
            None => {
                pad[..line.len() - i].copy_from_slice(&line[i..]);
                &pad
            }
        };
        // SAFETY: SSE2 is part of x86_64; 16 bytes of `block` (16 long)
        // are loaded and 16 of `low` stored, unaligned.
        let keep = unsafe {
            let x = _mm_loadu_si128(block.as_ptr().cast::<__m128i>());
            // Bytes lo..lo + len moved to -128..-128 + len, then one
            // signed comparison.
            let range = |lo: u8, len: u8| {
                let t = _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(lo) as i8));
                _mm_cmplt_epi8(t, _mm_set1_epi8((0x80u8 + len) as i8))
            };
            let upper = range(b'A', 26);
            let counts = _mm_or_si128(
                _mm_or_si128(upper, range(b'a', 26)),
                _mm_or_si128(range(b'0', 10), _mm_cmplt_epi8(x, _mm_setzero_si128())),
            );
            let lowered = _mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
            _mm_storeu_si128(low.as_mut_ptr().cast::<__m128i>(), lowered);
            _mm_movemask_epi8(counts) as u32
        };
        let mut m = keep;
        while m != 0 && total < KEY_PREFIX {
            let s = m.trailing_zeros() as usize;
            // Bit 16 and up are clear: a run ends in the block.
            let run = (!(m >> s)).trailing_zeros() as usize;
            buf[total..total + 16].copy_from_slice(&low[s..s + 16]);
            total += run;
            m &= !(((1u32 << run) - 1) << s);
        }
        i += 16;
    }
    hash_folded(&buf[..total.min(KEY_PREFIX)])
}

/// [`start_key`] of a line whose first `KEY_PREFIX` folded bytes (or all
/// of them, when it has fewer) are `folded`.
#[inline]
pub fn hash_folded(folded: &[u8]) -> Option<u64> {
    debug_assert!(folded.len() <= KEY_PREFIX);
    if folded.is_empty() {
        return None;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let chunks = folded.chunks_exact(8);
    let tail = chunks.remainder();
    for c in chunks {
        let word = u64::from_be_bytes(c.try_into().expect("eight bytes"));
        h = (h ^ word).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
    }
    let word = tail.iter().fold(0u64, |w, &f| (w << 8) | f as u64);
    h = (h ^ word ^ (tail.len() as u64)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    Some(h ^ (h >> 31))
}

/// A 64-bit hash of the first `prefix` [`folded`] bytes of the line, or
/// `None` when the line has no byte that counts.
#[inline]
fn key(line: &[u8], prefix: usize) -> Option<u64> {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut word: u64 = 0;
    let mut n = 0u32;
    let mut total = 0usize;
    for &b in line {
        let f = FOLD[b as usize];
        if f == 0 {
            continue;
        }
        word = (word << 8) | f as u64;
        n += 1;
        total += 1;
        if n == 8 {
            h = (h ^ word).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
            word = 0;
            n = 0;
        }
        if total == prefix {
            break;
        }
    }
    if total == 0 {
        return None;
    }
    h = (h ^ word ^ (n as u64)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    Some(h ^ (h >> 31))
}

/// Do two lines have the same folded bytes?
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a == b || folded(a).eq(folded(b))
}

/// For each line, the index of the first earlier line with the same folded
/// text, if any. Lines with no letters or digits never repeat.
pub fn first_copies(lines: &[&[u8]]) -> Vec<Option<u32>> {
    let keys: Vec<u64> = lines.iter().map(|l| packed_start_key(l)).collect();
    first_copies_keyed(lines, &keys)
}

/// [`start_key`] in 8 bytes instead of 16: 0 for `None`, else the key with
/// its lowest bit set. Two keys that differ only there are one key here;
/// [`first_copies_keyed`] tells such lines apart by their whole text, as it
/// does any two lines of one key.
#[inline]
pub fn packed_start_key(line: &[u8]) -> u64 {
    start_key(line).map_or(0, |k| k | 1)
}

/// [`packed_start_key`] from the line's folded prefix (see [`hash_folded`]).
#[inline]
pub fn packed_folded_key(folded: &[u8]) -> u64 {
    hash_folded(folded).map_or(0, |k| k | 1)
}

/// [`first_copies`] with each line's [`packed_start_key`] already computed.
pub fn first_copies_keyed(lines: &[&[u8]], keys: &[u64]) -> Vec<Option<u32>> {
    copies_of_roots(&roots_keyed(lines, keys))
}

/// [`first_copies`] from [`roots_keyed`]'s roots.
pub fn copies_of_roots(roots: &[u32]) -> Vec<Option<u32>> {
    let first = |(i, &r): (usize, &u32)| (r as usize != i).then_some(r);
    roots.iter().enumerate().map(first).collect()
}

/// Each line's root: the index of the first line with its folded text, its
/// own when it is that line or has no letter or digit. [`first_copies`] in
/// 4 bytes a line instead of 8.
pub fn roots_of_copies(copies: &[Option<u32>]) -> Vec<u32> {
    let root = |(i, c): (usize, &Option<u32>)| c.unwrap_or(i as u32);
    copies.iter().enumerate().map(root).collect()
}

/// The roots ([`roots_of_copies`]) of the lines at `idx` (in input order)
/// among themselves, from the `roots` of all lines: the first of the lines
/// of a root among them is the root of the others. `first` is scratch room,
/// as long as `roots`, all `u32::MAX` (and left so).
pub fn roots_among(roots: &[u32], idx: &[usize], first: &mut [u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(idx.len());
    for (j, &i) in idx.iter().enumerate() {
        let r = &mut first[roots[i] as usize];
        if *r == u32::MAX {
            *r = j as u32;
        }
        out.push(*r);
    }
    for &i in idx {
        first[roots[i] as usize] = u32::MAX;
    }
    out
}

/// [`first_copies_keyed`] as roots (see [`roots_of_copies`]).
pub fn roots_keyed(lines: &[&[u8]], keys: &[u64]) -> Vec<u32> {
    // Keyed by the hash of the line's start; lines whose start matches an
    // earlier, different line go to a second table keyed by the whole line.
    // The first table holds the key's low 32 bits only (half the memory on
    // a page of many lines): two starts that share them are two different
    // lines, which the second table tells apart as it does any two.
    // Sized for every line of an ordinary page (no growing step by step);
    // past 2^16 lines it grows with the distinct starts it holds (a page of
    // a million lines may hold one: its room for all of them would take
    // 19 MB).
    let mut by_start = StartTable::with_capacity(lines.len().min(1 << 16));
    let mut by_whole: HashMap<u64, u32> = HashMap::new();
    let mut out = Vec::with_capacity(lines.len());
    for (i, (&l, &k)) in lines.iter().zip(keys).enumerate() {
        let own = i as u32;
        if k == 0 {
            out.push(own);
            continue;
        }
        let first = by_start.first_or_insert(k as u32, own);
        let root = match first {
            // Filed now: the first line with this start.
            _ if first == own => own,
            _ if same(lines[first as usize], l) => first,
            _ => {
                let whole = key(l, usize::MAX).unwrap_or(0);
                match by_whole.get(&whole) {
                    Some(&j) if same(lines[j as usize], l) => j,
                    Some(_) => own,
                    None => {
                        by_whole.insert(whole, own);
                        own
                    }
                }
            }
        };
        out.push(root);
    }
    out
}

/// [`roots_keyed`]'s first table: from the low 32 bits of a start key to
/// the first line filed under them, in open addressing (what a
/// `HashMap<u32, u32>` held, without its hashing and its entry's
/// machinery: some 60 instructions a line).
struct StartTable {
    /// (key, line); `EMPTY` lines mark free slots.
    slots: Vec<(u32, u32)>,
    /// The slots' count is `1 << bits`.
    bits: u32,
    len: usize,
}

impl StartTable {
    /// A free slot's line (no page has `u32::MAX` lines: indices are below).
    const EMPTY: u32 = u32::MAX;

    /// Room for `n` keys at most half full.
    fn with_capacity(n: usize) -> StartTable {
        let bits = (2 * n).next_power_of_two().max(16).trailing_zeros();
        StartTable {
            slots: vec![(0, StartTable::EMPTY); 1 << bits],
            bits,
            len: 0,
        }
    }

    /// The first slot to look at for `key` (the key is a hash's low half;
    /// its bit 0 is always set: the slot is taken from a product's top bits).
    #[inline]
    fn home(&self, key: u32) -> usize {
        (u64::from(key.wrapping_mul(0x9e37_79b1)) << 32 >> (64 - self.bits)) as usize
    }

    /// The line filed under `key`; `line` (a later line than any filed)
    /// when none was, which is filed under it then.
    #[inline]
    fn first_or_insert(&mut self, key: u32, line: u32) -> u32 {
        debug_assert!(line != StartTable::EMPTY);
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let (k, v) = self.slots[i];
            if v == StartTable::EMPTY {
                break;
            }
            if k == key {
                return v;
            }
            i = (i + 1) & mask;
        }
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
            return self.first_or_insert(key, line);
        }
        self.slots[i] = (key, line);
        self.len += 1;
        line
    }

    /// Twice the slots, every key filed again.
    #[cold]
    fn grow(&mut self) {
        let old = std::mem::replace(
            &mut self.slots,
            vec![(0, StartTable::EMPTY); 2 << self.bits],
        );
        self.bits += 1;
        let mask = self.slots.len() - 1;
        for (k, v) in old.into_iter().filter(|&(_, v)| v != StartTable::EMPTY) {
            let mut i = self.home(k);
            while self.slots[i].1 != StartTable::EMPTY {
                i = (i + 1) & mask;
            }
            self.slots[i] = (k, v);
        }
    }
}

/// The obviously correct reference for [`first_copies`]: each line compared
/// with every earlier one, folded byte by byte (quadratic; for tests).
pub fn first_copies_naive(lines: &[&[u8]]) -> Vec<Option<u32>> {
    let fold = |l: &[u8]| -> Vec<u8> {
        l.iter()
            .filter(|b| !b.is_ascii() || b.is_ascii_alphanumeric())
            .map(|b| b.to_ascii_lowercase())
            .collect()
    };
    let folded: Vec<Vec<u8>> = lines.iter().map(|l| fold(l)).collect();
    (0..lines.len())
        .map(|i| {
            if folded[i].is_empty() {
                return None;
            }
            (0..i).find(|&j| folded[j] == folded[i]).map(|j| j as u32)
        })
        .collect()
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
    // The first words must be alike (`frag` has at least three): lines
    // that start with different bytes, neither of them whitespace, are not.
    if let (Some(&a), Some(&b)) = (frag.first(), next.first()) {
        if a != b && !a.is_ascii_whitespace() && !b.is_ascii_whitespace() {
            return false;
        }
    }
    alt_prefix_words(frag, next)
}

/// [`is_alt_prefix`] without the test of the first bytes (the reference
/// pipeline's).
pub fn is_alt_prefix_plain(frag: &[u8], next: &[u8]) -> bool {
    if frag.len() >= next.len() || frag.len() > 80 {
        return false;
    }
    alt_prefix_words(frag, next)
}

/// The word by word test of [`is_alt_prefix`].
#[inline]
fn alt_prefix_words(frag: &[u8], next: &[u8]) -> bool {
    // The words of `frag`, at most 8 (a ninth says no).
    let mut words: [&[u8]; 9] = [&[]; 9];
    let mut count = 0;
    for w in frag
        .split(|b| b.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
    {
        if count == words.len() {
            return false;
        }
        words[count] = w;
        count += 1;
    }
    let fw = &words[..count];
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

    /// Two different lines whose start keys share their low 32 bits (the
    /// part the first table holds) are still told apart, and each one's
    /// copies still found.
    #[test]
    fn keys_sharing_their_low_half_are_two_lines() {
        let mut seen = HashMap::new();
        let (a, b) = (0u32..)
            .find_map(|i| {
                let line = format!("line number {i}");
                let k = packed_start_key(line.as_bytes());
                seen.insert(k as u32, line.clone())
                    .map(|other| (other, line))
            })
            .expect("two keys share their low half");
        assert_ne!(
            packed_start_key(a.as_bytes()),
            packed_start_key(b.as_bytes())
        );
        let lines: Vec<&[u8]> = [&a, &b, &a, &b, &b].iter().map(|l| l.as_bytes()).collect();
        let want = vec![None, None, Some(0), Some(1), Some(1)];
        assert_eq!(first_copies(&lines), want);
        assert_eq!(first_copies_naive(&lines), want);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The test of the first bytes never hides an alt-text fragment.
        #[test]
        fn alt_prefix_gate_is_exact(a in proptest::collection::vec(proptest::sample::select(vec![
            "Kim", "Jong", "Un", "t", "was", " ", " ", "\t", "K", "kim", "welcomed", "x",
        ]), 0..9), b in proptest::collection::vec(proptest::sample::select(vec![
            "Kim", "Jong", "Un", "t", "was", " ", " ", "\t", "K", "kim", "welcomed", "x",
        ]), 0..14)) {
            let (frag, other) = (a.concat(), b.concat());
            let next = format!("{frag}{other}");
            for (f, n) in [(frag.as_bytes(), next.as_bytes()), (frag.as_bytes(), other.as_bytes())] {
                proptest::prop_assert_eq!(is_alt_prefix(f, n), is_alt_prefix_plain(f, n));
            }
        }

        /// The branch-free start key is the general key of the prefix.
        #[test]
        fn start_key_is_key(line in "[ -~\u{e9}\u{2019}]{0,90}") {
            proptest::prop_assert_eq!(start_key(line.as_bytes()), key(line.as_bytes(), KEY_PREFIX));
        }

        /// The start key found sixteen bytes at a time is the one found a
        /// byte at a time, and the general key of the prefix, on any bytes
        /// (runs across blocks, lines past the prefix, zeros, high bytes).
        #[test]
        fn start_key_blocks_are_exact(line in proptest::collection::vec(proptest::sample::select(vec![
            0u8, b' ', b'a', b'z', b'A', b'Z', b'0', b'9', b'@', b'[', b'`', b'{', b'/', b':', 0x7f,
            0x80, 0xc3, 0xa9, 0xe2, 0xff, b'.', b'-', b'm', b'M',
        ]), 0..200)) {
            proptest::prop_assert_eq!(start_key(&line), start_key_plain(&line));
            proptest::prop_assert_eq!(start_key(&line), key(&line, KEY_PREFIX));
        }

        /// The open-addressing table of starts files and finds what a
        /// `HashMap` does, as it grows from its smallest size (keys with
        /// bit 0 set, as start keys have it, and colliding ones).
        #[test]
        fn start_table_is_a_map(keys in proptest::collection::vec(
            proptest::prop_oneof![0u32..64, proptest::num::u32::ANY], 0..400,
        )) {
            let mut table = StartTable::with_capacity(1);
            let mut map: HashMap<u32, u32> = HashMap::new();
            for (i, k) in keys.iter().enumerate() {
                let k = k | 1;
                let want = *map.entry(k).or_insert(i as u32);
                proptest::prop_assert_eq!(table.first_or_insert(k, i as u32), want);
            }
            proptest::prop_assert_eq!(table.len, map.len());
        }

        #[test]
        fn fast_equals_naive(lines in proptest::collection::vec(
            proptest::sample::select(vec![
                "Kim meets Putin".to_string(), "KIM MEETS PUTIN!".to_string(), "--".to_string(),
                "a".repeat(300), format!("{}b", "a".repeat(300)), format!("{}, b", "A".repeat(300)),
                format!("{}-b", "a".repeat(300)), "x".to_string(), "X.".to_string(),
            ]), 0..20)) {
            let refs: Vec<&[u8]> = lines.iter().map(|l| l.as_bytes()).collect();
            let naive = first_copies_naive(&refs);
            proptest::prop_assert_eq!(&first_copies(&refs), &naive);
            // The roots of any lines among themselves are theirs alone.
            let roots = roots_of_copies(&naive);
            let idx: Vec<usize> = (0..refs.len()).filter(|i| i % 3 != 1).collect();
            let sub: Vec<&[u8]> = idx.iter().map(|&i| refs[i]).collect();
            let mut first = vec![u32::MAX; refs.len()];
            proptest::prop_assert_eq!(
                roots_among(&roots, &idx, &mut first),
                roots_of_copies(&first_copies_naive(&sub))
            );
            proptest::prop_assert!(first.iter().all(|&f| f == u32::MAX));
        }
    }
}
