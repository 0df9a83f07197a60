"""Outputs of `checker verify`: console lines, the --json document and --junit XML."""

from __future__ import annotations

import json
from typing import Any

from junitparser import Failure, JUnitXml, Skipped, TestCase, TestSuite

from checker.assertions import DocumentStance, Evidence, Verification
from checker.review.baseline import Excused, passes, still_fails

MODE_TEXT = {
    "nli": "NLI (evidence -> claim) and typed signals",
    "offline": "similarity and typed signals, no NLI",
}


def evidence_dict(e: Evidence | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {
        "claim": e.claim.id,
        "text": e.claim.text,
        "start": e.claim.start,
        "end": e.claim.end,
        "similarity": e.similarity,
        "score": e.score,
        "relevance": e.relevance,
        "coverage": e.coverage,
        "figures": e.figures,
        "support": e.support,
        "nli": vars(e.nli) if e.nli else None,
        "reasons": [
            {"kind": r.kind, "severity": r.severity, "explanation": r.explanation, "evidence_value": r.a_value,
             "claim_value": r.b_value}
            for r in e.reasons if r.severity
        ],
    }


def verification_dict(v: Verification, excused: Excused | None = None, notes: tuple[str, ...] = ()) -> dict[str, Any]:
    """With a baseline (`excused`, from --baseline), each document says `dismissed_by`: the finding
    dismissed in review that excuses its failure, or null, and "ok" is the exit status's verdict.
    `notes`: model fall-backs, so a reader sees which models really ran and why."""
    return {
        "mode": v.mode,
        "decided_by": MODE_TEXT[v.mode],
        "embedder": v.embedder,
        "nli": v.nli,
        "notes": list(notes),
        "ok": passes(v, excused or {}),
        "summary": summary_counts(v, excused),
        "claims": [
            {
                "id": r.claim.id,
                "text": r.claim.text,
                "ok": r.ok,
                "supporting": r.supporting,
                "min_supporting": r.claim.min_supporting,
                "documents": [
                    {"doc": d.doc, "stance": d.stance, "expected": d.expected, "ok": d.ok,
                     **({} if excused is None else {"dismissed_by": excused.get((r.claim.id, d.doc))}),
                     "evidence": evidence_dict(d.evidence)}
                    for d in r.documents
                ],
            }
            for r in v.results
        ],
    }


def render_json(v: Verification, excused: Excused | None = None, notes: tuple[str, ...] = ()) -> str:
    return json.dumps(verification_dict(v, excused, notes), ensure_ascii=False, indent=2) + "\n"


def summary_counts(v: Verification, excused: Excused | None = None) -> dict[str, int]:
    """`claims_failing` leaves out claims whose only failures were dismissed in review (`excused`)."""
    expected = [d for r in v.results for d in r.documents if d.expected is not None]
    return {
        "claims": len(v.results),
        "claims_failing": sum(still_fails(r, excused or {}) for r in v.results),
        "stances": sum(len(r.documents) for r in v.results),
        "expectations": len(expected),
        "expectations_failing": sum(not d.ok for d in expected),
        "min_supporting_failing": sum(not r.min_supporting_ok for r in v.results),
    }


def describe(d: DocumentStance) -> str:
    e = d.evidence
    if e is None:
        return f"{d.doc}: expected {d.expected}, got {d.stance} (no evidence in this document)"
    scores = f"support {e.support:.2f}: similarity {e.similarity:.2f}, wording {e.coverage:.2f}"
    if e.nli:
        scores += f", NLI entailment {e.nli.entailment:.2f}, contradiction {e.nli.contradiction:.2f}"
    signals = "; ".join(r.describe() for r in e.reasons if r.severity)
    return (
        f"{d.doc}: expected {d.expected}, got {d.stance}. Evidence ({scores}): \"{e.claim.text}\""
        + (f" [{signals}]" if signals else "")
    )


def failure_lines(v: Verification, excused: Excused | None = None) -> list[str]:
    """One line per failing expectation; those a review dismissed (`--baseline`) say so and pass."""
    excused = excused or {}
    lines = []
    for r in v.results:
        for d in r.documents:
            if (r.claim.id, d.doc) in excused:
                lines.append(f"DISMISSED {r.claim.id} (line {r.claim.line}) {describe(d)} [baseline: finding {excused[(r.claim.id, d.doc)]} dismissed in review]")
            elif not d.ok:
                lines.append(f"FAIL {r.claim.id} (line {r.claim.line}) {describe(d)}")
        if not r.min_supporting_ok:
            lines.append(
                f"FAIL {r.claim.id} (line {r.claim.line}): {r.supporting} supporting sources, "
                f"at least {r.claim.min_supporting} expected"
            )
    return lines


def summary_line(v: Verification, excused: Excused | None = None) -> str:
    s = summary_counts(v, excused)
    failing = s["expectations_failing"] + s["min_supporting_failing"] - len(excused or {})
    verdict = "all expectations hold" if v.ok else f"{failing} failing" if failing else "all expectations hold or are dismissed"
    dismissed = f", {len(excused)} dismissed in review" if excused else ""
    return (
        f"{s['claims']} claims x {s['stances'] // max(s['claims'], 1)} documents: {s['expectations']} expectations, "
        f"{verdict}{dismissed} ({s['claims_failing']} claims fail). Decided by {MODE_TEXT[v.mode]}."
    )


def render_junit(v: Verification, suite_name: str, excused: Excused | None = None, notes: tuple[str, ...] = ()) -> str:
    """One test case per claim and document with an expectation, plus one per min_supporting;
    a failure dismissed in review (`--baseline`) is a skipped case; the suite's properties name
    the models that ran and any fall-back."""
    excused = excused or {}
    suite = TestSuite(suite_name)
    suite.add_property("embedder", v.embedder)
    suite.add_property("nli", v.nli or "none (offline mode)")
    for n, note in enumerate(notes, 1):
        suite.add_property(f"note{n}", note)
    for r in v.results:
        for d in r.documents:
            if d.expected is None:
                continue
            case = TestCase(f"{r.claim.id} [{d.doc}]", classname=f"claims.{r.claim.id}", time=0.0)
            if (r.claim.id, d.doc) in excused:
                case.result = [Skipped(f"dismissed in review (finding {excused[(r.claim.id, d.doc)]}): {describe(d)}")]
            elif not d.ok:
                case.result = [Failure(describe(d), "StanceMismatch")]
            suite.add_testcase(case)
        if r.claim.min_supporting is not None:
            case = TestCase(f"{r.claim.id} [min_supporting]", classname=f"claims.{r.claim.id}", time=0.0)
            if not r.min_supporting_ok:
                case.result = [Failure(f"{r.supporting} supporting sources, at least {r.claim.min_supporting} expected", "TooFewSources")]
            suite.add_testcase(case)
    suite.update_statistics()
    xml = JUnitXml()
    xml.add_testsuite(suite)
    text = xml.tostring()
    return text.decode("utf-8") if isinstance(text, bytes) else text
