"""A baseline for `checker verify`, like a linter's: a failing expectation whose deciding
sentence is part of a finding an editor dismissed (for the same kind of difference) does not fail."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from checker.assertions import ClaimResult, DocumentStance, Verification
from checker.errors import InputError
from checker.normalize import normalize
from checker.records import SeenFinding
from checker.review.findings import NLI_KIND, SEVERITY_ORDER
from checker.review.store import STORE_NAME, ReviewStore, store_path

Excused = dict[tuple[str, str], str]  # (known claim id, document) -> the dismissed finding's id


def dismissed_findings(folder: Path) -> list[SeenFinding]:
    path = store_path(folder)
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
            by_sentence.setdefault((doc, normalize(text), f.kind), f.id)
    excused: Excused = {}
    for result in verification.results:
        for stance in result.documents:
            if stance.ok or stance.evidence is None:
                continue
            sentence = (stance.doc, normalize(stance.evidence.claim.text))
            match = next((by_sentence[(*sentence, k)] for k in sorted(_kinds(stance)) if (*sentence, k) in by_sentence), None)
            if match:
                excused[(result.claim.id, stance.doc)] = match
    return excused


def still_fails(result: ClaimResult, excused: Excused) -> bool:
    """The claim fails once the failures dismissed in review are taken out."""
    return not result.min_supporting_ok or any(not d.ok and (result.claim.id, d.doc) not in excused for d in result.documents)


def passes(verification: Verification, excused: Excused) -> bool:
    return not any(still_fails(r, excused) for r in verification.results)
