"""The one place where errors from the core become words for people.

Every dialog, status line and results view asks ``describe(exc)``; nothing else formats an
exception for display. Messages say what happened and what to do next. ``details`` holds the
codes support needs (Graph error code, request id), never a token or a password.
"""

from __future__ import annotations

import errno
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.auth.errors import (
    ConsentRequiredError,
    KeyringUnavailableError,
    SignInCancelledError,
    SignInFailedError,
    SignInTimedOutError,
)
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
from desktop.licensing.csv_plan import CsvPlanError
from desktop.licensing.errors import (
    JournalError,
    PlanBlockedError,
    RunAlreadyUndoneError,
    RunInProgressError,
    RunNotFoundError,
    RunNotResumableError,
    WrongTenantError,
)
from ui.graph_failures import graph_details, graph_failure_text
from ui.models.naming import LicenseNaming
from ui.plan_file_text import plan_file_text
from ui.plan_text import problem_text, user_label
from ui.sign_in_failures import (
    SignInFailure,
    failure_by_code,
    failure_words,
    sign_in_failure,
)
from ui.sign_in_failures import aadsts_code as code_in


@dataclass(frozen=True)
class UserMessage:
    title: str
    text: str
    details: str = ""
    expected: bool = True  # False: a bug, shown with "Copy details" for a report


def describe(exc: BaseException) -> UserMessage:
    """A translated title, text and support details for ``exc``."""
    code = aadsts_code(exc)
    # A number with words of its own wins, also over "sign in again" (a refused refresh or
    # a code redeemed for the wrong organisation come back as invalid_grant).
    known = failure_by_code(code) if code is not None else None
    if known is not None:
        return _sign_in_refused(exc, known)
    if code in _CONSENT_CODES and isinstance(exc, SignInFailedError):
        return _consent(exc)
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
    """Graph's code and its own (English) words, for "Details" and support."""
    return (
        graph_details(exc.code, exc.message, exc.status)
        + f"\nrequest-id: {exc.request_id or 'n/a'}"
    )


REQUEST_DENIED = "Authorization_RequestDenied"


def _permission(exc: BaseException) -> UserMessage:
    assert isinstance(exc, GraphError)
    if exc.code == REQUEST_DENIED:
        # Graph answers the same for a token without the write scope and for an admin without
        # the role; the answer cannot tell them apart, so the words name both.
        return UserMessage(
            QCoreApplication.translate("ErrorText", "Not allowed"),
            QCoreApplication.translate(
                "ErrorText",
                "Microsoft 365 refused the change. Either License Desk lacks the permission "
                "for it (sign out, sign in again and accept the permission it asks for), or "
                "your account lacks the License Administrator or User Administrator role (ask "
                "a Global Administrator to assign one in the Microsoft 365 admin center › "
                "Users › your account › Manage roles, then sign in again).",
            ),
            _graph_details(exc),
        )
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Not allowed"),
        QCoreApplication.translate(
            "ErrorText",
            "You need the License Administrator or User Administrator role to change licenses "
            "and users. Ask a Global Administrator to assign you one (Microsoft 365 admin "
            "center › Users › your account › Manage roles), then sign in again.",
        ),
        _graph_details(exc),
    )


# -- sign-in ----------------------------------------------------------------------------------

# 65001: not consented; 90094/90095: only an administrator may consent (the scopes named).
_CONSENT_CODES = frozenset({65001, 90094, 90095})


def aadsts_code(exc: BaseException) -> int | None:
    """The first AADSTS number in a sign-in error's text, if any."""
    return code_in(exc.description if isinstance(exc, SignInFailedError) else str(exc))


def _sign_in_details(exc: BaseException) -> str:
    """Microsoft's own (English) words and the numbers support asks for."""
    if isinstance(exc, SignInFailedError):
        lines = [f"error: {exc.error}", exc.description.strip()]
        if exc.correlation_id:
            lines.append(f"correlation id: {exc.correlation_id}")
        return "\n".join(line for line in lines if line)
    return str(exc)


def _sign_in_refused(exc: BaseException, kind: SignInFailure) -> UserMessage:
    title, text = failure_words(kind)
    return UserMessage(title, text, _sign_in_details(exc))


def _permission_names() -> dict[str, str]:
    # Spelled out in full: lupdate only recognises QCoreApplication.translate by that name.
    return {
        "user.read": QCoreApplication.translate("ErrorText", "sign you in and read your profile"),
        "user.read.all": QCoreApplication.translate(
            "ErrorText", "read the users of your organisation"
        ),
        "licenseassignment.read.all": QCoreApplication.translate(
            "ErrorText", "read license packages"
        ),
        "groupmember.read.all": QCoreApplication.translate(
            "ErrorText", "read the groups that hand out licenses"
        ),
        "licenseassignment.readwrite.all": QCoreApplication.translate(
            "ErrorText", "assign and remove licenses"
        ),
        "user.readwrite.all": QCoreApplication.translate(
            "ErrorText", "create users and change their settings"
        ),
    }


