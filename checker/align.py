"""Alignment stage: claims + embeddings -> events -> candidate pairs across documents -> claim groups.

1. Events. Two articles on one event share facts and names, so documents are clustered (average
   linkage) by how well each one's claims find a close claim in the other, mixed with the share of
   names and numbers they have in common (a look-alike event, another earthquake, is told in the
   same words with other names); a folder that mixes events is split, and each event is aligned
   on its own, so an article about another event is never paired with the coverage of the main one.
2. Copies. Claims with the same normalised text, and near-identical ones (raw cosine of at
   least `fold_similarity`: wire copy with a word changed), are folded into one unit before the
   search, so 100 copies of an AP story cost one unit and cannot crowd true pairs out of a
   claim's nearest neighbours. Each copy is paired with its unit's first claim.
3. Candidates. Every unit's nearest units of other documents (exact inner-product search in
   faiss, blocked, so no claims x claims matrix is ever held): `top_k` times the number of other
   documents (up to `max_searched_sources`), taken over all of them, so a close document can hold
   several places and a far one none; the number grows with the sources.
4. Scoring. A logistic model learned on ECB+ cross-document event coreference (data/pair_scorer.json,
   fitted by benchmarks/fit_pair_scorer.py, split by topic) gives each candidate the probability
   that both claims report one event, from language-centred similarity, hub-corrected similarity,
   rank features, shared names and numbers (IDF-weighted, cross-lingual variants folded), length
   and position. Pairs reaching `align_min_probability` are kept.

Raw cosines of a multilingual model sit in a narrow band and favour same-language pairs;
subtracting each language's mean vector removes both the shared topic and the language offset.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, cached_property

import faiss
import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from checker.config import Thresholds, fitted_pair_scorer
from checker.embed import unit_rows
from checker.lexical import IdfIndex
from checker.names import anchors, inner_names
from checker.normalize import normalize
from checker.records import Alignment, CandidatePair, Claim, ClaimGroup

FEATURES = (
    "similarity",  # cosine of language-centred vectors
    "raw_similarity",
    "hub_corrected",  # CSLS: similarity minus both claims' mean similarity to their neighbours
    "best_rank",  # log(1 + rank) of the pair in the better of the two neighbour lists
    "worst_rank",
    "document_rank",  # log(1 + rank) among the neighbours from the partner's document
    "anchor_overlap",  # IDF-weighted share of names and numbers in common
    "anchored",  # both claims have names or numbers
    "same_language",
    "length_ratio",  # |log(len a / len b)|
    "position_gap",  # difference of the claims' relative positions in their articles
)
HUB_NEIGHBOURS = 5
FOLD_NEIGHBOURS = 8  # copies of a claim are found among its nearest neighbours
OWN_DOCUMENT_ROOM = 64
MAX_EVENT_DOCUMENTS = 300  # distinct articles compared for the event split


@dataclass(frozen=True)
class PairScorer:
    """Logistic regression over FEATURES, standardised; weights from data/pair_scorer.json."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float  # the probability chosen on the fitting topics (align_min_probability)
    event_distance: float  # documents further apart (average linkage on 1 - event similarity) are other events
    event_anchor_weight: float  # share of the names and numbers two documents have in common in their event similarity

    def probability(self, features: np.ndarray) -> np.ndarray:
        z = ((features - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self) -> dict:
        return {
            "features": list(FEATURES),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "weights": self.weights.round(6).tolist(),
            "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 4),
            "event_distance": round(self.event_distance, 4),
            "event_anchor_weight": round(self.event_anchor_weight, 4),
        }


@cache
def fitted_scorer() -> PairScorer:
    data = fitted_pair_scorer()
    if tuple(data["features"]) != FEATURES:
        raise ValueError("checker/data/pair_scorer.json was fitted on other features: refit it")
    return PairScorer(
        mean=np.array(data["mean"], dtype=np.float32),
        scale=np.array(data["scale"], dtype=np.float32),
        weights=np.array(data["weights"], dtype=np.float32),
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        event_distance=float(data["event_distance"]),
        event_anchor_weight=float(data["event_anchor_weight"]),
    )


@dataclass(frozen=True)
class Centring:
    """Each language's mean vector (the overall mean for languages with fewer than `min_claims`
    claims), subtracted before cosines are taken."""

    means: dict[str, np.ndarray]
    overall: np.ndarray

    @classmethod
    def of(cls, vectors: np.ndarray, languages: list[str], min_claims: int = 10) -> Centring:
        array = np.array(languages)
        means = {
            language: vectors[array == language].mean(axis=0)
            for language in sorted(set(languages))
            if (array == language).sum() >= min_claims
        }
        return cls(means, vectors.mean(axis=0))

    def apply(self, vectors: np.ndarray, languages: list[str]) -> np.ndarray:
        offsets = np.stack([self.means.get(language, self.overall) for language in languages])
        return unit_rows(vectors - offsets)


def centre(vectors: np.ndarray, languages: list[str]) -> np.ndarray:
    return Centring.of(vectors, languages).apply(vectors, languages)


@dataclass(frozen=True)
class Candidates:
    """Claims folded into units (first member = representative) and the candidate unit pairs."""

    units: list[list[int]]  # claim indices, in claim order
    pairs: np.ndarray  # (m, 2) unit indices, first < second
    features: np.ndarray  # (m, len(FEATURES))
    mutual: np.ndarray  # (m,) each unit is the other's best match in the other's document
    centring: Centring
    names: frozenset[str]
    idf: dict[str, float]
    anchors: list[frozenset[str]]  # each unit's names and numbers

    @classmethod
    def statistics(cls, claims: list[Claim], vectors: np.ndarray, units: list[list[int]]) -> Candidates:
        """The event's measure, no pairs yet: centring, inner names and the anchors' IDF, all over
        the units' first claims, so copies count once."""
        unit_claims = [claims[u[0]] for u in units]
        centring = Centring.of(vectors[[u[0] for u in units]], [c.language for c in unit_claims])
        names = inner_names([c.text for c in unit_claims])
        anchor_sets = [anchors(c.text, names) for c in unit_claims]
        frequency = Counter(a for found in anchor_sets for a in found)
        idf = {a: math.log(1 + len(units) / n) for a, n in frequency.items()}
        empty = np.zeros((0, len(FEATURES)), np.float32)
        return cls(units, np.zeros((0, 2), np.int64), empty, np.zeros(0, bool), centring, names, idf, anchor_sets)

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        """IDF-weighted share of names and numbers in common, over the smaller claim's."""
        unseen = math.log(1 + len(self.units))
        smaller = min(sum(self.idf.get(x, unseen) for x in a), sum(self.idf.get(x, unseen) for x in b))
        return sum(self.idf.get(x, unseen) for x in a & b) / smaller if smaller > 0 else 0.0


@dataclass(frozen=True, eq=False)  # arrays: identity is the only equality that makes sense
class EventMeasure:
    """The aligner's measure of two claims of one event, a CandidatePair's similarity, anchor_overlap
    and score: the cosine of their vectors centred by the event's language means, plus
    anchor_weight times their share of names and numbers in common, IDF over the event's units."""

    claims: list[Claim]  # the event's aligned claims, in (doc, start) order
    vectors: np.ndarray
    found: Candidates  # its units hold every claim
    anchor_weight: float

    @cached_property
    def centred(self) -> np.ndarray:
        """Every claim's vector centred, once for all its pairs (row by row what centring two gives)."""
        return self.found.centring.apply(self.vectors, [c.language for c in self.claims])

    @cached_property
    def anchors(self) -> list[frozenset[str]]:
        """Every claim's names and numbers, once for all its pairs: a unit's first claim has its
        unit's, read when the event's statistics were; its copies are read here."""
        found: list[frozenset[str] | None] = [None] * len(self.claims)
        for members, first in zip(self.found.units, self.found.anchors):
            found[members[0]] = first
            for m in members[1:]:
                found[m] = anchors(self.claims[m].text, self.found.names)
        return found

    def pair(self, a: int, b: int, mutual: bool) -> CandidatePair:
        claims = self.claims
        first, second = sorted((a, b), key=lambda i: (claims[i].doc, claims[i].start))
        similarity = float(self.centred[first] @ self.centred[second])
        overlap = self.found.overlap(self.anchors[first], self.anchors[second])
        return CandidatePair(
            a=claims[first].id,
            b=claims[second].id,
            similarity=round(similarity, 4),
            anchor_overlap=round(overlap, 4),
            score=round(similarity + self.anchor_weight * overlap, 4),
            mutual=mutual,
        )


def align(claims: list[Claim], vectors: np.ndarray, thresholds: Thresholds, scorer: PairScorer | None = None) -> Alignment:
    scorer = scorer or fitted_scorer()
    # Headlines are not aligned: each sums its article up, so it would be every claim's near
    # neighbour, crowding true partners out and pairing with background sentences. A document
    # with nothing but its headline still joins an event by it, so that its figures meet the
    # event's in the fact sets.
    with_body = {c.doc for c in claims if not c.headline}
    told = sorted((i for i, c in enumerate(claims) if not c.headline or c.doc not in with_body),
                  key=lambda i: (claims[i].doc, claims[i].start))
    events = detect_events([claims[i] for i in told], vectors[told], scorer.event_distance, scorer.event_anchor_weight,
                           thresholds.fold_similarity)
    order = _aligned_rows(claims)
    claims = [claims[i] for i in order]
    vectors = vectors[order]
    pairs: list[CandidatePair] = []
    groups: list[ClaimGroup] = []
    copies: list[tuple[str, ...]] = []
    for docs in events:
        members = [i for i, c in enumerate(claims) if c.doc in docs]
        event_pairs, event_groups, event_copies = _align_event([claims[i] for i in members], vectors[members], thresholds, scorer)
        pairs += event_pairs
        groups += event_groups
        copies += event_copies
    return Alignment(
        pairs=tuple(sorted(pairs, key=lambda p: (p.a, p.b))),
        groups=tuple(sorted(groups, key=lambda g: g.claims)),
        events=events,
        copies=tuple(sorted(copies)),
    )


def _aligned_rows(claims: list[Claim]) -> list[int]:
    """The claims the aligner pairs, all but headlines, in (doc, start) order."""
    return sorted((i for i, c in enumerate(claims) if not c.headline), key=lambda i: (claims[i].doc, claims[i].start))


def measured_pairs(
    claims: list[Claim], vectors: np.ndarray, alignment: Alignment, thresholds: Thresholds, pairs: list[tuple[str, str]]
) -> list[CandidatePair]:
    """Each pair of claim ids (two aligned claims of one event) as the aligner's own EventMeasure
    scores it within its event, not mutual: the event's statistics are rebuilt from its claims
    folded as alignment.copies says, once per event that holds a pair, so the cost is linear in the
    claims and the pairs. `claims` and `vectors` are those given to align()."""
    event_of = {doc: n for n, docs in enumerate(alignment.events) for doc in docs}
    doc_of = {c.id: c.doc for c in claims}
    asked: dict[int, list[tuple[str, str]]] = {}
    for a, b in pairs:
        asked.setdefault(event_of[doc_of[a]], []).append((a, b))
    members: dict[int, list[int]] = {}
    for i in _aligned_rows(claims):
        members.setdefault(event_of.get(claims[i].doc, -1), []).append(i)
    copies: dict[int, list[tuple[str, ...]]] = {}
    for copy in alignment.copies:
        copies.setdefault(event_of[doc_of[copy[0]]], []).append(copy)
    scored: dict[tuple[str, str], CandidatePair] = {}
    for event, event_pairs in sorted(asked.items()):
        event_claims, event_vectors = [claims[i] for i in members[event]], vectors[members[event]]
        index = {c.id: k for k, c in enumerate(event_claims)}
        folded = [[index[c] for c in copy] for copy in copies.get(event, [])]
        units = sorted(folded + [[k] for k in sorted(set(range(len(event_claims))).difference(*folded))])
        measure = EventMeasure(event_claims, event_vectors, Candidates.statistics(event_claims, event_vectors, units),
                               thresholds.anchor_weight)
        scored |= {(a, b): measure.pair(index[a], index[b], False) for a, b in event_pairs}
    return [scored[pair] for pair in pairs]


def detect_events(
    claims: list[Claim], vectors: np.ndarray, distance: float, anchor_weight: float, fold_similarity: float = 0.97
) -> tuple[tuple[str, ...], ...]:
    """Documents grouped into events, the largest first (ties: by first document); see
    DocumentSimilarity. Above MAX_EVENT_DOCUMENTS distinct articles the comparison (quadratic in
    claims) is skipped: one event."""
    docs = sorted({c.doc for c in claims})
    if len(docs) < 3:
        return (tuple(docs),) if docs else ()
    similarity = DocumentSimilarity.of(claims, vectors, fold_similarity)
    if similarity is None or len(similarity.kinds) < 2:
        return (tuple(docs),)
    return similarity.events(distance, anchor_weight)


@dataclass(frozen=True, eq=False)  # arrays: identity is the only equality that makes sense
class DocumentSimilarity:
    """How alike documents are as reports of one event.

    Two articles on one event share facts and names: each claim of one finds a close claim in the
    other, and both name the same people, places, dates and figures (a look-alike event, another
    earthquake, is told in the same words but with other names and numbers). So two measures:
    `claims`, the mean over both articles' claims of the best language-centred cosine in the other
    article, and `anchors`, the IDF-weighted share of their names and numbers in common. Copies
    (articles made of the same folded claims) are one kind, compared once."""

    kinds: list[list[str]]  # documents made of the same folded claims
    claims: np.ndarray  # kinds x kinds
    anchors: np.ndarray  # kinds x kinds

    @classmethod
    def of(cls, claims: list[Claim], vectors: np.ndarray, fold_similarity: float) -> DocumentSimilarity | None:
        """None above MAX_EVENT_DOCUMENTS distinct articles: the comparison is quadratic in claims."""
        units = _fold(claims, vectors, fold_similarity)
        unit_of = {m: u for u, members in enumerate(units) for m in members}
        units_of_doc: dict[str, set[int]] = {}
        for i, c in enumerate(claims):
            units_of_doc.setdefault(c.doc, set()).add(unit_of[i])
        by_shape: dict[tuple[int, ...], list[str]] = {}  # a document's units -> the documents made of them
        for doc in sorted(units_of_doc):
            by_shape.setdefault(tuple(sorted(units_of_doc[doc])), []).append(doc)
        shapes = sorted(by_shape)
        kinds = [by_shape[shape] for shape in shapes]
        if len(shapes) > MAX_EVENT_DOCUMENTS:
            return None
        representatives = [claims[u[0]] for u in units]
        centred = centre(vectors[[u[0] for u in units]], [c.language for c in representatives])
        best = np.zeros((len(shapes), len(shapes)))
        for a, own in enumerate(shapes):
            scores = centred[list(own)] @ centred.T
            for b, other in enumerate(shapes):
                best[a, b] = scores[:, list(other)].max(axis=1).mean()
        names = inner_names([c.text for c in representatives])
        unit_anchors = [anchors(c.text, names) for c in representatives]
        shape_anchors = [frozenset().union(*(unit_anchors[u] for u in shape)) for shape in shapes]
        return cls(kinds, (best + best.T) / 2, _shared_share(shape_anchors))

    def events(self, distance: float, anchor_weight: float) -> tuple[tuple[str, ...], ...]:
        """Average-linkage clusters on 1 - the mixed similarity, cut at `distance`."""
        similarity = (1 - anchor_weight) * self.claims + anchor_weight * self.anchors
        gaps = np.clip(1 - similarity, 0, None)
        np.fill_diagonal(gaps, 0)
        labels = fcluster(linkage(squareform(gaps, checks=False), method="average"), t=distance, criterion="distance")
        events: dict[int, list[str]] = {}
        for kind, label in zip(self.kinds, labels):
            events.setdefault(int(label), []).extend(kind)
        return tuple(tuple(sorted(d)) for d in sorted(events.values(), key=lambda d: (-len(d), min(d))))


def _shared_share(anchor_sets: list[frozenset[str]]) -> np.ndarray:
    """IDF-weighted Jaccard of every two anchor sets (IDF over the sets): rare names shared count most."""
    index = IdfIndex(anchor_sets, unseen_rows=1)  # every anchor is seen: the sets are the corpus
    incidence, own = index.rows(anchor_sets)
    shared = index.shared_weight(incidence, incidence).astype(np.float64)
    union = own[:, None] + own[None, :] - shared
    return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)


