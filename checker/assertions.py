"""Known claims (claims.yaml) checked against a corpus: for every claim and every document, the
best evidence sentences and a stance (supports, contradicts, framing, silent), compared with
what the desk expects.

Reading and validating the file is this module's edge (`load_claims_file`); `verify` takes
records and models and returns records.
"""

from __future__ import annotations

import fnmatch
import json
import math
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from checker.align import CorpusScorer
from checker.claims import extract_claims
from checker.config import Config, Thresholds, load_config
from checker.corpus import detect_language
from checker.embed import Embedder
from checker.errors import InputError
from checker.lexical import TermCoverage, terms
from checker.nli import NliScorer
from checker.records import Article, Claim, NliScores, Reason
from checker.signals import (
    AGREES,
    FRAMING,
    HARD,
    ClaimFacts,
    compare,
    read_facts,
    titles,
)
from checker.signals.numbers import Quantity
from checker.yamlfile import load_schema, node_lines, read_yaml, validate

STANCES = ("supports", "contradicts", "framing", "silent")
ANY = "any"


@dataclass(frozen=True)
class KnownClaim:
    id: str
    text: str
    expect: tuple[tuple[str, str], ...]  # (document id or glob, stance), in file order
    min_supporting: int | None
    line: int  # where the claim starts in the file, for messages


@dataclass(frozen=True)
class ClaimsFile:
    path: Path
    corpus: Path | None  # resolved against the file's folder
    preset: str | None
    embedder: str | None
    nli: str | None
    claims: tuple[KnownClaim, ...]


@dataclass(frozen=True)
class Evidence:
    claim: Claim  # the sentence in the document
    similarity: float  # cosine of language-centred embeddings
    score: float  # similarity plus the shared-names bonus (as in alignment)
    relevance: float  # score, hub-corrected
    overlap: float  # shared names and numbers, 0..1
    coverage: float  # the claim's wording the sentence has too, IDF-weighted (lexical.TermCoverage)
    figures: float  # share of the claim's figures the sentence gives too (same measure, values that fit)
    plainly: float  # ... given by a value, not only by a bound that includes it
    support: float  # P(the sentence states the claim), from the four above: what evidence is ranked and judged by
    nli: NliScores | None  # evidence as premise, the known claim as hypothesis
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class DocumentStance:
    doc: str
    stance: str
    expected: str | None  # None: no expectation for this document
    evidence: Evidence | None  # the sentence that decided, or the closest one
    considered: tuple[Evidence, ...] = ()  # every candidate sentence the stance was decided from

    @property
    def ok(self) -> bool:
        return self.expected is None or self.expected in (ANY, self.stance)


@dataclass(frozen=True)
class ClaimResult:
    claim: KnownClaim
    documents: tuple[DocumentStance, ...]
    supporting: int

    @property
    def min_supporting_ok(self) -> bool:
        return self.claim.min_supporting is None or self.supporting >= self.claim.min_supporting

    @property
    def ok(self) -> bool:
        return self.min_supporting_ok and all(d.ok for d in self.documents)


@dataclass(frozen=True)
class Verification:
    mode: str  # "nli" or "offline"
    embedder: str
    nli: str | None
    results: tuple[ClaimResult, ...]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)


def load_claims_file(path: Path) -> ClaimsFile:
    data, root = read_yaml(path)
    lines = node_lines(root)
    if not isinstance(data, dict):
        raise InputError(str(path), "line 1: expected a mapping with a 'claims' list")
    validate(data, root, path, load_schema("claims.schema.json"))
    seen: dict[str, int] = {}
    claims = []
    for n, entry in enumerate(data["claims"]):
        line = lines.get(("claims", n), 1)
        if entry["id"] in seen:
            raise InputError(str(path), f"line {line}: claim id '{entry['id']}' already used on line {seen[entry['id']]}")
        seen[entry["id"]] = line
        claims.append(KnownClaim(
            id=entry["id"],
            text=entry["text"],
            expect=tuple((str(k), v) for k, v in (entry.get("expect") or {}).items()),
            min_supporting=entry.get("min_supporting"),
            line=line,
        ))
    models = data.get("models") or {}
    corpus = data.get("corpus")
    return ClaimsFile(
        path=path,
        corpus=(path.parent / corpus) if corpus else None,
        preset=data.get("preset"),
        embedder=models.get("embedder"),
        nli=models.get("nli"),
        claims=tuple(claims),
    )




