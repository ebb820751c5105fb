//! The fast path against the reference pipeline (`CleanerBuilder::reference`,
//! no shortcuts): the first input byte picks the mode, the rest is the page.
//! Both must give every line the same decision and detect the same language.
#![no_main]

use std::sync::OnceLock;

use dechrome::{Cleaner, CleanerBuilder, Mode};
use libfuzzer_sys::fuzz_target;

const MODES: [Mode; 3] = [Mode::Precision, Mode::Balanced, Mode::Recall];

/// (fast, reference) cleaners, built on first use, one pair per mode.
fn pair(mode: usize) -> &'static (Cleaner, Cleaner) {
    static C: [OnceLock<(Cleaner, Cleaner)>; 3] = [const { OnceLock::new() }; 3];
    C[mode].get_or_init(|| {
        let build = |reference| {
            CleanerBuilder::new()
                .mode(MODES[mode])
                .reference(reference)
                .build()
                .expect("built-in tables are valid")
        };
        (build(false), build(true))
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, page)) = data.split_first() else {
        return;
    };
    let (fast, slow) = pair(sel as usize % MODES.len());
    let (a, b) = (fast.clean(page), slow.clean(page));
    assert_eq!(a.language(), b.language());
    for ((line, x), (_, y)) in a.decisions().zip(b.decisions()) {
        assert_eq!(x, y, "line {:?}", String::from_utf8_lossy(line));
    }
    assert_eq!(a.lines().len(), b.lines().len());
});
