"""Number signal: quantities with their units and qualifiers, compared as ranges.

"nearly two hours" is [1.6, 2] hours and "two hours" is [2, 2]: they overlap, so they agree.
"over 70 dead" is (70, inf) and "50 dead" is [50, 50]: they do not. Number words in any language
text2num reads ("zwei", "two", "dos", "siebzig") count like digits. Numbers with no unit are left
alone: years, dates, ages and list positions make them too ambiguous to compare.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from text_to_num import text2num

from checker.lexicons import lexicon_cache, load_lexicon
from checker.signals.text import Match, find_phrases, fold, tokens

TEXT2NUM_LANGUAGES = ("en", "de", "es", "fr", "pt", "it", "nl", "da")
STRICT = 1e-9  # makes "over x" exclude x itself


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    unit: str
    low: float
    high: float

    def overlaps(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high


@lexicon_cache
def _lexicon():
    data = load_lexicon("quantities")
    units = {fold(w): unit for unit, ws in data["units"].items() for w in ws}
    multipliers = {fold(w): float(n) for n, ws in data["multipliers"].items() for w in ws}
    casualty = {fold(w) for w in data["casualty_words"]}
    return units, multipliers, data["qualifiers"], {fold(w) for w in data["not_numbers"]}, casualty


def _digits(text: str) -> float:
    """'1.000' and '1,000' are a thousand; '2,5' and '2.5' are two and a half."""
    parts = text.replace(",", ".").split(".")
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        return float("".join(parts))
    return float(parts[0] + "." + "".join(parts[1:])) if len(parts) > 1 else float(parts[0])


def _word_number(words: list[str], language: str) -> float | None:
    languages = (language,) + TEXT2NUM_LANGUAGES if language in TEXT2NUM_LANGUAGES else TEXT2NUM_LANGUAGES
    for lang in dict.fromkeys(languages):
        try:
            return float(text2num(" ".join(words), lang))
        except ValueError:
            continue
    return None


def quantities(text: str, language: str) -> list[Quantity]:
    units, multipliers, qualifiers, not_numbers, casualty = _lexicon()
    toks = tokens(text)
    found: list[Quantity] = []
    i = 0
    while i < len(toks):
        value, width = _number_at(toks, i, language, not_numbers | set(multipliers))
        if value is None:
            i += 1
            continue
        end = i + width
        if end < len(toks) and toks[end].key in multipliers:
            if width == 1 and toks[i].key.isdigit() and 1800 <= value <= 2100:  # "2015 Milliarden": a year
                i = end
                continue
            value *= multipliers[toks[end].key]
            end += 1
        unit_at = next((j for j in range(end, min(end + 2, len(toks))) if toks[j].key in units), None)
        if unit_at is None:
            i = end
            continue
        low, high, first = _qualified(text, toks, i, value, qualifiers)
        unit = units[toks[unit_at].key]
        nearby = {t.key for t in toks[max(0, i - 4):unit_at + 3]}
        if unit == "people" and nearby & casualty:  # "killed 50 people" counts the dead
            unit = "dead"
        found.append(Quantity(first, toks[unit_at].end, text[first:toks[unit_at].end], unit, low, high))
        i = unit_at + 1
    return found


def _number_at(toks: list[Match], i: int, language: str, not_numbers: set[str]) -> tuple[float | None, int]:
    if toks[i].key[0].isdigit():
        return _digits(toks[i].key), 1
    if toks[i].key in not_numbers:
        return None, 0
    for width in range(min(4, len(toks) - i), 0, -1):
        value = _word_number([t.key for t in toks[i:i + width]], language)
        if value is not None:
            return value, width
    return None, 0


def _qualified(text: str, toks: list[Match], i: int, value: float, qualifiers: dict) -> tuple[float, float, int]:
    """The range a stated value stands for, given the words just before it."""
    window_start = toks[max(0, i - 3)].start
    before = text[window_start:toks[i].start]
    hits = [m for m in find_phrases(before, qualifiers) if not before[m.end:].strip(" ,")]
    if not hits:
        return value, value, toks[i].start
    kind, first = hits[-1].key, window_start + hits[-1].start
    ranges = {
        "nearly": (0.8 * value, value),
        "about": (0.8 * value, 1.2 * value),
        "over": (value * (1 + STRICT) + STRICT, math.inf),
        "under": (0.0, value * (1 - STRICT)),
    }
    low, high = ranges[kind]
    return low, high, first
