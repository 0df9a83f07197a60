"""Number signal: figures that know what they measure, compared as ranges.

A Quantity says what it counts or measures (the dead, the injured, villages, US dollars, a
length), over which scope (the names and words like "district" in its clause) and time span
("per year", "3 years"), and the range the words give it: "nearly two hours" is [1.8, 2] hours,
"at least 24 dead" is [24, inf) and fits "24 dead", "over 70 dead" is (70, inf) and does not
fit "50 dead". Lengths, areas, speeds and weights are converted by pint and compared within
the rounding of what was written ("10 km" = "six miles"). Digits are read by Babel in the
document's locale ("11,5" in German, "1,500" in English); number words by text2num in the
document's language only (English "to" is not the Danish "two"). Figures with nothing to say
what they count (years, ages, scores) are left alone.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

import pint
from babel.numbers import NumberFormatError, parse_decimal
from text_to_num import text2num

from checker.lexicons import every_language, lexicon_cache, load_lexicon
from checker.names import place_key
from checker.signals.dates import counts_a_plural, is_year, weekday_names
from checker.signals.text import (
    CLAUSE_BREAKS,
    Match,
    fold,
    stopwords,
    title_cased,
    tokens,
)

LANGUAGES = ("de", "en", "es", "fr")  # the languages our counted-word lexicon knows
CLAUSE_WINDOW = 6  # tokens either side of a figure that may name its scope
SENTENCE_ENDS = frozenset(".!?")
LINKING = frozenset({"were", "was", "are", "have", "had", "been", "wurden", "sind", "fueron", "han", "ont", "sont"})
MONEY_ACT_REACH = 4  # words either side of a sum where what it is lent or saved for is said ("save euro30 billion ($40 billion)")
MONEY_REACH = 2  # words either side of a figure in pounds where a money word makes them money ("paid 200 pounds")
TOLL_REACH = 3  # words between "the death toll" and its figure ("rose to", "stood at")
CASUALTIES = "casualties"  # "no casualties": fits no count of the dead or injured above zero
DIFFERENT_THINGS = 10  # sources that differ more than tenfold are counting different things
DURATIONS = frozenset({"minute", "hour", "day", "week", "month", "year"})
# the measures of quantities.yaml's counted words: tallies that grow as news comes in
EVOLVING = frozenset({"dead", "injured", "arrested", "missing"})
NOUNS_CAPITALISED = frozenset({"de", "lb"})  # languages whose capitals mark every noun, not names alone


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    measure: str  # what it counts or measures: "dead", "count villag", "USD", "[length]", ...
    low: float  # in the measure's base unit (pint's base units for physical quantities)
    high: float
    exact: bool  # a plain tally: no qualifier, no rounding
    scope: frozenset[str] = frozenset()  # scope words and "in <Place>" names in the figure's clause
    span: str = ""  # the time span it covers: "", "per year", "3 year"
    act: str = ""  # what it is of, where the words by it say: "run", "drive", "position", "loan" (_measured, _money_act)

    @property
    def unit(self) -> str:
        """The measure, as an explanation names it: "dead", "USD", "length", "count"."""
        return self.measure.split()[0].strip("[]")

    def overlaps(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high

    @property
    def camp(self) -> tuple:
        return (self.low, self.high)

    def log_ratio(self, other: Quantity) -> float:
        """How many tenfolds the larger figure's bottom is above the smaller one's top; inf when the
        smaller reaches no higher than zero ("no one was killed"). A magnitude is a logarithm: its
        difference is the tenfolds (a 3.8 aftershock is no reading of the 6.1 quake), compared as
        such, since a year misread as a magnitude ("since 1900") is no power of ten a float holds."""
        lower, higher = sorted((self, other), key=lambda q: q.low)
        if self.measure == "magnitude":
            return higher.low - lower.high
        if lower.high <= 0:
            return math.inf
        ratio = higher.low / lower.high  # 0 where the smaller is open above ("at least 1,000")
        return math.log10(ratio) if ratio > 0 else -math.inf

    def comparable(self, other: Quantity) -> bool:
        """Do both measure one thing: same measure and span, the same act where both say one,
        values within DIFFERENT_THINGS of each other (20 rescued and 20,000 marchers are two facts,
        not a disagreement), and scopes where neither narrows the other ("in Qeshm district"
        against the whole island's figure)?"""
        if self.measure != other.measure or self.span != other.span:
            return False
        if self.act and other.act and self.act != other.act:
            return False  # a drive is no run, a sum lent no sum saved; an act unsaid may be either
        if math.log10(DIFFERENT_THINGS) < self.log_ratio(other) < math.inf:  # "no one was killed" against a toll stays comparable
            return False
        none, some = sorted((self, other), key=lambda q: q.high)
        if none.high <= 0 < some.low and not none.scope <= some.scope:  # none "in Dubai" says nothing of a toll not given there
            return False
        if self.scope == other.scope:
            return True
        narrow, wide = sorted((self.scope, other.scope), key=len)
        return narrow <= wide and not (wide - narrow) & (_lexicon().scope_nouns | _lexicon().scope_adverbs)


@dataclass(frozen=True)
class _Lexicon:
    counted: dict[str, str]
    people: frozenset[str]
    tolls: dict[str, str]
    one_after: frozenset[str]
    one_words: frozenset[str]
    numeral_one: frozenset[str]
    partitive: frozenset[str]
    sum_partitive: frozenset[str]
    sums: frozenset[str]
    victims: frozenset[str]
    zero_words: frozenset[str]
    definite_articles: frozenset[str]
    none_reported: frozenset[str]
    nobody: frozenset[str]
    casualty_nouns: dict[str, str]
    casualty_joins: frozenset[str]
    units: dict[str, str]
    magnitude: frozenset[str]
    quakes: frozenset[str]
    percent: frozenset[str]
    currencies: dict[str, str]
    weights_too: dict[str, str]
    money_words: frozenset[str]
    multipliers: dict[str, float]
    money_multipliers: dict[str, float]
    qualifiers: dict[str, str]
    scope_nouns: frozenset[str]
    scope_adverbs: frozenset[str]
    place_prepositions: frozenset[str]
    relative_places: frozenset[str]
    per_span: dict[str, str]
    time_ago: frozenset[str]
    not_numbers: frozenset[str]
    numbered_names: frozenset[str]
    not_counted: frozenset[str]
    modifiers: frozenset[str]
    measured: dict[str, str]
    money_acts: dict[str, str]
    no_money_acts: frozenset[str]


def _inverted(table: dict[str, list | dict[str, list]]) -> dict[str, str]:
    """word -> key; words kept by language (counted dead) count in every language."""
    return {fold(str(w)): key for key, words in table.items()
            for w in (every_language(words) if isinstance(words, dict) else words)}


@lexicon_cache
def _lexicon() -> _Lexicon:
    data = load_lexicon("quantities")

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in data[key])

    return _Lexicon(
        counted=_inverted(data["counted"]),
        people=words("people"),
        tolls=_inverted(data["tolls"]),
        one_after=words("one_after"),
        one_words=words("one_words"),
        numeral_one=words("numeral_one"),
        partitive=words("partitive"),
        sum_partitive=words("sum_partitive"),
        sums=words("sums"),
        victims=words("victims"),
        zero_words=words("zero_words"),
        definite_articles=words("definite_articles"),
        none_reported=words("none_reported"),
        nobody=words("nobody"),
        casualty_nouns=_inverted(data["casualty_nouns"]),
        casualty_joins=words("casualty_joins"),
        units=_inverted(data["units"]),
        magnitude=words("magnitude"),
        quakes=words("quakes"),
        percent=words("percent"),
        currencies=_inverted(data["currencies"]) | _inverted({c: every_language(units) for c, units in data["weights_too"].items()}),
        weights_too={fold(w): unit for units in data["weights_too"].values() for unit, ws in units.items() for w in ws},
        money_words=words("money_words"),
        multipliers={k: float(v) for k, v in _inverted(data["multipliers"]).items()},
        money_multipliers={k: float(v) for k, v in _inverted(data["money_multipliers"]).items()},
        qualifiers=_inverted(data["qualifiers"]),
        scope_nouns=words("scope_nouns"),
        scope_adverbs=words("scope_adverbs"),
        place_prepositions=words("place_prepositions"),
        relative_places=words("relative_places"),
        per_span=_inverted(data["per_span"]),
        time_ago=words("time_ago"),
        not_numbers=words("not_numbers"),
        numbered_names=words("numbered_names"),
        not_counted=frozenset(fold(w) for w in every_language(data["not_counted"])),
        modifiers=words("modifiers"),
        measured=_inverted(data["measured"]),
        money_acts=_inverted(data["money_acts"]),
        no_money_acts=words("no_money_acts"),
    )


