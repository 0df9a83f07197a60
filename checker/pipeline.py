"""Runs the stages in order. Knows no file formats and no CLI: records in, a Report out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace

import numpy as np

from checker.align import align
from checker.claims import extract_claims
from checker.config import Config
from checker.embed import Embedder
from checker.errors import InputError
from checker.labels import group_labels
from checker.nli import NliScorer, full_matrix_pairs, score_both_ways
from checker.progress import Bar, Progress, silent
from checker.records import Alignment, Article, Claim, PairNli, Report, RunSettings
from checker.signals import compare, read_facts
from checker.signals.characterise import characterise
from checker.signals.fact_sets import fact_characterisations, same_fact_sets
from checker.signals.grouped import grouped_pairs
from checker.signals.timeline import figure_timelines
from checker.verdict import group_verdict, pair_verdict


def run(
    articles: list[Article],
    config: Config,
    embedder: Embedder,
    nli: NliScorer | None,
    *,
    name: str,
    generated_at: str,
    notes: tuple[str, ...] = (),
    progress: Progress = silent,
) -> Report:
    """Every stage that can take more than a second reports through `progress`. A document with
    more than `config.max_claims_per_doc` claims is refused before the costly stages. The stages
    are the functions below, which `checker batch --engine ray` runs on separate workers."""
    claims = read_claims(articles, config, progress)
    vectors = embedder.encode([c.text for c in claims])
    alignment = align_claims(claims, vectors, config, progress)
    scored = score_pairs(nli, pairs_to_score(claims, alignment))
    return assemble(
        articles, claims, vectors, alignment, scored, config, run_settings(config, embedder, nli, notes),
        name=name, generated_at=generated_at, progress=progress,
    )


@dataclass(frozen=True)
class ScoredPairs:
    """NLI of the aligned pairs, both ways, in the alignment's pair order; None in triage mode."""

    nli: list[PairNli] | None
    forward_passes: int


def read_claims(articles: list[Article], config: Config, progress: Progress = silent) -> list[Claim]:
    claims = []
    with _bar(progress, len(articles), "reading claims") as bar:
        for article in articles:
            found = extract_claims(article)
            if len(found) > config.max_claims_per_doc:
                raise InputError(
                    article.path,
                    f"gives {len(found)} claims, over the limit of {config.max_claims_per_doc} per document "
                    "(max_claims_per_doc in --config); split the file or raise the limit",
                )
            claims.extend(found)
            bar.update()
    if len(claims) > config.max_claims:
        raise InputError(
            "corpus", f"gives {len(claims)} claims, over the limit of {config.max_claims} "
            "(max_claims in --config)",
        )
    return claims


def align_claims(claims: list[Claim], vectors: np.ndarray, config: Config, progress: Progress = silent) -> Alignment:
    with _bar(progress, 1, "aligning claims") as bar:
        alignment = align(claims, vectors, config.thresholds)
        bar.update()
    return alignment


def pairs_to_score(claims: list[Claim], alignment: Alignment) -> list[tuple[str, str]]:
    """The aligned pairs' texts, (a, b), for the NLI stage."""
    text_of = {c.id: c.text for c in claims}
    return [(text_of[p.a], text_of[p.b]) for p in alignment.pairs]


def score_pairs(nli: NliScorer | None, pairs: list[tuple[str, str]]) -> ScoredPairs:
    if nli is None:
        return ScoredPairs(None, 0)
    if not pairs:
        return ScoredPairs([], 0)
    return ScoredPairs(*score_both_ways(nli, pairs))


def run_settings(config: Config, embedder: Embedder, nli: NliScorer | None, notes: tuple[str, ...]) -> RunSettings:
    return RunSettings(
        preset=config.preset,
        embedder=embedder.name,
        nli=nli.name if nli is not None else None,
        thresholds=asdict(config.thresholds),
        notes=notes,
        backend=config.backend,
    )


def assemble(
    articles: list[Article],
    claims: list[Claim],
    vectors: np.ndarray,
    alignment: Alignment,
    scored: ScoredPairs,
    config: Config,
    settings: RunSettings,
    *,
    name: str,
    generated_at: str,
    progress: Progress = silent,
) -> Report:
    """Typed signals, verdicts, groups and the summary: the report, from the model stages' output."""
    nli_by_pair = dict(enumerate(scored.nli or ()))
    anchor = {a.id: a.published for a in articles}
    facts = {}
    with _bar(progress, len(claims), "reading facts") as bar:
        for c in claims:
            facts[c.id] = read_facts(c, anchor[c.doc])
            bar.update()
    pairs = [
        pair_verdict(
            p,
            nli_by_pair.get(i),
            compare(facts[p.a], facts[p.b], p.score, config.thresholds),
            config.thresholds,
        )
        for i, p in enumerate(alignment.pairs)
    ]
    # Typed signals only (no NLI passes): what shares a group is compared even where never paired.
    # Only a grouped pair with a finding is reported: the rest say no more than their group does,
    # and listing them would present look-alikes that merely share a group as aligned pairs.
    grouped_findings = (
        pair_verdict(p, None, compare(facts[p.a], facts[p.b], p.score, config.thresholds, grouped=True), config.thresholds)
        for p in grouped_pairs(claims, vectors, alignment, config.thresholds)
    )
    pairs += [p for p in grouped_findings if any(r.severity for r in p.reasons)]
    doc_of = {c.id: c.doc for c in claims}
    row = {c.id: i for i, c in enumerate(claims)}
    fact_sets = same_fact_sets(
        list(facts.values()), alignment.events,
        lambda a, b: float(vectors[row[a]] @ vectors[row[b]]), config.thresholds,
    )
    timelines, flagged_figures = figure_timelines(fact_sets)
    event_docs = {doc: list(docs) for docs in alignment.events for doc in docs}
    labels = group_labels(list(alignment.groups), claims, vectors)
    groups = [
        replace(group_verdict(g, pairs, doc_of, event_docs[doc_of[g.claims[0]]]), label=labels[g.id])
        for g in alignment.groups
    ]
    grouped = {c for g in alignment.groups for c in g.claims}
    summary = {
        "documents": len(articles),
        "claims": len(claims),
        "pairs": len(pairs),
        "grouped_pairs": sum(p.pair.grouped for p in pairs),
        "groups": len(groups),
        "other_event_documents": sum(len(docs) for docs in alignment.events[1:]),
        "single_source_claims": sum(c.id not in grouped and not c.headline for c in claims),  # headlines: never aligned
        "nli_forward_passes": scored.forward_passes,
        "nli_full_matrix_pairs": full_matrix_pairs(list(Counter(c.doc for c in claims).values())),
        "pairs_with_typed_discrepancies": sum(any(r.severity for r in p.reasons) for p in pairs),
        **{f"pairs_{v.value}": n for v, n in sorted(Counter(p.verdict for p in pairs).items())},
        **{f"groups_{v.value}": n for v, n in sorted(Counter(g.verdict for g in groups).items())},
    }
    return Report(
        name=name,
        generated_at=generated_at,
        settings=settings,
        articles=tuple(articles),
        claims=tuple(claims),
        pairs=tuple(pairs),
        groups=tuple(groups),
        characterisations=(*characterise(list(facts.values())), *fact_characterisations(fact_sets), *flagged_figures),
        summary=summary,
        timelines=tuple(timelines),
        events=alignment.events,
    )


@contextmanager
def _bar(progress: Progress, total: int, desc: str) -> Iterator[Bar]:
    bar = progress(total=total, desc=desc)
    try:
        yield bar
    finally:
        bar.close()
