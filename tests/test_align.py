from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from conftest import ROOT
from labelled import labelled_pairs

from benchmarks.ecbplus import share_together
from checker.align import align, partner_cap
from checker.config import Thresholds
from checker.names import anchors, inner_names
from checker.report.json import report_dict
from checker.report.markdown import render_markdown

# Measured on the seed articles with checker/data/pair_scorer.json (README "How alignment works");
# with 2 partners per other source instead of 3: 28 of 43 at the same 5 of 25 look-alikes.
RECALL_MEASURED = 0.72  # 31 of 43
LOOK_ALIKES_MEASURED = 0.20  # 5 of 25


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
    """Paired, or put in one group (the notion of "aligned" that every measured level uses)."""
    alignment = align(seed_claims, seed_vectors, Thresholds())
    checked = [
        (("000", "Im Gespräch mit Trump habe er eine Liste"), ("002", "He reportedly handed over a list")),
        (("001", "In einem Korb lagen Schokolade"), ("003", "The progressive leader presented the Republican")),
        (("002", "Petro extended an invitation to Trump"), ("003", "The Colombian president indicated that he extended")),
    ]
    for (da, ta), (db, tb) in checked:
        assert share_together(alignment, [(find(seed_claims, da, ta).id, find(seed_claims, db, tb).id)]) == 1, (ta, tb)


def test_labelled_pairs_meet_the_measured_levels(seed_claims, seed_vectors):
    """Regression guard at the levels measured with the fitted scorer (README, benchmarks/alignment.py):
    true pairs and look-alikes paired or grouped."""
    alignment = align(seed_claims, seed_vectors, Thresholds())
    labelled = {label: [(a.id, b.id) for a, b in rows] for label, rows in labelled_pairs(seed_claims).items()}
    recall, look_alikes = share_together(alignment, labelled["related"]), share_together(alignment, labelled["unrelated"])
    assert recall >= RECALL_MEASURED and look_alikes <= LOOK_ALIKES_MEASURED, (recall, look_alikes)


def test_pairs_cross_documents_and_respect_caps(seed_claims, seed_vectors):
    thresholds = replace(Thresholds(), max_partners=2, top_k=2, partners_per_source=1, align_min_probability=0.05)
    cap = partner_cap(thresholds, sources=4)
    alignment = align(seed_claims, seed_vectors, thresholds)
    doc = {c.id: c.doc for c in seed_claims}
    partners: dict[str, int] = {}
    for p in alignment.pairs:
        assert doc[p.a] < doc[p.b]
        for c in (p.a, p.b):
            partners[c] = partners.get(c, 0) + 1
    assert max(partners.values()) <= cap == 3
    for group in alignment.groups:
        per_doc = [doc[c] for c in group.claims]
        assert max(per_doc.count(d) for d in per_doc) <= thresholds.group_claims_per_doc


def test_alignment_is_deterministic_and_order_independent(seed_claims, seed_vectors):
    first = align(seed_claims, seed_vectors, Thresholds())
    shuffled = np.random.default_rng(1).permutation(len(seed_claims))
    second = align([seed_claims[i] for i in shuffled], seed_vectors[shuffled], Thresholds())
    assert first == second


def test_the_article_about_another_event_is_split_off_and_never_paired(seed_claims, seed_vectors):
    alignment = align(seed_claims, seed_vectors, Thresholds())
    assert [d[:3] for d in alignment.events[0]] == ["000", "001", "002", "003"]
    assert [[d[:3] for d in event] for event in alignment.events[1:]] == [["004"]]
    other = {c.id for c in seed_claims if c.doc.startswith("004")}
    assert not any(p.a in other or p.b in other for p in alignment.pairs)