def modifiers() -> frozenset[str]:
    """Words that make a count one of more ("another", "other", "further")."""
    return _lexicon().modifiers


def part_of_a_set(toks: Sequence[Match], found: Sequence[Quantity], quantity: Quantity) -> bool:
    """'another five people', 'a further 20,000', 'the other two bombs': a count of more of
    something or the rest of a set, not the whole of it (a modifier within two words of the
    figure; not the "more" of "more than 26,000", a qualifier). After counts of other measures
    only, "other" sets it apart from them ("killing 10 and wounding other 70"): the whole of its
    own. A figure drawn from a sum named after it ("$281 million of the purchase price", not
    "12 of the 20 wounded", where the whole has its figure) is part of that sum too; casualty
    counts so drawn are read as their own (_set_drawn_from), and a percent is a share of what
    follows it by itself ("70 percent of the buildings"). toks: the text's tokens, read once a
    claim; found: its quantities."""
    first, stop = (bisect_left(toks, at, key=lambda t: t.start) for at in (quantity.start, quantity.end))
    inside = range(first, stop) if stop > first else [0]
    if quantity.measure != "percent" and not _of_casualties(quantity.measure) and _part_of_a_whole(toks, inside[-1] + 1):
        return True
    lo = max(0, inside[0] - 2)
    modified = any(t.key in modifiers() and not _phrase(toks, k, _lexicon().qualifiers)[0]
                   for k, t in enumerate(toks[lo:inside[-1] + 2], lo))
    earlier = {q.measure for q in found if q.start < quantity.start}
    return modified and (not earlier or quantity.measure in earlier)


def _part_of_a_whole(toks: Sequence[Match], end: int) -> bool:
    """Does "of the" and a sum follow at token end, in the first or second word ("of the total",
    "of the purchase price"; not "of the national park", "of his own money")?"""
    lex = _lexicon()
    _, width = _phrase(toks, end, lex.sum_partitive)
    return bool(width) and any(t.key in lex.sums for t in toks[end + width:end + width + 2])


def _of_casualties(measure: str | None) -> bool:
    """Does the measure count the dead, injured, arrested or missing, or a part of them ("dead
    climbe": the climbers who died)?"""
    return measure is not None and measure.split()[0] in EVOLVING


@cache
def _units() -> pint.UnitRegistry:
    return pint.UnitRegistry()


def _phrase(toks: Sequence[Match], i: int, table: dict | frozenset) -> tuple[str | None, int]:
    """The longest lexicon phrase (up to four words) starting at token i, and its width."""
    for width in range(min(4, len(toks) - i), 0, -1):
        key = " ".join(t.key for t in toks[i:i + width])
        if key in table:
            return (table[key] if isinstance(table, dict) else key), width
    return None, 0


