//! The context model, after jusText (Pomikálek, 2011): every line gets a
//! class from its own length and stopword density; lines too short to judge
//! alone, and prose-like lines too short to be sure of, then take the class of
//! their nearest confident neighbours. The document's edges count as bad.
//! Everything is linear in the number of lines.

use crate::features::{Features, LineFeats};
use crate::verdict::Class;

/// Thresholds of the context model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// Below this effective length a line is [`Class::Short`].
    pub length_low: u32,
    /// Above this effective length a stopword-rich line is [`Class::Good`].
    pub length_high: u32,
    /// Stopword density from which a line is [`Class::NearGood`].
    pub stop_low: f32,
    /// Stopword density from which a long line is [`Class::Good`].
    pub stop_high: f32,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            length_low: 70,
            length_high: 200,
            stop_low: 0.16,
            stop_high: 0.19,
        }
    }
}

impl Thresholds {
    /// Lower thresholds for pages with too little text at these: `level`
    /// 1 or 2 (more relaxed).
    pub fn relaxed(&self, level: u32) -> Thresholds {
        let k = 1.0 - 0.25 * level as f32;
        Thresholds {
            length_low: (self.length_low as f32 * k * k) as u32,
            length_high: (self.length_high as f32 * k) as u32,
            stop_low: self.stop_low * k,
            stop_high: self.stop_high * k,
        }
    }
}

/// The class of a line from its own numbers (`hard_bad`: a chrome pattern matched).
pub fn initial_class(f: &Features, density: f32, hard_bad: bool, t: &Thresholds) -> Class {
    class_of(&LineFeats::of(f), density, hard_bad, t)
}

