"""Corpus-wide figures: one fact's figure (a death toll, a magnitude, a distance, a crowd, a
share price move) as every source of an event gives it, whether or not alignment paired the
sentences that carry it.

Two figures are taken for one fact only when everything we can read says so: the same measure
(what is counted, with its unit), the same time span and a scope where neither narrows the
other (Quantity.comparable); the same places ("in Thessaloniki" is another march than "in
Athens"; no place at all fits only the event's own); no names by the figures that tell them
apart (Vinatieri's field goal, Succop's); a claim not dated to another time (a quake "in
December 2003" is another quake); and sentences that share what they talk about: content words
(jusText's stop-word lists leave the rest) near a general figure, anywhere in the claim for a
measure that is one fact by itself (the dead, a magnitude), or embeddings alike enough
(`thresholds.figure_similarity`) when the wording differs. Sets are built by complete linkage,
so no chain of near-alike figures makes one fact of many. Left out: a claim that gives one
measure twice ("31,000 in Bam, 600 in Zarand": which is which is a guess), a count of more
("another five people"), spans of time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

import justext

from checker.config import Thresholds
from checker.names import inner_names
from checker.normalize import normalize
from checker.records import Characterisation, Mention
from checker.signals import EVOLVING, ClaimFacts, numbers, told_of_another_time
from checker.signals.numbers import CASUALTIES, DURATIONS, Quantity
from checker.signals.text import fold

EVENT_WIDE = 0.5  # a place named by at least this share of an event's documents is the event's own
NEAR = 5  # words either side of a figure that say what it is a figure of ("save $40 billion")
SPECIFIC = EVOLVING | {"magnitude"}  # measures that are one fact of an event by themselves
UNCOMPARED = {CASUALTIES, *DURATIONS}  # "no casualties" is the pair signal's; "a year", "three years" are spans, not facts
SHARED_NEAR = 2  # ... and how many of their content words two figures of a general measure must share
STEM = 5  # content words are compared by their first letters ("killed", "killing")
PLACE_NEAR = 8  # words between a figure and a place it is a figure of ("20,000 people marched in Patras")
PLACE_REACH = 4  # words between a place preposition and the name ("in the northern city of")
PLACE_CUES = frozenset({"in", "of", "at", "near", "from", "im", "en", "de", "dans", "bei", "a"})

Similarity = Callable[[str, str], float]  # claim id, claim id -> embedding similarity


@dataclass(frozen=True)
class Figure:
    facts: ClaimFacts
    quantity: Quantity
    places: frozenset[str]  # places named near the figure ("in Athens", "the city of Bam")
    own_places: frozenset[str]  # those of them that are the event's own (named by many of its documents)
    context: frozenset[str]  # content-word stems of the claim, besides the figure's own words
    names: frozenset[str]  # names next to the figure: whose figure it is ("Succop's 47-yard field goal")

    @property
    def doc(self) -> str:
        return self.facts.claim.doc

    def mention(self) -> Mention:
        c, q = self.facts.claim, self.quantity
        return Mention(c.doc, c.id, c.start + q.start, c.start + q.end, q.text)


def same_fact_figures(facts: Sequence[ClaimFacts], events: Sequence[Sequence[str]], similarity: Similarity,
                      thresholds: Thresholds) -> list[list[Figure]]:
    """Sets of figures (two documents or more) that measure one fact, in a stable order."""
    found = []
    for docs in events:
        members = set(docs)
        in_event = [f for f in facts if f.claim.doc in members]
        figures = _figures(in_event, len(docs))
        links = sorted(
            (-similarity(x.facts.claim.id, y.facts.claim.id), i, j)
            for i, x in enumerate(figures) for j, y in enumerate(figures[i + 1:], i + 1)
            if _one_fact(x, y, similarity, thresholds)
        )
        for cluster in _clusters(figures, [(i, j) for _, i, j in links]):
            members = [figures[i] for i in cluster]
            if len({m.doc for m in members}) >= 2:
                found.append(members)
    return found


def figure_characterisations(sets: list[list[Figure]]) -> list[Characterisation]:
    """Each fact whose figures do not all fit each other, one camp per value as written, with
    only the values that conflict with another source's. Evolving tallies are the timelines'
    (an update is not a discrepancy)."""
    found = []
    for members in sets:
        measure = members[0].quantity.measure
        if measure in EVOLVING:
            continue
        # a value that fits every other ("about 6", "more than 100,000") takes no side
        siding = [x for x in members if any(not x.quantity.overlaps(y.quantity) for y in members if y.doc != x.doc)]
        if siding:
            found.append(figure_characterisation(siding, ""))
    return found


def figure_characterisation(members: list[Figure], note: str) -> Characterisation:
    camps: dict[tuple[float, float], list[Figure]] = defaultdict(list)
    for m in members:
        camps[(m.quantity.low, m.quantity.high)].append(m)
    ordered = sorted(camps.items())
    return Characterisation(
        kind="figure",
        subject=describe(members),
        camps=tuple((group[0].quantity.text, tuple(g.mention() for g in group)) for _, group in ordered),
        note=note,
    )


def describe(members: list[Figure]) -> str:
    """'dead', 'count of villag...' as the figure's measure, with one claim for context."""
    q = members[0].quantity
    what = q.measure.replace("count ", "count of ").strip("[]")
    scope = f" ({', '.join(sorted(q.scope))})" if q.scope else ""
    span = f", {q.span}" if q.span else ""
    return f"{what}{scope}{span}"


