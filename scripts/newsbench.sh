#!/usr/bin/env bash
# dechrome on news pages it was never tuned on, dumped by four converters.
#   scripts/newsbench.sh [--mode M] [CHECKOUT]
# CHECKOUT: a clone of github.com/scrapinghub/article-extraction-benchmark
# (cloned into target/newsbench/aeb when not given). Builds the release
# binary, converts the 181 pages once (a venv in target/newsbench/venv with
# resiliparse, inscriptis, html2text, beautifulsoup4, html-text; lynx and w3m dumps
# too when those browsers are installed), then scores dechrome
# and the identity (`cat`) on each converter's dumps with the dev corpus's
# score.py. Prints one row per converter.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=balanced
if [ "${1:-}" = --mode ]; then mode=$2; shift 2; fi
work=target/newsbench
checkout=${1:-$work/aeb}
score=../shared/dev-corpus/score.py
[ -f "$score" ] || { echo "newsbench: no scorer at $score" >&2; exit 2; }
mkdir -p "$work"
if [ ! -f "$checkout/ground-truth.json" ]; then
    [ -n "${1:-}" ] && { echo "newsbench: $checkout: no ground-truth.json" >&2; exit 2; }
    git clone --quiet --depth 1 https://github.com/scrapinghub/article-extraction-benchmark "$checkout"
fi
[ -x "$work/venv/bin/python" ] || python3 -m venv "$work/venv"
"$work/venv/bin/python" -c "import resiliparse, inscriptis, html2text, bs4, lxml, html_text" 2>/dev/null ||
    "$work/venv/bin/pip" install --quiet resiliparse inscriptis html2text beautifulsoup4 lxml html-text
# Converted again when a converter's dumps are missing (a browser installed since).
missing=0
for conv in resiliparse inscriptis html2text bs4 html_text lynx w3m; do
    case $conv in lynx|w3m) command -v "$conv" >/dev/null || continue ;; esac
    [ -d "$work/pages/in-$conv" ] || missing=1
done
[ -d "$work/pages/gold" ] && [ "$missing" = 0 ] || "$work/venv/bin/python" scripts/newsbench.py "$checkout" "$work/pages"
cargo build --release --quiet --bin dechrome
printf '%-12s %-9s %6s %6s %6s %5s %7s\n' converter cleaner P R F1 lost sh4-F1
for conv in resiliparse inscriptis html2text bs4 html_text lynx w3m; do
    [ -d "$work/pages/in-$conv" ] || continue
    for cleaner in dechrome cat; do
        cmd="target/release/dechrome --mode $mode"
        [ "$cleaner" = cat ] && cmd=cat
        python3 "$score" --cmd "$cmd" -j 2 --inputs "$work/pages/in-$conv" --gold "$work/pages/gold" \
            | awk -v c="$conv" -v k="$cleaner" '$1 == "news" { printf "%-12s %-9s %6s %6s %6s %5s %7s\n", c, k, $3, $4, $5, $6, $9 }'
    done
done
