"""Typed discrepancy signals between aligned claims: number, date, entity, title, negation,
attribution, framing. Each finding is a Reason with spans in both claims (offsets into each
claim's text), a severity, and a one-line English explanation.

Severity: "hard" (a factual mismatch: makes the pair `contradict`), "framing" (loaded words:
the pair's verdict is `framing`, never `contradict`), "soft" (worth a look, e.g. "a few days
before" against "weeks before"; the verdict stays). No model is needed: the offline preset
relies on these alone.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple, TypeVar

from rapidfuzz import fuzz

from checker.config import Thresholds
from checker.lexicons import lexicon_cache, load_lexicon, speech_verbs
from checker.names import (
    POSSESSIVE,
    aliases,
    countries_of_cities,
    country_keys,
    one_a_town,
    one_area,
    place_names,
)
from checker.normalize import normalize, quote_spans
from checker.records import UNCHECKED, Claim, Reason
from checker.signals import dates, deaths, numbers, roles
from checker.signals.context import (
    clock_of_one_moment,
    figure_of_one_fact,
    of_another_occasion,
    told_of_another_time,
)
from checker.signals.dates import DateMention, compatible, date_mentions
from checker.signals.framing import FrameMention, frame_mentions, frames
from checker.signals.moments import LANGUAGES as MOMENT_LANGUAGES
from checker.signals.moments import Moment, moments
from checker.signals.numbers import EVOLVING, Quantity, quantities
from checker.signals.owners import agencies, owner, subject
from checker.signals.people import first_name
from checker.signals.roles import RoleMention, role_mentions
from checker.signals.text import (
    Match,
    find_phrases,
    fold,
    stem,
    stopwords,
    title_cased,
    tokens,
)

HARD, SOFT, FRAMING = "hard", "soft", "framing"
# An event has one figure of each of these (its dead, its injured, its magnitude): two claims of
# one event that give them, on days that fit, are about one fact however else their sentences differ.
EVENT_MEASURES = EVOLVING | {"magnitude"}
EVENT_TALLIES = EVENT_MEASURES | {numbers.CASUALTIES}  # ... and "no casualties" against them
# What the number signal reads in its languages only: figures in digits are compared in every
# language ("12 km", "40 %", "$5 million"), number words ("dodici") and the words that say what a
# figure counts ("morti", "feridos") only where the lexicon and text2num know them.
NUMBER_WORDS = "number and counted words"
# ... and what the date signal reads in its languages only: ISO dates, and days with a month name
# of those languages ("2013-07-25", "25 juli": German's too), are read in every language; the
# language's other month and weekday names and its words for days before the article
# ("maart", "gisteren", "drie weken geleden") are not.
DATE_WORDS = "month, weekday and relative-date words"
AGREES = "agrees"  # not a discrepancy: both give a person the same office (checker verify uses it)
PLACE_SPELLING = 85  # rapidfuzz ratio at which two place names are one place spelled two ways
NAME_SPELLING = 80  # ... at which two names in close paraphrases are one person spelled two ways
SHORTEST_NAME = 5  # "Su" and "Lu" are too short to tell a spelling from another person
SHORTEST_SURNAME = 4  # ... but after one same first name "Rait" is long enough ("Duncan Rait", "Duncan Raite")
# particles some write joined to a surname and others leave off ("LaCalamita", "Calamita"); any
# other start is another name ("Ross", "Cross"; "Wood", "Elwood")
PARTICLES = frozenset({"la", "le", "de", "di", "da", "du", "del", "van", "von", "mc", "mac", "o", "d"})
# Two figures of a pair the aligner only grouped are one fact told two ways when at most this
# factor apart (5.9 and 6.1 on the Richter scale, 600 and 612 dead, an 84- and an 86-yard run: TUNE
# events); further apart they are as often two facts of one story (a 32- and a 37-yard play).
GROUPED_FIGURES = 1.1
OWN_PLACE = 8  # words between a place and a count of more there that make it that place's whole


@dataclass(frozen=True)
class Polar:
    """A content word as a claim carries it: its stem, and its polarity, -1 where a negating
    modifier before it or an affix turns it round ("poorly equipped", "undamaged"), 1 where a
    modifier stresses it ("well equipped"), 0 plain (in a clause that denies nothing: there it
    is affirmed). An affixed word is read twice: as itself, plain, and as the word after its
    prefix, denied (affix=True), which only counts where the other claim has that very word
    ("information" is no "formation" denied)."""

    stem: str
    polarity: int
    match: Match  # the word with its modifier or affix, as written
    form: str  # the word itself, folded (after its prefix, for an affix reading)
    affix: bool = False
    head: str = ""  # for a word a link carried a denial on to, the stem of the word denied first ("expect" in "not expected to rise")
    object: bool = False  # the word is the object of the word denied ("the crash" in "did not survive the crash"), no link between


@dataclass(frozen=True)
class ClaimFacts:
    """What the signals read off one claim, once."""

    claim: Claim
    published: date | None  # the article's date: orders evolving figures
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    years: tuple[DateMention, ...]  # bare years that set the whole claim at a time ("In 2007, ..."): dates.years_told
    roles: tuple[RoleMention, ...]
    frames: tuple[FrameMention, ...]
    polar: tuple[Polar, ...]  # content words with their polarity, for _polarity
    places: tuple[Match, ...]
    moments: tuple[Moment, ...]
    manners: tuple[Match, ...]  # how people died: "burnt to death", "choked on smoke"
    death_places: tuple[Match, ...]  # where they died: "died at the scene", "died on the way to the hospital"
    words: tuple[Match, ...]  # every token, for the comparisons that look at the words themselves
    # each token's first name (people.first_name; "" for none or a word not capitalised): read once
    # a claim, as the pairs and the event's names both ask it of every capitalised word
    given: tuple[str, ...]
    acts: dates.StoryActs  # the acts of the story its clauses tell of, for its dates and times


def read_facts(claim: Claim, anchor: date | None) -> ClaimFacts:
    found_moments = moments(claim.text, claim.language)
    # "Buckley, 32, was arrested" gives an age, not a count of the arrested; "died about 11am"
    # a time of day, not a count of the dead; "mort le 8 décembre" a day, not a count of Decembers
    # (what it counts is within the date; "In March 20 houses" counts houses)
    days = tuple(date_mentions(claim.text, anchor, claim.language))
    ages_and_times = [m for m in found_moments if m.kind.startswith(("age", "time"))]
    words = tuple(tokens(claim.text))
    counts = tuple(q for q in quantities(claim.text, claim.language)
                   if not any(m.start < q.end and q.start < m.end for m in ages_and_times)
                   and not (q.measure.startswith("count ") and any(d.start < q.end <= d.end for d in days)))
    years = tuple(dates.years_told(claim.text, claim.language))
    read = (*days, *years, *found_moments)  # figures that count nothing
    # a toll is a count of heads: no bare number ("died at 85", "a 2-car crash")
    figures = [(q.start, q.end) for q in counts if numbers.counts_heads(q.measure)
               and not any(m.start < q.end and q.start < m.end for m in read)]
    return ClaimFacts(
        claim=claim,
        published=anchor,
        quantities=counts,
        dates=days,
        years=years,
        roles=tuple(role_mentions(claim.text)),
        frames=tuple(frame_mentions(claim.text)),
        polar=tuple(_polar_words(claim.text, claim.language)),
        places=tuple(_places(claim.text)),
        moments=tuple(found_moments),
        manners=tuple(deaths.manners(claim.text)),
        death_places=tuple(deaths.places(claim.text, claim.language)),
        words=words,
        given=tuple(first_name(claim.text, t.start, claim.language) if t.text[:1].isupper() else "" for t in words),
        acts=dates.story_acts(claim.text, words, figures, claim.language),
    )


def compare(
    a: ClaimFacts, b: ClaimFacts, similarity: float, thresholds: Thresholds, *, one_fact: bool = False, grouped: bool = False,
) -> list[Reason]:
    """Every typed difference between two aligned claims, most serious first.

    similarity: the pair's alignment score. Titles and framing are tied to a person or an event
    and count in any aligned pair, though a title clash makes a contradiction only between claims
    about one fact. So do the facts an event or a named owner has one of (the event's dead and
    injured, a named team's record, a named person's age): two claims that give them are about
    that one fact however little else they share, the event's tallies on days that fit
    (same_days). The rest only count in pairs alike enough to be about one fact (other figures,
    elapsed time, the age of a person a noun describes, "the 11-year-old girl": two stories may
    tell of two girls; how the dead died: two of the dead may have died two ways; a word stressed in
    one and denied in the other, "well equipped" against "insufficiently equipped": each claim
    makes a point of that word, so one fact's subject cannot have it both ways), one statement
    (attribution) or one sentence (a word plain in one and denied in the other,
    "damaged" against "undamaged": a looser pair tells of another building; swapped places,
    days and months: two sentences of one story name
    different days for different moments, the quake on Sunday and the aftershock on Monday):
    between looser pairs such differences are what makes them different sentences, but for two
    clock times at most half an hour apart on days that fit, each its claim's only time of day: one
    moment told two ways (context.clock_of_one_moment). one_fact: b
    is a single known fact (checker verify), so a day the evidence names is that fact's day once
    it is alike enough to be about it. grouped: the aligner did not pair the two but put both in
    one claim group, which says no more than that they are about one fact, and loosely: titles,
    framing, the event's tallies and other figures near each other (GROUPED_FIGURES) are compared,
    with the figures' notes for languages not read (_unchecked). similarity is then the score the
    aligner's measure gives the pair (signals/grouped.py): where that makes them one fact, the
    hard findings a pair scored so gets count too ("about 200 metres" against "about 60m" of one
    fall), and nothing softer, which the group's loose evidence would not bear.
    """
    same_fact = grouped or similarity >= thresholds.same_fact
    found = [*titles(a, b, same_fact), *_framing(a, b)]
    found += [*_numbers(a, b, within=GROUPED_FIGURES if grouped else None, loose=not same_fact), *_unchecked(a, b, NUMBER_WORDS, "number")]
    if grouped:
        if similarity >= thresholds.same_fact:
            found += [r for r in compare(a, b, similarity, thresholds) if r.severity == HARD and r not in found]
        return _most_serious_first(found)
    same_moment = similarity >= thresholds.close_paraphrase or (one_fact and same_fact)
    found += [*_moments(a, b, ("record", "age"), described=same_fact), *_unchecked(a, b, "age", "number")]
    if same_fact:
        found += [*_dates(a, b, points=False), *_deaths(a, b), *_unchecked(a, b, DATE_WORDS, "date")]
    if same_moment:
        found += [*_dates(a, b, points=True), *_moments(a, b, ("time", "period")), *_unchecked(a, b, "time of day", "date")]
    elif same_days(a, b) and clock_of_one_moment(a, b):
        found += _moments(a, b, ("time",))
    if same_fact:  # below a close paraphrase only a stressed word against its denial (_polarity's plain)
        found += [*_polarity(a, b, plain=similarity >= thresholds.close_paraphrase), *_unchecked(a, b, "negation")]
    if similarity >= thresholds.same_statement:
        found += _attribution(a, b)
    if similarity >= thresholds.close_paraphrase:
        found += [*_entities(a, b), *_name_spellings(a, b)]
    return _most_serious_first(found)


def _most_serious_first(found: list[Reason]) -> list[Reason]:
    order = {HARD: 0, FRAMING: 1, SOFT: 2, None: 3}
    return sorted(found, key=lambda r: (order[r.severity], r.kind, r.a_span or (0, 0), r.explanation))


def supported_languages() -> dict[str, tuple[str, ...]]:
    """The languages each language-bound signal reads."""
    return {NUMBER_WORDS: numbers.LANGUAGES, DATE_WORDS: dates.LANGUAGES, "time of day": MOMENT_LANGUAGES, "age": MOMENT_LANGUAGES,
            "negation": tuple(sorted(_negation_cues()))}


def _unchecked(a: ClaimFacts, b: ClaimFacts, signal: str, kind: str | None = None) -> list[Reason]:
    """A note, not a finding, for each claim language the signal cannot read: silence there
    must not look like agreement. kind: the reason kind the signal reports under, when it is
    part of another ("time of day" in words is a date reading; times in figures are read in
    every language)."""
    supported = supported_languages()[signal]
    prefix = f"{signal} " if kind else ""
    return [
        Reason(kind=kind or signal, explanation=f"{prefix}{UNCHECKED} {language}")
        for language in sorted({a.claim.language, b.claim.language}) if language not in supported
    ]


def _reason(kind: str, severity: str | None, explanation: str, a: object | None, b: object | None) -> Reason:
    return Reason(
        kind=kind,
        explanation=explanation,
        a_span=(a.start, a.end) if a else None,
        b_span=(b.start, b.end) if b else None,
        severity=severity,
        a_value=a.text if a else None,
        b_value=b.text if b else None,
    )


def _numbers(a: ClaimFacts, b: ClaimFacts, within: float | None = None, loose: bool = False) -> list[Reason]:
    """Figures that measure one thing and do not fit each other (_matched says which figure of
    one claim goes with which of the other). Figures of named different owners (the USGS's 6.1,
    Tehran's 5.9) are an attribution difference, worth a look, not one source contradicting
    another. An evolving tally (the dead, the injured) that rises from an earlier article to a
    later one is an update, not a discrepancy (the timeline shows it). A count of more or the
    rest of a set ("another three", "the other two bombs": count_of_more) stands only against another
    such count ("another five rescued", "20 more ushered to safety"), not against a whole.
    Figures told of different subjects (other_subjects: one climber's fall, another's) or of
    another occasion (context.of_another_occasion: "an 80-yard run two weeks ago") are two
    facts and are not compared, nor are the magnitudes of claims dated to different times (another
    quake's: Bam's "in December 2003", Zarand's "in February", against Sunday's). within: other
    figures than the event's tallies (EVENT_TALLIES) are compared only at most this factor apart.
    loose: the pair is not alike enough to be about one fact, so only the event's tallies are
    compared, and figures the words around them tie to one fact (context.figure_of_one_fact: "An
    estimated 100,000 people took to the streets", "as many as 20,000 people took to the streets of
    Athens"), each its claim's only figure of its measure and kind (a whole, or a count of more: a
    count of more beside a whole leaves no doubt which figure is the whole; two wholes do), and only
    when the claims name no days that do not fit (the aftershock on Monday, the quake on Sunday)."""
    if loose and not same_days(a, b):
        return []
    found = []
    # each figure's (measure, count of more), read once a pair
    kind_a = [(q.measure, count_of_more(a, q)) for q in a.quantities]
    kind_b = [(q.measure, count_of_more(b, q)) for q in b.quantities]
    for measure, more in sorted(set(kind_a) & set(kind_b)):
        qa = [q for q, k in zip(a.quantities, kind_a) if k == (measure, more)]
        qb = [q for q, k in zip(b.quantities, kind_b) if k == (measure, more)]
        if loose and measure not in EVENT_TALLIES and not (len(qa) == len(qb) == 1 and figure_of_one_fact(a, qa[0], b, qb[0])):
            continue
        for x, y in _matched(a, qa, b, qb):
            if within is not None and measure not in EVENT_TALLIES and not _near(x, y, within):
                continue
            if measure not in EVENT_TALLIES and (other_subjects(a, x, b, y) or of_another_occasion(a, x, b, y)):
                continue
            if measure in numbers.DURATIONS and dates.other_acts(*(f.acts.at(q.start, q.end) for f, q in ((a, x), (b, y)))):
                continue  # "a heart attack three weeks ago", "four weeks in hospital": spans of two acts (dates.StoryActs)
            if measure == "magnitude" and (told_of_another_time(a) != told_of_another_time(b) or not same_days(a, b)):
                continue  # Bam's 6.7 quake "in December 2003", Zarand's "in February": another quake's magnitude
            owner_x, owner_y = _owner(a, x), _owner(b, y)
            if owner_x and owner_y and not owner_x & owner_y:
                found.append(_reason(
                    "attribution", SOFT, f"'{x.text}' ({' '.join(sorted(owner_x))}) against '{y.text}' "
                    f"({' '.join(sorted(owner_y))}): {x.unit} figures of different owners, not one fact told two ways", x, y,
                ))
            else:
                found += _mismatch(a, x, b, y)
    return found + _casualties(a, b) + _casualties(b, a, swapped=True)


def other_subjects(a: ClaimFacts, x: Quantity, b: ClaimFacts, y: Quantity) -> bool:
    """Figures told of different subjects, so not one fact: the claims name different people
    before them (owners.subject: "Duncan Rait ... fell 200ft", "Englishman Robert Buckley fell
    about 600m"), or, where no one name tells, give them different ages ("The 36-year-old ...
    fell 200 metres", "Robert Buckley, 32, fell about 2,000 feet"; one person's two ages are the
    age signal's), or name days that do not fit (same_days: Friday's fall, Saturday's). For the
    figures other than the event's tallies, which are the event's whoever is named by them."""
    (name_x, age_x), (name_y, age_y) = (subject(f.claim.text, f.claim.language, q.start) for f, q in ((a, x), (b, y)))
    if name_x and name_y:  # surnames: "Rait" and "Raite" may be one (spelled_two_ways), "Rait" and "Buckley" are not
        if name_x != name_y and not spelled_two_ways(name_x, name_y, surname=True):
            return True
    elif age_x and age_y and (age_x[1] < age_y[0] or age_y[1] < age_x[0]):  # "36" is not "in his early 30s"
        return True
    return not same_days(a, b)


def count_of_more(facts: ClaimFacts, quantity: Quantity, elsewhere: bool = False) -> bool:
    """A count of more or the rest of a set (numbers.part_of_a_set), unless it is the whole of a
    place of its own: one named a few words before it ("in the northern city of Thessaloniki,
    where another 20,000 people", OWN_PLACE), or, where the caller reads the whole document
    (fact_sets), places by it while an earlier figure of its measure stands at others
    (elsewhere: "100,000 took to the streets ... another 20,000 marched in Thessaloniki"). A
    place after it alone makes none: "a further three people were injured in Bam" is more of
    the injured, in Bam."""
    ended = bisect_right(facts.words, quantity.start, key=lambda t: t.end)  # words are in text order
    before = facts.words[max(0, ended - OWN_PLACE):ended]
    placed = bool(before) and any(before[0].start <= p.start for p in facts.places if p.end <= quantity.start)
    return not (placed or elsewhere) and numbers.part_of_a_set(facts.words, facts.quantities, quantity)


def _near(x: Quantity, y: Quantity, factor: float) -> bool:
    return x.log_ratio(y) <= math.log10(factor)


def _matched(a: ClaimFacts, qa: list[Quantity], b: ClaimFacts, qb: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """The figures of one measure that do not fit, each with the figure of the other claim it
    stands against. Figures of one owner are matched first ("the USGS said 5.9" against "the U.S.
    Geological Survey said it was 6.1"), then figures that fit each other (they agree), fitting
    pairs first at each step. When neither matches any, the figures too far from all the other
    side's to be one thing are no candidates (numbers.DIFFERENT_THINGS), and one candidate left on
    each side is compared (600 dead in Zarand against 612, the 31,000 of Bam being no candidate).
    Otherwise which of its figures the other source meant is anyone's guess, and none is
    compared."""
    # indices, not the figures: list membership by dataclass equality made a long claim quadratic
    owners_a, owners_b = [_owner(a, x) for x in qa], [_owner(b, y) for y in qb]
    comparable = sorted(
        ((i, j) for i, x in enumerate(qa) for j, y in enumerate(qb) if x.comparable(y)),
        key=lambda pair: not qa[pair[0]].overlaps(qb[pair[1]]),
    )
    left_a, left_b = set(range(len(qa))), set(range(len(qb)))
    found = []
    for belong in (lambda i, j: owners_a[i] & owners_b[j], lambda i, j: qa[i].overlaps(qb[j])):
        for i, j in comparable:
            if i in left_a and j in left_b and belong(i, j):
                left_a.remove(i)
                left_b.remove(j)
                found += [] if qa[i].overlaps(qb[j]) else [(qa[i], qb[j])]
    if len(left_a) < len(qa):
        return found  # the claims share a figure: the others are more of the story, not the same fact
    pairs = set(comparable)
    def candidate(i: int, j: int) -> bool:  # by value, whatever the scopes say
        return (i, j) in pairs or _near(qa[i], qb[j], numbers.DIFFERENT_THINGS)

    candidates_a = [i for i in range(len(qa)) if any(candidate(i, j) for j in range(len(qb)))]
    candidates_b = [j for j in range(len(qb)) if any(candidate(i, j) for i in range(len(qa)))]
    if len(candidates_a) == 1 and len(candidates_b) == 1 and (candidates_a[0], candidates_b[0]) in pairs:
        found.append((qa[candidates_a[0]], qb[candidates_b[0]]))
    return found


def _owner(facts: ClaimFacts, quantity: Quantity) -> frozenset[str]:
    return owner(facts.claim.text, facts.claim.language, quantity.start)


def _mismatch(a: ClaimFacts, x: Quantity, b: ClaimFacts, y: Quantity) -> list[Reason]:
    update = evolving_update(a, x, b, y) if x.measure in EVOLVING else None
    if update:
        return [_reason("number", None, update, x, y)]
    return [_reason("number", HARD, f"'{x.text}' against '{y.text}': {x.unit} figures that do not fit each other", x, y)]


def _casualties(a: ClaimFacts, b: ClaimFacts, swapped: bool = False) -> list[Reason]:
    """'no casualties' in a against dead or injured in b, when the none, read as a zero of
    their measure, is comparable with them: 'no casualties in Dubai' says nothing of a toll not
    given for Dubai."""
    none = next((q for q in a.quantities if q.measure == numbers.CASUALTIES), None)
    some = next((q for q in b.quantities if q.measure in ("dead", "injured") and q.low >= 1), None)
    if not (none and some) or not replace(none, measure=some.measure).comparable(some):
        return []
    x, y = (some, none) if swapped else (none, some)
    return [_reason("number", HARD, f"'{x.text}' against '{y.text}': casualties or none", x, y)]


def same_days(a: ClaimFacts, b: ClaimFacts) -> bool:
    """No day named in one claim that no day named in the other fits: the bombing "on Tuesday"
    is another than "Thursday's bombing"."""
    days_a = [d for d in a.dates if not d.scale]
    days_b = [d for d in b.dates if not d.scale]
    return not (days_a and days_b) or any(compatible(x, y) for x in days_a for y in days_b)


def evolving_update(a: ClaimFacts, x: Quantity, b: ClaimFacts, y: Quantity) -> str | None:
    """'3 (a, 27 Nov) -> 10 (b, 28 Nov)' when the later article gives the higher tally; None
    when the figures cannot be ordered (no date, same date), the later one is lower, or a claim
    dates its tally to another time (the toll of a quake "in December 2003" no longer moves)."""
    if not (a.published and b.published) or a.published == b.published:
        return None
    if told_of_another_time(a) or told_of_another_time(b):
        return None
    (early, qe), (late, ql) = sorted(((a, x), (b, y)), key=lambda side: side[0].published)
    if ql.low < qe.high:
        return None
    return (f"the {x.unit} figure rose: '{qe.text}' ({early.claim.doc}, {early.published.isoformat()}) -> "
            f"'{ql.text}' ({late.claim.doc}, {late.published.isoformat()}); an update, not a discrepancy")


def _dates(a: ClaimFacts, b: ClaimFacts, points: bool) -> list[Reason]:
    """points: days and months; else elapsed-time scales. Only dates of one act are compared
    (dates.StoryActs): the day of a heart attack is not the day of the death."""
    found = []
    day_pairs = _same_act([d for d in a.dates if not d.scale], a, [d for d in b.dates if not d.scale], b)
    if points and day_pairs and not any(compatible(x, y) for x, y in day_pairs):
        x, y = day_pairs[0]
        weekday = x.weekday is not None or y.weekday is not None  # "'Tuesday' (Tuesday) against 'March 4, 2009' (2009-03-04, a Wednesday)"
        found.append(_reason("date", HARD, f"'{x.text}' ({x.describe(weekday)}) against '{y.text}' ({y.describe(weekday)})", x, y))
    scales = _same_act([d for d in a.dates if d.scale], a, [d for d in b.dates if d.scale], b)
    if not points and scales and not any(x.scale == y.scale for x, y in scales):
        x, y = scales[0]
        found.append(_reason(
            "date", SOFT, f"'{x.text}' speaks of {x.scale}, '{y.text}' of {y.scale}: different time scales", x, y,
        ))
    return found


Dated = TypeVar("Dated", DateMention, Moment)


def _same_act(in_a: list[Dated], a: ClaimFacts, in_b: list[Dated], b: ClaimFacts, by_act: bool = True,
              apart: Callable[[frozenset[str], frozenset[str]], bool] = dates.other_acts) -> list[tuple[Dated, Dated]]:
    """The pairs of dates, times or ages, one of each claim, whose acts do not keep them apart
    (apart: tied to different acts, dates.other_acts, or ages told of different people,
    dates.other_sides; by_act False: every pair), of the first of each value and act a claim
    gives: a long text that repeats one ("The 30-year-old man died." 1,200 times) pairs it once."""
    return [(x, y) for x, ax in _distinct(in_a, a, by_act) for y, ay in _distinct(in_b, b, by_act) if not apart(ax, ay)]


def _distinct(found: list[Dated], facts: ClaimFacts, by_act: bool) -> list[tuple[Dated, frozenset[str]]]:
    """The first of each value (what a mention says, wherever it stands) and act (StoryActs.at) in found."""
    first: dict[tuple[Dated, frozenset[str]], Dated] = {}
    for x in found:
        first.setdefault((replace(x, start=0, end=0, text=""), facts.acts.at(x.start, x.end) if by_act else frozenset()), x)
    return [(x, acts) for (_, acts), x in first.items()]


def _moments(a: ClaimFacts, b: ClaimFacts, kinds: tuple[str, ...], described: bool = False) -> list[Reason]:
    """Times of day, game periods, records and ages that one thing (the clock, one period kind,
    one team's record, one person's age) cannot have in both claims: no mention in one fits any
    in the other; times of day of one act only (dates.StoryActs). described: the ages of unnamed
    people a noun describes ("the 11-year-old girl") too, where each claim gives one age for that
    noun ("a 47-year-old man and a 48-year-old man" are two men), not told of opposite sides ("a
    24-year-old man was shot dead", "police arrested a 19-year-old man": the victim and the suspect)."""
    found = []
    for kind in sorted({m.kind for m in a.moments} & {m.kind for m in b.moments}):
        if not kind.startswith(kinds):
            continue
        in_a = [m for m in a.moments if m.kind == kind]
        in_b = [m for m in b.moments if m.kind == kind]
        if in_a[0].described and not (described and len({m.low for m in in_a}) == len({m.low for m in in_b}) == 1):
            continue
        pairs = _same_act(in_a, a, in_b, b, by_act=kind == "time" or in_a[0].described,
                          apart=dates.other_sides if in_a[0].described else dates.other_acts)
        if not pairs or any(x.fits(y) for x, y in pairs):
            continue
        x, y = pairs[0]
        signal = "date" if kind.startswith(("time", "period")) else "number"
        found.append(_reason(signal, HARD, f"'{x.text}' against '{y.text}': the {x.describe()} differs", x, y))
    return found


def _deaths(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    """Claims about one fact (compare: same_fact) that say people died in ways or at places that
    exclude each other; looser pairs may tell of two of the dead."""
    found = []
    for told_a, told_b in ((a.manners, b.manners), (a.death_places, b.death_places)):
        if not told_a or not told_b or {m.key for m in told_a} & {m.key for m in told_b}:
            continue
        x, y = told_a[0], told_b[0]
        found.append(_reason("number", HARD, f"'{x.text}' against '{y.text}': the dead died {x.key} in one, {y.key} in the other", x, y))
    return found


def titles(a: ClaimFacts, b: ClaimFacts, same_fact: bool, agreements: bool = False) -> list[Reason]:
    """Offices the two claims give one person, and the parts of a company one office is for. A
    clash between claims that are not about one fact is only worth a look (soft); `agreements`
    also reports the offices that match."""
    found = []
    for x in a.roles:
        for y in b.roles:
            if x.person != y.person or (x.office != y.office and _offices(a, x.person) & _offices(b, x.person)):
                continue  # one person with several offices ("senior vice president and general manager"): like with like
            severity = roles.differ(x, y)
            if severity:
                severity = SOFT if severity == HARD and not same_fact else severity
                found.append(_reason("title", severity, roles.explain(x, y), x, y))
            elif agreements:
                label = roles.offices()[x.office]["label"]
                found.append(_reason("title", AGREES, f"{x.name} is {label} in both", x, y))
    return found


def _offices(facts: ClaimFacts, person: str) -> set[str]:
    return {r.office for r in facts.roles if r.person == person}


def _attribution(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    """One statement credited to two people. A news agency or outlet ("told AFP") is where the
    report came from, not who spoke; a quote without a speaker may be anyone's; names are
    compared whole (same_person). Two quotes in one language that share no content word are
    two statements, however alike their embeddings ("You have that exactly right", "This is the
    next step in that direction")."""
    ca, cb = a.claim, b.claim
    speaker_a, speaker_b = speaker(ca), speaker(cb)
    if not (ca.quote and cb.quote and speaker_a and speaker_b):
        return []
    if same_person(speaker_a, speaker_b) or _one_owner(speaker_a, speaker_b):
        return []
    said_a, said_b = _said(a, speaker_a), _said(b, speaker_b)
    if ca.language == cb.language and said_a and said_b and not said_a & said_b:
        return []
    return [Reason(
        kind="attribution",
        explanation=f"the statement is credited to {speaker_a} in one source and to {speaker_b} in the other",
        severity=HARD,
        a_value=speaker_a,
        b_value=speaker_b,
    )]


def _one_owner(name_a: str, name_b: str) -> bool:
    """Two speakers that are only one owner ("Kiir's" spokesman in both), or one that names
    no one at all: no two people told apart."""
    words_a, words_b = fold(name_a).split(), fold(name_b).split()
    if not (words_a and words_b):
        return True
    return not _named(words_a) and not _named(words_b) and words_a == words_b


def _said(facts: ClaimFacts, who: str) -> set[str]:
    """The stems of the content words inside a claim's quotations (normalize.quote_spans), or of
    the whole claim where it has no quotation marks (a blockquote): not stop words, speech
    verbs or its speaker's name; the words around the quote are the report's, not the speaker's
    ('"No," Rubio said.' says nothing but "No"). Empty where none is read: then the two quotes
    are not told apart by their words."""
    language = facts.claim.language
    left_out = stopwords(language) | {fold(v) for v in speech_verbs(language)} | set(fold(who).split())
    quoted = [(s + 1, e - 1) for s, e in quote_spans(facts.claim.text)] or [(0, len(facts.claim.text))]
    return {stem(t.key, language) for t in facts.words
            if t.key.isalpha() and t.key not in left_out and any(a <= t.start < b for a, b in quoted)}


def same_person(name_a: str, name_b: str) -> bool:
    """Names compared whole, word by word: every word of the shorter is a word of the longer
    ("Lang" is "Miabek Lang", "John Smith" is not "Jane Smith"), spelled alike or nearly so
    ("Alishbandi", "Heydar Alishvandi": one transliteration of another). A possessive before a
    name is its owner, no word of it ("Sudan's Kiir", tokenised "Sudan 's Kiir", is Salva Kiir);
    a name that is only an owner ("Kiir's" spokesman) names no speaker to be."""
    words_a, words_b = (_named(fold(name).split()) for name in (name_a, name_b))
    if not (words_a and words_b):
        return False
    shorter, longer = sorted((words_a, words_b), key=len)
    return all(any(x == y or spelled_two_ways(x, y) for y in longer) for x in shorter)


def _named(words: list[str]) -> list[str]:
    """A name's words less its owners: a word with a possessive ("sudan's") or before one set
    apart ("sudan 's")."""
    return [w for i, w in enumerate(words)
            if not POSSESSIVE.search(w) and not (i + 1 < len(words) and POSSESSIVE.match(" " + words[i + 1]))]


def spelled_two_ways(x: str, y: str, surname: bool = False) -> bool:
    """Two folded words that are one name in two spellings: long enough to tell, the same first
    letter, nearly the same letters (rapidfuzz), and neither the start of the other ("Iran",
    "Iranian" is a derived word, not a spelling).

    A surname after one same first name (`surname`: "Duncan Rait", "Duncan Raite") tells more,
    since two people of one story rarely share a first name and nearly a surname: four letters
    are enough, one letter more at its end is a spelling ("Rait", "Raite"), unless it is the s of
    a plural or of a possessive written without its apostrophe, or the shorter is a place (its
    people: "Korea", "Korean"), and so is a particle joined to it or left off ("Calamita",
    "LaCalamita"). The caller tells that the word before is a first name (people.given_name)."""
    shorter, longer = sorted((x, y), key=len)
    if surname and len(shorter) >= SHORTEST_SURNAME and shorter != longer:
        if longer.endswith(shorter) and longer[:len(longer) - len(shorter)] in PARTICLES:
            return True
        if longer[:-1] == shorter and longer[-1] != "s" and shorter not in place_names():
            return True
    return (
        len(shorter) >= (SHORTEST_SURNAME if surname else SHORTEST_NAME) and x[0] == y[0]
        and not longer.startswith(shorter) and fuzz.ratio(x, y) >= NAME_SPELLING
    )


def speaker(claim: Claim) -> str | None:
    """The speaker the claim itself names, unless it is a news agency or outlet. A speaker
    carried over from an earlier sentence ("she said") is the reading of a pronoun, not what the
    source wrote: such a quote counts as unattributed."""
    if claim.speaker is None or fold(claim.speaker).strip() in agencies():
        return None
    if fold(claim.speaker.split()[-1]) not in fold(claim.text):
        return None
    return claim.speaker


def _framing(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    found = []
    for frame in sorted({m.frame for m in a.frames} & {m.frame for m in b.frames}):
        camps_a = {m.camp for m in a.frames if m.frame == frame}
        camps_b = {m.camp for m in b.frames if m.frame == frame}
        if camps_a != camps_b:
            in_a = [m for m in a.frames if m.frame == frame]
            x = next((m for m in in_a if m.camp not in camps_b), in_a[0])
            y = next(m for m in b.frames if m.frame == frame and m.camp != x.camp)
            found.append(_reason(
                "framing", FRAMING,
                f"{frames()[frame]['description']}: '{x.text}' ({x.camp}) against '{y.text}' ({y.camp})", x, y,
            ))
    return found


def _polarity(a: ClaimFacts, b: ClaimFacts, plain: bool) -> list[Reason]:
    """One word denied in one claim ("not released", "undamaged", "insufficiently equipped") and
    affirmed in the other: stressed ("well equipped") or, where plain is set, written plainly
    ("damaged"). Not where a claim carries the word both ways, nor where both deny it in
    different words ("not be released", "not releasing"; "ill-equipped", "insufficiently
    equipped"). A word read off a prefix ("undamaged") counts only against the very word after
    the prefix ("indebted" is no "debt" denied), and a plain word only as the very word denied:
    a plain word affirms little ("would cause tsunamis" against "no tsunami risk"). A word
    stressed by a modifier against one denied by another ("well equipped", "insufficiently
    equipped") is an affirmation against a denial in any form of the word, the clearest reading,
    so the one reported."""
    found = []
    for x_facts, y_facts, first in ((a, b, True), (b, a, False)):
        for x in x_facts.polar:
            if x.polarity >= 0 or any(o.stem == x.stem and o.polarity >= 0 and not o.affix for o in x_facts.polar):
                continue
            same = [y for y in y_facts.polar if y.stem == x.stem]
            if any(y.polarity < 0 for y in same):
                continue  # both deny it
            heads = {y.polarity for y in y_facts.polar if y.stem == x.head}
            # an irregular past shares its verb's first letters, not its stem ("send", "sent")
            verb_there = heads or any(y.stem[:IRREGULAR_STEM] == x.head[:IRREGULAR_STEM] for y in y_facts.polar)
            if x.head and (heads and min(heads) < 0 or x.object and not verb_there):
                # both deny what it hangs on ("not expecting the toll to rise", "not expected to rise"); and a denied verb's
                # object is denied with it only where the other claim has that verb: "did not survive the crash" denies no
                # crash. A word a link carries the denial on to is ("not getting into the server business")
                continue
            y = max(same, key=lambda p: (p.polarity, p.form == x.form), default=None)
            if y and (y.polarity > 0 and not x.affix or (plain or y.polarity > 0) and y.form == x.form):
                found.append((-y.polarity, not first, x.match.start, (x, y) if first else (y, x)))
    if not found:
        return []
    x, y = min(found, key=lambda f: f[:3])[3]  # the clearest, then claim a's denial first, then the first in its words
    return [_reason("negation", HARD, f"'{x.match.text}' against '{y.match.text}': one claim denies what the other affirms",
                    x.match, y.match)]


_SPACED_CONTRACTION = re.compile(r"(?<=\w)n\s+[’']\s*t\b")
OPENS_A_CLAUSE = 1  # words before a denial that opens its clause ("but none could be confirmed")
IRREGULAR_STEM = 3  # first letters a verb's irregular forms share ("send", "sent"; "keep", "kept")
SHORTEST_BASE = 4  # letters of a word that carries a property ("deep", not "why")
SHORTEST_AFFIXED = 5  # ... after a negating prefix: "unarmed" is "armed" denied, "unless" no "less", "inside" no "side"
_CLAUSE_END = numbers.CLAUSE_BREAKS | numbers.SENTENCE_ENDS  # a denial reaches no further than its clause
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu)['’](?=\w)")  # "l'hôpital", "d'électricité": the word is what follows
_NOT_HYPHENATED = frozenset({"in"})  # "in-depth", "in-house", "in-flight": "in" with a hyphen is the preposition
_QUOTES = re.compile(r"[\s\"'“”‘’«»„]*")  # all that may stand between a modifier and its word ('"insufficiently" equipped')


class _Governor(NamedTuple):
    """What gives the word to come its polarity: a cue or modifier, or a link carrying on the
    polarity of the word before it (head: that word's stem, or the stem it was carried from)."""

    start: int
    polarity: int
    cue: bool  # a negation cue (not a modifier): it reaches past auxiliaries and articles
    head: str = ""
    object: bool = False  # it governs the word right after a denied one, its object


@lexicon_cache
def _polarity_words(language: str) -> dict[str, frozenset[str]]:
    """The language's prefixes, weakening and stressing modifiers, words a denial reaches past,
    links, the words that only begin like a prefix, the denying pronouns and the verbs of confirming
    (negation.yaml), folded."""
    lexicon = load_lexicon("negation")
    keys = ("prefixes", "not_prefixed", "weakening", "stressing", "reach_past", "links", "pronouns", "confirming")
    return {key: frozenset(fold(w) for w in lexicon[key].get(language, [])) for key in keys}


def _polar_words(text: str, language: str) -> list[Polar]:
    """The claim's words of four letters or more with their polarity. A negation cue denies the
    first word after it in its clause past auxiliaries and articles ("not be released", "not
    yet regained"), and the word right after that ("did not send troops", but not "would not say
    why the permit ...": a short word stops it); a weakening or stressing modifier governs the
    word right after it, only quotes between ('"insufficiently" equipped'), or joined to it by a
    hyphen ("ill-equipped"); modifiers multiply ("not well equipped" is denied, but "not damaged
    nor destroyed" are both); a link carries the polarity on to the
    next word ("insufficiently equipped and experienced", "not intending to compete"), but not
    onto a word with a negating prefix of its own ("insufficiently equipped and inexperienced");
    a word with a negating prefix is also read as the word after it, denied ("undamaged")."""
    lexicon = _polarity_words(language)
    if not lexicon["prefixes"]:
        return []
    modifiers = lexicon["weakening"] | lexicon["stressing"]
    cues = _negations(text, language)
    # a clause with a denial affirms none of its plain words ("no immediate reports of any
    # casualties", "asked that their conditions and other information not be released")
    clauses = [i + 1 for i, c in enumerate(text) if c in _CLAUSE_END] + [len(text)]
    denying = {bisect_right(clauses, c.start) for c in cues}
    # ... nor does a clause that a denial opening the next one takes back ("There were varying
    # reports of casualties, but none could be confirmed": a hedge, no casualties affirmed)
    words = tokens(text)
    starts = [w.start for w in words]
    denying |= {k - 1 for c in cues if (k := bisect_right(clauses, c.start))
                and _takes_back(text, words, starts, c, clauses[k - 1], language)}
    found = []
    governing = None  # what governs the word to come
    linked = None  # the last word read with a polarity, as what a link after it carries on
    previous = None
    for word in words:
        gap, previous = text[previous.end:word.start] if previous else "", word
        word = _bare_word(word)
        if _CLAUSE_END & set(gap):
            governing = linked = None
        if governing and not (governing.cue or governing.head) and not _QUOTES.fullmatch(gap):
            governing = None  # a modifier reaches past quotes only ('"insufficiently" equipped'), no other mark ("poorly/well equipped")
        cue = next((c for c in cues if c.start <= word.start < c.end), None)
        if cue and governing and governing.start == cue.start:
            continue  # the rest of a cue of several words ("yet to")
        if cue or word.key in modifiers:
            polarity = -1 if cue or word.key in lexicon["weakening"] else 1
            if governing and not governing.head:  # modifiers multiply: "not well equipped" is denied
                governing = _Governor(governing.start, governing.polarity * polarity, governing.cue or bool(cue))
            else:
                governing = _Governor((cue or word).start, polarity, bool(cue))
            linked = None
            continue
        if governing and (governing.cue or governing.head) and word.key in lexicon["reach_past"]:
            continue
        if linked and word.key in lexicon["links"]:
            governing, linked = linked, None
            continue
        start, polarity, head, denied, obj = word.start, 0, "", False, False
        # a modifier's polarity is no prefixed word's ("insufficiently equipped and inexperienced");
        # a denial's is ("no one was killed or injured")
        if governing and (governing.cue or not governing.head or not any(word.key.startswith(p) for p in lexicon["prefixes"])):
            start, polarity, head, denied, obj = governing.start, governing.polarity, governing.head, governing.cue, governing.object
        governing = linked = None
        prefix, _, rest = word.text.lower().partition("-")
        if rest and fold(prefix) in modifiers | (lexicon["prefixes"] - _NOT_HYPHENATED):  # "ill-equipped", "well-equipped", "non-violent"
            polarity = (polarity or 1) * (1 if fold(prefix) in lexicon["stressing"] else -1)
            found.append(Polar(stem(rest, language), polarity, Match(start, word.end, text[start:word.end], word.key), fold(rest),
                               head=head, object=obj))
        elif len(word.key) >= SHORTEST_BASE and word.key.isalpha():
            if polarity or bisect_right(clauses, word.start) not in denying:
                found.append(Polar(stem(word.text.lower(), language), polarity, Match(start, word.end, text[start:word.end], word.key),
                                   word.key, head=head, object=obj))
            # a stressed prefixed word is the word after the prefix denied too ("very unhappy"); a denied one is
            # left alone ("not unhappy" says little); words that only begin like a prefix are none ("immigrants")
            if polarity >= 0 and not any(word.key.startswith(w) for w in lexicon["not_prefixed"]):
                found += [Polar(stem(word.text.lower()[len(p):], language), -1, Match(start, word.end, text[start:word.end], word.key),
                                word.key[len(p):], affix=True)
                          for p in lexicon["prefixes"] if word.key.startswith(p) and len(word.key) - len(p) >= SHORTEST_AFFIXED]
        else:
            continue
        if polarity:
            linked = _Governor(start, polarity, denied, head or found[-1].stem)
            if denied and not head:
                governing = linked._replace(object=True)  # a denial reaches the word after its own too, a verb's object ("did not send troops")
    return found


CONFIRM_REACH = 5  # words after a denying pronoun where its clause doubts the report ("none has yet been independently verified")


def _takes_back(text: str, words: list[Match], starts: list[int], cue: Match, clause_start: int, language: str) -> bool:
    """A denial that takes back the clause before it: a pronoun standing for what that clause
    reported ("varying reports of casualties, but none could be confirmed"), opening its own
    clause, no noun after it, a verb of confirming in its next CONFIRM_REACH words ("none has
    been named" tells of something new). A denial of something new affirms the clause before
    ("Soldiers were killed, but no civilians were hurt"; "The gunman was arrested, no shots were fired")."""
    at = bisect_right(starts, cue.start) - 1
    lexicon = _polarity_words(language)
    if at < 0 or words[at].key not in lexicon["pronouns"] or at - bisect_left(starts, clause_start) > OPENS_A_CLAUSE:
        return False
    after = words[at + 1] if at + 1 < len(words) else None
    if after is not None and not _CLAUSE_END & set(text[cue.end:after.start]) and after.key not in stopwords(language):
        return False
    clause = words[at + 1:at + 1 + CONFIRM_REACH]
    ends = [k for k, w in enumerate(clause) if _CLAUSE_END & set(text[(clause[k - 1].end if k else cue.end):w.start])]
    return any(w.key in lexicon["confirming"] for w in clause[:ends[0] if ends else None])


def _bare_word(word: Match) -> Match:
    """A word without a leading elision ("l'hôpital") or a trailing possessive ("island's"), which
    would hide it from the test for letters only."""
    lead = _ELISION.match(word.key)
    start, end = lead.end() if lead else 0, len(bare(word.key))
    if start >= end or (start, end) == (0, len(word.key)):
        return word
    return Match(word.start + start, word.start + end, word.text[start:end], word.key[start:end])


def _entities(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    """A place in one claim where its close paraphrase has another of its level (a country, a
    city), and none in common. Spellings the gazetteer does not fold ("Mexiko-Stadt", "Mexico
    City") count as one when they are near-identical (rapidfuzz ratio >= PLACE_SPELLING), and a
    city and its country, or a borough and its city, are one place told finer or coarser
    ("Athens" / "Greece", "Khartoum" / "Sudan", "Brooklyn" / "New York City": names.one_area);
    a city against a country not its own tells of two kinds of thing, not one place two ways, and
    a place's name in a longer name or a thing's (_named_places: "a Toyota") is no place."""
    places_a, places_b = _named_places(a), _named_places(b)
    within = countries_of_cities()
    if any(x.key == y.key or fuzz.ratio(x.key, y.key) >= PLACE_SPELLING or y.key in within.get(x.key, ())
           or x.key in within.get(y.key, ()) or one_area(x.key, y.key) for x in places_a for y in places_b):
        return []
    x, y = next(((x, y) for x in places_a for y in places_b if (x.key in country_keys()) == (y.key in country_keys())), (None, None))
    return [_reason("entity", SOFT, f"'{x.text}' in one claim where the other has '{y.text}'", x, y)] if x else []


_ARTICLE_BEFORE = re.compile(r"(?:^|\s)(?:a|an)\s+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w’'-]*)")
ARTICLE_REACH = 4  # characters before a place its article ends within ("an ")


def _named_places(facts: ClaimFacts) -> list[Match]:
    """The claim's places that name a place: not a place's name as a word of a longer name
    ("Toyota Camry", "Washington Post": a capitalised word after it that is no date and no title,
    "In Athens Mayor Kaminis", in a sentence cased as one, not a title-cased headline, and in a
    language that capitalises names alone), nor after an English indefinite
    article ("a Toyota": a thing; Spanish "a Madrid" is "to Madrid")."""
    text, dated = facts.claim.text, {d.start for d in facts.dates}
    headline = title_cased(text)
    found = []
    for p in facts.places:
        after = _WORD_AFTER.match(text, p.end)
        longer = (after is not None and after.group(1)[0].isupper() and after.start(1) not in dated
                  and fold(after.group(1)) not in roles.titles()
                  and not headline and facts.claim.language not in numbers.NOUNS_CAPITALISED)
        thing = facts.claim.language == "en" and _ARTICLE_BEFORE.search(text, max(0, p.start - ARTICLE_REACH), p.start) is not None
        if not longer and not thing:
            found.append(p)
    return found


def _name_spellings(a: ClaimFacts, b: ClaimFacts) -> list[Reason]:
    """A name in one claim that its close paraphrase spells nearly the same way ("Alishbandi",
    "Alishvandi"; after one same first name, "Duncan Rait", "Duncan Raite"): worth a look, since
    it is one person spelled two ways or two people. Places are the entity check's; one name the
    prefix of the other ("Iran", "Iranian"; "Sudan's", "Sudanese") is a derived word; first names
    before one same surname are two of a family ("Charlene Kafoury", her brother "Charlie Kafoury").

    The first name of claim a (in its order) with such a partner, and its first partner: each
    distinct name once, against the other's names of its first letter or its first name, the
    only ones spelled_two_ways can take (so a long claim is not compared word by word)."""
    words_a, words_b = {bare(t.key) for t in a.words}, {bare(t.key) for t in b.words}
    names_a, names_b = _distinct_names(a, words_b), _distinct_names(b, words_a)
    by_letter: dict[str, list[_Name]] = {}
    by_given: dict[str, list[_Name]] = {}
    for y in names_b:
        by_letter.setdefault(y.key[:1], []).append(y)
        if y.given:
            by_given.setdefault(y.given, []).append(y)
    for x in names_a:
        partners = by_letter.get(x.key[:1], []) + (by_given.get(x.given, []) if x.given else [])
        y = min((y for y in partners if _one_name_two_ways(x, y)), key=lambda y: y.match.start, default=None)
        if y is not None:
            return [_reason("entity", SOFT, f"'{x.match.text}' in one claim, '{y.match.text}' in the other: one name spelled two ways?",
                            x.match, y.match)]
    return []


class _Name(NamedTuple):
    match: Match
    key: str  # folded, without its possessive (bare)
    given: str  # its first name, "" where there is none
    after: str | None  # the capitalised word right after it (bare), if any


def _distinct_names(facts: ClaimFacts, other_words: set[str]) -> list[_Name]:
    """The claim's names (_names), the first of each (key, first name, word after) only, less
    those the other claim writes too ("Three people" / "There were three": not a spelling)."""
    found: dict[tuple[str, str, str | None], _Name] = {}
    for match, given, after in _names(facts):
        key = bare(match.key)
        if key not in other_words:
            found.setdefault((key, given, after), _Name(match, key, given, after))
    return list(found.values())


def _one_name_two_ways(x: _Name, y: _Name) -> bool:
    if x.after is not None and x.after == y.after:
        return False
    if one_a_town(x.key, y.key) and not (x.given and x.given == y.given):
        return False  # a town against a name that is none (a firm, a brand): two things, not one spelled two ways
    return spelled_two_ways(x.key, y.key, surname=bool(x.given) and x.given == y.given)


def bare(key: str) -> str:
    """A folded word without its possessive: "Sudan's" is Sudan, "Charles'" is Charles."""
    return POSSESSIVE.sub("", key).rstrip("'’")


def _names(facts: ClaimFacts) -> list[tuple[Match, str, str | None]]:
    """Capitalised words outside places, each with its first name (people.first_name; "" where
    there is none) and the capitalised word written right after it (its surname, where it is a
    first name), if any."""
    places = {(p.start, p.end) for p in facts.places}
    words, text = facts.words, facts.claim.text

    def surname(i: int) -> str | None:
        after = words[i + 1] if i + 1 < len(words) else None
        return bare(after.key) if after and after.text[0].isupper() and text[words[i].end:after.start].isspace() else None

    return [
        (t, facts.given[i], surname(i)) for i, t in enumerate(words)
        if t.text[0].isupper() and len(t.key) >= SHORTEST_SURNAME and not any(s <= t.start < e for s, e in places)
    ]


@lexicon_cache
def _negation_cues() -> dict[str, frozenset[str]]:
    return {language: frozenset(fold(c) for c in cues) for language, cues in load_lexicon("negation")["cues"].items()}


def _negations(text: str, language: str) -> list[Match]:
    """Negation cues: words, and phrases ("yet to") that hold none, so that two claims denying
    one thing in different words ("had yet to regain", "had not yet regained") agree."""
    folded = _negation_cues().get(language, frozenset())
    lexicon = load_lexicon("negation")
    idioms = find_phrases(text, {"idiom": lexicon["idioms"]})
    phrase_cues = lexicon.get("phrases", {}).get(language)
    phrases = find_phrases(text, {"cue": phrase_cues}) if phrase_cues else []
    phrases += [  # "doesn ’ t": a contraction spaced apart by the page's typography
        Match(m.start(), m.end(), m.group(), "n't") for m in _SPACED_CONTRACTION.finditer(text) if "n't" in folded
    ]
    words = [
        t for t in tokens(text)
        if (t.key in folded or (t.key.replace("’", "'").endswith("n't") and "n't" in folded))  # "wasn’t", curly
        and not any(i.start <= t.start < i.end for i in [*idioms, *phrases])
    ]
    return sorted([*words, *phrases], key=lambda m: m.start)


def _places(text: str) -> list[Match]:
    """Gazetteer places: capitalised runs of up to three words ("Vereinigten Arabischen
    Emiraten", "Miami"), and lower-case alias forms ("kolumbianischen")."""
    places = place_names()
    lower_case_forms = aliases()[0]
    found: list[Match] = []
    toks = tokens(text)
    i = 0
    while i < len(toks):
        for width in (3, 2, 1):
            run = toks[i:i + width]
            if len(run) < width:
                continue
            written = text[run[0].start:run[-1].end]
            key = normalize(written)
            if key in places and (written[:1].isupper() or key in lower_case_forms):
                found.append(Match(run[0].start, run[-1].end, written, places[key]))
                i += width
                break
        else:
            i += 1
    return found