def _phrase_ending(toks: list[Match], end: int, table: dict | frozenset) -> tuple[str | None, int]:
    """The longest lexicon phrase ending just before token `end`, and where it starts."""
    for width in range(min(4, end), 0, -1):
        key = " ".join(t.key for t in toks[end - width:end])
        if key in table:
            return (table[key] if isinstance(table, dict) else key), end - width
    return None, end


def _digits(text: str, language: str) -> tuple[float, float]:
    """The value and the rounding step of what was written: Babel reads the document's locale
    ("11,5" in German); where that fails, a group of three digits after a separator is
    thousands ("1.000" and "1,000"), anything else a decimal part."""
    parts = text.replace(",", ".").split(".")
    thousands = len(parts) > 1 and all(len(p) == 3 for p in parts[1:])
    try:
        value = float(parse_decimal(text, locale=language, strict=True))
    except (NumberFormatError, ValueError, LookupError, ArithmeticError):  # Babel's decimal raises on "1,"*30
        if thousands:
            value = float("".join(parts))
        else:
            value = float(parts[0] + "." + "".join(parts[1:])) if len(parts) > 1 else float(parts[0])
    # the decimals written, "6.0" as well as "6.1" and "0.0"; none where the separators group thousands
    grouped = len(parts) == 1 or thousands and float("".join(parts)) == value
    decimals = 0 if grouped else len(text) - max(text.rfind("."), text.rfind(",")) - 1
    return value, 10.0 ** -decimals


def _split_thousands(text: str, toks: list[Match], i: int) -> bool:
    """A group of three digits that opens with 0 after ", ": no number opens with 0, so it is
    the thousands of the figure before, written apart ("2, 000")."""
    return (i + 1 < len(toks) and toks[i].key.isdigit() and len(toks[i].key) <= 3 and len(toks[i + 1].key) == 3
            and toks[i + 1].key.isdigit() and toks[i + 1].key[0] == "0" and text[toks[i].end:toks[i + 1].start] == ", ")


def _word_number(words: list[str], language: str) -> float | None:
    try:
        return float(text2num(" ".join(words), language))
    except ValueError:
        return None


def _number_at(text: str, toks: list[Match], i: int, language: str) -> tuple[float | None, float, int]:
    """Value, rounding step and width of the number at token i."""
    lex = _lexicon()
    key = toks[i].key
    if key[0].isdigit():
        value, step = _digits(toks[i].text, language)
        if _split_thousands(text, toks, i):  # "fallen 2, 000ft": a page that broke "2,000" apart
            return value * 1000 + float(toks[i + 1].key), 1.0, 2
        return value, step, 1
    if key in lex.one_words:
        before = {t.key for t in toks[max(0, i - 3):i]}
        if before & lex.one_after or (i and _phrase_ending(toks, i, lex.qualifiers)[0]):
            return 1.0, 1.0, 1  # "killing a child", "at least one person"
        return None, 0, 0
    if key in lex.not_numbers:
        return None, 0, 0
    if language not in LANGUAGES or key in lex.multipliers:
        return None, 0, 0
    for width in range(min(4, len(toks) - i), 0, -1):  # as written: text2num knows "zwölf", not "zwolf"
        value = _word_number([t.text.lower() for t in toks[i:i + width]], language)
        if value is not None:
            return value, 1.0, width
    return None, 0, 0


_COUNTRY_FIGURE = re.compile(r"([A-Z]{1,3})\d")  # "US1" of "$US1 million"


def _money_compounds(toks: list[Match], language: str) -> list[Match]:
    """'a two-million-euro booty', 'a 2 mn-euro heist', 'a 110bn-euro package': an amount written
    as one hyphenated word, split into its words (a number word, a scale, a currency) so that it
    reads as "two million euro" does. Other hyphenated words stay whole ("76-year-old"). A
    country's letters glued to a figure after a currency sign ("$US1 million") stand apart too."""
    lex = _lexicon()
    scales = lex.multipliers.keys() | lex.money_multipliers.keys() | lex.currencies.keys()

    def money_word(word: str) -> bool:  # "one" of "twenty-one" too: the compound's words make one amount
        return word in scales or _word_number([word], language) is not None

    split = []
    for tok in toks:
        if split and split[-1].end == tok.start and split[-1].key in lex.currencies and (glued := _COUNTRY_FIGURE.match(tok.text)):
            country = glued.end(1)  # "$US1 million": the country's letters, then the figure
            split += [Match(tok.start, tok.start + country, tok.text[:country], tok.key[:country]),
                      Match(tok.start + country, tok.end, tok.text[country:], tok.key[country:])]
            continue
        keys, texts = tok.key.split("-"), tok.text.split("-")
        # up to the currency: "zwei-Millionen-Euro-Beute" is "zwei Millionen Euro" and its "Beute"
        money = next((k + 1 for k in range(len(keys) - 1, 0, -1) if keys[k] in lex.currencies), 0)
        if not money or not all(map(money_word, keys[:money])):
            split.append(tok)
            continue
        start = tok.start
        for word, key in zip(texts[:money], keys[:money], strict=True):
            split.append(Match(start, start + len(word), word, key))
            start += len(word) + 1  # past the hyphen
        if money < len(keys):
            rest = "-".join(texts[money:])
            split.append(Match(start, start + len(rest), rest, "-".join(keys[money:])))
    return split


