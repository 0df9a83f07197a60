"""Short human labels for claim groups: the group's most central claim, shortened.

"Most central" is the member closest, on average, to the group's other members (cosine of the
claim embeddings), so the label is the wording the sources share rather than one source's extra
detail. Ties go to the first claim in the group's order, so labels are stable across runs.
"""

from __future__ import annotations

import numpy as np

from checker.records import Claim, ClaimGroup

MAX_LABEL_CHARS = 80
_QUOTE_MARKS = "„“”»«\"'‘’「」『』> *_"


def group_labels(groups: list[ClaimGroup], claims: list[Claim], vectors: np.ndarray) -> dict[str, str]:
    """{group id: label} for every group."""
    row = {c.id: i for i, c in enumerate(claims)}
    text = {c.id: c.text for c in claims}
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = vectors / np.where(norms == 0, 1, norms)
    labels = {}
    for group in groups:
        members = unit[[row[c] for c in group.claims]]
        closeness = (members @ members.T).sum(axis=1)  # the self-similarity is the same for every member
        labels[group.id] = shorten(text[group.claims[int(np.argmax(closeness))]])
    return labels


def shorten(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """One line, outer quote marks dropped, cut at a word boundary with "…" past `limit` characters."""
    flat = " ".join(text.split()).strip(_QUOTE_MARKS)
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"
