"""Framing signal: the loaded words sources choose for one event (lexicons/framing.yaml)."""

from __future__ import annotations

from dataclasses import dataclass

from checker.lexicons import lexicon_cache, load_lexicon
from checker.signals.text import find_phrases


@dataclass(frozen=True)
class FrameMention:
    frame: str
    camp: str
    start: int
    end: int
    text: str


@lexicon_cache
def frames() -> dict[str, dict]:
    return load_lexicon("framing")


def frame_mentions(text: str) -> list[FrameMention]:
    found = []
    for frame, entry in frames().items():
        for hit in find_phrases(text, entry["camps"], prefix=True):
            found.append(FrameMention(frame, hit.key, hit.start, hit.end, hit.text))
    return found
