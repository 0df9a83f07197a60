"""Verdict stage: aligned pairs + NLI scores + typed signals -> pair verdicts -> group verdicts."""

from __future__ import annotations

from collections.abc import Sequence

from checker.config import Thresholds
from checker.records import (
    Camp,
    CandidatePair,
    ClaimGroup,
    GroupVerdict,
    PairNli,
    PairVerdict,
    Reason,
    Verdict,
)
from checker.signals import FRAMING, HARD
from checker.signals.text import fold

# When the pairs of one group disagree, the group shows the most serious finding.
SEVERITY = (Verdict.CONTRADICT, Verdict.FRAMING, Verdict.PARTIAL, Verdict.AGREE, Verdict.UNRELATED)


def pair_verdict(
    pair: CandidatePair, nli: PairNli | None, signals: Sequence[Reason], thresholds: Thresholds
) -> PairVerdict:
    """Signals decide where they are sure (a hard mismatch, loaded words); NLI or, without it,
    similarity decides the rest. Signal reasons come first: they say what differs and where."""
    hard = [r for r in signals if r.severity == HARD]
    framing = [r for r in signals if r.severity == FRAMING]
    base, base_reason = _nli_verdict(nli, thresholds) if nli else _triage_verdict(pair, thresholds)
    if nli is None:
        verdict = Verdict.CONTRADICT if hard else Verdict.FRAMING if framing else base
    elif hard and base in (Verdict.AGREE, Verdict.PARTIAL, Verdict.CONTRADICT):
        verdict = Verdict.CONTRADICT  # NLI sees one fact; the mismatch says it is told differently
    elif framing and base != Verdict.UNRELATED:
        verdict = Verdict.FRAMING  # loaded words are reported, never counted as contradiction
    else:
        verdict = base
    return PairVerdict(pair, verdict, nli, (*signals, base_reason))


def _nli_verdict(nli: PairNli, thresholds: Thresholds) -> tuple[Verdict, Reason]:
    forward, backward = nli.a_to_b, nli.b_to_a
    detail = (
        f"a->b entailment {forward.entailment:.2f}, contradiction {forward.contradiction:.2f}; "
        f"b->a entailment {backward.entailment:.2f}, contradiction {backward.contradiction:.2f}"
    )
    if max(forward.contradiction, backward.contradiction) >= thresholds.contradict:
        verdict, why = Verdict.CONTRADICT, "NLI finds a contradiction"
    elif forward.entailment >= thresholds.entail and backward.entailment >= thresholds.entail:
        verdict, why = Verdict.AGREE, "each entails the other"
    elif forward.entailment >= thresholds.entail:
        verdict, why = Verdict.PARTIAL, "a entails b; b says less"
    elif backward.entailment >= thresholds.entail:
        verdict, why = Verdict.PARTIAL, "b entails a; a says less"
    else:
        verdict, why = Verdict.UNRELATED, "neither entails nor contradicts the other"
    return verdict, Reason("nli", f"{why} ({detail})")


def _triage_verdict(pair: CandidatePair, thresholds: Thresholds) -> tuple[Verdict, Reason]:
    if pair.grouped:
        return Verdict.PARTIAL, Reason(
            "similarity", f"only grouped: in one claim group, but not paired by the aligner (its measure gives "
            f"{pair.score:.2f}) and not scored by NLI; related, not known to be a close paraphrase",
        )
    agree = pair.score >= thresholds.triage_agree
    reason = Reason(
        "similarity",
        f"no NLI (triage mode): alignment score {pair.score:.2f} "
        f"{'>=' if agree else '<'} {thresholds.triage_agree:g}, "
        f"{'a close paraphrase' if agree else 'related but not a close paraphrase'}",
    )
    return (Verdict.AGREE if agree else Verdict.PARTIAL), reason


def group_verdict(group: ClaimGroup, pairs: list[PairVerdict], doc_of: dict[str, str], all_docs: list[str]) -> GroupVerdict:
    members = set(group.claims)
    inside = [p for p in pairs if p.pair.a in members and p.pair.b in members]
    found = {p.verdict for p in inside}
    verdict = next((v for v in SEVERITY if v in found), Verdict.UNRELATED)
    docs = sorted({doc_of[c] for c in group.claims})
    return GroupVerdict(group, verdict, tuple(docs), tuple(d for d in all_docs if d not in docs), _camps(inside, doc_of))


def _camps(pairs: list[PairVerdict], doc_of: dict[str, str]) -> tuple[Camp, ...]:
    """Which sources say what, for each kind of discrepancy in the group, instead of every pair."""
    sides: dict[tuple[str, str], tuple[str, set[str]]] = {}
    for p in pairs:
        for r in p.reasons:
            if r.severity not in (HARD, FRAMING) or r.a_value is None or r.b_value is None:
                continue
            for value, claim in ((r.a_value, p.pair.a), (r.b_value, p.pair.b)):
                sides.setdefault((r.kind, fold(value)), (value, set()))[1].add(doc_of[claim])
    return tuple(
        Camp(kind, written, tuple(sorted(docs)))
        for (kind, _), (written, docs) in sorted(sides.items(), key=lambda item: (item[0][0], sorted(item[1][1]), item[0][1]))
    )
