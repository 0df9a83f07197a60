"""One loaded object per process: config, models (with their cache) and lexicons, in the spirit
of `spacy.load`. `checker run`, `checker batch` (once per worker) and `check()` load through it,
then run any number of corpora without loading again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checker.config import Config, load_config
from checker.progress import Progress, silent
from checker.records import Article, Report

if TYPE_CHECKING:  # `import checker` stays light (the pytest plugin imports it): models load on `load`
    from checker.loading import LoadedModels


@dataclass(frozen=True)
class Checker:
    config: Config  # as actually used, after any fall-back
    models: LoadedModels
    cache_warning: str | None  # a broken cache that was moved aside and rebuilt

    @property
    def notes(self) -> tuple[str, ...]:
        return self.models.notes

    def run(self, articles: list[Article], *, name: str, generated_at: str, notes: tuple[str, ...] = (),
            progress: Progress = silent) -> Report:
        from checker.pipeline import run

        return run(
            articles, self.config, self.models.embedder, self.models.nli,
            name=name, generated_at=generated_at, notes=self.notes + notes, progress=progress,
        )


def load(
    config: Config | str = "offline",
    *,
    embedder_explicit: bool = True,
    nli_explicit: bool = True,
    allow_fallback: bool = False,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    progress: Progress = silent,
) -> Checker:
    """`config` is a Config or a preset name. Models named explicitly must load; a preset's own
    models fall back (recorded in `notes`) only with `allow_fallback`."""
    from checker.cache import open_cache
    from checker.loading import load_models

    if isinstance(config, str):
        config = load_config(config)
    cache = open_cache(cache_dir, use_cache)
    models = load_models(
        config, embedder_explicit=embedder_explicit, nli_explicit=nli_explicit, allow_fallback=allow_fallback,
        cache=cache, progress=progress,
    )
    return Checker(models.config, models, cache.recovered if cache else None)
