"""The Markdown report, rendered from templates/report.md.j2 (Jinja2)."""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment

from checker.records import Report
from checker.report.templating import template_environment
from checker.review.findings import findings
from checker.verdict import SEVERITY

DOC_SHORT = 12  # a document id is shown at least this long, and longer where that is ambiguous
_PLAIN_ID = re.compile(r"[\w.:#/@…-]+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def md_cell(text: object) -> str:
    """Safe inside a table cell and in running text: article text may hold markup, links,
    images, pipes or line breaks; all of it is shown as text."""
    return _escaped(text).strip()


def _escaped(text: object) -> str:
    escaped = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\s+", " ", _MARKDOWN_SPECIAL.sub(r"\\\1", escaped))


def code(text: object) -> str:
    """An id or model name as code where that is safe, else as escaped text."""
    text = str(text)
    return f"`{text}`" if _PLAIN_ID.fullmatch(text) else md_cell(text)


def display_ids(ids: list[str]) -> dict[str, str]:
    """Each id cut to the shortest prefix (at least DOC_SHORT) that no other id shares."""
    shown = {}
    for doc in ids:
        length = DOC_SHORT
        while length < len(doc) and any(other != doc and other.startswith(doc[:length]) for other in ids):
            length += 1
        shown[doc] = doc if length >= len(doc) else doc[:length] + "…"
    return shown


def marked(text: str, span: tuple[int, int] | None) -> str:
    """A claim as a table cell, with the span a reason points at in bold."""
    if not span:
        return md_cell(text)
    start, end = span
    return f"{_escaped(text[:start])}**{md_cell(text[start:end])}**{_escaped(text[end:])}".strip()


def why(reason) -> str:
    severity = f" ({reason.severity})" if reason.severity else ""
    return f"**{reason.kind}**{severity}: {md_cell(reason.explanation)}"


@cache
def _environment() -> Environment:
    env = template_environment("checker.report", autoescape=False)
    env.filters["cell"] = md_cell
    env.filters["code"] = code
    env.globals.update(marked=marked, why=why)
    return env


def render_markdown(report: Report) -> str:
    claims = {c.id: c for c in report.claims}
    pairs_by_group = {
        g.group.id: [p for p in report.pairs if p.pair.a in g.group.claims and p.pair.b in g.group.claims]
        for g in report.groups
    }
    ordered = sorted(report.groups, key=lambda g: (SEVERITY.index(g.verdict), -len(g.docs), g.group.id))
    claim_counts = {a.id: sum(c.doc == a.id for c in report.claims) for a in report.articles}
    flagged = sorted(
        (p for p in report.pairs if any(r.severity for r in p.reasons)),
        key=lambda p: (SEVERITY.index(p.verdict), p.pair.a, p.pair.b),
    )
    shown = display_ids([a.id for a in report.articles])
    characterisations = sorted(report.characterisations, key=lambda c: (c.consistent, c.kind, c.subject))
    return _environment().get_template("report.md.j2").render(
        report=report,
        claims=claims,
        groups=ordered,
        pairs_by_group=pairs_by_group,
        claim_counts=claim_counts,
        flagged=flagged,
        findings=findings(report),
        characterisations=characterisations,
        ungrouped_pairs=len(report.pairs) - sum(len(p) for p in pairs_by_group.values()),
        short=lambda doc: code(shown.get(doc, doc)),
    )
