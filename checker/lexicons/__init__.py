"""Data files the stages read: page furniture, speech verbs, cross-lingual name aliases."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_lexicon(name: str) -> Any:
    """Parse `checker/lexicons/<name>.yaml` once per process."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
