"""How and where the dead died, as one claim tells it (lexicons/deaths.yaml): manners ("burnt to
death", "choked on smoke") and places of death ("died at the scene", "died on the way to the
hospital", "im Krankenhaus gestorben"). "Pronounced dead at the hospital" says where a death was
declared, not where it happened.

A place is one of death only when words that say someone died stand by it in one clause: a few
words before it ("died of his injuries in hospital"), or right after it (German participles, "am
Tatort gestorben"; "rushed to hospital where he died"). "Were taken to the hospital" alone is an
early report, no place of death. A claim that names places of two kinds tells of two of the dead
("one died at the scene, another in hospital") or of a death and where the wounded went: it
gives no place of death at all.
"""

from __future__ import annotations

from sentencex import get_sentence_boundaries

from checker.lexicons import lexicon_cache, load_lexicon
from checker.signals.numbers import CLAUSE_BREAKS
from checker.signals.owners import speech_verbs
from checker.signals.text import Match, find_phrases, fold, tokens

AFTER_DEATH = 6  # words between the words of a death and its place after them ("died later Monday at Beaumont Hospital")
BEFORE_DEATH = 2  # ... and before them ("noch am Unfallort seinen Verletzungen erlegen", "to hospital where he died")
TO_HOSPITAL = 4  # words between "on the way to" and the hospital it heads for ("on the way to the Beaumont Hospital")
WORD_CHARACTERS = 40  # characters a word and the spacing after it take at most: a gap longer holds more words
ON_THE_WAY, IN_HOSPITAL = "on the way to hospital", "in hospital"  # lexicons/deaths.yaml's places
# after the words of a death, a conjunction opens another clause ("died and two others were taken
# to hospital"); punctuation ends one either way (numbers.CLAUSE_BREAKS, and the end of a sentence:
# sentencex's, the claims' segmenter, whose abbreviations end none: "died at St. Mary's Hospital"),
# but for a comma before a clause about the place ("taken to hospital, where he died": _past_where)
_CONJUNCTIONS = frozenset({"and", "but", "while", "whereas", "und", "aber", "y", "pero", "et", "mais"})


@lexicon_cache
def _not_yet() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lexicon("deaths")["not_yet"])


@lexicon_cache
def _death_words(language: str) -> list[str] | None:
    """The words that say someone died, in the language (none: the language is not read), built
    once per language rather than for every claim: deaths.yaml's `dying` and the counted dead
    ("killed"), not their nouns: "the dead were taken to hospital" is where the bodies went."""
    cues = load_lexicon("deaths")["dying"].get(language)
    quantities = load_lexicon("quantities")
    nouns = {w for words in quantities["casualty_nouns"].values() for w in words}
    return cues and cues + [w for w in quantities["counted"]["dead"].get(language, []) if w not in nouns]


def manners(text: str) -> list[Match]:
    """How people died ("burnt to death", "erstickt"), in any language."""
    return find_phrases(text, load_lexicon("deaths")["manners"])


def places(text: str, language: str) -> list[Match]:
    """Where people died, each from the words of the death to its place ("died at the scene",
    "am Tatort gestorben"), keyed by the kind of place ("at the scene", "on the way to hospital",
    "in hospital", "at home"); none where the claim names places of two kinds."""
    cues = _death_words(language)
    deaths = find_phrases(text, {"died": cues}) if cues else []
    if not deaths:
        return []
    ends = _sentence_ends(text, language)
    spots = _places_with_journeys(text, ends, find_phrases(text, load_lexicon("deaths")["places"]))
    if len({s.key for s in spots}) != 1:
        return []
    found = []
    for s in spots:
        tied = [d for d in deaths if _tied(text, ends, d, s, language)]
        if tied:
            d = min(tied, key=lambda d: abs(d.start - s.start))
            start, end = min(d.start, s.start), max(d.end, s.end)
            found.append(Match(start, end, text[start:end], s.key))
    return found


def _sentence_ends(text: str, language: str) -> tuple[int, ...]:
    """Where the text's sentences end, each past its last mark ("." of "She died. The driver...")."""
    return tuple(b["start_index"] + len(b["text"].rstrip()) for b in get_sentence_boundaries(language, text))


def _places_with_journeys(text: str, ends: tuple[int, ...], spots: list[Match]) -> list[Match]:
    """The places, with each journey ("on the way to") joined to the hospital it heads for; a
    journey elsewhere ("on the way down" the glacier) is no place of death."""
    found: list[Match] = []
    for i, s in enumerate(spots):
        if found and found[-1].key == ON_THE_WAY and found[-1].end == s.end:
            continue  # the hospital a journey took in
        if s.key != ON_THE_WAY:
            found.append(s)
            continue
        after = spots[i + 1] if i + 1 < len(spots) else None
        if after and after.key == IN_HOSPITAL and _words_between(text, ends, s.end, after.start, TO_HOSPITAL) is not None:
            found.append(Match(s.start, after.end, text[s.start:after.end], ON_THE_WAY))
    return found


def _tied(text: str, ends: tuple[int, ...], death: Match, spot: Match, language: str) -> bool:
    """Are the words of a death and a place in one clause, near enough, with no speaker between
    ("Police at the scene said she died" is where the police stood)?"""
    if death.end <= spot.start:
        between = _words_between(text, ends, death.end, spot.start, AFTER_DEATH)
        stops = _CONJUNCTIONS | _not_yet()
    elif spot.end <= death.start:
        between = _words_between(text, ends, _past_where(text, spot.end, language), death.start, BEFORE_DEATH)
        stops = frozenset()
    else:
        return False
    return between is not None and not any(w in stops or w in speech_verbs(language) for w in between)


def _past_where(text: str, at: int, language: str) -> int:
    """Past the word that opens a clause about the place that ends at `at` (", where"; deaths.yaml's
    `where` in the language), which the comma before it does not end; else `at`."""
    words = load_lexicon("deaths")["where"].get(language)
    found = [w for w in find_phrases(text[at:at + 20], {"where": words}) if not text[at:at + w.start].strip(" ,")] if words else []
    return at + found[0].end if found else at


def _words_between(text: str, ends: tuple[int, ...], start: int, end: int, most: int) -> list[str] | None:
    """The folded words between two offsets, or None where there are more than `most` or the
    clause ends between them (`ends`: where the text's sentences end)."""
    if end - start > (most + 1) * WORD_CHARACTERS:
        return None  # too far apart to hold so few words: not worth reading (a long text has many pairs)
    gap = text[start:end]
    words = [t.key for t in tokens(gap)]
    return None if len(words) > most or CLAUSE_BREAKS & set(gap) or any(start < e <= end for e in ends) else words
