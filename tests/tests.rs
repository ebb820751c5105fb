//! Integration tests (one binary: `cargo test --test integration`).

mod bad_inputs;
mod cli;
mod cli_pipeline;
mod golden;
mod props;
mod rules;
mod util;
