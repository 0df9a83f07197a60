"""Whose figure it is: the person or body a sentence gives a figure to, when it names one.

"Tehran's seismologic center put it at 5.9, but the U.S. Geological Survey said it was 6.1":
5.9 is Tehran's, 6.1 the Geological Survey's. "Jamaal Charles (226 yards) and Peyton Hillis (101
yards)" gives no owner: a player, a company, a place is named with many figures of its own, so
only a body or person who says or reports the figure owns it. A sentence is cut into parts where
another subject may begin (a contrast, "; ", ", and", a relative clause); a figure's owner is the
first name of its part when the part has a speech verb, since a clause names its subject first.
A name is a run of capitalised words, except a sentence's first
word standing alone ("Police said", which capitals give no evidence for), names after "of" or a
place preposition ("Governor of Qeshm", "the village of Ziranag"), places (they are the
figure's scope, numbers.Quantity.scope), days and months, and news agencies and outlets (where a
report came from, not whose figure it is). No name: the owner is unknown, never "different".
Whom a figure is told of (`subject`: "Duncan Rait, 36, fell 200 feet") is read from the same names.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right

from checker.lexicons import lexicon_cache, load_lexicon
from checker.lexicons import speech_verbs as written_speech_verbs
from checker.names import POSSESSIVE, nationality_names, place_names
from checker.normalize import normalize
from checker.signals.dates import date_mentions
from checker.signals.moments import stated_ages
from checker.signals.text import Match, fold, stopwords, tokens

# Where another subject may begin, in the languages the numbers are read in.
_PART_BREAK = re.compile(
    r";|,?\s+\b(?:but|while|whereas|aber|während|wohingegen|pero|mientras|mais|tandis que|alors que)\b"
    r"|,\s+(?:and|who|which|und|der|die|das|y|que|et|qui)\b",
    re.IGNORECASE,
)
CAPITALISED_NOUNS = frozenset({"de", "lb"})  # every noun has a capital: capitals mark no names
SHORTEST_OWNER_WORD = 3  # "U.S." reads "us": too short to tell owners apart


def owner(text: str, language: str, start: int) -> frozenset[str]:
    """The owner's name words (folded, dots and "'s" dropped) of the figure at `start`; empty
    when the figure's part of the sentence names no one, or the language capitalises every noun."""
    if language in CAPITALISED_NOUNS:
        return frozenset()
    for lo, hi, words in _parts(text, language):
        if lo <= start < hi:
            return words
    return frozenset()


def subject(text: str, language: str, start: int) -> tuple[str | None, tuple[int, int] | None]:
    """Whom the figure at `start` is told of, as far as its clause says: the surname (folded) of
    the nearest person named before it, and the nearest age given before it, as the fewest and
    most years it may be ("Robert Buckley, 32, fell about 600 metres", "The 36-year-old, who had
    lived in Melbourne, fell 200 metres", "The man aged in his early 30s fell about 600m"), each
    None when none is. Read from the last speech verb before the figure on, since a speaker is no
    subject ("Inspector Dave Gaskin said the man fell 600 metres"). A person's name is a name
    (_names) of two words or more besides peoples and a stop word opening the claim, whose
    capital its place gives ("Duncan Rait", "Mr Buckley's"; not "A British" climber), its last
    word the surname. Names are not read where every noun is capitalised."""
    said = [t.end for t in _speech(text, language)]
    before = bisect_right(said, start)
    lo = said[before - 1] if before else 0
    surname = None
    if language not in CAPITALISED_NOUNS:
        for name in _names(text, language):
            words = [w for w in POSSESSIVE.sub("", name.key).split() if w not in nationality_names()]
            if name.start == 0 and words and words[0] in stopwords(language):
                words = words[1:]  # "A British climber": the first word's capital is its place's
            if lo <= name.start and name.end <= start and len(words) >= 2:
                surname = words[-1]
    age = next(((low, high) for at, low, high in reversed(_ages(text, language)) if lo <= at < start), None)
    return surname, age


# Read once a text, not once a figure: subject() is asked of every pair of figures a long claim gives.
@lexicon_cache
def _speech(text: str, language: str) -> tuple[Match, ...]:
    """The text's speech verbs, in order."""
    return tuple(t for t in tokens(text) if t.key in speech_verbs(language))


@lexicon_cache
def _ages(text: str, language: str) -> tuple[tuple[int, int, int], ...]:
    return tuple(stated_ages(text, language))


@lexicon_cache
def _parts(text: str, language: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    cuts = [0, *(m.start() for m in _PART_BREAK.finditer(text)), len(text)]
    names = _names(text, language)
    said = [t.start for t in _speech(text, language)]
    parts = []
    for lo, hi in itertools.pairwise(cuts):
        first = next((name for name in names if lo <= name.start < hi), None)
        if not any(lo <= at < hi for at in said):
            first = None
        words = frozenset(
            w for w in POSSESSIVE.sub("", first.key).replace(".", "").split() if len(w) >= SHORTEST_OWNER_WORD
        ) if first else frozenset()
        parts.append((lo, hi, words))
    return tuple(parts)


@lexicon_cache
def _names(text: str, language: str) -> tuple[Match, ...]:
    words = tokens(text)
    dated = [(d.start, d.end) for d in date_mentions(text, None, language)]
    capitalised = [
        t for k, t in enumerate(words)
        if t.text[:1].isupper() and not any(s <= t.start < e for s, e in dated)
        and (k > 0 or (len(words) > 1 and words[1].text[:1].isupper()) or t.text.endswith(("'s", "’s")))
    ]
    after_preposition = _prepositions()
    runs: list[list[Match]] = []
    for t in capitalised:
        if runs and text[runs[-1][-1].end:t.start].strip(" .") == "":
            runs[-1].append(t)
        else:
            runs.append([t])
    names = []
    before = {t.start: words[k - 1].key for k, t in enumerate(words) if k}
    for run in runs:
        written = text[run[0].start:run[-1].end]
        if before.get(run[0].start) in after_preposition or fold(written) in agencies() or normalize(POSSESSIVE.sub("", written)) in place_names():
            continue
        names.append(Match(run[0].start, run[-1].end, written, fold(written)))
    return tuple(names)


@lexicon_cache
def _prepositions() -> frozenset[str]:
    lexicon = load_lexicon("quantities")
    return frozenset(fold(w) for w in (*lexicon["place_prepositions"], *lexicon["of_prepositions"]))


@lexicon_cache
def speech_verbs(language: str) -> frozenset[str]:
    """One language's speech verbs, folded as tokens are."""
    return frozenset(fold(v) for v in written_speech_verbs(language))


@lexicon_cache
def agencies() -> frozenset[str]:
    """News agencies and outlets, folded: the source of a report, never its speaker or owner."""
    return frozenset(fold(name) for name in load_lexicon("agencies"))
