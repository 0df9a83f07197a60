"""Date signal: dates, weekdays, periods and elapsed-time expressions, resolved to day ranges.

Month and weekday names come from Babel's locale data, so adding a language is adding its code.
The article's own date anchors what a text leaves open: "am Dienstag" in an article of
2026-02-03 is that day (the coming one after "next" or a verb of the future: "will be held
Thursday"); "January 3" is taken in the article's year (the year before when that would put it
more than a month after the article). "zu Jahresbeginn" is January-February, which "January 3" fits.
"6 months ago" in an article of 14 November 2011 is 14 April to 14 June 2011 (dateutil's
calendar arithmetic; a rounded count is good to one of its unit either side).
"""

from __future__ import annotations

import calendar
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from babel.dates import get_day_names, get_month_names
from dateutil.relativedelta import relativedelta
from text_to_num import text2num

from checker.errors import InputError
from checker.lexicons import every_language, lexicon_cache, load_lexicon, speech_verbs
from checker.signals.text import CLAUSE_BREAKS, Match, find_phrases, fold, stopwords

LANGUAGES = ("en", "de", "es", "fr", "it", "pt", "ar")
_AGO_UNITS = ("days", "weeks", "months", "years")  # relativedelta's
UNKNOWN_YEAR = 2000  # a leap year, so 29 February resolves
# A date later than this after the article is last year's: news names the coming weeks' dates
# without a year ("faces a May 19 due date" in an article of 5 May, "his next court hearing April 19")
NEWS_LOOKAHEAD = timedelta(days=31)
# A count in an "ago" phrase: digits that are not the end of a longer figure ("2,500"), or a word;
# number words before that word are read with it ("twenty-one thousand years ago"). After the
# phrase's own words ("vor", "hace", "il y a") it is the words up to the unit ("il y a vingt-deux
# ans", "hace treinta y cinco años"). Words are letters of any script: "dreißig" keeps its ß folded.
_WORD = r"[^\W\d_]+"
_COUNT = rf"(?P<count>(?<![\d.,])\d+|{_WORD})"
_COUNT_AFTER_WORDS = rf"(?P<count>(?<![\d.,])\d+|{_WORD}(?:[\s-]+{_WORD}){{0,5}}?)"
_WORDS = re.compile(r"[^\W_]+")
_NUMBER_WORDS_BEFORE = re.compile(r"(?:[^\W_]+[\s-]+){1,6}$")
# Where another clause of a claim begins, before a year at its end (years_told)
_OTHER_CLAUSE = re.compile(r"[;:–—]|,\s+(?:and|or|but|und|oder|aber|y|o|pero|et|ou|mais)\b")
# A year, as years_told and the number reader take one: four digits, 1800-2099 ("2008", not "2,008")
YEAR = r"(?:1[89]\d\d|20\d\d)"
_YEAR_AT_END = re.compile(rf"({YEAR})(?:[-–/](\d\d(?:\d\d)?))?$")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    first: date | None = None  # inclusive day range, when the mention names days
    last: date | None = None
    year_known: bool = True
    weekday: int | None = None  # Monday = 0: a weekday's (its day by the article's date, when it has one), "today"'s
    scale: str | None = None  # "days", "weeks", ... for "a few days before" and the like
    year_inferred: bool = False  # the year came from the article's date, not the text
    anchor: date | None = None  # the article's date, for "today" and "yesterday": known to a day either side

    def describe(self, weekday: bool = False) -> str:
        """weekday: the mention is set against a weekday, so it says its own (named_weekday)."""
        if self.scale:
            return f"on a scale of {self.scale}"
        if weekday and self.weekday is not None and not self.anchor:  # a weekday name: its weekday is what counts
            return calendar.day_name[self.weekday]
        if weekday and named_weekday(self) is not None:
            return f"{self.first.isoformat()}, a {calendar.day_name[self.first.weekday()]}"
        if self.first and self.first == self.last:
            return self.first.isoformat() if self.year_known else self.first.strftime("%d %B")
        if self.first:
            return f"{self.first.isoformat()} to {self.last.isoformat()}" if self.year_known else (
                f"{self.first.strftime('%d %B')} to {self.last.strftime('%d %B')}")
        return calendar.day_name[self.weekday]


def _languages(language: str) -> tuple[str, ...]:
    """The claim's own language and English (news quotes English dates everywhere); every
    known language when the claim's is unknown. Never all at once: Portuguese "março" folds
    to "marco", as in Marco Rubio."""
    return (language, "en") if language in LANGUAGES else LANGUAGES


