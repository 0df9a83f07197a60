"""Findings: what an editor decides on. One per aligned pair and discrepancy kind, with an id
made from content (document ids, normalised claim texts, kind), so a re-run that still finds
the same difference between the same sentences gives it the same id."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from checker.normalize import normalize
from checker.records import Claim, PairVerdict, Reason, Report, SeenFinding, Verdict
from checker.signals import FRAMING, HARD, SOFT
from checker.verdict import SEVERITY

NLI_KIND = "nli"  # a contradiction NLI sees where no typed signal names the difference
SEVERITY_ORDER = (HARD, FRAMING, SOFT, NLI_KIND)  # "agrees" reasons are not discrepancies


@dataclass(frozen=True)
class Finding:
    id: str
    kind: str  # a signal kind (number, date, title, ...) or "nli"
    severity: str  # hard, framing, soft, or "nli"
    pair: PairVerdict
    a: Claim
    b: Claim
    reasons: tuple[Reason, ...]  # the pair's reasons of this kind

    def seen(self) -> SeenFinding:
        return SeenFinding(self.id, self.kind, self.a.doc, self.a.text, self.b.doc, self.b.text)


def finding_id(kind: str, a: Claim, b: Claim) -> str:
    sides = sorted([(a.doc, normalize(a.text)), (b.doc, normalize(b.text))])
    digest = hashlib.sha256(json.dumps([kind, sides], ensure_ascii=False).encode("utf-8")).hexdigest()
    return f"f-{digest[:16]}"


def findings(report: Report) -> list[Finding]:
    """Every discrepancy of the report, most serious first (severity, then verdict)."""
    claims = {c.id: c for c in report.claims}
    found: list[Finding] = []
    for p in report.pairs:
        a, b = claims[p.pair.a], claims[p.pair.b]
        discrepancies = [r for r in p.reasons if r.severity in SEVERITY_ORDER]
        kinds = dict.fromkeys(r.kind for r in discrepancies)
        for kind in kinds:
            reasons = tuple(r for r in discrepancies if r.kind == kind)
            severity = min((r.severity for r in reasons), key=SEVERITY_ORDER.index)
            found.append(Finding(finding_id(kind, a, b), kind, severity, p, a, b, reasons))
        if not kinds and p.verdict == Verdict.CONTRADICT:
            reasons = tuple(r for r in p.reasons if r.kind == NLI_KIND)
            found.append(Finding(finding_id(NLI_KIND, a, b), NLI_KIND, NLI_KIND, p, a, b, reasons))
    unique = {f.id: f for f in found}  # one sentence pair can be aligned only once, but be safe
    return sorted(
        unique.values(),
        key=lambda f: (SEVERITY_ORDER.index(f.severity), SEVERITY.index(f.pair.verdict), f.kind, f.a.doc, f.b.doc, f.id),
    )
