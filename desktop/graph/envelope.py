"""Turn an HTTP error answer into the matching typed error.

Graph wraps errors as ``{"error": {"code", "message", "innerError": {"request-id", ...}}}``.
Proxies, load balancers and broken servers send HTML or nothing instead; those still become a
``GraphError`` carrying the HTTP status, with a message that says what to do.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from http import HTTPStatus
from typing import Any

from desktop.graph.errors import (
    AuthenticationError,
    GraphError,
    NotFoundError,
    PermissionDeniedError,
    ThrottledError,
)
from desktop.graph.retry import THROTTLE_STATUSES, header, parse_retry_after

UNKNOWN_CODE = "UnknownError"  # Graph's own code for "no better code"

_BY_STATUS: dict[int, type[GraphError]] = {
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
}

Redactor = Callable[[str], str]


def _no_redaction(text: str) -> str:
    return text


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _reason(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _advice(status: int) -> str:
    if status == 401:
        return "Sign in again."
    if status == 403:
        return "Check that the signed-in account has the License Administrator role."
    if status in THROTTLE_STATUSES or status >= 500:
        return "Try again in a few minutes."
    return "Check the request and try again."


def error_from_body(
    status: int,
    body: Any,
    headers: Mapping[str, str] | None,
    *,
    what: str,
    redact: Redactor = _no_redaction,
    client_request_id: str | None = None,
) -> GraphError:
    """The typed error for ``status`` with an already decoded JSON ``body`` (or None)."""
    envelope = body.get("error") if isinstance(body, dict) else None
    code = message = request_id = None
    if isinstance(envelope, dict):
        code = _text(envelope.get("code"))
        message = _text(envelope.get("message"))
        inner = envelope.get("innerError") or envelope.get("innererror")
        if isinstance(inner, dict):
            request_id = _text(inner.get("request-id"))
            client_request_id = _text(inner.get("client-request-id")) or client_request_id
    request_id = request_id or header(headers, "request-id")
    if message is None:
        message = (
            f"{what} failed: the server answered {_reason(status)} without an error "
            f"description. {_advice(status)}"
        )
    message = redact(message)
    code = redact(code or UNKNOWN_CODE)
    if status in THROTTLE_STATUSES:
        error: GraphError = ThrottledError(
            code,
            message,
            status=status,
            retry_after=parse_retry_after(header(headers, "Retry-After")),
            request_id=request_id,
        )
        error.client_request_id = client_request_id
        return error
    kind = _BY_STATUS.get(status, GraphError)
    return kind(
        code,
        message,
        status=status,
        request_id=request_id,
        client_request_id=client_request_id,
    )


def error_from_http(
    status: int,
    content: bytes,
    headers: Mapping[str, str] | None,
    *,
    what: str,
    redact: Redactor = _no_redaction,
    client_request_id: str | None = None,
) -> GraphError:
    """Like ``error_from_body`` for raw bytes; a body that is not JSON is treated as absent."""
    body: Any = None
    if content:
        try:
            body = json.loads(content)
        except (ValueError, RecursionError):
            body = None
    return error_from_body(
        status,
        body,
        headers,
        what=what,
        redact=redact,
        client_request_id=client_request_id,
    )
