from __future__ import annotations

import os

import pytest
from tiny_models import build_nli_model

from checker.cache import DiskCache
from checker.errors import InputError
from checker.nli import (
    CachedNli,
    TransformersNli,
    full_matrix_pairs,
    label_positions,
    score_both_ways,
)
from checker.records import NliScores

ORDERS = {
    "mnli-style": ["entailment", "neutral", "contradiction"],
    "xnli-reversed": ["CONTRADICTION", "Neutral", "ENTAILMENT"],
    "shuffled-short": ["neutral", "contradiction", "entailment"],
}


@pytest.fixture(scope="module")
def corpus_text(seed_claims):
    return [c.text for c in seed_claims]


@pytest.mark.parametrize("order", sorted(ORDERS))
@pytest.mark.parametrize("winner", ["entailment", "contradiction"])
def test_label_order_comes_from_the_model_config(tmp_path, corpus_text, order, winner):
    labels = ORDERS[order]
    winning = next(label for label in labels if label.lower() == winner)
    folder = build_nli_model(tmp_path / order, labels, winning, corpus_text)
    scorer = TransformersNli(str(folder), batch_size=2)
    scores = scorer.score([("Petro met Trump.", "Trump met Petro."), ("Der Präsident reiste.", "The meeting lasted two hours.")])
    for s in scores:
        assert getattr(s, winner) > 0.99
        assert abs(s.entailment + s.neutral + s.contradiction - 1) < 1e-3


def test_results_keep_input_order_across_length_sorted_batches(tmp_path, corpus_text):
    folder = build_nli_model(tmp_path / "random", ORDERS["mnli-style"], None, corpus_text)
    scorer = TransformersNli(str(folder), batch_size=3)
    pairs = [(corpus_text[i], corpus_text[-1 - i]) for i in range(10)]
    together = scorer.score(pairs)
    one_by_one = [scorer.score([p])[0] for p in pairs]
    for a, b in zip(together, one_by_one):
        assert a.entailment == pytest.approx(b.entailment, abs=1e-3)


def test_a_model_without_nli_labels_is_refused(tmp_path, corpus_text):
    folder = build_nli_model(tmp_path / "sentiment", ["negative", "positive"], None, corpus_text)
    with pytest.raises(InputError, match=r"labels are \[negative, positive\].*missing: entailment, neutral, contradiction"):
        TransformersNli(str(folder))


def test_label_positions_accept_case_and_short_forms():
    assert label_positions({0: "CONTRADICTION", 1: "neutral", 2: "Entailment"}, "m") == {
        "contradiction": 0, "neutral": 1, "entailment": 2,
    }
    assert label_positions({0: "entail", 1: "neutral", 2: "contrad"}, "m")["contradiction"] == 2


class Counting:
    def __init__(self, inner):
        self.inner, self.name, self.calls = inner, inner.name, []

    def score(self, pairs):
        self.calls.append(list(pairs))
        return self.inner.score(pairs)


def test_nli_cache(tmp_path, corpus_text):
    folder = build_nli_model(tmp_path / "m", ORDERS["mnli-style"], None, corpus_text)
    counting = Counting(TransformersNli(str(folder)))
    pairs = [("a b c", "d e f"), ("d e f", "a b c")]
    first = CachedNli(counting, DiskCache(tmp_path / "c.sqlite")).score(pairs)
    second = CachedNli(counting, DiskCache(tmp_path / "c.sqlite")).score(pairs)
    assert len(counting.calls) == 1 and first == second


class LengthNli:
    """Scores that tell the direction apart (premise longer -> more entailment), counting calls."""

    name = "length"

    def __init__(self):
        self.pairs: list[tuple[str, str]] = []

    def score(self, pairs):
        self.pairs.extend(pairs)
        return [NliScores(round(len(p) / (len(p) + len(h)), 4), 0.0, round(len(h) / (len(p) + len(h)), 4)) for p, h in pairs]


def test_both_ways_scores_each_distinct_direction_once():
    nli = LengthNli()
    pairs = [("short", "much longer text"), ("same text", "same text"), ("short", "much longer text"), ("x", "yy")]
    both_ways, passes = score_both_ways(nli, pairs)
    assert passes == len(nli.pairs) == 5  # two ways each for 2 distinct pairs, once for the identical texts
    assert sorted(nli.pairs) == sorted(set(nli.pairs))
    assert both_ways[0] == both_ways[2]
    assert both_ways[0].a_to_b == nli.score([("short", "much longer text")])[0]
    assert both_ways[0].b_to_a == nli.score([("much longer text", "short")])[0]
    assert both_ways[1].a_to_b == both_ways[1].b_to_a


def test_full_matrix_counts_every_claim_against_every_other_documents_claims_both_ways():
    assert full_matrix_pairs([2, 3]) == 2 * (2 * 3)
    assert full_matrix_pairs([2, 3, 1]) == 2 * (2 * 3 + 2 * 1 + 3 * 1)
    assert full_matrix_pairs([4]) == 0


def test_loading_uses_every_core_unless_omp_num_threads_decides(tmp_path, corpus_text, monkeypatch):
    import torch

    folder = build_nli_model(tmp_path / "random", ORDERS["mnli-style"], None, corpus_text)
    before = torch.get_num_threads()
    try:
        torch.set_num_threads(1)
        monkeypatch.setenv("OMP_NUM_THREADS", "1")
        TransformersNli(str(folder))
        assert torch.get_num_threads() == 1
        monkeypatch.delenv("OMP_NUM_THREADS")
        TransformersNli(str(folder))
        assert torch.get_num_threads() == max(1, len(os.sched_getaffinity(0)))
    finally:
        torch.set_num_threads(before)