def _consent(exc: BaseException) -> UserMessage:
    scopes = exc.scopes if isinstance(exc, ConsentRequiredError) else ()
    names = _permission_names()
    lines = [f"• {names.get(s.lower(), s)} ({s})" for s in scopes]
    # Whole sentences on lines of their own: each translates alone, in any word order.
    needs = (
        [QCoreApplication.translate("ErrorText", "License Desk needs permission to:"), *lines]
        if lines
        else [
            QCoreApplication.translate(
                "ErrorText", "License Desk needs permissions that were not granted yet."
            )
        ]
    )
    advice = QCoreApplication.translate(
        "ErrorText",
        "Sign in again and accept the request. If you may not accept it yourself, an "
        "administrator can grant consent for your organisation (Microsoft Entra admin "
        "center › Enterprise applications › the app › Permissions).",
    )
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Permission needed"),
        "\n".join([*needs, advice]),
        "scopes: " + " ".join(scopes) if scopes else _sign_in_details(exc),
    )


def _sign_in_failed(exc: BaseException) -> UserMessage:
    assert isinstance(exc, SignInFailedError)
    return _sign_in_refused(exc, sign_in_failure(exc.error, aadsts_code(exc)))


def _keyring(exc: BaseException) -> UserMessage:
    assert isinstance(exc, KeyringUnavailableError)
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Sign-in cannot be saved"),
        QCoreApplication.translate(
            "ErrorText",
            "This computer's keyring cannot store your sign-in ({reason}). License Desk never "
            "saves it to a plain file. Unlock or set up the keyring (Windows Credential "
            "Manager, macOS Keychain, GNOME Keyring or KWallet), or keep the sign-in in "
            "memory for this session only.",
        ).format(reason=exc.reason),
        exc.backend,
    )


def _graph(exc: BaseException) -> UserMessage:
    assert isinstance(exc, GraphError)
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Microsoft 365 refused the request"),
        graph_failure_text(exc.code, exc.message, exc.status),
        _graph_details(exc),
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
        ).format(name=name, reason=_file_reason(exc)),
        str(exc),  # the system's own (English) words, under Details
    )


def _file_reason(exc: OSError) -> str:
    """Why a file could not be used, in the window's language (the system's text is not)."""
    if isinstance(exc, FileNotFoundError):
        return QCoreApplication.translate("ErrorText", "it does not exist")
    if isinstance(exc, PermissionError):
        return QCoreApplication.translate("ErrorText", "you may not open or write it")
    if isinstance(exc, IsADirectoryError):
        return QCoreApplication.translate("ErrorText", "it is a folder")
    if exc.errno == errno.ENOSPC:
        return QCoreApplication.translate("ErrorText", "the disk is full")
    return QCoreApplication.translate("ErrorText", "the system refused it")


def _plan_blocked(exc: BaseException) -> UserMessage:
    """A resumed run whose re-check found problems: each in the window's words, by user."""
    assert isinstance(exc, PlanBlockedError)
    checked = exc.checked
    lines = []
    for problem in checked.blocking:
        text = problem_text(problem, LicenseNaming())
        who = user_label(problem.user, checked.before) if problem.user else ""
        lines.append(f"{who}: {text}" if who else text)
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Nothing was changed"),
        QCoreApplication.translate(
            "ErrorText", "Fix these problems first, then try again:\n{problems}"
        ).format(problems="\n".join(lines)),
    )


def _plan_file(exc: BaseException) -> UserMessage:
    assert isinstance(exc, CsvPlanError)
    return UserMessage(
        QCoreApplication.translate("ErrorText", "The plan file has errors"),
        plan_file_text(exc),
        str(exc),
    )


def _run_already_undone(exc: BaseException) -> UserMessage:
    undone_by = exc.undone_by if isinstance(exc, RunAlreadyUndoneError) else ""
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Already undone"),
        QCoreApplication.translate(
            "ErrorText",
            "This change was already undone (by run {run}). Nothing was changed. To make the "
            "change again, undo that run.",
        ).format(run=undone_by),
        str(exc),
    )


def _wrong_tenant(exc: BaseException) -> UserMessage:
    previewed = exc.previewed if isinstance(exc, WrongTenantError) else ""
    return UserMessage(
        QCoreApplication.translate("ErrorText", "Another tenant"),
        QCoreApplication.translate(
            "ErrorText",
            "This change was previewed for another tenant ({tenant}), so it was not applied "
            "here. Nothing was changed. Preview it again in the tenant it is for.",
        ).format(tenant=previewed),
        str(exc),
    )


@dataclass(frozen=True)
class _Fixed:
    """An error told in fixed words: a title and a text (marked with QT_TRANSLATE_NOOP, typed
    object by PySide6, translated when shown) and the details support needs."""

    title: object
    text: object
    details: Callable[[BaseException], str] = lambda _exc: ""

    def __call__(self, exc: BaseException) -> UserMessage:
        return UserMessage(
            QCoreApplication.translate("ErrorText", str(self.title)),
            QCoreApplication.translate("ErrorText", str(self.text)),
            self.details(exc),
        )