def quantities(text: str, language: str) -> list[Quantity]:
    """Every figure in the text whose words say what it measures."""
    toks = _money_compounds(tokens(text), language)
    found: list[Quantity] = []
    i = 0
    while i < len(toks):
        if none := _no_casualties(text, toks, i):
            found += none
            while i < len(toks) and toks[i].start < none[-1].end:
                i += 1  # "no one was killed" holds no "one was killed"
            continue
        if _in_a_name(text, toks, i, language) or _after_a_colon_or_dash(text, toks, i):
            i += 1
            continue
        value, step, width = _number_at(text, toks, i, language)
        if value is None and toks[i].key in _lexicon().numeral_one:
            # "One victim died", "one of the two climbers died": one of the dead, injured, held
            # or missing; "one day", "one of the largest banks" count nothing
            quantity, end = _read(text, toks, i, 1, 1.0, 1.0, language)
            if quantity and _of_casualties(quantity.measure):
                found.append(quantity)
                i = end
            else:
                i += 1
            continue
        if value is None:
            i += 1
            continue
        if (high := _range_top(text, toks, i, value)) is not None:
            quantity, end = _read(text, toks, i + 1, 1, high, 1.0, language)
            # a stretch of time ("over the last 10-20 years") is no tally, and as loose as it reads
            if quantity and quantity.measure in DURATIONS:
                i = max(end, i + 2)
                continue
            if quantity:  # the bottom scaled as the top was (a unit converted, a qualifier)
                found.append(replace(quantity, start=toks[i].start, text=text[toks[i].start:quantity.end],
                                     low=quantity.low * value / high, exact=False))
            i = max(end, i + 2)
            continue
        quantity, end = _read(text, toks, i, width, value, step, language)
        if quantity and not _restates(found, quantity, text) and not _article_count(toks, i, quantity):
            found.append(quantity)
        i = max(end, i + 1)
    return found


def _article_count(toks: list[Match], i: int, quantity: Quantity) -> bool:
    """'under a peace deal', 'over a cliff', 'killed by a quake': an article read as one makes
    an amount ("about a month", "close to a million people") or one of the dead ("killing a
    child"), never a count of things or heads, which a writer would give as "one"."""
    lex = _lexicon()
    return (toks[i].key in lex.one_words and toks[i].key not in lex.numeral_one
            and not _phrase(toks, i + 1, lex.multipliers)[0]
            and (quantity.measure.startswith("count ") or quantity.measure == "people"))


def counts_heads(measure: str) -> bool:
    """Does the measure count people or things by head ("20 people", "three firefighters", "12
    injured"), no amount, unit or share?"""
    return measure.startswith("count ") or measure in ("people", CASUALTIES) or _of_casualties(measure)


def _in_a_name(text: str, toks: list[Match], i: int, language: str) -> bool:
    """'Interstate 75', 'I-75', 'Route 66', 'Flight 370': digits right after a capitalised word
    within a sentence belong to a name and count nothing. Not after a sentence's first word
    (any word opens one: "Only 12 people", "Pagó 2 millones") unless dash-joined or a word that
    takes a number ("Flight 370 vanished", "I-75 closed"), a capitalised function word
    (jusText's stop words), a weekday ("on Friday 11 people died"), a word the figure's reading
    knows ("Kills 12" in a headline, "USD 5 million"), nor before a word that says what the
    figure measures ("South Sudan 6 months ago", "in Bam 26,000 dead"), nor where every noun is
    capitalised (German), nor in a title-cased headline, whose capitals mark no names, unless
    dash-joined ("I-75") or a word that takes a number to name one thing ("Flight 370")."""
    if i < 1 or not toks[i].key[0].isdigit() or language in NOUNS_CAPITALISED:
        return False
    lex = _lexicon()
    measured = (lex.units, lex.counted, lex.people, lex.percent, lex.currencies, lex.multipliers)
    if i + 1 < len(toks) and any(_phrase(toks, i + 1, table)[0] for table in measured):
        return False
    word = toks[i - 1]
    if not (word.text[:1].isupper() and word.text.isalpha()) or text[word.end:toks[i].start] not in (" ", "-"):
        return False
    if text[toks[i].end:toks[i].end + 1] == "-":
        return False  # "the Colts 16-yard line": the figure describes what follows
    # a word joined to the figure by a dash is its name's, whatever it is alone ("I-75": no pronoun)
    joined = text[word.end:toks[i].start] == "-"
    if (title_cased(text) or _opens_a_sentence(text, toks, i - 1)) and not joined and word.key not in lex.numbered_names:
        return False  # a headline and a sentence capitalise words no name has: "Quake Damages 7 Villages", but "Flight 370"
    if not joined and (word.key in stopwords(language) or word.key in weekday_names(language)):
        return False
    known = (lex.counted, lex.currencies, lex.magnitude, lex.tolls, lex.one_after, lex.modifiers)
    return not any(word.key in table for table in known) and not _phrase_ending(toks, i, lex.qualifiers)[0]


def _opens_a_sentence(text: str, toks: list[Match], k: int) -> bool:
    """Does token k open a sentence?"""
    return k == 0 or bool(SENTENCE_ENDS & set(text[toks[k - 1].end:toks[k].start]))


def _range_top(text: str, toks: list[Match], i: int, value: float) -> float | None:
    """The top of "5-10 people": a figure, a dash, a larger one within DIFFERENT_THINGS of it. Not
    a score or a record, written larger first or even ("24-21", "13-13") or in brackets ("(10-5)"),
    nor a stretch of years ("2010-2011")."""
    if i + 1 >= len(toks) or not toks[i].key.isdigit() or not toks[i + 1].key.isdigit():
        return None
    if text[toks[i].end:toks[i + 1].start] not in ("-", "–") or text[:toks[i].start].rstrip().endswith("("):
        return None
    high = float(toks[i + 1].key)
    if not value < high <= value * DIFFERENT_THINGS or _year(toks[i]):
        return None
    return high


def _after_a_colon_or_dash(text: str, toks: list[Match], i: int) -> bool:
    """The second figure of "10:03", "6:00 minutes", "13-13", "(10-5)": a clock, a score or a
    record, whose parts count nothing."""
    return (i > 0 and toks[i].key[0].isdigit() and toks[i - 1].key[0].isdigit()
            and text[toks[i - 1].end:toks[i].start] in (":", "-"))


