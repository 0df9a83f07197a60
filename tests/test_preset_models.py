"""The presets' real architectures and tokenizer types (tiny, built offline), loaded through the
users' code path: CI fails where a user's first run with the Hub would (a missing tokenizer
dependency, a token-type quirk, a label order). Says nothing about model quality."""

from __future__ import annotations

from dataclasses import replace

import pytest
from tiny_models import PRESET_ARCHITECTURES, build_preset_embedder, build_preset_nli

from checker.config import load_config
from checker.loading import load_models
from checker.pipeline import run


@pytest.mark.parametrize("preset", sorted(PRESET_ARCHITECTURES))
def test_preset_architectures_load_and_run_through_the_users_path(preset, tmp_path, seed_claims, seed_articles):
    embedder_architecture, nli_architecture = PRESET_ARCHITECTURES[preset]
    corpus = [c.text for c in seed_claims]
    labels = ["ENTAILMENT", "Neutral", "contradiction"] if preset == "default" else ["contradiction", "entailment", "neutral"]
    nli = build_preset_nli(tmp_path / "nli", nli_architecture, labels, labels[0], corpus)
    embedder = build_preset_embedder(tmp_path / "embedder", embedder_architecture, corpus)
    assert not (tmp_path / "nli" / "tokenizer.json").exists()  # converted from SentencePiece on load, as on the Hub
    config = replace(load_config(preset, embedder=str(embedder), nli=str(nli)), batch_size=4)
    models = load_models(config, embedder_explicit=True, nli_explicit=True, allow_fallback=False, cache=None)
    report = run(list(seed_articles[:2]), models.config, models.embedder, models.nli, name="tiny", generated_at="x")
    assert report.pairs and report.settings.nli == models.nli.name
    scored = [p for p in report.pairs if not p.pair.grouped]  # pairs only grouped get typed signals, no NLI
    distinct = {direction for p in scored for direction in ((p.pair.a, p.pair.b), (p.pair.b, p.pair.a))}
    assert 0 < report.summary["nli_forward_passes"] <= len(distinct) < report.summary["nli_full_matrix_pairs"]
    winner = labels[0].lower()[:6]
    for pair in scored:
        scores = vars(pair.nli.a_to_b)
        assert max(scores, key=scores.get).startswith(winner), scores
