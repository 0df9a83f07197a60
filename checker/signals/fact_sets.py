"""Corpus-wide facts: one fact's value (a death toll, a magnitude, a distance, a crowd, a share
price move; and the facts that are not figures, signals/event_facts.py: the time of an act, a
person's age, a team's record, how the dead died) as every source of an event gives it,
whether or not alignment paired the sentences that carry it.

Two values are taken for one fact only when everything we can read says so: the same measure
(what is counted, with its unit), the same time span and a scope where neither narrows the
other (Quantity.comparable); the same places ("in Thessaloniki" is another march than "in
Athens"; no place at all fits only the event's own); no names by the figures that tell them
apart (Vinatieri's field goal, Succop's); a claim not dated to another time (a quake "in
December 2003" is another quake), nor naming days that the other's days do not fit (the bombing
"on Tuesday", "Thursday's bombing"); and sentences that share what they talk about: content words
(jusText's stop-word lists leave the rest) near a general figure, anywhere in the claim for a
measure that is one fact by itself (the dead, a magnitude), or embeddings alike enough
(`thresholds.figure_similarity`) when the wording differs, or, for a general figure, one
plain word shared (no name, outside every figure) and embeddings as alike as one act's
(`thresholds.act_similarity`) with every member of the set; what ties the values of
event_facts.py to one fact is said there (`reach`). Sets are built by complete linkage,
so no chain of near-alike values makes one fact of many; a value in no set then joins a set
where it gives one camp's very value (`_with_equal_values`). Left out: a claim that gives one
measure twice ("31,000 in Bam, 600 in Zarand": which is which is a guess), a count of more
("another five people"; signals.count_of_more, the pairs' reader too, says when it is a place's
whole: "in Thessaloniki, where another 20,000 marched"), spans of time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.config import Thresholds
from checker.names import inner_names
from checker.records import Characterisation, Mention
from checker.signals import (
    EVENT_MEASURES,
    EVOLVING,
    ClaimFacts,
    count_of_more,
    same_days,
)
from checker.signals.context import (
    Value,
    content_near,
    named_places,
    names_near,
    places_near,
    plain_words,
    token_span,
    told_of_another_time,
)
from checker.signals.event_facts import (
    ACT,
    DEATH,
    NAME,
    OWNED,
    EventFact,
    event_facts,
    event_names,
    grew_older,
)
from checker.signals.numbers import CASUALTIES, DURATIONS, Quantity

# the reach of a figure without an owner, name, death or act: an event's own measure (its dead, its
# magnitude) or a general one that many facts may share
SPECIFIC, GENERAL = "specific", "general"

EVENT_WIDE = 0.5  # a place named by at least this share of an event's documents is the event's own
UNCOMPARED = {CASUALTIES, *DURATIONS}  # "no casualties" is the pair signal's; "a year", "three years" are spans, not facts
SHARED_NEAR = 2  # ... and how many of their content words two figures of a general measure must share

Similarity = Callable[[str, str], float]  # claim id, claim id -> embedding similarity


@dataclass(frozen=True)
class Stated:
    """One claim's value for a fact, with what tells its fact apart from others."""

    facts: ClaimFacts
    value: Value
    places: frozenset[str]  # places named near the value ("in Athens", "the city of Bam")
    own_places: frozenset[str]  # those of them that are the event's own (named by many of its documents)
    context: frozenset[str]  # content-word stems of the claim, besides the value's own words
    plain: frozenset[str]  # of them, words naming nothing outside every figure ("streets"; not "Indianapolis", "yards")
    names: frozenset[str]  # names next to the value: whose figure it is ("Succop's 47-yard field goal")

    @property
    def doc(self) -> str:
        return self.facts.claim.doc

    @property
    def reach(self) -> str:
        """What makes two values one fact's (event_facts: OWNED, NAME, DEATH, ACT; SPECIFIC, GENERAL)."""
        if isinstance(self.value, EventFact):
            return self.value.reach
        return SPECIFIC if self.value.measure in EVENT_MEASURES else GENERAL

    def mention(self) -> Mention:
        c, v = self.facts.claim, self.value
        return Mention(c.doc, c.id, c.start + v.start, c.start + v.end, v.text)


def same_fact_sets(facts: Sequence[ClaimFacts], events: Sequence[Sequence[str]], similarity: Similarity,
                   thresholds: Thresholds) -> list[list[Stated]]:
    """Sets of values (two documents or more) that state one fact, in a stable order."""

    def one_fact(x: Stated, y: Stated) -> bool:
        return _one_fact(x, y, similarity, thresholds)

    def together(x: Stated, y: Stated) -> bool:  # a time joins only the times of its own act
        return one_fact(x, y) if x.reach == ACT else _measure_alike(x, y)

    def worded_apart(x: Stated, y: Stated) -> bool:
        return x.reach == GENERAL and _worded_apart(x, y, similarity, thresholds)

    found = []
    for docs in events:
        members = set(docs)
        in_event = [f for f in facts if f.claim.doc in members]
        stated = _stated(in_event, len(docs))
        clusters = _clusters(stated, _links(stated, one_fact, similarity), together)
        # then general figures worded apart, only where every pair across the two sets is one
        # fact either way: one such link never pulls a whole set in
        clusters = _clusters(stated, _links(stated, worded_apart, similarity),
                             lambda x, y: one_fact(x, y) or worded_apart(x, y), clusters)
        for cluster in _with_equal_values(stated, clusters):
            members = [stated[i] for i in cluster]
            if len({m.doc for m in members}) >= 2:
                found.append(members)
    return found


