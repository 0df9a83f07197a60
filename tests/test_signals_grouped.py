"""Claims that share a group without the aligner pairing them, several figures of one measure in one
sentence, and whose a figure is (small constructed texts)."""

from __future__ import annotations

import numpy as np
import pytest

from checker.align import align, measured_pairs
from checker.config import Thresholds, load_config
from checker.names import anchors
from checker.pipeline import ScoredPairs, assemble
from checker.records import (
    Alignment,
    Article,
    CandidatePair,
    Claim,
    ClaimGroup,
    RunSettings,
    Verdict,
)
from checker.report.html import finding_views
from checker.signals import compare, read_facts
from checker.signals.grouped import GROUP_PARTNERS, grouped_pairs
from checker.signals.owners import owner, subject
from checker.verdict import pair_verdict

T = Thresholds()


def facts(doc, text, language="en"):
    return read_facts(Claim(f"{doc}#x", doc, text, 0, len(text), language), None)


# the score of a grouped pair that the aligner's measure does not make one fact (below same_fact)
LOOSE = 0.1


def findings(text_a, text_b, *, similarity=None, grouped=False):
    """A scored pair's findings (a close paraphrase unless similarity says otherwise), or a grouped
    pair's (scored LOOSE unless similarity says otherwise)."""
    score = similarity if similarity is not None else LOOSE if grouped else 0.9
    found = compare(facts("a", text_a), facts("b", text_b), score, T, grouped=grouped)
    return [(r.kind, r.severity, r.a_value, r.b_value) for r in found if r.severity]


def claim(doc, i, text="x"):
    return Claim(f"{doc}#{i}", doc, text, i, i + 1, "en")


def pairs_of(claims, vectors, alignment):
    return grouped_pairs(claims, vectors, alignment, T)


def test_grouped_pairs_are_the_cross_source_pairs_the_aligner_left_out():
    claims = [claim("a", 0), claim("a", 1), claim("b", 0), claim("c", 0)]
    vectors = np.eye(4, dtype=np.float32) + 0.1
    scored = CandidatePair("a#0", "b#0", 0.5, 0.5, 0.5, True)
    alignment = Alignment((scored,), (ClaimGroup("g", ("a#0", "a#1", "b#0", "c#0")),), (("a", "b", "c"),))
    found = pairs_of(claims, vectors, alignment)
    assert [(p.a, p.b) for p in found] == [("a#0", "c#0"), ("a#1", "b#0"), ("a#1", "c#0"), ("b#0", "c#0")]
    assert all(p.grouped and not p.mutual for p in found)
    assert pairs_of(list(reversed(claims)), vectors[::-1], alignment) == found  # deterministic


# Two events, three outlets each, each fact told three ways, with a headline per article
FALL = [
    ("Duncan Rait fell 200 metres on Friday.", "Duncan Rait, 36, fell about 60m on Friday.", "Australian Duncan Rait fell 200 feet."),
    ("Rait died near Mount Cook.", "The climber died on Mount Cook.", "He died in Aoraki Mount Cook National Park."),
    ("Police said the climber slipped on ice.", "Inspector Dave Gaskin said he slipped.", "He slipped on ice, police said."),
]
QUAKE = [
    ("A magnitude 6.1 quake hit Qeshm on Sunday.", "A 5.9 magnitude earthquake struck Qeshm island.", "The quake measured 6.0 on Qeshm."),
    ("At least 13 people were killed on Qeshm.", "The quake killed 10 people.", "Governor Heidar Alishvandi said 13 died."),
    ("Officials said 50 were injured.", "About 50 people were hurt.", "Some 70 were injured, Alishvandi said."),
]


