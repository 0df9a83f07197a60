"""pytest plugin: `pytest claims.yaml` checks each known claim as a test item.

Collected: YAML files named `claims*.yaml` / `claims*.yml` that pytest is given or finds, and
any file named with `--checker-claims FILE`. Registered through the `pytest11` entry point;
it imports nothing heavy until a claims file is actually collected.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("checker", "checker: known claims (claims.yaml) as tests")
    group.addoption("--checker-claims", action="append", default=[], metavar="FILE",
                    help="collect this claims file (as well as any claims*.yaml given)")
    group.addoption("--checker-preset", default=None, help="model preset for claims files (default: the file's)")
    group.addoption("--checker-corpus", default=None, help="corpus folder (default: the file's 'corpus:')")
    group.addoption("--checker-allow-fallback", action="store_true",
                    help="go on with weaker models when a preset's model cannot be loaded (default: error)")


def pytest_configure(config: pytest.Config) -> None:
    config.args.extend(str(Path(f)) for f in config.getoption("--checker-claims") if str(Path(f)) not in config.args)


def pytest_collect_file(file_path: Path, parent: pytest.Collector):
    named = {Path(f).resolve() for f in parent.config.getoption("--checker-claims")}
    if file_path.resolve() in named or (file_path.suffix in (".yaml", ".yml") and file_path.name.startswith("claims")):
        return ClaimsFileCollector.from_parent(parent, path=file_path)
    return None


class ClaimsFileCollector(pytest.File):
    def collect(self):
        from checker.assertions import load_claims_file
        from checker.errors import CheckerError

        try:
            self.claims_file = load_claims_file(self.path)
        except CheckerError as exc:
            raise self.CollectError(str(exc)) from None
        self._verification = None
        for index, known in enumerate(self.claims_file.claims):
            yield ClaimItem.from_parent(self, name=known.id, index=index, line=known.line)

    def verification(self):
        """Verify the whole file once, on first use."""
        if self._verification is None:
            from checker.assertions import settings_for, verify
            from checker.cache import open_cache
            from checker.corpus import read_corpus
            from checker.models import load_models

            options = self.config.getoption
            corpus = options("--checker-corpus")
            settings = settings_for(
                self.claims_file, corpus=Path(corpus) if corpus else None, preset=options("--checker-preset")
            )
            articles = read_corpus(settings.corpus, settings.config.max_file_bytes)
            models = load_models(
                settings.config, embedder_explicit=settings.embedder_explicit,
                nli_explicit=settings.nli_explicit, allow_fallback=options("--checker-allow-fallback"),
                cache=open_cache(None),
            )
            self._verification = verify(self.claims_file, articles, models.embedder, models.nli, models.config.thresholds)
        return self._verification


class ClaimFailed(Exception):
    """A known claim's expectations do not hold; the message lists each failing one."""


class ClaimItem(pytest.Item):
    def __init__(self, *, index: int, line: int, **kwargs):
        super().__init__(**kwargs)
        self.index = index
        self.line = line

    def runtest(self) -> None:
        from checker.errors import CheckerError
        from checker.report.verify import describe

        try:
            result = self.parent.verification().results[self.index]
        except CheckerError as exc:
            pytest.fail(str(exc), pytrace=False)
        problems = [describe(d) for d in result.documents if not d.ok]
        if not result.min_supporting_ok:
            problems.append(f"{result.supporting} supporting sources, at least {result.claim.min_supporting} expected")
        if problems:
            raise ClaimFailed("\n".join([f"claim '{result.claim.id}': {result.claim.text}", *problems]))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, ClaimFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, self.line - 1, f"claim {self.name}"
