"""checker verify's lexical evidence (checker/lexical.py) and its evidence model."""

from __future__ import annotations

import numpy as np
import pytest

from checker.assertions import FEATURES, EvidenceModel, fitted_evidence_model
from checker.lexical import IdfIndex, TermCoverage, terms


def test_terms_are_stems_and_numbers_in_the_text_language():
    assert terms("Three people died when the bank was set on fire.", "en") >= {"3", "peopl", "die", "bank", "fire"}
    assert terms("Drei Menschen starben in der Bank.", "de") >= {"3", "mensch", "starb", "bank"}
    # grouped thousands are one number whichever mark groups them; a decimal keeps its mark
    assert {"20000", "5.9"} <= terms("About 20,000 marched after the 5.9 quake.", "en")
    assert "20000" in terms("Etwa 20.000 Menschen", "de")
    # hyphenated words are their parts; a language without a stemmer keeps whole words
    assert {"fire", "bomb"} <= terms("A fire-bomb attack", "en")
    assert "hewa" in terms("hewa hewa", "sw")


def test_coverage_is_the_share_of_the_claims_rare_wording():
    sentences = [
        "Police said a pregnant woman was among the dead.",
        "Police said the protest was large.",
        "Police said the march went through the city.",
        "The dead were bank workers.",
    ]
    coverage = TermCoverage([terms(s, "en") for s in sentences]).coverage([
        terms("One of the women who died was pregnant.", "en"),
        terms("Police said.", "en"),
        terms("Unheard-of wording entirely.", "en"),
    ])
    assert coverage.shape == (3, 4)
    assert int(np.argmax(coverage[0])) == 0  # "pregnant" is what no other sentence has
    assert coverage[1, 1] == pytest.approx(1.0) and coverage[1, 3] == 0.0
    assert not coverage[2].any()  # words no sentence has: nothing covered, no division by zero
    assert ((coverage >= 0) & (coverage <= 1 + 1e-6)).all()


def test_a_sentence_in_another_language_is_judged_without_the_wording():
    wording = FEATURES.index("coverage")
    weights = np.zeros(len(FEATURES))
    weights[wording] = 10.0
    model = EvidenceModel(weights, 0.0, np.ones(len(FEATURES) - 1), -5.0)
    features = np.zeros((1, 2, len(FEATURES)))
    features[0, :, wording] = 1.0
    support = model.support(features, np.array([True, False]))
    assert support[0, 0] > 0.99 and support[0, 1] < 0.01


def test_the_fitted_model_weighs_every_feature_as_evidence_for_the_claim():
    """Each feature says the sentence is closer to the claim, so none may count against it."""
    model = fitted_evidence_model()
    assert len(model.weights) == len(FEATURES) and (model.weights > 0).all()
    assert len(model.across_weights) == len(FEATURES) - 1 and (model.across_weights > 0).all()


def test_idf_index_weighs_rare_terms_and_unseen_ones_most():
    index = IdfIndex([frozenset({"a", "b"}), frozenset({"a"}), frozenset({"a", "c"}), frozenset({"a"})], unseen_rows=0.5)
    idf = dict(zip(index.vocabulary, index.idf))
    assert idf["a"] == pytest.approx(np.log(2)) and idf["b"] == pytest.approx(np.log(5))
    assert index.unseen_idf == pytest.approx(np.log(9)) and index.unseen_idf > max(index.idf)
    corpus, _ = index.rows([frozenset({"a", "b"}), frozenset({"c"})])
    queries, own = index.rows([frozenset({"b", "zzz"})])
    assert own[0] == pytest.approx(np.log(5) + np.log(9))  # the unseen word counts in the query's weight
    assert index.shared_weight(queries, corpus) == pytest.approx(np.array([[np.log(5), 0.0]]))
