"""Alignment quality and scale, in one run. The last line printed is one JSON object.

Quality: share of true pairs paired or grouped ("recall") and of look-alike pairs paired or
grouped, on
- the seed articles (tests/data/alignment_pairs.yaml; German-English pairs separately),
- ECB+ (benchmarks/ecbplus.py), fitting topics and held-out topics apart, each topic's two
  look-alike events in one folder; with event splitting, and with every document in one event,
- labelled corpora events (tests/data/gold/<event>.yaml, gold_eval.py's pair format) where present,
  tune and held-out events apart;
and group purity on ECB+ (share of a group's claims that mention its main event).

Scale: the seed articles plus perturbed copies (words dropped, swapped, figures changed; built
deterministically) at 5, 100 and 1,000 sources; alignment time and peak memory (maximum resident
set of a fresh process that runs only the alignment), and recall of the labelled seed pairs
between copies of the same outlet set.

    python benchmarks/alignment.py [--sizes 5 100 1000]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import re
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import yaml

from ecbplus import (
    ECBPLUS, as_claims, embedder, group_purity, held_out, labelled_group_purity, look_alikes, read_topic, share_together,
    topics, true_pairs, write_event,
)
from fit_pair_scorer import CORPORA, SEED_PAIRS, TUNE_EVENTS, seed_pairs
from checker.align import align, find_candidates, fitted_scorer
from checker.claims import extract_claims
from checker.config import Thresholds
from checker.corpus import read_corpus
from checker.records import Article, Claim

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "articles"
GOLD_DIRS = [ROOT / "tests" / "data" / "gold", *sorted(ROOT.parent.glob("gold*/tests/data/gold"))]
# Never used to fit or choose alignment (the discrepancy rules were tuned on the first three from
# 2026-12-06 on; the ECB+ events, written from ../shared/ecbplus by write_event, on nothing).
HELD_OUT_EVENTS = ("paris-jewellery-heist-2013", "mount-cook-climbers-2013", "troy-office-shooting-2007")
HELD_OUT_ECBPLUS = ("32-ecbplus", "21-ecbplus", "4-ecb")
PERTURBED_WORDS = 0.002  # share of words changed in a copy


def rates(alignment, pairs: list[tuple[Claim, Claim]]) -> dict[str, float | int]:
    ids = [(a.id, b.id) for a, b in pairs if a and b]
    return {"share": round(share_together(alignment, ids), 4), "pairs": len(ids)}


def seed_quality(embed) -> dict:
    claims = [c for a in read_corpus(SEED, 5_000_000) for c in extract_claims(a)]
    alignment = align(claims, embed.encode([c.text for c in claims]), Thresholds())
    labelled = seed_pairs(claims)
    result = {"other_event_documents": [d for event in alignment.events[1:] for d in event]}
    result["labelled_group_purity"] = round(labelled_group_purity(
        alignment, *([(a.id, b.id) for a, b in labelled[label] if a and b] for label in ("related", "unrelated"))
    ), 4)
    for name, keep in (("all", lambda a, b: True), ("de_en", lambda a, b: a.language != b.language),
                       ("same_language", lambda a, b: a.language == b.language)):
        result[name] = {
            "recall": rates(alignment, [(a, b) for a, b in labelled["related"] if keep(a, b)]),
            "look_alikes": rates(alignment, [(a, b) for a, b in labelled["unrelated"] if keep(a, b)]),
        }
    return result


def ecbplus_quality(embed) -> dict:
    every = topics()
    held = held_out(every)
    split_off = replace(fitted_scorer(), event_distance=np.inf)
    totals: dict[str, dict[str, list[float]]] = {}
    per_topic = {}
    for topic in every:
        sentences = read_topic(topic)
        claims = as_claims(sentences)
        vectors = embed.encode([c.text for c in claims])
        true = [(claims[i].id, claims[j].id) for i, j in true_pairs(sentences)]
        hard = [(claims[i].id, claims[j].id) for i, j in look_alikes(sentences, vectors)]
        part = "held_out" if topic in held else "fitting"
        candidates = _candidate_share(claims, vectors, true)
        for mode, scorer in (("events_split", None), ("one_event", split_off)):
            alignment = align(claims, vectors, Thresholds(), scorer)
            sums = totals.setdefault(f"{part}/{mode}", {"true": [0, 0], "alike": [0, 0], "purity": [], "candidates": 0})
            sums["candidates"] += candidates * len(true) if true else 0
            sums["true"][0] += share_together(alignment, true) * len(true) if true else 0
            sums["true"][1] += len(true)
            sums["alike"][0] += share_together(alignment, hard) * len(hard) if hard else 0
            sums["alike"][1] += len(hard)
            sums["purity"].append(group_purity(alignment, sentences))
            if part == "held_out" and mode == "events_split":
                per_topic[topic] = {"recall": round(share_together(alignment, true), 4), "look_alikes": round(share_together(alignment, hard), 4)}
    result = {
        key: {
            "recall": round(s["true"][0] / s["true"][1], 4),
            "look_alikes": round(s["alike"][0] / s["alike"][1], 4),
            "true_pairs": s["true"][1],
            # where recall is lost: true pairs the search offers the scorer (one claim of a
            # pair of copies stands for both) before the event split, scorer and caps
            "true_pairs_among_candidates": round(s["candidates"] / s["true"][1], 4),
            "look_alike_pairs": s["alike"][1],
            "group_purity": round(float(np.nanmean(s["purity"])), 4),
        }
        for key, s in sorted(totals.items())
    }
    result["held_out_topics"] = per_topic
    return result


def _candidate_share(claims: list[Claim], vectors: np.ndarray, true: list[tuple[str, str]]) -> float:
    """Share of the true pairs that candidate search offers the scorer, every document in one event."""
    return float(np.mean(offered(claims, vectors, true)[0])) if true else float("nan")


def offered(claims: list[Claim], vectors: np.ndarray, pairs: list[tuple[str, str]],
            thresholds: Thresholds = Thresholds()) -> tuple[list[bool], set[frozenset[str]]]:
    """For each claim pair: does candidate search offer it to the scorer (one claim of a pair of
    copies stands for both), every document in one event? And the candidates (first claims' ids)."""
    order = sorted(range(len(claims)), key=lambda i: (claims[i].doc, claims[i].start))
    ordered = [claims[i] for i in order]
    found = find_candidates(ordered, vectors[order], thresholds)
    unit_of = {ordered[m].id: u for u, members in enumerate(found.units) for m in members}
    candidates = {(int(a), int(b)) for a, b in found.pairs}
    hits = [unit_of[a] == unit_of[b] or (min(unit_of[a], unit_of[b]), max(unit_of[a], unit_of[b])) in candidates for a, b in pairs]
    first = [ordered[u[0]].id for u in found.units]
    return hits, {frozenset((first[a], first[b])) for a, b in candidates}


def gold_quality(embed) -> dict:
    """Labelled events (gold_eval.py's pair format), wherever a gold file and the texts exist."""
    result = {}
    with tempfile.TemporaryDirectory() as scratch:
        folders = {event: CORPORA / event for event in TUNE_EVENTS + HELD_OUT_EVENTS}
        if ECBPLUS.is_dir():
            for event in HELD_OUT_ECBPLUS:
                folders[f"ecb-{event}"] = Path(scratch) / event
                write_event(*event.split("-"), folders[f"ecb-{event}"])
        for event, folder in folders.items():
            result.update(_gold_quality(embed, event, folder))
    return result


def _gold_quality(embed, event: str, folder: Path) -> dict:
    gold = next((d / f"{event}.yaml" for d in GOLD_DIRS if (d / f"{event}.yaml").is_file()), None)
    if gold is None or not folder.is_dir():
        return {}
    articles = read_corpus(folder, 5_000_000)
    claims = [c for a in articles for c in extract_claims(a)]
    alignment = align(claims, embed.encode([c.text for c in claims]), Thresholds())
    text_of = {a.id: a.text for a in articles}
    true, alike = [], []
    for row in yaml.safe_load(gold.read_text(encoding="utf-8")) or []:
        a, b = (_covering(claims, text_of, row[side]) for side in ("a", "b"))
        if a and b:
            (alike if row["label"] == "UNRELATED_HARD" else true).append((a, b))
    part = "tune" if event in TUNE_EVENTS else "held_out"
    return {f"{part}/{event}": {
        "recall": rates(alignment, true),
        "look_alikes": rates(alignment, alike),
        "labelled_group_purity": round(labelled_group_purity(
            alignment, [(a.id, b.id) for a, b in true], [(a.id, b.id) for a, b in alike]
        ), 4),
    }}


def _covering(claims: list[Claim], text_of: dict[str, str], side: dict) -> Claim | None:
    """The claim that covers most of a labelled text (doc = file stem or its part before '_')."""
    doc = next((d for d in text_of if d == side["doc"] or d.split("_")[0] == side["doc"]), None)
    if doc is None or side["text"] not in text_of[doc]:
        return None
    start = text_of[doc].index(side["text"])
    end = start + len(side["text"])
    overlaps = [(min(end, c.end) - max(start, c.start), c) for c in claims if c.doc == doc]
    best = max(overlaps, key=lambda o: o[0], default=(0, None))
    return best[1] if best[0] > 0 else None


def copies(seed: list[Article], sources: int, protected: list[str]) -> list[Article]:
    """`sources` articles: the seed ones, then copies of them with some words dropped, swapped
    or (figures) changed; the labelled claim starts are left alone so they can be found."""
    result = []
    for n in range(sources):
        original = seed[n % len(seed)]
        if n < len(seed):
            result.append(replace(original, id=f"{n:04d}-{original.id}"))
        else:  # furniture spans no longer fit the changed text: a copy's furniture becomes claims too
            text = _perturb(original.text, random.Random(n), protected)
            result.append(replace(original, id=f"{n:04d}-{original.id}", text=text, removed=()))
    return result


def _perturb(text: str, rng: random.Random, protected: list[str]) -> str:
    keep = np.zeros(len(text) + 1, dtype=bool)
    for start in protected:
        for match in re.finditer(re.escape(start), text):
            keep[match.start():match.end()] = True
    words = list(re.finditer(r"[^\s]+", text))
    out, last = [], 0
    for i, word in enumerate(words):
        out.append(text[last:word.start()])
        last = word.end()
        token = word.group()
        if keep[word.start():word.end()].any() or rng.random() >= PERTURBED_WORDS:
            out.append(token)
        elif token.isdigit():
            out.append(str(int(token) + 1))
        elif rng.random() < 0.5 and i + 1 < len(words):
            out.append(words[i + 1].group() + " " + token)  # swap with the next word ...
            last = words[i + 1].end()
            words[i + 1] = re.match(r".*", "")  # ... which is then consumed
        # else: the word is dropped
    out.append(text[last:])
    return re.sub(r" {2,}", " ", "".join(o for o in out if o is not None))


def _align_in_fresh_process(claims: list[Claim], vectors: np.ndarray, queue) -> None:
    started = time.perf_counter()
    alignment = align(claims, vectors, Thresholds())
    elapsed = time.perf_counter() - started
    queue.put((elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20, alignment))


def scale(embed, sizes: list[int]) -> dict:
    seed = read_corpus(SEED, 5_000_000)
    data = yaml.safe_load(SEED_PAIRS.read_text(encoding="utf-8"))
    starts = sorted({row[i] for row in data["related"] for i in (1, 3)})
    result = {}
    context = multiprocessing.get_context("spawn")
    for sources in sizes:
        articles = copies(seed, sources, starts)
        claims = [c for a in articles for c in extract_claims(a)]
        vectors = embed.encode([c.text for c in claims])
        queue = context.Queue()
        worker = context.Process(target=_align_in_fresh_process, args=(claims, vectors, queue))
        worker.start()
        elapsed, peak_gb, alignment = queue.get()
        worker.join()
        found = []
        for copy in range(0, sources - len(seed) + 1, len(seed)):  # one outlet set per copy round
            docs = {a.id for a in articles[copy:copy + len(seed)]}
            mine = [replace(c, doc=c.doc[5:]) for c in claims if c.doc in docs]  # original ids, to find the labelled starts
            pairs = [(a, b) for a, b in seed_pairs(mine)["related"] if a and b]
            found.append(share_together(alignment, [(a.id, b.id) for a, b in pairs]))
        result[sources] = {
            "claims": len(claims),
            "pairs": len(alignment.pairs),
            "groups": len(alignment.groups),
            "align_s": round(elapsed, 3),
            "peak_memory_gb": round(peak_gb, 3),
            "recall_on_copies": round(float(np.mean(found)), 4),
        }
        print(f"{sources} sources: {result[sources]}", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 100, 1000])
    sizes = parser.parse_args().sizes
    embed = embedder()
    summary: dict = {"seed": seed_quality(embed)}
    print("seed:", json.dumps(summary["seed"]), flush=True)
    summary["ecbplus"] = ecbplus_quality(embed)
    print("ecbplus:", json.dumps(summary["ecbplus"]), flush=True)
    summary["corpora_gold"] = gold_quality(embed)
    summary["scale"] = scale(embed, sizes)
    small, large = min(sizes), max(sizes)
    a, b = summary["scale"][small], summary["scale"][large]
    summary[f"time_ratio_{large}_vs_{small}"] = round(b["align_s"] / a["align_s"], 2)
    summary[f"claims_ratio_{large}_vs_{small}"] = round(b["claims"] / a["claims"], 2)
    summary[f"peak_memory_gb_{large}"] = b["peak_memory_gb"]
    held = summary["ecbplus"].get("held_out/events_split", {})
    summary["ecbplus_held_out_recall"] = held.get("recall")
    summary["ecbplus_held_out_look_alikes"] = held.get("look_alikes")
    summary["seed_recall"] = summary["seed"]["all"]["recall"]["share"]
    summary["seed_look_alikes"] = summary["seed"]["all"]["look_alikes"]["share"]
    summary["seed_de_en_recall"] = summary["seed"]["de_en"]["recall"]["share"]
    summary["group_purity_held_out"] = held.get("group_purity")
    print(json.dumps(summary, sort_keys=True), file=sys.stdout)


if __name__ == "__main__":
    main()