@cache
def _names(language: str) -> tuple[dict[str, int], dict[str, int]]:
    """Month names (wide and abbreviated) and weekday names, folded."""
    months: dict[str, int] = {}
    days: dict[str, int] = {}
    for locale in _languages(language):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                key = fold(name).rstrip(".")
                if len(key) >= 3:
                    months.setdefault(key, number)
        for number, name in get_day_names("wide", locale=locale).items():
            days.setdefault(fold(name), number)
    return months, days


def weekday_names(language: str) -> tuple[str, ...]:
    """Weekday names (folded) of the language and English; of every language in LANGUAGES for
    a language outside them (as month names: `_languages`)."""
    return tuple(_names(language)[1])


@cache
def _wide_months(language: str) -> dict[str, int]:
    """Full month names only: a bare "mar" or "sept" is too often something else."""
    return {
        fold(name): n for lang in _languages(language) for n, name in get_month_names("wide", locale=lang).items()
    }


@cache
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    months, days = _names(language)
    month = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    wide = "|".join(sorted(map(re.escape, _wide_months(language)), key=len, reverse=True))
    day = "|".join(sorted(map(re.escape, days), key=len, reverse=True))
    return {
        "iso": re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
        # "5 May", "5. Mai", "5 de mayo", "the 5th of May"
        "day_month": re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+|of\s+)?({month})\.?(?:\s+(?:de\s+)?(\d{{4}}))?\b"),
        "month_day": re.compile(rf"\b({month})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"),
        "month": re.compile(rf"\b({wide})\b(?:\s+(?:de\s+)?(\d{{4}}))?"),
        "weekday": re.compile(rf"\b({day})\b"),
    }


def _in_year(month: int, day: int, year: int | None, anchor: date | None, ahead: bool = False) -> tuple[date, bool] | None:
    """The date in the year the text means: the article's, the year before when that would be
    more than NEWS_LOOKAHEAD after the article, the year after for a date the text puts ahead
    ("next March") or one in the coming weeks across New Year ("January 10" on 20 December)."""
    known = year is not None or anchor is not None
    chosen = year or (anchor.year if anchor else UNKNOWN_YEAR)
    resolved = _date_or_none(chosen, month, day)
    if resolved is None or year is not None or anchor is None:
        return (resolved, known) if resolved else None
    if ahead and resolved < anchor:
        resolved = _date_or_none(chosen + 1, month, day)
    elif not ahead and resolved > anchor + NEWS_LOOKAHEAD:
        resolved = _date_or_none(chosen - 1, month, day)
    elif not ahead and resolved < anchor:  # the coming weeks cross New Year too
        following = _date_or_none(chosen + 1, month, day)
        resolved = following if following and following <= anchor + NEWS_LOOKAHEAD else resolved
    return (resolved, known) if resolved else None


def _date_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_mentions(text: str, anchor: date | None, language: str = "und") -> list[DateMention]:
    months, days = _names(language)
    folded = fold(text)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []

    def free(m: re.Match, among: list[tuple[int, int]] = taken) -> bool:
        return not any(s < m.end() and m.start() < e for s, e in among)

    def add(m: re.Match, **fields) -> None:
        taken.append((m.start(), m.end()))
        found.append(DateMention(m.start(), m.end(), text[m.start():m.end()], **fields))

    patterns = _patterns(language)
    for m in patterns["iso"].finditer(folded):
        resolved = _in_year(int(m.group(2)), int(m.group(3)), int(m.group(1)), anchor)
        if resolved:
            add(m, first=resolved[0], last=resolved[0])
    for name, day_group, month_group, year_group in (("day_month", 1, 2, 3), ("month_day", 2, 1, 3)):
        for m in patterns[name].finditer(folded):
            if not free(m) or not _capitalised_if_english(text, m.start(month_group), m.group(month_group)):
                continue
            year = int(m.group(year_group)) if m.group(year_group) else None
            resolved = _in_year(months[m.group(month_group)], int(m.group(day_group)), year, anchor, _ahead(folded, m.start()))
            if resolved:
                add(m, first=resolved[0], last=resolved[0], year_known=resolved[1], year_inferred=year is None)
    for m in patterns["month"].finditer(folded):
        if not free(m) or not _capitalised_if_english(text, m.start(), m.group(1)):
            continue
        number = _wide_months(language)[m.group(1)]
        start = _in_year(number, 1, int(m.group(2)) if m.group(2) else None, anchor, _ahead(folded, m.start()))
        if start:
            first = start[0]
            add(m, first=first, last=first.replace(day=calendar.monthrange(first.year, number)[1]), year_known=start[1],
                year_inferred=m.group(2) is None)
    dated = list(taken)  # weekdays never overlap one another: only the dates before them can take one
    for m in patterns["weekday"].finditer(folded):
        if not free(m, dated):
            continue
        weekday = days[m.group(1)]
        if anchor:
            day = _weekday(weekday, anchor, folded, m.start(), language)
            add(m, first=day, last=day, weekday=weekday)
        else:
            add(m, weekday=weekday)
    lexicon = load_lexicon("dates")
    for hit in find_phrases(text, lexicon["so_far"]):
        if anchor and all(e <= hit.start or hit.end <= s for s, e in taken):  # up to the article's day
            first = anchor.replace(day=1) if hit.key == "month" else anchor.replace(month=1, day=1)
            taken.append((hit.start, hit.end))
            found.append(DateMention(hit.start, hit.end, hit.text, first=first, last=anchor, year_known=True))
    for period in lexicon["periods"]:
        for hit in find_phrases(text, {"period": period["words"]}):
            if all(e <= hit.start or hit.end <= s for s, e in taken):
                year = anchor.year if anchor else UNKNOWN_YEAR
                first_month, last_month = period["months"]
                taken.append((hit.start, hit.end))
                found.append(DateMention(
                    hit.start, hit.end, hit.text, first=date(year, first_month, 1),
                    last=date(year, last_month, calendar.monthrange(year, last_month)[1]), year_known=anchor is not None,
                ))
    for offset, phrases in lexicon["relative_days"].items():
        for hit in find_phrases(text, {"day": phrases}):
            if anchor and all(e <= hit.start or hit.end <= s for s, e in taken):
                day = anchor + timedelta(days=int(offset))
                found.append(DateMention(
                    hit.start, hit.end, hit.text, first=day, last=day, weekday=day.weekday(), anchor=anchor,
                ))
    found += _ago(text, folded, anchor, language)
    for hit in find_phrases(text, lexicon["elapsed"]):
        found.append(DateMention(hit.start, hit.end, hit.text, scale=hit.key))
    return sorted(found, key=lambda d: d.start)


