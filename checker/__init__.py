"""checker: cross-source, cross-lingual fact-consistency checking of news articles."""

from __future__ import annotations

from pathlib import Path

from checker.config import Config, load_config
from checker.model import Report

__all__ = ["check", "Config", "Report", "load_config"]


def check(corpus: Path | str, config: Config | None = None, *, name: str = "report") -> Report:
    """Run the whole pipeline on a folder of articles with the configured models (no cache)."""
    from datetime import datetime, timezone

    from checker.corpus import read_corpus
    from checker.models import load_models
    from checker.pipeline import run

    config = config or load_config("offline")
    models = load_models(config, embedder_explicit=True, nli_explicit=True, allow_fallback=False, cache=None)
    return run(
        read_corpus(Path(corpus), config.max_file_bytes), models.config, models.embedder, models.nli,
        name=name, generated_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
    )
