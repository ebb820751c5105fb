#!/usr/bin/env python3
"""A third, unseen test set: trafilatura's evaluation pages, many of them not
in English, checked by snippets.

    python3 scripts/trafbench.py convert CHECKOUT OUT
    python3 scripts/trafbench.py score [--by-language] [--even|--odd] OUT DUMPS [CLEANED]

CHECKOUT is a clone of github.com/adbar/trafilatura. Its tests/evaldata.json
lists about a thousand web pages (news, blogs, shops, institutions; German,
English, French and others), each with a few snippets of its main text that
an extractor must keep ("with") and a few of its boilerplate that it must
drop ("without"); the pages are tests/eval/*.html and tests/cache/*.html.

`convert` turns each page into a text dump with the converters of
scripts/newsbench.py (resiliparse, which made the dev corpus, inscriptis,
html2text, and the text-mode browsers lynx and w3m when installed), written as OUT/in-CONVERTER/NNNN.txt, and the snippets as
OUT/snippets.json.

`score` reads the dumps (DUMPS, the identity) or the cleaned files
(CLEANED, same file names) and counts, as trafilatura's own evaluation
does: a "with" snippet found is a true positive, missed a false negative; a
"without" snippet found is a false positive, absent a true negative.
Whitespace is collapsed on both sides before matching. Prints precision,
recall, F1 and accuracy over all snippets, or with --by-language one row
per language of the page (told from its dump by script and common words).
--even and --odd score only the even- or odd-numbered pages: a rule found
by reading one half is checked on the other.

Nothing of the benchmark is copied into the repository: it is read from the
checkout and written under OUT.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsbench import tidy  # noqa: E402

# lynx and w3m (text-mode browsers that wrap paragraphs at a fixed width)
# only when installed, as in newsbench.
CONVERTERS = ("resiliparse", "inscriptis", "html2text", "lynx", "w3m")


def decode(raw: bytes) -> str:
    """The page's text, in its declared or detected encoding."""
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding

    return bytes_to_str(raw, detect_encoding(raw))


def convert(checkout: Path, out: Path) -> None:
    from newsbench import converters

    convs = {k: v for k, v in converters().items() if k in CONVERTERS}
    data = json.loads((checkout / "tests/evaldata.json").read_text(encoding="utf-8"))
    snippets = {}
    for d in convs:
        (out / f"in-{d}").mkdir(parents=True, exist_ok=True)
    n = 0
    for url, item in sorted(data.items()):
        page = next(
            (p for p in (checkout / "tests/eval" / item["file"], checkout / "tests/cache" / item["file"]) if p.exists()),
            None,
        )
        if page is None:
            continue
        html = decode(page.read_bytes())
        name = f"{n:04d}"
        for conv, f in convs.items():
            try:
                text = tidy(f(html))
            except Exception as e:  # a converter that fails on a page leaves it empty
                print(f"{conv}: {item['file']}: {e}", file=sys.stderr)
                text = ""
            (out / f"in-{conv}" / f"{name}.txt").write_text(text, encoding="utf-8")
        snippets[name] = {"url": url, "with": item.get("with", []), "without": item.get("without", [])}
        n += 1
    (out / "snippets.json").write_text(json.dumps(snippets, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{n} pages converted into {out}")


def squeeze(s: str) -> str:
    return " ".join(s.split())


# A few of each language's most common words: enough to tell the page's
# language from its whole dump, for the per-language rows.
STOPWORDS = {
    "en": "the and of to in is that for with was on are this by",
    "de": "der die und das ist nicht mit den sich auf dem ein eine zu",
    "fr": "le la les et des est une dans pour que qui pas sur du",
    "es": "el la los las y que del en por una con para es se",
    "pt": "o os as um uma não em do da dos das com para mais",
    "it": "il di che la per non una sono con della gli le nel",
    "pl": "i w na nie z do jest się że to jak po przez oraz",
    "ru": "и в не на что с по это как из для но от",
}


STOPWORD_SETS = {lang: set(ws.split()) for lang, ws in STOPWORDS.items()}


def language(text: str) -> str:
    """The language of a dump: Chinese or Japanese by script, else the
    language whose common words it holds most."""
    kana = sum(1 for c in text if "\u3040" <= c <= "\u30ff")
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    if kana > 50:
        return "ja"
    if han > 200:
        return "zh"
    words = text.lower().split()
    counts = {lang: sum(1 for w in words if w in ws) for lang, ws in STOPWORD_SETS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] >= 10 else "other"


def row(pages: int, tp: int, fn: int, fp: int, tn: int) -> str:
    p = tp / max(tp + fp, 1)
    r = tp / max(tp + fn, 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = (tp + tn) / max(tp + tn + fp + fn, 1)
    return f"{pages:4d} pages  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  accuracy {acc:.3f}"


def score(out: Path, dumps: Path, cleaned: Path | None, by_language: bool, half: str | None) -> None:
    snippets = json.loads((out / "snippets.json").read_text(encoding="utf-8"))
    counts: dict[str, list[int]] = {}
    for name, s in snippets.items():
        if half is not None and int(name) % 2 != (half == "odd"):
            continue
        dump = dumps / f"{name}.txt"
        src = (cleaned or dumps) / f"{name}.txt"
        text = squeeze(src.read_text(encoding="utf-8", errors="replace")) if src.exists() else ""
        lang = language(dump.read_text(encoding="utf-8", errors="replace")) if by_language and dump.exists() else "all"
        c = counts.setdefault(lang, [0, 0, 0, 0, 0])
        c[0] += 1
        for w in s["with"]:
            c[1 if squeeze(w) in text else 2] += 1
        for w in s["without"]:
            c[3 if squeeze(w) in text else 4] += 1
    total = [sum(c[i] for c in counts.values()) for i in range(5)]
    if by_language:
        for lang, c in sorted(counts.items(), key=lambda kv: -kv[1][0]):
            print(f"{lang:5s} {row(*c)}")
    else:
        print(row(*total))


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[1] == "convert":
        convert(Path(argv[2]), Path(argv[3]))
    elif len(argv) >= 4 and argv[1] == "score":
        flags = [a for a in argv[2:] if a.startswith("--")]
        args = [a for a in argv[2:] if not a.startswith("--")]
        unknown = [f for f in flags if f not in ("--by-language", "--even", "--odd")]
        if unknown or ("--even" in flags and "--odd" in flags) or len(args) not in (2, 3):
            print(f"trafbench: bad arguments {' '.join(unknown)}".rstrip(), file=sys.stderr)
            print(__doc__, file=sys.stderr)
            return 2
        by_language = "--by-language" in flags
        half = "even" if "--even" in flags else "odd" if "--odd" in flags else None
        score(Path(args[0]), Path(args[1]), Path(args[2]) if len(args) == 3 else None, by_language, half)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
