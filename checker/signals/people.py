"""People in a claim: the first name before a surname (names.py finds the surnames), whether
two first names can be one person's (nicknames), and a courtesy title's sex. Kept beside the
readers it draws on (text, dates, numbers, roles), which read names.py themselves."""

from __future__ import annotations

import re
from functools import cache
from itertools import combinations

from babel.dates import get_month_names
from nicknames import NickNamer

from checker.names import CAPITAL, nationality_names
from checker.signals.dates import LANGUAGES, weekday_names
from checker.signals.numbers import NOUNS_CAPITALISED
from checker.signals.roles import sexed_titles, titles
from checker.signals.text import fold, stopwords, title_cased

# "Kate", "Jean-Pierre", "O'Neil"; not "U.S.", "32," nor "Zealand-born"
_NAME_WORD = re.compile(rf"{CAPITAL}[^\W\d_]*(?:-{CAPITAL}[^\W\d_]*|['’][^\W\d_]+)*")
MIDDLE_NAMES = 1  # names passed over between a first name and a surname ("Duncan Robert Rait")


def first_name(text: str, end: int, language: str) -> str:
    """The first name of the surname that starts at `end`, folded: the given name written right
    before it, or past that one (a middle name) a name the nicknames list knows as given ("Duncan
    Robert Rait" is Duncan's; "Englishman Robert Buckley" Robert's); "" where none is (given_name).
    In a title-cased claim only a name the nicknames list knows as given is one: a headline's
    capitals mark no names ("Gunman Who Shot Smith Is Held")."""
    found = ""
    headline = title_cased(text)
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
    return sexed_titles().get(fold(word_before(text, end)).rstrip("."), "")


def given_name(word: str, language: str) -> str:
    """The given name that a word written before a surname is, folded; "" where it can be
    none: no capitalised word of letters ("U.S.", "said"), a title ("Dr Rait", "Officer Wood"), a
    function word opening a sentence ("The", "But": the stop list, less the given names on it,
    "John", "Robert"), a weekday or a month ("Tuesday Smith said", "in August Smith said", though
    May and August are given names too), a people ("Australian Rait"), or any word of a language that capitalises every
    noun ("Die Tote", "der 32-jährige Familienvater Müller")."""
    key = fold(word)
    if (language in NOUNS_CAPITALISED or not _NAME_WORD.fullmatch(word) or key in titles() or key in weekday_names(language)
            or key in _month_names(language) or key in nationality_names()):
        return ""
    return "" if key in stopwords(language) and key not in _given_names() else key


@cache
def _month_names(language: str) -> frozenset[str]:
    """Full month names (Babel's), folded, of the language and English; English alone for a
    language dates.py reads no months of."""


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


    found: dict[str, set[str]] = {}
    for name, nicknames in NickNamer().nickname_lookup.items():
        found.setdefault(fold(name), set()).update(fold(n) for n in nicknames)
    return {name: frozenset(nicknames) for name, nicknames in found.items()}
