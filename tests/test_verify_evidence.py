"""checker verify's evidence rules, without models: which figures a sentence gives, a known figure
against a sentence's several, and which sentence of a document decides its stance."""

from __future__ import annotations

from dataclasses import replace

import pytest

from checker.assertions import Evidence, decide, figure_mismatches, gives
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
    ("killing at least three people", "killed 10 people", False),  # compatible, but it gives three
    ("up to 20 people were killed", "20 people were killed", True),
    ("about 50 people were injured", "52 people were injured", True),
    ("20,000 people marched", "20 people marched", False),  # two facts, not one figure
])
def test_a_bound_gives_only_its_bound(given, wanted, expected):
    assert gives(one_quantity(given), one_quantity(wanted)) is expected


def test_a_known_figure_against_several_that_do_not_fit_it():
    claim = facts("SeaMicro raised $60 million in venture funding.")
    sentence = facts("AMD pays $281m in cash and $53m in stock for SeaMicro, which raised $35m in two rounds.")
    (reason,) = figure_mismatches(sentence, claim)
    assert reason.kind == "number" and reason.severity == HARD and "$35m" in reason.explanation
    # one of the sentence's figures fits: no mismatch; nor between figures of different measures
    assert not figure_mismatches(facts("It raised $60 million, then $35m and $20m more."), claim)
    assert not figure_mismatches(facts("It has 80 employees and 3 offices."), claim)


def test_a_bound_that_does_not_give_the_known_figure_is_a_mismatch():
    claim = facts("The earthquake killed ten people.")
    (reason,) = figure_mismatches(facts("An earthquake hit, killing at least three people."), claim)
    assert reason.a_value == "'at least three people'" and reason.b_value == "ten people"
    assert not figure_mismatches(facts("An earthquake hit, killing at least 10 people."), claim)


def evidence(text: str, support: float, *reasons: Reason) -> Evidence:
    return Evidence(Claim(text[:8], "d", text, 0, len(text), "en"), 0.5, 0.5, 0.5, 0.0, 0.5, 0.0, support, None, reasons)


MISMATCH = Reason("number", "'$281 million' against '$334 million'", severity=HARD)


def test_a_mismatch_in_a_less_likely_sentence_than_one_stating_the_claim_is_another_figure():
    states = evidence("It will pay $334 million for SeaMicro.", 0.75)
    part = evidence("$281 million of the price will be in cash.", 0.58, MISMATCH)
    assert decide([states, part], False, T) == ("supports", states)
    # the likeliest sentence is the mismatch: the source gives another figure for the claim
    assert decide([replace(part, support=0.8), states], False, T)[0] == "contradicts"
    # nothing states the claim: the mismatch decides
    assert decide([part, replace(states, support=0.2)], False, T)[0] == "contradicts"
