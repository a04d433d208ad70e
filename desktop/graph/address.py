"""Checks that fail at once, before any byte is sent: the Graph address and the bearer token.

Retrying cannot fix an ``ftp://`` address or a token with a line break, so these never reach
the retry loop.
"""

from __future__ import annotations

from ipaddress import ip_address
from urllib.parse import SplitResult, urlsplit

from desktop.graph.errors import BadAddressError, MalformedTokenError

# RFC 6761 section 6.4: names under .invalid never exist; answered here, without any DNS query.
INVALID_TLD = "invalid"
_FIRST_PRINTABLE, _LAST_PRINTABLE = 0x20, 0x7E


def is_loopback_host(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> SplitResult:
    """The parts of a usable Graph address, or ``BadAddressError`` saying what is wrong.

    ``https://`` anywhere; plain ``http://`` only to this computer (a demo tenant), since it
    would carry the bearer token in the clear.
    """
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises ValueError when out of range or not a number
    except ValueError as exc:
        raise BadAddressError(f"The Graph address {url!r} is not a valid URL: {exc}.") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}://" if scheme else "no scheme"
        raise BadAddressError(
            f"The Graph address {url!r} uses {shown}: License Desk speaks https:// "
            "(or http:// to a demo tenant on this computer)."
        )
    host = parts.hostname or ""
    if not host:
        raise BadAddressError(f"The Graph address {url!r} names no server.")
    if scheme == "http" and not is_loopback_host(host):
        raise BadAddressError(
            f"The Graph address {url!r} uses plain http:// to another computer, which would "
            "send the sign-in token unencrypted: use https://."
        )
    return parts


def is_reserved_invalid(host: str) -> bool:
    """True for ``example.invalid`` and friends: unknown by definition, no DNS needed."""
    return host.rstrip(".").lower().rsplit(".", 1)[-1] == INVALID_TLD


def check_token(token: str) -> None:
    """Refuse a token that cannot travel in an ``Authorization`` header, saying where."""
    if not token or not token.strip():
        raise MalformedTokenError("The sign-in token is empty.")
    for position, char in enumerate(token, 1):
        code = ord(char)
        if _FIRST_PRINTABLE <= code <= _LAST_PRINTABLE:
            continue
        if char in "\r\n":
            what = "a line break"
        elif code < _FIRST_PRINTABLE or code == _LAST_PRINTABLE + 1:
            what = f"a control character (U+{code:04X})"
        else:
            what = f"the non-ASCII character {char!r}"
        raise MalformedTokenError(
            f"The sign-in token cannot be sent: it holds {what} at position {position}. "
            "A bearer token is one line of ASCII letters, digits and punctuation."
        )
    if token != token.strip():
        raise MalformedTokenError(
            "The sign-in token cannot be sent: it starts or ends with a space."
        )
