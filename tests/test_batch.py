"""`checker batch`: one report set per event, byte-identical to `checker run` on the same folder,
and an escaped index; `checker.load` serves both; the offline preset imports no torch."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

import checker
from checker.cli import main
from checker.corpus import read_corpus

ROOT = Path(__file__).resolve().parent.parent
EVENTS = {
    "harbour-fire": {
        "wire.txt": "A fire broke out at the harbour on Monday. Three warehouses burned down. The fire brigade sent 40 engines.",
        "local.txt": "On Monday a fire destroyed three warehouses at the harbour. Firefighters arrived with 45 engines.",
    },
    "bridge-vote": {
        "paper.txt": "The council approved the new bridge by 12 votes to 9. Construction starts in May.",
        "radio.txt": "Der Stadtrat stimmte mit 12 zu 9 Stimmen für die neue Brücke. Der Bau beginnt im Juni.",
    },
}


def _events(root: Path) -> Path:
    for event, files in EVENTS.items():
        (root / event).mkdir(parents=True)
        for name, text in files.items():
            (root / event / name).write_text(text, encoding="utf-8")
    (root / "<b>bad").mkdir()  # an event whose name cannot be a report name: named, listed, escaped
    (root / "<b>bad" / "a.txt").write_text("Something happened.", encoding="utf-8")
    return root


def test_batch_writes_the_same_reports_as_run_and_an_escaped_index(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    events = _events(tmp_path / "events")
    runner = CliRunner()
    cache = ["--cache-dir", str(tmp_path / "cache")]
    result = runner.invoke(main, ["batch", str(events), "--out", str(tmp_path / "batch"), "--preset", "offline", "--workers", "2", *cache])
    assert result.exit_code == 2, result.output
    assert "error: <b>bad: --name <b>bad" in result.output and "2 of 3 events checked" in result.output
    for event in EVENTS:
        single = runner.invoke(main, ["run", str(events / event), "--out", str(tmp_path / "run" / event), "--preset", "offline", *cache])
        assert single.exit_code == 0, single.output
        for path in sorted((tmp_path / "run" / event).iterdir()):
            assert (tmp_path / "batch" / event / path.name).read_bytes() == path.read_bytes(), path.name
    page = (tmp_path / "batch" / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;bad" in page and "<b>bad" not in page and 'href="harbour-fire/harbour-fire.html"' in page
    rows = (tmp_path / "batch" / "index.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("event,error,claims,documents") and [r.split(",")[0] for r in rows[1:]] == ["<b>bad", "bridge-vote", "harbour-fire"]
    markdown = (tmp_path / "batch" / "index.md").read_text(encoding="utf-8")
    assert "&lt;b&gt;bad" in markdown and "<b>" not in markdown and "[html](<harbour-fire/harbour-fire.html>)" in markdown


def test_one_loaded_checker_runs_many_corpora(tmp_path):
    events = _events(tmp_path / "events")
    loaded = checker.load("offline", use_cache=False)
    reports = [loaded.run(read_corpus(events / e, 10_000), name=e, generated_at="t") for e in EVENTS]
    assert [r.summary["documents"] for r in reports] == [2, 2]
    assert replace(checker.check(events / "harbour-fire", name="harbour-fire"), generated_at="t") == reports[0]


def test_offline_preset_imports_neither_torch_nor_transformers(tmp_path):
    events = _events(tmp_path / "events")
    script = (
        "import sys\nfrom checker.cli import main\n"
        f"try:\n    main(['run', {str(events / 'harbour-fire')!r}, '--preset', 'offline', '--out', {str(tmp_path / 'out')!r}, '--no-cache'])\n"
        "except SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'transformers', 'sentence_transformers', 'onnxruntime', 'onnx')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "out" / "harbour-fire.json").is_file()


def test_batch_refuses_an_out_folder_inside_the_events_folder_and_names_unloadable_models(tmp_path):
    events = _events(tmp_path / "events")
    runner = CliRunner()
    inside = runner.invoke(main, ["batch", str(events), "--out", str(events / "reports"), "--preset", "offline"])
    assert inside.exit_code == 2 and "is inside" in inside.output and "Traceback" not in inside.output
    (tmp_path / "empty-model").mkdir()  # exists, so only the workers find out that it does not load
    broken = runner.invoke(main, ["batch", str(events), "--out", str(tmp_path / "out"), "--preset", "offline",
                                  "--embedder", str(tmp_path / "empty-model"), "--workers", "2"])
    assert broken.exit_code == 2 and "0 of 3 events checked" in broken.output, broken.output
    assert "error: harbour-fire: cannot load embedder model" in broken.output and "Traceback" not in broken.output


def test_each_pool_worker_gets_its_share_of_the_cores(tmp_path, monkeypatch):
    """Loading an NLI model sets torch to every core; a worker of a pool of several must not keep that."""
    import torch
    from tiny_models import build_nli_model

    from checker import batch
    from checker.batch import LoadSettings
    from checker.config import load_config

    nli = build_nli_model(tmp_path / "nli", ["CONTRADICTION", "NEUTRAL", "ENTAILMENT"], None, ["a short text", "another"])
    settings = LoadSettings(replace(load_config("offline"), nli=str(nli)), False, True, None, False)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)  # restored after the test
    before = torch.get_num_threads()
    try:
        batch._load_worker(settings, 1)
        assert isinstance(batch._worker_checker, checker.Checker) and torch.get_num_threads() == 1
        assert os.environ["OMP_NUM_THREADS"] == "1"
    finally:
        torch.set_num_threads(before)
        batch._worker_checker = None
