"""Writing an answer's head for the demo tenant's HTTP server, byte for byte as http.server does.

``BaseHTTPRequestHandler.send_response`` and ``send_header`` format and encode every line on
its own and format the ``Date`` anew for each answer; the demo sends hundreds of small pages a
second, so it builds the same head in one go (``head_bytes``) and formats each second's date
once (``http_date``). tests/demo/test_answer_head.py holds both side by side with http.server.
"""

from __future__ import annotations

import email.utils
from collections.abc import Iterable

# Formatting a moment in its last microsecond can round it up to the next second; such moments
# are formatted on their own, never taken from (or stored as) the second they fall in.
_LAST_SAFE_FRACTION = 0.999_999
# [(whole second, its text)]: the pair is replaced whole, so threads never see half of one.
_last_date: list[tuple[int, str]] = [(-1, "")]


def http_date(timestamp: float) -> str:
    """``email.utils.formatdate(timestamp, usegmt=True)``, what http.server puts in ``Date``."""
    second = int(timestamp)
    if timestamp - second >= _LAST_SAFE_FRACTION:
        return email.utils.formatdate(timestamp, usegmt=True)
    remembered = _last_date[0]
    if remembered[0] == second:
        return remembered[1]
    text = email.utils.formatdate(timestamp, usegmt=True)
    _last_date[0] = (second, text)
    return text


def head_bytes(status_line: str, fields: Iterable[tuple[str, str]]) -> bytes:
    """The status line, each ``name: value`` line and the blank line, in Latin-1 as http.server
    encodes them (a value outside Latin-1 raises ``UnicodeEncodeError`` there as here)."""
    lines = [status_line]
    lines.extend(f"{name}: {value}\r\n" for name, value in fields)
    lines.append("\r\n")
    return "".join(lines).encode("latin-1", "strict")
