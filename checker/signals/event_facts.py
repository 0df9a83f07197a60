"""Facts of an event that are not figures, as values the corpus-wide sets (signals/fact_sets.py)
compare across sources like figures: the time of day of an act ("2:53 p.m." against "3:20
p.m."), a named person's age ("Buckley, 32," against "Buckley, 31,"), a named team's record
("Indianapolis (10-5)" against "Indianapolis' record rose to 9-5"), how the event's dead
died ("burnt to death" against "choked on smoke") and where ("died at the scene" against "died on
the way to the hospital"), and how a name is spelled ("Rait", "Raite").

What ties two of them to one fact differs by kind (`reach`):
- OWNED: an age or a record belongs to its owner, named with it; one owner is one fact. A
  team is named by one word ("Colts", "Indianapolis"); the event's own longer names
  ("Indianapolis Colts") make two such words one owner. A person is named by first name and
  surname: "John Smith, 23" and his sister "Kate Smith, 20" are two owners, and a surname alone
  ("Smith, 23") is the event's only person of that surname, or no one known where the event
  writes two first names before it. A name spelled two ways is one ("Duncan Rait", "Duncan
  Raite"); a courtesy title tells a man from a woman ("Mr. Kafoury", "Mrs. Kafoury").
- DEATH: how and where the event's dead died are facts of the event by themselves, with no
  word to share (the woman "identified by the police as Madeline Kafoury" and "the third
  victim"), but only while no source of the event tells of dead who died apart: one source that
  gives two manners or two places ("one died at the scene", "another died in hospital") makes
  the event's dead several facts (fact_sets: _died_apart).
- NAME: a name's spelling is one fact wherever and whenever the claims tell of its owner: no
  places or days near it set it apart ("spokeswoman Ilene Wolff" in a sentence about Sterling
  Heights is the Beaumont spokeswoman "Ilene Wolfe").
- ACT: a time of day is one fact only for one act on one day: the claims must share content
  words, have embeddings alike (`thresholds.act_similarity`) and name no days that differ, and
  the time's clause tell of no other act of the story (dates.StoryActs: the arrest, the death).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations, groupby

from checker.names import CAPITAL, one_a_town
from checker.normalize import normalize
from checker.signals import (
    SHORTEST_SURNAME,
    ClaimFacts,
    bare,
    spelled_two_ways,
)
from checker.signals.dates import other_acts
from checker.signals.people import courtesy_sex, one_given_name

OWNED, NAME, DEATH, ACT = "owned", "name", "death", "act"
TIME_OF_DAY = "time of day"
MANNER_OF_DEATH = "manner of death"
PLACE_OF_DEATH = "place of death"
DAYS_A_YEAR = 365.25
_NAME_RUN = re.compile(rf"(?<![\w’']){CAPITAL}[\w’'-]+(?:\s+{CAPITAL}[\w’'-]+)+")


@dataclass(frozen=True)
class EventFact:
    """One claim's value for a fact that is not a figure, with offsets into the claim."""

    start: int
    end: int
    text: str
    measure: str  # "time of day", "age of Anthony Buckley", "record of Indianapolis Colts", "manner of death", ...
    reach: str  # OWNED, NAME, DEATH or ACT: what makes two of them one fact (see the module's notes)
    low: float  # minutes after midnight for a time; the age; the wins of a record
    high: float
    detail: str = ""  # the rest of a record ("5" losses); the manner or place of death
    acts: frozenset[str] = frozenset()  # for a time, the acts its clause tells of (dates.StoryActs)

    def comparable(self, other: EventFact) -> bool:
        """One measure, and for times one act: the time of the arrest is not the time of the death."""
        return self.measure == other.measure and not other_acts(self.acts, other.acts)

    def overlaps(self, other: EventFact) -> bool:
        """Could both be true? A time "about 3 p.m." is a range; an age, a record, a manner or a
        place is one value."""
        if self.reach == ACT:
            return self.low <= other.high and other.low <= self.high
        return self.camp == other.camp

    @property
    def camp(self) -> tuple:
        return (self.low, self.high, self.detail)


