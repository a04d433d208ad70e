"""Errors in words people can act on, and unexpected ones caught without closing the app."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.auth.errors import KeyringUnavailableError, SignInRequiredError
from desktop.graph.errors import (
    AuthenticationError,
    CancelledError,
    ConnectionFailedError,
    GraphError,
    NotFoundError,
    PermissionDeniedError,
    ProtocolError,
    ThrottledError,
)
from tests.ui.conftest import REJECT, DialogScript
from ui.crash import ErrorReporter
from ui.dialogs.error_dialog import ErrorDialog
from ui.errors import describe
from ui.workers import JobContext, WorkerPool


def graph(kind: type[GraphError], status: int, code: str = "Code") -> GraphError:
    return kind(code, "Graph's own words.", status=status, request_id="req-123")


@pytest.mark.parametrize(
    ("error", "title", "hint"),
    [
        (graph(PermissionDeniedError, 403), "Not allowed", "License Administrator"),
        (graph(AuthenticationError, 401), "Sign-in needed", "Sign in again"),
        (SignInRequiredError(), "Sign-in needed", "Sign in again"),
        (graph(NotFoundError, 404), "Not found", "Refresh"),
        (ThrottledError("TooManyRequests", "slow", status=429), "Microsoft 365 is busy", "Wait"),
        (graph(GraphError, 400), "Microsoft 365 refused the request", "details"),
        (ConnectionFailedError("refused"), "No connection", "internet connection"),
        (ProtocolError("html page"), "Unexpected answer", "Try again"),
        (CancelledError("stop"), "Stopped", "stopped"),
        (KeyringUnavailableError("locked"), "Sign-in cannot be saved", "keyring"),
        (FileNotFoundError(2, "No such file", "plan.csv"), "File problem", "plan.csv"),
    ],
)
def test_typed_errors_become_clear_messages(
    qapp: object, error: BaseException, title: str, hint: str
) -> None:
    message = describe(error)
    assert message.title == title
    assert hint in message.text
    assert message.expected


def test_graph_details_name_code_and_request_id_for_support(qapp: object) -> None:
    message = describe(graph(GraphError, 400, "Request_BadRequest"))
    assert "Request_BadRequest" in message.details and "req-123" in message.details


def test_a_bug_is_reported_with_a_traceback(qapp: object) -> None:
    try:
        raise ZeroDivisionError("oops")
    except ZeroDivisionError as exc:
        message = describe(exc)
    assert not message.expected
    assert "ZeroDivisionError: oops" in message.details


def test_unexpected_exception_opens_the_dialog_and_copies_details(
    qtbot: QtBot, dialogs: DialogScript
) -> None:
    reporter = ErrorReporter(lambda: None)
    copied: list[str] = []

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, ErrorDialog)
        assert dialog.details.isVisibleTo(dialog)  # a bug shows its details straight away
        dialog.copy_button.click()
        copied.append(QGuiApplication.clipboard().text())
        return REJECT

    dialogs.expect(ErrorDialog, answer)
    try:
        raise KeyError("missing")
    except KeyError:
        kind, exc, tb = sys.exc_info()
        assert kind is not None and exc is not None
        reporter.handle(kind, exc, tb)
    assert "KeyError" in copied[0] and "Something went wrong" in copied[0]


def test_reporter_replaces_and_restores_the_hook(qapp: object) -> None:
    before = sys.excepthook
    reporter = ErrorReporter(lambda: None)
    reporter.install()
    assert sys.excepthook == reporter.handle
    reporter.uninstall()
    assert sys.excepthook is before


def test_a_failing_job_reports_its_error_on_the_ui_thread(qtbot: QtBot) -> None:
    pool = WorkerPool()
    errors: list[BaseException] = []

    def fail(_context: object) -> None:
        raise ValueError("bad")

    pool.start("fail", fail, on_error=errors.append)
    qtbot.waitUntil(lambda: pool.active == 0)
    assert len(errors) == 1 and isinstance(errors[0], ValueError)


def test_shutdown_cancels_running_jobs(qtbot: QtBot) -> None:
    pool = WorkerPool()
    results: list[object] = []

    def wait_for_cancel(context: JobContext) -> bool:
        return bool(context.cancel.wait(30))

    job = pool.start("waiter", wait_for_cancel, on_result=results.append)
    assert pool.shutdown(timeout_ms=10_000)
    assert job.cancel_token.cancelled
    QCoreApplication.processEvents()  # deliver the result the job queued while stopping
    assert results == []  # dropped: it must never reach a window that is closing
