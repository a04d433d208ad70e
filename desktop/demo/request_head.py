"""Reading a request's head (request line and header fields) for the demo tenant's HTTP server.

``http.server`` reads header fields through the ``email`` package's feed parser, which cost
about a third of the demo's CPU per request (an insight read of 100,000 users is 834 requests).
``FastHeadHandler.parse_request`` reads the same head itself: the request line exactly as
CPython's ``BaseHTTPRequestHandler.parse_request`` does (same checks, same error answers, same
connection rules), then the fields with ``read_fields``. A head whose every field line is plain
``name: value`` in printable ASCII is read here; any other head (folded lines, lines without a
colon, control or non-ASCII bytes, a leading ``From `` line ...) goes to the email parser exactly
as before, so every request is understood as it was and every answer stays the same.
"""

from __future__ import annotations

import email.parser
import http.client
import re
from collections.abc import Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from io import BufferedIOBase
from typing import TypeVar

# http.client's own limits (_MAXLINE, _MAXHEADERS), which http.server enforces through it.
MAX_LINE = 65536
MAX_HEADERS = 100

# One field line as the email parser would read it the plain way: a name of printable ASCII
# without ":" (the parser's own header pattern), a colon, then printable ASCII or tabs up to
# CRLF or LF. Leading blanks of the value are not part of it; trailing ones are, as there.
_PLAIN_FIELD = re.compile(rb"([!-9;-~]+):[ \t]*([\t -~]*)\r?\n")
_END_OF_HEAD = (b"\r\n", b"\n", b"")
_Default = TypeVar("_Default")


class PlainFields(http.client.HTTPMessage):
    """The fields of a plain head: what the email parser builds from it, with quicker lookups.

    For plain field values (ASCII, no surrogates) email's compat32 policy hands every stored
    value back unchanged, so ``get`` and ``items`` can answer from the pairs as read: ``get``
    from the first value of each name (any case), ``items`` from all of them in order."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        super().__init__()
        self._first: dict[str, str] = {}
        for name, value in pairs:
            self.set_raw(name, value)
            self._first.setdefault(name.lower(), value)

    def get(self, name: str, failobj: _Default | None = None) -> str | _Default | None:  # type: ignore[override]
        return self._first.get(name.lower(), failobj)

    def items(self) -> list[tuple[str, str]]:
        return list(self.raw_items())


def read_fields(rfile: BufferedIOBase) -> http.client.HTTPMessage:
    """The header fields up to the blank line (or the end of input), as http.server reads them.

    Raises ``http.client.LineTooLong`` for a line over 65,536 bytes and
    ``http.client.HTTPException`` past 100 lines, as ``http.client.parse_headers`` does."""
    lines: list[bytes] = []
    while True:
        line = rfile.readline(MAX_LINE + 1)
        if len(line) > MAX_LINE:
            raise http.client.LineTooLong("header line")
        lines.append(line)
        if len(lines) > MAX_HEADERS:
            raise http.client.HTTPException(f"got more than {MAX_HEADERS} headers")
        if line in _END_OF_HEAD:
            break
    pairs: list[tuple[str, str]] = []
    for line in lines[:-1]:  # the last line ends the head
        found = _PLAIN_FIELD.fullmatch(line)
        if found is None:  # anything unusual is read by the email parser, as http.server does
            text = b"".join(lines).decode("iso-8859-1")
            return email.parser.Parser(_class=http.client.HTTPMessage).parsestr(text)
        pairs.append((found[1].decode("ascii"), found[2].decode("ascii")))
    return PlainFields(pairs)


class FastHeadHandler(BaseHTTPRequestHandler):
    """``BaseHTTPRequestHandler`` whose ``parse_request`` reads fields with ``read_fields``."""

    raw_requestline: bytes  # set by handle_one_request before parse_request

    def parse_request(self) -> bool:
        """CPython 3.11's ``BaseHTTPRequestHandler.parse_request``, line for line, but for
        where the fields are read (tests/demo/test_request_head.py holds them side by side).
        3.12's and 3.13's are the same; 3.10's lacks the two checks on the version's digits
        (it reads ``HTTP/+1.1`` as 1.1), which are kept so the demo answers alike on all."""
        self.command = None  # type: ignore[assignment]  # set in case of error on the first line
        self.request_version = version = self.default_request_version
        self.close_connection = True
        requestline = str(self.raw_requestline, "iso-8859-1")
        requestline = requestline.rstrip("\r\n")
        self.requestline = requestline
        words = requestline.split()
        if len(words) == 0:
            return False

        if len(words) >= 3:  # Enough to determine protocol version
            version = words[-1]
            try:
                if not version.startswith("HTTP/"):
                    raise ValueError
                base_version_number = version.split("/", 1)[1]
                version_parts = base_version_number.split(".")
                if len(version_parts) != 2:
                    raise ValueError
                if any(not component.isdigit() for component in version_parts):
                    raise ValueError("non digit in http version")
                if any(len(component) > 10 for component in version_parts):
                    raise ValueError("unreasonable length http version")
                version_number = int(version_parts[0]), int(version_parts[1])
            except (ValueError, IndexError):
                self.send_error(HTTPStatus.BAD_REQUEST, f"Bad request version ({version!r})")
                return False
            if version_number >= (1, 1) and self.protocol_version >= "HTTP/1.1":
                self.close_connection = False
            if version_number >= (2, 0):
                self.send_error(
                    HTTPStatus.HTTP_VERSION_NOT_SUPPORTED,
                    f"Invalid HTTP version ({base_version_number})",
                )
                return False
            self.request_version = version

        if not 2 <= len(words) <= 3:
            self.send_error(HTTPStatus.BAD_REQUEST, f"Bad request syntax ({requestline!r})")
            return False
        command, path = words[:2]
        if len(words) == 2:
            self.close_connection = True
            if command != "GET":
                self.send_error(HTTPStatus.BAD_REQUEST, f"Bad HTTP/0.9 request type ({command!r})")
                return False
        self.command, self.path = command, path

        # gh-87389: a path starting with '//' is reduced to one '/' (no open redirects).
        if self.path.startswith("//"):
            self.path = "/" + self.path.lstrip("/")

        try:
            self.headers = read_fields(self.rfile)
        except http.client.LineTooLong as err:
            self.send_error(HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Line too long", str(err))
            return False
        except http.client.HTTPException as err:
            self.send_error(
                HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Too many headers", str(err)
            )
            return False

        conntype = self.headers.get("Connection", "")
        if conntype.lower() == "close":
            self.close_connection = True
        elif conntype.lower() == "keep-alive" and self.protocol_version >= "HTTP/1.1":
            self.close_connection = False
        expect = self.headers.get("Expect", "")
        wants_continue = (
            expect.lower() == "100-continue"
            and self.protocol_version >= "HTTP/1.1"
            and self.request_version >= "HTTP/1.1"
        )
        return self.handle_expect_100() if wants_continue else True
