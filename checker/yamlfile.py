"""Users' YAML files (config, sources.yaml, lexicon extensions, claims files), read safely."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from checker.errors import InputError


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """(data, node tree): the tree gives line numbers for messages. Errors name file and line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not valid UTF-8 text (byte at offset {exc.start})") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read file ({exc.strerror})") from None
    try:
        return yaml.safe_load(text), yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        raise InputError(str(path), f"{where}malformed YAML: {getattr(exc, 'problem', None) or exc}") from None
