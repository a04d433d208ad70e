"""One HTTP exchange with Graph, made reliable: auth header, timeouts, retries, pacing.

``Transport.send`` returns only 2xx answers; every failure leaves as a typed error once the
retry budget is spent. Safe to call from several threads: the ``requests.Session`` shares a
connection pool, and counters and token refresh are guarded by locks.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3.exceptions
from requests.adapters import HTTPAdapter

from desktop.cancel import CancelToken
from desktop.graph.clock import Clock
from desktop.graph.envelope import error_from_http
from desktop.graph.errors import (
    AnswerLostError,
    CancelledError,
    ConnectionFailedError,
    GraphError,
    ProtocolError,
)
from desktop.graph.pacing import PaceTicket, WritePacer
from desktop.graph.retry import (
    SERVER_RETRY_STATUSES,
    THROTTLE_STATUSES,
    RetryBudget,
    RetryPolicy,
    parse_retry_after,
)
from desktop.graph.stats import StatsCounter
from desktop.graph.tokens import TokenProvider

log = logging.getLogger("desktop.graph")

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Answers after which a write may have reached the service and been applied: its answer is
# lost, and resending it blind could apply it twice (or fail on the repeat), so it is not resent.
_AMBIGUOUS_STATUSES = frozenset({500, 502, 504})
_HIDDEN = "<hidden>"


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    content: bytes
    headers: Mapping[str, str]
    request_id: str | None
    ticket: PaceTicket | None = None

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "")


class _Failure:
    """Why an attempt failed without an HTTP answer, for the log and the final error."""

    def __init__(self, reason: str, maybe_sent: bool) -> None:
        self.reason = reason
        self.maybe_sent = maybe_sent


def _classify(exc: requests.RequestException, read_timeout: float) -> _Failure:
    if isinstance(exc, requests.ConnectTimeout):
        return _Failure("the connection attempt timed out", maybe_sent=False)
    if isinstance(exc, requests.ReadTimeout):
        return _Failure(f"no answer within {read_timeout:g} s", maybe_sent=True)
    cause: BaseException | None = exc
    seen = 0
    while cause is not None and seen < 8:  # walk requests' and urllib3's wrappers
        if isinstance(cause, urllib3.exceptions.NewConnectionError):
            return _Failure("the server refused the connection", maybe_sent=False)
        if isinstance(cause, urllib3.exceptions.MaxRetryError) and cause.reason is not None:
            cause = cause.reason
        else:
            args = getattr(cause, "args", ())
            nested = next((a for a in args if isinstance(a, BaseException)), None)
            cause = nested or cause.__cause__ or cause.__context__
        seen += 1
    return _Failure("the connection was dropped before the answer arrived", maybe_sent=True)


class Transport:
    def __init__(
        self,
        base_url: str,
        tokens: TokenProvider,
        *,
        connect_timeout: float,
        read_timeout: float,
        retry: RetryPolicy,
        pacer: WritePacer,
        clock: Clock,
        stats: StatsCounter,
        pool_size: int = 16,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        base = urlsplit(self.base_url)
        self._host = base.netloc or self.base_url
        self._origin = (base.scheme, base.netloc.lower())
        self._tokens = tokens
        self._timeout = (connect_timeout, read_timeout)
        self.retry = retry
        self.pacer = pacer
        self.clock = clock
        self.stats = stats
        self._refresh_lock = threading.Lock()
        self._token_generation = 0
        self._session = requests.Session()
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=pool_size, max_retries=0)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._session.headers.update({"Accept": "application/json"})

    def url(self, path: str) -> str:
        """Absolute URL for a path below the version root; full URLs (nextLink) pass as-is,
        but only to the same server: the bearer token must never go anywhere else."""
        if path.startswith(("https://", "http://")):
            target = urlsplit(path)
            if (target.scheme, target.netloc.lower()) != self._origin:
                raise ProtocolError(
                    f"The server sent a link to another server ({target.netloc}); "
                    "refusing to send the sign-in token there."
                )
            return path
        return f"{self.base_url}/{path.lstrip('/')}"

    def close(self) -> None:
        self._session.close()

    def send(
        self,
        method: str,
        path: str,
        *,
        what: str,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        writes: int | None = None,
        batch: bool = False,
        cancel: CancelToken | None = None,
    ) -> Reply:
        """Send until a 2xx answer arrives or the budget is spent.

        A request carrying writes is never sent again once it may have reached the service
        (dropped after sending, timed out, 500/502/504): ``AnswerLostError`` instead, so the
        caller can re-read and send only what is missing. Reads and refusals that applied
        nothing (429, 503, a refused connection) are retried.

        ``writes`` is how many writes the request carries for the pacer (default: 1 for any
        method but GET); for a ``batch`` the caller tells the pacer which inner writes were
        accepted, since a 200 for the batch says nothing about them. ``what`` names the request
        in errors ("get user ann@contoso.com").
        """
        method = method.upper()
        if writes is None:
            writes = 0 if method in READ_METHODS else 1
        url = self.url(path)
        data = None if body is None else json.dumps(body, separators=(",", ":")).encode()
        budget = RetryBudget(self.retry)
        refreshed = False
        used_tokens: set[str] = set()
        while True:
            if cancel is not None and cancel.cancelled:
                raise CancelledError("Stopped: the work was cancelled.")
            ticket = self.pacer.acquire(writes, cancel) if writes else None
            generation = self._token_generation
            token = self._tokens.token()
            used_tokens.add(token)
            # A fresh id per try lets Microsoft support find each one in their logs.
            client_request_id = str(uuid.uuid4())
            request_headers = {
                "Authorization": f"Bearer {token}",
                "client-request-id": client_request_id,
            }
            if data is not None:
                request_headers["Content-Type"] = "application/json"
            if headers:
                request_headers.update(headers)
            budget.record_attempt()
            if budget.attempts > 1:
                self.stats.add(retries=1)
            self.stats.add(requests_sent=1)
            started = self.clock.now()
            try:
                response = self._session.request(
                    method, url, data=data, headers=request_headers, timeout=self._timeout
                )
                content = response.content
            except requests.RequestException as exc:
                failure = _classify(exc, self._timeout[1])
                self.stats.add(connection_failures=1)
                log.warning("%s %s: %s (attempt %d)", method, what, failure.reason, budget.attempts)
                if failure.maybe_sent and writes:
                    raise self._answer_lost(what, failure.reason) from exc
                wait = budget.next_wait(None)
                if wait is None:
                    raise ConnectionFailedError(
                        f"Could not complete {what}: {failure.reason} ({self._host}). "
                        "Check the network connection and try again."
                    ) from exc
                self.clock.sleep(wait, cancel)
                continue
            status = response.status_code
            request_id = response.headers.get("request-id")
            log.debug(
                "%s %s -> %d in %.0f ms (request-id %s)",
                method,
                what,
                status,
                (self.clock.now() - started) * 1000,
                request_id,
            )
            if 200 <= status < 300:
                if ticket is not None and not batch:
                    self.pacer.accepted(ticket, writes)
                return Reply(status, content, response.headers, request_id, ticket)
            if status == 401 and not refreshed:
                refreshed = True
                self._refresh_token(generation)
                continue
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if status == 429:
                self.stats.add(throttled=1)
                if ticket is not None:
                    self.pacer.throttled(ticket, retry_after)
            if status in _AMBIGUOUS_STATUSES and writes:
                raise self._answer_lost(what, f"HTTP {status} (request-id {request_id or 'n/a'})")
            retryable = status in THROTTLE_STATUSES or status in SERVER_RETRY_STATUSES
            wait = budget.next_wait(retry_after) if retryable else None
            if wait is None:
                error = self._error(
                    status,
                    content=content,
                    headers=response.headers,
                    what=what,
                    used_tokens=used_tokens,
                    client_request_id=client_request_id,
                )
                raise error
            log.warning(
                "%s %s -> %d, retrying in %.3g s (attempt %d, request-id %s)",
                method,
                what,
                status,
                wait,
                budget.attempts,
                request_id,
            )
            self.clock.sleep(wait, cancel)

    def _answer_lost(self, what: str, reason: str) -> AnswerLostError:
        self.stats.add(lost_answers=1)
        return AnswerLostError(
            f"No answer to {what}: {reason} ({self._host}). It may have been applied; it was "
            "not sent again."
        )

    def _refresh_token(self, generation: int) -> None:
        """Refresh once for all threads that saw the same expired token."""
        with self._refresh_lock:
            if generation == self._token_generation:
                self._tokens.refresh()
                self._token_generation += 1

    def _error(
        self,
        status: int,
        *,
        content: bytes,
        headers: Mapping[str, str],
        what: str,
        used_tokens: set[str],
        client_request_id: str,
    ) -> GraphError:
        def redact(text: str) -> str:
            for token in used_tokens:
                if token:
                    text = text.replace(token, _HIDDEN)
            return text

        return error_from_http(
            status,
            content,
            headers,
            what=what,
            redact=redact,
            client_request_id=client_request_id,
        )
