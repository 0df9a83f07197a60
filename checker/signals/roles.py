"""Title / role signal: which office each source attaches to a named person.

"Außenminister Marco Rubio", "U.S. Secretary of State Marco Rubio" and "Der Staatssekretär der
Vereinigten Staaten, Marco Rubio" name one person; the first two give one office, the third a
false friend of it. Offices and their variants live in lexicons/roles.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.lexicons import lexicon_cache, load_lexicon, title_words
from checker.names import CAPITAL, POSSESSIVE, aliases, country_keys
from checker.normalize import normalize
from checker.signals.text import Match, find_phrases, fold

_RUN = re.compile(rf"{CAPITAL}[\w’'\-.]*(?:\s+{CAPITAL}[\w’'\-.]*)*")
_CONNECTORS = {"der", "die", "des", "den", "of", "the", "to", "in", "del", "de", "la", "el", "von", "für", "for"}
_WINDOW = 60  # characters after the title in which its holder's name must start
# "Marco Rubio is the US Secretary of State", "Rubio, der Außenminister", "Petro, presidente de",
# "Lisa Su, senior vice president and general manager"
# "Lisa Su, who recently joined AMD to serve as senior vice president", "Waxman — who heads the
# company's general manager": a relative clause whose verb gives the office, the company's
# possessive before it ("Jason Waxman, Intel's general manager")
_HOLDER_BEFORE = re.compile(
    rf"({_RUN.pattern})(?:\s*[,—–]\s*|\s+(?:is|was|as|ist|war|als|es|fue|como)\s+"
    r"|\s*[,—–]\s*(?:who|der|die|que|qui)\s+(?:[\w’'-]+\s+){0,5}?(?:is|was|as|heads|leads|became|ist|war|als|es|fue|como|est)\s+)"
    r"(?:(?:the|a|an|its|his|her|der|die|ein|eine|el|la|un|una)\s+)?(?:[\w.]+\s*[’']\s*s\s+)?"
    r"(?:(?:[\w-]+\s+){1,4}(?:and|und|y|et)\s+)?$"
)
# Parts of a company a title can be for: "general manager for AMD's products division",
# "General Manager, Global Business Units". The unit is the words before the noun.
_UNIT_NOUNS = ("division", "divisions", "group", "unit", "units", "business", "department", "segment", "operations")
_UNIT = re.compile(
    r"(?:\s*,\s*|\s+(?:for|of)\s+)(?:the\s+|its\s+)?(?:[\w.]+\s*[’']\s*s\s+)?((?:[\w-]+\s+){0,4}?(?:"
    + "|".join(_UNIT_NOUNS) + r"))\b", re.IGNORECASE)
# "general manager for cloud computing,": a field of the company in lower-case words, closed by
# the end of the phrase (a capitalised word there is the company or the holder)
_FIELD = re.compile(r"\s+for\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\s*(?:[,;.)—–]|$)")


@dataclass(frozen=True)
class RoleMention:
    person: str  # surname, folded: the key sources are matched on
    name: str  # as written
    office: str  # id in roles.yaml
    start: int  # span of title and name in the claim
    end: int
    text: str
    unit: frozenset[str] = frozenset()  # the part of a company the office is for: {"products"}


@lexicon_cache
def offices() -> dict[str, dict]:
    return {office: entry for office, entry in load_lexicon("roles").items() if office not in ("courtesy_titles", "courtesy_sexes", "title_words")}


@lexicon_cache
def sexed_titles() -> dict[str, str]:
    """A folded courtesy title of a man or a woman -> "mr" or "ms" ("mrs" -> "ms", "herr" -> "mr")."""
    return {fold(w): sex for sex, words in load_lexicon("roles")["courtesy_sexes"].items() for w in words}


@lexicon_cache
def titles() -> frozenset[str]:
    """lexicons.title_words, folded."""
    return frozenset(map(fold, title_words()))


@lexicon_cache
def _places() -> frozenset[str]:
    words, phrases = aliases()
    return frozenset(words) | frozenset(p for p, _ in phrases)


def role_mentions(text: str) -> list[RoleMention]:
    variants = {office: entry["variants"] for office, entry in offices().items()}
    found = []
    titles = find_phrases(text, variants)
    for title, after in zip(titles, _holders_after(text, titles)):
        before = None if after else _HOLDER_BEFORE.search(text[:title.start])
        unit = _unit(text, title.end)
        if after:
            name, end = after
            found.append(RoleMention(fold(name.split()[-1]), name, title.key, title.start, end, text[title.start:end], unit))
        elif before and not _acronym(before.group(1).split()):
            name = " ".join(before.group(1).split()[-2:])
            found.append(RoleMention(
                fold(name.split()[-1]), name, title.key, before.start(1), title.end, text[before.start(1):title.end], unit
            ))
    return found


_JOINED = re.compile(r"\s+(?:and|und|y|et)\s+(?:[\w’'.-]+\s+){0,3}$")


def _holders_after(text: str, titles: list[Match]) -> list[tuple[str, int] | None]:
    """The name after each title. 'SeaMicro CEO and new AMD general manager Andrew Feldman': two
    offices joined before one name are both the name's; walked from the last title back, so a
    run of joined titles is read once, however long."""
    holders: list[tuple[str, int] | None] = [None] * len(titles)
    for n in reversed(range(len(titles))):
        joined = n + 1 < len(titles) and _JOINED.match(text[titles[n].end:titles[n + 1].start])
        holders[n] = _holder_after(text, titles[n].end) or (holders[n + 1] if joined else None)
    return holders


def _unit(text: str, end: int) -> frozenset[str]:
    unit = _UNIT.match(text, end) or _FIELD.match(text, end)
    if not unit:
        return frozenset()
    return frozenset(fold(w) for w in unit.group(1).split() if fold(w) not in _UNIT_NOUNS)


def _holder_after(text: str, start: int) -> tuple[str, int] | None:
    """The name right after a title, past connectors and place names ("of the United States,")."""
    window = text[start:start + _WINDOW]
    cursor = 0
    while cursor < len(window):
        gap = re.match(r"[\s,]*", window[cursor:]).end()
        cursor += gap
        word = re.match(r"[\w’'\-.]+", window[cursor:])
        if not word:
            return None
        token = word.group()
        if fold(token) in _CONNECTORS:
            cursor += word.end()
            continue
        run = _RUN.match(window[cursor:])
        if not run:
            return None
        tokens = run.group().rstrip(".").split()
        # "general manager of Intel's group", "General Manager, Global Business Units": a company
        # or its unit, not the holder
        if POSSESSIVE.match(window, cursor + run.end()) or fold(tokens[-1]).endswith(("'s", "’s")) or (
                fold(tokens[-1]) in _UNIT_NOUNS):
            return None
        while tokens and _is_place(tokens):
            tokens = _drop_place(tokens)
        if tokens and not _acronym(tokens):
            name = " ".join(tokens[-2:])
            end = start + cursor + run.group().rstrip(".").rfind(tokens[-1]) + len(tokens[-1])
            return name, end
        cursor += run.end()
    return None


def _acronym(tokens: list[str]) -> bool:
    """A run of one word in capitals names a body ("CEO, AMD", "the U.N."), no person."""
    return len(tokens) == 1 and sum(c.isupper() for c in tokens[0]) > 1 and not any(c.islower() for c in tokens[0])


def _is_place(tokens: list[str]) -> bool:
    return any(_place(tokens[:n]) for n in range(1, min(3, len(tokens)) + 1))


def _place(tokens: list[str]) -> bool:
    """Our aliases' places and GeoNames' countries ("president of South Sudan"); not its cities,
    which are surnames too often ("President Lincoln")."""
    return fold(" ".join(tokens)) in _places() or normalize(" ".join(tokens)) in country_keys()


def _drop_place(tokens: list[str]) -> list[str]:
    longest = max(n for n in range(1, min(3, len(tokens)) + 1) if _place(tokens[:n]))
    return tokens[longest:]


def differ(a: RoleMention, b: RoleMention) -> str | None:
    """None when the offices match; else 'framing' or 'hard', by the lexicon's `loaded` flag.
    One office for two parts of a company is 'hard' too when the parts share no word ("cloud
    computing", "server business"); 'soft' (worth a look) when they share words but neither holds
    all of the other's: one part named two ways ("Radeon Technologies", "Radeon graphics") or two
    parts. One part named more fully ("Global Business Units", "the new Global Business Units")
    is one part."""
    if a.office == b.office:
        if not (a.unit and b.unit) or a.unit <= b.unit or b.unit <= a.unit:
            return None
        return "soft" if a.unit & b.unit else "hard"
    table = offices()
    loaded = table[a.office].get("loaded") or table[b.office].get("loaded")
    return "framing" if loaded else "hard"


def explain(a: RoleMention, b: RoleMention) -> str:
    table = offices()
    note = ""
    for x, y in ((a, b), (b, a)):
        if y.office in table[x.office].get("false_friends", []):
            note = f"; '{x.text.split(x.name)[0].strip(' ,')}' is {table[x.office]['label']}, a false friend of {table[y.office]['label']}"
    if a.office == b.office:
        return (f"{a.name}: {table[a.office]['label']} for {' '.join(sorted(a.unit))} in one source, "
                f"for {' '.join(sorted(b.unit))} in the other")
    return (
        f"{a.name}: one source says {table[a.office]['label']} ('{a.text}'), the other "
        f"{table[b.office]['label']} ('{b.text}'){note}"
    )