/// [`initial_class`] of a line as the cleaner keeps its features.
#[inline]
pub(crate) fn class_of(f: &LineFeats, density: f32, hard_bad: bool, t: &Thresholds) -> Class {
    if hard_bad {
        Class::Bad
    } else if f.weight < t.length_low {
        Class::Short
    } else if density >= t.stop_high && f.weight > t.length_high {
        Class::Good
    } else if density >= t.stop_low
        || ((f.terminal() || f.credit_end()) && density >= t.stop_low * 0.6)
    {
        // Sentences full of names (news) have fewer stopwords than other
        // prose; a sentence end makes up for some of them.
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// The classes a line's neighbours are seen with: the nearest good or bad
/// line on one side (`gb`), and the nearest good, bad or near-good one
/// (`any`). The edge counts as bad.
///
/// It takes four values (`any` is `gb` or near-good), numbered by
/// [`Nearest::index`]: the two passes of [`resolve`] carry that number and
/// look up [`STEP`] and [`RESOLVED`], tables of what [`Nearest::pass`] and
/// [`resolved`] give.
#[derive(Clone, Copy)]
struct Nearest {
    gb: Class,
    any: Class,
}

impl Nearest {
    const EDGE: Nearest = Nearest {
        gb: Class::Bad,
        any: Class::Bad,
    };

    /// The four values, in the order of [`Nearest::index`].
    const ALL: [Nearest; 4] = [
        Nearest::EDGE,
        Nearest {
            gb: Class::Good,
            any: Class::Good,
        },
        Nearest {
            gb: Class::Bad,
            any: Class::NearGood,
        },
        Nearest {
            gb: Class::Good,
            any: Class::NearGood,
        },
    ];

    /// Bit 0: `gb` is good; bit 1: `any` is near-good.
    const fn index(self) -> usize {
        matches!(self.gb, Class::Good) as usize
            | (matches!(self.any, Class::NearGood) as usize) << 1
    }

    /// Passes over a visible line of class `class`.
    const fn pass(self, class: Class) -> Nearest {
        match class {
            Class::Good | Class::Bad => Nearest {
                gb: class,
                any: class,
            },
            Class::NearGood => Nearest {
                gb: self.gb,
                any: Class::NearGood,
            },
            Class::Short => self,
        }
    }
}

/// The class of a line of class `class` between its nearest lines above
/// (`prev`) and below (`next`).
const fn resolved(class: Class, prev: Nearest, next: Nearest) -> Class {
    match class {
        Class::Short => match (prev.gb, next.gb) {
            (Class::Good, Class::Good) => Class::Good,
            (Class::Bad, Class::Bad) => Class::Bad,
            (p, nx) => {
                if (matches!(p, Class::Bad) && matches!(prev.any, Class::NearGood))
                    || (matches!(nx, Class::Bad) && matches!(next.any, Class::NearGood))
                {
                    Class::Good
                } else {
                    Class::Bad
                }
            }
        },
        Class::NearGood => {
            if matches!(prev.gb, Class::Bad) && matches!(next.gb, Class::Bad) {
                Class::Bad
            } else {
                Class::Good
            }
        }
        Class::Good | Class::Bad => class,
    }
}

/// The classes by their number (`Class as usize`).
const CLASSES: [Class; 4] = [Class::Good, Class::NearGood, Class::Short, Class::Bad];

/// `STEP[class][n]`: the index of [`Nearest::ALL`]`[n]` passed over a
/// visible line of `class` (an invisible one is passed as a short line:
/// it changes nothing).
const STEP: [[u8; 4]; 4] = {
    let mut t = [[0u8; 4]; 4];
    let mut c = 0;
    while c < 4 {
        let mut n = 0;
        while n < 4 {
            t[c][n] = Nearest::ALL[n].pass(CLASSES[c]).index() as u8;
            n += 1;
        }
        c += 1;
    }
    t
};

/// `RESOLVED[class * 16 + prev * 4 + next]`: [`resolved`] of the
/// [`Nearest::ALL`] values numbered `prev` and `next`.
const RESOLVED: [Class; 64] = {
    let mut t = [Class::Bad; 64];
    let mut k = 0;
    while k < 64 {
        t[k] = resolved(
            CLASSES[k / 16],
            Nearest::ALL[k / 4 % 4],
            Nearest::ALL[k % 4],
        );
        k += 1;
    }
    t
};

/// Resolves short and near-good lines from their neighbours (jusText's
/// context-sensitive stage). `skip[i]` lines (repeats) are invisible as
/// neighbours.
///
/// Two passes: the nearest confident lines below each line, bottom up;
/// then, top down, the ones above it as they go by (see
/// `resolve_naive` in the tests for the four-pass form). Each pass
/// carries the nearest lines' classes as one of four numbers and looks up
/// tables of what passing a line and resolving it give.
pub fn resolve(initial: &[Class], skip: &[bool]) -> Vec<Class> {
    assert_eq!(initial.len(), skip.len());
    // The class a line shows its neighbours (none, as a short line, when
    // it is invisible).
    let seen = |class: Class, s: bool| if s { Class::Short } else { class } as usize;
    let mut next = vec![0u8; initial.len()];
    let mut below = Nearest::EDGE.index() as u8;
    for ((out, &class), &s) in next.iter_mut().zip(initial).zip(skip).rev() {
        *out = below;
        below = STEP[seen(class, s)][usize::from(below)];
    }
    let mut above = Nearest::EDGE.index() as u8;
    initial
        .iter()
        .zip(skip)
        .zip(next)
        .map(|((&class, &s), next)| {
            let prev = above;
            above = STEP[seen(class, s)][usize::from(prev)];
            RESOLVED[class as usize * 16 + usize::from(prev) * 4 + usize::from(next)]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Class::*;

    /// For each line, the class of the nearest line before it (`dir` = -1) or
    /// after it (+1) that is good or bad (and, unless `skip_near_good`,
    /// near-good). `skip[i]` lines are passed over. The edge counts as bad.
    fn nearest(
        classes: &[Class],
        skip: &[bool],
        skip_near_good: bool,
        forward: bool,
    ) -> Vec<Class> {
        let n = classes.len();
        let mut out = vec![Class::Bad; n];
        let mut last = Class::Bad;
        let mut visit = |i: usize| {
            out[i] = last;
            if skip[i] {
                return;
            }
            match classes[i] {
                Class::Good | Class::Bad => last = classes[i],
                Class::NearGood if !skip_near_good => last = Class::NearGood,
                _ => {}
            }
        };
        if forward {
            (0..n).rev().for_each(&mut visit);
        } else {
            (0..n).for_each(&mut visit);
        }
        out
    }

    /// [`resolve`] as first written: four passes over the lines, one for
    /// each kind of neighbour, then the short and near-good lines.
    fn resolve_naive(initial: &[Class], skip: &[bool]) -> Vec<Class> {
        let prev_gb = nearest(initial, skip, true, false);
        let next_gb = nearest(initial, skip, true, true);
        let prev_any = nearest(initial, skip, false, false);
        let next_any = nearest(initial, skip, false, true);
        let mut out = initial.to_vec();
        for i in 0..initial.len() {
            if initial[i] != Class::Short {
                continue;
            }
            out[i] = match (prev_gb[i], next_gb[i]) {
                (Class::Good, Class::Good) => Class::Good,
                (Class::Bad, Class::Bad) => Class::Bad,
                (p, nx) => {
                    if (p == Class::Bad && prev_any[i] == Class::NearGood)
                        || (nx == Class::Bad && next_any[i] == Class::NearGood)
                    {
                        Class::Good
                    } else {
                        Class::Bad
                    }
                }
            };
        }
        for i in 0..initial.len() {
            if initial[i] != Class::NearGood {
                continue;
            }
            out[i] = if prev_gb[i] == Class::Bad && next_gb[i] == Class::Bad {
                Class::Bad
            } else {
                Class::Good
            };
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10_000))]
        /// The two-pass [`resolve`] gives what the four passes give.
        #[test]
        fn two_pass_resolve_is_exact(lines in proptest::collection::vec(
            (proptest::sample::select(vec![Good, NearGood, Short, Bad]), proptest::bool::weighted(0.2)),
            0..40,
        )) {
            let (init, skip): (Vec<Class>, Vec<bool>) = lines.into_iter().unzip();
            proptest::prop_assert_eq!(resolve(&init, &skip), resolve_naive(&init, &skip));
        }
    }

    /// The tables' numbering: [`CLASSES`] by `Class as usize`, the four
    /// [`Nearest`] values by [`Nearest::index`], and every value a pass
    /// reaches from the edge among them.
    #[test]
    fn resolve_tables_are_numbered() {
        for (c, &class) in CLASSES.iter().enumerate() {
            assert_eq!(class as usize, c);
        }
        for (k, n) in Nearest::ALL.iter().enumerate() {
            assert_eq!(n.index(), k);
            for class in CLASSES {
                let m = n.pass(class);
                let back = Nearest::ALL[m.index()];
                assert_eq!((back.gb, back.any), (m.gb, m.any));
            }
        }
    }

    #[test]
    fn short_between_good_is_good_and_edges_are_bad() {
        let init = [Short, Good, Short, Good, Short];
        let skip = [false; 5];
        assert_eq!(resolve(&init, &skip), vec![Bad, Good, Good, Good, Bad]);
    }

    #[test]
    fn near_good_needs_one_good_side() {
        let init = [Bad, NearGood, Bad, NearGood, Good];
        let skip = [false; 5];
        assert_eq!(resolve(&init, &skip), vec![Bad, Bad, Bad, Good, Good]);
    }

    #[test]
    fn skipped_lines_are_invisible() {
        let init = [Good, Bad, Short, Good];
        let skip = [false, true, false, false];
        assert_eq!(resolve(&init, &skip)[2], Good);
    }
}

/// The contiguous run of lines with the largest sum of scores (maximum
/// subsequence segmentation, Pasternack & Roth 2009), as a half-open range.
/// `None` when every score is negative or there are no lines.
pub fn best_region(scores: &[f32]) -> Option<(usize, usize)> {
    let mut best = (0.0f32, 0usize, 0usize);
    let mut sum = 0.0f32;
    let mut start = 0usize;
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += s;
        if sum > best.0 {
            best = (sum, start, i + 1);
        }
    }
    (best.0 > 0.0).then_some((best.1, best.2))
}

/// A run that ends at most this many lines above the best run starts...
pub const NEAR_ABOVE_LINES: usize = 10;
/// ... needs only this part of `share`: an article's introduction above
/// its table of contents or a product table, the article's body below
/// them (a sidebar's prose stands further away, or below).
pub const NEAR_ABOVE_SHARE: f32 = 0.5;

/// Every run of lines whose score sum is at least `share` of the best run's
/// (and positive; [`NEAR_ABOVE_SHARE`] of that for a run right above the
/// best one, [`NEAR_ABOVE_LINES`]): the article region plus other blocks
/// of prose on the page. One pass: each stretch between two points where
/// the running sum falls to zero contributes its best prefix.
pub fn regions(scores: &[f32], share: f32) -> Vec<(usize, usize)> {
    let mut runs: Vec<(f32, usize, usize)> = Vec::new();
    let mut sum = 0.0f32;
    let mut start = 0usize;
    let mut best = (0.0f32, 0usize, 0usize);
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0.0 {
            if best.0 > 0.0 {
                runs.push(best);
            }
            best = (0.0, i, i);
            sum = 0.0;
            start = i;
        }
        sum += s;
        if sum > best.0 {
            best = (sum, start, i + 1);
        }
    }
    if best.0 > 0.0 {
        runs.push(best);
    }
    let top = runs.iter().map(|r| r.0).fold(0.0f32, f32::max);
    // Where the best run starts (the first of equal ones).
    let top_start = runs.iter().find(|r| r.0 == top).map_or(0, |r| r.1);
    runs.into_iter()
        .filter(|r| {
            let near_above = r.2 <= top_start && top_start - r.2 <= NEAR_ABOVE_LINES;
            r.0 >= top * share * if near_above { NEAR_ABOVE_SHARE } else { 1.0 }
        })
        .map(|r| (r.1, r.2))
        .collect()
}