def test_copies_are_folded_and_lose_no_pairs(seed_claims, seed_vectors):
    """Ten verbatim copies of each seed article: every copy is paired with its original, and the
    labelled true pairs are found between the copies as often as between the originals."""
    related = [(a.id, b.id) for a, b in labelled_pairs(seed_claims)["related"]]
    first = share_together(align(seed_claims, seed_vectors, Thresholds()), related)
    copied = [replace(c, id=f"{n}{c.id}", doc=f"{c.doc[:3]}-{n}") for n in range(10) for c in seed_claims]
    many = align(copied, np.tile(seed_vectors, (10, 1)), Thresholds())
    paired = {(p.a, p.b) for p in many.pairs}
    assert all((f"0{c.id}", f"{n}{c.id}") in paired for c in seed_claims for n in range(1, 10)
               if not c.doc.startswith("004") and not c.headline)
    assert share_together(many, [(f"{n}{a}", f"{n}{b}") for a, b in related for n in range(10)]) >= first
    assert len(many.pairs) < 10 * len(seed_claims) + 2 * len(paired & {(p.a, p.b) for p in many.pairs})


def test_headlines_are_left_out_of_the_alignment(seed_claims, seed_vectors):
    """A headline sums its article up: it is read against the fact sets, never aligned, and the
    alignment of the other claims is the one they get without it."""
    headlines = [i for i, c in enumerate(seed_claims) if c.headline]
    assert [seed_claims[i].doc[:3] for i in headlines] == ["002", "003"]
    alignment = align(seed_claims, seed_vectors, Thresholds())
    ids = {seed_claims[i].id for i in headlines}
    assert not any(p.a in ids or p.b in ids for p in alignment.pairs)
    assert not any(ids & set(g.claims) for g in alignment.groups)
    rest = [i for i in range(len(seed_claims)) if i not in headlines]
    assert align([seed_claims[i] for i in rest], seed_vectors[rest], Thresholds()) == alignment


def test_a_document_of_nothing_but_its_headline_joins_an_event(seed_claims, seed_vectors):
    """Its figures reach the fact sets only through an event: it joins one by its headline."""
    headline = next(i for i, c in enumerate(seed_claims) if c.headline)
    alone = replace(seed_claims[headline], id="999#h", doc="999")
    alignment = align([*seed_claims, alone], np.vstack([seed_vectors, seed_vectors[headline]]), Thresholds())
    assert any("999" in docs for docs in alignment.events)
    assert not any("999#h" in (p.a, p.b) for p in alignment.pairs)


def test_one_document_gives_no_pairs_and_no_matrix(seed_claims, seed_vectors):
    one = [c for c in seed_claims if c.doc.startswith("000")]
    alignment = align(one, seed_vectors[: len(one)], Thresholds())
    assert alignment.pairs == () and alignment.groups == ()


def test_ecbplus_sentences_carry_cross_document_events():
    from benchmarks.ecbplus import ECBPLUS, held_out, read_topic, topics, true_pairs

    if not ECBPLUS.is_dir():
        pytest.skip(f"ECB+ not found at {ECBPLUS}")
    sentences = read_topic("20")  # Qeshm earthquake (20.ecbplus) and its look-alike event (20.ecb)
    assert {s.subtopic for s in sentences} == {"20.ecb", "20.ecbplus"}
    assert not any(s.text.startswith("http") for s in sentences if s.subtopic.endswith("ecbplus"))
    pairs = true_pairs(sentences)
    assert pairs and all(sentences[i].doc != sentences[j].doc for i, j in pairs)
    assert all(sentences[i].subtopic == sentences[j].subtopic for i, j in pairs)
    assert {"18", "23", "24"} <= held_out(topics()) and not {"8", "20", "29", "41", "43"} & held_out(topics())