@dataclass(frozen=True)
class _AgoPhrase:
    """One language's "ago" phrase of lexicons/dates.yaml."""

    pattern: re.Pattern[str]  # one named group per unit
    units: tuple[str, ...]
    spelled: dict[str, str]  # count words text2num does not know (folded) -> as it writes them


@lexicon_cache
def _ago_patterns() -> dict[str, _AgoPhrase]:
    """Language -> its "ago" phrase."""
    found = {}
    for language, entry in load_lexicon("dates")["ago"].items():
        units = entry["units"]
        phrase = re.escape(entry["phrase"])
        if re.escape("{count}") not in phrase or re.escape("{unit}") not in phrase or set(units) - set(_AGO_UNITS):
            raise InputError("dates lexicon", f"ago.{language}: needs a phrase with {{count}} and {{unit}}, units among {', '.join(_AGO_UNITS)}")
        unit = "(?:" + "|".join(f"(?P<{u}>{'|'.join(map(re.escape, words))})" for u, words in units.items()) + ")"
        count = _COUNT if entry["phrase"].startswith("{count}") else _COUNT_AFTER_WORDS
        pattern = phrase.replace(re.escape("{count}"), count).replace(re.escape("{unit}"), unit)
        found[language] = _AgoPhrase(re.compile(rf"\b{pattern}\b"), tuple(units), entry.get("spelled", {}))
    return found


def years_told(text: str, language: str = "und") -> list[DateMention]:
    """Bare years that set the claim as a whole at that year, as whole years: a time phrase
    leading it ("In 2007, the gang drove two cars...") or ending it where no clause or phrase of
    its own opens before in its clause ("Police said that they had recovered 80% of the haul
    in 2009."; not "the worst violence since riots in 2008", "the marks set by Hamp Pool in
    1952"), a year that dates its subject ("The 2008 Chiefs ended the season...", "Cam Newton in
    2011 had the previous record"). A year elsewhere is another fact's ("SeaMicro was founded in
    2007 and is backed with $60 million"), and "since 1998", "through 2012" reach the article's
    own time. A season ("In 2007-08") spans both its years; a figure before a plural ("In 2000
    homes", "The 2000 soldiers": counts_a_plural) counts them and is no year."""
    opening, closing, openers = _year_patterns(language)
    folded = fold(text)
    ends = [m.end() for m in [opening.search(text)] if m]
    last = closing.search(folded)
    if last and not (_OTHER_CLAUSE.search(folded, 0, last.start()) or _opens_a_phrase(folded[:last.start()], openers, language)):
        ends.append(last.end())
    years = [_year_mention(text, end) for end in dict.fromkeys(ends)]
    return [y for y in years if not counts_a_plural(text, y.start, y.end, language)]


def is_year(word: str) -> bool:
    """Is the word a year (YEAR)?"""
    return re.fullmatch(YEAR, word) is not None


