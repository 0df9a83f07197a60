"""Typed records passed from stage to stage. Imports nothing of ours."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Verdict(str, Enum):
    AGREE = "agree"
    PARTIAL = "partial"  # one-way entailment: one source says more
    CONTRADICT = "contradict"
    FRAMING = "framing"
    UNRELATED = "unrelated"


@dataclass(frozen=True)
class RemovedSpan:
    """A stretch of the original text that is not article prose (furniture, markup, metadata)."""

    start: int
    end: int
    reason: str  # e.g. "date-line", "breadcrumb", "html-tag", "heading"


@dataclass(frozen=True)
class Article:
    id: str  # file stem (plus record index for multi-record files)
    path: str  # file the text came from, as given
    text: str  # the original text; every offset in the pipeline points into it
    language: str  # ISO 639-1, detected unless sources.yaml / record says otherwise
    source: str | None = None
    url: str | None = None
    date: str | None = None  # ISO date, from metadata or the leading " date YYYY-MM-DD" line
    title: str | None = None
    removed: tuple[RemovedSpan, ...] = ()

    def masked_text(self) -> str:
        """The text with removed spans blanked out; same length, so offsets stay valid."""
        chars = list(self.text)
        for span in self.removed:
            for i in range(span.start, span.end):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)


@dataclass(frozen=True)
class Claim:
    id: str  # "<doc>#<hash of normalized text>": stable across runs
    doc: str
    text: str  # == article.text[start:end]
    start: int
    end: int
    language: str
    quote: bool = False
    speaker: str | None = None


@dataclass(frozen=True)
class CandidatePair:
    """Two claims from different documents that the aligner thinks report the same fact."""

    a: str  # claim id; a's document sorts before b's
    b: str
    similarity: float  # cosine of the embeddings
    anchor_overlap: float  # weighted overlap of names and numbers, 0..1
    score: float  # what alignment ranked by
    mutual: bool  # each is the other's best match in the other document


@dataclass(frozen=True)
class ClaimGroup:
    id: str  # from the member claim ids: stable across runs
    claims: tuple[str, ...]


@dataclass(frozen=True)
class Alignment:
    pairs: tuple[CandidatePair, ...]
    groups: tuple[ClaimGroup, ...]


@dataclass(frozen=True)
class NliScores:
    """Class probabilities for premise -> hypothesis."""

    entailment: float
    neutral: float
    contradiction: float


@dataclass(frozen=True)
class PairNli:
    a_to_b: NliScores  # a as premise, b as hypothesis
    b_to_a: NliScores


@dataclass(frozen=True)
class Reason:
    """Why a pair got its verdict. Offsets are relative to each claim's text, when present."""

    kind: str  # "nli", "similarity", later: "number", "date", "entity", ...
    explanation: str
    a_span: tuple[int, int] | None = None
    b_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class PairVerdict:
    pair: CandidatePair
    verdict: Verdict
    nli: PairNli | None
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class GroupVerdict:
    group: ClaimGroup
    verdict: Verdict
    docs: tuple[str, ...]  # documents that report this fact
    silent: tuple[str, ...]  # documents that do not


@dataclass(frozen=True)
class RunSettings:
    preset: str
    embedder: str
    nli: str | None  # None: triage mode, NLI skipped
    thresholds: dict[str, float]
    notes: tuple[str, ...] = ()  # e.g. an automatic fall-back, stated in report and console


@dataclass(frozen=True)
class Report:
    name: str
    generated_at: str
    settings: RunSettings
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    pairs: tuple[PairVerdict, ...]
    groups: tuple[GroupVerdict, ...]
    summary: dict[str, int] = field(default_factory=dict)
