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


def cache_key(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


class DiskCache:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path)
        self._db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")

    def get_many(self, keys: list[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        for i in range(0, len(keys), 500):  # SQLite caps the number of bound parameters
            chunk = keys[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self._db.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", chunk))
        return found

    def put_many(self, items: Iterable[tuple[str, bytes]]) -> None:
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?)", items)

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
