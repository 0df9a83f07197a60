"""`checker batch --engine ray`: the stages of `pipeline.run` as Ray Data operators, one event per
row. Reading and claims, alignment, and facts + verdicts + writing are CPU tasks; embedding and NLI
are actor pools whose actors each hold one `checker.load(...)` object, so models load once per
actor, and ask for a GPU share only where the model would run on one. Reports are the ones
`pipeline.run` gives: each event passes through the same stage functions, one call per event.

Runs on the cluster at RAY_ADDRESS when it is set (every node then needs this package installed and
the events, --out and cache folders at the same paths), else on an already started Ray, else on a
local instance sized to --workers, shut down afterwards."""

from __future__ import annotations

import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from checker.batch import (
    EventResult,
    LoadSettings,
    load_for_worker,
    publish,
    read_articles,
)
from checker.config import OFFLINE_EMBEDDER, Config
from checker.errors import CheckerError, InputError
from checker.loaded import Checker
from checker.loading import use_lexicons
from checker.pipeline import (
    ScoredPairs,
    align_claims,
    assemble,
    pairs_to_score,
    read_claims,
    run_settings,
    score_pairs,
)
from checker.records import Alignment, Article, Claim, RunSettings
from checker.report import report_name_for

# Room for a local instance's object store: reports travel as Python objects of a few MB each.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024**2


@dataclass(frozen=True)
class EventWork:
    """One event's row, filled in stage by stage; once `error` is set the later stages pass it on."""

    event_dir: Path
    out_dir: Path  # the batch's --out; the event's report set goes to out_dir / event_dir.name
    error: str | None = None
    name: str = ""
    articles: tuple[Article, ...] = ()
    notes: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    vectors: np.ndarray | None = None
    config: Config | None = None  # as the models' loader left it, after any fall-back
    settings: RunSettings | None = None
    alignment: Alignment | None = None
    scored: ScoredPairs | None = None  # None: no NLI stage ran (triage mode)
    result: EventResult | None = None

    @property
    def target(self) -> Path:
        return self.out_dir / self.event_dir.name


def _each(batch: dict, step: Callable[[EventWork], EventWork]) -> dict:
    """Apply one stage to every event of a Ray batch; an event's unusable input becomes its error."""
    done = []
    for work in batch["work"]:
        if work.error is None:
            try:
                work = step(work)
            except CheckerError as exc:
                work = replace(work, error=str(exc))
        done.append(work)
    return {"work": done}


# The lexicon extensions this worker process last applied: applying them again would drop the tables
# derived from the lexicons so far, for every event.
_lexicons_in_use: list[tuple[tuple[str, str], ...]] = []


def _use_lexicons(config: Config) -> None:
    if _lexicons_in_use != [config.lexicons]:
        use_lexicons(config)
        _lexicons_in_use[:] = [config.lexicons]


def read_stage(batch: dict, config: Config) -> dict:
    def step(work: EventWork) -> EventWork:
        _use_lexicons(config)
        name = report_name_for(work.event_dir, work.target, None)
        articles, notes = read_articles(work.event_dir, config.max_file_bytes)
        return replace(work, name=name, articles=tuple(articles), notes=notes, claims=tuple(read_claims(articles, config)))

    return _each(batch, step)


def align_stage(batch: dict) -> dict:
    def step(work: EventWork) -> EventWork:
        return replace(work, alignment=align_claims(list(work.claims), work.vectors, work.config))

    return _each(batch, step)


def report_stage(batch: dict, generated_at: str) -> dict:
    def step(work: EventWork) -> EventWork:
        _use_lexicons(work.config)
        report = assemble(
            list(work.articles), list(work.claims), work.vectors, work.alignment, work.scored or ScoredPairs(None, 0),
            work.config, work.settings,
            name=work.name, generated_at=generated_at,
        )
        report, written = publish(report, work.target)
        files = tuple(p.relative_to(work.out_dir).as_posix() for p in written)
        # The rest is no longer needed: only the result travels back to the driver.
        return EventWork(work.event_dir, work.out_dir, result=EventResult(work.event_dir.name, dict(report.summary), files))

    return _each(batch, step)


class _ModelStage(ABC):
    """An actor's loaded checker, or why it did not load (each event then reports it, as the
    local engine's workers do)."""

    def __init__(self, settings: LoadSettings):
        self.loaded = load_for_worker(settings)

    def __call__(self, batch: dict) -> dict:
        return _each(batch, self.step)

    def checker(self) -> Checker:
        if isinstance(self.loaded, CheckerError):
            raise self.loaded
        return self.loaded

    @abstractmethod
    def step(self, work: EventWork) -> EventWork: ...


