"""Data files the stages read (lexicons/*.yaml), extendable by users' own YAML files.

An extension has the shape of the file it extends: mappings merge key by key, lists are
appended to, single values replace. Functions that derive tables from a lexicon use
`@lexicon_cache`, so an extension also reaches what they cached.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from checker.errors import InputError
from checker.yamlfile import read_yaml

NAMES = ("agencies", "aliases", "dates", "deaths", "framing", "furniture", "negation", "quantities", "roles", "speech_verbs")
_extensions: dict[str, list[Any]] = {}
_derived: list[Callable] = []
F = TypeVar("F", bound=Callable)


def lexicon_cache(function: F) -> F:
    cached = cache(function)
    _derived.append(cached)
    return cached  # type: ignore[return-value]


@lexicon_cache
def load_lexicon(name: str) -> Any:
    """`checker/lexicons/<name>.yaml` with every extension merged in."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    for extension in _extensions.get(name, []):
        data = _merge(data, extension)
    return data


def every_language(entry: dict[str, list[str]]) -> list[str]:
    """The words of a lexicon entry kept per language, every language's at once, each once."""
    return list(dict.fromkeys(word for words in entry.values() for word in words))


@lexicon_cache
def speech_verbs(language: str | None = None) -> tuple[str, ...]:
    """lexicons/speech_verbs.yaml, as written: one language's verbs, or every language's at once
    (None: articles quote across languages, and the lists do not clash). Here, not in the claims
    stage, so that the signals read them without importing the stages above them."""
    table = load_lexicon("speech_verbs")
    return tuple(every_language(table) if language is None else table.get(language, ()))


@lexicon_cache
def title_words() -> tuple[str, ...]:
    """Words written as a title before a name, as lexicons/roles.yaml writes them: its one-word
    offices ("governor", "senator"), courtesy titles ("mr", "officer", "herr") and the words that
    are a title only with others ("minister", "secretary"). Here, not in the signals, so that the
    claims stage reads them too: a speaker's name is the name without its title."""
    roles = load_lexicon("roles")
    offices = [v for entry in roles.values() if isinstance(entry, dict) and "variants" in entry
               for v in entry["variants"] if " " not in v]
    sexed = [w for words in roles["courtesy_sexes"].values() for w in words]
    return tuple(dict.fromkeys([*offices, *roles["courtesy_titles"], *sexed, *roles["title_words"]]))


def use_extensions(files: dict[str, Path]) -> None:
    """Merge users' lexicon files ({lexicon name: path}) into the built-in ones, replacing any
    extensions an earlier run in this process used: a run's config alone decides its lexicons."""
    _extensions.clear()
    _clear_derived()
    for name, path in sorted(files.items()):
        if name not in NAMES:
            raise InputError(str(path), f"unknown lexicon '{name}'; extendable: {', '.join(NAMES)}")
        extension, _ = read_yaml(Path(path))
        builtin = load_lexicon(name)
        if type(extension) is not type(builtin):
            raise InputError(str(path), f"a '{name}' lexicon is a {type(builtin).__name__}, not a {type(extension).__name__}")
        _extensions.setdefault(name, []).append(extension)
        _clear_derived()


def _clear_derived() -> None:
    for derived in _derived:
        derived.cache_clear()


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra
