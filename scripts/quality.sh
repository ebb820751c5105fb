#!/usr/bin/env bash
# Build the release binary, score it on the dev corpus, write the report.
#   scripts/quality.sh [--mode precision|balanced|recall] [--worst N] [--corpus DIR]
# Output: the per-dataset table on stdout, details in target/quality/report-MODE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --bin dechrome --example clean_dir
python3 scripts/quality.py "$@"