def counts_a_plural(text: str, start: int, end: int, language: str) -> bool:
    """Does a year-shaped figure at text[start:end] count the plural content noun after it ("1900
    homes", "2000 soldiers"), so that it is no year? The rule years_told and the number reader
    share: a lower-case word of four letters or more right after it, ending in "s", neither a stop
    word nor a word that counts nothing ("in 2008 this was", "in 2008 its profit"); not after a
    month ("the December 2008 riots")."""
    word = re.match(r" ([^\W\d_]+)\b(?!-)", text[end:end + 40])
    if not word or not word.group(1).islower():
        return False
    key = fold(word.group(1))
    month = re.search(r"([^\W\d_]+)\W*$", text[max(0, start - 20):start])
    return (len(key) > 3 and key.endswith("s") and not key.endswith("ss") and key not in _not_counted(language)
            and not (month and fold(month.group(1)) in _names(language)[0]))


@lexicon_cache
def _not_counted(language: str) -> frozenset[str]:
    """Words no figure counts: the language's stop words and the number reader's closed-class words."""
    return stopwords(language) | {fold(w) for w in every_language(load_lexicon("quantities")["not_counted"])}


def _opens_a_phrase(before: str, openers: frozenset[str], language: str) -> bool:
    """Does an opener stand in the clause of a year's time phrase, before it? Not one before the
    clause's last comma, and not one right after a speech verb: "Police said that they had
    recovered 80% of the haul in 2009" reports the claim itself."""
    words = re.findall(r"[^\W\d_]+", re.split(r"[,;:–—(]", before)[-1])
    said = {fold(v) for lang in _languages(language) for v in speech_verbs(lang)}
    return any(w in openers and not (i and words[i - 1] in said) for i, w in enumerate(words))


def _year_mention(text: str, end: int) -> DateMention:
    """The year, or season ("2007-08", "2007/2008"), that ends at `end`, as whole years."""
    m = _YEAR_AT_END.search(text, 0, end)
    first = last = int(m.group(1))
    if m.group(2):  # "2007-08": the century is the first year's, or the next one's ("1999-00")
        last = int(m.group(2)) if len(m.group(2)) == 4 else first // 100 * 100 + int(m.group(2))
        last += 100 if last < first and len(m.group(2)) == 2 else 0
    last = max(last, first)
    return DateMention(m.start(), end, m.group(), first=date(first, 1, 1), last=date(last, 12, 31))


@lexicon_cache
def _year_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """years_told's patterns: of a claim's opening (on the text as written: a name's capitals),
    of its end (on the folded text), and its opener words (folded). The lexicon's words are as
    written ("en el año"), folded for the folded text."""
    entry = load_lexicon("dates")["years"]

    def words(key: str, folded: bool = False) -> str:
        found = {fold(w) if folded else w for lang in _languages(language) for w in entry[key].get(lang, [])}
        return "|".join(sorted(map(re.escape, found), key=len, reverse=True)) or "(?!)"

    # each pattern's match ends with the year or season
    year = rf"{YEAR}(?:[-–/](?:\d\d){{1,2}})?(?![\w%]|[.,]\d)"
    time, folded_time = rf"(?:{words('in')})\s+{year}", rf"(?:{words('in', folded=True)})\s+{year}"
    name = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)+"  # two capitalised words: a claim's first word has one anyway
    opening = rf"^\W*(?i:(?:{words('lead')})\s+)*(?:(?i:{time})|(?i:{words('articles')})\s+{year}(?=\s+[^\W\d])|{name}\s+(?i:{time}))"
    closing = rf"\b{folded_time}(?=(?:\s+[^\W\d]+)?\W*$)"
    openers = frozenset(fold(w) for lang in _languages(language) for w in entry["openers"].get(lang, []))
    return re.compile(opening), re.compile(closing), openers


def _ago(text: str, folded: str, anchor: date | None, language: str) -> list[DateMention]:
    """'6 months ago' in an article of 14 November: April 14 to June 14. A span dateutil cannot
    take back from the article's date ("65 million years ago") is no date of the news."""
    if anchor is None:
        return []
    patterns = _ago_patterns()
    found = []
    for lang in dict.fromkeys(_languages(language)):
        if lang not in patterns:
            continue
        phrase = patterns[lang]
        at = 0
        while m := phrase.pattern.search(folded, at):
            counted = _count(text, folded, m, lang, phrase.spelled)
            # words that read as no count may hide a phrase after them ("vor allem vor drei Jahren")
            at = m.start() + 1 if counted is None else m.end()
            if counted is None:
                continue
            count, start = counted[0], min(m.start(), counted[1])
            unit = next(u for u in phrase.units if m.group(u))
            try:
                first, last = anchor - relativedelta(**{unit: count + 1}), anchor - relativedelta(**{unit: count - 1})
            except (ValueError, OverflowError):
                continue
            found.append(DateMention(start, m.end(), text[start:m.end()], first=first, last=last))
    return found


