"""Which ``Host`` headers the demo tenant answers: its own loopback names, with its port.

A web page can make the browser send requests to 127.0.0.1 under a name it controls (DNS
rebinding); the browser then sends that name as ``Host``. Refusing every other name keeps
such pages from reading or changing the demo tenant.
"""

from __future__ import annotations

import functools

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})
MISDIRECTED = 421  # RFC 9110 15.5.20: "not able to produce a response for this host"
HTTP_DEFAULT_PORT = 80


@functools.lru_cache(maxsize=16)  # one listening address per server
def _allowed_names(listen_host: str) -> frozenset[str]:
    return LOOPBACK_NAMES | {listen_host.lower(), f"[{listen_host.lower()}]"}


def host_allowed(host_header: str | None, port: int, listen_host: str = "127.0.0.1") -> bool:
    """True when ``host_header`` names this server: a loopback name (or the address it listens
    on) and its port. The port may be left out only when it is 80, as HTTP allows."""
    if not host_header:
        return False
    value = host_header.strip().lower()
    if value.startswith("["):  # [::1]:port
        name, _, rest = value.partition("]")
        name += "]"
        if rest and not rest.startswith(":"):
            return False
        given_port = rest[1:]
    else:
        name, colon, given_port = value.partition(":")
        if colon and not given_port:
            return False
    if name not in _allowed_names(listen_host):
        return False
    if not given_port:
        return port == HTTP_DEFAULT_PORT
    return given_port.isdigit() and int(given_port) == port
