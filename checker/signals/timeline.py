"""Evolving figures across sources: a death toll that rises from one article to the next is an
update, not a discrepancy. Values of one figure are tied together by aligned pairs whose claims
give it for the same scope and span; each connected set with more than one value becomes a
timeline in article-date order."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from checker.config import Thresholds
from checker.model import CandidatePair, FigurePoint, FigureTimeline
from checker.signals import EVOLVING, ClaimFacts
from checker.signals.numbers import Quantity

Value = tuple[ClaimFacts, Quantity]


def figure_timelines(facts: dict[str, ClaimFacts], pairs: Sequence[CandidatePair], thresholds: Thresholds) -> list[FigureTimeline]:
    links: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    values: dict[str, dict[str, Value]] = defaultdict(dict)
    for pair in pairs:
        if pair.score < thresholds.same_fact:
            continue
        a, b = facts[pair.a], facts[pair.b]
        for measure in sorted(EVOLVING):
            qa = [q for q in a.quantities if q.measure == measure]
            qb = [q for q in b.quantities if q.measure == measure]
            if len(qa) == 1 and len(qb) == 1 and qa[0].comparable(qb[0]):
                values[measure][pair.a], values[measure][pair.b] = (a, qa[0]), (b, qb[0])
                links[measure][pair.a].add(pair.b)
                links[measure][pair.b].add(pair.a)
    found = []
    for measure in sorted(values):
        for component in _components(links[measure]):
            points = [values[measure][claim] for claim in component]
            if any(not x.overlaps(y) for (_, x) in points for (_, y) in points):
                found.append(_timeline(measure, points))
    return found


def _components(links: dict[str, set[str]]) -> list[list[str]]:
    seen: set[str] = set()
    found = []
    for start in sorted(links):
        if start in seen:
            continue
        stack, component = [start], []
        seen.add(start)
        while stack:
            claim = stack.pop()
            component.append(claim)
            for other in sorted(links[claim] - seen):
                seen.add(other)
                stack.append(other)
        found.append(sorted(component))
    return found


def _timeline(measure: str, points: list[Value]) -> FigureTimeline:
    ordered = sorted(points, key=lambda p: (p[0].published is None, p[0].published or date.min, p[0].claim.doc, p[1].start))
    flagged = []
    for i, (earlier, x) in enumerate(ordered):
        for later, y in ordered[i + 1:]:
            if x.overlaps(y) or earlier.claim.doc == later.claim.doc:
                continue
            if earlier.published is None or later.published is None:
                flagged.append(f"'{x.text}' ({_where(earlier)}) against '{y.text}' ({_where(later)}): no date to order them")
            elif earlier.published == later.published:
                flagged.append(f"'{x.text}' and '{y.text}' on the same day ({_where(earlier)}, {_where(later)})")
            elif y.high < x.low:
                flagged.append(f"'{y.text}' ({_where(later)}) is lower than the earlier '{x.text}' ({_where(earlier)})")
    return FigureTimeline(
        measure=measure,
        points=tuple(
            FigurePoint(f.claim.doc, f.claim.id, f.published.isoformat() if f.published else None, q.text,
                        f.claim.start + q.start, f.claim.start + q.end)
            for f, q in ordered
        ),
        flagged=tuple(dict.fromkeys(flagged)),
    )


def _where(f: ClaimFacts) -> str:
    return f"{f.claim.doc}, {f.published.isoformat()}" if f.published else f.claim.doc
