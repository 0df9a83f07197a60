"""How stages report progress without printing: the CLI passes a tqdm factory, tests pass nothing."""

from __future__ import annotations

from typing import Protocol


class Bar(Protocol):
    def update(self, n: int = 1) -> object: ...

    def close(self) -> None: ...


class Progress(Protocol):
    def __call__(self, *, total: int, desc: str) -> Bar: ...


class _Silent:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def silent(*, total: int, desc: str) -> Bar:
    return _Silent()
