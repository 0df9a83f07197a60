from __future__ import annotations

from checker.config import Thresholds
from checker.records import CandidatePair, ClaimGroup, NliScores, PairNli, Verdict
from checker.verdict import group_verdict, pair_verdict

PAIR = CandidatePair(a="d1#a", b="d2#b", similarity=0.4, anchor_overlap=0.5, score=0.42, mutual=True)
T = Thresholds()


def nli(e1, c1, e2, c2):
    return PairNli(NliScores(e1, 1 - e1 - c1, c1), NliScores(e2, 1 - e2 - c2, c2))


def test_nli_verdicts():
    assert pair_verdict(PAIR, nli(0.9, 0.05, 0.8, 0.1), [], T).verdict == Verdict.AGREE
    assert pair_verdict(PAIR, nli(0.9, 0.05, 0.2, 0.1), [], T).verdict == Verdict.PARTIAL
    assert pair_verdict(PAIR, nli(0.2, 0.05, 0.7, 0.1), [], T).verdict == Verdict.PARTIAL
    assert pair_verdict(PAIR, nli(0.1, 0.2, 0.1, 0.8), [], T).verdict == Verdict.CONTRADICT
    assert pair_verdict(PAIR, nli(0.1, 0.2, 0.2, 0.3), [], T).verdict == Verdict.UNRELATED
    reason = pair_verdict(PAIR, nli(0.9, 0.05, 0.2, 0.1), [], T).reasons[-1]
    assert reason.kind == "nli" and "a entails b" in reason.explanation and "0.90" in reason.explanation


def test_triage_verdicts_say_no_nli_ran():
    close = pair_verdict(CandidatePair("a", "b", 0.6, 0.0, 0.6, True), None, [], T)
    loose = pair_verdict(CandidatePair("a", "b", 0.3, 0.0, 0.3, True), None, [], T)
    assert (close.verdict, loose.verdict) == (Verdict.AGREE, Verdict.PARTIAL)
    assert close.reasons[0].kind == "similarity" and "triage" in close.reasons[0].explanation


def test_group_takes_the_most_serious_pair_and_names_silent_sources():
    group = ClaimGroup("g", ("d1#a", "d2#b", "d3#c"))
    pairs = [
        pair_verdict(PAIR, nli(0.9, 0.05, 0.8, 0.1), [], T),
        pair_verdict(CandidatePair("d1#a", "d3#c", 0.4, 0, 0.4, True), nli(0.1, 0.9, 0.1, 0.9), [], T),
    ]
    doc_of = {"d1#a": "d1", "d2#b": "d2", "d3#c": "d3"}
    result = group_verdict(group, pairs, doc_of, ["d1", "d2", "d3", "d4"])
    assert result.verdict == Verdict.CONTRADICT
    assert result.docs == ("d1", "d2", "d3") and result.silent == ("d4",)
