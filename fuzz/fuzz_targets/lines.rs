//! The line splitter (`dechrome::lines::split`) against the naive reference
//! in `common.rs`, and `lines::trim` leaves every line as it is.
#![no_main]

use dechrome::lines::{self, Line};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let mut got: Vec<Line> = Vec::new();
    lines::split(data, &mut got);
    let spans: Vec<(usize, usize, usize)> =
        got.iter().map(|l| (l.start, l.end, l.number)).collect();
    assert_eq!(spans, common::naive_lines(data));
    for l in &got {
        assert!(!l.is_empty());
        assert_eq!(
            lines::trim(data, l.start, l.end),
            (l.start, l.end),
            "trim is not idempotent"
        );
    }
});