def _no_casualties(text: str, toks: list[Match], i: int) -> list[Quantity]:
    """'no casualties', 'keine Opfer', 'sin víctimas': none dead or injured (measure CASUALTIES);
    'no injuries', 'keine Toten', 'no one was killed', 'niemand wurde verletzt': none of the
    measure named (0 injured, 0 dead): nobody hurt says nothing of a toll; 'no dead or wounded',
    'weder Tote noch Verletzte': one zero of each."""
    lex = _lexicon()
    nobody, width = _phrase(toks, i, lex.nobody)
    if nobody:
        for j in range(i + width, min(i + width + 3, len(toks))):
            if (measure := lex.counted.get(toks[j].key)) in ("dead", "injured"):
                measures, last = _joined(text, toks, j, measure)
                return [Quantity(toks[i].start, toks[last].end, text[toks[i].start:toks[last].end], m, 0.0, 0.0, True)
                        for m in measures]
        return []
    zero, width = _phrase(toks, i, lex.zero_words)
    if not zero:
        return []
    k = i + width
    while k < len(toks) and toks[k].key in lex.none_reported and not _breaks(text, toks, k):
        k += 1  # "no immediate reports of any casualties"
    # one free word right after the zero word ("no serious injuries", "no reported injuries"); none
    # after the words skipped ("no reports of any of the casualties being foreigners" counts no one),
    # nor an article: "ni les morts ni les blessés" are dead and injured there are
    free = k == i + width and k < len(toks) and toks[k].key not in lex.definite_articles
    for j in (k, k + 1) if free else (k,):
        if j < len(toks) and toks[j].key in lex.casualty_nouns:
            measures, last = _joined(text, toks, j, lex.casualty_nouns[toks[j].key])
            scope = _scope(text, toks, i, last, toks[i].start)  # "no reported injuries in Dubai"
            return [Quantity(toks[i].start, toks[last].end, text[toks[i].start:toks[last].end], m, 0.0, 0.0, True, scope)
                    for m in measures]
    return []


def _joined(text: str, toks: list[Match], j: int, measure: str) -> tuple[tuple[str, ...], int]:
    """What a zero of the casualty word at token j counts, and its last token: joined to a word
    of the other of the dead and the injured ("no deaths or injuries", "no dead or wounded", "no
    one was killed or injured", "weder Tote noch Verletzte") both of them; joined to a general
    word ("no deaths or casualties") CASUALTIES. Not across a clause break: "No one was killed,
    and injured passengers were treated" denies the dead alone."""
    lex = _lexicon()
    join, width = _phrase(toks, j + 1, lex.casualty_joins)
    k = j + 1 + width
    within = k < len(toks) and not any(_breaks(text, toks, m) for m in range(j + 1, k + 1))
    other = (lex.casualty_nouns.get(toks[k].key) or lex.counted.get(toks[k].key)) if join and within else None
    if other not in {"dead", "injured", CASUALTIES} - {measure}:
        return (measure,), j
    return ((CASUALTIES,) if CASUALTIES in (measure, other) else ("dead", "injured")), k


def _read(text: str, toks: list[Match], i: int, width: int, value: float, step: float,
          language: str) -> tuple[Quantity | None, int]:
    """The quantity that starts with the number at token i, and the token after it."""
    lex = _lexicon()
    end = i + width
    currency, currency_start = _phrase_ending(toks, i, lex.currencies)
    if currency and text[toks[i - 1].end:toks[i].start].strip():
        currency, currency_start = None, i  # "euros (£25.7bn)": the word belongs to the figure before
    if currency and currency_start and toks[currency_start - 1].key == "us":
        currency_start -= 1  # "US$"
    scale, scale_width = _phrase(toks, end, lex.multipliers)
    if not scale:  # "$5m", "2m euros": the short forms only next to a currency
        money_scale, money_width = _phrase(toks, end, lex.money_multipliers)
        if money_scale and (currency or _phrase(toks, end + money_width, lex.currencies)[0]):
            scale, scale_width = money_scale, money_width
    if scale:
        if width == 1 and _year(toks[i]) and not currency:
            return None, end + scale_width  # "2015 Milliarden": a year
        value, step = value * scale, step * scale
        end += scale_width
    weight = None
    if not currency:
        skip = 1 if end < len(toks) and toks[end].key == "de" else 0  # "2 millones de dólares"
        currency, currency_width = _phrase(toks, end + skip, lex.currencies)
        if currency and text[toks[end + skip - 1].end:toks[end + skip].start] not in ("", " ", ". ", "-"):
            currency = None  # "110 billion ($158 billion)": the sign belongs to the figure after
        if currency:
            end += skip + currency_width
            weight = lex.weights_too.get(toks[end - 1].key)
            # in the figure's clause, a few words from it: "weighed 200 pounds and was paid" is a weight
            near = set(toks[max(0, i - MONEY_REACH):end + MONEY_REACH]) & set(_clause(toks, text, i, end - 1))
            if weight and not scale and not any(t.key in lex.money_words or t.key in lex.currencies and t.key not in lex.weights_too
                                                for t in near):
                currency = None  # "weighing 180 pounds": money would have a sign, a scale or a money word
            else:
                weight = None
    first = toks[currency_start].start if currency and currency_start < i else toks[i].start
    measure, last, rounded = None, end - 1, False
    if currency:
        measure = currency
    elif weight:
        measure, rounded = f"unit {weight}", True
    elif (unit := _unit_after(text, toks, end))[0]:
        # durations are compared as written: "two hours" is not "120 minutes" rounded
        rounded = unit[0] not in DURATIONS
        measure, last = (f"unit {unit[0]}" if rounded else unit[0]), end + unit[1] - 1
    elif (pct := _phrase(toks, end, lex.percent))[0]:
        measure, last = "percent", end + pct[1] - 1
    elif any(t.key in lex.magnitude for t in toks[max(0, i - 3):i] + toks[end:end + 4]) or _before_a_quake(toks, i, end, step):
        measure, rounded = "magnitude", True
    else:
        set_noun = _set_drawn_from(text, toks, end, language)
        # "two of the three victims died": past the victims, the verb says what the count counts
        counted_from = set_noun + 1 if set_noun and toks[set_noun].key in lex.victims else set_noun
        measure, last = _counted(text, toks, i, counted_from or end, language)
        if counted_from != set_noun and measure in EVOLVING:
            measure = f"{measure} {toks[set_noun].key[:6]}"  # some of the victims, as "One victim died" reads
        if set_noun and not _of_casualties(measure):
            # the set's own figure is no count of what the verb says; "Two of the bombs fell within
            # the camp" is part of the bombs, against neither all of them nor the other part
            return None, set_noun
    if measure is None:
        return None, end
    low, high, exact, qualifier_start = _qualified(toks, i, value, step, measure in DURATIONS)
    first = min(first, qualifier_start)
    if rounded:  # a bound of nothing ("up to 120 mph", "less than 25 km") stays at nothing
        low, high = (low - step / 2 if low else low), high + step / 2
    if measure.startswith("unit "):
        measure, low, high = _converted(measure.removeprefix("unit "), low, high)
    stop = toks[last].end
    return Quantity(
        first, stop, text[first:stop], measure, low, high, exact and not rounded,
        _scope(text, toks, i, last, first), _span(text, toks, last, language),
        _money_act(toks, i, last) if currency else _measured(text, toks, last, measure),
    ), last + 1


