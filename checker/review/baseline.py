"""A baseline for `checker verify`, like a linter's: a failing expectation whose deciding
sentence is part of a finding an editor dismissed (for the same kind of difference) does not fail."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from checker.assertions import DocumentStance, Verification
from checker.errors import InputError
from checker.model import SeenFinding
from checker.review.findings import NLI_KIND, SEVERITY_ORDER, normalise
from checker.review.store import STORE_NAME, ReviewStore

Excused = dict[tuple[str, str], str]  # (known claim id, document) -> the dismissed finding's id


def dismissed_findings(folder: Path) -> list[SeenFinding]:
    path = folder / STORE_NAME
    if not path.is_file():
        raise InputError(str(folder), f"no review store ({STORE_NAME}) here: `checker review {folder}` makes one")
    with closing(ReviewStore(path)) as store:
        return store.dismissed()


def _kinds(stance: DocumentStance) -> set[str]:
    kinds = {r.kind for r in stance.evidence.reasons if r.severity in SEVERITY_ORDER}
    return kinds or ({NLI_KIND} if stance.stance == "contradicts" else set())


def excused_failures(verification: Verification, dismissed: list[SeenFinding]) -> Excused:
    by_sentence: dict[tuple[str, str, str], str] = {}
    for f in dismissed:
        for doc, text in ((f.doc_a, f.text_a), (f.doc_b, f.text_b)):
            by_sentence.setdefault((doc, normalise(text), f.kind), f.id)
    excused: Excused = {}
    for result in verification.results:
        for stance in result.documents:
            if stance.ok or stance.evidence is None:
                continue
            sentence = (stance.doc, normalise(stance.evidence.claim.text))
            match = next((by_sentence[(*sentence, k)] for k in sorted(_kinds(stance)) if (*sentence, k) in by_sentence), None)
            if match:
                excused[(result.claim.id, stance.doc)] = match
    return excused


def passes(verification: Verification, excused: Excused) -> bool:
    return all(
        r.min_supporting_ok and all(d.ok or (r.claim.id, d.doc) in excused for d in r.documents)
        for r in verification.results
    )