def find_candidates(claims: list[Claim], vectors: np.ndarray, thresholds: Thresholds) -> Candidates:
    """Fold copies into units, search each unit's nearest units in other documents, and
    describe every candidate pair by FEATURES. `claims` must be in (doc, start) order."""
    empty = Candidates.statistics(claims, vectors, _fold(claims, vectors, thresholds.fold_similarity))
    units, anchor_sets = empty.units, empty.anchors
    unit_claims = [claims[u[0]] for u in units]
    languages = [c.language for c in unit_claims]
    raw = vectors[[u[0] for u in units]]
    centred = empty.centring.apply(raw, languages)

    doc_index = {d: n for n, d in enumerate(sorted({c.doc for c in unit_claims}))}
    doc_of = np.array([doc_index[c.doc] for c in unit_claims])
    if len(doc_index) < 2:
        return empty
    searched = thresholds.top_k * min(len(doc_index) - 1, thresholds.max_searched_sources)
    # Room for the unit's own document's claims, which the search also returns (bounded, so a
    # long article cannot make the result n x n).
    own_document = min(int(np.bincount(doc_of).max()), OWN_DOCUMENT_ROOM)
    similarity, neighbour = _nearest(centred, min(len(units), searched + own_document))
    ranked: list[list[tuple[int, float]]] = []  # per unit: (unit of another document, similarity), best first
    for u in range(len(units)):
        row = [(int(n), float(s)) for n, s in zip(neighbour[u], similarity[u]) if n >= 0 and doc_of[n] != doc_of[u]]
        ranked.append(row[:searched])
    hubness = [float(np.mean([s for _, s in r[:HUB_NEIGHBOURS]])) if r else 0.0 for r in ranked]
    rank_of = [{n: k for k, (n, _) in enumerate(r)} for r in ranked]
    document_rank_of = []
    for r in ranked:
        seen: Counter = Counter()
        ranks = {}
        for n, _ in r:
            ranks[n] = seen[doc_of[n]]
            seen[doc_of[n]] += 1
        document_rank_of.append(ranks)

    pair_list = sorted({(min(u, n), max(u, n)) for u, r in enumerate(ranked) for n, _ in r})
    doc_length: dict[str, int] = {}
    for c in claims:
        doc_length[c.doc] = max(doc_length.get(c.doc, 1), c.end)
    position = [c.start / doc_length[c.doc] for c in unit_claims]
    length = [max(len(c.text), 1) for c in unit_claims]
    features = np.zeros((len(pair_list), len(FEATURES)), dtype=np.float32)
    mutual = np.zeros(len(pair_list), dtype=bool)
    for row, (a, b) in enumerate(pair_list):
        sim = float(centred[a] @ centred[b])
        ranks = (rank_of[a].get(b, searched), rank_of[b].get(a, searched))
        document_ranks = (document_rank_of[a].get(b, searched), document_rank_of[b].get(a, searched))
        mutual[row] = document_ranks == (0, 0)
        features[row] = (
            sim,
            float(raw[a] @ raw[b]),
            2 * sim - hubness[a] - hubness[b],
            math.log1p(min(ranks)),
            math.log1p(max(ranks)),
            math.log1p(min(document_ranks)),
            empty.overlap(anchor_sets[a], anchor_sets[b]),
            float(bool(anchor_sets[a]) and bool(anchor_sets[b])),
            float(languages[a] == languages[b]),
            abs(math.log(length[a] / length[b])),
            abs(position[a] - position[b]),
        )
    return replace(empty, pairs=np.array(pair_list, dtype=np.int64).reshape(-1, 2), features=features, mutual=mutual)


