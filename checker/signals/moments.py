"""Facts tied to a moment or a named subject that the number and date readers leave alone:
times of day ("2:53 p.m.", "about 3:00 pm", "14:00"), periods of a game ("late in the third
quarter", "the second half"), season records ("Indianapolis (10-5)", "their record rose to
9-5"), ages of a named person ("Buckley, 32,", "Buckley, aged 31", "32-year-old Buckley") and of
an unnamed one a noun describes ("the 11-year-old girl").

Times in words ("midnight", "shortly after noon", "Sunday morning", "Sonntagabend", "domingo
por la tarde", "dimanche soir") and the hedges on times ("about", "kurz nach", "poco después de",
"vers") are read in de, en, es and fr (lexicons/dates.yaml; the pair
signal notes other languages as not checked), and so are ages ("Müller, 32,", "der 32-jährige
Müller", "García, de 32 años,", "Dupont, âgé de 32 ans,"; "ein 11-jähriges Mädchen", "una niña
de 11 años", "une fillette de 11 ans"); "early Sunday" and the rest in English
only: news in other languages writes times as 24-hour figures (read here) and rarely gives
records this way. A time followed by a time zone other than the local one
("(1200 GMT)") restates the local time and is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.lexicons import every_language, lexicon_cache, load_lexicon, speech_verbs
from checker.names import (
    CAPITAL,
    SMALL,
    nationality_names,
    peoples,
    place_names,
    town_names,
)
from checker.normalize import normalize
from checker.signals.dates import weekday_names
from checker.signals.numbers import SENTENCE_ENDS
from checker.signals.people import (
    courtesy_sex,
    first_name,
    given_name,
    one_given_name,
    word_before,
)
from checker.signals.roles import titles
from checker.signals.text import find_phrases, fold, stopwords

LANGUAGES = ("de", "en", "es", "fr")  # times of day in words (lexicons/dates.yaml) and ages
ROUGH_MINUTES = 10  # "about 3:00 pm" fits 2:50 to 3:10
ORDINALS = {"first": 1, "1st": 1, "opening": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9}
PERIODS = ("quarter", "half", "period", "inning", "innings", "round", "set")
MAX_AGE = 120

# Times in words (lexicons/dates.yaml: clock words, parts of the day), and "early Sunday" (AP
# style: before dawn) and "late Friday" in English.
DAY = 24 * 60
_EARLY_LATE_DAY = re.compile(rf"\b(early|late)\s+(?:on\s+)?({'|'.join((*weekday_names('en'), 'today', 'yesterday'))})\b")
_GAME_CLOCK = re.compile(r"\s*(?:minutes?\s+)?(?:to play|to go|remaining|left|on the clock|of the clock|off the clock)")
_OTHER_ZONE = re.compile(r"\s*\(?\s*(?:gmt|utc|et|est|edt|pt|pst|cet|z)\b")
_PERIOD = re.compile(
    r"\b(?:(early|late|later|midway through|middle of)\s+(?:in\s+)?(?:the\s+)?)?(" + "|".join(ORDINALS) + r")[\s-]+("
    + "|".join(PERIODS) + r")\b")
_RECORD_AFTER_NAME = re.compile(rf"\b({CAPITAL}[\w’']+)\s*\((\d{{1,2}})-(\d{{1,2}})(?:-(\d{{1,2}}))?[,;)]")
_RECORD_WORD = re.compile(rf"\b({CAPITAL}[\w]+)\s*(?:[’']\s*s?\s*)?\s+record\s+(?:[a-z]+\s+){{0,2}}?(\d{{1,2}})-(\d{{1,2}})(?:-(\d{{1,2}}))?\b")
# A generational suffix after a surname: "Anthony LaCalamita III, 38," is LaCalamita's age
_SUFFIX = r"(?:Jr|Sr|II|III|IV)\b\.?"
# "Buckley, 32,", "Buckley, aged 32", "Buckley, a 32-year-old", "Buckley, 32, of Ohio", but not
# "In Heraklion, 10,000 people" or "Qeshm, a 1,500-square-kilometer island" (thousands separators)
# ... and "Müller, 32, wurde", "García, de 32 años,", "Dupont, âgé de 32 ans," (de, es, fr)
_DASH = r"(?:-| - )"  # a hyphen, or one spaced as some pages and tokenisers leave it ("14 - year - old")
_AGE = re.compile(
    rf"\b({CAPITAL}[\w’'-]+)(?:,?\s+{_SUFFIX})?,\s+(?:aged\s+|a\s+|de\s+|âgée?\s+de\s+)?(\d{{1,3}})(?![\d,.]\d)(?:{_DASH}year{_DASH}old|\s+años|\s+ans|\s+Jahre)?"
    r"(?=,(?!\d)|\s+(?:was|is|said|who|and|wurde|ist|sagte|fue|dijo|a été|est)\b|\.?$)")
# "32-year-old Christopher Buckley", "the 32-year-old gunman Buckley": the age of the surname after it
# ... and "der 32-jährige Christopher Buckley"; not across a preposition ("a 32-year-old man from
# Ohio", "der 32-Jährige aus Berlin")
_PREPOSITIONS = ("from", "of", "in", "at", "near", "on", "with", "for", "to", "by", "aus", "von", "vom", "im", "am", "bei", "mit",
                 "für", "nach", "zu")
_YEARS_OLD = rf"(\d{{1,3}}){_DASH}(?:year{_DASH}old|[Jj]ährige[nrsm]?)"  # "32-year-old", "32-jährige", "11-jähriges"
_AGE_BEFORE = re.compile(
    rf"\b{_YEARS_OLD}\s+(?:(?!(?:{'|'.join(_PREPOSITIONS)})\s){SMALL}+\s+){{0,2}}"
    rf"((?:{CAPITAL}[\w’'-]+\s+){{0,2}}((?!{_SUFFIX}){CAPITAL}[\w’'-]+))(?:\s+{_SUFFIX})?")
# "LaCalamita III, a 38-year-old Troy resident,": an age set beside a name, whatever follows it
_CLOSING_QUOTES = "\"“”«»"  # a quotation closed before the name ends its sentence
_INITIAL = re.compile(rf"{CAPITAL}\.")  # "John A. Kafoury"
_AGE_BESIDE = re.compile(rf"\b({CAPITAL}[\w’'-]+)(?:,?\s+{_SUFFIX})?,\s+an?\s+{_YEARS_OLD}")
# "the 11-year-old girl", "a 36-year-old Australian climber", "ein 11-jähriges Mädchen": the
# person's noun (lexicons/quantities.yaml's described_people) within DESCRIBED_REACH words after
# the age, past one word in lower case at most ("a 36-year-old local man", not "the 36-year-old
# told the man"); a capitalised word between them, or a place after "from" ("aus"), tells who ("a
# 50-year-old man from Dexter"; not "of": "a 50-year-old employee of Ford" works there), a people
# and its country alike ("an Australian climber", "a climber from Australia"). A possessive ends
# the phrase: "the 11-year-old girl's mother" is the girl's age. "una niña de 11 años", "une
# fillette de 11 ans", "un homme âgé de 36 ans", "l'enfant de 3 ans": the noun, past an elided
# article, and one word (its adjective) before the age.
DESCRIBED_REACH = 3
_WORD_AFTER = re.compile(r"\s+([\w-]+)(['’]s\b)?")
_ORIGIN_AFTER = re.compile(rf"\s+(?:from|aus)\s+((?:{CAPITAL}[\w’'-]+\s+)*{CAPITAL}[\w’'-]+)")
_AGE_AFTER_NOUN = re.compile(r"\b([\w’'-]+)(?:\s+([\w’'-]+))?,?\s+(?:âgée?\s+)?de\s+(\d{1,3})\s+(?:años|ans)\b")
_ELIDED = re.compile(r"^\w{1,2}['’]")  # "l'", "d'", "qu'"
# "a man in his early 30s", "in her mid-40s", "in their 20s": an age within a decade (English)
_IN_ONES_DECADE = re.compile(r"\bin\s+(?:his|her|their)\s+(?:(early|mid|late)[\s-]+)?(\d0)'?s\b")
_PART_OF_DECADE = {"": (0, 9), "early": (0, 3), "mid": (3, 6), "late": (6, 9)}
# Auxiliaries after a name make it the subject of a verb ("36-year-old LaSalle had"), as do the
# speech verbs (lexicons/speech_verbs.yaml: "Jackson said") and -ed/-s forms ("Gomes faces")
_AUXILIARIES = ("was", "were", "had", "has", "have", "will", "would", "could", "can", "did", "does", "may", "might", "must",
                "should", "wurde", "wird", "ist", "war", "hat", "hatte", "soll")


@dataclass(frozen=True)
class Moment:
    """A time of day, a game period, a record or an age, with what it belongs to."""

    start: int
    end: int
    text: str
    kind: str  # "time", "period <quarter|half|...>", "record <owner>", "age <person>"
    low: float  # minutes after midnight; quarters (a half is two); wins; years
    high: float
    position: str = ""  # "early" or "late" in a game period; the rest of a record ("5" losses, "0" ties)
    given: str = ""  # an age's owner's first name, where one stands before the surname ("John" Jenkin)
    sex: str = ""  # "mr" or "ms": an age's owner's courtesy title ("Mrs." Kafoury; people.courtesy_sex)
    origin: str = ""  # where an unnamed person is from: "australian" climber, man from "dexter" (_described_ages)

    @property
    def described(self) -> bool:
        """An age of a person no name tells, described by a noun ("the 11-year-old girl": "age a girl")."""
        return self.kind.startswith("age a ")

    def fits(self, other: Moment) -> bool:
        if self.given and other.given and not one_given_name(self.given, other.given):
            return True  # one family, two people: "John Jenkin, 23" and his sister "Kathryn Jenkin, 20"
        if self.sex and other.sex and self.sex != other.sex:
            return True  # "Mr. Kafoury" and "Mrs. Kafoury"
        if self.origin and other.origin and self.origin != other.origin:
            return True  # "an Australian climber" and "a British climber"
        if self.kind.startswith("record") or self.kind.startswith("age"):
            return (self.low, self.position) == (other.low, other.position)
        shifts = (-DAY, 0, DAY) if self.kind == "time" else (0,)  # a night and "12:30 a.m." across midnight
        if not any(self.low <= other.high + shift and other.low + shift <= self.high for shift in shifts):
            return False
        return not ({self.position, other.position} == {"early", "late"} and (self.low, self.high) == (other.low, other.high))

    def describe(self) -> str:
        if self.kind == "time":
            low, high = (f"{int(t) % DAY // 60:02d}:{int(t) % 60:02d}" for t in (self.low, self.high))
            return low if low == high else f"{low} to {high}"
        return self.kind.split()[0]


# Where a clock time may start: not inside a word or figure, nor after a figure's colon, spaced
# or not (tokenised text writes "7: 01 p. m.", "09: 10": its minutes are no time of their own);
# after a heading's colon it may ("Update: 4:30 p.m.")
_CLOCK_START = r"(?<![\w:.])(?<!\d:\s)"
CUE_REACH = 16  # characters before a time that its clock cue ends within ("desde las ")


@lexicon_cache
def _clock_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """12-hour and 24-hour times ("7:01 p.m."; "7: 01 p. m.", "09: 10" as tokenised text spaces
    them: a spaced 24-hour time needs two figures of hours, "Chapter 2: 15 people" is none),
    each with the hedge before it (lexicons/dates.yaml's clock_hedges, every language's: the
    clock words are read in each), and the hedge that ends a text before a time in words
    ("kurz nach" Mitternacht)."""
    hedges = sorted({fold(h) for h in every_language(load_lexicon("dates")["clock_hedges"])}, key=len, reverse=True)
    rough = rf"(?:(?:{'|'.join(map(re.escape, hedges))})\s+(?:(?:at|la|las)\s+)?)"  # "about at", "hacia las"
    return (re.compile(rf"{_CLOCK_START}({rough})?(\d{{1,2}})(?:(?::\s?|\.)(\d{{2}}))?\s*(a\.\s?m\b\.?|p\.\s?m\b\.?|am\b|pm\b)"),
            re.compile(rf"{_CLOCK_START}({rough})?((?:[01]?\d|2[0-3])(?=:\d)|(?:[01]\d|2[0-3])(?=:\s\d)):\s?([0-5]\d)(?![\d:])(?!\s*(?:a\.?\s?m\b|p\.?\s?m\b))"),
            re.compile(rf"(?<![\w']){rough}$"))


def moments(text: str, language: str = "en") -> list[Moment]:
    folded = fold(text)
    ages = _ages(text, language)
    found = [*_times(text, folded, language), *_periods(text, folded), *_records(text), *ages, *_described_ages(text, language, ages)]
    return sorted(found, key=lambda m: (m.start, m.kind))


def _times_in_words(text: str, language: str) -> list[Moment]:
    """'shortly after midnight', 'Sunday morning', 'am Sonntagabend', 'dimanche soir'."""
    lexicon = load_lexicon("dates")
    found = []
    for hit in find_phrases(text, {str(k): v for k, v in lexicon["clock_words"].items()}):
        rough = _clock_patterns()[2].search(fold(text[:hit.start]))
        at, slack, start = int(hit.key), ROUGH_MINUTES if rough else 0, rough.start() if rough else hit.start
        found.append(Moment(start, hit.end, text[start:hit.end], "time", at - slack, at + slack))
    days = weekday_names(language)
    for n, part in enumerate(lexicon["parts_of_day"]):
        phrases = [*part["cues"], *(day + suffix for day in days for suffix in part["after_weekday"])]
        low, high = part["minutes"]
        found += [Moment(h.start, h.end, h.text, "time", low, high) for h in find_phrases(text, {str(n): phrases})]
    return found


def _times(text: str, folded: str, language: str) -> list[Moment]:
    found: list[Moment] = []
    taken: list[tuple[int, int]] = []
    for pattern, twelve in zip(_clock_patterns()[:2], (True, False)):
        for m in pattern.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in taken) or _OTHER_ZONE.match(folded, m.end()):
                continue
            if not twelve and (_GAME_CLOCK.match(folded, m.end()) or (": " in m.group(0) and not m.group(1) and not _cued(folded, m))):
                continue
            hour, minute = int(m.group(2)), int(m.group(3) or 0)
            if twelve:
                if not 1 <= hour <= 12:
                    continue
                hour = hour % 12 + (12 if m.group(4).startswith("p") else 0)
            at = hour * 60 + minute
            slack = ROUGH_MINUTES if m.group(1) else 0
            taken.append((m.start(), m.end()))
            found.append(Moment(m.start(), m.end(), text[m.start():m.end()], "time", at - slack, at + slack))
    in_words = _times_in_words(text, language)
    found += in_words
    for m in _EARLY_LATE_DAY.finditer(folded):
        if any(w.start < m.end() and m.start() < w.end for w in in_words):
            continue  # "early Sunday afternoon" is in the afternoon
        low, high = (0, 7 * 60) if m.group(1) == "early" else (18 * 60, DAY)
        found.append(Moment(m.start(), m.end(), text[m.start():m.end()], "time", low, high))
    return found


def _cued(folded: str, m: re.Match[str]) -> bool:
    """Does a clock word (lexicons/dates.yaml's clock_cues) stand before or after a spaced
    24-hour time ("at 09: 10", "09: 10 Uhr")? "Chapter 12: 30 people" has none."""
    before, after = _clock_cues()
    return bool(before.search(folded, max(0, m.start() - CUE_REACH), m.start()) or after.match(folded, m.end()))


@lexicon_cache
def _clock_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cues = load_lexicon("dates")["clock_cues"]

    def words(where: str) -> str:
        return "|".join(map(re.escape, sorted({fold(w) for w in every_language(cues[where])}, key=len, reverse=True)))

    return re.compile(rf"(?<![\w'])(?:{words('before')})\s+$"), re.compile(rf"\s*(?:{words('after')})\b")


def _periods(text: str, folded: str) -> list[Moment]:
    found = []
    for m in _PERIOD.finditer(folded):
        number, period = ORDINALS[m.group(2)], m.group(3)
        position = {"early": "early", "late": "late", "later": "late"}.get(m.group(1) or "", "")
        if period == "half":  # a half is two quarters: "the second half" holds the third quarter
            low, high, period = 2 * number - 1, 2 * number, "quarter"
        else:
            low = high = number
        found.append(Moment(m.start(), m.end(), text[m.start():m.end()], f"period {period.rstrip('s')}", low, high, position))
    return found


def _records(text: str) -> list[Moment]:
    found = []
    for pattern in (_RECORD_AFTER_NAME, _RECORD_WORD):
        for m in pattern.finditer(text):
            rest = "-".join(g for g in (m.group(3), m.group(4)) if g)
            wins = int(m.group(2))
            found.append(Moment(m.start(2), m.end(3 if not m.group(4) else 4), text[m.start(2):m.end(3 if not m.group(4) else 4)],
                                f"record {fold(m.group(1))}", wins, wins, rest))
    return found


def _ages(text: str, language: str) -> list[Moment]:
    found = [(m.start(2), m.end(2), m.group(2), m.group(1), m.start(1)) for m in _AGE.finditer(text)]
    found += [(m.start(1), m.end(1), m.group(1), m.group(3), m.start(3))
              for m in _AGE_BEFORE.finditer(text) if _names_a_person(text, m, language)]
    found += [(m.start(2), m.end(2), m.group(2), m.group(1), m.start(1))
              for m in _AGE_BESIDE.finditer(text) if _beside_a_name(text, m, language)]
    return [
        Moment(start, end, age, f"age {fold(person)}", int(age), int(age), given=first_name(text, at, language),
               sex=courtesy_sex(text, at))
        for start, end, age, person, at in dict.fromkeys(found) if 0 < int(age) <= MAX_AGE
    ]


def _described_ages(text: str, language: str, named: list[Moment]) -> list[Moment]:
    """Ages of people no name tells, by the noun that describes them ("the 11-year-old girl":
    kind "age a girl"), where no name took the age ("the 32-year-old gunman Buckley")."""
    nouns = _described_people(language)
    found: list[tuple[re.Match[str], int, str, list[str]]] = []  # the age's match and group, the noun, the words that tell who
    for m in re.finditer(rf"\b{_YEARS_OLD}", text):
        words, at = [], m.end()
        while len(words) < DESCRIBED_REACH and (word := _WORD_AFTER.match(text, at)):
            words.append(word.group(1))
            at = word.end()
            if fold(words[-1]) in nouns:
                origin = None if word.group(2) else _ORIGIN_AFTER.match(text, at)
                found.append((m, 1, fold(words[-1]), words[:-1] + ([origin.group(1)] if origin else [])))
            if fold(words[-1]) in nouns or word.group(2) or sum(w.islower() for w in words) > 1:
                break
    for m in _AGE_AFTER_NOUN.finditer(text):
        first, second = (_ELIDED.sub("", fold(word)) for word in (m.group(1), m.group(2) or ""))
        if second in nouns:  # "un alpinista de 36 años"
            found.append((m, 3, second, []))
        elif first in nouns:  # "una niña española de 11 años", "l'enfant de 3 ans"
            found.append((m, 3, first, [m.group(2) or ""]))
    taken = {m.start for m in named}
    return [
        Moment(m.start(n), m.end(n), m.group(n), f"age a {noun}", int(m.group(n)), int(m.group(n)),
               origin=" ".join(_origin(w) for w in told if w[:1].isupper()))
        for m, n, noun, told in found if m.start(n) not in taken and 0 < int(m.group(n)) <= MAX_AGE
    ]


def _origin(name: str) -> str:
    """Where a name says an unnamed person is from, keyed as the gazetteer keys places, a people as
    its country ("Australian", "Australia": australia; "American": united states)."""
    key = normalize(name)
    return place_names().get(key) or peoples().get(key, key)


@lexicon_cache
def _described_people(language: str) -> frozenset[str]:
    return frozenset(fold(w) for w in load_lexicon("quantities")["described_people"].get(language, ()))


def _beside_a_name(text: str, m: re.Match, language: str) -> bool:
    """Is the word before ", a 38-year-old" a name? Not one opening a sentence ("Meanwhile, a
    38-year-old man", "Yesterday, a"; a title's or an initial's dot ends none: "Mr. Kafoury, a",
    "John A. Kafoury, a"), nor after a preposition ("Police in Troy, a 38-year-old man"), nor a
    word that can be no name (people.given_name) or a place."""
    before = word_before(text, m.start(1))
    opens = (not before or before[-1] in _CLOSING_QUOTES
             or before[-1] in SENTENCE_ENDS and fold(before).rstrip(".") not in titles() and not _INITIAL.fullmatch(before))
    return (not opens and fold(before) not in _PREPOSITIONS and bool(given_name(m.group(1), language))
            and normalize(m.group(1)) not in place_names())


def stated_ages(text: str, language: str) -> list[tuple[int, int, int]]:
    """(start, fewest, most years) of every age the text gives, of a named person ("Buckley, 32,",
    "32-year-old Buckley") or not ("the 36-year-old", "a man in his early 30s"): what a figure's
    subject is told by where no name says it (owners.subject)."""
    named = [(m.start, int(m.low), int(m.low)) for m in _ages(text, language)]
    unnamed = [(m.start(1), int(m.group(1)), int(m.group(1))) for m in re.finditer(rf"\b{_YEARS_OLD}", text)]
    decades = [(m.start(), int(m.group(2)) + _PART_OF_DECADE[m.group(1) or ""][0], int(m.group(2)) + _PART_OF_DECADE[m.group(1) or ""][1])
               for m in _IN_ONES_DECADE.finditer(fold(text))]
    return sorted({*named, *((at, low, high) for at, low, high in [*unnamed, *decades] if 0 < low <= MAX_AGE)})


_NOUN_AFTER = re.compile(rf"\s+({SMALL}[\w’'-]*)")  # a word in lower case right after a name


def _names_a_person(text: str, m: re.Match, language: str) -> bool:
    """Is the capitalised run after "32-year-old" a person's name? Not a people ("German"), a
    weekday ("the 16-year-old was released Wednesday") or a noun for a person ("der 32-jährige
    Mann"), nor a place or one word before a word in lower case unless that is a verb or a
    function word: "32-year-old Jackson said", "the 23-year-old Smith and his brother", but
    "32-year-old Troy resident", "a 36-year-old Australian man" (more peoples than Babel's
    languages name)."""
    run = normalize(m.group(2))
    if run in nationality_names() or run in weekday_names("und") or run in _described_people(language):
        return False  # German capitalises its nouns: "der 32-jährige Mann" is no name (_described_ages)
    noun = _NOUN_AFTER.match(text, m.end())
    if (" " not in run and noun and fold(noun.group(1)) not in stopwords(language)
            and not _verb_after().match(text, m.end())):
        return False  # one word before a noun describes it: "a 36-year-old Australian man", "British climber"
    return (run not in place_names() and run not in town_names()) or bool(_verb_after().match(text, m.end()))


@lexicon_cache
def _verb_after() -> re.Pattern[str]:
    verbs = [*_AUXILIARIES, *speech_verbs()]
    return re.compile(rf"\s+(?:\w+(?:ed|s)|{'|'.join(map(re.escape, verbs))})\b")