def fact_characterisations(sets: list[list[Stated]]) -> list[Characterisation]:
    """Each fact whose values do not all fit each other, one camp per value as written, with
    only the values that conflict with another source's. Evolving tallies are the timelines'
    (an update is not a discrepancy)."""
    found = []
    for members in sets:
        if members[0].value.measure in EVOLVING:
            continue
        # a value that fits every other ("about 6", "more than 100,000") takes no side
        siding = [x for x in members if any(not _fits(x, y) for y in members if y.doc != x.doc)]
        if siding:
            found.append(fact_characterisation(siding, ""))
    return found


def _fits(x: Stated, y: Stated) -> bool:
    """Could both values be true: they overlap, or they are one person's ages in articles far
    enough apart for the person to have grown older (event_facts.grew_older)."""
    return x.value.overlaps(y.value) or (
        isinstance(x.value, EventFact) and grew_older(x.value, x.facts.published, y.value, y.facts.published))


def fact_characterisation(members: list[Stated], note: str) -> Characterisation:
    camps: dict[tuple, list[Stated]] = defaultdict(list)
    for m in members:
        camps[m.value.camp].append(m)
    ordered = sorted(camps.items())
    figure = isinstance(members[0].value, Quantity)
    return Characterisation(
        kind="figure" if figure else "fact",
        subject=describe(members) if figure else members[0].value.measure,
        camps=tuple((group[0].value.text, tuple(g.mention() for g in group)) for _, group in ordered),
        note=note,
    )


def describe(members: list[Stated]) -> str:
    """'dead', 'count of villag...' as the figure's measure, with one claim for context."""
    q = members[0].value
    what = q.measure.replace("count ", "count of ").strip("[]")
    scope = f" ({', '.join(sorted(q.scope))})" if q.scope else ""
    span = f", {q.span}" if q.span else ""
    return f"{what}{scope}{span}"


def _stated(facts: list[ClaimFacts], documents: int) -> list[Stated]:
    names = inner_names([f.claim.text for f in facts])
    event = event_names(facts, names)
    places = {f.claim.id: named_places(f, names) for f in facts}
    docs_naming: dict[str, set[str]] = defaultdict(set)
    for f in facts:
        for p, _ in places[f.claim.id]:
            docs_naming[p].add(f.claim.doc)
    event_wide = {p for p, docs in docs_naming.items() if len(docs) >= EVENT_WIDE * documents}
    figures: dict[tuple[str, str], list[tuple[int, frozenset[str]]]] = defaultdict(list)  # where each figure stands
    for f in facts:
        for q in f.quantities:
            figures[f.claim.doc, q.measure].append((f.claim.start + q.start, places_near(places[f.claim.id], token_span(f, q))))
    found = []
    for f in facts:
        if told_of_another_time(f):
            continue
        values: list[Value] = [*f.quantities, *event_facts(f, event)]
        measures = [v.measure for v in values]
        for v in values:
            if measures.count(v.measure) > 1 or v.measure in UNCOMPARED:
                continue  # a measure given twice: which one the other source meant is a guess
            at = token_span(f, v)
            near = places_near(places[f.claim.id], at)
            # "another 20,000" at places of its own after an earlier figure at others is their whole
            elsewhere = bool(near) and any(i < f.claim.start + v.start and there != near
                                           for i, there in figures[f.claim.doc, v.measure])
            if isinstance(v, Quantity) and count_of_more(f, v, elsewhere):
                continue
            whole = not isinstance(v, Quantity) or v.measure in EVENT_MEASURES
            context = content_near(f, v, at, whole)
            found.append(Stated(f, v, near, near & event_wide, context, plain_words(f, context),
                                 names_near(f, at, names, {i for _, i in places[f.claim.id]})))
    apart = _died_apart(found)
    return [s for s in found if s.value.measure not in apart]


def _died_apart(stated: list[Stated]) -> set[str]:
    """The manners and places of death (event_facts: DEATH) that some source gives two of: its
    dead died apart ("one died at the scene", "another in hospital"), and the event's dead are
    no one fact of that measure."""
    camps: dict[tuple[str, str], set[tuple]] = defaultdict(set)
    for s in stated:
        if s.reach == DEATH:
            camps[s.doc, s.value.measure].add(s.value.camp)
    return {measure for (_, measure), told in camps.items() if len(told) > 1}