@dataclass(frozen=True)
class EventNames:
    """What the event's claims together say about its names."""

    owners: dict[str, str]  # a capitalised word -> the event's longer name for it ("colts" -> "indianapolis colts")
    people: dict[str, dict[str, str]]  # a surname -> each first name written before it -> its person's ("smith" -> {"katie": "kate"})
    spellings: dict[str, str]  # a name spelled two ways -> its most written spelling ("alishvandi" -> "alishbandi")
    written: dict[str, str]  # a folded capitalised word -> as the event's claims write it most ("muller" -> "Müller")
    titled: dict[str, frozenset[str]]  # a surname -> the sexes of the courtesy titles before it ("kafoury" -> {"mr", "ms"})

    def owner(self, what: str, word: str, given: str, sex: str = "") -> str | None:
        """Whose an age or a record is, keyed: a person by first name and surname ("john smith"), a
        surname alone ("Smith, 23") the event's only person of that surname, else a word by the
        event's longer name for it ("colts" -> "indianapolis colts"); None for a surname alone
        that two people of the event share ("John Smith" and his sister "Kate Smith"). Names
        spelled two ways are one person's ("Duncan Rait", "Duncan Raite"); a surname alone after
        a title ("Mrs. Kafoury") is that title's person where the event titles both a man and a
        woman of that surname ("Mr. Kafoury")."""
        if what == "age":
            word, given = self.spellings.get(word, word), self.spellings.get(given, given)
            if sex and not given and len(self.titled.get(word, ())) > 1:
                return f"{sex.capitalize()} {word}"  # "Ms Kafoury"
            people = self.people.get(word, {})
            persons = {people.get(given, given)} if given else set(people.values())
            if len(persons) > 1:
                return None
            if persons:
                return f"{persons.pop()} {word}"
        return self.owners.get(word, word)

    def shown(self, key: str) -> str:
        """A folded name as written: folded keys match, people read "McDonald" and "Müller"."""
        return " ".join(self.written.get(word, word) for word in key.split())


def event_facts(facts: ClaimFacts, names: EventNames) -> list[EventFact]:
    """The claim's times of day, owned ages and records, manners and places of death and names
    the event spells more than one way."""
    found = []
    for m in facts.moments:
        if m.kind == "time":
            found.append(EventFact(m.start, m.end, m.text, TIME_OF_DAY, ACT, m.low, m.high, acts=facts.acts.at(m.start, m.end)))
        elif m.kind.startswith(("age ", "record ")) and not m.described:  # "the man" of one claim may be another's
            what, word = m.kind.split(" ", 1)
            owner = names.owner(what, word, m.given, m.sex)
            if owner is not None:
                found.append(EventFact(m.start, m.end, m.text, f"{what} of {names.shown(owner)}", OWNED, m.low, m.high, m.position))
    found += [EventFact(m.start, m.end, m.text, measure, DEATH, 0, 0, m.key)
              for measure, told in ((MANNER_OF_DEATH, facts.manners), (PLACE_OF_DEATH, facts.death_places)) for m in told]
    found += [
        EventFact(t.start, t.end, t.text, f"spelling of {names.shown(names.spellings[bare(t.key)])}", NAME, 0, 0, bare(t.key))
        for t in facts.words if bare(t.key) in names.spellings
    ]
    return found


def grew_older(a: EventFact, published_a: date | None, b: EventFact, published_b: date | None) -> bool:
    """Two ages of one person that the years between their articles explain: 38 in April 2007
    and 39 in April 2008 (one year more per year between them, to the nearest year: a day
    apart, 31 and 32 still conflict)."""
    if not (a.measure.startswith("age of") and published_a and published_b):
        return False
    (early, _), (late, _) = sorted(((a, published_a), (b, published_b)), key=lambda side: side[1])
    years = round(abs((published_b - published_a).days) / DAYS_A_YEAR)
    return 0 <= late.low - early.low <= years


def event_names(facts: Sequence[ClaimFacts], names: frozenset[str]) -> EventNames:
    """names: the event's `inner_names`."""
    spellings = _spellings(facts, names)
    return EventNames(_owner_names(facts, names), _people(facts, spellings), spellings, _written(facts), _titled(facts))


def _titled(facts: Sequence[ClaimFacts]) -> dict[str, frozenset[str]]:
    """Each capitalised word -> the sexes of the courtesy titles written before it (people.courtesy_sex)."""
    found: dict[str, set[str]] = {}
    for f in facts:
        for t in f.words:
            sex = courtesy_sex(f.claim.text, t.start) if t.text[:1].isupper() else ""
            if sex:
                found.setdefault(bare(t.key), set()).add(sex)
    return {word: frozenset(sexes) for word, sexes in found.items()}


def _written(facts: Sequence[ClaimFacts]) -> dict[str, str]:
    """Each capitalised word's folded key -> its most written form (ties: the first in code point order)."""
    forms: dict[str, Counter[str]] = {}
    for f in facts:
        for t in f.words:
            if t.text[:1].isupper():
                forms.setdefault(t.key, Counter())[t.text] += 1
    return {key: min(counts, key=lambda form: (-counts[form], form)) for key, counts in forms.items()}