def _graph_details_of(exc: BaseException) -> str:
    return _graph_details(exc) if isinstance(exc, GraphError) else ""


_authentication = _Fixed(
    QT_TRANSLATE_NOOP("ErrorText", "Sign-in needed"),
    QT_TRANSLATE_NOOP(
        "ErrorText", "Your sign-in has expired or was refused. Sign in again, then retry."
    ),
    _graph_details_of,
)
_sign_in_timed_out = _Fixed(
    QT_TRANSLATE_NOOP("ErrorText", "Sign-in expired"),
    QT_TRANSLATE_NOOP(
        "ErrorText",
        "The sign-in was not finished in time (a code is valid for about 15 minutes). "
        "Start the sign-in again.",
    ),
)
_sign_in_cancelled = _Fixed(
    QT_TRANSLATE_NOOP("ErrorText", "Sign-in cancelled"),
    QT_TRANSLATE_NOOP("ErrorText", "Nothing was changed. Sign in again whenever you are ready."),
)
_not_found = _Fixed(
    QT_TRANSLATE_NOOP("ErrorText", "Not found"),
    QT_TRANSLATE_NOOP(
        "ErrorText", "The user or license no longer exists. Refresh the list (F5) and try again."
    ),
    _graph_details_of,
)
_throttled = _Fixed(
    QT_TRANSLATE_NOOP("ErrorText", "Microsoft 365 is busy"),
    QT_TRANSLATE_NOOP(
        "ErrorText",
        "Microsoft 365 asked License Desk to slow down and kept refusing. Wait a few "
        "minutes, then try again.",
    ),
    _graph_details_of,
)
_connection = _Fixed(
    QT_TRANSLATE_NOOP("ErrorText", "No connection"),
    QT_TRANSLATE_NOOP(
        "ErrorText",
        "License Desk could not reach Microsoft 365. Check the internet connection (and "
        "any proxy or VPN), then try again.",
    ),
    str,
)
_protocol = _Fixed(
    QT_TRANSLATE_NOOP("ErrorText", "Unexpected answer"),
    QT_TRANSLATE_NOOP(
        "ErrorText",
        "The server sent an answer License Desk does not understand. Try again; if it "
        "keeps happening, copy the details for your IT support.",
    ),
    str,
)
_cancelled = _Fixed(
    QT_TRANSLATE_NOOP("ErrorText", "Stopped"),
    QT_TRANSLATE_NOOP("ErrorText", "The task was stopped."),
)
_run_not_found = _Fixed(
    QT_TRANSLATE_NOOP("ErrorText", "Run not found"),
    QT_TRANSLATE_NOOP(
        "ErrorText", "History has no such run any more. Reopen History and pick the run again."
    ),
    str,
)
_run_in_progress = _Fixed(
    QT_TRANSLATE_NOOP("ErrorText", "Run in progress"),
    QT_TRANSLATE_NOOP(
        "ErrorText",
        "Another License Desk window is applying this run right now. Wait until it "
        "finishes, then try again.",
    ),
    str,
)
_run_finished = _Fixed(
    QT_TRANSLATE_NOOP("ErrorText", "Nothing left to resume"),
    QT_TRANSLATE_NOOP("ErrorText", "This run has finished: every change in it was already tried."),
    str,
)
_journal = _Fixed(
    QT_TRANSLATE_NOOP("ErrorText", "History cannot be saved"),
    QT_TRANSLATE_NOOP(
        "ErrorText",
        "License Desk cannot read or write its history file, so it changed nothing. "
        "Check that your user folder is writable and not full, then try again.",
    ),
    str,
)
# Other deliberate core errors: a translated sentence; the core's own English text (which
# names the exact cause) goes under "Details".
_core = _Fixed(
    QT_TRANSLATE_NOOP("ErrorText", "License Desk could not do that"),
    QT_TRANSLATE_NOOP(
        "ErrorText",
        "License Desk stopped this task and changed nothing more. Show the details for "
        "the exact cause.",
    ),
    str,
)


_DESCRIBERS = (
    (PermissionDeniedError, _permission),
    (ConsentRequiredError, _consent),
    (AuthenticationError, _authentication),
    (NotFoundError, _not_found),
    (ThrottledError, _throttled),
    (GraphError, _graph),
    (ConnectionFailedError, _connection),
    (ProtocolError, _protocol),
    (CancelledError, _cancelled),
    (SignInCancelledError, _sign_in_cancelled),
    (SignInTimedOutError, _sign_in_timed_out),
    (SignInFailedError, _sign_in_failed),
    (KeyringUnavailableError, _keyring),
    (PlanBlockedError, _plan_blocked),
    (CsvPlanError, _plan_file),
    (RunNotFoundError, _run_not_found),
    (RunInProgressError, _run_in_progress),
    (RunAlreadyUndoneError, _run_already_undone),
    (RunNotResumableError, _run_finished),
    (WrongTenantError, _wrong_tenant),
    (JournalError, _journal),
    (LicenseDeskError, _core),
    (OSError, _file),
)
