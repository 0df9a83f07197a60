"""The JSON report: everything, with offsets; validates against schemas/report.schema.json."""

from __future__ import annotations

import json
from typing import Any

from checker.records import Decision, Report
from checker.review.findings import findings
from checker.yamlfile import load_schema

SCHEMA_VERSION = 1


def decision_dict(d: Decision | None) -> dict[str, Any] | None:
    return None if d is None else {"status": d.status, "reviewer": d.reviewer, "note": d.note, "at": d.at}


def report_dict(report: Report) -> dict[str, Any]:
    claim_doc = {c.id: c.doc for c in report.claims}
    event_of = {doc: n for n, docs in enumerate(report.events) for doc in docs}
    pair_index = {(p.pair.a, p.pair.b): i for i, p in enumerate(report.pairs)}
    review = report.review
    return {
        "schema_version": SCHEMA_VERSION,
        "name": report.name,
        "generated_at": report.generated_at,
        "settings": {
            "preset": report.settings.preset,
            "embedder": report.settings.embedder,
            "nli": report.settings.nli,
            "mode": "nli" if report.settings.nli else "triage",
            "backend": report.settings.backend,
            "thresholds": report.settings.thresholds,
            "notes": list(report.settings.notes),
        },
        "summary": report.summary,
        "documents": [
            {
                "id": a.id,
                "path": a.path,
                "source": a.source,
                "url": a.url,
                "language": a.language,
                "date": a.date,
                "title": a.title,
                "event": event_of.get(a.id, 0),
                "text": a.text,
                "removed": [
                    {"start": r.start, "end": r.end, "reason": r.reason, "text": a.text[r.start:r.end]}
                    for r in a.removed
                ],
            }
            for a in report.articles
        ],
        "claims": [
            {
                "id": c.id,
                "doc": c.doc,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "language": c.language,
                "quote": c.quote,
                "speaker": c.speaker,
                "headline": c.headline,
            }
            for c in report.claims
        ],
        "pairs": [
            {
                "a": p.pair.a,
                "b": p.pair.b,
                "doc_a": claim_doc[p.pair.a],
                "doc_b": claim_doc[p.pair.b],
                "similarity": p.pair.similarity,
                "anchor_overlap": p.pair.anchor_overlap,
                "score": p.pair.score,
                "mutual": p.pair.mutual,
                "grouped": p.pair.grouped,
                "verdict": p.verdict.value,
                "nli": None if p.nli is None else {
                    "a_to_b": vars(p.nli.a_to_b),
                    "b_to_a": vars(p.nli.b_to_a),
                },
                "reasons": [
                    {
                        "kind": r.kind,
                        "severity": r.severity,
                        "explanation": r.explanation,
                        "a_span": list(r.a_span) if r.a_span else None,
                        "b_span": list(r.b_span) if r.b_span else None,
                        "a_value": r.a_value,
                        "b_value": r.b_value,
                    }
                    for r in p.reasons
                ],
            }
            for p in report.pairs
        ],
        "groups": [
            {
                "id": g.group.id,
                "label": g.label,
                "claims": list(g.group.claims),
                "verdict": g.verdict.value,
                "documents": list(g.docs),
                "silent": list(g.silent),
                "camps": [{"kind": c.kind, "value": c.value, "documents": list(c.docs)} for c in g.camps],
            }
            for g in report.groups
        ],
        "characterisations": [
            {
                "kind": ch.kind,
                "subject": ch.subject,
                "consistent": ch.consistent,
                "note": ch.note,
                "camps": [
                    {"value": value, "mentions": [vars(m) for m in mentions]}
                    for value, mentions in ch.camps
                ],
            }
            for ch in report.characterisations
        ],
        "timelines": [
            {"measure": t.measure, "points": [vars(point) for point in t.points], "flagged": list(t.flagged)}
            for t in report.timelines
        ],
        "findings": [
            {
                "id": f.id,
                "kind": f.kind,
                "severity": f.severity,
                "verdict": f.pair.verdict.value,
                "pair": pair_index[(f.a.id, f.b.id)],
                "a": f.a.id,
                "b": f.b.id,
                "doc_a": f.a.doc,
                "doc_b": f.b.doc,
                "new": f.id in review.new,
                "review": decision_dict(review.decisions.get(f.id)),
            }
            for f in findings(report)
        ],
        "resolved_findings": [
            {**vars(seen), "review": decision_dict(decision)} for seen, decision in review.resolved
        ],
    }


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def report_schema() -> dict[str, Any]:
    return load_schema("report.schema.json")
