"""One HTTP exchange with Graph, made reliable: auth header, bounds, retries, pacing.

``Transport.send`` returns only 2xx answers; every failure leaves as a typed error once the
retry budget is spent. Every exchange is bounded: a total deadline, a cap on the answer's
size, no redirects followed (``fetch_redirected`` is the one exception, without the token).
Retried: 429/503/504 and connections dropped after the request went out; nothing else.
Safe to call from several threads: the ``requests.Session`` shares a connection pool, and
counters and token refresh are guarded by locks.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from desktop.cancel import CancelToken
from desktop.graph.address import check_base_url, check_token, is_reserved_invalid
from desktop.graph.clock import Clock
from desktop.graph.deadline import BoundedAdapter, deadline
from desktop.graph.envelope import error_from_http
from desktop.graph.errors import (
    AnswerLostError,
    BadAddressError,
    CancelledError,
    ConnectionFailedError,
    GraphError,
    ProtocolError,
    RedirectRefusedError,
)
from desktop.graph.failures import Failure, classify
from desktop.graph.limits import (
    DEFAULT_DEADLINE_SECONDS,
    DEFAULT_MAX_ANSWER_BYTES,
    read_capped,
)
from desktop.graph.pacing import PaceTicket, WritePacer
from desktop.graph.resource_pause import ResourcePause, names_resource_units
from desktop.graph.retry import THROTTLE_STATUSES, RetryBudget, RetryPolicy, parse_retry_after
from desktop.graph.session import GraphSession
from desktop.graph.stats import StatsCounter
from desktop.graph.throttle_signals import counts_as_write_limit, limit_share, throttle_reason
from desktop.graph.tokens import TokenProvider

log = logging.getLogger("desktop.graph")

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Answers after which a write may have reached the service and been applied: its answer is
# lost, and resending it blind could apply it twice (or fail on the repeat), so it is not resent.
_AMBIGUOUS_STATUSES = frozenset({500, 502, 504})
_HIDDEN = "<hidden>"
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_HINTS = {
    True: "Check the network connection and try again.",
    False: "Check the address and that the server is running, then try again.",
}


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    content: bytes
    headers: Mapping[str, str]
    request_id: str | None
    # The request was sent again after a try that may have been applied (see errors.py).
    ticket: PaceTicket | None = None

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "")


class _AttemptFailedError(Exception):
    """One try ended without an HTTP answer (internal: ``send`` decides what follows)."""

    def __init__(self, failure: Failure, cause: BaseException) -> None:
        super().__init__(failure.reason)
        self.failure = failure
        self.cause = cause


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
        pool_size: int = 32,  # full reads keep as many requests in flight (full_read.py)
        deadline_seconds: float = DEFAULT_DEADLINE_SECONDS,
        max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
    ) -> None:
        """Raises ``BadAddressError`` for an address no retry could reach (``ftp://``, no
        host, plain http to another computer)."""
        self.base_url = base_url.rstrip("/")
        base = check_base_url(self.base_url)
        self._host = base.netloc
        self._origin = (base.scheme.lower(), base.netloc.lower())
        self._unknown_host = is_reserved_invalid(base.hostname or "")
        self._tokens = tokens
        self._timeout = (connect_timeout, read_timeout)
        self.deadline_seconds = deadline_seconds
        self.max_answer_bytes = max_answer_bytes
        self.retry = retry
        self.pacer = pacer
        self.clock = clock
        self.stats = stats
        self.resource_pause = ResourcePause(clock)
        self._refresh_lock = threading.Lock()
        self._token_generation = 0
        self._session = GraphSession()
        adapter = BoundedAdapter(pool_connections=4, pool_maxsize=pool_size, max_retries=0)
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
        ticket: PaceTicket | None = None,
        cancel: CancelToken | None = None,
        redirect_ok: bool = False,
        max_bytes: int | None = None,
    ) -> Reply:
        """Send until a 2xx answer arrives or the budget is spent.

        ``writes`` is how many writes the request carries for the pacer (default: 1 for any
        method but GET); for a ``batch`` the caller tells the pacer which inner writes were
        accepted, since a 200 for the batch says nothing about them. ``what`` names the request
        in errors ("get user ann@contoso.com"). ``ticket``: the pacer's reservation for the
        first try, when the caller made it (a $batch cut to fit); later tries reserve anew.
        A redirect raises ``RedirectRefusedError`` unless ``redirect_ok`` (then it is returned,
        unfollowed); ``max_bytes`` replaces the cap on the answer's size.

        A request carrying writes is never sent again once it may have reached the service
        (dropped after sending, timed out, 500/502/504): ``AnswerLostError`` instead, so the
        caller can re-read and send only what is missing.
        """
        method = method.upper()
        if writes is None:
            writes = 0 if method in READ_METHODS else 1
        url = self.url(path)
        data = None if body is None else json.dumps(body, separators=(",", ":")).encode()
        if self._unknown_host:
            raise self._connection_failed(
                what, Failure("the server's name is unknown", maybe_sent=False, retry=False)
            )
        budget = RetryBudget(self.retry)
        refreshed = False
        used_tokens: set[str] = set()
        while True:
            if cancel is not None and cancel.cancelled:
                raise CancelledError("Stopped: the work was cancelled.")
            self.resource_pause.wait(cancel)  # before the pacer: its times are send times
            if ticket is None or budget.attempts:
                ticket = self.pacer.acquire(writes, cancel) if writes else None
            generation = self._token_generation
            token = self._tokens.token()
            check_token(token)
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
                response, content = self._exchange(
                    method,
                    url,
                    data,
                    request_headers,
                    what,
                    redirect_ok=redirect_ok,
                    max_bytes=max_bytes,
                )
            except _AttemptFailedError as attempt:
                failure = attempt.failure
                self.stats.add(connection_failures=1)
                if failure.maybe_sent and writes:
                    raise self._answer_lost(what, failure.reason) from attempt.cause
                wait = budget.next_wait(None) if failure.retry else None
                # A warning only when trying again: the final failure is the caller's to tell,
                # and a command line must end with one line, not a log line and a message.
                log.log(
                    logging.WARNING if wait is not None else logging.DEBUG,
                    "%s %s: %s (attempt %d)",
                    method,
                    what,
                    failure.reason,
                    budget.attempts,
                )
                if wait is None:
                    raise self._connection_failed(what, failure) from attempt.cause
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
            if 200 <= status < 300 or status in _REDIRECT_STATUSES:
                if ticket is not None and not batch:
                    self.pacer.accepted(ticket, writes, limit_share(response.headers))
                return Reply(status, content, response.headers, request_id, ticket)
            if status == 401 and not refreshed:
                refreshed = True
                self._refresh_token(generation)
                continue
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            if status == 429:
                self.stats.add(throttled=1)
                reason = throttle_reason(response.headers)
                if ticket is not None and counts_as_write_limit(reason, unnamed=True):
                    self.pacer.throttled(ticket, retry_after)
                if names_resource_units(reason):
                    self.resource_pause.hold(retry_after)
            if status in _AMBIGUOUS_STATUSES and writes:
                raise self._answer_lost(what, f"HTTP {status} (request-id {request_id or 'n/a'})")
            wait = budget.next_wait(retry_after) if status in THROTTLE_STATUSES else None
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

    def fetch_redirected(self, path: str, *, what: str, max_bytes: int) -> bytes:
        """GET ``path`` from the tenant; when it answers with a redirect, follow that one hop
        WITHOUT the token (Graph's report downloads point at a short-lived, pre-authorised
        address on another host). A 2xx answer from the tenant itself is returned as is."""
        reply = self.send("GET", path, what=what, redirect_ok=True, max_bytes=max_bytes)
        if reply.status not in _REDIRECT_STATUSES:
            return reply.content
        location = reply.headers.get("Location", "")
        target = urljoin(self.url(path), location)
        try:
            check_base_url(target)
        except BadAddressError as exc:
            raise RedirectRefusedError(
                f"The server answered {what} with a redirect License Desk will not follow: {exc}"
            ) from None
        headers = {"Accept": "*/*"}  # and no Authorization: the token stays with the tenant
        self.stats.add(requests_sent=1)
        try:
            response, content = self._exchange(
                "GET", target, None, headers, what, max_bytes=max_bytes
            )
        except _AttemptFailedError as attempt:
            self.stats.add(connection_failures=1)
            host = urlsplit(target).netloc
            raise ConnectionFailedError(
                f"Could not complete {what}: {attempt.failure.reason} ({host}). "
                f"{_HINTS[attempt.failure.retry or attempt.failure.maybe_sent]}"
            ) from attempt.cause
        if not 200 <= response.status_code < 300:
            raise error_from_http(response.status_code, content, response.headers, what=what)
        return content

    def _exchange(
        self,
        method: str,
        url: str,
        data: bytes | None,
        headers: Mapping[str, str],
        what: str,
        *,
        redirect_ok: bool = False,
        max_bytes: int | None = None,
    ) -> tuple[requests.Response, bytes]:
        """One try, bounded by the deadline and the size cap; never follows a redirect."""
        with deadline(self.deadline_seconds) as watchdog:
            try:
                response = self._session.exchange(
                    method, url, data=data, headers=headers, timeout=self._timeout
                )
                try:
                    if response.status_code in _REDIRECT_STATUSES:
                        if not redirect_ok:
                            raise self._redirect_refused(response, what)
                        return response, b""
                    content = read_capped(response, what, max_bytes or self.max_answer_bytes)
                finally:
                    response.close()
            except requests.RequestException as exc:
                failure = classify(
                    exc,
                    read_timeout=self._timeout[1],
                    deadline=self.deadline_seconds,
                    deadline_expired=watchdog.expired,
                )
                raise _AttemptFailedError(failure, exc) from exc
        return response, content

    def _redirect_refused(self, response: requests.Response, what: str) -> RedirectRefusedError:
        target = urlsplit(response.headers.get("Location", ""))
        where = target.netloc or self._host
        return RedirectRefusedError(
            f"The server answered {what} with a redirect to {where}{target.path}; License Desk "
            "does not follow redirects for Graph calls (the answer must come from the tenant)."
        )

    def _connection_failed(self, what: str, failure: Failure) -> ConnectionFailedError:
        error = ConnectionFailedError(
            f"Could not complete {what}: {failure.reason} ({self._host}). "
            f"{_HINTS[failure.retry or failure.maybe_sent]}"
        )
        error.maybe_sent = failure.maybe_sent
        return error

    def _answer_lost(self, what: str, reason: str) -> AnswerLostError:
        """A write that may have been applied is never sent again blind: the caller re-reads
        and sends only what is still missing."""
        self.stats.add(lost_answers=1)
        error = AnswerLostError(
            f"No answer to {what}: {reason} ({self._host}). It may have been applied; it was "
            "not sent again."
        )
        error.maybe_sent = True
        return error

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