@dataclass(frozen=True)
class VerifySettings:
    config: Config
    corpus: Path
    embedder_explicit: bool  # named by a flag or the claims file: must load, no fall-back
    nli_explicit: bool


def settings_for(
    claims_file: ClaimsFile,
    *,
    corpus: Path | None = None,
    preset: str | None = None,
    embedder: str | None = None,
    nli: str | None = None,
    config_file: Path | None = None,
) -> VerifySettings:
    """Flags first, then the claims file, then the preset's defaults."""
    folder = corpus or claims_file.corpus
    if folder is None:
        raise InputError(str(claims_file.path), "no corpus: give --corpus DIR or a 'corpus:' key in the file")
    embedder = embedder or claims_file.embedder
    nli = nli or claims_file.nli
    config = load_config(preset or claims_file.preset or "default", config_file, embedder, nli)
    return VerifySettings(config, folder, embedder is not None, nli is not None)


def expectation_for(known: KnownClaim, doc: str) -> str | None:
    """An exact document id wins over globs; among globs, the first in the file."""
    for pattern, stance in known.expect:
        if pattern == doc:
            return stance
    return next((stance for pattern, stance in known.expect if fnmatch.fnmatchcase(doc, pattern)), None)


def check_patterns(claims_file: ClaimsFile, docs: list[str]) -> None:
    """Every pattern must name at least one document: a typo must not pass silently."""
    for known in claims_file.claims:
        for pattern, _ in known.expect:
            if not any(pattern == d or fnmatch.fnmatchcase(d, pattern) for d in docs):
                raise InputError(
                    str(claims_file.path),
                    f"line {known.line}: claim '{known.id}' expects '{pattern}', which matches no document "
                    f"(documents: {', '.join(docs)})",
                )


# Chosen by leave-one-event-out accuracy on the TUNE files (benchmarks/verify_stances.py --fit --cv):
# the plain cosine beside its hub-corrected form only helped the files it was fitted on.
FEATURES = ("relevance", "coverage", "figures")


@dataclass(frozen=True)
class EvidenceModel:
    """Logistic regression over FEATURES of a known claim and a sentence: P(the sentence states
    the claim). Shared wording says nothing between two languages, so a sentence in another
    language than the claims is judged by a second model fitted without it. Fitted by
    benchmarks/verify_stances.py --fit on the TUNE claims files (checker/data/verify_evidence.json)."""

    weights: np.ndarray
    bias: float
    across_weights: np.ndarray  # FEATURES without "coverage"
    across_bias: float

    def support(self, features: np.ndarray, same_language: np.ndarray) -> np.ndarray:
        """features: (claims, sentences, len(FEATURES)); same_language: (sentences,) -> probabilities."""
        within = features @ self.weights + self.bias
        across = np.delete(features, FEATURES.index("coverage"), axis=-1) @ self.across_weights + self.across_bias
        return 1.0 / (1.0 + np.exp(-np.where(same_language, within, across)))

    def to_json(self) -> dict:
        return {
            "features": list(FEATURES),
            "weights": self.weights.round(4).tolist(),
            "bias": round(self.bias, 4),
            "across_languages": {"weights": self.across_weights.round(4).tolist(), "bias": round(self.across_bias, 4)},
        }


