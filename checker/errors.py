"""Errors the CLI turns into one line and exit code 2."""

from __future__ import annotations


class CheckerError(Exception):
    """Base class: anything the user can fix, reported without a traceback."""


class _Located(CheckerError):
    def __init__(self, where: str, problem: str):
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class InputError(_Located):
    """An input (file, folder, option) is unusable. Names the input and the problem."""


class OutputError(_Located):
    """An output (report folder, file) cannot be written. Names the target and the problem."""


class ModelUnavailable(CheckerError):
    """A model could not be loaded. The message carries the fix."""

    def __init__(self, role: str, model: str, cause: str):
        super().__init__(
            f"cannot load {role} model '{model}': {cause}. Fix: pass a local model folder "
            f"(--{role} PATH), run once with Hugging Face Hub access so it is cached and set "
            f"HF_HUB_OFFLINE=1, or use --preset offline"
        )
        self.role = role
        self.model = model
        self.cause = cause
