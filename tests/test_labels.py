from __future__ import annotations

import numpy as np

from checker.labels import group_labels, shorten
from checker.records import Claim, ClaimGroup


def test_label_is_the_most_central_claim_shortened():
    claims = [
        Claim("a#1", "a", "Three people died when a bank was set on fire in Athens.", 0, 10, "en"),
        Claim("b#1", "b", "„Drei Menschen starben in einer Bank in Athen“", 0, 10, "de"),
        Claim("c#1", "c", "The strike was called by the unions against austerity and the bank fire killed three.", 0, 10, "en"),
    ]
    vectors = np.array([[1.0, 0.0], [0.7, 0.7], [0.0, 1.0]])  # b lies between a and c
    group = ClaimGroup("g-1", ("a#1", "b#1", "c#1"))
    assert group_labels([group], claims, vectors) == {"g-1": "Drei Menschen starben in einer Bank in Athen"}


def test_shorten_cuts_at_a_word_and_keeps_short_text_whole():
    assert shorten("Short\nclaim.") == "Short claim."
    long = "The earthquake struck the island of Qeshm in southern Iran on Sunday afternoon, killing at least ten people."
    label = shorten(long)
    assert len(label) <= 80 and label.endswith("…") and long.startswith(label[:-1])
    assert not label[:-1].endswith(" ")
