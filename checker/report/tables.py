"""Tabular views of a Report (pandas): the pairs CSV and the coverage matrix."""

from __future__ import annotations

import pandas as pd

from checker.records import Report
from checker.review.findings import findings


def review_by_pair(report: Report) -> dict[tuple[str, str], str]:
    """Each pair's findings with their editorial decision: 'f-… number: dismissed (Ana: a typo)'."""
    text: dict[tuple[str, str], list[str]] = {}
    for f in findings(report):
        d = report.review.decisions.get(f.id)
        decision = f"{d.status} ({d.reviewer}{': ' + d.note if d.note else ''})" if d else "to decide"
        new = " [new]" if f.id in report.review.new else ""
        text.setdefault((f.a.id, f.b.id), []).append(f"{f.id} {f.kind}{new}: {decision}")
    return {pair: "; ".join(items) for pair, items in text.items()}


def pairs_frame(report: Report) -> pd.DataFrame:
    claims = {c.id: c for c in report.claims}
    group_of = {cid: g for g in report.groups for cid in g.group.claims}
    review = review_by_pair(report)
    rows = []
    for p in report.pairs:
        a, b = claims[p.pair.a], claims[p.pair.b]
        nli = p.nli
        rows.append({
            "group": group_of[a.id].group.id if a.id in group_of else "",
            "group_label": group_of[a.id].label if a.id in group_of else "",
            "verdict": p.verdict.value,
            "doc_a": a.doc,
            "doc_b": b.doc,
            "text_a": a.text,
            "text_b": b.text,
            "similarity": p.pair.similarity,
            "anchor_overlap": p.pair.anchor_overlap,
            "score": p.pair.score,
            "mutual": p.pair.mutual,
            "grouped": p.pair.grouped,
            "entail_a_to_b": nli.a_to_b.entailment if nli else None,
            "entail_b_to_a": nli.b_to_a.entailment if nli else None,
            "contradiction_max": max(nli.a_to_b.contradiction, nli.b_to_a.contradiction) if nli else None,
            "discrepancies": "; ".join(sorted({r.kind for r in p.reasons if r.severity})),
            "reasons": "; ".join(r.describe() for r in p.reasons),
            "review": review.get((a.id, b.id), ""),
            "claim_a": a.id,
            "claim_b": b.id,
            "offsets_a": f"{a.start}-{a.end}",
            "offsets_b": f"{b.start}-{b.end}",
        })
    return pd.DataFrame(rows, columns=[
        "group", "group_label", "verdict", "doc_a", "doc_b", "text_a", "text_b", "similarity", "anchor_overlap", "score",
        "mutual", "grouped", "entail_a_to_b", "entail_b_to_a", "contradiction_max", "discrepancies", "reasons", "review", "claim_a",
        "claim_b",
        "offsets_a", "offsets_b",
    ])


def coverage_frame(report: Report) -> pd.DataFrame:
    """One row per claim group, one column per document: does the document report the fact?"""
    docs = [a.id for a in report.articles]
    rows = [
        {"group": g.group.id, "label": g.label, "verdict": g.verdict.value, **{d: d in g.docs for d in docs}}
        for g in report.groups
    ]
    return pd.DataFrame(rows, columns=["group", "label", "verdict", *docs])


def render_csv(report: Report) -> str:
    return pairs_frame(report).map(spreadsheet_safe).to_csv(index=False, float_format="%.4f", lineterminator="\r\n")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> object:
    """A text a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice
    against CSV injection); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
