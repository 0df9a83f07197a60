"""Where the review app listens: this machine only, unless the user names another address."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

from checker.errors import InputError

LOOPBACK = "127.0.0.1"


def bind_host(host: str | None) -> tuple[str, str | None]:
    """The address to bind and, for one that others can reach, the warning to show."""
    if host is None:
        return LOOPBACK, None
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        raise InputError(f"--host {host}", "not an address or name this machine can resolve") from None
    if all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses):
        return host, None
    return host, (
        f"serving on {host}: reachable by others on the network, and anyone who can reach it "
        "can read the report and record decisions"
    )


def check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise InputError(str(folder), "not a folder of reports")
    if not any(folder.glob("*.json")):
        raise InputError(str(folder), "holds no report (.json); `checker run --out` writes one")