def partner_cap(thresholds: Thresholds, sources: int) -> int:
    """Most partners one unit keeps: `max_partners`, or `partners_per_source` per other source
    where that is more (up to `max_searched_sources`), so the cap grows with the number of sources."""
    return max(thresholds.max_partners, thresholds.partners_per_source * min(sources - 1, thresholds.max_searched_sources))


def _align_event(
    claims: list[Claim], vectors: np.ndarray, thresholds: Thresholds, scorer: PairScorer
) -> tuple[list[CandidatePair], list[ClaimGroup], list[tuple[str, ...]]]:
    sources = len({c.doc for c in claims})
    if sources < 2:
        return [], [], []
    found = find_candidates(claims, vectors, thresholds)
    probability = scorer.probability(found.features)
    kept = np.flatnonzero(probability >= thresholds.align_min_probability)
    edges = _cap_partners(
        [(float(probability[k]), int(found.pairs[k, 0]), int(found.pairs[k, 1]), bool(found.mutual[k])) for k in kept],
        partner_cap(thresholds, sources),
    )

    pair = EventMeasure(claims, vectors, found, thresholds.anchor_weight).pair
    pairs = [pair(found.units[a][0], found.units[b][0], mutual) for _, a, b, mutual in edges]
    for members in found.units:  # copies: each paired with its unit's first claim
        pairs += [pair(members[0], m, True) for m in members[1:] if claims[m].doc != claims[members[0]].doc]
    copies = [tuple(claims[m].id for m in members) for members in found.units if len(members) > 1]
    return pairs, _groups(claims, found.units, edges, thresholds.group_claims_per_doc), copies


