"""One text key for "the same text": claim ids, copy folding, name anchors, page-clutter lines and
review finding ids all fold text this way, so they agree on what counts as the same sentence.
Imports nothing of ours (corpus, clutter and claims all use it)."""

from __future__ import annotations

import re
import unicodedata


def normalize(text: str) -> str:
    """Case, accents, punctuation and spacing folded: what makes two sentences 'the same text'."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", folded))


# Opening quote mark -> the marks that may close it (German „…“ and „…”, »…«, «…», “…”, ”…”, "…",
# Chinese and Japanese 「…」 and 『…』).
QUOTE_PAIRS = {"„": "“”", "»": "«", "«": "»", "“": "”", "”": "”", '"': '"', "「": "」", "『": "』"}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, marks included; an unclosed mark opens no quotation."""
    spans = []
    i = 0
    while i < len(text):
        closers = QUOTE_PAIRS.get(text[i])
        if closers:
            close = min((p for p in (text.find(c, i + 1) for c in closers) if p >= 0), default=-1)
            if close > i:
                spans.append((i, close + 1))
                i = close + 1
                continue
        i += 1
    return spans
