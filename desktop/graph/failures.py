"""Why an attempt ended without an HTTP answer, and whether trying again can help.

Only a connection dropped after the request went out is worth another try (the server may
just have restarted). A refused connection, an unknown host, a failed TLS handshake or an
answer that never came in time are told at once: retrying them only delays the message.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass

import requests
import urllib3.exceptions

_MAX_CAUSE_DEPTH = 8


@dataclass(frozen=True, slots=True)
class Failure:
    reason: str  # completes "Could not complete <what>: ..."
    maybe_sent: bool  # the request may have reached the server
    retry: bool  # another try may succeed


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and what it wraps (requests wraps urllib3, which wraps the socket's)."""
    chain: list[BaseException] = []
    cause: BaseException | None = exc
    while cause is not None and len(chain) < _MAX_CAUSE_DEPTH:
        chain.append(cause)
        if isinstance(cause, urllib3.exceptions.MaxRetryError) and cause.reason is not None:
            cause = cause.reason
            continue
        args = getattr(cause, "args", ())
        nested = next((a for a in args if isinstance(a, BaseException)), None)
        cause = nested or cause.__cause__ or cause.__context__
    return chain


def classify(
    exc: requests.RequestException, *, read_timeout: float, deadline: float, deadline_expired: bool
) -> Failure:
    if deadline_expired:
        return Failure(f"no complete answer within {deadline:g} s", maybe_sent=True, retry=False)
    if isinstance(exc, requests.ConnectTimeout):
        return Failure("the connection attempt timed out", maybe_sent=False, retry=False)
    if isinstance(exc, requests.ReadTimeout):
        return Failure(f"no answer within {read_timeout:g} s", maybe_sent=True, retry=False)
    chain = _causes(exc)
    for cause in chain:
        if isinstance(cause, urllib3.exceptions.NameResolutionError):
            return Failure("the server's name is unknown (DNS)", maybe_sent=False, retry=False)
        if isinstance(cause, ConnectionRefusedError):
            return Failure("the server refused the connection", maybe_sent=False, retry=False)
        if isinstance(cause, ssl.SSLCertVerificationError):
            return Failure(
                f"the server's certificate is not trusted ({cause.verify_message})",
                maybe_sent=False,
                retry=False,
            )
    for cause in chain:
        if isinstance(cause, urllib3.exceptions.NewConnectionError):
            error = next((c for c in chain if isinstance(c, OSError)), None)
            detail = f" ({error.strerror})" if error is not None and error.strerror else ""
            return Failure(f"could not connect{detail}", maybe_sent=False, retry=False)
    if isinstance(exc, requests.exceptions.SSLError):
        return Failure("the secure connection failed", maybe_sent=False, retry=False)
    return Failure(
        "the connection was dropped before the answer arrived", maybe_sent=True, retry=True
    )