def _figures(facts: list[ClaimFacts], documents: int) -> list[Figure]:
    names = inner_names([f.claim.text for f in facts])
    places = {f.claim.id: _places(f, names) for f in facts}
    docs_naming: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        for p, _ in places[f.claim.id]:
            docs_naming[p].add(f.claim.doc)
    event_wide = {p for p, docs in docs_naming.items() if len(docs) >= EVENT_WIDE * documents}
    found = []
    for f in facts:
        if told_of_another_time(f):
            continue
        measures = [q.measure for q in f.quantities]
        for q in f.quantities:
            if measures.count(q.measure) > 1 or q.measure in UNCOMPARED or _part_of_a_set(f, q):
                continue
            at = _token_span(f, q)
            near = frozenset(p for p, i in places[f.claim.id] if at[0] - PLACE_NEAR <= i <= at[1] + PLACE_NEAR)
            found.append(Figure(f, q, near, near & event_wide, _context(f, q), _near_names(f, q, names)))
    return found


def _one_fact(x: Figure, y: Figure, similarity: Similarity, thresholds: Thresholds) -> bool:
    if not _measure_alike(x, y):
        return False
    shared = len(x.context & y.context)
    needed = 1 if x.quantity.measure in SPECIFIC else SHARED_NEAR
    return shared >= needed or similarity(x.facts.claim.id, y.facts.claim.id) >= thresholds.figure_similarity


def _places(f: ClaimFacts, names: frozenset[str]) -> set[tuple[str, int]]:
    """Names a few words after a place preposition ("in the city of Bam", "in Iran's south"):
    not "the United States Geological Survey", which names an agency."""
    text = f.claim.text
    toks = f.words
    gazetteer = {p.start: p for p in f.places}
    found = set()
    for i, t in enumerate(toks):
        place = gazetteer.get(t.start)
        inside = any(p.start < t.start < p.end for p in f.places)  # "Abbas" of "Bandar Abbas"
        named = place is not None or (t.text[0].isupper() and normalize(t.text) in names and not inside)
        if named and _after_place_cue(text, toks, i):
            found.add((place.key if place else t.key, i))
    return found


def _after_place_cue(text: str, toks: list, i: int) -> bool:
    """Is token i a few lower-case words after a place preposition, in one clause ("in the
    northern city of Thessaloniki"; not "a magnitude of 6.1, USGS said")?"""
    for j in range(i - 1, max(-1, i - PLACE_REACH - 1), -1):
        if any(c in text[toks[j].end:toks[j + 1].start] for c in ",;:()"):
            return False
        if toks[j].key in PLACE_CUES:
            return True
        if not toks[j].text.isalpha() or not toks[j].text.islower():
            return False
    return False


