//! Integration tests (one binary: `cargo test --test integration`).

mod cli;
mod golden;
mod props;
mod rules;
