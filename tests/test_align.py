from __future__ import annotations

from dataclasses import replace

import numpy as np

from checker.align import align
from checker.names import anchors, inner_names
from checker.config import Thresholds
from labelled import labelled_pairs, related_rates


def group_docs(alignment, claims, claim):
    by_id = {c.id: c for c in claims}
    group = next(g for g in alignment.groups if claim.id in g.claims)
    return group, {by_id[c].doc[:3] for c in group.claims}


def find(claims, prefix, start):
    return next(c for c in claims if c.doc.startswith(prefix) and c.text.startswith(start))


def test_anchor_names_fold_across_languages():
    names = inner_names(["Trump met Petro."])
    german = anchors("Petro bot Hilfe den Vereinigten Arabischen Emiraten und Kolumbien an, 70 Tote.", names)
    english = anchors("Petro offered help to the United Arab Emirates and Colombia, 70 dead.", names)
    assert {"united arab emirates", "colombia", "petro", "#70"} <= german & english
    assert "however" not in anchors("However, Petro offered help.", names)


def test_dubai_madrid_miami_sentences_of_three_sources_share_a_group(seed_claims, seed_vectors):
    alignment = align(seed_claims, seed_vectors, Thresholds())
    german = find(seed_claims, "000", "”Die erste Linie des Drogenhandels")
    group, docs = group_docs(alignment, seed_claims, german)
    assert {"000", "002", "003"} <= docs
    members = [c for c in seed_claims if c.id in group.claims]
    assert any(c.doc.startswith("003") and c.text.startswith("«The first line of drug trafficking lives") for c in members)


def test_specific_cross_lingual_alignments(seed_claims, seed_vectors):
    alignment = align(seed_claims, seed_vectors, Thresholds())
    pairs = {(p.a, p.b) for p in alignment.pairs} | {(p.b, p.a) for p in alignment.pairs}
    checked = [
        (("001", "„Er hat seine Einstellung grundlegend"), ("002", "He stated that Petro’s attitude")),
        (("001", "Derweil schossen US-Streitkräfte"), ("004", "Seit September hat das US-Militär Boote")),
        (("000", "Im Gespräch mit Trump habe er eine Liste"), ("002", "He reportedly handed over a list")),
        (("001", "In einem Korb lagen Schokolade"), ("003", "The progressive leader presented the Republican")),
        (("002", "Petro extended an invitation to Trump"), ("003", "The Colombian president indicated that he extended")),
    ]
    for (da, ta), (db, tb) in checked:
        assert (find(seed_claims, da, ta).id, find(seed_claims, db, tb).id) in pairs, (ta, tb)


def test_labelled_pairs_meet_the_measured_levels(seed_claims, seed_vectors):
    """Regression guard at the levels measured when the defaults were chosen (README)."""
    alignment = align(seed_claims, seed_vectors, Thresholds())
    listed = {(p.a, p.b) for p in alignment.pairs} | {(p.b, p.a) for p in alignment.pairs}
    labelled = labelled_pairs(seed_claims)
    recall = np.mean([(a.id, b.id) in listed for a, b in labelled["related"]])
    false_rate = np.mean([(a.id, b.id) in listed for a, b in labelled["unrelated"]])
    assert recall >= 0.55 and false_rate <= 0.20, (recall, false_rate)
    group_recall, group_false = related_rates(alignment, seed_claims)
    assert group_recall >= 0.40 and group_false <= 0.20, (group_recall, group_false)


def test_pairs_cross_documents_and_respect_caps(seed_claims, seed_vectors):
    thresholds = replace(Thresholds(), max_partners=2)
    alignment = align(seed_claims, seed_vectors, thresholds)
    doc = {c.id: c.doc for c in seed_claims}
    partners: dict[str, int] = {}
    for p in alignment.pairs:
        assert doc[p.a] < doc[p.b]
        for c in (p.a, p.b):
            partners[c] = partners.get(c, 0) + 1
    assert max(partners.values()) <= 2
    for group in alignment.groups:
        per_doc = [doc[c] for c in group.claims]
        assert max(per_doc.count(d) for d in per_doc) <= thresholds.group_claims_per_doc


def test_alignment_is_deterministic_and_order_independent(seed_claims, seed_vectors):
    first = align(seed_claims, seed_vectors, Thresholds())
    shuffled = np.random.default_rng(1).permutation(len(seed_claims))
    second = align([seed_claims[i] for i in shuffled], seed_vectors[shuffled], Thresholds())
    assert first == second
