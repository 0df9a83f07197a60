"""The whole-run cache: an unchanged re-run publishes the cold run's files byte for byte without
running the pipeline; any change to the inputs runs it again."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import checker.batch
from checker.cli import main
from checker.config import load_config
from checker.runcache import run_key

SUFFIXES = ("json", "md", "csv", "html")


def run(corpus, out, epoch, *extra):
    result = CliRunner().invoke(
        main, ["run", str(corpus), "--preset", "offline", "--out", str(out), "--name", "cached", *extra],
        env={"SOURCE_DATE_EPOCH": epoch}, catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return result.output, {s: (out / f"cached.{s}").read_bytes() for s in SUFFIXES}


def test_warm_run_is_the_cold_run_byte_for_byte(corpus_copy, tmp_path, monkeypatch):
    cache = ["--cache-dir", str(tmp_path / "cache")]
    cold_output, cold = run(corpus_copy, tmp_path / "cold", "1770163200", *cache)
    monkeypatch.setattr(checker.batch, "read_articles", lambda *a, **k: pytest.fail("the pipeline ran on an unchanged corpus"))
    warm_output, warm = run(corpus_copy, tmp_path / "warm", "1770163200", *cache)
    assert warm == cold
    assert warm_output.replace("/warm/", "/cold/") == cold_output
    _, later = run(corpus_copy, tmp_path / "later", "1770249600", *cache)  # a day later: only the timestamp differs
    assert later["json"] != cold["json"]
    for suffix in SUFFIXES:
        assert later[suffix].replace(b"2026-02-05T00:00:00", b"2026-02-04T00:00:00") == cold[suffix]


def test_a_changed_article_or_a_review_store_runs_the_pipeline(corpus_copy, tmp_path):
    cache = ["--cache-dir", str(tmp_path / "cache")]
    run(corpus_copy, tmp_path / "out", "1770163200", *cache)
    first = min(corpus_copy.glob("*.txt"))
    first.write_text(first.read_text(encoding="utf-8") + "\n\nEin ganz neuer Satz über den Zwischenfall.\n", encoding="utf-8")
    _, changed = run(corpus_copy, tmp_path / "out", "1770163200", *cache)
    assert b"Ein ganz neuer Satz" in changed["json"]
    (tmp_path / "out" / "review.sqlite").write_bytes(b"")  # a folder under review: decisions change the report
    assert run_key(load_config("offline"), corpus_copy, tmp_path / "out", "cached") is None
    assert run_key(load_config("offline"), corpus_copy, tmp_path / "elsewhere", "cached") is not None
    assert run_key(load_config("default"), corpus_copy, tmp_path / "elsewhere", "cached") is None  # a Hub model may fall back
