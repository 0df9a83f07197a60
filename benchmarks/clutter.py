"""Lists every line the corpus stage removes as page clutter, per file, for reading.

    python benchmarks/clutter.py ../shared/corpora/athens-bank-firebomb-2010 [...]

Prints one line per removal (file, reason, text) and a count per folder: whether each removal is
real clutter or a real claim is decided by reading (README, "Page clutter").
"""

from __future__ import annotations

import sys
from pathlib import Path

from checker.corpus import read_corpus


def main(folders: list[str]) -> None:
    for folder in folders:
        articles = read_corpus(Path(folder), 5_000_000)
        removed = [(a, r) for a in articles for r in a.removed if r.reason != "heading"]
        for article, span in removed:
            print(f"{article.id}\t{span.reason}\t{article.text[span.start:span.end][:120]!r}")
        lines = sum(len([x for x in a.text.splitlines() if x.strip()]) for a in articles)
        print(f"# {folder}: {len(removed)} of {lines} lines removed as clutter in {len(articles)} files\n")


if __name__ == "__main__":
    main(sys.argv[1:])