def _owner_names(facts: Sequence[ClaimFacts], names: frozenset[str]) -> dict[str, str]:
    """Each capitalised word of the event -> the name of two words or more that the event's
    claims write it in most often ("colts" and "indianapolis" -> "indianapolis colts")."""
    runs: Counter[str] = Counter()
    for f in facts:
        for m in _NAME_RUN.finditer(f.claim.text):
            # the names in a run of capitalised words: "The Indianapolis Colts" -> "indianapolis colts"
            for is_name, words in groupby(map(normalize, m.group().split()), key=lambda w: w in names):
                words = list(words)
                if is_name and len(words) >= 2:
                    runs[" ".join(words)] += 1
    by_word: dict[str, list[tuple[int, str]]] = {}
    for run, count in runs.items():
        for word in run.split():
            by_word.setdefault(word, []).append((-count, run))
    return {word: min(found)[1] for word, found in by_word.items()}


def _people(facts: Sequence[ClaimFacts], spellings: dict[str, str]) -> dict[str, dict[str, str]]:
    """Each capitalised word -> the first names (people.first_name) written before it anywhere in
    the event, each to the least of the names that may be one person's with it (people.one_given_name:
    "Kathryn Jenkin" and "Katie Jenkin" are one, "Kate Smith" and "John Smith" two); a name spelled
    two ways (`spellings`) as its one spelling. A name that may be either of two people is its own
    (complete linkage, as fact_sets builds): "Chris" beside "Christina" and "Christopher" Smith."""
    found: dict[str, set[str]] = {}
    for f in facts:
        for t, given in zip(f.words, f.given, strict=True):
            if given:
                found.setdefault(spellings.get(bare(t.key), bare(t.key)), set()).add(spellings.get(given, given))
    people: dict[str, dict[str, str]] = {}
    for word, firsts in found.items():
        person = {first: first for first in firsts}
        either = {x for x in firsts if any(one_given_name(x, y) and one_given_name(x, z) and not one_given_name(y, z)
                                           for y, z in combinations(sorted(firsts - {x}), 2))}
        # the names of either of two set apart, one person's names are each other's: merging pairs makes whole groups
        for x, y in combinations(sorted(firsts - either), 2):
            if one_given_name(x, y):
                old, new = sorted((person[x], person[y]), reverse=True)
                person = {first: new if p == old else p for first, p in person.items()}
        people[word] = person
    return people


def _spellings(facts: Sequence[ClaimFacts], names: frozenset[str]) -> dict[str, str]:
    """Names written two ways that stand next to one name: one person's name spelled two ways.
    A surname after one same first name ("Heydar Alishbandi", "Heydar Alishvandi"; "Duncan Rait",
    "Duncan Raite": spelled_two_ways' surname), or a name whose neighbour is spelled two ways too
    (a whole name transliterated: "Heydar Alishbandi", "Heidar Alishvandi"). Alike spellings are
    not enough on their own ("Marfin Bank" is not "Martin Luther"), nor one same surname after
    them: a family shares it ("Charlene Kafoury" and her brother "Charlie Kafoury"); nor a
    town's name against one that is none, unless one first name stands before both."""
    counts: Counter[str] = Counter()
    before: dict[str, set[str]] = {}  # a name -> its first names (people.first_name)
    beside: dict[str, set[str]] = {}  # ... before or after it
    for f in facts:
        named = [t if t.text[0].isupper() and normalize(t.text) in names else None for t in f.words]
        for i, t in enumerate(named):
            if t is None:
                continue
            key = bare(t.key)  # "Charles'" is Charles
            counts[key] += 1
            given = f.given[i]
            before.setdefault(key, set()).update([given] if given else [])
            neighbours = [*named[max(0, i - 1):i], *named[i + 1:i + 2]]
            beside.setdefault(key, set()).update(bare(n.key) for n in neighbours if n)
    keys = sorted(k for k in counts if len(k) >= SHORTEST_SURNAME)
    group = {k: k for k in keys}

    def root(k: str) -> str:
        while group[k] != k:
            k = group[k]
        return k

    def one_name(x: str, y: str) -> bool:
        if before[x] & before[y] and spelled_two_ways(x, y, surname=True):
            return True
        if one_a_town(x, y):
            return False  # a town against a name that is none (a firm, a brand): two things
        return spelled_two_ways(x, y) and any(spelled_two_ways(a, b) for a in beside[x] for b in beside[y])

    for i, x in enumerate(keys):
        for y in keys[i + 1:]:
            if one_name(x, y):
                group[max(root(x), root(y))] = min(root(x), root(y))
    members: dict[str, list[str]] = {}
    for k in keys:
        members.setdefault(root(k), []).append(k)
    return {k: max(ks, key=lambda s: (counts[s], s)) for ks in members.values() if len(ks) > 1 for k in ks}
