"""Alignment stage: claims + embeddings -> candidate pairs across documents -> claim groups.

Raw cosines of a multilingual model sit in a narrow band (0.78-0.90 for everything on one story)
and favour same-language pairs. Subtracting each language's mean vector removes both the shared
topic and the language offset, which separates true pairs from look-alikes better (measured on
tests/data/alignment_pairs.yaml: AUC 0.758 vs 0.747; see README). Many true cross-source pairs
are not paraphrases, so the score adds a bonus for shared anchors: names and numbers, rare ones
weighing more (IDF over the claims), with cross-lingual variants folded ("Kolumbien" = "Colombia").

Cost: one similarity matrix (cheap dot products), then each claim keeps at most `top_k` matches
per other document and `max_partners` partners overall, so the number of pairs handed to NLI grows
linearly with the number of claims, not with the square of the number of sources.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter

import numpy as np

from checker.config import Thresholds
from checker.model import Alignment, CandidatePair, Claim, ClaimGroup
from checker.names import anchors, inner_names


def align(claims: list[Claim], vectors: np.ndarray, thresholds: Thresholds) -> Alignment:
    if len(claims) < 2:
        return Alignment(pairs=(), groups=())
    order = sorted(range(len(claims)), key=lambda i: (claims[i].doc, claims[i].start))
    claims = [claims[i] for i in order]
    similarity, overlap, score = score_matrices(claims, vectors[order], thresholds)
    docs = np.array([c.doc for c in claims])
    lowest = min(thresholds.align_floor, thresholds.align_mutual, thresholds.align_strong)

    best_in: dict[tuple[int, str], int] = {}  # (claim, other doc) -> its best match there
    candidates: set[tuple[int, int]] = set()
    for d in sorted(set(docs)):
        cols = np.flatnonzero(docs == d)
        top = cols[np.argsort(-score[:, cols], axis=1, kind="stable")[:, : thresholds.top_k]]
        for i in np.flatnonzero(docs != d):
            best_in[(i, d)] = int(top[i, 0])
            candidates.update((min(i, int(j)), max(i, int(j))) for j in top[i] if score[i, j] >= lowest)

    accepted = []
    for i, j in sorted(candidates):
        best_i, best_j = best_in[(i, docs[j])] == j, best_in[(j, docs[i])] == i
        if best_i and best_j:
            needed = thresholds.align_mutual
        elif best_i or best_j:
            needed = thresholds.align_floor
        else:
            needed = thresholds.align_strong
        if score[i, j] >= needed:
            accepted.append((i, j, bool(best_i and best_j)))
    accepted = _cap_partners(accepted, score, thresholds.max_partners)

    pairs = tuple(
        CandidatePair(
            a=claims[i].id,
            b=claims[j].id,
            similarity=round(float(similarity[i, j]), 4),
            anchor_overlap=round(float(overlap[i, j]), 4),
            score=round(float(score[i, j]), 4),
            mutual=mutual,
        )
        for i, j, mutual in accepted
    )
    edges = sorted(((float(score[i, j]), i, j) for i, j, _ in accepted), key=lambda e: (-e[0], e[1], e[2]))
    return Alignment(pairs=pairs, groups=_groups(claims, edges, thresholds.group_claims_per_doc))


class CorpusScorer:
    """Scores texts against a corpus's claims, with statistics taken from the corpus alone:
    each language's mean vector (the corpus mean for languages with fewer than `min_claims`
    claims) and the anchors' IDF. So a query's score never depends on other queries."""

    def __init__(self, claims: list[Claim], vectors: np.ndarray, thresholds: Thresholds, min_claims: int = 10):
        languages = np.array([c.language for c in claims])
        self._global_mean = vectors.mean(axis=0)
        self._means = {
            language: vectors[languages == language].mean(axis=0)
            for language in sorted(set(languages))
            if (languages == language).sum() >= min_claims
        }
        self._weight = thresholds.anchor_weight
        self._names = inner_names([c.text for c in claims])
        corpus_anchors = [anchors(c.text, self._names) for c in claims]
        self._vocabulary = {a: n for n, a in enumerate(sorted(set().union(*corpus_anchors)))}
        frequency = Counter(a for found in corpus_anchors for a in found)
        self._idf = np.array(
            [math.log(1 + len(claims) / frequency[a]) for a in self._vocabulary], dtype=np.float32
        )
        self._unseen_idf = math.log(1 + len(claims))  # an anchor the corpus never uses
        self._centred = self.centre(vectors, list(languages))
        self._docs = [c.doc for c in claims]
        self._hubness: np.ndarray | None = None
        self._incidence, self._own = self._anchor_rows(corpus_anchors)

    def centre(self, vectors: np.ndarray, languages: list[str]) -> np.ndarray:
        centred = np.stack([v - self._means.get(lang, self._global_mean) for v, lang in zip(vectors, languages)])
        norms = np.linalg.norm(centred, axis=1, keepdims=True)
        return centred / np.where(norms == 0, 1, norms)

    def _anchor_rows(self, anchor_sets: list[frozenset[str]]) -> tuple[np.ndarray, np.ndarray]:
        """Incidence rows over the corpus vocabulary, and each row's own IDF weight."""
        incidence = np.zeros((len(anchor_sets), len(self._vocabulary)), dtype=np.float32)
        own = np.zeros(len(anchor_sets), dtype=np.float32)
        for row, found in enumerate(anchor_sets):
            known = [self._vocabulary[a] for a in found if a in self._vocabulary]
            incidence[row, known] = 1.0
            own[row] = self._idf[known].sum() + self._unseen_idf * (len(found) - len(known))
        return incidence, own

    def hub_corrected(self, scores: np.ndarray, k: int = 5) -> np.ndarray:
        """CSLS (Conneau et al. 2018) for queries x corpus scores: 2 s - r(query) - r(claim),
        r being the mean of a point's k best scores. A generic sentence that scores well with
        everything (a "hub") stops winning every query; the query's r is its own, so one
        query's result never depends on another's."""
        if self._hubness is None:
            _, _, corpus = self.corpus_matrices()
            docs = np.array(self._docs)
            corpus[docs[:, None] == docs[None, :]] = -np.inf  # a claim's own document is not its neighbourhood
            self._hubness = np.sort(corpus, axis=1)[:, -k:].mean(axis=1)
        query_r = np.sort(scores, axis=1)[:, -k:].mean(axis=1)
        return 2 * scores - query_r[:, None] - self._hubness[None, :]

    def corpus_matrices(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(similarity, anchor overlap, score) of every two corpus claims."""
        return self._matrices(self._centred, self._incidence, self._own)

    def score_texts(
        self, texts: list[str], vectors: np.ndarray, languages: list[str]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(similarity, anchor overlap, score) of each text against each corpus claim."""
        incidence, own = self._anchor_rows([anchors(t, self._names) for t in texts])
        return self._matrices(self.centre(vectors, languages), incidence, own)

    def _matrices(self, centred, incidence, own) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        similarity = centred @ self._centred.T
        shared = (incidence * self._idf) @ self._incidence.T
        smaller = np.minimum.outer(own, self._own)
        overlap = np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)
        return similarity, overlap, similarity + self._weight * overlap


