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
