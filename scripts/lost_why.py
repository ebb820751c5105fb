#!/usr/bin/env python3
"""Why are the lost pages (recall < 0.9) lost?

For each lost page of a `scripts/quality.sh` run, asks which dropped lines
would have to come back to reach recall 0.9:

- "gold not in input": not even the whole input reaches 0.9 (the gold holds
  alt text or captions the dump lacks);
- "policy chrome only": restoring the lines dropped as chrome by category
  (credit, legal, banner, social, duplicate, navigation, interface) is
  enough: the gold keeps what the chrome policy strips;
- "list page": none of the above, and most of the gold (over 60% of its
  words) is in lines of fewer than ten words: a link directory, a table
  of contents, a product or event list that the gold keeps whole, with
  little or no prose to tell it from a menu;
- "after the article's end": restoring the lines cut after a detected end
  (comments, lists of other stories, or a false end) is enough;
- "context drops only": restoring the lines the context model judged
  low-content is enough (real losses, or chrome the gold keeps);
- "both needed".

Usage (the explain tables come from the clean_dir example):
    cargo run --release --example clean_dir -- ../shared/dev-corpus/input /tmp/explain balanced explain
    scripts/quality.sh
    python3 scripts/lost_why.py /tmp/explain target/quality/perdoc-balanced.tsv
"""
import argparse
import collections
import csv
import os
import re

TOKEN = re.compile(r"\w+")


def tokens(s):
    return TOKEN.findall(s.lower())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("explain", help="directory of --explain tables, NAME.txt")
    ap.add_argument("perdoc", help="per-page TSV written by scripts/quality.sh")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--gold", default=os.path.join(here, "..", "..", "shared", "dev-corpus", "gold"))
    args = ap.parse_args()

    pages = collections.Counter()
    per_dataset = collections.Counter()
    with open(args.perdoc) as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for row in rows:
        if float(row["R"]) >= 0.9:
            continue
        name = row["name"]
        with open(os.path.join(args.gold, name + ".txt"), errors="replace") as f:
            gold_text = f.read()
        gold = collections.Counter(tokens(gold_text))
        total = sum(gold.values())
        in_short_lines = sum(
            n for n in (len(tokens(line)) for line in gold_text.splitlines()) if n < 10
        )
        with open(os.path.join(args.explain, name + ".txt"), errors="replace") as f:
            # verdict, category, rule, text (which may hold tabs itself)
            table = [line.rstrip("\n").split("\t", 3) for line in f]
        table = [t for t in table if len(t) >= 4]
        kept = collections.Counter()
        everything = collections.Counter()
        for verdict, _, _, text in (t[:4] for t in table):
            everything.update(tokens(text))
            if verdict == "keep":
                kept.update(tokens(text))
        if total == 0 or sum((gold & everything).values()) < 0.9 * total:
            kind = "gold not in input"
        else:
            policy, end, context = (collections.Counter(kept) for _ in range(3))
            for verdict, category, rule, text in (t[:4] for t in table):
                if verdict != "drop":
                    continue
                if category != "low-content":
                    policy.update(tokens(text))
                elif rule in ("after-sign-off", "after-teasers"):
                    end.update(tokens(text))
                else:
                    context.update(tokens(text))
            enough = lambda c: sum((gold & c).values()) >= 0.9 * total
            if enough(policy):
                kind = "policy chrome only"
            elif in_short_lines > 0.6 * total:
                kind = "list page"
            elif enough(end):
                kind = "after the article's end"
            elif enough(context):
                kind = "context drops only"
            else:
                kind = "several kinds"
        pages[kind] += 1
        per_dataset[(name.split("-")[0], kind)] += 1
    print(f"{sum(pages.values())} lost pages")
    for kind, n in pages.most_common():
        by = ", ".join(f"{ds} {c}" for (ds, k), c in sorted(per_dataset.items()) if k == kind)
        print(f"  {n:4d}  {kind:24s} ({by})")


if __name__ == "__main__":
    main()
