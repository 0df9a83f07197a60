"""Typed discrepancies on the five seed articles, offline (no NLI), checked by reading them."""

from __future__ import annotations

import pytest
from labelled import discrepancy_pairs

from checker.align import score_matrices
from checker.config import Thresholds, load_config
from checker.embed import CachedEmbedder
from checker.pipeline import run
from checker.signals import compare, read_facts

T = Thresholds()


@pytest.fixture(scope="module")
def report(seed_articles, e5):
    return run(list(seed_articles), load_config("offline"), CachedEmbedder(e5, None), None, name="seed", generated_at="t")


def characterisation(report, kind, subject_part):
    hits = [c for c in report.characterisations if c.kind == kind and subject_part in c.subject]
    assert len(hits) == 1, [c.subject for c in report.characterisations]
    return {value: sorted({m.doc[:3] for m in mentions}) for value, mentions in hits[0].camps}, hits[0]


def test_how_each_source_describes_marco_rubio(report):
    camps, found = characterisation(report, "title", "Rubio")
    assert camps == {
        "foreign minister (US Secretary of State)": ["001", "003"],
        "Staatssekretär (a junior rank below a minister)": ["004"],
    }
    assert "false friend" in found.note and not found.consistent
    texts = {m.text for _, mentions in found.camps for m in mentions}
    assert {"Außenminister Marco Rubio", "U.S. Secretary of State Marco Rubio",
            "Staatssekretär der Vereinigten Staaten, Marco Rubio"} <= texts
    article = {a.id[:3]: a.text for a in report.articles}
    for _, mentions in found.camps:
        for m in mentions:
            assert article[m.doc[:3]][m.start:m.end] == m.text


def test_what_happened_to_maduro(report):
    camps, _ = characterisation(report, "framing", "seizure of a person is characterised (Venezuela)")
    assert camps == {"abduction": ["001", "003"], "raid or capture": ["001", "002"]}
    maduro, found = characterisation(report, "title", "Maduro")
    assert maduro == {"president / head of state": ["003"], "ruler / strongman (legitimacy disputed)": ["001"]}
    assert "loaded title" in found.note


def test_consistent_titles_are_reported_as_consistent(report):
    petro, found = characterisation(report, "title", "Petro")
    assert found.consistent and petro == {"president / head of state": ["000", "002", "003"]}


def test_aligned_pairs_carry_the_discrepancies(report):
    claims = {c.id: c for c in report.claims}
    flagged = {(claims[p.pair.a].doc[:3], claims[p.pair.b].doc[:3], p.verdict.value, r.kind, r.a_value, r.b_value)
               for p in report.pairs for r in p.reasons if r.severity}
    assert ("002", "003", "framing", "framing", "raid", "abduction") in flagged
    # 004 (Rubio on Mexico) is another event: never paired, so its loaded words show only in the
    # corpus-wide section.
    assert not any("004" in (a, b) for a, b, *_ in flagged)
    assert ("000", "001", "partial", "date", "einige Tage zuvor", "in den vergangenen Wochen") in flagged


def test_labelled_pairs_meet_the_measured_levels(seed_claims, seed_vectors, seed_articles):
    """The signal layer on hand-labelled pairs (tests/data/discrepancy_pairs.yaml), offline.
    Measured: 11 of 12 discrepant pairs flagged, 0 of 23 consistent ones (see README)."""
    anchor = {a.id: a.published for a in seed_articles}
    _, _, score = score_matrices(seed_claims, seed_vectors, T)
    index = {c.id: i for i, c in enumerate(seed_claims)}
    labelled = discrepancy_pairs(seed_claims)

    def flagged(a, b):
        reasons = compare(read_facts(a, anchor[a.doc]), read_facts(b, anchor[b.doc]), float(score[index[a.id], index[b.id]]), T)
        return any(r.severity for r in reasons)

    found = sum(flagged(a, b) for a, b, _ in labelled["discrepant"]) / len(labelled["discrepant"])
    false = sum(flagged(a, b) for a, b, _ in labelled["consistent"]) / len(labelled["consistent"])
    assert found >= 0.9 and false <= 0.05, (found, false)
