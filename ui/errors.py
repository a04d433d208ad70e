"""The one place where errors from the core become words for people.

Every dialog, status line and results view asks ``describe(exc)``; nothing else formats an
exception for display. Messages say what happened and what to do next. ``details`` holds the
codes support needs (Graph error code, request id), never a token or a password.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop.auth.errors import SignInCancelledError
from desktop.graph.errors import (
    AuthenticationError,
    CancelledError,
    ConnectionFailedError,
    GraphError,
    LicenseDeskError,
    NotFoundError,
    PermissionDeniedError,
    ProtocolError,
    ThrottledError,
)


@dataclass(frozen=True)
class UserMessage:
    title: str
    text: str
    details: str = ""
    expected: bool = True  # False: a bug, shown with "Copy details" for a report


def describe(exc: BaseException) -> UserMessage:
    """A translated title, text and support details for ``exc``."""
    for kind, describer in _DESCRIBERS:
        if isinstance(exc, kind):
            return describer(exc)
    return unexpected(exc)


def unexpected(exc: BaseException) -> UserMessage:
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Something went wrong"),
        QCoreApplication.translate(
            "ErrorText",
            "License Desk hit an unexpected problem and stopped this task. Your other work is "
            "safe. Use Copy details to send the report to your IT support.",
        ),
        "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
        expected=False,
    )


def _graph_details(exc: GraphError) -> str:
    return f"code: {exc.code}\nHTTP status: {exc.status}\nrequest-id: {exc.request_id or 'n/a'}"


def _authentication(exc: BaseException) -> UserMessage:
    details = _graph_details(exc) if isinstance(exc, GraphError) else ""
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Sign-in needed"),
        QCoreApplication.translate(
            "ErrorText", "Your sign-in has expired or was refused. Sign in again, then retry."
        ),
        details,
    )


def _permission(exc: BaseException) -> UserMessage:
    assert isinstance(exc, GraphError)
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Not allowed"),
        QCoreApplication.translate(
            "ErrorText",
            "Your account may not do this. Ask a Global Administrator to give you the License "
            "Administrator or User Administrator role, then sign in again.",
        ),
        _graph_details(exc),
    )


def _not_found(exc: BaseException) -> UserMessage:
    assert isinstance(exc, GraphError)
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Not found"),
        QCoreApplication.translate(
            "ErrorText",
            "The user or license no longer exists. Refresh the list (F5) and try again.",
        ),
        _graph_details(exc),
    )


def _throttled(exc: BaseException) -> UserMessage:
    assert isinstance(exc, GraphError)
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Microsoft 365 is busy"),
        QCoreApplication.translate(
            "ErrorText",
            "Microsoft 365 asked License Desk to slow down and kept refusing. Wait a few "
            "minutes, then try again.",
        ),
        _graph_details(exc),
    )


def _graph(exc: BaseException) -> UserMessage:
    assert isinstance(exc, GraphError)
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Microsoft 365 refused the request"),
        QCoreApplication.translate("ErrorText", "Microsoft 365 said: {message}").format(
            message=exc.message
        ),
        _graph_details(exc),
    )


def _connection(exc: BaseException) -> UserMessage:
    return UserMessage(
        QCoreApplication.translate("ErrorText", "No connection"),
        QCoreApplication.translate(
            "ErrorText",
            "License Desk could not reach Microsoft 365. Check the internet connection (and "
            "any proxy or VPN), then try again.",
        ),
        str(exc),
    )


def _protocol(exc: BaseException) -> UserMessage:
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Unexpected answer"),
        QCoreApplication.translate(
            "ErrorText",
            "The server sent an answer License Desk does not understand. Try again; if it "
            "keeps happening, copy the details for your IT support.",
        ),
        str(exc),
    )


def _cancelled(exc: BaseException) -> UserMessage:
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Stopped"),
        QCoreApplication.translate("ErrorText", "The task was stopped."),
    )


def _sign_in_cancelled(exc: BaseException) -> UserMessage:
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Sign-in cancelled"),
        QCoreApplication.translate(
            "ErrorText", "Nothing was changed. Sign in again whenever you are ready."
        ),
    )


def _file(exc: BaseException) -> UserMessage:
    assert isinstance(exc, OSError)
    name = exc.filename or ""
    return UserMessage(
        QCoreApplication.translate("ErrorText", "File problem"),
        QCoreApplication.translate(
            "ErrorText",
            "License Desk could not use the file {name}: {reason}. Check that it exists, is "
            "not open in another program, and that you may write to its folder.",
        ).format(name=name, reason=exc.strerror or exc),
    )


def _core(exc: BaseException) -> UserMessage:
    """Other deliberate core errors (plan file, journal, sign-in, keyring): their own text
    already says what to do, in English until the core's messages get translation keys."""
    return UserMessage(
        QCoreApplication.translate("ErrorText", "License Desk could not do that"), str(exc)
    )


_DESCRIBERS = (
    (PermissionDeniedError, _permission),
    (AuthenticationError, _authentication),
    (NotFoundError, _not_found),
    (ThrottledError, _throttled),
    (GraphError, _graph),
    (ConnectionFailedError, _connection),
    (ProtocolError, _protocol),
    (CancelledError, _cancelled),
    (SignInCancelledError, _sign_in_cancelled),
    (LicenseDeskError, _core),
    (OSError, _file),
)