def two_events():
    """Claims and unit vectors of the two events: an event's vectors share its topic, a fact's its own."""
    rng = np.random.default_rng(3)
    claims, rows = [], []
    for prefix, facts in (("a", FALL), ("b", QUAKE)):
        event, topics = rng.normal(size=16), [rng.normal(size=16) for _ in facts]
        for d in range(3):
            doc, headline = f"{prefix}{d}", f"{facts[0][d]} ({prefix}{d})"
            claims.append(Claim(f"{doc}#h", doc, headline, 0, len(headline), "en", headline=True))
            rows.append(3 * event + rng.normal(size=16))
            for k, told in enumerate(facts):
                start = 100 * (k + 1)
                claims.append(Claim(f"{doc}#{k}", doc, told[d], start, start + len(told[d]), "en"))
                rows.append(3 * event + 2 * topics[k] + 0.5 * rng.normal(size=16))
    vectors = np.array(rows, dtype=np.float32)
    return claims, vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def scores(pairs):
    return [(p.a, p.b, p.similarity, p.anchor_overlap, p.score) for p in pairs]


def test_grouped_pairs_carry_the_score_the_aligner_gives_a_pair_within_its_event():
    """The aligner scores a pair with its event's statistics (language means, IDF of names and
    numbers over the event's claims, headlines left out): measured_pairs gives the very score the
    aligner gave each pair it made, and a grouped pair's score does not move with another event
    beside it. (A corpus-wide measure scored these pairs up to 0.15 higher.)"""
    claims, vectors = two_events()
    alignment = align(claims, vectors, T)
    assert alignment.events == (("a0", "a1", "a2"), ("b0", "b1", "b2"))
    assert {p.a[0] for p in alignment.pairs} == {"a", "b"} and alignment.copies  # copies are units, as in the aligner
    assert scores(measured_pairs(claims, vectors, alignment, T, [(p.a, p.b) for p in alignment.pairs])) == scores(alignment.pairs)
    grouped = grouped_pairs(claims, vectors, alignment, T)
    assert {p.a[0] for p in grouped} == {"a", "b"}
    fall = [i for i, c in enumerate(claims) if c.doc.startswith("a")]
    alone = [claims[i] for i in fall]
    assert scores(p for p in grouped if p.a.startswith("a")) == scores(
        grouped_pairs(alone, vectors[fall], align(alone, vectors[fall], T), T))


def test_measured_pairs_read_each_claims_names_and_numbers_once(monkeypatch):
    """Once per claim in its event, not once per pair it is in (speed goals live in benchmarks/)."""
    import checker.align

    claims, vectors = two_events()
    alignment = align(claims, vectors, T)
    body = [c for c in claims if not c.headline]
    pairs = [(x.id, y.id) for x in body for y in body if x.doc[0] == y.doc[0] and x.doc < y.doc]
    read = []
    monkeypatch.setattr(checker.align, "anchors", lambda text, names: read.append(text) or anchors(text, names))
    measured_pairs(claims, vectors, alignment, T, pairs)
    assert len(pairs) == 54 and len(read) == len(set(read)) <= len(body) == 18


def test_a_big_group_gives_pairs_linear_in_its_size():
    sources = 3 * GROUP_PARTNERS
    claims = [claim(f"d{i:03d}", 0) for i in range(sources)]
    vectors = np.random.default_rng(0).normal(size=(sources, 8)).astype(np.float32)
    found = pairs_of(claims, vectors, Alignment((), (ClaimGroup("g", tuple(c.id for c in claims)),), (tuple(c.doc for c in claims),)))
    assert len(found) <= sources * GROUP_PARTNERS < sources * (sources - 1) / 2


def test_a_grouped_pair_without_a_finding_is_partial_in_triage():
    pair = CandidatePair("a#0", "b#0", 0.8, 0.2, 0.85, False, grouped=True)
    verdict = pair_verdict(pair, None, [], T)
    assert verdict.verdict == Verdict.PARTIAL
    assert verdict.reasons[-1].explanation.startswith("only grouped: in one claim group, but not paired by the aligner (its measure gives 0.85)")


FALL_200M = "The 36-year-old slipped and fell approximately 200 metres down a steep ice gully, police said."
FALL_60M = "On Friday, 36-year-old Duncan Rait died after slipping and falling about 60m from a ridge."