#[cfg(test)]
mod region_tests {
    use super::best_region;

    #[test]
    fn largest_sum_run() {
        assert_eq!(
            best_region(&[-1.0, 2.0, -0.5, 3.0, -4.0, 1.0]),
            Some((1, 4))
        );
        assert_eq!(best_region(&[-1.0, -2.0]), None);
        assert_eq!(best_region(&[]), None);
    }

    #[test]
    fn several_regions() {
        use super::regions;
        let s = [5.0, -10.0, 2.0, -10.0, 4.0, 1.0];
        assert_eq!(regions(&s, 0.5), vec![(0, 1), (4, 6)]);
        assert_eq!(regions(&s, 0.1), vec![(0, 1), (2, 3), (4, 6)]);
    }

    /// A run right above the best one counts from half the share (an
    /// introduction over a table of contents); the same run further up,
    /// or below the best one, needs the whole share.
    #[test]
    fn run_right_above_the_best_needs_half_the_share() {
        use super::{regions, NEAR_ABOVE_LINES};
        let mut s = vec![3.0, -4.0];
        s.resize(s.len() + 4, -0.1);
        s.push(20.0);
        // 3 is 0.15 of 20: kept at share 0.2 right above the best run.
        assert_eq!(regions(&s, 0.2), vec![(0, 1), (6, 7)]);
        // Far above it, or below it, a run of 3 is not kept.
        let mut far = vec![3.0, -4.0];
        far.resize(far.len() + NEAR_ABOVE_LINES + 1, -0.1);
        far.push(20.0);
        assert_eq!(
            regions(&far, 0.2),
            vec![(NEAR_ABOVE_LINES + 3, NEAR_ABOVE_LINES + 4)]
        );
        let below = [20.0, -21.0, 3.0];
        assert_eq!(regions(&below, 0.2), vec![(0, 1)]);
    }
}