def _count(text: str, folded: str, m: re.Match, language: str, spelled: dict[str, str]) -> tuple[int, int] | None:
    """The count of an "ago" phrase and where it starts, with the number words just before it
    ("twenty-one thousand"); None when it is not a number, or the end of a figure in digits
    ("65 million"). Words are found in the folded text and read as written at its offsets:
    text2num knows "fünf" and "veintitrés", not "funf" and "veintitres"; spelled: words it
    does not know at all, as it writes them ("einem" as "ein")."""
    start = m.start("count")
    if m.group("count").isdigit():
        return int(m.group("count")), start

    def as_written(w: re.Match) -> str:
        return spelled.get(w.group(), text[w.start():w.end()].lower())

    before = _NUMBER_WORDS_BEFORE.search(folded, max(0, start - 80), start)
    words = [(w.start(), as_written(w)) for w in _WORDS.finditer(folded, before.start(), start)] if before else []
    written = [as_written(w) for w in _WORDS.finditer(folded, start, m.end("count"))]
    count, taken = None, 0
    for n in range(len(words) + 1):  # the longest run of words before it that reads as one number
        try:
            count, taken = text2num(" ".join([*(w for _, w in words[len(words) - n:]), *written]), language), n
        except ValueError:
            continue
    if count is None or (taken < len(words) and words[-taken - 1][1].isdigit()):
        return None
    return count, words[-taken][0] if taken else start


def _weekday(weekday: int, anchor: date, folded: str, at: int, language: str) -> date:
    """The day a weekday at `at` names in an article of `anchor`: the last one on or before the
    article's day; the coming one after words that put it ahead ("next Sunday" in a Sunday
    article is a week on) or tell of a time to come ("a vote will be held Thursday"); a week
    back from the article's own weekday after "last"."""
    coming = (weekday - anchor.weekday()) % 7
    if _ahead(folded, at):
        return anchor + timedelta(days=coming or 7)
    if _future(folded, at, language):
        return anchor + timedelta(days=coming)
    back = (anchor.weekday() - weekday) % 7
    return anchor - timedelta(days=back or (7 if _ahead(folded, at, "behind") else 0))


def _ahead(folded: str, at: int, cues: str = "ahead") -> bool:
    """Does a word just before the date put it ahead of the article ("by next March"), or with
    cues="behind" before the article's own day ("last Thursday"), or with cues="since" in the
    past ("seit Montag")?"""
    words = re.findall(r"[\w']+", folded[max(0, at - 20):at])
    known = _cue_words(cues)
    return any(" ".join(words[-n:]) in known for n in (1, 2) if len(words) >= n)


@lexicon_cache
def _cue_words(cues: str) -> frozenset[str]:
    return frozenset(fold(c) for c in load_lexicon("dates")[cues])


CLAUSE_REACH = 200  # characters back from a weekday where its clause is looked for: clauses are shorter
_CLAUSE_START = re.compile(r"[.,;:()!?\"“”]")


def _future(folded: str, at: int, language: str) -> bool:
    """Do words earlier in the date's clause tell of a time to come ("will be held Thursday";
    lexicons/dates.yaml's `future`), none putting it in the past just before it ("since")?"""
    cues, openers = _future_patterns(language)
    if cues is None or _ahead(folded, at, "since"):
        return False
    start = max(0, at - CLAUSE_REACH)
    starts = [m.end() for m in _CLAUSE_START.finditer(folded, start, at)]
    starts += [m.end() for m in openers.finditer(folded, start, at) if folded[m.end():at].split()] if openers else []
    return cues.search(folded, max(starts, default=start), at) is not None