def test_a_grouped_pair_the_aligners_measure_makes_one_fact_gets_the_hard_findings_of_such_a_pair():
    """200 metres against 60m of one fall, the two in one group through a third claim: where the
    pair's own score says one fact, they are compared as a pair scored so; a loose one is not."""
    assert findings(FALL_200M, FALL_60M, grouped=True, similarity=T.same_fact) == [
        ("number", "hard", "approximately 200 metres", "about 60m")]
    assert findings(FALL_200M, FALL_60M, grouped=True) == []  # scored LOOSE: figures this far apart are two facts
    # agreeing figures give nothing to report: 200ft is about 60m
    assert findings("Rait fell about 200ft from a ridge.", FALL_60M, grouped=True, similarity=0.9) == []


def test_a_grouped_pair_gets_no_soft_finding_from_its_score():
    """A spelling of a name or a day told otherwise is a scored pair's soft finding: a group's
    loose evidence does not bear it."""
    a, b = "Duncan Raite died after falling about 200ft.", "Duncan Rait died after falling about 200ft."
    assert findings(a, b) == [("entity", "soft", "Raite", "Rait")]
    assert findings(a, b, grouped=True, similarity=0.9) == []


def article(doc, text):
    return Article(doc, f"{doc}.txt", text, "en", date="2013-09-16")


def grouped_report(texts, vectors):
    """The report of three one-claim articles, a and b paired, b and c paired, all three one group:
    a and c are only grouped."""
    articles = [article(d, t) for d, t in zip("abc", texts)]
    claims = [Claim(f"{d}#0", d, t, 0, len(t), "en") for d, t in zip("abc", texts)]
    alignment = Alignment(
        (CandidatePair("a#0", "b#0", 0.5, 0.5, 0.6, True), CandidatePair("b#0", "c#0", 0.5, 0.5, 0.6, True)),
        (ClaimGroup("g", ("a#0", "b#0", "c#0")),), (("a", "b", "c"),),
    )
    config = load_config("offline")
    settings = RunSettings("offline", "test", None, {})
    return assemble(articles, claims, np.array(vectors, dtype=np.float32), alignment, ScoredPairs(None, 0), config, settings,
                    name="t", generated_at="2026-01-01T00:00:00+00:00")


# a and c alike, b apart: centred, a and c score as one fact
ALIKE = [[1, 1, 0, 0], [0, 0, 1, 1], [1, 1, 0.1, 0]]
APART = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]]


def test_a_report_adds_a_grouped_pair_only_for_a_hard_finding():
    middle = "Duncan Rait died on Friday after a fall from a ridge."
    report = grouped_report([FALL_200M, middle, FALL_60M], ALIKE)
    [found] = [p for p in report.pairs if p.pair.grouped]
    assert (found.pair.a, found.pair.b, found.verdict) == ("a#0", "c#0", Verdict.CONTRADICT)
    assert found.pair.score >= T.same_fact and found.reasons[-1].explanation.startswith("only grouped")
    assert report.summary["grouped_pairs"] == 1 and report.groups[0].verdict == Verdict.CONTRADICT
    # an agreeing pair that is only grouped is not added: the pairs and their verdicts stay the aligner's
    agreeing = grouped_report([FALL_200M.replace("approximately 200 metres", "about 60 metres"), middle, FALL_60M], ALIKE)
    assert [(p.pair.a, p.pair.b) for p in agreeing.pairs] == [("a#0", "b#0"), ("b#0", "c#0")]
    assert agreeing.summary["grouped_pairs"] == 0
    # nor one the aligner's measure does not make one fact
    assert not [p for p in grouped_report([FALL_200M, middle, FALL_60M], APART).pairs if p.pair.grouped]


def test_grouped_pairs_compare_near_figures_only():
    assert findings("A magnitude-6.1 quake hit.", "A magnitude-5.9 quake hit.", grouped=True)[0][:2] == ("number", "hard")
    # two plays of one game: figures far apart in a loose group are other facts
    assert findings("Butler returned it 32 yards.", "He ran 37 yards.", grouped=True) == []
    # the sentence-level signals need a pair the aligner scored that close
    assert findings("The army did not send troops.", "The army sent troops.", grouped=True) == []
    assert findings("The army did not send troops.", "The army sent troops.")[0][0] == "negation"


