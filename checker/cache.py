"""On-disk cache of model outputs (embeddings, NLI scores), keyed by model fingerprint and input.

SQLite: one file, atomic writes, safe to share between runs. A cache never changes a result:
values are the bytes the model produced for exactly that key.

The cache is bounded ($CHECKER_CACHE_MAX_MB, default 4096): a write that takes the stored data past
the bound drops the least recently used entries down to four fifths of it, so a batch that runs
for months does not fill the disk and the next runs do not trim on every write. "Used" is kept
to the day, so a read rewrites an entry at most once a day.
"""

from __future__ import annotations

import hashlib
import math
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from checker.errors import InputError

DEFAULT_MAX_MB = 4096
_TRIM_TO = 0.8  # of the bound


def cache_key(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


class DiskCache:
    """Raises InputError (one line, with the fix) when the cache cannot be used. A file that is not
    a database is moved aside to `<name>.corrupt` and rebuilt; `recovered` then says so."""

    def __init__(self, path: Path, max_bytes: int | None = None):
        self.path = path
        self.max_bytes = max_cache_bytes() if max_bytes is None else max_bytes
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
            db.execute("PRAGMA auto_vacuum=INCREMENTAL")  # only a new file takes it: trimming then shrinks the file
            db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL, used INTEGER NOT NULL DEFAULT 0)")
            if "used" not in {row[1] for row in db.execute("PRAGMA table_info(entries)")}:
                try:  # a cache written before it was bounded; its entries count as least recently used
                    db.execute("ALTER TABLE entries ADD COLUMN used INTEGER NOT NULL DEFAULT 0")
                except sqlite3.OperationalError as exc:
                    if "duplicate column" not in str(exc):  # else another process added it first
                        raise
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
        self._mark_used(list(found))
        return found

    def _mark_used(self, keys: list[str]) -> None:
        """Best effort: a cache that can be read but not written (a shared read-only copy) still serves."""
        today = _today()
        try:
            with self._db:
                for i in range(0, len(keys), 500):
                    chunk = keys[i:i + 500]
                    marks = ",".join("?" * len(chunk))
                    self._db.execute(f"UPDATE entries SET used = ? WHERE used < ? AND key IN ({marks})", [today, today, *chunk])
        except sqlite3.OperationalError:
            pass

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        today = _today()
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", ((k, v, today) for k, v in items))
                self._trim()
        except sqlite3.Error as exc:
            raise self._unusable(str(exc)) from None

    def stored_bytes(self) -> int:
        """Bytes of the pages that hold entries (free pages left by trimming not counted)."""
        pages, free, size = (self._db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("page_count", "freelist_count", "page_size"))
        return (pages - free) * size

    def _trim(self) -> None:
        stored = self.stored_bytes()
        if stored <= self.max_bytes:
            return
        excess = stored - int(self.max_bytes * _TRIM_TO)
        doomed: list[str] = []
        for key, size in self._db.execute("SELECT key, length(key) + length(value) FROM entries ORDER BY used, rowid"):
            if excess <= 0:
                break
            doomed.append(key)
            excess -= size
        for i in range(0, len(doomed), 500):
            chunk = doomed[i:i + 500]
            self._db.execute(f"DELETE FROM entries WHERE key IN ({','.join('?' * len(chunk))})", chunk)
        self._db.execute("PRAGMA incremental_vacuum").fetchall()

    def close(self) -> None:
        self._db.close()


def default_cache_dir() -> Path:
    """$CHECKER_CACHE_DIR, else $XDG_CACHE_HOME/checker, else ~/.cache/checker."""
    base = os.environ.get("CHECKER_CACHE_DIR")
    if base:
        return Path(base)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "checker"


def max_cache_bytes() -> int:
    """$CHECKER_CACHE_MAX_MB in bytes; InputError (one line) unless it is a finite number >= 1."""
    text = os.environ.get("CHECKER_CACHE_MAX_MB", str(DEFAULT_MAX_MB))
    try:
        megabytes = float(text)
    except ValueError:
        megabytes = -1.0
    if not (math.isfinite(megabytes) and megabytes >= 1):
        raise InputError("CHECKER_CACHE_MAX_MB", f"must be a number of megabytes, 1 or more, not {text!r}")
    return int(megabytes * 1024 * 1024)


def _today() -> int:
    return int(time.time()) // 86400


def open_cache(cache_dir: Path | None, enabled: bool = True) -> DiskCache | None:
    return DiskCache((cache_dir or default_cache_dir()) / "cache.sqlite") if enabled else None
