"""On-disk cache of model outputs (embeddings, NLI scores), keyed by model fingerprint and input.

SQLite: one file, atomic writes, safe to share between runs. A cache never changes a result:
values are the bytes the model produced for exactly that key.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from checker.errors import InputError


def cache_key(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


class DiskCache:
    """Raises InputError (one line, with the fix) when the cache cannot be used. A file that is not
    a database is moved aside to `<name>.corrupt` and rebuilt; `recovered` then says so."""

    def __init__(self, path: Path):
        self.path = path
        self.recovered: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._unusable(exc.strerror or str(exc)) from None
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError):  # cannot open or write: not ours to repair
                raise self._unusable(str(exc)) from None
            aside = path.with_name(path.name + ".corrupt")
            try:
                os.replace(path, aside)
            except OSError as move:  # a read-only folder: the user must pick another cache
                raise self._unusable(f"{exc}; cannot move it aside: {move.strerror}") from None
            self.recovered = f"{path}: not a usable cache ({exc}); moved aside to {aside.name} and rebuilt"
            self._db = self._open()

    def _open(self) -> sqlite3.Connection:
        # timeout: another run may be writing, wait for it. check_same_thread: a Ray actor opens
        # the cache in one thread and calls it from another, one call at a time.
        db = sqlite3.connect(self.path, timeout=60, check_same_thread=False)
        try:
            db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            db.execute("SELECT key FROM entries LIMIT 1").fetchall()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _unusable(self, problem: str) -> InputError:
        return InputError(str(self.path), f"cannot use the cache ({problem}); pass --cache-dir DIR or --no-cache")

    def get_many(self, keys: list[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        try:
            for i in range(0, len(keys), 500):  # SQLite caps the number of bound parameters
                chunk = keys[i:i + 500]
                marks = ",".join("?" * len(chunk))
                found.update(self._db.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", chunk))
        except sqlite3.Error as exc:
            raise self._unusable(str(exc)) from None
        return found

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)", items)
        except sqlite3.Error as exc:
            raise self._unusable(str(exc)) from None

    def close(self) -> None:
        self._db.close()


def default_cache_dir() -> Path:
    """$CHECKER_CACHE_DIR, else $XDG_CACHE_HOME/checker, else ~/.cache/checker."""
    base = os.environ.get("CHECKER_CACHE_DIR")
    if base:
        return Path(base)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "checker"


def open_cache(cache_dir: Path | None, enabled: bool = True) -> DiskCache | None:
    return DiskCache((cache_dir or default_cache_dir()) / "cache.sqlite") if enabled else None
