"""Page clutter: the lines of a saved page that are not the article.

HTML pages are read with trafilatura (a maintained article extractor; it combines its own
rules with jusText's boilerplate classifier): visible text it leaves out of the article is
clutter, and its title is the document's title. Plain text has no markup to learn from, so its
clutter is found by the patterns in `lexicons/furniture.yaml` (polls, "click here", video blurbs,
"Continued ...", bylines, datelines, share boxes). jusText run line by line on plain text was
measured and rejected: on the tune events it removed 97 of 448 lines of one event, nearly all real
sentences (README, "Page clutter"). Every removal is a RemovedSpan with its reason.
"""

from __future__ import annotations

import re

from checker.lexicons import lexicon_cache, load_lexicon
from checker.normalize import normalize
from checker.records import Line, RemovedSpan

NOT_IN_ARTICLE = "page clutter (not in the article trafilatura extracts)"


def html_article(page: str) -> tuple[str | None, set[str]]:
    """(title, normalised article lines) that trafilatura extracts from an HTML page."""
    import trafilatura  # lxml-based and slow to import; only HTML input needs it

    document = trafilatura.bare_extraction(page, with_metadata=True, favor_recall=True)
    if document is None:
        return None, set()
    text = document.text or ""
    return document.title or None, {normalize(line) for line in text.splitlines() if line.strip()}


@lexicon_cache
def _furniture_patterns() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(entry["pattern"], 0 if entry.get("case_sensitive") else re.IGNORECASE), entry["reason"])
        for entry in load_lexicon("furniture")
    ]


def clutter_spans(lines: list[Line], article_lines: set[str] | None) -> list[RemovedSpan]:
    """Lines that are page clutter: outside trafilatura's article (HTML), or matching a pattern."""
    spans = []
    for line in lines:
        if article_lines and normalize(line.text) not in article_lines:
            spans.append(RemovedSpan(line.start, line.end, NOT_IN_ARTICLE))
            continue
        for pattern, reason in _furniture_patterns():
            if pattern.search(line.text):
                spans.append(RemovedSpan(line.start, line.end, reason))
                break
    return spans
