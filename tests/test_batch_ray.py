"""`checker batch --engine ray` on a local Ray instance the test starts: the same report sets as the
local engine, byte for byte, with an NLI model in the run so both model stages do work."""

from __future__ import annotations

import csv
import os
import sys

import pytest
from click.testing import CliRunner
from test_batch import EVENTS, _events
from tiny_models import build_nli_model

from checker.batch import LoadSettings
from checker.batch_ray import EmbedStage, EventWork
from checker.cli import main
from checker.config import load_config


@pytest.fixture
def local_ray():
    try:
        import ray
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("ray is not installed; CI installs it with the test extra (pip install -e '.[test]')")
        pytest.skip("ray is not installed (pip install 'checker[ray]')")
    ray.init(address="local", num_cpus=2, object_store_memory=80 * 1024**2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_ray_engine_writes_the_same_report_sets_as_the_local_engine(tmp_path, monkeypatch, local_ray):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    events = _events(tmp_path / "events")
    texts = [text for files in EVENTS.values() for text in files.values()]
    nli = build_nli_model(tmp_path / "nli", ["CONTRADICTION", "NEUTRAL", "ENTAILMENT"], None, texts)
    runner = CliRunner()
    outputs = {}
    for engine in ("local", "ray"):
        # A cache each, so that both engines compute every vector and score themselves.
        result = runner.invoke(main, [
            "batch", str(events), "--out", str(tmp_path / engine), "--engine", engine,
            "--preset", "offline", "--nli", str(nli), "--cache-dir", str(tmp_path / f"cache-{engine}"),
        ])
        assert result.exit_code == 2, result.output  # the badly named event, and only it
        assert "error: <b>bad: --name <b>bad" in result.output and "2 of 3 events checked" in result.output, result.output
        outputs[engine] = {p.relative_to(tmp_path / engine): p.read_bytes() for p in sorted((tmp_path / engine).rglob("*")) if p.is_file()}
    assert outputs["ray"] == outputs["local"]
    assert {p.parts[0] for p in outputs["ray"] if len(p.parts) > 1} == set(EVENTS)
    with open(tmp_path / "ray" / "index.csv", encoding="utf-8", newline="") as table:
        passes = {row["event"]: row["nli_forward_passes"] for row in csv.DictReader(table)}
    assert all(int(passes[event]) > 0 for event in EVENTS), passes  # the NLI stage did work


def test_a_model_actor_that_cannot_load_fails_each_event_with_the_reason(tmp_path):
    """The stage class as a Ray actor runs it, called here in-process."""
    (tmp_path / "empty-model").mkdir()
    settings = LoadSettings(load_config("offline", None, str(tmp_path / "empty-model"), None), True, False, None, False)
    works = [EventWork(tmp_path / name, tmp_path / "out") for name in ("a", "b")]
    done = EmbedStage(settings)({"work": works})["work"]
    assert [w.event_dir.name for w in done] == ["a", "b"]
    assert all(w.error.startswith(f"cannot load embedder model '{tmp_path / 'empty-model'}'") for w in done), done[0].error


def test_ray_engine_without_ray_installed_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    events = _events(tmp_path / "events")
    result = CliRunner().invoke(main, ["batch", str(events), "--out", str(tmp_path / "out"), "--engine", "ray", "--preset", "offline"])
    assert result.exit_code == 2 and "pip install 'checker[ray]'" in result.output and "Traceback" not in result.output