def test_grouped_pairs_compare_the_events_tallies_however_far_apart():
    """The dead and the injured are one fact of the event: a toll against none is a clash in a
    loose group too, unless the none is said of a place the toll is not ("in Dubai")."""
    toll = "Local official Miabek Lang said at least 12 people had been killed and 20 wounded."
    assert findings(toll, "There appeared to be no casualties.", grouped=True)[0][:2] == ("number", "hard")
    assert findings("About 50 were hurt.", "Five people were injured.", grouped=True)[0][:2] == ("number", "hard")
    assert findings("Qeshm Gov. Heidar Alishvandi said 50 were injured.", "There were no reported injuries in Dubai.",
                    grouped=True) == []
    assert findings("Qeshm Gov. Heidar Alishvandi said 50 were injured.", "There were no reported injuries in Dubai.") == []


def test_grouped_pairs_keep_framing():
    assert findings("The abduction of Maduro.", "The capture of Maduro.", grouped=True)[0][:2] == ("framing", "framing")


def test_grouped_pairs_say_the_figures_were_not_read_in_a_language_the_reader_lacks():
    """Silence on the figures of a Portuguese claim is no agreement: the grouped pair says they
    went unread, as a scored pair does, and its HTML finding of another kind shows it."""
    texts = {"a#x": "The capture of Maduro left 12 dead.", "b#x": "O rapto de Maduro deixou 20 mortos."}
    found = compare(facts("a", texts["a#x"]), facts("b", texts["b#x"], "pt"), LOOSE, T, grouped=True)
    assert [(r.kind, r.severity) for r in found] == [("framing", "framing"), ("number", None)]
    assert found[1].explanation == "number and counted words not checked, language pt"
    assert not [r for r in compare(facts("a", texts["a#x"]), facts("b", "The abduction of Maduro left 20 dead."), LOOSE, T,
                                   grouped=True) if not r.severity]  # English figures are read: no note
    pair = {"reasons": [{"kind": r.kind, "severity": r.severity, "explanation": r.explanation} for r in found]}
    claims = {cid: {"text": text} for cid, text in texts.items()}
    [view] = finding_views({"findings": [{"pair": 0, "kind": "framing", "a": "a#x", "b": "b#x"}], "pairs": [pair]}, claims)
    assert [r["explanation"] for r in view["reasons"]][1:] == ["number and counted words not checked, language pt"]


def test_two_figures_of_one_measure_are_matched_by_owner():
    usgs = "The United States Geological Survey said it had a magnitude of 5.9."
    both = ("Tehran's seismologic center said the quake measured magnitude-5.9, but the U.S. Geological Survey "
            "said it was a magnitude-6.1 temblor.")
    assert findings(usgs, both) == [("number", "hard", "5.9", "6.1")]


def test_the_one_figure_that_can_be_the_same_fact_is_compared():
    bam_and_zarand = "More than 31,000 were killed in Bam in 2003, and 600 were killed in Zarand."
    assert findings(bam_and_zarand, "It killed 612 people.") == [("number", "hard", "600 were killed", "612 people")]
    # a shared figure makes the others more of the story, not one fact told two ways
    assert findings("Hillis added 101 yards, and the team finished with 352 yards.",
                    "Charles had 226 yards and Hillis 101 yards.") == []


def test_figures_of_named_different_owners_are_an_attribution_note():
    found = findings("Commissioner Lang said 12 people were killed.", "Mayor Smith said 15 people were killed.")
    assert [(kind, severity) for kind, severity, *_ in found] == [("attribution", "soft")]
    assert ("number", "hard") in [f[:2] for f in findings("Lang said 12 people were killed.", "15 people were killed.")]


def test_owners_are_named_speakers_not_places_agencies_or_players():
    text = "Tehran's seismologic center put it at 5.9, but the U.S. Geological Survey said it was 6.1."
    assert owner(text, "en", text.index("5.9")) == frozenset()  # a place, and no speech verb
    assert owner(text, "en", text.index("6.1")) == {"geological", "survey"}
    told = "The governor of Qeshm told AFP that 10 people were killed."
    assert owner(told, "en", told.index("10")) == frozenset()
    assert owner("Jamaal Charles ran for 226 yards.", "en", 24) == frozenset()
    assert owner("El portavoz Juan Pérez dijo que 12 personas murieron.", "es", 32) == {"juan", "perez"}
    assert owner("Der Sprecher Klaus Weber sagte, 12 Menschen seien gestorben.", "de", 32) == frozenset()