def _measured(text: str, toks: list[Match], last: int, measure: str) -> str:
    """What a figure written before a noun of the lexicon's `measured` measures ("an 84-yard
    scamper": a run; "the 16-yard line": a place on the field): a unit in the singular ends the
    figure then, as an adjective ("84-yard", not "84 yards"; "an 80-yard TD run"). Counted nouns
    and physical units only: "three people run" is no run of three."""
    if toks[last].key.endswith("s") or not measure.startswith(("count ", "[")):
        return ""
    found = ""
    for j in range(last + 1, min(last + 3, len(toks))):
        if _breaks(text, toks, j) or toks[j].text.istitle():
            break  # a name ("the 16-yard Cleveland ..."), not what is measured; "TD run" is read on
        kind, _ = _phrase(toks, j, _lexicon().measured)
        found = kind or found  # the last noun is the head: a "kickoff return" is a return, a "field goal" a kick
    return found


def _money_act(toks: list[Match], i: int, last: int) -> str:
    """What a sum is, when the nearest phrase of the lexicon's money_acts within MONEY_ACT_REACH
    of it says so (a loan, savings), unless it starts one of no_money_acts ("prêt à")."""
    around = [*range(max(0, i - MONEY_ACT_REACH), i), *range(last + 1, min(len(toks), last + 1 + MONEY_ACT_REACH))]
    lex = _lexicon()
    return next((act for k in sorted(around, key=lambda k: (i - k if k < i else k - last, k))
                 if (act := _phrase(toks, k, lex.money_acts)[0]) and not _phrase(toks, k, lex.no_money_acts)[0]), "")


def _before_a_quake(toks: list[Match], i: int, end: int, step: float) -> bool:
    """'a 5.9 earthquake', 'a 6.7-strength quake', 'a 6.7 degree quake': a figure with a decimal
    part right before a quake, a word apart at most, is its magnitude (no count of quakes has a
    decimal part)."""
    return step < 1 and toks[i].key[0].isdigit() and any(t.key in _lexicon().quakes for t in toks[end:end + 2])


def _set_drawn_from(text: str, toks: list[Match], end: int, language: str) -> int | None:
    """'two of the three victims died': where the noun of the set the count is drawn from starts,
    past the set's own figure; the count takes the noun and the verb, the set's figure (three
    victims) counts no one who died. None without "of the", and where the set is itself a
    casualty count ("30 of the 80 wounded remained in hospital": 80 wounded)."""
    lex = _lexicon()
    _, width = _phrase(toks, end, lex.partitive)
    if not width or end + width >= len(toks):
        return None
    _, _, figure = _number_at(text, toks, end + width, language)
    noun = end + width + figure
    if noun >= len(toks) or (_phrase(toks, noun, lex.counted)[0] and toks[noun].key not in lex.victims):
        return None
    return noun


def _unit_after(text: str, toks: list[Match], end: int) -> tuple[str | None, int]:
    """The unit right after a figure, or after one describing word ("4,183 passing yards"), as
    (unit, width up to its end)."""
    lex = _lexicon()
    if spaced := _spaced_compound(text, toks, end):  # "a 14 - year - old girl" reads as "a 14-year-old girl"
        unit = _compound_unit(spaced)
        return unit, (2 if unit else 0)
    unit, width = _phrase(toks, end, lex.units)
    if not unit and end < len(toks) and "-" in toks[end].key:
        unit, width = _compound_unit(toks[end].key), 1
    if not unit and _glued_metres(toks, end):
        unit, width = "meter", 1
    if unit or end >= len(toks) or not toks[end].text.isalpha() or not toks[end].text.islower():
        return unit, (width if unit else 0)
    if toks[end].key in lex.counted or toks[end].key in lex.people:
        return None, 0
    unit, width = _phrase(toks, end + 1, lex.units)
    return (unit, width + 1) if unit and unit not in DURATIONS else (None, 0)


def _glued_metres(toks: list[Match], end: int) -> bool:
    """'fell about 200m', 'a 600m fall': an "m" written onto the figure is metres. Money's "m" (a
    million: "$200m", "2m euros") is read before this, with its currency; before a word for
    people or a tally's verb it is a million too ("2.5m people displaced", "5m were displaced")."""
    lex = _lexicon()
    if end >= len(toks) or toks[end].key != "m" or toks[end].start != toks[end - 1].end:
        return False
    after = toks[end + 1].key if end + 1 < len(toks) else ""
    return not (after in lex.people or after in LINKING or _phrase(toks, end + 1, lex.counted)[0])


