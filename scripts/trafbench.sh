#!/usr/bin/env bash
# dechrome on trafilatura's evaluation pages (990 web pages, many not in
# English), scored by its snippets the way trafilatura's benchmark does.
#   scripts/trafbench.sh [--mode M] [CHECKOUT]
# CHECKOUT: a clone of github.com/adbar/trafilatura (cloned into
# target/trafbench/traf at the commit the README's figures were measured on,
# e90b0ef51ab0, when not given: the pages are numbered by sorted URL, so
# another page set would move the even/odd halves). Uses the venv of scripts/newsbench.sh
# (made here if missing), converts the pages once with resiliparse,
# inscriptis and html2text (and lynx and w3m when installed, `apt-get
# install lynx w3m`; remove target/trafbench/pages to convert again), then scores dechrome and the identity (`cat`) on
# each converter's dumps. Prints one row per converter and cleaner.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=balanced
if [ "${1:-}" = --mode ]; then mode=$2; shift 2; fi
work=target/trafbench
venv=target/newsbench/venv
checkout=${1:-$work/traf}
mkdir -p "$work"
if [ ! -f "$checkout/tests/evaldata.json" ]; then
    [ -n "${1:-}" ] && { echo "trafbench: $checkout: no tests/evaldata.json" >&2; exit 2; }
    git init --quiet "$checkout"
    git -C "$checkout" fetch --quiet --depth 1 https://github.com/adbar/trafilatura e90b0ef51ab026fdb905fb6c5b3c84dd3d784fd5
    git -C "$checkout" checkout --quiet FETCH_HEAD
fi
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import resiliparse, inscriptis, html2text, bs4, lxml, html_text" 2>/dev/null ||
    "$venv/bin/pip" install --quiet resiliparse inscriptis html2text beautifulsoup4 lxml html-text
[ -f "$work/pages/snippets.json" ] || "$venv/bin/python" scripts/trafbench.py convert "$checkout" "$work/pages"
cargo build --release --quiet --bin dechrome
printf '%-12s %-9s %s\n' converter cleaner score
for conv in resiliparse inscriptis html2text lynx w3m; do
    dumps=$work/pages/in-$conv
    [ -d "$dumps" ] || continue
    out=$work/out-$conv
    rm -rf "$out"
    target/release/dechrome --quiet --mode "$mode" -o "$out" "$dumps"/
    printf '%-12s %-9s %s\n' "$conv" dechrome "$(python3 scripts/trafbench.py score "$work/pages" "$dumps" "$out")"
    printf '%-12s %-9s %s\n' "$conv" cat "$(python3 scripts/trafbench.py score "$work/pages" "$dumps")"
done
