"""The demo server writes an answer's head in one go; the bytes are those http.server's
send_response / send_header / end_headers write, and the Date is formatdate's."""

from __future__ import annotations

import email.utils
import io
from http import HTTPStatus

import pytest

from desktop.demo.answer_head import http_date
from desktop.demo.router import Response
from desktop.demo.transport import _RequestHandler

FIXED_DATE = "Mon, 30 Nov 2026 12:00:00 GMT"


class _Handler(_RequestHandler):
    def date_time_string(self, timestamp: float | None = None) -> str:
        return FIXED_DATE


def _handler(version: str, command: str) -> tuple[_Handler, io.BytesIO]:
    handler = _Handler.__new__(_Handler)
    out = io.BytesIO()
    handler.wfile = out
    handler.request_version = version
    handler.command = command
    handler.requestline = f"{command} /v1.0/users {version}"
    handler.close_connection = False
    return handler, out


def _the_old_way(
    handler: _Handler, outcome: Response, request_id: str | None, client_request_id: str | None
) -> None:
    """http.server's own calls, as the demo made them before."""
    handler.send_response(outcome.status)
    headers = dict(outcome.headers)
    if request_id is not None:
        headers.setdefault("request-id", request_id)
        headers.setdefault("client-request-id", client_request_id or request_id)
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(outcome.body)))
    handler.end_headers()
    body = outcome.body if handler.command != "HEAD" else b""
    if body:
        handler.wfile.write(body)


ANSWERS = [
    Response.json(200, {"value": [{"displayName": "Zażółć"}]}, {"x-ms-resource-unit": "1"}),
    Response(204),
    Response(HTTPStatus.NOT_FOUND, {"Content-Type": "text/plain"}, b"gone"),
    Response(299, {"X-Odd": "status without a reason"}, b"{}"),
    Response(302, {"Location": "http://127.0.0.1:1/data/download/x", "Content-Type": "text/plain"}),
    Response(200, {"Connection": "close"}, b"{}"),
    Response(200, {"connection": "Keep-Alive"}, b"{}"),
    Response(200, {"Content-Length": "99", "request-id": "mine"}, b"{}"),
    Response(200, {"X-Latin": "Gda\u0144sk"}, b"{}"),  # not Latin-1: refused alike
]


@pytest.mark.parametrize("answer", ANSWERS)
@pytest.mark.parametrize("version", ["HTTP/1.1", "HTTP/1.0", "HTTP/0.9"])
@pytest.mark.parametrize("command", ["GET", "HEAD"])
@pytest.mark.parametrize("ids", [("rid", None), ("rid", "cid"), (None, None)])
def test_answers_are_written_as_http_server_writes_them(
    answer: Response, version: str, command: str, ids: tuple[str | None, str | None]
) -> None:
    written: list[object] = []
    for way in ("old", "new"):
        handler, out = _handler(version, command)
        if version == "HTTP/1.1" and way == "old":
            handler.close_connection = False
        try:
            if way == "old":
                _the_old_way(handler, answer, *ids)
            else:
                handler._send(answer, *ids)
            failure = None
        except UnicodeEncodeError as error:
            failure = error.reason
        written.append((out.getvalue(), handler.close_connection, failure))
    assert written[0] == written[1]


def test_a_100_continue_still_waiting_goes_first() -> None:
    handler, out = _handler("HTTP/1.1", "POST")
    handler._headers_buffer = [b"HTTP/1.1 100 Continue\r\n\r\n"]
    handler._send(Response(204), "rid")
    assert out.getvalue().startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n")


@pytest.mark.parametrize(
    "moments",
    [
        [1_800_000_000.0, 1_800_000_000.5, 1_800_000_000.999_998, 1_800_000_001.0],
        [1_800_000_000.2, 1_800_000_000.999_999_6, 1_800_000_000.3],  # rounds up to ...001
        [1_800_000_000.999_999_4, 1_800_000_000.1, 1_800_000_059.9, 1_800_003_600.0],
        [1_700_000_000.25, 1_800_000_000.25, 1_700_000_000.75],
    ],
)
def test_the_date_is_formatdates_for_every_moment(moments: list[float]) -> None:
    for moment in moments:
        assert http_date(moment) == email.utils.formatdate(moment, usegmt=True), moment
