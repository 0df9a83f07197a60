"""Runs the stages in order. Knows no file formats and no CLI: records in, a Report out."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict

from checker.align import align
from checker.claims import extract_claims
from checker.config import Config
from checker.embed import Embedder
from checker.model import Article, PairNli, Report, RunSettings
from checker.nli import NliScorer
from checker.signals import compare, read_facts
from checker.signals.characterise import characterise
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
) -> Report:
    claims = [claim for article in articles for claim in extract_claims(article)]
    vectors = embedder.encode([c.text for c in claims])
    alignment = align(claims, vectors, config.thresholds)
    text_of = {c.id: c.text for c in claims}

    nli_by_pair: dict[int, PairNli] = {}
    if nli is not None and alignment.pairs:
        directions = [(text_of[p.a], text_of[p.b]) for p in alignment.pairs]
        scores = nli.score(directions + [(b, a) for a, b in directions])
        half = len(directions)
        nli_by_pair = {i: PairNli(scores[i], scores[half + i]) for i in range(half)}

    anchor = {a.id: a.published for a in articles}
    facts = {c.id: read_facts(c, anchor[c.doc]) for c in claims}
    pairs = [
        pair_verdict(
            p,
            nli_by_pair.get(i),
            compare(facts[p.a], facts[p.b], p.score, config.thresholds),
            config.thresholds,
        )
        for i, p in enumerate(alignment.pairs)
    ]
    doc_of = {c.id: c.doc for c in claims}
    event_docs = {doc: list(docs) for docs in alignment.events for doc in docs}
    groups = [group_verdict(g, pairs, doc_of, event_docs[doc_of[g.claims[0]]]) for g in alignment.groups]
    grouped = {c for g in alignment.groups for c in g.claims}
    summary = {
        "documents": len(articles),
        "claims": len(claims),
        "pairs": len(pairs),
        "groups": len(groups),
        "other_event_documents": sum(len(docs) for docs in alignment.events[1:]),
        "single_source_claims": len(claims) - len(grouped),
        "pairs_with_typed_discrepancies": sum(any(r.severity for r in p.reasons) for p in pairs),
        **{f"pairs_{v.value}": n for v, n in sorted(Counter(p.verdict for p in pairs).items())},
        **{f"groups_{v.value}": n for v, n in sorted(Counter(g.verdict for g in groups).items())},
    }
    settings = RunSettings(
        preset=config.preset,
        embedder=embedder.name,
        nli=nli.name if nli is not None else None,
        thresholds=asdict(config.thresholds),
        notes=notes,
    )
    return Report(
        name=name,
        generated_at=generated_at,
        settings=settings,
        articles=tuple(articles),
        claims=tuple(claims),
        pairs=tuple(pairs),
        groups=tuple(groups),
        characterisations=tuple(characterise(list(facts.values()))),
        summary=summary,
        events=alignment.events,
    )
