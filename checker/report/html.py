"""The HTML report: one self-contained file (inline CSS, SVG and one small script; nothing from
the network), readable without JavaScript. Rendered from the JSON report's dictionary, so it shows
exactly what the JSON holds; sections other stages may add later are read defensively."""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from functools import cache
from itertools import pairwise
from typing import Any

from jinja2 import Environment

from checker.records import UNCHECKED, Report
from checker.report.json import report_dict
from checker.report.templating import template_environment

AGREEING = {"agree", "partial"}
DISAGREEING = {"contradict", "framing"}

# The only script: the search box (filters are CSS and work without it). Its hash goes into the
# Content-Security-Policy, so no other script, injected or not, can run.
SEARCH_SCRIPT = """
const box = document.getElementById("search");
const findings = Array.from(document.querySelectorAll(".finding"));
box.hidden = false;
box.addEventListener("input", () => {
  const words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
  for (const f of findings) {
    const text = f.textContent.toLowerCase();
    f.hidden = !words.every((w) => text.includes(w));
  }
});
"""
SCRIPT_HASH = base64.b64encode(hashlib.sha256(SEARCH_SCRIPT.encode("utf-8")).digest()).decode()
CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; script-src 'sha256-{SCRIPT_HASH}'; style-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def anchor(prefix: str, ident: str) -> str:
    """An HTML id for a claim or document: ids from files may hold any character."""
    return f"{prefix}-{hashlib.sha1(ident.encode('utf-8')).hexdigest()[:12]}"


def marked(text: str, spans: list[list[int] | None]) -> list[tuple[str, bool]]:
    """Split a claim text into (piece, highlighted) at the given spans, clipped and merged."""
    bounds = sorted((max(0, s[0]), min(len(text), s[1])) for s in spans if s and s[0] < s[1])
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in bounds:
        start = max(start, at)
        if end <= start:
            continue
        pieces += [(text[at:start], False), (text[start:end], True)]
        at = end
    pieces.append((text[at:], False))
    return [p for p in pieces if p[0]]


def article_segments(doc: dict[str, Any], claims: list[dict[str, Any]]) -> list[tuple[str, str | None, bool, bool]]:
    """An article's text cut at every claim and removed-span boundary: (piece, claim id, removed,
    first piece of its claim: where the claim's anchor goes)."""
    text = doc["text"]
    removed = [(r["start"], r["end"]) for r in doc.get("removed", [])]
    spans = [(c["start"], c["end"], c["id"]) for c in claims]
    cuts = sorted({0, len(text), *(x for s, e in removed for x in (s, e)), *(x for s, e, _ in spans for x in (s, e))})
    cuts = [c for c in cuts if 0 <= c <= len(text)]
    segments = []
    anchored: set[str] = set()
    for start, end in pairwise(cuts):
        claim = next((cid for s, e, cid in spans if s <= start and end <= e), None)
        first = claim is not None and claim not in anchored
        anchored.add(claim)
        segments.append((text[start:end], claim, any(s <= start and end <= e for s, e in removed), first))
    return segments


def agreement_matrix(data: dict[str, Any]) -> list[list[dict[str, Any] | None]]:
    """Per document pair: aligned pairs that agree (agree, partial) and that differ (contradict,
    framing); None on the diagonal."""
    docs = [d["id"] for d in data["documents"]]
    counts: dict[tuple[str, str], Counter] = {}
    for p in data["pairs"]:
        counts.setdefault(tuple(sorted((p["doc_a"], p["doc_b"]))), Counter())[p["verdict"]] += 1
    rows = []
    for x in docs:
        row = []
        for y in docs:
            if x == y:
                row.append(None)
                continue
            c = counts.get(tuple(sorted((x, y))), Counter())
            agree, differ = sum(c[v] for v in AGREEING), sum(c[v] for v in DISAGREEING)
            share = agree / (agree + differ) if agree + differ else None
            row.append({"agree": agree, "differ": differ, "pairs": sum(c.values()), "share": share})
        rows.append(row)
    return rows


def heat(share: float | None) -> str:
    """Cell colour: red (sources differ) through yellow to green (they agree); grey: no pairs."""
    if share is None:
        return "#e5e5e5"
    return f"hsl({round(share * 120)}, 65%, 72%)"


def finding_views(data: dict[str, Any], claims: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    views = []
    for f in data.get("findings", []):
        pair = data["pairs"][f["pair"]]
        reasons = [r for r in pair["reasons"] if r["kind"] == f["kind"]]
        # what the pair was not checked for, whatever the finding's kind: silence there is no agreement
        unchecked = [r for r in pair["reasons"] if r["kind"] != f["kind"] and UNCHECKED in r["explanation"]]
        views.append({
            **f,
            "pair_data": pair,
            "reasons": reasons + unchecked,
            "sides": [
                {"claim": claims[f[side]], "pieces": marked(claims[f[side]]["text"], [r.get(f"{side}_span") for r in reasons]),
                 "value": next((r[f"{side}_value"] for r in reasons if r.get(f"{side}_value")), None)}
                for side in ("a", "b")
            ],
        })
    return views


@cache
def _environment() -> Environment:
    env = template_environment("checker.report", autoescape=True)
    env.globals.update(anchor=anchor, heat=heat)
    return env


def render_html(report: Report) -> str:
    data = report_dict(report)
    claims = {c["id"]: c for c in data["claims"]}
    claims_by_doc: dict[str, list[dict[str, Any]]] = {}
    for c in data["claims"]:
        claims_by_doc.setdefault(c["doc"], []).append(c)
    findings = finding_views(data, claims)
    docs = data["documents"]
    return _environment().get_template("report.html.j2").render(
        data=data,
        claims=claims,
        findings=findings,
        verdicts=sorted({f["verdict"] for f in findings}),
        kinds=sorted({f["kind"] for f in findings}),
        doc_index={d["id"]: i for i, d in enumerate(docs)},
        source_name={d["id"]: d.get("source") or d["id"] for d in docs},
        matrix=agreement_matrix(data),
        segments={d["id"]: article_segments(d, claims_by_doc.get(d["id"], [])) for d in docs},
        script=SEARCH_SCRIPT,
        csp=CONTENT_SECURITY_POLICY,
    )
