"""Corpus-wide characterisations: how each source describes a person's office, and which
loaded words it uses for an event, read from every claim (aligned or not)."""

from __future__ import annotations

from collections import Counter, defaultdict

from checker.names import anchors, inner_names
from checker.records import Characterisation, Mention
from checker.signals import ClaimFacts
from checker.signals.framing import frames
from checker.signals.roles import offices


def characterise(facts: list[ClaimFacts]) -> list[Characterisation]:
    return [*_titles(facts), *_framings(facts)]


def _mention(f: ClaimFacts, start: int, end: int) -> Mention:
    c = f.claim
    return Mention(c.doc, c.id, c.start + start, c.start + end, c.text[start:end])


def _titles(facts: list[ClaimFacts]) -> list[Characterisation]:
    """Each person named with an office by two or more sources. Offices one claim gives one
    person together ("senior vice president and general manager Lisa Su", "president and chief
    executive Rory Read") are that person's several offices, one camp, not two accounts of one;
    offices of two people of one surname in a claim ("Lisa Su and her husband, chief executive
    Dan Su") are not: together is keyed by the whole name."""
    by_person: dict[str, list[tuple[str, str, Mention]]] = defaultdict(list)
    together: dict[str, list[set[str]]] = defaultdict(list)
    for f in facts:
        held: dict[tuple[str, str], set[str]] = defaultdict(set)
        full: dict[str, set[str]] = defaultdict(set)  # each surname's full names in the claim
        for r in f.roles:
            if len(r.name.split()) > 1:
                full[r.person].add(r.name)
        for r in f.roles:
            by_person[r.person].append((r.name, r.office, _mention(f, r.start, r.end)))
            # a surname alone is the claim's one full name of it ("Rory Read ... and Read, the chairman")
            whole = next(iter(full[r.person])) if len(r.name.split()) == 1 and len(full[r.person]) == 1 else r.name
            held[r.person, whole].add(r.office)
        for (person, _), offices_held in held.items():
            together[person].append(offices_held)
    table = offices()
    found = []
    for person, seen in sorted(by_person.items()):
        if len({m.doc for _, _, m in seen}) < 2:
            continue
        camp_of = _joined(together[person])
        camps: dict[str, list[Mention]] = defaultdict(list)
        for _, office, mention in seen:
            camps[camp_of[office]].append(mention)
        names = sorted({name for name, _, _ in seen}, key=lambda n: (-len(n), n))
        named = sorted({office for _, office, _ in seen})
        notes = [
            f"'{table[x]['label']}' is a false friend of '{table[y]['label']}'"
            for x in named for y in table[x].get("false_friends", []) if y in named and camp_of[x] != camp_of[y]
        ] + [f"'{table[x]['label']}' is a loaded title: a framing difference" for x in named
             if table[x].get("loaded") and len(camps) > 1]
        found.append(Characterisation(
            kind="title",
            subject=names[0],
            camps=tuple((" and ".join(table[o]["label"] for o in camp), tuple(camps[camp])) for camp in sorted(camps)),
            note="; ".join(notes),
        ))
    return found


def _joined(groups: list[set[str]]) -> dict[str, tuple[str, ...]]:
    """Each office -> the offices a claim gives with it, directly or through others, sorted: one camp."""
    camp = {office: frozenset([office]) for group in groups for office in group}
    for group in groups:
        merged = frozenset().union(*(camp[o] for o in group))
        for office in merged:
            camp[office] = merged
    return {office: tuple(sorted(members)) for office, members in camp.items()}


def _framings(facts: list[ClaimFacts], common: float = 0.15) -> list[Characterisation]:
    """For each kind of event, the names under which sources use different camps' words.

    A name in more than `common` of all claims (the story's protagonists) says nothing about
    which event a sentence describes, so it is not used to tie mentions together.
    """
    names = inner_names([f.claim.text for f in facts])
    claim_anchors = {f.claim.id: anchors(f.claim.text, names) for f in facts}
    frequency = Counter(a for found in claim_anchors.values() for a in found)
    telling = {a for a, n in frequency.items() if n <= common * len(facts) and not a.startswith("#")}
    found = []
    for frame, entry in frames().items():
        used = [(f, m) for f in facts for m in f.frames if m.frame == frame]
        by_anchor: dict[str, list[tuple[ClaimFacts, object]]] = defaultdict(list)
        for f, m in used:
            for anchor in claim_anchors[f.claim.id] & telling:
                by_anchor[anchor].append((f, m))
        subjects: dict[tuple, list[str]] = defaultdict(list)
        for anchor, hits in by_anchor.items():
            camps = {m.camp for _, m in hits}
            docs = {f.claim.doc for f, _ in hits}
            if len(camps) >= 2 and len(docs) >= 2:
                key = tuple(sorted((f.claim.id, m.start) for f, m in hits))
                subjects[key].append(anchor)
        for key, subject_anchors in sorted(subjects.items(), key=lambda item: sorted(item[1])):
            members = set(key)
            hits = [(f, m) for f, m in used if (f.claim.id, m.start) in members]
            camps: dict[str, list[Mention]] = defaultdict(list)
            for f, m in hits:
                camps[m.camp].append(_mention(f, m.start, m.end))
            found.append(Characterisation(
                kind="framing",
                subject=f"{entry['description']} ({', '.join(a.title() for a in sorted(subject_anchors))})",
                camps=tuple((camp, tuple(camps[camp])) for camp in sorted(camps)),
            ))
    return found
