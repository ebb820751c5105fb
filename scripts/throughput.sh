#!/usr/bin/env bash
# Side-by-side throughput on the same bytes, in one run:
#   dechrome -j 1, dechrome -j 2, cat, and grep -v -F -f (60 common chrome
#   phrases, scripts/grep-phrases.txt), on two inputs built from the dev corpus:
#   stream      all pages concatenated (repeated to >= 50 MB), fed on stdin;
#   many files  the pages as separate files, the list repeated to >= 50 MB.
# Prints MB/s per tool and the ratios to cat and grep. Output goes to a file,
# not /dev/null (GNU grep stops early when its output is /dev/null).
#   scripts/throughput.sh [CORPUS_INPUT_DIR]
# CORPUS_INPUT_DIR is taken relative to the current directory; the default
# is ../shared/dev-corpus/input beside the repository. THROUGHPUT_DRY_RUN=1
# prints the corpus directory it would use and stops.
set -euo pipefail
if [ $# -ge 1 ]; then
  case $1 in
    /*) input=$1 ;;
    *) input=$PWD/$1 ;;
  esac
  [ -d "$input" ] || { echo "throughput: no corpus directory at $1" >&2; exit 2; }
fi
cd "$(dirname "$0")/.."
input=${input:-$PWD/../shared/dev-corpus/input}
[ -d "$input" ] || { echo "throughput: no corpus directory at $input" >&2; exit 2; }
if [ -n "${THROUGHPUT_DRY_RUN:-}" ]; then echo "corpus: $input"; exit 0; fi
# The shipped build (fat LTO, one codegen unit; see Cargo.toml).
cargo build --profile release-lto --quiet --bin dechrome
bin=target/release-lto/dechrome
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The stream: the corpus concatenated until it is at least 50 MB.
find "$input" -name '*.txt' | sort > "$work/pages"
one=$(cat "$work/pages" | xargs cat | wc -c)
reps=$(( (50000000 + one - 1) / one ))
for _ in $(seq "$reps"); do xargs cat < "$work/pages"; done > "$work/stream.txt"
stream_bytes=$(wc -c < "$work/stream.txt")
# Many files: the page list repeated to the same size.
for _ in $(seq "$reps"); do cat "$work/pages"; done > "$work/list"
files_bytes=$(( one * reps ))

# time_it NAME BYTES CMD...: best of 3 wall-clock runs, prints MB/s.
declare -A rate
time_it() {
  local name=$1 bytes=$2; shift 2
  local best=999999
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" > "$work/out"
    t1=$(date +%s.%N)
    best=$(python3 -c "print(min($best, $t1 - $t0))")
  done
  rate[$name]=$(python3 -c "print(round($bytes / $best / 1e6, 1))")
  printf '  %-28s %10s MB/s\n' "$name" "${rate[$name]}"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "stream: $(( stream_bytes / 1000000 )) MB on stdin"
time_it "stream dechrome -j 1" "$stream_bytes" sh -c "$bin -j 1 < '$work/stream.txt'"
time_it "stream dechrome -j 2" "$stream_bytes" sh -c "$bin -j 2 < '$work/stream.txt'"
time_it "stream cat" "$stream_bytes" sh -c "cat < '$work/stream.txt'"
time_it "stream grep -v -F -f" "$stream_bytes" sh -c "grep -v -F -f scripts/grep-phrases.txt < '$work/stream.txt'"
echo "many files: $(wc -l < "$work/list") files, $(( files_bytes / 1000000 )) MB"
time_it "files dechrome -j 1" "$files_bytes" sh -c "xargs $bin -j 1 < '$work/list'"
time_it "files dechrome -j 2" "$files_bytes" sh -c "xargs $bin -j 2 < '$work/list'"
time_it "files cat" "$files_bytes" sh -c "xargs cat < '$work/list'"
time_it "files grep -v -F -f" "$files_bytes" sh -c "xargs grep -h -v -F -f scripts/grep-phrases.txt < '$work/list'"
ratio() { python3 -c "print(round(${rate[$1]} / ${rate[$2]}, 2))"; }
echo "ratios:"
echo "  stream  dechrome-j1 / grep: $(ratio 'stream dechrome -j 1' 'stream grep -v -F -f')   / cat: $(ratio 'stream dechrome -j 1' 'stream cat')"
echo "  files   dechrome-j1 / cat:  $(ratio 'files dechrome -j 1' 'files cat')   j2 / j1: $(ratio 'files dechrome -j 2' 'files dechrome -j 1')"
