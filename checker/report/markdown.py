"""The Markdown report, rendered from templates/report.md.j2 (Jinja2)."""

from __future__ import annotations

import re
from functools import cache

from jinja2 import Environment

from checker.model import Report
from checker.report.templating import template_environment
from checker.review.findings import findings
from checker.verdict import SEVERITY

DOC_SHORT = 12  # characters of a document id shown in table headers


def md_cell(text: object) -> str:
    """Safe inside a table cell: article text may hold markup, pipes or line breaks."""
    return _escaped(text).strip()


def _escaped(text: object) -> str:
    escaped = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
    return re.sub(r"\s+", " ", escaped)


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
        short=lambda doc: doc[:DOC_SHORT],
    )
