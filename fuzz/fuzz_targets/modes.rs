//! Every mode (`CleanerBuilder::mode`), with the language detected or
//! fixed: the first input byte picks the language (0 = detect, k = the
//! (k-1)-th of `Lang::ALL`, modulo), the rest is the page, cleaned in all
//! three modes. Each cleaning must pass the checks of `common.rs`, and a
//! fixed language must be the one reported.
#![no_main]

use std::sync::OnceLock;

use dechrome::{Cleaner, CleanerBuilder, Lang, Mode};
use libfuzzer_sys::fuzz_target;

mod common;

const MODES: [Mode; 3] = [Mode::Precision, Mode::Balanced, Mode::Recall];
const SLOTS: usize = Lang::ALL.len() + 1;

/// Cleaners are built on first use, one per (language slot, mode).
fn cleaner(slot: usize, mode: usize) -> &'static Cleaner {
    static C: [[OnceLock<Cleaner>; 3]; SLOTS] = [const { [const { OnceLock::new() }; 3] }; SLOTS];
    C[slot][mode].get_or_init(|| {
        let lang = slot.checked_sub(1).map(|i| Lang::ALL[i]);
        CleanerBuilder::new()
            .mode(MODES[mode])
            .language(lang)
            .build()
            .expect("built-in tables are valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, page)) = data.split_first() else {
        return;
    };
    let slot = sel as usize % SLOTS;
    for mode in 0..MODES.len() {
        let c = cleaner(slot, mode);
        common::check(c, page);
        if slot > 0 {
            assert_eq!(c.clean(page).language(), Lang::ALL[slot - 1]);
        }
    }
});
