//! Arbitrary bytes through the default cleaner: `clean`, `render`,
//! `render_into`, `write_explain`, then the output cleaned again. Panics,
//! hangs and any output line that is not a trimmed input line (in input
//! order) are failures; see `common.rs` for the checks.
#![no_main]

use std::sync::OnceLock;

use dechrome::Cleaner;
use libfuzzer_sys::fuzz_target;

mod common;

fn cleaner() -> &'static Cleaner {
    static C: OnceLock<Cleaner> = OnceLock::new();
    C.get_or_init(Cleaner::new)
}

fuzz_target!(|data: &[u8]| {
    common::check_twice(cleaner(), data);
});
