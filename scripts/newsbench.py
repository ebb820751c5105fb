#!/usr/bin/env python3
"""A second, unseen test set: news pages converted by other converters.

    python3 scripts/newsbench.py CHECKOUT OUT

CHECKOUT is a clone of github.com/scrapinghub/article-extraction-benchmark
(181 news pages as html/*.html.gz, their article text in ground-truth.json).
Each page is converted to a text dump by several widely used HTML-to-text
converters (resiliparse, which made the dev corpus, four others, and the
text-mode browsers lynx and w3m when installed, which wrap paragraphs at a
fixed width), the
dumps written as OUT/in-CONVERTER/news-NNN.txt and the article text as
OUT/gold/news-NNN.txt, the same layout as the dev corpus, so the dev corpus's
score.py scores any cleaner on them (--inputs, --gold).

Nothing of the benchmark is copied into the repository: it is read from the
checkout and written under OUT. Needs: pip install resiliparse inscriptis
html2text beautifulsoup4 lxml html-text (scripts/newsbench.sh makes a venv for them).
"""
from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from pathlib import Path


def tidy(text: str) -> str:
    """Trailing spaces removed, runs of blank lines collapsed to one (as the
    dev corpus's dumps)."""
    out: list[str] = []
    blank = False
    for line in text.replace("\r\n", "\n").split("\n"):
        line = line.rstrip()
        if not line.strip():
            blank = True
            continue
        if blank and out:
            out.append("")
        out.append(line)
        blank = False
    return "\n".join(out) + "\n"


def converters():
    from bs4 import BeautifulSoup
    import html2text
    import html_text
    import inscriptis
    from resiliparse.extract.html2text import extract_plain_text

    def resiliparse(h: str) -> str:
        # The dev corpus's own settings (its README).
        return extract_plain_text(h, main_content=False, preserve_formatting=True, list_bullets=False,
                                  alt_texts=False, links=False, form_fields=False, noscript=False)

    def html2text_(h: str) -> str:
        c = html2text.HTML2Text()
        c.ignore_links = c.ignore_images = c.ignore_emphasis = True
        c.body_width = 0
        return c.handle(h)

    def bs4(h: str) -> str:
        soup = BeautifulSoup(h, "lxml")
        for t in soup(["script", "style", "noscript", "template"]):
            t.decompose()
        return soup.get_text("\n")

    def browser(argv):
        """A text-mode browser's dump (paragraphs wrapped at its default
        width), through stdin."""
        def run(h: str) -> str:
            out = subprocess.run(argv, input=h.encode("utf-8", "surrogateescape"),
                                 capture_output=True, timeout=120, check=True)
            return out.stdout.decode("utf-8", "replace")
        return run

    convs = {"resiliparse": resiliparse, "inscriptis": inscriptis.get_text,
             "html2text": html2text_, "bs4": bs4, "html_text": html_text.extract_text}
    browsers = {"lynx": ["lynx", "-dump", "-nolist", "-assume_charset=utf-8", "-display_charset=utf-8", "-stdin"],
                "w3m": ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"]}
    for name, argv in browsers.items():
        if shutil.which(argv[0]):
            convs[name] = browser(argv)
        else:
            print(f"newsbench: {argv[0]} not found, its dumps are skipped (apt-get install {argv[0]})",
                  file=sys.stderr)
    return convs


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    checkout, out = Path(sys.argv[1]), Path(sys.argv[2])
    truth = checkout / "ground-truth.json"
    if not truth.exists():
        print(f"newsbench: {truth}: not found (is {checkout} a clone of the benchmark?)", file=sys.stderr)
        return 2
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    convs = converters()
    (out / "gold").mkdir(parents=True, exist_ok=True)
    for name in convs:
        (out / f"in-{name}").mkdir(exist_ok=True)
    pages = sorted(json.loads(truth.read_text(encoding="utf-8")).items())
    for i, (key, page) in enumerate(pages):
        raw = gzip.open(checkout / "html" / f"{key}.html.gz").read()
        html = bytes_to_str(raw, detect_encoding(raw))
        doc = f"news-{i:03d}.txt"
        (out / "gold" / doc).write_text(page["articleBody"], encoding="utf-8")
        for name, conv in convs.items():
            try:
                text = conv(html)
            except Exception as e:  # a converter that fails on a page gives an empty dump
                print(f"newsbench: {key}: {name}: {e}", file=sys.stderr)
                text = ""
            (out / f"in-{name}" / doc).write_text(tidy(text), encoding="utf-8", errors="surrogateescape")
    print(f"newsbench: {len(pages)} pages x {len(convs)} converters under {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
