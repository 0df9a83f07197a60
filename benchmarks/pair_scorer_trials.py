"""What was tried to make the alignment pair scorer separate same-story look-alikes (another
sentence of the same story: the arrest beside the shooting), and why none of it was kept
(README *How alignment works*). Data: the candidate pairs of the ECB+ fitting topics, collected
as benchmarks/fit_pair_scorer.py does; 5 folds grouped by topic, never by sentence.

1. Candidate level (logistic regression, as fitted): AUC of the true pairs against all other
   candidates and against the look-alike candidates, and the recall of true candidates at the
   score that 20 % of look-alike candidates reach, for
   - FEATURES (the fitted scorer),
   - FEATURES + u*v and/or |u-v| of the two claims' language-centred vectors (384 values each;
     their block scaled down after standardising, which is a stronger L2 on it),
   - FEATURES + a learned low-rank metric, W u . W v (torch, weight decay on W),
   - FEATURES + the document margin: min over both claims of sim(a, b) minus the claim's best
     similarity among the other's document's claims (0: each is the other's best match there).
2. Alignment level: look-alike candidates weighted 1, 2, 3 or 5 in the fit; recall of true
   pairs at 20-35 % of look-alike pairs paired or grouped by `align` on the held-back topics
   (interpolated along the threshold), and the seed recall at <= 20 % look-alikes.

    python benchmarks/pair_scorer_trials.py
"""

from __future__ import annotations

import numpy as np
import torch
from ecbplus import embedder, held_out, share_together, topics
from fit_pair_scorer import ROOT, TARGET_LOOK_ALIKES, load_topic, pair_rates, seed_pairs
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from checker.align import PairScorer, align, find_candidates, fitted_scorer
from checker.claims import extract_claims
from checker.config import Thresholds
from checker.corpus import read_corpus

FOLDS = GroupKFold(n_splits=5)
LOOK_ALIKE_SHARES = (0.20, 0.25, 0.30, 0.35)
THRESHOLDS = np.round(np.arange(0.05, 0.81, 0.05), 2)


def candidate_rows(data: dict) -> dict[str, np.ndarray]:
    """Every fitting topic's candidates: FEATURES, both claims' centred vectors, the document
    margin, true (one ECB+ event), look-alike, topic."""
    rows: dict[str, list] = {k: [] for k in ("features", "u", "v", "margin", "true", "look_alike", "topic")}
    for topic, (sentences, claims, vectors, _, hard) in data.items():
        found = find_candidates(claims, vectors, Thresholds())
        first = [u[0] for u in found.units]
        centred = found.centring.apply(vectors[first], [claims[i].language for i in first])
        similarity = centred @ centred.T
        docs = np.array([claims[i].doc for i in first])
        best_in = {d: similarity[:, docs == d].max(axis=1) for d in sorted(set(docs))}  # each unit's best match in d
        hard = set(hard)
        for row, (a, b) in enumerate(found.pairs):
            rows["features"].append(found.features[row])
            rows["u"].append(centred[a])
            rows["v"].append(centred[b])
            rows["margin"].append(similarity[a, b] - max(best_in[docs[b]][a], best_in[docs[a]][b]))
            rows["true"].append(bool(sentences[first[a]].events & sentences[first[b]].events))
            rows["look_alike"].append((claims[first[a]].id, claims[first[b]].id) in hard)
            rows["topic"].append(topic)
    return {k: np.array(v) for k, v in rows.items()}


def logistic(train: np.ndarray, blocks: list[np.ndarray], true: np.ndarray, scales: list[float], weight=None):
    """Logistic regression on standardised blocks, each multiplied by its scale; returns a scorer of rows."""
    scalers = [StandardScaler().fit(b[train]) for b in blocks]

    def design(rows):
        return np.hstack([s * scaler.transform(b[rows]) for b, scaler, s in zip(blocks, scalers, scales)])

    model = LogisticRegression(max_iter=3000).fit(design(train), true[train], sample_weight=weight)
    return lambda rows: model.decision_function(design(rows))


def low_rank(train: np.ndarray, data: dict, rank: int, decay: float):
    """Logistic on FEATURES plus (W u) . (W v), W of `rank` rows learned with weight decay (Adam, full batch)."""
    torch.manual_seed(0)
    scaler = StandardScaler().fit(data["features"][train])
    tensors = {k: torch.tensor(data[k], dtype=torch.float32) for k in ("u", "v")}
    features = torch.tensor(scaler.transform(data["features"]), dtype=torch.float32)
    linear = torch.nn.Linear(features.shape[1], 1)
    metric = torch.nn.Parameter(torch.randn(rank, tensors["u"].shape[1]) * 0.01)
    optimiser = torch.optim.Adam([{"params": linear.parameters()}, {"params": [metric], "weight_decay": decay}], lr=0.01)

    def logits(rows):
        return linear(features[rows])[:, 0] + ((tensors["u"][rows] @ metric.T) * (tensors["v"][rows] @ metric.T)).sum(1)

    target = torch.tensor(data["true"][train], dtype=torch.float32)
    for _ in range(150):
        optimiser.zero_grad()
        torch.nn.functional.binary_cross_entropy_with_logits(logits(train), target).backward()
        optimiser.step()
    return lambda rows: logits(rows).detach().numpy()


