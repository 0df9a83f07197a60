"""What the words around a figure say of it: where it is told of (places by it), whose it is (names
before it), what it is a figure of (content words by it), and whether its claim tells of another
time. Read by the corpus-wide fact sets (fact_sets.py) and by the pair signal for loosely aligned
pairs (figure_of_one_fact), which fact_sets builds on: hence a module of its own.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta
from typing import TYPE_CHECKING, Protocol

from checker.names import inner_names, place_key
from checker.normalize import normalize
from checker.signals.dates import DateMention, compatible
from checker.signals.numbers import (
    CLAUSE_BREAKS,
    NOUNS_CAPITALISED,
    SENTENCE_ENDS,
    Quantity,
    clause_bounds,
)
from checker.signals.text import stopwords

if TYPE_CHECKING:
    from checker.signals import ClaimFacts

ONE_MOMENT = 30  # minutes: clock times this close in a loosely aligned pair tell one moment
ANOTHER_TIME = timedelta(days=31)  # a claim dated further from its article's date tells of another event
# a figure's clause dated further from both articles' dates tells of another occasion than the
# story's: "Charles' 80-yard TD run ... of the Cleveland game two weeks ago"
ANOTHER_OCCASION = timedelta(days=6)
NEAR = 5  # words either side of a figure that say what it is a figure of ("save $40 billion")
STEM = 5  # content words are compared by their first letters ("killed", "killing")
PLACE_NEAR = 8  # words between a figure and a place it is a figure of ("20,000 people marched in Patras")
PLACE_REACH = 4  # words between a place preposition and the name ("in the northern city of")
PLACE_CUES = frozenset({"in", "of", "at", "near", "from", "im", "en", "de", "dans", "bei", "a"})


class Value(Protocol):
    """What a claim states for a fact: a Quantity or an EventFact."""

    start: int
    end: int
    text: str
    measure: str
    camp: tuple  # values with one camp are one answer

    def comparable(self, other) -> bool: ...
    def overlaps(self, other) -> bool: ...


def token_span(f: ClaimFacts, v: Value) -> tuple[int, int]:
    """The claim's first and last word inside the value: found once, used by every test of
    what stands near it."""
    inside = [i for i, t in enumerate(f.words) if v.start <= t.start < v.end] or [0]
    return inside[0], inside[-1]


def named_places(f: ClaimFacts, names: frozenset[str]) -> set[tuple[str, int]]:
    """Names a few words after a place preposition ("in the city of Bam", "in Iran's south"):
    not "the United States Geological Survey", which names an agency."""
    text = f.claim.text
    toks = f.words
    gazetteer = {p.start: p for p in f.places}
    found = set()
    for i, t in enumerate(toks):
        place = gazetteer.get(t.start)
        inside = any(p.start < t.start < p.end for p in f.places)  # "Abbas" of "Bandar Abbas"
        inside = inside or any(d.start <= t.start < d.end for d in f.dates)  # "in the morning Thursday"
        named = place is not None or (t.text[0].isupper() and normalize(t.text) in names and not inside)
        if named and _after_place_cue(text, toks, i):
            found.add((place.key if place else place_key(text, t.start), i))
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


def places_near(places: set[tuple[str, int]], at: tuple[int, int]) -> frozenset[str]:
    """The places named within PLACE_NEAR words of a value, outside it: a place in the value is
    the value ("died at Beaumont Hospital"), not what sets its fact apart."""
    return frozenset(p for p, i in places if at[0] - PLACE_NEAR <= i <= at[1] + PLACE_NEAR and not at[0] <= i <= at[1])


def names_near(f: ClaimFacts, at: tuple[int, int], names: frozenset[str], placed: set[int]) -> frozenset[str]:
    """Names in the few words before the figure, where its owner stands ("Charles' 226 yards",
    "Charles rushed for 226 yards while Hillis added 101": not Hillis). Places (`placed`: the
    claim's place words by index; the gazetteer's) and days are no owners: the places and days
    rules compare those ("in Thessaloniki, where 20,000", "in Salonika 50,000")."""
    spans = [*f.places, *f.dates]
    return frozenset(
        t.key for i, t in enumerate(f.words[max(0, at[0] - NEAR):at[0]], max(0, at[0] - NEAR))
        if t.text[0].isupper() and normalize(t.text) in names and i not in placed
        and not any(s.start <= t.start < s.end for s in spans)
    )


def content_near(f: ClaimFacts, v: Value, at: tuple[int, int], whole: bool, after: bool = False) -> frozenset[str]:
    """Content-word stems near the value (NEAR words either side; after: only after it), or in
    the whole claim for values that name their fact themselves (the dead, the injured, a quake's
    magnitude) or whose fact is the claim's (the time of its act)."""
    stop = stopwords(f.claim.language)
    words = f.words if whole else f.words[at[1] + 1 if after else max(0, at[0] - NEAR):at[1] + NEAR + 1]
    return frozenset(
        t.key[:STEM] for t in words
        if len(t.key) >= 4 and t.key.isalpha() and t.key not in stop and not (v.start <= t.start < v.end)
    )


def plain_words(f: ClaimFacts, context: frozenset[str]) -> frozenset[str]:
    """The context's stems of words outside every figure of the claim that name nothing: no
    gazetteer place, and, where case tells names apart, no capitalised word. German capitalises
    every noun and scripts without case (ar, zh, he) have none, so there only the gazetteer does."""
    figures = [(q.start, q.end) for q in f.quantities]
    by_case = f.claim.language not in NOUNS_CAPITALISED
    marked = {t.key[:STEM] for t in f.words
              if any(a <= t.start < b for a, b in figures) or any(p.start <= t.start < p.end for p in f.places)
              or (by_case and t.text.lower() != t.text.upper() and not t.text.islower())}
    return context - marked