def _fold(claims: list[Claim], vectors: np.ndarray, similarity: float) -> list[list[int]]:
    """Units of claims with one normalised text or near-identical vectors, in claim order."""
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = root(i), root(j)
        parent[max(a, b)] = min(a, b)

    first_of: dict[str, int] = {}
    for i, c in enumerate(claims):
        union(i, first_of.setdefault(normalize(c.text), i))
    distinct = sorted(set(first_of.values()))
    scores, neighbours = _nearest(vectors[distinct], min(len(distinct), FOLD_NEIGHBOURS))
    for row, i in enumerate(distinct):
        for score, n in zip(scores[row], neighbours[row]):
            if n >= 0 and score >= similarity:
                union(i, distinct[n])
    units: dict[int, list[int]] = {}
    for i in range(len(claims)):
        units.setdefault(root(i), []).append(i)
    return sorted(units.values())


def _nearest(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's k best inner products over all rows (itself included), best first: faiss's
    exact search works through the rows in blocks, so memory stays linear."""
    rows = np.ascontiguousarray(vectors, dtype=np.float32)
    index = faiss.IndexFlatIP(rows.shape[1])
    index.add(rows)
    return index.search(rows, k)


def _cap_partners(edges: list[tuple[float, int, int, bool]], cap: int) -> list[tuple[float, int, int, bool]]:
    """Keep an edge only if it is among the `cap` most probable of both its units."""
    ranked: dict[int, list[tuple[float, int]]] = {}
    for p, a, b, _ in edges:
        ranked.setdefault(a, []).append((-p, b))
        ranked.setdefault(b, []).append((-p, a))
    kept = {u: {other for _, other in sorted(r)[:cap]} for u, r in ranked.items()}
    return [e for e in edges if e[2] in kept[e[1]] and e[1] in kept[e[2]]]


def _groups(
    claims: list[Claim], units: list[list[int]], edges: list[tuple[float, int, int, bool]], per_doc: int
) -> list[ClaimGroup]:
    """Start from the units of copies and merge along the most probable pairs first; a merge that
    would give one document more than `per_doc` claims in a group is skipped, so weak links
    cannot chain everything together."""
    group_of = list(range(len(units)))
    members: dict[int, list[int]] = {u: [u] for u in range(len(units))}  # group -> its units
    for _, a, b, _ in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        merged = members[ga] + members[gb]
        if max(Counter(claims[m].doc for u in merged for m in units[u]).values()) > per_doc:
            continue
        keep, drop = min(ga, gb), max(ga, gb)
        members[keep] = merged
        for u in members.pop(drop):
            group_of[u] = keep
    groups = []
    for group_units in members.values():
        ids = [m for u in group_units for m in units[u]]
        if len({claims[m].doc for m in ids}) < 2:
            continue
        claim_ids = tuple(sorted(claims[m].id for m in ids))
        digest = hashlib.sha1("\n".join(claim_ids).encode()).hexdigest()[:10]
        groups.append(ClaimGroup(id=f"g-{digest}", claims=claim_ids))
    return groups


class CorpusScorer:
    """Scores texts against a corpus's claims (checker verify), with statistics taken from the
    corpus alone: each language's mean vector (the overall mean for languages with fewer than
    `min_claims` claims) and the anchors' IDF. So a query's score never depends on other queries."""

    def __init__(self, claims: list[Claim], vectors: np.ndarray, thresholds: Thresholds, min_claims: int = 10):
        languages = [c.language for c in claims]
        self._centring = Centring.of(vectors, languages, min_claims)
        self._weight = thresholds.anchor_weight
        self._names = inner_names([c.text for c in claims])
        corpus_anchors = [anchors(c.text, self._names) for c in claims]
        self._index = IdfIndex(corpus_anchors, unseen_rows=1)  # an anchor the corpus never uses: as if used once
        self._centred = self._centring.apply(vectors, languages)
        self._incidence, self._own = self._index.rows(corpus_anchors)

    def centre(self, vectors: np.ndarray, languages: list[str]) -> np.ndarray:
        return self._centring.apply(vectors, languages)

    def corpus_matrices(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(similarity, anchor overlap, score) of every two corpus claims."""
        return self._matrices(self._centred, self._incidence, self._own)

    def score_texts(
        self, texts: list[str], vectors: np.ndarray, languages: list[str]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(similarity, anchor overlap, score) of each text against each corpus claim."""
        incidence, own = self._index.rows([anchors(t, self._names) for t in texts])
        return self._matrices(self.centre(vectors, languages), incidence, own)

    def _matrices(self, centred, incidence, own) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        similarity = centred @ self._centred.T
        shared = self._index.shared_weight(incidence, self._incidence)
        smaller = np.minimum.outer(own, self._own)
        overlap = np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)
        return similarity, overlap, similarity + self._weight * overlap


def score_matrices(
    claims: list[Claim], vectors: np.ndarray, thresholds: Thresholds
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(similarity, anchor overlap, score) of every two claims, in the order given."""
    return CorpusScorer(claims, vectors, thresholds).corpus_matrices()