def _part_of_a_set(f: ClaimFacts, q: Quantity) -> bool:
    """'another five people', 'five other bank workers', 'a further 20,000': a count of more of
    something, not the whole of it."""
    inside = [i for i, t in enumerate(f.words) if q.start <= t.start < q.end]
    if not inside:
        return False
    near = f.words[max(0, inside[0] - 2):inside[-1] + 2]
    return any(t.key in numbers.modifiers() for t in near)


def _token_span(f: ClaimFacts, q: Quantity) -> tuple[int, int]:
    inside = [i for i, t in enumerate(f.words) if q.start <= t.start < q.end] or [0]
    return inside[0], inside[-1]


def _near(f: ClaimFacts, q: Quantity) -> tuple:
    first, last = _token_span(f, q)
    return f.words[max(0, first - NEAR):last + NEAR + 1]


def _near_names(f: ClaimFacts, q: Quantity, names: frozenset[str]) -> frozenset[str]:
    """Names in the few words before the figure, where its owner stands ("Charles' 226 yards",
    "Charles rushed for 226 yards while Hillis added 101": not Hillis)."""
    first, _ = _token_span(f, q)
    return frozenset(t.key for t in f.words[max(0, first - NEAR):first] if t.text[0].isupper() and normalize(t.text) in names)


def _context(f: ClaimFacts, q: Quantity) -> frozenset[str]:
    """Content-word stems near the figure (NEAR words either side), or in the whole claim for
    measures that name their fact themselves (the dead, the injured, a quake's magnitude)."""
    stop = _stopwords(f.claim.language)
    words = f.words if q.measure in SPECIFIC else _near(f, q)
    return frozenset(
        t.key[:STEM] for t in words
        if len(t.key) >= 4 and t.key.isalpha() and t.key not in stop and not (q.start <= t.start < q.end)
    )


@cache
def _stopwords(language: str) -> frozenset[str]:
    """jusText's stop-word lists (the boilerplate classifier's), by the claim's language."""
    names = {"de": "German", "en": "English", "es": "Spanish", "fr": "French"}
    words = justext.get_stoplist(names.get(language, "English"))
    return frozenset(fold(w) for w in words)


def _clusters(figures: list[Figure], links: list[tuple[int, int]]) -> list[list[int]]:
    """Complete linkage over the links, most alike claims first: a figure joins a set only when
    it can measure the same thing as every figure in it, so that a chain (58 km to Bandar Abbas,
    300 km to Bam, 1,150 km to Tehran) never makes one fact of many."""
    cluster_of = {i: frozenset({i}) for i in range(len(figures))}
    for i, j in links:
        x, y = cluster_of[i], cluster_of[j]
        if x is y or not all(_measure_alike(figures[a], figures[b]) for a in x for b in y):
            continue
        merged = x | y
        for k in merged:
            cluster_of[k] = merged
    return sorted({tuple(sorted(c)) for c in cluster_of.values() if len(c) > 1})


def _measure_alike(x: Figure, y: Figure) -> bool:
    if _other_names(x, y):
        return False
    return x.facts.claim.id != y.facts.claim.id and x.quantity.comparable(y.quantity) and _same_places(x, y)


def _other_names(x: Figure, y: Figure) -> bool:
    """Names next to general figures (yards, dollars) that tell them apart: Vinatieri's field goal
    is not Succop's, and a figure with a name by it is not one with none."""
    if x.names & y.names or x.quantity.measure in SPECIFIC:
        return False  # by a toll or a magnitude, names are who reported it ("IRNA said"), places tell events apart
    return bool(x.names or y.names)


def _same_places(x: Figure, y: Figure) -> bool:
    """The same places, or none in one and only the event's own in the other: "in Athens"
    against no place at all is the Athens march, "in Thessaloniki" is another march."""
    if x.places == y.places:
        return True
    return (not x.places and y.places == y.own_places) or (not y.places and x.places == x.own_places)
