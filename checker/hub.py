"""Where a model comes from: a local folder, the local Hugging Face cache, or the Hub.

Loading a hub id that is not cached while the Hub is unreachable makes huggingface_hub retry for
over a minute; we find out in a few seconds and say how to fix it instead.
"""

from __future__ import annotations

import hashlib
import os
import socket
import threading
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from checker.config import OFFLINE_EMBEDDER, Config
from checker.errors import ModelUnavailable


def resolve(model: str, role: str) -> tuple[str, bool]:
    """(what to pass to from_pretrained, local_files_only). Raises ModelUnavailable early."""
    if Path(model).expanduser().is_dir():
        return str(Path(model).expanduser()), True
    if looks_like_path(model):
        raise ModelUnavailable(role, model, "no such folder")
    if _in_local_cache(model):
        return model, True
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes", "on"}:
        raise ModelUnavailable(role, model, "not in the local Hugging Face cache and HF_HUB_OFFLINE is set")
    if not _hub_reachable(os.environ.get("HF_ENDPOINT") or _default_endpoint()):
        raise ModelUnavailable(role, model, "not in the local Hugging Face cache and the Hub is unreachable")
    return model, False


def fingerprint(model: str) -> str:
    """Identifies the weights for cache keys: a local folder's file names, sizes and times."""
    folder = Path(model).expanduser()
    if not folder.is_dir():
        return model
    stats = sorted(
        f"{p.relative_to(folder)}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in folder.rglob("*") if p.is_file()
    )
    return f"{folder.resolve()}@{hashlib.sha256(chr(10).join(stats).encode()).hexdigest()[:16]}"


def check_model_paths(config: Config) -> None:
    """Fail in a moment, before any work, when a model named as a local path does not exist."""
    for role, model in (("embedder", config.embedder), ("nli", config.nli)):
        if model and model != OFFLINE_EMBEDDER and looks_like_path(model) and not Path(model).expanduser().is_dir():
            raise ModelUnavailable(role, model, "no such folder")


def _in_local_cache(model: str) -> bool:
    from huggingface_hub import try_to_load_from_cache

    try:
        return isinstance(try_to_load_from_cache(model, "config.json"), str)
    except ValueError:  # not a valid repo id
        return False


def looks_like_path(model: str) -> bool:
    """A local path, not an "org/name" hub id."""
    return model.startswith((".", "/", "~")) or model.count("/") > 1 or Path(model).expanduser().exists()


def _default_endpoint() -> str:
    from huggingface_hub import constants

    return constants.ENDPOINT


@cache
def _hub_reachable(endpoint: str, timeout: float = 3.0) -> bool:
    """Asked once per endpoint and process. The name lookup has no timeout of its own (it took
    10-27 s offline), so the whole check runs in a thread we stop waiting for."""
    url = urlparse(endpoint)

    def connect() -> bool:
        try:
            with socket.create_connection((url.hostname, url.port or 443), timeout=timeout):
                return True
        except OSError:
            return False

    # A daemon thread, not an executor: the interpreter joins executor threads at exit, so a hung
    # lookup would still delay the exit by its full 10-27 s.
    answer: list[bool] = []
    worker = threading.Thread(target=lambda: answer.append(connect()), daemon=True)
    worker.start()
    worker.join(timeout)
    return bool(answer and answer[0])
