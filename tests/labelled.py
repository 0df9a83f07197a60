"""Hand-labelled claim pairs (tests/data/*.yaml) resolved against a run's claims."""

from __future__ import annotations

from pathlib import Path

import yaml

from checker.records import Alignment, Claim

DATA = Path(__file__).parent / "data"


def find_claim(claims: list[Claim], doc_prefix: str, text_start: str) -> Claim:
    hits = [c for c in claims if c.doc.startswith(doc_prefix) and c.text.startswith(text_start)]
    assert len(hits) == 1, f"{doc_prefix} {text_start!r} matches {len(hits)} claims"
    return hits[0]


def labelled_pairs(claims: list[Claim]) -> dict[str, list[tuple[Claim, Claim]]]:
    data = yaml.safe_load((DATA / "alignment_pairs.yaml").read_text(encoding="utf-8"))
    return {
        label: [(find_claim(claims, da, ta), find_claim(claims, db, tb)) for da, ta, db, tb in rows]
        for label, rows in data.items()
    }


def related_rates(alignment: Alignment, claims: list[Claim]) -> tuple[float, float]:
    """(share of related pairs put in one group, share of look-alike pairs put in one group)."""
    group_of = {cid: g.id for g in alignment.groups for cid in g.claims}

    def together(a: Claim, b: Claim) -> bool:
        return a.id in group_of and group_of.get(a.id) == group_of.get(b.id)

    pairs = labelled_pairs(claims)
    recall = sum(together(a, b) for a, b in pairs["related"]) / len(pairs["related"])
    false_rate = sum(together(a, b) for a, b in pairs["unrelated"]) / len(pairs["unrelated"])
    return recall, false_rate


def discrepancy_pairs(claims: list[Claim]) -> dict[str, list[tuple[Claim, Claim, str]]]:
    data = yaml.safe_load((DATA / "discrepancy_pairs.yaml").read_text(encoding="utf-8"))
    return {
        label: [(find_claim(claims, da, ta), find_claim(claims, db, tb), what) for da, ta, db, tb, what in rows]
        for label, rows in data.items()
    }
