#!/usr/bin/env python3
"""Quality report: where dechrome loses article text and keeps chrome.

    python3 scripts/quality.py [--mode balanced] [--corpus ../shared/dev-corpus] [--worst 20]
                               [--save NAME] [--baseline NAME]

Builds nothing itself (scripts/quality.sh builds first). Cleans every page of
the corpus with target/release/examples/clean_dir, scores the outputs with the
corpus's score.py, then writes target/quality/report-MODE.md with:
  - the per-dataset table (F1, precision, recall, lost pages);
  - the pages that lose the most article text, each with the dropped lines
    that hold gold tokens (and the rule that dropped them) and the kept lines
    that are not in the gold (chrome kept).

The overfitting guard: `--save NAME` keeps the per-dataset figures in
target/quality/NAME-MODE.json; `--baseline NAME` prints each dataset's change
against them and exits 1 when a change helps one dataset but costs another
more than 0.002 F1 or raises its lost pages (tune on one, check the others).
Standard library only.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+")


def tokens(text: str) -> collections.Counter:
    return collections.Counter(WORD.findall(text.lower()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", default="balanced", choices=["precision", "balanced", "recall"])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "dev-corpus"))
    ap.add_argument("--worst", type=int, default=20, help="pages to detail (lowest recall)")
    ap.add_argument("--out", default=str(ROOT / "target" / "quality"))
    ap.add_argument("--save", metavar="NAME", help="keep the per-dataset figures under NAME")
    ap.add_argument("--baseline", metavar="NAME", help="compare with figures saved under NAME")
    args = ap.parse_args()

    corpus = Path(args.corpus)
    if not (corpus / "score.py").exists():
        print(f"quality: no corpus at {corpus} (expected score.py, input/, gold/; give another place with --corpus DIR)", file=sys.stderr)
        return 2
    out = Path(args.out)
    pages = out / f"outputs-{args.mode}"
    out.mkdir(parents=True, exist_ok=True)
    clean_dir = ROOT / "target" / "release" / "examples" / "clean_dir"
    dechrome = ROOT / "target" / "release" / "dechrome"
    subprocess.run([str(clean_dir), str(corpus / "input"), str(pages), args.mode], check=True)
    perdoc = out / f"perdoc-{args.mode}.tsv"
    score = subprocess.run(
        [sys.executable, str(corpus / "score.py"), "--outputs", str(pages), "--per-doc", str(perdoc)],
        check=True, capture_output=True, text=True,
    ).stdout
    table = [l for l in score.splitlines() if l.strip()]

    rows = [l.rstrip("\n").split("\t") for l in perdoc.open(encoding="utf-8")][1:]
    rows.sort(key=lambda r: float(r[2]))
    lines = [f"# dechrome quality report (--mode {args.mode})", "", "```", *table, "```", ""]
    lines += [f"## The {args.worst} pages with the lowest recall", ""]
    for name, p, r, f1, *_ in rows[: args.worst]:
        gold = tokens((corpus / "gold" / f"{name}.txt").read_text(encoding="utf-8", errors="replace"))
        explain = subprocess.run(
            [str(dechrome), "--explain", "--mode", args.mode, str(corpus / "input" / f"{name}.txt")],
            capture_output=True, check=True,
        ).stdout.decode("utf-8", "replace")
        kept, dropped = [], []
        for row in explain.splitlines():
            cols = row.split("\t", 3)
            if len(cols) == 4:
                (kept if cols[0] == "keep" else dropped).append((cols[2], cols[3]))
        remaining = gold.copy()
        chrome_kept = []
        for rule, text in kept:
            t = tokens(text)
            overlap = t & remaining
            remaining -= overlap
            if sum(t.values()) and sum(overlap.values()) < 0.4 * sum(t.values()):
                chrome_kept.append((rule, text))
        lost = []
        for rule, text in dropped:
            t = tokens(text)
            overlap = t & remaining
            if sum(t.values()) and sum(overlap.values()) >= max(2, 0.6 * sum(t.values())):
                remaining -= overlap
                lost.append((rule, text))
        lines += [f"### {name}: P {p} R {r} F1 {f1}", ""]
        lines += ["Lines lost (dropped, but their words are in the gold):", ""]
        lines += [f"- `{rule}` {text[:160]}" for rule, text in lost[:25]] or ["- (none found line by line)"]
        lines += ["", "Chrome kept (kept, but not in the gold):", ""]
        lines += [f"- `{rule}` {text[:160]}" for rule, text in chrome_kept[:15]] or ["- (none)"]
        lines.append("")
    report = out / f"report-{args.mode}.md"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(table))
    print(f"report: {os.path.relpath(report)}")
    figures = parse_table(table)
    status = 0
    if args.baseline:
        base = json.loads((out / f"{args.baseline}-{args.mode}.json").read_text(encoding="utf-8"))
        status = compare(base, figures)
    if args.save:
        (out / f"{args.save}-{args.mode}.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return status


# A dataset may lose this much F1 to a change that helps the others.
NOISE = 0.002


def parse_table(table: list[str]) -> dict:
    """{dataset: {"f1": .., "p": .., "r": .., "lost": ..}} from score.py's table."""
    figures = {}
    for line in table:
        cols = line.split()
        if len(cols) >= 6 and cols[1].isdigit():
            figures[cols[0]] = {"p": float(cols[2]), "r": float(cols[3]), "f1": float(cols[4]), "lost": int(cols[5])}
    return figures


def compare(base: dict, now: dict) -> int:
    """Prints the change per dataset; 1 when one dataset pays for another."""
    print("change against the baseline:")
    worse, better = [], []
    for name in sorted(now):
        if name not in base:
            continue
        b, n = base[name], now[name]
        d_f1, d_lost = n["f1"] - b["f1"], n["lost"] - b["lost"]
        print(f"  {name:12} F1 {b['f1']:.3f} -> {n['f1']:.3f} ({d_f1:+.3f})  lost {b['lost']} -> {n['lost']} ({d_lost:+d})")
        if name == "ALL":
            continue
        if d_f1 < -NOISE or d_lost > 0:
            worse.append(name)
        if d_f1 > NOISE or d_lost < 0:
            better.append(name)
    if worse and better:
        print(f"overfitting guard: helps {', '.join(better)} but costs {', '.join(worse)}: not kept")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
