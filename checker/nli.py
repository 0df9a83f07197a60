"""NLI stage: (premise, hypothesis) pairs -> entailment / neutral / contradiction probabilities.

The real backend is any transformers sequence-classification model. Label positions come from the
model's own `id2label`, since NLI models disagree on the order; a model without all three labels
is refused rather than guessed at.
"""

from __future__ import annotations

import copy
import os
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np

from checker import hub
from checker.cache import DiskCache, cache_key
from checker.errors import InputError, ModelUnavailable
from checker.progress import Progress, silent
from checker.records import NliScores, PairNli

LABELS = ("entailment", "neutral", "contradiction")


class NliScorer(Protocol):
    name: str

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[NliScores]:
        """One NliScores per (premise, hypothesis), in order."""
        ...


def label_positions(id2label: dict[int, str], model: str) -> dict[str, int]:
    """Map entailment/neutral/contradiction to output positions, whatever the order or case."""
    positions: dict[str, int] = {}
    for index, label in id2label.items():
        name = str(label).strip().lower()
        for wanted in LABELS:
            if len(name) >= 6 and wanted.startswith(name):  # "entailment"/"entail", "contradiction"/"contrad"
                positions[wanted] = int(index)
    missing = [label for label in LABELS if label not in positions]
    if missing:
        labels = ", ".join(str(v) for _, v in sorted(id2label.items()))
        raise InputError(
            f"NLI model '{model}'",
            f"its labels are [{labels}]; an NLI model needs entailment, neutral and contradiction "
            f"(missing: {', '.join(missing)})",
        )
    return positions


class TransformersNli:
    def __init__(self, model: str, batch_size: int = 16, max_length: int = 256):
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        location, local_only = hub.resolve(model, "nli")
        try:
            self._tokenizer = AutoTokenizer.from_pretrained(location, local_files_only=local_only)
            self._model = AutoModelForSequenceClassification.from_pretrained(location, local_files_only=local_only)
        except (OSError, ValueError) as exc:
            raise ModelUnavailable("nli", model, (str(exc).strip().splitlines() or ["load failed"])[0]) from None
        # On a GPU when one is visible, as sentence-transformers places the embedder.
        self._device = "cuda" if torch.cuda.is_available() else "cpu"
        self._model.to(self._device).eval()
        # Every core this process may use (torch's default can be fewer, e.g. in a container), unless
        # OMP_NUM_THREADS decides (the user, or a `checker batch` worker's share, which the ONNX
        # Runtime sessions built next then follow too).
        if "OMP_NUM_THREADS" not in os.environ:
            torch.set_num_threads(max(torch.get_num_threads(), len(os.sched_getaffinity(0))))
        self._positions = label_positions(self._model.config.id2label, model)
        self._torch = torch
        self._batch_size = batch_size
        # Never feed more tokens than the model has positions for, whatever the setting says.
        limits = [max_length, self._tokenizer.model_max_length, getattr(self._model.config, "max_position_embeddings", None)]
        self._max_length = min(n for n in limits if isinstance(n, int) and n > 0)
        self.name = hub.fingerprint(model)

    @property
    def model(self):
        """The transformers model (what the ONNX backends export)."""
        return self._model

    def with_forward(self, forward: Callable[..., Any], name: str) -> TransformersNli:
        """This scorer's tokenisation, truncation and labels around another forward pass, called as
        the model is (`forward(**encoded).logits`): the ONNX backends."""
        other = copy.copy(self)
        other._model, other.name = forward, name
        other._device = "cpu"  # ONNX Runtime sessions run on the CPU and read host memory
        return other

    def tokenize(self, pairs: Sequence[tuple[str, str]]):
        return self._tokenizer(
            [premise for premise, _ in pairs],
            [hypothesis for _, hypothesis in pairs],
            truncation=True,
            max_length=self._max_length,
            padding=True,
            return_tensors="pt",
        )

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[NliScores]:
        results: list[NliScores] = []
        for start in range(0, len(pairs), self._batch_size):
            encoded = self.tokenize(pairs[start:start + self._batch_size]).to(self._device)
            with self._torch.inference_mode():
                logits = self._model(**encoded).logits
            probabilities = self._torch.softmax(logits.float(), dim=-1).cpu().numpy()
            results.extend(NliScores(*(round(float(row[self._positions[label]]), 4) for label in LABELS)) for row in probabilities)
        return results


class CachedNli:
    """Wraps an NliScorer with the on-disk cache; only unseen pairs reach the model, a batch at a
    time, and each batch is stored as soon as it is scored (an interrupted run keeps its work)."""

    def __init__(self, inner: NliScorer, cache: DiskCache | None, batch_size: int = 16, progress: Progress = silent):
        self._inner = inner
        self._cache = cache
        self._batch_size = batch_size
        self._progress = progress
        self.name = inner.name

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[NliScores]:
        keys = [cache_key("nli", self.name, premise, hypothesis) for premise, hypothesis in pairs]
        known = self._cache.get_many(keys) if self._cache else {}
        unseen = {k: p for k, p in zip(keys, pairs) if k not in known}
        # Length-sorted batches waste less padding; the key breaks ties so the order is fixed.
        todo = sorted(unseen.items(), key=lambda item: (len(item[1][0]) + len(item[1][1]), item[0]))
        bar = self._progress(total=len(todo), desc="NLI")
        for start in range(0, len(todo), self._batch_size):
            batch = todo[start:start + self._batch_size]
            scores = self._inner.score([p for _, p in batch])
            stored = {
                k: np.array([s.entailment, s.neutral, s.contradiction], dtype=np.float32).tobytes()
                for (k, _), s in zip(batch, scores)
            }
            if self._cache:
                self._cache.put_many(stored.items())
            known.update(stored)
            bar.update(len(batch))
        bar.close()
        return [NliScores(*(round(float(x), 4) for x in np.frombuffer(known[k], dtype=np.float32))) for k in keys]


def score_both_ways(nli: NliScorer, pairs: Sequence[tuple[str, str]]) -> tuple[list[PairNli], int]:
    """Both directions of every (a, b) text pair, and how many directed pairs reached `nli` (the
    forward passes a cold cache costs). Each distinct directed pair is scored once: a repeated
    pair, and the reverse of a pair whose two texts are identical, reuse the first score.

    Both directions are always scored: the verdict needs the second one unless the first already
    finds a contradiction, and the report shows both directions' scores for every pair."""
    needed = list(dict.fromkeys(direction for a, b in pairs for direction in ((a, b), (b, a))))
    score_of = dict(zip(needed, nli.score(needed)))
    return [PairNli(score_of[(a, b)], score_of[(b, a)]) for a, b in pairs], len(needed)


def full_matrix_pairs(claims_per_doc: Sequence[int]) -> int:
    """Directed pairs in the SummaC-style full matrix: every claim of every document against every
    claim of every other document, both ways. The yardstick `nli_forward_passes` is measured on."""
    total = sum(claims_per_doc)
    return total * total - sum(n * n for n in claims_per_doc)