class EmbedStage(_ModelStage):
    def step(self, work: EventWork) -> EventWork:
        loaded = self.checker()
        models = loaded.models
        return replace(
            work,
            vectors=models.embedder.encode([c.text for c in work.claims]),
            config=loaded.config,
            settings=run_settings(loaded.config, models.embedder, models.nli, loaded.notes + work.notes),
        )


class NliStage(_ModelStage):
    def step(self, work: EventWork) -> EventWork:
        return replace(work, scored=score_pairs(self.checker().models.nli, pairs_to_score(list(work.claims), work.alignment)))


def gpu_share(model: str | None, cluster_gpus: float) -> float:
    """The GPU share a model actor asks for: none for no model or the bundled CPU embedder, or when
    the cluster has no GPU; else half a GPU, so that an embedding and an NLI actor fit on one."""
    if not model or model == OFFLINE_EMBEDDER or cluster_gpus < 1:
        return 0.0
    return 0.5


def run_events(
    events: list[Path], out_dir: Path, settings: LoadSettings, *, generated_at: str, workers: int,
    on_done: Callable[[EventResult], None],
) -> list[EventResult]:
    try:
        import ray
    except ImportError:
        raise InputError("--engine ray", "needs Ray, which is not installed: pip install 'checker[ray]'") from None
    started_here = not ray.is_initialized()
    if started_here:
        _start_ray(workers)
    try:
        return _run(events, out_dir, settings, generated_at=generated_at, workers=workers, on_done=on_done)
    finally:
        if started_here:
            ray.shutdown()


def _start_ray(workers: int) -> None:
    import ray

    quiet = {"logging_level": logging.ERROR, "log_to_driver": False}
    address = os.environ.get("RAY_ADDRESS")
    if address:
        try:
            ray.init(**quiet)  # ray.init reads RAY_ADDRESS itself
        except ConnectionError as exc:
            raise InputError(f"RAY_ADDRESS={address}", f"cannot connect to the Ray cluster there ({exc}); unset it to start a local instance") from None
    else:
        # "local": a new instance, even where `ray start` left a cluster that ray.init would join.
        ray.init(address="local", num_cpus=workers, include_dashboard=False, object_store_memory=LOCAL_OBJECT_STORE_BYTES, **quiet)


def _run(
    events: list[Path], out_dir: Path, settings: LoadSettings, *, generated_at: str, workers: int,
    on_done: Callable[[EventResult], None],
) -> list[EventResult]:
    import ray
    import ray.data

    logging.getLogger("ray.data").setLevel(logging.ERROR)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # results, and the console lines, in the events' order
    context.enable_progress_bars = False
    gpus = ray.cluster_resources().get("GPU", 0)
    config = settings.config
    # Workers may run elsewhere: absolute paths, and the cache where this machine would put it.
    out_dir = out_dir.resolve()
    if settings.use_cache and settings.cache_dir is None:
        from checker.cache import default_cache_dir

        settings = replace(settings, cache_dir=default_cache_dir().resolve())
    rows = [{"work": EventWork(event.resolve(), out_dir)} for event in events]
    pool = ray.data.ActorPoolStrategy(min_size=1, max_size=max(1, workers))
    dataset = (
        ray.data.from_items(rows, override_num_blocks=len(rows))
        .map_batches(read_stage, batch_size=1, fn_kwargs={"config": config})
        .map_batches(EmbedStage, batch_size=1, fn_constructor_args=(settings,), compute=pool,
                     num_gpus=gpu_share(config.embedder, gpus))
        .map_batches(align_stage, batch_size=1)
    )
    if config.nli is not None:  # else triage mode: no NLI actors, no models loaded for nothing
        dataset = dataset.map_batches(NliStage, batch_size=1, fn_constructor_args=(settings,), compute=pool,
                                      num_gpus=gpu_share(config.nli, gpus))
    dataset = dataset.map_batches(report_stage, batch_size=1, fn_kwargs={"generated_at": generated_at})
    results = []
    for work in _works(dataset.iter_batches(batch_size=1)):
        results.append(work.result or EventResult(work.event_dir.name, {}, (), work.error))
        on_done(results[-1])
    return results


def _works(batches: Iterable[dict]) -> Iterable[EventWork]:
    for batch in batches:
        yield from batch["work"]
