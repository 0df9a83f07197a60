"""Report writers: one Report -> <name>.json, <name>.md, <name>.csv, written all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from checker.errors import InputError
from checker.model import Report
from checker.report.json import render_json
from checker.report.markdown import render_markdown
from checker.report.tables import render_csv

RENDERERS = {".json": render_json, ".md": render_markdown, ".csv": render_csv}


def write_report(report: Report, out_dir: Path) -> list[Path]:
    """Render everything first, then move the files into place, so a failure leaves no half set."""
    rendered = {suffix: render(report) for suffix, render in RENDERERS.items()}
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(str(out_dir), f"cannot create output folder ({exc.strerror})") from None
    staged: list[tuple[str, Path]] = []
    try:
        for suffix, text in rendered.items():
            handle, temp = tempfile.mkstemp(dir=out_dir, prefix=f".{report.name}.", suffix=suffix)
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                stream.write(text)
            staged.append((temp, out_dir / f"{report.name}{suffix}"))
        for temp, final in staged:
            os.replace(temp, final)
    except OSError as exc:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        raise InputError(str(out_dir), f"cannot write report ({exc.strerror})") from None
    return [final for _, final in staged]