@pytest.mark.parametrize("event", ["32-ecbplus", "21-ecbplus", "4-ecb", "13-ecb", "36-ecbplus", "9-ecbplus", "18-ecb", "27-ecbplus", "42-ecb"])
def test_ecbplus_events_are_written_as_corpora_the_held_out_gold_quotes(tmp_path, event):
    """The held-out ECB+ events (tests/data/gold/ecb-*.yaml) quote texts write_event builds: a
    change to the detokenizer that moved a character would silently drop its labelled pairs."""
    import yaml

    from benchmarks.ecbplus import ECBPLUS, write_event
    from checker.corpus import read_corpus

    if not ECBPLUS.is_dir():
        pytest.skip(f"ECB+ not found at {ECBPLUS}")
    topic, kind = event.split("-")
    written = write_event(topic, kind, tmp_path)
    assert written and all(p.read_text(encoding="utf-8").strip() for p in written)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in written}
    gold = yaml.safe_load((ROOT / "tests" / "data" / "gold" / f"ecb-{event}.yaml").read_text(encoding="utf-8"))
    assert {side["doc"] for pair in gold for side in (pair["a"], pair["b"])} <= set(texts)
    assert all(side["text"] in texts[side["doc"]] for pair in gold for side in (pair["a"], pair["b"]))
    articles = read_corpus(tmp_path, 5_000_000)
    assert len(articles) == len(written) and all(not a.text.startswith("http") for a in articles)


def test_report_marks_the_other_event_and_keeps_it_out_of_silence(seed_report):
    report = seed_report
    events = {d["id"][:3]: d["event"] for d in report_dict(report)["documents"]}
    assert events == {"000": 0, "001": 0, "002": 0, "003": 0, "004": 1}
    assert report.summary["other_event_documents"] == 1
    assert not any(d.startswith("004") for g in report.groups for d in g.docs + g.silent)
    assert "**Another event:** `004_1e74f10a77939f71` is about a different event" in render_markdown(report)


def test_names_in_common_rank_same_event_documents_above_look_alike_events_told_in_the_same_words():
    """Two earthquakes reported in the same words (claim vectors alike across the events) but with
    other places, people and tolls: by wording alone an outlet of the other event is as close as one
    of the same event; the names and numbers in common put every same-event pair of documents
    closer than every look-alike pair. (Ranking only: whether the shipped cut then splits them
    depends on how far apart the events are, which the fitted cut decides on real folders.)"""
    from checker.align import DocumentSimilarity, fitted_scorer
    from checker.records import Claim

    wording = np.random.default_rng(0).normal(size=(3, 16))
    stories = {
        "b": ["The quake in Bam killed 41 people, said Karimi", "Rescuers reached Bam city by Monday", "Governor Karimi asked Kerman for 900 tents"],
        "q": ["The quake in Qeshm killed 13 people, said Ahmadi", "Rescuers reached Qeshm island by Sunday", "Governor Ahmadi asked Tehran for 400 tents"],
    }
    claims, rows = [], []
    for event, sentences in stories.items():
        for outlet, ending in enumerate((".", " today.", " at noon.")):  # three outlets' wordings: no copies
            for n, sentence in enumerate(sentences):
                text = sentence + ending
                claims.append(Claim(id=f"{event}{outlet}-{n}", doc=f"{event}{outlet}", text=text, start=100 * n, end=100 * n + len(text), language="en"))
                rows.append(wording[n] + np.random.default_rng(len(rows)).normal(size=16))
    vectors = np.array(rows, dtype=np.float32)
    similarity = DocumentSimilarity.of(claims, vectors / np.linalg.norm(vectors, axis=1, keepdims=True), fold_similarity=0.97)
    assert [k[0] for k in similarity.kinds] == ["b0", "b1", "b2", "q0", "q1", "q2"]
    same_event = np.kron(np.eye(2), np.ones((3, 3))).astype(bool) & ~np.eye(6, dtype=bool)
    look_alike = ~np.kron(np.eye(2), np.ones((3, 3))).astype(bool)
    assert similarity.claims[same_event].min() < similarity.claims[look_alike].max()
    weight = fitted_scorer().event_anchor_weight
    mixed = (1 - weight) * similarity.claims + weight * similarity.anchors
    assert mixed[same_event].min() > mixed[look_alike].max()
