"""Facts of an event that are not figures, as values the corpus-wide sets (signals/figures.py)
compare across sources like figures: the time of day of an act ("2:53 p.m." against "3:20
p.m."), a named person's age ("Buckley, 32," against "Buckley, 31,"), a named team's record
("Indianapolis (10-5)" against "Indianapolis' record rose to 9-5") and how the event's dead
died ("burnt to death" against "choked on smoke").

What ties two of them to one fact differs by kind (`reach`):
- OWNED: an age or a record belongs to its owner, named with it; one owner is one fact. An
  owner is named by one word ("Colts", "Indianapolis"); the event's own longer names
  ("Indianapolis Colts") make two such words one owner.
- SPECIFIC: how the dead died is one fact of the event by itself (the claims need only share a
  content word, as for a death toll).
- ACT: a time of day is one fact only for one act on one day: the claims must share content
  words, have embeddings alike (`thresholds.act_similarity`) and name no days that differ.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from checker.names import inner_names
from checker.normalize import normalize
from checker.signals import ClaimFacts

OWNED, SPECIFIC, ACT, GENERAL = "owned", "specific", "act", "general"
TIME_OF_DAY = "time of day"
MANNER_OF_DEATH = "manner of death"
_NAME_RUN = re.compile(r"(?<![\w’'])[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2}")


@dataclass(frozen=True)
class EventFact:
    """One claim's value for a fact that is not a figure, with offsets into the claim."""

    start: int
    end: int
    text: str
    measure: str  # "time of day", "age of anthony buckley", "record of indianapolis colts", "manner of death"
    reach: str  # OWNED, SPECIFIC or ACT: what makes two of them one fact (see the module's notes)
    low: float  # minutes after midnight for a time; the age; the wins of a record
    high: float
    detail: str = ""  # the rest of a record ("5" losses); the manner of death

    def comparable(self, other: EventFact) -> bool:
        return self.measure == other.measure

    def overlaps(self, other: EventFact) -> bool:
        """Could both be true? A time "about 3 p.m." is a range; an age, a record or a manner is
        one value."""
        if self.reach == ACT:
            return self.low <= other.high and other.low <= self.high
        return self.camp == other.camp

    @property
    def camp(self) -> tuple:
        return (self.low, self.high, self.detail)


def event_facts(facts: ClaimFacts, owners: dict[str, str]) -> list[EventFact]:
    """The claim's times of day, owned ages and records, and manners of death. `owners` maps
    an owner's word to the event's name for it (`owner_names`)."""
    found = []
    for m in facts.moments:
        if m.kind == "time":
            found.append(EventFact(m.start, m.end, m.text, TIME_OF_DAY, ACT, m.low, m.high))
        elif m.kind.startswith(("age ", "record ")):
            what, owner = m.kind.split(" ", 1)
            found.append(EventFact(m.start, m.end, m.text, f"{what} of {owners.get(owner, owner)}", OWNED, m.low, m.high, m.position))
    found += [EventFact(m.start, m.end, m.text, MANNER_OF_DEATH, SPECIFIC, 0, 0, m.key) for m in facts.manners]
    return found


def owner_names(facts: Sequence[ClaimFacts]) -> dict[str, str]:
    """Each capitalised word of the event -> the name of two or three words that the event's
    claims write it in most often ("colts" and "indianapolis" -> "indianapolis colts")."""
    names = inner_names([f.claim.text for f in facts])
    runs = Counter(
        " ".join(normalize(w) for w in m.group().split()) for f in facts for m in _NAME_RUN.finditer(f.claim.text)
        if all(normalize(w) in names for w in m.group().split())  # not "The Colts"
    )
    by_word: dict[str, list[tuple[int, str]]] = {}
    for run, count in runs.items():
        for word in run.split():
            by_word.setdefault(word, []).append((-count, run))
    return {word: min(found)[1] for word, found in by_word.items()}

