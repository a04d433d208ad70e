"""The demo server reads a request's head as http.server does, only without the email parser.

Each head is parsed twice, in memory: by CPython's ``BaseHTTPRequestHandler.parse_request`` and
by ``FastHeadHandler.parse_request``; everything the server goes on to use must be the same:
the outcome, the request line's parts, keep-alive, any error answer sent, where the body starts,
and every field lookup (case-insensitive, repeated fields, missing ones).
"""

from __future__ import annotations

import http.client
import io
import random
import sys
from http.server import BaseHTTPRequestHandler

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.demo.request_head import (
    MAX_HEADERS,
    MAX_LINE,
    FastHeadHandler,
    PlainFields,
    read_fields,
)

LOOKED_UP = ("Host", "host", "HOST", "Authorization", "Content-Length", "Transfer-Encoding",
             "Connection", "Expect", "X-Twice", "client-request-id", "Missing")  # fmt: skip


class _Harness:
    """A handler with no socket: the request comes from bytes, the answer goes to bytes."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def date_time_string(self, timestamp: float | None = None) -> str:
        return "Mon, 30 Nov 2026 12:00:00 GMT"  # both parsers answer at the same moment


class _Stdlib(_Harness, BaseHTTPRequestHandler):
    pass


class _Fast(_Harness, FastHeadHandler):
    pass


def _parse(cls: type[BaseHTTPRequestHandler], raw: bytes) -> tuple[object, ...]:
    handler = cls.__new__(cls)
    stream = io.BytesIO(raw)
    answer = io.BytesIO()
    handler.rfile = stream
    handler.wfile = answer
    handler.client_address = ("127.0.0.1", 1)
    handler.raw_requestline = stream.readline(65537)  # type: ignore[attr-defined]
    ok = handler.parse_request()
    seen: tuple[object, ...] = (
        ok,
        handler.command,
        getattr(handler, "path", None),
        handler.request_version,
        handler.requestline,
        handler.close_connection,
        answer.getvalue(),
        stream.read(),  # the body starts at the same byte
    )
    if ok:
        fields = handler.headers
        seen += (
            fields.items(),
            tuple((name, fields.get(name), fields.get(name, "dflt")) for name in LOOKED_UP),
            tuple(fields.get_all(name) for name in LOOKED_UP),
            tuple(name in fields for name in LOOKED_UP),
            tuple(fields[name] for name in LOOKED_UP),
            list(fields.keys()),
            list(fields.values()),
        )
    return seen


def _same(raw: bytes) -> None:
    assert _parse(_Fast, raw) == _parse(_Stdlib, raw), raw


HEAD = b"GET /v1.0/users?$top=1 HTTP/1.1\r\n"
FIELD_LINES = [
    b"Host: 127.0.0.1:8080\r\n",
    b"host:localhost:1\r\n",
    b"Authorization: Bearer abc.def\r\n",
    b"Authorization:\t \tBearer  spaced \t\r\n",
    b"X-Twice: one\r\n",
    b"x-twice: two\r\n",
    b"X-Empty:\r\n",
    b"X-Lf: only a line feed\n",
    b"Connection: close\r\n",
    b"Connection: Keep-Alive\r\n",
    b"Expect: 100-continue\r\n",
    b"Content-Length: 5\r\n",
    b"Transfer-Encoding: chunked\r\n",
    b"Weird!#$%&'*+-.^_`|~Name: v\r\n",
    # unusual lines: read by the email parser, which must be given the whole head
    b" folded continuation\r\n",
    b"\tfolded with a tab\r\n",
    b"no colon at all\r\n",
    b": no name\r\n",
    b"Space Name: v\r\n",
    b"Name : v\r\n",
    b"From someone\r\n",
    b"From: someone@example.com\r\n",
    b"X-Latin: Za\xbf\xf3\xb3\xe6 g\xea\xb6l\xb1\r\n",
    b"X-Bare-Cr: a\rb\r\n",
    b"X-Vt: a\x0bb\r\n",
    b"X-Nul: a\x00b\r\n",
    b"X-Del: a\x7fb\r\n",
    b"X-Cr-Cr: a\r\r\n",
    b"X-\xe9: non-ASCII name\r\n",
]


@pytest.mark.parametrize("line", FIELD_LINES)
@pytest.mark.parametrize("position", ["first", "middle", "last"])
def test_each_kind_of_field_line_is_read_as_http_server_reads_it(
    line: bytes, position: str
) -> None:
    before = {"first": [], "middle": [FIELD_LINES[0]], "last": FIELD_LINES[:3]}[position]
    after = {"first": FIELD_LINES[:2], "middle": [FIELD_LINES[4]], "last": []}[position]
    _same(HEAD + b"".join([*before, line, *after]) + b"\r\nbody")


REQUEST_LINES = [
    b"GET /v1.0/users HTTP/1.1\r\n",
    b"GET /v1.0/users HTTP/1.0\r\n",
    b"POST /v1.0/$batch HTTP/1.1\n",
    b"GET //evil.example/path HTTP/1.1\r\n",
    b"GET /v1.0/users HTTP/2.0\r\n",
    b"GET /v1.0/users HTTP/1\r\n",
    b"GET /v1.0/users HTTP/1.1.1\r\n",
    b"GET /v1.0/users HTTP/a.1\r\n",
    b"GET /v1.0/users FTP/1.1\r\n",
    b"GET /v1.0/users\r\n",  # HTTP/0.9
    b"POST /v1.0/users\r\n",
    b"GET /a b HTTP/1.1\r\n",
    b"GET\r\n",
    b"\r\n",
    b"   \r\n",
]


@pytest.mark.parametrize("request_line", REQUEST_LINES)
@pytest.mark.parametrize(
    "fields",
    [b"", b"Connection: close\r\n", b"Connection: keep-alive\r\n", b"Expect: 100-continue\r\n"],
)
def test_request_lines_and_connection_rules_are_http_servers(
    request_line: bytes, fields: bytes
) -> None:
    _same(request_line + b"Host: x\r\n" + fields + b"\r\n")


# Version numbers Python 3.10's http.server reads with int() ("+1", "1_1", 11 digits) but 3.11
# and newer refuse (digits only, at most 10 of them): the demo refuses them on every Python.
VERSIONS_ONLY_3_10_READS = [
    b"GET /v1.0/users HTTP/12345678901.1\r\n",
    b"GET /v1.0/users HTTP/+1.1\r\n",
    b"GET /v1.0/users HTTP/1_1.1\r\n",
]


@pytest.mark.parametrize("request_line", VERSIONS_ONLY_3_10_READS)
def test_odd_version_numbers_are_refused_as_python_3_11_refuses_them(request_line: bytes) -> None:
    raw = request_line + b"Host: x\r\n\r\n"
    seen = _parse(_Fast, raw)
    assert seen[0] is False
    assert b"Error code: 400<" in seen[6] and b"Bad request version" in seen[6]  # type: ignore[operator]
    if sys.version_info >= (3, 11):
        _same(raw)


def test_limits_answer_431_as_http_server_does() -> None:
    at_limit = b"".join(b"X-%d: v\r\n" % n for n in range(MAX_HEADERS - 1)) + b"\r\n"
    past_limit = b"".join(b"X-%d: v\r\n" % n for n in range(MAX_HEADERS)) + b"\r\n"
    long_value = b"X-Long: " + b"a" * (MAX_LINE - 10) + b"\r\n"
    too_long = b"X-Long: " + b"a" * MAX_LINE + b"\r\n"
    for fields in (at_limit, past_limit, long_value + b"\r\n", too_long + b"\r\n"):
        _same(HEAD + fields)
    assert b" 431 " in _parse(_Fast, HEAD + past_limit)[6]  # type: ignore[operator]
    assert b" 431 " in _parse(_Fast, HEAD + too_long + b"\r\n")[6]  # type: ignore[operator]
    assert _parse(_Fast, HEAD + at_limit)[0] is True


@pytest.mark.parametrize(
    "ending",
    [b"", b"Host: x\r\n", b"Host: x", b"Host: x\r\n\n", b"Host: x\n\r\n"],
)
def test_a_head_cut_short_or_ended_oddly_is_read_the_same(ending: bytes) -> None:
    _same(HEAD + ending)


def test_plain_heads_skip_the_email_parser_and_others_use_it() -> None:
    fields = read_fields(io.BytesIO(b"Host: x\r\nhost: y\r\n\r\n"))
    assert isinstance(fields, PlainFields)
    assert fields.get("HOST") == "x" and fields.get_all("Host") == ["x", "y"]
    folded = read_fields(io.BytesIO(b"Host: x\r\n y\r\n\r\n"))
    assert not isinstance(folded, PlainFields)
    assert folded.get("host") == "x\r\n y"
    with pytest.raises(http.client.LineTooLong):
        read_fields(io.BytesIO(b"H: " + b"a" * MAX_LINE + b"\r\n\r\n"))


_BYTE_PIECES = [b"a", b"Z", b"-", b":", b" ", b"\t", b"\r", b"\n", b"\r\n", b"\xe9", b"\x00",
                b"From ", b"Host", b"host", b"Connection", b"close", b"Expect", b"100-continue",
                b"~", b"!", b"\x7f", b"\x0b", b"\x1c", b"\x85"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_BYTE_PIECES), max_size=40))
def test_any_field_bytes_are_read_as_http_server_reads_them(pieces: list[bytes]) -> None:
    _same(HEAD + b"Host: x\r\n" + b"".join(pieces) + b"\r\n\r\nrest")


def test_many_random_plain_heads_are_read_the_same() -> None:
    chooser = random.Random(12)
    names = ["Host", "Authorization", "Content-Type", "client-request-id", "X-Twice", "Expect"]
    for _ in range(300):
        lines = []
        for _ in range(chooser.randrange(0, 12)):
            name = chooser.choice(names)
            name = "".join(c.upper() if chooser.random() < 0.3 else c for c in name)
            value = "".join(
                chooser.choice(" \tabc=;,/\"'0123") for _ in range(chooser.randrange(20))
            )
            ending = chooser.choice(["\r\n", "\n"])
            lines.append(f"{name}:{value}{ending}".encode())
        _same(HEAD + b"".join(lines) + b"\r\n")
