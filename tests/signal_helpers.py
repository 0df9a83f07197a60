"""What the signal tests share: two one-claim documents compared, and one event's corpus-wide
fact sets."""

from __future__ import annotations

from checker.config import Thresholds
from checker.records import Claim
from checker.signals import compare, read_facts
from checker.signals.fact_sets import same_fact_sets

SAME_SENTENCE = 0.9  # the alignment score of a close paraphrase


def claim(text, doc="a", language="en", quote=False, speaker=None, n=0, start=0):
    return Claim(f"{doc}#{n}", doc, text, start, start + len(text), language, quote, speaker)


def signals(text_a, text_b, lang_a="en", lang_b="en", anchor_a=None, anchor_b=None, similarity=SAME_SENTENCE, a=None, b=None):
    """The reasons compare() gives for two claims; a, b: more of each claim's fields (quote, speaker)."""
    facts_a = read_facts(claim(text_a, "a", lang_a, **(a or {})), anchor_a)
    facts_b = read_facts(claim(text_b, "b", lang_b, **(b or {})), anchor_b)
    return compare(facts_a, facts_b, similarity, Thresholds())


def hard(text_a, text_b, language="en", anchor_a=None, anchor_b=None, similarity=SAME_SENTENCE):
    """The hard reasons for two claims in one language, as (kind, value in a, value in b)."""
    return [(r.kind, r.a_value, r.b_value) for r in signals(text_a, text_b, language, language, anchor_a, anchor_b, similarity)
            if r.severity == "hard"]


def fact_sets(texts, similarity=0.0):
    """The corpus-wide fact sets of one event, one claim per (doc, text, article date[, language]),
    each document's claims one after another in it."""
    facts, ends = [], {}
    for i, (doc, text, day, *language) in enumerate(texts):
        facts.append(read_facts(claim(text, doc, *language, n=i, start=ends.get(doc, 0)), day))
        ends[doc] = ends.get(doc, 0) + len(text) + 1
    return same_fact_sets(facts, [sorted({doc for doc, *_ in texts})], lambda x, y: similarity, Thresholds())