@lexicon_cache
def _future_patterns(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """lexicons/dates.yaml's future cues and clause openers in the language, as patterns (None: none)."""
    entry = load_lexicon("dates")["future"]

    def pattern(key: str) -> re.Pattern[str] | None:
        words = sorted({fold(w) for lang in _languages(language) for w in entry[key].get(lang, ())}, key=len, reverse=True)
        return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b") if words else None

    return pattern("cues"), pattern("openers")


# text.CLAUSE_BREAKS read in the text rather than as tokens: a comma or colon inside a figure, a digit
# on both sides ("10:30 a.m.", "1,500", "at 10: 30"), is no clause mark; one after a figure is ("on March 3, died")
_CLAUSE_MARKS = re.compile(rf"(?<!\d),|,(?!\d)|(?<!\d):|:(?!\s?\d)|[{re.escape(''.join(sorted(CLAUSE_BREAKS - {',', ':'})))}]")


TOLLED = frozenset({"death", "hospital"})  # acts a figure may count: then the event's toll, no act of its own
ANOTHER_ACT = "another act"  # of a stretch a sequel opens that names no act (lexicons/dates.yaml's sequels)
ABOUT_A_DEATH = "about a death"  # the act of a clause about a death ("charged in the death of"), not the death's
STATEMENT = "statement"  # of a day right after a speech verb ("police said Saturday"): the statement's own
TOLL_REACH = 3  # words between a death or hospital word and the figure it counts ("killed 20", "sent 50 people to hospital")


@dataclass(frozen=True)
class StoryActs:
    """The acts of a story (_acts: a death, a heart attack, a stay in hospital, an arrest) a claim
    tells of, with its clause marks, read once a claim (story_acts)."""

    mark_starts: tuple[int, ...]
    mark_ends: tuple[int, ...]
    hits: tuple[Match, ...]  # in the text's order
    openings: tuple[int, ...] = ()  # where each sequel word that opens a stretch starts (story_acts)
    # where each speech verb ends, and how far on a day is still the statement's (story_acts), in order
    said_ends: tuple[int, ...] = ()
    said_reach: tuple[int, ...] = ()
    said_after: frozenset[int] = frozenset()  # where the word before a speech verb, function words aside, ends
    sequels: tuple[int, ...] = ()  # where each sequel word starts, whether it opens a stretch or not
    # each word's key -> where its hits start and end, in order: a stretch's acts are found by bisection, as a
    # long text has many hits and dates
    spans: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        spans: dict[str, tuple[list[int], list[int]]] = {}
        for hit in self.hits:
            starts, ends = spans.setdefault(hit.key, ([], []))
            starts.append(hit.start)
            ends.append(hit.end)
        object.__setattr__(self, "spans", {key: (tuple(starts), tuple(ends)) for key, (starts, ends) in spans.items()})

    def at(self, start: int, end: int) -> frozenset[str]:
        """The acts the clause of a date or time at [start, end) tells of: the text between the
        clause marks around it ("The singer, who suffered a heart attack three weeks ago, died
        on Sunday": the heart attack's, then the death's), and within it between the sequel
        words that open a stretch around it ("died in hospital on Saturday after a heart attack
        on December 2": the death's and the stay in hospital's, then the heart attack's);
        ANOTHER_ACT where a sequel opens a stretch that names none ("died after a fall on
        Friday"). The stretch ends at the next sequel word of any kind ("arrested on Friday
        after Jones was shot": the arrest's), or, where that part names no act, at the next one
        that opens a stretch ("am Freitag nach Angaben der Polizei festgenommen"). The clause's
        head, before its first sequel, that names none takes the whole clause's acts: German puts
        the verb last ("wurde am Freitag nach dem Unfall ins Krankenhaus gebracht", "Smith was on
        Friday after a long chase arrested"). A day right after a speech verb is the statement's
        (STATEMENT) alone: "charged with murder, police said Saturday" tells the day of the
        telling, not the charge's; so is one right before it in a clause that names no act before
        the day ("Police on Saturday said", not "The man who opened fire Friday told police")."""
        before = bisect_left(self.mark_starts, start)
        begin = self.mark_ends[before - 1] if before else 0
        said = bisect_right(self.said_ends, start) - 1
        if (said >= 0 and start <= self.said_reach[said]) or (end in self.said_after and not self._between(begin, start)):
            return frozenset({STATEMENT})
        after = bisect_left(self.mark_starts, end)
        stop = self.mark_starts[after] if after < len(self.mark_starts) else math.inf
        opening = bisect_left(self.openings, start)
        opened = self.openings[opening - 1] if opening and self.openings[opening - 1] >= begin else None
        acts = self._between(begin if opened is None else opened, _next(self.sequels, end, stop)) or self._between(
            begin if opened is None else opened, _next(self.openings, end, stop))
        if acts:
            return acts
        return frozenset({ANOTHER_ACT}) if opened is not None else self._between(begin, stop)

    def _between(self, begin: int, stop: float) -> frozenset[str]:
        """The acts of the words wholly within [begin, stop): a key's first hit from begin on ends
        first (hits do not overlap)."""
        acts_of = _acts_of()
        return frozenset(act for key, (starts, ends) in self.spans.items()
                         if (first := bisect_left(starts, begin)) < len(starts) and ends[first] <= stop
                         for act in acts_of.get(key, (key,)))


def _next(starts: tuple[int, ...], end: int, stop: float) -> float:
    """The first of starts from end on, before stop; else stop."""
    at = bisect_left(starts, end)
    return starts[at] if at < len(starts) and starts[at] < stop else stop


def story_acts(text: str, words: Sequence[Match], figures: Sequence[tuple[int, int]], language: str = "en") -> StoryActs:
    """The claim's acts (StoryActs), less a death or a stay in hospital that a figure in its
    clause counts, TOLL_REACH words apart at most ("The blast on Friday killed 20 people", "sent
    50 people to hospital", "left 12 in hospital"): that is the toll of the event the clause tells
    of (the blast's day), no act of its own. A death that another act is about (lexicons/dates.yaml's
    about_a_death: "was charged Saturday in the death of", "were coping Saturday with the death of")
    is no death's act but one of its own, ABOUT_A_DEATH. words: the claim's tokens; figures: the spans of its
    counts of heads (numbers.counts_heads; no date, time of day or age). A sequel word opens a
    stretch of another act where a function word or an act's word follows it ("after a heart
    attack", "nach einem Herzinfarkt", "after surgery"), not a figure or a time ("after 10 p.m.",
    "shortly after midnight": the time's own) nor a noun ("nach Angaben der Polizei": as the police
    say); one that opens none ends the stretch before it where that names an act (StoryActs.at)."""
    marks = list(_CLAUSE_MARKS.finditer(text))
    starts = tuple(m.start() for m in marks)
    word_starts = [w.start for w in words]

    def word(at: int) -> int:
        return bisect_right(word_starts, at) - 1

    def counts(hit: Match) -> bool:
        clause = bisect_left(starts, hit.start)
        return any(bisect_left(starts, a) == clause and min(abs(word(a) - word(hit.end - 1)), abs(word(hit.start) - word(b - 1))) <= TOLL_REACH
                   for a, b in figures)

    acts = tuple(hit for hit in find_phrases(text, _acts() | {ABOUT_A_DEATH: _about_a_death()}) if not (hit.key in TOLLED and counts(hit)))
    act_starts = {hit.start for hit in acts}

    def opens(sequel: Match) -> bool:
        after = bisect_left(word_starts, sequel.end)
        return after < len(words) and (words[after].key in stopwords(language) or words[after].start in act_starts)

    sequels = find_phrases(text, {"sequel": _sequels()})
    openings = tuple(hit.start for hit in sequels if opens(hit))
    verbs = find_phrases(text, {"said": _speech_verbs()})
    said = [(hit.end, _said_reach(hit.end, words, word_starts, starts, act_starts | set(openings), language)) for hit in verbs]
    return StoryActs(starts, tuple(m.end() for m in marks), acts, openings, said_ends=tuple(end for end, _ in said),
                     said_reach=tuple(reach for _, reach in said),
                     said_after=frozenset(_said_after(hit.start, words, word_starts, starts, language) for hit in verbs),
                     sequels=tuple(hit.start for hit in sequels))


def _said_after(verb_start: int, words: Sequence[Match], word_starts: Sequence[int], mark_starts: Sequence[int], language: str) -> int:
    """Where the last word before a speech verb that is no function word ends, in the verb's clause
    ("Police on Saturday said": Saturday's end); -1 where the clause has none."""
    mark = bisect_left(mark_starts, verb_start)
    begin = mark_starts[mark - 1] if mark else -1
    for word in reversed(words[:bisect_left(word_starts, verb_start)]):
        if word.start < begin:
            break
        if word.key not in stopwords(language):
            return word.end
    return -1


def _said_reach(verb_end: int, words: Sequence[Match], word_starts: Sequence[int], mark_starts: Sequence[int], stops: set[int],
                language: str) -> int:
    """How far after a speech verb ending at verb_end a day is the statement's: up to the first word
    that is no function word, name or word of a statement's setting (lexicons/dates.yaml's
    `statement`: "said in a statement on Monday", "told reporters Tuesday", "told The Associated
    Press on Monday", "sagte am Montag", "dijo el lunes"), nor beyond a clause mark, an act's word or
    a sequel's ("police said the gunman opened fire Friday": the shooting's day)."""
    mark = bisect_left(mark_starts, verb_end)
    reach = mark_starts[mark] if mark < len(mark_starts) else words[-1].end
    setting = _statement_setting(language)
    for word in words[bisect_left(word_starts, verb_end):]:
        if word.start >= reach or word.start in stops or not (word.key in setting or word.text[:1].isupper()):
            return min(word.start, reach)
    return reach


@lexicon_cache
def _about_a_death() -> list[str]:
    return every_language(load_lexicon("dates")["about_a_death"])


@lexicon_cache
def _speech_verbs() -> list[str]:
    return [fold(verb) for verb in speech_verbs()]


@lexicon_cache
def _statement_setting(language: str) -> frozenset[str]:
    """The language's stop words and lexicons/dates.yaml's words of a statement's setting, folded."""
    return stopwords(language) | {fold(w) for lang in _languages(language) for w in load_lexicon("dates")["statement"].get(lang, ())}


@lexicon_cache
def _sequels() -> list[str]:
    return every_language(load_lexicon("dates")["sequels"])


@lexicon_cache
def _acts() -> dict[str, list[str]]:
    """lexicons/dates.yaml's acts and either_acts (by their label: _acts_of), with the words for a
    death, an arrest and an injury that the figures' and deaths' lexicons list already
    (quantities.yaml's counted dead, arrested and injured, deaths.yaml's dying): an injury is an
    act of the stay in hospital's."""
    counted, dying = load_lexicon("quantities")["counted"], load_lexicon("deaths")["dying"]
    lexicon = load_lexicon("dates")
    acts = {act: list(words) for act, words in lexicon["acts"].items()} | {
        label: list(entry["words"]) for label, entry in lexicon["either_acts"].items()}
    for act, words in (("death", counted["dead"]), ("death", dying), ("arrest", counted["arrested"]), ("hospital", counted["injured"])):
        acts[act] = acts.get(act, []) + ([w for ws in words.values() for w in ws] if isinstance(words, dict) else list(words))
    return acts


@lexicon_cache
def _acts_of() -> dict[str, frozenset[str]]:
    """lexicons/dates.yaml's either_acts: a word's label -> the acts it may tell of ("verurteilt": convicted, sentenced)."""
    return {label: frozenset(entry["acts"]) for label, entry in load_lexicon("dates")["either_acts"].items()}


def other_acts(acts_a: frozenset[str], acts_b: frozenset[str]) -> bool:
    """Are two dates or times tied to different acts (StoryActs.at): each clause tells of some, none
    of them in both? A clause that tells of none may be of any act, but a statement's day is no
    act's ("police said Saturday" against "the man was found Friday")."""
    if (STATEMENT in acts_a) != (STATEMENT in acts_b):
        return True
    return bool(acts_a and acts_b) and not acts_a & acts_b


def other_sides(acts_a: frozenset[str], acts_b: frozenset[str]) -> bool:
    """Are the ages of two clauses (StoryActs.at) told of people on opposite sides of the story,
    lexicons/dates.yaml's age_sides: the victim in one, the suspect in the other? A clause of both
    sides or of neither may be of anyone."""
    sides_a, sides_b = (frozenset(side for side, acts in _age_sides().items() if told & acts) for told in (acts_a, acts_b))
    return bool(sides_a and sides_b) and not sides_a & sides_b


@lexicon_cache
def _age_sides() -> dict[str, frozenset[str]]:
    return {side: frozenset(acts) for side, acts in load_lexicon("dates")["age_sides"].items()}


def _capitalised_if_english(text: str, at: int, month: str) -> bool:
    """English 'may'/'march' are also verbs; as months they are capitalised (Spanish 'mayo' is
    a month in lower case)."""
    return not (month in ("may", "march") and text[at].islower())


def named_weekday(mention: DateMention) -> int | None:
    """The weekday a mention names (Monday = 0): a weekday's or "today"'s own, a single day's by the
    calendar of its year (the text's or the article's); None for a span, or a day of a year that
    neither gives ("March 3" in an undated article: no weekday can be placed on it)."""
    if mention.weekday is not None:
        return mention.weekday
    if mention.first and mention.first == mention.last and mention.year_known:
        return mention.first.weekday()
    return None


def compatible(a: DateMention, b: DateMention) -> bool:
    """Could both mentions name the same time? A weekday or "today" is only as good as the
    article's date it was read against: two articles dated days apart both saying "Thursday"
    (or "today" on a Thursday) mean one Thursday, so a weekday compares by weekday with a
    weekday or a day (named_weekday: "Tuesday" is "March 3, 2009", a Tuesday, and not "March 4,
    2009"), and fits a span or a day whose weekday is not known; "today" is the article's date,
    which is a day off in another time zone (a Tuesday paper in Sydney reports America's Monday),
    so it fits the day either side unless both read one date. A year taken from the article's
    date is a guess too: "April 19" in articles dated either side of it is one day."""
    if a.scale or b.scale:
        return a.scale == b.scale or not (a.scale and b.scale)
    if a.weekday is not None or b.weekday is not None:
        one, other = (a, b) if a.weekday is not None else (b, a)
        if one.anchor and one.anchor == other.anchor:
            return one.first == other.first
        weekday = named_weekday(other)
        apart = None if weekday is None else (weekday - one.weekday) % 7
        return apart is None or apart == 0 or (bool(one.anchor or other.anchor) and apart in (1, 6))
    first_a, last_a, first_b, last_b = a.first, a.last, b.first, b.last
    if not (a.year_known and b.year_known) or a.year_inferred or b.year_inferred:  # compare within one year
        first_a, last_a, first_b, last_b = (d.replace(year=UNKNOWN_YEAR) for d in (first_a, last_a, first_b, last_b))
        if first_a > last_a or first_b > last_b:  # a range across new year: give up, assume compatible
            return True
    return first_a <= last_b and first_b <= last_a
