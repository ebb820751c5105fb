#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/, each for a given time, one after the
# other on one core, and prints what each did.
#
# Usage:
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
#   SECONDS   time per target (default 60)
#   TARGET    targets to run (default: every target, `cargo fuzz list`)
#
# Examples:
#   scripts/fuzz.sh                  # every target, 60 s each
#   scripts/fuzz.sh 600 clean        # the `clean` target for 10 minutes
#   scripts/fuzz.sh 30 clean modes
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a C++ compiler. On a
# stable toolchain RUSTC_BOOTSTRAP=1 is set, since cargo fuzz uses nightly
# flags. Before each run the fixtures (fixtures/*.txt) are copied into
# fuzz/corpus/TARGET/ as seeds; the corpus grows there between runs (not
# committed, see fuzz/.gitignore). A crash, a failed check or an input that
# takes longer than FUZZ_TIMEOUT seconds (default 10: a hang) is saved under
# fuzz/artifacts/TARGET/; turn it into a regression test in
# tests/bad_inputs.rs. Logs go to fuzz/logs/TARGET.log.
#
# The only `unsafe` in src/ is SSE2 loads and compares on slices whose
# bounds are checked first, and one `mallopt` call in the CLI's `main`
# (not reached by the targets), so the targets are built without a
# sanitizer (`-s none`), which runs several times faster; they are built
# with debug assertions and overflow checks (`-a`).
#
# Exit status: 0 no target failed; 1 some target found a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-60}
shift || true
timeout_s=${FUZZ_TIMEOUT:-10}

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "fuzz.sh: cargo-fuzz not found: cargo install cargo-fuzz" >&2
  exit 1
fi
if ! rustc --version | grep -q nightly; then
  export RUSTC_BOOTSTRAP=1
fi

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo fuzz list)
fi

build_flags=(-O -a -s none)
# Build first, so that the time below is fuzzing time only.
cargo fuzz build "${build_flags[@]}"

# A fixture as one JSONL record for the jsonl target (see its first byte).
jsonl_seed() {
  printf '0{"id": "%s", "meta": {"n": 1.50e3, "tags": [null, true]}, "text": "' "$(basename "$1")"
  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/\t/\\t/g' -e 's/\r/\\r/g' "$1" |
    awk '{ printf "%s\\n", $0 }'
  printf '"}'
}

mkdir -p fuzz/logs
failed=0
summary=()
for t in "${targets[@]}"; do
  corpus=fuzz/corpus/$t
  mkdir -p "$corpus"
  for f in fixtures/*.txt; do
    if [ "$t" = jsonl ]; then
      # One record per fixture: the selector byte `0` (the `text` path),
      # then {"id": ..., "text": "<the page as a JSON string>", ...}.
      jsonl_seed "$f" >"$corpus/seed-$(basename "$f" .txt).jsonl"
    else
      [ -e "$corpus/seed-$(basename "$f")" ] || cp "$f" "$corpus/seed-$(basename "$f")"
    fi
  done
  log=fuzz/logs/$t.log
  echo "fuzz.sh: $t for ${secs}s (log: $log)" >&2
  start=$(date +%s)
  status=0
  cargo fuzz run "${build_flags[@]}" "$t" "$corpus" -- \
    -max_total_time="$secs" -timeout="$timeout_s" -rss_limit_mb=2048 \
    -max_len=16384 -dict=fuzz/clean.dict -print_final_stats=1 >"$log" 2>&1 || status=$?
  elapsed=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  crashes=$(find "fuzz/artifacts/$t" -type f 2>/dev/null | wc -l)
  if [ "$status" -ne 0 ]; then
    failed=1
    echo "fuzz.sh: $t FAILED (exit $status), see $log and fuzz/artifacts/$t/" >&2
  fi
  summary+=("$(printf '%-8s %6ss %12s execs  exit %-3s artifacts %s' \
    "$t" "$elapsed" "${execs:-?}" "$status" "$crashes")")
done

echo "fuzz.sh: done"
printf '%s\n' "${summary[@]}"
exit "$failed"