def _spaced_compound(text: str, toks: list[Match], end: int) -> str | None:
    """'14 - year - old': the two words after a figure joined to it and each other by spaced
    hyphens, as some pages and tokenisers leave "14-year-old", as the one hyphenated key they
    stand for ("year-old"); None otherwise ("55 - minute speech" reads as "55-minute" does)."""
    if end < 1 or end + 1 >= len(toks) or not toks[end + 1].key[:1].isalpha():
        return None
    gaps = (text[toks[k - 1].end:toks[k].start] for k in (end, end + 1))
    return f"{toks[end].key}-{toks[end + 1].key}" if all(gap == " - " for gap in gaps) else None


def _compound_unit(key: str) -> str | None:
    """A unit written as one hyphenated word: "1,500-square-kilometer island", "10
    kilometers-deep" (a dash lost in the page). A duration so written describes ("a
    32-year-old man") and is no amount."""
    lex = _lexicon()
    unit = lex.units.get(key.replace("-", " ")) or lex.units.get(key.split("-")[0])
    return unit if unit not in DURATIONS else None


def _counted(text: str, toks: list[Match], i: int, end: int, language: str) -> tuple[str | None, int]:
    """What a bare count counts: a casualty word after it ("3 were killed", "40 people were
    injured") or just before it ("killing 3", "the death toll rose to 11"); else the noun right
    after it ("7 villages")."""
    lex = _lexicon()
    while end < len(toks) and toks[end].key in lex.modifiers:
        end += 1  # "20 more people", "five other bank workers"
    after, people_at = None, None
    for j in range(end, min(end + 4, len(toks))):
        if toks[j].key[0].isdigit():
            break  # "In 2011, 100 people died": the words after the next figure are that one's
        if j == end and _breaks(text, toks, j):
            break  # "killed 3, injuring 12", "kills 1, wounds 2": the next clause's word, not the figure's
        found, width = _phrase(toks, j, lex.counted)
        if found:
            after = (found, j + width - 1)
            break
        if toks[j].key in lex.people and people_at is None:
            people_at = j
    qualifier, qualifier_at = _phrase_ending(toks, i, lex.qualifiers)
    while qualifier_at and toks[qualifier_at - 1].key in lex.modifiers:
        qualifier_at -= 1  # "wounding other 70", "injuring another 12"
    # "killing at least 3"; not a verb that ends the sentence before ("Two were killed. Three were hurt")
    before = (lex.counted.get(toks[qualifier_at - 1].key)
              if qualifier_at and not SENTENCE_ENDS & set(text[toks[qualifier_at - 1].end:toks[qualifier_at].start]) else None)
    if before and people_at == end:  # "killing 10 people and injuring 80"
        return before, end
    year = _year(toks[i]) and not qualifier and not counts_a_plural(text, toks[i].start, toks[i].end, language)
    if year and i and toks[i - 1].key in lex.place_prepositions:
        return None, end  # "The quake in 2003 killed 26,000": a time, whatever word follows
    toll = next((m for j in range(max(0, i - TOLL_REACH - 4), i)
                 if (m := _phrase(toks, j, lex.tolls))[0] and i - (j + m[1]) <= TOLL_REACH), (None,))[0]
    if after and (people_at is not None or after[1] == end or toks[end].key in LINKING):
        return after[0], (people_at if people_at is not None else after[1])
    if after and after[1] == end + 1 and _noun_follows(text, toks, end):
        return f"{after[0]} {toks[end].key[:6]}", after[1]  # "two women died": not all the dead
    if before:  # "killed more than 31,000 in Bam", "killing two soldiers"
        if end < len(toks) and _noun_follows(text, toks, end) and toks[end].key not in lex.counted:
            return f"{before} {toks[end].key[:6]}", end
        return before, end - 1
    if toll:
        return toll, end - 1
    if people_at == end:
        return "people", end
    if year:
        return None, end  # "the 2005 peace deal", "its 2012 financial guidance": a year; "1900 homes" a count
    if end < len(toks) and _noun_follows(text, toks, end):
        return f"count {toks[end].key[:6]}", end
    if end + 1 < len(toks) and _compound_modifier(text, toks, end) and _noun_follows(text, toks, end + 1):
        return f"count {toks[end + 1].key[:6]}", end + 1  # "the 12 worst-hit villages"
    return None, end


def _year(token: Match) -> bool:
    """Four digits a year could be ("2008", not "2,008")."""
    return is_year(token.key)



def _noun_follows(text: str, toks: list[Match], at: int) -> bool:
    """A lower-case word of four letters or more right after the number, nothing in between:
    the counted noun, as far as a lexicon-free reading can tell ("7 villages"; "7 Villages" in a
    title-cased headline), unless a function word ("20,000 which"). Compounds ("76-year-old", "12
    worst-hit") describe, they are not what is counted."""
    word = toks[at]
    lower = word.text[:1].islower() or title_cased(text)
    return (word.key[:1].isalpha() and len(word.key) > 3 and lower and "-" not in word.key
            and word.key not in _lexicon().not_counted and text[toks[at - 1].end:word.start] in ("", " ", "-"))


def _compound_modifier(text: str, toks: list[Match], at: int) -> bool:
    """A lower-case hyphenated word standing apart after the number ("12 worst-hit villages"):
    it describes what is counted. Glued to the number ("10-year-old girls") it describes the
    number's noun, not a count."""
    word = toks[at]
    return "-" in word.key and word.text.islower() and text[toks[at - 1].end:word.start] == " "


def _converted(unit: str, low: float, high: float) -> tuple[str, float, float]:
    """Physical quantities in base units, measured by their dimensionality ("[length]")."""
    ureg = _units()
    magnitude = ureg.Quantity(1, unit).to_base_units()
    scale = magnitude.magnitude
    return str(magnitude.dimensionality), low * scale, high * scale


