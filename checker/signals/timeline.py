"""Evolving figures across sources: a death toll that rises from one article to the next is an
update, not a discrepancy. The values of one figure come from the corpus-wide figure sets
(signals/fact_sets.py: same measure, scope, span, places and subject, aligned or not); each set
with more than one value becomes a timeline in article-date order. Only a later or same-day
source with a lower figure, or values with no date to order them, are flagged, and only those
values become a corpus-wide characterisation (a finding)."""

from __future__ import annotations

from datetime import date

from checker.records import Characterisation, FigurePoint, FigureTimeline
from checker.signals import EVOLVING, ClaimFacts
from checker.signals.fact_sets import Stated, fact_characterisation


def figure_timelines(sets: list[list[Stated]]) -> tuple[list[FigureTimeline], list[Characterisation]]:
    """Timelines of the evolving figures, and a characterisation of each one's flagged values."""
    timelines, flagged_sets = [], []
    for members in sets:
        if members[0].value.measure not in EVOLVING or all(x.value.overlaps(y.value) for x in members for y in members):
            continue
        timeline, flagged = _timeline(members)
        timelines.append(timeline)
        if flagged:
            flagged_sets.append(fact_characterisation(flagged, "; ".join(timeline.flagged)))
    return timelines, flagged_sets


def _timeline(members: list[Stated]) -> tuple[FigureTimeline, list[Stated]]:
    ordered = sorted(members, key=lambda m: (m.facts.published is None, m.facts.published or date.min, m.doc, m.value.start))
    flagged: list[str] = []
    involved: list[Stated] = []
    for i, early in enumerate(ordered):
        for late in ordered[i + 1:]:
            x, y = early.value, late.value
            if x.overlaps(y) or early.doc == late.doc:
                continue
            a, b = early.facts, late.facts
            if a.published is None or b.published is None:
                flagged.append(f"'{x.text}' ({_where(a)}) against '{y.text}' ({_where(b)}): no date to order them")
            elif a.published == b.published:
                flagged.append(f"'{x.text}' and '{y.text}' on the same day ({_where(a)}, {_where(b)})")
            elif y.high < x.low:
                flagged.append(f"'{y.text}' ({_where(b)}) is lower than the earlier '{x.text}' ({_where(a)})")
            else:
                continue
            involved += [m for m in (early, late) if m not in involved]
    timeline = FigureTimeline(
        measure=members[0].value.measure,
        points=tuple(
            FigurePoint(m.doc, m.facts.claim.id, m.facts.published.isoformat() if m.facts.published else None,
                        m.value.text, m.facts.claim.start + m.value.start, m.facts.claim.start + m.value.end)
            for m in ordered
        ),
        flagged=tuple(dict.fromkeys(flagged)),
    )
    return timeline, involved


def _where(f: ClaimFacts) -> str:
    return f"{f.claim.doc}, {f.published.isoformat()}" if f.published else f.claim.doc
