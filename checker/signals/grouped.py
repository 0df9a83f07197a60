"""Pairs the aligner never scored but grouped: two sources' claims that share a claim group only
through other members ("6.1" in one outlet, "5.9" in another, each aligned with a third). Each
gets the signals the group's evidence supports, so that what sits in one group is compared.

Groups chain weak links, so the group says the two are about one fact, loosely: which signals run
on such a pair is compare(grouped=True)'s decision, with the score the aligner itself gives the
pair within its event (align.measured_pairs: the event's centred similarity and shared names and
numbers, as an aligned pair's score) as its own evidence.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from checker.align import measured_pairs
from checker.config import Thresholds
from checker.embed import unit_rows
from checker.records import Alignment, CandidatePair, Claim

# A group holds at most two claims per source, so one fact told by many sources makes a big group;
# each claim keeps its most similar partners, so the pairs grow with the group's size, not its square.
GROUP_PARTNERS = 24


def grouped_pairs(claims: list[Claim], vectors: np.ndarray, alignment: Alignment, thresholds: Thresholds) -> list[CandidatePair]:
    """Cross-source pairs inside each group that the alignment does not hold, each claim with its
    GROUP_PARTNERS most similar members of other sources (plain cosine; ties by id), in group
    order, each scored as the aligner scores a pair of its event. A near copy is paired too: the aligner
    pairs only the first of its copies with the other sources, and each source's own wording
    ("magnitude-6.1" where the copy has "6.1") is what the signals read."""
    row = {c.id: i for i, c in enumerate(claims)}
    scored = {frozenset((p.a, p.b)) for p in alignment.pairs}
    found: list[tuple[Claim, Claim]] = []
    for group in alignment.groups:
        members = sorted((claims[row[c]] for c in group.claims), key=lambda c: (c.doc, c.start))
        rows = unit_rows(vectors[[row[c.id] for c in members]].astype(np.float32))
        cosine = rows @ rows.T
        kept: set[tuple[int, int]] = set()
        for i, claim in enumerate(members):
            partners = sorted(
                (j for j, other in enumerate(members) if other.doc != claim.doc),
                key=lambda j: (-cosine[i, j], members[j].id),
            )
            kept.update((min(i, j), max(i, j)) for j in partners[:GROUP_PARTNERS])
        found += [
            (members[i], members[j]) for i, j in sorted(kept) if frozenset((members[i].id, members[j].id)) not in scored
        ]
    if not found:
        return []
    return [replace(p, grouped=True) for p in measured_pairs(claims, vectors, alignment, thresholds, [(a.id, b.id) for a, b in found])]
