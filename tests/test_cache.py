"""The on-disk cache stays under its bound, dropping what was used least recently, and takes
caches written before it was bounded."""

from __future__ import annotations

import sqlite3

import pytest
from test_cli import invoke, one_error_line

from checker import cache as cache_module
from checker.cache import DiskCache

VALUE = bytes(range(256)) * 40  # 10 KiB


def test_the_cache_keeps_under_its_bound_and_drops_the_least_recently_used(tmp_path, monkeypatch):
    day = iter(range(1000, 2000))
    monkeypatch.setattr(cache_module, "_today", lambda: next(day))
    cache = DiskCache(tmp_path / "c.sqlite", max_bytes=300_000)
    cache.put_many([("first", VALUE)])
    for i in range(60):
        cache.get_many(["first"])  # read every day: it stays
        cache.put_many([(f"k{i}", VALUE)])
        assert cache.stored_bytes() <= 300_000
    kept = cache.get_many(["first", *(f"k{i}" for i in range(60))])
    assert "first" in kept and "k59" in kept and "k0" not in kept
    assert (tmp_path / "c.sqlite").stat().st_size < 400_000  # trimming gives the space back
    assert kept["k59"] == VALUE


def test_a_cache_from_before_the_bound_is_read_and_bounded(tmp_path):
    path = tmp_path / "c.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        db.execute("INSERT INTO entries VALUES ('old', ?)", (VALUE,))
    db.close()
    cache = DiskCache(path, max_bytes=100_000)
    assert cache.get_many(["old"]) == {"old": VALUE}
    cache.put_many([(f"k{i}", VALUE) for i in range(20)])
    assert cache.stored_bytes() <= 100_000
    assert "k19" in cache.get_many(["k19"])


def test_a_cache_that_cannot_be_written_is_still_read(tmp_path):
    path = tmp_path / "c.sqlite"
    DiskCache(path).put_many([("k", VALUE)])
    reader = DiskCache(path)
    reader._db.execute("PRAGMA query_only = ON")  # as a read-only file would: every write fails
    assert reader.get_many(["k"]) == {"k": VALUE}


@pytest.mark.parametrize("bound", ["lots", "inf", "1e400", "0.0000001", "-5"])
def test_a_bad_bound_is_one_line(corpus_copy, tmp_path, monkeypatch, bound):
    monkeypatch.setenv("CHECKER_CACHE_MAX_MB", bound)
    result = invoke("run", str(corpus_copy), "--preset", "offline", "--cache-dir", str(tmp_path / "c"), "--out", str(tmp_path / "o"))
    one_error_line(result, f"CHECKER_CACHE_MAX_MB: must be a number of megabytes, 1 or more, not {bound!r}")
    assert not (tmp_path / "o").exists()
