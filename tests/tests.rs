//! Integration tests (one binary: `cargo test --test integration`).

mod cli;
mod cli_pipeline;
mod golden;
mod props;
mod rules;