def candidate_trials(data: dict) -> None:
    true, alike = data["true"], data["look_alike"]
    product, gap = data["u"] * data["v"], np.abs(data["u"] - data["v"])
    trials = {
        "FEATURES (fitted)": lambda tr: logistic(tr, [data["features"]], true, [1.0]),
        "+ document margin": lambda tr: logistic(tr, [data["features"], data["margin"][:, None]], true, [1.0, 1.0]),
        **{f"+ u*v, |u-v| (block x{s})": (lambda tr, s=s: logistic(tr, [data["features"], product, gap], true, [1.0, s, s])) for s in (1.0, 0.1, 0.01)},
        **{f"+ u*v (block x{s})": (lambda tr, s=s: logistic(tr, [data["features"], product], true, [1.0, s])) for s in (1.0, 0.01)},
        **{f"+ W u . W v, rank {r}, decay {d}": (lambda tr, r=r, d=d: low_rank(tr, data, r, d)) for r in (8, 32) for d in (0.0, 0.01)},
    }
    for name, fit in trials.items():
        score = np.zeros(len(true))
        for train, test in FOLDS.split(true, true, data["topic"]):
            score[test] = fit(train)(test)
        negatives = np.sort(score[alike & ~true])[::-1]
        at = negatives[int(0.2 * len(negatives))]
        print(f"{name:34s} AUC {roc_auc_score(true, score):.3f}, against look-alikes "
              f"{roc_auc_score(true[true | alike], score[true | alike]):.3f}, recall at 20 % of look-alike candidates "
              f"{(score[true] > at).mean():.1%}", flush=True)


def weighted_scorer(rows: np.ndarray, data: dict, weight: float) -> PairScorer:
    scaler = StandardScaler().fit(data["features"][rows])
    sample = np.where(data["look_alike"][rows] & ~data["true"][rows], weight, 1.0)
    model = LogisticRegression(max_iter=3000).fit(scaler.transform(data["features"][rows]), data["true"][rows], sample_weight=sample)
    split = fitted_scorer()
    return PairScorer(scaler.mean_.astype(np.float32), scaler.scale_.astype(np.float32), model.coef_[0].astype(np.float32),
                      float(model.intercept_[0]), split.threshold, split.event_distance, split.event_anchor_weight)


def weight_trials(data: dict, topic_data: dict) -> None:
    seed = [c for a in read_corpus(ROOT / "articles", 5_000_000) for c in extract_claims(a)]
    seed_vectors = embedder().encode([c.text for c in seed])
    labelled = {label: [(a.id, b.id) for a, b in rows if a and b] for label, rows in seed_pairs(seed).items()}
    for weight in (1.0, 2.0, 3.0, 5.0):
        sums = np.zeros((len(THRESHOLDS), 4))  # true found, true, look-alikes paired, look-alikes
        for train, test in FOLDS.split(data["true"], data["true"], data["topic"]):
            scorer = weighted_scorer(train, data, weight)
            for topic in sorted(set(data["topic"][test])):
                true, hard = len(topic_data[topic][3]), len(topic_data[topic][4])
                for k, threshold in enumerate(THRESHOLDS):
                    recall, alike = pair_rates(scorer, Thresholds(align_min_probability=float(threshold)), [topic_data[topic]])
                    sums[k] += (recall * true, true, alike * hard, hard)
        recall, alike = sums[:, 0] / sums[:, 1], sums[:, 2] / sums[:, 3]
        order = np.argsort(alike, kind="stable")
        scorer = weighted_scorer(np.arange(len(data["true"])), data, weight)
        seed_best = max(
            ((share_together(found, labelled["related"]), -share_together(found, labelled["unrelated"]))
             for found in (align(seed, seed_vectors, Thresholds(align_min_probability=float(t)), scorer) for t in THRESHOLDS)
             if share_together(found, labelled["unrelated"]) <= TARGET_LOOK_ALIKES),
            default=(0.0, 0.0),
        )
        print(f"look-alike weight {weight:g}: held-back topics recall at look-alikes "
              + ", ".join(f"{share:.0%} {np.interp(share, alike[order], recall[order]):.1%}" for share in LOOK_ALIKE_SHARES)
              + f"; seed {seed_best[0]:.1%} at {-seed_best[1]:.1%} look-alikes", flush=True)


def main() -> None:
    embed = embedder()
    topic_data = {t: load_topic(t, embed) for t in topics() if t not in held_out(topics())}
    data = candidate_rows(topic_data)
    print(f"{len(topic_data)} fitting topics, {len(data['true'])} candidate pairs, {data['true'].mean():.1%} true, "
          f"{data['look_alike'].mean():.1%} look-alikes", flush=True)
    candidate_trials(data)
    weight_trials(data, topic_data)


if __name__ == "__main__":
    main()
