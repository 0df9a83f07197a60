"""Optional ONNX Runtime backends for the torch models (`--backend onnx` or `onnx-int8`), each
behind a quality gate.

The model is exported with torch's own ONNX exporter and, for `onnx-int8`, its weights quantized
by ONNX Runtime's dynamic int8 quantization (optimum, which sentence-transformers' `backend="onnx"`
needs, requires transformers < 4.58 and cannot be installed beside transformers 5). Tokenisation,
truncation, label order and prompts stay the fp32 model's: only the forward pass moves.

Before a backend is used it must agree with the fp32 model on the multilingual pair set shipped in
`checker/data/gate_pairs.json` (de, en, es, de-en, es-en): the NLI argmax on at least 99 % of the
pairs, for an embedder every text's nearest neighbour among the set's texts. Dynamic int8 of
multilingual MiniLM-class models is known to collapse; a model that fails keeps running on torch
fp32 (never a weaker result for a faster one) and the note says why. The export and the gate's
result are stored per model + backend + library versions under the cache folder, so the gate and
the export cost once.

Everything here imports onnxruntime; nothing imports this module unless a backend other than
torch is asked for.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from checker.cache import cache_key
from checker.embed import Embedder, SentenceTransformerEmbedder, unit_rows
from checker.nli import LABELS, NliScorer, TransformersNli

_SAMPLE = ("A short sentence to trace the graph with.", "And a second, somewhat longer one, so that the batch is padded.")
MIN_AGREEMENT = 0.99  # the bar: argmax agreement with the fp32 model


@dataclass(frozen=True)
class GateResult:
    role: str  # "embedder" or "nli"
    backend: str
    agreement: float  # share of the gate set on which the backend's answer is fp32's answer
    items: int  # pairs (NLI) or texts (embedder) compared
    deviation: float  # NLI: largest probability difference; embedder: 1 - smallest cosine to fp32
    error: str = ""  # the export or ONNX Runtime failed on this model: never measured, never stored

    @property
    def passed(self) -> bool:
        return not self.error and self.agreement >= MIN_AGREEMENT

    def note(self) -> str:
        if self.error:
            return f"{self.role}: {self.backend} failed on this model ({self.error}) -- runs on torch fp32"
        what = "argmax agreement" if self.role == "nli" else "nearest-neighbour agreement"
        figures = f"{what} with fp32 {self.agreement:.1%} on {self.items} {'pairs' if self.role == 'nli' else 'texts'}"
        if self.role == "embedder":
            figures += f", smallest cosine to fp32 {1 - self.deviation:.4f}"
        if self.passed:
            return f"{self.role} runs on {self.backend} (quality gate passed: {figures})"
        return f"{self.role}: {self.backend} failed the quality gate ({figures}, {MIN_AGREEMENT:.0%} needed) -- runs on torch fp32"


def gate_pairs() -> list[tuple[str, str]]:
    """The shipped multilingual (premise, hypothesis) pairs; written for the gate, not from any corpus."""
    rows = json.loads((resources.files("checker") / "data" / "gate_pairs.json").read_text(encoding="utf-8"))
    return [(row["premise"], row["hypothesis"]) for row in rows]


def gate_texts() -> list[str]:
    return list(dict.fromkeys(text for pair in gate_pairs() for text in pair))


def nli_gate(reference: NliScorer, candidate: NliScorer, backend: str) -> GateResult:
    pairs = gate_pairs()
    expected, got = (np.array([[getattr(s, label) for label in LABELS] for s in m.score(pairs)]) for m in (reference, candidate))
    agreement = float(np.mean(expected.argmax(axis=1) == got.argmax(axis=1)))
    return GateResult("nli", backend, agreement, len(pairs), float(np.abs(expected - got).max()))


def embedder_gate(reference: Embedder, candidate: Embedder, backend: str) -> GateResult:
    texts = gate_texts()
    expected, got = reference.encode(texts), candidate.encode(texts)

    def nearest(vectors: np.ndarray) -> np.ndarray:
        similarity = vectors @ vectors.T
        np.fill_diagonal(similarity, -np.inf)
        return similarity.argmax(axis=1)

    agreement = float(np.mean(nearest(expected) == nearest(got)))
    cosines = np.sum(expected * got, axis=1)
    return GateResult("embedder", backend, agreement, len(texts), float(1 - cosines.min()))


def onnx_nli(reference: TransformersNli, backend: str, store: Path | None) -> tuple[NliScorer, GateResult]:
    """`reference` on ONNX Runtime if that passes the gate, else `reference` itself; and the gate's result."""
    return _gated("nli", reference, backend, store)


def onnx_embedder(reference: SentenceTransformerEmbedder, backend: str, store: Path | None) -> tuple[Embedder, GateResult]:
    """`reference` on ONNX Runtime if that passes the gate, else `reference` itself; and the gate's result."""
    return _gated("embedder", reference, backend, store)


def ungated(role: str, reference, backend: str, model_file: Path):
    """`reference` on the backend with no gate (benchmarks time what the gate may refuse), its
    graph built into `model_file` unless it is there already."""
    import onnxruntime
    import torch

    if not model_file.is_file():
        _atomic(model_file, lambda tmp: _build(role, reference, backend, tmp))
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = torch.get_num_threads()  # one thread setting for both engines
    session = onnxruntime.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
    if role == "nli":
        return reference.with_forward(_SessionForward(session, "logits"), f"{reference.name}#{backend}")
    return OnnxRuntimeEmbedder(reference, session, backend)


