"""Report writers: one Report -> <name>.json, .md, .csv and .html, published as a set.

Publishing (`write_all`), per target folder, under a lock file so two runs cannot interleave:
1. leftovers of a killed run are finished (a complete staged set is moved in) or removed;
2. every file is written into a staging folder beside the targets (ordinary modes: the umask
   applies); an error or a signal here removes the staging folder and leaves the old set alone;
3. a marker records that the staged set is complete, and the files are renamed into place with
   SIGINT/SIGTERM/SIGHUP held back until the last rename, so a signal never splits a set.
Only SIGKILL or a power cut can stop step 3; the next run writing there completes the set.
"""

from __future__ import annotations

import importlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from checker.errors import InputError, OutputError
from checker.records import Report


def _renderer(module: str, function: str) -> Callable[[Report], str]:
    """Imported when first used: pandas and jinja2 cost a warm run (checker.runcache) a second."""

    def render(report: Report) -> str:
        return getattr(importlib.import_module(module), function)(report)

    return render


RENDERERS = {
    ".json": _renderer("checker.report.json", "render_json"),
    ".md": _renderer("checker.report.markdown", "render_markdown"),
    ".csv": _renderer("checker.report.tables", "render_csv"),
    ".html": _renderer("checker.report.html", "render_html"),
}
LOCK_NAME = ".checker.lock"
STAGING_PREFIX = ".checker-staging-"
_COMPLETE = ".complete"  # inside a staging folder: the names of a fully written set, one a line
_HELD_BACK = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def write_report(report: Report, out_dir: Path, lock_timeout: float = 60.0) -> list[Path]:
    """Render everything first, then publish the set (see the module docstring)."""
    return write_set(render_report(report), out_dir, report.name, lock_timeout)


def write_set(texts: dict[str, str], out_dir: Path, name: str, lock_timeout: float = 60.0) -> list[Path]:
    """Publish a rendered set (file suffix -> text) as out_dir/<name><suffix>."""
    return write_all({out_dir / f"{name}{suffix}": text for suffix, text in texts.items()}, lock_timeout)


def render_report(report: Report) -> dict[str, str]:
    """File suffix -> the report rendered in that format."""
    return {suffix: render(report) for suffix, render in RENDERERS.items()}


def write_all(files: dict[Path, str], lock_timeout: float = 60.0) -> list[Path]:
    """Publish texts to their paths; the files of one folder appear together or not at all."""
    by_folder: dict[Path, dict[str, str]] = {}
    for path, text in files.items():
        by_folder.setdefault(path.parent, {})[path.name] = text
    written = []
    with _signals_interrupt():
        for folder, texts in sorted(by_folder.items()):
            ensure_writable_folder(folder)
            with _locked(folder, lock_timeout):
                recover(folder)
                _publish(folder, texts)
            written.extend(folder / name for name in texts)
    return written


def ensure_writable_folder(folder: Path) -> None:
    """Create `folder` if needed; OutputError (one line) when it cannot hold reports."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(str(folder), "exists and is not a folder") from None
    except OSError as exc:
        raise OutputError(str(folder), f"cannot create the output folder ({exc.strerror})") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(str(folder), "output folder is not writable")


def report_name_for(corpus_dir: Path, out_dir: Path, name: str | None) -> str:
    """The report's file name, after the checks `checker run` makes before any work."""
    report_name = name or corpus_dir.resolve().name or "report"
    if not report_name.replace("-", "").replace("_", "").replace(".", "").isalnum():
        raise InputError(f"--name {report_name}", "use letters, digits, '-', '_' or '.' only")
    if out_dir.resolve() == corpus_dir.resolve():
        raise InputError(f"--out {out_dir}", "is the corpus folder; the next run would read the report as an article")
    check_output_folder(out_dir)
    return report_name


def check_output_folder(folder: Path) -> None:
    """Before a long run: would `ensure_writable_folder` succeed? Creates nothing."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(str(folder), f"'{existing}' exists and is not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(str(folder), f"output folder is not writable ('{existing}' does not allow it)")


def recover(folder: Path) -> None:
    """Finish or remove what a killed run left in `folder`. Call with the folder's lock held."""
    for staging in sorted(folder.glob(STAGING_PREFIX + "*")):
        marker = staging / _COMPLETE
        if marker.is_file():
            for name in marker.read_text(encoding="utf-8").splitlines():
                if (staging / name).is_file():
                    os.replace(staging / name, folder / name)
        shutil.rmtree(staging, ignore_errors=True)


def _publish(folder: Path, texts: dict[str, str]) -> None:
    for name in texts:
        target = folder / name
        if target.exists() and not target.is_file():
            raise OutputError(str(target), "exists and is not a regular file")
    current, staging = "", None
    try:
        staging = Path(tempfile.mkdtemp(dir=folder, prefix=STAGING_PREFIX))
        for name, text in texts.items():
            current = name
            with open(staging / name, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
        current = _COMPLETE
        (staging / _COMPLETE).write_text("".join(f"{name}\n" for name in texts), encoding="utf-8")
    except BaseException as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise OutputError(str(folder / current), f"cannot write ({exc.strerror})") from None
        raise
    with _held_back_signals():
        for name in texts:
            _move(staging / name, folder / name)
        shutil.rmtree(staging, ignore_errors=True)


def _move(source: Path, target: Path) -> None:
    """One rename of the publish step (a seam: tests pause here to kill a run mid-set)."""
    os.replace(source, target)


@contextmanager
def _locked(folder: Path, timeout: float) -> Iterator[None]:
    lock = FileLock(folder / LOCK_NAME, timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise OutputError(str(folder), f"another checker run is writing here (lock {LOCK_NAME} held for over {timeout:g} s)") from None
    except OSError as exc:
        raise OutputError(str(folder / LOCK_NAME), f"cannot create the lock file ({exc.strerror})") from None
    try:
        yield
    finally:
        lock.release()


@contextmanager
def _signals_interrupt() -> Iterator[None]:
    """SIGTERM and SIGHUP interrupt like Ctrl-C while publishing, so the cleanup above runs.
    Signal handlers can only be set in the main thread; elsewhere the defaults stay."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt(signal.Signals(signum).name)

    with ExitStack() as stack:
        for signum in (signal.SIGTERM, signal.SIGHUP):
            previous = signal.signal(signum, interrupt)
            stack.callback(signal.signal, signum, previous)
        yield


@contextmanager
def _held_back_signals() -> Iterator[None]:
    """Signals arriving inside are delivered when it ends: a set is never split by one. Python
    handlers (main thread only) rather than a signal mask: the operating system may hand a signal
    to any of the libraries' threads."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    with ExitStack() as stack:
        for signum in _HELD_BACK:
            previous = signal.signal(signum, lambda received, frame: pending.append(received))
            stack.callback(signal.signal, signum, previous)
        yield
    if pending:
        signal.raise_signal(pending[0])
