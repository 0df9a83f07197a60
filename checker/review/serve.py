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


def served_names(address: str, extra: tuple[str, ...] = ()) -> list[str]:
    """The names a request's Host may carry: the bound address, and for a wildcard bind (0.0.0.0,
    ::) this machine's own name and the addresses it resolves to, which is how others reach it;
    `extra` adds names such as a reverse proxy's. Any other Host is refused (DNS rebinding)."""
    names = [address, *extra]
    if ipaddress.ip_address(address).is_unspecified:
        own = [socket.gethostname(), socket.getfqdn()]
        try:
            own += sorted({info[4][0] for name in own for info in socket.getaddrinfo(name, None)})
        except socket.gaierror:
            pass  # a machine whose own name does not resolve is reached by --allow-host names only
        names += own
    return list(dict.fromkeys(names))


def check_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise InputError(str(folder), "not a folder of reports")
    if not any(folder.glob("*.json")):
        raise InputError(str(folder), "holds no report (.json); `checker run --out` writes one")