def _qualified(toks: list[Match], i: int, value: float, step: float, duration: bool) -> tuple[float, float, bool, int]:
    """The range a stated value stands for, given the words just before it; whether it is a
    plain tally; where the qualifier starts. Before a duration "over" means "during". "More
    than x" reaches up to the next figure at x's precision (a speaker who knew of 31,000 dead
    would not say "more than 26,000": _just_over); "at least" is a floor and stays open."""
    kind, start = _phrase_ending(toks, i, _lexicon().qualifiers)
    if duration and kind == "over" and toks[start].key in ("over", "uber"):
        kind = None
    if start and toks[start - 1].key in _lexicon().currencies:
        kind, start = _phrase_ending(toks, start - 1, _lexicon().qualifiers)
    if not kind:
        return value, value, True, toks[i].start
    ranges = {
        "nearly": (0.9 * value, value),
        "about": (0.9 * value, 1.1 * value),
        "at_least": (value, math.inf),
        "over": (value, _just_over(value, step)),
        "up_to": (0.0, value),
        "at_most": (0.0, value),
        "under": (0.0, value),
    }
    low, high = ranges[kind]
    return low, high, False, toks[start].start


def _just_over(value: float, step: float) -> float:
    """How far "more than x" reaches: the next figure at x's precision, the largest power of ten
    that divides it ("26,000": 27,000; "$2.6 million": $2.7 million), when x has two significant
    digits or more. A round figure of one ("more than 100 yards", "over 70 dead") is a threshold
    passed, and says nothing of how far."""
    precision = step
    while value >= precision * 10 and math.isclose(value % (precision * 10), 0, abs_tol=precision * 1e-6):
        precision *= 10
    return value + precision if value >= 10 * precision else math.inf


def _clause(toks: list[Match], text: str, i: int, last: int) -> list[Match]:
    """The tokens of the figure's clause, up to CLAUSE_WINDOW either side."""
    lo, hi = clause_bounds(toks, text, i, last)
    return toks[lo:hi + 1]


def clause_bounds(toks: list[Match], text: str, i: int, last: int, reach: int = CLAUSE_WINDOW,
                   marks: frozenset[str] = CLAUSE_BREAKS) -> tuple[int, int]:
    """The first and last token of the figure's clause (_clause), up to `reach` tokens either
    side; `marks`: what ends a clause (a sentence's end too, for the whole clause a date sets)."""
    lo = i
    while lo > 0 and i - lo < reach and not _breaks(text, toks, lo, marks):
        lo -= 1
    hi = last
    while hi + 1 < len(toks) and hi - last < reach and not _breaks(text, toks, hi + 1, marks):
        hi += 1
    return lo, hi


def _breaks(text: str, toks: list[Match], k: int, marks: frozenset[str] = CLAUSE_BREAKS) -> bool:
    """Does a clause break come just before token k?"""
    return bool(marks & set(text[toks[k - 1].end:toks[k].start]))


def _leading_place(text: str, toks: list[Match], lo: int) -> list[Match]:
    """The clause before the figure's when it says where the figure is: a sentence that opens
    with a place ("In Heraklion, 10,000 people marched") or a place the figure's clause goes on
    from ("in Thessaloniki, where 20,000 people marched")."""
    if lo == 0 or not _breaks(text, toks, lo):
        return []
    start = lo - 1
    while start > 0 and not _breaks(text, toks, start):
        start -= 1
    lex = _lexicon()
    if toks[lo].key in lex.relative_places or (start == 0 and toks[0].key in lex.place_prepositions):
        return toks[max(start, lo - CLAUSE_WINDOW):lo]
    return []


def _scope(text: str, toks: list[Match], i: int, last: int, first: int) -> frozenset[str]:
    """Scope words in the figure's clause ("in Qeshm district", "nationwide"), and the names right
    after a place preposition there ("600 were killed in Zarand") or in a clause before it that
    places it (_leading_place). Other names in the clause (who said it, which quake) do not
    narrow what is counted."""
    lex = _lexicon()
    found = set()
    lo, hi = clause_bounds(toks, text, i, last)  # an index: searching toks for it made the reading quadratic
    clause = _leading_place(text, toks, lo) + toks[lo:hi + 1]
    for k, t in enumerate(clause):
        if first <= t.start < toks[last].end:
            continue
        after_preposition = any(c.key in lex.place_prepositions for c in clause[max(0, k - 3):k])
        if t.key in lex.scope_adverbs or (t.key in lex.scope_nouns and after_preposition):
            found.add(t.key)
        elif k and clause[k - 1].key in lex.place_prepositions and t.text[:1].isupper():
            found.add(place_key(text, t.start))  # "in Salonika" is "in Thessaloniki"
    return frozenset(found)


def _span(text: str, toks: list[Match], last: int, language: str) -> str:
    """'per year' and the like, or the length of a stretch of time in the clause ('in three
    years'), read in the few words after the figure."""
    lex = _lexicon()
    for j in range(last + 1, min(last + 6, len(toks))):
        per, width = _phrase(toks, j, lex.per_span)
        if per and not (j + width < len(toks) and toks[j + width].key in lex.time_ago):
            return per  # "a year ago" is when, not how often
        value, _, width = _number_at(text, toks, j, language)
        if value is not None:
            unit, _ = _phrase(toks, j + width, lex.units)
            if unit in ("year", "month"):
                return f"{value:g} {unit}"
    return ""


def _restates(found: list[Quantity], quantity: Quantity, text: str) -> bool:
    """'10 miles (15 kilometers)', '$US1 million ($1.52 million)': a figure in brackets right
    after one of the same measure restates it in other units. A sum in another currency
    ("€2 million ($2.6 million)") is the writer's own figure in that currency, and is read."""
    if not found:
        return False
    previous = found[-1]
    between = text[previous.end:quantity.start]
    return previous.measure == quantity.measure and between.strip() == "("
