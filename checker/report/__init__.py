"""Report writers: one Report -> <name>.json, .md, .csv and .html, written all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from checker.errors import InputError
from checker.model import Report
from checker.report.html import render_html
from checker.report.json import render_json
from checker.report.markdown import render_markdown
from checker.report.tables import render_csv

RENDERERS = {".json": render_json, ".md": render_markdown, ".csv": render_csv, ".html": render_html}


def write_report(report: Report, out_dir: Path) -> list[Path]:
    """Render everything first, then move the files into place, so a failure leaves no half set."""
    rendered = {out_dir / f"{report.name}{suffix}": render(report) for suffix, render in RENDERERS.items()}
    return write_all(rendered)


def write_all(files: dict[Path, str]) -> list[Path]:
    """Write texts to their paths all or nothing: each goes to a temporary file beside its
    target first, and only when every one is written are they renamed into place."""
    staged: list[tuple[str, Path]] = []
    try:
        for final, text in files.items():
            final.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=final.parent, prefix=f".{final.name}.")
            staged.append((temp, final))
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
        for temp, final in staged:
            os.replace(temp, final)
    except OSError as exc:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        raise InputError(str(exc.filename or next(iter(files))), f"cannot write ({exc.strerror})") from None
    return [final for _, final in staged]
