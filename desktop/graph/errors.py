"""Typed errors of the core. The UI maps these to translated text in one place."""

from __future__ import annotations


class LicenseDeskError(Exception):
    """Base of every error the core raises on purpose."""


class GraphError(LicenseDeskError):
    """Microsoft Graph (or the demo tenant) answered with an error envelope.

    ``message`` is Graph's own text, fit to show to people; ``code`` and ``request_id`` are for
    logs and support tickets.
    """

    def __init__(
        self,
        code: str,
        message: str,
        *,
        status: int,
        request_id: str | None = None,
        client_request_id: str | None = None,
    ) -> None:
        super().__init__(f"{message} ({code}, HTTP {status}, request-id {request_id or 'n/a'})")
        self.code = code
        self.message = message
        self.status = status
        self.request_id = request_id
        self.client_request_id = client_request_id


class AuthenticationError(GraphError):
    """401: the token is missing, expired and could not be refreshed, or invalid."""


class PermissionDeniedError(GraphError):
    """403: the signed-in admin lacks a role or the app lacks a consented scope."""


class NotFoundError(GraphError):
    """404: ``Request_ResourceNotFound`` and friends."""


class ThrottledError(GraphError):
    """429/503/504 still failing once the retry budget is spent."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        status: int,
        retry_after: float | None = None,
        request_id: str | None = None,
    ) -> None:
        super().__init__(code, message, status=status, request_id=request_id)
        self.retry_after = retry_after


class ProtocolError(LicenseDeskError):
    """The server's answer did not have the shape Graph promises (HTML page, truncated JSON,
    a missing required field). The text names what was wrong and where."""


class ConnectionFailedError(LicenseDeskError):
    """The server could not be reached (or dropped the connection) after every retry.

    The text names the cause: refused, unknown host, no answer in time, dropped.
    ``maybe_sent`` is True when the request may have reached the server (so a write may have
    been applied although no answer came back).
    """

    maybe_sent: bool = False


class BadAddressError(LicenseDeskError):
    """The Graph address cannot be used at all (unknown scheme, no host, plain http to
    another computer): fails before anything is sent."""


class MalformedTokenError(LicenseDeskError):
    """The bearer token holds characters that cannot go in an HTTP header (a line break, a
    non-ASCII letter): fails before anything is sent, naming the character's position."""


class RedirectRefusedError(ProtocolError):
    """The server answered a Graph call with a redirect; Graph calls are never followed
    elsewhere (the token and the answer must both stay with the tenant)."""


class AnswerTooLargeError(ProtocolError):
    """One answer was larger than the client accepts; reading stopped at the limit."""


class PagingLoopError(ProtocolError):
    """``@odata.nextLink`` repeated a page or ran past any tenant's size: stopped."""


class CancelledError(LicenseDeskError):
    """Work stopped because its cancel token was set."""


class AnswerLostError(ConnectionFailedError):
    """A write went out but its answer was lost (the connection dropped after sending, no
    answer in time, or a 500/502/504): Graph may or may not have applied it. The client never
    sends it again by itself; the caller re-reads and sends only what is still missing."""