class OnnxRuntimeEmbedder:
    """A sentence-transformers model's tokenisation and prompts, its whole module stack (transformer,
    pooling, dense, normalisation) as one ONNX graph."""

    def __init__(self, reference: SentenceTransformerEmbedder, session, backend: str):
        self._reference = reference  # tokenises; its weights are no longer called
        self._forward = _SessionForward(session, "sentence_embedding")
        self.name = f"{reference.name}#{backend}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._reference.dimension), dtype=np.float32)
        return unit_rows(self._forward.run(self._reference.features(list(texts))))


def export_onnx(module, sample: dict, path: Path, output: str, call: Callable) -> None:
    """`call(module, features)` as an ONNX graph with dynamic batch and sequence axes, traced on
    `sample`. torch's TorchScript exporter: its dynamo exporter cannot trace DeBERTa-v2 or XLM-R
    in torch 2.13."""
    import torch

    names = [name for name, value in sample.items() if isinstance(value, torch.Tensor)]

    class Positional(torch.nn.Module):  # the exporter passes inputs by position
        def __init__(self):
            super().__init__()
            self.inner = module

        def forward(self, *tensors):
            return call(self.inner, dict(zip(names, tensors)))

    axes = {name: {0: "batch", 1: "sequence"} for name in names} | {output: {0: "batch"}}
    with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer warnings about Python branches on shapes: fixed per model
        torch.onnx.export(Positional().eval(), tuple(sample[n] for n in names), str(path), input_names=names,
                          output_names=[output], dynamic_axes=axes, opset_version=17, dynamo=False)


def quantize_int8(source: Path, target: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)  # its advice to pre-process (shape inference) goes to the root logger, every time
    try:
        quantize_dynamic(source, target, weight_type=QuantType.QInt8)
    finally:
        root.setLevel(level)


class _SessionForward:
    """An ONNX Runtime session called like the transformers model it was exported from."""

    def __init__(self, session, output: str):
        self._session = session
        self._inputs = [i.name for i in session.get_inputs()]  # unused inputs (DeBERTa's token types) are pruned
        self._output = output

    def run(self, features: dict) -> np.ndarray:
        return self._session.run([self._output], {name: np.asarray(features[name]) for name in self._inputs})[0]

    def __call__(self, **features):
        import torch

        return SimpleNamespace(**{self._output: torch.from_numpy(self.run(features))})


def _gated(role: str, reference, backend: str, store: Path | None) -> tuple:
    weights = reference.model if role == "nli" else reference.model[0].auto_model
    folder, temporary = _model_folder(role, reference.name, weights, backend, store)
    try:
        result_file, model_file = folder / "gate.json", folder / "model.onnx"
        known = _read_gate(result_file)
        if known is not None and not known.passed:
            return reference, known
        try:
            candidate = ungated(role, reference, backend, model_file)
            if known is None:
                known = (nli_gate if role == "nli" else embedder_gate)(reference, candidate, backend)
        except Exception as exc:  # noqa: BLE001 -- an architecture the exporter or ONNX Runtime cannot handle: fp32 still can
            first = (str(exc).strip().splitlines() or [""])[0][:200]
            return reference, GateResult(role, backend, 0.0, 0, 0.0, f"{type(exc).__name__}: {first}")
        if not result_file.is_file():
            _atomic(result_file, lambda tmp: tmp.write_text(json.dumps(asdict(known)), encoding="utf-8"))
            if not known.passed:
                model_file.unlink(missing_ok=True)
        return (candidate if known.passed else reference), known
    finally:
        if temporary is not None:
            temporary.cleanup()


def _build(role: str, reference, backend: str, target: Path) -> None:
    """Export `reference`'s forward pass to `target`, quantized for onnx-int8."""
    def export(path: Path) -> None:
        if role == "nli":
            export_onnx(reference.model, reference.tokenize([_SAMPLE, (_SAMPLE[0], "Short.")]), path, "logits",
                        lambda model, features: model(**features).logits)
        else:  # the whole module stack: transformer, pooling, dense, normalisation
            export_onnx(reference.model, reference.features(list(_SAMPLE)), path, "sentence_embedding",
                        lambda model, features: model(features)["sentence_embedding"])

    if backend == "onnx":
        export(target)
        return
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        fp32 = Path(scratch) / "fp32.onnx"
        export(fp32)
        quantize_int8(fp32, target)


def _model_folder(role: str, name: str, weights, backend: str, store: Path | None):
    """Where this model's export and gate result live: keyed by the model's fingerprint (and Hub
    revision), the backend and the libraries that produced them. A temporary folder without a cache."""
    import onnxruntime
    import torch

    revision = getattr(getattr(weights, "config", None), "_commit_hash", None) or ""
    gate_set = (resources.files("checker") / "data" / "gate_pairs.json").read_bytes()
    key = cache_key(role, name, revision, backend, torch.__version__, onnxruntime.__version__,
                    hashlib.sha256(gate_set).hexdigest())[:24]
    if store is None:
        temporary = tempfile.TemporaryDirectory(prefix="checker-onnx-")
        return Path(temporary.name), temporary
    folder = store / key
    folder.mkdir(parents=True, exist_ok=True)
    return folder, None


def _read_gate(path: Path) -> GateResult | None:
    try:
        return GateResult(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):  # none yet, or a damaged file: gate again
        return None


def _atomic(target: Path, write: Callable[[Path], None]) -> None:
    """Write through a temporary file and rename: a concurrent or interrupted run never sees half a file."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=target.suffix)
    os.close(handle)
    try:
        write(Path(name))
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