def score_matrices(
    claims: list[Claim], vectors: np.ndarray, thresholds: Thresholds
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(similarity, anchor overlap, score) of every two claims, in the order given."""
    return CorpusScorer(claims, vectors, thresholds).corpus_matrices()


def _cap_partners(accepted: list[tuple[int, int, bool]], score: np.ndarray, cap: int) -> list[tuple[int, int, bool]]:
    """Keep a pair only if it is among the `cap` best of both its claims."""
    ranked: dict[int, list[tuple[float, int, int]]] = {}
    for i, j, _ in accepted:
        ranked.setdefault(i, []).append((-score[i, j], j, i))
        ranked.setdefault(j, []).append((-score[i, j], i, j))
    kept = {c: {other for _, other, _ in sorted(r)[:cap]} for c, r in ranked.items()}
    return [(i, j, m) for i, j, m in accepted if j in kept[i] and i in kept[j]]


def _groups(claims: list[Claim], edges: list[tuple[float, int, int]], per_doc: int) -> tuple[ClaimGroup, ...]:
    """Merge along the strongest pairs first; a merge that would give one document more than
    `per_doc` claims in a group is skipped, so weak links cannot chain everything together."""
    group_of = list(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    for _, i, j in edges:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        merged = members[gi] + members[gj]
        if max(Counter(claims[m].doc for m in merged).values()) > per_doc:
            continue
        keep, drop = min(gi, gj), max(gi, gj)
        members[keep] = sorted(merged)
        for m in members.pop(drop):
            group_of[m] = keep
    groups = []
    for ids in sorted(members.values()):
        if len(ids) < 2:
            continue
        claim_ids = tuple(claims[m].id for m in ids)
        digest = hashlib.sha1("\n".join(sorted(claim_ids)).encode()).hexdigest()[:10]
        groups.append(ClaimGroup(id=f"g-{digest}", claims=claim_ids))
    return tuple(groups)
