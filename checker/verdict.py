"""Verdict stage: aligned pairs + NLI scores -> pair verdicts -> group verdicts."""

from __future__ import annotations

from checker.config import Thresholds
from checker.model import CandidatePair, ClaimGroup, GroupVerdict, PairNli, PairVerdict, Reason, Verdict

# When the pairs of one group disagree, the group shows the most serious finding.
SEVERITY = (Verdict.CONTRADICT, Verdict.FRAMING, Verdict.PARTIAL, Verdict.AGREE, Verdict.UNRELATED)


def pair_verdict(pair: CandidatePair, nli: PairNli | None, thresholds: Thresholds) -> PairVerdict:
    if nli is None:
        agree = pair.score >= thresholds.triage_agree
        reason = Reason(
            "similarity",
            f"no NLI (triage mode): alignment score {pair.score:.2f} "
            f"{'>=' if agree else '<'} {thresholds.triage_agree:g}, "
            f"{'a close paraphrase' if agree else 'related but not a close paraphrase'}",
        )
        return PairVerdict(pair, Verdict.AGREE if agree else Verdict.PARTIAL, None, (reason,))
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
    return PairVerdict(pair, verdict, nli, (Reason("nli", f"{why} ({detail})"),))


def group_verdict(group: ClaimGroup, pairs: list[PairVerdict], doc_of: dict[str, str], all_docs: list[str]) -> GroupVerdict:
    members = set(group.claims)
    found = {p.verdict for p in pairs if p.pair.a in members and p.pair.b in members}
    verdict = next((v for v in SEVERITY if v in found), Verdict.UNRELATED)
    docs = sorted({doc_of[c] for c in group.claims})
    return GroupVerdict(group, verdict, tuple(docs), tuple(d for d in all_docs if d not in docs))
