"""checker: cross-source, cross-lingual fact-consistency checking of news articles."""

from __future__ import annotations

from pathlib import Path

from checker.config import Config, load_config
from checker.loaded import Checker, load
from checker.records import Report

__all__ = ["Checker", "Config", "Report", "check", "load", "load_config"]


def check(corpus: Path | str, config: Config | None = None, *, name: str = "report") -> Report:
    """Run the whole pipeline on a folder of articles with the configured models (no cache)."""
    from datetime import UTC, datetime

    from checker.corpus import read_corpus

    config = config or load_config("offline")
    loaded = load(config, use_cache=False)
    return loaded.run(
        read_corpus(Path(corpus), config.max_file_bytes),
        name=name, generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