def _one_fact(x: Stated, y: Stated, similarity: Similarity, thresholds: Thresholds) -> bool:
    if not _measure_alike(x, y):
        return False
    shared = len(x.context & y.context)
    alike = similarity(x.facts.claim.id, y.facts.claim.id)
    if x.reach in (OWNED, NAME, DEATH):
        return True  # one person's age, one team's record, one name's spelling, how and where the event's dead died
    if x.reach == ACT:  # one act: its words and its wording (its day: _measure_alike)
        return shared >= SHARED_NEAR and alike >= thresholds.act_similarity
    needed = 1 if x.reach == SPECIFIC else SHARED_NEAR
    return shared >= needed or alike >= thresholds.figure_similarity


def _worded_apart(x: Stated, y: Stated, similarity: Similarity, thresholds: Thresholds) -> bool:
    """Two general figures in claims worded apart ("100,000 people took to the streets", "as
    many as 20,000 people took to the streets of Athens"): one content word shared near the
    figures (a word naming nothing, outside every figure: not "Indianapolis", not another
    figure's "yards"), and embeddings as alike as one act's (`thresholds.act_similarity`)."""
    return (_measure_alike(x, y) and bool(x.plain & y.plain)
            and similarity(x.facts.claim.id, y.facts.claim.id) >= thresholds.act_similarity)


def _links(stated: list[Stated], test: Callable[[Stated, Stated], bool], similarity: Similarity) -> list[tuple[int, int]]:
    """The pairs of values that pass `test`, most alike claims first."""
    pairs = [(i, j) for i in range(len(stated)) for j in range(i + 1, len(stated)) if test(stated[i], stated[j])]
    return sorted(pairs, key=lambda p: (-similarity(stated[p[0]].facts.claim.id, stated[p[1]].facts.claim.id), p))


def _clusters(stated: list[Stated], links: list[tuple[int, int]], together: Callable[[Stated, Stated], bool],
              start: Sequence[Sequence[int]] = ()) -> list[list[int]]:
    """Complete linkage over the links, most alike claims first, from the `start` sets: a value
    joins a set only when it can state the same fact as every value in it (`together`), so that
    a chain (58 km to Bandar Abbas, 300 km to Bam, 1,150 km to Tehran) never makes one fact of many."""
    cluster_of = {i: frozenset({i}) for i in range(len(stated))}
    for c in start:
        cluster_of.update(dict.fromkeys(c, frozenset(c)))
    for i, j in links:
        x, y = cluster_of[i], cluster_of[j]
        if x is y or not all(together(stated[a], stated[b]) for a in x for b in y):
            continue
        merged = x | y
        for k in merged:
            cluster_of[k] = merged
    return sorted({tuple(sorted(c)) for c in cluster_of.values() if len(c) > 1})


def _with_equal_values(stated: list[Stated], clusters: list[list[int]]) -> list[list[int]]:
    """A value in no set joins a set of conflicting values where it gives one camp's very
    value and shares a plain word with that camp's claim, when its measure, places and days
    fit every member: names by it do not keep it out ("an Antonov bomber dropped four bombs"),
    for it adds a mention to a camp, never a new value to the conflict."""
    placed = {i for c in clusters for i in c}
    grown = [list(c) for c in clusters]
    for i, x in enumerate(stated):
        if i in placed:
            continue
        for c in grown:
            if len({stated[k].value.camp for k in c}) > 1 and any(
                    stated[k].value.camp == x.value.camp and x.plain & stated[k].plain for k in c) and all(
                    _fits_measure(x, stated[k]) for k in c):
                c.append(i)
                break
    return [sorted(c) for c in grown]


def _measure_alike(x: Stated, y: Stated) -> bool:
    return not _other_names(x, y) and _fits_measure(x, y)


def _fits_measure(x: Stated, y: Stated) -> bool:
    """Two claims' values of one measure, at the same places, on days that fit (for a name's
    spelling places and days say nothing)."""
    return (x.facts.claim.id != y.facts.claim.id and x.value.comparable(y.value)
            and (x.reach == NAME or (_same_places(x, y) and same_days(x.facts, y.facts))))


def _other_names(x: Stated, y: Stated) -> bool:
    """Names next to general figures (yards, dollars) that tell them apart: Vinatieri's field goal
    is not Succop's, and a figure with a name by it is not one with none."""
    if x.names & y.names or x.reach != GENERAL:
        return False  # by a toll or a magnitude, names are who reported it ("IRNA said"), places tell events apart
    return bool(x.names or y.names)


def _same_places(x: Stated, y: Stated) -> bool:
    """The same places, or none in one and only the event's own in the other: "in Athens"
    against no place at all is the Athens march, "in Thessaloniki" is another march."""
    if x.places == y.places:
        return True
    return (not x.places and y.places == y.own_places) or (not y.places and x.places == x.own_places)