def figure_of_one_fact(a: ClaimFacts, x: Quantity, b: ClaimFacts, y: Quantity) -> bool:
    """Two figures of one measure, each the only one of it in its claim, in claims that the
    aligner paired though too loosely to be about one fact by their wording as a whole (compare:
    same_fact): one fact when the words after them say what they are a figure of alike, as for a
    corpus-wide set (fact_sets._one_fact): a content word that names nothing in the few words
    after both (what is counted or what it did: "100,000 people took to the streets", "three
    strong aftershocks were felt"; words before a figure are as often another figure's: "a
    seven-yard touchdown pass, capping the 73-yard drive"), the aligner's pairing standing in for
    the embeddings `fact_sets._worded_apart` asks of a corpus-wide pair; the same places near
    them (none in one: the pair has no event-wide places to tell by), the same names before them, and neither
    claim told of another time ("In 2007, the gang escaped with 11m euros"). The names are the
    two claims' (inner_names), places the gazetteer's or such names after a place preposition."""
    if told_of_another_time(a) or told_of_another_time(b):
        return False
    names = inner_names([a.claim.text, b.claim.text])
    near = []
    for f, q in ((a, x), (b, y)):
        at = token_span(f, q)
        places = named_places(f, names)
        near.append((plain_words(f, content_near(f, q, at, False, after=True)), places_near(places, at),
                     names_near(f, at, names, {i for _, i in places})))
    (plain_x, places_x, names_x), (plain_y, places_y, names_y) = near
    if places_x and places_y and places_x != places_y:
        return False  # "in Thessaloniki, where another 20,000", "In Heraklion, 10,000 people"
    if (names_x or names_y) and not names_x & names_y:
        return False
    return bool(plain_x & plain_y)


def clock_of_one_moment(a: ClaimFacts, b: ClaimFacts) -> bool:
    """Two claims the aligner paired, though too loosely to be one sentence (compare: same_moment),
    that each give one time of day, a clock time, at most ONE_MOMENT apart: one moment told two
    ways ("explosions at 3 p.m.", "dropped four bombs at 3:20 p.m."; "walked in around 10 a.m.",
    "sounds of gunfire around 10:30 a.m."). Times further apart are as often two moments of the
    story (the quake at 1:53 p.m., an aftershock at 2:40 p.m.; the gun bought at 3:45 p.m.), a
    part of the day ("Sunday afternoon") is no reading of a clock, a claim with two times tells of
    two moments, and a claim told of another time of another day. The caller asks that the days
    the claims name fit."""
    if told_of_another_time(a) or told_of_another_time(b):
        return False
    times = [[m for m in f.moments if m.kind == "time"] for f in (a, b)]
    if any(len(found) != 1 or not any(c.isdigit() for c in found[0].text) for found in times):
        return False
    (x,), (y,) = times
    return abs((x.low + x.high) - (y.low + y.high)) / 2 <= ONE_MOMENT


def told_of_another_time(f: ClaimFacts) -> bool:
    """Does the claim date what it tells to more than ANOTHER_TIME from its article's date, by
    a date or by a year that sets it as a whole ("In 2007, the gang drove...": dates.years_told;
    a year of another fact in it, "founded in 2007", says nothing of the claim's own time)?"""
    if f.published is None:
        return False
    return any(
        d.first is not None and d.year_known and (
            d.last < f.published - ANOTHER_TIME or d.first > f.published + ANOTHER_TIME)
        for d in (*f.dates, *f.years)
    )


def of_another_occasion(a: ClaimFacts, x: Quantity, b: ClaimFacts, y: Quantity) -> bool:
    """Is one figure dated, in its own clause, to a day the other claim names no fitting day
    for and that lies more than ANOTHER_OCCASION from both articles' dates: a figure of another
    occasion than the story's ("romped 86 yards" against "Charles' 80-yard TD run on the opening
    play of the Cleveland game two weeks ago")? So is a figure in a claim a year sets as a whole
    (dates.years_told: "Cam Newton in 2011 had the previous record with 4,051 yards"). A day near
    either article's date may be the story's own ("on Sunday"); an article without a date
    tells nothing of it."""
    published = [p for p in (a.published, b.published) if p is not None]
    if not published:
        return False
    for f, q, other in ((a, x, b), (b, y, a)):
        lo, hi = _clause(f, q)
        days = [d for d in f.dates if lo <= d.start < hi and d.first is not None]
        if any(_fits(d, published, other) for d in days):
            continue  # a day of the story's own in the figure's clause dates it ("86 yards on Sunday and ... two weeks ago")
        # a year told sets the whole claim
        if days or not all(_fits(year, published, other) for year in f.years if year.first is not None):
            return True
    return False


def _fits(d: DateMention, published: list[date], other: ClaimFacts) -> bool:
    """A day near either article's date, or one the other claim names too: the story's own."""
    return (any(d.first - ANOTHER_OCCASION <= p <= d.last + ANOTHER_OCCASION for p in published)
            or any(e.first is not None and compatible(d, e) for e in other.dates))


def _clause(f: ClaimFacts, q: Quantity) -> tuple[int, int]:
    """Where the clause of a figure begins and ends in its claim's text: numbers' clause, whole,
    which a sentence's end closes too ("Charles ran 86 yards. He had been benched two weeks ago.")."""
    words = f.words
    i = bisect_left(words, q.start, key=lambda w: w.start)
    last = max(i, bisect_left(words, q.end, key=lambda w: w.start) - 1)
    lo, hi = clause_bounds(words, f.claim.text, i, last, len(words), CLAUSE_BREAKS | SENTENCE_ENDS)
    return words[lo].start, words[hi].end
