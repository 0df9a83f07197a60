"""Speed and NLI-economy figures, whole-process where the issue asks for it.

    python benchmarks/bench.py --quick

Prints one line per figure, then as its last line one JSON object. Measured (offline preset: the
only one with real weights here):
- nli_calls_ratio: directed pairs sent to NLI / the SummaC-style full matrix (every claim of every
  document against every claim of every other document, both ways), over the tune events' corpora
  and the seed articles. The pairs are counted by a scorer that returns a constant, so the count
  is the pipeline's, independent of any model's weights.
- pair_recall: share of the labelled true pairs (AGREE/CONTRADICT/FRAMING) of those tune events
  that reach NLI, i.e. are an aligned pair (tests/data/gold/<event>.yaml; held-out events never read).
- warm_speedup, one_changed_ratio: `checker run --preset offline` on the seed articles as a fresh
  process: cold cache / unchanged re-run, and re-run with one article changed / cold.
Not measured by this script (say so rather than guess): overhead_ratio, scale_ratio_100_vs_5
(benchmarks/alignment.py times alignment at 5, 100 and 1,000 sources), peak memory, per-model throughput.
- batch_ray_vs_local: `checker batch --preset offline --workers 2` on the seed articles and three tune
  corpora as a fresh process, cold cache: wall time with --engine ray (starting a local Ray
  instance, included) / --engine local; batch_engines_identical: both wrote the same bytes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

import checker
from checker.corpus import read_corpus
from checker.model import NliScores
from checker.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "articles"
TUNE_EVENTS = ("athens-bank-firebomb-2010", "qeshm-earthquake-2005", "yida-camp-bombing-2011", "amd-seamicro-2012", "colts-chiefs-2012")


class ConstantNli:
    """Counts the pairs it is given; the scores are a constant, never a quality figure."""

    name = "constant-for-counting"

    def score(self, pairs):
        return [NliScores(0.0, 1.0, 0.0)] * len(pairs)


def covering(claims, doc: str, start: int, end: int) -> set[str]:
    """Claims that cover at least half of a labelled span (gold_eval.py's rule)."""
    return {c.id for c in claims if c.doc == doc and min(end, c.end) - max(start, c.start) >= 0.5 * min(end - start, c.end - c.start)}


def doc_of(key: str, texts: dict[str, str]) -> str:
    return key if key in texts else next(s for s in texts if s.startswith(key + "_"))


def nli_economy(loaded: checker.Checker) -> dict[str, float]:
    corpora = [(SHARED / "corpora" / e, ROOT / "tests" / "data" / "gold" / f"{e}.yaml") for e in TUNE_EVENTS]
    corpora.append((SEED, ROOT / "tests" / "data" / "gold" / "seed.yaml"))
    passes = matrix = true_pairs = reached = 0
    for corpus, gold_file in corpora:
        if not corpus.is_dir() or not gold_file.is_file():
            print(f"skipped {corpus.name}: corpus or gold file missing", file=sys.stderr)
            continue
        articles = read_corpus(corpus, loaded.config.max_file_bytes)
        report = run(articles, loaded.config, loaded.models.embedder, ConstantNli(), name=corpus.name, generated_at="bench")
        counted = report.summary["nli_forward_passes"]
        passes += counted
        matrix += report.summary["nli_full_matrix_pairs"]
        texts = {a.id: a.text for a in articles}
        paired = {frozenset((p.pair.a, p.pair.b)) for p in report.pairs}
        for entry in yaml.safe_load(gold_file.read_text(encoding="utf-8")):
            if entry["label"] == "UNRELATED_HARD":
                continue
            sides = []
            for side in (entry["a"], entry["b"]):
                doc = doc_of(str(side["doc"]), texts)
                start = texts[doc].find(side["text"])
                sides.append(covering(report.claims, doc, start, start + len(side["text"])))
            true_pairs += 1
            reached += any(frozenset((x, y)) in paired for x in sides[0] for y in sides[1])
        print(f"{corpus.name}: {counted} NLI passes of {report.summary['nli_full_matrix_pairs']} in the full matrix", file=sys.stderr)
    return {"nli_calls_ratio": round(passes / matrix, 4), "pair_recall": round(reached / true_pairs, 3),
            "nli_passes": passes, "full_matrix_pairs": matrix, "labelled_true_pairs": true_pairs}


def timed_run(corpus: Path, out: Path, cache: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from checker.cli import main; main()", "run", str(corpus), "--preset", "offline", "--out", str(out),
                    "--cache-dir", str(cache)], check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return time.perf_counter() - started


def cache_speed() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as scratch:
        corpus, cache = Path(scratch) / "corpus", Path(scratch) / "cache"
        shutil.copytree(SEED, corpus)
        cold = timed_run(corpus, Path(scratch) / "out", cache)
        warm = timed_run(corpus, Path(scratch) / "out", cache)
        first = sorted(corpus.iterdir())[0]
        first.write_text(first.read_text(encoding="utf-8").replace(".", ". Dies ist ein geänderter Satz.", 1), encoding="utf-8")
        one_changed = timed_run(corpus, Path(scratch) / "out", cache)
    print(f"offline preset, seed articles, whole process: cold {cold:.1f} s, unchanged {warm:.1f} s, one changed {one_changed:.1f} s",
          file=sys.stderr)
    return {"cold_s": round(cold, 2), "warm_s": round(warm, 2), "warm_speedup": round(cold / warm, 2),
            "one_changed_ratio": round(one_changed / cold, 3)}


BATCH_EVENTS = ("qeshm-earthquake-2005", "yida-camp-bombing-2011", "athens-bank-firebomb-2010")  # tune events


def timed_batch(events: Path, out: Path, cache: Path, engine: str, workers: int) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from checker.cli import main; main()", "batch", str(events), "--engine", engine,
                    "--workers", str(workers), "--preset", "offline", "--out", str(out), "--cache-dir", str(cache)],
                   check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT), "SOURCE_DATE_EPOCH": "1700000000"})
    return time.perf_counter() - started


def batch_engines(workers: int = 2) -> dict[str, float | bool]:
    """`checker batch` (offline preset, cold cache, whole process) on the seed articles and three tune
    corpora, Ray engine (a local instance it starts, included) / local engine, same workers."""
    with tempfile.TemporaryDirectory() as scratch:
        events = Path(scratch) / "events"
        shutil.copytree(SEED, events / "seed")
        for event in BATCH_EVENTS:
            shutil.copytree(SHARED / "corpora" / event, events / event)
        seconds = {engine: timed_batch(events, Path(scratch) / engine, Path(scratch) / f"cache-{engine}", engine, workers)
                   for engine in ("local", "ray")}
        outputs = [{p.relative_to(Path(scratch) / e): p.read_bytes() for p in (Path(scratch) / e).rglob("*") if p.is_file()}
                   for e in ("local", "ray")]
    print(f"checker batch, {len(BATCH_EVENTS) + 1} events, {workers} workers, cold cache: local {seconds['local']:.1f} s, "
          f"ray {seconds['ray']:.1f} s (Ray start-up included)", file=sys.stderr)
    return {"batch_ray_vs_local": round(seconds["ray"] / seconds["local"], 3), "batch_local_s": round(seconds["local"], 2),
            "batch_ray_s": round(seconds["ray"], 2), "batch_engines_identical": outputs[0] == outputs[1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the figures above only (the full set is not written yet)")
    parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        loaded = checker.load("offline", cache_dir=Path(cache))
        figures = {**nli_economy(loaded), **cache_speed(), **batch_engines(), "machine": f"{os.cpu_count()} CPUs", "preset": "offline"}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
