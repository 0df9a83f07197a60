"""checker verify's evidence rules, without models: which figures a sentence gives, a known figure
against a sentence's several, and which sentence of a document decides its stance."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checker.assertions import (
    Evidence,
    claim_languages,
    decide,
    figure_mismatches,
    gives,
)
from checker.config import Thresholds
from checker.records import Claim, Reason
from checker.signals import HARD, read_facts
from checker.signals.numbers import quantities

T = Thresholds()


def facts(text: str):
    return read_facts(Claim("c", "d", text, 0, len(text), "en"), None)


def one_quantity(text: str):
    (found,) = quantities(text, "en")
    return found


@pytest.mark.parametrize(("given", "wanted", "expected"), [
    ("killing at least 10 people", "killed 10 people", True),
    ("up to 20 people were killed", "20 people were killed", True),
    ("about 50 people were injured", "52 people were injured", True),
    ("20,000 people marched", "20 people marched", False),  # two facts, not one figure
    ("more than 22,000 refugees live there", "about 20,000 refugees live there", False),  # ranges that only touch
    # a bound gives a value it includes, of its order
    ("at least 15,000 refugees live there", "about 20,000 refugees live there", True),
    ("killing at least 15 people", "killed 10 people", False),
    ("killing at least 30 people", "killed 612 people", False),
    # against a bound, a bound gives its bound only
    ("killing at least 10 people", "killing at least 30 people", False),
    ("killing at least 30 people", "killing at least 10 people", True),
])
def test_a_bound_gives_the_values_it_includes(given, wanted, expected):
    assert gives(one_quantity(given), one_quantity(wanted)) is expected


def test_a_known_figure_against_several_that_do_not_fit_it():
    claim = facts("SeaMicro raised $60 million in venture funding.")
    sentence = facts("AMD pays $281m in cash and $53m in stock for SeaMicro, which raised $35m in two rounds.")
    (reason,) = figure_mismatches(sentence, claim)
    assert reason.kind == "number" and reason.severity == HARD and "$35m" in reason.explanation
    # one of the sentence's figures fits: no mismatch; nor between figures of different measures
    assert not figure_mismatches(facts("It raised $60 million, then $35m and $20m more."), claim)
    assert not figure_mismatches(facts("It has 80 employees and 3 offices."), claim)


def test_a_bound_is_a_mismatch_where_it_leaves_the_known_figure_out():
    claim = facts("The earthquake killed ten people.")
    (reason,) = figure_mismatches(facts("An earthquake hit, killing at least 15 people."), claim)
    assert reason.a_value == "'at least 15 people'" and reason.b_value == "ten people"
    assert not figure_mismatches(facts("An earthquake hit, killing at least three people."), claim)
    # a bound far below the figure counts something else
    assert not figure_mismatches(facts("Another quake killed at least 30 people."), facts("The quake killed 612 people."))


def test_claims_are_read_in_a_language_at_hand():
    english = ["The Yida camp was home to about 20,000 refugees.", "Four bombs were dropped on the Yida camp."]
    assert claim_languages(english, {"en"}) == ["en", "en"]  # lingua alone: Esperanto, Yoruba
    german = "Petro und Trump trafen sich am Montag in Washington."
    assert claim_languages([*english, german], {"en", "de"}) == ["en", "en", "de"]
    assert claim_languages(["2026", german], {"en", "de"}) == ["und", "de"]  # a figure alone has no language


def evidence(text: str, support: float, *reasons: Reason, figures: float = 0.0, plainly: float | None = None) -> Evidence:
    plainly = figures if plainly is None else plainly
    return Evidence(Claim(text[:8], "d", text, 0, len(text), "en"), 0.5, 0.5, 0.5, 0.0, 0.5, figures, plainly, support, None,
                    reasons)


MISMATCH = Reason("number", "'$281 million' against '$334 million'", severity=HARD)


def test_a_mismatch_in_a_less_likely_sentence_than_one_stating_the_claim_is_another_figure():
    states = evidence("It will pay $334 million for SeaMicro.", 0.75, figures=1.0)
    part = evidence("$281 million of the price will be in cash.", 0.58, MISMATCH)
    assert decide([states, part], False, T) == ("supports", states)
    # the likeliest sentence is the mismatch: the source gives another figure for the claim
    assert decide([replace(part, support=0.8), states], False, T)[0] == "contradicts"
    # nothing states the claim: the mismatch decides
    assert decide([part, replace(states, support=0.2)], False, T)[0] == "contradicts"


def test_only_a_sentence_giving_the_claims_figure_outweighs_another_figure():
    topic = evidence("Tremors of lower magnitude are usual occurrences.", 0.6)  # states it, by wording alone
    other = evidence("A magnitude-5.9 earthquake rocked the island.", 0.47, MISMATCH)
    assert decide([topic, other], False, T) == ("contradicts", other)
    assert decide([replace(topic, figures=1.0, plainly=1.0), other], False, T)[0] == "supports"
    # a title mismatch is still outweighed by any sentence stating the claim
    office = Reason("title", "'junior minister' against 'Secretary of State'", severity=HARD)
    assert decide([topic, replace(other, reasons=(office,))], False, T)[0] == "supports"


def test_a_mismatch_counts_below_the_line_of_related_sentences():
    # between the two fitted lines, wherever a refit puts them
    other = evidence("Police put the march at roughly 30,000 people.", (T.verify_mismatch + T.verify_related) / 2, MISMATCH)
    assert T.verify_mismatch <= other.support < T.verify_related
    assert decide([other], False, T) == ("contradicts", other)
    assert decide([other], False, replace(T, verify_mismatch=T.verify_related))[0] == "silent"


def test_a_bound_that_includes_the_claims_figure_does_not_outweigh_a_value_that_does_not():
    # "at least 50 injured" includes the claim's 80, but the same source says "about 50 hurt"
    bound = evidence("Ten were killed and at least 50 injured.", 0.86, figures=1.0, plainly=0.0)
    value = evidence("Ten people are killed and about 50 hurt.", 0.41, MISMATCH)
    assert decide([bound, value], False, T) == ("contradicts", value)
    assert decide([replace(bound, plainly=1.0), value], False, T)[0] == "supports"