@pytest.mark.parametrize(("text", "figure", "told"), [
    ("On Saturday, 32-year-old Englishman Robert Buckley fell about 600 metres.", "600", ("buckley", (32, 32))),
    ("Mr Buckley's death came a day after 36-year-old Duncan Rait fell 200 feet.", "200", ("rait", (36, 36))),
    ("The 36-year-old, who had been living in Melbourne, fell 200 metres.", "200", (None, (36, 36))),
    ("Robert Buckley, 32, fell about 2,000 feet.", "2,000", (None, (32, 32))),  # "Robert" opening the claim may be "The"
    ("The man aged in his early 30s fell about 600m.", "600", (None, (30, 33))),
    ("A man in her mid-40s fell 2,000 feet.", "2,000", (None, (43, 46))),
    ("A British climber has fallen 2,000 feet.", "2,000", (None, None)),  # a people, not a name
    ("Inspector Dave Gaskin said the man fell 2,000 feet.", "2,000", (None, None)),  # the speaker is no subject
    ("The climber fell 2,000 feet, said Inspector Dave Gaskin, 50.", "2,000", (None, None)),  # nothing after the figure
])
def test_the_subject_a_figure_is_told_of(text, figure, told):
    assert subject(text, "en", text.index(figure)) == told


@pytest.mark.parametrize(("a", "b"), [
    ("On Friday, 36-year-old Duncan Rait fell about 200 feet.", "On Saturday, 32-year-old Robert Buckley fell about 2,000 feet."),
    ("Police said Duncan Rait fell about 200 feet.", "Police said Robert Buckley fell about 2,000 feet."),
    ("The 36-year-old slipped and fell 200 metres.", "Robert Buckley, 32, slipped and fell about 2,000 feet."),
    ("The climber fell 200 metres on Friday.", "The climber fell 600 metres on Saturday."),
    ("The man aged in his early 30s fell about 600m.", "The 36-year-old slipped and fell 200 metres."),
])
def test_figures_of_different_subjects_are_not_one_fact(a, b):
    assert [f for f in findings(a, b) if f[0] == "number"] == []


@pytest.mark.parametrize(("a", "b"), [
    ("The 36-year-old slipped and fell 200 metres.", "Duncan Rait, 36, slipped and fell 200 feet."),
    ("Police said Duncan Rait fell 200 metres.", "Police said Duncan Raite fell 200 feet."),  # one name spelled two ways
    ("31-year-old Robert Buckley fell 700 metres.", "32-year-old Robert Buckley fell 600 metres."),  # his two ages: the age signal's
    ("Inspector Dave Gaskin said the man fell 700 metres.", "Robert Buckley fell 600 metres."),
    ("On Friday, 36-year-old Duncan Rait fell 200 feet.", "A 36-year-old Australian climber fell 150 metres."),
    ("The man aged in his 30s fell about 200m.", "The 36-year-old slipped and fell 150 metres."),
])
def test_figures_of_one_subject_or_of_none_named_are_compared(a, b):
    assert [f[:2] for f in findings(a, b) if f[0] == "number"][:1] == [("number", "hard")]


def test_the_event_tallies_are_the_events_whoever_is_named_by_them():
    found = findings("The blast that Duncan Rait saw killed 3 people.", "The blast that Robert Buckley saw killed 5 people.")
    assert [f[:2] for f in found] == [("number", "hard")]


def test_a_report_lists_only_the_grouped_pairs_with_a_finding(seed_report):
    """The seed's Überfall / abduction framing sits in one group, never scored as a pair: it is
    reported; grouped pairs with nothing found are not (their group already says they share it)."""
    grouped = [p for p in seed_report.pairs if p.pair.grouped]
    assert grouped
    assert all(any(r.severity for r in p.reasons) for p in grouped)
    assert seed_report.summary["grouped_pairs"] == len(grouped)
