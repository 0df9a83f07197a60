"""Typed records passed from stage to stage. Imports nothing of ours."""

from __future__ import annotations

import datetime
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
class Line:
    """A non-blank line (or a paragraph of joined lines) of a text, stripped."""

    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    text: str


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
    headline: tuple[int, int] | None = None  # (start, end) of the headline, which stays prose

    @property
    def published(self) -> datetime.date | None:
        """The article's date: what "on Tuesday" or "January 3" in its text is read against."""
        return datetime.date.fromisoformat(self.date) if self.date else None

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
    # The article's headline: it sums the whole article up, so it is read against the corpus-wide
    # fact sets and not aligned (it would be every claim's near neighbour; align.py).
    headline: bool = False


@dataclass(frozen=True)
class CandidatePair:
    """Two claims from different documents that the aligner thinks report the same fact."""

    a: str  # claim id; a's document sorts before b's
    b: str
    similarity: float  # cosine of the embeddings
    anchor_overlap: float  # weighted overlap of names and numbers, 0..1
    score: float  # what alignment ranked by
    mutual: bool  # each is the other's best match in the other document
    # The aligner did not pair the two: they share a claim group through other members, and only
    # the typed signals read them (scores: the aligner's measure within the pair's event; signals/grouped.py).
    grouped: bool = False


@dataclass(frozen=True)
class ClaimGroup:
    id: str  # from the member claim ids: stable across runs
    claims: tuple[str, ...]


@dataclass(frozen=True)
class Alignment:
    pairs: tuple[CandidatePair, ...]
    groups: tuple[ClaimGroup, ...]
    # Documents by event, the main (largest) event first; claims of different events are never paired.
    events: tuple[tuple[str, ...], ...] = ()
    # Claims folded as copies of one another (same or near-identical text), first = the one the
    # pairs name: a pair with it stands for its copies too.
    copies: tuple[tuple[str, ...], ...] = ()


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


# A note's words where a signal does not read a claim's language ("number and counted words not
# checked, language xx"): the report shows such notes with every finding of the pair.
UNCHECKED = "not checked, language"


@dataclass(frozen=True)
class Reason:
    """Why a pair got its verdict. Spans are offsets into each claim's text, when present."""

    kind: str  # "nli", "similarity", or a signal: number, date, entity, title, negation, attribution, framing
    explanation: str  # one line, English
    a_span: tuple[int, int] | None = None
    b_span: tuple[int, int] | None = None
    severity: str | None = None  # signals only: "hard", "framing" or "soft"
    a_value: str | None = None  # what each side says, e.g. "nearly two hours" / "three hours"
    b_value: str | None = None

    def describe(self) -> str:
        """'kind (severity): explanation', as tables and console lines show it."""
        severity = f" ({self.severity})" if self.severity else ""
        return f"{self.kind}{severity}: {self.explanation}"


@dataclass(frozen=True)
class PairVerdict:
    pair: CandidatePair
    verdict: Verdict
    nli: PairNli | None
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Camp:
    """Sources that say the same thing where sources disagree: one side of a discrepancy."""

    kind: str  # the signal kind: "number", "title", "framing", ...
    value: str  # what they say, as written by the first of them
    docs: tuple[str, ...]


@dataclass(frozen=True)
class GroupVerdict:
    group: ClaimGroup
    verdict: Verdict
    docs: tuple[str, ...]  # documents that report this fact
    silent: tuple[str, ...]  # documents that do not
    camps: tuple[Camp, ...] = ()  # who says what, when the sources disagree
    label: str = ""  # short human label: the group's most central claim, shortened (labels.py)


@dataclass(frozen=True)
class Mention:
    doc: str
    claim: str
    start: int  # offsets into the document's text
    end: int
    text: str


@dataclass(frozen=True)
class Characterisation:
    """How the sources describe one subject across the whole corpus: a person's office, or
    the loaded words for an event. Read from every claim, aligned or not."""

    kind: str  # "title", "framing", "figure" (a fact's figures) or "fact" (its other values: signals/event_facts.py)
    subject: str  # "Marco Rubio", "seizure of a person (Maduro, Venezuela)"
    camps: tuple[tuple[str, tuple[Mention, ...]], ...]  # (what is said, where), one per camp
    note: str = ""  # e.g. a false-friend warning

    @property
    def consistent(self) -> bool:
        return len(self.camps) == 1


@dataclass(frozen=True)
class RunSettings:
    preset: str
    embedder: str
    nli: str | None  # None: triage mode, NLI skipped
    thresholds: dict[str, float]
    notes: tuple[str, ...] = ()  # e.g. an automatic fall-back, stated in report and console
    backend: str = "torch"  # as asked for; a model that failed its quality gate ran on torch (notes say)


@dataclass(frozen=True)
class Decision:
    """An editor's latest decision on a finding, from the review app's store."""

    finding: str  # finding id
    status: str  # "confirmed", "dismissed", "follow-up", or "open" once reopened
    reviewer: str
    note: str
    at: str  # ISO time, UTC


@dataclass(frozen=True)
class SeenFinding:
    """A finding as an earlier run showed it: enough to list it once it has disappeared."""

    id: str
    kind: str
    doc_a: str
    text_a: str
    doc_b: str
    text_b: str


@dataclass(frozen=True)
class ReviewState:
    """What the review store knows about a run's findings, carried into every report format."""

    decisions: dict[str, Decision] = field(default_factory=dict)  # latest per finding id
    new: frozenset[str] = frozenset()  # findings the previous run of this report did not have
    resolved: tuple[tuple[SeenFinding, Decision | None], ...] = ()  # earlier findings this run no longer has


@dataclass(frozen=True)
class Report:
    name: str
    generated_at: str
    settings: RunSettings
    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    pairs: tuple[PairVerdict, ...]
    groups: tuple[GroupVerdict, ...]
    characterisations: tuple[Characterisation, ...] = ()
    summary: dict[str, int] = field(default_factory=dict)
    review: ReviewState = field(default_factory=ReviewState)
    timelines: tuple[FigureTimeline, ...] = ()
    # Documents by event, the main event first (align.detect_events); other events are kept out
    # of agreement and silence counts.
    events: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class FigurePoint:
    """One source's value of an evolving figure, with its article's date."""

    doc: str
    claim: str
    date: str | None
    text: str  # as written, e.g. "at least 10 people"
    start: int  # offsets into the document's text
    end: int


@dataclass(frozen=True)
class FigureTimeline:
    """An evolving figure (a death toll, the injured) across sources, in article-date order;
    undated values last. `flagged`: the changes that are not updates (a later or same-day source
    with a lower exact figure, a value with no date to order it)."""

    measure: str
    points: tuple[FigurePoint, ...]
    flagged: tuple[str, ...] = ()