@cache
def fitted_evidence_model() -> EvidenceModel:
    data = json.loads((resources.files("checker") / "data" / "verify_evidence.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError("checker/data/verify_evidence.json was fitted on other features: refit it")
    across = data["across_languages"]
    return EvidenceModel(np.array(data["weights"]), float(data["bias"]), np.array(across["weights"]), float(across["bias"]))


@dataclass(frozen=True)
class EvidenceFeatures:
    """Known claims x corpus sentences."""

    corpus: list[Claim]
    published: dict[str, date | None]  # document id -> its date, what its facts are read against
    facts: dict[str, ClaimFacts]  # corpus claim id -> its facts
    languages: list[str]  # of the known claims
    same_language: np.ndarray  # (sentences,): in the language the claims are written in
    similarity: np.ndarray
    overlap: np.ndarray
    score: np.ndarray
    relevance: np.ndarray
    coverage: np.ndarray
    figures: np.ndarray
    plainly: np.ndarray  # figures given by a value, not only by a bound that includes it

    def stacked(self) -> np.ndarray:
        """(claims, sentences, len(FEATURES))"""
        return np.stack([getattr(self, name) for name in FEATURES], axis=-1)


def evidence_features(
    known: list[KnownClaim], articles: list[Article], embedder: Embedder, thresholds: Thresholds
) -> EvidenceFeatures:
    corpus = [c for a in articles for c in extract_claims(a)]
    if not corpus:
        raise InputError(", ".join(a.path for a in articles), "no sentence of three words or more to check claims against")
    vectors = embedder.encode([c.text for c in corpus])
    scorer = CorpusScorer(corpus, vectors, thresholds)
    # Stems in the language of the claims together: one short claim is easily taken for Yoruba.
    wording = detect_language(" ".join(k.text for k in known))
    languages = claim_languages([k.text for k in known], {wording} | {a.language for a in articles})
    similarity, overlap, score = scorer.score_texts(
        [k.text for k in known], embedder.encode([k.text for k in known]), languages
    )
    relevance = hub_corrected(scorer, score, [c.doc for c in corpus])
    coverage = TermCoverage([terms(c.text, c.language) for c in corpus]).coverage([terms(k.text, wording) for k in known])
    published = {a.id: a.published for a in articles}
    facts = {c.id: read_facts(c, published[c.doc]) for c in corpus}
    figures = np.zeros_like(similarity)
    plainly = np.zeros_like(similarity)
    for k, (claim, language) in enumerate(zip(known, languages)):
        wanted = read_facts(_as_claim(claim, language), None).quantities
        for i, c in enumerate(corpus):
            given = facts[c.id].quantities
            if wanted and given:
                giving = [[g for g in given if gives(g, q)] for q in wanted]
                figures[k, i] = sum(bool(gs) for gs in giving) / len(wanted)
                plainly[k, i] = sum(any(_its_bound(g) == g for g in gs) for gs in giving) / len(wanted)
    same_language = np.array([c.language == wording for c in corpus])
    return EvidenceFeatures(corpus, published, facts, languages, same_language, similarity, overlap, score, relevance, coverage, figures, plainly)


def claim_languages(texts: list[str], at_hand: set[str]) -> list[str]:
    """Each known claim's language among those of the corpus and of the claims file as a whole.
    Among all languages lingua takes one short English claim in nine of the TUNE files for
    Yoruba, Tagalog or Esperanto, and such a claim's number words then go unread ("not checked")."""
    known = tuple(sorted(code for code in at_hand if code != "und"))
    if len(known) < 2:
        return [known[0] if known else detect_language(t) for t in texts]
    return [detect_language(t, known) for t in texts]


def gives(given: Quantity, wanted: Quantity) -> bool:
    """Does the sentence's figure give the claim's? A bound gives a value it includes: "at least
    15,000" or "less than 25 km" does not say otherwise than "about 20,000" or "10 miles" (it is
    how the claims files' readers count it too), but only a value of its order ("at least 10"
    says nothing of 31,000 dead). Against a bound it gives its own bound only: "more than
    26,000" dead is another count than the claim's "more than 31,000"."""
    point = _its_bound(given)
    if not wanted.comparable(point):
        return False
    given = point if _its_bound(wanted) != wanted else given
    # Two ranges that only touch share no value: "more than 22,000" starts above "about 20,000"'s top.
    shared = min(given.high, wanted.high) - max(given.low, wanted.low)
    return shared > 0 or (shared == 0 and (given.low == given.high or wanted.low == wanted.high))


def _its_bound(q: Quantity) -> Quantity:
    """A figure open at one end ("at least 10": no top; "up to 20": from zero) as its bound alone."""
    if math.isinf(q.high):
        return replace(q, high=q.low)
    if q.low == 0:
        return replace(q, low=q.high)
    return q


def _as_claim(known: KnownClaim, language: str) -> Claim:
    return Claim(f"known#{known.id}", "known", known.text, 0, len(known.text), language)


def verify(
    claims_file: ClaimsFile,
    articles: list[Article],
    embedder: Embedder,
    nli: NliScorer | None,
    thresholds: Thresholds,
    model: EvidenceModel | None = None,
) -> Verification:
    """model: the evidence model (default: the fitted one; the benchmark passes one it is fitting)."""
    docs = [a.id for a in articles]
    check_patterns(claims_file, docs)
    known = list(claims_file.claims)
    features = evidence_features(known, articles, embedder, thresholds)
    corpus, facts = features.corpus, features.facts
    support = (model or fitted_evidence_model()).support(features.stacked(), features.same_language)
    overlap, score = features.overlap, features.score
    by_doc = {d: [i for i, c in enumerate(corpus) if c.doc == d] for d in docs}

    # Evidence: the likeliest sentences, and those naming the most of the claim's names and
    # numbers (a sentence about the same person or place can settle an office or a framing
    # even when the embedder finds it far away).
    candidates: dict[tuple[int, str], list[int]] = {}
    n = thresholds.verify_evidence
    for k in range(len(known)):
        for d in docs:
            closest = sorted(by_doc[d], key=lambda i: (-support[k, i], i))[:n]
            naming = sorted((i for i in by_doc[d] if overlap[k, i] > 0), key=lambda i: (-overlap[k, i], -support[k, i], i))
            candidates[(k, d)] = list(dict.fromkeys(closest + naming[:n]))
    nli_scores = _nli_scores(known, corpus, candidates, nli)

    results = []
    for k, claim in enumerate(known):
        as_claim = _as_claim(claim, features.languages[k])
        stances = []
        for d in docs:
            known_facts = read_facts(as_claim, features.published[d])  # read in the light of this article's date
            evidence = []
            for i in candidates[(k, d)]:
                about = support[k, i] >= thresholds.verify_related
                reasons = _reasons(facts[corpus[i].id], known_facts, float(score[k, i]), about, thresholds)
                evidence.append(Evidence(
                    claim=corpus[i],
                    similarity=round(float(features.similarity[k, i]), 4),
                    score=round(float(score[k, i]), 4),
                    relevance=round(float(features.relevance[k, i]), 4),
                    overlap=round(float(overlap[k, i]), 4),
                    coverage=round(float(features.coverage[k, i]), 4),
                    figures=round(float(features.figures[k, i]), 4),
                    plainly=round(float(features.plainly[k, i]), 4),
                    support=round(float(support[k, i]), 4),
                    nli=nli_scores.get((k, i)),
                    reasons=tuple(reasons),
                ))
            stance, deciding = decide(evidence, nli is not None, thresholds)
            stances.append(DocumentStance(d, stance, expectation_for(claim, d), deciding, tuple(evidence)))
        supporting = sum(s.stance == "supports" for s in stances)
        results.append(ClaimResult(claim, tuple(stances), supporting))
    return Verification(
        mode="nli" if nli else "offline",
        embedder=embedder.name,
        nli=nli.name if nli else None,
        results=tuple(results),
    )


def _nli_scores(known, corpus, candidates, nli) -> dict[tuple[int, int], NliScores]:
    if nli is None:
        return {}
    keys = sorted({(k, i) for (k, _), rows in candidates.items() for i in rows})
    scores = nli.score([(corpus[i].text, known[k].text) for k, i in keys])
    return dict(zip(keys, scores))


def _reasons(evidence: ClaimFacts, claim: ClaimFacts, score: float, about: bool, thresholds: Thresholds) -> list[Reason]:
    """Typed differences, plus agreement on a named person's office. about: the evidence model
    finds the sentence about the claim (verify_related), which says more than the alignment
    score that gates the signals between two reports: its figures and dates are the claim's.

    The known claim states what it states, so an office it gives a person is compared with the
    evidence's whatever the similarity: a different office is a contradiction (or framing, for
    a loaded title), the same office supports.
    """
    if about:
        score = max(score, thresholds.same_fact)
    others = [r for r in compare(evidence, claim, score, thresholds, one_fact=True) if r.kind != "title"]
    if score >= thresholds.same_fact and not any(r.kind == "number" for r in others):
        others += figure_mismatches(evidence, claim)
    return titles(evidence, claim, same_fact=True, agreements=True) + others


def figure_mismatches(evidence: ClaimFacts, claim: ClaimFacts) -> list[Reason]:
    """The known claim's one figure of a measure against a sentence whose figures for that measure
    all give another value (see `gives`). Between two reports signals
    leave such pairs alone: which of several figures the other meant is a guess, and "at least
    three" may be an early count of the ten. A bound is compared by its bound ("more than a dozen"
    dead is not a count of 31,000, see `gives`). The known claim is the desk's fact, so a source that
    gives another figure for the same thing, and not the claim's, does not say what it says."""
    found = []
    for q in claim.quantities:
        if sum(o.measure == q.measure for o in claim.quantities) != 1:
            continue
        same = [g for g in evidence.quantities if q.comparable(_its_bound(g))]
        if same and not any(gives(g, q) for g in same):
            given = ", ".join(f"'{g.text}'" for g in same)
            found.append(Reason(
                "number", f"{given} against '{q.text}': {q.unit} figures that do not give it",
                a_span=(same[0].start, same[-1].end), b_span=(q.start, q.end), severity=HARD, a_value=given, b_value=q.text,
            ))
    return found


def hub_corrected(scorer: CorpusScorer, score: np.ndarray, docs: list[str]) -> np.ndarray:
    """CSLS (Conneau et al. 2018) for known claims x corpus sentences: 2 s - r(claim) - r(sentence).

    A hub is a generic sentence close to many sentences. Plain CSLS takes r as the mean of a
    point's k best scores, and a fact every source reports has its k best among its own copies in
    the other documents, so it looked like a hub and fell below the line. Here r is the mean, over
    the other documents, of the point's *second*-best score in each: a copy of a fact has one close
    sentence per document, a generic sentence has several.
    """
    _, _, corpus = scorer.corpus_matrices()
    columns = {d: np.flatnonzero(np.array(docs) == d) for d in sorted(set(docs))}
    columns = {d: cols for d, cols in columns.items() if len(cols) >= 2}  # no second best in a one-sentence document
    if not columns:
        return score

    def second_best(matrix: np.ndarray, own: list[str | None]) -> np.ndarray:
        seconds = np.stack([np.sort(matrix[:, cols], axis=1)[:, -2] for cols in columns.values()], axis=1)
        others = np.array([[d != o for d in columns] for o in own])
        return (seconds * others).sum(axis=1) / np.maximum(others.sum(axis=1), 1)

    query_r = second_best(score, [None] * len(score))
    sentence_r = second_best(corpus, docs)
    return 2 * score - query_r[:, None] - sentence_r[None, :]


def decide(evidence: list[Evidence], with_nli: bool, thresholds: Thresholds) -> tuple[str, Evidence | None]:
    """Most serious first: a hard mismatch, loaded words, support, else silence.

    A hard mismatch counts from `verify_mismatch`, below `verify_related`: a sentence giving
    another figure or date for the claim's measure is about the claim more surely than its wording
    says (the model only learned what supporting sentences look like).

    Offices and loaded words are tied to a person or an event, so a sentence naming enough of the
    claim's names (`verify_anchored`) counts for them even when the embedder finds it far away.
    """
    if not evidence:
        return "silent", None
    related = [e for e in evidence if e.support >= thresholds.verify_related]
    anchored = [e for e in evidence if e.support >= thresholds.verify_related or e.overlap >= thresholds.verify_anchored]

    def has(e: Evidence, severity: str, kinds: tuple[str, ...] | None = None) -> bool:
        return any(r.severity == severity and (kinds is None or r.kind in kinds) for r in e.reasons)

    def nli_sees_the_fact(e: Evidence) -> bool:
        return not with_nli or e.nli.entailment >= thresholds.entail or e.nli.contradiction >= thresholds.contradict

    def states_it(e: Evidence) -> bool:
        if has(e, HARD):
            return False
        if with_nli:
            return e.nli.entailment >= thresholds.entail
        return e.support >= thresholds.verify_support or has(e, AGREES)

    # A mismatch in a sentence less likely to state the claim than one that states it is another
    # figure of the story (the cash part of a price, an earlier funding round, another agency's
    # magnitude), not the source's version of the claim. Against a figure that takes a sentence
    # giving the claim's figure by a value: one on the same topic without it ("tremors of lower
    # magnitude are usual") does not say which figure the source holds, nor does a bound that
    # merely includes it ("at least 50 injured" beside "about 50 hurt" against the claim's 80).
    def clearest(mismatch: Evidence) -> float:
        figure = has(mismatch, HARD, ("number",))
        return max((e.support for e in anchored if states_it(e) and (e.plainly > 0 or not figure)), default=-1.0)

    for e in evidence:
        if has(e, HARD) and e.support >= thresholds.verify_mismatch and nli_sees_the_fact(e) and e.support >= clearest(e):
            return "contradicts", e
    for e in anchored:
        if has(e, HARD, ("title",)) and e.support >= clearest(e):
            return "contradicts", e
    for e in anchored:
        if has(e, FRAMING):
            return "framing", e
    if with_nli:
        best = max(related, key=lambda e: (e.nli.entailment, e.support), default=None)
        if best and best.nli.entailment >= thresholds.entail:
            return "supports", best
        worst = max(related, key=lambda e: (e.nli.contradiction, e.support), default=None)
        if worst and worst.nli.contradiction >= thresholds.contradict:
            return "contradicts", worst
        return "silent", evidence[0]
    for e in anchored:
        if e.support >= thresholds.verify_support or has(e, AGREES):
            return "supports", e
    return "silent", evidence[0]
