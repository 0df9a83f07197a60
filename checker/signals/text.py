"""Offset-preserving text helpers shared by the signals."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

import justext
import Stemmer

from checker.normalize import normalize

CLAUSE_BREAKS = frozenset(",;:()[]—–")  # the marks that end a clause (as tokens; dates reads them in the text)


def _fold_char(c: str) -> str:
    base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x)).lower()
    return base if len(base) == 1 else c.lower()


def fold(text: str) -> str:
    """Lower case without accents, character for character: offsets in the result match the input."""
    return "".join(_fold_char(c) for c in text)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str  # as written in the claim
    key: str  # what it matched: a lexicon entry, a canonical id, ...


@cache
def _matcher(phrases: tuple[tuple[str, tuple[str, ...]], ...], prefix: bool) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern over every folded variant (longest first, captured) and variant -> key."""
    owner = {fold(str(v)): key for key, variants in phrases for v in variants}
    alternatives = "|".join(re.escape(v) for v in sorted(owner, key=len, reverse=True))
    tail = r"[\w\-]*" if prefix else ""
    return re.compile(r"(?<![\w\-])(" + alternatives + r")" + tail + r"(?![\w])"), owner


def find_phrases(text: str, phrases: dict[str, list[str]], *, prefix: bool = False) -> list[Match]:
    """Occurrences of lexicon phrases (key -> variants), longest first, not overlapping.

    prefix: variants are word starts ("entführ" matches "Entführung").
    """
    pattern, owner = _matcher(tuple((key, tuple(variants)) for key, variants in phrases.items()), prefix)
    return [
        Match(m.start(), m.end(), text[m.start():m.end()], owner[m.group(1)]) for m in pattern.finditer(fold(text))
    ]


_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_](?:[\w’']|-(?=[^\W\d_]))*|[%$€£]")


def tokens(text: str) -> list[Match]:
    """Numbers (with their separators), words, and the %, $, € and £ signs, with offsets."""
    return [Match(m.start(), m.end(), m.group(), fold(m.group())) for m in _TOKEN.finditer(text)]


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_TITLE_CASE_WORDS = 3  # long words it takes to tell a headline's case from a sentence's


@lru_cache(maxsize=4096)  # bounded: it is asked of every claim's text
def title_cased(text: str) -> bool:
    """A headline set in title case or capitals ("Quake Kills 10; 7 Villages Damaged"): every
    word of four letters or more capitalised, three at least. Its capitals mark no names."""
    words = _LONG_WORD.findall(text)
    return len(words) >= _TITLE_CASE_WORDS and all(w[0].isupper() for w in words)


@cache
def stopwords(language: str) -> frozenset[str]:
    """jusText's stop-word lists (the boilerplate classifier's), by the text's language, folded."""
    names = {"de": "German", "en": "English", "es": "Spanish", "fr": "French"}
    words = justext.get_stoplist(names.get(language, "English"))
    return frozenset(fold(w) for w in words)


# ISO 639-1 code -> Snowball algorithm (PyStemmer's names); other languages keep whole words.
SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "el": "greek", "en": "english",
    "es": "spanish", "eu": "basque", "fa": "persian", "fi": "finnish", "fr": "french", "ga": "irish",
    "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian", "it": "italian", "lt": "lithuanian",
    "nb": "norwegian", "nl": "dutch", "no": "norwegian", "pl": "polish", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "sr": "serbian", "sv": "swedish", "ta": "tamil", "tr": "turkish",
}


@cache
def _stemmer(language: str) -> Stemmer.Stemmer | None:
    return Stemmer.Stemmer(SNOWBALL[language]) if language in SNOWBALL else None


def stem(word: str, language: str) -> str:
    """A lower-case word's Snowball stem in the language, accents folded; the word itself in a
    language Snowball lacks."""
    stemmer = _stemmer(language)
    return normalize(stemmer.stemWord(word) if stemmer else word)
